"""Checks that read the dialect table (BKR250, BKR251, BKR319).

Not checks of the model alone: which addresses a machine's CONSOLE, SPOOL and
LINK statements take comes from the table's machine defaults, where on a
volume minidisks may start from its `units`, and how long a selection record
is from its layouts, all of which a site may correct. `bkrdsl.pipeline.analyse`
runs `table_checks` after the other checks, with the table compile writes
from: the built-in one, or the site's (`bkrc compile --dialect`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bkrdsl import ast
from bkrdsl.check.common import selections_of
from bkrdsl.diagnostics.registry import register
from bkrdsl.emit.common import MAX_COLUMNS
from bkrdsl.resolve.model import Model, narrow_sfs_path, parse_address

if TYPE_CHECKING:
    from bkrdsl.diagnostics import Diagnostic
    from bkrdsl.emit.dialect import Dialect

DISK_ADDRESS_TAKEN = register(
    "BKR250",
    "disk-address-taken",
    "error",
    "a `disk` address the machine's own directory statements already use",
    """
    Each product machine's directory entry has statements of its own (from
    the dialect table's machine defaults): its console (CONSOLE 0009), its
    spool devices (SPOOL 000C, 000D, 000E) and links to CMS's disks (LINK
    MAINT 0190 0190 RR, 019D, 019E), each at a virtual address. A minidisk
    at one of those addresses would define the address twice in one entry,
    which CP's directory tools (DIRECTXA, DirMaint) refuse; for an IDENTITY
    the link is in the IDENTITY and the minidisk in its SUBCONFIG, which is
    the same conflict on every member.

    Failing example:

        disk BKRBKUP 190 size 10 cyl

    (BKRBKUP links MAINT's 0190, the CMS system disk, at 0190.)

    Fix: another address, such as the usual A-disk: `disk BKRBKUP 191 size
    10 cyl`.
    """,
)


EXTENT_ON_LABEL = register(
    "BKR251",
    "extent-on-volume-label",
    "warning",
    "an explicit extent starts where the volume's label and CP's own data are",
    """
    The first cylinder of a CP-formatted 3390 volume (cylinder 0) holds its
    label and CP's allocation data; minidisks start at cylinder 1 (and on an
    FBA volume after the first blocks: the dialect table's `units` say where).
    A minidisk over cylinder 0 is a full-pack overlay: formatting it from the
    machine's CMS would destroy the volume's label. For a product machine's
    minidisk that is never what is meant.

    Failing example:

        disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 0

    Fix: `at 1` or later (or leave `at` out: bkrc, or DirMaint, places it).
    """,
)


LONG_RECORD = register(
    "BKR319",
    "selection-record-too-long",
    "error",
    "an SFS path whose selection record would not fit in 72 columns",
    """
    Every line bkrc writes fits in 72 columns, so that the files survive any
    transfer to z/VM and any CMS editor (see docs/output.md). A job
    template's SFS selection is one record, the dialect table's `include_sfs`
    or `exclude_sfs` layout around the path (`INCLUDE SFS BKRPOOL:CICSPRD.LOGS`),
    and how a record would continue on a second line is not known, so the
    whole record must fit: with the built-in layouts, a path of at most 60
    characters. A job's include is written once per user of the job its
    user part selects (`BKRPOOL:*.LOGS` in a job of CICSPRD is written
    `BKRPOOL:CICSPRD.LOGS`), so each of those paths must fit.

    Failing example:

        include sfs BKRPOOL:CICSPRD.APPLICATION-LOGS.ARCHIVE-2025-12.DECEMBER-NIGHTLY

    Fix: select a directory higher up, with a wildcard
    (`BKRPOOL:CICSPRD.APPLICATION-LOGS.*`), or shorten the names.
    """,
)


def table_checks(model: Model, dialect: Dialect) -> list[Diagnostic]:
    """Every check that needs the dialect table, in a fixed order."""
    if model.cluster is None:
        return []
    return disk_checks(model, dialect) + long_records(model, dialect)


def long_records(model: Model, dialect: Dialect) -> list[Diagnostic]:
    """BKR319 for each SFS path whose record, laid out by the table, is over 72 columns."""
    # A job's SFS includes are written once per owner (narrow_sfs_path, as the
    # templates do): the longest path they become is the one to fit.
    narrowed: dict[int, list[str]] = {}
    for job in model.jobs:
        sfs = [s for s in job.includes if s.medium is ast.Medium.SFS]
        if sfs:
            ids, patterns = list(model.job_user_ids(job)), list(model.job_patterns(job))
            for s in sfs:
                for item in s.items:
                    narrowed[id(item)] = narrow_sfs_path(item.upper, ids, patterns)
    out = []
    for selection in selections_of(model.cluster, ast.Medium.SFS):
        layout = dialect[f"{selection.action.value}_sfs"]
        for item in selection.items:
            paths = narrowed.get(id(item)) or [item.upper]
            record = max((layout.format(path=p) for p in paths), key=len)
            if len(record) > MAX_COLUMNS:
                out.append(
                    LONG_RECORD(
                        f"the record `{record[:30]}...` would be {len(record)} columns; a template line has"
                        f" at most {MAX_COLUMNS}",
                        item.span,
                        help="select a directory higher up with a wildcard (`POOL:USER.DIR.*`), or shorten the names",
                    )
                )
    return out


def disk_checks(model: Model, dialect: Dialect) -> list[Diagnostic]:
    """BKR251 for each explicit extent that starts before the unit's first cylinder or
    block; BKR250 for each `disk` statement at an address its machine's statements
    take (a pattern's disk once, naming the first machine it reaches)."""
    if not model.disks:
        return []
    roles = model.machine_roles()
    out = []
    for disk in model.disks:
        unit = dialect.unit(disk.unit.text)
        if (
            disk.start is not None
            and disk.start.text.isdigit()
            and unit is not None
            and int(disk.start.text) < unit.first
        ):
            words = "cylinder" if unit.name == "cyl" else "block"
            out.append(
                EXTENT_ON_LABEL(
                    f"the extent starts at {words} {disk.start.text} of `{disk.volume.upper}`, before"
                    f" {words} {unit.first}, where the dialect table starts minidisks (the volume's label is there)",
                    disk.start.span,
                    help=f"write `at {unit.first}` or later, or leave `at` out",
                )
            )
        number = parse_address(disk.address.text)
        if number is None:
            continue  # BKR31x reports the address itself
        for owner in model.disk_owners(disk, roles):
            defaults = dialect.machines.get(roles[owner])
            taken = defaults.addresses().get(number) if defaults is not None else None
            if taken is not None:
                free = _free_address(model, owner, defaults, roles)
                out.append(
                    DISK_ADDRESS_TAKEN(
                        f"`{owner}`'s directory entry already uses address {number:04X}: `{taken}`",
                        disk.address.span,
                        help="give the minidisk an address the machine does not use"
                        + (f", such as {free:04X}" if free is not None else ""),
                    )
                )
                break
    return out


def _free_address(model: Model, owner: str, defaults, roles) -> int | None:
    """The first address from 0191 (the usual A-disk) up that neither the machine's
    own statements nor its other `disk` statements take."""
    used = set(defaults.addresses())
    for other in model.disks:
        number = parse_address(other.address.text)
        if number is not None and owner in model.disk_owners(other, roles):
            used.add(number)
    return next((n for n in range(0x191, 0x10000) if n not in used), None)
