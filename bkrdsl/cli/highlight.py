"""`bkrc highlight`: show a .bkr file, or a generated REXX EXEC, with syntax colours."""

from __future__ import annotations

import sys

import click

from bkrdsl.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    InputError,
    OnceOption,
    color_option,
    named,
    read_input,
    use_color,
)


@click.command("highlight")
@click.argument("file", callback=named)
@click.option(
    "--format",
    "fmt",
    cls=OnceOption,
    type=click.Choice(("terminal", "html", "svg")),
    default="terminal",
    show_default=True,
    help="ANSI colours for a terminal, a standalone HTML page, or an SVG image.",
)
@color_option(what="the terminal format", more=" HTML and SVG are always coloured.")
def highlight_cmd(file, fmt, color):
    """Print FILE with syntax colours; '-' reads standard input.

    A REXX EXEC (a name ending .EXEC, or text that opens with a /* comment), such
    as `bkrc compile` writes, is shown with pygments' REXX lexer; anything else
    as .bkr. The terminal format is coloured as the diagnostics are (--color):
    piped or redirected, it is the plain text unless --color always.
    """
    from bkrdsl.highlight import lexer_for, render
    from bkrdsl.syntax.reader import MAX_FILE_SIZE, Oversized, normalise, too_large
    from bkrdsl.terminal import escaped

    try:
        name, data, _ = read_input(file)
    except InputError as err:
        click.echo(str(err), err=True)
        sys.exit(EXIT_USAGE)
    if isinstance(data, Oversized):
        limit = f"a .bkr file holds at most {MAX_FILE_SIZE:,} (BKR020)"
        click.echo(f"bkrc: {escaped(name)}: {too_large(data)}; {limit}", err=True)
        sys.exit(EXIT_USAGE)
    if b"\x00" in data:
        from bkrdsl.syntax.reader import wide_encoding

        # A file an editor saved as "Unicode" holds NULs too, and is text: named as
        # BKR001 names it for `check`, with the iconv that converts it.
        wide = wide_encoding(data)
        if wide is not None:
            import shlex

            iconv, called = wide
            given = "" if name == "<stdin>" else f" {shlex.quote(name)}"
            click.echo(
                f"bkrc: {escaped(name)}: is {called}, not UTF-8, which bkrc reads;"
                f" show it converted: `iconv -f {iconv} -t UTF-8{escaped(given)} | bkrc highlight -`",
                err=True,
            )
        else:
            click.echo(f"bkrc: {escaped(name)}: contains a NUL byte: not a text file", err=True)
        sys.exit(EXIT_USAGE)
    text = normalise(data.decode("utf-8", errors="replace"))
    if fmt == "terminal" and not use_color(color):
        # What the colours are laid on, as pygments ends it: with a newline.
        click.echo(text if text.endswith("\n") else text + "\n", nl=False)
        sys.exit(EXIT_OK)
    out = render(text, lexer_for(name, text), fmt, title=name)
    # color=True: click would strip the ANSI codes from a stream that is not a
    # terminal, where `--color always` (or FORCE_COLOR) asked for them.
    click.echo(out, nl=False, color=True)
    sys.exit(EXIT_OK)


COMMANDS = [highlight_cmd]
