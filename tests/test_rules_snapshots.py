"""What a user sees for each failing rule case: the text diagnostics, both spans
included (the offending use with `^`, the declaration it conflicts with with `-`).

One syrupy snapshot per failing case in tests/data/rules/; read a changed
snapshot before accepting it with `pytest --snapshot-update`.
"""

from __future__ import annotations

import pytest
from test_rules_support import cases, expects_none, run

from bkrdsl.diagnostics.render import render_text

FAILING = [p for p in cases() if not expects_none(p)]


@pytest.mark.parametrize("path", FAILING, ids=lambda p: p.name)
def test_text_diagnostics(path, snapshot):
    analysis = run(path)
    assert render_text(analysis.diagnostics, analysis.sources) == snapshot
