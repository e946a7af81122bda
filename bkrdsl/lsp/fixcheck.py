"""A quick fix's check without parsing the file again, where the fix writes names only.

The language server offers a quick fix as one to apply only when `bkrc check --fix`
would apply it: when the text with the fix applied has no error the text without
it lacks (`fixes.introduced`). That takes an analysis of the fixed text, and most
of an analysis of a large file is its parse (`features.fixes_give`).

A fix whose every edit writes one plain name over another (`disk BKRBKP 191`'s
*Replace with `BKRBKUP`*) leaves every token of the file as it was but for those
names' text: the parsers read the same statements, and the tree of the fixed text
is the tree of the text with those `Word`s' text replaced, every place after them
moved by what the edits add. So here the tree is not read again: its `Word`s are
given their new text (each place left where it was), the model is built and
checked from it (`pipeline.analyse_program`), and each place the diagnostics give
is moved as `fixes._moved` moves it, into the fixed text. The diagnostics are
those of the fixed text's analysis: `tests/test_lsp_fixcheck.py` compares them,
and what `introduced` counts of them, with a full analysis of the fixed text over
every fix the rule and slip tables give.

A plain name: a letter, `$`, `@` or `_`, then letters, digits and `$#@_` (no
pattern, number, time, path or size), and no word the parsers read otherwise
somewhere (a keyword, a hyphenated keyword without its hyphen, a CP directory
statement's first word, `and`, `thru`, `owner`...); the old name one too, a
whole word of the text. Anything else, and any text whose reading gave a
diagnostic in the file (a syntax error stops the checks, which this path is for),
is analysed in full (`analysis` gives None).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from bkrdsl import ast
from bkrdsl.diagnostics import Diagnostic, Edit, Fix, Related
from bkrdsl.pipeline import Analysis, analyse_program, no_cycle_collection
from bkrdsl.resolve import Program
from bkrdsl.source import Span
from bkrdsl.syntax import fast

#: A name no parser reads as anything but a name: see the module's docstring.
_PLAIN = re.compile(r"[A-Za-z$@_][A-Za-z0-9$#@_]*")
#: The characters of a word (the fast parser's `WORD_CHARS` class, one set of them):
#: a name next to one is part of a longer word.
_WORD_CHARS = frozenset(filter(re.compile(f"[{fast.WORD_CHARS}]").fullmatch, map(chr, range(128))))
#: Every word a parser compares a name's text with (lower case).
PARSER_WORDS = fast.KEYWORDS | fast.COMPARED_WORDS | fast.ORDINALS | frozenset({"and", "end"})


def plain(text: str) -> bool:
    """Whether `text` is a plain name (see the module's docstring)."""
    return _PLAIN.fullmatch(text) is not None and text.lower() not in PARSER_WORDS


def analysis(before: Analysis, chosen: Sequence[Diagnostic], file: str, dialect=None) -> Analysis | None:
    """The analysis of `file`'s text with the fixes of `chosen` applied, as
    `pipeline.analyse` would give it (its program's reading diagnostics, its
    diagnostics, moved into the fixed text), from `before`, the analysis of the
    text without them, read in full, and checked with the dialect table `dialect`
    (None: the built-in one); None where this path cannot tell (the
    edits write anything but plain names over plain names, or the checks did not
    run): analyse the fixed text."""
    program = before.program
    main = program.main
    if before.model is None or main is None or main.file != file:
        return None
    if not program.modules or program.modules[0] is not main:
        return None
    if any(d.span is None or d.span.file == file for d in program.diagnostics):
        return None
    source = program.sources.get(file)
    if source is None:
        return None
    text = source.text
    edits = sorted((e for d in chosen for e in d.fix.edits), key=lambda e: e.span.start)
    if not edits:
        return None
    names: dict[tuple[int, int], str] = {}
    for e in edits:
        s, end = e.span.start, e.span.end
        if e.span.file != file or not plain(e.new_text) or not plain(text[s:end]):
            return None
        if (s > 0 and text[s - 1] in _WORD_CHARS) or (end < len(text) and text[end] in _WORD_CHARS):
            return None
        if names and s < max(b for _, b in names):  # edits that overlap (a fix's never do)
            return None
        names[(s, end)] = e.new_text
    found: set[tuple[int, int]] = set()
    renamed = _renamed(main, file, names, found)
    if found != set(names):  # a name the tree holds as no `Word` of its own
        return None
    fixed = Program(renamed, [renamed, *program.modules[1:]], program.sources, program.diagnostics)
    with no_cycle_collection():
        checked = analyse_program(fixed, dialect=dialect, directory=before.directory)
    moves = [(e.span.start, e.span.end, e.span.line, len(e.new_text) - (e.span.end - e.span.start))
             for e in edits]
    try:
        diagnostics = [_moved_diagnostic(d, file, moves) for d in checked.diagnostics]
    except _Inside:
        return None
    return Analysis(program, checked.model, diagnostics, checked.module, checked.stops, checked.directory)


class _Inside(Exception):
    """A place that starts or ends inside a name an edit replaces: not movable."""


def _renamed(node, file: str, names: dict[tuple[int, int], str], found: set[tuple[int, int]]):
    """`node` with each `Word` whose place is a key of `names` given that text (the
    nodes on the way to one made again, all others kept); the keys met, in `found`."""
    if isinstance(node, ast.Word):
        key = (node.span.start, node.span.end)
        new = names.get(key)
        if new is None or node.span.file != file:
            return node
        found.add(key)
        return ast.Word(new, node.span)
    if isinstance(node, tuple):
        changed = False
        out = []
        for child in node:
            if isinstance(child, ast.Word):  # most children: a group's or a list's names
                named = (child.span.start, child.span.end) in names
                new = _renamed(child, file, names, found) if named else child
            else:
                new = _renamed(child, file, names, found) if _may_hold(child, names) else child
            changed |= new is not child
            out.append(new)
        if not changed:
            return node
        return type(node)(*out) if hasattr(node, "_fields") else tuple(out)
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        if not _may_hold(node, names):
            return node
        changes = {}
        for f in dataclasses.fields(node):
            if f.name == "comments":
                continue
            value = getattr(node, f.name)
            if isinstance(value, (str, int, bool, Span)) or value is None:
                continue
            new = _renamed(value, file, names, found)
            if new is not value:
                changes[f.name] = new
        return dataclasses.replace(node, **changes) if changes else node
    return node


def _may_hold(node, names: dict[tuple[int, int], str]) -> bool:
    """Whether `node` may hold a word of `names`: one without a place of its own may."""
    span = getattr(node, "span", None)
    if not isinstance(span, Span):
        return not isinstance(node, (str, int, bool, Span)) and node is not None
    return any(span.start <= s and e <= span.end for s, e in names)


def _moved_span(span: Span, file: str, moves) -> Span:
    """`span` in the fixed text: each boundary after a replaced name (or at its end)
    moved by what the edit added, on the edit's line its column too; _Inside for a
    boundary inside a replaced name, whose place in the fixed text is not known."""
    if span.file != file:
        return span
    start, end = span.start, span.end
    new_start, new_end, column, end_column = start, end, span.column, span.end_column
    for s, e, line, d in moves:
        if s < start < e or s < end < e:
            raise _Inside
        if e <= start:
            new_start += d
            column += d if line == span.line else 0
        if e <= end:
            new_end += d
            end_column += d if line == span.end_line else 0
    if new_start == start and new_end == end:
        return span
    return Span(span.file, span.line, column, span.end_line, end_column, new_start, new_end)


def _moved_diagnostic(d: Diagnostic, file: str, moves) -> Diagnostic:
    """`d` with every place it gives (its own, its related ones', the edits of its fix
    and its choices) moved into the fixed text."""
    changes = {}
    if d.span is not None:
        span = _moved_span(d.span, file, moves)
        if span is not d.span:
            changes["span"] = span
    if d.related:
        related = tuple(Related(_moved_span(r.span, file, moves), r.label) for r in d.related)
        if related != d.related:
            changes["related"] = related
    if d.fix is not None:
        fix = _moved_fix(d.fix, file, moves)
        if fix is not d.fix:
            changes["fix"] = fix
    if d.choices:
        choices = tuple(_moved_fix(c, file, moves) for c in d.choices)
        if choices != d.choices:
            changes["choices"] = choices
    return dataclasses.replace(d, **changes) if changes else d


def _moved_fix(fix: Fix, file: str, moves) -> Fix:
    edits = tuple(Edit(_moved_span(e.span, file, moves), e.new_text) for e in fix.edits)
    return fix if edits == fix.edits else Fix(fix.title, edits)
