"""Members, service machine instances, their minidisks and links (BKR240-BKR249, BKR252, BKR255, BKR340, BKR342).

SSI rule 1 (Backup Manager runs on every member), the z/VM facts about
IDENTITY/SUBCONFIG names, and where each kind of user's minidisks may live.
"""

from __future__ import annotations

import collections
import re
from typing import TYPE_CHECKING, NamedTuple

from bkrdsl import ast
from bkrdsl.ast import Kind
from bkrdsl.check.common import (
    Suggester,
    delete_statements,
    disk_int,
    disk_reported,
    listed,
    mean_fix,
    missing_private_volumes,
    plural,
    quoted,
    small_int,
    user_id_problem,
    valid_user_id,
    valid_user_or_pattern,
    volume_span,
    workers_reported,
)
from bkrdsl.check.declarations import workers_read_on
from bkrdsl.check.kinds import option_on_ibm_id
from bkrdsl.check.names import INVALID_USER_ID, RESERVED_USER_ID, reserved_id_problem
from bkrdsl.check.registry import DIRECTORY, check
from bkrdsl.check.structure import REPEATED
from bkrdsl.check.values import MAX_WORKERS
from bkrdsl.diagnostics import Related
from bkrdsl.diagnostics.registry import register
from bkrdsl.diagnostics.suggest import alternatives
from bkrdsl.resolve.model import (
    ROLE_TEXT,
    MemberModel,
    Model,
    is_pattern,
    parse_address,
    parse_disk_unit,
    subconfig_id,
    worker_ids,
)

if TYPE_CHECKING:
    from bkrdsl.cpdirectory import Directory, Entry, Minidisk

#: z/VM 6.2 to 7.2 allow four SSI members; z/VM 7.3 raised the limit to eight.
CLASSIC_MAX_MEMBERS = 4
MAX_MEMBERS = 8
#: The first release that allows MAX_MEMBERS, as (version, release).
EIGHT_MEMBER_RELEASE = (7, 3)
#: The import of a standard library release module: `std/zvm73` is z/VM 7.3.
_RELEASE_IMPORT = re.compile(r"std/zvm([0-9])([0-9])(?:\.bkr)?")

TOO_MANY_MEMBERS = register(
    "BKR240",
    "too-many-members",
    "error",
    "more members than a z/VM SSI cluster can have",
    """
    A z/VM Single System Image cluster has at most eight members (z/VM 7.3
    and later; four before that, see BKR248). A ninth member block describes a
    system that cannot be in the cluster, so the generated directory entries
    (BUILD ON member) and EXECs would be wrong for all of them.

    Failing example, nine members:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          member VMSYS3 { workers 2 }
          member VMSYS4 { workers 2 }
          member VMSYS5 { workers 2 }
          member VMSYS6 { workers 2 }
          member VMSYS7 { workers 2 }
          member VMSYS8 { workers 2 }
          member VMSYS9 { workers 2 }   # <- BKR240
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

    Fix: keep the members of the SSI statement in SYSTEM CONFIG; describe a
    second cluster in its own file. The help names the blocks past the
    eighth, and, where the files import no z/VM 7.3 or later module, says
    to: a cluster of more than four members is BKR248's until they do.
    """,
)

MANY_MEMBERS = register(
    "BKR248",
    "more-than-four-members",
    "warning",
    "more than four members needs z/VM 7.3 or later",
    """
    z/VM 6.2 to 7.2 support SSI clusters of up to four members; z/VM 7.3
    raised the limit to eight. (The eight-member limit is taken from
    secondary sources describing z/VM 7.3; it could not be checked against
    IBM's manuals here, see docs/stdlib.md.) A cluster of five to eight
    members is right only when every member runs z/VM 7.3 or later.

    A file that imports the standard library's module of z/VM 7.3 or a
    later release (`import std/zvm73`, `std/zvm74`), and of no earlier
    release, says that its members run that release: it gets no warning.
    One that imports no release module, or an earlier one (`std/zvm72`, as
    in the middle of an upgrade), does.

    Failing example (wrong on z/VM 7.2 and earlier), five members:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { workers 2 }
          member VMSYS3 { workers 2 }
          member VMSYS4 { workers 2 }
          member VMSYS5 { workers 2 }   # <- BKR248
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

    Fix: when every member runs z/VM 7.3 or later, import that release's
    module (`import std/zvm73`) and no earlier one's; otherwise keep at most
    four members in the cluster.
    """,
)

NO_WORKERS = register(
    "BKR241",
    "member-without-workers",
    "error",
    "a member runs no worker machines",
    """
    Backup Manager runs on every member, and the backup server hands each
    job's work to the worker machines (BKRWRKnn) of its own member. A member
    with no workers (no `workers` statement, or `workers 0`) accepts jobs and
    never runs them. How many workers a member runs (1 to 64) is the site's
    choice: the help offers the count most other members run (`workers 4`,
    as VMSYS1 and VMSYS2 have), or, where no other member runs any, the
    fewest a member runs, `workers 1`.

    A `workers` statement misspelt or half typed after a `private-volume`
    list's labels (`private-volume ZDPRV1 wrkers 2`) is read as more
    volumes, and BKR021 says so, its help writing `workers 2`: the workers
    are written, not left out, so this error is not reported as well.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member VMSYS2 { private-volume M2PRV1 }   # <- BKR241
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

    Fix: `member VMSYS2 { workers 2  private-volume M2PRV1 }`.
    """,
)

SUBCONFIG_CLASH = register(
    "BKR242",
    "subconfig-collision",
    "error",
    "a derived SUBCONFIG ID collides with another SUBCONFIG, USER or IDENTITY ID",
    """
    Each IDENTITY machine bkrc writes a directory entry for (the service
    machines, a local catalog's SFS server, a shared Tape Manager's request
    node, any other product machine declared `identity`) gets one SUBCONFIG
    entry per member it runs on. CP requires every USER, IDENTITY and
    SUBCONFIG ID in the directory to be distinct. bkrc names SUBCONFIGs IBM's
    way, the ID plus `-n` for member n, shortened to 8 characters by keeping
    the ID's first characters and its last two: BKRWRK01 on member 1 is
    BKRW01-1, BKRCATLG is BKRCLG-1 (an ID whose last digits are not at its
    end keeps those instead: the worker BKR01WRK of pattern `BKR*WRK` is
    BKRW01-1). Two machines whose IDs agree in those characters collide,
    and so does a derived name that is also a user the cluster declares, or
    a machine bkrc writes a USER or IDENTITY entry for where the cluster
    only names it: the catalog's SFS server (`catalog ... server`), a Tape
    Manager node or DMM (`tape manager ...`). The compile would have to
    write two entries, and two files, of one name. A user the site
    declares with a SUBCONFIG's ID is most likely that SUBCONFIG copied out
    of the CP directory: the help deletes the declaration (or takes the ID
    out of its group), since bkrc writes the SUBCONFIG itself. A name a
    member's `subconfig` statement gives collides the same ways, and with
    the machine's own ID too (`subconfig BKRWRK01 BKRWRK01`): its IDENTITY
    and that SUBCONFIG would be one ID.

    Failing examples:

        import std/backup-manager
        single user BKRCLG-1     # the SUBCONFIG of BKRCATLG on member 1
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRBUP-1 pool BKRPOOL   # BKRBKUP's on member 1
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: rename the user or the machine (`catalog shared server BKRSVSFS
    pool BKRPOOL`).
    """,
)

SUBCONFIG_UNKNOWN_MACHINE = register(
    "BKR340",
    "subconfig-for-unknown-machine",
    "error",
    "a `subconfig` statement names no IDENTITY product machine that runs on its member",
    """
    `subconfig MACHINE NAME` in a member block gives the SUBCONFIG name the
    site's CP directory already has for that machine's instance on the
    member (`subconfig BKRBKUP BKRBKU-1`), so that the compile writes that
    name and not its own (`BKRBUP-1`). Only an IDENTITY machine whose
    directory entries bkrc writes has SUBCONFIGs: the backup server, the
    catalog server and the workers the member runs, a local catalog's SFS
    server, an IDENTITY administrator, a shared Tape Manager's request node.
    A statement that names another user, a single-configuration machine (a
    USER entry has no SUBCONFIG) or a worker beyond the member's `workers`
    count would be written nowhere: an error, so that the name the site
    meant to keep is not dropped unsaid.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 {
            workers 2
            subconfig BKRBKP BKRBKU-1   # <- BKR340
          }
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

    Fix: name the machine as the cluster does, `subconfig BKRBKUP
    BKRBKU-1`, or delete the statement.
    """,
)

LINK_UNKNOWN_MACHINE = register(
    "BKR342",
    "link-for-unknown-machine",
    "error",
    "a `link` statement names no product machine whose directory entry bkrc writes",
    """
    `link MACHINE OWNER VADDR [as VADDR2] MODE` in the cluster block keeps a
    CP LINK in a product machine's compiled directory entry: `link BKRBKUP
    5697J06C 05E5 RR` writes `LINK 5697J06C 05E5 05E5 RR` in BKRBKUP's
    entry, after the dialect table's statements. The machine is one whose
    entry bkrc writes (the backup server, the catalog server, the workers,
    the catalog's SFS server, the administrator, the installation user, a
    shared Tape Manager's machines), named by its ID or, for the workers, by
    a pattern (`link BKRWRK* ...`), as a `disk` statement names it. A
    statement that names another user would be written nowhere: an error,
    so that the LINK the site meant to keep is not dropped unsaid.

    A CP directory line pasted as it stands, `LINK MAINT 0190 0190 RR`,
    reads as a `link` of a machine MAINT: the statement names the machine
    first, then the owner, and the second address only after `as`.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          link BKRBKP 5697J06C 05E5 RR   # <- BKR342
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: name the machine as the cluster does, `link BKRBKUP 5697J06C 05E5
    RR`, or delete the statement.
    """,
)

BAD_DERIVED_MACHINE = register(
    "BKR243",
    "invalid-worker-name",
    "error",
    "the worker pattern produces user IDs that are not valid",
    """
    Worker IDs are derived from the worker pattern: its `*` is replaced by a
    two-digit number (BKRWRK* gives BKRWRK01, BKRWRK02, ...). The results are
    user IDs, so they have at most 8 characters and no wildcards: the pattern
    has exactly one `*`, no `%` or `?`, and at most 6 other characters.

    Failing example:

        identity user BKRBKUP role backup-server
        identity user BKRCATLG role catalog-server
        identity user BKRWORK* role worker   # <- BKR243
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
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

    (BKRWORK01 has 9 characters. A pattern that could match no user ID at
    all, such as BKRWORKER*, is BKR301 instead.)

    Fix: `identity user BKRWRK* role worker`.
    """,
)

DISK_VOLUME_KIND = register(
    "BKR244",
    "disk-volume-kind",
    "error",
    "a minidisk placed on a volume its user cannot reach from every member",
    """
    A single-configuration user logs on to any member, so its minidisks must
    be on a volume every member reaches: a `shared-volume`. An IDENTITY
    user's minidisks belong in its SUBCONFIG, on volumes private to each
    member: a shared volume would hand every member's instance the same
    extent, and the instances would overwrite each other's 191 disk. The
    help writes the `disk` statement where it belongs: a single user's on
    the cluster's first shared volume (its `at` left out: the extent there
    is the site's to place), or, where the cluster declares none, on the
    one the site's CP directory gives (`--directory`: the volume the USER
    entries' minidisks are on, as BKR245 finds it), with its
    `shared-volume` statement; an IDENTITY's without `on` and `at`. Beside
    other statements for the same machine and address, which that line
    would repeat (BKR324), it writes instead the statement on the private
    volume of the member none of them names, its `at` kept (bank.bkr's
    statements, one per member), each such statement where several members
    are left, or, where the others place every member's instance already
    (one without `on`, or one per member), says to delete it; not also
    BKR324 for the statement.

    A machine the cluster makes single-configuration (the shared catalog's
    SFS server, a Tape Manager catalog node or its DMM) that a statement
    declares `identity` is that error alone (BKR202, BKR231): its disks on a
    shared volume are where they belong once the kind is mended.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2  private-volume M1PRV1 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          disk BKRBKUP 191 size 10 cyl
          disk BKRCATLG 191 size 10 cyl
          disk BKRWRK* 191 size 5 cyl
          disk BKRSVSFS 191 size 10 cyl on M1PRV1   # <- BKR244
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: put it on a shared volume: `shared-volume SHR001` and
    `disk BKRSVSFS 191 size 10 cyl on SHR001`. The other single-configuration
    machines then have a volume for their A-disks too, and BKR253 asks for
    them: `disk BKRADMIN 191 size 10 cyl`, `disk 5697J06C 191 size 10 cyl`.
    """,
)

NO_VOLUME = register(
    "BKR245",
    "no-volume-for-disk",
    "error",
    "a minidisk to allocate automatically, but no suitable volume is declared",
    """
    A `disk` statement without `on VOLUME` lets bkrc allocate the minidisk: on
    each member's `private-volume` for an IDENTITY user (one extent per
    member's SUBCONFIG), on a `shared-volume` for a single-configuration user.
    If the members, or the cluster, declare no such volume, there is nowhere
    to put it. A member without a private volume is one mistake, however many
    `disk` statements need one there: one error, at the member's name (the
    block to mend), with those statements as notes; likewise one error for all
    the disks that need a shared volume when the cluster declares none. Not
    when a single-configuration machine's disk is `on` a volume the cluster
    does not declare (BKR333): that is the shared volume, its `shared-volume`
    statement the one thing missing (deleted), and BKR333 says so. A member
    without a private volume where the disks placed member by member name,
    for its instances, a volume no statement declares (its `private-volume`
    deleted) is one error here, naming that volume (and no BKR333), whose
    help writes `private-volume` with it. Where the file names no label that
    fits, the help writes the label the site's CP directory gives, when it
    is given (`--directory`): for a member, the volume its SUBCONFIGs'
    MDISK statements use (the product machines' own first) and no other
    member's, no USER's, and no statement of the file names; for the
    cluster, the one the USER entries' MDISK statements use and no
    SUBCONFIG's; the help says which entry uses it, at which line.
    Otherwise the help writes VOLSER and says it is a placeholder for the
    label of a volume of the member's own (another member's, `M1PRV1`,
    shown as the form) or of one every member shares.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2  private-volume M1PRV1 }
          member VMSYS2 { workers 2 }   # <- BKR245: no private-volume
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          disk BKRBKUP 191 size 10 cyl
          disk BKRCATLG 191 size 10 cyl
          disk BKRWRK* 191 size 5 cyl
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    Fix: `member VMSYS2 { workers 4  private-volume M2PRV1 }`.
    """,
)

EXTENT_OVERLAP = register(
    "BKR246",
    "disk-extents-overlap",
    "error",
    "two minidisks placed on overlapping extents of one volume",
    """
    `disk ... on VOLUME at START` gives a minidisk an explicit extent: START
    and the following SIZE cylinders (or blocks) of the volume. Two extents
    that share cylinders make two minidisks out of the same tracks: writing
    one destroys the other. The error names both extents and the cylinders
    (or blocks) they share (`BKRCATLG 191 (105-114) overlaps BKRBKUP 191
    (100-109) on volume `M1PRV1`: cylinders 105-109 are in both`), and its
    help the start at which the later one is free. The error is on the
    statement written later in the file, the one added last, the other a
    related place, also where the later starts first on the volume.
    Two statements for one
    machine's minidisk at the same address (a line written twice) are
    BKR324's one mistake, not this one as well.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2  private-volume M1PRV1 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          disk BKRBKUP 191 size 10 cyl on M1PRV1 at 100
          disk BKRCATLG 191 size 10 cyl on M1PRV1 at 105   # <- BKR246
          disk BKRWRK* 191 size 5 cyl
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `disk BKRCATLG 191 size 10 cyl on M1PRV1 at 110`.
    """,
)


MIXED_UNITS = register(
    "BKR247",
    "mixed-disk-units",
    "error",
    "one volume would hold minidisks sized in cylinders and in blocks",
    """
    A DASD volume is either CKD/ECKD (3390: minidisks are sized in cylinders)
    or FBA (minidisks are sized in 512-byte blocks). Minidisks sized both ways
    on one volume, explicitly (`on VOLUME`) or by automatic placement (an
    IDENTITY's disks go on each member's first private volume, a
    single-configuration user's on the first shared volume), cannot all be
    right. A volume whose size the file states (`M1PRV1 3390-3`,
    `2097152-blk`) is counted in that unit: a minidisk on it sized in the
    other is this error too, whichever comes first (BKR254 could not check
    it against the volume's end). On a volume whose size the file does not
    state, the error is at the odd ones out: the minidisks sized in the unit
    fewer of the `disk` statements placing one there use (where as many use
    each, those in the unit the first does not), once a statement, not at
    every other disk after one sized otherwise first. Its help writes the
    size again in the other unit, rounded up to as much room for files (a
    3390 cylinder formatted in 4 KB blocks holds 1,440 blocks of 512 bytes:
    `size 14 cyl` for `size 20000 blk`).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2  private-volume M1PRV1 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          disk BKRBKUP 191 size 10 cyl
          disk BKRCATLG 191 size 10 cyl
          disk BKRWRK* 191 size 5 cyl
          disk BKRBKUP 192 size 20000 blk   # <- BKR247
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    (both go on each member's first private volume)

    Fix: size them the way the volume is formatted: `disk BKRBKUP 192 size 14 cyl`,
    or put the FBA disk on an FBA volume with `on VOLUME`.
    """,
)

NOT_BUILT_THERE = register(
    "BKR252",
    "disk-on-member-without-machine",
    "error",
    "a minidisk placed on the private volume of a member where its machine does not run",
    """
    An IDENTITY machine gets its minidisks in the SUBCONFIG of each member it
    runs on. `disk ... on VOLUME` naming a member's private volume places that
    member's instance; but not every IDENTITY runs on every member: worker
    BKRWRKnn only where `workers` reaches nn, a shared Tape Manager's request
    node and request DMM on every member except the catalog node's. On a
    member where the machine is not built there is no SUBCONFIG to hold the
    minidisk: the extent would never be written, while the statement (and a
    site's map of the volume) says it is there. Most often the volume is the
    wrong one: the help writes in its place the private volume of each
    member the machine runs on (`write `on M1PRV1` (`VMSYS1`'s private
    volume) for `on M2PRV1` (line 11)`), up to three, leaving out a member
    whose instance another statement places already.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 4  private-volume M1PRV1 }
          member VMSYS2 { workers 2  private-volume M2PRV1 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          disk BKRBKUP 191 size 10 cyl
          disk BKRCATLG 191 size 10 cyl
          disk BKRWRK* 191 size 5 cyl
          disk BKRWRK04 192 size 5 cyl on M2PRV1   # VMSYS2 runs BKRWRK01-02
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 01:00
          }
        }

    Fix: name the private volume of a member the machine runs on (`on
    M1PRV1`), or leave `on VOLUME` out. Where each member the machine runs
    on has its own statement of that minidisk on its private volume (the
    Tape Manager catalog node moved to the member, or a member retired),
    the statement places an instance no member has: the help and its fix
    delete it (a worker's: or raise the member's `workers` count, if it
    should run that worker).
    """,
)


MEMBER_INSTANCE_NOT_PINNED = register(
    "BKR255",
    "member-instance-left-unplaced",
    "warning",
    "a minidisk whose other instances the `disk` statements place member by member, `on VOL at START`, and one member's not",
    """
    An IDENTITY machine's minidisk is one per member, in each member's
    SUBCONFIG. One `disk` statement per member, each `on` that member's
    private volume `at` a first cylinder or block, gives every instance a
    fixed extent, as a site without DirMaint needs and as `bkrc check --fix
    --directory` and `bkrc init --directory` write them. A member that none
    of those statements names (most often one added since, or one whose
    `workers` count grew) still gets the minidisk, on its first private
    volume, but with no extent: its MDISK says `AUTOV` (DirMaint's
    allocation) with the dialect's default `disk_allocation`, or takes the
    extent bkrc's `sequential` allocation hands out, which a later change
    of another `disk` statement can move. Without DirMaint, DIRECTXA cannot
    load `AUTOV` at all (BKR533 says so with `--directory`); with it, the
    one allocated instance sits wherever DirMaint found room, beside the
    others' planned layout.

    One warning per machine and address, at the last of its statements
    (where the missing one goes), naming the members left out and the
    statement that places their instance. A worker's minidisk placed by a
    single statement, `on` one member's private volume `at START`, is
    reported too where another worker's at that address is placed member by
    member: the workers' layout says the other members' instances were left
    out (a statement deleted, or a `workers` count grown), not left to the
    allocation. Not reported: a machine whose
    statements for the address do not all give `at START` (an instance
    allocated on purpose is written `on VOL` without `at`), one placed by a
    single statement otherwise (a statement may place one member's instance
    and leave the others to the allocation), statements another check reports
    (BKR324, BKR316, BKR333...), and a member without a private volume
    (BKR245). Nor, so that one slip is one diagnostic, an address another
    `disk` statement has whose user or volume another check reports (it
    may be the missing member's), a machine a statement with an address
    that is none names, the workers while a `workers` count is none
    (BKR316), or the request node's machines while the catalog node's
    member is unknown (BKR330).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 1  private-volume M1PRV1 }
          member VMSYS2 { workers 1  private-volume M2PRV1 }
          member VMSYS3 { workers 1  private-volume M3PRV1 }
          shared-volume VMCOM1
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          disk BKRBKUP 191 size 10 cyl on M1PRV1 at 322
          disk BKRBKUP 191 size 10 cyl on M2PRV1 at 322   # <- BKR255: VMSYS3 added since
          disk BKRCATLG 191 size 10 cyl
          disk BKRWRK* 191 size 5 cyl
          disk BKRSVSFS 191 size 20 cyl
          disk BKRADMIN 191 size 10 cyl
          disk 5697J06C 191 size 10 cyl
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * 0191
            to disk
            run on each member daily 02:00
          }
        }

    Fix: add the member's statement after the others, `on` its private
    volume `at` a first cylinder or block free there (`disk BKRBKUP 191
    size 10 cyl on M3PRV1 at 322`; the help proposes the others' first
    cylinder when they all share one, else the first member's, moved past
    the extents the file's other statements give on that volume: whether
    it is free on the real volume is the site's to check). To leave that
    instance to the allocation on purpose,
    write its statement without `at` (`disk BKRBKUP 191 size 10 cyl on
    M3PRV1`).
    """,
)


@check
def unplaced_member_instances(model: Model):
    """BKR255: per machine and address whose `disk` statements place the instances
    member by member (`Model.per_member_placement`), every one `at START`, the
    members the machine runs on (with a private volume) that none of them names;
    so too a worker's one statement so placed where another worker's at the
    address is placed member by member."""
    if model.cluster is None or not model.disks:
        return
    machines = model.product_machines()
    private = model.private_volumes
    # One slip, one diagnostic: a `disk` statement another check reports (its user
    # mistyped, BKR332; its volume, BKR333) may be the missing member's at its
    # address; a worker count out of range (BKR316) or a catalog node's member
    # unknown (BKR330, the request node then on every member) gives a member the
    # machine was never meant to run on.
    reported: set[int | None] = set()
    unsure: set[str | None] = set()
    for d in model.disks:
        address = parse_address(d.address.text)
        if address is None:  # BKR310, BKR316 (or a `#x` glued to it): whose minidisk it is, not where
            owners = model.disk_owners(d, machines)
            if not owners:
                return
            unsure |= set(owners)
        elif disk_reported(model, d):
            reported.add(address)
    tape = model.tape
    if any(not _workers_read(m) for m in model.members):
        unsure |= {w for m in model.members for w in model.workers_of(m)}
    if tape is not None and (tape.catalog_member is None or model.member(tape.catalog_member) is None):
        unsure |= {tape.request_node, tape.request_dmm}

    def pinned(disks) -> bool:
        return not any(
            d.start is None or disk_int(d.start.text) is None or disk_reported(model, d) for d in disks
        )

    # A worker's minidisk placed by one statement, on one member's private volume,
    # while another worker's at the address is placed member by member: the other
    # members' instances were left out (a statement deleted, or the `workers` count
    # grew), not left to the allocation on purpose, which the workers' own layout
    # says is not this file's way.
    workers = {w for m in model.members for w in model.workers_of(m)}
    layout: dict[int, str] = {}  # address -> the first worker placed member by member there
    for (machine, address), disks in model.disks_at.items():
        if machine in workers and model.per_member_placement(machine, disks) and pinned(disks):
            layout.setdefault(address, machine)
    for (machine, address), disks in model.disks_at.items():
        if machine not in machines or machine in unsure or address in reported:
            continue
        single = (
            len(disks) == 1
            and machine in workers
            and layout.get(address, machine) != machine
            and disks[0].user.upper == machine
            and machines[machine][0] is Kind.IDENTITY
            and disks[0].volume is not None
            and private.get(disks[0].volume.upper) in machines[machine][1]  # else BKR252's
        )
        if not single and not model.per_member_placement(machine, disks):
            continue
        if not pinned(disks):
            continue
        named = [private[d.volume.upper] for d in disks]
        left = [
            m for m in machines[machine][1]
            if m not in named and (found := model.member(m)) is not None and found.private_volumes
        ]
        if not left:
            continue
        last = disks[-1]
        starts = {disk_int(d.start.text) for d in disks}
        size, unit = last.size.text, last.unit.text
        # The others' first cylinder where they share one, else the first member's
        # (in the members' order, as every such help reads it, so that the instances
        # it proposes on one volume are laid out as on that member's), moved past the
        # extents the file's other statements give on the volume.
        model_member = next(m for m in model.member_names if m in named)
        mirrored = disk_int(disks[named.index(model_member)].start.text)
        statements, moved = [], False
        for m in left:
            volume = model.member(m).private_volumes[0]
            at = _free_start(model, volume, mirrored, disk_int(size) or 0, last)
            moved = moved or at != mirrored
            statements.append(f"`disk {machine} {last.address.text} size {size} {unit} on {volume} at {at}`")
        many = len(left) > 1
        if moved:
            whose = "a first cylinder or block past the extents the file's other `disk` statements give on the volume"
        elif len(starts) == 1:
            whose = "the placed instance's first cylinder or block" if single else "the others' first cylinder or block"
        else:
            whose = f"the first cylinder or block {quoted(model_member)}'s instance has"
        if single:
            sibling = layout[address]
            said = (
                f"{quoted(machine)} {last.address.text} is placed on {listed(named, len(named))} only (`on VOL at"
                f" START`), while the other workers' are placed member by member; none places"
            )
            shown = (
                Related(
                    model.disks_at[(sibling, address)][0].span,
                    f"worker {quoted(sibling)}'s, placed member by member",
                ),
            )
        else:
            said = (
                f"the `disk` statements for {quoted(machine)} {last.address.text} place its instances on"
                f" {listed(named, len(named))} at fixed extents (`on VOL at START`), but none places"
            )
            shown = ()
        yield MEMBER_INSTANCE_NOT_PINNED(
            said
            + f" {'the instances' if many else 'the instance'} on {listed(left, len(left))}: {'their' if many else 'its'}"
            " MDISK is left to the allocation (`AUTOV`, DirMaint's, with the built-in dialect)",
            last.span,
            related=tuple(Related(model.member(m).decl.name.span, f"member {quoted(m)} declared here") for m in left)
            + shown,
            help=f"place {'each' if many else 'it'} too, after this statement: "
            + ", ".join(statements)
            + f" ({whose}: make sure it is free there)"
            + f"; to leave {'them' if many else 'it'} to the allocation on purpose, write"
            f" {'each' if many else 'the'} statement without `at`",
        )


def _workers_read(member: MemberModel) -> bool:
    """Whether a member's `workers` count, where written, is one (BKR316 reports the others)."""
    settings = member.decl.settings_named("workers")
    if not settings or not settings[0].values:
        return True
    count = small_int(settings[0].values[0].text)
    return count is not None and 1 <= count <= MAX_WORKERS


def _free_start(model: Model, volume: str, start: int, size: int, own) -> int:
    """`start`, or, where another `disk` statement of the file gives an extent on
    `volume` that `size` cylinders or blocks from there would overlap (BKR246), the
    first one past it, again until none does."""
    for _ in range(len(model.disks) + 1):
        ends = [
            begin + length
            for d in model.disks
            if d is not own and d.volume is not None and d.volume.upper == volume and d.start is not None
            and (begin := disk_int(d.start.text)) is not None and (length := disk_int(d.size.text)) is not None
            and begin < start + size and start < begin + length
        ]
        if not ends:
            break
        start = max(ends)
    return start


@check
def member_count(model: Model):
    if model.cluster is None:
        return
    distinct = [m for m in model.members if model.member(m.name) is m]
    if len(distinct) > MAX_MEMBERS:
        extra = distinct[MAX_MEMBERS]
        yield TOO_MANY_MEMBERS(
            f"cluster {quoted(model.name)} declares {len(distinct)} members; a z/VM SSI cluster has at most {MAX_MEMBERS}",
            extra.decl.name.span,
            related=(Related(distinct[0].decl.name.span, "the first member"),),
            help=_too_many_help(model, distinct),
        )
    elif len(distinct) > CLASSIC_MAX_MEMBERS and not _eight_member_release(model):
        extra = distinct[CLASSIC_MAX_MEMBERS]
        yield MANY_MEMBERS(
            f"cluster {quoted(model.name)} declares {len(distinct)} members:"
            f" more than {CLASSIC_MAX_MEMBERS} needs z/VM 7.3 or later on every member",
            extra.decl.name.span,
            related=(Related(distinct[0].decl.name.span, "the first member"),),
            help="if every member runs z/VM 7.3 or later, say so: `import std/zvm73` (and no earlier"
            " release's module); otherwise keep at most four members",
        )


def _too_many_help(model: Model, distinct: list) -> str:
    """BKR240's help: the blocks past the eighth deleted, by their lines, where they are
    not the SSI statement's; and, the cluster still above four members, BKR248's import
    said too. The help said "keep the members of the SSI statement", which blocks left
    to guess, and followed, eight members gave BKR248 (stop 82)."""
    extra = distinct[MAX_MEMBERS:]
    blocks = ", ".join(f"`member {m.name}` (line {m.decl.name.span.line})" for m in extra)
    help = (
        f"keep the members of the SSI statement in SYSTEM CONFIG, at most {MAX_MEMBERS}: delete the block"
        f"{'s' if len(extra) > 1 else ''} of {blocks}, or of the member{'s' if len(extra) > 1 else ''} it does"
        " not name; describe another cluster in its own file"
    )
    if not _eight_member_release(model):
        help += (
            f"; for more than {CLASSIC_MAX_MEMBERS} members every member runs z/VM 7.3 or later: add"
            " `import std/zvm73` (BKR248)"
        )
    return help


def _eight_member_release(model: Model) -> bool:
    """Whether the files import a z/VM release module of the standard library, and
    every one they import is of a release that allows eight members."""
    releases = [
        (int(m.group(1)), int(m.group(2)))
        for module in model.modules
        for imp in module.imports
        if (m := _RELEASE_IMPORT.fullmatch(imp.path))
    ]
    return bool(releases) and min(releases) >= EIGHT_MEMBER_RELEASE


@check
def workers(model: Model):
    for m in model.members:
        settings = m.decl.settings_named("workers")
        if not settings:
            if workers_read_on(m.decl):  # `private-volume ZDPRV1 wrkers 2`: BKR021's, one slip
                continue
            yield NO_WORKERS(
                f"member `{m.name}` runs no worker machines: its jobs would never run",
                m.decl.name.span,
                help=_workers_help(model, m, "add", "to the member block"),
            )
        elif settings[0].values and small_int(settings[0].values[0].text) == 0:
            yield NO_WORKERS(
                f"member `{m.name}` has `workers 0`: its jobs would never run",
                settings[0].values[0].span,
                help=_workers_help(model, m, "write", "in place of `workers 0`"),
            )


def _workers_help(model: Model, member: MemberModel, verb: str, where: str) -> str:
    """BKR241's help: the count the other members run (the most of them, the first
    such count on a tie), or, where none runs any, the fewest a member runs
    (`workers 1`), and where it goes; how many workers a member runs is the site's
    choice, so the help says that too, in words, not `workers N`."""
    counts: dict[int, list[str]] = {}
    for other in model.members:
        distinct = other.name != member.name and model.member(other.name) is other
        if distinct and other.workers and 0 < other.workers <= MAX_WORKERS:
            counts.setdefault(other.workers, []).append(other.name)
    if not counts:
        return f"{verb} `workers 1` {where}, or as many worker machines as {quoted(member.name)} should run (1-{MAX_WORKERS})"
    count, names = max(counts.items(), key=lambda item: len(item[1]))
    if len(counts) == 1 and len(names) > 2:
        who = "the other members have"
    else:
        who = f"{listed(names, MAX_MEMBERS)} {'have' if len(names) > 1 else 'has'}"
    return f"{verb} `workers {count}` {where}, as {who}, or as many worker machines as {quoted(member.name)} should run (1-{MAX_WORKERS})"


@check
def worker_names(model: Model):
    pattern = model.worker_pattern
    if pattern is None or not is_pattern(pattern) or not valid_user_or_pattern(pattern):
        return
    decl = next((p for p in model.role_patterns("worker") if p.pattern == pattern), None)
    if decl is None:
        return
    problem = None
    if pattern.count("*") != 1 or any(c in pattern for c in "%?"):
        problem = "needs exactly one `*` (replaced by the worker's number) and no `%` or `?`"
    else:
        sample = worker_ids(pattern, 1)[0]
        if user_id_problem(sample):
            problem = f"gives `{sample}` for worker 1, longer than a user ID's 8 characters"
    if problem:
        yield BAD_DERIVED_MACHINE(
            f"worker pattern {quoted(pattern)} {problem}",
            decl.span,
            related=_workers_named_from(model),
            help="use a pattern of at most 6 characters plus one `*`, like `BKRWRK*`",
        )


def _workers_named_from(model: Model) -> tuple[Related, ...]:
    """BKR243's other place: the `workers N` of the first member that runs workers,
    whose worker machines the pattern names (worker 1 is that member's first)."""
    for m in model.members:
        settings = m.decl.settings_named("workers")
        if m.workers and settings:
            label = f"member {quoted(m.name)} runs {plural(m.workers, 'worker')}, named from the pattern"
            return (Related(settings[0].span, label),)
    return ()


ONE_WORKER_ID = register(
    "BKR249",
    "workers-without-pattern",
    "error",
    "a member runs several workers, but the worker role names one user ID",
    """
    `workers N` in a member block makes N worker machines from the worker
    pattern: `identity user BKRWRK* role worker` gives BKRWRK01 to BKRWRKnn.
    When `role worker` is given to one user ID instead, that ID is the one
    worker of every member, and bkrc has no way to name the others: the
    member would run fewer workers than its block says.

    Failing example:

        identity user BKRBKUP role backup-server
        identity user BKRCATLG role catalog-server
        identity user BKRWRK01 role worker
        cluster PRODSSI {
          member VMSYS1 { workers 4 }   # <- BKR249
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

    Fix: `identity user BKRWRK* role worker`, or `workers 1`.
    """,
)


@check
def workers_from_one_id(model: Model):
    pattern = model.worker_pattern
    if pattern is None or is_pattern(pattern):
        return
    decl = model.role_users("worker")[0]
    for m in model.members:
        settings = m.decl.settings_named("workers")
        if not m.workers or m.workers <= 1 or not settings or not settings[0].values:
            continue
        yield ONE_WORKER_ID(
            f"member `{m.name}` runs `workers {m.workers}`, but the worker role names one user ID,"
            f" {quoted(pattern)}",
            settings[0].values[0].span,
            related=(Related(decl.span, "the one worker ID"),),
            help="declare the workers by a pattern, `identity user BKRWRK* role worker`, or set `workers 1`",
        )


def given_subconfig(member: MemberModel, machine: str):
    """The word of the SUBCONFIG name `member`'s first `subconfig` statement for
    `machine` gives (`subconfig BKRBKUP BKRBKU-1`: `BKRBKU-1`), or None."""
    for setting in member.decl.settings_named("subconfig"):
        if len(setting.values) == 2 and setting.values[0].upper == machine:
            return setting.values[1]
    return None


@check
def subconfig_statements(model: Model):
    """BKR301 and BKR309 for a SUBCONFIG name CP refuses, BKR340 for a `subconfig`
    statement naming no IDENTITY product machine its member runs (BKR242 says a name
    two instances, or an instance and a user, share)."""
    if model.cluster is None:
        return
    instances = {(machine, m.name) for machine, m, _ in model.subconfigs()}
    machines = model.product_machines()
    suggester = Suggester()
    for member in model.members:
        if model.member(member.name) is not member:
            continue  # a member declared twice (BKR322): its first block is the one compiled
        here = sorted(machine for machine, on in instances if on == member.name)
        for setting in member.decl.settings_named("subconfig"):
            if len(setting.values) != 2:
                continue
            machine_word, name_word = setting.values
            name, machine = name_word.upper, machine_word.upper
            problem = user_id_problem(name_word.text)
            if problem is not None:
                yield INVALID_USER_ID(
                    f"SUBCONFIG name: {problem}",
                    name_word.span,
                    help="write the SUBCONFIG's ID as the site's CP directory has it: 1-8 characters"
                    " from A-Z 0-9 @ # $ _ -",
                )
            elif reserved_id_problem(name):
                yield RESERVED_USER_ID(
                    f"SUBCONFIG name {quoted(name)} is an ID CP reserves for itself",
                    name_word.span,
                    help="CP reserves the IDs LOGNxxxx, LOGLxxxx and LOGVxxxx: give the instance another"
                    " SUBCONFIG in the directory, or delete the statement (bkrc's own name is then written)",
                )
            if (machine, member.name) in instances or not valid_user_id(machine):
                continue
            known = machines.get(machine)
            if known is not None and known[0] is Kind.SINGLE:
                why = "is single-configuration: its USER entry has no SUBCONFIG"
            elif known is not None:
                worker = known[0] is Kind.IDENTITY and model.machine_roles().get(machine) == "worker"
                why = f"does not run on `{member.name}`" + (
                    f" (`workers {member.workers}`)" if worker and member.workers is not None else ""
                )
            else:
                why = "is none of the product's machines bkrc writes a directory entry for"
            meant = suggester.closest(machine, here) if known is None else []
            yield SUBCONFIG_UNKNOWN_MACHINE(
                f"`subconfig` names {quoted(machine)}, which {why}",
                machine_word.span,
                related=(Related(member.decl.name.span, f"member {quoted(member.name)} declared here"),),
                help=(f"did you mean {alternatives(meant)}? " if meant else "")
                + f"name an IDENTITY machine that runs on `{member.name}`"
                + (f" ({listed(here, len(here))})" if here and len(here) <= 6 else "")
                + ", or delete the statement",
                fix=mean_fix(meant, machine_word.span),
            )


def link_text(parts, machine: str | None = None, at: str | None = None) -> str:
    """A `link` statement as its words write it, perhaps with another machine or
    another address after `as` (the address linked at, `at`; the owner's address if
    it is the same)."""
    machine_word, owner, vaddr, target, mode = parts
    words = ["link", machine or machine_word.text, owner.text, vaddr.text]
    at = at if at is not None else (target.text if target is not None else None)
    if at is not None and parse_address(at) != parse_address(vaddr.text):
        words += ["as", at]
    return " ".join([*words, mode.text])


@check
def link_statements(model: Model):
    """BKR342 for a `link` statement naming no product machine; BKR115 for a second
    `link` of one machine at an address an earlier one links (its entry would
    define the address twice: the first is the one compiled, `Model.links_of`)."""
    if model.cluster is None or not model.link_statements:
        return
    machines = model.product_machines()
    suggester = Suggester()
    seen: dict[tuple[str, int], ast.Setting] = {}
    for setting in model.link_statements:
        parts = ast.link_parts(setting)
        if parts is None or not all(w.text for w in parts if w is not None):
            continue
        machine_word, _owner, vaddr, target, _mode = parts
        if not valid_user_or_pattern(machine_word.text):
            continue  # BKR301's
        owners = model.link_owners(machine_word, machines)
        if not owners:
            yield _link_unknown_machine(model, setting, parts, suggester)
            continue
        at = parse_address((target or vaddr).text)
        if at is None:
            continue  # BKR310's
        for machine in owners:
            first = seen.setdefault((machine, at), setting)
            if first is not setting:
                yield REPEATED(
                    f"a second `link` for {quoted(machine)} at address {at:04X} in the cluster block",
                    setting.span,
                    related=(Related(first.span, f"the first `link` at {at:04X} is here"),),
                    help=f"keep one `link` at {at:04X}: a CP directory entry links one disk at an address"
                    + ("" if ast.link_parts(first) is None else f" (the first, `{link_text(ast.link_parts(first))}`, is compiled)"),
                )
                break


def _link_unknown_machine(model: Model, setting: ast.Setting, parts, suggester: Suggester):
    """BKR342 for a `link` whose machine is no product machine: did you mean, and for a
    CP directory line pasted as it stands (`LINK MAINT 0190 0190 RR`) the statement's order."""
    machine_word, owner, vaddr, target, mode = parts
    machine = machine_word.upper
    ids = list(model.product_machines())
    meant = suggester.closest(machine, ids)
    if target is None and parse_address(owner.text) is not None and parse_address(vaddr.text) is not None:
        # `LINK MAINT 0190 0190 RR`: the directory's owner, its address and the machine's
        example = next(iter(ids), "MACHINE")
        shape = f"link {example} {machine_word.text} {owner.text}"
        if parse_address(owner.text) != parse_address(vaddr.text):
            shape += f" as {vaddr.text}"
        help = (
            f"this is the CP directory's LINK, which names the owner first: the `link` statement names the"
            f" machine whose entry keeps it first, then the owner, `{shape} {mode.text}`"
        )
        fix = None
        if machine == "MAINT" and parse_address(owner.text) in (0x190, 0x19D, 0x19E):
            help = (
                "this is the CP directory's LINK: delete the line; the dialect table's statements link"
                " MAINT's 0190, 019D and 019E in every product machine's entry already"
            )
            fix = delete_statements(model, [setting.span], "Delete the line")
        return LINK_UNKNOWN_MACHINE(
            f"`link` names {quoted(machine)}, which is none of the product's machines bkrc writes a directory"
            " entry for",
            machine_word.span,
            help=help,
            fix=fix,
        )
    named = f" ({listed(ids, len(ids))})" if ids and len(ids) <= 8 else ""
    return LINK_UNKNOWN_MACHINE(
        f"`link` names {quoted(machine)}, which is none of the product's machines bkrc writes a directory entry for",
        machine_word.span,
        help=(f"did you mean {alternatives(meant)}? " if meant else "")
        + f"name a machine whose entry bkrc writes{named}, or delete the statement",
        fix=mean_fix(meant, machine_word.span),
    )


@check
def subconfig_ids(model: Model):
    if model.cluster is None:
        return
    # Where each machine is named: its role declaration, else its own
    # declaration, else the statement that names it (catalog, tape manager).
    spans = {u.id: u.span for u in model.role_defs()}
    catalog, tape = model.catalog, model.tape
    if catalog is not None and catalog.server is not None and catalog.server_span is not None:
        spans.setdefault(catalog.server, catalog.server_span)
    for machine, span in tape.machines() if tape is not None else ():
        spans.setdefault(machine, span)
    worker = next(iter(model.role_patterns("worker")), None)
    machines = model.machine_roles()  # every USER and IDENTITY entry bkrc writes
    taken: dict[str, tuple[str, str]] = {}  # SUBCONFIG ID -> (machine, member)
    taken_at: dict[str, object] = {}  # SUBCONFIG ID -> the span of the name given for it, or None
    reserved_at = set()  # where a reserved SUBCONFIG ID was reported: once per statement
    for machine, member, sid in model.subconfigs():
        given = given_subconfig(member, machine)
        if not valid_user_id(machine) or len(sid) > 8 or (given is not None and not valid_user_id(sid)):
            continue  # a name CP refuses is BKR301's (`subconfig_statements`)
        declared = model.user(machine)
        span = (
            spans.get(machine)
            or (declared.span if declared is not None else None)
            or (worker.span if worker is not None else member.decl.name.span)
        )
        spans.setdefault(machine, span)
        # A given name (`subconfig BKRBKUP BKRBKU-1`) is said where it is written.
        at, made = (given.span, "given here") if given is not None else (span, "derived from this machine")
        # A machine whose own ID is reserved is reported as such (BKR309 too), and
        # renaming it renames its SUBCONFIGs; a reserved name given is `subconfig_statements`'.
        if given is None and reserved_id_problem(sid) and not reserved_id_problem(machine) and span not in reserved_at:
            reserved_at.add(span)
            yield RESERVED_USER_ID(
                f"{quoted(machine)}'s SUBCONFIG on `{member.name}` would be {quoted(sid)},"
                " an ID CP reserves for itself",
                span,
                help="rename the machine: CP reserves the SUBCONFIG IDs LOGNxxxx, LOGLxxxx and LOGVxxxx,"
                " which an ID of 6 or more characters that starts LOGN, LOGL or LOGV gives (ID-n, cut to 8)",
            )
        clash = model.user(sid)
        named = machines.get(sid)
        if given is not None and sid == machine and clash is None:
            # The machine's own ID given as its SUBCONFIG's, where no declaration has that ID
            # (a worker of a pattern, a Tape Manager node, a catalog's server the statement
            # names): its IDENTITY and that SUBCONFIG would be one file and one directory ID
            # (stop 83: `subconfig BKRWRK01 BKRWRK01` checked clean and did not compile).
            yield SUBCONFIG_CLASH(
                f"SUBCONFIG `{sid}` of {quoted(machine)} on `{member.name}` has the machine's own ID",
                given.span,
                related=(Related(span, f"IDENTITY {machine} is written from here"),),
                help="the directory cannot hold both: CP needs USER, IDENTITY and SUBCONFIG IDs all distinct;"
                " give the instance the SUBCONFIG name the site's directory has, or delete the statement for"
                f" bkrc's own ({subconfig_id(machine, member.ordinal)})",
            )
        elif clash is None and named is not None and sid != machine:
            # A machine the cluster names without declaring it (the catalog's
            # SFS server, a Tape Manager node or DMM): bkrc writes its entry too.
            yield SUBCONFIG_CLASH(
                f"{quoted(sid)}, {ROLE_TEXT.get(named, 'a product machine')}, has the name of"
                f" {quoted(machine)}'s SUBCONFIG on `{member.name}`",
                spans.get(sid) or span,
                related=(Related(at, f"SUBCONFIG {sid} is {made}"),),
                help=_rename_named_machine_help(model, sid, named, spans.get(sid) or span),
            )
        elif clash is not None:
            yield SUBCONFIG_CLASH(
                f"user {quoted(sid)} has the name of {quoted(machine)}'s SUBCONFIG on `{member.name}`",
                clash.span,
                related=(Related(at, f"SUBCONFIG {sid} is {made}"),),
                help=_subconfig_user_help(model, clash, sid, machine)
                if given is None
                else "the directory cannot hold both: CP needs USER, IDENTITY and SUBCONFIG IDs all distinct;"
                " give the instance the SUBCONFIG name the site's directory has, or rename the user",
            )
        elif sid in taken and taken[sid] != (machine, member.name):
            other, other_member = taken[sid]
            whose = "its" if other == machine else f"the SUBCONFIG of {quoted(other)}"
            yield SUBCONFIG_CLASH(
                f"SUBCONFIG `{sid}` of {quoted(machine)} on `{member.name}` is also {whose}"
                f"{' SUBCONFIG' if other == machine else ''} on `{other_member}`",
                # at a name given, the statement to mend (the derived one's machine is
                # declared in a module, perhaps the standard library's)
                at if given is not None or taken_at.get(sid) is None else taken_at[sid],
                related=(
                    (Related(taken_at[sid], f"SUBCONFIG {sid} of {other} on {other_member}"),)
                    if taken_at.get(sid) is not None and given is not None
                    else (Related(span, f"SUBCONFIG {sid} of {machine} on {member.name} is derived from this machine"),)
                    if taken_at.get(sid) is not None
                    else ((Related(spans[other], f"{other} declared here"),) if other in spans else ())
                ),
                help="each instance needs a SUBCONFIG of its own: give each `subconfig` statement the name the"
                " site's CP directory has for that member's instance"
                if given is not None or taken_at.get(sid) is not None
                else "rename one of the machines; an ID of at most 6 characters is kept whole in its SUBCONFIG ID (ID-n)",
            )
        else:
            taken.setdefault(sid, (machine, member.name))
            taken_at.setdefault(sid, given.span if given is not None else None)


def _subconfig_user_help(model: Model, user, sid: str, machine: str) -> str:
    """BKR242's help for a user declared with a SUBCONFIG's ID: the declaration to delete,
    at its line (the help said "rename the user", to no name: a user declared with a
    SUBCONFIG's ID is that SUBCONFIG copied out of the CP directory, which bkrc writes
    in the machine's entry itself). A standard library's user is not the site's to
    edit: the old words."""
    why = (
        f"bkrc writes SUBCONFIG {sid} in {quoted(machine)}'s IDENTITY entry itself, and CP needs USER,"
        " IDENTITY and SUBCONFIG IDs all distinct"
    )
    if user.module.startswith("std/"):
        return "rename the user: CP needs USER, IDENTITY and SUBCONFIG IDs all distinct"
    if user.origin == "user" and sid in model.declared_alone:
        return f"delete `{user.kind.value} user {sid}` (line {user.span.line}): {why}"
    if user.origin.startswith("group "):
        return f"take `{sid}` out of {user.origin} (line {user.span.line}): {why}"
    return f"take `{sid}` out of the `{user.kind.value} user` statement (line {user.span.line}): {why}"


def _volume_owner(model: Model) -> dict[str, str | None]:
    """Volume -> the member it is private to, or None for a shared volume."""
    out: dict[str, str | None] = dict(model.private_volumes)
    for v in model.shared_volumes:
        out.setdefault(v, None)
    return out


def _instances(model: Model, disk, machines):
    """(machine, member or None, volume or None, explicit extent?) for every minidisk a
    `disk` statement makes, placed the way the directory writer places them: an
    explicit private volume serves its member's instance only, the other members'
    instances go on their own first private volume, unless another statement places
    theirs (`Model.places_instance`); a USER's disk goes on the explicit volume or
    the first shared volume."""
    explicit = disk.volume.upper if disk.volume is not None else None
    private_to = model.private_volumes.get(explicit) if explicit else None
    shared = next(iter(model.shared_volumes), None)
    for machine in model.disk_owners(disk, machines):
        kind, members = machines[machine]
        if kind is Kind.SINGLE:
            yield machine, None, explicit or shared, explicit is not None
            continue
        for name in members:
            if not model.places_instance(disk, machine, name):
                continue
            if explicit and (private_to is None or private_to == name):
                yield machine, name, explicit, True
            else:
                own = model.member(name).private_volumes
                yield machine, name, own[0] if own else None, False


def _declared_identity_against_cluster(model: Model, machine: str, machines) -> bool:
    """Whether `machine` is declared IDENTITY where the cluster makes it a
    single-configuration machine (`Model.implied_kind`): a shared catalog's SFS
    server, a Tape Manager catalog node or its DMM. That declaration is always an
    error of its own (BKR202, BKR231, or BKR217 for a Backup Manager machine named
    as the server), so a `disk ... on` a shared volume, right for the machine once
    its kind is mended, is no second one: BKR244's help, to leave out `on VOLUME`,
    would drop the extent the site gave it (`disk CATSFS 191 ... on ACOM02 at 1`)."""
    return machines[machine][0] is Kind.IDENTITY and model.implied_kind(machine) is Kind.SINGLE


def _disk_statement(d, volume: str | None = None) -> str:
    """The `disk` statement `d` with its own words, on `volume` (no `on` for None), no `at`."""
    return f"disk {d.user.text} {d.address.text} size {d.size.text} {d.unit.text}" + (f" on {volume}" if volume else "")


def _identity_disk_help(model: Model, d, disk_machines, machines) -> str:
    """BKR244's help for an IDENTITY user's disk on a shared volume. Alone at its
    address, the statement without `on` and `at`: each member's SUBCONFIG gets its own
    extent. Beside other statements for the same machine and address that place its
    instances member by member (bank.bkr), that line would be one more statement for
    every instance (BKR324): the statement on the private volume of the member no
    other statement places, its `at` kept; with none left, or beside a statement
    without `on` that places every instance, the statement deleted."""
    plain = (
        f"write `{_disk_statement(d)}`, without `on {d.volume.text}`"
        + (f" and `at {d.start.text}`" if d.start is not None else "")
        + ", so that each member's SUBCONFIG gets its own extent on its private volume"
    )
    addr = parse_address(d.address.text)
    if len(disk_machines) != 1 or addr is None:
        return plain
    (machine,) = disk_machines
    others = [o for o in model.disks_at.get((machine, addr), ()) if o is not d]
    if not others:
        return plain
    private = model.private_volumes
    every = next((o for o in others if o.volume is None), None)
    if every is not None:
        return (
            f"delete this statement: `{_disk_statement(every)}` (line {every.span.line}) already gives each"
            " member's instance its own extent on its private volume"
        )
    # (one on a shared volume too is this error again, to be moved as this one is)
    placed = {private[o.volume.upper] for o in others if o.volume.upper in private}
    if not placed:
        return plain
    free = [m for m in machines[machine][1] if m not in placed]
    if not free:
        lines = ", ".join(str(o.span.line) for o in others)
        return (
            f"delete this statement: the other `disk {d.user.text} {d.address.text}` statements (line"
            f"{'s' if len(others) > 1 else ''} {lines}) place the instance on every member"
        )
    volumes = [(m, model.member(m).private_volumes) for m in free]
    if len(free) == 1 and volumes[0][1]:
        member, (volume, *_) = volumes[0]
        at = f" at {d.start.text}" if d.start is not None else ""
        return (
            f"write `{_disk_statement(d, volume)}{at}`, on {member}'s private volume: the other statements"
            f" place the instance on the other members, each on its own"
        )
    at = f" at {d.start.text}" if d.start is not None else ""
    named = [f"`{_disk_statement(d, v[0])}{at}` ({m})" for m, v in volumes if v]
    return (
        "write it on the private volume of a member no other statement places the instance on, one statement"
        " per member" + (f": {' or '.join(named)}" if named else "")
    )


def _single_disk_help(model: Model, d) -> str:
    """BKR244's help for a single-configuration user's disk on a member's private volume:
    the statement on the cluster's first shared volume (its `at` left out: the extent
    there is the site's to place), or, with none declared, that one is needed: the
    label the site's CP directory gives (`--directory`, `_directory_shared_volume`),
    said where it was seen, where it gives one; else VOLSER, said to be a
    placeholder, in the `shared-volume` statement and the `disk` statement alike."""
    shared = next(iter(model.shared_volumes), None)
    if shared is None:
        directory = DIRECTORY.get()
        found = _directory_shared_volume(model, directory, [d]) if directory else None
        if found is not None:
            return (
                f"declare `shared-volume {found.volume}` in the cluster block and write `{_disk_statement(d, found.volume)}`:"
                f" the user may log on to any member; {_seen_text(found, directory)}"
            )
        return (
            f"declare `shared-volume VOLSER` in the cluster block and write `{_disk_statement(d, 'VOLSER')}`"
            f" (line {d.span.line}): the user may log on to any member; the file names no volume every member"
            " shares, so write for VOLSER the label of one (`QUERY DASD` on each member lists them)"
        )
    return f"write `{_disk_statement(d, shared)}`, on a shared volume: the user may log on to any member"


@check
def disk_placement(model: Model):
    if model.cluster is None or not model.disks:
        return
    owners = _volume_owner(model)
    machines = model.product_machines()
    roles = model.machine_roles()
    lacking_private: dict[tuple[str, ...], list] = {}  # BKR245, per members lacking a private volume
    lacking_shared: list = []  # BKR245, the disks that need a shared volume
    undeclared_shared = False  # a single-configuration machine's disk `on` a volume not declared (BKR333)
    for d in model.disks:
        disk_machines = model.disk_owners(d, machines)
        if not disk_machines:
            continue  # BKR332
        instances = list(_instances(model, d, machines))
        vol = d.volume.upper if d.volume is not None else None
        kinds = {machines[m][0] for m in disk_machines}
        if vol is not None and vol not in owners:
            undeclared_shared = undeclared_shared or Kind.SINGLE in kinds
            continue  # BKR333
        user = d.user.upper
        if vol is not None and Kind.SINGLE in kinds and owners[vol] is not None:
            yield DISK_VOLUME_KIND(
                f"single-configuration user {quoted(user)} gets a minidisk on `{vol}`, private to `{owners[vol]}`",
                d.volume.span,
                related=(Related(volume_span(model, vol), f"private to {owners[vol]} here"),),
                help=_single_disk_help(model, d),
            )
            continue
        if vol is not None and Kind.IDENTITY in kinds and owners[vol] is None:
            if any(_declared_identity_against_cluster(model, m, machines) for m in disk_machines):
                continue  # BKR202 or BKR231: the kind is the one mistake, the volume fits the right one
            yield DISK_VOLUME_KIND(
                f"IDENTITY user {quoted(user)} gets a minidisk on shared volume `{vol}`",
                d.volume.span,
                related=(Related(volume_span(model, vol), "shared here"),),
                help=_identity_disk_help(model, d, disk_machines, machines),
            )
            continue
        # The volume is private to a member none of the disk's machines runs on. A
        # worker's, where the member's `workers` count is reported (BKR241, BKR316:
        # `workers 4` deleted, or written `workers 99`), is that count's slip.
        if (
            vol is not None
            and not any(explicit for *_, explicit in instances)
            and not (all(roles.get(m) == "worker" for m in disk_machines) and workers_reported(model.member(owners[vol])))
        ):
            yield _not_built_there(model, d, vol, owners[vol], sorted(disk_machines), machines)
        bare = list(dict.fromkeys(member for _, member, volume, _ in instances if volume is None and member))
        if bare:
            lacking_private.setdefault(tuple(bare), []).append(d)
        elif any(volume is None for _, member, volume, _ in instances):
            lacking_shared.append(d)
    # One member without a private volume (or a cluster without a shared one) is one
    # mistake, however many `disk` statements it leaves without a place: one error, at
    # the first of them, the others as notes.
    # The place to mend is the member block: the error points at the member's name.
    # A volume no statement declares, named by the disks placed member by member where
    # this member's would be, is its `private-volume` deleted: said here, not BKR333.
    missing = {members: volume for volume, members in missing_private_volumes(model).items() if members}
    for bare, disks in lacking_private.items():
        many = len(bare) > 1
        volume = missing.get(bare)
        named = [d for d in model.disks if d.volume is not None and d.volume.upper == volume]
        yield NO_VOLUME(
            f"member{'s' if many else ''} {listed(list(bare))} declare{'' if many else 's'}"
            " no private volume,"
            f" but {_disks_text(disks)} {'needs' if len(disks) == 1 else 'need'} one there: each member's"
            " SUBCONFIG holds its own instance's minidisks"
            + (
                f"; `{volume}`, which {plural(len(named), '`disk` statement')} {'names' if len(named) == 1 else 'name'},"
                " is declared nowhere"
                if volume
                else ""
            ),
            model.member(bare[0]).decl.name.span,
            related=tuple(Related(d.span, f"needs one on {listed(list(bare))}") for d in disks)
            + tuple(
                Related(model.member(m).decl.name.span, "no `private-volume` here either") for m in bare[1:]
            )
            + tuple(Related(d.volume.span, f"`{volume}` named here, declared nowhere") for d in named[:1]),
            help=f"add `private-volume {volume}` to the member block" if volume else _private_volume_help(model, bare, disks),
        )
    if lacking_shared and not undeclared_shared:
        # (With a single-configuration machine's disk on a volume the cluster does not
        # declare, that volume is the shared one whose `shared-volume` is missing:
        # BKR333 says so, once; prodssi's `shared-volume VMCOM1` deleted.)
        first, others = lacking_shared[0], lacking_shared[1:]
        yield NO_VOLUME(
            f"{_disks_text(lacking_shared)} {'needs' if not others else 'need'} a shared volume,"
            " and the cluster declares none",
            first.span,
            related=tuple(Related(d.span, "needs one too") for d in others),
            help=_shared_volume_help(model, lacking_shared),
        )


def _private_volume_help(model: Model, bare: tuple[str, ...], disks: list) -> str:
    """BKR245's help for members without a private volume where the file names no label
    for it: the label the site's CP directory (`--directory`) gives each such member's
    SUBCONFIGs (`_directory_private_volume`), said where it was seen; else VOLSER, said
    to be a placeholder, with another member's label as the form."""
    directory = DIRECTORY.get()
    seen = {m: _directory_private_volume(model, directory, m, disks) for m in bare} if directory else {}
    unseen = [m for m in bare if seen.get(m) is None]
    if len(bare) == 1 and not unseen:
        found = seen[bare[0]]
        return f"add `private-volume {found.volume}` to the member block: {_seen_text(found, directory)}"
    if len(unseen) < len(bare):
        first, *others = [seen[m] for m in bare if m not in unseen]
        written = [
            f"`{first.volume}` for {first.member} (SUBCONFIG {first.entry.id}, line {first.disk.line})",
            *(f"`{o.volume}` for {o.member} ({o.entry.id}, line {o.disk.line})" for o in others),
        ]
        rest = (
            f"; for {listed(unseen)}, which {'has' if len(unseen) == 1 else 'have'} none of {'its' if len(unseen) == 1 else 'their'}"
            " own there, VOLSER, a placeholder for the label of one (`QUERY DASD` on the member lists them)"
            if unseen
            else ""
        )
        return (
            "add `private-volume` to each member block, with the label of the volume its SUBCONFIGs use in"
            f" {directory.name}: " + ", ".join(written) + rest
        )
    which = "the member block" if len(bare) == 1 else "each member block"
    own = "a volume of its own" if len(bare) == 1 else "a volume of each one's own"
    example = next(((m.name, m.private_volumes[0]) for m in model.members if m.private_volumes), None)
    like = f", as {example[0]} has `{example[1]}`" if example else ""
    return (
        f"add `private-volume VOLSER` to {which}; the file names no volume for {listed(list(bare))},"
        f" so write for VOLSER the label of {own}{like} (`QUERY DASD` on the member lists them)"
    )


def _shared_volume_help(model: Model, disks: list) -> str:
    """BKR245's help for disks that need a shared volume where the cluster declares none:
    the label the site's CP directory (`--directory`) gives the USER entries' minidisks
    (`_directory_shared_volume`), said where it was seen; else VOLSER, said to be a placeholder."""
    directory = DIRECTORY.get()
    found = _directory_shared_volume(model, directory, disks) if directory else None
    if found is not None:
        return f"add `shared-volume {found.volume}` to the cluster: {_seen_text(found, directory)}"
    return (
        "add `shared-volume VOLSER` to the cluster; the file names no volume every member shares, so write"
        " for VOLSER the label of one (`QUERY DASD` on each member lists them)"
    )


class _Seen(NamedTuple):
    """A volume label the site's CP directory gives, and the first MDISK statement naming it."""

    volume: str
    entry: Entry  # the USER, or the SUBCONFIG, whose MDISK statement it is
    disk: Minidisk
    member: str | None  # the member a SUBCONFIG is built on; None for a USER's


def _seen_text(seen: _Seen, directory: Directory) -> str:
    """`M2PRV1`, which VMSYS2's SUBCONFIG BKRBUP-2 uses in prodssi.direct line 143."""
    whose = f"{seen.member}'s SUBCONFIG {seen.entry.id}" if seen.member else f"{seen.entry.kind} {seen.entry.id}"
    return f"`{seen.volume}`, which {whose} uses in {directory.name} line {seen.disk.line}"


# The site's labels for BKR245's and BKR244's helps, through the directory's own
# walk and choice (`Directory.subconfig_disks_on`, `Directory.most_used`), as
# `bkrc init --directory` finds them (`starter.site_volumes`). Which volumes
# count differs on purpose: `bkrc init` picks for every member of a cluster it
# writes from nothing, where this picks for one member of a file that names
# some volumes already. So a label the file's own statements name (another
# member's `private-volume`, a `shared-volume`) is never proposed again, which
# would be BKR325's error (a volume declared in two places); the machines of
# the `disk` statements in question are looked at first (a SUBCONFIG of
# BKRBKUP's tells more than any IDENTITY's); another member's SUBCONFIGs are
# those of every member the
# directory builds on (`Directory.built_members`), not only the file's; the
# shared volume is the USER entries' (single-configuration users, whose
# minidisks BKR244 places), not an IDENTITY's own; and each label is said with
# the MDISK statement where it was seen.


def _directory_private_volume(model: Model, directory: Directory, member: str, disks: list) -> _Seen | None:
    """The private volume the site's CP directory gives `member`: of the volumes no other
    member's SUBCONFIG, no USER's or IDENTITY's own MDISK, and no statement of the file
    (another member's `private-volume`, a `shared-volume`) names, the one most minidisks
    of the SUBCONFIGs built on `member` are on: those of the users of `disks` (the
    product's own machines, where the site built them already) first, else any IDENTITY's."""
    members = set(model.member_names) | directory.built_members
    identities = [e for e in directory.entries if e.kind == "IDENTITY"]
    elsewhere = set(model.shared_volumes) | set(model.private_volumes)
    elsewhere.update(d.volume for e in directory.entries if e.kind != "SUBCONFIG" for d in e.disks if d.held)
    for other in members - {member}:
        elsewhere.update(d.volume for _, d in directory.subconfig_disks_on(identities, other))
    named = directory.users_named([d.user.text for d in disks])
    for entries in ([e for e in named if e.kind == "IDENTITY"], identities):
        on_member = directory.subconfig_disks_on(entries, member)
        seen = _most_used_seen(directory, [(sub, d) for sub, d in on_member if d.volume not in elsewhere], member)
        if seen is not None:
            return seen
    return None


def _directory_shared_volume(model: Model, directory: Directory, disks: list) -> _Seen | None:
    """The shared volume the site's CP directory gives: of the volumes no SUBCONFIG and
    no statement of the file (a member's `private-volume`) names, the one most MDISK
    statements of the USER entries are on: those of the users of `disks` first, else any USER's."""
    subconfigs = {d.volume for e in directory.entries if e.kind == "SUBCONFIG" for d in e.disks if d.held}
    elsewhere = subconfigs | set(model.private_volumes)
    users = [e for e in directory.entries if e.kind == "USER"]
    named = directory.users_named([d.user.text for d in disks])
    for entries in ([e for e in named if e.kind == "USER"], users):
        held = [(e, d) for e in entries for d in e.disks if d.held and d.volume not in elsewhere]
        seen = _most_used_seen(directory, held, None)
        if seen is not None:
            return seen
    return None


def _most_used_seen(directory: Directory, disks: list[tuple[Entry, Minidisk]], member: str | None) -> _Seen | None:
    """Of `disks` (each with the entry whose MDISK statement it is), the volume most of
    them are on (`Directory.most_used`), with the first that names it; None for none."""
    found: dict[str, list] = collections.defaultdict(list)
    for entry, d in disks:
        found[d.volume].append((entry, d))
    volume = directory.most_used({v: len(seen) for v, seen in found.items()})
    if volume is None:
        return None
    entry, d = found[volume][0]
    return _Seen(volume, entry, d, member)


def _disks_text(disks: list) -> str:
    """`BKRBKUP`'s 191 disk; the disks of `BKRBKUP` (191) and `BKRCATLG` (191)."""
    if len(disks) == 1:
        return f"{quoted(disks[0].user.upper)}'s {disks[0].address.text} disk"
    parts = [f"{quoted(d.user.upper)} ({d.address.text})" for d in disks[:4]]
    more = f" and {len(disks) - 4:,} more" if len(disks) > 4 else ""
    if more:
        return "the disks of " + ", ".join(parts) + more
    return "the disks of " + ", ".join(parts[:-1]) + " and " + parts[-1]


def _not_built_there(model: Model, d, vol: str, member: str, owners: list[str], machines):
    where = sorted({name for o in owners for name in machines[o][1]}, key=model.member_names.index)
    user = d.user.upper
    subject = quoted(owners[0]) if len(owners) == 1 else f"none of {listed(owners)}"
    runs = "does not run" if len(owners) == 1 else "runs"
    tape = model.tape
    workers = {w for m in model.members for w in model.workers_of(m)}
    if tape is not None and set(owners) <= {tape.request_node, tape.request_dmm}:
        why = f"the request nodes' machines run on every member but the catalog node's, `{member}`"
    elif set(owners) <= workers:
        why = f"`{member}` runs {plural(len(model.workers_of(model.member(member))), 'worker')}"
    else:
        why = None
    # Each such member's first private volume, written in place of `vol` (the help said
    # "name the private volume of a member ... runs on", and left the sysprog to look it up).
    # A member whose instance another statement places already is left out (the
    # minidisk placed twice there): that one's, where a member was left without one.
    address = parse_address(d.address.text)
    placed = {
        model.private_volumes.get(o.volume.upper)
        for machine in owners
        for o in model.disks_at.get((machine, address), ())
        if o is not d and o.volume is not None
    }
    free = [m for m in where if m not in placed] or where
    volumes = [(m, model.member(m).private_volumes[0]) for m in free if model.member(m).private_volumes]
    if volumes:
        ways = " or ".join(f"`on {v}` (`{m}`'s private volume)" for m, v in volumes[:3])
        help = f"write {ways} for `on {vol}` (line {d.volume.span.line}), or leave out `on {vol}`"
    elif where:
        help = f"name the private volume of a member {quoted(user)} runs on ({listed(where)}), or leave out `on {vol}`"
    else:
        help = f"leave out `on {vol}`"
    fix = None
    if where and _placed_on_each(model, d, owners, where, machines):
        # Each member the machine runs on has its own statement on its private volume: this
        # one places an instance no member has (the catalog node moved to `member`, or a
        # member retired): naming another volume would place a minidisk twice.
        more = f"; or, if `{member}` should run it, raise its `workers` count" if set(owners) <= workers else ""
        help = (
            f"delete the statement: each member {quoted(user)} runs on ({listed(where)}) has its own statement of"
            f" this minidisk on its private volume, and `{member}` runs no instance of it{more}"
        )
        fix = delete_statements(model, [d.span], f"Delete `disk {user} {d.address.text}` on `{vol}`")
    return NOT_BUILT_THERE(
        f"{subject} {runs} on `{member}`, whose private volume `{vol}` this minidisk names:"
        " no SUBCONFIG there would hold it" + (f" ({why})" if why else ""),
        d.volume.span,
        related=(Related(volume_span(model, vol), f"private to {member} here"),),
        help=help,
        fix=fix,
    )


def _placed_on_each(model: Model, d, owners: list[str], where: list[str], machines) -> bool:
    """Whether each member in `where` that a machine of `owners` runs on has a statement
    of `d`'s minidisk on its private volume (BKR252's help then deletes `d`)."""
    address = parse_address(d.address.text)
    if address is None:
        return False
    for machine in owners:
        placed = {
            model.private_volumes.get(o.volume.upper)
            for o in model.disks_at.get((machine, address), ())
            if o is not d and o.volume is not None
        }
        if any(m not in placed for m in machines[machine][1]):
            return False
    return True


@check
def units_per_volume(model: Model):
    """A volume is CKD (cylinders) or FBA (blocks), never both: its minidisks keep
    the unit of its stated size, or else the unit most of them are sized in (the
    first's, where as many are sized each way): the odd ones out are the error, not
    every other disk on the volume after one sized otherwise first."""
    if model.cluster is None or not model.disks:
        return
    sizes = model.volume_sizes
    sized = _sized_disks(model, model.product_machines())
    placed = _placed_units(sized)
    kept = {volume: _volume_unit(disks) for volume, disks in placed.items()}
    reported = set()
    for d, unit, volumes in sized:
        for volume in volumes:
            stated = sizes.get(volume)
            other = stated.unit if stated is not None else kept[volume]
            if other == unit or d.span in reported:
                continue
            reported.add(d.span)  # one diagnostic per statement, naming the first volume
            if stated is not None:
                yield MIXED_UNITS(
                    f"volume `{volume}` has {stated.described()}, but this minidisk on it is sized in"
                    f" {_UNIT_WORD[unit]}",
                    d.unit.span,
                    related=(Related(stated.word.span, f"`{volume}`'s size, in {stated.words}, is stated here"),),
                    help=(
                        f"a volume is either CKD (cylinders) or FBA (blocks): size the minidisk in {stated.words},"
                        f" put it on another volume (`on VOL`), or state `{volume}`'s real size"
                    ),
                )
                continue
            seen = next(disk for disk, u in placed[volume] if u == other)
            yield MIXED_UNITS(
                f"volume `{volume}` would hold minidisks sized in {_UNIT_WORD[other]} and in {_UNIT_WORD[unit]}",
                d.unit.span,
                related=(Related(seen.unit.span, f"sized in {_UNIT_WORD[other]} here"),),
                help=_resize_help(d, unit, other),
            )


def _resize_help(d, unit: str, other: str) -> str:
    """BKR247's help where no size of the volume is stated: the minidisk sized again in
    the unit the volume's other minidisks use, as many bytes of files (4 KB blocks on a
    3390 cylinder, `BYTES_PER`), rounded up (the help said "size every minidisk on it the
    same way", to no size)."""
    from bkrdsl.syntax.fast import BYTES_PER

    why = "a volume is either CKD (cylinders) or FBA (blocks)"
    if not d.size.text.isdigit():
        return f"{why}: size every minidisk on it the same way"
    count = -(-int(d.size.text) * BYTES_PER[unit] // BYTES_PER[other])
    return (
        f"{why}: write `size {count} {other.lower()}` for `size {d.size.text} {d.unit.text}` (line {d.span.line}),"
        f" about as much space in {_UNIT_WORD[other]}; or keep it in {_UNIT_WORD[unit]} on a volume formatted in"
        f" {_UNIT_WORD[unit]}, named with `on` and its label"
    )


def volume_unit_of(model: Model, disk) -> str | None:
    """The unit (`CYL` or `BLK`) of the volumes `disk`'s minidisks go on, as
    `units_per_volume` reads each (its stated size, else the unit most of the other
    `disk` statements placing one there use), where they all have one and the same;
    else None: a volume none of them says, or volumes of both kinds. For BKR317's
    size in bytes (`size 10 MB`), which `disk` itself gives no unit."""
    machines = model.product_machines()
    placed = _placed_units([(d, unit, volumes) for d, unit, volumes in _sized_disks(model, machines) if d is not disk])
    units = set()
    for _, _, volume, _ in _instances(model, disk, machines):
        stated = model.volume_sizes.get(volume) if volume is not None else None
        if stated is not None:
            units.add(stated.unit)
        elif volume in placed:
            units.add(_volume_unit(placed[volume]))
        else:
            return None
    return units.pop() if len(units) == 1 else None


def _sized_disks(model: Model, machines) -> list[tuple[object, str, list[str]]]:
    """(disk, unit, its volumes) of each `disk` statement sized in a unit, each disk's
    minidisks placed once: how BKR247 (`units_per_volume`) and `volume_unit_of` read
    the units the volumes are sized in."""
    sized = []
    for d in model.disks:
        unit = parse_disk_unit(d.unit.text)
        if unit is not None:
            sized.append((d, unit, [volume for _, _, volume, _ in _instances(model, d, machines) if volume is not None]))
    return sized


def _placed_units(sized: list[tuple[object, str, list[str]]]) -> dict[str, list[tuple[object, str]]]:
    """volume: (disk, unit) of each `disk` of `sized` placing a minidisk there, in order."""
    placed: dict[str, list[tuple[object, str]]] = {}
    for d, unit, volumes in sized:
        for volume in volumes:
            placed.setdefault(volume, []).append((d, unit))
    return placed


def _volume_unit(disks: list[tuple[object, str]]) -> str:
    """The unit of a volume whose size the file does not state: the one most of the
    `disk` statements placing a minidisk on it use, counted once each; on a tie, the
    first's."""
    units = [unit for _, unit in {id(d): (d, unit) for d, unit in disks}.values()]
    counts = {unit: units.count(unit) for unit in units}  # in order of first use
    return max(counts, key=counts.__getitem__)


_UNIT_WORD = {"CYL": "cylinders", "BLK": "blocks"}


def _one_minidisk(machine: str, disk, other_machine: str, other) -> bool:
    """Whether two `disk` statements define one machine's minidisk at one address:
    BKR324's mistake, whose extents then overlap as a matter of course."""
    address = parse_address(disk.address.text)
    return machine == other_machine and address is not None and address == parse_address(other.address.text)


def _written_after(later, earlier) -> bool:
    """Whether `disk` statement `later` is written after `earlier` in one file."""
    return later.span.file == earlier.span.file and later.span.start > earlier.span.start


def _overlap_said_on_later(d, machine: str, extent: tuple[int, int], other, other_machine: str, first: int, volume: str, disks, shared: str, units: str):
    """BKR246 on `other`, which starts first on the volume but is written after `d`, whose
    extent (`extent`: start, end) starts inside it: the one added last, which a sysprog
    moves. Its help: the first start after `d`'s end at which `other`'s size meets no other
    extent of the volume (`disks`, sorted by start), or `at` left out."""
    start, end = extent
    size = disk_int(other.size.text) or 0
    rest = [t for t in disks if t[2] is not other]
    free = _first_free(rest, 0, end, size, {})
    message = (
        f"{other_machine} {other.address.text} ({first}-{first + size - 1}) overlaps "
        f"{machine} {d.address.text} ({start}-{end - 1}) on volume `{volume}`: "
        + (f"{units} {shared} are in both" if "-" in shared else f"{units[:-1]} {shared} is in both")
    )
    help = (
        f"write `at {free}` for `at {other.start.text}` (line {other.start.span.line}):"
        f" {machine} {d.address.text} ends at {end - 1}, and {free}-{free + size - 1} is free on"
        f" `{volume}`; or leave out `at {other.start.text}`, and bkrc places it"
    )
    related = (Related(d.start.span, f"{machine} {d.address.text} starts here"),)
    return EXTENT_OVERLAP(message, other.start.span, related=related, help=help)


def _free_start_help(d, at: int, size: int, reach, volume: str, disks, found: dict) -> str:
    """BKR246's help: the first start from the end of the extent it overlaps at which
    `size` units meet no other extent on the volume, written for the statement's `at`;
    or `at` left out, for bkrc to place it. `disks`: the volume's extents sorted by
    start, `d`'s at index `at`; `found`: `_first_free`'s answers on this volume."""
    later = at + 1
    while later < len(disks) and disks[later][2] is d:
        later += 1  # `d`'s extents for its other machines
    last = found.get("last")  # each statement's last extent on the volume
    if last is None:
        last = found["last"] = {id(t[2]): k for k, t in enumerate(disks)}
    if last[id(d)] < later:
        free = _first_free(disks, later, reach[0], size, found)
    else:  # another statement's extents sort between `d`'s (one of them from another file)
        free = _first_free([t for t in disks[later:] if t[2] is not d], 0, reach[0], size, {})
    other = reach[1]
    return (
        f"write `at {free}` for `at {d.start.text}` (line {d.start.span.line}):"
        f" {reach[2]} {other.address.text} ends at {reach[0] - 1}, and {free}-{free + size - 1} is free on"
        f" `{volume}`; or leave out `at {d.start.text}`, and bkrc places it"
    )


def _first_free(disks, k: int, free: int, size: int, found: dict) -> int:
    """The first start from `free` at which `size` units meet none of the extents
    `disks[k:]` (sorted by start): every extent before them ends by `free` (it is the
    end of the furthest-reaching one), so none of those can be in the way. Each step
    is a pure function of (k, free, size), and the steps taken are kept in `found`
    with the answer they lead to: a help that reaches a step taken before stops
    there (thousands of `disk` statements at one place, or each reaching past the
    last, had each help read the rest of the volume again)."""
    steps = []
    while True:
        known = found.get((k, free, size))
        if known is not None:
            break
        steps.append((k, free, size))
        if k == len(disks) or disks[k][0] >= free + size:
            known = free
            break
        free = max(free, disks[k][1])
        k += 1
    for step in steps:
        found[step] = known
    return known


def _rename_named_machine_help(model: Model, machine: str, role: str, span) -> str:
    """BKR242's help for the catalog's server or a Tape Manager machine named like a
    SUBCONFIG: its option written again on IBM's ID for it, where that is free."""
    written = option_on_ibm_id(model, machine, role, span)
    if written is None:
        return "rename the machine: CP needs USER, IDENTITY and SUBCONFIG IDs all distinct"
    return f"rename the machine, as CP needs USER, IDENTITY and SUBCONFIG IDs all distinct: {written}"


@check
def extents(model: Model):
    if model.cluster is None or not model.disks:
        return
    machines = model.product_machines()
    placed: dict[tuple[str, str], list] = {}
    for d in model.disks:
        if d.volume is None or d.start is None:
            continue
        start, size, unit = disk_int(d.start.text), disk_int(d.size.text), parse_disk_unit(d.unit.text)
        if start is None or not size or unit is None:
            continue
        # One machine's instances on one volume (an IDENTITY's on a shared volume,
        # which BKR244 reports) are one extent, not several that overlap.
        for volume, machine in dict.fromkeys(
            (volume, machine) for machine, _member, volume, explicit in _instances(model, d, machines) if explicit
        ):
            if volume is not None:
                placed.setdefault((volume, unit), []).append((start, start + size, d, machine))
    for (volume, unit), disks in sorted(placed.items()):
        disks.sort(key=lambda t: (t[0], t[1], t[2].span.start, t[3]))
        reach = None
        reported = set()
        found: dict = {}  # `_free_start_help`'s starts on this volume
        for at, (start, end, d, machine) in enumerate(disks):
            if reach is not None and start < reach[0] and (d.span, reach[1].span) not in reported:
                other, other_machine = reach[1], reach[2]
                if other is not d and _one_minidisk(machine, d, other_machine, other):
                    continue  # a minidisk defined twice (pasted again): BKR324's, said once
                reported.add((d.span, other.span))
                if other is d:
                    message = (
                        f"`{d.user.upper}` gives {other_machine} and {machine} the same extent"
                        f" {start}-{end - 1} on volume `{volume}`"
                    )
                    related = ()
                    help = (
                        f"leave out `at {d.start.text}` (line {d.start.span.line}), and bkrc places each machine's"
                        f" minidisk on `{volume}`; or give each machine a `disk` statement of its own, each with its"
                        " own extent"
                    )
                else:
                    # both extents and the cylinders (blocks) they share, where the other's start reads
                    first = disk_int(other.start.text)
                    units = "cylinders" if unit == "CYL" else "blocks"
                    shared = f"{start}-{min(end, reach[0]) - 1}" if min(end, reach[0]) - 1 > start else f"{start}"
                    message = (
                        f"{machine} {d.address.text} ({start}-{end - 1}) overlaps "
                        f"{other_machine} {other.address.text}"
                        + (f" ({first}-{reach[0] - 1})" if first is not None else "")
                        + f" on volume `{volume}`: "
                        + (f"{units} {shared} are in both" if "-" in shared else f"{units[:-1]} {shared} is in both")
                    )
                    related = (
                        Related(other.start.span, f"{other_machine} {other.address.text} starts here"),
                    )
                    if _written_after(other, d) and first is not None:
                        # the extent written later in the file, the one added last, is the one
                        # to move, though it starts first on the volume (was the error on the
                        # other, written first; h3, stop 71)
                        yield _overlap_said_on_later(d, machine, (start, end), other, other_machine, first, volume, disks, shared, units)
                        message = None
                    else:
                        help = _free_start_help(d, at, end - start, reach, volume, disks, found)
                if message is not None:
                    yield EXTENT_OVERLAP(message, d.start.span, related=related, help=help)
            if reach is None or end > reach[0]:
                reach = (end, d, machine)
