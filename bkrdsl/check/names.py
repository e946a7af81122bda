"""Names valid for CP and CMS (BKR301-BKR309, BKR341).

Every name bkrc writes into a directory entry, a file name or an EXEC must be
one CP and CMS accept. A name that breaks these rules gets exactly one
diagnostic here; the other rule families skip it (see `common.valid_*`).
"""

from __future__ import annotations

import os
import re

from bkrdsl import ast
from bkrdsl.check.common import (
    CMS_NAME_CHARS,
    PATTERN_SET,
    USER_ID_CHARS,
    cms_name_problem,
    describe_chars,
    hash_glued_machines,
    id_range,
    invalid_user_entries,
    name_problem,
    pattern_problem,
    quoted,
    system_name_problem,
    user_id_problem,
    valid_user_id,
    variant_chars,
    volume_problem,
)
from bkrdsl.check.registry import PARTIAL, check
from bkrdsl.check.values import owner_after_addresses, owner_left_out
from bkrdsl.diagnostics import Edit, Fix
from bkrdsl.diagnostics.registry import register
from bkrdsl.resolve.model import Model, is_pattern

INVALID_USER_ID = register(
    "BKR301",
    "invalid-user-id",
    "error",
    "a user ID or user ID pattern CP cannot accept",
    """
    z/VM user IDs (USER and IDENTITY directory entries, the machines of the
    product, the catalog's SFS server, Tape Manager machines) are 1 to 8
    characters from A-Z, 0-9 and `@ # $ _ -` (CP's USERID_CHARACTERS table;
    lower case is folded to upper case). A pattern in a group (`match LNX*`),
    a selection (`include minidisk LNX* *`) or a `disk` statement (`disk
    BKRWRK* ...`) may add the wildcards `*` (any run of characters), `%` and
    `?` (exactly one character), but must still be able to match some
    8-character ID. A range of IDs (`BKRWRK01-BKRWRK04`) is not one ID, nor a
    pattern after `match`, nor an include's owner. So is a range short
    enough to be one ID (`A01-A40`, 7 characters, `-` being a user ID
    character), which would name no user: a word with one `-` whose two
    sides have the same length, the same start and a number at the end, the
    numbers different (an ID such as `WEB-DB1`, `A1-A10` or `X1-Y2` is no
    range). The help gives the narrowest patterns that name the range, `%`
    standing for one character in each run of ten (`A0%`, `A1%`, `A2%`,
    `A3%` and `A40`; a range from `A01` takes `A00` too), with the one
    pattern that names more (`A%%`: every 3-character ID that starts `A`),
    or that one alone where more than five would be needed; not `A*`, every
    ID that starts `A`. For another range (`A1-A10`) it gives the pattern of
    the common start (`A1*`). The
    catalog's SFS server and the Tape Manager machines are
    named by one user ID, never a pattern: bkrc writes their directory entries.
    Of a declared ID, the help writes the ID where the file makes it
    knowable: a comment glued to an ID at the end of its line (`CICSPRD#x`,
    9 characters, `#` being a user ID character), the blank before the `#`;
    an ID without the characters CP refuses (`LINUX.01`) that a selection
    names (`include minidisk LINUX01 0191`), that ID, with both lines.
    Otherwise the ID is the CP directory's to give.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX.01 PAYROLLSRV }   # <- BKR301
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    `.` is not a user ID character (CP uses it as a delimiter), and
    PAYROLLSRV has 10 characters.

    Fix: use the user ID exactly as it is in the CP directory: `LINUX01`,
    `PAYROLL`.
    """,
)

INVALID_SYSTEM_NAME = register(
    "BKR302",
    "invalid-member-name",
    "error",
    "a member or cluster name that is not a valid system identifier",
    """
    A member name is the member's system identifier in SYSTEM CONFIG, the name
    `QUERY USERID` answers with (`userid AT member`) and the name the
    generated EXECs compare against to refuse to run on the wrong member. The
    cluster name is the SSI cluster name of the `SSI` statement. Both are 1 to
    8 letters and digits. IBM, of the `SSI` statement in SYSTEM CONFIG (z/VM
    7.2, "SSI Statement", www.ibm.com/docs/en/zvm/7.2?topic=file-ssi-statement):
    the cluster name "can be up to eight alphanumeric
    characters", and each member's system name "is the 1- to 8-character
    system name of a system that is a member of the SSI cluster. The system
    name must be alphanumeric". So the national characters `$ # @`, which a
    user ID or a volume label may hold, are refused in these two names. A
    member's help names the lines where the file names the member again
    (`run on`, `expire on`, the catalog's and Tape Manager's `on`): renamed
    in its block alone, the member those statements name is unknown
    (BKR330).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS-PROD1 { workers 2 }   # <- BKR302
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS-PROD1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS-PROD1 daily 02:00
          }
        }

    `member VM#1` is refused the same way: `#` is not alphanumeric.

    Fix: use the system identifier exactly as SYSTEM CONFIG spells it:
    `member VMSYSP1 { workers 4 }`.
    """,
)

INVALID_JOB_NAME = register(
    "BKR303",
    "invalid-job-name",
    "error",
    "a job name that cannot be a CMS file name",
    """
    A job becomes the CMS file `JOBNAME TEMPLATE` on its backup server's
    disk, and its name is what the operator types to submit it. A CMS file
    name is 1 to 8 characters from A-Z, 0-9 and `$ # @ + - : _`. A job that
    runs on each member also gets a member suffix (see BKR223), so keep such
    names short: the help says how many characters the longest suffix
    leaves, and, for a job of IDENTITY users on members that run several
    workers, at most five (its worker tasks are named from the first six
    characters of its per-member name: with six or seven, the same on each
    member, BKR227).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job NIGHTLY.FULL {   # <- BKR303
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `job NIGHTFUL { ... }`.
    """,
)

INVALID_JOB_SUFFIX = register(
    "BKR304",
    "invalid-job-suffix",
    "error",
    "a member's job suffix cannot be part of a CMS file name",
    """
    `job-suffix S` in a member block is appended to the name of every job that
    runs on each member, to make that member's job name unique (SYSINC + 1 =
    SYSINC1). The result is a CMS file name, so the suffix is 1 to 7
    characters from A-Z, 0-9 and `$ # @ + - : _`.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2  job-suffix A.1 }   # <- BKR304
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

    Fix: `job-suffix A`.
    """,
)

INVALID_VOLUME = register(
    "BKR305",
    "invalid-volume-label",
    "error",
    "a DASD volume label (volser) that is not 1-6 letters and digits",
    """
    `private-volume`, `shared-volume` and `disk ... on VOLUME` name DASD
    volumes by their volume label (volser), the name the MDISK statements of
    the generated directory entries use. A volser is 1 to 6 characters from
    A-Z, 0-9 and `@ # $`. A label with a character no label holds, such as
    the `-` of a site's naming scheme (`M4-PRV1`), is named for that
    character, and for its length when it is too long as well.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2  private-volume M1PRIV01 }   # <- BKR305
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          disk BKRBKUP 191 size 10 cyl
          disk BKRCATLG 191 size 10 cyl
          disk BKRWRK* 191 size 5 cyl
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: use the volume's label as `QUERY DASD` shows it: `M1PRV1`.
    """,
)

INVALID_POOL = register(
    "BKR306",
    "invalid-pool-name",
    "error",
    "an SFS file pool or backup disk pool name that z/VM cannot accept",
    """
    `catalog ... pool NAME` names the SFS file pool that holds the catalog: an
    SFS file pool ID is 1 to 8 characters, letters and digits, and starts with
    a letter. `to disk pool NAME` names the backup disk pool, which the job
    template refers to by a CMS name: 1 to 8 characters from A-Z, 0-9 and
    `$ # @ + - : _`. A pool ID written with the colon CMS puts between a
    pool and a path (`pool BKRPOOL:`) gets a help and fix without it.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool 1BKRPOOL   # <- BKR306
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `catalog shared server BKRSVSFS pool BKRPOOL`.
    """,
)

INVALID_GROUP_NAME = register(
    "BKR307",
    "invalid-group-name",
    "error",
    "a group name holding wildcard characters",
    """
    A group's name is what `backup` refers to. `backup` also accepts user IDs,
    so a group name must not look like a pattern: it may not contain `*`, `%`
    or `?`, and bkrc limits it to 32 characters so messages and generated
    comments stay readable. For a name like a pattern, the help writes the
    name without its wildcards (where no other group or user has it) in the
    group and in each `backup` that names it (a `backup` left naming the
    pattern is BKR331); the pattern goes inside the group only where the
    site means every user it matches, which is more users than the group
    listed.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group LNX* { LINUX01 LINUX02 }   # <- BKR307
          job APPSFULL {
            backup LNX* full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `single group LINUXES { LINUX01 LINUX02 }`; to cover every LNX user,
    write the pattern inside the group: `single group LINUXES { match LNX* }`.
    """,
)

EBCDIC_VARIANT_NAME = register(
    "BKR308",
    "ebcdic-variant-name",
    "warning",
    "a generated name holds `$`, `#` or `@`, which differ between EBCDIC code pages",
    """
    bkrc writes plain text files that reach z/VM through FTP or IND$FILE and are
    translated to EBCDIC on the way. Only letters, digits, space and
    `+ < = > % & * " ' ( ) , _ - . / : ; ?` have the same code point in every
    common EBCDIC code page. `$`, `#` and `@` (and `! | [ ] { } ^ ~ \\`) do not:
    a job named PAY$1 written on a PC set up for code page 1047 arrives as a
    different name on a system that reads code page 273 (German) or 297
    (French), and the generated EXEC then submits a job that does not exist.
    The same goes for every name bkrc writes: job and machine names, job
    suffixes, volume labels in the directory entries' MDISK statements, and
    backup pools in the job templates (member and cluster names cannot hold
    them: BKR302). A module checked on its own (`bkrc check
    site/common.bkr`) gets it for the machines it declares with a role.
    The user IDs of groups (`single user LNX$WEB1`, a group's body), which
    the job templates' selections name too, get no warning: they are the
    site's existing machines, which a warning would not get renamed. Where
    they hold `$`, `#` or `@`, transfer the job templates with the code page
    the system reads.
    A catalog server or Tape Manager machine whose name before the `#` is
    what a `disk` statement names (`request-dmm TRDMM#x` beside `disk TRDMM
    191`, a comment written without its blank) is BKR332's, which says it.

    This is a warning: if every system and transfer on the way uses the same
    code page, the name works.

    `#` and `@` set a second trap, at the terminal: they are z/VM's default
    logical line end and logical character delete, two of its logical line
    editing symbols (`@`, the cent sign, `"` and `#`: z/VM 7.3, "Logical
    Escape"). An operator who types `BKRSUBMT SYS#INC1` runs two commands,
    `BKRSUBMT SYS` and `INC1`; `BKRSUBMT PAY@1` reaches the EXEC as
    `BKRSUBMT PAY1`. Type the logical escape `"` before each such character
    (`BKRSUBMT PAY"@1`), or turn the symbol off with CP's TERMINAL command.
    After a failure, BKRSUBMT lists each job left unsent with the escapes
    written in (`EXEC BKRSUBMT JOB PAY"@1`), ready to type. Line editing
    applies to lines typed at the terminal: the commands the EXECs send, and
    a scheduler's `EXEC BKRSUBMT DUE`, which names no job, are not affected.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job PAY$1 {   # <- BKR308
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: rename it with letters and digits only (`PAYD1`), or make sure the
    transfer uses the code page the z/VM system uses.
    """,
)

RESERVED_USER_ID = register(
    "BKR309",
    "reserved-user-id",
    "error",
    "a user or SUBCONFIG ID CP reserves for itself",
    """
    CP reserves the user IDs SYSTEM and SYSTEMMP and the forms LOGNxxxx,
    LOGLxxxx and LOGVxxxx (used during logon) for itself; a directory entry
    with such an ID cannot be logged on to or confuses CP. (A user ID of one
    to four digits, which CP accepts, is BKR341's warning.)

    The IDs bkrc derives are held to the same forms: each worker's (the worker
    pattern `LOGNWK*` gives LOGNWK01) and each SUBCONFIG's, which CP reserves
    alike ("LOGNxxxx, LOGLxxxx, LOGVxxxx, LOGNSYSC, LOGNSYSG, SYSTEM, and
    SYSTEMMP are reserved for CP use", z/VM 7.2, SUBCONFIG Directory
    Statement). A SUBCONFIG ID is the machine's ID plus `-n`, cut to 8
    characters from the ID's first ones, so every IDENTITY machine of 6 or more
    characters that starts LOGN, LOGL or LOGV gets a reserved one (LOGVTM on
    member 2: LOGVTM-2).

    Failing example:

        import std/backup-manager
        single user SYSTEM   # <- BKR309
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

    Fix: choose another ID: `single user SYSADMIN`.
    """,
)

ALL_DIGIT_USER_ID = register(
    "BKR341",
    "all-digit-user-id",
    "warning",
    "a user ID of one to four digits, which CP commands can take for a spool file ID",
    """
    A user ID of one to four digits (`1234`) is one CP accepts, but a CP
    command that takes a user ID or a spool file ID in the same place can
    read it as a spool file's number; IBM advises against such IDs. bkrc
    warns where the file names one: a user's declaration, a group's entry,
    the catalog's SFS server, a Tape Manager machine. (Until stop 82 this
    warning had the code of the IDs CP reserves, BKR309, an error's: an
    allow of it was BKR025, and a site could not keep the ID quietly.)

    This is a warning: the ID works, and `bkrc compile` writes it. A site
    whose CP directory has the ID, and keeps it, says so in the file with its
    reason: `# bkrc: allow BKR341 REASON` at the end of the line that names
    the ID, or on a line of its own above it (docs/language.md, "Allowing a
    warning"); the help says so.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 1234 }   # <- BKR341
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: give the user an ID that starts with a letter in the CP directory
    (`U1234`) and write that ID here; or keep the ID and allow the warning
    on its line: `single group APPS { LINUX01 1234 }   # bkrc: allow BKR341
    the directory's ID since 1998`.
    """,
)

#: The help of an all-digit user ID (BKR341): a new ID, or the allow that keeps this one.
ALL_DIGIT_HELP = (
    "give the user an ID that starts with a letter; if the CP directory keeps this one,"
    " allow it on this line: `# bkrc: allow BKR341 REASON`"
)

#: The help of an invalid cluster or member name (BKR302), also `bkrc init`'s.
CLUSTER_NAME_HELP = "use the SSI cluster name of SYSTEM CONFIG (1-8 letters and digits)"
MEMBER_NAME_HELP = "use the member's system identifier as SYSTEM CONFIG spells it (1-8 letters and digits)"

#: Names the generated files contain, by where they come from.
_RESERVED_EXACT = {"SYSTEM", "SYSTEMMP"}
_RESERVED_PREFIX = ("LOGN", "LOGL", "LOGV")
#: Finds in `Model.id_lines` the IDs `reserved_ids` looks at twice: reserved, or all digits
#: (IDs are the grammar's NAMEs: ASCII, so [0-9] is what `isdigit` accepts).
_RESERVED_SCAN = re.compile(r"\n(SYSTEM|SYSTEMMP|LOG[NLV][^\n]{4}|[0-9]{1,4})(?=\n)")


#: The help of a reserved ID: the forms, and how to leave them.
RESERVED_HELP = "choose another user ID (CP reserves SYSTEM, SYSTEMMP, LOGNxxxx, LOGLxxxx and LOGVxxxx)"


def reserved_id_problem(text: str) -> str | None:
    """Why CP would refuse `text` (upper case) as a user ID it keeps for itself, or None.
    (An all-digit ID is BKR341's warning: `reserved_ids` reports it apart.)"""
    if text in _RESERVED_EXACT or (len(text) == 8 and text.startswith(_RESERVED_PREFIX)):
        return f"`{text}` is a user ID CP reserves for itself"
    return None


def group_name_problem(text: str) -> str | None:
    """Why `text` cannot name a group (a wildcard `backup` would read as a pattern,
    or more than 32 characters), or None."""
    bad = [c for c in dict.fromkeys(text) if c in PATTERN_SET]
    if bad:
        return (
            f"group name {quoted(text)} contains {describe_chars(bad)},"
            " so `backup` would read it as a pattern"
        )
    if len(text) > 32:
        return f"group name {quoted(text)} is {len(text):,} characters long; bkrc allows 32"
    return None


def _user_word_problem(text: str) -> str | None:
    return pattern_problem(text) if is_pattern(text) else user_id_problem(text)


def _range_help(text: str) -> str | None:
    """For a range of IDs (`BKRWRK01-BKRWRK04`), the help that gives the pattern
    naming them; None for any other word. Asked wherever an ID or a pattern stands:
    a group's entry, after `match` (`match LNXP01-LNXP40`), a selection's owner."""
    first, dash, last = text.partition("-")
    if dash and first and last and user_id_problem(first) is None and user_id_problem(last) is None:
        if id_range(text.upper()):
            return _numbered_range_help(first.upper(), last.upper())
        common = os.path.commonprefix([first, last])
        if common:
            return f"a range of user IDs is not one ID; the pattern `{common}*` names every ID that starts `{common}`"
    return None


#: At most this many patterns and IDs are offered for a range (`A0%` .. `A40`); a range
#: that takes more gets its one `%` pattern alone.
_RANGE_PATTERNS = 5


def _numbered_range_help(first: str, last: str) -> str:
    """The help for a range of numbered IDs (`id_range`: `A01-A40`, `LNXP01-LNXP40`):
    the narrowest patterns naming them, `%` for one character, each for a whole run of
    ten (`A0%` `A1%` `A2%` `A3%` and `A40`), with the one `%` pattern (`A%%`) that
    names more; not `A*`, which names every ID that starts `A`. A range counted from
    1 (`A01`) takes its ten's 0 too (`A0%`, `A00`), and the help says so."""
    stem = first.rstrip("0123456789")
    width = len(first) - len(stem)
    low, high = sorted((int(first[len(stem) :]), int(last[len(stem) :])))
    extra = None
    if low % 10 == 1 and low + 8 <= high:
        low, extra = low - 1, f"{stem}{low - 1:0{width}d}"  # `A01-A40`: `A0%`, with `A00`
    names = []
    at = low
    while at <= high:
        k = 0
        while k < width and at % 10 ** (k + 1) == 0 and at + 10 ** (k + 1) - 1 <= high:
            k += 1
        names.append(f"{stem}{at:0{width}d}"[: len(stem) + width - k] + "%" * k)
        at += 10**k
    common = os.path.commonprefix([first[len(stem) :], last[len(stem) :]])
    wide = f"{stem}{common}" + "%" * (width - len(common))
    note = "`%` is any one character" + (f": `{names[0]}` also names `{extra}`" if extra else "")
    if names == [wide]:
        return f"a range of user IDs is not one ID; the pattern `{wide}` names these IDs ({note})"
    more = f"every {len(wide)}-character ID that starts `{stem}{common}`"
    if len(names) > _RANGE_PATTERNS:
        return (
            f"a range of user IDs is not one ID; the pattern `{wide}` names these IDs and more: {more}"
            " (`%` is any one character)"
        )
    listed = ", ".join(f"`{n}`" for n in names[:-1]) + f" and `{names[-1]}`"
    said = f" ({note})" if any("%" in n for n in names) else ""  # `LX1`, `LX2`: IDs, no `%` yet
    return f"a range of user IDs is not one ID; {listed} name these IDs{said}; the one pattern `{wide}` names more: {more}"


def _user_id_help(text: str) -> str:
    """The help for an invalid user ID; for a range of IDs, the pattern that names them."""
    return _range_help(text) or "write the ID as the CP directory has it: 1-8 characters from A-Z 0-9 @ # $ _ -"


def _declared_id_help(model: Model, u, lst, i: int, owners: dict) -> str:
    """BKR301's help for a declared ID CP refuses (`lst.ids[i]`), where the file makes
    the ID knowable: a comment glued to it (`CICSPRD#x`, 9 characters) at the end of
    its line, the blank before the `#`; the ID without the characters CP refuses
    (`LINUX.01`) where a selection names that ID (`include minidisk LINUX01 0191`),
    written with both lines; else the general help. The words beside it are read by
    index, so that a list of thousands of such IDs costs no scan of it per ID."""
    kept = "".join(c for c in u.id if c in USER_ID_CHARS)
    if "#" not in u.id and kept == u.id:
        return _user_id_help(u.id)
    decl = lst.decl
    at = i if lst.users_at is None else lst.users_at[i]
    user_statement = isinstance(decl, ast.UserDecl)
    words = decl.names if user_statement else decl.entries
    word = words[at] if user_statement else words[at].word
    head, hash_, tail = word.text.partition("#")
    if hash_ and valid_user_id(head.upper()):
        line = word.span.line
        after = words[at + 1].span.line == line if at + 1 < len(words) else False
        if user_statement:
            ends = not after and not (decl.role is not None and decl.role.span.line == line)
        else:
            ends = not after and decl.span.end_line > line
        if ends:
            return (
                f"a `#` inside a word is part of it: if a comment follows, write a blank before the `#`:"
                f" `{head} #{tail}` (line {line}); otherwise write the ID as the CP directory has it"
            )
    if kept != u.id and valid_user_id(kept):
        if not owners and model.cluster is not None:
            cluster = model.cluster
            selections = [s for j in cluster.jobs for s in j.selections]
            selections += [s for m in cluster.members for s in m.selections]
            for s in selections:
                if s.owner is not None:
                    owners.setdefault(s.owner.upper, s.owner.span)
            owners.setdefault("", None)  # read: not again
        seen = owners.get(kept)
        if seen is not None:
            return f"write `{kept}` for `{word.text}` (line {word.span.line}), as line {seen.line} names it"
    return _user_id_help(u.id)


def _short_range(text: str) -> str | None:
    """The problem of a word CP would take for one user ID (8 characters or fewer)
    that is a range of IDs (`A01-A40`): it would name no user, without a word."""
    if len(text) <= 8 and id_range(text):
        return f"{quoted(text)} is a range of user IDs, not one user ID"
    return None


@check
def user_ids(model: Model):
    owners: dict[str, object] = {}  # the selections' owners, read once, on the first ID that needs them
    for u, problem, lst, i in invalid_user_entries(model):
        yield INVALID_USER_ID(problem, u.span, help=_declared_id_help(model, u, lst, i, owners))
    # The IDs holding a `-` (one C-speed `in` test when none does), then those that are ranges.
    ranges = {i for i in model.ids_holding("-") if _short_range(i)}
    for u in model.defs_of(ranges):
        yield INVALID_USER_ID(_short_range(u.id), u.span, help=_user_id_help(u.id))
    for p in model.pattern_defs:
        problem = pattern_problem(p.pattern) or _short_range(p.pattern.upper())
        if problem:
            yield INVALID_USER_ID(
                problem,
                p.span,
                help=_range_help(p.pattern) or "a pattern is a user ID with the wildcards `*`, `%` or `?`",
            )
    cluster = model.cluster
    if cluster is None:
        return
    # A selection's owner, or a `disk` statement's user (`disk BKRWRK* ...`), may be a pattern.
    # An owner written after its addresses (`exclude minidisk 0200-02FF LNX*`) is
    # BKR310's, once for the statement: its range is not a user ID to report here.
    selections = [s for j in cluster.jobs for s in j.selections] + [s for m in cluster.members for s in m.selections]
    # An owner left out (`include minidisk 0191-01FF 0200`) is BKR310's too.
    words = [
        s.owner
        for s in selections
        if s.owner is not None and owner_after_addresses(s) is None and not owner_left_out(s, model)
    ]
    words += [d.user for d in cluster.disks]
    links = [ast.link_parts(s) for s in model.link_statements]
    words += [parts[0] for parts in links if parts is not None and parts[0].text]  # a machine, or the workers' pattern
    for w in words:
        if w.text == "*":
            continue
        problem = _user_word_problem(w.text) or _short_range(w.upper)
        if problem:
            yield INVALID_USER_ID(problem, w.span, help=_range_help(w.upper) or "1-8 characters from A-Z 0-9 @ # $ _ -")
    # A machine the cluster names (which bkrc writes a directory entry and files
    # for) is one user ID: no wildcards.
    machines = [w for c in cluster.catalogs for w in c.server]
    machines += [n.name for t in cluster.tapes for n in t.machines]
    for w in machines:
        problem = user_id_problem(w.text)
        if problem:
            yield INVALID_USER_ID(
                problem,
                w.span,
                help="a machine is one user ID, 1-8 characters from A-Z 0-9 @ # $ _ -;"
                " wildcards are for groups and selections",
            )
    # A `link` statement's owner: the one entry whose minidisk the machine links.
    for parts in links:
        if parts is None or not parts[1].text:
            continue
        problem = user_id_problem(parts[1].text)
        if problem:
            yield INVALID_USER_ID(
                f"the owner of a linked disk: {problem}",
                parts[1].span,
                help="write the user ID whose entry has the minidisk, as the site's directory names it,"
                " 1-8 characters from A-Z 0-9 @ # $ _ -: `link BKRBKUP 5697J06C 05E5 RR`",
            )


@check
def reserved_ids(model: Model):
    words = [(u.id, u.span) for u in model.defs_of(model.find_ids(_RESERVED_SCAN))]
    cluster = model.cluster
    if cluster is not None:
        words += [(w.upper, w.span) for c in cluster.catalogs for w in c.server]
        words += [(n.name.upper, n.span) for t in cluster.tapes for n in t.machines]
    if words and model.groups:
        from bkrdsl.check.declarations import read_on_ids  # only where an ID may be BKR021's

        read_on = read_on_ids(model)
        words = [(text, span) for text, span in words if span.start not in read_on]
    for text, span in words:
        problem = reserved_id_problem(text)
        if problem:
            yield RESERVED_USER_ID(problem, span, help=RESERVED_HELP)
        elif 1 <= len(text) <= 4 and text.isdigit():
            yield ALL_DIGIT_USER_ID(
                f"user ID `{text}` is all digits and can be taken for a spool file ID", span, help=ALL_DIGIT_HELP
            )
    if not PARTIAL.get():  # a syntax error may have lost a member's `workers`
        yield from _reserved_worker_ids(model)


def _reserved_worker_ids(model: Model):
    """A worker pattern whose workers' IDs CP reserves (`LOGNWK*`: LOGNWK01): the
    workers are written as IDENTITY entries, but no statement names them."""
    decl = next(iter(model.role_patterns("worker")), None)
    if decl is None or model.cluster is None:
        return
    workers = [m for m, role in model.machine_roles().items() if role == "worker"]
    reserved = next((w for w in workers if reserved_id_problem(w)), None)
    if reserved is not None:
        yield RESERVED_USER_ID(
            f"worker pattern {quoted(decl.pattern)} gives {quoted(reserved)}, a user ID CP reserves for itself",
            decl.span,
            help=RESERVED_HELP,
        )


@check
def system_names(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    problem = system_name_problem(cluster.name.text, "cluster name")
    if problem:
        yield INVALID_SYSTEM_NAME(problem, cluster.name.span, help=CLUSTER_NAME_HELP)
    for m in cluster.members:
        problem = system_name_problem(m.name.text)
        if problem:
            # The statements that name the member too, by line: renamed in its block
            # alone, as the help read, they named a member no more (BKR330).
            lines = sorted({w.span.line for w in cluster.member_references() if w.upper == m.name.upper})
            also = (
                f", in its `member` block and where the file names it again (line{'s' if len(lines) > 1 else ''}"
                f" {', '.join(map(str, lines))})"
                if lines
                else ""
            )
            yield INVALID_SYSTEM_NAME(problem, m.name.span, help=MEMBER_NAME_HELP + also)


@check
def job_names(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    models = {id(j.decl): j for j in model.jobs}
    for j in cluster.jobs:
        problem = cms_name_problem(j.name.text, "job name (a CMS file name)")
        if problem:
            job = models.get(id(j))
            fix, help = _job_name_cut(cluster, j, job), _job_name_help(model, job)
            if fix is not None:  # `write `GUESTFUL` (its first 8 characters), or 1-8 characters from ...`
                help = f"write `{fix.edits[0].new_text}` (its first 8 characters), or {help.removeprefix('write ')}"
            yield INVALID_JOB_NAME(problem, j.name.span, help=help, fix=fix)
    for m in cluster.members:
        for s in m.settings_named("job-suffix"):
            for w in s.values:
                problem = name_problem(w.text, CMS_NAME_CHARS, 7, "job suffix")
                if problem:
                    yield INVALID_JOB_SUFFIX(
                        problem,
                        w.span,
                        help="1-7 characters from A-Z 0-9 $ # @ + - : _ (it ends a CMS file name)",
                    )


def _job_name_cut(cluster: ast.Cluster, decl: ast.Job, job) -> Fix | None:
    """BKR303's fix for a name too long alone (`job GUESTFULL`, 9 characters of a CMS
    file name's): its first 8, where no other job has that name and the job gets no
    name per member (whose suffix leaves less room: `_job_name_help` says how much)."""
    up = decl.name.upper
    if len(up) <= 8 or not set(up) <= CMS_NAME_CHARS or (job is not None and job.derives_names):
        return None
    cut = up[:8]
    if any(other is not decl and other.name.upper == cut for other in cluster.jobs):
        return None
    return Fix(f"Write `{cut}`", (Edit(decl.name.span, cut),))


def _job_name_help(model: Model, job) -> str:
    """BKR303's help: the characters a job name may hold, and how many. A job that
    gets a name per member (`SYSINC1` on VMSYS1: `JobModel.derives_names`) ends in
    each member's suffix, so the room its longest suffix leaves is what the help
    says: a name of 8 characters would only be BKR223's error next; and five at
    most where its members run several workers (`jobs.worker_room`): six or seven,
    as the help allowed, were BKR227's warning next."""
    chars = "A-Z 0-9 $ # @ + - : _"
    if job is None or not job.derives_names:
        return f"write 1-8 characters from {chars}"
    members = [m for m in map(model.member, job.members) if m is not None]
    members = [m for m in members if name_problem(m.job_suffix, CMS_NAME_CHARS, 7, "suffix") is None]
    if not members:
        return f"write 1-8 characters from {chars}"
    longest = max(members, key=lambda m: len(m.job_suffix))
    most = 8 - len(longest.job_suffix)
    from bkrdsl.check.jobs import worker_room

    shared = model.catalog is None or model.catalog.scope is not ast.Scope.LOCAL
    if shared and worker_room(model, job) < most:
        # Six or seven characters, as the help allowed, give worker tasks of one name on
        # each member (BKR227, APAR PH50490): five keep the member's suffix in them.
        return (
            f"write 1-{worker_room(model, job)} characters from {chars}; on each member the name gets the"
            f" member's suffix (`{longest.job_suffix}` on `{longest.name}`), and its worker tasks are named"
            " from the first six characters (BKR227)"
        )
    return (
        f"write 1-{most} characters from {chars}; on each member the name"
        f" gets the member's suffix, `{longest.job_suffix}` on `{longest.name}`"
    )


@check
def volume_names(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    words = [w for m in cluster.members for s in m.settings_named("private-volume") for w in s.values]
    words += [w for s in cluster.settings if s.keyword == "shared-volume" for w in s.values]
    words += [d.volume for d in cluster.disks if d.volume is not None]
    for w in words:
        problem = volume_problem(w.text)
        if problem:
            yield INVALID_VOLUME(problem, w.span, help=_volume_help(w.text))


def _volume_help(text: str) -> str:
    help = "a volume label is 1-6 characters from A-Z 0-9 @ # $"
    if ast.is_size_shaped(text):  # a size, but not right after a label of its own (ast.size_indexes)
        return f"{help}; a volume's size goes right after its label, once (`shared-volume VMCOM1 3390-9`)"
    return help


@check
def pool_names(model: Model):
    cluster = model.cluster
    if cluster is None:
        return
    for c in cluster.catalogs:
        for w in c.pool:
            up = w.upper
            problem = name_problem(
                w.text, frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), 8, "SFS file pool ID"
            )
            if problem is None and not up[:1].isalpha():
                problem = f"{quoted(w.text)} starts with `{up[0]}`; an SFS file pool ID starts with a letter"
            if problem and up.endswith(":") and name_problem(
                up[:-1], frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), 8, "SFS file pool ID"
            ) is None and up[:1].isalpha():
                # `pool BKRPOOL:`: the colon CMS writes between a pool and a path.
                yield INVALID_POOL(
                    problem,
                    w.span,
                    help=f"write `pool {up[:-1]}`: the `:` joins a pool to a path (`{up}USER.DIR`), not to its ID",
                    fix=Fix.replace(f"Write `{up[:-1]}`", w.span, up[:-1]),
                )
            elif problem:
                yield INVALID_POOL(problem, w.span, help="1-8 letters and digits, starting with a letter")
    for j in cluster.jobs:
        for t in j.targets:
            if t.pool is not None:
                problem = cms_name_problem(t.pool.text, "backup pool name")
                if problem:
                    yield INVALID_POOL(problem, t.pool.span, help="1-8 characters from A-Z 0-9 $ # @ + - : _")


@check
def group_names(model: Model):
    for g in model.groups:
        problem = group_name_problem(g.decl.name.text)
        if problem:
            wildcard = any(c in PATTERN_SET for c in g.decl.name.text)
            yield INVALID_GROUP_NAME(
                problem,
                g.decl.name.span,
                help=_plain_group_help(model, g) if wildcard else "choose a shorter name",
            )


def _plain_group_help(model: Model, g) -> str:
    """BKR307's help for a group named like a pattern (`single group LNX*`): the name
    without its wildcards written for it, in the group and in each `backup` that names
    it, where that name is free; the pattern inside the group only for a site that meant
    every user it matches. (The help said "name the group plainly and put the pattern
    inside it: `match LNX*`", whatever the group's name: the `backup` lines, left naming
    `LNX*`, were then BKR331's, and the pattern added users the group had not listed.)"""
    name = g.decl.name.text
    plain = "".join(c for c in name if c not in PATTERN_SET).upper()
    inside = f"to back up every user {quoted(name)} matches, put `match {name}` inside the group"
    taken = any(other is not g and other.name == plain for other in model.groups) or model.user(plain) is not None
    if not plain or group_name_problem(plain) is not None or taken:
        return f"name the group plainly; {inside}"
    kind = "identity" if g.kind is ast.Kind.IDENTITY else "single"
    edits = [f"`{kind} group {plain}` for `{kind} group {name}` (line {g.decl.name.span.line})"]
    for j in model.jobs:
        for b in j.decl.backups:
            if any(w.upper == name.upper() for w in b.groups):
                edits.append(f"`backup {plain}` for `backup {name}` (line {b.span.line})")
    return f"name the group plainly: write {', and '.join(edits)}; {inside}"


def _variant_warning(what: str, text: str, span):
    chars = variant_chars(text)
    return EBCDIC_VARIANT_NAME(
        f"{what} `{text}` holds {describe_chars(chars)}, which is not the same character in every EBCDIC code page",
        span,
        help="use letters and digits only, or make sure every transfer uses the z/VM system's code page",
    )


@check
def ebcdic_variants(model: Model):
    """Names bkrc writes into file names, directory entries and EXECs: a module's
    declarations too, when it is checked without the cluster that imports it."""
    checks = []  # (what, text, span, valid)
    for u in model.role_defs():
        checks.append((f"{u.role} user ID", u.id, u.span, user_id_problem(u.id)))
    for p in model.pattern_defs:
        if p.role is not None:
            checks.append((f"{p.role} pattern", p.pattern, p.span, pattern_problem(p.pattern)))
    cluster = model.cluster
    if cluster is not None:
        checks += _cluster_names(cluster)
    seen = set()
    # `request-dmm TRDMM#x` beside `disk TRDMM 191`: BKR332 says it at the disk, its help naming the `#`.
    seen.update(span for _, span, _ in hash_glued_machines(model).values())
    if PARTIAL.get():
        # with syntax errors, whether a machine's `#` is BKR332's turns on `disk` statements perhaps lost
        seen.update(span for what, text, span, _ in checks if "#" in text and what in _MACHINE_NAMES)
    for what, text, span, problem in checks:
        if problem is None and variant_chars(text) and span not in seen:
            seen.add(span)
            yield _variant_warning(what, text, span)


#: What `_cluster_names` calls the machines `hash_glued_machines` reads.
_MACHINE_NAMES = frozenset({"catalog server", "Tape Manager machine"})


def _cluster_names(cluster) -> list:
    """(what, text, span, problem) of the names the cluster block gives (ebcdic_variants).
    Not the cluster and member names: `$ # @` make them invalid (BKR302)."""
    checks = []
    for m in cluster.members:
        for s in m.settings_named("job-suffix"):
            for w in s.values:
                checks.append(
                    ("job suffix", w.upper, w.span, name_problem(w.text, CMS_NAME_CHARS, 7, "suffix"))
                )
    for j in cluster.jobs:
        checks.append(("job name", j.name.upper, j.name.span, cms_name_problem(j.name.text)))
    for c in cluster.catalogs:
        for w in c.server:
            checks.append(("catalog server", w.upper, w.span, user_id_problem(w.text)))
    for t in cluster.tapes:
        for n in t.machines:
            checks.append(("Tape Manager machine", n.name.upper, n.name.span, user_id_problem(n.name.text)))
    # Volume labels go into MDISK statements of the directory entries.
    volumes = [w for m in cluster.members for s in m.settings_named("private-volume") for w in s.values]
    volumes += [w for s in cluster.settings if s.keyword == "shared-volume" for w in s.values]
    volumes += [d.volume for d in cluster.disks if d.volume is not None]
    for w in volumes:
        checks.append(("volume label", w.upper, w.span, volume_problem(w.text)))
    # A job's backup pool goes into its template.
    for j in cluster.jobs:
        for t in j.targets:
            if t.pool is not None:
                checks.append(("backup pool", t.pool.upper, t.pool.span, cms_name_problem(t.pool.text)))
    return checks
