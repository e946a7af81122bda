"""What every command shares: exit codes, reading inputs, printing diagnostics."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shlex
import sys
from collections.abc import Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING

import click

from bkrdsl import __version__
from bkrdsl.signals import Whole
from bkrdsl.terminal import escaped

if TYPE_CHECKING:
    from pathlib import Path

# Exit codes (design section 5), named once and used through `exit_code()`.
EXIT_OK = 0  # success; warnings allowed
EXIT_INPUT = 1  # errors in the input, or changes found by --check
EXIT_USAGE = 2  # usage, I/O or internal error
EXIT_INTERNAL = 2
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)
EXIT_TERMINATED = 143  # SIGTERM (128 + 15), answered as Ctrl-C is (`interruption`)
EXIT_HUNG_UP = 129  # SIGHUP (128 + 1): the terminal or ssh connection dropped, answered as SIGTERM is
EXIT_BROKEN_PIPE = 141  # output closed by its reader (`| head -1`): 128 + SIGPIPE, as a shell reports it

FORMATS = ("text", "short", "json", "sarif", "github", "gitlab")

#: The formats whose diagnostics are one document a program parses: where a
#: command prints them on standard error (compile, show, init, fmt), its own `bkrc:` lines
#: go to standard output instead, so that `2>diagnostics.json` holds JSON only.
DOCUMENT_FORMATS = ("json", "sarif", "gitlab")


def status_to_stderr(fmt: str) -> bool:
    """Whether a command that prints `fmt` diagnostics on standard error may print
    its own lines (`nothing written`, warnings) there too (see DOCUMENT_FORMATS)."""
    return fmt not in DOCUMENT_FORMATS

#: Errors of a write to standard output that are the output's, not bkrc's.
OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def silence_streams(*streams) -> None:
    """Drop what standard output (or each of `streams`) still buffers, so that
    Python's flush at exit does not fail again with a second message."""
    for stream in streams or (sys.stdout,):
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
        except (OSError, AttributeError, ValueError):  # pragma: no cover - no real stream
            pass


def reader_gone(ctx=None) -> None:
    """The program reading bkrc's output closed it (`bkrc rules | head -1`): stop
    quietly, as a program that SIGPIPE ends, with its exit code (141). Whether
    standard output or standard error was closed (`2>&1 | head`), neither can
    take a message now; but a document standard error holds alone is printed
    first (`_reader_gone_document`)."""
    _reader_gone_document(click.get_current_context(silent=True))
    silence_streams(sys.stdout, sys.stderr)
    if ctx is None:  # before the group's context exists
        sys.exit(EXIT_BROKEN_PIPE)
    ctx.exit(EXIT_BROKEN_PIPE)


BUG_URL = "https://github.com/bkrdsl/bkrdsl/issues"


def internal_error_text(err: BaseException) -> str:
    return (
        f"bkrc: internal error: {type(err).__name__}: {err} (bkrc {__version__});"
        f" please report it with the input at {BUG_URL}"
    )


def internal_error(err: BaseException) -> None:
    click.echo(internal_error_text(err), err=True)


def interruption(err: BaseException | None = None, signum: int | None = None) -> tuple[str, int]:
    """(word, exit code) for an interrupt: ("interrupted", 130) for Ctrl-C,
    ("terminated", 143) for SIGTERM (a `signals.Terminated`, or `signum` 15),
    ("hung up", 129) for SIGHUP (a `signals.HungUp`, or `signum` 1).

    Every answer to a signal begins here: from now on, another signal is let go
    (`signals.answering`), so that the answer is said once, and it is the first
    signal's, where another came while the first one's exception was on its way
    here (`signals.first`)."""
    import signal

    from bkrdsl.signals import HungUp, Terminated, answering

    err = answering(err)
    if isinstance(err, HungUp) or signum == getattr(signal, "SIGHUP", None):
        return "hung up", EXIT_HUNG_UP
    if isinstance(err, Terminated) or signum == signal.SIGTERM:
        return "terminated", EXIT_TERMINATED
    return "interrupted", EXIT_INTERRUPTED


def exit_code(diagnostics) -> int:
    """The policy: any error in the input is exit 1; warnings alone are success."""
    return EXIT_INPUT if any(d.is_error for d in diagnostics) else EXIT_OK


def use_color(option: str, stream=None) -> bool:
    """Whether to colour what goes to `stream` (standard output by default): the
    one place every command that colours asks (diagnostics, `bkrc highlight`)."""
    if option == "always":
        return True
    # NO_COLOR counts when set and not empty, whatever its value (no-color.org:
    # NO_COLOR=0 too), and wins over FORCE_COLOR (CI logs that show colours,
    # not a terminal), as in CPython and pytest; TERM=dumb is a terminal that
    # cannot show colours (Emacs' shell, some CI logs).
    if option == "never" or os.environ.get("NO_COLOR"):
        return False
    if forced_color():
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def forced_color() -> bool:
    """FORCE_COLOR set, not empty and not `0`: a CI template that sets
    FORCE_COLOR=0 means "do not force", as Node's tools read it, and got colour
    codes in a log that cannot show them (force-color.org counts any value)."""
    return os.environ.get("FORCE_COLOR", "") not in ("", "0")


def unified_diff(before: str, after: str, from_name: str, to_name: str) -> str:
    """`diff -u` of two texts, as `echo_diff` prints it."""
    import difflib

    lines = difflib.unified_diff(_lines(before), _lines(after), from_name, to_name)
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def _lines(text: str) -> list[str]:
    """`text`'s lines with their ends, split at `\n` only, as bkrc, `diff` and `patch`
    count lines (`str.splitlines` splits at a U+2028 or a NEL in a comment too: the
    hunks' line numbers were off, and a "No newline" note stood inside the file)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def echo_diff(before: str, after: str, from_name: str, to_name: str) -> None:
    """Print one file's `diff -u` on standard output, for `bkrc fmt --diff` and
    `bkrc compile --diff` alike. Plain text, not coloured on a terminal either
    (--color is the diagnostics'), so that `patch` and `git apply` read it."""
    echo_utf8(unified_diff(before, after, from_name, to_name))


def echo_utf8(text: str) -> None:
    """Write `text` on standard output as UTF-8, the encoding of a .bkr file and of
    what bkrc writes, whatever the locale's (a file name that is not UTF-8 as its
    own bytes): `bkrc fmt -` and a `--diff` are a file's text, for a file or
    `patch`. In a Latin-1 locale a character it lacks was an internal error, and
    one it has came out as Latin-1."""
    raw = getattr(sys.stdout, "buffer", None)
    if raw is None:  # pragma: no cover - a text-only stdout
        click.echo(text, nl=False)
        return
    sys.stdout.flush()
    raw.write(text.encode("utf-8", "surrogateescape"))
    raw.flush()


#: Why bkrc cannot go on when the folder it was started in is gone (`cwd_gone`).
CWD_GONE = (
    "the current folder no longer exists (deleted, or replaced by a new folder of the"
    " same name, as `bkrc compile -o DIR` replaces DIR): `cd` into a folder that exists"
    ' (`cd "$PWD"` enters the new one) and run bkrc again'
)


def cwd_gone() -> bool:
    """True when the folder this process was started in was deleted: every relative
    path, and `os.path.abspath`, fails then."""
    try:
        os.getcwd()
    except FileNotFoundError:
        return True
    return False


class InputError(Exception):
    """A file that cannot be read at all: one line on stderr, exit 2."""


def read_input(
    arg: str, *, rewrite: str | None = None, unread: Mapping[str, str] | None = None
) -> tuple[str, bytes, Path | None]:
    """(display name, bytes, path) for a FILE argument; '-' is standard input.

    `rewrite`: the caller replaces the file afterwards (`bkrc fmt`, `check --fix`),
    so a FIFO or a device is refused before it is read (reading a FIFO takes its
    bytes, and the file bkrc would write could not take its place); the text is
    what to do instead. `unread`: the lines of an `Expanded` (`expand_folders`),
    what to say of a name it left in a FILE's place instead of reading it."""
    if arg == "-":
        if sys.stdin is None:  # started with standard input closed (`<&-`)
            raise InputError("bkrc: -: standard input is closed; name a FILE, or give it one: `- < FILE`")
        if what := _standard_input_device():
            raise InputError(
                f"bkrc: -: standard input is {what}, not a .bkr file, and bkrc reads no source from one"
                " (a device holds none: /dev/null reads empty, /dev/zero never ends);"
                " name the .bkr file, or give it one: `- < FILE`"
            )
        try:
            from bkrdsl.syntax.reader import read_stream

            return "<stdin>", read_stream(sys.stdin.buffer), None
        except OSError as err:
            raise InputError(f"bkrc: -: cannot read standard input: {err.strerror or err}") from None
    from pathlib import Path  # here, not at the top: `bkrc --version` never needs it

    path = Path(arg)
    said = escaped(arg)  # the name as typed, for a message line (docs/security.md)
    try:
        if rewrite and (what := _special(path)):
            if _no_source(path, what):
                raise InputError(no_source_line(said, what))  # not `rewrite`'s line: no command reads it
            raise InputError(
                f"bkrc: {said}: is {what}, not a regular file, and bkrc rewrites only files;"
                f" {rewrite.format(arg=escaped(shlex.quote(arg)))}"
            )
        # Inside the try: a folder on the path that bkrc may not enter makes even
        # the question "is it a folder?" fail (PermissionError), as the read would.
        if unread and arg in unread:
            raise InputError(unread[arg])
        if path.is_dir():
            raise InputError(f"bkrc: {said}: is a directory, not a .bkr file")
        if (what := _special_found(arg)) and _no_source(path, what):  # (not `_special`: no bkrdsl.output)
            raise InputError(no_source_line(said, what))
        from bkrdsl.syntax.reader import read_file

        return arg, read_file(path), path
    except FileNotFoundError:
        if not path.is_absolute() and cwd_gone():
            raise InputError(f"bkrc: {said}: no such file; {CWD_GONE}") from None
        from bkrdsl.resolve.loader import dangling_link

        raise InputError(f"bkrc: {said}: {escaped(dangling_link(arg) or 'no such file' + _with_suffix(path))}") from None
    except PermissionError:
        raise InputError(
            f"bkrc: {said}: permission denied (to read the file, or to enter a folder on its path)"
        ) from None
    except OSError as err:
        if err.errno == errno.ELOOP:  # as `-I`'s folder says it (loader.folder_problem)
            raise InputError(f"bkrc: {said}: is a loop of symbolic links, which ends at no file") from None
        raise InputError(f"bkrc: {said}: cannot read: {err.strerror or err}") from None


def no_source_line(said: str, what: str) -> str:
    """The line for a FILE that is a device or a socket (`what`, "a character
    device"), named or found in a folder: no .bkr source is read from one. A
    device holds none: /dev/null reads empty (it was BKR110, "this file describes
    no cluster", whose help said to add one to /dev/null), /dev/zero never ends
    (10,000,000 bytes read, then BKR020), a disk is a disk. A FIFO is read (`bkrc
    check <(git show HEAD:a.bkr)`: the shell names a pipe), and so is the
    terminal standard input is (`/dev/stdin` typed into, as `-` reads it)."""
    why = " (a device holds none: /dev/null reads empty, /dev/zero never ends)" if "device" in what else ""
    return (
        f"bkrc: {said}: is {what}, not a .bkr file, and bkrc reads no source from one{why};"
        " name the .bkr file, or pipe its text to `-`"
    )


def _standard_input_device() -> str | None:
    """What standard input is, for `-`, when it is a device other than the
    terminal: `< /dev/null`, which a CI job, cron or `ssh -n` gives a command
    with no input, read as an empty text was BKR110, "this file describes no
    cluster", whose help said to add one (exit 1, an annotation on `<stdin>`),
    as `bkrc check /dev/null` was (`no_source_line`); `/dev/zero` was read to
    the size limit. None for a pipe, a file, a socket or the terminal, which
    are read. Told from fstat, never by reading."""
    import stat

    try:
        fd = sys.stdin.fileno()
        mode = os.fstat(fd).st_mode
        if stat.S_ISBLK(mode):
            return "a block device"
        if not stat.S_ISCHR(mode) or os.isatty(fd):
            return None
        null = os.fstat(fd).st_rdev == os.stat(os.devnull).st_rdev
    except (OSError, ValueError):  # no descriptor (a test's runner), or no /dev/null
        return None
    return "/dev/null, a character device" if null else "a character device"


def _no_source(path, what: str) -> bool:
    """Whether `path`, which `_special` says is `what`, holds no source to read: a
    device or a socket, but the terminal standard input reads; not a FIFO."""
    return not what.startswith("a FIFO") and not _standard_input_terminal(path)


def _standard_input_terminal(path) -> bool:
    """Whether `path` is the terminal standard input reads (`/dev/stdin`, `/dev/tty`
    at a prompt): what is typed there is a source, as `-` reads it. Told from the
    device numbers, never by opening the device (opening a tape drive rewinds it)."""
    try:
        return os.isatty(0) and os.stat(path).st_rdev == os.fstat(0).st_rdev
    except (OSError, ValueError):
        return False


def _with_suffix(path) -> str:
    """What `read_input` adds to "no such file" for a FILE named without the `.bkr`
    an `import` adds for itself (`bkrc check mycluster`), where that file is there:
    "did you mean `mycluster.bkr`?"; else nothing."""
    if path.suffix.lower() == ".bkr":
        return ""
    meant = path.with_name(path.name + ".bkr")
    try:
        found = meant.is_file()
    except OSError:
        return ""
    return f"; did you mean `{meant}`?" if found else ""


class Expanded(list):
    """FILE... with each folder among them replaced by the .bkr files under it
    (`expand_folders`), a list of names; `unread`: for each name in it that is
    not to be read, the line `read_input` says of it instead (a folder with no
    .bkr file, one that could not be listed, a FIFO or a device found in one)."""

    def __init__(self, names: Sequence[str] = (), unread: Mapping[str, str] | None = None) -> None:
        super().__init__(names)
        self.unread: dict[str, str] = dict(unread or {})


def expand_folders(files: Sequence[str]) -> Expanded:
    """FILE... of `bkrc check` and `bkrc fmt`, each folder among them replaced by
    the .bkr files under it (`bkr_files`), as a pipeline's `bkrc check clusters/`
    means. A folder with none stays, and reads as a FILE that cannot be read (exit
    2, its line saying why), the other FILEs checked: a pipeline that points at
    the wrong folder fails, rather than pass having checked nothing. So does one
    with more folders under it than a search enters (`bkr_files`, `/tmp`, `~`):
    none of its files is checked, rather than some, and its line says to name the
    folder the .bkr files are in. What `read_input` says of those goes with the
    names (`Expanded.unread`), for each run its own."""
    from bkrdsl import source

    out = Expanded()
    for arg in files:
        if arg == "-" or not os.path.isdir(arg):
            out.append(arg)
            continue
        found, unread = bkr_files(arg)
        if found is None:
            out.unread[arg] = (
                f"bkrc: {escaped(arg)}: more than {source.MAX_FOLDERS:,} folders below it, more than bkrc searches"
                f" for .bkr files{NOT_SEARCHED}: name the folder they are in, or the files"
            )
            out.append(arg)
            continue
        out.unread.update(unread)
        if not found and not unread:
            out.unread[arg] = f"bkrc: {escaped(arg)}: no .bkr file in this folder or below it{NOT_SEARCHED}"
            out.append(arg)
            continue
        out += sorted(found + [name for name, _ in unread], key=lambda name: name.split(os.sep))
    return out


#: What a folder's search passes over, as its lines say (`expand_folders`).
NOT_SEARCHED = (
    " (hidden folders, node_modules, __pycache__, symbolic links to folders and bkrc compile's output folders"
    " are not searched)"
)


def bkr_files(top: str) -> tuple[list[str] | None, list[tuple[str, str]]]:
    """(the .bkr files under folder `top`, (name, the line `read_input` says
    instead of reading it) for each folder it could not list and each .bkr name
    that is a FIFO, a device or a socket, which would wait for a writer or never
    end). Not searched: a hidden folder or file (`.git`, an editor's `.#a.bkr`),
    a symbolic link to a folder (a loop, or a tree outside; a link to a file is
    read), a folder bkrc compile wrote (its manifest.json bkrc's), which holds no
    .bkr file, and may hold thousands of others, and `source.SKIPPED_FOLDERS`
    (`node_modules`), as the language server's workspace passes them over. Names
    start with `top` as given (`clusters/a.bkr`), but for `.`, which they leave
    out (`a.bkr`). The files None where the search would enter more than
    `source.MAX_FOLDERS` folders (`bkrc check /tmp`): it stops there."""
    from bkrdsl import source

    found: list[str] = []
    unread: list[tuple[str, str]] = []
    folders = -1  # the folders below `top` entered

    def failed(err: OSError) -> None:
        name = err.filename or top
        unread.append((name, f"bkrc: {escaped(name)}: cannot list the folder: {err.strerror or err}"))

    here_only = os.path.normpath(top) == "."
    for folder, dirs, names in os.walk(top, onerror=failed):
        folders += 1
        if folders > source.MAX_FOLDERS:
            return None, unread
        if "manifest.json" in names:  # bkrc compile's output folder? (`output` imported only here)
            from bkrdsl.output import is_output_folder

            if is_output_folder(folder):
                dirs[:] = []
                continue
        # os.walk follows no link
        dirs[:] = sorted(d for d in dirs if not (d.startswith(".") or d in source.SKIPPED_FOLDERS))
        if dirs and source.folder_level(top, folder) >= source.MAX_DEPTH:
            for d in dirs:  # more than MAX_DEPTH levels below `top`: not entered, and said
                name = os.path.join(folder, d)
                name = os.path.relpath(name, top) if here_only else name
                said = (
                    f"bkrc: {escaped(name)}: more than {source.MAX_DEPTH} folders below {escaped(top)}, deeper than bkrc searches"
                    " for .bkr files: name it to check the files under it"
                )
                unread.append((name, said))
            dirs[:] = []
        for name in names:
            if name.endswith(".bkr") and not name.startswith("."):
                path = os.path.join(folder, name)
                path = os.path.relpath(path, top) if here_only else path
                what = _special_found(path)
                if what is None:
                    found.append(path)
                    continue
                line = (
                    f"bkrc: {escaped(path)}: is {what}, not a regular file, and bkrc reads only the regular files"
                    " of a folder (a FIFO would wait for a writer, a device may never end); name it as a FILE to read it"
                    if what.startswith("a FIFO")
                    else no_source_line(escaped(path), what)  # a device is not read when named either
                )
                unread.append((path, line))
    return found, unread


def _special_found(path: str) -> str | None:
    """What the .bkr name `path` found in a folder, or a FILE named, is when it is a
    FIFO, a device or a socket ("a FIFO (named pipe)"), where a link leads; None for a
    regular file, and for one that cannot be looked up (`read_input` says why when it
    reads it)."""
    from bkrdsl.source import special_kind

    try:
        return special_kind(os.stat(path).st_mode)
    except OSError:
        return None


def stdin_once(files: Sequence[str]) -> None:
    """Standard input can be read once: `bkrc check - -` read the text for the
    first `-` and nothing for the second, and reported that empty file (BKR110)."""
    if list(files).count("-") > 1:
        raise click.UsageError("'-' (standard input) is named more than once; it can be read only once")


def _special(path) -> str | None:
    """What `path` is when it is neither a regular file nor a folder ("a FIFO")."""
    import stat

    from bkrdsl.output import special_kind

    mode = path.stat().st_mode
    return None if stat.S_ISDIR(mode) else special_kind(mode)


def named(_ctx, _param, value):
    """A click callback for each FILE and folder a command takes: refuse an empty
    name (`bkrc check "$UNSET"`), which `Path("")` reads as the current folder:
    `check ""` said `: is a directory`, `init ""` `: already exists`, and
    `--dialect ""` compiled from the built-in table without a word."""
    given = value if isinstance(value, tuple) else (value,)
    if "" in given:
        raise click.BadParameter("'' is empty, and names no file or folder (an unset variable?)")
    return value


class OnceOption(click.Option):
    """An option that takes one value and refuses a second: click keeps the last
    (`-o a -o b` wrote to b without a word), where a script that appends its own
    `-o` to a command line would swap, and delete from, the other folder. Every
    option of bkrc that takes one value is one (docs/diagnostics.md)."""

    def add_to_parser(self, parser, ctx):
        self.multiple = True  # the parser keeps every value given, not the last
        try:
            super().add_to_parser(parser, ctx)
        finally:
            self.multiple = False

    def consume_value(self, ctx, opts):
        value, source = super().consume_value(ctx, opts)
        if isinstance(value, (list, tuple)) and source is click.core.ParameterSource.COMMANDLINE:
            if len(value) > 1:
                times = "twice" if len(value) == 2 else f"{len(value)} times"
                given = ", then ".join(f"'{escaped(v)}'" for v in value)
                raise click.UsageError(
                    f"{self.get_error_hint(ctx)} is given {times} ({given}); give it once", ctx
                )
            value = value[0]
        return value, source


def dialect_option(fn):
    """`--dialect FILE`: the table the files are (or would be) written from, for
    `bkrc compile` and `bkrc check` alike (its checks read it: BKR254's extents
    with `disk_allocation = "sequential"`, BKR250, BKR319...)."""
    return click.option(
        "--dialect",
        "dialect_path",
        cls=OnceOption,
        type=click.Path(readable=False),  # unreadable, or a folder: bkrc's own line, from the loader
        metavar="FILE",
        callback=named,
        help="A corrected dialect table (TOML) to use instead of the built-in one, which `bkrc dialect` prints.",
    )(fn)


def load_dialect_arg(
    dialect_path: str | None, *, err: bool = True, fmt: str = "text", document_err: bool = False, say=None
):
    """The table `--dialect` names (the built-in one without it), or exit 2 with
    bkrc's one line on the table (on standard error; `err` False: standard output;
    `say`: a function that prints it instead) and, for a document `fmt`, its empty
    document (`empty_document`)."""
    from bkrdsl.dialect import DialectError, load_dialect

    try:
        return load_dialect(path=dialect_path) if dialect_path else load_dialect()
    except DialectError as err_:
        # In the text format, the place in the table with a caret and a help (BKR601).
        framed = refused_table(err_) if fmt == "text" and say is None else None
        (say or partial(click.echo, err=err))(framed or f"bkrc: {err_}")
        empty_document(fmt, err=document_err, reason=f"bkrc: {err_}")
        sys.exit(EXIT_USAGE)


def refused_table(error) -> str | None:
    """A refused dialect table's BKR601, as the text format frames a diagnostic
    (its place in the table, a caret, a help) and its summary line; None where
    the table could not be read at all (missing, a folder): bkrc's one line."""
    from bkrdsl.diagnostics.render import render_text
    from bkrdsl.dialect.refused import diagnostic

    found = diagnostic(error)
    if found is None:
        return None
    shown, sources = found
    return render_text([shown], sources).rstrip("\n")


class DirectoryOption(OnceOption):
    """`--directory`, whose help names the codes it brings, from the registry
    (`registry.directory_codes`), when the help is shown: not when bkrc starts,
    which would import the checks against the directory for every command."""

    def get_help_record(self, ctx):
        if "BKR" not in (self.help or ""):
            from bkrdsl.diagnostics.registry import code_ranges, directory_codes

            self.help = self.help.replace("(docs/directory.md)", f"({code_ranges(directory_codes())}; docs/directory.md)")
        return super().get_help_record(ctx)


def directory_option(fn):
    """`--directory FILE`: the site's CP source directory, to check the .bkr files
    against (the codes `registry.directory_codes` lists, which the help names;
    docs/directory.md), for `bkrc check`, `compile` and `show`."""
    return click.option(
        "--directory",
        "directory_path",
        cls=DirectoryOption,
        type=click.Path(readable=False),  # unreadable, or a folder: bkrc's own line, from the loader
        metavar="FILE",
        callback=named,
        help="The site's CP source directory (USER DIRECT) to check the .bkr files against (docs/directory.md).",
    )(fn)


def load_directory_arg(
    directory_path: str | None, *, err: bool = True, fmt: str = "text", document_err: bool = False, say=None
):
    """The directory `--directory` names, read (`cpdirectory.read_directory`: what it
    cannot read is its own diagnostic, BKR501), or None without the option; exit 2
    with bkrc's one line when the file cannot be opened (on standard error; `err`
    False: standard output; `say`: a function that prints it instead) and, for a
    document `fmt`, its empty document (`empty_document`)."""
    if not directory_path:
        return None
    from bkrdsl.cpdirectory import MAX_FILE_SIZE, read_directory

    try:
        with open(directory_path, "rb") as f:
            data = f.read(MAX_FILE_SIZE + 1)  # one byte more tells a file too large
    except OSError as err_:
        # `bkrc: F: ...`, as every other file's line (FILE, `--dialect`, `--changes`):
        # the file first, then what is wrong with it, then which option named it.
        why = "no such file" if isinstance(err_, FileNotFoundError) else f"cannot read: {err_.strerror or err_}"
        line = f"bkrc: {escaped(directory_path)}: {why} (the --directory file)"
        (say or partial(click.echo, err=err))(line)
        empty_document(fmt, err=document_err, reason=line)
        sys.exit(EXIT_USAGE)
    return read_directory(directory_path, data)


def format_option(fn):
    return click.option(
        "--format",
        "fmt",
        cls=OnceOption,
        type=click.Choice(FORMATS),
        default="text",
        show_default=True,
        help="How to print diagnostics.",
    )(fn)


def color_option(fn=None, *, what: str = "the text format", more: str = ""):
    """`--color auto|always|never`, read by `use_color`; `what` names what it colours
    (`@color_option(what=..., more=...)` for a command whose output differs)."""

    def add(fn):
        return click.option(
            "--color",
            cls=OnceOption,
            type=click.Choice(("auto", "always", "never")),
            default="auto",
            show_default=True,
            help=(
                f"Colour {what} (auto: on a terminal or with FORCE_COLOR set, not to 0;"
                " never with NO_COLOR set, not empty, nor with TERM=dumb unless FORCE_COLOR is set)." + more
            ),
        )(fn)

    return add if fn is None else add(fn)


#: Where `max_errors_option` keeps its value for `print_diagnostics`.
_MAX_ERRORS = "bkrc.max_errors"


def _keep_max_errors(ctx, _param, value):
    ctx.meta[_MAX_ERRORS] = value
    return value


def max_errors_option(fn):
    """`--max-errors N`: each file's report stops after its Nth error (docs/diagnostics.md)."""
    from bkrdsl.diagnostics.limit import DEFAULT_MAX_ERRORS

    return click.option(
        "--max-errors",
        cls=OnceOption,
        type=click.IntRange(min=0),
        default=DEFAULT_MAX_ERRORS,
        show_default=True,
        metavar="N",
        expose_value=False,
        callback=_keep_max_errors,
        help="Stop reporting a file's diagnostics after its Nth error (0: no limit); warnings do not count.",
    )(fn)


def search_folders(ctx, param, value):
    """A click callback for `-I DIR`: each a folder that exists (`named` first).
    A folder that is not there was searched for nothing: `-I lib` misspelt, or
    run from the wrong folder, let an import resolve elsewhere (BKRDSL_PATH) or
    fail as BKR101 with the cause unsaid. A file is refused by click.Path."""
    from bkrdsl.resolve.loader import unsearchable

    for folder in named(ctx, param, value):
        problem = unsearchable(folder)
        if problem and not os.path.isabs(folder) and cwd_gone():
            problem = f"folder '{folder}' does not exist; {CWD_GONE}"
        if problem:
            raise click.BadParameter(problem)
    return value


def include_option(fn):
    return click.option(
        "-I",
        "--include",
        "include",
        multiple=True,
        type=click.Path(file_okay=False),  # a file is refused here, in click's words
        callback=search_folders,
        help="A folder to search for imported modules (after the importing file's own); repeatable.",
    )(fn)


def error_limit() -> int:
    """The command's `--max-errors`, else DEFAULT_MAX_ERRORS."""
    from bkrdsl.diagnostics.limit import DEFAULT_MAX_ERRORS

    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(_MAX_ERRORS, DEFAULT_MAX_ERRORS) if ctx is not None else DEFAULT_MAX_ERRORS


def analyse_arg(
    arg: str,
    include: Sequence[str],
    dialect=None,
    *,
    directory=None,
    cluster_required: bool = False,
    limit: int | None = None,
    unread: Mapping[str, str] | None = None,
):
    """Read one FILE argument and run the front end on it (`dialect`: the table the
    files would be written from, when not the built-in one; `directory`: the site's
    CP directory, `--directory`, to check against; `cluster_required`: a
    module is BKR110, as for `bkrc compile`). The analysis keeps each file's
    diagnostics up to its `limit`th error, those the report shows (default: the
    command's `--max-errors`; 0: all). `unread`: as `read_input`'s."""
    from bkrdsl.pipeline import analyse
    from bkrdsl.resolve import default_search_path

    name, data, path = read_input(arg, unread=unread)
    return analyse(
        name,
        data,
        path=path,
        search_path=default_search_path(tuple(include)),
        dialect=dialect,
        directory=directory,
        cluster_required=cluster_required,
        max_errors=error_limit() if limit is None else limit,
    )


def real_file(name: str) -> str:
    """One name for a file however it was written (`site/common.bkr` as the module's
    own FILE argument, `./site/common.bkr` as the import found it); `<stdin>` as is."""
    return name if name.startswith("<") else os.path.realpath(name)


def unique_diagnostics(analyses) -> list:
    """The diagnostics of every analysis, each problem once: a module's mistake is found
    by the check of the module and again by that of each cluster FILE that imports it."""
    seen: set = set()
    out = []
    real: dict[str, str] = {}  # file name -> real_file(): one realpath per file, not per diagnostic
    for a in analyses:
        for d in a.diagnostics:
            s = d.span
            place = None
            if s is not None:
                file = real.get(s.file)
                if file is None:
                    file = real[s.file] = real_file(s.file)
                place = (file, s.line, s.column, s.end_line, s.end_column)
            key = (d.code, d.severity, d.message, place)
            if key not in seen:
                seen.add(key)
                out.append(d)
    return out


def cut_and_shared(analyses) -> list[int]:
    """The analyses (their indexes) that the error limit cut in a file another of them
    also reports on (a module two cluster FILEs import): the report of that file is
    the union of their diagnostics, whose size only the whole lists tell. The caller
    analyses those again without the limit; any other cut merges exactly."""
    files: dict[str, set[int]] = {}  # real file -> the analyses that report on it
    cut: set[str] = set()  # the real files an analysis was cut in
    for n, a in enumerate(analyses):
        for d in a.diagnostics:
            files.setdefault(real_file(d.span.file) if d.span is not None else "", set()).add(n)
        for stop in getattr(a, "stops", ()):
            name = real_file(stop.file) if stop.file else ""
            files.setdefault(name, set()).add(n)
            cut.add(name)
    redo: set[int] = set()
    for name in cut:
        if len(files[name]) > 1:
            redo |= files[name]
    return sorted(redo)


def empty_document(fmt: str, *, err: bool, reason: str | None = None) -> None:
    """A run that stops before it has diagnostics to report (a FILE, `--dialect`
    table or `--directory` it cannot read: exit 2) still prints, in a document
    format, the one document its stream holds, with no diagnostic: a program
    reading `2>diagnostics.json` (`bkrc compile`, `show`, `init`, `fmt`) or
    `>diagnostics.json` (`bkrc check`) always gets one that parses. Nothing in the other formats.
    `reason`: the line bkrc prints for it, which JSON's and SARIF's documents say
    too, their run failed (`to_json_obj`, `render_sarif`), so that it is not read as a clean run's; `github`
    prints it as an `::error` annotation (nothing else in the other formats)."""
    if fmt in DOCUMENT_FORMATS or (fmt == "github" and reason):
        print_diagnostics([], fmt, "never", err=err, failures=[reason] if reason else ())


def given_format(command: click.Command, args: Sequence[str]) -> str | None:
    """The `--format` the command line `args` gives `command`, read as click's
    parser would read it, or None when it gives none, several, or one the
    command does not take. For a usage error, where click stops at the first
    mistake (`--bogus --format json`) before it has read the format: each
    option that takes a value takes the next word (`--dialect --format`
    names a table), `--` ends the options, and an option it does not know is
    one word."""
    found = given_values(command, args, "--format")
    fmt = next((p for p in command.params if p.name == "fmt"), None)
    choices = fmt.type.choices if fmt is not None and isinstance(fmt.type, click.Choice) else ()
    return found[0] if len(set(found)) == 1 and found[0] in choices else None


def given_values(command: click.Command, args: Sequence[str], option: str) -> list[str]:
    """The values the command line `args` gives `command`'s `option` (`--format`),
    in order, read as `given_format` reads them."""
    takes_value = {
        spelling
        for p in command.params
        if isinstance(p, click.Option) and not p.is_flag and not p.count
        for spelling in p.opts
    }
    found = []
    words = iter(args)
    for word in words:
        if word == "--":
            break
        name, equals, value = word.partition("=")
        if name.startswith("--") and equals:
            if name == option:
                found.append(value)
        elif word in takes_value:
            value = next(words, None)
            if word == option and value is not None:
                found.append(value)
    return found


#: `ctx.meta` key: the run printed its document, in a document format
#: (`print_diagnostics`), which an internal error then leaves alone. In the run's
#: own context, not in the module: each run starts without it.
_DOCUMENT_PRINTED = "bkrc.document_printed"
#: `ctx.meta` key: a run whose document is held back (`bkrc compile`, until it
#: knows what it finds in DIR) sets a function that prints it, given an internal
#: error's (line, kind, message), for `internal_error_document` to call.
DOCUMENT_PENDING = "bkrc.document_pending"


#: `ctx.meta` key: the document printed says the run failed (`failures`, or an
#: internal error's `failure`), as an exit 2 has it.
_DOCUMENT_FAILED = "bkrc.document_failed"


def _document_printed(ctx: click.Context | None = None, *, failed: bool = False) -> None:
    """Note that the running command printed its document (`_DOCUMENT_PRINTED`),
    and whether it says the run failed (`_DOCUMENT_FAILED`)."""
    ctx = ctx or click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta[_DOCUMENT_PRINTED] = True
        ctx.meta[_DOCUMENT_FAILED] = ctx.meta.get(_DOCUMENT_FAILED, False) or failed


#: `ctx.meta` key: the run began to print its document (`print_diagnostics`), which
#: a second signal may have cut (`signals.Whole`): no other document follows it.
_DOCUMENT_BEGUN = "bkrc.document_begun"


def _document_begun(ctx: click.Context | None = None) -> None:
    """Note that the running command began to print its document (`_DOCUMENT_BEGUN`)."""
    ctx = ctx or click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta[_DOCUMENT_BEGUN] = True


def document_begun() -> bool:
    """Whether the running command began to print its document (`_DOCUMENT_BEGUN`)."""
    ctx = click.get_current_context(silent=True)
    return ctx is not None and bool(ctx.meta.get(_DOCUMENT_BEGUN))


def echo_whole(text: str, *, document: bool = False, **kwargs) -> None:
    """`click.echo` of a document a program reads (show's facts, compile's plan, dialect's
    changes, in JSON) with Ctrl-C, SIGTERM and SIGHUP held back until it is written
    whole (`signals.Whole`), as `print_diagnostics` writes the diagnostics' document.
    `document`: it is the run's one document (dialect's), which no other may follow
    (`_DOCUMENT_BEGUN`)."""
    with Whole():
        if document:
            _document_begun()
        click.echo(text, **kwargs)


def interrupted_document(fmt: str, lines: Sequence[str], *, err: bool) -> None:
    """A run in a document format that Ctrl-C, SIGTERM or SIGHUP stopped (exit 130,
    143, 129) before it printed its document: the document its stream holds, with
    no diagnostic, the run failed and `lines` (bkrc's, which the command prints on
    the other stream) why, as for a FILE not read (`empty_document`), so that a step
    that reads only the document does not find a clean run, nor nothing it can
    parse; github's annotation of no file. Nothing when the document was printed."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and (ctx.meta.get(_DOCUMENT_PRINTED) or ctx.meta.get(_DOCUMENT_BEGUN)):
        return  # printed, or cut by a second signal: a document after it would not parse
    pending = ctx.meta.pop(DOCUMENT_PENDING, None) if ctx is not None else None
    if pending is not None:  # a held document (`diagnostics_then_line`): its diagnostics kept
        pending(failures=["\n".join(lines)])
    elif fmt in DOCUMENT_FORMATS or fmt == "github":
        print_diagnostics([], fmt, "never", err=err, failures=["\n".join(lines)])


def internal_error_document(
    ctx: click.Context, fmt: str, err: BaseException, *, document_err: bool, line: bool = True
) -> None:
    """An internal error of a run in a document format (json, sarif): the
    document its stream holds, unless the run printed it already (a stream
    of two documents parses no better than one cut short), then the line
    `internal_error` prints, on the other stream. JSON's document has no
    diagnostic, `execution_successful` false and the line; SARIF's says that the
    run failed and why, a tool execution notification of level `error`
    (SARIF 2.1.0, 3.20.21 and 3.58), as a reader of SARIF expects it. `line`
    False: the caller prints the line (the other stream is a document too:
    `bkrc compile --plan-format json`)."""
    pending = ctx.meta.pop(DOCUMENT_PENDING, None)
    if not ctx.meta.get(_DOCUMENT_PRINTED) and pending is not None:
        # The diagnostics (warnings) the run found, and the failure, in its document;
        # the empty one below if that document cannot be made (the error is its own).
        with contextlib.suppress(Exception):  # a second internal error: the line says the first
            pending((internal_error_text(err), type(err).__name__, str(err)))
    if not ctx.meta.get(_DOCUMENT_PRINTED):
        if fmt == "sarif":
            from bkrdsl.diagnostics.render import render_sarif

            document = render_sarif([], failure=(internal_error_text(err), type(err).__name__, str(err)))
            with Whole():
                _document_begun(ctx)
                click.echo(ascii_document(document, sys.stderr if document_err else sys.stdout), nl=False, err=document_err)
        else:
            empty_document(fmt, err=document_err, reason=internal_error_text(err))
        _document_printed(ctx, failed=True)
    if line:
        click.echo(internal_error_text(err), err=not document_err)


#: bkrc's line, in the document, for a reader of standard output that went.
READER_GONE = "bkrc: the program reading standard output closed it before bkrc had written all of it"


def _reader_gone_document(ctx: click.Context | None) -> None:
    """The program reading standard output went (`| head -c0`) before bkrc had
    written all of it, in a command whose document (json, sarif, gitlab) is all of
    standard error, a file or pipe of its own (`2> diagnostics.json`): the document
    is still printed, saying the run failed and why (`READER_GONE`), as for a
    standard output that cannot take bkrc's lines, with what the run found where it
    was held (`DOCUMENT_PENDING`); it was left unprinted, and the file empty. With
    `--format github`, of any command, an `::error` of no file on standard error,
    which GitHub reads as it reads standard output, so that the workflow says why
    the step failed (141), as it does a standard output that cannot take bkrc's
    lines (`stdout_failed_github`). Not where standard error is that same pipe
    (`2>&1 | head`), nor where the document was printed already."""
    if ctx is None or ctx.meta.get(_DOCUMENT_PRINTED):
        return
    fmt = ctx.params.get("fmt")
    if not isinstance(ctx.command, DocumentCommand):
        return
    # github: the annotation on standard error, which GitHub reads too, whichever
    # stream the command's annotations go to (`bkrc check`'s standard output's).
    if not (fmt == "github" or (ctx.command.document_err and fmt in DOCUMENT_FORMATS)):
        return
    try:
        out, err = os.fstat(sys.stdout.fileno()), os.fstat(sys.stderr.fileno())
    except (OSError, AttributeError, ValueError):  # a stream of no file (a test's), or closed
        return
    if (out.st_dev, out.st_ino) == (err.st_dev, err.st_ino):
        return
    pending = ctx.meta.pop(DOCUMENT_PENDING, None)
    try:
        if pending is not None:
            pending(failures=[READER_GONE])
        else:
            empty_document(fmt, err=True, reason=READER_GONE)
    except OSError:  # standard error's reader gone too: 141 all the same
        pass
    _document_printed(ctx, failed=True)


def stdout_failed(err: BaseException) -> bool:
    """`err` is standard output's that cannot take what bkrc prints (`> /dev/full`,
    a full disk, a file over its size limit), not a file of bkrc's (which names it)."""
    return isinstance(err, OSError) and err.filename is None and err.errno in OUTPUT_ERRNOS


def stdout_failed_document(ctx: click.Context, fmt: str, err: OSError) -> None:
    """Standard output could not take a line of a command whose document (json,
    sarif, gitlab) is all of standard error: the document says the run failed and
    why (`bkrc: cannot write to standard output: ...`), with what the run found
    where it held the document (`DOCUMENT_PENDING`: compile's, show's). It was
    an internal error, with a bug report asked for, in a document followed by the
    group's line. Where the document was printed already, it cannot take the
    failure in: if it says the run failed (a FILE not read, before its line on
    standard output), nothing is added, the exit 2 agreeing with it; if it does
    not (no command prints such a document before a line on standard output since
    stop 81: compile, show and init hold an input's errors until their `nothing
    written` or `nothing shown`, `diagnostics_then_line`), the line follows it, as
    the group prints it, so that the reason is said somewhere."""
    line = f"bkrc: cannot write to standard output: {err.strerror or err}"
    silence_streams()
    pending = ctx.meta.pop(DOCUMENT_PENDING, None)
    if ctx.meta.get(_DOCUMENT_PRINTED):
        if ctx.meta.get(_DOCUMENT_FAILED):
            return
        try:
            click.echo(line, err=True)
        except OSError:  # standard error cannot take it either: exit 2 all the same
            silence_streams(sys.stderr)
        return
    if pending is not None:
        pending(failures=[line])
    else:
        empty_document(fmt, err=True, reason=line)
    _document_printed(ctx, failed=True)


def diagnostics_then_line(print_document, line: str, fmt: str, code: int) -> None:
    """Print the diagnostics (`print_document(failure=None, failures=())`, which
    prints them in `fmt` on standard error) and bkrc's `line` for the run that
    stops (`nothing shown`, `nothing written`), then exit `code`. In a document
    format (json, sarif, gitlab) the line goes to standard output and the document
    is held (`DOCUMENT_PENDING`) until the line is said, as `bkrc compile` holds its
    own: a standard output that cannot take the line (`> /dev/full`, `| head -c0`)
    is then in the document's failures, the run failed (`stdout_failed_document`,
    `_reader_gone_document`), rather than a line after a document that said a
    clean run (standard error then held no JSON), or a quiet 141 beside one. In
    the other formats, the diagnostics and then the line, both on standard error."""
    if fmt not in DOCUMENT_FORMATS:
        print_document()
        click.echo(line, err=True)
        sys.exit(code)
    ctx = click.get_current_context()

    def print_held(failure=None, failures=()) -> None:
        ctx.meta.pop(DOCUMENT_PENDING, None)
        print_document(failure=failure, failures=failures)

    ctx.meta[DOCUMENT_PENDING] = print_held
    click.echo(line)
    if ctx.meta.get(DOCUMENT_PENDING) is print_held:
        print_held()
    sys.exit(code)


def stdout_failed_github(ctx: click.Context, err: OSError) -> None:
    """Standard output could not take a line of a run under `--format github`
    (`> /dev/full`): the group's line (`bkrc: cannot write to standard output:
    ...`) on standard error, and an `::error` of no file there too, which GitHub
    reads from either stream, so that the workflow's summary says why the step
    failed, as for a FILE not read or a usage error; `bkrc check`'s annotations
    went to standard output, which took none of them. Where the run holds its
    annotations (`bkrc compile`'s `HeldDocument`), they are printed with it."""
    line = f"bkrc: cannot write to standard output: {err.strerror or err}"
    silence_streams()
    try:
        click.echo(line, err=True)
        pending = ctx.meta.pop(DOCUMENT_PENDING, None)
        if pending is not None:
            pending(failures=[line])
        else:
            empty_document("github", err=True, reason=line)
    except OSError:  # standard error cannot take it either: exit 2 all the same
        silence_streams(sys.stderr)


class DocumentCommand(click.Command):
    """A command whose diagnostics in a document format (json, sarif) are one
    document a program reads (`bkrc check` on standard output; `bkrc compile`,
    `bkrc show`, `bkrc init` and `bkrc fmt` on standard error: `document_err`). A usage
    error (an unknown option, a missing FILE, an option given twice, `-` named
    twice...) prints that
    document too, empty, when the command line names the format, as an
    unreadable FILE does (`empty_document`): click's usage text goes to the
    other stream, and the exit is 2. With `--format github`, an `::error` of no
    file says it too, beside click's usage text. So does an interruption the
    command does not answer itself (`interrupted_document`)."""

    def __init__(self, *args, document_err: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.document_err = document_err

    def make_context(self, info_name, args, parent=None, **extra):
        given = list(args)  # click's parser consumes the list it is given
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as err:
            self._refuse(err, given_format(self, given))

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.UsageError as err:  # raised by the command (`--dry-run` with `--check`)
            self._refuse(err, ctx.params.get("fmt"))
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # click's own, which its main answers
        # Deliberately broad, as `bkrdsl.cli.main`'s: a bug left is an internal error,
        # told on the stream the document is not on, after the document.
        except Exception as err:
            fmt = ctx.params.get("fmt")
            if isinstance(err, OSError) and err.errno == errno.EPIPE and err.filename is None:
                reader_gone(ctx)  # the document first, where standard error holds it alone
            if fmt == "github" and stdout_failed(err):
                stdout_failed_github(ctx, err)
                sys.exit(EXIT_USAGE)
            if fmt not in DOCUMENT_FORMATS or (isinstance(err, OSError) and err.errno == errno.EPIPE):
                raise
            if stdout_failed(err):
                # Standard output cannot take bkrc's lines (`> /dev/full`): no bug of
                # bkrc's, and no report to send. Where the document is standard
                # error's, it says so, with no line after it (`2> diagnostics.json`
                # then parses); where it is standard output's, the group's one line.
                if not self.document_err:
                    raise
                stdout_failed_document(ctx, fmt, err)
                sys.exit(EXIT_USAGE)
            internal_error_document(ctx, fmt, err, document_err=self.document_err)
            sys.exit(EXIT_INTERNAL)
        except KeyboardInterrupt as err:
            # Ctrl-C, SIGTERM or SIGHUP that the command does not answer itself (`bkrc
            # init` while it reads the directory and checks its file): as the group
            # answers it (`bkrc: interrupted`, 130, 143, 129), and, in a document
            # format, with the document of a run that failed, as `bkrc check` prints it.
            fmt = ctx.params.get("fmt")
            if fmt not in DOCUMENT_FORMATS and fmt != "github":
                raise
            word, code = interruption(err)
            line = f"bkrc: {word}"
            click.echo(line, err=not (self.document_err and fmt in DOCUMENT_FORMATS))
            interrupted_document(fmt, [line], err=self.document_err)
            sys.exit(code)

    def _refuse(self, err: click.UsageError, fmt: str | None) -> None:
        if fmt == "github":
            # An `::error` of no file, as for a FILE not read, so that the run's
            # summary says why the step stopped; click's usage text as ever.
            empty_document(fmt, err=self.document_err, reason=f"bkrc: usage error: {err.format_message()}")
        if fmt not in DOCUMENT_FORMATS:
            raise err
        empty_document(fmt, err=self.document_err, reason=f"bkrc: usage error: {err.format_message()}")
        err.show(file=sys.stdout if self.document_err else sys.stderr)
        sys.exit(EXIT_USAGE)


def ascii_document(text: str, stream) -> str:
    """A JSON document (json, sarif) for `stream`: as it is on a UTF-8 stream; on
    another (a Latin-1 or ASCII locale), every character past ASCII as JSON's
    escape (`\\u00e4`, a pair of them past U+FFFF), as `ensure_ascii` writes it.
    JSON's structure is ASCII, so such characters are only in its strings. The
    locale's bytes were no UTF-8, which JSON is (RFC 8259), and a character
    the locale lacks was an internal error."""
    from bkrdsl.cli import stream_is_utf8

    if text.isascii() or stream_is_utf8(stream):
        return text

    def escape(m: re.Match) -> str:
        units = m.group().encode("utf-16-be", "surrogatepass")
        return "".join(f"\\u{units[i]:02x}{units[i + 1]:02x}" for i in range(0, len(units), 2))

    return re.sub(r"[^\x00-\x7f]", escape, text)


def _failed_at() -> str | None:
    """Where GitLab's report puts the issue of a run that failed (`render_gitlab`):
    the FILE the running command was given (`<stdin>` for `-`, as its diagnostics
    name it), when it was given one file; None (the working directory) when it was
    given several, a folder, or none that click has read (a usage error)."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return None
    given = ctx.params.get("file")
    files = ctx.params.get("files")
    if given is None and files is not None and len(files) == 1:
        given = files[0]
    if not isinstance(given, str) or not given:
        return None
    if given == "-":
        return "<stdin>"
    return None if os.path.isdir(given) else given


def print_diagnostics(
    analyses,
    fmt: str,
    color: str,
    *,
    err: bool = False,
    modules: Sequence[str] = (),
    max_errors: int | None = None,
    failures: Sequence[str] = (),
    unformatted: Sequence[tuple[str, str, str]] = (),
    findings: Sequence = (),
    failure: tuple[str, str, str] | None = None,
) -> None:
    """`findings`: what `bkrc compile` found in DIR or refuses to write (`RunFinding`), which the
    document formats carry (`render`); `failure`: an internal error's (line, kind,
    message). `unformatted`: the files `bkrc fmt --check` would reformat, (name, text,
    formatted text), which `gitlab` reports as issues. Print the diagnostics of every analysis in `fmt`; `modules` names the FILEs
    checked as modules, which the text format's summary line names. Each file's
    report stops after its `max_errors`th error (default: the command's
    `--max-errors`, else DEFAULT_MAX_ERRORS; 0: no limit). `failures`: bkrc's
    lines for what the run could not do (exit 2), which JSON's and SARIF's documents say."""
    from bkrdsl.diagnostics.render import render

    if max_errors is None:
        max_errors = error_limit()

    diagnostics = unique_diagnostics(analyses)
    # The warnings a `# bkrc: allow` set aside, each once (a module several FILEs import).
    allowed = {}
    for x in analyses:
        for a in getattr(x, "allowed", ()):
            allowed.setdefault((a.diagnostic.code, a.diagnostic.span, a.diagnostic.message), a)
    # Where an analysis was cut at the limit already (analyse_arg), with what it left out.
    stops = [stop for a in analyses for stop in getattr(a, "stops", ())]
    sources = {}
    for a in analyses:
        sources.update(a.sources)
    stream = sys.stderr if err else sys.stdout
    colored = use_color(color, stream) if fmt == "text" else False
    highlight = None
    if colored:
        try:
            from bkrdsl.highlight import highlight_line as highlight
        except ImportError:  # pragma: no cover - highlighting is optional in frames
            highlight = None
    text = render(
        fmt,
        diagnostics,
        sources,
        color=colored,
        highlight=highlight,
        modules=modules,
        max_errors=max_errors,
        stops=stops,
        failures=failures,
        allowed=list(allowed.values()),
        unformatted=unformatted,
        findings=findings,
        failure=failure,
        failed_at=_failed_at() if fmt == "gitlab" and (failures or failure) else None,
    )
    if fmt in DOCUMENT_FORMATS:
        text = ascii_document(text, stream)
    if fmt not in DOCUMENT_FORMATS:
        if text:
            click.echo(text, nl=False, err=err, color=colored)
        return
    # Written whole: a signal waits until it is (a second one cuts it, and nothing follows).
    with Whole():
        _document_begun()
        click.echo(text, nl=False, err=err, color=colored)
        _document_printed(failed=bool(failures or failure))
