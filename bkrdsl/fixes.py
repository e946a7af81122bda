"""Applying diagnostics' fixes to a text (`bkrc check --fix`).

Pure functions: a text and the diagnostics found in it in, the mended text out.
The fixes are those the diagnostics carry (`Diagnostic.fix`); nothing here
guesses. One round applies every fix that edits this file only and overlaps no
fix taken before it; a fix that overlaps one is left for the next round, when
the text is checked again (a repair may remove the next diagnostic, or move it).

A fix must not make the file worse. After each round the errors found are
compared with those found before it, by code and place (a place moved by the
round's edits is the same place): an error that is new is the round's doing,
unless the checker could not have seen it before. The checker sees in stages:
reading and parsing, then imports, then the checks of the model, which run
only on a file the earlier stages accept. So an error of the checks is new
only if the checks ran before the round too; one that shows once a syntax or
import error is mended was hidden, not made (`introduced`). A round that adds
an error is undone, and its fixes are tried one at a time: a fix that adds an
error alone is not applied (`NotApplied`: its diagnostic stays, and what the
fix would give is said), the others are.

A fix is one the user could have seen offered. `check` shows only what its
stages found, so a diagnostic that appears only once a round has mended the
syntax (a check the syntax error stopped, a slip recovery skipped) was never
printed: an error's fix is applied all the same, and `Fixed.surfaced` names it
for the summary; a warning's is not (`Fixed.held`): a warning may be what the
user meant (BKR227's fix renames a job), so it is printed with what is left,
and `--fix` run again, once it has been seen, applies it. So is a warning that
a round's fix made (BKR221's spreading a job to every member gives BKR227).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import field

from bkrdsl.diagnostics import Diagnostic, Edit
from bkrdsl.records import dataclass
from bkrdsl.resolve.loader import IMPORT_CYCLE, MISSING_MODULE, UNREADABLE_MODULE

#: Rounds of check-and-fix before `fix_all` stops, whatever is left.
MAX_ROUNDS = 10


def _clash(a: Edit, b: Edit) -> bool:
    """Whether two edits touch: overlapping regions, or an insertion at the other's
    start, end or inside it (two insertions at one place would depend on their order)."""
    return _touch(a.span.start, a.span.end, b.span.start, b.span.end)


def _touch(s1: int, e1: int, s2: int, e2: int) -> bool:
    if s1 == e1 or s2 == e2:
        return s2 <= s1 <= e2 or s1 <= s2 <= e1
    return s1 < e2 and s2 < e1


def choose(diagnostics: Sequence[Diagnostic], file: str) -> list[Diagnostic]:
    """The diagnostics whose fixes one round applies to `file`: every fix whose edits
    are all in `file`, in the order of the text, but for those that clash with one
    taken before (a fix's own edits never clash). Of two that start at one place, an
    error's goes before a warning's: BKR205's line end for a line separator before
    the `import` a comment hides, not BKR023's removal of it, which keeps the error."""
    taken: list[Diagnostic] = []
    edits: list[Edit] = []
    fixable = [d for d in diagnostics if d.fix is not None and d.fix.edits]
    fixable.sort(key=lambda d: (min(e.span.start for e in d.fix.edits), not d.is_error, d.code, d.message))
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
    return apply_edits(text, [e for d in chosen for e in d.fix.edits])


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """`text` with `edits` (which do not clash) applied, the last first, as `apply` applies fixes'."""
    edits = sorted(edits, key=lambda e: e.span.start, reverse=True)
    offsets = _offsets(text)
    for e in edits:
        if offsets is None:
            text = text[: e.span.start] + e.new_text + text[e.span.end :]
            continue
        start, end = offsets[e.span.start], offsets[e.span.end]
        new_text = e.new_text.replace("\n", _line_end(text, start)) if "\n" in e.new_text else e.new_text
        text = text[:start] + new_text + text[end:]
    return text


def _moved(at: int, edits: Sequence[Edit]) -> int:
    """Where offset `at` of a text is once `edits` (sorted, not clashing) are applied:
    after an edit, moved by what it added or took away; inside a replaced region,
    at the start of what replaced it."""
    delta = 0
    for e in edits:
        start, end = e.span.start, e.span.end
        if end <= at:
            delta += len(e.new_text) - (end - start)
        elif start <= at < end:
            return start + delta
        else:
            break
    return at + delta


def _edits(chosen: Sequence[Diagnostic]) -> list[Edit]:
    return sorted((e for d in chosen for e in d.fix.edits), key=lambda e: (e.span.start, e.span.end))


def introduced(before, after, chosen: Sequence[Diagnostic], file: str) -> list[Diagnostic]:
    """The errors in `after` (the analysis of the text with the fixes of `chosen`
    applied) that the fixes made: every error `before` (the analysis of the text
    without them) does not have, by code and place (its place in `before` moved
    by the edits) or by code and message (an error that moved further).

    Not counted: an error the checker could not have seen in `before`. That is
    one in a file it did not read; one of the checks, when a syntax or import
    error stopped them; and a syntax error outside the text the fixes wrote,
    after a syntax error of `before`: recovery reads on after a syntax error by
    skipping what it cannot read, which may have held it."""
    edits = _edits(chosen)
    checks_ran = before.model is not None
    read = set(before.sources)
    loading_before, loading_after = set(before.program.diagnostics), set(after.program.diagnostics)
    written = [(_moved(e.span.start, edits), len(e.new_text)) for e in edits]
    recovering = [_moved(d.span.start, edits) for d in loading_before if _syntax_error(d, file)]
    left: dict[str, list[Diagnostic]] = {}  # the errors of `before` not yet matched, by code
    for d in before.diagnostics:
        if d.is_error:
            left.setdefault(d.code, []).append(d)
    out = []
    for d in after.diagnostics:
        if not d.is_error:
            continue
        if d.span is not None and d.span.file not in read:
            continue
        if d not in loading_after and not checks_ran:
            continue
        olds = left.get(d.code, [])
        same = next((old for old in olds if _same_place(old, d, edits, file)), None)
        if same is None:
            same = next((old for old in olds if old.message == d.message), None)
        if same is not None:
            olds.remove(same)
            continue
        if (
            d in loading_after
            and _syntax_error(d, file)
            and not any(at <= d.span.start <= at + size for at, size in written)
            and any(at < d.span.start for at in recovering)
        ):
            continue
        out.append(d)
    return out


def _syntax_error(d: Diagnostic, file: str) -> bool:
    """Whether `d`, a diagnostic of reading and loading, is an error of reading or
    parsing `file` (not one of its imports)."""
    return d.is_error and d.span is not None and d.span.file == file and d.code not in _IMPORT_CODES


#: The codes of imports: errors that hide no syntax error.
_IMPORT_CODES = frozenset(code.code for code in (MISSING_MODULE, IMPORT_CYCLE, UNREADABLE_MODULE))


def _same_place(old: Diagnostic, new: Diagnostic, edits: Sequence[Edit], file: str) -> bool:
    if old.span is None or new.span is None:
        return old.span is new.span
    if old.span.file != new.span.file:
        return False
    if old.span.file != file:
        return old.span.start == new.span.start
    return _moved(old.span.start, edits) == new.span.start


def _key(d: Diagnostic) -> tuple:
    """A fix as `fix_all` tells it from others across rounds: code, title and edits."""
    return (d.code, d.fix.title, tuple((e.span.start, e.span.end, e.new_text) for e in d.fix.edits))


def _moved_key(key: tuple, edits: Sequence[Edit]) -> tuple | None:
    """`key` once `edits` are applied; None when one of them touches its edits."""
    code, title, own = key
    if any(_touch(s, e, edit.span.start, edit.span.end) for s, e, _ in own for edit in edits):
        return None
    return (code, title, tuple((_moved(s, edits), _moved(s, edits) + (e - s), t) for s, e, t in own))


@dataclass(frozen=True)
class NotApplied:
    """A fix `fix_all` left out because it would add errors."""

    diagnostic: Diagnostic  # as the mended text still reports it
    gives: tuple[Diagnostic, ...]  # the errors the fix would add, where they would be with it applied


@dataclass
class Fixed:
    text: str  # the mended text (the same text when nothing was fixed)
    applied: list[Diagnostic]  # the diagnostics fixed, round after round
    diagnostics: list[Diagnostic]  # what checking the mended text still finds
    analysis: object  # the last analysis (of `text`)
    not_applied: list[NotApplied] = field(default_factory=list)  # fixes left out: they add errors
    #: MAX_ROUNDS ran and the mended text still has fixes to apply: `--fix` again goes on.
    stopped: bool = False
    #: Of `applied`, those whose diagnostic the first check did not show (it appeared
    #: once a round mended the syntax): the summary names them.
    surfaced: list[Diagnostic] = field(default_factory=list)
    #: Warnings the first check did not show whose fixes were not applied (as the mended
    #: text still reports them): they are printed with what is left.
    held: list[Diagnostic] = field(default_factory=list)


class _Shown:
    """The diagnostics the first check showed, followed through the rounds' edits:
    whether a later round's diagnostic is one of them (by code and place, its place
    moved by the edits, or by code and message, as `introduced` matches errors)."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.places = {(d.code, d.span.file, d.span.start) for d in diagnostics if d.span is not None}
        self.messages = {(d.code, d.message) for d in diagnostics}

    def has(self, d: Diagnostic) -> bool:
        if (d.code, d.message) in self.messages:
            return True
        return d.span is not None and (d.code, d.span.file, d.span.start) in self.places

    def move(self, edits: Sequence[Edit], file: str) -> None:
        self.places = {(code, f, _moved(at, edits) if f == file else at) for code, f, at in self.places}


def fix_all(text: str, file: str, check: Callable[[str], object]) -> Fixed:
    """Check, fix, check again, until no fix is left, the text stops changing or
    MAX_ROUNDS have run. `check(text)` is the front end's analysis of `text`
    (`pipeline.Analysis`). `text` may be the file as written (a byte-order mark,
    CRLF or CR line ends): the mended text keeps them.

    A round that adds an error (`introduced`) is undone and its fixes are tried
    one at a time, from the text before it: one that adds an error alone is left
    out (`Fixed.not_applied`), now and in the rounds after; the others are
    applied (the first alone, should they add one only together)."""
    analysis = check(text)
    shown = _Shown(analysis.diagnostics)
    applied: list[Diagnostic] = []
    surfaced: list[Diagnostic] = []
    refused: dict[tuple, tuple[Diagnostic, ...]] = {}  # the fixes left out, by `_key`
    seen = {text}
    rounds = 0
    while rounds < MAX_ROUNDS:
        chosen = choose(
            [
                d
                for d in analysis.diagnostics
                if (d.fix is None or _key(d) not in refused) and (d.is_error or shown.has(d))
            ],
            file,
        )
        if not chosen:
            break
        mended = apply(text, chosen)
        after = check(mended)
        gives = introduced(analysis, after, chosen, file)
        if gives and len(chosen) == 1:
            refused[_key(chosen[0])] = tuple(gives)
            continue  # each time, one fix more is refused: the loop ends
        if gives:
            chosen, mended, after = _sift(text, analysis, chosen, file, check, refused)
            if not chosen:
                continue
        if mended in seen:  # a fix that undoes another: stop rather than go round
            break
        seen.add(mended)
        edits = _edits(chosen)
        moved = {key: _moved_key(key, edits) for key in refused}
        refused = {moved[key]: errors for key, errors in refused.items() if moved[key] is not None}
        text, analysis = mended, after
        applied.extend(chosen)
        surfaced.extend(d for d in chosen if not shown.has(d))
        shown.move(edits, file)
        rounds += 1
    not_applied = [
        NotApplied(d, _gives(text, analysis, d, file, check) or refused[_key(d)])
        for d in analysis.diagnostics
        if d.fix is not None and _key(d) in refused
    ]
    held = [d for d in analysis.diagnostics if d.fix is not None and not d.is_error and not shown.has(d)]
    stopped = rounds == MAX_ROUNDS and any(
        d.fix is not None and _key(d) not in refused and d not in held for d in analysis.diagnostics
    )
    return Fixed(text, applied, list(analysis.diagnostics), analysis, not_applied, stopped, surfaced, held)


def _sift(text, analysis, chosen, file, check, refused):
    """A round that adds an error, fix by fix: each that adds one alone goes into
    `refused`; of the others, all together if they add none, else the first alone.
    The fixes to apply, the text with them and its analysis (no fix: None, None)."""
    kept = []
    for d in chosen:
        alone = apply(text, [d])
        after = check(alone)
        gives = introduced(analysis, after, [d], file)
        if gives:
            refused[_key(d)] = tuple(gives)
        else:
            kept.append((d, alone, after))
    if not kept:
        return [], None, None
    if len(kept) > 1:
        together = [d for d, _, _ in kept]
        mended = apply(text, together)
        after = check(mended)
        if not introduced(analysis, after, together, file):
            return together, mended, after
    d, alone, after = kept[0]
    return [d], alone, after


def _gives(text, analysis, d, file, check) -> tuple[Diagnostic, ...]:
    """The errors `d`'s fix would add to `text`, as `introduced` counts them."""
    return tuple(introduced(analysis, check(apply(text, [d])), [d], file))
