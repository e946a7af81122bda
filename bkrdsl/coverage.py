"""`bkrc show --directory`: who of the site's directory is backed up, and who is not (docs/show.md).

A user dropped from a group is not an error anywhere: `bkrc check
--directory` compares what the file names with the directory, never the
other way round, so its minidisks are silently never backed up again. This
asks the other way round, per member: of the directory's users with
permanent minidisks that run there, which one a job selects a minidisk of;
and, as a user is backed up when one of its minidisks is, which of their
minidisks a job backs up, and which every job excludes or none selects.

Every answer comes from the rules the checks and the templates already use:

- whom an include's records name: `Model.include_owners`, matched against
  the directory by `Directory.users_named` (BKR515's);
- what a user has on a member: `check.directory.user_instances` (a USER's
  MDISKs; an IDENTITY's own with its SUBCONFIG's for the member);
- an include's addresses: `check.coverage.selection_ranges`; what the job's
  excludes and, of a single-configuration job, the member's take out of a user:
  `check.coverage.removed_ranges_of` (BKR404's and BKR407's), each job's and
  member's worked out once; and, of a minidisk found excluded alone, which
  exclude statements take it out (`removing_excludes_of`, `excluded_by`);
- who is left out, the product's machines and z/VM's own IDs:
  `starter.classifier`, as `bkrc init --directory` leaves them out. What the
  jobs do with their minidisks is found as for the site's users, per member
  (`zvm_members`, `product_members`), and kept apart from the site's counts.

A USER's minidisks are the same on every member, so a job on any member
backs them up: a USER counts on every member, backed up by whichever job
selects it. An IDENTITY counts on each member its BUILD statements name,
with the minidisks its SUBCONFIG gives it there, and only that member's
jobs back those up; its global minidisks (`is_global`: in its entry itself,
one every member's instance shares) a job on any member it is built on backs
up, as a USER's (`_Selects._sharing`: BKR530's job of its own on one member).
SFS selections are not minidisks and are not counted.

Each minidisk's allocated size, the MDISK statement's count, in bytes from its
device type's geometry (`cpdirectory.GEOMETRY`: 3390 and 3380 cylinders, FB-512 and
9336 blocks; docs/show.md, "How much the jobs back up"): a DEVNO minidisk (a whole
real device), one to the volume's `END` and one of another device type have none
(`unsized` says why).

Pure: model and directory in, `show.Coverage` out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bkrdsl.check.coverage import excludes_on, removed_ranges_of, removing_excludes_of, selection_ranges
from bkrdsl.check.directory import is_global, user_instances
from bkrdsl.cpdirectory import GEOMETRY
from bkrdsl.resolve.model import timing
from bkrdsl.show import (
    BACKED_UP,
    EXCLUDED,
    NOT_NAMED,
    NOT_SELECTED,
    UNSIZED_DEVNO,
    UNSIZED_DEVTYPE,
    UNSIZED_END,
    Coverage,
    ExcludeAt,
    JobOnMember,
    MinidiskCoverage,
    UserCoverage,
)
from bkrdsl.starter import PRODUCT, classifier, directory_tape_links

if TYPE_CHECKING:
    from bkrdsl.cpdirectory import Directory, Entry, Minidisk
    from bkrdsl.resolve.model import JobModel, Model


#: A user's status from what the jobs that name it do with it, the best first.
_RANK = (BACKED_UP, EXCLUDED, NOT_SELECTED)


def coverage(model: Model, directory: Directory) -> Coverage:
    """Per member of `model`'s cluster, the directory's users with permanent
    minidisks that run there and what the jobs do with each; the users left
    out; and the users each `match` pattern of a group covers."""
    classify = classifier(model, tape_linked=directory_tape_links(directory))
    product, zvm, site = [], [], []
    for entry in sorted(directory.entries, key=lambda e: e.id):
        if entry.kind not in ("USER", "IDENTITY"):
            continue
        whose = classify(entry.id)
        (product if whose == PRODUCT else zvm if whose is not None else site).append(entry)
    members = model.member_names
    every_job = tuple((job_name, job, m) for m in members for job_name, job in model.member_jobs(m))
    selects = _Selects(model, directory, every_job)
    return Coverage(
        directory=directory.name,
        product=_with_minidisks(directory, product, members),
        zvm=_with_minidisks(directory, zvm, members),
        members={
            m: tuple(found for entry in site if (found := selects.user_on(entry, m)) is not None)
            for m in members
        },
        pattern_users={
            p: tuple(sorted(e.id for e in directory.users_named((p,))))
            for job in model.jobs
            for p in model.job_patterns(job)
        },
        zvm_members={
            m: tuple(found for entry in zvm if (found := selects.user_on(entry, m)) is not None)
            for m in members
        },
        product_members={
            m: tuple(found for entry in product if (found := selects.user_on(entry, m)) is not None)
            for m in members
        },
    )


def user_coverage(
    model: Model, directory: Directory, user_ids: Sequence[str], shown: Sequence[str] = ()
) -> dict[str, tuple[str | None, str | None, tuple[tuple[str | None, UserCoverage], ...]]]:
    """For `bkrc show --user`: of each ID (upper case), its directory statement
    ("USER", "IDENTITY"; None when the directory has no such user), whom `coverage`
    leaves it out as ("product", "zvm"; None: the site's), and what the jobs do with
    it, as `coverage` finds it: once for a USER (member None: the same from every
    member, whose jobs all count), per member of `shown` (every member when empty:
    `--member`) for an IDENTITY. Asked of a machine `coverage` leaves out too: a
    restore asks of TCPIP as of a guest."""
    classify = classifier(model, tape_linked=directory_tape_links(directory))
    every_job = tuple((job_name, job, m) for m in model.member_names for job_name, job in model.member_jobs(m))
    selects = _Selects(model, directory, every_job)
    on = [m for m in model.member_names if not shown or m in shown]
    out = {}
    for user_id in user_ids:
        entry = directory.entry(user_id)
        if entry is None or entry.kind not in ("USER", "IDENTITY"):
            out[user_id] = (None, None, ())
            continue
        whose = classify(entry.id)
        left_out = "product" if whose == PRODUCT else "zvm" if whose is not None else None
        found = [(m, c) for m in on if (c := selects.user_on(entry, m)) is not None]
        if entry.kind == "USER":
            found = found[:1] and [(None, found[0][1])]
        out[user_id] = (entry.kind, left_out, tuple(found))
    return out


def selections(model: Model, directory: Directory) -> _Selects:
    """What every member's jobs select of the directory's users, as `coverage` works
    it out (`_Selects.user_on`, `disk_selected`): `bkrc check --directory`'s BKR535
    asks it of the users a group lists, so that check and show never find a
    selection two ways."""
    every_job = tuple((job_name, job, m) for m in model.member_names for job_name, job in model.member_jobs(m))
    return _Selects(model, directory, every_job)


def _permanent(disks: Sequence[Minidisk]) -> tuple[Minidisk, ...]:
    """The minidisks that keep their contents: not a V-DISK or T-DISK."""
    return tuple(d for d in disks if not d.temporary)


def _with_minidisks(
    directory: Directory, entries: Sequence[Entry], members: tuple[str, ...]
) -> tuple[str, ...]:
    """The IDs of `entries` with a permanent minidisk on one of `members`."""
    return tuple(
        e.id for e in entries if any(_permanent(i.disks) for i in user_instances(directory, e, members))
    )


class _Selects:
    """What the jobs' minidisk includes select and their excludes remove, each
    worked out once: per job, the directory users its includes name with the
    address ranges they select of each; per job and member, what the excludes
    there take out of a user (`removed_ranges_of`); per USER, what the jobs do
    with it (the same on every member)."""

    def __init__(self, model: Model, directory: Directory, every_job) -> None:
        self.model = model
        self.directory = directory
        self.every_job = every_job  # (job name, job, member) of every member's jobs
        self._named: dict[int, dict[str, list[tuple[int, int]]]] = {}
        self._removed: dict[tuple[int, str], Callable[[str], list[tuple[int, int]]]] = {}
        self._removing: dict[tuple[int, str], Callable] = {}  # `removed`'s, naming the excludes
        self._users: dict[str, UserCoverage | None] = {}
        self._manual: dict[JobOnMember, bool] = {}  # whether a job seen is `manual` (no schedule)
        self._incremental: dict[JobOnMember, bool] = {}  # whether a job seen is incremental
        #: None (every member's jobs, a USER's) or a member -> user ID -> the jobs there
        #: whose includes name it (`naming`).
        self._naming: dict[str | None, dict[str, list]] = {}

    def user_on(self, entry: Entry, member: str) -> UserCoverage | None:
        """What the jobs do with `entry` on `member`; None when it has no permanent
        minidisk there (an IDENTITY not built there, a user with V-DISKs only). A
        USER's minidisks are the same on every member, and every member's jobs
        count for it: its answer is worked out once."""
        if entry.kind == "USER":
            if entry.id not in self._users:
                self._users[entry.id] = self._user_on(entry, member, self.naming(None).get(entry.id, ()))
            return self._users[entry.id]
        return self._user_on(entry, member, self.naming(member).get(entry.id, ()), self._sharing(entry, member))

    def _sharing(self, entry: Entry, member: str) -> list:
        """The jobs of the other members an IDENTITY is built on whose includes name it,
        where its entry itself has a global minidisk (`is_global`: one every member's
        instance shares, on a volume every member reaches): a job on any of them backs
        that one up for every member, as a USER's (BKR530, BKR221's exception: a job of
        its own on one member). Empty for an IDENTITY without one."""
        if not any(map(is_global, entry.disks)):
            return []
        built = {b.member for b in entry.builds}
        return [
            job_on
            for m in self.model.member_names
            if m != member and (m in built or "*" in built)
            for job_on in self.naming(m).get(entry.id, ())
        ]

    def naming(self, member: str | None) -> dict[str, list]:
        """User ID -> the (job name, job, member) of the jobs on `member` (None: every
        member's) whose minidisk includes name it, in `every_job`'s order: the jobs
        `status` says something of for the user (it says None of the others). Worked
        out once per member from each job's `named`, so a user's answer reads the two
        or three jobs that name it, not every job of every member."""
        known = self._naming.get(member)
        if known is None:
            known = self._naming[member] = {}
            for job_on in self.every_job:
                if member is None or job_on[2] == member:
                    for user_id in self.named(job_on[1]):
                        jobs = known.get(user_id)
                        if jobs is None:
                            known[user_id] = [job_on]
                        else:
                            jobs.append(job_on)
        return known

    def disk_selected(self, entry: Entry, member: str) -> dict[int, bool] | None:
        """Each permanent minidisk of `entry` on `member` (address -> whether a job
        selects it): `user_on`'s NOT_SELECTED, a minidisk none of the includes of the
        jobs that name the user reaches (`named`, `statuses`' ranges), is False; the
        excludes are not read, which tell only a selected minidisk backed up from
        excluded. None where `user_on` is None. BKR535 asks it of every user a group
        lists, where `user_on` would cost it five times as much."""
        found = user_instances(self.directory, entry, (member,))
        disks = _permanent(found[0].disks) if found else ()
        if not disks:
            return None
        ranges = [
            r for _job_name, job, _where in self.naming(None if entry.kind == "USER" else member).get(entry.id, ())
            for r in self.named(job)[entry.id]
        ]
        return {d.address: _within(d.address, ranges) for d in disks}

    def _user_on(self, entry: Entry, member: str, jobs, sharing=()) -> UserCoverage | None:
        """`user_on`'s answer from `jobs`, those of the member (of every member, for a
        USER) that name the user, and `sharing`, the other members' jobs that name an
        IDENTITY with a global minidisk (`_sharing`), which count for its global
        minidisks alone."""
        found = user_instances(self.directory, entry, (member,))
        disks = _permanent(found[0].disks) if found else ()
        if not disks:
            return None
        disks = tuple(sorted(disks, key=lambda d: d.address))
        if sharing:
            own = [any(d is x for x in entry.disks) and is_global(d) for d in disks]
            jobs = [(*job_on, None) for job_on in jobs] + [(*job_on, own) for job_on in sharing]
        else:
            jobs = [(*job_on, None) for job_on in jobs]
        said: dict[str, list[JobOnMember]] = {}
        each = [NOT_SELECTED] * len(disks)  # each minidisk's best status of every job's
        #: per minidisk, the jobs that back it up and those that select and exclude it
        by_disk: list[dict[str, list[JobOnMember]]] = [{} for _ in disks]
        #: per minidisk, the (job, member) of each job that selects it and takes it out
        excluding: list[list[tuple[JobModel, str]]] = [[] for _ in disks]
        for job_name, job, where, only in jobs:  # those that name it (`naming`): the others say None
            found = self.statuses(job, where, entry.id, disks)
            if found is None:
                continue
            if only is not None:  # another member's job: of the global minidisks alone
                found = [s if g else NOT_SELECTED for s, g in zip(found, only)]
                if all(s == NOT_SELECTED for s in found):
                    continue
            status = next(s for s in _RANK if s in found)
            on = JobOnMember(job_name, where)
            self._manual.setdefault(on, timing(job.run.schedule if job.run is not None else None).frequency == "manual")
            self._incremental.setdefault(on, job.level.value == "incremental")
            said.setdefault(status, []).append(on)
            each = [min(a, b, key=_RANK.index) for a, b in zip(each, found)]
            for seen, s, out in zip(by_disk, found, excluding):
                if s != NOT_SELECTED:
                    seen.setdefault(s, []).append(on)
                if s == EXCLUDED:
                    out.append((job, where))
        best = next((s for s in _RANK if s in said), NOT_NAMED)
        minidisks = tuple(
            MinidiskCoverage(
                f"{d.address:04X}",
                s,
                tuple(seen.get(s, ())),
                manual_only=s == BACKED_UP and all(self.manual(j) for j in seen[s]),
                incremental_only=s == BACKED_UP and all(self._incremental[j] for j in seen[s]),
                excluded_by=self.excluded_by(entry.id, d.address, out) if s == EXCLUDED else (),
                **_sized(d),
            )
            for d, s, seen, out in zip(disks, each, by_disk, excluding)
        )
        return UserCoverage(entry.id, entry.kind, best, tuple(said.get(best, ())), minidisks)

    def excluded_by(self, user_id: str, address: int, jobs) -> tuple[ExcludeAt, ...]:
        """The exclude statements that take `user_id`'s minidisk at `address` out of
        `jobs` (each job that selects it and excludes it, with its member), each
        once: a job's own (`whose` "job"), or, of a single-configuration job, its
        member's ("member"). Asked only of a minidisk found excluded."""
        out: dict[tuple, ExcludeAt] = {}
        for job, member in jobs:
            mine = self.model.member(member)
            removing = self._removing.get((id(job), member))
            if removing is None:
                removing = self._removing[id(job), member] = removing_excludes_of(excludes_on(job, mine))
            for e, ranges in removing(user_id):
                if _within(address, ranges):
                    of_member = mine is not None and any(e is x for x in mine.excludes)
                    span = e.span
                    out.setdefault(
                        (span.file, span.start),
                        ExcludeAt(span.file, span.line, span.column, "member" if of_member else "job",
                                  member if of_member else job.name),
                    )
        return tuple(out.values())

    def manual(self, job: JobOnMember) -> bool:
        """Whether `job` (one `_user_on` has seen) is `manual`: BKRSUBMT DUE never
        submits it, only someone by hand."""
        return self._manual[job]

    def named(self, job: JobModel) -> dict[str, list[tuple[int, int]]]:
        """The directory users `job`'s minidisk includes name, each with the address
        ranges of every include that names it (in the includes' order)."""
        known = self._named.get(id(job))
        if known is None:
            known = self._named[id(job)] = {}
            for selection, owners in zip(job.includes, self.model.include_owners(job), strict=True):
                if selection.medium.value != "minidisk" or (ranges := selection_ranges(selection)) is None:
                    continue
                for entry in self.directory.users_named(owners):  # each once
                    known.setdefault(entry.id, []).extend(ranges)
        return known

    def removed(self, job: JobModel, member: str) -> Callable[[str], list[tuple[int, int]]]:
        """What the excludes that apply to `job` on `member` take out of a user."""
        known = self._removed.get((id(job), member))
        if known is None:
            known = self._removed[id(job), member] = removed_ranges_of(
                excludes_on(job, self.model.member(member))
            )
        return known

    def statuses(self, job: JobModel, member: str, user_id: str, disks: Sequence[Minidisk]) -> list[str] | None:
        """What `job` on `member` does with each of `disks`: BACKED_UP when it selects
        it and its and the member's excludes leave it; EXCLUDED when they take it
        out; NOT_SELECTED when its includes name the user, but not at its address.
        None when no minidisk include names the user. The user is backed up by the
        job when one of them is BACKED_UP; else excluded when one is EXCLUDED."""
        ranges = self.named(job).get(user_id)
        if ranges is None:
            return None
        out = [NOT_SELECTED] * len(disks)
        removed = None
        for i, d in enumerate(disks):
            if _within(d.address, ranges):
                if removed is None:
                    removed = self.removed(job, member)(user_id)
                out[i] = EXCLUDED if _within(d.address, removed) else BACKED_UP
        return out


def _sized(d: Minidisk) -> dict:
    """A minidisk's `devtype`, `size` (cylinders or blocks, the MDISK statement's
    count), `bytes` and `unit`, or why it has none (`unsized`: a device type with no
    `GEOMETRY` here is one, counted and named, never 0 bytes), as `MinidiskCoverage`
    keeps them."""
    geometry = GEOMETRY.get(d.devtype)
    if d.form == "DEVNO":
        unsized = UNSIZED_DEVNO
    elif d.size is None:
        unsized = UNSIZED_END
    elif geometry is None:
        unsized = UNSIZED_DEVTYPE
    else:
        unit, per_unit = geometry
        return {"devtype": d.devtype, "size": d.size, "bytes": d.size * per_unit, "unit": unit}
    return {"devtype": d.devtype, "size": d.size, "unsized": unsized}


def _within(address: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(first <= address <= last for first, last in ranges)


__all__ = ["coverage", "selections", "user_coverage"]
