"""User text cannot break out of a generated EXEC: a property test under Regina.

A job's description is written twice into BKRSUBMT EXEC: in the header comment
and as a string literal that `BKRSUBMT LIST` displays; the same text, given as
the source file's name, goes into the first comment lines as well. Whatever the text, the
EXEC must still run (rc 0, no command other than the member query) and display
the text intact: exactly, for EBCDIC-invariant text; through the documented
`<U+XXXX>` mapping (undone by `decode_invariant`) for anything else.
Each example spawns Regina, so the example counts stay small.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools

import pytest
from cms.generate import example_model, generate
from cms.invariants import folded
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bkrdsl.emit.quoting import INVARIANT, decode_invariant
from bkrdsl.generated import SAY_COLUMNS

pytestmark = pytest.mark.regina

INVARIANT_ALPHABET = "".join(sorted(INVARIANT))
NASTY = ["'", '"', "''", "/*", "*/", ";", ",", " ", "*", "/", "(", ")", "=", "<U+", "x", "X", "'x", "'b"]
INDENT = " " * 11  # LIST shows a description under its job, at column 12

INVARIANT_TEXT = st.one_of(
    st.text(alphabet=INVARIANT_ALPHABET, min_size=1, max_size=80),
    st.text(alphabet=INVARIANT_ALPHABET, min_size=150, max_size=600),
    st.lists(st.sampled_from(NASTY), min_size=1, max_size=40).map("".join),
)



def _with_description(text: str):
    model = copy.copy(example_model("minimal"))
    model.jobs = tuple(
        dataclasses.replace(job, description=text) if job.name == "GUESTFUL" else job for job in model.jobs
    )
    return model


def _shown_description(cms, text: str) -> str:
    # The text is also the source file's name, which the header comment carries.
    run = cms.run(generate(_with_description(text), "DEV1", "BKRSUBMT", source=text), "LIST", member="DEV1")
    assert run.rc == 0, run
    assert run.commands == ["CP QUERY USERID"], run
    lines = run.stdout.splitlines()
    assert lines[0] == "GUESTFUL   daily 01:00", run
    assert lines[1].startswith(INDENT), run
    end = lines.index("SYSFU1     daily 02:00")  # nothing leaked into the next entry
    assert end == len(lines) - 2, run
    # A description longer than a console line is folded (docs/rexx.md): shown is
    # what the lines hold once unfolded, by the rule `folded` writes down.
    shown = _unfolded(lines[1:end])
    assert lines[1:end] == folded([INDENT + shown]), run
    return shown


def _unfolded(lines: list[str]) -> str:
    """The text of a description's lines: each later line, 4 columns further in than
    the first (at most half the line), continues it after the blank it was cut at, or after a cut word
    (the line before then fills SAY_COLUMNS columns: one cut at a blank is
    shorter); `folded` checks it."""
    text = lines[0][len(INDENT):]
    more = min(len(lines[0]) - len(lines[0].lstrip(" ")) + 4, SAY_COLUMNS // 2)
    for before, line in itertools.pairwise(lines):
        assert line[:more].isspace(), lines
        text += ("" if len(before) == SAY_COLUMNS else " ") + line[more:]
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(INVARIANT_TEXT)
def test_invariant_text_arrives_intact(cms, text):
    shown = _shown_description(cms, text)
    if "<U+" in text:
        assert decode_invariant(shown) == text
    else:
        assert shown == text


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=120).filter(lambda s: not set(s) <= INVARIANT))
def test_other_text_arrives_mapped_and_reversible(cms, text):
    shown = _shown_description(cms, text)
    assert set(shown) <= INVARIANT
    assert decode_invariant(shown) == text
