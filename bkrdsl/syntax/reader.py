"""Bytes to text: the first gate every file passes.

Accepts UTF-8 with or without a byte-order mark and with LF, CRLF or CR line
ends. A file of absurd size, binary data (a NUL byte), invalid UTF-8 and absurdly
long lines become one diagnostic that says where, never an exception.

`read_file` and `read_stream` are the gate's door: every file bkrc reads from
disk or standard input comes through them, so a file too large (BKR020) is
known by its size before its bytes are read, and never held whole in memory.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

from bkrdsl.diagnostics import Diagnostic, Edit, Fix
from bkrdsl.source import Source, Span
from bkrdsl.syntax.codes import BAD_UTF8, BINARY, FILE_TOO_LARGE, LINE_TOO_LONG, SEQUENCE_NUMBERS

if TYPE_CHECKING:
    from pathlib import Path
    from typing import BinaryIO, Self

#: A line longer than this is not .bkr source (see BKR018); the parser never sees it.
MAX_LINE_LENGTH = 1_000_000
#: A file larger than this, in bytes, is not .bkr source (see BKR020): it is not
#: decoded, and the parser never sees it.
MAX_FILE_SIZE = 10_000_000
#: Tokens read after the file's first syntax error, after which the parser ends
#: the file where it stands (parser.py, `_Watched`; `Recovery.stop_reading`). Here,
#: not in recovery.py, so that the fast parser knows it without importing Lark.
MAX_READ_AFTER_ERROR = 100_000
#: Of a file too large, the most of its first line shown (a frame shows 100 columns).
_SHOWN_OF_LARGE = 1_000
#: Standard input, or a file whose size its status does not tell (a FIFO), is read
#: in pieces of this size, up to one byte past MAX_FILE_SIZE.
_PIECE = 1 << 20


class Oversized(bytes):
    """What bkrc keeps of a file too large to read (BKR020): the start of its first
    line (at most `_SHOWN_OF_LARGE` bytes, to show it) and its `size` in bytes, or
    None when it is not known (standard input is read no further than the limit).
    `taken`: the bytes taken from a stream read up to the limit, which a filter
    (`bkrc fmt -`) passes on before the rest; None for a file known by its size.

    `decode` reports it as BKR020 whatever its length. Two are equal only when both
    their start and their size are: a cache keyed by bytes (`ParsedModules`) never
    takes one for a small file that starts alike."""

    size: int | None
    taken: bytes | None

    def __new__(cls, data: bytes, size: int | None, taken: bytes | None = None) -> Self:
        head = data[:_SHOWN_OF_LARGE].split(b"\n", 1)[0]
        made = super().__new__(cls, head)
        made.size = size
        made.taken = taken
        return made

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Oversized) and other.size == self.size and bytes(other) == bytes(self)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((bytes(self), self.size))


def read_stream(stream: BinaryIO, size: int | None = None) -> bytes:
    """A stream's bytes, or an `Oversized` when they are more than MAX_FILE_SIZE.

    `size`: what the stream's file status says it holds, when it tells (a regular
    file): a larger one is not read beyond the start of its first line. Otherwise
    (standard input, a FIFO, a file that grew since) no more than MAX_FILE_SIZE + 1
    bytes are read, in pieces, and the rest is left unread. Raises OSError."""
    if size is not None and size > MAX_FILE_SIZE:
        return Oversized(stream.read(_SHOWN_OF_LARGE), size)
    limit = MAX_FILE_SIZE + 1
    pieces: list[bytes] = []
    held = 0
    # A terminal's end of input (Ctrl-D) ends one read only: `read(n)` would read on
    # past it for the rest of `n`, and wait for a second Ctrl-D. `read1` reads once.
    read = stream.read1 if _terminal(stream) else stream.read
    while held < limit:
        piece = read(min(_PIECE, limit - held))
        if not piece:
            break
        pieces.append(piece)
        held += len(piece)
    data = b"".join(pieces)
    if held > MAX_FILE_SIZE:
        # Grown past the limit since its status was taken, or a stream: of a
        # stream, a filter passes on what was taken (`taken`).
        return Oversized(data, None, taken=data if size is None else None)
    return data


def _terminal(stream: BinaryIO) -> bool:
    """Whether `stream` reads a terminal (`-` or `/dev/stdin` typed into)."""
    try:
        return stream.isatty() and hasattr(stream, "read1")
    except (AttributeError, ValueError, OSError):
        return False


def read_file(path: Path | str) -> bytes:
    """A file's bytes, as `Path.read_bytes`, but a file larger than MAX_FILE_SIZE is
    known by its size (`os.fstat` of the opened file) and not read: an `Oversized`
    stands for it. Raises OSError as `Path.read_bytes` does."""
    with open(path, "rb") as stream:
        st = os.fstat(stream.fileno())
        size = st.st_size if stat.S_ISREG(st.st_mode) else None
        return read_stream(stream, size)


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
    diagnostic per problem says why: a NUL (BKR001) and bytes that are not UTF-8 (BKR002),
    each at its first, in file order, where the file has both."""
    if isinstance(data, Oversized) or len(data) > MAX_FILE_SIZE:
        return _too_large(name, data)
    nul = data.find(b"\x00")
    if nul != -1:
        wide = wide_encoding(data)
        if wide is not None:
            return _wide(name, data, wide)
        source = _shown(name, data)
        span = _span_at(source, data, nul)
        found = [
            (nul, BINARY(
                f"the file contains a NUL byte at line {span.line}, column {span.column}: it is not a text file",
                span,
                help="pass the .bkr source; if it is UTF-16, convert it with `iconv -f UTF-16 -t UTF-8`",
            ))
        ]
        # One error per problem: bytes that are not UTF-8 as well are the other
        # (their own cause and fix), said at the first of them, in file order.
        bad = _first_bad_utf8(data)
        if bad is not None:
            found.append((bad, _bad_utf8(source, data, bad)))
        return source, [diagnostic for _, diagnostic in sorted(found, key=lambda pair: pair[0])]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        source = _shown(name, data)
        return source, [_bad_utf8(source, data, err.start)]
    source = Source.of(name, normalise(text))
    too_long = _first_long_line(source)
    if too_long is not None:
        return source, [too_long]
    numbered = _sequence_numbers(source)
    if numbered is not None:
        return source, [numbered]
    return source, []


def _first_bad_utf8(data: bytes) -> int | None:
    """The offset of the first byte that is not valid UTF-8, or None (NULs are valid)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start
    return None


def _bad_utf8(source: Source, data: bytes, offset: int) -> Diagnostic:
    """BKR002 at the byte at `offset`, the first that is not valid UTF-8."""
    span = _span_at(source, data, offset)
    return BAD_UTF8(
        f"byte 0x{data[offset]:02X} at line {span.line}, column {span.column} is not valid UTF-8",
        span,
        help="save the file as UTF-8, e.g. `iconv -f CP1252 -t UTF-8 old.bkr > new.bkr`;"
        " files from z/VM must be transferred in text (ASCII) mode",
    )


#: The byte-order marks of the encodings a Windows editor saves as "Unicode", UTF-32's
#: first (its little-endian mark starts as UTF-16's), each with iconv's name for it.
_WIDE_MARKS = (
    (b"\xff\xfe\x00\x00", "UTF-32", "UTF-32 (little-endian"),
    (b"\x00\x00\xfe\xff", "UTF-32", "UTF-32 (big-endian"),
    (b"\xff\xfe", "UTF-16", "UTF-16 (little-endian"),
    (b"\xfe\xff", "UTF-16", "UTF-16 (big-endian"),
)


def wide_encoding(data: bytes) -> tuple[str, str] | None:
    """(iconv's name, what to call it) for a file in UTF-16 or UTF-32, told by its
    byte-order mark, or without one by its first 16 bytes, each character an ASCII one
    and NULs (`c\\0l\\0`: UTF-16LE; `\\0c\\0l`: UTF-16BE); None for any other file
    holding a NUL, or whose first characters are not ASCII. Asked only of a file
    holding a NUL byte."""
    for mark, iconv, called in _WIDE_MARKS:
        if data.startswith(mark):
            return iconv, f"{called}, it starts with its byte-order mark)"
    head = data[:16]
    for width, iconv, ascii_at, called in _WIDE_PATTERNS:
        if len(head) == 16 and all(
            (0 < byte < 0x80) if k % width == ascii_at else byte == 0 for k, byte in enumerate(head)
        ):
            return iconv, f"{iconv[:6]} ({called}-endian, without a byte-order mark)"
    return None


#: Without a byte-order mark: (bytes a character, iconv's name, where its ASCII byte
#: stands, byte order), told by the file's first 16 bytes.
_WIDE_PATTERNS = (
    (4, "UTF-32LE", 0, "little"),
    (4, "UTF-32BE", 3, "big"),
    (2, "UTF-16LE", 0, "little"),
    (2, "UTF-16BE", 1, "big"),
)


def _wide(name: str, data: bytes, wide: tuple[str, str]) -> tuple[Source, list[Diagnostic]]:
    """BKR001 for a file in UTF-16 or UTF-32, at its first character: one error that
    names the encoding, whose help is the iconv command that converts the file."""
    import shlex

    iconv, called = wide
    source = Source.of(name, "")
    converted = "-" if name in ("-", "<stdin>") else shlex.quote(name)
    into = "converted.bkr" if converted == "-" else shlex.quote(str(name).removesuffix(".bkr") + ".utf8.bkr")
    return source, [
        BINARY(
            f"the file is {called}, not UTF-8: a .bkr file is read as UTF-8",
            Span.file_start(name),
            help=f"convert it to UTF-8: `iconv -f {iconv} -t UTF-8 {converted} > {into}`, then check that file"
            " (an editor's \"Save as\" UTF-8 does it too)",
        )
    ]


#: A CMS record's columns: the text in 1-72, a sequence number in 73-80 (BKR022).
_TEXT_COLUMNS, _RECORD_LENGTH = 72, 80


def _sequence_numbers(source: Source) -> Diagnostic | None:
    """BKR022 when every line (two at least; a last empty one aside) is a CMS record
    of 80 columns with 8 digits in columns 73-80; its fix strips them, and the
    blanks before them, from every line."""
    text = source.text
    if len(text) < _RECORD_LENGTH:
        return None
    if text[_TEXT_COLUMNS:_RECORD_LENGTH].isdigit() is False:
        return _some_lines_numbered(source)  # the first line says no at once
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    if len(lines) < 2 or not all(
        len(line) == _RECORD_LENGTH and line[_TEXT_COLUMNS:].isascii() and line[_TEXT_COLUMNS:].isdigit()
        for line in lines
    ):
        return _some_lines_numbered(source)
    edits = _numbers_removed(source, [(k * (_RECORD_LENGTH + 1), line) for k, line in enumerate(lines)])
    first = source.span(_TEXT_COLUMNS, _RECORD_LENGTH)
    return SEQUENCE_NUMBERS(
        f"every line of the file ends in a sequence number in columns 73-80 (`{lines[0][_TEXT_COLUMNS:]}`),"
        " as a CMS file numbered by XEDIT does: each would be read as one more word",
        first,
        help="remove columns 73-80 from every line (`bkrc check --fix` does; `cut -c1-72`); keep the .bkr file"
        " without sequence numbers",
        fix=Fix("Remove the sequence numbers in columns 73-80", edits),
    )


def _numbered(line: str) -> bool | None:
    """A line numbered as a CMS record among lines that are not: 80 columns, then 8
    digits in columns 73-80. True when its text is padded with blanks past column 72:
    no .bkr statement ends in a word of 8 digits standing alone there. None when the
    text reaches column 72 and the number follows it at once (`...M2PRV100001300`),
    which is a number only in a file that has a line of the first kind (a word ending
    in 8 digits may be a name); False otherwise."""
    number = line[_TEXT_COLUMNS:]
    if len(line) != _RECORD_LENGTH or not (number.isascii() and number.isdigit()):
        return False
    return True if line[_TEXT_COLUMNS - 1] == " " else None


def _some_lines_numbered(source: Source) -> Diagnostic | None:
    """BKR022, once for the file, when some of its lines (not all: a file numbered
    by XEDIT, then lines added without numbers) are CMS records whose sequence
    number in columns 73-80 follows blanks, and with them those whose text fills
    column 72 and touches the number; its fix strips the numbers, and the blanks
    before them, from those lines. Once, not per line: one cause, one fix, as for
    a file whose every line is numbered."""
    if not source.has_line_of(_RECORD_LENGTH):
        return None  # no line of 80 columns: the common case, at C speed (no split, no loop)
    # With blanks before the number (True), or the text touching it (None), counted
    # once a line of the first kind shows the file numbered.
    read = [(n, line, kind) for n, line in enumerate(source.text.split("\n"), 1) if (kind := _numbered(line)) is not False]
    if not any(kind for _, _, kind in read):
        return None
    numbered = [(n, line) for n, line, _ in read]
    lines = [n for n, _ in numbered]
    edits = _numbers_removed(source, [(source.line_start(n), line) for n, line in numbered])
    at = source.line_start(lines[0])
    first = source.span(at + _TEXT_COLUMNS, at + _RECORD_LENGTH)
    shown = numbered[0][1]
    number, match_text = shown[_TEXT_COLUMNS:], shown[:_TEXT_COLUMNS].rstrip()
    if len(lines) == 1:
        where, does = f"line {lines[0]} ends", "a line of a CMS file numbered by XEDIT does: it"
    else:
        where, does = f"{len(lines)} lines ({_listed(lines)}) end", "lines of a CMS file numbered by XEDIT do: each"
    written = f"; line {lines[0]} is then `{match_text.strip()}`" if match_text.strip() else ""
    return SEQUENCE_NUMBERS(
        f"{where} in a sequence number in columns 73-80 (`{number}`), as {does} would be read as one more word",
        first,
        help=f"remove columns 73-80 from {'that line' if len(lines) == 1 else 'those lines'}"
        f" (`bkrc check --fix` does{written}); keep the .bkr file without sequence numbers",
        fix=Fix("Remove the sequence numbers in columns 73-80", edits),
    )


def _numbers_removed(source: Source, placed: list[tuple[int, str]]) -> tuple[Edit, ...]:
    """The edits that remove columns 73-80, and the blanks before them, of each line
    (its start in the text, its text): BKR022's fix, for every line or some."""
    return tuple(
        Edit(source.span(start + len(line[:_TEXT_COLUMNS].rstrip()), start + _RECORD_LENGTH), "")
        for start, line in placed
    )


def _listed(lines: list[int]) -> str:
    """Line numbers as a reader takes them in: `3, 4 and 6`, the first five and a count past them when there are more than six."""
    if len(lines) > 6:
        return ", ".join(map(str, lines[:5])) + f" and {len(lines) - 5} more"
    return ", ".join(map(str, lines[:-1])) + f" and {lines[-1]}"


def _too_large(name: str, data: bytes) -> tuple[Source, list[Diagnostic]]:
    """BKR020 at the file's first character; the Source holds only the start of its
    first line, to show it (decoding and indexing the whole file is what is avoided)."""
    if not isinstance(data, Oversized):
        data = Oversized(data, len(data))
    source = Source.of(name, normalise(data.decode("utf-8", errors="replace").replace("\x00", "\u2400")))
    span = source.span(0, min(1, len(source.text)))
    diagnostic = FILE_TOO_LARGE(
        f"{too_large(data)}; a .bkr file holds at most {MAX_FILE_SIZE:,}",
        span,
        help="pass the cluster's .bkr source (a few kilobytes); generated lists of users"
        " can go in modules the cluster imports, each below the limit",
    )
    return source, [diagnostic]


def too_large(data: Oversized) -> str:
    """How large a file too large is: its size, or more than the limit when it is
    not known (standard input, read no further)."""
    if data.size is None:
        return f"the input holds more than {MAX_FILE_SIZE:,} bytes"
    return f"the file holds {data.size:,} bytes"


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
