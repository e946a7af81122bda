"""The SSI checker: every rule of ../shared/domain.md as a coded, explained diagnostic.

One module per rule family; each registers its codes (with their long
explanations) and its check functions on import.
"""

from __future__ import annotations

from bkrdsl.check.registry import CHECKS
from bkrdsl.diagnostics import Diagnostic, sort_key
from bkrdsl.resolve.model import Model

# Rule families register themselves on import; order here is the order in docs.
from bkrdsl.check import structure  # noqa: E402,F401  BKR110-BKR118
from bkrdsl.check import kinds  # noqa: E402,F401  BKR201-BKR206
from bkrdsl.check import catalog  # noqa: E402,F401  BKR210-BKR216
from bkrdsl.check import jobs  # noqa: E402,F401  BKR220-BKR225
from bkrdsl.check import tape  # noqa: E402,F401  BKR230-BKR233
from bkrdsl.check import members  # noqa: E402,F401  BKR240-BKR246
from bkrdsl.check import names  # noqa: E402,F401  BKR301-BKR309
from bkrdsl.check import values  # noqa: E402,F401  BKR310-BKR317
from bkrdsl.check import declarations  # noqa: E402,F401  BKR320-BKR334
from bkrdsl.check import coverage  # noqa: E402,F401  BKR401-BKR408


def run_checks(model: Model) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for fn in CHECKS:
        found.extend(fn(model))
    # One diagnostic per (code, place, message): two rules never say the same thing twice.
    unique = {(d.code, d.span, d.message): d for d in found}
    return sorted(unique.values(), key=sort_key)
