"""The SSI checker: every rule of ../shared/domain.md as a coded, explained diagnostic.

One module per rule family; each registers its codes (with their long
explanations) and its check functions on import. docs/rules/ is generated
from the registry (`python -m bkrdsl.check.docs`).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

# Rule families register their codes and checks on import. One is not imported here:
# analyse imports it with --directory alone, and `registry.load_all` for its codes,
# so that a check without the option does not load it:
#     directory,  # BKR510-BKR526, BKR528-BKR535: against the site's CP directory (BKR521: bkrc init --directory)
from bkrdsl.check import (  # noqa: F401
    catalog,  # BKR210-BKR219, BKR260, BKR261: the catalog and its expiry
    coverage,  # BKR401-BKR417: coverage and schedules
    declarations,  # BKR320-BKR335, BKR021: duplicates, unknown references, roles on patterns, lists read on
    jobs,  # BKR220-BKR227: job placement and per-member names
    kinds,  # BKR201-BKR208: single or IDENTITY, one machine per role, one entry per ID
    members,  # BKR240-BKR249, BKR252, BKR255, BKR340, BKR342: members, machines, minidisks, links
    names,  # BKR301-BKR309, BKR341: names CP and CMS accept
    structure,  # BKR110-BKR119: the shape of a cluster and its jobs
    tables,  # BKR250, BKR251, BKR253, BKR254, BKR256, BKR319: against the dialect table (run by analyse, with the table)
    tape,  # BKR230-BKR236: Tape Manager
    values,  # BKR310-BKR318, BKR336-BKR339, BKR343, BKR019: addresses, times, counts, paths, pools, sizes, waits, escapes
)
from bkrdsl.check.registry import CHECKS, DIRECTORY, PARTIAL, local_checks
from bkrdsl.diagnostics import Diagnostic
from bkrdsl.diagnostics.limit import Collector
from bkrdsl.resolve.model import Model

if TYPE_CHECKING:
    from bkrdsl import ast
    from bkrdsl.cpdirectory import Directory
    from bkrdsl.source import Source


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


def run_local_checks(
    model: Model,
    modules: list[ast.Module],
    sources: dict[str, Source],
    errors: list[Diagnostic],
    into: Collector,
) -> None:
    """The checks that judge one statement alone (`registry.STATEMENT_LOCAL`) over the
    model of a file with syntax errors (`errors`: those of reading it and its imports),
    each saying only its own codes there, and only at a statement the parser read whole:
    one no error touches, from its first word to the word after it (a statement the
    recovery cut short, or read on into the next line's words, is passed over). No
    check that reads several statements runs: what they would say may be of a
    statement the recovery lost (`pipeline.analyse_program`)."""
    units = _statement_units(modules)
    broken = _broken_units(units, sources, errors) | _recovered_units(modules)
    token = PARTIAL.set(True)
    try:
        for fn, codes in local_checks():
            for d in fn(model):
                if d.code in codes and d.span is not None and _whole(d.span, units, broken):
                    into.add(d, unique=True)
    finally:
        PARTIAL.reset(token)


def _statement_units(modules: list[ast.Module]) -> dict[str, list[tuple[int, int]]]:
    """Each file's statements as (start, end) offsets: a block's header (`job NAME {`:
    from its keyword to its name) stands for the block's name, its body's statements
    for themselves."""
    units: dict[str, list[tuple[int, int]]] = {}

    def header(node, name) -> None:
        if name is not None:
            units.setdefault(node.span.file, []).append((node.span.start, max(name.span.end, node.span.start)))

    def whole(*nodes) -> None:
        for n in nodes:
            units.setdefault(n.span.file, []).append((n.span.start, n.span.end))

    for module in modules:
        whole(*module.imports, *module.users)
        for g in module.groups:
            header(g, g.name)
        for c in module.clusters:
            header(c, c.name)
            whole(*c.users, *c.settings, *c.disks, *c.catalogs, *c.tapes, *c.expires)
            for g in c.groups:
                header(g, g.name)
            for m in c.members:
                header(m, m.name)
                whole(*m.settings, *m.selections)
            for j in c.jobs:
                header(j, j.name)
                whole(*j.backups, *j.selections, *j.targets, *j.runs, *j.descriptions)
    return units


def _recovered_units(modules: list[ast.Module]) -> set[tuple[str, int, int]]:
    """The statements that hold a word the recovery put in for one missing (an empty
    `Word`): `member VMSYS3`, then `job-suffix` alone below it, is one error, BKR011,
    whose help gives the value (`member VMSYS3 { job-suffix S }`), and the value it
    lacks is no second one ("a job suffix cannot be empty", at the `}` below). The
    error is at the block's head, above the statement, so it touches it not."""
    from bkrdsl.ast import Word

    def empty_word(value) -> bool:
        if isinstance(value, Word):
            return value.text == ""
        if isinstance(value, tuple):
            return any(empty_word(v) for v in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return any(empty_word(getattr(value, f.name)) for f in dataclasses.fields(value))
        return False

    recovered = set()
    for module in modules:
        nodes = [*module.imports, *module.users]
        for c in module.clusters:
            nodes += [*c.users, *c.settings, *c.disks, *c.catalogs, *c.tapes, *c.expires]
            for m in c.members:
                nodes += [*m.settings, *m.selections]
            for j in c.jobs:
                nodes += [*j.backups, *j.selections, *j.targets, *j.runs, *j.descriptions]
        recovered.update((n.span.file, n.span.start, n.span.end) for n in nodes if empty_word(n))
    return recovered


def _broken_units(
    units: dict[str, list[tuple[int, int]]], sources: dict[str, Source], errors: list[Diagnostic]
) -> set[tuple[str, int, int]]:
    """The statements an error touches: one that starts in it or in the spaces and
    comments up to its next word."""
    at: dict[str, list[tuple[int, int]]] = {}
    for e in errors:
        if e.is_error and e.span is not None:
            at.setdefault(e.span.file, []).append((e.span.start, e.span.end))
    broken = set()
    for file, spans in units.items():
        found = at.get(file)
        if not found:
            continue
        source = sources.get(file)
        text = source.text if source is not None else ""
        for start, end in spans:
            after = _next_word(text, end)
            if any(s <= after and (e > start or s >= start) for s, e in found):
                broken.add((file, start, end))
    return broken


def _next_word(text: str, at: int) -> int:
    """The offset of the first character after `at` that is neither a space nor in a comment."""
    n = len(text)
    while at < n:
        ch = text[at]
        if ch == "#":
            nl = text.find("\n", at)
            at = n if nl < 0 else nl + 1
        elif ch.isspace():
            at += 1
        else:
            break
    return at


def _whole(span, units: dict[str, list[tuple[int, int]]], broken: set[tuple[str, int, int]]) -> bool:
    """Whether `span` lies in a statement and in none an error touches. Not the
    innermost alone: a word the recovery put in for one missing (an empty name) has
    the place of the word after it, perhaps another statement's."""
    held = [(span.file, start, end) for start, end in units.get(span.file, ()) if start <= span.start and span.end <= end]
    return bool(held) and not any(unit in broken for unit in held)
