"""`--directory FILE`: the .bkr files checked against the site's CP source
directory (bkrdsl/check/directory.py, BKR510-BKR520, BKR522-BKR526, BKR528-BKR535; the reader's own tests:
tests/test_cpdirectory.py), and the commands that take it.

Each slip below is examples/prodssi.direct (examples/prodssi.bkr's directory)
with one thing changed, written beside its expectation.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli
from hypothesis import given
from hypothesis import strategies as st
from test_message_width import too_long

from bkrdsl.cpdirectory import read_directory
from bkrdsl.diagnostics.core import Severity
from bkrdsl.diagnostics.render import MESSAGE_WIDTH
from bkrdsl.pipeline import analyse

PRODSSI = EXAMPLES / "prodssi.bkr"
DIRECT = EXAMPLES / "prodssi.direct"


def unnumbered(text: str) -> str:
    """The directory without its sequence numbers (columns 72-80), so that a slip
    may change a line's length without moving them into the statement."""
    return "\n".join(line[:71].rstrip() for line in text.splitlines()) + "\n"


def directory(*edits: tuple[str, str], text: str | None = None):
    """prodssi.direct (or `text`) with each (regex, replacement) applied once at least."""
    text = unnumbered(DIRECT.read_text()) if text is None else text
    for pattern, new in edits:
        text, n = re.subn(pattern, new, text, flags=re.MULTILINE)
        assert n, pattern
    return read_directory("site.direct", text.encode())


#: prodssi.bkr's `disk` statements but BKRSVSFS's give no place, where prodssi.direct
#: has fixed extents: BKR532 warns at each (tests of its own ask for it, `placed=True`).
UNPLACED = "BKR532"
#: prodssi.direct's product machines are `AUTOONLY` with no LOGONBY (the admin and
#: installation users `LBYONLY`), where the compiled entries are `LBYONLY` with
#: `LOGONBY MAINT`: BKR526 warns, three times (tests of its own ask for it, `logon=True`).
LOGON = "BKR526"
#: prodssi.direct has no DIRMAINT machine, and prodssi.bkr's `disk` statements without a
#: place compile to `AUTOV`: BKR533 warns, once (tests of its own ask for it, `autov=True`).
AUTOV = "BKR533"
#: prodssi.direct gives the 0191 of BKRSVSFS, BKRADMIN, 5697J06C, TCTMM and TCDMM read and
#: write passwords, which the compiled entries drop: BKR534 warns, once (tests of its own
#: ask for it, `links=True`).
LINKS = "BKR534"


def check(
    bkr: str | Path = PRODSSI,
    *edits,
    text=None,
    placed: bool = False,
    logon: bool = False,
    autov: bool = False,
    links: bool = False,
):
    """The diagnostics of `bkr` (a path, or a text) checked against the edited directory,
    none of them cut by the text report for bkrc's own words (every slip here a case of
    tests/test_message_width.py's), BKR532's but where `placed`, BKR526's but where
    `logon`, BKR533's but where `autov` and BKR534's but where `links` left aside (see `UNPLACED`, `LOGON`, `AUTOV`, `LINKS`)."""
    found = directory(*edits, text=text)
    if isinstance(bkr, Path):
        analysis = analyse(str(bkr), bkr.read_bytes(), path=bkr, directory=found)
    else:
        analysis = analyse("site.bkr", bkr.encode(), directory=found)
    diagnostics = analysis.diagnostics
    # every line the text report shows whole, the names at a CP name's width (test_message_width)
    assert [line for d in diagnostics for line in too_long(d, analysis.sources)] == []
    left = set() if placed else {UNPLACED}
    left |= set() if logon else {LOGON}
    left |= set() if autov else {AUTOV}
    left |= set() if links else {LINKS}
    return [d for d in diagnostics if d.code not in left]


def codes(diagnostics) -> list[str]:
    return [d.code for d in diagnostics]


def test_a_directory_that_is_not_text_is_not_checked_against():
    found = read_directory("site.direct", b"USER A PW 1M 1M G\n\0")
    result = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI, directory=found)
    assert codes(result.diagnostics) == ["BKR501"]  # not a BKR511 for every user


@pytest.mark.parametrize(
    ("text", "message", "where"),
    [
        ("", "the CP directory file is empty: it holds no USER or IDENTITY entry", (1, 1)),
        ("\n\n", "the CP directory file is empty: it holds no USER or IDENTITY entry", (1, 1)),
        ("* USER DIRECT, to come\n*\n", ("the CP directory file holds no USER or IDENTITY entry: it is not a CP"
         " source directory"), (1, 1)),
        ("PROFILE IBMDFLT\n LINK MAINT 0190 0190 RR\n", ("the CP directory file holds no USER or IDENTITY entry:"
         " it is not a CP source directory"), (1, 1)),
        (PRODSSI.read_text(encoding="utf-8"), "the CP directory file is .bkr text, not a CP source directory", (3, 1)),
        # a module with no import: its `identity group` line read as an IDENTITY entry,
        # which made every user of the cluster a BKR511
        ("## Site-wide groups\n\nidentity group SYSIDS { TCPIP }\n", (
            "the CP directory file is .bkr text, not a CP source directory"), (3, 1)),
        ("single group PAYROLL {\n  PAYAPP01\n}\n", "the CP directory file is .bkr text, not a CP source directory",
         (1, 1)),
    ],
    ids=["empty", "blank lines", "comments", "a profile alone", "a .bkr file", "an identity group module",
         "a single group module"],
)
def test_a_directory_with_no_entry_is_one_error_not_a_bkr511_for_every_user(text, message, where, tmp_path):
    # was a BKR511 for every user of the file (and BKR512, BKR533; for a .bkr file
    # given as the directory, a BKR502 and a BKR505 for each long line too): compared
    # with nothing, every user seems missing
    found = read_directory("site.direct", text.encode("utf-8"))
    result = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI, directory=found)
    (problem,) = result.diagnostics
    assert (problem.code, problem.message, (problem.span.line, problem.span.column)) == ("BKR501", message, where)
    assert "USER DIRECT" in problem.help
    site = tmp_path / "site.direct"
    site.write_text(text, encoding="utf-8")
    printed = run_cli(["check", PRODSSI, "--directory", site, "--format", "short"], expect=1).output
    assert printed.splitlines() == [f"{site}:{where[0]}:{where[1]}: error BKR501: {message}"]


_WORDS = st.sampled_from(
    [
        "USER",
        "IDENTITY",
        "SUBCONFIG",
        "BUILD",
        "ON",
        "USING",
        "*",
        "TCPIP",
        "TCPIP-1",
        "VMSYS1",
        "VMSYS9",
        "LNXAPP7",
        "MDISK",
        "LINK",
        "INCLUDE",
        "0191",
        "3390",
        "V-DISK",
        "DEVNO",
    ]
)


@given(st.lists(st.lists(_WORDS, max_size=7).map(" ".join), max_size=12))
def test_no_directory_crashes_the_checks(lines):
    found = read_directory("site.direct", "\n".join(lines).encode())
    result = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI, directory=found)
    assert all(d.span is not None and d.help for d in result.diagnostics)


def test_prodssi_checks_clean_against_its_directory_though_it_lacks_most_stdlib_ids():
    assert check() == []
    found = read_directory(str(DIRECT), DIRECT.read_bytes())
    model = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI).model
    absent = [i for i in model.user_ids if found.entry(i) is None]
    assert len(absent) >= 40 and "SMTP" in absent and "7VMDIR30" in absent  # never reported


def test_bkr510_a_single_user_the_directory_makes_an_identity():
    (d,) = check(PRODSSI, (r"^USER CICSPRD", "IDENTITY CICSPRD"))
    assert d.code == "BKR510" and d.is_error
    assert (d.span.file, d.span.line, d.span.column) == (str(PRODSSI), 45, 23)  # CICSPRD in group APPS
    assert "declared single (group APPS)" in d.message and "IDENTITY entry" in d.message
    (related,) = d.related
    assert related.span.file == "site.direct" and "IDENTITY `CICSPRD`" in related.label
    assert d.fix is None  # a group of two: moving one user is the site's choice


def test_bkr510_an_identity_the_directory_makes_a_user_through_the_standard_library():
    (d,) = check(
        PRODSSI,
        (r"^IDENTITY AUTOLOG1", "USER AUTOLOG1"),
        (r"^ BUILD ON \S+ USING SUBCONFIG AUTOG1-\d\n", ""),
        (r"^SUBCONFIG AUTOG1-\d\n MDISK .*\n", ""),  # a USER has no SUBCONFIGs (else BKR517)
    )
    assert d.code == "BKR510" and d.span.file == "std/zvm-common.bkr"
    assert "std/zvm-common" in d.help and "copy" in d.help and d.fix is None


def test_bkr510_a_product_machine_a_pattern_and_a_machine_the_cluster_only_names():
    found = check(
        PRODSSI,
        (r"^USER BKRSVSFS", "IDENTITY BKRSVSFS"),
        (r"^USER LNXAPP01", "IDENTITY LNXAPP01"),
        # Its V-DISK swap too: CP takes none in an IDENTITY entry itself (BKR502).
        (r"^( MDISK 0191 3390 14882 .*)\n MDISK 0300 FB-512 V-DISK 2097152 MR\n", r"\1\n"),
        (r"^IDENTITY BKRWRK01", "USER BKRWRK01"),
        (r"^ BUILD ON \S+ USING SUBCONFIG BKRW01-\d\n", ""),
        (r"^SUBCONFIG BKRW01-\d\n MDISK .*\n", ""),
    )
    assert codes(found) == ["BKR510"] * 3
    places = {d.message.split()[0].strip("`"): (d.span.file, d.span.line) for d in found}
    assert places["BKRSVSFS"] == (str(PRODSSI), 20)  # `catalog shared server BKRSVSFS`
    assert places["LNXAPP01"] == (str(PRODSSI), 43)  # `match LNXAPP*`
    assert places["BKRWRK01"][0] == "std/backup-manager.bkr"  # `identity user BKRWRK* role worker`


def test_bkr510_fixes_a_user_statement_that_declares_that_user_alone():
    bkr = PRODSSI.read_text().replace("  single group APPS", "  single user APPSRV\n  single group APPS")
    (d,) = check(bkr, (r"^USER CICSPRD", "IDENTITY APPSRV 1M 1M G\nUSER CICSPRD"))
    assert d.code == "BKR510" and d.fix is not None
    (edit,) = d.fix.edits
    assert bkr[edit.span.start : edit.span.end] == "single" and edit.new_text == "identity"


def test_bkr511_a_user_a_group_names_that_the_directory_lacks():
    (d,) = check(PRODSSI, (r"^USER LNXWEB02", "USER LNXWEB2 "))
    assert d.code == "BKR511" and d.severity is Severity.WARNING
    assert (d.span.line, d.span.column) == (43, 33)
    assert d.help == "did you mean `LNXWEB2`?" and d.fix.edits[0].new_text == "LNXWEB2"


def test_bkr511_a_user_a_job_backs_up_by_name_and_a_subconfig_named_as_a_user():
    bkr = PRODSSI.read_text().replace("    backup APPS full", "    backup APPS, TCPIP-1, CICSPRD full")
    bkr = bkr.replace("single group APPS { CICSPRD DB2PRD }", "single group APPS { DB2PRD }")
    bkr = bkr.replace("import std/zvm73", "import std/zvm73\nsingle user TCPIP-1, CICSPRD")
    found = check(bkr, (r"^USER CICSPRD", "USER CICSPRX"))
    assert codes(found) == ["BKR511", "BKR511"], found
    assert "`TCPIP-1` is a SUBCONFIG of the site's directory" in found[0].message
    assert "`CICSPRD` is not in the site's directory" in found[1].message and "job `APPSFULL`" in found[1].message


def test_h7_bkr511_a_release_s_own_id_the_directory_lacks_is_no_slip_for_another_release_s():
    """prodssi.bkr upgraded to `import std/zvm74`, its group still naming z/VM 7.2's IDs,
    against prodssi.direct, which has 7.3's MAINT730 and none of 7.2's: BKR511's help at
    MAINT720 was "did you mean `MAINT730`?", with a fix that `--fix` applied, and at
    7VMTCP20 "remove `7VMTCP20` if the guest is gone". Each is z/VM 7.2's own ID, deleted
    after an upgrade: the help says to remove it, names the directory's MAINT730, and
    offers no fix."""
    bkr = PRODSSI.read_text().replace("import std/zvm73", "import std/zvm74")
    bkr = bkr.replace("single group APPS { CICSPRD DB2PRD }", "single group APPS { CICSPRD DB2PRD MAINT720 7VMTCP20 }")
    found = check(bkr)
    assert codes(found) == ["BKR511", "BKR511"], found
    gone = "is z/VM 7.2's own ID (std/zvm72), deleted from the directory after an upgrade or never installed"
    there = "the directory has the other releases' `MAINT730`, for a job to back up if none does"
    assert [(d.help, d.fix) for d in found] == [
        (f"`MAINT720` {gone}: remove it from group APPS; {there}", None),
        (f"`7VMTCP20` {gone}: remove it from group APPS", None),
    ]


def test_bkr512_a_match_pattern_that_matches_no_directory_user():
    (d,) = check(PRODSSI, (r"^USER LNXAPP01", "USER LNXAQP01"), (r"^USER LNXAPP02", "USER LNXAQP02"))
    assert d.code == "BKR512" and (d.span.line, d.span.column) == (43, 57)


def test_bkr513_an_identity_built_on_a_member_the_cluster_does_not_declare():
    found = check(
        PRODSSI, (r"^ BUILD ON VMSYS4 USING SUBCONFIG TCPIP-4", " BUILD ON VMSYS5 USING SUBCONFIG TCPIP-4")
    )
    assert codes(found) == ["BKR514", "BKR513"]
    missing, extra = found
    assert extra.is_error and extra.span.file == "site.direct" and "VMSYS5" in extra.message
    assert [r.span.file for r in extra.related] == [str(PRODSSI), str(PRODSSI)]
    assert not missing.is_error and "no BUILD statement for `VMSYS4`" in missing.message


def test_bkr514_an_identity_not_built_on_every_member_an_each_member_job_runs_on():
    (d,) = check(PRODSSI, (r"^ BUILD ON VMSYS3 USING SUBCONFIG FTPSVE-3\n", ""))
    assert d.code == "BKR514" and "FTPSERVE" in d.message and "VMSYS3" in d.message


def test_no_build_check_for_an_identity_built_on_star_nor_one_no_each_member_job_backs_up():
    star = (r"(^ BUILD ON \S+ USING SUBCONFIG TCPIP-\d\n)+", " BUILD ON * USING SUBCONFIG TCPIP-1\n")
    # TCPIP-2 to TCPIP-4 are left behind, named by no BUILD now: BKR517's, not BKR514's.
    assert [(d.code, d.span.line) for d in check(PRODSSI, star)] == [("BKR517", n) for n in (98, 100, 102)]
    no_job = (r"^ BUILD ON VMSYS3 USING SUBCONFIG AUTOG1-3\n", "")  # AUTOLOG1: no job backs it up
    assert codes(check(PRODSSI, no_job, (r"^SUBCONFIG AUTOG1-3\n MDISK .*\n", ""))) == []
    (lost,) = check(PRODSSI, no_job)  # its SUBCONFIG left: built by none
    assert lost.code == "BKR517" and "`AUTOG1-3`, after IDENTITY `AUTOLOG1`" in lost.message


def test_without_a_directory_nothing_of_it_runs():
    plain = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI)
    assert plain.directory is None and set(plain.sources) == set(plain.program.sources)


# ---------------------------------------------------------------- the commands


def slips(tmp_path: Path) -> Path:
    """prodssi's directory with one error (BKR510) and one warning (BKR511)."""
    text = unnumbered(DIRECT.read_text()).replace("USER CICSPRD", "IDENTITY CICSPRD")
    path = tmp_path / "USER.DIRECT"
    path.write_text(text.replace("USER LNXWEB02", "USER LNXWEB2 "))
    return path


def test_check_exit_codes_with_a_directory(tmp_path):
    # prodssi.bkr's `disk` statements without a place (BKR532, BKR533), logon policy (BKR526) and
    # link passwords (BKR534): warnings alone, exit 0.
    said = run_cli(["check", PRODSSI, "--directory", DIRECT], expect=0).output
    found = set(re.findall(r"^(\w+)\[(BKR\d+)\]", said, re.MULTILINE))
    assert found == {("warning", UNPLACED), ("warning", LOGON), ("warning", AUTOV), ("warning", LINKS)}
    result = run_cli(["check", PRODSSI, "--directory", slips(tmp_path)], expect=1)
    assert "error[BKR510]" in result.output and "warning[BKR511]" in result.output
    assert f"::: {tmp_path / 'USER.DIRECT'}:" in result.output  # the directory's line, framed
    warning_only = tmp_path / "warn.direct"
    warning_only.write_text(unnumbered(DIRECT.read_text()).replace("USER LNXWEB02", "USER LNXWEB2 "))
    assert "BKR511" in run_cli(["check", PRODSSI, "--directory", warning_only], expect=0).output


def test_a_directory_that_cannot_be_read_is_a_usage_error(tmp_path):
    result = run_cli(["check", PRODSSI, "--directory", tmp_path / "missing"], expect=2)
    assert f"bkrc: {tmp_path / 'missing'}: no such file (the --directory file)" in result.output
    run_cli(["check", PRODSSI, "--directory", DIRECT, "--directory", DIRECT], expect=2)
    binary = tmp_path / "binary.direct"
    binary.write_bytes(b"\0" * 10)
    assert "BKR501" in run_cli(["check", PRODSSI, "--directory", binary], expect=1).output


def test_json_sarif_and_github_point_into_the_directory(tmp_path):
    path = str(slips(tmp_path))
    data = json.loads(run_cli(["check", PRODSSI, "--directory", path, "--format", "json"], expect=1).output)
    kind = next(d for d in data["diagnostics"] if d["code"] == "BKR510")
    assert kind["file"] == str(PRODSSI) and kind["related"][0]["file"] == path
    sarif = json.loads(run_cli(["check", PRODSSI, "--directory", path, "--format", "sarif"], expect=1).output)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "BKR510")
    assert path in json.dumps(result["relatedLocations"])
    duplicate = tmp_path / "dup.direct"
    duplicate.write_text(DIRECT.read_text() + "USER TCPIP X 1M 1M G\n")
    github = run_cli(["check", PRODSSI, "--directory", duplicate, "--format", "github"], expect=1).output
    assert f"::error file={duplicate},line=323,col=6," in github and "BKR503" in github


def test_compile_refuses_to_write_against_a_directory_that_contradicts_the_file(tmp_path):
    out = tmp_path / "out"
    result = run_cli(["compile", PRODSSI, "-o", out, "--directory", slips(tmp_path)], expect=1)
    assert "BKR510" in result.output and not out.exists()
    run_cli(["compile", PRODSSI, "-o", out, "--directory", DIRECT], expect=0)
    plain = tmp_path / "plain"
    run_cli(["compile", PRODSSI, "-o", plain], expect=0)
    assert (out / "manifest.json").read_text() == (plain / "manifest.json").read_text()


def test_show_takes_the_directory_too(tmp_path):
    """With a directory it has no error against, `bkrc show` shows what it shows without,
    and only adds its coverage (docs/show.md): the JSON less the keys --directory adds is
    the plain JSON."""
    plain = json.loads(run_cli(["show", PRODSSI, "--format", "json"], expect=0).stdout)
    shown = json.loads(run_cli(["show", PRODSSI, "--format", "json", "--directory", DIRECT], expect=0).stdout)
    assert shown["cluster"].pop("directory")["file"] == str(DIRECT)
    for member in shown["members"]:
        assert member.pop("coverage")["users"] > 0
        for job in member["jobs"]:
            for backed_up in job["backs_up"]:
                assert set(backed_up.pop("pattern_users")) == set(backed_up["patterns"])
    assert shown == plain
    assert "BKR510" in run_cli(["show", PRODSSI, "--directory", slips(tmp_path)], expect=1).output


def test_the_note_after_an_interrupted_fix_names_the_directory():
    from bkrdsl.cli.check import FileFix, interrupted

    lines = interrupted(["a.bkr"], [FileFix("b.bkr")], (), "interrupted", None, "USER.DIRECT")
    assert lines[-1].endswith("bkrc check --fix --directory USER.DIRECT a.bkr")


def test_docs_directory_md_shows_what_bkrc_prints(monkeypatch):
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    text = (ROOT / "docs" / "directory.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```text\n\$ (bkrc [^\n]*)\n(.*?)```", text, re.DOTALL)
    command, shown = block
    result = run_cli(command.split()[1:], expect=1)
    assert result.output == shown
    assert run_cli(["check", "examples/prodssi.bkr"], expect=0).output == ""


def _job_line(line: str, after: str = "    include minidisk * 0191\n    to disk pool BKUPPOOL") -> str:
    """prodssi.bkr with `line` added to job LNXINC (group LINUX, on VMSYS2)."""
    text = PRODSSI.read_text()
    assert after in text
    return text.replace(after, f"{line}\n{after}", 1)


def test_bkr515_an_address_that_names_no_minidisk_of_the_user_with_did_you_mean_and_its_fix():
    (d,) = check(_job_line("    include minidisk LNXWEB01 0192"))
    assert d.code == "BKR515" and d.severity is Severity.WARNING and d.span.file == "site.bkr"
    assert "`0192` names no minidisk of `LNXWEB01`" in d.message and "backs up nothing" in d.message
    assert d.help.startswith("did you mean `0191`?") and "`0100`, `0191` and `0300`" in d.help
    assert d.fix is not None and d.fix.edits[0].new_text == "0191"
    assert d.related[0].span.file == "site.direct" and "USER `LNXWEB01`" in d.related[0].label


def test_bkr515_an_owner_pattern_names_each_user_the_records_are_written_for():
    # `include minidisk * 0191` is written per user of LINUX: LNXDB01's 191 moved is seen, without a fix.
    (d,) = check(PRODSSI, (r"^ MDISK 0191( 3390 11534)", r" MDISK 0192\1"))
    assert d.code == "BKR515" and "`0191` names no minidisk of `LNXDB01`" in d.message and d.fix is None
    # LNXAPP* is matched against the directory, as Backup Manager would find its users.
    (d,) = check(PRODSSI, (r"^ MDISK 0191( 3390 14882)", r" MDISK 0192\1"))
    assert "`LNXAPP01`" in d.message


#: Where `_job_line` adds a line to job LNXFULL (LINUX too), whose `include minidisk *
#: 0100-0FFF` reaches every address an exclude below names.
IN_LNXFULL = "    to tape\n    run on VMSYS2"


def test_bkr515_an_exclude_is_compared_only_with_its_owner_written_and_not_at_a_link():
    (d,) = check(_job_line("    exclude minidisk LNXWEB01 0192", IN_LNXFULL))
    assert d.code == "BKR515" and "the exclude excludes nothing" in d.message
    assert check(_job_line("    exclude minidisk LNXWEB01 0190 019D", IN_LNXFULL)) == []  # IBMDFLT's links
    assert check(_job_line("    exclude minidisk * 0199", IN_LNXFULL)) == []  # written for every owner, as given
    assert check(_job_line("    include minidisk LNXWEB01 0190-019E")) == []  # the range holds the 191


def test_bkr515_leaves_to_bkr413_an_exclude_none_of_the_job_s_includes_reaches():
    # In LNXINC, whose one include is 0191: removing nothing is said once, whatever the directory holds.
    (d,) = check(_job_line("    exclude minidisk LNXWEB01 0192"))
    assert d.code == "BKR413" and "removes nothing from job `LNXINC`" in d.message


def test_bkr515_an_identity_s_minidisk_missing_on_some_members_names_them():
    # Once per job that includes `* 0191` of SYSIDS: SYSIN (line 80) and SYSME (line 90).
    found = check(PRODSSI, (r"^( MDISK )0191( 3390 0319 0003 M2PRV1)", r"\g<1>0291\2"))
    # (and, since stop 76, h3, BKR535 once: its 0291, in VMSYS2's SUBCONFIG only, selected by no job)
    assert [d.code for d in found if d.code != "BKR515"] == ["BKR535"]
    found = [d for d in found if d.code == "BKR515"]
    assert [(d.code, d.span.line) for d in found] == [("BKR515", 80), ("BKR515", 90)]
    for d in found:
        assert "IDENTITY `FTPSERVE` that its SUBCONFIG on `VMSYS2` does not define" in d.message
        assert d.span.file == str(PRODSSI)
    every = [(r"^( MDISK )0191( 3390 0319 0003 M\dPRV1)", r"\g<1>0291\2")]
    # (and BKR535, at SYSIDS's `FTPSERVE`: its 0291 is selected by no job)
    (d, _) = [x for x in check(PRODSSI, *every) if x.code == "BKR515"]
    assert "names no minidisk of `FTPSERVE`" in d.message and "(`FTPSERVE`'s minidisks: `0291`)" in d.help


#: A minidisk in TCPIP's IDENTITY entry itself, not in a SUBCONFIG: one global minidisk
#: every member's instance shares (IBM's "MDISK Directory Statement").
GLOBAL_0200 = (r"^( OPTION QUICKDSP)$", r"\1\n MDISK 0200 3390 3000 0050 VMCOM1 MR")
#: Where `_job_line` adds a line to job SYSIN (SYSIDS: TCPIP and FTPSERVE, on each member).
IN_SYSINC = "    to tape\n    run on each member daily 03:30"


def _sysinc(includes: str) -> str:
    """prodssi.bkr with job SYSIN's `include minidisk * 0191` replaced by `includes`."""
    text = PRODSSI.read_text()
    old = "    include minidisk * 0191\n" + IN_SYSINC
    assert old in text
    return text.replace(old, includes + "\n" + IN_SYSINC, 1)


def _but_417(diagnostics):
    """BKR417's left aside: a TCPIP 0200 include added to SYSIN alone is in no include of its
    full job, SYSME, which BKR417 rightly says; these tests are BKR530's."""
    return [d for d in diagnostics if d.code != "BKR417"]


def test_bkr530_an_identity_s_global_minidisk_an_each_member_job_backs_up_once_per_member():
    # BKR417 too: SYSIN's TCPIP 0200 is in no include of its full job, SYSME.
    assert codes(check(_job_line("    include minidisk TCPIP 0200", IN_SYSINC), GLOBAL_0200)) == ["BKR417", "BKR530"]
    (d,) = _but_417(check(_job_line("    include minidisk TCPIP 0200", IN_SYSINC), GLOBAL_0200))
    assert d.code == "BKR530" and d.severity is Severity.ERROR and d.span.file == "site.bkr"
    assert (d.span.line, d.span.column) == (81, 28)  # the include's `0200`
    assert "job `SYSIN`" in d.message and "`TCPIP`'s minidisk 0200" in d.message
    assert "IDENTITY entry" in d.message and "4 members" in d.message
    assert "`run on VMSYS1`" in d.help  # it selects only a global minidisk: moved out, not excluded (h1, stop 78)
    labels = [r.label for r in d.related]
    assert d.related[0].span.file == "site.direct" and "MDISK 0200" in labels[0]
    assert any("runs on each member" in label for label in labels)
    # `*` and a range reach it too, once for the job's include that does.
    (d,) = check(_sysinc("    include minidisk * 0191-02FF"), GLOBAL_0200)
    assert d.code == "BKR530" and "`TCPIP`'s minidisk 0200" in d.message and d.span.line == 80
    # Excluded from the job: backed up by none of its copies.
    assert check(_sysinc("    include minidisk * 0191-02FF\n    exclude minidisk TCP* 0200"), GLOBAL_0200) == []
    # Not selected, a SUBCONFIG's (local), a temporary disk, or on `&SYSRES` (each member's own volume).
    assert check(PRODSSI, GLOBAL_0200) == []
    local = (r"^(SUBCONFIG TCPIP-\d)$", r"\1\n MDISK 0200 3390 3000 0050 VMCOM1 MR")
    assert _but_417(check(_job_line("    include minidisk TCPIP 0200", IN_SYSINC), local)) == []
    tdisk = (r"^( OPTION QUICKDSP)$", r"\1\n MDISK 0200 3390 T-DISK 50 MR")
    assert codes(_but_417(check(_job_line("    include minidisk TCPIP 0200", IN_SYSINC), tdisk))) == ["BKR516"]
    sysres = (r"^( OPTION QUICKDSP)$", r"\1\n MDISK 0200 3390 3000 0050 &SYSRES MR")
    assert _but_417(check(_job_line("    include minidisk TCPIP 0200", IN_SYSINC), sysres)) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1s78_bkr530_s_help_never_leads_to_bkr415_an_include_of_global_minidisks_alone_moves_out(parser, monkeypatch):
    """A sysprog's hand-written job of the IDENTITY users on one member, made `run on each
    member` by BKR221's help, names a global minidisk by its owner and address beside the
    job's `* 0191` (SYSIN's `include minidisk TCPIP 0200`). BKR530's help said to write
    `exclude minidisk TCPIP 0200` in the job: followed, the include then selects nothing,
    BKR415's warning. The help says to move the include into a job of its own on one member,
    and, where every include of the job is such, to run the job itself on one member; each
    way, applied as the help says, checks clean with the directory."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    named = _job_line("    include minidisk TCPIP 0200", IN_SYSINC)
    (d,) = _but_417(check(named, GLOBAL_0200))
    assert d.code == "BKR530" and "`exclude minidisk" not in d.help
    assert d.help.startswith(
        "move the include (line 81) into a job of its own on one member (`run on VMSYS1`), which BKR221 allows with"
        " `--directory`: it selects only global minidisks, so an exclude here would leave it nothing (BKR415)"
    )
    # The help's old way, followed: the include then selects nothing.
    excluded = named.replace("    include minidisk TCPIP 0200\n", "    include minidisk TCPIP 0200\n"
                             "    exclude minidisk TCPIP 0200\n", 1)
    assert codes(_but_417(check(excluded, GLOBAL_0200))) == ["BKR415"]
    # The help's way, followed: the line moved into a job of its own on VMSYS1.
    moved = _with_sysglob(SYSGLOB.replace("run on VMSYS1 daily", "run on VMSYS1 weekly sun"))
    assert _sysglob_check(moved, GLOBAL_0200) == []
    # A job whose every include selects only global minidisks: run it on one member.
    alone = _sysinc("    include minidisk TCPIP 0200")
    (d,) = [x for x in check(alone, GLOBAL_0200) if x.code == "BKR530"]
    assert d.help.startswith(
        "run the job on one member, `run on VMSYS1` (line 82): each of its includes selects only global"
        " minidisks, which BKR221 allows with `--directory`"
    )
    assert "`exclude minidisk" not in d.help
    applied = alone.replace(IN_SYSINC, IN_SYSINC.replace("each member", "VMSYS1"), 1)
    assert codes(_but_417(check(applied, GLOBAL_0200))) == []  # BKR417: SYSME, full, lacks TCPIP 0200
    # An include that also reaches a SUBCONFIG's (local) minidisk keeps the exclude's advice.
    (d,) = check(_sysinc("    include minidisk * 0191-02FF"), GLOBAL_0200)
    assert d.help.startswith("exclude it from the job, `exclude minidisk TCPIP 0200`")


def _longest_names(run: str, local: int = 0) -> tuple[str, str]:
    """A cluster of eight members (the most z/VM allows), every name as long as a z/VM
    name may be (eight characters; the job seven, so that its per-member names are
    eight), whose job of IDENTITY TCPIPXYZ runs on `run` and backs up its global 0200;
    the first `local` SUBCONFIGs define 0200 too. The .bkr text and the directory's."""
    members = [f"ZVMSYSA{i}" for i in range(1, 9)]
    bkr = "import std/backup-manager\nimport std/zvm73\n\ncluster LONGSSI {\n"
    for i, member in enumerate(members, 1):
        bkr += f"  member {member} {{ workers 2  private-volume P{i}PRV1  job-suffix {i} }}\n"
    bkr += (
        "  disk BKRBKUP 191 size 10 cyl\n  disk BKRCATLG 191 size 10 cyl\n  disk BKRWRK* 191 size 5 cyl\n"
        f"  catalog shared server BKRSVSFS pool BKRPOOL on {members[0]}\n"
        f"  expire on {members[0]} {{\n    purge weekly sun 06:00\n    retain 30 days\n  }}\n"
        "  identity group SYSTEM { TCPIPXYZ }\n"
        "  job SYSINCX {\n    backup SYSTEM full\n    include minidisk TCPIPXYZ 0200\n    to disk pool BKUPPOOL\n"
        f"    run on {run or ', '.join(members)} daily 02:00\n  }}\n}}\n"
    )
    direct = "USER DIRMAINT AUTOONLY 128M 256M BG\n"  # a DirMaint site: its disks without a place are no BKR533
    direct += "IDENTITY TCPIPXYZ TCPIP 256M 256M ABG\n"
    direct += "".join(f" BUILD ON {m} USING SUBCONFIG TCPIPXY{i}\n" for i, m in enumerate(members, 1))
    direct += " IPL CMS\n MDISK 0200 3390 3000 0050 VMCOM1 MR\n"
    for i in range(1, 9):
        direct += f"SUBCONFIG TCPIPXY{i}\n MDISK 0191 3390 0316 0003 P{i}PRV1 MR\n"
        direct += f" MDISK 0200 3390 0400 0003 P{i}PRV1 MR\n" if i <= local else ""
    return bkr, direct


@pytest.mark.parametrize(("run", "local"), [("each member", 0), ("", 0), ("each member", 7), ("", 7), ("", 1)])
def test_bkr530_stays_within_the_message_width_with_the_longest_names(run, local):
    # Eight members of eight characters: the message named the members and the eight
    # jobs the job becomes (301 and 347 characters), or, the address also in seven of
    # the SUBCONFIGs, the members and the SUBCONFIGs (402); the renderers cut it at
    # MESSAGE_WIDTH. The related labels name them now.
    bkr, direct = _longest_names(run, local)
    found = analyse("site.bkr", bkr.encode(), directory=read_directory("site.direct", direct.encode())).diagnostics
    # SYSINCX, seven characters on members with several workers, is BKR227's warning too;
    # TCPIPXYZ's 0191, which no job selects, BKR535's
    (d,) = [x for x in found if x.code not in ("BKR227", "BKR535")]
    assert d.code == "BKR530"
    assert len(d.message) <= MESSAGE_WIDTH and len(d.help) <= MESSAGE_WIDTH, d.message
    assert all(len(r.label) <= MESSAGE_WIDTH for r in d.related)
    labels = [r.label for r in d.related]
    if local == 0:
        assert "so each of the 8 members' jobs backs it up" in d.message
        assert labels[-1].endswith(", as `SYSINCX1`, `SYSINCX2`, `SYSINCX3`, `SYSINCX4`, `SYSINCX5`, `SYSINCX6`,"
                                   " `SYSINCX7` and `SYSINCX8`")
    elif local == 7:
        assert "and in 7 of its SUBCONFIGs (local)" in d.message
        assert [label for label in labels if label.startswith("MDISK")] == [
            f"MDISK 0200 in SUBCONFIG `TCPIPXY{i}`: local" for i in range(1, 8)
        ]
    else:
        assert "and in its SUBCONFIG `TCPIPXY1` (local)" in d.message


#: TCPIP's 0191 in its IDENTITY entry itself (global), beside the one each of its SUBCONFIGs has (local).
GLOBAL_0191 = (r"^( OPTION QUICKDSP)$", r"\1\n MDISK 0191 3390 3000 0050 VMCOM1 MR")


def test_bkr530_a_global_minidisk_defined_again_locally_is_said_so_with_init_s_advice_not_an_exclude():
    """TCPIP's 0191 in its entry itself and in each SUBCONFIG, selected by SYSIN on each
    member: BKR530's exclude advice, followed, took the local 0191s out of SYSIN too, and
    a job on one member selecting them is BKR221. BKR530 says the address is defined
    twice and gives `bkrc init`'s advice (starter.directory_global_and_local), the same
    text, written once: define it once, in the IDENTITY entry or in each SUBCONFIG."""
    d, sysme = check(PRODSSI, GLOBAL_0191)  # SYSME's `include minidisk * 0191` (line 90) too
    assert (sysme.code, sysme.span.line) == ("BKR530", 90) and "job `SYSME`" in sysme.message
    assert d.code == "BKR530" and d.severity is Severity.ERROR and (d.span.line, d.span.column) == (80, 24)
    assert d.message == (
        "job `SYSIN` backs up `TCPIP`'s minidisk 0191, but IDENTITY `TCPIP` defines it in its"
        " entry itself (global: one every member's instance shares) and in each of its SUBCONFIGs (local): an"
        " exclude takes the address, so no job can back up the global one once and the others on each member"
    )
    assert d.help == (
        "define `TCPIP`'s 0191 once: in the IDENTITY entry (global: backed up once, from VMSYS1) or in each"
        " SUBCONFIG (local: backed up on each member); which one CP gives an instance, or whether DIRECTXA takes"
        " both, bkrc does not know (docs/compatibility.md)"
    )
    assert "exclude minidisk" not in d.help
    assert len(d.message) <= MESSAGE_WIDTH and len(d.help) <= MESSAGE_WIDTH
    labels = [r.label for r in d.related]
    assert labels[0] == "IDENTITY `TCPIP`'s MDISK 0191, in its entry, not a SUBCONFIG"
    assert labels.count("MDISK 0191 in SUBCONFIG `TCPIP-1`: local") == 1 and len(labels) == 6
    assert labels[-1] == "job `SYSIN` runs on each member here"
    # The same advice as `bkrc init --directory` gives for that directory, from the one text.
    from bkrdsl.starter import directory_global_and_local

    (said,) = directory_global_and_local(directory(GLOBAL_0191), ("TCPIP",), ("VMSYS1", "VMSYS2"))
    assert said.help.startswith(d.help.split(";")[0])
    assert said.help.endswith(d.help.split(";", 1)[1])
    # Defined again in the entry itself (a T-DISK, or on `&SYSRES`): the same advice.
    for again in ("T-DISK 50", "3000 0050 &SYSRES"):
        both = (GLOBAL_0191[0], rf"\1\n MDISK 0191 3390 {again} MR\n MDISK 0191 3390 3000 0050 VMCOM1 MR")
        d, sysme = check(PRODSSI, both, (r"^(SUBCONFIG TCPIP-\d)\n MDISK 0191 .*$", r"\1"))
        assert (sysme.code, sysme.span.line) == ("BKR530", 90)  # SYSME's `* 0191`, said alike
        assert d.code == "BKR530" and "defines it in its entry itself (global" in d.message
        assert "and again there: an exclude" in d.message and d.help.startswith("define `TCPIP`'s 0191 once")
    # Global alone: the exclude advice stands (it takes nothing else out).
    d, sysme = check(PRODSSI, GLOBAL_0191, (r"^(SUBCONFIG TCPIP-\d)\n MDISK 0191 .*$", r"\1"))
    assert (sysme.code, sysme.span.line) == ("BKR530", 90)
    assert d.code == "BKR530" and "`exclude minidisk TCPIP 0191`" in d.help


#: A job of SYSIDS that backs up TCPIP's global 0200 (GLOBAL_0200) once, from one member.
SYSGLOB = """  job SYSGLOB {
    backup SYSIDS full
    include minidisk TCPIP 0200
    to tape
    run on VMSYS1 daily 04:30
  }
}
"""


def _with_sysglob(job: str = SYSGLOB) -> str:
    text = PRODSSI.read_text()
    assert text.endswith("  }\n}\n")
    return text[: -len("}\n")] + job


def _sysglob_check(bkr: str, *edits):
    """`check`, BKR417's and BKR410's left aside: SYSGLOB is a second full job of SYSIDS
    beside SYSME, so where it selects TCPIP's 0191 too BKR410 rightly says both back it
    up, and BKR417 what SYSIN selects that SYSGLOB does not; these tests are BKR221's."""
    return [d for d in check(bkr, *edits) if d.code not in ("BKR417", "BKR410")]


def _sysglob_alone(bkr: str):
    """The diagnostics of `bkr` without a directory, BKR417's and BKR410's left aside (`_sysglob_check`)."""
    return [d for d in analyse("site.bkr", bkr.encode()).diagnostics if d.code not in ("BKR417", "BKR410")]


def test_bkr221_with_the_directory_a_job_that_selects_only_global_minidisks_may_run_on_one_member():
    assert _sysglob_check(_with_sysglob(), GLOBAL_0200) == []
    # Without the directory nothing proves it: BKR221, whose help says what would.
    (d,) = _sysglob_alone(_with_sysglob())
    assert d.code == "BKR221" and "--directory" in d.help and "global" in d.help
    # The directory shows a SUBCONFIG's (local) minidisk selected, or no global one: BKR221 stands.
    local = _with_sysglob(SYSGLOB.replace("TCPIP 0200", "TCPIP 0191-0200"))
    assert codes(_sysglob_check(local, GLOBAL_0200)) == ["BKR221"]
    assert sorted(codes(_sysglob_check(_with_sysglob()))) == ["BKR221", "BKR515"]  # no 0200 in the directory
    sysres = (r"^( OPTION QUICKDSP)$", r"\1\n MDISK 0200 3390 3000 0050 &SYSRES MR")
    assert codes(_sysglob_check(_with_sysglob(), sysres)) == ["BKR221"]  # each member's own residence volume
    # A SUBCONFIG's minidisk the job excludes is not selected.
    excluded = SYSGLOB.replace("TCPIP 0200\n", "TCPIP 0191-0200\n    exclude minidisk TCPIP 0191\n")
    assert _sysglob_check(_with_sysglob(excluded), GLOBAL_0200) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1s78_bkr221_s_fix_is_held_back_without_the_directory_from_a_job_of_named_minidisks(parser, monkeypatch, tmp_path):
    """`bkrc check --fix` without `--directory` wrote `run on each member` into SYSGLOB,
    the job of its own on one member that BKR530's help and `bkrc init --directory` write
    for a global minidisk (`include minidisk TCPIP 0200`): with the directory it was then
    BKR530's error, the global minidisk backed up once per member. Whether such a job is
    BKR221's exception only the directory says: without it the help stays, the fix not.
    A job with `*` or a pattern, and one the directory shows selects local minidisks, keep
    the fix."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    (d,) = _sysglob_alone(_with_sysglob())
    assert d.code == "BKR221" and d.fix is None and "`--directory`" in d.help
    # `*`: no job of its own for a global minidisk; the fix stays.
    starred = _with_sysglob(SYSGLOB.replace("include minidisk TCPIP 0200", "include minidisk * 0200"))
    (d,) = _sysglob_alone(starred)
    assert d.code == "BKR221" and d.fix is not None
    # With the directory, a local minidisk selected: BKR221 stands, with its fix.
    local = _with_sysglob(SYSGLOB.replace("TCPIP 0200", "TCPIP 0191-0200"))
    (d,) = _sysglob_check(local, GLOBAL_0200)
    assert d.code == "BKR221" and d.fix is not None
    # `bkrc check --fix` without the directory leaves SYSGLOB where it is, and it checks clean with it.
    path = tmp_path / "site.bkr"
    path.write_text(_with_sysglob())
    run_cli(["check", "--fix", path], expect=1)
    assert path.read_text() == _with_sysglob()
    site = tmp_path / "site.direct"
    site.write_text(unnumbered(DIRECT.read_text()).replace(" OPTION QUICKDSP\n", " OPTION QUICKDSP\n MDISK 0200 3390 3000 0050 VMCOM1 MR\n", 1))
    out = run_cli(["check", path, "--directory", site, "--format", "short"], expect=0).output
    assert "BKR221" not in out and "BKR530" not in out


#: SYSGLOB with an SFS include of the shared catalog's file pool beside its global minidisk.
MIXED = SYSGLOB.replace("TCPIP 0200\n", "TCPIP 0200\n    include sfs BKRPOOL:TCPIP.*\n")


def test_bkr221_a_job_of_shared_pool_paths_and_global_minidisks_may_run_on_one_member_with_the_directory():
    # Each include backs up data every member shares, once: BKR221's two exceptions are one rule.
    assert _sysglob_check(_with_sysglob(MIXED), GLOBAL_0200) == []
    # Without the directory the minidisk's scope is unproven: BKR221, whose help says both ways out.
    (d,) = _sysglob_alone(_with_sysglob(MIXED))
    assert d.code == "BKR221" and d.fix is None
    assert d.help == (
        "use `run on each member`, and move the includes of the shared file pool into a job of their own on one"
        " member (BKR226); if its minidisks are global (of the IDENTITY entries themselves: one every member"
        " shares), it may run on one member, which the site's directory proves (`--directory`)"
    )
    assert len(d.help) <= MESSAGE_WIDTH  # the renderers show it whole, `--directory` included
    # The minidisk include also reaches a SUBCONFIG's (local) 0191: BKR221 stands, with the directory too.
    local = MIXED.replace("TCPIP 0200\n", "TCPIP 0191-0200\n")
    (d,) = _sysglob_check(_with_sysglob(local), GLOBAL_0200)
    assert d.code == "BKR221" and "its minidisk includes select only global minidisks" in d.help
    assert len(d.help) <= MESSAGE_WIDTH
    assert codes(_sysglob_alone(_with_sysglob(local))) == ["BKR221"]
    # An SFS path outside the shared pool (each member's VMSYS:) is each member's own: BKR221 stands.
    own_pool = _with_sysglob(MIXED.replace("BKRPOOL:TCPIP.*", "VMSYS:TCPIP.*"))
    assert codes(_sysglob_check(own_pool, GLOBAL_0200)) == ["BKR221"]


def test_bkr516_an_include_of_only_a_v_disk_or_t_disk():
    (d,) = check(_job_line("    include minidisk LNXWEB01 0300"))
    assert d.code == "BKR516" and "only a V-DISK of `LNXWEB01`" in d.message
    assert d.related[0].span.file == "site.direct" and "V-DISK" in d.related[0].label
    tdisk = (r"^ MDISK 0191 3390 8186 0010 LXP001 MR RPASS WPASS", " MDISK 0191 3390 T-DISK 10 MR")
    full, d = check(PRODSSI, tdisk)  # LNXFULL's `0100-0FFF` selects it beside the 100; LNXINC's `0191` alone
    assert d.code == "BKR516" and "only a T-DISK of `LNXWEB02`" in d.message
    assert full.code == "BKR516" and "also selects the T-DISK at 0191 of `LNXWEB02`" in full.message
    assert check(_job_line("    exclude minidisk LNXWEB01 0300", IN_LNXFULL)) == []  # excluding it loses nothing
    # prodssi.bkr's LNXFULL excludes the V-DISK swap its `0100-0FFF` would reach beside each guest's 100.
    assert check(PRODSSI) == []


#: prodssi.bkr as it was before LNXFULL excluded its guests' V-DISKs at 0300.
WITHOUT_0300 = PRODSSI.read_text().replace(
    "exclude minidisk * 0190 019D 019E 0300  # 0300: each guest's V-DISK swap, empty at logon",
    "exclude minidisk * 0190 019D 019E",
)


def test_bkr516_a_range_that_selects_a_v_disk_beside_permanent_minidisks():
    """`include minidisk * 0100-0FFF` over each Linux guest's 0100 and its V-DISK swap at
    0300: one warning naming the guests, whose fix excludes 0300 from the job (once a slip:
    BKR516 said only a range of temporary disks alone)."""
    from bkrdsl.fixes import apply

    assert WITHOUT_0300 != PRODSSI.read_text()
    (d,) = check(WITHOUT_0300)
    assert d.code == "BKR516" and d.severity is Severity.WARNING and d.span.line == 52
    assert d.message.startswith("`0100-0FFF` also selects the V-DISK at 0300 of `LNXWEB01`, `LNXWEB02`, `LNXDB01`,")
    assert d.related[0].span.file == "site.direct" and "`LNXWEB01`'s V-DISK" in d.related[0].label
    assert "`exclude minidisk * 0300` (no user the job backs up has a permanent minidisk there)" in d.help
    fixed = apply(WITHOUT_0300, [d])  # appended to the job's `exclude minidisk *`
    assert "exclude minidisk * 0190 019D 019E 0300\n" in fixed and check(fixed) == []
    # Excluded by the job some other way, or by the member the single-configuration job runs on.
    assert check(WITHOUT_0300.replace("0190 019D 019E\n", "0190 019D 019E\n    exclude minidisk LNX* 02FF-0300\n", 1)) == []
    assert check(WITHOUT_0300.replace("exclude minidisk LNX* 0192", "exclude minidisk LNX* 0192 0300")) == []
    # One guest's 0300 a permanent minidisk: `*` would take it out of the job too, so an exclude per user.
    permanent = (r"^(USER LNXDB01.*(?:\n.*){5}\n) MDISK 0300 FB-512 V-DISK 2097152 MR", r"\1 MDISK 0300 3390 20000 0010 LXP001 MR")
    (d,) = check(WITHOUT_0300, permanent)
    assert "`LNXDB01`" not in d.message and "`LNXAPP02`" in d.message
    assert "user by user: `exclude minidisk LNXWEB01 0300` and the like" in d.help
    fixed = apply(WITHOUT_0300, [d])
    assert "    include minidisk * 0100-0FFF\n    exclude minidisk LNXWEB01 0300\n    exclude minidisk LNXWEB02 0300\n" in fixed
    assert check(fixed, permanent) == []
    # A range of temporary disks alone is still the first form, once; a range short of 0300 says nothing.
    (d,) = [d for d in check(WITHOUT_0300.replace("* 0100-0FFF", "* 0300-03FF")) if d.code == "BKR516"]
    assert "selects only a V-DISK" in d.message
    assert check(WITHOUT_0300.replace("* 0100-0FFF", "* 0100-02FF")) == []


def test_bkr516_a_range_that_selects_an_identitys_v_disk_beside_its_191():
    """An IDENTITY's V-DISK is its SUBCONFIG's: looked for on each member the job runs on."""
    vdisk = (r"^(SUBCONFIG TCPIP-2\n MDISK 0191 .*)$", r"\1\n MDISK 0300 FB-512 V-DISK 65536 MR")
    (d,) = check(_sysinc("    include minidisk * 0191-03FF"), vdisk)
    assert d.code == "BKR516" and "the V-DISK at 0300 of `TCPIP`" in d.message and d.span.line == 80
    assert check(_sysinc("    include minidisk * 0191-03FF\n    exclude minidisk TCPIP 0300"), vdisk) == []


def test_bkr517_and_bkr514_say_a_lost_build_statement_once():
    (d,) = check(PRODSSI, (r"^ BUILD ON VMSYS3 USING SUBCONFIG FTPSVE-3\n", ""))
    assert d.code == "BKR514" and "`BUILD ON VMSYS3 USING SUBCONFIG FTPSVE-3`" in d.help
    assert any("`FTPSVE-3`: no BUILD statement names it" in r.label for r in d.related)
    (d,) = check(PRODSSI, (r"^ BUILD ON VMSYS4 USING SUBCONFIG OPEROR-4\n", ""))  # no job backs OPERATOR up
    assert d.code == "BKR517" and d.span.file == "site.direct" and "`OPEROR-4`" in d.message


def test_bkr518_a_worker_the_directory_does_not_build_on_a_member_that_runs_it():
    found = check(PRODSSI, (r"^ BUILD ON VMSYS2 USING SUBCONFIG BKRW03-2\n", ""))
    (d,) = found  # BKRW03-2 left behind: named by this diagnostic, not BKR517 as well
    assert d.code == "BKR518" and d.severity is Severity.WARNING and d.span.file == "site.direct"
    assert "`BKRWRK03` has no BUILD statement for `VMSYS2`" in d.message and "`workers 4` on `VMSYS2`" in d.message
    assert "`BUILD ON VMSYS2 USING SUBCONFIG BKRW03-2`" in d.help
    assert d.help.endswith("or write `workers 2` on `VMSYS2`, the workers its directory builds")
    (first,) = check(PRODSSI, (r"^ BUILD ON VMSYS3 USING SUBCONFIG BKRW01-3\n", ""), (r"^SUBCONFIG BKRW01-3\n.*\n", ""))
    assert "`BKRWRK01` has no BUILD statement for `VMSYS3`" in first.message and "`workers" not in first.help
    # the SUBCONFIG to add named as the compile names it, not `SUBCONFIG id`
    assert first.help.startswith("add `BUILD ON VMSYS3 USING SUBCONFIG BKRW01-3` and its SUBCONFIG entry (the ID the compile writes)")
    assert d.related[0].span.file == str(PRODSSI)  # `member VMSYS2`
    # A machine the directory does not hold (before bkrc's entries are deployed) is not compared.
    gone = (r"^IDENTITY BKRWRK04(.*\n)+?(?=\*)", "")
    assert check(PRODSSI, gone) == []


def test_the_new_checks_point_into_the_directory_in_every_format():
    path = str(EXAMPLES / "broken" / "prodssi-slips.direct")
    data = json.loads(run_cli(["check", PRODSSI, "--directory", path, "--format", "json"], expect=1).output)
    by_code = {d["code"]: d for d in data["diagnostics"]}
    assert {"BKR515", "BKR516", "BKR517", "BKR518"} <= set(by_code)
    assert by_code["BKR515"]["file"] == str(PRODSSI) and by_code["BKR515"]["related"][0]["file"] == path
    assert by_code["BKR517"]["file"] == path and by_code["BKR518"]["file"] == path
    sarif = json.loads(run_cli(["check", PRODSSI, "--directory", path, "--format", "sarif"], expect=1).output)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "BKR517")
    assert path in json.dumps(result["locations"])
    github = run_cli(["check", PRODSSI, "--directory", path, "--format", "github"], expect=1).output
    assert f"::warning file={path},line={by_code['BKR517']['line']}," in github


def test_bkr519_a_disk_the_directory_sizes_otherwise_is_one_warning_for_every_instance():
    (d,) = check(PRODSSI, (r"^( MDISK 0191 3390 03[4-7]2) 0005", r"\1 0010"))  # every worker's 191
    assert d.code == "BKR519" and d.severity is Severity.WARNING
    assert (d.span.file, d.span.line, d.span.column) == (str(PRODSSI), 33, 25)  # `5` of `disk BKRWRK* 191 size 5 cyl`
    assert d.message.startswith("`disk BKRWRK* 191` writes `BKRWRK01` on `VMSYS1`'s 0191 (5 cylinders, volume `M1PRV1`)")
    assert "MDISK says 10 cylinders (and for 11 more instances):" in d.message
    assert too_long(d, {}) == []  # naming three of them too, 344 characters: cut
    assert d.help.startswith("write the directory's size, `size 10 cyl`, or, if the change is meant")
    assert [r.span.line for r in d.related] == [176, 178, 180] and d.related[0].span.file == "site.direct"


def test_bkr519_another_volume_first_cylinder_or_kind_of_minidisk():
    (moved,) = check(PRODSSI, (r"^( MDISK 0191 3390 0322 0010) M2PRV1", r"\1 M2PRV2"))
    assert moved.code == "BKR519" and "`BKRBKUP` on `VMSYS2`'s 0191" in moved.message
    assert "MDISK says volume `M2PRV2`:" in moved.message
    assert (moved.span.line, moved.span.column) == (31, 16)  # no `on VOL` written: the address
    assert "`disk BKRBKUP 191 size 10 cyl on M2PRV2 at 322`" in moved.help
    (start,) = check(PRODSSI, (r"^ MDISK 0191 3390 1000 0020 VMCOM1", " MDISK 0191 3390 0520 0020 VMCOM1"))
    assert "(20 cylinders, volume `VMCOM1`, first cylinder 1,000)" in start.message
    assert "MDISK says first cylinder 520" in start.message and start.span.line == 34  # `on VMCOM1`
    (vdisk,) = check(PRODSSI, (r"^ MDISK 0191 3390 1440 0010 VMCOM1 MR", " MDISK 0191 FB-512 V-DISK 2048 MR"))
    assert "`BKRADMIN`'s 0191" in vdisk.message and "MDISK says a V-DISK" in vdisk.message


def test_bkr519_what_an_mdisk_does_not_state_is_not_compared():
    auto = (r"^ MDISK 0191 3390 0342 0005 M1PRV1", " MDISK 0191 3390 AUTOV 5 M1PRV1")
    group = (r"^ MDISK 0191 3390 0342 0005 M2PRV1", " MDISK 0191 3390 AUTOG 5 POOL1")
    end = (r"^ MDISK 0191 3390 0342 0005 M3PRV1", " MDISK 0191 3390 0342 END M3PRV1")
    assert check(PRODSSI, auto, group, end) == []


def test_bkr520_a_directory_minidisk_of_a_machine_no_disk_gives_is_an_error():
    found = check(PRODSSI, (r"^( MDISK 0191 3390 1000 0020 VMCOM1.*\n)", r"\1 MDISK 0301 3390 0540 0300 VMCOM1 MR\n"))
    (d,) = found
    assert d.code == "BKR520" and d.is_error and (d.span.file, d.span.line, d.span.column) == ("site.direct", 226, 8)
    assert d.message.startswith("USER `BKRSVSFS`'s minidisk 0301 is in the site's directory, but no `disk`")
    assert d.help.startswith("add `disk BKRSVSFS 301 size 300 cyl on VMCOM1 at 540` to cluster `PRODSSI`")
    assert d.related[0].span.file == str(PRODSSI) and d.related[0].span.line == 34  # its `disk` statement


def test_bkr520_an_identity_is_compared_member_by_member_and_said_once_per_address():
    own = (r"^( BUILD ON VMSYS4 USING SUBCONFIG BKRCLG-4\n)", r"\1 MDISK 0193 3390 0001 0005 VMCOM1 MR\n")
    one = (r"^(SUBCONFIG BKRW01-2\n.*\n)", r"\1 MDISK 0192 3390 0400 0005 M2PRV1 MR\n")
    everyone, member = check(PRODSSI, own, one)
    assert everyone.code == member.code == "BKR520"
    assert "IDENTITY `BKRCATLG`'s minidisk 0193 (on `VMSYS1`, `VMSYS2`, `VMSYS3` and `VMSYS4`)" in everyone.message
    assert "IDENTITY `BKRWRK01`'s minidisk 0192 (on `VMSYS2`) is" in member.message
    assert too_long(everyone, {}) == []  # its help (313 characters, why no fix on its line) was cut
    # An IDENTITY's own MDISK is every member's: one diagnostic, the directory's line shown once.
    (grown,) = check(PRODSSI, own, (r"^ MDISK 0193 3390 0001 0005 VMCOM1", " MDISK 0191 3390 0001 0020 VMCOM1"))
    assert grown.code == "BKR519" and "(and for 3 more instances):" in grown.message
    assert [r.span.line for r in grown.related] == [156]


def test_bkr520_what_loses_nothing_or_was_never_deployed_is_not_reported():
    temporary = (
        r"^( MDISK 0191 3390 1440 0010 VMCOM1.*\n)",
        r"\1 MDISK 0300 FB-512 V-DISK 2048 MR\n MDISK 0400 3390 T-DISK 10 MR\n MDISK 0500 3390 DEVNO 1A2B MR\n",
    )
    # Dropped all the same, which BKR522 says, as a warning: nothing is lost for good.
    assert [(d.code, d.is_error) for d in check(PRODSSI, temporary)] == [("BKR522", False)] * 3
    # The machine missing from the directory (nothing deployed yet): nothing to compare.
    assert check(PRODSSI, (r"^USER BKRADMIN(.*\n)+?(?=\*)", "")) == []
    # A SUBCONFIG of a member the IDENTITY is not built on is BKR518's, not compared.
    (d,) = check(PRODSSI, (r"^ BUILD ON VMSYS2 USING SUBCONFIG BKRW04-2\n", ""), (r"^(SUBCONFIG BKRW04-2\n)", r"\1 MDISK 0192 3390 1 1 M2PRV1 MR\n"))
    assert d.code == "BKR518"


def test_bkr522_a_device_or_temporary_disk_the_compiled_entry_drops_is_a_warning_without_a_fix():
    """A DEVNO, V-DISK or T-DISK of a product machine: no `disk` statement can give it,
    so the compiled entry drops it; the machine loses the disk, not data."""
    devno = (r"^( MDISK 0191 3390 1000 0020 VMCOM1.*\n)", r"\1 MDISK 0302 3390 DEVNO 1A2B MR\n")
    (d,) = check(PRODSSI, devno)
    assert d.code == "BKR522" and not d.is_error and d.fix is None
    assert (d.span.file, d.span.line, d.span.column) == ("site.direct", 226, 8)
    assert d.message.startswith("USER `BKRSVSFS`'s minidisk 0302 is a whole real device (DEVNO) in the site's directory")
    assert "the device keeps its data" in d.message and "add its MDISK statement by hand" in d.help
    assert "define it at logon" not in d.help  # a DEVNO is not defined at logon
    assert d.related[0].span.file == str(PRODSSI)  # BKRSVSFS's `disk` statements
    # A V-DISK every worker has on every member: one diagnostic for `BKRWRK*`.
    vdisk = (r"^(SUBCONFIG BKRW0\d-\d\n)", r"\1 MDISK 0300 FB-512 V-DISK 2048 MR\n")
    (w,) = check(PRODSSI, vdisk)
    assert w.code == "BKR522" and w.message.startswith("the workers' (`BKRWRK01`")
    assert "a virtual disk in storage (V-DISK)" in w.message and "define it at logon" in w.help
    assert "BKRWRK*" in w.related[0].label


def test_bkr519_and_bkr520_in_every_format_and_compile_writes_nothing(tmp_path):
    path = str(EXAMPLES / "broken" / "prodssi-slips.direct")
    data = json.loads(run_cli(["check", PRODSSI, "--directory", path, "--format", "json"], expect=1).output)
    by_code = {d["code"]: d for d in data["diagnostics"]}
    assert by_code["BKR519"]["file"] == str(PRODSSI) and by_code["BKR519"]["related"][0]["file"] == path
    assert by_code["BKR520"]["file"] == path and by_code["BKR520"]["severity"] == "error"
    sarif = json.loads(run_cli(["check", PRODSSI, "--directory", path, "--format", "sarif"], expect=1).output)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "BKR520")
    assert result["level"] == "error" and path in json.dumps(result["locations"])
    github = run_cli(["check", PRODSSI, "--directory", path, "--format", "github"], expect=1).output
    assert f"::error file={path},line={by_code['BKR520']['line']}," in github
    assert f"::warning file={PRODSSI},line=35," in github  # BKR519 at `disk BKRADMIN 191 size 10 cyl`
    out = tmp_path / "out"
    result = run_cli(["compile", PRODSSI, "-o", out, "--directory", path], expect=1)
    assert "error[BKR520]" in result.output and not out.exists()


def test_bkr519_compares_the_extents_sequential_allocation_hands_out(tmp_path):
    from bkrdsl.dialect import DIALECT_DIR, load_dialect

    table = tmp_path / "site-dialect.toml"
    table.write_text((DIALECT_DIR / "backup-manager-1.3.toml").read_text().replace('value = "autov"', 'value = "sequential"'))
    found = directory()
    result = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI, directory=found, dialect=load_dialect(path=str(table)))
    # bkrc hands out the first free cylinders of each volume, where the directory's
    # are elsewhere, and where MAINT's and PMAINT's minidisks are: BKR523, not BKR519 too.
    assert {d.code for d in result.diagnostics} - {LOGON, LINKS} == {"BKR523"}  # see `LOGON`, `LINKS`
    bkup = next(d for d in result.diagnostics if d.message.startswith("`BKRBKUP` on `VMSYS1`'s minidisk 0191"))
    assert "overlaps IDENTITY `MAINT` (SUBCONFIG MAINT-1)'s minidisk 0191 (cylinders 1-175)" in bkup.message
    assert bkup.help.startswith("place it where the site's directory has it: `on M1PRV1 at 322` (this instance's: the statement gives several")
    assert "`disk_allocation = \"autov\"`" in bkup.help
    assert bkup.fix.title == "Write one `disk` statement per member, `disk BKRBKUP 191 size 10 cyl on M1PRV1 at 322` and 3 more"
    # A USER's one instance: its fix writes the directory's extent (`--fix` applies it).
    admin = next(d for d in result.diagnostics if d.message.startswith("`BKRADMIN`'s minidisk 0191"))
    assert admin.fix.title == "Write `disk BKRADMIN 191 size 10 cyl on VMCOM1 at 1440`"
    # Where the machine's own extent moved, a statement whose extent no one else's overlaps is BKR519.
    moved_pmaint = (r"^ MDISK 0CF0 3390 0001 0039 VMCOM1", " MDISK 0CF0 3390 2001 0039 VMCOM1")
    found = directory(moved_pmaint)
    result = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI, directory=found, dialect=load_dialect(path=str(table)))
    by_start = {d.code for d in result.diagnostics if "`BKRADMIN`" in d.message or "BKRADMIN 191" in d.message}
    assert by_start - {LOGON} == {"BKR519"}  # see `LOGON`


def test_bkr523_an_extent_another_user_has_is_an_error(tmp_path):
    """`disk ... on VOL at START` on cylinders TCPMAINT's 0191 has: data overwritten
    both ways once deployed. The help gives the machine's own extent in the
    directory where it is free, else the first free one; a full-pack minidisk
    (from cylinder 0) and the product machines' own MDISKs are not compared."""
    bkr = PRODSSI.read_text().replace("disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000", "disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 370")
    (d,) = check(bkr)
    assert d.code == "BKR523" and d.is_error and (d.span.line, d.span.column) == (34, 3)
    assert d.message.startswith("`BKRSVSFS`'s minidisk 0191 on `VMCOM1`, cylinders 370-389 (its `at 370`), overlaps USER `TCPMAINT`'s minidisk 0191 (cylinders 367-375)")
    assert d.help.startswith("place it where the site's directory has it: `on VMCOM1 at 1000`")
    assert (d.related[0].span.file, d.related[0].span.line) == ("site.direct", 127)
    assert d.fix.title == "Write `disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000`"
    assert check(fixed_by(d, bkr)) == []
    # The server's own extent taken by another user too: the first free one that holds it.
    taken = (r"^( MDISK 0191 3390 0367 0009 VMCOM1.*\n)", r"\1 MDISK 0777 3390 0995 0010 VMCOM1 MR\n")
    (d,) = check(bkr, taken)
    assert d.code == "BKR523" and d.help.startswith("place it on a free extent: `on VMCOM1 at 520`, the first on `VMCOM1` that holds 20 cylinders")
    # A SUBCONFIG no IDENTITY names (BKR517) holds its extent all the same.
    orphan = (r"\Z", "SUBCONFIG ORPHAN-1\n MDISK 0191 3390 1005 0010 VMCOM1 MR\n")
    found = {d.code: d for d in check(PRODSSI, orphan)}
    assert set(found) == {"BKR517", "BKR523"} and "overlaps SUBCONFIG `ORPHAN-1`'s minidisk 0191" in found["BKR523"].message
    # A full-pack minidisk (MAINT's, for DDR) overlays every volume by design: not compared.
    fullpack = (r"^( MDISK 0191 3390 0367 0009 VMCOM1.*\n)", r"\1 MDISK 0123 3390 0000 END VMCOM1 MR\n")
    assert check(PRODSSI, fullpack) == []
    # An extent to END from cylinder 1000 holds the volume from there on.
    to_end = (r"^( MDISK 0191 3390 0367 0009 VMCOM1.*\n)", r"\1 MDISK 0124 3390 0990 END VMCOM1 MR\n")
    assert any(d.code == "BKR523" and "(cylinders 990 to the volume's end)" in d.message for d in check(PRODSSI, to_end))
    # The compile writes nothing.
    site, out = tmp_path / "site.bkr", tmp_path / "out"
    site.write_text(bkr)
    result = run_cli(["compile", site, "-o", out, "-I", EXAMPLES, "--directory", DIRECT], expect=1)
    assert "BKR523" in result.output + (result.stderr or "") and not out.exists()


def _sequential(tmp_path: Path) -> Path:
    from bkrdsl.dialect import DIALECT_DIR

    table = tmp_path / "site-dialect.toml"
    table.write_text((DIALECT_DIR / "backup-manager-1.3.toml").read_text().replace('value = "autov"', 'value = "sequential"'))
    return table


def check_sequential(tmp_path: Path, bkr: str, *edits):
    """The diagnostics of `bkr` against the edited directory, with bkrc's sequential allocation."""
    from bkrdsl.dialect import load_dialect

    dialect = load_dialect(path=str(_sequential(tmp_path)))
    found = analyse("site.bkr", bkr.encode(), directory=directory(*edits), dialect=dialect).diagnostics
    return [d for d in found if d.code not in (LOGON, LINKS)]  # prodssi.direct's own (see `LOGON`, `LINKS`)


def test_bkr523_fix_writes_one_statement_per_member_for_a_statement_that_gives_several(tmp_path):
    """With sequential allocation, BKRBKUP's one statement gives 4 instances, each
    on its member's private volume from cylinder 1, where MAINT's 0191 is: the fix
    writes one statement per member, in member order, each on the machine's own
    extent in the directory (TRTMM's differ by member), the comment kept on the first."""
    text = PRODSSI.read_text().replace("disk BKRBKUP 191 size 10 cyl\n", "disk BKRBKUP 191 size 10 cyl  # the backup server\n")
    found = {d.message.split("'s minidisk")[0]: d for d in check_sequential(tmp_path, text)}
    bkup = found["`BKRBKUP` on `VMSYS1`"]
    assert bkup.fix.title == "Write one `disk` statement per member, `disk BKRBKUP 191 size 10 cyl on M1PRV1 at 322` and 3 more"
    assert "  disk BKRBKUP 191 size 10 cyl on M1PRV1 at 322  # the backup server\n" + "".join(
        f"  disk BKRBKUP 191 size 10 cyl on M{n}PRV1 at 322\n" for n in (2, 3, 4)
    ) + "  disk BKRCATLG 191 size 10 cyl\n" in fixed_by(bkup, text)
    assert "(this instance's: the statement gives several, so write one `disk` statement per member" in bkup.help
    request = found["`TRTMM` on `VMSYS2`"]  # a request node: every member but the catalog node's (VMSYS1)
    assert "  disk TRTMM 191 size 10 cyl on M2PRV1 at 382\n  disk TRTMM 191 size 10 cyl on M3PRV1 at 362\n" \
        "  disk TRTMM 191 size 10 cyl on M4PRV1 at 362\n" in fixed_by(request, text)
    # The machine's own extent on one member taken by another user: the first free one there.
    taken = (r"^(SUBCONFIG AUTOG1-3\n)", r"\1 MDISK 0199 3390 0325 0003 M3PRV1 MR\n")
    (bkup,) = [d for d in check_sequential(tmp_path, text, taken) if d.message.startswith("`BKRBKUP`")]
    # (AUTOG1-3 296-305, OPEROR-3 306-315, TCPIP-3 316-318, FTPSVE-3 319-321, the new 0199 325-327,
    # and the other product machines' own, where their fixes put them: BKRCATLG's 332-341 (328 would
    # overlap it), the workers' 342-346 and 352-356, TRTMM's 362-371, TRDMM's 372-381)
    assert "  disk BKRBKUP 191 size 10 cyl on M2PRV1 at 322\n  disk BKRBKUP 191 size 10 cyl on M3PRV1 at 382\n" \
        "  disk BKRBKUP 191 size 10 cyl on M4PRV1 at 322\n" in fixed_by(bkup, text)


def test_bkr523_moves_to_the_machine_s_own_extent_only_on_a_volume_the_cluster_declares_for_it():
    """BKRSVSFS's own 0191 is on VMCOM2, which the cluster does not declare: `on VMCOM2`
    would be BKR333, so the help and the fix give the first free extent of VMCOM1."""
    bkr = PRODSSI.read_text().replace("disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000", "disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 370")
    (d,) = check(bkr, (r"^ MDISK 0191 3390 1000 0020 VMCOM1", " MDISK 0191 3390 1000 0020 VMCOM2"))
    assert d.code == "BKR523" and d.help.startswith("place it on a free extent: `on VMCOM1 at 520`")
    assert d.fix.title == "Write `disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 520`"


def test_bkr523_fix_of_an_identity_statement_placing_one_member_s_instance_writes_its_start():
    """`on M1PRV1 at 5` places VMSYS1's instance on MAINT's 0191; DirMaint places the
    other members' (AUTOV): the fix rewrites the one start, to BKRBKUP's own extent."""
    text = PRODSSI.read_text().replace("disk BKRBKUP 191 size 10 cyl\n", "disk BKRBKUP 191 size 10 cyl on M1PRV1 at 5\n")
    (d,) = check(text)
    assert d.code == "BKR523" and d.fix.title == "Write `disk BKRBKUP 191 size 10 cyl on M1PRV1 at 322`"
    assert "(this instance's" not in d.help
    assert "  disk BKRBKUP 191 size 10 cyl on M1PRV1 at 322\n  disk BKRCATLG" in fixed_by(d, text)
    assert check(fixed_by(d, text)) == []


def test_bkr523_offers_no_fix_where_the_directory_holds_a_volume_to_its_end_and_says_why(tmp_path):
    """A member's volume the directory holds to its end: no free start there, for
    an IDENTITY's statement or the workers' pattern."""
    text = PRODSSI.read_text()
    full = (r"^(SUBCONFIG AUTOG1-4\n)", r"\1 MDISK 0199 3390 0100 END M4PRV1 MR\n")
    found = {d.message.split("'s minidisk")[0]: d for d in check_sequential(tmp_path, text, full)}
    bkup, workers = found["`BKRBKUP` on `VMSYS1`"], found["`BKRWRK01` on `VMSYS1`"]
    assert bkup.fix is None and workers.fix is None
    for d in (bkup, workers):
        assert d.help.endswith("\nno fix, as the directory's minidisks run to the end of `M4PRV1`, `VMSYS4`'s volume")


def _fixed_by_all(tmp_path: Path, text: str, *edits) -> str:
    """`text` with the fixes of every BKR523 of the sequential check applied together."""
    from bkrdsl.fixes import apply

    return apply(text, [d for d in check_sequential(tmp_path, text, *edits) if d.code == "BKR523"])


def test_bkr523_fix_writes_one_statement_per_worker_and_member_for_the_workers_pattern(tmp_path):
    """`disk BKRWRK*` gives 4 workers the minidisk, on every member a worker runs on
    (BKRWRK03 and BKRWRK04 on VMSYS1 and VMSYS2 only): the fix writes one statement
    per worker and member, worker by worker, each on the worker's own extent in the
    directory, the comment kept on the first; with every fix applied, the check is clean."""
    text = PRODSSI.read_text().replace("disk BKRWRK* 191 size 5 cyl\n", "disk BKRWRK* 191 size 5 cyl  # the workers\n")
    (workers,) = [d for d in check_sequential(tmp_path, text) if d.message.startswith("`BKRWRK01` on `VMSYS1`")]
    assert workers.fix.title == (
        "Write one `disk` statement per machine and member, `disk BKRWRK01 191 size 5 cyl on M1PRV1 at 342` and 11 more"
    )
    assert "(this instance's: the statement gives several machines the minidisk, so write one `disk` statement per" \
        " machine and member, each `on` its private volume)" in workers.help and "no fix" not in workers.help
    placed = [(1, 342, (1, 2, 3, 4)), (2, 352, (1, 2, 3, 4)), (3, 362, (1, 2)), (4, 372, (1, 2))]
    written = [f"  disk BKRWRK0{w} 191 size 5 cyl on M{m}PRV1 at {at}" for w, at, members in placed for m in members]
    written[0] += "  # the workers"
    assert "\n".join(written) + "\n  disk BKRSVSFS" in fixed_by(workers, text)
    fixed = _fixed_by_all(tmp_path, text)
    assert "\n".join(written) + "\n" in fixed and check_sequential(tmp_path, fixed) == []


def test_bkr523_fixes_place_clear_of_the_other_product_machines_and_of_each_other(tmp_path):
    """The first free extent skips the other product machines' own extents in the
    directory (where their fixes put them) and what the fixes before claimed: two
    fixes never hand out the same cylinders. M3PRV1 holds MAINT 1-295, AUTOG1-3
    296-305, OPEROR-3 306-315, TCPIP-3 316-318, FTPSVE-3 319-321, then the product
    machines' own: BKRBKUP 322-331, BKRCATLG 332-341, BKRWRK01 342-346, BKRWRK02
    352-356, TRTMM 362-371, TRDMM 372-381. What is left is BKR519's warning for the
    instance moved off its own extent (its contents to copy), nothing else."""
    text = PRODSSI.read_text()
    # BKRBKUP's own extent taken (322-324): 325 would overlap BKRCATLG's 332, so 382.
    taken = (r"^(SUBCONFIG AUTOG1-3\n)", r"\1 MDISK 0199 3390 0322 0003 M3PRV1 MR\n")
    fixed = _fixed_by_all(tmp_path, text, taken)
    assert "  disk BKRBKUP 191 size 10 cyl on M3PRV1 at 382\n" in fixed
    assert "  disk BKRCATLG 191 size 10 cyl on M3PRV1 at 332\n" in fixed
    assert _moved_only(check_sequential(tmp_path, fixed, taken)) == [("BKRBKUP", "VMSYS3")]
    # A worker's own extent taken (342-344): not 322, BKRBKUP's, but after the taken one, 345.
    taken = (r"^(SUBCONFIG AUTOG1-3\n)", r"\1 MDISK 0199 3390 0342 0003 M3PRV1 MR\n")
    fixed = _fixed_by_all(tmp_path, text, taken)
    assert "  disk BKRWRK01 191 size 5 cyl on M3PRV1 at 345\n" in fixed
    assert _moved_only(check_sequential(tmp_path, fixed, taken)) == [("BKRWRK01", "VMSYS3")]
    # Two workers' own extents taken (342-356): each its own free extent, 357 and 382.
    taken = (r"^(SUBCONFIG AUTOG1-3\n)", r"\1 MDISK 0199 3390 0342 0015 M3PRV1 MR\n")
    fixed = _fixed_by_all(tmp_path, text, taken)
    assert "  disk BKRWRK01 191 size 5 cyl on M3PRV1 at 357\n" in fixed
    assert "  disk BKRWRK02 191 size 5 cyl on M3PRV1 at 382\n" in fixed
    assert _moved_only(check_sequential(tmp_path, fixed, taken)) == [("BKRWRK01", "VMSYS3"), ("BKRWRK02", "VMSYS3")]


def _moved_only(diagnostics) -> list[tuple[str, str]]:
    """The instances BKR519 says the compile moves from their extent in the directory
    (the fix moved them off another user's), where that is all that is said: no fix
    to write it back there, which would be BKR523 again, and no help to keep it."""
    assert {d.code for d in diagnostics} <= {"BKR519"}
    for d in diagnostics:
        assert d.fix is None and d.help.startswith("copy the minidisk's contents when the entries are deployed")
        assert d.help.endswith("'s minidisk 0199 there: written back, it would be BKR523's error")
    return [tuple(re.findall(r"`(\w+)`", d.message)[:2]) for d in diagnostics]


def test_bkr523_fix_follows_the_worker_counts_of_the_bkr_file(tmp_path):
    """The workers the fix writes statements for are the .bkr file's: VMSYS1's count
    lowered to 2 leaves BKRWRK03 and BKRWRK04 on VMSYS2 alone, VMSYS3's raised to 3
    gives BKRWRK03 an instance there, which the directory does not build (BKR518):
    no extent of its own, so the first free one, 347-351, between the workers'."""
    text = PRODSSI.read_text().replace("member VMSYS1 { workers 4", "member VMSYS1 { workers 2")
    text = text.replace("member VMSYS3 { workers 2", "member VMSYS3 { workers 3")
    fixed = _fixed_by_all(tmp_path, text)
    assert "  disk BKRWRK03 191 size 5 cyl on M2PRV1 at 362\n  disk BKRWRK03 191 size 5 cyl on M3PRV1 at 347\n" \
        "  disk BKRWRK04 191 size 5 cyl on M2PRV1 at 372\n  disk BKRSVSFS" in fixed
    assert [d.code for d in check_sequential(tmp_path, fixed)] == ["BKR518"]


def test_check_fix_with_the_directory_writes_one_statement_per_member_as_fmt_writes(tmp_path):
    """prodssi.bkr against prodssi.direct with sequential allocation: 9 statements on
    cylinders MAINT's or PMAINT's minidisks have; `--fix` mends all 9 (4 IDENTITYs'
    one statement per member, the workers' one per worker and member, 4 USERs'); a
    second check finds nothing, and the file is as `bkrc fmt` writes it."""
    copy, table = tmp_path / "prodssi.bkr", _sequential(tmp_path)
    copy.write_text(PRODSSI.read_text())
    args = ["check", copy, "--directory", DIRECT, "--dialect", table]
    assert json.loads(run_cli([*args, "--format", "json"], expect=1).output)["error_count"] == 9
    result = run_cli([*args, "--fix"], expect=0)
    # prodssi.direct's own (see `LOGON`, `LINKS`)
    assert "9 fixes applied (BKR523); remaining: 4 warnings (BKR526, BKR534)" in result.output
    # BKRBKUP, BKRCATLG: 3 lines more each; the workers 11; TRTMM, TRDMM 2 each.
    assert len(copy.read_text().splitlines()) == len(PRODSSI.read_text().splitlines()) + 21
    left = json.loads(run_cli([*args, "--format", "json"], expect=0).output)["diagnostics"]
    assert sorted(d["code"] for d in left) == [LOGON] * 3 + [LINKS]
    run_cli(["fmt", "--check", copy], expect=0)


def test_bkr520_a_minidisk_every_worker_has_is_one_diagnostic_for_the_worker_pattern():
    """The site's workers all have a 0192 no `disk BKRWRK*` statement gives: one
    slip, one diagnostic (it was one per worker, 4 here), its help the pattern's
    statement without one instance's volume; the other workers' MDISKs related."""
    each = (r"^(SUBCONFIG BKRW0\d-\d\n.*\n)", r"\1 MDISK 0192 3390 0600 0005 M1PRV1 MR\n")
    (d,) = check(PRODSSI, each)
    assert d.code == "BKR520" and d.message.startswith(
        "the workers' (`BKRWRK01` and 3 more) minidisk 0192 (on `VMSYS1`, `VMSYS2`,"
    )
    assert d.help.startswith("add `disk BKRWRK* 192 size 5 cyl` to cluster `PRODSSI`")
    assert [r.label for r in d.related[1:]] == [f"`BKRWRK0{n}`'s MDISK 0192" for n in (2, 3, 4)]


def test_bkr519_an_end_extent_on_another_volume_is_reported_without_an_internal_error():
    """An MDISK that runs to its volume's end (`END`: its size not known) whose volume
    differs: the help wrote the directory's size, which it does not state (TypeError)."""
    (d,) = check(PRODSSI, (r"^ MDISK 0191 3390 1440 0010 VMCOM1", " MDISK 0191 3390 1440 END VMCOM2"))
    assert d.code == "BKR519" and "MDISK says volume `VMCOM2`" in d.message
    assert "`disk BKRADMIN 191 size N cyl on VMCOM2 at 1440`" in d.help


def fixed_by(diagnostic, text: str) -> str:
    from bkrdsl.fixes import apply

    return apply(text, [diagnostic])


def test_check_fix_with_the_directory_mends_bkr519_bkr520_and_bkr523_as_fmt_writes(tmp_path):
    """prodssi-slips.direct's BKRSVSFS 191 moved to cylinder 2000 (DB2PRD's new 0201
    on the cylinders it left), BKRADMIN 191 grown to 20 cylinders and 5697J06C's 2C2
    added by hand: `--fix` writes the directory's start and size over the one word
    each, and the missing `disk` statement below the machine's own; a second check
    is clean of all three, and the file is as `bkrc fmt` writes it. BKR532's fixes
    place the statements that give none where the directory has them, but BKRADMIN's
    191 (grown over 5697J06C's) and 5697J06C's, which BKR532 says without a fix."""
    path = str(EXAMPLES / "broken" / "prodssi-slips.direct")
    copy = tmp_path / "prodssi.bkr"
    copy.write_text(PRODSSI.read_text())
    result = run_cli(["check", copy, "--directory", path, "--fix"], expect=1)
    assert "13 fixes applied" in result.output and "BKR523, BKR519, BKR520" in result.output
    # BKR531's (stop 83): BKRWRK01's SUBCONFIG on VMSYS3 named otherwise, the site's BKRWEB01 keeping BKRW01-3
    assert "subconfig BKRWRK01 BKR01-3" in copy.read_text()
    # BKR529's (stop 81): BKRWRK04's SUBCONFIGs BKRW4-1 and BKRW4-2 keep their names
    assert "subconfig BKRWRK04 BKRW4-1" in copy.read_text() and "    subconfig BKRWRK04 BKRW4-2" in copy.read_text()
    assert "    include minidisk DB2PRD 0201" in copy.read_text().splitlines()  # BKR535's: its new 0201
    # and BKR516's: LNXWEB02's 191 a T-DISK there, which LNXFULL's `0100-0FFF` selects beside its 100
    assert "    exclude minidisk * 0190 019D 019E 0300 0191  # 0300: each guest's V-DISK swap, empty at logon" in (
        copy.read_text().splitlines()
    )
    after = copy.read_text().splitlines()
    assert "  disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 2000" in after
    assert "  disk BKRADMIN 191 size 20 cyl" in after
    at = after.index("  disk 5697J06C 191 size 10 cyl")
    assert after[at + 1] == "  disk 5697J06C 2C2 size 20 cyl on VMCOM1 at 1460"
    again = json.loads(run_cli(["check", copy, "--directory", path, "--format", "json"], expect=1).output)
    assert not {"BKR519", "BKR520", "BKR523"} & {d["code"] for d in again["diagnostics"]}
    run_cli(["fmt", "--check", copy], expect=0)


def test_prodssi_slips_shows_every_code_that_compares_the_bkr_files_with_the_directory():
    """examples/broken/prodssi-slips.direct holds a slip for each code of the family
    but BKR521, which `bkrc init --directory` alone reports, BKR525, a slip of a site
    dialect table (its tests: test_bkr525_*), BKR528, a slip of the .bkr file's
    member name (docs/directory.md). BKR530 is TCPIP's 191 moved into its IDENTITY
    entry, which SYSIN on each member selects; BKR531 the site's BKRWEB01, built on
    VMSYS3 from SUBCONFIG BKRW01-3, the ID the compile writes for BKRWRK01 there."""
    from bkrdsl.check.docs import family
    from bkrdsl.diagnostics.registry import load_all

    compared = "The site's CP directory (--directory): the .bkr files against it"
    wanted = {code for code, entry in load_all().items() if family(code) == compared and not entry.retired} - {"BKR521", "BKR525", "BKR528"}
    path = str(EXAMPLES / "broken" / "prodssi-slips.direct")
    data = json.loads(run_cli(["check", PRODSSI, "--directory", path, "--format", "json"], expect=1).output)
    assert {d["code"] for d in data["diagnostics"]} == wanted


def test_bkr519_fix_writes_only_the_words_that_differ():
    text = PRODSSI.read_text()
    (size,) = check(PRODSSI, (r"^( MDISK 0191 3390 03[4-7]2) 0005", r"\1 0010"))  # every worker's 191
    assert size.fix.title == "Write `disk BKRWRK* 191 size 10 cyl`"
    assert "  disk BKRWRK* 191 size 10 cyl\n" in fixed_by(size, text)
    (start,) = check(PRODSSI, (r"^ MDISK 0191 3390 1000 0020 VMCOM1", " MDISK 0191 3390 0520 0020 VMCOM1"))
    assert [e.new_text for e in start.fix.edits] == ["520"]  # `at 1000`: the volume kept as written
    mended = text.replace("disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000", "disk BKRSVSFS 191 size 20 cyl")
    mended = mended.replace("shared-volume VMCOM1", "shared-volume VMCOM1 VMCOM2")
    (place,) = check(mended, (r"^ MDISK 0191 3390 1000 0020 VMCOM1", " MDISK 0191 3390 0520 0020 VMCOM2"))
    assert place.fix.title == "Write `disk BKRSVSFS 191 size 20 cyl on VMCOM2 at 520`"
    assert [x.code for x in check(fixed_by(place, mended), (r"^ MDISK 0191 3390 1000 0020 VMCOM1", " MDISK 0191 3390 0520 0020 VMCOM2"))] == []
    (grown,) = check(
        text.replace("disk BKRADMIN 191 size 10 cyl", "disk BKRADMIN 191 size 10 cyls  # admin's A-disk"),
        (r"^ MDISK 0191 3390 1440 0010 VMCOM1", " MDISK 0191 3390 1440 0030 VMCOM1"),
    )
    assert "disk BKRADMIN 191 size 30 cyls  # admin's A-disk\n" in fixed_by(grown, text.replace(
        "disk BKRADMIN 191 size 10 cyl", "disk BKRADMIN 191 size 10 cyls  # admin's A-disk"))


def test_bkr519_offers_no_fix_where_one_statement_cannot_write_the_directory_and_says_why():
    (moved,) = check(PRODSSI, (r"^( MDISK 0191 3390 0322 0010) M2PRV1", r"\1 M2PRV2"))
    assert moved.fix is None and moved.help.endswith("no fix, as the directory's volume `M2PRV2` is not a `private-volume` of `VMSYS2`")
    (vdisk,) = check(PRODSSI, (r"^ MDISK 0191 3390 1440 0010 VMCOM1 MR", " MDISK 0191 FB-512 V-DISK 2048 MR"))
    assert vdisk.fix is None and "no fix, as the directory's MDISK is a V-DISK, which no `disk`" in vdisk.help
    (end,) = check(PRODSSI, (r"^ MDISK 0191 3390 1440 0010 VMCOM1", " MDISK 0191 3390 1440 END VMCOM2"))
    assert end.fix is None and end.help.endswith("runs to its volume's end, `END`: its size is not in the file")
    (some,) = check(PRODSSI, (r"^( MDISK 0191 3390 0342) 0005 M1PRV1", r"\1 0010 M1PRV1"))  # BKRWRK01 on VMSYS1 alone
    # stop 83: it said "write the directory's size", the first instance's, which written
    # differed from every other; one statement gives one size (BKR324), and the help says so
    assert some.fix is None and some.help.startswith("one `disk` statement gives all its instances one size (BKR324)")


def test_bkr520_fix_adds_the_disk_statement_beside_the_machine_s_own():
    text = PRODSSI.read_text()
    (d,) = check(PRODSSI, (r"^( MDISK 0191 3390 1000 0020 VMCOM1.*\n)", r"\1 MDISK 0301 3390 0540 0300 VMCOM1 MR\n"))
    assert d.fix.title == "Add `disk BKRSVSFS 301 size 300 cyl on VMCOM1 at 540`"
    assert "at 1000\n  disk BKRSVSFS 301 size 300 cyl on VMCOM1 at 540\n  disk BKRADMIN" in fixed_by(d, text)
    # Every worker's 0192 on its member's first private volume: one statement for the pattern.
    each = (r"^(SUBCONFIG BKRW0\d-(\d)\n.*\n)", r"\1 MDISK 0192 3390 0600 0005 M\2PRV1 MR\n")
    (workers,) = check(PRODSSI, each)
    assert "disk BKRWRK* 191 size 5 cyl\n  disk BKRWRK* 192 size 5 cyl\n" in fixed_by(workers, text)
    assert [x for x in check(fixed_by(workers, text), each) if x.code in ("BKR519", "BKR520")] == []
    # Those extents overlap (every worker's at 600): placed, they would be BKR523's error,
    # so the pattern's statement stays without a place (BKR532 then warns, without a fix).
    assert [x.fix for x in check(fixed_by(workers, text), each, placed=True) if "0192" in x.message] == [None]


def test_bkr520_fix_places_each_worker_s_minidisk_where_the_directory_has_it():
    """Every worker's 0192 at a fixed extent of its own on its member's private volume:
    BKR520's fix writes one statement per worker and member, `on VOL at START`, as
    BKR532's fix and `bkrc init --directory` do; `disk BKRWRK* 192 size 5 cyl`, which
    it wrote before, left the place to a second round (BKR532's fix). One round: clean."""
    text = PRODSSI.read_text()
    apart = (r"^(SUBCONFIG BKRW0(\d)-(\d)\n.*\n)", r"\1 MDISK 0192 3390 06\g<2>0 0005 M\3PRV1 MR\n")
    (workers,) = check(PRODSSI, apart)
    assert workers.code == "BKR520" and workers.fix.title == "Add 12 `disk` statements"
    assert workers.help.startswith(
        "add one `disk` statement per worker and member, `disk BKRWRK01 192 size 5 cyl on M1PRV1 at 610` and 11 more like it,"
    )
    fixed = fixed_by(workers, text)
    written = "".join(f"  disk BKRWRK0{w} 192 size 5 cyl on M{m}PRV1 at 6{w}0\n" for w, ms in ((1, 4), (2, 4), (3, 2), (4, 2)) for m in range(1, ms + 1))
    assert "  disk BKRWRK* 191 size 5 cyl\n" + written in fixed and "BKRWRK* 192" not in fixed
    # prodssi.bkr's own nine unplaced statements (BKR532) are all that is left.
    assert [x for x in check(fixed, apart, placed=True) if "0192" in x.message] == []
    assert codes(check(fixed, apart, placed=True)) == codes(check(PRODSSI, placed=True))
    # An IDENTITY's SUBCONFIG minidisks: one statement per member's instance, each on its volume.
    catalog = (r"^(SUBCONFIG BKRCLG-(\d)\n.*\n)", r"\1 MDISK 0193 3390 0700 0005 M\2PRV1 MR\n")
    (d,) = check(PRODSSI, catalog)
    assert d.fix.title == "Add 4 `disk` statements"
    assert d.help.startswith("add one `disk` statement per member's instance, `disk BKRCATLG 193 size 5 cyl on M1PRV1 at 700` and 3 more")
    added = "".join(f"  disk BKRCATLG 193 size 5 cyl on M{n}PRV1 at 700\n" for n in range(1, 5))
    assert "disk BKRCATLG 191 size 10 cyl\n" + added in fixed_by(d, text)
    assert [x for x in check(fixed_by(d, text), catalog) if x.code in ("BKR519", "BKR520")] == []


def test_bkr520_offers_no_fix_where_the_directory_s_minidisk_cannot_be_written_exactly():
    autov = (r"^( MDISK 0191 3390 1000 0020 VMCOM1.*\n)", r"\1 MDISK 0301 3390 AUTOV 300 VMCOM1 MR\n")
    (d,) = check(PRODSSI, autov)
    assert d.fix is None and d.help.endswith("no fix, as the directory's MDISK leaves its extent to DirMaint, `AUTOV`: where it lies is not in the file")
    own = (r"^( BUILD ON VMSYS4 USING SUBCONFIG BKRCLG-4\n)", r"\1 MDISK 0193 3390 0001 0005 VMCOM1 MR\n")
    (d,) = check(PRODSSI, own)
    assert d.fix is None and "no fix, as an IDENTITY's own MDISK is one minidisk for every member" in d.help
    elsewhere = (r"^(SUBCONFIG BKRW0\d-\d\n.*\n)", r"\1 MDISK 0192 3390 0600 0005 M1PRV1 MR\n")
    (d,) = check(PRODSSI, elsewhere)
    assert d.fix is None and "the directory's `M1PRV1` on `VMSYS2` is not" in d.help
    fba = (r"^( MDISK 0191 3390 1000 0020 VMCOM1.*\n)", r"\1 MDISK 0301 9336 0540 0300 VMCOM1 MR\n")
    (d,) = check(PRODSSI, fba)
    assert d.fix is None and d.help.endswith("a `disk` statement writes a 3390 or FB-512 minidisk, and the directory's MDISK is a 9336")


def test_bkr253_leaves_an_a_disk_the_directory_defines_to_bkr520(tmp_path):
    """A machine the site's directory already gives a 0191 and the .bkr file gives
    none: one mistake, BKR520's (the compiled entry drops that minidisk), whose help
    writes the directory's statement; BKR253 said it again, with a statement of its
    own (a default size on the first volume, BKR519 once written), which `check --fix
    --directory` applied. Without the directory, BKR253 is all there is to say."""
    bkr = "\n".join(
        line for line in PRODSSI.read_text().splitlines() if not line.startswith(("  disk BKRSVSFS 191", "  disk BKRWRK* 191"))
    )
    found = check(bkr)
    assert codes(found) == ["BKR520", "BKR520"]
    assert {d.help.split(" to cluster")[0] for d in found} == {
        "add one `disk` statement per worker and member, `disk BKRWRK01 191 size 5 cyl on M1PRV1 at 342` and 11 more like it,",
        "add `disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000`",
    }
    alone = analyse("site.bkr", bkr.encode()).diagnostics
    assert codes(alone) == ["BKR253", "BKR253"]
    # A machine the directory lacks (nothing deployed yet) still draws BKR253.
    assert sorted(codes(check(bkr, (r"^USER BKRSVSFS(.*\n)+?(?=\*)", "")))) == ["BKR253", "BKR520"]
    # --fix applies BKR520's statements, the directory's own extents; BKR253's,
    # which would have moved the server's A-disk, is not there to apply.
    site = tmp_path / "site.bkr"
    site.write_text(bkr)
    # The directory has each worker's 0191 at a fixed extent: BKR520's fix writes one
    # statement per worker and member itself (it wrote `disk BKRWRK* 191 size 5 cyl`,
    # and BKR532's fix placed it in a round after); the other eight are BKR532's.
    result = run_cli(["check", "--fix", site, "--directory", DIRECT])
    assert "10 fixes applied (BKR532, BKR520); remaining" in result.output
    fixed = site.read_text()
    assert "disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000" in fixed and "disk BKRWRK04 191 size 5 cyl on M2PRV1 at 372" in fixed
    assert "disk BKRWRK* 191" not in fixed
    assert check(fixed, placed=True) == []


def test_a_malformed_build_statement_is_bkr502_alone():
    """`BUILD ON VMSYS1 SUBCONFIG TCPIP-1` (USING left out): one slip, BKR502; which
    members the IDENTITY is built on is not known, so BKR514 (which said VMSYS1 has no
    BUILD) and BKR517 (TCPIP-1 named by none) leave it to that diagnostic."""
    found = check(PRODSSI, (r"^ BUILD ON VMSYS1 USING SUBCONFIG TCPIP-1", " BUILD ON VMSYS1 SUBCONFIG TCPIP-1"))
    assert codes(found) == ["BKR502"]
    # A product machine's too (BKR518's).
    found = check(PRODSSI, (r"^ BUILD ON VMSYS2 USING SUBCONFIG BKRW01-2", " BUILD ON VMSYS2 SUBCONFIG BKRW01-2"))
    assert codes(found) == ["BKR502"]


def test_a_second_entry_of_one_id_is_bkr503_alone():
    """A `USER TCPIP` before `IDENTITY TCPIP`: BKR503 at the second. Its BUILD
    statements are not each a BKR502 ("outside an IDENTITY entry"), its SUBCONFIGs not
    each a BKR517, and TCPIP's kind not BKR510: which entry is meant is the site's to say."""
    found = check(PRODSSI, (r"^(IDENTITY TCPIP )", r"USER TCPIP TCPIP 256M 256M ABG\n MDISK 0191 3390 2001 0010 VMCOM1 MR\n\1"))
    assert codes(found) == ["BKR503"]


def test_bkr529_a_product_machine_installed_with_other_subconfig_names():
    """Backup Manager installed by hand, its SUBCONFIGs named BKRBKU-n: the compiled
    IDENTITY builds BKRBUP-n, new entries, and BKRBKU-n would keep BKRBKUP's minidisks
    for no instance. One error per machine, at its first BUILD statement that differs."""
    (d,) = check(PRODSSI, (r"BKRBUP-", "BKRBKU-"))
    assert d.code == "BKR529" and d.severity is Severity.ERROR and d.span.file == "site.direct"
    assert d.span.line == 135 and (d.span.column, d.span.end_column) == (34, 42)  # `BKRBKU-1` on its BUILD statement
    assert "IDENTITY `BKRBKUP` is built on `VMSYS1` from SUBCONFIG `BKRBKU-1` (and 3 more of its instances)" in d.message
    assert "where the compile writes `BKRBUP-1`" in d.message and "to no instance" in d.message
    assert "`BKRBKU-1` to `BKRBUP-1`, `BKRBKU-2` to `BKRBUP-2`" in d.help and "`BKRBKU-4` to `BKRBUP-4`" in d.help
    assert d.related[0].span.file == str(PRODSSI) and "member `VMSYS1`" in d.related[0].label
    assert d.related[1].span.line == 141 and "built by none" in d.related[1].label
    # One member's instance alone, and a SUBCONFIG the directory lacks (BKR504's) is not said again.
    (d,) = check(PRODSSI, (r"(SUBCONFIG )BKRBUP-3", r"\1BKRSRV-3"))
    assert d.code == "BKR529" and "on `VMSYS3` from SUBCONFIG `BKRSRV-3`, where" in d.message
    assert "`BKRSRV-3` to `BKRBUP-3`" in d.help and "more of its" not in d.message
    assert "BKR529" not in codes(check(PRODSSI, (r"(BUILD ON VMSYS3 USING SUBCONFIG )BKRBUP-3", r"\1BKRSRV-3")))


def test_bkr529_a_member_retired_says_what_the_compile_s_warning_says():
    """VMSYS2 retired: VMSYS3 and VMSYS4 are built from BKRBUP-3 and -4, where the
    compile writes -2 and -3. The help listed the renames but not that BKRBUP-2
    (VMSYS2's) must go first nor in which order, and said "minidisks and all" where
    the compiled entries leave them to AUTOV; the compile's warning on the same
    change said to replace and remove, which gave the minidisks up. Both now agree:
    rename, in order; where the `disk` statements pin the very extents, replacing
    keeps the data too."""
    text = PRODSSI.read_text()
    retired = re.sub(r"  member VMSYS2 \{.*?\n  \}\n", "", text, flags=re.DOTALL).replace("run on VMSYS2", "run on VMSYS3")
    (d,) = [d for d in check(retired) if d.code == "BKR529" and "`BKRBKUP`" in d.message]
    # On lines of their own: a text report cuts a line of help at 300 characters.
    assert d.help.splitlines() == [
        # stop 81 (h8): keeping the directory's names is the preferred fix, the renames the alternative
        ("keep the directory's names: write `subconfig BKRBKUP BKRBUP-3` in member `VMSYS3`, `subconfig BKRBKUP"
        " BKRBUP-4` in member `VMSYS4` (`bkrc check --fix --directory` writes them), and the compile writes its"
        " entries under them;"),
        ("or before deploying, rename in the directory each SUBCONFIG (its entry and its BUILD statement) `BKRBUP-3`"
        " to `BKRBUP-2`, `BKRBUP-4` to `BKRBUP-3`, in that order,"),
        "after removing `BKRBUP-2` (built on `VMSYS2`), which the directory has under that name, with its minidisks;",
        ("the compiled entries then replace them, and keep the minidisks where their `disk` statements give the"
        " extents (`on VOL at START`: BKR532 says where not)"),
        "(bkrc names a SUBCONFIG by the machine's ID and its member's number)",
    ]
    assert all(len(line) < 300 for line in d.help.splitlines())
    # Every instance at prodssi.direct's extent (322 on each member's volume).
    pinned = retired.replace(
        "  disk BKRBKUP 191 size 10 cyl\n",
        "".join(f"  disk BKRBKUP 191 size 10 cyl on M{k}PRV1 at 322\n" for k in (1, 3, 4)),
    )
    (d,) = [d for d in check(pinned) if d.code == "BKR529" and "`BKRBKUP`" in d.message]
    assert d.help.splitlines()[3] == (
        "the compiled entries then replace them, minidisks and all; their MDISK statements name the very extents"
        " of the renamed ones, so loading them and removing the old SUBCONFIGs keeps the data too (unless the"
        " directory's manager erases the extents it frees: not checked for DirMaint)"
    ), d.help
    assert all(len(line) < 300 for line in d.help.splitlines())


def test_bkr529_build_on_every_member_from_one_subconfig():
    one = (r"^( BUILD ON VMSYS1 USING SUBCONFIG )BKRCLG-1\n( BUILD ON .*\n){3}", r" BUILD ON * USING SUBCONFIG BKRCLG\n")
    others = (r"^SUBCONFIG BKRCLG-[234]\n MDISK .*\n", "")
    (d,) = check(PRODSSI, one, others, (r"^SUBCONFIG BKRCLG-1\n MDISK .*\n", "SUBCONFIG BKRCLG\n"))
    assert d.code == "BKR529" and "built on every member (`BUILD ON *`) from SUBCONFIG `BKRCLG`, where" in d.message
    assert "the compile writes one per member, `BKRCLG-1`, `BKRCLG-2` and 2 more:" in d.message
    assert d.help.splitlines() == [
        ("before deploying, replace `BUILD ON * USING SUBCONFIG BKRCLG` by one BUILD statement per member,"
         " and copy SUBCONFIG `BKRCLG` to each of their names:"),
        *(f"`BUILD ON VMSYS{n} USING SUBCONFIG BKRCLG-{n}`" for n in range(1, 5)),
        "the compiled entries then replace them, minidisks and all",
        "(bkrc names a SUBCONFIG by the machine's ID and its member's number)",
    ]
    assert too_long(d, {}) == []  # a line each (the help was 451 characters, the message 305: both cut)


def test_bkr528_a_misspelt_member_is_one_error_at_its_declaration():
    """`member VMSSY4` where the directory builds on VMSYS4: one error at the
    declaration, where the misspelling gave BKR513 twice, BKR514 twice and BKR518
    six times (its EXECs would refuse to run on the real member)."""
    text = PRODSSI.read_text().replace("member VMSYS4", "member VMSSY4")
    (d,) = check(text)
    assert d.code == "BKR528" and d.severity is Severity.ERROR and d.span.file == "site.bkr"
    assert (d.span.line, d.span.column) == (16, 10)
    assert "member `VMSSY4` is built on by no IDENTITY of the site's directory, which builds on `VMSYS4`" in d.message
    assert d.help.startswith("did you mean `VMSYS4`? write it in `member VMSSY4`")
    # A member the directory builds nothing on yet, and no undeclared member close
    # to it (added before its entries are deployed): BKR514 and BKR518, as before.
    added = PRODSSI.read_text().replace(
        "  member VMSYS4 { workers 2  private-volume M4PRV1 }",
        "  member VMSYS4 { workers 2  private-volume M4PRV1 }\n  member ZVMNEW { workers 1  private-volume M5PRV1 }",
    )
    found = codes(check(added))
    assert "BKR528" not in found and {"BKR514", "BKR518"} <= set(found)
#: BKRBKUP's entry as a site that installed it by hand may have kept it: more
#: storage, class E, options, a tools disk, a LOGONBY of its own, a scheduler
#: share, a saved segment; its SUBCONFIG on VMSYS1 a tape drive.
BKRBKUP_BY_HAND = (
    (r"^IDENTITY BKRBKUP AUTOONLY 64M 128M BG", "IDENTITY BKRBKUP AUTOONLY 1G 2G BEG"),
    (
        r"^( IPL CMS\n)(SUBCONFIG BKRBUP-1\n)",
        (
            r"\1 OPTION APPCVM MAXCONN 5000\n LINK BKRTOOLS 0191 0391 RR\n LOGONBY SYSPROG1\n SHARE RELATIVE 3000\n"
            r" NAMESAVE CMSFILES\n\2 DEDICATE 0580 0580\n"
        ),
    ),
)


def test_bkr524_what_replacing_a_machine_s_entry_loses_besides_minidisks():
    (d,) = check(PRODSSI, *BKRBKUP_BY_HAND)
    assert d.code == "BKR524" and d.severity is Severity.WARNING and d.fix is None
    assert (d.span.file, d.span.line, d.span.column) == (str(PRODSSI), 31, 3)  # `disk BKRBKUP 191 ...`
    assert d.message.startswith("deploying the compiled entry replaces IDENTITY `BKRBKUP`'s in the site's directory")
    assert d.message.endswith(
        "storage 1G, maxstorage 2G, class E, `OPTION APPCVM`, `OPTION MAXCONN 5000`,"
        " `LINK BKRTOOLS 0191 0391 RR`, `LOGONBY SYSPROG1`, `SHARE RELATIVE 3000` and 2 more"
    )
    labels = {r.span.line: r.label for r in d.related}
    assert all(r.span.file == "site.direct" for r in d.related)
    text = directory(*BKRBKUP_BY_HAND).source.text.splitlines()
    assert text[min(labels) - 1].startswith("IDENTITY BKRBKUP ")  # passwords masked
    assert labels[min(labels)] == (
        "storage 1G: it logs on with 256M; maxstorage 2G: DEFINE STORAGE stops at 512M;"
        " class E: CP refuses it the commands of class E (system analyst)"
    )
    said = " | ".join(labels.values())
    assert "`BKRTOOLS`'s 0191 no longer linked at 0391 at logon" in said
    assert "`NAMESAVE CMSFILES`: `CMSFILES` no longer a saved segment it may use" in said
    assert "`DEDICATE 0580 0580` (on VMSYS1): no DEDICATE device at 0580 from its next logon" in said
    # stop 83: the LINK is kept by a `link` statement, which the help writes; the table the rest
    assert d.help.startswith(
        "add `link BKRBKUP BKRTOOLS 0191 as 0391 RR` to the cluster block; the rest in a site table's"
        " `[machines.backup-server]`: `storage = \"1G\"`, `maxstorage = \"2G\"`,"
        " `classes = \"BGE\"`, 6 statements in `statements` (OPTION, LOGONBY, SHARE, NAMESAVE, DEDICATE: as below)"
        " (`--dialect`); or deploy as is"
    )


def test_bkr524_a_storage_of_other_digits_than_0_to_9_is_no_size_not_a_crash():
    """`²G` is digits to `str.isdigit`, and `int` refuses it: it is no size (not compared)."""
    odd = (r"^IDENTITY BKRBKUP AUTOONLY 64M 128M BG", "IDENTITY BKRBKUP AUTOONLY \u00b2G 2G BG")
    (d,) = check(PRODSSI, odd)
    assert d.code == "BKR524" and d.message.endswith("maxstorage 2G")


def test_bkr524_what_the_compiled_entry_says_alike_or_adds_is_not_reported():
    """prodssi.direct's machines have less storage, fewer classes and IBMDFLT's
    devices and links (`CONSOLE 009`, the compiled `CONSOLE 0009`): none is lost.
    `IPL 0190` is CMS's `IPL CMS`; PARM words the compiled IPL passes too are kept."""
    assert check(PRODSSI) == []
    same = (r"^( BUILD ON VMSYS4 USING SUBCONFIG BKRBUP-4\n INCLUDE IBMDFLT\n) IPL CMS", r"\1 IPL 0190 PARM AUTOCR")
    assert check(PRODSSI, same) == []
    assert check(PRODSSI, (r"^(USER BKRSVSFS .*\n)", r"\1 OPTION MAXCONN 2000\n LINK MAINT 193 193 RR\n")) == []
    # Another system, another PARM word, another MACHINE: each said, with what takes its place.
    (ipl,) = check(PRODSSI, (r"^(USER BKRADMIN .*\n)", r"\1 IPL CMS PARM FILEPOOL BKRPOOL\n MACHINE XC 4\n"))
    assert ipl.message.endswith("`IPL CMS PARM FILEPOOL BKRPOOL`, `MACHINE XC 4`")
    assert "2 statements in `statements` (IPL, MACHINE: as below, the IPL, MACHINE in place of the table's)" in ipl.help
    (machine,) = check(PRODSSI, (r"^(USER BKRADMIN .*\n)", r"\1 MACHINE XC\n"))
    assert machine.help.startswith('keep it in a site dialect table\'s `[machines.admin]`: `"MACHINE XC"` in `statements` in place of `"MACHINE ESA"`')
    (option,) = check(PRODSSI, (r"^(USER BKRSVSFS .*\n)", r"\1 OPTION MAXCONN 5000\n"))
    assert option.message.endswith("`OPTION MAXCONN 5000`")
    assert '`"OPTION MAXCONN 5000 NOMDCFS QUICKDSP SVMSTAT"` in `statements` in place of `"OPTION MAXCONN 2000' in option.help
    # A device the compiled entry defines otherwise at its address, or not at all.
    (spool,) = check(PRODSSI, (r"^(USER 5697J06C .*\n)", r"\1 SPOOL 000E 3800 A\n SPOOL 00F 1403 A\n"))
    labels = [r.label for r in spool.related]
    assert labels == [
        "`SPOOL 000E 3800 A`: no SPOOL device at 000E from its next logon: the compiled entry has `SPOOL 000E 1403 A` there",
        "`SPOOL 00F 1403 A`: no SPOOL device at 000F from its next logon",
    ]


def test_bkr524_a_profile_s_statements_count_and_the_workers_are_one_diagnostic():
    """A LINK the site added to IBMDFLT is every machine's that INCLUDEs it: BKRSVSFS's
    compiled entry links MAINT 193 too, and every worker loses it alike."""
    found = check(PRODSSI, (r"^( LINK MAINT 019E 019E RR\n)", r"\1 LINK MAINT 0193 0193 RR\n"))
    assert codes(found) == ["BKR524"] * 9
    workers = next(d for d in found if "workers'" in d.message)
    assert "the workers' (`BKRWRK01`, `BKRWRK02`, `BKRWRK03` and `BKRWRK04`)" in workers.message
    # stop 83: a LINK lost is kept by a `link` statement, the workers' by their pattern
    assert (workers.span.line, workers.help) == (33, "add `link BKRWRK* MAINT 0193 RR` to the cluster block; or deploy as is")
    assert not any("BKRSVSFS" in d.message for d in found)
    tape = next(d for d in found if "TCTMM" in d.message)
    assert (tape.span.line, tape.span.column) == (26, 36)  # `catalog-node TCTMM`, where the cluster names it


def test_bkr524_the_site_table_its_help_names_keeps_what_the_directory_has(tmp_path):
    """Done as the help says, the site table writes the statements into the compiled
    entry, and the check against the same directory is clean."""
    from bkrdsl.dialect import DEFAULT_RELEASE, DIALECT_DIR, load_dialect

    table = (DIALECT_DIR / f"backup-manager-{DEFAULT_RELEASE}.toml").read_text()
    head = table.index("[machines.backup-server]")
    end = table.index("[machines.catalog-server]")
    part = table[head:end]
    part = part.replace('storage = "256M"', 'storage = "1G"').replace('maxstorage = "512M"', 'maxstorage = "2G"')
    part = part.replace('classes = "BG"', 'classes = "BGE"')
    part = part.replace(
        '  "LOGONBY MAINT",\n',
        '  "LOGONBY MAINT",\n  "LOGONBY SYSPROG1",\n  "OPTION APPCVM MAXCONN 5000",\n  "SHARE RELATIVE 3000",\n'
        '  "NAMESAVE CMSFILES",\n',
    )
    part = part.replace('  "LINK MAINT 019E 019E RR",\n', '  "LINK MAINT 019E 019E RR",\n  "LINK BKRTOOLS 0191 0391 RR",\n  "DEDICATE 0580 0580",\n')
    site = tmp_path / "site.toml"
    site.write_text(table[:head] + part + table[end:])
    dialect = load_dialect(path=str(site))
    found = directory(*BKRBKUP_BY_HAND)
    result = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI, directory=found, dialect=dialect)
    assert [c for c in codes(result.diagnostics) if c not in (UNPLACED, LOGON, AUTOV, LINKS)] == []
    out = tmp_path / "out"
    run_cli(["compile", PRODSSI, "-o", out, "--dialect", site], expect=0)
    written = (out / "cluster" / "BKRBKUP.DIRECT").read_text()
    assert "IDENTITY BKRBKUP LBYONLY 1G 2G BGE" in written and " OPTION APPCVM MAXCONN 5000" in written


def _worker_table(tmp_path, first: str, *, ipl: bool = True, role: str = "worker"):
    """The release's table with `first` as the first statement of `role` (and its
    `IPL CMS PARM AUTOCR` left out when not `ipl`)."""
    from bkrdsl.dialect import DEFAULT_RELEASE, DIALECT_DIR, load_dialect

    table = (DIALECT_DIR / f"backup-manager-{DEFAULT_RELEASE}.toml").read_text()
    head = table.index(f"[machines.{role}]")
    start = table.index("statements = [\n", head) + len("statements = [\n")
    rest = table[start:]
    if not ipl:
        rest = rest.replace('  "IPL CMS PARM AUTOCR",\n', "", 1)
    site = tmp_path / "site.toml"
    site.write_text(table[:start] + f'  "{first}",\n' + rest)
    return load_dialect(path=str(site))


def test_bkr525_an_include_of_a_profile_the_directory_does_not_define(tmp_path):
    """A site table whose workers INCLUDE BKRPROF, against prodssi.direct, whose one
    PROFILE is IBMDFLT: one warning for the four workers, at `disk BKRWRK* ...`."""
    dialect = _worker_table(tmp_path, "INCLUDE BKRPROF", ipl=False)
    result = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI, directory=directory(), dialect=dialect)
    (d,) = [d for d in result.diagnostics if d.code == "BKR525"]
    assert d.severity is Severity.WARNING and d.fix is None
    assert (d.span.file, d.span.line, d.span.column) == (str(PRODSSI), 33, 3)  # `disk BKRWRK* 191 ...`
    assert d.message == (
        "the compiled entries of `BKRWRK01`, `BKRWRK02`, `BKRWRK03` and `BKRWRK04` INCLUDE profile `BKRPROF`,"
        " which the site's directory does not define: the statements the table expects from it are not there,"
        " the entry's IPL among them (it has none of its own)"
    )
    assert d.help == (
        "define `PROFILE BKRPROF` in the site's directory before deploying (it defines `IBMDFLT`), or name one"
        " it defines in the site dialect table's `[machines.worker]` statements (`--dialect`)"
    )
    # With an IPL of the role's own, the message does not claim the profile brings it.
    dialect = _worker_table(tmp_path, "INCLUDE BKRPROF")
    result = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI, directory=directory(), dialect=dialect)
    (d,) = [d for d in result.diagnostics if d.code == "BKR525"]
    assert d.message.endswith("the statements the table expects from it are not there")
    # One machine of the role: its entry, named with its kind.
    dialect = _worker_table(tmp_path, "INCLUDE BKRPROF", role="backup-server")
    result = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI, directory=directory(), dialect=dialect)
    (d,) = [d for d in result.diagnostics if d.code == "BKR525"]
    assert d.message.startswith("the compiled entry of IDENTITY `BKRBKUP` INCLUDEs profile `BKRPROF`,")
    assert (d.span.line, d.span.column) == (31, 3)  # `disk BKRBKUP 191 ...`


def test_bkr525_not_for_a_profile_the_directory_defines_or_its_entries_include(tmp_path):
    """IBMDFLT is prodssi.direct's; a profile only INCLUDEd by an entry of the file
    (a part of the directory that leaves the PROFILE out) is taken as there."""
    dialect = _worker_table(tmp_path, "INCLUDE IBMDFLT")
    result = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI, directory=directory(), dialect=dialect)
    assert "BKR525" not in codes(result.diagnostics)
    dialect = _worker_table(tmp_path, "INCLUDE BKRPROF")
    partial = directory((r"^(USER CICSPRD .*\n) INCLUDE IBMDFLT", r"\1 INCLUDE BKRPROF"))
    result = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI, directory=partial, dialect=dialect)
    assert "BKR525" not in codes(result.diagnostics)


def test_bkr531_a_compiled_subconfig_id_that_the_directory_gives_another_entry():
    """VMSYS3 runs a third worker: the compile writes SUBCONFIG BKRW03-3 for
    BKRWRK03's new instance, an ID the site's directory already gives TCPIP's
    SUBCONFIG on VMSYS3 (and, in the second case, a USER): CP wants every ID
    distinct, and BKR242 compares the derived IDs with the .bkr file's users only."""
    more = PRODSSI.read_text().replace("member VMSYS3 { workers 2", "member VMSYS3 { workers 3")
    taken = (r"TCPIP-3$", "BKRW03-3")  # TCPIP's BUILD statement and its SUBCONFIG entry
    found = [d for d in check(more, taken) if d.code == "BKR531"]
    (d,) = found
    assert d.severity is Severity.ERROR and d.span.file == "site.direct" and d.span.line == 103
    assert "SUBCONFIG `BKRW03-3`, which the compile writes for `BKRWRK03` on `VMSYS3`" in d.message
    assert "is already IDENTITY `TCPIP`'s SUBCONFIG in the site's CP directory" in d.message
    assert d.related and "member `VMSYS3`" in d.related[0].label
    # A USER entry of that ID.
    user = (r"^USER CICSPRD ", "USER BKRW03-3 ")
    (d,) = [d for d in check(more.replace("CICSPRD", "DB2PRD"), user) if d.code == "BKR531"]
    assert "is already USER `BKRW03-3` in the site's CP directory" in d.message
    # The machine's own SUBCONFIG, as prodssi.direct has them all, is no clash.
    assert "BKR531" not in codes(check(PRODSSI))


def test_bkr532_a_disk_without_a_place_where_the_directory_has_a_fixed_extent(tmp_path):
    """prodssi.bkr's `disk` statements but BKRSVSFS's give no `at START`, so the
    compiled MDISKs say AUTOV, where prodssi.direct has every one at a fixed extent:
    DirMaint would allocate them anew, the data left behind. `bkrc check
    --directory` said nothing (BKR519 compares a first cylinder only where both
    give one); now one warning per statement, with the fix that writes the place."""
    found = check(placed=True)
    assert [(d.code, d.span.line) for d in found] == [("BKR532", n) for n in (31, 32, 33, 35, 36, 37, 38, 39, 40)]
    assert all(d.severity is Severity.WARNING and d.fix is not None for d in found)
    assert all(len(d.message) <= MESSAGE_WIDTH and len(d.help) <= MESSAGE_WIDTH for d in found)
    admin = found[3]
    assert admin.message == (
        "minidisk `BKRADMIN` 0191 exists on `VMCOM1` at cylinder 1440 (size 10) in the site's directory; this file"
        " gives no place, so the compiled entry says AUTOV (DirMaint's allocation), and the existing disk's data"
        " would not follow"
    )
    assert admin.help == "write its place, `on VMCOM1 at 1440`: `disk BKRADMIN 191 size 10 cyl on VMCOM1 at 1440` (docs/deploy.md)"
    assert admin.fix.title == "Write `disk BKRADMIN 191 size 10 cyl on VMCOM1 at 1440`"
    assert (admin.related[0].span.file, admin.related[0].span.line) == ("site.direct", 229)
    text = PRODSSI.read_text()
    assert "  disk BKRADMIN 191 size 10 cyl on VMCOM1 at 1440\n" in fixed_by(admin, text)
    # An IDENTITY's instances on every member: one statement per member, in member order.
    bkup = found[0]
    assert "(`VMSYS1`'s instance) exists on `M1PRV1` at cylinder 322 (size 10; and 3 more instances at the same cylinder)" in bkup.message
    assert bkup.help.startswith(
        "write one `disk` statement per member, each `on` its volume `at` its directory extent, as `bkrc init"
        " --directory` does: `disk BKRBKUP 191 size 10 cyl on M1PRV1 at 322`, then `on M2PRV1 at 322`, ..."
    )
    assert "".join(f"  disk BKRBKUP 191 size 10 cyl on M{n}PRV1 at 322\n" for n in range(1, 5)) in fixed_by(bkup, text)
    # The workers' pattern: one statement per worker and member, in its place, as init writes them.
    workers = found[2]
    assert workers.help.startswith("write one `disk` statement per worker and member in place of `disk BKRWRK* 191`")
    assert "a worker a higher `workers` count adds needs its own (BKR253)" in workers.help
    placed = fixed_by(workers, text)
    assert "disk BKRWRK*" not in placed and "  disk BKRWRK01 191 size 5 cyl on M1PRV1 at 342\n  disk BKRWRK01 191 size 5 cyl on M2PRV1" in placed
    assert "  disk BKRWRK04 191 size 5 cyl on M2PRV1 at 372\n" in placed
    # Every fix applied: the check against the directory is clean but for prodssi.direct's
    # own BKR526 and BKR534 (see `LOGON`, `LINKS`), and the file alone is clean.
    copy = tmp_path / "prodssi.bkr"
    copy.write_text(text)
    said = run_cli(["check", "--fix", copy, "--directory", DIRECT]).output
    assert "9 fixes applied (BKR532); remaining: 4 warnings (BKR526, BKR534)" in said
    said = run_cli(["check", copy, "--directory", DIRECT], expect=0).output
    assert sorted(re.findall(r"^(?:warning|error)\[(BKR\d+)\]", said, re.MULTILINE)) == [LOGON] * 3 + [LINKS]
    assert run_cli(["check", copy], expect=0).output == ""
    run_cli(["fmt", "--check", copy], expect=0)


def test_bkr532_says_where_the_other_instances_are_not_that_they_are_alike():
    """BKR532 said "and 2 more instances likewise" of TRTMM, whose instances prodssi.direct
    has at cylinder 382 on M2PRV1 but 362 on M3PRV1 and M4PRV1: "likewise" claimed the
    extents the same. It now says the others' cylinders: the first's ("at the same
    cylinder"), the one other, two, or the lowest to the highest."""
    found = {d.message.split("`")[1]: d.message for d in check(placed=True) if d.code == "BKR532"}
    assert not [m for m in found.values() if "likewise" in m]
    assert "at cylinder 382 (size 10; and 2 more instances at cylinder 362) in" in found["TRTMM"]
    assert "at cylinder 392 (size 10; and 2 more instances at cylinder 372) in" in found["TRDMM"]
    assert "at cylinder 332 (size 10; and 3 more instances at the same cylinder) in" in found["BKRCATLG"]
    assert "at cylinder 342 (size 5; and 11 more instances at cylinders 342 to 372) in" in found["BKRWRK01"]
    # Two other cylinders by name; one instance more in the singular.
    edited = check(PRODSSI, ("^( MDISK 0191 3390 )0362( 0010 M4PRV1 MR)", r"\g<1>0359\2"), placed=True)
    (trtmm,) = [d.message for d in edited if d.code == "BKR532" and "`TRTMM`" in d.message]
    assert "(size 10; and 2 more instances at cylinders 359 and 362) in" in trtmm


def test_bkr532_says_the_count_alone_where_the_cylinders_would_pass_the_width(monkeypatch):
    """Long names and places (8-character members, FBA blocks by the billion) could take
    the message past the renderers' width: it then gives the count alone, still true.
    Here the width narrowed to 290: BKRWRK01's message (292 with its cylinders) falls
    back, TRTMM's (281) keeps them."""
    monkeypatch.setattr("bkrdsl.diagnostics.render.MESSAGE_WIDTH", 290)
    found = {d.message.split("`")[1]: d.message for d in check(placed=True) if d.code == "BKR532"}
    assert "at cylinder 342 (size 5; and 11 more instances) in" in found["BKRWRK01"]
    assert len(found["BKRWRK01"]) <= 290
    assert "(size 10; and 2 more instances at cylinder 362) in" in found["TRTMM"]


def test_bkr532_leaves_to_bkr519_and_bkr523_what_they_report_and_is_not_said_of_what_dirmaint_places():
    # A size that differs is BKR519's alone (its fix first; BKR532's then).
    assert codes(check(PRODSSI, (r"^ MDISK 0191 3390 1440 0010 VMCOM1", " MDISK 0191 3390 1440 0030 VMCOM1"), placed=True)).count("BKR519") == 1
    assert "BKR532" not in [d.code for d in check(PRODSSI, (r"^ MDISK 0191 3390 1440 0010 VMCOM1", " MDISK 0191 3390 1440 0030 VMCOM1"), placed=True) if "BKRADMIN" in d.message]
    # The directory's own AUTOV (DirMaint places it there too): nothing lost, nothing said.
    auto = check(PRODSSI, (r"^ MDISK 0191 3390 1440 0010 VMCOM1", " MDISK 0191 3390 AUTOV 10 VMCOM1"), placed=True)
    assert [d for d in auto if "BKRADMIN" in d.message] == []
    # With the dialect's `sequential` allocation bkrc writes every extent: BKR523 and BKR519 compare them.
    from bkrdsl.dialect import DIALECT_DIR, load_dialect

    table = (DIALECT_DIR / "backup-manager-1.3.toml").read_text().replace('value = "autov"', 'value = "sequential"')
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "site.toml"
        path.write_text(table)
        result = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI, directory=directory(), dialect=load_dialect(path=str(path)))
    assert "BKR532" not in codes(result.diagnostics)


def test_bkr532_offers_no_fix_where_the_place_cannot_be_written_for_certain_and_says_why():
    # Another user's minidisk over BKRADMIN's extent: written, it would be BKR523's error.
    over = (r"^( MDISK 0191 3390 0367 0009 VMCOM1.*\n)", r"\1 MDISK 0199 3390 1445 0002 VMCOM1 MR\n")
    (admin,) = [d for d in check(PRODSSI, over, placed=True) if "`BKRADMIN`" in d.message]
    assert admin.code == "BKR532" and admin.fix is None
    # stop 83: the help wrote the place all the same, which its "no fix" line said was BKR523's error
    assert admin.help.startswith(
        "the directory's extent (cylinders 1440-1449 of `VMCOM1`) overlaps USER `TCPMAINT`'s minidisk 0199 there already:"
        " settle in the directory whose data those cylinders hold first (written here, `on VMCOM1 at 1440` would be"
        " BKR523's error);\nor leave the place to DirMaint"
    )
    # A worker the directory does not build on VMSYS3: the pattern cannot become every instance's place.
    gone = (r"^ BUILD ON VMSYS3 USING SUBCONFIG BKRW02-3\n", "")
    (workers,) = [d for d in check(PRODSSI, gone, placed=True) if d.code == "BKR532" and "BKRWRK" in d.message]
    assert workers.fix is None and too_long(workers, {}) == []  # a line each within the width
    assert workers.help.endswith("no fix, as the directory has no fixed extent of that size for `BKRWRK02` on `VMSYS3`'s, which would stay allocated")
    # Another product machine's extent in the directory under it: its data, where its own fix puts it.
    grown = (r"^ MDISK 0191 3390 1440 0010 VMCOM1", " MDISK 0191 3390 1440 0020 VMCOM1")
    (j06c,) = [d for d in check(PRODSSI, grown, placed=True) if "`5697J06C`" in d.message]
    assert j06c.code == "BKR532" and j06c.fix is None and j06c.help.endswith("overlaps `BKRADMIN`'s 0191 there")


def test_bkr532_a_statement_placing_one_member_s_instance_gets_the_others_added():
    """`disk BKRBKUP 191 size 10 cyl on M1PRV1 at 322` places VMSYS1's instance; the
    others are allocated: the fix adds one statement per member's instance, each at
    the directory's extent, after it (its comment kept where it is)."""
    text = PRODSSI.read_text().replace("  disk BKRBKUP 191 size 10 cyl\n", "  disk BKRBKUP 191 size 10 cyl on M1PRV1 at 322  # VMSYS1's\n")
    (d,) = [x for x in check(text, placed=True) if "`BKRBKUP`" in x.message]
    assert d.message.startswith("minidisk `BKRBKUP` 0191 (`VMSYS2`'s instance) exists on `M2PRV1` at cylinder 322 (size 10; and 2 more")
    assert d.help.startswith("add one `disk` statement per member's instance it leaves allocated")
    assert d.fix.title == "Add 3 `disk` statements"
    fixed = fixed_by(d, text)
    assert "at 322  # VMSYS1's\n" + "".join(f"  disk BKRBKUP 191 size 10 cyl on M{n}PRV1 at 322\n" for n in (2, 3, 4)) in fixed
    assert [x for x in check(fixed, placed=True) if "`BKRBKUP`" in x.message] == []


def test_bkr526_prodssi_s_autoonly_machines_take_the_table_s_logon_policy():
    """prodssi.direct's product machines are `AUTOONLY` with no LOGONBY (the admin and
    installation users `LBYONLY`); the compiled entries are `LBYONLY` with `LOGONBY
    MAINT`, and give class B where the directory's have G only. One warning per set
    of machines that change alike, each machine's USER or IDENTITY line related."""
    found = check(PRODSSI, logon=True)
    assert codes(found) == ["BKR526"] * 3
    servers, tape, admin = found
    assert servers.severity is Severity.WARNING and servers.fix is None
    assert servers.message == (
        "deploying the compiled entries changes who may log on to `BKRBKUP` and `BKRCATLG` or what CP lets them do:"
        " `AUTOONLY` becomes `LBYONLY`, `LOGONBY MAINT` added"
    )
    assert servers.related[0].label == (
        "`AUTOONLY` becomes `LBYONLY`: XAUTOLOG only becomes LOGON BY or XAUTOLOG only; `LOGONBY MAINT` added:"
        " whoever holds `MAINT`'s password may log on to it (`LOGON BKRBKUP BY MAINT`)"
    )
    # The whole help (why, then how to keep the site's) would pass the renderers' width:
    # what keeps the site's first, each role once.
    assert servers.help == (
        "to keep the site's, write `password = \"AUTOONLY\"`, `\"LOGONBY MAINT\"` out of `statements` in a site"
        " dialect table's `[machines.ROLE]` for ROLE backup-server, catalog-server (`--dialect`); `AUTOONLY` still"
        " lets BKRSTART start it; or deploy as is (docs/compatibility.md, Logging on to the machines)"
    )
    assert tape.message.endswith("`AUTOONLY` becomes `LBYONLY`, `LOGONBY MAINT` added, class B added")
    assert "`BKRWRK01`, `BKRWRK02`, `BKRWRK03`, `BKRWRK04`, `BKRSVSFS`, `TCTMM`, `TRTMM`, `TCDMM` and `TRDMM`" in tape.message
    assert '`classes = "G"`' in tape.help and "ROLE worker, catalog-sfs-server, tape-catalog-node," in tape.help
    assert "class B added: CP lets it use the commands of class B (system resource operator)" in tape.related[0].label
    assert admin.message.endswith("`BKRADMIN` and `5697J06C` or what CP lets them do: `LOGONBY MAINT` added")


def test_bkr526_shows_whole_how_to_keep_the_site_s_logon_within_the_width():
    """The help says why the table writes what it does and how to keep the site's;
    where the whole would pass the width the text format cuts a line at, what keeps
    the site's comes first, each role once. prodssi.direct's three were cut there
    (the workers' at `[machines.catalog-sfs-server]`: `pas...`): no field to write."""
    found = check(PRODSSI, logon=True)
    assert all(too_long(d, {}) == [] for d in found), [d.help for d in found]
    shown = run_cli(["check", PRODSSI, "--directory", DIRECT, "--color", "never"], expect=0).output
    helps = [line for line in shown.splitlines() if "to keep the site's" in line]
    assert len(helps) == 3 and not any(line.endswith("...") for line in helps), helps
    assert all("`--dialect`" in line for line in helps)


def test_bkr526_a_password_of_the_machine_s_own_is_never_shown(tmp_path):
    """An SFS server installed by hand with a password: named "a password of its own",
    in no message, help, label nor line `bkrc check` prints; the help says to give it again."""
    own = (r"^USER BKRSVSFS AUTOONLY 64M 128M G", "USER BKRSVSFS S3CRETPW 64M 128M BG")
    found = [d for d in check(PRODSSI, own, logon=True) if "BKRSVSFS" in d.message]
    (d,) = found
    assert d.message == (
        "deploying the compiled entry changes who may log on to USER `BKRSVSFS` or what CP lets it do:"
        " a password of its own becomes `LBYONLY`, `LOGONBY MAINT` added"
    )
    assert d.related[0].label.startswith(
        "a password of its own becomes `LBYONLY`: a LOGON with its own password becomes LOGON BY or XAUTOLOG only;"
    )
    assert "give it its password again after deploying (bkrc keeps none it reads)" in d.help
    assert "password =" not in d.help  # no table field keeps it
    assert all("S3CRETPW" not in text for text in (d.message, d.help, *(r.label for r in d.related)))
    path = tmp_path / "USER.DIRECT"
    path.write_text(re.sub(own[0], own[1], unnumbered(DIRECT.read_text()), flags=re.MULTILINE))
    shown = run_cli(["check", PRODSSI, "--directory", path], expect=0).output
    assert "USER BKRSVSFS ******** 64M 128M BG" in shown and "S3CRETPW" not in shown


def test_bkr526_nolog_of_a_machine_bkrstart_starts_cannot_be_kept():
    nolog = (r"^IDENTITY BKRCATLG AUTOONLY", "IDENTITY BKRCATLG NOLOG   ")
    (d,) = [d for d in check(PRODSSI, nolog, logon=True) if "BKRCATLG" in d.message]
    assert d.message.endswith("`NOLOG` becomes `LBYONLY`, `LOGONBY MAINT` added")
    assert d.related[0].label.startswith("`NOLOG` becomes `LBYONLY`: no logon at all, XAUTOLOG included becomes")
    assert "`NOLOG` cannot be kept: BKRSTART starts the machine, and CP logs a NOLOG user on in no way" in d.help
    assert "password =" not in d.help


def test_bkr526_and_bkr524_name_each_change_once():
    """What the site's entry has and the compiled one lacks (a LOGONBY user, a class,
    a MACHINE, an OPTION, an ACCOUNT) is BKR524's; what the compiled one adds, and the
    password's form, BKR526's: no change is named by both."""
    by_hand = (
        r"^(IDENTITY BKRBKUP )AUTOONLY( 64M 128M )BG(.*\n(?: .*\n)*? IPL CMS\n)",
        r"\1LBYONLY\2EG\3 LOGONBY SYSPROG1\n MACHINE XC\n OPTION MAXCONN 5000\n ACCOUNT 4711\n",
    )
    found = [d for d in check(PRODSSI, by_hand, logon=True) if "BKRBKUP" in d.message]
    assert codes(found) == ["BKR524", "BKR526"]
    dropped, changed = found
    assert dropped.message.endswith("class E, `LOGONBY SYSPROG1`, `MACHINE XC`, `OPTION MAXCONN 5000`, `ACCOUNT 4711`")
    assert changed.message.endswith("IDENTITY `BKRBKUP` or what CP lets it do: `LOGONBY MAINT` added, class B added")
    assert "SYSPROG1" not in changed.message and "LBYONLY" not in changed.message
    assert '`classes = "EG"`' in changed.help


def test_bkr526_the_site_table_its_help_names_keeps_the_site_s_logon(tmp_path):
    """Done as the help says for the backup and catalog servers (`password =
    "AUTOONLY"`, no `LOGONBY MAINT`): their warning goes, the others' stay."""
    from bkrdsl.dialect import DEFAULT_RELEASE, DIALECT_DIR, load_dialect

    table = (DIALECT_DIR / f"backup-manager-{DEFAULT_RELEASE}.toml").read_text()
    for role, after in (("backup-server", "catalog-server"), ("catalog-server", "worker")):
        head, end = table.index(f"[machines.{role}]"), table.index(f"[machines.{after}]")
        part = table[head:end].replace('password = "LBYONLY"', 'password = "AUTOONLY"').replace('  "LOGONBY MAINT",\n', "")
        table = table[:head] + part + table[end:]
    site = tmp_path / "site.toml"
    site.write_text(table)
    result = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI, directory=directory(), dialect=load_dialect(path=str(site)))
    found = [d for d in result.diagnostics if d.code == LOGON]
    assert len(found) == 2 and not any("BKRBKUP" in d.message or "BKRCATLG" in d.message for d in found)


def test_bkr533_autov_minidisks_against_a_directory_without_dirmaint_is_one_warning():
    """Stop 40: a site without DirMaint (its directory has no DIRMAINT machine) got
    `MDISK 0191 3390 AUTOV 10 M1PRV1 MR` from every `disk` without `at START`, which
    DIRECTXA cannot load, and nothing said so until DIRECTXA ran. prodssi.direct has no
    DIRMAINT entry: one warning for the file, at its first such `disk` statement."""
    (d,) = [d for d in check(autov=True) if d.code == AUTOV]
    assert d.severity is Severity.WARNING and d.fix is None
    assert (d.span.file, d.span.line, d.span.column) == (str(PRODSSI), 31, 3)
    assert d.message == (
        "`disk BKRBKUP 191 size 10 cyl` and 8 more `disk` statements compile to 30 MDISK statements saying `AUTOV`,"
        " DirMaint's allocation, and the site's directory has no DIRMAINT machine: DIRECTXA, which loads a directory"
        " kept by hand, has no `AUTOV` operand"
    )
    # The two ways out, the second as a site does it.
    assert d.help.startswith("give each such `disk` its place, `on VOL at START`")
    assert '`[entries.disk_allocation] value = "sequential"`' in d.help and "`--dialect site-dialect.toml`" in d.help
    assert "`bkrc dialect > site-dialect.toml`" in d.help  # not a path in a source checkout
    assert len(d.message) <= MESSAGE_WIDTH and len(d.help) <= MESSAGE_WIDTH
    assert [r.span.line for r in d.related] == [32, 33]


@pytest.mark.parametrize("kind", ["USER", "IDENTITY"])
def test_bkr533_not_where_the_directory_has_the_dirmaint_machine(kind):
    dirmaint = (r"^(USER PMAINT .*)$", rf"{kind} DIRMAINT AUTOONLY 128M 256M BG\n MDISK 0191 3390 2000 0010 VMCOM1 MR\n\1")
    assert AUTOV not in codes(check(PRODSSI, dirmaint, autov=True))
    # A SUBCONFIG of that name is no DirMaint machine.
    subconfig = (r"^(SUBCONFIG MAINT-4)$", r"SUBCONFIG DIRMAINT\n\1")
    assert AUTOV in codes(check(PRODSSI, subconfig, autov=True))


def test_bkr533_not_with_the_sequential_allocation_nor_every_disk_placed_nor_without_the_directory(tmp_path):
    # bkrc's own extents: no AUTOV written (BKR523 compares them instead).
    assert AUTOV not in codes(check_sequential(tmp_path, PRODSSI.read_text()))
    # Every `disk` statement placed (BKR523's fixes, with the sequential table): no AUTOV either.
    placed = _fixed_by_all(tmp_path, PRODSSI.read_text())
    assert "AUTOV" not in "".join(compile_directory_entries(placed))
    assert AUTOV not in codes(check(placed, autov=True))
    # One statement left without a place: said of it alone, with its instances.
    one = re.sub(r"(  disk BKRBKUP 191 size 10 cyl) on M1PRV1 at \d+\n(  disk BKRBKUP 191 .*\n){3}", r"\1\n", placed)
    assert one.count("disk BKRBKUP") == 1
    (d,) = [d for d in check(one, autov=True) if d.code == AUTOV]
    assert d.message.startswith("`disk BKRBKUP 191 size 10 cyl` compiles to 4 MDISK statements saying `AUTOV`")
    assert d.related == ()
    # Without `--directory`, nothing of it runs.
    assert "BKR533" not in run_cli(["check", PRODSSI], expect=0).output
    # The hand-kept example's file gives every minidisk its place: clean against its directory.
    assert run_cli(["check", EXAMPLES / "bank.bkr", "--directory", EXAMPLES / "bank.direct"], expect=0).output == ""


def test_bkr533_not_for_a_site_table_that_writes_no_dirmaint_keyword(tmp_path):
    """A site table whose `directory_mdisk_auto` writes another directory manager's
    form (no AUTOG, AUTOR or AUTOV) is the site's choice: nothing said."""
    from bkrdsl.dialect import DIALECT_DIR, load_dialect

    table = tmp_path / "site-dialect.toml"
    original = (DIALECT_DIR / "backup-manager-1.3.toml").read_text()
    auto = "MDISK {address} {devtype} AUTOV {size} {volume} {mode}"
    assert auto in original
    table.write_text(original.replace(auto, "MDISK {address} {devtype} * {size} {volume} {mode}"))
    result = analyse(str(PRODSSI), PRODSSI.read_bytes(), path=PRODSSI, directory=directory(), dialect=load_dialect(path=str(table)))
    assert AUTOV not in codes(result.diagnostics)


def compile_directory_entries(text: str) -> list[str]:
    """The directory entries `bkrc compile` writes for `text` (default table)."""
    from bkrdsl.pipeline import compile_source

    analysis, artifacts = compile_source("site.bkr", text.encode())
    assert artifacts is not None, [d.message for d in analysis.diagnostics if d.is_error]
    return [a.text for a in artifacts if a.path.endswith(".DIRECT")]


# ---------------------------------------------------------------- BKR534: link passwords and mode


def test_bkr534_the_link_passwords_the_compiled_entries_drop_are_said_once_for_the_file():
    """prodssi.direct gives the 0191 of BKRSVSFS, BKRADMIN, 5697J06C, TCTMM and TCDMM
    read and write passwords (`MR RPASS WPASS`); the compiled MDISK statements say `MR`
    alone, so deploying them leaves those disks linkable by no one else without
    LNKNOPAS or an ESM. One warning at the first such `disk` statement, the passwords
    never shown."""
    (d,) = [d for d in check(links=True) if d.code == LINKS]
    assert d.severity == Severity.WARNING
    assert d.message.startswith(
        "deploying the compiled entries drops the link passwords the site's directory gives `BKRSVSFS`'s 0191"
        " and 4 more minidisks:"
    )
    assert "OPTION LNKNOPAS" in d.message and "`disk_mode` (`MR`)" in d.help
    assert d.span.line == 34  # disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000
    assert [r.label for r in d.related] == [
        "`BKRSVSFS`'s 0191: its read and write passwords dropped",
        "`BKRADMIN`'s 0191: its read and write passwords dropped",
        "`5697J06C`'s 0191: its read and write passwords dropped",
    ]
    assert all("RPASS" not in text for text in (d.message, d.help, *(r.label for r in d.related)))
    assert len(d.message) <= MESSAGE_WIDTH and all(len(line) <= MESSAGE_WIDTH for line in d.help.split("\n"))
    # stop 83: the warning stays while the directory gives the passwords; the help says how a site acknowledges it
    assert d.help.endswith("\nonce settled, allow it on this line: `# bkrc: allow BKR534 REASON`")


def test_bkr534_not_for_minidisks_the_directory_gives_no_passwords_and_the_dialect_s_mode():
    passwordless = [(r"^( MDISK 0191 .* MR) RPASS WPASS$", r"\1")]
    # CICSPRD's and DB2PRD's 0200 keep their passwords: no product machine's, not compared.
    assert LINKS not in codes(check(PRODSSI, *passwordless, links=True))
    # Without `--directory`, nothing of it runs.
    assert "BKR534" not in run_cli(["check", PRODSSI], expect=0).output


def test_bkr534_another_mode_and_one_password_of_an_identity_s_instance():
    """An IDENTITY's minidisk is its member's instance's: `RR` in BKRBUP-2 becomes `MR`,
    and a read password alone is one password."""
    edits = [
        (r"^( MDISK 0191 .* MR) RPASS WPASS$", r"\1"),
        (r"^( MDISK 0191 3390 0322 0010 M2PRV1) MR$", r"\1 RR"),
        (r"^( MDISK 0191 3390 0332 0010 M3PRV1 MR)$", r"\1 ALL"),
    ]
    (d,) = [d for d in check(PRODSSI, *edits, links=True) if d.code == LINKS]
    assert d.message.startswith(
        "deploying the compiled entries drops the link passwords and changes the link mode the site's directory"
        " gives `BKRBKUP` on `VMSYS2`'s 0191 and 1 more minidisk:"
    )
    assert too_long(d, {}) == []  # with the mode's reason too, 329 characters: cut
    assert [r.label for r in d.related] == [
        "`BKRBKUP` on `VMSYS2`'s 0191: mode `RR` becomes `MR`",
        "`BKRCATLG` on `VMSYS3`'s 0191: its read password dropped",
    ]


#: BKR245 where a member's `private-volume` (or the cluster's `shared-volume`) is
#: deleted: with the site's directory, the help writes the label it gives that member's
#: SUBCONFIGs (the product machines' own first) or the USER entries' minidisks, and says
#: where it was seen (was `private-volume VOLSER`, `shared-volume VOLSER`, a placeholder,
#: as without a directory).
NO_VOLUME_LABELS = [
    (
        [("member VMSYS3 { workers 2  private-volume M3PRV1 }", "member VMSYS3 { workers 2 }")],
        (),
        ("add `private-volume M3PRV1` to the member block: `M3PRV1`, which VMSYS3's SUBCONFIG BKRBUP-3 uses in"
        " site.direct line 146"),
    ),
    (
        [("member VMSYS3 { workers 2  private-volume M3PRV1 }", "member VMSYS3 { workers 2 }"),
         ("member VMSYS4 { workers 2  private-volume M4PRV1 }", "member VMSYS4 { workers 2 }")],
        (),
        ("add `private-volume` to each member block, with the label of the volume its SUBCONFIGs use in site.direct:"
        " `M3PRV1` for VMSYS3 (SUBCONFIG BKRBUP-3, line 146), `M4PRV1` for VMSYS4 (BKRBUP-4, line 148)"),
    ),
    (
        [("  shared-volume VMCOM1\n", ""), (" on VMCOM1 at 1000", "")],
        (),
        "add `shared-volume VMCOM1` to the cluster: `VMCOM1`, which USER BKRSVSFS uses in site.direct line 225",
    ),
    # VMSYS3's SUBCONFIGs on VMSYS1's volume: no volume of its own there, the placeholder kept
    (
        [("member VMSYS3 { workers 2  private-volume M3PRV1 }", "member VMSYS3 { workers 2 }"),
         ("member VMSYS4 { workers 2  private-volume M4PRV1 }", "member VMSYS4 { workers 2 }")],
        ((r"M3PRV1", "M1PRV1"),),
        ("add `private-volume` to each member block, with the label of the volume its SUBCONFIGs use in site.direct:"
        " `M4PRV1` for VMSYS4 (SUBCONFIG BKRBUP-4, line 148); for `VMSYS3`, which has none of its own there, VOLSER,"
        " a placeholder for the label of one (`QUERY DASD` on the member lists them)"),
    ),
    (
        [("member VMSYS3 { workers 2  private-volume M3PRV1 }", "member VMSYS3 { workers 2 }")],
        ((r"M3PRV1", "M1PRV1"),),
        ("add `private-volume VOLSER` to the member block; the file names no volume for `VMSYS3`, so write for"
        " VOLSER the label of a volume of its own, as VMSYS1 has `M1PRV1` (`QUERY DASD` on the member lists them)"),
    ),
]


@pytest.mark.parametrize(
    ("edits", "direct", "help"),
    NO_VOLUME_LABELS,
    ids=["one member", "two members", "shared", "one of two without", "none of its own"],
)
def test_bkr245_writes_the_volume_label_the_directory_gives(edits, direct, help):
    text = PRODSSI.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    found = [d for d in check(text, *direct) if d.code == "BKR245"]
    assert [d.help for d in found] == [help]
    if "VOLSER" in help:
        return
    # applied as it says, the file checks clean of BKR245 against the directory
    if help.startswith("add `shared-volume"):
        fixed = text.replace("  catalog shared", "  shared-volume VMCOM1\n  catalog shared", 1)
    else:
        fixed = PRODSSI.read_text(encoding="utf-8")
    assert "BKR245" not in codes(check(fixed, *direct))


def test_bkr244_declares_the_shared_volume_the_directory_gives():
    """BKR244 for a single-configuration user's disk on a member's private volume, where
    the cluster declares no shared volume: with the site's directory, the help writes the
    label of the volume the USER entries' minidisks (BKRSVSFS's own first) are on, and
    where it was seen (was "declare a shared volume in the cluster block (`shared-volume`
    and its label) and put the disk on it", as without a directory)."""
    text = PRODSSI.read_text(encoding="utf-8").replace("  shared-volume VMCOM1\n", "", 1)
    text = text.replace("on VMCOM1 at 1000", "on M1PRV1 at 1000", 1)
    (found,) = [d for d in check(text) if d.code == "BKR244"]
    assert found.help == (
        "declare `shared-volume VMCOM1` in the cluster block and write `disk BKRSVSFS 191 size 20 cyl on VMCOM1`:"
        " the user may log on to any member; `VMCOM1`, which USER BKRSVSFS uses in site.direct line 225"
    )
    text = text.replace("  catalog shared", "  shared-volume VMCOM1\n  catalog shared", 1)
    text = text.replace("on M1PRV1 at 1000", "on VMCOM1", 1)
    assert [d.code for d in check(text)] == []


# stop 72, h11: a --directory file that cannot be opened is named first, as every file is
def test_the_lines_directory_md_quotes_for_a_directory_that_cannot_be_opened_are_bkrc_s(tmp_path, monkeypatch):
    """docs/directory.md: `bkrc: USER.DIRECT: no such file (the --directory file)` and
    `bkrc: dirs: cannot read: Is a directory (the --directory file)`, the form of
    `--dialect`'s and FILE's lines (`bkrc: F: ...`); it was `bkrc: cannot read
    directory F: ...`, the one file line that did not start with the file."""
    page = " ".join((Path(__file__).parent.parent / "docs" / "directory.md").read_text(encoding="utf-8").split())
    quoted = re.findall(r"`(bkrc: [^`]*\(the --directory file\))`", page)
    assert len(quoted) == 2
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dirs").mkdir()
    for line, name in zip(quoted, ("USER.DIRECT", "dirs"), strict=True):
        for command in (["check", PRODSSI], ["compile", PRODSSI, "-o", "out"], ["show", PRODSSI]):
            result = run_cli([*command, "--directory", name], expect=2)
            assert result.stderr == line + "\n" and not (tmp_path / "out").exists()


# stop 73, h6: BKR533's second way, `sequential`, followed to a clean file
H6_73_BKR = """import std/backup-manager
import std/zvm73

cluster ABCSSI {
  member VMA { workers 1  private-volume VMAPV1 }
  member VMB { workers 1  private-volume VMBPV1 }
  shared-volume ABCCOM
  disk BKRBKUP 191 size 10 cyl
  disk BKRCATLG 191 size 10 cyl
  disk BKRWRK* 191 size 5 cyl
  disk BKRSVSFS 191 size 20 cyl
  disk BKRADMIN 191 size 10 cyl
  disk 5697J06C 191 size 10 cyl
  catalog shared server BKRSVSFS pool BKRPOOL on VMA
  expire on VMA {
    preview daily 05:00
    purge weekly sun 06:00
    retain 35 days
  }
  single group GUESTS { DB2A DB2B }
  identity group SVCS { TCPIP }
  job SVCFU {
    backup SVCS full
    include minidisk * 0191
    to disk pool BKUPPOOL
    run on each member weekly sat 02:00
  }
  job GUESTINC {
    backup GUESTS incremental
    include minidisk * *
    exclude minidisk * 0190 019D 019E
    to disk pool BKUPPOOL
    run on VMA daily 01:00
  }
}
"""

#: A site kept by hand (no DIRMAINT), its guests' minidisks from cylinder 1 of the shared volume.
H6_73_DIRECT = """DIRECTORY 0123 3390 VMARES VMA
DIRECTORY 0123 3390 VMBRES VMB
USER DB2A XXXXXXXX 512M 1G G
 MDISK 0191 3390 0001 0010 ABCCOM MR
 MDISK 0200 3390 0011 0100 ABCCOM MR
USER DB2B XXXXXXXX 512M 1G G
 MDISK 0191 3390 0111 0010 ABCCOM MR
IDENTITY TCPIP XXXXXXXX 128M 1G G
 BUILD ON VMA USING SUBCONFIG TCPIP-1
 BUILD ON VMB USING SUBCONFIG TCPIP-2
SUBCONFIG TCPIP-1
 MDISK 0191 3390 0500 0010 VMAPV1 MR
SUBCONFIG TCPIP-2
 MDISK 0191 3390 0500 0010 VMBPV1 MR
"""


def test_h6_73_bkr533_s_sequential_way_ends_clean_with_check_fix(tmp_path, monkeypatch):
    # A newcomer's cluster against a directory kept by hand: BKR533's help offers
    # `sequential`; followed as written, bkrc's extents start at cylinder 1 of the shared
    # volume, over the guests' minidisks: three BKR523 errors, which the help did not
    # announce. It says now to pass the table to `check --fix --directory` (BKR523,
    # whose fixes move them); so followed, the file checks clean, with that table.
    monkeypatch.chdir(tmp_path)
    Path("abc.bkr").write_text(H6_73_BKR)
    Path("abc.direct").write_text(H6_73_DIRECT)
    said = run_cli(["check", "abc.bkr", "--directory", "abc.direct"], expect=0).output
    assert "warning[BKR533]" in said
    help = said[said.index("= help: give each such `disk`") :]
    assert "`bkrc dialect > site-dialect.toml`" in help and '`[entries.disk_allocation] value = "sequential"`' in help
    assert "pass `--dialect site-dialect.toml` to `check --fix --directory` (BKR523) and compile" in " ".join(help.split())
    table = run_cli(["dialect"], expect=0).stdout
    assert table.count('value = "autov"') == 1
    Path("site-dialect.toml").write_text(table.replace('value = "autov"', 'value = "sequential"'))
    site = ["--directory", "abc.direct", "--dialect", "site-dialect.toml"]
    before = run_cli(["check", "abc.bkr", *site], expect=1).output
    assert before.count("error[BKR523]") == before.count("error[") == 3
    run_cli(["check", "--fix", "abc.bkr", *site], expect=0)
    assert run_cli(["check", "abc.bkr", *site], expect=0).output == ""
    assert "disk BKRSVSFS 191 size 20 cyl on ABCCOM at " in Path("abc.bkr").read_text()


# stop 73, h9: BKR523's fix under sequential allocation keeps the statements its move would shift
H9_73_BKR = H6_73_BKR

#: Kept by hand: the guests from cylinder 1 of the shared volume, TCPIP's 191 at cylinder 1
#: of each member's private volume, where bkrc's sequential allocation puts BKRBKUP's:
#: h6's directory with TCPIP's 191s moved there.
H9_73_DIRECT = H6_73_DIRECT.replace(" MDISK 0191 3390 0500 0010 ", " MDISK 0191 3390 0001 0010 ")


def _h9_73_site(tmp_path: Path, direct: str) -> list[str]:
    (tmp_path / "abc.direct").write_text(direct)
    table = run_cli(["dialect"], expect=0).stdout
    (tmp_path / "site-dialect.toml").write_text(table.replace('value = "autov"', 'value = "sequential"'))
    return ["--directory", str(tmp_path / "abc.direct"), "--dialect", str(tmp_path / "site-dialect.toml")]


def test_h9_73_bkr523_s_fix_under_sequential_allocation_converges_in_one_check_fix(tmp_path):
    # BKRBKUP's fix moved it off TCPIP's cylinders 1-10; bkrc's sequential allocation then
    # handed those to BKRCATLG (and BKRWRK*), onto TCPIP's 191: the fix was "not applied",
    # run after run (h6's stop-73 report, item 3). It now writes `on VOL at START` where
    # those statements are, so one `check --fix` leaves a file that checks clean.
    bkr = tmp_path / "abc.bkr"
    bkr.write_text(H9_73_BKR)
    site = _h9_73_site(tmp_path, H9_73_DIRECT)
    before = run_cli(["check", str(bkr), *site], expect=1).output
    assert before.count("error[BKR523]") == before.count("error[") == 4
    said = " ".join(before.split())
    assert (
        "and `on VOL at START` where 2 other statements place theirs now (bkrc's sequential allocation would move"
        " them into the extent it frees)" in said
    )
    fixed = run_cli(["check", "--fix", str(bkr), *site], expect=0).output
    assert "not applied" not in fixed and "4 fixes applied (BKR523); clean" in fixed
    assert run_cli(["check", str(bkr), *site], expect=0).output == ""
    text = bkr.read_text()
    for line in (
        "disk BKRBKUP 191 size 10 cyl on VMAPV1 at 26\n  disk BKRBKUP 191 size 10 cyl on VMBPV1 at 26\n",
        "disk BKRCATLG 191 size 10 cyl on VMAPV1 at 11\n  disk BKRCATLG 191 size 10 cyl on VMBPV1 at 11\n",
        "disk BKRWRK* 191 size 5 cyl on VMAPV1 at 21\n  disk BKRWRK* 191 size 5 cyl on VMBPV1 at 21\n",
        "disk BKRSVSFS 191 size 20 cyl on ABCCOM at 121\n",
    ):
        assert line in text
    # The fix's title (an editor's code action) names the statements it keeps.
    bkr.write_text(H9_73_BKR)
    found = json.loads(run_cli(["check", str(bkr), *site, "--format", "json"], expect=1).stdout)
    assert "; keep `disk BKRCATLG 191`, `disk BKRWRK* 191` where bkrc places them now" in json.dumps(found)


def test_h9_73_bkr523_s_help_without_a_free_extent_gives_the_room_needed(tmp_path):
    # The directory holds the shared volume to its end: no fix, and the help says how
    # much another volume must hold.
    bkr = tmp_path / "abc.bkr"
    bkr.write_text(H9_73_BKR)
    full = H9_73_DIRECT + "USER OPSMON XXXXXXXX 64M 128M G\n MDISK 0300 3390 0121 END ABCCOM MR\n"
    said = " ".join(run_cli(["check", str(bkr), *_h9_73_site(tmp_path, full)], expect=1).output.split())
    assert (
        "place it on another volume, one with 20 cylinders free: the directory's minidisks run to the end of `ABCCOM`"
        in said
    )


# stop 75, h5: a pattern's include that finds none of a user's minidisks, the job naming the user
def test_h5_75_bkr515_not_said_of_a_pattern_where_the_job_includes_the_user_by_name():
    # LNXDB01's 0191 moved to 0192: LNXINC's `include minidisk * 0191` backs up nothing of it.
    moved = (r"^ MDISK 0191( 3390 11534)", r" MDISK 0192\1")
    (d,) = check(PRODSSI, moved)
    assert d.code == "BKR515" and "`0191` names no minidisk of `LNXDB01`" in d.message
    # With the job including LNXDB01's 0192 by name (as `bkrc init` writes for a user whose
    # minidisks the `*` line's range leaves out), the job backs it up: nothing to say.
    assert check(_job_line("    include minidisk LNXDB01 0192"), moved) == []
    # The named include itself is still compared: one that names no minidisk is reported.
    (d,) = check(_job_line("    include minidisk LNXDB01 0193"), moved)
    assert d.code == "BKR515" and "`0193` names no minidisk of `LNXDB01`" in d.message
    # Another user of the pattern, not named, still is.
    found = check(_job_line("    include minidisk LNXDB01 0192"), moved, (r"^ MDISK 0191( 3390 14882)", r" MDISK 0192\1"))
    assert [d.code for d in found] == ["BKR515"] and "`LNXAPP01`" in found[0].message


def test_h5_75_bkr516_not_said_of_a_pattern_where_the_job_names_the_user_and_excludes_the_disk():
    # LNXDB01's 0191 made a V-DISK: LNXINC's `include minidisk * 0191` selects only that of it
    # (and LNXFULL's `0100-0FFF` selects it beside LNXDB01's 0100: BKR516's other form, left aside).
    vdisk = (r"^ MDISK 0191 3390 11534 .*$", " MDISK 0191 FB-512 V-DISK 1000 MR\n MDISK 0192 3390 11534 0010 LXP001 MR")

    def only(found):
        return [d.message for d in found if "selects only" in d.message]

    (said,) = only(check(PRODSSI, vdisk))
    assert said.startswith("`0191` selects only a V-DISK of `LNXDB01` in the site's directory")
    # The job includes LNXDB01 by name and excludes its V-DISK (as `bkrc init` writes): nothing to say.
    named = _job_line("    include minidisk LNXDB01 0192\n    exclude minidisk LNXDB01 0191")
    assert only(check(named, vdisk)) == []
    # Named but the V-DISK not excluded: the include still backs it up, and is said of.
    assert len(only(check(_job_line("    include minidisk LNXDB01 0192"), vdisk))) == 1


# stop 75, h9: BKR535, a minidisk of a group's user that no job selects (h13's stop-74 patch, landed)
H9_75_BKR = H6_73_BKR.replace(  # (stop 73's cluster, GUESTINC's selection a range)
    "    include minidisk * *\n    exclude", "    include minidisk * 0191-01FF\n    exclude"
)

#: DB2A's 0200 is outside GUESTINC's range and its 0300 a V-DISK; TCPIP's SUBCONFIGs hold
#: its 0198 (its configuration) beside the 0191 SVCFU selects.
H9_75_DIRECT = """DIRECTORY 0123 3390 VMARES VMA
DIRECTORY 0123 3390 VMBRES VMB
USER DB2A XXXXXXXX 512M 1G G
 MDISK 0191 3390 0001 0010 ABCCOM MR
 MDISK 0200 3390 0011 0100 ABCCOM MR
 MDISK 0300 FB-512 V-DISK 2097152 MR
USER DB2B XXXXXXXX 512M 1G G
 MDISK 0191 3390 0111 0010 ABCCOM MR
IDENTITY TCPIP XXXXXXXX 128M 1G G
 BUILD ON VMA USING SUBCONFIG TCPIP-1
 BUILD ON VMB USING SUBCONFIG TCPIP-2
SUBCONFIG TCPIP-1
 MDISK 0191 3390 0500 0010 VMAPV1 MR
 MDISK 0198 3390 0510 0009 VMAPV1 MR
SUBCONFIG TCPIP-2
 MDISK 0191 3390 0500 0010 VMBPV1 MR
 MDISK 0198 3390 0510 0009 VMBPV1 MR
"""


def _h9_75(bkr: str = H9_75_BKR, direct: str = H9_75_DIRECT):
    return [d for d in check(bkr, text=direct) if d.code == "BKR535"]


def test_h9_75_bkr535_tcpip_s_0198_and_a_guest_s_0200_no_job_selects():
    found = _h9_75()
    assert [(d.span.line, d.span.column) for d in found] == [(20, 25), (21, 25)]  # DB2A, TCPIP: their group entries
    db2a, tcpip = found
    assert db2a.message == (
        "`DB2A`'s minidisk `0200` in the site's directory is selected by no job: group `GUESTS` backs it up"
        " with job `GUESTINC`, whose includes leave it out"
    )  # not its V-DISK 0300
    assert db2a.help == (
        "add `include minidisk DB2A 0200` to job `GUESTINC`; or, if it is left out on purpose, allow it on this"
        " line: `# bkrc: allow BKR535 REASON`"
    )
    # one diagnostic for TCPIP, built on both members, its 0198 missed on each
    assert tcpip.message == (
        "`TCPIP`'s minidisk `0198` in the site's directory is selected by no job: group `SVCS` backs it up"
        " with job `SVCFU`, whose includes leave it out"
    )
    assert [r.span.line for r in tcpip.related] == [14]  # VMA's MDISK 0198
    assert all(d.severity is Severity.WARNING for d in found)


def test_h9_75_bkr535_s_fixes_applied_check_clean():
    from bkrdsl.fixes import apply

    found = _h9_75()
    assert [d.fix.title for d in found] == ["Add `include minidisk DB2A 0200`", "Add `include minidisk TCPIP 0198`"]
    before = codes(check(H9_75_BKR, text=H9_75_DIRECT))
    fixed = apply(H9_75_BKR, found)
    assert "    include minidisk * 0191-01FF\n    include minidisk DB2A 0200\n" in fixed
    assert "    include minidisk * 0191\n    include minidisk TCPIP 0198\n" in fixed
    assert before == ["BKR535", "BKR535"]
    assert codes(check(fixed, text=H9_75_DIRECT)) == []  # BKR526, BKR532-BKR534 aside, as `check` leaves them
    assert codes(analyse("site.bkr", fixed.encode()).diagnostics) == []


def test_h9_75_bkr535_an_exclude_silences_it_unless_bkr413_says_it_removes_nothing():
    # `exclude minidisk DB2A 0200` beside `include minidisk * 0191-01FF` reaches no include:
    # BKR413 says so, and its help deletes it. It does not silence BKR535 (h13's patch did, so
    # following one warning's help brought the other back); the allow says "on purpose".
    excluded = H9_75_BKR.replace(
        "    exclude minidisk * 0190 019D 019E\n", "    exclude minidisk * 0190 019D 019E\n    exclude minidisk DB2A 0200\n"
    )
    assert excluded != H9_75_BKR
    assert [d.message.split("'")[0] for d in _h9_75(excluded)] == ["`DB2A`", "`TCPIP`"]
    assert "BKR413" in codes(check(excluded, text=H9_75_DIRECT))
    # an exclude BKR413 does not report (it reaches the include's 019D and 019E) says it
    wider = H9_75_BKR.replace("    exclude minidisk * 0190 019D 019E\n", "    exclude minidisk * 0190 019D 019E 0200\n")
    assert codes(check(wider, text=H9_75_DIRECT)) == ["BKR535"]  # TCPIP's alone, no BKR413
    assert [d.message.split("'")[0] for d in _h9_75(wider)] == ["`TCPIP`"]
    # so does a member block's exclude of a single-configuration job, which BKR413 does not judge
    member = H9_75_BKR.replace(
        "member VMA { workers 1  private-volume VMAPV1 }",
        "member VMA {\n    workers 1\n    private-volume VMAPV1\n    exclude minidisk DB2A 0200\n  }",
    )
    assert codes(check(member, text=H9_75_DIRECT)) == ["BKR535"]
    assert [d.message.split("'")[0] for d in _h9_75(member)] == ["`TCPIP`"]
    # an exclude of an address the include does select is BKR535's too: excluded, not missed
    narrowed = H9_75_BKR.replace("include minidisk * 0191-01FF", "include minidisk * 0191-0200").replace(
        "    exclude minidisk * 0190 019D 019E\n", "    exclude minidisk * 0190 019D 019E 0200\n"
    )
    assert [d.message.split("'")[0] for d in _h9_75(narrowed)] == ["`TCPIP`"]
    assert "BKR413" not in codes(check(narrowed, text=H9_75_DIRECT))


def test_h9_75_bkr535_an_identity_on_several_members_leaves_out_what_other_rules_judge():
    # 0199 in the IDENTITY entry itself (global: backing it up on each member is BKR530's):
    # not reported. 0198 in one SUBCONFIG only is, since stop 76 (h3), with its member:
    # tests/test_directory_checks.py's h3 block.
    direct = H9_75_DIRECT.replace(" MDISK 0198 3390 0510 0009 VMBPV1 MR\n", "").replace(
        " BUILD ON VMB USING SUBCONFIG TCPIP-2\n", " BUILD ON VMB USING SUBCONFIG TCPIP-2\n MDISK 0199 3390 0600 0001 ABCCOM RR\n"
    )
    assert [d.message.split("'")[0] for d in _h9_75(direct=direct)] == ["`DB2A`", "`TCPIP`"]
    assert "`0199`" not in _h9_75(direct=direct)[1].message
    # both members' SUBCONFIGs hold 0198 and 0197: one diagnostic, both addresses
    both = H9_75_DIRECT.replace(
        " MDISK 0198 3390 0510 0009 VMAPV1 MR\n", " MDISK 0197 3390 0520 0001 VMAPV1 MR\n MDISK 0198 3390 0510 0009 VMAPV1 MR\n"
    ).replace(" MDISK 0198 3390 0510 0009 VMBPV1 MR\n", " MDISK 0197 3390 0520 0001 VMBPV1 MR\n MDISK 0198 3390 0510 0009 VMBPV1 MR\n")
    tcpip = _h9_75(direct=both)[1]
    assert tcpip.message.startswith("`TCPIP`'s minidisks `0197` and `0198` in the site's directory are selected by no job")
    assert tcpip.fix.title == "Add `include minidisk TCPIP 0197 0198`"


def test_h9_75_bkr535_two_jobs_of_the_group_name_both_and_give_no_fix():
    two = H9_75_BKR.replace(
        "  job GUESTINC {",
        "  job GUESTFU {\n    backup GUESTS full\n    include minidisk * 0191\n    to disk pool BKUPPOOL\n"
        "    run on VMA weekly sun 01:00\n  }\n  job GUESTINC {",
    )
    db2a = _h9_75(two)[0]
    assert "backs it up with jobs `GUESTFU` and `GUESTINC`, whose" in db2a.message
    assert db2a.fix is None
    assert db2a.help.startswith("add `include minidisk DB2A 0200` to each of jobs `GUESTFU` and `GUESTINC` that should copy it")


def test_h9_75_bkr535_a_user_a_pattern_covers_is_said_at_the_pattern():
    matched = H9_75_BKR.replace("single group GUESTS { DB2A DB2B }", "single group GUESTS { match DB2* }")
    assert [(d.span.line, d.span.column, d.message.split("'")[0]) for d in _h9_75(matched)] == [
        (20, 31, "`DB2A`"),
        (21, 25, "`TCPIP`"),
    ]


def test_h9_75_bkr535_not_said_of_the_examples():
    for name in ("prodssi", "bank"):
        bkr = EXAMPLES / f"{name}.bkr"
        found = read_directory(f"{name}.direct", (EXAMPLES / f"{name}.direct").read_bytes())
        result = analyse(str(bkr), bkr.read_bytes(), path=bkr, directory=found)
        assert "BKR535" not in codes(result.diagnostics), name


def test_h9_75_bkr535_docs_show_md_s_cicsprd_0200_its_fix_below_the_job_s_minidisk_include():
    # docs/show.md's site.bkr: APPSFULL's include cut to `0191-01FF`, DB2PRD excluded,
    # LNXDB01 out of LINUX. CICSPRD's 0200 alone is said; the fix goes below the
    # minidisk include, not below APPSFULL's last include (an SFS one).
    from bkrdsl.fixes import apply

    site = (
        PRODSSI.read_text()
        .replace("LNXWEB02 LNXDB01 ", "LNXWEB02 ")
        .replace("include minidisk * 0191-01FF 0200", "include minidisk * 0191-01FF")
        .replace("    exclude minidisk * 0190 019D 019E\n    include sfs", "    exclude minidisk * 0190 019D 019E\n"
                 "    exclude minidisk DB2PRD *\n    include sfs")
    )
    (d,) = _h9_75(site, unnumbered(DIRECT.read_text()))
    assert d.message.startswith("`CICSPRD`'s minidisk `0200` in the site's directory is selected by no job")
    fixed = apply(site, [d])
    assert "    include minidisk * 0191-01FF\n    include minidisk CICSPRD 0200\n    exclude minidisk * 0190" in fixed
    assert "BKR535" not in codes(check(fixed))


def _h9_75_allowed(text: str, d) -> str:
    """`text` with the allow BKR535's help gives trailing the warning's line, a reason for REASON."""
    (allow,) = re.findall(r"`(# bkrc: allow BKR535 REASON)`$", d.help)
    lines = text.splitlines(keepends=True)
    lines[d.span.line - 1] = lines[d.span.line - 1].rstrip("\n") + "   " + allow.replace("REASON", "a scratch disk") + "\n"
    return "".join(lines)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h9_75_bkr535_s_allow_on_the_group_entry_s_line_silences_it_and_is_not_unused(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    db2a, tcpip = _h9_75()
    allowed = _h9_75_allowed(H9_75_BKR, db2a)
    assert "  single group GUESTS { DB2A DB2B }   # bkrc: allow BKR535 a scratch disk\n" in allowed
    # with --directory: DB2A's warning allowed, TCPIP's left, no BKR027 (the allow silences one)
    analysis = analyse("site.bkr", allowed.encode(), directory=directory(text=H9_75_DIRECT))
    assert [(d.code, d.span.line) for d in analysis.diagnostics if d.code in ("BKR535", "BKR027")] == [("BKR535", 21)]
    (kept,) = analysis.allowed
    assert kept.diagnostic.code == "BKR535" and kept.directive.reason == "a scratch disk"
    # both choices taken (TCPIP's too, by its allow): the file checks clean, with the directory and without
    both = _h9_75_allowed(allowed, tcpip)
    assert codes(check(both, text=H9_75_DIRECT)) == []  # BKR526, BKR532-BKR534 aside, as `check` leaves them
    # without --directory BKR535 is not computed, and its allow is not said unused (BKR027)
    assert codes(analyse("site.bkr", both.encode()).diagnostics) == []
    # once the include is added, the allow silences nothing: BKR027 with the directory, not without
    fixed = both.replace("    include minidisk * 0191-01FF\n", "    include minidisk * 0191-01FF\n    include minidisk DB2A 0200\n")
    unused = [d for d in check(fixed, text=H9_75_DIRECT) if d.code == "BKR027"]
    assert [d.span.line for d in unused] == [20]
    assert codes(analyse("site.bkr", fixed.encode()).diagnostics) == []


def test_h9_75_bkr535_allowed_check_directory_prints_nothing_but_counts_it(tmp_path):
    db2a, tcpip = _h9_75()
    bkr = tmp_path / "site.bkr"
    bkr.write_text(_h9_75_allowed(_h9_75_allowed(H9_75_BKR, db2a), tcpip))
    direct = tmp_path / "site.direct"
    direct.write_text(H9_75_DIRECT)
    document = json.loads(run_cli(["check", bkr, "--directory", direct, "--format", "json"]).output)
    assert sorted(d["code"] for d in document["allowed"]) == ["BKR535", "BKR535"]
    assert "BKR535" not in [d["code"] for d in document["diagnostics"]]
    assert "BKR027" not in [d["code"] for d in document["diagnostics"]]
    assert "BKR027" not in run_cli(["check", bkr]).output


def test_h9_75_bkr535_reads_no_exclude_of_a_selected_minidisk_and_grows_with_the_users(tmp_path, monkeypatch):
    # bench/directory.py's clusters, whose jobs select every minidisk of their groups' users:
    # BKR535 says nothing, asks `_Selects.removed` (the excludes, which only tell a selected
    # minidisk backed up from excluded) of no user, and its calls at 2n users are 2n's.
    import sys

    from conftest import bench_module

    from bkrdsl import coverage
    from bkrdsl.check import directory as checks

    bench = bench_module("directory")
    removed = []
    reads = coverage._Selects.removed
    monkeypatch.setattr(coverage._Selects, "removed", lambda self, *a: removed.append(a) or reads(self, *a))
    calls = []
    real = checks.directory_checks
    for users in (200, 400):
        bkr, direct = bench.write(users, tmp_path / str(users))
        found = read_directory(direct.name, direct.read_bytes())
        models = []
        monkeypatch.setattr(checks, "directory_checks", lambda m, d, x=None, models=models: models.append(m) or real(m, d, x))
        assert analyse(str(bkr), bkr.read_bytes(), path=bkr, directory=found).diagnostics == []
        count = [0]

        def counter(frame, event, arg, count=count):
            if event == "call":
                count[0] += 1

        sys.setprofile(counter)
        try:
            said = list(checks.minidisks_selected_by_no_job(models[0], found))
        finally:
            sys.setprofile(None)
        assert said == []
        calls.append(count[0])
    assert removed == []
    assert calls[1] <= 2.2 * calls[0], calls


# stop 76, h3: an IDENTITY's minidisk a V-DISK on some members only (BKR516), under both parsers
#: H9_75_DIRECT without TCPIP's 0198 and DB2A's 0200 (BKR535's), and MIXVD: its 0191 a permanent minidisk on VMA,
#: a V-DISK on VMB (and a V-DISK at 0300 on both: BKR516's range form still says that one).
H3_76_DIRECT = H9_75_DIRECT.replace(" MDISK 0198 3390 0510 0009 VMAPV1 MR\n", "").replace(
    " MDISK 0198 3390 0510 0009 VMBPV1 MR\n", ""
).replace(" MDISK 0200 3390 0011 0100 ABCCOM MR\n", "") + (
    "IDENTITY MIXVD XXXXXXXX 128M 1G G\n"
    " BUILD ON VMA USING SUBCONFIG MIXVD-1\n"
    " BUILD ON VMB USING SUBCONFIG MIXVD-2\n"
    "SUBCONFIG MIXVD-1\n"
    " MDISK 0191 3390 0600 0010 VMAPV1 MR\n"
    " MDISK 0300 FB-512 V-DISK 1000 MR\n"
    "SUBCONFIG MIXVD-2\n"
    " MDISK 0191 FB-512 V-DISK 1000 MR\n"
    " MDISK 0300 FB-512 V-DISK 1000 MR\n"
)
H3_76_BKR = H9_75_BKR.replace("identity group SVCS { TCPIP }", "identity group SVCS { MIXVD TCPIP }")


def _h3_76(bkr: str, direct: str = H3_76_DIRECT):
    return [d for d in check(bkr, text=direct) if d.code in ("BKR515", "BKR516", "BKR535")]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_76_bkr516_not_said_of_a_pattern_s_include_where_other_members_hold_a_permanent_minidisk(parser, monkeypatch):
    from bkrdsl.fixes import apply

    # `include minidisk * 0191` on each member backs up MIXVD's 0191 on VMA; on VMB it is a
    # V-DISK. Before, BKR516 said so with `exclude minidisk MIXVD 0191` for help and fix,
    # which would take the 0191 out on VMA too (the job's copies share their excludes).
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert _h3_76(H3_76_BKR) == []
    # the same over a range: its 0300, a V-DISK on every member, is still said (excluded by its fix)
    ranged = H3_76_BKR.replace("    include minidisk * 0191\n", "    include minidisk * 0100-03FF\n")
    (d,) = _h3_76(ranged)
    assert d.code == "BKR516" and d.message.startswith("`0100-03FF` also selects the V-DISK at 0300 of `MIXVD`")
    assert d.fix.title == "Add `exclude minidisk * 0300`"
    assert _h3_76(apply(ranged, [d])) == []
    ranged = ranged.replace("    include minidisk * 0100-03FF\n", "    include minidisk * 0100-02FF\n")
    assert _h3_76(ranged) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_76_bkr516_an_include_naming_the_identity_names_the_member_of_the_v_disk(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    named = H3_76_BKR.replace("    include minidisk * 0191\n", "    include minidisk * 0191\n    include minidisk MIXVD 0191\n")
    (d,) = _h3_76(named)
    assert (d.code, d.span.line, d.span.column) == ("BKR516", 25, 28)
    assert d.message == (
        "`0191` selects only a V-DISK of IDENTITY `MIXVD` on `VMB` (its SUBCONFIG there): the include backs up"
        " its minidisk on `VMA` only"
    )
    assert [(r.span.line, r.label) for r in d.related] == [(22, "`MIXVD`'s V-DISK on `VMB`")]
    assert d.fix is None  # no exclude: it would take VMA's 0191 out too
    assert "`# bkrc: allow BKR516 REASON`" in d.help and "SUBCONFIG for `VMB`" in d.help
    # the help's first choice: the allow on the include's line, which silences it and is used
    lines = named.splitlines(keepends=True)
    lines[d.span.line - 1] = lines[d.span.line - 1].rstrip("\n") + "  # bkrc: allow BKR516 a V-DISK on VMB\n"
    allowed = "".join(lines)
    assert codes(check(allowed, text=H3_76_DIRECT)) == []
    assert codes(analyse("site.bkr", allowed.encode()).diagnostics) == []
    # its second: a permanent minidisk in VMB's SUBCONFIG
    permanent = H3_76_DIRECT.replace(
        "SUBCONFIG MIXVD-2\n MDISK 0191 FB-512 V-DISK 1000 MR\n", "SUBCONFIG MIXVD-2\n MDISK 0191 3390 0600 0010 VMBPV1 MR\n"
    )
    assert permanent != H3_76_DIRECT
    assert codes(check(named, text=permanent)) == []
    # a V-DISK on every member is BKR516's first form, as before
    everywhere = H3_76_DIRECT.replace(
        "SUBCONFIG MIXVD-1\n MDISK 0191 3390 0600 0010 VMAPV1 MR\n", "SUBCONFIG MIXVD-1\n MDISK 0191 FB-512 V-DISK 1000 MR\n"
    )
    found = _h3_76(named, everywhere)  # the `*` line's and the named one's
    assert [d.span.line for d in found] == [24, 25]
    assert all(d.message.startswith("`0191` selects only a V-DISK of `MIXVD` in the site's directory") for d in found)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_76_bkr515_an_include_naming_a_minidisk_some_members_lack_may_be_allowed_on_its_line(parser, monkeypatch):
    # TCPIP's 0198 on VMA only: `include minidisk TCPIP 0198` backs it up there; VMB's SUBCONFIG is named.
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    direct = H3_76_DIRECT.replace(" MDISK 0191 3390 0500 0010 VMAPV1 MR\n", " MDISK 0191 3390 0500 0010 VMAPV1 MR\n MDISK 0198 3390 0510 0009 VMAPV1 MR\n")
    assert direct != H3_76_DIRECT
    named = H3_76_BKR.replace("    include minidisk * 0191\n", "    include minidisk * 0191\n    include minidisk TCPIP 0198\n")
    (d,) = _h3_76(named, direct)
    assert d.code == "BKR515" and "IDENTITY `TCPIP` that its SUBCONFIG on `VMB` does not define" in d.message
    assert d.help == (
        "add the minidisk to `TCPIP`'s SUBCONFIG for `VMB`, or, if that instance has none, allow it on this line:"
        " `# bkrc: allow BKR515 REASON`"
    )
    lines = named.splitlines(keepends=True)
    lines[d.span.line - 1] = lines[d.span.line - 1].rstrip("\n") + "  # bkrc: allow BKR515 on VMA only\n"
    allowed = "".join(lines)
    assert codes(check(allowed, text=direct)) == []
    assert codes(analyse("site.bkr", allowed.encode()).diagnostics) == []
    # the help's other choice: the minidisk in VMB's SUBCONFIG too
    both = direct.replace(" MDISK 0191 3390 0500 0010 VMBPV1 MR\n", " MDISK 0191 3390 0500 0010 VMBPV1 MR\n MDISK 0198 3390 0510 0009 VMBPV1 MR\n")
    assert both != direct and codes(check(named, text=both)) == []
    # a pattern's include, written for every user, keeps its help: the allow would cover them all
    pattern = H3_76_BKR.replace("    include minidisk * 0191\n", "    include minidisk * 0191 0198\n")
    (d,) = [x for x in _h3_76(pattern, direct) if "`TCPIP`" in x.message]  # (and MIXVD, with no 0198)
    assert d.help.endswith("or leave it if that instance has none")


# stop 76, h3: BKR535 of a minidisk only some of an IDENTITY's SUBCONFIGs define: once, its members named
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_76_bkr535_names_the_members_of_a_minidisk_some_subconfigs_lack_and_its_fix_checks_clean(parser, monkeypatch):
    from bkrdsl.fixes import apply

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    # TCPIP's 0198 on VMA only; nothing includes it. Before, nothing said so (only `bkrc show`).
    direct = H3_76_DIRECT.replace(
        " MDISK 0191 3390 0500 0010 VMAPV1 MR\n", " MDISK 0191 3390 0500 0010 VMAPV1 MR\n MDISK 0198 3390 0510 0009 VMAPV1 MR\n"
    )
    (d,) = _h3_76(H3_76_BKR, direct)
    assert d.code == "BKR535" and (d.span.line, d.span.column) == (21, 31)  # SVCS's `TCPIP`
    assert d.message == (
        "`TCPIP`'s minidisk `0198` (only in its SUBCONFIG for `VMA`) in the site's directory is selected by no job:"
        " group `SVCS` backs it up with job `SVCFU`, whose includes leave it out"
    )
    assert d.help.startswith(
        "add `include minidisk TCPIP 0198` to job `SVCFU`, below `# bkrc: allow BKR515 in some SUBCONFIGs only`"
        " (for the members that lack it); or"
    )
    # the fix: the include, and the allow of the BKR515 it would give above it; then clean
    fixed = apply(H3_76_BKR, [d])
    assert (
        "    include minidisk * 0191\n    # bkrc: allow BKR515 in some SUBCONFIGs only\n"
        "    include minidisk TCPIP 0198\n"
    ) in fixed
    assert codes(check(fixed, text=direct)) == []
    assert codes(analyse("site.bkr", fixed.encode()).diagnostics) == []  # the allow not said unused without it
    # the other choice: the allow on the group entry's line
    allowed = _h9_75_allowed(H3_76_BKR, d)
    assert codes(check(allowed, text=direct)) == []
    # VMB's SUBCONFIG with a V-DISK at 0198: the include's warning is BKR516's, allowed so
    vdisk = direct.replace(
        " MDISK 0191 3390 0500 0010 VMBPV1 MR\n", " MDISK 0191 3390 0500 0010 VMBPV1 MR\n MDISK 0198 FB-512 V-DISK 1000 MR\n"
    )
    (d,) = _h3_76(H3_76_BKR, vdisk)
    assert "# bkrc: allow BKR516 in some SUBCONFIGs only" in d.help
    assert codes(check(apply(H3_76_BKR, [d]), text=vdisk)) == []
    # not one VMB links at 0198 (whether Backup Manager copies a linked disk is not known)
    linked = direct.replace(" MDISK 0191 3390 0500 0010 VMBPV1 MR\n", " MDISK 0191 3390 0500 0010 VMBPV1 MR\n LINK MAINT 0198 0198 RR\n")
    assert _h3_76(H3_76_BKR, linked) == []


# stop 77, h8: BKR510's help at the site's own group, where the standard library agrees with the directory
def test_bkr510_a_site_group_that_contradicts_the_standard_library_and_the_directory_is_the_one_to_change():
    """`single group SYSIDS { TCPIP FTPSERVE }`: std/zvm-common and the directory both make
    TCPIP an IDENTITY; the help said to copy std/zvm-common into a site module and declare
    TCPIP identity there, as it already is. It now says to change the site's group, and
    written as it says, the file checks clean against the directory."""
    bkr = PRODSSI.read_text().replace("identity group SYSIDS", "single group SYSIDS")
    found = [d for d in check(bkr) if d.code == "BKR510"]
    assert [d.message.split()[0] for d in found] == ["`TCPIP`", "`FTPSERVE`"]
    for d in found:
        assert "std/" not in d.help and "copy" not in d.help
        assert d.help == "write `identity group SYSIDS` (line 47): each of its users is an IDENTITY entry in the directory"
    assert check(bkr.replace("single group SYSIDS", "identity group SYSIDS")) == []


def test_bkr510_a_group_user_whose_group_keeps_users_of_its_kind_is_moved_out_of_it():
    """CICSPRD an IDENTITY in the directory, DB2PRD beside it in `single group APPS` a USER:
    the help moves CICSPRD out, naming DB2PRD, where it said "declare it identity in a group
    or statement of that kind"; moved into an identity group and its job, it checks clean."""
    (d,) = check(PRODSSI, (r"^USER CICSPRD", "IDENTITY CICSPRD"))
    assert d.help == (
        "move `CICSPRD` out of group APPS (line 45) into an `identity group`:"
        " `DB2PRD` is not an IDENTITY entry in the directory"
    )
    moved = PRODSSI.read_text().replace("APPS { CICSPRD DB2PRD }", "APPS { DB2PRD }")
    moved = moved.replace("identity group SYSIDS { TCPIP FTPSERVE }", "identity group SYSIDS { TCPIP FTPSERVE CICSPRD }")
    moved = moved.replace("    include sfs BKRPOOL:CICSPRD.*\n", "")  # APPSFULL's include of it goes too (BKR406)
    # BKR514 alone: the slip's IDENTITY has no BUILD statement, which a real one has
    assert codes(check(moved, (r"^USER CICSPRD", "IDENTITY CICSPRD"))) == ["BKR514"]


def test_bkr510_a_site_user_statement_the_standard_library_contradicts_is_deleted():
    """`single user TCPIP` of the site's own, std/zvm-common and the directory saying IDENTITY:
    the help said to copy std/zvm-common, and its fix wrote `identity user TCPIP` (then
    BKR320, declared twice). It now says to delete the statement, as BKR203's does, no
    fix; deleted, the file checks clean against the directory."""
    bkr = PRODSSI.read_text().replace("  single group APPS", "  single user TCPIP\n  single group APPS")
    (d,) = [d for d in check(bkr) if d.code == "BKR510"]
    assert d.help == (
        "delete `single user TCPIP` (line 45): std/zvm-common declares `TCPIP` `identity` already,"
        " as the directory defines it"
    )
    assert d.fix is None
    assert check(bkr.replace("  single user TCPIP\n", "")) == []
    listed = PRODSSI.read_text().replace("  single group APPS", "  single user ZZZ, TCPIP\n  single group APPS")
    (d,) = [d for d in check(listed) if d.code == "BKR510"]
    assert d.help.startswith("take `TCPIP` out of the `single user` statement (line 45): std/zvm-common")
    assert check(listed.replace("ZZZ, TCPIP", "ZZZ")) == []


# stop 77, h3: BKR535 of an address that looks like a typo for the one BKR515 says a SUBCONFIG lacks
#: H3_76_DIRECT with TCPIP's 0191 on VMB written 0291: `include minidisk * 0191` is BKR515's
#: for VMB, and 0291, in VMB's SUBCONFIG only, BKR535's (prodssi-slips.direct's FTPSERVE).
H3_77_DIRECT = H3_76_DIRECT.replace(" MDISK 0191 3390 0500 0010 VMBPV1 MR\n", " MDISK 0291 3390 0500 0010 VMBPV1 MR\n")


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_77_bkr535_says_an_address_beside_bkr515_s_may_be_a_typo_and_offers_no_fix(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert H3_77_DIRECT != H3_76_DIRECT
    unselected, typo = _h3_76(H3_76_BKR, H3_77_DIRECT)  # (the group entry's line, 21, first)
    assert (typo.code, typo.span.line) == ("BKR515", 24) and "SUBCONFIG on `VMB` does not define" in typo.message
    assert unselected.code == "BKR535" and "`0291` (only in its SUBCONFIG for `VMB`)" in unselected.message
    assert unselected.help == (
        "`0291` may be a typo for `0191`: its SUBCONFIG for `VMB` defines `0291` and no `0191`, which the jobs"
        " select on the other members (BKR515 at its include): if so, correct the directory's MDISK statement to"
        " `0191`;\nif not, add `include minidisk TCPIP 0291` to job `SVCFU`, below `# bkrc: allow BKR515 in some"
        " SUBCONFIGs only` (for the members that lack it); or, if it is left out on purpose, allow it on this line:"
        " `# bkrc: allow BKR535 REASON`"
    )
    # no fix: its include would back the typo's address up, and name it still once it is corrected
    assert unselected.fix is None
    # the first choice: the directory's MDISK corrected; both warnings go
    assert _h3_76(H3_76_BKR, H3_76_DIRECT) == []
    # the second: the include below the allow, as the help writes them; BKR535 goes, and the
    # `*` include's BKR515 stays, whose own help leaves it where VMB's instance has none
    added = H3_76_BKR.replace(
        "    include minidisk * 0191\n",
        "    include minidisk * 0191\n    # bkrc: allow BKR515 in some SUBCONFIGs only\n    include minidisk TCPIP 0291\n",
    )
    (left,) = _h3_76(added, H3_77_DIRECT)
    assert (left.code, left.span.line) == ("BKR515", 24) and left.help.endswith("or leave it if that instance has none")
    assert codes(analyse("site.bkr", added.encode()).diagnostics) == []
    # the third: the allow on the group entry's line
    (left,) = _h3_76(_h9_75_allowed(H3_76_BKR, unselected), H3_77_DIRECT)
    assert (left.code, left.span.line) == ("BKR515", 24)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_77_bkr535_says_no_typo_of_two_digits_or_where_the_subconfig_has_the_address(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    # 0298 differs from 0191 in two digits: the help and fix of stop 76
    (d, _) = _h3_76(H3_76_BKR, H3_77_DIRECT.replace(" MDISK 0291 ", " MDISK 0298 "))
    assert d.code == "BKR535" and "typo" not in d.help and d.fix is not None
    # VMB's SUBCONFIG has its 0191 beside the 0291: no BKR515, no typo
    (d,) = _h3_76(H3_76_BKR, H3_77_DIRECT.replace(" MDISK 0291 ", " MDISK 0191 3390 0520 0010 VMBPV1 MR\n MDISK 0291 "))
    assert d.code == "BKR535" and "typo" not in d.help and d.fix is not None
    # examples/broken/prodssi-slips.direct's FTPSERVE, against examples/prodssi.bkr (jobs SYSIN and SYSME)
    slips = unnumbered((EXAMPLES / "broken" / "prodssi-slips.direct").read_text())
    (d,) = [x for x in check(PRODSSI, text=slips) if x.code == "BKR535" and "`FTPSERVE`" in x.message]
    assert d.help.startswith("`0291` may be a typo for `0191`: its SUBCONFIG for `VMSYS2` defines `0291` and no `0191`")
    fixed = slips.replace(" MDISK 0291 3390 0319 0003 M2PRV1 MR", " MDISK 0191 3390 0319 0003 M2PRV1 MR")
    assert fixed != slips
    # (its other slip, no BUILD statement for VMSYS4, is BKR514's)
    assert not [x for x in check(PRODSSI, text=fixed) if "`FTPSERVE`" in x.message and x.code in ("BKR515", "BKR535")]
