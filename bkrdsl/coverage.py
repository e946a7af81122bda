"""`bkrc show --directory`: who of the site's directory is backed up, and who is not (docs/show.md).

A user dropped from a group is not an error anywhere: `bkrc check
--directory` compares what the file names with the directory, never the
other way round, so its minidisks are silently never backed up again. This
asks the other way round, per member: of the directory's users with
permanent minidisks that run there, which one a job selects a minidisk of.

Every answer comes from the rules the checks and the templates already use:

- whom an include's records name: `Model.include_owners`, matched against
  the directory by `Directory.users_named` (BKR515's);
- what a user has on a member: `check.directory.user_instances` (a USER's
  MDISKs; an IDENTITY's own with its SUBCONFIG's for the member);
- an include's addresses: `check.coverage.selection_ranges`; what the job's
  and the member's excludes take out of a user:
  `check.coverage.removed_ranges_of` (BKR404's and BKR407's);
- who is left out, the product's machines and z/VM's own IDs:
  `starter.classifier`, as `bkrc init --directory` leaves them out.

A USER's minidisks are the same on every member, so a job on any member
backs them up: a USER counts on every member, backed up by whichever job
selects it. An IDENTITY counts on each member its BUILD statements name,
with the minidisks its SUBCONFIG gives it there, and only that member's
jobs back those up. SFS selections are not minidisks and are not counted.

Pure: model and directory in, `show.Coverage` out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bkrdsl.check.coverage import excludes_on, removed_ranges_of, selection_ranges
from bkrdsl.check.directory import user_instances
from bkrdsl.show import BACKED_UP, EXCLUDED, NOT_NAMED, NOT_SELECTED, Coverage, JobOnMember, UserCoverage
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
    selects = _Selects(model, directory)
    return Coverage(
        directory=directory.name,
        product=_with_minidisks(directory, product, members),
        zvm=_with_minidisks(directory, zvm, members),
        members={
            m: tuple(found for entry in site if (found := _user_on(selects, entry, m, every_job)) is not None)
            for m in members
        },
        pattern_users={
            p: tuple(sorted(e.id for e in directory.users_named((p,))))
            for job in model.jobs
            for p in model.job_patterns(job)
        },
    )


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


def _user_on(selects: _Selects, entry: Entry, member: str, every_job) -> UserCoverage | None:
    """What the jobs do with `entry` on `member`; None when it has no permanent
    minidisk there (an IDENTITY not built there, a user with V-DISKs only)."""
    found = user_instances(selects.directory, entry, (member,))
    disks = _permanent(found[0].disks) if found else ()
    if not disks:
        return None
    jobs = every_job if entry.kind == "USER" else [j for j in every_job if j[2] == member]
    said: dict[str, list[JobOnMember]] = {}
    for job_name, job, where in jobs:
        status = selects.status(job, where, entry.id, disks)
        if status is not None:
            said.setdefault(status, []).append(JobOnMember(job_name, where))
    best = next((s for s in _RANK if s in said), NOT_NAMED)
    return UserCoverage(entry.id, entry.kind, best, tuple(said.get(best, ())))


class _Selects:
    """What a job's minidisk includes select, worked out once per job: per
    include, its address ranges and the directory users its records name."""

    def __init__(self, model: Model, directory: Directory) -> None:
        self.model = model
        self.directory = directory
        self._includes: dict[int, list[tuple[list[tuple[int, int]], frozenset[str]]]] = {}

    def includes(self, job: JobModel) -> list[tuple[list[tuple[int, int]], frozenset[str]]]:
        known = self._includes.get(id(job))
        if known is None:
            known = self._includes[id(job)] = [
                (ranges, frozenset(e.id for e in self.directory.users_named(owners)))
                for selection, owners in zip(job.includes, self.model.include_owners(job), strict=True)
                if selection.medium.value == "minidisk"
                and (ranges := selection_ranges(selection)) is not None
            ]
        return known

    def status(self, job: JobModel, member: str, user_id: str, disks: Sequence[Minidisk]) -> str | None:
        """BACKED_UP when `job` on `member` selects one of `disks` that its and the
        member's excludes leave; EXCLUDED when they take out every one it selects;
        NOT_SELECTED when an include names the user but none of its addresses;
        None when no minidisk include names the user."""
        ranges = [r for r, users in self.includes(job) if user_id in users]
        if not ranges:
            return None
        selected = [d for d in disks if _within(d.address, [r for rs in ranges for r in rs])]
        if not selected:
            return NOT_SELECTED
        removed = removed_ranges_of(user_id, excludes_on(job, self.model.member(member)))
        return BACKED_UP if any(not _within(d.address, removed) for d in selected) else EXCLUDED


def _within(address: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(first <= address <= last for first, last in ranges)


__all__ = ["coverage"]
