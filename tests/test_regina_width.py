"""Every line a generated EXEC says fits an 80-column 3270 console: at most 79
columns (SAY_COLUMNS), whatever the names (8 characters, `#` and `@` typed with
escapes: tests/cms/clusters/widest.bkr), the operands typed, the descriptions
and CP's answers. CMS wraps a longer line mid-word. The EXECs' routine TELL
folds each line at a blank (docs/rexx.md, "Messages fit the console").

Every EXEC of every member of the examples and of tests/cms/clusters/ runs here
through the situations that make it say the most: its list, every refusal,
failures of each kind, junk operands, another member, odd answers from CP;
tests/test_regina.py asks each for every other member's job (rc 28). The
stand-in checks the width of every run of every Regina test too.
"""

from __future__ import annotations

import pytest
from cms.generate import example_exec, example_members, example_model, example_names, identity_machines
from cms.invariants import folded, servers

from bkrdsl.emit.quoting import invariant_text
from bkrdsl.generated import SAY_COLUMNS

pytestmark = pytest.mark.regina

MEMBER_PAIRS = [(ex, m) for ex in example_names() for m in example_members(ex)]
#: Operands typed as one long word, and many short ones: each refusal repeats them.
LONG_WORD = "X" * 90
MANY_WORDS = " ".join(["WORD"] * 30)
#: CP answers that are longer than a console line, with and without blanks.
ODD_ANSWERS = [
    (0, [f"HCPXXX999E {MANY_WORDS}"]),
    ("none", [LONG_WORD + " " + MANY_WORDS]),
    (-3, [LONG_WORD, MANY_WORDS]),
]


def _situations(model, member: str, exec_name: str) -> list[tuple[str, dict]]:
    """(operands, the stand-in's keywords) of the runs that say the most."""
    up = servers(model)
    runs = [
        ("", {"logged_on": up}),
        (LONG_WORD, {"logged_on": up}),
        (f"{MANY_WORDS} ( {MANY_WORDS}", {"logged_on": up}),
        ("", {"logged_on": up, "member": "ZZZZZZZZ"}),
        *(("", {"logged_on": up, "odd": {"QUERY USERID": answer}}) for answer in ODD_ANSWERS),
        ("", {"logged_on": up, "answer": [f"AUTOLOG1 AT {LONG_WORD}"]}),
    ]
    if exec_name == "BKRSTART":
        machines = [entry.user for entry in model.start_order(member)]
        pool = model.catalog.pool if model.catalog is not None else None
        sfs = model.catalog.server if model.catalog is not None else None
        runs += [
            ("", {}),
            ("", {"not_in_directory": machines}),
            # The IDENTITY machines named, as CP knows them (h11, stop 69: the
            # stand-in refuses XAUTOLOG of any other user logged on elsewhere).
            ("", {"elsewhere": machines, "identity": identity_machines(model)}),
            # CP names the member where each runs (QUERY USER ... AT ALL), 8 characters.
            ("", {"elsewhere": machines, "identity": identity_machines(model),
                  "at": dict.fromkeys(machines, "ZZZZZZZZ")}),
            ("", {"fail": {"XAUTOLOG": 99}}),
            ("", {"fail": {"SLEEP": 98}}),
            ("", {"logged_on": machines, "fail": {"QUERY USER": 97}}),
            ("", {"slow": dict.fromkeys(machines, 10_000)}),
            *(("", {"odd": {"QUERY USER": answer}}) for answer in ODD_ANSWERS),
        ]
        if pool and sfs:
            runs += [("", {"pools": {pool: (sfs, "never", 7)}}), ("", {"pools": {pool: (sfs, 0, 24)}})]
        return runs
    runs += [
        ("LIST", {"logged_on": up}),
        (f"LIST {MANY_WORDS}", {"logged_on": up}),
        ("ALL", {}),
        ("ALL", {"smsg_off": up, "logged_on": up}),
        ("ALL", {"logged_on": up, "fail": {"SMSG": 99}}),
        (f"DUE {LONG_WORD}", {"logged_on": up}),
        (f"DUE 02:00 {LONG_WORD}", {"logged_on": up}),
        (f"DUE 02:00 SUN {LONG_WORD}", {"logged_on": up}),
        (f"DUE 02:00 SUN 1 {MANY_WORDS}", {"logged_on": up}),
        ("DUE 23:59 SUN 1", {"logged_on": up}),
        (f"JOB {LONG_WORD}", {"logged_on": up}),
        (f"JOB A {MANY_WORDS}", {"logged_on": up}),
        ("PREVIEW", {}),
        ("PURGE", {"smsg_off": up, "logged_on": up}),
    ]
    return runs


@pytest.mark.parametrize(("example", "member"), MEMBER_PAIRS)
def test_every_line_an_exec_says_fits_the_console(cms, example, member):
    model = example_model(example)
    execs = ["BKRSUBMT", "BKRSTART"] + (["BKREXPIR"] if member in model.purging_members() else [])
    for exec_name in execs:
        text = example_exec(example, member, exec_name)
        for operands, situation in _situations(model, member, exec_name):
            run = cms.run(text, operands, **{"member": member, **situation}, file_name=f"{exec_name}.EXEC")
            wide = [line for line in run.stdout.splitlines() if len(line) > SAY_COLUMNS]
            assert not wide, (exec_name, operands, situation, str(run))
            assert "Error" not in run.stderr, run


def test_a_long_line_is_folded_at_a_blank_and_nothing_is_lost(cms):
    """widest.bkr's description, longer than a line, with a run of blanks and a word
    longer than a line: LIST shows it folded as `folded` says (the same rule, written
    apart), and the refusal of operands typed as one long word keeps every letter."""
    model = example_model("widest")
    text = example_exec("widest", "MEMBERAA", "BKRSUBMT")
    job = next(job for job in model.jobs if job.name == "PAY#@#@1")
    run = cms.run(text, "LIST", member="MEMBERAA")
    lines = run.stdout.splitlines()
    start = lines.index("PAY#@#@1   monthly second sun 01:00") + 1
    shown = folded([" " * 11 + invariant_text(job.description)])
    assert len(shown) > 2, shown
    assert lines[start:start + len(shown)] == shown, run
    assert lines[start + len(shown)].startswith("GUESTINC "), run
    run = cms.run(text, f"JOB A {LONG_WORD}", member="MEMBERAA")
    assert run.rc == 24, run
    said = run.stdout.splitlines()
    assert said[:3] == folded([f"BKRSUBMT: One job at a time, not A {LONG_WORD}."]), run
    assert said[:3] == [
        "BKRSUBMT: One job at a time, not A",
        "BKRSUBMT:     " + "X" * (SAY_COLUMNS - 14),
        "BKRSUBMT:     " + "X" * (90 - SAY_COLUMNS + 14) + ".",
    ], run
