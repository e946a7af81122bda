"""The SSI checker's rules, as data: tests/data/rules/*.bkr.

Every `CODE.fail*.bkr` marks each offending line with `# expect: CODE`; every
`CODE.pass*.bkr` is `# expect-none` and must check without any diagnostic.
A file reports exactly what it expects: no more, no less.
"""

from __future__ import annotations

import ast
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from test_rules_support import (
    CASE_NAME,
    RULES_DIR,
    cases,
    expected,
    expects_none,
    found,
    run,
)

from bkrdsl.check import docs
from bkrdsl.diagnostics.registry import load_all
from bkrdsl.diagnostics.render import render_text
from bkrdsl.fmt import format_text
from bkrdsl.pipeline import analyse

#: The checker's own codes: structure (BKR11x), SSI rules (BKR2xx), names and
#: values (BKR3xx), coverage and schedules (BKR4xx).
CHECKER_CODES = sorted(c for c, e in load_all().items() if "BKR110" <= c <= "BKR499" and not e.retired)
#: Codes no longer reported, each pointing at the code that reports the mistake now.
RETIRED = sorted(c for c, e in load_all().items() if e.retired)

BROKEN = ROOT / "examples" / "broken"


def _shown(analysis) -> str:
    return render_text(analysis.diagnostics, analysis.sources) or "(no diagnostics)\n"


@pytest.mark.parametrize("path", cases(), ids=lambda p: p.name)
def test_case_reports_exactly_what_it_expects(path: Path):
    analysis = run(path)
    want, got = expected(path), found(path, analysis)
    if expects_none(path):
        assert not want, "an `# expect-none` file must not also hold `# expect:` comments"
        assert got == Counter(), _shown(analysis)
    else:
        assert want, f"{path.name} holds neither `# expect: CODE` nor `# expect-none`"
        assert got == want, f"expected {sorted(want.items())}\n" + _shown(analysis)


@pytest.mark.parametrize("path", cases(), ids=lambda p: p.name)
def test_case_file_names_its_rule(path: Path):
    m = CASE_NAME.match(path.name)
    if m is None:
        assert path.name == "twenty-mistakes.bkr", (
            f"{path.name}: name cases CODE.fail[-x].bkr or CODE.pass[-x].bkr"
        )
        return
    code, kind = m.groups()
    assert code in load_all(), f"{path.name}: {code} is not a registered code"
    if kind == "fail":
        assert any(c == code for _, c in expected(path)), f"{path.name} never expects {code}"
    else:
        assert expects_none(path)


@pytest.mark.parametrize("code", CHECKER_CODES)
def test_every_rule_has_a_failing_and_a_passing_case(code: str):
    names = [p.name for p in RULES_DIR.glob(f"{code}.*.bkr")]
    assert any(n.startswith(f"{code}.fail") for n in names), f"no failing case for {code}"
    assert any(n.startswith(f"{code}.pass") for n in names), f"no passing case for {code}"


#: Passing cases whose point is a spelling `bkrc fmt` rewrites: lower-case hex
#: digits in an address range (BKR310), a size unit in capitals (BKR317).
SPELLING_CASES = {"BKR310.pass.bkr", "BKR317.pass.bkr"}


@pytest.mark.parametrize("path", [p for p in cases() if expects_none(p)], ids=lambda p: p.name)
def test_passing_case_is_in_canonical_layout(path: Path):
    """A passing case reads as `bkrc fmt` writes it (docs/fmt.md), as the examples
    do, unless what it shows is a spelling the formatter changes."""
    text = path.read_text(encoding="utf-8")
    if path.name in SPELLING_CASES:
        assert format_text(text, path.name) != text, f"{path.name} is canonical now: drop it from SPELLING_CASES"
    else:
        assert format_text(text, path.name) == text, f"run `bkrc fmt {path.relative_to(ROOT)}`"


def test_twenty_independent_mistakes_give_twenty_diagnostics():
    path = RULES_DIR / "twenty-mistakes.bkr"
    analysis = run(path)
    assert len(analysis.diagnostics) == 20, _shown(analysis)
    assert sum(expected(path).values()) == 20
    # Twenty different rules, each on its own line: one pass finds them all.
    assert len({d.code for d in analysis.diagnostics}) == 20


PRODSSI_TEXT = (ROOT / "examples" / "prodssi.bkr").read_text(encoding="utf-8")
PRODSSI_MEMBERS = "the members are VMSYS1, VMSYS2, VMSYS3, VMSYS4"


@pytest.mark.parametrize(
    "old,new,help",
    [
        # A name close to a member: the fix writes it, and the help lists the members too.
        ("run on VMSYS2 weekly", "run on VMSYZ2 weekly", f"did you mean `VMSYS2`? {PRODSSI_MEMBERS}"),
        ("catalog-node TCTMM on VMSYS1", "catalog-node TCTMM on VMSYX1", f"did you mean `VMSYS1`? {PRODSSI_MEMBERS}"),
        (
            "expire on VMSYS1",
            "expire on PROD1",
            ("`PROD1` is no member of the cluster: if it was retired, each statement that names it needs one of"
            " the members (VMSYS1, VMSYS2, VMSYS3, VMSYS4):\n  `expire on`: the purging member (EXPIRE runs there"
            " only)\nif it is a new member, declare it with `member PROD1 { ... }`"),
        ),
        # An IDENTITY job's `run on`: `each member` backs up every member's instances.
        (
            "run on each member daily 03:30",
            "run on VMSYX1 daily 03:30",
            (
                "did you mean `VMSYS1`? job `SYSIN` backs up IDENTITY users: `run on each member` backs up"
                f" their instances on every member (one job per member); {PRODSSI_MEMBERS}"
            ),
        ),
    ],
    ids=["run-on-close", "catalog-node-close", "expire-on-far", "identity-job"],
)
def test_an_unknown_member_s_help_lists_the_members(old, new, help):
    """BKR330, wherever a member is named: "did you mean" when one is close, and the
    cluster's members always (`bkrc show --member` and `bkrc init` word it the same)."""
    assert old in PRODSSI_TEXT
    analysis = analyse("prodssi.bkr", PRODSSI_TEXT.replace(old, new).encode())
    (unknown,) = [d for d in analysis.diagnostics if d.code == "BKR330"]
    assert unknown.help == help
    assert (unknown.fix is not None) == help.startswith("did you mean")


@pytest.mark.parametrize(
    "old,new,codes",
    [
        # the A-disk written at an address the machine's own LINK takes: BKR250 names
        # 0191; no BKR253 too, whose fix added a second disk beside the mistyped one
        ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 190 size 10 cyl", ["BKR250"]),
        # the catalog's server given z/VM's own ID: no BKR253 whose fix wrote `disk TCPIP 191`,
        # and BKR208 alone for the ID (not BKR202 too for the library's kind of it)
        ("server BKRSVSFS pool", "server TCPIP pool", ["BKR208", "BKR332"]),
        # the A-disk's user made no user ID (a comment's `#` without a blank before it:
        # BKR301) or a pattern matching no machine (BKR332): that `disk` statement is the
        # machine's 191, mistyped; no BKR253 too, reported at the `cluster` line
        ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP#x 191 size 10 cyl", ["BKR301"]),
        ("disk BKRSVSFS 191 size", "disk BKRSVSFS#x 191 size", ["BKR301"]),
        ("disk BKRADMIN 191 size 10 cyl", "disk BKRADMINX 191 size 10 cyl", ["BKR301"]),
        ("disk BKRWRK* 191 size 5 cyl", "disk BKRWRK*#x 191 size 5 cyl", ["BKR332"]),
        # ... but a `disk` like none of the machines is not the missing A-disk: both stay
        ("disk BKRBKUP 191 size 10 cyl", "disk QQQQQQQQQ 191 size 10 cyl", ["BKR253", "BKR301"]),
        ("disk BKRWRK* 191 size 5 cyl", "disk QQ* 191 size 5 cyl", ["BKR253", "BKR332"]),
        # ... nor a `disk` at another address: the A-disk is still missing
        ("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP#x 192 size 10 cyl", ["BKR253", "BKR301"]),
    ],
    ids=[
        "a-disk-at-0190",
        "server-with-zvm-id",
        "a-disk-user-with-comment",
        "sfs-server-a-disk-user-with-comment",
        "a-disk-user-too-long",
        "a-disk-pattern-with-comment",
        "a-disk-user-like-no-machine",
        "a-disk-pattern-like-no-machine",
        "another-disk-user-with-comment",
    ],
)
def test_a_mistake_about_a_machine_s_a_disk_is_not_reported_twice(old, new, codes):
    assert old in PRODSSI_TEXT
    analysis = analyse("prodssi.bkr", PRODSSI_TEXT.replace(old, new).encode())
    assert [d.code for d in analysis.diagnostics] == codes


def test_a_disk_for_a_guest_says_to_drop_it():
    """BKR332 for a user the cluster declares (a group's guest): not only the list of
    the product's machines, but what to do and why."""
    old = "disk BKRBKUP 191 size 10 cyl"
    text = PRODSSI_TEXT.replace(old, old + "\n  disk LNXWEB01 191 size 10 cyl")
    (found,) = analyse("prodssi.bkr", text.encode()).diagnostics
    assert found.code == "BKR332"
    assert found.help.startswith(
        "drop the `disk` statement: LNXWEB01's minidisks are defined in the site's own directory;"
        " `disk` is for the machines bkrc writes directory entries for (5697J06C, BKRADMIN,"
    )


@pytest.mark.parametrize(
    "owner,help",
    [
        # backed up by other jobs: named, and the group to add it to named too
        ("LNXWEB01", "move the line to job `LNXFULL` or `LNXINC`, which back LNXWEB01 up, or add LNXWEB01 to `APPS`"),
        # an IDENTITY user in a job of single users: adding it to APPS would be BKR203
        ("TCPIP", "move the line to job `SYSIN` or `SYSME`, which back TCPIP up"),
        ("ZZTOP", "add ZZTOP to `APPS`, or move the line to the job that backs it up"),
    ],
)
def test_an_owner_not_backed_up_by_the_job_is_sent_where_it_is(owner, help):
    """BKR406: the jobs and the group by name, not "the job's group" and "the job that backs it up"."""
    old = "    include minidisk * 0191-01FF"
    text = PRODSSI_TEXT.replace(old, f"    include minidisk {owner} 0191-01FF")
    (found,) = [d for d in analyse("prodssi.bkr", text.encode()).diagnostics if d.code == "BKR406"]
    assert found.help == help


def test_a_second_preview_is_told_where_it_goes():
    """BKR115 in an expiry block: a second preview goes in a block of its own for the member."""
    text = PRODSSI_TEXT.replace("preview daily 01:00", "preview daily 01:00\n    preview weekly sun 05:00")
    (found,) = analyse("prodssi.bkr", text.encode()).diagnostics
    assert found.code == "BKR115"
    assert found.help == (
        "keep one `preview` schedule; a second preview goes in an `expire` block of its own:"
        " `expire on VMSYS1 { preview ... }`"
    )


#: examples/minimal.bkr: two members, a disk pool, no Tape Manager.
MINIMAL_TEXT = (ROOT / "examples" / "minimal.bkr").read_text(encoding="utf-8")
#: prodssi's shared Tape Manager statement (two lines).
PRODSSI_TAPE = (
    "  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n"
    "                      catalog-dmm TCDMM request-dmm TRDMM\n"
)
_WHEN = "then when it starts: `daily` and the time your site picks (`daily HH:MM`), or `manual` to submit it by hand"


#: BKR230's other way out (stop 77, h2): prodssi's tape jobs written to its disk pool.
_TO_DISK = (
    "; or write `to disk pool BKUPPOOL` (the other jobs' pool) for `to tape` in jobs `LNXFULL`, `SYSIN`"
    " and `SYSME`"
)


@pytest.mark.parametrize(
    "text,old,new,code,help",
    [
        # BKR241: the count the other members run, not `workers N`; the member's own name
        (
            PRODSSI_TEXT,
            "member VMSYS3 { workers 2  private-volume",
            "member VMSYS3 { private-volume",
            "BKR241",
            (
                "add `workers 4` to the member block, as `VMSYS1` and `VMSYS2` have,"
                " or as many worker machines as `VMSYS3` should run (1-64)"
            ),
        ),
        (
            PRODSSI_TEXT,
            "member VMSYS3 { workers 2  private-volume",
            "member VMSYS3 { workers 0  private-volume",
            "BKR241",
            (
                "write `workers 4` in place of `workers 0`, as `VMSYS1` and `VMSYS2` have,"
                " or as many worker machines as `VMSYS3` should run (1-64)"
            ),
        ),
        (
            MINIMAL_TEXT,
            "member DEV2 { workers 2  private-volume",
            "member DEV2 { private-volume",
            "BKR241",
            "add `workers 2` to the member block, as `DEV1` has, or as many worker machines as `DEV2` should run (1-64)",
        ),
        (
            MINIMAL_TEXT.replace("member DEV1 { workers 2 ", "member DEV1 { "),
            "member DEV2 { workers 2  private-volume",
            "member DEV2 { private-volume",
            "BKR241",  # no member runs workers: DEV1 first
            "add `workers 1` to the member block, or as many worker machines as `DEV1` should run (1-64)",
        ),
        # BKR113: the targets the other jobs write to, by name
        (
            PRODSSI_TEXT,
            "    to disk pool BKUPPOOL\n    run on VMSYS2 daily 23:30",
            "    run on VMSYS2 daily 23:30",
            "BKR113",
            "add `to tape` (like `LNXFULL`, `SYSIN` and `SYSME`) or `to disk pool BKUPPOOL` (like `APPSFULL`)",
        ),
        # ... and `to tape` said needing a shared Tape Manager where the cluster has none
        (
            MINIMAL_TEXT,
            "    to disk pool BKUPPOOL\n    run on DEV1",
            "    run on DEV1",
            "BKR113",
            "add `to disk pool BKUPPOOL` (like `SYSFU`) or `to tape`, which needs a `tape manager shared` statement",
        ),
        # BKR114: a single job on the member another job of its users runs on
        (
            PRODSSI_TEXT,
            "    run on VMSYS2 daily 23:30\n",
            "",
            "BKR114",
            f"add `run on VMSYS2`, where `LNXFULL` backs up `LINUX`, {_WHEN}",
        ),
        # ... else the members to choose from
        (
            PRODSSI_TEXT,
            "    run on VMSYS1 daily 02:00\n",
            "",
            "BKR114",
            (
                "add `run on` and the one member that always runs it (`VMSYS1`, `VMSYS2`, `VMSYS3` or `VMSYS4`),"
                f" {_WHEN}"
            ),
        ),
        # an IDENTITY job runs on each member
        (
            PRODSSI_TEXT,
            "    run on each member daily 03:30\n",
            "",
            "BKR114",
            f"add `run on each member` (IDENTITY users are backed up on every member), {_WHEN}",
        ),
        # BKR230: the statement written out, on the shared catalog's member, with the
        # machines the file's `disk` statements name (were called IBM's example IDs, the
        # DMMs left out)
        (
            PRODSSI_TEXT,
            PRODSSI_TAPE,
            "",
            "BKR230",
            (
                "declare `tape manager shared`, with `catalog-node TCTMM on VMSYS1`, `request-node TRTMM`,"
                " `catalog-dmm TCDMM` and `request-dmm TRDMM`" + _TO_DISK
            ),
        ),
        # the site's own names on the disks: their roles cannot be told, so named with `if`
        (
            PRODSSI_TEXT.replace("TCTMM", "TMCAT").replace("TRTMM", "TMREQ").replace("TCDMM", "TMCDMM")
            .replace("TRDMM", "TMRDMM"),
            PRODSSI_TAPE.replace("TCTMM", "TMCAT").replace("TRTMM", "TMREQ").replace("TCDMM", "TMCDMM")
            .replace("TRDMM", "TMRDMM"),
            "",
            "BKR230",
            (
                "declare `tape manager shared`, with `catalog-node TCTMM on VMSYS1` and `request-node TRTMM`"
                " (TCTMM and TRTMM are IBM's example IDs: write your site's Tape Manager machines; the `disk`"
                " statements name `TMCAT`, `TMREQ`, `TMCDMM` and `TMRDMM`, no machine of the cluster: if they are"
                " Tape Manager machines, write them there)" + _TO_DISK
            ),
        ),
        (
            PRODSSI_TEXT.replace("BKRPOOL on VMSYS1", "BKRPOOL on VMSYS2"),
            PRODSSI_TAPE,
            "  tape manager local\n",
            "BKR230",
            (
                "write `tape manager shared` in place of `tape manager local`, with `catalog-node TCTMM on VMSYS2`,"
                " `request-node TRTMM`, `catalog-dmm TCDMM` and `request-dmm TRDMM`" + _TO_DISK
            ),
        ),
        # the machines a local statement names are kept
        (
            PRODSSI_TEXT,
            PRODSSI_TAPE,
            "  tape manager local catalog-node TAPECAT on VMSYS3 request-node TAPEREQ\n",
            "BKR230",
            (
                "write `tape manager shared` in place of `tape manager local`, with `catalog-node TAPECAT on VMSYS3`"
                " and `request-node TAPEREQ`" + _TO_DISK
            ),
        ),
    ],
    ids=[
        "241-no-workers",
        "241-workers-0",
        "241-one-other-member",
        "241-no-member-with-workers",
        "113-other-jobs-targets",
        "113-tape-not-shared",
        "114-single-member-of-its-users",
        "114-single-members-to-choose",
        "114-identity",
        "230-none",
        "230-none-site-names",
        "230-local",
        "230-local-with-machines",
    ],
)
def test_a_help_writes_the_file_s_own_names(text, old, new, code, help):
    """The helps of BKR241, BKR113, BKR114 and BKR230 write what the file knows (the
    other members' workers, the other jobs' targets and member, the catalog's member)
    and say in words what is the site's choice: no `workers N`, `pool NAME`,
    `run on MEMBER daily HH:MM` or `catalog-node NAME on MEMBER`."""
    assert old in text
    analysis = analyse("slip.bkr", text.replace(old, new).encode())
    found = [d for d in analysis.diagnostics if d.code == code]
    assert found, _shown(analysis)
    assert found[0].help == help


def test_bkr113_s_help_names_three_targets_at_most():
    """Jobs that write to many pools: the help names the first three, one short line."""
    job = "    to disk pool BKUPPOOL\n    run on DEV1 daily 01:00\n  }\n"
    more = "".join(
        f"  job MORE{n} {{\n    backup GUESTS full\n    include minidisk * *\n"
        f"    to disk pool POOL{n}\n    run on DEV1 daily 0{n + 3}:00\n  }}\n"
        for n in range(5)
    )
    text = MINIMAL_TEXT.replace(job, "    run on DEV1 daily 01:00\n  }\n" + more)
    (found,) = [d for d in analyse("slip.bkr", text.encode()).diagnostics if d.code == "BKR113"]
    assert found.help == (
        "add `to disk pool POOL0` (like `MORE0`), `to disk pool POOL1` (like `MORE1`),"
        " `to disk pool POOL2` (like `MORE2`) or `to tape`, which needs a `tape manager shared` statement"
    )


def test_show_and_init_word_an_unknown_member_as_the_checker_does(at_root, tmp_path):
    """One wording (`check.common.unknown_member_help`) for a member named on the command line."""
    shown = run_cli(["show", "examples/prodssi.bkr", "--member", "VMSY2"], expect=1).stderr
    assert f"= help: did you mean `VMSYS2`? {PRODSSI_MEMBERS}\n" in shown
    args = ["--cluster", "P", "--member", "VMSYS1", "--member", "PROD2", "--catalog-member", "VMSYS9"]
    written = run_cli(["init", str(tmp_path / "new.bkr"), *args], expect=1).stderr
    assert "= help: did you mean `VMSYS1`? the members are VMSYS1, PROD2\n" in written
    # Where "did you mean" names every member, they are not listed again.
    args = ["--cluster", "P", "--member", "VMSYS1", "--member", "VMSYS2", "--purging-member", "VMSYS9"]
    written = run_cli(["init", str(tmp_path / "new.bkr"), *args], expect=1).stderr
    assert "= help: did you mean `VMSYS1` or `VMSYS2`?\n" in written


CLEAN = (RULES_DIR / "BKR110.pass.bkr").read_text(encoding="utf-8")
LONG = "A" * 100_000


@pytest.mark.parametrize(
    "old,new,code",
    [
        ("single group GUESTS { LINUX01 }", f"single group GUESTS {{ LINUX01 {LONG} }}", "BKR301"),
        ("member VM1 { workers 2 }", f"member VM1 {{ workers 2  private-volume {LONG} }}", "BKR305"),
        ("job GUESTFUL {", f"job {LONG} {{", "BKR303"),
        ("pool BKRPOOL", f"pool {LONG}", "BKR306"),
        ("daily 01:00", f"daily {LONG}", "BKR313"),
        ("include minidisk * *", f"include minidisk * {LONG}", "BKR310"),
        ("match", "match", None),  # the clean file itself
    ],
    ids=["user", "volume", "job", "pool", "time", "address", "clean"],
)
def test_a_huge_name_is_one_short_diagnostic(old, new, code):
    text = CLEAN.replace(old, new) if code else CLEAN
    analysis = analyse("long.bkr", text.encode())
    if code is None:
        assert analysis.diagnostics == []
        return
    assert [d.code for d in analysis.diagnostics] == [code]
    message = analysis.diagnostics[0].message
    assert len(message) < 120 and "AAAAAAAAAAAAAAAAAAAA..." in message
    rendered = _shown(analysis)
    assert max(len(line) for line in rendered.splitlines()) < 200


def test_a_pattern_matching_thousands_of_users_is_one_diagnostic():
    ids = " ".join(f"LNX{n:05d}" for n in range(10_000))
    text = CLEAN.replace(
        "single group GUESTS { LINUX01 }",
        f"single group GUESTS {{ LINUX01 }}\n  identity group LNXMON {{ {ids} }}\n"
        "  single group LNXALL { match LNX* }",
    ).replace("backup GUESTS full", "backup GUESTS, LNXALL full")
    text = text.replace(
        "}\n}",
        "}\n  job MONFULL { backup LNXMON full  include minidisk * *  to disk  run on each member daily 03:00 }\n}",
    )
    analysis = analyse("many.bkr", text.encode())
    assert [d.code for d in analysis.diagnostics] == ["BKR204"], _shown(analysis)
    d = analysis.diagnostics[0]
    assert "10,000 identity users" in d.message and "and 9,996 more" in d.message
    assert len(d.related) == 3


def test_a_user_statements_pattern_is_named_so_in_bkr204():
    # A pattern's origin is "group NAME" or "user": "in user (single)" said nothing.
    text = CLEAN.replace(
        "cluster ONE", "single user LNX*\nidentity group LNXMON { match LNXM* }\ncluster ONE"
    ).replace(
        "}\n}",
        "}\n  job MONFULL { backup LNXMON full  include minidisk * *  to disk  run on each member daily 03:00 }\n}",
    )
    analysis = analyse("user-pattern.bkr", text.encode())
    assert [d.code for d in analysis.diagnostics] == ["BKR204"], _shown(analysis)
    assert analysis.diagnostics[0].message.startswith(
        "pattern `LNX*` in a `user` statement (single) and pattern `LNXM*` (identity)"
    ), _shown(analysis)


def test_a_worker_as_catalog_server_points_at_the_workers_pattern():
    # BKR217 shows the declaration it conflicts with: for a worker, the pattern given
    # `role worker` (there is no declaration of the ID itself).
    text = CLEAN.replace("server BKRSVSFS", "server BKRWRK01")
    analysis = analyse("worker-server.bkr", text.encode())
    assert [d.code for d in analysis.diagnostics] == ["BKR217"], _shown(analysis)
    (related,) = analysis.diagnostics[0].related
    assert related.label == "`BKRWRK*` declared `role worker` here"
    assert related.span.file.endswith("backup-manager.bkr") and related.span.line == 24


# ------------------------------------------------------------------ docs/rules
def test_docs_rules_match_the_registry():
    problems = docs.drift(docs.DEFAULT_DIR)
    assert problems == [], "run `python -m bkrdsl.check.docs`:\n" + "\n".join(problems)


def test_docs_check_mode_reports_drift(tmp_path, capsys):
    assert docs.main(["--dir", str(tmp_path)]) == 0
    assert docs.main(["--check", "--dir", str(tmp_path)]) == 0
    page = tmp_path / "BKR220.md"
    page.write_text(page.read_text() + "edited by hand\n")
    (tmp_path / "BKR999.md").write_text("stale\n")
    assert docs.main(["--check", "--dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "out of date: BKR220.md" in out and "no such code: BKR999.md" in out


def test_every_code_has_a_page_with_its_explanation():
    pages = docs.pages()
    for code, entry in load_all().items():
        page = pages[f"{code}.md"]
        assert f"# {code}: {entry.name}" in page
        assert entry.summary in page
        assert f"[{code}]({code}.md)" in pages["README.md"]


@pytest.mark.parametrize("code", RETIRED)
def test_a_retired_code_points_at_a_live_one_and_has_no_case(code: str):
    replacement = load_all()[load_all()[code].retired]
    assert not replacement.retired
    assert not list(RULES_DIR.glob(f"{code}.*.bkr")), f"{code} is retired: its cases belong to {replacement.code}"
    assert f"Retired: no longer reported; see [{replacement.code}]" in docs.pages()[f"{code}.md"]
    assert "Retired: bkrc no longer reports" in run_cli(["explain", code], expect=0).output


def test_explanations_are_long_with_example_and_fix():
    for code in CHECKER_CODES:
        text = load_all()[code].explanation
        assert len(text) > 200, code
        assert "Failing example" in text, code
        assert "Fix:" in text, code


def test_rules_and_explain_commands_list_the_checker_codes():
    listing = run_cli(["rules"], expect=0).output
    for code in CHECKER_CODES:
        assert code in listing
    out = run_cli(["explain", "bkr220"], expect=0).output
    assert out.startswith("BKR220 (single-job-on-several-members, error)")
    assert "run on each member" in out


# ------------------------------------------------------------------ examples
def test_broken_example_output_matches_expected(request, monkeypatch):
    """`bkrc check examples/broken/prodssi.bkr` prints examples/broken/EXPECTED.txt, which
    README.md shows. `pytest --snapshot-update` rewrites both after a deliberate change."""
    monkeypatch.chdir(ROOT)
    result = run_cli(["check", "--color", "never", "examples/broken/prodssi.bkr"], expect=1)
    expected_file = BROKEN / "EXPECTED.txt"
    readme = BROKEN / "README.md"
    if request.config.option.update_snapshots:
        expected_file.write_text(result.output, encoding="utf-8")
        text = readme.read_text(encoding="utf-8")
        start = text.index("```text\n") + len("```text\n")
        end = text.index("```", start)
        readme.write_text(text[:start] + result.output + text[end:], encoding="utf-8")
    assert result.output == expected_file.read_text(encoding="utf-8")
    assert f"```text\n{result.output}```" in readme.read_text(encoding="utf-8")
    # Several different mistakes, each explained by its own rule.
    codes = {
        line.split("[")[1].split("]")[0]
        for line in result.output.splitlines()
        if line.startswith(("error[", "warning["))
    }
    assert len(codes) >= 8


def test_examples_check_without_any_diagnostic():
    for path in sorted((ROOT / "examples").glob("*.bkr")):
        analysis = analyse(path.name, path.read_bytes(), path=path)
        assert analysis.diagnostics == [], _shown(analysis)


# ------------------------------------------------------------------ rule families
def _named_codes(text: str) -> tuple[set[int], set[int]]:
    """The codes a text names (`BKR210-BKR219`, `BKR019`, `BKR1xx`): every code
    it covers, and the ones it names by number (single codes and range ends)."""
    covered, written = set(), set()
    for first, last, hundreds in re.findall(r"BKR(\d{3})(?:-BKR(\d{3}))?|BKR(\d)xx", text):
        if hundreds:
            covered |= set(range(int(hundreds) * 100, int(hundreds) * 100 + 100))
            continue
        ends = {int(first), int(last or first)}
        covered |= set(range(min(ends), max(ends) + 1))
        written |= ends
    return covered, written


def family_problems(check_dir: Path) -> list[str]:
    """Where bkrdsl/check/__init__.py's list of rule families, or a family
    module's docstring, names other codes than the module registers."""
    registered = {
        p.stem: {int(c) for c in re.findall(r'register\(\s*"BKR(\d{3})"', p.read_text(encoding="utf-8"))}
        for p in sorted(check_dir.glob("*.py"))
    }
    every = set().union(*registered.values())
    init = (check_dir / "__init__.py").read_text(encoding="utf-8")
    # A family imported elsewhere (`directory`) is named in a comment line, `#     name,  # ...`.
    listing = dict(re.findall(r"^#? +(\w+),  # ([^:\n]*)", init, re.MULTILINE))
    out = []
    for module, codes in sorted(registered.items()):
        if not codes:
            continue
        source = (check_dir / f"{module}.py").read_text(encoding="utf-8")
        docstring = ast.get_docstring(ast.parse(source)).split("\n\n", 1)[0]
        for where, text in ((f"check/__init__.py's line for {module}", listing.get(module, "")),
                            (f"check/{module}.py's docstring", docstring)):
            covered, written = _named_codes(text)
            if codes - covered:
                out.append(f"{where} leaves out {sorted(codes - covered)}")
            if (covered & every) - codes or written - codes:
                out.append(f"{where} names {sorted(((covered & every) | written) - codes)}, not its own")
    return out


def test_each_rule_family_names_the_codes_it_registers():
    assert family_problems(ROOT / "bkrdsl" / "check") == []


def test_a_family_that_outgrew_its_range_is_caught(tmp_path):
    (tmp_path / "__init__.py").write_text("from x import (\n    tape,  # BKR230-BKR234: Tape Manager\n)\n")
    registers = "".join(f'register(\n    "BKR{n}",\n)\n' for n in range(230, 236))
    (tmp_path / "tape.py").write_text(f'"""Tape (BKR230-BKR236)."""\n{registers}')
    assert family_problems(tmp_path) == [
        "check/__init__.py's line for tape leaves out [235]",
        "check/tape.py's docstring names [236], not its own",
    ]


def _related(text: str, code: str) -> list[tuple[int, int, str]]:
    (d,) = [d for d in analyse("t.bkr", text.encode()).diagnostics if d.code == code]
    return [(r.span.line, r.span.column, r.label) for r in d.related]


def test_bkr233_shows_each_member_left_without_a_request_node():
    """BKR233's message names the members that cannot ask for tapes; each is shown
    too, at its declaration (text, json, sarif and the LSP share `related`)."""
    text = (RULES_DIR / "BKR233.fail.bkr").read_text(encoding="utf-8")
    text = text.replace("  member VM2 { workers 2 }\n", "  member VM2 { workers 2 }\n  member VM3 { workers 1 }\n")
    assert _related(text, "BKR233") == [
        (5, 10, "member `VM2` declared here"),
        (6, 10, "member `VM3` declared here"),
    ]
    # The catalog node missing names no other place.
    missing = text.replace("catalog-node TCTMM on VM1", "request-node TRTMM")
    assert _related(missing, "BKR233") == []
    result = run_cli(["check", "--format", "json", RULES_DIR / "BKR233.fail.bkr"], expect=1)
    (shown,) = json.loads(result.stdout)["diagnostics"]
    assert [(r["line"], r["column"], r["message"]) for r in shown["related"]] == [(5, 10, "member `VM2` declared here")]


def test_bkr236_a_request_node_of_a_one_member_cluster_is_said_to_be_written_nowhere():
    """With one member, the catalog node's, no member asks it for tapes: bkrc writes
    no request node (Model.tape_nodes, no TMNODES line, no entry, no BKRSTART line),
    and `bkrc check` used to say nothing of the `request-node NAME` it names. A
    warning at the option, and a fix that deletes its words (with `request-dmm NAME`,
    written nowhere either), after which the file checks clean."""
    from bkrdsl import fixes

    text = (RULES_DIR / "BKR236.fail.bkr").read_text(encoding="utf-8")
    (d,) = [d for d in analyse("t.bkr", text.encode()).diagnostics]
    assert d.code == "BKR236" and d.severity.value == "warning"
    assert (d.span.line, d.span.column, d.span.end_column) == (7, 49, 67)  # `request-node TRTMM`
    assert d.message == (
        "the request node `TRTMM` is written nowhere: cluster `TESTSSI`'s one member, `VM1`, is the catalog"
        " node's, and a request node runs on each other member"
    )
    assert d.help == "remove `request-node TRTMM`, and name it again when a second member joins the cluster"
    assert d.fix.title == "Remove `request-node TRTMM`"
    mended = fixes.apply(text, [d])
    assert "tape manager shared catalog-node TCTMM on VM1  # expect: BKR236\n" in mended
    assert [x.code for x in analyse("t.bkr", mended.encode()).diagnostics] == []
    # Its DMM too, wherever the options stand; the fix keeps a comment, and what follows.
    both = text.replace(
        "on VM1 request-node TRTMM  # expect: BKR236\n",
        "on VM1 request-node TRTMM  # the request nodes\n    request-dmm TRDMM catalog-dmm TCDMM\n",
    )
    (d,) = [d for d in analyse("t.bkr", both.encode()).diagnostics]
    assert d.message.startswith("the request node `TRTMM` and its DMM `TRDMM` are written nowhere:")
    assert d.help == (
        "remove `request-node TRTMM` and `request-dmm TRDMM`, and name them again when a second member joins the cluster"
    )
    assert d.fix.title == "Remove `request-node TRTMM` and `request-dmm TRDMM`"
    mended = fixes.apply(both, [d])  # `request-dmm TRDMM` with the blank after it: the comment stays
    assert "catalog-node TCTMM on VM1  # the request nodes\n    catalog-dmm TCDMM\n" in mended
    assert [x.code for x in analyse("t.bkr", mended.encode()).diagnostics] == []
    both = both.replace("  # the request nodes\n   ", "")
    (d,) = [d for d in analyse("t.bkr", both.encode()).diagnostics]
    mended = fixes.apply(both, [d])
    assert "tape manager shared catalog-node TCTMM on VM1 catalog-dmm TCDMM\n" in mended
    assert [x.code for x in analyse("t.bkr", mended.encode()).diagnostics] == []
    # Between two comments: no edit would keep them both.
    boxed = both.replace(" request-node TRTMM", "  # catalog\n    request-node TRTMM  # request\n   ")
    (d,) = [d for d in analyse("t.bkr", boxed.encode()).diagnostics]
    assert d.code == "BKR236" and d.fix is None
    first = text.replace("catalog-node TCTMM on VM1 request-node TRTMM", "request-node TRTMM catalog-node TCTMM on VM1")
    (d,) = [d for d in analyse("t.bkr", first.encode()).diagnostics]
    assert "tape manager shared catalog-node TCTMM on VM1  # expect" in fixes.apply(first, [d])
    # A second member asks the catalog node for tapes: its request node is written.
    two = text.replace("  member VM1 { workers 2 }\n", "  member VM1 { workers 2 }\n  member VM2 { workers 2 }\n")
    assert [x.code for x in analyse("t.bkr", two.encode()).diagnostics] == []
    # Its catalog node on a member the cluster lacks (BKR330): not this warning as well.
    away = text.replace("catalog-node TCTMM on VM1", "catalog-node TCTMM on VM9")
    assert "BKR236" not in [x.code for x in analyse("t.bkr", away.encode()).diagnostics]


def test_bkr243_shows_the_workers_the_pattern_names():
    """BKR243's message speaks of worker 1, whose ID the first member running workers
    takes from the pattern: its `workers N` is shown too; no member runs any, nothing."""
    text = (RULES_DIR / "BKR243.fail.bkr").read_text(encoding="utf-8")
    text = text.replace("  member VM1 { workers 2 }\n", "  member VM0 { workers 0 }\n  member VM1 { workers 2 }\n")
    assert _related(text, "BKR243") == [(9, 16, "member `VM1` runs 2 workers, named from the pattern")]
    assert _related(text.replace("BKRWORK*", "BKR*W*K"), "BKR243") == [
        (9, 16, "member `VM1` runs 2 workers, named from the pattern")
    ]
    assert _related(text.replace("workers 2", "workers 0"), "BKR243") == []


def test_bkr414_one_warning_per_exclude_in_json_with_each_jobs_run():
    """BKR414 in JSON: a warning (exit 0), at the member's exclude, with the help that
    names the exclude and the job, each job's `run on each member` as related, and no
    fix. One per exclude, however many IDENTITY jobs it reaches."""
    result = run_cli(["check", "--format", "json", RULES_DIR / "BKR414.fail.bkr"], expect=0)
    report = json.loads(result.stdout)
    (shown,) = report["diagnostics"]
    assert (report["error_count"], report["warning_count"]) == (0, 1)
    assert (shown["code"], shown["severity"], shown["line"], shown["column"]) == ("BKR414", "warning", 12, 5)
    assert "not written into the copies of IDENTITY job `SYSIN`" in shown["message"]
    assert "(SSI rule 6)" in shown["message"] and "only by job name" in shown["message"]
    assert shown["help"].startswith("write the exclude in the job (`exclude minidisk * 0192` in job `SYSIN`)")
    assert "narrow its owners" in shown["help"]
    assert [(r["line"], r["column"], r["message"]) for r in shown["related"]] == [
        (28, 9, "`SYSIN` runs on `VM3` here")
    ]
    assert shown["fix"] is None
    many = json.loads(run_cli(["check", "--format", "json", RULES_DIR / "BKR414.fail-jobs.bkr"]).stdout)
    first = next(d for d in many["diagnostics"] if d["code"] == "BKR414")
    assert "`SYSA`, `SYSB`, `SYSC`, `SYSD` and 1 more" in first["message"]
    assert len(first["related"]) == 4


def test_bkr414_not_for_owners_of_single_jobs_only_nor_elsewhere():
    """No BKR414 for an exclude whose owners are no IDENTITY job's users, nor on a
    member no IDENTITY job runs on; one for each exclude that reaches one."""
    text = (RULES_DIR / "BKR414.fail.bkr").read_text(encoding="utf-8")

    def codes(t: str) -> list[str]:
        return [d.code for d in analyse("t.bkr", t.encode()).diagnostics]

    assert codes(text.replace("exclude minidisk * 0192", "exclude minidisk CICS* 0192")) == []
    assert codes(text.replace("exclude minidisk * 0192", "exclude minidisk FTPSERVE 0192")) == ["BKR414"]
    pinned = text.replace("run on each member daily 03:30", "run on VM1, VM2 daily 03:30")
    assert "BKR414" not in codes(pinned)  # SYSIN does not run on VM3 (BKR221 says so)
    # An IDENTITY job run on some members only is BKR221's error, the one mistake
    # to say (bench/cascades.py's `single group` turned identity under a pinned job).
    assert codes(text.replace("run on each member daily 03:30", "run on VM3 daily 03:30")) == ["BKR221"]
    twice = text.replace(
        "    exclude minidisk * 0192  # expect: BKR414\n",
        "    exclude minidisk * 0192\n    exclude sfs BKRPOOL:TCPIP.*\n    exclude minidisk LNX* 0193\n",
    )
    assert codes(twice) == ["BKR414", "BKR414"]


def _codes(text: str) -> list[str]:
    return sorted(d.code for d in analyse("t.bkr", text.encode()).diagnostics)


def test_bkr415_leaves_a_job_whose_every_include_is_removed_to_bkr407():
    """An include the job's excludes take out whole is BKR415 while the job still backs
    up something; when they take out every include, BKR407's error alone says it
    (one slip, one diagnostic)."""
    text = (RULES_DIR / "BKR415.fail.bkr").read_text(encoding="utf-8")
    assert _codes(text).count("BKR415") == 3
    alone = text.replace("    include minidisk * 1000-10FF\n    exclude minidisk * 0191\n", "    exclude minidisk * 0191\n")
    assert alone != text
    assert _codes(alone) == ["BKR407", "BKR415", "BKR415"]


def test_bkr415_only_when_certain():
    """An exclude's owner must take in the include's (`*` every owner, `LNX*` LNX03;
    LNX03 not `*`, whoever the job's users), its addresses all of the include's, and
    only the job's own excludes count (a member block's are a member policy)."""
    text = (RULES_DIR / "BKR415.fail.bkr").read_text(encoding="utf-8")
    assert _codes(text.replace("exclude minidisk * 0191", "exclude minidisk LNX01 0191")).count("BKR415") == 2
    assert _codes(text.replace("exclude minidisk L* 0280-02FF", "exclude minidisk L* 0280-02FE")).count("BKR415") == 2
    assert _codes(text.replace("exclude minidisk L* 0280-02FF", "exclude minidisk LNX04 0280-02FF")) == [
        "BKR406", "BKR415", "BKR415",
    ]
    member = text.replace("  member VM1 { workers 2 }", "  member VM1 {\n    workers 2\n    exclude minidisk * 0191\n  }")
    member = member.replace("    include minidisk * 1000-10FF\n    exclude minidisk * 0191\n", "    include minidisk * 1000-10FF\n", 1)
    assert _codes(member).count("BKR415") == 2  # the member's exclude of 0191 is not counted
    # `sfs` written for `minidisk` (BKR318): the job is judged once that is mended.
    assert _codes(text.replace("exclude minidisk * 0191", "exclude sfs * 0191")) == ["BKR318", "BKR415", "BKR415"]


def test_bkr339_only_for_a_slip_of_the_catalog_s_pool():
    """A file pool declared nowhere is BKR339 only when it is one slip from the
    catalog's and closest to it; its fix writes the catalog's pool, in the pool's
    place alone."""
    text = (RULES_DIR / "BKR339.fail.bkr").read_text(encoding="utf-8")
    assert _codes(text) == ["BKR339"] * 3
    analysis = analyse("t.bkr", text.encode())
    fixed = text
    for d in sorted(analysis.diagnostics, key=lambda d: -d.span.start):
        (edit,) = d.fix.edits
        assert (d.fix.title, edit.new_text) == ("Replace with `BKRPOOL`", "BKRPOOL")
        fixed = fixed[: edit.span.start] + edit.new_text + fixed[edit.span.end :]
    assert "BKRPOOL:CICSPRD.*" in fixed and "BKRPOOL:CICSPRD.TEMP" in fixed and "BKRPOOL:*.TEMP" in fixed
    assert _codes(fixed) == []
    # The catalog's pool declared as the disk pool's near twin: `BKUPOOL` is closest to BKUPPOOL.
    assert _codes(text.replace("BKRPOL:CICSPRD.*", "BKUPOOL:CICSPRD.*")) == ["BKR339"] * 2
    # Without a catalog pool there is nothing to suggest.
    assert "BKR339" not in _codes(text.replace("pool BKRPOOL", ""))
    # z/VM's own file pools are never a slip: VMSYSU, VMSYSR, VMPSFS.
    assert _codes(text.replace("BKRPOL:CICSPRD.*", "VMSYSU:CICSPRD.*")) == ["BKR339"] * 2


def test_statements_written_alike_but_for_the_case_of_a_name_are_copies():
    """BKR324 (and BKR321/BKR323, by the same comparison) reads names and keywords
    without regard to case, as bkrc fmt writes them in capitals: `on lnx*` below `on
    LNX*` is the statement pasted again, said so before fmt as after it (found by
    .ci/explore 34008, test_fmt_properties). A quoted text stays as written."""

    def messages(text: str) -> list[str]:
        return [d.message for d in analyse("t.bkr", text.encode()).diagnostics if d.code in ("BKR323", "BKR324")]

    disks = "import std/backup-manager\ncluster A {\n  catalog shared\n  disk A 191 size 10 cyl on LNX*\n  disk A 191 size 10 CYL on lnx*\n}\n"
    assert messages(disks) == ["user `A` already has a minidisk at address 0191, defined alike"]
    assert messages(disks) == messages(format_text(disks, "t.bkr"))
    job = '  job J {\n    description "{text}"\n    backup G full\n    include minidisk * *\n    to disk\n    run on M daily 02:00\n  }\n'
    head = "import std/backup-manager\ncluster A {\n  member M { workers 2 }\n  catalog shared server BKRSVSFS pool P\n  single group G { U1 }\n"
    quoted = head + job.replace("{text}", "Nightly") + job.replace("{text}", "NIGHTLY") + "}\n"
    (said,) = messages(quoted)
    assert "alike" not in said


@pytest.mark.parametrize(
    "old,new",
    [
        ("  single group APPS {", "  single group RANGE { match LNXP01-LNXP40 }\n  single group APPS {"),
        ("    include minidisk * 0191-01FF", "    include minidisk LNXP01-LNXP40 0191-01FF"),
    ],
)
def test_a_range_of_ids_after_match_or_as_an_owner_gets_the_pattern(old, new):
    """BKR301: `match LNXP01-LNXP40`, the way a family of guests is written "by pattern",
    and the same range as an include's owner get the range's help, as a group's entry
    does (was "a pattern is a user ID with the wildcards ..." and "1-8 characters ...")."""
    assert old in PRODSSI_TEXT
    text = PRODSSI_TEXT.replace(old, new, 1)
    found = [d for d in analyse("prodssi.bkr", text.encode()).diagnostics if d.code == "BKR301"]
    assert [d.help for d in found] == [
        ("a range of user IDs is not one ID; `LNXP0%`, `LNXP1%`, `LNXP2%`, `LNXP3%` and `LNXP40` name these IDs"
        " (`%` is any one character: `LNXP0%` also names `LNXP00`); the one pattern `LNXP%%` names more:"
        " every 6-character ID that starts `LNXP`")
    ]


@pytest.mark.parametrize(
    "old,new",
    [
        ("  single group APPS {", "  single group RANGE { LX1-LX4 }\n  single group APPS {"),
        ("  single group APPS {", "  single group RANGE { match LX1-LX4 }\n  single group APPS {"),
        ("    include minidisk * 0191-01FF", "    include minidisk LX1-LX4 0191-01FF"),
        ("    include minidisk * 0191-01FF", "    include minidisk * 0191-01FF\n    exclude minidisk lx1-lx4 0191"),
    ],
)
def test_a_short_range_of_ids_is_a_range_too(old, new):
    """`LNXP01-LNXP40` is too long for an ID, and BKR301 gives the range's pattern;
    a range of 8 characters or fewer, `LX1-LX4` (`-` a user ID character), was
    taken as one ID that names no user, without a word, in a group, after `match`
    and as an owner. It is read as a range: the two sides of the `-` of the same
    length, with the same start and a number at the end."""
    text = PRODSSI_TEXT.replace(old, new, 1)
    found = [d for d in analyse("prodssi.bkr", text.encode()).diagnostics if d.code == "BKR301"]
    assert [(d.message, d.help) for d in found] == [
        (
            "`LX1-LX4` is a range of user IDs, not one user ID",
            ("a range of user IDs is not one ID; `LX1`, `LX2`, `LX3` and `LX4` name these IDs; the one pattern"
            " `LX%` names more: every 3-character ID that starts `LX`"),
        )
    ]


@pytest.mark.parametrize(
    ("entry", "help"),
    [
        # `A*` was the help: every ID that starts `A`, far more than forty
        (
            "A01-A40",
            ("`A0%`, `A1%`, `A2%`, `A3%` and `A40` name these IDs (`%` is any one character: `A0%` also names `A00`);"
            " the one pattern `A%%` names more: every 3-character ID that starts `A`"),
        ),
        ("A10-A19", "the pattern `A1%` names these IDs (`%` is any one character)"),
        ("LX1-LX9", "the pattern `LX%` names these IDs (`%` is any one character: `LX%` also names `LX0`)"),
        # more than five: the one `%` pattern, said to name more
        ("A05-A95", "the pattern `A%%` names these IDs and more: every 3-character ID that starts `A` (`%` is any one character)"),
    ],
)
def test_a_range_of_ids_gets_its_narrowest_patterns(entry, help):
    text = PRODSSI_TEXT.replace("  single group APPS {", f"  single group RANGE {{ {entry} }}\n  single group APPS {{", 1)
    found = [d for d in analyse("prodssi.bkr", text.encode()).diagnostics if d.code == "BKR301"]
    assert [d.help for d in found] == ["a range of user IDs is not one ID; " + help]


@pytest.mark.parametrize(
    "old,new",
    [
        # a single job of LINUX at both levels beside LNXFULL: was also BKR405 (both "full")
        ("    backup LINUX incremental\n", "    backup LINUX full\n    backup LINUX incremental\n"),
        # an IDENTITY job of SYSIDS at both levels beside another full one (SYSME): was also BKR410
        (
            "    backup SYSIDS incremental\n",
            "    backup SYSIDS full\n    backup SYSIDS incremental\n",
        ),
    ],
)
def test_a_job_at_both_levels_is_bkr118_alone(old, new):
    """One job that names its users at both levels (a weekly full and a daily
    incremental written as one job) is BKR118's error alone: the level its first
    line gives is not the job's, so no second job is told that it backs the same
    users up "at the same level" (BKR405, BKR410)."""
    text = PRODSSI_TEXT.replace(old, new, 1)
    codes = [d.code for d in analyse("prodssi.bkr", text.encode()).diagnostics]
    assert codes == ["BKR118"], codes


@pytest.mark.parametrize(
    "owner,codes",
    [
        # the owner mistyped: LNXP* for LNXAPP*, which no user of LNXFULL matches
        ("LNXP*", ["BKR406"]),
        # and with addresses no include reaches: still one diagnostic, BKR406's (not BKR413 too)
        ("LNXP* 1000", ["BKR406"]),
        # a pattern that meets the job's users, by ID or by a `match` pattern in part: no warning
        ("LNXWEB*", []),
        ("LNX%%%01", []),
        ("*01", []),
    ],
)
def test_an_exclude_owner_pattern_matching_none_of_the_job_s_users_is_bkr406(owner, codes):
    """An exclude written as given whose owner pattern shares no user with the job (a
    typo: `LNXP*` for `LNXAPP*`) takes nothing out, so the disks meant to be left out
    are backed up; BKR406 says so, as for an exclude's user ID and an include's pattern
    (was silent)."""
    old = "    exclude minidisk * 0190 019D 019E 0300  # 0300: each guest's V-DISK swap, empty at logon\n    to tape\n"
    assert old in PRODSSI_TEXT
    addresses = "" if " " in owner else " 0200-02FF"
    text = PRODSSI_TEXT.replace(old, f"    exclude minidisk * 0190 019D 019E\n    exclude minidisk {owner}{addresses}\n    to tape\n", 1)
    found = analyse("prodssi.bkr", text.encode()).diagnostics
    assert [d.code for d in found] == codes, found
    if codes:
        assert found[0].help == (
            f"write the owner of the job's users it is meant to leave out (or `*`), or add {owner.split()[0]} to `LINUX`"
        )


def test_an_owner_not_backed_up_is_added_to_one_of_the_job_s_groups():
    """BKR406's help for a job of two groups: add the owner to one of them (was "to `A` and `B`")."""
    text = PRODSSI_TEXT.replace("    backup SYSIDS incremental\n", "    backup SYSIDS, NET2 incremental\n", 1)
    text = text.replace("  identity group SYSIDS {", "  identity group NET2 { SMTP }\n  identity group SYSIDS {", 1)
    text = text.replace("    include minidisk * 0191\n    to tape\n", "    include minidisk * 0191\n    include minidisk ZZ* 0191\n    to tape\n", 1)
    (found,) = [d for d in analyse("prodssi.bkr", text.encode()).diagnostics if d.code == "BKR406"]
    assert found.help == "add ZZ* to `SYSIDS` or `NET2`, or move the line to the job that backs it up"


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        # no member purges (BKR210), or a preview then never runs (BKR218): the purge to add
        # is its form, not `purge weekly sun 03:00`, a day and a time nobody chose
        ("    preview daily 01:00\n    purge weekly sun 03:00\n", "", "BKR210"),
        ("    purge weekly sun 03:00\n", "", "BKR218"),
    ],
)
def test_the_purge_to_add_is_its_form_not_a_schedule_nobody_chose(old, new, code):
    text = PRODSSI_TEXT.replace(old, new, 1)
    assert text != PRODSSI_TEXT
    helps = [d.help for d in analyse("prodssi.bkr", text.encode("utf-8")).diagnostics if d.code == code]
    assert helps and all("add `purge weekly DAY HH:MM`" in h for h in helps), helps


#: A shared catalog whose server runs on VMSYS2, and nothing that purges it (BKR210).
NO_PURGE_TEXT = """import std/backup-manager
cluster PRODSSI {
  member VMSYS1 { workers 2 }
  member VMSYS2 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS2
  single group APPS { LINUX01 }
  job APPSFULL {
    backup APPS full
    include minidisk * *
    to disk
    run on VMSYS1 daily 02:00
  }
}
"""
_EXPIRE_AT = "  single group APPS"


@pytest.mark.parametrize(
    ("edits", "help", "mended"),
    [
        (
            [],
            ("add `expire on VMSYS2 { purge weekly DAY HH:MM }` to the cluster block (`VMSYS2` runs the catalog's"
            " SFS server); write for DAY and HH:MM the day and time to purge"),
            [(_EXPIRE_AT, "  expire on VMSYS2 { purge weekly sun 03:00 }\n" + _EXPIRE_AT)],
        ),
        (
            [(_EXPIRE_AT, "  expire on VMSYS1 { retain 35 days }\n" + _EXPIRE_AT)],
            ("write `expire on VMSYS2` for `expire on VMSYS1` (line 6) and add `purge weekly DAY HH:MM` to the block"
            " (`VMSYS2` runs the catalog's SFS server); write for DAY and HH:MM the day and time to purge"),
            [("expire on VMSYS1 { retain", "expire on VMSYS2 { purge weekly sun 03:00  retain")],
        ),
        (
            [(_EXPIRE_AT, "  expire on VMSYS2 { retain 35 days }\n" + _EXPIRE_AT)],
            ("add `purge weekly DAY HH:MM` to the `expire on VMSYS2` block (line 6); write for DAY and HH:MM the day"
            " and time to purge"),
            [("{ retain", "{ purge weekly sun 03:00  retain")],
        ),
        (
            [("catalog shared server BKRSVSFS pool BKRPOOL on VMSYS2", "catalog local server BKRSVSFS pool BKRPOOL")],
            ("add `expire on each member { purge weekly DAY HH:MM }` to the cluster block (each member purges its own"
            " catalog); write for DAY and HH:MM the day and time to purge"),
            [(_EXPIRE_AT, "  expire on each member { purge weekly sun 03:00 }\n" + _EXPIRE_AT)],
        ),
    ],
    ids=["no block", "a block on another member", "a block that only retains", "local catalog"],
)
def test_bkr210_writes_the_expire_block_on_the_file_s_own_member(edits, help, mended):
    """BKR210's help names the member to purge on (the catalog's server's for a shared
    catalog, each member for a local one) and the block to write or mend, where it was
    "add `purge weekly DAY HH:MM` to an `expire on MEMBER { ... }` block (on one member)":
    a member the file gives, left a placeholder, and on any but VMSYS2 the purge was BKR215."""
    text = NO_PURGE_TEXT
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    (found,) = [d for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR210"]
    assert found.help == help
    for old, new in mended:  # as the help says, DAY HH:MM written `sun 03:00`
        assert old in text
        text = text.replace(old, new, 1)
    assert [d.code for d in analyse("site.bkr", text.encode()).diagnostics] == ["BKR401"]  # VMSYS2 runs no job


#: Each member its own catalog, and only VMSYS1's and VMSYS2's purged (BKR214).
LOCAL_EXPIRY_TEXT = """import std/backup-manager
cluster PRODSSI {
  member VMSYS1 { workers 2 }
  member VMSYS2 { workers 2 }
  member VMSYS3 { workers 2 }
  catalog local
  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
  expire on VMSYS2 { purge weekly sat 04:00 }
  identity group SYSIDS { TCPIP }
  job SYSIN {
    backup SYSIDS incremental
    include minidisk * *
    to disk
    run on each member daily 01:00
  }
}
"""


@pytest.mark.parametrize(
    ("edits", "help", "mended"),
    [
        (
            [("  expire on VMSYS2 { purge weekly sat 04:00 }\n", "")],
            (
                "write `expire on each member` for `expire on VMSYS1` (line 7): each member then purges its own"
                " catalog on that schedule"
            ),
            [("expire on VMSYS1", "expire on each member")],
        ),
        (
            [],
            (
                "add `expire on VMSYS3 { purge weekly sun 03:00  retain 35 days }` to the cluster block, the schedule"
                " of line 7: each member purges its own catalog"
            ),
            [("  identity group", "  expire on VMSYS3 { purge weekly sun 03:00  retain 35 days }\n  identity group")],
        ),
    ],
    ids=["one block", "two blocks"],
)
def test_bkr214_names_the_block_to_mend_not_a_second_one(edits, help, mended):
    """BKR214's help was "use `expire on each member { ... }`": a block written beside
    the one that purges VMSYS1 purges it twice (BKR211, an error). It now says which
    block to make `on each member`, or writes the block for the members never purged."""
    text = LOCAL_EXPIRY_TEXT
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    (found,) = [d for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR214"]
    assert found.help == help
    for old, new in mended:
        assert old in text
        text = text.replace(old, new, 1)
    assert analyse("site.bkr", text.encode()).diagnostics == []


#: Three members, their expiry written where the cases put it (BKR211).
PURGES_TEXT = """import std/backup-manager
cluster PRODSSI {
  member VMSYS1 { workers 2 }
  member VMSYS2 { workers 2 }
  member VMSYS3 { workers 2 }
  CATALOG
EXPIRE
  identity group SYSIDS { TCPIP }
  job SYSIN {
    backup SYSIDS incremental
    include minidisk * *
    to disk
    run on each member daily 01:00
  }
}
"""

_SHARED = "catalog shared server BKRSVSFS pool BKRPOOL"
_FIRST = "the first that purges (one member purges a shared catalog)"


@pytest.mark.parametrize(
    ("catalog", "expire", "help", "mended"),
    [
        (
            _SHARED,
            "  expire on each member { purge weekly sun 03:00  retain 35 days }",
            f"purge on `VMSYS1` alone, {_FIRST}: write `expire on VMSYS1` for `expire on each member` (line 7)",
            [("expire on each member", "expire on VMSYS1")],
        ),
        (
            _SHARED,
            "  expire on VMSYS1, VMSYS2 { purge weekly sun 03:00  retain 35 days }",
            f"purge on `VMSYS1` alone, {_FIRST}: write `expire on VMSYS1` for `expire on VMSYS1, VMSYS2` (line 7)",
            [("expire on VMSYS1, VMSYS2", "expire on VMSYS1")],
        ),
        (
            _SHARED,
            (
                "  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }\n"
                "  expire on VMSYS2 { purge weekly sat 03:00 }"
            ),
            f"purge on `VMSYS1` alone, {_FIRST}: remove the block `expire on VMSYS2` (line 8)",
            [("  expire on VMSYS2 { purge weekly sat 03:00 }\n", "")],
        ),
        (
            _SHARED + " on VMSYS2",
            (
                "  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }\n"
                "  expire on VMSYS2, VMSYS3 { preview daily 01:00  purge weekly sat 03:00 }"
            ),
            (
                "purge on `VMSYS2` alone, where the catalog's server runs: write `expire on VMSYS2` for"
                " `expire on VMSYS2, VMSYS3` (line 8), remove the block `expire on VMSYS1` (line 7) and move"
                " `retain 35 days` into the block of line 8"
            ),
            [
                ("expire on VMSYS2, VMSYS3", "expire on VMSYS2"),
                ("  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }\n", ""),
                ("sat 03:00 }", "sat 03:00  retain 35 days }"),
            ],
        ),
        (
            "catalog local",
            (
                "  expire on each member { purge weekly sun 03:00  retain 35 days }\n"
                "  expire on VMSYS2, VMSYS3 { purge weekly sat 03:00 }"
            ),
            "remove the block `expire on VMSYS2, VMSYS3` (line 8): the block of line 7 purges `VMSYS2` and `VMSYS3`",
            [("  expire on VMSYS2, VMSYS3 { purge weekly sat 03:00 }\n", "")],
        ),
        (
            "catalog local",
            (
                "  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }\n"
                "  expire on VMSYS1, VMSYS2, VMSYS3 { purge weekly sat 03:00 }"
            ),
            (
                "write `expire on VMSYS2, VMSYS3` for `expire on VMSYS1, VMSYS2, VMSYS3` (line 8): the block of line 7"
                " purges `VMSYS1`"
            ),
            [("expire on VMSYS1, VMSYS2, VMSYS3", "expire on VMSYS2, VMSYS3")],
        ),
    ],
    ids=[
        "each member",
        "two members",
        "two blocks",
        "server's member",
        "local each member",
        "local named twice",
    ],
)
def test_bkr211_help_mends_the_file_s_own_blocks(catalog, expire, help, mended):
    """BKR211's help was "purge on one member only, e.g. `expire on VMSYS1 { ... }`"
    (and "give each member one expiry block" for a member purged twice): a block the
    reader had to work out. It now names the file's blocks to narrow, remove or move
    a preview or retention into, and the file so mended checks."""
    text = PURGES_TEXT.replace("CATALOG", catalog).replace("EXPIRE", expire)
    (found,) = [d for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR211"]
    assert found.help == help
    for old, new in mended:
        assert old in text
        text = text.replace(old, new, 1)
    assert analyse("site.bkr", text.encode()).diagnostics == []


#: A job on each member that backs up the shared catalog's file pool (BKR226).
SHARED_POOL_TEXT = """import std/backup-manager
cluster PRODSSI {
  member VMSYS1 { workers 2 }
  member VMSYS2 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS2
  expire on VMSYS2 { purge weekly sun 05:00  retain 35 days }
  identity group SYSIDS { TCPIP }
  job SYSIN {
    backup SYSIDS incremental
    include minidisk * 0191
    to disk
    run on each member daily 01:00
  }
  job SYSFU {
    backup SYSIDS full
INCLUDES
    to disk pool BKUPPOOL
    run on each member weekly sat,sun 02:00
  }
}
"""


@pytest.mark.parametrize(
    ("includes", "help", "mended"),
    [
        (
            "    include sfs BKRPOOL:*.*",
            ("write `run on VMSYS2` for `run on each member` (line 18): a job whose every include is in the"
            " shared pool `BKRPOOL` runs on one member"),
            [("run on each member weekly", "run on VMSYS2 weekly")],
        ),
        (
            "    include minidisk * *\n    include sfs BKRPOOL:*.* VMSYS:*.*\n    exclude sfs BKRPOOL:*.TEMP VMSYS:*.TMP",
            ("take `BKRPOOL:*.*` out of the `include sfs` of line 17 and add to the cluster block a job that runs"
            " on one member: `job SYSFUS { backup SYSIDS full  include sfs BKRPOOL:*.*  exclude sfs BKRPOOL:*.TEMP"
            "  to disk pool BKUPPOOL  run on VMSYS2 weekly sat,sun 02:30 }`"),
            [
                ("BKRPOOL:*.* VMSYS:*.*", "VMSYS:*.*"),
                (
                    "\n}\n",
                    ("\n  job SYSFUS { backup SYSIDS full  include sfs BKRPOOL:*.*  exclude sfs BKRPOOL:*.TEMP"
                    "  to disk pool BKUPPOOL  run on VMSYS2 weekly sat,sun 02:30 }\n}\n"),
                ),
            ],
        ),
    ],
    ids=["every include shared", "one path of several"],
)
def test_bkr226_help_writes_the_job_for_the_shared_pool(includes, help, mended):
    """BKR226's help was "move the include into a job of its own that runs on one
    member (`run on VMSYS1 ...`)": the job left to write, on the first member, not the
    catalog server's. It now narrows the job's `run on` where every include is in
    the shared pool, else writes the new job whole on the file's names, half an hour
    later, and the file so mended checks."""
    text = SHARED_POOL_TEXT.replace("INCLUDES", includes)
    found = [d for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR226"]
    assert found and {d.help for d in found} == {help}
    for old, new in mended:
        assert old in text
        text = text.replace(old, new, 1)
    assert analyse("site.bkr", text.encode()).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_bkr226_help_s_job_starts_where_no_purge_meets_it(parser, monkeypatch):
    """BKR226's help wrote the shared pool's job half an hour after the job it leaves
    (prodssi's APPSFULL made an IDENTITY job on each member: `run on VMSYS1 daily
    02:30`), when VMSYS1's purge of the shared catalog starts at 03:00: the help
    applied gave BKR403. It now steps on past the purge's hour as past another job's
    start (03:00 the purge, 03:30 SYSIN's), and the file so mended checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = (ROOT / "examples" / "prodssi.bkr").read_text()
    for old, new in [
        ("single group APPS", "identity group APPS"),
        ("job APPSFULL", "job APPSF"),
        ("to disk pool BKUPPOOL\n    run on VMSYS1 daily 02:00", "to disk pool BKUPPOOL\n    run on each member daily 02:00"),
    ]:
        assert old in text
        text = text.replace(old, new, 1)
    (found,) = [d for d in analyse("prodssi.bkr", text.encode()).diagnostics if d.code == "BKR226"]
    job = re.search(r"`(job APPSFS \{[^`]*\})`", found.help).group(1)
    assert job.endswith("run on VMSYS1 daily 04:00 }")
    text = text.replace("    include sfs BKRPOOL:CICSPRD.*\n", "", 1)
    text = text[: text.rindex("}")] + f"  {job}\n}}\n"
    assert analyse("prodssi.bkr", text.encode()).diagnostics == []


@pytest.mark.parametrize(
    ("edits", "placed"),
    [
        ([], ["disk BKRBKUP 191 size 10 cyl on M3PRV1 at 322", "disk BKRWRK01 191 size 5 cyl on M3PRV1 at 342"]),
        (
            [("at 322  # expect: BKR255\n", "at 322\n  disk BKRBKUP 191 size 10 cyl on M3PRV1 at 340\n")],
            ["disk BKRWRK01 191 size 5 cyl on M3PRV1 at 350"],
        ),
    ],
    ids=["instances left out", "first member's start taken"],
)
def test_bkr255_help_writes_a_start_and_applied_checks(edits, placed):
    """BKR255's help wrote `at START` where the placed instances' starts differ
    (`BKRWRK01` at 342 on M1PRV1, at 347 on M2PRV1), or where the file's other
    statements take the one they share on the member's volume. It now writes the
    first member's start, moved past the file's extents on the volume, and each
    statement so written after the one the warning marks makes a file that checks."""
    text = (ROOT / "tests" / "data" / "rules" / "BKR255.fail.bkr").read_text()
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    found = [d for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR255"]
    written = [re.search(r"`(disk [^`]*)`", d.help).group(1) for d in found]
    assert written == placed
    lines = text.splitlines(keepends=True)
    for d, statement in sorted(zip(found, written, strict=True), key=lambda pair: -pair[0].span.line):
        lines.insert(d.span.line, f"  {statement}\n")
    assert analyse("site.bkr", "".join(lines).encode()).diagnostics == []


@pytest.mark.parametrize(("placement", "first"), [("each member", "VMSYS1"), ("VMSYS2, VMSYS1", "VMSYS2")])
def test_bkr220_help_names_the_run_on_to_change(placement, first):
    """BKR220's help was "run it on one member, e.g. `run on VMSYS1`": it now says
    which `run on` to write for which, and the file so mended checks."""
    text = SHARED_POOL_TEXT.replace("  identity group SYSIDS", "  single group GUESTS { LINUX01 }\n  identity group SYSIDS")
    text = text.replace("backup SYSIDS full", "backup GUESTS full").replace("INCLUDES", "    include minidisk * *")
    text = text.replace("run on each member weekly", f"run on {placement} weekly")
    (found,) = [d for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR220"]
    assert found.help.startswith(
        f"run it on one member: write `run on {first}` for `run on {placement}` (line 19); to share the users"
    )
    text = text.replace(f"run on {placement} weekly", f"run on {first} weekly")
    assert analyse("site.bkr", text.encode()).diagnostics == []


@pytest.mark.parametrize(
    ("name", "purge"),
    [
        ("BKR403.fail.bkr", "purge daily 03:00"),
        ("BKR403.fail-shared.bkr", "purge daily 03:00"),
        ("BKR403.fail-midnight.bkr", "purge weekly mon 00:30"),
    ],
)
def test_bkr403_help_writes_the_purge_after_the_backups(name, purge):
    """BKR403's help said "purge at least 60 minutes after the last backup of the
    cluster starts", the time left to work out: it now writes the purge, and the
    file with that purge checks."""
    text = (ROOT / "tests" / "data" / "rules" / name).read_text()
    (found,) = [d for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR403"]
    assert found.help.endswith(f"starts: `{purge}`")
    lines = text.splitlines(keepends=True)
    line = lines[found.span.line - 1]
    lines[found.span.line - 1] = re.sub(r"purge [a-z, ]*\d\d:\d\d", purge, line, count=1).split("  # expect")[0] + "\n"
    assert analyse("site.bkr", "".join(lines).encode()).diagnostics == []


def test_bkr244_help_writes_the_shared_volume_and_the_disk_statement():
    """BKR244's help, for a single-configuration user's disk on a private volume where
    the cluster declares no shared volume and no directory gives one, was "declare a
    shared volume in the cluster block (`shared-volume` and its label) and put the disk
    on it": it now writes both statements, VOLSER said to be a placeholder, and the file
    with a label for it checks."""
    text = (ROOT / "docs" / "rules" / "BKR244.md").read_text()
    text = re.search(r"```bkr\n(.*?)```", text, re.DOTALL).group(1)
    (found,) = analyse("site.bkr", text.encode()).diagnostics
    assert found.code == "BKR244"
    assert found.help == (
        "declare `shared-volume VOLSER` in the cluster block and write `disk BKRSVSFS 191 size 10 cyl on VOLSER`"
        " (line 10): the user may log on to any member; the file names no volume every member shares, so write"
        " for VOLSER the label of one (`QUERY DASD` on each member lists them)"
    )
    old = "  disk BKRSVSFS 191 size 10 cyl on M1PRV1   # <- BKR244\n"
    assert old in text
    text = text.replace(old, "  shared-volume VMCOM1\n  disk BKRSVSFS 191 size 10 cyl on VMCOM1\n")
    assert [d.code for d in analyse("site.bkr", text.encode()).diagnostics] == ["BKR253", "BKR253"]
    # the machines whose disks the example leaves out, said once BKR244's is mended
    text = text.replace("  job APPSFULL", "  disk BKRADMIN 191 size 10 cyl\n  disk 5697J06C 191 size 10 cyl\n  job APPSFULL")
    assert analyse("site.bkr", text.encode()).diagnostics == []


RULES_DATA = ROOT / "tests" / "data" / "rules"


@pytest.mark.parametrize(
    ("fixture", "edits", "code", "help", "mended"),
    [
        (
            "BKR218.fail-local.bkr",
            [],
            "BKR218",
            (
                "add `expire on VM2 { purge weekly sun 06:00  retain 30 days }` to the cluster block, the schedule"
                " of line 7: each member with its own catalog purges it"
            ),
            [("  identity group", "  expire on VM2 { purge weekly sun 06:00  retain 30 days }\n  identity group")],
        ),
        (
            "BKR218.fail-local.bkr",
            [("expire on each member { preview", "expire on VM2 { preview")],
            "BKR218",
            (
                "add `purge weekly sun 06:00  retain 30 days` to this block, the schedule of line 7: each member"
                " with its own catalog purges it"
            ),
            [("preview daily 05:30 }", "preview daily 05:30  purge weekly sun 06:00  retain 30 days }")],
        ),
        (
            # the purge on the Nth weekday: its ordinal kept (the help wrote `purge monthly sun 06:00`)
            "BKR218.fail-local.bkr",
            [
                ("expire on each member { preview", "expire on VM2 { preview"),
                ("purge weekly sun 06:00", "purge monthly last sun 06:00"),
            ],
            "BKR218",
            (
                "add `purge monthly last sun 06:00  retain 30 days` to this block, the schedule of line 7: each"
                " member with its own catalog purges it"
            ),
            [("preview daily 05:30 }", "preview daily 05:30  purge monthly last sun 06:00  retain 30 days }")],
        ),
        (
            "BKR215.fail.bkr",
            [],
            "BKR215",
            "write `expire on VM1` for `expire on VM2` (line 7), or move the server to `VM2`: `on VM2` for `on VM1`",
            [("expire on VM2", "expire on VM1")],
        ),
        (
            "BKR215.fail.bkr",
            [],
            "BKR215",
            "write `expire on VM1` for `expire on VM2` (line 7), or move the server to `VM2`: `on VM2` for `on VM1`",
            [("BKRPOOL on VM1", "BKRPOOL on VM2")],
        ),
    ],
    ids=[
        "local preview on each member",
        "local preview on the member alone",
        "on the Nth weekday",
        "purge moved",
        "server moved",
    ],
)
def test_the_purge_help_mends_the_block_there_not_a_second_one(fixture, edits, code, help, mended):
    """BKR218's help for a local catalog wrote `expire on each member { purge weekly sun 03:00 }`,
    and BKR215's `expire on VM1 { ... }`: a block beside the one that purges, which then
    purges twice (BKR211, an error). They now write the purge for the members never purged
    on the file's own schedule, or say which block's `on` to change."""
    text = (RULES_DATA / fixture).read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    (found,) = [d for d in analyse(fixture, text.encode()).diagnostics if d.code == code]
    assert found.help == help
    for old, new in mended:
        assert old in text
        text = text.replace(old, new, 1)
    assert analyse(fixture, text.encode()).diagnostics == []


def test_bkr208_the_statement_that_says_it_is_the_machine_has_the_machine_s_kind():
    """BKR208 for a machine a group of the other kind names (an identity group's TCDMM, the
    catalog node's DMM, single-configuration): the help wrote `identity user TCDMM`, the
    group's kind, which applied is BKR231. It now writes the machine's own kind, and takes
    it out of the group (beside it, the statement would be BKR203)."""
    text = (RULES_DATA / "BKR231.fail-dmm.bkr").read_text(encoding="utf-8")
    text = text.replace("identity user TCDMM\n", "").replace("single user TRDMM\n", "")
    text = text.replace("identity group SYSTEM { RSCS }", "identity group SYSTEM { RSCS TCDMM }")
    (found,) = [d for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR208"]
    assert found.help == (
        "give the machine an ID of its own, that no other user has; if `TCDMM` is this machine, say so with a"
        " statement of its own, `single user TCDMM`, and take it out of group SYSTEM (line 13): the Device Manager"
        " Machine of the Tape Manager catalog node is single-configuration"
    )
    text = text.replace("{ RSCS TCDMM }", "{ RSCS }").replace("  identity group", "  single user TCDMM\n  identity group")
    assert analyse("site.bkr", text.encode()).diagnostics == []


#: BKR231.fail-dmm.bkr's catalog node's DMM, TCDMM, identity where it must be single.
_DMM = (RULES_DATA / "BKR231.fail-dmm.bkr").read_text(encoding="utf-8").replace("single user TRDMM\n", "")


@pytest.mark.parametrize(
    ("edits", "help", "mended"),
    [
        (
            [],
            "write `single user TCDMM` for `identity user TCDMM` (line 3)",
            [("identity user TCDMM", "single user TCDMM")],
        ),
        (
            [("identity user TCDMM", "identity user TCDMM, TRDMM")],
            "take `TCDMM` out of the `identity user` statement (line 3) and declare it on its own: `single user TCDMM`",
            [("identity user TCDMM, TRDMM", "identity user TRDMM\nsingle user TCDMM")],
        ),
        (
            [("identity user TCDMM\n", ""), ("{ RSCS }", "{ RSCS TCDMM }")],
            "take `TCDMM` out of group SYSTEM (line 13) and declare it on its own: `single user TCDMM`",
            [("{ RSCS TCDMM }", "{ RSCS }"), ("  identity group", "  single user TCDMM\n  identity group")],
        ),
    ],
    ids=["a statement of its own", "a statement of two IDs", "a group"],
)
def test_bkr231_names_the_declaration_to_change(edits, help, mended):
    """BKR231's help was "declare it `single`": beside the declaration of the other kind,
    a `single user` statement is BKR203. It now names the declaration and its line, and
    what to write there."""
    text = _DMM
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    found = [d.help for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR231"]
    assert found == [help]
    for old, new in mended:
        assert old in text
        text = text.replace(old, new, 1)
    assert [d.code for d in analyse("site.bkr", text.encode()).diagnostics if d.severity.value == "error"] == []


@pytest.mark.parametrize(
    ("fixture", "edits", "help", "mended"),
    [
        (
            "BKR233.fail-dmm-without-node.bkr",
            [],
            (
                "add `request-node TRTMM` (TRTMM is IBM's example ID: write your site's Tape Manager machine): the"
                " IDENTITY machine that runs on every other member"
            ),
            [("on VM1 catalog-dmm", "on VM1 request-node TRTMM catalog-dmm")],
        ),
        (
            "BKR233.fail-no-catalog-node.bkr",
            [
                ("  member VM1 { workers 2 }\n", "  member VM1 { workers 2 }\n  member VM2 { workers 2 }\n"),
                ("pool BKRPOOL\n", "pool BKRPOOL on VM2\n"),
                ("expire on VM1", "expire on VM2"),
            ],
            (
                "add `catalog-node TCTMM on VM2` (TCTMM is IBM's example ID: write your site's Tape Manager"
                " machine): one member owns the tape catalog"
            ),
            [("shared request-node", "shared catalog-node TCTMM on VM2 request-node")],
        ),
        (
            "BKR233.fail-dmm-without-node.bkr",
            [("request-dmm TRDMM", "request-dmm TRTMM")],
            "add `request-node NAME`: the IDENTITY machine that runs on every other member",
            [],
        ),
    ],
    ids=["request node", "catalog node on the catalog's member", "IBM's ID taken"],
)
def test_bkr233_writes_the_missing_node(fixture, edits, help, mended):
    """BKR233's help wrote `request-node NAME` and `catalog-node NAME on MEMBER`: the
    member the file gives left a placeholder. It now writes the shared catalog's member
    (else the first) and IBM's example ID, said to be one, where the statement has not
    taken it for another machine."""
    text = (RULES_DATA / fixture).read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    found = [d.help for d in analyse(fixture, text.encode()).diagnostics if d.code == "BKR233"]
    assert found == [help]
    if not mended:
        return
    for old, new in mended:
        assert old in text
        text = text.replace(old, new, 1)
    assert [d.code for d in analyse(fixture, text.encode()).diagnostics if d.code != "BKR401"] == []


def _second_job(job: str, name: str, schedule: str, level: str = "full") -> str:
    """examples/minimal.bkr with job `job` copied as `name`, the same but for its
    `run` (its schedule `schedule`) and its level: what the schedule helps write."""
    start = MINIMAL_TEXT.index(f"  job {job} {{")
    block = MINIMAL_TEXT[start : MINIMAL_TEXT.index("  }\n", start) + 4]
    run = next(line for line in block.splitlines() if line.strip().startswith("run "))
    where = run.strip().split(" daily ")[0]
    copy = block.replace(f"job {job} ", f"job {name} ").replace(run, f"    {where} {schedule}")
    copy = copy.replace(" full\n", f" {level}\n")
    return MINIMAL_TEXT.replace(block, block + "\n" + copy, 1)


@pytest.mark.parametrize(
    "first,second,warned",
    [
        # never the same day: one backup split over days, as the helps of BKR004 and
        # BKR012 write it (`monthly 1,15 22:00`): was BKR405
        ("monthly 1 22:00", "monthly 15 22:00", False),
        ("weekly sat 22:00", "weekly sun 22:00", False),
        ("monthly first sun 22:00", "monthly third sun 22:00", False),
        ("weekly mon,wed 22:00", "weekly tue,thu 22:00", False),
        ("monthly first sun 22:00", "monthly 15 22:00", False),
        # a day both may run: the same data twice that day
        ("daily 01:00", "daily 14:00", True),
        ("weekly sun 22:00", "monthly first sun 23:00", True),
        ("monthly fourth sun 22:00", "monthly last sun 23:00", True),
        ("monthly 1 22:00", "weekly sun 23:00", True),
        ("weekly sat,sun 22:00", "weekly sun 23:00", True),
        ("monthly 1 22:00", "manual", True),  # submitted any day
    ],
)
def test_single_jobs_that_never_run_on_one_day_are_no_bkr405(first, second, warned):
    """Two full jobs of the same single-configuration users on one member that
    never run on one day (a job for each day, as a schedule names one) are one
    backup split over days, not the same data twice: no BKR405. Jobs that may
    run on one day still get it."""
    text = _second_job("GUESTFUL", "GUESTFU2", second).replace("run on DEV1 daily 01:00", f"run on DEV1 {first}", 1)
    assert f"run on DEV1 {first}" in text
    codes = [d.code for d in analyse("minimal.bkr", text.encode()).diagnostics]
    assert codes == (["BKR405"] if warned else []), codes


def test_single_jobs_on_two_members_are_bkr411_whatever_their_days():
    """Jobs on two members split a user's backups between members whichever days they
    run (IBM's rule): BKR411 stays, also for `monthly 1` and `monthly 15`."""
    text = _second_job("GUESTFUL", "GUESTFU2", "monthly 15 22:00", "incremental")
    text = text.replace("run on DEV1 monthly 15 22:00", "run on DEV2 monthly 15 22:00", 1)
    text = text.replace("run on DEV1 daily 01:00", "run on DEV1 monthly 1 22:00", 1)
    codes = [d.code for d in analyse("minimal.bkr", text.encode()).diagnostics]
    assert codes == ["BKR411"], codes


@pytest.mark.parametrize(
    "first,second,warned",
    [
        ("monthly 1 22:00", "monthly 15 22:00", False),
        ("weekly sat 22:00", "weekly sun 22:00", False),
        ("daily 02:00", "daily 14:00", True),
        ("weekly sun 22:00", "manual", True),
    ],
)
def test_identity_jobs_that_never_run_on_one_day_are_no_bkr410(first, second, warned):
    """The same for IDENTITY jobs on each member (BKR410): a job for each day is no
    warning, two jobs that may run on one day are."""
    text = _second_job("SYSFU", "SYSF2", second).replace("run on each member daily 02:00", f"run on each member {first}", 1)
    codes = [d.code for d in analyse("minimal.bkr", text.encode()).diagnostics]
    assert codes == (["BKR410"] if warned else []), codes


BANK_TEXT = (ROOT / "examples" / "bank.bkr").read_text(encoding="utf-8")
BANK_DISK = "disk BKRBKUP 191 size 10 cyl on PAPRV1 at 29046"


@pytest.mark.parametrize(
    "old,new,code",
    [
        (BANK_DISK, BANK_DISK.replace("size 10", "size 10#x"), "BKR316"),
        (BANK_DISK, BANK_DISK.replace("size 10", "size 0"), "BKR316"),
        (BANK_DISK, BANK_DISK.replace("cyl", "cyl#x"), "BKR317"),
        (BANK_DISK, BANK_DISK.replace("PAPRV1", "PARPV1"), "BKR333"),
        ("request-node TRTMM", "request-node TRTMM#x", "BKR332"),
    ],
)
def test_a_disk_statement_already_reported_takes_no_part_in_bkr324(old, new, code):
    """bank.bkr places every product disk member by member, one statement per member.
    A slip in one of them (its size, its unit, its volume, or its machine no product
    machine) is that slip's one diagnostic: BKR324 left the statement in its
    comparison and added "sized `10 cyl` here and `10#x cyl` there", "the first, on
    shared volume `PARPV1`, already gives every member's instance..." (an unknown
    volume read as shared) or "defined 3 times" (bench/cascades.py, 174 slips)."""
    assert old in BANK_TEXT
    text = BANK_TEXT.replace(old, new, 1)
    codes = [d.code for d in analyse("bank.bkr", text.encode()).diagnostics if d.severity != "info"]
    assert codes == [code]


def test_a_disk_statement_written_alike_is_a_copy_even_when_already_reported():
    """A statement with a slip pasted again is still a second statement for the
    address: BKR324 reports the paste, at the copy, beside each line's own BKR316 (the
    statements left out of the comparison are those no other is written alike to)."""
    bad = BANK_DISK.replace("size 10", "size 0")
    text = BANK_TEXT.replace(BANK_DISK, f"{bad}\n  {bad}", 1)
    found = [(d.code, d.span.line) for d in analyse("bank.bkr", text.encode()).diagnostics]
    line = BANK_TEXT[: BANK_TEXT.index(BANK_DISK)].count("\n") + 1
    assert found == [("BKR316", line), ("BKR324", line + 1), ("BKR316", line + 1)]


BANK_PRODA = "member PRODA { workers 4 "
BANK_WORKER_DISK = "  disk TRDMM 191 size 10 cyl on PCPRV1 at 29086\n"
BANK_WORKER_DISK_ON_PRODC = BANK_WORKER_DISK + "  disk BKRWRK03 191 size 5 cyl on PCPRV1 at 29096\n"


@pytest.mark.parametrize(
    "old,new,code",
    [
        (BANK_PRODA, "member PRODA { workers 99 ", "BKR316"),
        (BANK_PRODA, "member PRODA { workers 4#x ", "BKR316"),
        ("member PRODC { workers 2 ", "member PRODC { workers 2#x ", "BKR316"),
        ("member PRODC { workers 2 ", "member PRODC { workers 0 ", "BKR241"),
        ("    workers 4\n    private-volume PBPRV1", "    private-volume PBPRV1", "BKR241"),
    ],
)
def test_a_worker_count_reported_is_the_one_diagnostic(old, new, code):
    """A member's `workers` count deleted, 0, or none from 1 to 64 (BKR241, BKR316)
    leaves the count meant unknown: the workers' minidisks bank.bkr places on that
    member's private volume are not BKR252 ("`BKRWRK01` does not run on `PRODB`...
    (`PRODB` runs 0 workers)", one per worker), nor the workers a count past 64 adds
    BKR253 ("workers `BKRWRK05` to `BKRWRK64` get no 191 minidisk on `PRODA`")
    (bench/cascades.py, 9 slips)."""
    assert old in BANK_TEXT
    text = BANK_TEXT.replace(old, new, 1)
    codes = [d.code for d in analyse("bank.bkr", text.encode()).diagnostics if d.severity != "info"]
    assert codes == [code]


@pytest.mark.parametrize("proda", [BANK_PRODA, "member PRODA { workers 99 "])
def test_a_worker_s_minidisk_where_it_does_not_run_is_still_bkr252(proda):
    """BKR252 on its own: a worker's minidisk on the private volume of a member whose
    valid count does not reach it (PRODC runs 2), also beside another member's
    reported count."""
    text = BANK_TEXT.replace(BANK_WORKER_DISK, BANK_WORKER_DISK_ON_PRODC, 1).replace(BANK_PRODA, proda, 1)
    codes = [d.code for d in analyse("bank.bkr", text.encode()).diagnostics if d.severity != "info"]
    assert codes == (["BKR252"] if proda == BANK_PRODA else ["BKR316", "BKR252"])


@pytest.mark.parametrize("proda", [BANK_PRODA, "member PRODA { workers 99 "])
def test_a_worker_without_its_a_disk_is_still_bkr253(proda):
    """BKR253 on its own: a worker that runs on members with a valid count and has no
    191 anywhere (every `disk BKRWRK02 191` deleted), also beside `workers 99`."""
    text = re.sub(r"  disk BKRWRK02 191 .*\n", "", BANK_TEXT).replace(BANK_PRODA, proda, 1)
    codes = sorted(d.code for d in analyse("bank.bkr", text.encode()).diagnostics if d.severity != "info")
    assert codes == (["BKR253"] if proda == BANK_PRODA else ["BKR253", "BKR316"])


@pytest.mark.parametrize(
    "old,new,codes",
    [
        ("  member PRODA { workers 4  private-volume PAPRV1 }\n", "", ["BKR330"]),
        ("  member PRODC { workers 2  private-volume PCPRV1 }\n", "", ["BKR330"]),
        ("    private-volume PBPRV1\n", "", ["BKR245"]),
    ],
)
def test_a_member_s_private_volume_left_out_with_its_declaration_is_one_diagnostic(old, new, codes):
    """A `member` block deleted (BKR330 for its name, where jobs run) or its
    `private-volume` (BKR245) leaves the volume bank.bkr's member-by-member `disk`
    statements name undeclared: not BKR333 as well ("volume `PBPRV1` is neither a
    member's private volume nor a shared volume, named 8 times", bench/cascades.py,
    3 slips). BKR245 names the volume, and its help writes the statement."""
    assert old in BANK_TEXT
    text = BANK_TEXT.replace(old, new, 1)
    found = [d for d in analyse("bank.bkr", text.encode()).diagnostics if d.severity != "info"]
    assert [d.code for d in found] == codes
    if codes == ["BKR245"]:
        assert "`PBPRV1`, which 8 `disk` statements name, is declared nowhere" in found[0].message
        assert found[0].help == "add `private-volume PBPRV1` to the member block"


@pytest.mark.parametrize(
    "old,new",
    [
        (BANK_DISK, BANK_DISK.replace("PAPRV1", "PARPV1")),  # PRODA's statement mistyped
        (BANK_DISK, BANK_DISK + "\n  disk BKRBKUP 191 size 10 cyl on PEPRV1 at 29046"),  # a fifth, every member declared
    ],
)
def test_a_volume_declared_nowhere_beside_declared_members_is_still_bkr333(old, new):
    """BKR333 on its own: a label that is no member's left out with it."""
    text = BANK_TEXT.replace(old, new, 1)
    codes = [d.code for d in analyse("bank.bkr", text.encode()).diagnostics if d.severity != "info"]
    assert codes == ["BKR333"]


BANK_CICSSFS_SFS = "include sfs BKRCAT:CICSRG*.*\n    exclude sfs BKRCAT:CICSRG*.TEMP"


@pytest.mark.parametrize("sfs", [True, False])
def test_a_group_s_kind_flipped_beside_a_job_of_shared_data_is_said_once(sfs):
    """bank.bkr's `identity group CICS` written `single`: IDFUL and IDINC, on each
    member with NETIDS and LINUXP, each gave BKR222; CICSSFS, on PRODA, backs up the
    regions' SFS paths of the shared catalog's pool alone, right for either kind, and
    kept the group's kind from being blamed. One BKR222 now, at the group's kind, the
    job shown as related. With CICSSFS backing up minidisks on one member (right for
    single users only), each job's BKR222 stays: the jobs say `single` is not the slip."""
    text = BANK_TEXT.replace("identity group CICS", "single group CICS", 1)
    if not sfs:
        text = text.replace(BANK_CICSSFS_SFS, "include minidisk CICSRG* 0300-03FF", 1)
    found = [d for d in analyse("bank.bkr", text.encode()).diagnostics if d.severity != "info"]
    lines = [(d.code, d.span.line) for d in found]
    if sfs:
        assert lines == [("BKR222", BANK_TEXT[: BANK_TEXT.index("identity group CICS")].count("\n") + 1)]
        assert "every job that backs it up but `CICSSFS` holds IDENTITY users too" in found[0].message
        assert any("right for either kind" in r.label for r in found[0].related)
    else:
        assert [code for code, _ in lines] == ["BKR222", "BKR222"]


@pytest.mark.parametrize(
    "owner,glued",
    [("*#x", True), ("MNTA#x", True), ("MNTB#x", False), ("NOSUCH", False)],
)
def test_an_owner_with_a_comment_glued_says_so(owner, glued):
    """`include minidisk *#x 0100-0FFF`, a comment written without its blank: `#` is a
    character of CP names, so the owner is `*#X`, and the job backs up nothing
    (BKR116). Its help said only "add *#X to `LOCALA`"; it says first that a blank
    before the `#` makes a comment. An owner whose part before the `#` is no user of
    the job (`MNTB#x` in LOCAFULL, of LOCALA) keeps the help alone."""
    old = "job LOCAFULL {\n    backup LOCALA full\n    include minidisk * 0100-0FFF"
    assert old in BANK_TEXT
    text = BANK_TEXT.replace(old, old.replace("minidisk *", f"minidisk {owner}"), 1)
    found = [d for d in analyse("bank.bkr", text.encode()).diagnostics if d.severity != "info"]
    assert [d.code for d in found] == ["BKR116"]
    said = found[0].help.startswith("a `#` inside a word is part of it: if a comment follows, write a blank before the `#`")
    assert said == glued, found[0].help


@pytest.mark.parametrize(
    "owner,glued",
    [("LNXP*#x", True), ("LNX*#x", True), ("%%%%#x", False), ("LNX*1", False)],
)
def test_an_owner_pattern_with_a_comment_glued_says_so(owner, glued):
    """`include minidisk LNXP*#x 0200-02FF`, a comment written without its blank: the
    owner is the pattern `LNXP*#X`, which shares only LNXP#X with the group's `match
    LNXP%%` (BKR409), and the help said only to write the include for `LNXP%%`. When
    the part before the `#` names the job's users, the help says first that a blank
    before the `#` makes a comment, as BKR406/BKR116 do for an owner. A pattern in
    part without a `#` (`LNX*1`), or whose part before it names none of the job's
    users (`%%%%`), keeps the help alone."""
    old = "include minidisk LNXP* 0200-02FF"
    assert old in BANK_TEXT
    text = BANK_TEXT.replace(old, f"include minidisk {owner} 0200-02FF", 1)
    found = [d for d in analyse("bank.bkr", text.encode()).diagnostics if d.severity != "info"]
    assert [d.code for d in found] == ["BKR409"]
    said = found[0].help.startswith("a `#` inside a word is part of it: if a comment follows, write a blank before the `#`")
    assert said == glued, found[0].help


def test_a_star_with_a_comment_glued_beside_a_match_pattern_says_so():
    """`include minidisk *#x 0191-01FF` in a job of `match LNXP%%` (bank.bkr's IDFUL):
    the owner `*#X` shares only LNXP#X with the pattern, BKR409, and its help says
    first to write a blank before the `#`."""
    old = "include minidisk * 0191-01FF\n    include minidisk CICSRG* 0300-03FF"
    assert old in BANK_TEXT
    text = BANK_TEXT.replace(old, old.replace("minidisk *", "minidisk *#x", 1), 1)
    found = [d for d in analyse("bank.bkr", text.encode()).diagnostics if d.severity != "info"]
    assert [d.code for d in found] == ["BKR409"]
    assert found[0].help.startswith("a `#` inside a word is part of it: if a comment follows, write a blank before the `#`")


def test_bkr303_s_help_counts_the_member_suffix_of_a_job_on_each_member():
    """A job named per member (SYSIN1) has room for 8 characters less its longest
    suffix: the help says so at once, not 8, which would only be BKR223's error next."""
    text = CLEAN.replace(
        "single group GUESTS { LINUX01 }",
        "single group GUESTS { LINUX01 }\n  identity group SYSIDS { TCPIP }",
    ).replace("member VM1 { workers 2 }", "member VM1 { workers 2 }\n  member VM2 { workers 2  job-suffix AB }")
    text = text.replace(
        "}\n}",
        "}\n  job SYSINCREM { backup SYSIDS incremental  include minidisk * 0191  to disk  run on each member daily 04:00 }\n}",
    )
    (found,) = [d for d in analyse("long.bkr", text.encode()).diagnostics if d.code == "BKR303"]
    # both members run two workers: six characters (SYSINC1, SYSINCAB) would name the
    # worker tasks alike on both, BKR227 (stop 81): five
    assert found.help == (
        "write 1-5 characters from A-Z 0-9 $ # @ + - : _; on each member the name gets the member's suffix"
        " (`AB` on `VM2`), and its worker tasks are named from the first six characters (BKR227)"
    )
    one = text.replace("member VM1 { workers 2 }", "member VM1 { workers 1 }")
    (found,) = [d for d in analyse("long.bkr", one.encode()).diagnostics if d.code == "BKR303"]
    assert found.help == (
        "write 1-6 characters from A-Z 0-9 $ # @ + - : _; on each member the name gets the member's suffix,"
        " `AB` on `VM2`"
    )
    pinned = text.replace("run on each member daily 04:00", "run on VM1 daily 04:00").replace(
        "identity group SYSIDS", "single group SYSIDS"
    )
    (found,) = [d for d in analyse("long.bkr", pinned.encode()).diagnostics if d.code == "BKR303"]
    assert found.help == "write `SYSINCRE` (its first 8 characters), or 1-8 characters from A-Z 0-9 $ # @ + - : _"


def test_a_group_s_one_misplaced_job_is_also_told_the_group_s_other_kind():
    """Linux guests (USER entries) written `identity group LINUX` in a first file:
    BKR221's `run on each member` is one way out, the group's kind the other, when
    that job alone backs the group up. Not for a group whose users another statement
    declares too (TCPIP by std/zvm73): their kind is said there as well."""
    text = CLEAN.replace("member VM1 { workers 2 }", "member VM1 { workers 2 }\n  member VM2 { workers 2 }")
    text = text.replace("single group GUESTS { LINUX01 }", "identity group GUESTS { LINUX01 }")
    (found,) = [d for d in analyse("kind.bkr", text.encode()).diagnostics if d.code == "BKR221"]
    assert found.help.splitlines()[-1] == (
        "if the CP directory makes the users of `GUESTS` USER entries, write `single group GUESTS` instead"
    )
    spread = text.replace("identity group GUESTS", "single group GUESTS").replace(
        "run on VM1 daily 01:00", "run on each member daily 01:00"
    )
    (found,) = [d for d in analyse("kind.bkr", spread.encode()).diagnostics if d.code == "BKR220"]
    assert found.help.splitlines()[-1] == (
        "if the CP directory makes the users of `GUESTS` IDENTITY entries, write `identity group GUESTS` instead"
    )
    declared = "import std/zvm73\n" + text.replace("identity group GUESTS { LINUX01 }", "identity group GUESTS { TCPIP }")
    (found,) = [d for d in analyse("kind.bkr", declared.encode()).diagnostics if d.code == "BKR221"]
    assert "group GUESTS" not in found.help


def test_a_weekday_by_its_crontab_number_is_named_without_a_fix():
    """`weekly 7 02:00`, a day counted as a crontab counts them: the help names the
    days (0 and 7 Sunday), no fix, since another count starts at Sunday (Quartz's 1)."""
    text = CLEAN.replace("daily 01:00", "weekly 0 01:00")
    (found,) = [d for d in analyse("cron.bkr", text.encode()).diagnostics if d.code == "BKR314"]
    assert found.help.startswith("write `weekly sun 01:00`, if the numbers count as a crontab's do")
    assert found.fix is None
    (two,) = analyse("cron.bkr", CLEAN.replace("daily 01:00", "weekly 1,7 01:00").encode()).diagnostics
    assert two.code == "BKR314" and two.message.startswith("`1` and `7` are not days of the week")
    assert two.help.startswith("write `weekly mon,sun 01:00`")
    (far,) = analyse("cron.bkr", CLEAN.replace("daily 01:00", "weekly 9 01:00").encode()).diagnostics
    assert far.help == "use mon, tue, wed, thu, fri, sat or sun"


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_weekdays_by_their_crontab_numbers_without_commas_are_one_error(parser, monkeypatch):
    """`weekly 6 7 01:00`: days as a crontab numbers them and without their `,`: one
    error at the numbers whose help names the days with commas (it was "`01:00` has no
    keyword before it", whose help wrote `backup 01:00`); without the time, `weekly 6 7`,
    one BKR314 too (it was `6` not a day, whose help wrote `weekly sat 7`, and `7` not a
    time). No fix: another count starts the week at Sunday."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = CLEAN.replace("daily 01:00", "weekly 6 7 01:00")
    (found,) = analyse("cron.bkr", text.encode()).diagnostics
    assert (found.code, found.message, found.help, found.fix) == (
        "BKR004",
        "`6` and `7` are not days of the week: `weekly` takes each day by name, the days separated by commas",
        "write `weekly sat,sun 01:00`, if the numbers count as a crontab's do (0 and 7 are Sunday, 1 is Monday)",
        None,
    )
    column = text.splitlines()[found.span.line - 1].index("6 7") + 1
    assert (found.span.column, found.span.end_column) == (column, column + len("6 7"))
    (found,) = analyse("cron.bkr", CLEAN.replace("daily 01:00", "weekly 1 2 3 4 5 01:00").encode()).diagnostics
    assert found.help.startswith("write `weekly mon,tue,wed,thu,fri 01:00`,")
    (found,) = analyse("cron.bkr", CLEAN.replace("daily 01:00", "weekly sat 7 01:00").encode()).diagnostics
    assert found.message.startswith("`7` is not a day of the week:")
    assert found.help.startswith("write `weekly sat,sun 01:00`,")
    (found,) = analyse("cron.bkr", CLEAN.replace("daily 01:00", "weekly 6 7").encode()).diagnostics
    assert (found.code, found.message, found.help, found.fix) == (
        "BKR314",
        (
            "`6` and `7` are not days of the week: `weekly` takes each day by name, the days separated by commas,"
            " and the time of day (HH:MM) follows them"
        ),
        "write `weekly sat,sun HH:MM`, if the numbers count as a crontab's do (0 and 7 are Sunday, 1 is Monday)",
        None,
    )


@pytest.mark.parametrize(
    ("schedule", "help", "fix"),
    [
        ("daily 7", "a time is HH:MM on a 24-hour clock, not an hour alone: write `daily 07:00`; 7 p.m. is `19:00`",
         None),
        ("daily 14", "a time is HH:MM on a 24-hour clock, not an hour alone: write `daily 14:00`", "14:00"),
        ("monthly 1 0", "a time is HH:MM on a 24-hour clock, not an hour alone: write `monthly 1 00:00`", "00:00"),
        ("weekly sat 7",
         ("a time is HH:MM on a 24-hour clock, not an hour alone: write `weekly sat 07:00`; 7 p.m. is `19:00`;"
          " or, if `7` is a day as a crontab numbers it, `weekly sat,sun HH:MM`"), None),
    ],
)
def test_an_hour_alone_is_read_on_the_24_hour_clock(schedule, help, fix):
    """`daily 7`, the minutes left off: the help writes `daily 07:00` (it said only "write
    HH:MM"), and says 7 p.m. is `19:00`; fixed only where no other reading is, as `at 13`
    is; after `weekly` and a day, a 0 to 7 may be a crontab's day, which the help says too."""
    (found,) = analyse("hour.bkr", CLEAN.replace("daily 01:00", schedule).encode()).diagnostics
    assert (found.code, found.message, found.help) == ("BKR313", f"`{schedule.split()[-1]}` is not a time of day", help)
    assert (found.fix and found.fix.edits[0].new_text) == fix


def test_weekdays_by_their_crontab_numbers_are_one_error_at_the_numbers():
    """`weekly 6,7 02:00`: one slip, so one BKR314 that names both numbers and spans
    them (it was one error for each, with the same help twice); a day written by name
    among them is not in the message, and the help names every day."""
    text = CLEAN.replace("daily 01:00", "weekly 6,7 01:00")
    (found,) = analyse("cron.bkr", text.encode()).diagnostics
    assert (found.code, found.message) == ("BKR314", "`6` and `7` are not days of the week: `weekly` takes each day by name")
    column = text.splitlines()[found.span.line - 1].index("6,7") + 1
    assert (found.span.column, found.span.end_column) == (column, column + len("6,7"))
    assert found.help.startswith("write `weekly sat,sun 01:00`,")
    mixed = CLEAN.replace("daily 01:00", "weekly 1,sat,5 01:00")
    (found,) = analyse("cron.bkr", mixed.encode()).diagnostics
    assert found.message.startswith("`1` and `5` are not days of the week")
    assert found.help.startswith("write `weekly mon,sat,fri 01:00`,")
    (found,) = analyse("cron.bkr", CLEAN.replace("daily 01:00", "weekly 6,0,7 01:00").encode()).diagnostics
    assert found.help.startswith("write `weekly sat,sun 01:00`,")  # 0 and 7 both Sunday: named once


@pytest.mark.parametrize("name", ["BKR244.fail.bkr", "BKR244.fail-at.bkr"])
def test_bkr244_s_help_writes_a_disk_statement_that_checks(name):
    # was "put it on a `shared-volume`" and "leave out `on VOLUME`", which, done with
    # `at 100` kept, gave BKR004: `at` without its volume
    path = RULES_DIR / name
    text = path.read_text(encoding="utf-8")
    helps = [d.help for d in analyse(name, text.encode()).diagnostics if d.code == "BKR244"]
    assert helps
    lines = text.splitlines(keepends=True)
    for help in helps:
        statement = re.match(r"write `(disk [^`]*)`", help).group(1)
        user = statement.split()[1]
        (i,) = [i for i, line in enumerate(lines) if line.strip().startswith(f"disk {user} ") and "expect: BKR244" in line]
        lines[i] = f"  {statement}\n"
    assert [d.code for d in analyse(name, "".join(lines).encode()).diagnostics] == []


@pytest.mark.parametrize(
    ("written", "help"),
    [
        # was "write `catalog shared server BKRSVSFS pool BKRPOOL` with your server and
        # file pool", the line's `on` and its own server dropped
        ("catalog shared server CATSFS on VM1", "write `catalog shared server CATSFS pool BKRPOOL on VM1`, with your file pool"),
        ("catalog shared pool CATPOOL", "write `catalog shared server BKRSVSFS pool CATPOOL`, with your SFS server"),
    ],
)
def test_bkr212_s_help_keeps_what_the_catalog_says(written, help):
    path = RULES_DIR / "BKR212.fail.bkr"
    text = path.read_text(encoding="utf-8")
    (line,) = [line for line in text.splitlines() if line.strip().startswith("catalog ")]
    text = text.replace(line, "  " + written)
    (d,) = [d for d in analyse("BKR212.bkr", text.encode()).diagnostics if d.code == "BKR212"]
    assert d.help == help


#: BKR203 in examples/prodssi.bkr: the help names, for each kind, the groups and
#: `user` statements to take the user out of, with their lines (was "a user is either
#: single-configuration (USER) or IDENTITY: keep the one the CP directory has", which
#: named neither). Each branch, followed, checks clean.
BOTH_KINDS_CASES = [
    (
        "  identity group SYSIDS { TCPIP FTPSERVE CICSPRD }",
        (
            "if CICSPRD is single in the CP directory, take it out of group SYSIDS (line 47);"
            " if identity, take it out of group APPS (line 45)"
        ),
        ["  identity group SYSIDS { TCPIP FTPSERVE }", None],
    ),
    (
        "  identity group SYSIDS { TCPIP FTPSERVE }\n  identity user DB2PRD",
        (
            "if DB2PRD is identity in the CP directory, take it out of group APPS (line 45);"
            " if single, delete `identity user DB2PRD` (line 48)"
        ),
        [None, "  identity group SYSIDS { TCPIP FTPSERVE }"],
    ),
]


@pytest.mark.parametrize(("written", "help", "kept"), BOTH_KINDS_CASES, ids=["group", "user statement"])
def test_a_user_in_both_kinds_gets_a_help_naming_each_place_with_its_line(written, help, kept):
    base = (ROOT / "examples" / "prodssi.bkr").read_text(encoding="utf-8")
    clean = "  identity group SYSIDS { TCPIP FTPSERVE }"
    text = base.replace(clean, written, 1)
    assert text != base
    (d,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (d.code, d.help) == ("BKR203", help)
    # following the help's branch that takes the user out of group SYSIDS or
    # deletes its `user` statement leaves the file clean
    for line in kept:
        if line is not None:
            assert analyse("prodssi.bkr", text.replace(written, line, 1).encode("utf-8")).diagnostics == []
    # the other branch, for DB2PRD and CICSPRD identity: out of group APPS
    if "CICSPRD" in written:
        fixed = text.replace("{ CICSPRD DB2PRD }", "{ DB2PRD }", 1)
    else:
        fixed = text.replace("{ CICSPRD DB2PRD }", "{ CICSPRD }", 1)
    assert "BKR203" not in {x.code for x in analyse("prodssi.bkr", fixed.encode("utf-8")).diagnostics}


#: BKR245 in examples/prodssi.bkr where the file names no label for the volume: the
#: help keeps VOLSER and says in words that it is a placeholder, with a member's own
#: label as the form (was "add `private-volume VOLSER` to the member block" and "add
#: `shared-volume VOLSER` to the cluster", VOLSER unexplained).
NO_VOLUME_HELPS = [
    (
        [("member VMSYS3 { workers 2  private-volume M3PRV1 }", "member VMSYS3 { workers 2 }")],
        ("add `private-volume VOLSER` to the member block; the file names no volume for `VMSYS3`, so write for"
        " VOLSER the label of a volume of its own, as VMSYS1 has `M1PRV1` (`QUERY DASD` on the member lists them)"),
    ),
    (
        [
            ("member VMSYS3 { workers 2  private-volume M3PRV1 }", "member VMSYS3 { workers 2 }"),
            ("member VMSYS4 { workers 2  private-volume M4PRV1 }", "member VMSYS4 { workers 2 }"),
        ],
        ("add `private-volume VOLSER` to each member block; the file names no volume for `VMSYS3` and `VMSYS4`,"
        " so write for VOLSER the label of a volume of each one's own, as VMSYS1 has `M1PRV1` (`QUERY DASD` on"
        " the member lists them)"),
    ),
    (
        [("  shared-volume VMCOM1\n", ""), (" on VMCOM1 at 1000", "")],
        ("add `shared-volume VOLSER` to the cluster; the file names no volume every member shares, so write for"
        " VOLSER the label of one (`QUERY DASD` on each member lists them)"),
    ),
]


@pytest.mark.parametrize(("edits", "help"), NO_VOLUME_HELPS, ids=["one member", "two members", "shared"])
def test_a_volume_the_file_names_nowhere_is_a_placeholder_said_so(edits, help):
    text = (ROOT / "examples" / "prodssi.bkr").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    (d,) = analyse("prodssi.bkr", text.encode("utf-8")).diagnostics
    assert (d.code, d.help) == ("BKR245", help)


BANK_BKRBKUP = "  disk BKRBKUP 191 size 10 cyl on {} at 29046"


#: BKR244 for an IDENTITY machine's disk on a shared volume beside other statements that
#: place the same disk (was a help writing `disk BKRBKUP 191 size 10 cyl` without `on`
#: and `at`, which, written, is BKR324, a second minidisk for every instance; and a
#: BKR324 of its own beside BKR244): one error, whose help writes the statement that
#: checks.
IDENTITY_DISK_BESIDE_OTHERS = [
    (  # bank.bkr, PRODD's statement on shared BKCOM1: PRODD's private volume
        BANK_TEXT,
        [(BANK_BKRBKUP.format("PDPRV1"), BANK_BKRBKUP.format("BKCOM1"))],
        ("write `disk BKRBKUP 191 size 10 cyl on PDPRV1 at 29046`, on PRODD's private volume: the other"
        " statements place the instance on the other members, each on its own"),
        [(BANK_BKRBKUP.format("BKCOM1"), BANK_BKRBKUP.format("PDPRV1"))],
    ),
    (  # a fifth statement, on BKCOM1, beside one for each member: deleted
        BANK_TEXT,
        [(BANK_BKRBKUP.format("PDPRV1"), BANK_BKRBKUP.format("PDPRV1") + "\n" + BANK_BKRBKUP.format("BKCOM1"))],
        ("delete this statement: the other `disk BKRBKUP 191` statements (lines 40, 41, 42, 43) place the"
        " instance on every member"),
        [("\n" + BANK_BKRBKUP.format("BKCOM1"), "")],
    ),
    (  # prodssi.bkr: beside `disk BKRBKUP 191 size 10 cyl`, which places every instance
        PRODSSI_TEXT,
        [("  disk BKRBKUP 191 size 10 cyl\n", "  disk BKRBKUP 191 size 10 cyl\n  disk BKRBKUP 191 size 10 cyl on VMCOM1\n")],
        ("delete this statement: `disk BKRBKUP 191 size 10 cyl` (line 31) already gives each member's instance"
        " its own extent on its private volume"),
        [("  disk BKRBKUP 191 size 10 cyl on VMCOM1\n", "")],
    ),
]


@pytest.mark.parametrize(
    ("base", "edits", "help", "mend"), IDENTITY_DISK_BESIDE_OTHERS, ids=["last member", "fifth", "beside one for all"]
)
def test_an_identity_disk_on_a_shared_volume_beside_other_statements_gets_a_help_that_checks(base, edits, help, mend):
    text = base
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    (d,) = analyse("t.bkr", text.encode("utf-8")).diagnostics
    assert (d.code, d.help) == ("BKR244", help)
    for old, new in mend:
        text = text.replace(old, new, 1)
    assert analyse("t.bkr", text.encode("utf-8")).diagnostics == []


def test_two_identity_disks_on_shared_volumes_get_the_members_left():
    text = BANK_TEXT.replace(BANK_BKRBKUP.format("PDPRV1"), BANK_BKRBKUP.format("BKCOM1"), 1)
    text = text.replace(BANK_BKRBKUP.format("PCPRV1"), BANK_BKRBKUP.format("BKCOM2"), 1)
    found = analyse("t.bkr", text.encode("utf-8")).diagnostics
    assert [d.code for d in found] == ["BKR244", "BKR244"]
    assert {d.help for d in found} == {
        ("write it on the private volume of a member no other statement places the instance on, one statement per"
        " member: `disk BKRBKUP 191 size 10 cyl on PCPRV1 at 29046` (PRODC) or `disk BKRBKUP 191 size 10 cyl on"
        " PDPRV1 at 29046` (PRODD)")
    }


# --- h6 (stop 67)
H6_67_TAPE = """import std/backup-manager
cluster ZVMSSI {
  member ZVM1 { workers 1 private-volume Z1PRV1 }
  member ZVM2 { workers 1 private-volume Z2PRV1 }
  member ZVM3 { workers 1 private-volume Z3PRV1 }
  shared-volume ZVMCOM
  disk BKRBKUP 191 size 10 cyl
  disk BKRCATLG 191 size 10 cyl
  disk BKRWRK* 191 size 5 cyl
  disk BKRADMIN 191 size 10 cyl
  disk 5697J06C 191 size 10 cyl
  disk BKRSFS 191 size 20 cyl
  disk TCTMM 191 size 10 cyl
  disk TRTMM 191 size 10 cyl
  catalog shared server BKRSFS pool BKRPOOL on ZVM1
  expire on ZVM1 { purge monthly 1 04:00  retain 35 days }
  tape manager shared catalog-node TCTMM on ZVM1 request-node TRTMM
  single group LNX1 { match LNX1* }
  job LNX1FULL {
    backup LNX1 full
    include minidisk * 0100-0FFF
    to tape
    run on ZVM1 weekly sun 22:00
  }
}
"""


def test_h6_67_a_request_node_left_out_is_one_error_not_also_its_disk():
    # A newcomer's `tape manager shared catalog-node TCTMM on ZVM1`, its `request-node`
    # left out in a cluster of three members, beside `disk TRTMM 191 ...`: BKR233's help
    # writes `request-node TRTMM`, from that disk; BKR332 said at the disk too that the
    # statement names no `catalog-dmm` and `request-dmm` (a DMM, not the node). One slip,
    # one error; the help's line then checks clean.
    assert _h6_67_errors(H6_67_TAPE) == []
    text = H6_67_TAPE.replace(" request-node TRTMM\n", "\n", 1)
    (found,) = _h6_67_errors(text)
    assert (found.code, found.help) == ("BKR233", "add `request-node TRTMM`: the IDENTITY machine that runs on every other member")
    # a disk for a machine BKR233 does not name is still BKR332's
    other = text.replace("  disk TRTMM 191", "  disk TRTMM 191 size 10 cyl\n  disk TXTMM 191", 1)
    assert sorted(d.code for d in _h6_67_errors(other)) == ["BKR233", "BKR332"]
    # the catalog node left out: BKR233 writes `catalog-node TCTMM on ZVM1`, not also BKR332 at TCTMM's disk
    text = H6_67_TAPE.replace("catalog-node TCTMM on ZVM1 ", "", 1)
    found = _h6_67_errors(text)
    assert [d.help for d in found if d.code == "BKR233"] == ["add `catalog-node TCTMM on ZVM1`: one member owns the tape catalog"]
    assert [d.span.line for d in found if d.code == "BKR332"] != [13]


def _h6_67_errors(text: str) -> list:
    """The errors of `text` (no job runs on ZVM2 and ZVM3: BKR401's warnings, not the point)."""
    return [d for d in analyse("t.bkr", text.encode()).diagnostics if d.is_error]


# --- h8 (stop 67)
def test_h8_67_a_catalog_node_left_out_is_one_error_not_also_the_request_nodes_disk():
    # `tape manager shared request-node TRTMM`, its `catalog-node` left out, beside
    # `disk TRTMM 191 ...`: BKR233 writes `catalog-node TCTMM on ZVM1`; BKR332 said at
    # TRTMM's disk too that "the catalog node's member is not one of the cluster's", the
    # same slip. One error; the help's words written, the file checks clean.
    text = H6_67_TAPE.replace("catalog-node TCTMM on ZVM1 ", "", 1)
    (found,) = _h6_67_errors(text)
    assert (found.code, found.help) == ("BKR233", "add `catalog-node TCTMM on ZVM1`: one member owns the tape catalog")
    assert _h6_67_errors(text.replace("shared request-node", "shared catalog-node TCTMM on ZVM1 request-node", 1)) == []


# --- h9 (stop 68)
@pytest.mark.parametrize("case,old,new", [("BKR227.fail.bkr", "SYSINC", "SYSIN"), ("BKR227.fail-letters.bkr", "MONINC", "MONIN")])
def test_bkr227_fix_renames_the_job_to_five_characters_and_checks_clean(case: str, old: str, new: str):
    """BKR227 (APAR PH50490): an IDENTITY job whose per-member names share their first
    six characters (SYSIN1/SYSIN2 with the members' numbers, MONINCA/MONINCB with
    `job-suffix A` and `B`) is a warning, exit 0, whose fix writes a five-character
    name, the one named in its help; the file so mended checks clean."""
    from bkrdsl.fixes import apply

    path = RULES_DIR / case
    analysis = run(path)
    (d,) = analysis.diagnostics
    assert (d.code, d.severity.value) == ("BKR227", "warning")
    assert f"`{old}`" in d.message and "PH50490" in d.message
    assert f"write `job {new}` for `job {old}`" in d.help
    mended = apply(path.read_text(encoding="utf-8"), [d])
    assert f"job {new} {{" in mended and f"job {old} " not in mended
    assert analyse(path.name, mended.encode(), path=path).diagnostics == []
    run_cli(["check", path], expect=0)  # a warning alone: exit 0


def test_bkr227_no_fix_where_the_suffixes_begin_alike():
    """`job-suffix A1` and `A2`: SYSINA1 and SYSINA2 share `SYSINA` whatever the job's
    name; the help names the members and offers no edit."""
    (d,) = run(RULES_DIR / "BKR227.fail-suffixes-alike.bkr").diagnostics
    assert d.code == "BKR227" and d.fix is None
    assert "`SYSINA`" in d.message and "`VM1` and `VM2`" in d.help


# --- h1 (stop 69)
def test_bkr227_not_with_a_catalog_per_member():
    """`catalog local` is one catalog per member: SYSINC1's worker tasks and
    SYSINC2's are recorded in different catalogs, so BKR227 stays silent; the same
    cluster with one shared catalog (and its purging member) gets the warning."""
    path = RULES_DIR / "BKR227.pass-local-catalog.bkr"
    text = path.read_text(encoding="utf-8")
    assert [d.code for d in run(path).diagnostics] == []
    shared = text.replace("  catalog local\n", "  catalog shared server BKRSVSFS pool BKRPOOL on VM1\n").replace(
        "expire on each member {", "expire on VM1 {"
    )
    assert [d.code for d in analyse(path.name, shared.encode(), path=path).diagnostics] == ["BKR227"]


# stop 73, h6: a `disk` for a guest or z/VM's own ID beside a shared Tape Manager without DMMs
@pytest.mark.parametrize("declare,user", [("single group GUESTS { DB2A }", "DB2A"), ("", "TCPIP")])
def test_h6_73_a_disk_for_a_guest_is_not_called_a_missing_dmm(declare: str, user: str):
    # A newcomer's `disk TCPIP 191 ...` (z/VM's own IDENTITY machine, as std/zvm73
    # declares it), or a guest's, in a cluster whose `tape manager shared` statement
    # names no `catalog-dmm` and `request-dmm` (optional, as docs/language.md says):
    # BKR332 said "if it is a Tape Manager machine, the statement names no
    # `catalog-dmm` ...", and its help to name it there led to another error. Its
    # help says to drop the statement, and the file so mended checks clean.
    base = ("import std/zvm73\n" + H6_67_TAPE).replace("  single group LNX1", f"  {declare}\n  single group LNX1", 1)
    assert _h6_67_errors(base) == []
    text = base.replace("  disk TRTMM 191 size 10 cyl\n", f"  disk TRTMM 191 size 10 cyl\n  disk {user} 191 size 10 cyl\n", 1)
    (found,) = _h6_67_errors(text)
    assert found.code == "BKR332"
    assert "Tape Manager" not in found.message and "catalog-dmm" not in found.help
    assert found.help.startswith(f"drop the `disk` statement: {user}'s minidisks are defined in the site's own directory;")
    # a name no one declares is still the DMM the statement may lack
    other = base.replace("  disk TRTMM 191 size 10 cyl\n", "  disk TRTMM 191 size 10 cyl\n  disk TCDMM 191 size 10 cyl\n", 1)
    (found,) = _h6_67_errors(other)
    assert found.code == "BKR332" and "`catalog-dmm`" in found.help


# stop 75, h1: `# bkrc: allow CODE reason`, a warning the site keeps, acknowledged in the file
H1_75_SHARED = """\
import std/backup-manager
cluster PRODSSI {
  member VMSYS1 { workers 2 }
  member VMSYS2 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
  identity group SYSIDS { TCPIP }
  job SYSINC {
    backup SYSIDS incremental
    include minidisk * *
    to disk
    run on each member daily 01:00
  }
}
"""
H1_75_JOB = "  job SYSINC {\n"


def _h1_75(text: str):
    return analyse("site.bkr", text.encode(), path=Path("site.bkr"))


def _h1_75_apply(text: str, fix) -> str:
    for edit in sorted(fix.edits, key=lambda e: e.span.start, reverse=True):
        text = text[: edit.span.start] + edit.new_text + text[edit.span.end :]
    return text


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_75_a_trailing_allow_sets_its_lines_warning_aside_and_counts_it(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert [d.code for d in _h1_75(H1_75_SHARED).diagnostics] == ["BKR227"]
    text = H1_75_SHARED.replace(H1_75_JOB, "  job SYSINC {   # bkrc: allow BKR227 our own template names\n")
    analysis = _h1_75(text)
    assert analysis.diagnostics == []
    (allowed,) = analysis.allowed
    assert allowed.diagnostic.code == "BKR227" and allowed.directive.reason == "our own template names"
    # by the rule's name too
    named = H1_75_SHARED.replace(H1_75_JOB, "  job SYSINC {   # bkrc: allow worker-task-names-shared\n")
    assert _h1_75(named).diagnostics == [] and len(_h1_75(named).allowed) == 1


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_75_a_string_holding_the_words_is_no_allow(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = H1_75_SHARED.replace(H1_75_JOB, '  job SYSINC { description "# bkrc: allow BKR227 x"\n')
    analysis = _h1_75(text)
    assert [d.code for d in analysis.diagnostics] == ["BKR227"] and analysis.allowed == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_75_an_own_line_allow_covers_the_statement_below_and_a_trailing_one_its_line(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    # own line, above the job: the job whole (BKR227 is at its name)
    above = H1_75_SHARED.replace(H1_75_JOB, "  # bkrc: allow BKR227 our own names\n  # and a comment between\n" + H1_75_JOB)
    assert _h1_75(above).diagnostics == [] and len(_h1_75(above).allowed) == 1
    # trailing on another line of the job: not its line, so the warning stays and the allow is unused
    inside = H1_75_SHARED.replace("    to disk\n", "    to disk   # bkrc: allow BKR227\n")
    assert [d.code for d in _h1_75(inside).diagnostics] == ["BKR227", "BKR027"]
    # own line above the cluster: its opening line only, not every statement inside
    top = H1_75_SHARED.replace("cluster PRODSSI {\n", "# bkrc: allow BKR227\ncluster PRODSSI {\n")
    assert [d.code for d in _h1_75(top).diagnostics] == ["BKR027", "BKR227"]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_75_an_allow_of_an_error_is_an_error_and_silences_nothing(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    pinned = H1_75_SHARED.replace("run on each member", "run on VMSYS1").replace(
        H1_75_JOB, "  job SYSINC {   # bkrc: allow BKR221 on purpose\n"
    )
    found = _h1_75(pinned).diagnostics
    assert [d.code for d in found] == ["BKR025", "BKR221"]
    assert found[0].message == "BKR221 (identity-job-pinned) is an error, which no allow silences"
    assert found[0].span.column == pinned.splitlines()[7].index("BKR221") + 1
    assert run_cli(["compile", "-", "-o", "/nonexistent-h1-75"], input=pinned).exit_code == 1


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_75_an_unknown_code_is_a_warning_with_the_code_meant_and_its_fix(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = H1_75_SHARED.replace(H1_75_JOB, "  job SYSINC {   # bkrc: allow BKR2277 our names\n")
    found = _h1_75(text).diagnostics
    assert [d.code for d in found] == ["BKR227", "BKR026"]
    # a warning (rustc's unknown_lints): a code a later bkrc added must not stop this one's compile
    assert found[1].severity.name == "WARNING"
    assert run_cli(["compile", "-", "-o", "/nonexistent-lead-75", "--dry-run"], input=text).exit_code == 0
    # and it is no warning an allow silences: the word is mended instead
    bad = text.replace("allow BKR2277 our names", "allow BKR2277, BKR026 our names")
    (refused,) = [d for d in _h1_75(bad).diagnostics if d.code == "BKR025"]
    assert refused.message == "BKR026 (allow-unknown-code) cannot be allowed"
    assert found[1].message == "unknown code `BKR2277` in `# bkrc: allow`; did you mean `BKR227`?"
    mended = _h1_75_apply(text, found[1].fix)
    assert _h1_75(mended).diagnostics == [] and len(_h1_75(mended).allowed) == 1
    # `alow` is `allow` misspelt; a comment that merely starts `bkrc:` is prose
    (typo,) = [d for d in _h1_75(text.replace("allow BKR2277", "alow BKR227")).diagnostics if d.code == "BKR026"]
    assert typo.fix.edits[0].new_text == "allow"
    prose = H1_75_SHARED.replace(H1_75_JOB, "  job SYSINC {   # bkrc: writes SYSINC1 and SYSINC2\n")
    assert [d.code for d in _h1_75(prose).diagnostics] == ["BKR227"]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("tail", ["# bkrc: allow BKR227 our names\n", "# bkrc: allow BKR227 our names\n## the end\n"])
def test_an_allow_with_no_statement_below_it_says_so_not_line_0(parser, tail, monkeypatch):
    """An allow on its own line below the last statement (or a module that holds only
    it and comments: bench/mutate.py seed 50778, stop 79's h8) covers no line: BKR027
    said "no BKR227 on line 0"; it says no statement follows it, and its fix deletes it."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = H1_75_SHARED.replace("SYSINC", "SYSIN") + tail
    (unused,) = _h1_75(text).diagnostics
    assert unused.message == "`# bkrc: allow BKR227` silences nothing: no statement follows it"
    assert _h1_75(_h1_75_apply(text, unused.fix)).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_75_an_unused_allow_is_a_warning_whose_fix_deletes_it_and_the_file_checks_clean(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    renamed = H1_75_SHARED.replace("SYSINC", "SYSIN")
    for written, left in [
        ("  job SYSIN {   # bkrc: allow BKR227 our names\n", "  job SYSIN {\n"),
        ("  # bkrc: allow BKR227 our names\n  job SYSIN {\n", "  job SYSIN {\n"),
    ]:
        text = renamed.replace("  job SYSIN {\n", written)
        (unused,) = _h1_75(text).diagnostics
        assert unused.code == "BKR027" and unused.severity.value == "warning"
        fixed = _h1_75_apply(text, unused.fix)
        assert fixed == renamed.replace("  job SYSIN {\n", left)
        assert _h1_75(fixed).diagnostics == []
    # of two codes, the one unused is taken out of the list
    two = H1_75_SHARED.replace(H1_75_JOB, "  job SYSINC {   # bkrc: allow BKR227, BKR412 our names\n")
    (unused,) = _h1_75(two).diagnostics
    assert unused.message == "BKR412 in `# bkrc: allow` silences nothing"
    fixed = _h1_75_apply(two, unused.fix)
    assert "# bkrc: allow BKR227 our names" in fixed and _h1_75(fixed).diagnostics == []
    # `bkrc check --fix` applies it
    result = run_cli(["check", "--fix", "-"], input=renamed.replace("  job SYSIN {\n", "  job SYSIN {  # bkrc: allow BKR227\n"))
    assert "bkrc: allow" not in result.output


def test_h1_75_a_directory_warnings_allow_is_not_unused_without_the_directory():
    text = H1_75_SHARED.replace("SYSINC", "SYSIN").replace("  job SYSIN {\n", "  job SYSIN {   # bkrc: allow BKR511 ours\n")
    assert _h1_75(text).diagnostics == []
    # where a warning's check ran, its allow that silences nothing is said so
    assert [d.code for d in _h1_75(text.replace("BKR511", "BKR412")).diagnostics] == ["BKR027"]
    # nor any allow of a file with a syntax error, whose checks did not all run
    broken = text.replace("include minidisk * *", "include minidisk * *\n    retain")
    assert "BKR027" not in [d.code for d in _h1_75(broken).diagnostics]


def test_h1_75_check_counts_the_allowed_warnings_and_json_marks_them():
    text = H1_75_SHARED.replace(H1_75_JOB, "  job SYSINC {   # bkrc: allow BKR227 our names\n")
    quiet = run_cli(["check", "-"], input=text, expect=0)
    assert quiet.output == ""  # a run whose only findings are allowed is as quiet as a clean one
    noisy = text.replace("retain 35 days }", "retain 35 days }\n  single group APPS { LINUX01 }")
    result = run_cli(["check", "-"], input=noisy, expect=0)
    assert result.output.splitlines()[-1] == "1 warning; 1 warning allowed"
    document = json.loads(run_cli(["check", "--format", "json", "-"], input=noisy).output)
    assert document["warning_count"] == 1 and document["allowed_count"] == 1
    (allowed,) = document["allowed"]
    assert allowed["code"] == "BKR227" and allowed["allowed_by"]["reason"] == "our names"
    assert allowed["allowed_by"]["line"] == 9
    assert "allowed" not in json.loads(run_cli(["check", "--format", "json", "-"], input=H1_75_SHARED).output)


def test_h1_75_explain_answers_for_the_new_codes():
    for code, name in [("BKR025", "allow-of-error"), ("BKR026", "allow-unknown-code"), ("BKR027", "unused-allow")]:
        result = run_cli(["explain", code], expect=0)
        assert name in result.output or code in result.output
        assert run_cli(["explain", name], expect=0).output == result.output


def test_h1_75_bkr227s_help_where_the_site_names_its_members_jobs_ends_with_the_allow_that_checks_clean():
    path = RULES_DIR / "BKR227.fail-letters.bkr"
    text = path.read_text(encoding="utf-8")
    (found,) = analyse(path.name, text.encode(), path=path).diagnostics
    mend, allow = found.help.split("; or, if these are your own templates' names, allow it: ")
    assert mend.startswith("keep an IDENTITY job's name to five characters")  # the mend first
    assert allow == "`# bkrc: allow BKR227 REASON`"
    lines = text.splitlines(keepends=True)
    n = found.span.line - 1
    lines[n] = lines[n].split("#")[0] + allow.strip("`").replace("REASON", "our templates' names") + "\n"
    assert analyse(path.name, "".join(lines).encode(), path=path).diagnostics == []
    # without a `job-suffix`, the names are bkrc's: no allow offered
    (plain,) = _h1_75(H1_75_SHARED).diagnostics
    assert "bkrc: allow" not in plain.help


# stop 76, h10: BKR330's help when a member was retired (its block deleted) rather than mistyped
H10_76_DEV = """\
import std/backup-manager

cluster DEVSSI {
  member DEV1 { workers 2 }
  member DEV2 { workers 2 }
  member DEV3 { workers 2 }
  member DEV4 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL on DEV1
  expire on DEV1 {
    purge weekly sun 06:00
    retain 30 days
  }
  tape manager shared catalog-node TCTMM on DEV1 request-node TRTMM
  single group GUESTS { LINUX01 }
  identity group SYSTEM { RSCS }
  job GUESTFUL {
    backup GUESTS full
    include minidisk * *
    to disk
    run on DEV1 daily 01:00
  }
  job GUESTINC {
    backup GUESTS incremental
    include minidisk * *
    to disk
    run on DEV1 daily 03:00
  }
  job SYSIN {
    backup SYSTEM incremental
    include minidisk * *
    to disk
    run on each member daily 04:00
  }
}
"""
H10_76_RETIRED = H10_76_DEV.replace("  member DEV1 { workers 2 }\n", "", 1)


def _h10_76_unknown(text: str, parser: str, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    analysis = analyse("dev.bkr", text.encode())
    (d,) = analysis.diagnostics
    assert d.code == "BKR330"
    return d


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h10_76_a_retired_member_named_by_several_statements_is_said_retired_each_role_with_what_moving_it_means(
    parser, monkeypatch
):
    """DEV1's block deleted: five statements of four kinds name it, and DEV2, DEV3 and
    DEV4 are equally close by spelling. It was "did you mean `DEV2`, `DEV3` or `DEV4`?",
    which read as a typo's fix; now the help says DEV1 is no member, that each statement
    needs one of the members if it was retired, and what moving each role means, a line
    each; no "did you mean", no fix, and each member a choice written at all five places,
    each of which checks clean."""
    from bkrdsl.fixes import apply_edits

    assert analyse("dev.bkr", H10_76_DEV.encode()).diagnostics == []
    d = _h10_76_unknown(H10_76_RETIRED, parser, monkeypatch)
    assert d.message == "unknown member `DEV1`, named 5 times: no `member DEV1` block declares it"
    assert d.help == (
        "`DEV1` is no member of the cluster: if it was retired, each statement that names it needs one of the"
        " members (DEV2, DEV3, DEV4):\n"
        "  `catalog ... on`: its server runs on that member (the one catalog moves with it)\n"
        "  `expire on`: the purging member (EXPIRE runs there only)\n"
        "  `catalog-node ... on`: the Tape Manager catalog node runs there\n"
        "  `run on` of jobs `GUESTFUL` and `GUESTINC`: their single-configuration users are then backed up from"
        " that member"
    )
    assert d.fix is None and "did you mean" not in d.help
    assert [(c.title, len(c.edits)) for c in d.choices] == [(f"Write `DEV{n}`", 5) for n in (2, 3, 4)]
    for choice in d.choices:
        mended = apply_edits(H10_76_RETIRED, choice.edits)
        assert "DEV1" not in mended
        assert analyse("dev.bkr", mended.encode()).diagnostics == [], choice.title


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h10_76_a_retired_member_named_by_jobs_alone_is_said_retired_too(parser, monkeypatch):
    """The choice made: several statements, of any kind, and several members equally
    close: retired (the catalog and the purge often stay on another member, so a member
    that ran jobs only is named by `run on` alone). One statement and members equally
    close keeps "did you mean" (a typo as likely); one member closest keeps it whatever
    the count (VMSYS01 for VMSYS1, BKR330.fail-named-three-times.bkr)."""
    text = H10_76_RETIRED.replace("pool BKRPOOL on DEV1", "pool BKRPOOL on DEV2").replace("expire on DEV1", "expire on DEV2")
    text = text.replace("catalog-node TCTMM on DEV1", "catalog-node TCTMM on DEV2")
    d = _h10_76_unknown(text, parser, monkeypatch)
    assert d.help.endswith(
        "(DEV2, DEV3, DEV4):\n  `run on` of jobs `GUESTFUL` and `GUESTINC`: their single-configuration users are"
        " then backed up from that member"
    )
    assert [c.title for c in d.choices] == ["Write `DEV2`", "Write `DEV3`", "Write `DEV4`"]
    once = text.replace("run on DEV1 daily 03:00", "run on DEV2 daily 03:00")
    d = _h10_76_unknown(once, parser, monkeypatch)
    assert d.help == "did you mean `DEV2`, `DEV3` or `DEV4`?"
    assert d.choices == ()


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h10_76_a_name_close_to_no_member_offers_each_member_and_each_checks_clean(parser, monkeypatch):
    """`run on VMSYS5` in prodssi.bkr, named once and close to no member: the retired
    reading, then how to declare it; each member a choice, and each applied checks clean."""
    from bkrdsl.fixes import apply_edits

    text = PRODSSI_TEXT.replace("run on VMSYS1 daily 02:00", "run on VMSYS5 daily 02:00", 1)
    d = _h10_76_unknown(text, parser, monkeypatch)
    assert d.help.startswith("`VMSYS5` is no member of the cluster: if it was retired")
    assert d.help.endswith("\nif it is a new member, declare it with `member VMSYS5 { ... }`")
    assert [c.title for c in d.choices] == [f"Write `VMSYS{n}`" for n in range(1, 5)]
    for choice in d.choices:
        assert analyse("prodssi.bkr", apply_edits(text, choice.edits).encode()).diagnostics == [], choice.title


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h10_76_a_retired_member_in_a_run_on_list_is_removed_from_it_and_no_member_is_offered(parser, monkeypatch):
    """`run on DEV1, DEV2, DEV3` of a job of IDENTITY users, DEV1 retired: the help says
    to remove it from the list, and no member is offered (written there, it would be
    named twice)."""
    two = H10_76_DEV.replace("  member DEV4 { workers 2 }\n", "", 1)
    two = two.replace("run on each member daily 04:00", "run on DEV1, DEV2, DEV3 daily 04:00")
    assert analyse("dev.bkr", two.encode()).diagnostics == []
    retired = two.replace("  member DEV1 { workers 2 }\n", "", 1)
    d = _h10_76_unknown(retired, parser, monkeypatch)
    assert "  `run on` of job `SYSIN`, beside other members: remove it from the list" in d.help.split("\n")
    assert d.choices == () and d.fix is None


# stop 76, lead: BKR330's "did you mean" in a `run on` list that names the member meant already (h10's report)
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    "written, mended",
    [
        ("run on DEV1, DEV2 daily 01:00", "run on DEV2 daily 01:00"),
        ("run on DEV2, DEV1 daily 01:00", "run on DEV2 daily 01:00"),
        ("run on DEV1 daily 01:00", "run on DEV2 daily 01:00"),
    ],
)
def test_bkr330_takes_the_name_out_of_a_list_that_names_the_member_meant(monkeypatch, parser, written, mended):
    # `run on DEV1, DEV2`, DEV1 meant for DEV2: the fix wrote `run on DEV2, DEV2`, then
    # BKR115 (named twice); it takes DEV1 out of the list with its comma instead.
    from bkrdsl.fixes import apply
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", "lark" if parser == "lark" else "")
    text = (
        "import std/backup-manager\ncluster C {\n"
        "  member DEV2 { workers 1  private-volume D2PRV1 }\n  member PROD { workers 1  private-volume P1PRV1 }\n"
        "  catalog shared server BKRSVSFS pool BKRPOOL on DEV2\n  expire on DEV2 { purge weekly sun 05:00 }\n"
        "  disk BKRBKUP 191 size 10 cyl\n  disk BKRCATLG 191 size 10 cyl\n  disk BKRWRK* 191 size 5 cyl\n"
        "  single group APPS { LINUX01 }\n"
        f"  job APPSFULL {{\n    backup APPS full\n    include minidisk * 0191\n    to disk pool P\n    {written}\n  }}\n"
        "  job PRODFULL {\n    backup APPS full\n    include minidisk * 0192\n    to disk pool P\n    run on DEV2 daily 02:00\n  }\n}\n"
    )
    (unknown,) = [d for d in analyse("c.bkr", text.encode()).diagnostics if d.code == "BKR330"]
    assert unknown.fix is not None
    fixed = apply(text, [unknown])
    assert f"    {mended}\n" in fixed
    assert [d.code for d in analyse("c.bkr", fixed.encode()).diagnostics if d.code in ("BKR330", "BKR115")] == []


# stop 77, h2: BKR230's help offers disk to a cluster that gives tape up
@pytest.mark.parametrize(
    ("written", "disk"),
    [
        ("    to disk pool BKUPPOOL\n", "to disk pool BKUPPOOL"),  # prodssi's other jobs' pool
        ("    to disk\n", "to disk"),  # no pool named by any other job
    ],
    ids=["pool", "no pool"],
)
def test_bkr230_offers_disk_to_a_cluster_that_removed_tape_manager(written, disk):
    """Tape Manager removed as docs/deploy.md says (its statement deleted), the
    jobs' `to tape` left: BKR230's help said only to declare the statement again.
    It also writes the jobs' `to tape` as the disk they may write to instead;
    followed, with BKR332's `otherwise drop their disk statements`, the file checks clean."""
    import re

    text = re.sub(r"  tape manager shared [^\n]*\n +catalog-dmm [^\n]*\n", "", PRODSSI_TEXT)
    text = text.replace("    to disk pool BKUPPOOL\n", written)
    (found,) = [d for d in analyse("slip.bkr", text.encode()).diagnostics if d.code == "BKR230"]
    pool = " (the other jobs' pool)" if "pool" in disk else ""
    assert found.help.endswith(
        f"; or write `{disk}`{pool} for `to tape` in jobs `LNXFULL`, `SYSIN` and `SYSME`"
    ), found.help
    (dropped,) = [d for d in analyse("slip.bkr", text.encode()).diagnostics if d.code == "BKR332"]
    assert dropped.help.endswith("otherwise drop their `disk` statements"), dropped.help
    followed = re.sub(r"  disk T[CR][TD]MM 191 [^\n]*\n", "", text.replace("    to tape\n", f"    {disk}\n"))
    assert "to tape" not in followed
    analysis = analyse("slip.bkr", followed.encode())
    assert analysis.diagnostics == [], _shown(analysis)


# stop 77, h1: BKR114's help names the member where a user of the job is backed up already
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h1_77_bkr114_names_the_member_another_group_of_its_users_is_backed_up_on(monkeypatch, parser):
    # LNXDB1 in two single groups, GUESTS backed up on DEV2: the help named every member
    # alike, and the first, DEV1, taken literally, split LNXDB1's backups (BKR411); it
    # names DEV2, and the job written so checks clean
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if parser == "lark" else "")
    text = (
        "import std/backup-manager\nimport std/zvm73\ncluster C {\n"
        "  member DEV1 { workers 1  private-volume D1PRV1 }\n  member DEV2 { workers 1  private-volume D2PRV1 }\n"
        "  catalog shared server BKRSVSFS pool BKRPOOL on DEV1\n  expire on DEV1 { purge weekly sun 05:00 }\n"
        "  disk BKRBKUP 191 size 10 cyl\n  disk BKRCATLG 191 size 10 cyl\n  disk BKRWRK* 191 size 5 cyl\n"
        "  single group GUESTS { LNXDB1 LNXAP1 }\n  single group DBS { LNXDB1 }\n"
        "  job GUESTFUL {\n    backup GUESTS full\n    include minidisk * 0100-01FF\n    to disk pool P\n"
        "    run on DEV2 weekly sun 01:00\n  }\n"
        "  job DBINC {\n    backup DBS incremental\n    include minidisk * 0191\n    to disk pool P\n  }\n"
        "  identity group SYS { TCPIP }\n"
        "  job SYSFU {\n    backup SYS full\n    include minidisk * 0191\n    to disk pool P\n    run on each member daily 03:00\n  }\n"
        "}\n"
    )
    found = analyse("c.bkr", text.encode()).diagnostics
    assert [d.code for d in found] == ["BKR114"]
    assert found[0].help.startswith(
        "add `run on DEV2`, where `GUESTFUL` backs up `LNXDB1` too (another member would split their backups, BKR411), then"
    )
    written = text.replace("    to disk pool P\n  }\n", "    to disk pool P\n    run on DEV2 daily 23:00\n  }\n", 1)
    assert written != text
    assert [d.code for d in analyse("c.bkr", written.encode()).diagnostics] == []
    # the member the help named not taken: the split it warns of
    split = text.replace("    to disk pool P\n  }\n", "    to disk pool P\n    run on DEV1 daily 23:00\n  }\n", 1)
    assert [d.code for d in analyse("c.bkr", split.encode()).diagnostics] == ["BKR411"]


# stop 77, h3: a member retired (bank.bkr without PRODA's block): BKR330's choice, then BKR333's and BKR252's fixes end clean
H3_77_RETIRED = BANK_TEXT.replace("  member PRODA { workers 4  private-volume PAPRV1 }\n", "", 1)


def _h3_77_stagger(text: str, d) -> str:
    """`text` with BKR402's help followed as written: "write `NEW` for `OLD` (line N)"."""
    new, old, line = re.search(r"write `([^`]+)` for `([^`]+)` \(line (\d+)\)", d.help).groups()
    lines = text.splitlines(keepends=True)
    assert old in lines[int(line) - 1]
    lines[int(line) - 1] = lines[int(line) - 1].replace(old, new, 1)
    return "".join(lines)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("member", ["PRODB", "PRODC", "PRODD"])
def test_h3_77_a_retired_member_s_walk_from_bkr330_s_choice_ends_clean(parser, member, monkeypatch):
    from bkrdsl.fixes import apply, apply_edits

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert H3_77_RETIRED != BANK_TEXT
    (unknown,) = analyse("bank.bkr", H3_77_RETIRED.encode()).diagnostics
    assert unknown.code == "BKR330" and unknown.fix is None
    # its help names what goes with the member in one more step (BKR333's and BKR252's fixes)
    assert unknown.help.split("\n")[3:] == [
        (
            "  `catalog-node ... on`: the Tape Manager catalog node runs there (its request nodes' minidisks on that"
            " member's volume then go: BKR252's fix)"
        ),
        "  `run on` of jobs `LOCAFULL` and `LOCAINC`: their single-configuration users are then backed up from that member",
        "  `run on` of job `CICSSFS`: it runs there instead",
        (
            "  `disk ... on PAPRV1` (6): its instances' minidisks, which the other members place on their own volumes:"
            " once each statement above names a member, BKR333's fix deletes them"
        ),
    ]
    (choice,) = [c for c in unknown.choices if c.title == f"Write `{member}`"]
    moved = apply_edits(H3_77_RETIRED, choice.edits)
    assert "PRODA" not in re.sub(r"#.*", "", moved)  # every role moved, as the choice says (comments aside)
    assert moved.count(f"on {member}") == H3_77_RETIRED.count(f"on {member}") + 6
    found = analyse("bank.bkr", moved.encode()).diagnostics
    assert [d.code for d in found] == ["BKR333", "BKR252", "BKR252", "BKR402", "BKR402"]
    volume, trtmm, trdmm = found[:3]
    # PRODA's private volume, which its 6 member-by-member statements name: deleted, not renamed
    # (before, "did you mean `PBPRV1`, `PCPRV1` or `PDPRV1`?", each a minidisk placed twice)
    assert volume.help == (
        "the 6 `disk` statements on `PAPRV1` place instances of `BKRBKUP`, `BKRCATLG`, `BKRWRK01`, `BKRWRK02` and"
        " 2 more that no member has: each member they run on has its own statement on its private volume (a member"
        " retired, its block deleted with `PAPRV1`): delete them;\nif the member is not retired, declare `PAPRV1`"
        " with `private-volume` in its member block"
    )
    assert volume.fix.title == "Delete the 6 `disk` statements on `PAPRV1`"
    # the request nodes' machines no longer run on the catalog node's new member
    others = [m for m in ("PRODB", "PRODC", "PRODD") if m != member]
    assert trtmm.help == (
        f"delete the statement: each member `TRTMM` runs on (`{others[0]}` and `{others[1]}`) has its own statement"
        f" of this minidisk on its private volume, and `{member}` runs no instance of it"
    )
    assert trdmm.fix.title.startswith("Delete `disk TRDMM 191` on ")
    fixed = apply(moved, [volume, trtmm, trdmm])
    assert "PAPRV1" not in fixed and fixed.count("disk TRTMM") == 2 and fixed.count("disk TRDMM") == 2
    assert "\n\n\n" not in fixed and fixed.count("\n") == moved.count("\n") - 8  # the 8 lines, nothing else
    # the member's jobs and PRODA's now start together: BKR402's help staggers them
    left = analyse("bank.bkr", fixed.encode()).diagnostics
    assert [d.code for d in left] == ["BKR402", "BKR402"]
    for d in left:
        fixed = _h3_77_stagger(fixed, d)
    assert analyse("bank.bkr", fixed.encode()).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_77_bkr333_and_bkr252_keep_their_help_where_a_member_lacks_a_statement(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    # PRODA's block kept, its volume's statement for BKRBKUP mistyped: PRODA has none then
    (d,) = analyse("bank.bkr", BANK_TEXT.replace(BANK_DISK, BANK_DISK.replace("PAPRV1", "PARPV1"), 1).encode()).diagnostics
    assert d.code == "BKR333" and d.help.startswith("did you mean") and "delete" not in d.help
    # TRDMM's statement moved to PRODA's volume, PRODC's left without one: BKR252's help, not
    # the deletion; since stop 81 it names the volume, PRODC's, the member left without one
    moved = BANK_TEXT.replace(BANK_WORKER_DISK, BANK_WORKER_DISK.replace("PCPRV1", "PAPRV1"), 1)
    (d,) = [x for x in analyse("bank.bkr", moved.encode()).diagnostics if x.code == "BKR252"]
    assert d.help.startswith("write `on PCPRV1` (`PRODC`'s private volume) for `on PAPRV1`") and d.fix is None


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h3_77_bkr252_a_worker_s_statement_beside_each_member_s_own_is_deleted_or_its_count_raised(parser, monkeypatch):
    from bkrdsl.fixes import apply

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = (RULES_DIR / "BKR252.fail-per-member.bkr").read_text()
    (d,) = analyse("c.bkr", text.encode()).diagnostics
    assert d.code == "BKR252" and d.help.startswith("delete the statement: each member `BKRWRK02` runs on (`VM1`)")
    # the fix: the statement deleted with its line (and its comment); then clean
    fixed = apply(text, [d])
    assert fixed == text.replace("  disk BKRWRK02 192 size 5 cyl on V2PRV1 at 200  # expect: BKR252\n", "")
    assert analyse("c.bkr", fixed.encode()).diagnostics == []
    # the help's other choice: VM2 runs two workers
    # (two workers there: job SVCSINC's name, 7 characters, then BKR227's, whose fix shortens it)
    raised = text.replace("member VM2 { workers 1 ", "member VM2 { workers 2 ")
    assert raised != text
    (shared,) = analyse("c.bkr", raised.encode()).diagnostics
    assert shared.code == "BKR227"
    assert analyse("c.bkr", apply(raised, [shared]).encode()).diagnostics == []
