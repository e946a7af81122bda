"""docs/compatibility.md is generated from the dialect tables and must match them."""

from __future__ import annotations

import tomllib
from dataclasses import replace

from bkrdsl.dialect import DIALECT_DIR, _parsed_ahead, compat, load_dialect, parse_dialect


def test_compatibility_page_matches_the_tables():
    assert compat.PAGE.read_text(encoding="utf-8") == compat.render(), (
        "docs/compatibility.md is stale: run `python -m bkrdsl.dialect.compat --write`"
    )


def test_every_entry_is_on_the_page_with_its_status():
    page = compat.PAGE.read_text(encoding="utf-8")
    dialect = load_dialect()
    for key, entry in dialect.entries.items():
        row = next(line for line in page.splitlines() if line.startswith(f"| `{key}` |"))
        assert f"| {entry.status} |" in row
    for role in dialect.machines:
        assert f"| `{role}` |" in page


def test_the_tables_parsed_ahead_match_the_tables():
    from bkrdsl.dialect import _tables

    assert compat.TABLES.read_text(encoding="utf-8") == compat.tables_text(), (
        "bkrdsl/dialect/_tables.py is stale: run `python -m bkrdsl.dialect.compat --write`"
    )
    for file in sorted(DIALECT_DIR.glob("backup-manager-*.toml")):
        text = file.read_text(encoding="utf-8")
        made_from, data = _tables.TABLES[file.name]
        assert made_from == text
        assert repr(data) == repr(tomllib.loads(text))  # the same values, in the same order


def test_a_builtin_table_is_the_one_its_toml_parses_to():
    release = "1.3"
    file = DIALECT_DIR / f"backup-manager-{release}.toml"
    text = file.read_text(encoding="utf-8")
    # the same entries, read from the file bkrc ships (`builtin`, which manifest.json records)
    assert load_dialect(release) == replace(parse_dialect(tomllib.loads(text), file.name), builtin=True)
    # A table edited since _tables.py was written is parsed from its text.
    assert _parsed_ahead(file.name, text) is not None
    assert _parsed_ahead(file.name, text + "# edited\n") is None
