"""`bkrc show FILE --user NAME`: who backs up one user, and why no job does (docs/show.md).

The restore drill's first question (docs/deploy.md, "When a file must be
restored"): which member's job backs up LNXWEB01, under which name, when, to
disk or tape, with the `.bkr` lines that select or exclude it; with
`--directory`, each of its minidisks, as `bkrc show --directory`'s coverage
finds them. Every path is here: a user backed up by name, by a `match`
pattern, an IDENTITY on every member; one only `manual` jobs back up, one a
job names but no include selects, one no job names; a minidisk an exclude
takes out, with its line; a user the directory has and the file does not
declare, one the file declares and the directory lacks; an unknown user
(BKR331, exit 1), a name CP cannot have (BKR301), and the options it does
not go with (exit 2). For every generated cluster the checker passes, each
user it declares is shown with exactly the templates compile writes whose
INCLUDE records take it in, and with the reason when none backs it up.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import EXAMPLES, run_cli
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_compile_properties import clusters, overlapping_jobs

from bkrdsl import show
from bkrdsl.keywords import block_statements
from bkrdsl.pipeline import compile_source
from bkrdsl.resolve.model import pattern_regex
from bkrdsl.show import WIDTH

PRODSSI = "examples/prodssi.bkr"
DIRECT = "examples/prodssi.direct"


def shown(*args, expect=0) -> str:
    result = run_cli(["show", *args], expect=expect)
    return result.stdout


def as_json(*args) -> dict:
    return json.loads(run_cli(["show", *args, "--format", "json"], expect=0).stdout)


def section(out: str, user: str) -> list[str]:
    """The lines of `user`'s part of the text, from its `user` line to the next blank."""
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(f"user {user} "))
    end = next((i for i in range(at, len(lines)) if not lines[i]), len(lines))
    return lines[at:end]


# ------------------------------------------------------------------ backed up
def test_single_user_in_a_group(at_root):
    """LNXWEB01: both of VMSYS2's LINUX jobs, each with the lines that select it and
    take minidisks out of it, the member's own exclude by its line in the member block."""
    out = shown(PRODSSI, "--user", "lnxweb01")
    assert out.startswith("cluster PRODSSI (examples/prodssi.bkr): members VMSYS1 VMSYS2 VMSYS3 VMSYS4\n")
    assert "  expiry   purges on VMSYS1 only (EXPIRE acts on every member's jobs); keeps backups 35 days,\n" in out
    assert section(out, "LNXWEB01") == [
        "user LNXWEB01 (single, in group LINUX at line 43)",
        "  backed up by 2 jobs:",
        "  member  time   schedule    job      from     kind    level        to",
        "  VMSYS2  22:00  weekly sat  LNXFULL  LNXFULL  single  full         tape",
        '          "Weekly full backup of the Linux guests"',
        "          include minidisk * 0100-0FFF at line 52",
        "          exclude minidisk * 0190 019D 019E 0300 at line 53",
        "          exclude minidisk LNX* 0192 (VMSYS2's) at line 13",
        "  VMSYS2  23:30  daily       LNXINC   LNXINC   single  incremental  disk pool BKUPPOOL",
        '          "Nightly incremental of the Linux guests\' CMS disks"',
        "          include minidisk * 0191 at line 63",
        "          exclude minidisk LNX* 0192 (VMSYS2's) at line 13",
    ]
    lines = (EXAMPLES / "prodssi.bkr").read_text().splitlines()
    assert lines[52 - 1].strip() == "include minidisk * 0100-0FFF"
    assert lines[13 - 1].strip().startswith("exclude minidisk LNX* 0192")
    assert lines[43 - 1].strip().startswith("single group LINUX {")


def test_user_a_match_pattern_declares(at_root):
    out = shown(PRODSSI, "--user", "LNXAPP07")
    assert section(out, "LNXAPP07")[:2] == [
        "user LNXAPP07 (single, by match LNXAPP* of group LINUX at line 43)",
        "  backed up by 2 jobs:",
    ]


def test_identity_user_is_backed_up_on_every_member(at_root):
    data = as_json(PRODSSI, "--user", "TCPIP")
    (user,) = data["users"]
    assert user["kind"] == "identity" and user["status"] == "backed-up"
    assert [(j["name"], j["member"]) for j in user["jobs"]] == [
        (f"{job}{n}", f"VMSYS{n}") for n in range(1, 5) for job in ("SYSIN", "SYSME")
    ]
    # the site's group first, std/zvm-common's `identity user` after it (h1's J6)
    assert (user["declared"]["file"], user["declared"]["origin"]) == ("examples/prodssi.bkr", "group SYSIDS")
    assert [d["file"] for d in user["also_declared"]] == ["std/zvm-common.bkr"]
    assert "directory" not in user  # only with --directory


def test_member_filter_keeps_those_members_jobs(at_root):
    data = as_json(PRODSSI, "--user", "TCPIP", "--member", "VMSYS3")
    assert [j["name"] for j in data["users"][0]["jobs"]] == ["SYSIN3", "SYSME3"]


def test_member_filter_says_the_members_it_asked(at_root):
    """With `--member`, the user's line speaks of those members' jobs: LNXWEB01 is
    backed up on VMSYS2, and `--member VMSYS1` must not read as "no job names it"
    (it once did, above VMSYS2's jobs backing up its minidisks)."""
    assert section(shown(PRODSSI, "--user", "LNXWEB01", "--member", "VMSYS1"), "LNXWEB01")[1:] == [
        "  backed up by no job on VMSYS1: no job's `backup` there names it, its group or a pattern it matches",
        "  but jobs of members `--member` leaves out back it up: LNXFULL on VMSYS2, LNXINC on VMSYS2 (add",
        "    `--member VMSYS2`, or leave out `--member`)",
    ]
    assert section(shown(PRODSSI, "--user", "LNXWEB01", "--member", "VMSYS2"), "LNXWEB01")[1] == (
        "  backed up by 2 jobs on VMSYS2:"
    )
    both = shown(PRODSSI, "--user", "TCPIP", "--member", "VMSYS1", "--member", "VMSYS3")
    assert section(both, "TCPIP")[1] == "  backed up by 4 jobs on VMSYS1, VMSYS3:"
    # Every member shown: the line is the cluster's, as without --member.
    assert section(shown(PRODSSI, "--user", "LNXWEB01"), "LNXWEB01")[1] == "  backed up by 2 jobs:"
    every = [a for m in ("VMSYS1", "VMSYS2", "VMSYS3", "VMSYS4") for a in ("--member", m)]
    assert section(shown(PRODSSI, "--user", "LNXWEB01", *every), "LNXWEB01")[1] == "  backed up by 2 jobs:"


def test_json_names_each_job_and_statement(at_root):
    data = as_json(PRODSSI, "--user", "LNXWEB01", "--user", "CICSPRD")
    assert data["format_version"] == "1" and data["cluster"]["name"] == "PRODSSI"
    web, cics = data["users"]
    assert web["declared"] == {"origin": "group LINUX", "file": PRODSSI, "line": 43, "column": 24}
    full = web["jobs"][0]
    assert {k: full[k] for k in ("name", "member", "source_job", "kind", "level", "schedule", "time", "to")} == {
        "name": "LNXFULL", "member": "VMSYS2", "source_job": "LNXFULL", "kind": "single", "level": "full",
        "schedule": "weekly sat", "time": "22:00", "to": {"medium": "tape", "pool": None},
    }
    assert [(s["action"], s["line"], s["member"]) for s in full["selection"]] == [
        ("include", 52, None), ("exclude", 53, None), ("exclude", 13, "VMSYS2"),
    ]
    # CICSPRD's SFS directories are selected by the job too: the SFS include names it.
    assert [(s["medium"], s["line"]) for s in cics["jobs"][0]["selection"] if s["action"] == "include"] == [
        ("minidisk", 70), ("sfs", 72),
    ]


def test_json_cluster_is_show_s_without_the_directory(at_root):
    """docs/show.md: `cluster` as `bkrc show --format json` has it, but for
    `cluster.directory`, which `--user` leaves out (each user's `directory` says it)."""
    plain = as_json(PRODSSI, "--directory", DIRECT)["cluster"]
    assert "directory" in plain
    del plain["directory"]
    assert as_json(PRODSSI, "--directory", DIRECT, "--user", "LNXWEB01")["cluster"] == plain
    assert as_json(PRODSSI, "--user", "LNXWEB01")["cluster"] == as_json(PRODSSI)["cluster"]


def test_each_user_once_in_the_order_given(at_root):
    data = as_json(PRODSSI, "--user", "CICSPRD", "--user", "lnxweb01", "--user", "CICSPRD")
    assert [u["user"] for u in data["users"]] == ["CICSPRD", "LNXWEB01"]


# ------------------------------------------------------------------ why no job does
ODD_USERS = """\
  single group TESTS { TESTG01 TESTG02 }
  single user SPARE01

  job TESTMAN {
    backup TESTS full
    include minidisk TESTG01 0191
    to disk
    run on VMSYS1 manual
  }

"""


@pytest.fixture
def odd(tmp_path):
    """examples/prodssi.bkr with a `manual` job whose include names one of its two
    users, and a user no job names."""
    text = (EXAMPLES / "prodssi.bkr").read_text().replace("  job SYSIN {", ODD_USERS + "  job SYSIN {")
    path = tmp_path / "odd.bkr"
    path.write_text(text)
    return path


def test_manual_only(odd):
    data = as_json(str(odd), "--user", "TESTG01")
    assert data["users"][0]["status"] == "manual-only"
    out = shown(str(odd), "--user", "TESTG01")
    part = section(out, "TESTG01")
    assert part[1] == "  backed up only by `manual` jobs (1), submitted by hand, never by BKRSUBMT DUE:"
    assert part[3].split() == ["VMSYS1", "-", "manual", "TESTMAN", "TESTMAN", "single", "full", "disk"]


def test_named_but_not_selected(odd):
    out = shown(str(odd), "--user", "TESTG02")
    part = section(out, "TESTG02")
    assert part[1] == "  backed up by no job: named by 1 job, but no include selects it:"
    assert part[4] == "          selects none of its minidisks or SFS paths: no include names it"
    assert as_json(str(odd), "--user", "TESTG02")["users"][0]["status"] == "no-include"


def test_named_by_no_job(odd):
    out = shown(str(odd), "--user", "SPARE01")
    line = next(i for i, text in enumerate(odd.read_text().splitlines(), 1) if "single user SPARE01" in text)
    assert section(out, "SPARE01") == [
        f"user SPARE01 (single user at line {line})",
        "  backed up by no job: no job's `backup` names it, its group or a pattern it matches",
    ]
    user = as_json(str(odd), "--user", "SPARE01")["users"][0]
    assert (user["status"], user["jobs"]) == ("not-named", [])


# ------------------------------------------------------------------ with --directory
def test_minidisks_of_a_user(at_root):
    out = shown(PRODSSI, "--directory", DIRECT, "--user", "LNXWEB01")
    assert section(out, "LNXWEB01")[-3:] == [
        "  minidisks in examples/prodssi.direct (USER, the same from every member):",
        "    0100  backed up by LNXFULL on VMSYS2",
        "    0191  backed up by LNXFULL on VMSYS2, LNXINC on VMSYS2",
    ]  # its 0300, a V-DISK, is empty at each logon: not listed


def test_excluded_minidisk_names_the_exclude(at_root):
    out = shown("examples/bank.bkr", "--directory", "examples/bank.direct", "--user", "DB2B")
    text = " ".join(line.strip() for line in section(out, "DB2B"))
    assert (
        "0600  excluded from LOCBFULL on PRODB, LOCBINC on PRODB by the exclude of member PRODB at line 17" in text
    )
    user = as_json("examples/bank.bkr", "--directory", "examples/bank.direct", "--user", "DB2B")["users"][0]
    (entry,) = user["directory"]["members"]
    assert entry["member"] is None and entry["statement"] == "USER"
    disk = next(d for d in entry["minidisks"] if d["address"] == "0600")
    assert disk["status"] == "excluded"
    assert disk["excluded_by"] == [
        {"file": "examples/bank.bkr", "line": 17, "column": 5, "whose": "member", "name": "PRODB"}
    ]


def test_identity_minidisks_per_member_even_when_coverage_leaves_it_out(at_root):
    data = as_json(PRODSSI, "--directory", DIRECT, "--user", "TCPIP")
    directory = data["users"][0]["directory"]
    assert directory["statement"] == "IDENTITY" and directory["left_out"] == "zvm"
    assert [(m["member"], m["status"]) for m in directory["members"]] == [
        (f"VMSYS{n}", "backed-up") for n in range(1, 5)
    ]
    out = shown(PRODSSI, "--directory", DIRECT, "--user", "TCPIP")
    assert "    on VMSYS3:\n      0191  backed up by SYSIN3 on VMSYS3, SYSME3 on VMSYS3\n" in out


def test_member_filter_keeps_those_members_identity_minidisks(at_root):
    """`--member` shows an IDENTITY's minidisks on those members alone, as the CSV's
    IDENTITY rows; a USER's stay, the same from every member."""
    data = as_json(PRODSSI, "--directory", DIRECT, "--user", "TCPIP", "--user", "LNXWEB01", "--member", "VMSYS3")
    tcpip, web = (u["directory"]["members"] for u in data["users"])
    assert [m["member"] for m in tcpip] == ["VMSYS3"]
    assert [m["member"] for m in web] == [None]
    out = shown(PRODSSI, "--directory", DIRECT, "--user", "TCPIP", "--member", "VMSYS3")
    assert "    on VMSYS3:\n" in out and "    on VMSYS1:" not in out


def test_identity_not_built_on_the_members_shown(at_root, tmp_path):
    """An IDENTITY built on VMSYS1 alone, asked of with `--member VMSYS2`: no minidisk
    there, and the line says why (not that its minidisks are V-DISKs)."""
    direct = tmp_path / "site.direct"
    direct.write_text(
        (EXAMPLES / "prodssi.direct").read_text()
        + "IDENTITY ONEMEMB LBYONLY 64M 128M G\n BUILD ON VMSYS1 USING SUBCONFIG ONEMEM-1\n"
        + "SUBCONFIG ONEMEM-1\n MDISK 0191 3390 0001 0010 M1PRV1 MR\n"
    )
    out = shown(PRODSSI, "--directory", str(direct), "--user", "ONEMEMB", "--member", "VMSYS2")
    assert section(out, "ONEMEMB")[-2:] == [
        "    no permanent minidisk on the members shown: an IDENTITY has minidisks only on the members its",
        "      BUILD statements name, and a V-DISK or T-DISK is empty at each logon",
    ]
    whole = shown(PRODSSI, "--directory", str(direct), "--user", "ONEMEMB")
    assert section(whole, "ONEMEMB")[-2:] == ["    on VMSYS1:", "      0191  selected by no job"]


def test_user_the_directory_has_and_the_file_does_not_declare(at_root, tmp_path):
    """LNXDB01 taken out of group LINUX: bkrc knows it from the directory, and says no job backs it up."""
    text = (EXAMPLES / "prodssi.bkr").read_text().replace("LNXWEB02 LNXDB01", "LNXWEB02")
    site = tmp_path / "site.bkr"
    site.write_text(text)
    out = shown(str(site), "--directory", DIRECT, "--user", "LNXDB01")
    assert section(out, "LNXDB01") == [
        "user LNXDB01 (not declared in the file)",
        "  backed up by no job: no job's `backup` names it, its group or a pattern it matches",
        "  minidisks in examples/prodssi.direct (USER, the same from every member):",
        "    0100  selected by no job",
        "    0191  selected by no job",
    ]
    user = as_json(str(site), "--directory", DIRECT, "--user", "LNXDB01")["users"][0]
    assert user["declared"] is None and user["directory"]["members"][0]["status"] == "not-named"


def test_user_the_file_declares_and_the_directory_lacks(odd):
    out = shown(str(odd), "--directory", str(EXAMPLES / "prodssi.direct"), "--user", "SPARE01")
    assert section(out, "SPARE01")[-1] == f"  not in {EXAMPLES / 'prodssi.direct'}: it has no minidisk there to back up"
    assert as_json(str(odd), "--directory", str(EXAMPLES / "prodssi.direct"), "--user", "SPARE01")["users"][0][
        "directory"
    ] == {"statement": None, "left_out": None, "members": []}


@pytest.mark.parametrize(
    ("example", "users"),
    [("prodssi", ["LNXWEB01", "TCPIP", "MAINT", "CICSPRD"]), ("bank", ["DB2B", "LNXP01", "CICSRG1"])],
)
def test_text_fits_width(at_root, example, users):
    args = [f"examples/{example}.bkr", "--directory", f"examples/{example}.direct"]
    out = shown(*args, *(x for u in users for x in ("--user", u)))
    assert max(len(line) for line in out.splitlines()) <= WIDTH


# ------------------------------------------------------------------ the product's machines
def test_the_catalog_s_sfs_server_is_answered_as_the_product_machine_it_is(at_root):
    """BKRSVSFS is declared by no `user` statement: the `catalog` statement names it.
    It is no unknown user (BKR331): the answer says what it is, where the file names
    it, and why no job backs it up, with what would."""
    out = shown(PRODSSI, "--user", "BKRSVSFS")
    assert section(out, "BKRSVSFS") == [
        "user BKRSVSFS (single, named by the `catalog` statement at line 20)",
        "  the catalog's SFS file pool server (file pool BKRPOOL, on VMSYS1): one of the product's machines,",
        "    whose directory entry `bkrc compile` writes",
        "  backed up by no job: the file names it only in its `catalog` statement, and a job backs up the",
        "    users its `backup` names; to back it up, declare it (`single user BKRSVSFS`) and name it in a",
        "    job's `backup`",
    ]
    (user,) = as_json(PRODSSI, "--user", "BKRSVSFS")["users"]
    assert (user["kind"], user["status"], user["machine"], user["jobs"]) == ("single", "not-named", "catalog-sfs-server", [])
    assert user["declared"] == {"origin": "catalog", "file": PRODSSI, "line": 20, "column": 25}


def test_tape_manager_s_machines_and_the_standard_library_s_say_their_role(at_root):
    out = shown(PRODSSI, "--user", "TRDMM", "--user", "BKRBKUP", "--user", "5697J06C")
    assert section(out, "TRDMM")[:2] == [
        "user TRDMM (identity, named by the `tape manager` statement at line 27)",
        "  the Device Manager Machine of the Tape Manager request nodes: one of the product's machines, whose",
    ]
    assert "declare it (`identity user TRDMM`)" in " ".join(section(out, "TRDMM"))
    assert section(out, "BKRBKUP") == [
        "user BKRBKUP (identity user at std/backup-manager.bkr:17)",
        "  the backup server: one of the product's machines, whose directory entry `bkrc compile` writes",
        "  backed up by no job: no job's `backup` names it, its group or a pattern it matches",
    ]
    assert section(out, "5697J06C")[1].startswith("  the installation user: one of the product's machines")
    assert [u["machine"] for u in as_json(PRODSSI, "--user", "LNXWEB01", "--user", "TCTMM")["users"]] == [
        None,
        "tape-catalog-node",
    ]


def test_a_job_that_backs_up_the_catalog_s_server_is_shown(at_root, tmp_path):
    """Declared (`single user BKRSVSFS`, as the answer says) and named by a job's
    `backup`, the catalog's server is backed up as any user: with the directory, its
    0191 by that job."""
    text = (EXAMPLES / "prodssi.bkr").read_text().replace(
        "  job SYSIN {",
        "  single user BKRSVSFS\n  job CATFULL {\n    backup BKRSVSFS full\n    include minidisk * *\n"
        "    to disk pool BKUPPOOL\n    run on VMSYS1 weekly sun 04:00\n  }\n  job SYSIN {",
    )
    site = tmp_path / "site.bkr"
    site.write_text(text)
    out = shown(site, "--user", "BKRSVSFS", "--directory", DIRECT)
    lines = section(out, "BKRSVSFS")
    assert lines[1].startswith("  the catalog's SFS file pool server (file pool BKRPOOL, on VMSYS1)")
    assert "  backed up by 1 job:" in lines
    assert "    0191  backed up by CATFULL on VMSYS1" in lines


# ------------------------------------------------------------------ names bkrc cannot show
def test_unknown_user_is_bkr331_in_the_command_line(at_root):
    result = run_cli(["show", PRODSSI, "--user", "LNXWEB1"], expect=1)
    assert result.stdout == ""
    assert "error[BKR331]: `--user` names `LNXWEB1`, which no job can back up: cluster `PRODSSI` does not declare it\n" in result.stderr
    assert "1 | bkrc show examples/prodssi.bkr --user LNXWEB1\n" in result.stderr
    assert "= help: did you mean `LNXWEB01`?" in result.stderr
    assert "add --directory FILE" in result.stderr
    assert result.stderr.endswith("bkrc: nothing shown\n")


def test_h7_another_release_s_own_id_is_said_to_be_so_not_a_typo(at_root, tmp_path):
    """`--user MAINT730` of prodssi.bkr upgraded to `import std/zvm74`, whom the sysprog
    asks after the upgrade: the help was "did you mean `MAINT740`?", another user. It says
    whose MAINT730 is, and that the file does not import its module."""
    path = tmp_path / "prodssi.bkr"
    path.write_text((EXAMPLES / "prodssi.bkr").read_text().replace("import std/zvm73", "import std/zvm74"))
    result = run_cli(["show", str(path), "--user", "MAINT730"], expect=1)
    assert (
        "= help: `MAINT730` is z/VM 7.3's own ID, declared in std/zvm73, which the file does not import; a job"
        " backs up the users the file declares" in " ".join(result.stderr.split())
    )
    assert "did you mean" not in result.stderr


def test_unknown_member_and_user_are_one_json_document(at_root):
    """docs/show.md: with --format json, an unknown --member and --user are in one
    document on standard error, and `bkrc: nothing shown` on standard output."""
    result = run_cli(["show", PRODSSI, "--member", "VMSY2", "--user", "LNXWEB1", "--format", "json"], expect=1)
    assert [d["code"] for d in json.loads(result.stderr)["diagnostics"]] == ["BKR330", "BKR331"]
    assert result.stdout == "bkrc: nothing shown\n"


def test_unknown_user_with_the_directory_says_both(at_root):
    result = run_cli(["show", PRODSSI, "--directory", DIRECT, "--user", "NOSUCH", "--format", "json"], expect=1)
    assert result.stdout == "bkrc: nothing shown\n"
    report = json.loads(result.stderr)
    (error,) = [d for d in report["diagnostics"] if d["severity"] == "error"]
    assert (error["code"], error["file"], error["column"]) == ("BKR331", "<command line>", 39)
    assert "and examples/prodssi.direct has no such user" in error["message"]


#: What a terminal acts on rather than shows (docs/security.md): ESC, BEL, DEL, a C1
#: control, a bidirectional override; and a tab, which a message line would show as blanks.
_ACTED_ON = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(
    ("option", "name", "said"),
    [
        ("--user", "AB\x1b]0;x\x07", "`AB<U+001B>]0;x<U+0007>` contains `<U+001B>`, `]`, `;`"),
        ("--user", "LNXWEB0\t1", "`LNXWEB0<U+0009>1` contains `<U+0009>`"),
        ("--member", "VM\u202eS", "`VM<U+202E>S` contains `<U+202E>`"),
        ("--member", "VMSYS1\x1b[2J", "`VMSYS1<U+001B>[2J` contains `<U+001B>`, `[`"),
    ],
)
def test_a_control_character_in_a_name_is_written_as_its_code_point(at_root, option, name, said):
    """The frame shows the command line safe; the message line says the name too,
    each character a terminal acts on as `<U+XXXX>` (an ESC would clear the screen or
    retitle the terminal), in the text and in the JSON alike."""
    result = run_cli(["show", PRODSSI, option, name], expect=1)
    assert said in result.stderr
    assert not _ACTED_ON.search(result.stderr.replace("\n", ""))
    doc = json.loads(run_cli(["show", PRODSSI, option, name, "--format", "json"], expect=1).stderr)
    assert said in doc["diagnostics"][0]["message"]


def test_user_id_cp_cannot_have(at_root):
    result = run_cli(["show", PRODSSI, "--user", "LNXWEB01", "--user", "TOOLONGNAME"], expect=1)
    assert result.stdout == ""
    assert "error[BKR301]" in result.stderr and "TOOLONGNAME" in result.stderr
    assert "BKR331" not in result.stderr


@pytest.mark.parametrize(
    "extra", [["--against", PRODSSI], ["--directory", DIRECT, "--format", "csv"]], ids=["against", "csv"]
)
def test_not_with_against_or_csv(at_root, extra):
    result = run_cli(["show", PRODSSI, "--user", "LNXWEB01", *extra], expect=2)
    assert "--user shows who backs up a user, as text or json" in result.output


def test_without_user_the_output_is_unchanged(at_root):
    """`--user` adds a view; `bkrc show` without it prints what it did (its snapshots hold it)."""
    plain = shown(PRODSSI)
    assert "\nuser " not in plain and plain.count("member VMSYS") == 4


def test_listed_in_help():
    """The option, and the command's own description, which says what each mode shows."""
    said = " ".join(run_cli(["show", "--help"], expect=0).stdout.split())
    assert "--user NAME" in said
    assert "--user NAME shows instead who backs up that user, for a restore" in said


# ------------------------------------------------------------------ the restore drill's page
def test_deploy_md_directory_excerpt_is_how_the_output_ends(at_root):
    """docs/deploy.md, "With the site's directory": the command it gives, and the lines
    it says the output ends with (its transcript without the directory is run by
    tests/test_docs_transcripts.py)."""
    from conftest import ROOT

    page = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    part = page.split("### With the site's directory", 1)[1]
    command = part.split("```sh\n", 1)[1].split("\n```", 1)[0]
    ending = part.split("ends with\n\n```text\n", 1)[1].split("```", 1)[0]
    assert command == f"bkrc show {PRODSSI} --directory {DIRECT} --user LNXWEB01"
    assert shown(*command.split()[2:]).endswith(ending)


def test_file_with_errors_shows_nothing_and_asks_no_user(at_root):
    """The file's errors first: its users are not judged against a cluster the checker refused."""
    result = run_cli(["show", "examples/broken/prodssi.bkr", "--user", "NOSUCH"], expect=1)
    assert result.stdout == ""
    assert "`--user` names" not in result.stderr
    assert result.stderr.endswith("bkrc: errors in the input; nothing shown\n")


def test_empty_user_name_is_bkr301(at_root):
    result = run_cli(["show", PRODSSI, "--user", ""], expect=1)
    assert "error[BKR301]: a z/VM user ID cannot be empty" in result.stderr
    assert "1 | bkrc show examples/prodssi.bkr --user ''\n" in result.stderr


ODD_ENTRIES = """\
USER TESTG01 LBYONLY 64M 128M G
 MDISK 0191 3390 0001 0010 TST001 MR
*
USER TESTG02 LBYONLY 64M 128M G
 MDISK 0191 3390 0011 0010 TST001 MR
*
USER VDISKS LBYONLY 64M 128M G
 MDISK 0300 FB-512 V-DISK 2097152 MR
"""


@pytest.fixture
def odd_direct(odd):
    """examples/prodssi.direct with the odd users' entries, and one with a V-DISK alone."""
    path = odd.parent / "odd.direct"
    path.write_text((EXAMPLES / "prodssi.direct").read_text() + ODD_ENTRIES)
    return path


def test_minidisk_only_manual_jobs_back_up(odd, odd_direct):
    out = shown(str(odd), "--directory", str(odd_direct), "--user", "TESTG01")
    assert section(out, "TESTG01")[-1] == "    0191  backed up by TESTMAN on VMSYS1 (`manual` jobs only)"
    (entry,) = as_json(str(odd), "--directory", str(odd_direct), "--user", "TESTG01")["users"][0]["directory"]["members"]
    assert entry["minidisks"][0]["manual_only"] is True


def test_minidisk_a_job_names_but_no_include_selects(odd, odd_direct):
    out = shown(str(odd), "--directory", str(odd_direct), "--user", "TESTG02")
    assert section(out, "TESTG02")[-1] == "    0191  selected by no job"
    (entry,) = as_json(str(odd), "--directory", str(odd_direct), "--user", "TESTG02")["users"][0]["directory"]["members"]
    # The coverage's word: no include record of any job names it (docs/show.md).
    assert (entry["status"], entry["jobs"]) == ("not-named", [])


def test_user_with_no_permanent_minidisk(odd, odd_direct):
    out = shown(str(odd), "--directory", str(odd_direct), "--user", "VDISKS")
    assert section(out, "VDISKS")[-1] == "    no permanent minidisk (a V-DISK or T-DISK is empty at each logon)"


def test_every_minidisk_excluded(at_root, tmp_path):
    """docs/show.md's coverage example: `exclude minidisk DB2PRD *` in APPSFULL. Without the
    directory, the exclude that covers every address the include selects says it."""
    text = (EXAMPLES / "prodssi.bkr").read_text().replace(
        "    exclude minidisk * 0190 019D 019E\n    include sfs",
        "    exclude minidisk * 0190 019D 019E\n    exclude minidisk DB2PRD *\n    include sfs",
    )
    site = tmp_path / "site.bkr"
    site.write_text(text)
    line = text.splitlines().index("    exclude minidisk DB2PRD *") + 1
    part = section(shown(str(site), "--user", "DB2PRD"), "DB2PRD")
    assert part[1] == "  backed up by no job: named by 1 job, whose excludes take out every minidisk they select:"
    assert f"          exclude minidisk DB2PRD * at line {line}" in part
    assert as_json(str(site), "--user", "DB2PRD")["users"][0]["status"] == "excluded"
    # CICSPRD, in the same job, keeps its backup, and its SFS include.
    assert as_json(str(site), "--user", "CICSPRD")["users"][0]["status"] == "backed-up"
    # The directory says it of each minidisk, with the same line.
    out = shown(str(site), "--directory", DIRECT, "--user", "DB2PRD")
    assert f"    0191  excluded from APPSFULL on VMSYS1 by the exclude of job APPSFULL at line {line}" in out


# ------------------------------------------------------------------ every generated cluster
#: IDs no generator declares by name that the `match` patterns of `clusters` and
#: `overlapping_jobs` declare (LNX*, LNX0*, LNXB*, APP*, SRV*, SRVA*), and one none does.
MATCHED_ONLY = ["LNX77", "LNX09", "LNXB9", "APP42", "SRVA1", "SRV77", "NOSUCH"]
_TEMPLATE_RECORD = re.compile(r"^(INCLUDE|EXCLUDE) (MINIDISK|SFS) (\S+)(?: = ([0-9A-F]{4}) - ([0-9A-F]{4}))?$")


def _template_records_of(template: str, user: str) -> list[tuple[str, str, str, int, int]]:
    """(action, medium, owner or path, first, last) of each record of a job template
    that takes `user` in: a minidisk record whose owner is `*`, the user or a pattern
    it matches; an SFS record whose path's user part is. The oracle, read from what
    `bkrc compile` writes."""
    out = []
    for line in template.splitlines():
        m = _TEMPLATE_RECORD.match(line)
        if m is None:
            continue
        action, medium, whom = m[1].lower(), m[2].lower(), m[3]
        owner = whom if medium == "minidisk" else whom.split(":", 1)[1].split(".", 1)[0]
        if pattern_regex(owner).match(user):
            first, last = (int(m[4], 16), int(m[5], 16)) if m[4] else (0, 0)
            out.append((action, medium, whom, first, last))
    return out


def _every_address_excluded(records: list[tuple[str, str, str, int, int]]) -> bool:
    """Whether the excludes among a user's records take out every address its includes
    select (never when an SFS record includes it: that is no minidisk)."""
    includes = [r for r in records if r[0] == "include"]
    if any(medium == "sfs" for _, medium, *_ in includes):
        return False
    excludes = [(a, b) for action, medium, _, a, b in records if action == "exclude" and medium == "minidisk"]
    return all(
        all(any(a <= address <= b for a, b in excludes) for address in range(first, last + 1))
        for _, _, _, first, last in includes
    )


_STATEMENT = re.compile(r"^(include|exclude) (minidisk|sfs) (.*?)(?: \((\w+)'s\))? at line (\d+)(?: \(the template's records?: (.*)\))?$")


def _statements_said(out: str) -> list[re.Match]:
    """Each statement line of `--user`'s text, its wrapped lines joined: the action,
    medium and words as printed, the member of its own exclude, its line, and the
    records said after it (None: none)."""
    said: list[str | None] = []
    for line in out.splitlines():
        if line.startswith((" " * 10 + "include ", " " * 10 + "exclude ")):
            said.append(line.strip())
        elif said and said[-1] is not None and line.startswith(" " * 12) and line[12] != " ":
            said[-1] += " " + line.strip()
        else:
            said.append(None)
    matched = [_STATEMENT.match(x) for x in said if x is not None]
    assert all(matched), said
    return matched


#: The words that begin a statement of a member's block beside its `exclude` (the
#: generator writes `member VMSYS1 { workers 1  exclude minidisk * 191 }`).
#: The statements a member block holds beside its selections, as the grammar gives them
#: (`description` and `subconfig` too: a drawn one-line block may write them after an
#: `exclude`, which CI's draw of stop 82 did).
_MEMBER_SETTINGS = frozenset(block_statements("member")) - {"include", "exclude"}


def _written_at(text: str, line: int) -> list[str]:
    """The selection statements line `line` of `text` writes (several after `;`, or
    inside a member's one-line block after its other settings), each as `--user`
    prints one: its words, one space apart, in capitals."""
    code = text.split("\n")[line - 1].split("#", 1)[0]  # (not splitlines: a drawn description may hold \x1e)
    said: list[str] = []
    for part in re.split(r"[;{}]", code):
        statement: list[str] = []
        for word in part.split():
            if word in ("include", "exclude") or word in _MEMBER_SETTINGS:
                if statement:
                    said.append(" ".join(statement).upper())
                statement = [word] if word in ("include", "exclude") else []
            elif statement:
                statement.append(word)
        if statement:
            said.append(" ".join(statement).upper())
    return said


def _scheduled(submit: str) -> set[str]:
    """The jobs a member's BKRSUBMT.EXEC submits when due: those of its table whose
    schedule is not `manual` (it lists those too, for `BKRSUBMT LIST`)."""
    jobs = dict(re.findall(r"^job\.(\d+) = '([^']*)'$", submit, re.MULTILINE))
    when = dict(re.findall(r"^when\.(\d+) = '([^']*)'$", submit, re.MULTILINE))
    return {name for n, name in jobs.items() if when[n] != "manual"}


#: examples/prodssi.bkr with every status: `manual` jobs alone (TESTG01), a job but no
#: include (TESTG02), no job (SPARE01), every minidisk excluded (DB2PRD).
EVERY_STATUS = (
    (EXAMPLES / "prodssi.bkr")
    .read_text()
    .replace("  job SYSIN {", ODD_USERS + "  job SYSIN {")
    .replace(
        "    exclude minidisk * 0190 019D 019E\n    include sfs",
        "    exclude minidisk * 0190 019D 019E\n    exclude minidisk DB2PRD *\n    include sfs",
    )
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(clusters(), overlapping_jobs()))
@example(EVERY_STATUS)
# Explore seed 202612074 (stop 79): a member's exclude after `workers 1` on its block's
# one line; the statement is said right, the helper above once missed it.
@example(
    "import std/backup-manager\nimport std/zvm73\ncluster PROP {\n"
    "  member VMSYS1 { workers 1  exclude minidisk * 191 }\n  single user BKRSVSFS\n"
    "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n"
    "  expire on VMSYS1 { preview daily 01:00  purge weekly sun 03:00  retain 30 days }\n"
    "  single group GUESTS { LNX01  match LNX* }\n  identity group SYSIDS { TCPIP }\n"
    "  job GUESTS1 {\n    backup GUESTS full\n    include minidisk * *\n"
    "    exclude minidisk * 191\n    to disk pool BKUPPOOL\n    run on VMSYS1 daily 01:00\n  }\n"
    "  job SYSI {\n    backup SYSIDS incremental\n    include minidisk * *\n"
    "    include sfs VMSYS:TCPIP.*\n    to disk pool BKUPPOOL\n    run on each member daily 01:00\n  }\n}\n"
)
# CI's draw at stop 82: a member's one-line block with a `description` after its exclude;
# the statement is said right, the helper above read the description into it.
@example(
    "import std/backup-manager\nimport std/zvm73\ncluster PROP {\n"
    "  member VMSYS1 { workers 1  exclude minidisk * 191  description \"\" }\n"
    "  catalog local server BKRSVSFS pool BKRPOOL\n"
    "  expire on each member { preview daily 01:00  purge weekly sun 03:00  retain 30 days }\n"
    "  single group GUESTS { LNX01  match LNX* }\n  identity group SYSIDS { TCPIP }\n"
    "  job GUESTS1 {\n    description \"\"\n    backup GUESTS full\n    include minidisk * *\n"
    "    exclude minidisk * 191\n    to disk pool BKUPPOOL\n    run on VMSYS1 daily 01:00\n  }\n"
    "  job SYSI {\n    backup SYSIDS incremental\n    include minidisk * *\n"
    "    include sfs VMSYS:TCPIP.*\n    to disk pool BKUPPOOL\n    run on each member daily 01:00\n  }\n}\n"
)
# A job's description holding \x1e, which str.splitlines takes for a line break (the
# helper once counted the lines so: stop 82).
@example(
    "import std/backup-manager\nimport std/zvm73\ncluster PROP {\n  member VMSYS1 { workers 1 }\n"
    "  catalog local server BKRSVSFS pool BKRPOOL\n"
    "  expire on each member { preview daily 01:00  purge weekly sun 03:00  retain 30 days }\n"
    "  single group GUESTS { LNX01  match LNX* }\n  identity group SYSIDS { TCPIP }\n"
    "  job GUESTS1 {\n    description \"\x1e\"\n    backup GUESTS full\n    include minidisk * *\n"
    "    exclude minidisk * 191\n    to disk pool BKUPPOOL\n    run on VMSYS1 daily 01:00\n  }\n"
    "  job SYSI {\n    backup SYSIDS incremental\n    include minidisk * *\n"
    "    include sfs VMSYS:TCPIP.*\n    to disk pool BKUPPOOL\n    run on each member daily 01:00\n  }\n}\n"
)
def test_every_user_of_a_generated_cluster_is_shown_with_the_templates_that_select_it(text):
    """For each user a generated cluster the checker passes declares (by ID, in a
    group, by a `match` pattern): the jobs `--user` shows with an include that takes it
    in are exactly the TEMPLATE files compile writes with an INCLUDE record whose
    owner (or SFS path) takes it in, member by member; each shown job's statements
    are that template's records of the user; and the status says why no job backs
    it up when none does: every address excluded (EXCLUDED), only `manual` jobs,
    not in BKRSUBMT (MANUAL_ONLY), no include (NO_INCLUDE), no job at all
    (NOT_NAMED). `--member` keeps that member's jobs; the text fits WIDTH."""
    analysis, artifacts = compile_source("prop.bkr", text.encode())
    if artifacts is None:
        return
    model = analysis.model
    templates = {
        (a.member, a.path.split("/", 1)[1].removesuffix(".TEMPLATE")): a.text
        for a in artifacts
        if a.kind == "job-template"
    }
    submitted = {a.member: _scheduled(a.text) for a in artifacts if a.kind == "submit-exec"}
    users = [u for u in dict.fromkeys([*model.user_ids, *MATCHED_ONLY]) if show.known_user(model, u)]
    assert "NOSUCH" not in users
    views = []
    whole = show.view(model)
    for user in users:
        view = show.user_view(model, whole, user)
        views.append(view)
        # One source of truth: each job's row is the very row `bkrc show` prints.
        printed = {(m.name, id(row)) for m in whole.shown for row in m.jobs}
        assert all((j.member, id(j.row)) in printed for j in view.jobs), user
        records = {key: _template_records_of(t, user) for key, t in templates.items()}
        including = {key for key, r in records.items() if any(x[0] == "include" for x in r)}
        shown = {(j.member, j.row.name): j for j in view.jobs}
        assert set(shown) <= set(templates), user
        assert {key for key, j in shown.items() if any(s.action == "include" for s, _ in j.selects)} == including, user
        for key, j in shown.items():  # the statements shown: the template's records of the user
            said = {(s.action, s.medium, r) for s, _ in j.selects for r in s.records}
            assert {(a, m, w) for a, m, w, _, _ in records[key]} <= said, (user, key)
        # Each statement as its line writes it (stop 78, h16: it once printed the
        # template's record beside the line); a record of the user the template writes
        # that is neither the statement's owner nor the user's ID is said after it.
        lines = _statements_said(show.user_text(whole, [view]))
        assert len(lines) == sum(len(j.selects) for j in view.jobs), user
        at = iter(lines)
        for j in view.jobs:
            notes, written = set(), set()
            for s, _ in j.selects:
                m = next(at)
                assert f"{m[1]} {m[2]} {m[3]}".upper() in _written_at(text, int(m[5])), (user, m[0])
                assert (m[1], m[2], m[4]) == (s.action, s.medium, s.member), (user, m[0])
                if m[6] is not None:
                    notes |= {(m[2], r) for r in m[6].split(", ")}
                elif m[1] == "include":
                    written |= {(m[2], w) for w in m[3].split()}
            template = {(mm, w) for a, mm, w, _, _ in records[(j.member, j.row.name)] if a == "include"}
            assert notes <= template, (user, j.row.name)
            for medium, w in template - notes:
                owner = w if medium == "minidisk" else w.split(":", 1)[1].split(".", 1)[0]
                assert owner == user or (medium, w) in written, (user, j.row.name, w)
        selecting = {key for key in including if not _every_address_excluded(records[key])}
        if any(name in submitted[member] for member, name in selecting):
            assert view.status == show.SCHEDULED, user
        elif selecting:
            assert view.status == show.MANUAL_ONLY, user
        elif including:
            assert view.status == show.EXCLUDED, user
        else:
            assert view.status == (show.NO_INCLUDE if view.jobs else show.NOT_NAMED), user
        for member in model.member_names:
            alone = show.user_view(model, show.view(model, [member]), user)
            assert alone.jobs == tuple(j for j in view.jobs if j.member == member), (user, member)
    out = show.user_text(whole, views)
    assert max(len(line) for line in out.splitlines()) <= WIDTH
    doc = json.loads(json.dumps(show.user_json(whole, views)))
    assert [u["user"] for u in doc["users"]] == users


# stop 72, h4: --user's rows show each job's description, as the table does
def test_user_rows_show_each_job_s_description_and_the_json_has_it(at_root):
    """A restore reads what each job is for below its row (LNXFULL, the weekly full;
    LNXINC, the nightly incremental of the CMS disks); a job without one (APPSFULL)
    has no such line. The JSON's users[].jobs[] has it too (`null` without)."""
    out = shown(PRODSSI, "--user", "LNXWEB01", "--user", "DB2PRD")
    lnx = section(out, "LNXWEB01")
    assert lnx[3:5] == [
        "  VMSYS2  22:00  weekly sat  LNXFULL  LNXFULL  single  full         tape",
        '          "Weekly full backup of the Linux guests"',
    ]
    assert lnx[8:10] == [
        "  VMSYS2  23:30  daily       LNXINC   LNXINC   single  incremental  disk pool BKUPPOOL",
        "          \"Nightly incremental of the Linux guests' CMS disks\"",
    ]
    assert not any('"' in line for line in section(out, "DB2PRD"))
    data = as_json(PRODSSI, "--user", "LNXWEB01", "--user", "DB2PRD")
    assert [[j["description"] for j in u["jobs"]] for u in data["users"]] == [
        ["Weekly full backup of the Linux guests", "Nightly incremental of the Linux guests' CMS disks"],
        [None],
    ]


def test_user_row_s_description_is_cut_to_the_width(at_root, tmp_path):
    long = "Weekly full backup of the Linux guests " * 5
    path = tmp_path / "long.bkr"
    path.write_text((EXAMPLES / "prodssi.bkr").read_text().replace('"Weekly full backup of the Linux guests"', f'"{long}"'))
    out = shown(str(path), "--user", "LNXWEB01")
    (line,) = [x for x in out.splitlines() if x.startswith('          "Weekly')]
    assert len(line) <= WIDTH and line.endswith('..."')


# stop 72, h10: the on-call restore walk-through (retains kept whole; --member names the jobs it leaves out)
def test_a_long_list_of_different_retains_breaks_between_members(at_root, tmp_path):
    """`keeps backups 30 days on VMSYSTM1, 60` / `days on VMSYSTM2`: the header broke
    a member's retain in two. Each `N days on MEMBER` stays on one line now."""
    path = tmp_path / "retains.bkr"
    members = ("VMSYSTM1", "VMSYSTM2", "VMSYSTM3", "VMSYSTM4")
    path.write_text(
        "import std/backup-manager\n\ncluster TESTSSI {\n"
        + "".join(f"  member {m} {{ workers 2 }}\n" for m in members)
        + "  catalog local\n"
        + "".join(f"  expire on {m} {{ purge weekly sun 06:00  retain {30 * n} days }}\n" for n, m in enumerate(members, 1))
        + "  identity group SYSTEM { RSCS }\n"
        + "  job SYSFU {\n    backup SYSTEM full\n    include minidisk * 0191\n    to disk\n"
        + "    run on each member daily 02:00\n  }\n}\n"
    )
    for extra in ((), ("--user", "RSCS")):
        lines = shown(str(path), *extra).splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith("  expiry "))
        end = next(i for i in range(at + 1, len(lines)) if not lines[i].startswith(" " * 11))
        expiry = lines[at:end]
        assert len(expiry) == 5 and all(len(line) <= WIDTH for line in expiry)
        # each member's part whole on a line of its own (h4, stop 73: with the day it is gone by)
        said = [
            f"{30 * n} days on {m}, gone by day {30 * n + 7} at the latest (purged weekly sun 06:00)"
            for n, m in enumerate(members, 1)
        ]
        assert all(any(line.strip().rstrip(",") == s for line in expiry) for s in said)


BANK = "examples/bank.bkr"


def test_a_member_that_backs_up_none_names_the_jobs_of_the_members_left_out(at_root):
    """On call, `--user DB2A --member PRODB` said `backed up by no job on PRODB` and no
    more: true, and read at 3 a.m. as "no backup". PRODA's LOCAFULL and LOCAINC back it
    up; the answer now names them, and the options that show them."""
    out = shown(BANK, "--user", "DB2A", "--member", "PRODB")
    assert section(out, "DB2A") == [
        "user DB2A (single, in group LOCALA at line 75)",
        "  backed up by no job on PRODB: no job's `backup` there names it, its group or a pattern it matches",
        "  but jobs of members `--member` leaves out back it up: LOCAFULL on PRODA, LOCAINC on PRODA (add",
        "    `--member PRODA`, or leave out `--member`)",
    ]
    data = as_json(BANK, "--user", "DB2A", "--member", "PRODB")
    assert data["users"][0]["status"] == "not-named"
    assert data["users"][0]["elsewhere"] == [{"name": "LOCAFULL", "member": "PRODA"}, {"name": "LOCAINC", "member": "PRODA"}]
    # The hint's own advice: with --member PRODA the jobs are shown, and no hint.
    both = shown(BANK, "--user", "DB2A", "--member", "PRODB", "--member", "PRODA")
    assert "  backed up by 2 jobs on PRODA, PRODB:" in section(both, "DB2A")
    assert not any(line.startswith("  but jobs of members") for line in both.splitlines())
    assert as_json(BANK, "--user", "DB2A", "--member", "PRODA")["users"][0]["elsewhere"] == []
    assert as_json(BANK, "--user", "DB2A")["users"][0]["elsewhere"] == []


def test_the_hint_comes_before_the_directory_s_minidisks(at_root):
    out = shown(BANK, "--user", "DB2A", "--member", "PRODB", "--directory", "examples/bank.direct")
    lines = section(out, "DB2A")
    assert lines[2].startswith("  but jobs of members `--member` leaves out back it up: LOCAFULL on PRODA")
    assert lines[4] == "  minidisks in examples/bank.direct (USER, the same from every member):"


def test_several_members_left_out_and_an_identity_s_own_jobs(at_root):
    """LNXWEB01 with VMSYS1 and VMSYS3 shown: VMSYS2's jobs. TCPIP, an IDENTITY that
    PRODB's own IDFUL2 and IDINC2 back up, gets no hint: PRODA's jobs back up PRODA's
    instance, not the one asked about."""
    out = shown(PRODSSI, "--user", "LNXWEB01", "--member", "VMSYS1", "--member", "VMSYS3")
    assert section(out, "LNXWEB01")[-2:] == [
        "  but jobs of members `--member` leaves out back it up: LNXFULL on VMSYS2, LNXINC on VMSYS2 (add",
        "    `--member VMSYS2`, or leave out `--member`)",
    ]
    tcpip = shown(BANK, "--user", "TCPIP", "--member", "PRODB")
    assert "  backed up by 2 jobs on PRODB:" in section(tcpip, "TCPIP")
    assert "but jobs of members" not in tcpip
    assert as_json(BANK, "--user", "TCPIP", "--member", "PRODB")["users"][0]["elsewhere"] == []


def test_an_identity_that_only_another_member_s_job_names_says_whose_instance(at_root):
    """An IDENTITY a job of one member alone backs up (its global minidisks, BKR221
    with --directory): the hint says those jobs back up their member's instance."""
    from dataclasses import replace

    from bkrdsl.pipeline import analyse

    model = analyse(BANK, (EXAMPLES / "bank.bkr").read_bytes()).model
    facts = show.view(model, ["PRODB"])
    view = replace(show.user_view(model, facts, "TCPIP"), status=show.NOT_NAMED, jobs=(), elsewhere=(("PRODA", "IDFUL1"),))
    lines = section(show.user_text(facts, [view]), "TCPIP")
    assert lines[-2:] == [
        "  but jobs of members `--member` leaves out back up their own member's instance of it:",
        "    IDFUL1 on PRODA (add `--member PRODA`, or leave out `--member`)",
    ]


@pytest.mark.parametrize("example", ["bank.bkr", "prodssi.bkr"])
def test_the_hint_names_exactly_the_jobs_the_whole_view_shows_elsewhere(at_root, example):
    """For each user the file declares and each member alone: the hint's jobs are the
    rows of the other members that select it in the whole view, and there is a hint
    exactly when no scheduled job of that member backs it up (an IDENTITY: none names it)."""
    from bkrdsl.pipeline import analyse

    model = analyse(f"examples/{example}", (EXAMPLES / example).read_bytes()).model
    whole = show.view(model)
    hinted = 0
    for user in sorted(model.user_ids):
        every = show.user_view(model, whole, user)
        for member in model.member_names:
            alone = show.user_view(model, show.view(model, [member]), user)
            selecting = [
                (j.member, j.row.name)
                for j in every.jobs
                if j.member != member
                and any(s.action == "include" for s, _ in j.selects)
                and not show._excluded_wholly(j.selects)
            ]
            wanted = alone.status != show.SCHEDULED and (alone.kind != "identity" or alone.status == show.NOT_NAMED)
            assert alone.elsewhere == (tuple(selecting) if wanted else ()), (user, member)
            hinted += bool(alone.elsewhere)
    assert hinted > 0


# stop 77, h10: --user names every statement that declares the user, the site's first (h1's J6)
TWICE = """\
import std/backup-manager
import std/zvm73

cluster C {
  member ZVMA { workers 1 }
  member ZVMB { workers 1 }
  single group GUESTS { LNXDB1 LNXWEB1 }
  single group CMSUSERS { LNXDB1 ALICE }
  single group LINUX { match LNXD* }
  identity group SYSVM { TCPIP }
  job GFULL {
    backup GUESTS full
    include minidisk * *
    to disk pool P
    run on ZVMA daily 02:00
  }
  job CMSI {
    backup CMSUSERS, LINUX incremental
    include minidisk * *
    to disk pool P
    run on ZVMA daily 03:00
  }
  job SYSI {
    backup SYSVM full
    include minidisk * *
    to disk pool P
    run on each member daily 04:00
  }
}
"""


def test_user_line_names_every_group_that_holds_it_the_site_s_first(tmp_path):
    """LNXDB1 in GUESTS and CMSUSERS (and LINUX's `match LNXD*`): the user line named
    GUESTS alone, though CMSI backs it up through CMSUSERS. TCPIP in the site's SYSVM:
    it named std/zvm-common's `identity user` line, not the group the site wrote.
    Each is now named with its place, the site's own first; the JSON's `declared` is
    that first one and `also_declared` the others; one declaration reads as before."""
    path = tmp_path / "twice.bkr"
    path.write_text(TWICE)
    out = shown(str(path), "--user", "LNXDB1", "--user", "TCPIP", "--user", "ALICE")
    lines = section(out, "LNXDB1")
    assert lines[1].startswith("  ") and lines[2].startswith("  backed up by 2 jobs")  # folded at WIDTH
    assert " ".join(line.strip() for line in lines[:2]) == (
        "user LNXDB1 (single, in group GUESTS at line 7, group CMSUSERS at line 8 and match LNXD* of group LINUX"
        " at line 9)"
    )
    assert section(out, "TCPIP")[0] == (
        "user TCPIP (identity, in group SYSVM at line 10 and `identity user` at std/zvm-common.bkr:63)"
    )
    assert section(out, "ALICE")[0] == "user ALICE (single, in group CMSUSERS at line 8)"
    assert max(len(line) for line in out.splitlines()) <= WIDTH
    users = {u["user"]: u for u in as_json(str(path), "--user", "LNXDB1", "--user", "TCPIP", "--user", "ALICE")["users"]}
    assert users["TCPIP"]["declared"] == {"origin": "group SYSVM", "file": str(path), "line": 10, "column": 26}
    assert users["TCPIP"]["also_declared"] == [
        {"origin": "user", "file": "std/zvm-common.bkr", "line": 63, "column": 15}
    ]
    assert [(d["origin"], d["line"]) for d in users["LNXDB1"]["also_declared"]] == [
        ("group CMSUSERS", 8),
        ("match LNXD* of group LINUX", 9),
    ]
    assert users["ALICE"]["also_declared"] == []


# stop 78, h16: each statement as its line writes it, the template's record said apart
NARROWED = """\
import std/backup-manager

cluster C {
  member ZVMA { workers 1 }
  catalog shared server BKRSFS pool BKRCAT on ZVMA
  expire on ZVMA { purge weekly sun 03:00 }
  single group GUESTS { LNXA01 LNXA02 LNXA03 LNXA04 }
  single group WEB { match LNXW%% }
  job GFULL {
    backup GUESTS, WEB full
    include minidisk LNX* 0200
    include sfs POOL1:LNX*.*
    to disk pool P
    run on ZVMA daily 02:00
  }
}
"""


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_each_statement_reads_as_its_line_and_the_template_s_record_is_said_apart(at_root, parser, monkeypatch):
    """`include minidisk LNXP%% 0200-02FF at line 154`, while line 154 of bank.bkr says
    `LNXP*`: --user printed the template's record (the include narrowed to group LINUXP's
    `match LNXP%%`) beside the line of a statement that reads otherwise, and an auditor
    could not find the text there. Each statement now reads as its line writes it; where
    the template's record of the user is neither what the line writes nor the user's ID
    (`LNXP%%` of the `*` include at 152 too), it is said after the line. The JSON's owner
    was already as written; its `user_records` are the records the text names."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    out = shown("examples/bank.bkr", "--directory", "examples/bank.direct", "--user", "LNXP01", "--member", "PRODC")
    assert section(out, "LNXP01")[4:8] == [
        "          include minidisk * 0191-01FF at line 152 (the template's record: LNXP%%)",
        "          include minidisk LNXP* 0200-02FF at line 154 (the template's record: LNXP%%)",
        "          exclude minidisk * 0190 019D 019E at line 155",
        "          exclude minidisk LNXP* 0203 at line 156",
    ]
    lines = (EXAMPLES / "bank.bkr").read_text().splitlines()
    assert [lines[n - 1].strip() for n in (152, 154, 155, 156)] == [
        "include minidisk * 0191-01FF",
        "include minidisk LNXP* 0200-02FF",
        "exclude minidisk * 0190 019D 019E",
        "exclude minidisk LNXP* 0203",
    ]
    (user,) = as_json("examples/bank.bkr", "--user", "LNXP01", "--member", "PRODC")["users"]
    assert [(s["line"], s["owner"], s["user_records"]) for s in user["jobs"][0]["selection"]] == [
        (152, "*", ["LNXP%%"]),
        (154, "LNXP*", ["LNXP%%"]),
        (155, "*", ["*"]),
        (156, "LNXP*", ["LNXP*"]),
    ]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_an_include_narrowed_to_ids_or_to_a_pattern(tmp_path, parser, monkeypatch):
    """`include minidisk LNX* 0200` of a job of LNXA01-LNXA04 by ID and `match LNXW%%`:
    the template writes a record per ID and one of the pattern. LNXA01's line is the
    statement's as written (it said `LNX* (5 owners)`), its record its own ID; LNXW07's
    names `LNXW%%` apart; an SFS include alike, by its path's user part."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    path = tmp_path / "narrowed.bkr"
    path.write_text(NARROWED)
    out = shown(str(path), "--user", "LNXA01", "--user", "LNXW07")
    assert section(out, "LNXA01")[4:] == [
        "          include minidisk LNX* 0200 at line 11",
        "          include sfs POOL1:LNX*.* at line 12",
    ]
    assert section(out, "LNXW07")[4:] == [
        "          include minidisk LNX* 0200 at line 11 (the template's record: LNXW%%)",
        "          include sfs POOL1:LNX*.* at line 12 (the template's record: POOL1:LNXW%%.*)",
    ]
    users = as_json(str(path), "--user", "LNXA01", "--user", "LNXW07")["users"]
    assert [[s["user_records"] for s in u["jobs"][0]["selection"]] for u in users] == [
        [["LNXA01"], ["POOL1:LNXA01.*"]],
        [["LNXW%%"], ["POOL1:LNXW%%.*"]],
    ]
