"""A reader of the generated CP directory entries that applies CP's rules to them.

`bkrc compile` writes one entry per file (`cluster/ID.DIRECT`). This reads
them back the way DirMaint's ADD and DIRECTXA would, independently of the
emitter, and lists every rule an entry set breaks (an empty list is a pass):

- a file holds one entry: `*` comments, then one USER, IDENTITY or SUBCONFIG
  statement, then statements indented in column 2;
- every record, comments too, ends by column 71: DIRECTXA reads a source
  directory record's columns 1-71 only (72-80 hold sequence numbers);
- every USER, IDENTITY and SUBCONFIG ID is valid and not one CP reserves
  (SYSTEM, SYSTEMMP, LOGNxxxx, LOGLxxxx, LOGVxxxx);
- USER and IDENTITY: a valid ID, storage not above the maximum, privilege
  classes from A-Z and 1-6; an IDENTITY's BUILD statements come right after it,
  one per member at most, each naming a SUBCONFIG that exists, and every
  SUBCONFIG is built by exactly one IDENTITY;
- a SUBCONFIG statement has no operand after its ID (z/VM 7.2, SUBCONFIG
  Directory Statement: "If you specify extra operands, DIRECTXA produces an
  error message and the directory will not be updated");
- a SUBCONFIG holds only minidisk and link statements (no IPL, MACHINE, ...);
- an entry's LOGONBY statements name at most eight user IDs in all (z/VM 7.1,
  LOGONBY Directory Statement);
- in a USER or IDENTITY, every control statement (IPL, MACHINE, LOGONBY, IUCV,
  OPTION, ...) comes before the first device statement (CONSOLE, SPOOL, LINK,
  MDISK, ...), as CP reads an entry;
- virtual addresses (of MDISK, LINK, CONSOLE, SPOOL, DEDICATE and SPECIAL
  statements) are unique in a USER, and in an IDENTITY together with each of
  its SUBCONFIGs (CP merges the two);
- minidisks with an explicit extent never share a cylinder or block of a
  volume, across all entries;
- a SUBCONFIG's minidisks are on its member's private volumes, a USER's on
  the cluster's shared volumes: each instance must reach its disks from the
  member it logs on to (SSI);
- every LOGONBY names an entry of the set or a z/VM user (MAINT);
- someone can use every LOGONBY (without an external security manager, which
  may override it): the entry's password lets LOGON BY in (not AUTOONLY,
  "XAUTOLOG only", nor NOLOG), and each by-user of the set has a password of
  its own (not LBYONLY, AUTOONLY or NOLOG), since LOGON BY checks the
  by-user's own password. MAINT, outside the set, is taken to have one.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from bkrdsl.resolve.model import Model

_ID = re.compile(r"[A-Z0-9@#$_-]{1,8}")
#: The last column of a source directory record DIRECTXA reads (z/VM CP Planning
#: and Administration, "Source Directory File Formats"); kept apart from the
#: emitter's own constant, as everything this reader holds the files to.
_LAST_COLUMN = 71
#: IDs CP keeps for itself, user and SUBCONFIG IDs alike (z/VM 7.2, SUBCONFIG Directory
#: Statement: "LOGNxxxx, LOGLxxxx, LOGVxxxx, LOGNSYSC, LOGNSYSG, SYSTEM, and SYSTEMMP
#: are reserved for CP use").
_RESERVED_ID = re.compile(r"SYSTEM|SYSTEMMP|LOG[NLV].{4}")
_STORAGE = re.compile(r"([0-9]+)([KMGT])")
_UNITS = {"K": 1, "M": 1024, "G": 1024**2, "T": 1024**3}
#: Statements that define or modify a virtual device; every other statement of a
#: USER or IDENTITY entry but BUILD is a control statement, which CP wants before them.
_DEVICE_STATEMENTS = {"CONSOLE", "DEDICATE", "LINK", "MDISK", "NICDEF", "SPECIAL", "SPOOL", "MINIOPT", "DASDOPT"}
#: Statements CP accepts in a SUBCONFIG entry (z/VM CP Planning and Administration).
_SUBCONFIG_STATEMENTS = {"MDISK", "LINK", "MINIOPT", "DEDICATE", "LOAD", "SPOOL", "CONSOLE", "SPECIAL"}
#: Directory password values that let no LOGON BY in: IBM's list of z/VM's own
#: IDs (www.ibm.com/support/pages/zvm/devpages/altmarka/vm63.names): "NOLOG =
#: The user never logs on", "AUTOONLY = ... XAUTOLOG only" (against "LBYONLY =
#: ... LOGON BY or XAUTOLOG only").
_NO_LOGON_BY = {"AUTOONLY", "NOLOG"}
#: Password values that are no password of the user's own ("LBYONLY = The user
#: doesn't have its own password"), so such a user cannot be a by-user: CP checks
#: "the password of the BYUSER" (z/VM CP Commands and Utilities Reference, LOGON).
_NO_OWN_PASSWORD = {"LBYONLY", "AUTOONLY", "NOLOG"}
#: "the maximum total of LOGONBY user IDs that can be specified in a user,
#: identity, or profile entry is eight" (z/VM 7.1, LOGONBY Directory Statement).
_MAX_LOGONBY_USERS = 8


@dataclass
class Entry:
    path: str
    kind: str  # USER, IDENTITY or SUBCONFIG
    id: str
    operands: list[str]
    statements: list[list[str]] = field(default_factory=list)  # words of each statement, in order


def read_entries(files: dict[str, str]) -> tuple[dict[str, Entry], list[str]]:
    """(entries by ID, problems) from {path: text} of the directory files."""
    entries: dict[str, Entry] = {}
    problems: list[str] = []
    for path, text in sorted(files.items()):
        entry = None
        for n, line in enumerate(text.splitlines(), 1):
            where = f"{path}:{n}"
            if len(line) > _LAST_COLUMN:
                problems.append(f"{where}: {len(line)} columns; DIRECTXA reads columns 1-{_LAST_COLUMN} only")
            if line.startswith("*"):
                continue
            if not line.strip():
                problems.append(f"{where}: blank line")
                continue
            words = line.split()
            if not line.startswith(" "):
                if entry is not None:
                    problems.append(f"{where}: a second entry in one file")
                    continue
                if words[0] not in ("USER", "IDENTITY", "SUBCONFIG"):
                    problems.append(f"{where}: `{words[0]}` in column 1 is not an entry statement")
                    continue
                if len(words) < 2 or not _ID.fullmatch(words[1]):
                    problems.append(f"{where}: not a valid ID: {line!r}")
                    continue
                if _RESERVED_ID.fullmatch(words[1]):
                    problems.append(f"{where}: CP reserves the ID {words[1]} for itself")
                entry = Entry(path, words[0], words[1], words[2:])
                if entry.id in entries:
                    problems.append(f"{where}: {entry.id} is defined twice")
                entries[entry.id] = entry
            elif entry is None:
                problems.append(f"{where}: a statement before the entry statement")
            else:
                entry.statements.append(words)
        if entry is None:
            problems.append(f"{path}: no entry")
        elif path.rsplit("/", 1)[-1] != f"{entry.id}.DIRECT":
            problems.append(f"{path}: holds the entry of {entry.id}")
    return entries, problems


def _kilobytes(text: str) -> int | None:
    m = _STORAGE.fullmatch(text)
    return int(m.group(1)) * _UNITS[m.group(2)] if m else None


def _user_problems(e: Entry) -> list[str]:
    problems = []
    if len(e.operands) != 4:
        return [f"{e.path}: {e.kind} {e.id} needs password, storage, maximum and classes: {e.operands}"]
    _password, storage, maximum, classes = e.operands
    low, high = _kilobytes(storage), _kilobytes(maximum)
    if low is None or high is None or low > high:
        problems.append(f"{e.path}: storage {storage} and maximum {maximum} of {e.id}")
    if not re.fullmatch(r"[A-Z1-6]+", classes):
        problems.append(f"{e.path}: privilege classes {classes!r} of {e.id}")
    return problems


def _logon_by_problems(e: Entry, entries: dict[str, Entry]) -> list[str]:
    """A LOGONBY nobody can use: its entry refuses LOGON BY, or its by-user has no
    password of its own to give."""
    if e.kind == "SUBCONFIG" or not e.operands:
        return []
    by_users = [w for s in e.statements if s[0] == "LOGONBY" for w in s[1:]]
    problems = []
    if by_users and e.operands[0] in _NO_LOGON_BY:
        problems.append(f"{e.path}: {e.id} is {e.operands[0]}, so LOGON BY {by_users} cannot log on to it")
    for by in by_users:
        own = entries.get(by)
        if own is not None and own.operands and own.operands[0] in _NO_OWN_PASSWORD:
            problems.append(
                f"{e.path}: by-user {by} is {own.operands[0]}: it has no password of its own for LOGON BY"
            )
    return problems


def _mdisks(e: Entry) -> list[list[str]]:
    return [s for s in e.statements if s[0] == "MDISK"]


def _devices(e: Entry) -> list[str]:
    """The virtual address of every statement of the entry that defines a device."""
    out = []
    for s in e.statements:
        at = (
            1
            if s[0] in ("MDISK", "CONSOLE", "SPOOL", "DEDICATE", "SPECIAL")
            else 3
            if s[0] == "LINK"
            else None
        )
        if at is not None and len(s) > at:
            out.append(f"{int(s[at], 16):04X}")
    return out


def _extent(s: list[str]) -> tuple[str, int, int] | None:
    """(volume, first, last) of an MDISK with an explicit extent; None for AUTOV."""
    _, _address, _devtype, start, size, volume, *_ = s + [""] * 7
    if not start.isdigit():
        return None
    return volume, int(start), int(start) + int(size) - 1


def directory_problems(files: dict[str, str], model: Model) -> list[str]:
    """Every CP rule the directory files break, for the cluster `model` describes."""
    entries, problems = read_entries(files)
    members = {m.name: m for m in model.members}
    shared = set(model.shared_volumes)
    built: dict[str, list[tuple[str, str]]] = defaultdict(list)  # SUBCONFIG -> [(IDENTITY, member)]
    for e in entries.values():
        if e.kind in ("USER", "IDENTITY"):
            problems += _user_problems(e)
        if e.kind == "IDENTITY":
            builds = [s for s in e.statements if s[0] == "BUILD"]
            if e.statements[: len(builds)] != builds:
                problems.append(f"{e.path}: BUILD statements must follow the IDENTITY statement")
            on = [s[2] for s in builds if len(s) == 6 and s[1] == "ON" and s[3:5] == ["USING", "SUBCONFIG"]]
            if len(on) != len(builds):
                problems.append(f"{e.path}: a BUILD statement is not BUILD ON member USING SUBCONFIG id")
            if len(set(on)) != len(on) or not set(on) <= set(members):
                problems.append(f"{e.path}: BUILD ON members {on}, cluster members {sorted(members)}")
            for s in builds:
                built[s[-1]].append((e.id, s[2]))
        if e.kind == "SUBCONFIG" and e.operands:
            problems.append(f"{e.path}: SUBCONFIG {e.id} takes no operand after its ID: {e.operands}")
        by_users = [w for s in e.statements if s[0] == "LOGONBY" for w in s[1:]]
        if len(by_users) > _MAX_LOGONBY_USERS:
            problems.append(f"{e.path}: {len(by_users)} LOGONBY user IDs in {e.id}; CP takes at most eight")
        if e.kind == "SUBCONFIG":
            odd = sorted({s[0] for s in e.statements} - _SUBCONFIG_STATEMENTS)
            if odd:
                problems.append(f"{e.path}: statements a SUBCONFIG cannot hold: {odd}")
        device = None
        for s in e.statements if e.kind != "SUBCONFIG" else ():
            if s[0] in _DEVICE_STATEMENTS:
                device = device or s[0]
            elif device is not None:
                problems.append(f"{e.path}: {s[0]} after the device statement {device}")
        for s in e.statements:
            if s[0] == "LOGONBY" and not all(w in entries or w == "MAINT" for w in s[1:]):
                problems.append(f"{e.path}: LOGONBY names no entry: {s[1:]}")
        problems += _logon_by_problems(e, entries)
    for e in entries.values():
        if e.kind == "SUBCONFIG" and len(built.get(e.id, [])) != 1:
            problems.append(f"{e.path}: SUBCONFIG {e.id} is built by {built.get(e.id, [])}")
    for sub, builders in built.items():
        if sub not in entries or entries[sub].kind != "SUBCONFIG":
            problems.append(f"BUILD ... USING SUBCONFIG {sub} by {builders}: no such SUBCONFIG entry")
    # virtual addresses: a USER alone; an IDENTITY with each of its SUBCONFIGs
    for e in entries.values():
        if e.kind == "SUBCONFIG":
            continue
        own = _devices(e)
        groups = [own]
        if e.kind == "IDENTITY":
            subs = [s[-1] for s in e.statements if s[0] == "BUILD"]
            groups = [own + _devices(entries[sub]) for sub in subs if sub in entries]
        for addresses in groups:
            if len(set(addresses)) != len(addresses):
                problems.append(f"{e.path}: virtual addresses used twice: {sorted(addresses)}")
    # explicit extents never overlap on a volume, and every disk is reachable from its member
    used: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in entries.values():
        for s in _mdisks(e):
            volume = s[5]
            if e.kind == "SUBCONFIG":
                (_identity, member), *_ = built.get(e.id, [("?", "?")])
                allowed = set(members[member].private_volumes) if member in members else set()
            elif e.kind == "USER":
                allowed = shared
            else:  # an IDENTITY-level minidisk: every member reaches it
                allowed = shared
            if volume not in allowed:
                problems.append(f"{e.path}: {' '.join(s)}: volume {volume} is not one of {sorted(allowed)}")
            extent = _extent(s)
            if extent is not None:
                used[extent[0]].append((extent[1], extent[2], f"{e.id} {s[1]}"))
    for volume, extents in used.items():
        extents.sort()
        for (a_first, a_last, a), (b_first, b_last, b) in itertools.pairwise(extents):
            if b_first <= a_last:
                problems.append(f"{volume}: {a} ({a_first}-{a_last}) and {b} ({b_first}-{b_last}) overlap")
    return problems
