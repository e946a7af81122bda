"""Codes for problems found while reading and parsing a file (BKR0xx)."""

from bkrdsl.diagnostics.registry import register

BINARY = register(
    "BKR001",
    "binary-input",
    "error",
    "the file holds binary data, not text",
    """
    A .bkr file is text. This file contains a NUL byte or other control
    characters that never appear in text, so it is probably a binary file (a
    VMARC archive, a packed file, a disk image) or a file saved in a text encoding
    that is not UTF-8, such as UTF-16. A file in UTF-16 or UTF-32 (what a
    Windows editor saves as "Unicode"), told by its byte-order mark or, without
    one, by its first characters (ASCII, each with its NULs), is named so at
    its first character, whose help is the `iconv` command that converts it;
    any other file is said at its first NUL, by line and column, and where it
    also holds bytes that are not UTF-8, BKR002 says the first of them too.

    Failing example: a file that starts with the bytes `00 00 FE FF`.

    Fix: pass the .bkr source, or convert it to UTF-8 (for example with
    `iconv -f UTF-16 -t UTF-8`).
    """,
    no_example="binary bytes, which a text example cannot hold",
)

BAD_UTF8 = register(
    "BKR002",
    "invalid-utf8",
    "error",
    "the file is not valid UTF-8",
    """
    bkrc reads .bkr files as UTF-8 (a byte-order mark is allowed and ignored).
    The byte at the reported line and column does not start a valid UTF-8
    sequence (only the first such byte is reported, with BKR001 at the first
    NUL where the file holds one too). Files copied from z/VM in binary mode
    are EBCDIC; files saved by some Windows editors are in a legacy code page
    such as cp1252.

    Failing example: a comment with `é` saved in Latin-1 (byte E9).

    Fix: transfer the file from z/VM in text (ASCII) mode, or convert it:
    `iconv -f CP1252 -t UTF-8 old.bkr > new.bkr`.
    """,
    no_example="bytes that are not UTF-8, which a text example cannot hold",
)

BAD_CHARACTER = register(
    "BKR003",
    "unexpected-character",
    "error",
    "a character that cannot appear here",
    """
    The lexer met a character that no .bkr token can start with. z/VM names use
    only A-Z, 0-9 and `$ # @ _ - + : .`; patterns add `*`, `%` and `?`; text
    with any other character belongs inside a "quoted description". Non-ASCII
    letters are not allowed in names: CP and CMS cannot store them; a
    letter with an accent or an umlaut gets the plain letter to write for
    it (`A` for `Ä`). A .bkr
    file has no variables: `run on &SYSNAME` is one error at the `&`, and
    bkrc reads on as if a member were named there. A typographic dash (`–`,
    from text pasted out of a word processor) is named, with the plain `-`
    to write, which its fix writes where the dash joins two words
    (`0100–0FFF`; between blanks it may be no range); between two days after `weekly` (`weekly mon – fri 22:00`),
    which takes no range, it is the one error, whose help writes the days one
    by one, `weekly mon,tue,wed,thu,fri 22:00`, as does its fix where the time
    is written (without the time, HH:MM, no fix); a `/` between the names of a list (`weekly sat/sun`) with the
    commas to write, which its fix writes, and the list is read as meant. So is a `;` between them
    (`backup APPS; LINUX full`, `run on VMSYS1; VMSYS2`): one error for the
    list, whose fix writes a `,` for each `;` (a `;` after a statement is
    one too many, as in C, and its fix removes it: `workers 2;`). In a group body, whose entries are separated by
    blanks or new lines, the `;` between or after them
    (`single group APPS { CICSPRD; DB2PRD; }`) are one error, whose fix
    removes them. A `.` that ends a statement's line, as a sentence ends
    (`retain 35 days.`), is one error whose fix removes it, also where it
    ends the statement's last value (`to disk pool BKUPPOOL.`, `daily
    23:30.`, or before the block's `}`: `{ workers 4  private-volume
    M1PRV1. }`), which is read without it: not a name too long, nor a time
    that is none (a user ID's in a group body, which holds no statement, is
    one a user ID cannot hold: BKR301). (An SFS path's last `.`, `POOL:USER.`, is BKR318's: CMS
    writes a top directory so.) A module path written
    with Windows' backslash (`import std\\zvm73`) is one error at the `\\`,
    whose fix writes `/`; the path is read as `std/zvm73`. A blank of
    another script (a non-breaking space, U+00A0, pasted out of a web page;
    an em or ideographic space), or a run of them, is one error whose fix
    writes an ordinary space for each (a line or paragraph separator, a
    line end). So is a vertical tab (VT, U+000B), which a word processor
    writes for a line break within a paragraph: its fix writes a line end.
    A form feed (FF, U+000C), the page break of a file printed or listed on
    CMS, is no error: both parsers read it as a blank wherever a blank may
    stand (on a line of its own too), and `bkrc fmt` writes it as one; in a
    comment or a text it is one more character. Any other control character
    outside a comment or a text (a BOM past the file's start, U+FEFF) is
    this error, whose fix removes it, or the run of them; the word after
    them is read (`\\x01cluster PRODSSI {` opens the cluster), and one before
    each line is an error for each line. A `)` or `]` that no bracket
    opens, where the file's braces balance, alone on its line or last on
    a line whose other brackets balance (`daily 02:00)`), is one error
    whose fix removes it (the line, where it stands alone).

    Failing example:

        single group PAYROLL { LOHNÄMT }

    Fix: spell the name with the characters z/VM accepts (`LOHNAMT`), or
    quote free text in a `description "..."`.
    """,
)

SYNTAX = register(
    "BKR004",
    "syntax-error",
    "error",
    "the text does not follow the .bkr grammar here",
    """
    The parser met a word or symbol where the grammar expects something else.
    The message says what was expected, in the language's own terms. One
    mistake can hide its neighbours for a moment: bkrc skips to the next
    statement and carries on, so every independent syntax error in a file is
    reported in one run.

    What reads naturally in English but is not the language's form gets the
    form to write, with the file's own values: `run on every member` (or `all
    members`) is `run on each member`; `daily at 02:00` is `daily 02:00`;
    `weekly on sun 03:00` is `weekly sun 03:00`; `to disk BKUPPOOL` is `to
    disk pool BKUPPOOL` (with words no statement has a place for after it,
    `to disk BKUPPOOL now`, the fix writes it without them, and their own
    error's help writes it too); `to dasd` is `to disk`; a machine's minidisk given
    as `minidisk BKRBKUP 191 size 10 cyl` is `disk BKRBKUP 191 size 10 cyl`;
    a module included as C includes a file (`include std/zvm73`) is imported.
    Where a disk starts on its volume is written `on VOLUME at START`: `at
    1000` without the volume, or a number alone after the size as CP's MDISK
    writes the start (`size 20 cyl 1000`), says the volume is missing, and
    has no fix, the volume being a choice; a number after the volume (`on
    VMCOM1 1000`) has only its `at` missing, which the fix writes, and the
    start before the volume (`size 20 cyl 1000 on VMCOM1`) is one error whose
    fix writes `on VMCOM1 at 1000`.
    A quoted text alone at the start of a line where a statement starts is
    the text of a `description`, whose keyword the fix writes; right under a
    description's text, it goes on with that text, and the fix joins the
    two (a text stays on its line).

    A word after a statement that is already whole (`workers 4 4`, `backup
    APPS full now`, a second member after a catalog's `on VMSYS1`) is one
    word too many: the message names the statement, and the help shows it
    without the word (for `backup`, also with the word listed before the
    level). A fix removes the word only when it repeats the one before it
    (`workers 4 4`); any other may be the trace of a slip earlier on the line
    (`server BKRSVSFSpool BKRPOOL`), or the word meant (`workers 2 4`).
    Where the statement's last value has a `#` inside, small letters after
    it (`workers 4#four as planned`), the words are a comment glued to the
    value, as a `#` inside a word is part of it: the error says so, and its
    help and fix write a blank before the `#` (not for a name with a `#`,
    `SYS#1`); with the block's `}` after the words on the line (`{ workers
    4#four as planned }`), which the comment would take, they write the `}`
    before the comment (`workers 4 } #four as planned`), the block closed.
    Two words or more to the end of its line (`run on VMSYS1 daily 02:00
    now now`), none a keyword, a value's shape (a time, a number, a day)
    or a name in capitals, where the statement takes no option more, are
    one error, "2 words too many", its help writing the statement without
    them, no fix (not "`now` is not a keyword").
    Where the words before it make a statement only with words the
    recovery supplied (`to BKUPPOOL now`, the medium and `pool` missing;
    `run VMSYS1 daily 02:00 now`, `on` missing), the help says how the
    statement is written (`to disk pool NAME` or `to tape pool NAME`), not
    those words, which are none, and no fix removes a repeat (`to now now
    pool disk`).
    Where a keyword left out would take the word (`catalog shared BKRSVSFS`,
    `server`, `pool` or `on` forgotten; `workers 2 VAPRV1`, `private-volume`
    or `job-suffix` forgotten), the message says the value has no keyword,
    and the help names each keyword that fits, without a fix; not a
    statement's keyword after a keyword's one value (`to disk pool BKUPPOOL
    BKUPPOL2` is a word too many, as `pool` takes one value, not a `backup`
    left out). A keyword
    written twice in a row (`private-volume private-volume M2PRV1`, `member
    member VMSYS2 {`, `job job APPSFULL {`, `backup backup APPS full`,
    `single single group`, `include include minidisk`, `purge purge weekly`,
    `import import std/zvm73`) is one error, "`member` is written twice",
    whose fix removes the second, and the statement is read without it (not
    a volume label too long, a member named MEMBER or a module `import`).
    Written three times or more (`catalog catalog catalog shared`, `backup
    backup backup APPS full`, `import import import std/zvm73`), it is one
    error at the second, "`catalog` is written three times in a row", over
    the repeats, whose fix removes them all (not one error per repeat, nor a
    scope, group or server CATALOG, nor a module `import` then a second import).
    A keyword being typed where the statement needs one of a few, a letter or
    two in small letters that begin it (`disk BKRBKUP 191 s`, `single g`,
    `purge w`, `catalog s`), is read as a name after the keyword missing, and
    the help writes the keyword in the letters' place, "`s` begins `size`:
    write `size` in place of `s`" (two begun, `purge m`: "`m` begins `manual`
    or `monthly`: write the keyword in full"), not "write `size` after
    `191`", which keeps the letters; no fix, the statement being unfinished
    (nor, after `catalog`, *Insert `shared`*: `catalog shared s`). In capitals
    (`single G`) the letters may be a name, and the help is the statement's.
    A statement's keyword alone on its line, then first on the next (`backup`,
    then `backup APPS full`: the line typed again whole), is one error at the
    second, "`backup` is written twice: alone on its line, then again on the
    next", whose help writes the line once and whose fix joins the two (not
    the first cut short, "expected a group name after `backup`", nor, for
    `include` above `include minidisk * 0191`, the words the wrong way round).
    Written again after itself there, nothing else on its line (`include
    include`, then `include minidisk * 0191`), it is one error at the one
    below, "`include` is written three times: twice on its line, then again
    on the next", whose fix joins the lines as well (not "expected `minidisk`
    or `sfs` after `include`, found `include`" and the words below the wrong
    way round); so too where the word above reads as the keyword's value
    (`import import`, then `import std/zvm73`; `backup backup`, then `backup
    APPS full`: not a module `import` or a group BACKUP, though `backup
    BACKUP` in capitals, a name as CP writes it, is a group BACKUP still).
    `import` written three times or more with nothing after it on its line
    is one error, "`import` is written three times in a row, with no module
    path after it", without a fix (not a module `import`, then an `import`
    without its path), whose help lists the standard library's modules. So is any statement's keyword written over with
    nothing after it on its line but a comment or its block's `}`
    (`workers workers`, `private-volume private-volume`, `include include
    include`, `run run`, `catalog catalog`, `backup backup backup`):
    "`workers` is written twice, with no number of worker machines after
    it", over the repeats, whose help says to remove them and what to write
    after the first, as the keyword alone says it (`run`'s names the
    members, `catalog`'s the scope to choose); no fix, as what was meant is
    not known (was an error at each, or the value missing and a fix that
    removed the second and left it missing). Twice, a keyword whose value
    may be its own word is read as that value (`backup backup`, a group
    BACKUP; `import import`, a module `import`: BKR331 and BKR101 say it is
    the keyword twice where no group BACKUP, or module `import`, is found);
    `match match` at the
    end of its line is the keyword twice (`match match }` is a pattern).
    So too where the values follow without the word the keyword takes
    first (`run run VMSYS1 daily 02:00`, `single single APPS {`, `include
    include * 0191`): one error, "`run` is written twice, with no `on` after
    it", whose help is the first's own ("write `run on VMSYS1`") and whose
    fix, where that help's is certain, removes the repeats and makes it
    (was an error at each, the first's fix leaving the repeat); where the
    word after the repeats is what the first's own error is said at (`to to
    pool BKUPPOOL`, `preview preview 01:00`), that error is said in this one
    too, "`to` is written twice, with no `disk` or `tape` after it", its help
    the first's ("write `to disk pool BKUPPOOL` or `to tape pool
    BKUPPOOL`"), each of its choices removing the repeat as well.
    Where the keyword's value may be the keyword's own word, it is twice only
    when what follows reads after the first and not after a name: `member
    member {` declares a member MEMBER. In small letters after `minidisk`,
    `sfs` or `match` (`include minidisk minidisk * 0191`) it is twice too: an
    owner, path or pattern MINIDISK is written in capitals, as CP writes it.
    A name or module path in quotes (`job "NIGHTLY"`, `import "std/zvm73"`)
    is read as written without them, and a fix removes the quotes (for a
    name, where it is no keyword and holds no blank). So is a user ID in
    quotes in a group body (`single group APPS { "CICSPRD" DB2PRD }`), one
    error for each, where the text inside is a user ID and no keyword.
    So is a user ID quoted inside an SFS path (`include sfs
    BKRPOOL:"CICSPRD".*`): a fix removes the quotes when the path without
    them is one word.
    A keyword that starts no statement, written in small letters after a
    volume list's labels (`private-volume M1PRV1 shared`, `shared-volume
    VMCOM1 on VMSYS1`, `daily` alone on the line below the labels), is no
    label, as a label is written in capitals (`QUERY DASD` shows them so):
    the message says it is a keyword, the help what it is and where it is
    written (`shared`, the scope of `catalog shared ...` or `tape manager
    shared ...`, in the cluster block), and the list reads on without it.
    A volume labelled so is written in capitals, `SHARED`. A statement's
    keyword there, and the words after it on its line (`retain 30 days`),
    are labels that BKR021 warns of; `shared catalog ...` on the line
    after the labels of a member is that statement the other way round,
    misplaced (BKR013). So is a value's word that no keyword spells, in
    small letters: a disk's size unit (`cyl`, `blocks`), a wait's unit
    (`seconds`), a day of the week (`sun`), whose message says it is a
    unit or a day (they were read as labels CYL, SUN, silently). The words
    after such a keyword on its line that are its own, in small letters or
    no label (`size 10 cyl`, `monthly first sun 02:00`), are the same one
    error, which says what was written (a disk's size, a schedule), and
    are skipped with it: not one error per keyword. A group declared
    there, `group TESTERS { TEST01 }`, is BKR013.
    Where a statement starts, a keyword that starts none, written with
    only the statement keyword that takes it left out (`shared server BKRSVSFS`,
    `manager shared`, `on VMSYS1` or `user LNXTEST` in the cluster,
    `daily 02:00` in an `expire` block), is "expected `catalog` before
    `shared`", whose help writes the statement out with the line's own
    words (`catalog shared server BKRSVSFS`; both choices, `identity user
    LNXTEST` or `single user LNXTEST`; with a block's `{ ... }` the line
    lacks, `expire on VMSYS1 { ... }`, not also the `{` missing, BKR011);
    where that one keyword makes the line a whole statement, a fix inserts
    it (`catalog ` before `shared server BKRSVSFS pool BKRPOOL on VMSYS1`,
    `run ` before `on VMSYS1 daily 02:00` in a job; not for two choices,
    `identity` or `single`, nor for a line cut short).
    So is `manager shared ...` on the line after the cluster's volume
    labels (`shared-volume VMCOM1`): "expected `tape` before `manager`",
    not more labels, a scope and an `on` among them. A scope that starts
    a cluster statement's line with an option only Tape Manager takes on
    it (`shared catalog-node TCTMM on VMSYS1 request-node TRTMM`), also on
    the line after the cluster's volume labels, is "expected `tape
    manager` before `shared`", its help writing `tape manager shared
    catalog-node TCTMM on VMSYS1 request-node TRTMM`, and its fix inserting
    `tape manager ` (none for `shared catalog-node TCTMM`, its `on` missing
    too): not `catalog` left
    out nor `shared-volume` misspelt (BKR012), and no BKR013 at the option.
    Where more than one keyword is missing before it (`role worker`,
    `full`, `at 100`, `each member`), the message says that the word
    starts no statement, what it is and where it is written; the help
    names the statement of this block it belongs to (`backup` for `full`
    in a job, `disk` for `at` in the cluster, `identity` or `single` for
    `role`), or, where this block takes none, the keywords its statements
    start with. Neither has a fix: what was meant is the writer's, unless
    the statement's keyword is on the line, written after words of its
    own, and one order of the line's words, and one only, makes it a
    whole statement whose values have their places' shapes (a time HH:MM
    last in a schedule, days of the week after `weekly`, a number after
    `retain`: `on VMSYS1 run weekly now sun` has no such order, and
    no fix): then the help and the fix write the line so (`full
    backup APPS` is `backup APPS full`, `on VMSYS1 run daily 02:00` and
    `daily 02:00 run on VMSYS1` are `run on VMSYS1 daily 02:00`), and the
    line is that one error. So is a value written before the keyword
    (`35 days retain` is `retain 35 days`), and a job's medium after its
    pool (`to pool BKUPPOOL disk` is `to disk pool BKUPPOOL`), also with
    two words out of place, which no one move sets right (`to BKUPPOOL
    pool disk`). On the line after a selection's addresses or SFS paths
    (`pool BKUPPOOL to disk` under `include sfs ...`), such a line,
    starting with a keyword in small letters, is that one error, not more
    names of the list. Where only the line's words but its last ones make
    the statement so (`on VMSYS1 run daily 02:00 now`, `to BKUPPOOL pool
    disk now now`), the fewest such, those are a second error, one word
    too many (or "2 words too many", naming them), whose help writes the
    statement in order, without a fix (not where a keyword among them
    would make the statement in place of one kept, `to pool BKUPPOOL disk
    tape`: which medium is meant is the writer's, nor where a keyword is
    among them, `weekly now sun 02:00` after `on VMSYS1 run`). Where all
    the line's words but one between its first and its last make it so,
    that word one no statement has a place for (no keyword, no value's
    shape, no name in capitals: `now` in `on VMSYS1 run weekly now sun
    02:00`, `to BKUPPOOL now pool disk`), the help and the fix write the
    statement in order without it, and the word is a second error, "one
    word too many: the `run` statement has no place for `now`", whose help
    writes the statement in order, without a fix (not for two such words,
    nor where the word left out leaves a choice, `to BKUPPOOL now pool
    disk tape`). So for a schedule written first (`daily now 01:00 run
    on VMSYS1` is `run on VMSYS1 daily 01:00`, then `now`), also with
    the word last on the line, after the members (`daily 01:00 run on
    VMSYS1 now`: the fix leaves it out too; two such words last, `now
    now`, are left out too, one error for both, "2 words too many");
    members named without their `,` (`daily 01:00 run on VMSYS1
    VMSYS2`) are one error, whose help and fix write `run on VMSYS1,
    VMSYS2 daily 01:00` and say the `,` missing, as in order (with such
    a word last after them, `daily 01:00 run on VMSYS1 VMSYS2 now`, the fix
    leaves it out and it is one word too many, as after `VMSYS1`); a
    `weekly` schedule there whose days are a range (`weekly mon-fri 22:00
    run on VMSYS1`, also `mon - fri`, `mon- fri`) is one error, whose help
    and fix write the line in order with the days one by one, `run on
    VMSYS1 weekly mon,tue,wed,thu,fri 22:00` (without the time, HH:MM and
    no fix; with members named without their `,`, `... run on VMSYS1
    VMSYS2`, the `,` written and said too, but in a job of
    single-configuration users, which runs on one member, the line on one
    member, as for `run weekly mon-fri 22:00 on VMSYS1 VMSYS2`, and without
    the time the help alone, the line on each member); where its
    words make no statement put in order (`daily now 01:00 on VMSYS1`),
    its help says how the `run` statement is written, no fix. Where no
    order does,
    the help says to write the keyword first, not the keyword again
    before the words. The rest
    of the line goes with it, so `each member` is one error, not also
    "expected a member name after `member`" (BKR010). So do the lines
    below it that go on with its statement, as `bkrc fmt` breaks a long
    one (`shared server BKRSVSFS` after the cluster's `}`, then `pool
    BKRPOOL on VMSYS1`: `catalog` left out, one error, not also "`pool`
    starts no statement"); a line below that starts a statement, or that
    is one with its own keyword left out (`daily 02:00` in an `expire`
    block), is read as written.
    Names of a list written without their commas (`run on VMSYS1 VMSYS2
    VMSYS3 daily 02:00`, also before a block's `{`, `expire on VMSYS1
    VMSYS2 {`) are one error for the run, whose help writes the
    list with them; a misspelt keyword after them, in small letters or in
    capitals (`run on VMSYS1 VMSYS2 dialy 02:00`, `backup APPS LINUX
    FULLL`), is not one of the names, but an error of its own (BKR012),
    so the `,` is said missing between `APPS` and `LINUX` alone. Of two
    names or more (`backup APPS LINUX full`, `run on VMSYS1 VMSYS2
    VMSYS3`) a fix writes each `,`, unless a pattern is among them
    (`VMSY*`, which no list holds: BKR330). A job's members so written
    (after `run on`, also in a `run` line written schedule first, and
    after a name written twice) get the same fix, and the help says what
    the job then does: it runs on each member listed, which a job of
    single-configuration users may not (BKR220), and one of IDENTITY users
    only where the list names every member (BKR221); which of the two the
    job is, the checks say once the commas are written. Where the job's
    `backup` lines name only single-configuration users declared before
    it (after `run on`, after a member written twice, `run on VMSYS1
    VMSYS1 VMSYS2`, and in a `run` line written schedule first, `run
    daily 02:00 on VMSYS1 VMSYS2`, also with `at` before the time, a
    range of days, or a word too many after the members, `daily 01:00
    run on VMSYS1 VMSYS2 now`, which its help then says, one error), the
    help says such a job runs on one member instead, and the fix writes
    the member its users' other jobs run on, else each member listed is a
    choice (the commas would give BKR220); in a job of IDENTITY users, the fix after a member written
    twice removes it and writes every `,`, however many names follow.
    An `expire` block's
    members so written (`expire on VMSYS1 VMSYS2 {`) below a `catalog
    shared ...` statement get a help that says a shared catalog is purged
    from one member only (BKR211), and a fix that writes that member, the
    one the catalog's server logs on to (BKR215), or else the first listed;
    above the catalog, or without one, the fix writes the commas, and the
    help says the block then expires on each member listed, which a shared
    catalog may not.
    One name written twice in a row (`run on VMSYS1 VMSYS1`) is one name
    too many, not a `,` missing: its fix removes the second. Names after
    it without their `,` (`run on VMSYS1 VMSYS1 VMSYS2`) are said in the
    same error, whose help shows the list with its commas; the fix puts
    the `,` in place of the second name when one name follows it. Written
    three times or more (`backup APPS APPS APPS full`), the name is one
    error over the repeats, whose fix removes them; names after the run
    without their `,` (`backup APPS APPS APPS LINUX full`) are said in the
    same error, whose help shows the list with its commas, `APPS, LINUX`,
    and whose fix puts the `,` in place of the repeats when one name follows.
    A second `role` in a user statement (`identity user SITEADM role admin
    role admin`) is one error naming it, as BKR115 names an option given
    twice, whose fix removes the second when it says the first's role
    again; two roles (`role admin role worker`) leave the choice to you.
    Names joined by `and` or `&`, as English joins them (`run on VMSYS1 and
    VMSYS2`, `backup APPS & LINUX`, `weekly sat & sun`), are one error for
    the list, whose fix writes a `,` for each (for a job of
    single-configuration users, which runs on one member, BKR220, the
    member its users' other jobs run on is the fix, else each member listed
    a choice; `run on VMSYS1 and daily 02:00`, the list ending with `and`
    (or `AND`, where no member AND is declared), is one error whose fix
    removes it, or, for IDENTITY users, writes the members not listed for
    it). An `and` or `&` before a
    backup's level (`backup APPS and full`, or `backup APPS and` with the
    level alone on the next line) is one error whose fix removes it (not
    for `AND` in capitals, which may be a group whose `,` is missing);
    after the list's `,` (`backup APPS, and full`, `backup APPS, LINUX, &
    full`), `and` in small letters (or `&`) is one error whose fix removes
    `, and`, not a group AND. Between two names after the `,`
    (`backup APPS, and LINUX full`, `run on VMSYS1, & VMSYS2`), it is one
    error whose fix removes `and` (or `&`): the `,` joins them already.
    At the end of the line (`backup APPS, LINUX, and`) it is one error
    without a fix: a group may be missing after it, or `, and` be too many.
    Between the user IDs of a group body (`single group APPS {
    CICSPRD and DB2PRD }`), where names are separated by blanks and `and`
    would read as one more user, `and` in small letters (or `&`) is one
    error whose fix removes it: a user whose ID is AND is written in
    capitals, as CP writes user IDs, and is read as one.
    A schedule written before `on` (`run daily 02:00 on VMSYS1`) is one
    error whose fix puts `on ...` first (with the members' `,`s where they
    are missing, `on VMSYS1 VMSYS2`); with no member after `on` (`run
    daily 02:00 on`) it is still one error, whose help shows the order; so
    is a schedule alone in a job whose line ends with `on` (`daily 02:00
    on`: `run` and the member are both missing).
    An expiry block named by its action (`purge on VMSYS1 {`, its `{` on
    that line or alone on the next) is one error whose fix writes `expire`.
    A word that says what the names of a `backup` line are (`backup group
    APPS`, `backup users APPS`) is one error whose fix removes it (when it
    is written in small letters: `USERS` may be a group's name); its help
    writes every name after it, with the level (`backup users CICSPRD
    DB2PRD full`: `backup CICSPRD, DB2PRD full`, the `,`s the names lack
    written by the fix too, not a second error).
    So is a keyword written before the level (`backup APPS level full`,
    `type=full`): the level follows the groups without one. A level
    written before the groups (`backup full LINUX`) reads as a group's
    name whose `,` is missing: the one error's help writes the line with
    the level last, its groups as written (`backup LINUX full`; `backup
    full LINUX APPS` gets `backup LINUX, APPS full`), or, where other
    words follow them, the statement's form, `backup GROUP[, GROUP...]
    full`.
    A selection's medium left out (`include all minidisks`, `exclude
    0190`) is "expected `minidisk` or `sfs` after `include`", whose help
    writes the line with it where its words say which, and a fix writes
    that line: every minidisk (`include minidisk * *`; for an exclude
    without a fix, since it leaves the job nothing), addresses alone, every
    owner's (`exclude minidisk * 0190`), an owner and addresses (`include
    minidisk LNX* 0191`; without a fix where the owner looks like an
    address, `include 0191 *`), SFS paths (`include sfs
    BKRPOOL:CICSPRD.*`); where they do not (`include all`, `include
    LINUX01`), the statement's two forms, `include minidisk OWNER
    ADDRESS...` or `include sfs POOL:USER.DIR...`. So is the medium's
    keyword after the word for every (`include all minidisk`, not also the
    owner missing after it; `include all sfs`, not two words the wrong way
    round): every SFS directory of the job's users is `include sfs
    BKRPOOL:*.*`, which the help writes with the catalog's file pool, if
    the directories are there, without a fix.
    A schedule given an end time (`daily 02:00 to 04:00`) is one error: a
    schedule is the time its work starts, and the `to` does not start the
    job's target.
    A schedule written where a job's backup level goes (`backup APPS
    weekly`, `backup APPS nightly`) is one error that says where a schedule
    goes (in `run`, after the members); a level of another product (`backup
    APPS differential`) is one that names the two levels bkrc has, `full` and
    `incremental`. Neither has a fix: which level is meant is a choice.
    Both words of a choice (`backup APPS full incremental`, `to tape disk`,
    `to disk or tape`) are one error that says a line has one level, a job
    one medium; the second word is skipped, and there is no fix. So is a
    second level alone on the line after a `backup` line (`incremental`
    under `backup APPS full`), and the same level there is written twice.
    A minidisk range written with blanks around its `-`, as a job template
    writes it (`include minidisk * 0100 - 0FFF`), is one error whose fix
    writes it as one word, `0100-0FFF`; so is one written with `to` between
    its addresses (`0100 to 0FFF`), where `to` would start the job's target,
    or with `thru` or `through` (`0100 thru 0FFF`), which would read as three
    addresses. So is a range of days with blanks around its `-` after
    `weekly` (`weekly mon - fri 22:00`), which `weekly` does not take, as
    `weekly mon-fri 22:00` is BKR314: its help and its fix write the days one
    by one, `mon,tue,wed,thu,fri`; without the time (`weekly mon - fri`,
    BKR010), the help writes HH:MM and no fix. So with a blank on one
    side of the `-` alone (`weekly mon- fri 22:00`, `weekly mon -fri
    22:00`). A word where the time goes, last on its line (`weekly mon- fri
    now`), is the same one error, which says it is no time of day: the
    help writes the line with HH:MM, no fix.
    The word `owner` (or `user`, `userid`) in small letters before a
    minidisk selection's owner (`include minidisk owner * 0191`), as the
    form `include minidisk OWNER ADDR...` names it, is one error whose fix
    removes it; `OWNER` in capitals is a user ID. The word written where
    the owner goes, with only the addresses after it (`include minidisk
    owner 0191-01FF`), is one error without a fix: write the owner, `*` or
    a user ID or pattern, in its place.
    `retain` counts days: a number without its unit (`retain 35`) is one
    error whose fix inserts `days`; a time in weeks (`retain 5 weeks`) is one
    error whose fix writes it in days (`retain 35 days`), and so is one in
    hours that make whole days (`retain 840 hours`; `retain 36 hours` gets a
    help that writes the whole days before and after it, `retain 2 days` to
    keep every backup that long, and no fix); in months or years it has no
    fix (how many days is not certain). A second time after the
    days (`retain 35 days 4 weeks`) is one error, without a fix: keep the
    first, or write their sum in days. A number with a minus sign
    (`retain -1 days`, `workers -1`, `size -10 cyl`, `at -5`, `logon-wait
    -3 minutes`, `pool-wait -300 seconds`), which no name starts with, is
    one error that says the whole numbers the keyword takes, in the checks'
    own bounds (`retain`: 1 to 36500 days, as BKR315; `workers`: 1 to 64,
    and a disk's size, at least 1, as BKR316; an extent's start, 0 or more;
    a wait, whole tries of BKRSTART up to 60 minutes, as BKR337), its help
    the form (`retain N days`, `size N cyl`), without a fix: the number is
    a choice. With its unit run on to it (`size -10cyl`, `size -10blk`,
    `retain -35days`), the error says too that the unit is a word of its
    own, and the help writes the form of the unit written (`size N cyl`).
    With letters run on to the number of a keyword that takes no unit
    (`workers -4x`, `at -5cyl`), the error says too that it takes none.
    A retention written on a `purge` or `preview` line without its
    `retain` (`purge weekly sun 06:00 35 days`) is one error, not a word
    too many at the number and again at `days`, whose fix writes `retain
    35 days` (weeks counted in days). Words in small letters where the
    schedule's time goes (`purge weekly sun keep 35 days`, `keep` read as
    the time) are one error for them all, which says that the time is
    missing there and that the retention is a statement of its own, `retain
    35 days`; no fix, as the time is a choice. So are such words where a
    `weekly` or `monthly` schedule has its day and its time (`purge weekly
    keep 35 days`, `keep` read as the day and `35` as the time): the error
    says that the schedule needs its day, then its time (`weekly DAY
    HH:MM`), and that the retention is `retain 35 days`; no fix either.
    The number and its unit alone where the time goes, the schedule's day
    written (`purge daily 35 days`, `purge weekly sun,sat 35 days`, `purge
    monthly 1 35 days`), are the time missing in the same way, not `days`
    one word too many; with no word before the number where a `weekly` or
    `monthly` schedule's day goes (`purge weekly 35 days`), the line parses,
    and the checker says it (BKR314). On a job's `run` line (`run on VMSYS1
    daily 35 days`, `run on VMSYS1 daily keep 35 days`, `run on VMSYS1
    weekly keep 35 days`) the error says what the schedule needs there and
    that a job keeps no retention: how long backups stay in the catalog is
    the expire block's `retain 35 days`. So after the `run` line's time, with
    or without a word before the number (`run on VMSYS1 daily 02:00 35 days`,
    `... 02:00 for 35 days`, `... 02:00 keep 35 days`, `... 02:00 retain 35
    days`): one error for the words and the retention, not one word too many
    at each word, nor "did you mean `retain`?" for `keep`, whose fix wrote a
    `retain` the job cannot hold (BKR013). So too for one cut short there, its
    unit or its number too not written (`... 02:00 retain 35`, `... 02:00
    retain`, `... 02:00 keep`): the same one error, whose message names the
    expire block's `retain 35 days` (`retain N days` without the number), not
    BKR013 at `retain` nor "did you mean `retain`?" at `keep`. So after
    `manual`, which has no time (`run on VMSYS1 manual retain 35 days`, `...
    manual 35 days`, `... manual retain`): the statement ends with `manual`,
    and the error says so. So after a time on a 12-hour clock (`run on
    VMSYS1 daily 10pm retain 35 days`), the help writing `daily 22:00`. A
    `run` line's day left out before the time and a retention after it
    (`run on VMSYS1 weekly 22:00 retain 35 days`, `monthly last 10pm retain
    35 days`, `retain` read as the time) are one error (BKR010) that says
    both, whose choices write the day and remove the retention, not one word
    too many at the number and again at `days`. So after a job's whole `to` statement, without
    a word before the number (`to disk pool P 30 days`, `to tape 30 days`;
    with one, `for 30 days`, BKR012): one error for the retention, not one
    word too many at the number and again at `days`, nor `30` read as a
    pool's name whose `pool` is left out. No fix: moving the retention to
    the expire block is the user's choice.
    A keyword that starts no statement after a whole one on its line
    (`backup APPS full each`) is one word too many; `each` after a member's
    `workers 4` is one error whose fix removes it (a member block gives that
    member's own workers); the statement's own keyword again at the end of
    its line (`backup APPS full backup`) is one error there, whose fix
    removes it, not a group name missing. A job's level after its `run` line's
    schedule (`run on VMSYS1 daily 02:00 full`) is one error that says the level
    follows the groups on the `backup` line, whose fix writes it there where that
    line has none and removes it from the `run` line, or only removes it where
    that line says it already; where that line says the other level, a choice of
    each, not one word too many whose fix dropped it unsaid. A `@` for `at`
    before a schedule's time (`daily @ 02:00`), read as the time, is one error
    at `@` whose fix removes it, not one word too many at the time; an hour
    alone after it (`daily @ 2`) has both readings, each a choice. Days of `weekly` without their commas are one
    error whose fix writes them, also when a `,` follows the day read as the
    time (`weekly fri sat, sun 22:00`).
    A CP link mode after a `disk` statement (`disk BKRBKUP 191 size 10 cyl
    MR`), as an MDISK statement ends, is one error whose fix removes it:
    bkrc writes the MDISK statements, link mode included (not `on MR`, a
    volume whose `on` was left out). `each` without its `member` (`run on
    each daily 02:00`) is one error whose fix inserts `member`; a size
    and its unit without their `size` (`disk BKRBKUP 191 10 cyl`) is one
    error at the number, whose fix inserts `size` before it. A `disk` line
    with another word missing gets a help that writes the whole statement,
    a word not written a placeholder it names: `disk BKRBKUP 0191 10`,
    `size` and the unit left out, `disk BKRBKUP 0191 size 10 cyl` (the
    unit not written, `blk` for an FBA volume); `disk BKRBKUP 0191 on
    VMCOM1`, `disk BKRBKUP 0191 size N cyl on VMCOM1`; `disk BKRBKUP size
    10 cyl` (BKR010), `disk BKRBKUP ADDR size 10 cyl`. The size after its
    unit (`disk BKRBKUP 0191 cyl 10`) has one reading, and a fix that
    writes `size 10 cyl`.
    A module path with a blank inside (`import std/zvm 73`, `import std/
    zvm73`) is one error whose fix writes it as one word, and the path is
    read so (not also a module `std/zvm` that cannot be found, nor, when
    the path so written names no module, `std/zvm99`: the fix comes first).
    Two module paths after one `import` (`import std/zvm73
    std/backup-manager`) are one error whose fix gives the second its own
    `import` line, and both modules are read.
    Two adjacent words the other way round (`group single APPS {`, `VMSYS2
    member {`, `4 workers`, `to pool disk`, `retain days 35`, `run on member
    each`) are one error, where the keyword fits before the other word and
    the rest of the line reads on only so: a fix swaps them, and the file is
    read as if they had been written in their order. So is a keyword written
    before the value it follows (`disk BKRBKUP size 191 10 cyl`, `run on
    weekly VMSYS1 sat 22:00`), read first as that value: one error, not also
    "expected the minidisk's virtual address" (BKR010) and one for the rest
    of the line; the value left out (`disk BKRBKUP size 10 cyl`, `run on
    weekly sat 22:00`) is still BKR010. And a volume label before its
    keyword after another statement (`workers 4  M1PRV1 private-volume }`),
    where the keyword reads on only after it (`workers 4 5 private-volume
    M1PRV1` is a word too many). Not a selection's action alone on its line
    and the next selection's below (`exclude`, then `include sfs
    BKRPOOL:CICSPRD.*`): that is the first unfinished, "expected `minidisk`
    or `sfs` after `exclude`, found the end of the line", and the line below
    the next selection (was `include sfs` the wrong way round, whose fix wrote
    `sfs include`, a path INCLUDE).
    A selection whose `include` or `exclude` is left out, on the line after
    another statement's list (`minidisk * 0190 019D 019E` under `include
    minidisk * *`, or under a member's `private-volume M3PRV1`), is one
    error, "expected `exclude` or `include` before `minidisk`" (no fix:
    either may be meant), not more addresses of the selection above (BKR310,
    BKR312) or more volume labels (BKR305). So is `minidisk` or `sfs` alone
    on its line, in a member or job block: that one error says the line is
    no whole selection, not also its owner and addresses missing (BKR010)
    at the same word. In a group body, `MINIDISK` is a user ID.
    A member after a `tape manager` option that names a machine only
    (`request-node TRTMM on VMSYS2`, `catalog-dmm TCDMM on VMSYS1`), as
    `catalog-node TCTMM on VMSYS1` names its member, is one error whose
    help says where that machine runs and whose fix removes `on VMSYS2`.
    Words between a block's name and its `{` on one line (`member VMSYS1
    slot 1 {`, `job APPSFULL nightly {`) are one error, and the block is
    read from its `{`. A group body written as a YAML list, one `- LINUX01`
    a line, is one error for all its items: a group lists its IDs separated
    by blanks or newlines, and a fix removes each `-`.
    Some words are named for what they are, each one error: `group` in a
    backup statement (`backup group APPS`: `backup` names the groups
    themselves, and a fix removes `group`); `member` after `on` (`run on
    member VMSYS1`: it belongs only to `on each member`; its two readings,
    `on VMSYS1` and `on each member`, are choices an editor offers); where
    a job runs said again after its schedule (`run on VMSYS1 daily 02:00 on
    member VMSYS1`: a fix removes the repeat; naming other members, the
    help writes the line on either, two choices); members after a
    `purge` or `preview` schedule (`purge daily 06:00 on VMSYS1`: an
    expiry runs on its block's members, `expire on VMSYS1`; naming them,
    a fix removes them, naming others, removing them is a choice); members after
    `each member` (`run on each member VMSYS2 daily 01:00`, also with the
    schedule first, `daily 01:00 run on each member VMSYS2`, or without
    one, `run on each member VMSYS2`: `each member`
    names every member already; the help writes `run on each member daily
    01:00` and `run on VMSYS2 daily 01:00`, without a fix, as IDENTITY
    users run on each member and single users on one); a level bkrc does
    not have (`backup APPS differential`: the help names `full` and
    `incremental`); `user` and `group` both written (`single user group APPS
    {`: a fix removes `user`, and the group is read); a word in small letters
    that labels a schedule, as a form or a crontab does (`run on VMSYS1
    schedule daily 02:00`, also `time`, `when`, `cron`, `start`, and `purge
    schedule weekly sun 03:00`: the schedule follows the members, or `purge`,
    directly, and a fix removes the word; `SCHEDULE` in capitals is a member
    whose `,` is missing). Words in another order
    than the statement's are one error with a fix that writes them in order:
    a schedule before the members a job runs on (`run daily 02:00 on
    VMSYS1` is `run on VMSYS1 daily 02:00`; `run weekly mon- fri 22:00 on
    VMSYS1`, its days a range, is `run on VMSYS1 weekly mon,tue,wed,thu,fri
    22:00`, and without the time the help writes HH:MM, no fix; `member`
    before the members, `at` before the time, or the time written another
    way, `run daily at 2am on member VMSYS1`, is the same one error, whose
    help says each and whose fix writes `run on VMSYS1 daily 02:00`, and
    so is `member each`, `run daily 02:00 on member each`, its fix writing
    `run on each member daily 02:00`, and the time after `at` first, `run
    at 02:00 on VMSYS1 daily`, also with a range of days, `run weekly
    mon-fri at 22:00 on VMSYS1`; without how often it runs, `run at 02:00
    on VMSYS1` is one error whose one choice writes `run on VMSYS1 daily
    02:00`, no fix; a schedule in English there, `run nightly 02:00 on
    VMSYS1` or `run every day at 02:00 on VMSYS1`, is one error whose help
    says how it is written and whose fix writes `run on VMSYS1 daily
    02:00`, and so is how often before the members and the time after
    them, `run daily on VMSYS1 at 02:00`; with more times than one, `run
    daily 02:00,14:00 on VMSYS1`, it is one error whose help writes a job
    for each time, no fix), and a Tape Manager catalog
    node's member before its machine (`catalog-node on VMSYS1 TCTMM` is
    `catalog-node TCTMM on VMSYS1`). A member in a `tape` statement with no
    catalog node before it (`tape on VMSYS1`, `tape manager shared on
    VMSYS1`) is one error at `on VMSYS1`, whose help writes `catalog-node
    NAME on VMSYS1` after `tape manager shared`; no fix, as the node's
    machine name is the site's.
    A day of the week after a schedule's time (`weekly sat 22:00 sun`) is
    one error whose fix writes it among the days (`weekly sat,sun 22:00`);
    after a `daily` time (`daily 02:00 sun`) the help offers `weekly sun
    02:00` or `daily 02:00`, without a fix.
    A second time after a schedule's time (`daily 02:00 14:00`, or after a
    `,`, `daily 02:00,14:00`), or more (`daily 02:00,14:00,20:00`), is one
    error whose help writes a `run` for each time, one job each (a `purge`
    or `preview` keeps one): a schedule has one time; so are times joined
    by `&` or `;` (`daily 02:00 & 14:00`). A time written another way there
    (`daily 02:00,2pm`) is written as BKR313 reads it (`14:00`).
    Days of a `weekly` schedule by their numbers, as a crontab counts them,
    and separated by blanks (`weekly 6 7 02:00`, the `7` read as the time
    and `02:00` as a word too many) are one error at the numbers, whose
    help writes the days by name with their commas, `weekly sat,sun 02:00`
    (0 and 7 are Sunday, 1 Monday), without a fix: other counts start the
    week at Sunday.

    A `monthly` schedule with several days of the month (`monthly 1,15
    02:00`, `monthly 1st 15th 02:00`) is one error at the days, whose help
    writes a `run` for each day, one job each, and the ways to name the one
    day (its number, `monthly first sun 02:00`, `monthly last sun 02:00`):
    a schedule runs on one day of the month. A `preview` on a second day
    goes in a second `expire` block for the member, which the help writes;
    a `purge` keeps one day, or purges `weekly`, as a member has one
    `purge` schedule. So are days after `monthly` separated by commas
    without the time (`monthly 1,15`), whose help writes `HH:MM` for it,
    and weekdays after an ordinal (`monthly first sun,sat 02:00`, or
    separated by blanks, `monthly first sun sat 02:00`, where `sat` would
    read as the time), also a third day or a `,` after the second (`monthly
    1 15, 20 02:00`), with the time or without it (`monthly 1 2 3`; two days
    without it, `monthly 1 15`, read the second as the time, BKR313): one
    error, not a second at the time. A number no month has among them
    (`monthly 1,40 02:00`, `monthly 40,1 02:00`) is that one error too, which
    says both ("`40` is not a day of the month"), its help the schedule of the
    day that is one (`monthly 1 02:00`) and how a second day is written (was
    "a `,` cannot appear here", then "`02:00` has no keyword before it").
    The same day written twice (`monthly 1,1 02:00`,
    `monthly first sun,sunday 02:00`) is that error too, which says so:
    its help writes the day once, and so does its fix where the time follows.
    A date where the day goes (`monthly 31/0`, `monthly 1/15 02:00`, also
    with a blank before its `/`, `monthly 31 /0`) is one
    error that says a `monthly` schedule takes the day alone, its help
    writing the statement with it (HH:MM without the time); with the time,
    each number that may be a day is a choice, the date's order unknown.
    A time with `/` for `:` (`daily 01/00`) is one error whose fix writes
    HH:MM (`daily 01:00`), as for `01.00` (BKR313); with an hour past 23
    (`daily 25/00`), one error that says so, whose help writes the next
    day's time it comes to for a `daily` schedule, a choice, as for `25:00`
    (BKR313), and for a weekly or monthly one, whose day would change, the
    schedule of the day after (`weekly sun 25/00`: `weekly mon 01:00`), a
    choice, as BKR313 writes for `weekly sun 25:00`; HH:MM where no schedule
    names the day after (`monthly 28` to `monthly 31`, the 1st in a month that
    short; `monthly first sun`).
    A schedule alone on a job's line, `run on` left out, is one error
    whose help writes the `run` the file allows (`run on each member` for
    IDENTITY users, the member the users' other jobs run on, else each member
    a choice) and whose fix, or choices, write it: `daily 02:00`, `nightly at
    02:00`, `at 02:00` (how often is not said: `daily` a choice), `every day at
    3` (`daily 03:00` or `daily 15:00`, each a choice), `weekly saturday`
    (`run on VMSYS1 weekly sat HH:MM`, the time missing too, no mend). A value
    there no schedule has is said in that one error, as after `run on`
    (BKR313, BKR314): `daily 24:00` is `daily 00:00`; `weekly sun 24:00` is
    `weekly mon 00:00`, a choice; `monthly 31 24:00`, midnight after a day
    no schedule follows, `monthly 1 00:00` or `monthly 31 00:00`, each a
    choice; `monthly 32 02:00` names no day, `monthly N 02:00`; `monthly 1,15
    02:00`, a job for each day, no mend; the month's last day as other
    schedulers write it (`monthly lastday 02:00`, `last_day`, `LastDay`, cron's
    `L`, `eom`, `end`), `monthly last-day 02:00`, which after `run on` is
    BKR314's fix and without the time BKR010's help.
    More than once a day (`twice daily`, `twice a day`, `hourly`, `every 6
    hours`, as cron or VMSCHED runs a job), alone on a job's line or with
    its members after it (`every 6 hours on VMSYS1`, `twice daily run on
    VMSYS1`, `twice daily on VMSYS1 at 03:00`), is one error: no schedule
    runs more than once a day. Its help writes a job for each time of day,
    each with the `run` the file allows or the members written (one `run` per
    member for single-configuration users, a list being BKR220), the time
    given in the first (`run on VMSYS1 daily 03:00`), HH:MM for the others;
    no mend. So is it after `run` (`run twice daily on VMSYS1 at 03:00`).
    A time past the clock's end alone on a job's line (`daily 25.0`) is one
    error that says what BKR313 says after `run on` (the next day's
    `01:00`), each `run` it writes a choice.
    The ordinal of the Nth weekday written as a number (`monthly 1st sun
    02:00`, 1st to 4th) is one error whose fix writes the word (`monthly
    first sun 02:00`). There is no fifth: not every month has a fifth
    Sunday, and a schedule runs every month. `monthly fifth sun 06:00` (or
    `5th`) is one error that says so, whose help writes `monthly last sun
    06:00`, the month's last Sunday, its fourth or fifth; no fix writes it,
    as it is not what was written. `fifth sunday of the month at 6am` is
    answered the same way.

    Several members named in one `member` block's head (`member VMSYS1
    VMSYS2 { workers 4 }`), also after the keyword in the plural (`members
    VMSYS1 VMSYS2 {`, which the message says too), are one error whose help
    writes a block for each member: a `member` block declares one. The
    catalog's member named with `member` or `at` where its `on` is due
    (`catalog shared server BKRSVSFS pool BKRPOOL member VMSYS1`) is one
    error whose fix writes `on` (`in VMSYS1` is BKR012, `in` being no
    keyword). A tape device type on a job's `to tape` line (`to tape 3590`;
    3480, 3490, 3592) is no pool: Tape Manager picks the drives; its help
    writes `to tape` (or `to tape pool NAME`), and its fix removes the
    number; before the line's pool (`to tape 3590 pool X`) too, one error
    whose help writes `to tape pool X`. A disk device type on a `to disk`
    line (`to disk 3390`; 3380, 9336, FBA, `3390-9`) is no pool either: a
    job names its disk pool with `pool NAME`; its help writes `to disk`, or
    `to disk pool NAME` with the disk pool the file's other jobs name, and
    its fix removes the word (before the line's pool, `to disk 3390 pool
    X`, the help writes `to disk pool X`). A tape device type there (`to
    disk 3590`) likely means `to tape`: one error whose help writes `to
    tape` or `to disk pool NAME`, no fix; so, the other way, a disk device
    type on a `to tape` line (`to tape 3390`, `to tape FBA`), whose help
    writes `to tape` or `to disk` (with the file's disk pool), no fix.

    A `{` that opens nothing, in a file with more `{` than `}`, is said
    where it stands. Where it follows another `{` with only blanks between
    (`job J { {`, or alone on the next line), the file has one `{` too
    many, and without it every brace lines up with the file's indentation
    (as BKR005 reads it at the end of a file), the fix removes it; a doubled
    `{` otherwise gets no fix, and the help says why.

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
            run on VMSYS1 daily sun 02:00   # <- BKR004
          }
        }

    Fix: a daily run takes only a time: `run on VMSYS1 daily 02:00`, or
    `run on VMSYS1 weekly sun 02:00` for one day a week.
    See docs/language.md for every construct with an example.
    """,
)

UNCLOSED = register(
    "BKR005",
    "unclosed-brace",
    "error",
    "a `{` is never closed",
    """
    Every block (`cluster`, `member`, `group`, `job`, `expire`) opens with `{`
    and must close with `}`. bkrc reports a missing `}` in two places:

    * when the file ends while a block is still open ("`{` opened at 3:10 is
      never closed"), pointing at the `{` and at the end of the file;
    * when a statement that belongs outside the open block starts, lined up
      with the block's own keyword or further left (a second `job` while the
      first `job` is open) when the file has more `}` than `{`, or anywhere
      when it has fewer: "`{` opened at 3:10 is not closed before `job`".
      When the file has as many `}` as `{`, the block's own `}` is below: the
      statement was written inside it (a job pasted into another before its
      `}`; a group, `member` or `expire` block pasted into a group body, or
      a group into a `member` block), BKR013, whose help says to move it out.
      It was written inside too when the `}` the file has too many all
      follow its block's own `}`, on that line or alone below it
      (`identity group SYSIDS2 { TCPIP2 } }`): a block copied with its `}`
      twice.
      bkrc then closes the block there and reads on, so the rest of the file
      is still checked. A hyphenated keyword that belongs outside counts the
      same (`shared-volume VMCOM1` under a `member` block without its `}`,
      indented or not): one error, not also "`shared-volume` cannot appear
      in a `member` block", which is said of one inside a block its `}`
      does close.
      A group body reads words as user IDs, so there, when the braces do
      not balance, the `}` is missing before the first line after the `{`
      that starts with a keyword, its body empty or not (`single group
      APPS {`, then `job APPSFULL {`): not a `{` too many at the next block,
      nor the last such line before it; or before a keyword after the IDs
      on the line of a `{` no ID takes (`single group APPS { CICSPRD
      identity group X { T }`: the `}` goes before `identity`).

    Where the file itself says where the block ends, the `}` is a fix, for
    `bkrc check --fix` and the editor to apply: no `{` or `}` after the
    block's `{` (no block inside it, so no `}` that may have been its own),
    every line of its body indented further than the `{`'s line, and the
    statement that belongs outside lined up with the block's keyword or
    further left (or the end of the file): the `}` goes after the body's
    last line, lined up with the block's first. Otherwise where the block
    ends is bkrc's guess, and the `}` is offered in the editor as a choice,
    not applied by `--fix`: a line of the body lined up with the block's
    keyword (a statement the block around it may hold too, such as
    `description`), a block inside it, or a `}` missing before a word on
    the `{`'s own line.
    At the end of the file, blocks inside are no bar where the indentation
    agrees with the braces: from the open block's `{` on, every line is
    indented further than the line of the innermost `{` open there, and
    each `}` inside closes a `{` of its own line or starts its line lined
    up with that `{`'s line (a `job`'s `}` at the cluster's body
    indentation, the cluster's left out): the `}`s the file lacks are the
    fix. Where a line or a `}` does not agree, the help says which, and
    the `}`s stay a choice.

    A `;` last on the line of a `{` not closed on it, where a `}` may
    stand, in a file with one `{` more than `}` (`member LAB1 { workers
    2 ;`), is that block's `}` typed as `;`: the error is said at the `;`
    (not at the block around it, whose `}` the next line's became), and
    its fix writes `}`.

    A block's opening line written twice (`member VMSYS1 {`, then `member
    VMSYS1 { workers 4 }`, nothing but blanks and comments between) is one
    line pasted again: the help says so, and the fix removes the first,
    keeping a comment after it on its line (a `}` inserted there would
    leave an empty block and a second one of that name).

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
            run on VMSYS1 daily 02:00
          job APPSINC {          # <- BKR005: APPSFULL's `}` is missing
            backup APPS incremental
            include minidisk * *
            to disk
            run on VMSYS1 daily 23:00
          }
        }

    Fix: add the `}` where the block ends.
    """,
)

UNMATCHED_CLOSE = register(
    "BKR006",
    "unmatched-brace",
    "error",
    "a `}` with no `{` to close",
    """
    A closing brace appears where no block is open, usually because a block was
    closed twice or its opening line was deleted. So does a `}` too many in
    the middle of a statement that reads on after it, on its line
    (`purge weekly }sun 03:00`, `retain } 35 days`, `to disk } pool X`): bkrc
    reads the statement as without it, and its fix removes it. Where the
    statement is whole before the brace (`to disk`), the fix is offered only
    when the file has exactly one `}` too many. A `}` that closes nothing
    between statements has a fix that removes it where every other `{` and
    `}` of the file pair up (with two too many apart, which goes is not
    certain). A run of them, with only blanks between, is one error that
    says how many it holds and how many `}` the file has more than `{`; its
    fix removes the run where the file has that many too many and every other
    `{` and `}` then pair up, with the `}` right before it when that one
    closed a block early: `}}}` in the middle of a cluster, a statement
    after it and no error above. Where a `{` above opens nothing (BKR004,
    `job SYSFULL { {`) and took one of the `}`, so that removing the ones too
    many would leave its error, the help names that `{` and the fix removes
    it too, with as many more `}` before the run's last, where every other
    brace then pairs up: the fix leaves no error behind.

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
            run on VMSYS1 daily 02:00
          }
        }
        }   # <- BKR006

    Fix: remove the extra `}`, or restore the block's opening line.
    """,
)

UNTERMINATED_STRING = register(
    "BKR007",
    "unterminated-string",
    "error",
    "a quoted string is not closed on its line",
    """
    A description string starts with `"` and must end with `"` on the same line.
    Use `\\"` for a quote inside the string.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          description "Nightly backup of the Linux guests
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: close the string: `description "Nightly backup of the Linux guests"`.
    """,
)

TOO_MANY = register(
    "BKR008",
    "too-many-errors",
    "error",
    "more syntax errors than are worth listing",
    """
    bkrc shows the first 20 syntax errors of a file in full; the rest are
    counted in one line ("5 more syntax errors not shown"), so the first
    (usually the real) mistakes stay on the screen. When most of a file does
    not parse at all (a file in another format, or text damaged in transfer),
    bkrc stops reading it and says at which line. It also stops 100,000 words
    and signs after the first syntax error (about a megabyte of user IDs): no
    rule is checked in a file with a syntax error, so reading a huge file to
    its end would only look for more of them. Once those are fixed, bkrc reads
    the whole file.

    Errors that are only consequences of an earlier one (a second complaint
    about the same spot, with nothing read in between) are never counted.

    Fix the errors shown and run bkrc again.
    """,
    no_example="more than twenty syntax errors, too long to show",
)

WRONG_LANGUAGE = register(
    "BKR009",
    "not-bkr",
    "error",
    "the file looks like another language, not .bkr",
    """
    The text reads like YAML, JSON, XML or a REXX program rather than the .bkr
    language, so bkrc was probably pointed at the wrong file, or a generated
    EXEC or template was passed instead of its source.

    Failing example, a REXX EXEC passed by mistake:

        /* REXX */
        say 'Backups done'

    Fix: pass the cluster's .bkr file. A .bkr file starts with `import`,
    `cluster`, `single` or `identity`, and `#` starts a comment. A `/* ... */`
    comment above .bkr statements (`/* REXX */`, then `import std/zvm73`) is
    no REXX program: BKR016, whose fix writes `#`.
    """,
)

EXPECTED_NAME = register(
    "BKR010",
    "expected-name",
    "error",
    "a keyword is missing the name or value that must follow it",
    """
    Keywords such as `member`, `job`, `on`, `workers` and `daily` are always
    followed by a name or a value. The parser found a keyword, a brace or the
    end of the file instead. Where what it found is a statement's keyword
    first on a later line (`purge weekly sun`, then `retain 35 days`), the
    error says "found the end of the line", as for a statement misplaced:
    the statement's line ended there. So do BKR004 (`retain 35`: "expected
    `days` after `35`") and BKR011 (`job APPSFULL`, its `{` left out).

    A description written without its quotes (`description Nightly full
    backup`) is one error, whose help gives the text quoted. A minidisk
    selection with an address and no owner (`exclude minidisk 0192`) reads
    the address as the owner: the error says so, and its help puts the
    owner first (`minidisk * 0192`); so does every owner written in English
    (`include minidisk all`, or `ALL` where the file names no user ALL),
    whose help and fix write `include minidisk * *` (for an exclude, the
    help names the addresses to leave out, with no fix). A size with its unit written on to it
    (`size 10cyl`) is one error whose fix puts the blank in (`size 10 cyl`);
    a schedule's day left out before its time reads the time as the day
    (`weekly 22:00`, `monthly 02:00`, `monthly last 20:00`): the error says
    the day is missing, not the time, and its help writes the statement with
    DAY in its place (`run on DEV1 weekly DAY 22:00`; each day of the week a
    choice after `weekly`, not `daily 22:00`, which would run it on every day;
    after `monthly`, the 1st and the month's last day, `monthly 1 02:00` and
    `monthly last-day 02:00`, each a choice; after an ordinal, also the day of the month it may
    mean: `monthly last-day 20:00`, `monthly 1 20:00`, each a choice; a
    time on a 12-hour clock, `weekly 10pm`, `monthly last 1am`, is said so, the help
    and the choice writing it on a 24-hour clock); a day and its time written
    as one word (`weekly sun01:00`, `monthly last sun01:00`, `monthly
    last-day01:00`) is one error that says so, whose fix writes the blank;
    a size in other units (`size 10M`) is one error whose help says how
    minidisks are sized: cylinders (`cyl`) or 512-byte blocks (`blk`). So is
    `retain 35d` (BKR004, fixed to `retain 35 days`).

    `on each member` where `on` names one member (a catalog's, a Tape
    Manager node's) is one error that says so; after a `disk`, whose `on`
    names a volume, the error says that, and its fix removes `on each
    member`: an IDENTITY's disk goes on each member's private volume
    without it.

    A block's keyword with its name missing (`member` alone on its line, the
    `}` an editor closed below it; or `job`, then the body) reads as if the
    name and `{` were written, so the `}` that closes it may be the one its
    outer block needed: this one error, not also BKR005 for the cluster
    block, as after the name alone (BKR011); so after the keyword half typed
    (`mem`, BKR012).

    A word that spells a statement's keyword and starts its line is that
    keyword, so a block's name spelled so (a member BACKUP) goes on the line
    of `member`: `member` over `backup {` is one error, whose fix writes
    `member backup {` on one line.

    A schedule's time left out at the end of its line (`purge weekly sun`)
    reads the first word of the next line as the time. Where that word
    starts with a letter and names no time, and the rest of its line does
    not fit after a schedule (`keep 35 days`), it is the next statement's
    first word: one error for the time missing, then the word's own, as if
    each slip were alone (`keep`: BKR012, whose fix writes `retain`). So
    on the schedule's own line for a statement's first keyword right after
    the day, or after `daily` (`purge weekly sun retain days 35`, `purge
    daily retain = 35 days`): the time missing is one error, the
    statement's own slip one more (`days 35`: BKR004, whose fix writes `35
    days`; the `=`: BKR014). After
    a `,` the last day is the time (`purge weekly sun, 03:00`): that is
    BKR004, whose fix removes the `,`. The days before a time missing are
    quoted as written, with their commas: `weekly sun,mon`, not `weekly sun
    mon`.

    The day left out before the time (`purge weekly 03:00`, `purge monthly
    03:00`) reads the time as the day, so the error names the day missing,
    not the time: its help writes `weekly DAY 03:00` (or `monthly 1 03:00`,
    saying what the number is), and it has no fix, since no help writes a
    day nobody chose. The word after the time was read as the time; where it
    starts the next statement on the same line (`purge weekly 03:00 retain
    days 35`), that statement is read as on a line of its own, its own slip
    one more error (`days 35`: BKR004, whose fix writes `35 days`). A day of
    the week there (`purge weekly 03:00 sun`) is the day written after the
    time, BKR314; so is a word there the schedule ends with (`purge weekly
    03:00 retain`, then `}`): one BKR314, which says the day is missing.

    A list that ends with `,` where no name follows (`purge weekly sun,` at
    the end of its line) says what the name missing is, by the list's
    keyword: a day of the week after `weekly`, a member after `on`, a group
    after `backup`, a user ID after `user`. After `weekly` the time is
    missing too: the help writes the day after the `,`, then the time, or
    removes the `,` and writes the time. It has no fix: which was meant is
    not the text's to tell. Where the statement reads whole without the
    `,` (`run on VMSYS1, daily 02:00`, `expire on VMSYS1, {`, `run on
    VMSYS1,` before the job's `}`, `single user LNX01,` before the next
    statement), the fix removes the `,`; a name left out after it is the
    site's to write. But a job's `run on` list whose file would then not
    check is mended by the job's users: of IDENTITY users, which run on
    every member (BKR221), the fix writes the members not listed after the
    `,`; of single-configuration users, which run on one (BKR220), a list
    of several gets the fix that writes the member their other jobs run
    on, else each member listed as a choice.

    A schedule's keyword alone (`weekly`, `monthly`, `monthly last`) gets
    its forms in the help, `weekly DAY HH:MM`, or `monthly N HH:MM`,
    `monthly last-day HH:MM` and `monthly first|second|third|fourth|last
    DAY HH:MM`, never a day or a time nobody chose. A day no week or month has before the
    missing time (`weekly su`, `monthly 32`) is said in the same error,
    with the day meant where one is close (`sun`); days written as one word
    (`weekly mon-fri`, `weekly weekend`) get them one by one, and days by
    their numbers, as a crontab counts them (`weekly 7`, `weekly 6,7`), by
    name (`weekly sat,sun HH:MM`: 0 and 7 are Sunday, 1 Monday). The Nth
    weekday of the month as one word (`monthly first-sunday`, `monthly
    last-sat`) gets the two words: `monthly first sun HH:MM`, no mend (with
    the time written, BKR314, whose fix writes them); the month's last day
    spelt otherwise (`monthly lastday`, `last_day`, `last day`) gets
    `monthly last-day HH:MM` the same way. A time missing on a `run` line
    alone on its line (`run on VMSYS1 weekly saturday`) gets the statement
    written whole in the help, `run on VMSYS1 weekly saturday HH:MM`.

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
            run on daily 02:00   # <- BKR010
          }
        }

    Fix: write what the keyword needs: `run on VMSYS1 daily 02:00`.
    """,
)

MISSING_OPEN = register(
    "BKR011",
    "missing-open-brace",
    "error",
    "a block's `{` is missing",
    """
    A `cluster`, `member`, `job`, `expire` or group block starts with its
    keyword and name, then `{`. Without the `{` the parser cannot tell where
    the block's body begins, and every statement of the body looks misplaced.
    bkrc assumes the `{` was meant and reads on, so errors inside the block
    are still reported. The block's `}` may then be the file's last, the
    one its outer block needed (`job APPSFULL` without `{`, its `}`, and no
    `}` after it): that is this one error, not also BKR005 for the outer
    block; after the fix, a `}` still missing is reported. So it is when the
    body's first statement starts with a hyphenated keyword (`member VMSYS3`,
    then `private-volume M3PRV1` on the next line), also one written without
    its hyphen (`private volume M3PRV1`, `job suffix C`), on the next line or
    on the block's own (`member VMSYS3 job suffix C }`), whose help then
    writes the block with the keyword as meant (`member VMSYS3 { job-suffix C
    }`), also where its value is missing (`job suffix` alone on its line:
    `job-suffix S`) or quoted: this one error, not that keyword misplaced in
    the cluster block, nor a job called SUFFIX without its `{`. So is the
    keyword spelt with its value missing (`job-suffix` alone), whose help
    writes the value (`member VMSYS3 { job-suffix S }`): not also BKR010. The message
    names the block as its opening line is written (`single group APPS`,
    `expire on VMSYS1`). A member's settings written on its line without
    braces (`member VMSYS4 workers 2 private-volume M4PRV1`) are one error
    whose fix puts them in braces (`member VMSYS4 { workers 2 private-volume
    M4PRV1 }`), not an error at the next statement. So are a group's users
    written on its line without braces (`single group APPS CICSPRD DB2PRD`,
    also with `match LNXAPP*`): one error whose fix writes `single group
    APPS { CICSPRD DB2PRD }`, not also BKR004 at the next block's `{`;
    so with a `=` or `:` for the `{` between the name and the body
    (`single group APPS = CICSPRD DB2PRD`, `member VMSYS4: workers 2`),
    which the fix writes the `{` for, also with `,` between a group's users
    (`single group APPS = CICSPRD, DB2PRD`), which the fix removes. So is
    a body on the head's line in round or square brackets, as other
    languages write a list (`member VMSYS4 ( workers 2 )`, `single group
    APPS [ CICSPRD DB2PRD ]`): the fix writes `{` and `}` for them. So
    for a `(` or `[` last on the head's line, its body below and its
    closer last on a line after it (`cluster LABSSI (` ... `)`, the
    blocks below in their braces): the fix writes `{` and `}` for the two,
    or the `{` alone where the body ends with a `}` alone on its line.
    A block's head written as YAML writes one, its name with a `:` at the
    end of its line and its body below (`job APPSFULL:`), is this one
    error, which says so; where the file has the body's `}` (one `}` more
    than its `{`s), its fix writes `{` for the `:`, else its help says to
    close the block too. So does a head without its `{` at the end of its
    line over its body and `}` (`job APPSFULL`, `cluster PRODSSI`), where
    the file has one `}` more than its `{`s: the help writes `job APPSFULL
    {`, and the fix the `{`.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL   # <- BKR011
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: add the brace after the name: `job APPSFULL {`.
    """,
)

UNKNOWN_KEYWORD = register(
    "BKR012",
    "unknown-keyword",
    "error",
    "a word where a statement keyword belongs",
    """
    Every statement starts with a keyword (`member`, `job`, `backup`, `run`,
    `workers`, ...); names and values only ever follow their keyword. A word
    that is not a keyword was found where a statement must start: usually a
    misspelt keyword, for which bkrc suggests the closest one and reads on as
    if it had been spelt right (two or three equally close keywords are all
    suggested, `exclude` or `include` for `enclude`, and bkrc reads on as the
    first), or an abbreviation of exactly one keyword (`incr` for
    `incremental`, `desc` for `description`: keywords are never
    abbreviated). An abbreviation of several (`inc`: `include` and
    `incremental`) is the one the next word fits after: `backup APPS inc`
    at the end of its line is `incremental`, `inc minidisk` is `include`;
    where none or both fit, the message says it is ambiguous and names each.
    A word close to no keyword gets a help that lists the keywords a
    statement of the block starts with; on the line of a statement that may
    still go on (`tape manager shared catalog-node TCTMM on VMSYS1
    request-node TRTMM library ATL1`), the help first names the keywords
    that statement takes there (`catalog-dmm`, ...), since the word was more
    likely meant as one of them. A unit of a disk's size alone where a
    statement starts (`cyl`, `blocks`: words of the `disk` statement, not
    keywords) gets a help that says so first, with `size 10 cyl` and
    `size 2000 blk`.
    A schedule's keyword misspelt, the rest of its schedule written another
    way (`dialy 2am`, `dialy at 02:00`, `dialy @ 02:00`), is one error whose
    fix writes the schedule, `daily 02:00`; an hour alone there (`dialy at
    2`) has both readings, `daily 02:00` and `daily 14:00`, each a choice.
    A word of one or two letters is read as a keyword only where that
    keyword starts a statement of its block: `t` typed where a cluster
    statement starts (`tape` half typed) gets the cluster's list, not
    `to`, a job's, which would read a job there and the lines after it
    as misplaced in it. A word first on its line that no keyword is close to
    but that begins exactly one keyword a statement of its block starts
    with, of any length and in either case (`e`, `ba`, `R` in a job:
    `exclude`, `backup`, `run`), is that keyword begun, suggested and read
    on as it: its fix writes the keyword where the rest of the line reads as
    the statement (`r on VMSYS1 daily 02:00`), and alone on its line it says
    what the keyword needs (no fix either right above a line of `tape
    manager`'s options, which a `catalog` takes none of). Later on a line
    (`member M { w 2 }`) its help names the keyword it begins, and
    `job-suffix C D` is a word too many (BKR004), not `description` begun. One that begins two or three (`p` in an `expire` block:
    `preview` and `purge`) is none bkrc can choose: the help names them
    first ("`p` begins `preview` or `purge`: write the keyword in full"),
    then the block's statements, and the line is skipped. After the last name of a `backup` or `run on` list
    (or of a `single user` line's IDs), at the end of its line, a word of
    one or two small letters that begins an option of the statement is
    that option being typed (`backup APPS f` is `full`, `run on VMSYS1 we`
    is `weekly`; `run on VMSYS1 m` is `manual` or `monthly`, both
    suggested), not one more name whose `,` is missing: that is BKR004
    for a name in capitals (`backup APPS F`). So after names whose `,`s
    are missing (`backup APPS LINUX f`): BKR004 names `APPS` and `LINUX`,
    its fix writes `APPS, LINUX`, and `f` is this error. So too, after a
    whole statement on its line, at the end of that line (or before the
    block's `}`), a word of one or two small letters that begins one of
    the statement's options, or else one of the block's statements that
    fit there (`run on each member d` is `daily`, `catalog shared s` is
    `server`, `workers 2 p` in a member is `private-volume`): the keyword
    being typed, as its third letter says (`pri`), not a value whose
    keyword is missing; a word that begins none of them (`workers 2 da`)
    is that value, BKR004. So is `shared` alone on its line where a
    cluster statement starts: `shared-volume` typed up to its hyphen, as
    `share` and `shared-` are (its message says `shared` is not a keyword
    there), not a catalog's scope whose `catalog` is missing; with an
    option of Tape Manager's after it on its line (`shared catalog-node
    TCTMM ...`), it is that statement's scope, `tape manager` left out
    (BKR004), and with one only the catalog takes (`shared server
    BKRSVSFS ...`, also on the line after the cluster's volume labels),
    the catalog's, `catalog` left out (BKR004). So is a word
    in small letters that begins a statement keyword, first on its line
    after a minidisk
    selection's addresses or an SFS selection's paths (`ex`, as `exclude`
    is typed; of three letters or more, any statement keyword, `ret`; in
    capitals, alone on its line after addresses and no address itself, `EX`,
    `INC`, as keywords are case-insensitive): a
    statement's first word, not one more address (BKR310) or path
    (BKR318); and a word in small letters
    first on its line after a member's or the cluster's volume labels that
    begins a statement keyword of the block (`wor`, as `workers` is typed;
    `ex` after `shared-volume VMCOM1`, as `expire` is), or, of three
    letters or more, any statement keyword (`exc`): a statement's first
    word, not one more label, since a label is written in capitals. So
    is `m`, `ma`, `mat` or `matc` alone on its line in a group body:
    `match` being typed, not a user ID, which is written in capitals; so is
    an English word for `match` in small letters before a pattern on its
    line there (`matches LNXAPP*`, `pattern LNXAPP*`, `like LNXAPP*`, `glob`,
    `wildcard`, `users-like`, `mask`, `filter`, `select`), whose
    fix writes `match`, not a user MATCHES read silently; and
    there, a word in small letters that begins any statement keyword and is
    longer than a user ID may be (`descripti`, as `description` is typed),
    not a user ID of 9 characters (BKR301; shorter ones are BKR021's), or
    a hyphenated keyword typed up to its hyphen or past it (`job-`,
    `job-s`, `logon-w`, as `job-suffix`, `logon-wait` are typed), or a
    statement's keyword and the next joined by a `-` for their blank
    (`to-d`, `run-o`, as `to disk`, `run on` are typed), first in the body
    or after its IDs alike, and alone on its line or before the body's `}`
    (`private-v }`: one error, not a user ID too long besides): no user ID
    is written as keywords are, small letters joined by a hyphen.
    A keyword with a blank inside (`impor t`, `incl ude`), where the keyword
    fits, is one error for the two words, which bkrc reads as the keyword.
    A misspelt keyword, or one with a blank inside, is caught too at the
    start of the line after a list of volume labels, minidisk addresses or
    SFS paths (`shared-volume VMCOM1`, then `catalg shared server BKRSVSFS
    ...`), where the statement meant fits and its line reads on after it:
    not read as more names of the list. So is a word written as keywords
    are, small letters joined by hyphens, after a volume label
    (`private-volume ZAPRV1 tape-drives 2`): no label has a hyphen, so it is
    reported as the first word of a statement (`tape-drives` is not a
    keyword, `job-sufix` is `job-suffix` misspelt), not as a label too long;
    and such a word first on its line after a minidisk selection's
    addresses or an SFS selection's paths (`job-s`, `private-vo`, as
    `job-suffix`, `private-volume` are typed; `logon-w`, no statement's),
    not one more address (BKR310) or path, unless it is an address range
    of hex letters (`fa-fb`). A word typed up to its hyphen (`job-`,
    `private-`) is the hyphenated keyword it begins (`job-suffix`), not
    the keyword one slip away (`job`). So is a keyword typed on past its
    hyphen with no blank before it (`job-s`, `tape-d`) where the lexer,
    taking no name there, reads the keyword and leaves the rest (after a
    job's `description "..."`): one word being typed, not the keyword
    misplaced in the block (BKR013, "`job` cannot appear inside a `job`
    block").
    When the statement stops right after the misspelt word (`job J { inc }`),
    the same one error also says what must follow the keyword (`minidisk`
    or `sfs` after `include`), and has no fix, since the keyword alone would
    not finish the statement.
    When the one keyword meant starts no statement in the block the word
    stands in, but one of another block (`keep 35 days` or `retian 35 days`
    on a line of their own in a job: `retain`, the expire block's;
    `expiration`: `expire`, the cluster's; `ret` after a job's minidisk
    addresses; `keep 35 days` on the line after a job's addresses or SFS
    paths, or a member's addresses, where its line reads as the statement,
    not as more of the list), the help says where that statement belongs, as BKR013 does
    (`retain` belongs in an `expire on MEMBER { ... }` block), and the
    block the word stands in is shown. No fix: writing the keyword there
    would give BKR013. So at the top level of the file, where no block is
    open (`keep 35 days` after the imports, `jbo APPSFULL {` outside the
    cluster: `job` belongs directly inside `cluster NAME { ... }`), also
    alone on its line (`catalg`, `keep`) or cut short, the cluster on the
    line after it (`keep 35`, `purg weekly sun`): the one error says where
    the statement belongs, not what must follow the keyword or what the
    statement lacks (no "expected `days` after `35`, found `cluster`",
    whose fix wrote `days` and left the retention where it cannot stand).
    A list written so (`mtach LNX*`, `shared-volum VMCOM2`) ends with its
    line: the cluster below it is read as written, not its `cluster NAME`
    as two more names. A keyword that starts a statement there (`clustr`,
    `improt`) is still fixed. In the
    expire block, `keep 35 days` is `retain 35 days`, and its fix writes
    `retain`.
    A keyword ends at a blank: a word that only
    starts with one (`private-volumes ZAPRV1`, `workers3`) is reported too,
    since it would otherwise read as the keyword followed by a name (a volume
    `S`, a worker count written without its blank); `members VMSYS1 {` is
    `member`, a block declaring one member, whose help writes the block and
    whose fix writes `member`; a declaration's kind in the plural before a
    name and `{` (`identity users SYSIDS {`, `identity groups SYSIDS {`) is
    `group`, since the `{` opens a group, whose help writes `identity group
    SYSIDS {` and whose fix writes `group`; English `onto` for
    `on` (`size 20 cyl onto VMCOM1`) is `on`, not `on` and a name `to`, and
    its fix writes `on`; CP's `extent` after a disk's volume (`on VMCOM1
    extent 1000`) is `at`, whose help writes `at 1000` and fix `at`; without
    the volume (`size 20 cyl extent 1000`) it says that `on VOLUME at 1000`
    is meant and the volume is missing, with no fix. A schedule written in
    English where a schedule keyword belongs (`run on VMSYS1 every day at
    02:00`, `at 02:00`, `every sunday at 1am`) is answered with the schedule
    it means (`daily 02:00`, `weekly sun 01:00`; its days in the order
    written, `sun weekly,thursday 06:00` is `weekly sun,thu 06:00`, since
    that order goes into the templates and EXECs; `at 02:00` alone, which
    says not how often, gets `daily 02:00`, `weekly DAY 02:00` or `monthly N
    02:00`). Without its time (`every monday`, `nightly`, `on the 1st and
    15th`) the help writes HH:MM where the time goes and says the time of
    day is missing, without a fix; nor does another help give a time nobody
    wrote (`hourly` alone gets `daily HH:MM`, `weekly DAY HH:MM` or `monthly
    N HH:MM`, or `manual`; of a `purge` or a `preview`, `purge daily HH:MM`
    ... or `purge manual`, sent by hand with BKREXPIR). Days as one word
    without `weekly` (`run on VMSYS1 mon-fri 22:00`, `Monday-Friday`,
    `weekend`), or a range of them with blanks around its `-` (`mon - fri
    22:00`, or a typographic dash, `mon – fri 22:00`; `at` before the time,
    `mon-fri at 22:00`), are one error that says
    `weekly` is missing, whose help and fix write `weekly` and the days one
    by one, `weekly mon,tue,wed,thu,fri 22:00` (a word no statement has a
    place for after the time, `mon-fri at 22:00 now`, is one error more,
    one word too many, as after `daily 01:00`); without the time (`run on
    VMSYS1 mon-fri`), `weekly mon,tue,wed,thu,fri HH:MM`, the time said
    missing, no fix (was a `,` missing before them, whose fix made them a
    member). An hour alone after
    `at` (`every day at 2`) is the time written, read on the 24-hour clock:
    the help writes `daily 02:00` and says 2 in the afternoon is `14:00`;
    each reading is a choice where how often is said (`weekly sun at 3`:
    `weekly sun 03:00` or `weekly sun 15:00`); only an hour with no other
    reading (`at 13` to `at 23`, `at 0`) is fixed, and so is one at night (`every night at 2`, `nightly at 11`),
    which has one: 1 to 5 the morning's, 7 to 11 the evening's (`daily
    23:00`), 12 midnight (`daily 00:00`); 6 keeps both. A destination that does
    not start with `to` (`target disk pool BKUPPOOL`) gets the `to` form.
    A crontab schedule (`run on VMSYS1 0 2 * * *`) is one error; when it
    says a schedule bkrc has (every day; days of the week as one, a list or
    a range, 0 and 7 being Sunday; or one day of the month; at one time) its
    fix writes it (`daily 02:00`, `30 2 * * 0` is `weekly sun 02:30`,
    `0 2 * * 1-5` is `weekly mon,tue,wed,thu,fri 02:00`, days Monday first,
    every day of the week `daily`, `0 2 15 * *` is `monthly 15 02:00`), else
    the help lists the forms there are; so is one labelled or quoted as a
    form or a crontab file writes it (`run on VMSYS1 cron "0 2 * * *"`,
    `cron: 0 2 * * *`, `"0 2 * * *"`), whose fix writes the schedule over
    all of it. cron's macro where a schedule goes (`run on VMSYS1 @daily`)
    is one error that says when cron runs it: `@daily` and `@midnight` at
    00:00, whose fix writes `daily 00:00`, `@weekly` `weekly sun 00:00`,
    `@monthly` `monthly 1 00:00` (at a time written after it, `@daily 03:00`,
    that time); `@hourly` runs more than once a day, `@reboot` as the system
    starts and `@yearly` once a year, which no schedule does: no mend. A line of CMS WAKEUP's WAKEUP TIMES file (`run on VMSYS1
    ==/==/== 02:00:00`) is one error too, whose fix writes `daily 02:00`
    (`==/15/== 02:00:00`, the 15th of any month, `monthly 15 02:00`;
    `MONDAY 02:00:00`, a day by name, `weekly mon 02:00`, `WEEKDAY` or
    `WEEKEND` the days it names), where the seconds are 00 and the hour is
    given. A WAKEUP line that says no schedule bkrc has is that error
    without a fix, whose help says why: one date (`12/24/26 22:00:00`), a
    date once a year (`12/24/==`), a month or a year alone (`12/==/==`,
    `==/==/27`) get `manual`, submitted by hand when it is due; a time that
    repeats (`==:00:00`, every hour) gets a job for each time of day; seconds
    other than 00 (`02:30:15`) the schedule to the minute, `daily 02:30`. A schedule by the year (`yearly feb
    28 22:00`, `yearly 22:00`) or by the date, a run on one day (`on
    2026-02-28 22:00`), is one error without a fix, whose help says to write
    `manual` and submit the job by hand when it is due, the line's time kept,
    not `daily 22:00`, which would run it every day. A day of the month in
    English (`on the 1st at 22:00`, `every 15th 22:00`, in words `on the
    first at 22:00`) is one error without a fix, whose help writes `monthly
    1 22:00` (with the month named, `on the second day of the month`, the
    fix writes `monthly 2 22:00`); a day from 29 to 31 (`on the
    31st`, also `of the month`) gets `monthly 31 22:00` with BKR404's warning
    said, or `monthly 28 22:00`; the last day of the month, which no schedule
    has, gets `monthly 28 22:00` or `monthly 1 22:00`. Two days (`on the 1st
    and 15th`) get a job for each, `monthly 1 22:00` and `monthly 15 22:00`,
    as no schedule runs twice a month; a day no month has (`on the 32nd`) is
    said so. The Nth weekday of the month (`on the first sunday at 22:00`,
    `on the last friday`, `on the 2nd tuesday`) gets `monthly first sun
    22:00`, without a fix, never `weekly sun 22:00`, which runs every Sunday
    (`every second tuesday` may mean every other week, which no schedule is:
    the help says so). Every other week, day or month (`every other week at
    22:00`, `every two weeks on saturday`, `on alternate days`, also without
    a time: `every 2 weeks`) is one error
    without a fix, whose help says no schedule runs so, and writes the one
    that runs every week (`weekly sat 22:00`), day or month, or `manual`.
    A member after `preview` or `purge` (`expire on VMSYS1 { preview on
    VMSYS2 daily 05:00 }`) is an error too: both run on the member their
    `expire on` block names, the one member that runs expiry with a shared
    catalog, or on each member a block for a local catalog names (`expire on
    each member`), where the help gives one member's own a block of its own;
    a fix removes `on VMSYS1` only when it repeats the block's own members.
    With no schedule after the member (`purge on VMSYS1` alone on its line)
    it is one error that says a schedule goes in its place, without a fix.
    A line copied from the CP directory (`USER LINUX01 LBYONLY 512M 2G G`,
    `IDENTITY ...`, `MDISK ...`, `LINK ...`, `SUBCONFIG ...`, `BUILD ON ...`)
    is one error for the whole line, whose help gives the .bkr statement that
    says it (`single user LINUX01`, `disk USERID 0191 size 10 cyl`), or says
    that bkrc writes it (a line that opens a block, `SUBCONFIG VMSYS3 {`, is
    skipped with its block; `LINK MAINT 0190 0190 RR`'s help also writes the
    exclude that keeps such a link out of a job, `exclude minidisk * 0190`,
    and its fix removes the line where nothing else stands on it; an MDISK
    line's help writes its size and volume, `MDISK 0191 3390 AUTOV 10 VMCOM1
    MR`, as bkrc compile writes a disk without `at`, as `disk USERID 0191
    size 10 cyl on VMCOM1`, and its fix removes the line; below the pasted
    entry of a machine the file's `disk`, `catalog` or `tape` lines name,
    `USER BKRSVSFS ...`, the help writes that machine's `disk`, a choice,
    removing the line the other; a comment after a line a fix removes is
    kept on its line, `CP Q USERID  # who am I`); so is another statement of a directory entry,
    in capitals with its operands (`IPL CMS PARM AUTOCR`, `CONSOLE 0009 3215
    T`, `SPOOL`, `OPTION`, ...), whose help says that bkrc writes the product
    machines' entries, and a CP or CMS command as AUTOLOG1's PROFILE EXEC
    runs one (`SMSG BKRBKUP SUBMIT APPSFULL`, `XAUTOLOG BKRBKUP`, `ACCESS 191
    A`, `EXEC BKRSUBMT APPSFULL`, `CP` before it or not, also in single
    quotes as REXX passes a command on, `'CP XAUTOLOG BKRBKUP'`), whose help
    names the EXEC bkrc compile writes that does it (BKRSUBMT, which submits
    the job the line is in, or the one the line names where the file has a
    job so named; BKRSTART, which logs the machines on), also right below a
    member's volume labels (`SMSG BKRBKUP SUBMIT X`, whose words cannot all
    be labels) and first on a line of a group body (`SMSG` with its
    machine and verb, `XAUTOLOG BKRBKUP`), and a V-DISK's MDISK (`MDISK 0300 FB-512 V-DISK 128000 MR`,
    whose help writes the exclude that leaves it out of a job), a `POOL
    LNXPOOL 8` (whose help writes `match LNXPOOL*`), a `PROFILE LNXDFLT` or
    `INCLUDE PROFILE LNXDFLT`, and a REXX instruction (`ADDRESS COMMAND`; `EXIT`,
    `EXIT 0` or `RETURN` in capitals alone on a line of a job, member or
    expire block, or below a list; a REXX label alone on its line, `BKRBKUP:`,
    also in a group body, where the EXEC's lines below it are errors too),
    a CP QUERY (`Q USERID`, not in a group body unless below a REXX label
    or with CP's prefix, `CP Q USERID`, `cp q userid`;
    below a list, as `ACCESS 191 A`, whose words may all be labels but whose
    shape is the command's) and DirMaint's `*DVHOPT` line (in its
    capitals; after a statement or a list's names on its line, as
    `shared-volume VMCOM1 *DVHOPT LGN0001`, its fix removes it and its
    operands, the statement kept) in a block, a group body or below labels, a directory
    statement's word in capitals alone on a line of a block (`NAMESAVE`;
    not `SHARE`, which begins `shared-volume`, nor `IPL` or another word of
    four letters or fewer),
    and, in a group body, a directory statement
    or CMS command whose words cannot all be user IDs (`SPOOL CONS * START`,
    `IPL CMS PARM AUTOCR`, `MACHINE ESA 4`, `ACCESS 191 A`: an operand of
    digits or of no ID's shape, IPL's PARM, MACHINE's architecture), in
    any block, a group body or below a list of labels too, and a DirMaint
    command (`DIRM FOR BKRBKUP AMDISK ...`, `DIRMAINT ADD LINUX03`), and in
    a block a CMS `SET`, another CP command (`CP SLEEP 10 SEC`) or more of
    an EXEC's REXX (`SAY`, `PARSE ARG`, `IF ... THEN`): the fix of
    each removes its line where nothing else stands on it, or the command
    alone where a comment follows it (the comment kept, which its help
    says) or where it follows a block's `{` on its opening line,
    and so is the heading of a job template's selection records
    (`FUNCTION MEDIATYPE OWNER VDEV ...`, or `FUNCTION` with a word after
    it), whose help says to remove it and where a job says its selection,
    level and medium, and whose fix removes the line where it holds the
    column names alone (no value, no comment); a block opened with the first word of a
    directory entry (`USER VMSYS2 {`, `IDENTITY SYSIDS {`) is one error,
    whose fix writes the block's keyword that its body shows (`cluster` at
    the top of a file, over members and jobs; `member` for a
    member's settings, `job` for a job's statements; for user IDs, `single
    group` after USER, `identity group` after IDENTITY), and the block is
    read as that one (a job's or a member's body outside the cluster block,
    where neither can be, is one error whose help says to write it as a
    `job` or `member` block inside the cluster, and the block is skipped:
    a body's first words tell, as a job's `to tape` is no cluster's `tape`
    statement); so is one right after a list of minidisk addresses or
    volume labels (`include minidisk * 0191`, `private-volume V1`), whose
    words are not read as more of the list (below labels, a USER or
    IDENTITY line whose words cannot all be labels: `USER LNXWEB01`, an ID
    too long for a label, `USER LNXWEB XXXXXXXX`, `USER LNXWEB 512M`, `USER
    LNXWEB NOLOG`; `USER LNXWEB` may be two volumes, and is read so); so is
    an IDENTITY line with a user ID after it in a member, job or expire block
    (`IDENTITY TCPIP`, `IDENTITY TCPIP XXXXXXXX`), where no declaration goes,
    not a `group` or `user` missing after `identity` and the keyword misplaced
    (`identity user TCPIP` there is BKR013), and one closed by the block's `}`
    on its line leaves the `}` to close the block; so is one in the cluster
    block or at the top of the file, where `identity` declares, with the ID
    alone after it or what CP writes next and no user ID is (`IDENTITY
    TCPIP`, `IDENTITY TCPIP 32M`, `IDENTITY TCPIP NOLOG`, a password hidden
    as CP shows it, `IDENTITY TCPIP XXXXXXXX`), not `group` or
    `user` misspelt or being typed (`identity usr TCPIP`, `identity us`), a
    pattern, or IDs listed (`IDENTITY TCPIP, FTPSERVE`: `user` left out;
    `IDENTITY TCPIP FTPSERVE`, whose FTPSERVE may be the entry's password or
    a second user, is BKR004, whose help says both readings, each offered,
    `identity user TCPIP` and `identity user TCPIP, FTPSERVE`); and
    one on a line of its own in a group body, whose words are not read as
    more user IDs (`XXXXXXXX`, `512M`): its help says to list the user ID
    alone, which its fix writes over the entry where the entry's kind is the
    group's (`USER LNXDB1 XXXXXXXX 64M 128M G` in a `single` group), and
    whose help, where a word stands before the entry on its line (`LNXDB2
    USER LNXDB1 XXXXXXXX 64M 128M G`, a label or a user), says both readings,
    each a choice (`LNXDB1`, `LNXDB2 LNXDB1`); `IDENTITY TCPIP FTPSERVE` there
    (FTPSERVE the entry's password, or a second user) gets a help that says
    both readings, each a choice where the entry's kind is the group's
    (`TCPIP`, `TCPIP FTPSERVE`; an ID the body lists already is not written
    again, and a line that would add none is removed); so is a template's selection heading there, column names only
    (`FUNCTION MEDIATYPE OWNER ...`; `FUNCTION DB2PRD` may be two users),
    whose fix removes its line. `end` alone on a line where a block may close (REXX's
    `do ... end`) is read as the `}`, and its fix writes one.

    So are keywords run together, or a keyword and the start of the next
    (`catalog sharedserver`, `run on eachmember`, `singlegroup`,
    `catalog sharedserv`): bkrc names the keywords meant and reads on as if
    the blank were there. A statement's keyword and the `on` after it run
    together the other way round (`onexpire VMSYS1 {` under a catalog's
    `on VMSYS1`) are one error whose fix writes `expire on`, and the
    block is read so; so is `onrun VMSYS1 daily 02:00` in a job, `run on`.
    A statement's keyword joined to the next by a `-` for the blank, the
    next one begun (`run-o`, `to-d`, as `run on`, `to disk` are typed), is
    one error at the word whose fix writes the two keywords, not a `-o`
    unexpected. Where the statement stops right after such keywords
    (`onexpire`, `runon` or `run-o` alone on its line), the one error also
    says what must follow them (a member name), with no fix, as for a
    misspelt keyword below. Without the blank the same word would read as
    keywords in one place and as a name in another (`eachmember` a member,
    `excludeminidisk` a minidisk address after an include's addresses), so
    it is always an error. A word is taken for keywords only where those
    keywords fit: a volume `TOTAPE` or a user `RUNONCE` stays a name. A
    keyword run together with its value is reported wherever a name could
    not stand (`run on VMSYS1 daily01:00` is not a missing `,`) and after a
    hyphenated keyword, which no value starts with (`job-suffixC`). So is a
    number run together with the keyword after it (`workers 4private-volume
    M1PRV1`, `retain 35days`), which would read as one name: where the
    keyword fits after the number and the line reads on only so, bkrc names
    the two words and reads on as if the blank were there. So is a name in
    capitals run together with a keyword in small letters after it
    (`catalog shared server BKRSVSFSpool BKRPOOL`, `run on VMSYS2weekly sat
    22:00`), where the name is a valid one there, the keyword fits after it,
    and the line reads on only with the blank. A name that reads as written
    stays a name (a user `LINUXON`, a pool `DISKpool`), and so does one
    without the change of case (`APPSFULL`: a group, or `APPS FULL`?).
    So is a keyword with a `#` right after it (`retain 30 days#keep a
    month`, `catalog shared#x server BKRSVSFS ...`): a `#` starts a comment
    only where a word may start (after a blank, `{`, `}`, `,` or a text);
    inside a word it is part of the word (`SYS#1`), so `days#keep` is one
    word and no keyword. bkrc reads on as if a blank stood before the `#`,
    the rest of the line a comment, and the fix writes that blank; but where
    the words after it on the line read on after the keyword (`shared#x
    server BKRSVSFS`, `retain#keep 35 days`), they may be the statement's:
    bkrc reads them so, the word as the keyword, and there is no fix. So
    too where such a word in small letters starts its line after a list of
    addresses or labels (`to#x disk pool BKUPPOOL` after an include's
    addresses, `exclude#x minidisk * 0190`): the statement the line starts,
    not one more address. Alone on its line (`catalog## notes`,
    `description## x`), the statement ends right after the keyword: the one
    error also says what must follow it (`local` or `shared`), not "expected
    `local` or `shared` after `catalog`" at the next line besides, and has
    no fix, since the blank alone would leave the statement unfinished. So
    where words of prose follow it (`retain## notes`, `disk## the disks`),
    which read on as the statement's values, but the line ends before the
    statement does: not also "expected `days` after `notes`".

    A word that is no keyword before a retention after a `purge` or
    `preview` schedule's time (`purge weekly sun 06:00 for 35 days`), where
    its `retain` goes, says that the retention is `retain 35 days`, a
    statement of its own, as `keep 35 days` there is "did you mean
    `retain`?". With one word there the fix writes `retain` for it (`for 5
    weeks` becomes `retain 35 days`, weeks counted in days); with more
    (`for about 35 days`) there is no fix, which word is the slip being a
    guess. After a job's whole `to` statement (`to disk pool P for 30
    days`, `to tape keep 30 days`, `to disk retention 30 days`) a retention
    with words before its number says that a job keeps no retention: how
    long backups stay in the catalog is the expire block's `retain 30
    days`; no fix, as after a `run` line's time: removing it would drop the
    days meant (`retain 30 days` there is BKR013).
    A job's kind of backup written as a setting on a line of its own (`type
    full`, `kind full`, `level incremental`, `mode full`) says that it
    follows the groups on the `backup` line, not `tape` misspelt: where the
    job's one `backup` line has no level, the help writes `backup APPS
    full` and the fix writes the level there and removes the line; with a
    level there, or no `backup` line, the help says where it goes, no fix.
    The catalog's member named with `in` (`catalog shared server BKRSVSFS
    pool BKRPOOL in VMSYS1`) is `on`, which the fix writes.

    A tape's own setting written in a job as JCL writes it (`label SL`,
    `expdt 30`, `retpd 30`, `density 6250`) gets a help that says volume
    labels, density and retention are Tape Manager's own configuration: a
    job names its tape pool alone, `to tape pool NAME`. On the `to` line
    (`to tape density 6250`, `to tape pool P label SL`) it is one error for
    the setting and the words after it, whose fix removes them, leaving `to
    tape` or `to tape pool P`; on a `to disk` line (`to disk pool P density
    6250`) the help says a disk pool takes none of a tape's settings, that
    how long backups stay in the catalog is the `expire` block's `retain`,
    and writes `to disk pool P`. So on a line of its own in a job whose
    `to` line, above it or below, names a disk (`density 6250` under `to
    disk pool P`), with no fix, as in a tape job.

    A hyphenated keyword written without its hyphen, as one word
    (`jobsuffix`, `job_suffix`) or as two (`job suffix`, `private volume`,
    `catalog node`), is reported where the keyword fits and read as it, also
    after a list of names: `private-volume M1PRV1 jobsuffix C` is not three
    volume labels. Two words that are valid names of the list are names when
    what follows shows it (`private-volume M1PRV1 JOB SUFFIX }`: no
    `job-suffix` ends that way); when both readings fit
    (`private-volume M1PRV1 JOB SUFFIX C`), it is this error, and its help
    says to list such volume labels first, right after `private-volume`,
    where no keyword can stand; no fix, as the words may be labels. Not
    written in capitals (`private-volume M1PRV1 job suffix C`), as no
    volume label is, the keyword is the clear reading, and the fix writes
    its hyphen. Where the keyword does not belong at all
    (`job suffix C` in the cluster block), the error is BKR013.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          jbo APPSFULL {   # <- BKR012
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: spell the keyword as suggested: `job APPSFULL {`. `bkrc check`
    lists the keywords a block accepts in its help line; docs/language.md
    describes each construct.
    """,
)

MISPLACED = register(
    "BKR013",
    "misplaced-statement",
    "error",
    "a statement in a block where it does not belong",
    """
    Each statement belongs in one kind of block: `member`, `catalog`,
    `expire`, `tape`, groups and `job` directly inside `cluster { ... }`;
    `backup`, `include`, `exclude`, `to` and `run` inside `job { ... }`;
    `workers`, `private-volume` and `exclude` (for the single-configuration
    jobs pinned to the member) inside `member { ... }`; `import` at the top of a file. The message names
    every kind of block that takes the statement; so does the help where the
    statement stands inside another block (`workers 3` in an `expire` or a
    `job` block: it belongs in a `member NAME { ... }` block), also where the
    cluster takes it: a statement of the cluster alone (`disk BKRBKUP 191 size
    10 cyl` in a job) belongs directly inside `cluster NAME { ... }`, out of
    the block it stands in, after its `}` (the help and fix move the line,
    or a `member` or `job` block pasted whole into another, there); one of
    several blocks
    (`description` in an `expire` block or a group body) belongs in a
    `cluster NAME { ... }`, `job NAME { ... }` or `member NAME { ... }` block,
    each named. A `cluster` inside a block belongs in none: a file holds one
    cluster, at its top level (BKR111). `import` and `cluster` are this error
    too where a block's names go on (a group body's user IDs, a member's
    labels on their line: `private-volume D1PRV1 import std/x`), when the
    path's `/` or the block's `{` shows the statement, never one more name
    and a `/` or `{` no name holds (`import X`, without them, is still two
    names). A `match` outside a group is one error, its patterns read to the
    end of its line, not the lines below as more patterns. A statement of the
    cluster (`job`, `member`, `disk`) in a file that has no cluster, a module
    of the site's the cluster was to be split into, is one too, whose help
    says a module declares users and groups only: the statement goes in the
    cluster block of the file that imports it. So does a statement of a job,
    a member or an expire block there (`exclude minidisk * 0300`, written
    once for both clusters in the site's module): its help names the blocks
    that take it in the cluster file that imports the module, not a block
    the module cannot hold.

    A statement on the line just below its block's `}`, the braces of the
    file balanced, where that block takes it and has none (`workers 2` below
    `member LAB2`'s `}`), says the block was closed one line early; its fix
    moves the line above the `}`. Below the cluster's own `}` (a statement, or
    a block, added at the file's end), the cluster was closed early: its fix
    moves that `}` to the end of the file, where the statement does not repeat
    one the cluster holds (a second `catalog`, `expire`, or a member of that
    name: which is meant is the site's).

    A statement of no `expire` block in the body of one written without its
    braces (`workers 2` between `purge` and `retain` under `expire on
    VMSYS1`) is said to be in that `expire` block, where the missing `{`
    error's fix puts it, not in the cluster.

    A group body lists user IDs only: a cluster's `disk` line there (`disk
    BKRADMIN 191 size 10 cyl`), or its `catalog shared ...` or `tape manager
    ...` line, is this error, whose fix moves it below the group's `}` (or
    removes it where the cluster has it, written alike), not six users; a job's selection written there
    (`single group LINUX { match LNX* exclude minidisk LNX* 0200-02FF }`) is
    this error too, never its words read as more user IDs (EXCLUDE, MINIDISK,
    LNX*). `include` or `exclude` is read so when `minidisk` or `sfs`
    follows it on its line; alone, it is a user ID like any other. So is
    another block's statement that starts the line after a job's SFS paths
    or minidisk addresses (`include sfs BKRPOOL:CICSPRD.*`, then `retain 30
    days`, an expire block's), never its words read as more paths or
    addresses, unless the list may hold them all (volume labels may; the
    block's `}` on the line ends the list and is not weighed: BKR021).
    In a group body, a statement keyword too long for a user ID, in full in
    small letters first on its line (`description`, `job-suffix B`), is
    that statement misplaced too, not a user ID of 10 characters or more
    (BKR301) that BKR021 would call a statement besides. So is an option
    of `tape manager` or `catalog` there (`catalog-node TCTMM on VMSYS1`,
    `logon-wait 2 minutes`): the help says which statement it belongs in,
    and it is skipped with its values, not read as the user CATALOG-NODE
    (BKR301) and the users TCTMM, ON and VMSYS1.
    A statement keyword in full in small letters first on its line there
    is that statement's keyword whatever follows it, even alone as it is
    typed (`match`, `cluster`, `retain`): no minidisk address is a word
    of letters that spells a keyword, and no SFS path lacks its `POOL:`.
    So is a block or declaration pasted into a group body before its `}`,
    on a line of its own or after the IDs on the body's line (`single group
    APPS { CICSPRD identity group X { T } }`), when the file has as many `}`
    as `{` (`identity group SYSIDS2 { TCPIP2 }` in `single group APPS { ...
    }`): one error at its keyword, whose help says to move it out of the
    group, after its `}`; the group's own `}` below then closes the group,
    not the cluster. A block pasted into another (a group into a group body
    or a `member` block, a job into a job) with its `}` twice is this one
    error too, when the `}` after its own, on its line or alone below it,
    are all the file has too many (`identity group SYSIDS2 { TCPIP2 } }`):
    the help names that `}` as well, and there is no fix, as where the
    block goes is the user's choice. A statement of the cluster alone
    (`catalog`, `disk`, `tape`, `shared-volume`, a `member` block) alone
    on its line in a block whose `}` is alone on its line is moved below
    that `}` by the help and its fix, its comment with it; where the
    cluster has it already (a second catalog, a disk of that user and
    address, a member of that name, a volume already shared), written
    alike the fix removes it, else the help names the cluster's and its
    line, to keep the one meant. A group declared without its kind in
    a group body or after a member's volume labels (`single group APPS {
    CICSPRD group TESTERS { TEST01 } }`) is this error at `group`, which
    says a group is declared in the cluster block, with its kind, `single
    group TESTERS { ... }`; the block is skipped to its `}` (was "a block
    starts with its keyword and name", the generic help at its `{`).
    A keyword that starts no statement, or a value's word, in small letters
    in a group body, with words after it on its line that can be no user
    ID nor a pattern the group lists (a time, a number, an SFS path, `*`:
    `daily 02:00`, `size 10 cyl`, `at 100`, `minidisk * 0191`, `sfs
    POOL:USER.DIR`, `30 seconds`),
    is a statement's part written there, this one error: the message says
    what it is (a schedule, a disk's size, a selection) and the help where
    it is written; its words are skipped, not read as user IDs that the
    checks would refuse or warn of (BKR301, BKR341) or a pattern `*` matching every
    user (BKR204, BKR231, BKR411). A word in capitals that may be an ID ends
    it (`DB2PRD` after `daily 02:00` on the line). Where every word may be
    an ID or a pattern (`server BKRSVSFS`, `each member`, `full LNX*`),
    they are read as the group's entries and BKR021 warns, once for the
    phrase; a line that starts with a statement
    keyword (`disk ... size 10 cyl` below a group whose `}` is missing) is
    that statement's. A block's opening line pasted into a
    block without its `}`, alone on its line and indented under the block's
    first line (`member VMSYS3 {` and its settings in the middle of a job,
    the job's statements and `}` below), when the file has a `}` less than
    `{`, is this one error too, at its keyword: the help says to move it out
    and to close it with a `}` of its own, as the `}` below closes the job,
    whose statements after the pasted settings are read in the job. Written
    at or left of the job's first line, the job's `}` is the one missing
    there instead (BKR005).

    A misplaced statement whose own words have a slip too (`retain 35`, its
    `days` left out; `disk BKRBKUP 191 size 10` in a job; `retain 35
    dayz`) is this error and, once, that slip as the statement's home block
    says it, with its fix, wherever it stands: at the top level, in the
    cluster, in a member, a job or an expire block. Moving it (this error's
    help) and applying the fix mend both; where each slip has a fix, and
    they make a statement its home reads clean, the help writes it out
    whole too ("written whole: `retain 35 days`"). Its line's end is said as such
    ("expected `days` after `35`, found the end of the line"), never as the
    word on the next line. A keyword alone, as it is typed (`retain`,
    `catalog`), is this one error: what it lacks is not reported besides;
    so is a block's opening line cut short (`job J`, `member M`, `expire
    on DEV1`, `single group G` alone on their line), its `{` not yet typed,
    also with a word of it left out, misspelt or out of order (`expire
    DEV1`, `expire onn DEV1`, `single grop G`), where each slip's fix is
    certain: the help then writes the opening whole ("written whole:
    `expire on DEV1 { ... }`"), with no BKR004 or BKR011 besides.

    At the top level of the file, before the cluster, a statement of a
    block (`retain 35 days`, `workers 2`) is this error. A list written there (`match
    LNX*`, `private-volume M5PRV1`) ends with its line: the cluster below it
    is read as written, and a mistake in it is still reported, not
    `cluster NAME` read as two more names of the list and "a block starts
    with its keyword and name" at its `{`. Each statement written there is
    an error of its own: a block, or a statement of one, on the line below
    another (`member DEV3 { workers 2 }`, then `job X { backup GUESTS full
    }`) is not read in the block the first would belong in, where a job or
    a second `member` would stand unreported; a group or user declared
    between or after them (`single group SPARES { LINUX09 }`) is the top
    level's own, read as written.

    A hyphenated keyword in a block that does not take it, with or without
    its hyphen (`job-suffix C`, `jobsuffix C`, `job suffix C` in the cluster
    block, `catalog node TCTMM on VMSYS1` outside `tape manager`), is this
    error too, whose help says where the keyword belongs: `shared-volume`
    directly in the cluster block, `private-volume` and `job-suffix` in a
    `member` block, `catalog-node`, `request-node`, `catalog-dmm` and
    `request-dmm` in the `tape manager` statement; a member setting's
    example there is written in the file's first member's block with the
    line's own values (`member VMSYS1 { job-suffix D }`), and so is a
    `workers N` in the cluster block's (`member VMSYS1 { workers 4 }`).
    Such words are never read
    as more names of a list before them (`shared-volume VMCOM1 private volume
    M1PRV1` is not three volume labels), except names the list may hold
    (in a member block, `private-volume M1PRV1 SHARED VOLUME` is three) and
    the user IDs of a group; on a line of its own in a group body
    (`shared-volume VMCOM2`), its help says so too.
    A catalog's or Tape Manager's scope, `shared` or `local`, starting a line
    of a `member`, `job` or `expire` block, alone or before its statement's
    keyword (`shared catalog server BKRSVSFS ...`, the two words the other
    way round), is this error too, not a word that cannot appear: the help
    says whose scope it is, `catalog shared ...` or `tape manager shared
    ...`, statements that belong directly in the cluster block.

    The most common cause is a `}` too many: it closes a block early, and the
    statements after it land outside. bkrc then points at the `}` that closed
    the block, and reads the following statements as if they were still
    inside it, so one stray brace gives one error, not one per line. When the
    file has exactly one `}` more than `{`, the error carries a fix that
    deletes that `}` (`bkrc check --fix`, the editor's quick fix).
    When that `}` lines up with its block's first line, alone on its own
    line, and the statement stands below it indented, after a blank line,
    the line that opened the statement's block may have been deleted
    instead (`job APPSFULL {` removed, its body and `}` left): the help says
    both, and there is no fix.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 } }
          catalog shared server BKRSVSFS pool BKRPOOL   # <- BKR013: outside the cluster now
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: remove the extra `}`, or move the statement into the right block.
    """,
)

KEY_VALUE = register(
    "BKR014",
    "key-value-syntax",
    "error",
    "a `:` or `=` between a keyword and its value",
    """
    .bkr statements are a keyword followed by its values, separated by
    blanks, the way CP and CMS commands are written. YAML's `key: value` and
    the `key = value` of ini files and Backup Manager templates are not .bkr.
    A line copied from a job template (`INCLUDE MINIDISK * = 0100 - 0FFF`,
    `CONFIG BKR_Job_Name = APPSFULL`) is one error for the whole line, whose
    help gives the .bkr statement (`include minidisk * 0100-0FFF`): bkrc
    writes the template from the job block. For a minidisk record, owner
    and addresses, the fix writes that statement in the record's place (a
    comment after it stays), so that a template's selection pasted into a
    job block is mended by `bkrc check --fix`; so it does for a whole
    record of the template's columns whose columns after the address are
    all `*` (`INCLUDE MINIDISK * = * * = * *`: `include minidisk * *`; the
    address may follow its owner without its `=`, `EXCLUDE MINIDISK DB2PRD * =
    * *`: `exclude minidisk DB2PRD *`). Where its owner is a user ID none of
    the job's groups lists (`EXCLUDE MINIDISK MAINT * = * *` in a job of
    `backup APPS`; the groups the file declares, or, once its imports are
    read, those a module it imports does), the selection so written would select nothing
    (BKR406): an exclude's help says so and its fix removes the line; an
    include's help says to list the owner in the job's group, no fix. A
    CMS sequence number in the record's columns 73-80 (`00001000`) is no
    field of it. Outside a job (the cluster block, a member's include or
    exclude of owner `*`) the help says to move the selection into the job
    blocks, no fix: written there it would be BKR013, BKR117 or BKR414. One
    whose other columns select more (a volume, a device type) gets a help
    writing its owner and addresses and naming the columns a .bkr selection
    does not select by, and no fix. In a group body such a record is one
    error too, not a job's selection misplaced as well: a group lists
    users, so for a record of every disk of its owner (`INCLUDE MINIDISK
    LNXDB* = * * = * *`) the fix writes the owner as the group's entry
    (`match LNXDB*`), the jobs selecting the disks; one of some addresses,
    an `EXCLUDE` or an owner `*` gets a help writing the job's selection,
    and no fix; so too after the body's user IDs on their line (`{ LNXWEB01
    LNXWEB02 INCLUDE MINIDISK LNXDB* = * * = * *`: the fix writes `match
    LNXDB*` where the record stands). An include of owner `*` with a user ID
    after its columns (`INCLUDE MINIDISK * = * * = * * LNXDB*`) is the ID's:
    the help says the ID is the user, whom a record names in its third
    field, OWNER, and the fix writes `match LNXDB*` over the record and the
    ID for a record of every disk (with addresses, the help writes the job's
    selection, `include minidisk LNXDB* 0191`, no fix), the ID being the
    group's entry whether it was meant as the record's owner or as the
    body's next ID. A template's header setting in a job block, of its name,
    level or target (`CONFIG BKR_Job_Type = FULL`, `CONFIG BKR_Job_Name =
    APPSFULL`, `CONFIG BKR_Output_Spec = DISK BKUPPOOL`, or `= CMS`, no medium
    a job names, where the job's `to` says one), gets a help that
    writes the job's own statement with its words (`backup APPS full` for
    the job's `backup APPS` line, `to disk pool BKUPPOOL`), or says which
    line says it already; the fix writes the level on the job's one `backup`
    line without one, or the `to` statement in the setting's place where the
    job has none, or removes a line the job says already (its name, its
    level, its medium), and removes nothing where the setting says otherwise
    than the job (`CONFIG BKR_Job_Name = APPSDAY` in `job APPSFULL`: the
    help says where a job is named). `MEDIA_TYPE = DISK` (the template's
    MEDIATYPE column as a setting) is the target's setting, as
    `CONFIG BKR_Output_Spec`; outside a job (a group body, a member, the
    cluster block) its help says how the file's jobs write the target
    (`to disk pool BKUPPOOL`, as job LNXINC's), and its fix removes it. The
    number of worker machines (`CONFIG BKR_Job_Workers = 4`, anywhere) is a
    member's `workers` statement: the help names the members' own (the one
    the line is in, the job's `run on` members, or each member), and the
    fix removes the line where they say the number already, or writes it
    in the one member's `workers` (or for the line); where the members
    meant are several and differ, no fix. A header setting no .bkr statement says
    (`CONFIG BKR_Job_Token = APPSFULL`) gets a help that names the job's
    own lines bkrc writes the settings from, and a fix that removes it. A
    record whose addresses the job's own selection of its kind and owner
    takes in already (`INCLUDE MINIDISK * = 0191 * *` beside `include
    minidisk * 0191-01FF`) gets a fix that removes it, where written it
    would repeat them (BKR312); one that shares only some of them, no fix.
    So is a block's settings line
    written as `key=value` without braces (`member VMSYS1 workers=4`),
    whose help writes the block (`member VMSYS1 { workers 4 }`), and so
    does its fix where each key is a keyword of the block (a key no
    statement of the block starts with, `frob=M3PRV1`, the help names, and
    writes the block with the other settings only; no fix), and a
    `member` or `job` block written as YAML, `member: VMSYS1` with its
    settings on the lines below (`workers: 4`): one error for the block,
    whose help (and, without comments in it, a fix) writes it as .bkr.
    A `:` or `=` after a block's name (`member VMSYS1: {`, `single group
    APPS: {`, `job APPSFULL = {`) is one error too, whose fix removes it; the
    name is read without it.
    The quoted text of a `description` is a value like any other:
    `description = "Nightly"` is this error too. Between a keyword and its
    value (`workers = 4`, `workers=4`, `backup: APPS`, `retain: 35 days`,
    `disk BKRBKUP 191 size: 10 cyl`), the fix writes one blank in place of
    the sign and the blanks around it, and the help writes the statement
    without it (`retain 35 days`; `workers 4` for `workers: 4` before the
    member's next statement on its line, also where that one has its
    own sign, `workers=4 private-volume=M1PRV1`). So between a
    statement's keyword and the keyword that goes on with it (`run: on VMSYS1
    daily 02:00`, `expire: on VMSYS1 {`, `catalog: shared ...`), whose help
    writes the statement without the sign, also where the keyword starts the
    line below a list of names (`catalog:` under `shared-volume VMCOM1`, `to:
    tape` under a selection's addresses), which it would otherwise run on into
    as one more label or address, and between `match` and its pattern in a
    group body (`match: LNXAPP*`), which would otherwise be a user ID
    `MATCH:` (BKR301).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers: 2 }
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

    Fix: drop the punctuation: `member VMSYS1 { workers 2 }`.
    """,
)

STRAY_COMMA = register(
    "BKR015",
    "stray-comma",
    "error",
    "a `,` where no list continues",
    """
    Commas separate the names of one list: the groups after `backup`, the
    members after `on`, the users after `single user`, the days after
    `weekly`. A comma anywhere else, such as between the entries of a group
    body (which are separated by blanks or new lines), is an error; the
    commas of one group body are one error, whose fix removes them. So are
    the commas between the names of a list that blanks separate, on one
    line: volume labels (`private-volume M1PRV1, M1PRV2`, `shared-volume
    VMCOM1,VMCOM2`), a selection's minidisk addresses (`exclude minidisk *
    0190, 019D, 019E`, also after its owner: `exclude minidisk *, 0190`)
    or SFS paths: one error, whose help writes the
    statement without them and whose fix removes them; the names after
    them are read as the list's. So are commas between a `disk`
    statement's values, as a CSV line or a parameter list writes them
    (`disk BKRBKUP, 191, size 10 cyl`, `disk BKRBKUP 191, size 10 cyl`),
    where the line without them is the whole statement: one error, "`,`
    does not separate the values of a `disk` statement", whose fix removes
    them; so are those of other statements that take no list there
    (`retain 35, days`, `to tape pool, SCRATCH`, `catalog shared, server
    BKRSVSFS`, `tape manager shared, catalog-node TCTMM`), also in a
    block written on one line (`member VMSYS1 { workers, 4  private-volume
    M1PRV1 }`, `expire on VMSYS1 { ...  retain 35, days }`), whose help
    writes the statement alone, `workers 4`, and a `,`
    between `description` and its quoted text (`description, "Nightly"`),
    whose fix removes it (the text not closed too, `description, "Nightly`:
    its help writes the text closed, and BKR007 follows). A `disk` line
    that is no statement without its commas alone (`disk BKRBKUP, 191,
    size: 10 cyl`, `disk BKRBKUP 191, 10 cyl`) has the same error, whose
    help writes no line, then the other slip's own error, as without the
    commas, its help writing none of them. So is a `,`
    between a block's name and its `{` (`member VMSYS1, {`): one error
    whose fix removes it. So is
    a `,` at the end of a whole statement's line (`run on VMSYS1 daily
    02:00,`, `shared-volume VMCOM1,`), or before its block's `}` on the
    line (`private-volume M1PRV1, }`): one error whose fix removes it. (A
    list that ends with `,`, as in `run on VMSYS1, daily 02:00`, is BKR010:
    the name after the comma is missing.) A `,` after a minidisk
    selection's owner that ends its line (`exclude minidisk *,`) is one
    error at the `,` that says no address follows it, a list never ending
    with `,`; no fix, as the selection has no address without it either.
    With addresses first on the next line, it is the `,` between the owner
    and its addresses, whose fix removes it. A `,` between two statements on
    one line (`workers 4, private-volume M1PRV1`, `backup APPS full,
    include ...`) is one error that says the statements are separated by
    blanks or new lines alone, whose fix removes it. The `on` of a statement that
    names one member takes no list: `catalog ... on VMSYS1, VMSYS2` and
    `catalog-node TCTMM on VMSYS1, VMSYS2` are this error, whose help says
    that one member is named there (the catalog's server, the Tape
    Manager catalog node). A `monthly` schedule names one day, so a `,`
    after its day (`purge monthly 1,`, `monthly first sun,`) is this error
    too, which says so: its help writes the day with its time and how a
    second day a month is written (a second job; a second `expire` block
    for a `preview`; a member's one `purge` runs `weekly` to purge more
    often). Where the time follows (`monthly 1, 02:00`, or two commas,
    `monthly 1,, 02:00`), a fix removes the `,`. A `,` where the day goes
    (`monthly ,`) or the weekday after its ordinal (`monthly last,`) is this
    error, whose help says what a `monthly` schedule takes there: one day of
    the month, its number (`monthly N HH:MM`), the month's last day
    (`monthly last-day HH:MM`) or a weekday (`monthly
    first|second|third|fourth|last DAY HH:MM`); where the day and the time
    follow it (`monthly ,15 02:00`, `monthly last, sun 02:00`), a fix
    removes it. (`monthly 1,15` is BKR004.) So in the other schedules: a
    `,` where a `daily` schedule's time goes (`daily , 02:00`) or a `weekly`
    one's first day (`weekly ,`), or one after the `,` of `weekly`'s days
    (`weekly sat,,sun 22:00`; `weekly sat,, 22:00`, no day after them), is
    this error, whose help writes the schedule; a fix removes the commas
    where it is whole without them.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01, LINUX02 }   # <- BKR015
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `single group APPS { LINUX01 LINUX02 }`.
    """,
)

COMMENT_SYNTAX = register(
    "BKR016",
    "comment-syntax",
    "error",
    "a comment written in another language's style",
    """
    In .bkr, `#` starts a comment that runs to the end of the line, and `##`
    a doc comment that documents the declaration below it. The comment forms
    of REXX and C (`/* ... */`), of CMS files and job templates (a line
    starting with `*`, or a `*` and words after a statement), of C++ (`//`)
    and of SQL (`--`) are not comments here. A `*` comment's fix writes
    `#` for its `*` (`bkrc check --fix`), a `//` or `--` comment's `#` for
    its two characters; `/* ... */` closed on its line, nothing after its
    `*/`, gets one that writes `#` for the `/*` and removes the `*/` (one
    that runs on past its line, none). DirMaint's `*DVHOPT` line not in
    its capitals (`*dvhopt ...`) is this error, whose help says what the
    line is (in capitals it is BKR012's). A file that starts with such a
    comment, as a REXX EXEC must, is read as .bkr where .bkr statements
    follow it: this error, not BKR009.

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          single group APPS { LINUX01 }
          job APPSFULL {
            * nightly full backup of the Linux guests
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `# nightly full backup of the Linux guests`.
    """,
)

STRING_QUOTES = register(
    "BKR017",
    "string-quotes",
    "error",
    "text quoted with the wrong quote marks",
    """
    A quoted text (after `description`) is written between straight double
    quotes `"..."`. REXX's single quotes and the typographic quotes that word
    processors and mail programs put in (“...”, ‘...’) are not quote marks in
    .bkr. Where the text is closed on its line, and nothing but a `}` or a
    comment follows it, the help and the fix write it in straight double
    quotes (`description "Production cluster"`; a `"` or `\\` inside it
    escaped, `\\"`, `\\\\`). A name is never quoted: `pool
    'BKRPOOL'` is read as the name `BKRPOOL`, and the fix removes the quotes.
    Nor is a minidisk address a hexadecimal constant, as assembler and CP's
    `DEFINE` write one: `X'0191'` is the address `0191`, which the fix writes
    (`X'0100'-X'01FF'`, the range `0100-01FF`).

    Failing example:

        import std/backup-manager
        cluster PRODSSI {
          member VMSYS1 { workers 2 }
          catalog shared server BKRSVSFS pool BKRPOOL
          expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
          description 'Production cluster'
          single group APPS { LINUX01 }
          job APPSFULL {
            backup APPS full
            include minidisk * *
            to disk
            run on VMSYS1 daily 02:00
          }
        }

    Fix: `description "Production cluster"`.
    """,
)

LINE_TOO_LONG = register(
    "BKR018",
    "line-too-long",
    "error",
    "a line longer than any .bkr source needs",
    """
    No statement of the .bkr language needs a line of more than a million
    characters: even a list of every user ID on a large system fits in a few
    thousand. A longer line means the file is not a .bkr source (a minified
    JSON document, a log, a dump, a file whose line ends were lost in a
    binary-mode transfer), and reading it would only produce noise, so bkrc
    stops at that line and says so.

    Failing example: a 5 MB file with no line end.

    Fix: pass the cluster's .bkr source; if the line ends were lost in
    transfer, transfer the file again in text (ASCII) mode.
    """,
    no_example="a line of megabytes, too long to show",
)

FILE_TOO_LARGE = register(
    "BKR020",
    "file-too-large",
    "error",
    "a file larger than any .bkr source needs",
    """
    A .bkr file holds at most 10,000,000 bytes (10 MB). A cluster's
    description is a few kilobytes: a cluster of 50,000 users, more guests
    than any z/VM system runs, takes half a megabyte. A larger file is not a
    .bkr source (a log, a dump, a listing, a generator gone wrong), and
    reading it would cost memory the machine may not have: bkrc keeps some
    60 bytes per byte of source while it checks a file, so 10 MB already
    take more than half a gigabyte. bkrc asks the file system for a file's
    size before it reads the file, reads only the start of its first line
    (to show it) when it is too large, and says so, for a main file and an
    imported module alike, in `bkrc check`, `compile`, `fmt` and the
    language server: a file of gigabytes costs no more than a small one.
    Standard input (`-`), whose size nobody knows in advance, is read up to
    the limit and no further; `bkrc fmt -` then passes the whole input on
    unchanged, as it does any input it cannot format.

    Failing example: a 20 MB file.

    Fix: pass the cluster's .bkr source. A site whose lists of users are
    generated can write them into modules that the cluster file imports,
    each below the limit.
    """,
    no_example="a file of megabytes, too large to show",
)

SEQUENCE_NUMBERS = register(
    "BKR022",
    "cms-sequence-numbers",
    "error",
    "lines end in columns 73-80 with a sequence number, as CMS files numbered by XEDIT do",
    """
    A CMS file kept with sequence numbers (XEDIT's serial numbering, as
    z/VM's own source files and USER DIRECT have them) holds the text in
    columns 1-72 and an 8-digit number in columns 73-80 of every record. A
    .bkr file is read as a workstation file, whole lines: each number would
    be read as one more word, and every line would be an error of its own.
    So when every line of a file is 80 characters long and ends in 8 digits
    in columns 73-80, bkrc says it once, at the first number, and reads no
    further. So it does, naming the lines, when only some lines are
    numbered (a file edited with SET SERIAL ON, then lines added without
    numbers): those 80 characters long whose 8 digits in columns 73-80
    follow a blank, as no .bkr statement ends, and in such a file also
    those whose text fills column 72, the number touching it (alone, such
    a line is read as written: a word may end in 8 digits). One error for
    the file, not one per line: one cause, which one fix removes.

    Failing example: a .bkr file written on CMS with sequence numbers and
    transferred in text mode, whose first line reads `import
    std/backup-manager` padded to column 72, then `00000100`.

    Fix: remove columns 73-80 (and the blanks before them) from every
    numbered line. `bkrc check --fix FILE` (and the editor's quick fix)
    does it; so does `cut -c1-72 FILE | sed 's/ *$//'` for a file numbered
    throughout. On CMS, keep the .bkr file without sequence numbers.
    """,
    no_example="a file whose every line is 80 columns long, too wide to show",
)

OTHER_LINE_END = register(
    "BKR023",
    "other-line-end",
    "warning",
    "a line separator (U+2028, U+2029) or NEL (U+0085) inside a comment or a quoted text",
    """
    A .bkr line ends at a line feed, a CRLF or a CR, and only there: the
    parsers, `bkrc fmt`, the line and column of every diagnostic and the
    language server count lines so, as LSP does. Unicode's line separator
    (U+2028), paragraph separator (U+2029) and next line (NEL, U+0085) end
    a line for other readers: some editors and viewers break the line
    there, and so do Python's `str.splitlines` and the tools built on it.
    Inside a comment or a quoted text bkrc reads one as one more character,
    so what follows it on its line looks, to such a reader, like a line of
    its own: a comment `# retired` with `workers 4` after the separator
    shows a statement that bkrc reads as part of the comment. One comes
    from text pasted out of a word processor or a web page, or from a file
    transferred from z/VM in binary and converted by hand (EBCDIC's line
    end, X'15', is NEL). One warning for each comment or text, at its first
    such character; outside them the character is an error (BKR003).

    Failing example: a comment `# old member  workers 4`, a line separator
    between `member` and `workers`.

    Fix: remove it, writing a blank where it stood between two words
    (`bkrc check --fix` does, and so does the editor's quick fix): what
    bkrc reads stays as it was, and editors show it so. Where the words
    after it in a comment read as a statement (`import std/zvm73`), the
    help says that a line end may be what was meant: write one there
    instead, and the statement is read.
    """,
    no_example="a line separator, which an example in this page would show as a line end",
)

HIDDEN_CHARACTER = register(
    "BKR024",
    "hidden-character",
    "warning",
    "a control character or a bidirectional override inside a comment or a quoted text",
    """
    bkrc reads a comment or a quoted text as it is written, character by
    character. Some characters there make what a reader sees differ from
    what bkrc reads:

    - a bidirectional embedding, override or isolate (U+202A to U+202E,
      U+2066 to U+2069) makes an editor show the characters after it in
      another order, so a comment can look like a statement, or a statement
      like a comment (the "Trojan Source" attack, CVE-2021-42574, which
      compilers warn of too);
    - a control character (U+0001 to U+001F but TAB, line feed, carriage
      return, vertical tab and form feed; DEL; U+0080 to U+009F but NEL,
      BKR023's) is invisible in most editors, or shown as a mark (`^A`).
      A few of them a terminal that shows the file (`cat`, `type`, `XEDIT`
      on a transferred copy) acts on, and the warning says how: ESC (and
      CSI, U+009B) starts an escape sequence, which can hide a line, or
      write over one; BEL rings the bell; BS moves back a column, so the
      next character covers the one before; SO and SI switch the character
      set. The others (U+0001, start of heading; DEL; most of U+0080 to
      U+009F) terminals ignore: the warning names the character and says
      it is one no reader sees, which bkrc reads all the same, so a search
      for the words around it does not find them.

    In a quoted text (a `description`) the generated files stay
    EBCDIC-invariant: each such character is written there as `<U+XXXX>`,
    which is what the operator sees on CMS. One warning for each comment or
    text, at its first such character. Where the words after the character
    in a comment read as an `import` line of the file's top level (`## doc`,
    a control character, `import std/zvm73`), it is more likely a line end
    mangled than words of the comment: the warning points at the import
    that bkrc does not read, and its fix writes a line end for the
    character. Outside a comment or a text, a control character is an error
    (BKR003).

    Failing example: a description whose text holds an escape sequence
    (ESC `[8m`, which hides what follows on a terminal).

    Fix: remove it, with the rest of an escape sequence it starts (`bkrc
    check --fix` does, and so does the editor's quick fix); for a hidden
    `import`, write a line end before it.
    """,
    no_example="a control character, which an example in this page would not show",
)
