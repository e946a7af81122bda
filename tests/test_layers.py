"""Data flows one way: docs/architecture.md's table of layers is what bkrdsl imports.

Every import of every module of bkrdsl counts, also one inside a function and
one for type checking alone: each is a dependency. A layer is a top-level
module or package of bkrdsl (`check` is everything under bkrdsl/check/,
`bkrdsl` the package's own `__init__.py`). The table in "Layers" is the one
copy of the graph: this test reads it, and fails when an import is not in it,
or when the table names one nothing makes (so it stays the graph, not a wish).
On top of the table, the rule it must keep: the front end and the checks
(syntax, resolve, check) never reach the emitters or the output, even through
another layer, and the emitters import neither the checks nor the pipeline
that runs them. Diagnostics and artifacts are two consumers of the model.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "bkrdsl"
#: The layers that make diagnostics, and what they must never reach.
CHECKING = ("syntax", "resolve", "cpdirectory", "check")
WRITING = ("emit", "output")


def layer_of(module: str) -> str:
    """`bkrdsl.check.tables` -> `check`; `bkrdsl` itself -> `bkrdsl`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    """The bkrdsl modules an `import` or `from ... import` statement names."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:  # relative: from the module's package, up `level - 1` more
        base = module.split(".")[: len(module.split(".")) - node.level + (1 if is_package else 0)]
        name = ".".join([*base, node.module] if node.module else base)
    else:
        name = node.module or ""
    if name == "bkrdsl":  # `from bkrdsl import ast`: a module; `from bkrdsl import __version__`: the package
        return [f"bkrdsl.{a.name}" if _is_module(f"bkrdsl.{a.name}") else "bkrdsl" for a in node.names]
    return [name]


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Each layer -> the other layers its modules import (every layer, importing or not)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(package.rglob("*.py")):
        module = module_name(path, package)
        layer = graph.setdefault(layer_of(module), set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            for name in imported(node, module, path.name == "__init__.py"):
                if name == "bkrdsl" or name.startswith("bkrdsl."):
                    layer.add(layer_of(name))
        layer.discard(layer_of(module))
    return graph


def documented_graph() -> dict[str, set[str]]:
    """docs/architecture.md's "Layers" table: layer -> the layers it imports."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("\n## Layers\n", 1)[1].split("\n## ", 1)[0]
    graph = {}
    for row in re.findall(r"^\| `([\w.]+)` \|([^|\n]*)\|", section, re.MULTILINE):
        layer, imports = row
        graph[layer] = set(re.findall(r"`([\w.]+)`", imports))
    return graph


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_the_table_of_layers_is_what_bkrdsl_imports():
    actual, documented = import_graph(), documented_graph()
    assert sorted(documented) == sorted(actual), "docs/architecture.md, Layers: one row per layer of bkrdsl/"
    undocumented = sorted(f"{a} -> {b}" for a in actual for b in actual[a] - documented[a])
    assert undocumented == [], "imports the Layers table does not allow: remove them, or argue for the edge there"
    unused = sorted(f"{a} -> {b}" for a in documented for b in documented[a] - actual.get(a, set()))
    assert unused == [], "the Layers table allows imports nothing makes: take them out of the table"


def test_the_checks_never_reach_the_emitters_nor_the_emitters_the_checks():
    graph = documented_graph()
    for layer in CHECKING:
        reached = reachable(graph, layer) & set(WRITING)
        assert not reached, f"{layer} reaches {sorted(reached)}"
    assert not graph["emit"] & {"check", "pipeline"}


def test_a_function_level_import_counts(tmp_path):
    # What the first test would miss if it read only the module's top level: the
    # call-time import BKR254 once made to learn the extents the emitter hands out.
    (tmp_path / "bkrdsl" / "check").mkdir(parents=True)
    (tmp_path / "bkrdsl" / "__init__.py").write_text("")
    (tmp_path / "bkrdsl" / "check" / "tables.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from bkrdsl.dialect import Dialect\n"
        "def extents():\n    from bkrdsl.emit.directory import allocations\n"
    )
    graph = import_graph(tmp_path / "bkrdsl")
    assert graph["check"] == {"dialect", "emit"}
