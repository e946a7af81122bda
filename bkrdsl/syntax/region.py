"""A syntax error in a large file: Lark's recovery reads only the blocks around it.

`read_module` hands a text the fast parser gives up on (fast.py) to Lark with its
error recovery (parser.py), which reads the whole text with a hook on every
token: in a file of 10,000 users, some 1,600 M instructions where the fast parser
reads the same text clean in a tenth of that. The language server does it at
every keystroke while the file has an error.

`read_around_error` reads such a text in two parts instead, each text the same
length as the file, its lines where they were (every offset, line and column as
in the file, so nothing is shifted back):

* the fast parser reads the file with a region of the cluster's body blanked
  out (every character but line ends a blank): the blocks before it and after
  it, which it must read without an error;
* Lark reads the file with everything blanked out but the region, the lines
  before the cluster's `{` (imports, the cluster's doc comment and name), some
  pieces of the body before the region (`_Layout.context`: those with a
  `member` block, whose names a help gives, `recovery.members_read`: `on VMA`
  or `on VMB`, and those that hold a type of token no piece before
  them holds, as `Recovery.options_given` reads the types of every token of the
  body's items on the parser's stack) and the cluster's `}`.

The body is cut right after a block's `}` where the next token starts its line
and another block (`member`, `single`, `identity`, `job`, `expire`), and at the
cluster's braces; the region is the piece the fast parser gave up in (where
`fast.unread_from` says) with one piece either side. Lark's diagnostics are the
file's; its items of the region go into the fast parser's cluster in their
places, and its comments there into the module's.

It gives the file's reading back only when every check of it holds, else None
(`read_module` then has Lark read the whole file, as before):

* the file has at least `MIN_TOKENS` tokens (a small file is cheap to read
  whole) and few enough that Lark would not stop reading after the first error
  (`parser.MAX_READ_AFTER_ERROR`, whose BKR008 counts the tokens read after it:
  a word other than a name counted as one token a character);
* its text is one cluster block, the lines before it and nothing after it but
  comments, its braces balanced (a `{` or `}` missing or one too many: the
  cuts after it cannot be told, so the whole file is read);
* the error is inside the cluster's body;
* the region is not the whole body;
* the fast parser reads the rest without an error;
* Lark reads the region with every diagnostic inside it, the same cluster
  (name, span, doc) and the same lines before it;
* no help of Lark's recovery read the whole file (`read_whole_file`): the job
  open there against the file's declarations and its other jobs (`Recovery.job_home`: `run daily 02:00`, its
  members left out, whose mend depends on the kind of the job's users and the
  member their other jobs run on), or against the file's catalog statements
  (`expire on {`, a `catalog` inside a block), which the pieces read before the
  region may hold only some of.

tests/test_syntax_region.py holds it to exact equality with the whole file's
reading (diagnostics, AST, comments) on random damage in random blocks of the
examples and on their typing states, read with `MIN_TOKENS` at 0, and the
plugin tests/region_oracle.py (`pytest -p region_oracle`) on every text with
an error that a test run reads (the slip corpora of the syntax tests).
"""

from __future__ import annotations

import re

from bkrdsl import ast
from bkrdsl.diagnostics import Diagnostic
from bkrdsl.source import Source
from bkrdsl.syntax import fast

__all__ = ["MIN_TOKENS", "read_around_error"]

#: A file of fewer tokens is read whole by Lark (tests set 0 to read every text so).
MIN_TOKENS = 3_000
#: The words that start a block of the cluster's body where a region may begin.
_BLOCK_STARTS = frozenset(("member", "single", "identity", "job", "expire"))
#: The cluster's fields of items, each in the order of the text.
_ITEMS = ("members", "catalogs", "expires", "tapes", "users", "groups", "jobs", "settings", "disks")
_NOT_A_LINE_END = re.compile(r"[^\r\n]+")

KIND, TEXT, START, FIRST = fast.KIND, fast.TEXT, fast.START, fast.FIRST


def _blanked(text: str) -> str:
    return _NOT_A_LINE_END.sub(lambda m: " " * len(m.group()), text)


class _Layout:
    """The cluster's braces and the places a region may begin or end, from the scanner's tokens."""

    def __init__(self, tokens: list[tuple]):
        self.open: int | None = None  # the offset right after the cluster's `{`
        self.close: int | None = None  # the offset of the cluster's `}`
        self.cuts: list[int] = []  # offsets right after a block's `}`, another block next
        self.members: list[int] = []  # where each of the cluster's `member` blocks starts
        depth = 0
        last = len(tokens) - 1  # the end token
        for k in range(last):
            tok = tokens[k]
            kind = tok[KIND]
            if kind == "{":
                depth += 1
                if depth == 1:
                    if self.open is not None or k < 2 or tokens[k - 2][TEXT].lower() != "cluster":
                        raise _Unsuited
                    self.open = tok[START] + 1
            elif kind == "}":
                depth -= 1
                if depth < 0:
                    raise _Unsuited
                if depth == 0:
                    if k + 1 != last:
                        raise _Unsuited  # a token after the cluster
                    self.close = tok[START]
                elif depth == 1:
                    end = tok[START] + 1
                    after = tokens[k + 1]
                    if after[FIRST] and after[TEXT].lower() in _BLOCK_STARTS:
                        self.cuts.append(end)
            elif depth == 1 and tok[FIRST] and kind == "n" and tok[TEXT].lower() == "member":
                self.members.append(tok[START])
            elif depth == 0 and self.open is not None:
                raise _Unsuited  # a token after the cluster
        if depth != 0 or self.open is None or self.close is None:
            raise _Unsuited

    def context(self, start: int, tokens: list[tuple], types: dict[int, str]) -> list[tuple[int, int]]:
        """The pieces of the cluster's body before `start` (each from a cut to the next)
        that Lark reads before the region: each that holds a `member` block (a help
        names the members read so far, `recovery.members_read`), and each other that
        holds a type of token none before it holds: so the types of token the body
        holds before the region are all there (`Recovery.options_given` reads them all
        off the list of the body's items on the parser's stack). `tokens` and
        `types`: the fast parser's reading of the file, the region blanked."""
        bounds = [b for b in (self.open, *self.cuts) if b < start]
        if not bounds:
            return []
        pieces = list(zip(bounds, [*bounds[1:], start], strict=True))
        found: list[set[str]] = [set() for _ in pieces]
        k, n = 0, len(tokens)
        for i, (a, b) in enumerate(pieces):
            while k < n and tokens[k][START] < a:
                k += 1
            while k < n and tokens[k][START] < b:
                found[i].add(types.get(k) or "?" + tokens[k][TEXT].lower())
                k += 1
        kept, seen = [], set()
        members = iter(self.members)
        member = next(members, -1)
        for i, (a, b) in enumerate(pieces):
            while 0 <= member < a:
                member = next(members, -1)
            if a <= member < b or not found[i] <= seen:
                kept.append((a, b))
                seen |= found[i]
        return kept

    def region(self, error: int) -> tuple[int, int] | None:
        """(start, end) of the region around `error`, an offset; None when it is the whole body."""
        bounds = [self.open, *self.cuts, self.close]
        if not bounds[0] <= error < bounds[-1]:
            return None
        i = max(k for k, b in enumerate(bounds) if b <= error)
        start, end = bounds[max(i - 1, 0)], bounds[min(i + 2, len(bounds) - 1)]
        if start == bounds[0] and end == bounds[-1]:
            return None
        return start, end


class _Unsuited(Exception):
    """The text is not one this reading holds to the whole file's."""


def read_around_error(source: Source) -> tuple[ast.Module | None, list[Diagnostic]] | None:
    """`read_module`'s AST and diagnostics for a text the fast parser gives up on, Lark
    reading only the region around the place it gave up at; None when only the whole
    file's reading can tell (see the module's doc)."""
    try:
        return _read(source)
    except (_Unsuited, fast.GiveUp):
        return None


def _read(source: Source) -> tuple[ast.Module | None, list[Diagnostic]] | None:
    from bkrdsl.syntax import parser as lark_path
    from bkrdsl.syntax.build import build
    from bkrdsl.syntax.parser import parse

    text = source.text
    tokens, _comments, _colon_ended = fast.scan(text)
    if len(tokens) < MIN_TOKENS:
        return None
    # Lark reads a name, a text or a sign as one token, another word as at most one a
    # character (`catalog-n`: three): past the limit it would stop reading (BKR008).
    most = sum(len(tok[TEXT]) if tok[KIND] in ("w", "u") else 1 for tok in tokens)
    if most >= lark_path.MAX_READ_AFTER_ERROR:
        return None
    error = fast.unread_from(source)
    if error is None:
        return None
    layout = _Layout(tokens)
    region = layout.region(error)
    if region is None:
        return None
    start, end = region

    blanked = Source.of(source.name, text[:start] + _blanked(text[start:end]) + text[end:])
    try:
        reader = fast.TypingParser(blanked)
        module = reader.module()
        if reader.error_at is not None or reader.reported(blanked):
            return None
    except fast.GiveUp:
        return None

    pieces, at = [], 0
    for a, b in [(0, layout.open), *layout.context(start, reader.tokens, reader.types), (start, end), (layout.close, len(text))]:
        pieces += [_blanked(text[at:a]), text[a:b]]
        at = b
    result = parse(Source.of(source.name, "".join(pieces)))
    if result.read_whole_file:
        return None  # a help read the whole file (jobs, declarations, the catalog) the context may lack
    diagnostics = list(result.diagnostics)
    if any(not start <= d.span.start < end for d in diagnostics):
        return None
    inside = build(result)
    if inside is None or module is None or len(inside.clusters) != 1 or len(module.clusters) != 1:
        return None
    if (inside.imports, inside.users, inside.groups) != (module.imports, module.users, module.groups):
        return None
    theirs, ours = inside.clusters[0], module.clusters[0]
    if (theirs.name, theirs.span, theirs.doc) != (ours.name, ours.span, ours.doc):
        return None
    fields = {}
    for name in _ITEMS:
        found = []
        for item in getattr(theirs, name):
            if start <= item.span.start < end:
                if item.span.end > end:
                    return None
                found.append(item)
            elif item.span.start >= start:
                return None  # an item of Lark's past the region: not the file's
        fields[name] = tuple(sorted(getattr(ours, name) + tuple(found), key=_start))
    cluster = ast.Cluster(
        ours.name,
        fields["members"],
        fields["catalogs"],
        fields["expires"],
        fields["tapes"],
        fields["users"],
        fields["groups"],
        fields["jobs"],
        fields["settings"],
        ours.span,
        ours.doc,
        fields["disks"],
    )
    comments = sorted(module.comments + tuple(c for c in inside.comments if start <= c[0].start < end), key=_comment_start)
    merged = ast.Module(module.file, module.imports, module.users, module.groups, (cluster,), tuple(comments))
    return merged, diagnostics


def _start(item) -> int:
    return item.span.start


def _comment_start(comment: tuple) -> int:
    return comment[0].start
