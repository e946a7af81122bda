"""`bkrc init --directory USER.DIRECT`: the groups from the site's CP source
directory (docs/init.md, "From the site's directory").

The file lists the site's own USER entries in the `single` group and its
IDENTITY entries built on every member in the `identity` group, leaves z/VM's
own IDs (the `--stdlib` module's), the product's machines and the users with
no minidisk out (named in comments), and checks clean with and without
`--directory`. A directory bkrc cannot read, or `--member` that disagrees
with its BUILD statements, writes nothing.
"""

from __future__ import annotations

import json
import re
import shlex
import textwrap

import pytest
from conftest import EXAMPLES, ROOT, run_cli

from bkrdsl.cpdirectory import read_directory
from bkrdsl.pipeline import analyse
from bkrdsl.resolve import default_search_path
from bkrdsl.resolve.model import pattern_regex, subconfig_id

DIRECT = EXAMPLES / "prodssi.direct"
#: A DirMaint site's machine (BKR533): added to a directory a test writes, `bkrc init`
#: leaves a `disk` statement without a place, for DirMaint to allocate, as before;
#: without it, init places each (see `test_without_dirmaint_every_minidisk_gets_a_free_place`).
DIRMAINT = "USER DIRMAINT AUTOONLY 128M 256M BG\n"


def groups(path) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each group of the file: its kind and its IDs (patterns expanded against
    prodssi.direct's users), as bkrc reads them."""
    model = analyse(str(path), path.read_bytes(), search_path=default_search_path(())).model
    users = [e.id for e in read_directory(str(DIRECT), DIRECT.read_bytes()).entries if e.kind != "SUBCONFIG"]
    out = {}
    for group in model.groups:
        ids = set(group.users) | {u for p in group.patterns for u in users if pattern_regex(p).match(u)}
        out[group.name] = (group.kind.value, tuple(sorted(ids)))
    return out


def comments(text: str) -> str:
    """The file's `#` comments as one line, so that a list wrapped over lines reads whole."""
    return " ".join(
        line.strip().lstrip("#").strip() for line in text.splitlines() if line.lstrip().startswith("#")
    )


def assert_clean(path, directory, unplaced: int = 0) -> None:
    """No diagnostic with or without the directory, and in `bkrc fmt`'s layout; but,
    with the directory, BKR532's warning at each of `unplaced` `disk` statements that
    do not keep an extent the directory has (init names them in a comment above), without
    a fix, and BKR526 where the directory's product machines have another logon than the
    dialect table's (prodssi.direct's are `AUTOONLY`: tests/test_directory_checks.py),
    BKR533 where a `disk` statement is written without a place and the directory has no
    DIRMAINT machine (none of these has: tests/test_directory_checks.py asks for it), and
    BKR534 where the directory gives the product machines' minidisks link passwords, which
    the compiled MDISKs drop (prodssi.direct's five 191 disks: tests/test_directory_checks.py)."""
    assert run_cli(["check", path], expect=0).output == ""
    said = json.loads(run_cli(["check", path, "--directory", directory, "--format", "json"], expect=0).output)["diagnostics"]
    said = [d for d in said if d["code"] not in ("BKR526", "BKR533", "BKR534")]
    assert [(d["code"], d["fix"] is None) for d in said] == [("BKR532", True)] * unplaced, [d["message"] for d in said]
    run_cli(["fmt", "--check", path], expect=0)


@pytest.mark.parametrize("volume", ['M1}#"X', "M1PRV1}", "M1#{X}", "VOLUME7"])
def test_a_volume_that_is_no_volume_label_is_bkr502_not_text_written_into_the_file(tmp_path, volume):
    """`bkrc init --directory` writes the directory's volume labels into the new file
    (`disk BKRBKUP 191 size 10 cyl on M1PRV1 at 322`). A site directory's MDISK whose
    volume held `}` or a quote (`M1}#"X`) was written so, closing the cluster's block:
    `bkrc: internal error: ValueError: <bkrc init>:43:3: BKR013` (the file was not
    written). An MDISK's volume that is no volume label (1-6 of A-Z 0-9 @ # $, or
    `&SYSRES`) is now the directory's BKR502 at its record, and nothing is written."""
    direct = tmp_path / "site.direct"
    text = DIRECT.read_text(encoding="utf-8")
    record = " MDISK 0191 3390 0322 0010 M1PRV1 MR"
    assert text.count(record) == 1
    direct.write_text(text.replace(record, f" MDISK 0191 3390 0322 0010 {volume} MR"), encoding="utf-8")
    path = tmp_path / "new.bkr"
    result = run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=1)
    assert f"error[BKR502]: an MDISK statement's volume `{volume}` is not a volume label" in result.output
    assert "internal error" not in result.output and not path.exists()


def test_a_directory_file_name_with_a_line_end_is_written_as_its_code_point_in_the_comments(tmp_path):
    """The new file's comments name the directory file (`# from prodssi.direct`). A
    name holding a line end (`x<LF>}<LF>.direct`) ended the comment and put `}` and
    `.direct` on lines of their own: `bkrc init` ended with `bkrc: internal error:
    ValueError: <bkrc init>:18:1: BKR004`. Now a character a comment cannot hold is
    written `<U+XXXX>` there, and the file checks clean."""
    direct = tmp_path / "x\n}\u202e.direct"
    direct.write_bytes(DIRECT.read_bytes())
    path = tmp_path / "new.bkr"
    result = run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    assert "internal error" not in result.output
    text = path.read_text(encoding="utf-8")
    assert "# from x<U+000A>}<U+202E>.direct" in text and "\u202e" not in text
    run_cli(["check", path], expect=0)


def test_prodssi_s_directory_gives_the_users_prodssi_bkr_groups(tmp_path):
    path = tmp_path / "new.bkr"
    result = run_cli(["init", path, "--cluster", "PRODSSI", "--directory", DIRECT, "--tape"], expect=0)
    assert f"run `bkrc check {path} --directory {DIRECT}`" in result.stderr
    assert_clean(path, DIRECT)
    text = path.read_text(encoding="utf-8")
    # The members, from the BUILD statements, in the order the directory first names them.
    assert [line.split()[1] for line in text.splitlines() if line.startswith("  member ")] == [
        "VMSYS1",
        "VMSYS2",
        "VMSYS3",
        "VMSYS4",
    ]
    written = groups(path)
    for kind, ids in groups(EXAMPLES / "prodssi.bkr").values():
        for user in ids:
            assert any(kind == k and user in i for k, i in written.values()), (user, written)
    assert written["APPS"] == (
        "single",
        ("CICSPRD", "DB2PRD", "LNXAPP01", "LNXAPP02", "LNXDB01", "LNXWEB01", "LNXWEB02"),
    )
    # No IDENTITY of the site's own: z/VM's own that hold minidisks, built on every member.
    assert written["SYSIDS"] == ("identity", ("AUTOLOG1", "FTPSERVE", "MAINT", "OPERATOR", "TCPIP"))
    # z/VM's single users that hold minidisks are named, never listed; the product's machines neither.
    assert "declares (list in a group those you back up): MAINT730 PMAINT TCPMAINT." in comments(text)
    for machine in ("BKRBKUP", "BKRCATLG", "BKRWRK01", "BKRWRK03", "BKRSVSFS", "BKRADMIN", "TCTMM", "TRTMM"):
        assert not any(machine in ids for _, ids in written.values()), machine


def test_h7_another_release_s_own_id_in_the_directory_is_z_vm_s_not_the_site_s(tmp_path):
    """prodssi.direct, a 7.3 cluster's, given to `--stdlib zvm74` (the cluster upgraded, its
    7.3 IDs not yet deleted): MAINT730 was listed in the site's `single group APPS` beside
    the Linux guests, as if one of the site's own users. It is z/VM 7.3's own (std/zvm73),
    named in a comment of its own that says what to do while and after the upgrade."""
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", DIRECT, "--tape", "--stdlib", "zvm74"], expect=0)
    assert_clean(path, DIRECT)
    text = path.read_text(encoding="utf-8")
    written = groups(path)
    assert written["APPS"] == (
        "single",
        ("CICSPRD", "DB2PRD", "LNXAPP01", "LNXAPP02", "LNXDB01", "LNXWEB01", "LNXWEB02"),
    )
    said = comments(text)
    assert "which std/zvm74 declares (list in a group those you back up): PMAINT TCPMAINT." in said
    assert (
        "z/VM 7.3's own users that hold minidisks, which std/zvm73 declares and this file does not import"
        " (an upgrade's: import it too while a member runs 7.3; list in a group those you back up until you"
        " delete them): MAINT730." in said
    )


def test_without_tape_a_directory_with_every_tape_manager_machine_gets_a_note_that_suggests_tape(tmp_path):
    """Without `--tape` the file names no Tape Manager machine; a directory that has
    every one `--tape` names (TCTMM, TCDMM, USER entries; TRTMM, TRDMM, IDENTITY
    entries), each of the kind `--tape`'s file gives it, holds Tape Manager: they
    are left out of the groups as the product's machines, and a comment says
    `--tape` sends the full backup to tape."""
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", DIRECT], expect=0)
    assert_clean(path, DIRECT)
    text = comments(path.read_text(encoding="utf-8"))
    for machine in ("TCTMM", "TCDMM", "TRTMM", "TRDMM"):
        assert not any(machine in ids for _, ids in groups(path).values()), machine
    assert (
        "Tape Manager's machines, in no group as the product's: `bkrc init --tape` names them in a"
        " `tape manager` statement and sends the full backup to tape (run it again with `--tape` for that):"
        " TCDMM TCTMM TRDMM TRTMM." in text
    )
    assert "TRTMM on VMSYS2" not in text  # no longer an IDENTITY of the site's, built on some members
    taped = run_cli(["init", "-", "--cluster", "PRODSSI", "--directory", DIRECT, "--tape"], expect=0).stdout
    assert "run it again with `--tape`" not in taped


def test_without_tape_a_directory_with_some_tape_manager_machines_keeps_them_and_suggests_tape(tmp_path):
    """Not every machine `--tape` names (no TRDMM): they may be the site's own users,
    so the groups keep them, as before; the comment names them and suggests `--tape`."""
    direct = tmp_path / "USER.DIRECT"
    direct.write_text("".join(line for line in DIRECT.read_text().splitlines(True) if "TRDMM" not in line))
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    assert_clean(path, direct)
    assert {"TCTMM", "TCDMM"} <= set(groups(path)["APPS"][1])
    text = comments(path.read_text(encoding="utf-8"))
    assert (
        "Users with the names of the Tape Manager machines `bkrc init --tape` names, which this file takes"
        " for the site's own: if they are Tape Manager's, run it again with `--tape` to send the full backup"
        " to tape: TCDMM TCTMM TRTMM." in text
    )
    assert "TRTMM on VMSYS2 VMSYS3 VMSYS4." in text


def large_directory(users: int, servers: int) -> str:
    """A site of `users` Linux guests (every 50th with a T-DISK only, every 70th
    with no MDISK), `servers` IDENTITY servers on four members (every 40th built
    on two only, every 30th whose SUBCONFIGs hold no minidisk), z/VM's own TCPIP
    and PMAINT and Backup Manager's BKRBKUP and a worker."""
    out = ["DIRECTORY 0123 3390 M1RES VMSYS1", "PROFILE IBMDFLT", " LINK MAINT 0190 0190 RR"]
    for k in range(servers):
        on = (1, 2) if k % 40 == 39 else (1, 2, 3, 4)
        out.append(f"IDENTITY SRV{k:05d} PW 64M 128M G")
        out += [f" BUILD ON VMSYS{m} USING SUBCONFIG S{k:05d}-{m}" for m in on]
        for m in on:
            out.append(f"SUBCONFIG S{k:05d}-{m}")
            if k % 30 != 29:
                out.append(f" MDISK 0191 3390 1 10 M{m}PRV1 MR")
    for machine in ("TCPIP", "BKRBKUP", "BKRWRK07"):
        out.append(f"IDENTITY {machine} PW 64M 128M G")
        out += [f" BUILD ON VMSYS{m} USING SUBCONFIG {subconfig_id(machine, m)}" for m in (1, 2, 3, 4)]
        for m in (1, 2, 3, 4):
            out += [f"SUBCONFIG {subconfig_id(machine, m)}", f" MDISK 0191 3390 1 10 M{m}PRV1 MR"]
    out += ["USER PMAINT PW 128M 1000M G", " MDISK 0CF0 3390 1 39 VMCOM1 MR"]
    for k in range(users):
        out += [f"USER LNX{k:05d} PW 1G 2G G", " INCLUDE IBMDFLT"]
        if k % 50 == 49:
            out.append(" MDISK 0291 3390 T-DISK 10 MR")
        elif k % 70 != 69:
            out.append(" MDISK 0100 3390 1 3338 LXP001 MR")
    return "\n".join(out) + "\n"


def test_a_large_directory_gives_one_group_per_kind_that_checks_clean(tmp_path):
    users, servers = 3000, 200
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(large_directory(users, servers), encoding="utf-8")
    path = tmp_path / "big.bkr"
    run_cli(["init", path, "--cluster", "BIG", "--directory", direct], expect=0)
    # BKRBKUP's 191s at cylinder 1, over MAINT's: not kept (init's comment says so), BKR532 without a fix.
    assert_clean(path, direct, unplaced=1)
    text = path.read_text(encoding="utf-8")
    assert max(len(line) for line in text.splitlines()) <= 80
    guests = {f"LNX{k:05d}" for k in range(users)}
    empty = {f"LNX{k:05d}" for k in range(users) if k % 50 == 49 or k % 70 == 69}
    partly = {f"SRV{k:05d}" for k in range(servers) if k % 40 == 39}
    diskless = {f"SRV{k:05d}" for k in range(servers) if k % 30 == 29}
    model = analyse(str(path), path.read_bytes(), search_path=default_search_path(())).model
    assert model.group("APPS").users == tuple(sorted(guests - empty))
    assert model.group("SYSIDS").users == tuple(
        sorted({f"SRV{k:05d}" for k in range(servers)} - partly - diskless)
    )
    said = comments(text)
    assert f"nothing to back up: {' '.join(sorted(empty | diskless))}." in said  # SRV00119 is both
    assert "SRV00039 on VMSYS1 VMSYS2; SRV00079 on VMSYS1 VMSYS2; SRV00159" in said
    assert "declares (list in a group those you back up): PMAINT TCPIP." in said
    assert "BKRBKUP" not in said.split("Not listed above", 1)[1] and "BKRWRK07" not in text
    # The same text again, to standard output.
    assert run_cli(["init", "-", "--cluster", "BIG", "--directory", direct], expect=0).stdout == text


BROKEN = [
    # (directory text, the code reported in it)
    ("USER LNX01 PW 1G 2G G\n MDISK 0100 3390 1 10 LXP001 MR\nUSER LNX01 PW 1G 2G G\n", "BKR503"),
    ("IDENTITY A PW 1M 1M G\n BUILD ON VMSYS1 SUBCONFIG A-1\nSUBCONFIG A-1\n", "BKR502"),
    ("IDENTITY A PW 1M 1M G\n BUILD ON VMSYS1 USING SUBCONFIG A-1\n", "BKR504"),
    ("USER A PW 1M 1M G\n\0\0", "BKR501"),
    ("* USER DIRECT, to come\n", "BKR501"),  # no USER or IDENTITY entry: was written, a BKR511 for each user
]


@pytest.mark.parametrize(("text", "code"), BROKEN)
def test_a_directory_bkrc_cannot_read_writes_nothing(tmp_path, text, code):
    direct = tmp_path / "USER.DIRECT"
    direct.write_bytes(text.encode())
    path = tmp_path / "new.bkr"
    result = run_cli(["init", path, "--cluster", "C", "--member", "VMSYS1", "--directory", direct], expect=1)
    assert f"error[{code}]" in result.stderr and f"{direct}:" in result.stderr
    assert result.stderr.endswith("bkrc: nothing written\n")
    assert not path.exists() and list(tmp_path.iterdir()) == [direct]
    result = run_cli(["init", "-", "--cluster", "C", "--directory", direct], expect=1)
    assert result.stdout == ""


def test_a_directory_that_cannot_be_opened_is_a_usage_error(tmp_path):
    result = run_cli(
        ["init", tmp_path / "new.bkr", "--cluster", "C", "--directory", tmp_path / "none"], expect=2
    )
    assert "none: no such file (the --directory file)" in result.stderr and not (tmp_path / "new.bkr").exists()


def test_members_given_must_be_those_the_directory_builds_on(tmp_path):
    path = tmp_path / "new.bkr"
    args = ["init", path, "--cluster", "PRODSSI", "--directory", DIRECT, "--color", "never"]
    result = run_cli([*args, "--member", "VMSYS1", "--member", "VMSYS2"], expect=1)
    assert result.stderr.count("error[BKR513]") == 2  # VMSYS3 and VMSYS4, each once
    assert "IDENTITY `MAINT` is built on `VMSYS3`, which no `--member` names" in result.stderr
    assert f"--> {DIRECT}:26:11" in result.stderr and "give `--member VMSYS3` too" in result.stderr
    assert not path.exists()
    # All four, in another order: the order given is the members' numbers, which name
    # the product's SUBCONFIGs (BKRBUP-1 on the first): the directory's are numbered
    # otherwise, so deploying would rebuild every instance from new ones (BKR529).
    order = ["VMSYS2", "VMSYS1", "VMSYS4", "VMSYS3"]
    result = run_cli([*args, *[a for m in order for a in ("--member", m)]], expect=1)
    assert "error[BKR529]: IDENTITY `BKRBKUP` is built on `VMSYS2` from SUBCONFIG `BKRBUP-2`" in result.stderr
    assert "declare the members in the order the directory numbers them, `VMSYS1`, `VMSYS2`, `VMSYS3` and `VMSYS4`" in result.stderr
    assert not path.exists()
    run_cli([*args, *[a for m in sorted(order) for a in ("--member", m)]], expect=0)
    assert [
        line.split()[1] for line in path.read_text().splitlines() if line.startswith("  member ")
    ] == sorted(order)
    assert_clean(path, DIRECT)
    # A member no IDENTITY is built on: said, and written.
    five = [a for m in range(1, 6) for a in ("--member", f"VMSYS{m}")]
    result = run_cli([*args, *five, "--force"], expect=0)
    assert "warning[BKR514]: no IDENTITY of" in result.stderr and "built on `VMSYS5`" in result.stderr


def test_without_cluster_the_usage_error_says_the_directory_does_not_name_it(tmp_path):
    """`bkrc init new.bkr --directory USER.DIRECT` takes the members from the directory,
    not the cluster's name, which no CP directory holds: the usage error says where it
    comes from (it said only "Missing option '--cluster'."), and reads nothing first."""
    result = run_cli(["init", tmp_path / "new.bkr", "--directory", tmp_path / "nope.direct"], expect=2)
    assert "Missing option '--cluster': the SSI cluster's name, as SYSTEM CONFIG has it (`--cluster PRODSSI`)" in (
        result.stderr
    )
    assert "the directory names the members (its BUILD statements), not the cluster" in result.stderr
    assert "cannot read" not in result.output + result.stderr and not (tmp_path / "new.bkr").exists()
    result = run_cli(["init", "-", "--member", "M1"], expect=2)
    assert "Missing option '--cluster': the SSI cluster's name" in result.stderr
    assert "not the cluster" not in result.stderr  # no --directory: nothing said of one


def test_without_member_a_directory_with_no_build_is_a_usage_error(tmp_path):
    direct = tmp_path / "USER.DIRECT"
    direct.write_text("USER LNX01 PW 1G 2G G\n MDISK 0100 3390 1 10 LXP001 MR\n")
    result = run_cli(["init", "-", "--cluster", "C", "--directory", direct], expect=2)
    assert "builds no IDENTITY on a member" in result.stderr and "--member" in result.stderr
    result = run_cli(["init", "-", "--cluster", "C"], expect=2)
    # and names the other way to give the members (it said only "Missing option '--member'.")
    assert "Missing option '--member': give each member, member 1 first" in result.stderr
    assert "or the site's directory (`--directory USER.DIRECT`), whose BUILD statements name them." in result.stderr
    # With --member it is read: the one USER is the single group.
    out = run_cli(["init", "-", "--cluster", "C", "--member", "M1", "--directory", direct], expect=0).stdout
    assert "single group APPS { LNX01 }" in out


def test_force_and_standard_output(tmp_path):
    path = tmp_path / "new.bkr"
    path.write_text("old\n")
    args = ["--cluster", "PRODSSI", "--directory", DIRECT]
    result = run_cli(["init", path, *args], expect=2)
    assert "already exists" in result.stderr and path.read_text() == "old\n"
    run_cli(["init", path, *args, "--force"], expect=0)
    printed = run_cli(["init", "-", *args], expect=0)
    # Only the warnings of the check init ran: prodssi.direct's own BKR526 and BKR534 (`assert_clean`).
    assert set(re.findall(r"^(?:warning|error)\[(BKR\d+)\]", printed.stderr, re.MULTILINE)) == {"BKR526", "BKR534"}
    assert printed.stdout == path.read_text(encoding="utf-8")
    assert "single group APPS {\n    CICSPRD DB2PRD " in printed.stdout


def test_an_id_no_bkr_name_can_spell_is_named_not_listed(tmp_path):
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(
        "IDENTITY SRV1 PW 1M 1M G\n BUILD ON VMSYS1 USING SUBCONFIG SRV1-1\nSUBCONFIG SRV1-1\n MDISK 0191 3390 1 1 M1PRV1 MR\n"
        + "".join(f"USER {i} PW 1M 1M G\n MDISK 0191 3390 1 1 VMCOM1 MR\n" for i in ("-LNX", "MATCH", "LNX1"))
    )
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "C", "--directory", direct], expect=0)
    assert_clean(path, direct)
    text = path.read_text(encoding="utf-8")
    assert "single group APPS { LNX1 }" in text and "identity group SYSIDS { SRV1 }" in text
    # (stop 79, h4: the patterns written out, where "back them up with a `match` pattern" left
    # the reader to find one: `match -LNX` is no pattern, a name cannot start with `-`)
    assert (
        "`MATCH` in a group starts a pattern: -LNX MATCH. A `match` pattern in the group of their kind names"
        " them, `%` for any one character: `match %LNX`, `match MATCH`."
    ) in comments(text)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h4_79_the_patterns_the_comment_gives_for_an_id_no_name_can_spell_check_clean(tmp_path, monkeypatch, parser):
    """Followed literally, the comment's patterns go into the single group, and the file
    checks clean, each user backed up; a user of such an ID with no minidisk is said to
    have nothing to back up, not offered a pattern."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(
        "IDENTITY SRV1 PW 1M 1M G\n BUILD ON VMSYS1 USING SUBCONFIG SRV1-1\nSUBCONFIG SRV1-1\n MDISK 0191 3390 1 1 M1PRV1 MR\n"
        + "".join(f"USER {i} PW 1M 1M G\n MDISK 0191 3390 {n} 1 VMCOM1 MR\n" for n, i in enumerate(("#PAYROL", "-LNX", "MATCH", "LNX1"), 2))
        + "USER #EMPTY PW 1M 1M G\n"
    )
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "C", "--directory", direct], expect=0)
    text = path.read_text(encoding="utf-8")
    said = comments(text)
    assert "Users with no minidisk, nothing to back up: #EMPTY." in said
    assert "`match %PAYROL`, `match %LNX`, `match MATCH`." in said and "%EMPTY" not in said
    patterns = re.search(r"names them, `%` for any one character: (.*?)\.", said).group(1)
    written = " ".join(p.strip("`") for p in patterns.split(", "))
    path.write_text(text.replace("single group APPS { LNX1 }", f"single group APPS {{ LNX1  {written} }}"))
    assert run_cli(["check", path, "--directory", direct, "--color", "never"], expect=0).output == ""
    shown = run_cli(["show", path, "--directory", direct], expect=0).stdout
    assert "match %PAYROL: 1 user, match %LNX: 1 user, match MATCH: 1 user" in shown


def test_a_directory_that_contradicts_the_standard_library_writes_nothing(tmp_path):
    """The site's USER TCPIP against std/zvm-common's `identity user TCPIP`: the
    check the file would get (BKR510, with its help to copy the module), and
    nothing written, as for a directory with an error."""
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(
        "IDENTITY MAINT PW 1M 1M G\n BUILD ON VMSYS1 USING SUBCONFIG MAINT-1\nSUBCONFIG MAINT-1\n"
        " MDISK 0191 3390 1 1 M1PRV1 MR\nUSER TCPIP PW 1M 1M G\n MDISK 0191 3390 1 1 VMCOM1 MR\n"
    )
    path = tmp_path / "new.bkr"
    result = run_cli(["init", path, "--cluster", "C", "--directory", direct], expect=1)
    assert (
        "error[BKR510]: `TCPIP` is declared identity" in result.stderr
        and "copy std/zvm-common" in result.stderr
    )
    assert result.stderr.endswith("bkrc: nothing written\n") and not path.exists()


def test_init_md_shows_the_groups_bkrc_init_writes():
    """docs/init.md's excerpt, "From the site's directory", is the file written
    for examples/prodssi.direct, as the command above it says."""
    page = (ROOT / "docs" / "init.md").read_text(encoding="utf-8")
    section = page.split("\n## From the site's directory\n", 1)[1].split("\n## ", 1)[0]
    command = re.search(r"\(`(bkrc init prodssi\.bkr [^`]*)`\)", section.replace("\n", " ")).group(1)
    (shown,) = [b for b in re.findall(r"```text\n(.*?)```", section, re.DOTALL) if b.startswith("  ## ")]
    args = shlex.split(command)[1:]
    args[1] = "-"
    args[args.index("examples/prodssi.direct")] = str(DIRECT)
    written = run_cli(args, expect=0).stdout
    assert shown in written.replace(str(DIRECT), "examples/prodssi.direct")


def test_init_md_shows_what_bkrc_init_prints_for_an_mdisk_to_end(tmp_path, monkeypatch):
    """docs/init.md's BKR521 example is the real output, for the directory it describes."""
    page = (ROOT / "docs" / "init.md").read_text(encoding="utf-8")
    (shown,) = [b for b in re.findall(r"  ```text\n(.*?)  ```", page, re.DOTALL) if "BKR521" in b]
    mdisk = re.search(r"pool \(`(MDISK [^`]*)`\) added after its INCLUDE", page.replace("\n  ", " ")).group(1)
    (tmp_path / "USER.DIRECT").write_text(with_mdisk(" INCLUDE IBMDFLT", f" {mdisk}", within="USER BKRSVSFS", number="00022510"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli(["init", "x.bkr", "--cluster", "PRODSSI", "--directory", "USER.DIRECT", "--color", "never"], expect=1)
    assert result.stderr == textwrap.dedent(shown)
    assert not (tmp_path / "x.bkr").exists()


def test_each_member_s_workers_are_those_the_directory_builds_there(tmp_path):
    """prodssi.direct builds BKRWRK01-04 on VMSYS1 and VMSYS2, BKRWRK01-02 on VMSYS3
    and VMSYS4: the file says so (a count of 4 everywhere is BKR518 on check
    --directory). `--workers N` given is what the file says, whatever the directory."""
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", DIRECT], expect=0)
    counts = re.findall(r"member (\w+) \{ workers (\d+) ", path.read_text(encoding="utf-8"))
    assert counts == [("VMSYS1", "4"), ("VMSYS2", "4"), ("VMSYS3", "2"), ("VMSYS4", "2")]
    given = run_cli(["init", "-", "--cluster", "PRODSSI", "--directory", DIRECT, "--workers", "3"], expect=0)
    assert re.findall(r"member \w+ \{ workers (\d+) ", given.stdout) == ["3"] * 4
    assert "BKR518" in given.stderr  # VMSYS3 and VMSYS4 build 2: as check --directory will say


def test_the_product_machines_minidisks_are_the_directory_s(tmp_path):
    """The site's BKRSVSFS holds its file pool at 0301 and BKRBKUP's 191 is 20
    cylinders on each member: the file gives both (without them, BKR520: deploying
    would drop the pool, and BKR519), and checks clean against the directory."""
    direct = tmp_path / "USER.DIRECT"
    pool = " MDISK 0301 3390 1100 0300 VMCOM1 MR RPASS WPASS"
    text = DIRECT.read_text(encoding="utf-8")
    at = text.index(" MDISK 0191 3390 1000 0020 VMCOM1")
    text = text[:at] + f"{pool:<72}00022510\n" + text[at:]
    bkup = re.compile(r"^(SUBCONFIG BKRBUP-\d.*\n MDISK 0191 3390 \d+ )0010", re.MULTILINE)
    assert len(bkup.findall(text)) == 4
    direct.write_text(bkup.sub(r"\g<1>0020", text), encoding="utf-8")
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    written = path.read_text(encoding="utf-8")
    # Cylinders 322-341 overlap BKRCATLG's 191 at 332 on each member: not written (BKR523), allocated.
    assert "  disk BKRBKUP 191 size 20 cyl\n" in written
    assert "  disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000\n  disk BKRSVSFS 301 size 300 cyl on VMCOM1 at 1100\n" in written
    assert "  shared-volume VMCOM1  # from USER.DIRECT\n" in written
    # BKRBKUP's extents and BKRCATLG's, which they overlap, not kept, as the comments
    # above them say: BKR532 at each, without a fix.
    assert_clean(path, direct, unplaced=2)


def test_each_member_s_private_volume_is_the_one_the_directory_gives_it(tmp_path):
    """The volumes come from the product's IDENTITY machines' SUBCONFIGs, member by
    member, whatever order --member gives them in (else BKR519: the compiled
    BKRBKUP 191 on another volume than the site's). The directory here was deployed
    with the members in that order: its SUBCONFIG names end in those numbers (else
    BKR529 refuses the order)."""
    order = ["VMSYS3", "VMSYS1", "VMSYS4", "VMSYS2"]
    number = {m[-1]: str(n) for n, m in enumerate(order, 1)}
    text = DIRECT.read_text(encoding="utf-8")
    text = re.sub(r"^((?: BUILD ON VMSYS(\d) USING )?SUBCONFIG \S+-)(\d)", lambda m: m[1] + number[m[3]], text, flags=re.MULTILINE)
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(text, encoding="utf-8")
    out = run_cli(
        ["init", "-", "--cluster", "PRODSSI", "--directory", direct, *[a for m in order for a in ("--member", m)]],
        expect=0,
    )
    assert re.findall(r"member (\w+) \{ workers \d+  private-volume (\w+) \}  # from USER.DIRECT", out.stdout) == [
        (m, f"M{m[-1]}PRV1") for m in order
    ]
    assert "BKR519" not in out.stderr


def with_mdisk(after: str, mdisk: str, text: str | None = None, within: str = "", number: str = "00099999") -> str:
    """prodssi.direct (or `text`) with the record `mdisk` (sequence `number`) added
    after the first record that starts with `after` (the first below the text `within`)."""
    text = DIRECT.read_text(encoding="utf-8") if text is None else text
    at = text.index("\n", text.index(f"\n{after}", text.index(within)) + 1) + 1
    return text[:at] + f"{mdisk:<72}{number}\n" + text[at:]


def assert_compile_keeps_every_minidisk(path, direct, out) -> None:
    """`bkrc compile --directory` writes each product machine the directory defines
    with every MDISK address the directory gives it, instance by instance."""
    run_cli(["compile", path, "--directory", direct, "-o", out], expect=0)
    files = sorted((out / "cluster").glob("*.DIRECT"))
    compiled = read_directory("compiled", b"".join(f.read_bytes() for f in files))
    site = read_directory(str(direct), direct.read_bytes())
    compared = 0
    for entry in compiled.entries:
        theirs = site.entry(entry.id)
        if entry.kind == "SUBCONFIG" or theirs is None:
            continue
        members = [None] if entry.kind == "USER" else [b.member for b in theirs.builds]
        for member in members:
            had, has = {d.address for d in theirs.disks}, {d.address for d in entry.disks}
            if member is not None:
                sub, ours = site.subconfig_on(theirs, member), compiled.subconfig_on(entry, member)
                had |= {d.address for d in sub.disks} if sub else set()
                has |= {d.address for d in ours.disks} if ours else set()
            assert had <= has, (entry.id, member, sorted(had - has))
            compared += 1
    assert compared >= 10  # BKRBKUP, BKRCATLG and the workers on each member, BKRSVSFS...


UNWRITABLE = [
    ("USER BKRSVSFS", " MDISK 0301 3390 2000 END VMCOM1 MR", "runs to the end of `VMCOM1` (`END`)", "cylinders less 2000"),
    ("USER BKRSVSFS", " MDISK 0301 FB-512 2000 END VMCOM1 MR", "(`END`)", "`VMCOM1`'s blocks less 2000"),
    ("USER BKRSVSFS", " MDISK 0302 3390 DEVNO 1A2B MR", "is a whole real device (`DEVNO`)", "copy the device's data"),
    ("USER BKRADMIN", " MDISK 0300 FB-512 V-DISK 2048 MR", "is a V-DISK, which CP gives at logon", "CP's DEFINE"),
    ("SUBCONFIG BKRW03-2", " MDISK 0400 3390 T-DISK 10 MR", "in its SUBCONFIG for `VMSYS2` is a T-DISK", "CP's DEFINE"),
]


@pytest.mark.parametrize(("after", "mdisk", "said", "helped"), UNWRITABLE, ids=["end", "end-fba", "devno", "v-disk", "t-disk-worker-3"])
def test_a_product_machine_s_minidisk_no_disk_statement_can_give_writes_nothing(tmp_path, after, mdisk, said, helped):
    """A DEVNO, an extent to END, a V-DISK or a T-DISK of a machine the compile
    writes: no `disk` statement gives it, so the file would drop it from the
    compiled entry (a DEVNO silently: BKR520 does not report it). BKR521 at the
    MDISK, nothing written, exit 1. A worker's are looked for in every worker,
    not only BKRWRK01's, whose `disk` statements the pattern's are."""
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(with_mdisk(after, mdisk), encoding="utf-8")
    path = tmp_path / "new.bkr"
    result = run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=1)
    line = direct.read_text(encoding="utf-8").splitlines().index(f"{mdisk:<72}00099999") + 1
    assert "error[BKR521]: " in result.stderr and f"--> {direct}:{line}:8\n" in result.stderr
    assert said in result.stderr and helped in result.stderr and "then run `bkrc init` again" in result.stderr
    assert result.stderr.endswith("1 error\nbkrc: nothing written\n") and "BKR520" not in result.stderr
    assert not path.exists()


def test_a_worker_is_looked_at_on_the_members_the_file_writes_it_for(tmp_path):
    """BKRWRK03 built on VMSYS3 too, its SUBCONFIG there with a DEVNO: with
    `--workers 2` no compiled entry replaces it (the file writes two workers on
    each member), so the file is written; with the directory's counts (VMSYS3
    builds three) BKRWRK03 is written on VMSYS3, and the DEVNO refused."""
    text = with_mdisk(" BUILD ON VMSYS2 USING SUBCONFIG BKRW03-2", " BUILD ON VMSYS3 USING SUBCONFIG BKRW03-3")
    at = text.index("\n*", text.index("\nSUBCONFIG BKRW03-2")) + 1
    added = f"{'SUBCONFIG BKRW03-3':<72}00099998\n{' MDISK 0302 3390 DEVNO 1A2B MR':<72}00099997\n"
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(text[:at] + added + text[at:], encoding="utf-8")
    two = run_cli(["init", "-", "--cluster", "PRODSSI", "--directory", direct, "--workers", "2"], expect=0)
    assert "BKR521" not in two.stderr
    refused = run_cli(["init", "-", "--cluster", "PRODSSI", "--directory", direct], expect=1)
    assert "IDENTITY `BKRWRK03`'s minidisk 0302 in its SUBCONFIG for `VMSYS3` is a whole real device" in refused.stderr
    assert refused.stdout == ""


def test_a_minidisk_of_one_member_s_instance_is_every_member_s_and_said_so(tmp_path):
    """BKRBKUP's 192 only in its SUBCONFIG for VMSYS2: a `disk` gives every
    member's instance the minidisk (none gives one instance alone), and a comment
    above it says so. The file checks clean against the directory, and the
    compiled entries keep every MDISK the directory has."""
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(with_mdisk("SUBCONFIG BKRBUP-2", " MDISK 0192 3390 0400 0050 M2PRV1 MR"), encoding="utf-8")
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    written = path.read_text(encoding="utf-8")
    comment, statement = re.search(r"((?:  #.*\n)+)(  disk BKRBKUP 192 .*\n)", written).groups()
    assert statement == "  disk BKRBKUP 192 size 50 cyl\n"
    only_on, moved = comments(comment).split(" In USER.DIRECT, BKRBKUP's 0192 is at a fixed extent")
    assert only_on == (
        "In USER.DIRECT, BKRBKUP's 0192 is only in its SUBCONFIG for `VMSYS2`; a `disk` statement gives it to the"
        " instance on every member (bkrc has no `disk` for one member's instance), so the compiled entries add an"
        " empty 0192 where it has none."
    )
    # Cylinders 400-449 of M2PRV1 overlap TRDMM's 191 (392-401): not kept, and said so.
    assert moved.startswith(" that the `disk` statements below do not keep: BKRBKUP on VMSYS2, from cylinder 400 of M2PRV1")
    assert written.count("only in its SUBCONFIG") == 1  # every instance has its 191: no comment
    # VMSYS2's instance's extent not kept, as the comment says: BKR532, without a fix (the others have none).
    assert_clean(path, direct, unplaced=1)
    assert_compile_keeps_every_minidisk(path, direct, tmp_path / "out")


def test_a_minidisk_of_a_later_worker_only_is_the_worker_pattern_s_and_said_so(tmp_path):
    """BKRWRK02's 192 on VMSYS1 only: `disk BKRWRK*` gives it (to every worker, the
    comment says), where the workers' minidisks were BKRWRK01's alone and init stopped
    with BKR520, whose help added a `disk` to a file never written."""
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(with_mdisk("SUBCONFIG BKRW02-1", " MDISK 0192 3390 0400 0020 M1PRV1 MR"), encoding="utf-8")
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    written = path.read_text(encoding="utf-8")
    comment, statement = re.search(r"((?:  #.*\n)+)(  disk BKRWRK\* 192 .*\n)", written).groups()
    assert statement == "  disk BKRWRK* 192 size 20 cyl\n"
    assert comments(comment).startswith("In USER.DIRECT, 0192 is only in the SUBCONFIGs of `BKRWRK02 on VMSYS1`;")
    # BKRWRK02's extent on VMSYS1, which the pattern's statement cannot keep: BKR532, without a fix.
    assert_clean(path, direct, unplaced=1)
    assert_compile_keeps_every_minidisk(path, direct, tmp_path / "out")


@pytest.mark.parametrize(
    ("mdisk", "written"),
    [
        (" MDISK 02B2 3390 1450 0100 VMCOM1 MR", "  disk 5697J06C 191 size 10 cyl\n  disk 5697J06C 2B2 size 100 cyl\n"),
        (" MDISK 02B2 FB-512 1450 20000 VMCOM1 MR", "  disk 5697J06C 191 size 20000 blk\n  disk 5697J06C 2B2 size 20000 blk\n"),
    ],  # FB-512: VMCOM1 an FBA volume, every minidisk on it in blocks
    ids=["cyl", "fba"],
)
def test_a_product_machine_the_directory_gives_no_191_gets_a_new_one_and_said_so(tmp_path, mdisk, written):
    """5697J06C installed by hand with its 2B2 and no 191: the file gives it its
    directory minidisk and a 191 (else BKR253, and the file init wrote would not
    check clean), in the unit of its minidisks (else BKR247), with a comment that
    the 191 is new."""
    text = DIRECT.read_text(encoding="utf-8")
    old = " MDISK 0191 3390 1450 0010 VMCOM1 MR RPASS WPASS"
    assert text.count(old) == 1
    direct = tmp_path / "USER.DIRECT"
    text = text.replace(old, f"{mdisk:<48}")
    if "FB-512" in mdisk:
        text = re.sub(r"^( MDISK \w+ )3390( \d+ \d+ VMCOM1)", r"\1FB-512\2", text, flags=re.MULTILINE)
    direct.write_text(text + DIRMAINT, encoding="utf-8")  # a DirMaint site: the new 191 allocated
    path = tmp_path / "new.bkr"
    result = run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    assert "BKR253" not in result.stderr
    text = path.read_text(encoding="utf-8")
    comment, a_disk, moved, other = re.search(
        r"((?:  #.*\n)+)(  disk 5697J06C 191 .*\n)((?:  #.*\n)*)(  disk 5697J06C 2B2 .*\n)", text
    ).groups()
    assert a_disk + other == written
    assert comments(comment) == (
        "USER.DIRECT gives 5697J06C no 191: this one is new, for CMS, which starts the machine with its 191"
        " as the A-disk (BKR253)."
    )
    # From 1450 the 2B2 overlaps TCTMM's 191 at 1480, a site's user without --tape: not kept, and said so.
    assert comments(moved).startswith(
        "In USER.DIRECT, 5697J06C's 02B2 is at a fixed extent that the `disk` statements below do not keep:"
        f" 5697J06C, from {'block' if 'FB-512' in mdisk else 'cylinder'} 1450 of VMCOM1 (another MDISK overlaps it,"
    )
    assert "bkrc: warning: `5697J06C 02B2` is at fixed extents in " in result.stderr
    # The 2B2's extent, overlapped, not kept (the comment says so): BKR532, without a fix.
    assert_clean(path, direct, unplaced=1)
    assert_compile_keeps_every_minidisk(path, direct, tmp_path / "out")


@pytest.mark.parametrize(
    ("mdisk", "written", "compiled"),
    [
        (" MDISK 0301 3390 1100 0300 VMCOM1 MR", "disk BKRSVSFS 301 size 300 cyl on VMCOM1 at 1100", "MDISK 0301 3390 1100 300 VMCOM1 MR"),
        (" MDISK 0301 FB-512 30000 20000 VMCOM1 MR", "disk BKRSVSFS 301 size 20000 blk on VMCOM1 at 30000", "MDISK 0301 FB-512 30000 20000 VMCOM1 MR"),
    ],  # FB-512: VMCOM1 an FBA volume, every minidisk on it in blocks
    ids=["cyl", "fba"],
)
def test_an_existing_minidisk_keeps_its_extent(tmp_path, mdisk, written, compiled):
    """The catalog server's file pool at an explicit extent: the file gives the
    `disk` statement its `on VOL at START`, so the compiled entry rewrites the same
    MDISK. Written without it (as it was), the compile wrote `AUTOV`: DirMaint
    would allocate the file pool elsewhere, empty, and BKR519, which compares a
    first cylinder only where both give one, said nothing."""
    text = with_mdisk("USER BKRSVSFS", mdisk)
    if "FB-512" in mdisk:
        text = re.sub(r"^( MDISK \w+ )3390( \d+ \d+ VMCOM1)", r"\1FB-512\2", text, flags=re.MULTILINE)
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(text, encoding="utf-8")
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    lines = [line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]
    assert written in lines
    assert f"disk BKRSVSFS 191 size 20 {'blk' if 'FB-512' in mdisk else 'cyl'} on VMCOM1 at 1000" in lines
    assert_clean(path, direct)
    out = tmp_path / "out"
    run_cli(["compile", path, "--directory", direct, "-o", out], expect=0)
    entry = (out / "cluster" / "BKRSVSFS.DIRECT").read_text(encoding="utf-8")
    assert re.search(rf"^ {re.escape(compiled)}", entry, re.MULTILINE), entry
    assert "AUTOV" not in entry


def test_an_identity_s_minidisks_keep_each_member_s_extent(tmp_path):
    """prodssi.direct's BKRBKUP has its 191 at cylinder 322 of each member's private
    volume: one `disk` statement per member, each `on` that volume `at 322`, so that
    every SUBCONFIG's compiled MDISK is the directory's. TRTMM, built on the request
    members only, gets theirs; so do the workers, one statement per worker and
    member (below)."""
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", DIRECT, "--tape"], expect=0)
    written = path.read_text(encoding="utf-8")
    assert "".join(f"  disk BKRBKUP 191 size 10 cyl on M{n}PRV1 at 322\n" for n in range(1, 5)) in written
    assert "  disk TRTMM 191 size 10 cyl on M2PRV1 at 382\n  disk TRTMM 191 size 10 cyl on M3PRV1 at 362\n" in written
    assert "  disk BKRWRK* 191" not in written
    assert "  disk BKRWRK03 191 size 5 cyl on M1PRV1 at 362\n  disk BKRWRK03 191 size 5 cyl on M2PRV1 at 362\n" in written
    assert "  disk BKRADMIN 191 size 10 cyl on VMCOM1 at 1440\n" in written
    assert_clean(path, DIRECT)
    out = tmp_path / "out"
    run_cli(["compile", path, "--directory", DIRECT, "-o", out], expect=0)
    for n in range(1, 5):
        entry = (out / "cluster" / f"BKRBUP-{n}.DIRECT").read_text(encoding="utf-8")
        assert re.search(rf"^ MDISK 0191 3390 0*322 0*10 M{n}PRV1 MR", entry, re.MULTILINE), entry


def two_member_workers(*extra: str) -> str:
    """A directory of two members whose BKRBKUP, BKRCATLG and four workers have
    their 191 at fixed extents of each member's private volume, the workers' 50
    cylinders each from cylinder 1200 (a site that gave them room of its own), a
    site's IDENTITY and USER to back up, and `extra` records after."""
    lines = ["PROFILE IBMDFLT", " CONSOLE 009 3215 T", " LINK MAINT 0190 0190 RR"]
    machines = [("MONSVM", "MONSVM", 1, 100), ("BKRBKUP", "BKRBUP", 322, 10), ("BKRCATLG", "BKRCLG", 332, 10)]
    machines += [(f"BKRWRK0{n}", f"BKRW0{n}", 1150 + 50 * n, 50) for n in range(1, 5)]
    for user_id, subconfig, start, size in machines:
        lines += [f"IDENTITY {user_id} AUTOONLY 64M 128M G"]
        lines += [f" BUILD ON VMSYS{m} USING SUBCONFIG {subconfig}-{m}" for m in (1, 2)]
        lines += [" INCLUDE IBMDFLT", " IPL CMS"]
        for m in (1, 2):
            lines += [f"SUBCONFIG {subconfig}-{m}", f" MDISK 0191 3390 {start:04d} {size:04d} M{m}PRV1 MR"]
    lines += ["USER LNXAPP01 XXXXXXXX 64M 128M G", " INCLUDE IBMDFLT", " MDISK 0191 3390 0100 0010 VMCOM1 MR"]
    return "\n".join([*lines, *extra]) + "\n"


def test_the_workers_minidisks_keep_each_worker_s_extent(tmp_path):
    """Each worker's 191 at its own fixed extent on each member: init wrote one
    `disk BKRWRK* 191 size 50 cyl`, which compiles to `MDISK 0191 3390 AUTOV 50
    M1PRV1` in every worker's SUBCONFIG (DirMaint could allocate new, empty space)
    while `bkrc check --directory` said nothing (BKR519 compares a first cylinder
    only where both give one). Now one statement per worker and member, each `on`
    the member's private volume `at` the directory's first cylinder, with a
    comment that says why; the file checks clean and every compiled MDISK is the
    directory's."""
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(two_member_workers(), encoding="utf-8")
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "TWOSSI", "--directory", direct], expect=0)
    written = path.read_text(encoding="utf-8")
    assert "disk BKRWRK*" not in re.sub(r"(?m)^ *#.*\n", "", written)
    statements = "".join(
        f"  disk BKRWRK0{n} 191 size 50 cyl on M{m}PRV1 at {1150 + 50 * n}\n" for n in range(1, 5) for m in (1, 2)
    )
    comment = re.search(r"((?:  #.*\n)+)" + re.escape(statements), written)
    assert comment is not None, written
    assert comments(comment.group(1)).startswith(
        "The workers' 0191s, each where USER.DIRECT has it, one statement per worker and member: `disk BKRWRK*`"
        " without a place leaves the extent to DirMaint (`AUTOV`)"
    )
    assert_clean(path, direct)
    out = tmp_path / "out"
    run_cli(["compile", path, "--directory", direct, "-o", out], expect=0)
    for n in range(1, 5):
        for m in (1, 2):
            entry = (out / "cluster" / f"BKRW0{n}-{m}.DIRECT").read_text(encoding="utf-8")
            assert re.search(rf"^ MDISK 0191 3390 0*{1150 + 50 * n} 0*50 M{m}PRV1 MR", entry, re.MULTILINE), entry


def test_a_worker_instance_without_an_extent_to_keep_is_allocated_the_others_placed(tmp_path):
    """BKRWRK03's 191 on VMSYS2 overlaps another user's minidisk (written, BKR523's
    error): that instance alone is allocated, its statement `on M2PRV1` without `at`
    (on purpose: else BKR255 takes it for a member left out, the other workers
    placed member by member), the others keep their extents; and a worker the
    directory lacks (`--workers 5`: BKRWRK05) gets a statement without a place, as
    the pattern gave it."""
    text = two_member_workers("USER OTHER XXXXXXXX 64M 128M G", " MDISK 0191 3390 1310 0010 M2PRV1 MR")
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(text + DIRMAINT, encoding="utf-8")  # a DirMaint site: BKRWRK05 allocated
    written = run_cli(["init", "-", "--cluster", "TWOSSI", "--directory", direct, "--workers", "5"], expect=0).stdout
    assert (
        "  disk BKRWRK03 191 size 50 cyl on M1PRV1 at 1300\n  disk BKRWRK03 191 size 50 cyl on M2PRV1\n"
        "  disk BKRWRK04 191 size 50 cyl on M1PRV1 at 1350\n"
    ) in written
    path = tmp_path / "new.bkr"
    path.write_text(written, encoding="utf-8")
    assert run_cli(["check", path], expect=0).output == ""
    assert "  disk BKRWRK04 191 size 50 cyl on M2PRV1 at 1350\n  disk BKRWRK05 191 size 50 cyl\n" in written
    assert comments(written).count("fixed extent") == 1
    assert (
        "BKRWRK*'s 0191 is at a fixed extent that the `disk` statements below do not keep: BKRWRK03 on VMSYS2,"
        " from cylinder 1300 of M2PRV1 (another MDISK overlaps it,"
    ) in comments(written)


def test_a_worker_instance_dirmaint_allocated_is_written_so_beside_its_placed_one(tmp_path):
    """At a DirMaint site, BKRWRK02's 191 at a fixed extent on VMSYS1 only, its other
    instances `AUTOV`, every other worker's placed on every member: init writes the
    placed one and, for the others, `on` their member's volume without `at`
    (allocated on purpose), so the file checks clean (one statement alone would be
    BKR255, a member's statement left out beside the workers' layout)."""
    text = DIRECT.read_text(encoding="utf-8")
    for n in (2, 3, 4):
        old = f" MDISK 0191 3390 0352 0005 M{n}PRV1 MR"
        assert old in text
        text = text.replace(old, f" MDISK 0191 3390 AUTOV 0005 M{n}PRV1 MR")
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(text + DIRMAINT, encoding="utf-8")
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    written = path.read_text(encoding="utf-8")
    assert "  disk BKRWRK02 191 size 5 cyl on M1PRV1 at 352\n" + "".join(
        f"  disk BKRWRK02 191 size 5 cyl on M{n}PRV1\n" for n in (2, 3, 4)
    ) in written
    assert_clean(path, direct)


def test_an_existing_minidisk_on_another_volume_declares_it(tmp_path):
    """BKRSVSFS's file pool on VMCOM2, BKRBKUP's 192 on a second private volume of
    each member: the file declares both volumes (`shared-volume VMCOM1 VMCOM2`,
    `private-volume M1PRV1 M1PRV2`), so that each `disk` statement can give the
    directory's extent (`on` an undeclared volume is BKR333), and checks clean."""
    text = with_mdisk("USER BKRSVSFS", " MDISK 0301 3390 0100 0300 VMCOM2 MR")
    for member in range(1, 5):
        text = with_mdisk(f"SUBCONFIG BKRBUP-{member}", f" MDISK 0192 3390 0001 0050 M{member}PRV2 MR", text)
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(text, encoding="utf-8")
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    written = path.read_text(encoding="utf-8")
    assert "  shared-volume VMCOM1 VMCOM2  # from USER.DIRECT\n" in written
    assert re.findall(r"private-volume (\w+ \w+) \}", written) == [f"M{n}PRV1 M{n}PRV2" for n in range(1, 5)]
    assert "  disk BKRSVSFS 301 size 300 cyl on VMCOM2 at 100\n" in written
    assert "".join(f"  disk BKRBKUP 192 size 50 cyl on M{n}PRV2 at 1\n" for n in range(1, 5)) in written
    assert_clean(path, direct)
    assert_compile_keeps_every_minidisk(path, direct, tmp_path / "out")


@pytest.mark.parametrize(
    "mdisk",
    [" MDISK 0301 3390 AUTOV 300 VMCOM1 MR", " MDISK 0301 3390 1445 0300 VMCOM1 MR"],
    ids=["autov", "overlapping-bkradmin"],
)
def test_an_existing_minidisk_without_an_extent_to_keep_is_allocated(tmp_path, mdisk):
    """DirMaint's AUTOV form states no extent, and one that overlaps another MDISK
    (BKRADMIN's 191 at 1440-1449) would be BKR523's error written: the `disk`
    statement gives the size alone, as before, and the file is written. The
    overlapping extent is one the compiled entry does not keep (`AUTOV`), which
    `bkrc check --directory` does not report: a comment above the statement names
    it, and so does a warning as the file is written (BKRADMIN's and 5697J06C's
    191s too, which it overlaps); DirMaint's own AUTOV is no fixed extent."""
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(with_mdisk("USER BKRSVSFS", mdisk) + DIRMAINT, encoding="utf-8")  # a DirMaint site
    path = tmp_path / "new.bkr"
    result = run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    written = path.read_text(encoding="utf-8")
    assert "  disk BKRSVSFS 301 size 300 cyl\n" in written
    assert "  disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000\n" in written
    said = re.search(r"((?:  #.*\n)*)  disk BKRSVSFS 301 ", written).group(1)
    if "AUTOV" in mdisk:
        assert said == "" and "fixed extent" not in written and "bkrc: warning" not in result.stderr
        return
    assert comments(said) == (
        "In USER.DIRECT, BKRSVSFS's 0301 is at a fixed extent that the `disk` statements below do not keep:"
        " BKRSVSFS, from cylinder 1445 of VMCOM1 (another MDISK overlaps it, its size is not the statement's,"
        " its volume is not one the file declares for it, or it is an IDENTITY's own MDISK). Its compiled MDISK"
        " says `AUTOV`: DirMaint may give it new, empty space. When you deploy, keep the directory's MDISK"
        " statement in the entry, or copy the minidisk's contents (docs/deploy.md)."
    )
    assert (
        "bkrc: warning: `BKRADMIN 0191`, `5697J06C 0191` and `BKRSVSFS 0301` are at fixed extents in"
        f" {direct} that the file's `disk` statements do not keep: the compiled entries leave them to DirMaint"
        " (`AUTOV`), which may give them new, empty space, as `bkrc check --directory` warns (BKR532)"
    ) in result.stderr


def test_the_directory_s_minidisks_round_trip_through_init_check_and_compile(tmp_path):
    """prodssi.direct, with a file pool at BKRSVSFS 0301 and a worker's 192 on every
    member: init, check --directory clean, compile --directory keeps every MDISK."""
    text = with_mdisk("USER BKRSVSFS", " MDISK 0301 3390 1100 0300 VMCOM1 MR")
    for member in range(1, 5):
        text = with_mdisk(f"SUBCONFIG BKRW01-{member}", f" MDISK 0192 3390 0400 0020 M{member}PRV1 MR", text)
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(text, encoding="utf-8")
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct, "--tape"], expect=0)
    written = path.read_text(encoding="utf-8")
    assert "  disk BKRWRK* 192 size 20 cyl\n" in written and "  disk BKRSVSFS 301 size 300 cyl on VMCOM1 at 1100\n" in written
    assert "only in its SUBCONFIG" not in written
    # The workers' 192 is BKRWRK01's alone, kept by no statement (the pattern's gives
    # every worker one), and TRDMM's 191 on VMSYS2 overlaps it (not kept, the comment
    # says): BKR532 at each, without a fix.
    assert_clean(path, direct, unplaced=2)
    assert_compile_keeps_every_minidisk(path, direct, tmp_path / "out")


SITE_ONLY = """\
USER PAYROLL XXXXXXXX 64M 64M G
 MDISK 0191 3390 0100 0050 ACOM01 MR
 MDISK 0200 3390 0150 0500 ACOM01 MR
USER DBSRV01 XXXXXXXX 64M 64M G
 MDISK 0191 3390 0700 0010 ACOM02 MR
IDENTITY MONSVM XXXXXXXX 32M 32M G
 BUILD ON VMA1 USING SUBCONFIG MONSVM-1
 BUILD ON VMA2 USING SUBCONFIG MONSVM-2
 MDISK 0192 3390 0900 0005 ACOM01 MR
SUBCONFIG MONSVM-1
 MDISK 0191 3390 0001 0175 A1PRV1 MR
 MDISK 0193 3390 0001 0010 ASHRD1 MR
SUBCONFIG MONSVM-2
 MDISK 0191 3390 0001 0175 A2PRV1 MR
 MDISK 0193 3390 0011 0010 ASHRD1 MR
"""


def test_a_directory_without_the_product_s_machines_suggests_volumes_marked_as_guesses(tmp_path):
    """Not deployed yet: the product's machines give no volume, so each member's is
    the one only its SUBCONFIGs use (ASHRD1, both members', is none's), and the
    shared volume the one most USER and IDENTITY entries' own minidisks are on,
    each marked a guess to check; a member none suggests keeps the placeholder."""
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(SITE_ONLY)
    out = run_cli(["init", "-", "--cluster", "SSIA", "--directory", direct], expect=0).stdout
    # Past 80 columns as a trailing comment: a comment line above (stop 75, h13).
    assert "  # guessed from USER.DIRECT: check it\n  member VMA1 { workers 4  private-volume A1PRV1 }\n" in out
    assert "  # guessed from USER.DIRECT: check it\n  member VMA2 { workers 4  private-volume A2PRV1 }\n" in out
    assert "shared-volume ACOM01  # guessed from USER.DIRECT: check it" in out
    assert "says `guessed` a name taken from the site's directory, to check" in comments(out)
    site = tmp_path / "site.bkr"
    site.write_text(out)
    # MONSVM's 0192, in its IDENTITY entry itself (global), is backed up once on VMA1
    # (since stop 78, h1: before, by no job), so the file checks clean with the directory,
    # and without it BKR221 says that only the directory proves it (docs/init.md).
    assert "    include minidisk MONSVM 0192\n" in out
    assert checked(site, direct) == []
    alone = run_cli(["check", site], expect=1).output
    assert re.findall(r"^(?:warning|error)\[(BKR\d+)\]", alone, re.MULTILINE) == ["BKR221"] * 2
    run_cli(["fmt", "--check", site], expect=0)
    # Only VMA1's SUBCONFIGs on a volume of their own: VMA2 keeps its placeholder.
    direct.write_text(SITE_ONLY.replace("0175 A2PRV1", "0175 ASHRD1"))
    out = run_cli(["init", "-", "--cluster", "SSIA", "--directory", direct], expect=0).stdout
    assert "# guessed from USER.DIRECT: check it\n  member VMA1 { workers 4  private-volume A1PRV1 }\n" in out
    assert "private-volume M2PRV1 }  # your volume label" in out


# ------------------------------------------------ the site's own SFS server and Tape Manager
def with_entries(replacing: str, entries: str) -> str:
    """prodssi.direct with the entry of USER `replacing` (to the next `*` line)
    replaced by `entries`, or, with `replacing` "", `entries` added before USER TCTMM."""
    text = DIRECT.read_text(encoding="utf-8")
    if not replacing:
        at = text.index("USER TCTMM ")
        return text[:at] + entries + text[at:]
    start = text.index(f"USER {replacing} ")
    end = text.index("\n*", start) + 1
    return text[:start] + entries + text[end:]


def sfs_server(user: str, *statements: str, kind: str = "USER", start: int = 1000) -> str:
    """A file pool server's entry: its own statements, a link to MAINT's 0193 and
    two minidisks on VMCOM1 from cylinder `start`."""
    lines = [f"{kind} {user} AUTOONLY 64M 128M G", " INCLUDE IBMDFLT", *(f" {s}" for s in statements)]
    lines += [" LINK MAINT 0193 0193 RR", f" MDISK 0191 3390 {start:04} 0005 VMCOM1 MR"]
    lines += [f" MDISK 0200 3390 {start + 5:04} 0015 VMCOM1 MR"]
    return "\n".join(lines) + "\n"


def checked(path, directory, *, logon: bool = False) -> list[str]:
    """The codes `bkrc check FILE --directory` prints, in order (exit 0: warnings only),
    but BKR526 unless `logon`, and BKR533 and BKR534 (see `assert_clean`)."""
    out = run_cli(["check", path, "--directory", directory], expect=0).output
    found = re.findall(r"^(?:warning|error)\[(BKR\d+)\]", out, re.MULTILINE)
    found = [code for code in found if code not in ("BKR533", "BKR534")]
    return found if logon else [code for code in found if code != "BKR526"]


def catalog_line(text: str) -> str:
    (line,) = [line.strip() for line in text.splitlines() if line.startswith("  catalog ")]
    return line


def test_the_site_s_own_sfs_server_keeps_the_catalog_with_the_pool_its_ident_names(tmp_path):
    """One USER with `IUCV *IDENT` and a link to MAINT's 0193 (BKRSVSFS renamed
    SFSCATLG): the catalog's server is it, its pool the resource `*IDENT` names; it
    is the product's machine then, in no group, its minidisks kept by `disk`
    statements. The one warning left is true: the compiled entry identifies
    `RESANY`, so deploying it drops the site's `IUCV *IDENT CATPOOL GLOBAL` (BKR524)."""
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(with_entries("BKRSVSFS", sfs_server("SFSCATLG", "IUCV ALLOW", "IUCV *IDENT CATPOOL GLOBAL")))
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    text = path.read_text(encoding="utf-8")
    assert catalog_line(text) == "catalog shared server SFSCATLG pool CATPOOL on VMSYS1"
    assert (
        "SFSCATLG and CATPOOL are from USER.DIRECT: its USER with an `IUCV *IDENT` statement and a link to"
        " MAINT's 0193, as an SFS file pool server has, and the file pool its `IUCV *IDENT` names." in comments(text)
    )
    assert "disk SFSCATLG 191 size 5 cyl" in text and "disk SFSCATLG 200 size 15 cyl" in text
    assert "BKRSVSFS" not in text
    assert not any("SFSCATLG" in ids for _, ids in groups(path).values())
    assert run_cli(["check", path], expect=0).output == ""
    run_cli(["fmt", "--check", path], expect=0)
    assert checked(path, direct) == ["BKR524"]
    said = run_cli(["check", path, "--directory", direct], expect=0).output
    assert "loses what it gives besides minidisks: `IUCV *IDENT CATPOOL GLOBAL`" in said


def test_a_server_that_identifies_resany_gets_the_pool_of_its_ipl_as_a_guess_or_a_placeholder(tmp_path):
    """`IUCV *IDENT RESANY GLOBAL` names no pool: the IPL statement's `FILEPOOL name`
    is taken, marked as a guess (BKR524 remains, true: the compiled entry IPLs
    without it); with none, the placeholder pool and a comment that asks for it,
    and the file checks clean against the directory."""
    direct = tmp_path / "USER.DIRECT"
    ipl = "IPL CMS PARM AUTOCR FILEPOOL CATPOOL"
    direct.write_text(with_entries("BKRSVSFS", sfs_server("SFSCATLG", ipl, "IUCV ALLOW", "IUCV *IDENT RESANY GLOBAL")))
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    text = path.read_text(encoding="utf-8")
    assert "  # guessed: check the file pool\n  catalog shared server SFSCATLG pool CATPOOL on VMSYS1\n" in text
    assert "CATPOOL, its IPL statement's `FILEPOOL`, is guessed; check it against the FILEPOOLID of SFSCATLG DMSPARMS." in comments(text)
    assert checked(path, direct) == ["BKR524"]
    assert f"`{ipl}`" in run_cli(["check", path, "--directory", direct], expect=0).output

    direct.write_text(with_entries("BKRSVSFS", sfs_server("SFSCATLG", "IUCV ALLOW", "IUCV *IDENT RESANY GLOBAL")))
    run_cli(["init", path, "--force", "--cluster", "PRODSSI", "--directory", direct], expect=0)
    text = path.read_text(encoding="utf-8")
    assert "catalog shared server SFSCATLG pool BKRPOOL on VMSYS1  # your file pool" in text
    assert "write the FILEPOOLID of SFSCATLG DMSPARMS in place of BKRPOOL." in comments(text)
    assert_clean(path, direct)


def test_no_server_of_the_site_s_own_keeps_the_placeholders(tmp_path):
    """z/VM's own file pool servers (VMSERVP, which std/ declares) have the same
    statements: none is the site's; nor is a USER with `IUCV *IDENT` but no link to
    MAINT's 0193. The placeholders stay, as for prodssi.direct."""
    direct = tmp_path / "USER.DIRECT"
    vmservp = sfs_server("VMSERVP", "IUCV *IDENT RESANY GLOBAL", start=1600)
    no_link = "USER IDENTSRV AUTOONLY 64M 128M G\n IUCV *IDENT RESANY GLOBAL\n MDISK 0191 3390 1620 0005 VMCOM1 MR\n"
    direct.write_text(with_entries("", vmservp + "*\n" + no_link + "*\n"))
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    text = path.read_text(encoding="utf-8")
    assert catalog_line(text) == "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"
    assert "(BKRSVSFS and BKRPOOL: your server and its file pool)." in comments(text)
    assert "IDENTSRV" in groups(path)["APPS"][1]
    assert_clean(path, direct)


def test_two_servers_of_the_site_s_own_are_asked_about_not_guessed(tmp_path):
    """Two USERs that look like file pool servers: the placeholders stay, and the
    comment names both and asks which keeps the catalog; an IDENTITY alike is named
    as a file pool of each member's own. The file checks clean against the directory."""
    direct = tmp_path / "USER.DIRECT"
    servers = [
        sfs_server("SFSA", "IUCV *IDENT POOLA GLOBAL", start=1600),
        sfs_server("SFSB", "IUCV *IDENT POOLB GLOBAL", start=1620),
        (
            "IDENTITY SFSL AUTOONLY 64M 128M G\n BUILD ON * USING SUBCONFIG SFSL-1\n IUCV *IDENT RESANY LOCAL\n"
            "SUBCONFIG SFSL-1\n LINK MAINT 0193 0193 RR\n"
        ),
    ]
    direct.write_text(with_entries("", "*\n".join(servers) + "*\n"))
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    text = path.read_text(encoding="utf-8")
    assert catalog_line(text) == "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"
    said = comments(text)
    assert (
        "USER.DIRECT has 2 USERs with an `IUCV *IDENT` statement and a link to MAINT's 0193, as an SFS file"
        " pool server has: which keeps the catalog? Write its ID in place of BKRSVSFS and its file pool in place"
        " of BKRPOOL: SFSA SFSB." in said
    )
    assert "SFSL in USER.DIRECT: an IDENTITY with an `IUCV *IDENT` statement" in said
    assert {"SFSA", "SFSB"} <= set(groups(path)["APPS"][1])  # the site's users until it says which
    assert_clean(path, direct)


TAPE_MANAGER = """\
USER 5697J08B LBYONLY 64M 128M G
 INCLUDE IBMDFLT
 MDISK 0191 3390 1600 0010 VMCOM1 MR
 MDISK 0200 3390 1610 0050 VMCOM1 MR
*
USER TAPEDMM1 AUTOONLY 64M 128M G
 INCLUDE IBMDFLT
 LINK 5697J08B 0200 0200 RR
 MDISK 0191 3390 1660 0010 VMCOM1 MR
*
PROFILE TMPROF
 LINK 5697J08B 0200 0200 RR
*
USER TAPEOPS AUTOONLY 64M 128M G
 INCLUDE TMPROF
 MDISK 0191 3390 1680 0010 VMCOM1 MR
*
IDENTITY TAPERQ AUTOONLY 64M 128M G
 BUILD ON * USING SUBCONFIG TAPERQ-1
 INCLUDE IBMDFLT
SUBCONFIG TAPERQ-1
 LINK 5697J08B 0200 0200 RR
 MDISK 0191 3390 1670 0010 VMCOM1 MR
*
"""


def test_tape_manager_s_machines_are_those_that_link_its_installation_user_s_disks(tmp_path):
    """Tape Manager's installation user (an ID `TAPE_MANAGER_OWNER` matches, an
    assumption) and the users that link one of its disks (in the entry, the
    PROFILE it INCLUDEs or a SUBCONFIG, whatever their names) are the product's: in no group, named in a
    comment. Without `--tape` the file checks clean against the directory; with it,
    the one warning is true: TCTMM's compiled entry drops its link (BKR524)."""
    text = with_entries("", TAPE_MANAGER)
    at = text.index("\n", text.index(" MDISK", text.index("USER TCTMM "))) + 1  # TCTMM links one too
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(text[:at] + " LINK 5697J08B 0200 0200 RR\n" + text[at:])
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    written = groups(path)
    for machine in ("5697J08B", "TAPEDMM1", "TAPEOPS", "TAPERQ", "TCTMM"):
        assert not any(machine in ids for _, ids in written.values()), machine
    said = comments(path.read_text(encoding="utf-8"))
    assert (
        "Tape Manager's installation user and the users that link one of its disks, in no group as the"
        " product's: 5697J08B TAPEDMM1 TAPEOPS TAPERQ TCTMM (bkrc takes an ID that `5697J08*` matches, IBM's product"
        " number 5697-J08, for that user: an assumption, unconfirmed). `bkrc init --tape` names Tape Manager's"
        " nodes" in said
    )
    # The machines of IBM's names that link nothing are said as before, without TCTMM.
    assert "(run it again with `--tape` for that): TCDMM TRDMM TRTMM." in said
    assert_clean(path, direct)
    run_cli(["init", path, "--force", "--tape", "--cluster", "PRODSSI", "--directory", direct], expect=0)
    assert "write theirs in its place." in comments(path.read_text(encoding="utf-8"))
    # stop 83: TCTMM's link is a `link` statement init writes, which its compiled entry keeps (was BKR524)
    assert "  link TCTMM 5697J08B 0200 RR\n" in path.read_text(encoding="utf-8")
    assert checked(path, direct) == []
    assert "`LINK 5697J08B 0200 0200 RR`" not in run_cli(["check", path, "--directory", direct], expect=0).output


def test_init_md_shows_the_site_s_catalog_server_bkrc_init_finds(tmp_path, monkeypatch):
    """docs/init.md's excerpt, "The site's catalog server and Tape Manager", is what
    the command it gives writes for the entry it shows, with the `disk` statements
    and the one warning it names; the assumed ID of Tape Manager's installation
    user is the code's one constant, as that page and compatibility.md give it."""
    page = (ROOT / "docs" / "init.md").read_text(encoding="utf-8")
    section = page.split("\n## The site's catalog server and Tape Manager\n", 1)[1].split("\n## ", 1)[0]
    entry, shown = re.findall(r"```text\n(.*?)```", section, re.DOTALL)
    command = re.search(r"`(bkrc init prodssi\.bkr [^`]*)`", section).group(1)
    (tmp_path / "USER.DIRECT").write_text(with_entries("BKRSVSFS", entry), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = shlex.split(command)[1:]
    args[1] = "-"
    result = run_cli(args, expect=0)
    assert shown in result.stdout
    disks = re.findall(r"`(disk SFSCATLG [^`]*)`", section.replace("\n", " "))
    assert len(disks) == 2 and all(f"  {d}\n" in result.stdout for d in disks)
    found = re.findall(r"^warning\[(BKR\d+)\]", result.stderr, re.MULTILINE)
    assert [code for code in found if code not in ("BKR526", "BKR534")] == ["BKR524"]  # see `assert_clean`
    assert "`IUCV *IDENT CATPOOL GLOBAL`" in result.stderr
    from bkrdsl.starter import TAPE_MANAGER_OWNER

    assert f"`{TAPE_MANAGER_OWNER}` matches" in section.replace("\n  ", " ")
    compatibility = (ROOT / "docs" / "compatibility.md").read_text(encoding="utf-8")
    assert f"whose ID `{TAPE_MANAGER_OWNER}` matches" in compatibility.replace("\n  ", " ")


def global_a_disks(*identities: tuple[str, str]) -> str:
    """prodssi.direct with each (IDENTITY, its SUBCONFIGs' prefix) given having its 0191
    in its IDENTITY entry itself, on VMCOM1 (global: one every member's instance
    shares), instead of one in each SUBCONFIG."""
    text = DIRECT.read_text(encoding="utf-8")
    for n, (identity, prefix) in enumerate(identities):
        text = re.sub(rf"(?m)^(SUBCONFIG {prefix}-\d +\d+\n) MDISK 0191 .*\n", r"\1", text)
        assert not re.search(rf"(?m)^SUBCONFIG {prefix}-\d.*\n MDISK 0191", text)
        text = re.sub(
            rf"(?m)^(IDENTITY {identity} .*\n(?: BUILD .*\n)+)",
            lambda m, n=n: m.group(1) + f"{f' MDISK 0191 3390 {3000 + 3 * n:04d} 0003 VMCOM1 MR':<72}0000000{n}\n",
            text,
            count=1,
        )
    return text


def test_an_identity_s_global_a_disk_is_excluded_and_backed_up_once_on_member_1(tmp_path):
    """TCPIP's and FTPSERVE's 0191 in their IDENTITY entries (global): the job on each
    member excludes them, and SYSGLOB, on member 1, backs them up once, with a comment
    that says why and that it compiles with `--directory`; the file checks clean with
    the directory (BKR221's exception), and without it BKR221 says what proves it. It
    used to exit 1 (BKR530), writing nothing."""
    site = tmp_path / "site.direct"
    site.write_text(global_a_disks(("TCPIP", "TCPIP"), ("FTPSERVE", "FTPSVE")))
    path = tmp_path / "new.bkr"
    result = run_cli(["init", path, "--cluster", "PRODSSI", "--directory", site, "--color", "never"], expect=0)
    assert "BKR530" not in result.stderr and "error" not in result.stderr
    text = path.read_text(encoding="utf-8")
    sysinc = text[text.index("  job SYSIN {") :]
    sysinc = sysinc[: sysinc.index("  }\n")]
    assert [line.split("#")[0].strip() for line in sysinc.splitlines() if "exclude" in line] == [
        "exclude minidisk FTPSERVE 0191",
        "exclude minidisk TCPIP 0191",
    ]
    assert "run on each member" in sysinc
    # stop 74, h14: a weekly full (SYSGLFUL) and the other nights' incremental (SYSGLOB).
    for name, level, schedule in (("SYSGLFUL", "full", "sun"), ("SYSGLOB", "incremental", "mon,tue,wed,thu,fri,sat")):
        job = text[text.index(f"  job {name} {{") :]
        code = [line.split("#")[0].strip() for line in job[: job.index("  }")].splitlines()[1:]]
        assert [line for line in code if line] == [
            f"backup SYSIDS {level}",
            "include minidisk FTPSERVE 0191",
            "include minidisk TCPIP 0191",
            "to disk pool BKUPPOOL",
            f"run on VMSYS1 weekly {schedule} 04:30",
        ]
    said = comments(text)
    assert "FTPSERVE's 0191 and TCPIP's 0191 are defined in the IDENTITY entries themselves in site.direct" in said
    assert "always from VMSYS1 (member 1, where APPSFULL" in said and "(BKR530)" in said and "(BKR221)" in said
    assert "compile this file with `--directory site.direct`" in said
    # Clean with the directory; without it, the pinned job is BKR221, whose help names `--directory`.
    assert set(checked(path, site, logon=True)) <= {"BKR526"}  # see `assert_clean`
    run_cli(["fmt", "--check", path], expect=0)
    alone = run_cli(["check", path, "--color", "never"], expect=1).output
    assert re.findall(r"^(?:warning|error)\[(BKR\d+)\]", alone, re.MULTILINE) == ["BKR221"] * 2  # SYSGLFUL, SYSGLOB
    assert "job `SYSGLOB`" in alone and "`--directory`" in alone
    run_cli(["compile", path, "--directory", site, "-o", tmp_path / "out"], expect=0)
    assert (tmp_path / "out" / "VMSYS1" / "SYSGLOB.TEMPLATE").exists()
    assert not (tmp_path / "out" / "VMSYS2" / "SYSGLOB.TEMPLATE").exists()
    # The same text every run, and one global A-disk alone is said in the singular.
    assert run_cli(["init", "-", "--cluster", "PRODSSI", "--directory", site], expect=0).stdout == text
    site.write_text(global_a_disks(("TCPIP", "TCPIP")))
    one = run_cli(["init", "-", "--cluster", "PRODSSI", "--directory", site], expect=0).stdout
    assert "TCPIP's 0191 is defined in the IDENTITY entry itself in site.direct, not in a SUBCONFIG" in comments(one)
    assert "exclude minidisk FTPSERVE" not in one and "include minidisk TCPIP 0191\n" in one


def test_with_one_member_an_identity_s_global_a_disk_needs_no_job_of_its_own(tmp_path):
    """`run on each member` is one job on one member: it backs the global 0191 up once."""
    site = tmp_path / "site.direct"
    text = global_a_disks(("TCPIP", "TCPIP"))
    # One member: every BUILD statement but VMSYS1's, and the SUBCONFIGs they name, gone.
    text = re.sub(r"(?m)^ BUILD ON VMSYS[234] .*\n", "", text)
    text = re.sub(r"(?m)^SUBCONFIG \S+-[234] .*\n(?: .*\n)*", "", text)
    site.write_text(text)
    one = run_cli(["init", "-", "--cluster", "PRODSSI", "--directory", site], expect=0).stdout
    assert "SYSGLOB" not in one and "exclude minidisk TCPIP" not in one


#: Every user of prodssi.direct's identity group, with the prefix of its SUBCONFIGs.
EVERY_IDENTITY = (
    ("AUTOLOG1", "AUTOG1"),
    ("FTPSERVE", "FTPSVE"),
    ("MAINT", "MAINT"),
    ("OPERATOR", "OPEROR"),
    ("TCPIP", "TCPIP"),
)


def every_a_disk_global() -> str:
    """`global_a_disks(*EVERY_IDENTITY)` without MAINT's 0CF1, the one minidisk of
    those users in their SUBCONFIGs besides 0191: then only global minidisks are
    left, and no job runs on each member (with it, SYSIN backs up MAINT's 0CF1 on
    each member, by name)."""
    return re.sub(r"(?m)^ MDISK 0CF1 .*\n", "", global_a_disks(*EVERY_IDENTITY))


def test_every_identity_s_global_a_disk_is_backed_up_by_the_job_on_member_1_alone(tmp_path):
    """With every user of the identity group's 0191 global, SYSGLOB backs them all up
    once, from member 1, and no job runs on each member (with all of them excluded it
    would back up nothing, BKR407). It used to exit 1 (BKR530 for each, whose help,
    followed, led to BKR407). The file checks with `--directory` (exit 0): BKR401 warns
    of the members no job runs on, as its page says, with a help that does not say to
    run SYSGLOB on each member (BKR530)."""
    site = tmp_path / "site.direct"
    site.write_text(every_a_disk_global())
    path = tmp_path / "new.bkr"
    result = run_cli(["init", path, "--cluster", "PRODSSI", "--directory", site, "--color", "never"], expect=0)
    found = re.findall(r"^(?:warning|error)\[(BKR\d+)\]", result.stderr, re.MULTILINE)
    assert [code for code in found if code not in ("BKR526", "BKR534")] == ["BKR401"] * 3  # see `assert_clean`
    assert "`on each member`" not in result.stderr  # BKR401's help for a job that may run there
    assert "job `SYSGLFUL` runs on one member because what it backs up every member shares" in result.stderr
    text = path.read_text(encoding="utf-8")
    assert [line.split()[1] for line in text.splitlines() if line.startswith("  job ")] == [
        "APPSFULL",
        "APPSINC",
        "SYSGLFUL",
        "SYSGLOB",
    ]
    assert [line.split("#")[0].strip() for line in text.splitlines() if "exclude" in line.split("#")[0]] == [
        "exclude minidisk * 0190 019D 019E 0300"  # APPSFULL's and APPSINC's, the Linux guests' V-DISKs at 0300 too
    ] * 2
    job = text[text.index("  job SYSGLOB {") :]
    code = [line.split("#")[0].strip() for line in job[: job.index("  }")].splitlines()[1:]]
    assert [line for line in code if line] == [
        "backup SYSIDS incremental",
        *(f"include minidisk {user} 0191" for user, _ in EVERY_IDENTITY),
        "to disk pool BKUPPOOL",
        "run on VMSYS1 weekly mon,tue,wed,thu,fri,sat 04:30",
    ]
    said = comments(text)
    assert "Every user of SYSIDS has one, so no job runs on each member" in said
    assert "warns that none runs on VMSYS2, VMSYS3 and VMSYS4, BKR401" in said
    checked = run_cli(["check", path, "--directory", site, "--color", "never"], expect=0).output
    found = re.findall(r"^(?:warning|error)\[(BKR\d+)\]", checked, re.MULTILINE)
    assert [code for code in found if code not in ("BKR526", "BKR534")] == ["BKR401"] * 3  # see `assert_clean`
    run_cli(["fmt", "--check", path], expect=0)
    run_cli(["compile", path, "--directory", site, "-o", tmp_path / "out"], expect=0)
    assert (tmp_path / "out" / "VMSYS1" / "SYSGLOB.TEMPLATE").exists()
    assert run_cli(["init", "-", "--cluster", "PRODSSI", "--directory", site], expect=0).stdout == text


def test_the_next_step_says_which_warnings_bkrc_check_prints_where_it_is_not_silent(tmp_path):
    """Every IDENTITY user's 0191 global: the file checks with BKR401 for three members,
    which are expected (SYSGLOB's comment says why), so the line after `wrote` no longer
    says that `bkrc check` "prints nothing when all is well": it says what the check init
    ran prints (count and codes, the warnings themselves printed below it), exactly what
    `bkrc check FILE --directory` then prints. The same for the site's SFS server
    (BKR524, one); silence where there is none (tests/test_init.py). The directory's
    product machines are `AUTOONLY`, as prodssi.direct's: BKR526 for three sets of them; their
    minidisks' link passwords, prodssi.direct's, which the compiled MDISKs drop: BKR534, once."""
    site = tmp_path / "site.direct"
    site.write_text(every_a_disk_global())
    path = tmp_path / "new.bkr"
    result = run_cli(["init", path, "--cluster", "PRODSSI", "--directory", site, "--color", "never"], expect=0)
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("wrote ")]
    assert "prints nothing" not in line
    assert line.endswith(
        f"then run `bkrc check {path} --directory {site}`, which prints the 7 warnings below (BKR401, BKR526,"
        " BKR534), as it does now, and nothing else when all is well"
    )
    assert checked(path, site) == ["BKR401"] * 3 and checked(path, site, logon=True).count("BKR526") == 3
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(with_entries("BKRSVSFS", sfs_server("SFSCATLG", "IUCV ALLOW", "IUCV *IDENT CATPOOL GLOBAL")))
    result = run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct, "--force"], expect=0)
    assert ", which prints the 5 warnings below (BKR524, BKR526, BKR534), as it does now, and nothing else when all is well" in (
        result.stderr
    )
    assert checked(path, direct) == ["BKR524"]


def test_an_identity_s_0191_both_global_and_local_is_the_site_s_to_settle(tmp_path):
    """TCPIP's 0191 in its IDENTITY entry itself (global) and in each SUBCONFIG too
    (local): an exclude takes the address, so no job can back up the global one once
    and the local ones on each member. BKR530 says exactly that, at the global MDISK
    statement with the SUBCONFIGs' related, and its help says to define the address
    once, either way of which `bkrc init` writes a file that checks clean; not BKR530's
    advice to exclude it and back it up on one member, which, followed, led to BKR221
    (the local ones selected too). Nothing written, not an internal error."""
    text = DIRECT.read_text().replace(
        " OPTION QUICKDSP                                                        00009800\n",
        " OPTION QUICKDSP                                                        00009800\n"
        " MDISK 0191 3390 3000 0050 VMCOM1 MR\n",
    )
    site = tmp_path / "site.direct"
    site.write_text(text)
    line = text[: text.index(" MDISK 0191 3390 3000")].count("\n") + 1
    path = tmp_path / "new.bkr"
    result = run_cli(["init", path, "--cluster", "PRODSSI", "--directory", site, "--color", "never"], expect=1)
    assert re.findall(r"^(?:warning|error)\[(BKR\d+)\]", result.stderr, re.MULTILINE) == ["BKR530"]
    assert (
        "error[BKR530]: IDENTITY `TCPIP` defines minidisk 0191 in its entry itself (global: one every member's"
        " instance shares) and in each of its SUBCONFIGs (local): an exclude takes the address, so no job can"
        " back up the global one once and the others on each member\n"
    ) in result.stderr
    assert f"--> {site}:{line}:8\n" in result.stderr
    assert result.stderr.count(": local\n") == 4  # each SUBCONFIG's MDISK 0191, related
    (help,) = re.findall(r"= help: (.*)", result.stderr)
    assert help.startswith(
        "define `TCPIP`'s 0191 once: in the IDENTITY entry (global: backed up once, from VMSYS1) or in each SUBCONFIG"
    )
    assert "exclude" not in help and "docs/compatibility.md" in help
    assert "internal error" not in result.stderr and result.stderr.endswith("bkrc: nothing written\n")
    assert not path.exists()
    # The help followed either way: the file is written, and checks clean with the directory.
    for kept in (global_a_disks(("TCPIP", "TCPIP")), DIRECT.read_text()):
        site.write_text(kept)
        run_cli(["init", path, "--cluster", "PRODSSI", "--directory", site, "--force"], expect=0)
        assert set(checked(path, site, logon=True)) <= {"BKR526"}  # see `assert_clean`
    # A T-DISK at 0191 in the entry itself beside the global one: the same.
    tdisk = global_a_disks(("TCPIP", "TCPIP")).replace(
        " MDISK 0191 3390 3000 0003 VMCOM1 MR", " MDISK 0191 3390 T-DISK 50 MR\n MDISK 0191 3390 3000 0003 VMCOM1 MR", 1
    )
    site.write_text(tdisk)
    result = run_cli(["init", "-", "--cluster", "PRODSSI", "--directory", site, "--color", "never"], expect=1)
    assert "(global: one every member's instance shares) and again there: an exclude" in result.stderr
    assert "MDISK 0191 in the IDENTITY entry itself again: a T-DISK" in result.stderr


def test_init_md_shows_the_jobs_bkrc_init_writes_for_an_identity_s_global_a_disk(tmp_path, monkeypatch):
    """docs/init.md's excerpt, "An IDENTITY's global minidisk", is the end of the file
    `bkrc init` writes for the directory it describes."""
    page = (ROOT / "docs" / "init.md").read_text(encoding="utf-8")
    section = page.split("\n### An IDENTITY's global minidisk\n", 1)[1].split("\n**The members.**", 1)[0]
    (shown,) = re.findall(r"```text\n(.*?)```", section, re.DOTALL)
    assert "TCPIP's and FTPSERVE's\n0191 moved" in section
    (tmp_path / "USER.DIRECT").write_text(global_a_disks(("TCPIP", "TCPIP"), ("FTPSERVE", "FTPSVE")), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    written = run_cli(["init", "-", "--cluster", "PRODSSI", "--directory", "USER.DIRECT"], expect=0).stdout
    assert written.endswith(shown)
    # The two cases the page tells after the excerpt, as `bkrc init` writes and says them.
    prose = " ".join(section.split())
    assert "SYSGLFUL and SYSGLOB back them all up and the file has no job on each member" in prose
    (tmp_path / "USER.DIRECT").write_text(every_a_disk_global(), encoding="utf-8")
    alone = run_cli(["init", "-", "--cluster", "PRODSSI", "--directory", "USER.DIRECT"], expect=0)
    assert "job SYSIN" not in alone.stdout and "no job runs on each member (`bkrc check` warns" in comments(alone.stdout)
    assert "BKR401, printed by `bkrc init` too" in prose and "warning[BKR401]" in alone.stderr
    assert "(BKR530, at the global MDISK statement, the others shown with it" in prose
    assert "its help says to define the address once: in the IDENTITY entry (global" in prose


BANK = EXAMPLES / "bank.direct"


def test_without_dirmaint_every_minidisk_gets_a_free_place(tmp_path):
    """bank.direct has no DIRMAINT machine (a directory kept by hand, which DIRECTXA
    loads: no `AUTOV`, BKR533) and none of the product's: init gives each `disk`
    statement its place, one per member (and worker), at the first extent of its
    volume free in the directory and of the file's other minidisks (BKR523's), says
    why in the comment above them, and the file checks clean against the directory
    (before: BKR533, printed by init too) and compiles without `AUTOV`. The places are
    those examples/bank.bkr got from BKR523's fix."""
    path = tmp_path / "bank.bkr"
    result = run_cli(["init", path, "--cluster", "BANKSSI", "--directory", BANK, "--tape"], expect=0)
    assert "BKR533" not in result.stderr
    assert "which prints nothing when all is well" in result.stderr
    written = path.read_text(encoding="utf-8")
    assert not re.search(r"^  disk \S+ \w+ size \d+ \w+$", written, re.MULTILINE), written  # none without its place
    assert "".join(f"  disk BKRBKUP 191 size 10 cyl on P{m}PRV1 at 29046\n" for m in "ABCD") in written
    assert "  disk BKRWRK01 191 size 5 cyl on PAPRV1 at 29066\n  disk BKRWRK01 191 size 5 cyl on PBPRV1 at 29066\n" in written
    assert "  disk BKRADMIN 191 size 10 cyl on BKCOM1 at 5716\n  disk 5697J06C 191 size 10 cyl on BKCOM1 at 5726\n" in written
    assert "bank.direct has no DIRMAINT machine: kept by hand, it is loaded by DIRECTXA, which takes no `AUTOV`" in comments(written)
    assert run_cli(["check", path, "--directory", BANK], expect=0).output == ""
    assert run_cli(["check", path], expect=0).output == ""
    out = tmp_path / "out"
    run_cli(["compile", path, "--directory", BANK, "-o", out], expect=0)
    assert not [f.name for f in (out / "cluster").glob("*.DIRECT") if "AUTOV" in f.read_text(encoding="utf-8")]


def test_with_dirmaint_minidisks_are_left_to_it_as_before(tmp_path):
    """The same directory with a DIRMAINT machine: DirMaint allocates, and the `disk`
    statements are written without a place, as before (no BKR533 either)."""
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(BANK.read_text(encoding="utf-8") + DIRMAINT, encoding="utf-8")
    path = tmp_path / "bank.bkr"
    result = run_cli(["init", path, "--cluster", "BANKSSI", "--directory", direct], expect=0)
    written = path.read_text(encoding="utf-8")
    assert "  disk BKRBKUP 191 size 10 cyl\n  disk BKRCATLG 191 size 10 cyl\n  disk BKRWRK* 191 size 5 cyl\n" in written
    assert "DIRMAINT machine" not in written and "BKR533" not in result.stderr
    assert run_cli(["check", path, "--directory", direct], expect=0).output == ""


def test_without_dirmaint_a_volume_without_room_keeps_its_statements_and_bkr533_says_so(tmp_path):
    """PAPRV1 taken to its end from where the product's minidisks would go: the
    IDENTITY machines' statements (an instance on PRODA's volume) stay without a
    place, and init prints BKR533 for them; the single-configuration machines'
    (on BKCOM1) are placed."""
    direct = tmp_path / "USER.DIRECT"
    full = with_mdisk("SUBCONFIG LNXP01-1", " MDISK 0999 3390 29046 END PAPRV1 MR", BANK.read_text(encoding="utf-8"))
    direct.write_text(full, encoding="utf-8")
    path = tmp_path / "bank.bkr"
    result = run_cli(["init", path, "--cluster", "BANKSSI", "--directory", direct], expect=0)
    written = path.read_text(encoding="utf-8")
    assert "  disk BKRBKUP 191 size 10 cyl\n  disk BKRCATLG 191 size 10 cyl\n  disk BKRWRK* 191 size 5 cyl\n" in written
    assert "  disk BKRADMIN 191 size 10 cyl on BKCOM1 at 5716\n" in written
    assert "which prints the warning below (BKR533)" in result.stderr
    assert re.findall(r"^warning\[(BKR\d+)\]", run_cli(["check", path, "--directory", direct], expect=0).output, re.MULTILINE) == ["BKR533"]


def test_without_dirmaint_an_extent_not_kept_gets_no_new_place(tmp_path):
    """BKRSVSFS's file pool where another MDISK overlaps it (BKRADMIN's 191): the
    comment above its statement says its compiled MDISK says `AUTOV`, which stays
    true: no new place, whose space would not hold the data either (BKR533 and
    BKR532 say so); the rest of prodssi.direct's product minidisks are placed as it has them."""
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(with_mdisk("USER BKRSVSFS", " MDISK 0301 3390 1445 0300 VMCOM1 MR"), encoding="utf-8")
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    written = path.read_text(encoding="utf-8")
    assert "  disk BKRSVSFS 301 size 300 cyl\n" in written
    assert "Its compiled MDISK says `AUTOV`" in comments(written)
    assert "DIRMAINT machine" not in written


# stop 74, h9: each job includes by name the minidisks of its users its `*` line leaves out
def test_h9_74_the_jobs_include_by_name_the_minidisks_their_range_leaves_out(tmp_path):
    # A site moving from its own templates, whose DB2 server has minidisks at 0050 and
    # 2000 (outside APPSFULL's `* 0100-0FFF`) and whose IDENTITYs have local minidisks
    # besides 0191 (MAINT's 0CF1 in every SUBCONFIG): init's file backed up none of
    # them, checked clean, and only `bkrc show --directory` said "minidisks no job
    # selects". Now APPSFULL and SYSIN include them by name, and show finds none left.
    # Not included: a V-DISK (empty at logon), TCPIP's 0400 on VMSYS1 alone (BKR515
    # on the other members) and its global 0500 (BKR530: once per member), which,
    # since stop 78 (h1), SYSGLFUL and SYSGLOB on VMSYS1 back up once.
    text = with_mdisk("USER DB2PRD", " MDISK 2000 3390 30000 0010 VMCOM1 MR")
    text = with_mdisk("USER DB2PRD", " MDISK 0050 3390 30010 0010 VMCOM1 MR", text, number="00099998")
    text = with_mdisk("USER DB2PRD", " MDISK 3000 FB-512 V-DISK 1048576 MR", text, number="00099997")
    text = with_mdisk("SUBCONFIG TCPIP-1", " MDISK 0400 3390 9000 0010 M1PRV1 MR", text, number="00099996")
    text = with_mdisk(" BUILD ON VMSYS4 USING SUBCONFIG TCPIP-4", " MDISK 0500 3390 30020 0010 VMCOM1 MR", text, number="00099995")
    direct = tmp_path / "USER.DIRECT"
    direct.write_text(text, encoding="utf-8")
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", direct], expect=0)
    written = path.read_text(encoding="utf-8")
    lines = [line.split("#")[0].strip() for line in written.splitlines()]
    assert "include minidisk DB2PRD 0050 2000" in lines
    assert "include minidisk MAINT 0CF1" in lines
    # (Since stop 76, h3: TCPIP's 0400 on VMSYS1 alone is included too, below the allow of
    # the BKR515 that include gives for the other members, since BKR535 now says it.)
    assert [line for line in lines if line.startswith("include minidisk") and "*" not in line] == [
        "include minidisk DB2PRD 0050 2000",  # APPSFULL's, then APPSINC's (stop 74, h14)
        "include minidisk DB2PRD 0050 2000",
        "include minidisk MAINT 0CF1",  # SYSFL's, then SYSIN's
        "include minidisk TCPIP 0400",
        "include minidisk MAINT 0CF1",
        "include minidisk TCPIP 0400",
        "include minidisk TCPIP 0500",  # SYSGLFUL's, then SYSGLOB's: TCPIP's global 0500, once
        "include minidisk TCPIP 0500",
    ]
    # Past 80 columns as a trailing comment: a comment line above (stop 75, h13).
    said = written.count("    # in USER.DIRECT: `* 0100-0FFF` leaves them out\n    include minidisk DB2PRD 0050 2000\n")
    assert said == 2
    assert checked(path, direct) == []
    shown = run_cli(["show", path, "--directory", direct, "--format", "json"], expect=0).stdout
    assert "DB2PRD" in shown
    text_shown = run_cli(["show", path, "--directory", direct], expect=0).stdout
    unselected = [line for line in text_shown.splitlines() if "minidisks no job selects" in line]
    assert not any("DB2PRD" in line for line in unselected)
    own = " ".join(line for line in text_shown.splitlines())
    assert "MAINT 0CF1" not in own.split("no job backs up", 1)[-1].split("allocated size", 1)[0]
    # z/VM's own TCPIP's global 0500 was the one left out, which show listed as no job's on
    # its members: SYSGLFUL and SYSGLOB back it up now (stop 78, h1).
    assert "TCPIP 0500" not in own.split("no job backs up", 1)[-1].split("allocated size", 1)[0]
    assert [line for line in unselected if "TCPIP 0400" in line or "TCPIP 0500" in line] == []


def test_h1s78_an_identity_s_global_minidisk_at_another_address_is_backed_up_once_too(tmp_path):
    """A site's IDENTITY with a global minidisk besides its local 0191s (SCHEDSVR's `MDISK
    0300` in its entry itself, on a volume every member shares): `include minidisk *
    0191` does not select it, a job on each member may not (BKR530), and init's file left
    it out without a word, to `bkrc show --directory`'s "minidisks no job selects" on
    every member. SYSGLFUL and SYSGLOB on member 1 back it up once, as a global 0191;
    beside OPSAUTO's global 0191, which the jobs on each member exclude (not the 0300,
    which they do not select: an exclude of it would remove nothing, BKR413). The file
    checks clean with the directory, and show finds it backed up on every member."""
    schedsvr = (
        "IDENTITY SCHEDSVR AUTOONLY 64M 64M BG\n"
        + "".join(f" BUILD ON VMSYS{i} USING SUBCONFIG SCHDSV-{i}\n" for i in range(1, 5))
        + " IPL CMS\n MDISK 0300 3390 9000 0020 VMCOM1 MR\n"
        + "".join(f"SUBCONFIG SCHDSV-{i}\n MDISK 0191 3390 9500 0005 M{i}PRV1 MR\n" for i in range(1, 5))
    )
    opsauto = (
        "IDENTITY OPSAUTO AUTOONLY 64M 64M BG\n"
        + "".join(f" BUILD ON VMSYS{i} USING SUBCONFIG OPSAUT-{i}\n" for i in range(1, 5))
        + " IPL CMS\n MDISK 0191 3390 9100 0005 VMCOM1 MR\n"
        + "".join(f"SUBCONFIG OPSAUT-{i}\n MDISK 0200 3390 9600 0005 M{i}PRV1 MR\n" for i in range(1, 5))
    )
    site = tmp_path / "site.direct"
    site.write_text(DIRECT.read_text(encoding="utf-8") + schedsvr)
    path = tmp_path / "new.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", site, "--color", "never"], expect=0)

    def selection(text: str, name: str) -> list[str]:
        job = text[text.index(f"  job {name} {{") :]
        code = [line.split("#")[0].strip() for line in job[: job.index("  }")].splitlines()]
        return [line for line in code if line.startswith(("include", "exclude"))]

    written = path.read_text(encoding="utf-8")
    assert "identity group SYSIDS { SCHEDSVR }" in written
    assert selection(written, "SYSFL") == selection(written, "SYSIN") == ["include minidisk * 0191"]
    assert selection(written, "SYSGLFUL") == selection(written, "SYSGLOB") == ["include minidisk SCHEDSVR 0300"]
    said = comments(written)
    assert "SCHEDSVR's 0300 is defined in the IDENTITY entry itself in site.direct, not in a SUBCONFIG" in said
    assert "would back up once per member (BKR530). These two jobs" in said
    assert checked(path, site) == []
    run_cli(["fmt", "--check", path], expect=0)
    shown = run_cli(["show", path, "--directory", site], expect=0).stdout
    assert [line for line in shown.splitlines() if "no job selects" in line] == []
    # Beside an IDENTITY whose 0191 is global, which the jobs on each member exclude.
    site.write_text(DIRECT.read_text(encoding="utf-8") + schedsvr + opsauto)
    both = tmp_path / "both.bkr"
    run_cli(["init", both, "--cluster", "PRODSSI", "--directory", site], expect=0)
    written = both.read_text(encoding="utf-8")
    assert "identity group SYSIDS { OPSAUTO SCHEDSVR }" in written
    assert selection(written, "SYSIN")[:1] + selection(written, "SYSIN")[-1:] == [
        "include minidisk * 0191",
        "exclude minidisk OPSAUTO 0191",
    ]
    assert selection(written, "SYSGLOB") == ["include minidisk OPSAUTO 0191", "include minidisk SCHEDSVR 0300"]
    said = comments(written)
    assert "SYSFL and SYSIN, on each member, exclude OPSAUTO 0191 (their `* 0191` selects it)." in said
    assert checked(both, site) == []
    shown = run_cli(["show", both, "--directory", site], expect=0).stdout
    assert [line for line in shown.splitlines() if "no job selects" in line] == []


# stop 76, h1: init fits each line where it writes it, and lays each text out once
def _h1_76_counted(monkeypatch) -> dict[str, int]:
    """Count the texts `bkrc init` builds (`starter.text_read`) and the `bkrc fmt`
    layouts it makes (`fmt.layout.layout_text`, one a format pass)."""
    from bkrdsl import starter
    from bkrdsl.fmt import layout

    calls = {"texts": 0, "layouts": 0}
    real_text, real_layout = starter.text_read, layout.layout_text

    def text_read(*args, **kwargs):
        calls["texts"] += 1
        return real_text(*args, **kwargs)

    def layout_text(outline):
        calls["layouts"] += 1
        return real_layout(outline)

    monkeypatch.setattr(starter, "text_read", text_read)
    monkeypatch.setattr(layout, "layout_text", layout_text)
    return calls


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_76_prodssi_s_file_takes_one_format_pass_a_text_and_fits(tmp_path, monkeypatch, parser):
    """The builders put a statement's comment above it where it would pass 80 columns
    even two spaces after it, and `bkrc fmt` lines comments up only where they fit:
    each text is laid out once, 4 layouts for prodssi.direct's file as before stop 75's
    fitting (h13), which formatted again until a regex over fmt's output moved
    nothing (8). SYSFL and SYSIN now lay out their MAINT line alike: SYSFL's `run on`
    line no longer pushes its comment above it."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    calls = _h1_76_counted(monkeypatch)
    path = tmp_path / "prodssi.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", DIRECT], expect=0)
    assert calls == {"texts": 4, "layouts": 4}
    written = path.read_text(encoding="utf-8")
    assert [line for line in written.splitlines() if len(line) > 80] == []
    selection = (
        "    include minidisk * 0191      # your minidisk addresses\n"
        "    include minidisk MAINT 0CF1  # in prodssi.direct: `* 0191` leaves it out\n"
        "    to disk pool BKUPPOOL        # your backup disk pool\n"
    )
    assert written.count(selection) == 2
    assert "    to disk pool BKUPPOOL        # your backup disk pool\n    run on each member weekly sun 03:30  # your schedule\n" in written
    run_cli(["fmt", "--check", path], expect=0)


def test_h1_76_the_free_places_step_lays_its_text_out_once_more_within_80_columns(tmp_path, monkeypatch):
    """Without DIRMAINT (BKR533), init gives the `disk` statements their places with a
    fix (`cli.init._free_places`) and lays the text out again: one layout more than
    the texts built, under the same rule (the statements it lengthens carry no
    comment; fmt keeps every line within 80 columns, tests/test_init.py's matrix
    runs its odd directories through it)."""
    calls = _h1_76_counted(monkeypatch)
    path = tmp_path / "bank.bkr"
    run_cli(["init", path, "--cluster", "BANKSSI", "--directory", BANK, "--tape"], expect=0)
    written = path.read_text(encoding="utf-8")
    assert "bank.direct has no DIRMAINT machine" in comments(written)
    assert calls["layouts"] == calls["texts"] + 1
    assert [line for line in written.splitlines() if len(line) > 80] == []


# stop 76, h3: an IDENTITY whose SUBCONFIGs differ by member: a V-DISK, a LINK, a disk on some
def h3_76_direct(n: int = 3) -> str:
    """A site on members VMSYS1..n (n >= 2) with four IDENTITYs besides a USER: OPSMON, a
    0191 on each member; MIXVD, its 0191 a V-DISK on VMSYS2, a permanent minidisk on the
    others; SOMEDSK, a 0200 on every member but VMSYS2; LNKONE, on VMSYS2 a LINK to
    OPSMON's 0191 where the others have a minidisk."""
    out = [f"DIRECTORY 0123 3390 M{m}RES VMSYS{m}" for m in range(1, n + 1)]

    def identity(name, prefix, disks):
        out.append(f"IDENTITY {name} PW 64M 128M G")
        out.extend(f" BUILD ON VMSYS{m} USING SUBCONFIG {prefix}-{m}" for m in range(1, n + 1))
        for m in range(1, n + 1):
            out.append(f"SUBCONFIG {prefix}-{m}")
            out.extend(line.replace("#", str(m)) for line in disks(m))

    identity("OPSMON", "OPSMN", lambda m: [" MDISK 0191 3390 1000 0005 M#PRV1 MR"])
    identity("MIXVD", "MIXVD", lambda m: [" MDISK 0191 FB-512 V-DISK 1000 MR" if m == 2 else " MDISK 0191 3390 1100 0005 M#PRV1 MR"])
    identity("SOMEDSK", "SOMED", lambda m: [" MDISK 0191 3390 1200 0005 M#PRV1 MR"] + ([] if m == 2 else [" MDISK 0200 3390 1210 0005 M#PRV1 MR"]))
    identity("LNKONE", "LNKON", lambda m: [" LINK OPSMON 0191 0191 RR" if m == 2 else " MDISK 0191 3390 1300 0005 M#PRV1 MR"])
    out += ["USER LNXWEB01 PW 4G 8G G", " MDISK 0100 3390 0001 0100 LXP001 MR"]
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_76_init_says_each_member_difference_and_the_file_checks_clean(tmp_path, monkeypatch, parser):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    direct = tmp_path / "site.direct"
    direct.write_text(h3_76_direct())
    path = tmp_path / "site.bkr"
    said = run_cli(["init", path, "--cluster", "SITE", "--directory", direct], expect=0).output
    assert said.endswith("which prints nothing when all is well\n")  # no warning predicted
    text = path.read_text()
    assert "identity group SYSIDS { LNKONE MIXVD OPSMON SOMEDSK }" in text
    # No exclude of MIXVD's 0191: it would take the permanent ones on VMSYS1 and VMSYS3 out too.
    assert "exclude minidisk MIXVD" not in text and text.count("    include minidisk * 0191") == 2
    about = comments(text)
    assert (
        "MIXVD's 0191 in its SUBCONFIG for VMSYS2 in site.direct is a V-DISK, empty at each logon: these jobs back"
        " up its 0191 on the other members, a minidisk of its own there, and need no exclude (one would take those"
        " out too: a job on each member has one set of excludes)."
    ) in about
    assert (
        "LNKONE's 0191 in its SUBCONFIG for VMSYS2 in site.direct is a LINK, another user's minidisk: these jobs"
        " back up its own 0191 on the other members, and `bkrc check --directory` says nothing of it"
    ) in about
    assert (
        "SOMEDSK's 0200 is only in its SUBCONFIGs for VMSYS1 and VMSYS3 in site.direct: these jobs include it by"
        " name, and the allow above that line keeps `bkrc check --directory` from saying that the other members'"
        " SUBCONFIGs lack it (BKR515). Without the include, no job would back it up (BKR535)."
    ) in about
    # ... in both jobs, below the allow of the BKR515 that include gives (VMSYS2 lacks it)
    below = "    # bkrc: allow BKR515 in some SUBCONFIGs only\n    include minidisk SOMEDSK 0200\n"
    assert text.count(below) == 2
    # What the comment says: without the allow, BKR515 (VMSYS2); without the include too, BKR535.
    for edited, said in (
        (text.replace(below, "    include minidisk SOMEDSK 0200\n"), ["BKR515", "BKR515"]),  # naming VMSYS2
        (text.replace(below, ""), ["BKR535"]),  # naming VMSYS1 and VMSYS3
    ):
        bare = tmp_path / "bare.bkr"
        bare.write_text(edited)
        out = run_cli(["check", bare, "--directory", direct, "--color", "never"], expect=0).output
        assert re.findall(r"^warning\[(BKR\d+)\]", out, re.MULTILINE) == said
        assert ("`VMSYS2`" if said[0] == "BKR515" else "`VMSYS1` and `VMSYS3`") in out and "SOMEDSK" in out
    assert "has no 0191" not in about and "(BKR516)" not in about
    # Clean, with the directory and without, and laid out.
    assert run_cli(["check", path, "--directory", direct, "--color", "never"], expect=0).output == ""
    assert run_cli(["check", path, "--color", "never"], expect=0).output == ""
    run_cli(["fmt", "--check", path], expect=0)
    assert [line for line in text.splitlines() if len(line) > 80] == []


# stop 78, h15: an IDENTITY whose only minidisks are global (no 0191 anywhere)
def _h15_78_identity(user: str, sub: str, global_mdisk: str = "", local: str = "") -> str:
    """A CP directory entry in prodssi.direct's style (sequence numbers in 73-80): an
    IDENTITY built on VMSYS1..VMSYS4, `global_mdisk` in its entry itself, `local` (with
    `{i}` for the member's number) in each SUBCONFIG, which is empty without it."""
    lines = [f"IDENTITY {user} AUTOONLY 64M 128M G"]
    lines += [f" BUILD ON VMSYS{i} USING SUBCONFIG {sub}-{i}" for i in range(1, 5)]
    lines += [" INCLUDE IBMDFLT", " IPL CMS"] + ([global_mdisk] if global_mdisk else [])
    for i in range(1, 5):
        lines += [f"SUBCONFIG {sub}-{i}"] + ([local.format(i=i)] if local else [])
    return "*\n" + "".join(f"{line:<72}{90000000 + n * 100:08d}\n" for n, line in enumerate(lines))


GLOBONLY = _h15_78_identity("GLOBONLY", "GLOBON", " MDISK 0300 3390 9000 0020 VMCOM1 MR")
OPSLOCAL = _h15_78_identity("OPSLOCAL", "OPSLOC", local=" MDISK 0191 3390 9600 0005 M{i}PRV1 MR")
OPSAUTO = _h15_78_identity("OPSAUTO", "OPSAUT", " MDISK 0191 3390 9100 0005 VMCOM1 MR", " MDISK 0200 3390 9700 0005 M{i}PRV1 MR")


def _h15_78_selection(text: str, name: str) -> list[str]:
    job = text[text.index(f"  job {name} {{") :]
    code = [line.split("#")[0].strip() for line in job[: job.index("  }")].splitlines()]
    return [line for line in code if line.startswith(("backup", "include", "exclude"))]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h15_78_an_identity_with_only_a_global_minidisk_is_left_to_the_global_jobs(tmp_path, monkeypatch, parser):
    """prodssi.direct plus GLOBONLY, an IDENTITY built on every member whose only minidisk
    is global (`MDISK 0300` in its entry itself, its SUBCONFIGs empty): the group of the
    site's own IDENTITYs is GLOBONLY alone, and init wrote SYSFL and SYSIN on each member
    with `include minidisk * 0191`, which finds nothing of it: BKR515 twice, which the
    line after `wrote` counted, and jobs that back up nothing on any member. As for
    every user's 0191 global, no job runs on each member: SYSGLFUL and SYSGLOB back its
    0300 up once, and BKR401 (nothing of VMSYS2's, VMSYS3's, VMSYS4's own to back up)
    is what the check says, as the comment does."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    site = tmp_path / "site.direct"
    site.write_text(DIRECT.read_text(encoding="utf-8") + GLOBONLY)
    path = tmp_path / "g.bkr"
    said = run_cli(["init", path, "--cluster", "PRODSSI", "--directory", site, "--color", "never"], expect=0).output
    written = path.read_text(encoding="utf-8")
    assert "identity group SYSIDS { GLOBONLY }" in written
    assert "  job SYSFL {" not in written and "  job SYSIN {" not in written
    assert _h15_78_selection(written, "SYSGLFUL") == ["backup SYSIDS full", "include minidisk GLOBONLY 0300"]
    assert "Every user of SYSIDS has one, so no job runs on each member" in comments(written)
    assert "BKR515" not in said
    assert "which prints the 7 warnings below (BKR401, BKR526, BKR534)" in said
    assert checked(path, site) == ["BKR401", "BKR401", "BKR401"]
    run_cli(["fmt", "--check", path], expect=0)
    run_cli(["compile", path, "--directory", site, "-o", tmp_path / "out"], expect=0)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h15_78_beside_identities_of_local_minidisks_it_is_a_group_of_its_own(tmp_path, monkeypatch, parser):
    """GLOBONLY beside OPSLOCAL, whose 0191 is each member's own: SYSFL and SYSIN on each
    member back up SYSIDS, and GLOBONLY in it gave BKR515 at their `* 0191` (nothing of
    it there on any member). It is in a group of its own, SYSGLIDS, which SYSGLFUL and
    SYSGLOB alone back up; with OPSAUTO's global 0191 too (SYSIDS's, which SYSFL and
    SYSIN exclude), the global jobs back up both groups. Clean with the directory."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    site = tmp_path / "site.direct"
    for extra, groups in ((OPSLOCAL, "SYSGLIDS"), (OPSLOCAL + OPSAUTO, "SYSIDS, SYSGLIDS")):
        site.write_text(DIRECT.read_text(encoding="utf-8") + GLOBONLY + extra)
        path = tmp_path / "m.bkr"
        said = run_cli(
            ["init", path, "--cluster", "PRODSSI", "--directory", site, "--color", "never", "--force"], expect=0
        ).output
        written = path.read_text(encoding="utf-8")
        assert "identity group SYSGLIDS { GLOBONLY }" in written
        assert f"identity group SYSIDS {{ {'OPSAUTO ' if 'OPSAUTO' in extra else ''}OPSLOCAL }}" in written
        assert _h15_78_selection(written, "SYSIN")[:2] == ["backup SYSIDS incremental", "include minidisk * 0191"]
        assert _h15_78_selection(written, "SYSGLOB")[0] == f"backup {groups} incremental"
        assert "include minidisk GLOBONLY 0300" in _h15_78_selection(written, "SYSGLOB")
        assert (
            "GLOBONLY is in SYSGLIDS, below: its minidisks are all global, in the IDENTITY entry itself (every"
            " member's instance shares them), so the jobs on each member, which back up SYSIDS, would back up"
            " nothing of it (BKR515): SYSGLFUL and SYSGLOB back it up, once."
        ) in comments(written)
        assert "BKR515" not in said and "which prints the 4 warnings below (BKR526, BKR534)" in said
        assert checked(path, site) == []
        run_cli(["fmt", "--check", path], expect=0)
        assert [line for line in written.splitlines() if len(line) > 80] == []
        run_cli(["compile", path, "--directory", site, "-o", tmp_path / "out", "--force"], expect=0)
        shown = run_cli(["show", path, "--directory", site], expect=0).stdout
        assert [line for line in shown.splitlines() if "no job selects" in line] == []


# stop 79, h4: a site entry named as one of the groups init writes
_H4_USER = "*\nUSER {0} AUTOONLY 64M 128M G\n INCLUDE IBMDFLT\n MDISK 0191 3390 9800 0005 VMCOM1 MR\n"


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("user", "groups"),
    [
        ("SYSGLIDS", ("APPS", "SYSIDS", "SYSGLID2")),
        ("APPS", ("APPS2", "SYSIDS", "SYSGLIDS")),
        ("SYSIDS", ("APPS", "SYSIDS2", "SYSGLIDS")),
    ],
)
def test_h4_79_a_group_takes_a_free_name_where_the_site_has_a_user_of_its_name(
    tmp_path, monkeypatch, parser, user, groups
):
    """prodssi.direct plus GLOBONLY and OPSLOCAL (SYSGLIDS is written beside SYSIDS) and
    a USER whose ID is one of the groups' names: the file listed the user in APPS and
    named a group after it, BKR326 (`backup SYSGLIDS` ambiguous), and init stopped with
    an internal error, nothing written. The group now takes the first free name (a digit
    at its 8th character, or after a shorter name), and the file checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    site = tmp_path / "site.direct"
    site.write_text(DIRECT.read_text(encoding="utf-8") + GLOBONLY + OPSLOCAL + _H4_USER.format(user))
    path = tmp_path / "n.bkr"
    said = run_cli(["init", path, "--cluster", "PRODSSI", "--directory", site, "--color", "never"], expect=0).output
    written = path.read_text(encoding="utf-8")
    single, identity, global_ = groups
    assert re.search(rf"^  single group {single} {{$", written, re.MULTILINE)
    assert f"  identity group {identity} {{ OPSLOCAL }}\n" in written
    assert f"  identity group {global_} {{ GLOBONLY }}\n" in written
    assert _h15_78_selection(written, "APPSFULL")[0] == f"backup {single} full"
    assert _h15_78_selection(written, "SYSIN")[0] == f"backup {identity} incremental"
    assert _h15_78_selection(written, "SYSGLOB")[0] == f"backup {global_} incremental"
    assert f"GLOBONLY is in {global_}, below" in comments(written)
    assert "which prints the 4 warnings below (BKR526, BKR534)" in said
    assert checked(path, site) == []
    run_cli(["fmt", "--check", path], expect=0)


# stop 79, h4: an IDENTITY built on some members only, backed up as init's comment says
_H4_PARTIAL = (
    "IDENTITY PARTIAL PW 32M 64M G\n BUILD ON VMSYS1 USING SUBCONFIG PARTL-1\n BUILD ON VMSYS2 USING SUBCONFIG PARTL-2\n"
    "SUBCONFIG PARTL-1\n MDISK 0191 3390 9900 5 M1PRV1 MR\nSUBCONFIG PARTL-2\n MDISK 0191 3390 9900 5 M2PRV1 MR\n"
)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h4_79_an_identity_built_on_some_members_is_backed_up_by_a_job_on_them(tmp_path, monkeypatch, parser):
    """init names PARTIAL, built on VMSYS1 and VMSYS2 of prodssi.direct's four members, in
    a comment: "back them up in a job on their members". Done so (a group of its own, a
    job `run on VMSYS1, VMSYS2`), the check said BKR221 (its instances on VMSYS3 and VMSYS4
    never backed up), which it has none of, even with the directory, whose BUILD
    statements show it; the help's `run on each member` then gave BKR514. With the
    directory the job is now clean; without it BKR221's help says the directory proves it."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    site = tmp_path / "site.direct"
    site.write_text(DIRECT.read_text(encoding="utf-8") + _H4_PARTIAL)
    path = tmp_path / "p.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", site, "--color", "never"], expect=0)
    text = path.read_text(encoding="utf-8")
    assert (
        "IDENTITY users not built on every member, which a job `on each member` would look for where they are"
        " not (back them up in a job on their members): PARTIAL on VMSYS1 VMSYS2."
    ) in comments(text)
    text = text.replace("  identity group SYSIDS {", "  identity group PARTS { PARTIAL }\n  identity group SYSIDS {", 1)
    job = (
        "  job PARTS {\n    backup PARTS incremental\n    include minidisk * 0191\n    to disk pool BKUPPOOL\n"
        "    run on VMSYS1, VMSYS2 daily 05:00\n  }\n}\n"
    )
    path.write_text(text[: text.rindex("}")] + job)
    assert checked(path, site) == []
    out = run_cli(["check", path, "--color", "never"], expect=1).output
    assert re.findall(r"^error\[(BKR\d+)\]", out, re.MULTILINE) == ["BKR221"]
    assert "if on `VMSYS1` and `VMSYS2` only (BUILD ON), the job is right as it is, which the site's directory proves" in out
    # one of them built on every member too: its instances on VMSYS3 and VMSYS4 are left out
    both = path.read_text(encoding="utf-8").replace("group PARTS { PARTIAL }", "group PARTS { PARTIAL TCPIP }")
    path.write_text(re.sub(r"(identity group SYSIDS \{[^}]*) TCPIP", r"\1", both, count=1))
    said = run_cli(["check", path, "--directory", site, "--color", "never"], expect=1).output
    assert "their instances on `VMSYS3` and `VMSYS4` are never backed up" in said


def _h3_81_partial(tmp_path, run: str):
    """init's file for prodssi.direct with PARTIAL (built on VMSYS1 and VMSYS2 of four
    members), backed up by a job PARTS whose `run` is `run`: the file and the directory."""
    site = tmp_path / "site.direct"
    site.write_text(DIRECT.read_text(encoding="utf-8") + _H4_PARTIAL)
    path = tmp_path / "p.bkr"
    run_cli(["init", path, "--cluster", "PRODSSI", "--directory", site, "--force", "--color", "never"], expect=0)
    text = path.read_text(encoding="utf-8")
    text = text.replace("  identity group SYSIDS {", "  identity group PARTS { PARTIAL }\n  identity group SYSIDS {", 1)
    job = (
        "  job PARTS {\n    backup PARTS incremental\n    include minidisk * 0191\n    to disk pool BKUPPOOL\n"
        f"    {run} daily 05:00\n  }}\n}}\n"
    )
    path.write_text(text[: text.rindex("}")] + job)
    return path, site


def _run_line(path) -> str:
    (line,) = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if "daily 05:00" in line]
    return line


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_81_bkr221_s_fix_leaves_a_list_of_members_without_the_directory(tmp_path, monkeypatch, parser):
    """BKR221's fix was `run on each member` whatever the site's directory says: for
    PARTIAL, built on VMSYS1 and VMSYS2 only, `bkrc check --fix` of a job on VMSYS1 and
    VMSYS2 without `--directory` (a list of members written on purpose, as init's comment
    asks: "back them up in a job on their members") turned it into a job on each member,
    which the directory then says BKR514 of (it finds nothing of PARTIAL on VMSYS3 and
    VMSYS4). Now a job on two or more members gets no fix without the directory, its
    help both ways."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    # Without the directory, a list of members: both ways in the help, no fix.
    path, site = _h3_81_partial(tmp_path, "run on VMSYS1, VMSYS2")
    said = run_cli(["check", path, "--color", "never"], expect=1).output
    assert re.findall(r"^error\[(BKR\d+)\]", said, re.MULTILINE) == ["BKR221"]
    assert (
        "help: if its users are built on every member, use `run on each member`; if on `VMSYS1` and `VMSYS2` only"
        " (BUILD ON), the job is right as it is, which the site's directory proves (`--directory`)"
    ) in said
    fixed = run_cli(["check", "--fix", path, "--format", "short"], expect=1).output
    assert "0 fixes applied; remaining: 1 error (BKR221)" in fixed
    assert _run_line(path) == "run on VMSYS1, VMSYS2 daily 05:00"
    assert checked(path, site) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_81_bkr221_s_fix_with_the_directory_writes_the_members_its_users_are_built_on(tmp_path, monkeypatch, parser):
    """With the directory, a job on VMSYS1 alone of PARTIAL (built on VMSYS1 and VMSYS2):
    BKR221's fix wrote `run on each member`, BKR514 after it; now the members it is built on."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    path, site = _h3_81_partial(tmp_path, "run on VMSYS1")
    said = run_cli(["check", path, "--directory", site, "--color", "never"], expect=1).output
    assert "help: use `run on VMSYS1, VMSYS2`, the members its users are built on (BUILD ON)" in said
    run_cli(["check", "--fix", path, "--directory", site], expect=0)
    assert _run_line(path) == "run on VMSYS1, VMSYS2 daily 05:00"
    assert checked(path, site) == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_81_bkr514_s_help_gives_the_way_back_from_bkr221_s_fix(tmp_path, monkeypatch, parser):
    """Without the directory, a job on VMSYS1 alone keeps BKR221's fix, `run on each
    member` (most IDENTITY users are built on every member); the directory then says
    BKR514, whose help now gives the way back, which checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    path, site = _h3_81_partial(tmp_path, "run on VMSYS1")
    run_cli(["check", "--fix", path], expect=0)
    assert _run_line(path) == "run on each member daily 05:00"
    said = run_cli(["check", path, "--directory", site, "--color", "never"], expect=0).output
    assert checked(path, site) == ["BKR514"]
    line = path.read_text(encoding="utf-8").splitlines().index("    run on each member daily 05:00") + 1
    assert f"and `run on VMSYS1, VMSYS2` (line {line}) runs job `PARTS` only where its users are built" in said
    path.write_text(path.read_text(encoding="utf-8").replace("run on each member daily 05:00", "run on VMSYS1, VMSYS2 daily 05:00"))
    assert checked(path, site) == []


#: Nordbank's directory (stop 80's second site, tests/cms/clusters/nbssi.bkr): Backup
#: Manager's machines under the site's own names, each linking 5697J06C's 05E5.
NBSSI_DIRECT = ROOT / "tests" / "cms" / "clusters" / "nbssi.direct"
NB_MACHINES = ("NBBKSRV", "NBBKCAT", "NBWRK01", "NBWRK02", "NBBKADM")
NB_LINK = " LINK 5697J06C 05E5 05E5 RR\n"


def nb_groups(path, direct) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each group of the file, its kind and IDs, as `groups` gives them, against `direct`."""
    model = analyse(str(path), path.read_bytes(), search_path=default_search_path(())).model
    users = [e.id for e in read_directory(str(direct), direct.read_bytes()).entries if e.kind != "SUBCONFIG"]
    out = {}
    for group in model.groups:
        ids = set(group.users) | {u for p in group.patterns for u in users if pattern_regex(p).match(u)}
        out[group.name] = (group.kind.value, tuple(sorted(ids)))
    return out


def statements(text: str) -> list[str]:
    """The file's lines but its comments (a statement's own comment cut off)."""
    return [line.split("#")[0].rstrip() for line in text.splitlines() if not line.lstrip().startswith("#")]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_81_backup_manager_s_machines_under_the_site_s_names_are_declared_with_their_roles(
    tmp_path, monkeypatch, parser
):
    """A site whose Backup Manager machines have names of its own (Nordbank: NBBKSRV,
    NBBKCAT, NBWRK01-02, NBBKADM) had them listed in the groups, as users to back up,
    and IBM's BKRBKUP, BKRCATLG, BKRWRK* and BKRADMIN, which it lacks, given `disk`
    statements: init knew the product's machines by IBM's IDs only. Now the entries that
    link a disk of the installation user (5697J06C) are its machines: declared with their
    roles in place of `import std/backup-manager`, the servers told apart by their IDs
    (a guess the file says to check), in no group; the file checks clean against the
    directory, but for the warnings its comment names (BKR524: the compiled entries drop
    those LINKs, and NBCATSFS's IPL; BKR526)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    path = tmp_path / "nbssi.bkr"
    run_cli(["init", path, "--cluster", "NBSSI", "--directory", NBSSI_DIRECT], expect=0)
    text = path.read_text(encoding="utf-8")
    lines = statements(text)
    assert "import std/backup-manager" not in lines
    for declared in (
        "identity user NBBKSRV role backup-server",
        "identity user NBBKCAT role catalog-server",
        "identity user NBWRK* role worker",
        "single user NBBKADM role admin",
        "single user 5697J06C role installation",
    ):
        assert declared in lines, declared
    assert "identity user NBBKSRV role backup-server   # guessed: check the role" in text
    assert not [line for line in lines if re.search(r"\bBKR(BKUP|CATLG|WRK|ADMIN)", line)]
    written = nb_groups(path, NBSSI_DIRECT)
    assert written["APPS"] == ("single", ("CICSTST", "LXDB01", "LXPAY01", "LXPAY02", "LXWEB01", "LXWEB02"))
    assert written["SYSIDS"] == ("identity", ("NBAUDIT", "NBMON", "NBPRTSV", "NBSCHED"))
    # The workers the directory builds on each member, their 191s where it has them.
    assert "  member NBPRDA { workers 2  private-volume NAPRV1 }  # from nbssi.direct" in text
    assert "  disk NBWRK02 191 size 5 cyl on NCPRV1 at 325" in lines
    said = comments(text)
    assert "Backup Manager's machines under nbssi.direct's names, not IBM's" in said
    assert "`NBWRK*` names the workers" in said
    assert "NBBKADM, the one USER that links them, is the administrator." in said
    # stop 83: each machine's LINK to 5697J06C's 05E5 is a `link` statement (the workers' by
    # their pattern), which the compiled entries keep: BKR524 is NBCATSFS's IPL alone (was x5)
    for link in ("NBBKSRV", "NBBKCAT", "NBWRK*", "NBBKADM"):
        assert f"  link {link} 5697J06C 05E5 RR" in lines, link
    assert "(BKR524, BKR526)" in said
    run_cli(["check", path], expect=0)
    assert checked(path, NBSSI_DIRECT, logon=True) == ["BKR524", "BKR526"]
    out = run_cli(["check", path, "--directory", NBSSI_DIRECT], expect=0).output
    assert "`LINK 5697J06C 05E5 05E5 RR`" not in out
    run_cli(["fmt", "--check", path], expect=0)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_82_the_site_s_subconfig_names_are_kept_by_subconfig_statements(tmp_path, monkeypatch, parser):
    """The same machines built from SUBCONFIGs named IBM's way (NBBKSR-1, as stop 80's
    directory has them), where the compile writes NBBKRV-1: each member's block keeps the
    directory's names with `subconfig` statements (stop 81's), for the two servers only
    (the workers' NBWR01-1 are the compile's own: no statement), and the file checks
    against the same directory without BKR529. Stop 81 wrote nothing (BKR529, exit 1)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = NBSSI_DIRECT.read_text(encoding="utf-8").replace("NBBKRV-", "NBBKSR-").replace("NBBKAT-", "NBBKCA-")
    direct = tmp_path / "NBSSI.DIRECT"
    direct.write_text(text)
    path = tmp_path / "nbssi.bkr"
    run_cli(["init", path, "--cluster", "NBSSI", "--directory", direct], expect=0)
    written = path.read_text(encoding="utf-8")
    assert [line.strip() for line in statements(written) if line.strip().startswith("subconfig ")] == [
        f"subconfig {machine} {prefix}-{n}" for n in (1, 2, 3) for machine, prefix in (("NBBKSRV", "NBBKSR"), ("NBBKCAT", "NBBKCA"))
    ]
    assert "  member NBPRDA {\n    workers 2\n    private-volume NAPRV1  # from NBSSI.DIRECT\n" in written
    assert "`subconfig` keeps the name NBSSI.DIRECT gives an instance's SUBCONFIG where it is not the compile's own" in (
        comments(written)
    )
    assert checked(path, direct) == ["BKR524"]  # NBCATSFS's IPL; the LINKs are `link` statements (stop 83); no BKR529
    run_cli(["fmt", "--check", path], expect=0)
    assert max(len(line) for line in written.splitlines()) <= 80


#: A small site of IBM's machine IDs whose SUBCONFIGs were named by hand (BKRBKU-1, not
#: the compile's BKRBUP-1), but BKRWRK01's on VMSYS1 (BKRW01-1, the compile's own) and
#: BKRWRK05's on VMSYS2 (a worker past `--workers`' default 4: the directory's count).
HAND_DIRECT = """\
DIRECTORY 0123 3390 M1RES VMSYS1
DIRECTORY 0123 3390 M2RES VMSYS2
PROFILE IBMDFLT
 LINK MAINT 0190 0190 RR
*
{machines}USER BKRADMIN AUTOONLY 64M 128M G
 INCLUDE IBMDFLT
 MDISK 0191 3390 0200 0010 VMCOM1 MR
USER 5697J06C AUTOONLY 64M 128M G
 INCLUDE IBMDFLT
 MDISK 0191 3390 0210 0010 VMCOM1 MR
USER LINUX01 PW 1G 2G G
 INCLUDE IBMDFLT
 MDISK 0100 3390 0300 0100 VMCOM1 MR
IDENTITY WEBSRV PW 64M 128M G
 BUILD ON VMSYS1 USING SUBCONFIG WEBSRV-1
 BUILD ON VMSYS2 USING SUBCONFIG WEBSRV-2
SUBCONFIG WEBSRV-1
 MDISK 0191 3390 0130 0005 M1PRV1 MR
SUBCONFIG WEBSRV-2
 MDISK 0191 3390 0130 0005 M2PRV1 MR
"""


def hand_machine(machine: str, subconfigs, start: int, builds=None) -> str:
    """An IDENTITY of `machine` built from `subconfigs` (one per member, VMSYS1 first),
    each with a 191 at cylinder `start`; `builds`: its BUILD statements, if other."""
    lines = [f"IDENTITY {machine} AUTOONLY 64M 128M BG"]
    lines += builds or [f" BUILD ON VMSYS{m} USING SUBCONFIG {sub}" for m, sub in enumerate(subconfigs, 1)]
    lines.append(" INCLUDE IBMDFLT")
    for m, sub in enumerate(subconfigs, 1):
        lines += [f"SUBCONFIG {sub}", f" MDISK 0191 3390 {start:04d} 0010 M{m}PRV1 MR"]
    return "\n".join(lines) + "\n"


def hand_direct(tmp_path, catalog: str | None = None) -> object:
    machines = hand_machine("BKRBKUP", ("BKRBKU-1", "BKRBKU-2"), 100)
    machines += catalog or hand_machine("BKRCATLG", ("BKRCAT-1", "BKRCAT-2"), 110)
    for k in range(1, 6):
        machines += hand_machine(f"BKRWRK0{k}", ("BKRW01-1" if k == 1 else f"WRK0{k}-A", f"WRK0{k}-B"), 400 + 10 * k)
    direct = tmp_path / "HAND.DIRECT"
    direct.write_text(HAND_DIRECT.format(machines=machines))
    return direct


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_82_ibm_s_ids_with_hand_made_subconfig_names_get_a_statement_each_where_they_differ(
    tmp_path, monkeypatch, parser
):
    """IBM's machine IDs, SUBCONFIGs named by hand: a `subconfig` statement for each
    instance whose name is not the compile's, none where it is (BKRWRK01 on VMSYS1), the
    fifth worker's too (the directory builds five: `workers 5`); the file checks clean
    against the directory but for BKR526 (AUTOONLY), and compiles under those names."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    direct = hand_direct(tmp_path)
    path = tmp_path / "hand.bkr"
    run_cli(["init", path, "--cluster", "HANDSSI", "--directory", direct], expect=0)
    written = path.read_text(encoding="utf-8")
    kept = [line.strip() for line in statements(written) if line.strip().startswith("subconfig ")]
    assert kept == [
        "subconfig BKRBKUP BKRBKU-1", "subconfig BKRCATLG BKRCAT-1",
        *(f"subconfig BKRWRK0{k} WRK0{k}-A" for k in range(2, 6)),
        "subconfig BKRBKUP BKRBKU-2", "subconfig BKRCATLG BKRCAT-2",
        *(f"subconfig BKRWRK0{k} WRK0{k}-B" for k in range(1, 6)),
    ]
    assert "    workers 5\n" in written
    assert_clean(path, direct)
    out = tmp_path / "out"
    run_cli(["compile", path, "-o", out], expect=0)
    builds = sorted(line.strip() for f in out.rglob("*.DIRECT") for line in f.read_text().splitlines() if "BUILD ON" in line)
    assert "BUILD ON VMSYS1 USING SUBCONFIG BKRW01-1" in builds and "BUILD ON VMSYS2 USING SUBCONFIG WRK05-B" in builds


@pytest.mark.parametrize(
    ("builds", "said", "kept"),
    [
        ([" BUILD ON * USING SUBCONFIG BKRCAT-1"], "BKRCATLG on VMSYS1 and VMSYS2 from BKRCAT-1 (BUILD ON *)", []),
        (
            [" BUILD ON VMSYS1 USING SUBCONFIG BKRCAT-1", " BUILD ON VMSYS2 USING SUBCONFIG BKRCAT-1",
             " BUILD ON VMSYS2 USING SUBCONFIG BKRCAT-2"],
            "BKRCATLG on VMSYS2 from BKRCAT-2 (two BUILD ON VMSYS2: BKRCAT-1 and BKRCAT-2)",
            ["subconfig BKRCATLG BKRCAT-1"],
        ),
    ],
    ids=["build-on-star", "two-builds"],
)
def test_h1_82_a_subconfig_no_statement_can_name_stays_bkr529_and_the_file_says_what_to_do(tmp_path, builds, said, kept):
    """BKRCATLG built `ON *` (one SUBCONFIG for every member), or from two SUBCONFIGs on
    one member: no `subconfig` statement can name that instance's. The file is written,
    the other machines' names kept, and the comment above the members names the instance
    and says what the directory needs; BKR529 stays for BKRCATLG alone, printed, exit 1."""
    catalog = hand_machine("BKRCATLG", ("BKRCAT-1", "BKRCAT-2")[: 1 if len(builds) == 1 else 2], 110, builds)
    direct = hand_direct(tmp_path, catalog)
    path = tmp_path / "hand.bkr"
    out = run_cli(["init", path, "--cluster", "HANDSSI", "--directory", direct, "--format", "short"], expect=1).output
    assert re.findall(r"error (BKR\d+): IDENTITY `(\w+)`", out) == [("BKR529", "BKRCATLG")]
    written = path.read_text(encoding="utf-8")
    assert "    subconfig BKRBKUP BKRBKU-2" in statements(written)
    # VMSYS1's BKRCAT-1, built by its own BUILD statement, is kept (two-builds); no other.
    assert [line.strip() for line in statements(written) if "subconfig BKRCATLG" in line] == kept
    text = comments(written)
    assert f"No `subconfig` statement can keep these, as no one SUBCONFIG is that instance's alone: {said}." in text
    assert "give each instance a SUBCONFIG of its own in HAND.DIRECT" in text
    found = run_cli(["check", path, "--directory", direct, "--format", "short"], expect=1).output
    assert re.findall(r"error (BKR\d+): IDENTITY `(\w+)`", found) == [("BKR529", "BKRCATLG")]
    run_cli(["fmt", "--check", path], expect=0)



@pytest.mark.parametrize("builds", [None, [" BUILD ON * USING SUBCONFIG BKRCAT-1"]], ids=["clean", "build-on-star"])
def test_h4_83_the_comment_names_the_machines_warnings_with_bkr529_too(tmp_path, builds):
    """The file written with BKR529 (BKRCATLG built `ON *`, which no `subconfig`
    statement can name: stop 82's J2) said nothing of the directory's other warnings of
    the product machines' entries, BKR526 here (AUTOONLY), which `bkrc check --directory`
    prints below it: `bkrc init` looked for them only in a file with no error. The
    comment above the `disk` statements now names them as for a file that checks clean."""
    catalog = hand_machine("BKRCATLG", ("BKRCAT-1",), 110, builds) if builds else None
    direct = hand_direct(tmp_path, catalog)
    path = tmp_path / "hand.bkr"
    run_cli(["init", path, "--cluster", "HANDSSI", "--directory", direct], expect=1 if builds else 0)
    text = comments(path.read_text(encoding="utf-8"))
    assert (
        "`bkrc check --directory HAND.DIRECT` gives 1 warning here (BKR526), which this file cannot avoid:"
        " deploying the compiled entries changes who may log on to some of these machines, or what CP lets"
        " them do (BKR526)."
    ) in text
    found = run_cli(["check", path, "--directory", direct, "--format", "short"], expect=1 if builds else 0).output
    assert re.findall(r"(?:error|warning) (BKR52[469])", found) == [*(["BKR529"] if builds else []), "BKR526"]
    run_cli(["fmt", "--check", path], expect=0)


def test_h1_81_without_links_the_site_s_machines_stay_in_the_groups_and_the_file_says_why(tmp_path):
    """Nothing links the installation user's disks (stop 80's directory as written): no
    entry is taken for a Backup Manager machine by its looks, so each stays in its group,
    backed up as the site's own, and a comment says that the file names IBM's machines
    and how to declare the site's."""
    direct = tmp_path / "NBSSI.DIRECT"
    direct.write_text(NBSSI_DIRECT.read_text(encoding="utf-8").replace(NB_LINK, ""))
    path = tmp_path / "nbssi.bkr"
    run_cli(["init", path, "--cluster", "NBSSI", "--directory", direct], expect=0)
    text = path.read_text(encoding="utf-8")
    assert "import std/backup-manager" in statements(text)
    listed = {u for _, ids in nb_groups(path, direct).values() for u in ids}
    assert set(NB_MACHINES) <= listed
    assert (
        "NBSSI.DIRECT has 5697J06C, Backup Manager's installation user, but none of its machines under IBM's"
        " names (BKRBKUP, BKRCATLG) and no entry of the site's own that links a disk of 5697J06C: this file"
        " names IBM's machines." in comments(text)
    )
    assert checked(path, direct) == ["BKR524"]  # NBCATSFS's IPL, as before


def test_h1_81_of_two_installation_users_none_links_the_file_names_the_latest(tmp_path):
    """Two installation users (5697J06B beside 5697J06C, an upgrade's) and no machine
    linking either: the comment names the latest release's, 5697J06C, as the code's
    comment says (it named the first in order, 5697J06B; final read of stop 81)."""
    direct = tmp_path / "NBSSI.DIRECT"
    old = "USER 5697J06B LBYONLY 64M 128M G\n INCLUDE IBMDFLT\n MDISK 0191 3390 0460 0010 NBCOM1 MR\n*\n"
    text = NBSSI_DIRECT.read_text(encoding="utf-8").replace(NB_LINK, "")
    direct.write_text(text.replace("USER 5697J06C LBYONLY", old + "USER 5697J06C LBYONLY", 1))
    path = tmp_path / "nbssi.bkr"
    run_cli(["init", path, "--cluster", "NBSSI", "--directory", direct], expect=0)
    said = comments(path.read_text(encoding="utf-8"))
    assert "NBSSI.DIRECT has 5697J06C, Backup Manager's installation user, but none of its machines" in said, said


@pytest.mark.parametrize(
    ("change", "unsure", "declared"),
    [
        # A third IDENTITY that links them: which two are the servers? None is declared.
        (("SUBCONFIG NBMON-1\n", " LINK 5697J06C 05E5 05E5 RR\n"), "NBBKADM NBBKCAT NBBKSRV NBMON NBWRK01 NBWRK02", False),
        # A second USER that links them: the servers and workers declared, the USERs kept.
        (("USER CICSTST XYZZY123 512M 1G G\n INCLUDE IBMDFLT\n", " LINK 5697J06C 05E5 05E5 RR\n"), "CICSTST NBBKADM", True),
        # An ID the worker pattern names besides the workers: not taken for one.
        (("* the catalog's SFS file pool server\n", "USER NBWRKTST XYZZY123 64M 128M G\n MDISK 0191 3390 0900 0005 NBCOM1 MR\n*\n"), "NBBKADM NBBKCAT NBBKSRV NBWRK01 NBWRK02", False),
    ],
    ids=["third-server", "second-user", "pattern-names-another"],
)
def test_h1_81_a_machine_bkrc_cannot_give_a_role_stays_in_its_group_and_is_named(tmp_path, change, unsure, declared):
    """Where a linking machine fits no role, or the roles cannot all be told, the machines
    in doubt stay in the groups (backed up as the site's own, never dropped unawares) and
    a comment names them and says how to declare them."""
    after, added = change
    text = NBSSI_DIRECT.read_text(encoding="utf-8")
    at = text.index(after) + len(after)
    direct = tmp_path / "NBSSI.DIRECT"
    direct.write_text(text[:at] + added + text[at:])
    path = tmp_path / "nbssi.bkr"
    run_cli(["init", path, "--cluster", "NBSSI", "--directory", direct], expect=0)
    written = path.read_text(encoding="utf-8")
    lines = statements(written)
    assert ("import std/backup-manager" not in lines) is declared
    assert ("identity user NBBKSRV role backup-server" in lines) is declared
    listed = {u for _, ids in nb_groups(path, direct).values() for u in ids}
    assert set(unsure.split()) <= listed
    said = comments(written)
    assert f"{unsure} link a disk of 5697J06C, Backup Manager's installation user, as its machines do" in said
    assert ("in place of `import std/backup-manager`" in said) is not declared
    run_cli(["check", path], expect=0)


def test_h1_81_a_link_every_user_has_through_the_profile_makes_nobody_a_product_machine(tmp_path):
    """A PROFILE every entry INCLUDEs may link the installation user's disk for the
    product's end-user commands (restoring one's own files): that link proves nothing of a
    machine, and the site's users stay in their groups; its machines, by their own links,
    are declared as before."""
    text = NBSSI_DIRECT.read_text(encoding="utf-8")
    at = text.index(" LINK MAINT 019E 019E RR\n") + len(" LINK MAINT 019E 019E RR\n")
    direct = tmp_path / "NBSSI.DIRECT"
    direct.write_text(text[:at] + NB_LINK + text[at:])
    path = tmp_path / "nbssi.bkr"
    run_cli(["init", path, "--cluster", "NBSSI", "--directory", direct], expect=0)
    written = nb_groups(path, direct)
    assert written["APPS"][1] == ("CICSTST", "LXDB01", "LXPAY01", "LXPAY02", "LXWEB01", "LXWEB02")
    assert written["SYSIDS"][1] == ("NBAUDIT", "NBMON", "NBPRTSV", "NBSCHED")
    assert "identity user NBWRK* role worker" in statements(path.read_text(encoding="utf-8"))


def test_h1_81_init_md_shows_the_declarations_bkrc_init_writes_for_nordbank(tmp_path, monkeypatch):
    """docs/init.md's excerpt, "Backup Manager's machines under the site's own names", is
    what the command it gives writes for tests/cms/clusters/nbssi.direct, with the groups
    and the warnings it names; the assumed ID is the code's one constant, as that page
    and compatibility.md give it."""
    from bkrdsl.starter import BACKUP_MANAGER_OWNER

    page = (ROOT / "docs" / "init.md").read_text(encoding="utf-8")
    # The next section's heading, not "\n## ": the excerpt's own comments start so.
    section = page.split("\n## Backup Manager's machines under the site's own names\n", 1)[1]
    section = section.split("\n## Names it cannot use\n", 1)[0]
    (shown,) = re.findall(r"```text\n(.*?)```", section, re.DOTALL)
    command = re.search(r"`(bkrc init nbssi\.bkr [^`]*)`", section.replace("\n", " ")).group(1)
    # Typed in the clone's root, as the page says (stop 82, h7: it gave `--directory
    # nbssi.direct`, a file no folder of the clone holds beside a free nbssi.bkr).
    assert "typed in the clone's root" in " ".join(section.split())
    (tmp_path / NBSSI_DIRECT.relative_to(ROOT)).parent.mkdir(parents=True)
    (tmp_path / NBSSI_DIRECT.relative_to(ROOT)).write_bytes(NBSSI_DIRECT.read_bytes())
    monkeypatch.chdir(tmp_path)
    result = run_cli(shlex.split(command)[1:], expect=0)
    written = (tmp_path / "nbssi.bkr").read_text(encoding="utf-8")
    assert shown in written
    check = re.search(r"`(bkrc check nbssi\.bkr [^`]*)` then prints two warnings", " ".join(section.split())).group(1)
    checked = run_cli([*shlex.split(check)[1:], "--format", "short"], expect=0)
    # stop 83: the machines' LINKs are `link` statements, kept: NBCATSFS's two warnings are left
    assert sorted(re.findall(r" warning (BKR\d+):", checked.output)) == ["BKR524", "BKR526"]
    flat = " ".join(section.split())
    for group in re.findall(r"`((?:single|identity) group [^`]*)`", flat):
        assert f"  {group}\n" in written, group
    found = re.findall(r"^warning\[(BKR\d+)\]", result.stderr, re.MULTILINE)
    assert sorted(found) == ["BKR524", "BKR526"] and "two warnings" in flat
    for link in ("NBBKSRV", "NBBKCAT", "NBWRK*", "NBBKADM"):
        assert f"`link {link} 5697J06C 05E5 RR`" in flat or f"  link {link} 5697J06C 05E5 RR\n" in written
    assert f"`{BACKUP_MANAGER_OWNER}` matches" in flat
    compatibility = (ROOT / "docs" / "compatibility.md").read_text(encoding="utf-8")
    assert f"whose ID `{BACKUP_MANAGER_OWNER}` matches" in " ".join(compatibility.split())


def test_h1_81_a_worker_some_members_do_not_build_is_still_a_worker(tmp_path):
    """Workers may be built on some members only (a member with fewer, `workers 1`): the
    numbered IDENTITYs that link the installation user's disks are the workers wherever
    they are built, each member's count the first ones built there; not machines in doubt."""
    text = NBSSI_DIRECT.read_text(encoding="utf-8")
    text = text.replace(" BUILD ON NBPRDC USING SUBCONFIG NBWR02-3\n", "")
    text = text.replace("SUBCONFIG NBWR02-3\n MDISK 0191 3390 0325 0005 NCPRV1 MR\n", "")
    direct = tmp_path / "NBSSI.DIRECT"
    direct.write_text(text)
    path = tmp_path / "nbssi.bkr"
    run_cli(["init", path, "--cluster", "NBSSI", "--directory", direct], expect=0)
    written = path.read_text(encoding="utf-8")
    lines = statements(written)
    assert "identity user NBWRK* role worker" in lines
    assert "  member NBPRDC { workers 1  private-volume NCPRV1 }" in lines
    assert "cannot tell" not in comments(written)
    listed = {u for _, ids in nb_groups(path, direct).values() for u in ids}
    assert not listed & set(NB_MACHINES)
    run_cli(["check", path], expect=0)
