"""`bkrc`: the command line.

The group imports only click; each command imports what it needs when it runs,
so `bkrc --version` stays as fast as importing click. Every command lives in its
own module in this package and is registered below.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence

import click

from bkrdsl import __version__
from bkrdsl.cli.common import (
    CWD_GONE,
    EXIT_INTERNAL,
    EXIT_USAGE,
    OUTPUT_ERRNOS,
    cwd_gone,
    internal_error,
    interruption,
    reader_gone,
    silence_streams,
)
from bkrdsl.signals import Answers, put

#: Each command's module: imported when the command runs or help lists it.
LAZY_COMMANDS = {
    "check": "check",
    "explain": "check",
    "rules": "check",
    "compile": "compile",
    "dialect": "dialect",
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

    def make_context(self, info_name, args, parent=None, **extra):
        with Answers():  # a signal while bkrc answers one is let go (`signals.answering`)
            return self._make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx):
        with Answers():
            return self._invoke(ctx)

    def _make_context(self, info_name, args, parent=None, **extra):
        # Before invoke, where click would answer both with exit 1 ("errors in the
        # input"): `bkrc --help | head -1` (the group's own help and version are
        # printed here), and a Ctrl-C while the command line is read ("Aborted!").
        if parent is None:
            _refuse_closed_streams(args)
        given = list(args)  # click's parser consumes the list it is given
        try:
            ctx = super().make_context(info_name, args, parent=parent, **extra)
            ctx.meta[_ARGS] = given
            return ctx
        except BrokenPipeError:
            reader_gone()
        except KeyboardInterrupt as err:
            sys.exit(interrupted(err, given, ctx=None))

    def _invoke(self, ctx):
        # Click would print "Aborted!" and exit 1, which reads as "errors in the
        # input"; `bkrc compile` says more (what DIR holds) before this is reached.
        previous = {}
        try:
            # Inside the try: a Ctrl-C while the handler is being set is answered too.
            previous = _answer_sigterm()
            return super().invoke(ctx)
        except KeyboardInterrupt as err:
            ctx.exit(interrupted(err, ctx.meta.get(_ARGS, []), ctx=ctx))
        except FileNotFoundError:
            # Started in a folder that was deleted since (a shell left in DIR after
            # `bkrc compile -o DIR` replaced it): `os.path.abspath` itself fails.
            if not cwd_gone():
                raise
            click.echo(f"bkrc: {CWD_GONE}", err=True)
            ctx.exit(EXIT_USAGE)
        except BrokenPipeError as err:
            if err.filename is not None:  # a file bkrc writes, not its output
                raise
            reader_gone(ctx)
        except OSError as err:
            # Standard output cannot take what bkrc prints (`> /dev/full`, a full
            # disk, a file over its size limit): bkrc's own file errors name a file.
            if err.filename is not None or err.errno not in OUTPUT_ERRNOS:
                raise
            silence_streams()
            try:
                click.echo(f"bkrc: cannot write to standard output: {err.strerror or err}", err=True)
            except OSError:
                # Standard error cannot take it either (`2> /dev/full`: the stream
                # that failed may have been that one): exit 2 all the same, not the
                # 1 of an exception Python reports where it cannot.
                silence_streams(sys.stderr)
            ctx.exit(EXIT_USAGE)
        finally:
            for signum, handler in previous.items():
                put(signum, handler)  # once the answer to a signal is over, if one is given


#: `ctx.meta` key: the command line's words after `bkrc`, as the group was given them.
_ARGS = "bkrc.args"


def interrupted(err: KeyboardInterrupt, words: Sequence[str] | None, *, ctx: click.Context | None = None) -> int:
    """Ctrl-C, SIGTERM or SIGHUP before the command could answer it (while bkrc
    started, its command's module was imported, or its command line read):
    `bkrc: interrupted` (`terminated`, `hung up`) and, in a document format the
    command line `words` names (None: `sys.argv`'s), the document of a run that
    failed (`_interrupted_document`). Returns the exit code, 130, 143 or 129."""
    word, code = interruption(err)
    line = f"bkrc: {word}"
    words = sys.argv[1:] if words is None else list(words)
    if not _interrupted_document(cli, words, line, ctx):
        click.echo(line, err=True)
    return code


def _interrupted_document(group: click.Group, words: Sequence[str], line: str, ctx: click.Context | None) -> bool:
    """In a document format the command line `words` names, the line on the other
    stream and the document of a run that failed, as the command itself prints them
    (`DocumentCommand.invoke`). False when there is no such format (the caller
    prints the line alone)."""
    from bkrdsl.cli.common import DOCUMENT_FORMATS, DocumentCommand, given_format, interrupted_document

    at = next((n for n, word in enumerate(words) if not word.startswith("-")), None)
    if at is None:
        return False
    try:
        # The command's module is imported here if the signal came first.
        command = group.get_command(ctx or click.Context(group, info_name="bkrc"), words[at])
    except BaseException:  # noqa: BLE001 - a second signal, or a module that cannot be imported: the line alone
        return False
    if not isinstance(command, DocumentCommand):
        # A command with a document of its own (`bkrc dialect --format json`,
        # `DialectCommand`): that document, on standard output, the line on standard error.
        failed = getattr(command, "failed_document", None)
        fmt = given_format(command, words[at + 1 :])
        if failed is None or fmt not in getattr(command, "document_formats", ()):
            return False
        click.echo(line, err=True)
        failed(fmt, line, words=words[at + 1 :])
        return True
    fmt = given_format(command, words[at + 1 :])
    if fmt not in DOCUMENT_FORMATS and fmt != "github":
        return False
    click.echo(line, err=not (command.document_err and fmt in DOCUMENT_FORMATS))
    interrupted_document(fmt, [line], err=command.document_err)
    return True


def _refuse_closed_streams(args) -> None:
    """Started with standard output or standard error closed (`>&-`, `2>&-`):
    click would print nothing there and go on, so a report, a plan, JSON, the
    version, or the diagnostics and the reason for an exit 1 or 2 would be lost
    unsaid. Refuse (exit 2) before anything is read or written, in one line on
    the other stream when it is open. `bkrc lsp` needs neither standard error
    (the editor shows what it sends) nor this check for standard output: it
    says that in its own words, except where it would print its help."""
    lsp = bool(args) and args[0] == "lsp" and not {"-h", "--help"} & set(args[1:])
    if sys.stdout is None and not lsp:
        _refuse(
            "bkrc: standard output is closed; give bkrc one (`> FILE`, or `> /dev/null`"
            " to drop what it prints)",
            sys.stderr,
            args,
        )
    if sys.stderr is None and not lsp:
        _refuse(
            "bkrc: standard error is closed, where bkrc says what is wrong; give bkrc one"
            " (`2> FILE`, or `2> /dev/null` to drop its messages)",
            sys.stdout,
            args,
        )


def _refuse(line: str, other, args: Sequence[str] = ()) -> None:
    """Exit 2 with LINE on OTHER, the stream left open. When the program reading
    that one has gone too (`bkrc rules 2>&- | head -0`), the line cannot be said:
    still exit 2, not Python's 120 for a flush that fails at exit. Where OTHER is
    the stream of the document a format the command line `args` names (json,
    sarif, gitlab: `bkrc compile ... >&- 2> diagnostics.json`, `bkrc check
    --format json 2>&- > report.json`), the document of a run that failed is
    printed there instead, LINE in its failures, so that it parses; with
    `--format github`, an `::error` of no file before LINE, which GitHub reads from
    either stream (`_closed_stream_document`)."""
    if other is not None:  # both closed: nowhere to say it
        try:
            if not _closed_stream_document(args, line, other):
                click.echo(line, file=other)
            other.flush()
        except OSError:  # BrokenPipeError, or a stream that cannot take the line
            silence_streams(other)
    sys.exit(EXIT_USAGE)


def _closed_stream_document(words: Sequence[str], line: str, other) -> bool:
    """For `_refuse`: in a document format of a DocumentCommand whose document is
    OTHER's stream, print on OTHER the document of a run that failed, LINE in its
    failures, and return True (LINE is said there alone); with `--format github`,
    the `::error` of LINE on OTHER, and False (the caller prints LINE after it)."""
    from bkrdsl.cli.common import DOCUMENT_FORMATS, DocumentCommand, empty_document, given_format

    at = next((n for n, word in enumerate(words) if not word.startswith("-")), None)
    if at is None:
        return False
    try:
        # The command's module is imported here; a name that is no command, or a
        # module that cannot be imported, leaves LINE alone.
        command = cli.get_command(click.Context(cli, info_name="bkrc"), words[at])
    except Exception:  # noqa: BLE001 - the line alone, as before
        return False
    fmt = given_format(command, words[at + 1 :])
    if not isinstance(command, DocumentCommand):
        # A document of its own, on standard output (`bkrc dialect`, `DialectCommand`).
        failed = getattr(command, "failed_document", None)
        if failed is None or fmt not in getattr(command, "document_formats", ()) or other is not sys.stdout:
            return False
        failed(fmt, line, words=words[at + 1 :], file=other)
        return True
    err = other is sys.stderr
    if fmt == "github":
        empty_document(fmt, err=err, reason=line)
        return False
    if fmt in DOCUMENT_FORMATS and command.document_err == err:
        empty_document(fmt, err=err, reason=line)
        return True
    return False


def _answer_sigterm() -> dict:
    """Answer SIGTERM as Ctrl-C is answered (`signals.Terminated`), and SIGHUP (an
    ssh connection or terminal that dropped: `signals.HungUp`) as SIGTERM: a
    command that writes tidies up and says what it left, rather than dying with
    a temporary folder beside DIR. Not where a signal is ignored (`nohup`) or
    handled by another. bkrc's entry point installed them already, before
    anything was imported (`bkrdsl.__main__`); this is for a caller that runs the
    group itself, and puts the default back once the command is done, where a
    signal would find click's "Aborted!" (exit 1). Returns the handlers to put
    back, by signal (`signals.answer`)."""
    from bkrdsl.signals import answer

    return answer()


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="bkrc", message="%(prog)s %(version)s")
def cli() -> None:
    """Describe the backups of a z/VM SSI cluster once; check it; write every member's files.

    New to bkrc? Let `init` write a first file, replace its `# your ...`
    placeholders with your site's names, then check it and compile it:

    \b
      bkrc init mycluster.bkr --cluster PRODSSI --member VMSYS1 --member VMSYS2
      bkrc check mycluster.bkr
      bkrc compile mycluster.bkr -o out

    `bkrc COMMAND --help` describes each command, `bkrc explain CODE` each
    diagnostic, and bkrdsl's docs/language.md the language.
    """


def _names_as_bytes() -> None:
    """Standard output and error write a file name that is not UTF-8 (which Python
    reads as surrogate escapes, `bad\\udcff.bkr`) as its own bytes, as a shell and
    `ls` name it. Python does so on standard output under the C locale only:
    under en_US.UTF-8 (a desktop's, a CI runner's) standard output is strict, and
    such a name in a diagnostic or in `wrote DIR` was an internal error
    (UnicodeEncodeError); standard error wrote the escape, a name no shell finds.
    A stream of another encoding (a Latin-1 locale, `LANG=de_DE`, or ASCII) writes
    what it cannot encode as Python's escape (`\\u03a9`, `\\udcff`): a file name or
    a description outside it was an internal error there too."""
    for stream in (sys.stdout, sys.stderr):
        want = "surrogateescape" if stream_is_utf8(stream) else "backslashreplace"
        if getattr(stream, "errors", None) != want and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors=want)
            except (OSError, ValueError):  # pragma: no cover - a stream that cannot change now
                pass


def stream_is_utf8(stream) -> bool:
    """Whether `stream` encodes text as UTF-8 (the locale's encoding, or PYTHONIOENCODING's)."""
    import codecs

    encoding = getattr(stream, "encoding", None)
    try:
        return encoding is not None and codecs.lookup(encoding).name == "utf-8"
    except LookupError:  # pragma: no cover - a stream with a made-up encoding
        return False


class _WholeWrites(io.FileIO):
    """Standard output's file, unbuffered, that writes all it is given or raises.
    With PYTHONUNBUFFERED set (`python -u`; many a container image sets it),
    Python writes standard output straight to its file, whose write may take
    less than it is given: when the program reading the pipe closes it in the
    middle of a write larger than the pipe holds, the rest was dropped without a
    word, and `bkrc fmt --diff a.bkr | head` of a large diff ended with exit 0, as
    if all had been written. Here the write after a short one fails (EPIPE), and
    bkrc stops with 141 as for any reader gone (`common.reader_gone`), as it does
    with the buffer Python otherwise puts there, which writes all or raises."""

    def write(self, data) -> int | None:
        view = memoryview(data).cast("B")
        done = 0
        while done < len(view):
            count = super().write(view[done:])
            if count is None:  # pragma: no cover - a non-blocking descriptor that is full
                return done or None
            done += count
        return done


def _whole_writes() -> None:
    """Put `_WholeWrites` under an unbuffered standard output (PYTHONUNBUFFERED),
    with the same encoding, error handler and line buffering; a buffered one, or
    a stream a test or a caller set, is left as it is."""
    stream = sys.stdout
    raw = getattr(stream, "buffer", None)
    if type(stream) is not io.TextIOWrapper or type(raw) is not io.FileIO:
        return
    stream.flush()
    sys.stdout = io.TextIOWrapper(
        _WholeWrites(raw.fileno(), "w", closefd=False),
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=stream.line_buffering,
        write_through=True,
    )


def main(argv: list[str] | None = None) -> None:
    """Console entry point: click's own exit codes, and one line (exit 2) for any crash."""
    try:
        with Answers():  # a signal while bkrc answers one is let go (`signals.answering`)
            _whole_writes()
            _names_as_bytes()
            cli.main(args=argv, prog_name="bkrc", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt as err:
        with Answers():
            sys.exit(interrupted(err, argv))
    # Deliberately broad: any bug left is told as an internal error, with where to report it, never a traceback.
    except Exception as err:  # noqa: BLE001  # pragma: no cover - exercised by the crash test via monkeypatch
        try:
            internal_error(err)
        except OSError:  # standard error cannot take the line: still exit 2
            silence_streams(sys.stderr)
        sys.exit(EXIT_INTERNAL)
