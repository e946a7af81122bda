"""The shape of a compilation: one cluster, in the main file (BKR1xx)."""

from __future__ import annotations

import functools
from pathlib import PurePath

from bkrdsl import ast
from bkrdsl.ast import Kind, Level
from bkrdsl.check.common import (
    cms_name_problem,
    delete_repeats,
    listed,
    may_share_a_day,
    quoted,
    schedule_days,
)
from bkrdsl.check.registry import check
from bkrdsl.diagnostics import Diagnostic, Related
from bkrdsl.diagnostics.registry import register
from bkrdsl.diagnostics.suggest import alternatives
from bkrdsl.resolve.model import JobModel, Model
from bkrdsl.source import Source, span_through

NO_CLUSTER = register(
    "BKR110",
    "no-cluster",
    "error",
    "the file describes no cluster",
    """
    `bkrc compile` compiles one `cluster NAME { ... }` block, and the file
    given to it must hold it; so does `bkrc show`. A module, a file that only
    declares users and groups (like the standard library's) or only imports
    other modules, has nothing to compile or show on its own: `bkrc compile`
    and `bkrc show` report BKR110 for it, and the help says to give the
    cluster file that imports it.

    `bkrc check` (and the language server) take a module as a module: its
    syntax, its imports and what its declarations say on their own (a user
    ID CP would refuse, a user declared both single and identity, a group
    declared twice) are checked; the SSI rules, which need the cluster's
    members, catalog and jobs, are checked in the cluster file that imports
    it. The summary line says so. A file with neither a cluster nor a
    declaration nor an import (empty, or only comments) is no module:
    `bkrc check` reports BKR110 for it too, since it is most likely a file
    saved empty by mistake, or not the file meant.

    Failing example, a file that holds only a comment:

        # the cluster is still to be written   # <- BKR110

    Fix: write the cluster, or the declarations of a module; `bkrc check`
    accepts a module such as this one, and `bkrc compile` the cluster file
    that imports it:

        identity user TCPIP
    """,
)

MANY_CLUSTERS = register(
    "BKR111",
    "several-clusters",
    "error",
    "more than one cluster block",
    """
    One compilation describes one SSI cluster. A second `cluster` block, in the
    same file or in an imported module, would make every member, job and
    catalog ambiguous.

    Failing example: `prod.bkr` defines `cluster PRODSSI` and imports
    `./test.bkr`, which defines `cluster TESTSSI`.

    Fix: keep one cluster per file; share users and groups through a module
    without a cluster.
    """,
    no_example="two files, each with a cluster",
)

NO_MEMBERS = register(
    "BKR119",
    "cluster-without-members",
    "error",
    "a cluster block declares no member",
    """
    Everything bkrc writes is per member: each member's job templates,
    BKRSUBMT, BKRSTART and BKREXPIR EXECs, and a `BUILD ON` per member in
    every IDENTITY directory entry. A cluster without `member` blocks would
    compile to no EXEC and no template at all, and to IDENTITY entries that
    CP builds on no member, while `bkrc check` found nothing to say. An SSI
    cluster has one to eight members, each named by its system identifier.

    Failing example, the `member` block deleted:

        import std/backup-manager
        cluster PRODSSI {   # <- BKR119
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    The help writes the block of each member the file names (`expire on
    VMSYS1`, `run on VMSYS1`: `add `member VMSYS1 { workers 2 }``), which
    are not also BKR330's, unknown members: one block missing, one error.

    Fix: add one block per member, in the order of their numbers:
    `member VMSYS1 { workers 2 }`.
    """,
)


def no_cluster(source: Source, *, module: bool) -> Diagnostic:
    """BKR110, for a main file without a cluster: a module given to `bkrc compile`,
    or a file that declares and imports nothing (`pipeline.analyse` decides which
    files get it: `bkrc check` accepts a module). Shown at the file's first
    character that is not blank (an empty line 1 has none to underline)."""
    where = source.first_character()
    if module:
        return NO_CLUSTER(
            "this file describes no cluster: a module has nothing to compile or show on its own",
            where,
            help="this is a module; give the cluster file that imports it",
        )
    return NO_CLUSTER(
        "this file describes no cluster and declares nothing",
        where,
        # The help wrote `cluster NAME { member ... }`, which copied is a syntax error; `bkrc
        # init` writes a cluster that checks clean from the names only the site knows (stop 82).
        help=f"to start the cluster, run `bkrc init {PurePath(source.name).name} --force --cluster NAME"
        " --member SYSID` in its folder, NAME the cluster's and SYSID each member's system identifier"
        " (`--member` once for each, member 1 first): it writes a first cluster that checks clean;"
        "\nfor a module, write the users and groups it declares instead, e.g. `identity user TCPIP`",
    )


def _members_help(model: Model) -> str:
    """BKR119's help: the `member` blocks written whole, on the members the file names
    already (the catalog's `on`, `expire on`, `run on`, the tape catalog node's `on`),
    in the order of their names, most sites' order of member numbers; else on a SYSID
    said to be the site's. The help wrote
    `member NAME { workers N }`, which copied is a syntax error (stop 82)."""
    from bkrdsl.check.declarations import members_named  # BKR330 leaves these to this help

    blocks = [f"`member {name} {{ workers 2 }}`" for name in sorted(members_named(model))]
    if blocks:
        written = blocks[0] if len(blocks) == 1 else ", ".join(blocks[:-1]) + " and " + blocks[-1]
        return (
            f"add {written} to the cluster block, the member{'s' if len(blocks) > 1 else ''} the file"
            " names, and a block for each other SSI member, named by its system identifier, all in the order"
            " of SYSTEM CONFIG's SSI statement; `workers 2` is a first count of worker machines, yours to choose"
        )
    return (
        "add `member SYSID { workers 2 }` to the cluster block for each SSI member, SYSID its system identifier,"
        " in the order of SYSTEM CONFIG's SSI statement; `workers 2` is a first count of worker machines, yours"
        " to choose"
    )


@check
def one_cluster(model: Model):
    if model.cluster is None:
        return  # BKR110, where the file needs a cluster: no_cluster, called by pipeline.analyse
    first = model.cluster
    if not first.members:
        yield NO_MEMBERS(
            f"cluster {quoted(first.name.upper)} declares no member: nothing would be written for it",
            first.name.span,
            help=_members_help(model),
        )
    for other in model.clusters:
        if other is first:
            continue
        yield MANY_CLUSTERS(
            f"a second cluster `{other.name.upper}`: one compilation describes one cluster",
            other.name.span,
            related=(Related(first.name.span, f"cluster {first.name.upper} is declared here"),),
            help="keep one cluster per compilation; move shared users and groups into a module without a cluster",
        )


# ---------------------------------------------------------------- jobs and blocks
JOB_WITHOUT_BACKUP = register(
    "BKR112",
    "job-without-backup",
    "error",
    "a job does not say whose data it backs up",
    """
    Every job backs up the users of one configuration kind, named by a
    `backup` statement (a group or user IDs, then `full` or `incremental`).
    Without it bkrc cannot tell whether the job is a single-configuration job
    (one member) or an IDENTITY job (one per member), and the template would
    select nobody.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group GUESTS { LINUX01 LINUX02 }
          job NIGHTLY {   # <- BKR112
            include minidisk * *
            to disk pool BKUPPOOL
            run on VMSYS1 daily 02:00
          }
        }

    The help names a group of the site's that no job backs up yet, of the
    kind the job's `run` asks for (`add `backup GUESTS full``); else one
    the jobs back up; else it says to name the user IDs.

    Fix: name the users the job is for: add `backup GUESTS full` to the
    job (where the file has no group of them, declare one first: `single
    group GUESTS { LINUX01 LINUX02 }`).
    """,
)

JOB_WITHOUT_TARGET = register(
    "BKR113",
    "job-without-target",
    "error",
    "a job does not say where its backups go",
    """
    A job needs a target: `to disk` (optionally `pool NAME`) or `to tape`.
    Backup Manager cannot run a job template without an output
    specification, and bkrc does not guess one. The help names the targets the
    cluster's other jobs write to (`to disk pool BKUPPOOL`, like APPSFULL),
    and says that `to tape` needs a shared Tape Manager where there is none.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group GUESTS { LINUX01 LINUX02 }
          job NIGHTLY {   # <- BKR113
            backup GUESTS full
            include minidisk * *
            run on VMSYS1 daily 02:00
          }
        }

    Fix: add `to disk pool BKUPPOOL` or `to tape`.
    """,
)

JOB_WITHOUT_RUN = register(
    "BKR114",
    "job-without-run",
    "error",
    "a job does not say where it runs",
    """
    Where a job runs is the heart of the SSI rules: a job for
    single-configuration users runs on one member (`run on VMSYS1 ...`), a job
    for IDENTITY users on every member (`run on each member ...`). Without a
    `run` statement bkrc cannot place the job's template in any member's
    folder, so the job would silently never run. The help writes `run on each
    member` for a job of IDENTITY users and, for one of single-configuration
    users, the member another job of the same users runs on (one member always
    backs them up), also where only some of its users are another group's (a
    user in two groups, backed up from another member, would have its backups
    split, BKR411); when the job starts is the site's choice.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group GUESTS { LINUX01 LINUX02 }
          single group APPS { LINUX03 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
          job NIGHTLY {   # <- BKR114
            backup GUESTS full
            include minidisk * *
            to disk pool BKUPPOOL
          }
        }

    Fix: add `run on VMSYS1 daily 04:00`, after APPSFULL's start (or `run on
    VMSYS1 manual` for a job you submit by hand).
    """,
)

REPEATED = register(
    "BKR115",
    "repeated-statement",
    "error",
    "a statement that may appear once appears twice",
    """
    Some statements hold the one value of a setting: a job's `run` and `to`,
    a member's `workers` and `job-suffix`, the cluster's `catalog` and `tape
    manager`, a catalog's `server`, `pool`, `on`, `logon-wait` and
    `pool-wait`, the `tape manager`
    statement's `catalog-node`, `request-node`, `catalog-dmm` and
    `request-dmm`, an expiry block's `preview`, `purge` and `retain`, any
    block's `description`. Writing one of
    them twice leaves the reader (and bkrc) to guess which one counts; bkrc
    never guesses. The same goes for a member named twice in one `run on`
    list: the job would get two templates with the same name.

    One line written twice is one error: a statement's options written again
    one after the other, each as it was the first time (`catalog-dmm TCDMM
    request-dmm TRDMM` twice), are reported together, however the
    statement's lines break (the same errors before and after `bkrc fmt`,
    which breaks a long statement where it fits); a repeat that says another
    value (`catalog-dmm TCDMM2`), that follows an option said once, or that
    repeats an option already in that run (`server A` three times) is an
    error of its own; and the machines only a second `catalog` or `tape manager`
    statement names are not also reported as disks for no machine (BKR332).

    A second `catalog` or `tape manager` statement is compared with the
    first, which is the one bkrc reads, option by option: the error says
    word by word what the two say otherwise ("the first says `pool
    BKRPOOL`, this one `pool BKRPL2`"; "the first has no `catalog-dmm`,
    this one says `catalog-dmm TCDMM`"), names compared as CP reads them,
    in capitals. A second statement that says what the first says (pasted
    again, or written in other case) is deleted by `bkrc check --fix` (and
    the editor's quick fix), unless a comment stands in it.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group GUESTS { LINUX01 LINUX02 }
          job NIGHTLY {
            backup GUESTS full
            include minidisk * *
            to disk pool BKUPPOOL
            run on VMSYS1 daily 02:00
            run on VMSYS1 daily 04:00   # <- BKR115
          }
        }

    Fix: keep one. To run the same selection twice a day, declare a second job
    with its own name.
    """,
)

JOB_WITHOUT_INCLUDE = register(
    "BKR116",
    "job-without-include",
    "error",
    "a job selects no minidisk and no SFS directory",
    """
    A job's `backup` statement says whose data it may touch; its `include`
    statements say which minidisks or SFS directories of those users it
    copies. A job with no `include` backs up nothing, every night, and reports
    success. So does a job whose groups are all empty (`single group APPS {
    }`), or whose every include names an owner the job does not back up:
    its templates hold no selection at all. Each is one mistake, reported
    once: this error, with each include that names no user of the job shown
    as a note (not as a BKR406 warning of its own), and, for a job of empty
    groups, one error that says so, also when the job has no `include` (and
    no BKR406 for the owners its includes name: no owner can be one of the
    users of an empty group). An include whose owner cannot be read is
    not judged here: a minidisk owner that is no user ID (BKR301), or an
    SFS path without its file pool (`CICSPRD.LOGS`), split by a blank, with
    no user ID after its `:` or one too long (BKR318). That error is the
    mistake, said once; whether the mended include names one of the job's
    users is judged when it reads. A path BKR318 reports for its directory
    names (`BKRPOOL:OTHER..OLD`) still has its owner judged: `OTHER`, not
    one of the job's users, is a mistake of its own.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group GUESTS { LINUX01 LINUX02 }
          job NIGHTLY {   # <- BKR116
            backup GUESTS full
            to disk pool BKUPPOOL
            run on VMSYS1 daily 02:00
          }
        }

    Fix: add what to copy, e.g. `include minidisk * *` (every minidisk of the
    job's users) or `include minidisk * 0191`.
    """,
)

INCLUDE_IN_MEMBER = register(
    "BKR117",
    "include-in-member",
    "error",
    "a member block holds an `include`",
    """
    A member block may hold `exclude` statements: they are added to every
    single-configuration job pinned to that member (a member-local disk
    nobody should back up; an IDENTITY job's copies stay alike, BKR414). An
    `include` in a member block would add data to jobs that never chose it,
    and a job for single-configuration users must select the same data
    whichever member it runs on; so bkrc accepts only excludes there.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 {
            workers 2
            include minidisk * 0300   # <- BKR117
          }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * 0191
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: move the `include` into the job that should copy the disk.
    """,
)

CONFLICTING_LEVELS = register(
    "BKR118",
    "conflicting-levels",
    "error",
    "one job asks for both a full and an incremental backup",
    """
    A job may have several `backup` lines (to back up several groups), but a
    job template is either a full or an incremental backup. Two lines with
    different levels leave the job's type undecided. A line without a level
    is a full backup, so `backup GUESTS` beside `backup TESTERS incremental`
    conflicts too (bkrc used to let the other line's level win silently).
    The same group named on both lines (`backup APPS full`, `backup APPS
    incremental`: one job meant to make both backups) is this error alone,
    not BKR412's "named twice" as well; its help names the group and says
    to split the job in two, a full job and an incremental one. Until then
    the job has no one level, so another job that backs up the same users
    is not said to do so "at the same level" (BKR405, BKR410).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group GUESTS { LINUX01 LINUX02 }
          single group TESTERS { TEST01 }
          job NIGHTLY {
            backup GUESTS full
            backup TESTERS incremental   # <- BKR118
            include minidisk * *
            to disk pool BKUPPOOL
            run on VMSYS1 daily 02:00
          }
        }

    Fix: give every `backup` line of the job the same level, or split the job
    in two: a weekly full job and a daily incremental job.
    """,
)


def _both_levels_help(names: list[str]) -> str:
    """BKR118's help when the two `backup` lines name the same groups or users."""
    one = len(names) == 1
    return (
        f"{quoted(names[0]) + ' is' if one else listed(names) + ' are'} named at both levels, and a job is"
        f" either full or incremental: to back {'it' if one else 'them'} up both ways, split the job in two"
        f" (a full job and an incremental one); else name {'it' if one else 'each'} once"
    )


def _one_level_help(line: ast.Backup, level: Level) -> str:
    """BKR118's help: the later `backup` line written at the job's first level, by its
    line; or a job of its own (the help said "use one level, or split the job in two",
    the line and the level left to find; stop 82)."""
    names = ", ".join(w.text for w in line.groups)
    written = f"backup {names}" + (f" {line.level.value}" if line.level is not None else "")
    return (
        f"a job is either full or incremental: write `backup {names} {level.value}` for `{written}`"
        f" (line {line.span.line}); or move the line into a job of its own (its own name, the same `include`"
        " and `to`, and its `run` at another time: BKR402)"
    )


def _article(level: Level) -> str:
    return f"an {level.value}" if level is Level.INCREMENTAL else f"a {level.value}"


def _one_day(runs: list[ast.Run]) -> str:
    """What BKR115's help for a second `run` adds when the two jobs it writes would run on
    one day (`daily 02:00` and `weekly sun 04:00`, not `monthly 1` and `monthly 15`):
    at one level the second copies the same data again, which BKR405 (BKR410) warns of
    (`manual` left out: its user picks the day)."""
    if len(runs) < 2 or runs[0].schedule is None or runs[1].schedule is None:
        return ""
    if not may_share_a_day(schedule_days(runs[0].schedule), schedule_days(runs[1].schedule)):
        return ""
    from bkrdsl.syntax.messages import ONE_DAY_NOTE  # the parser's words, for a broken file only

    return ONE_DAY_NOTE


def _repeats(items, what: str, where: str, more: str = ""):
    """BKR115 for every item after the first of a statement that may appear once;
    `more`, what the help adds: how to say what a second one meant."""
    if len(items) < 2:
        return
    first = items[0]
    for extra in items[1:]:
        yield REPEATED(
            f"a second {what} in {where}",
            extra.span,
            related=(Related(first.span, f"the first {what} is here"),),
            help=f"keep one {what}{more}",
        )


def _targets_written(model: Model) -> dict[str, list[str]]:
    """The targets the cluster's jobs write to (`to disk pool P`), each with the jobs
    that do, for BKR113's help: the same for every job without a `to` (which is none
    of them), so worked out once however many such jobs the cluster has."""
    written: dict[str, list[str]] = {}
    for other in model.cluster.jobs:
        target = other.targets[0] if other.targets else None
        if target is None or (target.pool is not None and cms_name_problem(target.pool.text) is not None):
            continue
        text = f"to {target.medium.value}" + (f" pool {target.pool.upper}" if target.pool is not None else "")
        written.setdefault(text, []).append(other.name.upper)
    return written


def _target_help(model: Model, written: dict[str, list[str]]) -> str:
    """BKR113's help: the targets the cluster's other jobs write to, each with the
    jobs that do (their disk pool is the site's, known from the file: `written`,
    `_targets_written`); `to tape` also where a shared Tape Manager takes it; else
    `to disk`, and the pool in words."""
    # the first three targets: a help stays one line, however many pools the jobs use
    said = [f"`{text}` (like {listed(jobs, 3)})" for text, jobs in list(written.items())[:3]]
    tape = model.tape
    shared_tape = tape is not None and tape.scope is ast.Scope.SHARED
    if not written:
        said.append("`to disk` (or `to disk pool` and the name of your site's backup disk pool)")
    if "to tape" not in written:
        said.append("`to tape`" if shared_tape else "`to tape`, which needs a `tape manager shared` statement")
    return "add " + ", ".join(said[:-1]) + " or " + said[-1] if len(said) > 1 else "add " + said[0]


#: What BKR114's help says of a job's schedule, which is the site's choice.
_WHEN = "then when it starts: `daily` and the time your site picks (`daily HH:MM`), or `manual` to submit it by hand"


def _single_runs(model: Model) -> tuple[list[JobModel], dict[str, int], dict[str, int]]:
    """The jobs of single-configuration users that run on one member of the cluster,
    in the file's order, and for each name after their `backup` the first of them that
    names it, and for each user ID of theirs the first that backs it up, for BKR114's
    help (`_run_help`): worked out once, not a walk over every job for each job
    without a `run`."""
    members = set(model.member_names)
    runs = [
        j
        for j in model.jobs
        if j.kind is Kind.SINGLE and not j.each_member and len(set(j.members)) == 1 and j.members[0] in members
    ]
    first: dict[str, int] = {}
    first_user: dict[str, int] = {}
    for i, other in enumerate(runs):
        for name in _backed_up(other):
            first.setdefault(name, i)
        for user in other.user_ids:
            first_user.setdefault(user, i)
    return runs, first, first_user


def _run_help(model: Model, found: JobModel | None, single_runs) -> str:
    """BKR114's help: `run on each member` for a job of IDENTITY users; for one of
    single-configuration users the member that another job of the same users runs
    on (one member always backs them up: `single_runs`, `_single_runs`'s, called once),
    the cluster's one member, or else the members to choose from; the schedule in words."""
    kind = found.kind if found is not None else None
    members = list(model.member_names)
    if kind is Kind.IDENTITY:
        return f"add `run on each member` (IDENTITY users are backed up on every member), {_WHEN}"
    if kind is not Kind.SINGLE:
        return (
            "add `run on` and one member for single-configuration users, or `run on each member` for"
            f" IDENTITY users, {_WHEN}"
        )
    names = _backed_up(found)
    runs, first, first_user = single_runs()
    at = min((first[n] for n in names if n in first), default=None)
    if at is not None:  # (`found`, without a `run`, is none of them)
        other = runs[at]
        shared = [n for n in _backed_up(other) if n in names]
        return f"add `run on {other.members[0]}`, where {quoted(other.name)} backs up {listed(shared, 3)}, {_WHEN}"
    users = found.user_ids
    at = min((first_user[u] for u in users if u in first_user), default=None)
    if at is not None:
        # a user of another group that a job backs up on one member (`LNXDB1` in two
        # groups): another member would split its backups, BKR411 (the help named every
        # member alike, and the first, taken, gave that error)
        other = runs[at]
        shared = [u for u in other.user_ids if u in set(users)]
        return (
            f"add `run on {other.members[0]}`, where {quoted(other.name)} backs up {listed(shared, 3)} too"
            f" (another member would split their backups, BKR411), {_WHEN}"
        )
    if len(members) == 1:
        return f"add `run on {members[0]}`, {_WHEN}"
    if not members:
        return f"add `run on` and the member that runs it, {_WHEN}"
    return f"add `run on` and the one member that always runs it ({alternatives(members)}), {_WHEN}"


def _groups_for_backup(model: Model) -> tuple[list, set[str]]:
    """The site's groups (not the standard library's), and the names of those a job backs
    up: worked out once per check (`job_shape`), not for each job without a `backup`."""
    groups = [g for g in model.groups if not g.module.startswith("std/")]
    backed = {ref.group.name for j in model.jobs for ref in j.refs if ref.group is not None}
    return groups, backed


def _backup_help(model: Model, job: ast.Job, known=None) -> str:
    """BKR112's help: the `backup` statement written whole on a group of the site's
    files that no job backs up yet (the group the job was most likely written for),
    of the kind its `run` asks for (`run on each member`: IDENTITY users), else on one
    the jobs back up already; else the IDs said to be the users'. The help wrote
    `backup GROUP full`, which copied names a group GROUP (BKR331; stop 82)."""
    placement = job.runs[0].placement if job.runs else None
    kind = None if placement is None else Kind.IDENTITY if placement.each_member else Kind.SINGLE
    site, backed = known() if known is not None else _groups_for_backup(model)
    groups = [g for g in site if kind in (None, g.kind)]
    idle = [g for g in groups if g.name not in backed]
    if idle:
        first, *others = idle
        more = f"; or another group no job backs up: {alternatives([g.name for g in others])}" if others else ""
        return (
            f"add `backup {first.name} full` (or `incremental`): no job backs up group {first.name}"
            f" (line {first.decl.name.span.line}) yet{more}"
        )
    if groups:
        first, *others = groups
        more = f", or another of its groups ({alternatives([g.name for g in others])})" if others else ""
        return f"add `backup {first.name} full` (or `incremental`), naming the file's group the job is for{more}"
    what = "IDENTITY users" if kind is Kind.IDENTITY else "users"
    return (
        f"add `backup USERID full` (or `incremental`), USERID the ID of each of the {what} the job is for,"
        " several separated by commas (`backup LINUX01, LINUX02 full`), or a group that lists them"
    )


def _backed_up(job: JobModel) -> list[str]:
    """The names after a job's `backup`: its groups, and the users it names alone."""
    return [ref.group.name if ref.group is not None else ref.word.upper for ref in job.refs]


@check
def job_shape(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    # What the helps below read of every job, worked out at the first job that needs it
    # and kept: a cluster of thousands of jobs without a `to` or a `run` is not N² steps.
    models: dict[int, JobModel] = {}
    for j in reversed(model.jobs):
        models[id(j.decl)] = j  # the first of a declaration's, as a walk would find it
    written: dict[str, list[str]] | None = None
    single_runs = functools.cache(lambda: _single_runs(model))
    for_backup = functools.cache(lambda: _groups_for_backup(model))  # BKR112's
    for job in cluster.jobs:
        name = quoted(job.name.upper)
        if not job.backups:
            yield JOB_WITHOUT_BACKUP(
                f"job {name} does not say whose data it backs up",
                job.name.span,
                help=_backup_help(model, job, for_backup),
            )
        if not job.targets:
            if written is None:
                written = _targets_written(model)
            yield JOB_WITHOUT_TARGET(
                f"job {name} does not say where its backups go",
                job.name.span,
                help=_target_help(model, written),
            )
        if not job.runs:
            yield JOB_WITHOUT_RUN(
                f"job {name} does not say where it runs",
                job.name.span,
                help=_run_help(model, models.get(id(job)), single_runs),
            )
        if job.backups and not any(s.action.value == "include" for s in job.selections):
            # Empty groups too: one diagnostic says both, as one job backs up nothing.
            found = models.get(id(job))
            empty = empty_groups(found) if found is not None else []
            yield JOB_WITHOUT_INCLUDE(
                f"job {name} selects nothing to back up"
                + (f": it has no `include`, and {_empty_text(empty)}" if empty else ""),
                job.name.span,
                related=tuple(Related(g.decl.name.span, "declared empty here") for g in empty[:3]),
                help="add an `include`, e.g. `include minidisk * *` for every minidisk of the job's users"
                + (", and name the users in the group (or `match PATTERN`)" if empty else ""),
            )
        # a second schedule or target is a second job (docs/language.md: "a job that
        # runs on the 1st and the 15th is two jobs, the same but for their `run`")
        two_jobs = "write two jobs, the same but for their names and their"
        yield from _repeats(job.runs, "`run` statement", f"job {name}", f"; for a job that runs on both, {two_jobs} `run`{_one_day(job.runs)}")
        yield from _repeats(job.targets, "`to` target", f"job {name}", f"; to back up to both, {two_jobs} `to`")
        yield from _repeats(job.descriptions, "`description`", f"job {name}")
        # Each `backup` line without a level is `full`, as docs/language.md says.
        first = job.backups[0] if job.backups else None
        for b in job.backups[1:]:
            level, first_level = b.level or Level.FULL, first.level or Level.FULL
            if level is not first_level:
                implicit = b.level is None or first.level is None
                # A name both lines give (`backup APPS full`, `backup APPS incremental`):
                # BKR412 leaves the repeat to this error, whose help says what it means.
                named = {w.upper for w in first.groups}
                both = list(dict.fromkeys(w.upper for w in b.groups if w.upper in named))
                yield CONFLICTING_LEVELS(
                    f"job {name} asks for {_article(level)} backup here and {_article(first_level)} one above",
                    b.span,
                    related=(
                        Related(
                            first.span,
                            f"{first_level.value} here" + (" (no level given)" if first.level is None else ""),
                        ),
                    ),
                    help=(
                        _both_levels_help(both)
                        if both
                        else _one_level_help(b, first_level)
                    )
                    + ("; a `backup` line without a level is full" if implicit else ""),
                )
                break
        for run in job.runs[:1]:
            seen: dict[str, object] = {}
            for word in run.placement.members:
                if word.upper in seen:
                    yield REPEATED(
                        f"member {quoted(word.upper)} is named twice in the `run on` list",
                        word.span,
                        related=(Related(seen[word.upper].span, "first named here"),),
                        help="name each member once",
                    )
                else:
                    seen[word.upper] = word


def _jobs_by_member(model: Model) -> dict[str, list[str]]:
    """Each member's jobs by name, in the file's order: worked out once per check."""
    out: dict[str, dict[str, None]] = {}
    for j in model.jobs:
        for m in j.members:
            out.setdefault(m, {})[j.name] = None
    return {m: list(names) for m, names in out.items()}


def _include_moved_help(model: Model, member: str, by_member=None) -> str:
    """BKR117's help: the jobs that run on the member, by name, one of which should copy
    the data (the help said "the job that should copy this data", which job left to
    find; stop 82)."""
    jobs = (by_member() if by_member is not None else _jobs_by_member(model)).get(member, [])
    if len(jobs) == 1:
        return f"move the `include` into job {quoted(jobs[0])}, which runs on {quoted(member)}, if it should copy this data"
    if jobs:
        return f"move the `include` into the job on {quoted(member)} that should copy this data: {alternatives(jobs)}"
    return f"move the `include` into the job that should copy this data (no job runs on {quoted(member)} yet)"


@check
def block_shape(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    by_member = functools.cache(lambda: _jobs_by_member(model))  # BKR117's, once
    yield from _repeated_statements(model, cluster.catalogs, "catalog", _catalog_says)
    yield from _repeated_statements(model, cluster.tapes, "tape manager", _tape_says)
    yield from _repeats(
        [s for s in cluster.settings if s.keyword == "description"], "`description`", "the cluster"
    )
    for member in cluster.members:
        where = f"member {quoted(member.name.upper)}"
        for keyword in ("workers", "job-suffix", "description"):
            yield from _repeats(member.settings_named(keyword), f"`{keyword}`", where)
        by_machine: dict[str, list] = {}
        for given in member.settings_named("subconfig"):
            if len(given.values) == 2:
                by_machine.setdefault(given.values[0].upper, []).append(given)
        for machine, givens in by_machine.items():
            # one instance, one SUBCONFIG: the first is the one compiled (MemberModel.subconfig_names)
            yield from _repeats(givens, f"`subconfig` for {quoted(machine)}", where, ": its instance there has one SUBCONFIG")
        for sel in member.selections:
            if sel.action.value == "include":
                yield INCLUDE_IN_MEMBER(
                    f"{where} holds an `include`; a member block may only exclude",
                    sel.span,
                    related=(Related(member.name.span, "in this member block"),),
                    help=_include_moved_help(model, member.name.upper, by_member),
                )
    for cat in cluster.catalogs:
        yield from _repeated_options(
            ((cat.server, "`server`"), (cat.pool, "`pool`"), (cat.home, "`on` member")),
            "the catalog statement",
            one="a catalog has one",
            others=cat.logon_waits + cat.pool_waits,
        )
        for waits, keyword in ((cat.logon_waits, "logon-wait"), (cat.pool_waits, "pool-wait")):
            for extra in waits[1:]:
                yield REPEATED(
                    f"a second `{keyword}` in the catalog statement",
                    extra.span,
                    related=(Related(waits[0].span, f"the first `{keyword}` is here"),),
                    help=f"keep one `{keyword}`: BKRSTART waits once",
                )
    for exp in cluster.expires:
        on = "each member" if exp.placement.each_member else ", ".join(m.upper for m in exp.placement.members)
        yield from _repeats(
            exp.previews,
            "`preview` schedule",
            "the expiry block",
            f"; a second preview goes in an `expire` block of its own: `expire on {on} {{ preview ... }}`",
        )
        yield from _repeats(exp.purges, "`purge` schedule", "the expiry block")
        for extra in exp.retains[1:]:
            yield REPEATED(
                "a second `retain` in the expiry block",
                extra.span,
                related=(Related(exp.retains[0].span, "the first `retain` is here"),),
                help="keep one retention period",
            )
    for tape in cluster.tapes:
        yield from _repeated_options(
            (
                (tape.catalog_nodes, "`catalog-node`"),
                (tape.request_nodes, "`request-node`"),
                (tape.catalog_dmms, "`catalog-dmm`"),
                (tape.request_dmms, "`request-dmm`"),
            ),
            "the tape manager statement",
            one="keep one",
        )


def _repeated_statements(model: Model, statements, keyword: str, says):
    """BKR115 for every `catalog` (or `tape manager`) statement after the first,
    saying word by word what it says otherwise than the first, which is the one
    the model reads; one that says the same gets the fix that deletes it."""
    if len(statements) < 2:
        return
    what = f"`{keyword}` statement"
    first = statements[0]
    first_says = says(first)
    for extra in statements[1:]:
        differences = _differences(first_says, says(extra))
        if differences:
            message = f"a second {what} in the cluster, which differs from the first: " + "; ".join(differences)
            help = f"keep one {what}: settle what differs in the first and delete this one"
            fix = None  # which of the two is meant is the user's choice
        else:
            message = f"a second {what} in the cluster, saying what the first says"
            help = f"delete the repeated {what}: it repeats the first"
            fix = delete_repeats(model, [extra.span], keyword)
        yield REPEATED(
            message, extra.span, related=(Related(first.span, f"the first {what} is here"),), help=help, fix=fix
        )


def _catalog_says(catalog: ast.Catalog) -> dict[str, str]:
    """What a `catalog` statement says, option by option, as written
    (`pool BKRPOOL`); an option written twice in it, both times."""
    said = {"scope": catalog.scope.value}
    for keyword, words in (("server", catalog.server), ("pool", catalog.pool), ("on", catalog.home)):
        if words:
            said[keyword] = " ".join(f"{keyword} {w.text}" for w in words)
    for keyword, waits in (("logon-wait", catalog.logon_waits), ("pool-wait", catalog.pool_waits)):
        if waits:
            said[keyword] = " ".join(f"{keyword} {w.count.text} {w.unit.text}" for w in waits)
    return said


def _tape_says(tape: ast.Tape) -> dict[str, str]:
    """What a `tape manager` statement says, option by option, as written
    (`catalog-node TCTMM on VMSYS1`), in any order the options were written."""
    said = {"scope": tape.scope.value}
    options = (
        ("catalog-node", tape.catalog_nodes),
        ("request-node", tape.request_nodes),
        ("catalog-dmm", tape.catalog_dmms),
        ("request-dmm", tape.request_dmms),
    )
    for keyword, nodes in options:
        if nodes:
            said[keyword] = " ".join(
                f"{keyword} {n.name.text}" + (f" on {n.member.text}" if n.member is not None else "") for n in nodes
            )
    return said


def _differences(first: dict[str, str], other: dict[str, str]) -> list[str]:
    """What `other` says otherwise than `first`, option by option: names as CP
    reads them (`bkrpool` is `BKRPOOL`), an option only one of them has too."""
    out = []
    for topic in dict.fromkeys([*first, *other]):
        was, now = first.get(topic), other.get(topic)
        if was is not None and now is not None:
            if was.upper() != now.upper():
                out.append(f"the first says `{was}`, this one `{now}`")
        elif was is not None:
            out.append(f"the first says `{was}`, this one has none")
        else:
            out.append(f"the first has no `{topic}`, this one says `{now}`")
    return out


def _repeated_options(options, where: str, one: str, others=()):
    """BKR115 for the options of one statement given more than once: one diagnostic
    for copies that follow one another, each option once, since they are a line
    written twice (`catalog-dmm TCDMM request-dmm TRDMM` twice in the tape manager
    statement: not one report per option); a repeat after an option said once, or
    of an option already in the run (`server A` three times), starts another, and
    one that says another value (`catalog-dmm TCDMM2`) is an error of its own.
    Read from the order of the options, never from their lines: `bkrc fmt` breaks
    a long statement where it fits, and the errors must be the same after it.
    `others` are the statement's other items (the catalog's waits): they part runs."""
    said = sorted(
        [(extra.span.start, (extra, items[0], what)) for items, what in options for extra in items[1:]]
        + [(items[0].span.start, None) for items, _ in options if items]
        + [(item.span.start, None) for item in others],
        key=lambda e: e[0],
    )
    runs: list[list] = []
    run: list = []
    for _, extra in said:
        if extra is not None and _says(extra[0]) != _says(extra[1]):
            runs += [run, [extra]] if run else [[extra]]  # another value: an error of its own
            run = []
        elif extra is None or any(what == extra[2] for _, _, what in run):
            if run:
                runs.append(run)
            run = [] if extra is None else [extra]
        else:
            run.append(extra)
    if run:
        runs.append(run)
    for run in runs:
        names = [what for _, _, what in run]
        yield REPEATED(
            f"a second {', '.join(names[:-1]) + ' and ' if len(names) > 1 else ''}{names[-1]} in {where}",
            span_through(run[0][0].span, run[-1][0].span),
            related=tuple(Related(first.span, f"the first {what} is here") for _, first, what in run),
            help=f"{one} {names[0]}" if len(names) == 1 else f"{one} of each: {', '.join(names)}",
        )


def _says(item) -> tuple:
    """What an option says, as CP reads it: a catalog option's name, a tape node and its member."""
    if isinstance(item, ast.TapeNode):
        return (item.name.upper, item.member.upper if item.member is not None else None)
    return (item.upper,)


def empty_groups(job) -> list:
    """The job's groups when it backs up only groups and every one is empty; else []."""
    groups = [r.group for r in job.refs]
    if not groups or None in groups or any(g.users or g.patterns for g in groups):
        return []  # a user, an unknown name (BKR331) or a group with users
    return groups


def _empty_text(groups: list) -> str:
    names = ", ".join(quoted(g.name) for g in groups)
    many = len(groups) > 1
    return f"{'its groups' if many else 'group'} {names} {'are' if many else 'is'} empty"


@check
def jobs_ofempty_groups(model: Model):
    for job in model.jobs:
        groups = empty_groups(job)
        if not groups or not job.includes:
            continue  # no include: job_shape's BKR116 says both
        yield JOB_WITHOUT_INCLUDE(
            f"job {quoted(job.name)} selects nothing to back up: {_empty_text(groups)}",
            job.decl.name.span,
            related=tuple(Related(g.decl.name.span, "declared empty here") for g in groups[:3]),
            help="name the users in the group (or `match PATTERN`), or remove the job",
        )
