"""Generated EXECs run unchanged under Regina REXX with the CMS/CP stand-in.

Skipped where Regina is not installed; fails instead when BKRDSL_REQUIRE_REGINA=1 (CI).
The expected command sequences are data: tests/cms/cases.txt.
"""

from __future__ import annotations

import datetime
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from cms.cases import load_cases
from cms.generate import (
    cluster_path,
    example_exec,
    example_identity,
    example_members,
    example_model,
    example_names,
    generate,
    identity_machines,
    site_dialect,
)
from cms.invariants import (
    DAYS,
    assert_due,
    assert_expiry_due,
    assert_expiry_on_purging_members_only,
    assert_expiry_verbs,
    assert_one_job_at_a_time,
    assert_refuses_other_members,
    assert_start_order,
    assert_submit_all,
    folded,
    is_due,
    unfolded,
)
from cms.standin import CARRIED_NEGATIVE_RCS
from conftest import EXAMPLES, ROOT, require_tool

from bkrdsl.dialect import load_dialect
from bkrdsl.pipeline import analyse

pytestmark = pytest.mark.regina

CASES = load_cases()


def exit_status(rc: int) -> int:
    """The process exit status of an EXEC that ends with `rc` under Regina:
    rc modulo 256 (-3 is 253); the case's `says` lines hold the rc itself."""
    return rc % 256



@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(cms, case):
    text = example_exec(case.example, case.member, case.exec_name, site_dialect(case.dialect))
    run = cms.run(
        text,
        case.operands,
        member=case.run_as or case.member,
        logged_on=case.logged_on,
        fail=case.fail,
        slow=case.slow,
        smsg_off=case.smsg_off,
        not_in_directory=case.not_in_directory,
        elsewhere=case.elsewhere,
        later=case.later,
        at=case.at,
        identity=example_identity(case.example),
        leaving=case.leaving,
        odd=case.odd,
        pools=case.pools,
        numbers=case.numbers,
        file_name=f"{case.exec_name}.EXEC",
    )
    assert run.commands == case.commands, run
    assert run.rc == exit_status(case.rc), run
    assert "Error" not in run.stderr, run  # never a REXX error, whatever CP said
    assert "+++" not in run.stderr, run  # nor a REXX trace line (`trace off`)
    # What it says, also with the lines `tell` folded to fit the console joined again.
    lines = run.stdout.splitlines() + unfolded(run.stdout, case.exec_name)
    for expected in case.says:
        assert any(expected in line for line in lines), (expected, str(run))


def started(record: str, user: str = "AUTOLOG1", exec_name: str = "BKRSUBMT") -> list[str]:
    """What DUE read off the clock says when the caller's A-disk has no record
    yet (its first call, or after an ERASE): whose record it starts, and that
    another user's DUE keeps its own (stop 78, h3)."""
    return [f"{exec_name}: no record on the A-disk of {user}: DUE starts {record}.",
            f"{exec_name}: each user keeps a record of its own: DUE called by another user",
            f"{exec_name}: than the scheduler sends what it sends again. Try DUE with ( REVIEW."]


def _trapping_novalue(text: str) -> str:
    """The EXEC with SIGNAL ON NOVALUE after its line-1 comment: internal
    routines inherit the trap, and with no NOVALUE label a variable used
    before it is set ends the run with REXX error 16 instead of its name."""
    first, rest = text.split("\n", 1)
    return f"{first}\nsignal on novalue\n{rest}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_no_case_reads_an_unset_variable(cms, case):
    """REXX reads an unset variable as its own name in capitals (`failed`
    as FAILED), silently: every case runs as well with NOVALUE trapped."""
    text = _trapping_novalue(example_exec(case.example, case.member, case.exec_name, site_dialect(case.dialect)))
    run = cms.run(text, case.operands, member=case.run_as or case.member, logged_on=case.logged_on,
                  fail=case.fail, slow=case.slow, smsg_off=case.smsg_off,
                  not_in_directory=case.not_in_directory, elsewhere=case.elsewhere, later=case.later,
                  at=case.at,
                  identity=example_identity(case.example), leaving=case.leaving,
                  odd=case.odd,
                  pools=case.pools, numbers=case.numbers,
                  file_name=f"{case.exec_name}.EXEC")
    assert "NOVALUE" not in run.stderr, run
    assert (run.rc, run.commands) == (exit_status(case.rc), case.commands), run


MEMBER_PAIRS = [(ex, m) for ex in example_names() for m in example_members(ex)]


def _exec_of(example: str):
    return lambda member, exec_name: example_exec(example, member, exec_name)


@pytest.mark.parametrize(("example", "member"), MEMBER_PAIRS)
def test_submit_all_sends_exactly_this_members_jobs(cms, example, member):
    assert_submit_all(cms, example_model(example), _exec_of(example), member)


@pytest.mark.parametrize(("example", "member"), MEMBER_PAIRS)
def test_one_job_by_name_and_where_another_members_job_runs(cms, example, member):
    """Each of the member's jobs by name; every other member's job, and the .bkr
    name of a job run on each member, ends with rc 28 and where it runs (or its
    name on this member), as the model places it (tests/cms/invariants.py)."""
    assert_one_job_at_a_time(cms, example_model(example), _exec_of(example), member)


@pytest.mark.parametrize(("example", "member"), MEMBER_PAIRS)
def test_every_exec_refuses_every_other_member(cms, example, member):
    assert_refuses_other_members(cms, example_model(example), _exec_of(example), member)


@pytest.mark.parametrize("example", example_names())
def test_expiry_runs_on_the_purging_member_only(cms, example):
    model = example_model(example)
    assert len(model.purging_members()) == 1  # every example has one shared catalog
    assert_expiry_on_purging_members_only(cms, model, _exec_of(example))


@pytest.mark.parametrize("example", example_names())
def test_expiry_sends_every_action_of_every_block(cms, example):
    """The purging member's BKREXPIR carries the preview and the purge of every
    `expire` block naming it (the oracle reads the blocks, not the emitter's model),
    whether run by verb or DUE at each scheduled minute."""
    model = example_model(example)
    (purger,) = model.purging_members()
    exec_of = _exec_of(example)
    assert_expiry_verbs(cms, model, exec_of, purger)
    times = {tuple(s.time.text.split(":")) for e in model.cluster.expires for s in e.previews + e.purges if s.time}
    for hhmm in sorted(f"{int(h):02d}:{m}" for h, m in times):
        for day in DAYS:  # the date in full: which weekday is the last needs its month
            assert_expiry_due(cms, model, exec_of, purger, hhmm, day, "20261101")


@pytest.mark.parametrize(("example", "member"), MEMBER_PAIRS)
def test_start_order_for_every_member(cms, example, member):
    assert_start_order(cms, example_model(example), _exec_of(example), member)


def test_days_written_in_full_are_due_on_those_days(cms):
    """`weekly sunday,Monday 01:00` is `weekly sun,mon 01:00`: BKRSUBMT DUE submits the
    job at 01:00 on those days only, and the oracle of the property tests reads the
    days so too (it took `SUNDAY` for no day: found by a richer cluster generator)."""
    text = (EXAMPLES / "minimal.bkr").read_text(encoding="utf-8")
    assert text.count("daily 01:00") == 1
    analysis = analyse("minimal.bkr", text.replace("daily 01:00", "weekly sunday,Monday 01:00").encode())
    assert analysis.ok, analysis.diagnostics
    model = analysis.model
    (job,) = [j for j in model.jobs if j.name == "GUESTFUL"]
    assert [d for d in DAYS if is_due(job.run.schedule, "01:00", d, 1)] == ["MON", "SUN"]
    for day in DAYS:
        assert_due(cms, model, lambda m, e: generate(model, m, e, "minimal.bkr", load_dialect()), "DEV1",
                   "01:00", day, 1)


def test_a_one_digit_hour_is_due_however_the_minute_is_written(cms):
    """`daily 1:00`: BKRSUBMT DUE 1:00 and DUE 01:00 both submit the job, and so says
    the oracle of the property tests (it compared `1:00` with `01:00` as text and
    found the job not due: found by the property over any names and schedules)."""
    text = (EXAMPLES / "minimal.bkr").read_text(encoding="utf-8")
    analysis = analyse("minimal.bkr", text.replace("daily 01:00", "daily 1:00").encode())
    assert analysis.ok, analysis.diagnostics
    model = analysis.model
    (job,) = [j for j in model.jobs if j.name == "GUESTFUL"]
    for hhmm in ("1:00", "01:00"):
        assert is_due(job.run.schedule, hhmm, "MON", 1)
        assert_due(cms, model, lambda m, e: generate(model, m, e, "minimal.bkr", load_dialect()), "DEV1",
                   hhmm, "MON", 1)


# The month's last day (tests/cms/clusters/monthend.bkr: WEBFULL `monthly last-day
# 23:00` on SYSA, SYSFU `monthly LAST-DAY 22:00` on each member, DBFULL `monthly 28
# 21:00` on SYSB, the preview `monthly last-day 05:00`, the purge `monthly 1 06:00`):
# what BKRSUBMT DUE (either member, each scheduled minute) and BKREXPIR DUE send on a
# date given as yyyymmdd. Worked out by hand from a calendar, not from the oracle.
MONTH_END_DUE = [
    ("20240229", {"WEBFULL", "SYSFU", "PREVIEW"}),  # a leap February's last day
    ("20240228", {"DBFULL"}),  # the 28th of a leap February: not its last day
    ("20250228", {"WEBFULL", "SYSFU", "PREVIEW", "DBFULL"}),  # February of 28 days
    ("20260430", {"WEBFULL", "SYSFU", "PREVIEW"}),  # a month of 30 days
    ("20260330", set()),  # the 30th of a month of 31: not the last
    ("20261231", {"WEBFULL", "SYSFU", "PREVIEW"}),  # a month of 31 days, the year's last
    ("20261201", {"PURGE"}),  # the day after
    ("20000229", {"WEBFULL", "SYSFU", "PREVIEW"}),  # 400 divides 2000: a leap year
    ("21000228", {"WEBFULL", "SYSFU", "PREVIEW", "DBFULL"}),  # 100 divides 2100, 400 not
]


def _assert_due_on_date(cms, example: str, date: str, expected: set[str], *, check_minutes_on: str) -> None:
    """BKRSUBMT DUE (on SYSA and SYSB) and BKREXPIR DUE (on SYSA), given `date` as
    yyyymmdd and run at each minute a schedule of `example` names, send exactly
    `expected` (a job on each member is submitted under each member's name,
    SYSFU1 and SYSFU2: both count as SYSFU); the property tests' oracle,
    `is_due`, agrees; and on `check_minutes_on` each is sent at its own minute only."""
    model = example_model(example)
    exec_of = _exec_of(example)
    day = datetime.date(int(date[:4]), int(date[4:6]), int(date[6:])).strftime("%a").upper()
    schedules = [(j.name, j.run.schedule) for j in model.jobs]
    schedules += [(verb, s) for e in model.cluster.expires for verb, s in
                  [("PREVIEW", p) for p in e.previews] + [("PURGE", p) for p in e.purges]]
    times = sorted({s.time.text for _, s in schedules})
    sent = set()
    for hhmm in times:
        for member in ("SYSA", "SYSB"):
            run = cms.run(exec_of(member, "BKRSUBMT"), f"DUE {hhmm} {day} {date}", member=member,
                          logged_on=["BKRBKUP"])
            assert run.rc == 0, run
            sent |= {re.sub(r"^SYSFU[12]$", "SYSFU", c.split()[-1]) for c in run.commands
                     if c.startswith("CP SMSG")}
        run = cms.run(exec_of("SYSA", "BKREXPIR"), f"DUE {hhmm} {day} {date}", member="SYSA",
                      logged_on=["BKRCATLG"])
        assert run.rc == 0, run
        sent |= {c.split("(")[-1] for c in run.commands if c.startswith("CP SMSG")}
    assert sent == expected
    oracle = {name for name, s in schedules for hhmm in times if is_due(s, hhmm, day, date)}
    assert oracle == expected
    for hhmm in times:  # each at its own minute only
        assert_due(cms, model, exec_of, check_minutes_on, hhmm, day, date)


@pytest.mark.parametrize(("date", "expected"), MONTH_END_DUE, ids=[d for d, _ in MONTH_END_DUE])
def test_the_month_s_last_day_is_due_on_its_dates(cms, date, expected):
    """`monthly last-day 23:00`: BKRSUBMT DUE and BKREXPIR DUE given the date as
    yyyymmdd send exactly what is due that day, at its minute, whichever of the 28th
    to the 31st ends the month, and the property tests' oracle agrees."""
    _assert_due_on_date(cms, "monthend", date, expected, check_minutes_on="SYSA")


@pytest.mark.parametrize(("instant", "sent"), [
    ("2024-02-29T23:00:00", ["CP SMSG BKRBKUP SUBMIT WEBFULL"]),
    ("2026-04-30T23:00:30", ["CP SMSG BKRBKUP SUBMIT WEBFULL"]),
    ("2026-03-30T23:00:00", []),
    ("2025-02-28T23:00:00", ["CP SMSG BKRBKUP SUBMIT WEBFULL"]),
])
def test_due_alone_finds_the_month_s_last_day_by_the_clock(cms, fake_clock, instant, sent):
    """DUE without operands: the month the clock is in says which day is its last."""
    import calendar
    import time

    epoch = calendar.timegm(time.strptime(instant, "%Y-%m-%dT%H:%M:%S"))
    run = cms.run(example_exec("monthend", "SYSA", "BKRSUBMT"), "DUE", member="SYSA", logged_on=["BKRBKUP"],
                  env={"LD_PRELOAD": str(fake_clock), "BKR_FAKE_EPOCH": str(epoch), "TZ": "UTC"})
    assert run.rc == 0, run
    assert run.commands == ["CP QUERY USERID", *sent], run


# Blanks are not operands: two blanks before the option list, or trailing blanks
# (as left by `'EXEC BKRSUBMT ALL' opts` with an empty opts, or by a scheduler
# that pads its command), must not turn a valid call into rc 24.
BLANK_RUNS = [
    ("BKRSUBMT", "GUESTFUL  ( REVIEW", ["CP SMSG BKRBKUP REVIEW GUESTFUL"]),
    ("BKRSUBMT", "JOB GUESTFUL   ", ["CP SMSG BKRBKUP SUBMIT GUESTFUL"]),
    ("BKRSUBMT", "ALL  ", ["CP SMSG BKRBKUP SUBMIT GUESTFUL", "CP SMSG BKRBKUP SUBMIT SYSFU1"]),
    ("BKRSUBMT", "LIST   ", []),
    ("BKRSUBMT", "DUE 01:00 MON 1  ( REVIEW", ["CP SMSG BKRBKUP REVIEW GUESTFUL"]),
    ("BKREXPIR", "PURGE   ", ["CP SMSG BKRCATLG EXPIRE (PURGE"]),
]


@pytest.mark.parametrize(("exec_name", "operands", "sent"), BLANK_RUNS)
def test_runs_of_blanks_are_not_operands(cms, exec_name, operands, sent):
    run = cms.run(example_exec("minimal", "DEV1", exec_name), operands, member="DEV1",
                  logged_on=["BKRBKUP", "BKRCATLG"], file_name=f"{exec_name}.EXEC")
    assert run.rc == 0, run
    assert run.commands == ["CP QUERY USERID", *sent], run


@pytest.fixture(scope="module")
def fake_clock(tmp_path_factory):
    """tests/cms/fakeclock.c built as an LD_PRELOAD library; skips without a C compiler (fails in CI)."""
    import shutil
    import subprocess
    from pathlib import Path

    cc = shutil.which("cc") or shutil.which("gcc")
    require_tool("BKRDSL_REQUIRE_CC", cc is not None, "a C compiler (cc) for the fake clock")
    lib = tmp_path_factory.mktemp("clock") / "fakeclock.so"
    source = Path(__file__).resolve().parent / "cms" / "fakeclock.c"
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(lib), str(source), "-ldl"], check=True)
    return lib


# DUE without operands reads the clock. At 00:59:59.6 it is still 00:59: the job
# at 01:00 is not due yet (Regina's TIME() rounds the seconds to 01:00:00, and at
# 23:59:59.6 it gave 00:00 with the old day's date).
@pytest.mark.parametrize(("instant", "usec", "sent"), [
    ("2024-03-02T00:59:59", 600000, []),
    ("2024-03-02T01:00:00", 200000, ["CP SMSG BKRBKUP SUBMIT GUESTFUL"]),
])
def test_due_reads_the_minute_the_clock_is_in(cms, fake_clock, instant, usec, sent):
    import calendar
    import time

    epoch = calendar.timegm(time.strptime(instant, "%Y-%m-%dT%H:%M:%S"))
    run = cms.run(example_exec("minimal", "DEV1", "BKRSUBMT"), "DUE", member="DEV1", logged_on=["BKRBKUP"],
                  env={"LD_PRELOAD": str(fake_clock), "BKR_FAKE_EPOCH": str(epoch),
                       "BKR_FAKE_USEC": str(usec), "TZ": "UTC"})
    assert run.rc == 0, run
    assert run.commands == ["CP QUERY USERID", *sent], run


# ------------------------------------------------------------------ the stand-in as CMS answers
# CMS REXX's DIAGRC(8, cmd) puts CP's return code in columns 1-9 and the response
# from column 17, each line ended by X'15': public CMS code reads it with exactly
# this template (trothtech/uft, cms/uftxdspl.rexx). The stand-in must answer so.
DIAGRC_AS_CMS_CODE_READS_IT = """/* DIAGRC read as CMS code reads it */
parse value diagrc(8, 'QUERY USERID') with 1 cprc 10 . 17 response '15'x rest
if datatype(cprc, 'W') then say 'rc' cprc + 0 'response' response
else say 'no return code in columns 1 to 9'
say 'after the first line' length(rest)
exit 0
"""


def test_diagrc_stand_in_has_the_cms_layout(cms):
    run = cms.run(DIAGRC_AS_CMS_CODE_READS_IT, member="DEV1")
    assert run.rc == 0, run
    assert run.stdout.splitlines() == ["rc 0 response AUTOLOG1 AT DEV1", "after the first line 0"], run


DIAGRC_CONDITION_CODE = """/* DIAGRC's condition code, for an rc 45 */
parse value diagrc(8, 'QUERY USER BKRBKUP') with 1 cprc 10 . 11 cc 12 . 17 response '15'x
say 'rc' cprc + 0 'cc' cc 'response' response
exit 0
"""


def test_diagrc_stand_in_sets_condition_code_1_only_for_an_answer_too_long(cms):
    """DIAGNOSE X'08' with a response buffer: "condition code 0 -- The request
    was successful", "condition code 1 -- The request was unsuccessful. The
    response does not fit into the buffer"; a CP error is the completion code
    (the rc), not the condition code (IBM VM/PC User's Guide, Appendix A,
    DIAGNOSE Code X'08'). The stand-in's response always fits: cc 0, also
    for rc 45."""
    run = cms.run(DIAGRC_CONDITION_CODE, member="DEV1")
    assert run.stdout.splitlines() == ["rc 45 cc 0 response HCPCQU045E BKRBKUP not logged on"], run


def test_smsg_to_a_user_not_logged_on_fails_as_in_cp(cms):
    """CP sets the number of its message as the rc: SMSG to a user that is not
    logged on is HCPMSG045E, rc 45, whoever sends it."""
    run = cms.run(example_exec("minimal", "DEV1", "BKRSUBMT"), "GUESTFUL", member="DEV1")
    assert (run.rc, run.commands) == (45, ["CP QUERY USERID", "CP SMSG BKRBKUP SUBMIT GUESTFUL"]), run
    assert "HCPMSG045E BKRBKUP not logged on" in run.stdout, run


LOWER_CASE_CP = """/* lower-case CP commands, as a site table could have written them */
address command
'CP query userid'
say 'CP rc' rc
parse value diagrc(8, 'query user BKRBKUP') with cprc .
say 'DIAGRC rc' cprc
'CP QUERY USERID'
say 'upper rc' rc
exit 0
"""


def test_the_cp_stand_in_takes_commands_in_upper_case_only(cms):
    """The EXECs hand CP their commands as written, and CP's DIAGNOSE X'08'
    is not relied on to translate them (IBM's vmcp translates a command to
    upper case before it issues it, unless told to keep its case): the
    stand-in answers a lower-case command word as CP answers a command it
    does not know, HCPCMD001E, rc 1, so an EXEC that sent one cannot pass."""
    run = cms.run(LOWER_CASE_CP, member="DEV1", logged_on=["BKRBKUP"])
    assert run.stdout.splitlines()[-3:] == ["DIAGRC rc 1", "AUTOLOG1 AT DEV1", "upper rc 0"], run
    assert "CP rc 1" in run.stdout.splitlines(), run
    assert run.stdout.count("HCPCMD001E") == 1, run  # DIAGRC's answer is not shown


def test_bkrstart_takes_blanks_for_no_operands(cms):
    """`'EXEC BKRSTART' opts` with opts empty passes a blank: not an operand."""
    text = example_exec("minimal", "DEV1", "BKRSTART")
    plain = cms.run(text, member="DEV1")
    assert plain.rc == 0, plain
    for blanks in (" ", "   "):
        run = cms.run(text, blanks, member="DEV1")
        assert (run.rc, run.commands) == (0, plain.commands), run


# How CP might lay out its answer to QUERY USERID: the member guard reads its
# first three words, in any case, the lines joined (a line end is a blank).
USERID_ANSWERS = [
    (["autolog1 at dev1"], 0),
    (["", "AUTOLOG1 AT DEV1"], 0),
    (["", "AUTOLOG1 AT DEV2"], 40),
    (["AUTOLOG1    AT    DEV1    "], 0),
    (["AUTOLOG1 AT DEV1", "AUTOLOG1 AT DEV2"], 0),
    (["AUTOLOG1 AT DEV2", "AUTOLOG1 AT DEV1"], 40),
    (["AUTOLOG1 AT DEV10"], 52),  # no member of the cluster
    (["AUTOLOG1 AT DEV"], 52),
    (["AUTOLOG1 AT"], 40),
    (["AUTOLOG1 DEV1"], 40),
    (["HCPCQU003E Invalid option - USERID"], 40),
    ([""], 40),
]


@pytest.mark.parametrize(("answer", "rc"), USERID_ANSWERS)
def test_member_guard_reads_the_answer_word_by_word(cms, answer, rc):
    run = cms.run(example_exec("minimal", "DEV1", "BKRSUBMT"), "LIST", member="DEV1", answer=answer)
    assert (run.rc, run.commands) == (rc, ["CP QUERY USERID"]), run
    if rc and " AT " in " ".join(answer).upper():
        assert "this EXEC is for member DEV1, not for" in run.stdout, run
    elif rc:  # no member name to name: CP's answer is shown instead, never a made-up name
        assert run.stdout.splitlines() == folded([
            f"BKRSUBMT: CP QUERY USERID gave no member name: {answer[0].strip()}",
            "BKRSUBMT: this EXEC is for member DEV1. Nothing done.",
        ]), run


def _eight_character_members():
    """examples/minimal.bkr with members of 8 characters, the most CP allows."""
    from conftest import ROOT

    from bkrdsl.pipeline import analyse

    text = (ROOT / "examples" / "minimal.bkr").read_text()
    text = text.replace("DEV1", "MEMBER01").replace("DEV2", "MEMBER02")
    analysis = analyse("long.bkr", text.encode())
    assert analysis.ok, [d.message for d in analysis.diagnostics]
    return analysis.model


@pytest.mark.parametrize(("answer", "rc"), [
    ("BKRADMIN AT MEMBER01", 0),
    ("BKRADMIN AT MEMBER02", 40),
    ("BKRADMIN AT MEMBER0", 52),  # no member of the cluster
    ("BKRADMIN AT MEMBER011", 52),
])
def test_member_guard_with_eight_character_names(cms, answer, rc):
    from cms.generate import generate

    text = generate(_eight_character_members(), "MEMBER01", "BKRSUBMT")
    run = cms.run(text, "ALL", member="MEMBER01", answer=[answer], logged_on=["BKRBKUP"])
    sent = ["CP SMSG BKRBKUP SUBMIT GUESTFUL", "CP SMSG BKRBKUP SUBMIT SYSFU1"] if rc == 0 else []
    assert (run.rc, run.commands) == (rc, ["CP QUERY USERID", *sent]), run


def test_member_guard_names_no_exec_bkrc_did_not_write(cms):
    """Run on another system, an EXEC points at no EXEC bkrc did not write:
    examples/spreadssi.bkr purges on ZVMA only, so its BKREXPIR on ZVMB says ZVMB has
    none (it said "run the BKREXPIR EXEC generated for ZVMB", which does not exist);
    BKRSTART and BKRSUBMT, written for every member, send another member to its
    own, and say that a system outside the cluster has none (ZVMX was sent to "the
    BKRSTART EXEC generated for ZVMX"); since stop 81 they name the members there,
    rc 52 (`test_a_member_removed_is_told_it_is_none`)."""
    expir = cms.run(example_exec("spreadssi", "ZVMA", "BKREXPIR"), "PURGE", member="ZVMB")
    assert (expir.rc, expir.commands) == (40, ["CP QUERY USERID"]), expir
    assert "generated for ZVMB" not in expir.stdout, expir
    assert ("BKREXPIR: ZVMB has no BKREXPIR EXEC: expiry runs on member ZVMA only. Nothing done."
            in unfolded(expir.stdout, "BKREXPIR")), expir
    for exec_name in ("BKRSTART", "BKRSUBMT"):
        text = example_exec("spreadssi", "ZVMB", exec_name)
        run = cms.run(text, "", member="ZVMC")
        assert (run.rc, run.commands) == (40, ["CP QUERY USERID"]), run
        assert (f"{exec_name}: run the {exec_name} EXEC generated for ZVMC. bkrc writes one for each"
                " member of cluster ZVMSSI, none for another system. Nothing done."
                in unfolded(run.stdout, exec_name)), run
        run = cms.run(text, "", member="ZVMX")
        assert (run.rc, run.commands) == (52, ["CP QUERY USERID"]), run
        assert "generated for ZVMX" not in run.stdout, run
        assert (f"{exec_name}: ZVMX is no member of cluster ZVMSSI as compile {_compile_of(text)} knows it"
                f" (ZVMA ZVMB ZVMC ZVMD): bkrc wrote no {exec_name} for it;"
                in unfolded(run.stdout, exec_name)[1]), run


def _analysed(name: str, text: str):
    analysis = analyse(name, text.encode())
    assert analysis.ok, [f"{d.code} {d.message}" for d in analysis.diagnostics if d.is_error]
    return analysis.model


def _without_vmsys4():
    """examples/prodssi.bkr compiled with VMSYS4 removed (it has no role there)."""
    text = (ROOT / "examples" / "prodssi.bkr").read_text()
    line = "  member VMSYS4 { workers 2  private-volume M4PRV1 }\n"
    assert line in text
    return _analysed("prodssi.bkr", text.replace(line, ""))


@pytest.mark.parametrize(("exec_name", "operands"), [("BKRSTART", ""), ("BKRSUBMT", "ALL"), ("BKRSUBMT", "DUE"),
                                                     ("BKREXPIR", "PURGE"), ("BKREXPIR", "DUE")])
def test_a_member_removed_is_told_it_is_none(cms, exec_name, operands):
    """Stop 81: prodssi compiled without VMSYS4 (removed from the cluster). An EXEC
    of that compile run on VMSYS4 said "run the BKRSTART EXEC generated for VMSYS4.
    bkrc writes one for each member of cluster PRODSSI", sending the operator to
    the EXEC CHANGES.TXT says to erase. Each EXEC now lists the members as its
    compile knows them: on VMSYS4 it says VMSYS4 is none of them, and where the
    call to take out is, rc 52, having asked CP only where it runs (no DUE record
    either); another member keeps its message (rc 40); its own runs."""
    model = _without_vmsys4()
    text = generate(model, "VMSYS1", exec_name, "prodssi.bkr")
    compile_id = _compile_of(text)
    assert "members = 'VMSYS1 VMSYS2 VMSYS3'" in text.splitlines()
    up = ["BKRBKUP", "BKRCATLG", "BKRSVSFS"]
    own = cms.run(text, "LIST" if operands == "DUE" else operands, member="VMSYS1", logged_on=up)
    assert own.rc == 0 and own.commands[0] == "CP QUERY USERID", own
    if operands != "DUE":  # it starts, submits, purges
        assert len(own.commands) > 1, own
    other = cms.run(text, operands, member="VMSYS2", logged_on=up)
    assert (other.rc, other.commands) == (40, ["CP QUERY USERID"]), other
    said = unfolded(other.stdout, exec_name)
    assert " is no member " not in other.stdout, other
    if exec_name == "BKREXPIR":
        assert "BKREXPIR: VMSYS2 has no BKREXPIR EXEC: expiry runs on member VMSYS1 only. Nothing done." in said
    else:
        assert said[1] == (f"{exec_name}: run the {exec_name} EXEC generated for VMSYS2. bkrc writes one for each"
                           " member of cluster PRODSSI, none for another system. Nothing done."), other
    removed = cms.run(text, operands, member="VMSYS4", logged_on=up)
    assert (removed.rc, removed.commands, removed.records) == (52, ["CP QUERY USERID"], {}), removed
    said = unfolded(removed.stdout, exec_name)
    where = "AUTOLOG1's PROFILE EXEC" if exec_name == "BKRSTART" else "the scheduler"
    assert said[:2] == [
        f"{exec_name}: this EXEC is for member VMSYS1, not for VMSYS4.",
        (f"{exec_name}: VMSYS4 is no member of cluster PRODSSI as compile {compile_id} knows it (VMSYS1"
         f" VMSYS2 VMSYS3): bkrc wrote no {exec_name} for it; if it was added since, install the one a later"
         " compile wrote for it; if it was removed from the cluster, take this"
         f" call out of {where} there (the CHANGES.TXT of the compile that removed it lists the steps)."
         " Nothing done."),
    ], removed
    assert "generated for VMSYS4" not in removed.stdout, removed
    if exec_name == "BKREXPIR" and operands == "DUE":
        # What was due on the purging member then, in case the purge moved off VMSYS4
        # in the same compile: said, never sent.
        assert said[-1] == "BKREXPIR: have the scheduler of VMSYS4 not call BKREXPIR.", removed
    else:
        assert len(said) == 2, removed


def test_the_member_list_of_eight_members_wraps_at_72_columns(cms):
    """Eight members of eight characters, the most z/VM 7.3 allows (MAX_MEMBERS in
    bkrdsl/check/members.py): the EXEC's `members` line would be 83 columns, so it
    is set in pieces, each line within 72 columns; the list said on a system that is none folds at 79 as
    every message does, nothing lost; each member is still told from a non-member."""
    names = [f"MEMBER0{i}" for i in range(1, 9)]
    text = (ROOT / "examples" / "minimal.bkr").read_text()
    text = text.replace("DEV1", names[0]).replace("DEV2", names[1])
    extra = "".join(f"  member {n} {{ workers 2  private-volume D{i}PRV1 }}\n" for i, n in enumerate(names[2:], 3))
    text = text.replace("  disk BKRBKUP", extra + "  disk BKRBKUP", 1)
    model = _analysed("eight.bkr", text)
    assert model.member_names == tuple(names)
    for exec_name in ("BKRSUBMT", "BKRSTART", "BKREXPIR"):
        exec_text = generate(model, "MEMBER01", exec_name, "eight.bkr")
        lines = exec_text.splitlines()
        assert max(map(len, lines)) <= 72
        pieces = [line for line in lines if line.startswith("members = ")]
        assert len(pieces) > 1 and pieces[1].startswith("members = members'"), pieces
        run = cms.run(exec_text, "", member="MEMBER09", logged_on=["BKRBKUP", "BKRCATLG"])
        assert (run.rc, run.commands) == (52, ["CP QUERY USERID"]), run
        assert all(len(line) <= 79 for line in run.stdout.splitlines()), run
        said = unfolded(run.stdout, exec_name)
        assert f"knows it ({' '.join(names)}): bkrc wrote no {exec_name} for it;" in said[1], run
        last = cms.run(exec_text, "", member="MEMBER08", logged_on=["BKRBKUP", "BKRCATLG"])
        assert (last.rc, last.commands) == (40, ["CP QUERY USERID"]), last


@pytest.mark.parametrize("example", example_names())
def test_bkrexpir_header_says_rc_28_as_the_exec_does(cms, example):
    """BKREXPIR's header listed "28 not configured", where the EXEC, asked for an
    action it lacks, says "no expiry action FOO on member TST1" and lists those it
    has: the header now says it in the EXEC's own terms."""
    model = example_model(example)
    (purger,) = model.purging_members()
    text = example_exec(example, purger, "BKREXPIR")
    header = " ".join(line[2:-2].strip() for line in text.splitlines() if line.startswith("/*"))
    assert "28 not configured" not in header
    assert "28 no such expiry action on this member (it lists those it has)," in header
    run = cms.run(text, "FOO", member=purger)
    assert (run.rc, run.commands) == (28, ["CP QUERY USERID"]), run
    said = unfolded(run.stdout, "BKREXPIR")
    assert said[0] == f"BKREXPIR: no expiry action FOO on member {purger}.", run
    assert said[1].startswith(f"BKREXPIR: member {purger} has: "), run


def test_rexx_md_s_bkrexpir_rc_28_example_is_what_it_says(cms):
    """docs/rexx.md: an action the file does not configure is not in the EXEC
    (rc 28: `BKREXPIR: no expiry action PREVIEW on member VMSYS1.`, then
    `BKREXPIR: member VMSYS1 has: PURGE.`): prodssi.bkr without its preview."""
    source = (EXAMPLES / "prodssi.bkr").read_text()
    assert "    preview daily 01:00\n" in source
    analysis = analyse("prodssi.bkr", source.replace("    preview daily 01:00\n", "").encode())
    assert analysis.ok, [d.code for d in analysis.diagnostics if d.is_error]
    run = cms.run(generate(analysis.model, "VMSYS1", "BKREXPIR", "prodssi.bkr"), "PREVIEW", member="VMSYS1")
    assert (run.rc, run.commands) == (28, ["CP QUERY USERID"]), run
    page = " ".join((ROOT / "docs" / "rexx.md").read_text(encoding="utf-8").split())
    shown = re.search(r"\(rc 28: `(BKREXPIR: no expiry action [^`]*)`, then `(BKREXPIR: member [^`]*)`\)", page)
    assert shown is not None
    assert unfolded(run.stdout, "BKREXPIR") == list(shown.groups()), run


# ------------------------------------------------------------------ what the operator reads
# A failure in ALL or DUE stops the run: what was already sent is not repeated,
# and every job left unsent is named with the command that sends it (DUE would
# not send it again: its minute has passed).
def test_a_failure_in_all_names_only_the_jobs_left_unsent(cms):
    run = cms.run(example_exec("minimal", "DEV1", "BKRSUBMT"), "ALL", member="DEV1",
                  logged_on=["BKRBKUP"], fail={"SMSG BKRBKUP SUBMIT SYSFU1": 20})
    assert run.rc == 20, run
    assert [line for line in run.stdout.splitlines() if line.startswith("BKRSUBMT:")] == [
        "BKRSUBMT: sent CP SMSG BKRBKUP SUBMIT GUESTFUL",
        "BKRSUBMT: CP SMSG BKRBKUP SUBMIT SYSFU1 failed, rc 20.",
        "BKRSUBMT: not sent: when the cause is fixed, send each with:",
        "BKRSUBMT:   EXEC BKRSUBMT JOB SYSFU1",
    ], run


def _cp_line_editing(typed: str) -> list[str]:
    """The commands CP reads from a line typed at a terminal with its default
    logical line editing (z/VM 7.3, "Logical Escape"): `#` ends a command, `@`
    deletes the character before it, `"` makes the next character itself."""
    commands, current, chars = [], [], iter(typed)
    for ch in chars:
        if ch == '"':
            current.append(next(chars, ""))
        elif ch == "#":
            commands.append("".join(current))
            current = []
        elif ch == "@":
            current = current[:-1]
        else:
            current.append(ch)
    return [*commands, "".join(current)]


def test_a_job_left_unsent_is_named_as_typed_at_a_terminal(cms):
    """A name with `#` or `@` (BKR308) is listed with the logical escape `"`
    before them: copied to the terminal as it was listed, `EXEC BKRSUBMT JOB
    SYS#F1` ran `EXEC BKRSUBMT JOB SYS` and `F1`, and PAY@1 became PAY1."""
    from cms.generate import generate
    from conftest import ROOT

    from bkrdsl.pipeline import analyse

    text = (ROOT / "examples" / "minimal.bkr").read_text()
    analysis = analyse("signs.bkr", text.replace("GUESTFUL", "PAY@1").replace("SYSFU", "SYS#F").encode())
    assert analysis.ok, [d.message for d in analysis.diagnostics]
    run = cms.run(generate(analysis.model, "DEV1", "BKRSUBMT"), "ALL", member="DEV1",
                  logged_on=["BKRBKUP"], fail={"SMSG BKRBKUP SUBMIT PAY@1": 57})
    assert run.rc == 57, run
    said = [line for line in run.stdout.splitlines() if line.startswith("BKRSUBMT:")]
    assert said[-5:] == [
        "BKRSUBMT: not sent: when the cause is fixed, send each with:",
        'BKRSUBMT:   EXEC BKRSUBMT JOB PAY"@1',
        'BKRSUBMT:   EXEC BKRSUBMT JOB SYS"#F1',
        'BKRSUBMT: type each " as shown: without it, the terminal reads',
        "BKRSUBMT: the character after it as a line end or a delete.",
    ], run
    for line, name in zip(said[-4:-2], ["PAY@1", "SYS#F1"]):
        command = line.removeprefix("BKRSUBMT:").strip()
        assert _cp_line_editing(command) == [f"EXEC BKRSUBMT JOB {name}"]
        # ... and the command CP then reads sends that job.
        again = cms.run(generate(analysis.model, "DEV1", "BKRSUBMT"), f"JOB {name}", member="DEV1",
                        logged_on=["BKRBKUP"])
        assert (again.rc, again.commands[-1:]) == (0, [f"CP SMSG BKRBKUP SUBMIT {name}"]), again
    plain = cms.run(example_exec("minimal", "DEV1", "BKRSUBMT"), "ALL", member="DEV1",
                    logged_on=["BKRBKUP"], fail={"SMSG BKRBKUP SUBMIT GUESTFUL": 57})
    assert "as shown" not in plain.stdout and '"' not in plain.stdout, plain


def test_where_another_members_job_runs_is_said_as_typed_at_a_terminal(cms):
    """After rc 28, the command that submits the job where it runs is written as
    typed at a terminal (`"` before `#` and `@`, BKR308), with the two lines that
    say why: copied to the terminal of the member it names, CP reads the command
    that submits that job there. This member's own copy of a job run on each
    member is named so too."""
    from cms.generate import generate
    from cms.invariants import ESCAPE_NOTE
    from conftest import ROOT

    from bkrdsl.pipeline import analyse

    text = (ROOT / "examples" / "minimal.bkr").read_text()
    analysis = analyse("signs.bkr", text.replace("GUESTFUL", "PAY@1").replace("SYSFU", "SYS#F").encode())
    assert analysis.ok, [d.message for d in analysis.diagnostics]
    model = analysis.model
    # the name asked for on DEV2: (what it says, the member and job its command submits)
    asked = {
        "PAY@1": [("PAY@1 is a job of member DEV1, not of DEV2:", 'run BKRSUBMT PAY"@1 on DEV1.', "DEV1", "PAY@1")],
        "SYS#F1": [("SYS#F1 is a job of member DEV1, not of DEV2:", 'run BKRSUBMT SYS"#F1 on DEV1.', "DEV1", "SYS#F1"),
                   ("on member DEV2, job SYS#F is SYS#F2:", 'run BKRSUBMT SYS"#F2.', "DEV2", "SYS#F2")],
    }
    for name, where in asked.items():
        run = cms.run(generate(model, "DEV2", "BKRSUBMT"), f"JOB {name}", member="DEV2", logged_on=["BKRBKUP"])
        assert (run.rc, run.commands) == (28, ["CP QUERY USERID"]), run
        said = [line.removeprefix("BKRSUBMT: ") for line in run.stdout.splitlines()]
        assert said[2:] == [line for *lines, _, _ in where for line in lines] + ESCAPE_NOTE, run
        for _, line, there, job in where:
            command = line.removeprefix("run ").removesuffix(".").removesuffix(f" on {there}")
            assert _cp_line_editing(command) == [f"BKRSUBMT {job}"], command
            sent = cms.run(generate(model, there, "BKRSUBMT"), job, member=there, logged_on=["BKRBKUP"])
            assert (sent.rc, sent.commands[-1:]) == (0, [f"CP SMSG BKRBKUP SUBMIT {job}"]), sent


def test_rexx_md_s_rc_28_examples_are_what_bkrsubmt_says(cms):
    """docs/rexx.md, "rc 28: where the job runs": each example is what
    examples/prodssi.bkr's BKRSUBMT says, word for word, on the member and for
    the job its first line names."""
    page = (ROOT / "docs" / "rexx.md").read_text(encoding="utf-8")
    section = page.split("### rc 28: where the job runs", 1)[1].split("\n#", 1)[0]
    blocks = re.findall(r"^```\n(BKRSUBMT: .*?)\n```$", section, re.MULTILINE | re.DOTALL)
    assert len(blocks) == 2, section
    for block in blocks:
        name, member = re.match(r"BKRSUBMT: no job (\S+) on member (\S+)\.", block).groups()
        run = cms.run(example_exec("prodssi", member, "BKRSUBMT"), name, member=member, logged_on=["BKRBKUP"])
        assert (run.rc, run.commands) == (28, ["CP QUERY USERID"]), run
        assert run.stdout.splitlines() == block.splitlines(), run


# stop 83, h7: the compile the page's examples name is a stand-in, said where it first shows
def test_rexx_md_s_version_example_is_what_bkrsubmt_says_but_its_compile(cms):
    """docs/rexx.md, "Which compile wrote an EXEC": `BKRSUBMT ( VERSION` on VMSYS1
    prints the page's two lines, word for word but the compile, which the page,
    there, says stands for the one of the EXECs compiled now (it said so only
    250 lines below, after its first four uses: a newcomer typing `( VERSION`
    met another hash, unexplained)."""
    page = (ROOT / "docs" / "rexx.md").read_text(encoding="utf-8")
    section = page.split("## Which compile wrote an EXEC", 1)[1].split("\n## ", 1)[0]
    said = " ".join(section.split())
    assert ("Where it shows (`1E2D5B7A` on this page stands for the compile of `examples/prodssi.bkr`'s EXECs:"
            " yours, and that example's compiled by the bkrc you run, name another") in said
    block = re.search(r"^  ```\n(  BKRSUBMT: compile .*?)\n  ```$", section, re.MULTILINE | re.DOTALL).group(1)
    shown = [line.strip() for line in block.splitlines()]
    text = example_exec("prodssi", "VMSYS1", "BKRSUBMT")
    run = cms.run(text, "( VERSION", member="VMSYS1")
    (real,) = re.findall(r"^/\* Compile ([0-9A-F]{8}):", text, re.MULTILINE)
    assert run.rc == 0, run
    assert run.stdout.splitlines() == [line.replace("1E2D5B7A", real) for line in shown], run


# stop 83, h7: the page's lines for a server down, wrapped by hand, were not the EXEC's
def test_rexx_md_s_server_down_lines_are_what_bkrsubmt_says(cms):
    """docs/rexx.md: CP refuses the message with rc 45, "then the EXEC also says
    which server is down, the commands that start it, each on a line of its own
    to copy, BKRSTART first", and "The last line says that AUTOLOG1's BKRSTART
    starts it at IPL". The block wrapped its sixth line at another word than the
    EXEC does and left that last line out."""
    page = (ROOT / "docs" / "rexx.md").read_text(encoding="utf-8")
    section = page.split("each on a line of its own to copy, BKRSTART first:\n", 1)[1]
    block = re.match(r"```text\n(.*?)\n```\n", section, re.DOTALL).group(1).splitlines()
    assert "The last line says that AUTOLOG1's BKRSTART starts it at IPL" in " ".join(section.split())
    run = cms.run(example_exec("prodssi", "VMSYS1", "BKRSUBMT"), "ALL", member="VMSYS1")
    assert run.rc == 45, run
    said = run.stdout.splitlines()
    start = said.index(block[0])
    assert said[start:start + len(block)] == block, run
    assert block[-1] == "BKRSUBMT: (at IPL, BKRSTART on AUTOLOG1 starts it: its console says why not)"


# BKRSTART runs in AUTOLOG1 at IPL, its messages scrolled among CP's: when a
# machine does not start it ends with the list of what is missing and how to
# finish the start-up, after the last CP message.
def test_bkrstart_ends_with_what_it_did_not_start(cms):
    run = cms.run(example_exec("minimal", "DEV2", "BKRSTART"), member="DEV2",
                  logged_on=["BKRCATLG"], fail={"XAUTOLOG BKRWRK01": 53})
    assert run.rc == 53, run
    assert run.stdout.splitlines()[-3:] == [
        "BKRSTART: not started on member DEV2: BKRWRK01.",
        "BKRSTART: fix the cause shown above, then run EXEC BKRSTART again.",
        "BKRSTART: it starts only the machines that are not logged on.",
    ], run
    fine = cms.run(example_exec("minimal", "DEV2", "BKRSTART"), member="DEV2")
    assert fine.rc == 0 and "not started" not in fine.stdout, fine


def test_an_identity_sfs_server_logged_on_elsewhere_is_started_here(cms):
    # A local catalog's SFS server is an IDENTITY: each member starts, and waits
    # for, its own instance. CP answering `BKRSVSFS  - SSI` (an instance at
    # another member) is no instance here: XAUTOLOG, then the waits, as for one
    # not logged on; no rc 36, which is for a single-configuration machine.
    text = (EXAMPLES / "minimal.bkr").read_text()
    shared = "catalog shared server BKRSVSFS pool BKRPOOL on DEV1"
    assert shared in text
    local = text.replace(shared, "catalog local server BKRSVSFS pool BKRPOOL")
    analysis = analyse("local.bkr", local.encode())
    assert analysis.ok, [d.code for d in analysis.diagnostics if d.is_error]
    exec_text = generate(analysis.model, "DEV2", "BKRSTART", "local.bkr")
    # The stand-in knows the IDENTITY machines (h11, stop 69: it refuses
    # XAUTOLOG of a single-configuration user logged on at another member).
    identity = identity_machines(analysis.model)
    assert "BKRSVSFS" in identity
    run = cms.run(exec_text, member="DEV2", elsewhere=["BKRSVSFS", "BKRBKUP"], identity=identity)
    assert run.rc == 0, run
    assert run.commands[:8] == [
        "CP QUERY USERID",
        "CP QUERY USER BKRSVSFS",
        "CP XAUTOLOG BKRSVSFS",
        "CP SLEEP 2 SEC",
        "CP QUERY USER BKRSVSFS",
        "CMS SET CMSTYPE HT",
        "CMS QUERY FILEPOOL CONNECT BKRPOOL:",
        "CMS SET CMSTYPE RT",
    ], run
    assert "CP XAUTOLOG BKRBKUP" in run.commands, run
    assert "another member" not in run.stdout, run


# A source name of more than 14 characters moves from line 1 of every EXEC to a
# comment line of its own (`/* BKRSUBMT EXEC, generated by bkrc, do not edit.
# Source: */`); a folder and a name with characters outside the invariant set
# (`~`, `[`, `]`, letters with accents) are named by the base name alone, each such
# character as `_` (docs/output.md, "Every file"). The examples' names are short:
# this runs the long form, as `bkrc compile` writes it, under Regina.
LONG_SOURCE = "we~ird[dir]\u00e4/cl\u00fcster~[x]\u00e9-with-a-long-name.bkr"


def _long_form_execs() -> dict[str, str]:
    from bkrdsl.pipeline import compile_source

    _, artifacts = compile_source(LONG_SOURCE, (EXAMPLES / "minimal.bkr").read_bytes())
    return {a.path: a.text for a in artifacts if a.path.endswith(".EXEC")}


def test_the_long_source_header_runs_as_the_short_one(cms):
    execs = _long_form_execs()
    assert len(execs) == 5
    for path, text in execs.items():
        name = path.rsplit("/", 1)[1].removesuffix(".EXEC")
        assert text.split("\n")[:2] == [
            f"/* {name} EXEC, generated by bkrc, do not edit. Source: */",
            "/*   cl_ster__x__-with-a-long-name.bkr */",
        ], path
    model = example_model("minimal")

    def exec_of(member: str, exec_name: str) -> str:
        return execs[f"{member}/{exec_name}.EXEC"]

    for member in example_members("minimal"):
        assert_submit_all(cms, model, exec_of, member)
        assert_refuses_other_members(cms, model, exec_of, member)
        assert_start_order(cms, model, exec_of, member)
    assert_expiry_on_purging_members_only(cms, model, exec_of)
    # ... and says, run, what the short form says.
    for operands in ("LIST", "?"):
        long, short = (
            cms.run(text, operands, member="DEV1", logged_on=["BKRBKUP"])
            for text in (exec_of("DEV1", "BKRSUBMT"), example_exec("minimal", "DEV1", "BKRSUBMT"))
        )
        assert long.stdout and (long.rc, long.stdout, long.commands) == (short.rc, short.stdout, short.commands), long


def test_rexx_md_s_try_by_hand_prints_what_the_page_shows(tmp_path):
    """docs/rexx.md, "To try an EXEC by hand": the commands as written, from a folder that
    holds the repository's examples/ and tests/ (its /tmp/cms here a scratch folder of
    the test's own), print the output the page shows. As a newcomer runs them: after
    README's first command, whose `out/` holds examples/prodssi.bkr's files (the
    recipe compiled minimal.bkr into `out/` too, and printed `8 created, 16 updated,
    48 deleted` and ten warnings, not the page's line), and a second time."""
    from cms.standin import find_rexx

    require_tool("BKRDSL_REQUIRE_REGINA", find_rexx() is not None, "Regina REXX (rexx)")
    page = (ROOT / "docs" / "rexx.md").read_text(encoding="utf-8")
    recipe = page.split("To try an EXEC by hand", 1)[1]
    commands, shown = re.search(r"```sh\n(.*?)```.*?```text\n(.*?)```", recipe, re.DOTALL).groups()
    assert "/tmp/cms" in commands
    for name in ("examples", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    scratch = tmp_path / "cms"
    bkrc = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bkrc}{os.pathsep}{os.environ['PATH']}"}
    readme = subprocess.run(
        ["bkrc", "compile", "examples/prodssi.bkr", "-o", "out"], cwd=tmp_path, env=env, capture_output=True, check=False
    )
    assert readme.returncode == 0, readme.stderr
    before = (tmp_path / "out" / "manifest.json").read_bytes()
    for _ in range(2):
        printed = subprocess.run(
            ["bash", "-c", commands.replace("/tmp/cms", str(scratch))],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        ).stdout
        assert printed.replace(str(scratch), "/tmp/cms") == shown
    assert (tmp_path / "out" / "manifest.json").read_bytes() == before


# The Nth and the last weekday of the month (tests/cms/clusters/nthday.bkr): what
# BKRSUBMT DUE (on either member, at each scheduled minute) and BKREXPIR DUE send
# on a date given as yyyymmdd with its own weekday. Worked out by hand from a
# calendar, not from the oracle; SYSFU runs on each member. November 2026 has
# five Sundays (1 ... 29) and 30 days; February has 29 days in 2000 and 2020
# (a year 400 divides, and one 4 divides) and 28 in 2100 and 2200 (100 divides
# them, 400 does not).
NTH_DUE = [
    ("20261101", {"WEBFULL"}),  # first Sunday
    ("20261122", {"DBFULL"}),  # fourth Sunday, not the last: a fifth follows
    ("20261129", {"PURGE"}),  # the fifth Sunday, the last: neither first nor fourth
    ("20261110", {"MAILFULL"}),  # second Tuesday (days 8 to 14)
    ("20261118", {"TESTFULL"}),  # third Wednesday (days 15 to 21)
    ("20261124", {"ARCHFULL"}),  # the last Tuesday of a 30-day month: the 24th
    ("20261128", {"SYSFU", "PREVIEW"}),  # fourth Saturday, and the last
    ("20261130", {"LOGSFULL"}),  # last Monday, on the month's last day
    ("20260131", {"SYSFU"}),  # last Saturday, the 31st (the fourth was the 24th)
    ("20260531", {"PURGE"}),  # last Sunday, the 31st
    ("20260524", {"DBFULL"}),  # fourth Sunday of a month of five
    ("20261231", set()),  # a Thursday: nothing
    ("20000222", set()),  # a Tuesday, not the last: 2000 is a leap year, the 29th is one
    ("20000229", {"ARCHFULL"}),  # the last Tuesday of February 2000
    ("21000222", {"LOGSFULL"}),  # the last Monday: February 2100 has 28 days
    ("20200222", {"PREVIEW"}),  # fourth Saturday, not the last: the 29th is one
    ("20200229", {"SYSFU"}),  # the last Saturday, the leap day
    ("22000222", {"SYSFU", "PREVIEW"}),  # fourth and last Saturday: 2200 is no leap year
]


@pytest.mark.parametrize(("date", "expected"), NTH_DUE, ids=[d for d, _ in NTH_DUE])
def test_nth_and_last_weekday_are_due_on_their_dates(cms, date, expected):
    """`monthly first sun 02:00` ... `monthly last sat 22:00`: BKRSUBMT DUE and
    BKREXPIR DUE given the date as yyyymmdd send exactly the jobs and expiry actions
    due that day, at their minutes, and the property tests' oracle agrees."""
    _assert_due_on_date(cms, "nthday", date, expected, check_minutes_on="SYSB")


# ------------------------------------------------------------------ DUE on another member
# A scheduler that calls another member's BKRSUBMT DUE (the wrong EXEC on its
# disk) sent nothing, and no later DUE sends that minute's jobs: the EXEC said
# only "Nothing done.", and the operator paged next morning had to work out
# the minute missed from the scheduler's log. It now gives the command that
# sends it with the right EXEC, the date as yyyymmdd (it holds after midnight).
# Called every minute, it gave that advice every minute, whether or not a job
# was due: now only at a minute when a job of the member it ran on was due
# (examples/prodssi.bkr: on VMSYS3, SYSIN3 daily 03:30, SYSME3 monthly
# last-day 20:00), naming the jobs; at any other minute, the refusal alone.
DUE_MISSED = [
    "BKRSUBMT: no later DUE sends them. Once the right EXEC is in",
    "BKRSUBMT: place, send them with it:",
]


def named_by(text: str, me: str, there: str) -> list[str]:
    """The two lines after `due on ...` that name the compile of the EXEC `text`
    that listed what was due, and how to see the one of the EXEC `there`."""
    return [f"{me}: named by this EXEC, of compile {_compile_of(text)}; the EXEC on {there}",
            f"{me}: may be of another: EXEC {me} ( VERSION there says."]
#: The refusal of VMSYS2's BKRSUBMT on VMSYS3: all it says when nothing was due.
REFUSED_ON_VMSYS3 = [
    "BKRSUBMT: this EXEC is for member VMSYS2, not for VMSYS3.",
    "BKRSUBMT: run the BKRSUBMT EXEC generated for VMSYS3. bkrc writes one for each",
    "BKRSUBMT:     member of cluster PRODSSI, none for another system. Nothing done.",
]


def _at(instant: str, usec: int = 0) -> dict[str, str]:
    """The environment of a run whose clock stands at `instant` (UTC) and `usec`."""
    import calendar
    import time

    epoch = calendar.timegm(time.strptime(instant, "%Y-%m-%dT%H:%M:%S"))
    return {"BKR_FAKE_EPOCH": str(epoch), "BKR_FAKE_USEC": str(usec), "TZ": "UTC"}


@pytest.mark.parametrize(("operands", "due", "command"), [
    ("DUE 03:30 TUE 20261201", "SYSIN3", "EXEC BKRSUBMT DUE 03:30 TUE 20261201"),
    ("due 3:30 tue 1 (review", "SYSIN3", "EXEC BKRSUBMT DUE 03:30 TUE 20261201 ( REVIEW"),
    ("DUE 20:00 MON 30", "SYSME3", "EXEC BKRSUBMT DUE 20:00 MON 20261130"),
])
def test_due_on_another_member_gives_the_minute_to_send(cms, fake_clock, operands, due, command):
    """The minute as DUE read it (a day of the month in the month the clock is
    in, written as yyyymmdd), the jobs due then on the member it ran on, and the
    command that sends them there."""
    clock = {"LD_PRELOAD": str(fake_clock), **_at("2026-12-01T23:31:10" if "TUE" in command else
                                                   "2026-11-30T20:01:10")}
    text = example_exec("prodssi", "VMSYS2", "BKRSUBMT")
    run = cms.run(text, operands, member="VMSYS3", logged_on=["BKRBKUP"], env=clock)
    assert (run.rc, run.commands) == (40, ["CP QUERY USERID"]), run
    assert run.stdout.splitlines() == [
        *REFUSED_ON_VMSYS3,
        f"BKRSUBMT: due on VMSYS3 at {command.split(' DUE ')[1].removesuffix(' ( REVIEW')}, not sent: {due}.",
        *named_by(text, "BKRSUBMT", "VMSYS3"), *DUE_MISSED, f"BKRSUBMT:   {command}"], run


#: The compile docs/rexx.md's examples name: it stands for the one the EXECs
#: of examples/prodssi.bkr name, which changes with any change to them.
PAGE_COMPILE = "1E2D5B7A"


def _page_compile(said: str, text: str) -> str:
    """What an EXEC said, its compile (the one its header names, and only that)
    written as the page writes it."""
    return said.replace(f"compile {_compile_of(text)}", f"compile {PAGE_COMPILE}")


def test_rexx_md_s_due_example_is_what_bkrsubmt_says(cms):
    """docs/rexx.md, "How an EXEC knows its member": the BKRSUBMT example with a
    job due is what VMSYS2's BKRSUBMT says on VMSYS3, word for word, run with
    the DUE it names."""
    page = (ROOT / "docs" / "rexx.md").read_text(encoding="utf-8")
    section = page.split("## How an EXEC knows its member", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"^```\n(BKRSUBMT: this EXEC .*?not sent: .*?)\n```$", section,
                      re.MULTILINE | re.DOTALL).group(1)
    operands = re.search(r"^BKRSUBMT: {3}EXEC BKRSUBMT (DUE .*)$", block, re.MULTILINE).group(1)
    text = example_exec("prodssi", "VMSYS2", "BKRSUBMT")
    run = cms.run(text, operands, member="VMSYS3")
    assert (run.rc, _page_compile(run.stdout, text).splitlines()) == (40, block.splitlines()), run
    # deploy.md's rc 40 row, "When a backup did not run", quotes the same run: the
    # jobs it names and its last line's command (it once gave a minute of before).
    row = next(line for line in (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8").splitlines()
               if line.startswith("| rc 40, "))
    named = re.search(r"(not sent: .*?\.)$", block, re.MULTILINE).group(1)
    assert f"`{named}`" in row and f"`EXEC BKRSUBMT {operands}`" in row, row


def test_rexx_md_s_removed_member_example_is_what_bkrstart_says(cms):
    """docs/rexx.md, "How an EXEC knows its member": VMSYS1's BKRSTART on VMSYS5,
    a member the cluster no longer has, word for word, rc 52 (stop 81)."""
    page = (ROOT / "docs" / "rexx.md").read_text(encoding="utf-8")
    section = page.split("## How an EXEC knows its member", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"^```\n(BKRSTART: this EXEC is for member VMSYS1, not for VMSYS5\..*?)\n```$", section,
                      re.MULTILINE | re.DOTALL).group(1)
    text = example_exec("prodssi", "VMSYS1", "BKRSTART")
    run = cms.run(text, "", member="VMSYS5")
    assert (run.rc, run.commands) == (52, ["CP QUERY USERID"]), run
    assert _page_compile(run.stdout, text).splitlines() == block.splitlines(), run


@pytest.mark.parametrize("operands", [
    "DUE 23:30 TUE 20261201",  # VMSYS2's LNXINC, not VMSYS3's: nothing due there
    "DUE 03:31 TUE 20261201",
    "DUE 20:00 SUN 20261129",  # SYSME3's minute, not on the month's last day
    "due 20:00 sun 29 (review",
])
def test_due_on_another_member_when_nothing_was_due_there_is_the_refusal_alone(cms, fake_clock, operands):
    """Called every minute, it says no more than the refusal at a minute when
    nothing was due on the member it ran on: rc 40 still, nothing sent."""
    run = cms.run(example_exec("prodssi", "VMSYS2", "BKRSUBMT"), operands, member="VMSYS3",
                  logged_on=["BKRBKUP"], env={"LD_PRELOAD": str(fake_clock), **_at("2026-11-29T20:00:10")})
    assert (run.rc, run.commands) == (40, ["CP QUERY USERID"]), run
    assert run.stdout.splitlines() == REFUSED_ON_VMSYS3, run


# The minute the refusal names and the one it found due are DUELIST's, the
# reading DUE itself makes: the wrong member's routine once read the clock and
# filled in the operands left off on its own, beside DUELIST's defaults, so
# that one changed without the other named another minute (02:05) than the one
# read. Run at the same instant, the right EXEC's DUE and the wrong EXEC's
# refusal must agree: the jobs named are those the right EXEC sends then, and
# the command given sends exactly them there.
AGREE_AT = [
    ("2026-12-01T03:29:59", 600000, "DUE"),  # still 03:29: nothing due (TIME() would round up)
    ("2026-12-01T03:30:00", 0, "DUE"),
    ("2026-12-01T03:30:59", 999000, "DUE"),
    ("2026-12-01T03:30:30", 0, "DUE 03:30"),  # the day and the date from the clock
    ("2026-12-01T23:59:59", 700000, "DUE 03:30 TUE"),  # the date from the clock, not the next day's
    ("2026-11-30T20:00:30", 0, "DUE"),  # the month's last day: SYSME3
    ("2026-11-30T20:00:30", 0, "DUE 20:00 MON 30"),
    ("2026-12-31T20:00:00", 0, "DUE 20:00 THU"),
]


@pytest.mark.parametrize(("instant", "usec", "operands"), AGREE_AT, ids=[f"{i}.{u}-{o}" for i, u, o in AGREE_AT])
def test_due_on_another_member_names_what_the_right_exec_sends(cms, fake_clock, instant, usec, operands):
    clock = {"LD_PRELOAD": str(fake_clock), **_at(instant, usec)}
    right = cms.run(example_exec("prodssi", "VMSYS3", "BKRSUBMT"), operands, member="VMSYS3",
                    logged_on=["BKRBKUP"], env=clock)
    assert right.rc == 0, right
    sent = [c.removeprefix("CP SMSG BKRBKUP SUBMIT ") for c in right.commands[1:]]
    wrong = cms.run(example_exec("prodssi", "VMSYS2", "BKRSUBMT"), operands, member="VMSYS3",
                    logged_on=["BKRBKUP"], env=clock)
    assert (wrong.rc, wrong.commands) == (40, ["CP QUERY USERID"]), wrong
    said = wrong.stdout.splitlines()
    if not sent:
        # the minute and the date as DUE's operands write them, which the refusal's
        # command gives too (it once said `on TUE 01.`, the day of the month alone)
        assert right.stdout.splitlines() == [*started("VMSYS3 BKRSUBMT A"),
                                             "BKRSUBMT: nothing due at 03:29 on TUE 20261201."], right
        assert said == REFUSED_ON_VMSYS3, (right, wrong)
        return
    minute = re.fullmatch(r"BKRSUBMT: due on VMSYS3 at (.*), not sent: (.*)\.", said[3])
    assert minute and minute.group(2).split() == sent, (right, wrong)
    command = said[-1].removeprefix("BKRSUBMT:   EXEC BKRSUBMT ")
    assert command == f"DUE {minute.group(1)}", wrong
    # The command, typed the next morning on the right member, sends those jobs.
    later = cms.run(example_exec("prodssi", "VMSYS3", "BKRSUBMT"), command, member="VMSYS3",
                    logged_on=["BKRBKUP"], env={"LD_PRELOAD": str(fake_clock), **_at("2027-01-15T09:00:00")})
    assert later.commands == right.commands, (wrong, later)


@pytest.mark.parametrize(("operands", "answer"), [("ALL", None), ("SYSIN2", None), ("DUE", ["AUTOLOG1 XX"])])
def test_no_minute_to_send_but_after_due_on_another_member(cms, operands, answer):
    """Only DUE misses a minute; and where CP named no member, the EXEC may be the
    right one: it says nothing of another EXEC then."""
    run = cms.run(example_exec("prodssi", "VMSYS2", "BKRSUBMT"), operands, member="VMSYS3", answer=answer)
    assert run.rc == 40, run
    assert "send them with it" not in run.stdout, run


# DUE with operands that name no minute, on the wrong member: BKREXPIR printed
# the usage yet ended rc 40, BKRSUBMT gave a command that would itself fail
# with rc 24. The wrong member comes first (rc 40); the operands' fault is
# one sentence, no usage and no command (docs/rexx.md).
@pytest.mark.parametrize(("exec_", "member", "operands", "reason", "after"), [
    ("BKRSUBMT", "VMSYS3", "DUE 25:00", "DUE wants a time 00:00 to 23:59 as hh:mm, not 25:00.",
     "correct the DUE operands of the caller too."),
    ("BKRSUBMT", "VMSYS3", "due 01:00 sun 3 4 (review", "DUE takes a time, a day and a date at most.",
     "correct the DUE operands of the caller too."),
    ("BKREXPIR", "VMSYS2", "DUE 01:00 XYZ", "DUE wants a day MON to SUN, not XYZ.",
     "have the scheduler of VMSYS2 not call BKREXPIR."),
])
def test_due_naming_no_minute_on_the_wrong_member_is_rc_40_without_usage(cms, exec_, member, operands, reason,
                                                                          after):
    home = "VMSYS2" if exec_ == "BKRSUBMT" else "VMSYS1"
    run = cms.run(example_exec("prodssi", home, exec_), operands, member=member, logged_on=["BKRBKUP"])
    assert (run.rc, run.commands) == (40, ["CP QUERY USERID"]), run
    # Each message as one line: `tell` wraps at the console's width.
    said = run.stdout.replace(f"\n{exec_}:     ", " ").splitlines()
    what = "jobs" if exec_ == "BKRSUBMT" else "expiry actions"
    assert said[-2:] == [
        f"{exec_}: its operands name no minute: {reason} The {what} due then cannot be told.",
        f"{exec_}: {after}",
    ], run
    assert "Use:" not in run.stdout and f"EXEC {exec_} DUE" not in run.stdout, run
    if operands == "DUE 25:00":  # docs/rexx.md's example, word for word
        page = (ROOT / "docs" / "rexx.md").read_text(encoding="utf-8")
        assert f"```\n{run.stdout}```\n" in page, run.stdout
    # On its own member the same operands are a usage error: rc 24 and the usage.
    own = cms.run(example_exec("prodssi", home, exec_), operands, member=home, logged_on=["BKRBKUP"])
    assert own.rc == 24 and f"{exec_}: {reason}" in own.stdout and "Use:" in own.stdout, own


# BKREXPIR DUE on a member that has none (a scheduler there that calls the
# purging member's EXEC from a disk both see, or one that moved) said only
# that it refused. Its table is the purging member's own: it says what was
# due there at that minute and the command that sends it there, once, if
# nothing ran BKREXPIR DUE there then; or that nothing was due.
@pytest.mark.parametrize(("operands", "due", "command"), [
    ("DUE 03:00 SUN 20261129", "PURGE", "EXEC BKREXPIR DUE 03:00 SUN 20261129"),
    ("due 1:00 mon 20261130", "PREVIEW", "EXEC BKREXPIR DUE 01:00 MON 20261130"),
])
def test_expiry_due_on_a_member_without_it_says_what_to_send_where(cms, operands, due, command):
    text = example_exec("prodssi", "VMSYS1", "BKREXPIR")
    run = cms.run(text, operands, member="VMSYS2", logged_on=["BKRCATLG"])
    assert (run.rc, run.commands) == (40, ["CP QUERY USERID"]), run
    assert run.stdout.splitlines()[-8:] == [
        f"BKREXPIR: due on VMSYS1 at {command.split(' DUE ')[1]}: {due}.",
        *named_by(text, "BKREXPIR", "VMSYS1"),
        "BKREXPIR: if nothing ran EXEC BKREXPIR DUE on VMSYS1 then, that was",
        "BKREXPIR: not sent, and no later DUE sends it; the next DUE on VMSYS1",
        "BKREXPIR: may name it (rc 4): the same one. Send it once, on VMSYS1, with:",
        f"BKREXPIR:   {command}",
        "BKREXPIR: have the scheduler of VMSYS2 not call BKREXPIR.",
    ], run
    # The command, run where it says, sends what it said was due.
    sent = cms.run(text, command.removeprefix("EXEC BKREXPIR "), member="VMSYS1", logged_on=["BKRCATLG"])
    assert (sent.rc, sent.commands) == (0, ["CP QUERY USERID", f"CP SMSG BKRCATLG EXPIRE ({due}"]), sent


def test_rexx_md_s_expiry_due_example_is_what_bkrexpir_says(cms):
    """docs/rexx.md, "How an EXEC knows its member": the BKREXPIR example is what
    examples/prodssi.bkr's BKREXPIR says, word for word, run with the DUE it names."""
    page = (ROOT / "docs" / "rexx.md").read_text(encoding="utf-8")
    section = page.split("## How an EXEC knows its member", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"^```\n(BKREXPIR: this EXEC .*?)\n```$", section, re.MULTILINE | re.DOTALL).group(1)
    operands = re.search(r"^BKREXPIR: {3}EXEC BKREXPIR (DUE .*)$", block, re.MULTILINE).group(1)
    text = example_exec("prodssi", "VMSYS1", "BKREXPIR")
    run = cms.run(text, operands, member="VMSYS2")
    assert (run.rc, _page_compile(run.stdout, text).splitlines()) == (40, block.splitlines()), run


def test_expiry_due_on_a_member_without_it_when_nothing_was_due(cms, fake_clock):
    import calendar
    import time

    epoch = calendar.timegm(time.strptime("2026-11-29T03:01:30", "%Y-%m-%dT%H:%M:%S"))
    run = cms.run(example_exec("prodssi", "VMSYS1", "BKREXPIR"), "DUE", member="VMSYS2",
                  env={"LD_PRELOAD": str(fake_clock), "BKR_FAKE_EPOCH": str(epoch), "TZ": "UTC"})
    assert (run.rc, run.commands) == (40, ["CP QUERY USERID"]), run
    assert run.stdout.splitlines()[-2:] == [
        "BKREXPIR: nothing was due on VMSYS1 at 03:01 SUN 20261129.",
        "BKREXPIR: have the scheduler of VMSYS2 not call BKREXPIR.",
    ], run
    other = cms.run(example_exec("prodssi", "VMSYS1", "BKREXPIR"), "PURGE", member="VMSYS2")
    assert other.rc == 40 and "scheduler" not in other.stdout, other  # only DUE misses a minute


@pytest.mark.parametrize(("operands", "due"), [
    ("DUE 06:00 SUN 20261129", "PURGE"),
    ("DUE 05:00 MON 20261130", "PREVIEW"),
    ("DUE 06:00 MON 20261130", None),  # the purge is weekly sun: nothing due, the refusal alone
])
def test_expiry_due_on_another_purging_member_gives_the_minute_to_send(cms, operands, due):
    """Local catalogs, expiry on each member: DEV1's BKREXPIR on DEV2 refers to
    DEV2's own EXEC, as BKRSUBMT does, in the words of expiry, and names what
    was due on DEV2 then (DEV2's own actions: its table holds them); at a minute
    when nothing was due there, it says no more than the refusal."""
    text = (EXAMPLES / "minimal.bkr").read_text()
    local = text.replace("catalog shared server BKRSVSFS pool BKRPOOL on DEV1",
                         "catalog local server BKRSVSFS pool BKRPOOL").replace("expire on DEV1 {",
                                                                              "expire on each member {")
    analysis = analyse("local.bkr", local.encode())
    assert analysis.ok and analysis.model.purging_members() == ("DEV1", "DEV2"), analysis.diagnostics
    own = generate(analysis.model, "DEV1", "BKREXPIR", "local.bkr")
    run = cms.run(own, operands, member="DEV2")
    assert (run.rc, run.commands) == (40, ["CP QUERY USERID"]), run
    minute = operands.removeprefix("DUE ")
    assert run.stdout.splitlines() == [
        "BKREXPIR: this EXEC is for member DEV1, not for DEV2.",
        "BKREXPIR: run the BKREXPIR EXEC generated for DEV2. Nothing done.",
        *([f"BKREXPIR: due on DEV2 at {minute}, not sent: {due}.",
           *named_by(own, "BKREXPIR", "DEV2"),
           "BKREXPIR: no later DUE sends them. Once the right EXEC is in",
           "BKREXPIR: place, send them with it:",
           f"BKREXPIR:   EXEC BKREXPIR {operands}"] if due else []),
    ], run
    if due:  # the command, run with DEV2's own EXEC there, sends what it named
        sent = cms.run(generate(analysis.model, "DEV2", "BKREXPIR", "local.bkr"), operands, member="DEV2",
                       logged_on=["BKRCATLG"])
        assert (sent.rc, sent.commands) == (0, ["CP QUERY USERID", f"CP SMSG BKRCATLG EXPIRE ({due}"]), sent


# ------------------------------------------------------------------ the stand-in's negative rcs
# A command's rc under Regina is its program's exit status, 0 to 255, so CMS's
# -3 ("no such command") reached the EXECs as 253: BKRSTART's wait for the file
# pool said "failed, rc 253." and never took -3 as final. tests/cms/command.c
# now hands a negative rc on as it is (docs/rexx.md, "The CMS/CP stand-in").
@pytest.mark.parametrize("rc", list(CARRIED_NEGATIVE_RCS))
def test_the_stand_in_hands_a_negative_rc_on_as_it_is(cms, rc):
    text = "/* a test of the stand-in */\naddress command\n'CP SLEEP 1 SEC'\nsay 'rc' rc\n'QUERY FILEPOOL CONNECT P:'\nsay 'rc' rc\n"
    run = cms.run(text, member="DEV1", fail={"SLEEP": rc, "QUERY FILEPOOL": rc})
    assert [line for line in run.stdout.splitlines() if line.startswith("rc ")] == [f"rc {rc}"] * 2, run
    assert run.commands == ["CP SLEEP 1 SEC", "CMS QUERY FILEPOOL CONNECT P:"], run


# A script that starts a command with `&` and no job control (CI runners, nohup)
# leaves SIGINT and SIGQUIT ignored in it and in every child; Regina then read
# the status of signal 3 as -9, and -3's cases failed only there. command.c
# puts both back to their defaults as Regina starts.
def test_a_negative_rc_arrives_with_sigint_and_sigquit_ignored(cms):
    numbers = (signal.SIGINT, signal.SIGQUIT)
    saved = {number: signal.signal(number, signal.SIG_IGN) for number in numbers}
    try:
        text = "/* a test of the stand-in */\naddress command\n'CP SLEEP 1 SEC'\nsay 'rc' rc\n"
        run = cms.run(text, member="DEV1", fail={"SLEEP": -3})
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
    assert [line for line in run.stdout.splitlines() if line.startswith("rc ")] == ["rc -3"], run


# ------------------------------------------------------------------ which compile wrote an EXEC
def _compile_of(text: str) -> str:
    """The identity an EXEC's header names (docs/rexx.md, "Which compile wrote an EXEC")."""
    return re.search(r"^/\* Compile ([0-9A-F]{8}): ", text, re.MULTILINE).group(1)


#: What `?` says for prodssi's VMSYS1, EXEC by EXEC (docs/rexx.md, "How to call it, and HELP").
_HELP_SAYS = {
    "BKRSUBMT": [
        ("BKRSUBMT: submits the backup jobs of member VMSYS1 of cluster PRODSSI to its"
         " backup server BKRBKUP; it runs on member VMSYS1 only."),
        "Use: BKRSUBMT, BKRSUBMT LIST, BKRSUBMT ALL, BKRSUBMT name,",
        "     BKRSUBMT JOB name or BKRSUBMT DUE hh:mm day date, each",
        "     optionally followed by ( REVIEW; date: dd or yyyymmdd;",
        "     BKRSUBMT ( VERSION says which compile wrote it",
    ],
    "BKREXPIR": [
        ("BKREXPIR: runs catalog expiry for cluster PRODSSI: sends EXPIRE to the catalog"
         " server BKRCATLG of member VMSYS1; it runs on member VMSYS1 only."),
        "Use: BKREXPIR, BKREXPIR LIST, BKREXPIR PREVIEW, BKREXPIR PURGE,",
        "     or BKREXPIR DUE hh:mm day date (date: dd or yyyymmdd);",
        "     BKREXPIR ( VERSION says which compile wrote it",
    ],
    "BKRSTART": [
        ("BKRSTART: starts the Backup Manager and Tape Manager machines of member VMSYS1"
         " of cluster PRODSSI, those not logged on yet; it runs on member VMSYS1 only."),
        "Use: BKRSTART (no operands), from the PROFILE EXEC of AUTOLOG1 on",
        "     member VMSYS1; or BKRSTART ( VERSION: which compile wrote it.",
    ],
}


@pytest.mark.parametrize("example", example_names())
def test_version_names_the_compile_on_any_system(cms, example):
    """`( VERSION` says the compile, the member and cluster the EXEC is for and
    its source, with rc 0, having asked CP nothing (so on a system outside the
    cluster too); every EXEC of every member names the same compile."""
    model = example_model(example)
    compiles = set()
    for member in example_members(example):
        for exec_name in ("BKRSUBMT", "BKREXPIR", "BKRSTART"):
            if exec_name == "BKREXPIR" and member not in model.purging_members():
                continue
            text = example_exec(example, member, exec_name)
            compiles.add(_compile_of(text))
            run = cms.run(text, "( version", member="OUTSIDE")
            assert (run.rc, run.commands) == (0, []), run
            assert unfolded(run.stdout, exec_name) == [
                f"{exec_name}: compile {_compile_of(text)} of cluster {model.name}, for member {member}.",
                f"{exec_name}: generated by bkrc from {example}.bkr.",
            ], run
    assert len(compiles) == 1, compiles


@pytest.mark.parametrize(("exec_name", "operands", "says"), [
    ("BKRSUBMT", "ALL ( VERSION", "BKRSUBMT: VERSION takes no operands."),
    ("BKREXPIR", "PURGE ( VERSION", "BKREXPIR: VERSION takes no operands."),
    ("BKRSTART", "X ( VERSION", "BKRSTART: it takes no operands, not X ( VERSION."),
    ("BKRSUBMT", "? SYSIN1", "BKRSUBMT: ? takes no operands."),
    ("BKRSUBMT", "HELP ( FOO", "BKRSUBMT: Unknown option: FOO"),
    ("BKREXPIR", "HELP PURGE", "BKREXPIR: HELP takes no operands."),
    ("BKRSTART", "? X", "BKRSTART: it takes no operands, not ? X."),
])
def test_version_or_help_with_operands_is_a_usage_error_that_sends_nothing(cms, exec_name, operands, says):
    """What it cannot take, then the `Use:` lines `?` shows (`_HELP_SAYS`), rc 24."""
    run = cms.run(example_exec("prodssi", "VMSYS1", exec_name), operands, member="VMSYS1",
                  logged_on=["BKRBKUP", "BKRCATLG"])
    assert (run.rc, run.commands) == (24, []), run
    assert unfolded(run.stdout, exec_name) == [says, *_HELP_SAYS[exec_name][1:]], run


@pytest.mark.parametrize("exec_name", sorted(_HELP_SAYS))
@pytest.mark.parametrize("operands", ["?", "HELP", "help", " ? ", "Help ( REVIEW"])
def test_a_question_mark_says_how_to_call_the_exec_on_any_system(cms, exec_name, operands):
    """`EXEC BKRSUBMT ?` ended with rc 28 (no job `?`), BKRSTART's with rc 24:
    `?` or HELP alone (an option too, BKRSUBMT's REVIEW) says what the EXEC
    does and how to call it, ( VERSION among its options, rc 0, having asked
    CP nothing, so on a system outside the cluster too. BKRSTART takes no
    option but VERSION: `HELP ( REVIEW` is refused there, rc 24."""
    run = cms.run(example_exec("prodssi", "VMSYS1", exec_name), operands, member="OUTSIDE")
    if exec_name != "BKRSUBMT" and "(" in operands:
        assert (run.rc, run.commands) == (24, []), run
        return
    assert (run.rc, run.commands) == (0, []), run
    assert unfolded(run.stdout, exec_name) == _HELP_SAYS[exec_name], run


@pytest.mark.parametrize("example", example_names())
def test_every_exec_answers_a_question_mark_with_its_options(cms, example):
    """Every EXEC of every example answers `?` (rc 0, no command) with its member
    and cluster and a `Use:` that names ( VERSION; HELP says the same."""
    model = example_model(example)
    for member in example_members(example):
        for exec_name in ("BKRSUBMT", "BKREXPIR", "BKRSTART"):
            if exec_name == "BKREXPIR" and member not in model.purging_members():
                continue
            text = example_exec(example, member, exec_name)
            run = cms.run(text, "?", member=member)
            assert (run.rc, run.commands) == (0, []), run
            said = unfolded(run.stdout, exec_name)
            assert f"of member {member}" in said[0] and f"cluster {model.name}" in said[0], said
            assert said[1].startswith(f"Use: {exec_name}") and "( VERSION" in run.stdout, said
            assert cms.run(text, "HELP", member=member).stdout == run.stdout


def test_a_job_named_help_is_sent_with_job_help(cms):
    """HELP is one of BKRSUBMT's keywords now: a job of that name is sent with
    `JOB HELP`, and the lines that name it to send say so."""
    text = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8").replace("APPSFULL", "HELP")
    analysis = analyse("prodssi.bkr", text.encode())
    assert analysis.ok
    submit = generate(analysis.model, "VMSYS1", "BKRSUBMT", "prodssi.bkr")
    sent = cms.run(submit, "JOB HELP", member="VMSYS1", logged_on=["BKRBKUP"])
    assert sent.rc == 0 and sent.commands == ["CP QUERY USERID", "CP SMSG BKRBKUP SUBMIT HELP"], sent
    failed = cms.run(submit, "ALL", member="VMSYS1", logged_on=["BKRBKUP"], fail={"SMSG": 45})
    assert "BKRSUBMT:   EXEC BKRSUBMT JOB HELP" in failed.stdout.splitlines(), failed


def test_an_exec_of_an_older_compile_says_so_where_it_names_jobs(cms):
    """The case of docs/deploy.md's guard: VMSYS2's BKRSUBMT of an older compile
    (SYSIN at 03:30), run by VMSYS3's scheduler after SYSIN moved to 03:45,
    names SYSIN3 as not sent, and names its compile; `( VERSION` with
    VMSYS3's EXEC of the new compile names another, and the command it gave
    sends what that EXEC has due then: nothing."""
    text = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    new = analyse("prodssi.bkr", text.replace("run on each member daily 03:30",
                                              "run on each member daily 03:45").encode())
    assert new.ok
    old_exec = example_exec("prodssi", "VMSYS2", "BKRSUBMT")
    new_exec = generate(new.model, "VMSYS3", "BKRSUBMT", "prodssi.bkr")
    old, current = _compile_of(old_exec), _compile_of(new_exec)
    assert old != current
    refused = cms.run(old_exec, "DUE 03:30 TUE 20261201", member="VMSYS3")
    said = unfolded(refused.stdout, "BKRSUBMT")
    assert refused.rc == 40 and "BKRSUBMT: due on VMSYS3 at 03:30 TUE 20261201, not sent: SYSIN3." in said, refused
    at = said.index("BKRSUBMT: due on VMSYS3 at 03:30 TUE 20261201, not sent: SYSIN3.")
    assert said[at + 1:at + 3] == [f"BKRSUBMT: named by this EXEC, of compile {old}; the EXEC on VMSYS3",
                                   "BKRSUBMT: may be of another: EXEC BKRSUBMT ( VERSION there says."], refused
    version = cms.run(new_exec, "( VERSION", member="VMSYS3")
    assert f"BKRSUBMT: compile {current} of cluster PRODSSI, for member VMSYS3." in version.stdout, version
    sent = cms.run(new_exec, "DUE 03:30 TUE 20261201", member="VMSYS3", logged_on=["BKRBKUP"])
    assert (sent.rc, sent.commands) == (0, ["CP QUERY USERID"]), sent


# ------------------------------------------------------------------ no REXX trace on the console
# REXX's default, TRACE N, traces "any command resulting in a negative return
# code after execution, together with the return code" (the REXX references'
# TRACE Normal): under CMS an EXEC that did not set TRACE showed
# `+++ RC(-3) +++` and the command's clause on the console, on top of its own
# `failed, rc -3.` line. Every EXEC now starts with `trace off`
# (docs/rexx.md, "No REXX trace on the console"). Regina writes its trace to
# stderr, and traces a positive rc too (`+++ RC=45 +++`): neither is left.
def test_without_trace_off_regina_shows_a_negative_rc_as_cms_does(cms):
    """What the test below would see without `trace off`: the trace is there."""
    text = "/* a test of the stand-in */\naddress command\n'CP SLEEP 1 SEC'\nexit rc\n"
    run = cms.run(text, member="DEV1", fail={"SLEEP": -3})
    assert "+++ RC=-3 +++" in run.stderr, run


@pytest.mark.parametrize("exec_name, operands, fail", [
    ("BKRSUBMT", "ALL", {"SMSG BKRBKUP SUBMIT APPSFULL": -3}),
    ("BKRSUBMT", "ALL", {"SMSG BKRBKUP SUBMIT APPSFULL": 45}),
    ("BKREXPIR", "PURGE", {"SMSG BKRCATLG EXPIRE": -3}),
    ("BKRSTART", "", {"QUERY FILEPOOL": -3}),
    ("BKRSTART", "", {"XAUTOLOG BKRSVSFS": -3}),
])
def test_a_failing_command_shows_no_rexx_trace(cms, exec_name, operands, fail):
    """A command that fails, -3 (CMS: no such command) as well as a positive
    rc, is told by the EXEC's own lines only: no `+++` trace line, nothing on
    stderr at all."""
    text = example_exec("prodssi", "VMSYS1", exec_name)
    run = cms.run(text, operands, member="VMSYS1", logged_on=["BKRBKUP", "BKRCATLG"], fail=fail)
    rc = next(iter(fail.values()))
    assert run.rc == exit_status(rc), run
    assert re.search(rf"failed, rc {rc}\.", run.stdout), run
    assert "+++" not in run.stderr and run.stderr == "", run


@pytest.mark.parametrize("rc", [-1, -15, -300])
def test_the_stand_in_refuses_a_negative_rc_it_cannot_hand_on(cms, rc):
    with pytest.raises(ValueError, match=f"-3 to -14 only, not {rc}"):
        cms.run("/* unused */\n", member="DEV1", fail={"SLEEP": rc})


# --- h13 (stop 68)
def test_the_pool_wait_keeps_the_query_answers_off_the_console(cms):
    """BKRSTART asks the file pool up to 37 times: each answer (CMS's message
    while the pool does not serve, the users connected once it does) stays off
    AUTOLOG1's console. Each query alone is bracketed by SET CMSTYPE HT and RT,
    so BKRSTART's own lines, said between the queries, are still shown."""
    text = example_exec("prodssi", "VMSYS1", "BKRSTART")
    run = cms.run(text, member="VMSYS1", logged_on=["BKRSVSFS"], pools={"BKRPOOL": ("BKRSVSFS", 2, 55)})
    assert run.rc == 0, run
    asked = [c for c in run.commands if c.startswith("CMS ")]
    assert asked == ["CMS SET CMSTYPE HT", "CMS QUERY FILEPOOL CONNECT BKRPOOL:", "CMS SET CMSTYPE RT"] * 3, run
    assert "DMSSTD999E" not in run.stdout and "Connected" not in run.stdout, run
    assert "BKRSTART: waiting up to 180 seconds for file pool BKRPOOL of BKRSVSFS" in run.stdout, run
    assert "BKRSTART: file pool BKRPOOL of BKRSVSFS serves, after 10 seconds." in run.stdout, run
    # The stand-in shows both answers where CMSTYPE is RT, as CMS does.
    bare = "/* a test of the stand-in */\naddress command\n'QUERY FILEPOOL CONNECT P:'\n'QUERY FILEPOOL CONNECT Q:'\n"
    shown = cms.run(bare, member="VMSYS1", pools={"Q": ("NOSUCH", "never", 55)})
    assert shown.stdout.splitlines() == [
        "Userid   Connected", "AUTOLOG1 Yes", "DMSSTD999E stand-in: file pool Q does not serve, rc 55"], shown


def test_the_stand_in_refuses_an_exec_that_leaves_cmstype_ht(cms):
    """Every run checks that CMSTYPE HT brackets one command and is undone:
    an EXEC that said anything under it would say it to no one."""
    text = "/* a test of the stand-in */\naddress command\n'SET CMSTYPE HT'\nsay 'hidden'\n"
    with pytest.raises(AssertionError, match="HT not undone at once"):
        cms.run(text, member="DEV1")
    text = "/* a test of the stand-in */\naddress command\n'SET CMSTYPE HT'\n'CP SLEEP 1 SEC'\n'CP SLEEP 1 SEC'\n'SET CMSTYPE RT'\n"
    with pytest.raises(AssertionError, match="HT not undone at once"):
        cms.run(text, member="DEV1")


# --- h11 (stop 69)
XAUTOLOG_ELSEWHERE = """/* a test of the stand-in */
address command
'CP XAUTOLOG TCTMM'
say 'TCTMM rc' rc
'CP QUERY USER TCTMM'
'CP XAUTOLOG BKRWRK01'
say 'BKRWRK01 rc' rc
'CP QUERY USER BKRWRK01'
exit 0
"""


def test_the_stand_in_refuses_xautolog_of_a_single_configuration_user_logged_on_elsewhere(cms):
    """A single-configuration user logged on at another member (`ssi`) is
    logged on in the cluster: CP refuses to log it on here too, as already
    logged on (HCPLGA054E, rc 54, as for a `later` user once it logged on
    there), and it stays where it runs. An IDENTITY machine's instance there
    does not stop this member's: XAUTOLOG starts it here."""
    run = cms.run(XAUTOLOG_ELSEWHERE, member="VMSYS1", elsewhere=["TCTMM", "BKRWRK01"],
                  identity=example_identity("prodssi"))
    assert run.stdout.splitlines() == [
        "HCPLGA054E TCTMM already logged on",
        "TCTMM rc 54",
        "TCTMM    - SSI",
        "Command accepted",
        "BKRWRK01 rc 0",
        "BKRWRK01 - DSC",
    ], run
    # CP's message number where a site's CP answers another one.
    other = cms.run(XAUTOLOG_ELSEWHERE, member="VMSYS1", elsewhere=["TCTMM"], numbers={"already": 62})
    assert other.stdout.splitlines()[:2] == ["HCPLGA062E TCTMM already logged on", "TCTMM rc 62"], other


# stop 70, h6: BKRSTART's summary names the machines it found at another member; ELSEWHERE by its flag
# A single-configuration machine found logged on at another member (`- SSI`) is
# not started here, rightly: its summary said so on success only. After a
# failure it was missing (the SFS server left where it runs, its pool serving)
# or listed as "not started" (the catalog node; the SFS server whose pool did
# not serve), which BKRSTART run again would not change. CP's answer
# (`id - SSI`) does not name the member, so neither does the summary.
START_FIX = [
    "BKRSTART: fix the cause shown above, then run EXEC BKRSTART again.",
    "BKRSTART: it starts only the machines that are not logged on.",
]


@pytest.mark.parametrize("example, member, situation, rc, tail", [
    ("prodssi", "VMSYS1", {"elsewhere": ["BKRSVSFS", "TCTMM"]}, 36, [
        "BKRSTART: for it, and load what bkrc writes.",
        "BKRSTART: found logged on at another member, left there: BKRSVSFS TCTMM.",
    ]),
    ("minimal", "DEV1", {"elsewhere": ["BKRSVSFS"], "fail": {"XAUTOLOG BKRWRK01": 53}}, 53, [
        "BKRSTART: load the entries bkrc wrote, then run BKRSTART again.",
        "Command accepted",
        "BKRSTART: started BKRWRK02 (XAUTOLOG accepted).",
        "BKRSTART: not started on member DEV1: BKRWRK01.",
        "BKRSTART: found logged on at another member, left there: BKRSVSFS.",
    ]),
    ("minimal", "DEV1", {"elsewhere": ["BKRSVSFS"], "pools": {"BKRPOOL": ("BKRSVSFS", "never", 55)}}, 44, [
        "BKRSTART:     ALL says where), or FORCE it off there; then run BKRSTART again.",
        "BKRSTART: the others need BKRSVSFS first: none of them was started.",
        "BKRSTART: nor asked: those already logged on, if any, run on as they are.",
        "BKRSTART: not started on member DEV1: BKRCATLG BKRBKUP BKRWRK01 BKRWRK02.",
        "BKRSTART: found logged on at another member, left there: BKRSVSFS.",
    ]),
    ("tapeapart", "SYSA", {"elsewhere": ["TCTMM"]}, 36, [
        "BKRSTART: for it, and load what bkrc writes.",
        "BKRSTART: found logged on at another member, left there: TCTMM.",
    ]),
    ("tapeapart", "SYSA", {"elsewhere": ["TCTMM"], "fail": {"XAUTOLOG BKRWRK01": 53}}, 53, [
        "BKRSTART: for it, and load what bkrc writes.",
        "BKRSTART: not started on member SYSA: BKRWRK01.",
        "BKRSTART: found logged on at another member, left there: TCTMM.",
    ]),
])
def test_bkrstart_s_summary_after_a_failure_names_what_it_found_at_another_member(
        cms, example, member, situation, rc, tail):
    run = cms.run(example_exec(example, member, "BKRSTART"), member=member,
                  identity=example_identity(example), **situation)
    assert run.rc == exit_status(rc), run
    assert run.stdout.splitlines()[-len(tail) - 2:] == tail + START_FIX, run
    # Named once, as found there: never also as not started.
    found = tail[-1].split(": ", 2)[-1].rstrip(".").split()
    for line in run.stdout.splitlines():
        if "not started on member" in line:
            assert not set(found) & set(line.split()), run


def test_bkrstart_s_summary_names_the_node_at_another_member_where_it_waits_without_a_pool(cms):
    """The main loop of a member that waits for its own SFS server, without a
    file pool to ask (a `local` catalog without `pool`), and starts the Tape
    Manager catalog node: the node found at another member is named so there."""
    text = cluster_path("tapeapart").read_text()
    shared = "catalog shared server BKRSVSFS pool BKRPOOL on SYSB"
    assert shared in text
    analysis = analyse("local.bkr", text.replace(shared, "catalog local server BKRSVSFS").encode())
    assert analysis.ok, [d.code for d in analysis.diagnostics if d.is_error]
    exec_text = generate(analysis.model, "SYSA", "BKRSTART", "local.bkr")
    assert "  else if xa.i then late = late m.i" in exec_text
    run = cms.run(exec_text, member="SYSA", logged_on=["BKRSVSFS"], elsewhere=["TCTMM"],
                  identity=identity_machines(analysis.model))
    assert run.rc == 36, run
    assert run.stdout.splitlines()[-3:] == [
        "BKRSTART: found logged on at another member, left there: TCTMM.", *START_FIX], run
    assert "not started" not in run.stdout, run


# ELSEWHERE's rc, 36, is a number CP may give too: the SFS server's XAUTOLOG or
# QUERY USER that failed with it was taken as the server found at another
# member, its pool asked "from here instead" and the others started, rc 0. The
# EXEC now knows a machine found there by ELSEWHERE's flag (el.i), not by rc.
@pytest.mark.parametrize("command, said", [
    ("XAUTOLOG BKRSVSFS", ["HCPSTD999E stand-in: CP XAUTOLOG BKRSVSFS fails with rc 36",
                           "BKRSTART: CP XAUTOLOG BKRSVSFS failed, rc 36."]),
    ("QUERY USER BKRSVSFS", ["HCPSTD999E stand-in: CP QUERY USER BKRSVSFS fails with rc 36",
                             "BKRSTART: CP QUERY USER BKRSVSFS failed, rc 36."]),
])
def test_a_cp_rc_36_for_the_sfs_server_is_a_failure_not_a_server_at_another_member(cms, command, said):
    run = cms.run(example_exec("minimal", "DEV1", "BKRSTART"), member="DEV1", fail={command: 36})
    assert run.rc == 36, run
    assert run.commands == ["CP QUERY USERID", "CP QUERY USER BKRSVSFS",
                            *(["CP XAUTOLOG BKRSVSFS"] if command.startswith("XAUTOLOG") else [])], run
    assert run.stdout.splitlines() == [
        *said,
        "BKRSTART: the others need BKRSVSFS first: none of them was started.",
        "BKRSTART: nor asked: those already logged on, if any, run on as they are.",
        "BKRSTART: not started on member DEV1: BKRSVSFS BKRCATLG BKRBKUP BKRWRK01",
        "BKRSTART:     BKRWRK02.",
        # An XAUTOLOG refused other than with 53 or 54 may be CP's refusal for
        # authority, whose rc is not confirmed: the EXEC says what the caller needs.
        *([
            "BKRSTART: if CP refused XAUTOLOG above for authority: AUTOLOG1 needs privilege",
            "BKRSTART:     class A or B, or an XAUTOLOG AUTOLOG1 statement in the directory",
            "BKRSTART:     entry of: BKRSVSFS. bkrc writes their entries without one: add",
            "BKRSTART:     it to their statements in a site dialect table (docs/deploy.md,",
            "BKRSTART:     BKRSTART EXEC).",
        ] if command.startswith("XAUTOLOG") else []),
        *START_FIX,
    ], run


# The sentence split over two console lines read `... once it is logged on, run`
# then `BKRSTART: BKRSTART again.`: the command to run now starts its line. The
# lines are docs/rexx.md's (BKRSTART, "Logged on"), checked here as said.
def test_bkrstart_s_logon_wait_gives_up_with_the_lines_rexx_md_shows(cms):
    run = cms.run(example_exec("minimal", "DEV1", "BKRSTART"), member="DEV1", slow={"BKRSVSFS": 1000})
    assert run.rc == 44, run
    said = run.stdout.splitlines()
    at = said.index("BKRSTART: BKRSVSFS is not logged on 60 seconds after XAUTOLOG.")
    page = (ROOT / "docs" / "rexx.md").read_text()
    block = page.split("     BKRSTART: waiting up to 60 seconds for BKRSVSFS to log on.\n", 1)[1]
    block = [line.strip() for line in block.split("     ```", 1)[0].splitlines()]
    # The page shows the two closing lines too (h9, stop 70).
    assert said[at:] == block and block[-2:] == START_FIX, run
    assert said[at + 1:at + 3] == [
        "BKRSTART: ask CP QUERY USER BKRSVSFS; once it is logged on,",
        "BKRSTART: run BKRSTART again. If it needs longer after each IPL,",
    ], run


def test_rexx_md_s_summary_with_the_catalog_node_at_another_member_is_what_bkrstart_says(cms):
    """docs/rexx.md's example of the summary after a failure (a worker not in
    the directory, the Tape Manager catalog node at another member), as said."""
    page = (ROOT / "docs" / "rexx.md").read_text()
    block = page.split("member and a worker not in the directory, say:\n\n```\n", 1)[1].split("```", 1)[0]
    run = cms.run(example_exec("prodssi", "VMSYS1", "BKRSTART"), member="VMSYS1", logged_on=["BKRSVSFS"],
                  elsewhere=["TCTMM"], fail={"XAUTOLOG BKRWRK01": 53}, identity=example_identity("prodssi"))
    assert run.rc == 53, run
    assert run.stdout.splitlines()[-4:] == block.splitlines(), run


# stop 70, h9: docs/rexx.md's BKRSTART examples end as the EXEC's output ends
def _bkrstart_block(key: str) -> list[str]:
    """The lines of the example of docs/rexx.md's "BKRSTART EXEC" section that holds KEY."""
    page = (ROOT / "docs" / "rexx.md").read_text(encoding="utf-8")
    section = page.split("## BKRSTART EXEC", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^ *```\n((?: *BKRSTART:[^\n]*\n)+) *```$", section, re.MULTILINE)
    (block,) = [b for b in blocks if key in b]
    return [line.strip() for line in block.splitlines()]


@pytest.mark.parametrize(("key", "example", "member", "state"), [
    ("is not logged on 60 seconds", "minimal", "DEV1", {"slow": {"BKRSVSFS": 40}}),
    ("see its console (FILESERV START)", "minimal", "DEV1", {"pools": {"BKRPOOL": ("BKRSVSFS", "never", 55)}}),
    ("The Tape Manager node does not need it", "prodssi", "VMSYS1",
     {"pools": {"BKRPOOL": ("BKRSVSFS", "never", 55)}}),
])
def test_rexx_md_s_bkrstart_failures_show_the_output_s_last_lines(cms, key, example, member, state):
    """docs/rexx.md, "BKRSTART EXEC": each example of a start-up that gave up is
    what BKRSTART says last, its closing lines included (the page's blocks once
    stopped at "not started on member ...", and a sysprog comparing the console
    found two lines more: how to finish, and that a second run is safe)."""
    run = cms.run(example_exec(example, member, "BKRSTART"), member=member, **state)
    said = [line for line in run.stdout.splitlines() if line.startswith("BKRSTART:")]
    block = _bkrstart_block(key)
    assert run.rc == 44, run
    assert said[-len(block):] == block, run


# stop 80, h2: the SFS server at a member CP names, its pool not serving from
# here: docs/rexx.md's example is what BKRSTART says, the member named in the
# console to look at and the FORCE to type (it said "where BKRSVSFS runs").
def test_h2_81_rexx_md_s_pool_advice_names_the_member_the_server_runs_at(cms):
    run = cms.run(example_exec("minimal", "DEV1", "BKRSTART"), member="DEV1", elsewhere=["BKRSVSFS"],
                  at={"BKRSVSFS": "DEV2"}, pools={"BKRPOOL": ("BKRSVSFS", "never", 55)},
                  identity=example_identity("minimal"))
    said = [line for line in run.stdout.splitlines() if line.startswith("BKRSTART:")]
    block = _bkrstart_block("CP AT DEV2 CMD FORCE BKRSVSFS")
    assert run.rc == 44, run
    first = said.index(block[0])
    assert said[first:first + len(block)] == block, run


# stop 80, h1: a CP SLEEP that fails in BKRSTART's wait is said as what it is,
# and BKRSTART stops (the Tape Manager node is not started after it either);
# it once read as the SFS server "started, yet not logged on here".
def test_rexx_md_s_failed_sleep_example_is_what_bkrstart_says(cms):
    run = cms.run(example_exec("prodssi", "VMSYS1", "BKRSTART"), member="VMSYS1",
                  fail={"SLEEP 2 SEC": 5}, identity=example_identity("prodssi"))
    said = [line for line in run.stdout.splitlines() if line.startswith("BKRSTART:")]
    block = _bkrstart_block("CP SLEEP 2 SEC failed, rc 5.")
    assert run.rc == 5, run
    assert said[-len(block):] == block, run
    assert "yet not logged on" not in run.stdout, run
    assert run.commands[-1] == "CP SLEEP 2 SEC", run


# stop 80, h1: rc 36 names the member where the catalog node runs, from CP's
# answer to QUERY USER TCTMM AT ALL, and the command that forces it off there.
def test_rexx_md_s_catalog_node_at_a_named_member_is_what_bkrstart_says(cms):
    run = cms.run(example_exec("prodssi", "VMSYS1", "BKRSTART"), member="VMSYS1", logged_on=["BKRSVSFS"],
                  elsewhere=["TCTMM"], at={"TCTMM": "VMSYS2"}, identity=example_identity("prodssi"))
    said = run.stdout.splitlines()
    block = _bkrstart_block("CP AT VMSYS2 CMD FORCE TCTMM")
    assert run.rc == 36, run
    at = said.index(block[0])
    assert said[at:at + len(block)] == block, run
    assert "CP QUERY USER TCTMM AT ALL" in run.commands, run


# stop 80, h1: an XAUTOLOG CP refuses for a cause BKRSTART cannot read from its
# rc (authority: its number was not found) gets the remedy once, naming the user
# that runs BKRSTART; CP's "not in directory" (53), which has its own, and CMS's
# -3 do not.
def test_an_xautolog_refused_names_what_the_caller_needs_for_authority(cms):
    text = example_exec("minimal", "DEV2", "BKRSTART")
    run = cms.run(text, member="DEV2", userid="OPERATOR", fail={"XAUTOLOG BKRBKUP": 7})
    assert run.rc == 7, run
    said = " ".join(unfolded(run.stdout, "BKRSTART"))
    assert ("BKRSTART: if CP refused XAUTOLOG above for authority: OPERATOR needs privilege class A or B,"
            " or an XAUTOLOG OPERATOR statement in the directory entry of: BKRBKUP.") in said, run
    for fail in ({"XAUTOLOG BKRBKUP": 53}, {"XAUTOLOG BKRBKUP": -3}):
        run = cms.run(text, member="DEV2", fail=fail)
        assert "for authority" not in run.stdout, run


def test_rexx_md_s_xautolog_authority_example_is_what_bkrstart_says(cms):
    run = cms.run(example_exec("minimal", "DEV2", "BKRSTART"), member="DEV2",
                  fail={"XAUTOLOG BKRBKUP": 50, "XAUTOLOG BKRWRK02": 50})
    block = _bkrstart_block("if CP refused XAUTOLOG above for authority")
    assert run.rc == 50, run
    assert run.stdout.splitlines()[-len(block):] == block, run


def test_rexx_md_s_try_by_hand_copies_every_stand_in_program():
    """docs/rexx.md, "To try an EXEC by hand": the recipe copies each program of
    tests/cms/bin (CP, QUERY and SET) and makes it executable. It once left SET
    out, and BKRSTART run so showed its file pool query's answer, which its
    `SET CMSTYPE HT` keeps off AUTOLOG1's console."""
    page = (ROOT / "docs" / "rexx.md").read_text(encoding="utf-8")
    commands = re.search(r"```sh\n(.*?)```", page.split("To try an EXEC by hand", 1)[1], re.DOTALL).group(1)
    programs = sorted(p.name for p in (ROOT / "tests" / "cms" / "bin").iterdir() if p.is_file())
    assert programs == ["CP", "QUERY", "SET"]
    copy = next(line for line in commands.splitlines() if line.startswith("cp tests/cms/bin/"))
    assert [f"tests/cms/bin/{name}" in copy.split(" && ")[0].split() for name in programs] == [True] * 3, copy
    assert [f"/tmp/cms/{name}" in copy.split(" && ")[1].split() for name in programs] == [True] * 3, copy


# stop 70, h13: BKRSTART checks SET CMSTYPE RT's rc (HT's is left unchecked, on purpose)
# RT refused may leave CMSTYPE at HT, which hides every line said next: the
# wait for the file pool used to go on as if RT had worked (more queries under
# HT, the others started, rc 0), so a caller saw rc 0 and a silent console.
# Now the wait ends at once with RT's rc, said in two lines (shown if CMS
# shows them), and the others are not started. HT refused only shows the
# query's answer and CMS's own message for SET: BKRSTART goes on.
@pytest.mark.parametrize("example, member", [("minimal", "DEV1"), ("prodssi", "VMSYS1")])
@pytest.mark.parametrize("refused", [24, -3])
def test_bkrstart_ends_its_pool_wait_when_set_cmstype_rt_is_refused(cms, example, member, refused):
    run = cms.run(example_exec(example, member, "BKRSTART"), member=member,
                  identity=example_identity(example), fail={"SET CMSTYPE RT": refused},
                  pools={"BKRPOOL": ("BKRSVSFS", 2, 55)})
    assert run.rc == exit_status(refused), run
    # The first RT refused is the last CMS command: no query under HT again,
    # and no machine that needs the pool is started (prodssi's Tape Manager
    # node does not need it, and is).
    assert run.commands.count("CMS SET CMSTYPE HT") == 1, run
    after = run.commands[run.commands.index("CMS SET CMSTYPE RT") + 1:]
    assert [c for c in after if not c.endswith(" TCTMM")] == [], run
    said = run.stdout.splitlines()
    at = said.index(f"BKRSTART: SET CMSTYPE RT failed, rc {refused}.")
    assert said[at + 1] == "BKRSTART: CMSTYPE may still be HT, which hides these lines.", run
    assert said[-2:] == START_FIX, run
    # The stand-in's SET shows its own message under RT only: here HT was set.
    assert not any("DMSSTD999E" in line for line in said), run


@pytest.mark.parametrize("example, member", [("minimal", "DEV1"), ("prodssi", "VMSYS1")])
def test_bkrstart_goes_on_when_set_cmstype_ht_is_refused(cms, example, member):
    run = cms.run(example_exec(example, member, "BKRSTART"), member=member,
                  identity=example_identity(example), fail={"SET CMSTYPE HT": 24})
    assert run.rc == 0, run
    said = run.stdout.splitlines()
    # CMS's message for SET and the query's answer show; RT is still issued.
    assert "DMSSTD999E stand-in: SET CMSTYPE HT fails with rc 24" in said, run
    assert "AUTOLOG1 Yes" in said, run
    assert run.commands.count("CMS SET CMSTYPE RT") == run.commands.count("CMS SET CMSTYPE HT") == 1, run
    assert said[-1].startswith("BKRSTART: done:"), run


def test_rexx_md_s_unanswered_pool_query_quotes_the_lines_bkrstart_says_before_it(cms):
    """docs/rexx.md, "A file pool query that does not return": the operator
    finds a hung query by the last line said before it; each line the section
    quotes is one minimal DEV1's BKRSTART says right before a file pool query."""
    page = (ROOT / "docs" / "rexx.md").read_text(encoding="utf-8")
    section = page.split("### A file pool query that does not return", 1)[1].split("\n#", 1)[0]
    quoted = [" ".join(q.split()) for q in re.findall(r"`(BKRSTART: [^`]*)`", section, re.DOTALL)]
    assert len(quoted) == 3, quoted
    def said(**state):
        run = cms.run(example_exec("minimal", "DEV1", "BKRSTART"), member="DEV1", **state)
        return [line for line in run.stdout.splitlines() if line.startswith("BKRSTART:")]
    # Already logged on: its line, then the first query (it serves at once).
    up = said(logged_on=["BKRSVSFS"])
    # Started: the logon line, then the first query; the waiting line, then the second.
    started = said(pools={"BKRPOOL": ("BKRSVSFS", 2, 55)})
    assert "serves, after" in started[4], started
    assert quoted == [started[2], up[0], started[3]], (quoted, up, started)


# stop 72, h9: what BKRSUBMT DUE does at the edges of its minute (docs/rexx.md,
# "What DUE does at the edges"). Since stop 73 (h1) DUE read off the clock keeps a
# record of the last minute it handled: the twice, missed and summer-time cases run
# on one A-disk kept across the calls (`_due_kept`, below) and show what it does now.
def _due_at(cms, fake_clock, instant: str, usec: int = 0, tz: str = "UTC", operands: str = "DUE"):
    """minimal's DEV1 BKRSUBMT run with the clock at `instant`, read in `tz`
    (an instant in UTC: CP's clock, when it keeps local time, is `tz`'s)."""
    import calendar
    import time

    epoch = calendar.timegm(time.strptime(instant, "%Y-%m-%dT%H:%M:%S"))
    run = cms.run(example_exec("minimal", "DEV1", "BKRSUBMT"), operands, member="DEV1", logged_on=["BKRBKUP"],
                  env={"LD_PRELOAD": str(fake_clock), "BKR_FAKE_EPOCH": str(epoch),
                       "BKR_FAKE_USEC": str(usec), "TZ": tz})
    assert run.rc == 0, run
    return run


def test_due_twice_in_one_minute_sends_the_minute_s_job_once(cms, fake_clock, tmp_path):
    """A scheduler's retry within the minute (01:00:00, then 01:00:59.9): the first
    call sends GUESTFUL (daily 01:00); the record keeps the second from it (rc 0)."""
    first = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:00:00")
    retry = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:00:59", 900000)
    assert (first.rc, first.commands) == (0, ["CP QUERY USERID", "CP SMSG BKRBKUP SUBMIT GUESTFUL"]), first
    assert (retry.rc, retry.commands) == (0, ["CP QUERY USERID"]), retry
    assert retry.stdout.splitlines() == ["BKRSUBMT: already handled 01:00 on TUE 20261201: nothing sent."], retry
    assert _record(tmp_path) == "20261201 01:00\n"


@pytest.mark.parametrize(("instant", "minutes"), [("2026-12-01T01:01:00", 1), ("2026-12-01T01:10:00", 10)])
def test_a_missed_minute_is_named_with_its_command(cms, fake_clock, tmp_path, instant, minutes):
    """Nothing called DUE at 01:00 (the scheduler down, an IPL): the next call, at
    01:01 or ten minutes on, names GUESTFUL and the command that sends it, sends
    nothing late, and ends with rc 4; the record moves on to its own minute."""
    _due_kept(cms, fake_clock, tmp_path, "2026-12-01T00:59:00")
    run = _due_kept(cms, fake_clock, tmp_path, instant)
    assert (run.rc, run.commands) == (4, ["CP QUERY USERID"]), run
    assert run.stdout.splitlines() == [
        f"BKRSUBMT: no DUE by AUTOLOG1 in the {minutes} minutes after 00:59 on TUE 20261201.",
        "BKRSUBMT: due then, not sent: send each once with the command after it:",
        "BKRSUBMT:   01:00 TUE 20261201 full: EXEC BKRSUBMT JOB GUESTFUL",
        f"BKRSUBMT: nothing due at {instant[11:16]} on TUE 20261201."], run
    assert _record(tmp_path) == f"20261201 {instant[11:16]}\n"


def test_a_late_caller_that_names_its_minute_sends_that_minute_s_jobs(cms, fake_clock):
    """The one way to run a missed minute late: name it (at 01:10, DUE 01:00)."""
    run = _due_at(cms, fake_clock, "2026-12-01T01:10:00", operands="DUE 01:00")
    assert run.commands == ["CP QUERY USERID", "CP SMSG BKRBKUP SUBMIT GUESTFUL"], run


def test_a_clock_that_springs_forward_names_the_job_of_the_hour_it_leaves_out(cms, fake_clock, tmp_path):
    """CP's clock on local time, spring forward in New York, 2026-03-08: 01:59 EST,
    then 03:00 EDT; no 02:00. SYSFU1 (daily 02:00) is due at no minute that day: the
    call at 03:00 names it, with the command that sends it (rc 4)."""
    before = _due_kept(cms, fake_clock, tmp_path, "2026-03-08T06:59:00", tz="America/New_York")
    assert before.stdout.splitlines() == [*started("DEV1 BKRSUBMT A"),
                                          "BKRSUBMT: nothing due at 01:59 on SUN 20260308."], before
    run = _due_kept(cms, fake_clock, tmp_path, "2026-03-08T07:00:00", tz="America/New_York")
    assert (run.rc, run.commands) == (4, ["CP QUERY USERID"]), run
    assert run.stdout.splitlines() == [
        "BKRSUBMT: no DUE by AUTOLOG1 in the 60 minutes after 01:59 on SUN 20260308.",
        "BKRSUBMT: due then, not sent: send each once with the command after it:",
        "BKRSUBMT:   02:00 SUN 20260308 full: EXEC BKRSUBMT JOB SYSFU1",
        "BKRSUBMT: nothing due at 03:00 on SUN 20260308."], run


def test_a_clock_that_falls_back_sends_the_job_of_the_repeated_hour_once(cms, fake_clock, tmp_path):
    """New York, 2026-11-01: 01:00 EDT (05:00 UTC) and 01:00 EST (06:00 UTC) are both
    01:00 on CP's local clock. Called at each, and at the last minute of each 01
    hour: GUESTFUL (daily 01:00) is sent at the first 01:00 only; the repeated hour
    is already handled (rc 0, the record ahead of the clock by up to an hour);
    SYSFU1 (02:00, after the change) once."""
    runs = [_due_kept(cms, fake_clock, tmp_path, instant, tz="America/New_York")
            for instant in ("2026-11-01T05:00:00", "2026-11-01T05:59:00", "2026-11-01T06:00:00",
                            "2026-11-01T06:59:00", "2026-11-01T07:00:00")]
    assert [(run.rc, run.commands[1:]) for run in runs] == [
        (0, ["CP SMSG BKRBKUP SUBMIT GUESTFUL"]), (0, []), (0, []), (0, []),
        (0, ["CP SMSG BKRBKUP SUBMIT SYSFU1"])], runs
    assert runs[2].stdout.splitlines() == [
        "BKRSUBMT: already handled 01:00 on SUN 20261101: nothing sent.",
        "BKRSUBMT: the last minute handled is 01:59 on SUN 20261101, ahead of the clock."], runs[2]
    assert _record(tmp_path) == "20261101 02:00\n"


def test_expiry_due_twice_in_one_minute_sends_the_preview_once(cms, fake_clock, tmp_path):
    """BKREXPIR DUE keeps its own record (`DEV1 BKREXPIR A`): a retry in the minute
    sends EXPIRE once (minimal's preview daily 05:00)."""
    runs = [_due_kept(cms, fake_clock, tmp_path, "2026-12-01T05:00:59", usec, exec_name="BKREXPIR")
            for usec in (0, 999999)]
    assert [(run.rc, run.commands) for run in runs] == [
        (0, ["CP QUERY USERID", "CP SMSG BKRCATLG EXPIRE (PREVIEW"]), (0, ["CP QUERY USERID"])], runs
    assert runs[1].stdout.splitlines() == ["BKREXPIR: already handled 05:00 on TUE 20261201: nothing sent."]
    assert _record(tmp_path, "BKREXPIR") == "20261201 05:00\n"
    assert _record(tmp_path) is None


@pytest.mark.parametrize(("operands", "sent"), [
    ("DUE 01:00 THU 20260430", False),  # the last day of a month of 30 days
    ("DUE 01:00 FRI 20260501", False),  # the day after: not run late either
    ("DUE 01:00 SAT 20250301", False),  # nor after a February of 28 days
    ("DUE 01:00 FRI 20260731", True),
])
def test_monthly_31_is_not_due_in_a_shorter_month_at_all(cms, operands, sent):
    """`monthly 31` (BKR404 warns at check) is skipped in a month of 30 days or fewer:
    DUE sends it neither on the month's last day nor on the 1st after it."""
    from cms.generate import generate

    text = (ROOT / "examples" / "minimal.bkr").read_text(encoding="utf-8").replace("daily 01:00", "monthly 31 01:00")
    analysis = analyse("m31.bkr", text.encode())
    assert analysis.ok and "BKR404" in {d.code for d in analysis.diagnostics}, analysis.diagnostics
    run = cms.run(generate(analysis.model, "DEV1", "BKRSUBMT"), operands, member="DEV1", logged_on=["BKRBKUP"])
    assert run.rc == 0, run
    assert run.commands == ["CP QUERY USERID", *(["CP SMSG BKRBKUP SUBMIT GUESTFUL"] if sent else [])], run


@pytest.mark.parametrize(("instant", "usec", "said"), [
    ("2026-11-30T23:59:59", 700000, "23:59 on MON 20261130"),  # a month's last instant
    ("2026-12-01T00:00:00", 0, "00:00 on TUE 20261201"),
    ("2026-12-31T23:59:59", 999999, "23:59 on THU 20261231"),  # the year's
    ("2027-01-01T00:00:00", 300000, "00:00 on FRI 20270101"),
])
def test_due_at_midnight_reads_one_day_s_minute(cms, fake_clock, instant, usec, said):
    """The time, the weekday and the date of one instant: never 00:00 of the old
    day, nor 23:59 of the new."""
    run = _due_at(cms, fake_clock, instant, usec)
    assert run.stdout.splitlines() == [*started("DEV1 BKRSUBMT A"), f"BKRSUBMT: nothing due at {said}."], run


# stop 73, h1: exactly-once DUE. A DUE read off the clock keeps the last minute it
# handled in the CMS file `DEV1 BKRSUBMT A` (`DEV1 BKREXPIR A`) on the caller's
# A-disk, kept here across runs by the stand-in's `disk`; docs/rexx.md, "What DUE
# does at the edges". minimal.bkr: GUESTFUL daily 01:00, SYSFU1 daily 02:00, and
# DEV1's expiry preview daily 05:00.
def _due_kept(cms, fake_clock, disk, instant: str, usec: int = 0, tz: str = "UTC", operands: str = "DUE",
              exec_name: str = "BKRSUBMT", **more):
    """minimal's DEV1 EXEC at `instant` (UTC, read in `tz`) on the A-disk `disk`."""
    import calendar
    import time

    epoch = calendar.timegm(time.strptime(instant, "%Y-%m-%dT%H:%M:%S"))
    return cms.run(example_exec("minimal", "DEV1", exec_name), operands, member="DEV1",
                   logged_on=["BKRBKUP", "BKRCATLG"], file_name=f"{exec_name}.EXEC", disk=disk,
                   env={"LD_PRELOAD": str(fake_clock), "BKR_FAKE_EPOCH": str(epoch),
                        "BKR_FAKE_USEC": str(usec), "TZ": tz}, **more)


def _record(disk, exec_name: str = "BKRSUBMT") -> str | None:
    path = disk / f"DEV1 {exec_name} A"
    return path.read_text() if path.exists() else None


def test_due_first_run_starts_the_record_and_sends(cms, fake_clock, tmp_path):
    run = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:00:00")
    assert (run.rc, run.commands) == (0, ["CP QUERY USERID", "CP SMSG BKRBKUP SUBMIT GUESTFUL"]), run
    assert run.stdout.splitlines() == [*started("DEV1 BKRSUBMT A"), "BKRSUBMT: sent CP SMSG BKRBKUP SUBMIT GUESTFUL"], run
    assert _record(tmp_path) == "20261201 01:00\n"


def test_due_minute_after_minute_says_nothing_of_a_gap(cms, fake_clock, tmp_path):
    _due_kept(cms, fake_clock, tmp_path, "2026-12-01T00:59:00")
    run = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:00:00")
    assert (run.rc, run.stdout.splitlines()) == (0, ["BKRSUBMT: sent CP SMSG BKRBKUP SUBMIT GUESTFUL"]), run


def test_due_names_a_gap_across_midnight_in_time_order(cms, fake_clock, tmp_path):
    _due_kept(cms, fake_clock, tmp_path, "2026-11-30T23:00:00")
    run = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T02:00:00")
    assert (run.rc, run.commands) == (4, ["CP QUERY USERID", "CP SMSG BKRBKUP SUBMIT SYSFU1"]), run
    assert run.stdout.splitlines()[2:] == [
        "BKRSUBMT:   01:00 TUE 20261201 full: EXEC BKRSUBMT JOB GUESTFUL",
        "BKRSUBMT: sent CP SMSG BKRBKUP SUBMIT SYSFU1"], run


def test_due_over_a_week_missed_names_the_gap_only(cms, fake_clock, tmp_path):
    """A record from last month: no list (nor a loop over its minutes), rc 4."""
    _due_kept(cms, fake_clock, tmp_path, "2026-11-01T00:00:00")
    run = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T00:30:00")
    assert (run.rc, run.commands) == (4, ["CP QUERY USERID"]), run
    assert run.stdout.splitlines() == [
        "BKRSUBMT: no DUE by AUTOLOG1 for more than a week, after 00:00 on SUN",
        "BKRSUBMT:     20261101. What was due then is not listed.",
        "BKRSUBMT: EXEC BKRSUBMT lists the jobs of this member: send each that should",
        "BKRSUBMT:     still run, once: EXEC BKRSUBMT JOB name",
        "BKRSUBMT: nothing due at 00:30 on TUE 20261201."], run


@pytest.mark.parametrize(("exec_name", "noun", "byname", "entry", "sent"), [
    ("BKRSUBMT", "jobs", " JOB", "GUESTFUL", "CP SMSG BKRBKUP SUBMIT GUESTFUL"),
    ("BKREXPIR", "expiry actions", "", "PREVIEW", "CP SMSG BKRCATLG EXPIRE (PREVIEW"),
])
def test_due_over_a_week_missed_says_where_the_entries_are_and_how_to_send_one(cms, fake_clock, tmp_path, exec_name,
                                                                              noun, byname, entry, sent):
    """Stop 78, h3: over a week missed, nothing is listed to send; the EXEC said
    only `What was due then is not listed.`, and the operator, told by deploy.md
    to send what is listed, had nothing. It now says which command lists the
    entries and which sends one; both, as said, work."""
    _due_kept(cms, fake_clock, tmp_path, "2026-11-01T00:00:00", exec_name=exec_name)
    run = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T00:30:00", exec_name=exec_name)
    assert run.rc == 4, run
    said = unfolded(run.stdout, exec_name)
    line = (f"{exec_name}: EXEC {exec_name} lists the {noun} of this member: send each that should still run,"
            f" once: EXEC {exec_name}{byname} name")
    assert line in said, run
    listed = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T00:31:00", operands="", exec_name=exec_name)
    assert listed.rc == 0 and entry in listed.stdout, listed
    one = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T00:31:00", operands=f"{byname.strip()} {entry}".strip(),
                    exec_name=exec_name)
    assert (one.rc, one.commands) == (0, ["CP QUERY USERID", sent]), one


def test_due_a_gap_with_nothing_due_in_it_is_not_named(cms, fake_clock, tmp_path):
    """A caller that calls at the jobs' times only (01:00, then 02:00): rc 0, no gap said."""
    _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:00:00")
    run = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T02:00:00")
    assert (run.rc, run.stdout.splitlines()) == (0, ["BKRSUBMT: sent CP SMSG BKRBKUP SUBMIT SYSFU1"]), run


def test_due_a_week_missed_names_each_day_s_jobs(cms, fake_clock, tmp_path):
    _due_kept(cms, fake_clock, tmp_path, "2026-11-24T01:30:00")
    run = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:29:00")
    assert run.rc == 4, run
    named = [line for line in run.stdout.splitlines() if "EXEC BKRSUBMT JOB" in line]
    assert len(named) == 14 and named[0] == "BKRSUBMT:   02:00 TUE 20261124 full: EXEC BKRSUBMT JOB SYSFU1", run
    assert named[-1] == "BKRSUBMT:   01:00 TUE 20261201 full: EXEC BKRSUBMT JOB GUESTFUL", run


def test_due_named_minute_sends_and_keeps_the_record(cms, fake_clock, tmp_path):
    _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:05:00")
    late = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:10:00", operands="DUE 01:00")
    assert (late.rc, late.commands) == (0, ["CP QUERY USERID", "CP SMSG BKRBKUP SUBMIT GUESTFUL"]), late
    assert _record(tmp_path) == "20261201 01:05\n"


def test_due_record_far_ahead_of_the_clock_sends_nothing(cms, fake_clock, tmp_path):
    """The clock set back a day: the record is ahead by more than the hour summer time
    repeats. Nothing is sent again, rc 32 says so, the record stays."""
    (tmp_path / "DEV1 BKRSUBMT A").write_text("20261202 01:00\n")
    run = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:00:00")
    assert (run.rc, run.commands) == (32, ["CP QUERY USERID"]), run
    assert run.stdout.splitlines() == [
        "BKRSUBMT: the last minute handled, 01:00 on WED 20261202, is more than an hour",
        "BKRSUBMT:     ahead of the clock. Nothing sent.",
        "BKRSUBMT: if the clock is wrong, set it right: until it passes 01:00 on WED",
        "BKRSUBMT:     20261202, each DUE sends nothing (rc 32) and names what is due.",
        "BKRSUBMT: if the clock is right, ERASE DEV1 BKRSUBMT A and call DUE again.",
        "BKRSUBMT: due at 01:00 on TUE 20261201, not sent: GUESTFUL.",
        "BKRSUBMT: if the next DUE neither sends nor names them (rc 4), send each with:",
        "BKRSUBMT:   EXEC BKRSUBMT JOB GUESTFUL"], run
    assert _record(tmp_path) == "20261202 01:00\n"


@pytest.mark.parametrize("kept", ["20261301 01:00", "2026-12-01 01:00", "20261201 1:00", "20261201 01:00 X"])
def test_due_record_that_is_no_minute_sends_nothing(cms, fake_clock, tmp_path, kept):
    (tmp_path / "DEV1 BKRSUBMT A").write_text(kept + "\n")
    run = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:00:00")
    assert (run.rc, run.commands) == (32, ["CP QUERY USERID"]), run
    assert "ERASE DEV1 BKRSUBMT A" in run.stdout, run


@pytest.mark.parametrize("exec_name", ["BKRSUBMT", "BKREXPIR"])
def test_due_record_that_cannot_be_written_sends_nothing(cms, fake_clock, tmp_path, exec_name):
    run = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T05:00:00", exec_name=exec_name,
                    unwritable=[f"DEV1 {exec_name} A"])
    assert (run.rc, run.commands) == (32, ["CP QUERY USERID"]), run
    assert f"cannot write 20261201 05:00 to DEV1 {exec_name} A" in run.stdout, run


def test_expiry_due_names_a_missed_preview(cms, fake_clock, tmp_path):
    _due_kept(cms, fake_clock, tmp_path, "2026-12-01T05:00:00", exec_name="BKREXPIR")
    late = _due_kept(cms, fake_clock, tmp_path, "2026-12-02T05:03:00", exec_name="BKREXPIR")
    assert late.rc == 4, late
    assert "BKREXPIR:   05:00 WED 20261202 PREVIEW: EXEC BKREXPIR PREVIEW" in late.stdout.splitlines(), late


# stop 78, h2: the compile's warnings for a purge moved and a member added say to
# erase a record an earlier EXEC left on the member; this is why.
@pytest.mark.parametrize("exec_name", ["BKREXPIR", "BKRSUBMT"])
def test_a_record_left_by_an_earlier_exec_names_what_another_member_sent(cms, fake_clock, tmp_path, exec_name):
    """DEV1 purged until the purge moved to DEV2 (or DEV1 was dropped from the
    file), and back three days later (a roll-back): its new EXEC reads the record
    the old one left, `DEV1 BKREXPIR A`, and names every preview and purge DEV2
    sent meanwhile as missed, each with the command that sends it again (rc 4).
    Erased first, the record starts anew and nothing is named."""
    first = _due_kept(cms, fake_clock, tmp_path, "2026-11-29T06:00:00", exec_name=exec_name)
    assert first.rc == 0 and _record(tmp_path, exec_name) == "20261129 06:00\n", first
    back = _due_kept(cms, fake_clock, tmp_path, "2026-12-02T10:00:00", exec_name=exec_name)
    assert back.rc == 4 and back.commands == ["CP QUERY USERID"], back
    missed = ("BKREXPIR:   05:00 TUE 20261201 PREVIEW: EXEC BKREXPIR PREVIEW" if exec_name == "BKREXPIR"
              else "BKRSUBMT:   01:00 TUE 20261201 full: EXEC BKRSUBMT JOB GUESTFUL")
    assert missed in back.stdout.splitlines(), back
    (tmp_path / f"DEV1 {exec_name} A").unlink()
    again = _due_kept(cms, fake_clock, tmp_path, "2026-12-02T10:01:00", exec_name=exec_name)
    assert (again.rc, again.commands) == (0, ["CP QUERY USERID"]), again
    assert again.stdout.splitlines() == [*started(f"DEV1 {exec_name} A", exec_name=exec_name),
                                         f"{exec_name}: nothing due at 10:01 on WED 20261202."], again


def test_due_on_the_wrong_member_writes_no_record(cms, fake_clock, tmp_path):
    import calendar
    import time

    epoch = calendar.timegm(time.strptime("2026-12-01T01:00:00", "%Y-%m-%dT%H:%M:%S"))
    run = cms.run(example_exec("minimal", "DEV1", "BKRSUBMT"), "DUE", member="DEV2", logged_on=["BKRBKUP"],
                  disk=tmp_path, env={"LD_PRELOAD": str(fake_clock), "BKR_FAKE_EPOCH": str(epoch),
                                      "BKR_FAKE_USEC": "0", "TZ": "UTC"})
    assert (run.rc, run.commands) == (40, ["CP QUERY USERID"]), run
    assert list(tmp_path.iterdir()) == [], run


def test_due_review_reads_and_writes_no_record(cms, fake_clock, tmp_path):
    run = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:00:00", operands="DUE ( REVIEW")
    assert (run.rc, run.commands) == (0, ["CP QUERY USERID", "CP SMSG BKRBKUP REVIEW GUESTFUL"]), run
    assert _record(tmp_path) is None


# stop 74, h1: DUE writes its record with LINEOUT at line 1 (no STREAM OPEN: IBM's
# text for OPEN WRITE REPLACE was not found), always 14 characters over 14; a
# record of another shape is not one DUE wrote, and is left alone (rc 32). One
# padded with blanks (a file of fixed 80-character records, as XEDIT may make) was
# refused before too: LINEOUT's 14 characters might be read back padded.
@pytest.mark.parametrize("kept", ["20261201  00:59", " 20261201 00:59", "20261201 00:59" + " " * 66])
def test_due_record_not_of_14_characters_sends_nothing(cms, fake_clock, tmp_path, kept):
    (tmp_path / "DEV1 BKRSUBMT A").write_text(kept + "\n")
    run = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:00:00")
    assert (run.rc, run.commands) == (32, ["CP QUERY USERID"]), run
    assert "ERASE DEV1 BKRSUBMT A" in run.stdout, run
    assert _record(tmp_path) == kept + "\n"


def test_due_record_that_cannot_be_written_says_the_stream_s_state(cms, fake_clock, tmp_path):
    run = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:00:00", unwritable=["DEV1 BKRSUBMT A"])
    assert (run.rc, run.commands) == (32, ["CP QUERY USERID"]), run
    assert run.stdout.splitlines() == [
        "BKRSUBMT: cannot write 20261201 01:00 to DEV1 BKRSUBMT A (state ERROR).",
        "BKRSUBMT:     Nothing sent.",
        "BKRSUBMT: make the A-disk writable, with room, then call DUE again.",
        # h7: an rc 32 names the jobs of its minute, with the command for each
        "BKRSUBMT: due at 01:00 on TUE 20261201, not sent: GUESTFUL.",
        "BKRSUBMT: if the next DUE neither sends nor names them (rc 4), send each with:",
        "BKRSUBMT:   EXEC BKRSUBMT JOB GUESTFUL"], run


# stop 74, h7: the operator's morning after a failed night. What DUE says when it
# gives rc 32 or a server is down is all the operator has to recover from: rc 32
# names the jobs of its minute (after ERASE, no later DUE names them), and a
# failed SMSG points at the commands listed below it, not at "try again" (a DUE
# called again sends nothing: its minute is handled, or has passed).
RC32_NAMED = {
    "BKRSUBMT": ["BKRSUBMT: due at 01:00 on TUE 20261201, not sent: GUESTFUL.",
                 "BKRSUBMT: if the next DUE neither sends nor names them (rc 4), send each with:",
                 "BKRSUBMT:   EXEC BKRSUBMT JOB GUESTFUL"],
    "BKREXPIR": ["BKREXPIR: due at 05:00 on TUE 20261201, not sent: PREVIEW.",
                 "BKREXPIR: if the next DUE neither sends nor names them (rc 4), send each with:",
                 "BKREXPIR:   EXEC BKREXPIR PREVIEW"],
}
RC32_MINUTE = {"BKRSUBMT": "2026-12-01T01:00:00", "BKREXPIR": "2026-12-01T05:00:00"}


@pytest.mark.parametrize("exec_name", ["BKRSUBMT", "BKREXPIR"])
def test_due_record_not_written_names_the_minute_s_entries_and_their_commands(cms, fake_clock, tmp_path,
                                                                               exec_name):
    run = _due_kept(cms, fake_clock, tmp_path, RC32_MINUTE[exec_name], exec_name=exec_name,
                    unwritable=[f"DEV1 {exec_name} A"])
    assert (run.rc, run.commands) == (32, ["CP QUERY USERID"]), run
    said = run.stdout.splitlines()
    assert said[-3:] == RC32_NAMED[exec_name], run
    assert said[0].startswith(f"{exec_name}: cannot write"), run


@pytest.mark.parametrize("exec_name", ["BKRSUBMT", "BKREXPIR"])
def test_due_record_not_sound_names_the_minute_s_entries(cms, fake_clock, tmp_path, exec_name):
    (tmp_path / f"DEV1 {exec_name} A").write_text("garbage\n")
    run = _due_kept(cms, fake_clock, tmp_path, RC32_MINUTE[exec_name], exec_name=exec_name)
    assert (run.rc, run.commands) == (32, ["CP QUERY USERID"]), run
    assert run.stdout.splitlines()[-3:] == RC32_NAMED[exec_name], run


def test_due_rc_32_in_a_minute_with_nothing_due_names_nothing(cms, fake_clock, tmp_path):
    (tmp_path / "DEV1 BKRSUBMT A").write_text("20261202 01:00\n")
    run = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:30:00")
    assert run.rc == 32, run
    assert "not sent" not in run.stdout and "EXEC BKRSUBMT JOB" not in run.stdout, run


def test_after_erase_the_rc_32_lines_alone_name_what_was_missed(cms, fake_clock, tmp_path):
    """The clock was set back: rc 32 at 01:00 (GUESTFUL due). The operator ERASEs
    the record at 06:00, as the message says: the next DUE starts a new record and
    names nothing, so the rc 32 lines are the one place GUESTFUL is named."""
    (tmp_path / "DEV1 BKRSUBMT A").write_text("20261202 01:00\n")
    refused = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:00:00")
    assert refused.rc == 32 and "EXEC BKRSUBMT JOB GUESTFUL" in refused.stdout.splitlines()[-1], refused
    (tmp_path / "DEV1 BKRSUBMT A").unlink()
    after = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T06:00:00")
    assert (after.rc, after.stdout.splitlines()) == (0, [*started("DEV1 BKRSUBMT A"),
                                                         "BKRSUBMT: nothing due at 06:00 on TUE 20261201."]), after


@pytest.mark.parametrize(("fixed_at", "rc", "sent", "named"), [
    ("2026-12-01T01:00:40", 0, ["CP SMSG BKRBKUP SUBMIT GUESTFUL"], False),  # fixed within the minute: sent
    ("2026-12-01T01:05:00", 4, [], True),  # later: named in the gap's list
])
def test_after_a_record_not_written_the_next_due_sends_or_names_the_minute(cms, fake_clock, tmp_path,
                                                                          fixed_at, rc, sent, named):
    """What the rc 32 lines promise when the old record stays (a disk full, then
    given room): the next DUE sends the minute's job or names it (rc 4)."""
    _due_kept(cms, fake_clock, tmp_path, "2026-12-01T00:59:00")
    record = tmp_path / "DEV1 BKRSUBMT A"
    kept = record.read_text()
    record.unlink()
    refused = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:00:00", unwritable=["DEV1 BKRSUBMT A"])
    assert refused.rc == 32 and "not sent: GUESTFUL." in refused.stdout, refused
    record.rmdir()
    record.write_text(kept)
    after = _due_kept(cms, fake_clock, tmp_path, fixed_at)
    assert (after.rc, after.commands[1:]) == (rc, sent), after
    assert ("01:00 TUE 20261201 full: EXEC BKRSUBMT JOB GUESTFUL" in after.stdout) is named, after


@pytest.mark.parametrize(("state", "cause"), [
    ({"fail": {"SMSG BKRBKUP": 45}}, "BKRSUBMT: or start it alone with CP XAUTOLOG BKRBKUP; then send what is listed below."),
    ({"smsg_off": ["BKRBKUP"]}, "BKRSUBMT: yet. See its console, then send what is listed below."),
])
def test_a_server_down_at_due_points_at_the_listed_commands_not_at_due_again(cms, fake_clock, tmp_path,
                                                                             state, cause):
    """"then try again" sent the operator back to DUE, which then sends nothing
    (the minute handled, or passed) and ends with rc 0."""
    run = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:00:00", **state)
    assert run.rc in (45, 57), run
    said = unfolded(run.stdout, "BKRSUBMT")
    assert "try again" not in run.stdout, run
    assert cause in said, run
    assert said[said.index(cause) + 1:][-2:] == ["BKRSUBMT: not sent: when the cause is fixed, send each with:",
                                                "BKRSUBMT:   EXEC BKRSUBMT JOB GUESTFUL"], run
    # Called again within the minute once the server runs: nothing sent, rc 0.
    again = _due_kept(cms, fake_clock, tmp_path, "2026-12-01T01:00:30")
    assert (again.rc, again.commands) == (0, ["CP QUERY USERID"]), again


@pytest.mark.parametrize(("exec_name", "operands", "server", "command"), [
    ("BKRSUBMT", "GUESTFUL", "BKRBKUP", "EXEC BKRSUBMT JOB GUESTFUL"),
    ("BKRSUBMT", "JOB GUESTFUL ( REVIEW", "BKRBKUP", "EXEC BKRSUBMT JOB GUESTFUL ( REVIEW"),
    ("BKREXPIR", "PURGE", "BKRCATLG", "EXEC BKREXPIR PURGE"),
])
def test_one_entry_sent_by_name_lists_its_command_below_too(cms, exec_name, operands, server, command):
    """"listed below" holds for one entry sent by name as for ALL and DUE."""
    run = cms.run(example_exec("minimal", "DEV1", exec_name), operands, member="DEV1")
    assert run.rc == 45, run
    said = unfolded(run.stdout, exec_name)
    down = said.index(f"{exec_name}: {server} is not logged on at member DEV1.")
    # BKRSTART first, the commands that run it each on a line to copy: a server down is
    # most often the member's machines down, which it starts in order; XAUTOLOG the
    # server alone would leave it without its catalog server or workers.
    assert said[down + 1:down + 7] == [
        f"{exec_name}: start it, and the machines it needs, with BKRSTART from",
        f"{exec_name}: AUTOLOG1's 191 (it starts those not logged on, in order):",
        f"{exec_name}:   LINK AUTOLOG1 191 291 RR",
        f"{exec_name}:   ACCESS 291 Z",
        f"{exec_name}:   EXEC BKRSTART",
        f"{exec_name}: or start it alone with CP XAUTOLOG {server}; then send what is listed below.",
    ], run
    assert said[-2:] == [f"{exec_name}: not sent: when the cause is fixed, send each with:",
                         f"{exec_name}:   {command}"], run


def test_expiry_missed_on_the_purging_member_is_one_expiry_in_two_logs(cms, fake_clock, tmp_path):
    """(b), EXPIRE twice: VMSYS1's caller misses 03:00 SUN (prodssi's purge), while
    VMSYS2's calls VMSYS1's BKREXPIR from a disk both see. Both logs then give a
    command for one PURGE: VMSYS2's refusal says the next DUE on VMSYS1 may name
    it, VMSYS1's next DUE (rc 4) names it; each sends it when typed."""
    import calendar
    import time

    text = example_exec("prodssi", "VMSYS1", "BKREXPIR")

    def due(member, instant, operands="DUE"):
        epoch = calendar.timegm(time.strptime(instant, "%Y-%m-%dT%H:%M:%S"))
        return cms.run(text, operands, member=member, logged_on=["BKRCATLG"], file_name="BKREXPIR.EXEC",
                       disk=tmp_path / member, env={"LD_PRELOAD": str(fake_clock), "BKR_FAKE_EPOCH": str(epoch),
                                                   "BKR_FAKE_USEC": "0", "TZ": "UTC"})

    due("VMSYS1", "2026-12-06T02:00:00")
    refused = due("VMSYS2", "2026-12-06T03:00:00")
    assert refused.rc == 40, refused
    assert "BKREXPIR: may name it (rc 4): the same one. Send it once, on VMSYS1, with:" in \
        refused.stdout.splitlines(), refused
    late = due("VMSYS1", "2026-12-06T03:05:00")
    assert (late.rc, late.commands) == (4, ["CP QUERY USERID"]), late
    assert "BKREXPIR:   03:00 SUN 20261206 PURGE: EXEC BKREXPIR PURGE" in late.stdout.splitlines(), late


# stop 75, h3: the operator's console after a bad night, what h7 left unclear. rc 32
# with the record ahead of the clock says what to do when the clock is wrong, not only
# when it is right; after a long gap, rc 4 marks each job's level and says which lines
# can be left (sent late, a job backs up the disks as they are now: a job listed again,
# or an incremental job beside a full job of the same users, does nothing more); and
# every line about entries left unsent says `not sent:`, so one search finds them all.
def _due_on(cms, fake_clock, disk, example: str, member: str, exec_name: str, instant: str,
            operands: str = "DUE", **more):
    """`member`'s EXEC of `example` at `instant` (UTC) on the A-disk `disk`, with
    `signal on novalue` after line 1: no variable read before it is set."""
    import calendar
    import time

    epoch = calendar.timegm(time.strptime(instant, "%Y-%m-%dT%H:%M:%S"))
    run = cms.run(_trapping_novalue(example_exec(example, member, exec_name)), operands, member=member,
                  logged_on=["BKRBKUP", "BKRCATLG"], file_name=f"{exec_name}.EXEC", disk=disk,
                  env={"LD_PRELOAD": str(fake_clock), "BKR_FAKE_EPOCH": str(epoch), "BKR_FAKE_USEC": "0",
                       "TZ": "UTC"}, **more)
    assert "Error" not in run.stderr, run
    return run


RC32_CLOCK = {
    "BKRSUBMT": ("2026-12-01T01:00:00", [
        "BKRSUBMT: if the clock is wrong, set it right: until it passes 01:00 on WED",
        "BKRSUBMT:     20261202, each DUE sends nothing (rc 32) and names what is due.",
        "BKRSUBMT: if the clock is right, ERASE DEV1 BKRSUBMT A and call DUE again."]),
    "BKREXPIR": ("2026-12-01T05:00:00", [
        "BKREXPIR: if the clock is wrong, set it right: until it passes 01:00 on WED",
        "BKREXPIR:     20261202, each DUE sends nothing (rc 32) and names what is due.",
        "BKREXPIR: if the clock is right, ERASE DEV1 BKREXPIR A and call DUE again."]),
}


@pytest.mark.parametrize("exec_name", ["BKRSUBMT", "BKREXPIR"])
def test_record_ahead_of_the_clock_says_what_to_do_if_the_clock_is_wrong(cms, fake_clock, tmp_path, exec_name):
    (tmp_path / f"DEV1 {exec_name} A").write_text("20261202 01:00\n")
    instant, said = RC32_CLOCK[exec_name]
    run = _due_on(cms, fake_clock, tmp_path, "minimal", "DEV1", exec_name, instant)
    assert (run.rc, run.commands) == (32, ["CP QUERY USERID"]), run
    assert run.stdout.splitlines()[2:5] == said, run


def test_the_clock_set_right_past_the_record_sends_again(cms, fake_clock, tmp_path):
    """The help applied: the clock set right (past the record, which is left as it
    is), the next DUE sends its minute's job (SYSFU1, 02:00) with rc 0; before
    that, each DUE sends nothing (rc 32)."""
    (tmp_path / "DEV1 BKRSUBMT A").write_text("20261202 01:00\n")
    wrong = [_due_on(cms, fake_clock, tmp_path, "minimal", "DEV1", "BKRSUBMT", instant)
             for instant in ("2026-12-01T01:00:00", "2026-12-01T02:00:00")]
    assert [(run.rc, run.commands[1:]) for run in wrong] == [(32, []), (32, [])], wrong
    right = _due_on(cms, fake_clock, tmp_path, "minimal", "DEV1", "BKRSUBMT", "2026-12-02T02:00:00")
    assert (right.rc, right.commands[1:]) == (0, ["CP SMSG BKRBKUP SUBMIT SYSFU1"]), right
    assert _record(tmp_path) == "20261202 02:00\n"


@pytest.mark.parametrize(("exec_name", "situation"), [
    ("BKRSUBMT", {"fail": {"SMSG BKRBKUP": 45}}),  # the failure list
    ("BKREXPIR", {"fail": {"SMSG BKRCATLG": 45}}),
    ("BKRSUBMT", {"unwritable": ["DEV1 BKRSUBMT A"]}),  # rc 32
    ("BKREXPIR", {"unwritable": ["DEV1 BKREXPIR A"]}),
])
def test_every_list_of_entries_left_unsent_says_not_sent_with_a_colon(cms, fake_clock, tmp_path, exec_name,
                                                                         situation):
    """One wording, `not sent:`, for the failure list, rc 32's and rc 4's (rc 40's
    already said it): a search of the log for it finds every one."""
    instant = RC32_MINUTE[exec_name]
    run = _due_on(cms, fake_clock, tmp_path, "minimal", "DEV1", exec_name, instant, **situation)
    assert run.rc in (32, 45), run
    assert "not sent:" in run.stdout and "not sent." not in run.stdout and "not sent;" not in run.stdout, run
    gap = tmp_path / "gap"
    gap.mkdir()
    _due_on(cms, fake_clock, gap, "minimal", "DEV1", exec_name, "2026-11-30T23:00:00")
    missed = _due_on(cms, fake_clock, gap, "minimal", "DEV1", exec_name, "2026-12-01T23:00:00")
    assert missed.rc == 4 and f"{exec_name}: due then, not sent: send" in missed.stdout, missed


# prodssi's VMSYS2: LNXFULL full weekly sat 22:00, LNXINC incremental daily 23:30
# (both `backup LINUX`), SYSIN2 incremental daily 03:30 and SYSME2 full monthly
# last-day 20:00 (both `backup SYSIDS`). Its caller stopped after Thursday 21:00 and
# came back on Sunday at 06:00.
PRODSSI_WEEKEND = [
    "BKRSUBMT: no DUE by AUTOLOG1 in the 3419 minutes after 21:00 on THU 20261203.",
    "BKRSUBMT: due then, not sent: send each once with the command after it:",
    "BKRSUBMT:   23:30 THU 20261203 incremental: EXEC BKRSUBMT JOB LNXINC",
    "BKRSUBMT:   03:30 FRI 20261204 incremental: EXEC BKRSUBMT JOB SYSIN2",
    "BKRSUBMT:   23:30 FRI 20261204 incremental: EXEC BKRSUBMT JOB LNXINC",
    "BKRSUBMT:   03:30 SAT 20261205 incremental: EXEC BKRSUBMT JOB SYSIN2",
    "BKRSUBMT:   22:00 SAT 20261205 full: EXEC BKRSUBMT JOB LNXFULL",
    "BKRSUBMT:   23:30 SAT 20261205 incremental: EXEC BKRSUBMT JOB LNXINC",
    "BKRSUBMT:   03:30 SUN 20261206 incremental: EXEC BKRSUBMT JOB SYSIN2",
    "BKRSUBMT: the LNXINC lines can be left: full job LNXFULL, listed too, backs up",
    "BKRSUBMT:     the same users; send it first.",
    "BKRSUBMT: the SYSIN2 lines before 03:30 SUN 20261206 can be left: sent now,",
    "BKRSUBMT:     each does what that one does.",
    "BKRSUBMT: nothing due at 06:00 on SUN 20261206.",
]


def test_a_long_gap_marks_each_level_and_says_which_lines_can_be_left(cms, fake_clock, tmp_path):
    _due_on(cms, fake_clock, tmp_path, "prodssi", "VMSYS2", "BKRSUBMT", "2026-12-03T21:00:00")
    run = _due_on(cms, fake_clock, tmp_path, "prodssi", "VMSYS2", "BKRSUBMT", "2026-12-06T06:00:00")
    assert (run.rc, run.commands) == (4, ["CP QUERY USERID"]), run
    assert run.stdout.splitlines() == PRODSSI_WEEKEND, run
    # The help applied: the full job first, then the last SYSIN2, each with its command.
    sent = [_due_on(cms, fake_clock, tmp_path, "prodssi", "VMSYS2", "BKRSUBMT", "2026-12-06T06:05:00",
                    operands=f"JOB {name}") for name in ("LNXFULL", "SYSIN2")]
    assert [(one.rc, one.commands[1:]) for one in sent] == [
        (0, ["CP SMSG BKRBKUP SUBMIT LNXFULL"]), (0, ["CP SMSG BKRBKUP SUBMIT SYSIN2"])], sent


def test_an_incremental_listed_without_its_full_is_not_said_to_be_left(cms, fake_clock, tmp_path):
    """Thursday 21:00 to Saturday 21:00: LNXINC twice, no LNXFULL; the earlier LNXINC
    can be left (the later one does the same), not for a full job."""
    _due_on(cms, fake_clock, tmp_path, "prodssi", "VMSYS2", "BKRSUBMT", "2026-12-03T21:00:00")
    run = _due_on(cms, fake_clock, tmp_path, "prodssi", "VMSYS2", "BKRSUBMT", "2026-12-05T21:00:00")
    said = unfolded(run.stdout, "BKRSUBMT")
    assert "full job" not in run.stdout, run
    assert ("BKRSUBMT: the LNXINC lines before 23:30 FRI 20261204 can be left: sent now, each does what"
            " that one does.") in said, run


def test_a_short_gap_with_each_job_once_says_nothing_can_be_left(cms, fake_clock, tmp_path):
    _due_on(cms, fake_clock, tmp_path, "prodssi", "VMSYS2", "BKRSUBMT", "2026-12-03T21:00:00")
    run = _due_on(cms, fake_clock, tmp_path, "prodssi", "VMSYS2", "BKRSUBMT", "2026-12-04T06:00:00")
    assert run.rc == 4 and "can be left" not in run.stdout, run
    assert run.stdout.splitlines()[2:4] == [
        "BKRSUBMT:   23:30 THU 20261203 incremental: EXEC BKRSUBMT JOB LNXINC",
        "BKRSUBMT:   03:30 FRI 20261204 incremental: EXEC BKRSUBMT JOB SYSIN2"], run


def test_expiry_actions_listed_again_can_be_left_as_the_jobs_can(cms, fake_clock, tmp_path):
    """BKREXPIR in step: minimal's PREVIEW (daily 05:00) missed three days, PURGE (sun
    06:00) once; the lines name the action, as before, not a level."""
    _due_on(cms, fake_clock, tmp_path, "minimal", "DEV1", "BKREXPIR", "2026-12-04T04:00:00")
    run = _due_on(cms, fake_clock, tmp_path, "minimal", "DEV1", "BKREXPIR", "2026-12-06T07:00:00")
    assert (run.rc, run.commands) == (4, ["CP QUERY USERID"]), run
    assert run.stdout.splitlines()[1:] == [
        "BKREXPIR: due then, not sent: send each once with the command after it:",
        "BKREXPIR:   05:00 FRI 20261204 PREVIEW: EXEC BKREXPIR PREVIEW",
        "BKREXPIR:   05:00 SAT 20261205 PREVIEW: EXEC BKREXPIR PREVIEW",
        "BKREXPIR:   05:00 SUN 20261206 PREVIEW: EXEC BKREXPIR PREVIEW",
        "BKREXPIR:   06:00 SUN 20261206 PURGE: EXEC BKREXPIR PURGE",
        "BKREXPIR: the PREVIEW lines before 05:00 SUN 20261206 can be left: sent now,",
        "BKREXPIR:     each does what that one does.",
        "BKREXPIR: nothing due at 07:00 on SUN 20261206."], run


# stop 78, h3: DUE's record is the caller's, on its A-disk. deploy.md and rexx.md
# said that an operator trying `EXEC BKRSUBMT DUE` in a minute the scheduler had
# handled sends nothing: from an operator's own user ID it is that user's first
# DUE, which sends the minute's jobs again, and its next DUE, days later, named the
# scheduler's minutes as missed (`no DUE ran in the 3719 minutes ...`). The EXEC
# cannot tell the scheduler's user from another; it says whose record it starts,
# that another user's DUE sends the same jobs again, and whose DUE a gap is of.
@pytest.mark.parametrize(("member", "exec_name", "first", "later", "sent", "gap"), [
    ("VMSYS2", "BKRSUBMT", "2026-12-05T22:00:00", "2026-12-08T12:00:00", "CP SMSG BKRBKUP SUBMIT LNXFULL",
     "BKRSUBMT: no DUE by OPERATOR in the 3719 minutes after 22:00 on SAT 20261205."),
    ("VMSYS1", "BKREXPIR", "2026-11-29T03:00:00", "2026-12-01T12:00:00", "CP SMSG BKRCATLG EXPIRE (PURGE",
     "BKREXPIR: no DUE by OPERATOR in the 3419 minutes after 03:00 on SUN 20261129."),
])
def test_due_by_another_user_than_the_scheduler_says_whose_record_it_keeps(cms, fake_clock, tmp_path, member,
                                                                           exec_name, first, later, sent, gap):
    scheduler, operator = tmp_path / "sched", tmp_path / "oper"
    record = f"{member} {exec_name} A"
    went = _due_on(cms, fake_clock, scheduler, "prodssi", member, exec_name, first, userid="BKRSCHED")
    assert went.commands == ["CP QUERY USERID", sent], went
    assert went.stdout.splitlines()[:3] == started(record, "BKRSCHED", exec_name), went
    retry = _due_on(cms, fake_clock, scheduler, "prodssi", member, exec_name, first, userid="BKRSCHED")
    assert retry.commands == ["CP QUERY USERID"] and "already handled" in retry.stdout, retry
    # The operator's DUE in the same minute, on its own A-disk: a record of its
    # own, so the minute's entry goes again; the EXEC says why, and what to do.
    again = _due_on(cms, fake_clock, operator, "prodssi", member, exec_name, first, userid="OPERATOR")
    assert again.commands == ["CP QUERY USERID", sent], again
    assert again.stdout.splitlines()[:3] == started(record, "OPERATOR", exec_name), again
    assert (operator / record).read_text() == f"{first[:10].replace('-', '')} {first[11:16]}\n"
    # Its next DUE names the minutes since as missed by OPERATOR, not by the scheduler.
    missed = _due_on(cms, fake_clock, operator, "prodssi", member, exec_name, later, userid="OPERATOR")
    assert missed.rc == 4 and missed.stdout.splitlines()[0] == gap, missed
    # Tried as the help says, ( REVIEW: no record read or written, nothing sent.
    tried = _due_on(cms, fake_clock, tmp_path / "try", "prodssi", member, exec_name, first,
                    operands="DUE ( REVIEW", userid="OPERATOR")
    assert "no record" not in tried.stdout and not (tmp_path / "try" / record).exists(), tried


# stop 78, h3: BKRSTART run by hand on a member already up, every machine logged
# on, the catalog's file pool not serving (its server hung): the machines held
# back were neither asked nor started, and the summary's `not started on member
# VMSYS1: BKRCATLG BKRBKUP ...` read as if the backup server and its workers were
# down. A line after the hold says they were not asked, and that any logged on
# runs on as it is.
@pytest.mark.parametrize(("example", "member", "held"), [
    ("prodssi", "VMSYS1", ["BKRCATLG", "BKRBKUP", "BKRWRK01", "BKRWRK02", "BKRWRK03", "BKRWRK04"]),  # TCTMM after
    ("minimal", "DEV1", ["BKRCATLG", "BKRBKUP", "BKRWRK01", "BKRWRK02"]),  # no Tape Manager node
])
def test_bkrstart_by_hand_with_the_pool_down_says_the_machines_held_back_were_not_asked(cms, example, member,
                                                                                     held):
    model = example_model(example)
    up = [entry.user for entry in model.start_order(member)]
    run = cms.run(example_exec(example, member, "BKRSTART"), member=member, logged_on=up,
                  identity=example_identity(example), pools={"BKRPOOL": ("BKRSVSFS", "never", 55)})
    assert run.rc == 44, run
    assert not [c for c in run.commands if c.split()[-1] in held], run  # neither asked nor started
    said = unfolded(run.stdout, "BKRSTART")
    nor = "BKRSTART: nor asked: those already logged on, if any, run on as they are."
    assert nor in said and said.index(nor) < said.index(f"BKRSTART: not started on member {member}: {' '.join(held)}."), run
