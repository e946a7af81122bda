"""The indentation `bkrc fmt` gives a line as it is typed: the language server's
on-type formatting (Enter, and a `}` typed first on its line).

A file being typed rarely parses, and the line being typed is seldom the end of
what it will hold. So the text up to the end of that line is read as the first
part of a file (`bkrdsl.syntax.parser.parse_prefix`: the same recovery from
earlier mistakes as `bkrc check`); the parser is then asked what may follow, and
given it, one token at a time, until the file could end: a `}` where a statement
may end (the next line starts a new statement), else a value where the statement
needs one (`backup LINUX,`), else the first token it accepts. The tokens read and
added make a file the formatter's outline is built from (`outline.from_lark`),
and the printer, which knows every rule of the layout, says where the line goes
(`layout.typed_line_indent`). Nothing here knows a rule of the layout.

When the parser cannot read the text (too many errors, another language), or a
`}` typed closes no block it read, the line goes where the statements of the
block it is in go, the blocks counted by their braces.

The parser is given the blocks closed above the line read as empty (`{ }`,
`bkrdsl.syntax.skim`, as completion reads the text before the cursor) when the
parser `bkrc check` uses (the fast one, or Lark with `BKRDSL_PARSER=lark`)
finds the text up to them free of syntax errors (`_skimmed`): the
same answer (a test holds it at every line of the canonical texts) without
reading the thousand jobs above line 7,000 again at each keystroke.
"""

from __future__ import annotations

import bisect

from bkrdsl.fmt.outline import BLOCKS
from bkrdsl.source import Source

#: Tokens added to finish the text, at most (the deepest statement needs a few).
MAX_ADDED = 200
#: What an added token of a terminal that is not a keyword spells.
_SPELLED = {"NAME": "X", "IMPORT_PATH": "x", "STRING": '""', "LBRACE": "{", "RBRACE": "}", "COMMA": ","}


def line_indent(text: str, line: int, name: str = "<typed>", skim: bool = True) -> str | None:
    """The indentation `bkrc fmt` gives line `line` (0-based) of `text` (LF line ends,
    no byte-order mark), as far as the text up to the end of that line tells; None
    when `text` has no such line. `skim=False` reads the blocks closed above the
    line whole (`_skimmed`): the same answer, slower (for the tests)."""
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return None
    line_start = sum(len(x) + 1 for x in lines[:line])
    current = lines[line]
    start = line_start + len(current) - len(current.lstrip(" \t\f"))
    prefix = text[: line_start + len(current)]
    read = _skimmed(prefix, line_start, name) if skim else prefix
    moved = len(prefix) - len(read)  # the typed line is kept as it is, at the end
    found = _printed_indent(read, start - moved, read.count("\n", 0, start - moved) + 1, name)
    if found is not None:
        return found
    return _by_braces(prefix, start)


#: The last texts found to read without a syntax error (`_reads_clean`), at most
#: CLEAN_KEPT: the lines typed one after another below the same blocks ask again.
_clean: list[str] = []
CLEAN_KEPT = 4


def _skimmed(prefix: str, line_start: int, name: str) -> str:
    """`prefix` with the blocks closed before its last line (at `line_start`) read as empty
    (`bkrdsl.syntax.skim`, as completion reads the text before the cursor), when
    the text they end in reads without a syntax error; else `prefix` itself. A line
    typed at line 7,000 of a file of a thousand jobs read them all again, some
    0.4 s a keystroke: the printer places the line by the blocks it is in and the
    statement it continues only (`_kept`), and after a block the parser's state
    does not depend on what it holds."""
    from bkrdsl.syntax.fast import braces
    from bkrdsl.syntax.skim import skim

    found = braces(prefix)
    skimmed = skim(prefix, len(prefix), line_start, found)
    if skimmed.reach == 0 or _reads_clean(prefix[: skimmed.reach], skimmed.open_at_reach, name):
        return skimmed.text
    return prefix


def _reads_clean(head: str, still_open: int, name: str) -> bool:
    """Whether `head`, with the `}` of each block still open at its end added, is
    a file Lark reads without a diagnostic. Then reading `head` as the first part
    of the typed text meets no syntax error either, and the blocks it closes may
    be read as empty. Completion asks the analysis where the file's first syntax
    error is; here there is none at hand, nor wanted. A text found clean is kept
    (`_clean`), so the next lines typed below the same blocks skip even that."""
    if head in _clean:
        return True
    if not _parses_clean(Source.of(name, head + "\n}" * still_open + "\n")):
        return False
    _clean.insert(0, head)
    del _clean[CLEAN_KEPT:]
    return True


def _parses_clean(source: Source) -> bool:
    """Whether the parser `bkrc check` uses reads `source` without a diagnostic: the
    fast parser, which gives up on anything else (some three times as fast as Lark,
    and a text with a syntax error is told at its cost, not Lark's), or Lark itself
    when `BKRDSL_PARSER=lark` sets the fast parser aside (to debug, or to compare
    the two: then nothing here runs it)."""
    from bkrdsl.syntax import fast, fast_allowed

    if fast_allowed():
        return fast.read(source) is not None
    from bkrdsl.syntax.parser import parse

    return not parse(source).diagnostics


def _printed_indent(prefix: str, start: int, line: int, name: str) -> str | None:
    from lark.exceptions import LarkError

    from bkrdsl.fmt.layout import SharedDocComment, typed_line_indent
    from bkrdsl.fmt.outline import from_lark
    from bkrdsl.syntax.parser import parse_prefix, without_keywords

    read = parse_prefix(Source.of(name, prefix))
    if read is None:
        return None
    try:
        tree = read.tree if read.open is None else _finished(read.open, len(prefix), line)
    except LarkError:
        return None
    if tree is None:
        return None
    before = [t.start_pos for t in _leaves(tree) if t != "" and t.start_pos < start]
    dropped: list[tuple[int, int]] = []
    tree = _kept(tree, max(before, default=0), dropped)
    tokens = sorted(_leaves(tree), key=lambda t: t.start_pos)
    if start < len(prefix) and prefix[start] == "}" and not any(t.start_pos == start for t in tokens):
        return None  # a `}` that closes nothing the parser read: counted by the braces
    starts = [a for a, _ in dropped]  # in order, none inside another

    def left_out(offset: int) -> bool:
        at = bisect.bisect_right(starts, offset) - 1
        return at >= 0 and offset < dropped[at][1]

    comments = [
        c
        for c in read.comments
        if c.line != line  # the typed line: the printer is given a comment of its own there
        and not left_out(c.start_pos)
    ]
    try:
        outline = from_lark(without_keywords(tree), tokens, comments)
        return typed_line_indent(outline, start, line)
    except (SharedDocComment, IndexError, KeyError, StopIteration):
        # a tree recovery made of a broken text that no clean file gives, which the
        # printer cannot walk: the braces decide
        return None


def _finished(ip, end: int, line: int):
    """The tree of the text read so far and of the tokens the parser asks for next,
    each on the line after the typed one, until the file may end. None if it never may."""
    from lark import Token

    from bkrdsl.syntax.parser import parser

    lark = parser()
    offset = end + 1
    for _ in range(MAX_ADDED):
        accepted = ip.accepts()
        if "$END" in accepted:
            return ip.feed_eof()
        if not accepted:  # pragma: no cover - a state the parser reached takes some token
            return None
        wanted = "RBRACE" if "RBRACE" in accepted else "NAME" if "NAME" in accepted else min(accepted)
        text = _SPELLED.get(wanted)
        if text is None:
            text = lark.get_terminal(wanted).pattern.value  # a keyword
        ip.feed_token(
            Token(wanted, text, offset, line + 1, 1, line + 1, 1 + len(text), offset + len(text))
        )
        offset += len(text) + 1
    return None


def _kept(tree, keep_from: int, dropped: list[tuple[int, int]]):
    """`tree` without the tokens recovery assumed (a `}` it closed a block with: they
    are not in the text, and take the place of the token after them), and without
    the statements of a file or a block body that end before offset `keep_from`
    (the last token before the typed line): only the blocks the line is in, the
    statement it continues and what follows decide where it goes, so a keystroke
    does not lay out the whole file. The span of each statement left out goes to
    `dropped`, so that its comments are left out too."""
    from lark import Token, Tree

    body = tree.data == "start"
    children = []
    for c in tree.children:
        if isinstance(c, Tree):
            if body:
                real = [t for t in _leaves(c) if t != ""]
                if not real or real[-1].end_pos <= keep_from:
                    if real:
                        dropped.append((real[0].start_pos, real[-1].end_pos))
                    continue
            children.append(_kept(c, keep_from, dropped) if c.data in BLOCKS else _real(c))
        elif isinstance(c, Token) and c != "":
            children.append(c)
            body = body or (c.type == "LBRACE" and tree.data in BLOCKS)
    return Tree(tree.data, children)


def _real(tree):
    """`tree` without the tokens recovery assumed."""
    from lark import Token, Tree

    children = [
        _real(c) if isinstance(c, Tree) else c for c in tree.children if not (isinstance(c, Token) and c == "")
    ]
    return Tree(tree.data, children)


def _leaves(tree):
    from lark import Token

    return [t for t in tree.scan_values(lambda v: isinstance(v, Token))]


def _by_braces(prefix: str, start: int) -> str:
    """The indentation of the statements of the block the line is in, the blocks counted
    by their braces (a `}` that closes nothing is passed over); a `}` typed first on
    the line goes where its block starts."""
    from bkrdsl.fmt.layout import inner_indent
    from bkrdsl.syntax.fast import braces

    depth = 0
    for brace, offset in braces(prefix):
        if offset >= start:
            if brace == "}" and offset == start:
                depth = max(0, depth - 1)
            break
        depth = depth + 1 if brace == "{" else max(0, depth - 1)
    indent = ""
    for _ in range(depth):
        indent = inner_indent(indent)
    return indent
