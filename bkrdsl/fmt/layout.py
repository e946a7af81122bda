"""The canonical layout of a .bkr file, printed from its outline (outline.py).

The outline's statements say where every statement and block starts and ends;
its token stream (the parser's own, keywords included) says what each statement
holds; its comments say where each comment stood. Printing is then a walk over
the statements that writes every statement's tokens on one line, in canonical case,
and puts each comment back next to the token it was next to:

* a **trailing** comment (code before it on its line) stays at the end of the
  output line that holds the token it followed;
* an **own-line** comment stays on its own line, just before the token that
  followed it.

A comment inside a statement therefore breaks that statement there, and the rest
continues on the next line: under the first value of the statement's list, as when
a long list is filled (and filled too, between its comments), or four spaces further
in when the statement has no list or its list has not started yet. The
rules of the layout are documented in docs/fmt.md; this module is their one
implementation.
"""

from __future__ import annotations

import bisect
from dataclasses import field

from bkrdsl.fmt.outline import BLOCKS, DOCUMENTED, Node, Note, Outline, Tok
from bkrdsl.records import dataclass
from bkrdsl.syntax.lexicon import CATALOG_OPTIONS, TAPE_OPTIONS
from bkrdsl.syntax.runon import begun

#: A member block may stay on one line when it holds only these settings.
ONE_LINE_MEMBER_ITEMS = frozenset({"workers", "private_volume", "job_suffix", "subconfig"})
#: A group body's entries, filled several to a line (`Printer.group_entries`).
GROUP_ENTRIES = frozenset({"group_user", "group_match"})
#: A one-line block must fit in this many columns (indentation included).
WIDTH = 80
INDENT = "  "
#: A statement broken by a comment before its list starts (or with no list to
#: align under) continues this much further in.
CONTINUATION = "    "

_VERBATIM = frozenset({"STRING", "IMPORT_PATH"})
_PUNCTUATION = frozenset({"LBRACE", "RBRACE", "COMMA"})


@dataclass
class Line:
    """One printed line: its indent, code and trailing comment (or a blank line)."""

    indent: str
    code: str  # '' for a line holding only a comment, or a blank line
    comment: str | None = None
    blank: bool = False
    docs: frozenset[int] = frozenset()  # the doc comment on this line of its own (start offset)


@dataclass
class _Layout:
    """What the printer knows about the file, computed once."""

    toks: list[Tok]
    starts: list[int]
    leading: dict[int, list[Note]] = field(default_factory=dict)  # token index -> own-line comments before it
    trailing: dict[int, Note] = field(default_factory=dict)  # token index -> comment after it on its line
    blank_before: set[int] = field(default_factory=set)  # token indexes with an empty line before them
    tight_commas: set[int] = field(default_factory=set)  # token indexes of commas written without a space
    doc_lines: dict[int, int] = field(default_factory=dict)  # line -> doc comment start offset
    chains: dict[int, frozenset[int]] = field(default_factory=dict)  # decl token index -> its doc comments
    line_starts: set[int] = field(default_factory=set)  # token indexes that start a line as in the input
    as_written: set[int] = field(default_factory=set)  # token indexes of labels that read like a statement


# ---------------------------------------------------------------- tokens
def canonical_tokens(
    tokens: list[Tok], lower_names: frozenset[int], as_written: frozenset[int] = frozenset()
) -> list[Tok]:
    """Tokens in canonical case: keywords lower, names upper, strings and paths as written;
    so are the names in `as_written` (labels that read like a statement, BKR021: in upper
    case they would read as meant, and the warning would go)."""
    out = []
    for t in tokens:
        text = t.text
        kind = t.type
        if kind == "NAME":
            if t.start not in as_written:
                text = text.lower() if t.start in lower_names else text.upper()
        elif kind not in _VERBATIM and kind not in _PUNCTUATION:
            text = text.lower()  # a keyword
        out.append(Tok(kind, text, t.start, t.end, t.line, t.end_line))
    return out


#: Statements whose last tokens are a list of values written with blanks between
#: them: how many tokens come before the first value.
_SPACE_LISTS = {"minidisk_selection": 3, "sfs_selection": 2, "private_volume": 1, "shared_volume": 1}
#: The options of `tape manager`, each a keyword and its value(s) (syntax/lexicon.py).
_TAPE_OPTIONS = TAPE_OPTIONS


#: The statements filled at their options, each option a keyword and its value(s): a
#: line may start at each option after the first, as both parsers read it there.
_OPTIONS_OF = {"tape": _TAPE_OPTIONS, "catalog": CATALOG_OPTIONS}


def plain_value(tok: Tok) -> bool:
    """A value that is not a word of letters only (nor hyphens): no keyword, misspelt
    or not, and no CP directory word looks like it (`Recovery.keyword_after_list`)."""
    return tok.type == "NAME" and not tok.text.replace("-", "").isalpha()


def keyword_shaped(tok: Tok) -> bool:
    """A name spelled like a keyword (a group `BACKUP`, a user `TAPE`). It never starts a
    continuation line: the parser reads a statement keyword that starts a line inside an
    unfinished statement as that keyword (`Recovery.name_token`, docs/language.md), so
    `backup A,` + `BACKUP full` on the next line would not parse. Any keyword, not only
    those that start statements: the line-start rules may grow, and a wrap is never
    worth a doubt."""
    from bkrdsl.syntax.fast import KEYWORDS

    return tok.type == "NAME" and tok.text.lower() in KEYWORDS


# ---------------------------------------------------------------- comments
def attach_comments(layout: _Layout, comments: list[Note]) -> None:
    """Give every comment its token (see the module docstring), and note blank lines."""
    toks = layout.toks
    events = sorted(
        [(t.start, "tok", i) for i, t in enumerate(toks)] + [(c.start, "note", c) for c in comments],
        key=lambda e: e[0],
    )
    prev_end_line = None  # the last line holding content (a token's end or a comment)
    prev_tok: Tok | None = None
    index_of_next = 0
    for _, kind, item in events:
        if kind == "tok":
            tok = toks[item]
            if prev_end_line is not None and tok.line - prev_end_line >= 2:
                layout.blank_before.add(item)
            prev_end_line = tok.end_line
            prev_tok = tok
            index_of_next = item + 1
            continue
        note = item
        if prev_tok is not None and prev_tok.end_line == note.line:
            layout.trailing[index_of_next - 1] = note
        else:
            note.blank_before = prev_end_line is not None and note.line - prev_end_line >= 2
            layout.leading.setdefault(index_of_next, []).append(note)
            if note.is_doc:  # only a `##` line of its own documents (bkrdsl.syntax.build)
                layout.doc_lines[note.line] = note.start
        prev_end_line = note.line


def doc_chain(layout: _Layout, first_line: int) -> frozenset[int]:
    """The doc comments that document a decl starting on `first_line` (as the AST builder sees them)."""
    found = []
    line = first_line - 1
    while line in layout.doc_lines:
        found.append(layout.doc_lines[line])
        line -= 1
    return frozenset(found)


class SharedDocComment(Exception):
    """Two decls start on one line under a `##` comment: both have it as their doc,
    and no layout with one decl per line can say that."""

    def __init__(self, first: Tok, second: Tok):
        super().__init__(first.line)
        self.first = first
        self.second = second


def refuse_shared_docs(layout: _Layout, decl_firsts: list[int]) -> None:
    seen: dict[int, int] = {}
    for first in decl_firsts:
        line = layout.toks[first].line
        if line in seen and layout.chains.get(first):
            raise SharedDocComment(layout.toks[seen[line]], layout.toks[first])
        seen.setdefault(line, first)


def settle_doc_comments(layout: _Layout, decl_firsts: list[int]) -> None:
    """Keep every doc comment next to the decl it documents.

    A `##` line documents the decl that starts on the next line. It normally
    stands just before that decl's first token, and stays there. Only when the
    decl started in the middle of a line (after another statement) does it stand
    before some other token: it then moves to just above the decl, which the
    canonical layout starts on a line of its own.
    """
    where: dict[int, int] = {}  # doc comment start -> the token it stands before
    for index, notes in layout.leading.items():
        for note in notes:
            where[note.start] = index
    for first in decl_firsts:
        chain = layout.chains.get(first, frozenset())
        good = {n.start for n in layout.leading.get(first, ())}
        moving = []
        for start in sorted(chain - good):
            index = where[start]
            notes = layout.leading[index]
            moving.append(next(n for n in notes if n.start == start))
            notes[:] = [n for n in notes if n.start != start]
            if not notes:
                del layout.leading[index]
            where[start] = first
        if moving:
            for note in moving:
                note.blank_before = False
            layout.leading[first] = moving + layout.leading.get(first, [])


# ---------------------------------------------------------------- the printer
def inner_indent(indent: str) -> str:
    """The indentation of the statements of a block whose first line has `indent`."""
    return indent + INDENT


class Printer:
    def __init__(self, layout: _Layout):
        self.layout = layout
        self.lines: list[Line] = []

    # -- low level
    def token_range(self, node: Node) -> tuple[int, int]:
        """Indexes of the first and last token of a statement."""
        starts = self.layout.starts
        first = bisect.bisect_left(starts, node.start)
        last = bisect.bisect_left(starts, node.end) - 1
        return first, last

    def blank(self) -> None:
        if self.lines and not self.lines[-1].blank:
            self.lines.append(Line("", "", blank=True))

    def note_line(self, indent: str, note: Note) -> None:
        docs = frozenset({note.start}) if note.is_doc else frozenset()
        self.lines.append(Line(indent, "", note.text, docs=docs))

    def code_line(self, indent: str, code: str, trailing: Note | None) -> None:
        self.lines.append(Line(indent, code, trailing.text if trailing else None))

    def joined(self, first: int, last: int) -> str:
        """Tokens first..last on one line: one space apart, none before a comma."""
        toks = self.layout.toks
        out = []
        for i in range(first, last + 1):
            tok = toks[i]
            if out and tok.type != "COMMA" and (i - 1) not in self.layout.tight_commas:
                out.append(" ")
            out.append(tok.text)
        return "".join(out)

    def has_comments_inside(self, first: int, last: int) -> bool:
        """Comments between tokens first..last (not before the first, not after the last)."""
        lay = self.layout
        return any(i in lay.leading for i in range(first + 1, last + 1)) or any(
            i in lay.trailing for i in range(first, last)
        )

    def has_line_starts_inside(self, first: int, last: int) -> bool:
        """Tokens after `first`, up to `last`, that start a line as in the input."""
        return any(i in self.layout.line_starts for i in range(first + 1, last + 1))

    # -- statements
    def break_points(self, first: int, last: int, kind: str | None) -> tuple[int, list[int]] | None:
        """Where a statement too wide for one line may break: (the index of its list's
        first value, which continuation lines align under; the indexes a line may start
        at). None when it has no list to break.

        * a comma-separated list of names: after each comma (not in a day list);
        * the values of a selection (addresses, SFS paths), a `private-volume` or a
          `shared-volume` list: between two values, where neither is a word of letters
          only (an address `019D`, a label `M1PRV1`). After a list the parser reads a
          word of letters by what it spells when it starts a line (a misspelt keyword,
          `SUBCONFIG`), or ends one (a last label `JOB`: docs/language.md), so a wrap
          never moves such a word to either end of a line; nor does it break before a
          label of a run that reads like a statement (BKR021, bkrdsl.syntax.runon):
          the warning names the words of the run's first line and its lines' count;
        * the options of `tape manager` and of `catalog` (`server`, `pool`, `on`,
          `logon-wait`, `pool-wait`): before each option after the first.
        """
        toks = self.layout.toks
        tight = self.layout.tight_commas
        commas = [i for i in range(first, last) if toks[i].type == "COMMA" and i not in tight]
        if commas:
            return commas[0] - 1, [i + 1 for i in commas if not keyword_shaped(toks[i + 1])]
        values_from = _SPACE_LISTS.get(kind or "")
        if values_from is not None and first + values_from <= last:
            values = first + values_from
            between = range(values + 1, last + 1)
            return values, [
                i
                for i in between
                if plain_value(toks[i - 1]) and plain_value(toks[i]) and i not in self.layout.as_written
            ]
        if kind in _OPTIONS_OF:
            words = _OPTIONS_OF[kind]
            options = [i for i in range(first, last + 1) if toks[i].type == "KEYWORD" and toks[i].text in words]
            if options:
                return options[0], options[1:]
        return None

    def statement(
        self, first: int, last: int, indent: str, kind: str | None = None, tail: str = ""
    ) -> None:
        """Tokens first..last (then `tail`, the ` {}` of an empty block) as one line,
        or as several when a comment sits inside or the line would be too wide.

        A comment inside a statement breaks it where it stands: a trailing comment ends
        the line that holds the token it followed, an own-line comment stands on its own
        line before the token it preceded. Between those breaks, every stretch is filled
        at its list's break points (`break_points`) into lines of at most WIDTH columns.
        Continuation lines, and the comment lines among them, align under the list's
        first value once it is printed; before that (a comment inside the words that
        lead to the list), or in a statement without a list, they are indented
        CONTINUATION further than the statement."""
        lay = self.layout
        points = self.break_points(first, last, kind)
        align_at, breaks = points if points is not None else (None, [])
        fill = set(breaks)
        # The stretches between the breaks a comment forces, each with the comment
        # lines before it: (first token, last token, own-line comments before it).
        stretches: list[tuple[int, int, list[Note]]] = []
        start, before = first, []
        for i in range(first, last + 1):
            if i != first and (i in lay.leading or i in lay.line_starts):
                if start < i:
                    stretches.append((start, i - 1, before))
                    before = []
                before = before + lay.leading.get(i, [])
                start = i
            if i != last and i in lay.trailing:
                stretches.append((start, i, before))
                start, before = i + 1, []
        stretches.append((start, last, before))

        rest = indent + CONTINUATION  # where continuation lines go until the list starts

        def line(line_indent: str, a: int, b: int, trailing: Note | None) -> None:
            nonlocal rest, align_at
            self.code_line(line_indent, self.joined(a, b) + (tail if b == last else ""), trailing)
            if align_at is not None and a <= align_at <= b:  # the list starts on this line
                head = self.joined(a, align_at - 1) + " " if a < align_at else ""
                rest, align_at = " " * (len(line_indent) + len(head)), None

        def width(a: int, b: int) -> int:
            return len(self.joined(a, b)) + (len(tail) if b == last else 0)

        for n, (a, b, notes) in enumerate(stretches):
            line_indent = indent if n == 0 else rest
            for note in notes:
                self.note_line(line_indent, note)
            units, from_ = [], a
            for cut in range(a + 1, b + 1):
                if cut in fill:
                    units.append((from_, cut - 1))
                    from_ = cut
            units.append((from_, b))
            u0, u1 = units[0]
            for v0, v1 in units[1:]:
                if len(line_indent) + width(u0, v1) <= WIDTH:
                    u1 = v1
                else:
                    line(line_indent, u0, u1, None)
                    line_indent = rest
                    u0, u1 = v0, v1
            line(line_indent, u0, u1, lay.trailing.get(b))

    def leading_notes(self, index: int, indent: str, at_block_start: bool) -> None:
        """Own-line comments before token `index`, and the blank lines among them."""
        lay = self.layout
        for n, note in enumerate(lay.leading.get(index, ())):
            if note.blank_before and not (at_block_start and n == 0):
                self.blank()
            self.note_line(indent, note)
            at_block_start = False
        if index in lay.blank_before and not at_block_start:
            self.blank()

    def guard_doc(self, first: int) -> None:
        """Keep a decl's doc comments its own: if the lines just above it now hold a doc
        comment that did not document it in the input, separate them with a blank line."""
        chain = self.layout.chains.get(first)
        if chain is None:
            return
        k = len(self.lines) - 1
        while k >= 0 and not self.lines[k].blank and self.lines[k].docs:
            if not self.lines[k].docs <= chain:
                self.lines.insert(k + 1, Line("", "", blank=True))
                return
            k -= 1

    # -- items and blocks
    def items(self, nodes, indent: str, at_block_start: bool) -> None:
        for node in nodes:
            first, _ = self.token_range(node)
            self.leading_notes(first, indent, at_block_start)
            at_block_start = False
            if node.kind in DOCUMENTED:
                self.guard_doc(first)
            self.item(node, indent)

    def item(self, node: Node, indent: str) -> None:
        if node.kind in BLOCKS:
            self.block(node, indent)
        else:
            first, last = self.token_range(node)
            self.statement(first, last, indent, node.kind)

    def block_parts(self, node: Node):
        first, last = self.token_range(node)
        toks = self.layout.toks
        brace = next(i for i in range(first, last + 1) if toks[i].type == "LBRACE")
        return first, brace, last, node.children

    def one_line_body(self, node: Node, body) -> str | None:
        """The body written inline, or None when this block is always written one item per line."""
        if node.kind == "member" and all(c.kind in ONE_LINE_MEMBER_ITEMS for c in body):
            ranges = [self.token_range(c) for c in body]
            if any(keyword_shaped(self.layout.toks[last]) for _, last in ranges[:-1]):
                # `private-volume M1PRV1 JOB` then `workers 2`: JOB is the list's last
                # label only with a `}` or the next line after it (docs/language.md);
                # with `workers 2` after it on its line, it would read as the keyword
                return None
            return "  ".join(self.joined(*r) for r in ranges)
        if node.kind == "group_decl":
            out = []
            for n, entry in enumerate(body):
                if n:
                    out.append(
                        "  " if entry.kind == "group_match" or body[n - 1].kind == "group_match" else " "
                    )
                out.append(self.joined(*self.token_range(entry)))
            return "".join(out)
        return None

    def group_entries(self, body, indent: str) -> None:
        """A group body too wide for its line (or with a comment inside), filled: its
        entries on lines of their own at `indent`, as many on a line as fit in WIDTH
        columns, set apart as on one line (one space, two around a `match` entry), as
        rustfmt lays out an array of short items. A comment or a blank line breaks the
        fill where it stands: an entry with a trailing comment ends its line, an own-line
        comment, or a blank line, starts a new one after it. An entry wider than a line
        stands alone on its own; an entry with a comment inside (`match  # note` + its
        pattern below) is printed as a statement, on lines of its own. An ID that, alone
        on its line, would read as a statement keyword being typed (`shared`, kept as
        written: runon.begun) never starts a filled line: in the plain body it has an
        entry before it on its line, which it keeps (docs/fmt.md, "Groups")."""
        lay = self.layout
        line: list[str] = []  # the entries of the line being filled, each with its separator

        def flush(trailing: Note | None = None) -> None:
            if line:
                self.code_line(indent, "".join(line), trailing)
                line.clear()

        prev: Node | None = None
        for n, entry in enumerate(body):
            first, last = self.token_range(entry)
            if first in lay.leading or first in lay.blank_before:
                flush()
                self.leading_notes(first, indent, at_block_start=n == 0)
            if self.has_comments_inside(first, last):
                flush()
                self.statement(first, last, indent, entry.kind)
                prev = entry
                continue
            text = self.joined(first, last)
            if line and prev is not None:
                sep = "  " if "group_match" in (entry.kind, prev.kind) else " "
                wide = len(indent) + sum(map(len, line)) + len(sep) + len(text) > WIDTH
                if wide and not (entry.kind == "group_user" and begun(lay.toks[first].text)):
                    flush()
                else:
                    text = sep + text
            line.append(text)
            if last in lay.trailing:
                flush(lay.trailing[last])
            prev = entry
        flush()

    def block(self, node: Node, indent: str) -> None:
        lay = self.layout
        first, brace, last, body = self.block_parts(node)
        inside = self.has_comments_inside(first, last) or self.has_line_starts_inside(first, last)
        header = self.joined(first, brace - 1)
        if not inside:
            if not body:
                # `expire on A, B, ... {}`: a long member list fills like any other statement's
                self.statement(first, brace - 1, indent, tail=" {}")
                if last in lay.trailing:
                    self.lines[-1] = Line(self.lines[-1].indent, self.lines[-1].code, lay.trailing[last].text)
                return
            inline = self.one_line_body(node, body)
            if inline is not None:
                text = f"{header} {{ {inline} }}"
                if len(indent) + len(text) <= WIDTH:
                    self.code_line(indent, text, lay.trailing.get(last))
                    return
        head = brace
        if body and body[0].kind == "group_head":  # its words stay on the `{` line (outline._group_body)
            head, body = self.token_range(body[0])[1], body[1:]
        if brace - 1 in lay.trailing and brace not in lay.leading and all(
            i not in lay.trailing and i not in lay.leading for i in range(brace, head + 1)
        ):
            # `member VMSYS2  # the second` and `{` on the next line: the brace goes
            # up before the comment (`member VMSYS2 {  # the second`), rather than
            # alone on a continuation line. The comment keeps its text and its place
            # among the comments; only a brace, which no comment can be about, moves.
            # A group's head moves with its `{` (`single group G  # note` + `{
            # private-volume 0 }`): the comment ends the head's line, which a comment
            # after the `{` would break before `private-volume`, a statement there.
            lay.trailing[head] = lay.trailing.pop(brace - 1)
        self.statement(first, head, indent)
        inner = inner_indent(indent)
        if node.kind == "group_decl" and all(c.kind in GROUP_ENTRIES for c in body):
            self.group_entries(body, inner)
        else:
            self.items(body, inner, at_block_start=True)
        closing = lay.leading.get(last, ())
        for n, note in enumerate(closing):
            if note.blank_before and (n > 0 or body):
                self.blank()
            self.note_line(inner, note)
        self.code_line(indent, "}", lay.trailing.get(last))

    def file(self, items) -> None:
        self.items(items, "", at_block_start=True)
        end = len(self.layout.toks)
        for n, note in enumerate(self.layout.leading.get(end, ())):
            if note.blank_before and (n > 0 or end > 0):
                self.blank()
            self.note_line("", note)


# ---------------------------------------------------------------- text
def align_comments(lines: list[Line]) -> None:
    """Consecutive lines that each end in a trailing comment put it in one column.

    A block's closing `}` starts a new run: its comment speaks of the block
    (`}  # end of member VMSYS1`), so it stands two spaces after the brace, or
    in the column of the lines that follow at the brace's level, not far to the
    right in the column of the block's last, longer, line inside. A block's
    opening line ends its run, for the same reason: its comment lines up with
    the lines before it at its level, never with the lines inside the block.

    Lining up never pushes a comment past WIDTH (clang-format's rule for its
    trailing comments): a line that cannot share the run's column (its comment
    would pass WIDTH there, or its wider statement would move the column so
    that another's does) starts a new run, so that each run's column, two
    spaces after its widest statement, fits every comment in it. A comment that passes WIDTH
    even two spaces after its statement stands there, in a run of its own
    (fmt never moves a comment to another line)."""
    run: list[Line] = []
    # Where the run's comments may start: two spaces after its widest statement .. the last column that fits them all.
    lowest = highest = 0

    def close() -> None:
        if run:
            for x in run:
                x.code = x.code + " " * (lowest - len(x.indent) - len(x.code))
            run.clear()

    def add(line: Line) -> None:
        nonlocal lowest, highest
        at = len(line.indent) + len(line.code) + 2
        fits = WIDTH - len(line.comment or "")
        if fits < at:  # past WIDTH even two spaces after its statement: a run of its own
            close()
            lowest = at
            run.append(line)
            close()
            return
        if run and (at > highest or fits < lowest):
            close()
        if not run:
            lowest, highest = at, fits
        lowest, highest = max(lowest, at), min(highest, fits)
        run.append(line)

    for line in lines:
        if line.code == "}":
            close()
        if line.code and line.comment is not None:
            add(line)
        else:
            close()
        if line.code.endswith("{"):
            close()
    close()


def render(lines: list[Line]) -> str:
    while lines and lines[-1].blank:
        lines.pop()
    out = []
    for line in lines:
        if line.blank:
            out.append("")
        elif line.code:
            out.append(line.indent + line.code + (line.comment or ""))  # align_comments padded the code
        else:
            out.append(line.indent + (line.comment or ""))
    return "".join(x + "\n" for x in out)


def _printed(outline: Outline, extra: tuple[Note, ...] = ()) -> list[Line]:
    """The canonical lines of an outline, with `extra` comments among its own."""
    toks = canonical_tokens(outline.tokens, outline.lower, outline.as_written)
    starts = [t.start for t in toks]
    layout = _Layout(toks, starts)
    layout.line_starts = {bisect.bisect_left(starts, start) for start in outline.line_starts}
    layout.as_written = {bisect.bisect_left(starts, start) for start in outline.as_written}
    for i, t in enumerate(toks):
        if t.type == "COMMA" and any(a <= t.start < b for a, b in outline.day_lists):
            layout.tight_commas.add(i)
    notes = [Note(n.text, n.start, n.line, n.is_doc) for n in outline.notes]  # attach_comments marks them
    notes += [Note(n.text, n.start, n.line, n.is_doc) for n in extra]
    attach_comments(layout, sorted(notes, key=lambda n: n.start))
    printer = Printer(layout)
    decl_firsts = sorted(bisect.bisect_left(starts, start) for start in outline.documented)
    for first in decl_firsts:
        layout.chains[first] = doc_chain(layout, toks[first].line)
    refuse_shared_docs(layout, decl_firsts)
    settle_doc_comments(layout, decl_firsts)
    printer.file(outline.items)
    return printer.lines


def layout_text(outline: Outline) -> str:
    """The canonical text of a file that parsed without errors."""
    lines = _printed(outline)
    align_comments(lines)
    return render(lines)


# ---------------------------------------------------------------- a line being typed
#: The comment that stands for the line being typed (`typed_line_indent`): no
#: comment of a file holds a line end, so none is taken for it.
TYPED_LINE = "#\n"
#: A comment before a typed `}`, inside its block: the block is then written over
#: several lines, its `}` on a line of its own, as the one typed is.
_HELD_OPEN = "#\n\n"


def typed_line_indent(outline: Outline, start: int, line: int) -> str | None:
    """The indentation the canonical layout gives a line being typed (the language
    server's on-type formatting, bkrdsl.fmt.ontype), from the outline of the file up
    to that line and what may follow it. `start` is the offset where the line's
    text starts (its first token, or where the next one would be), `line` its
    number (1-based). The outline holds no comment of that line.

    The user's line break stays where it is: the printer is given a comment there
    (TYPED_LINE), which breaks the statement or the block as any comment does, and
    the answer is where that comment goes, which is where the token after it goes.
    A line that starts with a `}` keeps it first: the comment stands after that `}`
    instead, and the `}` line's indentation is the answer. None when no line
    holds the comment (it cannot happen; the caller then keeps the line as it is)."""
    toks = outline.tokens
    at = bisect.bisect_left([t.start for t in toks], start)
    # A comment's offset orders it among the tokens: `start - 1` is a blank or the
    # line end before the line, where no token starts, so it comes before the first.
    if at < len(toks) and toks[at].start == start and toks[at].type == "RBRACE":
        brace = toks[at]
        extra = (Note(_HELD_OPEN, start - 1, line, False), Note(TYPED_LINE, brace.end, line, False))
    else:
        extra = (Note(TYPED_LINE, start - 1, line, False),)
    for printed in _printed(outline, extra):
        if printed.comment == TYPED_LINE:
            return printed.indent
    return None  # pragma: no cover - the printer writes every comment
