"""`monthly last-day HH:MM`: the month's last day, whichever of the 28th to the 31st
it is, from text to model (both parsers alike), in the checks that compare schedules
(BKR402, BKR403, BKR405: it is taken as any of the 28th to the 31st, any weekday),
BKR404 (never: it runs every month), BKR314, the formatter, `bkrc show`'s label and
the help of `last day of the month`, which now writes it. BKRSUBMT's and BKREXPIR's
DUE decision under Regina: tests/test_regina.py (tests/cms/clusters/monthend.bkr)."""

from __future__ import annotations

import pytest
from test_nth_weekday import CLUSTER

from bkrdsl import show
from bkrdsl.emit.rexx import _schedule_codes
from bkrdsl.fixes import apply
from bkrdsl.fmt import format_text
from bkrdsl.pipeline import analyse
from bkrdsl.resolve.model import timing
from bkrdsl.source import Source
from bkrdsl.syntax import fast, read_module


def cluster(one: str, two: str = "manual", purge: str = "weekly wed 12:00") -> str:
    return CLUSTER.replace("PURGE", purge).replace("ONE", one).replace("TWO", two)


def codes(one: str, two: str = "manual", purge: str = "weekly wed 12:00") -> list[str]:
    analysis = analyse("t.bkr", cluster(one, two, purge).encode())
    assert analysis.ok, [f"{d.code} {d.message}" for d in analysis.diagnostics if d.is_error]
    return [d.code for d in analysis.diagnostics]


def test_both_parsers_read_it_and_the_model_times_it(monkeypatch):
    text = cluster("monthly last-day 23:00", "monthly 15 02:00", "monthly LAST-DAY 06:00")
    module = fast.read(Source.of("t.bkr", text))
    assert module is not None, "left to Lark"
    monkeypatch.setenv("BKRDSL_PARSER", "lark")
    assert read_module(Source.of("t.bkr", text)) == (module, [])
    (c,) = module.clusters
    end = c.jobs[0].runs[0].schedule
    (purge,) = c.expires[0].purges
    assert (end.ordinal, [d.text for d in end.days], end.time.text) == (None, ["last-day"], "23:00")
    assert (timing(end).label, timing(end).hhmm, timing(end).days) == ("monthly last-day", "23:00", ("LAST-DAY",))
    assert timing(purge).days == ("LAST-DAY",)
    assert _schedule_codes(end) == ("23:00 MONTHLY LAST-DAY", "monthly last-day 23:00")


def test_it_compiles_clean_and_is_no_short_month():
    """`monthly last-day` runs every month: no BKR404 (which `monthly 31` gets), no BKR314."""
    assert codes("monthly last-day 23:00") == []
    assert codes("monthly Last-Day 23:00", purge="monthly last-day 06:00") == []


@pytest.mark.parametrize(
    ("two", "clash"),
    [
        ("monthly last-day 23:00", True),
        ("monthly 31 23:00", True),  # in a 31-day month
        ("monthly 30 23:00", True),
        ("monthly 28 23:00", True),  # in a February of 28 days
        ("monthly 27 23:00", False),
        ("monthly 1 23:00", False),
        ("daily 23:00", True),
        ("weekly sun 23:00", True),  # the month's last day falls on every weekday some month
        ("monthly last sun 23:00", True),  # 22-31 and 28-31
        ("monthly fourth sun 23:00", True),  # the 28th of a February of 28 days
        ("monthly third sun 23:00", False),  # 15-21
        ("monthly last-day 23:30", False),
    ],
)
def test_same_minute_takes_it_as_the_28th_to_the_31st(two, clash):
    found = codes("monthly last-day 23:00", two)
    assert ("BKR402" in found) == clash, found
    assert "BKR314" not in found


@pytest.mark.parametrize(
    ("job", "purge", "clash"),
    [
        ("monthly last-day 02:00", "monthly last-day 02:30", True),
        ("monthly 31 02:00", "monthly last-day 02:30", True),
        ("monthly 15 02:00", "monthly last-day 02:30", False),
        # a backup late on the month's last day runs on into the 1st
        ("monthly last-day 23:30", "monthly 1 00:10", True),
        ("monthly last-day 23:30", "monthly first sun 00:10", True),
        ("monthly last-day 23:30", "monthly 2 00:10", False),
        # and one late on the day before it into the last day
        ("monthly 27 23:30", "monthly last-day 00:10", True),
        ("monthly 20 23:30", "monthly last-day 00:10", False),
    ],
)
def test_purge_during_backup_knows_the_month_s_last_day_and_the_day_after(job, purge, clash):
    found = codes(job, "manual", purge)
    assert ("BKR403" in found) == clash, found


def test_two_full_jobs_of_the_same_users_on_the_month_s_last_day_and_the_31st_are_compared():
    """BKR405: `monthly 31` and `monthly last-day` back up the same users twice on the
    31st; `monthly 27` and `monthly last-day` never run on one day."""
    text = cluster("monthly last-day 22:00", "monthly 31 23:00").replace("backup DBS full", "backup APPS full")
    assert "BKR405" in [d.code for d in analyse("t.bkr", text.encode()).diagnostics]
    text = cluster("monthly last-day 22:00", "monthly 27 23:00").replace("backup DBS full", "backup APPS full")
    assert "BKR405" not in [d.code for d in analyse("t.bkr", text.encode()).diagnostics]


def test_the_short_month_warning_offers_it():
    text = cluster("monthly 31 02:00")
    (d,) = analyse("t.bkr", text.encode()).diagnostics
    assert d.code == "BKR404"
    assert "or `monthly last-day 02:00` for the month's last day" in d.help
    assert analyse("t.bkr", text.replace("monthly 31", "monthly last-day").encode()).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_monthly_last_day_in_two_words_is_one_error_whose_fix_writes_one(monkeypatch, parser):
    """`monthly last day 23:00` reads `day` as `monthly last`'s weekday: one error that
    says the month's last day is `last-day`, whose fix writes it (it was "`day` is not
    a day of the week", the help listing the weekdays)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = cluster("monthly last day 23:00")
    (d,) = analyse("t.bkr", text.encode()).diagnostics
    assert d.code == "BKR314"
    assert "the month's last day is written `monthly last-day`" in d.message
    assert d.help == "write `monthly last-day 23:00`"
    fixed = apply(text, [d])
    assert "run on VMSYS1 monthly last-day 23:00" in fixed
    assert analyse("t.bkr", fixed.encode()).ok


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_the_time_before_it_is_one_error_whose_fix_swaps_them(monkeypatch, parser):
    """`monthly 23:00 last-day`: one error (was two: `23:00` no day, `last-day` no time)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = cluster("monthly 23:00 last-day")
    (d,) = analyse("t.bkr", text.encode()).diagnostics
    assert (d.code, d.help) == ("BKR314", "write the day first: `monthly last-day 23:00`")
    assert "run on VMSYS1 monthly last-day 23:00" in apply(text, [d])


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_misspelt_last_day_says_it_is_a_day_of_the_month(monkeypatch, parser):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = cluster("monthly last-dy 23:00")
    (d,) = analyse("t.bkr", text.encode()).diagnostics
    # the help wrote `last-day` alone, without a fix: now the schedule, and the fix
    assert (d.code, d.help) == ("BKR314", "write `monthly last-day 23:00`")
    assert "run on VMSYS1 monthly last-day 23:00" in apply(text, [d])


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "code", "fixed"),
    [
        ("last day of month 23:00", "BKR012", True),
        ("on the last day of the month at 23:00", "BKR012", True),
        ("monthly last day of month 23:00", "BKR004", True),
        ("every month on the last day at 11pm", "BKR012", True),
        ("on the last day at 23:00", "BKR012", False),  # of the week, or of the month?
    ],
)
def test_the_last_day_of_the_month_in_english_is_answered_with_it(monkeypatch, parser, written, code, fixed):
    """The help of `last day of month` wrote `monthly 28` or `monthly 1`: now `monthly
    last-day`, fixed where the month is named and the time given."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = cluster(written)
    (d,) = analyse("t.bkr", text.encode()).diagnostics
    assert d.code == code
    assert d.help.startswith("write `monthly last-day 23:00`, the month's last day, whichever of the 28th to the 31st")
    assert "`monthly last-day HH:MM`" in d.help  # among the forms of a schedule
    assert (d.fix is not None) == fixed
    if fixed:
        out = apply(text, [d])
        assert "run on VMSYS1 monthly last-day 23:00" in out
        assert analyse("t.bkr", out.encode()).diagnostics == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_fmt_writes_it_in_small_letters_and_keeps_it(monkeypatch, parser):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = cluster("monthly   Last-Day   23:00", "monthly 15 02:00", "Monthly LAST-DAY 06:00")
    out = format_text(text)
    assert "purge monthly last-day 06:00" in out
    assert "run on VMSYS1 monthly last-day 23:00" in out
    assert format_text(out) == out


def test_show_lists_it_on_one_line():
    # The schedule column is wide enough for `monthly last-day` (show.SCHEDULE_WIDTH); it
    # folded to `monthly` above `last-day` once, in every table of a cluster that had one.
    text = cluster("monthly last-day 23:00", "daily 03:00", "monthly last-day 06:00")
    lines = show.text(show.view(analyse("t.bkr", text.encode()).model)).splitlines()
    (apps,) = [n for n, line in enumerate(lines) if " APPSFULL " in line]
    assert lines[apps].split()[:3] == ["23:00", "monthly", "last-day"]
    assert "last-day" not in lines[apps + 1]
    (purge,) = [n for n, line in enumerate(lines) if line.split()[-1:] == ["purge"]]
    assert lines[purge].split() == ["06:00", "monthly", "last-day", "purge"]
