"""Semantic tokens (`textDocument/semanticTokens/full`, `/full/delta` and `/range`):
the kinds the highlighters give each piece of a .bkr text, as LSP's standard
token types; and a new answer as one edit of the integers sent before (`delta`).

The tokens are those of the pygments lexer (`bkrdsl.highlight.tokenize`), which
runs the rules of `bkrdsl.keywords` as VS Code's TextMate grammar and the docs
do: a keyword, a member name after `member` or `on`, a user ID in a group body
or as a minidisk's owner, an address, a time, a string, a comment, and in a
`# bkrc: allow` directive its words and codes. The volume
labels are the parser's: the rules leave a label a plain name, which has no
token, and read a volume list as the parser does only where its keyword's line
tells (a last label spelled like a statement of the block at the end of its
line is the keyword it spells to them, which the parser reads by the statement
on the next). So the words of the file's AST that are labels (of `shared-volume`,
`private-volume`, a `disk` statement's `on`, in the cluster the model reads; not
a list's sizes, `3390-9`, which stay numbers) are labels whatever the lexer made
of them; not a second cluster's (BKR111), which the name index leaves out; not a
label the recovery reads missing, an empty word at the token after it
(`private-volume # packs` above `WORKERS`: the parser too reads the keyword
there, BKR010).
Punctuation, escapes in a string, the other plain names (pools, days, units,
roles) and a stray character get no token: the editor's own highlighting (the
TextMate grammar) colours them.

Nothing here is imported at the server's start but the legend: the lexer (and
pygments) are imported by the first request, and its rules, read from the
grammar, built then (as completion builds them).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable

#: The legend's token types, standard ones (LSP 3.17, and `label` of 3.18, which
#: VS Code and Neovim know): the index of each is what the tokens carry.
TOKEN_TYPES = (
    "keyword",
    "namespace",
    "class",
    "struct",
    "type",
    "function",
    "variable",
    "regexp",
    "label",
    "number",
    "string",
    "comment",
    "operator",
    "macro",
    "enumMember",
)
#: The legend's modifiers: bit 0, a `##` comment, kept with the declaration below it.
TOKEN_MODIFIERS = ("documentation",)

#: The highlighters' kind (`bkrdsl.keywords.KINDS`) -> (token type, modifier bits).
#: A cluster is a class of its own; a member a part of it (struct); a group a
#: type of user (single or identity); a job runs (function); a user ID is the
#: variable the groups, owners and servers name; a pattern is a regexp. A
#: directive (`# bkrc: allow BKR227 reason`) is a comment whose `bkrc:` and
#: `allow` are a macro's (the preprocessor's words of C, which themes colour apart
#: from comments) and whose codes are members of the fixed set of codes.
KIND_TOKENS = {
    "keyword": ("keyword", 0),
    "import-path": ("namespace", 0),
    "cluster-name": ("class", 0),
    "member-name": ("struct", 0),
    "group-name": ("type", 0),
    "job-name": ("function", 0),
    "user-id": ("variable", 0),
    "pattern": ("regexp", 0),
    "volume": ("label", 0),  # not a lexer kind: the parser's (`volume_labels`)
    "address": ("number", 0),
    "range-operator": ("operator", 0),
    "number": ("number", 0),
    "time": ("number", 0),
    "string": ("string", 0),
    "comment": ("comment", 0),
    "doc-comment": ("comment", 1),
    "directive": ("comment", 0),
    "directive-keyword": ("macro", 0),
    "rule-code": ("enumMember", 0),
}


def _kinds():
    """pygments token type -> the highlighters' kind name (each kind has its own type)."""
    from pygments.token import string_to_tokentype

    from bkrdsl.keywords import KINDS

    return {string_to_tokentype(k.pygments): k.name for k in KINDS}


def volume_labels(module, name: str) -> list[tuple[int, int]]:
    """(start, end) of each volume label the AST `module` (a file's `ast.Module`,
    None after a failure to read it) reads in file `name`: the labels of the
    cluster's `shared-volume` and its members' `private-volume`, and each disk's
    `on` (as the name index declares and uses them). The cluster is the one the
    model reads, the file's first: a second one's (BKR111) are no labels, as the
    name index has none there, and keep the lexer's kinds, as pygments colours
    them. A label the recovery reads missing (`private-volume }`, a disk's `on` at
    its line's end: an empty word at the token after it, the `}` or the next
    statement's keyword) is none: that token keeps the lexer's kind, as the name
    index declares no label there."""
    if module is None:
        return []
    words = []
    for cluster in module.clusters[:1]:  # the model's (`build_model`: `main.clusters[0]`)
        settings = [s for s in cluster.settings if s.keyword == "shared-volume"]
        settings += [s for m in cluster.members for s in m.settings if s.keyword == "private-volume"]
        words += [w for setting in settings for w in setting.values]
        words += [d.volume for d in cluster.disks if d.volume is not None]
    here = [w for w in words if w.span.file == name and w.text.strip() and w.span.end > w.span.start]
    return sorted((w.span.start, w.span.end) for w in here)


def kinds_of(text: str, volumes: list[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each token of `text` (offsets into it) that has a kind
    but white space, in order; `volumes` (`volume_labels`) are labels, the
    lexer's tokens they overlap left out."""
    from bkrdsl.highlight import tokenize

    types = _kinds()
    tokens = [(pos, pos + len(value), types[token]) for pos, token, value in tokenize(text) if token in types]
    if not volumes:
        return tokens
    out = []
    n = 0
    for start, end, kind in tokens:
        while n < len(volumes) and volumes[n][1] <= start:
            n += 1
        if n < len(volumes) and volumes[n][0] < end:
            continue  # a label covers it (some of it): the label stands for it
        out.append((start, end, kind))
    out += [(start, end, "volume") for start, end in volumes]
    return sorted(out)


def encode(
    text: str,
    tokens: list[tuple[int, int, str]],
    units: Callable[[str], int],
    bom_units: int = 0,
    lines: tuple[int, int] | None = None,
) -> list[int]:
    """`tokens` (`kinds_of`) of `text` (the editor's text, line ends made LF and a
    byte-order mark taken off) as LSP sends them: five integers each, its line and
    start relative to the token before (the start relative only on the same line),
    its length, its type's index in `TOKEN_TYPES`, its modifier bits. Columns and
    lengths are in the client's units (`units`: how many a string takes; an ASCII
    line's are its characters in any encoding); `bom_units`, the width of a
    byte-order mark the editor counts before line 1. `lines`: (first, last),
    0-based and inclusive, the lines a `/range` request covers; the positions stay
    the document's. A token never spans lines (no rule goes past a line's end); one
    that did would be sent as a token per line, as a client that does not declare
    `multilineTokenSupport` needs."""
    index = {name: n for n, name in enumerate(TOKEN_TYPES)}
    data: list[int] = []
    prev_line = prev_col = 0
    line = line_start = 0
    first = 0  # the first token to send: a range's first line's, found by halving
    if lines is not None and lines[0] > 0:
        while line < lines[0]:
            found = text.find("\n", line_start)
            if found < 0:
                return data
            line, line_start = line + 1, found + 1
        first = bisect.bisect_left(tokens, (line_start,))
    line_end = text.find("\n", line_start)
    if line_end < 0:
        line_end = len(text)
    ascii_line: bool | None = None
    for start, end, kind in itertools.islice(tokens, first, None):
        typed = KIND_TOKENS.get(kind)
        if typed is None:
            continue
        type_index, modifiers = index[typed[0]], typed[1]
        while start < end:
            while start > line_end:  # on to the token's line
                line += 1
                line_start = line_end + 1
                found = text.find("\n", line_start)
                line_end = len(text) if found < 0 else found
                ascii_line = None
            if lines is not None and line > lines[1]:
                return data
            stop = min(end, line_end)
            if start < stop:
                if ascii_line is None:
                    ascii_line = text[line_start:line_end].isascii()
                column = start - line_start
                length = stop - start
                if not ascii_line:
                    column = units(text[line_start:start])
                    length = units(text[start:stop])
                if line == 0:
                    column += bom_units
                delta_col = column - prev_col if line == prev_line else column
                data += (line - prev_line, delta_col, length, type_index, modifiers)
                prev_line, prev_col = line, column
            start = max(stop, start + 1)
            if start == line_end:
                start += 1  # past the line end, onto the next line
    return data


def delta(old: list[int], new: list[int]) -> tuple[int, int, list[int]] | None:
    """`new` (`encode`'s integers) as one edit of `old`, the integers sent before, for
    `/full/delta`: (start, count, data), the `count` integers of `old` from `start`
    replaced by `data`, as a `SemanticTokensEdit` says. The edit keeps what the two
    have in common at the start and at the end (the longest such runs, the end's
    taken from what the start's leaves), so it is the shortest one edit that does
    it; it may begin or end inside a token's five integers (a client splices the
    integers, as LSP says).
    None when `new` is `old`."""
    if old == new:
        return None
    most = min(len(old), len(new))
    start = 0
    while start < most and old[start] == new[start]:
        start += 1
    end = 0  # integers in common at the end, after `start`'s
    while end < most - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return start, len(old) - start - end, new[start : len(new) - end]
