"""`python -m bkrdsl`, and `bkrc`'s console entry point (pyproject.toml): the same.

The command line needs click and `bkrdsl.cli`, a noticeable part of a second
to import on a busy machine, before any of bkrc's handlers is in place: a
Ctrl-C then ended in a KeyboardInterrupt traceback. `main` imports them under
its own guard and answers as every command does (`bkrc: interrupted`, 130).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    try:
        from bkrdsl.cli import main as cli_main
    except KeyboardInterrupt:
        if sys.stderr is not None:
            sys.stderr.write("bkrc: interrupted\n")
        sys.exit(130)  # EXIT_INTERRUPTED, which bkrdsl.cli.common names, out of reach here
    cli_main(argv)


if __name__ == "__main__":  # pragma: no cover - exercised through the CLI tests
    main()
