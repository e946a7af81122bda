"""Checks against the site's CP source directory (BKR510-BKR520, BKR522-BKR526, BKR528-BKR535), and what
`bkrc init --directory` cannot carry of it (BKR521).

Not checks of the model alone: the kind of each user (a USER or an IDENTITY
entry), which users exist at all, and on which members each IDENTITY is
built are facts of the site's source directory (`USER DIRECT`), which the
.bkr file only restates. `bkrdsl.pipeline.analyse` runs `directory_checks`
after the other checks when it is given one (`--directory FILE`, read by
`bkrdsl.cpdirectory`), and only when that file could be read as text.

Without a directory nothing here runs, so a file checks exactly as before.
Only what the directory holds is compared: a standard-library ID that the
site's directory lacks (another release's MAINTvrm, a server the site does
not run) is never reported, and only the users a group or job names
explicitly must be there (BKR511).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress
from operator import not_
from typing import TYPE_CHECKING, NamedTuple

from bkrdsl.ast import Kind, Medium
from bkrdsl.check.common import (
    Suggester,
    add_disk_statements,
    alternatives,
    into_one_line_member,
    listed,
    mean_fix,
    mean_help,
    quoted,
    statements_after,
)
from bkrdsl.check.coverage import why_exclude_removes_nothing
from bkrdsl.check.members import given_subconfig
from bkrdsl.cpdirectory import ALLOCATED_FORMS, TEMPORARY_FORMS
from bkrdsl.diagnostics import Edit, Fix, Related
from bkrdsl.diagnostics.registry import register
from bkrdsl.resolve.model import (
    Model,
    is_pattern,
    parse_address,
    parse_address_range,
    pattern_regex,
    subconfig_id,
)
from bkrdsl.resolve.releases import ReleaseID, release_id

if TYPE_CHECKING:
    from bkrdsl import ast
    from bkrdsl.allocation import Allocation, Machine, Placed
    from bkrdsl.cpdirectory import Build, Directory, Entry, Minidisk
    from bkrdsl.diagnostics import Diagnostic
    from bkrdsl.dialect import Dialect
    from bkrdsl.source import Span

#: The directory statement of each kind, and the .bkr keyword of each.
STATEMENT = {Kind.SINGLE: "USER", Kind.IDENTITY: "IDENTITY"}
KIND_OF_STATEMENT = {"USER": Kind.SINGLE, "IDENTITY": Kind.IDENTITY}


def _compiled(model: Model, dialect: Dialect | None) -> tuple[Dialect, Allocation] | None:
    """(the dialect, the allocation) the compile writes the directory entries with;
    None for a file with no cluster, or whose allocation fails (the checks that say
    why, BKR245, BKR317..., ran already). The one preamble of the checks against the
    directory that compare what the compile writes."""
    if model.cluster is None:
        return None
    from bkrdsl.allocation import allocate
    from bkrdsl.dialect import load_dialect

    dialect = dialect or load_dialect()
    allocation = allocate(model, dialect)
    return None if allocation.error is not None else (dialect, allocation)


KIND_DIFFERS = register(
    "BKR510",
    "kind-differs-from-directory",
    "error",
    "a user's kind in the .bkr files is not its kind in the site's CP directory",
    """
    With `--directory FILE`, bkrc reads the site's CP source directory and
    compares each USER and IDENTITY entry in it with the kind the .bkr
    files give that ID: a `single` user, a `single` group's member or
    pattern, or the product's and z/VM's own IDs from the standard library
    (BKRBKUP, MAINT, TCPIP...), or the kind the cluster implies (a shared
    catalog's SFS server is single).

    The two slips it catches are the ones a backup hides until a restore:
    a user declared `single` that the directory makes an IDENTITY is backed
    up by a job pinned to one member, from that member's instance only, so
    the minidisks of its SUBCONFIGs on every other member are never backed
    up; a user declared `identity` that the directory makes a USER is
    backed up once per member, the same minidisks every time, into as many
    histories.

    Failing example: `single group APPS { CICSPRD DB2PRD }` in the .bkr
    file, and `IDENTITY CICSPRD ...` with its `BUILD ON` statements in the
    directory.

    Fix: give the user the directory's kind: move CICSPRD into an
    `identity group` that an `on each member` job backs up. Where one `user`
    statement declares that ID alone, the fix writes the other keyword. If
    the standard library's kind is the one that differs, your directory
    differs from IBM's: copy the module into a site module and change it
    there (docs/stdlib.md). If the standard library gives the directory's
    kind and the site's own `user` statement the other, the help deletes
    that statement (BKR203's help too), no fix. For a group's user, the help
    writes the group's other keyword where the directory gives each user the
    group lists that kind and the group has no `match` pattern, else moves
    the user out of the group, naming one that stays.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

NOT_IN_DIRECTORY = register(
    "BKR511",
    "user-not-in-directory",
    "warning",
    "a user that a group or job names is not in the site's CP directory",
    """
    A group lists user IDs (`single group LINUX { LNXWEB01 LNXWEB02 }`) and
    a job may back a user up by its ID (`backup LNXDB01 full`). With
    `--directory FILE`, each such ID must be a USER or IDENTITY entry of the
    site's directory: one that is not is backed up by nothing, silently
    (Backup Manager finds no minidisks of a user CP does not know), most
    often for a typo or a guest since deleted. A warning, not an error: the
    directory may lag behind, for a guest being added.

    Failing example: `single group LINUX { LNXWEB01 LNXWBE02 }`, where the
    directory has LNXWEB01 and LNXWEB02.

    Fix: correct the ID (the help names the closest IDs of the directory),
    or remove the user.

    z/VM's own ID of a release (MAINT720, 7VMTCP20: an ID one of the
    standard library's release modules declares) that the directory lacks
    is no typo for another release's: that release's IDs were deleted
    after an upgrade (or it was never installed). The help says so, to
    remove it, and names the directory's IDs of other releases that are
    close (MAINT730, MAINT740), for a job to back up if none does; no fix
    is offered (docs/stdlib.md, "Upgrading z/VM").
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

PATTERN_MATCHES_NONE = register(
    "BKR512",
    "pattern-matches-no-directory-user",
    "warning",
    "a group's `match` pattern matches no user of the site's CP directory",
    """
    `match LNXAPP*` in a group backs up every user whose ID it matches,
    which only the directory knows. With `--directory FILE`, a pattern that
    matches no USER or IDENTITY entry of it backs up nothing: a typo
    (`LNXAP*` for `LNXAPP*`), or guests since renamed.

    Failing example: `single group LINUX { match LNXAPQ* }`, where the
    directory's guests are LNXAPP01 and LNXAPP02.

    Fix: correct the pattern, or remove it. Where the directory's IDs of
    the group's kind (USER entries for a `single` group) have a head close
    to the pattern's, the help names that pattern and what it matches:
    `did you mean `match LNXAPP*`? it matches `LNXAPP01` and `LNXAPP02``.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

BUILT_ON_UNKNOWN_MEMBER = register(
    "BKR513",
    "identity-built-on-undeclared-member",
    "error",
    "an IDENTITY that an `on each member` job backs up is built on a member the cluster does not declare",
    """
    An `on each member` job backs an IDENTITY up once per member of the
    cluster, each member's instance with its own SUBCONFIG minidisks. With
    `--directory FILE`, bkrc reads the IDENTITY's `BUILD ON member USING
    SUBCONFIG id` statements: one naming a member the cluster does not
    declare is an instance no job backs up, its minidisks never saved.
    Either the cluster lacks a member, or the directory keeps a member that
    left the cluster.

    Failing example: `identity group SYSIDS { TCPIP }` backed up by `run on
    each member`, in a cluster of VMSYS1 and VMSYS2, and a directory whose
    IDENTITY TCPIP has `BUILD ON VMSYS3 USING SUBCONFIG TCPIP-3` too.

    Fix: declare the member in the cluster (`member VMSYS3 { ... }`), or
    delete the BUILD statement and its SUBCONFIG if the member is gone.

    `bkrc init --directory FILE --member ...` reports it too, at the first
    BUILD statement that names a member no `--member` gives (and writes
    nothing): give that member with `--member` as well (docs/init.md).
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

NOT_BUILT_ON_MEMBER = register(
    "BKR514",
    "identity-not-built-on-member",
    "warning",
    "an IDENTITY that an `on each member` job backs up has no BUILD statement for a member of the cluster",
    """
    An `on each member` job runs on every member of the cluster and backs
    up each IDENTITY of its groups there. With `--directory FILE`, bkrc
    reads each such IDENTITY's `BUILD ON member` statements: an IDENTITY
    not built on a member cannot log on there, so the job's copy on that
    member finds nothing of it. A warning, not an error: nothing is lost,
    and a server may run on some members only; but a BUILD statement may
    also have been lost, and that member's instance with it.

    Failing example: a cluster of VMSYS1 and VMSYS2 whose `run on each
    member` job backs up TCPIP, and a directory whose IDENTITY TCPIP has
    only `BUILD ON VMSYS1 USING SUBCONFIG TCPIP-1`.

    Fix: add the member's BUILD statement and SUBCONFIG entry if the
    IDENTITY should run there; otherwise, nothing to do, or, where every
    IDENTITY the job backs up is built on some members only (BKR221's fix
    without `--directory` writes `run on each member`), the help names the
    job's `run` on those members, which backs them all up.

    `bkrc init --directory FILE --member ...` reports it too, for a member
    given that no IDENTITY of the directory is built on (the file is
    written): check the member's name against SYSTEM CONFIG (docs/init.md).
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)


MINIDISK_NOT_IN_DIRECTORY = register(
    "BKR515",
    "minidisk-not-in-directory",
    "warning",
    "a selection names a minidisk the site's CP directory does not define for that user",
    """
    `include minidisk LNXDB01 0191` backs up LNXDB01's minidisk at virtual
    address 0191, and `include minidisk * 0191` in a job of group LINUX the
    0191 of each user the group lists (bkrc writes one record per user:
    `INCLUDE MINIDISK LNXDB01 = 0191`). With `--directory FILE`, bkrc reads
    each user's MDISK statements, and for an IDENTITY those of the SUBCONFIG
    of each member the job runs on: an address (or a range) that holds none
    of the user's minidisks backs up nothing of it, and an `exclude` with
    its owner written (`exclude minidisk LNXDB01 0192`) excludes nothing,
    most often for a typo or a disk since moved. For an IDENTITY whose
    minidisk is in some SUBCONFIGs only, the include backs it up on those
    members only: bkrc names the members whose SUBCONFIG lacks it. Where
    the include names the user (`include minidisk TCPIP 0198`), that
    instance may have none on purpose: the help gives the allow for the
    include's line, `# bkrc: allow BKR515 REASON` (a pattern's include is
    written for every user, and its allow would cover them all).

    A warning, not an error: the directory may lag behind (a disk being
    added), and nothing the job selected otherwise is lost. An address a
    LINK statement of the user (or of the PROFILE it includes) takes is
    not reported: whether Backup Manager selects a linked disk is not
    known (docs/language.md). An `exclude` whose owner is a pattern (`*`)
    is not compared either: it is written as given, for every owner. Nor is
    a job's exclude that none of the job's includes reaches (BKR413, which
    says that it removes nothing whatever the directory holds). Nor is a
    pattern's include (`*`) that finds none of a user's minidisks where
    another include of the same job names that user by ID (`include
    minidisk DB2PRD 0050`, as `bkrc init` writes for a user whose minidisks
    the `*` line's range leaves out): the job backs the user up by name.

    Failing example: `include minidisk * 0191` in a job of LINUX, where the
    directory's LNXDB01 has `MDISK 0192 ...` and no 0191.

    Fix: correct the address (the help names the user's closest address and
    its minidisks), or the directory. Where no user the job backs up has a
    minidisk at an address of `include minidisk *` (`* 0191 0199`, 0199
    nobody's), the help takes that address out of the line, or deletes
    the line where it is its only one.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

TEMPORARY_DISK_SELECTED = register(
    "BKR516",
    "selection-of-temporary-disk",
    "warning",
    "an include selects V-DISKs or T-DISKs, which hold nothing to back up",
    """
    A directory's `MDISK 0300 FB-512 V-DISK 2097152 MR` is a virtual disk
    in storage (a Linux guest's swap), and `MDISK 0400 3390 T-DISK 10 MR` a
    temporary disk: CP gives each at logon, and its contents are gone at
    logoff. With `--directory FILE`, an include whose address (or range)
    selects such a disk of a user backs up nothing worth restoring there,
    and a restore could not give the disk back anyway. Reported where the
    address or range selects only such disks of a user (the include is not
    doing what it says), and where a range selects one beside the user's
    permanent minidisks and the job's excludes leave it in
    (`include minidisk * 0100-0FFF` over each Linux guest's 0100 and its
    V-DISK at 0300): one warning per address or range, naming each user.
    A pattern's include (`*`) that selects only such disks of a user is not
    reported where another include of the job names that user by ID and the
    job's excludes take those disks out (`bkrc init`'s `include minidisk
    ALOW 0050` and `exclude minidisk * 0300`): the job backs the user up by
    name and leaves the disks out. A warning: nothing is lost. What Backup Manager itself does with a
    V-DISK or T-DISK a range selects is not documented.

    An IDENTITY's minidisk may be a V-DISK on some members and a permanent
    minidisk on the others (its SUBCONFIGs differ). A job on each member has
    one selection and one set of excludes for every member, so an exclude
    of that address would take the permanent ones out too: a pattern's
    include (`include minidisk * 0191`), written for every user, is not
    reported of it (it backs up the permanent minidisks where they are),
    nor is a range that selects it. An include that names the user
    (`include minidisk MIXVD 0191`) is, once, naming the members where it
    finds only the V-DISK or T-DISK: on those the include backs up nothing
    of the user. No fix: allow it on the include's line (`# bkrc: allow
    BKR516 REASON`) where that instance keeps nothing there, or define a
    permanent minidisk in the member's SUBCONFIG.

    Failing example: `include minidisk LNXWEB01 0300` where the directory
    has `MDISK 0300 FB-512 V-DISK 2097152 MR` for LNXWEB01.

    Fix: remove the include (or the address), or select the permanent
    minidisk that was meant; for a range, exclude the temporary disks from
    the job (the fix adds `exclude minidisk * 0300`, or appends 0300 to the
    job's `exclude minidisk *`, where no user the job backs up has a
    permanent minidisk at 0300; else an exclude per user).
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

SUBCONFIG_BUILT_BY_NONE = register(
    "BKR517",
    "subconfig-built-by-none",
    "warning",
    "a SUBCONFIG entry of the site's CP directory that no IDENTITY's BUILD statement names",
    """
    A SUBCONFIG holds an IDENTITY's minidisks on one member, and only a
    `BUILD ON member USING SUBCONFIG id` statement in an IDENTITY entry
    makes an instance of it: one that no BUILD statement names belongs to
    no user. Its minidisks are never backed up by any job, since a job
    backs up users, and an each-member job an IDENTITY's SUBCONFIG
    minidisks through its BUILD statements. Most often a BUILD statement
    was lost (or its IDENTITY deleted and its SUBCONFIGs left behind).

    Where the IDENTITY above the SUBCONFIG is one an `on each member` job
    backs up, or one of the product's machines, and it lacks a member, the
    diagnostic that says so (BKR514, BKR518) names the SUBCONFIG instead.

    Failing example: `SUBCONFIG TCPIP-4` after `IDENTITY TCPIP`, whose
    BUILD statements name TCPIP-1 to TCPIP-3 only, in a cluster of three.

    Fix: add the BUILD statement that names it, or delete the SUBCONFIG
    entry (after saving what its minidisks hold). The help writes the
    statement with the member the IDENTITY has none for (of several, the
    one whose `private-volume` holds the SUBCONFIG's minidisks; of a
    product machine, one the compile writes it for), `BUILD ON VMSYS4
    USING SUBCONFIG MAINT-4`, and says to delete the SUBCONFIG where the
    IDENTITY is built on every member already, as in the failing example.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

MACHINE_NOT_BUILT_ON_MEMBER = register(
    "BKR518",
    "product-machine-not-built-on-member",
    "warning",
    "an IDENTITY product machine the compile writes for a member is not built on it in the site's CP directory",
    """
    `bkrc compile` writes the Backup Manager machines as IDENTITYs with
    one SUBCONFIG per member they run on: BKRBKUP and BKRCATLG on every
    member, worker BKRWRKnn on each member whose `workers` count reaches
    nn, a shared Tape Manager's request node on every member but the
    catalog node's. With `--directory FILE`, bkrc compares these with the
    site's IDENTITY entry of each machine: one that has no `BUILD ON`
    statement for such a member cannot log on there, so that member's
    backup server finds a worker missing, or runs no backup at all, until
    the entries bkrc writes are deployed.

    A warning, not an error: deploying the compile's directory entries
    (docs/deploy.md) adds the BUILD statement, so `bkrc compile
    --directory` must not refuse the change that needs them. A machine
    the directory does not hold at all is not reported (before the first
    deployment the directory has none of them); one the directory defines
    as a USER is BKR510's; an IDENTITY an `on each member` job backs up is
    BKR514's.

    Failing example: `member VMSYS3 { workers 3 ... }`, and a directory
    whose IDENTITY BKRWRK03 is built on VMSYS1 and VMSYS2 only.

    Fix: deploy the compile's directory entries, or lower the member's
    `workers` count to the workers its directory builds.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)


MINIDISK_DIFFERS = register(
    "BKR519",
    "minidisk-differs-from-directory",
    "warning",
    "a product machine's `disk` gives a minidisk another size or place than the site's CP directory does",
    """
    `bkrc compile` writes the Backup Manager machines' MDISK statements from
    the `disk` statements. With `--directory FILE`, bkrc compares them with
    the MDISK statements the site's directory already has for those
    machines (after a first deployment, or where the machines were
    installed by hand): for each address both define, the size (cylinders
    or blocks), the device type, the volume (of an explicit extent, or
    DirMaint's AUTOV) and, where both give one, the first cylinder or
    block. Deploying the compile's entries redefines a minidisk that
    differs, and CP neither moves nor resizes what it holds: a smaller
    minidisk cuts off the end of its file system, a larger one or one
    elsewhere starts unformatted, or over another minidisk's cylinders.
    One diagnostic per `disk` statement, naming every instance it differs
    for (`disk BKRWRK* 191` is every worker's, on every member).

    A warning, not an error: growing or moving a minidisk is a change a
    site makes on purpose, and `bkrc compile --directory` must not refuse
    it; copy the data when deploying (DirMaint's CMDISK, or DDR and
    COPYFILE). A machine the directory does not define, or defines with
    the other kind (BKR510), is not compared, nor a member whose BUILD
    statement it lacks (BKR518). A directory MDISK with `END` for its size
    (to the end of the volume), on `&SYSRES`, or in DirMaint's AUTOG or
    AUTOR form is compared only in what it states.

    Failing example: `disk BKRWRK* 191 size 5 cyl`, and a directory whose
    SUBCONFIG BKRW01-1 has `MDISK 0191 3390 0342 0010 M1PRV1 MR`.

    Fix: give the `disk` statement the directory's size and place
    (`size 10 cyl`), or, if the change is meant, copy the minidisk's
    contents when the entries are deployed. `bkrc check --fix --directory
    FILE` (and the editor's quick fix) rewrites only the words that differ,
    keeping the others as written: the size where every instance has the
    directory's one size (and the unit, for another device type a unit
    writes), `on VOL at START` where the statement places the one instance
    that is elsewhere (a USER's, or one member's of an IDENTITY). None is
    offered where one statement cannot write what the directory has, and
    the help says why: an MDISK the directory does not state in full
    (`END`, `&SYSRES`, DirMaint's AUTOG, AUTOR or AUTOV, a V-DISK, T-DISK or
    DEVNO), sizes that differ between instances, several instances
    elsewhere, a pattern's machines, a volume the cluster does not declare
    for the instance, or a directory extent another user's overlaps there
    (written back, it would be BKR523's error; BKR523's fix moved it off:
    the help then says only to copy the contents).

    Where the directory gives the statement's instances different sizes
    (`BKRWRK01`'s 0191 of 10 cylinders on VMSYS1, every other worker's 5),
    no statement can give each its own: one statement per instance is
    BKR324's error, as a machine's minidisk has one size on every member.
    The help says so, and how to settle on one size: keep the statement's
    and move the instances of another size to minidisks of that size in
    the directory before deploying (DirMaint's CMDISK), which ends the
    warning, or copy their contents after; or write the other size, and do
    the same for the rest.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

MINIDISK_DROPPED = register(
    "BKR520",
    "directory-minidisk-not-in-bkr",
    "error",
    "a product machine's minidisk in the site's CP directory that no `disk` statement gives it",
    """
    `bkrc compile` writes each Backup Manager machine's directory entry
    with the minidisks its `disk` statements give it, and only those. With
    `--directory FILE`, bkrc reads the MDISK statements the site's
    directory already has for those machines: one at an address no `disk`
    statement gives that machine (or, for an IDENTITY, that member's
    instance) is dropped when the compiled entry replaces the directory's,
    and the next DIRECTXA frees its extent, with what it holds: a catalog
    server's file pool, a machine's own files. Nothing in the compiled
    files says so.

    An error: the loss cannot be undone, and the compile writes nothing
    until the .bkr file gives the minidisk or the directory no longer has
    it. A V-DISK, a T-DISK or a DEVNO minidisk dropped is BKR522's warning
    instead: the first two hold nothing after logoff, and a DEVNO's real
    device keeps its data. A machine the directory does not define (nothing is deployed
    yet), or defines with the other kind (BKR510), is not compared, nor a
    member its BUILD statements lack (BKR518). An address every worker has
    is one diagnostic for the worker pattern (`disk BKRWRK* 192 ...`), not
    one per worker: one `disk` statement gives it to them all.

    Failing example: a directory whose `USER BKRSVSFS` has `MDISK 0301 3390
    0540 0300 VMCOM1 MR`, and a .bkr file whose only `disk BKRSVSFS` is
    its 191.

    Fix: add the `disk` statement the help shows (`disk BKRSVSFS 301 size
    300 cyl on VMCOM1 at 540`); if the minidisk is no longer wanted, save
    what it holds and delete its MDISK statement from the directory first.
    `bkrc check --fix --directory FILE` (and the editor's quick fix) adds
    it after the machine's own `disk` statements: for a USER, its extent
    `on VOL at START`; for an IDENTITY, one statement per member's
    instance, each on its SUBCONFIG's volume; for the workers, where the
    directory has every worker's at a fixed extent of its own on a
    private volume of its member, one statement per worker and member,
    `on VOL at START`, as BKR532's fix and `bkrc init --directory` write
    them (`disk BKRWRK01 192 size 5 cyl on M1PRV1 at 610`, ...), else one
    `disk BKRWRK* ...` without a place, where every worker has the
    minidisk on its member's first private volume and DirMaint allocates
    (`autov`; BKR532 then warns of the extents it leaves, without a fix
    where they overlap).
    None is offered where no statement writes the directory's minidisk
    exactly, and the help says why: an MDISK it does not state in full
    (`END`, `&SYSRES`, DirMaint's AUTOG, AUTOR or AUTOV), a device type no
    unit writes, an IDENTITY's own MDISK (one minidisk for every member),
    a volume the cluster does not declare for the instance.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)


DISK_NOT_WRITABLE = register(
    "BKR521",
    "directory-minidisk-no-disk-statement",
    "error",
    "`bkrc init --directory`: a product machine's MDISK that no `disk` statement can give"
    " (DEVNO, END, V-DISK, T-DISK)",
    """
    With `--directory FILE`, `bkrc init` gives each product machine the
    directory already defines (a site that installed Backup Manager by
    hand) a `disk` statement per MDISK, so that the entries `bkrc compile`
    writes keep them: those entries hold the minidisks the `disk`
    statements give, and only those. A `disk` statement gives a minidisk
    of a stated size on a volume (`disk BKRSVSFS 301 size 300 cyl`), and
    some MDISK forms are not that: `DEVNO rdev` (a whole real device), an
    extent to `END` (to the end of the volume, whose size the directory
    does not state), and a `V-DISK` or `T-DISK` (a disk CP gives at each
    logon). The file would leave such a minidisk out, and the compiled
    entry would drop it from the machine (`bkrc check --directory` says so
    only as a warning, BKR522: it loses no data). So `bkrc init` reports each one, at its MDISK
    statement in the directory, and writes nothing (exit 1).

    Failing example: `bkrc init prodssi.bkr --cluster PRODSSI --directory
    USER.DIRECT`, where USER.DIRECT's `USER BKRSVSFS` has `MDISK 0301 3390
    2000 END VMCOM1 MR`.

    Fix: for `END`, write the minidisk's size in its place, the volume's
    cylinders (or blocks) less the start, as `QUERY DASD DETAILS` gives
    them: the same extent, which a `disk` statement gives. For the other
    forms, move the data to a minidisk on a volume (a DEVNO), or have the
    machine define the disk at logon (CP's DEFINE, a V-DISK or T-DISK);
    or give `--directory` a copy without that MDISK statement and add it
    back by hand to the entry you deploy. Then run `bkrc init` again.
    """,
    no_example="a `bkrc init --directory` diagnostic, in the site's CP directory",
)


DEVICE_DROPPED = register(
    "BKR522",
    "directory-device-not-in-bkr",
    "warning",
    "a product machine's DEVNO, V-DISK or T-DISK in the site's CP directory that the compiled entry drops",
    """
    `bkrc compile` writes each Backup Manager machine's directory entry
    with the minidisks its `disk` statements give it, and only those. A
    `disk` statement gives a minidisk of a stated size on a volume, so an
    MDISK of another form the site's directory has for the machine, `DEVNO
    rdev` (a whole real device), a `V-DISK` or a `T-DISK` (a disk CP gives
    at each logon), is dropped when the compiled entry replaces the
    directory's: the machine no longer has that disk at its address, and
    whatever uses it there (a file pool on a dedicated device, a swap or
    work disk) fails at the next logon.

    A warning, not an error like BKR520: nothing is lost for good, as a
    DEVNO's real device keeps its data and a V-DISK or T-DISK holds nothing
    after logoff. An address every worker has is one diagnostic for the
    worker pattern, as for BKR520. `bkrc init --directory` refuses such a
    minidisk instead (BKR521): the file it would write could not say it.

    Failing example: a directory whose `USER BKRSVSFS` has `MDISK 0302 3390
    DEVNO 1A2B MR`, and a .bkr file (whose `disk` statements cannot give a
    DEVNO).

    Fix: no `disk` statement can give it; add the MDISK statement by hand to
    the compiled entry you deploy (as docs/deploy.md says for what the
    site's directory already has), or, for a V-DISK or T-DISK, have the
    machine define it at logon (CP `DEFINE VFB-512`, `DEFINE T3390`) and
    delete its MDISK statement; for a DEVNO no longer wanted, delete it from
    the directory.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)


EXTENT_TAKEN = register(
    "BKR523",
    "directory-extent-in-use",
    "error",
    "a minidisk the compile places on cylinders or blocks another user's minidisk in the site's CP directory has",
    """
    A minidisk with an extent of its own, `disk ... on VOL at START` (or
    every minidisk, with the dialect's `sequential` allocation, where bkrc
    picks the extents), is written into the compiled directory entry at
    those cylinders or blocks. With `--directory FILE`, bkrc compares them
    with the MDISK statements of every other user of the site's directory on
    that volume: the site's own users, z/VM's, and any machine the compile
    does not write. Two minidisks on the same cylinders are the same
    cylinders: once both entries are online, whatever one user writes
    overwrites the other's files, and CP does not stop it.

    An error: the loss cannot be undone, and the compile writes nothing
    until the extents are apart. The product machines' own MDISKs in the
    directory are not compared (the compiled entries replace them: BKR519
    and BKR520 compare those), nor a minidisk whose place DirMaint chooses
    (AUTOV, AUTOG, AUTOR), nor one starting at cylinder or block 0: a
    full-pack minidisk (`0 END`, as MAINT keeps for DDR) overlays the whole
    volume by design, label included.

    Failing example: `disk BKRADMIN 191 size 10 cyl on VMCOM1 at 1440`,
    and a directory whose `USER LNXWEB01` has `MDISK 0200 3390 1400 0100
    VMCOM1 MR` (cylinders 1400-1499).

    Fix: place the minidisk on a free extent: the help gives the machine's
    own extent in the directory where no one else's is (the compiled entry
    replaces the directory's) and the cluster declares its volume for the
    instance, else the first one on that volume that holds it, after every
    extent of the directory and of the compile (`at 1500`), the other
    product machines' own extents in the directory among them (where their
    fixes put them); or let DirMaint place it (leave out `at`, with the
    dialect's `autov`). `bkrc check --fix --directory FILE` (and the
    editor's quick fix) writes that `on VOL at START` where the statement
    places the one instance that must move (a USER's, or the member's an
    IDENTITY's `on` names). A statement that gives an IDENTITY's instances
    on several members (`disk BKRBKUP 191 size 10 cyl`, with `sequential`)
    becomes one statement per member, each `on` that member's private
    volume `at` the start the same rule gives its instance (`disk BKRBKUP
    191 size 10 cyl on M1PRV1 at 322`, then `on M2PRV1 at 322`...), in
    member order, a comment after it kept on the first. The workers'
    pattern (`disk BKRWRK* 191 size 5 cyl`) becomes one statement per
    worker and member it runs on, worker by worker (`disk BKRWRK01 191 size
    5 cyl on M1PRV1 at 342`...): one `on VOL at START` would put a member's
    workers on one extent. The fixes of one check are worked out together:
    each extent one hands out is clear of those the others hand out. With
    `sequential`, the extent a fix frees would be handed out again, from the
    volume's first cylinder or block, to the statements placed after it,
    onto the directory's minidisks there (TCPIP's 191 at cylinder 1): the
    fix also writes `on VOL at START` where those statements place their
    instances now (the help counts them, the fix's title names them), so
    one `check --fix` leaves a file that checks clean. None is offered, and
    the help says why and how much another volume must hold, where the
    directory holds an instance's volume to its end. After the workers'
    fix, a worker a higher `workers` count adds later (`BKRWRK05`) has no
    statement of its own: BKR253 says so, with the one to add.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)


PLACE_NOT_GIVEN = register(
    "BKR532",
    "directory-extent-not-given",
    "warning",
    "a product machine's `disk` gives no place for a minidisk the site's CP directory has at a fixed extent, so the compiled MDISK says AUTOV (DirMaint's allocation)",
    """
    A `disk` statement without `at START` compiles to an MDISK statement
    that says `AUTOV` (with the dialect's default `disk_allocation`):
    DirMaint, loading the entry, allocates the minidisk where it finds free
    space on the volume. With `--directory FILE`, bkrc compares each such
    instance with the product machine's MDISK in the site's directory (a
    first deployment's extents, or a machine installed by hand): where the
    directory has the minidisk at a fixed extent (`MDISK 0191 3390 1440
    0010 VMCOM1`), of the same size and device type and on the same volume,
    the compiled entry asks DirMaint for a new place, and the data on the
    existing cylinders or blocks is no longer the machine's minidisk.
    BKR519 compares a first cylinder or block only where both give one, and
    reports another size, device type or volume: a statement it reports is
    left to it (after its fix, this warning may follow). One diagnostic per
    `disk` statement, naming every instance it leaves to DirMaint (`disk
    BKRWRK* 191` is every worker's, on every member).

    A directory without a DIRMAINT machine (a site that keeps it by hand)
    has no DirMaint to allocate anything: DIRECTXA cannot load `AUTOV` at
    all, which BKR533 says once for the file. This warning is given there
    too, in words true at either site (the compiled entry says `AUTOV`, not
    that DirMaint allocates it): it says which extent the data is on, and
    its fix, writing that extent, mends both for the statement.

    A warning, not an error: whether DirMaint keeps an extent when an entry
    is replaced is DirMaint's (we have not confirmed it), and a site may
    copy the data itself when deploying. With the dialect's `sequential`
    allocation bkrc writes every extent, and BKR519 and BKR523 compare them.
    A machine the directory does not define, or defines with the other
    kind (BKR510), is not compared, nor a member whose BUILD statement it
    lacks (BKR518), nor a directory MDISK DirMaint places itself (AUTOV,
    AUTOG, AUTOR), one to `END`, or one on `&SYSRES`.

    Failing example: `disk BKRADMIN 191 size 10 cyl`, and a directory whose
    `USER BKRADMIN` has `MDISK 0191 3390 1440 0010 VMCOM1 MR`.

    Fix: write the directory's place, `on VOL at START`, as the help shows
    (`disk BKRADMIN 191 size 10 cyl on VMCOM1 at 1440`). `bkrc check --fix
    --directory FILE` (and the editor's quick fix) appends it where the
    statement gives one instance (a USER's, or the member's an IDENTITY's
    `on` names); a statement that gives an IDENTITY's instances on several
    members (`disk BKRBKUP 191 size 10 cyl`) becomes one statement per
    member, each `on` that member's volume `at` its directory extent
    (`disk BKRBKUP 191 size 10 cyl on M1PRV1 at 322`, then `on M2PRV1 at
    322`...), a comment after it kept on the first; the workers' pattern
    (`disk BKRWRK* 191 size 5 cyl`) one statement per worker and member,
    worker by worker, as `bkrc init --directory` writes them (one `on VOL
    at START` would put a member's workers on one extent; a worker a
    higher `workers` count adds later then needs its own, BKR253); a
    statement that places one member's instance (`on M1PRV1 at 322`) gets
    one statement added after it per member's instance it leaves
    allocated. None is offered, and the help says why, where the statement
    gives an instance the directory has no fixed extent for (it would stay
    allocated beside the others' statements), or where a directory extent
    is overlapped by another user's (written, it would be BKR523's error),
    another product machine's in the directory (its data, which its own
    statement may keep), or one the compile writes. Where another user's
    overlaps it, the help does not write the place at all: two users'
    minidisks on the same cylinders are the directory's own slip, for the
    site to settle there first (after which the help writes the place);
    or the place is left to DirMaint and the contents copied.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)


AUTOV_WITHOUT_DIRMAINT = register(
    "BKR533",
    "autov-without-dirmaint",
    "warning",
    "the compiled entries leave minidisks to DirMaint (AUTOV), and the site's CP directory has no DIRMAINT machine",
    """
    A `disk` statement without `at START` compiles, with the dialect's
    default `disk_allocation` (`autov`), to `MDISK 0191 3390 AUTOV 10
    M1PRV1 MR`: DirMaint's automatic allocation, which DirMaint resolves to
    an extent when it adds the entry. CP's own MDISK statement has no such
    operand (z/VM CP Planning and Administration, "MDISK Directory
    Statement": a start and a size or `END`, `DEVNO`, `V-DISK` or
    `T-DISK`), so a site that keeps its source directory by hand and loads
    it with DIRECTXA cannot load these entries: it finds out at DIRECTXA
    time, not when it compiles. With `--directory FILE`, bkrc takes a
    directory with no USER or IDENTITY entry `DIRMAINT` (the machine
    DirMaint runs in: a virtual machine, so a user of the very directory it
    keeps, which `DIRM USER WITHPASS` sends whole) for a site without DirMaint.
    One diagnostic for the file, at the first `disk` statement whose
    minidisk the compile leaves to DirMaint, counting them all.

    A warning, not an error: the file may hold a part of the directory
    only, or the site may run DirMaint under another ID. Not reported: a
    directory with a DIRMAINT entry, the dialect's `sequential`
    allocation (bkrc writes every extent itself), a file whose `disk`
    statements all give `on VOL at START`, a site table whose
    `directory_mdisk_auto` writes none of DirMaint's AUTOG, AUTOR or AUTOV,
    and a check without `--directory`.

    Failing example: `disk BKRBKUP 191 size 10 cyl`, and a directory with
    no `USER DIRMAINT` entry.

    Fix: give each such minidisk its place, `disk BKRBKUP 191 size 10 cyl
    on M1PRV1 at 322` (an IDENTITY's: one statement per member, each `on`
    that member's private volume; the workers': one per worker and member;
    where the directory already has the machine's extent, BKR532's fix
    writes it); or compile with a site dialect table whose
    `disk_allocation` is `sequential`, and bkrc assigns the extents: write the built-in table
    to `site-dialect.toml` (`bkrc dialect > site-dialect.toml`), set
    `[entries.disk_allocation] value = "sequential"` in the copy, and pass
    `--dialect site-dialect.toml` to every `bkrc check` and `bkrc compile`
    (docs/compatibility.md, "Correcting an entry"). With `--directory`,
    BKR523 then reports each extent it assigns over another user's
    minidisk, and its fix moves it (docs/deploy.md, "Without DirMaint").
    `bkrc init --directory` against such a directory writes each `disk`
    statement with its place, free in it (docs/init.md).
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)


LINK_ACCESS_DROPPED = register(
    "BKR534",
    "minidisk-link-access-dropped",
    "warning",
    "deploying the compiled entries drops the link passwords, or changes the link mode, the site's CP directory gives a product machine's minidisk",
    """
    `bkrc compile` writes every minidisk of a product machine with the
    dialect table's `disk_mode` (`MR`) and no link passwords: the .bkr
    language has no place for one, and a generated file is no place for a
    secret (docs/output.md). With `--directory FILE`, bkrc compares each
    minidisk both the compiled entry and the site's entry define (the
    same address of the same machine, on the same member for an IDENTITY)
    for what the MDISK statement says after the volume: the mode, and the
    read, write and multiple passwords.

    A password dropped changes who may link the minidisk once the entry is
    deployed. Without an external security manager (ESM), another user
    links a minidisk only with the password of the mode it asks for, and
    a mode with no password is linked by nobody but the owner and a user
    whose entry says `OPTION LNKNOPAS` (docs/compatibility.md, "Links to
    the minidisks a job backs up"): the site's `LINK BKRSVSFS 191 291 RR`
    with its read password, in an EXEC that updates the file pool
    server's DMSPARMS, fails from the next DIRECTXA on. Another mode
    changes the owner's own link at logon (`RR` becomes `MR`: the owner
    now writes the disk). The passwords themselves are never shown: the
    report says which of them the directory gives.

    One diagnostic for the file, at the first `disk` statement of such a
    minidisk, counting them all, the directory's MDISK statements of the
    first three related. A warning, not an error: a site that links
    through an ESM, or that means to drop the passwords, deploys as is.
    Not compared: a minidisk only one of the two entries defines (BKR520,
    BKR522), a machine the directory lacks or gives the other kind
    (BKR510), and a check without `--directory`.

    Failing example: `disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000`,
    and a directory whose `USER BKRSVSFS` has `MDISK 0191 3390 1000 0020
    VMCOM1 MR RPASS WPASS`.

    Fix: give the compiled MDISK statements their passwords again by hand
    before the entries are loaded (the next compile then reports those
    files as changed by hand: docs/output.md, "Drift"), or set them with
    the directory manager after loading; or give the machines that link
    these minidisks the privilege to (`OPTION LNKNOPAS`, an ESM rule). A
    site table's `disk_mode` sets the mode of every minidisk bkrc writes
    (docs/compatibility.md, "Correcting an entry").
    Either way the site's directory still gives the passwords the
    compiled MDISKs lack, so every check says this again: once it is
    settled, allow it on the line the warning points at, `# bkrc: allow
    BKR534 REASON` (docs/language.md, "Allowing a warning").
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

MINIDISK_SELECTED_BY_NO_JOB = register(
    "BKR535",
    "minidisk-selected-by-no-job",
    "warning",
    "a user a group backs up has a minidisk in the site's CP directory that no job's selection picks",
    """
    Listing a user in a group that a job backs up (`identity group SYSIDS
    { TCPIP FTPSERVE }`, `backup SYSIDS`) backs up only the minidisks the
    jobs' `include minidisk` lines select: TCPIP's 0198, its configuration,
    is copied by no job when every job of the group has `include minidisk *
    0191` alone. With `--directory FILE`, bkrc reads each such user's
    permanent minidisks (an IDENTITY's on each member its group's jobs run
    on) and says, once per user at the group entry that names it (a user a
    `match` pattern covers: at the pattern), the addresses no job selects
    after its excludes: data the site believes is backed up, and is not.
    The jobs' selections are the ones `bkrc show --directory` and `bkrc show
    --user` report ("selected by no job"), worked out by the same code.

    An IDENTITY's address that only some of its SUBCONFIGs define on those
    members is reported too, once, with those members (`0200` only in its
    SUBCONFIGs for VMSYS1 and VMSYS3): an include of it then gives BKR515
    for the others (or BKR516, where they have a V-DISK or T-DISK there),
    so the fix writes that allow on the line above the include. Where it
    looks like a typo in the directory, the help says so first, and no fix
    is offered: it differs in one hex digit from an address the jobs select
    on every member whose SUBCONFIG has it, and each SUBCONFIG that defines
    it lacks that one (`0291` in VMSYS2's SUBCONFIG, `0191` in the others',
    whose include is then BKR515's for VMSYS2). The mend is then the
    directory's MDISK statement, which no fix of bkrc writes; the include
    would back up the typo's address, and name nothing once it is corrected.

    Not reported: a V-DISK or T-DISK (nothing to back up, BKR516); an
    IDENTITY's minidisk defined in its entry itself where a job of the
    group runs on several members (backing it up there is BKR530's error);
    an IDENTITY's address a LINK takes on another member (whether Backup
    Manager copies a linked disk is not known); a minidisk a job that
    backs up the user selects and excludes; one an `exclude` of a job of
    the group (or, for a single-configuration job, of its member block)
    takes out although no include selects it: the file says it is left out
    on purpose. But not where that exclude is the job's own and reaches
    none of its includes (`exclude minidisk DB2A 0200` beside `include
    minidisk * 0191-01FF`): BKR413 says it removes nothing, and deleting
    it, as its help says, would bring this warning back. A user whose entry
    is of the other kind (BKR510) or twice in the directory (BKR503) is not
    judged.

    Failing example: `identity group SYSIDS { TCPIP }`, one job `backup
    SYSIDS` with `include minidisk * 0191`, and a directory whose TCPIP
    SUBCONFIGs hold `MDISK 0191` and `MDISK 0198`.

    Fix: add `include minidisk TCPIP 0198` to the job that backs up its
    group (the fix writes it where one job backs the group up). A minidisk
    left out on purpose (a scratch disk, a copy kept elsewhere) is
    acknowledged where the warning is, on the line of the group's entry,
    with the reason: `# bkrc: allow BKR535 REASON` (docs/language.md,
    "Allowing a warning"). The allow covers that line's users: one whose
    next minidisk should still be said is written on a line of its own.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)


SUBCONFIG_RENAMED = register(
    "BKR529",
    "product-subconfig-named-otherwise",
    "error",
    "a product machine's IDENTITY in the site's CP directory builds a member's instance from a SUBCONFIG the compile names otherwise",
    """
    `bkrc compile` names each instance's SUBCONFIG of a Backup Manager
    machine by the machine's ID and its member's number (`BKRBUP-1` for
    BKRBKUP on the first member, `BKRW01-2` for BKRWRK01 on the second),
    and writes the IDENTITY with `BUILD` statements for those names. With
    `--directory FILE`, bkrc compares them with the BUILD statements of the
    site's IDENTITY of each machine. One that builds a member's instance
    from a SUBCONFIG of another name, as when the product was installed by
    hand, is replaced by an IDENTITY that builds the compile's SUBCONFIG,
    a new entry: the site's SUBCONFIG is then built by no IDENTITY, and the
    instance logs on without its minidisks, the files the machine keeps on
    them (its PROFILE EXEC, its logs, the catalog's file pool) left behind
    on the volume.

    An error, as BKR520 is for a minidisk the compiled entry drops: the
    instance loses its files at its next logon. `BUILD ON *` (one SUBCONFIG
    for every member) is compared the same way: the compile writes one
    SUBCONFIG per member. A machine whose BUILD statements BKR502 could not
    read, or whose named SUBCONFIG the directory does not have (BKR504), is
    left to those.

    Failing example: a directory whose `IDENTITY BKRBKUP` has `BUILD ON
    VMSYS1 USING SUBCONFIG BKRBKU-1`, where the compile writes `BKRBUP-1`.

    The same follows from a member removed or added before others: its
    number is the one a SUBCONFIG's name ends in, so the members after it
    take other names (`BKRBUP-3` becomes `BKRBUP-2` when the second member
    is retired), as the compile's warning on those entries says too
    (docs/deploy.md, "Changing a deployed cluster").

    Fix (preferred): keep the directory's names. A `subconfig` statement in
    each member's block states the name the directory gives that member's
    instance, `subconfig BKRBKUP BKRBKU-1` in the first member's, and the
    compile writes it, in the IDENTITY's BUILD statements and the SUBCONFIG
    entries: the compiled entries replace the site's of the same names, and
    no entry of the live directory is renamed. `bkrc check --fix --directory`
    writes these statements, every machine's at once (not for `BUILD ON *`,
    which has no name per member to keep), in a member block written on one
    line as `bkrc fmt` lays it out: one statement a line where the line would
    pass 80 columns, a name it gives a statement already (`B` to `BKRBKU-1`)
    counted as written. `bkrc init --directory` writes them in the file it
    writes. A name stated so does not follow the member's number: a member
    removed or added before others renames nothing.

    Or, before deploying, rename each of the machine's SUBCONFIGs in the
    directory to the compile's name, its entry and its BUILD statement
    (`BKRBKU-1` to `BKRBUP-1`): the compiled entries then replace them and
    the minidisks stay the instance's, where the `disk` statements give
    their extents (`on VOL at START`; BKR532 says where they do not). The
    help lists the renames in an order that frees each name before it is
    taken (`BKRBUP-3` to `BKRBUP-2`, then `BKRBUP-4` to `BKRBUP-3`), after
    removing a SUBCONFIG no rename frees the name of (a retired member's
    `BKRBUP-2`, whose minidisks go with it). Where each compiled SUBCONFIG
    names the very extents of the one it replaces, the help says so:
    loading the compiled entries and removing the old SUBCONFIGs keeps the
    data too (unless the directory's manager erases the extents it frees,
    which we have not confirmed for DirMaint). Or deploy, copy the files
    from the old minidisks to the new ones, and delete the old SUBCONFIGs.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)


GLOBAL_MINIDISK_PER_MEMBER = register(
    "BKR530",
    "global-minidisk-backed-up-per-member",
    "error",
    "a job that runs on each member backs up a minidisk of an IDENTITY entry itself, one minidisk every member shares",
    """
    An IDENTITY's minidisks are most often in its SUBCONFIGs, one set per
    member on that member's private volumes: a job of IDENTITY users runs
    on each member (BKR221) and each member's copy backs up its own
    member's instance. IBM's "MDISK Directory Statement" says where a
    minidisk is defined decides its scope: a permanent minidisk in a user
    or identity entry is global (one minidisk, that the users on every
    member share), one in a subconfiguration entry is local (its member's
    only). So an MDISK statement in the IDENTITY entry itself, before its
    SUBCONFIGs, is one minidisk every instance has. With `--directory
    FILE`, bkrc finds each such minidisk that an include of a job running
    on several members selects: each member's copy of the job (SYSINC1,
    SYSINC2, ...) backs it up, so the same data is copied once per member
    into as many histories, as a single-configuration user's would be
    (BKR220).

    An error, as BKR220 is. A minidisk on `&SYSRES` is not reported: each
    member resolves it to its own system residence volume, so the
    directory makes it per member. A V-DISK is not taken in an IDENTITY
    entry (BKR502), and a T-DISK holds nothing after logoff (BKR516). A
    minidisk the job excludes (`exclude minidisk TCPIP 0200`) is not
    reported, nor one of an IDENTITY built on one of the job's members
    only.

    Failing example: the directory's `IDENTITY TCPIP` entry holds `MDISK
    0200 3390 3000 50 VMCOM1 MR` before its SUBCONFIGs, and job SYSINC,
    `run on each member`, has `include minidisk TCPIP 0200` (or `*`, or a
    range that reaches 0200).

    Fix: exclude it from the job that runs on each member (`exclude
    minidisk TCPIP 0200`), and back it up once, in a job of its own on one
    member: `backup SYSIDS full`, `include minidisk TCPIP 0200`, `run on
    VMSYS1 ...`. With `--directory`, BKR221 lets a job of IDENTITY users
    run on one member when every include of it selects only such global
    minidisks. Or move the MDISK statement into each SUBCONFIG, one
    minidisk per member, if every instance should have its own. Where the
    include selects only global minidisks (`include minidisk TCPIP 0200`
    beside the job's `include minidisk * 0191`), the help says to move
    that include into the job of its own instead: excluded, it would
    select nothing (BKR415). Where every include of the job does, the
    help says to run the job itself on one member (`run on VMSYS1`).

    An IDENTITY that defines the address again, in its SUBCONFIGs (local)
    or a second time in its entry (a T-DISK, one on `&SYSRES`), gets other
    advice: an exclude takes the address, so it would take the others out
    of the job on each member too, and a job on one member that selects
    them is BKR221. The message says the address is defined both ways, the
    other MDISK statements are shown, and the help says to define it once:
    in the IDENTITY entry (global: back it up once, from one member, as
    above) or in each SUBCONFIG (local: the job on each member backs up
    each instance's own). `bkrc init --directory` refuses such an IDENTITY's
    0191 with the same words. What CP does with both at one address
    (whether DIRECTXA takes the directory, and which one an instance
    gets) is not confirmed (docs/compatibility.md).
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

SUBCONFIG_ID_TAKEN = register(
    "BKR531",
    "subconfig-id-taken-in-directory",
    "error",
    "a SUBCONFIG ID the compile writes for a product machine is another entry's ID in the site's CP directory",
    """
    CP wants every USER, IDENTITY and SUBCONFIG ID of the directory
    distinct. bkrc names the SUBCONFIG of each instance of an IDENTITY
    product machine by the machine's ID and its member's number
    (`BKRBUP-1`, `BKRW03-3`), and BKR242 holds those names against the
    users the .bkr files declare. With `--directory FILE`, bkrc also holds
    them against the site's CP directory: an ID the directory gives a USER
    or IDENTITY entry, or a SUBCONFIG another IDENTITY builds, is taken.
    The compile writes a file of that name (`cluster/BKRW03-3.DIRECT`):
    added, it is a second entry of one ID, which DIRECTXA refuses
    (BKR503 in the merged file); put in the other entry's place, it
    takes that user's minidisks away from it.

    A SUBCONFIG the machine's own IDENTITY in the directory builds, on
    that member or another (BKR529), is the machine's, and not reported.

    Failing example: `member VMSYS3 { workers 3 ... }`, so the compile
    writes SUBCONFIG BKRW03-3 for BKRWRK03's new instance on VMSYS3, where
    the site's directory has `BUILD ON VMSYS3 USING SUBCONFIG BKRW03-3` in
    its own `IDENTITY TCPIP` entry.

    Fix: name the machine's SUBCONFIG on that member otherwise, with a
    `subconfig` statement in the member's block (`subconfig BKRWRK03
    BKR03-3`, as BKR529 keeps a directory's names): the compile writes that
    name, and no entry of the live directory changes. The help writes one
    the directory and the file do not use, and `bkrc check --fix
    --directory` writes the statement. Or, before deploying, rename the
    site's SUBCONFIG (its BUILD statement too; the help names bkrc's own
    name for it, `TCPIP-3`, where that is free), or give the machine
    another ID in the .bkr file, its `role` declaration, whose SUBCONFIG
    names then differ: the first characters of the ID and its last two
    make the name (BKR242).
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

MEMBER_MISSPELLED = register(
    "BKR528",
    "member-named-otherwise-in-directory",
    "error",
    "a member the cluster declares is built on by no IDENTITY of the site's CP directory, which builds on a member of a close name the cluster does not declare",
    """
    Every IDENTITY of an SSI cluster's directory is built on its members by
    name (`BUILD ON VMSYS4 USING SUBCONFIG ...`), and the EXECs bkrc writes
    for a member ask CP which member they run on and refuse to run
    anywhere else. With `--directory FILE`, a member the .bkr file
    declares that no BUILD statement of the directory names, while the
    directory builds on a member of a close name the file does not
    declare, is most likely misspelt: its EXECs would refuse to run on the
    real member, so no backup runs there, and every IDENTITY would seem to
    lack an instance.

    One error at the member's declaration says it, in place of what the
    misspelling would say at every IDENTITY (BKR513 for the directory's
    member, BKR514 and BKR518 for the file's). A member no BUILD statement
    names and no undeclared member is close to (a member added before its
    directory entries are deployed) is left to BKR514 and BKR518.

    Failing example: `member VMSSY4 { ... }`, and a directory whose
    IDENTITY entries are built on VMSYS1 to VMSYS4.

    Fix: write the member's name as the directory has it, in its `member`
    block and wherever the file names it (`run on`, `expire on`, `catalog
    ... on`).
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)


ENTRY_STATEMENTS_DROPPED = register(
    "BKR524",
    "directory-entry-statements-dropped",
    "warning",
    "deploying a product machine's compiled entry drops or lowers what the site's CP directory gives it besides minidisks",
    """
    `bkrc compile` writes each Backup Manager machine's whole directory
    entry: the USER or IDENTITY statement with the dialect table's password,
    storage, maximum storage and privilege classes, the table's statements
    for the machine's role (IPL, MACHINE, LOGONBY, OPTION, CONSOLE, SPOOL,
    LINK...), and the minidisks of the `disk` statements. Deploying it
    replaces the entry the site's directory has (docs/deploy.md). With
    `--directory FILE`, bkrc compares the rest of that entry with the
    compiled one (an IDENTITY's SUBCONFIGs and the PROFILE it INCLUDEs
    count as the entry) and names what replacing it loses, from the
    machine's next logon: a larger storage or maximum storage (the USER
    statement's, or `STORAGE`, `MAXSTORAGE`), a privilege class (CP refuses
    the commands of that class), an OPTION or another value of one
    (`OPTION MAXCONN 5000`), an IPL of another system or with PARM words
    the compiled one lacks (`IPL 190` is `IPL CMS`), another MACHINE mode
    or CPU limit, a LINK (a tools disk an exit of the site reads at its
    address), a NAMESAVE, a LOGONBY user, a CONSOLE, SPOOL, DEDICATE,
    SPECIAL or NICDEF device at an address (`009` and `0009` are one), and
    any other statement (SHARE, IUCV, CPU, COMMAND...). Each is related at
    its line of the directory, with what it means on z/VM.

    A warning, not an error: nothing on disk is lost (the minidisks are
    BKR519's and BKR520's), and a smaller storage or a dropped OPTION may be
    the change the site wants; but what runs in the machine may fail from
    its next logon, so bkrc says so before the entry is deployed. What the
    compiled entry adds or raises is not reported: it is the table's, and
    docs/deploy.md says what it holds; but who may log on to the machine,
    and what CP lets it do, is BKR526's: the password operand's form, and a
    LOGONBY user or a privilege class the compiled entry adds (one it drops
    is named here). Machines are compared as BKR519 compares them: one
    the directory does not define (nothing deployed yet), or defines with
    the other kind (BKR510), is not; the workers whose entries lose the
    same things are one diagnostic. It points at the place the cluster
    names the machine: the catalog's SFS server or a Tape Manager node by
    its name, else the machine's first `disk` statement.

    Failing example: a directory whose `IDENTITY BKRBKUP` has `LINK
    BKRTOOLS 0191 0391 RR`, a tools disk an exit of the site reads, which
    the dialect table's backup-server statements do not have.

    Fix: a LINK is kept by a `link` statement in the cluster block,
    which the compile writes in the machine's entry after the dialect
    table's statements: for the example, `link BKRBKUP BKRTOOLS 0191 as
    0391 RR` (the workers' by their pattern, `link BKRWRK* ...`); the help
    writes the statement for each LINK lost. The rest the dialect table
    gives, by role: copy the built-in table, write the values the help
    names in the machine's `[machines.ROLE]` (`storage = "1G"`, `classes =
    "BGE"`, the statements added to `statements`, each in place of the one
    it replaces, a new control statement before the first device
    statement, as CP wants them and the table holds them, BKR601), and
    check and compile with `--dialect`: a role's values are every
    machine's of that role (every worker's). Or, if what is lost is no
    longer wanted, deploy as is. No fix is offered: the statement
    goes where the file's other `link` statements are, and the table is
    not a .bkr file.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)

ENTRY_LOGON_CHANGED = register(
    "BKR526",
    "directory-entry-logon-changed",
    "warning",
    "deploying a product machine's compiled entry changes who may log on to it or what CP lets it do: its password form, a LOGONBY user or a privilege class it adds",
    """
    The compiled entry of a Backup Manager machine has the dialect table's
    password operand, privilege classes and statements for its role: by
    default `LBYONLY` with `LOGONBY MAINT` (docs/compatibility.md, Logging
    on to the machines). Deploying it replaces the entry the site's
    directory has. With `--directory FILE`, bkrc compares what that entry
    says about who may log on to the machine, and what CP lets it do, with
    the compiled one, and names what deploying changes, for a security
    review before the entry is deployed: the password operand's form
    (`AUTOONLY`: XAUTOLOG only; `LBYONLY`: LOGON BY or XAUTOLOG only;
    `NOLOG`, `NOPASS`, or a password of the machine's own, which bkrc never
    shows: it says "a password of its own"), a user the compiled entry's
    `LOGONBY` names and the site's does not (that user may log on to the
    machine with its own password, `LOGON SFSPOOL1 BY MAINT`; not named
    where the compiled form is `AUTOONLY` or `NOLOG`, which take no LOGON
    BY), and a privilege class the compiled entry gives and the site's
    does not (CP lets it use that class's commands). What the site's entry
    has and the compiled one lacks, a LOGONBY user or a class, is BKR524's,
    as are a changed MACHINE, OPTION or ACCOUNT statement: each is named
    once. The help says why the table writes what it writes, where
    docs/compatibility.md says so (a Tape Manager machine's class B: to
    attach tape drives), and how to keep the site's value; where all of
    that would pass the width a diagnostic's line is shown in, how to keep
    the site's value comes first, each role named once (`[machines.ROLE]`
    for ROLE worker, catalog-sfs-server), and the why is left to
    docs/compatibility.md.

    A warning, not an error: the table's values are the product's defaults,
    and the change may be the one the site wants; but a machine that holds
    the site's data (the catalog's SFS server, the tape catalog) then takes
    logons it did not take, or loses its own password, so bkrc says so
    before the entry is deployed. The site's entry counts as BKR524 reads
    it (an IDENTITY's SUBCONFIGs and the PROFILE it INCLUDEs); machines are
    compared as BKR519 compares them. The machines whose entries change
    alike are one diagnostic, whatever their roles: the table's logon
    policy is every role's, and a site whose product machines were
    installed `AUTOONLY` would otherwise get one warning per machine. It
    points at the place the cluster names the first (the catalog's SFS
    server or a Tape Manager node by its name, else its first `disk`
    statement), each machine's USER or IDENTITY statement (its password
    masked), or its LOGONBY or CLASS statement, related with what changes.

    Failing example: a directory whose `USER SFSPOOL1 AUTOONLY 64M 128M BG`
    is the catalog's SFS server: the compiled `USER SFSPOOL1 LBYONLY ...`
    with `LOGONBY MAINT` lets whoever holds MAINT's password log on to it.

    Fix: the .bkr language gives a machine no directory statements of its
    own; the dialect table does, by role. To keep the site's value, copy
    the built-in table and write it in the machine's `[machines.ROLE]`
    (`password = "AUTOONLY"`, `classes = "G"`, the LOGONBY statement out
    of `statements` or naming the site's own IDs), and check and compile
    with `--dialect`: a role's values are every machine's of that role.
    `NOLOG` cannot be kept for a machine BKRSTART starts (the table refuses
    it: CP would log it on in no way). A password of the machine's own is
    not kept in the table (bkrc keeps none it reads): give it again after
    deploying. Or, once reviewed, deploy as is.
    """,
    no_example="needs the site's CP directory beside the .bkr file",
)


class KindSource(NamedTuple):
    """Where the .bkr files give a user its kind, and how to say so."""

    kind: Kind
    span: Span  # the user's ID where it is declared, the pattern, or the name that implies the kind
    what: str  # "declared single (group APPS)"
    fix: Span | None  # the keyword to rewrite, where one statement declares that user alone
    std: str | None = None  # the standard-library module that declares it too ("std/zvm-common")
    group: tuple[str, Span] | None = None  # ("group APPS", its `single` keyword): a site group's entry
    std_other: str | None = None  # the standard-library module that gives it the other kind, the directory's


PROFILE_NOT_IN_DIRECTORY = register(
    "BKR525",
    "included-profile-not-in-directory",
    "warning",
    "a product machine's compiled entry INCLUDEs a directory profile the site's CP directory does not define",
    """
    The dialect table's `statements` for a role go into the entry of every
    product machine of that role, and a site table may add an `INCLUDE` of
    a directory profile to them (`INCLUDE IBMDFLT`): the entry then takes
    the control statements of the directory's `PROFILE` entry of that name.
    With `--directory FILE`, bkrc looks for that profile in the site's
    directory. When the directory defines no `PROFILE` of that name, and
    none of its own entries `INCLUDE`s one (so the file is not merely a
    part of the directory that leaves it out), the compiled entry names a
    profile that is not there: what the table expects it to bring is
    missing, and the entry cannot be deployed as written. Where the role's
    statements hold no `IPL` of their own, bkrc accepted the `INCLUDE` for
    one (a machine BKRSTART starts needs an IPL statement), and the message
    says so: without it the machine would log on and never run its
    PROFILE EXEC.

    A warning, like BKR511 for a user the directory lacks: the profile may
    be one the site adds before it deploys the entries. One diagnostic per
    role and profile, at the place the cluster names the role's first
    machine (the catalog's SFS server or a Tape Manager node by its name,
    else the machine's first `disk` statement).

    Failing example: a site table whose `[machines.worker]` statements begin
    with `INCLUDE BKRPROF`, checked against a directory whose only profile
    is `PROFILE IBMDFLT`.

    Fix: define the profile in the site's directory before the entries are
    deployed, or name a profile it has in the site table's `statements`
    (`--dialect`).
    """,
    no_example="needs the site's CP directory and a site dialect table beside the .bkr file",
)


def directory_checks(model: Model, directory: Directory, dialect: Dialect | None = None) -> list[Diagnostic]:
    """Every check of the model against a directory that could be read, in order.
    `dialect` is the table the compile writes the machines' minidisks from (default: the release's)."""
    if not directory.readable:
        return []
    out: list[Diagnostic] = []
    out.extend(kinds_differ(model, directory))
    out.extend(users_missing(model, directory))
    out.extend(patterns_matching_none(model, directory))
    misspelt = members_misspelt(model, directory)  # the file's member -> the directory's
    out.extend(_misspelt(model, misspelt))
    lacking: set[str] = set()  # the IDENTITYs BKR514 or BKR518 says a member is missing of
    out.extend(identity_builds(model, directory, lacking, misspelt))
    out.extend(machine_builds(model, directory, lacking, misspelt))
    out.extend(subconfigs_named_otherwise(model, directory, lacking, dialect))
    out.extend(subconfig_ids_taken(model, directory))
    out.extend(selected_minidisks(model, directory))
    out.extend(global_minidisks_per_member(model, directory))
    out.extend(minidisks_selected_by_no_job(model, directory))
    out.extend(subconfigs_built_by_none(directory, lacking, model))
    overlapping = list(extents_in_use(model, directory, dialect))
    # A statement whose extent is another user's: BKR523's error says it (its help
    # the directory's own extent where it is free), not BKR519's warning as well.
    out.extend(machine_minidisks(model, directory, dialect, skip={d.span for d in overlapping}))
    out.extend(overlapping)
    out.extend(entry_statements(model, directory, dialect))
    out.extend(entry_logon(model, directory, dialect))
    out.extend(included_profiles(model, directory, dialect))
    out.extend(autov_without_dirmaint(model, directory, dialect))
    out.extend(link_access(model, directory, dialect))
    return out


def kind_source(model: Model, user_id: str) -> KindSource | None:
    """How the .bkr files give `user_id` its kind: an explicit declaration, the
    first pattern that matches it, or the cluster's place for it (`Model.kind_of`)."""
    # The site's own declaration before the standard library's: the one the site can change.
    defs = model.user_defs_of(user_id)
    user = next((u for u in defs if not u.module.startswith("std/")), defs[0] if defs else None)
    if user is not None:
        fixable = user.id in model.declared_alone and not user.module.startswith("std/")
        what = f"declared {user.kind.value} ({_origin(user.origin, user.module)})"
        # The standard library is named only where it gives the kind the site's file does: where
        # it gives the other (the directory's), the site's own declaration is the one to change.
        std = next(
            (u.module.removesuffix(".bkr") for u in defs if u.module.startswith("std/") and u.kind is user.kind), None
        )
        group = (user.origin, user.kind_span) if user.origin.startswith("group ") and std is None else None
        if group is not None and user.module.startswith("std/"):
            group = None
        other = next(
            (u.module.removesuffix(".bkr") for u in defs if u.module.startswith("std/") and u.kind is not user.kind), None
        )
        return KindSource(user.kind, user.span, what, user.kind_span if fixable else None, std, group, other)
    pattern = model.pattern_for(user_id)
    if pattern is not None:
        std = pattern.module.removesuffix(".bkr") if pattern.module.startswith("std/") else None
        return KindSource(
            pattern.kind,
            pattern.span,
            f"{pattern.kind.value} through pattern `{pattern.pattern}` ({_origin(pattern.origin, pattern.module)})",
            None,
            std,
        )
    implied = model.implied_kind(user_id)
    if implied is None:
        return None
    span = next((s for name, s in _named_machines(model) if name == user_id), None)
    if span is None:  # pragma: no cover - implied_kind names only these machines
        return None
    return KindSource(implied, span, f"{implied.value} as the cluster names it here", None)


def _named_machines(model: Model) -> Iterator[tuple[str, Span]]:
    """The machines the cluster names without declaring them: the catalog's SFS server
    and the Tape Manager's nodes (`Model.implied_kind`)."""
    for c in model.catalogs[:1]:
        if c.server is not None and c.server_span is not None:
            yield c.server, c.server_span
    for t in model.tapes[:1]:
        yield from t.machines()


def _origin(origin: str, module: str) -> str:
    where = module if module.startswith("std/") else ""
    said = "a `user` statement" if origin == "user" else origin
    return f"{said} of {where.removesuffix('.bkr')}" if where else said


def kinds_differ(model: Model, directory: Directory) -> Iterator[Diagnostic]:
    """BKR510: each USER or IDENTITY entry whose ID the .bkr files give the other kind."""
    declared = _declared_once(model)
    for entry in directory.entries:
        actual = KIND_OF_STATEMENT.get(entry.kind)
        if actual is None or entry.id in directory.twice:  # which of its entries is meant: BKR503's
            continue
        if declared.get(entry.id) is actual:  # `kind_source`'s kind, without the rest of it
            continue
        source = kind_source(model, entry.id)
        if source is None or source.kind is actual:
            continue
        word = actual.value
        fix = None
        if source.fix is not None and source.std_other is None:  # else the statement goes (BKR203's help)
            fix = Fix.replace(f"Write `{word}`", source.fix, word)
        yield KIND_DIFFERS(
            f"{quoted(entry.id)} is {source.what}, but the site's directory defines it with {_a(entry.kind)}"
            f" entry: {_consequence(entry.id, actual)}",
            source.span,
            label=f"{source.kind.value} here",
            help=_kind_help(entry.id, source, actual, model, directory),
            related=(Related(entry.statement, f"{entry.kind} {quoted(entry.id)} in the directory"),),
            fix=fix,
        )


def _declared_once(model: Model) -> dict[str, Kind]:
    """The kind of each ID one `user` statement or group entry declares: the kind
    `kind_source` gives it, looked up for each of a directory's thousands of users
    (an ID declared twice is left out: which declaration counts is `kind_source`'s)."""
    out: dict[str, Kind] = {}
    for lst in model.user_lists:
        out.update(dict.fromkeys(lst.ids, lst.kind))
    for user_id in model.repeated_ids:
        out.pop(user_id, None)
    return out


def _a(statement: str) -> str:
    return "an IDENTITY" if statement == "IDENTITY" else f"a {statement}"


def _consequence(user_id: str, actual: Kind) -> str:
    if actual is Kind.IDENTITY:
        return f"a job on one member backs up that member's instance only, and {quoted(user_id)}'s minidisks on the others never"
    return "a job on each member backs up its one set of minidisks once per member, into as many histories"


def _kind_help(user_id: str, source: KindSource, actual: Kind, model: Model, directory: Directory) -> str:
    if source.std is not None:
        return (
            f"your directory differs from IBM's for {quoted(user_id)}: copy {source.std} into a site module,"
            f" import that instead, and declare {quoted(user_id)} `{actual.value}` there (docs/stdlib.md)"
        )
    if source.std_other is not None and source.group is None:  # the site's `user` statement, BKR203's too
        what = (
            f"delete `{source.kind.value} user {user_id}`"
            if source.fix is not None
            else f"take {quoted(user_id)} out of the `{source.kind.value} user` statement"
        )
        return (
            f"{what} (line {source.span.line}): {source.std_other} declares {quoted(user_id)}"
            f" `{actual.value}` already, as the directory defines it"
        )
    if source.fix is not None:
        return f"write `{actual.value} user {user_id}`, as the directory defines it"
    if source.group is not None:
        return _group_kind_help(user_id, source.group, actual, model, directory)
    return f"declare {quoted(user_id)} `{actual.value}`, as the directory defines it, in a group or statement of that kind"


def _group_kind_help(user_id: str, group: tuple[str, Span], actual: Kind, model: Model, directory: Directory) -> str:
    """BKR510's help at a site group's entry: the group's keyword rewritten where the
    directory gives each user it lists the other kind and it has no `match` pattern,
    else the user moved out of it, with the first entry the directory keeps."""
    origin, keyword = group
    statement = "IDENTITY" if actual is Kind.IDENTITY else "USER"
    ids = [i for lst in model.user_lists if lst.origin == origin and lst.kind_span == keyword for i in lst.ids]
    others = [i for i in ids if KIND_OF_STATEMENT.get(getattr(directory.entry(i), "kind", "")) is not actual]
    patterns = any(p.origin == origin and p.kind_span == keyword for p in model.pattern_defs)
    if not others and not patterns:
        return f"write `{actual.value} {origin}` (line {keyword.line}): each of its users is {_a(statement)} entry in the directory"
    why = f": {quoted(others[0])} is not {_a(statement)} entry in the directory" if others else ""
    return f"move {quoted(user_id)} out of {origin} (line {keyword.line}) into an `{actual.value} group`{why}"


def users_missing(model: Model, directory: Directory) -> Iterator[Diagnostic]:
    """BKR511: the IDs a group lists, or a job backs up by name, that the directory lacks."""
    suggest = Suggester()
    known = directory.user_ids  # sorted; the closest are found among them in any order
    by_id = directory.by_id
    for lst in model.user_lists:
        if not lst.origin.startswith("group "):
            continue
        for k, user_id in enumerate(lst.ids):  # upper case, as the directory's
            entry = by_id.get(user_id)
            if entry is None or entry.kind == "SUBCONFIG":
                user = lst.defs[k]
                yield _missing(model, directory, user.id, user.span, lst.origin, suggest, known)
    for job in model.jobs:
        for ref in job.refs:
            if ref.group is None and ref.resolved and _absent(directory, ref.word.upper):
                yield _missing(
                    model, directory, ref.word.upper, ref.word.span, f"job {quoted(job.name)}", suggest, known
                )


def _absent(directory: Directory, user_id: str) -> bool:
    entry = directory.entry(user_id)
    return entry is None or entry.kind == "SUBCONFIG"


def _missing(model, directory, user_id, span, where, suggest, known) -> Diagnostic:
    entry = directory.entry(user_id)
    if entry is not None:  # a SUBCONFIG: part of an IDENTITY's entry, never a user
        what = f"{quoted(user_id)} is a SUBCONFIG of the site's directory, not a user"
        related = (Related(entry.statement, f"SUBCONFIG {quoted(user_id)} here"),)
    else:
        what = f"{quoted(user_id)} is not in the site's directory ({directory.name})"
        related = ()
    closest = [c for c in suggest.closest(user_id, known, directory.closest_users) if c != user_id]
    unused = [c for c in closest if model.user(c) is None]
    release = release_id(user_id) if entry is None else None
    if release is not None:
        # MAINT720 after an upgrade: not a slip for MAINT730, but a release the site deleted
        return NOT_IN_DIRECTORY(
            f"{what}: {where} backs it up, and Backup Manager finds nothing of it",
            span,
            help=_release_gone_help(release, where, [c for c in closest if release_id(c) is not None]),
            related=related,
        )
    return NOT_IN_DIRECTORY(
        f"{what}: {where} backs it up, and Backup Manager finds nothing of it",
        span,
        help=mean_help(closest, f"correct the ID, or remove {quoted(user_id)} if the guest is gone"),
        related=related,
        fix=mean_fix(unused, span) if unused == closest else None,
    )


def _release_gone_help(release: ReleaseID, where: str, counterparts: list[str]) -> str:
    """BKR511's help for z/VM's own ID of a release (`resolve.releases`) the directory
    lacks: that release's IDs deleted after an upgrade (or it was never installed), so
    the ID goes; the directory's IDs of other releases in its place (`MAINT740` for
    `MAINT720`), where some are, which the site backs up if its jobs do not yet."""
    there = f"; the directory has the other releases' {listed(counterparts)}, for a job to back up if none does" if counterparts else ""
    return (
        f"{quoted(release.id)} is z/VM {release.release}'s own ID ({release.module}), deleted from the directory"
        f" after an upgrade or never installed: remove it from {where}{there}"
    )


def patterns_matching_none(model: Model, directory: Directory) -> Iterator[Diagnostic]:
    """BKR512: each group's `match` pattern that no USER or IDENTITY entry matches."""
    heads: dict[tuple[str, int], set[str]] = {}  # BKR512's helps: the IDs' heads, by kind and length, once each
    for pattern in model.pattern_defs:
        if not pattern.origin.startswith("group "):
            continue
        if not directory.users_named((pattern.pattern,)):
            yield PATTERN_MATCHES_NONE(
                f"pattern `{pattern.pattern}` of {pattern.origin} matches no user of the site's"
                f" directory ({directory.name}): it backs up nothing",
                pattern.span,
                help=_pattern_help(directory, pattern, heads),
            )


def _pattern_help(directory: Directory, pattern, known: dict | None = None) -> str:
    """BKR512's help: the pattern of the directory's IDs of the group's kind whose head
    is closest to the pattern's (`LNXAPQ*`: `LNXAPP*`, matching LNXAPP01 and LNXAPP02),
    with what it matches, where one is; else the pattern removed. The help said
    "correct the pattern", to no pattern (stop 82)."""
    head, star, tail = pattern.pattern.partition("*")
    remove = f"remove `match {pattern.pattern}` (line {pattern.span.line}) if those guests are gone"
    if not star or tail or not head or any(c in head for c in "?%"):
        return f"correct the pattern, or {remove}"
    kind = "USER" if pattern.kind is Kind.SINGLE else "IDENTITY"
    known = {} if known is None else known
    heads = known.get((kind, len(head)))
    if heads is None:
        heads = known[kind, len(head)] = {
            e.id[: len(head)] for e in directory.entries if e.kind == kind and len(e.id) > len(head)
        }
    close = Suggester().closest(head, heads)
    if len(close) != 1:
        return f"correct the pattern, or {remove}"
    meant = f"{close[0]}*"
    matched = [e.id for e in directory.users_named((meant,)) if e.kind == kind]
    return (
        f"did you mean `match {meant}`? it matches {listed(matched, 4)} in the directory"
        f" ({kind} entries); otherwise {remove}"
    )


def members_misspelt(model: Model, directory: Directory) -> dict[str, str]:
    """Each member the cluster declares that no BUILD statement of the directory
    names, where the directory builds on a close member the cluster does not
    declare: the file's name -> the directory's (BKR528)."""
    if model.cluster is None:
        return {}
    built = directory.built_members
    undeclared = sorted(built - set(model.member_names))
    suggest = Suggester()
    out: dict[str, str] = {}
    for name in model.member_names:
        if name in built or not undeclared:
            continue
        close = [c for c in suggest.closest(name, undeclared) if c not in out.values()]
        if len(close) == 1:
            out[name] = close[0]
    return out


def _misspelt(model: Model, misspelt: dict[str, str]) -> Iterator[Diagnostic]:
    for name, real in misspelt.items():
        member = model.member(name)
        yield MEMBER_MISSPELLED(
            f"member {quoted(name)} is built on by no IDENTITY of the site's directory, which builds on"
            f" {quoted(real)}, a member cluster {quoted(model.name)} does not declare: the EXECs for"
            f" {quoted(name)} would refuse to run on {quoted(real)}",
            member.decl.name.span,
            help=f"did you mean {quoted(real)}? write it in `member {name}` and wherever the file names"
            f" {quoted(name)}; if {quoted(name)} is another member, add BUILD statements for it to the"
            f" directory, and, if {quoted(real)} left the cluster, delete those that name {quoted(real)}",
        )


def identity_builds(
    model: Model, directory: Directory, lacking: set[str], misspelt: dict[str, str] | None = None
) -> Iterator[Diagnostic]:
    """BKR513 and BKR514: each IDENTITY an `on each member` job backs up, against
    the members its BUILD statements name. Its users are the job's IDs and the
    directory's IDENTITY entries its patterns match (only the directory knows those).
    Each IDENTITY said to lack a member is added to `lacking`; BKR518 and BKR517
    leave it to this one diagnostic."""
    if model.cluster is None:
        return
    members = model.member_names
    seen: set[str] = set()
    for job in model.jobs:
        if not job.each_member:
            continue
        for entry in _identities_of(model, job, directory):
            if entry.id in seen:
                continue
            seen.add(entry.id)
            yield from _builds_against(model, directory, job, entry, members, lacking, misspelt or {})


def _identities_of(model: Model, job, directory: Directory) -> Iterator[Entry]:
    patterns = [p for ref in job.refs if ref.group is not None for p in ref.group.patterns]
    named = set(model.job_user_ids(job)) | {ref.word.upper for ref in job.refs if ref.group is None}
    named.update(e.id for e in directory.users_named(patterns))
    for entry in directory.in_order(named):
        if entry.kind == "IDENTITY":
            yield entry


def _builds_against(
    model: Model,
    directory: Directory,
    job,
    entry: Entry,
    members: tuple[str, ...],
    lacking: set[str],
    misspelt: dict[str, str],
) -> Iterator[Diagnostic]:
    built = {b.member for b in entry.builds}
    if "*" in built:  # built on whatever system reads the directory
        return
    cluster = model.cluster
    run = job.run.span if job.run is not None else job.decl.name.span
    meant = set(misspelt.values())  # BKR528 says those, at the file's member
    for build in entry.builds:
        if build.member not in members and build.member not in meant:
            yield BUILT_ON_UNKNOWN_MEMBER(
                f"IDENTITY {quoted(entry.id)} is built on {quoted(build.member)}, which cluster"
                f" {quoted(model.name)} does not declare: job {quoted(job.name)} runs on each member of"
                f" {quoted(model.name)}, so {quoted(entry.id)}'s instance on {quoted(build.member)} and its"
                f" SUBCONFIG {quoted(build.subconfig)} are never backed up",
                build.span,
                help=f"declare `member {build.member}` in cluster {quoted(model.name)} if it is one of its members;"
                " if the member left the cluster, delete this BUILD statement and its SUBCONFIG",
                related=(
                    Related(run, f"job {quoted(job.name)} runs on each member here"),
                    Related(cluster.name.span, f"cluster {quoted(model.name)}'s members: {listed(members, len(members))}"),
                ),
            )
    if entry.builds_unread:  # BKR502 said a BUILD statement of it: which members it names is not known
        lacking.add(entry.id)
        return
    missing = [m for m in members if m not in built and m not in misspelt]
    if missing:
        where = model.member(missing[0]).decl.name.span
        names = listed(missing, len(missing))
        unbuilt = _unbuilt_after(directory, entry)
        lacking.add(entry.id)
        yield NOT_BUILT_ON_MEMBER(
            f"IDENTITY {quoted(entry.id)} has no BUILD statement for {names}: job {quoted(job.name)} runs"
            f" there too, and finds nothing of {quoted(entry.id)} ({_builds_said(entry)})",
            entry.span,
            help=_add_build_help(missing[0], unbuilt)
            + f" if {quoted(entry.id)} runs on {names}; if it does not, nothing is lost"
            + _run_where_built(model, directory, job),
            related=(
                Related(where, f"member {quoted(missing[0])} declared here"),
                Related(run, f"job {quoted(job.name)} runs on each member here"),
                *_unbuilt_related(unbuilt),
            ),
        )


def _run_where_built(model: Model, directory: Directory, job) -> str:
    """BKR514's word on the other way: where the directory builds every IDENTITY user
    of the job on some members only (`check.jobs.built_members`), the job's `run` on
    those members, BKR221's fix with the directory (a `bkrc check --fix` run without
    it writes `run on each member`, the usual slip's fix, which the directory then
    shows looks for them where they are not)."""
    from bkrdsl.check.jobs import built_members  # jobs imports this module inside its checks

    built = built_members(model, directory=directory, job=job)
    if built is None or job.run is None:
        return ""
    return f", and `run on {', '.join(built)}` (line {job.run.span.line}) runs job {quoted(job.name)} only where its users are built"


def _unbuilt_after(directory: Directory, entry: Entry) -> list[Entry]:
    """The SUBCONFIG entries after IDENTITY `entry` that no BUILD statement names
    (BKR517's, said by the diagnostic about `entry`'s missing member instead)."""
    return directory.unbuilt_after(entry)


def _add_build_help(member: str, unbuilt: list[Entry], compiled: str | None = None, taken: tuple[str, str] | None = None) -> str:
    """`compiled`: the SUBCONFIG ID the compile writes for the machine on `member`,
    the name to give the one added (a product machine's, BKR518); `taken`: (the
    machine, a free name) where that ID is another entry's (BKR531's), the name then
    given with BKR531's `subconfig` statement (stop 83: it said `SUBCONFIG id`)."""
    if len(unbuilt) == 1:
        return f"add `BUILD ON {member} USING SUBCONFIG {unbuilt[0].id}` (the SUBCONFIG below it that no BUILD names)"
    if compiled is not None:
        return f"add `BUILD ON {member} USING SUBCONFIG {compiled}` and its SUBCONFIG entry (the ID the compile writes)"
    if taken is not None:
        machine, free = taken
        return (
            f"add `BUILD ON {member} USING SUBCONFIG {free}` and its SUBCONFIG entry, with `subconfig {machine} {free}`"
            f" in member {quoted(member)} (BKR531)"
        )
    return f"add `BUILD ON {member} USING SUBCONFIG id` and its SUBCONFIG entry"


def _taken_for(model: Model, directory: Directory, machine: str, member, compiled: dict) -> tuple[str, str] | None:
    """(machine, a free SUBCONFIG name) where the ID the compile writes for `machine` on
    `member` is another entry's in the directory (BKR531 says so, with the same name), else None."""
    if (machine, member.name) in compiled:
        return None
    free = _free_subconfig(model, directory, machine, member.ordinal, model.subconfigs())
    return (machine, free) if free is not None else None


def _unbuilt_related(unbuilt: list[Entry]) -> tuple[Related, ...]:
    return tuple(Related(e.statement, f"SUBCONFIG {quoted(e.id)}: no BUILD statement names it") for e in unbuilt)


def machine_builds(
    model: Model, directory: Directory, lacking: set[str], misspelt: dict[str, str] | None = None
) -> Iterator[Diagnostic]:
    """BKR518: each IDENTITY product machine the directory holds as an IDENTITY,
    against the members the compile writes it for (`Model.product_machines`).
    A machine BKR514 said lacks a member (an each-member job backs it up) is left to it."""
    if model.cluster is None:
        return
    # the ID the compile writes, where the directory has no entry of that ID (BKR531's)
    compiled = {
        (machine, member.name): subconfig
        for machine, member, subconfig in model.subconfigs()
        if directory.entry(subconfig) is None
    }
    for machine, (kind, members) in model.product_machines().items():
        entry = directory.entry(machine)
        if kind is not Kind.IDENTITY or entry is None or entry.kind != "IDENTITY" or machine in lacking:
            continue
        if entry.builds_unread:  # BKR502's: its members are not all known
            lacking.add(machine)
            continue
        built = {b.member for b in entry.builds}
        missing = [m for m in members if m not in built and m not in (misspelt or {})]
        if "*" in built or not missing:
            continue
        lacking.add(machine)
        unbuilt = _unbuilt_after(directory, entry)
        member = model.member(missing[0])
        yield MACHINE_NOT_BUILT_ON_MEMBER(
            f"IDENTITY {quoted(machine)} has no BUILD statement for {listed(missing, len(missing))}, where"
            f" bkrc writes it ({_machine_role(model, machine, member)}): it cannot log on there until the compile's"
            f" directory entries are deployed ({_builds_said(entry)})",
            entry.span,
            help=_add_build_help(missing[0], unbuilt, compiled.get((machine, member.name)), _taken_for(model, directory, machine, member, compiled))
            + ", or deploy the directory entries bkrc writes (docs/deploy.md)"
            + _fewer_workers(model, directory, machine, member),
            related=(
                Related(member.decl.name.span, f"member {quoted(member.name)} declared here"),
                *_unbuilt_related(unbuilt),
            ),
        )


def subconfigs_named_otherwise(
    model: Model, directory: Directory, lacking: set[str], dialect: Dialect | None = None
) -> Iterator[Diagnostic]:
    """BKR529: each product machine whose IDENTITY in the directory builds an
    instance the compile writes from a SUBCONFIG of another name: one diagnostic
    per machine, at its first such BUILD statement. A machine BKR502 could not
    read the BUILD statements of, or a SUBCONFIG the directory lacks (BKR504),
    is left to those."""
    wanted: dict[str, list[tuple[str, str]]] = {}
    for machine, member, subconfig in model.subconfigs():
        wanted.setdefault(machine, []).append((member.name, subconfig))
    found: list[tuple[str, list[tuple[str, str, Build]]]] = []
    for machine, instances in wanted.items():
        entry = directory.entry(machine)
        if entry is None or entry.kind != "IDENTITY" or entry.builds_unread:
            continue
        built = {b.member: b for b in entry.builds}
        renamed: list[tuple[str, str, Build]] = []
        for member, subconfig in instances:
            build = built.get(member) or built.get("*")
            if build is None or build.subconfig == subconfig:
                continue  # a member it is not built on is BKR518's
            if directory.subconfig_on(entry, member) is None:
                continue  # BKR504's
            renamed.append((member, subconfig, build))
        if renamed:
            found.append((machine, renamed))
    fix = _keep_names_fix(model, found)
    for machine, renamed in found:
        yield _named_otherwise(model, directory, machine, renamed, dialect, fix)


def _keep_names_fix(model: Model, found: list[tuple[str, list[tuple[str, str, Build]]]]) -> Fix | None:
    """BKR529's fix: the `subconfig` statements that keep the directory's SUBCONFIG
    names, `subconfig BKRBKUP BKRBKU-1` in each member's block (a name a statement
    gives already, replaced), for every machine at once: each machine's diagnostic
    carries the whole fix, as one `--fix` round then mends them all (several fixes
    inserting at one place would take a round each). None where a machine is built
    `ON *` (one SUBCONFIG for every member: no name to keep per member) or a member's
    block has no statement to write after."""
    if not found or any(b.member == "*" for _, renamed in found for _, _, b in renamed):
        return None
    wanted: dict[str, list[tuple[str, str]]] = {}
    for machine, renamed in found:
        for member, _, build in renamed:
            wanted.setdefault(member, []).append((machine, build.subconfig))
    edits: list[Edit] = []
    count = 0
    for name, pairs in wanted.items():
        member = model.member(name)
        if member is None:
            return None
        decl = member.decl
        added, replaced = [], []
        for machine, sub in pairs:
            given = given_subconfig(member, machine)
            if given is not None:
                replaced.append(Edit(given.span, sub))
            else:
                added.append(f"subconfig {machine} {sub}")
            count += 1
        items = [*decl.settings, *decl.selections]
        if decl.span.line == decl.span.end_line and items:  # `member VMSYS1 { workers 4 }`: on its line
            # as `bkrc fmt` lays it out, a longer name given (`B-1` to `BKRBKU-1`) counted too
            edits.extend(into_one_line_member(decl, added, replaced))
            continue
        edits.extend(replaced)
        if not added:
            continue
        if not items:
            return None
        last = max(items, key=lambda item: item.span.end).span
        edits.append(statements_after(model, last, added))
    first = found[0][1][0]
    example = f"`subconfig {found[0][0]} {first[2].subconfig}`"
    title = f"Keep the directory's SUBCONFIG names: write {example}" + (f" and {count - 1} more" if count > 1 else "")
    return Fix(title, tuple(edits))


def subconfig_ids_taken(model: Model, directory: Directory) -> Iterator[Diagnostic]:
    """BKR531: each SUBCONFIG ID the compile writes (`Model.subconfigs`) that the
    directory gives a USER or IDENTITY entry, or a SUBCONFIG of another IDENTITY:
    the one its BUILD statements name, else the one it follows."""
    builder = {b.subconfig: (e, b) for e in directory.entries if e.kind == "IDENTITY" for b in e.builds}
    compiled = model.subconfigs()
    for machine, member, subconfig in compiled:
        entry = directory.entry(subconfig)
        if entry is None or entry.kind == "PROFILE":
            continue
        build = None
        if entry.kind == "SUBCONFIG":
            owner, build = builder.get(subconfig, (None, None))
            owner = owner.id if owner is not None else entry.follows
            if owner is None or owner == machine:
                continue
            what = f"IDENTITY {quoted(owner)}'s SUBCONFIG"
        else:
            what = f"{entry.kind} {quoted(entry.id)}"
        free = _free_subconfig(model, directory, machine, member.ordinal, compiled)
        fix = None
        if free is not None:
            from bkrdsl.cpdirectory import Build

            keep = _keep_names_fix(model, [(machine, [(member.name, free, Build(member.name, free, entry.span, entry.span))])])
            fix = Fix(f"Name the SUBCONFIG otherwise: write `subconfig {machine} {free}` in member {member.name}", keep.edits) if keep else None
        yield SUBCONFIG_ID_TAKEN(
            f"SUBCONFIG {quoted(subconfig)}, which the compile writes for {quoted(machine)} on"
            f" {quoted(member.name)}, is already {what} in the site's CP directory: CP wants every USER,"
            " IDENTITY and SUBCONFIG ID distinct",
            entry.span,
            help=_taken_help(model, directory, (machine, member), entry, build, free, owner if build is not None else None, compiled),
            related=(Related(member.decl.name.span, f"member {quoted(member.name)} declared here"),),
            fix=fix,
        )


def _free_subconfig(
    model: Model, directory: Directory, machine: str, ordinal: int, compiled, first: bool = False, but: str | None = None
) -> str | None:
    """A SUBCONFIG name for `machine`'s instance on the member numbered `ordinal` that
    neither the directory nor the file uses (nor `but`): `subconfig_id`'s where `first`,
    else its ID's first characters shortened one at a time (BKRW03-3 taken, BKR03-3);
    or None."""
    own = subconfig_id(machine, ordinal)
    suffix = own[own.rindex("-"):]
    taken = set(model.user_ids) | {sub for _, _, sub in compiled} | {but}
    body = own[: -len(suffix)]
    names = [own] if first else []
    names += [body[: max(1, len(body) - 2 - cut)] + body[-2:] + suffix for cut in range(1, len(body))]
    return next((n for n in dict.fromkeys(names) if n not in taken and directory.entry(n) is None), None)


def _taken_help(
    model: Model, directory: Directory, instance, entry: Entry, build, free: str | None, builder_id: str | None, compiled
) -> str:
    """BKR531's help (stop 83). It said "give the machine another ID in the .bkr file
    (its `role` declaration), or rename the site's entry", neither name given: the site's
    entry (another user's, in service) was the one to rename, and a worker's ID is
    std/backup-manager's. A `subconfig` statement in the member's block names the
    compiled SUBCONFIG (BKR529's way of keeping the directory's names), and no entry of
    the live directory changes: written first, with a free name, which `--fix` writes."""
    machine, member = instance
    ways = []
    if free is not None:
        ways.append(
            f"write `subconfig {machine} {free}` in member {quoted(member.name)} (line {member.decl.name.span.line}), a name"
            " the directory does not use, and the compile writes that SUBCONFIG"
        )
    if build is not None:
        theirs = model.member(build.member)
        name = _free_subconfig(model, directory, builder_id, theirs.ordinal, compiled, True, free) if theirs else None
        ways.append(
            f"rename the site's SUBCONFIG {quoted(entry.id)}{f' to `{name}`' if name else ''} (its entry, line"
            f" {entry.span.line}, and its BUILD statement, line {build.span.line}) before deploying"
        )
    ways.append("give the machine another ID in the .bkr file (its `role` declaration)")
    return ";\nor ".join(ways) + " (bkrc names a SUBCONFIG by the machine's ID and its member's number)"


def _named_otherwise(
    model: Model,
    directory: Directory,
    machine: str,
    renamed: list[tuple[str, str, Build]],
    dialect: Dialect | None = None,
    fix: Fix | None = None,
) -> Diagnostic:
    member, subconfig, build = renamed[0]
    on = "every member (`BUILD ON *`)" if build.member == "*" else quoted(member)
    more = f" (and {len(renamed) - 1} more of its instances)" if len(renamed) > 1 else ""
    keeps = " minidisks and all"
    if build.member == "*":
        # The statements a line each: up to eight members' (some 48 characters each)
        # on one line were cut at the text report's 300.
        rename = (
            f"replace `BUILD ON * USING SUBCONFIG {build.subconfig}` by one BUILD statement per member,"
            f" and copy SUBCONFIG `{build.subconfig}` to each of their names:"
            + "".join(f"\n`BUILD ON {m} USING SUBCONFIG {new}`" for m, new, _ in renamed)
        )
    else:
        steps = _rename_order([(b.subconfig, new) for _, new, b in renamed if b.member != "*"])
        pairs = dict.fromkeys(f"`{old}` to `{new}`" for old, new in steps)
        rename = (
            "rename in the directory each SUBCONFIG (its entry and its BUILD statement) "
            + ", ".join(pairs)
            + (", in that order" if any(new == old for _, new in steps for old, _ in steps) else "")
            + _names_taken(directory, machine, steps)
        )
        keeps = _keeps(model, directory, machine, renamed, dialect)
    sep = "\n" if "\n" in rename or len(keeps) > 100 else " "
    order = directory_order(model, machine, renamed)
    if order is not None:  # bkrc's own names, numbered by another order of the members
        rename = (
            f"declare the members in the order the directory numbers them, {listed(order, len(order))}"
            f" (`{build.subconfig}` is `{machine}`'s SUBCONFIG on its member {build.subconfig.rsplit('-', 1)[1]}),"
            f" or {rename}"
        )
    decl = model.member(member)
    related = [Related(decl.decl.name.span, f"member {quoted(member)} declared here")] if decl is not None else []
    old = directory.entry(build.subconfig)
    if old is not None:
        related.append(Related(old.span, f"`{build.subconfig}`: its minidisks stay here, built by none"))
    writes = quoted(subconfig)
    if build.member == "*":  # the help names them all
        more, writes = "", "one per member, " + listed([new for _, new, _ in renamed], 2)
    help = (
        f"before deploying, {rename}{'' if build.member == '*' else ';'}{sep}the compiled entries then replace them,{keeps}"
        f"{sep}(bkrc names a SUBCONFIG by the machine's ID and its member's number)"
    )
    if build.member != "*":
        # The preferred way: the .bkr file states the names the directory has, and the
        # compile writes them; no entry of the live directory is renamed.
        keep = [f"`subconfig {machine} {b.subconfig}` in member {quoted(m)}" for m, _, b in renamed]
        shown = ", ".join(keep[:2]) + (f" and {len(keep) - 2} more" if len(keep) > 2 else "")
        help = (
            f"keep the directory's names: write {shown} (`bkrc check --fix --directory` writes"
            f" {'it' if len(keep) == 1 else 'them'}), and the compile writes its entries under them;\nor {help}"
        )
    return SUBCONFIG_RENAMED(
        f"IDENTITY {quoted(machine)} is built on {on} from SUBCONFIG {quoted(build.subconfig)}{more}, where the"
        f" compile writes {writes}: deploying its entries builds the instance from a new SUBCONFIG and"
        f" leaves {quoted(build.subconfig)}, with the machine's minidisks, to no instance",
        build.subconfig_span,
        # On lines of their own where the help runs long (a text report cuts a line at 300 characters).
        help=help,
        related=tuple(related),
        fix=fix,
    )


def _rename_order(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(old, new) SUBCONFIG names in an order that frees each new name before it is
    taken: a member removed renumbers the next (`BKRBUP-3` to `BKRBUP-2` before
    `BKRBUP-4` to `BKRBUP-3`), one added before another the other way round. A
    cycle (members reordered) is left in the order given."""
    left, out = list(dict.fromkeys(pairs)), []
    while left:
        sources = {old for old, _ in left}
        ready = next((p for p in left if p[1] not in sources), None)
        if ready is None:
            return out + left
        out.append(ready)
        left.remove(ready)
    return out


def _names_taken(directory: Directory, machine: str, steps: list[tuple[str, str]]) -> str:
    """The new names the directory gives another SUBCONFIG that no rename frees (a
    removed member's), to remove first."""
    sources = {old for old, _ in steps}
    entry = directory.entry(machine)
    builds = {b.subconfig: b.member for b in entry.builds} if entry is not None else {}
    taken = [new for _, new in steps if new not in sources and directory.entry(new) is not None]
    if not taken:
        return ""
    parts = [f"`{t}`" + (f" (built on `{builds[t]}`)" if t in builds and builds[t] != "*" else "") for t in taken]
    named = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    one = len(parts) == 1
    return (
        f",\nafter removing {named}, which the directory has under"
        f" {'that name' if one else 'those names'}, with {'its' if one else 'their'} minidisks"
    )


def _keeps(model: Model, directory: Directory, machine: str, renamed: list[tuple[str, str, Build]], dialect: Dialect | None) -> str:
    """What the compiled SUBCONFIGs, replacing the renamed ones, do with their minidisks:
    keep them, where each names the very extents of the directory's (its `disk`
    statements give them, `on VOL at START`, which a replace and a removal keep too);
    else keep them where their extents are written (BKR532 says where not)."""
    from bkrdsl.allocation import allocate
    from bkrdsl.dialect import load_dialect

    allocation = allocate(model, dialect or load_dialect())
    if allocation.error is None:
        same = True
        for member, _, build in renamed:
            old = directory.entry(build.subconfig)
            placed = allocation.of(machine, member)
            compiled = {(parse_address(p.disk.address.text), p.volume, p.start, p.size) for p in placed}
            had = {(d.address, d.volume, d.start, d.size) for d in old.disks} if old is not None else set()
            if not placed or any(p.start is None for p in placed) or compiled != had:
                same = False
                break
        if same:
            return (
                " minidisks and all; their MDISK statements name the very extents of the renamed ones, so"
                " loading them and removing the old SUBCONFIGs keeps the data too (unless the directory's"
                " manager erases the extents it frees: not checked for DirMaint)"
            )
    return " and keep the minidisks where their `disk` statements give the extents (`on VOL at START`: BKR532 says where not)"


def directory_order(model: Model, machine: str, renamed: list[tuple[str, str, Build]]) -> list[str] | None:
    """The members in the order the directory's SUBCONFIG names number them, where
    each is the name bkrc gives the machine on some member's number and the numbers
    are those of the cluster's members: the members were declared in another order
    (or `--member` given so). None otherwise."""
    count = len(model.members)
    names = {subconfig_id(machine, n): n for n in range(1, count + 1)}
    numbers = {member: names.get(b.subconfig) for member, _, b in renamed if b.member != "*"}
    if not numbers or None in numbers.values() or len(set(numbers.values())) < len(numbers):
        return None
    ordinals = {m.name: m.ordinal for m in model.members}
    numbered = {**{m: n for m, n in ordinals.items() if m not in numbers}, **numbers}
    if sorted(numbered.values()) != list(range(1, count + 1)):
        return None
    return sorted(numbered, key=numbered.__getitem__)


def _machine_role(model: Model, machine: str, member) -> str:
    role = model.machine_roles().get(machine, "")
    if role == "worker":
        return f"a worker: `workers {member.workers}` on {quoted(member.name)}"
    return f"the {role.replace('-', ' ')}"


def _fewer_workers(model: Model, directory: Directory, machine: str, member) -> str:
    """For a worker: the `workers` count the directory's BUILD statements give the
    member (its first workers, in order, that are built there), if any."""
    if model.machine_roles().get(machine) != "worker":
        return ""
    workers = model.workers_of(member)
    built = directory.first_built(workers, member.name)
    if not 0 < built < len(workers):
        return ""
    return f"; or write `workers {built}` on {quoted(member.name)}, the workers its directory builds"


class Instance(NamedTuple):
    """What a user has on one member a job runs on (`member` None for a USER: the same everywhere)."""

    member: str | None
    disks: tuple[Minidisk, ...]
    links: frozenset[int]  # the addresses LINK statements take


def user_instances(directory: Directory, entry: Entry, members: tuple[str, ...]) -> list[Instance]:
    """A USER's minidisks; an IDENTITY's on each of `members` it is built on: its
    own MDISKs (every member's) with its SUBCONFIG's there. A member without a
    BUILD statement is BKR514's, not compared here."""
    own_links = directory.link_addresses(entry)
    if entry.kind != "IDENTITY":
        return [_new(Instance, (None, entry.disks, own_links))]
    out = []
    for member, sub in zip(members, directory.subconfigs_on(entry, members), strict=True):
        if sub is None:
            continue
        links = own_links | {link.address for link in sub.links} if sub.links else own_links
        out.append(_new(Instance, (member, entry.disks + sub.disks, links)))
    return out


_new = tuple.__new__  # a named tuple made without its `__new__`'s Python call (`Instance`, a user's)


def holds_minidisk(directory: Directory, machine_id: str, kind: Kind, members: tuple[str, ...], address: int) -> bool:
    """Whether the directory's entry for `machine_id`, of the kind the cluster gives
    it, holds a permanent minidisk (an MDISK with an extent) at `address`, on one of
    `members` for an IDENTITY: what the compiled entry drops, and BKR520 reports,
    when no `disk` statement gives the machine that address. (An entry of the other
    kind is BKR510's, and not compared.)"""
    entry = directory.entry(machine_id)
    if entry is None or entry.kind != STATEMENT[kind]:
        return False
    return any(
        disk.address == address and disk.form == "MDISK"
        for instance in user_instances(directory, entry, members)
        for disk in instance.disks
    )


def selected_minidisks(model: Model, directory: Directory) -> Iterator[Diagnostic]:
    """BKR515 and BKR516: each address of a minidisk selection against the
    minidisks the directory defines for the users it names. An include names
    the users bkrc writes its records for (`Model.include_owners`, a pattern
    among them matched against the directory); an exclude is written as given,
    so only one with its owner's ID written is compared."""
    suggest = Suggester()
    held = _Held(directory)  # each user's instances, and what a range finds of them, once for every job
    for job in model.jobs:
        owners_of = model.include_owners(job)
        beside = _TemporaryBeside(model, held, job, owners_of)
        # The users a minidisk include of the job names by ID: a pattern's include that
        # finds none of such a user's minidisks is not said to back up nothing of it,
        # the job backing it up by name (`bkrc init`'s `include minidisk DB2PRD 0050`).
        named = {
            s.owner.upper
            for s in job.includes
            if s.medium is Medium.MINIDISK and s.owner is not None and not is_pattern(s.owner.upper)
        }
        for selection, owners in zip(job.includes, owners_of, strict=True):
            if selection.medium is Medium.MINIDISK:
                explicit = selection.owner is not None and not is_pattern(selection.owner.upper)
                users = held.users(owners)
                yield from _selection_against(
                    held, selection, users, job.members, explicit, suggest, () if explicit else named, beside
                )
                yield from beside.of(selection, users)
        for selection in job.excludes:
            if why_exclude_removes_nothing(model, job, selection) is None:  # else BKR413: none of it is included
                yield from _explicit_exclude(held, selection, job.members, suggest)
    for member in model.members:
        for selection in member.excludes:
            yield from _explicit_exclude(held, selection, (member.name,), suggest)


def _explicit_exclude(held: _Held, selection: ast.Selection, members, suggest) -> Iterator[Diagnostic]:
    if selection.medium is not Medium.MINIDISK or selection.owner is None or is_pattern(selection.owner.upper):
        return
    users = held.users((selection.owner.upper,))
    yield from _selection_against(held, selection, users, members, True, suggest)


#: What a range of addresses finds of a user's instances (`_Held.found`).
_ABSENT, _PARTLY, _TEMPORARY = "absent", "partly", "temporary"


class _Held:
    """A user's instances on the members a job runs on, and what a selection's
    range finds of them, worked out once per user for every selection that names
    it: a site's users are each named by several jobs (a full and an incremental,
    on each member), and the answer is the same for each."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        self._users: dict[tuple[str, ...], list[Entry]] = {}
        self._instances: dict[tuple[str, tuple[str, ...] | None], list[Instance]] = {}
        #: (members, first, last) -> user ID -> `found`'s answer (members None for a USER:
        #: the same on every member); one table per range, looked up by ID alone.
        self._found: dict[tuple[tuple[str, ...] | None, int, int], dict[str, tuple | None]] = {}
        #: (link addresses, first, last) -> whether one is in the range: most users'
        #: links are their PROFILE's, one set for a thousand users (`link_addresses`).
        self._linked: dict[tuple[frozenset[int], int, int], bool] = {}
        #: (first, last) -> `Directory.holding`; (members, first, last) -> `unheld`.
        self._holding: dict[tuple[int, int], set[str]] = {}
        self._unheld: dict[tuple[tuple[str, ...], int, int], set[str]] = {}

    def holding(self, first: int, last: int) -> set[str]:
        """`Directory.holding`: the IDs of the entries with a minidisk in the range
        that is not a V-DISK or T-DISK (a full and an incremental job ask of the same)."""
        found = self._holding.get((first, last))
        if found is None:
            found = self._holding[first, last] = self.directory.holding(first, last)
        return found

    def unheld(self, members: tuple[str, ...], first: int, last: int) -> set[str]:
        """The IDENTITYs with a SUBCONFIG on one of `members` (`user_instances`' SUBCONFIGs)
        that holds no permanent minidisk in the range (not in `holding`): found in C from
        each member's table of SUBCONFIGs (`Directory.subconfig_ids_on`), once per
        (members, range). An IDENTITY not among them has in each instance a minidisk
        in the range that is not a V-DISK or T-DISK, or no instance on `members`."""
        key = (members, first, last)
        found = self._unheld.get(key)
        if found is None:
            holding, found = self.holding(first, last), set()
            for member in members:
                subconfigs = self.directory.subconfig_ids_on(member)
                found.update(compress(subconfigs.keys(), map(not_, map(holding.__contains__, subconfigs.values()))))
            self._unheld[key] = found
        return found

    def users(self, owners: tuple[str, ...]) -> list[Entry]:
        """`Directory.users_named` (a full and an incremental job name the same owners)."""
        found = self._users.get(owners)
        if found is None:
            found = self._users[owners] = self.directory.users_named(owners)
        return found

    def instances(self, entry: Entry, members: tuple[str, ...]) -> list[Instance]:
        """`user_instances` (a USER's are the same on every member)."""
        key = (entry.id, members if entry.kind == "IDENTITY" else None)
        found = self._instances.get(key)
        if found is None:
            found = self._instances[key] = user_instances(self.directory, entry, members)
        return found

    def found(self, entry: Entry, members: tuple[str, ...], first: int, last: int) -> tuple | None:
        """What the range `first`-`last` finds of the user's instances: None where it has
        none there or links one there (nothing to say), (_ABSENT,) where no instance
        has a minidisk in it, (_PARTLY, the members whose instance has none) where some
        lack it, (_TEMPORARY, the first) where each has one and all are temporary, else
        ("",): an include says the last two, an exclude neither (and, of ("",), an
        include that names an IDENTITY the members where it finds only temporary ones,
        `temporary_on`).

        A USER's one instance is its entry's MDISKs and links: read from the entry, with
        no `Instance` made (most users are named by one range, so it would be made for
        one answer); an IDENTITY's are kept (`instances`) for each member's jobs."""
        said = self.answers(members if entry.kind == "IDENTITY" else None, first, last)
        found = said.get(entry.id, _UNKNOWN)
        return self.answer(entry, members, first, last, said) if found is _UNKNOWN else found

    def answer(self, entry: Entry, members: tuple[str, ...], first: int, last: int, said: dict) -> tuple | None:
        """`found`'s answer, not yet in `said` (its `answers`): worked out, and kept there."""
        if entry.kind != "IDENTITY":
            links = self.directory.link_addresses(entry)
            found = None if links and self._links_in(links, first, last) else self._one(entry.disks, first, last)
        else:
            instances = self.instances(entry, members)
            found = self._of_instances(instances, first, last) if instances else None
        said[entry.id] = found
        return found

    def answers(self, members: tuple[str, ...] | None, first: int, last: int) -> dict[str, tuple | None]:
        """User ID -> `found`'s answer so far, for the range on `members` (None: a USER's)."""
        key = (members, first, last)
        said = self._found.get(key)
        if said is None:
            said = self._found[key] = {}
        return said

    def _of_instances(self, instances: list[Instance], first: int, last: int) -> tuple | None:
        """`found` of an IDENTITY's instances (one or more): one pass over each one's
        minidisks, each set of link addresses asked once (most instances share their
        entry's: `user_instances`)."""
        asked = None
        for instance in instances:
            if instance.links is not asked:
                if self._links_in(instance.links, first, last):
                    return None
                asked = instance.links
        if len(instances) == 1:
            return self._one(instances[0].disks, first, last)
        lacking: list[str] = []  # the members whose instance has none in the range
        held = None  # the first instance's first minidisk in the range
        permanent = False
        for instance in instances:
            its = None
            for disk in instance.disks:
                if first <= disk.address <= last:
                    if its is None:
                        its = disk
                    if disk.form not in TEMPORARY_FORMS:
                        permanent = True
                        break
            if its is None:
                lacking.append(instance.member)
            elif held is None:
                held = its
        if held is None:
            return _ABSENT_
        if lacking:
            return (_PARTLY, lacking)
        return _SELECTED if permanent else (_TEMPORARY, held)

    def temporary_on(self, entry: Entry, members: tuple[str, ...], first: int, last: int) -> list[tuple[str, Minidisk]]:
        """(member, its first) of each of an IDENTITY's instances on `members` whose
        minidisks in the range are V-DISKs or T-DISKs only, where `found` says ("",)
        (another instance has a permanent one there): asked only of an include that
        names the user, and of a user in `unheld`."""
        out = []
        for instance in self.instances(entry, members):
            its = [d for d in instance.disks if first <= d.address <= last]
            if its and all(d.form in TEMPORARY_FORMS for d in its):
                out.append((instance.member, its[0]))
        return out

    def _one(self, disks: tuple[Minidisk, ...], first: int, last: int) -> tuple | None:
        """`found` of one instance's minidisks (its links asked before), in one pass."""
        found = _ABSENT_
        for disk in disks:
            if first <= disk.address <= last:
                if disk.form not in TEMPORARY_FORMS:  # `Minidisk.temporary`, inlined
                    return _SELECTED
                if found is _ABSENT_:
                    found = (_TEMPORARY, disk)  # the first, unless a permanent one follows
        return found

    def _links_in(self, links: frozenset[int], first: int, last: int) -> bool:
        """Whether one of the addresses `links` is within `first`-`last`."""
        if not links:
            return False
        key = (links, first, last)
        known = self._linked.get(key)
        if known is None:
            known = self._linked[key] = any(first <= a <= last for a in links)
        return known


_UNKNOWN = object()  # not yet in `_Held._found` (where None is an answer)
_ABSENT_, _SELECTED = (_ABSENT,), ("",)  # `_Held.found`'s answers of one word


def _selection_against(
    held: _Held, selection, users, members, explicit, suggest, named=(), beside=None
) -> Iterator[Diagnostic]:
    """BKR515 and BKR516 of one selection; `named`: the users another include of the
    job names by ID, whom a pattern's range that finds none of theirs is not said of,
    nor one that finds only V-DISKs or T-DISKs of theirs that the job's excludes take
    out (`beside`, the job's `_TemporaryBeside`)."""
    include = selection.action.value == "include"
    for item in selection.items:
        if item.upper == "*":
            continue
        bounds = parse_address_range(item.upper)
        if bounds is None or bounds[0] > bounds[1]:  # malformed or reversed: the checker's
            continue
        absent, partly, temporary = [], [], []  # (entry, its instances); (entry, members); (entry, disk)
        temporary_on = []  # (entry, [(member, disk)...]): `_Held.temporary_on`'s, where the include names the user
        first, last = bounds
        # `held.found`, its answers so far looked up here: most users were named by another job already.
        said_of_user, said_of_identity = held.answers(None, first, last), held.answers(members, first, last)
        # What `found` surely says nothing of (None or ("",)), passed over without asking it:
        # a user whose own MDISKs hold a minidisk in the range but a V-DISK or T-DISK (a
        # USER's is `_one`'s first stop, unless a link is there first; an IDENTITY's is in
        # every instance), and an IDENTITY each of whose SUBCONFIGs on the members holds one
        # (or that has none there: no instance; not `unheld`). Most of a site's users, found in C.
        holding, unheld = held.holding(first, last), held.unheld(members, first, last)
        for entry in users:
            if entry.id in holding or (entry.kind == "IDENTITY" and entry.id not in unheld):
                continue
            found = (said_of_identity if entry.kind == "IDENTITY" else said_of_user).get(entry.id, _UNKNOWN)
            if found is _UNKNOWN:
                identity = entry.kind == "IDENTITY"
                found = held.answer(entry, members, first, last, said_of_identity if identity else said_of_user)
            if found is _SELECTED:
                # An include of a job on each member is the same on every member, and so are
                # its excludes: a pattern's (`*`), written for every user, is not said of an
                # IDENTITY's V-DISK on some members; one that names the user is, with them.
                if include and explicit and entry.kind == "IDENTITY" and entry.id in unheld:
                    on = held.temporary_on(entry, members, first, last)
                    if on:
                        temporary_on.append((entry, on))
                continue
            if found is None:
                continue
            if found[0] is _ABSENT:
                if entry.id not in named:
                    absent.append((entry, held.instances(entry, members)))
            elif include and found[0] is _PARTLY:
                partly.append((entry, found[1]))
            elif (
                include
                and found[0] is _TEMPORARY
                and not (entry.id in named and beside is not None and not beside.kept(entry, first, last))
            ):
                temporary.append((entry, found[1]))
        if absent:
            every = not explicit and len(absent) == len(users)  # no user of the job has it
            yield _absent_disk(selection, item, absent, include, explicit, suggest, every)
        for entry, lacking in partly:
            yield _partly(selection, item, entry, lacking, members, explicit)
        if temporary:
            yield _temporary(item, temporary)
        for entry, on in temporary_on:
            yield _temporary_on_some(item, entry, on, members)


def _addresses(disks) -> list[str]:
    return sorted({f"{d.address:04X}" for d in disks})


def _absent_disk(selection, item, absent, include: bool, explicit: bool, suggest, every: bool = False) -> Diagnostic:
    first, instances = absent[0]
    verb = "backs up" if include else "excludes"
    names = quoted(first.id) if len(absent) == 1 else listed([e.id for e, _ in absent], 6)
    return MINIDISK_NOT_IN_DIRECTORY(
        f"{quoted(item.text)} names no minidisk of {names} in the site's directory: the"
        f" {selection.action.value} {verb} nothing of {'it' if len(absent) == 1 else 'them'}",
        item.span,
        help=_nowhere_help(selection, item, first, instances, suggest)
        if every
        else _absent_help(item, first, instances, explicit, suggest),
        related=(Related(first.statement, f"{first.kind} {quoted(first.id)} in the directory"),),
        fix=mean_fix(_closest(item, instances, suggest), item.span) if explicit and len(absent) == 1 else None,
    )


def _closest(item, instances, suggest) -> list[str]:
    """The user's addresses nearest the one `item` names (none for a range)."""
    if "-" in item.upper:
        return []
    own = _addresses(d for i in instances for d in i.disks)
    return suggest.closest(f"{parse_address_range(item.upper)[0]:04X}", own)


def _nowhere_help(selection, item, first: Entry, instances, suggest) -> str:
    """BKR515's help for an address of a pattern's selection (`include minidisk * 0191
    0199`) that no user of the job has in the directory: the address taken out of the
    line, or the line deleted where it is its only one. The help said "give
    `LNXWEB01`'s address an include of its own", which followed was BKR515 again, at
    that include (stop 82)."""
    closest = _closest(item, instances, suggest)
    near = f" (the closest of {quoted(first.id)}'s: {alternatives(closest)})" if closest else ""
    where = f"(line {selection.span.line})"
    if len(selection.items) == 1:
        return f"delete the line {where}: no user the job backs up has a minidisk at {quoted(item.text)} in the directory{near}"
    return (
        f"take {quoted(item.text)} out of the line {where}: no user the job backs up has a minidisk there"
        f" in the directory{near}"
    )


def _absent_help(item, first: Entry, instances, explicit: bool, suggest) -> str:
    """Did you mean, where the selection names its owner alone; else the user's
    minidisks, since the address is every other user's too (`include minidisk * 0191`)."""
    own = _addresses(d for i in instances for d in i.disks)
    its = f"{quoted(first.id)}'s minidisks: {listed(own, 8)}" if own else f"{quoted(first.id)} has no minidisk"
    closest = _closest(item, instances, suggest)
    if explicit:
        return mean_help(closest, "correct the address, or the directory") + f" ({its})"
    nearest = f"; the closest: {alternatives(closest)}" if closest and len(own) > 1 else ""
    return (
        f"the address is written for each user the job backs up ({its}{nearest}): correct the directory,"
        f" or give {quoted(first.id)}'s address an include of its own"
    )


def _partly(selection, item, entry: Entry, lacking: list[str], members, explicit: bool = False) -> Diagnostic:
    # An include that names the user (not a pattern's, written for every user) may say on
    # its line that the minidisk is some members' only.
    leave = (
        "or, if that instance has none, allow it on this line: `# bkrc: allow BKR515 REASON`"
        if explicit
        else "or leave it if that instance has none"
    )
    return MINIDISK_NOT_IN_DIRECTORY(
        f"{quoted(item.text)} names a minidisk of IDENTITY {quoted(entry.id)} that its SUBCONFIG on"
        f" {listed(lacking, len(lacking))} does not define: the include backs it up on the other members only",
        item.span,
        help=f"add the minidisk to {quoted(entry.id)}'s SUBCONFIG for {listed(lacking, len(lacking))}, {leave}",
        related=(Related(entry.statement, f"IDENTITY {quoted(entry.id)} in the directory"),),
    )


def _temporary(item, temporary: list[tuple[Entry, Minidisk]]) -> Diagnostic:
    entry, disk = temporary[0]
    whose = listed([e.id for e, _ in temporary], 6)
    return TEMPORARY_DISK_SELECTED(
        f"{quoted(item.text)} selects only a {disk.form} of {whose} in the site's directory: its contents"
        " are gone at logoff, so the include backs up nothing worth restoring",
        item.span,
        help="remove the include (or this address), or select the permanent minidisk that was meant",
        related=(Related(disk.statement, f"{quoted(entry.id)}'s {disk.form} in the directory"),),
    )


def _temporary_on_some(item, entry: Entry, on: list[tuple[str, Minidisk]], members) -> Diagnostic:
    """BKR516 of an include that names an IDENTITY whose instances on `on`'s members
    hold only V-DISKs or T-DISKs in its range, a permanent minidisk on the job's others."""
    forms = sorted({d.form for _, d in on})
    kind = forms[0] if len(forms) == 1 else "V-DISK or T-DISK"
    where = listed([m for m, _ in on], len(on))
    others = [m for m in members if m not in {m for m, _ in on}]
    address = f"{on[0][1].address:04X}"
    return TEMPORARY_DISK_SELECTED(
        f"{quoted(item.text)} selects only a {kind} of IDENTITY {quoted(entry.id)} on {where} (its SUBCONFIG"
        f" there): the include backs up its minidisk on {listed(others, len(others))} only",
        item.span,
        help=(
            f"if {quoted(entry.id)}'s instance on {where} keeps nothing at {address}, say so on this line:"
            " `# bkrc: allow BKR516 REASON` (an exclude would take the minidisk out on every member: a job"
            f" on each member has one set of excludes); else define a permanent minidisk there in its"
            f" SUBCONFIG for {where}"
        ),
        related=tuple(
            Related(disk.statement, f"{quoted(entry.id)}'s {disk.form} on {quoted(member)}") for member, disk in on
        ),
    )


class _TemporaryBeside:
    """BKR516's second form: an include whose address range selects a user's V-DISK or
    T-DISK beside what else it selects of the user (a permanent minidisk, a linked one),
    and that the job's excludes (a single-configuration job's member's too) leave in:
    `include minidisk * 0100-0FFF` over a Linux guest's 0100 and its V-DISK swap at
    0300. One diagnostic per address or range, naming each such user; its fix excludes
    the addresses from the job (`exclude minidisk * 0300`, or one exclude per user
    where another user the job backs up has a permanent minidisk there). Only the users
    the directory gives a temporary disk in the range are looked at (`temporary_holding`)."""

    def __init__(self, model: Model, held: _Held, job, owners_of) -> None:
        from bkrdsl.check.coverage import excludes_on, removed_ranges_of

        self.model, self.held, self.job, self.owners_of = model, held, job, owners_of
        #: member -> a function of a user ID: the address ranges the job's excludes take out there
        self.removed = {m: removed_ranges_of(excludes_on(job, model.member(m))) for m in job.members}
        self._job_users: list[Entry] | None = None

    def of(self, selection, users: list[Entry]) -> Iterator[Diagnostic]:
        directory, members = self.held.directory, self.job.members
        for item in selection.items:
            bounds = parse_address_range(item.upper) if item.upper != "*" else None
            if bounds is None or bounds[0] > bounds[1]:
                continue
            first, last = bounds
            ids = directory.temporary_holding(first, last)
            if not ids:
                continue
            found = []  # (entry, its temporary disks in the range that the job keeps)
            for entry in users:
                if not self._holds(entry, ids):
                    continue
                said = self.held.found(entry, members, first, last)
                if said is not None and said[0] is _TEMPORARY:  # only temporary disks: BKR516's first form
                    continue
                kept = self._kept(entry, first, last)
                if kept:
                    found.append((entry, kept))
            if found:
                yield self._diagnostic(selection, item, found)

    def _holds(self, entry: Entry, ids: set[str]) -> bool:
        """Whether `entry` (or, of an IDENTITY, its SUBCONFIG on one of the job's members) is among `ids`."""
        if entry.id in ids:
            return True
        directory = self.held.directory
        return entry.kind == "IDENTITY" and any(directory.subconfig_ids_on(m).get(entry.id) in ids for m in self.job.members)

    def kept(self, entry: Entry, first: int, last: int) -> list[Minidisk]:
        """`_kept`: the user's V-DISKs and T-DISKs in the range the job's excludes leave in."""
        return self._kept(entry, first, last)

    def _kept(self, entry: Entry, first: int, last: int) -> list[Minidisk]:
        """The user's V-DISKs and T-DISKs in the range (one per address) that the job's excludes
        leave in on one of its members at least."""
        kept: dict[int, Minidisk] = {}
        instances = self.held.instances(entry, self.job.members)
        permanent_anywhere = {d.address for i in instances for d in i.disks if d.form not in TEMPORARY_FORMS}
        for instance in instances:
            on = (instance.member,) if instance.member is not None else self.job.members
            # An address a permanent minidisk of the instance has too (an IDENTITY's entry
            # and its SUBCONFIG: BKR530's), or of another of its instances on the job's
            # members, is not this warning's: an exclude would take both (a job on each
            # member has one set of excludes), and the include backs the permanent one up.
            permanent = permanent_anywhere
            for disk in instance.disks:
                if (
                    first <= disk.address <= last
                    and disk.form in TEMPORARY_FORMS
                    and disk.address not in kept
                    and disk.address not in permanent
                    and any(not _in_ranges(disk.address, self.removed[m](entry.id)) for m in on)
                ):
                    kept[disk.address] = disk
        return [kept[a] for a in sorted(kept)]

    def job_users(self) -> list[Entry]:
        """The directory users each minidisk include of the job names."""
        if self._job_users is None:
            self._job_users = [
                entry
                for selection, owners in zip(self.job.includes, self.owners_of, strict=True)
                if selection.medium is Medium.MINIDISK
                for entry in self.held.users(owners)
            ]
        return self._job_users

    def _star_takes_only(self, addresses: list[int]) -> bool:
        """Whether `exclude minidisk * ADDRESS` takes no permanent minidisk out of the job:
        no user its includes name has one at those addresses."""
        for address in addresses:
            holding = self.held.directory.holding(address, address)
            if holding and any(self._holds(entry, holding) for entry in self.job_users()):
                return False
        return True

    def _diagnostic(self, selection, item, found: list[tuple[Entry, list[Minidisk]]]) -> Diagnostic:
        entry, disks = found[0]
        forms = sorted({d.form for _, ds in found for d in ds})
        addresses = sorted({d.address for _, ds in found for d in ds})
        kind = forms[0] if len(forms) == 1 else "V-DISK or T-DISK"
        at = f"{addresses[0]:04X}" if len(addresses) == 1 else listed([f"{a:04X}" for a in addresses], 6)
        what = f"the {kind} at {at}" if len(addresses) == 1 else f"the {kind}s at {at}"
        whose = listed([e.id for e, _ in found], 6)
        if self._star_takes_only(addresses):
            statement = "exclude minidisk * " + " ".join(f"{a:04X}" for a in addresses)
            help = (
                f"exclude {'it' if len(addresses) == 1 else 'them'} from the job: `{statement}` (no user the job"
                " backs up has a permanent minidisk there)"
            )
            fix = self._star_fix(selection, addresses, statement)
        else:
            statements = [
                f"exclude minidisk {e.id} " + " ".join(f"{d.address:04X}" for d in ds) for e, ds in found
            ]
            help = (
                f"exclude it from the job, user by user: `{statements[0]}`"
                f"{' and the like' if len(statements) > 1 else ''} (another user the job backs up has a permanent"
                " minidisk there, which `exclude minidisk *` would take out too)"
            )
            title = f"Add `{statements[0]}`" if len(statements) == 1 else f"Add {len(statements)} `exclude` statements"
            fix = Fix(title, (statements_after(self.model, selection.span, statements),)) if len(statements) <= 6 else None
        return TEMPORARY_DISK_SELECTED(
            f"{quoted(item.text)} also selects {what} of {whose} in the site's directory: CP makes"
            f" {'it' if len(addresses) == 1 else 'each'} empty at logon, so the include backs up nothing worth"
            " restoring there",
            item.span,
            help=help,
            related=(Related(disks[0].statement, f"{quoted(entry.id)}'s {disks[0].form} in the directory"),),
            fix=fix,
        )

    def _star_fix(self, selection, addresses: list[int], statement: str) -> Fix:
        """The addresses added to the job's `exclude minidisk *` (of the include's file),
        else that exclude added after the include."""
        written = " ".join(f"{a:04X}" for a in addresses)
        for exclude in self.job.excludes:
            star = exclude.owner is None or exclude.owner.upper == "*"
            if (
                exclude.medium is Medium.MINIDISK
                and star
                and exclude.items
                and exclude.span.file == selection.span.file
                and all(i.upper != "*" for i in exclude.items)
            ):
                return Fix(f"Add {written} to `exclude minidisk *`", (Edit(_end_of(exclude.items[-1].span), " " + written),))
        return Fix(f"Add `{statement}`", (statements_after(self.model, selection.span, [statement]),))


def _in_ranges(address: int, ranges: list[tuple[int, int]]) -> bool:
    return any(first <= address <= last for first, last in ranges)


def is_global(disk: Minidisk) -> bool:
    """Whether an MDISK of an IDENTITY entry itself (not a SUBCONFIG's) is one minidisk
    every member's instance shares. IBM ("MDISK Directory Statement"): a permanent
    minidisk in an identity entry is global. Not a T-DISK (local, made at logon; a V-DISK
    there is BKR502's and not kept), nor an extent on `&SYSRES`, which each member
    resolves to its own system residence volume (the reader keeps no volume for it)."""
    if disk.form in TEMPORARY_FORMS:
        return False
    return not (disk.form == "MDISK" and disk.allocation is None and disk.volume is None)


def _excluded(job, user_id: str, address: int) -> bool:
    """Whether one of the job's minidisk excludes removes `user_id`'s minidisk at `address`
    (an IDENTITY job's copies all carry the job's excludes, and no member's excludes:
    `JobModel.takes_member_excludes`)."""
    for selection in job.excludes:
        if selection.medium is not Medium.MINIDISK:
            continue
        owner = selection.owner.upper if selection.owner is not None else "*"
        matches = owner in ("*", user_id) or (is_pattern(owner) and pattern_regex(owner).match(user_id))
        if not matches:
            continue
        for item in selection.items:
            bounds = parse_address_range(item.upper)
            if bounds is not None and bounds[0] <= address <= bounds[1]:
                return True
    return False


def _built_on(entry: Entry, members: tuple[str, ...]) -> list[str]:
    """The `members` an IDENTITY's BUILD statements name (`BUILD ON *`: each)."""
    built = {b.member for b in entry.builds}
    return [m for m in members if m in built or "*" in built]


def _declared_members(model: Model, job) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m for m in job.members if model.member(m) is not None))


def global_minidisks_per_member(model: Model, directory: Directory) -> Iterator[Diagnostic]:
    """BKR530: each minidisk of an IDENTITY entry itself (global: `is_global`) that an
    include of a job of IDENTITY users running on two or more members the IDENTITY is
    built on selects, and the job does not exclude; once per job and minidisk, at the
    first include's address that reaches it."""
    holders = {e.id for e in directory.entries if e.kind == "IDENTITY" and any(map(is_global, e.disks))}
    if not holders:
        return
    holders -= directory.twice  # which of its entries is meant: BKR503's
    for job in model.jobs:
        members = _declared_members(model, job)
        if job.run is None or len(members) < 2 or job.kinds != {Kind.IDENTITY}:
            continue
        said: set[tuple[str, int]] = set()
        for selection, owners in zip(job.includes, model.include_owners(job), strict=True):
            if selection.medium is not Medium.MINIDISK:
                continue
            named = [o for o in owners if is_pattern(o) or o in holders]
            for entry in directory.users_named(named) if named else ():
                if entry.id not in holders or len(on := _built_on(entry, members)) < 2:
                    continue
                for item in selection.items:
                    bounds = parse_address_range(item.upper)
                    if bounds is None or bounds[0] > bounds[1]:
                        continue  # malformed or reversed: the checker's
                    for disk in entry.disks:
                        key = (entry.id, disk.address)
                        if (
                            bounds[0] <= disk.address <= bounds[1]
                            and key not in said
                            and is_global(disk)
                            and not _excluded(job, entry.id, disk.address)
                        ):
                            said.add(key)
                            yield _global_per_member(model, directory, job, selection, item, entry, disk, on)


def _global_per_member(
    model: Model, directory: Directory, job, selection, item, entry: Entry, disk: Minidisk, on: list[str]
) -> Diagnostic:
    address = f"{disk.address:04X}"
    how = "each member" if job.each_member else listed(on)
    related = (
        Related(disk.statement, f"IDENTITY {quoted(entry.id)}'s MDISK {address}, in its entry, not a SUBCONFIG"),
        Related(job.run.placement.span, f"job {quoted(job.name)} runs on {how} here"),
    )
    # The message stays within the renderers' MESSAGE_WIDTH with the longest names (eight
    # members of eight characters, user and job names of eight): the members and the
    # jobs the job becomes are named in the related label at its `run`, not here.
    both = global_and_local(directory, entry, disk)
    if both is not None:
        # An exclude would take the local ones out too, and a job on one member selecting
        # them is BKR221: `bkrc init`'s advice (starter.directory_global_and_local) instead.
        return GLOBAL_MINIDISK_PER_MEMBER(
            f"job {quoted(job.name)} backs up {quoted(entry.id)}'s minidisk {address}, but IDENTITY"
            f" {quoted(entry.id)} defines it {both.said()}",
            item.span,
            help=both.help(on[0]),
            related=(related[0], *both.related[:8], related[1]),
        )
    names = dict(model.derived_names(job))
    copies = listed([names.get(m, job.name) for m in on], 8)
    return GLOBAL_MINIDISK_PER_MEMBER(
        f"job {quoted(job.name)} backs up {quoted(entry.id)}'s minidisk {address} on {how}, but the site's directory"
        " defines it in the IDENTITY entry itself: one global minidisk every instance shares, so each of the"
        f" {len(on)} members' jobs backs it up",
        item.span,
        help=_global_per_member_help(model, directory, job, selection, entry.id, address, on[0]),
        related=(related[0], Related(job.run.placement.span, f"job {quoted(job.name)} runs on {how} here, as {copies}")),
    )


def _global_per_member_help(model: Model, directory: Directory, job, selection, user: str, address: str, first: str) -> str:
    """BKR530's way out for a global minidisk an include of `job`, run on several members,
    selects. Where every minidisk include of the job selects only global minidisks (and it
    has no other include), the job itself is the job of its own: run it on one member.
    Where this include does (`include minidisk SCHEDSVR 0300`, beside the job's `* 0191`),
    move the include out: the exclude the usual advice writes would leave it nothing
    (BKR415). Else exclude the minidisk, and back it up once, from one member."""
    moved = "; or move the MDISK statement into each SUBCONFIG if every instance should have its own"
    owners = model.include_owners(job)
    only_global = [
        s.medium is Medium.MINIDISK and global_minidisks(model, directory, job, s, o) is True
        for s, o in zip(job.includes, owners, strict=True)
    ]
    if all(only_global):
        return (
            f"run the job on one member, `run on {first}` (line {job.run.placement.span.line}): each of its includes"
            " selects only global minidisks, which BKR221 allows with `--directory`" + moved
        )
    if only_global[next(i for i, s in enumerate(job.includes) if s is selection)]:
        return (
            f"move the include (line {selection.span.line}) into a job of its own on one member (`run on {first}`),"
            " which BKR221 allows with `--directory`: it selects only global minidisks, so an exclude here would"
            " leave it nothing (BKR415)" + moved
        )
    return (
        f"exclude it from the job, `exclude minidisk {user} {address}`, and back it up once, in a job of"
        f" its own on one member (`include minidisk {user} {address}`, `run on {first}`), which BKR221 allows"
        " with `--directory`" + moved
    )


class GlobalAndLocal(NamedTuple):
    """An IDENTITY's global minidisk (`is_global`) whose address its directory entry
    defines again: in a SUBCONFIG of it (local), or in the entry itself (a T-DISK, one on
    `&SYSRES`, a second global one). An exclude takes an address, so it would take the
    others out with the global one, and a job on one member that selects them is BKR221:
    BKR530's usual advice, followed, leads there. `bkrc check` (BKR530,
    `_global_per_member`) and `bkrc init --directory` (`starter.directory_global_and_local`)
    say it with `said()` and `help()`, written here once. What CP does with both (one
    device per address: DIRECTXA's refusal, or which one an instance gets) is not
    confirmed (docs/compatibility.md), and the text does not guess."""

    entry: Entry
    disk: Minidisk
    #: The SUBCONFIGs of the entry that define the address (local), in BUILD order.
    subconfigs: tuple[str, ...]
    #: Whether each SUBCONFIG the entry's BUILD statements name defines it.
    every: bool
    #: Each other MDISK statement at the address, in the entry first, then its SUBCONFIGs'.
    related: tuple[Related, ...]

    def said(self) -> str:
        """What the directory does and why no job can back it up right, after "defines it"
        or "defines minidisk 0191"."""
        if not self.subconfigs:
            again = "again there"
        elif self.every and len(self.subconfigs) > 1:
            again = "in each of its SUBCONFIGs (local)"
        elif len(self.subconfigs) == 1:
            again = f"in its SUBCONFIG {quoted(self.subconfigs[0])} (local)"
        else:  # named in the related labels: the message stays within MESSAGE_WIDTH
            again = f"in {len(self.subconfigs)} of its SUBCONFIGs (local)"
        return (
            f"in its entry itself (global: one every member's instance shares) and {again}: an exclude takes"
            " the address, so no job can back up the global one once and the others on each member"
        )

    def help(self, member: str, then: str = "") -> str:
        """Define the address once, either way of which the jobs can back it up right:
        global, once from `member`; local, on each member. `then`: what to do next (`bkrc
        init`'s "then run `bkrc init` again")."""
        return (
            f"define {quoted(self.entry.id)}'s {self.disk.address:04X} once: in the IDENTITY entry (global: backed"
            f" up once, from {member}) or in each SUBCONFIG (local: backed up on each member){then}; which one CP"
            " gives an instance, or whether DIRECTXA takes both, bkrc does not know (docs/compatibility.md)"
        )


def global_and_local(directory: Directory, entry: Entry, disk: Minidisk) -> GlobalAndLocal | None:
    """`disk`, a global minidisk of IDENTITY `entry` itself, with the other MDISK
    statements that define its address (`GlobalAndLocal`); None when it is the only one."""
    address = f"{disk.address:04X}"
    others: list[Related] = []
    for d in entry.disks:
        if d.address == disk.address and d is not disk:
            what = "a T-DISK" if d.form == "T-DISK" else "global too" if is_global(d) else "on `&SYSRES`"
            others.append(Related(d.statement, f"MDISK {address} in the IDENTITY entry itself again: {what}"))
    subconfigs = [
        sub
        for sub in map(directory.entry, dict.fromkeys(b.subconfig for b in entry.builds))
        if sub is not None and sub.kind == "SUBCONFIG"
    ]
    local = []
    for sub in subconfigs:
        for d in sub.disks:
            if d.address == disk.address:
                if sub.id not in local:
                    local.append(sub.id)
                others.append(Related(d.statement, f"MDISK {address} in SUBCONFIG {quoted(sub.id)}: local"))
    if not others:
        return None
    return GlobalAndLocal(entry, disk, tuple(local), len(local) == len(subconfigs), tuple(others))


def global_minidisks(model: Model, directory: Directory, job, selection, owners: tuple[str, ...]) -> bool | None:
    """What the directory proves of one minidisk include of `job` (`owners`: whom it
    names, `Model.include_owners`), for BKR221's rule that a job of IDENTITY users whose
    every include backs up data every member shares may run on one member
    (`bkrdsl.check.jobs._shared_data_only`). None when nothing is proven: an owner the
    directory lacks, of the other kind, whose entry is in doubt, or not built on each
    member the job runs on, or an address that reaches, the job's excludes taken out, a
    minidisk of a SUBCONFIG (local) or one `is_global` does not hold (a T-DISK, one on
    `&SYSRES`). Else whether it selects one or more minidisks of the IDENTITY entries
    themselves: global ones, one every member shares (IBM's "MDISK Directory
    Statement"), which one member's backup server reaches for all, as BKR226's shared
    file pool."""
    if not directory.readable or selection.medium is not Medium.MINIDISK or not owners:
        return None
    members = _declared_members(model, job)
    entries: list[Entry] = []
    for owner in owners:
        named = directory.users_named((owner,))
        # A user the directory lacks, of the other kind, or whose entry is in doubt: nothing proven.
        if not named or any(e.kind != "IDENTITY" or e.id in directory.twice or e.builds_unread for e in named):
            return None
        entries.extend(named)
    selected = False
    for entry in entries:
        if len(_built_on(entry, members)) != len(members):
            return None
        own = len(entry.disks)
        for item in selection.items:
            bounds = parse_address_range(item.upper)
            if bounds is None or bounds[0] > bounds[1]:
                return None
            # Its own minidisks first, then its SUBCONFIGs'.
            for n, disk in enumerate(directory.minidisks_of(entry)):
                if bounds[0] <= disk.address <= bounds[1] and not _excluded(job, entry.id, disk.address):
                    if n >= own or not is_global(disk):
                        return None  # a member's own (local) minidisk, or a temporary one
                    selected = True
    return selected


def subconfigs_built_by_none(directory: Directory, lacking: set[str], model: Model | None = None) -> Iterator[Diagnostic]:
    """BKR517: each SUBCONFIG no BUILD statement names, but those after an IDENTITY
    BKR514 or BKR518 compared (their diagnostic names it). Its help writes the BUILD
    statement whole where the member is known (`_unbuilt_help`)."""
    built = directory.built_subconfigs
    for entry in directory.entries:
        if entry.kind != "SUBCONFIG" or entry.id in built or entry.follows in lacking:
            continue
        followed = directory.entry(entry.follows) if entry.follows else None
        if entry.follows and (followed is None or followed.kind != "IDENTITY" or followed.builds_unread):
            continue  # its IDENTITY's entry, or a BUILD statement of it, is BKR502's or BKR503's
        above = f", after IDENTITY {quoted(entry.follows)}" if entry.follows else ""
        yield SUBCONFIG_BUILT_BY_NONE(
            f"SUBCONFIG {quoted(entry.id)}{above}, is named by no IDENTITY's BUILD statement: no instance"
            " uses it, so no job backs up its minidisks",
            entry.span,
            help=_unbuilt_help(model, directory, entry, followed),
        )


def _unbuilt_help(model: Model | None, directory: Directory, entry: Entry, identity: Entry | None) -> str:
    """BKR517's help (stop 83). It said "add the `BUILD ON member USING SUBCONFIG id`
    statement", the member left to guess: copied, `BUILD ON member` checked clean, an
    instance on a system called MEMBER. The members the IDENTITY lacks are the
    cluster's (else those the directory builds on) it has no BUILD statement for: the
    one whose private volume holds the SUBCONFIG's minidisks, or the only one, is
    written in; several are named; none means the IDENTITY runs everywhere already,
    and the SUBCONFIG is one left behind: delete it."""
    save = "delete the SUBCONFIG once its minidisks are saved"
    if identity is None:
        return f"add the `BUILD ON member USING SUBCONFIG {entry.id}` statement to its IDENTITY, or {save}"
    if any(b.member == "*" for b in identity.builds):
        return f"{save}: IDENTITY {quoted(identity.id)} (line {identity.span.line}) is built on every member already (`BUILD ON *`)"
    members = model.member_names if model is not None and model.member_names else tuple(sorted(directory.built_members))
    written = [m.name for machine, m, _ in model.subconfigs() if machine == identity.id] if model is not None else []
    if written:  # a product machine: the members the compile writes it for
        members = tuple(written)
    has = {b.member for b in identity.builds}
    missing = [m for m in members if m not in has]
    if not missing:
        every = "every member the compile writes it for" if written else "every member"
        return (
            f"{save}: IDENTITY {quoted(identity.id)} (line {identity.span.line}) has a BUILD statement for"
            f" {every} already ({listed(members, len(members))})"
        )
    private = model.private_volumes if model is not None else {}
    on = [private.get(d.volume) for d in entry.disks if d.volume is not None]
    meant = [m for m in missing if m in on]
    if len(meant) == 1 or len(missing) == 1:
        member = (meant or missing)[0]
        return (
            f"add `BUILD ON {member} USING SUBCONFIG {entry.id}` to IDENTITY {quoted(identity.id)} (line"
            f" {identity.span.line}), if its minidisks are {quoted(member)}'s; otherwise {save}"
        )
    return (
        f"add `BUILD ON MEMBER USING SUBCONFIG {entry.id}` to IDENTITY {quoted(identity.id)} (line"
        f" {identity.span.line}), MEMBER the one its minidisks are for, {listed(missing, len(missing))}; otherwise {save}"
    )


def _builds_said(entry: Entry) -> str:
    if not entry.builds:
        return "it has no BUILD statement at all"
    return "built on " + listed([b.member for b in entry.builds], len(entry.builds))


class _Differs(NamedTuple):
    """One instance whose directory MDISK differs from the one the compile writes."""

    machine: str
    member: str | None  # None for a USER
    placed: Placed
    disk: Minidisk
    differences: tuple[str, ...]  # what the directory's says: "10 cylinders", "volume `M2PRV2`"


def machine_minidisks(
    model: Model, directory: Directory, dialect: Dialect | None, skip: frozenset[Span] | set[Span] = frozenset()
) -> Iterator[Diagnostic]:
    """BKR519, BKR520 and BKR532: the minidisks the compile writes for each product machine
    (`bkrdsl.allocation`, as the directory entries are written) against the MDISK
    statements the directory has for it, instance by instance. A machine the
    directory lacks, or gives the other kind (BKR510), is passed over, and so is
    BKR519 of a `disk` statement in `skip` (those BKR523 reports)."""
    compiled = _compiled(model, dialect)
    if compiled is None:
        return
    dialect, allocation = compiled
    differing: dict[Span, list[_Differs]] = {}  # by `disk` statement, in the order met
    compared: dict[Span, list[_Differs]] = {}  # every instance of each `disk` statement, alike or not
    #: By (machine, address), the workers as one machine: one slip (a `disk BKRWRK*`
    #: statement missing) is one diagnostic, whatever the number of workers.
    dropped: dict[tuple[str, int], list[tuple[Machine, str | None, Minidisk]]] = {}
    devices: dict[tuple[str, int], list[tuple[Machine, str | None, Minidisk]]] = {}  # the same, DEVNO, V-DISK, T-DISK
    instances_of: dict[str, list[tuple[str, str | None]]] = {}  # (machine, member) compared, by `_worker_or`
    for machine in allocation.machines:
        entry = directory.entry(machine.id)
        if entry is None or entry.kind != STATEMENT[machine.kind]:
            continue
        for instance in user_instances(directory, entry, machine.members):
            instances_of.setdefault(_worker_or(model, machine), []).append((machine.id, instance.member))
            compiled = {parse_address(p.disk.address.text): p for p in allocation.of(machine.id, instance.member)}
            for disk in instance.disks:
                placed = compiled.get(disk.address)
                if placed is None:
                    # An extent's data lost for good (BKR520); a V-DISK, T-DISK or DEVNO's use (BKR522).
                    lost = dropped if disk.form == "MDISK" else devices
                    lost.setdefault((_worker_or(model, machine), disk.address), []).append((machine, instance.member, disk))
                    continue
                found = _Differs(machine.id, instance.member, placed, disk, _differences(placed, disk))
                compared.setdefault(placed.disk.span, []).append(found)
                if found.differences:
                    differing.setdefault(placed.disk.span, []).append(found)
    taken = _Kept(directory, {machine.id for machine in allocation.machines})
    for span, found in differing.items():
        if span not in skip:
            yield _minidisk_differs(model, dialect, found, compared[span], taken)
    for span, found in compared.items():
        # An instance the compile leaves to DirMaint that the directory has at a fixed
        # extent, alike in all else (BKR532); a statement BKR519 or BKR523 reports is theirs.
        unplaced = [d for d in found if not d.differences and d.placed.start is None and _fixed(d.disk)]
        if unplaced and span not in skip and span not in differing:
            yield _place_not_given(model, allocation, unplaced, taken)
    for (owner, _), instances in dropped.items():
        own = allocation.disks.get(instances[0][0].id, ())
        everyone = {(m.id, member) for m, member, _ in instances} == set(instances_of[owner])
        yield _minidisk_dropped(model, dialect, own, owner, instances, everyone, (allocation, taken))
    for (owner, _), instances in devices.items():
        yield _device_dropped(model, allocation.disks.get(instances[0][0].id, ()), owner, instances)


class _Taken(NamedTuple):
    """An extent of the site's directory that the compile does not replace."""

    first: int
    end: float  # one past the last cylinder or block; infinity for `END`
    owner: str  # "USER `LNXWEB01`", "IDENTITY `TCPIP` (SUBCONFIG TCPIP-1)"
    disk: Minidisk


def extents_in_use(model: Model, directory: Directory, dialect: Dialect | None) -> Iterator[Diagnostic]:
    """BKR523: each `disk` statement whose extents, as the compile places them
    (explicit, or bkrc's sequential allocation), overlap an MDISK of a directory
    entry the compile does not replace (see the rule's text for what is passed
    over). One diagnostic per statement, at the first overlap met; the fixes of
    all of them are worked out together (`_Space`), so that no two hand out the
    same cylinders or blocks."""
    compiled = _compiled(model, dialect)
    if compiled is None:
        return
    dialect, allocation = compiled
    replaced = {machine.id for machine in allocation.machines}
    taken = _Kept(directory, replaced)
    if not taken:
        return
    placed = [p for p in allocation.placed if p.start is not None]
    first_hit: dict[Span, tuple[Placed, _Taken]] = {}  # by statement, in the order the entries write them
    for p in placed:
        hit = _overlapped(taken, p) if p.disk.span not in first_hit else None
        if hit is not None:
            first_hit[p.disk.span] = (p, hit)
    space = _Space(model, directory, taken, placed, _Kept(directory, replaced, of_replaced=True))
    sequential = dialect["disk_allocation"] == "sequential"
    for span, (p, hit) in first_hit.items():
        instances = [o for o in allocation.placed if o.disk.span == span]
        pins = len(space.pins)
        fix, why, note, target = _extent_fix(model, space, instances, p)
        kept = _shifted_statements(dialect, allocation, space.pins[pins:], set(first_hit)) if sequential and fix else []
        if kept:
            fix = _with_kept(model, allocation, fix, kept)
        yield _extent_taken(model, p, hit, target, note, fix, why, len(kept))


class _Kept:
    """The extents of the directory's MDISKs (`Directory.extents_on`), by (volume, device
    type), of every entry but the product machines' the compile writes (`replaced`,
    and their SUBCONFIGs), or, `of_replaced`, of those alone, each `owner` then the
    machine's ID. Only `get` reads it, and a volume's list is made when first asked:
    the checks ask of the few volumes the compile places the machines' minidisks on,
    not of the thousands of a site's directory."""

    def __init__(self, directory: Directory, replaced: set[str], of_replaced: bool = False) -> None:
        self.directory, self.replaced, self.of_replaced = directory, replaced, of_replaced
        self.made: dict[tuple[str, str], list[_Taken]] = {}

    def get(self, key: tuple[str, str], default=()) -> list[_Taken] | tuple:
        found = self.made.get(key)
        if found is None:
            found = self.made[key] = [
                _Taken(disk.start, disk.start + disk.size if disk.size is not None else float("inf"), self._owner(entry, owner), disk)
                for disk, entry, owner in self.directory.extents_on(*key)
                if (owner in self.replaced) == self.of_replaced
            ]
        return found or default

    def __bool__(self) -> bool:
        return self.directory.has_extent(lambda owner: (owner in self.replaced) == self.of_replaced)

    def _owner(self, entry: Entry, owner: str | None) -> str:
        if self.of_replaced:
            return owner
        if entry.kind == "SUBCONFIG" and owner is not None:
            return f"IDENTITY {quoted(owner)} (SUBCONFIG {entry.id})"
        return f"{entry.kind} {quoted(entry.id)}"  # a SUBCONFIG no IDENTITY names holds its extents all the same


def _overlapped(taken, p: Placed) -> _Taken | None:
    """The first extent of the directory that `p` (placed from a start) overlaps, if any."""
    return next((t for t in taken.get((p.volume, p.devtype), ()) if p.start < t.end and t.first < p.start + p.size), None)


class _Target(NamedTuple):
    """Where BKR523 moves an instance: `own` its extent in the directory, else the first free one."""

    volume: str
    start: int
    own: bool


class _Space:
    """The extents BKR523's help and fixes place an instance clear of, on each
    volume: the directory's that the compile does not replace (`taken`), the
    compile's own as placed (`placed`, but the instances the fix at hand writes),
    the directory's of the other product machines (`replaced`: where their own
    fixes may move them), and the targets the fixes worked out before have claimed.
    So two fixes never hand out the same cylinders, applied together or alone."""

    def __init__(self, model: Model, directory: Directory, taken, placed: list[Placed], replaced) -> None:
        self.model, self.directory, self.taken, self.placed, self.replaced = model, directory, taken, placed, replaced
        self.claimed: list[tuple[str, str, int, int]] = []  # (volume, device type, first, one past the last)
        self.pins: list[tuple[Placed, _Target]] = []  # the instance each of `claimed` is for, and where it goes

    def used(self, p: Placed, volume: str, writing: list[Placed]) -> list[tuple[float, float]]:
        """The extents on `volume` (of `p`'s device type) that `p` must keep clear of,
        while the fix writes the instances `writing` anew."""
        address = parse_address(p.disk.address.text)
        moving = {id(w) for w in writing}
        used = [(t.first, t.end) for t in self.taken.get((volume, p.devtype), ())]
        used += [(o.start, o.start + o.size) for o in self.placed if o.volume == volume and id(o) not in moving]
        others = [t for t in self.replaced.get((volume, p.devtype), ()) if (t.owner, t.disk.address) != (p.owner, address)]
        used += [(t.first, t.end) for t in others]
        used += [(lo, hi) for v, devtype, lo, hi in self.claimed if (v, devtype) == (volume, p.devtype)]
        return used

    def target(self, p: Placed, writing: list[Placed]) -> _Target | None:
        """Where `p` goes: the machine's own extent in the directory, where it is
        free and on a volume the cluster declares for the instance, else the first
        free start on `p`'s volume; None when the directory holds that volume to its end."""
        own = self.own_extent(p, writing)
        if own is not None and _volume_why(self.model, own[0], p.member) is None:
            return _Target(*own, own=True)
        free = self.first_free(p, writing)
        return None if free is None else _Target(p.volume, free, own=False)

    def own_extent(self, p: Placed, writing: list[Placed]) -> tuple[str, int] | None:
        """The (volume, start) the directory already gives `p`'s machine at its address
        (that member's SUBCONFIG, for an IDENTITY), where nothing else is: free once
        the compiled entry replaces the directory's; else None."""
        entry = self.directory.entry(p.owner)
        if entry is not None and p.member is not None:
            entry = self.directory.subconfig_on(entry, p.member)
        address = parse_address(p.disk.address.text)
        for disk in entry.disks if entry is not None else ():
            if disk.address == address and disk.form == "MDISK" and disk.volume and disk.start and disk.size == p.size:
                used = self.used(p, disk.volume, writing)
                clear = all(disk.start + p.size <= lo or hi <= disk.start for lo, hi in used)
                return (disk.volume, disk.start) if clear else None
        return None

    def first_free(self, p: Placed, writing: list[Placed]) -> int | None:
        """The first start on `p`'s volume, from the lowest start used there, where
        `p`'s size fits clear of `used`; None when the directory holds the volume to its end."""
        used = self.used(p, p.volume, writing)
        start = min([p.start, *(lo for lo, _ in used)])
        for lo, hi in sorted(used):
            if start + p.size <= lo:
                break
            start = max(start, hi)
        return None if start == float("inf") else int(start)

    def claim(self, target: _Target, p: Placed) -> None:
        self.claimed.append((target.volume, p.devtype, target.start, target.start + p.size))
        self.pins.append((p, target))

    def unclaim(self, since: int) -> None:
        """Forget the claims from the `since`th on (a fix that is not offered)."""
        del self.claimed[since:], self.pins[since:]


def _extent_taken(
    model: Model, p: Placed, hit: _Taken, target: _Target | None, per: str | None, fix: Fix | None, why: str | None,
    kept: int = 0,
) -> Diagnostic:
    """BKR523 at `p`'s statement; the help moves `p` to `target` (see `_Space.target`),
    and says where the statement must become one per member, or per machine and
    member (`per`, see `_MOVE_NOTE`); the fix (`_extent_fix`) writes them."""
    unit = "cylinders" if p.devtype == "3390" else "blocks"
    instance = _instance_name(p.owner, p.member)
    extent = f"{hit.first} to the volume's end" if hit.end == float("inf") else f"{hit.first}-{int(hit.end) - 1}"
    explicit = p.disk.start is not None
    where = f"its `at {p.disk.start.text}`" if explicit else "placed by bkrc's sequential allocation"
    autov = "leave out `at` and let DirMaint place it" if explicit else "let DirMaint place it, the dialect's `disk_allocation = \"autov\"`"
    if target is None:
        move = f"place it on another volume, one with {p.size:,} {unit} free: the directory's minidisks run to the end of {quoted(p.volume)}"
    elif target.own:
        move = f"place it where the site's directory has it: `on {target.volume} at {target.start}`"
    else:
        move = f"place it on a free extent: `on {p.volume} at {target.start}`, the first on {quoted(p.volume)} that holds {p.size} {unit}"
    move += _MOVE_NOTE[per]
    move += ", clear of every extent of the directory and of the compile"
    if kept:  # `_shifted_statements`: the fix writes their places too
        move += (
            f", and `on VOL at START` where {kept:,} other statement{'s' if kept > 1 else ''} place{'' if kept > 1 else 's'}"
            " theirs now (bkrc's sequential allocation would move them into the extent it frees)"
        )
    return EXTENT_TAKEN(
        f"{instance}'s minidisk {parse_address(p.disk.address.text):04X} on {quoted(p.volume)}, {unit} {p.start}-{p.start + p.size - 1}"
        f" ({where}), overlaps {hit.owner}'s minidisk {hit.disk.address:04X} ({unit} {extent}) in the"
        " site's directory: once both are deployed, each overwrites the other's files",
        p.disk.span,
        help=f"{move}; or {autov}{_no_fix(why)}",
        related=(Related(hit.disk.statement, f"{hit.owner}'s MDISK {hit.disk.address:04X}"),),
        fix=fix,
    )


#: After the help's move: whether the statement gives one instance (None), several
#: of one machine, one statement per member then placing them ("member"), or
#: several machines' (a pattern's: "machine and member", or "machine" for USERs).
_MOVE_NOTE = {
    None: "",
    "member": " (this instance's: the statement gives several, so write one `disk` statement per member, each `on` its private volume)",
    "machine and member": " (this instance's: the statement gives several machines the minidisk, so write one `disk` statement"
    " per machine and member, each `on` its private volume)",
    "machine": " (this instance's: the statement gives several machines the minidisk, so write one `disk` statement per machine,"
    " each `on` a shared volume)",
}


def _extent_fix(model: Model, space: _Space, instances: list[Placed], p: Placed):
    """BKR523's fix for the statement of `instances` (every instance it gives; `p` the
    first that overlaps): (the fix or None, why none, the key of the help's
    `_MOVE_NOTE`, where `p` goes). `on VOL at START` where the statement places the
    one instance that must move (a USER's, or the member's its `on` names); else one
    statement per instance (per member of an IDENTITY, per machine and member of a
    pattern's), each `on VOL at START`: the instance's own place where it need not
    move and the statement states it, else where `_Space.target` puts it; in the
    order the entries are written (a pattern's machine by machine), the first in the
    statement's place (a comment after it kept), the others on lines of their own
    below it. What the fix writes is claimed in `space`."""
    written = next(d for d in model.disks if d.span == instances[0].disk.span)  # as written: its `on` is every member's
    machines = list(dict.fromkeys(o.owner for o in instances))
    moving = [o for o in instances if o.start is not None and _overlapped(space.taken, o) is not None]
    if len(machines) == 1 and (len(instances) == 1 or (len(moving) == 1 and moving[0].disk.start is not None)):
        target = space.target(p, [p])  # it places that one itself
        if target is None:
            return None, None, None, None  # the help says: another volume
        space.claim(target, p)
        edits, place = _place_words(p.disk, target.volume, target.start, p)
        return Fix(f"Write `{_disk_words(written)}{place}`", edits), None, None, target
    if len(machines) == 1:
        per = "member"
    else:
        per = "machine" if all(o.member is None for o in instances) else "machine and member"
    if any(o.start is None for o in instances):  # DirMaint places some: there is no `at` to write for them
        return None, f"DirMaint places some of its instances: write one `disk` statement per {per} by hand", per, space.target(p, [p])
    # Where the statement puts an instance that need not move, it stays; the others are written anew.
    stay = [o for o in instances if o.disk.start is not None and all(o is not m for m in moving)]
    anew = [o for o in instances if all(o is not s for s in stay)]
    claimed = len(space.claimed)
    targets: list[_Target] = []
    for o in instances:
        target = space.target(o, anew) if any(o is a for a in anew) else _Target(o.volume, o.start, own=False)
        if target is None:
            space.unclaim(claimed)  # no fix: it claims nothing
            where = quoted(o.volume) if o.member is None else f"{quoted(o.volume)}, {quoted(o.member)}'s volume"
            return None, f"the directory's minidisks run to the end of {where}", per, space.target(p, [p])
        space.claim(target, o)
        targets.append(target)
    statements = [
        f"{_disk_words(written, None if per == 'member' else o.owner)} on {t.volume} at {t.start}"
        for o, t in zip(instances, targets, strict=True)
    ]
    edits = (Edit(written.span, statements[0]), statements_after(model, written.span, statements[1:]))
    title = f"Write one `disk` statement per {per}, `{statements[0]}` and {len(statements) - 1:,} more"
    return Fix(title, edits), None, per, next(t for o, t in zip(instances, targets, strict=True) if o is p)


def _shifted_statements(dialect: Dialect, allocation, pins: list[tuple[Placed, _Target]], reported: set[Span]) -> list[Span]:
    """Under `disk_allocation = "sequential"`: the `disk` statements (none of `reported`,
    BKR523's own) whose instances bkrc would place elsewhere once the instances of
    `pins` are written where the fix puts them: the extents they leave are handed out
    again, from the volume's first cylinder, to the instances after them, which can
    land on the directory's minidisks (TCPIP's at cylinder 1 of a private volume: the
    fix was refused, run after run). Each such statement is kept where it is (its
    every instance `on VOL at START`, `_with_kept`), which can move others in turn:
    worked out until none moves. In the order the entries write them."""
    pinned = {id(o): (t.volume, t.start) for o, t in pins}
    kept: list[Span] = []
    while True:
        moved = [o.disk.span for o in _sequential_moves(dialect, allocation, pinned) if o.disk.span not in reported]
        new = list(dict.fromkeys(span for span in moved if span not in kept))
        if not new:
            return kept
        for o in allocation.placed:
            if o.disk.span in new:
                pinned[id(o)] = (o.volume, o.start)
        kept += new


def _sequential_moves(dialect: Dialect, allocation, pinned: dict[int, tuple[str, int]]) -> list[Placed]:
    """The instances sequential allocation places otherwise than `allocation` does once
    those of `pinned` (by `id`) are explicit extents there (`allocation._Allocator`'s
    order and rule, `first_free`)."""
    from bkrdsl.allocation import first_free

    used: dict[str, list[tuple[int, int]]] = {}
    placed = [o for o in allocation.placed if o.start is not None]
    for o in placed:
        if id(o) in pinned:
            volume, start = pinned[id(o)]
            used.setdefault(volume, []).append((start, start + o.size))
        elif o.disk.start is not None:
            used.setdefault(o.volume, []).append((o.start, o.start + o.size))
    moved = []
    for o in placed:
        if id(o) in pinned or o.disk.start is not None:
            continue
        unit = dialect.unit(o.disk.unit.text)
        start = first_free(used.get(o.volume, []), unit.first if unit is not None else o.start, o.size)
        used.setdefault(o.volume, []).append((start, start + o.size))
        if start != o.start:
            moved.append(o)
    return moved


def _with_kept(model: Model, allocation, fix: Fix, kept: list[Span]) -> Fix:
    """`fix` and the edits that keep each statement of `kept` where bkrc places it now:
    `on VOL at START` for one instance, else one statement per member (per machine and
    member for a pattern's), as BKR523's fix writes them."""
    edits = list(fix.edits)
    for span in kept:
        written = next(d for d in model.disks if d.span == span)
        instances = [o for o in allocation.placed if o.disk.span == span]
        if len(instances) == 1:
            o = instances[0]
            edits += _place_words(o.disk, o.volume, o.start, o)[0]
            continue
        several = len({o.owner for o in instances}) > 1
        statements = [f"{_disk_words(written, o.owner if several else None)} on {o.volume} at {o.start}" for o in instances]
        edits += (Edit(written.span, statements[0]), statements_after(model, written.span, statements[1:]))
    names = ", ".join(f"`disk {d.user.text} {d.address.text}`" for d in model.disks if d.span in kept)
    return Fix(f"{fix.title}; keep {names} where bkrc places them now", tuple(edits))


def _disk_words(statement: ast.Disk, user: str | None = None) -> str:
    """`statement` up to its size's unit, as written (its user `user`, where given):
    the words an `on VOL at START` follows."""
    return f"disk {user or statement.user.text} {statement.address.text} size {statement.size.text} {statement.unit.text}"


def _one_extent_why(statement: ast.Disk, machines: int) -> str:
    """Why `on VOL at START` cannot place a pattern's statement: every machine's instance would share the one extent."""
    return f"`disk {statement.user.text}` gives {machines:,} machines the minidisk, and `on VOL at START` would put them on one extent"


def _differences(placed: Placed, disk: Minidisk) -> tuple[str, ...]:
    """What the directory's MDISK states otherwise than the compile's, in its words."""
    if disk.form != "MDISK":
        return (f"a {disk.form}",)
    out = []
    if disk.devtype != placed.devtype:
        out.append(f"device type {disk.devtype}")
    if disk.size is not None and disk.size != placed.size:
        out.append(f"{disk.size:,} {_unit_word(disk.devtype)}")
    if disk.volume is not None and disk.volume != placed.volume:
        out.append(f"volume {quoted(disk.volume)}")
    if disk.start is not None and placed.start is not None and disk.start != placed.start:
        out.append(f"first {_unit_word(disk.devtype)[:-1]} {disk.start:,}")
    return tuple(out)


def _unit_word(devtype: str) -> str:
    return "blocks" if devtype.startswith("FB") else "cylinders"


def _instance_name(machine: str, member: str | None) -> str:
    return quoted(machine) if member is None else f"{quoted(machine)} on {quoted(member)}"


def _written(placed: Placed) -> str:
    """The compile's MDISK, in the words `_differences` uses for the directory's."""
    unit = _unit_word(placed.devtype)
    start = f", first {unit[:-1]} {placed.start:,}" if placed.start is not None else ""
    return f"{placed.size:,} {unit}, volume {quoted(placed.volume)}{start}"


def _more_instances(found: list[_Differs]) -> str:
    """How many more instances differ so; the related places show the first three
    (naming them here too cut the message at the text report's MESSAGE_WIDTH:
    BKRCATLG's 0191 on four members was 360 characters)."""
    others = len(found) - 1
    return f" (and for {others:,} more instance{'s' if others > 1 else ''})" if others else ""


def _minidisk_differs(model: Model, dialect: Dialect, found: list[_Differs], compared: list[_Differs], taken) -> Diagnostic:
    """BKR519 for one `disk` statement, at the word that differs first (its size, else its place);
    `compared` is every instance of the statement the directory defines, `found` those that differ;
    `taken` the directory's extents the compile does not replace (`_Kept`)."""
    first = found[0]
    statement = first.placed.disk
    vdev = f"{first.disk.address:04X}"
    size_differs = not first.differences[0].startswith(("volume", "first"))
    span = statement.size.span if size_differs else (statement.volume or statement.address).span
    # The statement as written: an IDENTITY's `on VOL` naming another member's volume
    # is left out of the instance's copy (`allocation._for_member`), not of the text.
    written = next(d for d in model.disks if d.span == statement.span)
    fix, why = _differs_fix(model, dialect, written, found, compared, taken)
    keep = f"{_keep_help(statement, first)}, or, if the change is meant, copy"
    if any(_shared_why(taken, d.disk) for d in found):  # it cannot stay: the move is meant
        keep = "copy"
    help_ = f"{keep} the minidisk's contents when the entries are deployed (docs/deploy.md){_no_fix(why)}"
    sizes = {(c.disk.size, c.disk.devtype) for c in compared if c.disk.size is not None}
    if fix is None and len(sizes) > 1 and not any(_shared_why(taken, d.disk) for d in found):
        help_ = _sizes_help(written, found, compared)
    return MINIDISK_DIFFERS(
        f"`disk {statement.user.text} {statement.address.text}` writes {_instance_name(first.machine, first.member)}'s"
        f" {vdev} ({_written(first.placed)}), but the site's directory's MDISK says"
        f" {' and '.join(first.differences)}{_more_instances(found)}: deploying the compiled entry redefines the"
        " minidisk, and CP neither moves nor resizes what it holds",
        span,
        help=help_,
        related=tuple(
            Related(d.disk.statement, f"{_instance_name(d.machine, d.member)}'s {vdev} in the directory")
            for d in _by_statement(found)[:3]
        ),
        fix=fix,
    )


def _sizes_help(statement: ast.Disk, found: list[_Differs], compared: list[_Differs]) -> str:
    """BKR519's help where the directory gives the statement's instances more than one
    size (stop 83). It said "write the directory's size, `size 10 cyl`", the size of the
    first instance that differs: written, every other instance differed (BKR519 again,
    whose help gave the first size back), and one statement per instance is BKR324's
    error (one machine's minidisk has one size on every member). One size is to be
    chosen, and the instances of another size copied, or moved to that size in the
    directory first, which ends the warning before anything is deployed."""
    unit, size, line = statement.unit.text, statement.size.text, statement.span.line
    odd = [d for d in found if d.disk.size is not None and d.disk.size != d.placed.size]
    alike = len(compared) - len(odd)
    one = "one `disk` statement gives all its instances one size (BKR324)"
    words = _unit_word(compared[0].placed.devtype)
    if odd and alike:
        d = odd[0]
        them = "that one to a minidisk" if len(odd) == 1 else f"those {len(odd):,} to minidisks"
        more = f" and {len(odd) - 1:,} more" if len(odd) > 1 else ""
        other = " or ".join(dict.fromkeys(f"`size {o.disk.size} {unit}`" for o in odd))
        rest = "the other one" if alike == 1 else f"the other {alike:,}"
        return (
            f"{one}, and the directory gives {_instance_name(d.machine, d.member)}{more} {d.disk.size:,}"
            f" {_unit_word(d.disk.devtype)}, {rest} `size {size} {unit}`:\nkeep `size {size} {unit}` and move"
            f" {them} of {compared[0].placed.size:,} {words} (DirMaint's CMDISK) before deploying, or copy"
            f" the contents after;\nor write {other} for `size {size} {unit}` (line {line}) and do so for {rest}"
            " (docs/deploy.md)"
        )
    choices = " or ".join(dict.fromkeys(f"`size {c.disk.size} {unit}`" for c in compared if c.disk.size is not None))
    return (
        f"{one}, and the directory gives them several:\nwrite the one they should have, {choices} (line {line}), and"
        " move the others to minidisks of that size (DirMaint's CMDISK) before deploying, or copy the contents after"
        " (docs/deploy.md)"
    )


def _fixed(disk: Minidisk) -> bool:
    """Whether the directory's MDISK states its extent in full: volume, first cylinder or block, size."""
    return disk.form == "MDISK" and disk.allocation is None and None not in (disk.volume, disk.start, disk.size)


def _place_not_given(model: Model, allocation, unplaced: list[_Differs], taken) -> Diagnostic:
    """BKR532 for one `disk` statement without `at START`, whose instances `unplaced`
    (in the order the entries are written) the directory has at fixed extents."""
    first = unplaced[0]
    statement = first.placed.disk
    written = next(d for d in model.disks if d.span == statement.span)  # as written: its `on` is every member's
    instances = [p for p in allocation.placed if p.disk.span == statement.span]
    where = {id(d.placed): d.disk for d in unplaced}
    machines = list(dict.fromkeys(p.owner for p in instances))
    if len(machines) > 1:
        per = "worker and member" if all(p.member is not None for p in instances) else "machine"
    else:
        per = "member"
    pattern = len(machines) > 1
    unit = _unit_word(first.disk.devtype)
    vdev = f"{first.disk.address:04X}"
    disk = first.disk
    adds = written.start is not None  # it places one member's instance, and leaves the others allocated
    if adds:
        statements = [f"{_disk_words(written)}{_on_at(d.disk)}" for d in unplaced]
        help_ = (
            f"add one `disk` statement per member's instance it leaves allocated, each `on` its volume `at` its"
            f" directory extent: `{statements[0]}`{', ...' if len(statements) > 1 else ''}"
        )
    elif len(instances) == 1:
        statements = [f"{_disk_words(written)}{_place_words(written, disk.volume, disk.start, first.placed)[1]}"]
        help_ = f"write its place, `on {disk.volume} at {disk.start}`: `{statements[0]}`"
    else:
        statements = [
            f"{_disk_words(written, o.owner if pattern else None)}{_on_at(where[id(o)])}"
            for o in instances
            if id(o) in where
        ]
        # The second statement by its place alone (`then `on M2PRV1 at 322``), a pattern's by none: within the width.
        then = "".join(f", then `on {s.rsplit(' on ', 1)[1]}`" for s in statements[1:2] if not pattern)
        instead = f" in place of `disk {written.user.text} {written.address.text}`" if pattern else ""
        help_ = (
            f"write one `disk` statement per {per}{instead}, each `on` its volume `at` its directory extent,"
            f" as `bkrc init --directory` does: `{statements[0]}`{then}"
        )
        help_ += ", ..." if len(statements) > 2 or (pattern and len(statements) > 1) else ""
    replaced = _Kept(taken.directory, taken.replaced, of_replaced=True)
    fix, why = None, _placed_why(instances, where, unplaced, allocation, taken, replaced)
    shared = next((w for w in (_shared_why(taken, d.disk) for d in unplaced) if w), None)
    if shared is not None:
        # Stop 83: the help wrote the directory's place all the same, and its line below
        # said that written it would be BKR523's error, whose help leaving out `at` was
        # this warning again: a circle. Two users' minidisks on the same cylinders are
        # the directory's own slip, for the site to settle there first.
        help_ = (
            f"{shared.split(': written back', 1)[0]} already: settle in the directory whose data those {unit} hold"
            f" first (written here, `on {disk.volume} at {disk.start}` would be BKR523's error);\nor leave the place"
            " to DirMaint, and copy the minidisk's contents when the entries are deployed"
        )
        why = None
    elif why is None:
        if adds:
            title = f"Add `{statements[0]}`" if len(statements) == 1 else f"Add {len(statements):,} `disk` statements"
            fix = Fix(title, (statements_after(model, written.span, statements),))
        elif len(instances) == 1:
            edits, place = _place_words(written, disk.volume, disk.start, first.placed)
            fix = Fix(f"Write `{_disk_words(written)}{place}`", edits)
        else:
            edits = (Edit(written.span, statements[0]), statements_after(model, written.span, statements[1:]))
            fix = Fix(f"Write one `disk` statement per {per}, `{statements[0]}` and {len(statements) - 1:,} more", edits)
    of = "" if first.member is None else f" (`{first.member}`'s instance)"
    more = _unplaced_others(unplaced, unit)
    from bkrdsl.diagnostics.render import MESSAGE_WIDTH

    help_ += f" (docs/deploy.md){_no_fix(why)}"
    later = "; a worker a higher `workers` count adds needs its own (BKR253)"
    # the advice's line (why no fix is on the next)
    if pattern and len(help_.partition("\n")[0]) + len(later) <= MESSAGE_WIDTH:
        help_ = help_.replace(" (docs/deploy.md)", f"{later} (docs/deploy.md)")
    for long in (", as `bkrc init --directory` does", " (docs/deploy.md)"):  # within the renderers' width
        if len(help_.partition("\n")[0]) > MESSAGE_WIDTH:
            help_ = help_.replace(long, "")
    message = (
        f"minidisk {quoted(first.machine)} {vdev}{of} exists on {quoted(disk.volume)} at {unit[:-1]} {disk.start}"
        f" (size {disk.size}{more}) in the site's directory; this file gives no place, so the compiled entry says"
        " AUTOV (DirMaint's allocation), and the existing disk's data would not follow"
    )
    if len(message) > MESSAGE_WIDTH:  # long names and places: the count alone, within the renderers' width
        message = message.replace(more, more.split(" at ", 1)[0])
    return PLACE_NOT_GIVEN(
        message,
        written.span,
        help=help_,
        related=tuple(
            Related(d.disk.statement, f"{_instance_name(d.machine, d.member)}'s {vdev} in the directory")
            for d in _by_statement(unplaced)[:3]
        ),
        fix=fix,
    )


def _unplaced_others(unplaced: list[_Differs], unit: str) -> str:
    """BKR532's words for the instances after the first (each on its own volume, of the
    first's size: BKR532's are alike in all but the place): at the first's cylinder or
    block, or at which ones ("and 2 more instances at cylinder 362"), never claiming
    them the same extent where the directory has them elsewhere."""
    others = unplaced[1:]
    if not others:
        return ""
    first = unplaced[0].disk.start
    starts = sorted({d.disk.start for d in others})
    if starts == [first]:
        at = f"the same {unit[:-1]}"
    elif len(starts) == 1:
        at = f"{unit[:-1]} {starts[0]}"
    elif len(starts) == 2:
        at = f"{unit} {starts[0]} and {starts[1]}"
    else:
        at = f"{unit} {starts[0]} to {starts[-1]}"
    return f"; and {len(others):,} more instance{'s' if len(others) > 1 else ''} at {at}"


def _placed_why(instances, where, unplaced: list[_Differs], allocation, taken, replaced) -> str | None:
    """Why BKR532 offers no fix: an instance of the statement the directory has no fixed
    extent for, or a directory extent another user's (`taken`), another product
    machine's in the directory (`replaced`), another instance's or another statement's
    placed extent overlaps; else None."""
    left = [p for p in instances if id(p) not in where and p.start is None]
    if left:
        return (
            f"the directory has no fixed extent of that size for {_instance_name(left[0].owner, left[0].member)}'s,"
            " which would stay allocated"
        )
    return _extents_why([(d.machine, d.disk) for d in unplaced], allocation, taken, replaced)


def _extents_why(disks: list[tuple[str, Minidisk]], allocation, taken, replaced) -> str | None:
    """Why the directory's fixed extents of product machines' minidisks `disks`
    ((machine, MDISK) pairs) cannot each be written `on VOL at START` (BKR532's and
    BKR520's placed statements): another user's extent (`taken`), another product
    machine's in the directory (`replaced`), another of `disks`, or another the
    compile places (`allocation`) overlaps one; else None."""
    shared = next((w for w in (_shared_why(taken, disk) for _, disk in disks) if w), None)
    if shared:
        return shared
    for machine, disk in disks:  # another product machine's extent in the directory: its data, where its own fix may put it
        end = disk.start + disk.size
        hit = next(
            (
                t
                for t in replaced.get((disk.volume, disk.devtype), ())
                if (t.owner, t.disk.address) != (machine, disk.address) and disk.start < t.end and t.first < end
            ),
            None,
        )
        if hit is not None:
            return f"the directory's extent on {quoted(disk.volume)} from {disk.start} overlaps `{hit.owner}`'s {hit.disk.address:04X} there"
    extents = [(disk.volume, disk.devtype, disk.start, disk.start + disk.size) for _, disk in disks]
    extents += [(p.volume, p.devtype, p.start, p.start + p.size) for p in allocation.placed if p.start is not None]
    for i, (v, t, lo, hi) in enumerate(extents[: len(disks)]):
        for v2, t2, lo2, hi2 in extents[i + 1 :]:
            if (v, t) == (v2, t2) and lo < hi2 and lo2 < hi:
                return f"the directory's extent on {quoted(v)} from {lo} overlaps another the compile writes there: written, it would be BKR523's error"
    return None


def _no_fix(why: str | None) -> str:
    """Why a help offers no fix, on a line of its own after the advice: the reason
    (a volume, an extent, a kind of MDISK) ran the one line past the text report's
    MESSAGE_WIDTH, which cut it (BKR520's, 313 characters)."""
    return f"\nno fix, as {why}" if why else ""


def _not_exact(disk: Minidisk) -> str | None:
    """Why no `disk` statement can write the directory's MDISK as it is (so no fix
    is offered, and the help says why), or None: an explicit extent, all stated."""
    if disk.form != "MDISK":
        what = "a whole real device, `DEVNO`," if disk.form == "DEVNO" else f"a {disk.form},"
        return f"the directory's MDISK is {what} which no `disk` statement writes"
    if disk.allocation is not None:
        return f"the directory's MDISK leaves its extent to DirMaint, `{disk.allocation}`: where it lies is not in the file"
    if disk.size is None:
        return "the directory's MDISK runs to its volume's end, `END`: its size is not in the file"
    if disk.volume is None:
        return "the directory's MDISK is on the system residence volume, `&SYSRES`: its label is not in the file"
    return None


def _shared_why(taken, disk: Minidisk) -> str | None:
    """Why the directory's extent of a product machine's MDISK cannot be written back:
    another user's extent in the directory (`taken`) overlaps it; else None."""
    if disk.form != "MDISK" or not disk.volume or not disk.start or disk.size is None:
        return None
    end = disk.start + disk.size
    hit = next((t for t in taken.get((disk.volume, disk.devtype), ()) if disk.start < t.end and t.first < end), None)
    if hit is None:
        return None
    unit = _unit_word(disk.devtype)
    return (
        f"the directory's extent ({unit} {disk.start}-{end - 1} of {quoted(disk.volume)}) overlaps {hit.owner}'s"
        f" minidisk {hit.disk.address:04X} there: written back, it would be BKR523's error"
    )


def _unit_of(dialect: Dialect, devtype: str) -> str | None:
    """The `disk` statement's unit that writes device type `devtype` (`cyl` for 3390), if one does."""
    return next((u.name for u in dialect.units.values() if u.devtype == devtype), None)


def _device_why(dialect: Dialect, disk: Minidisk) -> str:
    types = " or ".join(sorted({u.devtype for u in dialect.units.values()}))
    return f"a `disk` statement writes a {types} minidisk, and the directory's MDISK is a {disk.devtype}"


def _volume_why(model: Model, volume: str, member: str | None) -> str | None:
    """Why the directory's `volume` cannot be written `on` the `disk` statement for
    the instance on `member` (None: a USER), or None: one the cluster declares for it."""
    if member is None:
        ok = volume in model.shared_volumes
        what = "a `shared-volume` of the cluster"
    else:
        ok = model.private_volumes.get(volume) == member
        what = f"a `private-volume` of {quoted(member)}"
    return None if ok else f"the directory's volume {quoted(volume)} is not {what}"


def _differs_fix(model, dialect, statement: ast.Disk, found, compared, taken) -> tuple[Fix | None, str | None]:
    """BKR519's fix: the words of `statement` the directory's MDISK states otherwise,
    rewritten to it, the others kept as written (their spelling, the comment after);
    or None and why not, when one statement cannot write what every instance has, or
    the directory's extent is another user's too (written, it would be BKR523's)."""
    why = next((w for w in (_not_exact(d.disk) or _shared_why(taken, d.disk) for d in found) if w), None)
    if why:
        return None, why
    disk = found[0].disk
    edits = []
    size, unit = statement.size.text, statement.unit.text
    if any(d.disk.devtype != d.placed.devtype or d.disk.size != d.placed.size for d in found):
        if len({(c.disk.size, c.disk.devtype) for c in compared if c.disk.size is not None}) > 1:
            return None, "the directory gives the minidisk another size on some instances, and one `disk` statement one size"
        if disk.devtype != found[0].placed.devtype:
            unit = _unit_of(dialect, disk.devtype)
            if unit is None:
                return None, _device_why(dialect, disk)
            edits.append(Edit(statement.unit.span, unit))
        if disk.size != found[0].placed.size:
            size = str(disk.size)
            edits.append(Edit(statement.size.span, size))
    # As `_differences` compares: a start only where the compile gives one too.
    moved = [d for d in found if d.disk.volume != d.placed.volume or d.placed.start not in (None, d.disk.start)]
    place = "" if statement.volume is None else f" on {statement.volume.text}"
    place += "" if statement.start is None else f" at {statement.start.text}"
    if moved:
        more, place, why = _place_edit(model, statement, moved, len({c.machine for c in compared}))
        if why:
            return None, why
        edits.extend(more)
    written = f"disk {statement.user.text} {statement.address.text} size {size} {unit}{place}"
    return Fix(f"Write `{written}`", tuple(edits)), None


def _place_edit(model, statement: ast.Disk, moved: list[_Differs], machines: int):
    """(the edits, the place they write, None), or (None, None, why not): `on VOL at START`
    of the one instance whose directory MDISK is elsewhere, where the statement places
    that instance alone (a USER's, or one member's of an IDENTITY; the others of an
    IDENTITY are still allocated on their own private volumes)."""
    if machines > 1:
        return None, None, _one_extent_why(statement, machines)
    if len(moved) > 1:
        return None, None, (
            f"the directory places {len(moved):,} instances elsewhere, and one `disk` statement places one:"
            " write one statement per member, each `on` its private volume (docs/language.md)"
        )
    d = moved[0]
    if statement.volume is not None and statement.volume.upper != d.placed.volume:
        return None, None, (
            f"`on {statement.volume.text}` places another member's instance, and {_instance_name(d.machine, d.member)}'s"
            " is allocated: give it a statement of its own, `on` its private volume"
        )
    why = _volume_why(model, d.disk.volume, d.member)
    if why:
        return None, None, why
    return (*_place_words(statement, d.disk.volume, d.disk.start, d.placed), None)


def _place_words(statement: ast.Disk, volume: str, start: int, placed: Placed) -> tuple[tuple[Edit, ...], str]:
    """The edits that make `statement` write `on VOLUME at START`, only the words that
    differ from where it placed the instance (`placed`), and the place as it then reads."""
    at = str(start)
    if statement.volume is None:
        return (Edit(_end_of(statement.unit.span), f" on {volume} at {at}"),), f" on {volume} at {at}"
    edits = []
    if volume != placed.volume:
        edits.append(Edit(statement.volume.span, volume))
    else:
        volume = statement.volume.text  # as written
    if statement.start is None:
        edits.append(Edit(_end_of(statement.volume.span), f" at {at}"))
    elif start != placed.start:
        edits.append(Edit(statement.start.span, at))
    else:
        at = statement.start.text
    return tuple(edits), f" on {volume} at {at}"


def _first_volume(model: Model, member: str | None) -> str | None:
    """Where a `disk` statement without `on` puts the instance on `member` (None: a
    USER's): the member's first private volume, or the cluster's first shared one."""
    volumes = model.member(member).private_volumes if member is not None else model.shared_volumes
    return next(iter(volumes), None)


def _end_of(span: Span) -> Span:
    """The empty span just past `span`: an insertion there."""
    return span._replace(line=span.end_line, column=span.end_column, start=span.end)


def _by_statement(found: list[_Differs]) -> list[_Differs]:
    """The first instance of each directory MDISK: an IDENTITY's own is every member's."""
    return list({d.disk.statement: d for d in reversed(found)}.values())[::-1]


def _keep_help(statement: ast.Disk, first: _Differs) -> str:
    """How to keep the directory's minidisk: its size alone where only that differs
    (the place may be the allocation's, for every instance), else the whole statement."""
    disk = first.disk
    if disk.size is not None and first.differences == (f"{disk.size:,} {_unit_word(disk.devtype)}",):
        return f"write the directory's size, `size {disk.size} {statement.unit.text}`"
    return f"write the directory's minidisk, {_disk_statement(statement.user.text, disk)}"


def _disk_statement(owner: str, disk: Minidisk) -> str:
    """The `disk` statement that gives the directory's minidisk, as far as its MDISK says."""
    unit = "blk" if disk.devtype.startswith("FB") else "cyl"
    size = f"{disk.size}" if disk.size is not None else "N"
    place = f" on {disk.volume}" if disk.volume is not None else ""
    if place and disk.start is not None:
        place += f" at {disk.start}"
    return f"`disk {owner} {disk.address:03X} size {size} {unit}{place}`"


def _worker_or(model: Model, machine: Machine) -> str:
    """The name a `disk` statement gives `machine` by: the worker pattern for a
    worker (`BKRWRK*`: one statement gives every worker), else its ID."""
    if machine.role == "worker" and model.worker_pattern and is_pattern(model.worker_pattern):
        return model.worker_pattern
    return machine.id


def _minidisk_dropped(
    model: Model, dialect: Dialect, own: tuple[ast.Disk, ...], owner: str, instances, everyone: bool, placing
) -> Diagnostic:
    """BKR520 for one address of one machine (or of the workers, `owner` their
    pattern), at its first MDISK statement in the directory; the others related.
    `everyone`: every instance of `owner` the directory defines has it; `placing`:
    the compile's allocation and the directory's other extents (`_Kept`)."""
    machine, _, disk = instances[0]
    whose, where, owner, related = _dropped_from(model, own, owner, instances)
    given = disk if owner == machine.id else disk._replace(volume=None, start=None)
    statements, why = _dropped_statements(model, dialect, owner, instances, everyone, placing)
    add = f"add {_disk_statement(owner, given)}"
    if len(statements) > 1:
        per = "worker and member" if is_pattern(owner) else "member's instance"
        add = f"add one `disk` statement per {per}, `{statements[0]}` and {len(statements) - 1:,} more like it,"
    return MINIDISK_DROPPED(
        f"{whose} minidisk {disk.address:04X}{where} is in the site's directory, but no `disk` statement gives"
        " it: deploying the compiled entry drops it, and the next DIRECTXA frees its extent with what it holds",
        disk.span,
        help=f"{add} to cluster {quoted(model.name)}; if the minidisk is no longer"
        f" wanted, save what it holds and delete its MDISK statement from the directory first{_no_fix(why)}",
        related=tuple(related),
        fix=add_disk_statements(model, statements, own) if statements else None,
    )


def _dropped_from(model: Model, own: tuple[ast.Disk, ...], owner: str, instances) -> tuple[str, str, str, list[Related]]:
    """What BKR520 and BKR522 say of one address dropped from a machine (or from the
    workers, `owner` their pattern): whose it is ("USER `BKRSVSFS`'s", "the workers'
    (...)"), on which members, the name a `disk` statement gives it by (the machine's
    ID where one machine has it), and the related places (its `disk` statements, or
    the cluster's name; up to three other workers' MDISK statements)."""
    machine, _, disk = instances[0]
    machines = list(dict.fromkeys(m.id for m, _, _ in instances))
    members = list(dict.fromkeys(m for _, m, _ in instances if m is not None))
    where = f" (on {listed(members)})" if members else ""
    whose = f"{STATEMENT[machine.kind]} {quoted(machine.id)}'s"
    if len(machines) > 1:  # one `disk BKRWRK*` statement gives every worker's instance
        # the first and how many more (the related places show three more): every worker
        # named, up to 64, cut BKR522's message at the text report's MESSAGE_WIDTH (306
        # characters with four)
        whose = f"the workers' ({listed(machines, 1)})"
    else:
        owner = machine.id
    if own:
        related = [Related(own[0].span, f"{quoted(owner)}'s `disk` statements")]
    else:
        related = [Related(model.cluster.name.span, f"cluster {quoted(model.name)} gives {quoted(owner)} no `disk`")]
    others: dict[str, Span] = {}  # each other worker's first MDISK statement
    for m, _, d in instances:
        if m.id != machine.id:
            others.setdefault(m.id, d.statement)
    related += [Related(at, f"{quoted(m)}'s MDISK {disk.address:04X}") for m, at in list(others.items())[:3]]
    return whose, where, owner, related


#: What each form is, and what dropping it costs (BKR522).
_DEVICE_FORMS = {
    "DEVNO": ("a whole real device (DEVNO)", "the device keeps its data, but the machine no longer has it from its next logon"),
    "V-DISK": ("a virtual disk in storage (V-DISK)", "the machine no longer gets it at logon"),
    "T-DISK": ("a temporary disk (T-DISK)", "the machine no longer gets it at logon"),
}


def _device_dropped(model: Model, own: tuple[ast.Disk, ...], owner: str, instances) -> Diagnostic:
    """BKR522 for one DEVNO, V-DISK or T-DISK address of one machine (or of the
    workers), at its first MDISK statement in the directory; the others related."""
    _, _, disk = instances[0]
    whose, where, _, related = _dropped_from(model, own, owner, instances)
    what, cost = _DEVICE_FORMS[disk.form]
    logon = " or have the machine define it at logon and delete its MDISK statement," if disk.temporary else ""
    return DEVICE_DROPPED(
        f"{whose} minidisk {disk.address:04X}{where} is {what} in the site's directory, which no `disk` statement"
        f" can give: deploying the compiled entry drops it, and {cost}",
        disk.span,
        help=f"add its MDISK statement by hand to the compiled entry you deploy,{logon} or, if it is no longer"
        f" wanted, delete it from the directory{_no_fix('a `disk` statement gives a minidisk of a stated size on a volume')}",
        related=tuple(related),
    )


def _dropped_statements(
    model: Model, dialect: Dialect, owner: str, instances, everyone: bool, placing
) -> tuple[list[str], str | None]:
    """BKR520's fix: the `disk` statements that give the directory's minidisk as its
    MDISKs have it (for the workers' pattern, one per worker and member `on VOL at
    START` where `_workers_placed` finds every extent can be written, else one
    without a place where every worker has it on its member's first private volume;
    else one per instance, `on VOL at START`), or none and why not."""
    disks = [d for _, _, d in instances]
    why = next((w for w in map(_not_exact, disks) if w), None)
    if why:
        return [], why
    first = disks[0]
    unit = _unit_of(dialect, first.devtype)
    if unit is None:
        return [], _device_why(dialect, first)
    if len({(d.size, d.devtype) for d in disks}) > 1:
        return [], "the directory gives the minidisk another size on some instances, and `disk` statements for one address one size"
    size = f"{first.address:03X} size {first.size} {unit}"
    if is_pattern(owner):
        if not everyone:
            return [], f"only some of the workers have it, and `disk {owner}` gives it to every worker"
        placed = _workers_placed(model, size, instances, *placing)
        if placed:
            return placed, None
        if dialect["disk_allocation"] == "sequential":
            return [], f"bkrc's sequential allocation would choose each worker's extent, and `disk {owner}` names none"
        for _, member, d in instances:
            if d.volume != _first_volume(model, member):
                default = "its member's first private volume" if member else "the first shared volume"
                where = f" on {quoted(member)}" if member else ""
                return [], f"`disk {owner}` puts each worker's minidisk on {default}, and the directory's {quoted(d.volume)}{where} is not"
        return [f"disk {owner} {size}"], None
    if len(instances) > 1 and len({d.statement for d in disks}) == 1:
        return [], "an IDENTITY's own MDISK is one minidisk for every member, and a `disk` statement gives each member's instance its own"
    for _, member, d in instances:
        why = _volume_why(model, d.volume, member)
        if why:
            return [], why
    return [f"disk {owner} {size}{_on_at(d)}" for d in disks], None


def _workers_placed(model: Model, size: str, instances, allocation, taken) -> list[str]:
    """BKR520's statements for a minidisk every worker has (`instances`, worker by
    worker and member by member), where the directory has each at a fixed extent on
    a private volume of its member that nothing else overlaps (`_extents_why`): one
    per worker and member, `on VOL at START`, as BKR532's fix and `bkrc init
    --directory` write them. Else none: the pattern's statement without a place
    (DirMaint's AUTOV), which BKR532 then reports."""
    if any(not _fixed(d) or not d.start or _volume_why(model, d.volume, member) for _, member, d in instances):
        return []
    replaced = _Kept(taken.directory, taken.replaced, of_replaced=True)
    if _extents_why([(m.id, d) for m, _, d in instances], allocation, taken, replaced):
        return []
    return [f"disk {m.id} {size}{_on_at(d)}" for m, _, d in instances]


def _on_at(disk: Minidisk) -> str:
    """The place of the directory's fixed extent `disk`, as a `disk` statement writes it."""
    return f" on {disk.volume} at {disk.start}"


# -- BKR524: the rest of a product machine's entry, which deploying replaces

#: What each privilege class lets a user do (CP Planning and Administration,
#: "IBM-defined privilege classes"); a letter not here is one the site defines.
_CLASS_WORDS = {
    "A": "system operator",
    "B": "system resource operator",
    "C": "system programmer",
    "D": "spooling operator",
    "E": "system analyst",
    "F": "service representative",
    "G": "general user",
    "H": "reserved for IBM",
}
#: The OPTION operands that take a value after them (`OPTION MAXCONN 2000`).
_OPTION_VALUES = frozenset({"MAXCONN", "CPUID", "LANG", "CHPIDV"})
#: Statements that define a virtual device at their first operand, compared by address.
_DEVICES = frozenset({"CONSOLE", "SPOOL", "DEDICATE", "SPECIAL", "NICDEF"})
#: Statements compared for what they say, not word for word.
_READ = frozenset({"IPL", "MACHINE", "OPTION", "LOGONBY", "NAMESAVE", "LINK", "CLASS", "STORAGE", "MAXSTORAGE"})
#: INCLUDE is no statement of the machine's own: its profile's statements count instead.
_SHAPE = frozenset({"INCLUDE"})
_SIZE_UNITS = "KMGTPE"
#: BKR524's message names this many things lost at most, and says how many more.
_NAMED_AT_MOST = 8


class _Said(NamedTuple):
    """One statement of an entry, in upper case, split into words; where it is in the
    directory (None: the compiled entry's), and the member of the SUBCONFIG it is in."""

    words: tuple[str, ...]
    span: Span | None = None
    member: str | None = None

    @property
    def text(self) -> str:
        return " ".join(self.words)


class _EntrySays(NamedTuple):
    """What an entry gives its machine besides minidisks."""

    storage: str | None
    maxstorage: str | None
    classes: str
    head: Span | None  # the USER or IDENTITY statement (None: the compiled entry's)
    statements: tuple[_Said, ...]
    password: str | None = None  # the USER or IDENTITY statement's password operand (BKR526 only)


class _Lost(NamedTuple):
    """One thing the compiled entry drops or lowers: how the message names it, what
    it means on z/VM (the label at its directory line), and what keeps it: a field
    of the site table's machine defaults (`storage = "1G"`), or a statement for its
    `statements` (in place of one the table writes)."""

    named: str
    means: str
    span: Span
    field: str | None = None
    statement: str | None = None
    replaces: str | None = None


def entry_statements(model: Model, directory: Directory, dialect: Dialect | None) -> Iterator[Diagnostic]:
    """BKR524: each product machine's entry in the directory against the one the
    compile writes, but for the minidisks (BKR519, BKR520), machines passed over as
    `machine_minidisks` passes them. The workers whose entries lose the same things
    are one diagnostic."""
    if model.cluster is None:
        return
    from bkrdsl.allocation import machines
    from bkrdsl.dialect import load_dialect

    dialect = dialect or load_dialect()
    found: dict[tuple[str, tuple[str, ...]], list[tuple[Machine, list[_Lost]]]] = {}
    for machine in machines(model):
        entry = directory.entry(machine.id)
        if entry is None or entry.kind != STATEMENT[machine.kind]:
            continue
        lost = _losses(_directory_says(directory, entry, machine.members), _compiled_says(model, machine, dialect))
        if lost:
            found.setdefault((_worker_or(model, machine), tuple(x.named for x in lost)), []).append((machine, lost))
    for alike in found.values():
        yield _entry_loses(model, alike)


# -- BKR526: who may log on to a product machine, and what CP lets it do, which deploying changes

#: How CP logs on a user of each password operand that is no password (z/VM 7.2,
#: USER Directory Statement), where docs/compatibility.md ("Logging on to the
#: machines") quotes IBM on it; any other word is a password of the user's own,
#: which no message shows.
_LOGONS = {
    "LBYONLY": "LOGON BY or XAUTOLOG only",
    "AUTOONLY": "XAUTOLOG only",
    "NOLOG": "no logon at all, XAUTOLOG included",
    "NOPASS": "its NOPASS logon",
}
#: The password operands with which CP takes no LOGON BY: a LOGONBY statement gives nothing.
_NO_LOGON_BY = frozenset({"AUTOONLY", "NOLOG"})
_OWN_PASSWORD = "a password of its own"


def entry_logon(model: Model, directory: Directory, dialect: Dialect | None) -> Iterator[Diagnostic]:
    """BKR526: each product machine's entry in the directory against the one the
    compile writes, for who may log on to it and what CP lets it do: the password
    operand's form, the LOGONBY users and the privilege classes the compiled entry
    adds (what it drops is BKR524's). Machines are passed over as BKR524 passes
    them. The machines whose entries change alike are one diagnostic: the table's
    logon policy is every role's, and a warning per machine would bury the rest."""
    if model.cluster is None:
        return
    from bkrdsl.allocation import machines
    from bkrdsl.dialect import load_dialect

    dialect = dialect or load_dialect()
    found: dict[tuple[tuple[str, str | None], ...], list[tuple[Machine, list[_Lost]]]] = {}
    for machine in machines(model):
        entry = directory.entry(machine.id)
        if entry is None or entry.kind != STATEMENT[machine.kind]:
            continue
        site = _directory_says(directory, entry, machine.members)
        changed = _logon_changes(site, _compiled_says(model, machine, dialect), machine)
        if changed:
            found.setdefault(tuple((x.named, x.field) for x in changed), []).append((machine, changed))
    for alike in found.values():
        yield _logon_changed(model, alike, dialect)


def _password_form(word: str) -> str:
    """`AUTOONLY`, `LBYONLY`, `NOLOG`, `NOPASS`, or "a password of its own" (never the word)."""
    return f"`{word}`" if word in _LOGONS else _OWN_PASSWORD


def _logon_changes(site: _EntrySays, compiled: _EntrySays, machine: Machine) -> list[_Lost]:
    """What the compiled entry changes of who may log on to the machine and what CP
    lets it do: the password's form, the LOGONBY users it adds, the classes it adds.
    Each `_Lost.field` is the site table's value that keeps the site's (None: none
    does), each `statement` a table statement the site's entry does without."""
    from bkrdsl.dialect import STARTED_ROLES

    out: list[_Lost] = []
    mine, theirs = site.password, compiled.password or ""
    if mine is not None and site.head is not None and _password_form(mine) != _password_form(theirs):
        means = " becomes ".join(_LOGONS.get(word, "a LOGON with its own password") for word in (mine, theirs))
        keep = None
        if mine in _LOGONS and not (mine == "NOLOG" and machine.role in STARTED_ROLES):
            keep = f'password = "{mine}"'
        out.append(_Lost(f"{_password_form(mine)} becomes {_password_form(theirs)}", means, site.head, field=keep))
    if theirs not in _NO_LOGON_BY:
        named = {w for s in site.statements if s.words[0] == "LOGONBY" for w in s.words[1:]}
        added = [w for s in compiled.statements if s.words[0] == "LOGONBY" for w in s.words[1:] if w not in named]
        added = list(dict.fromkeys(added))
        if added:
            span = next((s.span for s in reversed(site.statements) if s.words[0] == "LOGONBY" and s.span), site.head)
            whose = " or ".join(f"`{w}`'s" for w in added)
            means = f"whoever holds {whose} password may log on to it (`LOGON {machine.id} BY {added[0]}`)"
            said = f"LOGONBY {' '.join(added)}"
            out.append(_Lost(f"`{said}` added", means, span, statement=said))
    added_classes = [c for c in dict.fromkeys(compiled.classes) if c not in site.classes]
    if added_classes and site.classes:
        span = next((s.span for s in reversed(site.statements) if s.words[0] == "CLASS" and s.span), site.head)
        named_classes = ", ".join(f"{c} ({_CLASS_WORDS.get(c, 'a class of the site')})" for c in added_classes)
        means = f"CP lets it use the commands of class {named_classes}"
        out.append(_Lost(f"class {''.join(added_classes)} added", means, span, field=f'classes = "{site.classes}"'))
    return out


def _logon_changed(model: Model, alike: list[tuple[Machine, list[_Lost]]], dialect: Dialect) -> Diagnostic:
    """BKR526 for the machines whose entries change alike, at the place the cluster
    names the first, each directory line of what changes related."""
    first = alike[0][0]
    ids = [m.id for m, _ in alike]
    whose = f"{STATEMENT[first.kind]} {quoted(first.id)}" if len(ids) == 1 else listed(ids, len(ids))
    entries = "entry" if len(ids) == 1 else "entries"  # "deploying [them] changes": the subject is the deploying
    labels: dict[Span, list[str]] = {}
    for machine, changed in alike:
        for x in changed:
            labels.setdefault(x.span, []).append(f"{x.named}: {x.means}")
    return ENTRY_LOGON_CHANGED(
        f"deploying the compiled {entries} changes who may log on to {whose} or what CP lets"
        f" {'it' if len(ids) == 1 else 'them'} do: {', '.join(x.named for x in alike[0][1])}",
        _machine_place(model, first.id),
        help=_logon_help([m for m, _ in alike], alike[0][1], dialect),
        related=tuple(Related(span, "; ".join(said)) for span, said in labels.items()),
    )


def _logon_help(which: list[Machine], changed: list[_Lost], dialect: Dialect) -> str:
    """Why the table writes what it does (where docs/compatibility.md says), and how
    to keep the site's value: the site table's fields, or what no field keeps. Within
    the renderers' `MESSAGE_WIDTH`: what keeps the site's comes first once the whole
    help is longer (the text format cuts a line there, and the fields are what a site
    came to read); the why, the tables' long names and the notes' reasons go first."""
    from bkrdsl.diagnostics.render import MESSAGE_WIDTH
    from bkrdsl.dialect import STARTED_ROLES

    roles = list(dict.fromkeys(m.role for m in which))
    docs = "(docs/compatibility.md, Logging on to the machines)"
    why = [f"the dialect table gives every machine `LBYONLY` with `LOGONBY MAINT` {docs}"]
    if any(x.named.startswith("class ") for x in changed):
        # What a role's row in docs/compatibility.md says of its classes (`Class B to attach tape drives.`).
        reasons: dict[str, list[str]] = {}
        for role in roles:
            for said in dialect.machines[role].note.split(". "):
                if said.startswith("Class "):
                    reasons.setdefault(said.strip().rstrip("."), []).append(f"`{role}`")
        why += [f"the {', '.join(rows)} {'row' if len(rows) == 1 else 'rows'}: {said}" for said, rows in reasons.items()]
    fields = [f"`{x.field}`" for x in changed if x.field]
    keep = fields + [f'`"{x.statement}"` taken out of `statements` (or your own IDs in it)' for x in changed if x.statement]
    brief = fields + [f'`"{x.statement}"` out of `statements`' for x in changed if x.statement]
    tables = ", ".join(f"`[machines.{role}]`" for role in roles)
    each = "" if len(roles) == 1 else "each of "
    word = changed[0].named
    started = any(role in STARTED_ROLES for role in roles)
    note, short = "", ""
    if word.startswith(_OWN_PASSWORD):
        note, short = "give it its password again after deploying (bkrc keeps none it reads)", "give its password again"
    elif word.startswith("`NOLOG`") and started:
        note = "`NOLOG` cannot be kept: BKRSTART starts the machine, and CP logs a NOLOG user on in no way"
        short = "`NOLOG` cannot be kept: BKRSTART starts the machine"
    elif word.startswith("`AUTOONLY`") and started:
        note = "`AUTOONLY` still lets BKRSTART start it (XAUTOLOG), and takes no LOGON BY"
        short = "`AUTOONLY` still lets BKRSTART start it"
    whole = "; ".join(why)
    if keep:
        whole += f"; to keep the site's, write in {each}a site dialect table's {tables}: {', '.join(keep)}, with `--dialect`"
    whole += "".join(f"; {n}" for n in (note, "or review the entry, and deploy as is") if n)
    if len(whole) <= MESSAGE_WIDTH:
        return whole
    # Shorter, the keeping first: the role names once (`[machines.ROLE]`), the notes without their reasons.
    named = tables if len(roles) == 1 else f"`[machines.ROLE]` for ROLE {', '.join(roles)}"
    shorter = []
    for table, said, last in ((tables, note, f"or deploy as is {docs}"), (named, note, f"or deploy as is {docs}"),
                              (named, short, f"or deploy as is {docs}"), (named, short, "or deploy as is"),
                              (named, "", "or deploy as is")):
        kept = f"to keep the site's, write {', '.join(brief)} in a site dialect table's {table} (`--dialect`)"
        shorter.append("; ".join(n for n in (kept if brief else "", said, last) if n))
    return next((h for h in shorter if len(h) <= MESSAGE_WIDTH), shorter[-1])


def included_profiles(model: Model, directory: Directory, dialect: Dialect | None) -> Iterator[Diagnostic]:
    """BKR525: each profile a product machine's compiled entry INCLUDEs (the dialect
    table's `statements` for its role) that the site's directory neither defines nor
    INCLUDEs in an entry of its own; one diagnostic per role and profile."""
    if model.cluster is None:
        return
    from bkrdsl.allocation import machine_statements, machines
    from bkrdsl.dialect import load_dialect

    dialect = dialect or load_dialect()
    known = {p.id for p in directory.profiles} | {e.profile.upper() for e in directory.entries if e.profile}
    found: dict[tuple[str, str], list[Machine]] = {}
    ipl: dict[str, bool] = {}  # role -> whether its statements hold an IPL of their own
    for machine in machines(model):
        said = [_words(statement) for statement in machine_statements(model, machine, dialect)]
        ipl[machine.role] = any(words[0] == "IPL" for words in said if words)
        for words in said:
            if len(words) > 1 and words[0] == "INCLUDE" and words[1] not in known:
                found.setdefault((machine.role, words[1]), []).append(machine)
    defined = sorted(p.id for p in directory.profiles)
    for (role, profile), which in found.items():
        ids = [m.id for m in which]
        whose = f"{STATEMENT[which[0].kind]} {quoted(ids[0])}" if len(ids) == 1 else listed(ids, len(ids))
        entries, verb = ("entry", "INCLUDEs") if len(ids) == 1 else ("entries", "INCLUDE")
        has = f"it defines {listed(defined)}" if defined else "it defines none"
        lacks = "" if ipl[role] else ", the entry's IPL among them (it has none of its own)"
        yield PROFILE_NOT_IN_DIRECTORY(
            f"the compiled {entries} of {whose} {verb} profile {quoted(profile)}, which the site's directory"
            f" does not define: the statements the table expects from it are not there{lacks}",
            _machine_place(model, ids[0]),
            help=(
                f"define `PROFILE {profile}` in the site's directory before deploying ({has}), or name one it"
                f" defines in the site dialect table's `[machines.{role}]` statements (`--dialect`)"
            ),
        )


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.upper().split())


def _compiled_says(model: Model, machine: Machine, dialect: Dialect) -> _EntrySays:
    """The entry `bkrc compile` writes for `machine`, as the emitter writes it."""
    from bkrdsl.allocation import machine_statements

    d = dialect.machines[machine.role]
    said = tuple(_Said(_words(s)) for s in machine_statements(model, machine, dialect))
    return _EntrySays(d.storage.upper(), d.maxstorage.upper(), d.classes.upper(), None, said, d.password.upper())


def _directory_says(directory: Directory, entry: Entry, members: tuple[str, ...]) -> _EntrySays:
    """The entry as CP reads it for the machine: its PROFILE's statements, then its own
    (which override the profile's), then, for an IDENTITY, each SUBCONFIG's on the
    members the compile writes it for; STORAGE, MAXSTORAGE and CLASS statements
    over the USER statement's words."""
    head = _words(directory.source.text[entry.statement.start : entry.statement.end])
    profile = next((p for p in directory.profiles if p.id == entry.profile), None)
    parts: list[tuple[Entry, str | None]] = [(profile, None)] if profile is not None else []
    parts.append((entry, None))
    if entry.kind == "IDENTITY":
        parts += [(sub, m) for m in members if (sub := directory.subconfig_on(entry, m)) is not None]
    said = [
        _Said(words, span, member)
        for part, member in parts
        for words, span in directory.other_statements(part)
        if words[0] not in _SHAPE
    ]

    def operand(verb: str, at: int) -> str | None:
        """The last `verb` statement's operand, else the USER statement's word `at`."""
        words = next((s.words[1:] for s in reversed(said) if s.words[0] == verb), head[at:])
        return words[0] if words else None

    # The text's password is masked: its form is read where the reader kept it.
    password = directory.password_forms.get(entry.id, head[2] if len(head) > 2 else None)
    return _EntrySays(
        operand("STORAGE", 3), operand("MAXSTORAGE", 4), operand("CLASS", 5) or "", entry.statement, tuple(said), password
    )


def _losses(site: _EntrySays, compiled: _EntrySays) -> list[_Lost]:
    """What deploying the compiled entry loses of the site's, in the order a reader of
    the entry meets it: the USER statement's operands, then statement by statement."""
    return [
        *_storage_lost(site, compiled),
        *_classes_lost(site, compiled),
        *_statements_lost(site.statements, compiled.statements),
    ]


def _storage_lost(site: _EntrySays, compiled: _EntrySays) -> list[_Lost]:
    """A storage or maximum storage larger than the compiled entry's."""
    out = []
    for field, mine, theirs, means in (
        ("storage", site.storage, compiled.storage, f"it logs on with {compiled.storage}"),
        ("maxstorage", site.maxstorage, compiled.maxstorage, f"DEFINE STORAGE stops at {compiled.maxstorage}"),
    ):
        if mine is None or theirs is None or (_bytes(mine) or 0) <= (_bytes(theirs) or 0):
            continue
        verb = "STORAGE" if field == "storage" else "MAXSTORAGE"
        span = next((s.span for s in reversed(site.statements) if s.words[0] == verb and s.span), site.head)
        out.append(_Lost(f"{field} {mine}", means, span, field=f'{field} = "{mine}"'))
    return out


def _bytes(size: str) -> int | None:
    """A directory storage size (`256M`, `2G`, `1024K`) in bytes; None if it is not one."""
    number, unit = size[:-1], size[-1:]
    if not (number.isdigit() and number.isascii()) or unit not in _SIZE_UNITS:  # `²M` is no size
        return None
    return int(number) * 1024 ** (_SIZE_UNITS.index(unit) + 1)


def _classes_lost(site: _EntrySays, compiled: _EntrySays) -> list[_Lost]:
    """The privilege classes the site's entry has and the compiled entry not."""
    lost = [c for c in dict.fromkeys(site.classes) if c not in compiled.classes]
    if not lost:
        return []
    span = next((s.span for s in reversed(site.statements) if s.words[0] == "CLASS" and s.span), site.head)
    named = ", ".join(f"{c} ({_CLASS_WORDS.get(c, 'a class of the site')})" for c in lost)
    means = f"CP refuses it the commands of class {named}"
    return [_Lost(f"class {''.join(lost)}", means, span, field=f'classes = "{compiled.classes}{"".join(lost)}"')]


def _statements_lost(site: tuple[_Said, ...], compiled: tuple[_Said, ...]) -> list[_Lost]:
    """Statement by statement, what the site's say and the compiled entry's do not."""
    options, at, plain = _options(compiled), _by_address(compiled), {s.words for s in compiled}
    named = {verb: {w for s in compiled if s.words[0] == verb for w in s.words[1:]} for verb in ("LOGONBY", "NAMESAVE")}
    out: list[_Lost] = []
    for s in site:
        verb = s.words[0]
        where = f" (on {s.member})" if s.member else ""
        if verb in ("IPL", "MACHINE"):
            # CP goes by the last one: an entry's own over its profile's.
            changed = _control_lost(s, _last(compiled, verb)) if s is _last(site, verb) else None
            out.extend([changed] if changed else [])
        elif verb == "OPTION":
            out.extend(_options_lost(s, options, where))
        elif verb in named:
            gone = [w for w in s.words[1:] if w not in named[verb]]
            means = "can no longer LOGON BY to it" if verb == "LOGONBY" else "no longer a saved segment it may use"
            if gone:
                kept = f"{verb} {' '.join(gone)}"
                out.append(_Lost(f"`{kept}`{where}", f"{listed(gone, len(gone))} {means}", s.span, statement=kept))
        elif verb == "LINK" or verb in _DEVICES:
            out.extend(_device_lost(s, at, where))
        elif verb not in _READ and s.words not in plain:
            out.append(_Lost(f"`{s.text}`{where}", "gone from the entry", s.span, statement=s.text))
    return out


def _last(said: tuple[_Said, ...], verb: str) -> _Said | None:
    """The statement of `verb` CP goes by: the last (an entry's own over its profile's)."""
    return next((s for s in reversed(said) if s.words[0] == verb), None)


def _control_lost(s: _Said, compiled: _Said | None) -> _Lost | None:
    """The site's IPL or MACHINE statement, where the compiled entry's says otherwise."""
    if s.words[0] == "IPL":
        if not _ipl_differs(s, compiled):
            return None
        instead = f"`{compiled.text}` in its place" if compiled else "no IPL in its place"
        means = f"CP starts another system at logon, or without these PARM words: {instead}"
    else:
        if compiled is None or s.words[1:] == compiled.words[1:]:
            return None
        means = f"another architecture mode or CPU limit: `{compiled.text}` in its place"
    return _Lost(f"`{s.text}`", means, s.span, statement=s.text, replaces=compiled.text if compiled else None)


def _ipl_differs(site: _Said, compiled: _Said | None) -> bool:
    """Whether the compiled IPL starts another system (CMS and its system disk 190
    alike), or passes it fewer of the PARM words the site's passes."""
    if compiled is None:
        return True

    def target(s: _Said) -> str:
        name = s.words[1] if len(s.words) > 1 else ""
        return "CMS" if parse_address(name) == 0x190 else name

    def parm(s: _Said) -> set[str]:
        return set(s.words[s.words.index("PARM") + 1 :]) if "PARM" in s.words else set()

    return target(site) != target(compiled) or not parm(site) <= parm(compiled)


def _options(said: tuple[_Said, ...]) -> dict[str, tuple[str, _Said]]:
    """Each option the OPTION statements give: its name -> (its value, `MAXCONN`'s
    `2000`, or ""; the statement that gives it)."""
    out: dict[str, tuple[str, _Said]] = {}
    for s in said:
        words = list(s.words[1:]) if s.words[0] == "OPTION" else []
        while words:
            name = words.pop(0)
            out[name] = (words.pop(0) if name in _OPTION_VALUES and words else "", s)
    return out


def _options_lost(s: _Said, compiled: dict[str, tuple[str, _Said]], where: str) -> list[_Lost]:
    """Each option of the site's OPTION statement `s` the compiled entry lacks, or gives another value."""
    out = []
    for name, (value, _) in _options((s,)).items():
        option = f"{name} {value}".rstrip()
        if name not in compiled:
            means = f"CP no longer gives it {option}"
            out.append(_Lost(f"`OPTION {option}`{where}", means, s.span, statement=f"OPTION {option}"))
            continue
        theirs, statement = compiled[name]
        if theirs != value:
            mended = statement.text.replace(f" {name} {theirs}", f" {option}")
            means = f"the compiled entry has `{name} {theirs}`"
            out.append(_Lost(f"`OPTION {option}`{where}", means, s.span, statement=mended, replaces=statement.text))
    return out


def _by_address(said: tuple[_Said, ...]) -> dict[int, _Said]:
    """The compiled entry's devices and links by the virtual address they take."""
    out: dict[int, _Said] = {}
    for s in said:
        number = _device_address(s)
        if number is not None:
            out.setdefault(number, s)
    return out


def _device_address(s: _Said) -> int | None:
    """The virtual address a LINK (its third operand) or device statement (its first) takes."""
    at = 3 if s.words[0] == "LINK" else 1 if s.words[0] in _DEVICES else None
    return parse_address(s.words[at]) if at is not None and len(s.words) > at else None


def _device_lost(s: _Said, compiled: dict[int, _Said], where: str) -> list[_Lost]:
    """A LINK or device statement of the site's that the compiled entry does not
    have at its address, or not alike (`009` and `0009` are one address)."""
    number = _device_address(s)
    there = compiled.get(number) if number is not None else None
    if number is None or (there is not None and _device_words(there) == _device_words(s)):
        return []
    if s.words[0] == "LINK":
        means = f"`{s.words[1]}`'s {s.words[2]} no longer linked at {number:04X} at logon"
    else:
        means = f"no {s.words[0]} device at {number:04X} from its next logon"
    if there is not None:
        means += f": the compiled entry has `{there.text}` there"
    return [_Lost(f"`{s.text}`{where}", means, s.span, statement=s.text, replaces=there.text if there else None)]


def _device_words(s: _Said) -> tuple:
    """A device or LINK statement with its addresses read as numbers (`009` is `0009`)."""
    return tuple(n if i in (1, 2, 3) and (n := parse_address(w)) is not None else w for i, w in enumerate(s.words))


def _entry_loses(model: Model, alike: list[tuple[Machine, list[_Lost]]]) -> Diagnostic:
    """BKR524 for one machine (or the workers whose entries lose the same things), at
    the place the cluster names it, each directory line of what is lost related."""
    machine, lost = alike[0]
    whose = f"{STATEMENT[machine.kind]} {quoted(machine.id)}'s"
    if len(alike) > 1:
        ids = [m.id for m, _ in alike]
        whose = f"the workers' ({listed(ids, len(ids))})"
    named = [x.named for x in lost[:_NAMED_AT_MOST]]
    more = f" and {len(lost) - _NAMED_AT_MOST:,} more" if len(lost) > _NAMED_AT_MOST else ""
    labels: dict[Span, list[str]] = {}
    for x in lost:
        labels.setdefault(x.span, []).append(f"{x.named}: {x.means}")
    return ENTRY_STATEMENTS_DROPPED(
        f"deploying the compiled entry replaces {whose} in the site's directory and loses what it gives besides"
        f" minidisks: {', '.join(named)}{more}",
        _machine_place(model, machine.id),
        help=_table_help(machine.role, lost, _link_machine(model, machine, len(alike) > 1)),
        related=tuple(Related(span, "; ".join(said)) for span, said in labels.items()),
    )


def _link_machine(model: Model, machine: Machine, workers: bool) -> str:
    """How a `link` statement names the machine (or the workers, whose entries lose the
    same LINK): its ID, or the workers' pattern."""
    if workers and model.worker_pattern:
        return model.worker_pattern
    return machine.id


def _link_statement(machine: str, lost: _Lost) -> str | None:
    """The `link` statement that keeps a LINK the compiled entry drops (none for one that
    replaces another at its address, which the table writes, nor for a LINK with link
    passwords or a mode of CP's no `link` statement takes); else None."""
    from bkrdsl.resolve.model import LINK_MODES

    words = (lost.statement or "").split()
    if lost.replaces or len(words) != 5 or words[0].upper() != "LINK" or words[4].upper() not in LINK_MODES:
        return None
    owner, vaddr, at, mode = words[1:]
    if parse_address(vaddr) is None or parse_address(at) is None:
        return None
    target = "" if parse_address(vaddr) == parse_address(at) else f" as {at}"
    return f"link {machine} {owner} {vaddr}{target} {mode}"


def _table_help(role: str, lost: list[_Lost], machine: str) -> str:
    """How to keep what is lost: a `link` statement in the cluster block for each LINK
    it can keep (stop 83), the site table's fields and statements for the machine's role
    for the rest."""
    links = [(x, said) for x in lost if (said := _link_statement(machine, x)) is not None]
    kept = [f"`{said}`" for _, said in links]
    joined = " and ".join(filter(None, (", ".join(kept[:-1]), kept[-1]))) if kept else ""
    by_link = f"add {joined} to the cluster block" if kept else ""
    lost = [x for x in lost if all(x is not y for y, _ in links)]
    if not lost:
        return f"{by_link}; or deploy as is"
    table = [f"`{x.field}`" for x in lost if x.field]
    statements = [x for x in lost if x.statement]
    if len(statements) == 1:
        (x,) = statements
        instead = f" in place of `\"{x.replaces}\"`" if x.replaces else _where_in_statements(x.statement)
        table.append(f'`"{x.statement}"` in `statements`{instead}')
    elif statements:
        verbs = list(dict.fromkeys(x.statement.split()[0] for x in statements))
        replacing = list(dict.fromkeys(x.statement.split()[0] for x in statements if x.replaces))
        instead = f", the {', '.join(replacing)} in place of the table's" if replacing else ""
        # The lines themselves are the related places: the help names their statements.
        table.append(f"{len(statements):,} statements in `statements` ({', '.join(verbs)}: as below{instead})")
    every = " (every worker's)" if role == "worker" else ""
    if kept:  # the `link` statements first; the table for the rest, said shorter
        return (
            f"{by_link}; the rest in a site table's `[machines.{role}]`{every}: {', '.join(table)}"
            " (`--dialect`); or deploy as is"
        )
    return (
        f"keep it in a site dialect table's `[machines.{role}]`{every}: {', '.join(table)}, with `--dialect`"
        " (docs/deploy.md), as no .bkr statement sets it; or deploy as is"
    )


def _where_in_statements(statement: str) -> str:
    """Where in a role's `statements` a statement BKR524 keeps goes (stop 83): a LINK
    written where one reads it first, after `MACHINE ESA`, came before `LOGONBY MAINT`,
    and the table was BKR601's error (CP wants control statements before device
    statements, `dialect._check_order`). A device statement goes last, a control
    statement before the first device statement."""
    from bkrdsl.dialect import ENTRY_DEVICE_STATEMENTS

    verb = statement.split()[0].upper() if statement.split() else ""
    if verb in ENTRY_DEVICE_STATEMENTS:
        return " (last: a device statement)"
    return " (before its first device statement, CONSOLE, SPOOL or LINK)"


def _machine_place(model: Model, machine_id: str) -> Span:
    """Where the cluster names a product machine: the catalog's SFS server or a Tape
    Manager node by its name there, else the machine's first `disk` statement (the
    workers' pattern's), else the cluster's name."""
    named = next((span for name, span in _named_machines(model) if name == machine_id), None)
    if named is not None:
        return named
    disk = next((d for d in model.disks if machine_id in model.disk_owners(d)), None)
    return disk.span if disk is not None else model.cluster.name.span


#: The machine DirMaint runs in: a directory without its entry is a site without DirMaint (BKR533).
DIRMAINT_MACHINE = "DIRMAINT"


def autov_without_dirmaint(model: Model, directory: Directory, dialect: Dialect | None) -> Iterator[Diagnostic]:
    """BKR533: the compile writes minidisks for DirMaint to allocate (the dialect's
    `directory_mdisk_auto`, AUTOV) and the directory has no DIRMAINT machine to do it.
    One diagnostic for the file, at the first `disk` statement that leaves an instance
    to DirMaint (the cluster where, improbably, none does so itself)."""
    if model.cluster is None:
        return
    entry = directory.entry(DIRMAINT_MACHINE)
    if entry is not None and entry.kind in KIND_OF_STATEMENT:
        return
    from bkrdsl.allocation import allocate
    from bkrdsl.dialect import load_dialect

    dialect = dialect or load_dialect()
    form = next((w for w in dialect["directory_mdisk_auto"].upper().split() if w in ALLOCATED_FORMS), None)
    if form is None:  # a site table that writes the automatic extent without DirMaint's keyword
        return
    allocation = allocate(model, dialect)
    if allocation.error is not None:
        return
    automatic = [p for p in allocation.placed if p.start is None]
    if not automatic:
        return
    spans = {p.disk.span for p in automatic}
    statements = [d for d in model.disks if d.span in spans]
    span = statements[0].span if statements else model.cluster.name.span
    count = len(automatic)
    said = f"`{_disk_words(statements[0])}`" if statements else "the cluster's `disk` statements"
    also = f" and {len(statements) - 1:,} more `disk` statement{'s' if len(statements) > 2 else ''}" if len(statements) > 1 else ""
    yield AUTOV_WITHOUT_DIRMAINT(
        f"{said}{also} compile{'' if also else 's'} to {count:,} MDISK statement{'s' if count > 1 else ''} saying `{form}`, DirMaint's"
        f" allocation, and the site's directory has no {DIRMAINT_MACHINE} machine: DIRECTXA, which loads a"
        f" directory kept by hand, has no `{form}` operand",
        span,
        help=(
            "give each such `disk` its place, `on VOL at START` (an IDENTITY's: one per member), or compile"
            " `sequential`: `bkrc dialect > site-dialect.toml`, set `[entries.disk_allocation] value ="
            ' "sequential"` in it, pass `--dialect site-dialect.toml` to `check --fix --directory` (BKR523) and'
            " compile"
        ),
        related=tuple(Related(d.span, f"also compiles to `{form}`") for d in statements[1:3]),
    )


#: The MDISK statement's passwords, in order after the mode (z/VM 7.2, MDISK Directory Statement).
_LINK_PASSWORDS = ("read", "write", "multiple")


def link_access(model: Model, directory: Directory, dialect: Dialect | None) -> Iterator[Diagnostic]:
    """BKR534: each minidisk the compile writes for a product machine that the
    directory's entry defines too (same machine, address and member), whose MDISK
    statement there gives link passwords, or a mode other than the dialect's
    `disk_mode`, which the compiled one does not. One diagnostic for the file, at the
    first such minidisk's `disk` statement; machines passed over as BKR519 passes them."""
    compiled = _compiled(model, dialect)
    if compiled is None:
        return
    dialect, allocation = compiled
    mode = dialect["disk_mode"].strip().upper()
    found: list[tuple[Placed, Minidisk, str]] = []  # (the compile's, the directory's, what changes)
    seen: set[int] = set()  # an IDENTITY's own MDISK is every instance's: said once
    for machine in allocation.machines:
        entry = directory.entry(machine.id)
        if entry is None or entry.kind != STATEMENT[machine.kind]:
            continue
        for instance in user_instances(directory, entry, machine.members):
            compiled = {parse_address(p.disk.address.text): p for p in allocation.of(machine.id, instance.member)}
            for disk in instance.disks:
                placed = compiled.get(disk.address)
                if placed is None or disk.form != "MDISK" or disk.line in seen:
                    continue
                theirs, passwords = disk.access
                said = []
                if passwords:
                    named = " and ".join(filter(None, (", ".join(_LINK_PASSWORDS[: passwords - 1]), _LINK_PASSWORDS[passwords - 1])))
                    said.append(f"its {named} password{'s' if passwords > 1 else ''} dropped")
                if theirs is not None and theirs != mode:
                    said.append(f"mode `{theirs}` becomes `{mode}`")
                if said:
                    seen.add(disk.line)
                    whose = _instance_name(placed.owner, placed.member)
                    found.append((placed, disk, f"{whose}'s {disk.address:04X}: {', '.join(said)}"))
    if not found:
        return
    placed, disk, _ = found[0]
    passwords = any(d.access[1] for _, d, _ in found)
    modes = any(d.access[0] not in (None, mode) for _, d, _ in found)
    what = " and ".join(
        w for w, on in (("drops the link passwords", passwords), ("changes the link mode", modes)) if on
    )
    first = f"{_instance_name(placed.owner, placed.member)}'s {disk.address:04X}"
    more = f" and {len(found) - 1:,} more minidisk{'s' if len(found) > 2 else ''}" if len(found) > 1 else ""
    why = []
    if passwords:
        # as README says it: with a mode's reason too, the longer wording passed the text
        # report's MESSAGE_WIDTH (329 characters), which cut it
        why.append(f"without an ESM, no other user links {'them' if len(found) > 1 else 'it'} without OPTION LNKNOPAS")
    if modes:
        why.append("another mode changes the owner's own link at logon")
    yield LINK_ACCESS_DROPPED(
        f"deploying the compiled entries {what} the site's directory gives {first}{more}: {'; '.join(why)}",
        placed.disk.span,
        help=(
            f"bkrc writes every MDISK with the dialect's `disk_mode` (`{mode}`) and no link passwords: give them"
            " back by hand before loading, or let whoever links these minidisks do so (OPTION LNKNOPAS, an ESM"
            " rule); a site table's `disk_mode` sets every minidisk's mode (docs/output.md)"
            # Stop 83: either way the directory keeps the passwords the compiled MDISKs
            # lack, so every check said this again, and the help did not say how a
            # site that has settled it says so (docs/language.md, "Allowing a warning").
            f"\nonce settled, allow it on this line: `# bkrc: allow {LINK_ACCESS_DROPPED.code} REASON`"
        ),
        related=tuple(Related(d.statement, label) for _, d, label in found[:3]),
    )


def free_places(
    model: Model, directory: Directory, dialect: Dialect | None = None, leave: frozenset[tuple[str, int]] = frozenset()
) -> Fix | None:
    """For `bkrc init --directory` against a directory without DIRMAINT (BKR533): one
    fix that gives every `disk` statement the compile leaves to DirMaint (`AUTOV`) its
    places, each `on VOL at START` where BKR523's fix would put its instance
    (`_Space.target`: the machine's own extent in the directory where it is free, else
    the first start on its volume clear of the directory's extents and of the
    compile's), one statement per member of an IDENTITY and per worker and member of
    the workers' pattern, as BKR523's and BKR532's fixes write them. A statement is
    left as it is (BKR533 then says so) where its volume has no room, or it is one of
    `leave` ((a user or pattern, an address): a minidisk the directory has at a
    fixed extent the file does not keep, whose data a new place would not hold
    either). None where nothing is left to DirMaint or nothing can be placed."""
    import dataclasses

    compiled = _compiled(model, dialect)
    if compiled is None:
        return None
    dialect, allocation = compiled
    automatic = {p.disk.span for p in allocation.placed if p.start is None}
    replaced = {machine.id for machine in allocation.machines}
    placed = [p for p in allocation.placed if p.start is not None]
    space = _Space(model, directory, _Kept(directory, replaced), placed, _Kept(directory, replaced, of_replaced=True))
    edits: list[Edit] = []
    for written in model.disks:
        user, address = written.user.text.upper(), parse_address(written.address.text)
        if written.span not in automatic or any(
            a == address and pattern_regex(u).match(user) for u, a in leave
        ):  # `BKRWRK*` leaves the workers' statements written one per worker too
            continue
        unit = dialect.unit(written.unit.text)
        instances = [p for p in allocation.placed if p.disk.span == written.span]
        claimed = len(space.claimed)
        targets = []
        for p in instances:
            if p.start is not None:  # the member's instance its `on VOL at START` places: it stays
                targets.append(None)
                continue
            at = dataclasses.replace(p, start=unit.first)  # `_Space` searches from the volume's first cylinder or block
            target = space.target(at, [at])
            if target is None:
                break
            space.claim(target, at)
            targets.append(target)
        else:
            pattern = len({p.owner for p in instances}) > 1
            statements = [
                f"{_disk_words(written, p.owner if pattern else None)} on {t.volume} at {t.start}"
                for p, t in zip(instances, targets, strict=True)
                if t is not None
            ]
            if written.start is not None:  # it places one member's instance: the others' statements follow it
                edits.append(statements_after(model, written.span, statements))
            elif len(instances) == 1:
                edits.extend(_place_words(written, targets[0].volume, targets[0].start, instances[0])[0])
            else:
                edits += [Edit(written.span, statements[0]), statements_after(model, written.span, statements[1:])]
            continue
        del space.claimed[claimed:]  # a volume without room: the statement stays, and claims nothing
    return Fix("Give each minidisk left to DirMaint a free place", tuple(edits)) if edits else None


def minidisks_selected_by_no_job(model: Model, directory: Directory) -> Iterator[Diagnostic]:
    """BKR535: each user a group lists (or a group's `match` pattern covers) that a job
    backs up, whose permanent minidisks in the directory include some that no job's
    selection picks after its excludes (`bkrdsl.coverage.selections`, `bkrc show
    --directory`'s), once per user at the group's entry (its pattern) that names it."""
    jobs_of: dict[str, list] = {}
    for job in model.jobs:
        for ref in job.refs:
            if ref.group is not None:
                jobs = jobs_of.setdefault(ref.group.name.upper(), [])
                if not any(j is job for j in jobs):
                    jobs.append(job)
    if not jobs_of:
        return
    from bkrdsl.coverage import selections  # it reads `user_instances` of this module

    selects = selections(model, directory)
    memo: dict = {}  # `_excluded_on_purpose`'s, for every user
    seen: set[str] = set()
    for lst in model.user_lists:
        group = lst.origin.removeprefix("group ").upper() if lst.origin.startswith("group ") else None
        if group not in jobs_of:
            continue
        for k, user_id in enumerate(lst.ids):
            if user_id not in seen:
                seen.add(user_id)
                found = _unselected(model, directory, selects, user_id, jobs_of[group], memo)
                if found is not None:
                    yield _selected_by_no_job(model, user_id, lst.defs[k].span, lst.origin, jobs_of[group], *found)
    for pattern in model.pattern_defs:
        group = pattern.origin.removeprefix("group ").upper() if pattern.origin.startswith("group ") else None
        if group not in jobs_of:
            continue
        for entry in directory.users_named((pattern.pattern,)):
            if entry.id not in seen:
                seen.add(entry.id)
                found = _unselected(model, directory, selects, entry.id, jobs_of[group], memo)
                if found is not None:
                    yield _selected_by_no_job(model, entry.id, pattern.span, pattern.origin, jobs_of[group], *found)


def _unselected(model: Model, directory: Directory, selects, user_id: str, jobs: list, memo: dict):
    """(each address of `user_id`'s that no job selects -> the members it is not
    selected on, of the members checked; the members checked; its first MDISK
    statement) for BKR535, or None when every one is selected, excluded or left out."""
    entry = directory.entry(user_id)
    if entry is None or entry.kind not in ("USER", "IDENTITY") or user_id in directory.twice:
        return None
    kinds = {j.kind for j in jobs}
    if kinds != {KIND_OF_STATEMENT[entry.kind]}:  # the other kind: BKR510's; a job of mixed kind: its own error
        return None
    names = model.member_names
    if not names:
        return None
    if entry.kind == "USER":  # the same minidisks on every member, every member's jobs count
        checked = (names[0],)
    else:
        checked = tuple(m for m in names if any(m in j.members for j in jobs))
    several = any(j.each_member or len(set(j.members)) > 1 for j in jobs)
    global_ = {d.address for d in entry.disks} if entry.kind == "IDENTITY" and several else set()
    statuses: dict[str, dict[int, bool]] = {}  # member -> address -> whether a job selects it
    for m in checked:
        found = selects.disk_selected(entry, m)
        if found is not None:
            statuses[m] = found
    if not statuses:
        return None
    every = set.intersection(*(set(s) for s in statuses.values()))
    # An address only some of the members' SUBCONFIGs define is said too, with those members
    # (its include is then BKR515's, or BKR516's where the others have a V-DISK or T-DISK
    # there: `partly`, the code of each, for the allow the fix writes above it); not one a
    # LINK takes on another member (whether Backup Manager copies a linked disk is not known).
    union = set().union(*(set(s) for s in statuses.values()))
    # the user's instances, read only where some SUBCONFIGs lack an address (or one is said)
    instances = user_instances(directory, entry, tuple(statuses)) if union != every else None
    linked = set().union(*(i.links for i in instances)) if instances else set()
    out: dict[int, list[str]] = {}
    partly: dict[int, str] = {}
    for address in sorted(union - global_):
        some = address not in every
        if some and address in linked:
            continue
        where = [m for m, s in statuses.items() if address in s and not s[address]]
        if where and not _excluded_on_purpose(model, selects, jobs, user_id, address, memo):
            out[address] = where
            if some:
                absent = any(all(d.address != address for d in i.disks) for i in instances)
                partly[address] = MINIDISK_NOT_IN_DIRECTORY.code if absent else TEMPORARY_DISK_SELECTED.code
    if not out:
        return None
    disks: dict[int, Minidisk] = {}  # the first member's MDISK statement of each address
    for instance in instances if instances is not None else user_instances(directory, entry, tuple(statuses)):
        for d in instance.disks:
            if d.form not in TEMPORARY_FORMS:
                disks.setdefault(d.address, d)
    typos = {a: meant for a in partly if (meant := _typo_of(a, statuses, instances))}
    return out, tuple(statuses), disks[min(out)], partly, typos


def _typo_of(address: int, statuses: dict[str, dict[int, bool]], instances) -> list[int]:
    """The addresses `address` (one only some SUBCONFIGs define, which no job selects)
    looks like a typo for: each differs from it in one hex digit, and is selected on
    every member whose SUBCONFIG defines it (one at least), while each SUBCONFIG that
    defines `address` has no minidisk there (nor a V-DISK or T-DISK): the include that
    selects it is BKR515's for those members (FTPSERVE's `0291` in VMSYS2's SUBCONFIG,
    its `0191` in the others')."""
    on = [m for m, s in statuses.items() if address in s]
    typed = f"{address:04X}"
    found = []
    for meant in sorted({a for s in statuses.values() for a, selected in s.items() if selected}):
        if sum(x != y for x, y in zip(f"{meant:04X}", typed, strict=True)) != 1:
            continue
        if not all(s.get(meant, True) for s in statuses.values()):
            continue  # not selected on a member that defines it
        if all(meant not in i.links and all(d.address != meant for d in i.disks) for i in instances if i.member in on):
            found.append(meant)
    return found


def _typo_help(address: int, meant: list[int], where: list[str]) -> str:
    """The help's first words for an address that looks like a typo for `meant` (`_typo_of`)."""
    typed = f"`{address:04X}`"
    them = alternatives([f"{a:04X}" for a in meant])
    subconfigs = f"SUBCONFIG{'s' if len(where) > 1 else ''} for {listed(where)}"
    return (
        f"{typed} may be a typo for {them}: its {subconfigs} {'define' if len(where) > 1 else 'defines'} {typed}"
        f" and no {them}, which the jobs select on the other members ({MINIDISK_NOT_IN_DIRECTORY.code} at its"
        f" include): if so,"
        f" correct the directory's MDISK statement to {them};\n"
    )


def _excluded_on_purpose(model: Model, selects, jobs: list, user_id: str, address: int, memo: dict) -> bool:
    """Whether an exclude that applies to one of `jobs` (its own, or of a
    single-configuration job, its member block's) takes `user_id`'s minidisk at
    `address` out, though no include selects it: the file says it is left out on
    purpose. Not a job's exclude that BKR413 says removes nothing (none of the job's
    minidisk includes reaches an address of it, `exclude minidisk DB2A 0200` beside
    `include minidisk * 0191-01FF`): BKR413's help deletes it, and this warning would
    be back; the allow says "on purpose" instead (`# bkrc: allow BKR535`). `memo`
    keeps, per job and member, what the excludes left take out, for every user."""
    for job in jobs:
        for member in job.members or model.member_names:
            if not any(first <= address <= last for first, last in selects.removed(job, member)(user_id)):
                continue  # no exclude takes it out: the usual answer, read from show's own
            kept = memo.get((id(job), member))
            if kept is None:
                kept = memo[id(job), member] = _removed_by_excludes_kept(model, selects, job, member)
            if any(first <= address <= last for first, last in kept(user_id)):
                return True
    return False


def _removed_by_excludes_kept(model: Model, selects, job, member: str):
    """What the excludes that apply to `job` on `member` take out of a user (a function
    of its ID), less the job's own excludes BKR413 reports: `selects.removed` where
    it reports none."""
    from bkrdsl.check.coverage import excludes_on, removed_ranges_of

    said = [x for x in job.excludes if why_exclude_removes_nothing(model, job, x)]
    if not said:
        return selects.removed(job, member)
    return removed_ranges_of([x for x in excludes_on(job, model.member(member)) if not any(x is s for s in said)])


def _selected_by_no_job(
    model: Model, user_id: str, span, origin: str, jobs: list, found, checked, disk, partly=None, typos=None
) -> Diagnostic:
    partly, typos = partly or {}, typos or {}
    addresses = [f"{a:04X}" for a in found]
    each = [
        f"`{a:04X}`"
        + (
            f" (only in its SUBCONFIG{'s' if len(where) > 1 else ''} for {listed(where)})"
            if a in partly
            else "" if len(where) == len(checked) else f" (on {listed(where)})"
        )
        for a, where in found.items()
    ]
    shown_ = ", ".join(each[:-1]) + " and " + each[-1] if len(each) > 1 else each[0]
    words = " ".join(addresses)
    group = origin.removeprefix("group ")
    line = f"include minidisk {user_id} {words}"
    one = len(addresses) == 1
    by = f"job {quoted(jobs[0].name)}" if len(jobs) == 1 else f"jobs {listed([j.name for j in jobs])}"
    fix = None
    # An address some members' SUBCONFIGs lack: the include's BKR515 (BKR516) allowed above it.
    codes_ = sorted(set(partly.values()))
    allow = f"# bkrc: allow {', '.join(codes_)} in some SUBCONFIGs only" if codes_ else None
    lines = [allow, line] if allow else [line]
    minidisks = [i for i in jobs[0].includes if i.medium is Medium.MINIDISK] if len(jobs) == 1 else []
    # An address that looks like a typo in the directory (`_typo_of`): no fix, whose
    # include would back the typo's address up, and still name it once it is corrected.
    if minidisks and not typos:  # below the job's last minidisk include
        fix = Fix(f"Add `{line}`", (statements_after(model, minidisks[-1].span, lines),))
    where = by if len(jobs) == 1 else f"each of {by} that should copy {'it' if one else 'them'}"
    if allow:
        where += f", below `{allow}` (for the members that lack {'it' if len(partly) == 1 else 'some'})"
    typo = "".join(_typo_help(a, meant, found[a]) for a, meant in typos.items())
    other = "if not, " if typos else ""
    return MINIDISK_SELECTED_BY_NO_JOB(
        f"{quoted(user_id)}'s {'minidisk' if one else 'minidisks'} {shown_} in the site's directory"
        f" {'is' if one else 'are'} selected by no job: group {quoted(group)} backs it up with {by},"
        f" whose includes leave {'it' if one else 'them'} out",
        span,
        help=f"{typo}{other}add `{line}` to {where}; or, if {'it is' if one else 'they are'} left out on purpose,"
        f" allow it on this line: `# bkrc: allow {MINIDISK_SELECTED_BY_NO_JOB.code} REASON`",
        related=(Related(disk.statement, f"{quoted(user_id)}'s {disk.address:04X} in the directory"),),
        fix=fix,
    )
