"""The resolved model's derived data, which the checker proves and the emitters write,
and a property: no input that parses can crash a check."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import EXAMPLES
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_rules_support import RULES_DIR, run

from bkrdsl.ast import Kind
from bkrdsl.check import run_checks
from bkrdsl.check.tables import table_checks
from bkrdsl.diagnostics import sort_key
from bkrdsl.dialect import load_dialect
from bkrdsl.pipeline import analyse
from bkrdsl.resolve.model import (
    parse_address_range,
    parse_disk_unit,
    parse_time,
    parse_weekday,
    pattern_regex,
    subconfig_id,
    worker_ids,
)


@pytest.mark.parametrize(
    "text,minutes",
    [
        ("00:00", 0),
        ("2:00", 120),
        ("02:00", 120),
        ("23:59", 1439),
        ("24:00", None),
        ("12:60", None),
        ("7:5", None),
        ("123:00", None),
        ("noon", None),
        ("", None),
        ("02:00:00", None),
    ],
)
def test_parse_time(text, minutes):
    assert parse_time(text) == minutes


@pytest.mark.parametrize(
    "text,day",
    [("mon", 0), ("MON", 0), ("Sunday", 6), ("thu", 3), ("thurs", None), ("7", None), ("", None)],
)
def test_parse_weekday(text, day):
    assert parse_weekday(text) == day


@pytest.mark.parametrize(
    "text,rng",
    [
        ("*", (0, 0xFFFF)),
        ("191", (0x191, 0x191)),
        ("0191", (0x191, 0x191)),
        ("0100-0FFF", (0x100, 0xFFF)),
        ("0FFF-0100", (0xFFF, 0x100)),
        ("0G00", None),
        ("10000", None),
        ("0100-", None),
        ("-0100", None),
    ],
)
def test_parse_address_range(text, rng):
    assert parse_address_range(text) == rng


def test_disk_units():
    assert [parse_disk_unit(u) for u in ("cyl", "CYLINDERS", "blk", "Blocks", "trk")] == [
        "CYL",
        "CYL",
        "BLK",
        "BLK",
        None,
    ]


def test_subconfig_ids_are_at_most_8_and_keep_worker_numbers():
    assert subconfig_id("TCPIP", 1) == "TCPIP-1"
    assert subconfig_id("BKRCATLG", 1) == "BKRCLG-1"
    assert subconfig_id("BKRWRK01", 2) == "BKRW01-2"
    assert subconfig_id("BKRWRK12", 4) == "BKRW12-4"
    ids = {subconfig_id(w, m) for w in worker_ids("BKRWRK*", 99) for m in range(1, 5)}
    assert len(ids) == 99 * 4 and max(len(i) for i in ids) == 8
    # The number in the middle of the ID (worker pattern BKR*WRK) is kept too.
    assert subconfig_id("BKR01WRK", 1) == "BKRW01-1"
    assert subconfig_id("BKRWR12X", 1) == "BKRW12-1"
    assert subconfig_id("BKRWRK1X", 1) == "BKRW1X-1"  # the last two hold the digit
    for pattern in ("BKR*WRK", "B*WORKR", "BKRW*K"):
        ids = {subconfig_id(w, m) for w in worker_ids(pattern, 99) for m in range(1, 5)}
        assert len(ids) == 99 * 4 and max(len(i) for i in ids) <= 8, pattern


def test_pattern_regex_is_cp_style_and_collapses_stars():
    assert pattern_regex("LNX*").match("LNX") and pattern_regex("LNX*").match("LNXWEB01")
    assert pattern_regex("LNX%%").match("LNX01") and not pattern_regex("LNX%%").match("LNX1")
    assert pattern_regex("A?C").match("ABC")
    assert not pattern_regex("LNX*").match("XLNX")
    assert pattern_regex("*" * 5000 + "A").pattern == ".*A\\Z"


def _model(path):
    analysis = analyse(path.name, path.read_bytes(), path=path)
    assert analysis.model is not None
    return analysis.model


def test_minimal_example_model():
    model = _model(EXAMPLES / "minimal.bkr")
    assert model.member_names == ("DEV1", "DEV2")
    jobs = {j.name: j for j in model.jobs}
    assert model.derived_names(jobs["SYSFU"]) == (("DEV1", "SYSFU1"), ("DEV2", "SYSFU2"))
    assert model.derived_names(jobs["GUESTFUL"]) == (("DEV1", "GUESTFUL"),)
    assert model.purging_members() == ("DEV1",)
    machines = dict(model.service_machines())
    assert set(machines) == {"BKRBKUP", "BKRCATLG", "BKRWRK01", "BKRWRK02"}
    assert [m.name for m in machines["BKRWRK02"]] == ["DEV1", "DEV2"]
    subconfigs = {(machine, m.name): sid for machine, m, sid in model.subconfigs()}
    assert subconfigs[("BKRBKUP", "DEV2")] == "BKRBUP-2"
    # Undeclared machines the cluster names get the kind their place implies.
    assert model.kind_of("BKRSVSFS") is Kind.SINGLE
    assert model.job_user_ids(jobs["GUESTFUL"]) == ("LINUX01", "LINUX02")


def test_backup_of_a_user_matched_by_a_pattern_resolves():
    text = b"""import std/backup-manager
cluster C {
  member VM1 { workers 1 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VM1 { purge weekly sun 06:00  retain 30 days }
  single group LINUXES { match LNX* }
  job LNXFULL { backup LINUXES full  include minidisk * *  to disk  run on VM1 daily 01:00 }
  job LNX05 { backup LNX05 incremental  include minidisk * *  to disk  run on VM1 daily 03:00 }
}
"""
    analysis = analyse("p.bkr", text)
    ref = {j.name: j for j in analysis.model.jobs}["LNX05"].refs[0]
    assert ref.resolved and ref.pattern is not None and ref.kinds == {Kind.SINGLE}
    assert analysis.diagnostics == []
    # At the same level, LNX05 would be backed up twice: once through LNX*.
    twice = analyse("p.bkr", text.replace(b"LNX05 incremental", b"LNX05 full"))
    assert [d.code for d in twice.diagnostics] == ["BKR405"]


LOCAL_CATALOG = """import std/backup-manager
cluster C {{
  member VM1 {{ workers 1 }}
  member VM2 {{ workers 1 }}
  catalog local server BKRSVSFS pool BKRPOOL
  expire on VM1 {{ purge weekly sun 06:00  retain 30 days }}
{extra}}}
"""


def test_subconfigs_cover_every_identity_product_machine():
    """A local catalog's SFS server is an IDENTITY (one server per member): its
    SUBCONFIGs are listed with the service machines', as the directory writes them."""
    analysis = analyse("local.bkr", LOCAL_CATALOG.format(extra="").encode())
    assert [d.code for d in analysis.diagnostics if d.is_error] == []
    subconfigs = [(machine, m.name, sid) for machine, m, sid in analysis.model.subconfigs()]
    assert ("BKRSVSFS", "VM1", "BKRSFS-1") in subconfigs
    assert ("BKRSVSFS", "VM2", "BKRSFS-2") in subconfigs
    # the single-configuration machines have none
    assert {machine for machine, _, _ in subconfigs} == {"BKRBKUP", "BKRCATLG", "BKRWRK01", "BKRSVSFS"}


def test_a_user_named_like_a_local_catalog_servers_subconfig_is_refused():
    analysis = analyse("local.bkr", LOCAL_CATALOG.format(extra="  single user BKRSFS-2\n").encode())
    errors = [d for d in analysis.diagnostics if d.is_error]
    assert [d.code for d in errors] == ["BKR242"], errors
    assert "`BKRSVSFS`'s SUBCONFIG on `VM2`" in errors[0].message
    # the related note points at the catalog statement that names the server
    (related,) = errors[0].related
    assert related.span.line == 5


# ------------------------------------------------------------------ property
WORDS = st.sampled_from(
    [
        "VM1",
        "VM2",
        "VM3",
        "GUESTS",
        "SYSTEM",
        "LINUX01",
        "TCPIP",
        "BKRBKUP",
        "BKRSVSFS",
        "BKRWRK01",
        "LNX*",
        "*",
        "0191",
        "0100-0FFF",
        "0FFF-0100",
        "02:00",
        "25:00",
        "sun",
        "mon,fri",
        "31",
        "0",
        "99",
        "120",
        "A",
        "X" * 40,
        "SHR001",
        "V1PRV1",
        "cyl",
        "blk",
        "TCTMM",
        "TRTMM",
    ]
)
STATEMENTS = st.one_of(
    st.builds("member {} {{ workers {} private-volume {} }}".format, WORDS, WORDS, WORDS),
    st.builds("member {} {{ job-suffix {} exclude minidisk {} {} }}".format, WORDS, WORDS, WORDS, WORDS),
    st.builds(
        "catalog {} server {} pool {} on {}".format, st.sampled_from(["shared", "local"]), WORDS, WORDS, WORDS
    ),
    st.builds(
        "expire on {} {{ preview daily {} purge weekly {} {} retain {} days }}".format,
        WORDS,
        WORDS,
        WORDS,
        WORDS,
        WORDS,
    ),
    st.builds("expire on each member {{ purge monthly {} {} }}".format, WORDS, WORDS),
    st.builds(
        "tape manager {} catalog-node {} on {} request-node {}".format,
        st.sampled_from(["shared", "local"]),
        WORDS,
        WORDS,
        WORDS,
    ),
    st.builds(
        "{} group {} {{ {} {} match {} }}".format,
        st.sampled_from(["single", "identity"]),
        WORDS,
        WORDS,
        WORDS,
        WORDS,
    ),
    st.builds(
        "{} user {} role {}".format,
        st.sampled_from(["single", "identity"]),
        WORDS,
        st.sampled_from(["worker", "admin", "boss"]),
    ),
    st.builds(
        "job {} {{ backup {} {} include minidisk {} {} exclude minidisk {} {} to {} run on {} daily {} }}".format,
        WORDS,
        WORDS,
        st.sampled_from(["full", "incremental"]),
        WORDS,
        WORDS,
        WORDS,
        WORDS,
        st.sampled_from(["disk", "tape", "disk pool P"]),
        st.sampled_from(["each member", "VM1", "VM1, VM2", "VM9"]),
        WORDS,
    ),
    st.builds("disk {} {} size {} {} on {} at {}".format, WORDS, WORDS, WORDS, WORDS, WORDS, WORDS),
    st.builds("shared-volume {}".format, WORDS),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(STATEMENTS, max_size=12), st.booleans())
@example(["shared-volume cyl"], False)  # the checker's own BKR021 (.ci/explore 202612041)
@example(  # BKR323's rename help for a job run on each member of no member (.ci/explore 202612052)
    [f"job VM1 {{ backup VM1 full to disk run on each member daily {t} }}" for t in ("02:00", "03:00")], False
)
def test_checks_never_crash_and_are_deterministic(statements, with_std):
    text = (
        ("import std/backup-manager\n" if with_std else "")
        + "cluster C {\n"
        + "\n".join(statements)
        + "\n}\n"
    )
    analysis = analyse("fuzz.bkr", text.encode())
    if analysis.model is None:
        return  # a syntax error: the parser's tests own that
    again = sorted(run_checks(analysis.model) + table_checks(analysis.model, load_dialect()), key=sort_key)
    # The checks' findings are what checking adds to the reading's own, not the codes
    # from BKR110 on: the checker warns of a list read on too (BKR021, `shared-volume
    # cyl`: `.ci/explore 202612041`).
    unchecked = analyse("fuzz.bkr", text.encode(), checks=False)
    read = Counter((d.code, d.span, d.message) for d in unchecked.diagnostics)
    checked = []
    for d in analysis.diagnostics:
        if read[(d.code, d.span, d.message)]:
            read[(d.code, d.span, d.message)] -= 1
        else:
            checked.append((d.code, d.span, d.message))
    assert not +read  # checking takes none of the reading's away
    assert [(d.code, d.span, d.message) for d in again] == checked
    for d in analysis.diagnostics:
        assert d.message and "\n" not in d.message and d.help


def test_bkr411_names_each_shared_user_once_and_where_the_job_runs():
    text = b"""import std/backup-manager
cluster T {
  member VM1 { workers 1 }
  member VM2 { workers 1 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VM1 { purge weekly sun 06:00  retain 30 days }
  single group WEB { LNXWEB01 LNXWEB02 match LNXWEB* }
  job WEEKFULL { backup WEB full  include minidisk * *  to disk  run on VM1 weekly sun 02:00 }
  job NIGHTINC { backup WEB incremental  include minidisk * *  to disk  run on VM2 daily 03:00 }
}
"""
    (d,) = [d for d in analyse("t.bkr", text).diagnostics if d.code == "BKR411"]
    # which job runs on which member, and what that does to the users' backups: not
    # "from another member (`VM1` and `VM2`)", two members said to be another
    assert d.message == (
        "job `NIGHTINC` on `VM2` backs up single-configuration users that job `WEEKFULL` also backs up on `VM1`,"
        " which splits their backups between the two members: `LNXWEB01`, `LNXWEB02`, pattern `LNXWEB*`"
    )
    assert [r.label for r in d.related] == ["WEEKFULL backs them up on `VM1`", "NIGHTINC runs on `VM2` here"]
    assert "run NIGHTINC on `VM1`, like WEEKFULL" in d.help


def test_bkr405_of_two_groups_whose_patterns_meet_offers_to_take_the_users_out_of_one():
    """A new group whose pattern also matches another group's users (LNXA* and
    LNXAPP*): deleting a job or changing its level is not what the sysprog wants."""
    text = b"""import std/backup-manager
cluster T {
  member VM1 { workers 1 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VM1 { purge weekly sun 06:00  retain 30 days }
  single group LINUX { LNXWEB01  match LNXAPP* }
  single group LNXTEST { LNXTST01  match LNXA* }
  job LNXFULL { backup LINUX full  include minidisk * *  to disk  run on VM1 weekly sun 22:00 }
  job LNXTFULL { backup LNXTEST full  include minidisk * *  to disk  run on VM1 weekly sun 01:00 }
}
"""
    # both on Sundays (`weekly sat` and `weekly sun`, never one day, are one backup
    # split over days: no BKR405, docs/rules/BKR405.md)
    (d,) = [d for d in analyse("t.bkr", text).diagnostics if d.code == "BKR405"]
    assert d.message.endswith(": pattern `LNXAPP*`")
    assert d.help == "delete one job, make it the other level, or take the users out of one of the groups"


def test_bkr223_of_five_members_says_there_is_a_fifth_name():
    """It shows four names: the fifth member's is counted, not left out unsaid."""
    members = "".join(f"  member VMSYS{n} {{ workers 1 }}\n" for n in range(1, 6))
    text = f"""import std/backup-manager
import std/zvm73
cluster T {{
{members}  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VMSYS1 {{ purge weekly sun 06:00  retain 30 days }}
  identity group SYS {{ TCPIP }}
  job SYSDAILY {{ backup SYS full  include minidisk * *  to disk  run on each member daily 03:00 }}
}}
""".encode()
    (d,) = [d for d in analyse("t.bkr", text).diagnostics if d.code == "BKR223"]
    assert d.message.endswith(": SYSDAILY1 on VMSYS1, SYSDAILY2 on VMSYS2, SYSDAILY3 on VMSYS3, SYSDAILY4 on VMSYS4 and 1 more")


def _bkr223_help(suffixes: dict[int, str], job: str = "SYSINC", members: int = 2) -> str:
    lines = "".join(
        f"  member VMSYS{n} {{ workers 1{'  job-suffix ' + suffixes[n] if n in suffixes else ''} }}\n" for n in range(1, members + 1)
    )
    text = f"""import std/backup-manager
cluster T {{
{lines}  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VMSYS1 {{ purge weekly sun 06:00  retain 30 days }}
  identity group SYS {{ TCPIP }}
  job {job} {{ backup SYS full  include minidisk * *  to disk  run on each member daily 03:00 }}
}}
""".encode()
    (d,) = [d for d in analyse("t.bkr", text).diagnostics if d.code == "BKR223"]
    return d.help


def test_bkr223_of_a_long_job_suffix_offers_to_shorten_the_suffix_too():
    """`job-suffix A#x` made SYSINCA#X: the help said only "shorten the job name to at
    most 5 characters", though the suffix is what grew; it names the member too."""
    assert _bkr223_help({1: "A#x"}) == (
        "shorten the job name to at most 5 characters: write `job SYSIN` for `job SYSINC` (line 8), named SYSINA#X on"
        " VMSYS1 and SYSIN2 on VMSYS2; or the job suffix `A#X` of member `VMSYS1` to at most 2 characters"
    )
    assert _bkr223_help({1: "ABC", 2: "XYZW"}) == (
        "shorten the job name to at most 4 characters: write `job SYSI` for `job SYSINC` (line 8), named SYSIABC on"
        " VMSYS1 and SYSIXYZW on VMSYS2; or the job suffixes of members `VMSYS1` and `VMSYS2` to at most 2 characters each"
    )


def test_bkr223_offers_no_suffix_way_where_there_is_none():
    """A member with the default suffix (its number) has no suffix of the user's to
    shorten, and a job name of 8 characters leaves no room for any suffix."""
    assert _bkr223_help({2: "B2"}, job="SYSTEMFU").startswith("shorten the job name to at most 6 characters: write `job SYSTEM`")
    assert _bkr223_help({}, job="SYSWEEKF").startswith("shorten the job name to at most 7 characters: write `job SYSWEEK`")
    assert _bkr223_help({1: "AB"}, job="SYSWEEKS", members=2).endswith("named SYSWEEAB on VMSYS1 and SYSWEE2 on VMSYS2")
    helps = [_bkr223_help({2: "B2"}, job="SYSTEMFU"), _bkr223_help({1: "AB"}, job="SYSWEEKS", members=2)]
    assert not any("; or the job suffix" in h for h in helps)


def test_bkr208_never_offers_the_taken_id_as_the_machines_own():
    """A guest named TRDMM, the request DMM's default name: the help offered "such as
    TRDMM", the ID already taken."""
    text = (EXAMPLES / "prodssi.bkr").read_text().replace("{ CICSPRD DB2PRD }", "{ CICSPRD DB2PRD TRDMM }")
    (d,) = [d for d in analyse("p.bkr", text.encode()).diagnostics if d.code == "BKR208"]
    assert d.help.startswith("give the machine an ID of its own, that no other user has;"), d.help
    text = text.replace("request-dmm TRDMM", "request-dmm TRDMM2").replace("disk TRDMM 191", "disk TRDMM2 191")
    assert not [d for d in analyse("p.bkr", text.encode()).diagnostics if d.is_error]


def test_bkr231_of_a_machine_only_a_groups_pattern_matches_says_to_narrow_the_pattern():
    """`match T*` for new guests also matches TRTMM, which nothing declares: the
    machine was never `declared single`, and declaring it would not help."""
    (d,) = [d for d in run(RULES_DIR / "BKR231.fail-pattern.bkr").diagnostics if d.code == "BKR231"]
    assert [r.label for r in d.related] == ["single pattern in group GUESTS matches it here"]
    assert d.help == "narrow the pattern `T*` so it does not match `TRTMM`"
