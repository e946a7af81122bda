"""`bkrc check`, `bkrc explain`, `bkrc rules`."""

from __future__ import annotations

import os
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
    read_input,
)


@click.command("check", short_help="Check FILE... (a cluster, or a module) against the SSI rules.")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--fix",
    is_flag=True,
    help="Apply every fix the diagnostics carry to the FILEs, then report what is left.",
)
@format_option
@color_option
@include_option
def check_cmd(files, fix, fmt, color, include):
    """Check FILE... (the cluster and everything it imports); '-' reads standard input.

    A FILE without a cluster is a module: its syntax, imports and declarations
    are checked, and the SSI rules in the cluster that imports it.

    With --fix, each FILE is rewritten in one step with the fixes its diagnostics
    carry (docs/diagnostics.md#fixes), checked again and fixed again until no
    fix is left; a file with none is not touched. What remains is reported.
    """
    if fix and "-" in files:
        click.echo("bkrc: --fix rewrites files; it cannot rewrite standard input", err=True)
        sys.exit(EXIT_USAGE)
    analyses = []
    rewritten: list[tuple[int, str]] = []  # (when, the file's real path) for each file --fix replaced
    io_failed = False
    for arg in files:
        try:
            if fix:
                analysis, written = fix_arg(arg, include)
                if written:
                    rewritten.append((len(analyses), os.path.realpath(arg)))
            else:
                analysis = analyse_arg(arg, include)
            analyses.append((arg, analysis))
        except InputError as err:
            click.echo(str(err), err=True)
            io_failed = True
            if isinstance(err, UnwritableError):
                analyses.append((arg, err.analysis))
    for n, (arg, analysis) in enumerate(analyses):
        # A FILE checked before --fix replaced a module it imports (`bkrc check --fix
        # cluster.bkr site.bkr`) is reported as it is now, not with the module's old text.
        read = {os.path.realpath(name) for name in analysis.sources}
        if any(when > n and path in read for when, path in rewritten):
            try:
                analyses[n] = (arg, analyse_arg(arg, include))
            except InputError as err:
                click.echo(str(err), err=True)
                io_failed = True
    analyses = [analysis for _, analysis in analyses]
    print_diagnostics(analyses, fmt, color, modules=[a.name for a in analyses if a.module])
    code = max([exit_code(a.diagnostics) for a in analyses] + [EXIT_OK])
    sys.exit(EXIT_USAGE if io_failed else code)


class UnwritableError(InputError):
    """--fix could not replace a file: the analysis of the file as it is."""

    def __init__(self, message: str, analysis) -> None:
        super().__init__(message)
        self.analysis = analysis


def fix_arg(arg: str, include):
    """Fix one FILE argument in place (`bkrc check --fix`): the analysis of what it holds
    afterwards, and whether it was replaced. Raises InputError when it cannot be read
    or written."""
    from bkrdsl.fixes import fix_all
    from bkrdsl.output import Commit, replace_file
    from bkrdsl.pipeline import analyse
    from bkrdsl.resolve import default_search_path
    from bkrdsl.syntax.reader import decode

    name, data, path = read_input(arg)
    search_path = default_search_path(tuple(include))
    _, unreadable = decode(name, data)
    if unreadable:  # binary, not UTF-8: nothing to fix, only to report
        return analyse(name, data, path=path, search_path=search_path), False
    # The text as written: the fixes keep its byte-order mark and its line ends, each
    # line's own (fix_all maps the offsets of the text bkrc reads onto it).
    done = fix_all(
        data.decode("utf-8"),
        name,
        lambda text: analyse(name, text.encode("utf-8"), path=path, search_path=search_path),
    )
    if not done.applied:
        return done.analysis, False
    out = done.text
    codes = ", ".join(d.code for d in done.applied)
    count = len(done.applied)
    with Commit() as commit:
        try:
            replace_file(path, out.encode("utf-8"))
        except OSError as err:
            # The file is as it was: report what it holds, as without --fix.
            unfixed = analyse(name, data, path=path, search_path=search_path)
            raise UnwritableError(f"bkrc: {name}: cannot write: {err.strerror or err}", unfixed) from None
        click.echo(f"fixed {count} problem{'s' if count != 1 else ''} in {name}: {codes}", err=True)
    if commit.interrupted:
        raise KeyboardInterrupt
    return done.analysis, True


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
