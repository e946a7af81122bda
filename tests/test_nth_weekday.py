"""`monthly first|second|third|fourth|last DAY HH:MM`: the Nth (or last) weekday of
the month, from text to model (both parsers alike), in the checks that compare
schedules (BKR402, BKR403: `first` is days 1-7 ... `fourth` 22-28, `last` 22-31),
BKR314, the formatter and `bkrc show`'s label."""

from __future__ import annotations

import pytest

from bkrdsl import show
from bkrdsl.fixes import apply
from bkrdsl.fmt import format_text
from bkrdsl.pipeline import analyse
from bkrdsl.resolve.model import timing
from bkrdsl.source import Source
from bkrdsl.syntax import fast, read_module

CLUSTER = """\
import std/backup-manager
cluster PRODSSI {
  member VMSYS1 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VMSYS1 { purge PURGE  retain 35 days }
  single group APPS { LINUX01 }
  single group DBS { LINUX02 }
  job APPSFULL { backup APPS full  include minidisk * *  to disk  run on VMSYS1 ONE }
  job DBSFULL { backup DBS full  include minidisk * *  to disk  run on VMSYS1 TWO }
}
"""


def codes(one: str, two: str, purge: str = "weekly wed 12:00") -> list[str]:
    text = CLUSTER.replace("PURGE", purge).replace("ONE", one).replace("TWO", two)
    analysis = analyse("t.bkr", text.encode())
    assert analysis.ok, [f"{d.code} {d.message}" for d in analysis.diagnostics if d.is_error]
    return [d.code for d in analysis.diagnostics]


@pytest.mark.parametrize(
    ("one", "two", "clash"),
    [
        ("monthly first sun 02:00", "monthly first sun 02:00", True),
        ("monthly fourth sun 02:00", "monthly last sun 02:00", True),  # 22-28 and 22-31
        ("monthly first sun 02:00", "monthly last sun 02:00", False),
        ("monthly first sun 02:00", "monthly second sun 02:00", False),
        ("monthly first sun 02:00", "monthly first mon 02:00", False),
        ("monthly first sun 02:00", "weekly sun 02:00", True),
        ("monthly first sun 02:00", "weekly mon,sat 02:00", False),
        ("monthly first sun 02:00", "daily 02:00", True),
        ("monthly first sun 02:00", "monthly 7 02:00", True),
        ("monthly first sun 02:00", "monthly 8 02:00", False),
        ("monthly last sun 02:00", "monthly 31 02:00", True),
        ("monthly last sun 02:00", "monthly 21 02:00", False),
        ("monthly first sun 02:00", "monthly first sun 03:00", False),
    ],
)
def test_same_minute_knows_the_days_the_nth_weekday_falls_on(one, two, clash):
    found = codes(one, two)
    assert ("BKR402" in found) == clash, found
    assert "BKR314" not in found


@pytest.mark.parametrize(
    ("job", "purge", "clash"),
    [
        ("monthly last sun 02:00", "monthly last sun 02:30", True),
        ("monthly last sun 02:00", "monthly first sun 02:30", False),
        # a backup late on the fourth Saturday runs on into the Sunday after (23rd-29th)
        ("monthly fourth sat 23:30", "monthly last sun 00:10", True),
        ("monthly first sat 23:30", "monthly last sun 00:10", False),
        # the day after the last Saturday may be the 1st: a first Sunday
        ("monthly last sat 23:30", "monthly first sun 00:10", True),
        ("monthly third sat 23:30", "monthly first sun 00:10", False),
    ],
)
def test_purge_during_backup_knows_the_nth_weekday_and_the_day_after(job, purge, clash):
    found = codes(job, "manual", purge)
    assert ("BKR403" in found) == clash, found


def test_both_parsers_read_the_ordinal_and_the_day(monkeypatch):
    text = CLUSTER.replace("PURGE", "monthly Last SUNDAY 06:00").replace("ONE", "monthly first sun 02:00")
    text = text.replace("TWO", "monthly 15 02:00")
    module = fast.read(Source.of("t.bkr", text))
    assert module is not None, "left to Lark"
    monkeypatch.setenv("BKRDSL_PARSER", "lark")
    assert read_module(Source.of("t.bkr", text)) == (module, [])
    (cluster,) = module.clusters
    first, fifteenth = (job.runs[0].schedule for job in cluster.jobs)
    (purge,) = cluster.expires[0].purges
    assert (first.ordinal.text, [d.text for d in first.days], first.time.text) == ("first", ["sun"], "02:00")
    assert fifteenth.ordinal is None
    assert purge.ordinal.text == "Last"
    assert text[purge.ordinal.span.start : purge.ordinal.span.end] == "Last"
    assert (timing(first).label, timing(first).hhmm) == ("monthly first sun", "02:00")
    assert timing(purge).label == "monthly last sun"
    assert timing(purge).days == ("LAST", "SUN")


@pytest.mark.parametrize(
    ("schedule", "message", "meant"),
    [
        ("monthly first sunny 02:00", "`sunny` is not a day of the week: `monthly first` takes one", "sun"),
        ("monthly last 02:00 sat", "the time `02:00` is written before the day `sat`", "monthly last sat 02:00"),
    ],
)
def test_a_bad_day_of_the_nth_weekday_is_bkr314(schedule, message, meant):
    text = CLUSTER.replace("PURGE", "weekly wed 12:00").replace("ONE", schedule).replace("TWO", "manual")
    diags = [d for d in analyse("t.bkr", text.encode()).diagnostics if d.severity.name == "ERROR"]
    assert [d.code for d in diags] == ["BKR314"], diags
    assert message in diags[0].message
    assert meant in diags[0].help


def test_fmt_writes_the_ordinal_and_the_day_in_small_letters():
    text = CLUSTER.replace("PURGE", "Monthly LAST Sunday 06:00").replace("ONE", "monthly  First SUN   02:00")
    text = text.replace("TWO", "manual")
    out = format_text(text)
    assert "monthly last sunday 06:00" in out
    assert "monthly first sun 02:00" in out


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_numbered_ordinal_is_one_error_whose_fix_writes_the_word(monkeypatch, parser):
    """`monthly 1st sun 02:00` read `1st` as the day of the month, `sun` as the time and
    `02:00` as a value without its keyword (`backup 02:00`!): one error, whose fix writes
    `first`, after which the file compiles."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = CLUSTER.replace("PURGE", "weekly wed 12:00").replace("ONE", "monthly 1st sun 02:00")
    text = text.replace("TWO", "manual")
    (d,) = analyse("t.bkr", text.encode()).diagnostics
    assert "is written `monthly first sun`" in d.message
    assert d.help.startswith("write `monthly first sun 02:00`")
    fixed = apply(text, [d])
    assert "run on VMSYS1 monthly first sun 02:00" in fixed
    assert analyse("t.bkr", fixed.encode()).ok


def test_show_folds_a_long_monthly_label_at_a_blank():
    """`bkrc show`'s schedule column is 15 wide: `monthly second tue` folds at its blank,
    and the columns after it keep their place (the label pushed the `to` column into
    `backs up`: `disk pool BKUPPOOLWEB`)."""
    text = CLUSTER.replace("PURGE", "weekly wed 12:00").replace("ONE", "monthly second tue 02:00")
    text = text.replace("TWO", "daily 03:00")
    lines = show.text(show.view(analyse("t.bkr", text.encode()).model)).splitlines()
    (apps,) = [n for n, line in enumerate(lines) if " APPSFULL " in line]
    (dbs,) = [n for n, line in enumerate(lines) if " DBSFULL " in line]
    assert lines[apps].split()[1:3] == ["monthly", "second"]
    assert lines[apps + 1].split()[0] == "tue"
    assert lines[apps].index("APPSFULL") == lines[dbs].index("DBSFULL")


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "day"), [("fifth", "sun"), ("5th", "sun"), ("Fifth", "SAT"), ("5TH", "sunday")]
)
def test_a_fifth_weekday_is_one_error_whose_help_writes_the_last(monkeypatch, parser, written, day):
    """`monthly fifth sun 06:00`: not every month has a fifth Sunday, so the language
    has no `fifth`. One error on the ordinal that says so (not `06:00` starting no
    statement), the same under both parsers, whose help writes `monthly last`; no fix,
    as `last` (the fourth or the fifth) is not what was written."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = CLUSTER.replace("PURGE", f"monthly {written} {day} 06:00").replace("ONE", "manual")
    text = text.replace("TWO", "manual")
    (d,) = analyse("t.bkr", text.encode()).diagnostics
    assert d.code == "BKR004"
    assert d.message == (
        f"there is no `monthly {written} {day}`: not every month has a fifth `{day}`"
    )
    at = text.index(f"monthly {written}") + len("monthly ")
    assert (d.span.start, d.span.end) == (at, at + len(written))
    assert d.help == (
        f"write `monthly last {day} 06:00` for the month's last `{day}`, its fourth or fifth"
        " (the ordinals are first, second, third, fourth and last)"
    )
    assert d.fix is None
    meant = text.replace(f"monthly {written} {day}", f"monthly last {day}")
    assert analyse("t.bkr", meant.encode()).ok


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("written", "word"), [("fifth", None), ("5th", None), ("1st", "first"), ("4TH", "fourth")])
def test_an_ordinal_without_the_time_is_one_error_on_the_ordinal(monkeypatch, parser, written, word):
    """`monthly fifth sun`, `monthly 1st sun`, the time left off: the ordinal read as
    the day of the month and the weekday as the time is one error on the ordinal (not
    a day that is no day of the month and a time that is no time), whose help writes
    `HH:MM`: for the fifth, the month's last; for 1st to 4th, the word, which a fix
    writes (not `monthly 1`)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = CLUSTER.replace("PURGE", f"monthly {written} sun").replace("ONE", "manual")
    text = text.replace("TWO", "manual")
    (d,) = analyse("t.bkr", text.encode()).diagnostics
    assert d.code == "BKR314"
    at = text.index(f"monthly {written}") + len("monthly ")
    assert (d.span.start, d.span.end) == (at, at + len(written))
    if word is None:
        assert d.message == f"there is no `monthly {written} sun`: not every month has a fifth `sun`"
        assert d.help.startswith("write `monthly last sun HH:MM` for the month's last `sun`, its fourth or fifth")
        assert d.fix is None
    else:
        assert d.message.startswith(f"the {word} `sun` of the month is written `monthly {word} sun`")
        assert d.help.startswith(f"write `monthly {word} sun HH:MM`")
        assert f"monthly {word} sun" in apply(text, [d])
