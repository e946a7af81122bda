"""bkrdsl.output: the manifest, the plan, drift detection and the all-or-nothing write."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from bkrdsl import output
from bkrdsl.emit.common import Artifact

ROOT = Path(__file__).resolve().parent.parent


def arts(version: str = "1", extra: bool = False) -> list[Artifact]:
    out = [
        Artifact("M1/JOBA.TEMPLATE", f"* job A {version}\n", "job-template", "M1", "JOBA", "JOBA", "single"),
        Artifact("M1/BKRSUBMT.EXEC", f"/* submit {version} */\n", "submit-exec", "M1"),
        Artifact("M2/JOBB2.TEMPLATE", f"* job B {version}\n", "job-template", "M2", "JOBB2", "JOBB", "identity"),
        Artifact("cluster/BKRBKUP.DIRECT", f"* entry {version}\n", "directory"),
    ]
    if extra:
        out.append(Artifact("M2/EXTRA.TEMPLATE", "* extra\n", "job-template", "M2", "EXTRA", "EXTRA", "single"))
    return out


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file (bytes) and folder (None) under `folder`, to compare before and after."""
    out: dict[str, bytes | None] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        out[rel] = None if path.is_dir() else path.read_bytes()
    return out


def siblings(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name != folder.name)


def compile_to(folder: Path, artifacts: list[Artifact], *, force: bool = False) -> output.Plan:
    plan = output.make_plan(folder, artifacts, "test.bkr")
    output.write(plan, force=force)
    return plan


# ------------------------------------------------------------------ manifest
def test_manifest_lists_every_file_sorted_with_its_facts():
    data = json.loads(output.manifest_text("test.bkr", list(reversed(arts()))))
    # No EXEC names a compile here, and the caller names no table.
    assert list(data) == ["format_version", "source", "compile", "files"]
    assert data["format_version"] == "1" and data["source"] == "test.bkr" and data["compile"] is None
    assert [f["path"] for f in data["files"]] == sorted(a.path for a in arts())
    first = data["files"][0]
    assert list(first) == ["path", "member", "kind", "goes_to", "job", "source_job", "job_kind", "sha256"]
    assert first == {
        "path": "M1/BKRSUBMT.EXEC",
        "member": "M1",
        "kind": "submit-exec",
        "goes_to": None,
        "job": None,
        "source_job": None,
        "job_kind": None,
        "sha256": hashlib.sha256(b"/* submit 1 */\n").hexdigest(),
    }
    assert data["files"][-1]["member"] is None


def test_manifest_records_the_compile_and_the_table():
    """The compile every EXEC names (one: EXECs naming two are refused), and the
    table: built-in or a site's, its base name, never its folder; a table made
    from data alone (no text read) has no sha256."""
    from bkrdsl.dialect import load_dialect, parse_dialect

    execs = [replace(a, identity="0A1B2C3D") if a.kind == "submit-exec" else a for a in arts()]
    builtin = load_dialect()
    data = json.loads(output.manifest_text("test.bkr", execs, builtin))
    assert list(data) == ["format_version", "source", "compile", "dialect", "files"]
    assert data["compile"] == "0A1B2C3D"
    assert data["dialect"] == {
        "table": "built-in", "file": "backup-manager-1.3.toml", "product": builtin.product, "release": "1.3",
        "sha256": hashlib.sha256((ROOT / "bkrdsl/dialect/backup-manager-1.3.toml").read_bytes()).hexdigest(),
    }
    site = replace(builtin, origin="/srv/site tables/site.toml", builtin=False)
    assert output.dialect_record(site)["file"] == "site.toml" and output.dialect_record(site)["table"] == "site"
    assert output.dialect_record(replace(site, origin="/dev/fd/63"))["file"] == "<pipe>"
    tomllib = pytest.importorskip("tomllib")
    made = parse_dialect(tomllib.loads(builtin.source_text), "made.toml")
    assert made.sha256 is None and output.dialect_record(made)["sha256"] is None
    with pytest.raises(ValueError, match="2 compiles"):
        output.manifest_text("test.bkr", [*execs, replace(arts()[1], path="M2/BKRSUBMT.EXEC", identity="FFFFFFFF")])


def test_a_manifest_s_table_is_not_trusted(tmp_path):
    """The last manifest's `dialect` is read for one line of the plan only: any
    value, or none, is accepted, and what the line shows of it is made safe."""
    out = tmp_path / "out"
    plan = output.make_plan(out, arts(), "test.bkr", dialect=load_builtin())
    output.write(plan)
    manifest = json.loads((out / "manifest.json").read_text())
    for odd in ("a string", None, [1], {"file": "\x1b[31mred.toml" + "x" * 50, "sha256": 7}):
        manifest["dialect"] = odd
        (out / "manifest.json").write_text(json.dumps(manifest))
        plan = output.make_plan(out, arts(), "test.bkr", dialect=load_builtin())
        lines = output.render_plan(plan, changes_only=True).splitlines()
        assert lines[0].split()[:2] == ["update", "manifest.json"], lines
        if isinstance(odd, dict):
            assert "(was the site's <U+001B>[31mred.toml" in lines[-1] and "xxx..., no sha256; now" in lines[-1]
        else:
            assert lines[-1].endswith("which the last one does not (an earlier bkrc wrote it)")
    del manifest["dialect"]
    (out / "manifest.json").write_text(json.dumps(manifest))
    assert output.read_manifest(out) == {f["path"]: f["sha256"] for f in manifest["files"]}


def load_builtin():
    from bkrdsl.dialect import load_dialect

    return load_dialect()


def test_write_then_up_to_date(tmp_path):
    out = tmp_path / "out"
    plan = compile_to(out, arts())
    assert plan.count(output.CREATE) == 5  # four files and the manifest
    assert (out / "M2" / "JOBB2.TEMPLATE").read_text() == "* job B 1\n"
    manifest = json.loads((out / "manifest.json").read_text())
    for entry in manifest["files"]:
        assert hashlib.sha256((out / entry["path"]).read_bytes()).hexdigest() == entry["sha256"]
    again = output.make_plan(out, arts(), "test.bkr")
    assert again.up_to_date and not again.blocked
    assert siblings(out) == []  # no temporary folder left behind


def test_the_plan_looks_at_each_path_of_dir_at_most_twice(tmp_path, monkeypatch):
    """The plan of a folder that is up to date looks at each of its files twice,
    with one lstat each (what stands there, then the read of it), and at each
    folder once. It looked five times at each file (`is_dir`, `is_symlink`
    and `lstat` for what stands there, `is_symlink` and `stat` before the
    read) and three times at each folder: a system call each, the larger part
    of a recompile's plan (docs/performance.md, "Whole commands on a small
    file")."""
    out = tmp_path / "out"
    compile_to(out, arts())
    looks: dict[str, int] = {}

    def counted(look):
        def count(path, *args, **kwargs):
            looks[os.fspath(path)] = looks.get(os.fspath(path), 0) + 1
            return look(path, *args, **kwargs)

        return count

    monkeypatch.setattr(os, "stat", counted(os.stat))
    monkeypatch.setattr(os, "lstat", counted(os.lstat))
    assert output.make_plan(out, arts(), "test.bkr").up_to_date
    monkeypatch.undo()
    files = {str(out / a.path): 2 for a in arts()}
    folders = {str(out / folder): 1 for folder in ("M1", "M2", "cluster")}
    assert {path: n for path, n in looks.items() if path in files or path in folders} == files | folders


def test_changes_update_and_stale_files_are_deleted(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts(extra=True))
    plan = output.make_plan(out, arts("2"), "test.bkr")
    actions = {a.path: a.action for a in plan.actions}
    assert actions["M1/JOBA.TEMPLATE"] == output.UPDATE
    assert actions["M2/EXTRA.TEMPLATE"] == output.DELETE
    output.write(plan)
    assert not (out / "M2" / "EXTRA.TEMPLATE").exists()
    assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 2\n"


def test_the_room_a_write_needs_leaves_out_the_files_it_links(tmp_path, monkeypatch):
    """A file the plan leaves unchanged is hard-linked into the new tree, so the
    preflight counts only what is written: here one changed file and the manifest,
    one block each. A disk with those two blocks free is not refused."""
    out = tmp_path / "out"
    compile_to(out, arts())
    changed = arts()
    changed[0] = Artifact("M1/JOBA.TEMPLATE", "* job A 2\n", "job-template", "M1", "JOBA", "JOBA", "single")
    plan = output.make_plan(out, changed, "test.bkr")
    assert [a.action for a in plan.actions].count(output.KEEP) == 3
    assert output._room_needed(plan, 4096)[0] == 2 * 4096
    real = os.statvfs

    def two_blocks_free(path):
        found = real(path)
        fields = dict(zip(("f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail"), (4096, 4096, 10**6, 2, 2)))
        names = ("f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail", "f_flag", "f_namemax")
        return os.statvfs_result(tuple(fields.get(n, getattr(found, n)) for n in names))

    monkeypatch.setattr(os, "statvfs", two_blocks_free)
    output.preflight(plan)
    output.write(plan)
    assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 2\n"


# ------------------------------------------------------------------ drift
def test_a_file_changed_by_hand_is_not_overwritten(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "M1" / "JOBA.TEMPLATE").write_text("* edited by hand\n")
    before = tree(out)
    plan = output.make_plan(out, arts("2"), "test.bkr")
    assert plan.drifted == ["M1/JOBA.TEMPLATE"] and plan.blocked
    with pytest.raises(output.OutputError) as err:
        output.write(plan)
    assert "M1/JOBA.TEMPLATE" in str(err.value) and "--force" in str(err.value)
    assert tree(out) == before
    output.write(plan, force=True)
    assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 2\n"


def test_deleting_a_file_changed_by_hand_is_drift_too(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts(extra=True))
    (out / "M2" / "EXTRA.TEMPLATE").write_text("* mine now\n")
    plan = output.make_plan(out, arts(), "test.bkr")
    assert plan.drifted == ["M2/EXTRA.TEMPLATE"]


def test_a_file_deleted_by_hand_is_simply_written_again(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "M1" / "JOBA.TEMPLATE").unlink()
    plan = output.make_plan(out, arts(), "test.bkr")
    assert not plan.blocked
    assert [a.path for a in plan.changes] == ["M1/JOBA.TEMPLATE"]


def test_other_files_are_kept_but_never_overwritten(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "notes.txt").write_text("mine\n")
    (out / "M1" / "LOCAL.EXEC").write_text("/* mine */\n")
    (out / "empty").mkdir()
    plan = compile_to(out, arts("2"))
    assert plan.preserved == ["M1/LOCAL.EXEC", "empty/", "notes.txt"]
    assert (out / "notes.txt").read_text() == "mine\n"
    assert (out / "M1" / "LOCAL.EXEC").read_text() == "/* mine */\n"
    assert (out / "empty").is_dir()
    # a file bkrc did not write, where bkrc now wants to write
    (out / "M2" / "EXTRA.TEMPLATE").write_text("* mine\n")
    plan = output.make_plan(out, arts(extra=True), "test.bkr")
    assert plan.untracked == ["M2/EXTRA.TEMPLATE"] and plan.blocked


def test_a_folder_bkrc_did_not_write_needs_force(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "README").write_text("someone's folder\n")
    plan = output.make_plan(out, arts(), "test.bkr")
    assert plan.foreign and plan.blocked
    with pytest.raises(output.OutputError, match="no manifest.json"):
        output.write(plan)
    output.write(plan, force=True)
    assert (out / "README").read_text() == "someone's folder\n"
    assert (out / "manifest.json").exists()


@pytest.mark.parametrize(
    "manifest",
    [
        "not json",
        '{"format_version": 1, "files": []}',
        '{"format_version": "1", "files": "VMSYS1/BKRSUBMT.EXEC"}',
        '{"format_version": "1"}',
        '{"format_version": "1", "files": [{"path": "../../etc/passwd", "sha256": "x"}]}',
        '{"format_version": "1", "files": [{"path": "/etc/passwd", "sha256": "x"}]}',
        '{"format_version": "1", "files": [{"path": "M1/A.EXEC"}]}',
        # What Python's json module cannot read, or str.isdigit takes for digits
        # and int() refuses: each was an internal error, not bkrc's message.
        '{"format_version": "1", "files": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"format_version": "1", "files": ' + "9" * 5000 + "}",
        '{"format_version": "\u00b2", "files": []}',
        # A path bkrc never writes, which every warning naming a file of the
        # manifest would print: ESC, a bidirectional override, a tab.
        '{"format_version": "1", "files": [{"path": "M1/A\\u001b[2J.EXEC", "sha256": "x"}]}',
        '{"format_version": "1", "files": [{"path": "M1/\\u202eCEXE.A", "sha256": "x"}]}',
        '{"format_version": "1", "files": [{"path": "M1/A\\tB.EXEC", "sha256": "x"}]}',
    ],
    ids=[*map(str, range(7)), "nested-too-deep", "5000-digits", "superscript-two", "esc", "bidi", "tab"],
)
def test_a_manifest_that_is_not_ours_is_refused(tmp_path, manifest):
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text(manifest)
    with pytest.raises(output.OutputError, match="not a bkrc manifest"):
        output.make_plan(out, arts(), "test.bkr")


def test_a_manifest_not_ours_says_how_to_go_on(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text("{not json")
    with pytest.raises(output.OutputError) as refused:
        output.make_plan(out, arts(), "test.bkr")
    assert "restore it" in str(refused.value) and "--force" in str(refused.value)


def test_a_manifest_of_a_newer_bkrc_is_named_so(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text('{"format_version": "9", "files": []}')
    with pytest.raises(output.OutputError, match="written by a newer bkrc .manifest format_version 9"):
        output.make_plan(out, arts(), "test.bkr")


def test_a_manifest_version_of_5000_digits_is_named_newer_and_cut_short(tmp_path):
    """Compared as digits, never converted (int() refuses more than 4300 of them)."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text('{"format_version": "' + "9" * 5000 + '", "files": []}')
    with pytest.raises(output.OutputError) as refused:
        output.make_plan(out, arts(), "test.bkr")
    assert "written by a newer bkrc (manifest format_version 999999999999...; bkrc" in str(refused.value)
    assert len(str(refused.value)) < 300


def test_the_plan_counts_the_files_it_keeps_in_words_that_agree(tmp_path):
    """The last line of the plan says how many files bkrc did not write DIR holds;
    one is "1 other file ... is kept as it is", not "1 other file(s) ... are"."""
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "notes.txt").write_text("mine\n")
    last = output.render_plan(output.make_plan(out, arts("2"), "test.bkr")).splitlines()[-1]
    assert last == f"1 other file in {out} is kept as it is: notes.txt"
    (out / "todo.txt").write_text("mine\n")
    last = output.render_plan(output.make_plan(out, arts("2"), "test.bkr")).splitlines()[-1]
    assert last == f"2 other files in {out} are kept as they are: notes.txt, todo.txt"


def test_the_plan_names_the_files_it_keeps_up_to_a_limit(tmp_path):
    """Compared with a folder of hand-written templates, the files kept are the
    templates that have no generated counterpart: the plan names them, the first
    PRESERVED_NAMED in path order, then how many more; a name holding a control
    character is shown escaped (`<U+XXXX>`, as every message), never sent to the terminal."""
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "M1").mkdir(exist_ok=True)
    names = [f"M1/HAND{n:02}.TEMPLATE" for n in range(output.PRESERVED_NAMED + 2)]
    for name in names:
        (out / name).write_text("* mine\n")
    (out / "odd\x1b[2Jname").write_text("mine\n")
    last = output.render_plan(output.make_plan(out, arts("2"), "test.bkr")).splitlines()[-1]
    shown = ", ".join(names[: output.PRESERVED_NAMED])
    assert last == f"{len(names) + 1} other files in {out} are kept as they are: {shown} and 3 more"
    # `--plan-format json` gives the same line among its notes.
    assert output.plan_document(output.make_plan(out, arts("2"), "test.bkr"))["notes"] == [last]
    (out / names[-1]).unlink()
    (out / names[-2]).unlink()
    last = output.render_plan(output.make_plan(out, arts("2"), "test.bkr")).splitlines()[-1]
    assert last == f"{output.PRESERVED_NAMED + 1} other files in {out} are kept as they are: {shown} and 1 more"
    (out / names[0]).unlink()
    last = output.render_plan(output.make_plan(out, arts("2"), "test.bkr")).splitlines()[-1]
    assert last.endswith(f"{names[output.PRESERVED_NAMED - 1]}, odd<U+001B>[2Jname")
    assert "\x1b" not in last


def test_a_deleted_files_facts_come_from_the_manifest_only_when_they_can_be_shown(tmp_path):
    """The manifest is not trusted: a member or job that is not a short name
    (a number, blanks, a control character) is shown as `-`, never as written."""
    out = tmp_path / "out"
    compile_to(out, arts(extra=True))
    data = json.loads((out / "manifest.json").read_text())
    for entry in data["files"]:
        if entry["path"] == "M2/EXTRA.TEMPLATE":
            entry.update(member=5, job="A B\n", kind="job-template")
    (out / "manifest.json").write_text(json.dumps(data))
    rows = output.render_plan(output.make_plan(out, arts(), "test.bkr")).splitlines()
    assert "delete     M2/EXTRA.TEMPLATE       job-template     -        -" in rows


def test_output_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "out").write_text("x")
    with pytest.raises(output.OutputError, match="not a folder"):
        output.make_plan(tmp_path / "out", arts(), "test.bkr")


def test_files_that_differ_only_in_the_source_name_are_told_from_the_rest(tmp_path):
    """A source renamed changes every header. The files the old name gives, emitted
    again, are DIR's byte for byte where nothing else changed: marked so even when
    the new name is long enough to move onto a header line of its own (the layout
    differs, line for line, from the old name's), and never a file with another
    change too, nor with a manifest's source name that no header could give."""
    from bkrdsl.dialect import load_dialect
    from bkrdsl.emit.artifacts import emit_all
    from bkrdsl.pipeline import analyse

    file = ROOT / "examples" / "prodssi.bkr"
    text, dialect = file.read_bytes(), load_dialect()
    model = analyse(str(file), text, path=file).model
    out, long = tmp_path / "out", "prodssi-after-the-member-move-2026.bkr"
    output.write(output.make_plan(out, emit_all(model, "prodssi.bkr", dialect), "prodssi.bkr"))
    # Renamed, and a job of VMSYS1's moved to 02:30: its BKRSUBMT changes too, and
    # every other member's, whose `awaysched.` holds that job's schedule (rexx.md);
    # so every EXEC names another compile ("Which compile wrote an EXEC").
    assert text.count(b"run on VMSYS1 daily 02:00") == 1
    model = analyse(str(file), text.replace(b"VMSYS1 daily 02:00", b"VMSYS1 daily 02:30"), path=file).model
    after = emit_all(model, long, dialect)
    first = next(a for a in after if a.path == "VMSYS1/APPSFULL.TEMPLATE")
    assert first.data.count(b"\n") == (out / first.path).read_bytes().count(b"\n") + 1  # `Source: NAME`
    changed = [a.path for a in after if a.path.endswith(".EXEC")]
    assert len(changed) == 9  # BKRSUBMT and BKRSTART on each of 4 members, BKREXPIR on VMSYS1
    plan = output.make_plan(out, after, long)
    assert plan.source_only == frozenset() and output.renamed_source(plan) == "prodssi.bkr"
    output.mark_source_only(plan, emit_all(model, "prodssi.bkr", dialect))
    assert plan.source_only == {a.path for a in after} - set(changed)
    assert [line for line in output.render_plan(plan).splitlines() if "source name" in line][-1] == (
        f"{len(after) - len(changed)} files differ only in the source name in their header"
        " (was prodssi.bkr; `--source-name prodssi.bkr` compares the rest)"
    )
    assert [c.path for c in output.text_changes(plan)] == changed
    reasons = {f["path"]: f["reason"] for f in output.plan_document(plan)["files"]}
    assert {reasons[path] for path in changed} == {reasons["manifest.json"]} == {"source-changed"}
    assert {p for p, why in reasons.items() if why == "source-name-only"} == plan.source_only
    # The compile's line after its summary: the count, the old name, and no advice to compare.
    assert output.source_only_written(plan) == [
        f"{len(after) - len(changed)} files differ only in the source name in their header (was prodssi.bkr)"
    ]
    plan.source_only = frozenset({first.path})
    assert output.source_only_written(plan) == ["1 file differs only in the source name in its header (was prodssi.bkr)"]
    plan.source_only = frozenset()
    assert output.source_only_written(plan) == [] and "source name" not in output.render_plan(plan)
    # Compiled from the same name, nothing is looked for; nor from a manifest
    # source no header could give (the manifest is not trusted).
    assert output.renamed_source(output.make_plan(out, emit_all(model, "prodssi.bkr", dialect), "prodssi.bkr")) is None
    manifest = json.loads((out / "manifest.json").read_text())
    for odd in ("../prodssi.bkr", "a b.bkr", "x\x1b[2J.bkr", "", 5):
        (out / "manifest.json").write_text(json.dumps({**manifest, "source": odd}))
        assert output.renamed_source(output.make_plan(out, after, long)) is None, odd


# ------------------------------------------------------------------ what --force cannot write over
def layout(folder: Path) -> dict[str, object]:
    """Every entry under `folder` without following links: a file's bytes, a
    folder as None, a symbolic link as ("link", target)."""
    out: dict[str, object] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink():
                out[rel] = ("link", os.readlink(path))
            else:
                out[rel] = None if path.is_dir() else path.read_bytes()
    return out


def test_a_member_folder_that_is_a_symlink_is_refused_and_nothing_is_written_through_it(tmp_path):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    compile_to(out, arts())
    elsewhere.mkdir()
    (out / "M2" / "JOBB2.TEMPLATE").rename(elsewhere / "JOBB2.TEMPLATE")
    (out / "M2").rmdir()
    (out / "M2").symlink_to("../elsewhere")
    before, outside = layout(out), layout(elsewhere)
    plan = output.make_plan(out, arts("2", extra=True), "test.bkr")
    assert plan.obstacles == [("M2", "a symbolic link (to ../elsewhere)", "a folder")]
    for force in (False, True):
        with pytest.raises(output.OutputError) as err:
            output.write(plan, force=force)
        message = str(err.value)
        assert f"{out / 'M2'} is a symbolic link (to ../elsewhere), where bkrc writes a folder" in message
        assert "nothing written" in message
        assert layout(out) == before and layout(elsewhere) == outside  # M2/EXTRA.TEMPLATE not written there
        assert siblings(out) == ["elsewhere"]


def test_a_folder_where_bkrc_writes_a_file_is_refused_even_with_force(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "M1" / "JOBA.TEMPLATE").unlink()
    (out / "M1" / "JOBA.TEMPLATE").mkdir()
    (out / "M1" / "JOBA.TEMPLATE" / "mine.txt").write_text("mine\n")
    before = layout(out)
    plan = output.make_plan(out, arts("2"), "test.bkr")
    assert plan.obstacles == [("M1/JOBA.TEMPLATE", "a folder", "a file")]
    with pytest.raises(output.OutputError, match=r"out/M1/JOBA.TEMPLATE is a folder, where bkrc writes a file"):
        output.write(plan, force=True)
    assert layout(out) == before and siblings(out) == []


class FifoWriter:
    """A FIFO at `path` with a writer waiting in another thread: a read of it gets
    `x` and its end, where without a writer the read would wait for good. The
    writer waits until something opens the FIFO to read: `opened` says whether
    anything did, once `close()` has let the writer go."""

    def __init__(self, path: Path) -> None:
        import threading

        os.mkfifo(path)
        self.path, self.opened = path, False
        self._thread = threading.Thread(target=self._write, daemon=True)
        self._closing = False
        self._thread.start()

    def _write(self) -> None:
        fd = os.open(self.path, os.O_WRONLY)  # waits for a reader
        self.opened = not self._closing
        os.write(fd, b"x")
        os.close(fd)

    def close(self) -> None:
        self._closing = not self.opened
        reader = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)  # lets a waiting writer go
        self._thread.join()
        os.close(reader)


@pytest.mark.parametrize("rel", ["M1/JOBA.TEMPLATE", "M2/JOBB2.TEMPLATE", "M2/GONE.TEMPLATE"])
def test_a_fifo_where_bkrc_writes_a_file_is_refused_even_with_force_and_never_read(tmp_path, rel):
    """A FIFO without a writer, where the manifest says bkrc wrote a file, made the
    plan wait for good (`bkrc compile`, `--check` and `--dry-run` never ended);
    with a writer, it was read, and --force replaced it by the file. Neither
    is bkrc's: a FIFO is no file bkrc wrote, and --force replaces only files."""
    out = tmp_path / "out"
    compile_to(out, arts() + [Artifact("M2/GONE.TEMPLATE", "* gone\n", "job-template", "M2", "GONE", "GONE", "single")])
    (out / rel).unlink()
    fifo = FifoWriter(out / rel)
    try:
        plan = output.make_plan(out, arts("2"), "test.bkr")
        assert plan.obstacles == [(rel, "a FIFO (named pipe)", "a file")]
        with pytest.raises(output.OutputError, match=f"out/{rel} is a FIFO \\(named pipe\\), where bkrc writes a file"):
            output.write(plan, force=True)
    finally:
        fifo.close()
    assert not fifo.opened
    assert siblings(out) == [] and (out / rel).is_fifo()


def test_a_manifest_that_is_a_fifo_is_refused_and_never_read(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / output.MANIFEST).unlink()
    fifo = FifoWriter(out / output.MANIFEST)
    try:
        with pytest.raises(output.OutputError) as refused:
            output.make_plan(out, arts("2"), "test.bkr")
    finally:
        fifo.close()
    assert str(refused.value) == (
        f"{out / output.MANIFEST}: is a FIFO (named pipe), not bkrc's manifest (a file);"
        " move it out of the folder; nothing written"
    )
    assert not fifo.opened


def test_a_file_where_bkrc_writes_a_folder_is_refused_even_with_force(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts())
    shutil.rmtree(out / "M2")
    (out / "M2").write_text("not a folder\n")
    before = layout(out)
    plan = output.make_plan(out, arts("2"), "test.bkr")
    assert plan.obstacles == [("M2", "a file", "a folder")]
    with pytest.raises(output.OutputError, match=r"out/M2 is a file, where bkrc writes a folder"):
        output.write(plan, force=True)
    assert layout(out) == before and siblings(out) == []


def test_a_symlink_where_bkrc_writes_a_file_is_replaced_and_its_target_kept(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts())
    (tmp_path / "target.txt").write_text("mine\n")
    (out / "M1" / "JOBA.TEMPLATE").unlink()
    (out / "M1" / "JOBA.TEMPLATE").symlink_to(tmp_path / "target.txt")
    plan = output.make_plan(out, arts("2"), "test.bkr")
    assert plan.obstacles == [] and plan.drifted == ["M1/JOBA.TEMPLATE"]
    output.write(plan, force=True)
    assert not (out / "M1" / "JOBA.TEMPLATE").is_symlink()
    assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 2\n"
    assert (tmp_path / "target.txt").read_text() == "mine\n"


def test_a_manifest_that_is_a_symlink_is_read_through_it_and_replaced_its_target_kept(tmp_path):
    """manifest.json is bkrc's own record, not a file a user edits: one that is a
    symbolic link (to a regular file) is read through the link, and the compile
    replaces the link by the new manifest, with or without --force, its target left
    as it was: nothing is written outside DIR (docs/security.md, "The output folder")."""
    out = tmp_path / "out"
    compile_to(out, arts())
    kept = tmp_path / "elsewhere.json"
    (out / "manifest.json").rename(kept)
    before = kept.read_bytes()
    (out / "manifest.json").symlink_to(kept)
    plan = compile_to(out, arts("2"))
    assert plan.obstacles == [] and plan.drifted == []
    assert not (out / "manifest.json").is_symlink() and kept.read_bytes() == before
    now = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert now != json.loads(before)["files"]  # the new one, in DIR


def test_an_up_to_date_folder_with_a_symlinked_member_is_left_alone(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "M2").rename(tmp_path / "elsewhere")
    (out / "M2").symlink_to("../elsewhere")
    plan = output.make_plan(out, arts(), "test.bkr")
    assert plan.up_to_date and plan.obstacles
    output.write(plan)  # nothing to write, nothing written through the link


def test_a_folder_in_dir_that_cannot_be_listed_is_named(tmp_path, monkeypatch):
    """Not `out: cannot read`, which sends the user looking at the wrong folder."""
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "private").mkdir()
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(out / "private"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(output.OutputError) as refused:
        output.make_plan(out, arts("2"), "test.bkr")
    assert str(refused.value).startswith(f"{out / 'private'}: cannot read: Permission denied; bkrc keeps")


def test_a_write_error_names_the_file_in_the_output_folder(tmp_path, monkeypatch):
    out = tmp_path / "out"
    compile_to(out, arts())
    before = tree(out)

    def failing(path, data):
        raise OSError(errno.EEXIST, "File exists", str(path))

    monkeypatch.setattr(output, "write_file", failing)
    with pytest.raises(output.OutputError) as err:
        output.write(output.make_plan(out, arts("2"), "test.bkr"))
    assert str(err.value) == f"{out / 'M1' / 'BKRSUBMT.EXEC'}: cannot write: File exists; nothing was changed"
    assert tree(out) == before and siblings(out) == []


def test_files_joined_from_pieces_are_hashed_and_written_from_each_piece_encoded_once(tmp_path):
    encoded: dict = {}
    shared = "INCLUDE MINIDISK LNX01 = 0100 - 0FFF\n" * 3
    one = Artifact.from_parts("M1/A.TEMPLATE", ["* a \u00e9\n", shared], "job-template", encoded=encoded)
    parts = ["* a2\n", shared, "* end\n"]
    two = Artifact.from_parts("M2/A2.TEMPLATE", parts, "job-template", encoded=encoded)
    assert one.chunks[1] is two.chunks[1]  # the shared piece, encoded once
    for art in (one, two):
        assert b"".join(art.chunks) == art.data == art.text.encode("utf-8")
        assert art.sha256 == hashlib.sha256(art.text.encode("utf-8")).hexdigest()
    out = tmp_path / "out"
    compile_to(out, [one, two])
    assert (out / "M1" / "A.TEMPLATE").read_bytes() == one.text.encode("utf-8")
    assert (out / "M2" / "A2.TEMPLATE").read_bytes() == two.text.encode("utf-8")
    again = output.make_plan(out, [one, two], "test.bkr")
    assert again.up_to_date
    # A file of the same length that differs in the last piece is a change.
    other = Artifact.from_parts("M2/A2.TEMPLATE", ["* a2\n", shared, "* END\n"], "job-template")
    plan = output.make_plan(out, [one, other], "test.bkr")
    changes = [(a.path, a.action) for a in plan.changes]
    assert changes == [("M2/A2.TEMPLATE", output.UPDATE), ("manifest.json", output.UPDATE)]


def _counting_writes(monkeypatch, *, most: int | None = None) -> list[str]:
    """Count os.write and os.writev as the writer calls them (`most`: each writes at
    most that many bytes, as a call may, so the rest must be written again)."""
    calls: list[str] = []
    real_write, real_writev = os.write, os.writev

    def write(fd, data):
        calls.append("write")
        return real_write(fd, data if most is None else bytes(data)[:most])

    def writev(fd, buffers):
        calls.append("writev")
        return real_writev(fd, buffers) if most is None else real_write(fd, b"".join(buffers)[:most])

    monkeypatch.setattr(output.os, "write", write)
    monkeypatch.setattr(output.os, "writev", writev)
    return calls


@pytest.mark.skipif(not hasattr(os, "writev"), reason="os.writev: POSIX only")
def test_a_file_of_many_pieces_is_written_in_one_system_call(tmp_path, monkeypatch):
    """A template is three to five pieces (shared blocks of records): one `writev` per
    file, not one `write` per piece (docs/performance.md, "The compile 2.6 ms
    slower at stop 27"); one piece alone, as `bkrc fmt` writes, is one `write`."""
    calls = _counting_writes(monkeypatch)
    pieces = tuple(f"INCLUDE MINIDISK LNX{n:05} = 0100 - 0FFF\n".encode() for n in range(30))
    os.close(output.write_file(tmp_path / "A.TEMPLATE", pieces))
    os.close(output.write_file(tmp_path / "B.EXEC", b"/* one piece */\n"))
    assert calls == ["writev", "write"]
    assert (tmp_path / "A.TEMPLATE").read_bytes() == b"".join(pieces)


@pytest.mark.skipif(not hasattr(os, "writev"), reason="os.writev: POSIX only")
def test_pieces_a_call_leaves_unwritten_are_written_after_it(tmp_path, monkeypatch):
    """Each call may take less than it is given (a signal, a full pipe of the
    kernel's), and no call takes more buffers than the system allows."""
    calls = _counting_writes(monkeypatch, most=7)
    monkeypatch.setattr(output, "_MAX_PIECES", 3)
    pieces = (b"", b"one\n", b"two two\n", b"", b"three three three\n", b"4\n", b"five\n")
    os.close(output.write_file(tmp_path / "A.TEMPLATE", pieces))
    assert (tmp_path / "A.TEMPLATE").read_bytes() == b"".join(pieces)
    assert len(calls) == -(-len(b"".join(pieces)) // 7)


def test_a_first_compile_does_not_read_its_new_tree_back(tmp_path, monkeypatch):
    """A new DIR has no folder whose mode the new tree's folders keep: the tree
    just written is not walked (six listings and as many looks a compile)."""
    walked = []
    real = os.walk

    def walk(top, *args, **kwargs):
        if output.TEMP_MARK in os.fspath(top):
            walked.append(top)
        return real(top, *args, **kwargs)

    monkeypatch.setattr(output.os, "walk", walk)
    out = tmp_path / "out"
    compile_to(out, arts())
    assert walked == []
    (out / "M1").chmod(0o700)
    compile_to(out, arts("2"))
    assert len(walked) == 1 and (out / "M1").stat().st_mode & 0o777 == 0o700


# ------------------------------------------------------------------ atomicity
def test_an_error_mid_write_leaves_the_folder_exactly_as_it_was(tmp_path, monkeypatch):
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "notes.txt").write_text("mine\n")
    before = tree(out)
    real = output.write_file
    calls = []

    def failing(path, data):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(output, "write_file", failing)
    with pytest.raises(output.OutputError, match="nothing was changed"):
        output.write(output.make_plan(out, arts("2"), "test.bkr"))
    assert len(calls) == 3
    assert tree(out) == before
    assert siblings(out) == []


def test_a_failed_flush_leaves_the_folder_exactly_as_it_was(tmp_path, monkeypatch):
    """fsync runs on worker threads: its error still stops the swap and is reported."""
    out = tmp_path / "out"
    compile_to(out, arts())
    before = tree(out)
    real = os.fsync
    calls = []

    def failing(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(5, "Input/output error")
        real(fd)

    monkeypatch.setattr(output.os, "fsync", failing)
    with pytest.raises(output.OutputError, match="Input/output error; nothing was changed"):
        output.write(output.make_plan(out, arts("2"), "test.bkr"))
    assert tree(out) == before
    assert siblings(out) == []


def test_an_error_on_a_first_compile_leaves_no_folder(tmp_path, monkeypatch):
    out = tmp_path / "out"

    def failing(path, data):
        raise KeyboardInterrupt

    monkeypatch.setattr(output, "write_file", failing)
    with pytest.raises(KeyboardInterrupt):
        output.write(output.make_plan(out, arts(), "test.bkr"))
    assert not out.exists() and siblings(out) == []


KILL_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from bkrdsl import output
    from bkrdsl.emit.common import Artifact

    real = output.write_file
    count = 0

    def dying(path, data):
        global count
        count += 1
        if count == int(sys.argv[2]):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, data)

    output.write_file = dying
    arts = [Artifact(f"M1/F{n}.TEMPLATE", f"* new {n}\\n", "job-template", "M1") for n in range(6)]
    output.write(output.make_plan(Path(sys.argv[1]), arts, "test.bkr"))
    """
)


@pytest.mark.parametrize("kill_at", [1, 4])
def test_a_kill_mid_write_leaves_the_folder_exactly_as_it_was(tmp_path, kill_at):
    out = tmp_path / "out"
    compile_to(out, arts())
    before = tree(out)
    run = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(out), str(kill_at)], cwd=ROOT, check=False)
    assert run.returncode == -signal.SIGKILL
    assert tree(out) == before
    leftovers = siblings(out)
    assert len(leftovers) == 1 and leftovers[0].startswith(".out.bkrc-new-")
    # the next compile tidies the dead run's temporary folder away
    compile_to(out, arts("2"))
    assert siblings(out) == []
    assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 2\n"


@pytest.mark.parametrize("name", ["d" * 250, "é" * 127], ids=["250-letters", "254-bytes"])
def test_a_dir_whose_name_is_near_the_longest_a_file_system_allows(tmp_path, name):
    """The hidden folder beside DIR is named after it, plus about 27 bytes: for a
    DIR name of more than 228 bytes it was longer than a file name may be, and
    every compile failed (`File name too long`), after a --dry-run that passed.
    Its leftovers are still found and removed."""
    out = tmp_path / name
    compile_to(out, arts())
    compile_to(out, arts("2"))
    assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 2\n"
    assert siblings(out) == []
    dead = tmp_path / f"{output._temp_prefix(out)}new-999999999-x"
    dead.mkdir()  # left by a run that was killed (no process has that ID)
    assert len(os.fsencode(dead.name)) <= 255
    assert [path for path, _, _ in output._leftovers(out)] == [dead]
    compile_to(out, arts("3"))
    assert siblings(out) == []
    other = tmp_path / (name[:-1] + "x")  # the same first 191 bytes: its own folder
    assert output._temp_prefix(other) != output._temp_prefix(out)


def test_swap_without_an_atomic_exchange(tmp_path, monkeypatch):
    monkeypatch.setattr(output, "_exchange", lambda a, b: False)
    out = tmp_path / "out"
    compile_to(out, arts())
    compile_to(out, arts("2"))
    assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 2\n"
    assert siblings(out) == []


def test_swap_failing_between_the_renames_puts_the_old_folder_back(tmp_path, monkeypatch):
    monkeypatch.setattr(output, "_exchange", lambda a, b: False)
    out = tmp_path / "out"
    compile_to(out, arts())
    before = tree(out)
    real_rename = os.rename

    def rename(src, dst):
        if ".bkrc-new-" in str(src):
            raise OSError(5, "Input/output error")
        real_rename(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(output.OutputError):
        output.write(output.make_plan(out, arts("2"), "test.bkr"))
    assert tree(out) == before
    assert siblings(out) == []


# ------------------------------------------------------------------ DIR changed while the compile writes
# Another program writing in DIR between the plan and the swap (a note saved, a
# log started, a generated file edited) had its work thrown away with the old
# tree, without a word. The steps run in order here, in-process: the plan, the
# other program's change (`before_check`, called once the new tree is built),
# then the swap that must not happen.
def _write_racing(out: Path, change, *, force: bool = False) -> pytest.ExceptionInfo:
    plan = output.make_plan(out, arts("2"), "test.bkr")
    with pytest.raises(output.OutputError) as err:
        output.write(plan, force=force, before_check=change)
    assert siblings(out) == []  # the new folder removed
    return err


def test_a_file_saved_in_dir_while_the_compile_writes_is_not_lost(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts())
    err = _write_racing(out, lambda: (out / "notes.txt").write_text("mine\n"))
    assert "notes.txt changed while bkrc was writing" in str(err.value)
    assert "nothing written" in str(err.value)
    assert (out / "notes.txt").read_text() == "mine\n"
    assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 1\n"


def test_a_generated_file_edited_while_the_compile_writes_is_not_overwritten(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts())
    edited = out / "M1" / "JOBA.TEMPLATE"
    err = _write_racing(out, lambda: edited.write_text("* my edit\n"))
    assert "JOBA.TEMPLATE changed while bkrc was writing" in str(err.value)
    assert edited.read_text() == "* my edit\n"
    # run again: the edit is drift, named as such
    assert output.make_plan(out, arts("2"), "test.bkr").drifted == ["M1/JOBA.TEMPLATE"]


def test_a_kept_file_replaced_by_an_editor_while_the_compile_writes_is_not_lost(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "notes.txt").write_text("v1\n")

    def save_by_rename() -> None:  # as an editor saves: a new file renamed over the old
        (out / "notes.txt.swp").write_text("v2\n")
        os.rename(out / "notes.txt.swp", out / "notes.txt")

    _write_racing(out, save_by_rename)
    assert (out / "notes.txt").read_text() == "v2\n"


def test_a_kept_file_appended_to_in_place_while_the_compile_writes_is_the_same_file(tmp_path):
    """`tee -a out/build.log`: the new tree links the same file, so what is
    appended meanwhile is in DIR after the swap, and the write goes on."""
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "build.log").write_text("one\n")
    plan = output.make_plan(out, arts("2"), "test.bkr")

    def append() -> None:
        with open(out / "build.log", "a") as log:
            log.write("two\n")

    output.write(plan, before_check=append)
    assert (out / "build.log").read_text() == "one\ntwo\n"
    assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 2\n"


def test_a_file_edited_while_the_report_prints_is_not_overwritten(tmp_path):
    """The report is printed once the new tree is built, after the look for
    changes: a standard output that blocks (a terminal paused with Ctrl-S, a
    pipe whose reader waits) held the swap back while another program edited
    a generated file, and the edit was thrown away with the old tree."""
    out = tmp_path / "out"
    compile_to(out, arts())
    edited = out / "M1" / "JOBA.TEMPLATE"
    plan = output.make_plan(out, arts("2"), "test.bkr")
    with pytest.raises(output.OutputError) as err:
        output.write(plan, before_swap=lambda: edited.write_text("* my edit\n"))
    assert "JOBA.TEMPLATE changed while bkrc was writing" in str(err.value)
    assert "nothing written (the `wrote` line above came before the swap, which did not happen)" in str(err.value)
    assert edited.read_text() == "* my edit\n"
    assert (out / "M1" / "BKRSUBMT.EXEC").read_text() == "/* submit 1 */\n"
    assert siblings(out) == []


def _same_size_same_time(path: Path, text: str):
    """Write `text` (as long as the file) over `path` in place, its modification
    time left as it was: what a second write within the same tick of the
    file system's clock looks like (a second on ext3 and HFS+, two on FAT)."""

    def change() -> None:
        before = os.stat(path)
        assert len(text.encode()) == before.st_size
        with open(path, "r+") as f:
            f.write(text)
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    return change


def test_a_file_rewritten_to_the_same_size_within_the_same_tick_is_seen(tmp_path):
    """The look before the swap compares what lstat says (size, time, inode):
    a file rewritten in place to the same size within the tick of the time the
    plan saw was the file the plan read, and the edit was lost in the swap. A
    file written that recently is read again and compared."""
    out = tmp_path / "out"
    compile_to(out, arts())
    edited = out / "M1" / "JOBA.TEMPLATE"
    err = _write_racing(out, _same_size_same_time(edited, "* job A 9\n"))
    assert "JOBA.TEMPLATE changed while bkrc was writing" in str(err.value)
    assert edited.read_text() == "* job A 9\n"


def test_a_copied_file_rewritten_to_the_same_size_within_the_same_tick_is_seen(tmp_path, monkeypatch):
    """Where no hard link can be made (FAT, some shares), a file bkrc did not
    write is copied into the new tree, times and all, and compared by size and
    time: rewritten in place to the same size within one tick, it was taken
    for its copy, and the copy swapped in over it."""
    out = tmp_path / "out"
    compile_to(out, arts())
    notes = out / "notes.txt"
    notes.write_text("v1\n")
    monkeypatch.setattr(output, "_link_into", lambda src, dst: dst.parent.mkdir(parents=True, exist_ok=True))
    err = _write_racing(out, _same_size_same_time(notes, "v2\n"))
    assert "notes.txt changed while bkrc was writing" in str(err.value)
    assert notes.read_text() == "v2\n"


def test_a_file_bkrc_deletes_rewritten_to_the_same_size_within_the_same_tick_is_seen(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts(extra=True))
    edited = out / "M2" / "EXTRA.TEMPLATE"
    err = _write_racing(out, _same_size_same_time(edited, "* EXTRA\n"))
    assert "EXTRA.TEMPLATE changed while bkrc was writing" in str(err.value)
    assert edited.read_text() == "* EXTRA\n"


def test_a_folder_of_dir_that_cannot_be_listed_before_the_swap_stops_it(tmp_path, monkeypatch):
    """The look before the swap took a DIR it could no longer list for one
    holding nothing new, and swapped: a file saved meanwhile in a folder made
    unreadable (or whose listing failed) was lost with the old tree."""
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "notes").mkdir()
    plan = output.make_plan(out, arts("2"), "test.bkr")
    listed = output._list_into

    def unreadable(folder, prefix, found):
        if prefix == "notes/":
            raise PermissionError(errno.EACCES, "Permission denied", folder)
        listed(folder, prefix, found)

    def change() -> None:
        (out / "notes" / "mine.txt").write_text("mine\n")
        monkeypatch.setattr(output, "_list_into", unreadable)

    with pytest.raises(output.OutputError) as err:
        output.write(plan, before_check=change)
    assert f"{out / 'notes'}: cannot read: Permission denied" in str(err.value)
    assert (out / "notes" / "mine.txt").read_text() == "mine\n"
    assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 1\n"
    assert siblings(out) == []


@pytest.mark.parametrize("kind", ["file", "symlink"])
def test_a_file_put_where_a_first_compile_creates_dir_stops_the_swap(tmp_path, kind):
    """A first compile (no DIR at the plan) swapped its tree with whatever
    another program put at DIR meanwhile (renameat2 exchanges a folder with a
    file or a link), then tried to remove it as the old tree: a file was left
    beside DIR under the temporary folder's name, with a warning, and a link
    left there unsaid. It is a change like any other: the swap stops."""
    out = tmp_path / "out"
    (tmp_path / "elsewhere").mkdir()

    def put() -> None:
        if kind == "file":
            out.write_text("mine\n")
        else:
            out.symlink_to(tmp_path / "elsewhere")

    plan = output.make_plan(out, arts(), "test.bkr")
    with pytest.raises(output.OutputError) as err:
        output.write(plan, before_check=put)
    what = "a file" if kind == "file" else "a symbolic link"
    assert str(err.value).startswith(
        f"{out} appeared while bkrc was writing it: another program created it, {what} where bkrc writes a folder,"
    )
    assert out.is_symlink() if kind == "symlink" else out.read_text() == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "out"]
    assert list((tmp_path / "elsewhere").iterdir()) == []


# A first compile (no DIR when the plan looked) and a DIR with files that
# another program created meanwhile: the changed-meanwhile look named a file
# in it as "changed", and a DIR created in the instant of the swap was
# exchanged and removed as the old tree, its files lost. It is neither replaced
# nor merged with: named as having appeared, with what to do (exit 2 in bkrc).
def _appear(out: Path) -> None:
    out.mkdir()
    (out / "mine.txt").write_text("mine\n")


def _appeared(out: Path) -> str:
    return (
        f"{out} appeared while bkrc was writing it: another program created it, a folder holding"
        f" {out / 'mine.txt'}, after bkrc found no {out}; nothing written, {out} left as it is: look at what"
        f" it holds, then move it away (`mv {out} {out}.other`) and run the compile again, or compile into"
        " another folder"
    )


def test_a_dir_created_by_another_program_during_a_first_compile_is_named_as_such(tmp_path):
    out = tmp_path / "out"
    plan = output.make_plan(out, arts(), "test.bkr")
    with pytest.raises(output.OutputError) as err:
        output.write(plan, before_check=lambda: _appear(out))
    assert str(err.value) == _appeared(out)
    assert tree(out) == {"mine.txt": b"mine\n"}
    assert siblings(out) == []


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_a_dir_created_in_the_instant_of_a_first_compiles_swap_is_not_lost(tmp_path, monkeypatch, exchange):
    """Created after the last look, just before the swap: it was exchanged with
    the new tree and removed with it as the old one."""
    out = tmp_path / "out"
    if not exchange:
        monkeypatch.setattr(output, "_exchange", lambda a, b: False)
    real = output.swap

    def late(new, where):
        _appear(out)
        return real(new, where)

    monkeypatch.setattr(output, "swap", late)
    with pytest.raises(output.OutputError) as err:
        output.write(output.make_plan(out, arts(), "test.bkr"))
    assert str(err.value) == _appeared(out)
    assert tree(out) == {"mine.txt": b"mine\n"}
    assert siblings(out) == []


def test_a_dir_created_between_the_look_and_the_rename_of_a_first_compile(tmp_path, monkeypatch):
    """Created after `swap` found no DIR, before its rename: RENAME_NOREPLACE
    fails, and the tree is exchanged with it and looked at, as above (a plain
    rename failed `Directory not empty`, or replaced an empty folder)."""
    out = tmp_path / "out"
    real = output._renameat2

    def late(a, b, flags):
        if flags == output._RENAME_NOREPLACE:
            _appear(out)
        return real(a, b, flags)

    monkeypatch.setattr(output, "_renameat2", late)
    with pytest.raises(output.OutputError) as err:
        output.write(output.make_plan(out, arts(), "test.bkr"))
    assert str(err.value) == _appeared(out)
    assert tree(out) == {"mine.txt": b"mine\n"}
    assert siblings(out) == []


def test_an_empty_dir_created_during_a_first_compile_is_written(tmp_path):
    """Nothing in it to lose (`mkdir -p out` in another step of a build): the compile writes it."""
    out = tmp_path / "out"
    output.write(output.make_plan(out, arts(), "test.bkr"), before_check=out.mkdir)
    assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 1\n"
    assert siblings(out) == []


# A change in the instant between the last look (`changed_meanwhile`) and the
# swap was in the old tree, removed after the swap: lost without a word. The
# old tree is looked at again once swapped out, and put back on a change.
def _note(out: Path) -> None:
    (out / "notes.txt").write_text("mine\n")


def _edit(out: Path) -> None:
    (out / "M1" / "JOBA.TEMPLATE").write_text("* my edit\n")


def _replace_kept(out: Path) -> None:
    (out / "kept.txt.swp").write_text("v2\n")
    os.rename(out / "kept.txt.swp", out / "kept.txt")


@pytest.mark.parametrize("change", [_note, _edit, _replace_kept], ids=["note", "edit", "kept-replaced"])
@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
@pytest.mark.parametrize("reported", [False, True], ids=["", "reported"])
def test_a_change_in_the_instant_before_the_swap_puts_dir_back(tmp_path, monkeypatch, change, exchange, reported):
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "kept.txt").write_text("v1\n")
    if not exchange:
        monkeypatch.setattr(output, "_exchange", lambda a, b: False)
    plan = output.make_plan(out, arts("2"), "test.bkr")
    real = output.swap

    def late(new, where):
        change(out)
        return real(new, where)

    monkeypatch.setattr(output, "swap", late)
    change_copy = tmp_path / "copy"
    shutil.copytree(out, change_copy)
    change(change_copy)
    expected = tree(change_copy)
    shutil.rmtree(change_copy)
    with pytest.raises(output.OutputError) as err:
        output.write(plan, before_swap=(lambda: None) if reported else None)
    rel = {_note: "notes.txt", _edit: "M1/JOBA.TEMPLATE", _replace_kept: "kept.txt"}[change]
    assert str(err.value).startswith(f"{out / rel} changed while bkrc was writing {out}: ")
    assert str(err.value).endswith(
        "nothing written (the `wrote` line above came before the swap, which did not happen):"
        " run the compile again once it is done"
        if reported
        else "nothing written: run the compile again once it is done"
    )
    assert tree(out) == expected  # as the other program left it
    assert siblings(out) == []
    monkeypatch.undo()
    output.write(output.make_plan(out, arts("2"), "test.bkr"), force=True)  # and the next compile writes
    assert (out / "M1" / "BKRSUBMT.EXEC").read_text() == "/* submit 2 */\n"


def test_a_dir_that_cannot_be_put_back_after_a_late_change_says_where_the_old_files_are(tmp_path, monkeypatch):
    out = tmp_path / "out"
    compile_to(out, arts())
    real = output.swap
    where = []

    def late(new, dir_):
        _note(out)
        where.append(new)
        return real(new, dir_)

    def refused(old, new, dir_):
        raise PermissionError(errno.EACCES, "Permission denied", str(dir_))

    monkeypatch.setattr(output, "swap", late)
    monkeypatch.setattr(output, "_swap_back", refused)
    with pytest.raises(output.OutputError) as err:
        output.write(output.make_plan(out, arts("2"), "test.bkr"))
    old = where[0]
    assert str(err.value) == (
        f"{out}: another program changed it during the swap, and the old {out} could not be put back:"
        f" Permission denied; {out} holds the new files, the old ones (with that change) are in {old}: copy"
        " what you need from there before you compile again (which removes it)"
    )
    assert (old / "notes.txt").read_text() == "mine\n"
    assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 2\n"


def test_a_tree_whose_top_cannot_be_listed_is_removed_or_named_never_a_traceback(tmp_path, monkeypatch):
    """`_remove_tree` got a Path and rmtree names its top so: the handler that
    makes a folder writable compared it as text, and an error on the top
    itself (a DIR of mode 0300 swapped out, which cannot be listed) ended in
    an AttributeError traceback after the swap, the old tree left."""
    import shutil

    old = tmp_path / ".out.bkrc-new-1-abcdefgh"
    (old / "M1").mkdir(parents=True)
    (old / "M1" / "F").write_text("x")
    listing = shutil.os.scandir
    refused = []

    def scandir(what):  # the top cannot be listed until its mode is changed (as for a user, not root)
        if not refused and (what == os.fspath(old) or isinstance(what, int)):
            refused.append(what)
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(old))
        return listing(what)

    monkeypatch.setattr(shutil.os, "scandir", scandir)
    assert output._remove_tree(old) is None
    assert refused and not old.exists()


def test_a_symlink_named_as_a_killed_compiles_folder_is_left_alone(tmp_path):
    """`_leftovers` followed symbolic links: a link beside DIR with a temporary
    folder's name was 'removed' (recover said so, every compile) while
    `_remove_tree` left it, and a link named `old` would have been put in
    DIR's place. Only real folders are a killed compile's."""
    out = tmp_path / "out"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep\n")
    new = tmp_path / f"{output._temp_prefix(out)}new-{2**22 + 1}-abcdefgh"
    old = tmp_path / f"{output._temp_prefix(out)}old-{2**22 + 1}-abcdefgh"
    new.symlink_to(elsewhere)
    old.symlink_to(elsewhere)
    assert output.recover(out, locked=True) == []
    assert not out.exists() and new.is_symlink() and old.is_symlink()
    plan = output.make_plan(out, arts(), "test.bkr", locked=True)
    assert plan.put_back is None and plan.leftovers == []
    assert (elsewhere / "keep.txt").read_text() == "keep\n"


def test_a_folder_another_user_made_with_a_killed_compiles_name_is_left_alone(tmp_path, monkeypatch):
    """In a folder others may write (a team's share, /tmp), another user can make a
    folder named as a killed compile's `old` one beside a missing DIR: recover put it
    in DIR's place (its files then kept, planned against and deployed as if bkrc's),
    and removed another user's `new` one. Only this user's folders are a killed
    compile's of its: the others are left where they are, DIR written afresh."""
    out, pid = tmp_path / "out", _dead_pid()
    planted = tmp_path / f"{output._temp_prefix(out)}old-{pid}-abcdefgh"
    planted.mkdir()
    (planted / "M1").mkdir()
    (planted / "M1" / "EVIL.EXEC").write_text("/* not bkrc's */\n")
    other_new = tmp_path / f"{output._temp_prefix(out)}new-{pid}-abcdefgh"
    other_new.mkdir()
    if os.geteuid() == 0:  # root: the folders given to another user (nobody)
        for folder in (planted, planted / "M1", other_new):
            os.chown(folder, 65534, 65534)
    else:  # the folders are this user's: the process seen as another one
        uid = os.geteuid() + 1
        monkeypatch.setattr(output.os, "geteuid", lambda: uid)
    assert output.recover(out, locked=True) == []
    plan = output.make_plan(out, arts(), "test.bkr", locked=True)
    assert (plan.put_back, plan.leftovers, plan.preserved) == (None, [], [])
    assert {a.action for a in plan.actions} == {output.CREATE}
    compile_to(out, arts())
    assert not (out / "M1" / "EVIL.EXEC").exists()
    assert (planted / "M1" / "EVIL.EXEC").exists() and other_new.is_dir()


def test_a_folder_that_cannot_be_put_back_says_how_to_put_it_back(tmp_path, monkeypatch):
    out = tmp_path / "out"
    aside = tmp_path / f".out.bkrc-old-{2**22 + 1}-abcdefgh"
    aside.mkdir()

    def refused(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", src)

    monkeypatch.setattr(output.os, "rename", refused)
    with pytest.raises(output.OutputError) as err:
        output.recover(out)
    assert str(err.value) == (
        f"{out}: cannot put back {aside.name}: Permission denied; a killed compile moved {out} there:"
        f" move it back (`mv {aside} {out}`), then compile again; nothing written"
    )


def test_recover_puts_back_a_folder_a_killed_run_had_moved_aside(tmp_path):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=False
    )
    pid = int(dead.stdout)
    out = tmp_path / "out"
    aside = tmp_path / f".out.bkrc-old-{pid}-abc"
    aside.mkdir()
    (aside / "manifest.json").write_text("{}")
    stale = tmp_path / f".out.bkrc-new-{pid}-def"
    stale.mkdir()
    output.recover(out)
    assert (out / "manifest.json").read_text() == "{}"
    assert siblings(out) == []


def _dead_pid() -> int:
    """The ID of a process that has ended (a leftover of it is a killed run's)."""
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    return int(done.stdout)


def test_a_plan_is_made_against_the_folder_the_compile_puts_back_first(tmp_path, monkeypatch):
    """A run killed between the two renames of the fallback swap leaves DIR missing,
    the old folder aside and the new one beside it; the compile puts the old one
    back before it plans. A dry run, which does not, planned a first compile
    (every file `create`, the user's file not counted, no diff of the changes)."""
    out, pid = tmp_path / "out", _dead_pid()
    compile_to(out, arts())
    (out / "notes.txt").write_text("mine\n")
    aside = tmp_path / f".out.bkrc-old-{pid}-abcdefgh"
    out.rename(aside)
    half = tmp_path / f".out.bkrc-new-{pid}-abcdefgh"
    half.mkdir()
    alive = tmp_path / f".out.bkrc-new-{os.getppid()}-abcdefgh"  # a compile still running: left alone
    alive.mkdir()
    plan = output.make_plan(out, arts("2"), "test.bkr")
    assert (plan.out_dir, plan.put_back, plan.leftovers) == (out, aside, [half])
    assert {a.action for a in plan.actions} == {output.UPDATE}
    assert plan.preserved == ["notes.txt"] and not plan.blocked
    [change, *_] = output.text_changes(plan)
    assert (change.path, change.before, change.after) == ("M1/BKRSUBMT.EXEC", "/* submit 1 */\n", "/* submit 2 */\n")
    assert output.render_plan(plan).splitlines()[-3:] == [
        f"1 other file in {out} is kept as it is: notes.txt",
        f"{out} is put back first from {aside.name}, where a killed compile had moved it (the plan compares with it)",
        f"1 folder a killed compile left beside {out} removed first: {half.name}",
    ]
    held = [(aside / "notes.txt", "i")]  # `chattr +i` there, which only root may set
    with monkeypatch.context() as patch:  # the preflight looks at the folder put back, as DIR
        patch.setattr(output, "fixed_entries", lambda root: held if root == aside else [])
        with pytest.raises(output.OutputError, match=f"beside out, .*`chattr -i {aside / 'notes.txt'}`"):
            output.preflight(plan)
    output.recover(out)  # what the compile does first: the same two steps
    assert siblings(out) == [alive.name]
    assert output.make_plan(out, arts("2"), "test.bkr").actions == plan.actions


def test_under_the_lock_a_leftover_whose_process_id_was_reused_is_removed(tmp_path):
    """A killed compile's folder is named with its process ID, and one whose ID
    another process now has (IDs are reused, soon in a container) was taken for
    a compile still writing: kept, without a word, for as long as that process
    lived. Under the write lock no other compile is writing beside DIR, so it
    is removed and named; without the lock (`--dry-run`) it is left alone."""
    out = tmp_path / "out"
    compile_to(out, arts())
    dead = tmp_path / f"{output._temp_prefix(out)}new-{os.getppid()}-abcdefgh"  # an ID alive, not a compile's
    dead.mkdir()
    assert output.recover(out) == []
    assert dead.exists()
    lock = output.WriteLock(out)
    try:
        assert lock.held
        assert output.recover(out, locked=lock.held) == [f"removed {dead.name}, which a killed compile left beside {out}"]
    finally:
        lock.close()
    assert siblings(out) == []


def test_the_leftovers_of_a_dir_that_is_a_symlink_are_found_beside_its_target(tmp_path):
    """The compile replaces the folder a symbolic link DIR points to, building the
    new one beside it: a killed run's folder is there, under the target's name.
    It was looked for beside the link, under the link's name: never listed by a
    dry run, nor removed before the compile's preflight counted the room."""
    real, link, pid = tmp_path / "real", tmp_path / "link", _dead_pid()
    compile_to(real, arts())
    link.symlink_to("real")
    left = tmp_path / f".real.bkrc-new-{pid}-abcdefgh"
    left.mkdir()
    plan = output.make_plan(link, arts("2"), "test.bkr")
    assert plan.leftovers == [left]
    output.recover(link)
    assert siblings(real) == ["link"]
    # A kill between the fallback swap's two renames: the link dangles until the target is put back.
    real.rename(tmp_path / f".real.bkrc-old-{pid}-abcdefgh")
    assert output.make_plan(link, arts("2"), "test.bkr").put_back == tmp_path / f".real.bkrc-old-{pid}-abcdefgh"
    output.recover(link)
    assert (link / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 1\n" and link.is_symlink()


def test_the_room_a_killed_runs_leftovers_free_is_counted(tmp_path, monkeypatch):
    """The compile removes a killed run's folders before it writes, and the room
    they free is its: a dry run counted it as taken and said that the compile
    would fail for want of room (exit 2), where the compile wrote. Only what the
    removal frees counts: not a file linked from DIR, nor a folder that holds an
    immutable entry (which stays, and the plan says so)."""
    out, pid = tmp_path / "out", _dead_pid()
    compile_to(out, arts())
    left = tmp_path / f".out.bkrc-new-{pid}-abcdefgh"
    (left / "M1").mkdir(parents=True)
    (left / "M1" / "own").write_bytes(b"x" * 100_000)
    os.link(out / "M1" / "JOBA.TEMPLATE", left / "M1" / "JOBA.TEMPLATE")  # DIR's file: frees nothing
    os.symlink("own", left / "M1" / "link")
    blocks = os.lstat(left / "M1" / "own").st_blocks * 512 + os.lstat(left / "M1" / "link").st_blocks * 512
    assert output._room_freed([left]) == (blocks, 4)  # two folders, the file, the link
    plan = output.make_plan(out, arts("2"), "test.bkr")
    assert plan.leftovers == [left]
    real = os.statvfs

    def no_room_but_the_leftovers(path):
        found = real(path)
        names = ("f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail")
        fields = dict(zip(names, (4096, 4096, 10**6, 0, 0, 10**6, 10**6, 10**6)))
        names += ("f_flag", "f_namemax")
        return os.statvfs_result(tuple(fields.get(n, getattr(found, n)) for n in names))

    monkeypatch.setattr(os, "statvfs", no_room_but_the_leftovers)
    output.preflight(plan)  # the leftover's 100,000 bytes hold the few blocks the write needs
    held = [(left / "M1" / "own", "i")]  # `chattr +i` there, which only root may set
    monkeypatch.setattr(output, "fixed_entries", lambda root: held if root == left else [])
    plan = output.make_plan(out, arts("2"), "test.bkr")
    assert (plan.leftovers, plan.stuck) == ([], [(left, left / "M1" / "own", "i")])
    assert output.render_plan(plan).splitlines()[-1] == (
        f"{left.name}, left beside {out} by a killed compile, stays: {left / 'M1' / 'own'} is immutable"
        f" (`chattr -i {left / 'M1' / 'own'}` lets the compile remove it)"
    )
    with pytest.raises(output.OutputError, match="not enough room"):
        output.preflight(plan)


def test_a_running_compile_keeps_its_temporary_folder(tmp_path):
    out = tmp_path / "out"
    mine = tmp_path / f".out.bkrc-new-{os.getppid()}-xyz"  # a live process: the test runner's parent
    mine.mkdir()
    output.recover(out)
    assert mine.exists()


def test_files_bkrc_did_not_write_are_kept_as_the_same_files(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts())
    log = out / "build.log"
    log.write_text("started\n")
    os.link(log, tmp_path / "build.log.link")  # a second name outside DIR
    (out / "private").mkdir()
    (out / "private" / "key").write_text("secret\n")
    (out / "private").chmod(0o700)
    (out / "M1").chmod(0o750)
    inode = log.stat().st_ino
    with open(log, "a") as writer:  # a program still writing to it (`... | tee -a out/build.log`)
        compile_to(out, arts("2"))
        writer.write("finished\n")
    assert log.read_text() == "started\nfinished\n"
    assert log.stat().st_ino == inode and log.stat().st_nlink == 2
    assert (tmp_path / "build.log.link").read_text() == "started\nfinished\n"
    assert (out / "private").stat().st_mode & 0o777 == 0o700  # a private folder stays private
    assert (out / "M1").stat().st_mode & 0o777 == 0o750
    assert siblings(out) == ["build.log.link"]


# ------------------------------------------------------------------ permissions
@pytest.fixture
def umask():
    """Set the process's umask for a test (`umask(0o027)`), and give the old one back."""
    before = os.umask(0o022)
    yield os.umask
    os.umask(before)


def mode_of(path: Path) -> int:
    return path.stat().st_mode & 0o7777


def test_a_new_file_gets_the_umasks_mode(tmp_path, umask):
    """Like any tool's new file: 0666 less the umask, not a mode of bkrc's own."""
    umask(0o027)
    out = tmp_path / "out"
    compile_to(out, arts())
    assert {mode_of(out / a.path) for a in arts()} | {mode_of(out / "manifest.json")} == {0o640}
    umask(0o077)
    compile_to(out, arts(extra=True))
    assert mode_of(out / "M2" / "EXTRA.TEMPLATE") == 0o600


def test_a_rewritten_file_keeps_the_old_files_permission_bits(tmp_path, umask):
    """An EXEC made executable, a template made private, the manifest made
    group-writable: each keeps its mode when the compile rewrites it, whatever
    the umask of the compile; a file that replaces one deleted by hand is new."""
    out = tmp_path / "out"
    compile_to(out, arts())
    modes = {"M1/BKRSUBMT.EXEC": 0o755, "M1/JOBA.TEMPLATE": 0o600, "manifest.json": 0o664}
    for rel, mode in modes.items():
        (out / rel).chmod(mode)
    (out / "M2" / "JOBB2.TEMPLATE").unlink()
    umask(0o077)
    plan = compile_to(out, arts("2"))
    assert {rel: mode_of(out / rel) for rel in modes} == modes
    assert mode_of(out / "cluster" / "BKRBKUP.DIRECT") == 0o644  # as the first compile made it
    assert mode_of(out / "M2" / "JOBB2.TEMPLATE") == 0o600  # created: the umask's
    assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 2\n"
    assert plan.count(output.UPDATE) == 4


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_a_rewritten_file_keeps_its_owner_and_group(tmp_path):
    out = tmp_path / "out"
    compile_to(out, arts())
    os.chown(out / "M1" / "JOBA.TEMPLATE", 4321, 4322)
    compile_to(out, arts("2"))
    after = (out / "M1" / "JOBA.TEMPLATE").stat()
    assert (after.st_uid, after.st_gid) == (4321, 4322)


def with_joba(version: str) -> list[Artifact]:
    """arts("1"), but for JOBA's template, written as in arts(version)."""
    return [arts(version)[0], *arts()[1:]]


def test_an_unchanged_file_stays_the_same_file(tmp_path, umask):
    """A compile that rewrites other files leaves an unchanged one as it is, as it
    leaves files bkrc did not write: its mode, its time (for an upload script
    that sends what is newer) and its other links stay."""
    out = tmp_path / "out"
    compile_to(out, arts())
    submit = out / "M1" / "BKRSUBMT.EXEC"
    submit.chmod(0o750)
    os.utime(submit, ns=(10**18, 10**18))
    os.link(submit, tmp_path / "staged.exec")
    inode = submit.stat().st_ino
    umask(0o077)
    plan = compile_to(out, with_joba("2"))
    assert [a.path for a in plan.changes] == ["M1/JOBA.TEMPLATE", "manifest.json"]
    after = submit.stat()
    assert (after.st_ino, after.st_nlink, mode_of(submit), after.st_mtime_ns) == (inode, 2, 0o750, 10**18)
    assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 2\n"
    assert siblings(out) == ["staged.exec"]


def test_an_unchanged_file_that_cannot_be_linked_is_written_with_its_mode(tmp_path, monkeypatch, umask):
    """A file system without hard links (or someone else's file, where Linux's
    protected_hardlinks forbids the link): the file is written afresh, with the
    old one's permission bits."""
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "M1" / "BKRSUBMT.EXEC").chmod(0o700)

    def no_link(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    umask(0o022)
    compile_to(out, with_joba("2"))
    assert mode_of(out / "M1" / "BKRSUBMT.EXEC") == 0o700
    assert (out / "M1" / "BKRSUBMT.EXEC").read_text() == "/* submit 1 */\n"


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="names open files through /proc")
def test_a_kept_file_that_cannot_be_linked_is_copied_and_flushed(tmp_path, monkeypatch):
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "notes.txt").write_text("mine\n")

    def no_link(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    flushed = []
    real_fsync = os.fsync

    def fsync(fd):
        flushed.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "link", no_link)
    monkeypatch.setattr(os, "fsync", fsync)
    compile_to(out, arts("2"))
    assert (out / "notes.txt").read_text() == "mine\n"
    assert any(path.endswith("/notes.txt") and ".out.bkrc-new-" in path for path in flushed)


def _permissions_enforced(tmp_path: Path) -> bool:
    """False when the tests run with the power to ignore file modes (root)."""
    probe = tmp_path / "probe"
    probe.mkdir()
    probe.chmod(0o555)
    try:
        (probe / "x").write_text("x")
    except PermissionError:
        return True
    finally:
        probe.chmod(0o755)
        shutil.rmtree(probe)
    return False


@pytest.mark.parametrize("read_only", ["M1"])  # DIR itself read-only is refused (stop 72, h11, below)
def test_a_read_only_folder_leaves_no_old_tree_beside_the_output(tmp_path, read_only):
    if not _permissions_enforced(tmp_path):
        # Root ignores file modes (CI runs as root): run this test again in a
        # process without the capabilities that let it (util-linux setpriv).
        setpriv = shutil.which("setpriv")
        if setpriv is None or os.environ.get("BKRDSL_WITHOUT_DAC") == "1":
            pytest.skip("file modes are not enforced for this user, and setpriv cannot drop the power")
        drop = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", "--inh-caps=-all"]
        test = f"{__file__}::test_a_read_only_folder_leaves_no_old_tree_beside_the_output[{read_only}]"
        done = subprocess.run(
            [*drop, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test],
            env={**os.environ, "BKRDSL_WITHOUT_DAC": "1"},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "1 passed" in done.stdout, done.stdout
        return
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / read_only).chmod(0o555)  # a member folder made read-only, its files left as they are
    try:  # (a change in it is refused: stop 72, h17, at the end)
        compile_to(out, [*arts()[:2], *arts("2")[2:]])
        assert (out / "M2" / "JOBB2.TEMPLATE").read_text() == "* job B 2\n"
        assert siblings(out) == []  # the old tree, swapped out, is removed
        compile_to(out, [*arts()[:2], *arts("3")[2:]])
        assert siblings(out) == []
    finally:
        for folder in (out, *out.rglob("*")):
            if folder.is_dir():
                folder.chmod(0o755)


def test_leftover_warnings_name_each_folder_and_what_the_next_compile_does(tmp_path, monkeypatch):
    """What `--check` of an up-to-date DIR says of a killed compile's folders beside
    it: a `.bkrc-old-` one is the old tree, a `.bkrc-new-` one either tree; one
    with an append-only entry stays. A DIR moved aside is put back, no warning."""
    out = tmp_path / "out"
    compile_to(out, arts())
    old, new = tmp_path / ".out.bkrc-old-999999999-a", tmp_path / ".out.bkrc-new-999999999-b"
    held = tmp_path / ".out.bkrc-new-999999998-c"
    for folder in (old, new, held):
        folder.mkdir()
    monkeypatch.setattr(output, "fixed_entries", lambda root: [(held / "log", "a")] if root == held else [])
    plan = output.make_plan(out, arts(), "test.bkr")
    assert plan.up_to_date
    removes = "which the next compile removes ({}): copy out of it anything you want to keep"
    before = f"the files {out} held before that compile"
    assert output.leftover_warnings(plan) == [
        f"warning: a killed compile left {new.name} beside {out}, "
        + removes.format(f"new files it had not put in place, or, killed just after its swap, {before}"),
        f"warning: a killed compile left {old.name} beside {out}, " + removes.format(before),
        f"warning: a killed compile left {held.name} beside {out}, which the next compile cannot remove: "
        + f"{held / 'log'} is append-only (`chattr -a {held / 'log'}` lets it)",
    ]
    shutil.rmtree(out)  # killed between the fallback swap's renames: DIR is put back from `old`
    plan = output.make_plan(out, arts(), "test.bkr")
    assert plan.put_back == old and not plan.up_to_date


def test_a_write_in_the_old_tree_after_the_last_look_is_lost_unless_the_file_is_linked(tmp_path, monkeypatch):
    """docs/output.md's first open window, as it says: once the old tree has been
    looked at after the swap, a write through a file held open goes to the old
    tree, removed then, for a file the compile rewrites (JOBB2); a file it keeps
    (EXTRA, unchanged) and one bkrc did not write (a log) are linked, the same
    file in both trees, and keep it; a file saved by a relative name from a
    current folder inside DIR is saved in the old tree, and lost."""
    out = tmp_path / "out"
    compile_to(out, arts(extra=True))
    (out / "M2" / "build.log").write_text("start\n")
    monkeypatch.chdir(out / "M2")
    real = output._remove_tree
    with contextlib.ExitStack() as stack:
        held = [stack.enter_context(open(name, "a")) for name in ("build.log", "EXTRA.TEMPLATE", "JOBB2.TEMPLATE")]

        def after_the_last_look(path):
            if path.name.startswith(".out.bkrc-"):
                for file in held:
                    file.write("after the look\n")
                    file.flush()
                Path("notes.txt").write_text("mine\n")
            return real(path)

        monkeypatch.setattr(output, "_remove_tree", after_the_last_look)
        assert output.write(output.make_plan(out, arts("2", extra=True), "test.bkr")) == []
    monkeypatch.chdir(tmp_path)
    assert (out / "M2" / "build.log").read_text() == "start\nafter the look\n"
    assert (out / "M2" / "EXTRA.TEMPLATE").read_text() == "* extra\nafter the look\n"
    assert (out / "M2" / "JOBB2.TEMPLATE").read_text() == "* job B 2\n"
    assert not (out / "M2" / "notes.txt").exists() and siblings(out) == []


# stop 72, h11: a read-only DIR is refused, left as it was; a 0444 generated file is rewritten, mode kept
def _read_only_refusal(shown: str, mode: int) -> str:
    return (
        f"{shown}: cannot write: the folder is read-only (mode {mode:04o}), so bkrc leaves it as it is;"
        f" make it writable (`chmod u+w {shown}`) to let bkrc replace it; nothing written"
    )


@pytest.mark.parametrize("mode", [0o555, 0o500, 0o1555], ids=lambda mode: f"{mode:04o}")
def test_a_read_only_dir_is_refused_and_left_as_it_was(tmp_path, mode):
    """`chmod 555 out` means "do not touch": the swap replaced such a DIR all the
    same (renaming a folder within its parent needs no write permission on it;
    root needs none anywhere). The mode bit is read, not `access`, so root is
    refused too, even with --force, before anything is built; the hint, applied,
    lets the compile write."""
    out = tmp_path / "out"
    compile_to(out, arts())
    out.chmod(mode)
    before = tree(out)
    try:
        plan = output.make_plan(out, arts("2"), "test.bkr")
        for attempt in (lambda: output.preflight(plan), lambda: output.write(plan), lambda: output.write(plan, force=True)):
            with pytest.raises(output.OutputError) as refused:
                attempt()
            assert str(refused.value) == _read_only_refusal(str(out), mode)
        assert tree(out) == before and siblings(out) == []
        assert out.stat().st_mode & 0o7777 == mode
        subprocess.run(f"chmod u+w {out}", shell=True, check=True)  # the hint, as offered
        compile_to(out, arts("2"))
        assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 2\n" and siblings(out) == []
    finally:
        out.chmod(0o755)


def test_a_read_only_dir_that_is_up_to_date_is_no_error(tmp_path):
    """An up-to-date DIR is never touched, so its mode stops nothing; a DIR whose
    owner may write is written whatever the group's and others' bits say."""
    out = tmp_path / "out"
    compile_to(out, arts())
    out.chmod(0o555)
    try:
        plan = output.make_plan(out, arts(), "test.bkr")
        assert plan.up_to_date and output.write(plan) == []
    finally:
        out.chmod(0o755)
    out.chmod(0o700)
    compile_to(out, arts("2"))
    assert out.stat().st_mode & 0o777 == 0o700 and (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 2\n"


def test_a_read_only_dir_is_named_as_given_through_a_link_and_put_back_by_its_folder(tmp_path):
    """DIR a symbolic link to a read-only folder: refused, the link named (`chmod
    u+w LINK` changes its target). DIR moved aside by a killed compile: the folder
    put back in its place is what the compile would write, so it is named."""
    real, link = tmp_path / "real", tmp_path / "link"
    compile_to(real, arts())
    link.symlink_to(real)
    real.chmod(0o555)
    try:
        with pytest.raises(output.OutputError) as refused:
            output.preflight(output.make_plan(link, arts("2"), "test.bkr"))
        assert str(refused.value) == _read_only_refusal(str(link), 0o555)
    finally:
        real.chmod(0o755)
    out = tmp_path / "out"
    compile_to(out, arts())
    aside = tmp_path / ".out.bkrc-old-999999999-a"
    out.rename(aside)
    aside.chmod(0o555)
    try:
        plan = output.make_plan(out, arts(), "test.bkr")
        assert plan.put_back == aside
        with pytest.raises(output.OutputError) as refused:
            output.preflight(plan)
        assert str(refused.value) == _read_only_refusal(str(aside), 0o555)
    finally:
        aside.chmod(0o755)


def test_a_read_only_generated_file_is_rewritten_and_stays_read_only(tmp_path):
    """The choice for a file, not DIR: a generated file made 0444 (a site's mark of
    "generated, do not edit by hand") is rewritten when its text changes, as any
    generated file, and keeps 0444; an unchanged one is not written at all. Only
    a read-only DIR stops the compile."""
    out = tmp_path / "out"
    compile_to(out, arts())
    for rel in ("M1/JOBA.TEMPLATE", "cluster/BKRBKUP.DIRECT"):
        (out / rel).chmod(0o444)
    kept = (out / "cluster" / "BKRBKUP.DIRECT").stat().st_ino
    compile_to(out, [*arts("2")[:3], arts()[3]])
    assert (out / "M1" / "JOBA.TEMPLATE").read_text() == "* job A 2\n"
    assert mode_of(out / "M1" / "JOBA.TEMPLATE") == 0o444 and mode_of(out / "cluster" / "BKRBKUP.DIRECT") == 0o444
    assert (out / "cluster" / "BKRBKUP.DIRECT").stat().st_ino == kept


# stop 72, h17: a read-only member folder inside DIR is refused when the compile changes a file in it
def _thaw(out: Path) -> None:
    for folder in (out, *out.rglob("*")):
        if folder.is_dir() and not folder.is_symlink():
            folder.chmod(0o755)


@pytest.mark.parametrize("change", ["update", "create", "delete"])
def test_a_read_only_member_folder_holding_a_changed_file_is_refused(tmp_path, change):
    """`chmod 555 out/M2` means "do not touch M2's files": the swap rewrote them
    all the same (the new tree is built beside DIR). Now a plan that creates,
    rewrites or deletes a file in it is refused, as a read-only DIR is, even with
    --force, with the same hint; the hint, applied, lets the compile write."""
    out = tmp_path / "out"
    first, then = {
        "update": (arts(), [*arts()[:2], arts("2")[2], arts()[3]]),
        "create": (arts(), arts(extra=True)),
        "delete": (arts(extra=True), arts()),
    }[change]
    compile_to(out, first)
    (out / "M2").chmod(0o555)
    before = tree(out)
    try:
        plan = output.make_plan(out, then, "test.bkr")
        assert [a.path for a in plan.changes if a.path != "manifest.json"] == [f"M2/{'JOBB2' if change == 'update' else 'EXTRA'}.TEMPLATE"]
        for attempt in (lambda: output.preflight(plan), lambda: output.write(plan), lambda: output.write(plan, force=True)):
            with pytest.raises(output.OutputError) as refused:
                attempt()
            assert str(refused.value) == _read_only_refusal(str(out / "M2"), 0o555)
        assert tree(out) == before and siblings(out) == []
        assert mode_of(out / "M2") == 0o555
        subprocess.run(f"chmod u+w {out / 'M2'}", shell=True, check=True)  # the hint, as offered
        compile_to(out, then)
        assert output.make_plan(out, then, "test.bkr").up_to_date and siblings(out) == []
    finally:
        _thaw(out)


def test_a_read_only_member_folder_whose_files_stay_is_no_error(tmp_path):
    """Only a folder that holds a changed file is judged: a frozen member whose
    files all stay is kept as it is (mode, files' inodes) while the others change."""
    out = tmp_path / "out"
    compile_to(out, arts())
    (out / "M1").chmod(0o555)
    kept = (out / "M1" / "JOBA.TEMPLATE").stat().st_ino
    try:
        compile_to(out, [*arts()[:2], *arts("2")[2:]])
        assert (out / "M2" / "JOBB2.TEMPLATE").read_text() == "* job B 2\n"
        assert mode_of(out / "M1") == 0o555 and (out / "M1" / "JOBA.TEMPLATE").stat().st_ino == kept
    finally:
        _thaw(out)


def test_every_read_only_folder_a_change_touches_is_in_the_hint(tmp_path):
    """Two frozen members that both change: the first is named, the count of the
    others said, and the one `chmod` offered thaws them all, so the compile then
    writes; a changed file two folders down names the frozen folder above it too."""
    out = tmp_path / "out"
    deep = Artifact("M1/sub/DEEP.TEMPLATE", "* deep\n", "job-template", "M1", "DEEP", "DEEP", "single")
    compile_to(out, [*arts(), deep])
    (out / "M1").chmod(0o500)
    (out / "M2").chmod(0o555)
    try:
        plan = output.make_plan(out, [*arts("2"), deep], "test.bkr")
        with pytest.raises(output.OutputError) as refused:
            output.write(plan)
        assert str(refused.value) == (
            f"{out / 'M1'} (and 1 more): cannot write: the folder is read-only (mode 0500), so bkrc leaves it as it is;"
            f" make it writable (`chmod u+w {out / 'M1'} {out / 'M2'}`) to let bkrc replace it; nothing written"
        )
        _thaw(out)
        (out / "M1").chmod(0o555)
        moved = Artifact("M1/sub/DEEP.TEMPLATE", "* deep 2\n", "job-template", "M1", "DEEP", "DEEP", "single")
        with pytest.raises(output.OutputError) as refused:
            output.write(output.make_plan(out, [*arts(), moved], "test.bkr"))
        assert str(refused.value) == _read_only_refusal(str(out / "M1"), 0o555)
        hint = str(refused.value).split("`")[1]  # the hint, as offered
        assert hint.startswith("chmod u+w ")
        subprocess.run(hint, shell=True, check=True)
        compile_to(out, [*arts(), moved])
        assert (out / "M1" / "sub" / "DEEP.TEMPLATE").read_text() == "* deep 2\n"
    finally:
        _thaw(out)


# stop 75, h8: manifest.json (and every indented JSON bkrc writes) without json's pure-Python encoder
def test_manifest_text_runs_no_python_json_encoder(monkeypatch):
    """manifest.json is written by `terminal._indented_json`: the same bytes as
    `json.dumps(indent=2, ensure_ascii=True)`, which writes an indented document
    with its pure-Python encoder (a generator per container, a call per value)."""
    import json.encoder

    from bkrdsl.dialect import load_dialect

    artifacts = [*arts(), Artifact("cluster/X.DIRECT", "* x\n", "directory", None)]
    expected = output.manifest_text("test.bkr", artifacts, load_dialect())
    assert expected == json.dumps(json.loads(expected), indent=2, ensure_ascii=True) + "\n"

    def refuse(*args, **kwargs):
        raise AssertionError("json's pure-Python encoder ran")

    monkeypatch.setattr(json.encoder, "_make_iterencode", refuse)
    assert output.manifest_text("test.bkr", artifacts, load_dialect()) == expected


from hypothesis import given
from hypothesis import strategies as st

_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(value=_JSON_VALUES, indent=st.integers(0, 4), ascii_only=st.booleans())
def test_indented_json_is_json_dumps(value, indent, ascii_only):
    """Every document of plain values (NaN and the infinities, `\u2028`, tuples,
    empty containers among them) is written as json.dumps writes it."""
    from bkrdsl.terminal import _indented_json, json_safe, json_text

    expected = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    assert _indented_json(value, indent, ascii_only) == expected
    assert json_text(value, indent=indent, ascii_only=ascii_only) == json_safe(expected)


def test_indented_json_leaves_other_values_to_json_dumps():
    """A value of another type, a key not a str, a container inside itself: json.dumps
    writes or refuses it as ever (json_text's text and errors unchanged)."""
    import enum

    from bkrdsl.terminal import _indented_json, json_text

    class Colour(str, enum.Enum):
        RED = "red"

    cycle: list = []
    cycle.append(cycle)
    for value in ({1: "a"}, {"a": Colour.RED}, [Colour.RED], {"a": {True: None}}, {"a": [1, (2, {3.5: 1})]}):
        assert _indented_json(value, 2, True) is None
        assert json_text(value, ascii_only=True) == json.dumps(value, indent=2, ensure_ascii=True)
    assert _indented_json(cycle, 2, True) is None
    with pytest.raises(ValueError, match="Circular reference"):
        json_text(cycle)
    with pytest.raises(TypeError):
        json_text({"a": object()})
    assert json_text({"a": "\u2028\x7f"}) == '{\n  "a": "\\u2028\\u007f"\n}'
