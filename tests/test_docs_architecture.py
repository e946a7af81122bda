"""docs/architecture.md's module map names every module of bkrdsl/, and nothing else.

A module is named by its own path (`bkrdsl/syntax/fast.py`) or by its
package's folder (`bkrdsl/check/`); a package's `__init__.py` by either, or by
any module of the package. Every path the map names exists.
"""

from __future__ import annotations

import re

from conftest import ROOT


def module_map() -> str:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    return text.split("## Module map", 1)[1].split("\n## ", 1)[0]


def named_paths(table: str) -> set[str]:
    return set(re.findall(r"`((?:bkrdsl|grammar)/[^`*]*)`", table))


def test_every_module_is_in_the_map():
    named = named_paths(module_map())
    missing = []
    for path in sorted((ROOT / "bkrdsl").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        folder = rel.rsplit("/", 1)[0] + "/"
        if rel in named or folder in named:
            continue
        if path.name == "__init__.py" and any(n.startswith(folder) for n in named):
            continue
        missing.append(rel)
    assert missing == [], "add these to docs/architecture.md's module map"


def test_every_path_in_the_map_exists():
    gone = sorted(p for p in named_paths(module_map()) if not (ROOT / p).exists())
    assert gone == [], "docs/architecture.md's module map names what is not there"
