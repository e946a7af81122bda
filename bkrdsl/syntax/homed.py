"""A misplaced statement's own slips, said once, as its home block says them.

`retain 35` (its `days` left out) is one slip inside `expire on VMSYS1 { ... }`:
BKR004 "expected `days` after `35`", with the fix that writes it. Written in a
member, a job, the cluster or at the top level of the file, the statement is
misplaced as well (BKR013, whose help says where it belongs), and each parser
reads on past it in its own way: skipped with its line in a block (its slips
unsaid), read in a block reopened for it after a `}` (its slips said, the word
on the next line named as what was found: "found `tape`"), or read apart at the
top level (a misspelt word said, a missing one not). One rule instead
(docs/language.md, "A statement in the wrong block"): the misplaced statement
gets its BKR013, and its own slips are said once, as they would be in its home,
so that moving it (BKR013's help) and each slip's fix mend everything:

    expire on VMSYS1 { ... }      retain 35        (in a job, the cluster, ...)
                                  ^^^^^^ BKR013: `retain` belongs in an expire block
                                         ^^ BKR004: expected `days` after `35`,
                                            found the end of the line

`read_module` hands every reading (the fast parser's, Lark's, a region's) to
`with_home_slips`, so the two parsers agree by construction. The statement's
text, from its keyword to the end of its line (and the lines that go on with
it: a keyword that starts no statement first on them, as Tape Manager's
`catalog-dmm`), is read alone in a file made of its home (`cluster C { expire
on M { ... } }`). What the file's reading said of those words stays, where it
read them in a block reopened for the statement as its home would (a next
line's word it names as found, "found `tape`", said as the line's end), and
what the home reading says besides is added, its spans and fixes moved back:
the slips that reading left unsaid (the statement skipped in a block, or read
apart at the top level, a missing word unsaid). The next line's word a home
reading names as found is the made file's `}`: the statement's line ended
there, and the message says so. A keyword alone (being typed) is its BKR013
alone, and so is a block's opening line cut short (`job J`, `expire on DEV1`: only
its last words or its `{` missing, the line's end found), also where its words have
slips whose fixes are certain (`expire DEV1`: BKR013's help writes it whole, `expire
on DEV1 { ... }`, `_opening_whole`); a statement with a brace or a quote on its line (a block, `member X {
workers }`, or a description), or whose block's `{` opens the next line, is
left as it was read. A help that names what the rest of the file says (`to disk
pool`, its name left out: the one pool the file's other jobs name) is said of the
file, not of the made one (`_help_of_file`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bkrdsl.diagnostics import Diagnostic, Fix, Related
from bkrdsl.diagnostics.core import Edit
from bkrdsl.source import Source, Span
from bkrdsl.syntax.homes import STATEMENT_HOMES

MISPLACED = "BKR013"

#: The opening lines of a file whose innermost block is each kind of home, and their
#: closing braces; the statement goes on a line of its own between them.
_HOMES = {
    "cluster": ("cluster C {\n", "\n}\n"),
    "member": ("cluster C {\nmember M {\n", "\n}\n}\n"),
    "job": ("cluster C {\njob J {\n", "\n}\n}\n"),
    "expire": ("cluster C {\nexpire on M {\n", "\n}\n}\n"),
    "group_decl": ("cluster C {\nsingle group G {\n", "\n}\n}\n"),
}

#: What a message says was found (`Diagnostic.found`) where the statement's line ended:
#: the made file's `}` (`_read_home`), or a word on a line below it (`_line_ended`).
_LINE_END = "the end of the line"
#: A word found, in backquotes (`` `tape` ``), as `Diagnostic.found` says it (_line_ended).
_FOUND_WORD = re.compile(r"`([^`\s]+)`")
#: The statement keywords that open a block (`job J {`), a group's kind among them.
_BLOCKS = frozenset({"job", "member", "expire", "single", "identity"})
#: The codes of a statement's last word or its block's `{` missing (BKR010, BKR011).
_CUT_SHORT = frozenset({"BKR010", "BKR011"})
_WORD = re.compile(r"[^\s{}\"#]+")
_COMMENT = re.compile(r"(?<![^ \t])#")


def with_home_slips(source: Source, diagnostics: list[Diagnostic], read) -> list[Diagnostic]:
    """`diagnostics` (a reading of `source`) with each misplaced statement's own slips
    said as its home says them (the module's docstring). `read` reads a Source:
    `read_module`'s readers, without this pass."""
    if not any(d.code == MISPLACED for d in diagnostics):
        return diagnostics  # the clean file's way: nothing to weigh
    result = list(diagnostics)
    for misplaced in [d for d in diagnostics if d.code == MISPLACED and d.span is not None]:
        statement = _statement_at(source, misplaced.span)
        if statement is None:
            continue
        keyword, start, end = statement
        homes = STATEMENT_HOMES.get(keyword)
        if not homes:
            continue
        own = [d for d in result if d is not misplaced and _within(d, start, end)]
        rest = [d for d in result if d is misplaced or not _within(d, start, end)]
        if not source.text[start:end].split(maxsplit=1)[1:]:
            result = rest  # a keyword alone: a statement not yet written, its BKR013 the one error
            continue
        said = _read_home(source, start, end, homes[0], read)
        if any(d.code == MISPLACED for d in said):
            continue  # not at home there either: not the statement its keyword starts
        # what the reading of the file said of the statement's words, read in a block
        # reopened for it as in its home (the next line's word it found as the line's
        # end), where the home reading says the same slip there; what the home reading
        # says besides (what the first left unsaid, or read as a statement of the block
        # the words stand in: `D` of `job-suffix C D` in a job)
        code_at = {d.span.start: d.code for d in said}
        kept = [_line_ended(source, d, end) for d in own if code_at.get(d.span.start, d.code) == d.code]
        taken = {d.span.start for d in kept}
        slips = kept + [d for d in said if d.span.start not in taken]
        if keyword in _BLOCKS and slips and all(_cut_short(d) for d in slips):
            result = rest  # a block's opening line cut short (`job J`): being typed, as a keyword alone
            continue
        opening = _opening_whole(source, start, end, homes[0], read) if keyword in _BLOCKS and slips else None
        if opening is not None and misplaced.help:
            # a block's opening line cut short, its words mended too (`expire DEV1`): the
            # BKR013 alone, its help writing the opening whole (`expire on DEV1 { ... }`)
            result = [replace(d, help=f"{d.help}; written whole: `{opening}`") if d is misplaced else d for d in rest]
            continue
        whole = _mended(source, start, end, slips, homes[0], read) if slips and misplaced.help else None
        if whole is not None:
            # the statement written out as it goes in its home: certain, as its slips'
            # fixes make it one its home reads clean
            rest = [replace(d, help=f"{d.help}; written whole: `{whole}`") if d is misplaced else d for d in rest]
        result = rest + slips
    return result


def written_whole(statement: str, read) -> str | None:
    """`statement` (one line, its keyword first: `retain 35`) written whole as its home
    block takes it, every slip its home reading says mended by its fix (`retain 35
    days`); None where it has no slip there, a slip without a fix (a choice), or where
    its keyword starts no statement. `read` reads a Source, as `with_home_slips`'s.
    BKR021's help names it, at such a statement read as a group's user IDs."""
    homes = STATEMENT_HOMES.get(statement.split(maxsplit=1)[0].lower()) if statement.strip() else None
    if not homes or "\n" in statement or any(c in statement for c in '{}"#'):
        return None
    source = Source.of("statement.bkr", statement)
    said = _read_home(source, 0, len(statement), homes[0], read)
    if not said or any(d.code == MISPLACED for d in said):
        return None
    return _mended(source, 0, len(statement), said, homes[0], read)


def _cut_short(d: Diagnostic) -> bool:
    """Whether `d` says only that its line ended early: a value or the block's `{`
    missing, the end of the line (or of the file) found (`job J`, `expire on`)."""
    return d.code in _CUT_SHORT and d.found in (_LINE_END, "the end of the file")


def _opening_whole(source: Source, start: int, end: int, home: str, read) -> str | None:
    """The block opening line at `start`..`end`, its `{` not typed (`expire DEV1`), written
    whole as its home takes it (`expire on DEV1 { ... }`): its words read with a `{` after
    them in its home, every slip said there mended by its fix (`on` inserted), where the
    text they make, its block opened, reads clean there; None otherwise (a slip without
    a fix: `job J K`, `single G`; or none, the words whole: `job J`)."""
    words = source.text[start:end]
    braced = Source.of(source.name, words + " {\n}")
    said = _read_home(braced, 0, len(braced.text), home, read)
    whole = _mended(braced, 0, len(words), said, home, read, opened=True) if said else None
    return None if whole is None else f"{whole} {{ ... }}"


def _mended(
    source: Source, start: int, end: int, slips: list[Diagnostic], home: str, read, opened: bool = False
) -> str | None:
    """The statement at `start`..`end` with every one of `slips` mended by its fix, where
    each has one inside the statement and the text they make reads clean in its home
    (`retain 35 days` for `retain 35`); None otherwise (a slip without a fix: a choice)."""
    edits = []
    for d in slips:
        if d.fix is None or any(not start <= e.span.start <= e.span.end <= end for e in d.fix.edits):
            return None
        edits += d.fix.edits
    text = source.text[start:end]
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end), reverse=True):
        text = text[: edit.span.start - start] + edit.new_text + text[edit.span.end - start :]
    whole = " ".join(text.split())
    opening, closing = _HOMES[home]
    block = " {\n}" if opened else ""  # a block's opening line: its `{` and `}` after it
    if "\n" in text or read(Source.of(source.name, opening + whole + block + closing)):
        return None
    return whole


def _line_ended(source: Source, d: Diagnostic, end: int) -> Diagnostic:
    """`d`, which found a word (`Diagnostic.found`: "found `tape`" ends its message),
    saying "found the end of the line" where the word is not in the statement's text
    after `d` (up to `end`), but on a line below it: the statement's line ended there
    (as both parsers say it of a statement keyword found there: `messages.line_ended`).
    A message with words after what it found (`found `member`, a member block's opening
    line`: `messages.member_block_below`) keeps no `found`, and is left as it is."""
    found = _FOUND_WORD.fullmatch(d.found or "")
    if found is None or found.group(1) in source.text[d.span.end : end]:
        return d
    return _found_line_end(d)


def _found_line_end(d: Diagnostic) -> Diagnostic:
    """`d`, whose message ends with what it found (`Diagnostic.found`), saying "found
    the end of the line" instead."""
    return replace(d, message=d.message[: len(d.message) - len(d.found)] + _LINE_END, found=_LINE_END)


def _statement_at(source: Source, span: Span) -> tuple[str, int, int] | None:
    """The statement keyword that `span` (a BKR013's) covers, word for word, and the
    text the statement takes: to the end of its line, a comment left out, and the lines
    below that go on with it (a keyword that starts no statement first on them, as a
    `tape manager` option: `request-node TRTMM`).
    None where there is no statement keyword there, or where a brace or a quote stands
    in the text or opens the next line (a block, a description: read as they were)."""
    from bkrdsl.syntax.messages import HYPHENATED_HOMES, KEYWORD_PLACES

    going_on = (set(KEYWORD_PLACES) | set(HYPHENATED_HOMES)) - set(STATEMENT_HOMES)
    text, at = source.text, span.start
    word = _WORD.match(text, at)
    if word is None or word.end() != span.end or word.group().lower() not in STATEMENT_HOMES:
        return None  # not a statement's keyword (`job suffix`, `job-suffix` without its hyphen)
    end = _line_end(text, at)
    while True:
        below = text.find("\n", end)
        if below == -1:
            break
        following = _WORD.match(text, len(text) - len(text[below + 1 :].lstrip(" \t")))
        if following is None or following.group().lower() not in going_on:
            break
        end = _line_end(text, following.start())
    words = text[at:end]
    if any(c in words for c in '{}"'):
        return None
    if text[end:].lstrip().startswith("{"):
        return None  # `member VMSYS5` and its `{` on the next line: a block, read as it was
    return word.group().lower(), at, end


def _line_end(text: str, at: int) -> int:
    """The end of the line at `at`, before a comment on it (a `#` after a blank: `SYS#1`
    is one name) and the blanks before that."""
    end = text.find("\n", at)
    end = len(text) if end == -1 else end
    comment = _COMMENT.search(text, at, end)
    if comment is not None:
        end = comment.start()
    return len(text[at:end].rstrip()) + at


def _read_home(source: Source, start: int, end: int, home: str, read) -> list[Diagnostic]:
    """The diagnostics of the statement at `start`..`end` read in a block of kind
    `home`, moved back to `source`: those of the made file alone (at its `}`) left out,
    and a fix whose edits are not all in the statement's text."""
    opening, closing = _HOMES[home]
    made = Source.of(source.name, opening + source.text[start:end] + closing)
    shift = start - len(opening)
    said = []
    for d in read(made):
        span = _moved(source, made, d.span, shift, start, end)
        if span is None:
            continue  # of the made file alone (its `}`): nothing the user wrote
        related = tuple(
            Related(moved, r.label)
            for r in d.related
            if (moved := _moved(source, made, r.span, shift, start, end)) is not None
        )
        fix = None if d.fix is None else _moved_fix(source, made, d.fix, shift, start, end)
        choices = tuple(moved for c in d.choices if (moved := _moved_fix(source, made, c, shift, start, end)) is not None)
        help_text = _help_of_file(source, d, span)
        d = _found_line_end(d) if d.found == "`}`" else d
        said.append(replace(d, span=span, related=related, fix=fix, choices=choices, help=help_text))
    return said


def _help_of_file(source: Source, d: Diagnostic, span: Span) -> str | None:
    """`d`'s help, said of `source` where the made file cannot say it: `to disk pool`,
    its name left out, whose help names the one pool the file's other jobs name
    (`messages.pool_named_elsewhere`), which the made file, the statement alone in its
    home, has none of. Told by what `d` expected (data), not by its message."""
    if d.code != "BKR010" or d.expected != "a pool name":
        return d.help
    from bkrdsl.syntax.messages import pool_named_elsewhere

    return pool_named_elsewhere(source.text, span) or d.help


def _moved_fix(source: Source, made: Source, fix: Fix, shift: int, start: int, end: int) -> Fix | None:
    """`fix`, made in `made`, moved back to `source`; None when one of its edits is not
    in the statement's text."""
    edits = [Edit(_moved(source, made, e.span, shift, start, end), e.new_text) for e in fix.edits]
    return Fix(fix.title, tuple(edits)) if all(e.span is not None for e in edits) else None


def _moved(source: Source, made: Source, span: Span | None, shift: int, start: int, end: int) -> Span | None:
    """`span` of the made file, in `source`; None where it is not in the statement's text
    (an empty span just after it, where a fix inserts, is)."""
    if span is None:
        return None
    first, last = span.start + shift, span.end + shift
    if first < start or last > end:
        return None
    return source.span(first, last)


def _within(d: Diagnostic, start: int, end: int) -> bool:
    """Whether `d` is said of the statement's text (at `start`..`end`), so the home
    reading says it instead."""
    return d.span is not None and start <= d.span.start < end
