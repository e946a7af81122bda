"""`bkrc fmt`: rewrite .bkr files in their canonical layout (docs/fmt.md)."""

from __future__ import annotations

import sys

import click

from bkrdsl.cli.common import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    InputError,
    color_option,
    format_option,
    internal_error,
    print_diagnostics,
    read_input,
    unified_diff,
)


def write_atomically(path, text: str) -> None:
    """Replace `path` with `text` in one step, keeping its permissions: never half a file.

    A symbolic link is followed: its target is rewritten and the link stays a link
    (an editor saving through the link does the same)."""
    import os
    import tempfile

    path = os.path.realpath(path)
    folder = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode & 0o7777
    handle, temp = tempfile.mkstemp(prefix=".bkrc-fmt-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def _write_raw(data: bytes) -> None:
    """Standard input's bytes back out, unchanged (even when they are not UTF-8)."""
    sys.stdout.flush()
    raw = getattr(sys.stdout, "buffer", None)
    if raw is None:  # pragma: no cover - a text-only stdout
        sys.stdout.write(data.decode("utf-8", errors="replace"))
    else:
        raw.write(data)
        raw.flush()


class _Run:
    """The outcome of one `bkrc fmt` call, file by file."""

    def __init__(self, check: bool, diff: bool):
        self.check = check
        self.diff = diff
        self.code = EXIT_OK
        self.results = []

    def fail(self, code: int) -> None:
        self.code = max(self.code, code)

    def one(self, arg: str) -> None:
        from bkrdsl.fmt import FormatterBug, format_bytes

        try:
            name, data, path = read_input(arg)
        except InputError as err:
            click.echo(str(err), err=True)
            self.fail(EXIT_USAGE)
            return
        try:
            done = format_bytes(name, data)
        except FormatterBug as err:
            internal_error(err)
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
        self.report(done, path)

    def report(self, done, path) -> None:
        if self.diff and done.changed:
            name = done.source.name
            click.echo(unified_diff(done.before, done.text, name, f"{name} (formatted)"), nl=False)
        if self.check:
            if done.changed:
                click.echo(f"would reformat {done.source.name}", err=True)
                self.fail(EXIT_INPUT)
            return
        if self.diff:
            return
        if path is None:
            click.echo(done.text, nl=False)
        elif done.changed:
            try:
                write_atomically(path, done.text)
            except OSError as err:
                click.echo(f"bkrc: {done.source.name}: cannot write: {err.strerror or err}", err=True)
                self.fail(EXIT_USAGE)
                return
            click.echo(f"reformatted {done.source.name}", err=True)


@click.command("fmt")
@click.argument("files", nargs=-1, required=True)
@click.option("--check", is_flag=True, help="Change nothing; exit 1 and name each file that would change.")
@click.option("--diff", is_flag=True, help="Change nothing; print a unified diff of what would change.")
@format_option
@color_option
def fmt_cmd(files, check, diff, fmt, color):
    """Rewrite FILE... in the canonical .bkr layout; '-' reads standard input and writes standard output.

    A file with syntax errors is left untouched: its diagnostics are printed and
    the exit code is 1. With --check, exit 1 when any file would change.
    """
    run = _Run(check, diff)
    for arg in files:
        run.one(arg)
    failed = [r for r in run.results if not r.ok]
    if failed:
        print_diagnostics(failed, fmt, color, err=True)
    sys.exit(run.code)


COMMANDS = [fmt_cmd]
