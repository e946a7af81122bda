"""CP directory entries for the product's machines, one CMS file `ID DIRECT` per entry.

SSI rules 2-4: the backup server, the catalog server and the workers are
multiconfiguration users (an IDENTITY entry with one `BUILD ON member USING
SUBCONFIG sub` per member, and one SUBCONFIG entry per member holding that
member's minidisks on its private volume); the administrator, the installation
user and the shared catalog's SFS server are single-configuration users (a
USER entry, minidisks on shared DASD). With a shared Tape Manager (SSI rule 7)
its catalog node is a USER too, logged on to the member that holds the tape
catalog, and its request node an IDENTITY built on every other member, the
members whose Tape Manager asks the catalog node for tapes; each node's
Device Manager Machine, when the `tape manager` statement names it, is
written like its node and on the same members. Passwords,
storage, classes and the common statements come from the dialect table's
`machines` defaults.

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
their disks are written. Both are deterministic. A USER or SUBCONFIG entry
with no `disk` statement says so (`* No minidisks of its own.`) where its
MDISK statements would be.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from bkrdsl import ast
from bkrdsl.ast import Kind, Scope
from bkrdsl.dialect import Dialect, placeholders
from bkrdsl.emit.common import (
    DIRECTORY,
    Artifact,
    EmitError,
    Extent,
    address,
    cluster_path,
    header_texts,
    lines_to_text,
    star_comments,
)
from bkrdsl.records import dataclass
from bkrdsl.resolve.model import ROLE_TEXT, Model, subconfig_id


@dataclass(frozen=True)
class Machine:
    """A product machine bkrc writes a directory entry for."""

    id: str
    role: str
    kind: Kind
    members: tuple[str, ...]  # where an IDENTITY is built; () for a USER


@dataclass(frozen=True)
class Minidisk:
    address: str
    devtype: str
    start: int | None  # None: automatic (AUTOV)
    size: int
    volume: str


def machines(model: Model) -> list[Machine]:
    """Every product machine of the cluster, in a fixed order, each once (the model's
    `product_machines`), with the role that names its dialect defaults."""
    roles = model.machine_roles()
    return [Machine(m, roles[m], kind, members) for m, (kind, members) in model.product_machines().items()]


def disks_by_machine(model: Model, found: list[Machine]) -> dict[str, list[ast.Disk]]:
    """The `disk` statements of each machine; a pattern (BKRWRK*) gives every worker it matches."""
    ids = [m.id for m in found]
    out: dict[str, list[ast.Disk]] = {i: [] for i in ids}
    for disk in model.disks:
        owners = model.disk_owners(disk, ids)
        if not owners:
            raise EmitError(
                f"disk {disk.user.text} {disk.address.text}: {disk.user.text} is not one of the"
                " product machines bkrc writes directory entries for"
            )
        for owner in owners:
            out[owner].append(disk)
    return out


class Allocator:
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

    def unit(self, disk: ast.Disk):
        unit = self.dialect.unit(disk.unit.text)
        if unit is None:
            known = ", ".join(sorted(self.dialect.units))
            raise EmitError(f"disk {disk.user.text} {disk.address.text}: unknown size unit {disk.unit.text!r} ({known})")
        return unit

    def _claim(self, volume: str, unit: str, start: int, size: int) -> None:
        if self.units.setdefault(volume, unit) != unit:
            raise EmitError(f"volume {volume} holds minidisks sized in both {self.units[volume]} and {unit}")
        self.used.setdefault(volume, []).append((start, start + size))

    def place(self, disk: ast.Disk, volume: str) -> Minidisk:
        unit = self.unit(disk)
        size = _number(disk.size, disk)
        start = _number(disk.start, disk) if disk.start is not None else None
        if start is None and self.sequential:
            start = self._first_free(volume, unit.first, size)
            self._claim(volume, unit.name, start, size)
        return Minidisk(address(disk.address.text), unit.devtype, start, size, volume)

    def _first_free(self, volume: str, first: int, size: int) -> int:
        start = first
        for lo, hi in sorted(self.used.get(volume, [])):
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
        raise EmitError(f"disk {disk.user.text} {disk.address.text}: {word.text!r} is not a whole number")
    return int(word.text)


def _volume(disk: ast.Disk, default: str | None, where: str) -> str:
    if disk.volume is not None:
        return disk.volume.upper
    if default is None:
        raise EmitError(f"disk {disk.user.text} {disk.address.text}: no volume for it ({where})")
    return default


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


def _mdisk(disk: Minidisk, dialect: Dialect) -> str:
    fields = dict(address=disk.address, devtype=disk.devtype, size=str(disk.size), volume=disk.volume)
    fields["mode"] = dialect["disk_mode"]
    if disk.start is None:
        return dialect.text("directory_mdisk_auto", **fields)
    return dialect.text("directory_mdisk", start=str(disk.start), **fields)


def _extents(placed: Sequence[Minidisk]) -> tuple[Extent, ...]:
    """The minidisks whose extent the entry writes (not DirMaint's AUTOV), for the manifest."""
    return tuple(Extent(d.address, d.volume, d.start, d.size) for d in placed if d.start is not None)


def _pool_scope(model: Model, dialect: Dialect) -> str | None:
    """How the catalog's SFS server identifies its file pool (`{pool_scope}`): a
    shared catalog's one USER globally, so that every member reaches the pool; a
    local catalog's IDENTITY locally, since each member's instance serves a pool
    of the same name, and a global resource name must be unique in the collection."""
    if model.catalog is None:
        return None
    key = "pool_scope_shared" if model.catalog.scope is Scope.SHARED else "pool_scope_local"
    return dialect[key]


def _statements(model: Model, machine: Machine, dialect: Dialect) -> list[str]:
    values = {"admin": model.admin, "pool_scope": _pool_scope(model, dialect)}
    out = []
    for statement in dialect.machines[machine.role].statements:
        wanted = placeholders(statement)
        if all(values.get(name) for name in wanted):
            out.append(statement.format(**{name: values[name] for name in wanted}))
    return out


def _machine_words(model: Model, machine: Machine) -> str:
    return f"{machine.id}, {ROLE_TEXT[machine.role]} of cluster {model.name}"


def _listed(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


#: What a Tape Manager node needs besides its Tape Manager Machine (TMM)
#: (Tape Manager 1.3, "Catalog Options": a TMM and a Device Manager Machine
#: at least, a Library Manager Machine with an automated tape library or
#: virtual tape server), as the entries' headers say it. bkrc writes a node's
#: DMM when the `tape manager` statement names it (`catalog-dmm`,
#: `request-dmm`), never an LMM.
LMM = "a Library Manager Machine (LMM) when it uses an automated tape library"
TAPE_OTHERS = (
    f"Each node also needs its Device Manager Machine (DMM), and {LMM}: bkrc does not write their entries."
)
TAPE_ONLY_LMM = f"Each node also needs {LMM}: bkrc does not write its entry."
#: Each node's TMM role -> its DMM's role.
TAPE_DMMS = {"tape-catalog-node": "tape-catalog-dmm", "tape-request-node": "tape-request-dmm"}
#: A node whose DMM is the only one missing, as the header names it.
_NEEDS = {
    "tape-catalog-node": "The catalog node also needs its",
    "tape-request-node": "The request nodes also need their",
}


def _tape_others(model: Model) -> str:
    """What the Tape Manager entries' headers say bkrc does not write: the DMM of
    each node written without one, and the LMMs."""
    roles = {n.role for n in model.tape_nodes()}
    lacking = [node for node, dmm in TAPE_DMMS.items() if node in roles and dmm not in roles]
    if not lacking:
        return TAPE_ONLY_LMM
    if len(lacking) == len(roles & TAPE_DMMS.keys()):
        return TAPE_OTHERS
    (node,) = lacking  # one of the two nodes has its DMM: name the other
    return (
        f"{_NEEDS[node]} Device Manager Machine (DMM), and each node {LMM}:"
        " bkrc does not write their entries."
    )


def _where(model: Model, machine: Machine) -> list[str]:
    """Where a Tape Manager machine runs and why, for its entry's header (SSI rule 7)."""
    nodes = model.tape_nodes()
    node = next((n for n in nodes if n.role == machine.role), None)
    if node is None:
        return []
    tape = model.tape
    if node.role == "tape-catalog-node":
        where = (
            f"It logs on to {tape.catalog_member} only (catalog-node {node.id} on"
            f" {tape.catalog_member}): the one catalog node keeps the tape catalog every"
            " member shares."
        )
    elif node.role == "tape-request-node":
        where = (
            f"It runs on {_listed(node.members)}: every member except {tape.catalog_member}, whose"
            f" catalog node {tape.catalog_node} keeps the shared tape catalog; a request"
            " node asks it for tapes."
        )
    else:  # a DMM: written only with its node's TMM, on the same members
        tmm = next(n.id for n in nodes if TAPE_DMMS.get(n.role) == node.role)
        option = node.role.removeprefix("tape-")
        where = (
            f"It runs on {_listed(node.members)}, beside its node's Tape Manager Machine {tmm}"
            f" ({option} {node.id}). BKRSTART does not start it: bkrc assumes {tmm} does."
        )
    return [where, _tape_others(model)]


@dataclass
class _Context:
    """What every entry of one compile shares: the model, the table, the disks, the allocator."""

    model: Model
    source: str
    dialect: Dialect
    disks: dict[str, list[ast.Disk]]
    allocator: Allocator

    @property
    def indent(self) -> str:
        return self.dialect["directory_indent"]

    def path(self, entry_id: str) -> str:
        return cluster_path(entry_id, self.dialect["directory_filetype"])

    def header(self, what: str, notes: Sequence[str] = ()) -> list[str]:
        return star_comments(self.dialect["directory_comment"], [*header_texts(self.source, what), *notes])

    def mdisks(self, placed: Sequence[Minidisk]) -> list[str]:
        return [self.indent + _mdisk(disk, self.dialect) for disk in placed]

    def no_minidisks(self) -> list[str]:
        """Where a USER's or a SUBCONFIG's MDISK statements would be, when it has none:
        a reader then knows none were left out."""
        return star_comments(self.dialect["directory_comment"], ["No minidisks of its own."])


def _operands(machine: Machine, dialect: Dialect) -> dict[str, str]:
    d = dialect.machines[machine.role]
    return dict(id=machine.id, password=d.password, storage=d.storage, maxstorage=d.maxstorage, classes=d.classes)


def _user_minidisks(ctx: _Context, machine: Machine) -> list[tuple[ast.Disk, Minidisk]]:
    """A USER's minidisks, each with its `disk` statement, placed (on shared DASD by default)."""
    shared = next(iter(ctx.model.shared_volumes), None)
    return [
        (disk, ctx.allocator.place(disk, _volume(disk, shared, "declare a shared-volume")))
        for disk in ctx.disks[machine.id]
    ]


def _member_minidisks(ctx: _Context, machine: Machine, name: str) -> list[tuple[ast.Disk, Minidisk]]:
    """The minidisks of an IDENTITY's SUBCONFIG on member `name`, each with its `disk`
    statement, placed (on the member's first private volume by default)."""
    model = ctx.model
    member = model.member(name)
    private = member.private_volumes[0] if member.private_volumes else None
    out = []
    for disk in ctx.disks[machine.id]:
        if not model.places_instance(disk, machine.id, name):
            continue  # another statement places this member's instance
        disk = _for_member(model, disk, name)
        where = _volume(disk, private, f"member {name} declares no private-volume")
        out.append((disk, ctx.allocator.place(disk, where)))
    return out


@dataclass(frozen=True)
class Allocation:
    """One minidisk as the directory entries write it: whose, on which member's
    SUBCONFIG (None for a USER), from which `disk` statement, and where."""

    owner: str
    member: str | None
    disk: ast.Disk
    minidisk: Minidisk


def allocations(model: Model, dialect: Dialect) -> list[Allocation]:
    """Every minidisk the directory entries write, in the order they write them (the
    order sequential allocation hands out extents in). Raises EmitError where the
    entries could not be written."""
    found = machines(model)
    ctx = _Context(model, "", dialect, disks_by_machine(model, found), Allocator(model, dialect))
    out = []
    for machine in found:
        if machine.kind is Kind.SINGLE:
            out += [Allocation(machine.id, None, d, m) for d, m in _user_minidisks(ctx, machine)]
            continue
        for name in machine.members:
            out += [Allocation(machine.id, name, d, m) for d, m in _member_minidisks(ctx, machine, name)]
    return out


def _user_entry(ctx: _Context, machine: Machine) -> Artifact:
    """A single-configuration user: USER, the common statements, minidisks on shared DASD."""
    model, dialect = ctx.model, ctx.dialect
    lines = ctx.header(f"USER entry of {_machine_words(model, machine)}.", _where(model, machine))
    lines.append(dialect.text("directory_user", **_operands(machine, dialect)))
    lines.extend(ctx.indent + s for s in _statements(model, machine, dialect))
    if not ctx.disks[machine.id]:
        lines.extend(ctx.no_minidisks())
    placed = [minidisk for _, minidisk in _user_minidisks(ctx, machine)]
    lines.extend(ctx.mdisks(placed))
    return Artifact(ctx.path(machine.id), lines_to_text(lines), DIRECTORY, minidisks=_extents(placed))


def _identity_entries(ctx: _Context, machine: Machine) -> list[Artifact]:
    """A multiconfiguration user: IDENTITY with its BUILD statements, then one SUBCONFIG per member."""
    model, dialect = ctx.model, ctx.dialect
    subs = [(name, subconfig_id(machine.id, model.member(name).ordinal)) for name in machine.members]
    lines = ctx.header(f"IDENTITY entry of {_machine_words(model, machine)}.", _where(model, machine))
    lines.append(dialect.text("directory_identity", **_operands(machine, dialect)))
    lines.extend(ctx.indent + dialect.text("directory_build", member=m, subconfig=s) for m, s in subs)
    lines.extend(ctx.indent + s for s in _statements(model, machine, dialect))
    out = [Artifact(ctx.path(machine.id), lines_to_text(lines), DIRECTORY)]
    for name, sub in subs:
        lines = ctx.header(f"SUBCONFIG {sub}: {machine.id} on member {name} (IDENTITY {machine.id}).")
        lines.append(dialect.text("directory_subconfig", subconfig=sub))
        if not ctx.disks[machine.id]:
            lines.extend(ctx.no_minidisks())
        placed = [minidisk for _, minidisk in _member_minidisks(ctx, machine, name)]
        lines.extend(ctx.mdisks(placed))
        out.append(Artifact(ctx.path(sub), lines_to_text(lines), DIRECTORY, member=name, minidisks=_extents(placed)))
    return out


def directory_entries(model: Model, source: str, dialect: Dialect) -> list[Artifact]:
    """One artifact per USER, IDENTITY and SUBCONFIG entry, machine by machine."""
    found = machines(model)
    ctx = _Context(model, source, dialect, disks_by_machine(model, found), Allocator(model, dialect))
    out: list[Artifact] = []
    for machine in found:
        if machine.kind is Kind.SINGLE:
            out.append(_user_entry(ctx, machine))
        else:
            out.extend(_identity_entries(ctx, machine))
    return out
