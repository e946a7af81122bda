"""Bytes to text: the first gate every file passes.

Accepts UTF-8 with or without a byte-order mark and with LF, CRLF or CR line
ends. A file of absurd size, binary data (a NUL byte), invalid UTF-8 and absurdly
long lines become one diagnostic that says where, never an exception.
"""

from __future__ import annotations

from bkrdsl.diagnostics import Diagnostic
from bkrdsl.source import Source, Span
from bkrdsl.syntax.codes import BAD_UTF8, BINARY, FILE_TOO_LARGE, LINE_TOO_LONG

#: A line longer than this is not .bkr source (see BKR018); the parser never sees it.
MAX_LINE_LENGTH = 1_000_000
#: A file larger than this, in bytes, is not .bkr source (see BKR020): it is not
#: decoded, and the parser never sees it.
MAX_FILE_SIZE = 10_000_000
#: Of a file too large, the most of its first line shown (a frame shows 100 columns).
_SHOWN_OF_LARGE = 1_000


def _shown(name: str, data: bytes) -> Source:
    """A best-effort text for showing the offending line: bad bytes and NULs made visible
    (one character each, so columns stay those of the text the user sees)."""
    text = data.decode("utf-8", errors="replace").replace("\x00", "\u2400")
    return Source.of(name, normalise(text))


def _span_at(source: Source, data: bytes, offset: int) -> Span:
    """The span of the character that starts at byte `offset`, in `source`'s text."""
    prefix = normalise(data[:offset].decode("utf-8", errors="replace"))
    start = len(prefix)
    return source.span(start, min(start + 1, len(source.text)))


def decode(name: str, data: bytes) -> tuple[Source, list[Diagnostic]]:
    """Decode a file's bytes. On failure the Source only serves to show the line, and one
    diagnostic says why."""
    if len(data) > MAX_FILE_SIZE:
        return _too_large(name, data)
    nul = data.find(b"\x00")
    if nul != -1:
        source = _shown(name, data)
        span = _span_at(source, data, nul)
        return source, [
            BINARY(
                f"the file contains a NUL byte at line {span.line}, column {span.column}: it is not a text file",
                span,
                help="pass the .bkr source; if it is UTF-16, convert it with `iconv -f UTF-16 -t UTF-8`",
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        source = _shown(name, data)
        span = _span_at(source, data, err.start)
        return source, [
            BAD_UTF8(
                f"byte 0x{data[err.start]:02X} at line {span.line}, column {span.column} is not valid UTF-8",
                span,
                help="save the file as UTF-8, e.g. `iconv -f CP1252 -t UTF-8 old.bkr > new.bkr`;"
                " files from z/VM must be transferred in text (ASCII) mode",
            )
        ]
    source = Source.of(name, normalise(text))
    too_long = _first_long_line(source)
    if too_long is not None:
        return source, [too_long]
    return source, []


def _too_large(name: str, data: bytes) -> tuple[Source, list[Diagnostic]]:
    """BKR020 at the file's first character; the Source holds only the start of its
    first line, to show it (decoding and indexing the whole file is what is avoided)."""
    head = data[:_SHOWN_OF_LARGE].split(b"\n", 1)[0]
    source = Source.of(name, normalise(head.decode("utf-8", errors="replace").replace("\x00", "\u2400")))
    span = source.span(0, min(1, len(source.text)))
    diagnostic = FILE_TOO_LARGE(
        f"the file holds {len(data):,} bytes; a .bkr file holds at most {MAX_FILE_SIZE:,}",
        span,
        help="pass the cluster's .bkr source (a few kilobytes); generated lists of users"
        " can go in modules the cluster imports, each below the limit",
    )
    return source, [diagnostic]


def _first_long_line(source: Source) -> Diagnostic | None:
    text = source.text
    if len(text) <= MAX_LINE_LENGTH:
        return None
    lengths = [len(line) for line in text.split("\n")]
    if max(lengths) <= MAX_LINE_LENGTH:
        return None
    number = next(i for i, n in enumerate(lengths) if n > MAX_LINE_LENGTH)
    start = sum(lengths[:number]) + number + MAX_LINE_LENGTH
    span = source.span(start, start + 1)
    length = lengths[number]
    return LINE_TOO_LONG(
        f"line {span.line} is {length:,} characters long; a .bkr line has at most {MAX_LINE_LENGTH:,}",
        span,
        help="pass the cluster's .bkr source; a file whose line ends were lost needs a transfer in text mode",
    )


def normalise(text: str) -> str:
    """Drop a byte-order mark and turn CRLF and lone CR line ends into LF."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
