"""What a terminal does with the characters bkrc prints: the columns each takes,
and which it acts on rather than shows (docs/security.md).

Three helpers, each the one place its rule lives:

- `columns`: the terminal columns a text takes (a wide East Asian character
  two, a combining mark none). The frames of a diagnostic put their carets by
  it, and every table and wrapped line of `bkrc show` is laid out by it
  (`wrap`), so that a description or a file name holding `日本` or an accent
  written as its own character keeps the columns straight and the width.
- `escaped`: a text bkrc did not write itself (a value of the command line,
  `--member`, `--user`, `--cluster`, a FILE; a job's description) made safe for
  a message line: each character a terminal would act on written `<U+XXXX>`.
  A frame shows the same characters as pictures, one for one, to keep its
  columns (`SHOWN`); a message has no columns to keep, and says the code point.
- `json_text`: every JSON bkrc writes (`json.dumps`, or `_indented_json`, its
  text at half the cost, then `json_safe`: each such character that JSON
  leaves raw as its `\\u` escape).

Pure, and small: `bkrdsl.check.common` imports it for every message that
quotes a name.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata

#: What a frame shows for a character a terminal would act on rather than show,
#: one character for one so that the columns stay: a C0 control (a tab aside,
#: which a frame expands) as its Control Picture (ESC as `␛`, BEL as `␇`), DEL
#: as `␡`, a C1 control (NEL, U+0085, among them), a line or paragraph separator
#: (U+2028, U+2029: a line end to some terminals, viewers and logs, BKR023) and a
#: bidirectional formatting character (U+202E, which shows the rest of the line
#: backwards: "Trojan Source") as `�`. A comment or a
#: text of a .bkr file (or a record of a CP directory) may hold them, and a frame
#: goes to terminals and CI logs: `ESC ] 0 ; ... BEL` retitles the terminal,
#: `ESC [ 2 J` clears what was printed before it (docs/security.md).
SHOWN = str.maketrans(
    {c: 0x2400 + c for c in range(0x20) if c != 0x09}
    | {0x7F: 0x2421}
    | dict.fromkeys(range(0x80, 0xA0), 0xFFFD)
    | dict.fromkeys([0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)], 0xFFFD)
)

#: The characters `SHOWN` maps: those a terminal acts on rather than shows.
ACTED_ON = frozenset(map(chr, SHOWN))

#: What `json.dumps` leaves raw of the characters a terminal acts on (it escapes C0
#: controls only): DEL, the C1 controls, U+2028, U+2029 and the bidirectional ones.
_JSON_RAW = re.compile("[" + "".join(sorted(c for c in ACTED_ON if c >= "\x7f")) + "]")


def json_safe(document: str) -> str:
    """A JSON document (json, sarif) with each character a terminal acts on rather
    than shows written as JSON's escape (`\\u009b`, `\\u2028`): the same string to a
    reader of the JSON, no control to a terminal or log it is printed to (`ESC [`'s
    one-character form, U+009B), no line end to a viewer or a JavaScript reader
    (U+2028). JSON's structure is ASCII, so such a character is only in a string."""
    if document.isascii() and "\x7f" not in document:
        return document
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def json_text(value: object, *, indent: int | None = 2, ascii_only: bool = False) -> str:
    """`value` as the JSON bkrc writes, the one way every command writes one (check's
    json and sarif, show's, dialect's, compile's plan and manifest.json): `json.dumps`,
    then `json_safe`. `ascii_only`, every character past ASCII as its escape
    (`ensure_ascii`), as the documents that always wrote so do (show, the plan, the
    manifest, whose bytes its hashes are compared by): json_safe changes no byte of
    those but a DEL's. No line end after it. An indented document of plain values
    is written by `_indented_json`, the same text as `json.dumps` at half its
    cost."""
    if type(indent) is int:
        text = _indented_json(value, indent, ascii_only)
        if text is not None:
            return json_safe(text)
    import json

    return json_safe(json.dumps(value, indent=indent, ensure_ascii=ascii_only))


_INFINITY = float("inf")


def _indented_json(value: object, indent: int, ascii_only: bool) -> str | None:
    """`json.dumps(value, indent=indent, ensure_ascii=ascii_only)`, the same text,
    for a document of plain values only (dict with str keys, list, tuple, str,
    int, float, bool, None, each of exactly that type); None for anything else
    (another type, a key not a str, a container inside itself), which
    `json.dumps` then writes or refuses as ever. json writes an indented document
    with its pure-Python encoder, a generator per container and a call per value;
    here each string goes to its C encoder (`encode_basestring_ascii`) and each
    container is one join: manifest.json, written by every compile, in half
    of the instructions (docs/performance.md, "Stop 75's runs")."""
    from json.encoder import encode_basestring, encode_basestring_ascii

    enc = encode_basestring_ascii if ascii_only else encode_basestring
    step = " " * indent
    inside: set[int] = set()  # the containers being written: one met again is a cycle
    keys: dict[str, dict[str, str]] = {}  # the files' entries repeat the same keys

    def dump(o: object, pad: str) -> str | None:
        kind = type(o)
        if kind is str:
            return enc(o)
        if kind is dict or kind is list or kind is tuple:
            if not o:
                return "{}" if kind is dict else "[]"
            if id(o) in inside:
                return None
            inside.add(id(o))
            inner = pad + step
            items = []
            if kind is dict:
                heads = keys.setdefault(inner, {})  # a key's line start, by its depth
                for k, v in o.items():  # type: ignore[union-attr]
                    text = enc(v) if type(v) is str else "null" if v is None else dump(v, inner)
                    head = heads.get(k)
                    if head is None:
                        if text is None or type(k) is not str:
                            return None
                        head = heads[k] = f"{inner}{enc(k)}: "
                    elif text is None:
                        return None
                    items.append(head + text)
            else:
                for v in o:  # type: ignore[union-attr]
                    text = enc(v) if type(v) is str else dump(v, inner)
                    if text is None:
                        return None
                    items.append(inner + text)
            inside.discard(id(o))
            opening, closing = ("{", "}") if kind is dict else ("[", "]")
            return f"{opening}\n" + ",\n".join(items) + f"\n{pad}{closing}"
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if kind is int:
            return int.__repr__(o)
        if kind is float:
            if o != o:  # noqa: PLR0124 (NaN, as json writes it)
                return "NaN"
            if o == _INFINITY:
                return "Infinity"
            if o == -_INFINITY:
                return "-Infinity"
            return float.__repr__(o)
        return None

    return dump(value, "")


def columns(text: str) -> int:
    """The terminal columns `text` takes: a wide (East Asian) character two, a
    combining mark none, any other one (a description may hold `日本` or an `é`
    written as `e` and its accent)."""
    if text.isascii():
        return len(text)
    return sum(_width(c) for c in text)


def _width(c: str) -> int:
    return 0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1


def ljust(text: str, width: int) -> str:
    """`text` padded with blanks to `width` terminal columns (`str.ljust` counts characters)."""
    return text + " " * (width - columns(text))


def escaped(text: str | os.PathLike[str], tab: bool = True) -> str:
    """`text` for a message line: each character a terminal acts on rather than
    shows (`ACTED_ON`: ESC, BEL, a C1 control, a bidirectional override) and,
    `tab`, a tab (which a message would show as blanks) written as `<U+XXXX>`,
    and a `<U+` of the text's own as `<U+003C>U+`, so that two texts that differ
    still read differently. A description shown by `bkrc show --against` keeps
    its tabs (`tab` False), as the generated files do. A path (`-o DIR`, a file
    found in it) is its text (`os.fspath`)."""
    text = os.fspath(text)
    if text.isprintable() and "<U+" not in text:
        return text  # the usual case: nothing to map
    out = []
    for i, ch in enumerate(text):
        if ch in ACTED_ON or (tab and ch == "\t") or (ch == "<" and text.startswith("U+", i + 1)):
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)


@functools.cache
def _column_wrapper() -> type:
    """The wrapper class, made at the first `wrap`: `bkrc check` never imports textwrap."""
    import textwrap

    class _ColumnWrapper(textwrap.TextWrapper):
        """`textwrap.TextWrapper`, its lines measured in terminal columns (`columns`)
        rather than characters: the same lines for a text of ASCII."""

        def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
            space_left = 1 if width < 1 else width - cur_len
            chunk = reversed_chunks[-1]
            if self.break_long_words:
                end, used = 0, 0
                while end < len(chunk) and used + _width(chunk[end]) <= space_left:
                    used += _width(chunk[end])
                    end += 1
                while 0 < end < len(chunk) and unicodedata.combining(chunk[end]):
                    end += 1  # a combining mark stays with the character it marks
                if end == 0 and not cur_line:
                    end = 1  # a wide character on a line narrower than it: alone, or never
                cur_line.append(chunk[:end])
                reversed_chunks[-1] = chunk[end:]
            elif not cur_line:
                cur_line.append(reversed_chunks.pop())

        def _wrap_chunks(self, chunks):
            # The standard library's algorithm (without max_lines, which bkrc never
            # sets), with `columns` for `len`.
            lines = []
            if self.width <= 0:
                raise ValueError(f"invalid width {self.width!r} (must be > 0)")
            chunks.reverse()
            while chunks:
                cur_line: list[str] = []
                cur_len = 0
                indent = self.subsequent_indent if lines else self.initial_indent
                width = self.width - columns(indent)
                if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                    del chunks[-1]
                while chunks:
                    n = columns(chunks[-1])
                    if cur_len + n <= width:
                        cur_line.append(chunks.pop())
                        cur_len += n
                    else:
                        break
                if chunks and columns(chunks[-1]) > width:
                    self._handle_long_word(chunks, cur_line, cur_len, width)
                    cur_len = sum(map(columns, cur_line))
                if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                    cur_len -= columns(cur_line[-1])
                    del cur_line[-1]
                if cur_line:
                    lines.append(indent + "".join(cur_line))
            return lines

    return _ColumnWrapper


def wrap(text: str, width: int, **options) -> list[str]:
    """`textwrap.wrap(text, width, **options)`, each line at most `width` terminal columns."""
    return _column_wrapper()(width, **options).wrap(text)
