"""`bkrc fmt`: one canonical layout for every .bkr file.

`format_source()` is the whole formatter: it parses the text (with the fast
parser, Lark only for a file that one gives up on: bkrdsl.fmt.outline), refuses
a file with syntax errors (returning their diagnostics), prints the canonical
layout (bkrdsl.fmt.layout), and proves its own work before returning it: the output
must parse cleanly, to the same AST (spans and name case aside) and the same
comments. A formatter that could silently change what a file means would be
worse than none, so a failed proof is a `FormatterBug`, never a changed file.
"""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING

from bkrdsl.diagnostics import Diagnostic
from bkrdsl.diagnostics.registry import register
from bkrdsl.records import dataclass
from bkrdsl.source import Source

if TYPE_CHECKING:
    from bkrdsl import ast

SHARED_DOC = register(
    "BKR090",
    "fmt-shared-doc-comment",
    "error",
    "bkrc fmt cannot keep a doc comment that documents two declarations on one line",
    """
    A `##` doc comment documents the declaration on the next line. When two
    declarations start on that line, both have it as their doc comment (the
    language server shows it on hover for both). The canonical layout puts each
    declaration on a line of its own, and a comment can stand above only one
    of them, so `bkrc fmt` would change what the file says. It leaves the file
    as it is instead.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          ## Linux guests
          single group LINUX { LNXWEB01 }  single group APPS { CICSPRD }
          job NIGHTLY {
            backup LINUX, APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: put each declaration on its own line, with its own doc comment:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          ## Linux guests
          single group LINUX { LNXWEB01 }
          ## Application servers
          single group APPS { CICSPRD }
          job NIGHTLY {
            backup LINUX, APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }
    """,
)


class FormatterBug(RuntimeError):
    """The formatter produced text that does not mean what the input meant (a bug in bkrc)."""


FULL_STOP_WORD = register(
    "BKR091",
    "fmt-word-ends-in-full-stop",
    "error",
    "bkrc fmt cannot put what follows a word ending in `.` on a line of its own",
    """
    A word may hold a `.` (an SFS path, `BKRPOOL:CICSPRD.`), so one written
    before more of its line, `shared-volume VMCOM1. member VMSYS2 { ... }`,
    is read with its `.`. At the end of a line, where the canonical layout
    puts it when the next statement moves to a line of its own, the same
    `.` is a sentence's full stop (BKR003): the formatted file would not say
    what this one does, so `bkrc fmt` reports this and leaves the file as it
    is. The word is wrong with its `.` in any case (`bkrc check` says why:
    BKR305 for a volume label, BKR302 for a member, BKR313 for a time...):
    delete the `.`, then format.

    Example: `shared-volume VMCOM1. disk BKRX 191 size 1 cyl` on one line of
    a cluster block (`bkrc check` reports BKR305 for `VMCOM1.`).
    """,
    no_example="bkrc check reports the word's own error too (BKR305, BKR302, BKR313...), so no file gives this code alone",
)


@dataclass
class Formatted:
    """A file formatted: its canonical text (None when it cannot be), and the diagnostics."""

    source: Source
    text: str | None  # the canonical text; None when the file cannot be formatted
    diagnostics: list[Diagnostic] = field(default_factory=list)
    original: str | None = None  # the text as read, before CRLF and BOM were normalised

    @property
    def ok(self) -> bool:
        return self.text is not None

    @property
    def before(self) -> str:
        return self.source.text if self.original is None else self.original

    @property
    def changed(self) -> bool:
        """Whether writing the canonical text would change the file (CRLF and a BOM count)."""
        return self.text is not None and self.text != self.before

    @property
    def sources(self) -> dict[str, Source]:
        """For the diagnostic renderers (same shape as an Analysis)."""
        return {self.source.name: self.source}


def _tokens(text: str) -> list:
    """Every token the parse of a clean `text` reads (keywords included), in order,
    as the parse reads them (`bkrdsl.syntax.parser.tokens`): Lark's lexer alone takes
    a last volume label spelled like a keyword for the keyword, and fails."""
    from bkrdsl.syntax.parser import tokens

    read = tokens(Source.of("fmt.bkr", text))
    if read is None:  # pragma: no cover - called only for a text parse() read without an error
        raise ValueError("the tokens of a file parse() reads without an error could not be read")
    return read


def read_outline(source: Source):
    """(outline or None, what was parsed, diagnostics): what the printer needs of a file.

    The fast parser reads almost every clean file, and then Lark is not even
    imported: what was parsed is its AST. Lark reads the rest, and reports the
    syntax errors (the outline then None) as `bkrc check` reports them
    (`bkrdsl.syntax.reported`): what was parsed is its ParseResult."""
    from bkrdsl.fmt.outline import from_fast, from_lark
    from bkrdsl.syntax import fast, fast_allowed, reported

    read = fast.read_tokens(source) if fast_allowed() else None
    if read is not None:
        module, tokens = read
        return from_fast(module, tokens), module, []
    from bkrdsl.syntax.parser import parse

    result = parse(source)
    diagnostics = reported(source, list(result.diagnostics))
    if not result.ok or result.tree is None:
        return None, result, diagnostics
    return from_lark(result.tree, _tokens(source.text), result.comments), result, diagnostics


def _canonical(source: Source):
    """Parse and lay out: (text or None, what was parsed, diagnostics). The
    diagnostics stop formatting when the text is None."""
    from bkrdsl.fmt.layout import SharedDocComment, layout_text

    outline, parsed, diagnostics = read_outline(source)
    if outline is None:
        return None, parsed, diagnostics
    try:
        return layout_text(outline), parsed, diagnostics
    except SharedDocComment as err:
        second = err.second
        span = source.span(second.start, second.end)
        return (
            None,
            parsed,
            [
                SHARED_DOC(
                    f"the doc comment above line {second.line} documents both declarations on it",
                    span,
                    label="this declaration shares it",
                    help="put each declaration on a line of its own, each under its own `##` comment",
                )
            ],
        )


def _prove(before, after_text: str, name: str, shown: str | None = None) -> Read:
    """Raise FormatterBug unless `after_text` parses to what `before` (an AST, or
    Lark's ParseResult) says; else that parse, of `after_text` named `name`. The
    errors name the file `shown` (default `name`)."""
    from bkrdsl import ast
    from bkrdsl.fmt.equivalence import meaning
    from bkrdsl.syntax import read_module

    shown = shown or name
    if not isinstance(before, ast.Module):
        from bkrdsl.syntax.build import build

        before = build(before)
    source = Source.of(name, after_text)
    after, diagnostics = read_module(source)
    if any(d.is_error for d in diagnostics):
        first = diagnostics[0]
        raise FormatterBug(f"the formatted text of {shown} does not parse ({first.code}: {first.message})")
    if meaning(before) != meaning(after):
        raise FormatterBug(f"formatting {shown} would change its meaning")
    return source, after, diagnostics


#: A text read as `bkrdsl.resolve.loader.read_text` gives it: its Source, AST and diagnostics.
Read = tuple[Source, "ast.Module | None", list[Diagnostic]]


def format_source(source: Source) -> Formatted:
    """The canonical layout of a decoded source, or its syntax diagnostics. Never raises on input."""
    return _format(source)[0]


def _format(source: Source, shown: str | None = None) -> tuple[Formatted, Read | None]:
    """`format_source`, and the proof's parse of the canonical text (None when there was
    no proof: the text was canonical already, or cannot be formatted). `shown` is the
    name a FormatterBug gives the file (default the source's)."""
    text, parsed, diagnostics = _canonical(source)
    if text is None:
        return Formatted(source, None, diagnostics), None
    read = None
    if text != source.text:
        try:
            read = _prove(parsed, text, source.name, shown or source.name)
        except FormatterBug:
            stop = _word_before_more(source)
            if stop is None:
                raise
            return Formatted(source, None, [stop]), None
    return Formatted(source, text, diagnostics), read


def _word_before_more(source: Source) -> Diagnostic | None:
    """BKR091 for the first word that ends in `.` before more of its line, but an
    SFS path's (which reads as one at a line's end too): what a layout that
    fails its proof has put at the end of a line, where the `.` is a full stop.
    Asked only when the proof fails, so a layout that keeps the word where it is
    (`shared-volume A. B`) formats as before."""
    outline, _parsed, _diagnostics = read_outline(source)
    if outline is None:  # pragma: no cover - the source was read before it was laid out
        return None
    tokens = outline.tokens
    keyword = ""
    for i, tok in enumerate(tokens):
        if tok.type == "KEYWORD":
            keyword = tok.text.lower()
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            tok.type == "NAME"
            and len(tok.text) > 1
            and tok.text.endswith(".")
            and keyword != "sfs"
            and following is not None
            and following.line == tok.end_line
        ):
            word = tok.text
            return FULL_STOP_WORD(
                f"`{word}` ends in `.` before more of its line: on a line of its own, as the"
                " canonical layout puts what follows on the next, the `.` would end a sentence",
                source.span(tok.end - 1, tok.end),
                label="this `.`",
                help=f"delete the `.` (`{word[:-1]}`), as `bkrc check` asks, then format",
            )
    return None


def format_bytes(name: str, data: bytes) -> Formatted:
    """Decode a file's bytes (UTF-8, BOM, CRLF) and format it."""
    from bkrdsl.syntax.reader import decode

    source, diagnostics = decode(name, data)
    if diagnostics:
        return Formatted(source, None, diagnostics)
    done = format_source(source)
    done.original = data.decode("utf-8")
    return done


def format_text(text: str, name: str = "<text>") -> str:
    """The canonical layout of `text`; ValueError (with the first diagnostic) when it has syntax errors."""
    return format_text_read(text, name)[0]


def format_text_read(text: str, name: str = "<text>", read_as: str | None = None) -> tuple[str, Read | None]:
    """`format_text`, and the parse of the canonical text that proved it (the formatter
    parses its output, `_prove`): its Source, AST and diagnostics, as `read_module`
    gave them, the Source named `read_as` (default `name`, which the errors give in
    any case); None when the text was canonical already, so that nothing parsed the
    output. `bkrc init` checks the text it writes with that parse rather than
    parsing it once more (`pipeline.analyse`'s `main`)."""
    from bkrdsl.syntax.reader import normalise

    done, read = _format(Source.of(read_as or name, normalise(text)), name)
    if done.text is None:
        d = done.diagnostics[0]
        where = f"{d.span.line}:{d.span.column}: " if d.span else ""
        raise ValueError(f"{name}:{where}{d.code}: {d.message}")
    return done.text, read


__all__ = ["Formatted", "FormatterBug", "Read", "format_bytes", "format_source", "format_text", "format_text_read"]
