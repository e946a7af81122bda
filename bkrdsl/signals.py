"""SIGTERM and SIGHUP answered as Ctrl-C is: `Terminated` and `HungUp`, and the handlers that raise them.

Its own small module, so that `bkrc` can install the handlers (`answer`) as the
first thing its entry point does (`bkrdsl/__main__.py`), before click and
`bkrdsl.cli` are imported, and every command again (`bkrdsl/cli/__init__.py`,
for a caller that runs the group without that entry point), without importing
`bkrdsl.output`, whose `Commit` holds them back as it holds Ctrl-C back.
"""

from __future__ import annotations


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
