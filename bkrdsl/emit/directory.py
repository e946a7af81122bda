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

Minidisks come from the `disk` statements, placed by `bkrdsl.allocation`
(which volume, and with `disk_allocation = "sequential"` which extent, each
machine's instance gets), the walk BKR254 checks too. A USER or SUBCONFIG
entry with no `disk` statement says so (`* No minidisks of its own.`) where
its MDISK statements would be.
"""

from __future__ import annotations

from collections.abc import Sequence

from bkrdsl.allocation import Allocation, Machine, Placed, allocate, machine_statements
from bkrdsl.ast import Kind
from bkrdsl.dialect import Dialect
from bkrdsl.emit.common import (
    DIRECTORY,
    Artifact,
    EmitError,
    Extent,
    Reading,
    TableRefused,
    address,
    and_joined,
    cluster_path,
    header_texts,
    lines_to_text,
    star_comments,
)
from bkrdsl.emit.destination import goes_to
from bkrdsl.generated import DIRECTORY_COLUMNS, mdisk_link_passwords
from bkrdsl.records import dataclass
from bkrdsl.resolve.model import ROLE_TEXT, Model


def _mdisk(disk: Placed, dialect: Reading) -> str:
    # The device type as the file's reading of the table gives it (the allocation's
    # `devtype` is the same unit's): the header then names the unit.
    devtype = dialect.unit(disk.disk.unit.text).devtype
    fields = {"address": address(disk.disk.address.text), "devtype": devtype, "size": str(disk.size), "volume": disk.volume}
    fields["mode"] = dialect["disk_mode"]
    if disk.start is None:
        return dialect.text("directory_mdisk_auto", **fields)
    return dialect.text("directory_mdisk", start=str(disk.start), **fields)


def _refuse_link_passwords(records: Sequence[str], entry_id: str, dialect: Reading, made_by: str) -> None:
    """Nothing when none of `records`, the table's `made_by` filled in for
    `entry_id`'s DIRECT file, is an MDISK with link passwords (`generated.mdisk_link_passwords`, as
    BKR534 reads the site's); else TableRefused, nothing written: the compile would
    write them in plain text, as it would a machine's own logon password, which the
    table's load refuses (`dialect._check_password_form`). Checked here, on the
    records as filled in, where the entry and the minidisk are known."""
    for record in records:
        given = mdisk_link_passwords(record)
        if given:
            vdev = record.split()[1]
            raise TableRefused(
                f"{dialect.origin}: {made_by}: gives the MDISK {vdev} of {entry_id} {given} link"
                f" password{'s' if given > 1 else ''} after its mode: bkrc would write"
                f" {'them' if given > 1 else 'it'} in plain text into the generated {entry_id} DIRECT"
                " file; end the MDISK at its mode in the table, and give the minidisk its link"
                " passwords on z/VM after deploying, or none with an external security manager"
                " (docs/security.md)"
            )


def _extents(placed: Sequence[Placed]) -> tuple[Extent, ...]:
    """The minidisks whose extent the entry writes (not DirMaint's AUTOV), for the manifest."""
    return tuple(Extent(address(d.disk.address.text), d.volume, d.start, d.size) for d in placed if d.start is not None)


def _machine_words(model: Model, machine: Machine) -> str:
    return f"{machine.id}, {ROLE_TEXT[machine.role]} of cluster {model.name}"


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
            f"It runs on {and_joined(node.members)}: every member except {tape.catalog_member}, whose"
            f" catalog node {tape.catalog_node} keeps the shared tape catalog; a request"
            " node asks it for tapes."
        )
    else:  # a DMM: written only with its node's TMM, on the same members
        tmm = next(n.id for n in nodes if TAPE_DMMS.get(n.role) == node.role)
        option = node.role.removeprefix("tape-")
        where = (
            f"It runs on {and_joined(node.members)}, beside its node's Tape Manager Machine {tmm}"
            f" ({option} {node.id}). BKRSTART does not start it: bkrc assumes {tmm} does."
        )
    return [where, _tape_others(model)]


def _pool_note(ctx: _Context, machine: Machine) -> list[str]:
    """What the catalog's SFS server's header says bkrc leaves to the site: its
    file pool, which needs minidisks of its own besides the 191 (which ones is not
    checked: docs/deploy.md), and the server's DMSPARMS file."""
    if machine.role != "catalog-sfs-server":
        return []
    held = sorted({address(d.address.text) for d in ctx.allocation.disks[machine.id]})
    gives = f"{and_joined(held)} only" if held else "none"
    note = (
        f"bkrc writes no file pool: {machine.id} DMSPARMS and the minidisks the pool"
        " needs (a control disk, log disks, storage group disks) are the site's."
        " Declare each of those minidisks with a disk statement: the .bkr file gives"
        f" {machine.id} {gives}.{_volume_first(ctx, machine)}"
    )
    return [note]


def _volume_first(ctx: _Context, machine: Machine) -> str:
    """What the SFS server's pool note adds where the cluster declares no volume its
    `disk` statements could go on (they would be BKR245): the statement to write
    first, and the machines whose A-disk BKR253 then asks for, as `bkrc check` would
    (the same kind of machine, starting CMS, no 0191 of its own); else nothing."""
    # Other machines' defaults, for advice: this file writes none of their syntax.
    model, table = ctx.model, ctx.dialect.table
    if machine.kind is Kind.SINGLE:
        if model.shared_volumes:
            return ""
        first = (
            " A single-configuration machine's minidisks go on a shared volume, and the"
            " cluster declares none: add a shared-volume statement first."
        )
        needing = [m for m in ctx.allocation.machines if m.kind is Kind.SINGLE]
    else:
        lacking = [m for m in machine.members if not model.member(m).private_volumes]
        if not lacking:
            return ""
        first = (
            f" Its minidisks go on each member's private volume, and {and_joined(lacking)}"
            f" declare{'s' if len(lacking) == 1 else ''} none: add a private-volume"
            f" statement to {'its' if len(lacking) == 1 else 'each'} member block first."
        )
        needing = [m for m in ctx.allocation.machines if m.kind is Kind.IDENTITY and set(m.members) & set(lacking)]
    a_disk = "0191"
    no_a_disk = [
        m.id
        for m in needing
        if table.machines[m.role].ipls_cms()
        and 0x191 not in table.machines[m.role].addresses()
        and a_disk not in {address(d.address.text) for d in ctx.allocation.disks[m.id]}
    ]
    if no_a_disk:
        each, them = ("each ", "them") if len(no_a_disk) > 1 else ("", "it")
        first += f" Then give {and_joined(no_a_disk)} {each}a 191 minidisk as well: bkrc check asks for {them} (BKR253)."
    return first


@dataclass
class _Context:
    """What one entry's file is written from: the model, the file's reading of the
    table (its header names what it read that is assumed), the minidisks placed."""

    model: Model
    source: str
    dialect: Reading
    allocation: Allocation

    def file(self) -> _Context:
        """The context of another file: a reading of the table of its own."""
        return _Context(self.model, self.source, Reading(self.dialect), self.allocation)

    @property
    def indent(self) -> str:
        return self.dialect["directory_indent"]

    def path(self, entry_id: str) -> str:
        return cluster_path(entry_id, self.dialect["directory_filetype"])

    def comments(self, texts: Sequence[str]) -> list[str]:
        """Comment records, each ending by DIRECTXA's last column, as every record of the entry."""
        return star_comments(self.dialect["directory_comment"], list(texts), DIRECTORY_COLUMNS)

    def header(self, what: str, notes: Sequence[str] = ()) -> list[str]:
        """The opening comment, made once the rest of the file is: it ends with
        the assumed entries the file read (`Reading.note`)."""
        comment = self.dialect["directory_comment"]
        texts = [*header_texts(self.source, what), *notes, *self.dialect.note()]
        return star_comments(comment, texts, DIRECTORY_COLUMNS)

    def mdisks(self, placed: Sequence[Placed], entry_id: str) -> list[str]:
        lines = []
        for disk in placed:
            line = self.indent + _mdisk(disk, self.dialect)
            key = "directory_mdisk_auto" if disk.start is None else "directory_mdisk"
            _refuse_link_passwords([line], entry_id, self.dialect, f"{key} (with disk_mode)")
            lines.append(line)
        return lines

    def statements(self, machine: Machine) -> list[str]:
        """The table's `statements` for the machine's role, filled in and indented."""
        lines = [self.indent + s for s in machine_statements(self.model, machine, self.dialect)]
        _refuse_link_passwords(lines, machine.id, self.dialect, f"machines.{machine.role}.statements")
        return lines

    def no_minidisks(self) -> list[str]:
        """Where a USER's or a SUBCONFIG's MDISK statements would be, when it has none:
        a reader then knows none were left out."""
        return self.comments(["No minidisks of its own."])


def _load(model: Model, together: str = "") -> str:
    """How the entry reaches CP, for whoever holds the file alone (docs/deploy.md),
    the place in `destination.goes_to`'s words, which the manifest records."""
    return (
        f"Load it into {goes_to(model, DIRECTORY, None)}{together} (DirMaint's DIRM ADD,"
        " else DIRECTXA): docs/deploy.md, Directory entries."
    )


def _operands(machine: Machine, dialect: Reading) -> dict[str, str]:
    d = dialect.machine(machine.role)
    return {"id": machine.id, "password": d.password, "storage": d.storage, "maxstorage": d.maxstorage, "classes": d.classes}


def _user_entry(ctx: _Context, machine: Machine) -> Artifact:
    """A single-configuration user: USER, the common statements, minidisks on shared DASD."""
    model, dialect = ctx.model, ctx.dialect
    path = ctx.path(machine.id)
    placed = ctx.allocation.of(machine.id)
    lines = [dialect.text("directory_user", **_operands(machine, dialect))]
    lines.extend(ctx.statements(machine))
    if not ctx.allocation.disks[machine.id]:
        lines.extend(ctx.no_minidisks())
    lines.extend(ctx.mdisks(placed, machine.id))
    notes = [*_where(model, machine), _load(model), *_pool_note(ctx, machine)]
    lines[:0] = ctx.header(f"USER entry of {_machine_words(model, machine)}.", notes)
    where = goes_to(model, DIRECTORY, None)
    return Artifact(path, lines_to_text(lines), DIRECTORY, minidisks=_extents(placed), goes_to=where)


def _identity_entries(ctx: _Context, machine: Machine) -> list[Artifact]:
    """A multiconfiguration user: IDENTITY with its BUILD statements, then one SUBCONFIG per member."""
    model, dialect = ctx.model, ctx.dialect
    subs = [(name, model.member(name).subconfig_of(machine.id)) for name in machine.members]
    path = ctx.path(machine.id)
    lines = [dialect.text("directory_identity", **_operands(machine, dialect))]
    lines.extend(ctx.indent + dialect.text("directory_build", member=m, subconfig=s) for m, s in subs)
    lines.extend(ctx.statements(machine))
    notes = [*_where(model, machine), _load(model, ", with its SUBCONFIG entries"), *_pool_note(ctx, machine)]
    lines[:0] = ctx.header(f"IDENTITY entry of {_machine_words(model, machine)}.", notes)
    out = [Artifact(path, lines_to_text(lines), DIRECTORY, goes_to=goes_to(model, DIRECTORY, None))]
    for name, sub in subs:
        ctx = ctx.file()
        path = ctx.path(sub)
        placed = ctx.allocation.of(machine.id, name)
        lines = [ctx.dialect.text("directory_subconfig", subconfig=sub)]
        if not ctx.allocation.disks[machine.id]:
            lines.extend(ctx.no_minidisks())
        lines.extend(ctx.mdisks(placed, sub))
        lines[:0] = ctx.header(
            f"SUBCONFIG {sub}: {machine.id} on member {name} (IDENTITY {machine.id}).",
            [_load(model, f", with IDENTITY {machine.id}'s entry")],
        )
        out.append(
            Artifact(
                path,
                lines_to_text(lines),
                DIRECTORY,
                member=name,
                minidisks=_extents(placed),
                goes_to=goes_to(model, DIRECTORY, name),
            )
        )
    return out


def directory_entries(model: Model, source: str, dialect: Dialect) -> list[Artifact]:
    """One artifact per USER, IDENTITY and SUBCONFIG entry, machine by machine."""
    allocation = allocate(model, dialect)
    if allocation.error is not None:
        raise EmitError(allocation.error)
    ctx = _Context(model, source, Reading(dialect), allocation)
    out: list[Artifact] = []
    for machine in allocation.machines:
        # Each file reads the table afresh: its header names what it read.
        if machine.kind is Kind.SINGLE:
            out.append(_user_entry(ctx.file(), machine))
        else:
            out.extend(_identity_entries(ctx.file(), machine))
    return out
