"""The catalogue of malformed inputs, as data.

Each tests/data/malformed/NAME.bkr starts with a comment naming every
diagnostic the file must produce, as `CODE line:column`:

    # expect: BKR010 5:9, BKR005 2:17

The file must produce exactly those (no more, no fewer), `bkrc check` must exit
1, and nothing may look like a Python traceback. To add a case, write the file
with the mistake a z/VM programmer would make and the header you expect.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from bkrdsl.diagnostics.registry import load_all
from bkrdsl.pipeline import analyse

MALFORMED = ROOT / "tests" / "data" / "malformed"
CASES = sorted(MALFORMED.glob("*.bkr"))
_EXPECT = re.compile(rb"\A# expect:((?:[ ,]*BKR\d{3} \d+:\d+)+)[ ,]*\r?\n")


def expected(path: Path) -> list[tuple[str, int, int]]:
    header = _EXPECT.match(path.read_bytes())
    assert header, f"{path.name}: the first line must be `# expect: CODE line:col[, CODE line:col...]`"
    found = re.findall(rb"(BKR\d{3}) (\d+):(\d+)", header.group(1))
    return sorted((code.decode(), int(line), int(col)) for code, line, col in found)


def test_the_catalogue_is_large_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_produces_exactly_the_expected_codes_at_their_positions(path):
    analysis = analyse(path.name, path.read_bytes(), path=path)
    got = sorted((d.code, d.span.line, d.span.column) for d in analysis.diagnostics)
    assert got == expected(path), "\n".join(
        f"{d.code} {d.span.line}:{d.span.column} {d.message}" for d in analysis.diagnostics
    )


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_every_diagnostic_is_registered_and_explained(path):
    registry = load_all()
    for d in analysis_of(path).diagnostics:
        assert d.code in registry
        assert d.message and d.help, d
        assert d.severity is registry[d.code].severity


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_cli_exits_1_without_a_traceback(path):
    result = run_cli(["check", path], expect=1)
    assert "Traceback" not in result.output
    codes = {code for code, _, _ in expected(path)}
    assert all(f"[{code}]" in result.output for code in codes), result.output


def analysis_of(path: Path):
    return analyse(path.name, path.read_bytes(), path=path)
