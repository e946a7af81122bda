"""A misplaced statement's own slips are said once, as its home block says them (homed.py).

`retain 35` (its `days` left out) was reported three ways by where it stood: in an
expire block, BKR004 "expected `days` after `35`" with its fix; in the cluster after
a block's `}`, BKR013 and BKR004 "..., found `tape`" (the next line's word); in a job,
a member or at the top level, BKR013 alone. Now, wherever it is misplaced, with both
parsers: BKR013 at its keyword, then exactly what its home says of its words, at the
same columns, with the same helps and fixes, the line's end said as such ("found the
end of the line", not the next line's word). Moving it (BKR013's help) and applying the
fixes mend the file.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from bkrdsl.source import Source
from bkrdsl.syntax import read_module
from bkrdsl.syntax.homes import STATEMENT_HOMES

BASE = (ROOT / "examples" / "prodssi.bkr").read_text(encoding="utf-8")

#: Where a statement is written, misplaced or at home: (the clean text, the text with
#: the statement, `{}`, on a line of its own; the kind of block it is then in).
PLACES = {
    "top level": ("import std/zvm73\n", "import std/zvm73\n{}\n", None),
    "after the cluster": ("  }\n}\n", "  }\n}\n{}\n", None),
    "cluster": ("  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n",
                "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n  {}\n", "cluster"),
    "cluster after a block": ("  tape manager shared", "  {}\n  tape manager shared", "cluster"),
    "member": ("    workers 4\n", "    workers 4\n    {}\n", "member"),
    "expire": ("    purge weekly sun 03:00\n", "    purge weekly sun 03:00\n    {}\n", "expire"),
    "job": ("    backup APPS full\n", "    backup APPS full\n    {}\n", "job"),
}
#: Where each kind of block takes a statement as its last line, before its `}`.
HOMES = {
    "cluster": ("    run on each member monthly last-day 20:00\n  }\n}\n",
                "    run on each member monthly last-day 20:00\n  }\n  {}\n}\n"),
    "member": ("    exclude minidisk LNX* 0192  # the Linux guests' scratch disks are not worth keeping\n",
               "    exclude minidisk LNX* 0192  # the Linux guests' scratch disks are not worth keeping\n    {}\n"),
    "expire": ("    retain 35 days\n", "    retain 35 days\n    {}\n"),
    "job": ("    run on VMSYS1 daily 02:00\n", "    run on VMSYS1 daily 02:00\n    {}\n"),
}  # fmt: skip

#: A statement with a slip of its own: a unit or a value left out, a keyword misspelt or
#: left out, and the code its home gives it.
# fmt: off
SLIPPED = [
    ("retain 35", "BKR004"), ("retain 35 dayz", "BKR012"), ("preview daily", "BKR010"),
    ("purge weekly sun", "BKR010"), ("purge weekly 03:00", "BKR010"),
    ("private-volume M5PRV1 tape-drives", "BKR004"), ("job-suffix C D", "BKR004"), ("run on VMSYS1 daily", "BKR010"),
    ("run VMSYS1 daily 02:00", "BKR004"), ("backup APPS ful", "BKR012"), ("to disk pool", "BKR010"),
    ("to tapes", "BKR012"), ("include minidisk *", "BKR010"), ("exclude minidisk *", "BKR010"),
    ("disk BKRBKUP 191 size 10", "BKR010"), ("disk BKRBKUP 191", "BKR004"), ("catalog shared server", "BKR010"),
    ("tape manager shard", "BKR012"), ("shared-volume VMCOM2 +", "BKR003"),
]
# fmt: on


#: Statements read otherwise there: `to disk pool` in the cluster is `disk` with `to`
#: before it (BKR004, "the wrong way round"); a member takes `include` (the checker's
#: BKR117 says it may only exclude).
READ_OTHERWISE = {("to disk pool", "cluster"), ("include minidisk *", "member")}


def read(text: str) -> list:
    return read_module(Source.of("prodssi.bkr", text))[1]


def written(place: dict, name: str, statement: str) -> tuple[str, int]:
    """BASE with `statement` written at `place[name]`, and the offset of its keyword."""
    clean, text, *_ = place[name]
    assert BASE.count(clean) >= 1
    at = BASE.index(clean) + text.index("{}")
    return BASE.replace(clean, text.replace("{}", statement), 1), at


def said(diagnostics, at: int, text: str) -> list[tuple]:
    """What is said of the statement whose keyword is at offset `at`: each diagnostic on
    its line, its column from the keyword, and its fix applied to the line."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    found = []
    for d in diagnostics:
        if not start <= d.span.start <= end:
            continue
        mended = None
        if d.fix is not None:
            line = text
            for edit in sorted(d.fix.edits, key=lambda e: -e.span.start):
                line = line[: edit.span.start] + edit.new_text + line[edit.span.end :]
            mended = line[start : line.find("\n", at)].strip()
        found.append((d.code, d.span.start - at, d.span.end - d.span.start, d.message, d.help, mended))
    return found


def home_of(statement: str) -> str:
    return STATEMENT_HOMES[statement.split()[0]][0]


#: Each slipped statement in each place where it is misplaced.
MISPLACED = [
    (statement, code, place)
    for statement, code in SLIPPED
    for place, (_clean, _written, kind) in PLACES.items()
    if kind not in STATEMENT_HOMES[statement.split()[0]] and (statement, kind) not in READ_OTHERWISE
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("statement", "code", "place"), MISPLACED, ids=[f"{s}-{p}" for s, _, p in MISPLACED])
def test_a_misplaced_statement_says_its_own_slips_as_its_home_does(statement, code, place, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    home = home_of(statement)
    text, at = written(PLACES, place, statement)
    got = said(read(text), at, text)
    assert got and got[0][:2] == ("BKR013", 0), got
    home_text, home_at = written(HOMES, home, statement)
    ended = "found the end of the file" if place == "after the cluster" else "found the end of the line"
    expected = [
        (c, column, width, message.replace("found `}`", ended), help_, mended)
        for c, column, width, message, help_, mended in said(read(home_text), home_at, home_text)
    ]
    assert got[1:] == expected
    assert [c for c, *_ in expected][:1] == [code]
    assert not any(re.search(r"found `(cluster|tape|private-volume|backup|import|\})`", g[3]) for g in got)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_retain_cut_short_is_said_alike_in_every_place(parser, monkeypatch):
    # In its expire block, one BKR004 with its fix; misplaced in the cluster after a
    # `}`, at the top level, in a member or a job, BKR013 and that very BKR004 (was
    # "..., found `tape`" in the cluster, and nothing at the top level or in a block);
    # the file's last line, the end of the file found
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    slip = ("BKR004", 7, 2, "expected `days` after `35`, found the end of the line", "write `days` after `35`", "retain 35 days")
    for place in ("top level", "after the cluster", "cluster after a block", "member", "job"):
        text, at = written(PLACES, place, "retain 35")
        got = said(read(text), at, text)
        assert [g[:2] for g in got] == [("BKR013", 0), ("BKR004", 7)], place
        ended = slip[3].replace("line", "file") if place == "after the cluster" else slip[3]
        assert got[1] == (*slip[:3], ended, *slip[4:]), place
        # the fix certain, BKR013's help writes the statement out whole
        assert got[0][4].endswith("; written whole: `retain 35 days`"), place
    text, at = written(HOMES, "expire", "retain 35")
    assert said(read(text), at, text) == [(*slip[:3], "expected `days` after `35`, found `}`", *slip[4:])]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_misplaced_statement_is_written_whole_only_where_its_mends_are_certain(parser, monkeypatch):
    # `disk BKRBKUP 191 size 10` in a job: its unit is a choice (no fix), so BKR013's
    # help does not write it whole; `backup APPS ful` there is `backup APPS full`
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    wholes = {}
    for statement in ("disk BKRBKUP 191 size 10", "retain 35 dayz", "retain 35 days", "preview dayly 01:00"):
        text, at = written(PLACES, "job", statement)
        wholes[statement] = said(read(text), at, text)[0][4].partition("; written whole: ")[2]
    assert wholes == {
        "disk BKRBKUP 191 size 10": "",
        "retain 35 dayz": "`retain 35 days`",
        "retain 35 days": "",  # nothing to mend: BKR013's help as it was
        "preview dayly 01:00": "`preview daily 01:00`",
    }


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("place", PLACES)
def test_a_misplaced_keyword_alone_is_one_error(place, parser, monkeypatch):
    # A keyword being typed, nothing after it yet: its BKR013 says all there is to say
    # (not also "expected a number of days after `retain`")
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    for keyword in ("retain", "workers", "private-volume", "match", "run", "backup"):
        if PLACES[place][2] in STATEMENT_HOMES[keyword]:
            continue
        text, at = written(PLACES, place, keyword)
        assert [g[:2] for g in said(read(text), at, text)] == [("BKR013", 0)], keyword


#: A block's opening line cut short, its `{` (or its last words) not yet typed.
CUT_SHORT_OPENINGS = ("job J", "member M", "expire on DEV1", "expire on", "single group G", "identity group G")


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("place", PLACES)
def test_a_misplaced_block_opening_cut_short_is_one_error(place, parser, monkeypatch):
    # `job J` alone on its line where no job goes: being typed, as `job` alone is, its
    # BKR013 says all there is to say (not also "expected `{` after `job J`", BKR011)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    for opening in CUT_SHORT_OPENINGS:
        keyword = opening.split()[0]
        if PLACES[place][2] in STATEMENT_HOMES[keyword] or (keyword in ("single", "identity") and not PLACES[place][2]):
            continue  # at home there (a group is the top level's own too)
        text, at = written(PLACES, place, opening)
        assert [g[:2] for g in said(read(text), at, text)] == [("BKR013", 0)], opening


#: A block's opening line cut short, a word of it left out, misspelt or out of order
#: too, and the opening its home takes, written whole.
MENDED_OPENINGS = {
    "expire DEV1": "expire on DEV1 { ... }",
    "expire onn DEV1": "expire on DEV1 { ... }",
    "expire DEV1 on": "expire on DEV1 { ... }",
    "single grop G": "single group G { ... }",
}


#: Each such opening in each place where it is misplaced (a group is the top level's own too).
MENDED_MISPLACED = [
    (opening, place)
    for opening in MENDED_OPENINGS
    for place, (_clean, _written, kind) in PLACES.items()
    if kind not in STATEMENT_HOMES[opening.split()[0]] and (kind or opening.split()[0] != "single")
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("opening", "place"), MENDED_MISPLACED, ids=[f"{o}-{p}" for o, p in MENDED_MISPLACED])
def test_a_misplaced_block_opening_cut_short_and_slipped_is_one_error_that_writes_it_whole(
    opening, place, parser, monkeypatch
):
    # `expire DEV1` in a job was three errors: BKR004 "expected `on` after `expire`",
    # BKR013, and BKR011 "expected `{` after the block". The statement is misplaced:
    # its BKR013 alone, whose help writes the opening as its home takes it
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, at = written(PLACES, place, opening)
    got = said(read(text), at, text)
    assert [g[:2] for g in got] == [("BKR013", 0)], got
    assert got[0][4].endswith(f"; written whole: `{MENDED_OPENINGS[opening]}`")


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_misplaced_block_opening_with_a_word_too_many_still_says_it(parser, monkeypatch):
    # `job J K` in a job is no line cut short: the `{` missing before `K` is said
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, at = written(PLACES, "job", "job J K")
    assert [g[:4] for g in said(read(text), at, text)] == [
        ("BKR013", 0, 3, "`job` cannot appear inside a `job` block"),
        ("BKR011", 4, 1, "expected `{` after `job J`, found `K`"),
    ]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_misplaced_statement_whose_block_opens_on_the_next_line_is_read_as_it_was(parser, monkeypatch):
    # `expire on VMSYS2` with its `{` on the line below, in a job: no "expected `{`"
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, at = written(PLACES, "job", "expire on VMSYS2\n    { retain 30 days }")
    assert [g[:2] for g in said(read(text), at, text)] == [("BKR013", 0)]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_misplaced_statement_s_option_line_is_its_own(parser, monkeypatch):
    # `tape manager ...` in a job, its `request-node` on the line below with its name
    # left out: the option line goes on with the statement, its slip said as at home
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, at = written(PLACES, "job", "tape manager shared catalog-node TCTMM on VMSYS1\n      request-node")
    found = [(d.code, d.span.line, d.message) for d in read(text) if d.span.start >= at]
    line = text.count("\n", 0, at) + 1
    assert found == [
        ("BKR013", line, "`tape` cannot appear inside a `job` block"),
        ("BKR010", line + 1,
         "expected the Tape Manager request nodes' machine name after `request-node`, found the end of the line"),
    ]  # fmt: skip


#: A statement cut short in its home block, the next line's statement keyword after it.
# fmt: off
CUT_SHORT_AT_HOME = [
    ("    retain 35 days\n", "    retain 35\n    preview daily 01:00\n", "BKR004", "expected `days` after `35`"),
    ("    purge weekly sun 03:00\n", "    purge weekly sun\n", "BKR010", "expected a time of day (HH:MM) after `weekly sun`"),
    ("  job APPSFULL {\n", '  job APPSFULL\n  # its brace left out\n  description "x"\n', "BKR011", "expected `{` after `job APPSFULL`"),
    ("  disk BKRBKUP 191 size 10 cyl\n", "  disk BKRBKUP 191 size 10\n", "BKR010", "expected a unit (cyl) after `size 10`"),
    ("    workers 4\n    private", "    workers\n    private", "BKR010", "expected the number of worker machines after `workers`"),
]
# fmt: on


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("clean", "written", "code", "expected"), CUT_SHORT_AT_HOME)
def test_a_statement_cut_short_at_home_finds_the_end_of_its_line(clean, written, code, expected, parser, monkeypatch):
    # In its home block, `retain 35` above `preview daily 01:00` said "found `preview`",
    # the next line's word; misplaced, "found the end of the line": now alike
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    found = read(BASE.replace(clean, written, 1))
    assert [(d.code, d.message) for d in found][:1] == [(code, f"{expected}, found the end of the line")]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_word_found_on_the_statement_s_own_line_is_still_named(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    found = read(BASE.replace("    retain 35 days\n", "    retain 35 preview\n", 1))
    assert [(d.code, d.message) for d in found][:1] == [("BKR004", "expected `days` after `35`, found `preview`")]


# --- h3 (stop 62)
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("place", ["cluster", "cluster after a block", "member", "expire"])
def test_a_misplaced_statement_s_choices_edit_its_own_words(place, parser, monkeypatch):
    # `run on VMSYS1 daily sun 02:00` out of its job: its BKR004 (as a job says it) carries
    # two choices, `daily 02:00` and `weekly sun 02:00` (`Diagnostic.choices`), whose
    # edits were made in the job it was read in: they are moved back as its fix's are,
    # each writing its title's words on the statement's own line.
    from bkrdsl.fixes import apply_edits

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    clean, written, _home = PLACES[place]
    text = BASE.replace(clean, written.format("run on VMSYS1 daily sun 02:00"), 1)
    (said,) = [d for d in read(text) if d.code == "BKR004"]
    assert said.message == "`daily` takes only a time, not a day: found `sun` before `02:00`"
    assert [c.title for c in said.choices] == ["Write `daily 02:00`", "Write `weekly sun 02:00`"]
    for choice, meant in zip(said.choices, ("run on VMSYS1 daily 02:00", "run on VMSYS1 weekly sun 02:00")):
        assert apply_edits(text, choice.edits) == BASE.replace(clean, written.format(meant), 1)
