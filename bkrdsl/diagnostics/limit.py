"""The error limit: stop reporting a file's diagnostics after its first N errors.

A file of garbage can hold hundreds of thousands of mistakes (a group body of a
million user IDs that CP would refuse), and a report of all of them helps no one:
printing them costs more than finding them, and an editor chokes on the list.
As clang's `-ferror-limit`, `bkrc` reports each file's diagnostics in their usual
order up to and including its Nth error, and then one note that it stopped there.
Warnings do not count towards N, but none after the Nth error is shown either.
The diagnostics kept are exactly the first ones of the whole list: a limit never
changes which come first, only where the report ends.

The report is in order of place, and the checks find their mistakes in another
order, so the first N are known only at the end. `Collector` keeps, as they come,
only those that can still be among the first N of each file (a heap of its N first
errors, and the other diagnostics before the last of them) and counts the rest:
the front end's memory does not grow with the number of errors (`analyse(...,
max_errors=N)`; a group body of 1.9 million user IDs CP refuses held 1.9 million
diagnostics until the report was cut). `limit` is the same collector over a list.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from bkrdsl.diagnostics.core import Diagnostic, Severity, sort_key
from bkrdsl.records import dataclass
from bkrdsl.source import Span

__all__ = ["DEFAULT_MAX_ERRORS", "Collector", "Stop", "limit"]

#: Errors reported per file unless `--max-errors` says otherwise (0: no limit).
DEFAULT_MAX_ERRORS = 100


@dataclass(frozen=True)
class Stop:
    """Where the report of one file stopped: after `shown` errors, with `errors` more
    errors and `warnings` more warnings left out, the first of them at `at`."""

    file: str
    shown: int
    errors: int
    warnings: int
    at: Span | None

    @property
    def message(self) -> str:
        """The note `bkrc` prints."""
        return f"{self._stopped}; fix these and run again, or use `--max-errors N` (0: no limit)"

    @property
    def editor_message(self) -> str:
        """The note the language server publishes."""
        return f"{self._stopped}; fix these and the next ones will show"

    @property
    def _stopped(self) -> str:
        more = _count(self.errors, "error")
        if self.warnings:
            more += f" and {_count(self.warnings, 'warning')}"
        return f"stopping after {_count(self.shown, 'error')} in {self.file or 'the input'} ({more} not shown)"


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'s' if n != 1 else ''}"


def limit(
    diagnostics: Iterable[Diagnostic], max_errors: int, stops: Iterable[Stop] = ()
) -> tuple[list[Diagnostic], list[Stop]]:
    """The diagnostics to report, in report order (`sort_key`), and where each file's
    report stopped. `max_errors` 0 (or less) keeps them all. `stops`: where an
    earlier cut of these diagnostics stopped (`Analysis.stops`), whose counts are
    added to this one's."""
    collector = Collector(max_errors)
    for d in diagnostics:
        collector.add(d)
    for stop in stops:
        collector.left_out(stop)
    return collector.result()


class _Last:
    """A kept diagnostic in a file's heap, the last in report order on top."""

    __slots__ = ("diagnostic", "key", "said")

    def __init__(self, key: tuple, diagnostic: Diagnostic, said: tuple | None):
        self.key = key  # (sort_key, arrival): the arrival breaks ties as a stable sort does
        self.diagnostic = diagnostic
        self.said = said  # (code, span, message) when added as unique

    def __lt__(self, other: _Last) -> bool:
        return self.key > other.key


class _File:
    """What one file keeps: its first errors, the other diagnostics before the last
    of them, and the count of what it left out."""

    __slots__ = ("errors", "first_left", "left_errors", "left_warnings", "others", "seen")

    def __init__(self):
        self.errors: list[_Last] = []  # a heap, the last error on top
        self.others: list[_Last] = []  # warnings and notes, likewise
        self.seen: dict[tuple, _Last] = {}  # the checks' findings kept, by (code, span, message)
        self.left_errors = 0
        self.left_warnings = 0
        self.first_left: tuple | None = None  # (key, span) of the first left out

    def leave_out(self, key: tuple, d: Diagnostic) -> None:
        if d.severity is Severity.ERROR:
            self.left_errors += 1
        elif d.severity is Severity.WARNING:
            self.left_warnings += 1
        if self.first_left is None or key < self.first_left[0]:
            self.first_left = (key, d.span)


class Collector:
    """The diagnostics of one analysis as they are found, each file's cut after its
    `max_errors`th error in report order (0: all kept), in memory that does not grow
    with the number left out. `result()` is what `limit()` of the whole list gives.

    `add(d, unique=True)` drops a diagnostic that says what one kept before said,
    at the same place (two rules never say the same thing twice). Past the limit
    only the kept ones are remembered for that: the checks never repeat a finding
    (tests/test_error_limit.py checks every test file), so the count of those left
    out stays exact."""

    def __init__(self, max_errors: int = 0, allows=None):
        self.max_errors = max_errors
        #: The file's `# bkrc: allow` comments (`allow.Allows`), or None: a diagnostic
        #: that is no error and that one covers is set aside there, before any count.
        self.allows = allows
        self._arrivals = 0
        self._all: list[tuple[tuple, Diagnostic]] = []  # without a limit
        self._unique: dict[tuple, int] = {}  # without a limit: where each check's finding is
        self._files: dict[str, _File] = {}
        self._stops: dict[str, Stop] = {}  # cuts made before these diagnostics came

    def add(self, d: Diagnostic, *, unique: bool = False) -> None:
        if self.allows is not None and d.severity is not Severity.ERROR and self.allows.take(d):
            return
        self._arrivals += 1
        key = (sort_key(d), self._arrivals)
        if self.max_errors <= 0:
            if unique:
                said = (d.code, d.span, d.message)
                at = self._unique.get(said)
                if at is not None:  # said again: the place of the first, the words of the last
                    self._all[at] = (self._all[at][0], d)
                    return
                self._unique[said] = len(self._all)
            self._all.append((key, d))
            return
        name = d.span.file if d.span is not None else ""
        f = self._files.get(name)
        if f is None:
            f = self._files[name] = _File()
        said = (d.code, d.span, d.message) if unique else None
        if said is not None:
            before = f.seen.get(said)
            if before is not None:  # said again: the place of the first, the words of the last
                before.diagnostic = d
                return
        errors = f.errors
        if len(errors) >= self.max_errors and key > errors[0].key:
            f.leave_out(key, d)  # after the file's last error kept: never shown
            return
        item = _Last(key, d, said)
        if said is not None:
            f.seen[said] = item
        if d.severity is not Severity.ERROR:
            heapq.heappush(f.others, item)
            return
        heapq.heappush(errors, item)
        if len(errors) > self.max_errors:
            self._drop(f, heapq.heappop(errors))
        if len(errors) == self.max_errors:  # the file's last error so far: nothing after it shows
            last = errors[0].key
            while f.others and f.others[0].key > last:
                self._drop(f, heapq.heappop(f.others))

    @staticmethod
    def _drop(f: _File, item: _Last) -> None:
        if item.said is not None:
            del f.seen[item.said]
        f.leave_out(item.key, item.diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic], *, unique: bool = False) -> None:
        for d in diagnostics:
            self.add(d, unique=unique)

    def left_out(self, stop: Stop) -> None:
        """Count in what an earlier cut of this file's diagnostics left out (it came
        after everything that cut kept)."""
        self._stops[stop.file] = stop

    def result(self) -> tuple[list[Diagnostic], list[Stop]]:
        """The diagnostics kept, in report order, and where each file's report stopped."""
        if self.max_errors <= 0:
            self._all.sort(key=lambda item: item[0])
            return [d for _, d in self._all], list(self._stops.values())
        kept = [item for f in self._files.values() for item in (*f.errors, *f.others)]
        kept.sort(key=lambda item: item.key)
        stops: list[tuple[tuple, Stop]] = []
        for name in self._files.keys() | self._stops.keys():
            f = self._files.get(name) or _File()
            earlier = self._stops.get(name)
            if f.first_left is None and earlier is None:
                continue
            errors = f.left_errors + (earlier.errors if earlier is not None else 0)
            warnings = f.left_warnings + (earlier.warnings if earlier is not None else 0)
            at = f.first_left[1] if f.first_left is not None else earlier.at
            stops.append((name, Stop(name, len(f.errors), errors, warnings, at)))
        stops.sort(key=lambda item: item[0])
        return [item.diagnostic for item in kept], [stop for _, stop in stops]
