"""The text before a place, as the parser needs it to read on from there: each
block closed before it read as an empty one (`{ }`).

After a block the parser's state is the same whatever the block holds (every
block may be empty), so what may come next, and the blocks still open, do not
depend on it. Reading the 10,000 users of a cluster's groups, or the thousand
jobs above the cursor, again at each keystroke was most of the time of a
completion and of the indentation of a line as it is typed. Both read the text
so skimmed (the language server's `features._skimmed`, and `fmt.ontype`). A run
of blocks closed one after another in the same block is read as one empty block
(`_runs_joined`): what may follow them is what may follow one.

The caller says how far the text reads without a syntax error (`limit`): from
there on the text is kept whole, since the parser's repairs there (a `}` that
closed a block early, BKR013) may need what a block holds. The lines of a group
body still open are not a closed block: a repair on a line after them reads on
in the same body and may look back at its user IDs (`{ TCPIP` + newline +
`expire on ZVMA {` closes the group at `expire`; `{` + newline + the same reads
`expire` as a user ID), so they are passed over only when the text reads
without a syntax error to `end`.
"""

from __future__ import annotations

import re

from bkrdsl.records import dataclass

__all__ = ["Skimmed", "skim"]


@dataclass
class Skimmed:
    text: str  # the text before `end`, closed blocks read as empty
    #: How far the skimming relied on the text reading without a syntax error: the
    #: end of the last block left out (or of the group body lines passed over); 0
    #: when the text is kept whole.
    reach: int
    #: The blocks still open at `reach` (their `{` before it and their `}`, if any, after).
    open_at_reach: int


def skim(
    text: str, end: int, limit: int, found: list[tuple[str, int]], clean_to_end: bool | None = None
) -> Skimmed:
    """`text[:end]` with the inside of each block closed before `limit` left out
    (`{ }`); `found` are the text's braces (`bkrdsl.syntax.fast.braces`). In the
    group body `end` is in, its lines above `end`'s are passed over too (they
    are entries, user IDs and `match PATTERN`, after which the parser expects the
    same), unless one ends with `match`, whose pattern is on the next line, when
    the text reads without a syntax error to `end` (`clean_to_end`; by default
    when `limit` says so; `fmt.ontype`, which checks what it is given, may claim
    it and check the text skimmed)."""
    if clean_to_end is None:
        clean_to_end = end <= limit
    limit = min(limit, end)
    # The outermost blocks closed before `limit`, with the block they are in (its
    # `{`; below 0, outside the text).
    pairs: list[tuple[int, int, int]] = []
    opened: list[int] = []
    open_at_close = 0  # the blocks still open after the last of `pairs`
    # A `}` that closes nothing is a syntax error (past `limit`) in a whole text; in
    # the part of one read after a cut (`fmt.ontype._past_error`) it closes a block
    # opened before the part: the blocks before it and those after are in different
    # blocks, never one run (the cluster's `}`, then groups of the file's own).
    closed_before = 0
    for brace, offset in found:
        if offset >= limit:
            break
        if brace == "{":
            opened.append(offset)
        elif opened:
            start = opened.pop()
            while pairs and pairs[-1][0] > start:
                pairs.pop()
            pairs.append((start, offset, opened[-1] if opened else -1 - closed_before))
            open_at_close = len(opened)
        else:
            closed_before += 1
    pieces, last = [], 0
    for start, close in _runs_joined(pairs):
        pieces += [text[last : start + 1], " "]
        last = close
    reach = last + 1 if pairs else 0
    open_at_reach = open_at_close
    line_start = text.rfind("\n", 0, end) + 1
    body = opened[-1] + 1 if opened else -1
    if (
        clean_to_end
        and last < body <= line_start <= limit
        and _GROUP_OPENED.search(text, max(0, body - 200), body)
        and not _MATCH_AT_LINE_END.search(text, body, line_start)
    ):
        pieces += [text[last:body], "\n"]
        last = line_start
        reach, open_at_reach = line_start, len(opened)
    pieces.append(text[last:end])
    return Skimmed("".join(pieces), reach, open_at_reach)


def _runs_joined(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The blocks to read as empty, (`{`, `}`): each run of blocks closed one after
    another in the same block (or at the top of the file), but its last, read as
    one, from the first's `{` to the `}` of the one before the last, with whatever
    stands between them: the first's header, then `{ }`. After it the parser
    expects what it expects after any of them (statements of that block, which may
    be empty, or its `}`), so a thousand jobs above the line are two lines, not a
    thousand. The last of the run is kept apart: the statement the next line
    follows is the one it followed. `pairs` are (`{`, `}`, the block they are in)."""
    joined: list[tuple[int, int]] = []
    for k, (start, close, within) in enumerate(pairs):
        follows = k + 1 < len(pairs) and pairs[k + 1][2] == within
        if follows and k > 0 and pairs[k - 1][2] == within:
            joined[-1] = (joined[-1][0], close)  # inside a run: joined to its first
        else:
            joined.append((start, close))
    return joined


#: A group's `{` (the text before it ends so): `single group LINUX {`. Looked for in
#: the 200 characters before it; a group written otherwise is read whole.
_GROUP_OPENED = re.compile(r"\bgroup[ \t\r\n\f]+[^ \t\r\n\f{}#]+[ \t\r\n\f]*\{\Z", re.IGNORECASE)
#: A line of a group body that ends with `match`, its pattern on the next line.
_MATCH_AT_LINE_END = re.compile(r"(?<![^ \t\r\n\f{])match[ \t\f\r]*(#[^\n]*)?\n", re.IGNORECASE)
