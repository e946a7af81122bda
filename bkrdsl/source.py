"""Source files and positions.

Every stage speaks of places in the user's text through `Span`: 1-based line and
column of the first character, and of the character just past the end, plus the
absolute offsets. A `Source` owns the decoded text and answers line look-ups.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import stat
from dataclasses import field
from typing import NamedTuple

from bkrdsl.records import dataclass


class Span(NamedTuple):
    """A place in a file. A named tuple rather than a dataclass: it is a plain
    value, and a large file has one per name (10,000 users, 10,000 spans), which
    a tuple makes three times faster to create and the garbage collector stops
    tracking (it holds only strings and numbers)."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int = 0
    end: int = 0

    @staticmethod
    def point(file: str, line: int, column: int, offset: int = 0) -> Span:
        return Span(file, line, column, line, column + 1, offset, offset + 1)

    @staticmethod
    def file_start(file: str) -> Span:
        """A point at 1:1 that covers nothing: valid in any file, even an empty one or
        one whose line 1 is empty (where `point(file, 1, 1)` would end past the line)."""
        return Span(file, 1, 1, 1, 1, 0, 0)



def span_through(first: Span, last: Span) -> Span:
    """The place from the start of `first` to the end of `last`."""
    return Span(first.file, first.line, first.column, last.end_line, last.end_column, first.start, last.end)

@dataclass(frozen=True)
class Source:
    """A decoded .bkr text with its display name (a path as the user wrote it, or <stdin>)."""

    name: str
    text: str
    _line_starts: tuple[int, ...] = field(default=(), compare=False, repr=False)

    @staticmethod
    def of(name: str, text: str) -> Source:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        return Source(name, text, tuple(starts))

    @staticmethod
    def of_lines(name: str, lines: list[str], starts: tuple[int, ...] | None = None) -> Source:
        """The text of `lines` joined by newlines (`of(name, "\\n".join(lines))`), its line
        starts added up from the lines' lengths rather than found again in the text
        (or `starts`, where the caller has them: `line_starts` of lines of the same lengths)."""
        return Source(name, "\n".join(lines), Source.line_starts(lines) if starts is None else starts)

    @staticmethod
    def line_starts(lines: list[str]) -> tuple[int, ...]:
        """The offset of each of `lines` in their text joined by newlines."""
        return tuple(itertools.accumulate(map((1).__add__, map(len, lines[:-1])), initial=0))  # at C speed

    def has_line_of(self, length: int) -> bool:
        """Whether a line is `length` characters long, its newline aside: from the line
        starts at C speed, no split and no loop (the reader asks it of every file read,
        BKR022's lines of 80 columns)."""
        starts = self._line_starts
        ends = itertools.chain(starts[1:], (len(self.text) + 1,))
        return length + 1 in map(operator.sub, ends, starts)

    def line_text(self, line: int) -> str:
        """The text of 1-based `line` without its newline ('' past the end)."""
        if line < 1 or line > len(self._line_starts):
            return ""
        return self.text[self._line_starts[line - 1] : self._line_end(line)]

    def _line_end(self, line: int) -> int:
        """The offset just past 1-based `line`'s last character (its newline's), from the
        line starts: no search along the line, however long."""
        starts = self._line_starts
        return starts[line] - 1 if line < len(starts) else len(self.text)

    def line_length(self, line: int) -> int:
        """The length of 1-based `line` without its newline (0 past the end), read from
        the line starts, no copy of the line."""
        if line < 1 or line > len(self._line_starts):
            return 0
        return self._line_end(line) - self._line_starts[line - 1]

    def line_part(self, line: int, first: int, last: int) -> str:
        """`line_text(line)[first:last]` (0-based, 0 <= first <= last), copying only that part
        of the line: what a diagnostic's frame shows of a line of a million characters."""
        if line < 1 or line > len(self._line_starts):
            return ""
        start, end = self._line_starts[line - 1], self._line_end(line)
        return self.text[min(start + first, end) : min(start + last, end)]

    def line_start(self, line: int) -> int:
        """The offset of 1-based `line`'s first character."""
        return self._line_starts[line - 1]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an absolute offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(max(end, start))
        return Span(self.name, line, column, end_line, end_column, start, end)

    def deletion(self, span: Span) -> Span:
        """The text to delete to take `span` out (a stray `}`): `span` with the blanks
        before it, or its whole line, line end included, when nothing else stands on it."""
        text = self.text
        start = text.rfind("\n", 0, span.start) + 1
        end = text.find("\n", span.end)
        end = len(text) if end == -1 else end
        if not text[start : span.start].strip(" \t") and not text[span.end : end].strip(" \t"):
            return self.span(start, min(end + 1, len(text)))
        left = span.start
        while left > start and text[left - 1] in " \t":
            left -= 1
        return self.span(left, span.end)

    def first_character(self) -> Span:
        """The file's first character that is not blank, for a diagnostic about the
        whole file; a point at 1:1 that covers nothing in a blank or empty file (one
        character there would end past its line: `1:1-1:2` on an empty line 1)."""
        stripped = len(self.text) - len(self.text.lstrip())
        if stripped == len(self.text):
            return Span.file_start(self.name)
        return self.span(stripped, stripped + 1)

    @property
    def line_count(self) -> int:
        return len(self._line_starts)


def common_prefix(a: str, b: str) -> int:
    """How many characters `a` and `b` begin with alike (slices compared, not characters:
    an edit at line 7,000 of two texts is found in some twenty comparisons)."""
    lo, hi = 0, min(len(a), len(b))
    if a[:hi] == b[:hi]:
        return hi
    while hi - lo > 1:  # a[:lo] == b[:lo], a[:hi] != b[:hi]
        mid = (lo + hi) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid
    return lo


def first_changed_line(before, after) -> int:
    """The 1-based line of `before` (text or bytes) where `after` first differs (its
    last line at most): where a reader of `before` finds the change, as `bkrc fmt
    --check`'s annotation and compile's finding of a file changed by hand say it."""
    end = "\n" if isinstance(before, str) else b"\n"
    old, new = before.split(end), after.split(end)
    first = next((n for n, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    return min(first, len(old) - 1) + 1

#: Folders never searched for .bkr files, besides hidden ones (a name starting with
#: `.`) and the output folders of `bkrc compile` (they hold its manifest.json): by
#: `bkrc check DIR`, `bkrc fmt DIR` and the language server's workspace alike.
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})
#: How many folders one such search enters, at most: `bkrc check ~` (or `/tmp`, `/`),
#: or a workspace opened on a home folder, must not walk the whole disk.
MAX_FOLDERS = 20_000
#: How many levels below the folder named such a search goes, at most: a tree nested
#: deeper (a runaway script's) is not entered, where Python's own walk would end in a
#: RecursionError a thousand levels down.
MAX_DEPTH = 100


def folder_level(top, folder) -> int:
    """How many levels folder `folder`, found by `os.walk(top)`, is below `top` (0: it)."""
    import os

    rel = os.path.relpath(folder, top)
    return 0 if rel == os.curdir else rel.count(os.sep) + 1


def special_kind(mode: int) -> str | None:
    """What a file that is a FIFO, a device or a socket is ("a FIFO (named pipe)"),
    from its st_mode; None for anything else (a regular file, a folder, a link: their
    callers tell those apart). No source is read from one: a FIFO's read waits for a
    writer, for good when none comes, and a device such as /dev/zero may never end.
    The one copy of these words, for the module loader and for the output's checks."""
    for test, what in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return what
    return None
