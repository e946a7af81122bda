"""Every example `bkrc explain` prints gives what its paragraph says it gives.

An explanation's indented blocks are whole .bkr files. A block in a paragraph
that starts "Failing example" must make `bkrc check` (or, for BKR090, `bkrc
fmt`) report exactly the code explained, and nothing else; a block in a
paragraph that starts "Fix" must report nothing (bkrdsl.diagnostics.registry,
`examples`). A code whose mistake no one text file can make (binary bytes, an
unreadable file, two files importing each other) describes its example in
words and says why in `register(..., no_example=REASON)`.

`bkrc explain` must print the registered explanation whole, and each block
is run through the CLI, as a reader who copies it into a file would;
docs/rules/ pages carry the same blocks with `<!-- bkrc: expect CODE -->`
markers, and tests/test_docs_bkr_blocks.py checks them there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from bkrdsl.diagnostics.registry import REGISTRY, Code, examples, load_all

CODES = sorted(load_all())


def _codes(path: Path) -> set[str]:
    """The codes `bkrc check` and `bkrc fmt --check` report on a file."""
    found = set()
    for args in (["check", "--format", "json", path], ["fmt", "--check", "--format", "json", path]):
        result = run_cli(args)
        assert result.exit_code in (0, 1), (args, result.output)
        for stream in (result.stdout, result.stderr):
            if stream.startswith("{"):
                found |= {d["code"] for d in json.loads(stream)["diagnostics"]}
    return found


def problems(entry: Code, tmp_path: Path) -> list[str]:
    """How an entry's examples fail to mean what they say; [] when they all do."""
    shown = run_cli(["explain", entry.code], expect=0).output
    if entry.explanation not in shown:
        return [f"{entry.code}: `bkrc explain` does not print the registered explanation"]
    out = []
    blocks = examples(entry)
    failing = [e for e in blocks if e.expect]
    if entry.no_example and failing:
        out.append(f"{entry.code}: shows a failing example but says it cannot: {entry.no_example!r}")
    if not entry.no_example and not failing:
        out.append(f"{entry.code}: no failing example block; add one, or register(..., no_example=REASON)")
    for e in blocks:
        where = f"{entry.code} explanation line {e.line}"
        if e.expect is None:
            out.append(f"{where}: a block outside a 'Failing example' or 'Fix' paragraph")
            continue
        path = tmp_path / f"{entry.code}-{e.line}.bkr"
        path.write_text(e.text, encoding="utf-8")
        found = _codes(path)
        if found != set(e.expect):
            want = "nothing" if not e.expect else sorted(e.expect)
            out.append(f"{where}: should give {want}, bkrc reports {sorted(found) or 'nothing'}")
    return out


@pytest.mark.parametrize("code", CODES)
def test_explain_examples_give_their_code(code, tmp_path):
    assert problems(load_all()[code], tmp_path) == []


WHOLE = """\
import std/backup-manager
cluster PRODSSI {
  member VMSYS1 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
  single group APPS { LINUX01 }
  job APPSFULL { backup APPS full  include minidisk * *  to disk  run on VMSYS1 daily 02:00 }
}
"""


def _entry(explanation: str, monkeypatch, **kw) -> Code:
    """A registered BKR313 whose explanation is `explanation`, as `bkrc explain` would print it."""
    entry = Code("BKR313", "time-out-of-range", load_all()["BKR313"].severity, "test", explanation, **kw)
    monkeypatch.setitem(REGISTRY, "BKR313", entry)
    return entry


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" if line else "\n" for line in text.splitlines())


@pytest.mark.parametrize(
    ("explanation", "no_example", "ok"),
    [
        # A failing example that fails as it says, and its fix.
        ((f"Why.\n\nFailing example:\n\n{_indent(WHOLE.replace('02:00', '24:00'))}\n"
          f"Fix:\n\n{_indent(WHOLE)}"), None, True),
        # A failing example that checks clean.
        (f"Why.\n\nFailing example:\n\n{_indent(WHOLE)}\nFix: `00:00`.\n", None, False),
        # A failing example that gives another code as well.
        (f"Failing example:\n\n{_indent(WHOLE.replace('02:00', '24:00').replace('APPS full', 'APPZ full'))}",
         None, False),
        # A sketch with `...`: not a file.
        ("Failing example:\n\n    job APPSFULL { ... run on VMSYS1 daily 24:00 }\n", None, False),
        # A fix that does not check clean.
        ((f"Failing example:\n\n{_indent(WHOLE.replace('02:00', '24:00'))}\n"
          f"Fix:\n\n{_indent(WHOLE.replace('02:00', '25:00'))}"), None, False),
        # A block that is neither.
        (f"Failing example:\n\n{_indent(WHOLE.replace('02:00', '24:00'))}\nFor instance:\n\n{_indent(WHOLE)}",
         None, False),
        # No example, and no reason.
        ("Failing example: a run at 24:00.\n", None, False),
        ("Failing example: a run at 24:00.\n", "a reason", True),
        # A reason not to show one, and one shown all the same.
        (f"Failing example:\n\n{_indent(WHOLE.replace('02:00', '24:00'))}", "a reason", False),
    ],
)
def test_a_wrong_example_is_caught(explanation, no_example, ok, monkeypatch, tmp_path):
    found = problems(_entry(explanation, monkeypatch, no_example=no_example), tmp_path)
    assert (found == []) is ok, found
