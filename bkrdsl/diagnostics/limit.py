"""The error limit: stop reporting a file's diagnostics after its first N errors.

A file of garbage can hold hundreds of thousands of mistakes (a group body of a
million user IDs that CP would refuse), and a report of all of them helps no one:
printing them costs more than finding them, and an editor chokes on the list.
As clang's `-ferror-limit`, `bkrc` reports each file's diagnostics in their usual
order up to and including its Nth error, and then one note that it stopped there.
Warnings do not count towards N, but none after the Nth error is shown either.
The diagnostics kept are exactly the first ones of the whole list: a limit never
changes which come first, only where the report ends.
"""

from __future__ import annotations

from collections.abc import Sequence

from bkrdsl.diagnostics.core import Diagnostic, Severity, sort_key
from bkrdsl.records import dataclass
from bkrdsl.source import Span

__all__ = ["DEFAULT_MAX_ERRORS", "Stop", "limit"]

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


def limit(diagnostics: Sequence[Diagnostic], max_errors: int) -> tuple[list[Diagnostic], list[Stop]]:
    """The diagnostics to report, in report order (`sort_key`), and where each file's
    report stopped. `max_errors` 0 (or less) keeps them all."""
    ordered = sorted(diagnostics, key=sort_key)
    if max_errors <= 0:
        return ordered, []
    kept: list[Diagnostic] = []
    stops: list[Stop] = []
    errors: dict[str, int] = {}  # file -> errors kept
    left: dict[str, list] = {}  # file -> [errors, warnings, first left out]
    for d in ordered:
        file = d.span.file if d.span is not None else ""
        if errors.get(file, 0) >= max_errors:
            out = left.setdefault(file, [0, 0, d.span])
            if d.severity is Severity.ERROR:
                out[0] += 1
            elif d.severity is Severity.WARNING:
                out[1] += 1
            continue
        kept.append(d)
        if d.severity is Severity.ERROR:
            errors[file] = errors.get(file, 0) + 1
    for file, (n_errors, n_warnings, at) in left.items():
        stops.append(Stop(file, errors[file], n_errors, n_warnings, at))
    return kept, stops
