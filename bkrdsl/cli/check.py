"""`bkrc check`, `bkrc explain`, `bkrc rules`."""

from __future__ import annotations

import sys

import click

from bkrdsl.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    InputError,
    analyse_arg,
    color_option,
    exit_code,
    format_option,
    include_option,
    print_diagnostics,
)


@click.command("check")
@click.argument("files", nargs=-1, required=True)
@format_option
@color_option
@include_option
def check_cmd(files, fmt, color, include):
    """Check FILE... (the cluster and everything it imports); '-' reads standard input."""
    analyses = []
    io_failed = False
    for arg in files:
        try:
            analyses.append(analyse_arg(arg, include))
        except InputError as err:
            click.echo(str(err), err=True)
            io_failed = True
    print_diagnostics(analyses, fmt, color)
    code = max([exit_code(a.diagnostics) for a in analyses] + [EXIT_OK])
    sys.exit(EXIT_USAGE if io_failed else code)


@click.command("explain")
@click.argument("code")
def explain_cmd(code):
    """Print the long explanation of a diagnostic CODE (e.g. BKR201)."""
    from bkrdsl.diagnostics.registry import lookup

    entry = lookup(code)
    if entry is None:
        click.echo(f"bkrc: no diagnostic code {code!r}; `bkrc rules` lists them all", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"{entry.code} ({entry.name}, {entry.severity.value}): {entry.summary}\n")
    if entry.retired:
        click.echo(f"Retired: bkrc no longer reports {entry.code}; see `bkrc explain {entry.retired}`.\n")
    click.echo(entry.explanation, nl=False)


@click.command("rules")
def rules_cmd():
    """List every diagnostic code with its severity and summary."""
    from bkrdsl.diagnostics.registry import load_all

    for entry in load_all().values():
        summary = f"{entry.summary} (retired: see {entry.retired})" if entry.retired else entry.summary
        click.echo(f"{entry.code}  {entry.severity.value:<7}  {entry.name:<32} {summary}")


COMMANDS = [check_cmd, explain_cmd, rules_cmd]
