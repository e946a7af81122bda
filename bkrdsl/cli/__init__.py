"""`bkrc`: the command line.

The group imports only click; each command imports what it needs when it runs,
so `bkrc --version` stays as fast as importing click. Every command lives in its
own module in this package and is registered below.
"""

from __future__ import annotations

import sys

import click

from bkrdsl import __version__
from bkrdsl.cli.common import EXIT_INTERNAL, EXIT_INTERRUPTED, internal_error


#: Each command's module: imported when the command runs or help lists it.
LAZY_COMMANDS = {
    "check": "check",
    "explain": "check",
    "rules": "check",
    "compile": "compile",
    "fmt": "fmt",
    "highlight": "highlight",
    "init": "init",
    "lsp": "lsp",
    "show": "show",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx, name):
        if name not in self.commands and name in LAZY_COMMANDS:
            import importlib

            module = importlib.import_module(f"bkrdsl.cli.{LAZY_COMMANDS[name]}")
            for command in module.COMMANDS:
                self.commands.setdefault(command.name, command)
        return super().get_command(ctx, name)

    def invoke(self, ctx):
        # Click would print "Aborted!" and exit 1, which reads as "errors in the
        # input"; `bkrc compile` says more (what DIR holds) before this is reached.
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("bkrc: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="bkrc", message="%(prog)s %(version)s")
def cli() -> None:
    """Describe the backups of a z/VM SSI cluster once; check it; write every member's files."""


def main(argv: list[str] | None = None) -> None:
    """Console entry point: click's own exit codes, and one line (exit 2) for any crash."""
    try:
        cli.main(args=argv, prog_name="bkrc", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("bkrc: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as err:  # pragma: no cover - exercised by the crash test via monkeypatch
        internal_error(err)
        sys.exit(EXIT_INTERNAL)
