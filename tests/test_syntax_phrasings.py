"""What a newcomer writes in plain English where .bkr has a fixed form.

Each case is one slip in an otherwise correct job or block: it must give exactly
one diagnostic, whose message names the slip and whose help gives the fixed
form with the user's own values; writing what the help says must parse.
"""

from __future__ import annotations

import re

import pytest

from bkrdsl.source import Source
from bkrdsl.syntax.parser import parse

JOB = """\
cluster A {
  member M1 { workers 2 }
  expire on M1 {
    purge weekly sun 03:00
  }
  job J {
    backup G full
    include minidisk * 0191
    to disk pool P
    run on M1 daily 02:00
  }
}
"""

# the correct line, what the job says instead, a piece of the message, the fix the help
# gives (`write `...``), and the line as the help has it written
# fmt: off
CASES = [
    ("run on M1 daily 02:00", "run on every member daily 02:00", "`every member` is written `each member`", "run on each member", "run on each member daily 02:00"),
    ("run on M1 daily 02:00", "run on all members daily 02:00", "`all members` is written `each member`", "run on each member", "run on each member daily 02:00"),
    ("run on M1 daily 02:00", "run on both members daily 02:00", "`both members` is written `each member`", "run on each member", "run on each member daily 02:00"),
    ("expire on M1 {", "expire on both members {", "`both members` is written `each member`", "expire on each member { ... }", "expire on each member {"),
    ("run on M1 daily 02:00", "run on each members daily 02:00", "`each members` is written `each member`", "run on each member", "run on each member daily 02:00"),
    ("expire on M1 {", "expire on every member {", "`every member` is written `each member`", "expire on each member { ... }", "expire on each member {"),
    # `each` misspelt (one slip): not the member EAHC, nor a `member` block misplaced in the job (BKR013)
    ("run on M1 daily 02:00", "run on eahc member daily 02:00", "`eahc member` is written `each member`", "run on each member", "run on each member daily 02:00"),
    ("run on M1 daily 02:00", "run on ech members daily 02:00", "`ech members` is written `each member`", "run on each member", "run on each member daily 02:00"),
    ("run on M1 daily 02:00", "RUN ON EACj MEMBER daily 02:00", "`EACj MEMBER` is written `each member`", "run on each member", "RUN ON each member daily 02:00"),
    ("expire on M1 {", "expire on eahc member {", "`eahc member` is written `each member`", "expire on each member { ... }", "expire on each member {"),
    ("run on M1 daily 02:00", "run on M1 daily at 02:00", "the time follows without `at`", "daily 02:00", None),
    ("run on M1 daily 02:00", "run on M1 every day at 02:00", "a schedule starts with how often", "daily 02:00", None),
    ("run on M1 daily 02:00", "run on M1 at 02:00", "`at 02:00` is not a .bkr schedule", "daily 02:00", None),
    # an hour alone after `at`, read on a 24-hour clock (was "the time of day is missing")
    ("run on M1 daily 02:00", "run on M1 every day at 2", "a schedule starts with how often", "daily 02:00", None),
    ("run on M1 daily 02:00", "run on M1 at 2", "`at 2` is not a .bkr schedule", "daily 02:00", None),
    # `o'clock`, `14h`, `1400` after `at` (were "`at` cannot appear here")
    ("run on M1 daily 02:00", "run on M1 at 2 o'clock", "`at 2 o'clock` is not a .bkr schedule", "daily 02:00", None),
    ("run on M1 daily 02:00", "run on M1 at 14h", "`at 14h` is not a .bkr schedule", "daily 14:00", None),
    ("run on M1 daily 02:00", "run on M1 every day at 1400", "a schedule starts with how often", "daily 14:00", None),
    ("purge weekly sun 03:00", "purge weekly on sun at 3", "the time follows without `at`", "weekly sun 03:00", None),
    ("run on M1 daily 02:00", "run on M1 at 2am daily", "`at 2am daily` is not a .bkr schedule", "daily 02:00", None),
    ("run on M1 daily 02:00", "run on M1 every sunday at 11:30 pm", "is not a .bkr schedule", "weekly sun 23:30", None),
    ("run on M1 daily 02:00", "run on M1 on weekdays at 01:00", "is not a .bkr schedule", "weekly mon,tue,wed,thu,fri 01:00", None),
    ("run on M1 daily 02:00", "run on M1 monthly on the 1st at 04:00", "the time follows without `at`", "monthly 1 04:00", None),
    ("run on M1 daily 02:00", "run on M1 nightly 02:00", "`nightly 02:00` is not a .bkr schedule", "daily 02:00", None),
    ("purge weekly sun 03:00", "purge weekly on sun 03:00", "the days follow without `on`", "weekly sun 03:00", None),
    ("purge weekly sun 03:00", "purge every sunday at 3am", "is not a .bkr schedule", "weekly sun 03:00", None),
    ("run on M1 daily 02:00", "run on M1 first sunday of the month at 2am", "is not a .bkr schedule", "monthly first sun 02:00", None),
    ("run on M1 daily 02:00", "run on M1 last sat of the month 22:00", "is not a .bkr schedule", "monthly last sat 22:00", None),
    ("run on M1 daily 02:00", "run on M1 monthly 1st sun 02:00", "is written `monthly first sun`", "monthly first sun 02:00", "run on M1 monthly first sun 02:00"),
    ("purge weekly sun 03:00", "purge monthly 4th Sat 03:00", "is written `monthly fourth Sat`", "monthly fourth Sat 03:00", "purge monthly fourth Sat 03:00"),
    ("run on M1 daily 02:00", "run on M1 fifth sunday of the month at 2am", "is not a .bkr schedule", "monthly last sun 02:00", None),
    ("purge weekly sun 03:00", "purge monthly fifth Sat at 3am", "is not a .bkr schedule", "monthly last sat 03:00", None),
    ("run on M1 daily 02:00", "run on M1 monthly fifth sun 02:00", "there is no `monthly fifth sun`", "monthly last sun 02:00", "run on M1 monthly last sun 02:00"),
    ("purge weekly sun 03:00", "purge monthly 5th Sat 03:00", "there is no `monthly 5th Sat`", "monthly last Sat 03:00", "purge monthly last Sat 03:00"),
    ("purge weekly sun 03:00", "purge 2nd tuesday of each month at 3am", "is not a .bkr schedule", "monthly second tue 03:00", None),
    ("to disk pool P", "to disk P", "the pool's name follows the word `pool`", "to disk pool P", "to disk pool P"),
    ("to disk pool P", "to tape P", "the pool's name follows the word `pool`", "to tape pool P", "to tape pool P"),
    ("to disk pool P", "to pool P", "`to` names the medium before the pool", "to disk pool P", "to disk pool P"),
    ("to disk pool P", "to dasd pool P", "`dasd` is not a medium", "to disk pool P", "to disk pool P"),
    ("to disk pool P", "to P", "expected `disk` or `tape` after `to`, found `P`", "to disk pool P", "to disk pool P"),
    ("to disk pool P", "target disk pool P", "unknown keyword `target`; a job's destination starts with `to`", "to disk pool P", "to disk pool P"),
    ("to disk pool P", "destination tape", "unknown keyword `destination`", "to tape", "to tape"),
    ("to disk pool P", "disk pool P", "a job's destination starts with `to`: `to disk`", "to disk pool P", "to disk pool P"),
    ("to disk pool P", "tape", "a job's destination starts with `to`: `to tape`", "to tape", "to tape"),
    ("expire on M1 {", "purge on M1 {", "an expiry block starts with `expire`, not `purge`", "expire", "expire on M1 {"),
    ("expire on M1 {", "Preview on M1 {", "an expiry block starts with `expire`, not `preview`", "expire", "expire on M1 {"),
    ("run on M1 daily 02:00", "daily 02:00 on M1", "a schedule is part of the `run` statement", "run on M1 daily 02:00", "run on M1 daily 02:00"),
    ("run on M1 daily 02:00", "weekly sun 02:00 on each member", "a schedule is part of the `run` statement", "run on each member weekly sun 02:00", "run on each member weekly sun 02:00"),
    # a word that labels the schedule, as a form would (was "a `,` is missing between `M1` and
    # `schedule`", whose fix made SCHEDULE a member: BKR330)
    ("run on M1 daily 02:00", "run on M1 schedule daily 02:00", "`schedule` is not written in `run`: the schedule follows the members", "run on M1 daily 02:00", "run on M1 daily 02:00"),
    ("run on M1 daily 02:00", "run on each member time: weekly sun 02:00", "`time:` is not written in `run`", "run on each member weekly sun 02:00", "run on each member weekly sun 02:00"),
    ("purge weekly sun 03:00", "purge schedule weekly sun 03:00", "`schedule` is not written in `purge`: the schedule follows `purge`", "purge weekly sun 03:00", "purge weekly sun 03:00"),
    # a crontab line labelled or quoted (was "a `,` is missing between `M1` and `cron`", then a
    # quoted text out of place), and a WAKEUP TIMES line (was a bad character `=`, then `02:00:00`)
    ("run on M1 daily 02:00", 'run on M1 cron "0 2 * * *"', "`0 2 * * *` is a crontab schedule", "daily 02:00", None),
    ("run on M1 daily 02:00", "run on M1 cron: 0 2 * * 1-5", "`0 2 * * 1-5` is a crontab schedule", "weekly mon,tue,wed,thu,fri 02:00", None),
    ("run on M1 daily 02:00", 'run on M1 "30 1 15 * *"', "`30 1 15 * *` is a crontab schedule", "monthly 15 01:30", None),
    ("purge weekly sun 03:00", "purge crontab '0 3 * * 0'", "`0 3 * * 0` is a crontab schedule", "weekly sun 03:00", None),
    ("run on M1 daily 02:00", "run on M1 ==/==/== 02:00:00", "`==/==/== 02:00:00` is a WAKEUP TIMES date and time", "daily 02:00", None),
    ("run on M1 daily 02:00", "run on M1 ==/01/== 23:30:00", "`==/01/== 23:30:00` is a WAKEUP TIMES date and time", "monthly 1 23:30", None),
    # WAKEUP's days of the week by name (was "`MONDAY 02:00:00` is not a .bkr schedule", no fix)
    ("run on M1 daily 02:00", "run on M1 MONDAY 02:00:00", "`MONDAY 02:00:00` is a WAKEUP TIMES date and time", "weekly mon 02:00", None),
    ("run on M1 daily 02:00", "run on M1 WEEKDAY 22:00:00", "`WEEKDAY 22:00:00` is a WAKEUP TIMES date and time", "weekly mon,tue,wed,thu,fri 22:00", None),
    ("purge weekly sun 03:00", "purge SUNDAY 03:00:00", "`SUNDAY 03:00:00` is a WAKEUP TIMES date and time", "purge weekly sun 03:00", "purge weekly sun 03:00"),
]
# fmt: on


def diagnostics(text: str):
    return parse(Source.of("t.bkr", text)).diagnostics


@pytest.mark.parametrize(("right", "wrong", "words", "fixed", "line"), CASES, ids=[c[1] for c in CASES])
def test_one_slip_one_message_and_its_fix_parses(right, wrong, words, fixed, line):
    assert right in JOB
    text = JOB.replace(right, wrong)
    found = diagnostics(text)
    assert len(found) == 1, [f"{d.code} {d.span.line}:{d.span.column} {d.message}" for d in found]
    (d,) = found
    assert d.span.line == text[: text.index(wrong)].count("\n") + 1
    assert words in d.message, d.message
    written = re.match(r"write `([^`]+)`", d.help)
    assert written and written.group(1) == fixed, d.help
    # What the help says to write, in place of what the user wrote, parses. A schedule's
    # fix stands in place of the phrase the message underlines.
    if line is None:
        line = text[text.index(wrong) : d.span.start] + fixed
    assert diagnostics(JOB.replace(right, line)) == [], line


@pytest.mark.parametrize(
    ("members", "wrong", "listed"),
    [
        # the example of a list named members the file does not have (`run on VMSYS1, VMSYS2`)
        ("  member M1 { workers 2 }\n  member M2 { workers 2 }\n", "run on all members daily 02:00", "run on M1, M2"),
        ("  member M1 { workers 2 }\n  member M2 { workers 2 }\n", "run on every member daily 02:00", "run on M1, M2"),
        ("  member M1 { workers 2 }\n  member M2 { workers 2 }\n", "run on each members daily 02:00", "run on M1, M2"),
        ("  member M1 { workers 2 }\n", "run on all members daily 02:00", "run on M1, MEMBER"),
        ("  member M1 { workers 2 }\n  member M2 { workers 2 }\n", "expire on both members {", "expire on M1, M2"),
    ],
)
def test_each_member_s_help_lists_the_file_s_own_members(members, wrong, listed):
    text = JOB.replace("  member M1 { workers 2 }\n", members)
    text = text.replace("expire on M1 {" if wrong.startswith("expire") else "run on M1 daily 02:00", wrong)
    (d,) = diagnostics(text)
    assert d.help.endswith(f"for some members only, list them: `{listed}`"), d.help


# A WAKEUP TIMES line that says no schedule bkrc has: one error that says why, without a
# fix, read as `manual` (was a `,` missing before `12`, a `/` out of place, and more).
WAKEUP_WITHOUT_SCHEDULE = [
    ("run on M1 12/24/26 22:00:00",
     "`12/24/26` is one date, and a schedule names no date: write `manual` and submit it by hand that day, at 22:00"),
    ("run on M1 12/24/== 22:00:00",
     ("`12/24/==` runs once a year, and a schedule names no month nor year: write `manual` and submit it by hand"
      " when it is due, at 22:00")),
    ("run on M1 12/==/== 22:00:00",
     ("`12/==/==` runs in one month of the year only, and a schedule names no month nor year: write `manual` and"
      " submit it by hand when it is due, at 22:00")),
    ("run on M1 ==/==/27 22:00:00",
     ("`==/==/27` runs in one year only, and a schedule names no month nor year: write `manual` and submit it by"
      " hand when it is due, at 22:00")),
    ("run on M1 ==/==/== ==:00:00",
     ("`==:00:00` runs it every hour, and a schedule runs once a day at most: write a job for each time of day,"
      " each `daily HH:MM`, or `manual`")),
    ("run on M1 ==/==/== 02:30:15",
     "write `daily 02:30`: a .bkr time is HH:MM, to the minute, so it starts at 02:30, not 02:30:15"),
    ("purge ==/==/== ==:==:00",
     ("`==:==:00` runs it every minute, and a schedule runs once a day at most: write `purge daily HH:MM` or"
      " `purge manual`")),
    ("purge 12/24/26 03:00:00",
     ("`12/24/26` is one date, and a schedule names no date: write `purge manual` and send it by hand"
      " (`EXEC BKREXPIR PURGE`) that day, at 03:00")),
]


@pytest.mark.parametrize(("wrong", "help"), WAKEUP_WITHOUT_SCHEDULE, ids=[w for w, _ in WAKEUP_WITHOUT_SCHEDULE])
def test_a_wakeup_line_without_a_schedule_says_why(wrong, help):
    right = "purge weekly sun 03:00" if wrong.startswith("purge") else "run on M1 daily 02:00"
    text = JOB.replace(right, wrong)
    (d,) = diagnostics(text)
    written = wrong.split(" ", 3)[-1] if wrong.startswith("run") else wrong.split(" ", 1)[1]
    assert (d.code, d.message, d.help, d.fix) == (
        "BKR012",
        f"`{written}` is a WAKEUP TIMES date and time; a .bkr schedule is `daily`, `weekly`, `monthly` or `manual`",
        help,
        None,
    )
    line = text[: text.index(written)].count("\n") + 1
    assert (d.span.line, d.span.column) == (line, text.splitlines()[line - 1].index(written) + 1)


@pytest.mark.parametrize(
    ("right", "wrong"),
    [
        ("run on M1 daily 02:00", "run on M1 M2 daily 02:00"),  # a missing comma, not a schedule
        ("run on M1 daily 02:00", "run on M1 daily 02:00 on M2"),  # a second `on`, not a day
        ("run on M1 daily 02:00", "run on M1, daily 02:00"),  # a trailing comma
        ("run on M1 daily 02:00", "run on M1 hourly 02:00"),  # an unknown schedule keyword
        ("run on M1 daily 02:00", "run on M1 SCHEDULE daily 02:00"),  # in capitals, a member's name
    ],
)
def test_what_only_looks_like_a_phrasing_keeps_its_own_message(right, wrong):
    (d,) = diagnostics(JOB.replace(right, wrong))
    assert "is not a .bkr schedule" not in d.message and "each member" not in d.message


@pytest.mark.parametrize("schedule", ["daily 02:00", "weekly sun 02:00", "Monthly 1 02:00", "manual"])
def test_a_schedule_without_run_says_run_on_member_is_missing(schedule):
    """`daily 02:00` alone in a job, the `run on MEMBER` before it forgotten: one
    error that names `run` and the member, not "`daily` cannot appear here"."""
    (d,) = diagnostics(JOB.replace("run on M1 daily 02:00", schedule))
    assert d.code == "BKR004"
    assert d.message == (
        "a schedule is part of the `run` statement: `run` is missing, and so is the member the job runs on"
    )
    keyword = schedule.split()[0]
    if keyword == "manual":
        assert (d.span.line, d.span.end_column - d.span.column) == (10, len(keyword))
        assert d.help.startswith(f"write `run on MEMBER` before `{keyword.lower()}`,"), d.help
        assert "`run on each member`" in d.help
        return
    # a whole schedule (stop 69, h3): the statement written with the file's members
    # (was `run on MEMBER` before the keyword, the member M1 unsaid), its span the schedule
    assert (d.span.line, d.span.end_column - d.span.column) == (10, len(schedule))
    assert d.help == (
        f"write `run on MEMBER {schedule.lower()}` with the member's name, `on M1` (single-configuration users),"
        f" or `run on each member {schedule.lower()}` (IDENTITY users)"
    ), d.help


def test_a_schedule_without_run_whose_time_is_a_window_is_one_error():
    # was two errors, "`run` is missing" and then the window's; since stop 74 (h4's
    # `daily 02:00-04:00`, h12's `to` form: Recovery.window_alone) one says both, as the
    # `-` form's, its help writing the `run` with the start alone
    found = diagnostics(JOB.replace("run on M1 daily 02:00", "daily 02:00 to 04:00"))
    assert [d.message.split(";")[0] for d in found] == [
        "a schedule gives a start time, not a time window (`02:00 to 04:00`)",
    ]
    assert found[0].help.startswith("write `run on MEMBER daily 02:00` with the member's name, `on M1`")


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("multiconfiguration group", "identity"),
        ("Multi-Configuration group", "identity"),
        ("multiconfig user", "identity"),
        ("multi-config group", "identity"),
        ("single-configuration group", "single"),
        ("single-config user", "single"),
        ("singleconfig group", "single"),
        ("SingleConfiguration user", "single"),
    ],
)
def test_a_kind_in_zvm_words_is_one_error_whose_fix_writes_the_keyword(written, meant):
    """z/VM's books say multiconfiguration and single-configuration; .bkr says
    `identity` and `single`: one error (not "not a keyword" and a cascade) whose
    fix writes the keyword, and the line with it parses."""
    word, what = written.split()
    line = f"{written} G {{ A B }}" if what == "group" else f"{written} A, B"
    text = JOB.replace("job J {", f"{line}\n  job J {{")
    (d,) = diagnostics(text)
    assert d.code == "BKR012"
    assert d.message == f"`{word}` is z/VM's word for the kind; .bkr writes `{meant}`"
    assert (d.span.line, d.span.column, d.span.end_column) == (6, 3, 3 + len(word))
    assert d.help.startswith(f"write `{meant}`:")
    (edit,) = d.fix.edits
    assert edit.new_text == meant
    assert diagnostics(text.replace(word, meant)) == []


CLUSTER = """\
cluster A {
  member M1 { workers 2 }
  member M2 { workers 2 }
  catalog shared server FS1 pool P on M1
  tape manager shared catalog-node TC on M1 request-node TR
}
"""


@pytest.mark.parametrize(
    ("right", "wrong", "keyword", "name"),
    [
        ("catalog shared server FS1 pool P on M1", "catalog shared FS1 pool P on M1", "server", "FS1"),
        ("catalog shared server FS1 pool P on M1", "catalog shared server FS1 P on M1", "pool", "P"),
        (
            "tape manager shared catalog-node TC on M1 request-node TR",
            "tape manager shared TC on M1 request-node TR",
            "catalog-node",
            "TC",
        ),
    ],
)
def test_a_keyword_left_out_before_a_name_is_named_and_its_fix_writes_it(right, wrong, keyword, name):
    """Not "one word too many" with a help that deletes the name and the rest of
    the line: the one keyword that lets the line read, which it does not give later."""
    text = CLUSTER.replace(right, wrong)
    (d,) = diagnostics(text)
    assert d.message == f"`{keyword}` is missing before `{name}`"
    assert d.help == f"write `{keyword} {name}`"
    assert (d.span.line, d.span.column) == (text[: text.index(wrong)].count("\n") + 1, wrong.index(f" {name} ") + 4)
    (edit,) = d.fix.edits
    fixed = text[: edit.span.start] + edit.new_text + text[edit.span.end :]
    assert fixed == CLUSTER
    assert diagnostics(fixed) == []


@pytest.mark.parametrize("wrong", ["G full", "G, H incremental"])
def test_a_job_statement_without_its_keyword_is_named(wrong):
    """`LINUX full` on a job's line: `backup` left out (the only statement it reads as)."""
    text = JOB.replace("backup G full", wrong)
    (d,) = diagnostics(text)
    assert (d.message, d.help) == ("`backup` is missing before `G`", "write `backup G`")
    (edit,) = d.fix.edits
    assert diagnostics(text[: edit.span.start] + edit.new_text + text[edit.span.end :]) == []


def test_a_name_alone_on_a_job_line_is_not_given_a_keyword():
    (d,) = diagnostics(JOB.replace("backup G full", "G"))
    assert d.message == "`G` is not a keyword; a statement must start with one"


def test_a_name_where_several_keywords_fit_names_them_all():
    """`catalog shared FS1`: `server`, `pool` or `on` could come before it; no guess,
    but not "one word too many" either: the value's keyword is what is missing."""
    (d,) = diagnostics(CLUSTER.replace("catalog shared server FS1 pool P on M1", "catalog shared FS1"))
    assert d.message.startswith("`FS1` has no keyword before it")
    assert "`on FS1`, `pool FS1` or `server FS1`" in d.help
    assert d.fix is None


@pytest.mark.parametrize(
    ("right", "wrong", "meant"),
    [
        ("expire on M1 {", "expiration on M1 {", "expire"),
        ("purge weekly sun 03:00", "purge weekly sun 03:00\n    retention 35 days", "retain"),
    ],
)
def test_an_english_word_for_a_keyword_is_answered_with_the_keyword(right, wrong, meant):
    """Too far from the keyword to be a typo, but the same word in English."""
    (d,) = diagnostics(JOB.replace(right, wrong))
    word = wrong.split()[-3] if "retention" in wrong else wrong.split()[0]
    assert d.message == f"unknown keyword `{word}`; did you mean `{meant}`?"
    (edit,) = d.fix.edits
    assert edit.new_text == meant


# ------------------------------------------------------------ cascades
# One slip inside a statement used to give a second error on the same line, about
# a word the first repair had left behind.
CASCADES = [
    ("backup G full", "backups G full", "BKR012", "unknown keyword `backups`; did you mean `backup`?"),
    (
        "backup G full",
        "description Nightly full backup of G\n    backup G full",
        "BKR010",
        "the text after `description` is quoted",
    ),
    (
        "job J {",
        "job J {\n    description nightly # the text\n",
        "BKR010",
        "the text after `description` is quoted",
    ),
    (
        "member M1 { workers 2 }",
        "member M1 { workers 2 }\n  single grp G { A B }",
        "BKR004",
        "expected `group` or `user` after `single`, found `grp`",
    ),
]


@pytest.mark.parametrize(("right", "wrong", "code", "words"), CASCADES, ids=[c[1][:30] for c in CASCADES])
def test_one_slip_in_a_statement_is_one_error(right, wrong, code, words):
    found = diagnostics(JOB.replace(right, wrong, 1))
    assert [(d.code, d.message[: len(words)]) for d in found] == [(code, words)], [d.message for d in found]


def test_an_unquoted_description_is_quoted_in_the_help_without_its_comment():
    (d,) = diagnostics(JOB.replace("backup G full", "description Nightly  backup # of G\n    backup G full"))
    assert d.help == 'write `description "Nightly backup"`'


@pytest.mark.parametrize("wrong", ["fifth sunday of the month at 2am", "monthly 5th sun at 02:00"])
def test_a_fifth_weekday_in_english_is_the_last_and_says_why(wrong):
    """`fifth sunday of the month at 2am` is not `weekly sun` (every Sunday): the help
    writes the month's last Sunday, and says why not the fifth."""
    (d,) = diagnostics(JOB.replace("daily 02:00", wrong))
    assert d.help.startswith(
        "write `monthly last sun 02:00` (not every month has a fifth `sun`: `last` is its fourth or fifth)\n"
    ), d.help
    assert d.fix is None


@pytest.mark.parametrize(
    "wrong", ["to disk pool P\n    tape pool W", "to disk pool P tape pool W", "to disk pool P\n    tape"]
)
def test_a_medium_without_to_in_a_job_that_has_its_destination_says_so(wrong):
    """`tape pool W` under the job's `to disk pool P`: not a destination whose `to` was
    left out, whose fix (`to tape pool W`) would be a second destination (BKR115),
    but one too many. The error shows the job's destination, and the help says to
    keep one or write two jobs; no fix, as bkrc cannot know which was meant."""
    text = JOB.replace("to disk pool P", wrong)
    (d,) = diagnostics(text)
    assert d.code == "BKR004"
    assert d.message.startswith("a job has one destination, and this one has `to disk pool P` already"), d.message
    assert d.fix is None
    assert [r.span.line for r in d.related] == [9]
    assert "write two jobs, the same but for their names and their `to`" in d.help, d.help
    assert "in place of `to disk pool P`" in d.help, d.help


def test_a_second_destination_after_other_statements_shows_the_first_alone():
    text = JOB.replace("to disk pool P\n", "to disk pool P\n    description \"x\"\n    tape pool W\n")
    (d,) = diagnostics(text)
    assert d.message.startswith("a job has one destination, and this one has `to disk pool P` already"), d.message


def test_a_medium_without_to_in_a_job_without_a_destination_is_still_the_to_left_out():
    (d,) = diagnostics(JOB.replace("to disk pool P", "tape pool W"))
    assert d.message == "a job's destination starts with `to`: `to tape`" and d.fix is not None


@pytest.mark.parametrize("wrong", ["volume T00001", "to disk pool P volume T00001"])
def test_volume_in_a_job_offers_no_volume_keyword_of_another_block(wrong):
    """A tape volume named in a job: `private-volume` and `shared-volume` start no
    statement of a job (a member's and the cluster's), so neither is offered; the
    help lists the job's statements."""
    text = JOB.replace("to disk pool P", "to disk pool P\n    volume T00001" if wrong == "volume T00001" else wrong)
    (d,) = diagnostics(text)
    assert d.code == "BKR012" and "private-volume" not in d.message + d.help, (d.message, d.help)
    assert d.message == "`volume` is not a keyword; a statement must start with one"


@pytest.mark.parametrize("setting", ["label SL", "expdt 30", "retpd 30", "density 6250", "DENSITY", "Label SL  # standard labels"])
def test_a_tape_s_own_setting_in_a_job_is_said_to_be_tape_manager_s(setting):
    """`label SL`, `expdt 30`, `retpd 30`, `density 6250` in a job (JCL's words for a
    tape's labels, expiry and density): still BKR012, but the help says they are Tape
    Manager's own configuration (docs/language.md, tape), not the job's statements
    (`density` was even `did you mean identity?`, whose fix wrote a cluster keyword)."""
    text = JOB.replace("to disk pool P", f"to tape pool P\n    {setting}")
    (d,) = diagnostics(text)
    word = setting.split()[0]
    assert d.code == "BKR012" and d.fix is None
    assert d.message == f"`{word}` is not a keyword; a statement must start with one", d.message
    assert d.help == (
        "a tape's volume labels, density and retention are Tape Manager's own configuration, not a job's"
        " (docs/language.md, tape): a job names its tape pool alone, `to tape pool NAME`"
    )


def test_a_tape_setting_outside_a_job_keeps_the_block_s_help():
    """Only a job names a tape pool: elsewhere the word is answered as before."""
    text = JOB.replace("to disk pool P", "to disk pool P\n  }\n  label SL\n  job K {\n    to tape")
    found = diagnostics(text)
    assert [d.code for d in found] == ["BKR012"]
    assert "Tape Manager" not in found[0].help
