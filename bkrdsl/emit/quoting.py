"""The one place where text becomes REXX source: string literals and comments.

Every piece of text a generated EXEC carries, whether the user wrote it (a job's
description, the source file's path) or it is a name from the model, goes
through this module, so that no text can break out of a literal or a comment:

* Only EBCDIC-invariant characters are written raw (the set below is the same
  in every common EBCDIC code page, so a file survives the ASCII-to-EBCDIC
  translation of FTP or IND$FILE). `$ # @` are written raw only inside names
  (`name=True`), which CP and CMS allow and the checker warns about.
* Any other character, tabs and line ends included, becomes the visible
  sequence `<U+XXXX>` (its Unicode code point, 4 to 6 hex digits). To keep the
  mapping reversible, a `<` that starts the text `<U+` is itself written
  `<U+003C>`; `decode_invariant` undoes the mapping exactly.
* In a literal, the quote is doubled. A long text is split across lines by
  abuttal (`var = var'more'`), never by `||` (a variant character) and never
  by a trailing comma (which REXX reads as a blank-joining continuation).
* In a comment, `/*` and `*/` are broken apart with a blank (REXX comments
  nest, so a stray `/*` would swallow the rest of the program).

Every line returned fits in `MAX_COLUMNS` (72) columns.
"""

from __future__ import annotations

import functools
import re

from bkrdsl.generated import INVARIANT, MAX_COLUMNS

#: Variant characters that CP and CMS allow in names; raw only inside names.
NAME_EXTRA = frozenset("$#@")

_ESCAPE_START = "<U+"
_ESCAPED = re.compile(r"<U\+([0-9A-F]{4,6})>")


def _escape(ch: str) -> str:
    return f"<U+{ord(ch):04X}>"


_NAME_CHARS = INVARIANT | NAME_EXTRA


def invariant_text(text: str, *, name: bool = False) -> str:
    """`text` with every character outside the invariant set written as `<U+XXXX>`."""
    allowed = _NAME_CHARS if name else INVARIANT
    if allowed.issuperset(text) and _ESCAPE_START not in text:
        return text  # the usual case: nothing to map
    out = []
    for i, ch in enumerate(text):
        if ch == "<" and text.startswith("U+", i + 1):
            out.append(_escape(ch))  # keeps the mapping reversible
        elif ch in allowed:
            out.append(ch)
        else:
            out.append(_escape(ch))
    return "".join(out)


def decode_invariant(text: str) -> str:
    """The inverse of `invariant_text`: `decode_invariant(invariant_text(s)) == s`."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def _tokens(text: str) -> list[str]:
    """Split mapped text into pieces that must stay on one line: a `<U+XXXX>`
    escape or one character. Keeping an escape whole keeps the listing readable."""
    if _ESCAPE_START not in text:  # the usual case: no escape, every piece is one character
        return list(text)
    out: list[str] = []
    i = 0
    while i < len(text):
        m = _ESCAPED.match(text, i)
        if m:
            out.append(m.group(0))
            i = m.end()
        else:
            out.append(text[i])
            i += 1
    return out


def _split(text: str, width: int, *, literal: bool = False) -> list[str]:
    """Mapped `text` in chunks that fit `width` columns (`_chunks`); in a literal
    (`literal`) a quote costs two columns, since it is written doubled."""
    if width < 8:
        raise ValueError("no room left on the line for text")
    if len(text) + (text.count("'") if literal else 0) <= width:
        return [text]  # it all fits: one chunk, whatever its pieces
    if _ESCAPE_START in text or (literal and "'" in text):
        return _chunks(_tokens(text), width, _literal_cost if literal else len)
    # Every piece is one character of one column: the same greedy split on the string.
    chunks: list[str] = []
    start = 0
    while len(text) - start > width:
        # Break after the window's last blank when it lies in its second half.
        blank = text.rfind(" ", start, start + width)
        cut = blank + 1 - start if blank != -1 and blank - start >= width // 2 else width
        chunks.append(text[start : start + cut])
        start += cut
    chunks.append(text[start:])
    return chunks


def _chunks(tokens: list[str], width: int, cost) -> list[str]:
    """Greedy split of `tokens` into chunks whose `cost` fits `width`, breaking
    after a blank when one lies in the second half of the chunk (readability)."""
    if width < 8:
        raise ValueError("no room left on the line for text")
    chunks: list[str] = []
    current: list[str] = []
    used = 0
    last_blank = -1
    for tok in tokens:
        size = cost(tok)
        if current and used + size > width:
            if last_blank >= len(current) // 2:
                head, current = current[: last_blank + 1], current[last_blank + 1 :]
            else:
                head, current = current, []
            chunks.append("".join(head))
            used = sum(cost(t) for t in current)
            last_blank = max((k for k, t in enumerate(current) if t == " "), default=-1)
        current.append(tok)
        used += size
        if tok == " ":
            last_blank = len(current) - 1
    if current or not chunks:
        chunks.append("".join(current))
    return chunks


def _literal_cost(tok: str) -> int:
    return 2 if tok == "'" else len(tok)


def rexx_literal(text: str, *, name: bool = False) -> str:
    """One REXX string literal holding `text` (quotes doubled, characters mapped).

    No line splitting: use `rexx_assign` where the text may be long.
    """
    return "'" + invariant_text(text, name=name).replace("'", "''") + "'"


def rexx_assign(variable: str, text: str, *, indent: int = 0, name: bool = False,
                width: int = MAX_COLUMNS) -> list[str]:
    """Lines that set `variable` to `text` exactly, each within `width` columns.

    `v = 'first part'` then `v = v'next part'` for as long as needed: abuttal
    joins the pieces with nothing between them.
    """
    return list(_assign_lines(variable, text, indent, name, width))


#: The EXECs of a compile set many a variable to the same text on every member (a
#: routine's messages, the dialect's commands): the lines of `rexx_assign` and
#: `rexx_comment` are worked out once per distinct call, the rest read back.
_SAME_LINES = 1024


@functools.lru_cache(maxsize=_SAME_LINES)
def _assign_lines(variable: str, text: str, indent: int, name: bool, width: int) -> tuple[str, ...]:
    pad = " " * indent
    first = f"{pad}{variable} = ''"
    rest = f"{pad}{variable} = {variable}''"
    lines: list[str] = []
    head_room = width - len(first)
    chunks = _split(invariant_text(text, name=name), head_room, literal=True)
    # The first chunk was sized for the first line; re-split the remainder for
    # the (longer) continuation prefix.
    lines.append(f"{pad}{variable} = '{chunks[0].replace(chr(39), chr(39) * 2)}'")
    remainder = "".join(chunks[1:])
    if remainder:
        for chunk in _split(remainder, width - len(rest), literal=True):
            lines.append(f"{pad}{variable} = {variable}'{chunk.replace(chr(39), chr(39) * 2)}'")
    return tuple(lines)


def forget_lines() -> None:
    """Empty the caches of `rexx_assign` and `rexx_comment` (`emit_all` does, per compile)."""
    _assign_lines.cache_clear()
    _comment_lines.cache_clear()


def _neutralise_comment(text: str) -> str:
    """Put a blank between every `/` and `*` that touch, in either order."""
    if "/*" not in text and "*/" not in text:
        return text
    out: list[str] = []
    for ch in text:
        if out and out[-1] + ch in ("/*", "*/"):
            out.append(" ")
        out.append(ch)
    return "".join(out)


def rexx_comment(
    text: str, *, indent: int = 0, hang: int = 0, width: int = MAX_COLUMNS, name: bool = False, free: str = ""
) -> list[str]:
    """`text` as one or more comment lines `/* ... */`, each within `width` columns.

    Lines after the first are indented by `hang` more blanks inside the
    comment. An empty text gives one empty comment line `/* */`. With `name`,
    `text` holds names and words of bkrc's own only, so `$ # @` stay raw, as
    in a literal with `name=True` (`Jobs of member VM#B:`); `free` is free
    text that follows it (a description), mapped in full (`<U+0024>`).
    """
    return list(_comment_lines(text, indent, hang, width, name, free))


@functools.lru_cache(maxsize=_SAME_LINES)
def _comment_lines(text: str, indent: int, hang: int, width: int, name: bool, free: str) -> tuple[str, ...]:
    pad = " " * indent
    body = _neutralise_comment(invariant_text(text, name=name) + invariant_text(free))
    room = width - indent - len("/*  */")
    first, *rest = _split(body, room)
    chunks = [first]
    if rest:
        chunks += [" " * hang + c.lstrip() for c in _split("".join(rest), room - hang)]
    lines = []
    for chunk in chunks:
        chunk = chunk.rstrip()
        lines.append(f"{pad}/* {chunk} */" if chunk else f"{pad}/* */")
    return tuple(lines)


def is_emittable(line: str) -> bool:
    """True when a generated line uses only invariant characters (plus `$ # @`,
    which only names carry) and fits in `MAX_COLUMNS` columns."""
    return len(line) <= MAX_COLUMNS and _NAME_CHARS.issuperset(line)


def _shapes(chars) -> bytes:
    """A `bytes.translate` table: each of `chars` to `x`, a line end to itself, any other byte to NUL."""
    table = bytearray(256)
    for ch in chars:
        table[ord(ch)] = ord("x")
    table[ord("\n")] = ord("\n")
    return bytes(table)


_INVARIANT_SHAPE = _shapes(INVARIANT)
_NAME_SHAPE = _shapes(INVARIANT | NAME_EXTRA)
#: A line one column too long, in a text's shape.
_TOO_LONG = b"x" * (MAX_COLUMNS + 1)
#: The size from which `fits_rules` searches a text's shape for `_TOO_LONG` rather than
#: splitting it into lines (where CPython's search turns linear: Objects/stringlib/fastsearch.h).
_SEARCHED = 30_000


def fits_rules(text: str, *, names: bool = False) -> bool:
    """True when every line of `text` fits `MAX_COLUMNS` columns and holds only
    invariant characters (and `$ # @` as well when `names`).

    The same test as `is_emittable` on every line, in a few passes over the
    whole text in C: what the CMS check and the EXEC writer run on every file.
    """
    if not text.isascii():
        return False
    # The text's shape: each allowed character `x`, each line end kept, any other
    # byte NUL. A NUL left breaks the rule; else a line too long is a run of
    # `x` one longer than MAX_COLUMNS: in a large text (a template: hundreds of
    # kilobytes at 10,000 users) one search in C finds it, at half the cost of
    # splitting the text into a string per line. CPython searches a text under
    # _SEARCHED bytes for so short a needle in a way that reads a line of `x` again
    # from each of its columns, so a small text's lines are measured instead.
    shape = text.encode("ascii").translate(_NAME_SHAPE if names else _INVARIANT_SHAPE)
    if b"\0" in shape:
        return False
    if len(shape) >= _SEARCHED:
        return _TOO_LONG not in shape
    return max(map(len, shape.split(b"\n"))) <= MAX_COLUMNS


def lines_fit_rules(lines: list[str], text: str, *, names: bool = False) -> bool:
    """`fits_rules(text)` where `text` is `lines` joined by line ends (and one
    after the last) and no line holds one, as a writer that has the lines in
    hand knows: the longest line is read from their lengths, so only the
    characters are read from the text (the EXEC writer's check: splitting a
    text of thousands of lines into a string per line cost more than reading
    its characters)."""
    return max(map(len, lines), default=0) <= MAX_COLUMNS and chars_fit(text, names=names)


def chars_fit(text: str, *, names: bool = False) -> bool:
    """True when `text` holds only invariant characters and line ends (and `$ #
    @` as well when `names`): `fits_rules` without its test of the lines' lengths."""
    return text.isascii() and b"\0" not in text.encode("ascii").translate(_NAME_SHAPE if names else _INVARIANT_SHAPE)
