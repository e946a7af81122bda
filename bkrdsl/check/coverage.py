"""Coverage and schedules (BKR401-BKR417): what is backed up, twice, or not at all, and when."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import heapq
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from bkrdsl import ast
from bkrdsl.ast import Kind, Scope
from bkrdsl.check.catalog import purge_kept
from bkrdsl.check.common import (
    alternatives,
    cms_name_problem,
    first_few,
    holds_comment,
    listed,
    may_share_a_day,
    quoted,
    schedule_days,
    schedules_may_meet,
    small_int,
    valid_user_id,
    valid_user_or_pattern,
)
from bkrdsl.check.jobs import left_out_members
from bkrdsl.check.registry import check
from bkrdsl.check.structure import JOB_WITHOUT_INCLUDE, empty_groups
from bkrdsl.check.values import (
    every_owner_meant,
    minidisk_written_as_sfs,
    one_slip,
    owner_after_addresses,
    owner_and_address_swapped,
    owner_left_out,
    schedule_text,
    sfs_path_problem,
    swapped_owner_fix,
)
from bkrdsl.diagnostics import Edit, Fix, Related
from bkrdsl.diagnostics.registry import register
from bkrdsl.resolve.model import (
    WEEKDAYS,
    JobModel,
    Model,
    derived_job_name,
    id_scanner,
    is_pattern,
    narrow_owners,
    owner_takes_in,
    owners_in_part,
    parse_address_range,
    parse_time,
    parse_weekday,
    pattern_body,
    pattern_regex,
    split_sfs_path,
)
from bkrdsl.resolve.patterns import covers, literal_head, pairs_that_may_share, shared_id
from bkrdsl.source import Span, span_through

#: bkrc does not know how long a backup runs; a purge that starts within this
#: many minutes after a backup on the same member is taken to overlap it.
BACKUP_WINDOW_MINUTES = 60

UNCOVERED_MEMBER = register(
    "BKR401",
    "uncovered-member",
    "warning",
    "no job runs on a member",
    """
    Every member runs Backup Manager, and every member has IDENTITY users
    whose instances only that member can back up. A member no job runs on
    (neither `run on MEMBER` nor `run on each member`) has nothing backed up,
    which is almost always an oversight (a member added to the cluster after
    the jobs were written). A member left out by a job of IDENTITY users that
    runs on the other members only is not reported here: that job is the
    mistake, and BKR221 names the member. Nor is any member while a job
    names a member no block declares (BKR330) or says nowhere it runs
    (BKR114, its `run` statement deleted): that job may be the one meant to
    run there, and its error is the one mistake.

    A job of IDENTITY users may run on one member by BKR221's exception,
    when every include of it backs up data every member shares: SFS
    directories of the shared catalog's file pool (BKR226) or, with
    `--directory`, minidisks the IDENTITY entries themselves define
    (global, BKR530). Where such a job is the only job of IDENTITY users
    (none runs on each member), the other members are reported, and the
    warning is expected if their IDENTITY instances hold nothing of their
    own to back up: `bkrc init --directory` writes such a file when every
    IDENTITY user's 0191 is global (SYSGLOB alone; docs/init.md), and says
    so. The help then says to add a job for the member if its instances
    hold data of their own, and why the pinned job runs on one member; it
    does not say to run that job on each member, which would copy the
    shared data once per member (BKR226, BKR530).

    Otherwise, where a job of single-configuration users runs on a member
    that another job runs on too, the help writes that job's `run` on the
    member no job runs on (`write `run on VMSYS3 daily 02:00` for `run on
    VMSYS1 daily 02:00` (line 14)`): a single-configuration user's minidisks
    are reached from any member, and the member it leaves keeps a job. The
    jobs of that member that may back up a user of it move with it, each
    `run` written so (a group's weekly full and its nightly incremental):
    moved alone, it would back those users up from two members (BKR411).
    Where no job can move so and the file declares an IDENTITY group no job backs
    up (BKR408), the help writes the job that backs it up on each member,
    whole, on one line: its name the group's with `F` at the end (made
    another where it, or a name it gets on a member, is taken), the first
    job's target, and the first whole hour from 01:00 at which no job
    starts and no purge would meet it (`add `job SYSIDSF { backup SYSIDS
    full  include minidisk * *  to disk  run on each member daily 01:00 }``).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          member VMSYS3 { workers 2 }      # no job runs on VMSYS3
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          single group TESTERS { TEST01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
          job TESTFULL {
            backup TESTERS full
            include minidisk * *
            to disk
            run on VMSYS2 daily 02:00
          }
        }

    Fix: a job for the IDENTITY users that runs on each member (`job SYSIN {
    backup SYSIDS incremental ... run on each member daily 01:00 }`), or a job
    of its own for VMSYS3.
    """,
)

SAME_MINUTE = register(
    "BKR402",
    "same-minute-jobs",
    "warning",
    "two jobs of one member start at the same minute",
    """
    A member's backup server takes jobs one at a time from its reader; two
    jobs submitted at the same minute compete for the same workers, the same
    backup pool and the same catalog, and the second usually waits or fails
    on a busy resource. Staggering them makes the night predictable. Two
    jobs that both run `on each member` meet on every member, each member's
    own backup server getting both at once: that is one warning, naming the
    members. Jobs on the Nth weekday of the month meet when they may fall on
    one day: `first` is taken as days 1 to 7, `second` 8 to 14, `third` 15 to
    21, `fourth` 22 to 28 and `last` 22 to 31 (`monthly fourth sun` and
    `monthly last sun` meet; `first sun` and `last sun`, or `first sun` and
    `monthly 15`, do not), and the month's last day (`monthly last-day`) as
    the 28th to the 31st, any weekday (it meets `monthly 31`, `weekly sun`
    and `monthly last sun`; not `monthly 27` or `monthly third sun`).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group GUESTS { LINUX01 LINUX02 }
          identity group SYSIDS { TCPIP }
          job GUESTFUL {
            backup GUESTS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
          job SYSFU {
            backup SYSIDS full
            include minidisk * *
            to disk
            run on each member daily 02:00   # <- BKR402
          }
        }

    Fix: `run on each member daily 04:00` for one of them.

    The help writes the later job's `run` again at the first whole hour
    after its start, the same day, at which no other job of its members
    starts and no purge would meet it (BKR403): here 04:00, VMSYS1 purging
    at 03:00 on Sundays.
    """,
)

PURGE_DURING_BACKUP = register(
    "BKR403",
    "purge-during-backup",
    "warning",
    "expiry purges the catalog while a backup is probably running on the same member",
    """
    `EXPIRE (PURGE` rewrites catalog entries while the backup server of the
    purging member is adding new ones; with a shared catalog, the backup
    servers of every member add to the catalog the purge rewrites. bkrc
    does not know how long a backup runs; it warns when the purge starts at
    the start of a backup (on the purging member, or on any member when the
    catalog is shared) or within the following 60 minutes, on a day both
    run (a backup at 23:30 is still running at 00:10 the next day; the Nth
    weekday of the month is taken as falling on days 1 to 7, 8 to 14 ... and
    the last on 22 to 31, as BKR402 does, so that a purge on `monthly last
    sun` meets a backup on `monthly fourth sat` late the evening before). A shared
    catalog purged from several members is BKR211; this warning then looks
    at the purge BKR211 keeps only: on the catalog's server's member, if it is
    one of them, else on the first. The help writes the purge at the end of
    the 60 minutes of the last backup it starts in, and again past any other
    backup it would then meet, unless that passes midnight.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge daily 02:30  retain 35 days }   # <- BKR403
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: purge when the member's backups are done: `purge daily 06:00`.
    """,
)

SHORT_MONTH = register(
    "BKR404",
    "short-month-day",
    "warning",
    "a monthly schedule on day 29, 30 or 31, which some months do not have",
    """
    `monthly 31 02:00` does not run in months with 30 days or fewer, and
    `monthly 29` does not run in February of most years. A monthly full
    backup silently skipped is discovered when a restore needs it.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 monthly 31 02:00   # <- BKR404
          }
        }

    Fix: use a day every month has (1 to 28), e.g. `monthly 1 02:00`, or
    `monthly last-day 02:00` for the month's last day, the 28th to the 31st,
    which runs every month.
    """,
)

SINGLE_TWICE = register(
    "BKR405",
    "single-user-in-two-jobs",
    "warning",
    "single-configuration users backed up by two jobs of one member at the same level",
    """
    A single-configuration user is backed up by one job from one member.
    Two full jobs (or two incremental jobs) of one member that both back up
    the same users copy the same data twice. A weekly full and a daily
    incremental job of the same users on one member is the normal pattern
    and is not reported, nor are two jobs whose includes select different
    minidisks (`include minidisk * 0191` in one, `include minidisk * 0200`
    in the other), SFS paths in different file pools, or the minidisks of
    different users (`include minidisk LNX* *` in one,
    `include minidisk APP* *` in the other). The warning names the users
    whose minidisks or directories both jobs' includes select and neither
    job's excludes (nor, for a single-configuration job, the member's) take
    out: of a group
    `{ LNX01 APP01 match LNX* }` backed up by a job with
    `include minidisk * 0191` and one with `include minidisk LNX0* 0191`,
    LNX01 and pattern `LNX0*`, not APP01; when the first job also has
    `exclude minidisk LNX* 0191`, no user is left and there is no warning.
    Users are compared through
    patterns too: jobs of `LINUX01` and of `match LIN*` both back up
    LINUX01, and so do jobs of `match LNX*` and `match LNX0*`. Jobs on two
    members are BKR411. A job whose excludes remove everything it includes
    backs up nothing (BKR407 says so) and is not compared. Nor are two jobs
    that never run on one day (`monthly 1 22:00` and `monthly 15 22:00`,
    `weekly sat` and `weekly sun`, `monthly first sun` and `monthly third
    sun`, the Nth weekday taken as BKR402 takes it): a schedule names one
    day, so a backup on the 1st and the 15th is a job for each day, the same
    but for its `run`, as the help of `monthly 1,15 22:00` writes (BKR004).
    Two jobs that may run on one day are compared: `daily` meets every
    schedule, `weekly sun` meets `monthly first sun`, and `manual`, submitted
    any day, meets every schedule. Two jobs of one day at two times (`daily
    02:00` and `daily 14:00`, the help of `daily 02:00 and 14:00`, BKR012)
    copy the same data twice that day and get this warning, as that help
    says: make the second `incremental`, or keep one. Where both jobs name
    the same group, the help's third way backs it up in one of them only;
    not where both back that group up alone (the other job would be left
    with no `backup`, BKR112: the help then deletes one job with its
    includes and excludes written into the other first, so that no disk
    only it selects loses its backups), and, where one does, the group stays in that
    one (`back up `GUESTS` in GUESTFUL only: take it out of GUESTWK's
    `backup` (line 14)`). BKR410 and BKR411 word their ways out alike.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group GUESTS { LINUX01 LINUX02 }
          job GUESTFUL {
            backup GUESTS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
          job GUESTWK {
            backup GUESTS full   # <- BKR405
            include minidisk * *
            to disk
            run on VMSYS1 weekly sun 04:00
          }
        }

    Fix: delete one job, or make one of them `incremental`.
    """,
)

SINGLE_TWO_MEMBERS = register(
    "BKR411",
    "single-user-from-two-members",
    "error",
    "single-configuration users backed up by jobs on two members",
    """
    IBM's rule for an SSI cluster: a single-configuration user is always
    backed up from the same member. Its minidisks are on shared DASD, so a
    job on any member reaches them, but jobs on two members file the user's
    backups under two members' jobs: the shared catalog splits the user's
    history, an incremental job on one member builds on a full backup the
    other member's job took, and a restore has to know which member to ask.
    This holds whatever the levels, whichever days each job runs (a job for
    the 1st and one for the 15th, which BKR405 does not compare on one
    member, split the user's history as much), and whichever of the user's minidisks or
    directories each job selects (its 0191 disk in one job, its 0200 disk in
    the other). The error names the users both jobs' includes select, less
    what each job's excludes (and its member block's) take out: a user whose
    minidisks and directories one job never selects, or excludes all of, is
    backed up from the other member only. Of a group `{ LNX01 APP01 }`
    backed up by a job with `include minidisk * *` on one member and one
    with `include minidisk LNX* *` on another, LNX01 is named, not APP01;
    when no user is left (`include minidisk APP* *` in the first job, or
    `exclude minidisk LNX* *` added to it), there is no error; with
    `exclude minidisk LNX* 0191` only, the first job still backs up LNX01's
    other minidisks, and LNX01 is named. Users are compared through
    patterns too: a job of `LINUX01` on one member and a job of `match LIN*`
    on another both back up LINUX01. A job whose excludes remove everything it includes backs up
    nothing (BKR407 says so) and is not compared.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group GUESTS { LINUX01 LINUX02 }
          job GUESTFUL {
            backup GUESTS full
            include minidisk * *
            to disk
            run on VMSYS1 weekly sun 02:00
          }
          job GUESTINC {
            backup GUESTS incremental   # <- BKR411
            include minidisk * *
            to disk
            run on VMSYS2 daily 01:00
          }
        }

    Fix: run both jobs on one member: `run on VMSYS1 daily 01:00` in
    GUESTINC, or `run on VMSYS2 weekly sun 02:00` in GUESTFUL (the member
    left without a job is then BKR401's warning). A full job and its
    incremental are a pair (the incremental restores from the full,
    BKR417): both stay, and the help moves one of them. Two jobs of one
    level that name the same group: back the group up in one of them; of
    two groups that share users, take the users out of one.
    """,
)

IDENTITY_TWICE = register(
    "BKR410",
    "identity-user-in-two-jobs",
    "warning",
    "IDENTITY users backed up by two jobs at the same level on the same member",
    """
    An IDENTITY user's instance on a member is backed up by that member's
    copy of its job. Two full jobs (or two incremental jobs) whose groups
    both hold the user (directly or through a `match` pattern) and that run
    on the same member copy the same minidisks twice there, and the catalog
    holds the user's backups under two job names. (A full and an
    incremental job of the same users is the normal pattern and is not
    reported, nor are two jobs whose includes select different minidisks:
    `include minidisk * 0191` in one and `include minidisk * 0200` in the
    other, or the minidisks of different users: `include minidisk TCPIP *`
    in one and `include minidisk FTPSERVE *` in the other, nor a job whose
    excludes remove everything it includes: it backs up nothing, which
    BKR407 says.) The warning names the users whose minidisks or
    directories both jobs' includes select and neither job's excludes (nor
    the member's) take out: with `include minidisk * 0191` in one job and
    `include minidisk TCPIP *` in the other, TCPIP only; with
    `exclude minidisk TCPIP 0191` in either job as well, no one, and there
    is no warning. Two jobs that never run on one day (`monthly 1` and
    `monthly 15`, `weekly sat` and `weekly sun`) are one backup split over
    days and are not compared, as BKR405 says.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group NETWORK { TCPIP FTPSERVE }
          identity group WEB { FTPSERVE HTTPD }
          job NETFU {
            backup NETWORK full
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
          job WEBFU {
            backup WEB full   # <- BKR410
            include minidisk * *
            to disk
            run on each member daily 02:00
          }
        }

    Fix: keep FTPSERVE in one of the groups. When both jobs name the same
    group, back it up in one of them only; or, where the second job was
    meant to take the other level (a job pasted from the first, the same
    includes and excludes, its `incremental` left as it was) and no job of
    that group on those members takes that level yet, write the other level
    in its `backup` line, as the help says.
    """,
)

OWNER_NOT_BACKED_UP = register(
    "BKR406",
    "owner-not-backed-up",
    "warning",
    "a selection names an owner the job does not back up",
    """
    A job's `backup` statement says whose data it copies; `include` and
    `exclude` narrow that down to minidisks or directories. A selection whose
    owner is not one of the job's users selects nothing: the include copies
    nothing, the exclude excludes nothing. Usually the user was meant to be in
    the job's group, or the line belongs to another job. An include's owner
    pattern (`include minidisk APP* *`) that matches none of the job's users
    and shares no user with its groups' `match` patterns selects nothing
    either, and so does an exclude's (`exclude minidisk LNXQ* 0203` in a
    job of `match LNXP*`, the owner mistyped): the disks it was written to
    leave out are backed up. An SFS path's owner is its user part: `include sfs
    BKRPOOL:CICSPRD.*` in a job that does not back up CICSPRD selects
    nothing (and would otherwise copy a user's directories from a job of
    the other configuration kind); where that path is the statement's last
    word and its user part, without directories yet, begins user IDs the job
    backs up (`include sfs BKRPOOL:C`, as an editor checks it while it is
    typed), the help names them, not a user to add to the job's group. An owner that reads as a minidisk address
    (`include minidisk 0191 *`) is the address written where the owner goes:
    the help gives the line with the owner first (`include minidisk * 0191`),
    and in a job its fix writes it where the owner and addresses stand on one
    line and `*` once (BKR116's too, for a job's one include so written).
    So is a member block's exclude written so (`exclude minidisk 0192 *`),
    which would exclude nothing on the member (no fix: `*` there is every
    user of the member's single-configuration jobs, which BKR414 asks of its
    identity jobs too). A group's name where the owner goes (`include
    minidisk APPS 0191`, as `backup APPS` names it) is said to be a group: a
    selection's owner is a user ID or pattern, and `*` is every user the job
    backs up, so of a group the job backs up the help and fix write `*`, and
    of another group the help names the jobs that back it up. An owner whose part before a
    `#` names the job's users (`include minidisk *#x 0100-0FFF`, a comment
    written without its blank: `#` is a character of CP names, so the owner
    is `*#X`) gets a help that says first to write a blank before the `#`.
    When no include of the job selects anything, the job backs up nothing:
    that is BKR116, an error, which shows these includes as its notes
    instead. An owner that one of the job's user IDs was before CP came to
    refuse it (`CICSPRD#x` in the group, a comment written without its
    blank, is 9 characters: BKR301), or is one slip from such an ID, is the
    user meant: that error is the one mistake, and neither warning is given.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group GUESTS { LINUX01 LINUX02 }
          job GUESTFUL {
            backup GUESTS full
            include minidisk * 0191
            include minidisk LINUX03 0201   # <- BKR406
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: add LINUX03 to GUESTS, or move the line to the job that backs it up.
    Where each job that backs the owner up selects those minidisks of it
    already (`include minidisk TCPIP 0191` in a job of the Linux guests,
    and `include minidisk * 0191` in the job of TCPIP's group), the help
    says to delete the line: moved there, it would be a second record of
    the same minidisks.
    """,
)

EXCLUDES_ALL = register(
    "BKR407",
    "excludes-remove-everything",
    "error",
    "a job's excludes remove everything its includes select",
    """
    Excludes are taken out of what the includes select (a member block's
    excludes apply to the single-configuration jobs pinned to that member;
    an IDENTITY job's copies carry the job's own alone, BKR414). When they
    cover every included address of every included owner, the job runs,
    reports success and backs up nothing. The owners are the ones the template names: an
    include of `*` in a job of LINUX01 is written for LINUX01, so
    `exclude minidisk LINUX01 *` removes all of it. A member's exclude that
    removes everything from several single-configuration jobs on that member
    is one mistake: one error, at that exclude, naming the jobs.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * 0190-0191   # <- BKR407
            exclude minidisk * 0100-01FF
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: narrow the exclude (`exclude minidisk * 0190`) or widen the include.
    """,
)

UNUSED_GROUP = register(
    "BKR408",
    "unused-group",
    "warning",
    "a group declared in the cluster file that no job backs up",
    """
    A group exists to be backed up. A group of the cluster file that no job's
    `backup` names leaves its users without backups, usually because a job
    names another group by mistake or was deleted. The help writes the
    `backup` line of the first job of the group's kind again with the group
    added (a job of the other kind would be BKR222's error), or, where no
    job is of its kind, a job of its own.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          single group TESTERS { TEST01 TEST02 }    # no `backup TESTERS`
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: back it up (`backup APPS, TESTERS full`), or delete the group.
    (Groups in imported modules are not reported: a shared module may serve
    several clusters. Nor are those of a module given to `bkrc check` on its
    own: the jobs that back them up are in the clusters that import it. Nor
    is any group while a job's `backup` names a group no one declares
    (BKR331) or a job has no `backup` statement (BKR112, deleted): that job
    may be the one meant to back it up, and its error is the one mistake.)

    Where a job's `backup` statement names the group's users one by one
    instead (`backup CICSPRD, DB2PRD full`, as BKR004's help writes `backup
    users CICSPRD DB2PRD full`), the help writes that statement with the
    group's name, and says whether the group holds exactly those users or
    which others it would back up too. The parser, which writes BKR004, reads
    the file's words alone, not the groups it and its imports declare: the
    group is named here, once the statement reads.
    """,
)


REPEATED_BACKUP_NAME = register(
    "BKR412",
    "name-backed-up-twice-in-a-job",
    "warning",
    "a job names the same group or user twice after `backup`",
    """
    A job's `backup` statements list whose data it copies: each group or user
    once. Named twice (`backup SYSIDS, SYSIDS incremental`, or a second
    `backup SYSIDS incremental` line), it is still backed up once: bkrc
    writes each user's selection once. The repeat is harmless in the
    output, but it is usually a slip: a group meant in its place, such as
    a second group copied from another job and not renamed, is then not
    backed up. It is one warning for each `backup` statement, naming every
    group or user it gives again: a line `backup LINUX, CMSSVC full`
    written twice is one mistake, one warning at the second. A name given
    again at the other level (`backup APPS full`, then `backup APPS
    incremental`) is not this warning: the job asks for both levels, which
    is BKR118's error, and its help says what the repeat means (split the
    job, or name the group once); "backed up once" would not be true of it.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            backup APPS full   # <- BKR412
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: name each group once: delete the second line, or name there the
    group that was meant (`backup WEB full`).
    """,
)


EXCLUDE_REMOVES_NOTHING = register(
    "BKR413",
    "exclude-removes-nothing",
    "warning",
    "a job's exclude takes nothing out of what its includes select",
    """
    An exclude narrows the job's includes: `include minidisk * 0191-01FF`
    with `exclude minidisk * 0190 019D 019E` copies that range less 019D and
    019E. An exclude of minidisks in a job that includes none (only SFS
    directories), an exclude of SFS paths in a job that includes none, or a
    minidisk exclude none of whose addresses any of the job's minidisk
    includes reaches, removes nothing. The file is valid, but the usual
    cause is an include deleted: the exclude written for it is left behind,
    and the job silently backs up less than it did (a job of `include
    minidisk * 0191-01FF`, that exclude and `include sfs BKRPOOL:CICSPRD.*`,
    its first line deleted, copies the SFS directory and no minidisk). So
    the warning shows the includes the job has. Owners are not compared (an
    include of `*` is written for each of the job's users): an exclude is
    reported only when no include of its medium could select what it
    removes, whoever the owners; an exclude whose owner, a user ID or a
    pattern, shares no user with the job is BKR406's, which says so. A job with a selection that is
    a minidisk one written with `sfs` (`include sfs * 0191`: BKR318) is not
    judged until that is mended. A member block's excludes are not judged:
    they apply to every single-configuration job on the member, also those
    written later, and a member's policy (`exclude minidisk LNX* 0192`) may
    rightly meet no job yet (one that reaches an IDENTITY job's users is
    BKR414's).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { CICSPRD }
          job APPSFULL {
            backup APPS full
            exclude minidisk * 0190 019D 019E   # <- BKR413
            include sfs BKRPOOL:CICSPRD.*
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: write the include the exclude narrows again (`include minidisk *
    0191-01FF`), or delete the exclude.
    """,
)

INCREMENTAL_WITHOUT_FULL = register(
    "BKR417",
    "incremental-without-full",
    "warning",
    "an incremental job selects minidisks that no full job of the same users selects",
    """
    A full job and an incremental job of the same users on the same members
    are a pair: the incremental copies what changed, and a restore starts
    from the full backup of the same minidisks. A minidisk include of the
    incremental job that no include of the full job reaches (another owner,
    or addresses outside all of the full job's ranges) names disks whose
    full backup is taken nowhere. The file is valid, but the usual cause is
    an include deleted from the full job while the incremental kept its
    twin (a full job of `include minidisk * 0191-01FF` and `include
    minidisk CICSRG* 0300-03FF`, its second line deleted): the CICS
    regions' 0300-03FF disks silently lose their full backups. So the
    warning names the full job and the include to write there again. Jobs
    are paired when their `backup` statements name the same groups and
    users and they share a member, and the full job selects minidisks (a
    full job of SFS directories only is another pair's); an include the
    incremental job's own excludes take out whole is BKR415's, and a full
    job with an exclude left removing nothing is BKR413's, which says that
    an include was deleted there, and one whose excludes remove everything
    it includes is BKR407's. An
    incremental job that selects less
    than its full job (the Linux guests' non-CMS disks in the full only) is
    the usual pattern and not reported. SFS includes are not compared (how
    far a wildcard path reaches is the product's business), nor owners that
    cannot be read or malformed addresses (their own errors).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group CICS { CICSRG1 CICSRG2 }
          job CICSFUL {
            backup CICS full
            include minidisk * 0191-01FF
            to disk
            run on each member weekly sun 02:00
          }
          job CICSINC {
            backup CICS incremental
            include minidisk * 0191-01FF
            include minidisk CICSRG* 0300-03FF   # <- BKR417
            to disk
            run on each member weekly mon,tue,wed,thu,fri,sat 02:00
          }
        }

    Fix: write the include in the full job too (`include minidisk CICSRG*
    0300-03FF`), or delete it from the incremental job.
    """,
)


MEMBER_EXCLUDE_NOT_IN_IDENTITY_JOB = register(
    "BKR414",
    "member-exclude-not-in-identity-job",
    "warning",
    "a member block's exclude reaches users of an IDENTITY job, whose copies it is not written into",
    """
    A member block's excludes end the templates of the single-configuration
    jobs pinned to that member, and only theirs. An IDENTITY job runs on
    each member under a member-unique name, and every member's copy carries
    the same INCLUDE and EXCLUDE statements (SSI rule 6): the catalog tells
    the copies apart only by job name, so a copy with excludes of its own
    would back up something else under a name that says it is the same job.
    So bkrc writes an IDENTITY job's copies from the job alone, and a
    member's exclude whose owner (`*`, a pattern, or an ID; of an SFS path,
    its user) reaches a user of an IDENTITY job that runs on that member is
    not written into that job's copies: the member's instances of those
    users are backed up whole. It is one warning for each such exclude,
    naming the jobs `run on each member`. (An IDENTITY job run on some
    members only is BKR221's error, and this warning keeps quiet about it.)
    Where no job of single-configuration users runs on the member, the
    exclude is the IDENTITY job's alone, and the help says to move it: write
    it in the job and delete it from the member's block (by its line).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 {
            workers 2
            exclude minidisk * 0192   # <- BKR414
          }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP FTPSERVE }
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * 0191-01FF
            to disk
            run on each member daily 03:30
          }
        }

    Fix: write the exclude in the job, so that every member's copy carries
    it:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP FTPSERVE }
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * 0191-01FF
            exclude minidisk * 0192
            to disk
            run on each member daily 03:30
          }
        }

    If the exclude is meant for the member's single-configuration jobs only,
    narrow its owner to their users (`exclude minidisk LNX* 0192`).
    """,
)

INCLUDE_EXCLUDED_ENTIRELY = register(
    "BKR415",
    "include-excluded-entirely",
    "warning",
    "a job's excludes remove everything one of its includes selects",
    """
    An exclude narrows the job's includes; written wider than meant, or
    for the same addresses as an include (`include minidisk LNX* 0200-02FF`
    beside `exclude minidisk * 0100-0FFF`), it takes the whole include out:
    the include selects nothing, and the job silently backs up less than it
    reads. The file is valid, so it is a warning, naming the include and the
    excludes that remove it. It is reported only when certain: every
    exclude counted names an owner that takes in all the include's owner
    (`*` takes in every owner, `LNX*` takes in `LNX1*` and LNX01, an owner
    takes in itself; an exclude of owner LNX01 does not take in an include
    of `*`, whoever the job's users), and those excludes together cover
    every address of the include. An SFS include is removed when each of its
    paths is: an exclude path in the same file pool whose user part takes in
    the path's and whose directories are the same, level by level, a `*`
    taking in any one name (how far a wildcard reaches into subdirectories
    is the product's business, so `BKRPOOL:CICSPRD.*` is not taken to remove
    `BKRPOOL:CICSPRD.LOGS.OLD`). Only the job's own excludes count: a member
    block's excludes are not judged here, as BKR413 does not judge them
    (they are a member's policy for every single-configuration job pinned
    there, also those written later). When the job's excludes remove
    everything every include selects, that is BKR407's error, not this
    warning as well; when the includes left select nothing either (they
    name no user of the job: BKR406), this warning says the job backs up
    nothing. A job with a selection that is a minidisk one written with
    `sfs` (BKR318), an include whose owner or addresses are malformed (their
    own errors), or one that names no user of the job (BKR406) is not judged.
    The help's second way, the include deleted, names the excludes that
    would then remove nothing (BKR413 next, for the include deleted alone),
    to delete with it: in a job's first eight such warnings (each reads the
    job's includes again; a job of thousands stays linear to check).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LNX01 CICSPRD }
          job APPSFULL {
            backup APPS full
            include minidisk * 0191
            include minidisk LNX* 0200-02FF   # <- BKR415
            exclude minidisk * 0200-02FF
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: narrow the exclude that takes the include out to the addresses meant
    (`exclude minidisk * 0250-025F`), or delete the include if it is no longer
    wanted.
    """,
)

NAMED_TWICE = register(
    "BKR416",
    "named-twice",
    "warning",
    "a list names the same day, member, user or pattern twice (`weekly` days, `expire on`, a group)",
    """
    Some lists name each of their items once, and the same item named twice
    means what it means named once:

    - the days after `weekly`: a day named twice (`weekly sun,sun 22:00`, or
      by its two names, `weekly sun,sunday 22:00`, in any case) still runs
      once that day, and `bkrc show` and the generated EXECs name it once;
      the same for an `expire` block's `preview` and `purge`;
    - the members after `expire on` (`expire on VMSYS1, VMSYS1 { ... }`): the
      block's preview and purge run once on the member (its purge is not
      a second one, BKR211's error);
    - a group's entries (`single group LINUX { LNXWEB01 LNXWEB02 LNXWEB01 }`,
      `match LNX*` twice, a user ID in any case): the group holds the user or
      pattern once, its jobs back it up once, and `bkrc show` counts it once.

    But an item written twice is usually a slip for another (`sat,sun` meant,
    `sun,sun` written; a guest LNXWEB03 meant, LNXWEB01 pasted again), and
    that day, member or user is then left out, without a word. It is one
    warning for each list, at the first item it names again, naming every
    item named again; its fix deletes the repeats. (`monthly` names one day:
    the same day written twice there, `monthly 1,1 02:00`, is BKR004's
    error for several days, whose help and fix write the day once. Other
    lists say a repeat with their own codes: a member twice in `run on`,
    which would give the job two templates of one name, is BKR115's error; a
    group or user twice after `backup` is BKR412; an address or SFS path
    twice in a job's includes or excludes BKR312; a volume twice in a volume
    list BKR325; a user ID twice in a `single user` or `identity user`
    statement BKR320, or BKR004 written twice in a row. A repeat inside a run
    of a group's entries read as user IDs, `include include include` alone
    on its line, is BKR021's warning, which says it.)

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 weekly sat,sunday,sun 22:00   # <- BKR416
          }
        }

    Fix: name each item once: `weekly sat,sun 22:00`, or write the day, member
    or user that was meant (`weekly fri,sat,sun 22:00`).
    """,
)

OWNER_IN_PART = register(
    "BKR409",
    "owner-pattern-overlaps-in-part",
    "error",
    "an include's owner pattern shares only some users with a group's `match` pattern",
    """
    A template names owners, not the users behind them: bkrc writes an
    include's owner narrowed to the users and `match` patterns the job backs
    up (`include minidisk * 0191` in a job of `match LNX*` is written for
    `LNX*`), so that a template never selects a user the job does not back
    up. When the include's owner pattern and one of the job's `match`
    patterns share some users but neither holds all of the other's
    (`LNX1*` and `LNX*1` share LNX101, but LNX102 is only in `LNX1*` and
    LNX201 only in `LNX*1`), no one pattern names exactly the shared users:
    writing either would back up users of other jobs, or of the other
    configuration kind, and leaving the record out would silently skip data
    the file asks for. When every shared user is one the group lists by name
    (`include minidisk LNX%%%01 0191` in a group of `{LNXWEB01 match
    LNXWEB*}` shares only LNXWEB01), bkrc writes those names and nothing is
    lost, so there is no error. An owner pattern whose part before a `#`
    names the job's users (`include minidisk LNXP*#x 0200-02FF`, a comment
    written without its blank: `#` is a character of CP names, so the owner
    is `LNXP*#X`) gets a help that says first to write a blank before the
    `#`.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group LINUX { match LNX*1 }
          job LNXFULL {
            backup LINUX full
            include minidisk LNX1* 0191   # <- BKR409
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: write the include for the group's own pattern (`include minidisk
    LNX*1 0191`, or `*`), or for a pattern inside it (`LNX1*1`).
    """,
)


# ------------------------------------------------------------------ schedules
MINUTES_A_DAY = 24 * 60


def _next_day(days):
    """The days after the days of `_days` (the 31st is followed by the 1st; a
    shorter month's last day is not)."""
    if isinstance(days, frozenset):
        return frozenset((d + 1) % 7 for d in days)
    if isinstance(days, tuple) and days[0] == "nth":
        # the day after the last weekday may be the 1st: a month ends on the 28th to the 31st
        _, weekday, dates = days
        after = {d + 1 for d in dates if d < 31} | ({1} if dates & {28, 29, 30, 31} else set())
        return ("nth", (weekday + 1) % 7, frozenset(after))
    if isinstance(days, tuple) and days[0] == "end":
        return ("month", 1)  # the day after the month's last day is the 1st
    if isinstance(days, tuple):
        return ("month", days[1] % 31 + 1)
    return days


def timing(s: ast.Schedule | None):
    """(minutes after midnight, days) of a schedule with a time; None for one without,
    or whose time or days do not read."""
    if s is None or s.time is None:
        return None
    t = parse_time(s.time.text)
    d = schedule_days(s)
    return (t, d) if t is not None and d is not None else None


def job_runs(model: Model):
    """(member, minutes, days, job) for every scheduled job on every declared member."""
    for job in model.jobs:
        timed = timing(job.run.schedule if job.run else None)
        if timed is None:
            continue
        for m in dict.fromkeys(job.members):
            if model.member(m) is not None:
                yield m, timed[0], timed[1], job


@check
def uncovered_members(model: Model):
    covered = {m for job in model.jobs for m in job.members}
    if any(model.member(m) is None for m in covered):
        return  # a job names an unknown member (BKR330): it may be the one meant here
    if any(not job.decl.runs for job in model.jobs):
        return  # a job says nowhere it runs (BKR114): its `run` may be the one meant here
    # A member an IDENTITY job pinned elsewhere leaves out is BKR221's mistake, and
    # BKR221 names the member: `run on each member` covers it, and this warning with it.
    covered.update(m for job in model.jobs for m in left_out_members(model, job))
    uncovered = [m for m in model.members if m.name not in covered and model.member(m.name) is m]
    if not uncovered:
        return  # every member runs a job: no help to work out
    help = "add a job that runs on this member (a job of IDENTITY users, `run on each member`, backs up every member's instances)"
    pinned = _pinned_by_exception(model)
    if pinned is not None:  # moved to each member, it would be BKR226's or BKR530's error
        help = (
            f"add a job for this member if its IDENTITY instances hold data of their own; job {quoted(pinned.name)}"
            " runs on one member because what it backs up every member shares (on each member it would copy"
            " that once per member)"
        )
    movable = _movable_job(model) if pinned is None else None
    if pinned is None and movable is None:
        help = _identity_job_help(model) or help
    for m in uncovered:
        yield UNCOVERED_MEMBER(
            f"no job runs on member `{m.name}`: nothing is backed up there",
            m.decl.name.span,
            help=help if movable is None else _move_help(model, movable, m.name, help),
        )


def _movable_job(model: Model) -> list[JobModel] | None:
    """The first jobs of single-configuration users pinned to a member that another job
    runs on too: BKR401's help may move them to a member no job runs on (their users'
    minidisks are reached from any member), and their own member keeps a job. A job is
    moved with every job pinned to its member that may back up a user of it (the weekly
    full of a group with its nightly incremental): moved alone, those users would be
    backed up from two members (BKR411; was the one job alone, h9, stop 71)."""
    pinned = [
        job
        for job in model.jobs
        if job.kinds == {Kind.SINGLE} and job.run is not None and not job.each_member and len(set(job.members)) == 1
    ]
    for job in pinned:
        (member,) = set(job.members)
        if model.member(member) is None:
            continue
        on_member = [j for j in model.jobs if member in j.members]
        if len(on_member) < 2:
            continue
        alongside = [j for j in pinned if j is not job and j.members[0] == member]
        items: dict[int, tuple[dict, dict]] = {}  # each job's `_single_items`, read once
        moved = [job]
        for one in moved:  # grows as it goes: jobs sharing a user with one moved are moved too
            for other in alongside:
                if all(other is not m for m in moved) and _may_share_users(items, one, other):
                    moved.append(other)
        if len(moved) < len(on_member):
            return sorted(moved, key=model.jobs.index)
    return None


def _may_share_users(items: dict[int, tuple[dict, dict]], one: JobModel, two: JobModel) -> bool:
    """Whether two jobs of single-configuration users may back up a user in common: an
    ID both name, a pattern of one matching an ID of the other, or two patterns that
    match one ID. `items`: each job's `_single_items` by its id(), filled as read."""
    ids_one, patterns_one = items.get(id(one)) or items.setdefault(id(one), _single_items(one))
    ids_two, patterns_two = items.get(id(two)) or items.setdefault(id(two), _single_items(two))
    if ids_one.keys() & ids_two.keys():
        return True
    if any(pattern_regex(p).match(i) for p in patterns_one for i in ids_two):
        return True
    if any(pattern_regex(p).match(i) for p in patterns_two for i in ids_one):
        return True
    return any(shared_id(a, b) is not None for a in patterns_one for b in patterns_two)


def _move_help(model: Model, jobs: list[JobModel], member: str, otherwise: str) -> str:
    """BKR401's help with the jobs to move written on the file's names: `write `run on
    VMSYS3 daily 03:00` for `run on VMSYS1 daily 03:00` (line 19)`, for each job."""
    (was,) = set(jobs[0].members)
    writes = []
    for job in jobs:
        run = job.run
        when = f" {schedule_text(run.schedule)}" if run.schedule is not None else ""
        writes.append(
            f"`run on {member}{when}` for `run on {', '.join(w.text for w in run.placement.members)}{when}`"
            f" (line {run.span.line})"
        )
    keeps = next(j for j in model.jobs if all(j is not m for m in jobs) and was in j.members)
    if len(jobs) == 1:
        what = f"move job {quoted(jobs[0].name)} there: write {writes[0]}"
    else:
        what = (
            f"move jobs {_and([quoted(j.name) for j in jobs])} there together, as they back up the same"
            f" users, whom one member must back up (BKR411): write {_and(writes)}"
        )
    return f"{what}; `{was}` keeps job {quoted(keeps.name)}; or {otherwise}"


def _and(items: list[str]) -> str:
    """`a`, `b` and `c`, every one of them (the help writes each)."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _identity_job_help(model: Model) -> str | None:
    """BKR401's help where no job can move and the file declares an IDENTITY group no
    job backs up (BKR408): the job that backs it up on each member written whole, on a
    name and at an hour that are free (`add `job SYSIDSF { backup SYSIDS full  include
    minidisk * *  to disk  run on each member daily 01:00 }``). None without such a
    group, a free name or a free hour."""
    used = {r.group.name for j in model.jobs for r in j.refs if r.group is not None}
    group = next(
        (
            g
            for g in model.groups
            if g.kind is Kind.IDENTITY
            and g.module == model.main_file
            and g.name not in used
            and model.group(g.name) is g
            and not is_pattern(g.name)
        ),
        None,
    )
    if group is None or not any(j.decl.targets for j in model.jobs):
        return None
    name, at = _new_job_name(model, group.name), _free_hour(model)
    if name is None or at is None:
        return None
    target = next(j.decl.targets[0] for j in model.jobs if j.decl.targets)
    to = f"to {target.medium.value}" + (f" pool {target.pool.text}" if target.pool is not None else "")
    job = f"job {name} {{ backup {group.name} full  include minidisk * *  {to}  run on each member daily {at} }}"
    return (
        f"back up identity group {group.name} (line {group.decl.name.span.line}) on each member, this one too:"
        f"\nadd `{job}` to the cluster block"
    )


def _new_job_name(model: Model, group: str) -> str | None:
    """A name for a new job of `group` on each member: the group's name with `F` (full)
    at its end, cut so that every per-member name is at most 8 characters, else that
    name with its last character another letter or digit; never a name, or a
    per-member name, of another job (BKR223, BKR224, BKR323); at most five characters
    where two members or more run several workers, whose worker tasks the first six
    name (BKR227)."""
    suffixes = [m.job_suffix for m in model.members]
    most = 8 - max(map(len, suffixes), default=0)
    if sum((m.workers or 0) > 1 for m in model.members) > 1:
        most = min(most, 5)
    if most < 2:
        return None
    taken = {j.name.upper() for j in model.jobs}
    taken |= {n.upper() for j in model.jobs if j.run is not None for _, n in model.derived_names(j)}
    base = f"{group[: most - 1]}F"
    for name in (base, *(f"{base[:-1]}{c}" for c in "ABCDEGHIJKLMNOPQRSTUVWXYZ123456789")):
        names = [name, *(derived_job_name(name, s) for s in suffixes)]
        if cms_name_problem(name) is None and all(n.upper() not in taken for n in names):
            return name
    return None


def _free_hour(model: Model) -> str | None:
    """The first whole hour from 01:00 at which a daily job on every member meets no
    other job's start (BKR402) and no purge (BKR403)."""
    starts = [(t, d) for _, t, d, _ in job_runs(model)]
    purges = [t for e in model.expires if (t := timing(e.purge)) is not None]
    for hour in (*range(1, 24), 0):
        at = hour * 60
        if any(t == at and may_share_a_day(d, "all") for t, d in starts):
            continue
        if any(purge_meets(minutes, days, at, "all") for minutes, days in purges):
            continue
        return f"{hour:02d}:00"
    return None


def _pinned_by_exception(model: Model) -> JobModel | None:
    """The first job of IDENTITY users that runs on one member of several by BKR221's
    exception (a shared file pool's directories, BKR226; with `--directory`, global
    minidisks, BKR530), when no job of IDENTITY users runs on each member: BKR401's
    help then does not say to run it there, which would copy the same data once per
    member."""
    if len(model.member_names) < 2:
        return None
    identity_jobs = [j for j in model.jobs if j.kinds == {Kind.IDENTITY} and j.run is not None]
    if any(j.each_member for j in identity_jobs):
        return None
    for job in identity_jobs:
        members = set(job.members)
        if len(members) == 1 and model.member(next(iter(members))) is not None and not left_out_members(model, job):
            return job
    return None


@check
def same_minute(model: Model):
    # Two jobs that run on each member clash on every member: one mistake, one
    # warning, naming the members, at the later job's time.
    clashes: dict[tuple[int, int], tuple[JobModel, JobModel, list[str]]] = {}
    slots: dict[tuple[str, int], list[tuple[object, JobModel]]] = {}
    for member, minutes, days, job in job_runs(model):
        earlier = slots.setdefault((member, minutes), [])
        # Two jobs of one name are BKR323's one mistake, not also a clash of times.
        clash = next((j for d, j in earlier if j.name != job.name and may_share_a_day(d, days)), None)
        earlier.append((days, job))
        if clash is not None:
            clashes.setdefault((id(clash), id(job)), (clash, job, []))[2].append(member)
    for clash, job, members in clashes.values():
        if len(members) == 1:
            where = f"on `{members[0]}`: that member's backup server gets both at once"
        else:
            where = f"on each of {listed(members)}: each member's own backup server gets both at once"
        yield SAME_MINUTE(
            f"jobs {quoted(clash.name)} and {quoted(job.name)} both start at {job.run.schedule.time.text} {where}",
            job.run.schedule.time.span,
            related=(Related(clash.run.schedule.time.span, f"{clash.name} starts here"),),
            help=_stagger_help(model, clash, job, slots),
        )


def _stagger_help(model: Model, a: JobModel, b: JobModel, slots) -> str:
    """Stagger the two jobs: the later one's `run` written again at the first hour after
    its start that no other job of its members starts at and no purge meets (BKR403);
    when a daily job meets a weekly one (the usual nightly incremental beside a weekly
    full), the daily one can skip the weekly one's days. `slots`: the jobs that start
    at each minute on each member, with their days, as `same_minute` gathers them."""
    text = "stagger them: start one when the other is usually done"
    later = _staggered_start(model, b, slots)
    if later is not None:
        run = b.run
        placement = "each member" if run.placement.each_member else ", ".join(w.text for w in run.placement.members)
        text = (
            f"stagger them: write `run on {placement} {schedule_text(run.schedule, later)}` for"
            f" `run on {placement} {schedule_text(run.schedule)}` (line {run.span.line}), so that"
            f" {b.name} starts when {a.name} is usually done"
        )
    kinds = {a.run.schedule.frequency: a, b.run.schedule.frequency: b}
    if set(kinds) != {"daily", "weekly"}:
        return text
    weekly = schedule_days(kinds["weekly"].run.schedule)
    if not isinstance(weekly, frozenset):
        return text
    others = [WEEKDAYS[d].lower() for d in range(7) if d not in weekly]
    if not others:
        return text
    return f"{text}, or run {kinds['daily'].name} on the other days only: `weekly {','.join(others)}`"


def _staggered_start(model: Model, job: JobModel, slots) -> str | None:
    """The first whole hour after `job`'s start, the same day, that no other job of its
    members starts at (BKR402) and no purge it is checked against meets (BKR403).
    `slots`: (member, minute) -> [(days, job)] of every job's start (`same_minute`),
    so that each hour tried reads the jobs that start then, not every job's run."""
    timed = timing(job.run.schedule)
    if timed is None:
        return None
    start, days = timed
    members = list(dict.fromkeys(job.members))
    shared = model.catalog is not None and model.catalog.scope is Scope.SHARED
    purges = [
        t for e in model.expires if (t := timing(e.purge)) is not None and (shared or not set(e.members).isdisjoint(members))
    ]
    for at in range(start + BACKUP_WINDOW_MINUTES, MINUTES_A_DAY, BACKUP_WINDOW_MINUTES):
        if any(j is not job and may_share_a_day(d, days) for m in members for d, j in slots.get((m, at), ())):
            continue
        if any(purge_meets(minutes, purge_days, at, days) for minutes, purge_days in purges):
            continue
        return f"{at // 60:02d}:{at % 60:02d}"
    return None


@check
def purge_overlaps_backup(model: Model):
    runs = list(job_runs(model))
    # A shared catalog takes every member's backups: a purge on one member
    # rewrites what the backup servers of all members are adding to.
    shared = model.catalog is not None and model.catalog.scope is Scope.SHARED
    purging = list(
        dict.fromkeys(m for e in model.expires if e.purge is not None for m in e.members if model.member(m))
    )
    # A shared catalog purged from several members is BKR211, whose help keeps one
    # (purge_kept): the purges on the others are that mistake, not overlaps of their own.
    extra = set(purging) - {purge_kept(model, purging)} if shared and purging else set()
    for e in model.expires:
        timed = timing(e.purge)
        if timed is None:
            continue
        minutes, days = timed
        for member in dict.fromkeys(e.members):
            if member in extra:
                continue
            for m, start, job_days, job in runs:
                if (m == member or shared) and purge_meets(minutes, days, start, job_days):
                    where = "" if m == member else f" on `{m}`"
                    why = "" if m == member else ", adding to the same shared catalog"
                    yield PURGE_DURING_BACKUP(
                        f"the purge at {e.purge.time.text} on `{member}` starts while job {quoted(job.name)}"
                        f" (from {job.run.schedule.time.text}{where}) is probably still running{why}",
                        e.purge.time.span,
                        related=(Related(job.run.schedule.time.span, f"{job.name} starts here"),),
                        help=f"purge at least {BACKUP_WINDOW_MINUTES} minutes after the last backup"
                        f" {'of the cluster' if shared else 'of the member'} starts"
                        + _later_purge(e.purge, minutes, days, [r for r in runs if r[0] == member or shared]),
                    )
                    break


def purge_meets(minutes: int, days, start: int, job_days) -> bool:
    """Whether a purge at `minutes` on `days` starts while a backup that starts at
    `start` on `job_days` is probably running (within BACKUP_WINDOW_MINUTES)."""
    return (start <= minutes < start + BACKUP_WINDOW_MINUTES and may_share_a_day(days, job_days)) or (
        # a backup late in the evening runs on past midnight, into the next day
        minutes < start + BACKUP_WINDOW_MINUTES - MINUTES_A_DAY and may_share_a_day(days, _next_day(job_days))
    )


def _later_purge(purge: ast.Schedule, minutes: int, days, runs: list) -> str:
    """BKR403's help's purge, written: its schedule at the first time, after the backup
    it meets, that no backup it is checked against is probably running then, on the
    same day (none where the purge would pass midnight, and so its days: "")."""

    for _ in range(len(runs) + 1):
        # The end of each backup window the purge starts in: the day before's, for a
        # backup late in the evening, ends past midnight, earlier than the purge's day.
        ends = [
            start + BACKUP_WINDOW_MINUTES - (MINUTES_A_DAY if minutes < start else 0)
            for _, start, job_days, _ in runs
            if purge_meets(minutes, days, start, job_days)
        ]
        if not ends:
            return f": `purge {schedule_text(purge, f'{minutes // 60:02d}:{minutes % 60:02d}')}`"
        minutes = max(ends)
        if minutes >= MINUTES_A_DAY:
            return ""
    return ""


@check
def short_months(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    schedules = [r.schedule for j in cluster.jobs for r in j.runs if r.schedule is not None]
    schedules += [s for e in cluster.expires for s in e.previews + e.purges]
    for s in schedules:
        if s.frequency == "monthly" and s.days:
            n = small_int(s.days[0].text)
            if n is not None and 29 <= n <= 31:
                # the time as written where it is one (BKR313 says the others): no help writes `25:00`
                time = s.time.text if s.time is not None and parse_time(s.time.text) is not None else "HH:MM"
                yield SHORT_MONTH(
                    f"`monthly {n}` does not run in months with fewer than {n} days",
                    s.days[0].span,
                    help=f"use a day every month has, from 1 to 28, or `monthly last-day {time}`"
                    " for the month's last day, whichever it is",
                )


@check
def days_named_twice(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    schedules = [r.schedule for j in cluster.jobs for r in j.runs if r.schedule is not None]
    schedules += [s for e in cluster.expires for s in e.previews + e.purges]
    for s in schedules:
        if s.frequency != "weekly" or len(s.days) < 2:
            continue
        days = [parse_weekday(w.text) for w in s.days]
        if None in days:
            continue  # a day no week has (BKR314): its own error, and the repeat may be a slip of it
        first: dict[int, ast.Word] = {}
        again: list[tuple[int, ast.Word]] = []
        for i, (day, word) in enumerate(zip(days, s.days)):
            if day in first:
                again.append((i, word))
            else:
                first[day] = word
        if again:
            yield _day_again(model, s, again, first, days)


def _day_again(model: Model, s: ast.Schedule, again: list[tuple[int, ast.Word]], first, days):
    """BKR416 for the days one `weekly` schedule names again: one warning for the
    schedule, at the first repeat, whose fix deletes the repeats (`_delete_repeats`)."""
    words = [word for _, word in again]
    kept = [w.text for w in s.days if all(w is not word for word in words)]
    meant = " ".join(p for p in ("weekly", ",".join(kept), s.time.text if s.time is not None else "") if p)
    repeated = sorted({days[i] for i, _ in again})
    named = listed([WEEKDAYS[d].lower() for d in repeated])
    return NAMED_TWICE(
        f"`weekly` names {named} twice; the schedule runs on {'it' if len(repeated) == 1 else 'each'} once",
        words[0].span,
        related=tuple(Related(first[d].span, "named here first") for d in repeated),
        help=f"name each day once: `{meant}`, or write the day that was meant",
        fix=_delete_repeats(model, [w.span for w in s.days], [i for i, _ in again], [w.text for w in words]),
    )


def _delete_repeats(model: Model, items: list[Span], again: list[int], shown: list[str]) -> Fix | None:
    """The fix that deletes the items of a list at the positions `again` (never the
    first), each with what parts it from the item before it (`,` and blanks, a line
    break), a run of repeats in one edit; None where a comment stands in a cut."""
    cuts: list[Span] = []
    for i in again:
        end = items[i]
        if cuts and cuts[-1].end == items[i - 1].end:
            start = cuts.pop()
        else:
            start = items[i - 1]
            start = Span(start.file, start.end_line, start.end_column, start.end_line, start.end_column, start.end, start.end)
        cuts.append(Span(end.file, start.line, start.column, end.end_line, end.end_column, start.start, end.end))
    if any(holds_comment(model, cut) for cut in cuts):
        return None
    return Fix("Delete the repeated " + ", ".join(f"`{t}`" for t in shown), tuple(Edit(cut, "") for cut in cuts))


def _first_and_again(keys: list[str]) -> tuple[dict[str, int], list[int]]:
    """(each key -> where the list names it first, the positions of the repeats)."""
    first: dict[str, int] = {}
    again: list[int] = []
    for i, key in enumerate(keys):
        if first.setdefault(key, i) != i:
            again.append(i)
    return first, again


@check
def members_named_twice(model: Model):
    """BKR416 for a member named twice after `expire on`: the block's expiry runs
    there once (the model names it once); `run on` is BKR115's."""
    cluster = model.cluster
    if cluster is None:
        return
    for e in cluster.expires:
        words = e.placement.members
        if e.placement.each_member or len(words) < 2:
            continue
        first, again = _first_and_again([w.upper for w in words])
        if not again:
            continue
        repeated = list(dict.fromkeys(words[i].upper for i in again))
        one = len(repeated) == 1
        yield NAMED_TWICE(
            f"`expire on` names member{'' if one else 's'} {listed(repeated)} twice;"
            f" {'its' if one else 'their'} expiry runs there once",
            words[again[0]].span,
            related=tuple(Related(words[first[m]].span, "named here first") for m in repeated),
            help="name each member once, or write the member that was meant",
            fix=_delete_repeats(model, [w.span for w in words], again, [words[i].text for i in again]),
        )


@check
def entries_named_twice(model: Model):
    """BKR416 for a group that names a user ID or a pattern twice: the group holds it
    once (the model's Group lists it once). Thousands of entries: one pass, a dict.
    Not a repeat inside a run of entries BKR021 says is read as user IDs (`include
    include include` alone on its line: the keyword written over, said once there)."""
    read_on = None
    for group in model.groups:
        entries = group.decl.entries
        if len(entries) < 2:
            continue
        # The model holds each user and pattern once: as many as the entries, and no
        # pattern spelt as an ID, is no repeat. Read so, not word by word: the entry
        # by entry reading cost 2 ms a run with a group of 10,000 users. A pattern
        # is looked for among the group's IDs only when it is spelt as a declared ID
        # (`match LNXWEB01`): most groups have none, and set().isdisjoint reads every ID.
        patterns = group.patterns
        if len(group.users) + len(patterns) == len(entries) and (
            all(model.user(p) is None for p in patterns) or set(patterns).isdisjoint(group.users)
        ):
            continue
        keys = [e.word.upper for e in entries]
        if len(set(keys)) == len(keys):
            continue
        first, again = _first_and_again(keys)
        if read_on is None:
            from bkrdsl.check.declarations import read_on_ids  # only for a group with a repeat

            read_on = read_on_ids(model)
        again = [i for i in again if entries[i].span.start not in read_on]
        if not again:
            continue
        repeated = sorted({keys[i] for i in again}, key=first.__getitem__)
        one = len(repeated) == 1
        yield NAMED_TWICE(
            f"group {quoted(group.name)} names {listed(repeated)} twice;"
            f" the group holds {'it' if one else 'each'} once",
            entries[again[0]].span,
            related=tuple(Related(entries[first[k]].span, "named here first") for k in repeated),
            help="name each user and pattern once, or write the user that was meant",
            fix=_delete_repeats(
                model,
                [e.span for e in entries],
                again,
                [_entry_text(entries[i]) for i in again],
            ),
        )


def _entry_text(entry: ast.GroupEntry) -> str:
    """An entry as written, for a fix's title: `match LNX*` or `LNXWEB01`."""
    return entry.word.text if not entry.is_pattern or entry.span == entry.word.span else f"match {entry.word.text}"


def _single_items(job: JobModel, kind: Kind = Kind.SINGLE) -> tuple[dict[str, ast.Word], dict[str, ast.Word]]:
    """(user ID -> word, `match` pattern -> word) of the job's users of `kind`: the
    first `backup` word each comes from (`backup SYSIDS, OPS` with TCPIP in both:
    `SYSIDS`, where a report about TCPIP points)."""
    ids: dict[str, ast.Word] = {}
    patterns: dict[str, ast.Word] = {}
    for ref in job.refs:
        if kind not in ref.kinds:
            continue
        if ref.group is not None:
            # dict.fromkeys keeps this C-speed for groups of thousands of users.
            _add_first(ids, dict.fromkeys(ref.group.users, ref.word))
            _add_first(patterns, dict.fromkeys(ref.group.patterns, ref.word))
        else:
            ids.setdefault(ref.word.upper, ref.word)
    return ids, patterns


def _add_first(into: dict, new: dict) -> None:
    """`into.update(new)`, except that a key already in `into` keeps its value."""
    kept = {k: into[k] for k in into.keys() & new.keys()}
    into.update(new)
    into.update(kept)


def _single_patterns(job: JobModel, kind: Kind = Kind.SINGLE) -> dict[str, ast.Word]:
    """The second half of `_single_items`, without the IDs (thousands in a large group)."""
    patterns: dict[str, ast.Word] = {}
    for ref in job.refs:
        if ref.group is not None and kind in ref.kinds:
            patterns.update(dict.fromkeys(ref.group.patterns, ref.word))
    return patterns


def _earlier_naming_users_in_common(
    model: Model, jobs: list[JobModel], kind: Kind, patterns: list[dict[str, ast.Word]], matched: set[str]
) -> Callable[[int], Iterator[int]]:
    """For job b of `jobs`, the earlier jobs a, in order, that may name a user of
    `kind` in common with it: the only ones `_shared_items` can find a user for.
    `patterns`: each job's patterns (`_single_patterns`); `matched`: the IDs they
    match (`_matched_ids`). Two jobs may share a user when they share a source
    (`sources` below: a group, a group pattern, an ID two groups declare or a
    job names directly), when a pattern of one shares an ID with a pattern of
    the other (only the patterns whose literal beginnings agree are tried,
    `pairs_that_may_share`), or when a pattern of one matches an ID the other
    names (the IDs of `matched` resolved to the patterns matching them first,
    once). Found through who holds each key, not by comparing every pair (a
    thousand jobs make half a million pairs), and read lazily, so that a job is
    compared only until one earlier job shares its users (ten thousand jobs of
    one group are not fifty million pairs). A group's keys are worked out once,
    however many jobs name it."""
    direct = [[r.word.upper for r in job.refs if r.group is None and kind in r.kinds] for job in jobs]
    # IDs that two sources may both hold: declared twice (two groups), or named directly.
    shareable = model.repeated_ids.union(*direct)
    distinct = list(dict.fromkeys(p for pats in patterns for p in pats))
    ids = sorted(matched)
    matching_of: dict[str, list[str]] = {}  # an ID of `matched` -> the jobs' patterns that match it
    for x, y in pairs_that_may_share(distinct, ids):
        if pattern_regex(distinct[x]).match(ids[y]):
            matching_of.setdefault(ids[y], []).append(distinct[x])
    of_group: dict[int, tuple[set[str], set[str]]] = {}  # by the group's identity
    sources: list[set[str]] = []  # per job, keys two jobs share whenever they may name a user in common
    matching: list[set[str]] = []  # per job, the patterns that match an ID it names
    for job, named in zip(jobs, direct):
        keys: set[str] = set(named)
        matches: set[str] = {p for i in named for p in matching_of.get(i, ())}
        for ref in job.refs:
            if ref.group is None or kind not in ref.kinds:
                continue
            known = of_group.get(id(ref.group))
            if known is None:
                users = ref.group.users
                own = {"group " + ref.group.name, *("match " + p for p in ref.group.patterns)}
                if shareable:
                    own.update(shareable.intersection(users))
                by = {p for i in matching_of.keys() & set(users) for p in matching_of[i]} if matching_of else set()
                known = of_group[id(ref.group)] = (own, by)
            keys |= known[0]
            matches |= known[1]
        sources.append(keys)
        matching.append(matches)
    return _earlier_sharing(sources, patterns, matching, distinct)


def _earlier_sharing(
    sources: list[set[str]], patterns: list[dict[str, ast.Word]], matching: list[set[str]], distinct: list[str]
) -> Callable[[int], Iterator[int]]:
    """`_earlier_naming_users_in_common`'s reading once each job's keys are known: for
    job b, the earlier jobs, in order and once each, that share a key of `sources`,
    hold a pattern sharing an ID with one of b's `patterns`, hold a pattern of b's
    `matching` (a pattern that matches an ID b names), or name an ID one of b's
    patterns matches. `distinct`: every job's patterns, each once."""
    holders = _holders(sources)
    held = _holders(patterns)
    matchers = _holders(matching)  # a pattern -> the jobs that name an ID it matches
    linked: dict[str, list[str]] = {}  # a pattern -> the patterns that share an ID with it
    for x, y in pairs_that_may_share(distinct, distinct):
        if shared_id(distinct[x], distinct[y]) is not None:
            linked.setdefault(distinct[y], []).append(distinct[x])

    def earlier(b: int) -> Iterator[int]:
        runs = [holders[key] for key in sources[b]]
        runs += [held[x] for y in patterns[b] for x in linked.get(y, ())]
        runs += [held[q] for q in matching[b]]
        runs += [matchers[y] for y in patterns[b] if y in matchers]
        last = -1
        for a in heapq.merge(*runs):
            if a >= b:
                return
            if a != last:
                last = a
                yield a

    return earlier


def _holders(keys_per_job) -> dict[str, list[int]]:
    """Each key of `keys_per_job` (per job, a set or a dict's keys), with the jobs that hold it, in order."""
    out: dict[str, list[int]] = {}
    for k, keys in enumerate(keys_per_job):
        for key in keys:
            out.setdefault(key, []).append(k)
    return out


def _may_run_one_day(one: JobModel, two: JobModel) -> bool:
    """Whether two jobs may run on one day (`schedules_may_meet`). Two jobs of one
    level that never do (`monthly 1` and `monthly 15`, `weekly sat` and `weekly
    sun`) are one backup split over days, as the helps of BKR004 and BKR012 write
    `monthly 1,15 22:00`: not the same data twice."""
    return schedules_may_meet(*(j.run.schedule if j.run is not None else None for j in (one, two)))


def _usual_pair(one: JobModel, two: JobModel) -> bool:
    """A full and an incremental job of the same users from one member: the normal pattern."""
    return one.level is not two.level and one.members[0] == two.members[0]


def _selections_apart(one: _JobParts, two: _JobParts) -> bool:
    """Whether no minidisk or directory can be in both jobs' selections: each job
    has includes, and every include of one and every include of the other name
    different media, minidisk address ranges that do not meet (a job of a
    group's 0191 disks and a job of its 0200 disks), or SFS paths in different
    file pools (VMSYS: and the shared catalog's pool). SFS paths in one pool,
    a path without a pool, and a malformed or reversed range are taken to meet.
    `one` and `two`: the jobs' includes as `_job_parts` reads them."""
    return bool(one) and bool(two) and not _meeting_parts(one, two)


class _Part(NamedTuple):
    """One part of an include, as two jobs' includes are compared: its owner (an
    SFS path's user part; `*` when none), where it selects (a minidisk include's
    address ranges, an SFS path's file pool; None when unknown: a malformed or
    reversed range, a path without a pool, which meets everything of its
    medium), and the SFS path itself (None for a minidisk include)."""

    owner: str
    where: object
    path: str | None = None


def _include_parts(sel: ast.Selection) -> list[_Part]:
    """The parts of include `sel`: a minidisk include whole, or each SFS path. An SFS
    include that reads as a minidisk one (`include sfs * 0191-01FF`, `sfs` written
    for `minidisk`: BKR318) is the minidisk include its words say, as BKR318's fix
    writes it: not SFS paths without a file pool, which would meet every SFS path."""
    if minidisk_written_as_sfs(sel):
        owner, *addresses = sel.items
        ranges = [parse_address_range(w.text) for w in addresses]
        whole = None if any(r is None or r[0] > r[1] for r in ranges) else tuple(ranges)
        return [_Part(owner.upper, whole)]
    if sel.medium is ast.Medium.MINIDISK:
        ranges = selection_ranges(sel)
        owner = sel.owner.upper if sel.owner is not None else "*"
        return [_Part(owner, tuple(ranges) if ranges is not None else None)]
    out: list[_Part] = []
    for item in sel.items:
        parts = split_sfs_path(item.upper)
        out.append(_Part("*", None, item.upper) if parts is None else _Part(parts[1] or "*", parts[0], item.upper))
    return out


#: A job's includes, each as its medium and its parts (`_job_parts`).
_JobParts = tuple[tuple[ast.Medium, list[_Part]], ...]


def _job_parts(job: JobModel) -> _JobParts:
    """Each include of `job` as its medium and its parts (`_include_parts`)."""
    return tuple(
        (ast.Medium.MINIDISK if minidisk_written_as_sfs(sel) else sel.medium, _include_parts(sel))
        for sel in job.includes
    )


class _Compared:
    """The jobs an overlap check compares pair by pair (BKR405, BKR410, BKR411),
    with what it reads of each job once rather than once per pair (a cluster of
    a thousand jobs has half a million pairs): its includes' parts, and on a
    member the removals of the excludes that apply to it there."""

    def __init__(self, model: Model, jobs: list[JobModel]):
        self.model = model
        self.jobs = jobs
        self.parts = [_job_parts(job) for job in jobs]
        self._removals: dict[tuple[int, str], _Removals] = {}

    def removals(self, k: int, member: str) -> _Removals:
        """`_removals` of the excludes that apply to job `k` on `member` (`excludes_on`)."""
        found = self._removals.get((k, member))
        if found is None:
            found = self._removals[k, member] = _removals(excludes_on(self.jobs[k], self.model.member(member)))
        return found


def _meeting_parts(one: _JobParts, two: _JobParts, anywhere: bool = False) -> list[tuple[_Part, _Part]]:
    """(part in `one`, part in `two`) of each pair of the jobs' includes whose
    selections meet (see `_selections_apart`): the users both select there are
    the ones both owners select, less what either job excludes. Empty when no
    include of one meets one of the other. `anywhere`: every pair counts,
    whatever its media, addresses or pools (the users both jobs select at all,
    of any minidisk or directory: BKR411)."""
    out: list[tuple[_Part, _Part]] = []
    for medium_a, parts_a in one:
        for medium_b, parts_b in two:
            if medium_a is not medium_b and not anywhere:
                continue
            minidisk = medium_a is ast.Medium.MINIDISK
            for pa in parts_a:
                for pb in parts_b:
                    if anywhere or pa.where is None or pb.where is None:
                        meet = True
                    elif minidisk:
                        meet = any(a0 <= b1 and b0 <= a1 for a0, a1 in pa.where for b0, b1 in pb.where)
                    else:
                        meet = pa.where == pb.where
                    if meet:
                        out.append((pa, pb))
    return list(dict.fromkeys(out))


class _Overlap(NamedTuple):
    """Where two jobs' selections meet, for `_shared_items`: the pairs of their
    includes' parts that meet (`_meeting_parts`), and for each member where both
    run (of each job its member, for two members: BKR411) the excludes that apply
    there to the first job and to the second (`excludes_on`). `anywhere`: the
    parts count wherever each selects (BKR411), not only where they meet."""

    meetings: list[tuple[_Part, _Part]]
    excludes: list[tuple[_Removals, _Removals]]
    anywhere: bool
    memo: dict  # `_kept`'s answers for minidisks, by which excludes take the users in


def _overlap_of(
    compared: _Compared, a: int, b: int, members: list[tuple[str, str]], anywhere: bool = False
) -> _Overlap | None:
    """The `_Overlap` of two jobs of `compared` (`a` and `b`: their places) whose
    selections meet (`anywhere`: of every pair of their includes), where they run
    on `members` (pairs of a member of `a` and one of `b`); None when it narrows
    nothing down: a job without includes (BKR116), or, when neither job excludes
    anything, two includes that meet and select every user of both jobs (owner `*`)."""
    one, two = compared.parts[a], compared.parts[b]
    if not one or not two:
        return None
    meetings = _meeting_parts(one, two, anywhere)
    excludes = [(compared.removals(a, ma), compared.removals(b, mb)) for ma, mb in members]
    excluding = [(xa, xb) for xa, xb in excludes if _removes_any(xa) or _removes_any(xb)]
    if not excluding or len(excluding) < len(excludes):
        excluding = [(_NO_REMOVALS, _NO_REMOVALS)]  # a member where neither job excludes anything
    if excluding[0][0] is _NO_REMOVALS and any(pa.owner == pb.owner == "*" for pa, pb in meetings):
        return None
    return _Overlap(meetings, excluding, anywhere, {})


def _kept(overlap: _Overlap, pa: _Part, pb: _Part, records: tuple[str, ...]) -> bool:
    """Whether parts `pa` and `pb` of a meeting of `overlap` both still select a
    minidisk or directory of the users `records` share (an ID, or what two
    includes write of two patterns, `_narrowed`) on some member, once each job's
    excludes there are taken out. Of minidisks, the answer depends only on which
    excludes take the users in: it is worked out once per such choice (most
    IDs of a large group share one), not once per ID."""
    for n, (xa, xb) in enumerate(overlap.excludes):
        if xa is _NO_REMOVALS:
            return True
        if pa.path is None and pb.path is None:
            key = (n, pa, pb, _covering(records, xa), _covering(records, xb))
            kept = overlap.memo.get(key)
            if kept is None:
                removed = (_ranges_of(xa, key[3]), _ranges_of(xb, key[4]))
                kept = overlap.memo[key] = _minidisks_kept(pa, pb, *removed, overlap.anywhere)
        else:
            kept = _part_kept(pa, records, xa) and _part_kept(pb, records, xb)
        if kept:
            return True
    return False


def _minidisks_kept(pa: _Part, pb: _Part, removed_a, removed_b, anywhere: bool) -> bool:
    """Whether minidisk parts `pa` and `pb` both still select an address once the
    ranges each job excludes of the users in question are taken out. From one
    member, the parts share their common addresses, less what either job
    excludes of them; from two (`anywhere`), each has to keep one of its own."""
    if not anywhere and pa.where is not None and pb.where is not None:
        common = [(max(a0, b0), min(a1, b1)) for a0, a1 in pa.where for b0, b1 in pb.where if a0 <= b1 and b0 <= a1]
        return not _covered(common, removed_a + removed_b)
    return _addresses_kept(pa.where, removed_a) and _addresses_kept(pb.where, removed_b)


def _addresses_kept(ranges, removed) -> bool:
    """Whether address `ranges` (None: unknown, taken to be kept) keep an address outside `removed`."""
    return ranges is None or not _covered(ranges, removed)


def _part_kept(part: _Part, records: tuple[str, ...], removals: _Removals) -> bool:
    """Whether excludes (`removals`) leave something of what include part `part`
    selects of the users all of `records` match (an exclude that removes one
    record's minidisks or directories removes theirs)."""
    if part.path is None:
        return _addresses_kept(part.where, _removed_ranges(records, removals))
    if part.where is None:
        return True
    pool, _, dirs = split_sfs_path(part.path)
    return not any(_path_removed(pool + r + dirs, removals) for r in records)


def _matched_ids(
    model: Model, jobs: list[JobModel], patterns: list[dict[str, ast.Word]], kind: Kind
) -> set[str]:
    """The IDs of `kind` some job's pattern (`patterns`, per job) matches: one scan
    over every declared ID, one over the IDs the jobs name directly (`backup LINUX01`)."""
    scanner = id_scanner(p for pats in patterns for p in pats)
    matched = model.find_ids(scanner, kind)
    direct = [r.word.upper for job in jobs for r in job.refs if r.group is None and kind in r.kinds]
    if scanner is not None and direct:
        matched.update(scanner.findall("\n" + "\n".join(direct) + "\n"))
    return matched


class _Items:
    """Each job's `_single_items`, gathered on first use (a large group's IDs are read
    only for the jobs compared)."""

    def __init__(self, jobs: list[JobModel], kind: Kind = Kind.SINGLE):
        self.jobs, self.kind, self.found = jobs, kind, {}

    def __call__(self, k: int):
        got = self.found.get(k)
        if got is None:
            got = self.found[k] = _single_items(self.jobs[k], self.kind)
        return got


def _first_sharing(count: int, earlier, compared, items, matched: set[str], overlap=None):
    """(a, b, what they share) for each job b of the `count` jobs, against the
    first earlier job a it shares users with: one warning per job. `earlier(b)`:
    the earlier jobs that may share users with b, in order; `compared(a, b)`:
    whether the pair is compared at all; `items(k)`: job k's `_single_items`.
    `matched`: the IDs the jobs' patterns match. `overlap(a, b)`, when given, is
    what narrows the users down to those both jobs' includes select, less what
    they exclude (`_overlap_of`). Each job's earlier jobs are read only until one
    shares its users."""
    for b in range(count):
        for a in earlier(b):
            if not compared(a, b):
                continue
            shared = _shared_items(items(a), items(b), matched, overlap(a, b) if overlap is not None else None)
            if shared:
                yield a, b, shared
                break


def _narrowed(pattern: str, owner: str) -> str | None:
    """What of a job's `match` pattern an include of owner `owner` selects, as the
    pattern its record names (see `narrow_owners`): the pattern itself when the
    owner covers it, the owner when the pattern covers it, None when they share
    no ID. An owner that shares only some IDs with it (BKR409) keeps the whole
    pattern: when unsure, the users are taken to be selected."""
    if owner == "*" or covers(owner, pattern):
        return pattern
    if covers(pattern, owner):
        return owner
    return None if shared_id(pattern, owner) is None else pattern


def _shared_items(one, two, matched: set[str], overlap: _Overlap | None = None) -> list[tuple[str, ast.Word]]:
    """What jobs `one` and `two` (their `_single_items`) both back up, as (shown
    name, word of `two`): IDs both name, IDs one names and the other's pattern
    matches, and patterns of both that share IDs (decided on the IDs they match).
    `overlap` (`_overlap_of`; None: every user) keeps only what a pair of the jobs'
    includes that meet both select and neither job excludes: an ID both owners
    select, and of two patterns what both owners select of them (`LNX*` of one
    job and `LNX*` of the other, where an include of the other names `LNX0*`
    only, share `LNX0*`)."""
    ids_a, pats_a = one
    ids_b, pats_b = two

    def selected(i: str) -> bool:
        return overlap is None or any(
            owner_takes_in(pa.owner, i) and owner_takes_in(pb.owner, i) and _kept(overlap, pa, pb, (i,))
            for pa, pb in overlap.meetings
        )

    out: dict[str, ast.Word] = {}
    shown: set[str] = set()  # each ID once, however many ways the jobs share it
    for i, word in ids_b.items():
        if (i in ids_a or (i in matched and any(pattern_regex(p).match(i) for p in pats_a))) and selected(i):
            out.setdefault(f"`{i}`", word)
            shown.add(i)
    if matched and pats_b:
        for i in ids_a:
            if i in matched and i not in shown:
                hit = next((p for p in pats_b if pattern_regex(p).match(i)), None)
                if hit is not None and selected(i):
                    out.setdefault(f"`{i}` (pattern `{hit}`)", pats_b[hit])
    for pb, word in pats_b.items():
        for pa in pats_a:
            if shared_id(pa, pb) is None:
                continue
            both = _shared_records(pa, pb, overlap)
            if both is not None:
                ra, rb, example = both
                if not is_pattern(rb) or not is_pattern(ra):
                    # An include of one user of the pattern (`include minidisk LNX05 *`).
                    user = rb if not is_pattern(rb) else ra
                    if user not in shown:
                        out.setdefault(f"`{user}` (pattern `{pb}`)", word)
                elif covers(ra, rb) or covers(rb, ra):
                    # One record holds the other: the narrower names just the users both back up.
                    out.setdefault(f"pattern `{rb if covers(ra, rb) else ra}`", word)
                else:
                    out.setdefault(f"the users both `{rb}` and `{ra}` match (such as {example})", word)
                break
    return list(out.items())


def _shared_records(pa: str, pb: str, overlap: _Overlap | None) -> tuple[str, str, str] | None:
    """(record of `pa`, record of `pb`, an ID both match) for the first meeting of
    `overlap` whose includes both select users of patterns `pa` and `pb`, which
    share IDs (the records: `_narrowed`), and do not exclude all of them; (pa,
    pb, ...) when `overlap` is None; None when no pair of includes selects a
    user of both."""
    everyone = _Part("*", None)
    for one, two in [(everyone, everyone)] if overlap is None else overlap.meetings:
        ra, rb = _narrowed(pa, one.owner), _narrowed(pb, two.owner)
        if ra is not None and rb is not None:
            example = shared_id(ra, rb)
            if example is not None and (overlap is None or _kept(overlap, one, two, (ra, rb))):
                return ra, rb, example
    return None


def _both_levels(job: JobModel) -> bool:
    """Whether `job`'s `backup` lines give both levels (BKR118's error, a line without
    one being full): its level is undecided, so BKR405 and BKR410, which compare jobs
    of one level, leave it to that error (one mistake, one diagnostic)."""
    return len({b.level or ast.Level.FULL for b in job.decl.backups}) > 1


@check
def single_users_once(model: Model):
    # Jobs on several members (BKR220) or on unknown members (BKR330) are reported there,
    # and a job whose excludes remove everything (BKR407) backs up no one twice.
    jobs = [
        j
        for j in model.jobs
        if j.kind is Kind.SINGLE
        and j.run is not None
        and len(set(j.members)) == 1
        and model.member(j.members[0])
        and not _backs_up_nothing(model, j)  # BKR407
        and not _both_levels(j)  # BKR118
    ]
    compared = _Compared(model, jobs)
    patterns = [_single_patterns(job) for job in jobs]
    matched = _matched_ids(model, jobs, patterns, Kind.SINGLE)
    # Jobs that share no group, group pattern, ID declared twice or named directly,
    # whose patterns match no ID the other names and share no ID with each other,
    # name no user in common: most clusters are decided here, on their groups
    # rather than their users, before the jobs' IDs are gathered, and only the
    # other pairs are compared (a thousand jobs make half a million pairs, most
    # of them of different groups).
    earlier = _earlier_naming_users_in_common(model, jobs, Kind.SINGLE, patterns, matched)

    def paired(a: int, b: int) -> bool:
        return (
            jobs[a].name != jobs[b].name  # two jobs of one name: BKR323's one mistake
            and not _usual_pair(jobs[a], jobs[b])
            # One backup split over days (`monthly 1` and `monthly 15`) from one member;
            # from two members it still splits a user's backups across members (BKR411).
            and not (jobs[a].members[0] == jobs[b].members[0] and not _may_run_one_day(jobs[a], jobs[b]))
            # Different disks of the same users from one member; from two members
            # it still splits a user's backups across members.
            and not (
                jobs[a].members[0] == jobs[b].members[0] and _selections_apart(compared.parts[a], compared.parts[b])
            )
        )

    items = _Items(jobs)

    def overlap(a: int, b: int):
        # From one member, only the users both jobs' includes select where they
        # meet are copied twice; from two members (BKR411), a user whose minidisks
        # or directories both jobs select, whichever, is split. A user one job's
        # includes never select is backed up from the other member only.
        one, two = jobs[a].members[0], jobs[b].members[0]
        return _overlap_of(compared, a, b, [(one, two)], anywhere=one != two)

    for a, b, shared in _first_sharing(len(jobs), earlier, paired, items, matched, overlap):
        one, two = jobs[a], jobs[b]
        same_member = one.members[0] == two.members[0]
        # From two members: which job runs on which, and what that does to the
        # users' backups (was "from another member (`VM1` and `VM2`)")
        if same_member:
            message = (
                f"job {quoted(two.name)} backs up single-configuration users that job {quoted(one.name)}"
                f" also backs up at the same level ({one.level.value})"
            )
        else:
            message = (
                f"job {quoted(two.name)} on `{two.members[0]}` backs up single-configuration users that job"
                f" {quoted(one.name)} also backs up on `{one.members[0]}`, which splits their backups between"
                " the two members"
            )
        code = SINGLE_TWICE if same_member else SINGLE_TWO_MEMBERS
        yield code(
            f"{message}: {_first_shared(shared)}",
            shared[0][1].span,
            related=(
                Related(
                    one.decl.name.span,
                    f"{one.name} backs them up too" if same_member else f"{one.name} backs them up on `{one.members[0]}`",
                ),
            )
            + (() if same_member else (Related(two.run.placement.span, f"{two.name} runs on `{two.members[0]}` here"),)),
            help=_same_member_help(one, two)
            if same_member
            else f"back each single-configuration user up from one member: run {two.name} on `{one.members[0]}`,"
            f" like {one.name}, or {_other_way_from_two_members(one, two)}",
        )


def _other_way_from_two_members(one: JobModel, two: JobModel) -> str:
    """BKR411's second way out. A full and an incremental job are a pair (the
    incremental restores from the full, BKR417): backing the group up in one of them
    only would lose the fulls or the incrementals, so the other job moves instead
    (prodssi's LNXINC moved to VMSYS1: run LNXFULL there too)."""
    if one.level != two.level and _common_groups(one, two):
        return f"run {one.name} on `{two.members[0]}`, like {two.name}"
    out = _take_out(one, two, "take the users out of one of the groups")
    # Both jobs back up the groups alone: the group in one job only leaves the other
    # with no `backup` (BKR112), and deleting a job may lose the disks it alone
    # selects: the other job moves instead, as for a full and its incremental.
    return out if out is not None else f"run {one.name} on `{two.members[0]}`, like {two.name}"


#: BKR410's way out where both jobs back the group up alone: one job kept, with what the
#: other selects (deleted alone, the disks only it selects would lose their backups).
_ONE_JOB_OF_TWO = "delete one of the jobs, its includes and excludes written into the other first"


def _same_member_help(one: JobModel, two: JobModel) -> str:
    """BKR405's help: its third way, the group backed up in one job only, left out where
    both jobs back up nothing else (`_take_out`: the job left with no `backup` is BKR112)."""
    out = _take_out(one, two, "take the users out of one of the groups")
    if out is None:
        return f"{_ONE_JOB_OF_TWO}, or make one of them the other level"
    return f"delete one job, make it the other level, or {out}"


def _first_shared(shared: list[tuple[str, ast.Word]]) -> str:
    """What two jobs back up both, as BKR405 and BKR410 list it: the first four, and how many more."""
    return first_few([name for name, _ in shared])


def _common_groups(one: JobModel, two: JobModel) -> list[str]:
    """The groups both jobs name after `backup`, in `two`'s order."""
    theirs = {r.group.name for r in one.refs if r.group is not None}
    return list(dict.fromkeys(r.group.name for r in two.refs if r.group is not None and r.group.name in theirs))


def _take_out(one: JobModel, two: JobModel, otherwise: str) -> str | None:
    """How to stop two jobs backing up the same users: when both name the same
    group, taking the users out of "one of the groups" is no way out. A job that
    backs up those groups alone would be left with no `backup` (BKR112): the groups
    are then taken out of the other job by name, or, where both back up nothing
    else, this way is none (None)."""
    common = _common_groups(one, two)
    if not common:
        return otherwise
    alone = [j for j in (one, two) if all(r.group is not None and r.group.name in common for r in j.refs)]
    if len(alone) == 2:
        return None
    if alone:
        kept, other = alone[0], (two if alone[0] is one else one)
        line = other.decl.backups[0].span.line if other.decl.backups else other.decl.span.line
        return f"back up {listed(common)} in {kept.name} only: take {'it' if len(common) == 1 else 'them'} out of {other.name}'s `backup` (line {line})"
    return f"back up {listed(common)} in one of the two jobs only"


#: An owner that reads as a minidisk address or range rather than a user ID: hex
#: digits starting with a digit (`0191`, `191`, `0100-01FF`).
_ADDRESS_LIKE = re.compile(r"[0-9][0-9A-F]{0,3}(?:-[0-9A-F]{1,4})?")


def _selection_owners(sel: ast.Selection) -> list[tuple[str, ast.Word | None]]:
    """(owner, the word it is written in) of a selection: a minidisk selection's
    owner (`*` when none), or each SFS path's user part (`BKRPOOL:CICSPRD.*`)."""
    if sel.medium is ast.Medium.MINIDISK:
        return [(sel.owner.upper, sel.owner) if sel.owner is not None else ("*", None)]
    out = []
    for item in sel.items:
        parts = split_sfs_path(item.upper)
        if parts is not None and parts[1]:
            out.append((parts[1], item))
    return out


def _owner_being_typed(sel: ast.Selection, word, up: str, ids: list[str]) -> str:
    """The job's users whose IDs begin with `up`, the user part of an SFS path that is
    the statement's last word and has no directory yet (`include sfs BKRPOOL:C`, an
    editor checking each keystroke), as the message names them; "" otherwise."""
    if sel.medium is not ast.Medium.SFS or word is not sel.items[-1] or "." in word.text:
        return ""
    begun = [i for i in dict.fromkeys(ids) if i.startswith(up) and i != up]
    return alternatives(begun[:4]) + (", ..." if len(begun) > 4 else "")


def _owner_unread(sel: ast.Selection) -> bool:
    """Whether an owner `sel` names cannot be read because it is malformed, which an
    error of its own reports: a minidisk owner that is no user ID or pattern
    (BKR301), an SFS path whose user part cannot be read (BKR318: no file pool, as
    in `CICSPRD.LOGS`, a path a blank split, no user ID after the `:`, or not a user
    ID). Whether such an include names one of the job's users is not known until
    it is mended, so BKR116 does not say the job selects nothing (one slip, one
    diagnostic); a path whose user part reads (`BKRPOOL:CICSPRD..OLD`) is judged."""
    if sel.medium is ast.Medium.MINIDISK:
        owner = sel.owner
        if owner_after_addresses(sel) is not None or owner_left_out(sel):
            return True  # `0200-02FF LNX*`, `0191-01FF 0200`: BKR310's, judged once the owner stands first
        return owner is not None and owner.upper != "*" and not valid_user_or_pattern(owner.upper)
    for item in sel.items:
        if sfs_path_problem(item.text) is None:
            continue
        parts = split_sfs_path(item.upper)
        if parts is None or not parts[1] or not valid_user_or_pattern(parts[1]):
            return True
    return False


def _backs_up_id(user_id: str, ids: set[str], patterns: list[str]) -> bool:
    """Whether a job whose users are `ids` and `patterns` backs up `user_id`."""
    return user_id in ids or any(pattern_regex(p).match(user_id) for p in patterns)


def _pattern_meets(owner: str, ids, patterns: list[str]) -> bool:
    """Whether an exclude's owner pattern shares a user with a job whose users are
    `ids` and `patterns`: an exclude is written as given, so one that shares even
    some IDs with a pattern of the job (`LNX1*` and `LNX*1`) removes those."""
    wanted = pattern_regex(owner)
    return any(wanted.match(i) for i in ids) or any(shared_id(owner, p) is not None for p in patterns)


def _owner_not_backed_up(model: Model, job: JobModel, exclude: ast.Selection, memo: dict | None = None) -> bool:
    """Whether `exclude` names an owner, a user ID or a pattern, that shares no user
    with `job`: BKR406 says of it that it selects nothing, and BKR413 leaves it to that.
    `memo`: where the job's users (`_JobUsers`) are kept once made, for its next
    exclude (`_IncludesRead.memo`): thousands of excludes of a job of a large group
    made a set of its IDs each, or matched a pattern against each of them."""
    if memo is None:
        memo = {}
    for up, _ in _selection_owners(exclude):
        if up == "*" or not valid_user_or_pattern(up):
            continue
        users = memo.get("users")
        if users is None:
            users = memo["users"] = _JobUsers(model.job_user_ids(job), list(model.job_patterns(job)))
        if not _reaches(up, users):
            return True
    return False


@check
def identity_users_once(model: Model):
    """BKR410: two IDENTITY jobs at the same level that back up the same users on a member."""
    jobs = [
        j
        for j in model.jobs
        if j.kind is Kind.IDENTITY
        and j.run is not None
        and all(model.member(m) for m in j.members)
        and j.includes  # none: BKR116, the job selects nothing
        and not _backs_up_nothing(model, j)  # BKR407
        and not _both_levels(j)  # BKR118
    ]
    compared = _Compared(model, jobs)

    def paired(a: int, b: int) -> bool:
        return (
            jobs[a].name != jobs[b].name  # two jobs of one name: BKR323's one mistake
            and jobs[a].level is jobs[b].level
            and not set(jobs[a].members).isdisjoint(jobs[b].members)
            and _may_run_one_day(jobs[a], jobs[b])  # one backup split over days
            and not _selections_apart(compared.parts[a], compared.parts[b])
        )

    items = _Items(jobs, Kind.IDENTITY)
    # As BKR405's: each job is compared only with the earlier jobs that may name a
    # user in common with it (thousands of IDENTITY jobs, one per group or one per
    # user named directly, were every pair compared).
    patterns = [_single_patterns(job, Kind.IDENTITY) for job in jobs]  # `_single_items`' patterns
    matched = _matched_ids(model, jobs, patterns, Kind.IDENTITY)
    earlier = _earlier_naming_users_in_common(model, jobs, Kind.IDENTITY, patterns, matched)

    def overlap(a: int, b: int):
        both = [m for m in dict.fromkeys(jobs[b].members) if m in jobs[a].members]
        return _overlap_of(compared, a, b, [(m, m) for m in both])

    for a, b, shared in _first_sharing(len(jobs), earlier, paired, items, matched, overlap):
        one, two = jobs[a], jobs[b]
        both = [m for m in dict.fromkeys(two.members) if m in one.members]
        yield IDENTITY_TWICE(
            f"job {quoted(two.name)} backs up IDENTITY users that job {quoted(one.name)} also backs up"
            f" ({one.level.value}) on {listed(both)}: {_first_shared(shared)}",
            shared[0][1].span,
            related=(Related(one.decl.name.span, f"{one.name} backs them up too"),),
            help=f"back each IDENTITY user up by one job per level:"
            f" {_take_out(one, two, 'take it out of one of the groups') or _ONE_JOB_OF_TWO}"
            f"{_other_level(jobs, one, two)}",
        )


def _selected(job: JobModel) -> list[tuple]:
    """A job's includes and excludes as written, spans aside: two jobs pasted alike are equal."""
    return [
        (s.action, s.medium, s.owner.upper if s.owner else None, tuple(w.upper for w in s.items))
        for s in (*job.includes, *job.excludes)
    ]


def _other_level(jobs: list[JobModel], one: JobModel, two: JobModel) -> str:
    """BKR410's other way out, where it is one: `two` made the other level, its `backup` line
    written as a copy of `one`'s (`job SYSME` pasted from `SYSIN`, `incremental` left): the
    same selections, and no job of the same groups on those members takes that level already."""
    other = ast.Level.FULL if two.level is ast.Level.INCREMENTAL else ast.Level.INCREMENTAL
    backups = [b for b in two.decl.backups if b.level is two.level]
    common = set(_common_groups(one, two))
    if len(backups) != 1 or not common or _selected(one) != _selected(two):
        return ""  # other selections: the other level may leave a minidisk without a full (BKR417)
    if any(
        j.level is other and not set(j.members).isdisjoint(two.members) and common & set(_common_groups(j, j))
        for j in jobs
    ):
        return ""
    return (
        f"; or, if {quoted(two.name)} was to take the {other.value} backups, write `{other.value}`"
        f" for `{two.level.value}` in its `backup` line (line {backups[0].span.line})"
    )


def _owner_help(
    model: Model, job, up: str, include: bool = True, memo: dict | None = None, sel: ast.Selection | None = None
) -> str:
    """BKR116's help for an owner that is not one of `job`'s users: the jobs that back
    `up` up by name, where the line may go; the job's groups by name, where `up` may be
    added, unless it is declared of a kind the job does not back up (BKR203 then).
    `memo`: where each job's users (`_JobUsers`) are kept for the next such owner
    (thousands of them made a set of every other job's IDs each)."""
    groups = alternatives([r.word.upper for r in job.refs])  # one of them is enough
    others = []
    if not is_pattern(up):
        if memo is None:
            memo = {}
        known = memo.get("jobs")
        if known is None:
            known = memo["jobs"] = [
                (other, _JobUsers(model.job_user_ids(other), list(model.job_patterns(other))))
                for other in model.jobs
                if other.refs and all(r.resolved for r in other.refs)
            ]
        for other, users in known:
            if other is not job and (users.has(up) or any(pattern_regex(p).match(up) for p in users.patterns)):
                others.append(other.name)
    kinds = {u.kind for u in model.user_defs_of(up)} if not is_pattern(up) else set()
    addable = not kinds or kinds <= set(job.kinds)
    add = f"add {up} to {groups}" if addable else ""
    if not include and is_pattern(up) and not others:
        # An exclude's pattern is a slip of its owner far more often than users to add.
        return f"write the owner of the job's users it is meant to leave out (or `*`), or {add or 'delete the line'}"
    if others:
        others = list(dict.fromkeys(others))
        already = _selected_already(model, others, up, sel) if include and sel is not None else None
        if already is not None:
            # Moved there, the line would be a second record of what the job selects already.
            jobs = f"job {quoted(others[0])} selects" if len(others) == 1 else f"jobs {listed(others)} select"
            return f"delete the line: {jobs} {up}'s {already} already"
        which = f"job {quoted(others[0])}, which backs" if len(others) == 1 else f"job {alternatives(others)}, which back"
        move = f"move the line to {which} {up} up"
        return f"{move}, or {add}" if add else move
    return f"{add or 'declare ' + up + ' in a group a job backs up'}, or move the line to the job that backs it up"


def _group_as_owner(model: Model, job, sel: ast.Selection, up: str, word: ast.Word):
    """BKR406 for a minidisk selection whose owner is a group's name and no user's
    (`include minidisk APPS 0191`, as `backup APPS` names it): a selection's owner is a
    user ID or pattern, so it selects nothing. Of a group the job backs up, the help
    and fix write `*`, every user of the job; of another group, where it goes. None
    where `up` names no group, or is a user's ID too."""
    if sel.medium is not ast.Medium.MINIDISK or model.user_defs_of(up):
        return None
    group = model.group(up)
    if group is None:
        return None
    action = sel.action.value
    message = (
        f"`{group.name}` is a group, not a user: the owner of a minidisk selection is a user ID or"
        f" a pattern, so this {action} selects nothing"
    )
    ref = job.refs[0]
    related = (Related(ref.word.span, "the job backs up these users"),)
    if any(r.group is group for r in job.refs):
        addresses = " ".join(i.text.upper() for i in sel.items)
        return OWNER_NOT_BACKED_UP(
            message,
            word.span,
            related=related,
            help=f"write `{action} minidisk * {addresses}`: `*` is every user the job backs up,"
            f" group {group.name}'s among them",
            fix=Fix("Write `*`", (Edit(word.span, "*"),)),
        )
    others = [j.name for j in model.jobs if j is not job and any(r.group is group for r in j.refs)]
    if others:
        which = f"job {quoted(others[0])}, which backs" if len(others) == 1 else f"job {alternatives(others)}, which back"
        help = f"move the line to {which} up group {group.name}, with `*` for `{word.text}`"
    elif group.kind in job.kinds:
        help = (
            f"to back up group {group.name}'s users, name the group after `backup` (line {ref.word.span.line})"
            f" and write `*` for `{word.text}`"
        )
    else:
        help = f"back group {group.name} up in a job of its own, its {action}s with `*` for `{word.text}`"
    return OWNER_NOT_BACKED_UP(message, word.span, related=related, help=help)


def _alone_help(model: Model, job, miss, memo: dict) -> str:
    """BKR116's help where the job's one include selects nothing, BKR406's for it, but
    for an include another job selects already: deleted, the job would still select
    nothing, so the help names where its owner belongs, as before."""
    word, _, found = miss
    if found.help.startswith("delete the line:"):
        return _owner_help(model, job, word.upper, True, memo)
    return found.help


def _selected_already(model: Model, names: list[str], up: str, sel: ast.Selection) -> str | None:
    """Where a minidisk include of `up` (an ID) belongs in the jobs `names`, which back
    `up` up (BKR406's help): whether each of them selects those addresses of `up`
    already, by an include of its own (`include minidisk * 0191` in prodssi's SYSIN for
    `include minidisk TCPIP 0191`), so that moving the line there adds a second record
    of the same minidisks. The addresses as written (`0191`), or None."""
    if sel.medium is not ast.Medium.MINIDISK or is_pattern(up):
        return None
    ranges = selection_ranges(sel)
    if not ranges:
        return None
    by_name = {j.name: j for j in model.jobs}
    for name in names:
        other = by_name.get(name)
        if other is None:
            return None
        covers = [
            r
            for inc in other.includes
            if inc.medium is ast.Medium.MINIDISK and _owner_covers(inc.owner.upper if inc.owner is not None else "*", up)
            for r in (selection_ranges(inc) or [])
        ]
        if not _covered(ranges, covers):
            return None
    return " ".join(w.text for w in sel.items)


_GLUED_COMMENT = "a `#` inside a word is part of it: if a comment follows, write a blank before the `#`"


def _owner_names_users(up: str, ids, id_set, patterns, include: bool) -> bool:
    """Whether owner `up` (`*`, an ID or a pattern) names users of the job whose IDs
    and patterns are given, as `owners_backed_up` judges an owner."""
    if up == "*":
        return True
    if not valid_user_or_pattern(up):
        return False
    if is_pattern(up):
        return bool(narrow_owners(up, ids, patterns) if include else _pattern_meets(up, ids, patterns))
    return _backs_up_id(up, id_set, patterns)


@check
def owners_backed_up(model: Model):
    memo: dict = {}  # `_owner_help`'s, for the model
    for job in model.jobs:
        if not job.refs or any(not r.resolved for r in job.refs):
            continue
        if empty_groups(job):
            continue  # BKR116: its groups are empty, so no owner can be one of its users
        ids = id_set = patterns = None
        # The job's user IDs CP refuses (BKR301): an owner that is one of them as written
        # before (`CICSPRD#x` in the group, a comment glued to it; `include sfs
        # BKRPOOL:CICSPRD.*`) or one slip from it is the user meant, not BKR406 or BKR116.
        refused = None
        selecting = 0  # includes that select something
        # The includes that select nothing, each as (word, note, diagnostic): when no
        # include selects, they are the notes of the one BKR116, not warnings of their own.
        misses: list[tuple[ast.Word, str, object]] = []
        for sel in job.includes + job.excludes:
            include = sel.action is ast.Action.INCLUDE
            what_selects = "this path" if sel.medium is ast.Medium.SFS else f"this {sel.action.value}"
            selects = False
            if owner_after_addresses(sel) is not None or owner_left_out(sel, model) or every_owner_meant(sel, model):
                # `exclude minidisk 0200 LNX*`: BKR310 says the owner stands after the
                # addresses; whose it is is judged once it stands first. So for
                # `include minidisk ALL ALL`, `*` meant.
                selecting += include
                continue
            for up, word in _selection_owners(sel):
                if up == "*":
                    selects = True
                    continue
                if not valid_user_or_pattern(up):
                    continue
                if ids is None:
                    ids, patterns = list(model.job_user_ids(job)), list(model.job_patterns(job))
                    id_set = set(ids)  # an ID's look-up stays O(1) with 50,000 users
                    # An exclude's pattern: searched for among the IDs it may match, not matched with each.
                    users = _JobUsers(tuple(ids), patterns)
                ref = job.refs[0]
                if is_pattern(up):
                    in_part = owners_in_part(up, patterns, ids) if include else []
                    if in_part:
                        selects = True  # refused here; BKR116 would say the same again
                        pattern, example = in_part[0]
                        help = f"write the include for `{pattern}` itself (or `*`), or for a pattern inside it"
                        head = up.partition("#")[0]
                        if (
                            head
                            and head != up
                            and not owners_in_part(head, patterns, ids)
                            and _owner_names_users(head, ids, id_set, patterns, include)
                        ):
                            # `include minidisk LNXP*#x 0200-02FF`: a comment glued to a
                            # pattern of the job's users, as for BKR406 below.
                            help = f"{_GLUED_COMMENT}; otherwise {help}"
                        yield OWNER_IN_PART(
                            f"owner pattern {quoted(up)} shares only some users with pattern {quoted(pattern)}"
                            f" of job {quoted(job.name)} (both match {example}, but each also matches users"
                            " the other does not): no template record can name just the shared users",
                            word.span,
                            related=(Related(ref.word.span, "the job backs up these users"),),
                            help=help,
                        )
                        continue
                    if narrow_owners(up, ids, patterns) if include else _reaches(up, users):
                        selects = True
                        continue
                    what = f"owner pattern {quoted(up)} matches none of the users job {quoted(job.name)} backs up"
                    note = f"{quoted(up)} matches none of the job's users"
                else:
                    if _backs_up_id(up, id_set, patterns):
                        selects = True
                        continue
                    if refused is None:
                        refused = [i for i in ids if not valid_user_id(i)]  # BKR301's, once per job
                    if any(i.startswith(up) or one_slip(up, i) for i in refused):
                        selects = True  # the job's user was meant, its ID refused: BKR301's
                        continue
                    if sel.medium is ast.Medium.MINIDISK and _ADDRESS_LIKE.fullmatch(up):
                        # `include minidisk 0191 *`: the address written where the owner goes.
                        addresses = " ".join([up] + [i.upper for i in sel.items if i.upper != "*"])
                        found = OWNER_NOT_BACKED_UP(
                            f"{quoted(up)} stands where the owner goes: `minidisk` takes the owner first,"
                            " then addresses",
                            word.span,
                            help=f"write `{sel.action.value} minidisk * {addresses}` (`*`: every user of the job)",
                            fix=swapped_owner_fix(sel) if owner_and_address_swapped(sel) else None,
                        )
                        note = f"the address {quoted(up)} stands where the owner goes"
                        if include:
                            misses.append((word, note, found))
                        else:
                            yield found
                        continue
                    group_found = _group_as_owner(model, job, sel, up, word)
                    if group_found is not None:
                        # `include minidisk APPS 0191`: the group's name where its users'
                        # owner goes (stop 83), not a user to add to the group itself.
                        if include:
                            misses.append((word, f"{quoted(up)} is a group, not a user", group_found))
                        else:
                            yield group_found
                        continue
                    what = f"job {quoted(job.name)} does not back up {quoted(up)}"
                    note = f"{quoted(up)} is not one of the job's users"
                help = _owner_help(model, job, up, include, memo, sel)
                begun = _owner_being_typed(sel, word, up, ids)
                if begun:
                    # `include sfs BKRPOOL:C`, the statement's last word: a user the job
                    # backs up being typed, not one to add to its group
                    help = f"`{up}` begins {begun}, which the job backs up: write the user ID in full, then its directories"
                head = up.partition("#")[0]
                if head and head != up and _owner_names_users(head, ids, id_set, patterns, include):
                    # `include minidisk *#x 0100-0FFF`: a comment glued to an owner of the
                    # job's users (`#` is a character of CP names); "add *#X to LOCALA" alone
                    # would send the writer the wrong way.
                    note += f": `#` glued to {quoted(head)}"
                    help = f"{_GLUED_COMMENT}; otherwise {help}"
                found = OWNER_NOT_BACKED_UP(
                    f"{what}, so {what_selects} selects nothing",
                    word.span,
                    related=(Related(ref.word.span, "the job backs up these users"),),
                    help=help,
                )
                if include:
                    misses.append((word, note, found))
                else:
                    yield found
            # An include whose owner is malformed (BKR301, BKR318) may be the one meant
            # to name the job's users: that error is the one mistake, not BKR116 too.
            selecting += include and (selects or _owner_unread(sel))
        if job.includes and not selecting:
            # One mistake, one diagnostic: the job backs up nothing (an error), and
            # each include that selects nothing is a note of it, not a warning more.
            refs = tuple(Related(r.word.span, "the job backs up these users") for r in job.refs[:1])
            notes = tuple(Related(word.span, note) for word, note, _ in misses)
            yield JOB_WITHOUT_INCLUDE(
                f"job {quoted(job.name)} selects nothing to back up: none of its includes names one of"
                " its users, so it would run and copy nothing",
                job.decl.name.span,
                related=refs + notes,
                help=_alone_help(model, job, misses[0], memo)
                if len(misses) == 1
                else "make an include's owner one of the job's users (or `*`: all of them)",
                # `include minidisk 0191 *`, the job's one include: its fix, `* 0191`
                fix=misses[0][2].fix if len(misses) == 1 else None,
            )
        else:
            yield from (found for _, _, found in misses)


@check
def member_owners_written_as_addresses(model: Model):
    """BKR406 for a member block's selection whose owner `*` stands after its first
    address (`exclude minidisk 0192 *`): it names no user, so it excludes nothing on
    the member, silently (a job's selection so written is owners_backed_up's)."""
    cluster = model.cluster
    if cluster is None:
        return
    for member in cluster.members:
        for sel in member.selections:
            if sel.medium is not ast.Medium.MINIDISK or not owner_and_address_swapped(sel):
                continue
            owner = sel.owner
            addresses = " ".join([owner.upper] + [i.upper for i in sel.items if i.upper != "*"])
            yield OWNER_NOT_BACKED_UP(
                f"{quoted(owner.upper)} stands where the owner goes: `minidisk` takes the owner first,"
                f" then addresses, so this {sel.action.value} of member {quoted(member.name.upper)} names no user",
                owner.span,
                help=f"write `{sel.action.value} minidisk * {addresses}`"
                " (`*`: every user of the member's single-configuration jobs)",
            )


def _owner_covers(exclude_owner: str, owner: str) -> bool:
    """Whether an exclude's owner (an ID, a pattern or `*`) takes in every user of
    `owner` (an ID or a pattern); of an ID, decided by one match."""
    if exclude_owner == "*":
        return True
    if is_pattern(owner):
        return covers(exclude_owner, owner)
    return pattern_regex(exclude_owner).match(owner) is not None


def _path_covers(exclude: str, path: str) -> bool:
    """Whether SFS exclude path `exclude` surely removes `path`: the same pool, an
    owner that covers the path's, and the same directories, where a `*` level
    of the exclude takes any one level. (How far a wildcard reaches into
    subdirectories is the product's business: when unsure, not covered.)"""
    if exclude == path:
        return True
    x, p = split_sfs_path(exclude), split_sfs_path(path)
    if x is None or p is None or x[0] != p[0] or not _owner_covers(x[1], p[1]):
        return False
    xdirs, pdirs = x[2].split("."), p[2].split(".")
    return len(xdirs) == len(pdirs) and all(
        a == b or a == "*" or (not is_pattern(b) and pattern_regex(a).match(b) is not None)
        for a, b in zip(xdirs, pdirs)
    )


class _ExcludedPaths:
    """SFS exclude paths (upper case), read once for which of them surely remove a
    path (`_path_covers`): thousands of SFS includes against thousands of SFS
    excludes were each path compared with every exclude path. Those of one file
    pool and one depth are kept together, and of them those without a wildcard in
    the owner or the directories by what they hold: of a path without wildcards,
    only those that may cover it are asked (the same owner and directories, the
    same directories whatever the owner, the same owner whatever the
    directories, or wildcards in both); of a path with one, every exclude path of
    its pool and depth."""

    def __init__(self, paths: list[str]) -> None:
        self.paths = paths
        self.exact: dict[str, list[int]] = {}
        #: (pool, depth) -> (by owner and directories, by directories, by owner, the rest, all)
        self.groups: dict[tuple[str, int], tuple[dict, dict, dict, list[int], list[int]]] = {}
        for k, x in enumerate(paths):
            self.exact.setdefault(x, []).append(k)
            parts = split_sfs_path(x)
            if parts is None:
                continue  # it covers only itself
            pool, owner, dirs = parts
            levels = tuple(dirs.split("."))
            group = self.groups.setdefault((pool, len(levels)), ({}, {}, {}, [], []))
            plain_owner, plain_dirs = not is_pattern(owner), not any(is_pattern(d) for d in levels)
            if plain_owner and plain_dirs:
                group[0].setdefault((owner, levels), []).append(k)
            elif plain_dirs:
                group[1].setdefault(levels, []).append(k)
            elif plain_owner:
                group[2].setdefault(owner, []).append(k)
            else:
                group[3].append(k)
            group[4].append(k)

    def covering(self, path: str) -> list[int]:
        """The places of the exclude paths that surely remove `path`, in order."""
        found = set(self.exact.get(path, ()))
        parts = split_sfs_path(path)
        if parts is not None:
            pool, owner, dirs = parts
            levels = tuple(dirs.split("."))
            group = self.groups.get((pool, len(levels)))
            if group is not None:
                if is_pattern(owner) or any(is_pattern(d) for d in levels):
                    asked = group[4]
                else:
                    # A plain owner or directory of an exclude takes in only the same one.
                    asked = [
                        *group[0].get((owner, levels), ()),
                        *group[1].get(levels, ()),
                        *group[2].get(owner, ()),
                        *group[3],
                    ]
                found.update(k for k in asked if k not in found and _path_covers(self.paths[k], path))
        return sorted(found)

    def removes(self, path: str) -> bool:
        return bool(self.covering(path))


def selection_ranges(sel: ast.Selection) -> list[tuple[int, int]] | None:
    """A minidisk selection's addresses as inclusive ranges (`*` every address);
    None when one is malformed or reversed (the checker's)."""
    out = [parse_address_range(w.text) for w in sel.items]
    return None if any(r is None or r[0] > r[1] for r in out) else out


def _covered(ranges, covers) -> bool:
    """Whether every address of `ranges` is inside the union of `covers`."""
    merged: list[list[int]] = []
    for a, b in sorted(covers):
        if merged and a <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return all(any(m[0] <= a and b <= m[1] for m in merged) for a, b in ranges)


class _Removals(NamedTuple):
    """A list of excludes, read once for the questions asked of it per user: each
    minidisk exclude's owner with its address ranges (those with an owner and
    well-formed ranges), and each SFS exclude's paths."""

    minidisk: list[tuple[str, list[tuple[int, int]]]]
    sfs: list[str]
    #: Per minidisk exclude, its owner's match of one ID: `_owner_covers` of an
    #: ID, at C speed (one call per ID of a large group).
    id_matches: list
    #: Per user ID or pattern asked of by `_include_removed`, the ranges the
    #: excludes remove of its users, merged (`_merged`): thousands of includes of
    #: the same users are not a reading of every exclude each.
    merged: dict
    #: `sfs`, for which of them remove a path.
    paths: _ExcludedPaths


#: No SFS exclude paths: those of most jobs, shared (`_ExcludedPaths` is only read).
_NO_PATHS = _ExcludedPaths([])
#: What a member where neither of two jobs excludes anything takes out of them.
_NO_REMOVALS = _Removals([], [], [], {}, _NO_PATHS)


def _removes_any(removals: _Removals) -> bool:
    return bool(removals.minidisk or removals.sfs)


def _removals(excludes) -> _Removals:
    minidisk = []
    for e in excludes:
        if e.medium is ast.Medium.MINIDISK and e.owner is not None:
            r = selection_ranges(e)
            if r is not None:
                minidisk.append((e.owner.upper, r))
    sfs = [w.upper for e in excludes if e.medium is ast.Medium.SFS for w in e.items]
    return _Removals(minidisk, sfs, [pattern_regex(x).match for x, _ in minidisk], {}, _ExcludedPaths(sfs) if sfs else _NO_PATHS)


def _covering(owners: tuple[str, ...], removals: _Removals) -> tuple[int, ...]:
    """Which minidisk excludes of `removals` (their places) remove something of
    the users one of `owners` (IDs or patterns) matches: those whose owner
    covers one of them."""
    if len(owners) == 1 and not is_pattern(owners[0]):
        return tuple(k for k, match in enumerate(removals.id_matches) if match(owners[0]))
    return tuple(k for k, (x, _) in enumerate(removals.minidisk) if any(_owner_covers(x, o) for o in owners))


def _ranges_of(removals: _Removals, places: tuple[int, ...]) -> list[tuple[int, int]]:
    return [r for k in places for r in removals.minidisk[k][1]]


def _removed_ranges(owners: tuple[str, ...], removals: _Removals) -> list[tuple[int, int]]:
    """The address ranges minidisk excludes remove of the users one of `owners` matches."""
    return _ranges_of(removals, _covering(owners, removals))


def _path_removed(path: str, removals: _Removals) -> bool:
    """Whether an SFS exclude surely removes `path` (`_path_covers`)."""
    return removals.paths.removes(path)


def _include_removed(inc: ast.Selection, owners: tuple[str, ...], removals: _Removals) -> bool:
    """Whether excludes (`removals`, `_removals` of them) remove everything include
    `inc` selects, written for `owners` (its narrowed owners, or for SFS its
    narrowed paths, as the template writes them)."""
    if not owners:
        return False  # it selects nothing anyway (BKR116, BKR406)
    if inc.medium is ast.Medium.SFS:
        return all(_path_removed(p, removals) for p in owners)
    ranges = selection_ranges(inc)
    if ranges is None:
        return False
    for owner in owners:
        merged = removals.merged.get(owner)
        if merged is None:
            merged = removals.merged[owner] = _merged(_removed_ranges((owner,), removals))
        if not merged[0] or not _covered_by_merged(ranges, [merged]):
            return False
    return True


def _removes_everything(job: JobModel, written: tuple[tuple[str, ...], ...], excludes) -> bool:
    """Whether `excludes` remove everything each include of `job` selects
    (`written`: whom its include records name, `Model.include_owners`)."""
    removals = _removals(excludes)
    return all(_include_removed(i, o, removals) for i, o in zip(job.includes, written))


def removed_ranges_of(excludes) -> Callable[[str], list[tuple[int, int]]]:
    """A function of a user ID: the address ranges `excludes` (minidisk and SFS
    excludes, as `excludes_on` gives them) take out of that user's minidisks, as
    the checks ask it of a group. The excludes are read once, here: `bkrc show
    --directory`'s coverage asks it of each directory user a job names."""
    removals = _removals(excludes)
    if not removals.minidisk:
        return lambda _user_id: []
    return lambda user_id: _removed_ranges((user_id,), removals)


def removing_excludes_of(excludes) -> Callable[[str], list[tuple[ast.Selection, list[tuple[int, int]]]]]:
    """Like `removed_ranges_of`, but naming the excludes: a function of a user ID,
    each minidisk exclude of `excludes` whose owner covers that user, with the
    address ranges it takes out, in `excludes`' order. Only `bkrc show
    --directory` asks it (`excluded_by`), of a minidisk it finds excluded: the
    checks and the compiler never pay for it."""
    kept = [
        e
        for e in excludes
        if e.medium is ast.Medium.MINIDISK and e.owner is not None and selection_ranges(e) is not None
    ]
    removals = _removals(kept)  # keeps each of `kept`, in order: its places are theirs
    return lambda user_id: [(kept[k], removals.minidisk[k][1]) for k in _covering((user_id,), removals)]


def _selection_text(sel: ast.Selection) -> str:
    owner = f" {sel.owner.text}" if sel.owner is not None else ""
    return f"{sel.action.value} {sel.medium.value}{owner} {' '.join(w.text for w in sel.items)}"


def _include_ranges(job: JobModel) -> tuple[list[tuple[int, int]] | None, bool]:
    """The addresses a job's minidisk includes name, whoever's (None for one the
    checker cannot read: any address, then), and whether it includes SFS paths."""
    out: list[tuple[int, int]] | None = []
    for i in job.includes:
        if i.medium is ast.Medium.MINIDISK:
            ranges = selection_ranges(i)
            out = None if ranges is None or out is None else out + ranges
    return out, any(i.medium is ast.Medium.SFS for i in job.includes)


def _may_back_up_alike(model: Model, job: JobModel, other: JobModel) -> bool:
    """Whether `other` names one of `job`'s users and an address its includes name
    too (or SFS paths, both): with `job`'s excludes deleted, the two might back one
    minidisk or directory up twice."""
    if not set(model.job_user_ids(job)) & set(model.job_user_ids(other)):
        return False
    (mine, my_sfs), (theirs, their_sfs) = _include_ranges(job), _include_ranges(other)
    if my_sfs and their_sfs:
        return True
    if mine == [] or theirs == []:
        return False
    if mine is None or theirs is None:
        return True
    return any(a <= d and c <= b for a, b in mine for c, d in theirs)


def _excludes_all_help(model: Model, job: JobModel, excludes, written) -> str:
    """BKR407's help for a job's own excludes: the one of them whose deletion leaves
    something of every include (else all of the job's own, where that does), written
    whole with its line, to delete; else the advice. Not where another job backs up
    one of its users: deleted, the excludes would have the two back it up twice."""
    advice = "narrow the exclude, or widen the include"
    own = [e for e in job.excludes if e.span.file == model.main_file]
    if not own or any(_may_back_up_alike(model, job, j) for j in model.jobs if j is not job):
        return advice

    def leaves_each(deleted) -> bool:
        kept = _removals([x for x in excludes if all(x is not e for e in deleted)])
        return not any(_include_removed(i, o, kept) for i, o in zip(job.includes, written))

    alone = _needed_alone(excludes, own, job.includes, written)
    if alone:
        deletes = " or ".join(f"`{_selection_text(e)}` (line {e.span.line})" for e in alone[:3])
        takes = "it takes out" if len(alone) == 1 else "together they take out"
    elif len(own) <= 3 and leaves_each(own):
        deletes = " and ".join(f"`{_selection_text(e)}` (line {e.span.line})" for e in own)
        takes = "they take out"
    else:
        return advice
    includes = " and ".join(f"`{_selection_text(i)}` (line {i.span.line})" for i in job.includes[:2])
    return (
        f"delete {deletes}: {takes} all that {includes} {'select' if len(job.includes) > 1 else 'selects'};"
        f" or widen the include to what the excludes leave"
    )


class _AloneRuns(NamedTuple):
    """Of the minidisk excludes covering one include owner: the addresses each
    removes that no other of them does, as sorted runs (`starts`, `ends`, `of`:
    the exclude's place), and per exclude its runs as (starts, ends)."""

    starts: list[int]
    ends: list[int]
    of: list[int]
    per: dict[int, tuple[list[int], list[int]]]


def _alone_runs(minidisk: list[tuple[int, list[tuple[int, int]]]]) -> _AloneRuns:
    """`_AloneRuns` of excludes given as (place, ranges): one sweep over their ranges'
    starts and ends, in order, keeping how many ranges of each exclude hold the
    addresses between two of them (one exclude's ranges that overlap are one)."""
    events = sorted([(a, 1, k) for k, rs in minidisk for a, _ in rs] + [(b + 1, -1, k) for k, rs in minidisk for _, b in rs])
    active: dict[int, int] = {}
    starts: list[int] = []
    ends: list[int] = []
    of: list[int] = []
    i = 0
    while i < len(events):
        at = events[i][0]
        while i < len(events) and events[i][0] == at:
            _, step, k = events[i]
            held = active.get(k, 0) + step
            if held:
                active[k] = held
            else:
                del active[k]
            i += 1
        if len(active) == 1 and i < len(events):
            (k,) = active
            if of and of[-1] == k and ends[-1] + 1 == at:
                ends[-1] = events[i][0] - 1
            else:
                starts.append(at)
                ends.append(events[i][0] - 1)
                of.append(k)
    per: dict[int, tuple[list[int], list[int]]] = {}
    for a, b, k in zip(starts, ends, of):
        mine = per.setdefault(k, ([], []))
        mine[0].append(a)
        mine[1].append(b)
    return _AloneRuns(starts, ends, of, per)


def _needed_alone(excludes, own, includes, written) -> list[ast.Selection]:
    """The excludes of `own` (some of `excludes`) whose deletion alone leaves
    something of every include `excludes` remove whole (`written`: whom each
    names), in `own`'s order: `leaves_each([e])` of `_excludes_all_help` for
    each e, which read the excludes but one and every include again for each,
    quadratic (a job whose every include its own exclude removes: 1,000 took
    9 s). Read once instead. Without e, an include is left something when e
    alone removes some of it: of a minidisk include, an address of its ranges
    that no other exclude covering one of its owners removes (`_alone_runs`,
    per owner); of an SFS include, a path no other exclude's path removes
    (`_ExcludedPaths`). The excludes every include needs are found from the
    include that needs fewest, then asked of each other include, those still
    wanted only."""
    full = _removals(excludes)
    minidisk = [
        (k, x.owner.upper, r)
        for k, x in enumerate(excludes)
        if x.medium is ast.Medium.MINIDISK and x.owner is not None and (r := selection_ranges(x)) is not None
    ]
    sfs_of = [k for k, x in enumerate(excludes) if x.medium is ast.Medium.SFS for _ in x.items]
    runs_of: dict[str, _AloneRuns] = {}

    def runs(owner: str) -> _AloneRuns:
        found = runs_of.get(owner)
        if found is None:
            if is_pattern(owner):
                covering = [(k, r) for k, x, r in minidisk if _owner_covers(x, owner)]
            else:
                matches = full.id_matches
                covering = [(k, r) for m, (k, _, r) in enumerate(minidisk) if matches[m](owner)]
            found = runs_of[owner] = _alone_runs(covering)
        return found

    # Per include they remove whole: (how many excludes it may need at most, the set
    # of them for an SFS include, or its ranges and owners' runs for a minidisk one).
    needs = []
    for inc, owners in zip(includes, written):
        if not _include_removed(inc, owners, full):
            continue  # kept whatever is deleted: it needs nothing
        if inc.medium is ast.Medium.SFS:
            needed = set()
            for p in owners:
                by = {sfs_of[k] for k in full.paths.covering(p)}
                if len(by) == 1:
                    needed |= by
            needs.append((len(needed), needed, None))
            continue
        ranges = selection_ranges(inc)
        read = [runs(o) for o in owners]
        most = sum(
            max(0, bisect.bisect_right(r.starts, b) - bisect.bisect_left(r.ends, a)) for r in read for a, b in ranges
        )
        needs.append((most, ranges, read))
    if not needs:
        return list(own)  # none removed whole: deleting any leaves each
    first = min(range(len(needs)), key=lambda n: needs[n][0])
    _, what, read = needs[first]
    if read is None:
        wanted = set(what)
    else:
        wanted = set()
        for r in read:
            for a, b in what:
                wanted.update(r.of[bisect.bisect_left(r.ends, a) : bisect.bisect_right(r.starts, b)])
    mine = {id(e) for e in own}
    wanted &= {k for k, x in enumerate(excludes) if id(x) in mine}
    for n, (_, what, read) in enumerate(needs):
        if not wanted:
            break
        if n == first:
            continue
        if read is None:
            wanted &= what
        else:
            wanted = {k for k in wanted if any(k in r.per and _meets_merged(what, r.per[k]) for r in read)}
    place = {id(x): k for k, x in enumerate(excludes)}
    return [e for e in own if place[id(e)] in wanted]


def excludes_on(job: JobModel, member) -> list[ast.Selection]:
    """The excludes that apply to `job` on `member` (None: no known member): the
    job's own, then the member's when it is a single-configuration job (a member
    block's excludes end the templates of those pinned to it only; an IDENTITY
    job's copies are alike on every member, SSI rule 6: `Model.member_excludes`)."""
    mine = list(member.excludes) if member is not None and job.takes_member_excludes else []
    return list(job.excludes) + mine


def _excludes_per_member(model: Model, job: JobModel):
    """Per member `job` runs on, each known one once (None alone when it names no
    known member: its own excludes still apply): (member, the excludes that apply
    there, the job's then the member's, whom its include records name, and whether
    those excludes remove everything it includes, BKR407). Whom the records name is
    worked out at the first member with an exclude (None until then), and only then."""
    members = [model.member(m) for m in dict.fromkeys(job.members) if model.member(m) is not None] or [None]
    written = None
    for member in members:
        excludes = excludes_on(job, member)
        if not excludes:
            yield member, excludes, written, False
            continue
        if written is None:
            written = model.include_owners(job)
        yield member, excludes, written, _removes_everything(job, written, excludes)


def _backs_up_nothing(model: Model, job: JobModel) -> bool:
    """Whether the excludes of `job` remove everything it includes on every member
    it runs on (BKR407): it backs up no user, so it backs up none twice either."""
    return bool(job.includes) and all(emptied for *_, emptied in _excludes_per_member(model, job))


@check
def excludes_everything(model: Model):
    found = []  # (job, member, whether the member's excludes are what removes it, excludes)
    for job in model.jobs:
        if not job.includes:
            continue
        for member, excludes, written, emptied in _excludes_per_member(model, job):
            if emptied:
                from_member = (
                    member is not None
                    and any(e in member.excludes for e in excludes)
                    and not _removes_everything(job, written, job.excludes)
                )
                found.append((job, member, from_member, excludes, written))
                break
    # A member's excludes that remove everything from several jobs are one mistake:
    # one error at the member's exclude, naming the jobs.
    by_member: dict[str, list] = {}
    for job, member, from_member, _, _ in found:
        if from_member:
            by_member.setdefault(member.name, []).append(job)
    written_of = {id(f[0]): f[4] for f in found}
    for job, member, from_member, excludes, written in found:
        jobs = by_member.get(member.name, []) if from_member else []
        if len(jobs) > 1:
            if job is jobs[0]:
                # The member's exclude that alone (with each job's own) removes it all.
                culprit = next(
                    (
                        e
                        for e in member.excludes
                        if all(_removes_everything(j, written_of[id(j)], [*j.excludes, e]) for j in jobs)
                    ),
                    member.excludes[0],
                )
                yield EXCLUDES_ALL(
                    f"the excludes of member `{member.name}` remove everything jobs {listed([j.name for j in jobs])}"
                    f" include: they back up nothing on `{member.name}`",
                    culprit.span,
                    related=tuple(Related(j.includes[0].span, f"{j.name} includes this") for j in jobs[:4]),
                    help="narrow the member's exclude, or widen the jobs' includes",
                )
            continue
        where = f" on `{member.name}`" if from_member else ""
        yield EXCLUDES_ALL(
            f"the excludes of job {quoted(job.name)} remove everything it includes{where}: it backs up nothing",
            job.includes[0].span,
            related=tuple(Related(e.span, "excluded here") for e in excludes[:2]),
            help=_excludes_all_help(model, job, excludes, written) if not from_member else "narrow the exclude, or widen the include",
        )


def _medium_words(medium: ast.Medium) -> str:
    return "minidisks" if medium is ast.Medium.MINIDISK else "SFS directories"


def _ranges_meet(one: list[tuple[int, int]], other: list[tuple[int, int]]) -> bool:
    return any(a <= d and c <= b for a, b in one for c, d in other)


class _IncludesRead(NamedTuple):
    """A job's includes as BKR413 asks of each of its excludes, read once per job
    (thousands of excludes against thousands of includes were each include read
    again for each exclude): whether the excludes are judged at all (the job
    includes something, and no include has `sfs` written for `minidisk`, BKR318,
    or its owner left out, BKR310), the media included, and the addresses of the
    minidisk includes, whoever's, merged (`_merged`; None when one is malformed)."""

    judged: bool
    media: frozenset[ast.Medium]
    addresses: tuple[list[int], list[int]] | None
    #: The job's users (`_JobUsers`), made when an exclude's owner first needs them
    #: (`_owner_not_backed_up`), then kept for its other excludes.
    memo: dict


def _includes_read(model: Model, job: JobModel) -> _IncludesRead:
    includes = job.includes
    judged = bool(includes) and not any(minidisk_written_as_sfs(i) or owner_left_out(i, model) for i in includes)
    ranges: list[tuple[int, int]] | None = []
    for i in includes:
        if i.medium is ast.Medium.MINIDISK:
            theirs = selection_ranges(i)
            if theirs is None:
                ranges = None
                break
            ranges += theirs
    return _IncludesRead(judged, frozenset(i.medium for i in includes), None if ranges is None else _merged(ranges), {})


def _nothing_removed(exclude: ast.Selection, includes: _IncludesRead) -> str | None:
    """Why `exclude` takes nothing out of what `includes` select, whoever their
    owners (BKR413); None when it may remove something, or when an address is
    malformed (its own error)."""
    if exclude.medium not in includes.media:
        return f"the job includes no {_medium_words(exclude.medium)}"
    if exclude.medium is not ast.Medium.MINIDISK:
        return None  # which SFS paths a wildcard reaches is the product's business
    removed = selection_ranges(exclude)
    if removed is None or includes.addresses is None or _meets_merged(removed, includes.addresses):
        return None
    return "none of its addresses is among those the job's minidisk includes select"


def why_exclude_removes_nothing(
    model: Model, job: JobModel, exclude: ast.Selection, includes: _IncludesRead | None = None
) -> str | None:
    """Why BKR413 says that `exclude`, one of `job`'s own, removes nothing; None
    when it does not say so (BKR515, with --directory, leaves such an exclude to it).
    `includes`: the job's, read by `_includes_read` (read here when not given)."""
    if includes is None:
        includes = _includes_read(model, job)
    if not includes.judged:
        # BKR116: the job includes nothing at all; BKR318: `sfs` written for `minidisk`, judged
        # once that is mended; BKR310: the owner left out (`0191-01FF 0200`, `0191 0200`)
        return None
    if minidisk_written_as_sfs(exclude) or owner_left_out(exclude, model):
        return None  # BKR318, BKR310 of the exclude itself
    why = _nothing_removed(exclude, includes)
    if why is None or _owner_not_backed_up(model, job, exclude, includes.memo):
        return None  # it may remove something; or BKR406 says it names no user of the job
    return why


def _an_exclude_removes_nothing(model: Model, job: JobModel) -> bool:
    """Whether BKR413 says of one of `job`'s excludes that it removes nothing."""
    if not job.excludes:
        return False
    includes = _includes_read(model, job)
    return any(why_exclude_removes_nothing(model, job, x, includes) for x in job.excludes)


@check
def excludes_removing_nothing(model: Model):
    for job in model.jobs:
        includes = _includes_read(model, job) if job.excludes else None
        for exclude in job.excludes:
            why = why_exclude_removes_nothing(model, job, exclude, includes)
            if why is None:
                continue
            medium = _medium_words(exclude.medium)
            yield EXCLUDE_REMOVES_NOTHING(
                f"the exclude removes nothing from job {quoted(job.name)}: {why}",
                exclude.span,
                related=tuple(Related(i.span, "the job includes this") for i in job.includes[:3]),
                help=f"if an include of the {medium} this exclude names was deleted or narrowed, write it"
                " again; otherwise delete the exclude",
            )

class _Removers:
    """A job's excludes, read once for what `removers` asks of each of its includes
    (thousands of includes against thousands of excludes were each exclude read
    again for each include): each minidisk exclude's owner and address ranges,
    grouped by owner with the owner's ranges merged, and the SFS excludes."""

    def __init__(self, excludes) -> None:
        self.sfs: list[ast.Selection] = []
        sfs_paths: list[tuple[str, int]] = []  # each SFS exclude's paths, with its place in `sfs`
        self.by_owner: dict[str, list[tuple[int, ast.Selection, list[tuple[int, int]]]]] = {}
        for k, x in enumerate(excludes):
            if _owner_unread(x):
                continue
            if x.medium is ast.Medium.SFS:
                sfs_paths += [(w.upper, len(self.sfs)) for w in x.items]
                self.sfs.append(x)
            elif x.medium is ast.Medium.MINIDISK:
                removed = selection_ranges(x)
                if removed:
                    owner = x.owner.upper if x.owner is not None else "*"
                    self.by_owner.setdefault(owner, []).append((k, x, removed))
        self.merged = {owner: _merged([r for _, _, rs in xs for r in rs]) for owner, xs in self.by_owner.items()}
        self.patterns = [owner for owner in self.by_owner if is_pattern(owner) and owner != "*"]
        self._covering: dict[str, list[str]] = {}
        self._meeting: dict[str, _Meeting] = {}  # per owner, made when an include is covered
        self.excludes = list(excludes)
        self.sfs_paths = _ExcludedPaths([w for w, _ in sfs_paths]) if sfs_paths else _NO_PATHS
        self.sfs_of = [k for _, k in sfs_paths]  # per path of `sfs_paths`, its exclude's place in `sfs`

    def owners_covering(self, owner: str) -> list[str]:
        """The exclude owners that take in every user of include owner `owner`
        (`_owner_covers`): of a user ID, `*`, the ID itself and the patterns that
        match it; of a pattern or `*`, each owner is asked."""
        found = self._covering.get(owner)
        if found is None:
            if is_pattern(owner) or owner == "*":
                candidates = list(self.by_owner)
            else:
                candidates = [o for o in ("*", owner) if o in self.by_owner] + self.patterns
            found = self._covering[owner] = [o for o in candidates if _owner_covers(o, owner)]
        return found

    def removers(self, inc: ast.Selection) -> list[ast.Selection]:
        """The excludes that together surely remove everything include `inc` selects,
        whoever the job's users (BKR415): of a minidisk include, those whose owner
        takes in all of the include's (`_owner_covers`) and whose addresses meet its,
        when together they cover all its addresses; of an SFS include, those with a
        path that surely removes one of its paths (`_path_covers`), when each of its
        paths is so removed. Empty when it may keep something, or when unsure (a
        malformed owner or address: their own errors). Whether they cover it is
        asked of the owners' merged ranges first: an include they leave something
        of (most) costs a bisection per owner, not a reading of every exclude."""
        if _owner_unread(inc):
            return []
        if inc.medium is ast.Medium.SFS:
            paths = [i.upper for i in inc.items]
            if not paths or any(sfs_path_problem(p) for p in paths):
                return []
            places: set[int] = set()
            for p in paths:
                covering = self.sfs_paths.covering(p)
                if not covering:
                    return []  # this path may be kept
                places.update(self.sfs_of[k] for k in covering)
            return [self.sfs[k] for k in sorted(places)]
        ranges = selection_ranges(inc)
        if not ranges:
            return []
        owners = self.owners_covering(inc.owner.upper if inc.owner is not None else "*")
        if not owners or not _covered_by_merged(ranges, [self.merged[o] for o in owners]):
            return []
        found: set[int] = set()
        for o in owners:
            meeting = self._meeting.get(o)
            if meeting is None:
                meeting = self._meeting[o] = _Meeting([(a, b, k) for k, _, rs in self.by_owner[o] for a, b in rs])
            for a, b in ranges:
                found.update(meeting(a, b))
        return [self.excludes[k] for k in sorted(found)]


class _Meeting:
    """Address ranges (start, end, what each is of), for the ones that meet a range:
    sorted by start, with the furthest end of each run of them in a tree over the
    runs, so that only the runs holding one that meets are read (the ranges that
    start by the range's end and end at or after its start), whatever the others:
    one wide exclude beside thousands of narrow ones is not a reading of all of
    them for each include."""

    def __init__(self, ranges: list[tuple[int, int, int]]) -> None:
        ranges.sort()
        self.ranges = ranges
        self.starts = [a for a, _, _ in ranges]
        size = 1
        while size < len(ranges):
            size *= 2
        self.size = size
        ends = [-1] * (2 * size)
        ends[size : size + len(ranges)] = [b for _, b, _ in ranges]
        for node in range(size - 1, 0, -1):
            ends[node] = max(ends[2 * node], ends[2 * node + 1])
        self.ends = ends

    def __call__(self, a: int, b: int) -> Iterator[int]:
        """What the ranges that meet `a`-`b` are of."""
        last = bisect.bisect_right(self.starts, b)  # the ranges that start by b
        stack = [(1, 0, self.size)]
        while stack:
            node, lo, hi = stack.pop()
            if lo >= last or self.ends[node] < a:
                continue
            if node >= self.size:
                yield self.ranges[lo][2]
                continue
            mid = (lo + hi) // 2
            stack.append((2 * node + 1, mid, hi))
            stack.append((2 * node, lo, mid))


def _covered_by_merged(ranges: list[tuple[int, int]], merged: list[tuple[list[int], list[int]]]) -> bool:
    """`_covered(ranges, ...)` of the union of ranges `_merged` made, one list per
    owner: from each range's start, step to past the furthest end of a merged
    range that holds the address reached, until past the range's end."""
    for a, b in ranges:
        at = a
        while at <= b:
            reach = -1
            for starts, ends in merged:
                k = bisect.bisect_right(starts, at) - 1
                if k >= 0 and ends[k] >= at:
                    reach = max(reach, ends[k])
            if reach < 0:
                return False
            at = reach + 1
    return True


@check
def includes_excluded_entirely(model: Model):
    """BKR415: an include the job's own excludes take out whole; when every include
    that selects something is so removed and BKR407 does not say it, the job backs
    up nothing."""
    for job in model.jobs:
        if not job.includes or not job.excludes:
            continue
        if any(minidisk_written_as_sfs(s) for s in (*job.includes, *job.excludes)):
            continue  # BKR318: `sfs` written for `minidisk`; judged once that is mended
        written = model.include_owners(job)
        excludes = _Removers(job.excludes)
        removed = []  # (include, the excludes that remove it)
        selecting = 0  # the includes that select some user of the job
        for inc, owners in zip(job.includes, written):
            if not owners:
                continue  # it selects none of the job's users: BKR406 (or BKR116)
            selecting += 1
            removers = excludes.removers(inc)
            if removers:
                removed.append((inc, removers))
        if not removed:
            continue
        nothing = len(removed) == selecting
        if nothing and _removes_everything(job, written, job.excludes):
            continue  # BKR407's error: the job's excludes remove everything it includes
        for k, (inc, removers) in enumerate(removed):
            names = [f"`{_written_as(x)}`" for x in removers]
            shown = first_few(names) if len(names) != 2 else " and ".join(names)
            verb = "removes" if len(removers) == 1 else "remove"
            end = ", and the job backs up nothing" if nothing else ""
            yield INCLUDE_EXCLUDED_ENTIRELY(
                f"`{_written_as(inc)}` selects nothing that job {quoted(job.name)} backs up:"
                f" {shown} {verb} all of it{end}",
                inc.span,
                related=tuple(Related(x.span, "removes what the include selects") for x in removers[:4]),
                help="narrow the exclude to the addresses or directories meant, so that it leaves what the"
                f" include selects; or, if the include is no longer wanted, delete it"
                f"{_idle_after(model, job, inc, removers) if k < _IDLE_AFTER_MOST else ''}",
            )


#: BKR415's helps of one job that name the excludes an include deleted would leave idle
#: (`_idle_after`, which reads the job's includes again: each one more of them, over
#: thousands of removed includes, made the check quadratic, tests/test_robustness.py);
#: the job's later ones say "delete it" alone.
_IDLE_AFTER_MOST = 8


def _idle_after(model: Model, job: JobModel, inc: ast.Selection, removers: list) -> str:
    """BKR415's second way, the include deleted, with the excludes that would then remove
    nothing (BKR413's warning next: the help said to delete the include alone)."""
    left = dataclasses.replace(job, includes=tuple(i for i in job.includes if i is not inc))
    if not left.includes:
        return ""
    includes = _includes_read(model, left)
    idle = [x for x in removers if why_exclude_removes_nothing(model, left, x, includes)]
    if not idle:
        return ""
    lines = ", ".join(str(x.span.line) for x in idle)
    return f" with the exclude{'s' if len(idle) > 1 else ''} that take{'' if len(idle) > 1 else 's'} it out (line{'s' if len(idle) > 1 else ''} {lines}), which would remove nothing else"


class _JobUsers:
    """The users a job backs up, as `_reaches` reads them: its IDs (`job_user_ids`),
    and the patterns of its groups each once. The set of the IDs and their text one
    per line are made when an owner first needs them: an exclude's pattern (`LNX*`)
    is one regex search over the text, not a match call per ID of the job. After
    `_SEARCHES` patterns, the text holds the IDs sorted, so that a pattern with a
    literal beginning is searched for among the IDs that start with it only
    (thousands of excludes of patterns, each searched for in a job of thousands of
    IDs, were each a reading of all of them); a job's few patterns are not worth
    the sort (stop 71: the bench file's two searches paid for it)."""

    def __init__(self, ids: tuple[str, ...], patterns: list[str]) -> None:
        self.ids, self.patterns = ids, patterns
        self._set: frozenset[str] | None = None
        self._lines: str | None = None
        self._searches = 0  # patterns searched for in `_lines` as the IDs come
        self._sorted: list[str] | None = None
        self._ends: list[int] = []  # per ID of `_sorted`, where its line end is in `_lines`

    def has(self, user_id: str) -> bool:
        if self._set is None:
            self._set = frozenset(self.ids)
        return user_id in self._set

    def any_matched_by(self, pattern: str) -> bool:
        if not self.ids:
            return False
        if self._sorted is None:
            if self._searches < _SEARCHES:
                self._searches += 1
                if self._lines is None:
                    self._lines = "\n" + "\n".join(self.ids) + "\n"  # (names hold no line ends)
                return _id_line(pattern).search(self._lines) is not None
            self._sorted = sorted(self.ids)
            self._lines = "\n" + "\n".join(self._sorted) + "\n"
            at, ends = 0, []
            for i in self._sorted:
                at += len(i) + 1
                ends.append(at)
            self._ends = ends
        head = literal_head(pattern)
        if not head:
            return _id_line(pattern).search(self._lines) is not None
        low = bisect.bisect_left(self._sorted, head)
        high = bisect.bisect_left(self._sorted, head + "\U0010ffff", low)
        if low == high:
            return False
        # The lines of the IDs that start with `head`, from the line end before the first.
        start = self._ends[low - 1] if low else 0
        return _id_line(pattern).search(self._lines, start, self._ends[high - 1] + 1) is not None


#: How many patterns `_JobUsers.any_matched_by` searches for in a job's IDs as
#: they come before it sorts them.
_SEARCHES = 8


@functools.lru_cache(maxsize=1024)
def _id_line(pattern: str) -> re.Pattern:
    """`pattern_regex(pattern)` over a text of IDs one per line, each with a line end
    before and after: the same whole IDs (`.` never matches a line end), IDs of any
    length (`id_scanner` leaves out those over 8 characters, which BKR301 reports)."""
    return re.compile(r"\n(?:" + pattern_body(pattern) + r")(?=\n)")


def _reaches(owner: str, users: _JobUsers) -> bool:
    """Whether a selection's owner (`*`, a pattern or an ID) names one of the users
    a job backs up (its IDs, and those its `match` patterns match), in whole or in part."""
    if owner == "*":
        return True
    if not is_pattern(owner):
        return users.has(owner) or any(pattern_regex(p).match(owner) for p in users.patterns)
    return users.any_matched_by(owner) or any(shared_id(owner, p) is not None for p in users.patterns)


def _written_as(selection: ast.Selection) -> str:
    """A selection as the file spells it, on one line (`exclude minidisk * 0192`)."""
    words = [selection.action.value, selection.medium.value]
    words += [selection.owner.text] if selection.owner is not None else []
    return " ".join(words + [w.text for w in selection.items])


@check
def member_excludes_beside_identity_jobs(model: Model):
    """BKR414: a member block's exclude that reaches users of an IDENTITY job that
    runs on that member, whose copies carry the job's selection alone (SSI rule 6)."""
    # Only `on each member`: an IDENTITY job run on some members only is BKR221's error,
    # the one mistake to say (a group turned identity under a pinned job).
    jobs = [j for j in model.jobs if j.kind is Kind.IDENTITY and j.run is not None and j.each_member]
    if not jobs:
        return
    users: dict[int, _JobUsers] = {}
    for member in model.members:
        if not member.excludes or model.member(member.name) is not member:
            continue  # a member declared twice: its own error, and the first block is the one written
        here = [j for j in jobs if member.name in j.members]
        for exclude in member.excludes:
            owners = [up for up, _ in _selection_owners(exclude) if up == "*" or valid_user_or_pattern(up)]
            if not owners:
                continue
            reached = []
            for job in here:
                if id(job) not in users:
                    users[id(job)] = _JobUsers(model.job_user_ids(job), list(dict.fromkeys(model.job_patterns(job))))
                if any(_reaches(o, users[id(job)]) for o in owners):
                    reached.append(job)
            if reached:
                single = any(j.kind is Kind.SINGLE and member.name in j.members for j in model.jobs)
                yield _not_in_identity_copies(member.name, exclude, reached, single)


def _not_in_identity_copies(member: str, exclude: ast.Selection, jobs: list[JobModel], single: bool = True):
    names = [j.name for j in jobs]
    them = "job" if len(names) == 1 else "jobs"
    where = f"in job {quoted(names[0])}" if len(names) == 1 else f"in each of jobs {listed(names)}"
    return MEMBER_EXCLUDE_NOT_IN_IDENTITY_JOB(
        f"the exclude of member `{member}` is not written into the copies of IDENTITY {them} {listed(names)}:"
        " every member's copy of an IDENTITY job carries the same INCLUDE and EXCLUDE statements (SSI rule 6),"
        " so the catalog tells the copies apart only by job name",
        exclude.span,
        related=tuple(Related(j.run.placement.span, f"{quoted(j.name)} runs on `{member}` here") for j in jobs[:4]),
        help=(
            f"write the exclude in the job (`{_written_as(exclude)}` {where}) so that every member's copy"
            " carries it; if it is meant only for the member's single-configuration jobs, narrow its owners to them"
        )
        if single
        # No job of single-configuration users runs on the member: the exclude is the
        # IDENTITY job's alone, so it moves (the help said "write the exclude in the job";
        # written there, the member's line stayed, and so did this warning).
        else f"move the exclude into the job: write `{_written_as(exclude)}` {where} and delete it from member"
        f" `{member}`'s block (line {exclude.span.line}), so that every member's copy carries it",
    )


@check
def names_backed_up_once(model: Model):
    levels = {level.value for level in ast.Level}
    for job in model.jobs:
        resolved = {r.word.upper for r in job.refs if r.resolved}
        first: dict[str, tuple[ast.Word, ast.Level]] = {}
        for backup in job.decl.backups:
            level = backup.level or ast.Level.FULL  # a line without a level is full
            again = []  # (word, where it was named first), in the order written
            for word in backup.groups:
                name = word.upper
                if name not in resolved or word.text.lower() in levels:
                    continue  # an unknown name (BKR331), a level after a comma (BKR331)
                seen, seen_level = first.setdefault(name, (word, level))
                if seen is word:
                    continue
                if seen_level is not level:
                    # `backup APPS full` and `backup APPS incremental`: the job asks for
                    # both levels, BKR118's error, which is the one mistake to say.
                    continue
                again.append((word, seen))
            if again:
                yield _named_again(job, backup, again)


def _named_again(job: JobModel, backup: ast.Backup, again: list[tuple[ast.Word, ast.Word]]):
    """BKR412 for the names one `backup` statement gives again: one warning for the
    statement, so that a `backup` line written twice is one mistake, said once."""
    words = [word for word, _ in again]
    whole = len(words) == len(backup.groups)
    if len(words) == 1:
        said, where = f"names {quoted(words[0].upper)} twice after `backup`; it is backed up once", words[0].span
    else:
        said = f"names {listed([w.upper for w in words])} twice after `backup`; each is backed up once"
        where = backup.span if whole else span_through(words[0].span, words[-1].span)
    return REPEATED_BACKUP_NAME(
        f"job {quoted(job.name)} {said}",
        where,
        related=tuple(Related(seen.span, "named here first") for _, seen in again),
        help="name each group or user once: remove this "
        + ("`backup` statement" if whole else "`" + "`, `".join(w.text for w in words) + "`")
        + (", or write the name meant" if len(words) == 1 else ", or write the names meant"),
    )


def _unused_group_help(model: Model, g) -> str:
    """BKR408's help: the `backup` line of the first job of the group's kind, written
    again with the group added (the help said "add it to a job's `backup` statement",
    whichever: one of the other kind is BKR222's error next); else a job of its own."""
    delete = f"or delete the group (line {g.decl.name.span.line})"
    for j in model.jobs:
        if j.kind is not g.kind or len(j.decl.backups) != 1:
            continue
        b = j.decl.backups[0]
        level = f" {b.level.value}" if b.level is not None else ""
        names = ", ".join(w.text for w in b.groups)
        return (
            f"add it to the `backup` of job {j.name}, which backs up"
            f" {'IDENTITY' if g.kind is Kind.IDENTITY else 'single-configuration'} users: write"
            f" `backup {names}, {g.name}{level}` for `backup {names}{level}` (line {b.span.line}); {delete}"
        )
    return f"add a job that backs it up (`backup {g.name} full`), {delete}"


@check
def unused_groups(model: Model):
    if model.cluster is None:
        return  # a module: its groups are for the jobs of the clusters that import it
    if any(not r.resolved for j in model.jobs for r in j.refs):
        return  # an unknown `backup` name (BKR331) may be a typo for one of these groups
    if any(not j.decl.backups for j in model.jobs):
        return  # a job backs nobody up (BKR112): its `backup` may be the one meant to name them
    used = {r.group.name for j in model.jobs for r in j.refs if r.group is not None}
    for g in model.groups:
        if is_pattern(g.name):
            continue  # BKR307: a name `backup` cannot refer to
        if g.module == model.main_file and g.name not in used and model.group(g.name) is g:
            yield UNUSED_GROUP(
                f"no job backs up group {quoted(g.name)}: its users have no backups",
                g.decl.name.span,
                help=_group_named_by_users(model, g) or _unused_group_help(model, g),
            )


def _group_named_by_users(model: Model, group) -> str | None:
    """BKR408's help where a `backup` statement names the group's users one by one
    (`backup CICSPRD, DB2PRD full`, as BKR004's help writes `backup users CICSPRD
    DB2PRD full`): the statement written with the group's name, which says whether it
    holds exactly those users or more. None where no statement names only its users."""
    members = set(group.users)
    if group.patterns or not members:
        return None
    line = group.decl.name.span.line
    for job in model.jobs:
        users = {id(r.word): r for r in job.refs if r.group is None and r.user is not None}
        for b in job.decl.backups:
            named = [w.upper for w in b.groups]
            if not named or not all(id(w) in users for w in b.groups) or not set(named) <= members:
                continue
            level = f" {b.level.value}" if b.level is not None else ""
            write = (
                f"write `backup {group.decl.name.text}{level}` for `backup {', '.join(w.text for w in b.groups)}{level}`"
                f" (line {b.span.line})"
            )
            if set(named) == members:
                return f"{write}: group {quoted(group.name)} (line {line}) holds exactly these users; or delete the group"
            rest = listed(sorted(members - set(named)))
            return (
                f"job {quoted(job.name)} names {listed(named)} of group {quoted(group.name)} (line {line}): to back up"
                f" the whole group ({rest} too), {write}; or add the group to another job's `backup` statement,"
                " or delete it"
            )
    return None


def _owners_may_share(one: str, two: str) -> bool:
    """Whether two minidisk owners (`*`, an ID or a pattern) may name one user."""
    return one == "*" or two == "*" or shared_id(one, two) is not None


class _FullIncludes:
    """The minidisk includes of an incremental job's full jobs, read once for what
    `_reached_by` asks of each of the job's includes: their addresses merged into
    sorted disjoint ranges per owner (`*`, an ID or a pattern), and for every owner;
    `unsure`, whether one has a malformed owner or address (its own error)."""

    def __init__(self, fulls: list[ast.Selection]):
        self.unsure = False
        by_owner: dict[str, list[tuple[int, int]]] = {}
        for full in fulls:
            theirs = selection_ranges(full)
            if theirs is None or _owner_unread(full):
                self.unsure = True
                return
            by_owner.setdefault(full.owner.upper if full.owner is not None else "*", []).extend(theirs)
        self.owners = {owner: _merged(ranges) for owner, ranges in by_owner.items()}
        self.patterns = [owner for owner in self.owners if is_pattern(owner) and owner != "*"]
        self.everyone = _merged([r for ranges in by_owner.values() for r in ranges])

    def reach(self, owner: str, ranges: list[tuple[int, int]]) -> bool:
        """Whether an include of one of these owners that may share a user with
        `owner` selects an address of `ranges`."""
        if owner == "*":
            return _meets_merged(ranges, self.everyone)
        # A user ID is shared only with `*`, itself and the patterns that match it.
        owners = (["*", owner] + self.patterns) if not is_pattern(owner) else list(self.owners)
        return any(
            _meets_merged(ranges, self.owners[full])
            for full in owners
            if full in self.owners and _owners_may_share(full, owner)
        )


def _merged(ranges: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Inclusive ranges merged into disjoint ones, sorted: (their starts, their ends)."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(ranges):
        if ends and a <= ends[-1] + 1:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _meets_merged(ranges: list[tuple[int, int]], merged: tuple[list[int], list[int]]) -> bool:
    """`_ranges_meet(ranges, ...)` of the ranges `_merged` made: the only one that
    may meet (a, b) is the last to start by b."""
    starts, ends = merged
    for a, b in ranges:
        k = bisect.bisect_right(starts, b) - 1
        if k >= 0 and ends[k] >= a:
            return True
    return False


def _reached_by(inc: ast.Selection, fulls: _FullIncludes) -> bool:
    """Whether minidisk include `inc` of an incremental job meets an include of
    `fulls` (its full jobs' minidisk includes): owners that may share a user and
    ranges that meet; True when unsure (a malformed owner or address)."""
    ranges = selection_ranges(inc)
    if ranges is None or _owner_unread(inc) or fulls.unsure:
        return True
    return fulls.reach(inc.owner.upper if inc.owner is not None else "*", ranges)


@check
def incrementals_without_full(model: Model):
    """BKR417: an incremental job's minidisk include that no include of its full
    job (same `backup` names, a member in common) reaches. A loop over jobs only."""
    fulls: dict[tuple[str, ...], list[JobModel]] = {}
    incrementals = []
    for job in model.jobs:
        if _both_levels(job) or any(minidisk_written_as_sfs(s) for s in job.includes):
            continue  # BKR118; BKR318
        key = tuple(sorted(ref.word.text.upper() for ref in job.refs))
        if job.level is ast.Level.FULL:
            fulls.setdefault(key, []).append(job)
        else:
            incrementals.append((key, job))
    # The full jobs of an incremental's users and members, their minidisk includes, and
    # whether they hold BKR413's or BKR407's slip, worked out once for each (users,
    # members): thousands of incrementals of one group each read every full job of it.
    paired: dict[tuple, tuple[list[JobModel], _FullIncludes]] = {}
    slipped: dict[tuple, bool] = {}
    for key, job in incrementals:
        where = (key, frozenset(job.members))
        known = paired.get(where)
        if known is None:
            pair = [f for f in fulls.get(key, ()) if set(f.members) & set(job.members)]
            # (none: no full job of the same users, not judged; or the full jobs select SFS
            # directories only, or nothing, BKR116: another pair)
            pair = [f for f in pair if any(i.medium is ast.Medium.MINIDISK for i in f.includes)]
            theirs = _FullIncludes([i for f in pair for i in f.includes if i.medium is ast.Medium.MINIDISK])
            known = paired[where] = (pair, theirs)
        pair, theirs = known
        if not pair:
            continue
        unreached = [inc for inc in job.includes if inc.medium is ast.Medium.MINIDISK and not _reached_by(inc, theirs)]
        if unreached:  # of a valid pair, none: what follows is asked only of a slip
            excludes = _Removers(job.excludes)
            unreached = [inc for inc in unreached if not excludes.removers(inc)]
        if not unreached:
            continue
        slip = slipped.get(where)
        if slip is None:
            slip = slipped[where] = any(_an_exclude_removes_nothing(model, f) for f in pair) or any(
                all(map(_Removers(f.excludes).removers, f.includes)) for f in pair
            )
        if slip:
            continue  # BKR413 already says that the full job lost an include; BKR407, that it
            # backs up nothing (one slip, one diagnostic)
        for inc in unreached:
            full = pair[0]
            written = " ".join(w.text for w in (inc.owner, *inc.items) if w is not None)
            yield INCREMENTAL_WITHOUT_FULL(
                f"job {quoted(job.name)} backs up `minidisk {written}` incrementally, and full job"
                f" {quoted(full.name)} of the same users selects none of them: their full backup is taken nowhere",
                inc.span,
                related=(Related(full.decl.name.span, "the full job of the same users"),),
                help=f"if job {quoted(full.name)}'s `include minidisk {written}` was deleted, write it there again;"
                " otherwise delete this include",
            )
