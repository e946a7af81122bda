"""CHANGES.TXT: the change warnings a compile says once, kept in the folder.

Stop 80, h5: `bkrc compile` says what a change needs on z/VM beyond the upload
(the purge moved, a member renamed, a Tape Manager node moved) after the plan,
from the difference between the folder and the new files; a second compile into
the same folder found the new files there, said `is up to date` and nothing
else, and the folder held nothing of what the first had said (README.TXT's
Expiry section alone, as a condition). Now the compile that gives such warnings
writes them into CHANGES.TXT as numbered steps, and every later compile keeps
the file as it finds it (adding its own below) until the sysprog erases it
(docs/output.md, "CHANGES.TXT")."""

from __future__ import annotations

import json
import re

import pytest
from conftest import EXAMPLES, run_cli
from test_compile_cli import GOOD, TAPE, _warnings, source

from bkrdsl.emit.cms import path_violations
from bkrdsl.generated import INVARIANT

CHANGES = "CHANGES.TXT"

#: Each change of prodssi.bkr the task walks through: the .bkr text changed.
WALKS = {
    "purge moved": lambda text: text.replace("expire on VMSYS1 {", "expire on VMSYS2 {"),
    "member renamed": lambda text: text.replace("VMSYS4", "VMSYS6"),
    "tape node moved": lambda text: text.replace("catalog-node TCTMM on VMSYS1", "catalog-node TCTMM on VMSYS2"),
}


def _steps(text: str) -> list[str]:
    """The numbered steps of CHANGES.TXT's sections, each unfolded to one line."""
    steps: list[str] = []
    for line in text.splitlines():
        if re.match(r"\d+\. ", line):
            steps.append(line.split(". ", 1)[1])
        elif line.startswith("   ") and steps:
            steps[-1] += " " + line.strip()
    return steps


def _as_kept(warning: str, out) -> str:
    """A terminal warning as CHANGES.TXT words it: without its `bkrc: warning: `,
    the folder named `this folder`, a backquote as `"`."""
    return warning.removeprefix("bkrc: warning: ").replace(str(out), "this folder").replace("`", '"')


def _manifest_paths(out) -> list[str]:
    return [f["path"] for f in json.loads((out / "manifest.json").read_text())["files"]]


@pytest.mark.parametrize("change", list(WALKS))
def test_prodssi_s_change_warnings_survive_a_second_compile(tmp_path, change):
    """prodssi.bkr through a purge move, a member rename and a tape node move,
    each compiled twice into the same folder: the second compile said `is up
    to date` and the first one's warnings were nowhere. They are CHANGES.TXT's
    steps, word for word (the folder named `this folder`), which the second
    compile keeps byte for byte and says it keeps; `--check` finds the folder
    up to date."""
    text = (EXAMPLES / "prodssi.bkr").read_text()
    src, out = source(tmp_path, text, "prodssi.bkr"), tmp_path / "out"
    run_cli(["compile", src, "-o", out, "-I", EXAMPLES], expect=0)
    assert not (out / CHANGES).exists()  # a first compile changes nothing deployed
    source(tmp_path, WALKS[change](text), "prodssi.bkr")
    first = run_cli(["compile", src, "-o", out, "-I", EXAMPLES], expect=0)
    warned = _warnings(first.stderr)
    assert warned, first.stderr
    kept = (out / CHANGES).read_text()
    assert [" ".join(s.split()) for s in _steps(kept)] == [" ".join(_as_kept(w, out).split()) for w in warned]
    assert CHANGES in _manifest_paths(out)
    manifest = json.loads((out / "manifest.json").read_text())
    (entry,) = [f for f in manifest["files"] if f["path"] == CHANGES]
    assert entry["kind"] == "changes" and entry["goes_to"].startswith("nowhere: it stays off the host")
    compiles = re.findall(r"^Compile (\S+) to compile (\S+), from prodssi\.bkr$", kept, re.MULTILINE)
    assert len(compiles) == 1 and compiles[0][1] == manifest["compile"], kept
    assert max(map(len, kept.splitlines())) <= 72 and set(kept) <= INVARIANT | {"\n"}, kept
    assert path_violations(CHANGES) == []

    second = run_cli(["compile", src, "-o", out, "-I", EXAMPLES], expect=0)
    assert _warnings(second.stderr) == []  # the warnings are said once, as before
    assert second.stdout == (
        f"bkrc: {out} is up to date\n"
        f"bkrc: CHANGES.TXT in {out} still lists the steps on z/VM of 1 earlier compile, said once by the"
        " compile that made each change: do them in its order, then erase it\n"
    )
    assert (out / CHANGES).read_text() == kept
    run_cli(["compile", src, "-o", out, "-I", EXAMPLES, "--check"], expect=0)


def test_a_later_change_adds_its_steps_below_and_keeps_the_sysprog_s_notes(tmp_path):
    """Two changes compiled before either is deployed: the purge moved, then the
    catalog server with it. The second compile's section goes below the first's
    (the order to do them in); a note the sysprog wrote into the file is no
    drift, and is kept."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("expire on DEV1 {", "expire on DEV2 {"))
    run_cli(["compile", src, "-o", out], expect=0)
    with (out / CHANGES).open("a") as f:
        f.write("DONE on DEV1 (step 1), 7 Dec\n")
    source(tmp_path, GOOD.replace("expire on DEV1 {", "expire on DEV2 {").replace("BKRPOOL on DEV1", "BKRPOOL on DEV2"))
    result = run_cli(["compile", src, "-o", out], expect=0)
    (moved,) = _warnings(result.stderr)
    assert moved.startswith("bkrc: warning: the catalog's SFS server BKRSVSFS (file pool BKRPOOL) moves from DEV1 to DEV2")
    kept = (out / CHANGES).read_text()
    sections = re.findall(r"^Compile \S+ to compile \S+, from dev\.bkr$", kept, re.MULTILINE)
    assert len(sections) == 2, kept
    assert kept.index("the purge moves from DEV1 to DEV2") < kept.index("DONE on DEV1 (step 1), 7 Dec\n") \
        < kept.index(sections[1]) < kept.index("the catalog's SFS server BKRSVSFS")
    assert _steps(kept)[-1].startswith("the catalog's SFS server BKRSVSFS (file pool BKRPOOL) moves")


def test_erased_it_is_gone_until_a_change_says_something_again(tmp_path):
    """The sysprog erases CHANGES.TXT once the steps are done: the next compile
    records it gone (the manifest no longer lists it) and says nothing of it; a
    change without warnings (a schedule) writes none."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("expire on DEV1 {", "expire on DEV2 {"))
    run_cli(["compile", src, "-o", out], expect=0)
    (out / CHANGES).unlink()
    result = run_cli(["compile", src, "-o", out], expect=0)
    assert "CHANGES.TXT" not in result.stdout and CHANGES not in _manifest_paths(out)
    source(tmp_path, GOOD.replace("expire on DEV1 {", "expire on DEV2 {").replace("daily 01:00", "daily 01:30"))
    assert "still lists" not in run_cli(["compile", src, "-o", out], expect=0).stdout
    assert not (out / CHANGES).exists()


def test_a_changes_txt_of_the_sysprog_s_own_is_not_written_over(tmp_path):
    """A CHANGES.TXT the manifest does not list is the sysprog's: the compile
    that would write one stops, as for any file bkrc did not write."""
    src, out = source(tmp_path, TAPE), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    (out / CHANGES).write_text("my own\n")
    source(tmp_path, TAPE.replace("catalog-node TCTMM on DEV1", "catalog-node TCTMM on DEV2"))
    result = run_cli(["compile", src, "-o", out], expect=2)
    assert "not written by bkrc" in result.stderr and (out / CHANGES).read_text() == "my own\n"
    run_cli(["compile", src, "-o", out, "--force"], expect=0)
    assert "the Tape Manager catalog node TCTMM moves from DEV1 to DEV2" in (out / CHANGES).read_text()


def test_dry_run_and_check_show_it_and_write_nothing(tmp_path):
    """--dry-run and --check plan CHANGES.TXT as any file (`create`), and write nothing."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, GOOD.replace("expire on DEV1 {", "expire on DEV2 {"))
    plan = run_cli(["compile", src, "-o", out, "--dry-run"], expect=0).stdout
    assert re.search(r"^create +CHANGES\.TXT +changes ", plan, re.MULTILINE), plan
    assert "CHANGES.TXT" in run_cli(["compile", src, "-o", out, "--check"], expect=1).stdout
    assert not (out / CHANGES).exists()


def _compiled_twice(tmp_path, change):
    """prodssi.bkr compiled into `old`, and changed, twice into `out`: both folders."""
    text = (EXAMPLES / "prodssi.bkr").read_text()
    tmp_path.mkdir()
    old, out = tmp_path / "old", tmp_path / "out"
    src = source(tmp_path, text, "prodssi.bkr")
    run_cli(["compile", src, "-o", old], expect=0)
    run_cli(["compile", src, "-o", out], expect=0)
    source(tmp_path, WALKS[change](text), "prodssi.bkr")
    run_cli(["compile", src, "-o", out], expect=0)
    run_cli(["compile", src, "-o", out], expect=0)
    return old, out


@pytest.mark.regina
def test_the_walk_s_execs_under_the_stand_in_do_what_the_kept_steps_say(cms, tmp_path):
    """The EXECs of each change, run under Regina with the CMS/CP stand-in, after
    the second compile: what CHANGES.TXT's steps guard against is what they do.
    The purge moved: VMSYS1's old BKREXPIR still sends EXPIRE there (step:
    stop its caller, erase it and its record), VMSYS2's new one sends it on
    VMSYS2 and refuses VMSYS1 (rc 40). The member renamed: VMSYS4's old
    BKRSUBMT refuses to run on VMSYS6, no member its compile lists (rc 52 since
    stop 81, saying that a later compile has its own), VMSYS6's submits its copy,
    SYSIN4. The tape node moved: VMSYS2's new BKRSTART stops at TCTMM while it
    runs at VMSYS1 (rc 36: log it off there first), and starts it once it is off."""
    def run(folder, member, name, operands, on, **kw):
        return cms.run((folder / member / f"{name}.EXEC").read_text(), operands, member=on, **kw)

    old, out = _compiled_twice(tmp_path / "purge", "purge moved")
    assert "VMSYS1's BKREXPIR EXEC" in (out / CHANGES).read_text()
    assert not (out / "VMSYS1" / "BKREXPIR.EXEC").exists()
    still = run(old, "VMSYS1", "BKREXPIR", "PREVIEW", "VMSYS1", logged_on=["BKRCATLG"])
    assert (still.rc, still.commands) == (0, ["CP QUERY USERID", "CP SMSG BKRCATLG EXPIRE (PREVIEW"]), still
    new = run(out, "VMSYS2", "BKREXPIR", "PREVIEW", "VMSYS2", logged_on=["BKRCATLG"])
    assert (new.rc, new.commands) == (0, ["CP QUERY USERID", "CP SMSG BKRCATLG EXPIRE (PREVIEW"]), new
    assert run(out, "VMSYS2", "BKREXPIR", "PREVIEW", "VMSYS1", logged_on=["BKRCATLG"]).rc == 40

    old, out = _compiled_twice(tmp_path / "rename", "member renamed")
    assert "change \"BUILD ON VMSYS4\" to \"BUILD ON VMSYS6\"" in " ".join((out / CHANGES).read_text().split())
    refused = run(old, "VMSYS4", "BKRSUBMT", "JOB SYSIN4", "VMSYS6", logged_on=["BKRBKUP"])
    assert (refused.rc, refused.commands) == (52, ["CP QUERY USERID"]), refused
    assert "if it was added since, install the one a later compile wrote for it;" in " ".join(
        line.removeprefix("BKRSUBMT:").strip() for line in refused.stdout.splitlines()), refused
    sent = run(out, "VMSYS6", "BKRSUBMT", "JOB SYSIN4", "VMSYS6", logged_on=["BKRBKUP"])
    assert (sent.rc, sent.commands) == (0, ["CP QUERY USERID", "CP SMSG BKRBKUP SUBMIT SYSIN4"]), sent

    old, out = _compiled_twice(tmp_path / "tape", "tape node moved")
    assert "log TCTMM off on VMSYS1" in " ".join((out / CHANGES).read_text().split())
    there = run(out, "VMSYS2", "BKRSTART", "", "VMSYS2", elsewhere=["BKRSVSFS", "TCTMM"], at={"TCTMM": "VMSYS1"})
    assert there.rc == 36 and there.commands[-2:] == ["CP QUERY USER TCTMM", "CP QUERY USER TCTMM AT ALL"], there
    assert "CP AT VMSYS1 CMD FORCE TCTMM" in there.stdout, there  # where the steps say it runs
    off = run(out, "VMSYS2", "BKRSTART", "", "VMSYS2", elsewhere=["BKRSVSFS"])
    assert off.rc == 0 and off.commands[-2:] == ["CP QUERY USER TCTMM", "CP XAUTOLOG TCTMM"], off


def test_a_folder_named_changes_txt_is_refused_up_front(tmp_path):
    """A folder where CHANGES.TXT goes: the compile stopped half-way with `cannot
    write: File exists`; it is now refused before anything is written, named as
    any obstacle is (a folder where bkrc writes a file), in --dry-run too."""
    src, out = source(tmp_path), tmp_path / "out"
    run_cli(["compile", src, "-o", out], expect=0)
    (out / CHANGES).mkdir()
    source(tmp_path, GOOD.replace("expire on DEV1 {", "expire on DEV2 {"))
    for extra in ([], ["--dry-run"]):
        result = run_cli(["compile", src, "-o", out, *extra], expect=2)
        assert f"bkrc: {out}/CHANGES.TXT is a folder, where bkrc writes a file" in result.stderr, result.stderr
    assert (out / CHANGES).is_dir() and (out / "DEV1" / "BKREXPIR.EXEC").exists()
