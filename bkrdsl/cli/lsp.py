"""`bkrc lsp`: run the language server on standard input and output (docs/lsp.md)."""

from __future__ import annotations

import sys

import click

from bkrdsl.cli.common import EXIT_USAGE


@click.command("lsp", short_help="Run the .bkr language server (LSP over stdio).")
@click.option(
    "--stdio", is_flag=True, help="Talk LSP over standard input and output (the default and only transport)."
)
def lsp_cmd(stdio):
    """Run the .bkr language server (LSP over stdio) for VS Code, Neovim, Vim and other editors."""
    del stdio  # editors' LSP clients pass it; stdio is what the server speaks anyway
    if sys.stdin is None or sys.stdout is None:
        click.echo(
            "bkrc: the language server talks over standard input and output, and one of them is"
            " closed; let the editor start `bkrc lsp`",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    try:
        from bkrdsl.lsp.server import serve
    except ImportError as err:
        click.echo(
            f"bkrc: the language server needs pygls 2 ({err.name or err} is missing);"
            " install it with `pip install 'pygls>=2,<3'`",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    serve()


COMMANDS = [lsp_cmd]
