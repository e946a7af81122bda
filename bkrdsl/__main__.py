"""`python -m bkrdsl`, and `bkrc`'s console entry point (pyproject.toml): the same.

The command line needs click and `bkrdsl.cli`, a noticeable part of a second
to import on a busy machine, before any of bkrc's handlers is in place: a
Ctrl-C then ended in a KeyboardInterrupt traceback, and a SIGTERM (a pipeline's
`timeout`, a cancelled job) ended the process with nothing said and no document
a step could parse. So the first thing `main` does is answer SIGTERM and SIGHUP
as every command does (`bkrdsl.signals.answer`), and it imports the command
line under its own guard: interrupted there, it answers as the group does
(`bkrdsl.cli.interrupted`: `bkrc: terminated`, 143, with the document of a run
that failed where the command line names a document format). What comes before
`main` (the interpreter's start, its `site`, the console script's own `import
re`) is not bkrc's: a SIGTERM then ends the process as it ends any program
(docs/diagnostics.md, its exit codes, has the figure).

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
    import signal

    previous: dict = {}
    scope = None
    try:
        try:
            from bkrdsl.signals import Answers, answer

            # A signal while bkrc answers one is let go to the end (`signals.answering`).
            scope = Answers().__enter__()
            previous = answer()
            from bkrdsl.cli import main as cli_main
        except KeyboardInterrupt as err:
            sys.exit(_interrupted_while_starting(err, argv))
        cli_main(argv)
    finally:
        if scope is not None:
            scope.__exit__(None, None, None)  # what a signal let go replaced, put back
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        gc.freeze()


def _interrupted_while_starting(err: KeyboardInterrupt, argv: list[str] | None) -> int:
    """Ctrl-C, SIGTERM or SIGHUP while the command line was imported: answered as
    the group answers it (`bkrdsl.cli.interrupted`, which imports what the import
    left out); where that cannot be done (a second signal), the line alone, with
    the exit code of the signal (`bkrdsl.cli.common` names them, out of reach here)."""
    from bkrdsl.signals import HungUp, Terminated, answering

    try:
        from bkrdsl.cli import interrupted

        return interrupted(err, argv)
    except BaseException:  # noqa: BLE001 - a second signal, or what the first left half imported
        err = answering(err)  # the first signal's, and no later one cuts its line
        word, code = (
            ("hung up", 129) if isinstance(err, HungUp)
            else ("terminated", 143) if isinstance(err, Terminated)
            else ("interrupted", 130)
        )
        if sys.stderr is not None:
            try:
                sys.stderr.write(f"bkrc: {word}\n")
                sys.stderr.flush()
            except (OSError, ValueError):  # standard error cannot take it: the exit code says it
                pass
        return code


if __name__ == "__main__":  # pragma: no cover - exercised through the CLI tests
    main()
