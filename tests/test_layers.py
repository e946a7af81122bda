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


def private_names_used(path: Path, package: Path = PACKAGE) -> list[str]:
    """The private names (`_name`, not `__name__`) of other bkrdsl modules that the
    module at `path` imports (`from bkrdsl.resolve.loader import _path_span`) or reads
    off a module it imports (`fast._MEDIA`, `fast` imported from `bkrdsl.syntax`). A
    private module is its package's: a module of that package may import it
    (`from bkrdsl import _records` in bkrdsl/records.py, the table it reads and writes)."""
    module = module_name(path, package)
    home = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    modules: dict[str, str] = {}  # a local name -> the bkrdsl module or name it stands for
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("bkrdsl"):
            for alias in node.names:
                own_module = node.module == home and _is_module_in(package, f"{node.module}.{alias.name}")
                if (
                    node.module != module
                    and alias.name.startswith("_")
                    and not alias.name.startswith("__")
                    and not own_module
                ):
                    out.append(f"{node.lineno}: from {node.module} import {alias.name}")
                modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("bkrdsl"):
                    modules[alias.asname or alias.name.split(".")[0]] = alias.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and modules[node.value.id] != module
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            out.append(f"{node.lineno}: {modules[node.value.id]}.{node.attr}")
    return sorted(out)


def _is_module_in(package: Path, name: str) -> bool:
    path = package.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def test_h3_83_no_module_of_bkrdsl_uses_another_module_s_private_name():
    # Stop 82 held the language server to it: lsp/server.py imported the loader's
    # `_path_span` and lsp/fixcheck.py read six of the fast parser's private sets, and a
    # rename or a change inside those modules would break the language server with no
    # sign at its definition that anyone else used it. Stop 83 holds every module of
    # bkrdsl to it: 24 such uses were left, in check/ (`values._one_slip`,
    # `coverage._timed`, `jobs._worker_room`, ...), syntax/ (`fast._GiveUp`,
    # `fast._TOKEN`, `messages._run_allowed`, ...) and cli/highlight.py
    # (`reader._wide_encoding`); each has a public name in its home module now.
    used = {
        str(path.relative_to(ROOT)): found for path in sorted(PACKAGE.rglob("*.py")) if (found := private_names_used(path))
    }
    assert used == {}


def test_h2_82_a_private_name_is_found_imported_or_read_off_a_module(tmp_path):
    (tmp_path / "bkrdsl" / "lsp").mkdir(parents=True)
    (tmp_path / "bkrdsl" / "__init__.py").write_text("")
    (tmp_path / "bkrdsl" / "lsp" / "x.py").write_text(
        "from bkrdsl.syntax import fast\nimport bkrdsl.pipeline as p\n"
        "def f():\n    from bkrdsl.resolve.loader import _path_span, path_span\n"
        "    return fast._MEDIA, fast.KEYWORDS, p._private, _own.__name__\n"
    )
    assert private_names_used(tmp_path / "bkrdsl" / "lsp" / "x.py", tmp_path / "bkrdsl") == [
        "4: from bkrdsl.resolve.loader import _path_span",
        "5: bkrdsl.pipeline._private",
        "5: bkrdsl.syntax.fast._MEDIA",
    ]


def test_h3_83_a_private_module_is_its_package_s(tmp_path):
    # bkrdsl/records.py imports `bkrdsl._records`, the table it writes: a private module
    # of its own package. Another package's module importing it, or a private name that
    # is no module, is still found.
    (tmp_path / "bkrdsl" / "lsp").mkdir(parents=True)
    for name in ("__init__.py", "_records.py", "records.py", "lsp/__init__.py", "lsp/x.py"):
        (tmp_path / "bkrdsl" / name).write_text("")
    (tmp_path / "bkrdsl" / "records.py").write_text("from bkrdsl import _records, _version\n")
    (tmp_path / "bkrdsl" / "lsp" / "x.py").write_text("from bkrdsl import _records\n")
    package = tmp_path / "bkrdsl"
    assert private_names_used(package / "records.py", package) == ["1: from bkrdsl import _version"]
    assert private_names_used(package / "lsp" / "x.py", package) == ["1: from bkrdsl import _records"]
