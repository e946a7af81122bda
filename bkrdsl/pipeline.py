"""The whole front end in one call: bytes -> AST -> model -> diagnostics.

The CLI, the language server and the tests all go through `analyse`, so each of
them sees exactly the same diagnostics for the same text.
"""

from __future__ import annotations

import contextlib
import gc
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bkrdsl.diagnostics import Diagnostic, sort_key
from bkrdsl.resolve import Model, Program, build_model, load
from bkrdsl.resolve.loader import Reader
from bkrdsl.source import Source

if TYPE_CHECKING:
    from bkrdsl.emit.dialect import Dialect


@dataclass
class Analysis:
    program: Program
    model: Model | None  # None when a syntax or import error stopped the front end
    diagnostics: list[Diagnostic]

    @property
    def sources(self) -> dict[str, Source]:
        return self.program.sources

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def analyse(
    name: str,
    data: bytes,
    *,
    path: Path | None = None,
    search_path: tuple[Path, ...] = (),
    reader: Reader | None = None,
    dialect: Dialect | None = None,
) -> Analysis:
    """Read, parse, resolve and check one main file and its imports. Never raises on input.

    `dialect` is the table the files would be written from (default: the
    built-in one): the checks of `bkrdsl/check/tables.py` read it (BKR250,
    BKR251, BKR253, BKR319)."""
    with no_cycle_collection():
        return _analyse(name, data, path=path, search_path=search_path, reader=reader, dialect=dialect)


@contextlib.contextmanager
def no_cycle_collection():
    """The cyclic garbage collector off for a block, then back as it was.

    The front end allocates hundreds of thousands of AST nodes, model entries
    and strings and makes no reference cycles: reference counting frees them
    all, and the collector's passes over an ever larger heap only cost time (a
    third of `check` at 50,000 users). Objects allocated meanwhile are still
    counted against the collector's youngest generation, so a caller that keeps
    the results (the compile command) wraps its whole run, and lets the results
    go before the collector comes back, rather than pay for one pass over them.
    Nested uses leave it to the outermost one."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _analyse(name, data, *, path, search_path, reader, dialect) -> Analysis:
    kwargs = {"reader": reader} if reader is not None else {}
    program = load(name, data, path=path, search_path=search_path, **kwargs)
    diagnostics = list(program.diagnostics)
    model = None
    if program.syntax_ok and program.main is not None:
        from bkrdsl.check import run_checks
        from bkrdsl.check.tables import table_checks

        model = build_model(program.modules)
        diagnostics.extend(run_checks(model))
        if model.cluster is not None:
            from bkrdsl.emit.dialect import load_dialect

            diagnostics.extend(table_checks(model, dialect or load_dialect()))
    return Analysis(program, model, sorted(diagnostics, key=sort_key))
