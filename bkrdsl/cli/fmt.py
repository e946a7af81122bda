"""`bkrc fmt`: rewrite .bkr files in their canonical layout (docs/fmt.md).

Each file is replaced in one step (`output.replace_file`; one with other hard
links in place, after a backup), so an error or a Ctrl-C never leaves half a file. Ctrl-C is held back while a file is replaced
and reported, then ends the run: exit 130, and a line naming the files that
were rewritten before it (every other file is as it was).
"""

from __future__ import annotations

import sys

import click

from bkrdsl.cli.common import (
    DOCUMENT_FORMATS,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    DocumentCommand,
    InputError,
    color_option,
    echo_diff,
    echo_utf8,
    expand_folders,
    format_option,
    internal_error_text,
    interruption,
    max_errors_option,
    named,
    print_diagnostics,
    read_input,
    status_to_stderr,
    stdin_once,
)
from bkrdsl.terminal import escaped

#: What to do with a FIFO or a device, which `bkrc fmt` does not rewrite.
STREAM_HINT = "to format it, read it as standard input: `bkrc fmt - < {arg}`"


def _write_raw(data: bytes) -> None:
    """Standard input's bytes back out, unchanged (even when they are not UTF-8).

    Of an input too large (BKR020), read only up to the limit (`Oversized.taken`),
    what was read goes out and then the rest, piece by piece: a filter passes all
    its input on, and holds no more of it than the limit."""
    from bkrdsl.syntax.reader import Oversized

    sys.stdout.flush()
    raw = getattr(sys.stdout, "buffer", None)
    taken = data.taken if isinstance(data, Oversized) else None
    if raw is None:  # pragma: no cover - a text-only stdout
        sys.stdout.write(data.decode("utf-8", errors="replace"))
    elif taken is None:
        raw.write(data)
        raw.flush()
    else:
        raw.write(taken)
        while piece := sys.stdin.buffer.read(1 << 20):
            raw.write(piece)
        raw.flush()


class _Run:
    """The outcome of one `bkrc fmt` call, file by file."""

    def __init__(self, check: bool, diff: bool, status: bool = True, fmt: str = "text", unread=None):
        self.check = check
        self.unread = unread  # `Expanded.unread`: what to say of a name not to be read
        self.fmt = fmt
        self.diff = diff
        # Where bkrc's own lines go: standard error, or standard output with --format
        # json or sarif, whose document is then all of standard error (`status_to_stderr`).
        self.status = status
        self.code = EXIT_OK
        self.results = []
        self.rewritten: list[str] = []
        self.failures: list[str] = []  # bkrc's lines for the files it could not read or write
        self.unformatted: list[tuple[str, str, str]] = []  # --check: (name, text, formatted), for the document

    def failed(self, line: str) -> None:
        click.echo(line, err=self.status)
        self.failures.append(line)
        self.fail(EXIT_USAGE)

    def fail(self, code: int) -> None:
        self.code = max(self.code, code)

    def one(self, arg: str) -> None:
        from bkrdsl.fmt import FormatterBug, format_bytes

        try:
            rewrite = None if self.check or self.diff else STREAM_HINT
            name, data, path = read_input(arg, rewrite=rewrite, unread=self.unread)
        except InputError as err:
            self.failed(str(err))
            return
        try:
            done = format_bytes(name, data)
        except FormatterBug as err:
            # On the status stream, as every line of bkrc's: with json or sarif, standard
            # error is the document alone, which says the run failed (`failures`).
            self.failed(internal_error_text(err))
            self.fail(EXIT_INTERNAL)
            if path is None and not (self.check or self.diff):
                _write_raw(data)  # a filter must never swallow its input
            return
        self.results.append(done)
        if not done.ok:
            self.fail(EXIT_INPUT)
            if path is None and not (self.check or self.diff):
                _write_raw(data)  # untouched, as the file would be
            return
        self.report(done, path, data)

    def report(self, done, path, data: bytes) -> None:
        if self.diff and done.changed:
            name = done.source.name
            echo_diff(done.before, done.text, name, f"{name} (formatted)")
        if self.check:
            if done.changed:
                click.echo(f"would reformat {escaped(done.source.name)}", err=self.status)
                if self.fmt == "github":  # an annotation too, on the pull request's file
                    from bkrdsl.diagnostics.render import github_unformatted

                    click.echo(github_unformatted(done.source.name, done.before, done.text), nl=False, err=True)
                elif self.fmt in DOCUMENT_FORMATS:  # a finding of the document (gitlab: an issue), after the diagnostics
                    self.unformatted.append((done.source.name, done.before, done.text))
                self.fail(EXIT_INPUT)
            return
        if self.diff:
            return
        if path is None:
            echo_utf8(done.text)
        elif done.changed:
            self.rewrite(done, path, data)

    def rewrite(self, done, path, data: bytes) -> None:
        """Replace the file and say so, with Ctrl-C held back until both are done:
        a file is never rewritten without its "reformatted" line, nor over a change
        another program made after it was read (`data`: the text formatted)."""
        from bkrdsl.output import Commit, replace_file

        name = done.source.name
        with Commit() as commit:
            try:
                left = replace_file(path, done.text.encode("utf-8"), was=data)
            except OSError as err:
                self.failed(f"bkrc: {escaped(name)}: cannot write: {err.strerror or err}")
            else:
                self.rewritten.append(name)
                click.echo(f"reformatted {escaped(name)}", err=self.status)
                if left:
                    click.echo(f"bkrc: warning: {left}", err=self.status)
        if commit.interrupted:
            commit.reraise()

    def interrupted(self, word: str = "interrupted") -> str:
        if not self.rewritten:
            return f"bkrc: {word}; no file was changed"
        names = ", ".join(map(escaped, self.rewritten))
        return f"bkrc: {word}; rewritten before it: {names}; every other file is as it was"


@click.command(
    "fmt", cls=DocumentCommand, document_err=True, short_help="Rewrite FILE... in the canonical .bkr layout."
)
@click.argument("files", nargs=-1, required=True, callback=named)
@click.option("--check", is_flag=True, help="Change nothing; exit 1 and name each file that would change.")
@click.option("--diff", is_flag=True, help="Change nothing; print a unified diff of what would change.")
@format_option
@max_errors_option
@color_option
def fmt_cmd(files, check, diff, fmt, color):
    """Rewrite FILE... in the canonical .bkr layout; '-' reads standard input and writes standard output.

    A FILE that is a folder: every .bkr file under it, as `bkrc check` finds them.

    A file with syntax errors is left untouched: its diagnostics are printed and
    the exit code is 1. With --check, exit 1 when any file would change. Ctrl-C
    exits 130 and names the files rewritten before it.
    """
    stdin_once(files)
    files = expand_folders(files)
    # With --format json or sarif the diagnostics are all of standard error, one
    # document in every run, as for `bkrc compile`: bkrc's own lines (`would
    # reformat`, `reformatted`, a FILE it cannot read) go to standard output.
    status = status_to_stderr(fmt)
    run = _Run(check, diff, status, fmt, files.unread)
    try:
        for arg in files:
            run.one(arg)
    except KeyboardInterrupt as err:
        word, code = interruption(err)
        line = run.interrupted(word)
        click.echo(line, err=status)
        run.failures.append(line)  # the run failed: the document says so, not a clean run's
        if not status:  # json, sarif, gitlab: the document of the files read before it
            print_diagnostics(
                [r for r in run.results if not r.ok], fmt, color, err=True, failures=run.failures,
                unformatted=run.unformatted,
            )
        sys.exit(code)
    failed = [r for r in run.results if not r.ok]
    # json, sarif, gitlab: the document, always (gitlab's with an issue per file --check would reformat)
    print_diagnostics(failed, fmt, color, err=True, failures=run.failures, unformatted=run.unformatted)
    sys.exit(run.code)


COMMANDS = [fmt_cmd]
