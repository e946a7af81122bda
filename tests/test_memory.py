"""The front end's results are freed by reference counting: no reference cycles.

`bkrc compile` and `analyse` run with the cyclic garbage collector off
(bkrdsl.pipeline.no_cycle_collection). That is only right while nothing they
build sits in a reference cycle: a cycle (a closure that calls itself, a node
pointing back at its parent) would keep the whole AST and model alive until a
collection, and make every later collection walk them.
"""

from __future__ import annotations

import gc

from conftest import ROOT

from bkrdsl.pipeline import compile_source

OURS = ("bkrdsl.ast", "bkrdsl.source", "bkrdsl.resolve.model", "bkrdsl.resolve.loader", "bkrdsl.emit.common")


def _cyclic_garbage_of(run) -> list[str]:
    """Type names of our objects that only the cyclic collector would free after `run`."""
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()  # no collection may free a cycle before we look (compile runs so too)
    try:
        run()
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        return sorted({type(o).__qualname__ for o in gc.garbage if type(o).__module__ in OURS})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()


def test_compiling_an_example_leaves_no_cycles():
    path = ROOT / "examples" / "with-site.bkr"  # imports a module: the loader's recursion runs

    def run():
        analysis, artifacts = compile_source(str(path), path.read_bytes(), path=path)
        assert analysis.ok and artifacts

    assert _cyclic_garbage_of(run) == []


def test_the_check_catches_a_cycle():
    """The test above can fail: a closure that calls itself, the loader's old
    mistake, keeps what it holds for the cyclic collector."""
    from bkrdsl.source import Span

    def run():
        held = Span("x.bkr", 1, 1, 1, 2)

        def visit(depth):
            return visit(depth - 1) if depth else held

        visit(1)

    assert _cyclic_garbage_of(run) == ["Span"]
