"""The checker's rule list: every check function registers itself here.

A check is a pure function `Model -> Iterable[Diagnostic]`. Each one looks at the
whole model and reports every instance of its mistake, so one run of the checker
reports every independent error in a file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextvars import ContextVar
from typing import TYPE_CHECKING

from bkrdsl.diagnostics import Diagnostic
from bkrdsl.resolve.model import Model

if TYPE_CHECKING:
    from bkrdsl.cpdirectory import Directory

Check = Callable[[Model], Iterable[Diagnostic]]

CHECKS: list[Check] = []

#: The site's CP directory while `run_checks` runs with one (`--directory`), else None.
#: Three checks of the model read it: BKR221's exception for a job of IDENTITY users whose
#: every include selects only minidisks of the IDENTITY entries themselves (global, one
#: every member shares), which the directory alone can prove (`bkrdsl.check.jobs`); and
#: BKR244's and BKR245's helps, which write the volume label the directory gives where the
#: file names none (`bkrdsl.check.members`).
DIRECTORY: ContextVar[Directory | None] = ContextVar("bkrdsl_check_directory", default=None)


def check(fn: Check) -> Check:
    """Decorator: register a check function."""
    CHECKS.append(fn)
    return fn
