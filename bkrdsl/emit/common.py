"""What every emitter shares: the artifact value, headers, text and address helpers.

Emitters are pure `model -> text` functions; an `Artifact` is one generated
file with the facts the manifest records about it. Nothing here touches the
file system.
"""

from __future__ import annotations

import functools
import re
from dataclasses import field
from typing import NamedTuple

from bkrdsl.dialect import FIELDS, Dialect, MachineDefaults, Unit
from bkrdsl.generated import CLUSTER_FOLDER, HEADER_ROOM, INVARIANT, MAX_COLUMNS
from bkrdsl.records import dataclass

# Manifest kinds, one per artifact kind.
JOB_TEMPLATE = "job-template"
SUBMIT_EXEC = "submit-exec"
EXPIRE_EXEC = "expire-exec"
PROFILE_SNIPPET = "profile-snippet"
DIRECTORY = "directory"
TAPE_CONFIG = "tape-config"
README = "readme"  # README.TXT at the folder's top: stays off the host
CHANGES = "changes"  # CHANGES.TXT at the folder's top, the steps of the changes compiled: off the host


class EmitError(Exception):
    """The model asks for a file bkrc cannot write (the checker should have said so)."""


class TableRefused(EmitError):
    """The dialect table would have bkrc write what it must not (a minidisk's link
    password): the compile stops, exit 2, as for a table its load refuses."""


#: What `Artifact.from_parts` passes for the text: it is joined from the parts
#: only when something asks for it (see `Artifact.__getattr__`).
_JOINED_ON_DEMAND = object()


class Extent(NamedTuple):
    """Where a directory entry's MDISK statement puts a minidisk: its volume, first
    cylinder or block and size. The manifest keeps them, so that the next compile
    can say when a minidisk moves (CP does not move its data)."""

    address: str
    volume: str
    start: int
    size: int


@dataclass(frozen=True)
class Artifact:
    """One generated file: where it goes, its text and what the manifest says of it."""

    path: str  # relative to the output folder, '/'-separated: "VMSYS1/SYSINC1.TEMPLATE"
    text: str
    kind: str
    member: str | None = None
    job: str | None = None
    source_job: str | None = None
    job_kind: str | None = None
    #: A directory entry's minidisks with an explicit extent (`at START`, or bkrc's
    #: sequential allocation), in the order its MDISK statements are written.
    minidisks: tuple[Extent, ...] = ()
    #: An EXEC's compile identity (`rexx.compile_identity`), which every EXEC of
    #: one compile names and manifest.json records; None for other files.
    identity: str | None = None
    #: Where the file goes on z/VM, in the words of `destination.goes_to`, which
    #: the manifest records and README.TXT lists.
    goes_to: str | None = None
    #: The pieces `text` was joined from, each a run of whole lines, when
    #: several files share them (see `from_parts`); empty otherwise. The CMS
    #: check relies on them only after it has seen that they make up `text`,
    #: or when `text` is theirs by construction (`joined`).
    parts: tuple[str, ...] = field(default=(), compare=False, repr=False)
    #: What `fits_rules(text)` says, when the emitter has read the text so already
    #: (an EXEC: `rexx.checked_execs`), which the CMS check then takes; None: not known.
    #: Set by `read_so` only: not an argument, so that `dataclasses.replace` with
    #: another text leaves it None rather than another text's answer.
    fits: bool | None = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.__dict__["text"] is _JOINED_ON_DEMAND:
            # No text yet: __getattr__ joins the parts the first time it is read.
            object.__delattr__(self, "text")

    def __getattr__(self, name: str):
        # Only called for an attribute the instance lacks: the text of a `from_parts` artifact.
        if name == "text" and "parts" in self.__dict__:
            text = self.__dict__["text"] = "".join(self.parts)
            return text
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @classmethod
    def from_parts(
        cls, path: str, parts, kind: str, *, encoded: dict | None = None, proven: dict | None = None, **facts
    ) -> Artifact:
        """An artifact whose text is `parts` joined. Files that share a large
        piece (a job's selection on every member) share the one string, and
        the CMS check (cms.py) reads each distinct piece once, and none that
        its emitter showed fits the rules (`proven`: {id(part): part}, see
        `template.selection_text`).

        The joined text is made only if something reads `text`: the compile
        command checks the CMS rules on the parts, and hashes and writes the
        file from the parts' bytes (`chunks`), each shared part encoded once
        when the artifacts that share it share one `encoded` dict. A large
        cluster's templates are megabytes, mostly the same records on every
        member."""
        art = cls(path, _JOINED_ON_DEMAND, kind, **facts, parts=tuple(parts))
        object.__setattr__(art, "_encoded", encoded if encoded is not None else {})
        object.__setattr__(art, "_proven", proven if proven is not None else {})
        return art

    def proven(self, part: str) -> bool:
        """True when the emitter showed that `part`, one of `parts`, fits the CMS
        rules (`fits_rules`) without reading it (`from_parts`)."""
        return self.__dict__.get("_proven", {}).get(id(part)) is part

    def read_so(self, fits: bool | None) -> Artifact:
        """This artifact, noted with what its emitter found `fits_rules(text)` says
        (`fits`; None: not known)."""
        object.__setattr__(self, "fits", fits)
        return self

    @property
    def joined(self) -> bool:
        """True when `text` is `parts` joined by construction (`from_parts`)."""
        return "_encoded" in self.__dict__

    # Worked out once: the plan, the manifest and the write all ask, and a large
    # template is megabytes. (A frozen dataclass without slots keeps a __dict__,
    # where cached_property stores the value.)
    @functools.cached_property
    def chunks(self) -> tuple[bytes, ...]:
        """The file's bytes in pieces: `data` is their join. One piece per part
        for a `from_parts` artifact (a part shared with other artifacts of the
        same `encoded` dict is encoded once), else the whole text encoded."""
        if not self.joined:
            return (self.text.encode("utf-8"),)
        encoded = self.__dict__["_encoded"]
        out = []
        for part in self.parts:
            # By identity, the part itself kept beside its bytes: its id is never reused meanwhile.
            known = encoded.get(id(part))
            if known is None or known[0] is not part:
                known = encoded[id(part)] = (part, part.encode("utf-8"))
            out.append(known[1])
        return tuple(out)

    @functools.cached_property
    def data(self) -> bytes:
        chunks = self.chunks
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    @functools.cached_property
    def sha256(self) -> str:
        import hashlib  # here: only a compile hashes, and every emitter imports this module

        digest = hashlib.sha256()
        for chunk in self.chunks:
            digest.update(chunk)
        return digest.hexdigest()


def member_path(member: str, fn: str, ft: str) -> str:
    return f"{member}/{fn}.{ft}"


def cluster_path(fn: str, ft: str) -> str:
    return f"{CLUSTER_FOLDER}/{fn}.{ft}"


# ------------------------------------------------------------------ text
def invariant(text: str) -> str:
    """Free text (a description) with every non-invariant character made visible.

    The same `<U+XXXX>` form as the REXX EXECs (`bkrdsl.emit.quoting`), so a
    description reads alike in every generated file. Names keep their
    `$ # @`, which the checker warns about where they are declared.
    """
    from bkrdsl.emit.quoting import invariant_text

    return invariant_text(text)


def wrap(text: str, width: int) -> list[str]:
    """Free text folded into lines of at most `width` columns (never empty): the
    lines of `textwrap.wrap(text, width, break_long_words=True,
    break_on_hyphens=False)`.

    Once blanks are made single spaces, a text whose every word fits a line is
    filled greedily here, as textwrap fills it: a word joins the line when it
    fits after one space. textwrap's chunking costs some 0.2 M instructions a
    paragraph, and every header's notes are paragraphs (docs/performance.md,
    "Stop 45's runs"). A word longer than a line, which textwrap cuts to fill
    the line before it, goes to textwrap itself (tests/test_compile_emit.py
    checks the two agree).
    """
    words = text.split()
    text = " ".join(words)
    if 0 < len(text) <= width:
        return [text]  # what textwrap gives for a text that fits, without its cost
    if words and width > 0 and max(map(len, words)) <= width:
        lines = []
        line = words[0]
        for word in words[1:]:
            if len(line) + 1 + len(word) <= width:
                line = f"{line} {word}"
            else:
                lines.append(line)
                line = word
        lines.append(line)
        return lines
    import textwrap

    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False)
    return lines or [""]


def and_joined(names) -> str:
    """`A`, `A and B`, `A, B and C`: names for a sentence, as they are."""
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def fit(text: str, width: int) -> str:
    """`text` cut from the left with '...' so that it fits `width` columns."""
    return text if len(text) <= width else "..." + text[len(text) - width + 3 :]




def header_texts(source: str, what: str) -> list[str]:
    """The opening comment's texts (without comment delimiters, not yet wrapped).

    Every generated file starts with these: where it came from, that it is
    generated, and what it is. A source name too long for the first line
    (`/* ... */` leaves 66 columns) goes on a line of its own, so that the
    first line always says whole that the file is generated.
    """
    first = f"Generated by bkrc from {source}: do not edit."
    if len(first) <= HEADER_ROOM:
        return [first, what]
    return ["Generated by bkrc: do not edit.", f"Source: {source}", what]


class Reading:
    """The dialect table as one generated file reads it: every entry, machine
    default (`machines.ROLE`) and size unit (`units.UNIT`) the file is written
    from is read through it and noted, so that the file's header names those
    the table marks assumed (`note`) and cannot leave one out.

    An emitter makes one per file and reads the table through nothing else: a
    Reading has no `entries`, `machines` or `units` to bypass it. The header
    comes first in the file but is made last: `note` closes the reading, and
    a read after it is a bug that raises. A piece of text several files share
    (a job's selection on every member) is made once with `shared`, which
    notes what it read in each file that uses it.
    """

    __slots__ = ("_closed", "read", "table")

    def __init__(self, table: Dialect | Reading) -> None:
        #: The table itself; read it directly only for what no file writes (advice).
        self.table: Dialect = table.table if isinstance(table, Reading) else table
        #: What the file read, in the order read: entry keys, `machines.ROLE`, `units.UNIT`.
        self.read: dict[str, None] = {}
        self._closed = False

    def _noted(self, name: str) -> None:
        if self._closed:
            raise RuntimeError(f"dialect entry {name} read after the file's assumed note was made")
        self.read[name] = None

    def __getitem__(self, key: str) -> str:
        self._noted(key)
        return self.table.entries[key].value

    def text(self, key: str, **fields: str) -> str:
        """The entry's value with `{field}` placeholders filled in."""
        self._noted(key)
        return self.table.entries[key].value.format(**fields)

    def return_code(self, key: str) -> int:
        self._noted(key)
        return self.table.return_code(key)

    def machine(self, role: str) -> MachineDefaults:
        """The directory defaults of a product machine role."""
        self._noted(f"machines.{role}")
        return self.table.machines[role]

    def unit(self, word: str) -> Unit | None:
        """The unit a `disk ... size N UNIT` word names (`Dialect.unit`)."""
        unit = self.table.unit(word)
        if unit is not None:
            self._noted(f"units.{unit.name}")
        return unit

    @property
    def origin(self) -> str:
        return self.table.origin

    def shared(self, made: dict, key, make):
        """`make(reading)`, made once per `key` in `made` with a reading of its
        own; every file that uses it, the first and the later ones, notes what
        making it read."""
        known = made.get(key)
        if known is None:
            part = Reading(self.table)
            known = made[key] = (make(part), tuple(part.read))
        for name in known[1]:
            self._noted(name)
        return known[0]

    def note(self) -> list[str]:
        """The header's note (`assumed_note`) on what the file read; closes the reading."""
        self._closed = True
        return assumed_note(self.table, self.read)


#: The order a note names entries in: the order of the table's FIELDS (that of
#: each file's reader), except that a template's selection records, and the
#: addresses `*` stands for, keep the order its records use them in.
_SELECTION_ENTRIES = ("include_minidisk", "exclude_minidisk", "include_sfs", "exclude_sfs", "address_low", "address_high")
_RANK = {key: rank for rank, key in enumerate(FIELDS)} | dict.fromkeys(_SELECTION_ENTRIES, list(FIELDS).index("include_minidisk"))


def _rank(name: str) -> int:
    """Entries in FIELDS' order (`_RANK`), then machine defaults, then size units."""
    if name.startswith("machines."):
        return len(FIELDS) + 1
    if name.startswith("units."):
        return len(FIELDS) + 2
    return _RANK.get(name, len(FIELDS))


def assumed_note(dialect: Dialect, read) -> list[str]:
    """The header's note naming the dialect entries this file is written from
    that the table marks assumed (the `status` a site's table may change), or
    nothing when each one is confirmed.

    A system programmer reads the file, not docs/compatibility.md: a keyword
    bkrc could not check against IBM's documentation must say so where it is
    written, with where to check and correct it. `read`: what the file read of
    the table (`Reading.read`), entry keys, `machines.ROLE` (a directory
    entry's storage, classes and statements) and `units.UNIT` (a size unit's
    device type), named in a fixed order (`_rank`; ties in the order read).
    """
    # Many files read the same entries (every SUBCONFIG, every member's copy of a job):
    # the note is made once per table and what was read, in its order, which decides
    # ties. Kept on the table itself (a frozen one, never changed once loaded), as
    # its cached properties are.
    key = tuple(read)
    known = dialect.__dict__.setdefault("_assumed_notes", {})
    note = known.get(key)
    if note is None:
        note = known[key] = _assumed_note(dialect, key)
    return list(note)


def forget_notes(dialect: Dialect) -> None:
    """Empty the notes `assumed_note` kept on `dialect` and `star_comments`'s lines
    (`emit_all` does, per compile)."""
    dialect.__dict__.pop("_assumed_notes", None)
    _star_lines.cache_clear()


def _assumed_note(dialect: Dialect, read: tuple[str, ...]) -> tuple[str, ...]:
    names = [name for name in sorted(dict.fromkeys(read), key=_rank) if _status(dialect, name) == "assumed"]
    if not names:
        return ()
    which = f"entry {names[0]} is" if len(names) == 1 else "entries " + ", ".join(names[:-1]) + f" and {names[-1]} are"
    note = (
        f"Assumed product syntax: the dialect table's {which} assumed, not"
        " confirmed in IBM's documentation; check before the first run"
        " (bkrc dialect, docs/compatibility.md) and correct with --dialect."
    )
    return (note,)


def _status(dialect: Dialect, name: str) -> str:
    kind, _, key = name.partition(".")
    if kind == "machines":
        return dialect.machines[key].status
    if kind == "units":
        return dialect.units[key].status
    return dialect.entries[name].status


def star_comments(prefix: str, texts: list[str], width: int = MAX_COLUMNS) -> list[str]:
    """Comment lines in the `* text` form of templates and directory files,
    wrapped to `width` columns (a directory file's are DIRECTORY_COLUMNS)."""
    out: list[str] = []
    for text in texts:
        out.extend(_star_lines(prefix, text, width))
    return out


@functools.lru_cache(maxsize=512)
def _star_lines(prefix: str, text: str, width: int) -> tuple[str, ...]:
    """One text's lines of `star_comments`. Folded once per compile, not per file:
    the same notes head many files (every SUBCONFIG's the same dialect entries
    assumed, every member's template the same paragraphs)."""
    if not text:
        return (prefix,)
    return tuple(f"{prefix} {line}".rstrip() for line in wrap(text, width - len(prefix) - 1))


#: A FILE name that names a file descriptor, not a file: `/dev/fd/63` is how
#: bash names `<(cmd)` (zsh `/proc/self/fd/12`), and its number depends on the
#: shell, so the base name (`63`) says nothing and changes from one shell to the
#: next. Group 1: the descriptor's number (`/dev/stdin` has none: 0).
_DESCRIPTOR = re.compile(r"/(?:dev/fd|proc/(?:self|thread-self|[0-9]+)/fd)/([0-9]+)|/dev/(stdin)")

#: The label of a source read from standard input (`-`, `/dev/stdin`), and of
#: one read through any other file descriptor (a pipe the shell names).
STDIN_LABEL = "<stdin>"
PIPE_LABEL = "<pipe>"


def source_label(name: str) -> str:
    """The source as headers name it: the file's base name, one invariant word, at most 40 columns,
    that every file writes as it is (no `<U+`, the start of a character made visible).

    The base name, not the path, so that the output does not depend on the
    folder the compiler ran from. A name that names a file descriptor
    (`_DESCRIPTOR`) is `<stdin>` for descriptor 0, else `<pipe>`: the same
    text through `<(cat FILE)` gives the same files in every shell.
    """
    descriptor = _DESCRIPTOR.fullmatch(name)
    if descriptor is not None:
        return STDIN_LABEL if descriptor[1] in (None, "0") else PIPE_LABEL
    base = name.replace("\\", "/").rsplit("/", 1)[-1] or name
    if not base.isascii():
        # Composed (NFC), as typed: a macOS shell completes `café` decomposed,
        # `e` and a combining accent, which would be `cafe_` rather than `caf_`.
        import unicodedata

        base = unicodedata.normalize("NFC", base)
    word = "".join(c if c in INVARIANT and c != " " else "_" for c in base)
    # `<U+` starts a character made visible (`invariant_text`): an EXEC writes
    # such a `<` as `<U+003C>`, and its header would no longer name the label.
    return fit(word.replace("<U+", "_U+"), 40)


# ------------------------------------------------------------------ addresses
def address(text: str) -> str:
    """A minidisk address as CP writes it: four upper-case hex digits (191 -> 0191)."""
    return text.upper().rjust(4, "0")


def address_range(item: str, dialect: Dialect | Reading) -> tuple[str, str]:
    """(first, last) of a selection item: `*`, `0191` or `0100-0FFF`."""
    if item == "*":
        return dialect["address_low"], dialect["address_high"]
    if "-" in item:
        first, _, last = item.partition("-")
        return address(first), address(last)
    return address(item), address(item)


def lines_to_text(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"
