"""The SSI checker: every rule of ../shared/domain.md as a coded, explained diagnostic.

One module per rule family; each registers its codes (with their long
explanations) and its check functions on import.
"""

from __future__ import annotations

from bkrdsl.check.registry import CHECKS
from bkrdsl.diagnostics import Diagnostic, sort_key
from bkrdsl.resolve.model import Model

# Rule families register themselves on import; order here is the order in docs.
from bkrdsl.check import structure  # noqa: E402,F401


def run_checks(model: Model) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for fn in CHECKS:
        found.extend(fn(model))
    # One diagnostic per (code, place, message): two rules never say the same thing twice.
    unique = {(d.code, d.span, d.message): d for d in found}
    return sorted(unique.values(), key=sort_key)
