"""`bkrc fmt` prints the same text whichever parser read the file.

The formatter lays a file out from its outline (bkrdsl/fmt/outline.py): built
from the fast parser's AST and tokens for every file that parser reads, from
Lark's parse tree and tokens for the rest. The two builders must agree exactly:
the same outline, so the same canonical text, byte for byte. Checked on every
.bkr file in the repository, every ```bkr block of the docs, every case of
tests/test_fmt.py and generated programs; and `BKRDSL_PARSER=lark` (Lark only)
must give what the default gives.
"""

from __future__ import annotations

import os
import textwrap
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from conftest import EXAMPLES, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from test_docs_bkr_blocks import WRAPPERS, blocks, doc_files
from test_fast_parser import programs
from test_fmt import CASES
from test_fmt_properties import laid_out, program

from bkrdsl.fmt import _tokens, format_source
from bkrdsl.fmt.layout import SharedDocComment, layout_text
from bkrdsl.fmt.outline import from_fast, from_lark
from bkrdsl.source import Source
from bkrdsl.syntax import PARSER_VARIABLE, fast
from bkrdsl.syntax.parser import parse
from bkrdsl.syntax.reader import decode, normalise

#: 200 examples; the same on every run in CI, fresh ones under `explore`
#: (the profile, tests/conftest.py, decides: docs/architecture.md, "Property tests").
SAME_EVERY_RUN = settings(max_examples=200)


@contextmanager
def lark_only():
    with mock.patch.dict(os.environ, {PARSER_VARIABLE: "lark"}):
        yield


def printed(outline) -> str:
    try:
        return layout_text(outline)
    except SharedDocComment as refused:
        return f"refused: two declarations under one doc comment on line {refused.second.line}"


def assert_same_both_ways(source: Source) -> bool:
    """Both outlines and their texts are equal when the fast parser reads `source`, and
    the formatter's whole answer is the same with Lark only. Whether the fast one read it."""
    read = fast.read_tokens(source)
    if read is not None:
        result = parse(source)
        assert result.ok, result.diagnostics[:1]  # the fast parser reads only clean files
        by_fast = from_fast(*read)
        by_lark = from_lark(result.tree, _tokens(source.text), result.comments)
        assert by_fast.tokens == by_lark.tokens
        assert by_fast.notes == by_lark.notes
        assert by_fast.items == by_lark.items
        assert by_fast == by_lark
        assert printed(by_fast) == printed(by_lark)
    default = format_source(source)
    with lark_only():
        lark = format_source(source)
    assert default.text == lark.text
    assert default.diagnostics == lark.diagnostics
    return read is not None


# ----------------------------------------------------------------- the repository
def repository_files() -> list[Path]:
    folders = [EXAMPLES, ROOT / "stdlib", ROOT / "tests" / "data"]
    return sorted(p for folder in folders for p in folder.rglob("*.bkr"))


def repository_sources() -> list:
    out = []
    for path in repository_files():
        name = str(path.relative_to(ROOT))
        source, problems = decode(name, path.read_bytes())
        if not problems:  # not UTF-8: neither parser sees it
            out.append(pytest.param(source, id=name))
    for path in doc_files():
        for line, kind, arg, body in blocks(path):
            if kind == "exempt":
                continue
            before, after = WRAPPERS.get(arg, ("", "")) if kind == "fragment" else ("", "")
            name = f"{path.relative_to(ROOT)}:{line}"
            out.append(pytest.param(Source.of(name, normalise(before + body + after)), id=name))
    for name, written, _expected in CASES:
        text = normalise(textwrap.dedent(written).lstrip("\n"))
        out.append(pytest.param(Source.of(f"{name}.bkr", text), id=f"tests/test_fmt.py:{name}"))
    return out


SOURCES = repository_sources()


def test_the_corpus_is_mostly_read_by_the_fast_parser():
    """Not a vacuous comparison: the examples, the stdlib and most of the rest are read fast."""
    read = [p.id for p in SOURCES if fast.read(p.values[0]) is not None]
    assert len(SOURCES) > 500 and len(read) > 350
    assert {"examples/prodssi.bkr", "examples/minimal.bkr", "stdlib/zvm73.bkr"} <= set(read)


@pytest.mark.parametrize("source", SOURCES)
def test_every_file_formats_the_same_both_ways(source):
    assert_same_both_ways(source)


# ----------------------------------------------------------------- generated programs
@SAME_EVERY_RUN
@given(st.data())
def test_generated_programs_format_the_same_both_ways(data):
    """Valid programs, any case, any spacing, comments anywhere (tests/test_fmt_properties.py)."""
    text = data.draw(laid_out(data.draw(program())))
    assert_same_both_ways(Source.of("gen.bkr", normalise(text)))


@SAME_EVERY_RUN
@given(programs())
def test_generated_noisy_programs_format_the_same_both_ways(text):
    """Every construct, names that are sometimes keywords (tests/test_fast_parser.py)."""
    assert_same_both_ways(Source.of("gen.bkr", text))


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_group_head_moves_up_with_its_brace_before_the_names_comment(monkeypatch, parser):
    """.ci/explore 40030: the `{` below a group's name and its comment went up before the
    comment, the head's `private-volume 0 0` (user IDs after the `{`) left on a line of
    its own below, where `private-volume` is the statement, misplaced (BKR013): a
    FormatterBug. The head moves up with its `{`, the comment after it."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = "cluster at { } single group 0 # note\n{ private-volume 0 0 } import 0 import 0 "
    assert_same_both_ways(Source.of("gen.bkr", text))
    done = format_source(Source.of("gen.bkr", text))
    assert done.text == "cluster AT {}\nsingle group 0 { private-volume 0 0  # note\n}\nimport 0\nimport 0\n"


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_an_entry_on_a_match_patterns_line_starts_no_line(monkeypatch, parser):
    """.ci/explore 202612044: `match` and its pattern written over two lines, the entry
    after the pattern on the pattern's line was taken for the start of a line (the
    entry's own line against the line where the `match` began), and fmt moved it down
    to a line of its own. An entry starts a line only below where the one before it ends."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = "cluster C {\n  single group G { Full X match\n   LNXAPP* Full Y }\n}\n"
    assert_same_both_ways(Source.of("gen.bkr", text))
    done = format_source(Source.of("gen.bkr", text))
    assert done.text == "cluster C {\n  single group G { Full X match LNXAPP* Full Y }\n}\n"
    text = "cluster C {\n  single group G { Full X match\n   LNXAPP*\n   Full Y }\n}\n"
    done = format_source(Source.of("gen.bkr", text))
    assert done.text == "cluster C {\n  single group G {\n    Full X match LNXAPP*\n    Full Y\n  }\n}\n"


# ----------------------------------------------------------------- Lark, for the rest
@pytest.mark.parametrize(
    "text,expected",
    [
        # Clean files the fast parser leaves to Lark (tests/test_fast_parser.py).
        ("cluster A { shared-volume V TOTAPE }", "cluster A {\n  shared-volume V TOTAPE\n}\n"),
        (
            "cluster A { member m { private-volume V RUNON } }",
            "cluster A {\n  member M { private-volume V RUNON }\n}\n",
        ),
        # A last volume label spelled like a keyword (docs/language.md): Lark's lexer
        # alone reads it as the keyword, the parse as a label (found by .ci/explore 103),
        # printed as a label: a keyword would be lower-cased.
        ("cluster A { shared-volume V RUN }", "cluster A {\n  shared-volume V RUN\n}\n"),
        ("cluster A { shared-volume V MEMBER }", "cluster A {\n  shared-volume V MEMBER\n}\n"),
        (
            "cluster A { member m { private-volume V JOB } }",
            "cluster A {\n  member M { private-volume V JOB }\n}\n",
        ),
        # In lower case it reads like a statement (BKR021) and keeps its spelling.
        ("cluster A { shared-volume V run }", "cluster A {\n  shared-volume V run\n}\n"),
        # An import path holds no `#`: the comment starts right after it.
        ("import std/x#remark", "import std/x  #remark\n"),
    ],
)
def test_files_the_fast_parser_leaves_are_formatted_by_lark(text, expected):
    source = Source.of("rare.bkr", text)
    assert fast.read(source) is None
    done = format_source(source)
    assert (done.text, done.diagnostics) == (expected, [])


@pytest.mark.parametrize(
    "text",
    ["cluster A { catalog shared#remark\n}", "cluster A { expire on M { retain 30 days#keep a month\n} }\n"],
)
def test_a_keyword_with_a_hash_right_after_it_is_not_formatted(text):
    # `shared#remark` is one word (a `#` inside a word is part of it), no keyword and
    # no comment: the formatter refuses, with the error, and writes nothing.
    done = format_source(Source.of("hash.bkr", text))
    assert done.text is None
    assert [d.code for d in done.diagnostics] == ["BKR012"]
