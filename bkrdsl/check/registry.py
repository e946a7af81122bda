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


#: The checks that judge one statement alone (a value's form, a name's length and
#: characters), by their module and name, each with the codes it may say so: what
#: `analyse` still reports of a file with syntax errors (`run_local_checks`), on the
#: statements the parser read whole. A check named here finds each of those codes
#: at a statement from that statement's own words, so no statement the recovery
#: lost can make it appear, move or go once the syntax is mended (the oracle of
#: tests/test_syntax_slips.py holds it so over the slips and the examples with a
#: line cut). A help or fix may still read other statements (BKR303's cut asks
#: whether another job has the name): the code and the place are the statement's.
#: Not here: references, duplicates, the SSI rules, coverage, and any code whose
#: finding depends on what another statement declares.
STATEMENT_LOCAL: dict[str, frozenset[str]] = {
    "bkrdsl.check.names.system_names": frozenset({"BKR302"}),
    "bkrdsl.check.names.job_names": frozenset({"BKR303", "BKR304"}),
    "bkrdsl.check.names.volume_names": frozenset({"BKR305"}),
    "bkrdsl.check.names.pool_names": frozenset({"BKR306"}),
    "bkrdsl.check.names.group_names": frozenset({"BKR307"}),
    # `include minidisk ALL 0191` and `include minidisk 0191 0200` are judged by whether
    # the files declare a user so named: with syntax errors such a selection is passed
    # over (`values.owner_undecided`), its declaration perhaps lost.
    "bkrdsl.check.values.addresses": frozenset({"BKR310", "BKR311"}),
    # A declared ID, pattern, `disk` user, machine or selection's owner, each of its own
    # words. (An owner in an address's place that no declaration names is BKR310's, not
    # judged here; with one it is a three- or four-digit ID CP takes: no BKR301 either way.)
    "bkrdsl.check.names.user_ids": frozenset({"BKR301"}),
    # The names bkrc writes; a `catalog` or `tape manager` machine with a `#`
    # (`TRDMM#x`) is passed over: a `disk TRDMM` elsewhere makes it BKR332's.
    "bkrdsl.check.names.ebcdic_variants": frozenset({"BKR308"}),
    # A declared ID or machine; not a worker pattern's IDs, which the members' counts give.
    "bkrdsl.check.names.reserved_ids": frozenset({"BKR309", "BKR341"}),  # BKR341: an all-digit ID
    "bkrdsl.check.values.times_and_days": frozenset({"BKR313", "BKR314"}),  # a schedule's own words
    "bkrdsl.check.values.retention": frozenset({"BKR315"}),
    "bkrdsl.check.values.link_modes": frozenset({"BKR343"}),  # a `link` statement's last word
    "bkrdsl.check.values.numbers": frozenset({"BKR316", "BKR317"}),  # `workers N`, a `disk`'s size
    "bkrdsl.check.values.volume_sizes": frozenset({"BKR336"}),
    "bkrdsl.check.values.escapes": frozenset({"BKR019"}),  # a description's quoted text
    "bkrdsl.check.values.startup_waits": frozenset({"BKR337", "BKR338"}),  # the `catalog` statement's waits
    # Not here, each needing more than its statement: overlapping_ranges (BKR312: two
    # selections of a job); sfs_paths (BKR318: the file pools the catalog and the other
    # paths name, and the tape statements' settings); sfs_pool_near_misses (BKR339: the
    # catalog's file pool).
}

#: Every code of STATEMENT_LOCAL: what the checks may say beside a syntax error (the
#: language server's one-parse path for blocks closed at the end passes over these).
STATEMENT_LOCAL_CODES: frozenset[str] = frozenset().union(*STATEMENT_LOCAL.values())

#: True while `run_local_checks` runs: the model is a recovered AST's, with statements
#: lost, so a check named in STATEMENT_LOCAL passes over what another statement decides.
PARTIAL: ContextVar[bool] = ContextVar("bkrdsl_check_partial", default=False)


def local_checks() -> list[tuple[Check, frozenset[str]]]:
    """The registered checks of STATEMENT_LOCAL, in registration order, with their codes."""
    return [
        (fn, codes)
        for fn in CHECKS
        if (codes := STATEMENT_LOCAL.get(f"{fn.__module__}.{fn.__name__}")) is not None
    ]
