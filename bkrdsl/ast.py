"""The abstract syntax tree of a .bkr file.

Frozen dataclasses, one per construct, every node with the `Span` of the text it
came from (`Word` and `GroupEntry`, of which a large cluster has one per user
ID, are named tuples: as immutable, and much cheaper to make). The tree keeps what the user wrote, repeated settings included (a
member with two `workers` lines keeps both), so the checker can point at the
second one; names are normalised to upper case in `Word.upper`, while `Word.text`
keeps the spelling for messages and the formatter.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import field
from typing import NamedTuple

from bkrdsl.records import dataclass
from bkrdsl.source import Span


class Kind(str, enum.Enum):
    """A user's configuration kind in an SSI cluster."""

    SINGLE = "single"  # a USER entry: logged on to one member at a time
    IDENTITY = "identity"  # an IDENTITY entry: one instance on every member


class Scope(str, enum.Enum):
    SHARED = "shared"
    LOCAL = "local"


class Level(str, enum.Enum):
    FULL = "full"
    INCREMENTAL = "incremental"


class Action(str, enum.Enum):
    INCLUDE = "include"
    EXCLUDE = "exclude"


class Medium(str, enum.Enum):
    MINIDISK = "minidisk"
    SFS = "sfs"


class TargetMedium(str, enum.Enum):
    DISK = "disk"
    TAPE = "tape"


class Word(NamedTuple):
    """One name or value as written: an ID, a pattern, an address, a time, a number.

    Like `GroupEntry`, a named tuple rather than a frozen dataclass: a large
    cluster has one per user ID, and a tuple is made three times faster."""

    text: str
    span: Span

    @property
    def upper(self) -> str:
        return self.text.upper()


@dataclass(frozen=True, slots=True)
class Import:
    """`import PATH`: a module of declarations (`std/NAME` from the standard library)."""

    path: str
    span: Span


@dataclass(frozen=True, slots=True)
class UserDecl:
    """`single|identity user NAME[, NAME...] [role ROLE]` (a NAME may be a pattern), with its `##` doc."""

    kind: Kind
    names: tuple[Word, ...]
    role: Word | None
    span: Span
    kind_span: Span
    doc: str | None = None


class GroupEntry(NamedTuple):
    """`NAME` (a user ID) or `match PATTERN` inside a group (a named tuple: see `Word`)."""

    word: Word
    is_pattern: bool
    span: Span


class Entries(tuple):
    """A group body's entries (`GroupEntry`s) as the fast parser reads them, with
    `texts`: each entry's word's text, in order, read as it went, where no entry is
    a `match` pattern. The model takes a group's users from it without a pass over
    the entries (a large cluster's groups hold thousands: two list comprehensions
    over them were 2% of a compile, docs/performance.md "Stop 73's runs").

    A tuple like any other (equal to the plain tuple of its entries), so the texts
    go wherever these entries go and nowhere else: a group made from other entries
    (`dataclasses.replace`, entries joined) holds a plain tuple, and the model then
    reads the entries themselves (`GroupDecl.entry_texts`)."""

    texts: tuple[str, ...]

    @classmethod
    def read(cls, entries: list[GroupEntry], texts: list[str]) -> tuple[GroupEntry, ...]:
        """`entries` as a tuple; an Entries with `texts` where they are every entry's text
        (as many, so no `match` entry among them), else a plain tuple."""
        if len(texts) != len(entries):
            return tuple(entries)
        made = cls(entries)
        made.texts = tuple(texts)
        return made


@dataclass(frozen=True, slots=True)
class GroupDecl:
    """`single|identity group NAME { ENTRY... }`, with its `##` doc."""

    kind: Kind
    name: Word
    entries: tuple[GroupEntry, ...]
    span: Span
    kind_span: Span
    doc: str | None = None

    def entry_texts(self) -> tuple[list[str] | tuple[str, ...], list[bool]]:
        """(each entry's word's text, whether each is a `match` pattern): from the
        entries' `Entries.texts` where the fast parser kept them (no pattern among
        them: the second list empty), else read from the entries."""
        texts = getattr(self.entries, "texts", None)
        if texts is not None:
            return texts, []
        # List comprehensions: the fastest way to read thousands of entries.
        return [e.word.text for e in self.entries], [e.is_pattern for e in self.entries]


@dataclass(frozen=True, slots=True)
class Selection:
    """`include|exclude minidisk OWNER ADDR...` or `include|exclude sfs PATH...`."""

    action: Action
    medium: Medium
    owner: Word | None  # minidisk only
    items: tuple[Word, ...]  # addresses and ranges, or SFS paths
    span: Span


class VolumeSize(NamedTuple):
    """A volume's size in a volume list: the word right after its label
    (`shared-volume VMCOM1 3390-9`, `private-volume M1EAV1 262668-cyl`)."""

    label: Word
    size: Word


@dataclass(frozen=True, slots=True)
class Setting:
    """A one-value setting inside a block (`workers 4`, `job-suffix A`, `description "..."`);
    a volume list's labels, with the sizes stated after some of them in `sizes`; a member's
    `subconfig MACHINE NAME`; the cluster's `link MACHINE OWNER VADDR [as VADDR2] MODE`,
    its words without `as` (five when `as` is written: `link_parts`)."""

    keyword: str
    values: tuple[Word, ...]
    span: Span
    sizes: tuple[VolumeSize, ...] = ()

    @property
    def written(self) -> tuple[Word, ...]:
        """The words after the keyword as written: a volume list's labels and sizes, in order."""
        if not self.sizes:
            return self.values
        return tuple(sorted((*self.values, *(s.size for s in self.sizes)), key=lambda w: w.span.start))


def link_parts(setting: Setting) -> tuple[Word, Word, Word, Word | None, Word] | None:
    """A `link` statement's machine, owner, owner's address, the address the machine
    links it at where `as` gives one (else None: the same) and mode; None for a
    statement whose words a syntax error left short."""
    values = setting.values
    if len(values) == 4:
        return values[0], values[1], values[2], None, values[3]
    if len(values) == 5:
        return values[0], values[1], values[2], values[3], values[4]
    return None


#: The statements that list volume labels.
VOLUME_LISTS = frozenset({"shared-volume", "private-volume"})

#: The shape of a volume's size word: a number, a hyphen and a word (`3390-9`,
#: `262668-cyl`). No volume label has one, since a label cannot hold `-` (BKR305):
#: a file without sizes reads as it always has.
_SIZE_SHAPED = re.compile(r"[0-9]+-[A-Za-z0-9]+")


def is_size_shaped(text: str) -> bool:
    return _SIZE_SHAPED.fullmatch(text) is not None


def _prose(word: str) -> bool:
    """Whether a word of an SFS selection reads as prose, not a path: one with a small
    letter, no `:` nor `.` (`foo`, `Nightly`). A path names its pool and user with
    them, and one written without its pool (`CICSPRD.LOGS`, `OPER1`) is in capitals,
    as CMS shows it."""
    return "." not in word and ":" not in word and word != word.upper()


def prose_after_paths(words: Sequence[str]) -> dict[int, int]:
    """`include sfs BKRPOOL:MAINT.BKUP foo bar baz`, the words of an SFS selection as
    written: runs of two or more words that read as prose (`_prose`) after a word that
    reads as a path, by the index of their first word -> the index after their last. More likely a comment written without its `#`,
    or the words of another statement, than that many paths each without its pool: one
    BKR318 for the run, not one for each word (check.values), whose words `bkrc fmt`
    keeps as written (fmt.outline). A word alone (`include sfs BKRPOOL:A.B logs`) may be
    a path whose pool was left out: BKR318 for it, with that pool."""
    runs: dict[int, int] = {}
    # a word after a pool and its `:` is the rest of that path, a blank between them
    # (`BKRPOOL: cicsprd`: sfs_paths reports the two as one path split in two)
    prose = [_prose(w) and not (k and words[k - 1].endswith(":")) for k, w in enumerate(words)]
    i = next((k for k, p in enumerate(prose) if not p), len(words))
    while i < len(words):
        if not prose[i]:
            i += 1
            continue
        end = i
        while end < len(words) and prose[end]:
            end += 1
        if end - i >= 2:
            runs[i] = end
        i = end
    return runs


#: A word as a statement's first is written: letters, perhaps joined by hyphens.
STATEMENT_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
#: What a minidisk selection's address or range is written as: `*`, 1-4 hex digits,
#: or two of them joined by `-` (resolve.model.parse_address_range reads them).
_ADDRESS_WRITTEN = re.compile(r"\*|[0-9A-Fa-f]{1,4}(?:-[0-9A-Fa-f]{1,4})?")


def statement_lines_in_addresses(owner_line: int, words: Sequence[tuple[str, int]]) -> dict[int, int]:
    """A minidisk selection's addresses as written (text, line), its owner on
    `owner_line`: each later line that starts with a word spelled as a statement's first
    (`STATEMENT_WORD`) that is no address (`exclude minidisk * 0190`, then `frob 35
    days`), by the index of that word -> the index after the line's last word. The
    addresses run on over line breaks, so the parsers read such a line as more of them,
    but the writer most likely began a statement there: one BKR310 for the line, said
    at its first word (check.values), whose line `bkrc fmt` keeps as written, that word
    first on it (fmt.outline): joined to the line above, each of its words would be an
    error of its own."""
    runs: dict[int, int] = {}
    line = owner_line
    for index, (text, at) in enumerate(words):
        starts_line, line = at != line, at
        if starts_line and STATEMENT_WORD.fullmatch(text) and not _ADDRESS_WRITTEN.fullmatch(text):
            end = index + 1
            while end < len(words) and words[end][1] == at:
                end += 1
            runs[index] = end
    return runs


def address_written(text: str) -> bool:
    """Whether a word of a minidisk selection is written as an address or a range (`_ADDRESS_WRITTEN`)."""
    return _ADDRESS_WRITTEN.fullmatch(text) is not None


def size_indexes(texts: Sequence[str]) -> frozenset[int]:
    """Which words of a volume list (as written, in order) are sizes: a size-shaped
    word right after a label (whether it names a size is the checker's to say,
    BKR336). Any other word, a size-shaped one first or after another size
    included, is a label."""
    out: set[int] = set()
    for i, text in enumerate(texts):
        if i and i - 1 not in out and is_size_shaped(text):
            out.add(i)
    return frozenset(out)


def volume_list(keyword: str, words: Sequence[Word], span: Span) -> Setting:
    """A `shared-volume` or `private-volume` statement as both parsers build it: its
    labels, and the sizes stated after some of them (`size_indexes`)."""
    sized = size_indexes([w.text for w in words])
    labels = tuple(w for i, w in enumerate(words) if i not in sized)
    sizes = tuple(VolumeSize(words[i - 1], words[i]) for i in sorted(sized))
    return Setting(keyword, labels, span, sizes)


@dataclass(frozen=True, slots=True)
class Member:
    """`member NAME { ... }`: its settings (`workers`, `private-volume`, ...) and excludes."""

    name: Word
    settings: tuple[Setting, ...]
    selections: tuple[Selection, ...]
    span: Span
    doc: str | None = None

    def settings_named(self, keyword: str) -> tuple[Setting, ...]:
        return tuple(s for s in self.settings if s.keyword == keyword)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a job runs or expiry happens: `on each member`, or `on MEMBER[,MEMBER...]`."""

    each_member: bool
    members: tuple[Word, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Schedule:
    """`daily T`, `weekly DAY[,DAY...] T`, `monthly N T`, `monthly ORDINAL DAY T` or
    `manual`. A monthly schedule on the Nth weekday (`monthly first sun 02:00`) has
    its `ordinal` (first, second, third, fourth or last, as written) and the weekday
    as its one day; one on a day of the month has none."""

    frequency: str  # daily | weekly | monthly | manual
    days: tuple[Word, ...]
    time: Word | None
    span: Span
    ordinal: Word | None = None


@dataclass(frozen=True, slots=True)
class Wait:
    """`logon-wait N UNIT` or `pool-wait N UNIT` on the `catalog` statement: how
    long BKRSTART waits for the SFS server to log on, for its file pool to serve."""

    count: Word
    unit: Word
    span: Span


@dataclass(frozen=True, slots=True)
class Catalog:
    """`catalog shared|local server NAME pool NAME on MEMBER`."""

    scope: Scope
    server: tuple[Word, ...]
    pool: tuple[Word, ...]
    home: tuple[Word, ...]
    span: Span
    logon_waits: tuple[Wait, ...] = ()
    pool_waits: tuple[Wait, ...] = ()


@dataclass(frozen=True, slots=True)
class Expire:
    """`expire on ... { preview ...  purge ...  retain N days }`."""

    placement: Placement
    previews: tuple[Schedule, ...]
    purges: tuple[Schedule, ...]
    retains: tuple[Word, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class TapeNode:
    """A machine a `tape manager` option names: `catalog-node NAME on MEMBER`,
    `request-node NAME`, `catalog-dmm NAME` or `request-dmm NAME`."""

    name: Word
    member: Word | None  # the catalog node's member; None for the other options
    span: Span


@dataclass(frozen=True, slots=True)
class Tape:
    """`tape manager shared|local` and the machines its options name."""

    scope: Scope
    catalog_nodes: tuple[TapeNode, ...]
    request_nodes: tuple[TapeNode, ...]
    catalog_dmms: tuple[TapeNode, ...]  # the catalog node's Device Manager Machine
    request_dmms: tuple[TapeNode, ...]  # the request nodes' Device Manager Machine
    span: Span

    @property
    def machines(self) -> tuple[TapeNode, ...]:
        """Every machine the statement names, option by option (repeats included)."""
        return self.catalog_nodes + self.request_nodes + self.catalog_dmms + self.request_dmms


@dataclass(frozen=True, slots=True)
class Target:
    """`to tape` or `to disk pool NAME`: where a job writes its backups."""

    medium: TargetMedium
    pool: Word | None
    span: Span


@dataclass(frozen=True, slots=True)
class Run:
    """`run PLACEMENT SCHEDULE`: where and when a job runs."""

    placement: Placement
    schedule: Schedule | None
    span: Span


@dataclass(frozen=True, slots=True)
class Backup:
    """`backup GROUP[,GROUP...] [full|incremental]` in a job. `capitals`: its keyword is
    written in capitals (`BACKUP`), as a line typed on CMS is, where a name after it in
    capitals too may be the keyword again (`BACKUP BACKUP`: BKR331). How the keyword is
    written, not what the line means: not compared, nor part of `fmt.equivalence.meaning`
    (the formatter writes the keyword in small letters)."""

    groups: tuple[Word, ...]
    level: Level | None
    span: Span
    capitals: bool = field(default=False, compare=False)


@dataclass(frozen=True, slots=True)
class Job:
    """`job NAME { ... }`: its backups, selections, targets, runs and descriptions."""

    name: Word
    backups: tuple[Backup, ...]
    selections: tuple[Selection, ...]
    targets: tuple[Target, ...]
    runs: tuple[Run, ...]
    descriptions: tuple[Setting, ...]
    span: Span
    doc: str | None = None


@dataclass(frozen=True, slots=True)
class Disk:
    """`disk USER ADDR size N UNIT [on VOLUME [at START]]`: a product machine's minidisk."""

    user: Word
    address: Word
    size: Word
    unit: Word
    volume: Word | None
    start: Word | None
    span: Span


@dataclass(frozen=True, slots=True)
class Cluster:
    """`cluster NAME { ... }`: everything the cluster block declares, in order of kind."""

    name: Word
    members: tuple[Member, ...]
    catalogs: tuple[Catalog, ...]
    expires: tuple[Expire, ...]
    tapes: tuple[Tape, ...]
    users: tuple[UserDecl, ...]
    groups: tuple[GroupDecl, ...]
    jobs: tuple[Job, ...]
    settings: tuple[Setting, ...]  # description, shared-volume
    span: Span
    doc: str | None = None
    disks: tuple[Disk, ...] = ()

    def member_references(self):
        """Every word that names a member outside its own block: placements of
        jobs and expiry, the catalog's home, the Tape Manager catalog node's member."""
        for job in self.jobs:
            for run in job.runs:
                yield from run.placement.members
        for expire in self.expires:
            yield from expire.placement.members
        for catalog in self.catalogs:
            yield from catalog.home
        for tape in self.tapes:
            yield from (n.member for n in tape.catalog_nodes if n.member is not None)


@dataclass(frozen=True, slots=True)
class Module:
    """One parsed .bkr file."""

    file: str
    imports: tuple[Import, ...]
    users: tuple[UserDecl, ...]
    groups: tuple[GroupDecl, ...]
    clusters: tuple[Cluster, ...]
    comments: tuple[tuple[Span, str], ...] = field(default=(), compare=False)
