"""Which minidisk goes where: the product machines' minidisks, placed on volumes.

The model placed by the dialect table (`disk_allocation`, `units`): every
minidisk the directory entries write, whose it is, on which member's SUBCONFIG,
on which volume, and from which cylinder or block. Two consumers of the model
read it: the directory emitter writes its MDISK statements from it, and BKR254
(`bkrdsl.check.tables`) checks the extents it hands out against the volumes'
stated sizes. `allocate` works it out once per model and table, for both
(docs/architecture.md, "Layers").

Minidisks come from the `disk` statements. `on VOL at START` is an explicit
extent (for an IDENTITY, naming one member's private volume places that
member's instance only; the others are allocated on their own private
volumes, unless another statement for the same address names theirs: one
statement per member gives every instance a fixed extent, see
`Model.places_instance`). Otherwise the volume is the member's first private volume (IDENTITY)
or the cluster's first shared volume (USER), and the extent is automatic: with
`disk_allocation = "autov"` DirMaint places it (`AUTOV`), with "sequential"
bkrc assigns the lowest free extent of the volume, after the unit's first
cylinder or block, around every explicit extent, in the order the entries and
their disks are written. Both are deterministic.

`machine_statements`: the rest of each machine's entry, its dialect table
statements, which the check against the site's directory compares too.
"""

from __future__ import annotations

import dataclasses

from bkrdsl import ast
from bkrdsl.ast import Kind
from bkrdsl.dialect import Dialect, Unit, placeholders
from bkrdsl.records import dataclass
from bkrdsl.resolve.model import Model


class AllocationError(Exception):
    """A minidisk that cannot be placed (the checker reports why: BKR245, BKR247, BKR317...)."""


@dataclass(frozen=True)
class Machine:
    """A product machine bkrc writes a directory entry for."""

    id: str
    role: str
    kind: Kind
    members: tuple[str, ...]  # where an IDENTITY is built; () for a USER


@dataclass(frozen=True)
class Placed:
    """One minidisk as the directory entries write it: whose, on which member's
    SUBCONFIG (None for a USER), from which `disk` statement (as that member's
    instance reads it), and where."""

    owner: str
    member: str | None
    disk: ast.Disk
    volume: str
    start: int | None  # None: automatic, DirMaint places it (AUTOV)
    size: int
    devtype: str


@dataclass(frozen=True)
class Allocation:
    """Every product machine, its `disk` statements and its minidisks placed; or,
    when they cannot all be placed, why (`error`, the first reason met)."""

    machines: tuple[Machine, ...]
    disks: dict[str, tuple[ast.Disk, ...]]
    #: Each entry's minidisks, by (owner, member: None for a USER), in the order the
    #: entries and their MDISK statements are written.
    entries: dict[tuple[str, str | None], tuple[Placed, ...]]
    error: str | None = None

    def of(self, owner: str, member: str | None = None) -> tuple[Placed, ...]:
        """The minidisks of a USER (`member` None) or of an IDENTITY's SUBCONFIG on `member`."""
        return self.entries.get((owner, member), ())

    @property
    def placed(self) -> list[Placed]:
        """Every minidisk, in the order the entries write them (the order sequential
        allocation hands out extents in)."""
        return [p for entry in self.entries.values() for p in entry]


def allocate(model: Model, dialect: Dialect) -> Allocation:
    """The model's minidisks placed by `dialect`, worked out once per model and
    table: the checks and the emitters of one compile share the one result."""
    known = model.allocations.get(id(dialect))
    if known is None or known[0] is not dialect:  # the table kept beside it: its id is never reused meanwhile
        known = model.allocations[id(dialect)] = (dialect, _allocate(model, dialect))
    return known[1]


def _allocate(model: Model, dialect: Dialect) -> Allocation:
    found = machines(model)
    disks: dict[str, tuple[ast.Disk, ...]] = {}
    entries: dict[tuple[str, str | None], tuple[Placed, ...]] = {}
    try:
        disks = disks_by_machine(model, found)
        allocator = _Allocator(model, dialect)
        for machine in found:
            if machine.kind is Kind.SINGLE:
                entries[machine.id, None] = _user_minidisks(model, allocator, machine, disks[machine.id])
            else:
                for name in machine.members:
                    entries[machine.id, name] = _member_minidisks(model, allocator, machine, name, disks[machine.id])
    except AllocationError as err:
        return Allocation(tuple(found), disks, {}, str(err))
    return Allocation(tuple(found), disks, entries)


def machines(model: Model) -> list[Machine]:
    """Every product machine of the cluster, in a fixed order, each once (the model's
    `product_machines`), with the role that names its dialect defaults."""
    roles = model.machine_roles()
    return [Machine(m, roles[m], kind, members) for m, (kind, members) in model.product_machines().items()]


def disks_by_machine(model: Model, found: list[Machine]) -> dict[str, tuple[ast.Disk, ...]]:
    """The `disk` statements of each machine; a pattern (BKRWRK*) gives every worker it matches."""
    ids = [m.id for m in found]
    out: dict[str, list[ast.Disk]] = {i: [] for i in ids}
    for disk in model.disks:
        owners = model.disk_owners(disk, ids)
        if not owners:
            raise AllocationError(
                f"disk {disk.user.text} {disk.address.text}: {disk.user.text} is not one of the"
                " product machines bkrc writes directory entries for"
            )
        for owner in owners:
            out[owner].append(disk)
    return {owner: tuple(owned) for owner, owned in out.items()}


class _Allocator:
    """Extents for minidisks without `at START`, per volume (see the module note)."""

    def __init__(self, model: Model, dialect: Dialect) -> None:
        self.dialect = dialect
        self.sequential = dialect["disk_allocation"] == "sequential"
        self.used: dict[str, list[tuple[int, int]]] = {}
        self.units: dict[str, str] = {}
        machines = model.product_machines()
        for disk in model.disks:
            if disk.volume is not None and disk.start is not None and _placed_there(model, disk, machines):
                unit = self.unit(disk)
                self._claim(disk.volume.upper, unit.name, _number(disk.start, disk), _number(disk.size, disk))

    def unit(self, disk: ast.Disk) -> Unit:
        unit = self.dialect.unit(disk.unit.text)
        if unit is None:
            known = ", ".join(sorted(self.dialect.units))
            raise AllocationError(
                f"disk {disk.user.text} {disk.address.text}: unknown size unit {disk.unit.text!r} ({known})"
            )
        return unit

    def _claim(self, volume: str, unit: str, start: int, size: int) -> None:
        if self.units.setdefault(volume, unit) != unit:
            raise AllocationError(f"volume {volume} holds minidisks sized in both {self.units[volume]} and {unit}")
        self.used.setdefault(volume, []).append((start, start + size))

    def place(self, owner: str, member: str | None, disk: ast.Disk, volume: str) -> Placed:
        unit = self.unit(disk)
        size = _number(disk.size, disk)
        start = _number(disk.start, disk) if disk.start is not None else None
        if start is None and self.sequential:
            start = self._first_free(volume, unit.first, size)
            self._claim(volume, unit.name, start, size)
        return Placed(owner, member, disk, volume, start, size, unit.devtype)

    def _first_free(self, volume: str, first: int, size: int) -> int:
        return first_free(self.used.get(volume, []), first, size)


def first_free(used: list[tuple[int, int]], first: int, size: int) -> int:
    """The lowest start from `first` at which `size` units are clear of every extent
    of `used` ((start, one past the last)): sequential allocation's rule."""
    start = first
    for lo, hi in sorted(used):
        if start + size <= lo:
            break
        start = max(start, hi)
    return start


def _placed_there(model: Model, disk: ast.Disk, machines: dict) -> bool:
    """Whether an explicit extent is written: on a private volume, only when one of
    the disk's IDENTITY machines runs on that volume's member (BKR252 reports the
    others); otherwise always. An extent nobody gets reserves nothing."""
    member = model.private_volumes.get(disk.volume.upper)
    if member is None:
        return True
    return any(
        kind is not Kind.IDENTITY or member in members
        for kind, members in (machines[m] for m in model.disk_owners(disk, machines))
    )


def _number(word: ast.Word, disk: ast.Disk) -> int:
    if not word.text.isdigit():
        raise AllocationError(f"disk {disk.user.text} {disk.address.text}: {word.text!r} is not a whole number")
    return int(word.text)


def _volume(disk: ast.Disk, volume: str | None, where: str) -> str:
    """The volume `entry_disks` found for `disk`; AllocationError where there is none."""
    if volume is None:
        raise AllocationError(f"disk {disk.user.text} {disk.address.text}: no volume for it ({where})")
    return volume


def _for_member(model: Model, disk: ast.Disk, member: str) -> ast.Disk:
    """An IDENTITY's disk as one member's SUBCONFIG gets it.

    `on VOL [at START]` naming another member's private volume places only
    that member's instance; this member's gets an automatic extent on its own
    private volume.
    """
    if disk.volume is None:
        return disk
    owner = model.private_volumes.get(disk.volume.upper)
    if owner is None or owner == member:
        return disk
    return dataclasses.replace(disk, volume=None, start=None)


def entry_disks(model: Model, machine: Machine, member: str | None, disks) -> list[tuple[ast.Disk, str | None]]:
    """The minidisks of `machine`'s USER entry (`member` None) or of its IDENTITY's
    SUBCONFIG on `member`, in the order the entry writes them: each `disk`
    statement as that entry reads it (`_for_member`), and the volume it goes on
    (on shared DASD by default for a USER, on the member's first private volume
    for an IDENTITY; None where the cluster declares no such volume, which the
    checker reports). `disks`: the machine's `disk` statements (`disks_by_machine`).
    The allocation places these; `bkrc show --against` compares them."""
    if member is None:
        shared = next(iter(model.shared_volumes), None)
        return [(disk, disk.volume.upper if disk.volume is not None else shared) for disk in disks]
    private_volumes = model.member(member).private_volumes
    private = private_volumes[0] if private_volumes else None
    out = []
    for disk in disks:
        if not model.places_instance(disk, machine.id, member):
            continue  # another statement places this member's instance
        disk = _for_member(model, disk, member)
        out.append((disk, disk.volume.upper if disk.volume is not None else private))
    return out


def _user_minidisks(model: Model, allocator: _Allocator, machine: Machine, disks) -> tuple[Placed, ...]:
    """A USER's minidisks, placed (on shared DASD by default)."""
    return tuple(
        allocator.place(machine.id, None, disk, _volume(disk, volume, "declare a shared-volume"))
        for disk, volume in entry_disks(model, machine, None, disks)
    )


def _member_minidisks(
    model: Model, allocator: _Allocator, machine: Machine, name: str, disks
) -> tuple[Placed, ...]:
    """The minidisks of an IDENTITY's SUBCONFIG on member `name`, placed (on the
    member's first private volume by default)."""
    where = f"member {name} declares no private-volume"
    return tuple(
        allocator.place(machine.id, name, disk, _volume(disk, volume, where))
        for disk, volume in entry_disks(model, machine, name, disks)
    )


# -- what else each machine's entry says
def machine_statements(model: Model, machine: Machine, dialect: Dialect) -> list[str]:
    """The statements the directory entry of `machine` writes besides its USER or
    IDENTITY statement, its BUILD and its MDISK statements: the dialect table's
    `statements` for its role, `{admin}` and `{pool_scope}` filled in, a line
    naming a value the cluster does not have left out; then the LINK statements the
    file's `link` statements give the machine (`Model.links_of`), in the order written.
    The emitter writes them, and the check against the site's directory (BKR524)
    compares with them, so a LINK the file states is one the compiled entry keeps."""
    values = {"admin": lambda: model.admin, "pool_scope": lambda: _pool_scope(model, dialect)}
    out = []
    for statement in dialect.machine(machine.role).statements:
        # Each value read only for a statement that wants it: an emitter's
        # reading of the table (emit.common.Reading) notes what the file names.
        filled = {name: values[name]() if name in values else None for name in placeholders(statement)}
        if all(filled.values()):
            out.append(statement.format(**filled))
    out.extend(model.links_of(machine.id))
    return out


def _pool_scope(model: Model, dialect: Dialect) -> str | None:
    """How the catalog's SFS server identifies its file pool (`{pool_scope}`): a
    shared catalog's one USER globally, so that every member reaches the pool; a
    local catalog's IDENTITY locally, since each member's instance serves a pool
    of the same name, and a global resource name must be unique in the collection."""
    if model.catalog is None:
        return None
    key = "pool_scope_shared" if model.catalog.scope is ast.Scope.SHARED else "pool_scope_local"
    return dialect[key]
