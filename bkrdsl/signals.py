"""SIGTERM and SIGHUP answered as Ctrl-C is: `Terminated` and `HungUp`, and the handlers that raise them.

Its own small module, so that every `bkrc` command can install the handler
(`bkrdsl/cli/__init__.py`) without importing `bkrdsl.output`, whose `Commit`
holds it back as it holds Ctrl-C back.
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
