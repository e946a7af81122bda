"""The checker's rule list: every check function registers itself here.

A check is a pure function `Model -> Iterable[Diagnostic]`. Each one looks at the
whole model and reports every instance of its mistake, so one run of the checker
reports every independent error in a file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bkrdsl.diagnostics import Diagnostic
from bkrdsl.resolve.model import Model

Check = Callable[[Model], Iterable[Diagnostic]]

CHECKS: list[Check] = []


def check(fn: Check) -> Check:
    """Decorator: register a check function."""
    CHECKS.append(fn)
    return fn
