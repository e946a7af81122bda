"""docs/output.md and docs/deploy.md describe the folder `bkrc compile` writes.

Both pages take `examples/prodssi.bkr` (four members, tape) as their example:
compiled, it writes as many files as output.md says, and

- each file output.md's Layout tree shows, in the folder it shows it in;
- files of exactly the manifest kinds output.md's table lists, each kind under
  the file name the table gives it;
- only files a row of deploy.md's "Where each file goes" places, and no row
  that places none;
- directory entries that deploy.md's merge script ("Without DirMaint", step 1)
  puts into one source file, each once, each IDENTITY followed by the
  SUBCONFIGs its BUILD statements name, in their order.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, run_cli, shortened

from bkrdsl.dialect import DIALECT_DIR

OUTPUT = ROOT / "docs" / "output.md"
DEPLOY = ROOT / "docs" / "deploy.md"


@pytest.fixture(scope="module")
def compiled(tmp_path_factory) -> Path:
    """The folder `out` that `bkrc compile examples/prodssi.bkr -o out` writes."""
    out = tmp_path_factory.mktemp("prodssi") / "out"
    run_cli(["compile", EXAMPLES / "prodssi.bkr", "-o", out], expect=0)
    return out


@pytest.fixture(scope="module")
def written(compiled) -> dict[str, str]:
    """Each file `bkrc compile examples/prodssi.bkr` writes, by path, with its manifest kind."""
    out = compiled
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    files = {f["path"]: f["kind"] for f in manifest["files"]}
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert on_disk == set(files) | {"manifest.json"}
    return files


def section(path: Path, heading: str) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]


def layout_files(text: str) -> list[str]:
    """`FOLDER/FILE` for each file of the Layout tree's code block."""
    tree = re.search(r"```\nout/\n(.*?)```", text, re.DOTALL).group(1)
    found, folder = [], None
    for line in tree.splitlines():
        entry = line.split()[0] if line.split() else ""
        if entry.endswith("/"):
            folder = entry.rstrip("/")
        elif re.fullmatch(r"[A-Z0-9$#@_-]+\.[A-Z]+", entry):
            found.append(f"{folder}/{entry}" if folder else entry)  # README.TXT: at the top
    return found


def kind_rows(text: str) -> dict[str, str]:
    """manifest kind -> the file name the kinds table gives it."""
    return dict(re.findall(r"^\| `([a-z-]+)` \| `([^`]+)` \|", text, re.MULTILINE))


def deploy_patterns(text: str) -> list[str]:
    return re.findall(r"^\| `([^`]+)` \|", text, re.MULTILINE)


def test_the_count_of_files_the_page_gives_is_the_count_written(written):
    (count,) = re.findall(r"what it writes: (\d+) files and `manifest.json`", OUTPUT.read_text(encoding="utf-8"))
    assert int(count) == len(written)


def test_the_manifest_shown_is_the_one_written_shortened(compiled):
    """output.md's manifest.json sample: its keys and values, one file's entry of them."""
    (sample,) = re.findall(r"^```json\n(.*?)^```", section(OUTPUT, "## manifest.json"), re.MULTILINE | re.DOTALL)
    assert shortened(json.loads(sample), json.loads((compiled / "manifest.json").read_text(encoding="utf-8")))


def test_the_json_plan_shown_is_the_one_printed_shortened(tmp_path, monkeypatch):
    """output.md's `--plan-format json` sample: the run it describes (a hand edit,
    and APPSFULL moved to 02:30), its keys and values, two files of them."""
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "prodssi.bkr"
    shutil.copy(EXAMPLES / "prodssi.bkr", src)
    run_cli(["compile", "prodssi.bkr", "-o", "out"], expect=0)
    with open(tmp_path / "out" / "VMSYS1" / "APPSFULL.TEMPLATE", "a", encoding="utf-8") as edited:
        edited.write("* mine\n")
    text = src.read_text(encoding="utf-8")
    assert text.count("run on VMSYS1 daily 02:00") == 1
    src.write_text(text.replace("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 02:30"), encoding="utf-8")
    section_text = section(OUTPUT, "### The plan as JSON")
    (sample,) = re.findall(r"^```json\n(.*?)^```", section_text, re.MULTILINE | re.DOTALL)
    (shown,) = re.findall(r"two of its (\d+) files", section_text)
    result = run_cli(["compile", "prodssi.bkr", "-o", "out", "--check", "--plan-format", "json"], expect=1)
    real = json.loads(result.stdout)
    assert shortened(json.loads(sample), real)
    assert len(real["files"]) == int(shown)


def test_every_file_of_the_layout_tree_is_written(written):
    shown = layout_files(section(OUTPUT, "## Layout"))
    assert len(shown) >= 10
    assert sorted(set(shown) - set(written)) == []


def test_the_kinds_table_is_the_manifests_kinds(written):
    rows = kind_rows(section(OUTPUT, "## Layout"))
    # CHANGES.TXT (`changes`) is written by a compile that changes a folder,
    # never by a first one (test_changes_txt writes it).
    assert sorted(rows) == sorted({*written.values(), "changes"}) and rows["changes"] == "CHANGES.TXT"
    for path, kind in written.items():
        # JOB and ID stand for any name: the file name is the table's up to them.
        pattern = re.sub(r"^(JOB|ID)\.", "*.", rows[kind])
        assert fnmatch.fnmatchcase(path.rsplit("/", 1)[-1], pattern), (path, kind, rows[kind])


def test_deploy_places_every_file_written(written):
    patterns = [p.replace("MEMBER/", "*/") for p in deploy_patterns(section(DEPLOY, "## Where each file goes"))]
    paths = [*written, "manifest.json", "CHANGES.TXT"]  # the last: a change's (test_changes_txt)
    assert [p for p in paths if not any(fnmatch.fnmatchcase(p, pat) for pat in patterns)] == []
    assert [pat for pat in patterns if not any(fnmatch.fnmatchcase(p, pat) for p in paths)] == []


def test_a_layout_that_names_a_file_never_written_is_caught(written):
    text = section(OUTPUT, "## Layout").replace("BKRSUBMT.EXEC  ", "BKRSUBM.EXEC   ", 1)
    assert sorted(set(layout_files(text)) - set(written)) == ["VMSYS1/BKRSUBM.EXEC"]


def merge_script(text: str) -> str:
    """The shell script of deploy.md's "Without DirMaint" step 1, which merges the
    directory files into one source file."""
    step = text.split("\n1. Put the entries into one file", 1)[1]
    return re.search(r"```sh\n(.*?)```", step, re.DOTALL).group(1)


def merged_entries(merged: str, header: str) -> list[str]:
    """The merged file cut back into the files it was made of: each file starts
    with the same first line, the header that names the source."""
    parts = merged.split(header)
    assert parts[0] == "", parts[0][:200]
    return [header + part for part in parts[1:]]


@pytest.mark.skipif(shutil.which("sh") is None or shutil.which("awk") is None, reason="needs sh and awk")
def test_deploys_merge_script_puts_each_subconfig_after_its_identity(compiled):
    """What a system programmer without DirMaint runs on the files: every entry
    once, and right after each IDENTITY the SUBCONFIGs it builds, as the page says."""
    env = {**os.environ, "LC_ALL": "C"}
    subprocess.run(["sh", "-c", merge_script(DEPLOY.read_text(encoding="utf-8"))],
                   cwd=compiled.parent, env=env, check=True)
    merged = (compiled.parent / "BKRDIR.DIRECT").read_text(encoding="utf-8")
    files = {p.stem: p.read_text(encoding="utf-8") for p in (compiled / "cluster").glob("*.DIRECT")}
    header = next(iter(files.values())).splitlines(keepends=True)[0]
    chunks = merged_entries(merged, header)
    assert sorted(chunks) == sorted(files.values())  # each entry once, as written
    names = {text: name for name, text in files.items()}
    order = [names[chunk] for chunk in chunks]
    identities = [n for n in order if re.search(r"^IDENTITY ", files[n], re.MULTILINE)]
    assert len(identities) >= 5
    for identity in identities:
        subs = re.findall(r"^ BUILD ON \S+ USING SUBCONFIG (\S+)$", files[identity], re.MULTILINE)
        at = order.index(identity)
        assert subs and order[at + 1 : at + 1 + len(subs)] == subs, (identity, order[at : at + 1 + len(subs)])


def deploys_warnings() -> list[str]:
    """The `bkrc: warning:` lines deploy.md's "Changing a deployed cluster" shows."""
    changing = section(DEPLOY, "## Changing a deployed cluster")
    return [line.strip() for line in changing.splitlines() if line.strip().startswith("bkrc: warning:")]


def changed_warnings(tmp_path: Path, before: str, after: str, *options) -> list[str]:
    """The warnings `bkrc compile --dry-run` gives for AFTER over the output of BEFORE,
    compiled as the page does, `-o out` in the source's folder (a warning names it)."""
    tmp_path.mkdir()
    source, out = tmp_path / "prodssi.bkr", tmp_path / "out"
    source.write_text(before, encoding="utf-8")
    run_cli(["compile", source, "-o", out, *options], expect=0)
    source.write_text(after, encoding="utf-8")
    stderr = run_cli(["compile", source, "-o", out, "--dry-run", *options], expect=0).stderr
    lines = [line for line in stderr.splitlines() if line.startswith("bkrc: warning:")]
    return [line.replace(f" {out} ", " out ") for line in lines]


def test_deploys_warnings_are_what_bkrc_prints(tmp_path):
    """Every `bkrc: warning:` line the page shows is one bkrc prints for the change
    the page tells of, each from examples/prodssi.bkr (compiled, then changed):
    VMSYS4 removed from a cluster whose VMSYS5 comes after it (a fifth member
    with two workers added first); a fifth worker added on VMSYS2 with the
    `sequential` allocation, which moves its Tape Manager request node's A-disk;
    the purge moved from VMSYS1 to VMSYS2; Tape Manager removed; VMSYS4 renamed
    VMSYS6; the catalog's SFS server moved from VMSYS1 to VMSYS2; job APPSFULL
    renamed APPSALL and nothing else; IDENTITY job SYSIN renamed SYSALL and
    nothing else; job APPSFULL moved from VMSYS1 to VMSYS2; VMSYS5 added (and
    the catalog node's node definitions changed with it); and the Tape Manager
    catalog node moved from VMSYS1 to VMSYS2, moved and renamed TCTM2, and
    renamed TCTM2 on VMSYS1."""
    prodssi = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    fourth = "  member VMSYS4 { workers 2  private-volume M4PRV1 }\n"
    five = prodssi.replace(fourth, fourth + "  member VMSYS5 { workers 2  private-volume M5PRV1 }\n")
    removed = changed_warnings(tmp_path / "removed", five, five.replace(fourth, ""))
    table = tmp_path / "site-dialect.toml"
    builtin = (DIALECT_DIR / "backup-manager-1.3.toml").read_text(encoding="utf-8")
    table.write_text(builtin.replace('value = "autov"', 'value = "sequential"'), encoding="utf-8")
    worker = prodssi.replace("member VMSYS2 {\n    workers 4\n", "member VMSYS2 {\n    workers 5\n")
    assert worker != prodssi
    moved = changed_warnings(tmp_path / "moved", prodssi, worker, "--dialect", table)
    purge = changed_warnings(tmp_path / "purge", prodssi, prodssi.replace("expire on VMSYS1 {", "expire on VMSYS2 {"))
    # Tape Manager removed (its statement, the nodes' disks, every job's `to tape`),
    # and VMSYS4 renamed VMSYS6.
    untaped = re.sub(r"  tape manager shared [^\n]*\n +catalog-dmm [^\n]*\n", "", prodssi)
    untaped = re.sub(r"  disk T[CR][TD]MM 191 [^\n]*\n", "", untaped).replace("to tape\n", "to disk\n")
    assert not re.search(r"tape manager|to tape|disk T\w+ 191", untaped), untaped
    tape = changed_warnings(tmp_path / "tape", prodssi, untaped)
    renamed = changed_warnings(tmp_path / "renamed", prodssi, prodssi.replace("VMSYS4", "VMSYS6"))
    server = changed_warnings(tmp_path / "server", prodssi, prodssi.replace("pool BKRPOOL on VMSYS1", "pool BKRPOOL on VMSYS2"))
    assert len(server) == 1
    job = changed_warnings(tmp_path / "job", prodssi, prodssi.replace("job APPSFULL {", "job APPSALL {"))
    assert len(job) == 1
    copies = changed_warnings(tmp_path / "copies", prodssi, prodssi.replace("job SYSIN {", "job SYSALL {"))
    assert len(copies) == 1
    single = changed_warnings(
        tmp_path / "single", prodssi, prodssi.replace("run on VMSYS1 daily 02:00", "run on VMSYS2 daily 02:00")
    )
    assert len(single) == 1  # stop 76, h8: job APPSFULL moved from VMSYS1 to VMSYS2
    added = changed_warnings(tmp_path / "added", prodssi, five)  # stop 76, h8: VMSYS5 added
    # stop 78, h2: and the catalog node's TMNODES.CONFIG, whose new line goes into its SYS CONFIG by hand
    assert len(added) == 2 and "VMSYS1's Tape Manager node definitions change" in added[0], added
    # stop 77, h2: the Tape Manager catalog node moved from VMSYS1 to VMSYS2
    node = changed_warnings(
        tmp_path / "node", prodssi, prodssi.replace("catalog-node TCTMM on VMSYS1", "catalog-node TCTMM on VMSYS2")
    )
    assert [line for line in node if "Tape Manager" in line] == node[1:] and len(node) == 2, node
    # stop 78, h10: moved and renamed TCTM2 at once, the move's line too
    renamed_node = changed_warnings(
        tmp_path / "renamed_node",
        prodssi,
        prodssi.replace("catalog-node TCTMM on VMSYS1", "catalog-node TCTM2 on VMSYS2").replace(
            "disk TCTMM 191", "disk TCTM2 191"
        ),
    )
    assert [line for line in renamed_node if "Tape Manager" in line] == renamed_node[1:], renamed_node
    assert len(renamed_node) == 2, renamed_node
    # stop 78, h12: the catalog node renamed TCTM2 on its own member
    in_place = changed_warnings(
        tmp_path / "in_place",
        prodssi,
        prodssi.replace("catalog-node TCTMM on VMSYS1", "catalog-node TCTM2 on VMSYS1").replace(
            "disk TCTMM 191", "disk TCTM2 191"
        ),
    )
    assert len(in_place) == 2 and "catalog node on VMSYS1 is renamed" in in_place[1], in_place
    shown = deploys_warnings()
    assert len(shown) == 15
    printed = (
        removed + moved + purge + tape + renamed + server + job + copies + single + added + node + renamed_node + in_place
    )
    assert [line for line in shown if line not in printed] == []
    # Each change's lines are shown (none of the examples left out of the check).
    for lines in (removed, moved, purge, tape, renamed, server, job, copies, single, added, node, renamed_node, in_place):
        assert any(line in shown for line in lines), lines


def test_a_member_added_after_the_others_changes_the_files_deploy_names(tmp_path):
    """deploy.md, "A member added after the others": the files bkrc creates and updates
    are the ones the page lists, so that a sysprog uploads each. It left out every
    other member's BKRSUBMT EXEC, whose list of where the jobs it lacks run (rc 28)
    gains the new member's copy of SYSIN."""
    said = " ".join(section(DEPLOY, "## Changing a deployed cluster").split())
    said = said.split("**A member added after the others.**", 1)[1].split(" - **", 1)[0]
    prodssi = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    fourth = "  member VMSYS4 { workers 2  private-volume M4PRV1 }\n"
    source, out = tmp_path / "prodssi.bkr", tmp_path / "out"
    source.write_text(prodssi, encoding="utf-8")
    run_cli(["compile", source, "-o", out], expect=0)
    source.write_text(prodssi.replace(fourth, fourth + "  member VMSYS5 { workers 2  private-volume M5PRV1 }\n"))
    plan = run_cli(["compile", source, "-o", out, "--dry-run"], expect=0).stdout
    rows = [line.split()[:2] for line in plan.splitlines() if line.split()[:1] in (["create"], ["update"], ["delete"])]
    assert not [path for action, path in rows if action == "delete"]  # no file gets another name
    created = {path for action, path in rows if action == "create"}
    assert "CHANGES.TXT" in created and "`CHANGES.TXT`, created with the warnings below as steps" in said
    created -= {"CHANGES.TXT"}
    assert created and all(p.startswith("VMSYS5/") or p.endswith("-5.DIRECT") for p in created), created
    updated = {path for action, path in rows if action == "update"} - {"manifest.json", "README.TXT"}
    assert "README.TXT" in {path for action, path in rows if action == "update"}  # the new member's section
    assert "(and `README.TXT`, which gains the member's section" in said
    members = {path for path in updated if not path.startswith("cluster/")}
    # Every EXEC names the compile of them all (docs/rexx.md, "Which compile wrote an EXEC").
    execs = {f"VMSYS{n}/{name}.EXEC" for n in range(1, 5) for name in ("BKRSUBMT", "BKRSTART")}
    assert members == execs | {"VMSYS1/BKREXPIR.EXEC", "VMSYS1/TMNODES.CONFIG"}
    assert "every other member's `BKRSUBMT.EXEC`" in said and "the catalog node's `TMNODES.CONFIG`" in said
    assert "every other member's `BKRSTART.EXEC` and `BKREXPIR.EXEC` too" in said
    # Each directory entry updated is an IDENTITY, which gains its `BUILD ON VMSYS5` line.
    for path in updated - members:
        assert re.search(r"^IDENTITY ", (out / path).read_text(encoding="utf-8"), re.MULTILINE), path
    assert "a `BUILD ON` line in each IDENTITY entry" in said


def _changing(bullet: str) -> str:
    """The text of one bullet of deploy.md's "Changing a deployed cluster", on one line."""
    said = " ".join(section(DEPLOY, "## Changing a deployed cluster").split())
    return said.split(f"**{bullet}**", 1)[1].split(" - **", 1)[0]


def test_a_hand_edit_moved_into_the_bkr_file_is_drift_no_more(tmp_path):
    """deploy.md, "A generated file edited by hand": a template's extra EXCLUDE line
    in out/ is marked and stops the compile; the `exclude` the page names, written
    in the job, compiles to the same text, and the file is then `unchanged`."""
    said = _changing("A generated file edited by hand.")
    line, statement = "EXCLUDE MINIDISK CICSPRD = 0200 - 0200", "exclude minidisk CICSPRD 0200"
    assert f"`{line}`" in said and f"`{statement}`" in said and "`(changed by hand)`" in said
    prodssi = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    source, out = tmp_path / "prodssi.bkr", tmp_path / "out"
    source.write_text(prodssi, encoding="utf-8")
    run_cli(["compile", source, "-o", out], expect=0)
    template = out / "VMSYS1" / "APPSFULL.TEMPLATE"
    template.write_text(template.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    check = run_cli(["compile", source, "-o", out, "--check", "--diff"], expect=1).stdout
    assert "VMSYS1/APPSFULL.TEMPLATE" in check and "(changed by hand)" in check and f"-{line}" in check
    run_cli(["compile", source, "-o", out], expect=2)
    moved = prodssi.replace("    include sfs BKRPOOL:CICSPRD.*\n", f"    {statement}\n    include sfs BKRPOOL:CICSPRD.*\n")
    assert moved != prodssi
    source.write_text(moved, encoding="utf-8")
    rows = [line.split() for line in run_cli(["compile", source, "-o", out, "--dry-run"], expect=0).stdout.splitlines()]
    assert ["unchanged", "VMSYS1/APPSFULL.TEMPLATE", "job-template", "VMSYS1", "APPSFULL"] in rows


def test_a_job_moved_off_a_removed_member_loses_its_excludes(tmp_path):
    """deploy.md, "A member removed": VMSYS2's own `exclude` is written into its
    single-configuration jobs only; moved to VMSYS3, LNXFULL's template has no
    such EXCLUDE line. And a member that still runs a job is BKR330's error."""
    said = _changing("A member removed.")
    assert "loses the member's own `exclude` lines" in said and "[BKR330]" in said
    prodssi = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    block = re.search(r"  member VMSYS2 \{\n.*?\n  \}\n", prodssi, re.DOTALL).group(0)
    assert "exclude minidisk LNX* 0192" in block
    source, out = tmp_path / "prodssi.bkr", tmp_path / "out"
    source.write_text(prodssi, encoding="utf-8")
    run_cli(["compile", source, "-o", out], expect=0)
    assert "EXCLUDE MINIDISK LNX* = 0192 - 0192" in (out / "VMSYS2" / "LNXFULL.TEMPLATE").read_text(encoding="utf-8")
    removed = prodssi.replace(block, "").replace("on M2PRV1", "on M3PRV1")
    source.write_text(removed, encoding="utf-8")
    assert "BKR330" in run_cli(["check", source, "--format", "short"], expect=1).stdout
    source.write_text(removed.replace("run on VMSYS2", "run on VMSYS3"), encoding="utf-8")
    run_cli(["compile", source, "-o", out], expect=0)
    assert "0192" not in (out / "VMSYS3" / "LNXFULL.TEMPLATE").read_text(encoding="utf-8")


def test_with_dirmaint_the_user_entries_to_add_are_the_compile_s(compiled):
    """deploy.md, "With DirMaint" step 2 names the USER entries to `DIRM ADD` (step 3
    the IDENTITYs): each of examples/prodssi.bkr's USER entries, and no other."""
    step = " ".join(section(DEPLOY, "### With DirMaint").split()).split("2. Add the USER entries:", 1)[1]
    step = step.split("An ID your directory already has", 1)[0]
    named = set(re.findall(r"`DIRM ADD ([A-Z0-9$#@]+)`", step)) | set(re.findall(r"`([A-Z0-9$#@]+)`", step))
    users = {path.stem for path in (compiled / "cluster").glob("*.DIRECT")
             if re.search(r"^USER ", path.read_text(encoding="utf-8"), re.MULTILINE)}
    assert len(users) >= 5 and named == users


def test_without_dirmaint_the_compile_is_given_the_directory(tmp_path):
    """deploy.md, "Without DirMaint": the `sequential` allocation starts at cylinder 1
    of each volume, where the site's own minidisks may be; the page said only that a
    volume's end is checked (BKR254), and a system programmer following it loaded
    extents over MAINT's and PMAINT's minidisks. Its compile names the directory, and
    what the page says of examples/prodssi.bkr is what bkrc does: each `disk`
    statement without `at` is BKR523's error, over MAINT's or PMAINT's, nothing written."""
    without = section(DEPLOY, "### Without DirMaint").split("\n1. Put the entries", 1)[0]
    (compile_line,) = [line for line in without.splitlines() if line.startswith("bkrc compile ")]
    assert "--dialect" in compile_line and "--directory" in compile_line
    assert "BKR523" in without
    table = tmp_path / "site-dialect.toml"
    builtin = (DIALECT_DIR / "backup-manager-1.3.toml").read_text(encoding="utf-8")
    table.write_text(builtin.replace('value = "autov"', 'value = "sequential"'), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(["compile", EXAMPLES / "prodssi.bkr", "-o", out, "--dialect", table,
                      "--directory", EXAMPLES / "prodssi.direct", "--format", "short"], expect=1)
    assert not out.exists()
    errors = [line for line in result.output.splitlines() if " error BKR" in line]
    allocated = re.findall(r"^\s*disk (?!.* at )", (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8"), re.MULTILINE)
    assert len(errors) == len(allocated) >= 5
    assert all("BKR523" in e and re.search(r"overlaps \w+ `P?MAINT`", e) for e in errors), errors


def test_the_message_of_a_dir_that_appeared_is_the_one_bkrc_prints(tmp_path, monkeypatch):
    """All or nothing: the message quoted for a DIR another program created during
    a first compile is the one a compile into `out` prints."""
    from bkrdsl import output
    from bkrdsl.emit.common import Artifact

    monkeypatch.chdir(tmp_path)
    out = Path("out")
    plan = output.make_plan(out, [Artifact("M1/F.TEMPLATE", "* f\n", "job-template", "M1")], "t.bkr")

    def appear() -> None:
        out.mkdir()
        (out / "notes.txt").write_text("mine\n")

    with pytest.raises(output.OutputError) as err:
        output.write(plan, before_check=appear)
    page = " ".join(OUTPUT.read_text(encoding="utf-8").split())
    quoted = re.search(r"`bkrc: (out appeared while .*? another folder)`", page)
    assert quoted is not None and quoted.group(1) == str(err.value)


def test_the_warning_of_a_folder_a_killed_compile_left_is_the_one_bkrc_prints(tmp_path, monkeypatch):
    """`--dry-run` and `--check`: the line quoted for a folder a killed compile left
    beside an up-to-date `out` is the one `--check` prints (its ID cut to `...`)."""
    from bkrdsl import output
    from bkrdsl.emit.common import Artifact

    monkeypatch.chdir(tmp_path)
    out = Path("out")
    arts = [Artifact("M1/F.TEMPLATE", "* f\n", "job-template", "M1")]
    output.write(output.make_plan(out, arts, "t.bkr"))
    Path(".out.bkrc-new-999999999-abcdefgh").mkdir()  # no process has that ID
    plan = output.make_plan(out, arts, "t.bkr")
    assert plan.up_to_date
    (line,) = output.leftover_warnings(plan)
    page = " ".join(OUTPUT.read_text(encoding="utf-8").split())
    quoted = re.search(r"`bkrc: (warning: a killed compile left .*? you want to keep)`", page)
    assert quoted is not None and quoted.group(1) == line.replace("999999999-abcdefgh", "4242-...")



@pytest.mark.parametrize(
    ("example", "server", "said"),
    [
        ("prodssi", "BKRSVSFS", "BKRSVSFS 0191 only"),
        ("bank", "BKRSFS", "BKRSFS 0191 and 0300 only"),
        ("minimal", "BKRSVSFS", "BKRSVSFS none"),
    ],
)
def test_the_sfs_server_s_header_names_the_minidisks_the_page_says(tmp_path, example, server, said):
    """output.md quotes the header of each example's SFS server entry (eb5e0ea): the
    minidisks the .bkr file gives it. It said "`0191 only` in the examples", which
    minimal.bkr's (none) and bank.bkr's (0191 and 0300) are not."""
    page = " ".join(OUTPUT.read_text(encoding="utf-8").split()).replace("`the .bkr file gives ", "`")
    assert f"examples/{example}.bkr" in page and f"`{said}`" in page
    out = tmp_path / "out"
    run_cli(["compile", EXAMPLES / f"{example}.bkr", "-o", out], expect=0)
    entry = (out / "cluster" / f"{server}.DIRECT").read_text(encoding="utf-8")
    header = " ".join(line[1:].strip() for line in entry.splitlines() if line.startswith("*"))
    assert f"the .bkr file gives {said}." in header


# stop 70, h9: deploy.md's "`retain` changed" names every file the plan updates
def test_retain_changed_updates_every_exec_as_the_page_says(tmp_path):
    """deploy.md, "`retain` changed": the page said "Only BKREXPIR's header
    changes", but BKREXPIR changed gives every EXEC of every member another
    compile (docs/rexx.md, "Which compile wrote an EXEC"), and the plan updates
    them all. The bullet now says so; the plan is what it says."""
    said = _changing("`retain` changed.")
    assert "Only BKREXPIR's header changes" not in said
    assert "every EXEC of every member names another compile" in said and "upload them all" in said
    prodssi = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    changed = prodssi.replace("retain 35 days", "retain 40 days")
    assert changed != prodssi
    _assert_plan_updates_every_exec(tmp_path, prodssi, changed)


def _assert_plan_updates_every_exec(tmp_path, before: str, after: str) -> Path:
    """`before` compiled, then `after` written over it: the dry run's plan updates
    every EXEC of prodssi's four members and the manifest, nothing else. The
    source's path, holding `after`."""
    source, out = tmp_path / "prodssi.bkr", tmp_path / "out"
    source.write_text(before, encoding="utf-8")
    run_cli(["compile", source, "-o", out], expect=0)
    source.write_text(after, encoding="utf-8")
    plan = run_cli(["compile", source, "-o", out, "--dry-run"], expect=0).stdout
    updated = {line.split()[1] for line in plan.splitlines() if line.split()[:1] == ["update"]}
    execs = {f"VMSYS{n}/{name}.EXEC" for n in range(1, 5) for name in ("BKRSUBMT", "BKRSTART")}
    assert updated == execs | {"VMSYS1/BKREXPIR.EXEC", "manifest.json"}, updated
    return source


def test_the_catalog_s_pool_renamed_updates_every_exec_and_warns_of_no_path(tmp_path):
    """deploy.md, "The catalog's file pool renamed": as for `retain`, every EXEC
    names the new compile and the plan updates them all (the page said "Only the
    server's member's BKRSTART changes"); and `bkrc check` says nothing of an
    `include sfs` path still in the old pool, as the page now says."""
    said = _changing("The catalog's file pool renamed")
    assert "every EXEC of every member names the new compile" in said and "checks clean" in said
    prodssi = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    renamed = prodssi.replace("pool BKRPOOL on VMSYS1", "pool BKRPL2 on VMSYS1")
    assert renamed != prodssi and "include sfs BKRPOOL:CICSPRD.*" in renamed
    source = _assert_plan_updates_every_exec(tmp_path, prodssi, renamed)
    assert run_cli(["check", source], expect=0).stdout == ""


# stop 77, h9: a compile's exit 2 beside its JSON documents, and a pipeline's deploy job;
# stop 78, h4: the exit 2 over DIR is in the document now (held until DIR is planned)
def test_a_compiles_exit_2_over_dir_is_in_its_diagnostics_document(tmp_path, monkeypatch):
    """output.md, "In a pipeline": a compile's own exit 2, found in DIR (here files
    changed by hand, and `-o` naming a file), was not in its json or sarif document
    (printed before DIR was looked at): json's `execution_successful` said true,
    sarif had no invocation. The document is held until DIR is planned: it says the
    run failed, with the `bkrc:` line, and the file changed by hand is a finding of
    its own; `--plan-format json`'s plan has it in `exit_code` and `failures` still."""
    page = " ".join(section(OUTPUT, "## In a pipeline").split())
    assert "so its own exit 2 there (files changed by hand, a `manifest.json` it cannot read" in page
    assert "is in it too, `execution_successful` false (sarif: its invocation failed)" in page
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "prodssi.bkr", tmp_path / "prodssi.bkr")
    run_cli(["compile", "prodssi.bkr", "-o", "out"], expect=0)
    with open(tmp_path / "out" / "VMSYS1" / "BKRSTART.EXEC", "a", encoding="utf-8") as edited:
        edited.write("/* mine */\n")
    as_json = run_cli(["compile", "prodssi.bkr", "-o", "out", "--format", "json"], expect=2)
    document = json.loads(as_json.stderr)
    assert document["execution_successful"] is False and "changed by hand" in document["failures"][0]
    assert [(f["check"], f["file"]) for f in document["output_folder"]] == [
        ("compile/changed-by-hand", "out/VMSYS1/BKRSTART.EXEC")
    ]
    assert "changed by hand" in as_json.stdout
    as_sarif = run_cli(["compile", "prodssi.bkr", "-o", "out", "--format", "sarif"], expect=2)
    assert json.loads(as_sarif.stderr)["runs"][0]["invocations"][0]["executionSuccessful"] is False
    into_file = ["compile", "prodssi.bkr", "-o", "prodssi.bkr", "--check", "--plan-format", "json", "--format", "json"]
    both = run_cli(into_file, expect=2)
    assert json.loads(both.stderr)["execution_successful"] is False
    assert any("exists and is not a folder" in line for line in json.loads(both.stderr)["failures"])
    plan = json.loads(both.stdout)
    assert plan["exit_code"] == 2 and any("exists and is not a folder" in line for line in plan["failures"])


def _without_lnxinc(text: str) -> str:
    changed = re.sub(r"\n  job LNXINC \{.*?\n  \}\n", "\n", text, flags=re.DOTALL)
    assert changed != text
    return changed


def test_deploying_from_the_pipeline_prints_what_the_page_shows(tmp_path, monkeypatch):
    """deploy.md, "Deploying from the pipeline": on main the compile has nothing
    to write once merge requests pass `--check`, so the deploy job plans against
    a copy of out/ as the last deploy left it. The page's jq filter (applied here
    as it reads) prints the lines the page shows for job LNXINC removed, exit 0,
    the warning names the template z/VM keeps; without a copy (a first deploy)
    every file is `create`; and a `cluster/` file carries a member, which is
    why the page selects a member's share by path."""
    text = section(DEPLOY, "### Deploying from the pipeline")
    (script,) = re.findall(r"^```sh\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    assert "bkrc compile prodssi.bkr -o last/out --dry-run --plan-format json > plan.json" in script
    assert 'select(.action != "unchanged")' in script
    assert 'select(.kind != "manifest" and .kind != "readme" and .kind != "changes")' in script
    assert '"\\(.action)\\t\\(.path)\\t\\(.kind)"' in script
    (shown,) = re.findall(r"^```text\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "prodssi.bkr"
    source.write_text((EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8"), encoding="utf-8")
    run_cli(["compile", "prodssi.bkr", "-o", "last/out"], expect=0)  # out/ as deployed
    source.write_text(_without_lnxinc(source.read_text(encoding="utf-8")), encoding="utf-8")
    command = ["compile", "prodssi.bkr", "-o", "last/out", "--dry-run", "--plan-format", "json"]
    plan = json.loads(run_cli(command, expect=0).stdout)
    printed = [
        f"{f['action']}\t{f['path']}\t{f['kind']}"
        for f in plan["files"]
        if f["action"] != "unchanged" and f["kind"] not in ("manifest", "readme", "changes")
    ]
    assert printed == shown.splitlines()
    assert any("job LNXINC's template is deleted in last/out only" in w and "erase it there once the new BKRSUBMT is in place" in w for w in plan["warnings"])
    shutil.rmtree(tmp_path / "last")
    first = json.loads(run_cli(command, expect=0).stdout)["files"]
    assert {f["action"] for f in first} == {"create"}
    assert any(f["path"].startswith("cluster/") and f["member"] == "VMSYS2" for f in first)


def test_every_key_of_the_manifest_is_named_in_its_section(compiled):
    """A deploy script reads manifest.json: each key it holds (of the top, of
    each file's entry, of `dialect` and `minidisks`) is named in backticks in
    output.md's "manifest.json" prose, not only shown in the sample; it named
    neither `format_version`, `files`, `path` nor `kind` there."""
    prose = section(OUTPUT, "## manifest.json").split("```", 2)[2]
    named = set(re.findall(r"`([a-z_0-9]+)`", prose))
    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, dict):
            found.update(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads((compiled / "manifest.json").read_text(encoding="utf-8")))
    assert "minidisks" in found and "address" in found
    assert found - named == set()


# stop 78, h15: adjacent addresses of one include are records of their own, as the pages say
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h15_78_each_address_or_range_is_a_record_of_its_own_as_the_pages_say(tmp_path, monkeypatch, parser):
    """A site coming from its own templates, whose `DB2PRD = 0300 - 0301` showed in
    deploy.md's diff beside bkrc's `0300 - 0300` and `0301 - 0301` (stop 78's migration
    walk). bkrc merges no addresses (the same selection only as the assumed record
    reads; two records merged could not be written back): the pages say so and how to
    write the one record, and the records quoted are those bkrc writes, both forms."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    source = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    records = {}
    for written_as in ("0300 0301", "0300-0301"):
        path = tmp_path / f"{written_as}.bkr"
        path.write_text(source.replace(
            "    include minidisk * 0191-01FF 0200\n",
            f"    include minidisk * 0191-01FF 0200\n    include minidisk DB2PRD {written_as}\n",
        ))
        out = tmp_path / f"out-{written_as}"
        run_cli(["compile", path, "-o", out], expect=0)
        template = (out / "VMSYS1" / "APPSFULL.TEMPLATE").read_text(encoding="utf-8")
        records[written_as] = [line for line in template.splitlines() if line.startswith("INCLUDE MINIDISK DB2PRD")]
        assert "INCLUDE MINIDISK CICSPRD = 0191 - 01FF\nINCLUDE MINIDISK CICSPRD = 0200 - 0200\n" in template
    assert records["0300 0301"][-2:] == ["INCLUDE MINIDISK DB2PRD = 0300 - 0300", "INCLUDE MINIDISK DB2PRD = 0301 - 0301"]
    assert records["0300-0301"][-1:] == ["INCLUDE MINIDISK DB2PRD = 0300 - 0301"]

    def flat(page: str) -> str:
        return " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())

    deploy = flat("deploy.md")
    assert (
        "`include minidisk DB2PRD 0300 0301` is written `DB2PRD = 0300 - 0300` and `DB2PRD = 0301 - 0301` where your"
        " template may have the one record `DB2PRD = 0300 - 0301`" in deploy
    )
    assert "`include minidisk DB2PRD 0300-0301` for the one record" in deploy
    assert "`0300 0301` gives `0300 - 0300` and `0301 - 0301`, `0300-0301` the one record `0300 - 0301`" in flat("output.md")
    compat = flat("compatibility.md")
    assert (
        "`include minidisk DB2PRD 0300 0301` is written as two records, `INCLUDE MINIDISK DB2PRD = 0300 - 0300` and"
        " `INCLUDE MINIDISK DB2PRD = 0301 - 0301`, and examples/prodssi.bkr's `include minidisk * 0191-01FF 0200` as"
        " `0191 - 01FF` and `0200 - 0200` for each user" in compat
    )


def test_h7_a_z_vm_upgrade_s_import_changes_no_file_until_a_job_backs_up_the_new_ids(tmp_path):
    """deploy.md, "z/VM upgraded to a new release": the import of the new release's
    module, beside the old one's and then in its place, changes no file but
    manifest.json, whose `sources` list the modules read; the new
    release's MAINT730 added to a group changes that group's job's template alone
    (and the manifest); `bkrc show --against` names what the module declares now."""
    said = _changing("z/VM upgraded to a new release")
    assert "rewrites manifest.json alone (it records each module read) and changes no other file until a job" in said
    assert "stdlib.md#upgrading-zvm" in said
    prodssi = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    old = prodssi.replace("import std/zvm73\n", "import std/zvm72\n").replace(
        "{ CICSPRD DB2PRD }", "{ CICSPRD DB2PRD MAINT720 }"
    )
    source, out, before = tmp_path / "prodssi.bkr", tmp_path / "out", tmp_path / "old.bkr"
    source.write_text(old, encoding="utf-8")
    before.write_text(old, encoding="utf-8")
    run_cli(["compile", source, "-o", out], expect=0)

    def changed() -> set[str]:
        plan = run_cli(["compile", source, "-o", out, "--dry-run"], expect=0).stdout
        return {line.split()[1] for line in plan.splitlines() if line.split()[:1] in (["create"], ["update"], ["delete"])}

    both = old.replace("import std/zvm72\n", "import std/zvm72\nimport std/zvm73\n")
    source.write_text(both, encoding="utf-8")
    assert changed() == {"manifest.json"}  # its `sources` name std/zvm73 now
    review = run_cli(["show", source, "--against", before], expect=0).stdout
    assert "the standard library declares now (std/zvm73, single):" in review
    step = both
    source.write_text(step.replace("MAINT720 }", "MAINT720 MAINT730 }"), encoding="utf-8")
    assert changed() == {"VMSYS1/APPSFULL.TEMPLATE", "manifest.json"}
    source.write_text(step.replace("import std/zvm72\n", "").replace("MAINT720 }", "MAINT720 MAINT730 }"))
    assert changed() == {"VMSYS1/APPSFULL.TEMPLATE", "manifest.json"}


# stop 82, h7: deploy.md's grep of the compiles, typed after the page's own compile
def test_deploys_grep_of_the_compiles_prints_one_line_and_the_page_says_whose(compiled, monkeypatch):
    """deploy.md, "3. The EXECs": `grep -h '^/\\* Compile ' out/*/*.EXEC | sort | uniq -c`
    "prints one line, with the count of EXECs" for the page's `bkrc compile
    examples/prodssi.bkr -o out`. The page's compile, 1E2D5B7A, is not that
    folder's (the hash changes with any EXEC's text): the page says so, and that
    `( VERSION` names the compile the grep printed, not the page's."""
    said = " ".join(section(DEPLOY, "## 3. The EXECs").split("\n### ", 1)[0].split())
    (command,) = re.findall(r"^grep [^\n]*$", section(DEPLOY, "## 3. The EXECs"), re.MULTILINE)
    monkeypatch.chdir(compiled.parent)
    printed = subprocess.run(command, shell=True, capture_output=True, text=True, check=True).stdout
    execs = sorted(compiled.glob("*/*.EXEC"))
    ((count, line),) = re.findall(r"^ *(\d+) (.*)$", printed, re.MULTILINE)
    assert int(count) == len(execs) and "prints one line, with the count of EXECs" in said
    (real,) = re.findall(r"^/\* Compile ([0-9A-F]{8}):", line)
    (shown,) = set(re.findall(r"`compile ([0-9A-F]{8}) of cluster PRODSSI, for member VMSYS1\.`", said))
    if shown != real:
        assert f"this page writes {shown} for it" in said and "expect your own" in said
        assert "with the compile the `grep` printed" in said


def test_deploys_sequential_steps_typed_with_the_examples_stop_at_bkr523(tmp_path, monkeypatch):
    """deploy.md, "Without DirMaint": its three commands typed in order, the table
    edited as its comment says, and the compile given the page's example in place
    of the site's file and directory, as its comment says: the copy changes one
    entry, and the compile stops at BKR523 (exit 1, nothing written). The compile
    line named `prodssi.bkr` and `USER.DIRECT`, files no clone holds, unsaid."""
    block = section(DEPLOY, "## 2. Directory entries").split("### Without DirMaint\n", 1)[1]
    (commands,) = re.findall(r"^```sh\n(bkrc dialect > .*?)^```", block, re.MULTILINE | re.DOTALL)
    lines = [line for line in commands.splitlines() if line.startswith("bkrc ")]
    comment = " ".join(line.lstrip("# ") for line in commands.splitlines() if line.startswith("#"))
    assert "examples/prodssi.bkr with examples/prodssi.direct stops at BKR523" in comment
    assert 'then, in it, under [entries.disk_allocation]: value = "sequential"' in lines[0]
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    assert lines[0].split("#")[0].split() == ["bkrc", "dialect", ">", "site-dialect.toml"]
    table = run_cli(["dialect"], expect=0).stdout
    entry = table.index("[entries.disk_allocation]\n")
    table = table[:entry] + table[entry:].replace('value = "autov"', 'value = "sequential"', 1)
    (tmp_path / "site-dialect.toml").write_text(table, encoding="utf-8")
    changes = run_cli(lines[1].split("#")[0].split()[1:], expect=0).stdout
    assert 'entry disk_allocation: value "autov" -> "sequential"' in changes
    compile_line = lines[2].replace("prodssi.bkr", "examples/prodssi.bkr")
    compile_line = compile_line.replace("USER.DIRECT", "examples/prodssi.direct")
    result = run_cli([*compile_line.split()[1:], "--format", "short"], expect=1)
    codes = set(re.findall(r" error (BKR\d+):", result.output))
    assert codes == {"BKR523"} and not (tmp_path / "out").exists()


def test_a_roll_back_compile_writes_the_previous_folder_again_as_deploy_says(tmp_path):
    """deploy.md, "Rolling back": the previous `.bkr` file compiled into the same
    `out/` "writes the previous folder again, byte for byte, the same compile
    included", but for CHANGES.TXT and its entry in manifest.json (the page named
    CHANGES.TXT alone: manifest.json differed too, unsaid); and the job renamed
    back, APPSALL to APPSFULL, is shown as a rename."""
    said = " ".join(section(DEPLOY, "## Rolling back").split())
    assert "(but for `CHANGES.TXT`" in said and "and its entry in `manifest.json`" in said
    assert "(a job renamed back, `APPSALL` to `APPSFULL`, is shown as a rename)" in said
    prodssi = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    source, out, previous = tmp_path / "prodssi.bkr", tmp_path / "out", tmp_path / "previous"
    source.write_text(prodssi, encoding="utf-8")
    run_cli(["compile", source, "-o", out], expect=0)
    shutil.copytree(out, previous)
    source.write_text(prodssi.replace("job APPSFULL {", "job APPSALL {"), encoding="utf-8")
    run_cli(["compile", source, "-o", out], expect=0)
    source.write_text(prodssi, encoding="utf-8")
    back = run_cli(["compile", source, "-o", out], expect=0).stderr
    assert "bkrc: warning: job APPSALL is renamed APPSFULL on VMSYS1" in back

    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    now, before = files(out), files(previous)
    assert set(now) - set(before) == {"CHANGES.TXT"} and set(before) <= set(now)
    assert [name for name in before if now[name] != before[name]] == ["manifest.json"]
    entries = json.loads(now["manifest.json"])
    entries["files"] = [f for f in entries["files"] if f["path"] != "CHANGES.TXT"]
    assert entries == json.loads(before["manifest.json"])
