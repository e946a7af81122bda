"""Declarations and references: everything declared once, every reference resolved
(BKR320-BKR326 duplicates, BKR327 and BKR328 member names that collide with the
language or the output layout, BKR330-BKR334 unknown names with "did you mean",
BKR335 a role that names one machine given to a pattern), and BKR021, a volume list or a group body
read on into words that read like a statement."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from bkrdsl import ast
from bkrdsl.ast import Kind, Scope
from bkrdsl.check.common import (
    Suggester,
    begun_by,
    delete_repeats,
    delete_statements,
    disk_reported,
    disk_written_twice,
    hash_glued_machines,
    holds_comment,
    line_in,
    listed,
    machine_meant,
    mean_fix,
    mean_help,
    missing_private_volumes,
    quoted,
    retired_private_volumes,
    server_disk_unnamed,
    server_written_as_home,
    shown,
    star_left_out,
    swapped_disk,
    system_name_problem,
    unknown_member_help,
    valid_user_id,
    valid_user_or_pattern,
    volume_problem,
    volume_span,
    without_disk_at,
)
from bkrdsl.check.jobs import renamed_job, single_home
from bkrdsl.check.registry import check
from bkrdsl.diagnostics import Diagnostic, Edit, Fix, Related, Slip
from bkrdsl.diagnostics.registry import register
from bkrdsl.diagnostics.suggest import alternatives
from bkrdsl.generated import CLUSTER_FOLDER
from bkrdsl.resolve.model import (
    ROLE_TEXT,
    ROLES,
    Model,
    UserDef,
    VolumeCapacity,
    disk_size,
    is_pattern,
    parse_address,
)
from bkrdsl.resolve.releases import ReleaseID, release_id
from bkrdsl.source import Span
from bkrdsl.syntax.fast import KEYWORD_PLACE_WORDS
from bkrdsl.syntax.runon import (
    RUN_LABELS,
    begun,
    directory_line,
    group_entry_lines,
    keyword_first,
    keyword_phrases,
    misspelt_runs,
    statement_like_runs,
)

USER_TWICE = register(
    "BKR320",
    "user-declared-twice",
    "warning",
    "a user ID declared by two `user` statements of the same kind",
    """
    A `single user` or `identity user` statement gives a user its
    configuration kind. Saying it twice with the same kind is harmless but
    means the two places can drift apart: the next edit changes one and not
    the other, and the user is then in both kinds (BKR203). It often happens
    when a site file repeats what an imported standard library module
    already declares: the warning is then at the site's declaration, the
    one the site can delete, whichever file is imported first. A user
    declared three times is one warning, at the
    second declaration, with the others as notes. A user ID named twice in
    one statement (`single user OPSADM, OPSADM`) is a slip for another user
    rather than a second declaration: the warning says so, and its fix
    deletes the repeat with its `,` (written twice in a row, without the
    `,`, it is BKR004's error).

    A site's copy of a standard library module imported beside the module
    (a copy of `std/zvm-common` made to change one user's kind, beside
    `import std/zvm73`, which reads `std/zvm-common` itself) repeats most
    of its declarations: that is one warning, at the copy's first repeat,
    not one per user on lines of the library. It says what happened and the
    two ways out: to change the library's kinds, import copies of both
    modules, the release module's copy importing the other copy, in place
    of `import std/zvm73` (as BKR203's help says; docs/stdlib.md), or
    delete the copy's import. A copy of a module the site imports itself
    (`std/backup-manager`) that declares all the module does, with the same
    kinds, takes its place: the warning is at `import std/backup-manager`,
    and its fix deletes that import (with a kind changed, BKR201's or
    BKR203's error decides, and there is no fix). A site module is taken
    for a copy when its `user` statements name more than half of the
    library module's IDs, and at least 3; fewer repeats are a warning each.

    Failing example:

        import std/backup-manager
        identity user BKRBKUP          # std/backup-manager already says so
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

    Fix: delete the repeated declaration. (Listing a declared user in a group
    is not a declaration: groups may name users declared elsewhere.)
    """,
)

DUPLICATE_GROUP = register(
    "BKR321",
    "duplicate-group",
    "error",
    "two groups with the same name",
    """
    `backup NAME` refers to a group by name, so a group name must be declared
    once across the cluster file and every module it imports. With two
    groups of one name, bkrc would have to pick one and the other's users
    would silently not be backed up. A name declared three times is one
    error, at the second declaration, with the first and the third as notes.
    The message says when the groups are one group written again (the same
    kind and users: the fix deletes the copies) and when they differ in kind:
    then a job that backs the name up has no kind to check, and its
    placement (BKR220, BKR221, BKR222) and its users' kind (BKR203, where
    both kinds come from the groups of that name alone) are not reported
    besides; one slip, one error.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group GUESTS { LINUX01 }
          single group GUESTS { LINUX02 }   # <- BKR321
          job APPSFULL {
            backup GUESTS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: merge them into one group, or rename one.
    """,
)

DUPLICATE_MEMBER = register(
    "BKR322",
    "duplicate-member",
    "error",
    "a member declared twice",
    """
    Each member of the SSI cluster is declared once, with its workers,
    private volumes and job suffix. A second block of the same name would
    give the member two sets of settings. A member declared three times is
    one error, at the second block, with the others as notes. A block pasted
    twice is this one error: the private volumes its copies declare are not
    also reported as declared again (BKR325).

    The message says what the blocks say differently, so that you can tell
    which to keep: `workers`, `job-suffix` and `description`, each private
    volume with its size, and each exclude, with the lines that say each
    (`private-volume M1PRV1 3390-9` at line 4, `private-volume M1PRV1
    3390-27` at line 6), and marks where the later blocks differ. Until one
    block is kept, the checks read the member's workers, job suffix and
    excludes from its first block, and each volume's size from where it is
    first stated. Blocks that say the same (names compared in any case) are
    one block pasted again: the fix deletes the copies, unless a comment
    stands in what it would delete that the first block does not say too
    (a block pasted whole again, its comments with it, loses nothing).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 4 }
          member VMSYS1 { workers 2 }   # <- BKR322
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

    Fix: keep one block per member; a cluster's members are the systems of
    its SSI statement in SYSTEM CONFIG.
    """,
)

MEMBER_NAMED_EACH = register(
    "BKR327",
    "member-named-each",
    "error",
    "a member named EACH, which `run on` and `expire on` read as `each member`",
    """
    After `run on` and `expire on`, the word `each` starts `each member`
    (keywords are case-insensitive), so a member named EACH can never be
    named there: `run on EACH daily 02:00` is a syntax error, expecting
    `member` after `EACH`. The member's jobs and its expiry could only be
    written as `each member` or after another member in a list, and a
    cluster whose only member is EACH could place nothing on it at all.
    `catalog ... on` and `catalog-node ... on` take any name, and no other
    keyword collides: only `each` may follow `on` as a keyword. The help's
    example identifier is one no other member of the cluster has (`VMSYS2`
    for the second member, beside a `member VMSYS1`).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          member EACH { workers 2 }   # <- BKR327
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

    Fix: name the member as SYSTEM CONFIG does, for example `member VMSYS2`.
    If the system identifier really is EACH, bkrc cannot describe the
    cluster; please report it.
    """,
)

MEMBER_FOLDER_CLASH = register(
    "BKR328",
    "member-folder-clash",
    "warning",
    "a member named CLUSTER, whose output folder differs from `cluster/` only in case",
    f"""
    `bkrc compile` writes each member's files to a folder named after the
    member (upper case) and the cluster-wide CP directory entries to a
    lower-case `{CLUSTER_FOLDER}/` folder. A member named CLUSTER gets the folder
    `CLUSTER/`: on a case-insensitive file system (macOS by default, Windows
    and most shares from them) the two are one folder, and the member's
    EXECs and templates end up among the directory entries, where an upload
    of one member's folder takes all of them. No file is overwritten (their
    file types differ), and on a case-sensitive file system the folders are
    apart.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {{
          member CLUSTER {{ workers 2 }}   # <- BKR328
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on CLUSTER {{ purge weekly sun 03:00  retain 35 days }}
          single group APPS {{ LINUX01 }}
          job APPSFULL {{
            backup APPS full
            include minidisk * *
            to disk
            run on CLUSTER daily 02:00
          }}
        }}

    Fix: compile onto a case-sensitive file system, or keep the two kinds
    of file apart when uploading: `CLUSTER/*.DIRECT` are the directory
    entries, every other file is the member's.
    """,
)

VOLUMES_READ_ON = register(
    "BKR021",
    "list-reads-on",
    "warning",
    "a list that runs on into what reads like a statement",
    """
    `private-volume` (in a member block) and `shared-volume` (in the cluster
    block) take any number of volume labels, and the list runs on over line
    breaks to the block's `}` or to the next statement the block takes. A
    line after it that starts with another block's statement keyword is
    therefore read as more labels when every word on it could be one:
    `retain 30 days` under `private-volume M1PRV1` in a member block gives
    the member the volumes RETAIN, 30 and DAYS, and the generated directory
    entries and `bkrc show` name them. The block's `}` on that line ends
    the list and is no word of it: `retain 30 days }` reads so too. (Where
    a word could not be a label, `preview daily 01:00`, the line is a
    misplaced statement, BKR013; a label that no volume can have is
    BKR305.)

    So are the same words on the list's own line, as in a block written on
    one line: `member VMSYS1 { workers 2  private-volume M1PRV1 retain 30
    days }` gives VMSYS1 the same three volumes.

    bkrc warns at a label of a volume list spelled like a statement keyword
    (`retain`, `purge`, `import`...) in lower or mixed case, first on a
    later line or after other labels on its line: volume labels are
    written in upper case, as `QUERY DASD` shows them.
    One warning covers the run of labels from there to the end of its line
    and the lines after it that start so too, at its first label. The file
    still reads as before, and `bkrc fmt` keeps such a list's lines as
    written, so it warns as before too. (A keyword that starts no
    statement, `shared`, `daily`, in small letters after a label, and not
    in such a run, is no label at all: BKR004.)

    First in the list, where the statement needs a label, such a keyword
    in lower or mixed case is read as one, and bkrc warns of it alone:
    `private-volume shared` gives the member a volume SHARED, and
    `shared-volume on VMCOM1` gives the cluster the volumes ON and VMCOM1.
    The help says where the keyword is written. So is a statement keyword
    there, as the list's first label, not as more volumes: `shared-volume
    job VMCOM5` gives the cluster the volumes JOB and VMCOM5, and the help
    quotes the line, whose words are the list's labels too, as a run's
    does; a run goes on from the next line only where that line starts so
    too. `bkrc fmt` keeps that label as written too (a statement keyword,
    with the labels of its line). (One that no volume label can be,
    `minidisk`, `workers`, longer than 6 characters, is BKR305.)

    So does a line pasted from a CP directory below the list's labels
    whose words may all be labels: `USER LNXWEB` under `private-volume
    M2PRV1` gives the member the volumes USER and LNXWEB. bkrc warns at a
    label that starts a later line of the list, with other labels after it
    on that line, spelled as a CP directory statement that a label may be,
    in any case (`USER`, `LINK`, `MDISK`, `BUILD`, `IPL`, `SPOOL`, `OPTION`,
    ...): the line reads as a directory entry's. Its help says what the
    .bkr file writes for it (for a USER entry, its user listed in a `single
    group`), or, for volumes so named, to write them after another label
    on its line, where no entry's line starts. Such a word alone on its
    line (`USER`), or after another label, is a volume as written. (Where
    a word of the line cannot be a label, `USER LNXWEB01`, `USER LNXWEB
    NOLOG`, the line is BKR012; IDENTITY, too long for a label, is BKR012
    too.) `bkrc fmt` keeps the line as written, so it warns as before.

    So does a label after the list's first, in small letters, that is one
    of the block's statement keywords misspelt or half typed (`wrkers`,
    `worker`, `wor`, `exclud`) or in other words (`suffix`, for
    `job-suffix`), with the labels after it on its line: `member VMSYS3 {
    workers 2  private-volume M3PRV1 suffix C }` gives the member the
    volumes SUFFIX and C, and its jobs keep the suffix 3. The help writes
    the statement with the line's words (`job-suffix C`), and `bkrc fmt`
    keeps such a list's lines and these labels' spelling, as above. (Such
    a word first on a later line, before a value the keyword takes, is the
    parser's BKR012, whose fix writes the keyword.)

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 {
            workers 2
            private-volume M1PRV1
            retain 30 days   # <- BKR021
          }
          member VMSYS2 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          identity group SYSIDS { TCPIP }
          job SYSIN {
            backup SYSIDS incremental
            include minidisk * *
            to disk
            run on each member daily 02:00
          }
        }

    A group body (`single group` or `identity group`) lists user IDs to
    its `}`, and any word there is read as one: `identity user FOO` pasted
    on a line of `single group APPS { ... }` gives the group the users
    IDENTITY, USER and FOO. bkrc warns so at an ID spelled like a statement
    keyword in lower or mixed case, in the same runs (user IDs are written
    in upper case, as the directory holds them). A `match` pattern starts
    no run. So does an ID alone on its line in small letters that begins a
    statement keyword, of three letters or more (`desc`, `exc`, as
    `description`, `exclude` are typed): no group body takes any statement
    but `match`, so it is a statement begun in the wrong block, which the
    keyword in full would be warned of too, not a user DESC read silently.
    A shorter word (`b`, `ex`) begins too many keywords to say one is meant
    and stays an ID; one too long for an ID (`descripti`) is BKR012, and
    such a keyword in full first on its line (`description`, `job-suffix
    B`) is that statement misplaced, BKR013, not a user ID read as a
    statement and too long besides (BKR301). A hyphenated keyword typed up
    to its hyphen or past it, alone on its line (`job-`, `job-s`,
    `logon-w`), is BKR012 too: no user ID is written as keywords are, small
    letters joined by a hyphen. A statement of a run in a group body that
    has a slip of its own (`retain 35`, its `days` left out) is named
    written whole in the help, as its home block's fixes mend it
    (`retain 35 days`), and its words are this one warning: `35` is not
    also an ID that reads as a spool file ID (BKR341). A keyword written
    over alone on its line (`include include include`) is one warning too,
    not also an ID the group names twice (BKR416), and its help writes the
    ID once (`INCLUDE`), not the run in upper case, which would name it
    twice.

    A keyword that starts no statement (`full`, `daily`, `on`, `each`,
    `user`...) in lower or mixed case is read as a user ID wherever it
    stands in a group body: `single group GUESTS { LINUX01 full LINUX02 }`
    gives the group a user FULL. No group body takes the word, so it is a
    slip (a job's level or schedule, a member's `on`, written in the
    group), and bkrc warns of each such ID outside a run alone; the help
    says where the keyword is written. In upper case (`{ FULL }`) it is a
    user the site may really have, and is not warned of. (`incremental`,
    too long for a user ID, is BKR301.) `bkrc fmt` keeps such an ID as
    written. So is a value's word that no keyword spells: a disk's size
    unit (`cyl`, `blocks`), a wait's unit (`seconds`), a day of the week
    (`sun`), read silently as a user before. A keyword's words after it
    on its line are one warning with it, that names them all: the
    keywords that follow it (`manager shared`, `last sun`), the one name a
    keyword takes (`server BKRSVSFS`, `on VMSYS1`, `role worker`), and a
    run a statement keyword starts right after it (`each member`). Such a
    name is not also a user of the group for the other checks: the
    catalog's server named after `server` is not "the ID of a user of
    group APPS" (BKR208) besides. (Where a word after the keyword can be
    no user ID, `daily 02:00`, `size 10 cyl`, the line is a statement's
    part, BKR013, and its words are no users at all.)

    Failing example, a keyword that starts no statement in a group body:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group GUESTS { LINUX01 full LINUX02 }   # <- BKR021
          job GUESTINC {
            backup GUESTS incremental
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: move the statement to the block it belongs in, which the help
    names as BKR013's does (`retain` to an `expire on MEMBER { ... }`
    block; `backup` in a group body to a `job NAME { ... }` block; a
    statement the cluster takes, `identity user FOO`, out of the group,
    after its `}`; a keyword that starts no statement to the statement it
    belongs in: `backup GUESTS full`). A `retain N days` in a cluster of
    one `expire` block goes in that block, which the help names with its
    line; where it keeps a `retain` already, the help says to move it there
    in place of that one, as two would be BKR115 (here: `retain 30 days`
    for the block's `retain 35 days`). If the words
    really are volumes or user IDs, write them in upper case, as they are
    written: `RETAIN 30 DAYS`. A CP directory line below a volume list: list its user in a
    group (`single group LINUX { ... LNXWEB }`) and remove the line; if the
    words are volumes, write them after another label on its line
    (`private-volume M2PRV1 USER LNXWEB`).
    """,
)

DUPLICATE_JOB = register(
    "BKR323",
    "duplicate-job",
    "error",
    "two jobs with the same name",
    """
    A job's name is its template's file name and the name the catalog files
    its backups under. Two jobs of one name would overwrite each other's
    template and mix their backups in the catalog. A name given to three
    jobs is one error, at the second, with the others as notes. What jobs
    of one name share (their users, BKR405, BKR410 and BKR411; their start
    time, BKR402) is not reported besides: a job pasted twice is one mistake.
    A job written alike, word for word (names and keywords in any case, a
    quoted text as written), is a copy: the message says so, and the fix
    deletes it.

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
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
          job NIGHTLY {   # <- BKR323
            backup TESTERS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 04:00
          }
        }

    Fix: rename one of them.

    Where two jobs differ, the help renames the second, a letter for its
    level added, with the names it then gets, none another job's (as
    BKR224's help does): `write `job NIGHTLYF` for `job NIGHTLY` (line 14)`.
    """,
)

DUPLICATE_DISK = register(
    "BKR324",
    "duplicate-disk",
    "error",
    "two minidisks with the same address for one user",
    """
    A virtual device address identifies one minidisk of a user; the directory
    cannot hold two MDISK statements with the same address for one user (or
    for one SUBCONFIG). Addresses are compared as numbers: 191 and 0191 are
    the same address. A pattern gives its disk to every machine it matches,
    so `disk BKRWRK* 191` and `disk BKRWRK01 191` define BKRWRK01's 0191
    twice. One address defined three times is one error, at the second
    definition, with the others as notes. Of one address defined twice, the
    help writes each statement it may delete, with its line (not one whose
    machines the other does not all give the minidisk: `disk BKRWRK01 191`
    beside `disk BKRWRK* 191`, the pattern's statement, whose BKRWRK02 would
    lose its 0191), and the second written again on the first address from
    there up that no machine it reaches has (`write `disk BKRBKUP 0192` for
    `disk BKRBKUP 0191` (line 10)`).

    An IDENTITY's `disk` gives the minidisk to its instance on every member:
    `on VOL at START` places the instance of the member whose private volume
    VOL is, and the others are allocated (`AUTOV`, or the dialect's
    `sequential`). One statement per member, each `on` another member's
    private volume (`disk BKRBKUP 191 size 10 cyl on M1PRV1 at 100`, then the
    same `on M2PRV1 at 100`), is not a repeat: each places its member's
    instance, for a site without DirMaint. They are still one minidisk, so
    these are BKR324, the message saying which: two statements placing the
    same member's instance (two private volumes of one member), two that
    differ in size or unit, a second statement without `on` (it would give
    every instance a second one), and any repeat for a single-configuration
    user. A statement of an IDENTITY `on` a shared volume is BKR244's alone,
    whose help writes it on the private volume of a member no other
    statement names, or deletes it. A statement written alike, word for word (names
    and keywords in any case: `on lnx*` is `on LNX*`), is a copy: the message
    says so, and the fix deletes it. Two statements for one
    machine's address whose extents overlap are this one error, not also
    BKR246. A statement whose size or unit (BKR316, BKR317), volume (BKR333)
    or machine (BKR332) is reported already is left out of the comparison:
    one slip, one error (a statement written alike to it is still a copy).

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
          disk BKRBKUP 0191 size 20 cyl   # <- BKR324
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: delete one of the two statements, or give the second an address
    BKRBKUP has free: `disk BKRBKUP 0192 size 20 cyl`.
    """,
)

DUPLICATE_VOLUME = register(
    "BKR325",
    "duplicate-volume",
    "error",
    "a DASD volume declared in two places",
    """
    A private volume belongs to one member: the SUBCONFIG minidisks of that
    member's IDENTITY machines are allocated on it. A shared volume is
    reachable from every member and holds single-configuration users'
    minidisks. A volume cannot be private to two members, or both private
    and shared, and listing it twice in one place is a slip: a volume
    named twice in one list (`private-volume M1PRV1 M1PRV1`, also with a
    `,` between, `shared-volume VMCOM1, VMCOM1`) is said so, and its fix
    deletes the repeat with its size (and the `,`), unless the two sizes
    stated differ (then you choose). A volume
    declared in three places is one error, at the second, with the others
    as notes. Where two of them state different sizes (`VMCOM1 3390-3`,
    then `VMCOM1 3390-9`), the error names both, each shown where it is
    stated: the minidisks on the volume are checked against the first
    stated (BKR254) until the volume is declared once. A volume list of
    two or more labels written again whole (`shared-volume VMCOM1 VMCOM2`
    on two lines) is one error, at the second statement. A volume private
    to two members, its member line pasted and the label left as it was, is
    told to be given the second member's own label (or, where that member
    lists others, taken out of its list): the minidisks bkrc places on the
    member's private volumes would otherwise land on the other member's.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2  private-volume PRV001 }
          member VMSYS2 { workers 2  private-volume PRV001 }   # <- BKR325
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

    Fix: give each member its own private volume (`private-volume PRV002`).
    """,
)

GROUP_USER_CLASH = register(
    "BKR326",
    "group-named-like-user",
    "error",
    "a group has the same name as a declared user",
    """
    `backup NAME` accepts a group name or a user ID. When a group and a user
    share a name, `backup NAME` silently means the group, which is rarely what
    the writer of the line had in mind.

    Failing example:

        import std/backup-manager
        single user PAYROLL
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group PAYROLL { PAYDB PAYAPP }   # <- BKR326
          job APPSFULL {
            backup PAYROLL full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: rename the group (`single group PAYUSERS { ... }`).
    """,
)

UNKNOWN_MEMBER = register(
    "BKR330",
    "unknown-member",
    "error",
    "a reference to a member the cluster does not declare",
    """
    `run on`, `expire on`, `catalog ... on` and `catalog-node ... on` name
    members of the cluster. A name that is not declared by a `member` block
    is usually a typo; bkrc would otherwise write files for a member that does
    not exist, and the real member would get nothing. The help names the
    closest declared member; two or three equally close ones (`VMSYS3` beside
    `VMSYS1` and `VMSYS2`) are all named, alphabetically, but of several (or more
    than three) the one the name is with a letter for the digit it looks like
    (O for 0, I or L for 1: `VMSYSI` for VMSYS1, among VMSYS1 to VMSYS4) is
    named alone, and its fix writes it; then, close or not,
    it lists the cluster's members, as `bkrc show --member` and `bkrc init`'s
    `--catalog-member` and `--purging-member` do for a name they are given. In
    the `run on` of a job that backs up IDENTITY users, it also says that `run
    on each member` backs up their instances on every member (such a job on one
    member is BKR221, which leaves an unknown member to this report). A name written at
    several places (`run on VMSYS01` and `expire on VMSYS01`) is one mistake:
    it is reported once, at its first place, with the others as notes, and
    its fix (when one member is closest) writes that member at every place,
    but takes the name out of a `run on` list that names that member already
    (`run on VMSYS01, VMSYS1` becomes `run on VMSYS1`, not BKR115's list
    naming it twice).
    English for every member (`run on all`, `run on both`) is answered with
    `each member`, which is how .bkr says it, the fix writing it alone after the
    `run on` of a job of IDENTITY users; of single-configuration users, which
    run on one member (on each, BKR220), the member the users' other jobs run
    on is the choice, else each member is one, the help naming each once (not
    listed again after it). So is `each` being typed: a
    beginning of it in small letters (`run on e`, `ea`, `eac`) that ends the
    `run` statement, no schedule after it yet and no member's name starting
    so, is the keyword, not a member to declare: the help writes `run on each
    member`, offered as a choice (*Write `each member`*); in a job of
    single-configuration users, as for `run on all`, the help says it runs on
    one member and writes the member its users' other jobs run on, else each
    member, each a choice. A name close to a member whose
    own name SYSTEM CONFIG refuses (`member VMSYS1XYZ`, 9 characters, where
    the jobs say `run on VMSYS1`) is not reported: that member's name is the
    one mistake (BKR302), and "did you mean" could offer only it or another
    member (`VMSYS2`, whose fix would move the jobs there). A number from 1
    to the count of the file's members (`run on 1`, `expire on 2 {`) is the
    member's SSI slot number, as SYSTEM CONFIG's `SSI` statement numbers the
    members (`SLOT 1 VMSYS1`): the help says a member is named by its system
    identifier and writes the member the file declares in that place, if the
    `SSI` statement numbers them in the file's order; each member is a
    choice, and none is the fix, as the slots' order is SYSTEM CONFIG's.

    A member retired (its `member` block deleted) leaves its name in every
    statement that gave it a role. A name close to no member, or one that
    several statements write (of any kind: a member that ran jobs only is
    named by `run on` alone) while two or more members are equally close
    (`DEV1` beside DEV2, DEV3 and DEV4), is read so rather than as a typo:
    the help says it is no member of the cluster and that, if it was
    retired, each statement that names it needs one of the members (listed),
    then, a line each, what moving each role means: the catalog's server
    (the one catalog moves with it), the purging member (EXPIRE runs there
    only), the Tape Manager catalog node, the jobs (a job's
    single-configuration users are then backed up from that member, and
    where another job backs the same groups up from one member, that
    member, any other splitting the users' backups, BKR411; a
    `run on` that lists other members too: remove it from the list); a name
    close to none also gets how to declare it. With four members or fewer
    left, each is a choice that writes it at every place (none where a
    `run on` lists it beside other members), the member the users' other
    job runs on first where every place is such a job's `run on`; no fix,
    as which member takes the roles is the site's to say. One member closest
    keeps "did you mean" and its fix, however often the name is written.
    What else the member had goes in one more step, and the help says so: its
    private volume's `disk` statements, which place its instances member by
    member beside the other members' (a line `disk ... on PAPRV1 (6)`), are
    BKR333 once every statement names a member, whose fix deletes them; and
    the catalog node moved to a member where a shared Tape Manager's request
    nodes had their minidisks makes those BKR252, whose fix deletes them.

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
            run on VMSYS01 daily 02:00   # <- BKR330
          }
        }

    Fix: use a declared name (`run on VMSYS1`), or declare the member.
    """,
)

UNKNOWN_BACKUP = register(
    "BKR331",
    "unknown-backup-name",
    "error",
    "`backup` names neither a group nor a declared user",
    """
    `backup` takes group names and user IDs. A user ID must be declared (by a
    `single user` / `identity user` statement, in a group, or matched by a
    group's `match` pattern) so that bkrc knows its configuration kind and can
    place the job. Patterns are not accepted after `backup`: declare them in a
    group. The level follows the last group without a comma: in `backup APPS,
    full` the comma makes `full` one more name, and when no group or user is
    called FULL the message says to write `backup APPS full`. A level
    written alone (`backup full`) is read as the line's one name: when no
    group or user is called so, the message says the groups are missing
    before the level, and the help names the groups declared. A level written
    on to the last name with no blank, as in `backup APPSfull`, reads as one
    name: when no group or user has that name but the part before the level
    is one, the help offers `backup APPS full` and a fix inserts the blank.
    The keyword written twice, `backup backup` (a level after it or not), no
    group BACKUP declared, is said so: the group names are missing after the
    first `backup`; the help names the groups declared, those no job backs up
    first, and offers each in place of the second `backup` (no fix: which is
    meant is the site's). `backup BACKUP`, in capitals as CP writes a name, is
    a name; `BACKUP BACKUP`, the keyword in capitals too (a line typed on CMS),
    is the keyword twice. A name written at several places (`backup GUESTZ` in two jobs) is one
    mistake, reported once at its first place with the others as notes; its
    fix (one close match) writes that name at every place. `bkrc show
    --user` reports a user it is asked of with this code too, pointing into
    the command line, when the file does not declare it and `--directory`
    does not have it: no job can back it up, and a mistyped ID must not read
    as "no backup". z/VM's own ID of a release module the file does not
    import (`backup MAINT720` after `import std/zvm72` became `import
    std/zvm73`) is no slip for the imported release's: the help says which
    module declares it, to import beside the new one while the directory
    keeps the ID (a member still runs that release, or its disks are not
    deleted yet), or to take it out of the job once it is gone, and no fix
    is offered (docs/stdlib.md, "Upgrading z/VM").

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group GUESTS { LINUX01 LINUX02 }
          job APPSFULL {
            backup GUESTZ full   # <- BKR331
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `backup GUESTS full`; for a pattern, `single group LINUXES { match
    LNX* }` then `backup LINUXES full`.
    """,
)

UNKNOWN_DISK_USER = register(
    "BKR332",
    "disk-for-unknown-machine",
    "error",
    "a `disk` statement for a user that is not one of the product's machines",
    """
    `disk` statements give minidisks to the machines bkrc writes directory
    entries for: the backup server, the catalog server and the workers
    (IDENTITY, one SUBCONFIG per member), the catalog's SFS server, the
    administrator, the installation user, and a shared Tape Manager's catalog
    node and request node and, when the `tape manager` statement names them,
    their Device Manager Machines (`catalog-dmm`, `request-dmm`). A pattern
    (`disk BKRWRK* 191 ...`) gives the disk to every machine it matches. A
    disk for any other user, or a pattern that matches none of them, would
    silently be left out of the generated directory; other users' minidisks
    belong in the site's own directory (the help of a disk for a user the
    cluster declares, a group's guest or z/VM's own ID, says to drop the
    statement for that reason). A machine the cluster names that gets
    no entry in this cluster is reported with the reason: the request node
    and request DMM of a cluster of one member (its one member is the
    catalog node's), a worker BKRWRKnn no member's `workers` reaches. The
    worker pattern with its `*` left out (`disk BKRWRK 191 ...`) is one
    error whose fix writes it (`disk BKRWRK* 191 ...`), and the workers are
    not also said to lack their A-disk (BKR253). One
    unknown user ID written in several `disk` statements is one mistake,
    reported once at its first place with the others as notes; its fix (one
    close match) writes that machine at every place. A disk for one of the
    machines `import std/backup-manager` declares (BKRBKUP, BKRCATLG,
    BKRWRK*, BKRADMIN, 5697J06C) in a cluster where no user has its role says
    that the import is missing, or the machine's declaration (when the backup
    server, catalog server or workers are missing as well, BKR205 alone says
    so). In a cluster with no `tape manager` statement whose jobs write to
    tape, the disks for unknown machines (none close to a known one) say, in
    one report, that the statement naming them may be what is missing: one
    deleted statement, one error here (and one BKR230 for the jobs). So
    do the disks for unknown machines in a cluster whose `tape manager
    shared` statement names no `catalog-dmm` or no `request-dmm` (that line
    deleted). The disks for IBM's Tape Manager IDs (TCTMM, TRTMM, TCDMM,
    TRDMM) beside a `tape manager local` statement that does not name them
    (`shared` written `local`, its options gone) are one report too, which
    says what they are, that a local Tape Manager has no nodes, and points at
    the statement; its help writes the statement shared with them as its
    nodes and DMMs (with the nodes it names, its DMM line deleted), as
    BKR230's does, first where a job writes to tape, else dropping
    the disks first. So are the disks of the machines a `tape manager local`
    statement names (`shared` written `local`, its options kept), with any
    of IBM's IDs it leaves out: one slip, the statement's, one error at the
    first disk naming them all (it was one per disk, each with the same help
    and nothing linking them), whose help writes `tape manager shared` for
    `tape manager local`, its options as they are, or drops the disks. Neither
    way out is a fix: which one is meant (a tape catalog the members share,
    or none) is the site's. In the DMMs' case, a machine close to a known one that
    already has a minidisk at that address (`disk TCDMM 191`, TCTMM having
    its 191) counts as none close, since writing TCTMM would declare its
    disk twice. A disk
    for the node a shared `tape manager` statement leaves out, which BKR233's
    help names from that disk (`request-node TRTMM` left out beside `disk
    TRTMM 191 ...`), is BKR233's alone: one slip, one error; so is a disk
    for the request node or a DMM of a statement that leaves out its
    `catalog-node` (`tape manager shared request-node TRTMM`). In a
    cluster with no `catalog` statement (BKR213), such a disk says that it
    may be the catalog's SFS server, which the missing statement named; its
    help writes that statement whole, `catalog shared server BKRSVSFS pool
    BKRPOOL`, with IBM's sample file pool for the site to correct (it wrote
    `pool NAME`, which, copied as it stood, named a file pool NAME).
    Where a shared catalog names no server (BKR212) or one of Backup
    Manager's own machines (BKR217), and one user ID alone is given disks
    without being a machine or a declared user, that error names it the
    server, and the disks get no error of their own.
    Of two or three machines equally close, "did you mean" names those no
    `disk` gives a minidisk at that address yet, when there are some (`disk
    TTCMM 191`, as close to TCTMM as to TRTMM and TCDMM, which have their
    191s: TCTMM, which the fix writes). "Did you mean" shows where the machine it suggests is
    declared, or, for the catalog's SFS server and Tape Manager's machines,
    where the `catalog` or `tape manager` statement names it. A disk whose
    machine is closest to one whose own ID CP refuses (`catalog shared
    server BKRSVSFS:`, a `:` written as YAML writes it) is not reported:
    that ID is the one mistake (BKR301), never a name to suggest. A disk
    whose machine the `catalog` or `tape manager` statement names with a `#`
    inside the name (`request-dmm TRDMM#x` beside `disk TRDMM 191`, a comment
    written without its blank) says so, and its help gives both ways out: a
    blank before the `#`, or the disk named as the machine; there is no fix,
    and BKR308 does not warn of that `#` as well. The keyword written twice,
    `disk disk 191 size 10 cyl` (in small letters: a user DISK is written in
    capitals), is said so, the machine's ID never written: the help names
    the machines no `disk` gives a minidisk at that address (the workers by
    their pattern where none has one), each offered in place of the second
    `disk` where they are four at most; no fix.

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
          disk BKRBKP 192 size 10 cyl   # <- BKR332
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `disk BKRBKUP 192 size 10 cyl`, the user ID spelt as the backup
    server's.
    """,
)

UNKNOWN_VOLUME = register(
    "BKR333",
    "unknown-volume",
    "error",
    "a `disk ... on VOLUME` names a volume no member or the cluster declares",
    """
    Explicit minidisk placement must name a volume bkrc knows: a member's
    `private-volume` or the cluster's `shared-volume`. Otherwise bkrc cannot
    tell whether the disk is reachable from the members that need it. One
    unknown volume written in several `disk` statements is reported once,
    at its first place, with the others as notes. A volume closest to a
    label that is declared but invalid (`shared-volume VMCOM1#x`, a comment
    written without its blank: 8 characters) is left to that label's error
    (BKR305), which is the one mistake, never a label to suggest. Nor is a
    member's private volume left out with its declaration: named only by the
    IDENTITY machines' disks placed member by member, beside statements on
    every other member's private volume, while a member name is unknown (its
    `member` block deleted: BKR330) or the one member left without a statement
    declares no private volume (its `private-volume` deleted: BKR245, which
    names the volume). Once every member's name is known again (BKR330's
    choice applied), such a volume is a retired member's: each statement
    on it places an IDENTITY machine's minidisk that a statement on the
    private volume of every member the machine runs on places already. The
    help then says so, and its fix deletes those statements (a label
    suggested there would place each minidisk twice, BKR324); the help's
    other choice, for a member not retired, declares the volume in its
    block.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2  private-volume M1PRV1 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          disk BKRBKUP 191 size 10 cyl on M1PRV2   # <- BKR333
          disk BKRCATLG 191 size 10 cyl
          disk BKRWRK* 191 size 5 cyl
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `disk BKRBKUP 191 size 10 cyl on M1PRV1`, or declare the volume.
    """,
)

UNKNOWN_ROLE = register(
    "BKR334",
    "unknown-role",
    "error",
    "a `role` bkrc does not know",
    """
    `role` marks the product's machines so bkrc can check their kinds and
    write their directory entries. The roles are `backup-server`,
    `catalog-server` and `worker` (which must be IDENTITY users) and `admin`
    and `installation` (usually single-configuration users). The standard
    library's `std/backup-manager` declares them all for the product as IBM
    ships it. Where another declaration (such as that module's) already
    gives the line's users the role meant, of their kind, the help and the
    fix delete the line: with the role mended, as "did you mean" read, it
    said the declaration twice (BKR320).

    Failing example:

        import std/backup-manager
        identity user BKRBKUP role backup-srv   # <- BKR334
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

    Fix: `role backup-server`. Here `std/backup-manager` declares
    `identity user BKRBKUP role backup-server` already, so delete the line
    (written again with the right role it is BKR320); a file that does not
    import it keeps the line with `role backup-server`.
    """,
)


ROLE_ON_PATTERN = register(
    "BKR335",
    "role-on-pattern",
    "error",
    "a role that names one machine is given to a user ID pattern",
    """
    `role backup-server`, `role catalog-server`, `role admin` and `role
    installation` each name one machine: bkrc writes its directory entry,
    starts it, sends it the jobs, or writes its ID where a site's dialect
    table says `{admin}`.
    A pattern is not a machine, so bkrc could not use the role, and the
    cluster would go on as if it had no such machine. Only `role worker`
    takes a pattern (`BKRWRK*`: `workers N` in a member block makes
    BKRWRK01..BKRWRKnn). Where the statement names the pattern alone, the
    help writes it again on IBM's ID for the role (BKRBKUP, BKRCATLG,
    BKRADMIN, 5697J06C), said to be one, unless a user of the files has it.

    Failing example:

        identity user BKRBK* role backup-server   # <- BKR335
        identity user BKRCATLG role catalog-server
        identity user BKRWRK* role worker
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

    Fix: `identity user BKRBKUP role backup-server`.
    """,
)


def _repeated(items, key):
    """(first, later items) for every key that more than one item has, in the order
    of each key's second item: a name declared three times is one diagnostic, at its
    second declaration, with the first and the others as notes."""
    seen: dict = {}
    for item in items:
        seen.setdefault(key(item), []).append(item)
    found = [(same[0], same[1:]) for same in seen.values() if len(same) > 1]
    order = {id(item): i for i, item in enumerate(items)}
    return sorted(found, key=lambda pair: order[id(pair[1][0])])


def _how_often(later: list) -> str:
    """"twice", "3 times": how often a name is declared, with its first declaration."""
    return "twice" if len(later) == 1 else f"{len(later) + 1} times"


def _again(later: list, spans, label: str = "declared again here") -> tuple[Related, ...]:
    """Notes at the declarations after the one reported (`spans` gives an item's span)."""
    return tuple(Related(spans(item), label) for item in later[1:])


@check
def duplicate_users(model: Model):
    lists = [lst for lst in model.user_lists if lst.origin == "user"]
    ids = [i for lst in lists for i in lst.ids]
    if len(set(ids)) == len(ids):
        return  # no ID declared twice
    explicit = [u for lst in lists for u in lst.defs]
    # The library's declarations first: a site module imported after `import std/zvm73`
    # comes before std/zvm-common in `user_lists`, and its repeat of `identity user
    # MAINT` was reported on the library's line, which the site cannot delete.
    explicit.sort(key=lambda u: not _library_module(model, u.module))
    pairs = []
    for first, others in _repeated(explicit, lambda u: u.id):
        # Two different roles is BKR207's error, not a harmless repetition.
        later = [
            u for u in others
            if u.kind is first.kind and not (u.role and first.role and u.role != first.role)
        ]
        if later:
            pairs.append((first, later))
    copies = _copies_beside_library(model, lists, pairs)
    for copy in copies.values():
        yield _copy_beside_library(model, *copy)
    for first, later in pairs:
        if _copy_key(model, first, later) in copies:
            continue
        times = "" if len(later) == 1 else f" ({len(later) + 1} times in all)"
        if later[0].kind_span == first.kind_span:
            yield _named_twice_in_statement(model, first, later[0])
            continue
        yield USER_TWICE(
            f"user {quoted(later[0].id)} is already declared {first.kind.value}{times}",
            later[0].span,
            related=(
                Related(first.span, f"declared {first.kind.value} here"),
                *_again(later, lambda u: u.span),
            ),
            help="delete this declaration; one place should say what kind a user is"
            if len(later) == 1
            else "delete these declarations but one; one place should say what kind a user is",
        )


def _library_module(model: Model, module: str) -> bool:
    """True for a module of the standard library (imported as `std/NAME`)."""
    return module.startswith("std/") and module != model.main_file


def _copy_key(model: Model, first: UserDef, later: list[UserDef]) -> tuple[str, str] | None:
    """(the site's module, the library's) for a user declared once in each, alike: one
    of them a module the site imports, not its main file, the other the library's."""
    if len(later) != 1:
        return None
    a, b = first.module, later[0].module
    if _library_module(model, a) and not _library_module(model, b) and b != model.main_file:
        return b, a
    if _library_module(model, b) and not _library_module(model, a) and a != model.main_file:
        return a, b
    return None


def _copies_beside_library(model: Model, lists, pairs) -> dict[tuple[str, str], tuple]:
    """The site's modules that are copies of a standard library module imported beside
    it (a copy of `std/zvm-common` to change one user's kind, beside `import
    std/zvm73`, which reads `std/zvm-common` itself): each (site module, library
    module) whose `user` statements name more than half of the library module's IDs,
    and at least 3, with the pairs of its declarations the two make alike. One
    warning says what happened, not one per user on lines of the library."""
    found: dict[tuple[str, str], list] = {}
    for first, later in pairs:
        key = _copy_key(model, first, later)
        if key is not None:
            found.setdefault(key, []).append((first, later[0]))
    copies = {}
    for (site, library), alike in found.items():
        ids = {i for lst in lists if lst.module == library for i in lst.ids}
        named = {i for lst in lists if lst.module == site for i in lst.ids} & ids
        if len(named) >= 3 and 2 * len(named) > len(ids):
            copies[(site, library)] = (site, library, alike, len(ids))
    return copies


def _copy_beside_library(model: Model, site: str, library: str, alike: list, total: int):
    """BKR320 once for a site's copy of a standard library module read beside the
    module itself, at the copy's first declaration that repeats the library's: what
    happened and the two ways out, which BKR203's help and docs/stdlib.md give."""
    from bkrdsl.check.kinds import std_import_through  # only for a copy beside the library

    def in_copy(pair):
        return pair[0] if pair[0].module == site else pair[1]

    def in_library(pair):
        return pair[1] if pair[0].module == site else pair[0]

    alike = sorted(alike, key=lambda pair: in_copy(pair).span.start)
    here, theirs = in_copy(alike[0]), in_library(alike[0])
    name = library.removesuffix(".bkr")
    through = std_import_through(model, name)
    if through is not None:
        top, imp = through
    else:
        top = name
        imp = next(
            (i for m in model.modules if not _library_module(model, m.file) for i in m.imports
             if i.path.removesuffix(".bkr") == name),
            None,
        )
    where = "" if imp is None else f"{'line' if imp.span.file == site else imp.span.file + ' line'} {imp.span.line}; "
    count = len(alike)
    what = f"{count} of the {total} users" if count < total else f"the {total} users"
    fix = _library_import_deleted(model, site, library, imp) if top == name else None
    if top == name and fix is not None:
        reads = f"`{name}` is imported too"
        help = (
            f"the copy declares all `{name}` does: delete this import and let the copy take its place;"
            f" or, to keep the library's, delete the copy's import"
        )
    elif top == name:
        reads = f"`{name}` is imported too"
        help = (
            f"to change what `{name}` says, let this copy take its place: delete `import {name}` ({where}docs/stdlib.md),"
            f" the copy declaring each user you keep of it; else delete the copy's import"
        )
    else:
        reads = f"`import {top}` reads `{name}` too"
        help = (
            f"to change what `{name}` says, import copies of `{top}` and of its `{name}`, the first importing"
            f" the second, in place of `import {top}` ({where}docs/stdlib.md says how);"
            f" else delete this copy's import"
        )
    message = (
        f"{site} declares {what} of `{name}` again, with the same kinds: it is a copy of `{name}`,"
        f" and {reads}, so each is declared twice"
    )
    theirs_here = Related(theirs.span, f"`{name}` declares {theirs.id} {theirs.kind.value} here")
    if fix is not None:
        # The copy declares all the module does: the import it takes the place of goes,
        # and the warning is at that import, in the file the fix edits.
        return USER_TWICE(
            message,
            imp.span,
            related=(Related(here.span, f"the copy declares {here.id} {here.kind.value} here"), theirs_here),
            help=help,
            fix=fix,
        )
    related = [theirs_here]
    if imp is not None:
        related.append(Related(imp.span, f"`{name}` is read through this import"))
    return USER_TWICE(message, here.span, related=tuple(related), help=help)


def _library_import_deleted(model: Model, site: str, library: str, imp) -> Fix | None:
    """The fix that deletes the site's `import std/NAME` (`imp`) where a copy of the
    module takes its place, certain only where nothing of it is lost or changed: the
    copy declares every ID and pattern the module does, with the same kinds (a kind
    changed is BKR203's to decide, by the CP directory), and imports what it imports,
    and no other import reads the module."""
    if imp is None:
        return None
    name = library.removesuffix(".bkr")
    importers = [i for m in model.modules for i in m.imports if i.path.removesuffix(".bkr") == name]
    if importers != [imp]:
        return None
    by_file = {m.file: m for m in model.modules}
    copy, module = by_file.get(site), by_file.get(library)
    if copy is None or module is None:
        return None
    if not {i.path for i in module.imports} <= {i.path for i in copy.imports} or module.groups:
        return None

    def declared(file: str) -> set[tuple[str, Kind]]:
        return {(i, lst.kind) for lst in model.user_lists if lst.module == file for i in lst.ids} | {
            (p.pattern, p.kind) for p in model.pattern_defs if p.module == file
        }

    if not declared(library) <= declared(site):
        return None
    cut = _import_line(model, imp)
    return None if cut is None else Fix(f"Delete `import {name}`: the copy takes its place", (Edit(cut, ""),))


def _import_line(model: Model, imp) -> Span | None:
    """The text that deletes an `import` with its line: from the end of what is above it
    (a statement or a comment) to its end, with the comment after it on its line; an
    import first in its file, up to what follows it. None where another statement
    shares its line."""
    module = next((m for m in model.modules if m.file == imp.span.file), None)
    if module is None:
        return None
    span = imp.span
    spans = [n.span for part in (module.imports, module.users, module.groups, module.clusters) for n in part]
    if any(o != span and (o.end_line == span.line or o.line == span.end_line) for o in spans):
        return None
    places = [*spans, *(c for c, _ in module.comments)]
    end = next((c for c, _ in module.comments if c.line == span.end_line and c.start >= span.end), span)
    above = [o for o in places if o.end <= span.start]
    if above:
        before = max(above, key=lambda o: o.end)
        return Span(span.file, before.end_line, before.end_column, end.end_line, end.end_column, before.end, end.end)
    below = [o for o in places if o.start >= end.end]
    if not below:
        return None
    after = min(below, key=lambda o: o.start)
    return Span(span.file, span.line, span.column, after.line, after.column, span.start, after.start)


def _named_twice_in_statement(model: Model, first: UserDef, again: UserDef):
    """BKR320 for a user ID one `single user` or `identity user` statement names twice
    (`single user OPSADM, OPSADM`; written twice in a row it is BKR004's): the help
    is not "delete this declaration", which would delete the user's only one, and the
    fix deletes the repeat with the `,` before it."""
    decl = next((lst.decl for lst in model.user_lists if lst.origin == "user" and lst.kind_span == first.kind_span), None)
    fix = None
    if decl is not None:
        spans = [w.span for w in decl.names]
        at = next((i for i, sp in enumerate(spans) if sp == again.span), 0)
        if at > 0:
            before = spans[at - 1]
            end = again.span
            cut = Span(before.file, before.end_line, before.end_column, end.end_line, end.end_column, before.end, end.end)
            if not holds_comment(model, cut):
                fix = Fix(f"Delete the repeated `{decl.names[at].text}`", (Edit(cut, ""),))
    return USER_TWICE(
        f"user {quoted(again.id)} is named twice in this `{first.kind.value} user` statement",
        again.span,
        related=(Related(first.span, "named here first"),),
        help="name each user once: delete the repeat, or write the user that was meant",
        fix=fix,
    )


@check
def duplicate_groups(model: Model):
    blocks: dict = {}  # the fixes' statements in order, sorted once (`delete_repeats`)
    for first, later in _repeated(model.groups, lambda g: g.name):
        kinds = list(dict.fromkeys(g.kind.value for g in [first, *later]))
        copies = all(_same_group(first, g) for g in later)
        message = f"group {quoted(first.name)} is declared {_how_often(later)}"
        if len(kinds) > 1:
            message += ", " + " and ".join(kinds) + ": the jobs that back it up have no one kind"
            help = (
                "keep the group of the kind its users' directory entries have, and rename or delete"
                f" the other{_s(later)}"
            )
        elif copies:
            message += ", each time with the same users"
            help = f"delete the repeated group{_s(later)}: {_it_repeats(later)} the first"
        else:
            help = _merge_groups_help(model, first, later[0]) if len(later) == 1 else None
            if help is None:
                help = (
                    "merge the two groups, or rename one"
                    if len(later) == 1
                    else f"merge the {len(later) + 1} groups into one, or rename all but one"
                )
        yield DUPLICATE_GROUP(
            message,
            later[0].decl.name.span,
            related=(
                Related(first.decl.name.span, "first declared here"),
                *_again(later, lambda g: g.decl.name.span),
            ),
            help=help,
            fix=delete_repeats(model, [g.decl.span for g in later], f"group {first.name}", blocks, first.decl.span) if copies else None,
        )
    for g in model.groups:
        user = model.user(g.name)
        if user is not None:
            yield GROUP_USER_CLASH(
                f"group {quoted(g.name)} has the name of a declared user, so `backup {shown(g.name)}` is ambiguous",
                g.decl.name.span,
                related=(Related(user.span, "user declared here"),),
                help=_rename_group_help(model, g),
            )


@check
def duplicate_members_and_jobs(model: Model):
    blocks: dict = {}  # the fixes' statements in order, sorted once (`delete_repeats`)
    cluster = model.cluster
    if cluster is None:
        return
    for first, later in _repeated(cluster.members, lambda m: m.name.upper):
        differences = _member_differences([first, *later])
        message = f"member {quoted(first.name.upper)} is declared {_how_often(later)}"
        if differences:
            message += ", and the blocks differ: " + "; ".join(phrase for phrase, _ in differences)
            help = f"keep one block per member: settle what differs in one block and delete the other{_s(later)}"
        else:
            message += ", each block saying the same"
            help = f"delete the repeated block{_s(later)}: {_it_repeats(later)} the first"
        yield DUPLICATE_MEMBER(
            message,
            later[0].name.span,
            related=(
                Related(first.name.span, "first declared here"),
                *_again(later, lambda m: m.name.span),
                *(Related(where, "differs here") for where in _differing_places(differences, later)),
            ),
            help=help,
            fix=None if differences else delete_repeats(model, [m.span for m in later], f"member {first.name.upper}", blocks, first.span),
        )
    for member in cluster.members:
        name = member.name.upper
        if name == "EACH":
            yield MEMBER_NAMED_EACH(
                "member `EACH` cannot be placed with `run on EACH` or `expire on EACH`: `on EACH` reads as"
                " `on each member`",
                member.name.span,
                help=_each_renamed_help(cluster, member),
            )
        elif name.lower() == CLUSTER_FOLDER:
            yield MEMBER_FOLDER_CLASH(
                f"member `{name}` gets the output folder `{name}/`, which a case-insensitive file system"
                f" takes for the cluster-wide folder `{CLUSTER_FOLDER}/`",
                member.name.span,
                help=f"compile onto a case-sensitive file system, or upload `{name}/*.DIRECT` as directory"
                " entries, not as the member's files",
            )
    for first, later in _repeated(cluster.jobs, lambda j: j.name.upper):
        copies = all(_written_alike(first, j, skip=("name",)) for j in later)
        if copies:
            message = f"job {quoted(first.name.upper)} is declared {_how_often(later)}, each time written alike"
            help = f"delete the repeated job{_s(later)}: {_it_repeats(later)} the first"
        else:
            message = f"job {quoted(first.name.upper)} is declared {_how_often(later)}"
            help = _renamed_duplicate(model, later) or (
                "rename one of the jobs" if len(later) == 1 else "rename all of the jobs but one"
            )
        yield DUPLICATE_JOB(
            message,
            later[0].name.span,
            related=(Related(first.name.span, "first declared here"), *_again(later, lambda j: j.name.span)),
            help=help,
            fix=delete_repeats(model, [j.span for j in later], f"job {first.name.upper}", blocks, first.span) if copies else None,
        )


def _renamed_duplicate(model: Model, later: list[ast.Job]) -> str | None:
    """BKR323's help for a name given to two jobs that differ: the second renamed on
    the file's own names, a letter for its level added (`job NIGHTLYF`), with the names
    it then gets (as BKR224's help renames a job); None for more than two."""
    job = next((j for j in model.jobs if j.decl is later[0]), None) if len(later) == 1 else None
    return None if job is None else renamed_job(model, job)


# A block pasted twice: what the copies say, whether they say the same, and the fix
# that deletes the copies when they do (the one certain mend: what is kept is what
# the first says, which is what the model reads for the name).
#: The most entries BKR321's help writes a merged group with; a longer one is told.
_MERGE_ENTRIES = 8


def _group_text(kind: str, name: str, entries) -> str:
    body = " ".join(f"match {e.word.text}" if e.is_pattern else e.word.text for e in entries)
    return f"{kind} group {name} {{ {body} }}"


def _merge_groups_help(model: Model, first, again) -> str | None:
    """BKR321's help for a group of one kind declared twice with other users: merge
    them, the first written with the second's entries added (each once), the second
    deleted; or keep two, the second renamed on a free name and added to each `backup`
    statement that names the group. None where a group is not the main file's, or the
    merged group would be too long to write."""
    if first.decl.span.file != model.main_file or again.decl.span.file != model.main_file:
        return None
    entries: dict[tuple[str, bool], object] = {}
    for e in (*first.decl.entries, *again.decl.entries):
        entries.setdefault((e.word.text.upper(), e.is_pattern), e)
    if len(entries) > _MERGE_ENTRIES:
        return None
    kind = first.kind.value
    merged = _group_text(kind, first.name, entries.values())
    second = _group_text(kind, again.decl.name.text, again.decl.entries)
    written = _group_text(kind, first.decl.name.text, first.decl.entries)
    help = (
        f"merge them: write `{merged}` for `{written}` (line {first.decl.span.line}),"
        f" and delete `{second}` (line {again.decl.span.line})"
    )
    free = _free_group_name(model, first.name)
    backups = _backups_renamed(model, first.name, free, keep=True) if free else []
    if not backups:
        return help
    renamed = _group_text(kind, free, again.decl.entries)
    return (
        f"{help};\nor, for two groups, rename the second: write `{renamed}` for `{second}`"
        f" (line {again.decl.span.line}) and {' and '.join(backups)}"
    )


def _free_group_name(model: Model, name: str) -> str | None:
    """`name` with a letter or digit added (its 8th character changed, at 8), the first
    that no group, user or pattern of the files has."""
    return next(
        (
            n
            for n in (name[:7] + c for c in "GBCDEFH23456789")
            if model.group(n) is None and model.user(n) is None and model.pattern_for(n) is None
        ),
        None,
    )


def _backups_renamed(model: Model, name: str, new: str, *, keep: bool) -> list[str]:
    """Each `backup` statement of the main file that names group `name`, written again
    with `new` after it (`keep`) or in its place: "`backup A, B full` for `backup A
    full` (line 9)"."""
    out = []
    for j in model.jobs:
        for b in j.decl.backups:
            if b.span.file != model.main_file:
                continue
            names = [w.text for w in b.groups]
            at = next((i for i, w in enumerate(b.groups) if w.text.upper() == name), None)
            if at is None:
                continue
            level = f" {b.level.value}" if b.level is not None else ""
            written = f"backup {', '.join(names)}{level}"
            names[at : at + 1] = [names[at], new] if keep else [new]
            out.append(f"`backup {', '.join(names)}{level}` for `{written}` (line {b.span.line})")
    return out


def _rename_group_help(model: Model, group) -> str:
    """BKR326's help: the group renamed on a free name, and each `backup` statement
    that names it, which then means the group; the user keeps its name."""
    free = _free_group_name(model, group.name)
    if free is None or group.decl.span.file != model.main_file or len(group.decl.entries) > _MERGE_ENTRIES:
        return "rename the group"
    renamed = _group_text(group.kind.value, free, group.decl.entries)
    written = _group_text(group.kind.value, group.decl.name.text, group.decl.entries)
    backups = _backups_renamed(model, group.name, free, keep=False)
    said = f"rename the group: write `{renamed}` for `{written}` (line {group.decl.span.line})"
    if backups:
        said += f" and {' and '.join(backups)}, where the job means the group"
    return said


def _each_renamed_help(cluster, member) -> str:
    """BKR327's help: the member's system identifier, the example one no other member
    has (`VMSYS2` where it is the second: the help said `member VMSYS1`, which, beside
    a member VMSYS1, was BKR322's duplicate next)."""
    taken = {m.name.upper for m in cluster.members}
    place = next(i for i, m in enumerate(cluster.members, 1) if m is member)
    name = next(f"VMSYS{n}" for n in [place, *range(1, len(taken) + 2)] if f"VMSYS{n}" not in taken)
    return (
        f"give the member its SYSTEM CONFIG system identifier: write it for `EACH` (line {member.name.span.line}),"
        f" such as `member {name}`, a name no other member has"
    )


def _s(later: list) -> str:
    return "" if len(later) == 1 else "s"


def _it_repeats(later: list) -> str:
    return "it repeats" if len(later) == 1 else "they repeat"


class _Said(NamedTuple):
    """One thing a member block says: as written, what it means, and where."""

    written: str  # `workers 2`, `private-volume M1PRV1 3390-9`
    meaning: str  # names in upper case (CP's), a description as written
    span: Span


def _member_says(member: ast.Member) -> dict[str, _Said]:
    """What a member block says, by topic: `workers`, `job-suffix` and `description`
    (the first of each, as the model reads it), each private volume by its label,
    with its size, and each exclude by its meaning."""
    said: dict[str, _Said] = {}
    for s in member.settings:
        if s.keyword == "private-volume":
            sizes = {label.span: size for label, size in s.sizes}
            for w in s.values:
                size = sizes.get(w.span)
                written = f"private-volume {w.text}" + (f" {size.text}" if size is not None else "")
                where = size.span if size is not None else w.span
                said.setdefault(f"volume {w.upper}", _Said(written, written.upper(), where))
        else:
            written = " ".join([s.keyword, *(w.text for w in s.values)])
            meaning = written if s.keyword == "description" else written.upper()
            said.setdefault(s.keyword, _Said(written, meaning, s.span))
    for sel in member.selections:
        owner = [sel.owner.text] if sel.owner else []
        written = " ".join([sel.action.value, sel.medium.value, *owner, *(w.text for w in sel.items)])
        said.setdefault(written.upper(), _Said(written, written.upper(), sel.span))
    return said


def _member_differences(blocks: list[ast.Member]) -> list[tuple[str, tuple[Span, ...]]]:
    """What the blocks of one member say otherwise than one another, topic by topic:
    (a phrase naming what each says, with its lines; where it differs in the blocks
    after the first)."""
    said = [_member_says(b) for b in blocks]
    out = []
    for topic in dict.fromkeys(t for s in said for t in s):
        meanings: dict[str, tuple[str, list[int]]] = {}  # meaning -> (as first written, its lines)
        missing = []
        for block, says in zip(blocks, said, strict=True):
            one = says.get(topic)
            if one is None:
                missing.append(block.name.span.line)
            else:
                meanings.setdefault(one.meaning, (one.written, []))[1].append(block.name.span.line)
        if len(meanings) == 1 and not missing:
            continue
        parts = [f"`{written}` at {_lines(lines)}" for written, lines in meanings.values()]
        if missing and len(meanings) == 1:
            phrase = parts[0] + " only"
        else:
            phrase = ", ".join(parts) + (f", none at {_lines(missing)}" if missing else "")
        later = zip(blocks[1:], said[1:], strict=True)
        where = tuple(says[topic].span if topic in says else b.name.span for b, says in later)
        out.append((phrase, where))
    return out


def _differing_places(differences, later: list[ast.Member]) -> list[Span]:
    """Where the later blocks differ, each place once; a block's name is marked already."""
    names = {m.name.span for m in later}
    return [s for s in dict.fromkeys(s for _, places in differences for s in places) if s not in names]


def _lines(lines: list[int]) -> str:
    if len(lines) == 1:
        return f"line {lines[0]}"
    return "lines " + ", ".join(str(n) for n in lines[:-1]) + f" and {lines[-1]}"


def _same_group(first, other) -> bool:
    """Whether two groups of one name are one group written twice: the same kind,
    the same user IDs and patterns (in any order)."""
    return first.kind is other.kind and {(e.is_pattern, e.word.upper) for e in first.decl.entries} == {
        (e.is_pattern, e.word.upper) for e in other.decl.entries
    }


def _written_alike(a, b, skip: tuple[str, ...] = ()) -> bool:
    """Whether two AST nodes are written alike, word for word, wherever they stand
    (their spans and the fields in `skip` aside; names and keywords in any case)."""
    return _shape(a, skip) == _shape(b, skip)


def _shape(node, skip: tuple[str, ...] = ()):
    if isinstance(node, Span):
        return None
    if isinstance(node, ast.Word):
        # Names and keywords are read without regard to case (`on lnx*` is `on LNX*`,
        # as bkrc fmt writes it); a quoted text is as written.
        return node.text if node.text.startswith('"') else node.upper
    if dataclasses.is_dataclass(node):
        return tuple(_shape(getattr(node, f.name)) for f in dataclasses.fields(node) if f.name not in skip)
    if isinstance(node, tuple):
        return tuple(_shape(item) for item in node)
    return node


def _size_text(disk: ast.Disk) -> str:
    return f"{disk.size.text} {disk.unit.text}"


class _Flaw(NamedTuple):
    disk: ast.Disk  # the statement at fault
    earlier: ast.Disk  # the earlier statement it clashes with
    why: str
    help: str


def _per_member_flaw(model: Model, owner: str, disks: Sequence[ast.Disk]):
    """Why `disks`, statements for one address of IDENTITY machine `owner`, do not place
    its instances member by member (`Model.per_member_placement`): (the statement at
    fault, the earlier one it clashes with, what is wrong, the help), else None."""
    private = model.private_volumes
    runs_on = model.product_machines().get(owner, (None, ()))[1]
    first = disks[0]
    placed: dict[str, ast.Disk] = {}  # member -> the statement that places its instance

    def member_of(disk: ast.Disk) -> str | None:
        return private.get(disk.volume.upper) if disk.volume is not None else None

    for disk in disks:
        volume = disk.volume.upper if disk.volume is not None else None
        member = member_of(disk)
        if disk is not first and member_of(first) is None:
            where = "without `on`" if first.volume is None else f"on shared volume `{first.volume.upper}`"
            return _Flaw(
                disk,
                first,
                why=f"the first, {where}, already gives every member's instance of {quoted(owner)} its minidisk",
                help="keep one; to give each member's instance a fixed extent, write one statement per member,"
                " each `on` that member's private volume `at START`",
            )
        if disk is not first and member is None:
            where = "names no volume" if volume is None else f"names shared volume `{volume}`"
            return _Flaw(
                disk,
                first,
                why=f"this statement {where}, so it would give every member's instance a second one",
                help="a second statement for one address places one more member's instance: name that member's"
                " private volume (`on VOLUME at START`), or keep one definition",
            )
        if member is not None and member in placed:
            free = [m for m in runs_on if m not in placed and m != member]
            volumes = [(m, model.member(m).private_volumes) for m in free if model.member(m).private_volumes]
            return _Flaw(
                disk,
                placed[member],
                why=f"its instance on {quoted(member)} is already placed on `{placed[member].volume.upper}`",
                help=(
                    "each statement places the instance of another member: name the private volume of a member"
                    f" no statement names yet, such as `{volumes[0][1][0]}` ({volumes[0][0]}'s), or keep one"
                    " definition"
                    if volumes
                    else "each statement places the instance of another member; keep one definition"
                ),
            )
        if disk_size(disk) != disk_size(first):
            return _Flaw(
                disk,
                first,
                why=f"sized `{_size_text(disk)}` here and `{_size_text(first)}` there: every member's instance of one"
                " minidisk has one size",
                help=f"give every member's statement the size of the first, `size {_size_text(first)}`, or give this"
                " disk another address",
            )
        if member is not None:
            placed[member] = disk
    return None


@check
def duplicate_disks(model: Model):
    blocks: dict = {}  # the fixes' statements in order, sorted once (`delete_repeats`)
    # Per machine the statement reaches: a pattern (`disk BKRWRK* 191`) and a
    # statement for one of its machines (`disk BKRWRK01 191`) clash too. A minidisk
    # defined three times is one error, at the second, with the third as a note; a
    # statement is reported once, at the first machine it clashes for. Statements
    # placing an IDENTITY's instances member by member are one minidisk, not a clash.
    # A statement an earlier check reports (its size or unit, its volume, its machine:
    # `disk_reported`) takes no part, unless another is written alike (pasted again).
    reported: set[int] = set()
    shared = set(model.shared_volumes)
    for (owner, addr), disks in model.disks_at.items():
        disks = [d for d in disks if not disk_reported(model, d) or any(_written_alike(d, e) for e in disks if e is not d)]
        if model.product_machines().get(owner, (None,))[0] is Kind.IDENTITY and model.implied_kind(owner) is not Kind.SINGLE:
            # an IDENTITY's disk on a shared volume is BKR244's, whose help writes it
            # on the member's private volume, or deletes it beside the statements
            # that place every instance: one slip, one diagnostic
            disks = [d for d in disks if d.volume is None or d.volume.upper not in shared]
        later = [d for d in disks[1:] if id(d) not in reported]
        if not later or model.per_member_placement(owner, disks):
            continue
        reported.update(id(d) for d in later)
        disk, earlier = later[0], disks[0]
        kind = model.product_machines().get(owner, (None,))[0]
        flaw = _per_member_flaw(model, owner, disks) if kind is Kind.IDENTITY else None
        if flaw is not None and not any(d.volume is not None for d in disks):
            flaw = None  # no statement places a member's instance: a plain repeat
        if flaw is not None:
            disk, earlier, why, help = flaw
            later = [disk, *(d for d in disks if d is not disk and d is not earlier)]
        via = f" (`{disk.user.upper}` includes it)" if disk.user.upper != owner else ""
        message = f"user {quoted(owner)} already has a minidisk at address {addr:04X}{via}"
        if flaw is not None:
            message += f": {why}"
        else:
            message += "" if len(later) == 1 else f", defined {len(later) + 1} times"
            help = _repeat_help(model, earlier, later)
        copies = all(_written_alike(earlier, d) for d in later)
        if copies:  # pasted again: whatever the first places, the copies place again
            message = f"user {quoted(owner)} already has a minidisk at address {addr:04X}{via}, defined alike"
            message += "" if len(later) == 1 else f" {len(later) + 1} times"
            help = f"delete the repeated statement{_s(later)}: {_it_repeats(later)} the first"
        yield DUPLICATE_DISK(
            message,
            disk.address.span,
            related=(
                Related(earlier.address.span, "first defined here"),
                *(Related(d.address.span, _again_note(model, d, flaw is not None)) for d in later[1:]),
            ),
            help=help,
            fix=delete_repeats(model, [d.span for d in later], f"disk {disk.user.text} {disk.address.text}", blocks)
            if copies
            else None,
        )


def _repeat_help(model: Model, earlier: ast.Disk, later: list[ast.Disk]) -> str:
    """BKR324's help for one address defined again, not alike: which statement to
    delete, each written with its line, or the second written again on an address
    that no machine it reaches has (`write `disk BKRBKUP 0192` for `disk BKRBKUP
    0191` (line 10)`). Statements of another file (a module's) are not written."""
    if len(later) > 1 or any(d.span.file != model.main_file for d in (earlier, *later)):
        if len(later) == 1:
            return "keep one definition, or give this disk another address"
        return "keep one definition, or give the others other addresses"
    (disk,) = later
    # A statement is offered for deletion only where what is left gives every machine
    # it reaches the minidisk once (`disk BKRWRK* 191` gives BKRWRK02 one `disk
    # BKRWRK01 191` does not; beside `disk BKRWRK02 191` too, `disk BKRWRK01 191`
    # deleted leaves BKRWRK02's clash).
    reach = _owners(model, disk)
    number = parse_address(disk.address.text)
    clashing = {
        id(d): d for owner in sorted(reach) for d in model.disks_at.get((owner, number), ()) if d is not disk
    }
    deletable = []
    if reach <= {owner for d in clashing.values() for owner in _owners(model, d)}:
        deletable.append(f"`{_disk_text(disk)}` (line {disk.span.line})")
    if list(clashing) == [id(earlier)] and _owners(model, earlier) <= reach:
        deletable.append(f"`{_disk_text(earlier)}` (line {earlier.span.line})")
    text = f"delete {' or '.join(deletable)}" if deletable else ""
    free = _free_address_after(model, disk)
    if free is None:
        return f"{text}, or give this disk another address" if text else "give this disk another address"
    move = (
        f"give this disk an address {_whose(model, disk)} free: write `disk {disk.user.text}"
        f" {free:04X}` for `disk {disk.user.text} {disk.address.text}` (line {disk.address.span.line})"
    )
    return f"{text};\nor {move}" if text else move


def _disk_text(disk: ast.Disk) -> str:
    """A `disk` statement as written, in one line: `disk BKRBKUP 0191 size 20 cyl on M1PRV1 at 100`."""
    text = f"disk {disk.user.text} {disk.address.text} size {_size_text(disk)}"
    text += f" on {disk.volume.text}" if disk.volume is not None else ""
    return text + (f" at {disk.start.text}" if disk.start is not None else "")


def _whose(model: Model, disk: ast.Disk) -> str:
    user = disk.user.upper
    return f"the machines `{user}` matches have" if is_pattern(user) else f"`{user}` has"


def _owners(model: Model, disk: ast.Disk) -> set[str]:
    """The machines a `disk` statement gives a minidisk, as `Model.disks_at` reads them."""
    return set(model.disk_owners(disk) or (disk.user.upper,))


def _free_address_after(model: Model, disk: ast.Disk) -> int | None:
    """The first address after `disk`'s (from 0191, the usual A-disk, up, then round)
    that no `disk` statement gives any machine the statement reaches."""
    number = parse_address(disk.address.text)
    if number is None:
        return None
    owners = _owners(model, disk)
    used = {address for owner, address in model.disks_at if owner in owners}
    after = max(number + 1, 0x191)
    return next((n for n in (*range(after, 0x10000), *range(0x191, after)) if n not in used), None)


def _again_note(model: Model, disk: ast.Disk, per_member: bool) -> str:
    """The note at another statement for the address: whose instance it places, when
    the statements place an IDENTITY's instances member by member."""
    member = model.private_volumes.get(disk.volume.upper) if per_member and disk.volume is not None else None
    return f"places the instance on {quoted(member)}" if member else "defined again here"


@check
def duplicate_volumes(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    places = []  # (volume word, description, the member block or None)
    sizes: dict[Span, VolumeCapacity] = {}  # a label's span -> the size stated after it
    lists: dict[Span, ast.Setting] = {}  # a label's span -> the volume list it is in
    for m in cluster.members:
        for s in m.settings_named("private-volume"):
            places += [(w, f"private to member {m.name.upper}", m) for w in s.values]
            sizes.update(_stated_sizes(s))
            lists.update((w.span, s) for w in s.values)
    for s in cluster.settings:
        if s.keyword == "shared-volume":
            places += [(w, "shared", None) for w in s.values]
            sizes.update(_stated_sizes(s))
            lists.update((w.span, s) for w in s.values)
    places = [(w, d, m) for w, d, m in places if volume_problem(w.text) is None]
    repeated = _repeated(places, lambda p: p[0].upper)
    whole = _volume_lists_again(repeated, lists, sizes)
    said: dict[Span, str] = {}  # a list written again whole -> how its volumes were declared first
    for (first, first_what, block), later in repeated:
        blocks = [block] + [m for _, _, m in later]
        if block is not None and _one_member_in_blocks_of_its_own(blocks):
            continue  # a member block written twice (pasted again): BKR322's, said once
        (word, what, _), times = later[0], "" if len(later) == 1 else f" ({len(later) + 1} times in all)"
        if lists[word.span].span in whole:
            said.setdefault(lists[word.span].span, first_what)
            continue  # the whole list written again: one error for it, below
        conflict = _other_size(first, [w for w, _, _ in later], sizes)
        own = lists[first.span]
        if conflict is None and all(lists[w.span] is own for w, _, _ in later):
            # `private-volume M1PRV1 M1PRV1`: named twice in its own list, not
            # "declared again (private to member VMSYS1); it is already private to member VMSYS1"
            yield _volume_twice_in_list(model, own, first, [w for w, _, _ in later], times)
            continue
        message = f"volume `{word.upper}` is declared again ({what}); it is already {first_what}{times}"
        help = "a volume is private to one member or shared by all, and is declared once"
        other_member = later[0][2]
        if conflict is None and block is not None and other_member is not None and len(later) == 1:
            # A member line pasted and its label left as it was: the label is the slip.
            mine, theirs = other_member.name.upper, block.name.upper
            own = f"take `{word.upper}` out of `{mine}`'s list, or " if len(lists[word.span].values) > 1 else ""
            help = (
                f"{own}write `{mine}`'s own private volume for `{word.upper}` (line {word.span.line}): the"
                f" minidisks bkrc places on `{mine}`'s private volumes would land on `{theirs}`'s, which"
                f" `{mine}` cannot reach; a volume every member reaches is a `shared-volume`"
            )
        notes: tuple[Related, ...] = ()
        if conflict is not None:
            kept, other = conflict
            message += f", and the sizes stated differ: {kept.described()}, then {other.described()}"
            help += (
                f", with its real size (bkrc checks the minidisks on it against the first stated,"
                f" `{kept.word.text}`: BKR254)"
            )
            notes = (
                Related(kept.word.span, f"the size bkrc checks against: {kept.word.text}"),
                Related(other.word.span, f"another size: {other.word.text}"),
            )
        yield DUPLICATE_VOLUME(
            message,
            word.span,
            related=(
                Related(first.span, f"{first_what} here"),
                *(Related(w.span, f"declared again here ({d})") for w, d, _ in later[1:]),
                *notes,
            ),
            help=help,
        )
    for span, what in said.items():
        again = next(s for s in lists.values() if s.span == span)
        yield _volume_list_again(again, whole[span], what)


def _volume_lists_again(repeated, lists: dict[Span, ast.Setting], sizes) -> dict[Span, ast.Setting]:
    """The volume lists of two or more labels written again whole (`shared-volume BKCOM1
    BKCOM2` on two lines): each label declared twice, its first time in one and the same
    earlier list of the same place, no size stated otherwise. Later list's span -> the
    earlier list. One line written twice is one mistake: one BKR325 for the statement,
    not one for each label (a member block written twice is BKR322's)."""
    firsts: dict[Span, set[Span]] = {}  # a later list's span -> the spans of the lists its labels were first in
    for (first, first_what, _), later in repeated:
        if len(later) != 1 or _other_size(first, [later[0][0]], sizes) is not None or later[0][1] != first_what:
            firsts.setdefault(lists[later[0][0].span].span, set()).add(None)
            continue
        firsts.setdefault(lists[later[0][0].span].span, set()).add(lists[first.span].span)
    out = {}
    for span, earlier in firsts.items():
        again = next(s for s in lists.values() if s.span == span)
        if len(earlier) != 1 or None in earlier or len(again.values) < 2 or span in earlier:
            continue
        first = next(s for s in lists.values() if s.span in earlier)
        if len({w.upper for w in again.values}) == len(again.values) and all(
            any(w.upper == v.upper for v in first.values) for w in again.values
        ):
            out[span] = first
    return out


def _volume_list_again(again: ast.Setting, first: ast.Setting, what: str):
    """BKR325 for a volume list written again whole (`_volume_lists_again`)."""
    return DUPLICATE_VOLUME(
        f"the `{again.keyword}` statement is written again: volumes {listed([w.upper for w in again.values])}"
        f" are already {what}",
        again.span,
        related=(Related(first.span, "written here first"),),
        help="delete this statement: a volume is private to one member or shared by all, and is declared once",
    )


def _volume_twice_in_list(model: Model, setting: ast.Setting, first: ast.Word, later: list[ast.Word], times: str):
    """BKR325 for a volume one volume list names again (`shared-volume VMCOM1 VMCOM1`):
    the fix deletes each repeat, its size with it, and the blanks before it; none where
    a comment stands in a cut. Its words are the parser's for `VMCOM1, VMCOM1`, imported
    here: `syntax.messages` is loaded for a file with a problem only (test_startup)."""
    from bkrdsl.syntax.messages import VOLUME_TWICE_HELP, volume_twice

    sized = {s.label.span: s.size.span for s in setting.sizes}
    written = setting.written
    cuts = []
    for word in later:
        at = next(i for i, w in enumerate(written) if w.span == word.span)
        before, end = written[at - 1].span, sized.get(word.span, word.span)
        cuts.append(Span(before.file, before.end_line, before.end_column, end.end_line, end.end_column, before.end, end.end))
    fix = None
    if not any(holds_comment(model, cut) for cut in cuts):
        fix = Fix(f"Delete the repeated `{later[0].text}`", tuple(Edit(cut, "") for cut in cuts))
    return DUPLICATE_VOLUME(
        volume_twice(first.upper, times),
        later[0].span,
        related=(
            Related(first.span, "named here first"),
            *(Related(w.span, "named again here") for w in later[1:]),
        ),
        help=VOLUME_TWICE_HELP,
        fix=fix,
    )


def _stated_sizes(setting: ast.Setting) -> dict[Span, VolumeCapacity]:
    """The labels of a volume list whose size is stated, by span: the size each states."""
    stated = ((label.span, VolumeCapacity.stated(word)) for label, word in setting.sizes)
    return {span: capacity for span, capacity in stated if capacity is not None}


def _other_size(first: ast.Word, later: list[ast.Word], sizes: dict[Span, VolumeCapacity]):
    """(the size a volume's first statement gives it, the first other size a later one
    states), or None when no two of its statements state different sizes. The one
    kept is the first stated (`Model.volume_sizes`), wherever that is; `3390-9` and
    `10017-cyl` are one size."""
    stated = [sizes[w.span] for w in [first, *later] if w.span in sizes]
    kept = stated[0] if stated else None
    other = next((c for c in stated[1:] if (c.count, c.unit) != (kept.count, kept.unit)), None)
    return (kept, other) if other is not None else None


@check
def volume_lists_read_on(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    for m in cluster.members:
        for s in m.settings_named("private-volume"):
            yield from _read_on(s, f"member `{m.name.upper}`", "a member block", m.name.upper, cluster)
    for s in cluster.settings:
        if s.keyword == "shared-volume":
            yield from _read_on(s, f"cluster `{cluster.name.upper}`", "the cluster block", cluster=cluster)


def workers_read_on(member: ast.Member) -> bool:
    """Whether a `private-volume` list of `member` runs on into its `workers` statement,
    misspelt or half typed (`private-volume ZDPRV1 wrkers 2`), which BKR021 says
    (`_misspelt_read_on`): the member's workers are then written, not left out, and
    BKR241 leaves the member to that warning, whose help writes the statement. Read
    for a member without a `workers` statement only."""
    for s in member.settings_named("private-volume"):
        labels = [(w.text, w.span.line) for w in s.values]
        runs = statement_like_runs(s.span.line, labels)
        if any(meant == "workers" for _, meant in misspelt_runs(labels, runs, "member")):
            return True
    return False


def _lines_after(count: int) -> str:
    return "the line after it" if count == 1 else f"the {count} lines after it"


def _run_read(words: Sequence[ast.Word]) -> tuple[str, str]:
    """A run's first line as written, and how the message says it is read: "`x y` is"
    or "`x y` and the 2 lines after it are"."""
    first_line = " ".join(w.text for w in words if w.span.line == words[0].span.line)
    lines = len({w.span.line for w in words})
    read = f"{quoted(first_line)} is" if lines == 1 else f"{quoted(first_line)} and {_lines_after(lines - 1)} are"
    return first_line, read


def _read_on(
    setting: ast.Setting, owner: str, block: str, member: str | None = None, cluster: ast.Cluster | None = None
):
    """BKR021 for each run of `setting`'s labels that reads like a statement
    (bkrdsl.syntax.runon), at its first label; `member`: the member block's name, when
    the list is one's; `cluster`, whose `expire` block a `retain N days` goes in
    (`_retain_home`)."""
    labels = setting.values
    at, length = setting.span, len(setting.keyword)
    keyword = Span(at.file, at.line, at.column, at.line, at.column + length, at.start, at.start + length)
    runs = statement_like_runs(at.line, [(w.text, w.span.line) for w in labels])
    yield from _misspelt_read_on(setting, labels, runs, owner, block, keyword)
    if runs and runs[0].start == 0:
        # A statement keyword first in the list (`shared-volume job VMCOM5`): the list's
        # first label, and the rest of its line labels too, not "more volumes"; a run
        # goes on from the next line only where that line starts so too.
        first_line = [w for w in labels if w.span.line == labels[0].span.line]
        if volume_problem(labels[0].text) is None:  # (`private-volume workers`: BKR305's)
            yield _keyword_first(labels[0], setting.keyword, owner, keyword, first_line)
        rest = range(len(first_line), runs[0].stop)
        runs = ([rest] if rest else []) + runs[1:]
    elif labels and keyword_first(labels[0].text) and volume_problem(labels[0].text) is None:
        # (`private-volume minidisk`: no label at all, BKR305 says so)
        yield _keyword_first(labels[0], setting.keyword, owner, keyword)
    for run in runs:
        words = labels[run.start : run.stop]
        first_line, read = _run_read(words)
        more, these = _more_volumes(len(words))
        if directory_line(words[0].text) and run.start:
            # `USER LNXWEB` on a line of its own below the labels: a directory entry's line
            yield _directory_read_on(setting.keyword, owner, block, keyword, words, labels[run.start - 1], read, more)
            continue
        yield VOLUMES_READ_ON(
            f"{read} read as {more} of {owner}'s `{setting.keyword}` list: {listed([w.upper for w in words])}",
            words[0].span,
            label=f"a volume label here, not the keyword `{words[0].text.lower()}`",
            related=(Related(keyword, "the list starts here"),),
            help=(
                f"the list runs on to the `}}` or to a statement {block} takes: if {quoted(first_line)} is a"
                f" statement, {_retain_home(cluster, words) or _belongs(words[0].text, member)}; if {these} in upper"
                f" case, as volume labels are written: {quoted(first_line.upper())}"
            ),
        )


def _more_volumes(count: int) -> tuple[str, str]:
    """BKR021's words for `count` labels read on as volumes: "one more volume" and the
    help's "this is a volume, write it", or their plurals."""
    if count == 1:
        return "one more volume", "this is a volume, write it"
    return f"{count} more volumes", "these are volumes, write them"


def _misspelt_read_on(
    setting: ast.Setting, labels: Sequence[ast.Word], runs: Sequence[range], owner: str, block: str, keyword: Span
):
    """BKR021 at a label after the list's first, outside the `runs`, written in small
    letters as keywords are (a volume label is written in capitals), that is a
    statement keyword of the block misspelt or half typed (`wrkers 2`, `worker 2`,
    `wor 2`) or in other words (`suffix D`: `job-suffix`), with the labels after it on
    its line (runon.misspelt_runs): read as more volumes, silently, where the parser
    leaves it a label (on the list's line; `suffix` on a line of its own). One warning
    a line; the help writes the statement with the line's words."""
    kind = "member" if setting.keyword == "private-volume" else "cluster"
    for run, meant in misspelt_runs([(w.text, w.span.line) for w in labels], runs, kind):
        words = labels[run.start : run.stop]
        word = words[0]
        written = " ".join(w.text for w in words)
        statement = " ".join([meant, *(w.text for w in words[1:])])
        more, these = _more_volumes(len(words))
        yield VOLUMES_READ_ON(
            f"{quoted(written)} is read as {more} of {owner}'s `{setting.keyword}` list: {listed([w.upper for w in words])}",
            word.span,
            label=f"a volume label here, not the keyword `{meant}`",
            related=(Related(keyword, "the list starts here"),),
            help=(
                f"the list runs on to the `}}` or to a statement {block} takes: if {quoted(written)} is a"
                f" statement, write {quoted(statement)} (`{word.text}` is no keyword: did you mean `{meant}`?);"
                f" if {these} in upper case, as volume labels are written: {quoted(written.upper())}"
            ),
        )


def _directory_read_on(
    keyword: str,
    owner: str,
    block: str,
    keyword_span: Span,
    words: Sequence[ast.Word],
    before: ast.Word,
    read: str,
    more: str,
):
    """BKR021 at a run of a volume list's labels that starts with a CP directory
    statement's name on a line of its own (`USER LNXWEB` below `private-volume M2PRV1`,
    runon.directory_line): the line reads as a directory entry's, pasted, and the help
    says what a .bkr file writes for it (a USER entry: its user listed in a `single
    group`), or, for volumes so named, to write them after the label `before` on its
    line, where no line of an entry starts."""
    first = words[0]
    statement = first.upper
    on_line = [w for w in words if w.span.line == first.span.line]
    line = " ".join(w.text for w in on_line)
    if statement == "USER":
        user = on_line[1].upper
        meant = (
            f"a CP directory USER entry, list `{user}` in a `single group` instead (`single user {user}`"
            " declares it single-configuration): a job backs up the users of a group"
        )
    else:
        meant = (
            f"a line of a CP directory entry, remove it: a .bkr file holds no {statement} statements,"
            " and bkrc writes the entries of its own machines"
        )
    return VOLUMES_READ_ON(
        f"{read} read as {more} of {owner}'s `{keyword}` list: {listed([w.upper for w in words])};"
        f" the line reads as a CP directory entry's",
        first.span,
        label=f"a volume label here, not CP's {statement} statement",
        related=(Related(keyword_span, "the list starts here"),),
        help=(
            f"the list runs on to the `}}` or to a statement {block} takes: if {quoted(line)} is {meant}\n"
            f"if these are volumes, write them after `{before.upper}`, on its line, where no directory"
            f" entry's line starts: {quoted(before.text + ' ' + line)}"
        ),
    )


def _retain_home(cluster: ast.Cluster | None, words: Sequence[ast.Word]) -> str | None:
    """Where a run `retain N days` on one line goes, in a cluster of one `expire` block:
    into it, or, where it has a `retain` already, over that one (moved in beside it, as
    "move it there" read, it was a second retention, BKR115: stop 82's walk of BKR021).
    None for any other run, or several `expire` blocks: `_belongs` says it in general."""
    if cluster is None or len(cluster.expires) != 1 or len(words) != 3 or words[0].span.line != words[2].span.line:
        return None
    keyword, count, unit = (w.text for w in words)
    if keyword.lower() != "retain" or not count.isdigit() or unit.lower() != "days":
        return None
    expire = cluster.expires[0]
    placed = expire.placement
    on = "each member" if placed.each_member else ", ".join(w.upper for w in placed.members)
    if not on:
        return None
    home = f"the `expire on {on}` block (line {expire.span.line})"
    if expire.retains:
        kept = f"retain {expire.retains[0].text} days"
        if expire.retains[0].text.isdigit() and int(expire.retains[0].text) == int(count):
            return f"it belongs in {home}, which has it already: delete it here"
        return f"it belongs in {home} in place of its `{kept}`: move it there"
    return f"it belongs in {home}: move it there"


def _belongs(first: str, member: str | None = None) -> str:
    """Where the statement a run of a list's names starts belongs, `first` its first
    word (`retain`: in an `expire on MEMBER { ... }` block), said from inside member
    block `member` if given."""
    from bkrdsl.syntax.messages import STATEMENT_HOMES, statement_belongs  # only for this warning

    low = first.lower()
    if low not in STATEMENT_HOMES:
        return "move it to the block it belongs in"
    return statement_belongs(low, "member", member) if member is not None else statement_belongs(low)


def _cluster_takes(first: str) -> bool:
    """Whether the cluster block takes the statement `first` starts (`identity user
    FOO`, `job`): out of a group body, after its `}`, is where it goes."""
    from bkrdsl.syntax.homes import STATEMENT_HOMES  # only for this warning

    return "cluster" in STATEMENT_HOMES.get(first.lower(), ("cluster",))


def _keyword_first(
    label: ast.Word, keyword: str, owner: str, keyword_span: Span, line: Sequence[ast.Word] = ()
):
    """BKR021 at a volume list's first label spelled as a keyword is written: read as a
    label, which the list needs. One that starts no statement (`private-volume
    shared`), whose help says where it is written: after a label the same word is no
    label (the parser's BKR004). Or a statement keyword (`shared-volume job VMCOM5`),
    with `line`, the labels on its line, the first one's run (runon): labels too, as
    written first, so the help weighs the line, as a run's does."""
    word, low = label.text, label.text.lower()
    if len(line) > 1:
        written = " ".join(w.text for w in line)
        help_text = (
            f"the list needs a label first, so `{low}` is read as one, and the words after it on its line"
            f" as labels too: if {quoted(written)} is a statement, move it to the block it belongs in; if"
            f" these are volumes, write them in upper case, as volume labels are written: {quoted(written.upper())}"
        )
    elif line:
        help_text = (
            f"the list needs a label first, so `{low}` is read as one: if a statement starts there, move it to"
            f" the block it belongs in; volume labels are written in upper case: if a volume is labelled"
            f" {label.upper}, write it so: `{label.upper}`"
        )
    else:
        from bkrdsl.syntax.messages import WORD_PLACES  # only for this warning: not on a clean file's path

        help_text = (
            f"`{low}` {WORD_PLACES[low]}. Volume labels are written in upper case:"
            f" if a volume is labelled {label.upper}, write it so: `{label.upper}`"
        )
    return VOLUMES_READ_ON(
        f"`{word}` is read as a volume of {owner}'s `{keyword}` list: `{label.upper}`",
        label.span,
        label=f"a volume label here, not the keyword `{low}`",
        related=(Related(keyword_span, "the list starts here"),),
        help=help_text,
    )


@check
def group_bodies_read_on(model: Model):
    # The group's user IDs, upper-cased (its patterns and names holding a wildcard
    # left out: neither starts a run), hold every label that could start one
    # (`runon.may_hold_runs`, for every group at once).
    for group in model.groups_naming_any(RUN_LABELS):
        yield from _group_read_on(group.decl, model.cluster)


def _group_read_on(decl: ast.GroupDecl, cluster: ast.Cluster | None = None):
    """BKR021 for each run of a group body's entries that reads like a statement
    (bkrdsl.syntax.runon), at its first user ID: the IDs of the run are named, its
    `match` patterns are not (a pattern starts no run)."""
    entries = decl.entries
    name = decl.name.upper
    runs, phrases = _group_runs(decl)
    for run in runs:
        words = [e.word for e in entries[run.start : run.stop] if not e.is_pattern]
        first_line, read = _run_read(words)
        more = "one more user" if len(words) == 1 else f"{len(words)} more users"
        typed = begun(words[0].text)  # a keyword half typed (`desc`), not one in full
        meant = " or ".join(f"`{k}`" for k in typed)
        if typed:
            where = f"begins a statement ({meant}), write it out of the group, after its `}}`"
        elif _cluster_takes(words[0].text):
            where = f"is a statement, move it out of the group, after its `}}`{_whole(words)}"
        else:  # `backup OTHERS full`: a job's, not the cluster's
            where = f"is a statement, {_retain_home(cluster, words) or _belongs(words[0].text)}{_whole(words)}"
        these = "this is a user ID, write it" if len(words) == 1 else "these are user IDs, write them"
        upper = first_line.upper()
        if len(words) > 1 and len({w.upper for w in words}) == 1:
            # `include include include`: one word written over; as a user ID, the group holds it once
            these, upper = "this is a user ID, write it once", words[0].upper
        yield VOLUMES_READ_ON(
            f"{read} read as {more} of group `{name}`: {listed([w.upper for w in words])}",
            words[0].span,
            label=(
                f"a user ID here, not a keyword being typed ({meant})"
                if typed
                else f"a user ID here, not the keyword `{words[0].text.lower()}`"
            ),
            related=(Related(decl.name.span, "the group's body starts here"),),
            help=(
                f"the group body holds user IDs to its `}}`: if {quoted(first_line)} {where}; if {these} in"
                f" upper case, as user IDs are written: {quoted(upper)}"
            ),
        )
    for phrase in phrases:
        words = [e.word for e in entries[phrase.start : phrase.stop] if not e.is_pattern]
        if len(words) > 1:
            yield _keyword_phrase(words, name, decl.name.span)
        elif valid_user_id(words[0].text):  # (`incremental`: too long for an ID, BKR301 says so)
            yield _keyword_id(words[0], name, decl.name.span)


def _group_runs(decl: ast.GroupDecl) -> tuple[list[range], list[range]]:
    """The runs of a group body's entries that read like a statement, and its keywords'
    phrases (`server BKRSVSFS`), as indexes of `decl.entries` (runon)."""
    lines = group_entry_lines([(e.is_pattern, e.word.text, e.span.line) for e in decl.entries])
    runs = statement_like_runs(decl.name.span.line, lines, group=True)
    phrases, runs = keyword_phrases(lines, runs, _takes_value())
    return runs, phrases


def _whole(words: Sequence[ast.Word]) -> str:
    """`, written whole: `retain 35 days``, where the run `words` (one line) is a
    statement with slips of its own whose fixes are certain (`retain 35`, its `days`
    left out: syntax.homed), as BKR013's help writes a misplaced one out; else ``."""
    if len({w.span.line for w in words}) != 1:
        return ""
    from bkrdsl.syntax import written_whole  # only for this warning

    whole = written_whole(" ".join(w.text for w in words))
    return f", written whole: {quoted(whole)}" if whole is not None else ""


def read_on_ids(model: Model) -> frozenset[int]:
    """Where the group bodies' user IDs that BKR021 names start (a run that reads like a
    statement, `retain 35`; a keyword's phrase; a keyword alone): BKR309 and BKR341 leave them to
    it (`35`, all digits, is no user ID the file means)."""
    found: set[int] = set()
    for group in model.groups_naming_any(RUN_LABELS):  # `runon.may_hold_runs`
        entries = group.decl.entries
        runs, phrases = _group_runs(group.decl)
        for taken in (*runs, *phrases):
            found.update(entries[i].span.start for i in taken if not entries[i].is_pattern)
    return frozenset(found)


@functools.cache
def _takes_value() -> frozenset[str]:
    """The keywords that start no statement and take a name after them (`server`, `on`,
    `role`, `user`), whose one name after them in a group body is the same slip
    (runon.keyword_phrases): bkrdsl/syntax/followers.py, generated from the grammar (the
    keywords it puts a name after) and bkrdsl.keywords.VALUE_KINDS (what kind of value
    each name is, which the grammar's one NAME token cannot say). Not a schedule's
    (`daily WEB01`: WEB01 is no time, but a user after the slip), a size's or a path's."""
    from bkrdsl.syntax.followers import KEYWORD_VALUES  # only for this warning

    return frozenset(k for k, kind in KEYWORD_VALUES.items() if kind == "name" and k in KEYWORD_PLACE_WORDS)


def keyword_values(model: Model) -> frozenset[int]:
    """Where the group bodies' user IDs read as a keyword's value start (`BKRSVSFS` in
    `{ CICSPRD server BKRSVSFS }`: runon.keyword_phrases), whose BKR021 says the slip:
    the catalog's server is not also a user of the group (BKR208's `_taken_by`)."""
    found: set[int] = set()
    for group in model.groups_naming_any(RUN_LABELS):  # `runon.may_hold_runs`
        entries = group.decl.entries
        lines = group_entry_lines([(e.is_pattern, e.word.text, e.span.line) for e in entries])
        runs = statement_like_runs(group.decl.name.span.line, lines, group=True)
        for phrase in keyword_phrases(lines, runs, _takes_value())[0]:
            found.update(entries[i].span.start for i in phrase[1:] if not entries[i].is_pattern)
    return frozenset(found)


def _keyword_id(word: ast.Word, group: str, name_span: Span):
    """BKR021 at a user ID of a group body spelled as a keyword that starts no statement
    is written (`{ LINUX01 full }`): no group body takes the word, so it is a slip (a
    job's level, a schedule, a member's `on`, written in the group), not a user FULL,
    which is written in upper case."""
    from bkrdsl.syntax.messages import WORD_PLACES  # only for this warning: not on a clean file's path

    low = word.text.lower()
    return VOLUMES_READ_ON(
        f"`{word.text}` is read as one more user of group `{group}`: `{word.upper}`",
        word.span,
        label=f"a user ID here, not the keyword `{low}`",
        related=(Related(name_span, "the group's body starts here"),),
        help=(
            f"`{low}` {WORD_PLACES[low]}; a group body holds only user IDs and `match` patterns:"
            f" if `{low}` belongs in a statement, write it there, out of the group\n"
            f"user IDs are written in upper case: if a user is called {word.upper}, write it so: `{word.upper}`"
        ),
    )


def _keyword_phrase(words: Sequence[ast.Word], group: str, name_span: Span):
    """BKR021 at a phrase of a group body's user IDs that starts with a keyword that
    starts no statement (runon.keyword_phrases): `server BKRSVSFS`, `manager shared`,
    `each member`, read as users, one slip (was a warning per keyword, and BKR208 at
    `BKRSVSFS` besides)."""
    from bkrdsl.syntax.messages import WORD_PLACES  # only for this warning: not on a clean file's path

    low = words[0].text.lower()
    written = " ".join(w.text for w in words)
    return VOLUMES_READ_ON(
        f"`{written}` is read as {len(words)} more users of group `{group}`: {listed([w.upper for w in words])}",
        words[0].span,
        label=f"a user ID here, not the keyword `{low}`",
        related=(Related(name_span, "the group's body starts here"),),
        help=(
            f"`{low}` {WORD_PLACES[low]}\n"
            f"a group body holds only user IDs and `match` patterns: if `{written}` belongs in a statement,"
            " write it there, out of the group\n"
            f"user IDs are written in upper case: if these are users, write them so: `{written.upper()}`"
        ),
    )


def _one_member_in_blocks_of_its_own(blocks: list) -> bool:
    """Whether the places of one volume are blocks of one member, each once: the member
    is declared twice (BKR322), and its volume with it, which is that one mistake."""
    return (
        all(b is not None for b in blocks)
        and len({b.name.upper for b in blocks}) == 1
        and len({id(b) for b in blocks}) == len(blocks)
    )


# ------------------------------------------------------------------ references
def _declared_here(names: list[str], span_of) -> tuple[Related, ...]:
    """The suggested names' declarations, shown under "did you mean"."""
    spans = [(name, span_of(name)) for name in names]
    return tuple(Related(span, f"`{name}` is declared here") for name, span in spans if span is not None)


def _name_span(model: Model, name: str):
    group = model.group(name)
    if group is not None:
        return group.decl.name.span
    user = model.user(name)
    return user.span if user is not None else None


def _machines_named_here(model: Model, names: list[str]) -> tuple[Related, ...]:
    """The suggested machines' places, shown under "did you mean": a user's or
    group's declaration, else where the `catalog` or `tape manager` statement
    names the machine (the catalog's SFS server and Tape Manager's machines are
    often declared nowhere else)."""
    out = []
    for name in names:
        span = _name_span(model, name)
        if span is not None:
            out.append(Related(span, f"`{name}` is declared here"))
            continue
        catalog, tape = model.catalog, model.tape
        if catalog is not None and catalog.server == name and catalog.server_span is not None:
            out.append(Related(catalog.server_span, f"`{name}` is named here, as the catalog's server"))
            continue
        for machine, span in tape.machines() if tape is not None else ():
            if machine == name:
                out.append(Related(span, f"`{name}` is named here, in the `tape manager` statement"))
                break
    return tuple(out)


def _site_guest_or_zvm_own(model: Model, user: str) -> bool:
    """Whether `user` is a guest a group lists or an ID a standard library module
    declares (z/VM's own, TCPIP): no Tape Manager machine that the `tape manager`
    statement left out (a site may declare a DMM's kind, `single user TCDMM`)."""
    return any(u.origin.startswith("group ") or u.module.startswith("std/") for u in model.user_defs_of(user))


def _tape_gap(model: Model) -> tuple[str, tuple[str, str], tuple[Related, ...]] | None:
    """What may be missing when a `disk` names no machine and Tape Manager lacks some:
    (the message's end, with `{it}` to fill, the helps for one disk and for several,
    related places); None when Tape Manager lacks nothing a disk may be for.
    The `tape manager` statement deleted while a job writes to tape, or the statement
    without its `catalog-dmm` and `request-dmm` (that line deleted): the disks of the
    machines it named are each that one slip's."""
    tape = model.tape
    if tape is None:
        to_tape = _first_tape_target(model)
        if to_tape is None:
            return None
        job, target = to_tape
        missing = f"the `tape manager` statement that names {{it}} is missing (job {quoted(job)} writes to tape)"
        helps = (
            (
                "name it in a `tape manager shared` statement (as its `catalog-node`, `request-node` or a DMM),"
                " which writes Tape Manager's directory entries; otherwise drop the `disk` statement"
            ),
            (
                "name them in a `tape manager shared` statement (`catalog-node`, `request-node`, the DMMs),"
                " which writes Tape Manager's directory entries; otherwise drop their `disk` statements"
            ),
        )
        return missing, helps, (Related(target.span, f"{job} writes to tape here"),)
    options = [o for o, machine in (("catalog-dmm", tape.catalog_dmm), ("request-dmm", tape.request_dmm)) if machine is None]
    if not options or tape.scope is not ast.Scope.SHARED:
        return None
    written = " and ".join(f"`{o}`" for o in options)
    helps = tuple(
        f"name {it} in the `tape manager` statement ({written}), which writes the Device Manager Machines'"
        f" directory entries; otherwise drop {their} `disk` statement{s}"
        for it, their, s in (("it", "the", ""), ("them", "their", "s"))
    )
    missing = f"the `tape manager` statement names no {written}"
    return missing, helps, (Related(tape.decl.span, "the tape manager statement"),)


def _first_tape_target(model: Model) -> tuple[str, ast.Target] | None:
    """(job, its `to tape`) of the first job that writes to tape."""
    for job in model.jobs:
        for target in job.decl.targets[:1]:
            if target.medium is ast.TargetMedium.TAPE:
                return job.name, target
    return None


def _once_per_name(words: list) -> list[tuple[str, object, list]]:
    """An unknown name written at several places is one mistake: (name, its first
    place in the file, the other places), each name once, in the order first seen."""
    by_name: dict[str, list] = {}
    for word in words:
        by_name.setdefault(word.upper, []).append(word)
    out = []
    for name, same in by_name.items():
        first, *others = sorted(same, key=lambda w: (w.span.file, w.span.line, w.span.column))
        out.append((name, first, others))
    return out


def _named_too(name: str, others: list) -> tuple[Related, ...]:
    return tuple(Related(w.span, f"{quoted(name)} is named here too") for w in others)


def _written_everywhere(name: str, first, others: list) -> Fix:
    """A choice that writes `name` at every place the unknown name stands."""
    return Fix(f"Write `{name}`", tuple(Edit(w.span, name) for w in [first, *others]))


def _fix_everywhere(close: list[str], first, others: list, lists: dict | None = None) -> Fix | None:
    """The "did you mean" fix, written at every place the name stands; where a `run on`
    names the member meant already (`run on DEV1, DEV2`, DEV1 meant for DEV2), the name
    is taken out of that list with its comma instead, not written twice (BKR115,
    "name each member once"). `lists`: each `run on` word's list (`_run_lists`)."""
    fix = mean_fix(close, first.span)
    if fix is None:
        return fix
    lists = lists or {}
    if not others and id(first) not in lists:
        return fix
    edits = tuple(_written_or_dropped(w, close[0], lists.get(id(w))) for w in [first, *others])
    if all(e.new_text == "" for e in edits):
        return Fix(f"Delete `{first.text}` (its list names `{close[0]}`)", edits)
    return Fix(fix.title, edits)


def _run_lists(model: Model) -> dict[int, tuple]:
    """Each word of a `run on` that names several members, by its id: that list's words."""
    return {
        id(w): words
        for job in model.jobs
        for run in job.decl.runs
        if len(words := run.placement.members) > 1
        for w in words
    }


def _written_or_dropped(word, meant: str, words: tuple | None) -> Edit:
    """`meant` written over `word`; or, where `word`'s `run on` list names `meant`
    already, `word` taken out of the list with the comma and blanks between it and
    its neighbour (the next one's, or the one before's where it is the last)."""
    if words is None or not any(w is not word and w.upper == meant for w in words):
        return Edit(word.span, meant)
    at = next(k for k, w in enumerate(words) if w is word)
    a, b = (word.span, words[at + 1].span) if at + 1 < len(words) else (words[at - 1].span, word.span)
    if a is word.span:  # from the word to its neighbour's start
        return Edit(Span(a.file, a.line, a.column, b.line, b.column, a.start, b.start), "")
    return Edit(Span(a.file, a.end_line, a.end_column, b.end_line, b.end_column, a.end, b.end), "")


def _disk_twice(model: Model, disk: ast.Disk, machines) -> Diagnostic:
    """BKR332 for `disk disk 191 ...`, no machine DISK: the keyword written twice, the
    machine's ID never written. The help names the product's machines that no `disk`
    gives a minidisk at that address (the workers by their pattern, where none has
    one), each offered as a choice written over the second `disk` where they are 4
    at most; no fix, as which is meant is the site's. BKR253 leaves a machine without its A-disk to this error
    (`tables.no_a_disk`)."""
    address = parse_address(disk.address.text)
    lacking = without_disk_at(model, sorted(machines), (address,)) if address is not None else []
    pattern, roles = model.worker_pattern, model.machine_roles()
    if pattern is not None and is_pattern(pattern):
        workers = [m for m in lacking if roles.get(m) == "worker"]
        if workers and len(workers) == sum(1 for m in machines if roles.get(m) == "worker"):
            lacking = [m for m in lacking if m not in workers] + [pattern]
    help = "remove the second `disk`, and write the ID of the machine it is for after the first"
    if lacking:
        help += f": no `disk` gives {listed(lacking)} a minidisk at {disk.address.text}"
    return UNKNOWN_DISK_USER(
        "`disk` is written twice, with no user ID after it",
        disk.user.span,
        help=help,
        # each machine a choice where they are few (at an address most lack, which is not known)
        choices=tuple(Fix.replace(f"Write `{name}`", disk.user.span, name) for name in lacking) if len(lacking) <= 4 else (),
        slip=Slip("twice", f"`{disk.user.text}`"),
    )


def _hash_glued_report(model: Model, user: str, word, others: list, machine: str, statement: str):
    """BKR332 for a `disk` whose user is a machine's name cut at a `#` the `catalog` or
    `tape manager` statement has inside it (`request-dmm TRDMM#x`, `disk TRDMM 191`):
    one slip, most often a comment written without its blank, and the one diagnostic
    (BKR308 leaves the name's `#` to it: `hash_glued_machines`). The help gives both
    ways out and there is no fix: which one is meant is the writer's to say (a blank
    before the `#` would also make a comment of the rest of the statement's line)."""
    return UNKNOWN_DISK_USER(
        f"`disk` for {quoted(user)}, which is not one of the product's machines{_times(others)}:"
        f" the {statement} statement names {quoted(machine)}, with a `#` inside the name",
        word.span,
        related=_machines_named_here(model, [machine]) + _named_too(user, others),
        help=f"a `#` inside a word is part of the word: if what follows it is a comment, write a blank"
        f" before the `#` in the {statement} statement; if the machine is {quoted(machine)}, name it so in the"
        f" `disk` statement{'s' if others else ''} (a `#` differs between EBCDIC code pages: BKR308)",
    )


def _times(others: list) -> str:
    return f", named {len(others) + 1} times" if others else ""


#: Member names that are English for every member (`run on all daily 02:00`).
_EVERY_MEMBER = frozenset({"ALL", "BOTH", "EVERY", "MEMBERS", "EVERYWHERE"})


def _slot_meant(name: str, names: Sequence[str]) -> str | None:
    """The member the file declares `name`-th, where `name` is a number from 1 to the
    file's count of members (an SSI slot number written for a member: `run on 1`),
    else None."""
    if not (name.isascii() and name.isdigit()) or name.startswith("0") or len(name) > 2:
        return None  # (a name of 5,000 digits is no int Python reads from text)
    n = int(name)
    return names[n - 1] if 1 <= n <= len(names) else None


def members_named(model: Model) -> list[str]:
    """The members a cluster without `member` blocks names (BKR119) where a member is
    named (after `catalog ... on`, `expire on`, `run on`, the tape catalog node's `on`),
    in the order the file names them: names SYSTEM CONFIG takes, not English for every
    member (`run on all`) nor the catalog's server written after `on` (BKR212). BKR119's
    help writes their `member` blocks, and BKR330 leaves them to it: one missing block
    each, one error for them all (stop 82)."""
    if model.cluster is None or model.member_names:
        return []
    server = server_written_as_home(model)
    words = sorted(model.cluster.member_references(), key=lambda w: (w.span.file != model.cluster.name.span.file, w.span.start))
    return list(dict.fromkeys(
        w.upper
        for w in words
        if w is not server
        and w.upper not in _EVERY_MEMBER
        and not _begins_each(w.text)  # `run on eac`, the keyword being typed: BKR330's, which says so
        and system_name_problem(w.upper) is None
    ))


@check
def unknown_members(model: Model):
    if model.cluster is None:
        return
    suggest = Suggester()
    names = model.member_names
    server = server_written_as_home(model)  # BKR212's: the server written after `on`
    written = set(members_named(model))  # BKR119's help writes their blocks
    # One unknown name is one mistake, however often it is written: reported once, at
    # its first place in the file, with the others as notes (and in its fix, if any).
    unknown = [
        w
        for w in model.cluster.member_references()
        if model.member(w.upper) is None and w is not server and w.upper not in written
    ]
    if not unknown:  # the common case: nothing below to walk the jobs for
        return
    refused = [n for n in names if system_name_problem(n) is not None]  # BKR302's
    lists = _run_lists(model)
    # The words after each job's `run on`, in one walk: `identity`, each word of the
    # `run on` of a job that backs up IDENTITY users, its job; `alone`, the word alone
    # after a `run on` (`run on all daily 02:00`), its job's users' kinds; `typed`, such
    # a word that ends its statement, no schedule yet (`run on eac`, as typed).
    identity, alone, typed = {}, {}, set()
    for job in model.jobs:
        for run in job.decl.runs:
            words = run.placement.members
            if Kind.IDENTITY in job.kinds:
                identity.update((id(w), job.name) for w in words)
            if len(words) == 1:
                alone[id(words[0])] = job
                if run.schedule is None and run.span.end == words[0].span.end:
                    typed.add(id(words[0]))
    for name, word, others in _once_per_name(unknown):
        if not others and id(word) in typed and _begins_each(word.text) and not any(n.startswith(name) for n in names):
            # `run on eac`, `each` being typed (no member's name starts so): the
            # keyword, not a member `EAC` to declare
            begins = f"`{word.text}` begins the keyword `each`"
            job = alone[id(word)]
            if job.kinds == {Kind.SINGLE} and names:
                # but a job of single-configuration users runs on one member (`each
                # member`: BKR220): its users' other jobs' member, else each a choice
                one, choices = _one_member(model, job, word, names)
                yield UNKNOWN_MEMBER(
                    f"unknown member {quoted(name)}",
                    word.span,
                    help=unknown_member_help((), names, every=f"{begins}, but {one}", named=len(choices) == len(names)),
                    choices=choices,
                )
                continue
            yield UNKNOWN_MEMBER(
                f"unknown member {quoted(name)}",
                word.span,
                help=f"{begins}: write `run on each member` for the job to run on"
                f" every member, one job per member; the members are {', '.join(names) or 'none yet'}",
                choices=(Fix.replace("Write `each member`", word.span, "each member"),),
            )
            continue
        if refused and suggest.closest(name, refused):
            # `member VMSYS1XYZ` for the VMSYS1 its jobs run on: that member's own name,
            # one SYSTEM CONFIG refuses (BKR302), is the one mistake; "did you mean" would
            # offer it, or another member (`VMSYS2`) and a fix that moves the jobs there
            continue
        slot = _slot_meant(name, names)
        if slot is not None:
            # `run on 1`, `expire on 2 {`: the member's SSI slot number, as SYSTEM CONFIG's
            # `SSI` statement numbers it (stop 83), not a member `1` to declare. The slots'
            # order need not be the file's: each member a choice, none the fix.
            yield UNKNOWN_MEMBER(
                f"unknown member {quoted(name)}{_times(others)}: a member is named by its system identifier,"
                " not by its SSI slot number",
                word.span,
                related=_named_too(name, others),
                help=f"write the member's name for `{word.text}`: `{slot}` if SYSTEM CONFIG's `SSI` statement says"
                f" `SLOT {word.text} {slot}`, as the file's order of members does; the members are {listed(names)}",
                choices=tuple(_written_everywhere(n, word, others) for n in [slot, *(n for n in names if n != slot)]),
            )
            continue
        close = suggest.closest(name, names)
        every, named = "", False
        fix, choices = _fix_everywhere(close, word, others, lists), ()
        job = alone.get(id(word)) if name in _EVERY_MEMBER and not others and not close else None
        kinds = job.kinds if job is not None else None
        if kinds == {Kind.IDENTITY}:
            # `run on all daily 02:00` in a job of IDENTITY users: `each member`, the one reading
            every = "to name every member, write `each member` (`run on each member`, one job per member)"
            fix = Fix.replace("Write `each member`", word.span, "each member")
        elif kinds == {Kind.SINGLE} and names:
            # in a job of single-configuration users, which runs on one member (`each
            # member` would copy the same data on each, BKR220): its users' other jobs'
            # member, else each member a choice
            every, choices = _one_member(model, job, word, names)
            named = len(choices) == len(names)  # the help names every member already: not said twice
        elif name in _EVERY_MEMBER:
            # `run on all daily 02:00`: English for every member, which .bkr writes `each member`
            every = "to name every member, write `each member` (`run on each member`, one job per member)"
        elif identity_job := next((identity[id(w)] for w in [word, *others] if id(w) in identity), None):
            # BKR221 leaves such a job to this report: the member meant may be none, but all
            every = (
                f"job {quoted(identity_job)} backs up IDENTITY users: `run on each member` backs up"
                " their instances on every member (one job per member)"
            )
        # `run on D`, `catalog ... on D`: a member's name being typed (no match for
        # difflib until its third letter), not a member `D` to declare
        begun = begun_by(name, names) if not close and name not in _EVERY_MEMBER else []
        # (four or more begun: none named, and none to declare either)
        begins = any(n.startswith(name) for n in names)
        help = unknown_member_help(
            close,
            names,
            every=every,
            declare="" if name in _EVERY_MEMBER or begins else name,
            named=named or (bool(begun) and set(begun) == set(names)),
        )
        if name not in _EVERY_MEMBER and not begins and len(close) != 1 and (others or not close):
            # no member close by spelling, or several equally close and the name written by
            # several statements: a member taken out of the cluster (its block deleted)
            # more likely than a typo; each statement needs one of the members, what
            # moving its role means said, and "did you mean" (a typo's) not said
            help = _retired_help(model, name, [word, *others], names, declare=not close)
            choices = _home_first(model, [word, *others], _retired_choices([word, *others], names, lists))
        if begun:
            head = f"`{word.text}` begins {alternatives(begun)}: write the member's name in full"
            help = f"{head}; {help}" if help else head
            choices = choices or tuple(_written_everywhere(n, word, others) for n in begun)
        yield UNKNOWN_MEMBER(
            f"unknown member {quoted(name)}"
            + (f"{_times(others)}: no `member {name}` block declares it" if others else ""),
            word.span,
            related=_declared_here(close or begun, lambda n: model.member(n).decl.name.span)
            + _named_too(name, others),
            # `run on all`: English for every member, never a member to declare
            help=help,
            fix=fix,
            choices=choices,
        )


def _retired_help(model: Model, name: str, words: list, names: Sequence[str], *, declare: bool) -> str:
    """BKR330's help for a name no member is close to, or several are and several
    statements write: `name` is no member; if it was retired (its `member` block
    deleted), each statement that names it needs one of the members `names`, and what
    moving each role means, a line each, in the order the file names them: the
    catalog's server (the one catalog moves), the purging member (EXPIRE runs there
    only), the Tape Manager catalog node, the jobs (a job of single-configuration users
    backs them up from that member; another runs there instead);
    `declare`: else declare it (a name close to none)."""
    at = {id(w) for w in words}
    cluster = model.cluster
    lines: list[str] = []
    for cat in cluster.catalogs:
        if any(id(w) in at for w in cat.home):
            one = " (the one catalog moves with it)" if cat.scope is Scope.SHARED else ""
            lines.append(f"`catalog ... on`: its server runs on that member{one}")
    if any(id(w) in at for e in cluster.expires for w in e.placement.members):
        lines.append("`expire on`: the purging member (EXPIRE runs there only)")
    if any(n.member is not None and id(n.member) in at for t in cluster.tapes for n in t.catalog_nodes):
        tape = model.tape
        requests = {tape.request_node, tape.request_dmm} - {None} if tape is not None else set()
        placed = any(d.user.upper in requests and d.volume is not None for d in model.disks)
        lines.append(
            "`catalog-node ... on`: the Tape Manager catalog node runs there"
            + (" (its request nodes' minidisks on that member's volume then go: BKR252's fix)" if placed else "")
        )
    single, other, listing = [], [], []
    for job in model.jobs:
        runs = [run for run in job.decl.runs if any(id(w) in at for w in run.placement.members)]
        if any(len(run.placement.members) > 1 for run in runs):
            listing.append(job.name)  # `run on DEV1, DEV2`: the other members stay
        elif runs:
            (single if job.kinds == {Kind.SINGLE} else other).append(job.name)
    if single:
        one = len(single) == 1
        home = _single_jobs_home(model, single)
        # The member their users' other jobs run on, where there is one: any other member
        # splits the users' backups between two members (BKR411), the first one listed too.
        there = (
            f": write `{home[0]}`, where {'job' if len(home[1]) == 1 else 'jobs'} {listed(home[1])}"
            f" back{'s' if len(home[1]) == 1 else ''} them up (another member splits their backups, BKR411)"
            if home is not None
            else ""
        )
        lines.append(
            f"`run on` of {'job' if one else 'jobs'} {listed(single)}: {'its' if one else 'their'}"
            f" single-configuration users are then backed up from that member{there}"
        )
    if other:
        one = len(other) == 1
        lines.append(f"`run on` of {'job' if one else 'jobs'} {listed(other)}: {'it runs' if one else 'they run'} there instead")
    if listing:
        one = len(listing) == 1
        lines.append(f"`run on` of {'job' if one else 'jobs'} {listed(listing)}, beside other members: remove it from the list")
    # Its private volume, deleted with its block: the statements placing its instances go too.
    for volume, member in sorted(missing_private_volumes(model).items()):
        if not member:
            count = sum(1 for d in model.disks if d.volume is not None and d.volume.upper == volume)
            lines.append(
                f"`disk ... on {volume}` ({count}): its instances' minidisks, which the other members place on their"
                " own volumes: once each statement above names a member, BKR333's fix deletes them"
            )
    members = ", ".join(names) or "none yet"
    head = f"{quoted(name)} is no member of the cluster: if it was retired, each statement that names it needs one of the members ({members})"
    tail = [f"if it is a new member, declare it with `member {name} {{ ... }}`"] if declare else []
    return "\n".join([head + (":" if lines else ""), *(f"  {line}" for line in lines), *tail])


def _single_jobs_home(model: Model, names: list[str]) -> tuple[str, list[str]] | None:
    """The one member every other job of the single-configuration jobs `names`' groups runs
    on (`jobs.single_home`), and those jobs' names; None where any of them has none, or
    they differ."""
    homes = set()
    others: dict[str, None] = {}
    for name in names:
        job = next((j for j in model.jobs if j.name == name), None)
        home = single_home(model, job) if job is not None else None
        if home is None:
            return None
        homes.add(home[0])
        others.update(dict.fromkeys(j.name for j in home[1] if j.name not in names))
    if len(homes) != 1 or not others:
        return None
    return next(iter(homes)), list(others)


def _home_first(model: Model, words: list, choices: tuple[Fix, ...]) -> tuple[Fix, ...]:
    """BKR330's choices with the member the single-configuration jobs' users are backed
    up from first, where every place the name stands is such a job's `run on`."""
    at = {id(w) for w in words}
    named = [j for j in model.jobs if any(id(w) in at for r in j.decl.runs for w in r.placement.members)]
    places = sum(1 for j in named for r in j.decl.runs for w in r.placement.members if id(w) in at)
    if not named or places != len(words) or any(j.kinds != {Kind.SINGLE} for j in named):
        return choices
    home = _single_jobs_home(model, [j.name for j in named])
    if home is None:
        return choices
    title = f"Write `{home[0]}`"
    return tuple(sorted(choices, key=lambda c: c.title != title))


def _retired_choices(words: list, names: Sequence[str], lists: dict[int, tuple]) -> tuple[Fix, ...]:
    """BKR330's choices for a retired member's name: each member (four at most) written
    at every place the name stands; none where a `run on` names it beside other members
    (`lists`, `_run_lists`: `run on DEV1, DEV2`: it is removed from that list, which no
    member written mends)."""
    if not names or len(names) > 4 or any(id(w) in lists for w in words):
        return ()
    first, *others = words
    return tuple(_written_everywhere(n, first, others) for n in names)


def _one_member(model: Model, job, word: ast.Word, names: Sequence[str]) -> tuple[str, tuple[Fix, ...]]:
    """BKR330's words for `word`, read as every member (`run on all`) or `each` being
    typed (`run on eac`), alone after the `run on` of `job`, a job of
    single-configuration users, which runs on one member (on each, BKR220): the member
    its users' other jobs run on (`jobs.single_home`), else each of the cluster's
    members `names` (four at most), each a choice, which the help writes."""
    home = single_home(model, job)
    if home is not None:
        member, others = home
        one = len(others) == 1
        help = (
            "a job of single-configuration users runs on one member (on each member it would copy the same"
            f" data on each, BKR220): write `run on {member}`, where its users' other job{'' if one else 's'}"
            f" {listed([j.name for j in others])} run{'s' if one else ''}"
        )
        return help, (Fix.replace(f"Write `{member}`", word.span, member),)
    more = ", ..." if len(names) > 4 else ""
    help = (
        "a job of single-configuration users runs on one member: write"
        f" {alternatives([f'run on {n}' for n in names[:4]])}{more}"
        " (on each member it would copy the same data on each, BKR220)"
    )
    return help, tuple(Fix.replace(f"Write `{n}`", word.span, n) for n in names[:4])


def _begins_each(text: str) -> bool:
    """`e`, `ea`, `eac`: the keyword `each` being typed, in small letters as keywords are
    written (a member's name is written in capitals)."""
    return text.islower() and len(text) < 4 and "each".startswith(text)


def _pattern_group_help(model: Model, job, word) -> str:
    """BKR331's help for a pattern after `backup`: the group of the files that holds
    just that pattern, to name; else a group declared for it, on the pattern's letters
    where no group, user or pattern has that name, and the `backup` statement written
    with it. Its kind: the pattern's users', where the files declare them, else the
    job's (`single` for a job on one member, `identity` on each member)."""
    text = word.upper
    general = f"declare a group that holds the pattern, e.g. `single group NAME {{ match {shown(text)} }}`, and back it up"
    backup = next((b for b in job.decl.backups if any(w.span == word.span for w in b.groups)), None)
    if backup is None or backup.span.file != model.main_file:
        return general
    held = next((g for g in model.groups if g.patterns == (text,) and not g.users), None)
    # The pattern's letters, else with a letter added, else `ALL` before them: where the
    # files declare the pattern's users, a name it matches would be one of their IDs.
    base = re.sub(r"[*%?]", "", text)[:5] or "USERS"
    name = held.name if held is not None else next(
        (
            n
            for stem in (re.sub(r"[*%?]", "", text)[:8] or "USERS", f"ALL{base}")
            for n in (stem, _free_group_name(model, stem))
            if n is not None and model.group(n) is None and model.user(n) is None and model.pattern_for(n) is None
        ),
        None,
    )
    if name is None:
        return general
    names = [name if w.span == word.span else w.text for w in backup.groups]
    level = f" {backup.level.value}" if backup.level is not None else ""
    written = f"`backup {', '.join(names)}{level}` for `backup {', '.join(w.text for w in backup.groups)}{level}`"
    if held is not None:
        return (
            f"write {written} (line {backup.span.line}): group {quoted(name)}"
            f" ({line_in(held.decl.span, word.span.file)}) holds `match {text}`"
        )
    declared = next((p for p in model.pattern_defs if p.pattern == text and p.role is None), None)
    if declared is not None:
        kind, why = declared.kind.value, f"its users are {declared.kind.value} ({line_in(declared.span, word.span.file)})"
    elif job.each_member:
        kind, why = "identity", "the job runs on each member"
    else:
        kind, why = "single", "the job runs on one member"
    return (
        f"add `{kind} group {name} {{ match {text} }}` to the cluster block ({why}) and write {written}"
        f" (line {backup.span.line})"
    )


@check
def unknown_backup_names(model: Model):
    suggest = Suggester()
    candidates = None
    unknown = []  # names neither a group nor a user: each reported once, below
    for job in model.jobs:
        for ref in job.refs:
            if ref.resolved:
                continue
            text = ref.word.upper
            if is_pattern(text):
                yield UNKNOWN_BACKUP(
                    f"`backup` takes group names and user IDs, not the pattern {quoted(text)}",
                    ref.word.span,
                    help=_pattern_group_help(model, job, ref.word),
                )
                continue
            level_after_comma = _level_after_comma(job.decl, ref.word)
            if level_after_comma is not None:
                line, comma = level_after_comma
                yield UNKNOWN_BACKUP(
                    f"{quoted(ref.word.text)} after a `,` is read as a group name: the level"
                    " follows the groups without a comma",
                    ref.word.span,
                    help=f"write `{line}`",
                    fix=Fix.replace("Remove the `,`", comma, " ") if comma is not None else None,
                )
                continue
            if _keyword_again(job.decl, ref.word):
                yield _backup_twice(model, ref.word)
                continue
            if _level_alone(job.decl, ref.word):
                groups = [g.name for g in model.groups]
                named = f": the groups declared are {listed(groups)}" if groups else ""
                yield UNKNOWN_BACKUP(
                    f"{quoted(ref.word.text)} is read as a group name: the groups to back up are missing"
                    " before the level",
                    ref.word.span,
                    label="read as a group, not the level",
                    help=f"write the groups before the level, `backup GROUP {ref.word.text.lower()}`{named}",
                )
                continue
            if candidates is None:
                candidates = [g.name for g in model.groups] + list(model.user_ids)
            close = suggest.closest(text, candidates)
            split = _level_run_together(job.decl, ref.word, candidates)
            if split is not None and not close:
                name, level = split
                yield UNKNOWN_BACKUP(
                    f"{quoted(text)} is neither a group nor a declared user",
                    ref.word.span,
                    related=_declared_here([name], lambda name: _name_span(model, name)),
                    help=f"did you mean `{ref.word.text[: len(name)]} {level}`? A name ends at a blank,"
                    f" so the level `{level}` needs one before it",
                    fix=Fix.replace(
                        f"Write `{ref.word.text[: len(name)]} {level}`",
                        ref.word.span,
                        f"{ref.word.text[: len(name)]} {level}",
                    ),
                )
                continue
            unknown.append(ref.word)
    for text, word, others in _once_per_name(unknown):
        close = suggest.closest(text, candidates)
        help = mean_help(close, "declare it in a group (`single group NAME { ... }`) or as a user")
        # `backup S`, `SY`: a group's name being typed (no match for difflib until
        # its third letter, `SYS`), not a name to declare
        begun = begun_by(text, candidates) if not close else []
        if begun:
            help = f"`{word.text}` begins {alternatives(begun)}: write the name in full"
        release = release_id(text)
        if release is not None:
            # MAINT720 after `import std/zvm72` became `std/zvm73`: not a slip for MAINT730, whose
            # fix would stop the backup of disks the cluster keeps until the site deletes them
            close = [n for n in close if release_id(n) is not None][:1]
            begun = []
            help = _other_release_help(release, close)
        yield UNKNOWN_BACKUP(
            f"{quoted(text)} is neither a group nor a declared user{_times(others)}",
            word.span,
            related=_declared_here(close or begun, lambda name: _name_span(model, name)) + _named_too(text, others),
            help=help,
            fix=_fix_everywhere(close, word, others) if release is None else None,
            choices=tuple(_written_everywhere(n, word, others) for n in begun),
        )


def _other_release_help(release: ReleaseID, close: list[str]) -> str:
    """BKR331's help for z/VM's own ID of a release module the file does not import
    (`resolve.releases`): whose it is, and the two ways on: import that module too
    while the directory keeps the ID, or take the ID out once it is deleted; `close`,
    the imported release's counterpart (`MAINT730` for `MAINT720`), where there is one."""
    counterpart = f" (z/VM's own ID of the release you import is {quoted(close[0])})" if close else ""
    return (
        f"{quoted(release.id)} is z/VM {release.release}'s own ID, declared in {release.module}"
        f" (line {release.line}), which this file does not import: while your directory keeps it (a member"
        f" still runs {release.release}, or its minidisks are not deleted yet), add `import {release.module}`"
        f" beside the release module you import; once it is deleted, take it out of this `backup`{counterpart}"
    )


def _level_run_together(job: ast.Job, word: ast.Word, names: list[str]) -> tuple[str, str] | None:
    """`backup APPSfull`: (the group or user, the level) when `word` is the last name
    of a `backup` line without a level and reads as a known name with a level
    written on to it. A level ends no other level, so at most one split fits."""
    upper = word.upper
    known = set(names)
    for backup in job.backups:
        if backup.level is not None or not backup.groups or backup.groups[-1] != word:
            continue
        for level in ast.Level:
            head = upper[: -len(level.value)]
            if upper.endswith(level.value.upper()) and head in known:
                return head, level.value
    return None


def _keyword_again(job: ast.Job, word: ast.Word) -> bool:
    """`backup backup`: whether `word`, an unknown name, is the keyword written again as
    a `backup` line's only name (a level after it or not), not in capitals (a name is written
    as CP writes it: `backup BACKUP` names a group BACKUP, which the help below does
    not take for the keyword), unless the keyword is in capitals too (`BACKUP BACKUP`, a
    line typed in capitals, as on CMS: the word twice, as in small letters). As `backup
    backup backup` is a syntax error (the recovery's `run_unfinished`), and `import
    import`, no module `import` found, the loader's BKR101."""
    if word.text.lower() != "backup":
        return False
    for b in job.backups:
        if len(b.groups) == 1 and b.groups[0] == word:
            return not word.text.isupper() or b.capitals
    return False


def _backup_twice(model: Model, word: ast.Word):
    """`backup backup`, no group BACKUP declared: the keyword written twice, its groups
    never written. The help names the groups declared, those no job backs up first (the
    one meant, likely), and offers each, written over the second `backup`; no fix:
    which one is meant is the site's."""
    used = {r.group.name for j in model.jobs for r in j.refs if r.group is not None}
    groups = sorted((g.name for g in model.groups if not is_pattern(g.name)), key=lambda name: name in used)
    help = "remove the second `backup`, and write a group name after the first"
    unused = [name for name in groups if name not in used]
    if groups:
        help += f": the groups declared are {listed(groups)}"
        if unused and len(unused) < len(groups):
            help += f"; no job backs up {listed(unused)}"
    return UNKNOWN_BACKUP(
        f"`{word.text}` is written twice, with no group name after it",
        word.span,
        help=help,
        choices=tuple(Fix.replace(f"Write `{name}`", word.span, name) for name in groups[:8]),
        slip=Slip("twice", f"`{word.text}`"),
    )


def _level_alone(job: ast.Job, word: ast.Word) -> bool:
    """`backup full`: whether `word`, an unknown name, is a level written as a `backup`
    line's only name, its groups left out (the parser reads the word after `backup` as
    a name, whatever it spells)."""
    levels = {level.value for level in ast.Level}
    return word.text.lower() in levels and any(
        b.level is None and len(b.groups) == 1 and b.groups[0] == word for b in job.backups
    )


def _level_after_comma(job: ast.Job, word: ast.Word) -> tuple[str, Span | None] | None:
    """`backup APPS, full`: the line to write (`backup APPS full`) when `word` is a
    level written after a `,` as the last name of a `backup` line without a level,
    and the text from the name before it to it (the `,` and blanks), which a blank
    replaces, when both stand on one line (so no comment stands between them)."""
    levels = {level.value for level in ast.Level}
    for backup in job.backups:
        names = backup.groups
        if backup.level is None and len(names) >= 2 and names[-1] == word and word.text.lower() in levels:
            line = f"backup {', '.join(n.text for n in names[:-1])} {word.text.lower()}"
            last, span = names[-2].span, word.span
            comma = None
            if last.end_line == span.line and last.file == span.file:
                comma = Span(span.file, span.line, last.end_column, span.line, span.column, last.end, span.start)
            return line, comma
    return None


def _star_left_out_report(model: Model, disk: ast.Disk, pattern: str):
    """BKR332 for `disk BKRWRK 191 ...`: the worker pattern with its `*` left out
    (common.star_left_out), whose fix writes it."""
    user = disk.user.upper
    most = max((len(model.workers_of(m)) for m in model.members), default=0)
    first = next((model.workers_of(m) for m in model.members if len(model.workers_of(m)) == most), ())
    named = f" ({', '.join(first[:2])}{', ...' if len(first) > 2 else ''})" if first else ""
    return UNKNOWN_DISK_USER(
        f"`disk` for {quoted(user)}, which is no machine: the worker machines are `{pattern}`{named},"
        " a pattern with its `*`",
        disk.user.span,
        help=f"write `{pattern}` for `{disk.user.text}`: the `disk` then gives every worker its minidisk",
        fix=Fix.replace(f"Write `{pattern}`", disk.user.span, pattern),
    )


def _no_entry_written(model: Model, user: str) -> tuple[str, str, str] | None:
    """(what the machine is, why bkrc writes no entry for it, help) for a machine
    the cluster names that gets no directory entry in this cluster; None for
    any other ID."""
    tape = model.tape
    named = {}
    if tape is not None:
        named = {
            tape.catalog_node: ("the Tape Manager catalog node", None),
            tape.request_node: ("the Tape Manager request node", None),
            tape.catalog_dmm: ("the catalog node's DMM", tape.catalog_node),
            tape.request_dmm: ("the request nodes' DMM", tape.request_node),
        }
        named.pop(None, None)
    if user in named:
        what, node = named[user]
        drop = "drop the `disk` statement"
        if tape.scope is not Scope.SHARED:
            return what, "`tape manager local` has no nodes", f"{drop}, or write `tape manager shared`"
        if tape.catalog_member is None or model.member(tape.catalog_member) is None:
            return what, "the catalog node's member is not one of the cluster's", "name a member in `catalog-node ... on MEMBER`"
        request_members = [m for m in model.member_names if m != tape.catalog_member]
        if user in (tape.request_node, tape.request_dmm) and not request_members:
            return (
                what,
                "a cluster of one member has no request node (its one member is the catalog node's)",
                f"{drop}, or give the `disk` to the catalog node's machines",
            )
        if node is None:
            return what, "its node is not written", drop
        return what, "a DMM is written only with its node, and the statement names none", drop
    workers = {w for m in model.members for w in model.workers_of(m)}
    pattern = model.worker_pattern
    if (
        pattern is not None
        and is_pattern(pattern)
        and user not in workers
        and any(p.matches(user) for p in model.role_patterns("worker"))
    ):
        most = max((len(model.workers_of(m)) for m in model.members), default=0)
        return (
            "a worker machine",
            f"no member runs that many workers (the most is `workers {most}`)",
            "give the `disk` to a worker a member runs, or to every worker with the worker pattern",
        )
    return None


#: The machines `import std/backup-manager` declares, by the ID (or pattern) it
#: gives each role (tests/test_stdlib.py compares it with the module).
STANDARD_MACHINES = {
    "5697J06C": "installation",
    "BKRADMIN": "admin",
    "BKRBKUP": "backup-server",
    "BKRCATLG": "catalog-server",
    "BKRWRK*": "worker",
}


def _standard_machine_undeclared(model: Model, user: str) -> str | None:
    """The role of `user` when it is a machine std/backup-manager declares under
    that name and no user of the cluster has the role (the import forgotten)."""
    role = STANDARD_MACHINES.get(user)
    if role is None and user.startswith("BKRWRK") and not is_pattern(user):
        role = "worker"
    if role is None or model.role_users(role) or model.role_patterns(role):
        return None
    return role


def _service_machines_missing(model: Model) -> bool:
    """BKR205's case: no backup server, catalog server or workers are declared."""
    return (
        (model.backup_server is None and not model.role_patterns("backup-server"))
        or (model.catalog_server is None and not model.role_patterns("catalog-server"))
        or model.worker_pattern is None
    )


def _named_by_second_statement(model: Model) -> set[str]:
    """The machines a second `catalog` or `tape manager` statement names (BKR115,
    which the model does not read): a `disk` for one of them is that statement's
    mistake, not one more (prodssi's `tape manager ... request-node TRTMM` line
    written twice: the first statement, kept, names no DMMs; the second, which
    goes on with `catalog-dmm TCDMM request-dmm TRDMM`, does)."""
    cluster = model.cluster
    names = {node.name.upper for tape in cluster.tapes[1:] for node in tape.machines}
    return names | {word.upper for catalog in cluster.catalogs[1:] for word in catalog.server}


@check
def unknown_disk_refs(model: Model):
    for diagnostic, _ in _unknown_disk_reports(model):
        yield diagnostic


def catalog_statement_missing(model: Model) -> bool:
    """Whether BKR332 says of a `disk` that the `catalog` statement naming its SFS
    server is missing (that statement deleted): BKR213, "does not declare its
    catalog", then leaves the cluster to that error, which says it (one deleted
    statement, one diagnostic)."""
    return any(says for _, says in _unknown_disk_reports(model))


def _unknown_disk_reports(model: Model):
    """BKR332 and BKR333 for the `disk` statements, each with whether it says that
    the `catalog` statement is missing."""
    if model.cluster is None:
        return
    suggest = Suggester()
    volumes = set(model.private_volumes) | set(model.shared_volumes)
    machines = None
    unknown_users, unknown_volumes = [], []  # each name reported once, below
    written_on = server_written_as_home(model)  # BKR212's: the catalog's server, written after `on`
    left = server_disk_unnamed(model)  # BKR212's or BKR217's: the server the `catalog` statement does not name
    second_statements = _named_by_second_statement(model)
    from bkrdsl.check.tape import (  # loaded by now: its checks keep their place
        local_named_help,
        local_tape_help,
        local_tape_machine,
        nodes_missing,
        nodes_named_missing,
        nodes_renamed,
    )

    nodes_unnamed = nodes_named_missing(model)  # BKR233 names them: `add `request-node TRTMM``
    nodes_unnamed |= nodes_renamed(model)  # BKR232's and BKR234's: `write `request-node TRTMM` for ...`
    # BKR233: a shared Tape Manager without its catalog node, the one reason a `disk` for
    # its request node or a DMM has no entry (was also BKR332 at the disk: one slip, one error)
    catalog_node_left_out = "catalog-node" in nodes_missing(model)
    local_named = []  # the machines a `tape manager local` statement names, given disks: see below
    for d in model.disks:
        if swapped_disk(d):
            continue  # BKR310: the address and the user ID the wrong way round
        user = d.user.upper
        if machines is None:
            machines = model.product_machines()
        named = written_on is not None and user == written_on.upper  # BKR212 names it the server
        named = named or (left is not None and user == left.user.upper)
        if not named and valid_user_or_pattern(user) and not model.disk_owners(d, machines):
            if disk_written_twice(d):
                yield _disk_twice(model, d, machines), False
                continue
            if (pattern := star_left_out(model, user)) is not None:
                yield _star_left_out_report(model, d, pattern), False
                continue
            unwritten = None if is_pattern(user) else _no_entry_written(model, user)
            if unwritten is not None and catalog_node_left_out:
                continue  # BKR233: the shared Tape Manager names no catalog node, which is the reason
            if unwritten is not None and model.tape.scope is not Scope.SHARED:
                local_named.append(d.user)  # one report for them all: see below
                continue
            if unwritten is not None:
                what, why, help = unwritten
                yield UNKNOWN_DISK_USER(
                    f"`disk` for {quoted(user)}, {what}, which bkrc writes no directory entry for: {why}",
                    d.user.span,
                    help=help,
                ), False
                continue
            role = _standard_machine_undeclared(model, user)
            if role is not None and _service_machines_missing(model):
                continue  # BKR205 says once that `import std/backup-manager` is missing
            if role is not None:
                what = "the worker machines" if is_pattern(user) else ROLE_TEXT[role]
                yield UNKNOWN_DISK_USER(
                    f"`disk` for {quoted(user)}, {what} as `std/backup-manager` names"
                    f" {'them' if is_pattern(user) else 'it'}, but no user has `role {role}` in this cluster",
                    d.user.span,
                    help="add `import std/backup-manager`, which declares the product's machines, or declare"
                    f" this one yourself: `{'single' if role in ('admin', 'installation') else 'identity'}"
                    f" user {user} role {role}`",
                ), False
                continue
            if user not in second_statements and user not in nodes_unnamed:
                unknown_users.append(d.user)
        if d.volume is not None and volume_problem(d.volume.text) is None and d.volume.upper not in volumes:
            unknown_volumes.append(d.volume)
    tape_gap = _tape_gap(model)
    tape_like = []  # no machine, no close match, and a Tape Manager machine may be missing: see below
    local_tape = []  # IBM's Tape Manager IDs beside `tape manager local`, which has no nodes: see below
    glued = {head: (machine, statement) for machine, (head, _, statement) in hash_glued_machines(model).items()}
    unroled = ()
    if unknown_users and _service_machines_missing(model):
        from bkrdsl.check.kinds import unroled_machines

        unroled = unroled_machines(model)
    for user, word, others in _once_per_name(unknown_users):
        if user in glued:
            yield _hash_glued_report(model, user, word, others, *glued[user]), False
            continue
        if user in unroled:
            # BKR205's case, the product's machines declared under the site's names
            # with their roles left out (`identity user NBBKSRV`): not Tape Manager's
            # DMMs, nor a disk to drop, which the generic help said.
            kind = model.user_defs_of(user)[0].kind.value
            yield UNKNOWN_DISK_USER(
                f"`disk` for {quoted(user)}, which is declared without a role: bkrc writes directory"
                f" entries for the product's machines, each known by its role{_times(others)}",
                word.span,
                related=(Related(model.user_defs_of(user)[0].span, "declared here, without a role"),)
                + _named_too(user, others),
                help=f"if {user} is one of Backup Manager's machines under the site's name, give its declaration"
                f" its role: `{kind} user {user} role ROLE`, ROLE one of backup-server, catalog-server, worker,"
                " admin, installation (docs/language.md, Users and groups); otherwise drop the `disk` statement",
            ), False
            continue
        if (what := local_tape_machine(model, user)) is not None:
            local_tape.append((user, word, others, what))
            continue
        what = (
            "matches none of the product's machines"
            if is_pattern(user)
            else "is not one of the product's machines"
        )
        addresses = {parse_address(d.address.text) for d in model.disks if d.user.upper == user}
        close = [] if is_pattern(user) else machine_meant(model, suggest, user, addresses - {None}, machines)
        if close and not any(valid_user_id(name) for name in close):
            # `catalog shared server BKRSVSFS:`: the machine's own ID is the one CP refuses
            # (BKR301 says so), not this disk's owner: the one mistake, said once
            continue
        written = (
            "bkrc writes directory entries for " + ", ".join(sorted(machines)[:6]) + (" ..." if len(machines) > 6 else "")
            if machines
            else "bkrc writes directory entries for the product's machines only, and this file declares none of them:"
            " add `import std/backup-manager`, which declares them"
        )
        related = _machines_named_here(model, close) + _named_too(user, others)
        if machines and not close and not is_pattern(user) and model.user_defs_of(user):
            # `disk LNXWEB01 191 ...` for a guest a group names: a user of the site's
            # own directory, whose minidisks bkrc never writes
            written = (
                f"drop the `disk` statement: {user}'s minidisks are defined in the site's own directory;"
                f" `disk` is for the machines bkrc writes directory entries for ({written.removeprefix('bkrc writes directory entries for ')})"
            )
        help = mean_help(close, written)
        # Where a Tape Manager machine may be missing, `disk TCDMM 191` is not TCTMM's, which
        # has its 191: the `catalog-dmm` left out, not a typo. A guest a group lists, or
        # one of z/VM's own IDs (`disk TCPIP 191`, a standard library's), is no DMM left
        # out: its help says to drop the statement, not to name it `catalog-dmm`.
        if (
            tape_gap is not None
            and not is_pattern(user)
            and not _site_guest_or_zvm_own(model, user)
            and not without_disk_at(model, close, addresses - {None})
        ):
            tape_like.append((user, word, others))
            continue
        catalog_missing = bool(machines) and not model.catalogs and not close and not is_pattern(user)
        if catalog_missing:
            # The `catalog` statement deleted: the disk of the SFS server it named is
            # left without a machine. Say what may be missing, not only "unknown" (with
            # no machine declared at all, the import missing is said instead); BKR213
            # leaves the cluster to this error (`catalog_statement_missing`).
            what += "; if it is the catalog's SFS server, the `catalog` statement that names it is missing"
            related += (Related(model.cluster.name.span, "declares no catalog"),)
            # The statement written whole, as BKR213's help writes it: `pool NAME`, followed
            # to the letter, checked clean with a file pool called NAME (stop 81).
            help = (
                f"add `catalog shared server {user} pool BKRPOOL` to the cluster block, which writes the server's"
                " directory entry (BKRPOOL is IBM's sample name for the catalog's file pool: write your own if it"
                " differs); otherwise drop the `disk` statement"
            )
        yield UNKNOWN_DISK_USER(
            f"`disk` for {quoted(user)}, which {what}{_times(others)}",
            word.span,
            related=related,
            help=help,
            fix=_fix_everywhere(close, word, others),
        ), catalog_missing
    if tape_like:
        # The `tape manager` statement deleted (or never written) while a job still
        # writes to tape, or its DMMs left out: their disks are left without a
        # machine. One mistake, so one report for all of them.
        missing, helps, related = tape_gap
        names = [user for user, _, _ in tape_like]
        (user, word, others), rest = tape_like[0], tape_like[1:]
        one = len(names) == 1
        related += _named_too(user, others)
        for other, other_word, other_others in rest:
            related += (Related(other_word.span, f"`disk` for {quoted(other)}"),) + _named_too(other, other_others)
        yield UNKNOWN_DISK_USER(
            f"`disk` for {listed(names)}, which"
            f" {'is not one of' if one else 'are not among'} the product's"
            f" machines{_times(others) if one else ''}; if {'it is a' if one else 'they are'}"
            f" Tape Manager machine{'' if one else 's'}, {missing.format(it='it' if one else 'them')}",
            word.span,
            related=related,
            help=helps[0] if one else helps[1],
        ), False
    named_tape = [(user, word, others, _no_entry_written(model, user)[0]) for user, word, others in _once_per_name(local_named)]
    if local_tape or named_tape:
        # `tape manager local` (prodssi's `shared` statement written so, its options
        # gone, or kept): the disks of its machines, or of IBM's Tape Manager IDs, are
        # one slip's, the statement's, said once, at the first, pointing at it (they
        # said "not one of the product's machines" each, with nothing to link them to
        # it or to BKR230 below; those the statement names, each the same error again).
        both = sorted(local_tape + named_tape, key=lambda e: (e[1].span.file, e[1].span.start))
        (user, word, others, what), rest = both[0], both[1:]
        names = [user for user, _, _, _ in both]
        one = len(names) == 1
        related = (Related(model.tape.decl.span, "declared local here: no nodes"),) + _named_too(user, others)
        for other, other_word, other_others, _ in rest:
            related += (Related(other_word.span, f"`disk` for {quoted(other)}"),) + _named_too(other, other_others)
        why = "`tape manager local` has no nodes"
        if not named_tape:
            what = f"IBM's ID for Tape Manager's {what.removeprefix('the ')}" if one else "IBM's IDs for Tape Manager's machines"
        elif not one and not local_tape:
            what, why = "the Tape Manager machines the `tape manager local` statement names", "a local Tape Manager has no nodes"
        elif not one:
            what = "Tape Manager's machines"
        to_tape = _first_tape_target(model)
        disks = sum(1 + len(o) for _, _, o, _ in both)
        yield UNKNOWN_DISK_USER(
            f"`disk` for {listed(names)}, {what}, which bkrc writes no directory"
            f" entr{'y' if one else 'ies'} for: {why}"
            + (f" (job {quoted(to_tape[0])} writes to tape)" if to_tape else ""),
            word.span,
            related=related,
            help=local_tape_help(model, disks) if local_tape else local_named_help(model, disks),
        ), False
    missing = missing_private_volumes(model)
    retired = retired_private_volumes(model) if unknown_volumes else {}
    for volume, word, others in _once_per_name(unknown_volumes):
        if volume in missing:
            continue  # a member's private volume, left out with its `member` block (BKR330) or `private-volume` (BKR245)
        if volume in retired:
            yield _retired_volume(model, volume, word, others, retired[volume]), False
            continue
        close = suggest.closest(volume, volumes)
        if close and all(volume_problem(name) is not None for name in close):
            # `shared-volume BKCOM1#x`, a comment glued to the label: the label declared
            # is the one CP refuses (BKR305 says so), not a volume to suggest here
            continue
        yield UNKNOWN_VOLUME(
            f"volume {quoted(volume)} is neither a member's private volume nor a shared volume"
            f"{_times(others)}",
            word.span,
            related=_declared_here(close, lambda name: volume_span(model, name)) + _named_too(volume, others),
            help=mean_help(
                close,
                "declare it with `private-volume` in a member block or `shared-volume` in the cluster",
            ),
            fix=_fix_everywhere(close, word, others),
        ), False


def _retired_volume(model: Model, volume: str, word, others, disks: list) -> Diagnostic:
    """BKR333 of a retired member's private volume (`common.retired_private_volumes`):
    its `disk` statements place instances no member has; the fix deletes them."""
    users = sorted({d.user.upper for d in disks})
    many = len(disks) > 1
    statements = f"the {len(disks)} `disk` statements" if many else "the `disk` statement"
    return UNKNOWN_VOLUME(
        f"volume {quoted(volume)} is neither a member's private volume nor a shared volume{_times(others)}",
        word.span,
        related=_named_too(volume, others),
        help=(
            f"{statements} on {quoted(volume)} place{'' if many else 's'} instances of {listed(users)} that no"
            f" member has: each member {'they run' if len(users) > 1 else 'it runs'} on has its own statement on its"
            f" private volume (a member retired, its block deleted with {quoted(volume)}): delete"
            f" {'them' if many else 'it'};\nif the member is not retired, declare {quoted(volume)} with"
            " `private-volume` in its member block"
        ),
        fix=delete_statements(model, [d.span for d in disks], f"Delete {statements} on `{volume}`"),
    )


@check
def unknown_roles(model: Model):
    suggest = Suggester()
    seen = set()
    for module in model.modules:
        decls = list(module.users) + [u for c in module.clusters for u in c.users]
        for d in decls:
            if d.role is None or d.role.text.lower() in ROLES or d.role.span in seen:
                continue
            seen.add(d.role.span)
            close = suggest.closest(d.role.text, [r.upper() for r in ROLES])
            help = mean_help([c.lower() for c in close], "roles: " + ", ".join(sorted(ROLES)))
            fix = mean_fix([c.lower() for c in close], d.role.span)
            where = _declared_with_role(model, d, close[0].lower()) if len(close) == 1 else None
            if where is not None:
                # `identity user BKRBKUP role backup-srv` beside std/backup-manager's own
                # line: the role mended, as "did you mean" read, the line is BKR320's.
                role = close[0].lower()
                help = (
                    f"delete the line (line {d.span.line}): {where} declares `{d.kind.value} user"
                    f" {', '.join(n.upper for n in d.names)} role {role}` already (with `role {role}`, as"
                    " meant, this line would say it twice, BKR320)"
                )
                fix = delete_statements(model, [d.span], "Delete the repeated declaration")
            yield UNKNOWN_ROLE(
                f"unknown role {quoted(d.role.text)}",
                d.role.span,
                help=help,
                fix=fix,
            )


def _declared_with_role(model: Model, d, role: str) -> str | None:
    """Where every user of `d` is declared again, of its kind and with `role` (a standard
    library module by name, else `line N`), or None."""
    places = set()
    for name in d.names:
        other = [
            u for u in model.user_defs_of(name.upper)
            if u.span != name.span and u.role == role and u.kind is d.kind
        ]
        if not other:
            return None
        u = other[0]
        places.add(f"`{u.module.removesuffix('.bkr')}`" if u.module.startswith("std/") else f"line {u.span.line}")
    return " and ".join(sorted(places))


@check
def roles_on_patterns(model: Model):
    for module in model.modules:
        decls = list(module.users) + [u for c in module.clusters for u in c.users]
        for d in decls:
            role = d.role.text.lower() if d.role is not None else None
            if role not in ROLES or role == "worker":
                continue
            for name in d.names:
                if is_pattern(name.text):
                    yield ROLE_ON_PATTERN(
                        f"`role {role}` names one machine, but {quoted(name.text)} is a pattern",
                        name.span,
                        help=_role_on_id_help(model, d, name, role),
                    )


#: IBM's IDs for the machines of one role (std/backup-manager), which BKR335's help writes.
_IBM_ROLE_IDS = {
    "backup-server": "BKRBKUP",
    "catalog-server": "BKRCATLG",
    "admin": "BKRADMIN",
    "installation": "5697J06C",
}


def _role_on_id_help(model: Model, d, name, role: str) -> str:
    """BKR335's help: the declaration written again on IBM's ID for the role, said to be
    one, where the statement names the pattern alone and no user of the files has that
    ID (the help said "give the role to the machine's own user ID", to no ID)."""
    said = f"give `role {role}` to the machine's own user ID; only `role worker` takes a pattern"
    ibm = _IBM_ROLE_IDS.get(role)
    if ibm is None or len(d.names) != 1 or model.user(ibm) is not None:
        return said
    kind = d.kind.value
    return (
        f"write `{kind} user {ibm} role {role}` for `{kind} user {name.text} role {d.role.text}` (line {d.span.line})"
        f" ({ibm} is IBM's ID for it: write the machine's own, as the CP directory has it); only `role worker`"
        " takes a pattern"
    )
