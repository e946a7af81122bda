"""The site's CP source directory, read for what the checks against it need.

`bkrc check --directory FILE` (and `compile`, `show`) compare the .bkr file
with the site's real source directory: `USER DIRECT` on PMAINT 2CC, which
DIRECTXA reads, or what DirMaint keeps (`DIRM USER WITHPASS` writes it whole
in the same format). This module reads that file and keeps only what the
checks of `bkrdsl/check/directory.py` ask: each USER, IDENTITY and SUBCONFIG
entry (its kind, ID and place), each IDENTITY's `BUILD ON member USING
SUBCONFIG id` statements, each entry's MDISK statements (the minidisks a
selection may name: their virtual address, and whether they hold data at all;
and, for the compile's own MDISKs to be compared with, their device type,
size, volume and first cylinder or block, as far as each states them)
and LINK statements (an address that is another user's disk), and the PROFILE
an entry INCLUDEs (its LINKs are the entry's too). Every other statement of an
entry (IPL, OPTION, SPOOL, LINK...) is read again from the text when asked
(`Directory.other_statements`: BKR524 compares a product machine's entry with
the compiled one), so the reader keeps no more than where an entry ends;
none is refused for being unknown.

The format, as z/VM's CP Planning and Administration ("Source Directory
File Formats") gives it and DIRECTXA reads it:

- one statement a record; a statement is in columns 1-71, and columns 72-80
  (sequence numbers, where an editor keeps them) are not read; a word that
  runs from column 71 into 72 is cut there (BKR505). There is no continuation:
  a statement that does not fit is written as two (OPTION, LOGONBY);
- a record with `*` in column 1 is a comment; a blank record is skipped;
- an entry starts with USER, IDENTITY, SUBCONFIG, PROFILE or GLOBALDEFS; the
  DIRECTORY and GLOBALOPTS statements come before the entries; INCLUDE (a
  PROFILE) and every other statement belongs to the entry above it;
- words are separated by blanks; statement names and IDs are read in upper
  case, as CP reads them; user, IDENTITY and SUBCONFIG IDs share one name
  space (no two alike).

The bytes: UTF-8, else Latin-1 (what a text-mode transfer from code page
1047 gives for a byte outside ASCII, in a password say); a file holding NUL
bytes, or that reads as EBCDIC (transferred in binary: its blanks are X'40',
`@`), or of more than MAX_FILE_SIZE bytes, is BKR501, and the checks against
it are not run; a NUL byte's BKR501 points at the first one, its record shown
with the byte as `␀`. The reader never raises on any bytes.

Passwords stay out of every report: the `Source` the diagnostics show a line
of has each USER's and IDENTITY's password, and each MDISK's link passwords,
written as `*`s of the same length (so each column stays where it is), since
a report goes to terminals, CI logs and code-scanning services.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import field
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from bkrdsl.diagnostics import Diagnostic, Related
from bkrdsl.diagnostics.registry import register
from bkrdsl.generated import DIRECTORY_COLUMNS, ONE_OPERAND_FORMS
from bkrdsl.generated import DIRECTORY_WORD as _WORD
from bkrdsl.generated import PASSWORD_WORDS as _PASSWORD_WORDS
from bkrdsl.generated import password_slice as _password_slice
from bkrdsl.records import dataclass
from bkrdsl.resolve.model import pattern_regex
from bkrdsl.resolve.patterns import USER_ID_CHARS, literal_head
from bkrdsl.source import Source, Span

#: A directory larger than this, in bytes, is refused (BKR501): IBM's USER
#: DIRECT of some 2,000 entries is under 2 MB, and a site of 50,000 guests at
#: 20 records an entry is 80 MB at 80 columns a record.
MAX_FILE_SIZE = 200_000_000
#: The unit of an MDISK statement's count and its bytes, by the device type the
#: statement names (what `bkrc show --directory` counts and a `disk` statement's
#: hover says), in the order `bkrc show` lists them. A CKD volume's count is
#: cylinders of 15 tracks: a 3390 track holds 56,664 bytes and a 3380's 47,476, the
#: "Maximum Data Length/Track" and "Trk/Cyl" of IBM's z/OS DFSMS "Direct access
#: storage devices", Table 1 (849,960 and 712,140 bytes a cylinder). An FBA volume
#: is "512-byte blocks" (z/VM 7.3 CP Planning and Administration, "FBA Device
#: Geometry"), which the MDISK statement counts: FB-512, the generic FBA type, and
#: 9336, an FBA model the statement names by its number. Any other device type
#: (9345, 3375) has no size in bytes here: counted, and named as unsized, never 0.
GEOMETRY = {
    "3390": ("cylinders", 15 * 56_664),
    "3380": ("cylinders", 15 * 47_476),
    "FB-512": ("blocks", 512),
    "9336": ("blocks", 512),
}
#: Bytes of one unit of an MDISK statement's count, by device type (`GEOMETRY`).
BYTES_PER_UNIT = {devtype: size for devtype, (_unit, size) in GEOMETRY.items()}
#: The last column of a statement; columns 72-80 are not read.
LAST_COLUMN = DIRECTORY_COLUMNS
#: The statements that start an entry. Only USER, IDENTITY and SUBCONFIG
#: entries are kept; a PROFILE's or the GLOBALDEFS entry's statements are read past.
ENTRY_STATEMENTS = ("USER", "IDENTITY", "SUBCONFIG", "PROFILE", "GLOBALDEFS")
#: The statements `_Reader.read` reads beyond their place in their entry (an IPL's,
#: a MACHINE's, an INCLUDE's: where the entry's other statements end, and the PROFILE named).
_READ_ON = frozenset({"MDISK", "BUILD", "LINK", *ENTRY_STATEMENTS, *_PASSWORD_WORDS})
#: The password operands of the USER and IDENTITY statements that are no password
#: (z/VM 7.2, USER Directory Statement): kept, unmasked, in `Directory.password_forms`.
PASSWORD_FORMS = frozenset({"NOLOG", "NOPASS", "AUTOONLY", "LBYONLY"})
#: The MDISK forms whose minidisk holds nothing after its user logs off: a
#: virtual disk in storage, and a temporary disk CP gives at logon.
TEMPORARY_FORMS = ("V-DISK", "T-DISK")
#: DirMaint's allocation forms (`MDISK 0191 3390 AUTOV 10 M1PRV1 MR`, as DIRM ADD
#: takes an entry): a permanent minidisk whose extent DirMaint chooses.
ALLOCATED_FORMS = frozenset({"AUTOG", "AUTOR", "AUTOV"})
_HEX = frozenset("0123456789ABCDEF")
#: A blank `str.split` splits at and DIRECTXA does not: any but a space or a tab (and the newline).
_ODD_BLANK = re.compile(r"[^\S \t\n]")
#: A word as `str.split` splits a record: at any blank (`_masked` reads a record so too).
_SPLIT_WORD = re.compile(r"\S+")
#: Those blanks, each looked for in a text at C speed (`in`) before `_ODD_BLANK` says where:
#: the characters `str.isspace` holds blank (tests/test_cpdirectory.py checks the list).
ODD_BLANKS = (
    "\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
#: A word that is a z/VM user ID (`_id_problem` finds nothing wrong with it).
_USER_ID = re.compile("[" + re.escape("".join(sorted(USER_ID_CHARS))) + "]{1,8}").fullmatch
_new = tuple.__new__  # a named tuple made without its `__new__`'s Python call
_object_new = object.__new__
_object_setattr = object.__setattr__
_MEMBER_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@#$")
#: A DASD volume label (volser) as an MDISK names it: 1-6 letters, digits and national
#: characters (as the checker holds a `.bkr` file's, `check.common.VOLUME_CHARS`), or a
#: symbol CP resolves (`&SYSRES`). `bkrc init --directory` and `check --fix` write the
#: directory's labels into a `.bkr` file: a `}` or a quote there would change the file.
_VOLUME_LABEL = re.compile("&.*|[A-Z0-9@#$]{1,6}", re.DOTALL).fullmatch

NOT_TEXT = register(
    "BKR501",
    "directory-not-text",
    "error",
    "the CP directory file given with --directory is not a text file bkrc can read, or holds no USER or IDENTITY entry",
    """
    `--directory FILE` names the site's CP source directory (`USER DIRECT`
    from PMAINT 2CC, or DirMaint's `DIRM USER WITHPASS` file), transferred
    to where bkrc runs as text. bkrc reads it as UTF-8, or as Latin-1 where
    it is not UTF-8. A UTF-16 file (it starts with the byte-order mark a
    Windows editor writes when it saves as "Unicode") is named so, with the
    `iconv` that converts it into a file beside it (`USER.DIRECT` into
    `USER.utf8.DIRECT`), the one to give `--directory` then. A file that holds NUL bytes, one whose bytes read as
    EBCDIC (transferred in binary mode: its blanks are X'40', which reads
    as `@`), or one of more than 200 MB is not such a file, and bkrc
    compares nothing with it: no check against the directory runs. A NUL
    byte is shown where it is, the first one: its line and column, the
    record with the byte as `␀` (and its passwords masked) and a caret
    under it; the other two are the whole file's, shown at its start.

    Nor is a file with no USER or IDENTITY statement: an empty one, one of
    comments alone (or PROFILEs), or a .bkr file given as the directory (a
    line that opens a cluster or a `single` or `identity` group, or imports
    a module, which no CP directory has, at which the error points: a
    module's `identity group SYSIDS {` is not an IDENTITY entry). Compared with it, every user the
    groups name would seem missing, a BKR511 for each: it is one error
    instead, and no check against the directory runs.

    Failing example: `bkrc check prodssi.bkr --directory USER.DIRECT` where
    USER.DIRECT was fetched with FTP's `binary` command.

    Fix: transfer the file again in text (ASCII) mode (FTP's `ascii`, or
    IND$FILE with `ASCII CRLF`), so that it arrives in your code page.
    """,
    no_example="a CP directory file, not .bkr text",
)

MALFORMED = register(
    "BKR502",
    "directory-statement-malformed",
    "error",
    "a USER, IDENTITY, SUBCONFIG, BUILD, MDISK or LINK statement of the CP directory that DIRECTXA would refuse",
    """
    The checks against the site's directory read its USER, IDENTITY and
    SUBCONFIG statements (`USER LNXWEB01 pw 512M 2G G`: the entry's kind
    and ID), each IDENTITY's `BUILD ON member USING SUBCONFIG id`, and each
    entry's MDISK and LINK statements (`MDISK 0191 3390 0001 0010 VMCOM1 MR`,
    `MDISK 0300 FB-512 V-DISK 2097152 MR`, `LINK MAINT 0190 0190 RR`: the
    virtual address a selection names). Such a statement without its ID,
    with an ID that is not 1-8 of the characters CP takes in a user ID (A-Z
    0-9 @ # $ _ -), a BUILD statement not of that form or outside an
    IDENTITY entry, an MDISK or LINK statement whose virtual address is not
    1-4 hexadecimal digits or whose extent (`start count volid`, `DEVNO
    rdev`, `V-DISK blocks`, `T-DISK size`) is missing or not a number, or
    whose volume (of an extent, or DirMaint's `AUTOV`) is no volume label
    (1-6 of A-Z 0-9 @ # $, or a symbol such as `&SYSRES`: `bkrc init
    --directory` and `check --fix` write the labels into a `.bkr` file, where
    a `}` or a quote would change it) (an
    MDISK whose device type is left out, `MDISK 0300 V-DISK 512000 MR`, is
    said so, at the word where it goes, and the help writes the statement
    with one: `MDISK 0300 FB-512 V-DISK 512000 MR`, a V-DISK being an
    FB-512 disk; its link passwords are masked all the same), a
    V-DISK in an IDENTITY entry itself (IBM's "MDISK Directory Statement"
    allows a virtual disk in storage only in a USER or SUBCONFIG entry: it
    is local, each instance's own), or a statement before the directory's
    first entry that is none of DIRECTORY and GLOBALOPTS, is one DIRECTXA
    refuses; bkrc reports it, keeps nothing of it, and reads the rest of
    the file.

    Failing example: a directory line `BUILD ON VMSYS1 SUBCONFIG TCPIP-1`
    (USING is missing).

    Fix: `BUILD ON VMSYS1 USING SUBCONFIG TCPIP-1`. If the file is not the
    directory DIRECTXA reads, give that one to `--directory`.
    """,
    no_example="a CP directory file, not .bkr text",
)

ID_TWICE = register(
    "BKR503",
    "directory-id-twice",
    "error",
    "two entries of the CP directory have the same ID",
    """
    User IDs, IDENTITY IDs and SUBCONFIG IDs share one name space: no USER
    may have the ID of an IDENTITY or of a SUBCONFIG, and no ID may start
    two entries. DIRECTXA refuses such a directory; bkrc reads the first
    entry of the ID and reports the second.

    Failing example: `USER TCPIP ...` near the top of the file, and
    `IDENTITY TCPIP ...` further on.

    Fix: delete the entry that is not in use (or rename it).
    """,
    no_example="a CP directory file, not .bkr text",
)

UNKNOWN_SUBCONFIG = register(
    "BKR504",
    "directory-build-unknown-subconfig",
    "error",
    "a BUILD statement names a SUBCONFIG entry the CP directory does not have",
    """
    `BUILD ON VMSYS1 USING SUBCONFIG TCPIP-1` in an IDENTITY entry names the
    SUBCONFIG entry that holds the IDENTITY's minidisks on member VMSYS1.
    Without a `SUBCONFIG TCPIP-1` entry in the file DIRECTXA refuses the
    directory, and the instance on VMSYS1 would have no minidisks.

    Failing example: an IDENTITY TCPIP whose BUILD statements name TCPIP-1
    and TCPIP-2, in a file with only `SUBCONFIG TCPIP-1`.

    Fix: add the SUBCONFIG entry (or correct the ID on the BUILD statement).
    """,
    no_example="a CP directory file, not .bkr text",
)

WORD_CUT = register(
    "BKR505",
    "directory-word-cut-at-column-71",
    "warning",
    "a word of the CP directory runs past column 71, where DIRECTXA stops reading",
    """
    A directory statement is in columns 1-71 of its record: DIRECTXA reads
    no further (columns 72-80 hold sequence numbers). A word that starts
    by column 71 and goes on in column 72 is cut there: `LNXWEB01` in
    columns 67-74 is read as `LNXWE`, another user. bkrc reads it cut,
    as DIRECTXA does, and says so.

    Failing example: a directory line `LINK MAINT 0190 0190 RR` indented
    so far that its last word starts in column 71.

    Fix: move the statement left, or split it in two (OPTION and LOGONBY
    statements may be repeated).
    """,
    no_example="a CP directory file, not .bkr text",
)


class _Text:
    """The directory's text (`Source`), for the minidisks read from it to place
    themselves when asked (`Minidisk.span`): set once the reading ends."""

    __slots__ = ("source",)

    def __init__(self) -> None:
        self.source: Source | None = None


class Minidisk(NamedTuple):
    """One MDISK statement of an entry: the virtual address a selection names,
    and the extent the compile's own MDISK statements are compared with.

    Where it is (`span`, `statement`) is worked out from its record when asked,
    not as it is read: a directory of 50,000 users has some 275,000 MDISK
    statements, and only a diagnostic, a fix or an editor's request places one
    (two spans each, a seventh of the reading, made for nothing). Equal, hashed,
    ordered and shown as before, when the spans were its third and fourth fields."""

    address: int
    form: str  # "MDISK" (an extent on a volume, or DirMaint's AUTOx), "DEVNO", "V-DISK" or "T-DISK"
    line: int  # the line of its statement
    devtype: str = ""  # upper case: "3390", "FB-512"
    #: Cylinders or blocks (`count`, AUTOx's size, a V-DISK's blocks, a T-DISK's
    #: size); None for DEVNO and for `END` (to the volume's end: not known here).
    size: int | None = None
    #: The volume label of an extent or of DirMaint's AUTOV; None where the
    #: statement names none (AUTOG's group, AUTOR's region, `&SYSRES`, the one-operand forms).
    volume: str | None = None
    start: int | None = None  # the first cylinder or block of an explicit extent
    #: DirMaint's allocation form (`AUTOG`, `AUTOR`, `AUTOV`): where the extent lies
    #: is DirMaint's choice, not in the file; None for an explicit extent.
    allocation: str | None = None
    text: _Text | None = None  # the directory's text, where `span` and `statement` are found

    @property
    def temporary(self) -> bool:
        """Whether it holds nothing once its user logs off (a V-DISK or T-DISK)."""
        return self.form in TEMPORARY_FORMS

    @property
    def held(self) -> bool:
        """Whether it holds data on a volume it names (not a V-DISK or T-DISK)."""
        return bool(self.volume) and self.form not in TEMPORARY_FORMS

    @property
    def access(self) -> tuple[str | None, int]:
        """The link mode the statement gives, in upper case (None: it gives none), and
        how many of the read, write and multiple passwords after it it gives (0 to 3),
        from its record as DIRECTXA splits it (columns 1-71). The kept text has the
        passwords masked (`_masked`), each still a word. Read when asked (BKR534), not
        as the directory is read: a few product machines' minidisks are asked about."""
        words = _WORD.findall(self.text.source.line_text(self.line)[:LAST_COLUMN])
        at = 6 if self.form not in ONE_OPERAND_FORMS else 5  # `MDISK vdev devtype start count volid mode`
        if len(words) <= at:
            return None, 0
        return words[at].upper(), min(len(words) - at - 1, 3)

    @property
    def span(self) -> Span:
        """The virtual address on the statement: the record's second word, as DIRECTXA
        splits it (at a space or tab; the reader found it there, the same columns)."""
        source, number = self.text.source, self.line
        start = source.line_start(number)
        words = _WORD.finditer(source.line_text(number)[:LAST_COLUMN])
        next(words)
        begin, end = next(words).span()
        return Span(source.name, number, begin + 1, number, end + 1, start + begin, start + end)

    @property
    def statement(self) -> Span:
        """The whole statement: its record from column 1 to its last word by column 71."""
        source, number = self.text.source, self.line
        start = source.line_start(number)
        last = len(source.line_text(number)[:LAST_COLUMN].rstrip())
        return Span(source.name, number, 1, number, last + 1, start, start + last)

    def _compared(self) -> tuple:
        return (self.address, self.form, self.span, self.statement, *self[3:8])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Minidisk):
            return tuple.__eq__(self, other)
        if self[:8] != other[:8]:
            return False
        return self.text is other.text or self._compared() == other._compared()

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((*self[:8], self.text.source.name if self.text is not None else None))

    def __lt__(self, other: Minidisk) -> bool:
        return self._compared() < other._compared()

    def __le__(self, other: Minidisk) -> bool:
        return self._compared() <= other._compared()

    def __gt__(self, other: Minidisk) -> bool:
        return self._compared() > other._compared()

    def __ge__(self, other: Minidisk) -> bool:
        return self._compared() >= other._compared()

    def __repr__(self) -> str:
        return (
            f"Minidisk(address={self.address!r}, form={self.form!r}, span={self.span!r},"
            f" statement={self.statement!r}, devtype={self.devtype!r}, size={self.size!r},"
            f" volume={self.volume!r}, start={self.start!r}, allocation={self.allocation!r})"
        )


#: A minidisk's volume (`Directory._volumes`): its field by place, found by name.
_VOLUME = itemgetter(Minidisk._fields.index("volume"))
#: Where an owner holds a wildcard (`is_pattern`'s three characters), and an (ID,
#: entry) pair whose entry was found (`Directory.users_named`).
_WILDCARD, _FOUND = re.compile("[*%?]").search, itemgetter(1)


class Link(NamedTuple):
    """One `LINK owner vdev1 vdev2 mode`: another user's disk at this user's `vdev2`."""

    address: int
    owner: str  # upper case; `*` is the entry's own user
    span: Span


class Build(NamedTuple):
    """One `BUILD ON member USING SUBCONFIG id` of an IDENTITY entry."""

    member: str  # upper case; `*` is every system the directory is built on
    subconfig: str
    span: Span  # the member's name on the statement
    subconfig_span: Span


@dataclass(frozen=True)
class Entry:
    """A USER, IDENTITY, SUBCONFIG or PROFILE entry: its kind, ID and where its
    statement is, and what the checks read of its other statements."""

    kind: str  # "USER", "IDENTITY", "SUBCONFIG" or "PROFILE"
    id: str  # upper case
    span: Span  # the ID on its statement
    statement: Span  # the whole statement: its record from column 1 to its last word by column 71
    builds: tuple[Build, ...] = ()  # an IDENTITY's BUILD statements, in order
    disks: tuple[Minidisk, ...] = ()  # its MDISK statements, in order
    links: tuple[Link, ...] = ()  # its LINK statements, in order
    profile: str | None = None  # the PROFILE its INCLUDE statement names
    #: A SUBCONFIG's: the IDENTITY whose entry it follows, only SUBCONFIGs between
    #: (where IBM's directories keep an IDENTITY's SUBCONFIGs); else None.
    follows: str | None = None
    #: An IDENTITY's: a BUILD statement of it was malformed (BKR502), so the members
    #: its BUILD statements name are not all known, and the checks that compare
    #: them (BKR514, BKR517, BKR518) leave it to that diagnostic.
    builds_unread: bool = False
    #: The line of its last statement, where it has any besides its first, BUILD
    #: and MDISK (LINK, INCLUDE, IPL, OPTION, SPOOL...), else 0: those are read again
    #: from the text when asked (`Directory.other_statements`), not kept.
    last_line: int = 0

    @property
    def minidisks(self) -> int:
        """How many of its MDISK statements define a disk that holds data (not a
        V-DISK or T-DISK, which CP makes empty at each logon): `bkrc init
        --directory` leaves out a user with none."""
        return sum(not disk.temporary for disk in self.disks)


def _ids_between(holders: dict[int, list[str]], first: int, last: int) -> set[str]:
    """The IDs `holders` (address -> IDs, `Directory._holders` or
    `_temporary_holders`) gives for the addresses from `first` to `last`."""
    out: set[str] = set()
    for address, ids in holders.items():
        if first <= address <= last:
            out.update(ids)
    return out


@dataclass(frozen=True)
class Directory:
    """What the checks know of a CP source directory, and what its reading found wrong."""

    source: Source  # its text with the passwords masked, for the diagnostics' frames
    entries: tuple[Entry, ...]  # USER, IDENTITY and SUBCONFIG entries, first of each ID
    diagnostics: tuple[Diagnostic, ...]
    #: False when the file could not be read as text (BKR501): the checks
    #: against it are not run, since every user would seem to be missing.
    readable: bool = True
    profiles: tuple[Entry, ...] = ()  # PROFILE entries (their LINKs), first of each name
    #: The IDs a second entry starts (BKR503): which entry is meant is the site's to
    #: settle, so the checks compare neither.
    twice: frozenset[str] = frozenset()
    #: USER or IDENTITY ID -> its password operand where that is no password
    #: (`PASSWORD_FORMS`: `AUTOONLY`, `LBYONLY`...); an ID not here has a password of
    #: its own, which is kept nowhere (the text's is masked). BKR526 compares them.
    password_forms: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def name(self) -> str:
        return self.source.name

    def entry(self, user_id: str) -> Entry | None:
        return self.by_id.get(user_id.upper())

    @functools.cached_property
    def by_id(self) -> dict[str, Entry]:
        """ID -> its entry."""
        return {e.id: e for e in self.entries}

    def first_built(self, ids: Sequence[str], member: str) -> int:
        """How many of `ids`, from the first, are IDENTITYs built on `member` (or
        `BUILD ON *`): the `workers` count the directory gives a member, with the
        worker IDs in order."""
        built = 0
        for user_id in ids:
            entry = self.entry(user_id)
            if entry is None or not {member, "*"} & {b.member for b in entry.builds}:
                break
            built += 1
        return built

    def subconfig_on(self, entry: Entry, member: str) -> Entry | None:
        """The SUBCONFIG entry an IDENTITY's BUILD statement for `member` (else its
        `BUILD ON *`) names, if the directory has it; None for a USER."""
        return self.subconfigs_on(entry, (member,))[0]

    def subconfig_disks_on(self, entries: Iterable[Entry], member: str) -> list[tuple[Entry, Minidisk]]:
        """The minidisks that hold data on a volume (`Minidisk.held`) of the SUBCONFIGs
        the `entries`' BUILD statements build on `member`, each with its SUBCONFIG, in
        the entries' order: where `bkrc init --directory` (`starter.site_volumes`,
        `starter.directory_volumes`) and BKR245's help (`check.members`) look for a
        member's private volume."""
        out = []
        for entry in entries:
            sub = self.subconfig_on(entry, member)
            if sub is not None:
                out.extend((sub, d) for d in sub.disks if d.held)
        return out

    @staticmethod
    def most_used(counts: Mapping[str, int]) -> str | None:
        """The volume counted most in `counts` (label -> how many minidisks), the first
        by name on a tie; None for none: the one rule by which `bkrc init --directory`
        and BKR244's and BKR245's helps pick a label among a directory's."""
        return min(counts, key=lambda v: (-counts[v], v)) if counts else None

    def subconfigs_on(self, entry: Entry, members: Sequence[str]) -> list[Entry | None]:
        """`subconfig_on` each of `members`, the BUILD statements read once."""
        built = {b.member: b.subconfig for b in entry.builds}
        everywhere = built.get("*") or ""
        by_id = self.by_id  # `entry` inlined: asked of each IDENTITY on each member (BKR515/BKR516)
        out: list[Entry | None] = []
        for member in members:
            found = by_id.get((built.get(member) or everywhere).upper())
            out.append(found if found is not None and found.kind == "SUBCONFIG" else None)
        return out

    def users_named(self, owners: Sequence[str]) -> list[Entry]:
        """The USER and IDENTITY entries `owners` (IDs and patterns) name, once each,
        in the order of `owners` (a pattern's in the directory's order).

        A job names thousands of IDs and a few patterns: the patterns are found in C
        (`_WILDCARD`), and each run of IDs between them looked up in C too (`map`,
        `filter`, `dict.update`: an ID's entry has that ID, so a second ID of it keeps
        the first one's place, as `setdefault` did), not one Python step an ID.
        (`itertools.count` is not imported for the patterns' places: with a module
        global named `count` the reader cost some 1,300 instructions more an MDISK,
        whose reading has a local of that name: measured, not explained.)"""
        out: dict[str, Entry] = {}
        uppers = list(map(str.upper, owners))
        users = self._users_by_id.get
        done = 0
        for n in compress(range(len(uppers)), map(_WILDCARD, uppers)):  # the patterns' places
            ids = uppers[done:n]
            out.update(filter(_FOUND, zip(ids, map(users, ids))))
            out.update((e.id, e) for e in self._matching(owners[n]))
            done = n + 1
        ids = uppers[done:]
        out.update(filter(_FOUND, zip(ids, map(users, ids))))
        return list(out.values())

    def subconfig_ids_on(self, member: str) -> dict[str, str]:
        """IDENTITY ID -> the ID of the SUBCONFIG `subconfig_on(entry, member)` finds,
        for each IDENTITY that has one there: one table per member, from one pass over
        every BUILD statement (`_build_names`), looked up in C; kept for the next asks."""
        found = self._subconfig_ids.get(member)
        if found is None:
            on_member, everywhere = self._build_names
            names = dict(everywhere)
            names.update(filter(_FOUND, on_member.get(member, {}).items()))  # its own, else `BUILD ON *`'s
            ids = list(map(str.upper, names.values()))
            found = dict(compress(zip(names, ids), map(self._subconfig_set.__contains__, ids)))
            self._subconfig_ids[member] = found
        return found

    @functools.cached_property
    def _subconfig_ids(self) -> dict[str, dict[str, str]]:
        """member -> `subconfig_ids_on` it, as asked so far."""
        return {}

    @functools.cached_property
    def _build_names(self) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
        """member -> IDENTITY ID -> the SUBCONFIG its last BUILD statement for the member
        names, and the same of `BUILD ON *` (what `subconfigs_on` reads of each entry)."""
        on_member: dict[str, dict[str, str]] = {}
        everywhere: dict[str, str] = {}
        for entry in self._identities:
            for build in entry.builds:
                member = build.member
                if member == "*":
                    everywhere[entry.id] = build.subconfig
                else:
                    names = on_member.get(member)
                    if names is None:
                        names = on_member[member] = {}
                    names[entry.id] = build.subconfig
        return on_member, everywhere

    @functools.cached_property
    def _subconfig_set(self) -> set[str]:
        """The SUBCONFIG entries' IDs: every ID but the USERs' and IDENTITYs' (`_users_sorted`),
        in C (not a Python step an entry: its kind read of each)."""
        return set(self.by_id).difference(self._users_sorted[0])

    @functools.cached_property
    def _users_by_id(self) -> dict[str, Entry]:
        """`by_id` of the USER and IDENTITY entries, from `_users_sorted` in C."""
        ids, places = self._users_sorted
        return dict(zip(ids, map(self.entries.__getitem__, places)))

    def _matching(self, pattern: str) -> list[Entry]:
        """The USER and IDENTITY entries `pattern` matches, in the directory's order.
        Only the IDs that begin with its literal head are tried (found by bisection
        in the sorted IDs): a site's patterns each match a few of its thousands of
        users, and a scan of every entry per pattern grew with both."""
        ids, ordered = self._users_sorted
        rx, head = pattern_regex(pattern), literal_head(pattern)
        found = []
        for i in range(bisect.bisect_left(ids, head), len(ids)):
            if not ids[i].startswith(head):
                break
            if rx.match(ids[i]):
                found.append(ordered[i])
        return [self.entries[n] for n in sorted(found)]

    def in_order(self, ids: Iterable[str]) -> list[Entry]:
        """The entries of `ids` the directory has, each once, in the directory's order:
        found by ID, not by a scan of every entry for each caller (an `on each
        member` job's IDENTITYs, BKR513 and BKR514, were a scan per job)."""
        place = self._place
        return [self.entries[n] for n in sorted({place[i] for i in ids if i in place})]

    @functools.cached_property
    def _place(self) -> dict[str, int]:
        """ID -> its entry's place in `entries`."""
        return {e.id: n for n, e in enumerate(self.entries)}

    def extents_on(self, volume: str | None, devtype: str) -> list[tuple[Minidisk, Entry, str | None]]:
        """The explicit extents of the entries' MDISK statements on `volume` (of device
        type `devtype`), in the directory's order: each (its MDISK, its entry, whose it
        is: `extent_owner`). Not an extent DirMaint places (AUTOx), none without a
        volume, and none from cylinder or block 0 (a full-pack overlay).

        Found when first asked, and kept for the next analyses against this directory
        (the language server's): BKR519 and BKR523 ask of the one or few volumes the
        compile places the product machines' minidisks on, of a directory's thousands.
        The MDISKs on `volume` are picked out of all of them in C (`_volumes`,
        `list.index`), not by a Python loop over every MDISK, and an owner is worked
        out for those alone (tests/test_model_users.py holds it against a scan of
        every entry, as `extents` made them for every volume before)."""
        key = (volume, devtype)
        found = self._extents.get(key)
        if found is None:
            found = []
            if volume:
                disks, ends, volumes = self._volumes
                n = -1
                while True:
                    try:
                        n = volumes.index(volume, n + 1)  # the next MDISK on the volume, found in C
                    except ValueError:
                        break
                    disk = disks[n]
                    if disk.devtype == devtype and disk.form == "MDISK" and not disk.allocation and disk.start:
                        entry = self.entries[bisect.bisect_right(ends, n)]
                        found.append((disk, entry, self.extent_owner(entry)))
            self._extents[key] = found  # whole, or not yet: a reader sees no half list
        return found

    def has_extent(self, owned: Callable[[str | None], bool]) -> bool:
        """Whether some entry has an explicit extent (as `extents_on` gives them) whose
        owner (`extent_owner`) is `owned`: the entries in order, to the first."""
        explicit = (
            e for e in self.entries if any(d.form == "MDISK" and not d.allocation and d.volume and d.start for d in e.disks)
        )
        return any(owned(self.extent_owner(e)) for e in explicit)

    def extent_owner(self, entry: Entry) -> str | None:
        """Whose an entry's minidisks are: the entry's ID; a SUBCONFIG's, the IDENTITY's
        whose BUILD statement names it (the last such), else the one it follows, else None."""
        if entry.kind != "SUBCONFIG":
            return entry.id
        return self._identity_of.get(entry.id) or entry.follows

    @functools.cached_property
    def _identity_of(self) -> dict[str, str]:
        """SUBCONFIG ID -> the IDENTITY whose BUILD statement names it (the last such)."""
        return {b.subconfig: e.id for e in self._identities for b in e.builds}

    @functools.cached_property
    def _identities(self) -> list[Entry]:
        """The IDENTITY entries, in order: the only ones with BUILD statements (the reader
        keeps no other's), a few thousand of a site's tens of thousands of entries."""
        return [e for e in self.entries if e.kind == "IDENTITY"]

    @functools.cached_property
    def _extents(self) -> dict[tuple[str | None, str], list[tuple[Minidisk, Entry, str | None]]]:
        """(volume, device type) -> `extents_on` it, as asked so far."""
        return {}

    @functools.cached_property
    def _volumes(self) -> tuple[list[Minidisk], list[int], list[str | None]]:
        """Every entry's MDISK statements in the directory's order, where each entry's
        end among them (entry n's are `[ends[n - 1]:ends[n]]`), and each one's volume:
        the volumes read in C (`map`), no Python step a minidisk. The entries' lists are
        joined with `list +=`, each end taken as it grows (fewer instructions than
        `chain` and `accumulate` over a list of the lists), each volume by its place in
        the tuple (`itemgetter`, cheaper than `attrgetter`'s field lookup)."""
        disks: list[Minidisk] = []
        ends: list[int] = []
        end = ends.append
        for entry in self.entries:
            disks += entry.disks
            end(len(disks))
        return disks, ends, list(map(_VOLUME, disks))

    def holding(self, first: int, last: int) -> set[str]:
        """The IDs of the entries (USER, IDENTITY, SUBCONFIG) with an MDISK statement
        at an address from `first` to `last` that is not a V-DISK or T-DISK (which
        `Minidisk.temporary` holds): an entry's own statements, not its SUBCONFIGs'.
        Gathered from the minidisks of each address (`_holders`: a site's tens of
        thousands of minidisks are at a few dozen addresses), no Python step a
        minidisk or an entry: BKR515/BKR516 pass over the users a range holds (most
        of a job's) without working out what it finds of each."""
        return _ids_between(self._holders, first, last)

    @functools.cached_property
    def _holders(self) -> dict[int, list[str]]:
        """Address -> the ID of the entry of each minidisk there but a V-DISK or T-DISK,
        in the directory's order (an ID once for each such minidisk), in one pass. (A
        version that picked the addresses and IDs out of `_volumes`' list in C, with
        `map` and `compress`, cost more: some 40 M instructions at 10,000 users.)"""
        out: dict[int, list[str]] = {}
        temporary = TEMPORARY_FORMS
        for entry in self.entries:
            disks = entry.disks
            if disks:
                owner = entry.id
                for disk in disks:
                    if disk[1] not in temporary:  # `form`, by its place (`Minidisk.temporary`)
                        ids = out.get(disk[0])  # `address`
                        if ids is None:
                            out[disk[0]] = [owner]
                        else:
                            ids.append(owner)
        return out

    def temporary_holding(self, first: int, last: int) -> set[str]:
        """The IDs of the entries (USER, SUBCONFIG) with a V-DISK or T-DISK at an
        address from `first` to `last`: `holding`'s other half. A site has few (a
        Linux guest's swap), so BKR516 asks of a range's users only these whether
        the range selects a temporary disk beside their permanent ones."""
        return _ids_between(self._temporary_holders, first, last)

    @functools.cached_property
    def _temporary_holders(self) -> dict[int, list[str]]:
        """Address -> the ID of the entry of each V-DISK or T-DISK there (`_holders`' other half)."""
        out: dict[int, list[str]] = {}
        for entry in self.entries:
            for disk in entry.disks:
                if disk.form in TEMPORARY_FORMS:
                    out.setdefault(disk.address, []).append(entry.id)
        return out

    @property
    def user_ids(self) -> list[str]:
        """The USER and IDENTITY entries' IDs, sorted."""
        return self._users_sorted[0]

    @functools.cached_property
    def _users_sorted(self) -> tuple[list[str], list[int]]:
        """The USER and IDENTITY entries' IDs, sorted, and each one's place in `entries`."""
        pairs = sorted((e.id, n) for n, e in enumerate(self.entries) if e.kind != "SUBCONFIG")
        return [i for i, _ in pairs], [n for _, n in pairs]

    def minidisks_of(self, entry: Entry) -> tuple[Minidisk, ...]:
        """An entry's MDISK statements and those of the SUBCONFIGs its BUILD
        statements name (an IDENTITY's on every member), each SUBCONFIG once."""
        subconfigs = dict.fromkeys(b.subconfig for b in entry.builds)
        found = [self.entry(s) for s in subconfigs]
        kept = [sub for sub in found if sub is not None and sub.kind == "SUBCONFIG"]
        return entry.disks + tuple(d for sub in kept for d in sub.disks)

    def other_statements(self, entry: Entry) -> Iterator[tuple[tuple[str, ...], Span]]:
        """The entry's statements but its first, BUILD and MDISK (IPL, OPTION, LINK,
        INCLUDE, and any CP statement), in order: each one's words in upper case, as
        the reader reads them, and its place from column 1 to its last word."""
        for number in range(entry.statement.line + 1, entry.last_line + 1):
            line = self.source.line_text(number)
            if not _is_statement(line):
                continue
            words = tuple(line[:LAST_COLUMN].upper().split())
            if words[0] not in ("BUILD", "MDISK"):
                start = self.source.line_start(number)
                yield words, self.source.span(start, start + len(line[:LAST_COLUMN].rstrip()))

    def links_of(self, entry: Entry) -> tuple[Link, ...]:
        """The entry's LINK statements and those of the PROFILE it INCLUDEs."""
        profile = self._profile_by_id.get(entry.profile) if entry.profile is not None else None
        return entry.links + (profile.links if profile is not None else ())

    def link_addresses(self, entry: Entry) -> frozenset[int]:
        """The addresses `links_of(entry)` takes, a PROFILE's worked out once for all the
        entries that INCLUDE it and have no LINK of their own (a site's users, most of them)."""
        if entry.links or entry.profile is None:
            return frozenset(link.address for link in self.links_of(entry))
        found = self._profile_links.get(entry.profile)
        if found is None:
            found = self._profile_links[entry.profile] = frozenset(link.address for link in self.links_of(entry))
        return found

    @functools.cached_property
    def _profile_links(self) -> dict[str, frozenset[int]]:
        """PROFILE name -> `link_addresses` of an entry that only INCLUDEs it."""
        return {}

    @functools.cached_property
    def _profile_by_id(self) -> dict[str, Entry]:
        """PROFILE name -> its entry (`profiles` holds the first of each name)."""
        return {p.id: p for p in self.profiles}

    @functools.cached_property
    def closest_users(self) -> dict[str, tuple[str, ...]]:
        """Word -> the closest of `user_ids` to it, as `Suggester.closest` found them
        (BKR511's "did you mean"), kept for the next analyses against this directory:
        `bkrc check --fix` checks the file again after each round of fixes, and the
        language server at each change, and the same missing IDs were compared with
        every ID again each time (at 10,000 users most of a check)."""
        return {}

    def unbuilt_after(self, entry: Entry) -> list[Entry]:
        """The SUBCONFIG entries after IDENTITY `entry` that no BUILD statement names,
        in the directory's order."""
        return list(self._unbuilt_by_identity.get(entry.id, ()))

    @functools.cached_property
    def _unbuilt_by_identity(self) -> dict[str, list[Entry]]:
        """IDENTITY ID -> `unbuilt_after` it: one pass over the entries, not one per
        IDENTITY BKR514 or BKR518 speaks of."""
        built = self.built_subconfigs
        out: dict[str, list[Entry]] = {}
        for e in self.entries:
            if e.follows is not None and e.id not in built:
                out.setdefault(e.follows, []).append(e)
        return out

    @functools.cached_property
    def built_subconfigs(self) -> frozenset[str]:
        """The SUBCONFIG IDs some IDENTITY's BUILD statement names."""
        return frozenset(b.subconfig for e in self._identities for b in e.builds)

    @functools.cached_property
    def built_members(self) -> frozenset[str]:
        """The members some IDENTITY's BUILD statement names (`BUILD ON *` names none)."""
        return frozenset(b.member for e in self._identities for b in e.builds if b.member != "*")


def read_directory(name: str, data: bytes) -> Directory:
    """The directory in `data` (named `name` in diagnostics). Never raises."""
    text, problem = _decode(data)
    if problem is not None:
        source, span = Source.of(name, ""), Span.file_start(name)  # the whole file's doing: its size, EBCDIC
        if problem is _NUL:
            source, span = _shown_at_nul(name, text)
            problem = f"the CP directory file holds a NUL byte at line {span.line}, column {span.column}: {_NUL}"
        help_ = _NOT_TEXT_HELP
        if problem is _UTF16:
            import shlex

            help_ = (
                f"save it as UTF-8: `iconv -f UTF-16 -t UTF-8 {shlex.quote(name)} > {shlex.quote(_utf8_name(name))}`,"
                " then give that file to `--directory`"
            )
        return Directory(source, (), (NOT_TEXT(problem, span, help=help_),), False)
    lines = text.split("\n")
    starts = Source.line_starts(lines)
    reader = _Reader(name)
    reader.read(lines, text.upper(), starts)
    directory = reader.result(Source.of_lines(name, lines, starts))  # the records as `read` kept them
    bkr = _BKR_TEXT.search(directory.source.text)
    entries = any(e.kind in ("USER", "IDENTITY") for e in directory.entries)
    if bkr is not None or not (entries or _ENTRY_START.search(directory.source.text)):
        # empty, comments alone, or a .bkr file given as the directory (whose `identity
        # group SYSIDS { ... }` reads as an IDENTITY entry): compared, it would make every
        # user of the file missing, a BKR511 for each
        return _no_entry(directory, bkr)
    return directory


#: A USER or IDENTITY statement, well formed or not (BKR502 says what is wrong with one).
_ENTRY_START = re.compile(r"^[ \t]*(?:USER|IDENTITY)(?![^ \t\n])", re.IGNORECASE | re.MULTILINE)
#: A line of .bkr text no CP directory has: a cluster block's opening, an import, or
#: a group's opening (a module's `identity group SYSIDS {`, which would otherwise read
#: as an IDENTITY entry: `{` is no directory operand).
_BKR_TEXT = re.compile(
    r"^[ \t]*(?:cluster[ \t]+\S+[ \t]*\{|import[ \t]+\S|(?:single|identity)[ \t]+group[ \t]+[^\s{]+[ \t]*\{)",
    re.IGNORECASE | re.MULTILINE,
)


def _no_entry(directory: Directory, bkr: re.Match | None) -> Directory:
    """A directory with no USER or IDENTITY entry, or .bkr text (`bkr`, its first line
    no directory has), as one that cannot be read: one BKR501, at its first word (the
    whole file's for an empty one) or that line, and nothing compared with it; what its
    reading found wrong (a `##` line of a .bkr file as a malformed statement, its long
    lines as words cut at column 71) said by that one error."""
    source = directory.source
    first = re.search(r"\S", source.text)
    help_ = (
        "give the site's CP source directory (USER DIRECT on PMAINT 2CC, or DirMaint's USER WITHPASS),"
        " whose entries start with USER and IDENTITY statements"
    )
    if bkr is not None:
        problem = "the CP directory file is .bkr text, not a CP source directory"
        at = bkr.start() + len(bkr.group()) - len(bkr.group().lstrip())
        span = source.span(at, at + len(bkr.group().split()[0]))
        help_ += ": a .bkr file is what bkrc checks against it, not the directory"
    elif first is None:
        problem = "the CP directory file is empty: it holds no USER or IDENTITY entry"
        span = Span.file_start(source.name)
    else:
        problem = "the CP directory file holds no USER or IDENTITY entry: it is not a CP source directory"
        span = source.span(first.start(), first.start() + 1)
    return Directory(source, (), (NOT_TEXT(problem, span, help=help_),), False)


def _utf8_name(name: str) -> str:
    """The file BKR501's iconv writes a UTF-16 directory `name` into: `name` with `.utf8`
    before its suffix (`USER.DIRECT`: `USER.utf8.DIRECT`), beside it. It was `user.direct`
    in the folder bkrc runs in (stop 83): for a file of that name, the shell's `>` emptied
    it before iconv read it, and on a file system that ignores case `USER.DIRECT` too;
    nor did the help say to give the new file to `--directory`, so the same check, run
    again as it was, said the same."""
    import posixpath

    head, tail = posixpath.split(name)
    stem, dot, suffix = tail.rpartition(".")
    new = f"{stem}.utf8.{suffix}" if dot and stem else f"{tail}.utf8"
    return posixpath.join(head, new) if head else new


_NOT_TEXT_HELP = (
    "give the CP source directory (USER DIRECT on PMAINT 2CC, or DirMaint's USER WITHPASS)"
    " as a text file: transfer it in text (ASCII) mode"
)


#: `_decode`'s problem for a file holding a NUL byte, which `read_directory` says where.
_NUL = "it is binary, not a text file"
#: `_decode`'s problem for a UTF-16 file (its byte-order mark), whose help is iconv's.
_UTF16 = "the CP directory file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8"


def _decode(data: bytes) -> tuple[str, str | None]:
    """(text, None), or ("", why it is not a directory bkrc can read); for a file
    holding a NUL byte, (its text, `_NUL`), to show where the first one is."""
    if len(data) > MAX_FILE_SIZE:
        return "", f"the CP directory file is {len(data):,} bytes, more than any source directory holds"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # saved as "Unicode" by a Windows editor
        return "", _UTF16
    nul = b"\0" in data
    if not nul and _looks_ebcdic(data):
        return "", "the CP directory file reads as EBCDIC: it was transferred in binary mode, not as text"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n"), _NUL if nul else None


def _shown_at_nul(name: str, text: str) -> tuple[Source, Span]:
    """The text that shows the record holding `text`'s first NUL byte, and the
    NUL's span in it: each NUL as `␀` (one character for one, so the columns stay
    those of the text), each record's passwords masked (`_masked`; a NUL inside a
    password is masked with it, its column still shown)."""
    nul = text.find("\0")
    lines = [_masked(line) for line in text.replace("\0", "\u2400").split("\n")]
    source = Source.of_lines(name, lines)
    return source, source.span(nul, nul + 1)


def _looks_ebcdic(data: bytes) -> bool:
    """EBCDIC text: its blank X'40' and upper-case letters (X'C1'-X'E9') where
    ASCII text has X'20' and X'41'-X'5A'. A few hundred bytes tell."""
    sample = data[:4096]
    if not sample:
        return False
    ebcdic = sample.count(0x40) + sum(1 for b in sample if 0xC1 <= b <= 0xE9)
    ascii_ = sample.count(0x20) + sum(1 for b in sample if 0x41 <= b <= 0x5A)
    return ebcdic > 2 * ascii_ and sample.count(0x20) < len(sample) // 50


def _masked(line: str) -> str:
    """The record with its passwords (see `_PASSWORD_WORDS`) as `*`s of their length:
    a password's whole word, also where it runs past column 71 (BKR505 shows the
    record whole). Where a blank DIRECTXA does not split at (a no-break space, a
    form feed) stands in a word, the password the site meant may be a part of it:
    each part `str.split` would read as a password, beside such a blank, is masked
    too (`USER LNX01\xa0SECRET 1M`: DIRECTXA reads the ID `LNX01\xa0SECRET`, which
    it refuses, and the password `1M`)."""
    if line.startswith("*"):
        return line
    spans = _password_spans(_WORD, line)
    if _ODD_BLANK.search(line, 0, LAST_COLUMN):
        spans += [
            (begin, end)
            for begin, end in _password_spans(_SPLIT_WORD, line)
            if (begin and line[begin - 1] in ODD_BLANKS) or (end < len(line) and line[end] in ODD_BLANKS)
        ]
    if not spans:
        return line
    chars = list(line)
    for begin, end in spans:
        chars[begin:end] = "*" * (end - begin)
    return "".join(chars)


def _password_spans(word: re.Pattern[str], line: str) -> list[tuple[int, int]]:
    """The columns (0-based, end past the word) of the record's passwords, its words
    split by `word`: those that start by column 71, each whole, its statement read
    from its first four words as DIRECTXA reads them (cut at column 71)."""
    words = []
    for found in word.finditer(line):
        if found.start() >= LAST_COLUMN:
            break
        words.append(found)
    if not words:
        return []
    which = _password_slice([found.group()[: LAST_COLUMN - found.start()].upper() for found in words[:4]])
    return [] if which is None else [found.span() for found in words[which]]


def _doubtful(lines: list[str], upper: str, uppers: list[str]) -> frozenset[int]:
    """The indexes of the records `_Reader.read` checks before it splits them with
    `str.split` (see there): those holding a blank other than a space or a tab, and,
    where the upper case of the text is longer than it, those whose upper case is.
    Any other record's upper case is its own characters' one by one (`str.upper`
    minds no context), so its columns 1-71 in upper case are `uppers`' columns 1-71.
    Both searches run over the whole text in C; a directory has few such records."""
    found: set[int] = set()
    if len(upper) != sum(map(len, lines)) + len(lines) - 1:
        found.update(i for i, (line, up) in enumerate(zip(lines, uppers)) if len(line) != len(up))
    if any(blank in upper for blank in ODD_BLANKS):
        starts = Source.line_starts(uppers)
        found.update(bisect.bisect_right(starts, m.start()) - 1 for m in _ODD_BLANK.finditer(upper))
    return frozenset(found)


def _id_problem(word: str, what: str) -> str | None:
    if _USER_ID(word):
        return None
    if len(word) > 8:
        return f"{what} `{word}` is {len(word)} characters; a z/VM user ID has at most 8"
    # A `*` last: a password `_masked` hid in the word (`USER C\xa0D PW`) is not the slip.
    bad = sorted(set(word) - USER_ID_CHARS, key=lambda char: (char == "*", char))
    if bad:
        return f"{what} `{word}` holds `{bad[0]}`, which no z/VM user ID holds"
    return None


def _build_help(shape: list[str]) -> str:
    """BKR502's help for a BUILD statement of another form: the statement written whole
    where its words other than the keywords are the member and the SUBCONFIG's ID, in
    that order (`BUILD ON VMSYS1 SUBCONFIG TCPIP-1`, USING left out); else the form.
    The help wrote the form alone, `member` and `id` to fill in (stop 82)."""
    words = [w for w in shape[1:] if w not in ("ON", "USING", "SUBCONFIG")]
    if len(words) == 2 and len(shape) < 6:
        return f"write `BUILD ON {words[0]} USING SUBCONFIG {words[1]}`: each of its keywords is needed"
    return "write `BUILD ON member USING SUBCONFIG id`, one per member the IDENTITY runs on"


class _Reader:
    """The records of one file, statement by statement (see the module note)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.text = _Text()  # the `Source`, once read (`result`): the minidisks' places are found there
        self.entries: list[Entry] = []
        self.profiles: list[Entry] = []
        #: The entry being read, if bkrc keeps it: its kind, ID, the ID's span, its statement's
        #: and the IDENTITY it follows (`Entry`'s first fields), made an `Entry` at its end.
        self.open: tuple[str, str, Span, Span, str | None] | None = None
        self.builds: list[Build] = []  # of the entry being read
        self.disks: list[Minidisk] = []
        self.links: list[Link] = []
        self.other_line = 0  # the last line of a statement of the entry being read but its first, BUILD and MDISK
        self.profile: str | None = None
        self.identity: str | None = None  # the IDENTITY the SUBCONFIGs being read follow
        self.dropped = False  # the entry being read was not kept, and said so (BKR502, BKR503)
        self.builds_unread = False  # a BUILD statement of the entry being read was malformed
        self.twice: set[str] = set()
        self.current: str | None = None  # the kind of the entry being read
        self.ids: dict[str, tuple[str, Span]] = {}  # ID -> its first entry's kind and ID's span
        self.password_forms: dict[str, str] = {}  # `Directory.password_forms`
        self.found: list[Diagnostic] = []
        self.number = 0  # the line of the record being read
        self.start = 0  # its offset
        self.shape: list[str] = []  # its words to column 71, in upper case
        self.upper = ""  # its columns 1-71 in upper case, where `shape`'s words were split from
        #: Its words' columns (0-based, end past the word): every word's where they were
        #: found one by one, else those `_place` found so far (None: none yet).
        self.places: list[tuple[int, int]] | None = None
        #: A virtual address of an MDISK statement -> its value, or -1 where it is not one
        #: (`_is_address`): a site's minidisks have a few hundred addresses between them.
        self.addresses: dict[str, int] = {}
        #: A volume of an MDISK statement -> whether it is a volume label (`_VOLUME_LABEL`):
        #: a site's minidisks are on a few hundred volumes between them.
        self.labels: dict[str, bool] = {}

    def read(self, lines: list[str], upper: str, starts: tuple[int, ...]) -> None:
        """Read the records `lines` (the file's text split at its newlines, at the offsets
        `starts`; `upper` is the text in upper case), each one's passwords masked in place,
        as the directory's `Source` keeps it.

        The text is upper-cased once, and each record's columns 1-71 split once, in C
        (`str.split`); where a word is is found only for the few words a diagnostic or an
        entry keeps, or a password is (`_place`): a directory of 50,000 users has some 4
        million words. `str.split` splits at every blank, DIRECTXA at a space or tab only:
        a record with another blank in its columns 1-71 (a form feed, a no-break space),
        or whose upper case is longer (`ß`), is read word by word (`_doubtful` finds the
        records that may be, and each is checked as it is read)."""
        uppers = upper.split("\n")
        doubtful = _doubtful(lines, upper, uppers)
        for index, line in enumerate(lines):
            if line[:1] == "*":
                continue  # a comment
            if index in doubtful:
                head = line[:LAST_COLUMN]
                upper = head.upper()
                shape = upper.split()
                if not shape:
                    continue  # blank to column 71 (`_is_statement`)
                not_blank = len(upper) - upper.count(" ") - upper.count("\t")
                split = len(upper) == len(head) and not_blank == sum(map(len, shape))
                if not split:
                    line = lines[index] = _masked(line)
                    places = [m.span() for m in _WORD.finditer(line[:LAST_COLUMN])]
                    shape = [line[begin:end].upper() for begin, end in places]
            else:
                upper = uppers[index][:LAST_COLUMN]  # the record's columns 1-71 in upper case
                shape = upper.split()
                if not shape:
                    continue  # blank to column 71 (`_is_statement`)
                # Two shortcuts, each what the general reading below does with the record, with
                # nothing kept of it for `_place`, `_span` and the methods (tests/test_cpdirectory.py):
                name = shape[0]
                if self.current and (  # an entry being read, and no word cut at column 71 (BKR505)
                    len(line) <= LAST_COLUMN or line[LAST_COLUMN - 1] in " \t" or line[LAST_COLUMN] in " \t"
                ):
                    if name not in _READ_ON:  # IPL, MACHINE, INCLUDE...: its place among the entry's others
                        self.other_line = index + 1
                        if name == "INCLUDE" and len(shape) > 1:
                            self.profile = shape[1]
                        continue
                    if name == "MDISK" and 5 < len(shape) < 8 and self._common_mdisk(shape, index + 1):
                        continue  # no passwords: `_mdisk`'s first reading
                split = True
            if split:
                places = None  # found when asked (`_place`)
            start = starts[index]
            self.number, self.start, self.shape, self.upper, self.places = index + 1, start, shape, upper, places
            name = shape[0]
            if (
                split
                and name in _PASSWORD_WORDS
                and (
                    len(shape) > _PASSWORD_WORDS[name].start
                    or len(shape) > 6 and shape[3] in ONE_OPERAND_FORMS
                    or len(shape) > 5 and shape[2] in ONE_OPERAND_FORMS  # its device type left out: BKR502
                )
            ):  # a USER's or IDENTITY's password, an MDISK's where it has one (`_masked`)
                masked = self._masked(line)
                if masked is not line:
                    line = lines[index] = masked
            cut = len(line) > LAST_COLUMN and line[LAST_COLUMN - 1] not in " \t" and line[LAST_COLUMN] not in " \t"
            if cut:
                self._cut(start, line)
            if name == "MDISK" and self.current:
                # A statement cut at column 71 is BKR505's: not said twice as too short.
                self._mdisk(shape, line, cut)
            elif name in ENTRY_STATEMENTS:
                self._entry(name, shape, line)
            elif name == "BUILD":
                self._build(shape, line)
            elif self.current:
                self.other_line = index + 1
                if name == "LINK":
                    self._link(shape, line, cut)
                elif name == "INCLUDE" and len(shape) > 1:
                    self.profile = shape[1]
            elif self.current is None and name not in ("DIRECTORY", "GLOBALOPTS"):
                self.found.append(
                    MALFORMED(
                        f"`{name}` before the directory's first entry",
                        self._word(0),
                        help="before the first USER, IDENTITY, PROFILE or GLOBALDEFS entry only DIRECTORY"
                        " and GLOBALOPTS statements are read; is this the whole source directory?",
                    )
                )
                self.current = ""  # said once: what follows belongs to no entry bkrc keeps

    def _place(self, index: int) -> tuple[int, int]:
        """The columns of the record's word at `index` (0-based, end past the word): each
        word is found after the one before it, in the upper case it was split from
        (where each character is one, so its columns are the record's)."""
        places = self.places
        if places is None:
            places = self.places = []
        if index >= len(places):  # found one by one after the last found, each once a record
            at, upper = places[-1][1] if places else 0, self.upper
            for word in self.shape[len(places) : index + 1]:
                begin = upper.find(word, at)
                at = begin + len(word)
                places.append((begin, at))
        return places[index]

    def _masked(self, line: str) -> str:
        """The record with its passwords as `*`s of their length (`_masked` of its words as
        split); `line` itself where it has none (an MDISK without link passwords)."""
        shape = self.shape
        if self.places is None and shape[0] != "MDISK":  # a USER's or IDENTITY's: its third word, placed here
            upper, name, id_, password = self.upper, shape[0], shape[1], shape[2]
            first = upper.find(name)
            at = first + len(name)
            begin = upper.find(id_, at)
            at = begin + len(id_)
            masked = upper.find(password, at)
            end = masked + len(password)
            self.places = [(first, first + len(name)), (begin, at), (masked, end)]
            end = _word_end(line, end)  # the whole word, where it runs past column 71 (BKR505)
            return line[:masked] + "*" * (end - masked) + line[end:]
        which = _password_slice(shape)
        for index in range(which.start, min(which.stop, len(shape))):
            begin, end = self._place(index)
            end = _word_end(line, end)
            line = line[:begin] + "*" * (end - begin) + line[end:]
        return line

    def _span(self, start: int, begin: int, end: int) -> Span:
        """Columns `begin` to `end` of the record being read (at offset `start`): the
        record's line is known, so no look-up (`Source.span` gives the same span)."""
        number = self.number
        return _new(Span, (self.name, number, begin + 1, number, end + 1, start + begin, start + end))

    def _word(self, index: int) -> Span:
        """The span of the record's word at `index`."""
        return self._span(self.start, *self._place(index))

    def _statement(self, line: str) -> Span:
        """The whole statement: its record from column 1 to its last word by column 71."""
        return self._span(self.start, 0, len(line[:LAST_COLUMN].rstrip()))

    def _cut(self, start: int, line: str) -> None:
        begin = max(line.rfind(" ", 0, LAST_COLUMN), line.rfind("\t", 0, LAST_COLUMN)) + 1
        end = _word_end(line, LAST_COLUMN)
        read = line[begin:LAST_COLUMN]
        self.found.append(
            WORD_CUT(
                f"`{line[begin:end]}` runs past column {LAST_COLUMN}: DIRECTXA reads `{read}`",
                self._span(start, begin, end),
                help="a directory statement ends at column 71; move it left, or split it in two",
            )
        )

    def _entry(self, name: str, shape: list[str], line: str) -> None:
        self._close()
        self.current = name
        self.dropped = False
        if name != "SUBCONFIG":
            self.identity = None  # a SUBCONFIG follows its IDENTITY only with SUBCONFIGs between
        if name == "GLOBALDEFS":
            self.current = ""  # its statements are no entry's
            return
        if name == "PROFILE":
            if len(shape) > 1:
                self.open = (name, shape[1], self._word(1), self._statement(line), None)
            return
        if len(shape) < 2:
            self.found.append(
                MALFORMED(
                    f"{name} statement without its ID",
                    self._statement(line),
                    help=f"write `{name} ID ...`: the ID is the entry's 1-8 character name",
                )
            )
            self.current, self.dropped = "", True
            return
        word, start, number = shape[1], self.start, self.number
        if self.places is None:  # split by `str.split`: the ID found after the first word here (`_place(1)`)
            upper = self.upper
            begin = upper.find(word, upper.find(name) + len(name))
            end = begin + len(word)
        else:
            begin, end = self._place(1)
        span = _new(Span, (self.name, number, begin + 1, number, end + 1, start + begin, start + end))
        problem = None if _USER_ID(word) else _id_problem(word, f"{name} ID")
        if problem is not None:
            self.found.append(MALFORMED(problem, span, help="a z/VM user ID is 1-8 of A-Z 0-9 @ # $ _ -"))
            self.current, self.dropped = "", True
            return
        first = self.ids.get(word)
        if first is not None:
            kind, first_span = first
            self.found.append(
                ID_TWICE(
                    f"`{word}` starts a second entry ({name}); the first is {kind} {word}",
                    span,
                    # which entry, by its line: the help said "delete or rename one entry" (stop 82)
                    help=f"user, IDENTITY and SUBCONFIG IDs share one name space: delete the entry not in use,"
                    f" this {name} {word} (line {number}) or the {kind} {word} of line {first_span.line}, or give"
                    " it an ID of its own",
                    related=(Related(first_span, f"{kind} {word} here"),),
                )
            )
            self.current, self.dropped = "", True
            self.twice.add(word)
            if name == "IDENTITY":  # its SUBCONFIGs follow it all the same: not said to be built by none
                self.identity = word
            return
        if name == "IDENTITY":
            self.identity = word
        self.ids[word] = (name, span)
        if len(shape) > 2 and shape[2] in PASSWORD_FORMS:
            self.password_forms[word] = shape[2]
        last = len(line[:LAST_COLUMN].rstrip())  # the whole statement (`_statement`)
        statement = _new(Span, (self.name, number, 1, number, last + 1, start, start + last))
        self.open = (name, word, span, statement, self.identity if name == "SUBCONFIG" else None)

    def _build(self, shape: list[str], line: str) -> None:
        if self.dropped:  # the entry's own diagnostic said it: its statements are not read
            return
        if self.current != "IDENTITY":
            self.found.append(
                MALFORMED(
                    "a BUILD statement outside an IDENTITY entry",
                    self._statement(line),
                    help="BUILD ON member USING SUBCONFIG id belongs in an IDENTITY entry, after its IDENTITY statement",
                )
            )
            return
        if len(shape) != 6 or shape[1] != "ON" or shape[3] != "USING" or shape[4] != "SUBCONFIG":
            self.builds_unread = True
            self.found.append(
                MALFORMED(
                    "a BUILD statement not of the form `BUILD ON member USING SUBCONFIG id`",
                    self._statement(line),
                    help=_build_help(shape),
                )
            )
            return
        member, subconfig = shape[2], shape[5]
        if member != "*" and (len(member) > 8 or set(member) - _MEMBER_CHARS):
            problem, at = f"`{member}` is not an SSI member name (1-8 of A-Z 0-9 @ # $), nor `*`", 2
        else:
            problem, at = _id_problem(subconfig, "SUBCONFIG ID"), 5
        if problem is not None:
            self.builds_unread = True
            self.found.append(MALFORMED(problem, self._word(at), help="write `BUILD ON member USING SUBCONFIG id`"))
            return
        if self.places is None:  # split by `str.split`: its two words found here, not all six one by one (`_place`)
            upper, start, number = self.upper, self.start, self.number
            begin = upper.find(member, upper.find("ON", upper.find("BUILD") + 5) + 2)  # `_place(2)`
            last = upper.rfind(subconfig)  # the last word's start (`_place(5)`): no later one ends by column 71
            end, after = begin + len(member), last + len(subconfig)
            spans = (
                _new(Span, (self.name, number, begin + 1, number, end + 1, start + begin, start + end)),
                _new(Span, (self.name, number, last + 1, number, after + 1, start + last, start + after)),
            )
        else:
            spans = (self._word(2), self._word(5))
        self.builds.append(_new(Build, (member, subconfig, *spans)))

    def _common_mdisk(self, shape: list[str], number: int) -> bool:
        """The common MDISK, `MDISK vdev devtype start count volid ...` (record `number`),
        read as `_extent` reads it, without the general path's per-record state: True
        when it is one and its minidisk is kept; False for any other form, and for an
        address not yet seen (its first time: `_mdisk` below)."""
        first, count, volume = shape[3], shape[4], shape[5]
        address = self.addresses.get(shape[1])
        label = self.labels.get(volume)
        if label is None:
            label = self.labels[volume] = _VOLUME_LABEL(volume) is not None
        if (
            address is None
            or address < 0
            or not (count.isdigit() and first.isdigit() and count.isascii() and first.isascii())  # `_is_number`
            or not label
        ):
            return False
        volume = None if volume.startswith("&") else volume
        self.disks.append(_new(Minidisk, (address, "MDISK", number, shape[2], int(count), volume, int(first), None, self.text)))
        return True

    def _mdisk(self, shape: list[str], line: str, cut: bool) -> None:
        """`MDISK vdev devtype start count volid mode ...`, or DEVNO, V-DISK or
        T-DISK and one operand in place of the extent (CP Planning and
        Administration, "MDISK Directory Statement")."""
        if len(shape) > 5 and self._common_mdisk(shape, self.number):
            return
        form = shape[3] if len(shape) > 3 else ""
        if form in ONE_OPERAND_FORMS:
            extent = _extent(form, shape[3:5])
        else:
            form, extent = "MDISK", _extent("MDISK", shape[3:6])
        address = self.addresses.get(shape[1]) if len(shape) > 2 else None
        if address is None and len(shape) > 2:
            address = self.addresses[shape[1]] = int(shape[1], 16) if _is_address(shape[1]) else -1
        if address is None or address < 0 or extent is None:
            if not cut:
                left_out = _device_type_left_out(shape)
                if left_out is not None:
                    self.found.append(MALFORMED(left_out[0], self._word(2), help=left_out[1]))
                    return
                operands = shape[3:5] if form != "MDISK" else shape[3:6]
                problem = _address_problem(shape, "MDISK") or _extent_problem(form, operands)
                self.found.append(MALFORMED(problem, self._statement(line), help=_MDISK_HELP))
            return
        if form == "V-DISK" and self.current == "IDENTITY":
            # IBM's "MDISK Directory Statement": a virtual disk in storage only in a user or
            # subconfiguration entry (it is local: each instance's own).
            self.found.append(
                MALFORMED(
                    "a V-DISK in an IDENTITY entry itself: CP takes a virtual disk in storage only in a USER"
                    " or SUBCONFIG entry",
                    self._statement(line),
                    help="move the MDISK statement into each SUBCONFIG of the IDENTITY whose instance uses it",
                )
            )
            return
        # Placed when asked (`Minidisk.span`, `statement`), from the record as the `Source` keeps it.
        self.disks.append(_new(Minidisk, (address, form, self.number, shape[2], *extent, self.text)))

    def _link(self, shape: list[str], line: str, cut: bool) -> None:
        """`LINK owner vdev1 vdev2 mode`: the disk is this user's at vdev2."""
        problem = None
        if len(shape) < 4:
            problem = "a LINK statement without its owner and both virtual addresses"
        elif not _is_address(shape[2]) or not _is_address(shape[3]):
            problem = "a LINK statement's virtual addresses are 1-4 hexadecimal digits"
        if problem is not None:
            if not cut:
                help_ = "write `LINK owner vdev1 vdev2 mode`: the owner's disk at vdev1 is linked at vdev2"
                self.found.append(MALFORMED(problem, self._statement(line), help=help_))
            return
        self.links.append(_new(Link, (int(shape[3], 16), shape[1], self._word(3))))

    def _close(self) -> None:
        """The end of the entry being read: it keeps its BUILD, MDISK and LINK
        statements, the PROFILE it INCLUDEs, and where its other statements are.
        The entry is made here, once, not at its first statement and again here."""
        if self.open is not None:
            kind, word, span, statement, follows = self.open
            if self.builds or self.disks or self.other_line or self.builds_unread:
                builds = tuple(self.builds) if self.current == "IDENTITY" else ()
                entry = _entry_of(
                    kind, word, span, statement,
                    builds, tuple(self.disks), tuple(self.links), self.profile, follows, self.builds_unread,
                    self.other_line,
                )  # fmt: skip
            else:
                entry = _entry_of(kind, word, span, statement, (), (), (), None, follows, False, 0)
            (self.profiles if kind == "PROFILE" else self.entries).append(entry)
            self.open = None
        self.builds, self.disks, self.links, self.profile, self.other_line = [], [], [], None, 0
        self.builds_unread = False

    def result(self, source: Source) -> Directory:
        """The directory read, whose text, its records as `record` kept them, is `source`."""
        self._close()
        self.text.source = source
        kinds = {e.id: e.kind for e in self.entries}
        for entry in self.entries:
            for build in entry.builds:
                if kinds.get(build.subconfig) != "SUBCONFIG":
                    what = "no entry" if build.subconfig not in kinds else f"a {kinds[build.subconfig]} entry"
                    self.found.append(
                        UNKNOWN_SUBCONFIG(
                            f"IDENTITY {entry.id}'s BUILD ON {build.member} names SUBCONFIG"
                            f" {build.subconfig}, which is {what} of the directory",
                            build.subconfig_span,
                            help=f"add a `SUBCONFIG {build.subconfig}` entry with the member's minidisks,"
                            " or correct the ID",
                            related=(Related(entry.span, f"IDENTITY {entry.id} here"),),
                        )
                    )
        self.found.sort(key=lambda d: (d.span.start, d.code))
        first = {}
        for p in self.profiles:
            first.setdefault(p.id, p)
        return Directory(
            source, tuple(self.entries), tuple(self.found), profiles=tuple(first.values()), twice=frozenset(self.twice),
            password_forms=self.password_forms,
        )


def _entry_of(
    kind: str, id_: str, span: Span, statement: Span, builds: tuple[Build, ...], disks: tuple[Minidisk, ...],
    links: tuple[Link, ...], profile: str | None, follows: str | None, builds_unread: bool, last_line: int,
) -> Entry:  # fmt: skip
    """`Entry(...)` of these fields, made without the frozen dataclass's `__init__`, which
    sets each of its 11 fields through `object.__setattr__`: some 4 µs an entry, the
    largest cost of reading an entry's first statement. The same object, its fields in
    its `__dict__` in their order (tests/test_cpdirectory.py holds it against `Entry`).
    The `__dict__` is given whole: fields put one by one in the one `entry.__dict__`
    makes (a dict sharing the class's keys) cost less here, but on CPython 3.11 each
    read of an attribute of such an entry then misses the interpreter's fast path, and
    the checks read the entries' attributes many times (about 2.9 times the
    instructions a read, tried at stop 35)."""
    entry = _object_new(Entry)
    _object_setattr(
        entry,
        "__dict__",
        {
            "kind": kind, "id": id_, "span": span, "statement": statement, "builds": builds, "disks": disks,
            "links": links, "profile": profile, "follows": follows, "builds_unread": builds_unread,
            "last_line": last_line,
        },
    )  # fmt: skip
    return entry


def _is_statement(record: str) -> bool:
    """Whether a record holds a statement: not a comment (`*` in column 1), nor blank to column 71."""
    return not record.startswith("*") and bool(record[:LAST_COLUMN].strip())


def _word_end(line: str, at: int) -> int:
    end = at
    while end < len(line) and line[end] not in " \t":
        end += 1
    return end


_MDISK_HELP = (
    "write `MDISK vdev devtype start count volid mode`, or `DEVNO rdev`, `V-DISK blocks` or"
    " `T-DISK size` in place of `start count volid`"
)


#: The device type an MDISK of each one-operand form is written with in the help of
#: `_device_type_left_out`: a V-DISK is an FB-512 disk (IBM's "MDISK Directory Statement");
#: a T-DISK or a DEVNO is the device it is made as, 3390 the usual one.
_LEFT_OUT_DEVTYPE = {"V-DISK": "FB-512", "T-DISK": "3390", "DEVNO": "3390"}


def _device_type_left_out(shape: list[str]) -> tuple[str, str] | None:
    """BKR502's message and help for an MDISK whose device type is left out, `MDISK 0300
    V-DISK 512000 MR` (DEVNO, V-DISK or T-DISK right after the address, where the device
    type goes): it was said to be "without its extent", of a statement that has no extent
    to give, and the help's form, read literally, did not say what was missing. The help
    writes the statement with a device type, up to its mode (never its passwords)."""
    if len(shape) < 4 or shape[2] not in ONE_OPERAND_FORMS or not _is_address(shape[1]):
        return None
    form, devtype = shape[2], _LEFT_OUT_DEVTYPE[shape[2]]
    written = " ".join(["MDISK", shape[1], devtype, *shape[2:5]])
    why = {
        "V-DISK": "a V-DISK is an FB-512 disk",
        "T-DISK": "or the type the temporary disk is made as: 3380, 9336, FB-512",
        "DEVNO": "or the real device's type",
    }[form]
    return (
        f"an MDISK statement without its device type: `{form}` stands where the device type goes",
        f"write the device type before `{form}`: `{written}` ({why})",
    )


def _is_number(word: str) -> bool:
    """Digits 0-9, as DIRECTXA reads a number (`str.isdigit` holds `²` and `١` digits too,
    which `int` refuses or DIRECTXA never sees)."""
    return word.isdigit() and word.isascii()


def _is_address(word: str) -> bool:
    return 1 <= len(word) <= 4 and not set(word) - _HEX


def _address_problem(shape: list[str], name: str) -> str | None:
    if len(shape) < 3:
        return f"an {name} statement without its virtual address and device type"
    if not _is_address(shape[1]):
        return f"`{shape[1]}` is not a virtual address: 1-4 hexadecimal digits"
    return None


def _extent(form: str, operands: list[str]) -> tuple[int | None, str | None, int | None, str | None] | None:
    """(size, volume, start, allocation) of an MDISK's operands after its device type:
    `start count volid`, DirMaint's `AUTOx size group|region|volume`, or the
    one-operand forms' size (IBM's "MDISK Directory Statement"); None where
    `_extent_problem` finds them wrong (it says why)."""
    if form == "MDISK":
        if len(operands) != 3:
            return None
        first, count, volume = operands
        if _is_number(count):
            size = int(count)
        elif count == "END" and first not in ALLOCATED_FORMS:
            size = None  # END: to the end of the volume
        else:
            return None
        if _is_number(first) and _VOLUME_LABEL(volume):
            return size, None if volume.startswith("&") else volume, int(first), None
        if first in ALLOCATED_FORMS and (first != "AUTOV" or _VOLUME_LABEL(volume)):
            return size, volume if first == "AUTOV" else None, None, first
        return None
    if len(operands) != 2:
        return None
    if form == "DEVNO":  # a real device, its size its own
        return (None, None, None, None) if _is_address(operands[1]) else None
    return (int(operands[1]), None, None, None) if _is_number(operands[1]) else None  # V-DISK, T-DISK


def _extent_problem(form: str, operands: list[str]) -> str | None:
    """Why an MDISK's operands after its device type are not its `form`'s, or None."""
    if form == "DEVNO":
        ok = len(operands) == 2 and _is_address(operands[1])
        return None if ok else "an MDISK statement's `DEVNO` without the real device number (1-4 hexadecimal digits)"
    if form in TEMPORARY_FORMS:
        ok = len(operands) == 2 and _is_number(operands[1])
        return None if ok else f"an MDISK statement's `{form}` without its size (a number)"
    if len(operands) == 3 and operands[0] in ALLOCATED_FORMS and _is_number(operands[1]):
        if operands[0] == "AUTOV" and not _VOLUME_LABEL(operands[2]):
            return _label_problem(operands[2])
        return None  # DirMaint's AUTOx size group|volume: the extent DirMaint allocates
    if len(operands) < 3 or not _is_number(operands[0]) or not (_is_number(operands[1]) or operands[1] == "END"):
        return "an MDISK statement without its extent (`start count volid`: two numbers and a volume)"
    if not _VOLUME_LABEL(operands[2]):
        return _label_problem(operands[2])
    return None


def _label_problem(volume: str) -> str:
    return f"an MDISK statement's volume `{volume}` is not a volume label (1-6 of A-Z 0-9 @ # $, or `&SYSRES`)"
