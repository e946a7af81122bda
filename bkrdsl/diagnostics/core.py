"""The Diagnostic value every stage produces."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from bkrdsl.source import Span


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Related:
    """A second place involved in a diagnostic ("declared single here")."""

    span: Span
    label: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    span: Span | None
    help: str | None = None
    label: str | None = None  # a few words printed under the carets
    related: tuple[Related, ...] = field(default_factory=tuple)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def sort_key(d: Diagnostic) -> tuple:
    s = d.span
    if s is None:
        return ("", 0, 0, d.code, d.message)
    return (s.file, s.line, s.column, d.code, d.message)
