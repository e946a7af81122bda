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
reading the thousand jobs above line 7,000 again at each keystroke. Below a
syntax error, those closed above its line and those closed once the parser's
recovery from it is over (`_cut_below_error`) are.
"""

from __future__ import annotations

import bisect

from bkrdsl.fmt.outline import BLOCKS
from bkrdsl.source import Source, common_prefix

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


#: The last texts found to read without a syntax error (`_skimmed`), at most
#: CLEAN_KEPT: the lines typed one after another below the same blocks ask again.
_clean: list[str] = []
CLEAN_KEPT = 4
#: The last texts found not to (`_skimmed`), with what `_cut_below_error` found
#: in them, at most CLEAN_KEPT: the next line typed below the same blocks asks again.
_cut: list[tuple[str, tuple[int, int, int] | None]] = []
#: Line starts tried below a syntax error for where its recovery is over (`_cut_below_error`).
CUTS_TRIED = 16


def _skimmed(prefix: str, line_start: int, name: str) -> str:
    """`prefix` with the blocks closed before its last line (at `line_start`) read as empty
    (`bkrdsl.syntax.skim`, as completion reads the text before the cursor), when
    the text they end in (`head`) reads without a syntax error; else, below a
    syntax error, those the parser reads once its recovery from it is over
    (`_cut_below_error`); else `prefix` itself. A line typed at line 7,000 of a file
    of a thousand jobs read them all again, some 0.4 s a keystroke (0.3 to 0.8 s
    below a syntax error near the top): the printer places the line by the blocks
    it is in and the statement it continues only (`_kept`), and after a block the
    parser's state does not depend on what it holds. What was found of a `head` is
    kept (`_clean`, `_cut`), so the next lines typed below the same blocks skip
    even that. The lines above the typed one in the group body it is in are passed
    over too when the typed line reads clean after them (`_reads_clean`)."""
    from bkrdsl.syntax.skim import skim

    found = _braces(prefix)
    skimmed = skim(prefix, len(prefix), line_start, found, clean_to_end=True)
    if skimmed.reach == line_start and not _reads_clean(skimmed.text, _open_at(found, len(prefix), (0, 0)), name):
        # The lines of the group body the typed line is in were passed over (`reach`
        # is then the typed line's start), and the typed line has a syntax error,
        # whose repair may look back at them (`skim`): they are read whole.
        skimmed = skim(prefix, len(prefix), line_start, found, clean_to_end=False)
    head = prefix[: skimmed.reach]
    if skimmed.reach == 0 or head in _clean:
        return skimmed.text
    for text, cut in _cut:
        if text == head:
            return _past_error(prefix, line_start, found, skimmed.reach, cut) or prefix
    unread = _unread(head, skimmed.open_at_reach, name)
    if unread is None:
        _clean.insert(0, head)
        del _clean[CLEAN_KEPT:]
        return skimmed.text
    cut = _cut_below_error(head, unread, found, name)
    _cut.insert(0, (head, cut))
    del _cut[CLEAN_KEPT:]
    return _past_error(prefix, line_start, found, skimmed.reach, cut) or prefix


def _unread(head: str, still_open: int, name: str) -> int | None:
    """None when `head`, with the `}` of each block still open at its end added, is a
    file the parser `bkrc check` uses reads without a diagnostic: then reading it as
    the first part of the typed text meets no syntax error either, and the blocks it
    closes may be read as empty. Else where that parser reads it clean to: the fast
    parser (some three times as fast as Lark, and a text with a syntax error is told
    at its cost, not Lark's) tells where it stops (`fast.unread_from`); Lark, when
    `BKRDSL_PARSER=lark` sets the fast parser aside (to debug, or to compare the
    two: then nothing here runs it), tells nothing of it here (0). Completion asks
    the analysis where the file's first syntax error is; here there is none at
    hand, nor wanted."""
    from bkrdsl.syntax import fast, fast_allowed

    source = Source.of(name, head + "\n}" * still_open + "\n")
    if fast_allowed():
        return fast.unread_from(source)
    from bkrdsl.syntax.parser import parse

    return 0 if parse(source).diagnostics else None


def _reads_clean(text: str, still_open: int, name: str) -> bool:
    """Whether the parser `bkrc check` uses reads `text`, the first part of a file with
    `still_open` blocks open at its end, without a syntax error (`_unread`): one it
    meets only in the `}` added to close them is the text's end, not an error in it."""
    unread = _unread(text, still_open, name)
    return unread is None or unread >= len(text)


def _past_error(prefix: str, line_start: int, found: list, reach: int, cut: tuple[int, int, int] | None) -> str | None:
    """`prefix` with the blocks closed before its last line read as empty, below a
    syntax error, where `_cut_below_error` found it exact (`cut`: the start of the
    error's line, `s0`; the line start below it where the parser's recovery from it
    is over; a bound of the tokens above `reach` the recovery reads after it); None
    where it found nothing. From `s0` to the second the text is read whole."""
    from bkrdsl.syntax.reader import MAX_READ_AFTER_ERROR
    from bkrdsl.syntax.skim import skim

    if cut is None:
        return None
    s0, cut, tokens = cut
    if tokens + len(prefix) - reach > MAX_READ_AFTER_ERROR // 2:
        return None  # the recovery might stop reading before the typed line
    below = [(brace, offset - cut) for brace, offset in found if offset >= cut]
    # The part after the cut does not read clean as a file of its own, so the lines
    # of a group body the typed line is in are read whole (`skim`'s default).
    return skim(prefix, cut, s0, found).text + skim(prefix[cut:], len(prefix) - cut, line_start - cut, below).text


def _cut_below_error(head: str, unread: int, found: list, name: str) -> tuple[int, int, int] | None:
    """(`s0`, `cut`, tokens) for `_past_error`, from `head` (the text to the end of the
    last block closed above the typed line, read clean to `unread` and no further),
    or None. Lark reads the text before `unread` without an error, so before the
    line it is on, from `s0` to `s1`, the blocks may be read as empty (as above a
    clean text). The text without that line must read clean, and a line start
    `cut` below it (one of the next CUTS_TRIED) find Lark's parser in the same
    state (its stack) reading the text with the line and without it: the tokens
    after `cut` are then read alike in both, so without a syntax error in `head`
    too, and the blocks they close may be read as empty. The text without the line
    is read by the fast parser, once; its tokens and the line's characters bound the
    tokens of `head` the recovery reads after the error (at most MAX_READ_AFTER_ERROR,
    then it stops: half of it here, as the scanner and Lark's lexer may cut a word
    apart differently). With Lark selected (`BKRDSL_PARSER=lark`), None."""
    from bkrdsl.syntax import fast, fast_allowed
    from bkrdsl.syntax.reader import MAX_READ_AFTER_ERROR

    if not fast_allowed() or unread >= len(head):
        return None
    s0 = head.rfind("\n", 0, unread) + 1
    s1 = head.find("\n", unread) + 1
    if s1 == 0:
        return None
    without = head[:s0] + head[s1:]
    count = fast.tokens_read(Source.of(name, without + "\n}" * _open_at(found, len(head), (s0, s1)) + "\n"))
    if count is None or count + (s1 - s0) > MAX_READ_AFTER_ERROR // 2:
        return None
    for cut in _line_starts(head, s1, CUTS_TRIED):
        state = _state_at(head, cut, s0, found, name)
        if state is not None and state == _state_at(without, cut - (s1 - s0), s0, found, name):
            return s0, cut, count + (s1 - s0)
    return None


def _line_starts(text: str, start: int, most: int) -> list[int]:
    """The first `most` line starts of `text` from `start` (a line start) on."""
    starts = []
    while start < len(text) and len(starts) < most:
        starts.append(start)
        start = text.find("\n", start) + 1 or len(text)
    return starts


def _state_at(text: str, end: int, clean_to: int, found: list, name: str) -> tuple | None:
    """Lark's parser's states (its stack) having read `text[:end]`, the blocks closed
    before `clean_to` read as empty (the text reads clean to there, and `found`, its
    braces, are alike before it in each text asked); None where the text may end
    there or reading it stopped."""
    from bkrdsl.syntax.parser import parse_prefix
    from bkrdsl.syntax.skim import skim

    # Not a group's lines passed over (`skim`): the text would read alike, but the
    # parser's stack would not be the one reading them leaves.
    read = parse_prefix(Source.of(name, skim(text, end, min(clean_to, end - 1), found).text))
    if read is None or read.open is None:
        return None
    return tuple(read.open.parser_state.state_stack)


def _open_at(found: list, end: int, left_out: tuple[int, int]) -> int:
    """The blocks still open at `end` by the braces `found` (a `}` that closes nothing
    passed over), those from `left_out[0]` to `left_out[1]` left out."""
    depth = 0
    for brace, offset in found:
        if offset >= end:
            break
        if not left_out[0] <= offset < left_out[1]:
            depth = depth + 1 if brace == "{" else max(0, depth - 1)
    return depth


#: The braces of the last texts asked (`_braces`), at most CLEAN_KEPT.
_braces_kept: list[tuple[str, list]] = []


def _braces(text: str) -> list[tuple[str, int]]:
    """`fast.braces(text)`, those of the lines a text asked before begins with taken
    from it: a line typed below the same lines (or the same text asked again, after
    Enter and a `}`) scans only the lines that changed. No token spans a line end,
    so the braces of whole lines do not depend on what follows them."""
    from bkrdsl.syntax.fast import braces

    best, kept = 0, []
    for old, old_found in _braces_kept:
        same = common_prefix(old, text)
        if same == len(old) == len(text):
            return old_found
        same = text.rfind("\n", 0, same) + 1  # whole lines alike
        if same > best:
            best, kept = same, [b for b in old_found if b[1] < same]
    found = kept + [(brace, offset + best) for brace, offset in braces(text[best:])]
    _braces_kept.insert(0, (text, found))
    del _braces_kept[CLEAN_KEPT:]
    return found


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
