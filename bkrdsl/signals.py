"""SIGTERM and SIGHUP answered as Ctrl-C is: `Terminated` and `HungUp`, and the handlers that raise them.

Its own small module, so that `bkrc` can install the handlers (`answer`) as the
first thing its entry point does (`bkrdsl/__main__.py`), before click and
`bkrdsl.cli` are imported, and every command again (`bkrdsl/cli/__init__.py`,
for a caller that runs the group without that entry point), without importing
`bkrdsl.output`, whose `Commit` holds them back as it holds Ctrl-C back.
"""

from __future__ import annotations

from typing import Self


class Terminated(KeyboardInterrupt):
    """SIGTERM (`kill`, `timeout`, a CI job cancelled, `docker stop`), raised by
    `raise_terminated` where Python would just die: bkrc then tidies up as for
    Ctrl-C (no temporary folder or file left behind) and exits 143."""


def raise_terminated(signum, frame) -> None:
    """The SIGTERM handler `bkrc` installs (see `Terminated`)."""
    raise Terminated


class HungUp(Terminated):
    """SIGHUP (the terminal or the ssh connection a deploy step runs `bkrc` over
    dropped), raised by `raise_hung_up`: tidied up as SIGTERM is, with exit 129
    (128 + SIGHUP). Python's default would die at once, leaving the temporary
    folder beside DIR as a kill does."""


def raise_hung_up(signum, frame) -> None:
    """The SIGHUP handler `bkrc` installs (see `HungUp`)."""
    raise HungUp


def answer() -> dict:
    """Install `raise_terminated` for SIGTERM and `raise_hung_up` for SIGHUP where
    the signal has its default action (or one of these handlers already: the
    entry point put it in place), never where it is ignored (`nohup`) or handled
    by another; in another thread than the main one, none (Python sets a handler
    only there). Returns the handlers to put back, by signal: the default, for
    each signal this call answers."""
    import signal

    previous: dict = {}
    answers = [(signal.SIGTERM, raise_terminated)]
    if hasattr(signal, "SIGHUP"):  # not on Windows
        answers.append((signal.SIGHUP, raise_hung_up))
    for signum, handler in answers:
        if signal.getsignal(signum) in (signal.SIG_DFL, handler):
            try:
                signal.signal(signum, handler)
            except ValueError:  # not the main thread
                break
            previous[signum] = signal.SIG_DFL
    return previous


def raised(signum: int) -> KeyboardInterrupt:
    """The exception bkrc's handler raises for `signum`: KeyboardInterrupt for
    SIGINT, `Terminated` for SIGTERM, `HungUp` for SIGHUP."""
    import signal

    if signum == getattr(signal, "SIGHUP", None):
        return HungUp()
    return Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


class Whole:
    """Hold Ctrl-C, SIGTERM and SIGHUP back while a document (json, sarif, gitlab)
    is written, so that a signal cannot cut it and leave half a document, which
    no program parses, followed by the interrupted run's: the first signal waits
    until the document is written (a few milliseconds, the stream taking it) and
    is then raised as it would have been (`raised`), the document printed whole;
    a second one, of any of them, is raised at once (the program reading the
    document stopped reading, and the user or the job runner insists): what was
    written of it stays, nothing after it. Only the handlers bkrc installs
    (Python's for SIGINT, `raise_terminated`, `raise_hung_up`) are replaced,
    and only in the main thread (elsewhere none is held). An exception from the
    write (a standard output that cannot take it) goes on as it is; the held
    signal then goes with it, the run already failing."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self._previous: dict = {}

    def _note(self, signum, frame) -> None:
        if self.signum is not None:
            self._release()
            raise raised(signum)
        self.signum = signum

    def __enter__(self) -> Self:
        import signal

        ours = [(signal.SIGINT, signal.default_int_handler), (signal.SIGTERM, raise_terminated)]
        if hasattr(signal, "SIGHUP"):
            ours.append((signal.SIGHUP, raise_hung_up))
        for signum, handler in ours:
            if signal.getsignal(signum) is handler:
                try:
                    self._previous[signum] = signal.signal(signum, self._note)
                except ValueError:  # not the main thread
                    break
        return self

    def _release(self) -> None:
        import signal

        for signum, previous in self._previous.items():
            signal.signal(signum, previous)
        self._previous = {}

    def __exit__(self, kind, value, traceback) -> None:
        self._release()
        if kind is None and self.signum is not None:
            raise raised(self.signum)
