"""User text cannot break out of a generated EXEC: a property test under Regina.

A job's description is written twice into BKRSUBMT EXEC: in the header comment
and as a string literal that `BKRSUBMT LIST` displays; the same text, given as
the source file's name, goes into the first comment lines as well. Whatever the text, the
EXEC must still run (rc 0, no command other than the member query) and display
the text intact: exactly, for EBCDIC-invariant text; through the documented
`<U+XXXX>` mapping (undone by `decode_invariant`) for anything else. A site
dialect table's command text, of any invariant characters, reaches CP as written.
Each example spawns Regina, so the example counts stay small.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import itertools

import pytest
from cms.generate import example_model, generate, site_dialect
from cms.invariants import folded, member_jobs, servers
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bkrdsl.dialect import DialectError
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


#: A site table's command text after the verb: the characters its check lets through
#: (the invariant set: `'`, `"`, `/*`, `*/`, `;`, `,` among them), never a blank at its end.
SITE_TEXT = INVARIANT_TEXT.map(str.strip).filter(bool).filter(lambda s: len(s) <= 30)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(submit=SITE_TEXT, purge=SITE_TEXT)
@example(submit="<U+", purge="'x\" /* ; , */")  # `<U+` sent as `<U+003C>U+`: now refused as the table loads
def test_a_site_table_s_command_text_reaches_cp_as_written(cms, submit, purge):
    """The EXECs carry a site dialect table's text as well as the .bkr file's: the
    verbs BKRSUBMT and BKREXPIR send (`submit_verb`, `expire_purge_verb`) hold any
    invariant character, quotes, `/*` and `;` included. Whatever they hold, the EXEC
    runs and sends each command exactly as the table writes it, and nothing else."""
    try:
        dialect = site_dialect({"submit_verb": f"SUBMIT {{job}} {submit}", "expire_purge_verb": f"EXPIRE {purge}"})
    except DialectError:  # a text the table's own checks refuse (too wide, say): nothing written
        return
    model = example_model("prodssi")
    member = model.purging_members()[0]
    exec_of = functools.partial(generate, model, member, source="prodssi.bkr", dialect=dialect)
    run = cms.run(exec_of("BKRSUBMT"), "ALL", member=member, logged_on=servers(model))
    sent = [f"CP SMSG {model.backup_server} SUBMIT {name} {submit}" for name, _ in member_jobs(model, member)]
    assert (run.rc, run.commands) == (0, ["CP QUERY USERID", *sent]), run
    run = cms.run(exec_of("BKREXPIR"), "PURGE", member=member, logged_on=servers(model))
    assert (run.rc, run.commands) == (0, ["CP QUERY USERID", f"CP SMSG {model.catalog_server} EXPIRE {purge}"]), run
