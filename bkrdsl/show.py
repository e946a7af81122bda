"""`bkrc show`: what runs where and when, per member, from one checked model (docs/show.md).

`view()` gathers the facts; `text()` and `as_json()` print them, and
`as_csv()`, with `--directory`, the JSON's coverage minidisks one per line. Every fact
comes from the resolved model, through the same queries the emitters use, so
that what `bkrc show` says is what `bkrc compile` writes:

- a member's jobs and their names there: `Model.member_jobs` (the TEMPLATE
  files of the member's folder, BKRSUBMT's table);
- when each falls: `resolve.model.timing` (BKRSUBMT's and BKREXPIR's DUE);
- the expiry actions of the purging member: `Model.expire_actions` (BKREXPIR);
- the machines AUTOLOG1 starts, in order: `Model.start_order` (BKRSTART);
- what each job's template selects: `Model.include_owners` (whom its include
  records name, as `emit/template.py` writes them), the job's excludes, then
  the member's own for a single-configuration job (`Model.member_excludes`),
  in the template's order;
- the volumes, shared and each member's private ones, and the size the file
  states of each: `Model.shared_volumes`, `MemberModel.private_volumes` (where
  the directory entries put the minidisks), `Model.volume_sizes` (what BKR254
  checks them against).

With `--directory`, `bkrdsl.coverage` finds which of the directory's users a
job backs up (`Coverage`), and this prints it below each member and in the
JSON; without it, the output is what it was.

Pure: model in, text out. The command (`bkrdsl/cli/show.py`) reads the file
and runs the front end.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from bkrdsl import ast
from bkrdsl.records import dataclass
from bkrdsl.resolve.model import (
    DEFAULT_LOGON_WAIT,
    DEFAULT_POOL_WAIT,
    ROLE_TEXT,
    CatalogModel,
    JobModel,
    Model,
    StartEntry,
    Timing,
    VolumeCapacity,
    longest_wait,
    owner_takes_in,
    parse_address_range,
    pattern_regex,
    split_sfs_path,
    timing,
)
from bkrdsl.terminal import columns, escaped, ljust, wrap

#: The version of the JSON structure (docs/show.md): a key removed or changed
#: in meaning raises it; a key added does not.
FORMAT_VERSION = "1"

#: The widest line of the text format.
WIDTH = 100
#: The widest line of what a job selects, below its row: it reads as one line
#: where it fits a terminal's 80 columns.
SELECTS_WIDTH = 79


@dataclass(frozen=True)
class BackedUp:
    """One name after `backup`: a group (its listed users and `match` patterns)
    or a user named by ID."""

    name: str
    type: str  # "group" or "user"
    users: int  # the IDs it lists by name (a user: 1)
    patterns: tuple[str, ...]
    #: A group's IDs, in the order it lists them (the text's `users` line below a
    #: row); empty for a user. The JSON has the job's `users` instead.
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Selected:
    """One selection of a job's template on one member, in the template's order:
    the job's includes, its excludes, then the member's own excludes (of a
    single-configuration job only: an IDENTITY job's copies are alike)."""

    action: str  # "include" or "exclude"
    medium: str  # "minidisk" or "sfs"
    owner: str | None  # a minidisk selection's owner as written (`*` when none); None for SFS
    items: tuple[str, ...]  # its addresses and ranges, or its SFS paths, as written
    records: tuple[str, ...]  # whom its records name: an include's narrowed owners or paths
    member: str | None  # the member whose own exclude it is; None for the job's


@dataclass(frozen=True)
class Volume:
    """A volume label, and the size the file states after it (None: none stated)."""

    label: str
    size: VolumeCapacity | None


@dataclass(frozen=True)
class Place:
    """Where a statement is written: its file, line and column (1-based)."""

    file: str
    line: int
    column: int


@dataclass(frozen=True)
class JobRow:
    """One job as one member knows it."""

    name: str  # its name on this member: the TEMPLATE file's name
    source_job: str  # the `job` of the .bkr file
    kind: str | None  # "single" or "identity"
    level: str  # "full" or "incremental"
    when: Timing
    medium: str | None  # "disk" or "tape"
    pool: str | None
    backs_up: tuple[BackedUp, ...]
    users: tuple[str, ...]  # every ID the job backs up by name
    patterns: tuple[str, ...]  # the `match` patterns of its groups
    selection: tuple[Selected, ...]  # what its template on this member selects
    #: Its `description` (the head of its templates, BKRSUBMT's list), None without.
    description: str | None = None
    #: Where each statement of `selection` is written, in its order (`--user` says
    #: the lines); not a fact of the job: `changes` and the JSON leave it out.
    places: tuple[Place, ...] = ()


#: A directory user's status on a member (`bkrc show --directory`): a job selects
#: one of its minidisks there; every minidisk the jobs select of it is excluded;
#: a job names it but selects none of its minidisks; no job names it.
BACKED_UP, EXCLUDED, NOT_SELECTED, NOT_NAMED = "backed-up", "excluded", "not-selected", "not-named"
#: Why a minidisk has no size in bytes (`MinidiskCoverage.unsized`): a DEVNO minidisk
#: is a whole real device, whose size the directory does not state; an extent to the
#: volume's `END` ends where the volume does, whose size it does not state either; a
#: device type bkrc knows no geometry of (9345, 3375: `cpdirectory.GEOMETRY`).
UNSIZED_DEVNO, UNSIZED_END, UNSIZED_DEVTYPE = "devno", "end", "devtype"


@dataclass(frozen=True)
class JobOnMember:
    """A job by its name on the member it runs there (its TEMPLATE file's name)."""

    name: str
    member: str


@dataclass(frozen=True)
class ExcludeAt:
    """An exclude statement that takes a minidisk out: where it is written, and whose it is."""

    file: str
    line: int
    column: int
    whose: str  # "job" (the job's own exclude) or "member" (the member's, in its block)
    name: str  # the job's name as written (`from`), or the member's


@dataclass(frozen=True)
class MinidiskCoverage:
    """One permanent minidisk of a directory user on a member, and what the jobs do with it."""

    address: str  # 4 hexadecimal digits, `0191`
    #: BACKED_UP (a job selects it and leaves it), EXCLUDED (every job that selects it
    #: takes it out) or NOT_SELECTED (no job selects it: none names its user, or none
    #: at its address).
    status: str
    #: The jobs that back it up (BACKED_UP); those that select it and take it out
    #: (EXCLUDED); none for NOT_SELECTED. Each by its name on its member.
    jobs: tuple[JobOnMember, ...] = ()
    #: BACKED_UP by `manual` jobs alone: submitted by hand, never by BKRSUBMT DUE.
    manual_only: bool = False
    #: BACKED_UP by incremental jobs alone: no full job selects it, so no full backup
    #: is taken for a restore to start from (BKR417's warning, per minidisk).
    incremental_only: bool = False
    #: EXCLUDED: each exclude statement that takes it out of one of its `jobs`, once
    #: each, in the jobs' order (a job's own, then its member's); none otherwise.
    excluded_by: tuple[ExcludeAt, ...] = ()
    devtype: str = ""  # the MDISK statement's device type, upper case: "3390", "FB-512"
    #: Its allocated size, the MDISK statement's count: cylinders of a CKD device
    #: type (3390, 3380), blocks of an FBA one (FB-512, 9336), another's own unit;
    #: None for DEVNO and an extent to the volume's END.
    size: int | None = None
    #: The allocated size in bytes, from the device type's geometry; None when
    #: `unsized` says why not.
    bytes: int | None = None
    unsized: str | None = None  # UNSIZED_DEVNO, UNSIZED_END or UNSIZED_DEVTYPE; None when sized
    #: The unit of `size` where it has a size in bytes: "cylinders" or "blocks"
    #: (`cpdirectory.GEOMETRY`); None when `unsized`.
    unit: str | None = None


@dataclass(frozen=True)
class UserCoverage:
    """A directory user with permanent minidisks on a member, and what the jobs do with it."""

    user: str
    statement: str  # "USER" or "IDENTITY"
    status: str  # BACKED_UP, EXCLUDED, NOT_SELECTED or NOT_NAMED
    #: The jobs that back it up (BACKED_UP); else those that name it (EXCLUDED, NOT_SELECTED).
    jobs: tuple[JobOnMember, ...]
    #: Its permanent minidisks there, by address: a user backed up may have some no job selects.
    minidisks: tuple[MinidiskCoverage, ...] = ()


@dataclass(frozen=True)
class Capacity:
    """The allocated size of the minidisks some jobs back up (`--directory`), each
    minidisk once: how many, their cylinders and blocks by device type, those sizes
    in bytes, and the minidisks among them without a size in bytes."""

    minidisks: int
    bytes: int  # of every minidisk with a size in bytes
    #: (device type, unit, count, bytes) of each device type with a size in bytes
    #: that some of them are on: cylinders before blocks, each by device type
    #: (3380, 3390; 9336, FB-512); `unit` "cylinders" or "blocks".
    units: tuple[tuple[str, str, int, int], ...] = ()
    #: (user, address, why, device type) of each minidisk without one, `why` its
    #: `unsized`, in the coverage's order.
    unsized: tuple[tuple[str, str, str, str], ...] = ()

    @property
    def cylinders(self) -> int:
        """Of the 3390 minidisks (the JSON's `cylinders`; `units` has every device type)."""
        return sum(count for devtype, _unit, count, _bytes in self.units if devtype == "3390")

    @property
    def blocks(self) -> int:
        """Of the FB-512 minidisks (the JSON's `blocks`; `units` has every device type)."""
        return sum(count for devtype, _unit, count, _bytes in self.units if devtype == "FB-512")


@dataclass(frozen=True)
class MemberCapacity:
    """With --directory, what a member's jobs back up: all of them, each minidisk
    once however many of them back it up, and each job's (its name on the member),
    in the member's job order; a minidisk two jobs back up counts for each."""

    total: Capacity
    jobs: tuple[tuple[str, Capacity], ...]


@dataclass(frozen=True)
class Coverage:
    """What `bkrdsl.coverage` finds of the site's directory (`--directory`)."""

    directory: str  # its file's name
    product: tuple[str, ...]  # the product's machines with minidisks, left out
    zvm: tuple[str, ...]  # z/VM's own IDs with minidisks (standard library), left out
    members: dict[str, tuple[UserCoverage, ...]]  # member -> its users, by ID
    pattern_users: dict[str, tuple[str, ...]]  # a group's `match` pattern -> the directory users it matches
    #: member -> z/VM's own IDs (`zvm`) with permanent minidisks there, what the jobs do
    #: with each, as `members` has the site's users; left out of `members`' counts.
    zvm_members: dict[str, tuple[UserCoverage, ...]] = dataclasses.field(default_factory=dict)
    #: member -> the product's machines (`product`) with permanent minidisks there, as
    #: `zvm_members` has z/VM's own IDs; left out of `members`' counts too.
    product_members: dict[str, tuple[UserCoverage, ...]] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class Minidisk:
    """A product machine's minidisk as the `disk` statements give it (the directory
    entries' MDISK statements): of a USER entry (`member` None: one set, on shared
    volumes) or of an IDENTITY's instance on `member` (its SUBCONFIG)."""

    owner: str
    member: str | None
    address: str  # 4 hexadecimal digits, `0191`
    size: int
    unit: str  # "cyl" or "blk"
    volume: str | None  # None: the cluster declares none for it (the checker's error)
    start: int | None  # `at START`; None: allocated (DirMaint's AUTOV, or the dialect's sequential)


@dataclass(frozen=True)
class MemberView:
    name: str
    ordinal: int
    workers: int | None
    job_suffix: str
    private_volumes: tuple[Volume, ...]
    jobs: tuple[JobRow, ...]  # by time of day, `manual` last; source order within a minute
    expire: tuple[tuple[str, Timing], ...]  # ("preview" or "purge", when): the purging member only
    starts: tuple[StartEntry, ...]
    coverage: tuple[UserCoverage, ...] | None = None  # with --directory
    #: With --directory: every job its coverage names (of any member), as (member, row),
    #: in the cluster's member order, then by time of day as each member's rows.
    coverage_jobs: tuple[tuple[str, JobRow], ...] | None = None
    capacity: MemberCapacity | None = None  # with --directory
    #: With --directory: z/VM's own IDs with permanent minidisks on the member (left out
    #: of `coverage`'s counts), what the jobs do with each.
    zvm: tuple[UserCoverage, ...] | None = None
    #: With --directory: the product's machines with permanent minidisks on the member
    #: (left out of `coverage`'s counts, as `zvm`), what the jobs do with each.
    product: tuple[UserCoverage, ...] | None = None
    #: Its shared Tape Manager node (`tape_node_of`), or None: `--against` compares it.
    tape_node: dict | None = None


@dataclass(frozen=True)
class ClusterView:
    name: str
    file: str
    members: tuple[str, ...]  # every member of the cluster, shown or not
    catalog: dict | None  # scope, server, pool, member
    purging: tuple[str, ...]
    retain_days: int | None
    tape: dict | None  # scope, nodes [(id, role, members)]
    shared_volumes: tuple[Volume, ...]
    shown: tuple[MemberView, ...]
    coverage: Coverage | None = None  # with --directory
    #: Every minidisk of the product machines, USER entries' and each IDENTITY
    #: instance's, as the directory entries write them (`--against` compares them).
    minidisks: tuple[Minidisk, ...] = ()
    #: (member, days) of each purging member's `retain`, in `purging`'s order: local
    #: catalogs may keep backups for different times (`retain_days` is then None).
    retains: tuple[tuple[str, int], ...] = ()
    #: (member, when) of each purge the purging members run, in `purging`'s order,
    #: each member's in its BKREXPIR's order: shown or not (a backup may outlive
    #: `retain` until the next purge).
    purges: tuple[tuple[str, Timing], ...] = ()
    #: (type, ID or pattern) -> (kind, module) of each user the standard library's modules
    #: the file imports declare (`std/zvm73`'s MAINT730): `--against` says what an import
    #: changed, the IDs of a z/VM release upgraded from and to (`library_changes`).
    library: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = ()


# ------------------------------------------------------------------ the facts
def _place(span) -> Place:
    return Place(span.file, span.line, span.column)


def _selected(selection: ast.Selection, records: Sequence[str] | None, member: str | None) -> Selected:
    """`records` None: an exclude, whose records name what it says."""
    items = tuple(item.upper for item in selection.items)
    owner = None
    if selection.medium is ast.Medium.MINIDISK:
        owner = selection.owner.upper if selection.owner is not None else "*"
    written = items if owner is None else (owner,)
    return Selected(
        action=selection.action.value,
        medium=selection.medium.value,
        owner=owner,
        items=items,
        records=written if records is None else tuple(records),
        member=member,
    )


def _selection_statements(model: Model, job: JobModel, member: str) -> list[tuple[ast.Selection, Sequence[str] | None, str | None]]:
    """The statements of what the template of `job` on `member` selects, in its
    order (`job_templates`): (statement, whom an include's records name or None
    for an exclude, the member whose own exclude it is or None)."""
    out: list[tuple[ast.Selection, Sequence[str] | None, str | None]] = list(
        zip(job.includes, model.include_owners(job), [None] * len(job.includes))
    )
    out += [(s, None, None) for s in job.excludes]
    out += [(s, None, member) for s in model.member_excludes(job, member)]
    return out


def _job_row(model: Model, name: str, job: JobModel, member: str) -> JobRow:
    backs_up = []
    for ref in job.refs:
        if ref.group is not None:
            backs_up.append(BackedUp(ref.group.name, "group", len(ref.group.users), ref.group.patterns, ref.group.users))
        else:
            backs_up.append(BackedUp(ref.word.upper, "user", 1, ()))
    target = job.target
    statements = _selection_statements(model, job, member)
    return JobRow(
        name=name,
        source_job=job.name,
        kind=job.kind.value if job.kind is not None else None,
        level=job.level.value,
        when=timing(job.run.schedule if job.run is not None else None),
        medium=target.medium.value if target is not None else None,
        pool=target.pool.upper if target is not None and target.pool is not None else None,
        backs_up=tuple(backs_up),
        users=model.job_user_ids(job),
        patterns=tuple(dict.fromkeys(model.job_patterns(job))),
        selection=tuple(_selected(s, records, whose) for s, records, whose in statements),
        description=job.description,
        places=tuple(_place(s.span) for s, _, _ in statements),
    )


def _by_time(when: Timing) -> tuple[bool, int]:
    return (when.minutes is None, when.minutes or 0)


def _volumes(model: Model, labels: Sequence[str]) -> tuple[Volume, ...]:
    sizes = model.volume_sizes
    return tuple(Volume(label, sizes.get(label)) for label in labels)


def _rows(model: Model, name: str) -> list[JobRow]:
    """The rows of the jobs member `name` runs, by time of day."""
    jobs = [_job_row(model, job_name, job, name) for job_name, job in model.member_jobs(name)]
    jobs.sort(key=lambda row: _by_time(row.when))  # stable: source order within a minute
    return jobs


def _coverage_jobs(
    users: tuple[UserCoverage, ...], every_row: dict[tuple[str, str], JobRow]
) -> tuple[tuple[str, JobRow], ...]:
    """The jobs `users` name (theirs and their minidisks'), each once, as (member, row), in
    `every_row`'s order: with `--member`, a job of a member not shown is described too."""
    named = {(j.member, j.name) for u in users for j in u.jobs}
    named.update((j.member, j.name) for u in users for d in u.minidisks for j in d.jobs)
    return tuple((member, row) for (member, name), row in every_row.items() if (member, name) in named)


def capacity_of(disks: Sequence[tuple[str, MinidiskCoverage]]) -> Capacity:
    """The `Capacity` of `disks`, each (its user, it) and each counted as given."""
    unsized = tuple((user, d.address, d.unsized or "", d.devtype) for user, d in disks if d.bytes is None)
    units: dict[tuple[str, str], list[int]] = {}
    for _, d in disks:
        if d.bytes is not None and d.size:  # (a count of 0 adds nothing to say)
            counted = units.setdefault((d.unit or "", d.devtype), [0, 0])
            counted[0] += d.size
            counted[1] += d.bytes
    return Capacity(
        minidisks=len(disks),
        bytes=sum(d.bytes for _, d in disks if d.bytes is not None),
        units=tuple(
            (devtype, unit, count, size)
            for (unit, devtype), (count, size) in sorted(units.items(), key=lambda kv: (kv[0][0] != "cylinders", kv[0][1]))
        ),
        unsized=unsized,
    )


def member_capacity(member: str, users: Sequence[UserCoverage], jobs: Sequence[str]) -> MemberCapacity:
    """What the jobs of `member` (their names there, in order) back up of `users`,
    its coverage: each job's minidisks, and all of them, each once."""
    each: dict[str, list[tuple[str, MinidiskCoverage]]] = {name: [] for name in jobs}
    every = []
    for u in users:
        for d in u.minidisks:
            if d.status != BACKED_UP:
                continue
            mine = [j.name for j in d.jobs if j.member == member]
            for name in dict.fromkeys(mine):
                each.setdefault(name, []).append((u.user, d))
            if mine:
                every.append((u.user, d))
    return MemberCapacity(capacity_of(every), tuple((name, capacity_of(disks)) for name, disks in each.items()))


def _member_view(
    model: Model,
    name: str,
    jobs: Sequence[JobRow],
    coverage: Coverage | None,
    every_row: dict[tuple[str, str], JobRow] | None = None,
) -> MemberView:
    member = model.member(name)
    users = coverage.members[name] if coverage is not None else None
    return MemberView(
        name=name,
        ordinal=member.ordinal,
        workers=member.workers,
        job_suffix=member.job_suffix,
        private_volumes=_volumes(model, member.private_volumes),
        jobs=tuple(jobs),
        expire=tuple((verb.lower(), timing(s)) for verb, s in model.expire_actions(name)),
        starts=model.start_order(name),
        coverage=users,
        coverage_jobs=_coverage_jobs(users, every_row or {}) if users is not None else None,
        capacity=member_capacity(name, users, [row.name for row in jobs]) if users is not None else None,
        zvm=coverage.zvm_members.get(name, ()) if coverage is not None else None,
        product=coverage.product_members.get(name, ()) if coverage is not None else None,
        tape_node=tape_node_of(model, name),
    )


def tape_node_of(model: Model, member: str) -> dict | None:
    """The member's node of a shared Tape Manager, as its TMNODES file defines it
    (`emit.tape`: a node's name is its member's): `role` (`tape-catalog-node`,
    `tape-request-node`), `user` (its Tape Manager Machine, the last machine its
    BKRSTART starts: `Model.start_order`), `dmm` (its Device Manager Machine, or
    None) and `remote_nodes`, the nodes its Define_Remote_Node lines name: every
    other member's for the catalog node, the catalog node's member for a request
    node. None without a shared Tape Manager (none, or `local`: no node)."""
    tape = model.tape
    if tape is None or tape.scope is not ast.Scope.SHARED or tape.catalog_member is None:
        return None
    if member == tape.catalog_member:
        return {
            "role": "tape-catalog-node",
            "user": tape.catalog_node,
            "dmm": tape.catalog_dmm,
            "remote_nodes": [m for m in model.member_names if m != member],
        }
    return {
        "role": "tape-request-node",
        "user": tape.request_node,
        "dmm": tape.request_dmm,
        "remote_nodes": [tape.catalog_member],
    }


def minidisks(model: Model) -> tuple[Minidisk, ...]:
    """The product machines' minidisks, entry by entry in the order the directory
    entries are written (`allocation.entry_disks`: which statement gives each
    USER, and each IDENTITY instance, a minidisk, and on which volume), without
    the extents the allocation hands out: the file's own `at START` or none."""
    from bkrdsl.allocation import AllocationError, disks_by_machine, entry_disks, machines
    from bkrdsl.resolve.model import disk_size

    found = machines(model)
    try:
        owned = disks_by_machine(model, found)
    except AllocationError:  # a `disk` of no product machine: the checker's error, shown nothing
        return ()
    out = []
    for machine in found:
        for member in machine.members if machine.kind is ast.Kind.IDENTITY else (None,):
            for disk, volume in entry_disks(model, machine, member, owned[machine.id]):
                count, unit = disk_size(disk)
                out.append(
                    Minidisk(
                        owner=machine.id,
                        member=member,
                        address=disk.address.upper.rjust(4, "0"),
                        size=int(count),
                        unit=(unit or disk.unit.text).lower(),
                        volume=volume,
                        start=int(disk.start.text) if disk.start is not None else None,
                    )
                )
    return tuple(out)


def _retains(model: Model, purging: Sequence[str]) -> tuple[tuple[str, int], ...]:
    """(member, days): how long each purging member's expiry keeps backups (as its
    BKREXPIR's header says)."""
    out = []
    for member in purging:
        days = [e.retain_days for e in model.expires_on(member) if e.purge is not None and e.retain_days is not None]
        if days:
            out.append((member, days[0]))
    return tuple(out)


def _retain_days(retains: Sequence[tuple[str, int]], purging: Sequence[str]) -> int | None:
    """How long the catalog keeps backups: the one `retain` of every purging member;
    None when there is none, or local catalogs' purging members keep them for different
    times, or some of them state none (`retains` then says each)."""
    days = {d for _, d in retains}
    return days.pop() if len(days) == 1 and len(retains) == len(purging) else None


def _waits_set(catalog: CatalogModel) -> dict[str, int]:
    """BKRSTART's waits for the SFS server that differ from the defaults, in seconds
    (`logon_wait`, `pool_wait`): a file without `logon-wait` or `pool-wait` shows
    what it always has."""
    waits = {
        "logon_wait": (catalog.logon_wait, DEFAULT_LOGON_WAIT),
        "pool_wait": (catalog.pool_wait, DEFAULT_POOL_WAIT),
    }
    return {key: seconds for key, (seconds, default) in waits.items() if seconds != default}


def _library(model: Model) -> tuple[tuple[tuple[str, str], tuple[str, str]], ...]:
    """`ClusterView.library`: each user ID and pattern a `std/` module declares, its
    first declaration's kind and module (a module's `.bkr` left off), sorted."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for u in model.user_defs:
        if u.module.startswith("std/"):
            found.setdefault(("user", u.id), (u.kind.value, u.module.removesuffix(".bkr")))
    for p in model.pattern_defs:
        if p.module.startswith("std/"):
            found.setdefault(("pattern", p.pattern), (p.kind.value, p.module.removesuffix(".bkr")))
    return tuple(sorted(found.items(), key=lambda item: _users_first(item[0])))


def view(model: Model, members: Sequence[str] = (), coverage: Coverage | None = None) -> ClusterView:
    """The facts `bkrc show` prints, for `members` (upper case; every member when
    empty), in the cluster's member order, with `coverage` (`bkrdsl.coverage`,
    with --directory). The model must have passed the checker."""
    wanted = set(members)
    # Each member's rows are built once: with --directory, the coverage names the
    # jobs of members not shown too (`coverage_jobs`), as the same rows.
    rows = {m: _rows(model, m) for m in model.member_names if coverage is not None or not wanted or m in wanted}
    every_row = {(m, row.name): row for m, jobs in rows.items() for row in jobs} if coverage is not None else None
    catalog = model.catalog
    tape = model.tape
    purging = model.purging_members()
    return ClusterView(
        name=model.name,
        file=model.main_file,
        members=model.member_names,
        catalog=None
        if catalog is None
        else {
            "scope": catalog.scope.value,
            "server": catalog.server,
            "pool": catalog.pool,
            "member": catalog.home,
            **_waits_set(catalog),
        },
        purging=purging,
        retain_days=_retain_days(_retains(model, purging), purging),
        retains=_retains(model, purging),
        purges=tuple(
            (m, timing(schedule)) for m in purging for verb, schedule in model.expire_actions(m) if verb == "PURGE"
        ),
        tape=None
        if tape is None
        else {"scope": tape.scope.value, "nodes": [(n.id, n.role, n.members) for n in model.tape_nodes()]},
        shared_volumes=_volumes(model, model.shared_volumes),
        library=_library(model),
        shown=tuple(
            _member_view(model, m, rows[m], coverage, every_row) for m in model.member_names if not wanted or m in wanted
        ),
        coverage=coverage,
        minidisks=minidisks(model),
    )


# ------------------------------------------------------------------ JSON
def _timing_json(when: Timing) -> dict:
    return {"schedule": when.label, "time": when.hhmm}


def _selected_json(s: Selected) -> dict:
    return {
        "action": s.action,
        "medium": s.medium,
        "owner": s.owner,
        "items": list(s.items),
        "records": list(s.records),
        "member": s.member,
    }


def _volume_json(v: Volume) -> dict:
    size = v.size
    if size is None:
        return {"label": v.label, "size": None}
    return {"label": v.label, "size": {"stated": size.word.text, "count": size.count, "unit": size.unit.lower()}}


def _backed_up_json(b: BackedUp, coverage: Coverage | None) -> dict:
    """One name after `backup`; with --directory, the directory users each of its patterns matches."""
    out = {"name": b.name, "type": b.type, "users": b.users, "patterns": list(b.patterns)}
    if coverage is not None:
        out["pattern_users"] = {p: list(coverage.pattern_users.get(p, ())) for p in b.patterns}
    return out


def _directory_json(coverage: Coverage | None) -> dict:
    """`cluster.directory`, with --directory only (without, the JSON is as it was)."""
    if coverage is None:
        return {}
    left_out = {"product": list(coverage.product), "zvm": list(coverage.zvm)}
    return {"directory": {"file": coverage.directory, "left_out": left_out}}


def _coverage_entry_json(u: UserCoverage) -> dict:
    """One of `members[].coverage.entries[]` (and of `--user`'s `directory.members[]`)."""
    return {
        "user": u.user,
        "statement": u.statement,
        "status": u.status,
        "jobs": [{"name": j.name, "member": j.member} for j in u.jobs],
        "minidisks": [
            {
                "address": d.address,
                "status": d.status,
                "jobs": [{"name": j.name, "member": j.member} for j in d.jobs],
                "manual_only": d.manual_only,
                "incremental_only": d.incremental_only,
                "excluded_by": [
                    {"file": x.file, "line": x.line, "column": x.column, "whose": x.whose, "name": x.name}
                    for x in d.excluded_by
                ],
                "devtype": d.devtype,
                "size": d.size,
                "bytes": d.bytes,
                "unsized": d.unsized,
            }
            for d in u.minidisks
        ],
    }


def _to_json(row: JobRow) -> dict | None:
    return None if row.medium is None else {"medium": row.medium, "pool": row.pool}


def _job_on_member_json(member: str, row: JobRow) -> dict:
    """A job as another part of the JSON describes one of `members[].jobs[]` on its
    member (`coverage.jobs[]`, `--user`'s `users[].jobs[]`): by `name` and `member`,
    and its `source_job`, `kind`, `level`, `schedule`, `time` and `to`."""
    return {
        "name": row.name,
        "member": member,
        "source_job": row.source_job,
        "kind": row.kind,
        "level": row.level,
        **_timing_json(row.when),
        "to": _to_json(row),
    }


def _capacity_json(c: Capacity) -> dict:
    return {
        "minidisks": c.minidisks,
        "cylinders": c.cylinders,
        "blocks": c.blocks,
        "bytes": c.bytes,
        "units": [
            {"devtype": devtype, "unit": unit, "count": count, "bytes": size} for devtype, unit, count, size in c.units
        ],
        "unsized": [
            {"user": user, "address": address, "why": why, "devtype": devtype} for user, address, why, devtype in c.unsized
        ],
    }


def _zvm_json(member: str, zvm: Sequence[UserCoverage], jobs: Sequence[str]) -> dict:
    """`members[].coverage.zvm`: z/VM's own IDs' minidisks on the member, left out of the
    counts: how many, those no job backs up, what each job of the member (`jobs`, its
    names there) backs up of them, and each ID's entry, as `coverage.entries[]` has the
    site's users. `members[].coverage.product`, of the product's machines' minidisks
    (`MemberView.product`), is the same."""
    return {
        "minidisks": sum(len(u.minidisks) for u in zvm),
        "minidisks_backed_up": sum(d.status == BACKED_UP for u in zvm for d in u.minidisks),
        "not_backed_up": [
            {"user": u.user, "statement": u.statement, "address": d.address, "status": d.status}
            for u in zvm
            for d in u.minidisks
            if d.status != BACKED_UP
        ],
        "jobs": [
            {"name": name, "minidisks": [{"user": user, "address": address} for user, address in zvm_backed_up(member, zvm, name)]}
            for name in jobs
        ],
        # each ID as `coverage.entries[]` has a user: what the CSV's rows of its `class` say
        "entries": [_coverage_entry_json(u) for u in zvm],
    }


def _member_coverage_json(
    users: tuple[UserCoverage, ...] | None,
    jobs=(),
    capacity: MemberCapacity | None = None,
    zvm: dict | None = None,
    product: dict | None = None,
) -> dict:
    """`members[].coverage`, with --directory only; `jobs`, those it names (`coverage_jobs`);
    `capacity`, what the member's jobs back up; `zvm` and `product`, `_zvm_json`'s."""
    if users is None:
        return {}
    sizes = {} if capacity is None else {
        "capacity": {
            **_capacity_json(capacity.total),
            "jobs": [{"name": name, **_capacity_json(c)} for name, c in capacity.jobs],
        }
    }
    return {
        "coverage": {
            "users": len(users),
            "backed_up": sum(u.status == BACKED_UP for u in users),
            "minidisks": sum(len(u.minidisks) for u in users),
            "minidisks_backed_up": sum(d.status == BACKED_UP for u in users for d in u.minidisks),
            "entries": [_coverage_entry_json(u) for u in users],
            "jobs": [_job_on_member_json(member, row) for member, row in jobs],
            **sizes,
            **({"zvm": zvm} if zvm is not None else {}),
            **({"product": product} if product is not None else {}),
        }
    }


def _job_json(j: JobRow, coverage: Coverage | None = None) -> dict:
    """One of `members[].jobs[]`."""
    return {
        "name": j.name,
        "source_job": j.source_job,
        "kind": j.kind,
        "level": j.level,
        **_timing_json(j.when),
        "to": _to_json(j),
        "backs_up": [_backed_up_json(b, coverage) for b in j.backs_up],
        "users": list(j.users),
        "patterns": list(j.patterns),
        "selection": [_selected_json(s) for s in j.selection],
        "description": j.description,
    }


def _cluster_json(v: ClusterView) -> dict:
    """`cluster` of the documented JSON structure."""
    return {
        "name": v.name,
        "file": v.file,
        "members": list(v.members),
        "catalog": v.catalog,
        "purging_members": list(v.purging),
        "retain_days": v.retain_days,
        "retains": [{"member": m, "days": days, "gone_by_days": _gone_by(v, m, days)} for m, days in v.retains],
        "purges": [{"member": member, **_timing_json(when)} for member, when in v.purges],
        "tape": None
        if v.tape is None
        else {
            "scope": v.tape["scope"],
            "nodes": [{"id": i, "role": r, "members": list(ms)} for i, r, ms in v.tape["nodes"]],
        },
        "shared_volumes": [_volume_json(s) for s in v.shared_volumes],
        **_directory_json(v.coverage),
    }


def _member_json(m: MemberView, coverage: Coverage | None = None) -> dict:
    """One of `members[]`."""
    return {
        "name": m.name,
        "ordinal": m.ordinal,
        "workers": m.workers,
        "job_suffix": m.job_suffix,
        "private_volumes": [_volume_json(s) for s in m.private_volumes],
        "jobs": [_job_json(j, coverage) for j in m.jobs],
        "expire": [{"action": action, **_timing_json(when)} for action, when in m.expire],
        "starts": [{"user": s.user, "role": s.role, "wait": s.wait} for s in m.starts],
        **_member_coverage_json(
            m.coverage,
            m.coverage_jobs or (),
            m.capacity,
            _zvm_json(m.name, m.zvm or (), [row.name for row in m.jobs]) if m.coverage is not None else None,
            _zvm_json(m.name, m.product or (), [row.name for row in m.jobs]) if m.coverage is not None else None,
        ),
    }


def as_json(v: ClusterView) -> dict:
    """The documented JSON structure (docs/show.md), keys in a fixed order."""
    return {
        "format_version": FORMAT_VERSION,
        "cluster": _cluster_json(v),
        "members": [_member_json(m, v.coverage) for m in v.shown],
    }


# ------------------------------------------------------------------ text
def _to_text(row: JobRow) -> str:
    if row.medium is None:
        return "-"
    return f"{row.medium} pool {row.pool}" if row.pool else row.medium


def _backs_up_text(row: JobRow, coverage: Coverage | None = None) -> str:
    """Each name after `backup`; with --directory, how many directory users each
    `match` pattern matches (`match LNXAPP*: 2 users`)."""
    parts = []
    for b in row.backs_up:
        if b.type == "user":
            parts.append(f"{b.name} (user)")
            continue
        what = [f"{b.users} user{'s' if b.users != 1 else ''}"] if b.users or not b.patterns else []
        what += [f"match {p}{_matched_text(p, coverage)}" for p in b.patterns]
        parts.append(f"{b.name} ({', '.join(what)})")
    return "; ".join(parts) or "-"


def _matched_text(pattern: str, coverage: Coverage | None) -> str:
    if coverage is None:
        return ""
    n = len(coverage.pattern_users.get(pattern, ()))
    return f": {n} user{'s' if n != 1 else ''}"


#: An include that narrows to more owners or paths than this is shown as written, with a count.
MAX_RECORDS_SHOWN = 3


def _every_user(s: Selected) -> bool:
    """Whether the include is written for every user its job backs up (`*` as the
    owner, or as each SFS path's user part): shown as written."""
    if s.owner is not None:
        return s.owner == "*"
    return all((parts := split_sfs_path(item)) is not None and parts[1] == "*" for item in s.items)


def _whom(s: Selected) -> str:
    """A minidisk selection's owner, or an SFS selection's paths: as written for an
    exclude and for an include of every user; otherwise whom the records name."""
    written = s.owner if s.owner is not None else " ".join(s.items)
    if s.action == "exclude" or _every_user(s) or s.records == ((s.owner,) if s.owner else s.items):
        return written
    if not s.records:
        return f"{written} (none of its users)"
    if len(s.records) > MAX_RECORDS_SHOWN:
        what = "owners" if s.owner is not None else "paths"
        return f"{written} ({len(s.records)} {what})"
    return ",".join(s.records) if s.owner is not None else " ".join(s.records)


def _selected_text(s: Selected, written: bool = False) -> str:
    """One selection as a piece of the `selects` line; its spaces are no-break
    spaces where a line must not break (between the medium, owner and first item).
    `written`: its owner or paths as the statement writes them, not its records
    (`--user`, which gives the statement's line)."""
    whom = _whom(s) if not written else s.owner if s.owner is not None else " ".join(s.items)
    if s.medium == "minidisk":
        first, *rest = s.items or ("",)
        text = "\xa0".join(["minidisk", whom.replace(" ", "\xa0"), first]) + "".join(" " + i for i in rest)
    else:
        text = "sfs\xa0" + whom.replace(" (", "\xa0(")
    return text + (f" ({s.member}'s)" if s.member else "")


def _selection_parts(row: JobRow) -> tuple[str, str]:
    """(its includes, its excludes and the member's own) as the `selects` line says
    them, `nothing (no include)` for no include; no-break spaces where a line must
    not break."""
    includes = "; ".join(_selected_text(s) for s in row.selection if s.action == "include")
    excludes = "; ".join(_selected_text(s) for s in row.selection if s.action == "exclude")
    return includes or "nothing (no include)", excludes


def _selects_lines(row: JobRow) -> list[str]:
    """What the job selects, below its row: `selects` its includes, `minus` its
    excludes and the member's own, on one line where it fits SELECTS_WIDTH,
    else `minus` on lines of its own; every piece wraps at its spaces."""
    includes, excludes = _selection_parts(row)
    first, rest = " " * 9 + "selects  ", " " * 18

    def wrapped(text: str, label: str) -> list[str]:
        lines = wrap(
            text,
            SELECTS_WIDTH,
            initial_indent=label,
            subsequent_indent=rest,
            break_long_words=False,
            break_on_hyphens=False,
        )
        return [line.replace("\xa0", " ") for line in lines]

    one = wrapped(includes + (" minus " + excludes if excludes else ""), first)
    if len(one) == 1 or not excludes:
        return one
    return wrapped(includes, first) + wrapped(excludes, " " * 11 + "minus  ")


#: The IDs of a group its `users` line names, below a job's row: beyond, `... and N
#: more`. Sixteen 8-character IDs are two lines at WIDTH; a group of hundreds of
#: guests would bury the table, and `--user ID` and the JSON's `users` name them all.
MAX_GROUP_IDS = 16


def _description_line(row: JobRow, indent: int = 9) -> list[str]:
    """The job's `description`, below its row, quoted as written, on one line of at
    most WIDTH columns: a longer one is cut, with `..."` at its end. Each character a
    terminal acts on, and a tab, is written as `<U+XXXX>` (`escaped`). `indent`: the
    table's 9; `--user`'s rows 10, under their statements; `--against`'s job added or
    removed 6, under its line's continuation."""
    if row.description is None:
        return []
    first = " " * indent
    said = escaped(row.description)
    if columns(first) + columns(said) + 2 <= WIDTH:
        return [f'{first}"{said}"']
    room = WIDTH - columns(first) - 1 - len('..."')
    used, kept = 0, 0  # columns and characters of `said` that fit, counted once each
    for ch in said:
        used += columns(ch)
        if used > room:
            break
        kept += 1
    return [f'{first}"{said[:kept].rstrip()}..."']


def _users_lines(row: JobRow) -> list[str]:
    """`users    LINUX: LNXWEB01 LNXWEB02 LNXDB01`, below a job's row: the IDs each of
    its groups lists by name, in the group's order, a group to a line, wrapped to
    WIDTH under its first ID; past MAX_GROUP_IDS, `... and N more (--user ID or
    --format json)`. A group of `match` patterns alone, and a user, have none (the
    row says them)."""
    out: list[str] = []
    for b in row.backs_up:
        if not b.ids:
            continue
        label = " " * 9 + ("users    " if not out else " " * 9)
        ids = list(b.ids[:MAX_GROUP_IDS])
        if len(b.ids) > MAX_GROUP_IDS:
            ids.append(f"...\xa0and\xa0{len(b.ids) - MAX_GROUP_IDS:,}\xa0more\xa0(--user\xa0ID\xa0or\xa0--format\xa0json)")
        hang = columns(label) + columns(b.name) + 2
        if WIDTH - hang < 40:
            hang = columns(label) + 2
        said = wrap(
            " ".join(ids),
            WIDTH,
            initial_indent=f"{label}{b.name}: ",
            subsequent_indent=" " * hang,
            break_long_words=False,
            break_on_hyphens=False,
        )
        out += [line.replace("\xa0", " ") for line in said]
    return out


def _catalog_text(v: ClusterView) -> str:
    c = v.catalog
    if c is None:
        return "not declared"
    pool = f", file pool {c['pool']}" if c["pool"] else ""
    if c["scope"] == "shared":
        home = f" on {c['member']}" if c["member"] else ""
        return f"shared by every member: SFS server {c['server']}{home}{pool}{_waits_text(c)}"
    server = f": SFS server {c['server']} on every member" if c["server"] else ""
    return f"local, one per member{server}{pool}{_waits_text(c)}"


def _waits_text(c: dict) -> str:
    """The waits `_waits_set` keeps, as the header says them."""
    waits = [f"{c[key]} seconds {what}" for key, what in _WAIT_WORDS if key in c]
    return f"; BKRSTART waits up to {' and '.join(waits)}" if waits else ""


_WAIT_WORDS = (("logon_wait", "for it to log on"), ("pool_wait", "for its file pool to serve"))


def _expiry_text(v: ClusterView) -> str:
    if not v.purging:
        return "no member purges the catalog"
    text = f"purges on {', '.join(v.purging)}" + (" only" if len(v.purging) == 1 else "")
    if v.catalog is not None and v.catalog["scope"] == "shared":
        text += " (EXPIRE acts on every member's jobs)"
    return text + (f"; keeps backups {_kept_text(v)}" if v.retains else "") + _never_purged_text(v)


def _never_purged_text(v: ClusterView) -> str:
    """Local catalogs: the members whose own catalog no purge empties (BKR214). How
    long their jobs' backups are kept was said nowhere, and an auditor read the
    purging members' days as the cluster's: `; M3 never purges its catalog: no bound
    on when its jobs' backups are gone (BKR214)`. No-break spaces within the list."""
    if v.catalog is None or v.catalog["scope"] != "local" or not v.purging:
        return ""
    never = [m for m in v.members if m not in v.purging]
    if len(never) == 1:
        return f"; {never[0]} never purges its catalog: no bound on when its jobs' backups are gone (BKR214)"
    if never:
        listed = ",\xa0".join(never)
        return f"; {listed} never purge their catalogs: no bound on when their jobs' backups are gone (BKR214)"
    return ""


def _kept_text(v: ClusterView) -> str:
    """`_retain_text` with the day a backup is gone by at the latest and when each
    member purges: `35 days, gone by day 42 at the latest (purged weekly sun 08:00 on
    PRODA)`, members that purge alike once (`on VM1 VM2`); where the members' latest
    days differ, each: `30 days on VM1, gone by day 31 at the latest (purged daily
    03:00), 90 days on VM2, gone by day 97 at the latest (purged weekly sun 08:00)`.
    No-break spaces within each of those parts: a line breaks between members or before
    `(purged`, and, with one `35 days` for all, before `gone`; never within a schedule."""
    gone = {m: _gone_by(v, m, days) for m, days in v.retains}
    if v.retain_days is not None and len(set(gone.values())) == 1:
        # members that purge alike are said once: `weekly sun 06:00 on VM1 VM2`
        alike: dict[str, list[str]] = {}
        for m, _ in v.retains:
            if when := _purged_text(v, m):
                alike.setdefault(when, []).append(m)
        said = [f"{when}\xa0on\xa0{' '.join(ms)}" for when, ms in alike.items()]
        purged = f" (purged\xa0{', '.join(said)})" if said else ""
        return f"{v.retain_days}\xa0days, {_gone_text(gone[v.retains[0][0]])}{purged}"
    parts = []
    for member, days in v.retains:
        when = _purged_text(v, member)
        purged = f" (purged\xa0{when})" if when else ""
        parts.append(f"{days}\xa0days\xa0on\xa0{member},\xa0{_gone_text(gone[member])}{purged}")
    return ", ".join(parts) or "-"


def _gone_by(v: ClusterView, member: str, days: int) -> int | None:
    """The day after its backup by which `member`'s purges have taken a backup kept
    `days` days at the latest: `days` plus the longest wait, in days begun, from one of
    its scheduled purges to the next (`longest_wait`); None when it purges by hand alone
    (nothing bounds it)."""
    wait = longest_wait(when for m, when in v.purges if m == member)
    return None if wait is None else days + -(-wait // 1440)


def _gone_text(day: int | None) -> str:
    """`gone by day 42 at the latest`, or, purged by hand alone, that no day is; no-break spaces."""
    said = "no bound on when they are gone" if day is None else f"gone by day {day} at the latest"
    return said.replace(" ", "\xa0")


def _purged_text(v: ClusterView, member: str) -> str:
    """When `member` purges: `weekly sun 08:00` (each purge, `and` between them),
    `by hand` for a purge with no schedule; no-break spaces."""
    said = [f"{w.label} {w.hhmm}" if w.hhmm else "by hand" for m, w in v.purges if m == member]
    return "\xa0and\xa0".join(dict.fromkeys(said)).replace(" ", "\xa0")


def _retain_text(v: ClusterView) -> str:
    """`35 days`; local catalogs' purging members that keep backups for different
    times each: `30 days on VM1, 90 days on VM2`. No-break spaces within one member's
    part (a line breaks between members, never between `days` and `on`)."""
    if v.retain_days is not None:
        return f"{v.retain_days}\xa0days"
    return ", ".join(f"{days}\xa0days\xa0on\xa0{member}" for member, days in v.retains) or "-"


def _tape_text(v: ClusterView) -> str:
    t = v.tape
    if t is None:
        return "none"
    if t["scope"] != "shared":
        return "local: each member its own Tape Manager catalog"
    ids = {role: (i, ms) for i, role, ms in t["nodes"]}
    nodes = []
    for which in ("catalog", "request"):
        if f"tape-{which}-node" not in ids:
            continue
        node, members = ids[f"tape-{which}-node"]
        dmm = ids.get(f"tape-{which}-dmm")
        said = f"{which} node {node}" + (f" (DMM {dmm[0]})" if dmm else "") + f" on {' '.join(members)}"
        # No line breaks within a node, nor between `on` and its first member: a
        # line breaks between the node's members, or between nodes.
        head, _, rest = said.partition(" on ")
        first, _, others = rest.partition(" ")
        nodes.append(f"{head} on {first}".replace(" ", "\xa0") + (f" {others}" if others else ""))
    return "shared catalog: " + ("; ".join(nodes) or "no node is written")


def _volumes_text(volumes: Sequence[Volume]) -> str:
    """`VMCOM1 of 3,339 cylinders (3390-3), VMCOM2`: each label, with the size the
    file states of it; no-break spaces within one volume's (a line breaks between
    volumes)."""
    parts = [v.label if v.size is None else f"{v.label} of {v.size.described()}" for v in volumes]
    return ", ".join(p.replace(" ", "\xa0") for p in parts) or "none"


def _wrapped(text: str, first: str, rest: str, break_long_words: bool = False) -> list[str]:
    """`text` folded to WIDTH terminal columns at its blanks; a word longer than a line
    is kept whole (a name), or, `break_long_words` (free text: a description), cut at WIDTH."""
    return wrap(
        text,
        WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=break_long_words,
        break_on_hyphens=False,
    ) or [first.rstrip()]


#: The narrowest `backs up` column beside a row; a narrower one goes below it.
MIN_BACKS_UP = 16
#: The widest schedule column: `monthly last-day`, `weekly mon,tue,` (a longer schedule folds
#: after a comma or at a blank).
SCHEDULE_WIDTH = 16

HEADINGS = ("time", "schedule", "job", "from", "kind", "level", "to", "backs up")


def _fold(label: str, width: int) -> list[str]:
    """A schedule on lines of at most `width` columns, broken after its commas
    (`weekly mon,tue,` / `wed,thu,fri`) or at a blank (`monthly second` / `tue`)."""
    lines = [""]
    for piece in re.findall(r"[^, ]+[, ]?", label):
        if lines[-1] and columns(lines[-1]) + columns(piece.rstrip()) > width:
            lines[-1] = lines[-1].rstrip()
            lines.append("")
        lines[-1] += piece
    return [line.rstrip() for line in lines]


def _cells(row: JobRow) -> tuple[list[str], ...]:
    """The cells of a job's row before `backs up`, each a list of lines."""
    cells = (row.when.hhmm or "-", row.when.label, row.name, row.source_job, row.kind or "?", row.level)
    return (*([c] for c in cells), [_to_text(row)])


def _expire_cells(action: str, when: Timing) -> tuple[list[str], ...]:
    return [when.hhmm or "-"], [when.label], [action]


#: The users named in one line of the coverage text: the JSON names them all.
MAX_USERS_SHOWN = 3
#: The users named on a line of what the jobs do with them.
MAX_DETAILS_SHOWN = 12


def _names_text(names: Sequence[str], limit: int) -> str:
    """`A, B, C (and K more)`."""
    more = f" (and {len(names) - limit:,} more)" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def _left_out_text(c: Coverage) -> str:
    """The coverage line of the header: the directory, and whom it leaves out."""
    left = []
    if c.product:
        left.append(f"the product's {len(c.product)} machine{'s' if len(c.product) != 1 else ''}")
    if c.zvm:
        # named: a job may back them up (TCPIP), and the coverage says nothing of them
        # below, so the reader learns here whom to ask `--user` of
        left.append(f"z/VM's own {len(c.zvm)} ID{'s' if len(c.zvm) != 1 else ''} ({_names_text(c.zvm, MAX_DETAILS_SHOWN)})")
    out = f"of the users with minidisks in {c.directory}, per member below"
    if not left:
        return out
    out += f"; leaves out {' and '.join(left)}, as `bkrc init --directory` does"
    return out + (" (`--user ID`: one's minidisks, even where a job backs them up)" if c.zvm else "")


#: What each status other than BACKED_UP says, on the line of the users that have it.
_STATUS_WORDS = (
    (EXCLUDED, "every minidisk selected is excluded"),
    (NOT_SELECTED, "named, but no minidisk of theirs selected"),
    (NOT_NAMED, "named by no job"),
)


def _with_jobs(u: UserCoverage, member: str, main_file: str = "") -> str:
    """`LNXDB01 (LNXINC)`; a job of another member with its member (`LNXINC on VMSYS2`);
    a user every minidisk of which is excluded, with the excludes (`_excludes_text`)."""
    if not u.jobs:
        return u.user
    jobs = [j.name if j.member == member else f"{j.name} on {j.member}" for j in u.jobs]
    where = tuple(dict.fromkeys(x for d in u.minidisks for x in d.excluded_by))
    said = f"{u.user} ({', '.join(jobs)})".replace(" ", "\xa0")
    return said[:-1] + f"; {_excludes_text(where, main_file)})" if where else said


def _excludes_text(excludes: Sequence[ExcludeAt], main_file: str) -> str:
    """`exclude of member PRODB at line 17` (of `main_file`, the cluster's file, which
    the header names and whose `cluster` block holds every job and member; `at
    FILE:LINE` should one be elsewhere); several joined by `and`."""
    places = [f"{x.whose} {x.name} at " + (f"line\xa0{x.line}" if x.file == main_file else f"{x.file}:{x.line}") for x in excludes]
    return f"exclude{'s' if len(places) > 1 else ''} of " + " and ".join(places)


def _excluded_text(users: Sequence[UserCoverage], main_file: str) -> str:
    """The excluded minidisks of `users` (`USER ADDRESS`), grouped by the excludes that
    take them out, each group followed by them: `DB2B 0600 (exclude of member PRODB
    at line 17); LNXP01 0203, ... (and 28 more; exclude of job IDFUL at line 156)`,
    at most MAX_DETAILS_SHOWN named in each."""
    groups: dict[tuple[ExcludeAt, ...], list[str]] = {}
    for u in users:
        for d in u.minidisks:
            if d.status == EXCLUDED:
                groups.setdefault(d.excluded_by, []).append(f"{u.user}\xa0{d.address}")
    out = []
    for where, names in groups.items():
        listed = _names_text(names, MAX_DETAILS_SHOWN)
        if where:
            said = _excludes_text(where, main_file)
            listed = listed[:-1] + f"; {said})" if listed.endswith(")") else f"{listed} ({said})"
        out.append(listed)
    return "; ".join(out)


#: What each status of a minidisk of a user backed up says, on the line of those that have it:
#: first those no job selects (a slip, as a rule), then those excluded (often meant: a swap disk).
_MINIDISK_WORDS = (
    (NOT_SELECTED, "minidisks no job selects"),
    (EXCLUDED, "minidisks every job excludes"),
)


def _whose_jobs(member: str, statements: set[str]) -> str:
    """Whose jobs the coverage counts, after `are backed up`: a USER's minidisks
    (one set, on shared volumes) by a job of any member, an IDENTITY's on the member
    by the member's own jobs alone; the capacity line below counts the member's own
    only, so each line says whose (`by a job of any member`, `by VMSYS1's own jobs`)."""
    if statements == {"IDENTITY"}:
        return f" by {member}'s own jobs"
    if "IDENTITY" in statements:
        return f" by a job of any member (a\xa0USER) or of {member} (an\xa0IDENTITY)"
    return " by a job of any member" if statements else ""


def _coverage_lines(member: str, users: tuple[UserCoverage, ...], main_file: str = "") -> list[str]:
    """A member's coverage: how many of its directory users are backed up, and how
    many of their minidisks; those users that are not (the first MAX_USERS_SHOWN),
    then each status's users; then the minidisks not backed up of the users that are
    (a user not backed up has none backed up: its line says so)."""
    missed = [u for u in users if u.status != BACKED_UP]
    disks = [d for u in users for d in u.minidisks]
    summary = f"{len(users) - len(missed)} of {len(users)} directory users with minidisks on {member} are backed up"
    summary += _whose_jobs(member, {u.statement for u in users})
    summary += f", {sum(d.status == BACKED_UP for d in disks)} of their {len(disks)} minidisks".replace(" ", "\xa0")
    if missed:
        summary += "; not backed up: " + _names_text([u.user for u in missed], MAX_USERS_SHOWN)
    out = [line.replace("\xa0", " ") for line in _wrapped(summary, "  coverage: ", " " * 4)]
    for status, words in _STATUS_WORDS:
        these = [_with_jobs(u, member, main_file) for u in missed if u.status == status]
        if these:
            line = _wrapped(f"{words}: {_names_text(these, MAX_DETAILS_SHOWN)}", " " * 4, " " * 6)
            out += [piece.replace("\xa0", " ") for piece in line]
    for status, words in _MINIDISK_WORDS:
        these = [
            f"{u.user}\xa0{d.address}" for u in users if u.status == BACKED_UP for d in u.minidisks if d.status == status
        ]
        if these:
            listed = (
                _excluded_text([u for u in users if u.status == BACKED_UP], main_file)
                if status == EXCLUDED
                else _names_text(these, MAX_DETAILS_SHOWN)
            )
            line = _wrapped(f"{words}: {listed}", " " * 4, " " * 6)
            out += [piece.replace("\xa0", " ") for piece in line]
    for words, only in _ONLY_WORDS:
        these = [f"{u.user}\xa0{d.address}" for u in users for d in u.minidisks if getattr(d, only)]
        if these:
            line = _wrapped(f"{words}: {_names_text(these, MAX_DETAILS_SHOWN)}", " " * 4, " " * 6)
            out += [piece.replace("\xa0", " ") for piece in line]
    return out


#: The lines below the coverage's of minidisks backed up, but not as an auditor reads
#: "backed up": by `manual` jobs alone, or by incremental jobs alone (a restore starts
#: from a full backup, and no job takes one: "14 of 14" said nothing of it).
_ONLY_WORDS = (
    ("minidisks only `manual` jobs back up (submitted by hand, never by BKRSUBMT DUE)", "manual_only"),
    ("minidisks only incremental jobs back up (no full job selects them: BKR417)", "incremental_only"),
)


#: How the text names those the coverage leaves out, by `UserView.left_out`'s word.
_LEFT_OUT_WORDS = {"zvm": "z/VM's own IDs", "product": "the product's machines"}


def _zvm_not_backed_up_lines(member: str, zvm: Sequence[UserCoverage], whose: str = "zvm") -> list[str]:
    """The minidisks of z/VM's own IDs on `member` that no job backs up: left out of the
    counts above (as `bkrc init --directory` leaves those IDs out of its jobs), but
    named, so that "which minidisks are not backed up?" has its whole answer here.
    `whose` "product": of the product's machines (their 191s, the catalog's disks),
    left out and named alike."""
    disks = [d for u in zvm for d in u.minidisks]
    missed = [f"{u.user}\xa0{d.address}" for u in zvm for d in u.minidisks if d.status != BACKED_UP]
    if not missed:
        return []
    said = f"{_LEFT_OUT_WORDS[whose]} (left out of the counts; `bkrc show --user ID` for one): no job backs up {len(missed)}"
    said += f" of their {len(disks)} minidisks on {member}: {_names_text(missed, MAX_DETAILS_SHOWN)}"
    return [line.replace("\xa0", " ") for line in _wrapped(said, " " * 4, " " * 6)]


#: The units `_decimal` names, each 1,000 times the one before.
_DECIMAL_UNITS = ("kB", "MB", "GB", "TB", "PB", "EB")


def _decimal(n: int) -> str:
    """`946 MB`, `1.05 GB`: `n` bytes to three significant digits, in decimal units
    (as tape and disk capacities are given); `512 bytes` below a kilobyte."""
    if n < 1000:
        return f"{n} byte{'s' if n != 1 else ''}"
    value = n / 1000
    for unit in _DECIMAL_UNITS:
        if value < 999.5 or unit == _DECIMAL_UNITS[-1]:
            return f"{value:.3g} {unit}"
        value /= 1000
    raise AssertionError("unreachable")  # pragma: no cover


def _capacity_text(c: Capacity) -> str:
    """`5 minidisks, 60 cylinders (3390): 50,997,600 bytes (51 MB)`; `no minidisk`."""
    if not c.minidisks:
        return "no minidisk of theirs"
    said = f"{c.minidisks:,} minidisk{'s' if c.minidisks != 1 else ''}"
    units = [f"{count:,}\xa0{unit}\xa0({devtype})" for devtype, unit, count, _bytes in c.units]
    if units:
        said += ", " + (units[0] if len(units) == 1 else ", ".join(units[:-1]) + " and " + units[-1])
        said += f": {c.bytes:,}\xa0bytes" + (f" ({_decimal(c.bytes).replace(' ', chr(0xA0))})" if c.bytes >= 1000 else "")
    if c.unsized:
        said += f"; {len(c.unsized):,} without a size in bytes"
    return said


#: How a minidisk without a size in bytes says why, after its address (`_capacity_lines`);
#: one of a device type bkrc has no geometry of names it: `(9345, unknown geometry)`.
_UNSIZED_WORDS = {UNSIZED_DEVNO: "DEVNO", UNSIZED_END: "END"}
_UNKNOWN_GEOMETRY = "\xa0unknown\xa0geometry"


def zvm_backed_up(member: str, zvm: Sequence[UserCoverage], job: str | None = None) -> list[tuple[str, str]]:
    """(user, address) of the minidisks of z/VM's own IDs (`zvm`, left out of the
    coverage's counts; or of the product's machines, `MemberView.product`) that a job
    of `member` backs up (`job`, its name there: that one)."""
    return [
        (u.user, d.address)
        for u in zvm
        for d in u.minidisks
        if d.status == BACKED_UP and any(j.member == member and (job is None or j.name == job) for j in d.jobs)
    ]


def _zvm_only_text(disks: Sequence[tuple[str, str]], product: Sequence[tuple[str, str]] = ()) -> str:
    """`only z/VM's own IDs: TCPIP 0191, FTPSERVE 0191 (left out of the counts)`; with
    the product's machines' (`product`), `only z/VM's own IDs: TCPIP 0191; and the
    product's machines: BKRBKUP 0191 (...)`, or theirs alone."""
    parts = [
        f"{_LEFT_OUT_WORDS[whose]}: " + _names_text([f"{user}\xa0{address}" for user, address in these], MAX_DETAILS_SHOWN)
        for whose, these in (("zvm", disks), ("product", product))
        if these
    ]
    return f"only {'; and '.join(parts)} (left out of the counts)"


def _capacity_lines(
    member: str, capacity: MemberCapacity, zvm: Sequence[UserCoverage] = (), product: Sequence[UserCoverage] = ()
) -> list[str]:
    """What the member's jobs back up, in allocated size: all of them, each minidisk
    once; each job, every minidisk it backs up; then the minidisks without a size in
    bytes (at most MAX_DETAILS_SHOWN), with why; one line when they back up none.
    A job (or the member's jobs) backing up none of those users' minidisks but some of
    z/VM's own IDs' (`zvm`) or the product's machines' (`product`), both left out of the
    counts, names those: it backs up something."""
    if not capacity.total.minidisks:
        said = f"allocated size: {member}'s own jobs back up none of those users' minidisks"
        theirs, ours = zvm_backed_up(member, zvm), zvm_backed_up(member, product)
        if theirs or ours:
            said += "; they back up " + _zvm_only_text(theirs, ours)
        return [line.replace("\xa0", " ") for line in _wrapped(said, "  ", " " * 4)]
    said = f"allocated size of those users' minidisks {member}'s own jobs back up "
    said += "(an upper bound of what they read):".replace(" ", "\xa0")
    out = [line.replace("\xa0", " ") for line in _wrapped(said, "  ", " " * 4)]
    rows = [("all jobs, each minidisk once: ", capacity.total)]
    rows += [(f"{name}: ", c) for name, c in capacity.jobs]
    for head, c in rows:
        said = _capacity_text(c)
        job = head[: -len(": ")]
        if not c.minidisks and head != rows[0][0]:
            theirs, ours = zvm_backed_up(member, zvm, job), zvm_backed_up(member, product, job)
            if theirs or ours:
                said = "backs up " + _zvm_only_text(theirs, ours)
        out += [line.replace("\xa0", " ") for line in _wrapped(head + said, " " * 4, " " * 6)]
    if capacity.total.unsized:
        named = [
            f"{user}\xa0{address}\xa0({_UNSIZED_WORDS.get(why) or devtype + ',' + _UNKNOWN_GEOMETRY})"
            for user, address, why, devtype in capacity.total.unsized
        ]
        line = _wrapped(f"without a size in bytes: {_names_text(named, MAX_DETAILS_SHOWN)}", " " * 4, " " * 6)
        out += [piece.replace("\xa0", " ") for piece in line]
    return out


def _starts_text(starts: Sequence[StartEntry]) -> str:
    """The machines BKRSTART starts, in order, as its line says them."""
    said = [s.user + (" (waits until logged on and its file pool serves)" if s.wait else "") for s in starts]
    return ", ".join(said) or "nothing"


def _header_lines(v: ClusterView) -> list[str]:
    """The cluster's header: its name, file and members, the catalog, expiry, tape,
    shared volumes and, with --directory, whom the coverage leaves out."""
    out = _wrapped(f"cluster {v.name} ({v.file}): members {' '.join(v.members)}", "", " " * 2)
    header = (
        ("catalog", _catalog_text(v)),
        ("expiry", _expiry_text(v)),
        ("tape", _tape_text(v)),
        ("volumes", f"shared by every member: {_volumes_text(v.shared_volumes)}" if v.shared_volumes else "none shared"),
    ) + ((("coverage", _left_out_text(v.coverage)),) if v.coverage is not None else ())
    for label, value in header:
        out += [line.replace("\xa0", " ") for line in _wrapped(value, f"  {label:<9}", " " * 11)]
    return out


def _table(
    heads: Sequence[str], rows: Sequence[Sequence[list[str]]], schedule: int
) -> tuple[list[int], Callable[[Sequence[list[str]]], list[str]]]:
    """The columns of a table of jobs (`text`'s, `user_text`'s): each as wide as its
    heading and its widest cell, but the schedule's (column `schedule`), which folds
    after its commas to SCHEDULE_WIDTH; and what lays out a row (the headings too,
    each a cell), its cells of one or more lines side by side, each line indented
    two blanks, the cells two blanks apart. A row may have fewer cells than heads."""
    widths = [columns(h) for h in heads]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], *(columns(c) for c in cell))
    widths[schedule] = min(widths[schedule], max(SCHEDULE_WIDTH, columns(heads[schedule])))

    def lines(row: Sequence[list[str]]) -> list[str]:
        row = [cell if i != schedule else _fold(cell[0], widths[schedule]) for i, cell in enumerate(row)]
        height = max(len(cell) for cell in row)
        return [
            "  "
            + "  ".join(ljust(cell[n] if n < len(cell) else "", w) for cell, w in zip(row, widths)).rstrip()
            for n in range(height)
        ]

    return widths, lines


def text(v: ClusterView) -> str:
    """The text format: the cluster's header, then each member shown, in member
    order, its jobs by time of day, its expiry and what BKRSTART starts. Lines of
    at most WIDTH columns: a long schedule folds after its commas, and what a job
    backs up wraps in its column, or goes below the row when the column would be
    too narrow."""
    rows = [_cells(j) for m in v.shown for j in m.jobs]
    rows += [_expire_cells(action, w) for m in v.shown for action, w in m.expire]
    widths, lines = _table(HEADINGS[:-1], rows, 1)
    last = 2 + sum(w + 2 for w in widths)  # where `backs up` starts

    out = _header_lines(v)
    for m in v.shown:
        workers = f", {m.workers} worker{'s' if m.workers != 1 else ''}" if m.workers else ""
        out += ["", f"member {m.name} ({m.ordinal} of {len(v.members)}{workers}, job suffix {m.job_suffix})"]
        volumes = _wrapped(_volumes_text(m.private_volumes), "  private volumes: ", " " * 4)
        out += [line.replace("\xa0", " ") for line in volumes]
        if m.jobs:
            beside = WIDTH - last >= MIN_BACKS_UP
            heading = lines([[h] for h in HEADINGS[:-1]])[0]
            out.append(ljust(heading, last) + HEADINGS[-1] if beside else heading)
            for job in m.jobs:
                head = lines(_cells(job))
                backs_up = _backs_up_text(job, v.coverage)
                if beside:
                    body = wrap(backs_up, WIDTH - last, break_long_words=False, break_on_hyphens=False)
                    height = max(len(head), len(body))
                    head += [""] * (height - len(head))
                    body += [""] * (height - len(body))
                    out += [(ljust(h, last) + b).rstrip() for h, b in zip(head, body)]
                    out += _description_line(job)
                else:  # too narrow beside the row: on lines of its own below it
                    out += head
                    out += _description_line(job)
                    out += _wrapped(backs_up, " " * 9 + "backs up ", " " * 18)
                out += _users_lines(job)
                out += _selects_lines(job)
        else:
            out.append("  no job runs on this member")
        if m.expire:
            out.append("  expiry (BKREXPIR):")
            for action, w in m.expire:
                out += lines(_expire_cells(action, w))
        out += _wrapped(_starts_text(m.starts), "  BKRSTART starts, in order: ", " " * 4)
        if m.coverage is not None:
            out += _coverage_lines(m.name, m.coverage, v.file)
            out += _zvm_not_backed_up_lines(m.name, m.zvm or ())
            out += _zvm_not_backed_up_lines(m.name, m.product or (), "product")
        if m.capacity is not None and m.jobs:
            out += _capacity_lines(m.name, m.capacity, m.zvm or (), m.product or ())
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ CSV
#: The CSV format's columns, in their order (docs/show.md, "One line per minidisk"):
#: every one but `devtype` and `excluded_by` is a name, a word, a number or a list of
#: names, never quoted; `devtype` is the directory's word, and `excluded_by` names
#: the file, whose name may need quoting. `class` (whose minidisk: `guest`, the site's
#: users the coverage counts; `zvm`, z/VM's own IDs; `product`, the product's
#: machines) came after the others and is last, so that every column before it keeps
#: its place and `awk -F, '{print $NF}'` reads it whatever `excluded_by` holds.
CSV_COLUMNS = (
    "user",
    "statement",
    "member",
    "user_status",
    "address",
    "status",
    "manual_only",
    "jobs",
    "devtype",
    "size",
    "bytes",
    "excluded_by",
    "class",
)

#: `class`'s word for the site's users, those the coverage counts.
CSV_GUEST = "guest"

#: The columns written exactly as the JSON has them, never neutralised (`_neutralised`):
#: IDs, addresses, bkrc's own words and `NAME@MEMBER` lists, whose characters the
#: checks hold to a CP ID's or a CMS name's (no `(`, quote, `|`, `!` or `=`: nothing
#: a spreadsheet calls or links), and which an auditor greps, cuts and sorts as
#: they are (docs/show.md, "Fields"). Every other column, present or added later,
#: is neutralised.
#: The directory's device type word (`devtype`) is the one other column neutralised:
#: DIRECTXA's reading of it is not bkrc's to check, so it holds whatever the file says.
#: Named one by one, so that a column added to CSV_COLUMNS is neutralised until it is
#: named here (docs/security.md): `class` is bkrc's own word (`guest`, `zvm`, `product`).
CSV_EXACT = frozenset(
    ("user", "statement", "member", "user_status", "address", "status", "manual_only", "jobs", "size", "bytes", "class")
)

#: What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutralised(value: str) -> str:
    """`value` with a `'` before it when a spreadsheet would read it as a formula
    (`=HYPERLINK(...)`, `@SUM(...)`, `-2+3`: OWASP's neutralisation); as it is otherwise."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_field(value: str) -> str:
    """`value` as an RFC 4180 field: quoted, its quotes doubled, where it holds a
    comma, a quote or a line break (Python's `csv` leaves a lone CR unquoted
    with an LF line end, which a reader then splits the row at)."""
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def _exclude_csv(x: ExcludeAt) -> str:
    return f"{x.file}:{x.line}:{x.column} {x.whose} {x.name}"


def csv_rows(v: ClusterView) -> list[tuple[str, ...]]:
    """One row per permanent minidisk of the coverage (`--directory`), as CSV_COLUMNS:
    the very `UserCoverage` the JSON's `members[].coverage.entries` print, made flat,
    and those of z/VM's own IDs and the product's machines (`coverage.zvm`,
    `coverage.product`), which `class` tells apart, the columns outside CSV_EXACT
    neutralised for a spreadsheet (`_neutralised`).
    A USER's minidisks are one set, its entry the same on every member: one row each,
    `member` empty; an IDENTITY's are each member's own: one row per member shown.
    Sorted by user, member, address; none without `--directory`."""
    rows: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for m in v.shown:
        counted = [(CSV_GUEST, u) for u in m.coverage or ()]
        counted += [("zvm", u) for u in m.zvm or ()] + [("product", u) for u in m.product or ()]
        for whose, u in counted:
            member = "" if u.statement == "USER" else m.name
            for d in u.minidisks:
                rows.setdefault(
                    (u.user, member, d.address),
                    (
                        u.user,
                        u.statement,
                        member,
                        u.status,
                        d.address,
                        d.status,
                        "true" if d.manual_only else "false",
                        " ".join(f"{j.name}@{j.member}" for j in d.jobs),
                        d.devtype,
                        "" if d.size is None else str(d.size),
                        "" if d.bytes is None else str(d.bytes),
                        "; ".join(_exclude_csv(x) for x in d.excluded_by),
                        whose,
                    ),
                )
    return [_for_spreadsheet(rows[key]) for key in sorted(rows)]


#: For each column, in order: whether `_for_spreadsheet` neutralises it.
_NEUTRALISED = tuple(column not in CSV_EXACT for column in CSV_COLUMNS)


def _for_spreadsheet(row: tuple[str, ...]) -> tuple[str, ...]:
    """`row` with each field of a column outside CSV_EXACT `_neutralised`."""
    return tuple(_neutralised(f) if n else f for f, n in zip(row, _NEUTRALISED, strict=True))


def as_csv(v: ClusterView) -> str:
    """The CSV format (`--format csv`, with `--directory`): a header row of
    CSV_COLUMNS, then `csv_rows`, RFC 4180 fields, each line ending in LF."""
    return "".join(",".join(_csv_field(f) for f in row) + "\n" for row in [CSV_COLUMNS, *csv_rows(v)])



# ------------------------------------------------------------------ changes (--against)
@dataclass(frozen=True)
class Change:
    """One fact that differs between two views: `what` is its JSON key; `old` and
    `new` its JSON values (None: not there), `old_text` and `new_text` as the text
    format says them."""

    what: str
    old: object
    new: object
    old_text: str
    new_text: str


@dataclass(frozen=True)
class JobChange:
    """A job on one member, by its name there: `added`, `removed`, `renamed` (from
    `old_name`: a job removed and one added alike in every other field), or `changed`
    (`changes`, each field that differs, as `members[].jobs[]` names it)."""

    name: str
    status: str  # "added", "removed", "renamed" or "changed"
    row: JobRow  # the new row; the old one of a job removed
    changes: tuple[Change, ...] = ()
    old_name: str | None = None  # of a job renamed


@dataclass(frozen=True)
class BackupChange:
    """A user ID (or a group's `match` pattern) whose jobs on a member differ: the
    jobs that back it up there before and after, each by its name on the member.
    None before: it gains a backup; none after: it loses every one."""

    name: str
    type: str  # "user" or "pattern"
    old_jobs: tuple[str, ...]
    new_jobs: tuple[str, ...]


@dataclass(frozen=True)
class MinidiskChange:
    """A product machine's minidisk (`Minidisk`) added, removed or changed (its size,
    unit, volume or `at START`), by its owner and address: of a USER entry in the
    cluster's changes, of an IDENTITY's instance in its member's."""

    owner: str
    address: str
    status: str  # "added", "removed" or "changed"
    old: Minidisk | None
    new: Minidisk | None


@dataclass(frozen=True)
class CoverageChange:
    """With --directory, a directory user whose coverage differs (its status, or a
    minidisk's): a USER's in the cluster's changes (the same on every member), an
    IDENTITY's in its member's. None: not counted there (left out as the product's
    or z/VM's, or on a member only one file has)."""

    user: str
    statement: str  # "USER" or "IDENTITY"
    old: UserCoverage | None
    new: UserCoverage | None


@dataclass(frozen=True)
class CoverageTotals:
    """With --directory, the cluster's minidisks of the directory's users as the CSV
    counts them (a USER's once, an IDENTITY's once per member), before and after,
    and the USERs whose coverage differs."""

    directory: str
    minidisks: tuple[int, int]  # (old, new)
    backed_up: tuple[int, int]
    users: tuple[CoverageChange, ...]
    #: The allocated size in bytes of the minidisks backed up (`MinidiskCoverage.bytes`,
    #: those with one), counted as `minidisks`.
    bytes_backed_up: tuple[int, int] = (0, 0)
    #: The USERs of z/VM's own IDs and of the product's machines whose coverage differs,
    #: as `users` (left out of the counts, as `bkrc show` leaves them out).
    zvm: tuple[CoverageChange, ...] = ()
    product: tuple[CoverageChange, ...] = ()


@dataclass(frozen=True)
class MemberChanges:
    name: str
    status: str  # "added", "removed" or "changed"
    settings: tuple[Change, ...]  # workers, job suffix, private volumes, expiry, BKRSTART's order
    jobs: tuple[JobChange, ...]
    backups: tuple[BackupChange, ...]
    minidisks: tuple[MinidiskChange, ...] = ()  # its IDENTITY instances'
    coverage: tuple[CoverageChange, ...] = ()  # its IDENTITY users', with --directory
    #: Its IDENTITYs of z/VM's own IDs and of the product's machines whose coverage
    #: differs, as `coverage` (left out of the counts).
    zvm_coverage: tuple[CoverageChange, ...] = ()
    product_coverage: tuple[CoverageChange, ...] = ()


@dataclass(frozen=True)
class ClusterChanges:
    """What the new file changes against the old one (`bkrc show NEW --against OLD`)."""

    name: str
    old_file: str
    new_file: str
    cluster: tuple[Change, ...]
    members: tuple[MemberChanges, ...]  # those with a change, the new file's order, then those removed
    #: (type, ID or pattern) a job of any member backs up now and none did, and the reverse.
    gained: tuple[tuple[str, str], ...] = ()
    lost: tuple[tuple[str, str], ...] = ()
    #: (code, message) of each warning of the new file the old one has not (`new_warnings`),
    #: and of the old file the new one has not.
    warnings: tuple[tuple[str, str], ...] = ()
    warnings_gone: tuple[tuple[str, str], ...] = ()
    minidisks: tuple[MinidiskChange, ...] = ()  # the USER entries'
    coverage: CoverageTotals | None = None  # with --directory
    #: What the standard library the two files import declares differently (`library_changes`).
    library: tuple[LibraryChange, ...] = ()


class LibraryChange(NamedTuple):
    """A user ID or pattern the standard library declares in one file and not the other,
    or with another kind: `old` and `new` are (kind, module), None where not declared."""

    type: str  # "user" or "pattern"
    name: str
    old: tuple[str, str] | None
    new: tuple[str, str] | None


def library_changes(old: ClusterView, new: ClusterView) -> tuple[LibraryChange, ...]:
    """Each ID and pattern whose declaration by the standard library differs between the
    two files (an import changed: `std/zvm72` for `std/zvm73` declares MAINT730 now and
    MAINT720 no longer), users before patterns, by name. A kind that differs is a change;
    the same kind from another module (a shared ID moved between modules) is none."""
    before, after = dict(old.library), dict(new.library)
    out = []
    for key in sorted(before.keys() | after.keys(), key=_users_first):
        was, now = before.get(key), after.get(key)
        if was is None or now is None or was[0] != now[0]:
            out.append(LibraryChange(key[0], key[1], was, now))
    return tuple(out)


def _purging_text(v: ClusterView) -> str:
    return " ".join(v.purging) or "no member"


#: The cluster's facts `changes` compares: (JSON key of `cluster`, text label, its text).
_CLUSTER_FACTS = (
    ("name", "name", lambda v: v.name),
    ("members", "members", lambda v: " ".join(v.members)),
    ("catalog", "catalog", _catalog_text),
    ("purging_members", "purges on", _purging_text),
    ("retain_days", "retain", _retain_text),
    # each member's, where they differ (`_retain_text` says the same of both: `changes`
    # keeps `retain_days`'s change alone when both differ)
    ("retains", "retain", _retain_text),
    ("tape", "tape", _tape_text),
    ("shared_volumes", "volumes", lambda v: _volumes_text(v.shared_volumes)),
)

#: A job's fields `changes` compares: (JSON key of `members[].jobs[]`, text label, its
#: text). The users it names and its patterns are `BackupChange`s instead.
_JOB_FACTS = (
    ("source_job", "from", lambda r: r.source_job),
    ("kind", "kind", lambda r: r.kind or "?"),
    ("level", "level", lambda r: r.level),
    ("schedule", "schedule", lambda r: r.when.label),
    ("time", "time", lambda r: r.when.hhmm or "-"),
    ("to", "to", _to_text),
    ("backs_up", "backs up", _backs_up_text),
    ("selection", "selects", lambda r: " minus ".join(p for p in _selection_parts(r) if p)),
    ("description", "description", lambda r: f'"{_readable(r.description)}"' if r.description is not None else "none"),
)


def _readable(text: str) -> str:
    """A description as the text format shows it: each character a terminal acts on
    rather than shows (ESC, BEL, a C1 control, a bidirectional override: docs/security.md)
    written as `<U+XXXX>`, as the generated files write it, and a `<U+` of the text's
    own as `<U+003C>U+`, so that two descriptions that differ still read differently
    (`bkrdsl.terminal.escaped`)."""
    return escaped(text, tab=False)


def _tape_node_text(m: MemberView) -> str:
    """`catalog node TCTMM (DMM TCDMM), for the request nodes on VMSYS2 VMSYS3`, `request
    node TRTMM (DMM TRDMM), asks the catalog node on VMSYS1 for tapes`, or `none`. No
    line breaks within the node's name and DMM, nor between `on` and a member."""
    t = m.tape_node
    if t is None:
        return "none"
    which = "catalog" if t["role"] == "tape-catalog-node" else "request"
    node = f"{which} node {t['user'] or '(no machine named)'}" + (f" (DMM {t['dmm']})" if t["dmm"] else "")
    node = node.replace(" ", "\xa0")
    if which == "request":
        return f"{node}, asks the catalog node on\xa0{t['remote_nodes'][0]} for tapes"
    if not t["remote_nodes"]:
        return f"{node}, no request node"
    first, *others = t["remote_nodes"]
    return f"{node}, for the request nodes on\xa0{first}" + "".join(f" {o}" for o in others)


def _expire_text(m: MemberView) -> str:
    return ", ".join(f"{action} {w.label}" + (f" {w.hhmm}" if w.hhmm else "") for action, w in m.expire) or "none"


#: A member's facts `changes` compares: (JSON key of `members[]`, text label, its text).
_MEMBER_FACTS = (
    ("workers", "workers", lambda m: "-" if m.workers is None else str(m.workers)),
    ("job_suffix", "job suffix", lambda m: m.job_suffix),
    ("private_volumes", "volumes", lambda m: _volumes_text(m.private_volumes)),
    ("expire", "expiry", _expire_text),
    ("starts", "BKRSTART", lambda m: _starts_text(m.starts)),
    # its Tape Manager node: what its TMNODES file, copied into the node's SYS CONFIG, defines
    ("tape_node", "tape node", _tape_node_text),
)

#: Each fact's text label, by its JSON key (the cluster's, a member's and a job's keys differ).
_LABELS = {key: label for facts in (_CLUSTER_FACTS, _JOB_FACTS, _MEMBER_FACTS) for key, label, _ in facts}


def _cluster_differences(old: ClusterView, new: ClusterView, old_json: dict, new_json: dict) -> tuple[Change, ...]:
    """The cluster's facts that differ; `retains` only where `retain_days`, the one
    value of every purging member, does not (both None: local catalogs' different times)."""
    out = _differences(_CLUSTER_FACTS, old, new, old_json, new_json)
    if any(x.what == "retain_days" for x in out):
        out = tuple(x for x in out if x.what != "retains")
    return out


def _differences(facts, old, new, old_json: dict, new_json: dict) -> tuple[Change, ...]:
    """Each of `facts` ((key, label, text)) whose JSON value and text differ. The text
    alone tells two apart: an include of `*` whose records name one user more says the
    same (its `records` follow the job's users, which `BackupChange` names)."""
    out = []
    for key, _, said in facts:
        before, after = said(old), said(new)  # no-break spaces kept for `_was_now`'s wrap
        if old_json[key] != new_json[key] and before.replace("\xa0", " ") != after.replace("\xa0", " "):
            out.append(Change(key, old_json[key], new_json[key], before, after))
    return tuple(out)


def _backups(m: MemberView | None, renamed: dict[str, str] | None = None) -> dict[tuple[str, str], tuple[str, ...]]:
    """(type, ID or pattern) -> the jobs on the member that back it up, in time order;
    a job `renamed` (old name -> new) by its new name."""
    out: dict[tuple[str, str], list[str]] = {}
    for row in m.jobs if m is not None else ():
        name = (renamed or {}).get(row.name, row.name)
        for user in row.users:
            out.setdefault(("user", user), []).append(name)
        for pattern in row.patterns:
            out.setdefault(("pattern", pattern), []).append(name)
    return {key: tuple(dict.fromkeys(jobs)) for key, jobs in out.items()}


def _users_first(key: tuple[str, str]) -> tuple[bool, str]:
    """(type, name): user IDs by name, then `match` patterns by pattern."""
    kind, name = key
    return kind != "user", name


def _alike(row: JobRow) -> dict:
    """A job's fields but its names and description: two jobs alike in these are one
    job renamed (whose description may change with its name: a change of it then)."""
    return {k: v for k, v in _job_json(row).items() if k not in ("name", "source_job", "description")}


def _renames(jobs: list[JobChange], old_rows: dict[str, JobRow]) -> tuple[list[JobChange], dict[str, str]]:
    """`jobs` with each job added that is alike (`_alike`) a job removed, the first such
    in time order, as one job `renamed` in its place; and the names renamed, old -> new."""
    removed = [j for j in jobs if j.status == "removed"]
    renamed: dict[str, str] = {}
    out = []
    for j in jobs:
        if j.status == "added":
            was = next((r for r in removed if r.name not in renamed and _alike(r.row) == _alike(j.row)), None)
            if was is not None:
                renamed[was.name] = j.name
                changed = _differences(_JOB_FACTS, old_rows[was.name], j.row, _job_json(old_rows[was.name]), _job_json(j.row))
                out.append(JobChange(j.name, "renamed", j.row, changed, old_name=was.name))
                continue
        out.append(j)
    return [j for j in out if not (j.status == "removed" and j.name in renamed)], renamed


#: A minidisk's fields `changes` compares: (text label, its text). The JSON gives
#: the old and new minidisk whole (`_minidisk_json`), not field by field.
_MINIDISK_FACTS = (
    ("size", lambda d: f"{d.size:,} {d.unit}"),
    ("volume", lambda d: d.volume or "none"),
    ("start", lambda d: "allocated" if d.start is None else f"{d.start:,}"),
)


def _minidisk_changes(old: Sequence[Minidisk], new: Sequence[Minidisk]) -> tuple[MinidiskChange, ...]:
    """The minidisks of one entry set (the USER entries', or a member's IDENTITY
    instances') added, removed or changed, by owner and address, in the new
    file's order, then those only the old one has."""
    before = {(d.owner, d.address): d for d in old}
    after = {(d.owner, d.address): d for d in new}
    out = []
    for key, d in after.items():
        was = before.get(key)
        if was is None:
            out.append(MinidiskChange(d.owner, d.address, "added", None, d))
        elif any(said(was) != said(d) for _, said in _MINIDISK_FACTS):
            out.append(MinidiskChange(d.owner, d.address, "changed", was, d))
    out += [MinidiskChange(d.owner, d.address, "removed", d, None) for key, d in before.items() if key not in after]
    return tuple(out)


def _coverage_key(u: UserCoverage | None) -> object:
    """What a coverage change compares: the user's status and each minidisk's, and
    whether `manual` jobs alone back it up (BKRSUBMT DUE never submits them)."""
    return None if u is None else (u.status, tuple((d.address, d.status, d.manual_only) for d in u.minidisks))


def _coverage_changes(
    old: Sequence[UserCoverage], new: Sequence[UserCoverage], statement: str
) -> tuple[CoverageChange, ...]:
    """The users of `statement` (`USER`, `IDENTITY`) whose coverage differs, by ID."""
    before = {u.user: u for u in old if u.statement == statement}
    after = {u.user: u for u in new if u.statement == statement}
    return tuple(
        CoverageChange(user, statement, before.get(user), after.get(user))
        for user in sorted(before.keys() | after.keys())
        if _coverage_key(before.get(user)) != _coverage_key(after.get(user))
    )


def _counted(v: ClusterView) -> tuple[int, int, int]:
    """(minidisks, backed up, bytes backed up) of the directory's users, a USER's once
    (its entry is the same on every member) and an IDENTITY's once per member, as the
    CSV's rows."""
    seen: set[str] = set()
    disks = []
    for m in v.shown:
        for u in m.coverage or ():
            if u.statement == "USER":
                if u.user in seen:
                    continue
                seen.add(u.user)
            disks += u.minidisks
    backed_up = [d for d in disks if d.status == BACKED_UP]
    return len(disks), len(backed_up), sum(d.bytes for d in backed_up if d.bytes is not None)


def _coverage_totals(old: ClusterView, new: ClusterView) -> CoverageTotals | None:
    """With --directory (both views with their coverage), the cluster's counts and
    the USERs whose coverage differs; None without."""
    if old.coverage is None or new.coverage is None:
        return None

    def users(v: ClusterView, whose: str = "coverage") -> list[UserCoverage]:
        """The USERs of `v`'s members' `whose` (`coverage`, `zvm`, `product`), each once."""
        return list({u.user: u for m in v.shown for u in getattr(m, whose) or () if u.statement == "USER"}.values())

    (disks_before, up_before, bytes_before), (disks_after, up_after, bytes_after) = _counted(old), _counted(new)
    changed = _coverage_changes(users(old), users(new), "USER")
    return CoverageTotals(
        new.coverage.directory,
        (disks_before, disks_after),
        (up_before, up_after),
        changed,
        (bytes_before, bytes_after),
        zvm=_coverage_changes(users(old, "zvm"), users(new, "zvm"), "USER"),
        product=_coverage_changes(users(old, "product"), users(new, "product"), "USER"),
    )


def _member_changes(
    old: MemberView | None,
    new: MemberView | None,
    disks: tuple[Sequence[Minidisk], Sequence[Minidisk]] = ((), ()),
) -> MemberChanges | None:
    """`disks`: the member's IDENTITY instances' minidisks, before and after."""
    status = "added" if old is None else "removed" if new is None else "changed"
    settings: tuple[Change, ...] = ()
    if old is not None and new is not None:
        # `tape_node` is compared here alone: `bkrc show`'s members[] has no such key
        old_json, new_json = ({**_member_json(m), "tape_node": m.tape_node} for m in (old, new))
        settings = _differences(_MEMBER_FACTS, old, new, old_json, new_json)
    old_rows = {r.name: r for r in old.jobs} if old is not None else {}
    new_rows = {r.name: r for r in new.jobs} if new is not None else {}
    jobs = []
    for name, row in new_rows.items():
        if name not in old_rows:
            jobs.append(JobChange(name, "added", row))
            continue
        was = old_rows[name]
        changed = _differences(_JOB_FACTS, was, row, _job_json(was), _job_json(row))
        if changed:
            jobs.append(JobChange(name, "changed", row, changed))
    jobs += [JobChange(name, "removed", row) for name, row in old_rows.items() if name not in new_rows]
    jobs, renamed = _renames(jobs, old_rows)
    before, after = _backups(old, renamed), _backups(new)
    backups = tuple(
        BackupChange(name, kind, before.get((kind, name), ()), after.get((kind, name), ()))
        for kind, name in sorted(before.keys() | after.keys(), key=_users_first)
        # the same jobs in another time order (one made `manual`, moved last) back up the same
        if set(before.get((kind, name), ())) != set(after.get((kind, name), ()))
    )
    minidisk_changes = _minidisk_changes(*disks)
    users, zvm, product = (
        _coverage_changes(
            getattr(old, whose) or () if old is not None else (),
            getattr(new, whose) or () if new is not None else (),
            "IDENTITY",
        )
        for whose in ("coverage", "zvm", "product")
    )
    if status == "changed" and not (settings or jobs or backups or minidisk_changes or users or zvm or product):
        return None
    return MemberChanges((new or old).name, status, settings, tuple(jobs), backups, minidisk_changes, users, zvm, product)


def new_warnings(old: Sequence[tuple[str, str]], new: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The (code, message) warnings of `new` that `old` has not, each as many times
    more as `new` has it, in `new`'s order: a rule the change brings closer to its
    limit (BKR215, the purging member moved away from the catalog server's)."""
    left = Counter(old)
    out = []
    for warning in new:
        if left[warning]:
            left[warning] -= 1
        else:
            out.append(warning)
    return tuple(out)


def changes(
    old: ClusterView,
    new: ClusterView,
    members: Sequence[str] = (),
    warnings: Sequence[tuple[str, str]] = (),
    warnings_gone: Sequence[tuple[str, str]] = (),
) -> ClusterChanges:
    """What `new` changes against `old`, both `view`s of every member: the cluster's
    facts; whom a job of any member backs up now that none did, and the reverse; and
    per member of `members` (upper case; every member when empty; the new file's
    order, then those only the old has) its settings, its jobs by their names there,
    and the users and patterns whose jobs there differ. `warnings`: the new file's
    that the old one has not (`new_warnings`), as the caller found them;
    `warnings_gone`: the old file's that the new one has not."""
    old_json, new_json = _cluster_json(old), _cluster_json(new)
    wanted = set(members)
    old_members = {m.name: m for m in old.shown if not wanted or m.name in wanted}
    new_members = {m.name: m for m in new.shown if not wanted or m.name in wanted}
    pairs = [(old_members.get(name), m) for name, m in new_members.items()]
    pairs += [(m, None) for name, m in old_members.items() if name not in new_members]

    def instances(v: ClusterView, member: MemberView | None) -> list[Minidisk]:
        return [d for d in v.minidisks if member is not None and d.member == member.name]

    shown = (_member_changes(o, n, (instances(old, o), instances(new, n))) for o, n in pairs)
    before = {key for m in old.shown for key in _backups(m)}
    after = {key for m in new.shown for key in _backups(m)}
    return ClusterChanges(
        name=new.name,
        old_file=old.file,
        new_file=new.file,
        cluster=_cluster_differences(old, new, old_json, new_json),
        members=tuple(m for m in shown if m is not None),
        gained=tuple(sorted(after - before, key=_users_first)),
        lost=tuple(sorted(before - after, key=_users_first)),
        warnings=tuple(warnings),
        warnings_gone=tuple(warnings_gone),
        minidisks=_minidisk_changes(
            [d for d in old.minidisks if d.member is None], [d for d in new.minidisks if d.member is None]
        ),
        coverage=_coverage_totals(old, new),
        library=library_changes(old, new),
    )


def _change_json(c: Change) -> dict:
    return {"what": c.what, "old": c.old, "new": c.new}


def _minidisk_json(d: Minidisk | None) -> dict | None:
    return None if d is None else {"size": d.size, "unit": d.unit, "volume": d.volume, "start": d.start}


def _minidisk_change_json(c: MinidiskChange) -> dict:
    return {
        "owner": c.owner,
        "address": c.address,
        "status": c.status,
        "old": _minidisk_json(c.old),
        "new": _minidisk_json(c.new),
    }


def _user_state_json(u: UserCoverage | None) -> dict | None:
    if u is None:
        return None
    minidisks = [{"address": d.address, "status": d.status, "manual_only": d.manual_only} for d in u.minidisks]
    return {"status": u.status, "minidisks": minidisks}


def _coverage_change_json(c: CoverageChange) -> dict:
    return {"user": c.user, "statement": c.statement, "old": _user_state_json(c.old), "new": _user_state_json(c.new)}


def _totals_json(t: CoverageTotals | None) -> dict | None:
    if t is None:
        return None
    return {
        "directory": t.directory,
        "minidisks": {"old": t.minidisks[0], "new": t.minidisks[1]},
        "minidisks_backed_up": {"old": t.backed_up[0], "new": t.backed_up[1]},
        "bytes_backed_up": {"old": t.bytes_backed_up[0], "new": t.bytes_backed_up[1]},
        "users": [_coverage_change_json(x) for x in t.users],
        "zvm": [_coverage_change_json(x) for x in t.zvm],
        "product": [_coverage_change_json(x) for x in t.product],
    }


def changes_json(c: ClusterChanges) -> dict:
    """The documented JSON of `bkrc show --against` (docs/show.md), keys in a fixed order."""
    return {
        "format_version": FORMAT_VERSION,
        "cluster": {
            "name": c.name,
            "old_file": c.old_file,
            "new_file": c.new_file,
            "changes": [_change_json(x) for x in c.cluster],
            "gained": [{"name": name, "type": kind} for kind, name in c.gained],
            "lost": [{"name": name, "type": kind} for kind, name in c.lost],
            "new_warnings": [{"code": code, "message": message} for code, message in c.warnings],
            "warnings_gone": [{"code": code, "message": message} for code, message in c.warnings_gone],
            "minidisks": [_minidisk_change_json(x) for x in c.minidisks],
            "coverage": _totals_json(c.coverage),
            "library": [
                {
                    "name": x.name,
                    "type": x.type,
                    "old": None if x.old is None else {"kind": x.old[0], "module": x.old[1]},
                    "new": None if x.new is None else {"kind": x.new[0], "module": x.new[1]},
                }
                for x in c.library
            ],
        },
        "members": [
            {
                "name": m.name,
                "status": m.status,
                "changes": [_change_json(x) for x in m.settings],
                "jobs": [
                    {
                        "name": j.name,
                        "status": j.status,
                        "source_job": j.row.source_job,
                        "old_name": j.old_name,
                        "changes": [_change_json(x) for x in j.changes],
                        # a job added or removed: what the text's line says of it
                        "job": _job_json(j.row) if j.status in ("added", "removed") else None,
                    }
                    for j in m.jobs
                ],
                "backups": [
                    {"name": b.name, "type": b.type, "old_jobs": list(b.old_jobs), "new_jobs": list(b.new_jobs)}
                    for b in m.backups
                ],
                "minidisks": [_minidisk_change_json(x) for x in m.minidisks],
                "coverage": [_coverage_change_json(x) for x in m.coverage],
                "zvm_coverage": [_coverage_change_json(x) for x in m.zvm_coverage],
                "product_coverage": [_coverage_change_json(x) for x in m.product_coverage],
            }
            for m in c.members
        ],
    }


def _was_now(label: str, old: str, new: str, indent: int) -> list[str]:
    """`label  was OLD` above `now NEW`, each wrapped to WIDTH."""
    first = " " * indent + ljust(label, 10) + " "
    rest = " " * columns(first)
    free = label == "description"  # free text, whose words may be longer than a line
    out = _wrapped(old, first + "was ", rest + "    ", free)
    out += _wrapped(new, rest + "now ", rest + "    ", free)
    return [line.replace("\xa0", " ") for line in out]


def _row_text(row: JobRow) -> str:
    """A job as one line says it: `daily 03:30 identity incremental to tape, backs up SYSIDS (3 users)`."""
    when = row.when.label + (f" {row.when.hhmm}" if row.when.hhmm else "")
    whom = re.sub(r"\([^)]*\)", lambda m: m.group(0).replace(" ", "\xa0"), _backs_up_text(row))
    return f"{when} {row.kind or '?'} {row.level} to {_to_text(row)}, backs up {whom}"


def _who(kind: str, name: str) -> str:
    return name if kind == "user" else f"match\xa0{name}"


def _backups_lines(member: str, backups: Sequence[BackupChange]) -> list[str]:
    """One line per change of jobs, naming every user and pattern it is the change of:
    `LNXWEB01, LNXWEB02: LNXFULL, LNXINC -> LNXFULL, LNXNIGHT`."""
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}
    for b in backups:
        groups.setdefault((b.old_jobs, b.new_jobs), []).append(_who(b.type, b.name))
    out = []
    for (was, now), who in groups.items():
        if not was:
            said = f"{', '.join(who)}: backed up now by {', '.join(now)} (by no job on {member} before)"
        elif not now:
            said = f"{', '.join(who)}: no job on {member} backs up now (was {', '.join(was)})"
        else:
            said = f"{', '.join(who)}: {', '.join(was)} -> {', '.join(now)}"
        out += [line.replace("\xa0", " ") for line in _wrapped(said, " " * 4, " " * 6)]
    return out


def _place_text(d: Minidisk) -> str:
    """`10 cyl on M2PRV1`, `20 cyl on VMCOM1 at 1,000`."""
    return f"{d.size:,} {d.unit} on {d.volume or 'no volume'}" + (f" at {d.start:,}" if d.start is not None else "")


def _minidisk_lines(changes: Sequence[MinidiskChange], indent: int) -> list[str]:
    """`minidisk BKRWRK05 0191 added: 5 cyl on M2PRV1`, or `... changed` and each
    field that differs, was and now."""
    out = []
    lead = " " * indent
    for c in changes:
        if c.old is not None and c.new is not None:
            out.append(f"{lead}minidisk {c.owner} {c.address} changed")
            for label, said in _MINIDISK_FACTS:
                if said(c.old) != said(c.new):
                    out += _was_now(label, said(c.old), said(c.new), indent + 2)
        else:
            out.append(f"{lead}minidisk {c.owner} {c.address} {c.status}: {_place_text(c.new or c.old)}")
    return out


def _addresses(u: UserCoverage, status: str) -> list[str]:
    return [d.address for d in u.minidisks if d.status == status]


def _coverage_state_text(u: UserCoverage | None) -> str:
    """A user's coverage, as a change says it: `backed up: 0191 0200`, `backed up:
    0191; not selected: 0200`, `excluded: 0191`, `named, but not selected: 0191`,
    `named by no job`, `not counted`; a minidisk `manual` jobs alone back up (never
    submitted by BKRSUBMT DUE) apart: `backed up: 0191; backed up by `manual` jobs
    alone: 0100`."""
    if u is None:
        return "not counted"
    if u.status == NOT_NAMED:
        return "named by no job"
    parts = []
    for status, words in ((BACKED_UP, "backed up"), (EXCLUDED, "excluded"), (NOT_SELECTED, "not selected")):
        addresses = _addresses(u, status)
        manual = [d.address for d in u.minidisks if d.manual_only] if status == BACKED_UP else []
        addresses = [a for a in addresses if a not in manual]  # those `manual` jobs alone back up, apart
        if addresses:
            named = "named, but " if status == NOT_SELECTED and u.status == NOT_SELECTED else ""
            parts.append(f"{named}{words}: {_names_text(addresses, MAX_DETAILS_SHOWN).replace(', ', ' ')}")
        if manual:
            parts.append(f"backed up by `manual` jobs alone: {_names_text(manual, MAX_DETAILS_SHOWN).replace(', ', ' ')}")
    return "; ".join(parts) or "no minidisks"


def _coverage_change_lines(changes: Sequence[CoverageChange]) -> list[str]:
    """The users whose coverage changes alike, on one line (at most MAX_DETAILS_SHOWN
    named: the JSON names them all), then what it was and what it is now:
    `LNXP01, LNXP02, ...` above `was backed up: 0191 0200; excluded: 0203`."""
    groups: dict[tuple[str, str], list[str]] = {}
    for x in changes:
        groups.setdefault((_coverage_state_text(x.old), _coverage_state_text(x.new)), []).append(x.user)
    out = []
    for (was, now), users in groups.items():
        out += _wrapped(_names_text(users, MAX_DETAILS_SHOWN), " " * 4, " " * 6)
        out += _wrapped(f"was {was}", " " * 6, " " * 10) + _wrapped(f"now {now}", " " * 6, " " * 10)
    return out


def _totals_lines(t: CoverageTotals) -> list[str]:
    """The header's coverage: the cluster's minidisks backed up, now and before (as
    the CSV counts them), then each USER whose coverage differs."""
    (before, after), (up_before, up_after) = t.minidisks, t.backed_up
    said = (
        f"coverage of the users with minidisks in {t.directory}: {up_after:,} of {after:,} minidisks backed up now,"
        f" {up_before:,} of {before:,} before"
    )
    (bytes_before, bytes_after) = t.bytes_backed_up
    if bytes_before != bytes_after:
        more = f"({_decimal(abs(bytes_after - bytes_before))} {'more' if bytes_after > bytes_before else 'less'})"
        said += f"; their allocated size {bytes_after:,} bytes now, {bytes_before:,} before " + more.replace(" ", "\xa0")
    out = [line.replace("\xa0", " ") for line in _wrapped(said, "  ", " " * 4)]
    if t.users:
        out += ["  USER entries whose coverage changes (the same on every member):", *_coverage_change_lines(t.users)]
    for whose, changed in (("zvm", t.zvm), ("product", t.product)):
        if changed:
            said = f"{_LEFT_OUT_WORDS[whose]}' USER entries whose coverage changes (left out of the counts):"
            out += [*_wrapped(said, "  ", " " * 4), *_coverage_change_lines(changed)]
    return out


def _catalog_nodes(c: ClusterChanges) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """(machine, member) of the Tape Manager catalog node before and after, where the
    cluster's `tape` changes (None: no catalog node on a member then)."""
    tape = next((x for x in c.cluster if x.what == "tape"), None)
    if tape is None:
        return None, None

    def catalog(t) -> tuple[str, str] | None:
        nodes = [(n["id"], n["members"][0]) for n in (t or {}).get("nodes", ()) if n["role"] == "tape-catalog-node" and n["members"]]
        return nodes[0] if nodes else None

    return catalog(tape.old), catalog(tape.new)


def _node_moved(
    member: str, x: Change, catalog_nodes: tuple[tuple[str, str] | None, tuple[str, str] | None]
) -> tuple[str, str]:
    """What a member's `tape node` change adds to its `was` and `now` text where the
    catalog node moves to another member (renamed or not), as a job moved says it:
    ` (moved to PRODB, renamed TCTM2)` on the member it leaves, ` (moved from PRODA,
    renamed from TCTMM)` on the one it goes to. The text only: the JSON has the two
    members' changes."""
    before, after = catalog_nodes
    if before is None or after is None or before[1] == after[1]:
        return "", ""
    (old_id, old_member), (new_id, new_member) = before, after
    renamed = old_id != new_id
    # each phrase kept on one line (`_was_now` makes the no-break spaces blanks)
    if member == old_member:
        said = f" (moved to {new_member}" + (f", renamed {new_id}" if renamed else "") + ")"
        return said.replace(" ", "\xa0").replace(",\xa0", ", ").replace("\xa0(", " ("), ""
    if member == new_member:
        said = f" (moved from {old_member}" + (f", renamed from {old_id}" if renamed else "") + ")"
        return "", said.replace(" ", "\xa0").replace(",\xa0", ", ").replace("\xa0(", " (")
    return "", ""


def _library_lines(changes: Sequence[LibraryChange]) -> list[str]:
    """The header's lines of what the standard library declares differently, alike
    changes on one line, those declared now first, then those no longer, then those of
    another kind: `the standard library declares now (std/zvm73, single): 7VMDIR30,
    ..., MAINT730`, `... declares no longer (std/zvm72, single): ...`, `... declares
    identity now (std/zvm74), single before (std/zvm73): FOO`."""
    lines: dict[tuple[int, str], list[str]] = {}
    for x in changes:
        if x.old is None:
            said = 0, f"now ({x.new[1]}, {x.new[0]})"
        elif x.new is None:
            said = 1, f"no longer ({x.old[1]}, {x.old[0]})"
        else:
            said = 2, f"{x.new[0]} now ({x.new[1]}), {x.old[0]} before ({x.old[1]})"
        lines.setdefault(said, []).append(_who(x.type, x.name))
    out = []
    for (_, said), names in sorted(lines.items(), key=lambda item: item[0]):
        text = f"the standard library declares {said}: {', '.join(names)}"
        out += [line.replace("\xa0", " ") for line in _wrapped(text, "  ", " " * 4)]
    return out


def changes_text(c: ClusterChanges) -> str:
    """The text format of `bkrc show --against`: the cluster's changed facts, then each
    member with a change: its settings, its jobs added, removed or changed (each field
    was and now), and whom a job backs up there now that none did, or no longer."""
    out = _wrapped(f"cluster {c.name}: {c.new_file} against {c.old_file}", "", " " * 2)
    for x in c.cluster:
        out += _was_now(_LABELS[x.what], x.old_text, x.new_text, 2)
    for keys, words in ((c.gained, "backed up now, by no job before"), (c.lost, "backed up by no job now")):
        if keys:
            said = f"{words}: {', '.join(_who(kind, name) for kind, name in keys)}"
            out += [line.replace("\xa0", " ") for line in _wrapped(said, "  ", " " * 4)]
    out += _library_lines(c.library)
    for code, message in c.warnings:
        out += _wrapped(f"new warning {code}: {message}", "  ", " " * 4)
    for code, message in c.warnings_gone:
        out += _wrapped(f"warning gone {code}: {message}", "  ", " " * 4)
    out += _minidisk_lines(c.minidisks, 2)
    differs = c.coverage is not None and (
        c.coverage.users
        or c.coverage.zvm
        or c.coverage.product
        or c.coverage.minidisks[0] != c.coverage.minidisks[1]
        or c.coverage.backed_up[0] != c.coverage.backed_up[1]
        or c.coverage.bytes_backed_up[0] != c.coverage.bytes_backed_up[1]
    )
    if c.coverage is not None and (differs or any(m.coverage or m.zvm_coverage or m.product_coverage for m in c.members)):
        out += _totals_lines(c.coverage)
    if not c.cluster and not c.members and not c.minidisks and not differs:
        out.append("  no change in what runs where and when" + (", nor whom it backs up" if c.coverage else ""))
    # A single-configuration job removed on one member and added on another under
    # its name: moved (`run on` changed), which each side's line says.
    gone = {j.name: m.name for m in c.members for j in m.jobs if j.status == "removed" and j.row.kind == "single"}
    came = {j.name: m.name for m in c.members for j in m.jobs if j.status == "added" and j.row.kind == "single"}
    moved: dict[tuple[str, str], str] = {}
    for name in sorted(gone.keys() & came.keys()):
        if gone[name] != came[name]:
            moved[gone[name], name] = f" (moved to {came[name]})"
            moved[came[name], name] = f" (moved from {gone[name]})"
    catalog_nodes = _catalog_nodes(c)
    for m in c.members:
        out += ["", f"member {m.name}" + ("" if m.status == "changed" else f" ({m.status})")]
        for x in m.settings:
            was, now = _node_moved(m.name, x, catalog_nodes) if x.what == "tape_node" else ("", "")
            out += _was_now(_LABELS[x.what], x.old_text + was, x.new_text + now, 2)
        for j in m.jobs:
            source = f" (from {j.row.source_job})" if j.row.source_job != j.name else ""
            if j.status in ("changed", "renamed"):
                out.append(f"  job {j.name}{source} " + (f"renamed from {j.old_name}" if j.old_name else "changed"))
                # A job renamed says its new `from` above; the JSON keeps the change.
                for x in (x for x in j.changes if not (j.old_name and x.what == "source_job")):
                    out += _was_now(_LABELS[x.what], x.old_text, x.new_text, 4)
            else:
                how = moved.get((m.name, j.name), "")
                said = _wrapped(f"job {j.name}{source} {j.status}{how}: {_row_text(j.row)}", "  ", " " * 6)
                out += [line.replace("\xa0", " ") for line in said]
                out += _description_line(j.row, 6)
        if m.backups:
            out += ["  whom its jobs back up:", *_backups_lines(m.name, m.backups)]
        out += _minidisk_lines(m.minidisks, 2)
        if m.coverage:
            out += ["  IDENTITY entries whose coverage on it changes:", *_coverage_change_lines(m.coverage)]
        for whose, changed in (("zvm", m.zvm_coverage), ("product", m.product_coverage)):
            if changed:
                said = f"{_LEFT_OUT_WORDS[whose]}' IDENTITY entries whose coverage on it changes (left out of the counts):"
                out += [*_wrapped(said, "  ", " " * 4), *_coverage_change_lines(changed)]
    return "\n".join(out) + "\n"

__all__ = [
    "CSV_COLUMNS",
    "CSV_EXACT",
    "FORMAT_VERSION",
    "Capacity",
    "ClusterChanges",
    "ClusterView",
    "MemberCapacity",
    "as_csv",
    "as_json",
    "capacity_of",
    "changes",
    "changes_json",
    "changes_text",
    "csv_rows",
    "member_capacity",
    "text",
    "view",
]


# ------------------------------------------------------------------ one user (--user)
# "Who backs up LNXWEB01?": the rows above, of every member shown, that back the
# user up, with the statements of their selections that name it, and, with
# --directory, what `bkrdsl.coverage` finds of each of its minidisks.

#: A user's answer without the directory: a job backs it up on a schedule; only
#: `manual` jobs do; jobs back it up by `backup` but no include's records name it
#: (the coverage's NOT_NAMED, as the template never names it); no job's `backup`
#: names it (NOT_NAMED).
SCHEDULED, MANUAL_ONLY, NO_INCLUDE = "backed-up", "manual-only", "no-include"


@dataclass(frozen=True)
class UserJob:
    """A job, on one member, that names a user: its row, and the selections of its
    template there whose records or owner take in the user, each with its statement."""

    member: str
    row: JobRow
    selects: tuple[tuple[Selected, Place], ...]
    #: Per selection of `selects`, the records of its template that take the user in
    #: (`_user_records`): an include's narrowed owners or paths, an exclude's as written.
    records: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class UserView:
    """What `bkrc show --user NAME` says of one user."""

    user: str
    kind: str | None  # "single", "identity"; None: the file does not declare it
    declared: str | None  # "group LINUX", "user", "match LNXAPP* of group LINUX"; None: not declared
    declared_at: Place | None
    status: str  # SCHEDULED, MANUAL_ONLY, EXCLUDED, NO_INCLUDE or NOT_NAMED
    jobs: tuple[UserJob, ...]  # the jobs that name it, by member, then by time of day
    #: With --directory: its directory statement ("USER", "IDENTITY"; None: not in it),
    #: whom the coverage leaves it out as ("product", "zvm"; None), and, per member
    #: (None for a USER: the same from every member), what the jobs do with its minidisks.
    directory: str | None = None
    statement: str | None = None
    left_out: str | None = None
    coverage: tuple[tuple[str | None, UserCoverage], ...] = ()
    #: Of one of the product's machines (`Model.machine_roles`): its role,
    #: `catalog-sfs-server`, `backup-server`, ...; None for any other user.
    role: str | None = None
    #: With --member, where no scheduled job of the members shown backs it up: the
    #: jobs of the members left out that select it, as (member, name there), in the
    #: cluster's member order, then by time of day (the hint to look there).
    elsewhere: tuple[tuple[str, str], ...] = ()
    #: The file's other declarations of it, after `declared` (`_declarations`): the
    #: other groups that list it, its `user` statements, the patterns it matches.
    also: tuple[tuple[str, Place], ...] = ()


def _user_records(s: Selected, user: str) -> tuple[str, ...]:
    """The records of selection `s` of a template that take in `user`, in their order:
    an include's that name it (or a `match` pattern it matches), an exclude's owner or
    paths as written (`owner_takes_in`; of an SFS path, its user part); none: `s` does
    not concern the user. `include minidisk LNXP* 0200-02FF` of a job of group LINUXP
    (`match LNXP%%`) writes `LNXP%% = 0200 - 02FF`: LNXP01's is `LNXP%%`."""
    if s.medium == "minidisk":
        return tuple(owner for owner in s.records if owner_takes_in(owner, user))
    return tuple(path for path in s.records if (parts := split_sfs_path(path)) is not None and owner_takes_in(parts[1], user))


def _record_note(s: Selected, records: Sequence[str], user: str) -> str:
    """After an include's line in `--user`, the template's records of the user where
    they are not what the statement writes nor the user's own ID: ` (the template's
    record: LNXP%%)` after `include minidisk LNXP* 0200-02FF at line 154`, or after
    `include minidisk * 0191-01FF` of a user a `match` pattern declares; empty
    otherwise (an exclude's records are the statement's own words)."""
    written = (s.owner,) if s.owner is not None else s.items

    def plain(record: str) -> bool:
        if record in written:
            return True
        if s.medium == "minidisk":
            return record == user
        parts = split_sfs_path(record)
        return parts is not None and parts[1] == user

    if s.action != "include" or all(map(plain, records)):
        return ""
    return f" (the template's record{'s' if len(records) != 1 else ''}: {', '.join(records)})"


def _declarations(model: Model, user: str) -> list[tuple[str, str, Place]]:
    """Every statement that declares `user` as (kind, how, where): each `user`
    statement and group that lists it, then each `match` pattern it matches, the
    site's own first (the cluster's file, then its other modules), the standard
    library's last, each file's in the order read. `bkrc show --user TCPIP` of a
    cluster whose group SYSVM lists TCPIP names SYSVM first, then std/zvm-common's
    `identity user` line; LNXDB1 in GUESTS and CMSUSERS names both groups."""
    found: list[tuple[str, str, Place, str]] = [
        (d.kind.value, d.origin, _place(d.span), d.module) for d in model.user_defs_of(user)
    ]
    first = model.pattern_for(user)
    if first is not None:
        up = user.upper()
        found += [
            (p.kind.value, f"match {p.pattern}" + (f" of {p.origin}" if p.origin != "user" else ""), _place(p.span), p.module)
            for p in model.pattern_defs
            if p.matches(up)
        ]
    home = model.cluster.span.file if model.cluster is not None else None
    order = sorted(range(len(found)), key=lambda i: (0 if found[i][2].file == home else 2 if found[i][3].startswith("std/") else 1, i))
    return [found[i][:3] for i in order]


def _declaration(model: Model, user: str) -> tuple[str | None, str | None, Place | None]:
    """(kind, how the file declares `user`, where), each None when it does not: the
    first of `_declarations`, the site's own. A product machine the file only names,
    the catalog's SFS server (`catalog ... server BKRSVSFS`) or a Tape Manager
    machine (`tape manager ...`), is declared by that statement, with the kind bkrc
    writes its directory entry with."""
    found = _declarations(model, user)
    if found:
        return found[0]
    machine = model.product_machines().get(user)
    if machine is not None:
        catalog, tape = model.catalog, model.tape
        if catalog is not None and catalog.server == user and catalog.server_span is not None:
            return machine[0].value, "catalog", _place(catalog.server_span)
        spans = dict(tape.machines()) if tape is not None else {}
        if spans.get(user) is not None:
            return machine[0].value, "tape manager", _place(spans[user])
    return None, None, None


def _address_ranges(s: Selected) -> list[tuple[int, int]]:
    """A minidisk selection's addresses as inclusive ranges (`*` every address); a
    malformed one none (the checker has refused it)."""
    return [r for r in map(parse_address_range, s.items) if r is not None]


def _excluded_wholly(selects: Sequence[tuple[Selected, Place]]) -> bool:
    """Whether the excludes among a job's selections that take the user in remove
    every address its includes select of it: `exclude minidisk DB2PRD *`. An SFS
    include is never: what it selects is not minidisks. Without the directory this
    is what can be said of a user's minidisks; with it, the coverage says each."""
    includes = [s for s, _ in selects if s.action == "include"]
    if not includes or any(s.medium != "minidisk" for s in includes):
        return False
    removed: list[list[int]] = []
    for a, b in sorted(r for s, _ in selects if s.action == "exclude" and s.medium == "minidisk" for r in _address_ranges(s)):
        if removed and a <= removed[-1][1] + 1:
            removed[-1][1] = max(removed[-1][1], b)
        else:
            removed.append([a, b])
    return all(any(m[0] <= a and b <= m[1] for m in removed) for s in includes for a, b in _address_ranges(s))


def known_user(model: Model, user: str) -> bool:
    """Whether the file declares `user` (by ID, in a group, or by a `match` pattern)."""
    return _declaration(model, user)[1] is not None


def user_view(
    model: Model,
    v: ClusterView,
    user: str,
    found: tuple[str | None, str | None, tuple[tuple[str | None, UserCoverage], ...]] | None = None,
    directory: str | None = None,
) -> UserView:
    """What the jobs of the members `v` shows (`view`) do with `user` (upper case):
    the rows `bkrc show` prints, the very ones of `v`, of the jobs that name it,
    with the statements of their selections that concern it. `found`, with
    --directory (`bkrdsl.coverage.user_coverage`): its statement there, whom the
    coverage leaves it out as, and each member's coverage of it."""
    kind, declared, at = _declaration(model, user)
    also = tuple((how, where) for _, how, where in _declarations(model, user)[1:])
    ordered = _user_jobs(((m.name, m.jobs) for m in v.shown), user)
    including = [j for j in ordered if any(s.action == "include" for s, _ in j.selects)]
    selecting = _selecting(ordered)
    if any(j.row.when.minutes is not None for j in selecting):
        status = SCHEDULED
    elif selecting:
        status = MANUAL_ONLY
    elif including:
        status = EXCLUDED
    else:
        status = NO_INCLUDE if ordered else NOT_NAMED
    statement, left_out, coverage = found if found is not None else (None, None, ())
    role = model.machine_roles().get(user)
    elsewhere: tuple[tuple[str, str], ...] = ()
    # An IDENTITY's jobs on other members back up those members' instances: only
    # where no job shown names it (one that runs on one member, BKR221) is there one.
    if status != SCHEDULED and len(v.shown) < len(v.members) and (kind != "identity" or status == NOT_NAMED):
        shown = {m.name for m in v.shown}
        others = ((m, _rows(model, m)) for m in model.member_names if m not in shown)
        elsewhere = tuple((j.member, j.row.name) for j in _selecting(_user_jobs(others, user)))
    return UserView(user, kind, declared, at, status, ordered, directory, statement, left_out, coverage, role, elsewhere, also)


def _user_jobs(members: Iterable[tuple[str, Sequence[JobRow]]], user: str) -> tuple[UserJob, ...]:
    """The jobs of `members` ((member, its rows), in the cluster's member order, each
    member's rows by time of day) that name `user`, with the selections that concern it."""
    jobs = []
    for member, rows in members:
        for row in rows:
            if user not in row.users and not any(pattern_regex(p).match(user) for p in row.patterns):
                continue
            concern = [(s, p, records) for s, p in zip(row.selection, row.places) if (records := _user_records(s, user))]
            jobs.append(UserJob(member, row, tuple((s, p) for s, p, _ in concern), tuple(r for _, _, r in concern)))
    return tuple(jobs)


def _selecting(jobs: Sequence[UserJob]) -> list[UserJob]:
    """Those of `jobs` whose includes select the user and whose excludes leave some of it."""
    return [j for j in jobs if any(s.action == "include" for s, _ in j.selects) and not _excluded_wholly(j.selects)]


def _at(p: Place, main_file: str) -> str:
    return f"line {p.line}" if p.file == main_file else f"{p.file}:{p.line}"


#: What a user's status says, below its name, without the directory.
#: `{on}` is ` on VMSYS1` when --member leaves members out: another's job may back it up.
_USER_STATUS_WORDS = {
    SCHEDULED: "backed up by {n}{on}",
    MANUAL_ONLY: "backed up only by `manual` jobs{on} ({count}), submitted by hand, never by BKRSUBMT DUE",
    NO_INCLUDE: "backed up by no job{on}: named by {n}, but no include selects it",
    EXCLUDED: "backed up by no job{on}: named by {n}, whose excludes take out every minidisk they select",
    NOT_NAMED: "backed up by no job{on}: no job's `backup`{there} names it, its group or a pattern it matches",
}


def _minidisk_text(d: MinidiskCoverage, main_file: str) -> str:
    """`0191  backed up by LNXINC on VMSYS2`: one minidisk of a user, and what the jobs do with it."""
    jobs = ", ".join(f"{j.name} on {j.member}" for j in d.jobs)
    if d.status == BACKED_UP:
        only = [said for said, yes in (("`manual`", d.manual_only), ("incremental", d.incremental_only)) if yes]
        return f"{d.address}  backed up by {jobs}" + (f" ({' and '.join(only)} jobs only)" if only else "")
    if d.status == EXCLUDED:
        return f"{d.address}  excluded from {jobs} by the {_excludes_text(d.excluded_by, main_file)}"
    return f"{d.address}  selected by no job"


def _user_directory_lines(u: UserView, main_file: str) -> list[str]:
    """With --directory, the user's minidisks there: a USER's once, an IDENTITY's per member."""
    if u.directory is None:
        return []
    if u.statement is None:
        return [f"  not in {u.directory}: it has no minidisk there to back up"]
    left = {"product": "one of the product's machines", "zvm": "one of z/VM's own IDs"}.get(u.left_out or "")
    head = f"  minidisks in {u.directory} ({u.statement}"
    head += ", the same from every member" if u.statement == "USER" else ", each member's own"
    if left:
        head += f"; {left}, which `bkrc show --directory` leaves out of its coverage"
    out = _wrapped(head + "):", "", " " * 4)
    if not u.coverage and u.statement == "IDENTITY":  # not built on a member shown, or V-DISKs alone
        said = "no permanent minidisk on the members shown: an IDENTITY has minidisks only on the members"
        said += " its BUILD statements name, and a V-DISK or T-DISK is empty at each logon"
        return out + _wrapped(said, "    ", " " * 6)
    if not u.coverage:
        return out + ["    no permanent minidisk (a V-DISK or T-DISK is empty at each logon)"]
    for member, c in u.coverage:
        indent = "    "
        if member is not None:
            out.append(f"    on {member}:")
            indent = "      "
        for d in c.minidisks:
            out += [x.replace("\xa0", " ") for x in _wrapped(_minidisk_text(d, main_file), indent, indent + "      ")]
    return out


def _declared_text(u: UserView, main_file: str) -> str:
    """`single, in group LINUX at line 43`; `identity user at std/zvm-common.bkr:63`."""
    if u.declared_at is None:
        return "not declared in the file"
    at = _at(u.declared_at, main_file)
    if u.declared == "user":
        return f"{u.kind} user at {at}"
    if u.declared in ("catalog", "tape manager"):
        return f"{u.kind}, named by the `{u.declared}` statement at {at}"
    if u.also:
        # several statements hold it: each with its place, `in` said once
        said = [_holder(how, u.kind, _at(where, main_file)) for how, where in ((u.declared or "", u.declared_at), *u.also)]
        return f"{u.kind}, in {', '.join(said[:-1])} and {said[-1]}"
    if (u.declared or "").startswith("match "):
        return f"{u.kind}, by {u.declared} at {at}"
    return f"{u.kind}, in {u.declared} at {at}"


def _holder(how: str, kind: str | None, at: str) -> str:
    """One of several declarations of a user, after `in`: `group CMSUSERS at line 8`,
    `match LNX* of group LINUX at line 12`, `` `identity user` at std/zvm-common.bkr:63 ``."""
    if how == "user":
        return f"`{kind} user` at {at}"
    if how.startswith("match ") and " of " not in how:
        return f"`{kind} user {how.removeprefix('match ')}` at {at}"
    return f"{how} at {at}"


def _machine_text(u: UserView, v: ClusterView) -> str:
    """What one of the product's machines is, below its name: `the catalog's SFS file
    pool server (file pool BKRPOOL, on VMSYS1): one of the product's machines, whose
    directory entry `bkrc compile` writes`."""
    said = ROLE_TEXT.get(u.role or "", u.role or "")
    if u.role == "catalog-sfs-server" and v.catalog is not None:
        pool, home = v.catalog.get("pool"), v.catalog.get("member")
        where = ", ".join(x for x in (f"file pool {pool}" if pool else "", f"on {home}" if home else "") if x)
        said += f" ({where})" if where else ""
    return f"{said}: one of the product's machines, whose directory entry `bkrc compile` writes"


#: Why no job backs up a product machine the file only names (`catalog ... server
#: BKRSVSFS`, `tape manager ...`): a job's `backup` names declared users alone.
_ONLY_NAMED = (
    "backed up by no job{on}: the file names it only in its `{statement}` statement, and a job backs"
    " up the users its `backup` names; to back it up, declare it (`{kind} user {user}`) and name it"
    " in a job's `backup`"
)


def _elsewhere_lines(u: UserView) -> list[str]:
    """With --member, where no scheduled job of the members shown backs the user up,
    the jobs of the members it leaves out that do: `but jobs of members --member leaves
    out back it up: LOCAFULL on PRODA, LOCAINC on PRODA (add --member PRODA, or leave
    out --member)`. An IDENTITY's back up their own member's instance."""
    if not u.elsewhere:
        return []
    jobs = ", ".join(f"{name}\xa0on\xa0{member}" for member, name in u.elsewhere)
    members = " ".join(f"`--member\xa0{m}`" for m in dict.fromkeys(m for m, _ in u.elsewhere))
    what = "up their own member's instance of it" if u.kind == "identity" else "it up"
    said = f"but jobs of members `--member` leaves out back {what}: {jobs} (add {members}, or leave out `--member`)"
    return [line.replace("\xa0", " ") for line in _wrapped(said, "  ", "    ")]


def user_text(v: ClusterView, users: Sequence[UserView]) -> str:
    """`bkrc show --user`: the cluster's header, then each user: how the file declares
    it, the jobs that name it as the table's rows (with their member), each with the
    statements of its selections that concern the user, by line; with --directory,
    each of its minidisks."""
    out = _header_lines(v)
    shown = [m.name for m in v.shown]
    on = "" if len(shown) == len(v.members) else " on " + ", ".join(shown)
    for u in users:
        how = _declared_text(u, v.file)
        out += ["", *_wrapped(f"user {u.user} ({how})", "", "  ")]
        if u.role is not None:
            out += _wrapped(_machine_text(u, v), "  ", "    ")
        n = f"{len(u.jobs)} job{'s' if len(u.jobs) != 1 else ''}"
        words = _ONLY_NAMED if u.declared in ("catalog", "tape manager") else _USER_STATUS_WORDS[u.status]
        said = words.format(n=n, count=len(u.jobs), on=on, there=" there" if on else "", kind=u.kind, user=u.user, statement=u.declared)
        if u.status == NOT_NAMED:
            out += _wrapped(said, "  ", "    ")
        else:
            out += _wrapped(said + ":", "  ", "    ")
            rows = [([j.member], *_cells(j.row)) for j in u.jobs]
            heads = ("member", *HEADINGS[:-1])
            _, lines = _table(heads, rows, 2)  # the schedule folds as the table's
            out += lines([[h] for h in heads])
            for j, r in zip(u.jobs, rows):
                out += lines(r)
                out += _description_line(j.row, 10)
                if not any(s.action == "include" for s, _ in j.selects):
                    out.append(" " * 10 + "selects none of its minidisks or SFS paths: no include names it")
                for (s, p), records in zip(j.selects, j.records):
                    said = f"{s.action} {_selected_text(s, written=True)} at {_at(p, v.file)}"
                    said = (said + _record_note(s, records, u.user)).replace("\xa0", " ")
                    out += _wrapped(said, " " * 10, " " * 12)
        out += _elsewhere_lines(u)
        out += _user_directory_lines(u, v.file)
    return "\n".join(out) + "\n"


def _user_json(u: UserView) -> dict:
    out = {
        "user": u.user,
        "kind": u.kind,
        "declared": None
        if u.declared_at is None
        else {"origin": u.declared, "file": u.declared_at.file, "line": u.declared_at.line, "column": u.declared_at.column},
        "also_declared": [
            {"origin": how, "file": where.file, "line": where.line, "column": where.column} for how, where in u.also
        ],
        "status": u.status,
        "machine": u.role,
        "jobs": [
            {
                **_job_on_member_json(j.member, j.row),
                "description": j.row.description,
                "selection": [
                    {**_selected_json(s), "user_records": list(records), "file": p.file, "line": p.line, "column": p.column}
                    for (s, p), records in zip(j.selects, j.records)
                ],
            }
            for j in u.jobs
        ],
        "elsewhere": [{"name": name, "member": member} for member, name in u.elsewhere],
    }
    if u.directory is not None:
        out["directory"] = {
            "statement": u.statement,
            "left_out": u.left_out,
            "members": [{"member": m, **_coverage_entry_json(c)} for m, c in u.coverage],
        }
    return out


def user_json(v: ClusterView, users: Sequence[UserView]) -> dict:
    """`bkrc show --user --format json` (docs/show.md): the cluster, then each user."""
    return {"format_version": FORMAT_VERSION, "cluster": _cluster_json(v), "users": [_user_json(u) for u in users]}
