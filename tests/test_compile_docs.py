"""docs/compatibility.md is generated from the dialect tables and must match them."""

from __future__ import annotations

from bkrdsl.emit import compat
from bkrdsl.emit.dialect import load_dialect


def test_compatibility_page_matches_the_tables():
    assert compat.PAGE.read_text(encoding="utf-8") == compat.render(), (
        "docs/compatibility.md is stale: run `python -m bkrdsl.emit.compat --write`"
    )


def test_every_entry_is_on_the_page_with_its_status():
    page = compat.PAGE.read_text(encoding="utf-8")
    dialect = load_dialect()
    for key, entry in dialect.entries.items():
        row = next(line for line in page.splitlines() if line.startswith(f"| `{key}` |"))
        assert f"| {entry.status} |" in row
    for role in dialect.machines:
        assert f"| `{role}` |" in page
