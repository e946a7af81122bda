"""Job placement: the typing rule of the checker (BKR220-BKR227; BKR221 reads the
site's directory, with `--directory`, for its exception of global minidisks).

A job's users have a kind; a job has a placement. Single-configuration users
are backed up by one job on one member; IDENTITY users by one job per member
with member-unique names (SSI rule 6 of ../shared/domain.md).
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING

from bkrdsl.ast import Action, Kind, Medium, Scope
from bkrdsl.check.common import (
    CMS_NAME_CHARS,
    cms_name_problem,
    first_few,
    holds_comment,
    into_one_line_member,
    listed,
    may_share_a_day,
    name_problem,
    plural,
    quoted,
    statements_after,
)
from bkrdsl.check.registry import DIRECTORY, check
from bkrdsl.check.values import schedule_text
from bkrdsl.diagnostics import Diagnostic, Fix, Related
from bkrdsl.diagnostics.registry import register
from bkrdsl.records import dataclass
from bkrdsl.resolve.model import (
    BackupRef,
    Group,
    JobModel,
    Model,
    derived_job_name,
    is_pattern,
    narrow_sfs_path,
    split_sfs_path,
)
from bkrdsl.source import Span

if TYPE_CHECKING:
    from bkrdsl.cpdirectory import Directory

SINGLE_ON_MANY = register(
    "BKR220",
    "single-job-on-several-members",
    "error",
    "a job for single-configuration users runs on more than one member",
    """
    A single-configuration user's minidisks are on DASD shared by all members:
    the same data is visible from every member. A job that backs them up on
    each member (or on a list of members) copies the same data several times,
    fills the backup pool twice as fast, and files the copies under different
    job names. IBM's rule: single-configuration users go in one job, always
    run from the same member.

    To share the work of many such users between members (200 Linux guests
    on four members), split them into groups (`single group LNXA { match
    LNXA* }`, `single group LNXB { match LNXB* }`, ...) and pin each
    group's jobs to a member of its own: `run on VMSYS1` for LNXA's,
    `run on VMSYS2` for LNXB's. Each user is still backed up from one
    member only (BKR411). That member need not be the one the users log on
    to: their minidisks are on DASD every member shares. Where the other
    jobs that back up the job's groups all run on one member (a weekly full
    on VMSYS2, and this incremental written `run on each member`), the help
    names that member, the one the users are already backed up from, and
    its fix writes it; otherwise the help names the cluster's first member,
    and the choice is yours.

    A job that backs up a user declared both single and IDENTITY (BKR203,
    a group's `single` or `identity` written the wrong way) is not judged
    here: where it may run depends on the kind kept, and that error is the
    one mistake.

    When two or more jobs back up a group, all run on the same members, and
    each is wrong only because of that group's kind, the group's `single` or
    `identity` is as likely the slip as every job's placement: this error is
    reported once, at the group's kind, naming the jobs, and its help gives
    both ways out. A job that alone backs up one group, whose users no other
    statement declares, gets the other way out on a second help line: write
    the group's other kind, if the CP directory gives its users that kind.

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
            to disk pool BKUPPOOL
            run on each member daily 02:00   # <- BKR220
          }
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    Fix: `run on VMSYS1 daily 02:00`: pick one member.
    """,
)

IDENTITY_PINNED = register(
    "BKR221",
    "identity-job-pinned",
    "error",
    "a job for IDENTITY users runs on only some members",
    """
    An IDENTITY user has one instance per member, each with its own minidisks
    (in its SUBCONFIG, on that member's private volumes). A job on one member
    reaches only that member's instance: the other members' instances are
    never backed up. IBM's rule: one job per member, with the same selections
    and a job name unique per member, each run by that member's own backup
    server. `run on each member` says exactly that, and bkrc derives the
    per-member names.

    One exception: a job whose every include backs up data every member
    shares runs on one member, whose backup server reaches it for all. Such
    an include is either an SFS path in the shared catalog's file pool (one
    file space per user ID, whichever member the user runs on; on each
    member a job copies it once per member, BKR226), or, with the site's
    directory alone (`--directory`), a minidisk include that selects only
    minidisks defined in the IDENTITY entries themselves, not in their
    SUBCONFIGs: global minidisks (IBM: a permanent minidisk in an identity
    entry is one minidisk every member shares; on each member a job copies
    it once per member, BKR530). A job may mix the two kinds of include. The
    .bkr file does not say in which entry a minidisk is defined: without the
    directory a job with a minidisk include gets this error, and its help
    says what would prove the exception. The directory must define each user
    a minidisk include names as an IDENTITY built on the job's member, and
    no include may reach, unless the job excludes it, a SUBCONFIG's
    minidisk, a T-DISK, or one on `&SYSRES` (each member's own residence
    volume).

    The other: with the site's directory, a job of IDENTITY users named by
    ID (no `match` pattern) that the directory builds on the job's members
    only (their `BUILD ON` statements; not `BUILD ON *`) leaves no instance
    out, and runs on those members (`bkrc init` tells of an IDENTITY built
    on some members only to back it up so). Without the directory the help
    says so.

    A job that backs up a user declared both single and IDENTITY (BKR203,
    a group's `single` or `identity` written the wrong way) is not judged
    here: where it may run depends on the kind kept, and that error is the
    one mistake.

    When two or more jobs back up a group, all run on the same members, and
    each is wrong only because of that group's kind, the group's `single` or
    `identity` is as likely the slip as every job's placement: this error is
    reported once, at the group's kind, naming the jobs, and its help gives
    both ways out. A job that alone backs up one group, whose users no other
    statement declares, gets the other way out on a second help line: write
    the group's other kind, if the CP directory gives its users that kind.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP DIRMAINT }
          single group APPS { LINUX01 }
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk pool BKUPPOOL
            run on VMSYS1 daily 01:00   # <- BKR221
          }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS2 daily 02:00
          }
        }

    Fix: `run on each member daily 01:00`. `bkrc check --fix` writes it
    but, without `--directory`, for a job whose every minidisk include
    names its owner by ID beside another job of its users that runs on
    each member (`include minidisk TCPIP 0200`: the job of its own on one
    member that BKR530's help and `bkrc init --directory` write for a
    global minidisk): only the directory says whether that is the
    exception above, and the fix would make it BKR530's error. The help
    stays.

    With the directory, where the job's users are built on some members
    only, the fix writes those members instead (`run on VMSYS1, VMSYS2`):
    a job on each member would look for them where they are not (BKR514).
    Without it, a job of the site's own IDENTITY users that names two or
    more members, not all of them, is most likely a job on the members its
    users are built on, as `bkrc init --directory` asks of such users: its
    help gives both ways, and `bkrc check --fix` leaves it. A job of IDs a
    standard library module declares IDENTITY (TCPIP, FTPSERVE: IBM's
    directory builds them on every member) keeps the fix, and so does a
    job on one member, the usual slip; if its users are built on some
    members only, BKR514's help, with the directory, gives the way back.
    """,
)

MIXED_KINDS = register(
    "BKR222",
    "mixed-kinds-job",
    "error",
    "one job backs up both single-configuration and IDENTITY users",
    """
    Single-configuration users must be backed up from one member, IDENTITY
    users from every member (BKR220, BKR221): no placement suits a job that
    holds both. Run on one member, the job never backs up the IDENTITY
    users' instances on the other members; run on each member, it copies the
    single-configuration users' minidisks, on DASD every member shares, once
    per member. IBM's rule is to put them in separate jobs.

    The help splits the job on the file's own names. The job keeps the
    users its `run` suits; the others move to a job of their own, written
    whole with the job's includes, excludes and `to`: on each member for
    IDENTITY users; for single-configuration users on the member their
    other jobs run on (BKR411), else the job's first. It starts half an hour
    apart from every job of its members (BKR402), under a name no job uses
    whose per-member names stay unique (BKR223, BKR224, BKR227). Where
    another job of the same level already backs the users up on those
    members, with the same selections or more, the help only takes them
    out of this job.

    A job that backs up a user declared both single and IDENTITY (BKR203,
    a group's `single` or `identity` written the wrong way) is not judged
    here: where it may run depends on the kind kept, and that error is the
    one mistake.

    When two or more jobs back up a group, all run on the same members, and
    each is wrong only because of that group's kind, the group's `single` or
    `identity` is as likely the slip as every job's placement: this error is
    reported once, at the group's kind, naming the jobs, and its help gives
    both ways out. A job of the group on one member that backs up only data
    every member shares (SFS paths of the shared catalog's file pool) is
    right for either kind, and is shown as related.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group GUESTS { LINUX01 LINUX02 }
          identity group SYSIDS { TCPIP }
          job NIGHTLY {
            backup GUESTS, SYSIDS full      # GUESTS single, SYSIDS identity
            include minidisk * *
            to disk pool BKUPPOOL
            run on VMSYS1 daily 02:00
          }
        }

    Fix: split it: `job GUESTFUL { backup GUESTS full ... run on VMSYS1
    daily 02:00 }` and `job SYSFU { backup SYSIDS full ... run on each
    member daily 03:30 }`, each with the job's selections and `to`, at
    times of their own (two jobs of a member that start at one minute are
    BKR402's warning). The help writes the new job whole, at such a time.
    """,
)

DERIVED_TOO_LONG = register(
    "BKR223",
    "derived-job-name-too-long",
    "error",
    "a job's per-member names are longer than 8 characters",
    """
    A job that runs on several members gets one template per member, named
    the job name plus the member's suffix (`job-suffix`, by default the
    member's number): SYSINC on each of two members becomes SYSINC1 and
    SYSINC2. The result is a CMS file name and a catalog job name, so it has
    at most 8 characters.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          job SYSWEEKF {      # SYSWEEKF1 on VMSYS1, SYSWEEKF2 on VMSYS2
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    (SYSWEEKF itself fits, but SYSWEEKF1 has 9 characters. A job name of
    more than 8 characters is BKR303 whatever its placement.)

    The help gives the longest job name that fits, written with the names it
    then gets (`write `job SYSWE` for `job SYSWEEKF` (line 8), named SYSWE1
    on VMSYS1 and SYSWE2 on VMSYS2`; its last letter changed where another
    job's names meet it): at most five characters for a job of IDENTITY
    users on members that run several workers, whose worker tasks the first
    six name (BKR227), and, when every name too long ends in a
    `job-suffix` written for its member (`job-suffix A#x` makes SYSINCA#X),
    the longest suffix that fits, naming the members.

    The name the help writes is the diagnostic's fix (`bkrc check --fix`,
    the editor's quick fix), the job's name replaced; where the help offers
    the shorter suffixes too, it is a choice the editor offers and `--fix`
    leaves: the suffix the site wrote may be what grew.

    Fix: shorten the job name (`job SYSIN`), or the members' suffixes.
    """,
)

NAME_COLLISION = register(
    "BKR224",
    "job-name-collision",
    "error",
    "two jobs end up with the same name on z/VM",
    """
    With a shared catalog the catalog tells which job (and so which member)
    owns each backup by the job's name, so every template name must be unique
    in the cluster. Per-member names are derived (job name + member suffix),
    so they can collide with another job's name: job SYS on each member
    becomes SYS1 and SYS2, and a job called SYS1 already exists.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          single group APPS { LINUX01 }
          job SYS {   # <- BKR224
            backup SYSIDS full
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
          job SYS1 {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 04:00
          }
        }

    Fix: rename one of the jobs.

    The help writes each job renamed, a letter for its level added (`job
    SYSF`: SYSF1 on VMSYS1 and SYSF2 on VMSYS2; `job SYS1F`), with the names
    it then gets, none of which another job's names meets, or says to
    change the members' `job-suffix` instead.
    """,
)

SUFFIX_COLLISION = register(
    "BKR225",
    "duplicate-job-suffix",
    "error",
    "two members have the same job suffix",
    """
    Each member's suffix makes the per-member names of jobs that run on every
    member unique. The default suffix is the member's number (1, 2, ...); a
    `job-suffix` may replace it. Two members with one suffix give both
    members' templates the same name, and the catalog can no longer tell whose
    backups are whose.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2  job-suffix A }
          member VMSYS2 { workers 2  job-suffix A }   # <- BKR225
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    Fix: `job-suffix B` on VMSYS2.

    The help removes the member's `job-suffix` where its number, the default,
    is no other member's suffix (here VMSYS2's `2`), else writes (for a
    member without one, adds) the first letter or digit that is none; either only where every job of the member
    then gets a name of at most 8 characters no other job has (BKR223,
    BKR224). Where the member reported writes no suffix and takes its
    number, the message says so, and the help first removes or rewrites the
    other member's `job-suffix`, the one written (`job-suffix 4` on VM3,
    VM4's number), the likelier slip.

    What the help writes is the diagnostic's fix (`bkrc check --fix`, the
    editor's quick fix): the `job-suffix` removed, with the blank or the
    line it leaves (not where a comment would go with it, or onto another
    statement's line), rewritten, or added after the member's last
    statement; in a member block written on one line, as `bkrc fmt` lays
    it out: one statement a line where the line would pass 80 columns, or
    where its last label is spelled like a keyword (`private-volume M4PRV1
    JOB`), which only a `}` or a line's end may follow. Where the help
    gives both members' ways out, they are choices the editor offers and
    `--fix` leaves: which member's suffix is the slip is the site's to say.
    """,
)

SHARED_POOL_EACH_MEMBER = register(
    "BKR226",
    "shared-pool-on-each-member",
    "error",
    "a job that runs on each member backs up SFS directories of the shared catalog's file pool",
    """
    With one catalog for the cluster, its SFS file pool server is a
    single-configuration user whose file pool every member reaches: there is
    one file pool, and in it one file space per user ID, whichever member
    the user's instance runs on. An IDENTITY user's SFS directories in that
    pool are therefore shared data, like a single-configuration user's
    minidisks: a job that runs on each member and includes them copies the
    same directories once per member and files the copies under each
    member's job name (SSI rule 6).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          job SYSFU {
            backup SYSIDS full
            include sfs BKRPOOL:*.*   # <- BKR226
            to disk
            run on each member daily 02:00
          }
        }

    Fix: move the shared pool's include into a job of its own that runs on
    one member. A job whose every include is in the shared catalog's file
    pool may back up IDENTITY users from one member (BKR221 makes that
    exception):

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          job SYSFU {
            backup SYSIDS full
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
          job SYSSFS {
            backup SYSIDS full
            include sfs BKRPOOL:*.*
            to disk
            run on VMSYS1 daily 01:30
          }
        }

    An `include sfs` of a file pool each member has of its own (VMSYS:,
    served on every member by an IDENTITY server) stays in the job that
    runs on each member. The help writes that job on the file's own names,
    its `backup`, the pool's paths and excludes and its `to` (the member
    the catalog's server logs on to where the job runs there, else the
    first, and the start half an hour after the job's, so that the two do
    not start together, BKR402, stepped on by half hours past another job's
    start on that member and past the hour before a purge of the catalog,
    BKR403); where every include of the job is in the shared pool, it
    narrows the job's `run on` to that member instead.
    """,
)

WORKER_TASK_NAMES = register(
    "BKR227",
    "worker-task-names-shared",
    "warning",
    "an IDENTITY job's per-member names share their first six characters, which name its worker tasks",
    """
    With load balancing over workers, Backup Manager names a job's worker
    tasks by the first six characters of the job name and a two-digit worker
    number: IBM's APAR PH50490 gives "Old - SAMPFUL0, SAMPFUL1 ... New -
    SAMPFU00, SAMPFU01". A job that runs on each member is named per member,
    its name plus the member's suffix (SYSINC1, SYSINC2: BKR223). Where those
    names differ only from their seventh character on, the worker tasks of
    every member's job get the same names, SYSINC00, SYSINC01, ..., once per
    member.

    This warning rests on a product fact bkrc could not confirm: whether the
    catalog records the worker tasks' names, and so whether names shared
    between members matter (docs/compatibility.md, "Product facts to weigh
    before the first run", "Worker job names").
    Keeping an IDENTITY job's name to five characters costs nothing and
    keeps the first six characters unique per member whatever the answer.

    bkrc reports it where a job of IDENTITY users runs on several members,
    at least two of which run more than one worker (`workers 2` or more):
    load balancing is Backup Manager's, not a setting bkrc writes, and a
    member with one worker has no work to share between workers. With
    `catalog local` each member has a catalog of its own, so names shared
    between members' worker tasks never meet in one catalog: bkrc does not
    report it there. The help
    writes a five-character name, none of another job's names (BKR224), and
    its fix renames the job; no other statement names a job, so the job's
    name is the one word to change. Where no such name is free, or the
    members' `job-suffix`es begin alike (`job-suffix A1` and `A2`, so that
    even five characters leave the sixth shared), the help says what to do
    in words.

    A warning does not stop `bkrc compile`, and warnings alone leave `bkrc
    check` at exit 0. A site that has confirmed the shared names do not
    matter (its members' jobs named by its own `job-suffix`es, as its job
    templates have them) keeps the name and says so in the file, with its
    reason: `# bkrc: allow BKR227 REASON` after the job's opening line, or on
    a line of its own above the job (docs/language.md, "Allowing a
    warning"); where members have a `job-suffix`, the help says so last.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          job SYSINC {   # <- BKR227
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    (SYSINC1 on VMSYS1 and SYSINC2 on VMSYS2 share `SYSINC`: both members'
    worker tasks are SYSINC00 and SYSINC01.)

    Fix: `job SYSIN`, named SYSIN1 on VMSYS1 and SYSIN2 on VMSYS2.
    """,
)


def _runs_on(model: Model, job: JobModel) -> list[str]:
    """The declared members a job runs on, each once."""
    return list(dict.fromkeys(m for m in job.members if model.member(m) is not None))


def _shared_pool_items(model: Model, job: JobModel) -> list:
    """The job's SFS include paths in the shared catalog's file pool that select
    some of its users: data every member shares (one file space per user ID)."""
    cat = model.catalog
    if cat is None or cat.scope is not Scope.SHARED or cat.pool is None:
        return []
    ids = patterns = None
    out = []
    for sel in job.includes:
        if sel.medium is not Medium.SFS or sel.action is not Action.INCLUDE:
            continue
        for item in sel.items:
            parts = split_sfs_path(item.upper)
            if parts is None or parts[0][:-1] != cat.pool:
                continue
            if ids is None:
                ids, patterns = list(model.job_user_ids(job)), list(model.job_patterns(job))
            if narrow_sfs_path(item.upper, ids, patterns):  # else BKR406: it selects none of them
                out.append(item)
    return out


def _shared_data_only(model: Model, job: JobModel) -> bool:
    """BKR221's way out for a job of IDENTITY users on one member, one rule: every
    include of it backs up data every member shares, one or more, which one member's
    backup server reaches for all. Such an include is an SFS path in the shared
    catalog's file pool, one file space per user ID (BKR226: `_shared_pool_items`), or
    a minidisk include the site's directory, when the check has it (`--directory`),
    proves selects only minidisks of the IDENTITY entries themselves: global ones
    (BKR530: `bkrdsl.check.directory.global_minidisks`). A job may mix the two kinds
    of include; without the directory no minidisk include is proven."""
    if not job.includes or not _sfs_all_in_shared_pool(model, job):
        return False  # an SFS path of a file pool each member has of its own, or of none of its users
    directory = DIRECTORY.get()
    shared = False
    for selection, owners in zip(job.includes, model.include_owners(job), strict=True):
        if selection.medium is Medium.SFS:
            shared = shared or bool(selection.items)
            continue
        if directory is None:
            return False  # which entry defines a minidisk, the directory alone says
        from bkrdsl.check.directory import global_minidisks  # loaded with --directory alone

        proven = global_minidisks(model, directory, job, selection, owners)
        if proven is None:
            return False
        shared = shared or proven
    return shared


def _sfs_all_in_shared_pool(model: Model, job: JobModel) -> bool:
    """Whether each path of the job's SFS includes (none or more) is in the shared
    catalog's file pool and selects some of its users (`_shared_pool_items`)."""
    pool = {id(item) for item in _shared_pool_items(model, job)}
    return all(id(item) in pool for s in job.includes if s.medium is Medium.SFS for item in s.items)


def _shared_pool_unclear(model: Model, job: JobModel) -> bool:
    """Whether BKR221's way out cannot be judged for a job on one member, because
    what it rests on is reported wrong itself: the job includes nothing (BKR116);
    or an SFS path of its includes does not read (BKR318, `CICSRG*.*` with its file
    pool left out), its file pool is one slip from the catalog's (BKR339,
    `BKCRAT:CICSRG*.*`), the catalog's own pool is no valid pool ID (BKR306,
    `pool BKRCATXYZ`), or there is no catalog (BKR213, BKR332) while the path names
    a pool other than z/VM's own. Whether the job's data is the shared pool's is
    then unknown; the slip's own diagnostic is the one (docs/diagnostics.md)."""
    from bkrdsl.check.common import name_problem
    from bkrdsl.check.values import (
        ZVM_FILE_POOLS,
        declared_pools,
        minidisk_written_as_sfs,
        numbered_alike,
        one_slip,
        sfs_path_problem,
    )

    if not any(s.action is Action.INCLUDE for s in job.includes):
        return True
    cat = model.catalog
    pool = cat.pool if cat is not None and cat.scope is Scope.SHARED else None
    bad_pool = pool is not None and (
        name_problem(pool, frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), 8, "SFS file pool ID") is not None
        or not pool[:1].isalpha()
    )
    for selection in job.includes:
        if selection.medium is not Medium.SFS or selection.action is not Action.INCLUDE:
            continue
        if minidisk_written_as_sfs(selection):
            return True
        for item in selection.items:
            parts = split_sfs_path(item.upper)
            if parts is None or sfs_path_problem(item.text) is not None:
                return True
            named = parts[0][:-1]
            if named == pool:
                continue
            if cat is None or bad_pool:
                if named not in ZVM_FILE_POOLS:
                    return True
            elif (
                pool is not None
                and one_slip(named, pool)
                and not numbered_alike(named, pool)
                and named not in declared_pools(model)[0]  # BKR339's misspelling, not another pool
            ):
                return True
    return False


def _kind_ref(job: JobModel, kind: Kind):
    return next((r for r in job.refs if kind in r.kinds), None)


def _declared_kind(ref) -> Related:
    """The note that shows where a backed-up name gets its kind: a group's
    `single`/`identity` keyword, or the user ID (or the pattern that matches it)
    where it is declared, naming the group that declares it."""
    kind = next(iter(ref.kinds)).value
    name = quoted(ref.word.upper)
    where = ref.user or ref.pattern
    if ref.group is not None or where is None:
        return Related(ref.kind_span, f"{name} declared {kind} here")
    group = f", in {where.origin}" if where.origin.startswith("group ") else ""
    if ref.user is None:
        return Related(where.span, f"{name} matches `{where.pattern}`, declared {kind} here{group}")
    return Related(where.span, f"{name} declared {kind} here{group}")


def left_out_members(model: Model, job: JobModel) -> list[str]:
    """The members an IDENTITY job pinned to some members leaves out, as BKR221
    reports them (empty when BKR221 has nothing to say about the job). BKR401
    reads it too: a member such a job leaves out is BKR221's to name, not a
    second diagnostic of its own."""
    if job.run is None or any(not r.resolved for r in job.refs) or job.kinds != {Kind.IDENTITY}:
        return []
    all_members = list(model.member_names)
    members = _runs_on(model, job)
    if (
        len(all_members) < 2
        or not members
        or len(members) != len(set(job.members))  # an unknown member (BKR330)
        or set(members) == set(all_members)
        # Data every member shares: BKR226's shared pool, and with the site's directory BKR530's minidisks.
        or (len(members) == 1 and (_shared_data_only(model, job) or _shared_pool_unclear(model, job)))
    ):
        return []
    left = [m for m in all_members if m not in members]
    built = _built_on(model, job)
    return left if built is None else [m for m in left if m in built]


def _built_on(model: Model, job: JobModel, directory: Directory | None = None) -> set[str] | None:
    """With the site's directory (`--directory`), the members the IDENTITY users the
    job backs up are built on (their BUILD statements): a member none is built on
    has no instance of theirs to leave out, so a job on their members alone backs
    them all up (`bkrc init` tells of an IDENTITY built on some members only to back
    it up so). None where that is not known: no directory, a `match` pattern among
    the job's users, or one of them that is no IDENTITY there, is built `ON *`, or
    has a BUILD statement bkrc could not read (BKR502). `directory`: the one to read
    where the caller has it (BKR514's help), else the checks' own."""
    directory = directory or DIRECTORY.get()
    if directory is None or list(model.job_patterns(job)):
        return None
    ids = model.job_user_ids(job)
    if not ids:
        return None
    built: set[str] = set()
    for user in ids:
        entry = directory.entry(user)
        if entry is None or entry.kind != "IDENTITY" or entry.builds_unread:
            return None
        members = {b.member for b in entry.builds}
        if "*" in members:
            return None
        built |= members
    return built


#: How a message names the users of each kind.
_KIND_WORDS = {Kind.SINGLE.value: "single-configuration", Kind.IDENTITY.value: "IDENTITY"}


@dataclass(frozen=True)
class _Misplaced:
    """A job whose placement its users' kind forbids (BKR220-BKR222): the diagnostic
    the job gets, the names in it whose kind the placement contradicts (`odd`),
    and how the job is placed (`where`, for a message that names several jobs)."""

    job: JobModel
    diagnostic: Diagnostic
    odd: tuple[BackupRef, ...]
    where: str


def _misplaced(model: Model, job: JobModel) -> _Misplaced | None:
    kinds = job.kinds
    members = _runs_on(model, job)
    if len(kinds) > 1:
        single = _kind_ref(job, Kind.SINGLE)
        ident = _kind_ref(job, Kind.IDENTITY)
        first, second = (single, ident) if job.refs.index(single) < job.refs.index(ident) else (ident, single)
        first_kind, second_kind = next(iter(first.kinds)).value, next(iter(second.kinds)).value
        diagnostic = MIXED_KINDS(
            f"job {quoted(job.name)} backs up {second_kind} {quoted(second.word.upper)}"
            f" together with {first_kind} {quoted(first.word.upper)}: a job runs on one member"
            " (single-configuration users) or on each member (IDENTITY users), never both",
            second.word.span,
            related=(
                _declared_kind(single),
                _declared_kind(ident),
            ),
            help=_split_help(model, job, members),
        )
        # The kind its placement does not want: IDENTITY on one member, single on several.
        odd_kind = Kind.IDENTITY if len(members) == 1 else Kind.SINGLE
        odd = tuple(r for r in job.refs if odd_kind in r.kinds)
        others = listed([r.word.upper for r in job.refs if odd_kind not in r.kinds])
        return _Misplaced(job, diagnostic, odd, f"{quoted(job.name)} with {others}")
    if not kinds or len(members) != len(set(job.members)):
        return None  # nothing to judge, or an unknown member (BKR330): where the job was meant to run is unclear
    kind = next(iter(kinds))
    ref = job.refs[0]
    where = job.run.placement.span
    how = "on each member" if job.each_member else f"on {listed(members)}"
    if kind is Kind.SINGLE and len(members) > 1:
        home = single_home(model, job)
        member = home[0] if home else members[0]
        written = f"write `run on {member}` for `run on {_placement_written(job.run.placement)}` (line {job.run.span.line})"
        if home:
            others = home[1]
            groups = listed([r.word.upper for r in job.refs])
            written += (
                f", the member {listed([j.name for j in others])} back{'s' if len(others) == 1 else ''} up {groups} from:"
                " a single-configuration user is backed up from one member (BKR411)"
            )
        diagnostic = SINGLE_ON_MANY(
            f"job {quoted(job.name)} backs up single-configuration users {how}: the same data would be copied {len(members)} times",
            where,
            related=(_declared_kind(ref),)
            + tuple(Related(j.run.placement.span, f"{quoted(j.name)} runs on {member}") for j in (home[1] if home else ())),
            help=f"run it on one member: {written}; to share the users between members,"
            " split the group and pin each part's job to a member of its own" + _kind_way_out(model, job),
            fix=Fix.replace(f"Run on {member}", where, f"on {member}")
            if home and not holds_comment(model, where)
            else None,
        )
        return _Misplaced(job, diagnostic, job.refs, f"{quoted(job.name)} {how}")
    if kind is Kind.IDENTITY and (missing := left_out_members(model, job)):
        built = built_members(model, job)
        listing = (
            DIRECTORY.get() is None
            and len(members) > 1
            and not list(model.job_patterns(job))
            and not _library_identities(model, job)
        )
        if built is not None:
            # The site's directory builds them on these members only: a job on each
            # member would look for them where they are not (BKR514).
            use = f"use `run on {', '.join(built)}`, the members its users are built on (BUILD ON)"
        elif listing:
            # A list of members written on purpose, most likely those its users are
            # built on, which only the directory shows: both ways, no fix.
            use = "if its users are built on every member, use `run on each member`"
        else:
            use = "use `run on each member`"
        diagnostic = IDENTITY_PINNED(
            f"job {quoted(job.name)} backs up IDENTITY users on {listed(members)} only: "
            f"their instances on {listed(missing)} are never backed up",
            where,
            related=(_declared_kind(ref),),
            help=use
            + (
                ", and move the includes of the shared file pool into a job of their own on one member (BKR226)"
                if _shared_pool_items(model, job)
                else ""
            )
            + (_global_help(model, job, len(members)) or _built_help(model, job, members, listing))
            + _kind_way_out(model, job),
            fix=None if listing else _on_each_member(model, job, where, built),
        )
        return _Misplaced(job, diagnostic, job.refs, f"{quoted(job.name)} {how}")
    return None


def _library_identities(model: Model, job: JobModel) -> bool:
    """Whether every user the job backs up by ID is one a standard library module
    declares IDENTITY (z/VM's own, TCPIP, FTPSERVE; the product's machines), which
    IBM's directory builds on every member: a job of them on some members is a slip,
    and BKR221's fix `run on each member` stays without the site's directory. The
    site's own IDENTITY users are built where the site chooses, which its directory
    alone shows."""
    ids = model.job_user_ids(job)
    return bool(ids) and all(
        any(d.kind is Kind.IDENTITY and d.module.startswith("std/") and d.module != model.main_file for d in model.defs_of({i}))
        for i in ids
    )


def built_members(model: Model, job: JobModel, directory: Directory | None = None) -> list[str] | None:
    """With the site's directory, the cluster's members the job's IDENTITY users are
    built on, in the cluster's order, where those are some of its members only
    (`_built_on`): where BKR221 says the job leaves an instance out, the members to
    run it on, and where BKR514 says a job on each member finds nothing of them on
    the others, the members to run it on instead. None without the directory, or
    where they are built on every member, or on a member the cluster does not declare
    (BKR513's, or BKR528's misspelt member: which members are meant is unclear)."""
    built = _built_on(model, job, directory)
    if built is None or not built <= set(model.member_names):
        return None
    members = [m for m in model.member_names if m in built]
    return members if members and len(members) < len(model.member_names) else None


def _split_help(model: Model, job: JobModel, members: list[str]) -> str:
    """BKR222's help on the file's own names: the job keeps the users its `run` suits
    (single-configuration ones on one member, IDENTITY ones on several), its `backup`
    written without the others, and the others go to a job of their own, written whole
    with the job's selections and `to`: on each member for IDENTITY users, else on the
    member the job's single-configuration users are backed up from (`single_home`) or
    its first; at a time no job of those members starts at (BKR402), under a name no
    job uses (BKR224) that its members' names leave unique (BKR223, BKR227). Where the
    job has no whole `run` to go by, the split in words."""
    run = job.run
    words = "split the job: one for the single-configuration users, one for the IDENTITY users"
    if not members or run.schedule is None:
        return words
    moved_kind = Kind.IDENTITY if len(members) == 1 else Kind.SINGLE
    moved = {r.word.span for r in job.refs if moved_kind in r.kinds}
    if moved_kind is Kind.IDENTITY:
        where, to_members, kind = "each member", list(model.member_names), "identity"
    else:
        single = {r.group.name for r in job.refs if r.group is not None and r.word.span in moved}
        home = single_home(model, job, single)
        member = home[0] if home else members[0]
        where, to_members, kind = member, [member], "single"
    name = _split_name(model, job.name, moved_kind is Kind.IDENTITY)
    if name is None:
        return words
    taken, backups = [], []
    for b in job.decl.backups:
        kept = [g.text for g in b.groups if g.span not in moved]
        gone = [g.text for g in b.groups if g.span in moved]
        if not gone:
            continue
        level = f" {b.level.value}" if b.level is not None else ""
        written = f"backup {', '.join(g.text for g in b.groups)}{level}"
        if kept:
            taken.append(f"write `backup {', '.join(kept)}{level}` for `{written}` (line {b.span.line})")
        else:
            taken.append(f"delete `{written}` (line {b.span.line})")
        backups.append(f"backup {', '.join(gone)}{level}")
    selections = "  ".join(_selection_written(s) for s in job.decl.selections)
    target = job.target
    to = f"  to {target.medium.value}{f' pool {target.pool.text}' if target.pool is not None else ''}" if target else ""
    start = _split_start(model, to_members, run.schedule)
    if start is None:
        return words
    when = schedule_text(run.schedule, start)
    body = "  ".join([*backups, selections]) if selections else "  ".join(backups)
    gone = [g.text.upper() for b in job.decl.backups for g in b.groups if g.span in moved]
    names = listed(gone)
    already = next(
        (
            j
            for j in model.jobs
            if j is not job
            and j.run is not None
            and j.level == job.level
            and all(_backs_up(model, j, r) for r in job.refs if r.word.span in moved)
            # the same selections, or more: taking the names out loses no minidisk
            and {_selection_written(s).upper() for s in job.decl.selections}
            <= {_selection_written(s).upper() for s in j.decl.selections}
            and set(to_members) <= set(_runs_on(model, j))
        ),
        None,
    )
    if already is not None:
        return f"{'; '.join(taken)}: job {quoted(already.name)} already backs up {names} on {where}"
    return (
        f"split the job: {'; '.join(taken)}, and back up {kind} {names} on {where} in a job of its own;"
        f"\nadd it to the cluster block: `job {name} {{ {body}{to}  run on {where} {when} }}`"
    )


def _selection_written(s) -> str:
    """An `include` or `exclude` statement written again, one blank between words."""
    owner = [s.owner.text] if s.owner is not None else []
    return " ".join([s.action.value, s.medium.value, *owner, *(i.text for i in s.items)])


def _backs_up(model: Model, job: JobModel, ref: BackupRef) -> bool:
    """Whether `job` backs up what `ref` names: the same group or user, or a user its
    groups list or match (`identity group MONITORS { match MONW* }` backs up MONWRITE)."""
    if ref.word.upper in {r.word.upper for r in job.refs}:
        return True
    if ref.group is not None:
        return False
    if ref.word.upper in job.user_ids:
        return True
    found = ref.pattern if ref.pattern is not None else model.pattern_for(ref.word.upper)
    return found is not None and any(r.group is not None and found.origin == f"group {r.group.name}" for r in job.refs)


def _split_start(model: Model, members: list[str], schedule) -> str | None:
    """The start of the job BKR222's help splits off, on the job's days: half an hour
    before or after the job's, stepped on as `_later` steps, at none of the starts of
    the jobs of `members` (BKR402) and where no purge that checks against them meets it
    (BKR403: every purge of a shared catalog, else those of `members`). None where the
    schedule has no time of day (`manual`) or one bkrc cannot read (BKR313's)."""
    from bkrdsl.check.coverage import purge_meets, timing  # coverage imports this module

    timed = timing(schedule)
    if timed is None:
        return None if schedule.frequency != "manual" else ""
    start, days = timed
    taken = {
        j.run.schedule.time.text
        for j in model.jobs
        if j.run is not None
        and j.run.schedule is not None
        and j.run.schedule.time is not None
        and any(m in j.members for m in members)
    }
    shared = model.catalog is not None and model.catalog.scope is Scope.SHARED
    purges = [
        found
        for e in model.expires
        if (found := timing(e.purge)) is not None and (shared or not set(e.members).isdisjoint(members))
    ]
    for step in range(1, 48):
        at = (start + 30 * step) % (24 * 60)
        if at < start:  # past midnight: a weekly schedule's days would be the next ones
            at = (start - 30 * step) % (24 * 60)
        text = f"{at // 60:02d}:{at % 60:02d}"
        if text not in taken and not any(purge_meets(minutes, on, at, days) for minutes, on in purges):
            return text
    return None


def _split_name(model: Model, name: str, each: bool) -> str | None:
    """A name for the job BKR222's help splits off: the job's own cut short with `I`
    (IDENTITY, on each member: five characters, so that its per-member names are at
    most 8 and differ in their first six, BKR223, BKR227) or `S` (single-configuration,
    one member: 8 at most), then a digit for the last character, none of the names any
    job uses on any member (BKR224)."""
    used = model.job_names_used
    width, mark = (5, "I") if each else (8, "S")
    base = f"{name[: width - 1]}{mark}"
    for candidate in [base, *(f"{base[:-1]}{d}" for d in "123456789")]:
        names = [candidate]
        if each:
            names += [derived_job_name(candidate, m.job_suffix) for m in model.members]
        if cms_name_problem(candidate) is None and all(len(n) <= 8 and not used[n.upper()] for n in names):
            return candidate.upper() if name.isupper() else candidate
    return None


def single_home(model: Model, job: JobModel, groups: set[str] | None = None) -> tuple[str, list[JobModel]] | None:
    """The member a single-configuration job on several members (BKR220) belongs on,
    where the file says so: the one member every other job that backs up one of its
    groups runs on (prodssi's LNXFULL written `run on each member`, LNXINC backing
    LINUX up from VMSYS2: VMSYS2, not the cluster's first member, which would split
    the users' backups between two members, BKR411), and those jobs; None where no
    other job backs its groups up, or they run on several members, or one of them
    backs up IDENTITY users too. `groups`: those to go by, of the job's (BKR222's help,
    its single-configuration ones), else all of them."""
    if groups is None:
        groups = {r.group.name for r in job.refs if r.group is not None}
    others = [
        j
        for j in model.jobs
        if j is not job
        and j.run is not None
        and any(r.group is not None and r.group.name in groups for r in j.refs)
    ]
    if any(set(j.kinds) != {Kind.SINGLE} for j in others):
        return None  # a job of both kinds (BKR222) is itself to be split: no member to go by
    homes = {tuple(_runs_on(model, j)) for j in others}
    if len(homes) != 1 or len(home := next(iter(homes))) != 1:
        return None
    return home[0], others


def _built_help(model: Model, job: JobModel, members: list[str], listing: bool = False) -> str:
    """BKR221's word on its way out for IDENTITY users built on the job's members only
    (`_built_on`), which only the site's directory shows: said without it. `listing`:
    the job names two or more members, as a job on the members its users are built on
    does, and the help gives both ways alike (no fix)."""
    if DIRECTORY.get() is not None or list(model.job_patterns(job)):
        return ""
    if listing:
        return (
            f"; if on {listed(members)} only (BUILD ON), the job is right as it is, which the site's"
            " directory proves (`--directory`)"
        )
    return f"; if its users are built on {listed(members)} only (BUILD ON), the site's directory proves it (`--directory`)"


def _global_help(model: Model, job: JobModel, members: int) -> str:
    """BKR221's word on its way out for minidisks every member shares (BKR530), for a
    job on one member with minidisk includes, one or more, and beside them SFS paths of
    the shared file pool alone, none or more (`_shared_data_only`). Beside the shared
    pool's, the help already says to move those (BKR226): shorter, so that the whole
    help shows within the renderers' `MESSAGE_WIDTH`, `--directory` last included."""
    minidisks = [s for s in job.includes if s.medium is Medium.MINIDISK]
    if members != 1 or not minidisks or not _sfs_all_in_shared_pool(model, job):
        return ""
    mixed = len(minidisks) < len(job.includes)
    if DIRECTORY.get() is None:
        if mixed:
            return (
                "; if its minidisks are global (of the IDENTITY entries themselves: one every member shares), it"
                " may run on one member, which the site's directory proves (`--directory`)"
            )
        return (
            "; a job whose every include selects only minidisks of the IDENTITY entries themselves (global: one"
            " every member shares) may run on one member, which the site's directory proves (`--directory`)"
        )
    if mixed:
        return (
            "; the site's directory does not show that its minidisk includes select only global minidisks (of the"
            " IDENTITY entries themselves), which would let it run on one member"
        )
    return (
        "; the site's directory does not show that its includes select only minidisks of the IDENTITY entries"
        " themselves (global: one every member shares), which would let it run on one member"
    )


def _kind_way_out(model: Model, job: JobModel) -> str:
    """The other way out of BKR220 or BKR221 for a job that backs up one group, which
    no other job backs up: the group's `single` or `identity` may be the slip (Linux
    guests, USER entries, written `identity group LINUX` in a first file), not the
    job's `run`. Where two or more jobs back the group up alike, BKR220 or BKR221 is
    said once at the group instead (`_group_at_fault`); where another job backs it up
    as its kind wants, that job says the kind is right. A second help line, or ""."""
    if len(job.refs) != 1 or (group := job.refs[0].group) is None:
        return ""
    if any(j is not job and any(r.group is not None and r.group.name == group.name for r in j.refs) for j in model.jobs):
        return ""
    # A user of the group declared elsewhere too (TCPIP by std/zvm73): its kind is said
    # there as well, and the group's other kind would be BKR203's error.
    again = model.repeated_ids.intersection(group.users)
    if again and any(u.origin != f"group {group.name}" for u in model.defs_of(again)):
        return ""
    other, entries = (
        (Kind.SINGLE.value, "USER entries") if group.kind is Kind.IDENTITY else (Kind.IDENTITY.value, "IDENTITY entries")
    )
    return (
        f"\nif the CP directory makes the users of {quoted(group.name)} {entries}, write"
        f" `{other} group {group.name}` instead"
    )


def _group_at_fault(model: Model, found: list[_Misplaced]) -> dict[str, list[_Misplaced]]:
    """The groups whose kind two or more jobs contradict alike, and those jobs: every
    job that backs the group up is misplaced by it alone, with one code, and all run
    on the same members. Then the group's `single` or `identity` is as likely the
    slip as each job's placement (prodssi's `single group LINUX` written `identity`:
    BKR221 for LNXFULL and for LNXINC, both on VMSYS2), and it is said once, at the
    group. Jobs placed differently (one on VM1 and VM2, one on VM3) are each a
    mistake of their own. A job of the group on one member whose every include is data
    every member shares (bank.bkr's CICSSFS, the CICS regions' SFS paths of the shared
    catalog's pool: `_shared_data_only`) is right for either kind, and takes no part
    (bank.bkr's `identity group CICS` written `single`: BKR222 for IDFUL and IDINC)."""
    by_group: dict[str, list[_Misplaced]] = {}
    for problem in found:
        if len(problem.odd) == 1 and problem.odd[0].group is not None:
            by_group.setdefault(problem.odd[0].group.name, []).append(problem)
    blamed = {}
    for name, problems in by_group.items():
        if len(problems) < 2 or len({(p.diagnostic.code, frozenset(p.job.members)) for p in problems}) > 1:
            continue
        backing = [j for j in model.jobs if any(r.group is not None and r.group.name == name for r in j.refs)]
        misplaced = {id(p.job) for p in problems}
        if all(id(j) in misplaced or _fits_either_kind(model, j) for j in backing):
            blamed[name] = problems
    return blamed


def _fits_either_kind(model: Model, job: JobModel) -> bool:
    """A job on one member that backs up data every member shares only: right for
    single-configuration users, and for IDENTITY users (BKR221's way out)."""
    return job.run is not None and len(_runs_on(model, job)) == 1 and _shared_data_only(model, job)


def _group_kind_diagnostic(model: Model, group: Group, problems: list[_Misplaced]) -> Diagnostic:
    """The one diagnostic for a group whose kind every job that backs it up contradicts:
    at the group's kind, naming each job; no fix, since which side is wrong is the
    directory's to say."""
    name = quoted(group.name)
    kind = group.kind.value
    misplaced = {id(p.job) for p in problems}
    either = [
        j
        for j in model.jobs
        if id(j) not in misplaced and any(r.group is not None and r.group.name == group.name for r in j.refs)
    ]
    other = Kind.SINGLE.value if group.kind is Kind.IDENTITY else Kind.IDENTITY.value
    jobs = ", ".join(p.where for p in problems)
    every = "every job that backs it up"
    if either:
        every += f" but {listed([j.name for j in either])}"
    rule = next(r for r in (SINGLE_ON_MANY, IDENTITY_PINNED, MIXED_KINDS) if r.code == problems[0].diagnostic.code)
    if rule is MIXED_KINDS:
        message = (
            f"group {name} is declared {kind}, but {every} holds {_KIND_WORDS[other]} users too"
            f" ({jobs}): a job runs on one member (single-configuration users) or on each member"
            " (IDENTITY users), never both"
        )
        otherwise = f"back up {name} in jobs of its own"
        related = tuple(Related(p.diagnostic.span, f"{quoted(p.job.name)} backs up {name} here") for p in problems)
    else:
        if rule is SINGLE_ON_MANY:
            says = "runs on several members: the same data would be copied once per member"
            otherwise = "run each of these jobs on one member"
        else:
            says = "runs on some members only: its users' instances on the others are never backed up"
            otherwise = "use `run on each member` in these jobs"
        message = f"group {name} is declared {kind}, but {every} ({jobs}) {says}"
        related = tuple(Related(p.job.run.placement.span, f"{quoted(p.job.name)} runs here") for p in problems)
    related += tuple(
        Related(j.decl.name.span, "on one member, of data every member shares: right for either kind") for j in either
    )
    return rule(
        message,
        group.decl.kind_span,
        help=f"if the directory says its users are {_KIND_WORDS[other]}, write `{other} group {group.name}`; if not, {otherwise}",
        related=related,
    )


@check
def placement(model: Model):
    in_doubt = model.kinds_in_doubt
    found = []
    for job in model.jobs:
        if job.run is None or any(not r.resolved for r in job.refs):
            continue
        if in_doubt and any(in_doubt.of_ref(r) for r in job.refs):
            # A user or group declared both single and identity (BKR203, BKR321): where the
            # job may run depends on the kind kept, that error's question (`identity group
            # SYSIDS { TCPIP }` written `single`: one mistake, not one more per job).
            continue
        if (problem := _misplaced(model, job)) is not None:
            found.append(problem)
    blamed = _group_at_fault(model, found)
    for problems in blamed.values():
        yield _group_kind_diagnostic(model, problems[0].odd[0].group, problems)
    said = {id(p) for problems in blamed.values() for p in problems}
    yield from (p.diagnostic for p in found if id(p) not in said)


def _on_each_member(model: Model, job: JobModel, where, built: list[str] | None = None) -> Fix | None:
    """BKR221's fix, `on each member` for the placement, or, where the site's directory
    builds the job's users on some members only (`built`, `built_members`), those
    members (a job on each member would then look for them where they are not,
    BKR514): not when the job also needs splitting (BKR226), nor when a comment stands
    between the members it names; nor, without the site's directory, when the job may
    be BKR221's way out for global minidisks (`_may_be_global`), which only the
    directory proves: `bkrc check --fix` without it turned `bkrc init --directory`'s
    SYSGLOB, and the job of its own on one member BKR530's help writes, into jobs on
    each member, BKR530's error."""
    if _shared_pool_items(model, job) or holds_comment(model, where) or _may_be_global(model, job):
        return None
    if built is not None:
        return Fix.replace(f"Run on {', '.join(built)}", where, f"on {', '.join(built)}")
    return Fix.replace("Run on each member", where, "on each member")


def _may_be_global(model: Model, job: JobModel) -> bool:
    """Whether, without `--directory`, the job may be a job of its own on one member for
    minidisks every member shares (global ones, in the IDENTITY entries themselves:
    BKR530), as `bkrc init --directory`'s SYSGLOB and BKR530's help write it: another job
    that backs up one of its groups or users runs on each member, each minidisk include of
    it names its owner by ID (`include minidisk TCPIP 0200`, not `*` or a pattern), and its
    SFS paths are in the shared catalog's file pool. With the directory BKR221 has judged
    that already (`_shared_data_only`). A job alone of its users, on one member, is the
    usual slip, and keeps the fix."""
    if DIRECTORY.get() is not None or not job.includes or not _sfs_all_in_shared_pool(model, job):
        return False
    minidisks = [s for s in job.includes if s.medium is Medium.MINIDISK]
    if not minidisks or not all(
        s.owner is not None and s.owner.upper != "*" and not is_pattern(s.owner.upper) for s in minidisks
    ):
        return False
    names = {r.word.upper for r in job.refs}
    return any(
        other is not job and other.each_member and names & {r.word.upper for r in other.refs} for other in model.jobs
    )


def _derives(job: JobModel) -> bool:
    """Whether the job gets per-member names, as the emitters name it (a
    single-configuration job on several members is BKR220's: its fix is one member,
    not shorter names)."""
    return job.derives_names


@check
def derived_names(model: Model):
    for job in model.jobs:
        if job.run is None or not _derives(job) or cms_name_problem(job.name) is not None:
            continue
        names = [
            (m, n)
            for m, n in model.derived_names(job)
            if model.member(m) is not None and _valid_suffix(model.member(m).job_suffix)
        ]
        long = [(m, n) for m, n in names if len(n) > 8]
        if long:
            shown = first_few([f"{n} on {m}" for m, n in long])
            yield DERIVED_TOO_LONG(
                f"job {quoted(job.name)} runs on several members, and its per-member names are too long: {shown}",
                job.decl.name.span,
                related=(Related(job.run.placement.span, "runs on several members here"),),
                help=_shorter_names_help(model, job, [m for m, _ in long]),
                **_shorter_name_fix(model, job, [m for m, _ in long]),
            )


def _shorter_names_help(model: Model, job: JobModel, members: list[str]) -> str:
    """BKR223's ways out: a shorter job name, written (`job SYSWEEK` for `job SYSWEEKF`,
    with the names it then gets), and, when every too-long name ends in a `job-suffix`
    the user wrote and the job name leaves room for one, shorter suffixes (`job-suffix
    A#x` made SYSINCA#X: the suffix is what grew)."""
    suffixes = [model.member(m).job_suffix for m in members]
    most = min(8 - max(map(len, suffixes)), worker_room(model, job))
    ways = f"shorten the job name to at most {most} characters"
    name = _renamed(model, job, [job.name[:most]]) if most > 0 else None
    if name is not None:
        ways += f": write `job {name}` for `job {job.decl.name.text}` (line {job.decl.name.span.line}){_named_on(model, job, name)}"
    room = 8 - len(job.name)
    if room < 1 or not all(model.member(m).decl.settings_named("job-suffix") for m in members):
        return ways
    if len(members) == 1:
        return f"{ways}; or the job suffix {quoted(suffixes[0])} of member {quoted(members[0])} to at most {plural(room, 'character')}"
    return f"{ways}; or the job suffixes of members {listed(members)} to at most {plural(room, 'character')} each"


def _shorter_name_fix(model: Model, job: JobModel, members: list[str]) -> dict:
    """BKR223's mend as `Diagnostic` takes it: the shorter name its help writes
    (`_shorter_names_help`), a `fix` where that is the help's one way out, else one
    of its `choices` (the help offers the members' shorter `job-suffix`es too: the
    suffix the site wrote, `A#x`, may be what grew, so which is meant is the site's).
    Nothing where the help writes no name."""
    suffixes = [model.member(m).job_suffix for m in members]
    most = min(8 - max(map(len, suffixes)), worker_room(model, job))
    name = _renamed(model, job, [job.name[:most]]) if most > 0 else None
    if name is None:
        return {}
    fix = Fix.replace(f"Write `job {name}`", job.decl.name.span, name)
    suffixes_too = 8 - len(job.name) >= 1 and all(model.member(m).decl.settings_named("job-suffix") for m in members)
    return {"choices": (fix,)} if suffixes_too else {"fix": fix}


def _names_as(model: Model, job: JobModel, name: str) -> list[tuple[str, str]]:
    """(member, name) for `job` were it called `name`: its per-member names where it
    derives them (`SYSWEEK1` on VMSYS1), else `name` itself."""
    if not job.derives_names:
        return [(m, name) for m in dict.fromkeys(job.members)]
    return [
        (m, derived_job_name(name, model.member(m).job_suffix if model.member(m) else "?"))
        for m in dict.fromkeys(job.members)
    ]


def _renamed(model: Model, job: JobModel, tried: list[str]) -> str | None:
    """The first name of `tried`, else of `tried[0]` with its last character made a
    letter or a digit, under which `job` and its per-member names are at most 8
    characters, valid, and no other job's name or per-member name (BKR223, BKR224,
    BKR323)."""
    # The names the other jobs use: every job's (counted once per model), less this job's own.
    own = collections.Counter([job.name.upper()])
    if job.run is not None:
        own.update(n.upper() for _, n in model.derived_names(job))
    used = model.job_names_used
    base = tried[0]
    for name in [*tried, *(f"{base[:-1]}{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ123456789" if base)]:
        names = [name, *(n for _, n in _names_as(model, job, name))]
        if name.upper() == job.name.upper() or cms_name_problem(name) is not None:
            continue
        if all(len(n) <= 8 and used[n.upper()] <= own[n.upper()] for n in names):
            return name
    return None


def _valid_suffix(text: str) -> bool:
    return name_problem(text, CMS_NAME_CHARS, 7, "suffix") is None


@check
def name_collisions(model: Model):
    """Cluster-wide: each template name belongs to one job (duplicate jobs are BKR323's)."""
    owner: dict[str, tuple[JobModel, str]] = {}
    for job in model.jobs:
        if job.run is None or cms_name_problem(job.name) is not None:
            continue
        if not _derives(job):
            owner.setdefault(job.name, (job, job.members[0] if job.members else "?"))
    for job in model.jobs:
        if job.run is None or not _derives(job) or cms_name_problem(job.name) is not None:
            continue
        for member, name in model.derived_names(job):
            m = model.member(member)
            if m is None or not _valid_suffix(m.job_suffix) or len(name) > 8:
                continue
            other = owner.get(name)
            if other is None:
                owner[name] = (job, member)
                continue
            other_job, other_member = other
            if other_job is job or other_job.name == job.name:
                continue  # the same job: equal suffixes are BKR225's; equal job names BKR323's
            yield NAME_COLLISION(
                f"job {quoted(job.name)} would be named `{name}` on `{member}`, a name job"
                f" {quoted(other_job.name)} already uses on `{other_member}`",
                job.decl.name.span,
                related=(
                    Related(other_job.decl.name.span, f"`{name}` on `{other_member}` comes from this job"),
                ),
                help=_rename_help(model, job, other_job),
            )
            break


def _rename_help(model: Model, job: JobModel, other: JobModel) -> str:
    """BKR224's ways out on the file's own names: each of the two jobs renamed, written
    with the names it then gets, a letter for its level added (`job SYSF`: SYSF1 on
    VMSYS1 and SYSF2 on VMSYS2), one no other job's name meets."""
    ways = []
    for j in (job, other):
        name = _renamed(model, j, [_with_level_letter(model, j)])
        if name is None:
            continue
        ways.append(f"write `job {name}` for `job {j.decl.name.text}` (line {j.decl.name.span.line}){_named_on(model, j, name)}")
    if not ways:
        return "rename one of the jobs, or change the members' `job-suffix`"
    return f"rename one of the jobs: {'; or '.join(ways)}; or change the members' `job-suffix`"


def renamed_job(model: Model, job: JobModel) -> str | None:
    """`job` renamed, written: `rename it: write `job NIGHTLYF` for `job NIGHTLY` (line
    14), named NIGHTLYF on VMSYS1` (BKR323), a letter for its level added; None where no
    such name is free."""
    name = _renamed(model, job, [_with_level_letter(model, job)])
    if name is None:
        return None
    return f"rename it: write `job {name}` for `job {job.decl.name.text}` (line {job.decl.name.span.line}){_named_on(model, job, name)}"


def _named_on(model: Model, job: JobModel, name: str) -> str:
    """`, named NIGHTLY1 on VMSYS1 and NIGHTLY2 on VMSYS2`: the names `job` renamed
    `name` gets on its members; empty where it runs on none the file declares (`run on
    each member` in a cluster with no `member` block)."""
    parts = [f"{n} on {m}" for m, n in _names_as(model, job, name)]
    if not parts:
        return ""
    named = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f", named {named}"


def _with_level_letter(model: Model, job: JobModel) -> str:
    """The job's name with the first letter of its level (`F`, `I`) at its end, cut to fit."""
    levels = [b.level.value for b in job.decl.backups if b.level is not None]
    letter = levels[0][0].upper() if levels else "X"
    suffixes = [model.member(m).job_suffix for m in job.members if model.member(m) is not None]
    most = min(8 - (max(map(len, suffixes)) if job.derives_names and suffixes else 0), worker_room(model, job))
    return f"{job.name[: most - 1]}{letter}"


def worker_room(model: Model, job: JobModel) -> int:
    """The longest name `job` may take: 5 for a job of IDENTITY users on two members or
    more that run several workers, whose worker tasks the name's first six characters
    name (BKR227), else 8."""
    if job.kind is not Kind.IDENTITY or not job.derives_names:
        return 8
    several = [m for m in dict.fromkeys(job.members) if model.member(m) is not None and (model.member(m).workers or 0) > 1]
    return 5 if len(several) > 1 else 8


@check
def member_suffixes(model: Model):
    first: dict[str, object] = {}
    for m in model.members:
        if model.member(m.name) is not m or not _valid_suffix(m.job_suffix):
            continue
        settings = m.decl.settings_named("job-suffix")
        span = settings[0].values[0].span if settings and settings[0].values else m.decl.name.span
        if m.job_suffix in first:
            other, other_span = first[m.job_suffix]
            # A member without `job-suffix` takes its number: say so, or the sysprog looks
            # for a `4` on a line that has none (`member VM4 { workers 2 }`).
            taken = [x.name for x in (other, m) if not x.decl.settings_named("job-suffix")]
            by_default = f" (`{taken[0]}`'s by default: its number)" if len(taken) == 1 else ""
            uses = "takes" if other.name in taken else "uses"
            yield SUFFIX_COLLISION(
                f"members `{other.name}` and `{m.name}` both use job suffix `{m.job_suffix}`{by_default}: a job"
                " that runs on each member would have one name on both, and the catalog could not tell"
                " whose backups are whose",
                span,
                related=(Related(other_span, f"`{other.name}` {uses} `{m.job_suffix}` here"),),
                **_suffix_mends(model, other, m, taken),
            )
        else:
            first[m.job_suffix] = (m, span)


def _suffix_mends(model: Model, other, member, taken: list[str]) -> dict:
    """BKR225's help, and its mends as `Diagnostic` takes them: `member`'s own, and
    where `member` takes its number by default and `other` wrote the suffix
    (`job-suffix 4` on VM3, VM4's number), `other`'s first: the suffix written is
    the likelier slip. One way out is the `fix`; two are `choices`, which member's
    suffix to change being the site's."""
    own, own_fix = _own_suffix_help(model, member)
    mends = {"help": own, "fix": own_fix}
    if taken != [member.name]:
        return mends
    written, written_fix = _own_suffix_help(model, other)
    if not written.startswith(("remove ", "write ")):
        return mends
    choices = tuple(f for f in (written_fix, own_fix) if f is not None)
    return {"help": f"{written}; or {own}", "choices": choices}


def _own_suffix_help(model: Model, member) -> tuple[str, Fix | None]:
    """BKR225's help on the file's own names, and the edit it asks for: the member's
    `job-suffix` removed, where its number, the default, is no other member's suffix,
    else written (or, for a member that has none, added) as the first letter or digit
    that is; either only where every job on the member then gets a name of at most 8
    characters that no other job has (BKR223, BKR224)."""
    settings = member.decl.settings_named("job-suffix")
    word = settings[0].values[0] if settings and settings[0].values else None
    used = {m.job_suffix for m in model.members if m is not member}
    jobs = [j for j in model.jobs if j.run is not None and j.derives_names and member.name in j.members]
    taken = {j.name.upper() for j in model.jobs}
    taken |= {
        n.upper() for j in model.jobs if j.run is not None for m, n in model.derived_names(j) if m != member.name
    }

    def fits(suffix: str) -> bool:
        names = [derived_job_name(j.name, suffix) for j in jobs]
        return suffix not in used and all(len(n) <= 8 and n.upper() not in taken for n in names)

    if word is None:  # the member's number, the default, is another member's suffix
        free = next((c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ123456789" if fits(c)), None)
        if free is None:
            return "give each member its own `job-suffix`", None
        return (
            f"add `job-suffix {free}` to member `{member.name}` (line {member.decl.name.span.line})",
            _suffix_added(model, member.decl, free),
        )
    where = f"member `{member.name}` (line {word.span.line})"
    number = str(member.ordinal)
    if fits(number):
        return (
            f"remove `job-suffix {word.text}` from {where}: its jobs then take its number, `{number}`",
            _suffix_removed(model, member.decl, settings[0]),
        )
    for suffix in "ABCDEFGHIJKLMNOPQRSTUVWXYZ123456789":
        if fits(suffix):
            return (
                f"write `job-suffix {suffix}` for `job-suffix {word.text}` in {where}",
                Fix.replace(f"Write `job-suffix {suffix}`", word.span, suffix),
            )
    return "give each member its own `job-suffix`", None


def _member_items(decl) -> list:
    """The spans of a member block's statements (its settings and excludes), in order."""
    return sorted([s.span for s in decl.settings] + [s.span for s in decl.selections], key=lambda s: s.start)


def _suffix_removed(model: Model, decl, setting) -> Fix | None:
    """BKR225's fix that removes a member's `job-suffix`: from the end of the statement
    before it (on its line, or the line above, so that its line goes), else, first in
    the block, up to the statement after it on its line. None where a comment would go
    with it, or move to another statement's line."""
    items = _member_items(decl)
    span = setting.span
    before = [s for s in items if s.end <= span.start]
    after = [s for s in items if s.start >= span.end]
    if before:
        start = before[-1]
        cut = Span(span.file, start.end_line, start.end_column, span.end_line, span.end_column, start.end, span.end)
    elif after and after[0].line == span.end_line:
        end = after[0]
        cut = Span(span.file, span.line, span.column, end.line, end.column, span.start, end.start)
    else:
        return None
    # A comment after it on its line would end up on the line above, another statement's.
    if holds_comment(model, cut) or (cut.line < span.line and _comment_on_line(model, span)):
        return None
    return Fix.replace(f"Remove `job-suffix {setting.values[0].text}`", cut, "")


def _comment_on_line(model: Model, span) -> bool:
    """Whether a comment follows `span` on its last line."""
    for module in model.modules:
        if module.file == span.file:
            return any(c.line == span.end_line and c.start >= span.end for c, _ in module.comments)
    return False


def _suffix_added(model: Model, decl, suffix: str) -> Fix | None:
    """BKR225's fix that adds `job-suffix X` to a member that writes none: after its
    last statement, on that statement's line where the block is one line (`member VM4
    { workers 2  job-suffix B }`) as `bkrc fmt` lays it out (`into_one_line_member`:
    one statement a line where that line would pass 80 columns), else on a line of
    its own below it, indented alike (past a comment on its line). None for a block
    with no statement."""
    items = _member_items(decl)
    if not items:
        return None
    last = items[-1]
    title = f"Add `job-suffix {suffix}`"
    if decl.span.line == decl.span.end_line:
        return Fix(title, tuple(into_one_line_member(decl, [f"job-suffix {suffix}"])))
    if last.end_line == decl.span.end_line:
        at = Span(last.file, last.end_line, last.end_column, last.end_line, last.end_column, last.end, last.end)
        return Fix.replace(title, at, f"  job-suffix {suffix}")
    return Fix(title, (statements_after(model, last, [f"job-suffix {suffix}"]),))


@check
def worker_task_names(model: Model):
    """IDENTITY jobs on several members whose per-member names share their first six
    characters, among the members that run more than one worker (APAR PH50490). O(jobs
    x members): no text is read. With a `catalog local` each member's worker tasks are
    in its own catalog, where names shared with another member's cannot meet: none."""
    if model.catalog is not None and model.catalog.scope is Scope.LOCAL:
        return
    for job in model.jobs:
        if job.run is None or job.kind is not Kind.IDENTITY or not _derives(job):
            continue
        if cms_name_problem(job.name) is not None:
            continue  # BKR303's
        names = [
            (m, n)
            for m, n in model.derived_names(job)
            if model.member(m) is not None and (model.member(m).workers or 0) > 1
            and _valid_suffix(model.member(m).job_suffix) and len(n) <= 8
        ]
        prefixes: dict[str, list[tuple[str, str]]] = {}
        for m, n in dict(names).items():
            prefixes.setdefault(n[:6].upper(), []).append((m, n))
        shared = next((p for p, ms in prefixes.items() if len(ms) > 1 and len({n for _, n in ms}) > 1), None)
        if shared is None:
            continue  # equal names are BKR225's
        clash = prefixes[shared]
        # The names alone (each ends in its member's suffix; the help says which member's):
        # `SYSINCR1 on VMSYS1, ...` for four members ran the message past MESSAGE_WIDTH.
        shown = first_few([n for _, n in clash])
        name = _renamed(model, job, [job.name[:5]]) if len(job.name) > 5 else None
        if name is not None and len({n[:6].upper() for _, n in _names_as(model, job, name)}) < len(clash):
            name = None  # the suffixes begin alike: five characters still share the sixth
        if name is None and len(job.name) <= 5:  # the suffixes begin alike (`A1`, `A2`)
            help = f"give members {listed([m for m, _ in clash])} `job-suffix`es whose first characters differ"
            fix = None
        elif name is None:
            help = (
                "keep an IDENTITY job's name to five characters, none of another job's names,"
                " and give the members `job-suffix`es whose first characters differ"
            )
            fix = None
        else:
            help = (
                f"keep an IDENTITY job's name to five characters: write `job {name}` for `job"
                f" {job.decl.name.text}` (line {job.decl.name.span.line}){_named_on(model, job, name)}"
            )
            fix = Fix.replace(f"Write `job {name}`", job.decl.name.span, name)
        if any(model.member(m).decl.settings_named("job-suffix") for m, _ in clash):
            # The site names its members' jobs itself (`job-suffix`): perhaps its own
            # templates' names, kept. The mends stay first; the allow is the last resort.
            help += f"; or, if these are your own templates' names, allow it: `# bkrc: allow {WORKER_TASK_NAMES.code} REASON`"
        yield WORKER_TASK_NAMES(
            f"job {quoted(job.name)} runs on members with several workers, and its per-member names {shown}"
            f" share their first six characters, `{shared}`: by APAR PH50490 its worker tasks,"
            f" named `{shared}` and a worker number, have the same names on each of them",
            job.decl.name.span,
            related=(Related(job.run.placement.span, "runs on several members here"),),
            help=help,
            fix=fix,
        )

@check
def shared_pool_on_each_member(model: Model):
    """SFS includes of the shared catalog's file pool in a job placed on several members."""
    if model.cluster is None:
        return
    for job in model.jobs:
        members = _runs_on(model, job)
        if job.run is None or len(members) < 2 or job.kind is Kind.SINGLE:
            continue  # a single-configuration job on several members is BKR220's
        if any(not r.resolved for r in job.refs):
            continue
        items = _shared_pool_items(model, job)
        help = _shared_pool_help(model, job, members, items) if items else ""
        for item in items:
            yield SHARED_POOL_EACH_MEMBER(
                f"job {quoted(job.name)} runs on {len(members)} members and backs up"
                f" `{item.upper}` in file pool `{model.catalog.pool}`, which every member shares: the same"
                " directories would be copied once per member",
                item.span,
                related=(Related(job.run.placement.span, "runs on several members here"),),
                help=help,
            )


def _shared_pool_help(model: Model, job: JobModel, members: list[str], items: list) -> str:
    """BKR226's help, on the file's own names: the job's `run on` narrowed to one
    member where every include of it is in the shared pool (BKR221's exception),
    else the shared paths taken out of the job and written whole in a job of their
    own on one member, the catalog server's where the job runs there, half an hour
    after the job so that the two do not start together (BKR402)."""

    home = model.catalog.decl.home[0].upper if model.catalog.decl.home else None
    member = home if home in members else members[0]
    shared = {id(i) for i in items}
    sfs = [s for s in job.includes if s.medium is Medium.SFS]
    run = job.run
    if all(id(i) in shared for s in job.includes for i in s.items) and run.schedule is not None:
        return (
            f"write `run on {member}` for `run on {_placement_written(run.placement)}` (line {run.span.line}):"
            f" a job whose every include is in the shared pool `{model.catalog.pool}` runs on one member"
        )
    removed = []
    for s in sfs:
        mine = [i.text for i in s.items if id(i) in shared]
        if not mine:
            continue
        if len(mine) == len(s.items):
            removed.append(f"`include sfs {' '.join(mine)}` (line {s.span.line}) out of `{job.name}`")
        else:
            removed.append(f"{' '.join(f'`{m}`' for m in mine)} out of the `include sfs` of line {s.span.line}")
    backup = "  ".join(
        f"backup {', '.join(g.text for g in b.groups)}{f' {b.level.value}' if b.level is not None else ''}"
        for b in job.decl.backups
    )
    paths = " ".join(i.text for i in items)
    pool = model.catalog.pool
    excluded = [
        i.text
        for s in job.excludes
        if s.medium is Medium.SFS
        for i in s.items
        if (parts := split_sfs_path(i.upper)) is not None and parts[0][:-1] == pool
    ]
    excludes = f"  exclude sfs {' '.join(excluded)}" if excluded else ""
    target = job.target
    to = f"  to {target.medium.value}{f' pool {target.pool.text}' if target.pool is not None else ''}" if target else ""
    when = schedule_text(run.schedule, _later(model, member, run.schedule)) if run.schedule is not None else ""
    name = _free_job_name(model, job.name)
    return (
        f"take {' and '.join(removed)} and add to the cluster block a job that runs on one member:"
        f" `job {name} {{ {backup}  include sfs {paths}{excludes}{to}  run on {member} {when} }}`"
    )


def _placement_written(placement) -> str:
    return "each member" if placement.each_member else ", ".join(w.text for w in placement.members)


def _later(model: Model, member: str, schedule) -> str:
    """A start time half an hour after `schedule`'s, stepped on again past any other
    job's start on `member` on a day both run (else it would start with it, BKR402)
    and past any purge it is checked against that would start within its first hour
    (BKR403: a shared catalog's purges on every member, else `member`'s); before
    midnight."""
    # coverage imports this module
    from bkrdsl.check.coverage import MINUTES_A_DAY, job_runs, purge_meets, timing

    if schedule.time is None:
        return ""
    timed = timing(schedule)
    if timed is None:
        return schedule.time.text
    start, days = timed
    taken = {minutes for m, minutes, job_days, _ in job_runs(model) if m == member and may_share_a_day(job_days, days)}
    shared = model.catalog is not None and model.catalog.scope is Scope.SHARED
    purges = [t for e in model.expires if (t := timing(e.purge)) is not None and (shared or member in e.members)]
    for step in range(1, MINUTES_A_DAY // 30):
        at = (start + 30 * step) % MINUTES_A_DAY
        if at < start:  # past midnight: a weekly schedule's days would be the next ones
            at = (start - 30 * step) % MINUTES_A_DAY
        if at in taken or any(purge_meets(minutes, purge_days, at, days) for minutes, purge_days in purges):
            continue
        return f"{at // 60:02d}:{at % 60:02d}"
    return schedule.time.text


def _free_job_name(model: Model, name: str) -> str:
    """A name for the job the shared pool's paths move to: the job's own with `S`
    (for SFS), at most 8 characters, one no other job has."""
    names = {j.name.upper() for j in model.jobs}
    for suffix in ("S", "SFS", *(f"S{n}" for n in range(1, 10))):
        candidate = f"{name[: 8 - len(suffix)]}{suffix}"
        if candidate.upper() not in names:
            return candidate
    return "NAME"
