"""The SSI checker: every rule of ../shared/domain.md as a coded, explained diagnostic.

One module per rule family; each registers its codes (with their long
explanations) and its check functions on import. docs/rules/ is generated
from the registry (`python -m bkrdsl.check.docs`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Rule families register their codes and checks on import. One is not imported here:
# analyse imports it with --directory alone, and `registry.load_all` for its codes,
# so that a check without the option does not load it:
#     directory,  # BKR510-BKR526, BKR528-BKR534: against the site's CP directory (BKR521: bkrc init --directory)
from bkrdsl.check import (  # noqa: F401
    catalog,  # BKR210-BKR219, BKR260, BKR261: the catalog and its expiry
    coverage,  # BKR401-BKR417: coverage and schedules
    declarations,  # BKR320-BKR335, BKR021: duplicates, unknown references, roles on patterns, lists read on
    jobs,  # BKR220-BKR227: job placement and per-member names
    kinds,  # BKR201-BKR208: single or IDENTITY, one machine per role, one entry per ID
    members,  # BKR240-BKR249, BKR252, BKR255: members, machines, minidisks
    names,  # BKR301-BKR309: names CP and CMS accept
    structure,  # BKR110-BKR119: the shape of a cluster and its jobs
    tables,  # BKR250, BKR251, BKR253, BKR254, BKR319: against the dialect table (run by analyse, with the table)
    tape,  # BKR230-BKR236: Tape Manager
    values,  # BKR310-BKR318, BKR336-BKR339, BKR019: addresses, times, counts, paths, pools, sizes, waits, escapes
)
from bkrdsl.check.registry import CHECKS, DIRECTORY
from bkrdsl.diagnostics import Diagnostic
from bkrdsl.diagnostics.limit import Collector
from bkrdsl.resolve.model import Model

if TYPE_CHECKING:
    from bkrdsl.cpdirectory import Directory


def run_checks(
    model: Model, into: Collector | None = None, directory: Directory | None = None
) -> list[Diagnostic]:
    """Every check over the model, in one pass; sorted, each finding once. With
    `into`, each finding goes to that collector as it is found (which keeps only
    what its error limit can show), and the list returned is empty. `directory`, the
    site's CP directory (`--directory`), is what BKR221's exception and BKR244's and BKR245's helps read (`DIRECTORY`)."""
    # One diagnostic per (code, place, message): two rules never say the same thing twice.
    collector = Collector() if into is None else into
    token = DIRECTORY.set(directory if directory is not None and directory.readable else None)
    try:
        for fn in CHECKS:
            for d in fn(model):
                collector.add(d, unique=True)
    finally:
        DIRECTORY.reset(token)
    return collector.result()[0] if into is None else []
