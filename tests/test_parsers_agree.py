"""The two parsers on texts a description or a half-typed keyword makes from the examples.

Each statement line of examples/*.bkr is replayed with a description (whole, or
its text not typed yet), a keyword half typed or a word that is one's half
(`desc`, `volume`), an option half typed (`ful` after `backup APPS`), or a keyword
whose value is not typed yet (`disk`) after it
on its line, with a whole description and the next
statement joined on to it, with such a word on a line of its own above it, and
without its last word or, where it opens a block, its `{` (`disk U 191`,
`cluster L`: a keyword or a brace missing before the next statement).
Wherever the fast parser reads a text (`fast.read_reported`), Lark's recovery
must give the very same diagnostics -- codes, messages, spans, help, fixes --
and the same AST (tests/test_fast_parser.py states the contract; where the fast
parser gives up, `read_module` answers with Lark's reading, so there is nothing
to compare). A failure lists every text the two read differently, with both
readings, so that a new rule of either parser shows where it parts from the other.
A text a walk meets twice is read once; of a walk of more than
test_fast_parser.WALK_BUDGET texts, Lark reads a deterministic sample (`walked`;
BKRDSL_FULL_WALKS=1 reads every text; docs/architecture.md, "The walks over the examples").
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, bench_module
from test_fast_parser import assert_contract, lark_read, source_of, walk_stride

from bkrdsl.syntax import fast, read_module

#: Written after a statement on its line (the next line kept): `disk` is also a
#: volume label after a `shared-volume`'s (Recovery.keyword_label); `ful`, `dai` and
#: `ser` are options half typed (`full`, `daily`, `server`) after a statement that takes them.
AFTER = ('  description "x"', "  description", "  desc", "  volume", "  disk", "  ful", "  dai", "  ser")
#: Written alone on a line of its own above a statement, at its indentation.
ABOVE = ("description", "desc", "volume")


def replayed(text: str) -> list[tuple[int, str]]:
    """(line number, text) for each replay of each statement line of `text`."""
    lines = text.split("\n")
    indexes = bench_module("typing_fallbacks").statement_lines(text)
    found = []
    for n, k in enumerate(indexes):
        line = lines[k]
        indent = line[: len(line) - len(line.lstrip())]
        found += [(k + 1, "\n".join([*lines[:k], line + after, *lines[k + 1 :]])) for after in AFTER]
        if n + 1 < len(indexes):  # the next statement joined on after a whole description
            following = indexes[n + 1]
            joined = f'{line}  description "x"  {lines[following].strip()}'
            found.append((k + 1, "\n".join([*lines[:k], joined, *lines[k + 1 : following], *lines[following + 1 :]])))
        found += [(k + 1, "\n".join([*lines[:k], indent + word, *lines[k:]])) for word in ABOVE]
        found += [(k + 1, "\n".join([*lines[:k], cut, *lines[k + 1 :]])) for cut in shortened(line)]
    return found


def shortened(line: str) -> list[str]:
    """The line without its last word (a statement's last keyword or value not typed
    yet), and, where it opens a block, without its `{` and what follows it."""
    words = line.split("#", 1)[0].rstrip()
    cuts = [words[: words.rindex(" ")]] if " " in words.strip() else []
    if "{" in words:
        cuts.append(words[: words.index("{")].rstrip())
    return cuts


def shown(diagnostics) -> list[str]:
    return [f"{d.code} {d.span.line}:{d.span.column} {d.message} | {d.help}" for d in diagnostics]


def differences(text: str, lark: bool = True) -> str | None:
    """How the two parsers read `text` differently, or None (also where the fast one
    gives up, and, with `lark` false, where Lark's reading is not compared)."""
    source = source_of(text)
    read = fast.read_reported(source)
    if read is None or not lark:
        return None
    module, reported = read
    expected, diagnostics = lark_read(source)
    if (module, reported, module.comments) == (expected, diagnostics, expected.comments):
        return None
    if reported == diagnostics:
        return "  the same diagnostics, another AST"
    return f"  fast: {shown(reported)}\n  lark: {shown(diagnostics)}"


def walked(texts) -> list[tuple[int, str, bool]]:
    """(line number, text, whether Lark reads it) for each text of a walk once: a text
    met twice (the rest of a line broken before its last word is that word moved) is
    read once, the same text read the same way; of a walk of more than
    test_fast_parser.WALK_BUDGET texts, Lark reads every `walk_stride`-th (the fast
    parser every one; BKRDSL_FULL_WALKS=1: Lark too)."""
    once: dict[str, int] = {}
    for line, text in texts:
        once.setdefault(text, line)  # each text at the first line that makes it
    stride = walk_stride(len(once))
    return [(line, text, n % stride == 0) for n, (text, line) in enumerate(once.items())]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.bkr")), ids=lambda p: p.name)
def test_the_parsers_agree_on_the_examples_replayed(path):
    found = []
    for line, text, lark in walked(replayed(path.read_text(encoding="utf-8"))):
        differ = differences(text, lark)
        if differ is not None:
            changed = text.split("\n")[line - 1 : line + 1]
            found.append(f"{path.name} line {line}: {changed!r}\n{differ}")
    assert not found, "\n".join(found)


#: A catalog line with BKRSTART's waits, typed: what it says at each keystroke.
WAITS_TYPED = "  catalog shared server BKRSVSFS pool BKRPOOL on DEV1 logon-wait 45 seconds pool-wait 2min"


def test_the_parsers_agree_on_a_catalog_line_with_waits_as_it_is_typed():
    # each prefix of the line in examples/minimal.bkr, with the next statement below
    # it; the wait's values then misspelt (`45 seconds` of no whole tries, `2min`
    # run together) on the way
    text = (EXAMPLES / "minimal.bkr").read_text(encoding="utf-8")
    catalog = "  catalog shared server BKRSVSFS pool BKRPOOL on DEV1"
    assert catalog + "\n" in text
    found, read = [], 0
    for end in range(len(catalog), len(WAITS_TYPED) + 1):
        typed = text.replace(catalog, WAITS_TYPED[:end], 1)
        read += fast.read_reported(source_of(typed)) is not None
        differ = differences(typed)
        if differ is not None:
            found.append(f"{WAITS_TYPED[:end]!r}\n{differ}")
    assert not found, "\n".join(found)
    assert read > (len(WAITS_TYPED) - len(catalog)) // 2  # the fast parser reads most of them


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.bkr")), ids=lambda p: p.name)
def test_the_parsers_agree_on_the_examples_with_a_line_broken(path):
    # each statement line broken before each of its tokens but the first, the rest of
    # the line (or only the token, its first three letters, or a name) on the next
    # line, indented or not (bench/newline_sweep.py): `to`, then `APPS` on the next
    # line; `to disk`, then `poo`; `catalog-dmm TCDMM`, then `req`
    found = []
    for line, text, lark in walked(bench_module("newline_sweep").broken(path.read_text(encoding="utf-8"))):
        differ = differences(text, lark)
        if differ is not None:
            found.append(f"{path.name} line {line}: {text.split(chr(10))[line - 1 : line + 1]!r}\n{differ}")
    assert not found, "\n".join(found)


#: A statement's last keyword at its line's end, and a word on the next line that
#: the recovery does not read as its value (replaced in examples/minimal.bkr).
NEXT_LINE_WORDS = {
    # the medium missing; `APPS` is no pool's name to the recovery (BKR004 at `to`, "write
    # `disk` or `tape` after `to`"), where the fast parser read it as one
    "to, then a name": ("    to disk pool BKUPPOOL", "    to\n    APPS"),
    "to, then a letter": ("    to disk pool BKUPPOOL", "    to\n    d"),
    # `poo` means `pool` to the recovery (BKR012 "did you mean `pool`?"), where the fast
    # parser said no statement starts with it
    "to disk, then poo": ("    to disk pool BKUPPOOL", "    to disk\n    poo"),
    # a statement's word, not the pool's name (`_pool_left_out` is for a word on the line)
    "to tape, then r": ("    to disk pool BKUPPOOL", "    to tape\n    r"),
    # `req` abbreviates `request-dmm` and `request-node` to the recovery
    "catalog-dmm, then req": (
        "  catalog shared server BKRSVSFS pool BKRPOOL on DEV1",
        "  catalog shared server BKRSVSFS pool BKRPOOL on DEV1\n  tape manager shared catalog-dmm D\n  req",
    ),
}


@pytest.mark.parametrize("case", sorted(NEXT_LINE_WORDS))
def test_the_parsers_agree_on_a_word_on_the_line_after_a_statement(case):
    line, typed = NEXT_LINE_WORDS[case]
    text = (EXAMPLES / "minimal.bkr").read_text(encoding="utf-8")
    assert line + "\n" in text
    assert differences(text.replace(line, typed, 1)) is None


#: Typing states the fast parser reads as the recovery does (replaced in
#: examples/minimal.bkr): before, each was left to Lark.
READ_FAST = {
    # a word after `to disk` or `to tape` on its line: the pool's name, `pool` left
    # out (BKR004 "the pool's name follows the word `pool`", the fix writes it); one
    # in small letters that begins `pool` is that keyword being typed (BKR012)
    "to disk p": ("    to disk pool BKUPPOOL", "    to disk p"),
    "to disk poo": ("    to disk pool BKUPPOOL", "    to disk poo"),
    "to tape BKUPPOOL": ("    to disk pool BKUPPOOL", "    to tape BKUPPOOL"),
    # a short word after a list's last name: one more name, its `,` missing (BKR004)
    "backup GUESTS i": ("    backup GUESTS full", "    backup GUESTS i"),
    "backup GUESTS, SYSTEM we": ("    backup GUESTS full", "    backup GUESTS, SYSTEM we"),
    "run on DEV1 w": ("    run on DEV1 daily 01:00", "    run on DEV1 w"),
    # a word that means no keyword where only one fits, last on its line: read as that
    # keyword, in its place (BKR004 "expected `days` after `30`, found `d`", the fix writes it)
    "retain 30 d": ("    retain 30 days", "    retain 30 d"),
    "run on each me": ("    run on each member daily 02:00", "    run on each me"),
    # `include`, then `exclude minidisk` (or `include sfs`) on the next line: the two
    # words the other way round, the word the owner or the first path (BKR004)
    "include, then exclude minidisk": (
        "    include minidisk * *\n    exclude minidisk * 0190 019D 019E",
        "    include\n    exclude minidisk * 0190 019D 019E",
    ),
    "exclude, then include sfs": (
        "    include minidisk * *\n    exclude minidisk * 0190 019D 019E",
        "    exclude\n    include sfs BKRPOOL:APPS.*",
    ),
    # `import` half typed or typed, its path not yet: BKR012 "did you mean `import`?"
    # that says a module path follows, or BKR010; the import read as none
    "impo": ("import std/zvm73", "impo"),
    "import": ("import std/backup-manager", "import"),
    # a list's `,` typed after another, the name after it not yet (BKR010 "expected
    # another day of the week after `weekly mon,tue,`")
    "run on DEV1 weekly mon,tue,": ("    run on DEV1 daily 01:00", "    run on DEV1 weekly mon,tue,"),
    # an expire block's opening line typed up to its placement (`expire`, `expire on`):
    # the placement's BKR004 or BKR010 (or the word's BKR012), its `{` missing with it
    "exp": ("  expire on DEV1 {", "  exp"),
    "expire": ("  expire on DEV1 {", "  expire"),
    "expire on": ("  expire on DEV1 {", "  expire on"),
    # a statement's line typed up to a keyword missing, its options on the next line:
    # the keyword's BKR004, the next line read as the statement's
    "tape, then catalog-dmm": (
        "  catalog shared server BKRSVSFS pool BKRPOOL on DEV1",
        "  catalog shared server BKRSVSFS pool BKRPOOL on DEV1\n  tape\n    catalog-dmm D request-dmm R",
    ),
    "catalog, then server": ("  catalog shared server BKRSVSFS pool BKRPOOL on DEV1", "  catalog\n    server S pool P on DEV1"),
    # a group body typed up to `match`: its pattern's BKR010, the body closed unsaid
    "single group GUESTS { match": ("  single group GUESTS { LINUX01 LINUX02 }", "  single group GUESTS { match"),
    # a member's first statement typed up to a word that means none, its `}` not yet:
    # BKR012, the word skipped up to the next member, then BKR005 before it
    "member DEV1 { w": ("  member DEV1 { workers 2  private-volume D1PRV1 }", "  member DEV1 { w"),
    # a selection's action half typed alone on its line, then the next selection: its
    # BKR012 (read as the keyword, the medium missing after it said in it)
    "inc, then exclude minidisk": (
        "    include minidisk * *\n    exclude minidisk * 0190 019D 019E",
        "    inc\n    exclude minidisk * 0190 019D 019E",
    ),
    "exclu, then include sfs": (
        "    include minidisk * *\n    exclude minidisk * 0190 019D 019E",
        "    exclu\n    include sfs BKRPOOL:APPS.*",
    ),
    # `single` or `identity` without its kind before the next statement: `user` and a
    # name, the recovery's completion (BKR004, or the half-typed word's BKR012)
    "single": ("  single group GUESTS { LINUX01 LINUX02 }", "  single"),
    "sing": ("  single group GUESTS { LINUX01 LINUX02 }", "  sing"),
    "identity": ("  identity group SYSTEM { TCPIP }", "  identity"),
    "iden": ("  identity group SYSTEM { TCPIP }", "  iden"),
    # a job's or an expire block's opening line emptied (as it is typed again): its first
    # statement outside any such block, read in one the recovery opens there (BKR013),
    # nameless, or joined to the job before it after that job's `}` and a blank line
    "job GUESTFUL's line emptied": ("  job GUESTFUL {", ""),
    "job SYSFU's line emptied": ("  job SYSFU {", "  "),
    "expire on DEV1's line emptied": ("  expire on DEV1 {", " "),
    # a job's opening line typed again up to `j`: after a job, the word skipped (BKR012)
    # to the `disk` of `to disk pool`, whose size is missing at `run` (BKR004), the job
    # reopened there unsaid; after a group, the group's next user ID, the group's `}` one
    # too many (BKR013, the fix removes it)
    "j for job SYSFU": ("  job SYSFU {", "  j"),
    "j for job GUESTFUL": ("  job GUESTFUL {", "  j"),
}


@pytest.mark.parametrize("case", sorted(READ_FAST))
def test_the_fast_parser_reads_a_typing_state_as_the_recovery_does(case):
    line, typed = READ_FAST[case]
    text = (EXAMPLES / "minimal.bkr").read_text(encoding="utf-8")
    assert line + "\n" in text
    text = text.replace(line, typed, 1)
    assert fast.read_reported(source_of(text)) is not None, "left to Lark"
    assert differences(text) is None


#: A keyword alone on its line right after a volume list's last label, a line that
#: starts with a keyword below it, and a `}` too many (found by generated texts):
#: the recovery reads the word as one more label where the next line does not read
#: on after it as the keyword (`Recovery.keyword_label`: `to`, then `tape` alone, is
#: two labels, the `}` after them the cluster's, and the last `}` is BKR006); the
#: fast parser read a job reopened at `to` (BKR013), the `}` its. It gives up there now.
LABEL_OR_KEYWORD = (
    "cluster A {\n  shared-volume V1\n    to\n    tape\n  }\n}\n",
    "cluster A {\n  shared-volume V1\n    to\n    tape\n}\n}\n",
    "cluster A {\n  shared-volume V1\n    to\n    disk\n  }\n}\n",
    "cluster A {\n  shared-volume V1\n    to\n    tape\n    }\n}\n",
    "cluster A {\n  shared-volume V1\n    to\n    tape\n    run on M daily 01:00\n  }\n}\n",
    "cluster A {\n  shared-volume V1\n    to\n    disk\n    backup X\n}\n}\n",
)


@pytest.mark.parametrize("text", LABEL_OR_KEYWORD)
def test_the_parsers_agree_on_a_keyword_alone_after_a_volume_label(text):
    assert differences(text) is None


#: `expire` or `expire on` above a `member` line (found by the same generator): the
#: recovery read `member` as `on each member`'s, and `M` as a word too many; the fast
#: parser gave up there. Both read the member block now, as docs/language.md says (a
#: statement's first keyword starting the line after an unfinished statement is that
#: keyword): the unfinished `expire` is the one error.
PLACEMENT_BEFORE_MEMBER = (
    "cluster A {\n  shared-volume V1\n    expire\n    member M {}\n  }\n",
    "cluster A {\n  expire\n  member M { workers 2 }\n}\n",
    "cluster A {\n  expire on\n  member M {}\n}\n",
)


@pytest.mark.parametrize("text", PLACEMENT_BEFORE_MEMBER)
def test_the_parsers_agree_on_an_expire_placement_before_a_member_line(text):
    assert fast.read_reported(source_of(text)) is not None  # read, not given up
    assert differences(text) is None


#: `run` or `run on` as a job's last line, the job's `}` missing, above a `member` line:
#: the recovery read `run on each member`, `M` a word too many and the cluster never
#: closed; the fast parser read the member block, one error. Both do now: the statement
#: fits once the job is closed (Recovery.ends_before).
RUN_BEFORE_MEMBER = (
    "cluster A {\n  job J {\n    run on\n  member M { workers 2 }\n}\n",
    "cluster A {\n  job J {\n    backup X\n    run\n  member M {}\n}\n",
)


@pytest.mark.parametrize("text", RUN_BEFORE_MEMBER)
def test_the_parsers_agree_on_an_unfinished_run_before_a_member_line(text):
    assert fast.read_reported(source_of(text)) is not None  # read, not given up
    assert differences(text) is None


#: `expire on each` or `run on each` above a `member M {` line: the recovery read `on each
#: member`, `M` a word too many; it reads the member block now, the statement above
#: unfinished (Recovery.member_block_below). The fast parser gives up there (Lark reads).
EACH_BEFORE_MEMBER = (
    "cluster A {\n  expire on each\n  member M { workers 2 }\n}\n",
    "cluster A {\n  job J {\n    run on each\n  member M {}\n}\n",
    "cluster A {\n  job J {\n    run on each\n  }\n  member M {}\n}\n",
    "cluster A {\n  run on each\n  member M { workers 2 }\n}\n",
    "cluster A {\n  expire on each\n  member {\n    preview daily 01:00\n  }\n}\n",
)


@pytest.mark.parametrize("text", EACH_BEFORE_MEMBER)
def test_the_parsers_agree_on_an_unfinished_on_each_before_a_member_line(text):
    assert differences(text) is None


#: `onexpire M {` on the line after a catalog's `on M` (.ci/explore seed 40014): the
#: lexer reads `on`, one more of the catalog's, then `expire`. It is `expire on`
#: run together the other way round, one error at the word whose fix writes it, with
#: either parser (the fast one gives up, and Lark's recovery answers for it).
GLUED_SWAPPED = (
    (
        "cluster PRODSSI {\n  catalog shared server BKRSVSFS pool BKRPOOL on PRODA\n"
        "  onexpire    PRODA {\n    preview daily 01:00\n  }\n}\n"
    ),
    "cluster A {\n  catalog shared server S pool P on M\n  ONEXPIRE M, N {\n    purge weekly sun 03:00\n  }\n}\n",
)


@pytest.mark.parametrize("text", GLUED_SWAPPED)
def test_the_parsers_agree_on_expire_on_run_together_the_other_way_round(text):
    assert differences(text) is None
    module, diagnostics = lark_read(source_of(text))
    word = text.split("\n")[2].split()[0]
    meant = "EXPIRE ON" if word.isupper() else "expire on"
    assert [(d.code, d.span.line, d.span.column, d.message) for d in diagnostics] == [
        ("BKR012", 3, 3, f"unknown keyword `{word}`; did you mean `{meant}`?")
    ]
    (edit,) = diagnostics[0].fix.edits
    assert edit.new_text == meant
    assert len(module.clusters[0].expires) == 1


#: Every keyword of the language, as it is written (small letters), in capitals and in
#: mixed case, in a group body: after an ID, first after the `{`, alone on a line of its
#: own, after a `match` pattern. BKR021 warns of such a word in small or mixed letters
#: (the checker, on the AST): both parsers must read it as the same user ID, or give the
#: same errors (`incremental`, too long for one; `pool-wait`, a misplaced option).
GROUP_KEYWORD_PLACES = (
    "  single group G {{ LNX01 {} LNX02 }}\n",
    "  single group G {{ {} }}\n",
    "  single group G {{\n    LNX01\n    {}\n  }}\n",
    "  single group G {{\n    match LNX* {}\n  }}\n",
)


def _group_keyword_texts() -> list[str]:
    from bkrdsl.keywords import keywords

    return [
        "cluster C {\n  member VM1 { workers 1 }\n" + place.format(spelt) + "}\n"
        for keyword in keywords()
        for spelt in (keyword, keyword.upper(), keyword.capitalize())
        for place in GROUP_KEYWORD_PLACES
    ]


def test_the_parsers_agree_on_every_keyword_in_a_group_body():
    found = [f"{text!r}\n{differ}" for text in _group_keyword_texts() if (differ := differences(text)) is not None]
    assert not found, "\n".join(found)


#: Statements and blocks written at the top level of the file, two by two, before the
#: cluster and after its `}` (test_the_parsers_agree_on_pairs_at_the_top_level): whole,
#: with a slip of their own, and the top level's own (a group, a user declared there).
# fmt: off
TOP_LEVEL_PAIRED = (
    "member VMSYS5 { workers 2 }", "job TESTJOB { backup APPS full }", "expire on VMSYS2 { retain 30 days }",
    "single group TESTERS { TEST01 }", "identity user TESTID", "workers 2", "retain 35", "retain 35 days",
    "match LNX*", "private-volume M5PRV1", "disk BKRBKUP 191 size 10", "run on VMSYS1 daily",
    "member VMSYS6 { workers }", "expire on VMSYS2 { retain 30 }", "import std/zvm73", "description \"x\"",
)
# fmt: on
#: Where the pair is written: after the imports, before the cluster; after the cluster's `}`.
TOP_LEVEL_PAIR_PLACES = (("import std/zvm73\n", "import std/zvm73\n{}\n"), ("  }\n}\n", "  }\n}\n{}\n"))


def test_the_parsers_agree_on_pairs_at_the_top_level(monkeypatch):
    # The walks above place slips inside blocks; two statements or blocks pasted at the
    # top level (a member block and an expire block before `cluster`, or after its `}`)
    # were walked by none. Wherever the fast parser reads such a text (the top level's
    # own statements, `single group`, `identity user`, `import`), Lark reads it alike;
    # and, for every 16th text, `read_module` says the same with either parser first
    # (homed.py's pass on both: a misplaced statement's own slips).
    base = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    texts = []
    for clean, written in TOP_LEVEL_PAIR_PLACES:
        assert clean in base
        texts += [
            base.replace(clean, written.replace("{}", f"{first}\n{second}"), 1)
            for first in TOP_LEVEL_PAIRED
            for second in TOP_LEVEL_PAIRED
        ]
    found, read_fast = [], 0
    for n, text in enumerate(texts):
        read_fast += fast.read_reported(source_of(text)) is not None
        differ = differences(text)
        if differ is None and n % 16 == 0:
            said = {}
            for parser in ("fast", "lark"):
                monkeypatch.setenv("BKRDSL_PARSER", parser)
                said[parser] = shown(read_module(source_of(text))[1])
            if said["fast"] != said["lark"]:
                differ = f"  fast: {said['fast']}\n  lark: {said['lark']}"
        if differ is not None:
            found.append(f"{text[:200]!r}...\n{differ}")
    assert not found, "\n".join(found)
    assert read_fast > 0  # not a walk of texts the fast parser leaves to Lark alone


# --- h11 (stop 68)
def test_h11_run_then_each_member_on_the_next_line_inserts_on(monkeypatch):
    """`.ci/explore 202612063` drew it (test_damaged_examples): minimal.bkr's `run on each
    member daily 02:00` with `on` dropped and the line broken after `run`. `each` starts
    no statement, so `run` is not cut short: the fast parser offered `on each member`
    after `run` (as for `run` before the job's `}`), which left `each member daily
    02:00` over, and Lark named the members, no fix. Both now say `on` is left out
    before `each` (the fast parser leaves it to the recovery), and the fix reads clean."""
    from bkrdsl.pipeline import analyse

    base = (EXAMPLES / "minimal.bkr").read_text(encoding="utf-8")
    for written in ("    run \n each member daily 02:00", "    run each member daily 02:00"):
        text = base.replace("    run on each member daily 02:00", written)
        assert_contract(source_of(text, "minimal.bkr"))
        said = {}
        for parser in ("fast", "lark"):
            monkeypatch.setenv("BKRDSL_PARSER", parser)
            said[parser] = read_module(source_of(text, "minimal.bkr"))[1]
        assert said["fast"] == said["lark"]
        (diag,) = said["lark"]
        assert (diag.code, diag.help, diag.fix.title, diag.choices) == (
            "BKR004", "write `run on each member`", "Insert `on`", ()
        )
        (edit,) = diag.fix.edits
        fixed = text[: edit.span.start] + edit.new_text + text[edit.span.end :]
        assert "on each member daily 02:00" in fixed
        assert analyse("minimal.bkr", fixed.encode("utf-8")).diagnostics == []


@pytest.mark.parametrize(
    "text",
    [
        "cluster 0 { shared-volume 0 disk 0 0 size 0 0 single user 0 disk at 0 size catalog-node at member 0 { } } ",
        "cluster 0 { identity user tape disk at at size catalog-node at member 0 { } }",
    ],
)
def test_h11_a_disk_sized_catalog_node_at_before_a_member_block_reads_clean(text):
    """`.ci/explore 202612063` drew it (test_generated_programs): `disk at 0 size
    catalog-node at`, then `member 0 { }`, reads clean by the grammar (a disk's size
    and unit are names), as the fast parser read it; Lark's token check took
    `catalog-node at member 0` for a catalog node's member named with `member`
    (Recovery.catalog_member_word) and said two BKR004s. It now asks that the parse
    read the keyword `catalog-node`."""
    assert assert_contract(source_of(text), must_accept=True) is not None
    assert lark_read(source_of(text))[1] == []


def test_h11_a_catalog_node_s_member_after_member_is_still_said():
    text = "cluster C {\n  tape manager shared catalog-node TCTMM member VMSYS1 request-node TRTMM\n  member VMSYS1 { }\n}\n"
    (diag,) = lark_read(source_of(text))[1]
    assert (diag.code, diag.message) == ("BKR004", "the catalog node names its member with `on`, not `member`")
