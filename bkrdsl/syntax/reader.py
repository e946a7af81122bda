"""Bytes to text: the first gate every file passes.

Accepts UTF-8 with or without a byte-order mark and with LF, CRLF or CR line
ends. Binary data (a NUL byte) and invalid UTF-8 become diagnostics that say
where, never an exception.
"""

from __future__ import annotations

from bkrdsl.diagnostics import Diagnostic
from bkrdsl.source import Source, Span
from bkrdsl.syntax.codes import BAD_UTF8, BINARY


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of byte `offset`."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _shown(name: str, data: bytes) -> Source:
    """A best-effort text for showing the offending line: bad bytes and NULs made visible."""
    text = data.decode("utf-8", errors="replace").replace("\x00", "\u2400")
    return Source.of(name, normalise(text))


def decode(name: str, data: bytes) -> tuple[Source, list[Diagnostic]]:
    """Decode a file's bytes. On failure the Source only serves to show the line, and one
    diagnostic says why."""
    nul = data.find(b"\x00")
    if nul != -1:
        line, column = _position(data, nul)
        return _shown(name, data), [
            BINARY(
                f"the file contains a NUL byte at line {line}, column {column}: it is not a text file",
                Span(name, line, column, line, column + 1, 0, 0),
                help="pass the .bkr source; if it is UTF-16, convert it with `iconv -f UTF-16 -t UTF-8`",
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, column = _position(data, err.start)
        return _shown(name, data), [
            BAD_UTF8(
                f"byte 0x{data[err.start]:02X} at line {line}, column {column} is not valid UTF-8",
                Span(name, line, column, line, column + 1, 0, 0),
                help="save the file as UTF-8, e.g. `iconv -f CP1252 -t UTF-8 old.bkr > new.bkr`;"
                " files from z/VM must be transferred in text (ASCII) mode",
            )
        ]
    return Source.of(name, normalise(text)), []


def normalise(text: str) -> str:
    """Drop a byte-order mark and turn CRLF and lone CR line ends into LF."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
