"""Checks that read the dialect table (BKR250, BKR251, BKR253, BKR254, BKR256, BKR319).

Not checks of the model alone: which addresses a machine's CONSOLE, SPOOL and
LINK statements take, and whether it starts CMS, comes from the table's
machine defaults, where on a
volume minidisks may start from its `units`, and how long a selection record
is from its layouts, all of which a site may correct. `bkrdsl.pipeline.analyse`
runs `table_checks` after the other checks, with the table compile writes
from: the built-in one, or the site's (`bkrc compile --dialect`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from bkrdsl import ast
from bkrdsl.allocation import allocate
from bkrdsl.ast import Kind
from bkrdsl.check.common import (
    Suggester,
    add_disk_statements,
    disk_int,
    disk_read,
    disk_written_twice,
    listed,
    machine_meant,
    quoted,
    selections_of,
    star_left_out,
    valid_user_id,
    valid_user_or_pattern,
    volume_problem,
    workers_reported,
)
from bkrdsl.check.kinds import machines_with_taken_ids
from bkrdsl.diagnostics import Related
from bkrdsl.diagnostics.registry import register
from bkrdsl.generated import MAX_COLUMNS
from bkrdsl.resolve.model import (
    A_DISK_CYLINDERS,
    DISK_UNIT_LIMITS,
    ROLE_TEXT,
    Model,
    is_pattern,
    narrow_sfs_path,
    parse_address,
    parse_disk_unit,
    pattern_regex,
)
from bkrdsl.source import Span

if TYPE_CHECKING:
    from bkrdsl.cpdirectory import Directory
    from bkrdsl.diagnostics import Diagnostic
    from bkrdsl.dialect import Dialect

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

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2  private-volume M1PRV1 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          disk BKRBKUP 191 size 10 cyl
          disk BKRCATLG 191 size 10 cyl
          disk BKRWRK* 191 size 5 cyl
          disk BKRBKUP 190 size 10 cyl   # <- BKR250
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    (BKRBKUP links MAINT's 0190, the CMS system disk, at 0190.)

    Fix: another address, one the machine's directory statements leave free:
    `disk BKRBKUP 192 size 10 cyl`.
    """,
)


LINK_ADDRESS_TAKEN = register(
    "BKR256",
    "link-address-taken",
    "error",
    "a `link` at an address the machine's own directory statements or a `disk` of it already use",
    """
    `link MACHINE OWNER VADDR [as VADDR2] MODE` writes `LINK OWNER VADDR
    VADDR2 MODE` in the machine's directory entry: the owner's disk is
    linked at VADDR2 (VADDR when `as` is left out). The entry has other
    statements at addresses of their own: the dialect table's for its role
    (CONSOLE 0009, SPOOL 000C-000E, LINK MAINT 0190, 019D and 019E) and the
    MDISKs of its `disk` statements. A link at one of those addresses would
    define the address twice in one entry, which CP's directory tools
    (DIRECTXA, DirMaint) refuse; for an IDENTITY the LINK is in the IDENTITY
    (every member's instance links the disk) and the MDISK in its
    SUBCONFIG, which is the same conflict on every member.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2  private-volume M1PRV1 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          disk BKRBKUP 191 size 10 cyl
          disk BKRCATLG 191 size 10 cyl
          disk BKRWRK* 191 size 5 cyl
          link BKRBKUP 5697J06C 191 RR   # <- BKR256
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    (BKRBKUP's own 191 minidisk, its A-disk, is at 0191.)

    Fix: link the disk at an address the machine leaves free, with `as`:
    `link BKRBKUP 5697J06C 191 as 0192 RR`.
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

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2  private-volume M1PRV1 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          disk BKRBKUP 191 size 10 cyl on M1PRV1 at 0   # <- BKR251
          disk BKRCATLG 191 size 10 cyl
          disk BKRWRK* 191 size 5 cyl
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `at 1` or later (or leave `at` out: bkrc, or DirMaint, places it).
    """,
)


NO_A_DISK = register(
    "BKR253",
    "machine-without-a-disk",
    "warning",
    "a product machine that starts CMS gets no 191 minidisk, its A-disk",
    """
    Every product machine bkrc writes a directory entry for starts CMS (the
    dialect table's machine defaults say `IPL CMS`), and CMS accesses the
    machine's 191 minidisk as its A-disk. That disk holds the PROFILE EXEC,
    which a service machine runs when AUTOLOG1 starts it, and it is where
    the machine writes its own files. The entry's minidisks come only from
    the `disk` statements. A machine that none of them gives a 191 is
    written without an A-disk: a backup server, catalog server, worker or
    Tape Manager machine starts and does nothing, and the administrator and
    the installation user have nowhere to keep their files. For an IDENTITY,
    every member's SUBCONFIG lacks the disk.

    bkrc asks for the A-disk of a machine once the cluster declares the
    volumes its minidisks would go on: a `shared-volume` for a
    single-configuration machine (USER), a `private-volume` on every member
    an IDENTITY runs on. Without them no minidisk of the machine can be
    written (BKR245), and the file leaves its disks to the site's own
    directory. Only the A-disk is checked: the product's other disks (the
    installation user's product disks, the SFS server's file pool
    minidisks) take the addresses and sizes of IBM's Program Directory and
    of the file pool's definition; declare them with more `disk` statements.

    The workers lacking the disk are one warning, which names each of them
    with the members it runs on: a member runs the workers its `workers`
    count reaches, so with `workers 4` on VMSYS1 and VMSYS2 and `workers 2`
    on VMSYS3 and VMSYS4 the warning reads "workers `BKRWRK01`, `BKRWRK02`
    (on every member) and `BKRWRK03`, `BKRWRK04` (on `VMSYS1` and
    `VMSYS2`)". Three or more workers in a row are written as a range
    (`BKRWRK01` to `BKRWRK16`). A `disk` at 191 for a misspelt machine
    (`disk BKRSVFS 191 ...`, BKR332) counts as the A-disk of the one machine
    its "did you mean" names: the misspelling is the one mistake. So does a
    `disk` at 191 whose user is no user ID (`disk BKRBKUP#x 191 ...`, a
    comment's `#` written without a blank before it: BKR301), for the
    machine closest to it, and one whose pattern matches none of the
    machines (`disk BKRWRK*#x 191 ...`, BKR332), for the machines of the
    declared pattern closest to it, and one for the worker pattern with
    its `*` left out (`disk BKRWRK 191 ...`, BKR332), for the workers. So does a `disk` whose address is no
    address (`disk BKRBKUP 10000 ...`, BKR310) or an address the machine's
    own statements take (`disk BKRBKUP 190 ...`, BKR250): it may be the
    A-disk mistyped, and the address is the one mistake. A machine given
    another user's ID (BKR208) is that error's alone. Where a `disk` at 191
    writes the keyword twice (`disk disk 191 ...`, BKR332, which names the
    machines no `disk` gives a 191), no machine is warned of here: that
    statement is the one mistake.

    With the site's directory (`--directory USER.DIRECT`), a machine whose
    entry there already has its 0191 (a catalog server the site runs, a
    machine installed by hand) is BKR520's: the compiled entry would drop
    that minidisk, and BKR520's help writes the statement that keeps it as
    the directory has it (`disk BKRSVSFS 191 size 20 cyl on VMCOM1 at
    1000`), where this help, and its fix, would give the default size on
    the first volume.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {   # <- BKR253
          member VMSYS1 { workers 2  private-volume M1PRV1 }
          catalog shared server BKRSVSFS pool BKRPOOL   # <- BKR253
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          shared-volume VMCOM1
          disk BKRBKUP 191 size 10 cyl
          disk BKRCATLG 191 size 10 cyl
          # no 191 for the workers, the administrator, ...
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: one `disk` statement per machine, a pattern for the workers:
    `disk BKRWRK* 191 size 5 cyl`, `disk BKRADMIN 191 size 10 cyl`,
    `disk 5697J06C 191 size 10 cyl` and `disk BKRSVSFS 191 size 20 cyl`,
    the four the example lacks (one warning each), after which it checks
    clean. The help's sizes are those `bkrc init` writes: 5 cylinders for a worker,
    20 for the catalog's SFS server, 10 for the others. They are starting
    points, not IBM's figures. On a volume whose minidisks count in blocks,
    the help takes the size of the cluster's first disk there (BKR247).
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

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group CICS { CICSPRD }
          job CICSFULL {
            backup CICS full
            include sfs BKRPOOL:CICSPRD.APPLICATION-LOGS.ARCHIVE-2025-12.DECEMBER-NIGHTLY
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: select a directory higher up, with a wildcard
    (`BKRPOOL:CICSPRD.APPLICATION-LOGS.*`), or shorten the names.
    """,
)


PAST_VOLUME_END = register(
    "BKR254",
    "extent-past-volume-end",
    "error",
    "minidisks run past the end of a volume whose size the file states",
    """
    A volume list may state a volume's size after its label: a 3390 model
    (`private-volume M1PRV1 3390-3`, 3,339 cylinders; `3390-1`, `-2`, `-9`,
    `-27`, `-54`) or a count and unit joined by `-` (`262668-cyl`,
    `2097152-blk`). Its cylinders or blocks count from 0, so the last
    cylinder of a 3390-3 is 3,338. Every minidisk on it must end there: an
    explicit extent (`on VOL at START`), and, with the dialect table's
    `disk_allocation = "sequential"` (a site without DirMaint), the extents
    bkrc hands out itself, one after the other from the unit's first
    cylinder or block. A minidisk past the end names cylinders or blocks
    the volume does not have, so its machine cannot use it as written
    (whether DIRECTXA itself refuses such an extent is not confirmed: it
    need not see the volume). One error per volume, at the first
    minidisk that does not fit, names the minidisks on the volume and where
    each goes. Without a stated size only the largest volume of the unit
    bounds an extent (BKR316); with `AUTOV` (DirMaint's allocation, the
    default) DirMaint finds the space, or says there is none, itself.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2  private-volume M1PRV1 3390-3 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          disk BKRBKUP 191 size 10 cyl on M1PRV1 at 3335   # <- BKR254
          disk BKRCATLG 191 size 10 cyl
          disk BKRWRK* 191 size 5 cyl
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: start the extent lower (`at 3329` at the latest), give the minidisks
    less space or another volume (`on VOL`), or, when the volume is larger,
    state its real size (`3390-9`).

    For an explicit extent the help writes the latest start at which the
    minidisk ends on the volume and meets no other minidisk there (BKR246),
    with its line: `write `at 3329` for `at 3335` (line 7)`, or lower when
    another minidisk holds cylinders 3,329 to 3,338.
    """,
)


def table_checks(model: Model, dialect: Dialect, directory: Directory | None = None) -> list[Diagnostic]:
    """Every check that needs the dialect table, in a fixed order (`directory`: the
    site's, with `--directory`, which BKR253 leaves the A-disks it defines to)."""
    if model.cluster is None:
        return []
    return (
        disk_checks(model, dialect)
        + a_disks(model, dialect, directory)
        + long_records(model, dialect)
        + past_volume_end(model, dialect)
        + link_checks(model, dialect)
    )


class _Extent(NamedTuple):
    """A minidisk on a volume: where the message names it, whose it is, and its cylinders or blocks."""

    span: Span
    owner: str
    address: str
    start: int
    size: int
    explicit: bool
    written: str = ""  # an explicit extent's start as written (`at 03335`)
    unit: str = ""  # an explicit extent's unit as written (`cyl`), for the help's first cylinder or block

    @property
    def end(self) -> int:
        return self.start + self.size


def past_volume_end(model: Model, dialect: Dialect) -> list[Diagnostic]:
    """BKR254 for each volume of a stated size that a minidisk runs past: an explicit
    extent, or (sequential allocation) one bkrc hands out."""
    sizes = model.volume_sizes
    if not sizes:
        return []
    on_volume: dict[str, list[_Extent]] = {}
    for extent_volume, extent in _extents_on(model, dialect, sizes):
        on_volume.setdefault(extent_volume, []).append(extent)
    out = []
    for volume, extents in on_volume.items():
        capacity = sizes[volume]
        past = [e for e in extents if e.end > capacity.count]
        if past:
            out.append(_past_end(volume, capacity, extents, past[0], dialect))
    return out


def _extents_on(model: Model, dialect: Dialect, sizes: dict) -> list[tuple[str, _Extent]]:
    """The minidisks on the volumes in `sizes` whose extent is known before loading:
    every explicit `on VOL at START` extent, and with sequential allocation every
    extent bkrc assigns, in the order the directory entries write them. Allocation
    that cannot be made (no volume, mixed units, an unknown unit) is other codes'
    to report (BKR245, BKR247, BKR317): only the explicit extents are checked then."""
    out = []
    for disk in model.disks:
        start, size = disk_int(disk.start.text) if disk.start else None, disk_int(disk.size.text)
        label = disk.volume.upper if disk.volume is not None else None
        if start is not None and size and _counted_alike(disk, label, sizes):
            extent = _Extent(disk.start.span, disk.user.upper, _address(disk), start, size, True, disk.start.text, disk.unit.text)
            out.append((label, extent))
    if dialect["disk_allocation"] != "sequential":
        return out
    allocation = allocate(model, dialect)
    if allocation.error is not None:
        return out
    for p in allocation.placed:
        # p.disk.start: an explicit extent, above (another member's instance's is dropped).
        if p.disk.start is None and p.start is not None and _counted_alike(p.disk, p.volume, sizes):
            out.append((p.volume, _Extent(p.disk.size.span, p.owner, _address(p.disk), p.start, p.size, False)))
    return out


def _counted_alike(disk: ast.Disk, label: str | None, sizes: dict) -> bool:
    """Whether volume `label` has a stated size, in the unit the disk is sized in (a
    volume counted in cylinders says nothing of a minidisk's blocks: BKR247 reports it)."""
    return label in sizes and parse_disk_unit(disk.unit.text) == sizes[label].unit


def _address(disk: ast.Disk) -> str:
    number = parse_address(disk.address.text)
    return f"{number:04X}" if number is not None else disk.address.upper


#: How many minidisks BKR254's message names before it counts the rest.
_NAMED_EXTENTS = 6


def _past_end(volume: str, capacity, extents: list[_Extent], first: _Extent, dialect: Dialect) -> Diagnostic:
    words = capacity.words
    needed = max(e.end for e in extents)
    shown = sorted(extents, key=lambda e: (e.start, e.owner))
    named = [f"{e.owner} {e.address} at {e.start:,}-{e.end - 1:,}" for e in shown[:_NAMED_EXTENTS]]
    if len(shown) > _NAMED_EXTENTS:
        named.append(f"{len(shown) - _NAMED_EXTENTS} more")
    message = (
        f"`{volume}` has {capacity.described()}, {words[:-1]} 0 to {capacity.last:,}, but its minidisks reach"
        f" {words[:-1]} {needed - 1:,}: {_and(named)}"
    )
    if first.explicit:
        latest = capacity.count - first.size
        unit = dialect.unit(first.unit)
        free = _latest_free_start(first, extents, latest, unit.first if unit is not None else 0)
        if free is not None:
            help = (
                f"start {first.owner} {first.address} where it fits: write `at {free}` for `at {first.written}`"
                f" (line {first.span.line});\nor give it another volume (`on VOL`), or state `{volume}`'s real size"
                f" for `{capacity.word.text}` (line {capacity.word.span.line}) if it is larger"
            )
        else:
            fix = f"start {first.owner} {first.address} `at {latest}` at the latest" if latest >= 0 else "make it smaller"
            help = f"{fix}, give minidisks another volume (`on VOL`), or state `{volume}`'s real size if it is larger"
    else:
        help = (
            f"make the minidisks smaller, place some on another volume (`on VOL`), or state `{volume}`'s"
            " real size if it is larger"
        )
    return PAST_VOLUME_END(
        message,
        first.span,
        related=(Related(capacity.word.span, f"`{volume}`'s size is stated here"),),
        help=help,
    )


def _latest_free_start(extent: _Extent, extents: list[_Extent], latest: int, lowest: int) -> int | None:
    """The latest start, at `latest` or below (and not below `lowest`, the dialect
    table's first cylinder or block), at which `extent` ends on the volume and meets no other minidisk
    on it (BKR246); None where there is none. Tried: `latest`, and each start that ends
    the extent just before another's."""
    others = [e for e in extents if e is not extent]
    for start in sorted({latest, *(e.start - extent.size for e in others)}, reverse=True):
        if start > latest:
            continue
        if start < lowest:
            return None
        if not any(start < e.end and e.start < start + extent.size for e in others):
            return start
    return None


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
        # The dialect table's layout is named: a site's longer one is the record's
        # width too (its load takes any that fits the shortest path).
        entry = f"{selection.action.value}_sfs"
        layout = dialect[entry]
        for item in selection.items:
            paths = narrowed.get(id(item)) or [item.upper]
            record = max((layout.format(path=p) for p in paths), key=len)
            if len(record) > MAX_COLUMNS:
                out.append(
                    LONG_RECORD(
                        f"the record `{record[:30]}...` (the dialect table's {entry} around the path) would be"
                        f" {len(record)} columns; a template line has at most {MAX_COLUMNS}",
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
        # disk_int: a start that is no cylinder or block number is BKR316's (and
        # int() of thousands of digits would raise).
        start = disk_int(disk.start.text) if disk.start is not None else None
        if start is not None and unit is not None and start < unit.first:
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
                        help=_free_address_help(model, disk, free),
                    )
                )
                break
    return out


def link_checks(model: Model, dialect: Dialect) -> list[Diagnostic]:
    """BKR256 for each `link` statement at an address its machine's table statements
    or `disk` statements take (a pattern's link once, naming the first machine it reaches)."""
    from bkrdsl.check.members import link_text

    if not model.link_statements:
        return []
    roles = model.machine_roles()
    out = []
    for setting in model.link_statements:
        parts = ast.link_parts(setting)
        if parts is None or not all(w.text for w in parts if w is not None):
            continue
        at_word = parts[3] or parts[2]
        at = parse_address(at_word.text)
        if at is None:
            continue  # BKR310's
        for owner in model.link_owners(parts[0], roles):
            defaults = dialect.machines.get(roles[owner])
            used = dict(defaults.addresses()) if defaults is not None else {}
            for disk in model.disks:
                number = parse_address(disk.address.text)
                if number is not None and owner in model.disk_owners(disk, roles):
                    used.setdefault(number, f"disk {disk.user.text} {disk.address.text} (line {disk.span.line})")
            taken = used.get(at)
            if taken is None:
                continue
            # the first address from the one linked at up that nothing of the machine's takes
            others = {parse_address((p[3] or p[2]).text) for p in map(ast.link_parts, model.link_statements) if p}
            free = next((n for n in range(at + 1, 0x10000) if n not in used and n not in others), None)
            what = f"`{taken}`" if not taken.startswith("disk ") else f"its minidisk, `{taken.split(' (')[0]}`"
            if free is None:
                help = "link the disk at an address the machine does not use, with `as`"
            else:
                meant = link_text(parts, owner if parts[0].upper != owner else None, f"{free:04X}")
                meant = meant.replace(f"link {owner} ", f"link {parts[0].text} ", 1)
                help = (
                    f"link the disk at an address the machine does not use: write `{meant}` for"
                    f" `{link_text(parts)}` (line {setting.span.line})"
                )
            out.append(
                LINK_ADDRESS_TAKEN(
                    f"`{owner}`'s directory entry already uses address {at:04X}: {what}",
                    at_word.span,
                    help=help,
                )
            )
            break
    return out


def _free_address_help(model: Model, disk, free: int | None) -> str:
    """BKR250's help: the `disk` statement's address written again on one the machine
    does not use, with its line."""
    if free is None:
        return "give the minidisk an address the machine does not use"
    if disk.span.file != model.main_file:
        return f"give the minidisk an address the machine does not use, such as {free:04X}"
    return (
        f"give the minidisk an address the machine does not use: write `disk {disk.user.text} {free:04X}` for"
        f" `disk {disk.user.text} {disk.address.text}` (line {disk.address.span.line})"
    )


def _free_address(model: Model, owner: str, defaults, roles) -> int | None:
    """The first address from 0191 (the usual A-disk) up that neither the machine's
    own statements nor its other `disk` statements take."""
    used = set(defaults.addresses())
    for other in model.disks:
        number = parse_address(other.address.text)
        if number is not None and owner in model.disk_owners(other, roles):
            used.add(number)
    return next((n for n in range(0x191, 0x10000) if n not in used), None)


#: The address CMS accesses as the A-disk when it starts.
A_DISK = 0x191


def a_disks(model: Model, dialect: Dialect, directory: Directory | None = None) -> list[Diagnostic]:
    """BKR253 for each product machine that starts CMS and that no `disk` statement
    (nor its own directory statements) gives a 0191: one diagnostic per machine,
    the workers together. Only a machine the cluster declares volumes for: a
    USER when there is a shared volume, an IDENTITY when every member it runs on
    has a private one (without them no minidisk of it could be written: BKR245).
    A machine whose entry in the site's `directory` already has its 0191 is left
    to BKR520, the one mistake: the compiled entry would drop that minidisk, and
    BKR520's help writes its `disk` statement as the directory has it, where this
    one's help and fix would write another (a default size, on the first volume)."""
    held = _held_a_disk(directory)
    roles = model.machine_roles()
    machines = model.product_machines()
    shared = any(volume_problem(v) is None for v in model.shared_volumes)
    private = {m.name for m in model.members if any(volume_problem(v) is None for v in m.private_volumes)}
    having = set()
    suggest = None
    for disk in map(disk_read, model.disks):
        address = parse_address(disk.address.text)
        if address is None:
            # `disk BKRBKUP 10000 ...`: BKR310 says the address is no address. The disk
            # may be the A-disk mistyped, so its machines are not said to lack one:
            # the mistyped address is the one mistake.
            having.update(model.disk_owners(disk, roles))
        elif address != A_DISK:
            # `disk BKRBKUP 190 ...`, an address the machine's own statements take: BKR250
            # says so, and names 0191; the disk may be the A-disk mistyped, as above.
            for owner in model.disk_owners(disk, roles):
                defaults = dialect.machines.get(roles.get(owner, ""))
                if defaults is not None and address in defaults.addresses():
                    having.add(owner)
        else:
            owners = model.disk_owners(disk, roles)
            having.update(owners)
            user = disk.user.upper
            if owners:
                continue
            if disk_written_twice(disk):
                # `disk disk 191 ...`: the machine's ID never written, BKR332's one error,
                # whose help names the machines no `disk` gives a 191: theirs to say
                return []
            suggest = suggest or Suggester()
            if is_pattern(user):
                # A pattern that matches no machine (`disk BKRWRK*#x 191 ...`, BKR332) is
                # the A-disk of the machines of the one declared pattern it is closest to.
                patterns = [p.pattern for p in model.pattern_defs]
                close = suggest.closest(user, patterns) if valid_user_or_pattern(user) else []
                if len(close) == 1:
                    rx = pattern_regex(close[0])
                    having.update(m for m in roles if rx.match(m))
            elif (pattern := star_left_out(model, user)) is not None:
                # `disk BKRWRK 191 ...`, the worker pattern's `*` left out: BKR332, whose
                # fix writes it; the workers' A-disk, not a second mistake
                rx = pattern_regex(pattern)
                having.update(m for m in roles if rx.match(m))
            else:
                # A misspelt machine (`disk BKRSVFS 191 ...`) is BKR332, whose fix writes
                # the one closest machine; a user that is no user ID (`disk BKRBKUP#x 191`,
                # BKR301) is the closest machine's too: this is that machine's A-disk,
                # not a second mistake.
                close = machine_meant(model, suggest, user, (A_DISK,), machines)
                if len(close) == 1:
                    having.add(close[0])
    taken = machines_with_taken_ids(model)
    lacking: dict[str, list[str]] = {}  # one list per diagnostic: the workers share one
    for machine, role in roles.items():
        defaults = dialect.machines.get(role)
        if machine in having or defaults is None or not defaults.ipls_cms() or A_DISK in defaults.addresses():
            continue
        if not valid_user_id(machine):
            continue  # BKR301: a name no directory entry can have
        if machine in taken:
            continue  # BKR208: another user's ID, the one mistake
        kind, members = machines[machine]
        # An IDENTITY on no member (a cluster without members: BKR119) has no
        # SUBCONFIG to lack the disk.
        if not (shared if kind is Kind.SINGLE else members and private.issuperset(members)):
            continue
        if held(machine, kind, members):
            continue  # BKR520
        if role == "worker" and all(workers_reported(model.member(m)) for m in members):
            continue  # BKR241, BKR316: the workers a count CP would not take adds (`workers 99`)
        lacking.setdefault("worker" if role == "worker" else machine, []).append(machine)
    return [_no_a_disk(model, ids, roles, machines) for ids in lacking.values()]


def _held_a_disk(directory: Directory | None):
    """(machine, kind, members) -> whether the site's directory defines the machine's
    0191 (`check.directory.holds_minidisk`); never, without a directory that could be
    read (check/directory.py is imported only with one)."""
    if directory is None or not directory.readable:
        return lambda machine, kind, members: False
    from bkrdsl.check.directory import holds_minidisk

    return lambda machine, kind, members: holds_minidisk(directory, machine, kind, members, A_DISK)


def _no_a_disk(model: Model, ids: list[str], roles: dict[str, str], machines) -> Diagnostic:
    role = roles[ids[0]]
    kind, members = machines[ids[0]]
    # "no 191 on every member" would read as "not on all of them": say "any".
    where = f" on {_members_text(model, members, every='any member')}" if kind is Kind.IDENTITY else ""
    if role == "worker":
        # Workers run on the members whose `workers` count reaches them: each group
        # of workers that runs on the same members is named with those members.
        groups: dict[tuple[str, ...], list[str]] = {}
        for machine in ids:
            groups.setdefault(machines[machine][1], []).append(machine)
        workers = [m for m, r in roles.items() if r == "worker"]
        if len(groups) == 1:
            subject = f"worker {quoted(ids[0])}" if len(ids) == 1 else f"workers {_and(_runs(ids, workers))}"
        else:
            parts = [
                f"{', '.join(_runs(group, workers))} (on {_members_text(model, on)})"
                for on, group in groups.items()
            ]
            subject, where = f"workers {_and(parts)}", ""
        pattern = model.worker_pattern
        everyone = len(ids) == len(workers)
        name = pattern if everyone and pattern is not None else ids[0]
        more = "" if name == pattern or len(ids) == 1 else " (one for each of them)"
    else:
        subject = f"{quoted(ids[0])}, {ROLE_TEXT[role]},"
        name, more = ids[0], ""
    statement = f"disk {name} 191 size {_size_like(model, kind, machines, role)}"
    help = f"add `{statement}`{more} to cluster `{model.name}`"
    span, related = _where_declared(model, ids[0] if role != "worker" else None, role)
    several = role == "worker" and len(ids) > 1
    return NO_A_DISK(
        f"{subject} {'get' if several else 'gets'} no 191 minidisk{where}: CMS would start"
        f" {'them' if several else 'it'} without an A-disk or PROFILE EXEC",
        span,
        related=related,
        help=help,
        fix=None if more else add_disk_statements(model, (statement,), _disks_before(model, ids[0], roles)),
    )


def _disks_before(model: Model, machine: str, roles: dict[str, str]) -> list:
    """The `disk` statements of the machines listed before `machine` (`Model.machine_roles`:
    the backup server, the catalog server, the workers, the catalog's SFS server, the
    administrator...): a machine's A-disk is added after the last of them, in that
    order, as the examples write them (`disk BKRSVSFS` between `disk BKRWRK*` and
    `disk BKRADMIN`, not after `disk 5697J06C`)."""
    order = {m: n for n, m in enumerate(roles)}
    rank = order.get(machine, len(order))
    out = []
    for disk in model.disks:
        owners = model.disk_owners(disk, roles)
        if owners and max(order.get(o, len(order)) for o in owners) < rank:
            out.append(disk)
    return out


def _runs(ids: list[str], order: list[str]) -> list[str]:
    """`ids` as runs of neighbours in `order` (the workers BKRWRK01, BKRWRK02...):
    three or more as `BKRWRK01` to `BKRWRK04`, fewer one by one."""
    place = {machine: i for i, machine in enumerate(order)}
    runs: list[list[str]] = []
    for machine in sorted(ids, key=place.__getitem__):
        if runs and place[machine] == place[runs[-1][-1]] + 1:
            runs[-1].append(machine)
        else:
            runs.append([machine])
    out: list[str] = []
    for run in runs:
        out += [f"{quoted(run[0])} to {quoted(run[-1])}"] if len(run) > 2 else [quoted(m) for m in run]
    return out


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _members_text(model: Model, members: tuple[str, ...], every: str = "every member") -> str:
    """`VMSYS1` and `VMSYS2`; `every` ("every member") for all of three or more."""
    if len(members) > 2 and set(members) == set(model.member_names):
        return every
    return listed(members, limit=8)


def _size_like(model: Model, kind: Kind, machines, role: str) -> str:
    """`N UNIT` for a `disk` statement giving a machine of `role` its A-disk: the
    role's size in cylinders (A_DISK_CYLINDERS, the figures `bkrc init` writes),
    unless the cluster's first valid `disk` statement that lands where the
    suggested one would (a machine of the same kind, on the volume bkrc picks for
    it) counts in blocks: then that statement's size and unit, so that the
    volume's minidisks keep one unit (BKR247); bkrc has no block figures of its own."""
    cylinders = f"{A_DISK_CYLINDERS.get(role, 10)} cyl"
    if kind is Kind.SINGLE:
        picked = set(model.shared_volumes[:1])
    else:
        picked = {m.private_volumes[0] for m in model.members if m.private_volumes}
    for disk in model.disks:
        owners = model.disk_owners(disk, machines)
        unit = parse_disk_unit(disk.unit.text)
        size = disk_int(disk.size.text)
        if (
            owners
            and machines[owners[0]][0] is kind
            and (disk.volume is None or disk.volume.upper in picked)
            and unit is not None
            and size
            and size <= DISK_UNIT_LIMITS[unit]
        ):
            return cylinders if unit == "CYL" else f"{size} {unit.lower()}"
    return cylinders


def _where_declared(model: Model, machine: str | None, role: str):
    """The place to point at: where the cluster block names the machine (the catalog's
    `server`, a `tape manager` node), else the cluster's name, where the `disk`
    statement goes; and the machine's own declaration when it is elsewhere."""
    named = {}
    catalog, tape = model.catalog, model.tape
    if catalog is not None and catalog.server is not None and catalog.server_span is not None:
        named[catalog.server] = catalog.server_span
    if tape is not None:
        named.update(tape.machines())
    span = named.get(machine) if machine is not None else None
    if span is not None:
        return span, ()
    if machine is None:
        decl = next(iter(model.role_patterns(role)), None) or next(iter(model.role_users(role)), None)
        what = "the workers are declared here"
    else:
        decl = model.user(machine)
        what = f"{machine} is declared here"
    related = (Related(decl.span, what),) if decl is not None else ()
    return model.cluster.name.span, related
