"""Applying diagnostics' fixes to a text (`bkrc check --fix`).

Pure functions: a text and the diagnostics found in it in, the mended text out.
The fixes are those the diagnostics carry (`Diagnostic.fix`); nothing here
guesses. One round applies every fix that edits this file only and overlaps no
fix taken before it; a fix that overlaps one is left for the next round, when
the text is checked again (a repair may remove the next diagnostic, or move it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bkrdsl.diagnostics import Diagnostic, Edit

#: Rounds of check-and-fix before `fix_all` stops, whatever is left.
MAX_ROUNDS = 10


def _clash(a: Edit, b: Edit) -> bool:
    """Whether two edits touch: overlapping regions, or an insertion at the other's
    start, end or inside it (two insertions at one place would depend on their order)."""
    (s1, e1), (s2, e2) = (a.span.start, a.span.end), (b.span.start, b.span.end)
    if s1 == e1 or s2 == e2:
        return s2 <= s1 <= e2 or s1 <= s2 <= e1
    return s1 < e2 and s2 < e1


def choose(diagnostics: Sequence[Diagnostic], file: str) -> list[Diagnostic]:
    """The diagnostics whose fixes one round applies to `file`: every fix whose edits
    are all in `file`, in the order of the text, but for those that clash with one
    taken before (a fix's own edits never clash)."""
    taken: list[Diagnostic] = []
    edits: list[Edit] = []
    fixable = [d for d in diagnostics if d.fix is not None and d.fix.edits]
    fixable.sort(key=lambda d: (min(e.span.start for e in d.fix.edits), d.code, d.message))
    for d in fixable:
        if any(e.span.file != file for e in d.fix.edits):
            continue
        if any(_clash(e, t) for e in d.fix.edits for t in edits):
            continue
        taken.append(d)
        edits.extend(d.fix.edits)
    return taken


def _offsets(text: str) -> list[int] | None:
    """Where each character of the text bkrc reads (`reader.normalise`: no byte-order
    mark, every line end LF) starts in `text` as written, and where `text` ends;
    None when the two are the same."""
    if "\r" not in text and not text.startswith("\ufeff"):
        return None
    at = 1 if text.startswith("\ufeff") else 0
    out = []
    while at < len(text):
        out.append(at)
        at += 2 if text.startswith("\r\n", at) else 1
    out.append(len(text))
    return out


def _line_end(text: str, at: int) -> str:
    """The line end of the line holding offset `at` (else the last one before it, else
    LF): a fix's new lines end with it, so that a file keeps its own."""
    found = _LINE_END.search(text, at)
    if found is not None:
        return found.group()
    before = _LINE_END.findall(text, 0, at)
    return before[-1] if before else "\n"


_LINE_END = re.compile(r"\r\n|\r|\n")


def apply(text: str, chosen: Sequence[Diagnostic]) -> str:
    """`text` with the fixes of `chosen` (which do not clash) applied, the last first.

    The edits' offsets are in the text bkrc read; `text` may be the file as written,
    with a byte-order mark and CRLF or CR line ends: they stay as they are, and
    a line a fix adds ends as the line it goes into does."""
    edits = sorted((e for d in chosen for e in d.fix.edits), key=lambda e: e.span.start, reverse=True)
    offsets = _offsets(text)
    for e in edits:
        if offsets is None:
            text = text[: e.span.start] + e.new_text + text[e.span.end :]
            continue
        start, end = offsets[e.span.start], offsets[e.span.end]
        new_text = e.new_text.replace("\n", _line_end(text, start)) if "\n" in e.new_text else e.new_text
        text = text[:start] + new_text + text[end:]
    return text


@dataclass
class Fixed:
    text: str  # the mended text (the same text when nothing was fixed)
    applied: list[Diagnostic]  # the diagnostics fixed, round after round
    diagnostics: list[Diagnostic]  # what checking the mended text still finds
    analysis: object  # the last analysis (of `text`)


def fix_all(text: str, file: str, check: Callable[[str], object]) -> Fixed:
    """Check, fix, check again, until no fix is left, the text stops changing or
    MAX_ROUNDS have run. `check(text)` is the front end's analysis of `text`
    (`.diagnostics`). `text` may be the file as written (a byte-order mark, CRLF
    or CR line ends): the mended text keeps them."""
    analysis = check(text)
    applied: list[Diagnostic] = []
    seen = {text}
    for _ in range(MAX_ROUNDS):
        chosen = choose(analysis.diagnostics, file)
        if not chosen:
            break
        mended = apply(text, chosen)
        if mended in seen:  # a fix that undoes another: stop rather than go round
            break
        seen.add(mended)
        text, analysis = mended, check(mended)
        applied.extend(chosen)
    return Fixed(text, applied, list(analysis.diagnostics), analysis)
