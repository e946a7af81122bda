"""The registry of diagnostic codes.

Each code is declared once, next to the stage that reports it, with its
severity, a one-line summary and a long explanation (why the rule exists, a
failing example and the fix). `bkrc rules`, `bkrc explain` and docs/rules/ are
all generated from here.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from bkrdsl.diagnostics.core import Diagnostic, Fix, Related, Severity
from bkrdsl.source import Span


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    #: The code that reports this mistake now, when this one is no longer reported.
    #: A retired code stays registered so that `bkrc explain` and docs/rules still
    #: answer for it (codes are stable: a site's notes and scripts may name it).
    retired: str | None = None
    #: Why the explanation describes its failing example in words instead of
    #: showing one: a mistake no single text file can make (binary bytes, an
    #: unreadable file, two files that import each other).
    no_example: str | None = None

    def __call__(
        self,
        message: str,
        span: Span | None,
        *,
        help: str | None = None,
        label: str | None = None,
        related: tuple[Related, ...] | list[Related] = (),
        severity: Severity | None = None,
        fix: Fix | None = None,
    ) -> Diagnostic:
        """Make a diagnostic of this code."""
        return Diagnostic(
            code=self.code,
            severity=severity or self.severity,
            message=message,
            span=span,
            help=help,
            label=label,
            related=tuple(related),
            fix=fix,
        )


REGISTRY: dict[str, Code] = {}


def register(
    code: str,
    name: str,
    severity: Severity | str,
    summary: str,
    explanation: str,
    *,
    retired: str | None = None,
    no_example: str | None = None,
) -> Code:
    if code in REGISTRY:
        raise ValueError(f"diagnostic code {code} registered twice")
    text = textwrap.dedent(explanation).strip() + "\n"
    entry = Code(code, name, Severity(severity), summary, text, retired, no_example)
    REGISTRY[code] = entry
    return entry


def load_all() -> dict[str, Code]:
    """Import every module that registers codes, then return the registry."""
    import bkrdsl.check  # noqa: F401  (registers the SSI rules)
    import bkrdsl.fmt  # noqa: F401  (BKR090: the one layout bkrc fmt refuses)
    import bkrdsl.resolve  # noqa: F401
    import bkrdsl.syntax.codes  # noqa: F401

    return dict(sorted(REGISTRY.items()))


def lookup(code: str) -> Code | None:
    return load_all().get(code.strip().upper())
