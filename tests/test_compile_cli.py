"""`bkrc compile`: exit codes, --dry-run, --check, --force, --dialect, determinism."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, run_cli
from test_output import tree

from bkrdsl import output
from bkrdsl.dialect import DIALECT_DIR

GOOD = """\
import std/backup-manager
import std/zvm73

cluster DEVSSI {
  member DEV1 { workers 2  private-volume D1PRV1 }
  member DEV2 { workers 2  private-volume D2PRV1 }
  shared-volume SHR001
  single user BKRSVSFS
  catalog shared server BKRSVSFS pool BKRPOOL on DEV1
  expire on DEV1 { preview daily 05:00  purge weekly sun 06:00  retain 30 days }
  single group GUESTS { LINUX01 LINUX02 }
  identity group SYSTEM { TCPIP }
  disk BKRBKUP 191 size 10 cyl
  job GUESTFUL {
    description "Guests: every night"
    backup GUESTS full
    include minidisk * *
    to disk pool BKUPPOOL
    run on DEV1 daily 01:00
  }
  job SYSFU {
    backup SYSTEM full
    include minidisk * 0191
    to disk pool BKUPPOOL
    run on each member daily 02:00
  }
  disk BKRCATLG 191 size 10 cyl
  disk BKRWRK* 191 size 5 cyl
  disk BKRSVSFS 191 size 20 cyl
  disk BKRADMIN 191 size 10 cyl
  disk 5697J06C 191 size 10 cyl
}
"""


def source(tmp_path: Path, text: str = GOOD, name: str = "dev.bkr") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_compile_writes_every_file_and_then_is_up_to_date(tmp_path):
    src, out = source(tmp_path), tmp_path / "out"
    result = run_cli(["compile", src, "-o", out], expect=0)
    assert "created" in result.stdout
    manifest = json.loads((out / "manifest.json").read_text())
    paths = [f["path"] for f in manifest["files"]]
    assert "DEV1/GUESTFUL.TEMPLATE" in paths and "DEV2/SYSFU2.TEMPLATE" in paths
    assert "DEV1/BKREXPIR.EXEC" in paths and "DEV2/BKREXPIR.EXEC" not in paths
    assert all((out / p).is_file() for p in paths)
    result = run_cli(["compile", src, "-o", out], expect=0)
    assert "up to date" in result.stdout
    run_cli(["compile", src, "-o", out, "--check"], expect=0)


def test_check_exits_1_when_not_up_to_date(tmp_path):
    src, out = source(tmp_path), tmp_path / "out"
    result = run_cli(["compile", src, "-o", out, "--check"], expect=1)
    assert "not up to date" in result.stderr
    assert not out.exists()
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("daily 01:00", "daily 01:30"))
    result = run_cli(["compile", src, "-o", out, "--check"], expect=1)
    assert "DEV1/BKRSUBMT.EXEC" in result.stdout


def test_dry_run_prints_the_plan_and_writes_nothing(tmp_path):
    src, out = source(tmp_path), tmp_path / "out"
    result = run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
    assert not out.exists()
    rows = {line.split()[1]: line.split() for line in result.stdout.splitlines() if line.startswith("create")}
    assert rows["DEV2/SYSFU2.TEMPLATE"][2:] == ["job-template", "DEV2", "SYSFU2"]
    assert rows["cluster/BKRBUP-1.DIRECT"][2:4] == ["directory", "DEV1"]
    assert rows["manifest.json"][2] == "manifest"
    assert "to create" in result.stdout


def test_dry_run_and_check_together_is_a_usage_error(tmp_path):
    run_cli(["compile", source(tmp_path), "-o", tmp_path / "out", "--dry-run", "--check"], expect=2)


def test_diff_prints_each_changed_file_as_a_unified_diff(tmp_path):
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    before = tree(out)
    source(tmp_path, GOOD.replace("daily 01:00", "daily 01:30"))
    result = run_cli(["compile", src, "-o", out, "--dry-run", "--diff"], expect=0)
    assert tree(out) == before
    text = result.stdout
    assert "--- a/DEV1/BKRSUBMT.EXEC\n+++ b/DEV1/BKRSUBMT.EXEC\n" in text
    assert "\n-when.1 = 'daily 01:00'\n" in text and "\n+when.1 = 'daily 01:30'\n" in text
    # only the changed files (DEV2's BKRSUBMT holds the job's schedule in its
    # `awaysched.`, rexx.md; every EXEC then names another compile, "Which
    # compile wrote an EXEC"), and never the manifest (the plan's table names it)
    changed = {line[6:] for line in text.splitlines() if line.startswith("+++ b/")}
    assert changed == {path for path in before if path.endswith(".EXEC")}
    assert {"DEV1/BKRSUBMT.EXEC", "DEV2/BKRSUBMT.EXEC", "DEV2/BKRSTART.EXEC"} <= changed
    start = text.split("+++ b/DEV2/BKRSTART.EXEC\n", 1)[1].split("\n--- ", 1)[0]
    edits = [line for line in start.splitlines() if line[:1] in "+-"]
    assert len(edits) == 4 and all("ompile" in line for line in edits), start  # its compile only
    assert "update     manifest.json" in text
    check = run_cli(["compile", src, "-o", out, "--check", "--diff"], expect=1)
    assert "+when.1 = 'daily 01:30'" in check.stdout and "not up to date" in check.stderr
    run_cli(["compile", src, "-o", out], expect=0)
    result = run_cli(["compile", src, "-o", out, "--check", "--diff"], expect=0)
    assert "---" not in result.stdout


def test_diff_of_created_deleted_and_hand_edited_files(tmp_path):
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    edited = out / "DEV1" / "SYSFU1.TEMPLATE"
    edited.write_text(edited.read_text() + "* my note\n")
    source(tmp_path, GOOD.replace("job GUESTFUL {", "job GUESTALL {"))
    result = run_cli(["compile", src, "-o", out, "--dry-run", "--diff"], expect=2)
    text = result.stdout
    assert "--- /dev/null\n+++ b/DEV1/GUESTALL.TEMPLATE\n" in text
    assert "--- a/DEV1/GUESTFUL.TEMPLATE\n+++ /dev/null\n" in text
    assert "--- a/DEV1/SYSFU1.TEMPLATE\n+++ b/DEV1/SYSFU1.TEMPLATE\n" in text
    assert "-* my note\n" in text  # what --force would undo
    assert "changed by hand" in result.stdout + result.stderr


def test_diff_alone_is_a_dry_run_that_prints_the_diff(tmp_path):
    """`--diff` writes nothing, as Black's and Ruff's: it is `--dry-run --diff`."""
    src, out = source(tmp_path), tmp_path / "out"
    result = run_cli(["compile", src, "-o", out, "--diff"], expect=0)
    assert not out.exists()
    assert "--- /dev/null\n+++ b/DEV1/BKRSUBMT.EXEC\n" in result.stdout
    run_cli(["compile", src, "-o", out], expect=0)
    before = tree(out)
    source(tmp_path, GOOD.replace("job GUESTFUL {", "job GUESTALL {"))
    result = run_cli(["compile", src, "-o", out, "--diff"], expect=0)
    assert tree(out) == before
    assert "--- /dev/null\n+++ b/DEV1/GUESTALL.TEMPLATE\n" in result.stdout
    assert "--- a/DEV1/GUESTFUL.TEMPLATE\n+++ /dev/null\n" in result.stdout
    assert result.stdout == run_cli(["compile", src, "-o", out, "--dry-run", "--diff"], expect=0).stdout
    # a dry run's refusals too: a hand edit is named and the exit is 2, as with --dry-run
    edited = out / "DEV1" / "SYSFU1.TEMPLATE"
    edited.write_text(edited.read_text() + "* my note\n")
    result = run_cli(["compile", src, "-o", out, "--diff"], expect=2)
    assert "-* my note\n" in result.stdout and "changed by hand" in result.stderr
    assert tree(out) == {**before, "DEV1/SYSFU1.TEMPLATE": edited.read_bytes()}


def test_a_renamed_source_marks_the_files_that_differ_only_in_its_name(tmp_path, monkeypatch):
    """Every file's header names the source: compiled from `devssi.bkr` into a folder
    compiled from `dev.bkr`, every file differs. The plan marks those whose only
    difference is that name (the files the old name would give are DIR's), says once
    what `--source-name` compares, and `--diff` shows only the real change."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    before = tree(out)
    new = source(tmp_path, GOOD.replace("daily 01:00", "daily 01:30"), name="devssi.bkr")
    result = run_cli(["compile", new, "-o", out, "--dry-run"], expect=0)
    rows = _rows(result.stdout)
    updated = {path for path, row in rows.items() if row[0] == "update"}
    only = {path for path, row in rows.items() if row[-3:] == ["(source", "name", "only)"]}
    assert updated == {path for path, data in before.items() if data is not None}
    # The job moved is in DEV1's BKRSUBMT, and in DEV2's `awaysched.` (rexx.md);
    # so every EXEC names another compile ("Which compile wrote an EXEC").
    submits = {"DEV1/BKRSUBMT.EXEC", "DEV2/BKRSUBMT.EXEC", "DEV1/BKREXPIR.EXEC",
               "DEV1/BKRSTART.EXEC", "DEV2/BKRSTART.EXEC"}
    assert only == updated - submits - {"manifest.json"}
    line = (
        f"{len(only)} files differ only in the source name in their header (was dev.bkr;"
        " `--source-name dev.bkr` compares the rest)"
    )
    assert result.stdout.splitlines()[-1] == line
    # --diff folds them into that line: the one real change is all it shows.
    diff = run_cli(["compile", new, "-o", out, "--diff"], expect=0).stdout
    assert {row[6:] for row in diff.splitlines() if row.startswith("+++ ")} == submits
    assert "+when.1 = 'daily 01:30'" in diff and line in diff
    check = run_cli(["compile", new, "-o", out, "--check", "--diff"], expect=1).stdout
    assert {row[6:] for row in check.splitlines() if row.startswith("+++ ")} == submits
    plan = json.loads(run_cli(["compile", new, "-o", out, "--check", "--plan-format", "json"], expect=1).stdout)
    reasons = {f["path"]: f["reason"] for f in plan["files"]}
    assert {p for p, why in reasons.items() if why == "source-name-only"} == only
    assert {reasons[p] for p in submits} == {reasons["manifest.json"]} == {"source-changed"}
    assert line in plan["notes"]
    # A hand edit is no header's: the file stays `changed by hand`, its diff shown.
    edited = out / "DEV1" / "SYSFU1.TEMPLATE"
    edited.write_text(edited.read_text() + "* my note\n")
    result = run_cli(["compile", new, "-o", out, "--dry-run"], expect=2)
    assert _rows(result.stdout)["DEV1/SYSFU1.TEMPLATE"][-3:] == ["(changed", "by", "hand)"]
    diff = run_cli(["compile", new, "-o", out, "--diff"], expect=2).stdout
    assert "-* my note\n" in diff and f"\n{len(only) - 1} files differ only" in diff
    edited.write_bytes(before["DEV1/SYSFU1.TEMPLATE"])
    # Named as before, the rest is compared: no mark, no line.
    same = run_cli(["compile", new, "-o", out, "--dry-run", "--source-name", "dev.bkr"], expect=0).stdout
    assert "source name" not in same and {p for p, row in _rows(same).items() if row[0] == "update"} == {
        *submits, "manifest.json"
    }
    assert tree(out) == before
    # The files under the old name are emitted only to compare a folder compiled
    # from it, by a dry run and by the compile itself, whose summary counts them in
    # one line; never for a folder compiled from the same name.
    from bkrdsl.emit import artifacts

    names, real = [], artifacts.emit_all
    monkeypatch.setattr(artifacts, "emit_all", lambda model, name, dialect: names.append(name) or real(model, name, dialect))
    run_cli(["compile", new, "-o", out, "--dry-run"], expect=0)
    assert names == ["devssi.bkr", "dev.bkr"]
    names.clear()
    result = run_cli(["compile", new, "-o", out], expect=0)
    assert names == ["devssi.bkr", "dev.bkr"]
    assert result.stdout.splitlines()[-2:] == [
        f"bkrc: wrote {out}: 0 created, {len(updated)} updated, 0 deleted, 0 unchanged",
        f"bkrc: {len(only)} files differ only in the source name in their header (was dev.bkr)",
    ]
    assert "source name" not in result.stderr
    names.clear()
    run_cli(["compile", new, "-o", out, "--dry-run"], expect=0)
    assert names == ["devssi.bkr"]
    # Compiled again from the same name, changed or not, the compile says nothing of it.
    source(tmp_path, GOOD.replace("daily 01:00", "daily 02:00"), name="devssi.bkr")
    names.clear()
    result = run_cli(["compile", new, "-o", out], expect=0)
    assert "source name" not in result.stdout + result.stderr and names == ["devssi.bkr"]


def _bkrc(*args, cwd: Path) -> subprocess.CompletedProcess:
    """bkrc as a pipeline runs it: its own process, output to pipes (not a terminal)."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    command = [sys.executable, "-m", "bkrdsl", *map(str, args)]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_diff_exit_codes_in_a_real_process(tmp_path):
    """What a pipeline sees: `--diff` exits 0 and writes nothing; `--check --diff`
    prints the same diff and exits 1; the diff's paths are relative to DIR."""
    src = source(tmp_path)
    run = _bkrc("compile", src.name, "-o", "out", "--diff", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert not (tmp_path / "out").exists() and run.stderr == ""
    assert "+++ b/DEV1/BKRSUBMT.EXEC\n" in run.stdout and "\x1b" not in run.stdout
    check = _bkrc("compile", src.name, "-o", "out", "--check", "--diff", cwd=tmp_path)
    assert check.returncode == 1, check.stderr
    assert check.stderr == f"bkrc: out is not up to date with {src.name}\n"
    assert run.stdout.split("--- /dev/null", 1)[1] == check.stdout.split("--- /dev/null", 1)[1]
    assert _bkrc("compile", src.name, "-o", "out", cwd=tmp_path).returncode == 0
    for extra in (["--diff"], ["--check", "--diff"]):
        again = _bkrc("compile", src.name, "-o", "out", *extra, cwd=tmp_path)
        assert again.returncode == 0 and "---" not in again.stdout, again.stderr


def _rows(text: str) -> dict[str, list[str]]:
    """The plan's rows by path: action, path, kind, member, job and any note."""
    return {line.split()[1]: line.split() for line in text.splitlines() if line.split()[:1] != ["bkrc:"] and " " in line}


def test_a_deleted_file_is_described_as_the_manifest_wrote_it(tmp_path):
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("job GUESTFUL {", "job GUESTALL {"))
    rows = _rows(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stdout)
    assert rows["DEV1/GUESTFUL.TEMPLATE"] == ["delete", "DEV1/GUESTFUL.TEMPLATE", "job-template", "DEV1", "GUESTFUL"]
    rows = _rows(run_cli(["compile", src, "-o", out, "--check"], expect=1).stdout)
    assert rows["DEV1/GUESTFUL.TEMPLATE"][2:] == ["job-template", "DEV1", "GUESTFUL"]


THREE = GOOD.replace(
    "  member DEV2 { workers 2  private-volume D2PRV1 }\n",
    "  member DEV2 { workers 2  private-volume D2PRV1 }\n  member DEV3 { workers 2  private-volume D3PRV1 }\n",
)


def test_removing_a_member_before_another_names_what_it_renames(tmp_path):
    """Retiring DEV2 makes DEV3 member 2: its IDENTITY job's copy and its SUBCONFIG
    entries take the names DEV2's had. The plan and a warning say so, with the
    suffix that keeps the job's name (the catalog knows its backups by it)."""
    src, out = source(tmp_path, THREE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, THREE.replace("  member DEV2 { workers 2  private-volume D2PRV1 }\n", ""))
    result = run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
    rows = _rows(result.stdout)
    assert rows["DEV3/SYSFU2.TEMPLATE"] == ["create", "DEV3/SYSFU2.TEMPLATE", "job-template", "DEV3", "SYSFU2", "(was", "SYSFU3)"]
    assert rows["DEV3/SYSFU3.TEMPLATE"][:5] == ["delete", "DEV3/SYSFU3.TEMPLATE", "job-template", "DEV3", "SYSFU3"]
    assert rows["cluster/BKRBUP-2.DIRECT"][2:] == ["directory", "DEV3", "-", "(was", "DEV2's)"]
    assert rows["cluster/BKRBUP-3.DIRECT"][:4] == ["delete", "cluster/BKRBUP-3.DIRECT", "directory", "DEV3"]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("bkrc: warning:")]
    assert len(warnings) == 3, result.stderr
    assert "job SYSFU's copy on DEV3 is renamed SYSFU3 -> SYSFU2" in warnings[0]
    assert "SYSFU2 was DEV2's name: the catalog would hold both members' backups under it" in warnings[0]
    assert "write `job-suffix 3` in member DEV3" in warnings[0]
    assert "SUBCONFIG entries that were DEV2's are now DEV3's, under the same names" in warnings[1]
    assert "cluster/BKRBUP-2.DIRECT" in warnings[1]
    # DEV2's own folder is gone from out/, not from DEV2 (test_a_member_removed_...).
    assert warnings[2].startswith("bkrc: warning: member DEV2's folder is gone from ")
    check = run_cli(["compile", src, "-o", out, "--check"], expect=1)
    assert check.stderr.count("bkrc: warning:") == 3
    # The suffix the warning names keeps the job's name; the SUBCONFIG names still move.
    source(tmp_path, THREE.replace("  member DEV2 { workers 2  private-volume D2PRV1 }\n", "").replace(
        "private-volume D3PRV1 }", "private-volume D3PRV1  job-suffix 3 }"))
    result = run_cli(["compile", src, "-o", out], expect=0)
    assert "DEV3/SYSFU3.TEMPLATE" not in run_cli(["compile", src, "-o", out, "--check"], expect=0).stdout
    assert "renamed" not in result.stderr and result.stderr.count("bkrc: warning:") == 2
    assert (out / "DEV3" / "SYSFU3.TEMPLATE").is_file()


def test_a_renamed_copy_s_old_template_is_named_to_erase(tmp_path):
    """DEV2 retired, DEV3's copy SYSFU3 becomes SYSFU2. The plan deletes
    DEV3/SYSFU3.TEMPLATE in out/ only: on DEV3's backup server's disk it stays,
    under the name it had, and BKRSUBMT no longer lists it. The warning on the
    rename said where the backups went but not that file, and `deleted_warnings`
    leaves a renamed copy to it, so nothing told the site to erase it."""
    src, out = source(tmp_path, THREE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, THREE.replace("  member DEV2 { workers 2  private-volume D2PRV1 }\n", ""))
    (renamed,) = [w for w in _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr) if " is renamed " in w]
    assert renamed.endswith(
        "; to keep the name, write `job-suffix 3` in member DEV3; else erase SYSFU3 TEMPLATE on DEV3 once the"
        " new BKRSUBMT is in place (SYSFU2 TEMPLATE uploaded before it): it stays on its backup server's disk,"
        " where that EXEC no longer lists it"
        ' (docs/deploy.md, "Changing a deployed cluster")'
    ), renamed


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("bkrc: warning:")]


def test_a_job_renamed_says_its_old_template_stays_on_the_member(tmp_path):
    """The plan deleted DEV1/GUESTFUL.TEMPLATE and said nothing more: the template
    stays on DEV1's backup server's disk, which a system programmer renaming a job
    was told only by docs/deploy.md. The compile says so, in every mode. A job
    renamed and nothing else (its template the same but for the name) is paired
    as a rename, as a copy of an IDENTITY job is: `(was GUESTFUL)` in the plan,
    and the warning names both; one renamed and changed is a job removed and
    another added, as before, and so are two renamed on one member."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("job GUESTFUL {", "job GUESTALL {"))
    for mode, code in (("--dry-run", 0), ("--check", 1)):
        result = run_cli(["compile", src, "-o", out, mode], expect=code)
        (warning,) = _warnings(result.stderr)
        assert warning == (
            f"bkrc: warning: job GUESTFUL is renamed GUESTALL on DEV1 (its template the same but for the name):"
            f" GUESTFUL TEMPLATE is deleted in {out} only (DEV1/GUESTFUL.TEMPLATE) and stays on DEV1's backup"
            " server's disk, where DEV1's BKRSUBMT no longer lists it; erase it there once the new BKRSUBMT is"
            " in place (GUESTALL TEMPLATE uploaded before it); the catalog keeps the"
            ' backups made so far under GUESTFUL, not GUESTALL (docs/deploy.md, "Changing a deployed cluster")'
        )
        assert re.search(r"^create +DEV1/GUESTALL\.TEMPLATE +job-template +DEV1 +GUESTALL \(was GUESTFUL\)$",
                         result.stdout, re.MULTILINE), result.stdout
    # Renamed and changed (one exclude less): not paired, the old template named alone.
    source(tmp_path, GOOD.replace("job GUESTFUL {", "job GUESTALL {").replace("minidisk * *\n", "minidisk * 0191\n", 1))
    result = run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
    assert "(was GUESTFUL)" not in result.stdout
    (warning,) = _warnings(result.stderr)
    assert warning == (
        f"bkrc: warning: job GUESTFUL's template is deleted in {out} only (DEV1/GUESTFUL.TEMPLATE):"
        " GUESTFUL TEMPLATE stays on DEV1's backup server's disk, where DEV1's BKRSUBMT no longer lists"
        " it; erase it there once the new BKRSUBMT is in place; the catalog keeps the backups made so far"
        " under GUESTFUL"
        ' (docs/deploy.md, "Changing a deployed cluster")'
    )
    result = run_cli(["compile", src, "-o", out], expect=0)
    assert len(_warnings(result.stderr)) == 1
    # Both jobs renamed and nothing else: one line for the single-configuration
    # job, one for the IDENTITY job (both its copies, each paired on its member).
    source(tmp_path, GOOD.replace("job SYSFU {", "job SYSALL {"))
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("job SYSFU {", "job SYSIN {").replace("job GUESTFUL {", "job GUESTINC {"))
    warnings = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
    assert [w[:60] for w in warnings] == [
        "bkrc: warning: job GUESTFUL is renamed GUESTINC on DEV1 (its",
        "bkrc: warning: job SYSALL is renamed SYSIN on DEV1, DEV2 (ea",
    ]
    # Two single-configuration jobs gone and two come on one member, each the same
    # but for its name: which was renamed to which cannot be told, so neither is paired.
    job = GOOD[GOOD.index("  job GUESTFUL {"):]
    job = job[: job.index("\n  }\n") + 5]
    (tmp_path / "two").mkdir()
    src, out = source(tmp_path / "two", GOOD.replace(job, job + job.replace("GUESTFUL", "GUESTTWO"))), tmp_path / "two" / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path / "two", GOOD.replace(job, job.replace("GUESTFUL", "GUESTONE") + job.replace("GUESTFUL", "GUESTTRE")))
    result = run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
    assert "(was " not in result.stdout
    (warning,) = _warnings(result.stderr)
    assert warning.startswith(f"bkrc: warning: 2 job templates are deleted in {out} only"), warning
    assert "; erase them there once each member's new BKRSUBMT is in place; the catalog" in warning, warning


def test_an_identity_job_renamed_pairs_its_copies_member_by_member(tmp_path):
    """`job SYSFU` renamed `job SYSALL` and nothing else showed as two creates and
    two deletes, and the warning named the old copies alone, while a single job so
    renamed was paired. Each member's copy is now paired by the same rule (on that
    member, one IDENTITY copy gone and one come, the same but for the job name):
    `(was SYSFU1)` in the plan and in `--plan-format json`'s `note`, and one
    warning for the job naming both names of every copy. A member added meanwhile
    has a new copy, not paired; another IDENTITY job added beside the rename
    leaves two copies come on each member where one went: none is paired."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("job SYSFU {", "job SYSALL {"))
    for mode, code in (("--dry-run", 0), ("--check", 1)):
        result = run_cli(["compile", src, "-o", out, mode], expect=code)
        (warning,) = _warnings(result.stderr)
        assert warning == (
            "bkrc: warning: job SYSFU is renamed SYSALL on DEV1, DEV2 (each copy's template the same but for"
            f" the name): its 2 copies' templates are deleted in {out} only (DEV1/SYSFU1.TEMPLATE,"
            " DEV2/SYSFU2.TEMPLATE) and each stays on its member's backup server's disk, where the member's"
            " BKRSUBMT no longer lists it; erase them there (SYSFU1 TEMPLATE on DEV1, SYSFU2 TEMPLATE on"
            " DEV2) once each member's new BKRSUBMT is in place (its new template uploaded before it); the catalog keeps the backups made so far under SYSFU1, SYSFU2, not SYSALL1, SYSALL2"
            ' (docs/deploy.md, "Changing a deployed cluster")'
        )
        for n in (1, 2):
            assert re.search(rf"^create +DEV{n}/SYSALL{n}\.TEMPLATE +job-template +DEV{n} +SYSALL{n} \(was SYSFU{n}\)$",
                             result.stdout, re.MULTILINE), result.stdout
    document = json.loads(run_cli(["compile", src, "-o", out, "--dry-run", "--plan-format", "json"], expect=0).stdout)
    notes = {f["path"]: f["note"] for f in document["files"] if f["note"]}
    assert notes == {"DEV1/SYSALL1.TEMPLATE": "was SYSFU1", "DEV2/SYSALL2.TEMPLATE": "was SYSFU2"}
    # The single-configuration job's rename is in the document's notes too.
    source(tmp_path, GOOD.replace("job GUESTFUL {", "job GUESTALL {"))
    document = json.loads(run_cli(["compile", src, "-o", out, "--dry-run", "--plan-format", "json"], expect=0).stdout)
    assert {f["path"]: f["note"] for f in document["files"] if f["note"]} == {"DEV1/GUESTALL.TEMPLATE": "was GUESTFUL"}
    # A member added too: DEV1's and DEV2's copies are paired, DEV3's is new.
    dev2 = "  member DEV2 { workers 2  private-volume D2PRV1 }\n"
    three = dev2 + dev2.replace("DEV2", "DEV3").replace("D2PRV1", "D3PRV1")
    source(tmp_path, GOOD.replace("job SYSFU {", "job SYSALL {").replace(dev2, three))
    result = run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
    assert re.search(r"^create +DEV3/SYSALL3\.TEMPLATE +job-template +DEV3 +SYSALL3$", result.stdout, re.MULTILINE)
    assert result.stdout.count("(was SYSFU") == 2
    warning, added = _warnings(result.stderr)
    assert warning.startswith("bkrc: warning: job SYSFU is renamed SYSALL on DEV1, DEV2 (each copy's"), warning
    assert added.startswith("bkrc: warning: member DEV3, new to "), added  # stop 76, h8
    # Another IDENTITY job added beside the rename: two copies come on each member
    # where one went, and which was renamed cannot be told: none is paired.
    job = GOOD[GOOD.index("  job SYSFU {"):]
    job = job[: job.index("\n  }\n") + 5]
    source(tmp_path, GOOD.replace(job, job.replace("SYSFU", "SYSALL") + job.replace("SYSFU", "SYSTWO")))
    result = run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
    assert "(was " not in result.stdout
    (warning,) = _warnings(result.stderr)
    assert warning.startswith(f"bkrc: warning: 2 job templates are deleted in {out} only (DEV1/SYSFU1"), warning


def test_an_identity_job_renamed_on_one_member_says_when_to_erase_its_copy(tmp_path):
    """The warning of an IDENTITY job renamed on a cluster of one member said "erase it
    there" without when: the old BKRSUBMT submits SYSFU1 until the new one replaces
    it, so the old template goes only once that EXEC is in place, and the new one
    before it (docs/deploy.md, "Changing a deployed cluster")."""
    one = GOOD.replace("  member DEV2 { workers 2  private-volume D2PRV1 }\n", "")
    src, out = source(tmp_path, one), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, one.replace("job SYSFU {", "job SYSALL {"))
    (warning,) = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
    assert warning == (
        "bkrc: warning: job SYSFU is renamed SYSALL on DEV1 (its copy's template the same but for the name):"
        f" SYSFU1 TEMPLATE is deleted in {out} only (DEV1/SYSFU1.TEMPLATE) and stays on DEV1's backup server's"
        " disk, where DEV1's BKRSUBMT no longer lists it; erase it there once the new BKRSUBMT is in place"
        " (SYSALL1 TEMPLATE uploaded before it); the catalog keeps the backups made so far under SYSFU1, not"
        ' SYSALL1 (docs/deploy.md, "Changing a deployed cluster")'
    )


def test_a_user_moved_between_single_and_identity_jobs_is_told_to_change_its_entry(tmp_path):
    """LINUX02 moved from the single group to the identity group: its own CP
    directory entry must go from USER to IDENTITY with a SUBCONFIG per member,
    which bkrc does not write, and without --directory nothing said so. The last
    compile's templates (single GUESTFUL included LINUX02) and this one's
    (SYSFU's copies include it) tell; and back again the other way."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    moved = GOOD.replace("{ LINUX01 LINUX02 }", "{ LINUX01 }").replace("{ TCPIP }", "{ TCPIP LINUX02 }")
    source(tmp_path, moved)
    for mode, code in (("--dry-run", 0), ("--check", 1), ("--force", 0)):  # --force: the compile writes
        (warning,) = _warnings(run_cli(["compile", src, "-o", out, mode], expect=code).stderr)
        assert warning.startswith(
            "bkrc: warning: LINUX02 moves from a single-configuration job to an IDENTITY job (the templates in"
            f" {out} and the new ones say so): bkrc writes no directory entry for it, so change its entry in the"
            " CP directory yourself, from a USER entry to an IDENTITY entry (same operands) with a `BUILD ON"
        ), warning
        assert warning.endswith('(BKR510) (docs/deploy.md, "Changing a deployed cluster")'), warning
        # stop 78, h2: and in which order: the entry first, or each member's copy backs the USER up
        assert (
            "copied to them; do it before you install the new job templates: while it is a USER, every member's"
            " copy of the IDENTITY job backs up the same minidisks, once per member; `--directory` checks"
        ) in warning, warning
    source(tmp_path, GOOD)
    (warning,) = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
    assert warning.startswith(
        "bkrc: warning: LINUX02 moves from an IDENTITY job to a single-configuration job (the templates in"
    ), warning
    assert "from an IDENTITY entry and its SUBCONFIGs to one USER entry" in warning
    # A user added to a group, or a job backing up other users, moves no one.
    source(tmp_path, moved.replace("{ LINUX01 }", "{ LINUX01 LINUX03 }"))
    assert _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr) == []


def test_with_directory_a_user_moved_between_kinds_is_left_to_bkr510(tmp_path):
    """With --directory, BKR510 holds each user's kind against its own entry in
    the site's directory, so the templates' guess (`output.kind_moves`) is not
    printed: CICSPRD, in an IDENTITY job's copies at the last compile, is in a
    single-configuration job again, as prodssi.direct's USER CICSPRD has it.
    Without --directory the same plan warns."""
    prodssi = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    was = prodssi.replace("identity group SYSIDS { TCPIP FTPSERVE }", "identity group SYSIDS { TCPIP FTPSERVE CICSPRD }")
    was = was.replace("single group APPS { CICSPRD DB2PRD }", "single group APPS { DB2PRD }")
    assert was.count("CICSPRD") == prodssi.count("CICSPRD")
    src, out = source(tmp_path, was), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, prodssi)
    moved = "bkrc: warning: CICSPRD moves from an IDENTITY job to a single-configuration job"
    (warning,) = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
    assert warning.startswith(moved), warning
    direct = EXAMPLES / "prodssi.direct"
    for mode, code in (("--dry-run", 0), ("--check", 1), ("--force", 0)):
        result = run_cli(["compile", src, "-o", out, mode, "--directory", direct], expect=code)
        assert moved not in result.stderr and "BKR510" not in result.stderr, result.stderr


def test_moving_the_purge_says_the_old_bkrexpir_still_purges(tmp_path):
    """`expire on DEV2`: the plan deleted DEV1/BKREXPIR.EXEC and created DEV2's, and
    nothing said that the EXEC on DEV1 still purges when DEV1's scheduler calls it,
    so that both members purge (SSI rule 5) unless it is stopped first. Nor that
    DEV2's purges nothing until DEV2's scheduler calls `BKREXPIR DUE`, as a first
    install's section 7 says, or that a record `DEV2 BKREXPIR A` an earlier
    BKREXPIR left there (the purge moved back: a roll-back) makes its first DUE
    list what DEV1 sent meanwhile as missed (test_regina's
    test_a_record_left_by_an_earlier_exec_names_what_another_member_sent)."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("expire on DEV1 {", "expire on DEV2 {"))
    result = run_cli(["compile", src, "-o", out, "--dry-run"], expect=0)
    # stop 78, h2: and that DEV2 purges only once its scheduler calls DUE, with no
    # record a BKREXPIR that purged there before left (the purge moved back).
    assert _warnings(result.stderr) == [(
        f"bkrc: warning: the purge moves from DEV1 to DEV2: DEV1's BKREXPIR EXEC, deleted in {out} only,"
        " still purges there when DEV1's scheduler calls `BKREXPIR DUE`; stop that caller and erase the EXEC"
        " on DEV1 and its record `DEV1 BKREXPIR A` there (kept, it makes a purge moved back to DEV1 name what"
        " others sent meanwhile as missed) before you install DEV2's, or two members purge; then have DEV2's scheduler call `EXEC"
        " BKREXPIR DUE` every minute (after `EXEC BKREXPIR PREVIEW` once, as on a first install), or no member"
        " purges; if a BKREXPIR purged on DEV2 before, erase its record `DEV2 BKREXPIR A` there first, or the"
        " first `DUE` names the previews and purges DEV1 sent since then (up to a week back) as missed, to be"
        ' sent by hand (docs/deploy.md, "Changing a deployed cluster")'
    )]
    assert "BKR215" in result.output  # the diagnostic of the move itself, as before
    run_cli(["compile", src, "-o", out], expect=0)
    assert _warnings(run_cli(["compile", src, "-o", out], expect=0).stderr) == []


def test_moving_the_catalog_server_says_to_log_it_off_on_the_old_member_first(tmp_path):
    """`catalog shared server BKRSVSFS pool BKRPOOL on DEV2`: the plan updated both
    members' BKRSTART and nothing said that the server stays logged on at DEV1
    (and DEV1's old BKRSTART starts it there again at its next IPL), which
    docs/deploy.md asked to log off first, as the purge's move is warned of."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("pool BKRPOOL on DEV1", "pool BKRPOOL on DEV2"))
    for mode, code in (("--dry-run", 0), ("--check", 1)):
        assert _warnings(run_cli(["compile", src, "-o", out, mode], expect=code).stderr) == [(
            "bkrc: warning: the catalog's SFS server BKRSVSFS (file pool BKRPOOL) moves from DEV1 to DEV2:"
            " single-configuration, it stays logged on at DEV1 until you log it off there, and DEV1's old"
            " BKRSTART EXEC starts it there again at DEV1's next IPL; first install DEV1's new BKRSTART EXEC,"
            " which no longer starts it, then log BKRSVSFS off on DEV1, then install and run DEV2's new"
            " BKRSTART, which starts it there and waits for BKRPOOL to serve (run while BKRSVSFS is logged on"
            " at DEV1, it leaves it there and starts DEV2's Backup Manager machines once BKRPOOL serves from DEV2:"
            " the server has not moved until you log it off at DEV1 and run DEV2's BKRSTART again)"
            ' (docs/deploy.md, "Changing a deployed cluster")'
        )]
    run_cli(["compile", src, "-o", out], expect=0)
    assert _warnings(run_cli(["compile", src, "-o", out], expect=0).stderr) == []
    # The old member retired with the move: its BKRSTART is deleted in out/ only.
    src3 = source(tmp_path, THREE, "three.bkr")
    out3 = tmp_path / "out3"
    run_cli(["compile", src3, "-o", out3], expect=0)
    moved = THREE.replace("pool BKRPOOL on DEV1", "pool BKRPOOL on DEV2").replace("expire on DEV1", "expire on DEV2")
    moved = moved.replace("run on DEV1", "run on DEV2").replace("  member DEV1 { workers 2  private-volume D1PRV1 }\n", "")
    source(tmp_path, moved, "three.bkr")
    (warning,) = [w for w in _warnings(run_cli(["compile", src3, "-o", out3, "--dry-run"], expect=0).stderr) if "SFS server" in w]
    assert "moves from DEV1 to DEV2: " in warning
    assert f"; first erase DEV1's BKRSTART EXEC, deleted in {out3} only, then log BKRSVSFS off on DEV1," in warning


def test_the_catalog_move_reads_bkrstart_lines_only_where_a_last_compile_wrote_some(tmp_path, monkeypatch):
    """`catalog_moves` read every new BKRSTART EXEC with a `^`-led MULTILINE regex, which
    tries a match at each character: 5.5 M instructions a compile at 10,000 users, into a
    new DIR too, where no earlier BKRSTART can say the server moved (docs/performance.md,
    "Stop 42: the catalog-move warning's scan of BKRSTART"). The lines it finds are those
    the old pattern found, the first and the last line and CRLF ends included."""
    import re

    old_started = re.compile(r"^m\.(\d+) = '([^']*)'\r?$", re.MULTILINE)
    old_serves = re.compile(r"^pool\.(\d+) = '([^']*)'\r?$", re.MULTILINE)
    for text in (
        "m.1 = 'SRV1'\r\npool.1 = 'P1'\r\nm.2 = 'SRV2'\npool.2 = 'P2'",
        "/* */\nm.1 = 'A'\n m.2 = 'B'\nm.3 = 'C' \npool.1 = 'P'\npool.3 = 'Q'\n\nm.4 = 'D\n'\n",
        "",
    ):
        assert output._STARTED.findall("\n" + text) == old_started.findall(text)
        assert output._SERVES.findall("\n" + text) == old_serves.findall(text)
    assert output._pool_servers(b"m.1 = 'SRV1'\r\npool.1 = 'P1'\r\nm.2 = 'SRV2'\npool.2 = 'P2'") == {
        "SRV1": "P1",
        "SRV2": "P2",
    }
    read = []
    real = output._pool_servers
    monkeypatch.setattr(output, "_pool_servers", lambda data: read.append(data) or real(data))
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    assert read == []  # a new DIR: no BKRSTART of a last compile, no new one read
    source(tmp_path, GOOD.replace("pool BKRPOOL on DEV1", "pool BKRPOOL on DEV2"))
    (warning,) = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
    assert "the catalog's SFS server BKRSVSFS (file pool BKRPOOL) moves from DEV1 to DEV2:" in warning
    assert read  # the last compile's BKRSTARTs, then the new ones


def test_a_member_removed_says_what_stays_on_it(tmp_path):
    """DEV3, the last member, retired: its folder is gone from out/ and its
    SUBCONFIG entries from out/cluster, and nothing said that z/VM keeps them.
    Nor that the machines its last BKRSTART started stay logged on there (no
    EXEC bkrc writes logs one off), to be logged off before their entries go."""
    src, out = source(tmp_path, THREE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD)
    warnings = _warnings(run_cli(["compile", src, "-o", out, "--check"], expect=1).stderr)
    assert len(warnings) == 2, warnings
    assert warnings[0] == (
        f"bkrc: warning: member DEV3's folder is gone from {out} (3 files: BKRSTART EXEC, BKRSUBMT EXEC,"
        f" SYSFU3 TEMPLATE): bkrc deletes files in {out} only; on DEV3 they stay, and run (BKRSTART EXEC"
        " at the member's IPL, the others when its scheduler calls `DUE`), until you erase them there"
        # stop 81: and the calls, which an EXEC of the new compile found there refuses (rc 52)
        " and take their calls out of its AUTOLOG1's PROFILE EXEC and its scheduler;"
        # stop 78, h2: and the machines DEV3's last BKRSTART started, which nothing logs off
        " and the machines its BKRSTART started (BKRCATLG, BKRBKUP, BKRWRK01, BKRWRK02) stay logged on"
        " there, and run, until you log them off (before you remove their directory entries)"
        ' (docs/deploy.md, "Changing a deployed cluster")'
    )
    assert warnings[1].startswith(
        f"bkrc: warning: 4 directory entries are deleted in {out} only (cluster/BKRBUP-3.DIRECT,"
        " cluster/BKRCLG-3.DIRECT, cluster/BKRW01-3.DIRECT, ...): the CP directory keeps them until you"
        " remove them, and removing an entry gives up its minidisks"
    ), warnings[1]


def test_a_member_removed_whose_folder_holds_a_file_of_the_sites_says_the_folder_stays(tmp_path):
    """DEV3 retired while its folder holds a file bkrc did not write: the warning
    said its folder "is gone from out/", but the compile keeps that file, and the
    folder with it. Its files are gone; the folder stays, for that file."""
    src, out = source(tmp_path, THREE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    (out / "DEV3" / "NOTES.TXT").write_text("the site's own\n", encoding="utf-8")
    source(tmp_path, GOOD)
    for mode, code in (("--dry-run", 0), ("--check", 1), (None, 0)):
        warnings = _warnings(run_cli(["compile", src, "-o", out, *([mode] if mode else [])], expect=code).stderr)
        assert warnings[0] == (
            f"bkrc: warning: member DEV3's files are gone from {out} (3 files: BKRSTART EXEC, BKRSUBMT EXEC,"
            " SYSFU3 TEMPLATE; its folder stays, for the 1 file in it that bkrc did not write: DEV3/NOTES.TXT):"
            f" bkrc deletes files in {out} only; on DEV3 they stay, and run (BKRSTART EXEC at the member's IPL,"
            " the others when its scheduler calls `DUE`), until you erase them there and take their calls out"
            " of its AUTOLOG1's PROFILE EXEC and its scheduler; and the machines its"
            " BKRSTART started (BKRCATLG, BKRBKUP, BKRWRK01, BKRWRK02) stay logged on there, and run, until you"
            ' log them off (before you remove their directory entries) (docs/deploy.md, "Changing a deployed cluster")'
        ), warnings
    assert sorted(p.name for p in (out / "DEV3").iterdir()) == ["NOTES.TXT"]


TAPE = GOOD.replace(
    "  shared-volume SHR001\n",
    "  shared-volume SHR001\n  tape manager shared catalog-node TCTMM on DEV1 request-node TRTMM\n",
)


def test_the_tape_manager_removed_says_its_node_definitions_stay(tmp_path):
    """`tape manager shared ...` removed: the plan deleted DEV1/TMNODES.CONFIG and
    DEV2/TMNODES.CONFIG and said nothing, while their lines, copied by hand into each
    node's SYS CONFIG, stay there and Tape Manager keeps the nodes defined."""
    src, out = source(tmp_path, TAPE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD)
    for mode, code in (("--dry-run", 0), ("--check", 1)):
        warnings = _warnings(run_cli(["compile", src, "-o", out, mode], expect=code).stderr)
        assert warnings[0] == (
            f"bkrc: warning: the Tape Manager node definitions of DEV1, DEV2 are deleted in {out} only"
            " (DEV1/TMNODES.CONFIG, DEV2/TMNODES.CONFIG): the Define_Local_Node and Define_Remote_Node lines"
            " you copied from each into the SYS CONFIG file of its member's Tape Manager node stay there, and"
            " Tape Manager keeps those nodes defined, until you remove them; and the nodes' Tape Manager Machines"
            " (TCTMM on DEV1 and TRTMM on DEV2), which no BKRSTART EXEC starts now, stay logged on, and run, until"
            ' you log them off there (and any DMM they started) (docs/deploy.md, "Changing a deployed cluster")'
        ), warnings
        # The nodes' machines: the directory entries' warning, as before.
        assert warnings[1].startswith(f"bkrc: warning: 3 directory entries are deleted in {out} only"), warnings
        assert len(warnings) == 2
    # A member removed: its node's file is named in the tape line, not among the
    # files that run in its folder's line.
    three = TAPE.replace(
        "  member DEV2 { workers 2  private-volume D2PRV1 }\n",
        "  member DEV2 { workers 2  private-volume D2PRV1 }\n  member DEV3 { workers 2  private-volume D3PRV1 }\n",
    )
    source(tmp_path, three)
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, TAPE)
    warnings = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
    assert warnings[0].startswith(f"bkrc: warning: member DEV3's folder is gone from {out} (3 files: "), warnings
    assert "TMNODES" not in warnings[0]
    assert warnings[1].startswith(
        f"bkrc: warning: member DEV3's Tape Manager node definitions are deleted in {out} only"
        " (DEV3/TMNODES.CONFIG): the Define_Local_Node and Define_Remote_Node lines you copied from it into the"
        " SYS CONFIG file of that member's Tape Manager node stay there, and Tape Manager keeps that node defined"
    ), warnings


# stop 78, h2: a node definitions file updated is copied into SYS CONFIG by hand
TAPE3 = TAPE.replace(
    "  member DEV2 { workers 2  private-volume D2PRV1 }\n",
    "  member DEV2 { workers 2  private-volume D2PRV1 }\n  member DEV3 { workers 2  private-volume D3PRV1 }\n",
)


def test_node_definitions_updated_say_the_sys_config_is_changed_by_hand(tmp_path):
    """DEV3 added beside DEV1 (the Tape Manager catalog node) and DEV2: the plan
    updated DEV1/TMNODES.CONFIG, a `Define_Remote_Node DEV3` line more, and said
    nothing else, while Tape Manager reads the lines the sysprog copied by hand
    into TCTMM's SYS CONFIG, never the file: uploaded with the EXECs, it changes
    nothing, and the catalog node keeps the nodes it had. The compile says which
    lines, whose SYS CONFIG and what to do, in every mode; DEV3 removed again, the
    line to remove. A catalog node moved is `tape_catalog_moves`'s line alone, and
    a file that differs in its header only (another source name) changes nothing."""
    src, out = source(tmp_path, TAPE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, TAPE3)
    said = (
        "bkrc: warning: member DEV1's Tape Manager node definitions change (DEV1/TMNODES.CONFIG:"
        " `Define_Remote_Node DEV3,REQUEST,<HOST-DEV3>` {how}): Tape Manager reads the lines you copied from it"
        " into the SYS CONFIG file of TCTMM on DEV1, not this file, and keeps the nodes they define until you"
        " change them there by hand: {do} (docs/deploy.md, \"5. Tape Manager node definitions\")"
    )
    for mode, code in (("--dry-run", 0), ("--check", 1), (None, 0)):
        warnings = _warnings(run_cli(["compile", src, "-o", out, *([mode] if mode else [])], expect=code).stderr)
        assert [w for w in warnings if "node definitions change" in w] == [
            said.format(how="added", do="add the line added (with the site's values for each <...>)")
        ], warnings
    assert "Define_Remote_Node DEV3,REQUEST,<HOST-DEV3>" in (out / "DEV1" / "TMNODES.CONFIG").read_text()
    source(tmp_path, TAPE)
    warnings = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
    assert [w for w in warnings if "node definitions change" in w] == [
        said.format(how="removed", do="remove the line removed")
    ], warnings
    # The catalog node moved: the move's line says to replace every node's lines.
    source(tmp_path, TAPE3)
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, TAPE3.replace("catalog-node TCTMM on DEV1", "catalog-node TCTMM on DEV2"))
    warnings = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
    assert [w for w in warnings if "catalog node TCTMM moves from DEV1 to DEV2" in w], warnings
    assert not [w for w in warnings if "node definitions change" in w], warnings
    # The same cluster from another file name: every header differs, no line does.
    renamed = source(tmp_path, TAPE3, "renamed.bkr")
    warnings = _warnings(run_cli(["compile", renamed, "-o", out, "--dry-run"], expect=0).stderr)
    assert not [w for w in warnings if "node definitions change" in w], warnings


def test_a_member_renamed_is_not_told_to_remove_entries_it_never_had(tmp_path):
    """DEV2 renamed DEV4 everywhere: the SUBCONFIG warning said to "remove DEV4's old
    ones", but DEV4 had none. Its entries keep their names and statements, and
    only each IDENTITY's BUILD ON line changes; DEV2's EXECs refuse on a member
    named DEV4, and DEV4's folder replaces DEV2's files of the same name."""
    src, out = source(tmp_path, TAPE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, TAPE.replace("DEV2", "DEV4"))
    warnings = _warnings(run_cli(["compile", src, "-o", out, "--check"], expect=1).stderr)
    assert len(warnings) == 4, warnings
    assert warnings[0] == (
        "bkrc: warning: 5 SUBCONFIG entries that were DEV2's are now DEV4's, under the same names"
        " (cluster/BKRBUP-2.DIRECT, cluster/BKRCLG-2.DIRECT, cluster/BKRW01-2.DIRECT, ...): DEV4, a member the"
        " last compile did not have, takes DEV2's number and these entries as they are (only their comments"
        " change); in the directory, change `BUILD ON DEV2` to `BUILD ON DEV4` in each IDENTITY that builds them"
        " (the updated IDENTITY entries have it), and keep the entries and their minidisks"
        ' (docs/deploy.md, "Changing a deployed cluster")'
    )
    assert " BUILD ON DEV4 USING SUBCONFIG BKRBUP-2" in run_cli(
        ["compile", src, "-o", out, "--dry-run", "--diff"], expect=0
    ).stdout
    assert warnings[1].endswith(
        "until you erase them there and take their calls out of its AUTOLOG1's PROFILE EXEC and its scheduler;"
        " DEV4, new, takes DEV2's number: if it is DEV2 renamed, the EXECs there"
        " refuse to run on a member named DEV4 (their member guard, rc 52: no member their compile lists),"
        " and the files of DEV4's folder"
        ' replace them (docs/deploy.md, "Changing a deployed cluster")'
    ), warnings[1]
    assert warnings[2].startswith("bkrc: warning: member DEV2's Tape Manager node definitions are deleted")
    assert "; if DEV4 is DEV2 renamed, DEV4's new node definitions (DEV4/TMNODES.CONFIG) take their place" in (
        warnings[2]
    )
    # stop 78, h2: and the catalog node's own lines name DEV4 for DEV2, in its SYS CONFIG by hand.
    assert warnings[3].startswith(
        "bkrc: warning: member DEV1's Tape Manager node definitions change (DEV1/TMNODES.CONFIG:"
        " `Define_Remote_Node DEV4,REQUEST,<HOST-DEV4>` added; `Define_Remote_Node DEV2,REQUEST,<HOST-DEV2>`"
        " removed): "
    ), warnings[3]
    assert warnings[3].endswith(
        ": add the line added (with the site's values for each <...>) and remove the line removed"
        ' (docs/deploy.md, "5. Tape Manager node definitions")'
    ), warnings[3]


def test_the_subconfig_warning_judges_the_entries_the_plan_read_each_read_once(tmp_path, monkeypatch):
    """DEV2 renamed DEV4: whether its SUBCONFIG entries keep their statements is
    judged from the bytes the plan read, each file read once. The warning read
    each entry again, after --dry-run and --check had let go of the write lock:
    a compile that rewrote them in between (here, a write after the plan) made
    the warning say the opposite of the plan it followed."""
    src, out = source(tmp_path, TAPE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, TAPE.replace("DEV2", "DEV4"))
    entries = sorted(out.glob("cluster/*-2.DIRECT"))
    reads: dict[str, int] = {}
    real_open, real_warnings = output._open_regular, output.rename_warnings

    def counted(path):
        reads[Path(path).name] = reads.get(Path(path).name, 0) + 1
        return real_open(path)

    def after_the_lock(plan):
        for entry in entries:
            entry.write_text("* rewritten after the plan\n")
        return real_warnings(plan)

    monkeypatch.setattr(output, "_open_regular", counted)
    monkeypatch.setattr(output, "rename_warnings", after_the_lock)
    warnings = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
    assert len(entries) == 5 and all(reads[entry.name] == 1 for entry in entries), reads
    assert warnings[0].startswith("bkrc: warning: 5 SUBCONFIG entries that were DEV2's are now DEV4's"), warnings
    assert "takes DEV2's number and these entries as they are (only their comments change)" in warnings[0]


def test_a_member_added_first_is_not_told_to_remove_entries_it_never_had(tmp_path):
    """DEV0 added before DEV1 takes DEV1's number and the -1 entries, whose minidisks
    move to DEV0's private volume: replaced, but DEV0 had no old ones. DEV1, which
    had, still hears of them (the add/remove words, as before)."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("  member DEV1 {", "  member DEV0 { workers 2  private-volume D0PRV1 }\n  member DEV1 {"))
    subconfig = [w for w in _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr) if "SUBCONFIG" in w]
    assert subconfig[0] == (
        "bkrc: warning: 4 SUBCONFIG entries that were DEV1's are now DEV0's, under the same names"
        " (cluster/BKRBUP-1.DIRECT, cluster/BKRCLG-1.DIRECT, cluster/BKRW01-1.DIRECT, ...): DEV0, a member the"
        " last compile did not have, takes DEV1's number, which a SUBCONFIG's name ends in; once DEV1's entries"
        " of those names are moved on to their new names (the line on DEV1's says how), add these to the"
        " directory, with `BUILD ON DEV0` for each in its IDENTITY (the updated IDENTITY entries have it)"
        ' (docs/deploy.md, "Changing a deployed cluster")'
    )
    # DEV1 and DEV2 move on, the higher first: each is told to rename its old entries,
    # which keeps their minidisks, as BKR529 says against the deployed directory.
    assert "; in the directory, rename DEV1's old entries (each entry and its BUILD statement: BKRBUP-1 to BKRBUP-2," in subconfig[1]
    assert "once those names are free (DEV2's entries of those names removed, or moved on to" in subconfig[1]
    assert subconfig[2].startswith(
        "bkrc: warning: 4 SUBCONFIG entries of DEV2 take new names (cluster/BKRBUP-3.DIRECT, cluster/BKRCLG-3.DIRECT,"
        " cluster/BKRW01-3.DIRECT, ...): a SUBCONFIG's name ends in its member's number, which changed; in the"
        " directory, rename DEV2's old entries (each entry and its BUILD statement: BKRBUP-2 to BKRBUP-3,"
    ), subconfig[2]
    assert len(subconfig) == 3


def test_a_member_removed_before_pinned_ones_is_told_to_rename_what_the_directory_check_renames(tmp_path):
    """DEV2 retired, DEV3's SUBCONFIGs become -2. The warning said to replace each and
    remove DEV3's old ones, "whose minidisks go with them", while BKR529 (check
    --directory on the same state) said to rename them, keeping the minidisks. Both
    now say rename; where every instance is pinned (`on VOL at START`) the new entry
    names the old one's very extents, and the warning says replacing keeps the data too."""
    pinned = THREE.replace("  disk BKRBKUP 191 size 10 cyl\n", "").replace("  disk BKRCATLG 191 size 10 cyl\n", "")
    pinned = pinned.replace("  disk BKRWRK* 191 size 5 cyl\n", "".join(
        f"  disk {m} 191 size {n} cyl on D{k}PRV1 at {a}\n"
        for m, n, a in (("BKRBKUP", 10, 100), ("BKRCATLG", 10, 110), ("BKRWRK01", 5, 120), ("BKRWRK02", 5, 125))
        for k in (1, 2, 3)
    ))
    src, out = source(tmp_path, pinned), tmp_path / "out"
    assert run_cli(["check", src], expect=0).output == ""
    run_cli(["compile", src, "-o", out], expect=0)
    retired = "\n".join(line for line in pinned.splitlines() if "DEV2 " not in line and "D2PRV1" not in line) + "\n"
    source(tmp_path, retired)
    (warning,) = [w for w in _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr) if "SUBCONFIG" in w]
    assert warning == (
        "bkrc: warning: 4 SUBCONFIG entries that were DEV2's are now DEV3's, under the same names"
        " (cluster/BKRBUP-2.DIRECT, cluster/BKRCLG-2.DIRECT, cluster/BKRW01-2.DIRECT, ...): a SUBCONFIG's name"
        " ends in its member's number, which changed; in the directory, rename DEV3's old entries (each entry and"
        " its BUILD statement: BKRBUP-3 to BKRBUP-2, BKRCLG-3 to BKRCLG-2, BKRW01-3 to BKRW01-2, ...) once those"
        " names are free (DEV2's entries of those names removed, or moved on to their own new names, first), as"
        " `bkrc check --directory` says (BKR529): the minidisks stay DEV3's instances'; the new entries name the"
        " very extents of DEV3's old ones, so loading them in place of DEV2's and removing DEV3's old ones keeps"
        " the data too (unless the directory's manager erases the extents it frees: not checked for DirMaint)"
        ' (docs/deploy.md, "Changing a deployed cluster")'
    )


def test_a_job_suffix_removed_is_not_called_a_member_renumbered(tmp_path):
    """DEV1's `job-suffix A` removed: SYSFUA becomes SYSFU1. The warning gave the
    reason of a member added or removed before DEV1, which nobody had done."""
    suffixed = GOOD.replace("private-volume D1PRV1 }", "private-volume D1PRV1  job-suffix A }")
    src, out = source(tmp_path, suffixed), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD)
    (warning,) = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
    assert warning == (
        "bkrc: warning: job SYSFU's copy on DEV1 is renamed SYSFUA -> SYSFU1 (its member's job suffix"
        " changed from A to 1: a `job-suffix` written, changed or removed); the catalog keeps its backups so far"
        " under SYSFUA; to keep the name, write `job-suffix A` in member DEV1; else erase SYSFUA TEMPLATE on"
        " DEV1 once the new BKRSUBMT is in place (SYSFU1 TEMPLATE uploaded before it): it stays on its backup"
        " server's disk, where that EXEC no longer lists it"
        ' (docs/deploy.md, "Changing a deployed cluster")'
    )


def test_adding_a_member_last_renames_nothing(tmp_path):
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, THREE)
    result = run_cli(["compile", src, "-o", out], expect=0)
    # stop 76, h8: the one warning is the new member's set-up (test_a_member_added_...).
    (added,) = _warnings(result.stderr)
    assert added.startswith("bkrc: warning: member DEV3, new to "), added


def _sequential_table(tmp_path: Path) -> Path:
    table = tmp_path / "site-dialect.toml"
    text = (DIALECT_DIR / "backup-manager-1.3.toml").read_text()
    table.write_text(text.replace('value = "autov"', 'value = "sequential"'))
    return table


def test_a_minidisk_that_sequential_allocation_moves_is_named(tmp_path):
    """A disk added before others on a volume moves their extents: CP keeps the data
    where it was, so each moved minidisk is named with what takes its old extent."""
    src, out, table = source(tmp_path), tmp_path / "out", _sequential_table(tmp_path)
    run_cli(["compile", src, "-o", out, "--dialect", table], expect=0)
    assert "0191 3390 11 10 D1PRV1" in (out / "cluster" / "BKRCLG-1.DIRECT").read_text()
    grown = GOOD.replace("  disk BKRBKUP 191 size 10 cyl\n", "  disk BKRBKUP 191 size 10 cyl\n  disk BKRBKUP 192 size 10 cyl\n")
    source(tmp_path, grown)
    result = run_cli(["compile", src, "-o", out, "--dialect", table, "--dry-run"], expect=0)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("bkrc: warning:")]
    # On each member: BKRCATLG's 191 and both workers' move 10 cylinders on.
    assert len(warnings) == 6, result.stderr
    assert warnings[0].startswith(
        "bkrc: warning: minidisk 0191 of BKRCLG-1 moves from D1PRV1 11-20 to D1PRV1 21-30"
        " (cluster/BKRCLG-1.DIRECT); its old extent is now BKRBUP-1 0192's: CP does not move"
    )
    assert "write `on D1PRV1 at 11` in the `disk` statement that places it" in warnings[0]
    assert "minidisk 0191 of BKRW01-2 moves from D2PRV1 21-25 to D2PRV1 31-35" in result.stderr
    run_cli(["compile", src, "-o", out, "--dialect", table], expect=0)
    assert "bkrc: warning" not in run_cli(["compile", src, "-o", out, "--dialect", table], expect=0).stderr
    # Placed where they are, as the warning says, one statement per member: nothing moves
    # (manifest.json alone is rewritten: it records the source's sha256, which changed).
    pinned = "".join(f"  disk BKRCATLG 191 size 10 cyl on D{n}PRV1 at 21\n" for n in (1, 2))
    source(tmp_path, grown.replace("  disk BKRCATLG 191 size 10 cyl\n", pinned))
    result = run_cli(["compile", src, "-o", out, "--dialect", table], expect=0)
    assert "bkrc: warning" not in result.stderr and "0 created, 1 updated, 0 deleted" in result.stdout, result.stdout


def test_a_manifest_with_odd_minidisks_gives_no_warning(tmp_path):
    """The manifest is not trusted: extents not as bkrc writes them are left out."""
    src, out, table = source(tmp_path), tmp_path / "out", _sequential_table(tmp_path)
    run_cli(["compile", src, "-o", out, "--dialect", table], expect=0)
    manifest = json.loads((out / "manifest.json").read_text())
    for entry in manifest["files"]:
        for disk in entry.get("minidisks", []):
            disk["start"] = str(disk["start"])
    (out / "manifest.json").write_text(json.dumps(manifest))
    source(tmp_path, GOOD.replace("  disk BKRBKUP 191 size 10 cyl\n", "  disk BKRBKUP 191 size 20 cyl\n"))
    result = run_cli(["compile", src, "-o", out, "--dialect", table, "--dry-run"], expect=0)
    assert "bkrc: warning" not in result.stderr


def _assert_hand_edit_blocks(src, out, name: str) -> dict:
    """A file `name` of `out` changed by hand: the compile stops (exit 2) naming it and
    leaves `out` as it was, --check says so (exit 1), --dry-run marks it; `out`'s tree."""
    before = tree(out)
    result = run_cli(["compile", src, "-o", out], expect=2)
    assert "changed by hand" in result.stderr and name in result.stderr
    assert tree(out) == before
    result = run_cli(["compile", src, "-o", out, "--check"], expect=1)
    assert name in result.stdout and "changed by hand" in result.stdout
    assert "(changed by hand)" in run_cli(["compile", src, "-o", out, "--dry-run"], expect=2).stdout
    return before


def test_hand_edits_block_the_compile_and_name_the_files(tmp_path):
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    edited = out / "DEV1" / "GUESTFUL.TEMPLATE"
    edited.write_text(edited.read_text() + "* my note\n")
    source(tmp_path, GOOD.replace("daily 01:00", "daily 01:30"))
    _assert_hand_edit_blocks(src, out, "GUESTFUL.TEMPLATE")
    forced = run_cli(["compile", src, "-o", out, "--force"], expect=0)
    assert "my note" not in edited.read_text()
    assert f"bkrc: --force overwrote these files, changed by hand since the last compile:\n  {edited}\n" in forced.stderr
    run_cli(["compile", src, "-o", out], expect=0)
    assert "--force" not in run_cli(["compile", src, "-o", out, "--force"], expect=0).stderr  # nothing to overwrite


def test_a_symlinked_member_folder_is_refused_even_with_force(tmp_path):
    """Nothing may be written through a link to outside DIR before the swap."""
    src, out, elsewhere = source(tmp_path), tmp_path / "out", tmp_path / "elsewhere"
    run_cli(["compile", src, "-o", out], expect=0)
    (out / "DEV2").rename(elsewhere)
    (elsewhere / "SYSFU2.TEMPLATE").unlink()
    (out / "DEV2").symlink_to(elsewhere)
    source(tmp_path, GOOD.replace("daily 02:00", "daily 02:30"))
    outside = tree(elsewhere)
    for extra in ([], ["--force"]):
        result = run_cli(["compile", src, "-o", out, *extra], expect=2)
        assert f"{out / 'DEV2'} is a symbolic link (to {elsewhere}), where bkrc writes a folder" in result.stderr
        assert "nothing written" in result.stderr
        assert tree(elsewhere) == outside and (out / "DEV2").is_symlink()
    result = run_cli(["compile", src, "-o", out, "--dry-run"], expect=2)
    assert "is a symbolic link" in result.stderr


def test_input_errors_print_diagnostics_and_write_nothing(tmp_path):
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    before = tree(out)
    source(tmp_path, GOOD.replace("backup SYSTEM full", "backup SYSTEMS full"))
    result = run_cli(["compile", src, "-o", out], expect=1)
    assert "BKR331" in result.stderr and "nothing written" in result.stderr
    assert result.stdout == ""
    assert tree(out) == before
    result = run_cli(["compile", src, "-o", tmp_path / "new", "--format", "json"], expect=1)
    assert json.loads(result.stderr.split("\nbkrc:")[0])["error_count"] >= 1
    assert not (tmp_path / "new").exists()


def test_warnings_do_not_stop_the_compile(tmp_path):
    src = source(tmp_path, GOOD.replace("include minidisk * *", "include minidisk * *\n    include minidisk MAINT 0191"))
    result = run_cli(["compile", src, "-o", tmp_path / "out"], expect=0)
    assert "warning" in result.stderr


def test_a_disk_for_a_machine_bkrc_does_not_write_is_refused(tmp_path):
    src = source(tmp_path, GOOD.replace("  disk BKRBKUP", "  disk LINUX01 191 size 5 cyl\n  disk BKRBKUP"))
    result = run_cli(["compile", src, "-o", tmp_path / "out"], expect=1)
    assert "LINUX01" in result.stderr
    assert not (tmp_path / "out").exists()


def test_missing_input_is_exit_2(tmp_path):
    result = run_cli(["compile", tmp_path / "nope.bkr", "-o", tmp_path / "out"], expect=2)
    assert "no such file" in result.stderr


def test_standard_input(tmp_path):
    out = tmp_path / "out"
    run_cli(["compile", "-", "-o", out], input=GOOD, expect=0)
    assert json.loads((out / "manifest.json").read_text())["source"] == "<stdin>"
    assert "from <stdin>" in (out / "DEV1" / "GUESTFUL.TEMPLATE").read_text()


BUILTIN = DIALECT_DIR / "backup-manager-1.3.toml"
PRODUCT = "IBM Backup and Restore Manager for z/VM"


def _noted_table() -> bytes:
    """The built-in table with one entry's note changed: a table that changes no file."""
    text = BUILTIN.read_text(encoding="utf-8")
    assert text.count('note = "CP SMSG') == 1
    return text.replace('note = "CP SMSG', 'note = "Checked at our site. CP SMSG').encode("utf-8")


def test_the_manifest_names_the_compile_and_the_table(tmp_path, monkeypatch):
    """manifest.json records the compile every EXEC names, and the dialect table:
    built-in or the site's, its file's base name (however the path is given),
    product, release and the sha256 of its text as read (a byte-order mark and
    CRLF line ends read as the same text)."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    manifest = json.loads((out / "manifest.json").read_text())
    assert list(manifest) == ["format_version", "source", "compile", "dialect", "sources", "files"]
    assert manifest["format_version"] == "1"
    assert re.fullmatch(r"[0-9A-F]{8}", manifest["compile"])
    execs = sorted(out.glob("*/*.EXEC"))
    assert len(execs) == 5 and all(f"Compile {manifest['compile']}:" in p.read_text() for p in execs)
    assert manifest["dialect"] == {
        "table": "built-in", "file": BUILTIN.name, "product": PRODUCT, "release": "1.3",
        "sha256": hashlib.sha256(BUILTIN.read_bytes()).hexdigest(),
    }
    plain = _noted_table()
    site = tmp_path / "site" / "my-site.toml"
    site.parent.mkdir()
    monkeypatch.chdir(tmp_path)
    records = []
    for given, data in ((site, plain), ("site/my-site.toml", plain),
                        (site, b"\xef\xbb\xbf" + plain.replace(b"\n", b"\r\n"))):
        site.write_bytes(data)
        run_cli(["compile", src, "-o", tmp_path / "o2", "--dialect", given], expect=0)
        written = json.loads((tmp_path / "o2" / "manifest.json").read_text())
        assert written["compile"] == manifest["compile"]  # a note is in no EXEC
        records.append(written["dialect"])
    assert records == 3 * [
        {"table": "site", "file": "my-site.toml", "product": PRODUCT, "release": "1.3",
         "sha256": hashlib.sha256(plain).hexdigest()}
    ]


def test_a_table_that_changes_no_file_changes_the_manifest_alone(tmp_path):
    """Another table whose files are the same (a note changed): the manifest in DIR
    names a table the compile does not use, so DIR is not up to date (`--check`
    exits 1, naming manifest.json alone and why), and the compile rewrites
    manifest.json alone."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    before = tree(out)
    site = tmp_path / "site.toml"
    site.write_bytes(_noted_table())
    result = run_cli(["compile", src, "-o", out, "--check", "--dialect", site], expect=1)
    rows = [line.split()[:2] for line in result.stdout.splitlines() if line.startswith(("create", "update", "delete"))]
    assert rows == [["update", "manifest.json"]]
    old, new = hashlib.sha256(BUILTIN.read_bytes()).hexdigest(), hashlib.sha256(site.read_bytes()).hexdigest()
    assert (
        "manifest.json alone changes, no generated file: it records another dialect table (was the built-in"
        f" backup-manager-1.3.toml, sha256 {old[:12]}...; now the site's site.toml, sha256 {new[:12]}...)"
    ) in result.stdout
    plan = json.loads(run_cli(["compile", src, "-o", out, "--check", "--dialect", site, "--plan-format", "json"],
                              expect=1).stdout)
    assert plan["counts"]["update"] == 1 and plan["notes"][0].startswith("manifest.json alone changes")
    assert tree(out) == before
    assert "0 created, 1 updated, 0 deleted" in run_cli(["compile", src, "-o", out, "--dialect", site], expect=0).stdout
    after = tree(out)
    assert {path for path in before if before[path] != after[path]} == {"manifest.json"}
    assert "is up to date" in run_cli(["compile", src, "-o", out, "--check", "--dialect", site], expect=0).stdout
    # Back to the built-in table: the same the other way round.
    result = run_cli(["compile", src, "-o", out, "--check"], expect=1)
    assert "(was the site's site.toml" in result.stdout


def test_a_manifest_of_an_earlier_bkrc_is_read(tmp_path):
    """A manifest without `compile` and `dialect` (written before they were added,
    within format 1) is read as ever: its files' sha256 still tell a hand edit,
    and the compile adds the two keys, rewriting manifest.json alone."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    manifest = json.loads((out / "manifest.json").read_text())
    earlier = {key: manifest[key] for key in ("format_version", "source", "files")}
    (out / "manifest.json").write_text(json.dumps(earlier, indent=2) + "\n")
    result = run_cli(["compile", src, "-o", out, "--check"], expect=1)
    assert (
        "manifest.json alone changes, no generated file: it now records the compile, the dialect table and"
        " the source files, which the last one does not (an earlier bkrc wrote it)"
    ) in result.stdout
    edited = out / "DEV1" / "GUESTFUL.TEMPLATE"
    kept = edited.read_bytes()
    edited.write_bytes(kept + b"* my note\n")
    result = run_cli(["compile", src, "-o", out, "--check"], expect=1)
    assert "GUESTFUL.TEMPLATE" in result.stdout and "(changed by hand)" in result.stdout
    assert "alone changes" not in result.stdout
    edited.write_bytes(kept)
    assert "0 created, 1 updated, 0 deleted" in run_cli(["compile", src, "-o", out], expect=0).stdout
    assert json.loads((out / "manifest.json").read_text()) == manifest


def test_dialect_option(tmp_path):
    src, out = source(tmp_path), tmp_path / "out"
    table = (DIALECT_DIR / "backup-manager-1.3.toml").read_text()
    site = tmp_path / "site.toml"
    site.write_text(table.replace('value = "CONFIG BKR_Job_Name = {value}"', 'value = "CONFIG BKR_JOB_NAME = {value}"'))
    run_cli(["compile", src, "-o", out, "--dialect", site], expect=0)
    assert "CONFIG BKR_JOB_NAME = GUESTFUL" in (out / "DEV1" / "GUESTFUL.TEMPLATE").read_text()
    site.write_text(table.replace("SUBMIT {job}", "SUBMIT {jobname}"))
    result = run_cli(["compile", src, "-o", tmp_path / "o2", "--dialect", site], expect=2)
    assert result.stderr.startswith("error[BKR601]: ") and "entry submit_verb" in result.stderr
    assert f"--> {site}:" in result.stderr and result.stderr.endswith("\n1 error\n")
    result = run_cli(["compile", src, "-o", tmp_path / "o2", "--dialect", tmp_path / "none.toml"], expect=2)
    assert "none.toml" in result.stderr
    assert not (tmp_path / "o2").exists()
    # a format or a conversion in a placeholder: refused on loading, not an internal error in the emitter
    for wrong in ("SUBMIT {job:d}", "SUBMIT {job!r}"):
        site.write_text(table.replace("SUBMIT {job}", wrong))
        result = run_cli(["compile", src, "-o", tmp_path / "o2", "--dialect", site], expect=2)
        assert result.stderr.startswith("error[BKR601]: ") and "entry submit_verb" in result.stderr
        assert f"--> {site}:" in result.stderr and "internal error" not in result.stderr
    assert not (tmp_path / "o2").exists()


def test_a_site_table_corrects_the_cp_return_codes_the_execs_act_on(tmp_path):
    """CP's rcs for XAUTOLOG's refusals and SMSG's "not receiving" are dialect
    entries (assumed 53, 54, 57): a site's table changes the EXECs that act on
    them; a value no CP rc can be stops the compile with one line, nothing written."""
    src, out = source(tmp_path), tmp_path / "out"
    table = (DIALECT_DIR / "backup-manager-1.3.toml").read_text()
    site = tmp_path / "site.toml"
    corrected = table
    for key, value in (("xautolog_already_logged_on_rc", "154"), ("xautolog_not_in_directory_rc", "153"),
                       ("message_not_receiving_rc", "157")):
        corrected, n = re.subn(rf'(\[entries\.{key}\]\nvalue = )"[0-9]+"', rf'\g<1>"{value}"', corrected)
        assert n == 1, key
    site.write_text(corrected)
    run_cli(["compile", src, "-o", out, "--dialect", site], expect=0)
    start = (out / "DEV1" / "BKRSTART.EXEC").read_text()
    assert "    if failed = 154 then return meanwhile(i)" in start
    assert "    if failed = 153 then do" in start
    comments = " ".join(line[2:-2].strip() for line in start.splitlines() if line.startswith("/*"))
    assert "  return 154" in start and "154 XAUTOLOG refused as already logged on" in comments
    assert "failed = 54" not in start and "failed = 53" not in start
    assert "  if sent = 157 then do" in (out / "DEV1" / "BKRSUBMT.EXEC").read_text()
    for wrong, said in (("53.5", "'53.5' is not a CP return code"), ("-53", "'-53' is not a CP return code"),
                        ("40", "40 is a return code the EXECs set themselves (wrong member)"),
                        ("54", "xautolog_already_logged_on_rc: 54 is xautolog_not_in_directory_rc too")):
        site.write_text(table.replace('[entries.xautolog_not_in_directory_rc]\nvalue = "53"',
                                      f'[entries.xautolog_not_in_directory_rc]\nvalue = "{wrong}"'))
        result = run_cli(["compile", src, "-o", tmp_path / "o2", "--dialect", site], expect=2)
        assert result.stderr.startswith("error[BKR601]: the dialect table cannot be used: entry xautolog_")
        assert said in result.stderr and f"--> {site}:" in result.stderr, result.stderr
    assert not (tmp_path / "o2").exists()


def test_disk_addresses_are_checked_against_the_table_compile_uses(tmp_path):
    """BKR250 reads the machines' statements from the dialect table: the built-in one
    for `bkrc check`, the site's for `bkrc compile --dialect`."""
    table = (DIALECT_DIR / "backup-manager-1.3.toml").read_text()
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["check", src], expect=0)
    site = tmp_path / "site.toml"
    site.write_text(table.replace('"LINK MAINT 019E 019E RR",', '"LINK MAINT 019E 019E RR",\n  "LINK MAINT 0191 0191 RR",'))
    result = run_cli(["compile", src, "-o", out, "--dialect", site], expect=1)
    assert "error[BKR250]: `BKRBKUP`'s directory entry already uses address 0191: `LINK MAINT 0191 0191 RR`" in result.stderr
    assert f"--> {src}:13:16" in result.stderr and "nothing written" in result.stderr
    # the help suggests an address the machine does not use, not the one it takes
    assert (
        "help: give the minidisk an address the machine does not use: write `disk BKRBKUP 0192` for"
        " `disk BKRBKUP 191` (line 13)"
    ) in result.stderr
    assert not out.exists()
    # a disk at 0190 clashes with the built-in table's link to CMS's 0190, not with a table without it
    src = source(tmp_path, GOOD.replace("disk BKRBKUP 191", "disk BKRBKUP 190"))
    assert "BKR250" in run_cli(["check", src], expect=1).stdout
    site.write_text(table.replace('"LINK MAINT 0190 0190 RR",', ""))
    run_cli(["compile", src, "-o", out, "--dialect", site], expect=0)
    assert " MDISK 0190 3390 AUTOV 10 D1PRV1 MR" in (out / "cluster" / "BKRBUP-1.DIRECT").read_text()


def test_a_disks_follow_the_table_compile_uses(tmp_path):
    """BKR253 asks for the 191 A-disk of each machine the dialect table starts CMS in
    (`IPL CMS`), unless the table's own statements already put a device at 0191."""
    table = (DIALECT_DIR / "backup-manager-1.3.toml").read_text()
    src = source(tmp_path, GOOD.replace("  disk BKRWRK* 191 size 5 cyl\n", ""))
    result = run_cli(["check", src], expect=0)
    workers = "workers `BKRWRK01` and `BKRWRK02` get no 191 minidisk on `DEV1` and `DEV2`"
    assert f"warning[BKR253]: {workers}: CMS would start them without an A-disk" in result.stdout
    assert "help: add `disk BKRWRK* 191 size 5 cyl` to cluster `DEVSSI`" in result.stdout
    assert result.stdout.count("BKR253") == 1
    head, worker = table.split("[machines.worker]", 1)
    site = tmp_path / "site.toml"
    for statement in ('"IPL 0190 PARM AUTOCR"', '"IPL CMS"'):  # CMS both ways: still asked for
        site.write_text(head + "[machines.worker]" + worker.replace('"IPL CMS PARM AUTOCR"', statement, 1))
        result = run_cli(["compile", src, "-o", tmp_path / "out", "--dialect", site], expect=0)
        assert "BKR253" in result.stderr
    site.write_text(head + "[machines.worker]" + worker.replace('"IPL CMS PARM AUTOCR"', '"IPL 0200"', 1))
    result = run_cli(["compile", src, "-o", tmp_path / "out", "--dialect", site, "--force"], expect=0)
    assert "BKR253" not in result.stderr  # a worker that does not start CMS needs no A-disk
    linked = '"LINK MAINT 019E 019E RR",\n  "LINK BKRADMIN 0191 0191 RR",'
    site.write_text(head + "[machines.worker]" + worker.replace('"LINK MAINT 019E 019E RR",', linked, 1))
    result = run_cli(["compile", src, "-o", tmp_path / "out", "--dialect", site, "--force"], expect=0)
    assert "BKR253" not in result.stderr  # its statements give it a 0191 already


def test_a_disk_warning_names_each_worker_with_the_members_it_runs_on(tmp_path):
    """prodssi runs 4 workers on VMSYS1 and VMSYS2, 2 on VMSYS3 and VMSYS4: without
    the workers' 191, BKR253 says which worker lacks it on which member."""
    text = (EXAMPLES / "prodssi.bkr").read_text().replace("  disk BKRWRK* 191 size 5 cyl\n", "")
    result = run_cli(["check", source(tmp_path, text, "prodssi.bkr")], expect=0)
    workers = (
        "workers `BKRWRK01`, `BKRWRK02` (on every member) and `BKRWRK03`, `BKRWRK04`"
        " (on `VMSYS1` and `VMSYS2`) get no 191 minidisk: CMS would start them"
    )
    assert f"warning[BKR253]: {workers}" in result.stdout
    assert "help: add `disk BKRWRK* 191 size 5 cyl` to cluster `PRODSSI`" in result.stdout
    assert result.stdout.count("BKR253") == 1


def test_a_disk_warning_says_any_member_when_no_member_has_it(tmp_path):
    """Without the backup server's 191 on any of prodssi's four members, BKR253 says
    `on any member`: `gets no 191 minidisk on every member` would read as "not on all
    of them", as if some member had it."""
    text = (EXAMPLES / "prodssi.bkr").read_text().replace("  disk BKRBKUP 191 size 10 cyl\n", "")
    result = run_cli(["check", source(tmp_path, text, "prodssi.bkr")], expect=0)
    assert "`BKRBKUP`, the backup server, gets no 191 minidisk on any member: CMS would" in result.stdout
    assert "every member" not in result.stdout


def test_a_disk_help_counts_in_blocks_where_the_volume_does(tmp_path):
    """On volumes whose minidisks count in blocks, BKR253 suggests the size and unit of
    the cluster's first such disk (one unit per volume, BKR247); in cylinders it
    suggests the role's own size, the one `bkrc init` writes (5 for the workers)."""
    text = GOOD.replace("  disk BKRWRK* 191 size 5 cyl\n", "")
    blocks = text.replace("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 20000 blk")
    blocks = blocks.replace("disk BKRCATLG 191 size 10 cyl", "disk BKRCATLG 191 size 20000 blk")
    result = run_cli(["check", source(tmp_path, blocks)], expect=0)
    assert "help: add `disk BKRWRK* 191 size 20000 blk` to cluster `DEVSSI`" in result.stdout
    result = run_cli(["check", source(tmp_path, text)], expect=0)
    assert "help: add `disk BKRWRK* 191 size 5 cyl` to cluster `DEVSSI`" in result.stdout


def _compile_in_subprocess(src: Path, out: Path, seed: str, cwd: Path) -> None:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    run = subprocess.run(
        [sys.executable, "-m", "bkrdsl", "compile", str(src), "-o", str(out)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.bkr")))
def test_output_is_byte_identical_across_runs_seeds_and_folders(tmp_path, name):
    """Every example: three compiles, each in its own process under another hash seed,
    one of them naming the file from its own folder, write the same files byte for byte."""
    example = EXAMPLES / name
    trees = []
    for n, seed in enumerate(("0", "1", "12345")):
        out = tmp_path / f"out{n}"
        cwd = ROOT if n != 1 else EXAMPLES  # the same file named from another folder
        src = example if n != 1 else Path(name)
        _compile_in_subprocess(src, out, seed, cwd)
        trees.append(tree(out))
    assert trees[0] == trees[1] == trees[2]
    assert len(trees[0]) > 10


def test_include_folder_for_imports(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "guests.bkr").write_text("single group MOREGST { LINUX09 }\n")
    text = GOOD.replace("import std/zvm73", "import std/zvm73\nimport guests").replace(
        "backup GUESTS full", "backup GUESTS, MOREGST full"
    )
    src = source(tmp_path / ".", text)
    run_cli(["compile", src, "-o", tmp_path / "out"], expect=1)  # not found without -I
    run_cli(["compile", src, "-o", tmp_path / "out", "-I", lib], expect=0)
    assert "INCLUDE MINIDISK LINUX09" in (tmp_path / "out" / "DEV1" / "GUESTFUL.TEMPLATE").read_text()
    # A diagnostic in such a module names where it was found, so that an
    # editor (or a person) can open it: not the importer's folder.
    (lib / "guests.bkr").write_text("single group MOREGST { LINUX09\n")
    result = run_cli(["compile", src, "-o", tmp_path / "out2", "-I", lib], expect=1)
    assert f"--> {(lib / 'guests.bkr').as_posix()}:" in result.output


def test_an_output_folder_under_a_file_is_refused_by_name(tmp_path):
    src = source(tmp_path)
    (tmp_path / "notes").write_text("a file, not a folder\n")
    for out in (tmp_path / "notes" / "out", tmp_path / "notes" / "a" / "b"):
        result = run_cli(["compile", src, "-o", out], expect=2)
        assert f"bkrc: {out}: cannot write: {tmp_path / 'notes'} is a file, not a folder" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dev.bkr", "notes"]


def test_json_and_sarif_diagnostics_are_all_of_standard_error(tmp_path):
    """`2>diagnostics.json` must parse whatever happens: bkrc's own lines (nothing
    written, not up to date, changed by hand) go to standard output with a
    document format, after the diagnostics on standard error."""
    out = tmp_path / "out"
    bad = source(tmp_path, GOOD.replace("workers 2", "workers x", 1), name="bad.bkr")
    good = source(tmp_path)
    run_cli(["compile", good, "-o", out], expect=0)
    edited = out / "DEV1" / "GUESTFUL.TEMPLATE"
    edited.write_text(edited.read_text() + "* my note\n")
    cases = [
        (["compile", bad, "-o", tmp_path / "new"], 1, "errors in the input; nothing written"),
        (["compile", good, "-o", out], 2, "changed by hand"),
        (["compile", good, "-o", out, "--check"], 1, "is not up to date"),
    ]
    for fmt in ("json", "sarif"):
        for args, code, says in cases:
            result = run_cli([*args, "--format", fmt], expect=code)
            json.loads(result.stderr)  # the document alone
            assert says in result.stdout, (fmt, args)
    # The text format keeps its messages on standard error, beside the diagnostics.
    assert "nothing written" in run_cli(["compile", bad, "-o", tmp_path / "new"], expect=1).stderr


NOT_SEARCHED = (
    " (hidden folders, node_modules, __pycache__, symbolic links to folders and bkrc compile's output folders"
    " are not searched)"
)


def test_a_document_format_prints_its_document_when_the_input_cannot_be_read(tmp_path):
    """A FILE, a --dialect table or a --directory that cannot be read stops the
    compile before there are diagnostics (exit 2): with json or sarif standard
    error still holds one document, with none, and bkrc's line is on standard
    output; `bkrc check`, whose document is on standard output, likewise."""
    good = source(tmp_path)
    (tmp_path / "broken.toml").write_text("[dialect\n")
    (tmp_path / "folder.bkr").mkdir()
    cases = [
        ([tmp_path / "missing.bkr"], "missing.bkr: no such file"),
        ([tmp_path / "folder.bkr"], "is a directory"),
        ([good, "--dialect", tmp_path / "broken.toml"], "malformed dialect table"),
        ([good, "--directory", tmp_path / "missing.direct"], "missing.direct: no such file (the --directory file)"),
    ]
    for fmt in ("json", "sarif"):
        for args, says in cases:
            result = run_cli(["compile", *args, "-o", tmp_path / "out", "--format", fmt], expect=2)
            document = json.loads(result.stderr)
            assert says in result.stdout, (fmt, args)
            checked = run_cli(["check", *args, "--format", fmt], expect=2)
            if args[0] == tmp_path / "folder.bkr":  # check searches a folder for .bkr files
                says = "no .bkr file in this folder or below it"
                document = json.loads(json.dumps(document).replace("is a directory, not a .bkr file", says + NOT_SEARCHED))
            assert json.loads(checked.stdout) == document, (fmt, args)
            assert says in checked.stderr, (fmt, args)
        assert not (tmp_path / "out").exists()
    empty = json.loads(run_cli(["compile", tmp_path / "missing.bkr", "-o", tmp_path / "out", "--format", "json"],
                               expect=2).stderr)
    assert empty["diagnostics"] == [] and empty["error_count"] == 0


def test_a_fresh_checkout_of_the_folder_is_up_to_date_and_its_manifest_verifies_it(tmp_path):
    """docs/output.md, "In a pipeline": `--check` of a copy whose files all have
    new modification times (a fresh checkout) is up to date; the manifest's sha256
    verify every file without bkrc; a checkout that turned LF into CRLF is not up
    to date, every file "changed by hand"; `bkrc check` reads the .bkr file with
    CRLF and a byte-order mark as it reads it with LF."""
    import hashlib
    import shutil

    good = source(tmp_path)
    run_cli(["compile", good, "-o", tmp_path / "out"], expect=0)
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    shutil.copy(good, checkout / "dev.bkr")
    shutil.copytree(tmp_path / "out", checkout / "out", copy_function=shutil.copyfile)  # new mtimes
    for path in (checkout / "out").rglob("*"):
        os.utime(path, (1, 1))
    assert run_cli(["compile", checkout / "dev.bkr", "-o", checkout / "out", "--check"], expect=0).stdout.endswith(
        "is up to date\n"
    )
    manifest = json.loads((checkout / "out" / "manifest.json").read_text())
    listed = {entry["path"] for entry in manifest["files"]}
    assert listed == {str(p.relative_to(checkout / "out")) for p in (checkout / "out").rglob("*")
                      if p.is_file() and p.name != "manifest.json"}
    for entry in manifest["files"]:
        assert hashlib.sha256((checkout / "out" / entry["path"]).read_bytes()).hexdigest() == entry["sha256"]
    for path in (checkout / "out").rglob("*"):
        if path.is_file() and path.name != "manifest.json":
            path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    result = run_cli(["compile", checkout / "dev.bkr", "-o", checkout / "out", "--check"], expect=1)
    assert result.stdout.count("(changed by hand)") == len(listed)
    crlf = checkout / "crlf.bkr"
    crlf.write_bytes(b"\xef\xbb\xbf" + good.read_bytes().replace(b"\n", b"\r\n"))
    assert run_cli(["check", crlf], expect=0).output == ""
    assert run_cli(["fmt", "--check", crlf], expect=1).stderr == f"would reformat {crlf}\n"


def test_check_of_standard_input_names_it_as_the_diagnostics_do(tmp_path):
    """`git show HEAD:dev.bkr | bkrc compile - -o out --check` said `out is not up
    to date with -`: `<stdin>`, as its diagnostics name it."""
    result = run_cli(["compile", "-", "-o", tmp_path / "out", "--check"], input=GOOD, expect=1)
    assert result.stderr.endswith(f"bkrc: {tmp_path / 'out'} is not up to date with <stdin>\n"), result.stderr


def test_a_folder_of_the_site_s_own_templates_is_compared_not_written(tmp_path):
    """docs/deploy.md, "Coming from hand-written templates": `--dry-run --diff` into a
    folder of the site's downloaded templates shows each template bkrc would write
    there against the site's (marked `(not written by bkrc)`), writes nothing and
    exits 2, the folder being none bkrc wrote; a template of another name is kept."""
    source = tmp_path / "dev.bkr"
    source.write_text(GOOD)
    current = tmp_path / "current"
    (current / "DEV1").mkdir(parents=True)
    (current / "DEV2").mkdir()
    own = "* GUESTFUL, by hand\nCONFIG BKR_Job_Name = GUESTFUL\nINCLUDE MINIDISK LINUX01 = 0000 - FFFF\n"
    (current / "DEV1" / "GUESTFUL.TEMPLATE").write_text(own)
    (current / "DEV2" / "SYSFULLB.TEMPLATE").write_text("* another name\n")
    before = tree(current)
    result = run_cli(["compile", source, "-o", current, "--dry-run", "--diff"], expect=2)
    said = result.output
    assert re.search(r"^update +DEV1/GUESTFUL\.TEMPLATE .*\(not written by bkrc\)$", said, re.MULTILINE), said
    assert "--- a/DEV1/GUESTFUL.TEMPLATE\n+++ b/DEV1/GUESTFUL.TEMPLATE\n" in said
    assert "-* GUESTFUL, by hand\n" in said and "+INCLUDE MINIDISK LINUX02 = 0000 - FFFF\n" in said
    # The template of another name is named: it has no generated counterpart.
    assert f"1 other file in {current} is kept as it is: DEV2/SYSFULLB.TEMPLATE\n" in said
    assert tree(current) == before
    # stop 78, h1: the folder is the site's way back to its own templates, and the lines
    # offered `--force` twice ("choose a new or empty folder, or use --force", "move your
    # files out ... or use --force to overwrite"), which, followed, overwrote them.
    assert f"bkrc: {current} holds files but no manifest.json: it was not written by bkrc\n" in result.stderr
    assert "use --force" not in result.stderr
    assert result.stderr.endswith(
        "bkrc: nothing written; those are job templates of your own, your way back to them (docs/deploy.md,"
        ' "Coming from hand-written templates"): compile into a folder of its own (`-o out`) and compare the two;'
        " --force would overwrite them\n"
    )
    # Followed, the line's way: a folder of its own, written; the site's folder as it was.
    run_cli(["compile", source, "-o", tmp_path / "out"], expect=0)
    assert tree(current) == before
    # A file of another kind among them (a site's own README.TXT) keeps the general lines.
    (current / "README.TXT").write_text("ours\n")
    other = run_cli(["compile", source, "-o", current, "--dry-run"], expect=2).stderr
    assert "or use --force to overwrite" in other


def test_h1s78_the_deploy_docs_diff_of_the_site_s_templates_compares_templates_only(tmp_path):
    """docs/deploy.md, "Coming from hand-written templates": its `diff -r ...` of the
    site's downloaded templates (a folder per member) against `out` leaves out what is
    no template. It named the EXECs, the Tape Manager definitions, the manifest and
    `cluster/`, not README.TXT: with the site's templates just as bkrc writes them, the
    command still said `Only in out: README.TXT` (exit 1). Run as the docs write it."""
    if shutil.which("diff") is None:
        pytest.skip("GNU diff is not installed")
    (line,) = [x.strip() for x in (ROOT / "docs" / "deploy.md").read_text().splitlines() if x.strip().startswith("diff -r")]
    argv = shlex.split(line)
    assert argv[-2:] == ["current", "out"]
    (tmp_path / "dev.bkr").write_text(GOOD)
    run_cli(["compile", tmp_path / "dev.bkr", "-o", tmp_path / "out"], expect=0)
    for template in (tmp_path / "out").glob("*/*.TEMPLATE"):
        copy = tmp_path / "current" / template.parent.name / template.name
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(template.read_bytes())
    assert list((tmp_path / "current").glob("*/*.TEMPLATE"))
    done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    # A template of the site's that differs is still shown, its comment lines aside.
    first = min((tmp_path / "current").glob("*/*.TEMPLATE"))
    first.write_text("* ours, by hand\n" + first.read_text() + "EXCLUDE MINIDISK * = 0300 - 0300\n")
    done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "-EXCLUDE MINIDISK * = 0300 - 0300" in done.stdout
    assert "Only in" not in done.stdout and "ours, by hand" not in done.stdout


#: A folder name of the kind a terminal acts on: ESC [ 3 1 m (red from here
#: on), U+202E (the rest of the line shown backwards) and a tab; and as
#: every message of bkrc writes it (`bkrdsl.terminal.escaped`).
ODD_DIR = "out\x1b[31m\u202e\tdir"
ODD_SHOWN = "out<U+001B>[31m<U+202E><U+0009>dir"


def _coloured(args, *, expect: int):
    """bkrc in-process with click's colour on, as on a terminal or with
    FORCE_COLOR: without it click strips `ESC [ ... m` from each line, which
    would hide a name printed as it is."""
    from click.testing import CliRunner

    from bkrdsl.cli import cli

    result = CliRunner().invoke(cli, [str(a) for a in args], color=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == expect, (result.exit_code, result.output)
    assert not any(c in result.stdout + result.stderr for c in "\x1b\u202e\t"), result.output
    return result


def test_a_folder_name_a_terminal_would_act_on_is_written_escaped(tmp_path, monkeypatch):
    """`-o DIR`, and each file of DIR a message names, is printed `<U+XXXX>`
    where the terminal would act on a character (docs/security.md): the
    summary, `up to date`, `not up to date`, the files changed by hand that
    block the compile and those --force overwrote, and a file kept whose own
    name holds such characters."""
    monkeypatch.chdir(tmp_path)
    source(tmp_path)
    written = _coloured(["compile", "dev.bkr", "-o", ODD_DIR], expect=0)
    assert written.stdout == f"bkrc: wrote {ODD_SHOWN}: 25 created, 0 updated, 0 deleted, 0 unchanged\n"
    assert (tmp_path / ODD_DIR / "manifest.json").is_file()  # the folder itself has its name as given
    assert _coloured(["compile", "dev.bkr", "-o", ODD_DIR], expect=0).stdout == f"bkrc: {ODD_SHOWN} is up to date\n"
    assert _coloured(["compile", "dev.bkr", "-o", ODD_DIR, "--check"], expect=0).stdout == (
        f"bkrc: {ODD_SHOWN} is up to date\n"
    )
    edited = tmp_path / ODD_DIR / "DEV1" / "GUESTFUL.TEMPLATE"
    edited.write_text(edited.read_text() + "* my note\n")
    (tmp_path / ODD_DIR / "notes\x1b]0;owned\x07.txt").write_text("mine\n")
    blocked = _coloured(["compile", "dev.bkr", "-o", ODD_DIR], expect=2)
    assert blocked.stderr == (
        "bkrc: these files were changed by hand since the last compile:\n"
        f"  {ODD_SHOWN}/DEV1/GUESTFUL.TEMPLATE\n"
        "bkrc: nothing written; move your changes into the .bkr file, or use --force to overwrite\n"
    )
    checked = _coloured(["compile", "dev.bkr", "-o", ODD_DIR, "--check"], expect=1)
    assert checked.stdout.splitlines()[-2:] == [
        f"{ODD_SHOWN}: 0 to create, 1 to update, 0 to delete, 24 unchanged",
        f"1 other file in {ODD_SHOWN} is kept as it is: notes<U+001B>]0;owned<U+0007>.txt",
    ]
    assert checked.stderr == f"bkrc: {ODD_SHOWN} is not up to date with dev.bkr\n"
    forced = _coloured(["compile", "dev.bkr", "-o", ODD_DIR, "--force"], expect=0)
    assert forced.stdout == f"bkrc: wrote {ODD_SHOWN}: 0 created, 1 updated, 0 deleted, 24 unchanged\n"
    assert forced.stderr == (
        "bkrc: --force overwrote these files, changed by hand since the last compile:\n"
        f"  {ODD_SHOWN}/DEV1/GUESTFUL.TEMPLATE\n"
    )


def test_a_source_file_name_a_terminal_would_act_on_is_written_escaped(tmp_path, monkeypatch):
    """FILE, named by `--check`'s answer, as `-o DIR` is."""
    monkeypatch.chdir(tmp_path)
    source(tmp_path, name="dev\x1b[2J\u202e.bkr")
    checked = _coloured(["compile", "dev\x1b[2J\u202e.bkr", "-o", "out", "--check"], expect=1)
    assert checked.stderr == "bkrc: out is not up to date with dev<U+001B>[2J<U+202E>.bkr\n"


def test_a_file_in_dir_where_bkrc_needs_a_folder_is_named_escaped(tmp_path, monkeypatch):
    """What stops the compile even with --force: DIR's name and a link's
    target, each escaped."""
    monkeypatch.chdir(tmp_path)
    source(tmp_path)
    (tmp_path / ODD_DIR).mkdir()
    (tmp_path / ODD_DIR / "DEV1").symlink_to("else\u202ewhere\x1b[8m")
    refused = _coloured(["compile", "dev.bkr", "-o", ODD_DIR, "--force"], expect=2)
    assert refused.stderr.splitlines()[0] == (
        f"bkrc: {ODD_SHOWN}/DEV1 is a symbolic link (to else<U+202E>where<U+001B>[8m), where bkrc writes a folder"
    )


def test_check_of_a_folder_without_a_manifest_says_a_compile_would_fail(tmp_path):
    """out/manifest.json deleted (or a folder bkrc never wrote): `--check` listed
    `create manifest.json` alone and said "not up to date", while the compile that
    would bring it up to date stops (exit 2, "not written by bkrc"), which no row of
    the plan showed. It says so, as of any compile that would fail (exit 1 still)."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    (out / "manifest.json").unlink()
    checked = run_cli(["compile", src, "-o", out, "--check"], expect=1)
    assert [line.split()[:2] for line in checked.stdout.splitlines()[:-1]] == [["create", "manifest.json"]]
    foreign = (
        f"{out} holds files but no manifest.json: it was not written by bkrc; choose a new or empty folder,"
        " or use --force (files bkrc does not write are kept)"
    )
    assert checked.stderr == (
        f"bkrc: warning: a compile would fail: {foreign}\nbkrc: {out} is not up to date with {src}\n"
    )
    assert run_cli(["compile", src, "-o", out], expect=2).stderr == f"bkrc: {foreign}\n"
    plan = json.loads(run_cli(["compile", src, "-o", out, "--check", "--plan-format", "json"], expect=1).stdout)
    assert plan["warnings"] == [f"bkrc: warning: a compile would fail: {foreign}"]
    # With --force the compile writes: nothing would fail.
    assert "would fail" not in run_cli(["compile", src, "-o", out, "--check", "--force"], expect=1).stderr


# stop 72, h1: README.TXT is a generated file like the others: a hand edit stops the compile
def test_a_hand_edited_readme_stops_the_compile_as_any_generated_file_does(tmp_path):
    """README.TXT is listed in manifest.json (kind readme, kept off the host) and
    covered like every file bkrc writes: --check sees it, a hand edit stops the
    compile (exit 2) until --force, which keeps the site's own notes file."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    readme = out / "README.TXT"
    manifest = json.loads((out / "manifest.json").read_text())
    entry = next(f for f in manifest["files"] if f["path"] == "README.TXT")
    assert entry["kind"] == "readme" and entry["member"] is None
    assert entry["goes_to"] == "nowhere: it stays off the host, like manifest.json"
    assert entry["sha256"] == hashlib.sha256(readme.read_bytes()).hexdigest()
    run_cli(["compile", src, "-o", out, "--check"], expect=0)
    readme.write_text(readme.read_text() + "my note: uploaded on Monday\n")
    (out / "NOTES.txt").write_text("the site's own notes\n")
    before = _assert_hand_edit_blocks(src, out, "README.TXT")
    forced = run_cli(["compile", src, "-o", out, "--force"], expect=0)
    assert f"changed by hand since the last compile:\n  {readme}\n" in forced.stderr
    assert "my note" not in readme.read_text() and (out / "NOTES.txt").read_text() == "the site's own notes\n"
    readme.unlink()  # deleted by hand: simply written again
    run_cli(["compile", src, "-o", out], expect=0)
    assert readme.read_bytes() == before["README.TXT"].replace(b"my note: uploaded on Monday\n", b"")
    run_cli(["compile", src, "-o", out, "--check"], expect=0)


def _assert_read_only_refused(changed, out, refusal: str) -> dict:
    """A compile of `changed` into `out`, where a read-only folder stands in its way:
    refused with `refusal` (exit 2) with or without --force, --dry-run says the compile
    would fail (exit 2), --check that it is not up to date and why (exit 1); `out`'s tree
    before, for the caller to hold it to."""
    before = tree(out)
    for force in ([], ["--force"]):
        refused = run_cli(["compile", changed, "-o", out, *force], expect=2)
        assert refused.stderr.endswith(f"bkrc: {refusal}\n") and refused.stdout == ""
    dry = run_cli(["compile", changed, "-o", out, "--dry-run"], expect=2)
    assert dry.stderr.endswith(f"bkrc: the compile would fail: {refusal}\n")
    checked = run_cli(["compile", changed, "-o", out, "--check"], expect=1)
    assert checked.stderr.endswith(
        f"bkrc: warning: a compile would fail: {refusal}\nbkrc: {out} is not up to date with {changed}\n"
    )
    return before


# stop 72, h11: `-o DIR` made read-only is refused by every form that would write it, DIR left as it was
def test_a_read_only_output_folder_is_refused_as_fmt_refuses_a_read_only_file(tmp_path):
    """`chmod 555 out`: the compile replaced it (exit 0, mode kept). Now it is
    refused as `bkrc fmt` refuses a 0444 file, even with --force (which
    overrides drift only); --dry-run says the compile would fail (exit 2),
    --check that it is not up to date and why a compile would fail (exit 1);
    an up-to-date DIR is no error. The hint, run as offered, lets it write."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    out.chmod(0o555)
    refusal = (
        f"{out}: cannot write: the folder is read-only (mode 0555), so bkrc leaves it as it is;"
        f" make it writable (`chmod u+w {out}`) to let bkrc replace it; nothing written"
    )
    try:
        assert run_cli(["compile", src, "-o", out], expect=0).stdout == f"bkrc: {out} is up to date\n"
        run_cli(["compile", src, "-o", out, "--check"], expect=0)
        changed = source(tmp_path, GOOD.replace("daily 01:00", "daily 01:30"))
        before = _assert_read_only_refused(changed, out, refusal)
        plan = json.loads(run_cli(["compile", changed, "-o", out, "--dry-run", "--plan-format", "json"], expect=2).stdout)
        assert plan["failures"] == [f"bkrc: the compile would fail: {refusal}"]
        assert tree(out) == before and out.stat().st_mode & 0o777 == 0o555
        hint = re.search(r"`(chmod u\+w [^`]+)`", refusal).group(1)
        subprocess.run(hint, shell=True, check=True, cwd=tmp_path)
        assert "updated" in run_cli(["compile", changed, "-o", out], expect=0).stdout
        run_cli(["compile", changed, "-o", out, "--check"], expect=0)
    finally:
        out.chmod(0o755)


# stop 72, h17: a read-only member folder whose files the compile changes is refused like a read-only DIR
def test_a_read_only_member_folder_is_refused_only_when_its_files_change(tmp_path):
    """`chmod 555 out/DEV1` inside a writable DIR: the compile rewrote DEV1's
    files all the same. Now every form that would change a file in it says so
    as for a read-only DIR, naming the folder (--force too); a change that
    leaves DEV1's files as they are writes, DEV1 kept read-only. The hint, run
    as offered, lets the compile write."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    member = out / "DEV1"
    member.chmod(0o555)
    refusal = (
        f"{member}: cannot write: the folder is read-only (mode 0555), so bkrc leaves it as it is;"
        f" make it writable (`chmod u+w {member}`) to let bkrc replace it; nothing written"
    )
    try:
        assert run_cli(["compile", src, "-o", out], expect=0).stdout == f"bkrc: {out} is up to date\n"
        elsewhere = source(tmp_path, GOOD.replace("BKRBKUP 191 size 10", "BKRBKUP 191 size 20"))  # cluster/ only
        plan = json.loads(run_cli(["compile", elsewhere, "-o", out, "--dry-run", "--plan-format", "json"], expect=0).stdout)
        changed_files = [f["path"] for f in plan["files"] if f["action"] != "unchanged"]
        assert changed_files and not any(p.startswith("DEV1/") for p in changed_files)
        run_cli(["compile", elsewhere, "-o", out], expect=0)
        assert member.stat().st_mode & 0o777 == 0o555
        changed = source(tmp_path, GOOD.replace("daily 01:00", "daily 01:30"))
        before = _assert_read_only_refused(changed, out, refusal)
        assert tree(out) == before and member.stat().st_mode & 0o777 == 0o555
        hint = re.search(r"`(chmod u\+w [^`]+)`", refusal).group(1)
        subprocess.run(hint, shell=True, check=True, cwd=tmp_path)
        assert "updated" in run_cli(["compile", changed, "-o", out], expect=0).stdout
        run_cli(["compile", changed, "-o", out, "--check"], expect=0)
    finally:
        for folder in (out, *out.iterdir()):
            if folder.is_dir():
                folder.chmod(0o755)


# stop 76, h8: a single-configuration job moved to another member
def test_a_single_job_moved_to_another_member_says_the_old_bkrsubmt_still_submits_it(tmp_path):
    """`run on DEV2` for GUESTFUL's `run on DEV1`: the plan deleted DEV1/GUESTFUL.TEMPLATE
    and created DEV2's, and the warning spoke of a template left on a disk only, as
    for a job removed. DEV1's BKRSUBMT on z/VM still lists GUESTFUL and submits it
    until DEV1's new one replaces it: with DEV2's installed first, both members back
    the same users up (SSI rule 6). The warning now says the move and the order, in
    every mode; the compile after says nothing more."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("run on DEV1 daily 01:00", "run on DEV2 daily 01:00"))
    for mode, code in (("--dry-run", 0), ("--check", 1)):
        result = run_cli(["compile", src, "-o", out, mode], expect=code)
        assert _warnings(result.stderr) == [(
            "bkrc: warning: job GUESTFUL moves from DEV1 to DEV2: DEV1's BKRSUBMT EXEC on z/VM still submits it"
            " when DEV1's scheduler calls `DUE`, from GUESTFUL TEMPLATE there (DEV1/GUESTFUL.TEMPLATE, deleted in"
            f" {out} only), until DEV1's new BKRSUBMT EXEC, which no longer lists it, replaces it; install that one"
            " and erase GUESTFUL TEMPLATE on DEV1 before you install DEV2's BKRSUBMT EXEC and GUESTFUL TEMPLATE,"
            " or both members submit GUESTFUL and back its users up twice (a single-configuration job runs from"
            " one member); the catalog keeps the backups made so far under GUESTFUL"
            ' (docs/deploy.md, "Changing a deployed cluster")'
        )]
        assert re.search(r"^delete +DEV1/GUESTFUL\.TEMPLATE ", result.stdout, re.MULTILINE), result.stdout
        assert re.search(r"^create +DEV2/GUESTFUL\.TEMPLATE ", result.stdout, re.MULTILINE), result.stdout
    assert len(_warnings(run_cli(["compile", src, "-o", out], expect=0).stderr)) == 1
    assert _warnings(run_cli(["compile", src, "-o", out], expect=0).stderr) == []
    # Moved and renamed: a job removed and another added, the old template named alone.
    source(tmp_path, GOOD.replace("job GUESTFUL {", "job GUESTALL {"))
    (warning,) = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
    assert warning.startswith("bkrc: warning: job GUESTFUL's template is deleted in"), warning


def test_a_single_job_moved_off_a_retired_member_says_its_old_bkrsubmt_still_submits_it(tmp_path):
    """DEV1 retired, and BKR330's help followed (`run on DEV2` for `run on DEV1`): the
    member's folder is gone (its own warning), and the move is said beside it: DEV1's
    BKRSUBMT still submits GUESTFUL there until it is stopped or erased, and DEV2's,
    installed first, submits it too."""
    src, out = source(tmp_path, THREE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    retired = THREE.replace("  member DEV1 { workers 2  private-volume D1PRV1 }\n", "")
    retired = retired.replace("on DEV1", "on DEV2")
    source(tmp_path, retired.replace("run on DEV2 daily 01:00", "run on DEV1 daily 01:00"))
    help_line = [ln for ln in run_cli(["check", src], expect=1).stdout.splitlines() if "help:" in ln]
    assert help_line and "`DEV2`" in help_line[0], help_line
    source(tmp_path, retired)
    run_cli(["check", src], expect=0)
    warnings = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
    assert any(w.startswith("bkrc: warning: member DEV1's folder is gone from") for w in warnings), warnings
    (moved,) = [w for w in warnings if "moves from DEV1 to DEV2" in w and "job GUESTFUL" in w]
    assert moved.startswith(
        "bkrc: warning: job GUESTFUL moves from DEV1 to DEV2: DEV1, no longer a member, keeps its BKRSUBMT"
        f" EXEC and GUESTFUL TEMPLATE on z/VM (its folder is gone from {out} only), and that BKRSUBMT still"
        " submits GUESTFUL when DEV1's scheduler calls `DUE`; stop that caller, or erase both there, before you"
        " install DEV2's BKRSUBMT EXEC and GUESTFUL TEMPLATE, or both members submit GUESTFUL"
    ), moved


# stop 76, h8: a member added is told to be set up, or nothing runs there
def test_a_member_added_says_nothing_runs_there_until_it_is_set_up(tmp_path):
    """DEV3 added after DEV1 and DEV2: the plan listed DEV3's files as `create` and
    said nothing more, so a sysprog who uploaded them had a member where no job is
    ever submitted (nothing calls BKRSTART from AUTOLOG1's PROFILE EXEC, no
    scheduler calls BKRSUBMT DUE), and nothing failed to say so. The compile now
    names the member, the set-up and the jobs that wait on it, in every mode; a
    member renamed (it takes a gone member's number) is left to its own warning,
    and a first compile into an empty DIR says nothing."""
    src, out = source(tmp_path), tmp_path / "out"
    assert _warnings(run_cli(["compile", src, "-o", out], expect=0).stderr) == []
    source(tmp_path, THREE)
    for mode, code in (("--dry-run", 0), ("--check", 1)):
        assert _warnings(run_cli(["compile", src, "-o", out, mode], expect=code).stderr) == [(
            f"bkrc: warning: member DEV3, new to {out} since its last compile, runs nothing bkrc wrote for it until it is set up as"
            " for a first install: on it, call `EXEC BKRSTART` from AUTOLOG1's PROFILE EXEC and have a scheduler"
            " call `EXEC BKRSUBMT DUE` every minute, or none of its jobs is ever submitted (DEV3's: SYSFU3);"
            " where an earlier compile's EXECs ran there (a member back after a roll-back), erase the record they"
            " kept (`DEV3 BKRSUBMT A`) first, or the first `DUE` names the jobs of the days since then (up to a"
            ' week back) as missed, to be sent by hand (docs/deploy.md, "7. First run, per member")'
        )]
    run_cli(["compile", src, "-o", out], expect=0)
    assert _warnings(run_cli(["compile", src, "-o", out], expect=0).stderr) == []
    # Two members added, the purge moved to one of them: both named, BKREXPIR too.
    dev3 = "  member DEV3 { workers 2  private-volume D3PRV1 }\n"
    four = THREE.replace(dev3, dev3 + dev3.replace("DEV3", "DEV4").replace("D3PRV1", "D4PRV1"))
    four = four.replace("expire on DEV1", "expire on DEV4").replace("pool BKRPOOL on DEV1", "pool BKRPOOL on DEV4")
    five = four.replace(dev3, dev3 + dev3.replace("DEV3", "DEV5").replace("D3PRV1", "D5PRV1"))
    five = five.replace("expire on DEV4", "expire on DEV5").replace("pool BKRPOOL on DEV4", "pool BKRPOOL on DEV5")
    source(tmp_path, five)
    run_cli(["check", src], expect=0)
    (added,) = [w for w in _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr) if ", new to " in w]
    assert added.startswith(f"bkrc: warning: members DEV4 and DEV5, new to {out} since its last compile, run nothing bkrc wrote for them"), added
    assert "every minute; on DEV5, which purges, `EXEC BKREXPIR DUE` too, or none" in added, added
    assert "(DEV4's: SYSFU5; DEV5's: SYSFU4); where an earlier compile's" in added, added
    assert "erase the records they kept (`DEV4 BKRSUBMT A`, `DEV5 BKRSUBMT A` and `DEV5 BKREXPIR A`) first" in added
    assert added.endswith('(docs/deploy.md, "7. First run, per member")'), added
    # DEV3 renamed DEV6: it takes DEV3's number, and the folder's warning says what that means.
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, five.replace("DEV3", "DEV6"))
    warnings = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
    assert not [w for w in warnings if ", new to " in w], warnings
    assert [w for w in warnings if "DEV6, new, takes DEV3's number" in w], warnings


# stop 78, h2: with Tape Manager, the member added is a node once its lines are copied
def test_a_member_added_with_tape_manager_is_told_to_copy_its_node_definitions(tmp_path):
    """DEV3 added to a cluster with `tape manager shared`: its TMNODES.CONFIG was a
    `create` in the plan, and the member's warning named BKRSTART and DUE only,
    while Tape Manager reads the lines copied by hand into the SYS CONFIG of
    DEV3's node (TRTMM there), never the file (docs/deploy.md, section 5); the
    catalog node's own file gains DEV3's line (the warning of its own:
    test_node_definitions_updated_say_the_sys_config_is_changed_by_hand)."""
    src, out = source(tmp_path, TAPE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, TAPE3)
    (added,) = [w for w in _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr) if ", new to " in w]
    assert "or none of its jobs is ever submitted (DEV3's: SYSFU3); copy the lines of DEV3/TMNODES.CONFIG into" \
        " the SYS CONFIG file of TRTMM on DEV3 by hand; where an earlier compile's" in added, added


# stop 76, h8: README.TXT says which members purge, after the one-time warning
def test_readme_names_the_purging_member_and_the_old_bkrexpir_elsewhere(tmp_path):
    """The purge moved from DEV1 to DEV2: the compile's warning that DEV1's old
    BKREXPIR still purges is said once, by the compile that moves it; the folder
    the sysprog deploys from (a pipeline's, days later) said nothing of it.
    README.TXT now names the purging member and what an older BKREXPIR on any
    other does, in every compile, and the text follows the `expire on`."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    readme = (out / "README.TXT").read_text()
    expiry = readme[readme.index("\nExpiry\n------\n"):readme.index("\nThis file and manifest.json\n")]
    assert " ".join(expiry.split()) == (
        "Expiry ------ BKREXPIR.EXEC is written for DEV1 only: EXPIRE is sent there alone. If an earlier compile"
        " put the purge on DEV2, move it here in this order, or two members purge, or none (docs/deploy.md,"
        " Changing a deployed cluster): 1. On that member, stop the scheduler's call of EXEC BKREXPIR DUE,"
        " then erase BKREXPIR EXEC there and the record its DUE kept, the file named after that member, file"
        " type BKREXPIR, on the caller's A-disk: the EXEC still purges there until erased, and the record makes"
        " the purge, once back, name what others sent meanwhile as missed. 2. On DEV1, erase a record DEV1"
        " BKREXPIR A that an earlier purge there left, if any; upload DEV1/BKREXPIR.EXEC; run EXEC BKREXPIR"
        " PREVIEW once. 3. On DEV1, have the scheduler call EXEC BKREXPIR DUE every minute: until then no"
        " member purges."
    )
    source(tmp_path, GOOD.replace("expire on DEV1 {", "expire on DEV2 {"))
    run_cli(["compile", src, "-o", out], expect=0)
    assert _warnings(run_cli(["compile", src, "-o", out], expect=0).stderr) == []  # the warning said once
    readme = (out / "README.TXT").read_text()
    assert "BKREXPIR.EXEC is written for DEV2 only: EXPIRE is sent there alone. If\nan earlier compile put the purge on DEV1, move it here in this order" in readme, readme
    assert "\n  2. On DEV2, erase a record DEV2 BKREXPIR A that an earlier purge" in readme, readme
    assert max(len(line) for line in readme.splitlines()) <= 72


# stop 77, h2: the Tape Manager catalog node moved to another member
def test_moving_the_tape_catalog_node_says_the_order_that_keeps_one_node_of_each_name(tmp_path):
    """`catalog-node TCTMM on DEV2` for `on DEV1`: the plan updated both members'
    BKRSTART and TMNODES.CONFIG and said nothing, while TCTMM, a USER, stays
    logged on at DEV1 (DEV1's old BKRSTART starts it there again), its SYS CONFIG
    still names it node DEV1, and DEV2's request node TRTMM is node DEV2, the
    name the catalog node takes there; the catalog's SFS server's move is warned of."""
    src, out = source(tmp_path, TAPE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, TAPE.replace("catalog-node TCTMM on DEV1", "catalog-node TCTMM on DEV2"))
    for mode, code in (("--dry-run", 0), ("--check", 1)):
        warnings = _warnings(run_cli(["compile", src, "-o", out, mode], expect=code).stderr)
        assert [w for w in warnings if "Tape Manager" in w] == [(
            "bkrc: warning: the Tape Manager catalog node TCTMM moves from DEV1 to DEV2: single-configuration,"
            " it stays logged on at DEV1 until you log it off there, and DEV1's old BKRSTART EXEC starts it there"
            " again at DEV1's next IPL; the lines you copied into each node's SYS CONFIG still name DEV1 the"
            " catalog node, and TRTMM, DEV2's request node, stays node DEV2 while logged on there, the name the"
            " catalog node takes: first install DEV1's new BKRSTART EXEC, which no longer starts it, then log"
            " TCTMM off on DEV1 and TRTMM off on DEV2 (DEV2's new BKRSTART no longer starts it); then replace the"
            " Define_Local_Node and Define_Remote_Node lines in each node's SYS CONFIG with those of its member's"
            " new TMNODES CONFIG: TCTMM's with DEV2/TMNODES.CONFIG's, DEV1's new request node's with"
            " DEV1/TMNODES.CONFIG's; then install and run DEV2's new BKRSTART, which starts TCTMM there, and"
            ' DEV1\'s, which starts TRTMM there (docs/deploy.md, "Changing a deployed cluster")'
        )], warnings
    run_cli(["compile", src, "-o", out], expect=0)
    assert _warnings(run_cli(["compile", src, "-o", out], expect=0).stderr) == []  # said once, by the move


def test_the_tape_catalog_node_s_member_retired_names_every_request_node_to_change(tmp_path):
    """DEV3, the catalog node's member, retired and `catalog-node TCTMM on DEV1`
    written (BKR330's choice): DEV3's BKRSTART is deleted in out/ only, DEV1's
    request node makes way, and DEV2's request node, which names DEV3 the
    catalog node, is named too; with DEV3 kept, its new request node as well."""
    three = TAPE.replace(
        "  member DEV2 { workers 2  private-volume D2PRV1 }\n",
        "  member DEV2 { workers 2  private-volume D2PRV1 }\n  member DEV3 { workers 2  private-volume D3PRV1 }\n",
    )
    src, out = source(tmp_path, three.replace("TCTMM on DEV1", "TCTMM on DEV3")), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, TAPE)
    (warning,) = [w for w in _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
                  if "catalog node TCTMM moves" in w]
    assert warning.startswith("bkrc: warning: the Tape Manager catalog node TCTMM moves from DEV3 to DEV1: "), warning
    assert (
        f": first erase DEV3's BKRSTART EXEC, deleted in {out} only, then log TCTMM off on DEV3 and TRTMM off on"
        " DEV1 (DEV1's new BKRSTART no longer starts it);" in warning
    ), warning
    assert (
        ": TCTMM's with DEV1/TMNODES.CONFIG's, and DEV2's request node's (it names DEV3 the catalog node until"
        " then) with DEV2/TMNODES.CONFIG's; then install and run DEV1's new BKRSTART, which starts TCTMM there"
        ' (docs/deploy.md, "Changing a deployed cluster")' in warning
    ), warning
    source(tmp_path, three)  # DEV3 kept: it runs a request node now
    (warning,) = [w for w in _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
                  if "catalog node TCTMM moves" in w]
    assert ", DEV3's new request node's with DEV3/TMNODES.CONFIG's, and DEV2's request node's" in warning, warning
    assert "and DEV3's, which starts TRTMM there (docs/deploy.md" in warning, warning


def test_the_catalog_s_sfs_server_moved_beside_tape_is_no_tape_catalog_node_move(tmp_path):
    """The catalog's SFS server is single-configuration too, started by BKRSTART:
    moved, it is `catalog_moves`' line alone, not taken for Tape Manager's node,
    which stays on DEV1; nor is a cluster that gains Tape Manager a move."""
    src, out = source(tmp_path, TAPE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, TAPE.replace("pool BKRPOOL on DEV1", "pool BKRPOOL on DEV2"))
    warnings = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
    assert len(warnings) == 1 and "the catalog's SFS server BKRSVSFS" in warnings[0], warnings
    src2, out2 = source(tmp_path, GOOD, "two.bkr"), tmp_path / "out2"
    run_cli(["compile", src2, "-o", out2], expect=0)
    source(tmp_path, TAPE.replace("TCTMM on DEV1", "TCTMM on DEV2"), "two.bkr")
    assert _warnings(run_cli(["compile", src2, "-o", out2, "--dry-run"], expect=0).stderr) == []


def test_the_tape_catalog_node_s_move_names_the_request_nodes_alone_beside_a_worker_change(tmp_path):
    """The move and DEV2's `workers 1` (for 2) in one change: DEV2's new BKRSTART no
    longer starts BKRWRK02 either, and the warning named it with TRTMM as DEV2's
    request node to log off; the request node is a BKRSTART's last machine."""
    src, out = source(tmp_path, TAPE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    changed = TAPE.replace("catalog-node TCTMM on DEV1", "catalog-node TCTMM on DEV2").replace(
        "member DEV2 { workers 2 ", "member DEV2 { workers 1 "
    ).replace("member DEV1 { workers 2 ", "member DEV1 { workers 3 ")
    source(tmp_path, changed)
    (warning,) = [w for w in _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
                  if "catalog node TCTMM moves" in w]
    assert ", and TRTMM, DEV2's request node, stays node DEV2 while logged on there," in warning, warning
    assert "then log TCTMM off on DEV1 and TRTMM off on DEV2 (DEV2's new BKRSTART no longer starts it);" in warning
    assert "and DEV1's, which starts TRTMM there (docs/deploy.md" in warning, warning
    assert "BKRWRK" not in warning, warning


# stop 78, h10: the catalog node moved under another name
def test_the_tape_catalog_node_moved_and_renamed_is_a_move_with_its_minidisks_left_behind(tmp_path):
    """`catalog-node TCTM2 on DEV2` for `catalog-node TCTMM on DEV1`: no BKRSTART
    starts TCTMM now, none started TCTM2 before, so the move went unsaid: each
    member's node definitions line came alone, while TCTMM stays logged on at DEV1
    and DEV1's old BKRSTART starts it again, and TCTM2, another user, runs beside
    it (no rc 36 stops it), two catalog nodes; and the tape catalog stays on
    TCTMM's minidisks. The move's line says the order, and what the rename adds."""
    src, out = source(tmp_path, TAPE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, TAPE.replace("catalog-node TCTMM on DEV1", "catalog-node TCTM2 on DEV2"))
    for mode, code in (("--dry-run", 0), ("--check", 1)):
        warnings = _warnings(run_cli(["compile", src, "-o", out, mode], expect=code).stderr)
        assert [w for w in warnings if "Tape Manager" in w] == [(
            "bkrc: warning: the Tape Manager catalog node moves from DEV1 to DEV2 and is renamed, TCTMM to TCTM2:"
            " TCTMM stays logged on at DEV1 until you log it off there, and DEV1's old BKRSTART EXEC starts it"
            " there again at DEV1's next IPL; TCTM2 is another user, which CP runs while TCTMM is logged on: two"
            " catalog nodes; the tape catalog is on TCTMM's minidisks, not TCTM2's; the lines you copied into each"
            " node's SYS CONFIG still name DEV1 the catalog node, and TRTMM, DEV2's request node, stays node DEV2"
            " while logged on there, the name the catalog node takes: first install DEV1's new BKRSTART EXEC,"
            " which no longer starts it, then log TCTMM off on DEV1 and TRTMM off on DEV2 (DEV2's new BKRSTART no"
            " longer starts it); then set TCTM2 up as TCTMM is (its Tape Manager files, SYS CONFIG among them) and"
            " copy the tape catalog from TCTMM's minidisks to TCTM2's, before you remove TCTMM's directory entry,"
            " which gives its minidisks up (or keep the name: `catalog-node TCTMM on DEV2` moves the node with its"
            " minidisks); then replace the Define_Local_Node and Define_Remote_Node lines in each node's SYS CONFIG"
            " with those of its member's new TMNODES CONFIG: TCTM2's with DEV2/TMNODES.CONFIG's, DEV1's new"
            " request node's with DEV1/TMNODES.CONFIG's; then install and run DEV2's new BKRSTART, which starts"
            ' TCTM2 there, and DEV1\'s, which starts TRTMM there (docs/deploy.md, "Changing a deployed cluster")'
        )], warnings
        # TCTMM's directory entry, deleted in out only, is the entries' line, as before.
        assert [w for w in warnings if "cluster/TCTMM.DIRECT" in w], warnings
    # The catalog node's member retired as well: its BKRSTART is erased, not installed,
    # and DEV2's request node, which names DEV3 the catalog node, is named.
    src3, out3 = source(tmp_path, TAPE3.replace("TCTMM on DEV1", "TCTMM on DEV3"), "three.bkr"), tmp_path / "out3"
    run_cli(["compile", src3, "-o", out3], expect=0)
    source(tmp_path, TAPE.replace("catalog-node TCTMM on DEV1", "catalog-node TCTM2 on DEV1"), "three.bkr")
    (warning,) = [w for w in _warnings(run_cli(["compile", src3, "-o", out3, "--dry-run"], expect=0).stderr)
                  if "catalog node moves" in w]
    assert warning.startswith(
        "bkrc: warning: the Tape Manager catalog node moves from DEV3 to DEV1 and is renamed, TCTMM to TCTM2:"
    ), warning
    assert f"first erase DEV3's BKRSTART EXEC, deleted in {out3} only, then log TCTMM off on DEV3" in warning
    assert (
        ": TCTM2's with DEV1/TMNODES.CONFIG's, and DEV2's request node's (it names DEV3 the catalog node until"
        " then) with DEV2/TMNODES.CONFIG's; then install and run DEV1's new BKRSTART, which starts TCTM2 there"
    ) in warning, warning


def test_the_tape_manager_removed_names_its_machines_left_running_and_no_node_still_started(tmp_path):
    """`tape manager shared ...` removed: the new BKRSTART EXECs no longer start
    TCTMM and TRTMM, and nothing said that those logged on run on until logged
    off. A member removed whose request node the others still start, or the
    catalog node moved with its member retired, leaves no machine unstarted."""
    src, out = source(tmp_path, TAPE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD)
    (line,) = [w for w in _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
               if "node definitions" in w and " deleted in " in w]
    assert line.endswith(
        "; and the nodes' Tape Manager Machines (TCTMM on DEV1 and TRTMM on DEV2), which no BKRSTART EXEC"
        " starts now, stay logged on, and run, until you log them off there (and any DMM they started)"
        ' (docs/deploy.md, "Changing a deployed cluster")'
    ), line
    three = TAPE.replace(
        "  member DEV2 { workers 2  private-volume D2PRV1 }\n",
        "  member DEV2 { workers 2  private-volume D2PRV1 }\n  member DEV3 { workers 2  private-volume D3PRV1 }\n",
    )
    for before, after in ((three, TAPE), (three.replace("TCTMM on DEV1", "TCTMM on DEV3"), TAPE)):
        src3, out3 = source(tmp_path, before, "three.bkr"), tmp_path / "out3"
        run_cli(["compile", src3, "-o", out3, "--force"], expect=0)
        source(tmp_path, after, "three.bkr")
        (line,) = [w for w in _warnings(run_cli(["compile", src3, "-o", out3, "--dry-run"], expect=0).stderr)
                   if "node definitions" in w and " deleted in " in w]
        assert "Tape Manager Machines" not in line, line


# stop 77, h9: the hint of a compile stopped by a file of the user's own
def _with_a_file_of_ones_own(tmp_path: Path) -> tuple[Path, Path]:
    """dev.bkr compiled into out, then DEV1's BKRSTART EXEC dropped from the
    manifest and put back as the site's own file: bkrc did not write it."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"] = [f for f in manifest["files"] if f["path"] != "DEV1/BKRSTART.EXEC"]
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    (out / "DEV1" / "BKRSTART.EXEC").write_text("/* the site's own */\n", encoding="utf-8")
    return src, out


def test_a_file_of_ones_own_where_bkrc_writes_is_to_be_moved_away_not_into_the_bkr_file(tmp_path):
    """A file bkrc did not write where it now writes one stopped the compile with
    "move your changes into the .bkr file", which no change of the user's is:
    the file is theirs (docs/output.md: "move yours away, or `--force`"). The
    hint now says to move it out of DIR; a file changed by hand beside it gets
    both; one changed by hand alone keeps its hint (test_odd_names_...)."""
    src, out = _with_a_file_of_ones_own(tmp_path)
    blocked = run_cli(["compile", src, "-o", out], expect=2)
    assert blocked.stderr == (
        "bkrc: these files were not written by bkrc, and bkrc would overwrite them:\n"
        f"  {out}/DEV1/BKRSTART.EXEC\n"
        f"bkrc: nothing written; move your files out of {out} (or rename them), or use --force to overwrite\n"
    )
    edited = out / "DEV2" / "BKRSTART.EXEC"
    edited.write_text(edited.read_text(encoding="utf-8") + "/* mine */\n", encoding="utf-8")
    both = run_cli(["compile", src, "-o", out, "--dry-run"], expect=2)
    assert both.stderr.splitlines()[-1] == (
        f"bkrc: nothing written; move your changes into the .bkr file and your own files out of {out},"
        " or use --force to overwrite"
    )
    assert run_cli(["compile", src, "-o", out, "--force"], expect=0).stdout.startswith(f"bkrc: wrote {out}: ")


# stop 77, h10: README.TXT's Expiry section reads true on a first compile (h1's J3)
def test_readme_s_expiry_section_is_a_condition_true_on_a_first_compile(tmp_path):
    """A first compile into an empty folder moved no purge, yet README.TXT said that
    the BKREXPIR EXEC an earlier compile wrote "(before the purge moved)" still
    purges. It now says it as a condition, of the members that do not purge, and
    the text is the source's alone: the same whether the folder held an earlier
    compile that purged elsewhere or nothing."""
    src = source(tmp_path, THREE)
    first, moved = tmp_path / "first", tmp_path / "moved"
    run_cli(["compile", src, "-o", first], expect=0)
    readme = (first / "README.TXT").read_text()
    expiry = " ".join(readme[readme.index("\nExpiry\n------\n"):readme.index("\nThis file and manifest.json\n")].split())
    assert expiry == (
        "Expiry ------ BKREXPIR.EXEC is written for DEV1 only: EXPIRE is sent there alone. If an earlier compile"
        " put the purge on DEV2 or DEV3, move it here in this order, or two members purge, or none"
        " (docs/deploy.md, Changing a deployed cluster): 1. On that member, stop the scheduler's call of EXEC"
        " BKREXPIR DUE, then erase BKREXPIR EXEC there and the record its DUE kept, the file named after that"
        " member, file type BKREXPIR, on the caller's A-disk: the EXEC still purges there until erased, and"
        " the record makes the purge, once back, name what others sent meanwhile as missed. 2. On DEV1, erase a"
        " record DEV1 BKREXPIR A that an earlier purge there left, if any; upload DEV1/BKREXPIR.EXEC; run EXEC"
        " BKREXPIR PREVIEW once. 3. On DEV1, have the scheduler call EXEC BKREXPIR DUE every minute: until"
        " then no member purges."
    )
    assert "moved" not in expiry
    source(tmp_path, THREE.replace("expire on DEV1 {", "expire on DEV2 {"))
    run_cli(["compile", src, "-o", moved], expect=0)
    source(tmp_path, THREE)
    run_cli(["compile", src, "-o", moved], expect=0)  # the purge moved back: DEV2's old EXEC purges
    assert (moved / "README.TXT").read_text() == readme


# stop 78, h12: a Tape Manager node's machine renamed on its own member
def test_a_tape_manager_node_renamed_where_it_is_says_the_old_machine_runs_on(tmp_path):
    """`catalog-node TCTM2 on DEV1` for `catalog-node TCTMM on DEV1`, and `request-node
    TRTM2` for `request-node TRTMM`: only the directory entries' line was said, while
    the old user stays logged on (DEV1's old BKRSTART starting it again), the new
    BKRSTART starts the new one beside it, two nodes of one name, and the tape catalog
    stays on TCTMM's minidisks. The move's order and clauses, nothing moved."""
    src, out = source(tmp_path, TAPE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, TAPE.replace("catalog-node TCTMM on DEV1", "catalog-node TCTM2 on DEV1"))
    for mode, code in (("--dry-run", 0), ("--check", 1)):
        warnings = _warnings(run_cli(["compile", src, "-o", out, mode], expect=code).stderr)
        assert [w for w in warnings if "Tape Manager" in w] == [(
            "bkrc: warning: the Tape Manager catalog node on DEV1 is renamed, TCTMM to TCTM2: TCTMM stays logged"
            " on at DEV1 until you log it off there, and DEV1's old BKRSTART EXEC starts it there again at DEV1's"
            " next IPL; TCTM2 is another user, which CP runs while TCTMM is logged on: two catalog nodes, both"
            " node DEV1; the tape catalog is on TCTMM's minidisks, not TCTM2's: first install DEV1's new BKRSTART"
            " EXEC, which no longer starts it, then log TCTMM off on DEV1; then set TCTM2 up as TCTMM is (its"
            " Tape Manager files, SYS CONFIG among them) and copy the tape catalog from TCTMM's minidisks to"
            " TCTM2's, before you remove TCTMM's directory entry, which gives its minidisks up (or keep the name:"
            " `catalog-node TCTMM on DEV1`); then run DEV1's new BKRSTART, which starts TCTM2 there"
            ' (docs/deploy.md, "Changing a deployed cluster")'
        )], warnings
        assert [w for w in warnings if "cluster/TCTMM.DIRECT" in w], warnings
    # The request nodes renamed, on DEV2 (one member) and on DEV2 and DEV3.
    for text, where, at, whose in (
        (TAPE, "DEV2", "at DEV2", "DEV2's old BKRSTART EXEC starts it there again at DEV2's next IPL"),
        (TAPE3, "DEV2 and DEV3", "at each", "each member's old BKRSTART EXEC starts it there again at its next IPL"),
    ):
        src, out = source(tmp_path, text, "req.bkr"), tmp_path / f"out{len(where)}"
        run_cli(["compile", src, "-o", out], expect=0)
        source(tmp_path, text.replace("request-node TRTMM", "request-node TRTM2"), "req.bkr")
        warnings = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
        (warning,) = [w for w in warnings if "Tape Manager" in w]
        assert warning.startswith(
            f"bkrc: warning: the Tape Manager request node on {where} is renamed, TRTMM to TRTM2: TRTMM stays logged"
            f" on {at} until you log it off there, and {whose}; TRTM2 is another user, which CP runs while TRTMM is"
            " logged on: two request nodes"
        ), warning
        assert f"then log TRTMM off on {where}; then set TRTM2 up as TRTMM is" in warning, warning
        assert "(or keep the name: `request-node TRTMM`)" in warning, warning


def test_a_tape_manager_node_renamed_where_it_is_keeps_the_node_definitions_line(tmp_path):
    """DEV3 added while the catalog node is renamed on DEV1: DEV1's TMNODES.CONFIG
    gains `Define_Remote_Node DEV3`, to be added by hand to TCTM2's SYS CONFIG. A
    move's line says to replace every node's lines, so the node definitions' line
    gives way to it; the rename's replaces none, so that line is said beside it."""
    src, out = source(tmp_path, TAPE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, TAPE3.replace("catalog-node TCTMM on DEV1", "catalog-node TCTM2 on DEV1"))
    warnings = _warnings(run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stderr)
    tape = [w for w in warnings if "Tape Manager" in w]
    assert len(tape) == 2 and tape[0].startswith(
        "bkrc: warning: the Tape Manager catalog node on DEV1 is renamed, TCTMM to TCTM2:"
    ), warnings
    assert tape[1].startswith(
        "bkrc: warning: member DEV1's Tape Manager node definitions change (DEV1/TMNODES.CONFIG:"
        " `Define_Remote_Node DEV3,REQUEST,<HOST-DEV3>` added): Tape Manager reads the lines you copied from it"
        " into the SYS CONFIG file of TCTM2 on DEV1"
    ), warnings


def _two_clusters_sharing_a_module(tmp_path: Path) -> tuple[Path, Path]:
    """examples/with-site.bkr as prod/test.bkr and prod/other.bkr (another cluster name),
    both importing ../site/common (examples/site/common.bkr), each compiled to its own
    folder (prod/out-test, prod/out-other)."""
    (tmp_path / "site").mkdir()
    shutil.copy(EXAMPLES / "site" / "common.bkr", tmp_path / "site" / "common.bkr")
    (tmp_path / "prod").mkdir()
    text = (EXAMPLES / "with-site.bkr").read_text(encoding="utf-8").replace("import ./site/common", "import ../site/common")
    clusters = []
    for name, cluster in (("test", "TESTSSI"), ("other", "OTHERSSI")):
        path = tmp_path / "prod" / f"{name}.bkr"
        path.write_text(text.replace("cluster TESTSSI", f"cluster {cluster}"))
        run_cli(["compile", path, "-o", tmp_path / "prod" / f"out-{name}"], expect=0)
        clusters.append(path)
    return clusters[0], clusters[1]


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_check_after_a_module_edit_names_the_module_in_each_cluster(tmp_path, monkeypatch, parser):
    """Two clusters import one site module; the module edited (a guest added to PAYROLL),
    `compile --check` of each said "out is not up to date with test.bkr", sending the
    sysprog to the cluster file, which nobody touched. manifest.json records every
    source file read, with its sha256 (the cluster file as `source` names it, the site's
    module relative to it, the library's as `std/...`), and --check, --dry-run and the
    not-up-to-date finding name the module that changed."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    test, other = _two_clusters_sharing_a_module(tmp_path)
    manifest = json.loads((tmp_path / "prod" / "out-test" / "manifest.json").read_text())
    common = (tmp_path / "site" / "common.bkr").read_bytes()
    assert manifest["sources"] == [
        {"path": "test.bkr", "sha256": hashlib.sha256(test.read_bytes()).hexdigest()},
        {"path": "../site/common.bkr", "sha256": hashlib.sha256(common).hexdigest()},
        *({"path": f"std/{m}.bkr", "sha256": manifest["sources"][i + 2]["sha256"]}
          for i, m in enumerate(["backup-manager", "zvm-common", "zvm73"])),
    ]
    (tmp_path / "site" / "common.bkr").write_bytes(common.replace(b"PAYAPP02", b"PAYAPP02 PAYAPP03"))
    # named as the diagnostics name the module: from the cluster file as given
    said = f"{tmp_path}/site/common.bkr changed since the last compile"
    for path, name in ((test, "test"), (other, "other")):
        out = tmp_path / "prod" / f"out-{name}"
        checked = run_cli(["compile", path, "-o", out, "--check"], expect=1)
        assert checked.stderr.endswith(f"bkrc: {out} is not up to date with {path}: {said}\n"), checked.stderr
        assert checked.stdout.splitlines()[-1] == said
        dry = run_cli(["compile", path, "-o", out, "--dry-run"], expect=0)
        assert dry.stdout.splitlines()[-1] == said
        document = json.loads(run_cli(["compile", path, "-o", out, "--check", "--format", "json"], expect=1).stderr)
        (finding,) = document["output_folder"]
        assert finding["check"] == "compile/not-up-to-date" and finding["message"].endswith(f"; {said}")
        run_cli(["compile", path, "-o", out], expect=0)
        assert run_cli(["compile", path, "-o", out, "--check"], expect=0).stdout.endswith("is up to date\n")


def test_a_module_edit_no_file_shows_rewrites_the_manifest_alone_and_says_why(tmp_path):
    """A comment added to the shared module changes no generated file: the manifest,
    which records the module's sha256, alone changes, and the plan says which source
    did; a module no longer imported and one imported for the first time are named."""
    test, _ = _two_clusters_sharing_a_module(tmp_path)
    out = tmp_path / "prod" / "out-test"
    with (tmp_path / "site" / "common.bkr").open("a") as f:
        f.write("# reviewed in December\n")
    checked = run_cli(["compile", test, "-o", out, "--check"], expect=1)
    assert checked.stdout.splitlines()[-1] == (
        "manifest.json alone changes, no generated file: it records each source file's sha256, and"
        f" {tmp_path}/site/common.bkr changed since the last compile"
    )
    assert "0 created, 1 updated, 0 deleted" in run_cli(["compile", test, "-o", out], expect=0).stdout
    # The declarations moved into a module of their own, imported by the cluster file.
    (tmp_path / "prod" / "guests.bkr").write_text((tmp_path / "site" / "common.bkr").read_text())
    test.write_text(test.read_text().replace("import ../site/common", "import ./guests"))
    checked = run_cli(["compile", test, "-o", out, "--check"], expect=1)
    assert checked.stderr.endswith(
        f"{tmp_path}/prod/guests.bkr read for the first time; {tmp_path}/site/common.bkr no longer read\n"
    ), checked.stderr


def test_a_changed_module_is_named_as_the_diagnostics_name_it(tmp_path, monkeypatch):
    """Run from the folder above both (`bkrc compile prod/test.bkr`): the module the
    diagnostics call `site/common.bkr` is named so, not by the manifest's path relative to
    the cluster file (`../site/common.bkr`), which the manifest keeps."""
    _two_clusters_sharing_a_module(tmp_path)
    monkeypatch.chdir(tmp_path)
    with open("site/common.bkr", "a") as f:
        f.write("single user PAYAPP09\n")
    checked = run_cli(["compile", "prod/test.bkr", "-o", "prod/out-test", "--check"], expect=1)
    assert checked.stderr.endswith(
        "bkrc: prod/out-test is not up to date with prod/test.bkr: site/common.bkr changed since the last compile\n"
    ), checked.stderr
    run_cli(["compile", "prod/test.bkr", "-o", "prod/out-test"], expect=0)
    paths = [r["path"] for r in json.loads(Path("prod/out-test/manifest.json").read_text())["sources"]]
    assert paths[:2] == ["test.bkr", "../site/common.bkr"]
