"""A teacher's reading of the helps (stop 80): a slip made in a copy of an example,
`bkrc check` run end to end as a sysprog runs it, its help read and followed
literally (or `bkrc check --fix` where a fix is offered), and the file checked
again: clean, or the error the help said would stay. Each under both parsers."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES, run_cli

PRODSSI = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")


@pytest.fixture(params=["fast", "lark"])
def parser(request, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", request.param)
    return request.param


def slipped(tmp_path, old: str, new: str, base: str = PRODSSI):
    assert base.count(old) == 1, old
    path = tmp_path / "slip.bkr"
    path.write_text(base.replace(old, new), encoding="utf-8")
    return path


def said(path, expect: int = 1, *extra) -> str:
    return run_cli(["check", path, "--color", "never", *extra], expect=expect).output


def codes(out: str) -> list[str]:
    return re.findall(r"^(?:error|warning)\[(BKR\d+)\]", out, re.MULTILINE)


def help_of(out: str) -> str:
    """The help lines of the one diagnostic in `out`, joined."""
    (first,) = re.findall(r"^\s*= help: (.*(?:\n {12}\S.*)*)", out, re.MULTILINE)
    return " ".join(line.strip() for line in first.splitlines())


def follow(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_bkr411_s_help_moves_the_other_job_of_a_full_and_incremental_pair(tmp_path, parser):
    """LNXINC moved to VMSYS1 while LNXFULL backs LINUX up on VMSYS2: BKR411. Its help's
    second way out was "back up `LINUX` in one of the two jobs only", which for a full
    job and its incremental loses the fulls or the incrementals (BKR417's pair); it is
    now the other job moved, and both ways check clean."""
    path = slipped(tmp_path, "run on VMSYS2 daily 23:30", "run on VMSYS1 daily 23:30")
    out = said(path)
    assert codes(out) == ["BKR411"]
    assert help_of(out) == (
        "back each single-configuration user up from one member: run LNXINC on `VMSYS2`, like LNXFULL,"
        " or run LNXFULL on `VMSYS1`, like LNXINC"
    )
    follow(path, "run on VMSYS2 weekly sat 22:00", "run on VMSYS1 weekly sat 22:00")
    assert said(path, 0) == ""
    path = slipped(tmp_path, "run on VMSYS2 daily 23:30", "run on VMSYS1 daily 23:30")
    follow(path, "run on VMSYS1 daily 23:30", "run on VMSYS2 daily 23:30")
    assert said(path, 0) == ""


def test_bkr411_two_jobs_of_one_level_keep_the_group_in_one_of_them(tmp_path, parser):
    """Two full jobs of LINUX from two members, each backing up LINUX alone: the help
    said "or back up `LINUX` in one of the two jobs only", which left the other job no
    `backup` (BKR112); since stop 81 the other job moves (deleting one could lose the
    disks it alone selects). Where a job backs up other groups too, LINUX is taken
    out of it by name."""
    path = slipped(tmp_path, "backup LINUX incremental", "backup LINUX full")
    follow(path, "run on VMSYS2 daily 23:30", "run on VMSYS1 daily 23:30")
    out = said(path)
    assert codes(out) == ["BKR411"]
    assert "or run LNXFULL on `VMSYS1`, like LNXINC" in out
    follow(path, "    backup LINUX full\n    include minidisk * 0191\n", "    backup LINUX, APPS full\n    include minidisk * 0191\n")
    out = said(path)
    assert "BKR411" in codes(out)
    assert "or back up `LINUX` in LNXFULL only: take it out of LNXINC's `backup` (line 62)" in " ".join(out.split())


NET_JOB = (
    "  single group APPS { CICSPRD DB2PRD }\n  single group NET { TCPIP }\n"
    "  job NETFULL { backup NET full  include minidisk * 0191  to disk pool BKUPPOOL  run on VMSYS1 daily 04:00 }"
)


def test_bkr203_of_a_group_s_only_user_names_the_group_s_kind(tmp_path, parser):
    """TCPIP (std/zvm-common's IDENTITY) listed as the only user of `single group NET`,
    whose job NETFULL runs on VMSYS1. BKR203's help said "take it out of group NET":
    followed, the group is empty and NETFULL backs up nothing (BKR116), TCPIP no longer
    either. It now says to write the group's kind the other way; followed, BKR221's fix
    (`run on each member`, TCPIP being z/VM's own) ends with no error."""
    path = slipped(tmp_path, "  single group APPS { CICSPRD DB2PRD }", NET_JOB)
    follow(path, "SYSIDS { TCPIP FTPSERVE }", "SYSIDS { FTPSERVE }")
    out = said(path)
    assert codes(out) == ["BKR203"]
    assert help_of(out).startswith(
        "if TCPIP is identity in the CP directory, write `identity group NET` for `single group NET` (line 46),"
        " its only user; if single, import copies of `std/zvm73`"
    )
    follow(path, "single group NET {", "identity group NET {")
    out = said(path)
    assert codes(out) == ["BKR221"]
    run_cli(["check", "--fix", path], expect=0)
    assert "run on each member daily 04:00" in path.read_text(encoding="utf-8")
    assert set(codes(said(path, 0))) <= {"BKR227"}  # NETFULL's per-member names, a warning of their own


def test_bkr203_takes_the_user_out_of_a_group_where_another_group_lists_it_as_its_kind(tmp_path, parser):
    """TCPIP in SYSIDS (identity) too: SYSIDS backs it up as an IDENTITY already, so the
    help still takes it out of NET, as before."""
    path = slipped(tmp_path, "  single group APPS { CICSPRD DB2PRD }", NET_JOB)
    out = said(path)
    assert codes(out) == ["BKR203"]
    assert help_of(out).startswith("if TCPIP is identity in the CP directory, take it out of group NET (line 46);")


# The Fix paragraph of each of the ten pages walked at stop 80, applied in words to its
# failing example (docs/rules/BKRnnn.md, `bkrc explain`): (code, words of its Fix
# paragraph, the text replaced, its replacement, the codes the fixed file may still give). The failing examples themselves
# give their code (tests/test_explain_examples.py, tests/test_docs_bkr_blocks.py); the
# words after "Fix:" are read here.
_SPLIT = (
    "  job GUESTFUL {\n    backup GUESTS full\n    include minidisk * *\n    to disk pool BKUPPOOL\n"
    "    run on VMSYS1 daily 02:00\n  }\n  job SYSFU {\n    backup SYSIDS full\n    include minidisk * *\n"
    "    to disk pool BKUPPOOL\n    run on each member daily 03:30\n  }\n}\n"
)
PAGE_FIXES = [
    ("BKR201", "delete the site's declaration", "single user BKRBKUP            # but the site says single\n", "", set()),
    ("BKR202", "`single user BKRSVSFS`", "identity user BKRSVSFS", "single user BKRSVSFS", set()),
    ("BKR203", "write `identity group NETWORK` for `single group NETWORK`", "single group NETWORK { TCPIP }",
     "identity group NETWORK { TCPIP }", set()),
    ("BKR210", "`expire on VMSYS1 { purge weekly sun 03:00 retain 35 days }`", "  # no `expire` block\n",
     "  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }\n", set()),
    ("BKR220", "`run on VMSYS1 daily 02:00`", "run on each member daily 02:00   # <- BKR220", "run on VMSYS1 daily 02:00",
     set()),
    ("BKR222", "run on each member daily 03:30 }`", None, _SPLIT, set()),
    ("BKR313", "`run on VMSYS1 daily 00:00`", "daily 24:00   # <- BKR313", "daily 00:00", set()),
    ("BKR116", "`include minidisk * *`", "  job NIGHTLY {   # <- BKR116\n", "  job NIGHTLY {\n    include minidisk * *\n",
     set()),
    ("BKR406", "add LINUX03 to GUESTS", "GUESTS { LINUX01 LINUX02 }", "GUESTS { LINUX01 LINUX02 LINUX03 }", set()),
    ("BKR411", "`run on VMSYS1 daily 01:00` in GUESTINC", "run on VMSYS2 daily 01:00", "run on VMSYS1 daily 01:00",
     {"BKR401"}),
]


@pytest.mark.parametrize(("code", "words", "old", "new", "left"), PAGE_FIXES, ids=[f[0] for f in PAGE_FIXES])
def test_a_page_s_fix_in_words_applied_to_its_failing_example_checks_clean(code, words, old, new, left, tmp_path, parser):
    from bkrdsl.diagnostics.registry import examples, load_all

    entry = load_all()[code]
    assert words in " ".join(entry.explanation.split("Fix:", 1)[1].split()), "the page's Fix no longer says it"
    (failing,) = [e for e in examples(entry) if e.expect]
    text = failing.text
    if old is None:  # the job to split, and all after it
        text = text[: text.index("  job NIGHTLY {")] + new
    else:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / f"{code}.bkr"
    path.write_text(text, encoding="utf-8")
    out = run_cli(["check", path, "--color", "never"]).output
    assert set(codes(out)) == left, out


def test_bkr406_s_help_deletes_an_include_the_jobs_of_its_owner_select_already(tmp_path, parser):
    """`include minidisk TCPIP 0191` in LNXINC, the Linux guests' job: BKR406 said "move the
    line to job `SYSIN` or `SYSME`, which back TCPIP up"; followed, SYSIN held it beside its
    `include minidisk * 0191`, a second record of the same minidisk, which nothing reports.
    Where every such job selects the addresses already, the help now says to delete the
    line, which leaves the file clean; an address they do not select is still moved, and
    the one include of a job (BKR116) keeps the help that names where its owner belongs."""
    include = "    include minidisk * 0191\n    to disk pool BKUPPOOL\n"
    path = slipped(tmp_path, include, include.replace("\n", "\n    include minidisk TCPIP 0191\n", 1))
    out = said(path, 0)
    assert codes(out) == ["BKR406"]
    assert help_of(out) == "delete the line: jobs `SYSIN` and `SYSME` select TCPIP's 0191 already"
    follow(path, "    include minidisk TCPIP 0191\n", "")
    assert said(path, 0) == ""
    path = slipped(tmp_path, include, include.replace("\n", "\n    include minidisk TCPIP 0200\n", 1))
    assert help_of(said(path, 0)) == "move the line to job `SYSIN` or `SYSME`, which back TCPIP up"
    path = slipped(tmp_path, include, include.replace("minidisk *", "minidisk TCPIP", 1))
    out = said(path)
    assert codes(out) == ["BKR116"]
    assert help_of(out) == "move the line to job `SYSIN` or `SYSME`, which back TCPIP up"


# --- stop 81: the next codes walked (BKR218 with nothing purging, BKR332 without a
# catalog, BKR234), each help followed as it reads, its DAY and HH:MM written as a
# site would write them.


def test_bkr218_with_nothing_purging_writes_the_purge_on_the_catalog_s_member(tmp_path, parser):
    """prodssi's expire block moved to VMSYS2 and its purge lost: BKR218 at the preview.
    Its help said "add `purge weekly DAY HH:MM` to this block", and did not say that DAY
    and HH:MM are to be written (copied, a syntax error); written, VMSYS2 purged a catalog
    whose server runs on VMSYS1 (BKR215). It now moves the block to the server's member,
    as BKR210's does, and says to write the day and time."""
    path = slipped(
        tmp_path, "  expire on VMSYS1 {\n    preview daily 01:00\n    purge weekly sun 03:00\n",
        "  expire on VMSYS2 {\n    preview daily 01:00\n",
    )
    out = said(path)
    assert codes(out) == ["BKR218"]
    assert help_of(out) == (
        "write `expire on VMSYS1` for `expire on VMSYS2` (line 21) and add `purge weekly DAY HH:MM` to the block"
        " (`VMSYS1` runs the catalog's SFS server); write for DAY and HH:MM the day and time to purge"
    )
    follow(path, "expire on VMSYS2 {", "expire on VMSYS1 {")
    follow(path, "    preview daily 01:00\n", "    preview daily 01:00\n    purge weekly sun 03:00\n")
    assert said(path, 0) == ""


def _bkr218_example() -> str:
    from bkrdsl.diagnostics.registry import examples, load_all

    (failing,) = [e for e in examples(load_all()["BKR218"]) if e.expect]
    return failing.text


def test_bkr218_of_a_local_catalog_with_nothing_purging_purges_each_member(tmp_path, parser):
    """A catalog on each member, one block previewing on VMSYS2 and none purging. The help
    put the purge in that block: VMSYS1's catalog was then never purged (BKR214). It now
    adds the purge on each member."""
    text = _bkr218_example().replace("catalog shared", "catalog local").replace(" on VMSYS1\n", "\n", 1)
    path = slipped(tmp_path, "  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }\n", "", text)
    out = said(path)
    assert codes(out) == ["BKR218"]
    assert help_of(out) == (
        "add `expire on each member { purge weekly DAY HH:MM }` to the cluster block (each member purges its own"
        " catalog); write for DAY and HH:MM the day and time to purge"
    )
    follow(path, "  identity group", "  expire on each member { purge weekly sun 03:00 }\n  identity group")
    assert said(path, 0) == ""


def test_bkr218_beside_a_shared_catalog_purged_twice_previews_where_bkr211_keeps_the_purge(tmp_path, parser):
    """A shared catalog purged on VMSYS1 and VMSYS2 (BKR211), previewed on VMSYS3: BKR218's
    help read "each member with its own catalog purges it: purge on `VMSYS3` too, e.g.
    `expire on each member { purge weekly sun 03:00 }`", a local catalog's words and a
    third and fourth purge. It now moves the preview to VMSYS1, which BKR211 keeps."""
    text = _bkr218_example().replace(
        "  member VMSYS2 { workers 2 }\n", "  member VMSYS2 { workers 2 }\n  member VMSYS3 { workers 2 }\n"
    )
    path = slipped(
        tmp_path, "  expire on VMSYS2 { preview daily 01:00 }   # <- BKR218\n",
        "  expire on VMSYS2 { purge weekly sun 04:00 }\n  expire on VMSYS3 { preview daily 01:00 }\n", text,
    )
    out = said(path)
    assert codes(out) == ["BKR211", "BKR218"]
    assert "remove the block `expire on VMSYS2` (line 8)" in out
    assert (
        "move `preview daily 01:00` into the `expire on VMSYS1` block (line 7), and remove the `expire on VMSYS3`"
        " block (line 9), left empty;" in " ".join(out.split())
    )
    follow(path, "  expire on VMSYS2 { purge weekly sun 04:00 }\n", "")
    follow(path, "  expire on VMSYS3 { preview daily 01:00 }\n", "")
    follow(path, "expire on VMSYS1 { purge", "expire on VMSYS1 { preview daily 01:00  purge")
    assert said(path, 0) == ""


def test_bkr332_of_the_sfs_server_s_disk_without_a_catalog_writes_the_statement_whole(tmp_path, parser):
    """prodssi's `catalog` statement deleted: BKRSVSFS's `disk` is BKR332's, whose help
    said to name the server in `catalog shared server BKRSVSFS pool NAME`; copied as it
    read, the file checked clean with a catalog in a file pool called NAME. It now
    writes IBM's sample pool and says it is one."""
    path = slipped(tmp_path, "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n", "")
    out = said(path)
    assert codes(out) == ["BKR332"]
    assert help_of(out).startswith(
        "add `catalog shared server BKRSVSFS pool BKRPOOL` to the cluster block, which writes the server's directory"
        " entry (BKRPOOL is IBM's sample name for the catalog's file pool: write your own if it differs)"
    )
    follow(path, "  expire on VMSYS1 {", "  catalog shared server BKRSVSFS pool BKRPOOL\n  expire on VMSYS1 {")
    assert said(path, 0) == ""


def test_bkr234_writes_the_tape_machine_s_option_on_a_name_of_its_own(tmp_path, parser):
    """prodssi's request node named BKRCATLG, the catalog server's ID: BKR234's help said
    "give the Tape Manager machine its own name (IBM's example: TCTMM, TRTMM)", which
    option and which name left to guess (TCTMM is the catalog node's). It now writes the
    option on the ID prodssi's `disk TRTMM 191` gives that machine."""
    path = slipped(tmp_path, "request-node TRTMM", "request-node BKRCATLG")
    out = said(path)
    assert codes(out)[0] == "BKR234"
    assert "= help: give the Tape Manager machine its own name: write `request-node TRTMM` for" in out
    follow(path, "request-node BKRCATLG", "request-node TRTMM")
    assert said(path, 0) == ""


def test_bkr242_of_a_subconfig_declared_as_a_user_deletes_the_declaration(tmp_path, parser):
    """`single user BKRCLG-1`, BKRCATLG's SUBCONFIG on member 1 copied out of the CP
    directory: BKR242's help said "rename the user", to no name. It now deletes the
    declaration, or takes the ID out of the group that lists it (prodssi's APPS here)."""
    path = slipped(tmp_path, "APPS { CICSPRD DB2PRD }", "APPS { CICSPRD DB2PRD BKRBUP-2 }")
    out = said(path)
    assert codes(out) == ["BKR242"]
    assert help_of(out).startswith("take `BKRBUP-2` out of group APPS (line 45): bkrc writes SUBCONFIG BKRBUP-2 in")
    follow(path, " BKRBUP-2 }", " }")
    assert said(path, 0) == ""


def test_bkr247_sizes_the_minidisk_again_in_the_volume_s_unit(tmp_path, parser):
    """A 192 disk for BKRBKUP sized in blocks on the members' private volumes, whose
    disks are sized in cylinders: BKR247 said "size every minidisk on it the same way",
    to no size. It now writes the size in cylinders, as much room for files."""
    disk = "  disk BKRBKUP 191 size 10 cyl\n"
    path = slipped(tmp_path, disk, disk + "  disk BKRBKUP 192 size 30000 blk\n")
    out = said(path)
    assert codes(out) == ["BKR247"]
    assert help_of(out).startswith(
        "a volume is either CKD (cylinders) or FBA (blocks): write `size 21 cyl` for `size 30000 blk` (line 32)"
    )
    follow(path, "size 30000 blk", "size 21 cyl")
    assert said(path, 0) == ""


def test_bkr252_names_the_private_volume_to_write(tmp_path, parser):
    """BKRWRK04's 192 on VMSYS2's M2PRV1, where VMSYS2 runs four workers, prodssi's VMSYS3
    two: BKR252 said "name the private volume of a member `BKRWRK03` runs on (`VMSYS1` and
    `VMSYS2`)", the volumes left to look up. It now writes them."""
    disk = "  disk BKRWRK* 191 size 5 cyl\n"
    path = slipped(tmp_path, disk, disk + "  disk BKRWRK03 192 size 5 cyl on M3PRV1\n")
    out = said(path)
    assert codes(out) == ["BKR252"]
    assert help_of(out) == (
        "write `on M1PRV1` (`VMSYS1`'s private volume) or `on M2PRV1` (`VMSYS2`'s private volume) for `on M3PRV1`"
        " (line 34), or leave out `on M3PRV1`"
    )
    follow(path, "on M3PRV1", "on M2PRV1")
    assert said(path, 0) == ""


# The help lines of the pages' failing examples walked at stop 81, each followed as it
# reads: (id, the words of the help (or of its diagnostics' helps, a tuple), the edits they ask for, each (old, new), made on the
# failing example in order, and the codes the file may still give). A help reworded so
# that it no longer says what is done here fails the first assertion; one whose edit no
# longer mends the example, the last. BKR226's leaves BKR401 (the example's one job backs
# up the shared pool alone, from VMSYS1: nothing on VMSYS2 was backed up before either),
# BKR244's the A-disks BKR253 asks for once the cluster has a shared volume (its Fix says so).
PAGE_HELPS = [
    # stop 82: the reading and syntax codes, the allows' and fmt's (BKR001-BKR027, BKR090,
    # BKR091). Their pages' failing examples are whole files since stop 82 (they were
    # pieces of one, which mended were still no cluster); a code with no example on its
    # page, or one whose slip needs bytes or a size no page shows, walks a text of
    # _WALKED_TEXTS, the page's words followed as its help says.
    ("BKR001", "convert it to UTF-8: `iconv -f UTF-16 -t UTF-8", [(None, None)], set()),
    ("BKR002", "save the file as UTF-8, e.g. `iconv -f CP1252 -t UTF-8 old.bkr > new.bkr`", [(None, None)], set()),
    ("BKR003", "write `A` for `Ä`: z/VM names use only A-Z, 0-9 and $ # @ _ - + : .", [("LOHNÄMT", "LOHNAMT")], set()),
    ("BKR004-daily", "write `daily 02:00`", [("daily sun 02:00   # <- BKR004", "daily 02:00")], set()),
    ("BKR004-weekly", "or `weekly sun 02:00` for one day a week", [("daily sun 02:00   # <- BKR004", "weekly sun 02:00")],
     set()),
    ("BKR005", "add `}` to end `job APPSFULL` before this line", [("  job APPSINC {", "  }\n  job APPSINC {")], set()),
    ("BKR006", "remove it: every other `{` and `}` of the file pair up", [("}\n}   # <- BKR006\n", "}\n")], set()),
    ("BKR007", "end the text with `\"` on the same line",
     [("of the Linux guests\n", "of the Linux guests\"\n")], set()),
    ("BKR008", "fix the errors above and run bkrc again",
     [(f"exclude: minidisk * {0x200 + i:04X}", f"exclude minidisk * {0x200 + i:04X}") for i in range(25)], set()),
    ("BKR009", "pass the cluster's .bkr source", [(None, None)], set()),
    ("BKR010", "write `VMSYS1` after `on`: the cluster's one member", [("run on daily", "run on VMSYS1 daily")], set()),
    ("BKR011", "write `job APPSFULL {`: its body and its `}` follow", [("job APPSFULL   # <- BKR011", "job APPSFULL {")],
     set()),
    ("BKR012", "write `job`", [("jbo APPSFULL", "job APPSFULL")], set()),
    ("BKR013", "the `}` at 3:31 is one too many and closed `cluster PRODSSI` early: remove it",
     [("{ workers 2 } }", "{ workers 2 }")], set()),
    ("BKR014", "write `workers 2`: a blank, not `:`, after the keyword", [("workers: 2", "workers 2")], set()),
    ("BKR015", "remove the `,`: write `single group APPS { LINUX01 LINUX02 }`",
     [("single group APPS { LINUX01, LINUX02 }", "single group APPS { LINUX01 LINUX02 }")], set()),
    ("BKR016", "start a comment with `#`", [("    * nightly", "    # nightly")], set()),
    ("BKR017", "write `description \"Production cluster\"`",
     [("description 'Production cluster'", 'description "Production cluster"')], set()),
    ("BKR018", "pass the cluster's .bkr source", [(None, None)], set()),
    ("BKR019", "write `\\\\` for a backslash", [("C:\\TEMP\\n", "C:\\\\TEMP\\\\n")], set()),
    ("BKR020", "pass the cluster's .bkr source", [(None, None)], set()),
    ("BKR021-retain", "it belongs in the `expire on VMSYS1` block (line 10) in place of its `retain 35 days`: move it there",
     [("retain 35 days }", "retain 30 days }"), ("    retain 30 days   # <- BKR021\n", "")], set()),
    ("BKR021-group", "if `full` belongs in a statement, write it there, out of the group",
     [("LINUX01 full LINUX02", "LINUX01 LINUX02")], set()),
    ("BKR022", "remove columns 73-80 from every line (`bkrc check --fix` does; `cut -c1-72`)", [(None, None)], set()),
    ("BKR023", "remove it: `# old member workers 4`", [("\u2028", " ")], set()),
    ("BKR024", "remove it with the escape sequence it starts: `# guests red`", [("\x1b[31m", "")], set()),
    ("BKR025", "mend what BKR221 says and delete it here",
     [("   # bkrc: allow BKR221 runs on one member on purpose", "")], set()),
    ("BKR026", "take `BKR22` out of the allow", [(", BKR22", "")], set()),
    ("BKR027", "delete the allow", [("   # bkrc: allow BKR227 our own template names", "")], set()),
    ("BKR090", "put each declaration on a line of its own, each under its own `##` comment",
     [("  single group APPS { CICSPRD }", "\n  ## Application servers\n  single group APPS { CICSPRD }")], set()),
    ("BKR091", "delete the `.` (`VMCOM1`), as `bkrc check` asks, then format", [("VMCOM1. catalog", "VMCOM1 catalog")],
     set()),
    # stop 82: the model codes (BKR1xx). BKR112's, BKR117's, BKR118's and BKR119's helps
    # named no group, job, line or member (`backup GROUP full`, `member NAME { workers N }`,
    # copied, were BKR331 and a syntax error); BKR114's asks for the site's own time.
    ("BKR101", "did you mean `import std/backup-manager`?", [("backup-manger", "backup-manager")], set()),
    ("BKR112", "add `backup GUESTS full` (or `incremental`): no job backs up group GUESTS (line 6) yet",
     [("    include minidisk * *", "    backup GUESTS full\n    include minidisk * *")], set()),
    ("BKR113", "add `to disk`", [("    run on VMSYS1", "    to disk\n    run on VMSYS1")], set()),
    ("BKR114", "add `run on VMSYS1`, then when it starts: `daily` and the time your site picks",
     [("    to disk pool BKUPPOOL\n  }\n}", "    to disk pool BKUPPOOL\n    run on VMSYS1 daily 04:00\n  }\n}")], set()),
    ("BKR115", "keep one `run` statement", [("    run on VMSYS1 daily 04:00   # <- BKR115\n", "")], set()),
    ("BKR116", "add an `include`, e.g. `include minidisk * *`",
     [("    to disk pool", "    include minidisk * *\n    to disk pool")], set()),
    ("BKR117", "move the `include` into job `APPSFULL`, which runs on `VMSYS1`",
     [("    include minidisk * 0300   # <- BKR117\n", ""),
      ("include minidisk * 0191\n", "include minidisk * 0191\n    include minidisk * 0300\n")], set()),
    ("BKR118-level", "write `backup TESTERS full` for `backup TESTERS incremental` (line 10)",
     [("TESTERS incremental   # <- BKR118", "TESTERS full")], set()),
    ("BKR118-split", ("move the line into a job of its own (its own name, the same `include` and `to`, and its `run`"
     " at another time: BKR402)"),
     [("    backup TESTERS incremental   # <- BKR118\n", ""),
      ("  }\n}", ("  }\n  job TESTINC {\n    backup TESTERS incremental\n    include minidisk * *\n"
       "    to disk pool BKUPPOOL\n    run on VMSYS1 daily 04:00\n  }\n}"))], set()),
    ("BKR119", "add `member VMSYS1 { workers 2 }` to the cluster block",
     [("  catalog shared", "  member VMSYS1 { workers 2 }\n  catalog shared")], set()),
    ("BKR204-narrow", "narrow `match LNX*` (line 7) so that it leaves out `LNXADMIN`", [("match LNX*", "match LNX0*")],
     set()),
    ("BKR204-delete", "if single, delete `identity user LNXADMIN` (line 2)", [("identity user LNXADMIN\n", "")], set()),
    ("BKR205", "add `import std/backup-manager`", [("cluster PRODSSI {", "import std/backup-manager\ncluster PRODSSI {")],
     set()),
    ("BKR206-delete", "delete `identity user BKRBKUP2 role backup-server` (line 2)",
     [("identity user BKRBKUP2 role backup-server   # <- BKR206\n", "")], set()),
    ("BKR206-declare", ("write for `import std/backup-manager` (line 1) its other declarations: `single user 5697J06C role"
     " installation`, `single user BKRADMIN role admin`, `identity user BKRCATLG role catalog-server` and `identity user"
     " BKRWRK* role worker`"),
     [("import std/backup-manager                  # BKRBKUP role backup-server",
       ("single user 5697J06C role installation\nsingle user BKRADMIN role admin\n"
       "identity user BKRCATLG role catalog-server\nidentity user BKRWRK* role worker"))], set()),
    ("BKR207", "write `identity user BKRCATLG role catalog-server` for `identity user BKRBKUP role catalog-server` (line 2)",
     [("identity user BKRBKUP role catalog-server", "identity user BKRCATLG role catalog-server")], set()),
    ("BKR208", "write `server BKRSVSFS` for `server PMAINT` (line 5)", [("server PMAINT", "server BKRSVSFS")], set()),
    ("BKR211", "write `expire on VMSYS1` for `expire on each member` (line 6)",
     [("expire on each member", "expire on VMSYS1")], set()),
    ("BKR212", "write `catalog shared server BKRSVSFS pool BKRPOOL`",
     [("catalog shared pool BKRPOOL", "catalog shared server BKRSVSFS pool BKRPOOL")], set()),
    ("BKR213", "add `catalog shared server BKRSVSFS pool BKRPOOL`",
     [("  expire on", "  catalog shared server BKRSVSFS pool BKRPOOL\n  expire on")], set()),
    ("BKR214", "write `expire on each member` for `expire on VMSYS1` (line 6)",
     [("expire on VMSYS1", "expire on each member")], set()),
    ("BKR215-expire", "write `expire on VMSYS1` for `expire on VMSYS2` (line 6)", [("expire on VMSYS2", "expire on VMSYS1")],
     set()),
    ("BKR215-server", "move the server to `VMSYS2`: `on VMSYS2` for `on VMSYS1`", [("on VMSYS1", "on VMSYS2")], set()),
    # retired: its example is BKR218's, whose help is followed
    ("BKR216", ("move `preview daily 01:00` into the `expire on VMSYS1` block (line 6), and remove the `expire on VMSYS2`"
     " block (line 7)"),
     [("expire on VMSYS1 { purge", "expire on VMSYS1 { preview daily 01:00  purge"),
      ("  expire on VMSYS2 { preview daily 01:00 }   # <- BKR218\n", "")], set()),
    ("BKR217", "write `server BKRSVSFS` for `server BKRADMIN` (line 4)", [("server BKRADMIN", "server BKRSVSFS")], set()),
    ("BKR218", ("move `preview daily 01:00` into the `expire on VMSYS1` block (line 6), and remove the `expire on VMSYS2`"
     " block (line 7)"),
     [("expire on VMSYS1 { purge", "expire on VMSYS1 { preview daily 01:00  purge"),
      ("  expire on VMSYS2 { preview daily 01:00 }   # <- BKR218\n", "")], set()),
    ("BKR219-local", "write `catalog local server BKRSVSFS pool BKRPOOL` (line 4)",
     [("BKRPOOL on VMSYS1", "BKRPOOL")], set()),
    ("BKR219-shared", "`catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1`",
     [("catalog local server", "catalog shared server")], set()),
    ("BKR221", "use `run on each member`", [("run on VMSYS1 daily 01:00", "run on each member daily 01:00")], set()),
    ("BKR223", "write `job SYSWE` for `job SYSWEEKF` (line 8)", [("job SYSWEEKF", "job SYSWE")], set()),
    ("BKR224-first", "write `job SYSF` for `job SYS` (line 9)", [("job SYS {", "job SYSF {")], set()),
    ("BKR224-second", "write `job SYS1F` for `job SYS1` (line 15)", [("job SYS1 {", "job SYS1F {")], set()),
    ("BKR225", "remove `job-suffix A` from member `VMSYS2` (line 4)",
     [("workers 2  job-suffix A }   #", "workers 2 }   #")], set()),
    ("BKR226", "write `run on VMSYS1` for `run on each member` (line 12)", [("run on each member", "run on VMSYS1")],
     {"BKR401"}),
    ("BKR227", "write `job SYSIN` for `job SYSINC` (line 8)", [("job SYSINC", "job SYSIN")], set()),
    ("BKR230-shared", ("write `tape manager shared` in place of `tape manager local`, with `catalog-node TCTMM on VMSYS1` and"
     " `request-node TRTMM`"),
     [("tape manager local", "tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM")], set()),
    ("BKR230-disk", "write `to disk` for `to tape` in job `SYSIN`", [("to tape", "to disk")], set()),
    ("BKR231", "write `single user TCTMM` for `identity user TCTMM` (line 2)",
     [("identity user TCTMM", "single user TCTMM")], set()),
    ("BKR232", "write `request-node TRTMM` for `request-node TAPEMGR` (line 8)",
     [("request-node TAPEMGR", "request-node TRTMM")], set()),
    ("BKR233", "add `request-node TRTMM`", [("on VMSYS1   #", "on VMSYS1 request-node TRTMM   #")], set()),
    ("BKR234", "write `catalog-node TCTMM` for `catalog-node BKRADMIN` (line 8)",
     [("catalog-node BKRADMIN", "catalog-node TCTMM")], set()),
    ("BKR235-shared", "write `tape manager shared`", [("tape manager local", "tape manager shared")], set()),
    ("BKR235-drop", "drop the machine options",
     [("tape manager local catalog-node TCTMM on VMSYS1 request-node TRTMM", "tape manager local")], set()),
    ("BKR236", "remove `request-node TRTMM`", [(" request-node TRTMM", "")], set()),
    # followed, eight members were BKR248's: the help says the import too
    ("BKR240", ("delete the block of `member VMSYS9` (line 11)", "add `import std/zvm73` (BKR248)"),
     [("  member VMSYS9 { workers 2 }   # <- BKR240\n", ""),
      ("import std/backup-manager", "import std/backup-manager\nimport std/zvm73")], set()),
    ("BKR241", "add `workers 2` to the member block",
     [("member VMSYS2 { private-volume M2PRV1 }", "member VMSYS2 { workers 2  private-volume M2PRV1 }")], set()),
    ("BKR242", ("delete `single user BKRCLG-1` (line 2)", "write `server BKRSVSFS` for `server BKRBUP-1` (line 5)"),
     [("single user BKRCLG-1     # the SUBCONFIG of BKRCATLG on member 1\n", ""),
      ("server BKRBUP-1", "server BKRSVSFS")], set()),
    ("BKR243", "like `BKRWRK*`", [("BKRWORK*", "BKRWRK*")], set()),
    ("BKR244", ("declare `shared-volume VOLSER` in the cluster block and write `disk BKRSVSFS 191 size 10 cyl on VOLSER`"
     " (line 10)"),
     [("  disk BKRSVSFS 191 size 10 cyl on M1PRV1", "  shared-volume SHR001\n  disk BKRSVSFS 191 size 10 cyl on SHR001")],
     {"BKR253"}),
    ("BKR245", "add `private-volume VOLSER` to the member block",
     [("member VMSYS2 { workers 2 }", "member VMSYS2 { workers 2  private-volume M2PRV1 }")], set()),
    ("BKR246-at", "write `at 110` for `at 105` (line 8)", [("at 105", "at 110")], set()),
    ("BKR246-placed", "or leave out `at 105`, and bkrc places it", [(" at 105", "")], set()),
    ("BKR247", "write `size 14 cyl` for `size 20000 blk` (line 10)", [("size 20000 blk", "size 14 cyl")], set()),
    ("BKR248", "`import std/zvm73`", [("import std/backup-manager", "import std/backup-manager\nimport std/zvm73")], set()),
    ("BKR249-pattern", "`identity user BKRWRK* role worker`", [("BKRWRK01 role", "BKRWRK* role")], set()),
    ("BKR249-one", "or set `workers 1`", [("workers 4 }", "workers 1 }")], set()),
    ("BKR250", "write `disk BKRBKUP 0192` for `disk BKRBKUP 190` (line 10)", [("disk BKRBKUP 190", "disk BKRBKUP 0192")],
     set()),
    ("BKR251-at", "write `at 1` or later", [("at 0 ", "at 1 ")], set()),
    ("BKR251-out", "or leave `at` out", [(" at 0 ", " ")], set()),
    ("BKR252", "write `on M1PRV1` (`VMSYS1`'s private volume) for `on M2PRV1` (line 11)", [("on M2PRV1", "on M1PRV1")],
     set()),
    ("BKR253", ("add `disk 5697J06C 191 size 10 cyl`", "add `disk BKRADMIN 191 size 10 cyl`",
                "add `disk BKRWRK* 191 size 5 cyl`", "add `disk BKRSVSFS 191 size 20 cyl`"),
     [("  # no 191 for the workers", ("  disk 5697J06C 191 size 10 cyl\n  disk BKRADMIN 191 size 10 cyl\n"
       "  disk BKRWRK* 191 size 5 cyl\n  disk BKRSVSFS 191 size 20 cyl\n  # no 191 for the workers"))], set()),
    ("BKR254", "write `at 3329` for `at 3335` (line 7)", [("at 3335", "at 3329")], set()),
    ("BKR255", "place it too, after this statement: `disk BKRBKUP 191 size 10 cyl on M3PRV1 at 322`",
     [("   # <- BKR255: VMSYS3 added since", "\n  disk BKRBKUP 191 size 10 cyl on M3PRV1 at 322")], set()),
    ("BKR256", "write `link BKRBKUP 5697J06C 191 as 0192 RR` for `link BKRBKUP 5697J06C 191 RR` (line 10)",
     [("5697J06C 191 RR", "5697J06C 191 as 0192 RR")], set()),
    ("BKR260-move", "change its `retain` to 30 days and remove this one",
     [("retain 35 days", "retain 30 days"), ("  retain 30 days }   #", " }   #")], set()),
    ("BKR260-keep", "or remove this one to keep 35 days", [("  retain 30 days }   #", " }   #")], set()),
    ("BKR261-delete", "delete `pool-wait 15 minutes` (line 4)", [(" pool-wait 15 minutes", "")], set()),
    ("BKR261-pool", "add `pool POOL` after `server BKRSVSFS` (line 4), POOL the file pool it serves",
     [("server BKRSVSFS", "server BKRSVSFS pool BKRPOOL")], set()),
    ("BKR301", "write the ID as the CP directory has it: 1-8 characters from A-Z 0-9 @ # $ _ -",
     [("LINUX.01", "LINUX01"), ("PAYROLLSRV", "PAYROLL")], set()),
    ("BKR302", ("use the member's system identifier as SYSTEM CONFIG spells it (1-8 letters and digits), in its"
     " `member` block and where the file names it again (lines 5, 11)"),
     [("member VMSYS-PROD1 {", "member VMSYSP1 {"), ("expire on VMSYS-PROD1", "expire on VMSYSP1"),
      ("run on VMSYS-PROD1", "run on VMSYSP1")], set()),
    ("BKR303", "write 1-8 characters from A-Z 0-9 $ # @ + - : _", [("NIGHTLY.FULL", "NIGHTFUL")], set()),
    ("BKR304", "1-7 characters from A-Z 0-9 $ # @ + - : _", [("A.1", "A1")], set()),
    ("BKR305", "a volume label is 1-6 characters from A-Z 0-9 @ # $", [("M1PRIV01", "M1PRV1")], set()),
    ("BKR306", "1-8 letters and digits, starting with a letter", [("1BKRPOOL", "BKRPOOL")], set()),
    ("BKR307", "write `single group LNX` for `single group LNX*` (line 6), and `backup LNX` for `backup LNX*` (line 8)",
     [("single group LNX*", "single group LNX"), ("backup LNX*", "backup LNX")], set()),
    ("BKR308", "use letters and digits only", [("PAY$1", "PAYD1")], set()),
    ("BKR309", "choose another user ID", [("single user SYSTEM", "single user SYSADMIN")], set()),
    ("BKR310", "an address is 1-4 hex digits (0191)", [("0191 0G00 10000", "0191 0F00 1000")], set()),
    ("BKR311", "write it `0100-0FFF`", [("0FFF-0100", "0100-0FFF")], set()),
    ("BKR312", "delete the line (line 10): `0100-01FF` includes every address it names already",
     [("    include minidisk * 0150   # <- BKR312\n", "")], set()),
    ("BKR314", ("did you mean `thu`?", "or `monthly last-day 04:00` for the month's last day"),
     [("sun,thurs", "sun,thu"), ("monthly 32 04:00", "monthly last-day 04:00")], set()),
    ("BKR315", "retain a whole number of days from 1 to 36500", [("retain 0 days", "retain 35 days")], set()),
    ("BKR316", "write `workers 64` for `workers 120` (line 3)", [("workers 120", "workers 64")], set()),
    ("BKR317", "write `size 1 cyl` for `size 10 tracks` (line 7)", [("size 10 tracks", "size 1 cyl")], set()),
    ("BKR318", ("name its file pool first, `BKRPOOL:CICSPRD.LOGS`", "write the path as CMS does: POOL:USER.DIR.SUBDIR"),
     [("CICSPRD.LOGS BKRPOOL:CICSPRD..OLD", "BKRPOOL:CICSPRD.LOGS BKRPOOL:CICSPRD.OLD")], set()),
    ("BKR319", "select a directory higher up with a wildcard (`POOL:USER.DIR.*`)",
     [("BKRPOOL:CICSPRD.APPLICATION-LOGS.ARCHIVE-2025-12.DECEMBER-NIGHTLY", "BKRPOOL:CICSPRD.APPLICATION-LOGS.*")],
     set()),
    ("BKR320", "delete this declaration", [("identity user BKRBKUP          # std/backup-manager already says so\n", "")],
     set()),
    ("BKR321", ("merge them: write `single group GUESTS { LINUX01 LINUX02 }` for `single group GUESTS { LINUX01 }` (line 6),"
     " and delete `single group GUESTS { LINUX02 }` (line 7)"),
     [("single group GUESTS { LINUX01 }", "single group GUESTS { LINUX01 LINUX02 }"),
      ("  single group GUESTS { LINUX02 }   # <- BKR321\n", "")], set()),
    ("BKR322", "settle what differs in one block and delete the other",
     [("  member VMSYS1 { workers 2 }   # <- BKR322\n", "")], set()),
    ("BKR323", "write `job NIGHTLYF` for `job NIGHTLY` (line 14)", [("job NIGHTLY {   # <- BKR323", "job NIGHTLYF {")], set()),
    ("BKR324", "write `disk BKRBKUP 0192` for `disk BKRBKUP 0191` (line 10)",
     [("disk BKRBKUP 0191 size 20", "disk BKRBKUP 0192 size 20")], set()),
    ("BKR325", "write `VMSYS2`'s own private volume for `PRV001` (line 4)",
     [("private-volume PRV001 }   #", "private-volume PRV002 }   #")], set()),
    ("BKR326", ("write `single group PAYROLLG { PAYDB PAYAPP }` for `single group PAYROLL { PAYDB PAYAPP }` (line 7) and"
     " `backup PAYROLLG full` for `backup PAYROLL full` (line 9)"),
     [("single group PAYROLL {", "single group PAYROLLG {"), ("backup PAYROLL full", "backup PAYROLLG full")], set()),
    ("BKR327", "write it for `EACH` (line 4), such as `member VMSYS2`", [("member EACH", "member VMSYS2")], set()),
    # the file-system advice is no edit of the file: the warning stays, as the help says
    ("BKR328", "compile onto a case-sensitive file system", [], {"BKR328"}),
    ("BKR330", "did you mean `VMSYS1`?", [("VMSYS01", "VMSYS1")], set()),
    ("BKR331", "did you mean `GUESTS`?", [("GUESTZ", "GUESTS")], set()),
    ("BKR333", "did you mean `M1PRV1`?", [("M1PRV2", "M1PRV1")], set()),
    ("BKR334", "delete the line (line 2): `std/backup-manager` declares `identity user BKRBKUP role backup-server` already",
     [("identity user BKRBKUP role backup-srv   # <- BKR334\n", "")], set()),
    ("BKR335", "write `identity user BKRBKUP role backup-server` for `identity user BKRBK* role backup-server` (line 1)",
     [("identity user BKRBK* role", "identity user BKRBKUP role")], set()),
    ("BKR336", "state a 3390 model (`3390-3`, `3390-9`", [("3390-5", "3390-9")], set()),
    ("BKR337", "wait at least 5 seconds", [("pool-wait 0 minutes", "pool-wait 5 seconds")], set()),
    ("BKR338", "did you mean `minutes`?", [("minuts", "minutes")], set()),
    ("BKR339", "write `BKRPOOL:CICSPRD.*`", [("BKRPOL:", "BKRPOOL:")], set()),
    ("BKR340", "did you mean `BKRBKUP`?", [("BKRBKP", "BKRBKUP")], set()),
    ("BKR342", "did you mean `BKRBKUP`?", [("BKRBKP", "BKRBKUP")], set()),
    ("BKR343", "did you mean `RR`?", [("05E5 RO", "05E5 RR")], set()),
    ("BKR402", "write `run on each member daily 04:00` for `run on each member daily 02:00` (line 19)",
     [("run on each member daily 02:00   # <- BKR402", "run on each member daily 04:00")], set()),
    ("BKR403", "`purge daily 03:00`", [("purge daily 02:30", "purge daily 03:00")], set()),
    ("BKR404", "or `monthly last-day 02:00` for the month's last day", [("monthly 31 02:00", "monthly last-day 02:00")],
     set()),
    ("BKR405-level", ("delete one of the jobs, its includes and excludes written into the other first, or make one of"
     " them the other level"),
     [("backup GUESTS full   # <- BKR405", "backup GUESTS incremental")], set()),
    ("BKR405-delete", "delete one of the jobs, its includes and excludes written into the other first",
     [(("  job GUESTWK {\n    backup GUESTS full   # <- BKR405\n    include minidisk * *\n    to disk\n"
       "    run on VMSYS1 weekly sun 04:00\n  }\n"), "")], set()),
    ("BKR407", "delete `exclude minidisk * 0100-01FF` (line 10)", [("    exclude minidisk * 0100-01FF\n", "")], set()),
    ("BKR408", "write `backup APPS, TESTERS full` for `backup APPS full` (line 9)",
     [("backup APPS full", "backup APPS, TESTERS full")], set()),
    ("BKR410", "take it out of one of the groups", [("WEB { FTPSERVE HTTPD }", "WEB { HTTPD }")], set()),
    ("BKR409", "write the include for `LNX*1` itself (or `*`)", [("LNX1* 0191", "LNX*1 0191")], set()),
    ("BKR412", "remove this `backup` statement", [("    backup APPS full   # <- BKR412\n", "")], set()),
    ("BKR413", "otherwise delete the exclude", [("    exclude minidisk * 0190 019D 019E   # <- BKR413\n", "")], set()),
    ("BKR414", "write `exclude minidisk * 0192` in job `SYSIN` and delete it from member `VMSYS2`'s block (line 6)",
     [("    include minidisk * 0191-01FF\n", "    include minidisk * 0191-01FF\n    exclude minidisk * 0192\n"),
      ("    exclude minidisk * 0192   # <- BKR414\n", "")], set()),
    ("BKR415", "delete it with the exclude that takes it out (line 11)",
     [("    include minidisk LNX* 0200-02FF   # <- BKR415\n    exclude minidisk * 0200-02FF\n", "")], set()),
    ("BKR416", "name each day once: `weekly sat,sunday 22:00`",
     [("weekly sat,sunday,sun 22:00", "weekly sat,sunday 22:00")], set()),
    ("BKR417", "otherwise delete this include", [("    include minidisk CICSRG* 0300-03FF   # <- BKR417\n", "")], set()),
]


#: A small whole cluster, clean, for the slips a page cannot show.
_CLEAN = """\
import std/backup-manager
cluster PRODSSI {
  member VMSYS1 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
  single group APPS { LINUX01 }
  job APPSFULL {
    backup APPS full
    include minidisk * *
    to disk
    run on VMSYS1 daily 02:00
  }
}
"""


def _numbered(text: str) -> str:
    """`text` as XEDIT numbers a CMS file: each line padded to 72 columns, then 8 digits."""
    return "".join(f"{line:<72}{(i + 1) * 100:08d}\n" for i, line in enumerate(text.rstrip("\n").split("\n")))


_EXCLUDES = "".join(f"    exclude: minidisk * {0x200 + i:04X}\n" for i in range(25))
_LATIN1 = _CLEAN.replace("  single group", "  # Lohnämter\n  single group").encode("cp1252")
#: stop 82: the texts walked that are no page's failing example (name -> the slipped text,
#: and the text its help makes of it where that is no edit of a few words: None).
_WALKED: dict[str, tuple[str | bytes, str | bytes | None]] = {
    "BKR001": (_CLEAN.encode("utf-16"), _CLEAN.encode("utf-16").decode("utf-16").encode("utf-8")),  # iconv
    "BKR002": (_LATIN1, _LATIN1.decode("cp1252").encode("utf-8")),  # iconv -f CP1252 -t UTF-8
    "BKR008": (_CLEAN.replace("    include minidisk * *\n", "    include minidisk * *\n" + _EXCLUDES), None),
    "BKR018": (_CLEAN + "# " + "x" * 1_000_000 + "\n", _CLEAN),  # the cluster's source passed
    "BKR020": (_CLEAN + ("# " + "x" * 70 + "\n") * 150_000, _CLEAN),
    "BKR022": (_numbered(_CLEAN), "".join(line[:72].rstrip() + "\n" for line in _numbered(_CLEAN).splitlines())),
    "BKR023": (_CLEAN.replace("  single group", "  # old member\u2028workers 4\n  single group"), None),
    "BKR024": (_CLEAN.replace("  single group", "  # guests \x1b[31mred\n  single group"), None),
    "BKR091": (PRODSSI.replace("  shared-volume VMCOM1\n\n  catalog", "  shared-volume VMCOM1. catalog"), None),
}
#: A page with several failing examples: the one walked.
_EXAMPLE_OF = {"BKR021-group": 1, "BKR021-retain": 0}
#: bkrc fmt's codes: their helps are fmt's, and followed, the file formats and checks clean.
_FMT_CODES = {"BKR090", "BKR091"}


def _walked(name: str, code: str) -> tuple[str | bytes, str | bytes | None]:
    """The slipped text a PAGE_HELPS entry walks, and what its help makes of it whole."""
    from bkrdsl.diagnostics.registry import examples, load_all

    if name in _WALKED:
        return _WALKED[name]
    failing = [e for e in examples(load_all()[code]) if e.expect]
    if name not in _EXAMPLE_OF:
        (only,) = failing
        return only.text, (_CLEAN if code == "BKR009" else None)  # BKR009: the cluster's source, not the EXEC
    return failing[_EXAMPLE_OF[name]].text, None


@pytest.mark.parametrize(("name", "words", "edits", "left"), PAGE_HELPS, ids=[h[0] for h in PAGE_HELPS])
def test_a_page_s_help_followed_on_its_failing_example_checks_clean(name, words, edits, left, tmp_path, parser):
    from bkrdsl.pipeline import analyse

    code = name.split("-")[0]
    text, whole = _walked(name, code)
    data = text if isinstance(text, bytes) else text.encode()
    if code in _FMT_CODES:
        from bkrdsl.fmt import format_bytes

        found = format_bytes("x.bkr", data).diagnostics
    else:
        found = analyse("x.bkr", data).diagnostics
    from bkrdsl.diagnostics.registry import load_all

    shown = load_all()[code].retired or code  # a retired code's example gives the code that replaced it
    helps = " ".join(" ".join((d.help or "").split()) for d in found if d.code == shown)
    for said in (words,) if isinstance(words, str) else words:
        assert said in helps, f"{code}'s help no longer says {said!r}: {helps}"
    for old, new in edits:
        if old is None:  # the help's whole text: converted, cut, or the right file passed
            text = whole
            continue
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / f"{code}.bkr"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    if code in _FMT_CODES:
        run_cli(["fmt", path], expect=0)
    out = run_cli(["check", path, "--color", "never"]).output
    assert set(codes(out)) == left, out


def test_bkr303_of_a_job_on_each_member_counts_the_room_bkr227_leaves(tmp_path, parser):
    """prodssi's SYSIN written `SYS.IN`: BKR303's help allowed 1-7 characters (the
    members' one-character suffixes); `SYSINCR`, seven, then gave BKR227 (its worker
    tasks named alike on each member, the members running several workers). It now
    says 1-5, and why."""
    path = slipped(tmp_path, "job SYSIN {", "job SYS.IN {")
    out = said(path)
    assert codes(out) == ["BKR303"]
    assert help_of(out).startswith("write 1-5 characters from A-Z 0-9 $ # @ + - : _; on each member the name gets")
    follow(path, "job SYS.IN {", "job SYSIR {")
    assert said(path, 0) == ""


def test_bkr307_renames_the_group_where_the_jobs_name_it_too(tmp_path, parser):
    """prodssi's LINUX group named `LNX*`: BKR307 said "name the group plainly and put the
    pattern inside it: `match LNX*`", for any group's name; followed, LNXFULL's and
    LNXINC's `backup LNX*` were BKR331's, and the pattern added users the group had not
    listed. The help now writes the plain name in the group and in each `backup`."""
    text = PRODSSI.replace("group LINUX {", "group LNX* {").replace("backup LINUX ", "backup LNX* ")
    path = slipped(tmp_path, "group LNX* {", "group LNX* {", text)
    out = said(path)
    assert codes(out) == ["BKR307"]
    assert help_of(out) == (
        "name the group plainly: write `single group LNX` for `single group LNX*` (line 43), and `backup LNX` for"
        " `backup LNX*` (line 51), and `backup LNX` for `backup LNX*` (line 62); to back up every user `LNX*`"
        " matches, put `match LNX*` inside the group"
    )
    path.write_text(path.read_text(encoding="utf-8").replace("LNX* ", "LNX "), encoding="utf-8")
    assert said(path, 0) == ""


def test_bkr312_deletes_the_line_or_takes_out_the_addresses_covered(tmp_path, parser):
    """APPSFULL's `include minidisk * 0191-01FF 0200`, and a second include of addresses
    the first names. BKR312 said "remove the addresses already covered, or correct the
    range": for a line of one covered address that left `include minidisk *`, a syntax
    error. The help now says which edit, by its line."""
    include = "    include minidisk * 0191-01FF 0200\n"
    path = slipped(tmp_path, include, include + "    include minidisk * 0195 0300\n")
    out = said(path, 0)
    assert codes(out) == ["BKR312"]
    assert help_of(out) == "take `0195` out of the line (line 71): `0191-01FF` includes it already"
    follow(path, " 0195 0300", " 0300")
    assert said(path, 0) == ""
    path = slipped(tmp_path, include, include + "    include minidisk * 0195\n")
    out = said(path, 0)
    assert help_of(out) == "delete the line (line 71): `0191-01FF` includes every address it names already"
    follow(path, "    include minidisk * 0195\n", "")
    assert said(path, 0) == ""


# --- stop 82: the syntax codes walked (the pages' examples are in PAGE_HELPS)


def test_bkr004_of_a_destination_without_to_writes_the_file_s_pool_or_says_name_is_to_be_replaced(tmp_path, parser):
    """LNXINC's `to disk pool BKUPPOOL` written `disk pool`, its `to` and its pool left
    out: BKR004's help said "write `to disk pool NAME` with the pool's name", which
    copied as it read named a disk pool NAME (checked clean: no pool is checked
    against the site's). It now writes the pool the file's other jobs name, and where
    they name none (a tape pool in prodssi) says that NAME is to be replaced."""
    path = slipped(tmp_path, "    to disk pool BKUPPOOL\n    run on VMSYS2 daily 23:30", "    disk pool\n    run on VMSYS2 daily 23:30")
    out = said(path)
    assert codes(out) == ["BKR004"]
    assert help_of(out) == "write `to disk pool BKUPPOOL`, as the file's other jobs, or `to disk` alone"
    follow(path, "    disk pool\n", "    to disk pool BKUPPOOL\n")
    assert said(path, 0) == ""
    path = slipped(tmp_path, "    to disk pool BKUPPOOL\n    run on VMSYS2 daily 23:30", "    disk\n    run on VMSYS2 daily 23:30")
    assert help_of(said(path)) == "write `to disk`, or `to disk pool BKUPPOOL`, as the file's other jobs"
    path = slipped(tmp_path, "    to disk pool BKUPPOOL\n    run on VMSYS2 daily 23:30", "    tape pool\n    run on VMSYS2 daily 23:30")
    assert help_of(said(path)) == "write `to tape pool NAME`, NAME the pool's name, or `to tape` alone"


def test_bkr026_of_a_code_close_to_several_writes_each_and_of_none_takes_it_out(tmp_path, parser):
    """An all-digit user ID allowed as `BKR3411` (BKR341 with a key struck twice): BKR026's
    help was "name a warning by its code (`BKR227`) or the name `bkrc rules` lists for
    it", an example code that is no code of this line's. It now writes the codes as
    close, to write the one meant (BKR341, written: clean), and for a word close to
    none (`BKR22`, the page's) says to take it out of the allow."""
    path = slipped(tmp_path, "APPS { CICSPRD DB2PRD }", "APPS { CICSPRD DB2PRD 1234 }   # bkrc: allow BKR3411 our 1234")
    out = said(path, 0)
    assert sorted(codes(out)) == ["BKR026", "BKR341"]
    assert "= help: write `BKR311`, `BKR341` or `BKR411`, the one meant, or take `BKR3411` out of the allow" in out
    follow(path, "allow BKR3411", "allow BKR341")
    assert said(path, 0) == ""


# --- stop 82: the model codes and two chains stop 81 left.


def test_bkr104_writes_the_import_of_the_site_s_module_by_its_path_from_the_file(tmp_path, parser):
    """The page's `import std/../site/common`, site/common.bkr beside the file: the help
    said "import a module of the site's relative to this file (`./NAME`, `../NAME`)",
    the name left to work out. It now writes the path to the module that is there; an
    absolute path outside the file's folder gets `-I`, and `std/./zvm73` the library's
    one spelling."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "common.bkr").write_text("identity user TCPIP\n", encoding="utf-8")
    path = tmp_path / "main.bkr"
    path.write_text("import std/../site/common\n", encoding="utf-8")
    out = said(path)
    assert codes(out) == ["BKR104"]
    assert help_of(out).startswith("write `import ./site/common` for `import std/../site/common`")
    follow(path, "std/../site/common", "./site/common")
    assert codes(said(path, 0)) == []
    path.write_text("import std/./zvm73\n", encoding="utf-8")
    assert help_of(said(path)).startswith("write `import std/zvm73` for `import std/./zvm73`")
    follow(path, "std/./zvm73", "std/zvm73")
    assert codes(said(path, 0)) == []
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "main.bkr"
    path.write_text(f"import {(tmp_path / 'site' / 'common').as_posix()}\n", encoding="utf-8")
    assert help_of(said(path)).startswith("write `import common` for `import /")
    path.write_text("import common\n", encoding="utf-8")
    assert codes(said(path, 0, "-I", tmp_path / "site")) == []


def test_bkr110_s_help_runs_bkrc_init_on_the_file(tmp_path, parser):
    """A file of comments only: the help said "add `cluster NAME { member ... }`", which
    copied is a syntax error. It now runs `bkrc init` on the file, the names the site's."""
    path = tmp_path / "prod.bkr"
    path.write_text("# the cluster is still to be written\n", encoding="utf-8")
    out = said(path)
    assert codes(out) == ["BKR110"]
    assert "run `bkrc init prod.bkr --force --cluster NAME --member SYSID` in its folder," in " ".join(out.split())
    run_cli(["init", path, "--force", "--cluster", "PRODSSI", "--member", "VMSYS1", "--member", "VMSYS2"], expect=0)
    assert codes(said(path, 0)) == []


def test_bkr119_names_the_members_the_file_names_and_bkr330_leaves_them_to_it(tmp_path, parser):
    """The member blocks deleted, `run on` and `expire on` still naming VMSYS1 and VMSYS2:
    BKR119 said "add a `member NAME { workers N }` block", and BKR330 was also reported
    at VMSYS1 and VMSYS2, for the one slip. BKR119 alone now writes both blocks."""
    text = _bkr218_example().replace("  expire on VMSYS2 { preview daily 01:00 }   # <- BKR218\n", "")
    text = text.replace("  }\n}", "  }\n  single group APPS { LINUX01 }\n  job APPSFULL { backup APPS full"
                        "  include minidisk * *  to disk  run on VMSYS2 daily 02:00 }\n}")
    path = slipped(tmp_path, "  member VMSYS1 { workers 2 }\n  member VMSYS2 { workers 2 }\n", "", text)
    out = said(path)
    assert codes(out) == ["BKR119"]
    assert "add `member VMSYS1 { workers 2 }` and `member VMSYS2 { workers 2 }` to the cluster block" in " ".join(out.split())
    follow(path, "  catalog", "  member VMSYS1 { workers 2 }\n  member VMSYS2 { workers 2 }\n  catalog")
    assert said(path, 0) == ""
    # `run on eac`, the keyword being typed, is no member BKR119 would write: BKR330 says so
    path = slipped(tmp_path, "  member VMSYS1 { workers 2 }\n  member VMSYS2 { workers 2 }\n", "", text)
    follow(path, "run on VMSYS2 daily 02:00", "run on eac")
    out = said(path)
    assert codes(out) == ["BKR119", "BKR330"]
    assert "add `member VMSYS1 { workers 2 }` to the cluster block" in " ".join(out.split())
    assert "`eac` begins the keyword `each`" in out


def test_bkr234_s_rename_leaves_no_bkr332_at_the_disk_it_names(tmp_path, parser):
    """prodssi's request node named BKRCATLG (BKR234), and its catalog node BKRADMIN, and
    the request node TCTMM (BKR232): `disk TRTMM 191`, `disk TCTMM 191` were also BKR332,
    "did you mean `TCTMM` or `TRDMM`?", which followed named a second machine wrong. The
    help of BKR234 (BKR232) writes that disk's ID on the option: one error, and clean
    once followed."""
    for old, new, code in (
        ("request-node TRTMM", "request-node BKRCATLG", "BKR234"),
        ("catalog-node TCTMM", "catalog-node BKRADMIN", "BKR234"),
        ("request-node TRTMM", "request-node TCTMM", "BKR232"),
    ):
        path = slipped(tmp_path, old, new)
        out = said(path)
        assert codes(out) == [code], out
        assert f"write `{old}` for `{new}`" in help_of(out)
        follow(path, new, old)
        assert said(path, 0) == ""


def test_bkr218_beside_bkr330_at_the_purge_writes_the_same_member(tmp_path, parser):
    """tests/data/rules/BKR218.fail-unknown-purger.bkr: the purge on `VM2`, no member
    (BKR330, "did you mean `VM1`?"), the preview on VM1 (BKR218). BKR218's help added a
    purge to the VM1 block: followed beside BKR330's, VM1 purged twice (BKR211, whose
    help removed the block that held the preview). It now writes VM1 in the purging
    block, the edit BKR330's help asks for: either order ends clean."""
    from conftest import ROOT

    base = (ROOT / "tests" / "data" / "rules" / "BKR218.fail-unknown-purger.bkr").read_text(encoding="utf-8")
    path = slipped(tmp_path, "expire on VM2", "expire on VM2", base)
    out = said(path)
    assert codes(out) == ["BKR330", "BKR218"]
    assert "did you mean `VM1`?" in out
    assert help_of(out.split("error[BKR218]")[1]).startswith("write `expire on VM1` for `expire on VM2` (line 7)")
    follow(path, "expire on VM2", "expire on VM1")
    assert said(path, 0) == ""


# The `--directory` codes (BKR5xx), walked at stop 82. Their pages describe the failing
# example in words (a .bkr file and a CP directory); each here is examples/prodssi.bkr
# checked against examples/prodssi.direct with one slip (`bkr` edits, `direct` edits,
# each (old, new), made once), its help read, followed in the file it names (`follow`:
# (which file, old, new)), and the pair checked again with the same directory. The
# warnings prodssi.direct gives prodssi.bkr as it stands (its AUTOV disks, LOGONBY,
# link passwords: BKR526, BKR532, BKR533, BKR534; tests/test_directory_checks.py) are
# left aside, but where walked. BKR502's, BKR503's and BKR512's helps gave the form,
# "one entry" or "correct the pattern": they now write the statement, name both
# entries by their lines, and name the pattern that matches the directory's guests.
# BKR515's, for an address of `include minidisk *` that no user of the job has, said
# "give `LNXWEB01`'s address an include of its own", which followed was BKR515 again:
# it now takes the address out of the line (or deletes the line).
DIRECT = EXAMPLES / "prodssi.direct"
_DIRECTORY_AS_IS = {"BKR526", "BKR532", "BKR533", "BKR534"}
_TCPIP4 = " BUILD ON VMSYS4 USING SUBCONFIG TCPIP-4\n"
_TCPIP5 = " BUILD ON VMSYS5 USING SUBCONFIG TCPIP-5\n"
_SUB2 = "SUBCONFIG TCPIP-2\n MDISK 0191 3390 0316 0003 M2PRV1 MR\n"
_SUB5 = "SUBCONFIG TCPIP-5\n MDISK 0191 3390 0316 0003 M5PRV1 MR\n"
_TCPMAINT = "USER TCPMAINT WD5JU8QP 128M 256M G\n INCLUDE IBMDFLT\n"
_IN = "    backup SYSIDS incremental\n    include minidisk * 0191\n"
_ME = "    backup SYSIDS full\n    include minidisk * 0191\n"
_ALLOW = "    # bkrc: allow BKR515 in some SUBCONFIGs only\n    include minidisk TCPIP 0198\n"
DIRECTORY_HELPS = [
    ("BKR502", (), [(" BUILD ON VMSYS1 USING SUBCONFIG TCPIP-1", " BUILD ON VMSYS1 SUBCONFIG TCPIP-1")],
     "write `BUILD ON VMSYS1 USING SUBCONFIG TCPIP-1`",
     [("direct", " BUILD ON VMSYS1 SUBCONFIG TCPIP-1", " BUILD ON VMSYS1 USING SUBCONFIG TCPIP-1")], set()),
    ("BKR503", (), [("USER TCPMAINT ", "USER TCPIP ")],
     "delete the entry not in use, this USER TCPIP (line 125) or the IDENTITY TCPIP of line 91, or give it an ID of its own",
     [("direct", "USER TCPIP ", "USER TCPMAINT ")], set()),
    ("BKR504", (), [(_SUB2, "")], "add a `SUBCONFIG TCPIP-2` entry with the member's minidisks",
     [("direct", "SUBCONFIG TCPIP-1\n MDISK 0191 3390 0316 0003 M1PRV1 MR\n",
       "SUBCONFIG TCPIP-1\n MDISK 0191 3390 0316 0003 M1PRV1 MR\n" + _SUB2)], set()),
    ("BKR505", (), [(_TCPMAINT, _TCPMAINT + " " * 49 + "LINK MAINT 0190 0190 RR\n")],
     "a directory statement ends at column 71; move it left",
     [("direct", " " * 49 + "LINK MAINT 0190 0190 RR\n", " LINK MAINT 0190 0190 RR\n")], set()),
    ("BKR511", [("LNXWEB01 LNXWEB02", "LNXWEB01 LNXWBE02")], (), "did you mean `LNXWEB02`?",
     [("bkr", "LNXWBE02", "LNXWEB02")], set()),
    ("BKR512-meant", [("match LNXAPP*", "match LNXAPQ*")], (),
     "did you mean `match LNXAPP*`? it matches `LNXAPP01` and `LNXAPP02` in the directory",
     [("bkr", "match LNXAPQ*", "match LNXAPP*")], set()),
    ("BKR512-remove", [("match LNXAPP*", "match LNXAPQ*")], (), "otherwise remove `match LNXAPQ*` (line 43)",
     [("bkr", "  match LNXAPQ*", "")], set()),
    ("BKR513", (), [(_TCPIP4, _TCPIP4 + _TCPIP5), ("SUBCONFIG TCPIP-4\n MDISK 0191 3390 0316 0003 M4PRV1 MR\n",
                     "SUBCONFIG TCPIP-4\n MDISK 0191 3390 0316 0003 M4PRV1 MR\n" + _SUB5)],
     "if the member left the cluster, delete this BUILD statement and its SUBCONFIG",
     [("direct", _TCPIP5, ""), ("direct", _SUB5, "")], set()),
    ("BKR514", (), [(_TCPIP4, "")], "add `BUILD ON VMSYS4 USING SUBCONFIG TCPIP-4`",
     [("direct", " BUILD ON VMSYS3 USING SUBCONFIG TCPIP-3\n", " BUILD ON VMSYS3 USING SUBCONFIG TCPIP-3\n" + _TCPIP4)],
     set()),
    ("BKR515-address", [("    include minidisk * 0191\n    to disk pool", "    include minidisk * 0191 0199\n    to disk pool")],
     (), "take `0199` out of the line (line 63): no user the job backs up has a minidisk there",
     [("bkr", "* 0191 0199", "* 0191")], set()),
    ("BKR515-line", [("    include minidisk * 0191\n    to disk pool", ("    include minidisk * 0191\n"
                      "    include minidisk * 0199\n    to disk pool"))],
     (), "delete the line (line 64): no user the job backs up has a minidisk at `0199`",
     [("bkr", "    include minidisk * 0199\n", "")], set()),
    ("BKR516", [("    include minidisk * 0191\n    to disk pool", ("    include minidisk * 0191\n"
                 "    include minidisk LNXWEB01 0300\n    to disk pool"))], (), "remove the include (or this address)",
     [("bkr", "    include minidisk LNXWEB01 0300\n", "")], set()),
    ("BKR520", (), [(" MDISK 0191 3390 1000 0020 VMCOM1 MR RPASS WPASS\n",
                     " MDISK 0191 3390 1000 0020 VMCOM1 MR RPASS WPASS\n MDISK 0301 3390 0540 0300 VMCOM1 MR\n")],
     "add `disk BKRSVSFS 301 size 300 cyl on VMCOM1 at 540` to cluster `PRODSSI`",
     [("bkr", "  disk BKRADMIN", "  disk BKRSVSFS 301 size 300 cyl on VMCOM1 at 540\n  disk BKRADMIN")], set()),
    ("BKR528", [("member VMSYS4 {", "member VMSSY4 {")], (), "did you mean `VMSYS4`? write it in `member VMSSY4`",
     [("bkr", "member VMSSY4 {", "member VMSYS4 {")], set()),
    ("BKR535", (), [(" MDISK 0191 3390 0316 0003 M1PRV1 MR\n",
                     " MDISK 0191 3390 0316 0003 M1PRV1 MR\n MDISK 0198 3390 0900 0003 M1PRV1 MR\n")],
     ("add `include minidisk TCPIP 0198` to each of jobs `SYSIN` and `SYSME` that should copy it, below `# bkrc: allow"
      " BKR515 in some SUBCONFIGs only`"),
     [("bkr", _IN, _IN + _ALLOW), ("bkr", _ME, _ME + _ALLOW)], set()),
]


def _unnumbered(text: str) -> str:
    """The directory without its sequence numbers (columns 72-80), as
    tests/test_directory_checks.py edits it."""
    return "\n".join(line[:71].rstrip() for line in text.splitlines()) + "\n"


# --- stop 83: the `--directory` codes stop 82 left, walked the same way. An edit may
# also be ("fix", None, None), `bkrc check --fix --directory` run as the help offers it,
# or ("dialect", old, new), made in a copy of the built-in table (`bkrc dialect >
# site-dialect.toml`) that every check then gets with `--dialect`; _DIALECT_SLIPS makes
# a walk's slip in that table. A code of _DIRECTORY_AS_IS walked here is not left
# aside for its own walk: the diagnostic whose help is followed (its words) is gone.
_SUB_TCPIP5 = "SUBCONFIG TCPIP-5\n MDISK 0191 3390 0316 0003 M5PRV1 MR\n"
_SUB_TCPIP4 = "SUBCONFIG TCPIP-4\n MDISK 0191 3390 0316 0003 M4PRV1 MR\n"
_MAINT4 = " BUILD ON VMSYS4 USING SUBCONFIG MAINT-4\n"
_W03_2 = " BUILD ON VMSYS2 USING SUBCONFIG BKRW03-2\n"
_SFS191 = " MDISK 0191 3390 1000 0020 VMCOM1 MR RPASS WPASS\n"
_TCPMAINT592 = " MDISK 0592 3390 0450 0070 VMCOM1 MR RPASS WPASS\n"
_OVER_ADMIN = _TCPMAINT592 + " MDISK 0200 3390 1400 0100 VMCOM1 MR\n"  # cylinders 1400-1499: BKRADMIN's 1440 among them
_BKU1 = [("BUILD ON VMSYS1 USING SUBCONFIG BKRBUP-1", "BUILD ON VMSYS1 USING SUBCONFIG BKRBKU-1"),
         ("SUBCONFIG BKRBUP-1\n", "SUBCONFIG BKRBKU-1\n")]
_W03_3 = [(" BUILD ON VMSYS3 USING SUBCONFIG TCPIP-3", " BUILD ON VMSYS3 USING SUBCONFIG BKRW03-3"),
          ("SUBCONFIG TCPIP-3\n", "SUBCONFIG BKRW03-3\n")]
_VMSYS2_WORKERS = "    workers 4\n    private-volume M2PRV1"
_ROLES = ("backup-server", "catalog-server")
_LBY = ('password = "LBYONLY"', 'password = "AUTOONLY"')
_WORKER_STATEMENTS = "[machines.worker]"
DIRECTORY_HELPS += [
    # BKR517 said "add the `BUILD ON member USING SUBCONFIG MAINT-4` statement to its
    # IDENTITY": copied, `BUILD ON member` checked clean, an instance on a system
    # called MEMBER. It now writes the member, or says to delete a SUBCONFIG left
    # behind by an IDENTITY built on every member (the page's failing example).
    ("BKR517-delete", (), [(_SUB_TCPIP4, _SUB_TCPIP4 + _SUB_TCPIP5)],
     "delete the SUBCONFIG once its minidisks are saved: IDENTITY `TCPIP` (line 91) has a BUILD statement for every member already",
     [("direct", _SUB_TCPIP5, "")], set()),
    ("BKR517-build", (), [(_MAINT4, "")],
     "add `BUILD ON VMSYS4 USING SUBCONFIG MAINT-4` to IDENTITY `MAINT` (line 23), if its minidisks are `VMSYS4`'s",
     [("direct", " INCLUDE IBMDFLT\n IPL CMS PARM AUTOCR", _MAINT4 + " INCLUDE IBMDFLT\n IPL CMS PARM AUTOCR")], set()),
    ("BKR518-build", (), [(_W03_2, "")], "add `BUILD ON VMSYS2 USING SUBCONFIG BKRW03-2`",
     [("direct", " BUILD ON VMSYS1 USING SUBCONFIG BKRW03-1\n", " BUILD ON VMSYS1 USING SUBCONFIG BKRW03-1\n" + _W03_2)],
     set()),
    # the other way: `workers 2` leaves BKRW03-2 built by none, BKR517's, whose help deletes it
    ("BKR518-workers", (), [(_W03_2, "")], "or write `workers 2` on `VMSYS2`, the workers its directory builds",
     [("bkr", _VMSYS2_WORKERS, _VMSYS2_WORKERS.replace("4", "2"))], {"BKR517"}),
    # ... whose help, followed, ends it
    ("BKR517-left", [(_VMSYS2_WORKERS, _VMSYS2_WORKERS.replace("4", "2"))], [(_W03_2, "")],
     ("delete the SUBCONFIG once its minidisks are saved: IDENTITY `BKRWRK03` (line 202) has a BUILD statement for every"
      " member the compile writes it for already (`VMSYS1`)"),
     [("direct", "SUBCONFIG BKRW03-2\n MDISK 0191 3390 0362 0005 M2PRV1 MR\n", "")], set()),
    # BKR519 of sizes that differ between a statement's instances said "write the
    # directory's size, `size 10 cyl`": written, the other eleven differed, and its help
    # gave `size 5 cyl` back; a statement per instance is BKR324. It now says so, and
    # moving the odd one in the directory ends it.
    ("BKR519", (), [("SUBCONFIG BKRW01-1\n MDISK 0191 3390 0342 0005", "SUBCONFIG BKRW01-1\n MDISK 0191 3390 0342 0010")],
     ("one `disk` statement gives all its instances one size (BKR324), and the directory gives `BKRWRK01` on `VMSYS1` 10"
      " cylinders, the other 11 `size 5 cyl`: keep `size 5 cyl` and move that one to a minidisk of 5 cylinders"),
     [("direct", "SUBCONFIG BKRW01-1\n MDISK 0191 3390 0342 0010", "SUBCONFIG BKRW01-1\n MDISK 0191 3390 0342 0005")],
     set()),
    ("BKR522", (), [(_SFS191, _SFS191 + " MDISK 0302 3390 DEVNO 1A2B MR\n")],
     "or, if it is no longer wanted, delete it from the directory", [("direct", " MDISK 0302 3390 DEVNO 1A2B MR\n", "")],
     set()),
    # the page's example; moved, the directory's data at 1440 is to be copied: BKR519 says so
    ("BKR523", [("disk BKRADMIN 191 size 10 cyl", "disk BKRADMIN 191 size 10 cyl on VMCOM1 at 1440")],
     [(_TCPMAINT592, _OVER_ADMIN)], "place it on a free extent: `on VMCOM1 at 520`",
     [("bkr", "on VMCOM1 at 1440", "on VMCOM1 at 520")], {"BKR519"}),
    ("BKR523-fix", [("disk BKRADMIN 191 size 10 cyl", "disk BKRADMIN 191 size 10 cyl on VMCOM1 at 1440")],
     [(_TCPMAINT592, _OVER_ADMIN)], "place it on a free extent", [("fix", None, None)], {"BKR519"}),
    # BKR523's other way, `at` left out: BKR532's help wrote the directory's place,
    # `at 1440`, which its next line said was BKR523's error: a circle. It now says the
    # directory's two minidisks share those cylinders, for the site to settle first.
    ("BKR523-autov", [("disk BKRADMIN 191 size 10 cyl", "disk BKRADMIN 191 size 10 cyl on VMCOM1 at 1440")],
     [(_TCPMAINT592, _OVER_ADMIN)], "or leave out `at` and let DirMaint place it",
     [("bkr", " at 1440", ""), ("direct", _OVER_ADMIN, _TCPMAINT592)], set()),
    ("BKR532-shared", [], [(_TCPMAINT592, _OVER_ADMIN)],
     ("the directory's extent (cylinders 1440-1449 of `VMCOM1`) overlaps USER `TCPMAINT`'s minidisk 0200 there already:"
      " settle in the directory whose data those cylinders hold first"),
     # settled, its help writes the place, as for BKR532 below
     [("direct", _OVER_ADMIN, _TCPMAINT592),
      ("bkr", "disk BKRADMIN 191 size 10 cyl", "disk BKRADMIN 191 size 10 cyl on VMCOM1 at 1440")], set()),
    ("BKR529-fix", (), _BKU1, "`bkrc check --fix --directory` writes it", [("fix", None, None)], set()),
    ("BKR529-subconfig", (), _BKU1, "write `subconfig BKRBKUP BKRBKU-1` in member `VMSYS1`",
     [("bkr", "private-volume M1PRV1 }", "private-volume M1PRV1  subconfig BKRBKUP BKRBKU-1 }")], set()),
    ("BKR529-rename", (), _BKU1, "rename in the directory each SUBCONFIG (its entry and its BUILD statement) `BKRBKU-1` to `BKRBUP-1`",
     [("direct", old, new) for new, old in _BKU1], set()),
    ("BKR530-twice", (), [(" OPTION QUICKDSP\n", " OPTION QUICKDSP\n MDISK 0191 3390 3000 0050 VMCOM1 MR\n")],
     "define `TCPIP`'s 0191 once: in the IDENTITY entry (global: backed up once, from VMSYS1) or in each SUBCONFIG",
     [("direct", " MDISK 0191 3390 3000 0050 VMCOM1 MR\n", "")], set()),
    # BKR531 said "give the machine another ID ... or rename the site's entry", neither
    # name given; a `subconfig` statement names the compile's SUBCONFIG, and no entry of
    # the live directory changes. BKR518 stays: VMSYS3's third worker is still to deploy.
    ("BKR531", [("member VMSYS3 { workers 2", "member VMSYS3 { workers 3")], _W03_3,
     "write `subconfig BKRWRK03 BKR03-3` in member `VMSYS3` (line 15), a name the directory does not use",
     [("bkr", "private-volume M3PRV1 }", "private-volume M3PRV1  subconfig BKRWRK03 BKR03-3 }")], {"BKR518"}),
    # BKR518 beside BKR531 said "add `BUILD ON VMSYS3 USING SUBCONFIG id`", the compile's
    # own ID being taken: it now gives the free name, with BKR531's statement
    ("BKR518-taken", [("member VMSYS3 { workers 2", "member VMSYS3 { workers 3")], _W03_3,
     ("add `BUILD ON VMSYS3 USING SUBCONFIG BKR03-3` and its SUBCONFIG entry, with `subconfig BKRWRK03 BKR03-3` in"
      " member `VMSYS3` (BKR531)"),
     [("bkr", "private-volume M3PRV1 }", "private-volume M3PRV1  subconfig BKRWRK03 BKR03-3 }"),
      ("direct", " BUILD ON VMSYS2 USING SUBCONFIG BKRW03-2\n",
       " BUILD ON VMSYS2 USING SUBCONFIG BKRW03-2\n BUILD ON VMSYS3 USING SUBCONFIG BKR03-3\n"),
      ("direct", "SUBCONFIG BKRW03-2\n MDISK 0191 3390 0362 0005 M2PRV1 MR\n",
       "SUBCONFIG BKRW03-2\n MDISK 0191 3390 0362 0005 M2PRV1 MR\nSUBCONFIG BKR03-3\n")], set()),
    ("BKR531-fix", [("member VMSYS3 { workers 2", "member VMSYS3 { workers 3")], _W03_3,
     "write `subconfig BKRWRK03 BKR03-3`", [("fix", None, None)], {"BKR518"}),
    ("BKR531-rename", [("member VMSYS3 { workers 2", "member VMSYS3 { workers 3")], _W03_3,
     "or rename the site's SUBCONFIG `BKRW03-3` to `TCPIP-3` (its entry, line 103, and its BUILD statement, line 94)",
     [("direct", old, new) for new, old in _W03_3], {"BKR518"}),
    ("BKR532", (), (), "write its place, `on VMCOM1 at 1440`: `disk BKRADMIN 191 size 10 cyl on VMCOM1 at 1440`",
     [("bkr", "disk BKRADMIN 191 size 10 cyl", "disk BKRADMIN 191 size 10 cyl on VMCOM1 at 1440")], set()),
    ("BKR532-fix", (), (), "as `bkrc init --directory` does: `disk BKRBKUP 191 size 10 cyl on M1PRV1 at 322`",
     [("fix", None, None)], set()),
    # BKR533's two ways: every place written (BKR532's fix), or bkrc's own extents
    ("BKR533-places", (), (), "give each such `disk` its place, `on VOL at START`", [("fix", None, None)], set()),
    ("BKR533-sequential", (), (), "set `[entries.disk_allocation] value = \"sequential\"` in it",
     [("dialect", 'value = "autov"', 'value = "sequential"'), ("fix", None, None)], set()),
    ("BKR530-global", [(_ME, _ME + "    include minidisk TCPIP 0200\n")],
     [(" OPTION QUICKDSP\n", " OPTION QUICKDSP\n MDISK 0200 3390 3000 0050 VMCOM1 MR\n")],
     "move the include (line 91) into a job of its own on one member (`run on VMSYS1`)",
     [("bkr", "    include minidisk TCPIP 0200\n", ""),
      ("bkr", "monthly last-day 20:00\n  }\n", ("monthly last-day 20:00\n  }\n  job SYSGLOB {\n    backup SYSIDS full\n"
       "    include minidisk TCPIP 0200\n    to tape\n    run on VMSYS1 monthly last-day 21:00\n  }\n"))], set()),
    # the help's way to keep the site's, in the table's two roles it names
    ("BKR526", (), (), ("to keep the site's, write `password = \"AUTOONLY\"`, `\"LOGONBY MAINT\"` out of `statements` in a"
     " site dialect table's `[machines.ROLE]` for ROLE backup-server, catalog-server (`--dialect`)"),
     [("dialect", (f"[machines.{role}]", old), new) for role in _ROLES
      for old, new in (_LBY, ('  "LOGONBY MAINT",\n', ""))], set()),
    # settled by hand or by the site's links, the directory still gives the passwords: the allow it now names
    ("BKR534", (), (), "once settled, allow it on this line: `# bkrc: allow BKR534 REASON`",
     [("bkr", "disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000",
       "disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000  # bkrc: allow BKR534 passwords given back by hand")], set()),
    # last (stop 83's brief): a LINK of the site's that the table's statements do not have.
    # Kept by stop 83's `link` statement in the cluster block, which the help writes (the
    # table route, for a statement no `link` keeps, is
    # test_bkr524_s_link_written_after_machine_esa_is_bkr601_s_at_the_statement's).
    ("BKR524", (), [(" IPL CMS\nSUBCONFIG BKRBUP-1", " IPL CMS\n LINK BKRTOOLS 0191 0391 RR\nSUBCONFIG BKRBUP-1")],
     "add `link BKRBKUP BKRTOOLS 0191 as 0391 RR` to the cluster block; or deploy as is",
     [("bkr", "  disk BKRBKUP 191 size 10 cyl\n",
       "  disk BKRBKUP 191 size 10 cyl\n  link BKRBKUP BKRTOOLS 0191 as 0391 RR\n")], set()),
    ("BKR525-profile", (), (), "or name one it defines in the site dialect table's `[machines.worker]` statements",
     [("dialect", '"INCLUDE BKRPROF"', '"INCLUDE IBMDFLT"')], set()),
    ("BKR525-define", (), (), "define `PROFILE BKRPROF` in the site's directory before deploying",
     [("direct", "PROFILE IBMDFLT\n", "PROFILE BKRPROF\n SPOOL 000C 2540 READER *\nPROFILE IBMDFLT\n")], set()),
]
_DIALECT_SLIPS = {
    "BKR525-profile": [(_WORKER_STATEMENTS, None)],
    "BKR525-define": [(_WORKER_STATEMENTS, None)],
}


def _site_table(tmp_path, slips) -> object:
    """A copy of the built-in dialect table, `bkrc dialect > site-dialect.toml`, with
    `slips` made in it: (a section, None) puts `INCLUDE BKRPROF` first in its statements."""
    path = tmp_path / "site-dialect.toml"
    text = run_cli(["dialect"], expect=0).output
    for section, new in slips:
        at = text.index("statements = [\n", text.index(section)) + len("statements = [\n")
        text = text[:at] + '  "INCLUDE BKRPROF",\n' + text[at:] if new is None else text.replace(section, new)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "bkr", "direct", "words", "edits", "left"), DIRECTORY_HELPS,
                         ids=[h[0] for h in DIRECTORY_HELPS])
def test_a_directory_code_s_help_followed_checks_clean_against_the_same_directory(
    name, bkr, direct, words, edits, left, tmp_path, parser
):
    files = {"bkr": tmp_path / "slip.bkr", "direct": tmp_path / "site.direct"}
    for which, text, slips in (("bkr", PRODSSI, bkr), ("direct", _unnumbered(DIRECT.read_text()), direct)):
        for old, new in slips:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        files[which].write_text(text, encoding="utf-8")
    code = name.split("-")[0]
    aside = _DIRECTORY_AS_IS - {code}
    if name in _DIALECT_SLIPS or any(which == "dialect" for which, _, _ in edits):
        files["dialect"] = _site_table(tmp_path, _DIALECT_SLIPS.get(name, ()))

    def args():
        return ["--directory", files["direct"], *(["--dialect", files["dialect"]] if "dialect" in files else [])]

    def found(expect):
        out = said(files["bkr"], expect, *args())
        return out, [c for c in codes(out) if c not in aside]

    out, shown = found(None)
    assert code in shown, out
    flat = " ".join(out.split())
    assert words in flat, f"{code}'s help no longer says {words!r}"
    # the diagnostic whose help is followed: the message above those words
    message = flat[: flat.index(words)].rsplit(f"[{code}]: ", 1)[1].split(" --> ")[0]
    for which, old, new in edits:
        if which == "fix":
            run_cli(["check", "--fix", files["bkr"], *args()], expect=None)
        elif isinstance(old, tuple):  # (a section of the table, the words in it)
            section, old = old
            text = files[which].read_text(encoding="utf-8")
            start = text.index(section)
            end = text.find("\n[", start + 1) % (len(text) + 1)
            assert text[start:end].count(old) == 1, old
            files[which].write_text(text[:start] + text[start:end].replace(old, new) + text[end:], encoding="utf-8")
        else:
            follow(files[which], old, new)
    out, shown = found(None)
    assert message not in " ".join(out.split()), out
    assert set(shown) - (_DIRECTORY_AS_IS & {code}) == left, out


def test_bkr501_s_helps_followed_give_a_directory_bkrc_reads(tmp_path, parser, monkeypatch):
    """BKR501's three failing files, each help followed. A UTF-16 directory: the help
    said `iconv -f UTF-16 -t UTF-8 site.direct > user.direct`, and no more; the same
    check run again said the same, and for a file called user.direct (USER.DIRECT on a
    file system that ignores case) the shell's `>` emptied it before iconv read it. It
    now writes the file beside it, `.utf8` before its suffix, and says to give that
    one. EBCDIC (FTP's `binary`): transferred again as text. A .bkr file given as the
    directory: the site's directory given instead."""
    import shlex
    import shutil
    import subprocess

    monkeypatch.chdir(tmp_path)
    text = DIRECT.read_text(encoding="utf-8")
    bkr = EXAMPLES / "prodssi.bkr"
    for name in ("USER.DIRECT", "user.direct"):
        site = tmp_path / name
        site.write_bytes(text.encode("utf-16"))
        out = said(bkr, 1, "--directory", name)
        assert codes(out) == ["BKR501"], out
        command = re.search(r"save it as UTF-8: `(iconv [^`]*)`, then give that file to `--directory`", out)
        assert command is not None, out
        *_, into = shlex.split(command.group(1))
        assert into != name and into.lower() != name.lower()
        if shutil.which("iconv"):
            subprocess.run(command.group(1), shell=True, cwd=tmp_path, check=True)
        else:  # what iconv writes
            (tmp_path / into).write_text(text, encoding="utf-8")
        assert set(codes(said(bkr, 0, "--directory", tmp_path / into))) <= _DIRECTORY_AS_IS
    site = tmp_path / "binary.direct"
    site.write_bytes("".join(line.ljust(80) for line in text.splitlines()).encode("cp037"))
    out = said(bkr, 1, "--directory", site)
    assert "transfer it in text (ASCII) mode" in help_of(out)
    site.write_text(text, encoding="utf-8")  # transferred again in text mode
    assert set(codes(said(bkr, 0, "--directory", site))) <= _DIRECTORY_AS_IS
    out = said(bkr, 1, "--directory", bkr)
    assert help_of(out).startswith("give the site's CP source directory (USER DIRECT on PMAINT 2CC")
    assert set(codes(said(bkr, 0, "--directory", DIRECT))) <= _DIRECTORY_AS_IS


def test_bkr521_s_help_followed_lets_bkrc_init_write_the_file(tmp_path, parser, monkeypatch):
    """The page's failing example: BKRSVSFS's `MDISK 0301 3390 2000 END VMCOM1 MR`.
    Its help, followed with the volume's size as QUERY DASD DETAILS gives it (a
    3390-9's 10,017 cylinders): `bkrc init` writes the file, and the file checks
    against the same directory with no more than prodssi.direct's own warnings."""
    monkeypatch.chdir(tmp_path)
    disk = " MDISK 0191 3390 1000 0020 VMCOM1 MR RPASS WPASS\n"
    site = tmp_path / "site.direct"
    text = _unnumbered(DIRECT.read_text(encoding="utf-8"))
    site.write_text(text.replace(disk, disk + " MDISK 0301 3390 2000 END VMCOM1 MR\n"), encoding="utf-8")
    args = ["init", "new.bkr", "--cluster", "PRODSSI", "--directory", "site.direct", "--color", "never"]
    out = run_cli(args, expect=1).output
    assert codes(out) == ["BKR521"]
    assert help_of(out).startswith(
        "in the directory's MDISK statement, write its size in place of `END`: `VMCOM1`'s cylinders less 2000,"
        " as `QUERY DASD DETAILS` gives them"
    )
    assert not (tmp_path / "new.bkr").exists()
    follow(site, " 2000 END VMCOM1", f" 2000 {10017 - 2000} VMCOM1")
    run_cli(args, expect=0)
    assert "disk BKRSVSFS 301 size 8017 cyl on VMCOM1 at 2000" in (tmp_path / "new.bkr").read_text(encoding="utf-8")
    assert set(codes(said("new.bkr", 0, "--directory", "site.direct"))) <= _DIRECTORY_AS_IS


def test_bkr524_s_link_written_after_machine_esa_is_bkr601_s_at_the_statement(tmp_path, parser):
    """BKR524's LINK written where a reader puts it first, after `MACHINE ESA` (before its
    help said where): BKR601, `LOGONBY MAINT` after a device statement. Its caret was in
    the role's `note`, whose prose names LOGONBY MAINT, the line above `statements`; it
    is now at the statement, and its help, followed, leaves the table usable and the
    LINK kept (BKR524 gone)."""
    site = tmp_path / "site.direct"
    text = _unnumbered(DIRECT.read_text(encoding="utf-8"))
    site.write_text(text.replace(" IPL CMS\nSUBCONFIG BKRBUP-1", " IPL CMS\n LINK BKRTOOLS 0191 0391 RR\nSUBCONFIG BKRBUP-1"))
    table = _site_table(tmp_path, ())
    section = "[machines.backup-server]"
    text = table.read_text(encoding="utf-8")
    at = text.index('  "MACHINE ESA",\n', text.index(section)) + len('  "MACHINE ESA",\n')
    table.write_text(text[:at] + '  "LINK BKRTOOLS 0191 0391 RR",\n' + text[at:], encoding="utf-8")
    bkr = EXAMPLES / "prodssi.bkr"
    out = run_cli(["check", bkr, "--directory", site, "--dialect", table, "--color", "never"], expect=2).output
    assert codes(out) == ["BKR601"]
    assert re.search(r'^ *\d+ \|   "LOGONBY MAINT",\n *\| +\^{13}$', out, re.MULTILINE), out
    assert help_of(out).startswith("move it above `LINK BKRTOOLS 0191 0391 RR`")
    text = table.read_text(encoding="utf-8")
    start = text.index(section)
    moved = text[start:].replace('  "LINK BKRTOOLS 0191 0391 RR",\n', "", 1).replace(
        '  "LOGONBY MAINT",\n', '  "LOGONBY MAINT",\n  "LINK BKRTOOLS 0191 0391 RR",\n', 1)
    table.write_text(text[:start] + moved, encoding="utf-8")
    out = said(bkr, 0, "--directory", site, "--dialect", table)
    assert set(codes(out)) <= _DIRECTORY_AS_IS, out


def test_bkr601_s_help_followed_compiles(tmp_path, parser):
    """The page's failing example: a copy of the dialect table whose submit_verb says
    `SUBMIT {jbo}`. The help, "write one of the placeholders this entry takes: `{job}`",
    followed: the compile writes its files (exit 0)."""
    table = tmp_path / "site-dialect.toml"
    table.write_text(run_cli(["dialect"], expect=0).output, encoding="utf-8")
    follow(table, 'value = "SUBMIT {job}"', 'value = "SUBMIT {jbo}"')
    args = ["compile", EXAMPLES / "prodssi.bkr", "-o", tmp_path / "out", "--dialect", table, "--color", "never"]
    result = run_cli(args, expect=2)
    assert "error[BKR601]" in result.output
    assert "= help: write one of the placeholders this entry takes: `{job}`" in result.output
    assert not (tmp_path / "out").exists()
    follow(table, "{jbo}", "{job}")
    run_cli(args, expect=0)
    assert (tmp_path / "out").is_dir()
