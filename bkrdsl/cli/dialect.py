"""`bkrc dialect [--changes FILE [--format text|json]]`: the built-in dialect table, and a site's changes to it.

Without options it prints the built-in table's TOML, byte for byte the file
in the installed package, which is where a site's corrected copy starts
(`bkrc dialect > site-dialect.toml`; docs/compatibility.md, "Correcting an
entry"): the path of that file in a source checkout is not where `pip
install` puts it. With `--changes FILE` it loads the site's table, as
`--dialect FILE` does (a table bkrc refuses is exit 2, in the same one
line), and lists what it changes against the built-in one, item by item
(`bkrdsl/dialect/changes.py`): what a reviewer reads before a compile with
`--dialect FILE`. Either way the exit is 0, with changes or none. With
`--format json` a FILE it cannot read prints the document of a run that
failed (`changes` null, `execution_successful` false), not nothing, and so
does a usage error under `--format json` (`DialectCommand`).
"""

from __future__ import annotations

import sys

import click

from bkrdsl.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    OnceOption,
    document_begun,
    echo_whole,
    given_format,
    given_values,
    interruption,
    named,
)


class DialectCommand(click.Command):
    """`bkrc dialect`, whose `--format json` is a document a program reads on
    standard output in every run, as the diagnostics' of `bkrc check` are
    (`DocumentCommand`): a usage error (`--format json` without `--changes`, an
    unknown option, `--changes` with no FILE) under `--format json` prints the
    document of a run that failed (`failed_document`: `changes` null, bkrc's
    `usage error` line in `failures`), click's usage text on standard error, exit
    2; it was the usage text alone, and standard output held nothing a JSON
    reader parses. The group prints the same document for an interruption before
    the command runs and for a standard error closed (`bkrc dialect ... 2>&-`)."""

    #: The formats whose output is a document (`DOCUMENT_FORMATS`, for dialect).
    document_formats = ("json",)

    def make_context(self, info_name, args, parent=None, **extra):
        given = list(args)  # click's parser consumes the list it is given
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as err:
            self._refuse(err, given_format(self, given), _given_table(self, given))

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.UsageError as err:  # raised by the command (`--format json` without `--changes`)
            self._refuse(err, ctx.params.get("fmt"), ctx.params.get("changes_path"))

    def _refuse(self, err: click.UsageError, fmt: str | None, table: str | None) -> None:
        if fmt not in self.document_formats:
            raise err
        self.failed_document(fmt, f"bkrc: usage error: {err.format_message()}", table=table)
        err.show(file=sys.stderr)
        sys.exit(EXIT_USAGE)

    def failed_document(self, fmt: str, line: str, *, words=None, table: str | None = None, file=None) -> None:
        """The document of a run that failed (`changes.as_json`: `changes` null,
        `line` in `failures`), on standard output (or `file`); `table`: the
        `--changes` FILE, or the one the command line `words` names, if any."""
        from bkrdsl.dialect import changes
        from bkrdsl.terminal import json_text

        if document_begun():  # the run's own, whole (`echo_whole`): no second one after it
            return
        if table is None and words is not None:
            table = _given_table(self, words)
        click.echo(json_text(changes.as_json(None, table, None, failures=[line])), file=file)


def _given_table(command: click.Command, words) -> str | None:
    """The `--changes` FILE the command line `words` gives, when it gives one."""
    found = given_values(command, words, "--changes")
    return found[0] if len(set(found)) == 1 else None


@click.command(
    "dialect", cls=DialectCommand, short_help="Print the built-in dialect table, or what a copy of it changes."
)
@click.option(
    "--changes",
    "changes_path",
    cls=OnceOption,
    type=click.Path(readable=False),  # unreadable, or a folder: bkrc's own line, from the loader
    callback=named,
    metavar="FILE",
    help="List what the dialect table FILE (a site's copy) changes against the built-in one, item by item.",
)
@click.option(
    "--format",
    "fmt",
    cls=OnceOption,
    type=click.Choice(("text", "json")),
    default=None,
    help="With --changes: a line per change (the default), or JSON (docs/compatibility.md).",
)
def dialect_cmd(changes_path, fmt):
    """Print the built-in dialect table (TOML), exactly as bkrc reads it.

    Start a site's corrected table from it: `bkrc dialect > site-dialect.toml`,
    edit an entry, then pass `--dialect site-dialect.toml` to check and compile.
    With --changes FILE: each entry, machine role and size unit whose value,
    status or note FILE changes, and the entries it adds, which bkrc does not
    read (a misspelt name?); a table bkrc refuses is exit 2, as with --dialect
    (with --format json, in a document that says the run failed).
    """
    from bkrdsl.dialect import DialectError, builtin_path, load_dialect

    if changes_path is None:
        if fmt is not None:
            raise click.UsageError("--format is for --changes: the table itself is printed as TOML")
        path = builtin_path()
        try:
            data = path.read_bytes()
        except OSError as err:
            click.echo(f"bkrc: cannot read the built-in dialect table {path}: {err.strerror or err}", err=True)
            sys.exit(EXIT_USAGE)
        click.echo(data, nl=False)
        sys.exit(EXIT_OK)

    from bkrdsl.dialect import changes

    builtin = None
    try:
        builtin = load_dialect()
        site = load_dialect(path=changes_path, option="--changes")
        found = changes.changes(builtin, site)
    except DialectError as err:
        from bkrdsl.cli.common import refused_table

        _failed(f"bkrc: {err}", EXIT_USAGE, fmt, changes_path, builtin, shown=refused_table(err))
    except KeyboardInterrupt as err:
        # Ctrl-C, SIGTERM (a cancelled pipeline job) or SIGHUP while the tables were
        # read: as the group answers it, with the document of a run that failed.
        if fmt != "json":
            raise
        word, code = interruption(err)
        _failed(f"bkrc: {word}", code, fmt, changes_path, builtin)
    if fmt == "json":
        from bkrdsl.terminal import json_text

        echo_whole(json_text(changes.as_json(found, changes_path, builtin)), document=True)
    else:
        click.echo(changes.text(found, changes_path, builtin), nl=False)
    sys.exit(EXIT_OK)


def _failed(line: str, code: int, fmt: str | None, changes_path: str, builtin, shown: str | None = None) -> None:
    """Exit `code` with bkrc's `line` on standard error; with --format json, the
    document of a run that failed on standard output too (`changes.as_json`), as
    every command whose output is a document prints one in every run: a FILE
    missing, unreadable, a folder, not UTF-8, or a table bkrc refuses left
    standard output empty, which no JSON reader parses. A table bkrc refuses is
    `shown` on standard error as BKR601 (its line, a caret, a help); the document
    carries bkrc's one line."""
    click.echo(shown or line, err=True)
    if fmt == "json":
        from bkrdsl.dialect import changes
        from bkrdsl.terminal import json_text

        click.echo(json_text(changes.as_json(None, changes_path, builtin, failures=[line])))
    sys.exit(code)


COMMANDS = [dialect_cmd]
