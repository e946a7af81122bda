"""SIGTERM answered as Ctrl-C is: `Terminated`, and the handler that raises it.

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
