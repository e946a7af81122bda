"""`python -m bkrdsl`, and `bkrc`'s console entry point (pyproject.toml): the same.

The command line needs click and `bkrdsl.cli`, a noticeable part of a second
to import on a busy machine, before any of bkrc's handlers is in place: a
Ctrl-C then ended in a KeyboardInterrupt traceback. `main` imports them under
its own guard and answers as every command does (`bkrc: interrupted`, 130).

`main` is the whole process, so it also decides when Python's cyclic garbage
collector runs: never on its own. Imports and a command's work make next to no
reference cycles (what the imports make stays alive to the end; the front end
makes none, `tests/test_memory.py`), yet the collector walked the young objects
some thirty times while a `bkrc check` started, and walked everything once more
as Python exited, for nothing: about a tenth of a small command's instructions
(docs/performance.md, "Start-up of a whole command"). So it is off from the
start, as `bkrdsl.pipeline.no_cycle_collection` already had it for the front
end, and what is alive at the end is frozen (`gc.freeze`) so that the exit's
collections skip it; reference counting still frees it all, files are flushed
and closed, exit handlers run. The language server makes its own collections
between requests (`bkrdsl.lsp.collector`), which the collector's being off
leaves as they were.
"""

from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> None:
    gc.disable()
    try:
        try:
            from bkrdsl.cli import main as cli_main
        except KeyboardInterrupt:
            if sys.stderr is not None:
                sys.stderr.write("bkrc: interrupted\n")
            sys.exit(130)  # EXIT_INTERRUPTED, which bkrdsl.cli.common names, out of reach here
        cli_main(argv)
    finally:
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover - exercised through the CLI tests
    main()
