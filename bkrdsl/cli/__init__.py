"""`bkrc`: the command line.

The group imports only click; each command imports what it needs when it runs,
so `bkrc --version` stays as fast as importing click. Every command lives in its
own module in this package and is registered below.
"""

from __future__ import annotations

import sys

import click

from bkrdsl import __version__
from bkrdsl.cli.common import EXIT_INTERNAL, internal_error


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="bkrc", message="%(prog)s %(version)s")
def cli() -> None:
    """Describe the backups of a z/VM SSI cluster once; check it; write every member's files."""


def _register() -> None:
    from bkrdsl.cli import check, compile, fmt, highlight, lsp

    for module in (check, compile, fmt, highlight, lsp):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main(argv: list[str] | None = None) -> None:
    """Console entry point: click's own exit codes, and one line (exit 2) for any crash."""
    try:
        cli.main(args=argv, prog_name="bkrc", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("bkrc: interrupted", err=True)
        sys.exit(130)
    except Exception as err:  # pragma: no cover - exercised by the crash test via monkeypatch
        internal_error(err)
        sys.exit(EXIT_INTERNAL)
