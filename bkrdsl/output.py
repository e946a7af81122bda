"""Writing the generated files: plan, manifest, drift detection, atomic swap.

`make_plan` compares what the emitters produced with what the output folder
holds and what its manifest says bkrc wrote last time; nothing is written.
`preflight` says what would stop the write (permissions, a read-only or full
file system, a folder made immutable, a file in DIR that cannot be linked or
removed), without writing: `write` runs it first,
`bkrc compile --dry-run` and `--check` run it instead.
`write` carries a plan out all or nothing: it builds the complete new folder
beside the old one (a hidden `.DIR.bkrc-*` sibling), then swaps the two in one
step, so an error or a kill at any moment leaves DIR exactly as it was (on
Linux the swap is one `renameat2(RENAME_EXCHANGE)`; elsewhere it is two
renames, and a later run puts back a folder a kill left between them).

Drift: a file bkrc wrote whose bytes no longer match the manifest's sha256 was
changed by hand; a plan that would overwrite or delete it is blocked unless
forced. Files bkrc did not write are kept as they are (copied into the new
folder), unless bkrc now wants their path, which blocks the plan too.

What the user set on a generated file lasts: a file the plan leaves unchanged
is hard-linked into the new folder, the same file (`_link_unchanged`); a
rewritten one gets the old file's permission bits, owner and group
(`_write_generated`); a new one, 0666 less the umask.

`replace_file` replaces one file in one step (one with other hard links in
place, after a backup), for `bkrc fmt`, `bkrc check --fix` and
`bkrc init --force`; it refuses a read-only file. `create_file` creates a new
one in one step, never over an existing one, for `bkrc init`.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shlex
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, NamedTuple, Self

from bkrdsl import source
from bkrdsl.emit.common import (
    DIRECTORY,
    PROFILE_SNIPPET,
    TAPE_CONFIG,
    Artifact,
    Extent,
    and_joined,
    source_label,
)
from bkrdsl.records import dataclass
from bkrdsl.signals import HungUp, Terminated, put, raise_hung_up, raise_terminated
from bkrdsl.terminal import escaped, json_text

if TYPE_CHECKING:
    from bkrdsl.dialect import Dialect

MANIFEST = "manifest.json"
FORMAT_VERSION = "1"
TEMP_MARK = ".bkrc-"

CREATE = "create"
UPDATE = "update"
DELETE = "delete"
KEEP = "unchanged"


class OutputError(Exception):
    """The output folder cannot be read or written: one line for the user, exit 2."""


class ReportError(Exception):
    """`write`'s `before_swap` (the caller's report) failed: the temporary folder
    is removed and DIR is as it was. The failure is the exception's `__cause__`
    (an OSError of a standard stream: `> /dev/full`, a reader gone), kept apart
    from OutputError, whose errors are the folder's."""


# ------------------------------------------------------------------ manifest
def manifest_entry(artifact: Artifact) -> dict:
    entry = {
        "path": artifact.path,
        "member": artifact.member,
        "kind": artifact.kind,
        "goes_to": artifact.goes_to,
        "job": artifact.job,
        "source_job": artifact.source_job,
        "job_kind": artifact.job_kind,
    }
    if artifact.kind == DIRECTORY:
        entry["minidisks"] = [e._asdict() for e in artifact.minidisks]
    entry["sha256"] = artifact.sha256
    return entry


def dialect_record(dialect: Dialect) -> dict:
    """What the manifest records of the dialect table the files were written from
    (docs/output.md, "manifest.json"): built-in or a site's, its file's base name
    (`source_label`'s, as the source is named: never its folder, which differs from
    machine to machine), the product and release its `[dialect]` states, and the
    sha256 of its text as bkrc read it (`Dialect.sha256`)."""
    return {
        "table": "built-in" if dialect.builtin else "site",
        "file": source_label(dialect.origin) if dialect.origin else None,
        "product": dialect.product,
        "release": dialect.release,
        "sha256": dialect.sha256,
    }


def source_records(main: str, label: str, sources: dict[str, source.Source]) -> list[dict]:
    """What the manifest records of each source file the compile read (docs/output.md,
    "manifest.json"): the cluster file first, named `label` (the source name the
    headers give), then each module it imports, sorted: a standard library module as
    `std/NAME.bkr`, any other by its path relative to the cluster file's folder
    (`site/common.bkr`, `../lib/guests.bkr` for one found with `-I ../lib`), `/`
    between folders on every system; each with the sha256 of its text as bkrc read
    it (UTF-8, no byte-order mark, each line ended by a line feed: `sha256sum`'s of
    a file saved so; a CRLF checkout changes nothing), as the dialect table's.
    `main`: the cluster file's name as the loader gives it, which `sources` (the
    loader's, by display name) holds with its modules."""
    base = os.path.dirname(main) if main not in ("<stdin>", "<pipe>") else ""
    out = [{"path": label, "sha256": _sha(sources[main].text.encode("utf-8"))}] if main in sources else []
    modules = []
    for name, src in sources.items():
        if name == main:
            continue
        if name.startswith("std/"):
            path = name
        else:
            try:
                path = os.path.relpath(name, base or os.curdir).replace(os.sep, "/")
            except ValueError:  # another drive (Windows): where it was found
                path = PurePosixPath(name).as_posix()
        modules.append({"path": path, "sha256": _sha(src.text.encode("utf-8"))})
    return out + sorted(modules, key=lambda r: r["path"])


def manifest_text(
    source: str, artifacts: list[Artifact], dialect: Dialect | None = None, sources: list[dict] | None = None
) -> str:
    """The manifest: the source, the compile's identity (the one every EXEC names;
    null without an EXEC), the dialect table (`dialect_record`; left out when the
    caller names none), the source files read (`source_records`; left out when the
    caller gives none), and every file with its member, kind, job and sha256,
    sorted by path."""
    files = [manifest_entry(a) for a in sorted(artifacts, key=lambda a: a.path)]
    identities = sorted({a.identity for a in artifacts if a.identity is not None})
    if len(identities) > 1:
        raise ValueError(f"the EXECs name {len(identities)} compiles, not one: {', '.join(identities)}")
    body: dict = {"format_version": FORMAT_VERSION, "source": source, "compile": identities[0] if identities else None}
    if dialect is not None:
        body["dialect"] = dialect_record(dialect)
    if sources is not None:
        body["sources"] = sources
    body["files"] = files
    return json_text(body, ascii_only=True) + "\n"


def _safe_relative(path: object) -> str | None:
    """A manifest path if it names a file inside the folder, else None (never trust it).
    bkrc writes CMS file IDs only: a path holding a character a terminal acts on
    (ESC, a bidirectional override, a tab: `escaped` changes it) is none of its own,
    and every warning that names a file of the manifest could print it."""
    if not isinstance(path, str) or not path or "\\" in path or "\0" in path or escaped(path) != path:
        return None
    pure = PurePosixPath(path)
    if pure.is_absolute() or any(part in ("", ".", "..") for part in path.split("/")):
        return None
    return str(pure)


class Written(NamedTuple):
    """What the last compile's manifest says of one file it wrote: its sha256, and
    the member, kind and job it was written for (None where it names none, or names
    something a plan cannot show as it is: the manifest is not trusted)."""

    sha256: str
    member: str | None = None
    kind: str | None = None
    job: str | None = None
    source_job: str | None = None
    job_kind: str | None = None
    minidisks: tuple[Extent, ...] = ()  # a directory entry's explicit extents


def _fact(value: object) -> str | None:
    """A manifest's member, kind or job name, if a plan can show it as it is."""
    if isinstance(value, str) and 0 < len(value) <= 40 and value.isascii() and value.isprintable():
        return None if " " in value else value
    return None


def _extents(value: object) -> tuple[Extent, ...]:
    """A manifest's `minidisks` of a directory entry; none when any is not as bkrc
    writes them (the manifest is not trusted: they only ever add a warning)."""
    if not isinstance(value, list):
        return ()
    out = []
    for item in value:
        fields = item if isinstance(item, dict) else {}
        address, volume = _fact(fields.get("address")), _fact(fields.get("volume"))
        start, size = fields.get("start"), fields.get("size")
        numbers = all(type(n) is int and 0 <= n < 2**32 for n in (start, size))
        if address is None or volume is None or not numbers or len(address) > 4 or len(volume) > 6:
            return ()
        out.append(Extent(address, volume, start, size))
    return tuple(out)


def is_output_folder(folder: str | os.PathLike) -> bool:
    """Whether `bkrc compile` wrote `folder`: it holds a manifest.json of bkrc's (another
    tool's, or one bkrc cannot read, makes it an ordinary folder). The folder searches
    of `bkrc check` and `bkrc fmt` (`cli.common.bkr_files`) and of the language
    server's workspace (`lsp.workspace.bkr_files`) enter none: it holds no .bkr file,
    and may hold thousands of others. They ask only of a folder whose listing names a
    manifest.json, so that a search of folders without one never imports this module."""
    # os.path.isfile, not Path.is_file: a folder bkrc may not enter (no search
    # permission, x) refuses the look-up, and holds nothing it could read.
    if not os.path.isfile(os.path.join(folder, MANIFEST)):
        return False
    try:
        return read_written(Path(folder)) is not None
    except OutputError:  # another tool's manifest.json: the folder is searched
        return False


def read_manifest(out_dir: Path) -> dict[str, str] | None:
    """{path: sha256} of the folder's manifest; None when there is none.

    Raises OutputError when manifest.json exists but is not one of ours.
    """
    written = read_written(out_dir)
    return None if written is None else {path: entry.sha256 for path, entry in written.items()}


def read_written(out_dir: Path) -> dict[str, Written] | None:
    """{path: Written} of the folder's manifest; None when there is none.

    Raises OutputError when manifest.json exists but is not one of ours.
    """
    read = _read_written(out_dir)
    return None if read is None else read[0]


def _sources_read(value: object) -> dict[str, str] | None:
    """A manifest's `sources` as {path: sha256}; None where it records none (an earlier
    bkrc's) or records them in a form bkrc does not write (the manifest is not trusted:
    the sources only ever name what changed, and each path is shown made safe)."""
    if not isinstance(value, list):
        return None
    out = {}
    for entry in value:
        path = entry.get("path") if isinstance(entry, dict) else None
        sha = entry.get("sha256") if isinstance(entry, dict) else None
        if not isinstance(path, str) or not isinstance(sha, str):
            return None
        out[path] = sha
    return out


def _read_written(out_dir: Path) -> tuple[dict[str, Written], str | None, dict | None, dict[str, str] | None] | None:
    """`read_written`, the source name the manifest gives (None where it gives
    none a header could name: `source_label`'s form, which the manifest is not
    trusted to keep), and the dialect table it records (`dialect_record`; None
    where it records none: a manifest of a bkrc before the key was added, which
    is read as ever, `compile` and `dialect` being keys added within format 1),
    and the source files it records (`_sources_read`: None for none, `sources`
    being such a key too)."""
    file = out_dir / MANIFEST
    try:
        raw = _regular_bytes(file)
        if raw is None:
            raise OutputError(
                f"{escaped(file)}: is {_kind(file)}, not bkrc's manifest (a file); move it out of the folder;"
                " nothing written"
            )
        data = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        return None
    except OSError as err:
        raise OutputError(f"{escaped(file)}: cannot read: {err.strerror or err}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise OutputError(_not_ours(file, f"not JSON: {err}")) from None
    except RecursionError:  # `[[[[...` nested deeper than Python's parser goes
        raise OutputError(_not_ours(file, "JSON nested too deeply to read")) from None
    except ValueError:  # a number of more digits than Python converts (4300)
        raise OutputError(_not_ours(file, "a number too long to read")) from None
    version = data.get("format_version") if isinstance(data, dict) else None
    if _newer(version):
        from bkrdsl import __version__

        shown = version if len(version) <= 12 else version[:12] + "..."
        raise OutputError(
            f"{escaped(file)}: written by a newer bkrc (manifest format_version {escaped(shown)}; bkrc {__version__}"
            f" reads {FORMAT_VERSION}): compile with that bkrc, or into another folder; nothing written"
        )
    if version != FORMAT_VERSION:
        found = _shown(version)
        raise OutputError(_not_ours(file, f'format_version "{FORMAT_VERSION}" expected, found {found}'))
    files = data.get("files")
    if not isinstance(files, list):
        raise OutputError(_not_ours(file, f'"files" is not a list: {_shown(files, 60)}'))
    out = {}
    for entry in files:
        path = _safe_relative(entry.get("path")) if isinstance(entry, dict) else None
        sha = entry.get("sha256") if isinstance(entry, dict) else None
        if path is None or not isinstance(sha, str):
            raise OutputError(_not_ours(file, f"bad entry {_shown(entry, 80)}"))
        facts = (_fact(entry.get(key)) for key in ("member", "kind", "job", "source_job", "job_kind"))
        out[path] = Written(sha, *facts, minidisks=_extents(entry.get("minidisks")))
    named = data.get("source")
    table = data.get("dialect")
    return (
        out,
        named if isinstance(named, str) and named and source_label(named) == named else None,
        table if isinstance(table, dict) else None,
        _sources_read(data.get("sources")),
    )


def kept_bytes(plan: Plan, path: str) -> bytes | None:
    """The bytes of a file the last compile's manifest lists, as the folder holds
    it now (edits and all), for a file bkrc carries from compile to compile
    (CHANGES.TXT: `emit.changes`), or of the manifest itself; None where the
    manifest lists none, or the folder holds none (erased: nothing to carry),
    or not a regular file."""
    if path != MANIFEST and path not in plan.written:
        return None
    try:
        return _regular_bytes(Path(_inside(plan.put_back or plan.out_dir, path)))
    except OSError:
        return None


def manifest_compile(manifest: bytes | None) -> str | None:
    """The compile identity a manifest records (`manifest_text`'s `compile`),
    where it records one a header could name; None otherwise."""
    try:
        found = json.loads(manifest.decode("utf-8")).get("compile") if manifest is not None else None
    except (ValueError, AttributeError, RecursionError):
        return None
    return found if isinstance(found, str) and 0 < len(found) <= 16 and found.isascii() and found.isalnum() else None


def with_carried(
    plan: Plan, artifact: Artifact, current: bytes | None, manifest: bytes | None, artifacts: list[Artifact],
    dialect: Dialect | None = None,
) -> None:
    """Put into `plan` one more file, `artifact`, whose bytes in DIR the caller
    read (`current`, None where there are none) with the manifest's (`manifest`):
    a file bkrc carries from compile to compile and made from the plan
    (CHANGES.TXT). Its action replaces the plan's (a delete, where the last
    compile wrote it), and is never `changed by hand`: the sysprog's notes in it
    are kept; a file of that name the manifest does not list is the sysprog's,
    which the plan's `untracked` stops for, as for any other. The manifest lists it: `artifacts` are the plan's others. Nothing
    of DIR is read again (the plan's other files were read once, under the lock)."""
    there = plan.put_back or plan.out_dir
    if os.path.isdir(there) and (stuck := _obstacles(there, [artifact.path], [])):
        plan.obstacles = sorted({*plan.obstacles, *stuck})  # a folder of that name: refused up front, named
    if artifact.path in plan.preserved:  # a file of the sysprog's of that name: never written over unasked
        plan.preserved = [p for p in plan.preserved if p != artifact.path]
        action = Action(artifact.path, UPDATE, artifact, untracked=True)
    elif current is None:
        action = Action(artifact.path, CREATE, artifact)
    else:
        action = Action(artifact.path, KEEP if _same(current, artifact.chunks) else UPDATE, artifact)
    plan.manifest = manifest_text(plan.source, [*artifacts, artifact], dialect, plan.source_records)
    if manifest is None:
        written = Action(MANIFEST, CREATE, None)
    else:
        written = Action(MANIFEST, KEEP if manifest == plan.manifest.encode("utf-8") else UPDATE, None)
    plan.actions = sorted(
        [a for a in plan.actions if a.path not in (artifact.path, MANIFEST)] + [action, written], key=lambda a: a.path
    )


def _newer(version: object) -> bool:
    """True when a manifest's format_version is a later one than bkrc's: a string of
    ASCII digits (`"²"` is a digit to str.isdigit, not to int) above FORMAT_VERSION,
    compared as text so that no length of digits can fail."""
    if not (isinstance(version, str) and version.isascii() and version.isdigit()):
        return False
    digits = version.lstrip("0")
    return (len(digits), digits) > (len(FORMAT_VERSION), FORMAT_VERSION)


def _shown(value: object, limit: int = 40) -> str:
    """A manifest's value as JSON, cut to `limit` characters, for a message."""
    try:
        text = json_text(value, indent=None, ascii_only=True)
    except (ValueError, RecursionError):  # pragma: no cover - it was read from JSON
        text = "..."
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _not_ours(file: Path, why: str) -> str:
    """A manifest bkrc cannot trust, and the two ways on from there."""
    return (
        f"{escaped(file)}: not a bkrc manifest ({why}); nothing written. Without it bkrc cannot tell"
        " its files from yours: restore it (from version control or a backup), or move it out"
        " of the folder and compile with --force, which rewrites every file bkrc writes and keeps the others"
    )


# ------------------------------------------------------------------ plan
@dataclass(frozen=True)
class Action:
    """What the plan does with one file of DIR: create, update, delete or leave it."""

    path: str
    action: str  # create | update | delete | unchanged
    artifact: Artifact | None  # None for deletions and the manifest
    drifted: bool = False  # bkrc wrote it, and it was changed by hand since
    untracked: bool = False  # bkrc did not write it, and now wants its path


@dataclass
class Plan:
    """What writing the compiled files to DIR would do, file by file, and what stands in its way."""

    out_dir: Path
    source: str
    actions: list[Action]
    manifest: str
    preserved: list[str] = field(default_factory=list)  # files bkrc leaves alone
    foreign: bool = False  # DIR holds files but no manifest: not a folder bkrc wrote
    #: What stands where bkrc writes and cannot be written over, even with
    #: --force: (path in DIR, what it is, what bkrc puts there). See `_obstacles`.
    obstacles: list[tuple[str, str, str]] = field(default_factory=list)
    #: What the last compile's manifest says of each file it wrote (the member,
    #: kind and job of a file now deleted; a name that moved to another member).
    written: dict[str, Written] = field(default_factory=dict)
    #: What a killed compile left beside DIR that the compile tidies up before it
    #: plans (`recover`), as the plan is made when it has not yet: the folders it
    #: removes, and the one it puts back in DIR's place (then read as DIR).
    leftovers: list[Path] = field(default_factory=list)
    put_back: Path | None = None
    #: Such folders that `recover` cannot remove, each with the immutable or
    #: append-only entry in it that stops it (`fixed_entries`) and its flag.
    stuck: list[tuple[Path, Path, str]] = field(default_factory=list)
    #: What the plan saw of each file it read (`_signature`), by path, for `write`
    #: to tell, before the swap, a file changed meanwhile (`changed_meanwhile`).
    seen: dict[str, tuple] = field(default_factory=dict)
    #: The sha256 of what the plan read of each regular file written so recently
    #: (`RACY_NS`) that a second write in the same tick of the file system's
    #: clock, to the same size, would leave `seen` as it was: `changed_meanwhile`
    #: reads such a file again.
    racy: dict[str, str] = field(default_factory=dict)
    #: From when on (ns, RACY_NS before the plan) a modification time is that
    #: recent: a file bkrc did not write, copied into the new tree where no
    #: hard link can be made, is then compared byte for byte with its copy.
    racy_since: int = 0
    #: DIR was not there when the plan looked (a first compile): a DIR another
    #: program creates meanwhile is named as having appeared (`changed_message`).
    missing: bool = False
    #: What the plan read of each regular file that bkrc writes again under its
    #: name for another member (a SUBCONFIG entry: `reassigned`), for
    #: `_same_statements` to compare with the new one without reading DIR again
    #: (`--dry-run` and `--check` have let go of the lock by then); and of each
    #: member's BKRSTART EXEC the last compile wrote (`catalog_moves`).
    before: dict[str, bytes] = field(default_factory=dict)
    #: The source name the last compile's manifest gives (None without one, or
    #: with one no header could give), and the files whose only difference from
    #: DIR's is that name in their header, once `mark_source_only` has looked.
    source_before: str | None = None
    source_only: frozenset[str] = frozenset()
    #: What the last compile's manifest records of the dialect table (None where
    #: it records none, or there is none), and what this one's does (None when
    #: the caller named no table): for `_manifest_only_line`.
    dialect_before: dict | None = None
    dialect_now: dict | None = None
    #: The source files the last compile's manifest records, {path: sha256} (None
    #: where it records none): for `source_changes`, which names the module a change
    #: came from against this compile's (`sources_now`).
    sources_before: dict[str, str] | None = None
    #: This compile's source records as manifest.json lists them (`source_records`;
    #: None when the caller gives none), which `with_carried` writes again with
    #: CHANGES.TXT.
    source_records: list[dict] | None = None
    #: The cluster file's folder as the command line names it (`prod` for
    #: `bkrc compile prod/prod.bkr`), which `source_changes` names a site's source
    #: from, as the diagnostics name it (`site/common.bkr`, not the manifest's
    #: `../site/common.bkr`, relative to the cluster file).
    sources_folder: str = ""

    @property
    def sources_now(self) -> dict[str, str] | None:
        """This compile's source files, {path: sha256}, from `source_records`."""
        return None if self.source_records is None else {r["path"]: r["sha256"] for r in self.source_records}

    @property
    def drifted(self) -> list[str]:
        return [a.path for a in self.actions if a.drifted]

    @property
    def untracked(self) -> list[str]:
        return [a.path for a in self.actions if a.untracked]

    @property
    def blocked(self) -> bool:
        """True when carrying the plan out would lose someone's work (needs --force)."""
        return bool(self.drifted or self.untracked or self.foreign)

    @property
    def changes(self) -> list[Action]:
        return [a for a in self.actions if a.action != KEEP]

    @property
    def up_to_date(self) -> bool:
        """Nothing to write, and DIR in its place: a DIR a killed compile moved
        aside (`put_back`) is not there until the compile puts it back."""
        return not self.changes and not self.drifted and self.put_back is None

    def count(self, action: str) -> int:
        return sum(1 for a in self.actions if a.action == action)

    @cached_property
    def members_before(self) -> frozenset[str]:
        """The members the last compile's manifest names: a member a file goes to
        that is not among them is new to DIR (it took the number of a member
        renamed or removed: `rename_warnings`, `deleted_warnings`)."""
        return frozenset(w.member for w in self.written.values() if w.member)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


#: What `_read` answers for a folder or a symlink where a file should be: never a file's bytes.
NOT_A_FILE = b"\0not a regular file"


#: How recent a file's modification time must be for the plan to keep the sha256
#: of what it read (`Plan.racy`): the coarsest tick of a file system's clock
#: (two seconds on FAT; one on ext3, HFS+ and ext4 with small inodes), within
#: which a second write of the same size leaves size and time as they were.
RACY_NS = 2_000_000_000


class _Looks(NamedTuple):
    """Where `_read` keeps what the plan saw (`Plan.seen`, `Plan.racy`), and
    from when on a modification time is recent (`RACY_NS` before the plan);
    the bytes of the files named in `keep`, in `kept` (`Plan.before`)."""

    seen: dict
    racy: dict
    since: int
    keep: frozenset
    kept: dict


def _read(path: Path | str, looks: _Looks | None = None, rel: str = "") -> bytes | None:
    """The bytes of a regular file; None when nothing is there; NOT_A_FILE for anything else.
    With `looks`, what the lstat saw is kept there under `rel` (`_signature`), the
    sha256 of a file modified since `looks.since`, and the bytes of one in `looks.keep`."""
    try:
        # One lstat answers both "a symbolic link?" and "a regular file?": the
        # plan reads every file of DIR, and a look costs a system call.
        st = os.lstat(path)
        if looks is not None:
            looks.seen[rel] = _signature(st)
        if not stat.S_ISREG(st.st_mode):
            return NOT_A_FILE
        data = _open_regular(path)
        if data is None:
            return NOT_A_FILE
        if looks is not None:
            if st.st_mtime_ns >= looks.since:
                looks.racy[rel] = _sha(data)
            if rel in looks.keep:
                looks.kept[rel] = data
        return data
    except (FileNotFoundError, NotADirectoryError):  # a file where its folder should be: an obstacle
        return None
    except OSError as err:
        raise OutputError(f"{escaped(path)}: cannot read: {err.strerror or err}") from None


def _signature(st: os.stat_result) -> tuple[int, int, int, int, int]:
    """What tells a file changed since it was looked at: a file replaced (an editor's
    rename) has another inode, one written in place another size or mtime."""
    return (st.st_dev, st.st_ino, st.st_mode, st.st_size, st.st_mtime_ns)


def _regular_bytes(path: Path) -> bytes | None:
    """The bytes of `path` (a symbolic link followed) when it is a regular file,
    else None, without reading anything else: a FIFO without a writer would
    block the read for good (a compile that never ends), and opening a device
    can act on it. The open cannot block either (O_NONBLOCK, which a regular
    file ignores), should the file become a FIFO between the look and the open.
    Raises OSError."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        return None
    return _open_regular(path)


def _open_regular(path: Path | str) -> bytes | None:
    """The bytes of `path`, just seen to be a regular file (by stat or lstat), or
    None when it is no longer one once open (see `_regular_bytes`). Read with
    os.read, not a file object: it makes no buffer and asks no questions of the
    file (isatty, its position) that a regular file has no use for."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd)
        if not stat.S_ISREG(size.st_mode):
            return None
        chunks = []
        # One read of the size stat gave (plus one byte, to see the end), more
        # while the file grows meanwhile.
        while chunk := os.read(fd, size.st_size + 1 if not chunks else 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _existing(out_dir: Path) -> list[str]:
    """Every file, symlink and empty folder under out_dir, as '/'-separated relative paths."""
    found: list[str] = []
    try:
        _list_into(os.fspath(out_dir), "", found)
    except OSError as err:
        where = Path(err.filename) if isinstance(err.filename, str) else out_dir
        if where == out_dir:
            raise OutputError(f"{escaped(out_dir)}: cannot read: {err.strerror or err}") from None
        # A folder of someone else's inside DIR: name it, not DIR.
        raise OutputError(
            f"{escaped(where)}: cannot read: {err.strerror or err}; bkrc keeps every file in {escaped(out_dir)} that"
            " it did not write, so it must be able to list every folder there: make this one"
            " readable, or move it out; nothing written"
        ) from None
    return sorted(found)


def _list_into(folder: str, prefix: str, found: list[str]) -> None:
    """Add to `found` what `_existing` lists of `folder` (`prefix`, '/'-ended, its
    path relative to DIR), its folders' too; a symbolic link to a folder is
    listed, not entered. The folder's listing says what each entry is (no
    lstat of each, as `os.walk` made of every folder, then the plan again of
    every symbolic link). Raises OSError, its filename the folder not listed."""
    with os.scandir(folder) as entries:
        listed = list(entries)
    if not listed and prefix:
        found.append(prefix)
    for entry in listed:
        if _real_folder(entry):
            _list_into(entry.path, f"{prefix}{entry.name}/", found)
        else:
            found.append(prefix + entry.name)


def _real_folder(entry: os.DirEntry) -> bool:
    """A folder itself, not a symbolic link to one; what cannot be told is listed as a file, as os.walk did."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _own_folder(entry: os.DirEntry) -> bool:
    """The folder belongs to the user this process runs as (its effective user ID,
    which made every folder a compile of its leaves); True where there are no
    user IDs (Windows)."""
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None:  # pragma: no cover - not POSIX
        return True
    try:
        return entry.stat(follow_symlinks=False).st_uid == geteuid()
    except OSError:
        return False


def make_plan(
    out_dir: Path,
    artifacts: list[Artifact],
    source: str,
    *,
    locked: bool = False,
    dialect: Dialect | None = None,
    sources: list[dict] | None = None,
) -> Plan:
    """What writing `artifacts` to `out_dir` would do. Reads, never writes.

    Left beside DIR by a killed compile (`recover`, which a compile runs first):
    a folder that `recover` would put back in DIR's place is read as DIR, and
    the folders it would remove are listed (`Plan.leftovers`), for --dry-run
    and --check to say what the compile would do. `locked`: this process holds
    the `WriteLock` (shared, for --dry-run and --check), so every such folder
    is a killed compile's, as for `recover(locked=True)`. `dialect`: the table
    the artifacts were written from, and `sources` the source files they were
    compiled from (`source_records`), which the manifest records."""
    out_dir = Path(out_dir)
    put_back, leftovers = _recovery(out_dir, locked)
    plan = _plan(put_back or out_dir, artifacts, source, dialect, sources)
    plan.out_dir, plan.put_back = out_dir, put_back
    for path in leftovers:
        fixed = fixed_entries(path)
        if fixed:
            plan.stuck.append((path, *fixed[0]))
        else:
            plan.leftovers.append(path)
    return plan


def _plan(
    out_dir: Path, artifacts: list[Artifact], source: str, dialect: Dialect | None = None, sources: list[dict] | None = None
) -> Plan:
    """`make_plan` of the folder `out_dir` as it is."""
    try:
        there = stat.S_ISDIR(os.stat(out_dir).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        there = False
    except OSError as err:  # a folder on the path that bkrc may not enter, say
        raise OutputError(f"{escaped(out_dir)}: cannot read: {err.strerror or err}") from None
    if not there and os.path.exists(out_dir):
        raise OutputError(
            f"{escaped(out_dir)}: exists and is not a folder; -o names the folder to write"
            " (bkrc creates it when it is missing)"
        )
    wanted = {a.path: a for a in artifacts}
    manifest = manifest_text(source, artifacts, dialect, sources)
    read = _read_written(out_dir) if there else None
    written, source_before, dialect_before, sources_before = read if read is not None else (None, None, None, None)
    existing = _existing(out_dir) if there else []
    foreign = written is None and bool(existing)
    written = written or {}
    old = {path: entry.sha256 for path, entry in written.items()}

    # The files bkrc writes again for another member (`reassigned`): their bytes
    # are kept, for `rename_warnings` to compare without reading them again;
    # each member's BKRSTART the last compile wrote, for `catalog_moves` to tell
    # which member started the catalog's SFS server; each member's Tape Manager
    # node definitions, for `node_definitions_changed`; and the job templates
    # `_templates_kept` names, for `renamed_jobs` and `kind_moves`.
    moving = frozenset(
        path
        for path, art in wanted.items()
        if (was := written.get(path)) and was.member and art.member and was.member != art.member
    ) | frozenset(path for path, was in written.items() if was.kind in (PROFILE_SNIPPET, TAPE_CONFIG)) | _templates_kept(
        written, wanted
    )
    # A modification time from RACY_NS before now on may hide a write after the
    # plan's look (a file system's clock ticks that coarsely): such files' bytes
    # are compared again before the swap (`changed_meanwhile`).
    looks = _Looks({}, {}, time.time_ns() - RACY_NS, moving, {})
    actions = []
    for path, artifact in sorted(wanted.items()):
        if there:
            actions.append(_action(out_dir, path, artifact.chunks, artifact, old, looks))
        else:  # a first compile: nothing to compare with
            actions.append(Action(path, CREATE, artifact))
    for path in sorted(set(old) - set(wanted) - {MANIFEST}):
        data = _read(_inside(out_dir, path), looks, path)
        if data is not None:
            actions.append(Action(path, DELETE, None, drifted=_sha(data) != old[path]))
    actions.append(_action(out_dir, MANIFEST, (manifest.encode("utf-8"),), None, {MANIFEST: None}, looks))

    ours = set(wanted) | set(old) | {MANIFEST}
    preserved = [p for p in existing if p not in ours]
    actions.sort(key=lambda a: a.path)
    obstacles = _obstacles(out_dir, sorted(wanted), sorted(set(old) - {MANIFEST})) if there else []
    plan = Plan(out_dir, source, actions, manifest, preserved, foreign, obstacles, written)
    plan.seen, plan.racy, plan.racy_since, plan.before = looks.seen, looks.racy, looks.since, looks.kept
    plan.missing = not there and not os.path.lexists(out_dir)
    plan.source_before = source_before
    plan.dialect_before = dialect_before
    plan.dialect_now = dialect_record(dialect) if dialect is not None else None
    plan.sources_before = sources_before
    plan.source_records = sources
    return plan


def _obstacles(out_dir: Path, wanted: list[str], old: list[str]) -> list[tuple[str, str, str]]:
    """What DIR holds where bkrc needs a folder or a file and cannot put one.

    The new folder is built by copying what bkrc keeps (symlinks as symlinks)
    and writing the generated files into it. A symlink where bkrc needs a
    folder (a member folder linked elsewhere) would have the files written
    through it, outside DIR and before the swap; a file there, or a folder
    where bkrc writes a file, would make the write fail half-way. None of them
    is bkrc's to delete (--force overwrites files bkrc wrote, and keeps every
    other), so the plan is refused up front, naming each. A symlink where bkrc
    writes a file is not an obstacle: it is replaced like any file bkrc did
    not write (the link's target is never touched)."""
    found: dict[str, tuple[str, str]] = {}
    seen: set[str] = set()
    paths = dict.fromkeys(wanted + old)  # a file wanted again is in both: looked at once
    for rel in paths:
        for folder in reversed(_folders_of(rel)):
            if folder in seen:
                continue
            seen.add(folder)
            path = _inside(out_dir, folder)
            mode = _lstat_mode(path)
            if mode is None or stat.S_ISDIR(mode):
                continue
            if stat.S_ISLNK(mode):
                found[folder] = (f"a symbolic link (to {escaped(os.readlink(path))})", "a folder")
            else:
                found[folder] = ("a file", "a folder")
    for rel in paths:
        if any(rel.startswith(f + "/") for f in found):
            continue
        mode = _lstat_mode(_inside(out_dir, rel))
        if mode is None:
            continue
        if stat.S_ISDIR(mode):  # a folder itself, not a symbolic link to one
            if rel in wanted:
                found[rel] = ("a folder", "a file")
        elif not stat.S_ISLNK(mode) and (what := special_kind(mode)) is not None:
            # A FIFO, a socket or a device is no file bkrc wrote, whatever the
            # manifest says: replacing (or deleting) it is not --force's to do.
            found[rel] = (what, "a file")
    return [(rel, what, needs) for rel, (what, needs) in sorted(found.items())]


def _inside(out_dir: Path, rel: str) -> str:
    """`out_dir / rel` as text, as pathlib writes it (`-o .` adds no `./`), without
    making a Path for each of the files the plan looks at."""
    return os.path.join(out_dir, rel) if out_dir.parts else rel


#: What a look at a path (pathlib's `is_dir`, `is_symlink`) takes for "nothing there".
_NOTHING_THERE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def _lstat_mode(path: str) -> int | None:
    """The mode of `path` itself (a symbolic link not followed), one system call
    where the plan looked up to three times; None when nothing is there. Raises
    OSError as pathlib's looks did (a folder that cannot be searched, say)."""
    try:
        return os.lstat(path).st_mode
    except OSError as err:
        if err.errno in _NOTHING_THERE:
            return None
        raise


def _kind(path: Path) -> str:
    """What `path` (a symbolic link followed) is, when not a regular file: "a folder", "a FIFO ..."."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "not a regular file"
    return "a folder" if stat.S_ISDIR(mode) else special_kind(mode) or "not a regular file"


def obstacles_message(plan: Plan) -> str:
    """Why a plan cannot be carried out, even with --force, naming every path."""
    lines = [
        f"bkrc: {escaped(plan.out_dir / rel)} is {what}, where bkrc writes {needs}" for rel, what, needs in plan.obstacles
    ]
    lines.append(
        "bkrc: nothing written; move each of these out of the folder (bkrc writes only inside it,"
        " and --force replaces only files)"
    )
    return "\n".join(lines) + "\n"


def _same(current: bytes, chunks: tuple[bytes, ...]) -> bool:
    """True when `current` is `chunks` joined (compared piece by piece, not joined:
    `startswith` at an offset compares in place, with memcmp; comparing slices of
    a memoryview went byte by byte)."""
    if len(current) != sum(map(len, chunks)):
        return False
    at = 0
    for chunk in chunks:
        if not current.startswith(chunk, at):
            return False
        at += len(chunk)
    return True


def _action(
    out_dir: Path, path: str, chunks: tuple[bytes, ...], artifact: Artifact | None, old: dict, looks: _Looks | None = None
) -> Action:
    current = _read(_inside(out_dir, path), looks, path)
    if current is None:
        return Action(path, CREATE, artifact)
    if _same(current, chunks):
        return Action(path, KEEP, artifact)
    if path not in old:
        return Action(path, UPDATE, artifact, untracked=True)
    drifted = old[path] is not None and _sha(current) != old[path]
    return Action(path, UPDATE, artifact, drifted=drifted)


# ------------------------------------------------------------------ reports
class Rename(NamedTuple):
    """A job's template on a member that the plan gives another name: an IDENTITY
    job's copy that a member's new number renames (`job_renames`), or the template
    of a job renamed in the .bkr file and nothing else (`renamed_jobs`), whose old
    name there is then `source_before`."""

    member: str
    source_job: str
    before: str
    after: str
    source_before: str | None = None


def job_renames(plan: Plan) -> list[Rename]:
    """Each IDENTITY job whose copy on a member the plan renames: its template under
    the old name deleted, under the new one created, for the same member and job.
    The name ends in the member's suffix, by default its number: a member added or
    removed before it renames the copy (SYSINC5 becomes SYSINC4)."""
    deleted = {}
    for a in plan.actions:
        was = plan.written.get(a.path)
        identity = was is not None and was.kind == "job-template" and was.job_kind == "identity"
        if a.action == DELETE and identity and was.member and was.source_job and was.job:
            deleted[was.member, was.source_job] = was.job
    out = []
    for a in plan.actions:
        art = a.artifact
        if a.action != CREATE or art is None or art.kind != "job-template" or art.job_kind != "identity":
            continue
        before = deleted.get((art.member, art.source_job))
        if before is not None and before != art.job:
            out.append(Rename(art.member, art.source_job, before, art.job))
    return out


def _templates_kept(written: dict[str, Written], wanted: dict[str, Artifact]) -> frozenset[str]:
    """The job templates of the last compile whose bytes the plan keeps (`Plan.before`):
    every single-configuration job's (`renamed_jobs`, `kind_moves`), every copy of
    an IDENTITY job that the plan deletes (`renamed_jobs`), and one copy of each
    IDENTITY job (`kind_moves`: the copies' selection records are the same on
    every member)."""
    kept, jobs = set(), set()
    for path, was in sorted(written.items()):
        if _job_template(was, "single") or (_job_template(was, "identity") and path not in wanted):
            kept.add(path)
        if was.kind == "job-template" and was.job_kind == "identity" and was.source_job not in jobs:
            jobs.add(was.source_job)
            kept.add(path)
    return frozenset(kept)


def kind_moves(plan: Plan, users_of: Callable[[str], set[str]]) -> list[str]:
    """One line per direction in which users change configuration kind between the
    last compile and this one: a user ID that the last compile's templates (in
    DIR, `Plan.before`) include by name only in single-configuration jobs and
    this one's only in IDENTITY jobs, or the other way round. The guest's own CP
    directory entry, which bkrc does not write, must then change (USER to
    IDENTITY with a SUBCONFIG per member, or back): without `--directory` nothing
    else says so. `users_of` reads a template's text back (`included_users`)."""
    if not plan.written or not any(
        a.action != KEEP and (facts := plan.written.get(a.path) or a.artifact) is not None and facts.kind == "job-template"
        for a in plan.actions
    ):
        return []  # no template changes: no user changed jobs (and no template is read back)
    before = _users_by_kind(
        ((was, data) for path, was in plan.written.items() if (data := plan.before.get(path)) is not None), users_of
    )
    if not before["single"] and not before["identity"]:
        return []
    arts = (a.artifact for a in plan.actions)
    now = _users_by_kind(((art, art.data) for art in arts if art is not None and art.kind == "job-template"), users_of)
    lines = []
    for was, kind in (("single", "identity"), ("identity", "single")):
        moved = sorted((before[was] - before[kind]) & (now[kind] - now[was]))
        if not moved:
            continue
        one = len(moved) == 1
        names = ", ".join(moved[:5]) + (f" and {len(moved) - 5} more" if len(moved) > 5 else "")
        if kind == "identity":
            change = (
                f"from a USER entry to an IDENTITY entry (same operands) with a `BUILD ON member USING SUBCONFIG"
                f" sub` and a SUBCONFIG per member, {'its' if one else 'their'} MDISK statements moved into the"
                " SUBCONFIGs, on each member's private volumes: each member's instance then has minidisks of"
                " its own, and the data on the USER entry's minidisks is to be copied to them; do it before you"
                " install the new job templates: while it is a USER, every member's copy of the IDENTITY job backs"
                " up the same minidisks, once per member"
            )
        else:
            change = (
                f"from an IDENTITY entry and {'its' if one else 'their'} SUBCONFIGs to one USER entry (same"
                " operands), its minidisks on a volume every member shares, logged on to one member at a time;"
                " the SUBCONFIGs' minidisks, one set per member, are given up with them: copy what is to be"
                " kept first"
            )
        lines.append(
            f"bkrc: warning: {escaped(names)} {'moves' if one else 'move'} from {'a ' if was == 'single' else 'an '}"
            f"{'single-configuration' if was == 'single' else 'IDENTITY'} job to "
            f"{'an IDENTITY' if kind == 'identity' else 'a single-configuration'} job (the templates in"
            f" {escaped(plan.out_dir)} and the new ones say so): bkrc writes no directory entry for"
            f" {'it' if one else 'them'}, so change {'its' if one else 'each'} entry in the CP directory yourself,"
            f" {change}; `--directory` checks the entries against the .bkr file (BKR510)"
            " (docs/deploy.md, \"Changing a deployed cluster\")"
        )
    return lines


def _users_by_kind(
    templates: Iterable[tuple[Written | Artifact, bytes]], users_of: Callable[[str], set[str]]
) -> dict[str, set[str]]:
    """For `kind_moves`: "single" and "identity" -> the users the job templates
    among `templates` (each file's manifest entry or artifact, and its bytes) of
    single-configuration and IDENTITY jobs include by name; one copy of each
    IDENTITY job read, as every copy selects the same users."""
    out: dict[str, set[str]] = {"single": set(), "identity": set()}
    read = set()
    for facts, data in templates:
        if facts.kind != "job-template" or facts.job_kind not in out:
            continue
        if facts.job_kind == "identity" and facts.source_job in read:
            continue
        read.add(facts.source_job)
        out[facts.job_kind] |= users_of(data.decode("utf-8", errors="replace"))
    return out


def _job_template(was: Written | Artifact, kind: str) -> bool:
    """A job's template written on its member under its job name: a single-configuration
    job's (`kind` "single"), or a member's copy of an IDENTITY job ("identity")."""
    named = bool(was.member and was.job and (kind == "single" or was.source_job))
    return was.kind == "job-template" and was.job_kind == kind and named


def renamed_jobs(plan: Plan) -> list[Rename]:
    """Each job renamed in the .bkr file and nothing else, member by member: on one
    member, exactly one template of a single-configuration job deleted and exactly
    one created, or exactly one copy of an IDENTITY job deleted and one created
    (leaving out a job's copy deleted and created under another name on the same
    member, which a member's new number renames: `job_renames`), whose statements
    (its lines but the `*` comments) are the old one's but for one word of one
    line, the old job's name become the new one's (the job name setting). Then
    the new template does exactly what the old one did, and calling it a rename
    cannot be wrong. Nothing weaker pairs: two jobs of a kind gone or come on the
    member (which was renamed to which?), a rename that also changes what the job
    selects, its type or its target (another job, as far as the backup server can
    tell), or the same group and schedule (the same group with other include lines
    backs up other data; the schedule is no part of the template). An IDENTITY
    job's copies are paired each on its member: a member added meanwhile has a
    new copy, paired with nothing."""
    gone: dict[tuple[str, str], list[tuple[str, Written]]] = {}
    for a in plan.actions:
        was = plan.written.get(a.path)
        if a.action != DELETE or was is None or a.path not in plan.before:
            continue
        for kind in ("single", "identity"):
            if _job_template(was, kind):
                gone.setdefault((was.member, kind), []).append((a.path, was))
    if not gone:
        return []
    came: dict[tuple[str, str], list[Artifact]] = {}
    for a in plan.actions:
        art = a.artifact
        if a.action == CREATE and art is not None and (key := (art.member, art.job_kind)) in gone and _job_template(art, key[1]):
            came.setdefault(key, []).append(art)
    # A copy gone and one come of the same IDENTITY job on a member: `job_renames`'s.
    renumbered = {(w.member, w.source_job) for (_, kind), ws in gone.items() if kind == "identity" for _, w in ws} & {
        (art.member, art.source_job) for (_, kind), arts in came.items() if kind == "identity" for art in arts
    }

    def unpaired(facts: Written | Artifact) -> bool:
        """Not a copy `job_renames` pairs: a single-configuration job's template, or
        an IDENTITY job's copy on a member where no copy of that job both goes and comes."""
        return facts.job_kind == "single" or (facts.member, facts.source_job) not in renumbered

    out = []
    for key, arts in sorted(came.items()):
        arts = [art for art in arts if unpaired(art)]
        olds = [(p, w) for p, w in gone[key] if unpaired(w)]
        if len(arts) != 1 or len(olds) != 1:
            continue
        (path, was), art = olds[0], arts[0]
        if _renamed_only(plan.before[path], art.data, was.job, art.job):
            out.append(Rename(key[0], art.source_job or art.job, was.job, art.job, was.source_job or was.job))
    return out


def _renamed_only(before: bytes, after: bytes, old: str, new: str) -> bool:
    """Whether two templates' statements (comment lines left out) differ in exactly
    one word of one line, `old` in `before` and `new` in `after`."""

    def statements(data: bytes) -> list[list[str]]:
        text = data.decode("utf-8", errors="replace")
        return [line.split() for line in text.splitlines() if line.strip() and not line.startswith("*")]

    was, now = statements(before), statements(after)
    if len(was) != len(now):
        return False
    changed = [(a, b) for a, b in zip(was, now) if a != b]
    if len(changed) != 1 or len(changed[0][0]) != len(changed[0][1]):
        return False
    words = [(x, y) for x, y in zip(*changed[0]) if x != y]
    return words == [(old, new)]


def reassigned(plan: Plan) -> list[tuple[str, str, str]]:
    """(path, member before, member now) of each file the plan keeps under its name
    for another member: a SUBCONFIG entry, whose name ends in its member's number
    (BKRBUP-4, VMSYS4's, becomes VMSYS5's when VMSYS4 is removed)."""
    out = []
    for a in plan.actions:
        was, art = plan.written.get(a.path), a.artifact
        if a.action == UPDATE and was and was.member and art and art.member and was.member != art.member:
            out.append((a.path, was.member, art.member))
    return out


def _plan_notes(plan: Plan) -> dict[str, str]:
    """The note after a row whose file changes member or name: `(was VMSYS4's)`, `(was SYSINC5)`."""
    notes = {path: f" (was {before}'s)" for path, before, _ in reassigned(plan)}
    renamed = {(r.member, r.after): r.before for r in (*job_renames(plan), *renamed_jobs(plan))}
    for a in plan.actions:
        art = a.artifact
        if a.action == CREATE and art is not None and (art.member, art.job) in renamed:
            notes[a.path] = f" (was {renamed[art.member, art.job]})"
    return notes


def renamed_source(plan: Plan) -> str | None:
    """The source name the last compile gave DIR's files, when it is not this
    compile's and some file bkrc wrote (unchanged by hand since) is updated: a
    source file renamed, or read from standard input, changes every header, and
    `mark_source_only` tells which files change in nothing else. None otherwise,
    so that a folder compiled from the same name costs nothing more."""
    before = plan.source_before
    if before is None or before == plan.source:
        return None
    if not any(_source_changed(a) for a in plan.actions):
        return None
    return before


def _source_changed(a: Action) -> bool:
    """A file bkrc wrote, as it wrote it, that it now writes otherwise."""
    return a.action == UPDATE and a.artifact is not None and not a.drifted and not a.untracked


def mark_source_only(plan: Plan, named_before: list[Artifact]) -> None:
    """Mark (`Plan.source_only`) each file the plan updates whose only difference
    from DIR's is the source name its header gives: `named_before` are this
    compile's files emitted under the last compile's name (`renamed_source`),
    and such a file is one of them byte for byte (its sha256 the manifest's,
    which DIR's file still has: it is not changed by hand). Comparing whole
    files emitted by the emitters themselves, not lines with a name swapped,
    cannot take a change elsewhere for the name, nor miss a header whose layout
    the name's length changes (`header_texts`)."""
    before = {art.path: art for art in named_before}
    plan.source_only = frozenset(
        a.path
        for a in plan.actions
        if _source_changed(a)
        and (art := before.get(a.path)) is not None
        and (was := plan.written.get(a.path)) is not None
        and art.sha256 == was.sha256
    )


def _source_only_text(plan: Plan) -> str:
    """How many files are marked `source name only`: `63 files differ only in the
    source name in their header` (the name they gave follows, in the callers' words)."""
    count = len(plan.source_only)
    files = "1 file differs" if count == 1 else f"{count:,} files differ"
    return f"{files} only in the source name in {'its' if count == 1 else 'their'} header"


def _source_only_line(plan: Plan) -> list[str]:
    """The plan's closing line on the files marked `source name only`, once for all."""
    if not plan.source_only:
        return []
    name = plan.source_before
    return [f"{_source_only_text(plan)} (was {name}; `--source-name {name}` compares the rest)"]


def source_only_written(plan: Plan) -> list[str]:
    """The compile's line after its summary on the files it rewrote whose only
    difference was the source name in their header (`mark_source_only`: the
    `.bkr` file renamed): `63 files differ only in the source name in their
    header (was prodssi.bkr)`; no line when no file is marked."""
    return [f"{_source_only_text(plan)} (was {plan.source_before})"] if plan.source_only else []


def render_plan(plan: Plan, *, changes_only: bool = False) -> str:
    """The plan as a table: action, path, kind, member, job; then the totals. A file
    deleted is described as the last compile's manifest describes it."""
    rows = []
    notes = _plan_notes(plan)
    for a in plan.changes if changes_only else plan.actions:
        kind, member, job = _described(plan, a)
        note = " (changed by hand)" if a.drifted else " (not written by bkrc)" if a.untracked else ""
        if a.path in plan.source_only:
            note = " (source name only)"
        rows.append((a.action, escaped(a.path), kind or "-", member or "-", job or "-", note + notes.get(a.path, "")))
    from bkrdsl.terminal import columns, ljust  # a file not written by bkrc may have any name

    width = max((columns(r[1]) for r in rows), default=0)
    lines = [f"{r[0]:<10} {ljust(r[1], width)}  {r[2]:<16} {r[3]:<8} {r[4]}{r[5]}".rstrip() for r in rows]
    lines.append(summary(plan))
    lines.extend(_closing_lines(plan))
    return "\n".join(lines) + "\n"


def _described(plan: Plan, a: Action) -> tuple[str | None, str | None, str | None]:
    """(kind, member, job) of a row of the plan: its artifact's; a file deleted, as
    the last compile's manifest describes it; the manifest's own row, `manifest`."""
    art, was = a.artifact, plan.written.get(a.path)
    if art is not None:
        return art.kind, art.member, art.job
    if a.action == DELETE and was is not None:
        return was.kind, was.member, was.job
    return ("manifest" if a.path == MANIFEST else None), None, None


def source_changes(plan: Plan, *, main_alone: bool = False) -> str | None:
    """Which source files changed since the last compile, as its manifest and this
    compile's record them (`source_records`): `site/common.bkr changed since the last
    compile`, and the modules read for the first time or no longer read; None where
    none did, or either manifest records none (an earlier bkrc's, a caller that gives
    none). A module edited names the module, where "not up to date with prod.bkr"
    sent the sysprog to the cluster file. The cluster file renamed (the source name
    the headers give) is compared under its new name: `renamed_source` says the rest.
    The cluster file alone changed is None too, unless `main_alone`: "not up to date
    with prod.bkr" says so already (the line that says why manifest.json alone
    changes names it)."""
    before, now = plan.sources_before, plan.sources_now
    if before is None or now is None:
        return None
    before = dict(before)
    was = plan.source_before
    if was is not None and was != plan.source and was in before and plan.source not in before:
        before[plan.source] = before.pop(was)
    changed = [p for p in now if p in before and before[p] != now[p]]
    new = [p for p in now if p not in before]
    gone = sorted(p for p in before if p not in now)
    if changed == [plan.source] and not new and not gone and not main_alone:
        return None

    def as_named(path: str) -> str:
        if path.startswith("std/") or not plan.sources_folder:
            return path
        return PurePosixPath(os.path.normpath(os.path.join(plan.sources_folder, path))).as_posix()

    def names(paths: list[str]) -> str:
        shown = [escaped(as_named(p)) for p in paths[:10]]
        return and_joined(shown if len(paths) <= 10 else [*shown, f"{len(paths) - 10} more"])

    parts = [f"{names(changed)} changed since the last compile"] if changed else []
    parts += [f"{names(new)} read for the first time"] if new else []
    parts += [f"{names(gone)} no longer read"] if gone else []
    return "; ".join(parts) or None


def _closing_lines(plan: Plan) -> list[str]:
    """The plan's lines after its totals: the files marked `source name only`, the
    source files changed, the files kept, what a killed compile left."""
    only = _manifest_only_line(plan)
    said = source_changes(plan) if not only else None
    lines = ([said] if said else []) + _source_only_line(plan) + only
    if plan.preserved:
        lines.append(_preserved_line(plan.preserved, plan.out_dir))
    return lines + _recovery_lines(plan)


def _manifest_only_line(plan: Plan) -> list[str]:
    """The plan's closing line when manifest.json is all it updates, and what it
    records of the dialect table differs: a table changed in nothing a file
    shows (an entry's note, an entry no file is written from), another table of
    the same entries, or a manifest of an earlier bkrc, without the table. DIR
    is then not up to date (`--check` exits 1: its manifest names another table
    than the compile's), and the compile rewrites manifest.json alone."""
    changes = plan.changes
    if [(a.path, a.action) for a in changes] != [(MANIFEST, UPDATE)] or not plan.written:
        return []
    alone = "manifest.json alone changes, no generated file"
    if plan.dialect_now is not None and plan.dialect_before is None:
        also = ", the dialect table and the source files" if plan.sources_now is not None else " and the dialect table"
        return [f"{alone}: it now records the compile{also}, which the last one does not (an earlier bkrc wrote it)"]
    if plan.dialect_now is not None and plan.dialect_before != plan.dialect_now:
        was, now = _table_shown(plan.dialect_before), _table_shown(plan.dialect_now)
        return [f"{alone}: it records another dialect table (was {was}; now {now})"]
    if plan.sources_now is None:
        return []
    if plan.sources_before is None:
        return [f"{alone}: it now records the source files, which the last one does not (an earlier bkrc wrote it)"]
    said = source_changes(plan, main_alone=True)
    # An edit no generated file shows (a comment, a blank line, the file formatted):
    # the manifest records each source's sha256, so it changes, and only it.
    return [f"{alone}: it records each source file's sha256, and {said}"] if said else []


def _table_shown(record: dict) -> str:
    """A manifest's `dialect` in a line: `the built-in backup-manager-1.3.toml,
    sha256 0123456789ab...` (the last manifest's is not trusted: each value cut
    and made safe for a terminal)."""
    name, sha = record.get("file"), record.get("sha256")
    whose = "the built-in" if record.get("table") == "built-in" else "the site's"
    shown = escaped(name if len(name) <= 40 else name[:37] + "...") if isinstance(name, str) else "table"
    digest = f"sha256 {escaped(sha[:12])}..." if isinstance(sha, str) else "no sha256"
    return f"{whose} {shown}, {digest}"


def _reason(a: Action, source_only: frozenset[str] = frozenset()) -> str | None:
    """Why the plan changes a file (`plan_document`'s `reason`, docs/output.md); None for one it leaves."""
    if a.path in source_only:
        return "source-name-only"
    if a.action == CREATE:
        return "missing"
    if a.action == DELETE:
        return "no-longer-generated"
    if a.action == UPDATE:
        return "changed-by-hand" if a.drifted else "not-written-by-bkrc" if a.untracked else "source-changed"
    return None


def plan_document(plan: Plan) -> dict:
    """The plan as `--plan-format json` prints it (docs/output.md): every file with
    the manifest's member, kind, job and the sha256 bkrc would write (null for a
    file it deletes), its action and, for a change, the reason; the totals; the
    plan's closing lines (files kept, what a killed compile left). A file deleted
    is described as the last compile's manifest describes it, as in `render_plan`."""
    notes = _plan_notes(plan)
    files = []
    for a in plan.actions:
        kind, member, job = _described(plan, a)
        if a.artifact is not None:
            sha = a.artifact.sha256
        elif a.action == DELETE:
            sha = None
        else:  # the manifest, which lists the others
            sha = _sha(plan.manifest.encode("utf-8"))
        note = notes.get(a.path, "").strip(" ()") or None
        files.append(
            {"path": a.path, "action": a.action, "member": member, "kind": kind, "job": job, "sha256": sha,
             "reason": _reason(a, plan.source_only), "note": note}
        )
    return {
        "up_to_date": plan.up_to_date,
        "files": files,
        "counts": {word: plan.count(word) for word in (CREATE, UPDATE, DELETE, KEEP)},
        "notes": _closing_lines(plan),
    }


def _flag_word(letter: str) -> str:
    """The word for the file attribute `fixed_entries` found (`chattr +i`, `+a`)."""
    return "immutable" if letter == "i" else "append-only"


def _recovery_lines(plan: Plan) -> list[str]:
    """What the compile does first beside DIR, after a compile that was killed (`recover`)."""
    lines = []
    if plan.put_back is not None:
        lines.append(
            f"{escaped(plan.out_dir)} is put back first from {escaped(plan.put_back.name)}, where a killed compile"
            " had moved it (the plan compares with it)"
        )
    if plan.leftovers:
        names = ", ".join(path.name for path in plan.leftovers)
        folders = "1 folder" if len(plan.leftovers) == 1 else f"{len(plan.leftovers):,} folders"
        lines.append(f"{folders} a killed compile left beside {escaped(plan.out_dir)} removed first: {escaped(names)}")
    for folder, entry, letter in plan.stuck:
        what = _flag_word(letter)
        lines.append(
            f"{escaped(folder.name)}, left beside {escaped(plan.out_dir)} by a killed compile, stays: {escaped(entry)} is {what}"
            f" (`chattr -{letter} {escaped(entry)}` lets the compile remove it)"
        )
    return lines


def leftover_warnings(plan: Plan) -> list[str]:
    """What `--check` says, when DIR is up to date, of the folders a killed
    compile left beside it (its plan, printed only when DIR is not, names them
    otherwise): the exit status is DIR's, but a pipeline learns that a folder
    is there, and what the next compile does with it. A folder to put back
    (`put_back`) is no warning: DIR is then not up to date."""
    lines = []
    for path in plan.leftovers:
        # A `.bkrc-old-` folder beside DIR is the tree the fallback swap moved
        # aside; a `.bkrc-new-` one the new tree of a compile killed before its
        # swap, or the old tree after an exchange (which swaps the names too).
        held = f"the files {escaped(plan.out_dir)} held before that compile"
        if f"{TEMP_MARK}old-" not in path.name:
            held = f"new files it had not put in place, or, killed just after its swap, {held}"
        lines.append(
            f"warning: a killed compile left {escaped(path.name)} beside {escaped(plan.out_dir)}, which the next compile removes"
            f" ({held}): copy out of it anything you want to keep"
        )
    for folder, entry, letter in plan.stuck:
        what = _flag_word(letter)
        lines.append(
            f"warning: a killed compile left {escaped(folder.name)} beside {escaped(plan.out_dir)}, which the next compile"
            f" cannot remove: {escaped(entry)} is {what} (`chattr -{letter} {escaped(entry)}` lets it)"
        )
    return lines


#: How many of the files bkrc did not write the plan names before "and N more".
PRESERVED_NAMED = 10


def _preserved_line(paths: list[str], out_dir) -> str:
    """The plan's last line when DIR holds files bkrc did not write (kept, never
    touched), naming the first PRESERVED_NAMED of them: in a folder of hand-written
    templates (`--dry-run --diff` before the first upload), the templates that have
    no generated counterpart. A character a terminal acts on (a control or bidi
    character) is written `<U+XXXX>` (`escaped`), never sent to the terminal as it is."""
    count = len(paths)
    named = ", ".join(escaped(p) for p in paths[:PRESERVED_NAMED])
    if count > PRESERVED_NAMED:
        named += f" and {count - PRESERVED_NAMED:,} more"
    if count == 1:
        return f"1 other file in {escaped(out_dir)} is kept as it is: {named}"
    return f"{count:,} other files in {escaped(out_dir)} are kept as they are: {named}"


class TextChange(NamedTuple):
    """One file a plan changes, as text: what DIR holds and what bkrc would write."""

    path: str
    before: str | None  # None: no such file in DIR
    after: str | None  # None: bkrc deletes it
    regular: bool = True  # False: DIR has a folder or symlink at the path


def text_changes(plan: Plan) -> list[TextChange]:
    """Every file the plan creates, updates or deletes, in path order, with its text
    before and after (for `bkrc compile --diff`). The manifest is left out: it
    changes with every file it lists, and the plan's table already names it; so
    are the files whose only change is the source name in their header
    (`mark_source_only`), which the table's closing line counts."""
    out = []
    for a in plan.changes:
        if a.path == MANIFEST or a.path in plan.source_only:
            continue
        now = _read((plan.put_back or plan.out_dir) / a.path) if a.action != CREATE else None
        regular = now != NOT_A_FILE
        before = None if now is None else now.decode("utf-8", errors="replace") if regular else ""
        after = a.artifact.data.decode("utf-8") if a.artifact is not None else None
        out.append(TextChange(a.path, before, after, regular))
    return out


def first_changed_line(plan: Plan, action: Action) -> int | None:
    """The 1-based line of DIR's file at `action.path` where what the compile
    writes there first differs (where a hand edit the compile would undo is, when
    nothing else changed above it); None when the compile writes no file there,
    or DIR holds no regular file to read. Read again (the plan keeps no bytes)."""
    if action.artifact is None:
        return None
    now = _read((plan.put_back or plan.out_dir) / action.path)
    if now is None or now == NOT_A_FILE:
        return None
    return source.first_changed_line(now, action.artifact.data)


def summary(plan: Plan, *, done: bool = False) -> str:
    """`DIR: 3 to create, ...` before writing; `DIR: 3 created, ...` after (done=True)."""
    words = ("created", "updated", "deleted") if done else ("to create", "to update", "to delete")
    counts = (plan.count(CREATE), plan.count(UPDATE), plan.count(DELETE))
    parts = [f"{n} {w}" for n, w in zip(counts, words)] + [f"{plan.count(KEEP)} unchanged"]
    return f"{escaped(plan.out_dir)}: {', '.join(parts)}"


def forced_message(plan: Plan) -> list[str]:
    """What `--force` threw away, once it is done: the hand edits and the files bkrc
    did not write that it wrote over, each named (the same files `blocked_message`
    names without --force)."""
    lines = []
    if plan.drifted:
        lines.append("bkrc: --force overwrote these files, changed by hand since the last compile:")
        lines.extend(f"  {escaped(plan.out_dir / p)}" for p in plan.drifted)
    if plan.untracked:
        lines.append("bkrc: --force overwrote these files, which bkrc had not written:")
        lines.extend(f"  {escaped(plan.out_dir / p)}" for p in plan.untracked)
    return lines


def _suffix_of(rename: Rename) -> str | None:
    """The suffix the copy's old name ended in (`5` of SYSINC5), if it ends in one."""
    if rename.before.startswith(rename.source_job) and len(rename.before) > len(rename.source_job):
        return rename.before[len(rename.source_job) :]
    return None


def rename_warnings(plan: Plan) -> list[str]:
    """One line per IDENTITY job's copy renamed and per member whose SUBCONFIG
    entries take another member's names: each follows from a change of a member's
    number, which the .bkr file's edit does not show (a member added or removed
    before it), and each needs work on z/VM that a new file alone does not do.
    A member the last compile did not have has no old entries to remove: it took
    the number of one renamed or replaced (the entries' statements unchanged: only
    the IDENTITY's `BUILD ON` changes), or added before it (the entries added once
    the old ones move on to their new names), or replaced by another (the entries
    replaced). A member that had other entries is told to rename its old ones to
    these names, as BKR529 says with `--directory` (`_renumbered`)."""
    lines = []
    owners = {(w.job, w.member) for w in plan.written.values() if w.kind == "job-template" and w.job}
    for r in job_renames(plan):
        others = sorted(m for job, m in owners if job == r.after and m != r.member)
        shared = (
            f"; {r.after} was {others[0]}'s name: the catalog would hold both members' backups under it"
            if others
            else ""
        )
        suffix = _suffix_of(r)
        # The old template is deleted in DIR only: on the member it stays, under a name
        # BKRSUBMT no longer lists (and, renumbered, one another member's copy may now have);
        # erased once the new BKRSUBMT is in place, as the old one submits it until then.
        stays = (
            f"{r.before} TEMPLATE on {r.member} once the new BKRSUBMT is in place ({r.after} TEMPLATE uploaded before"
            " it): it stays on its backup server's disk, where that EXEC no longer lists it"
        )
        keep = (
            f"; to keep the name, write `job-suffix {suffix}` in member {r.member}; else erase {stays}"
            if suffix
            else f"; erase {stays}"
        )
        now = r.after[len(r.source_job) :] if r.after.startswith(r.source_job) else ""
        if suffix is None or (suffix.isdigit() and now.isdigit()):
            why = "its member's number changed: a member added or removed before it, or the members reordered"
        else:  # a suffix that is no number was written: the member's `job-suffix` changed, not its number
            why = f"its member's job suffix changed from {suffix} to {now}: a `job-suffix` written, changed or removed"
        lines.append(
            f"bkrc: warning: job {r.source_job}'s copy on {r.member} is renamed {r.before} -> {r.after}"
            f" ({why}); the catalog keeps its backups so far under {r.before}{shared}{keep}"
            ' (docs/deploy.md, "Changing a deployed cluster")'
        )
    moved: dict[tuple[str, str], list[str]] = {}
    for path, before, now in reassigned(plan):
        moved.setdefault((before, now), []).append(path)
    # Only where SUBCONFIG entries change member (never in a new DIR): a walk of every action.
    members_now = (
        {a.artifact.member for a in plan.actions if a.artifact is not None and a.artifact.member} if moved else set()
    )
    for (before, now), paths in sorted(moved.items()):
        shown = ", ".join(paths[:3]) + (", ..." if len(paths) > 3 else "")
        one = len(paths) == 1
        entries = "The SUBCONFIG entry that was" if one else f"{len(paths)} SUBCONFIG entries that were"
        head = (
            f"bkrc: warning: {entries} {before}'s {'is' if one else 'are'} now"
            f" {now}'s, under the same {'name' if one else 'names'} ({escaped(shown)}): "
        )
        if now in plan.members_before:
            why = _renumbered(plan, before, now, paths)
        elif all(_same_statements(plan, path) for path in paths):
            # A member renamed (or another put in its place): the new member takes the
            # number, and the entries as they are; only the IDENTITY's BUILD statement changes.
            what = "this entry as it is (only its comment changes)" if one else "these entries as they are (only their comments change)"
            why = (
                f"{now}, a member the last compile did not have, takes {before}'s number and {what};"
                f" in the directory, change `BUILD ON {before}` to `BUILD ON {now}` in each IDENTITY that builds"
                f" {'it' if one else 'them'} (the updated IDENTITY entries have it), and keep"
                f" {'the entry and its' if one else 'the entries and their'} minidisks"
            )
        elif before in members_now:
            # A member added before `before`, which moves on to the next number: its
            # entries of these names move on too (the line on them says how).
            why = (
                f"{now}, a member the last compile did not have, takes {before}'s number, which a SUBCONFIG's"
                f" name ends in; once {before}'s {'entry' if one else 'entries'} of {'that name' if one else 'those names'}"
                f" {'is' if one else 'are'} moved on to {'its' if one else 'their'} new {'name' if one else 'names'}"
                f" (the line on {before}'s says how), add {'it' if one else 'these'} to the directory, with"
                f" `BUILD ON {now}` for {'it' if one else 'each'} in its IDENTITY (the updated IDENTITY entries have it)"
            )
        else:
            why = (
                f"{now}, a member the last compile did not have, takes {before}'s number, which a SUBCONFIG's"
                f" name ends in; replace {'it' if one else 'each'} in the directory, with `BUILD ON {now}` for"
                f" it in its IDENTITY (the updated IDENTITY entries have it), and the minidisks"
                f" {'it had go with it' if one else 'they had go with them'}"
            )
        lines.append(f"{head}{why} (docs/deploy.md, \"Changing a deployed cluster\")")
    lines.extend(_new_names(plan, {now for _, now in moved}))
    return lines


def _machine_part(path: str) -> str:
    """`BKRBUP` of `cluster/BKRBUP-4.DIRECT`: a SUBCONFIG's ID without its member's number."""
    return _entry_id(path).rsplit("-", 1)[0]


def _old_entry(plan: Plan, member: str, path: str) -> str | None:
    """The SUBCONFIG entry of the same machine as `path` that the last compile wrote for `member`."""
    machine = _machine_part(path)
    return next(
        (q for q, w in sorted(plan.written.items()) if w.kind == DIRECTORY and w.member == member and _machine_part(q) == machine),
        None,
    )


def _renumbered(plan: Plan, before: str | None, now: str, paths: list[str]) -> str:
    """What to do in the directory with the SUBCONFIG entries at `paths`, now `now`'s,
    a member the last compile had under another number (`before`'s under these names,
    or new names, None): rename `now`'s old entries to these names (as BKR529 says
    with `--directory`), which keeps their minidisks however the new entries place
    them; where every new entry names exactly its old entry's extents, replacing
    them keeps the data too."""
    old = {path: _old_entry(plan, now, path) for path in paths}
    renamed = [(_entry_id(q), _entry_id(p)) for p, q in old.items() if q is not None]
    if not renamed:  # none was `now`'s before (a worker its `workers` count adds): no data to keep
        return (
            "a SUBCONFIG's name ends in its member's number, which changed; replace each in the directory"
            f" ({before}'s minidisks under that name go with it)"
        )
    pairs = ", ".join(f"{a} to {b}" for a, b in renamed[:3]) + (", ..." if len(renamed) > 3 else "")
    one = len(renamed) == 1
    free = (
        f" once {'that name is' if one else 'those names are'} free ({before}'s"
        f" {'entry' if one else 'entries'} of {'that name' if one else 'those names'} removed, or moved on to"
        f" {'its' if one else 'their'} own new {'name' if one else 'names'}, first)"
        if before
        else ""
    )
    rename = (
        f"a SUBCONFIG's name ends in its member's number, which changed; in the directory, rename {now}'s old"
        f" {'entry' if one else 'entries'} ({'its entry and its' if one else 'each entry and its'} BUILD statement:"
        f" {pairs}){free}, as `bkrc check --directory` says (BKR529): the minidisks stay"
        f" {now}'s instances'"
    )
    arts = {a.path: a.artifact for a in plan.actions if a.artifact is not None}
    pinned = all(
        q is not None
        and (art := arts.get(p)) is not None
        and art.minidisks
        and sum(line.startswith(" MDISK ") for line in art.data.decode("utf-8", "replace").splitlines()) == len(art.minidisks)
        and set(art.minidisks) == set(plan.written[q].minidisks)
        for p, q in old.items()
    )
    instead = f" in place of {before}'s" if before else ""
    if pinned:
        return (
            f"{rename}; the new {'entry names' if one else 'entries name'} the very extents of {now}'s old"
            f" {'one' if one else 'ones'}, so loading {'it' if one else 'them'}{instead} and removing"
            f" {now}'s old {'one' if one else 'ones'} keeps the data too (unless the directory's manager erases"
            " the extents it frees: not checked for DirMaint)"
        )
    return (
        f"{rename}, and where the new {'entry gives' if one else 'entries give'} a minidisk no extent (`AUTOV`) or"
        f" another one, write its extent in the `disk` statement (`on VOL at START`; `bkrc check --fix"
        " --directory` writes it from the directory so changed, BKR532) before you load"
        f" {'it' if one else 'them'}: replaced instead, {now}'s old {'entry' if one else 'entries'} and"
        f" {'its' if one else 'their'} minidisks go"
    )


def _new_names(plan: Plan, told: set[str]) -> list[str]:
    """One line per member the last compile had, not in `told`, whose SUBCONFIG entries
    the plan creates under new names (a member added or removed before it, none of
    whose new names another member had): its old entries are to be renamed."""
    if not plan.members_before:
        return []  # a new DIR: no member had entries (and no walk of every action)
    created: dict[str, list[str]] = {}
    for a in plan.actions:
        art = a.artifact
        if a.action != CREATE or art is None or art.kind != DIRECTORY or not art.member:
            continue
        if art.member in plan.members_before and art.member not in told:
            q = _old_entry(plan, art.member, a.path)
            if q is not None and q != a.path:
                created.setdefault(art.member, []).append(a.path)
    lines = []
    for member, paths in sorted(created.items()):
        one = len(paths) == 1
        lines.append(
            f"bkrc: warning: {'the SUBCONFIG entry' if one else f'{len(paths)} SUBCONFIG entries'} of {member}"
            f" {'takes a new name' if one else 'take new names'} ({_listed(paths)}): {_renumbered(plan, None, member, paths)}"
            " (docs/deploy.md, \"Changing a deployed cluster\")"
        )
    return lines


def _same_statements(plan: Plan, path: str) -> bool:
    """Whether DIR's directory entry at `path`, as the plan read it (`Plan.before`), and
    the new one hold the same statements, comments (`*` in column 1) left out: a
    SUBCONFIG that changes member only in its comment."""
    art = next((a.artifact for a in plan.actions if a.path == path), None)
    current = plan.before.get(path)
    if art is None or current is None:
        return False

    def statements(data: bytes) -> list[str]:
        text = data.decode("utf-8", errors="replace")
        return [line.rstrip() for line in text.splitlines() if line.strip() and not line.startswith("*")]

    return statements(current) == statements(art.data)


def _cms_id(path: str) -> str:
    """The CMS file ID of a file of DIR: `TST1/BKREXPIR.EXEC` is `BKREXPIR EXEC`."""
    return PurePosixPath(path).name.replace(".", " ", 1)


def _listed(paths: list[str]) -> str:
    """Up to three paths, then `...`, for a message (`escaped`)."""
    return ", ".join(map(escaped, paths[:3])) + (", ..." if len(paths) > 3 else "")


def deleted_warnings(plan: Plan) -> list[str]:
    """One line per kind of file the plan deletes that z/VM keeps until someone
    erases it there: bkrc deletes files in DIR only. A member's folder gone (the
    member removed), each member's BKREXPIR deleted (the purge moved: the old one
    still purges there), a single-configuration job's template moved to another
    member (the old member's BKRSUBMT still submits it: `_job_moves`), the job
    templates of jobs renamed or removed, the Tape
    Manager node definitions (their lines stay in each node's SYS CONFIG), and the
    directory entries removed. A member's folder gone whose number a new member
    takes also says what a rename means there. What `rename_warnings` already names (a renamed
    copy of an IDENTITY job, the SUBCONFIG entries of a member whose number
    changed) is left to it."""
    deleted = [
        (a.path, was)
        for a in plan.actions
        if a.action == DELETE and (was := plan.written.get(a.path)) is not None and a.path != MANIFEST
    ]
    if not deleted:
        return []
    wanted = {PurePosixPath(a.path).parts[0] for a in plan.actions if a.artifact is not None}
    gone: dict[str, list[str]] = {}
    for path, was in deleted:
        folder = PurePosixPath(path).parts
        if len(folder) > 1 and was.kind not in (DIRECTORY, TAPE_CONFIG) and folder[0] not in wanted:
            gone.setdefault(folder[0], []).append(path)
    # A member gone whose number a member the last compile did not have takes: renamed,
    # or another put in its place (its SUBCONFIG entries go to the new one).
    taken_by = {before: now for _, before, now in reassigned(plan) if now not in plan.members_before}
    lines = []
    for member, paths in sorted(gone.items()):
        names = ", ".join(_cms_id(p) for p in paths[:4]) + (", ..." if len(paths) > 4 else "")
        renamed = ""
        if (now := taken_by.get(member)) is not None:
            new_ids = {_cms_id(a.path) for a in plan.actions if a.artifact is not None and a.path.startswith(f"{now}/")}
            same = sum(_cms_id(p) in new_ids for p in paths)
            replaced = "them" if same == len(paths) else f"those of the same name ({same} of {len(paths)}): erase the others"
            renamed = (
                f"; {now}, new, takes {member}'s number: if it is {member} renamed, the EXECs there refuse to run"
                f" on a member named {now} (their member guard, rc 52: no member their compile lists), and the files of"
                f" {now}'s folder replace {replaced}"
            )
        # Files bkrc did not write keep the folder: its files are gone, not the folder.
        kept = [p for p in plan.preserved if PurePosixPath(p).parts[0] == member]
        what, stays = "folder is", ""
        if kept:
            what = "files are"
            stays = (
                f"; its folder stays, for the {len(kept)} file{'s' * (len(kept) > 1)} in it that bkrc did not write:"
                f" {_listed(kept)}"
            )
        # The machines its last BKRSTART started stay logged on there: nothing bkrc
        # writes logs them off (a member renamed is IPLed under its new name).
        running = ""
        if now is None:
            machines = [
                m
                for p, data in plan.before.items()
                if p in paths and (w := plan.written.get(p)) is not None and w.kind == PROFILE_SNIPPET
                for m in _started(data)[0]
            ]
            if machines:
                running = (
                    f"; and the machines its BKRSTART started ({', '.join(machines)}) stay logged on there, and run,"
                    " until you log them off (before you remove their directory entries)"
                )
        lines.append(
            f"bkrc: warning: member {member}'s {what} gone from {escaped(plan.out_dir)} ({len(paths)} file{'s' * (len(paths) > 1)}:"
            f" {escaped(names)}{stays}): bkrc deletes files in {escaped(plan.out_dir)} only; on {member} they stay, and run (BKRSTART"
            " EXEC at the member's IPL, the others when its scheduler calls `DUE`), until you erase them there"
            " and take their calls out of its AUTOLOG1's PROFILE EXEC and its scheduler"
            f"{renamed}{running} (docs/deploy.md, \"Changing a deployed cluster\")"
        )
    tape = sorted((was.member or PurePosixPath(path).parts[0], path) for path, was in deleted if was.kind == TAPE_CONFIG)
    if tape:
        one = len(tape) == 1
        whose = f"member {tape[0][0]}'s Tape Manager node definitions are" if one else (
            f"the Tape Manager node definitions of {', '.join(m for m, _ in tape)} are"
        )
        created = {a.path for a in plan.actions if a.action == CREATE and a.artifact is not None and a.artifact.kind == TAPE_CONFIG}
        renamed = "".join(
            f"; if {now} is {m} renamed, {now}'s new node definitions ({escaped(path)}) take their place"
            for m, _ in tape
            if (now := taken_by.get(m)) is not None
            for path in sorted(p for p in created if p.startswith(f"{now}/"))
        )
        lines.append(
            f"bkrc: warning: {whose} deleted in {escaped(plan.out_dir)} only ({_listed([p for _, p in tape])}): the"
            f" Define_Local_Node and Define_Remote_Node lines you copied from {'it' if one else 'each'} into the"
            f" SYS CONFIG file of {'that' if one else 'its'} member's Tape Manager node stay there, and Tape Manager"
            f" keeps {'that node' if one else 'those nodes'} defined, until you remove them{renamed}"
            f"{_nodes_left_running(plan, [m for m, _ in tape])}"
            " (docs/deploy.md, \"Changing a deployed cluster\")"
        )
    purging = sorted(
        a.artifact.member
        for a in plan.actions
        if a.action == CREATE and a.artifact is not None and a.artifact.kind == "expire-exec" and a.artifact.member
    )
    for path, was in deleted:
        if was.kind != "expire-exec":
            continue
        member = was.member or PurePosixPath(path).parts[0]
        new = f" before you install {', '.join(purging)}'s, or two members purge" if purging else ""
        moves = f"the purge moves from {member} to {', '.join(purging)}: " if purging else ""
        # The new purging member runs nothing until its scheduler calls DUE there,
        # and a record an earlier BKREXPIR left on it (the purge moved back) makes
        # the first DUE name what the other member sent meanwhile as missed.
        start = "".join(
            f"; then have {m}'s scheduler call `EXEC BKREXPIR DUE` every minute (after `EXEC BKREXPIR PREVIEW`"
            f" once, as on a first install), or no member purges; if a BKREXPIR purged on {m} before, erase its"
            f" record `{m} BKREXPIR A` there first, or the first `DUE` names the previews and purges {member}"
            " sent since then (up to a week back) as missed, to be sent by hand"
            for m in purging
        )
        lines.append(
            f"bkrc: warning: {moves}{member}'s {_cms_id(path)}, deleted in {escaped(plan.out_dir)} only, still purges"
            f" there when {member}'s scheduler calls `BKREXPIR DUE`; stop that caller and erase the EXEC on"
            f" {member} and its record `{member} BKREXPIR A` there (kept, it makes a purge moved back to {member}"
            f" name what others sent meanwhile as missed){new}{start} (docs/deploy.md, \"Changing a deployed cluster\")"
        )
    # A single-configuration job whose template goes from one member to another
    # (`run on` changed, or its member removed): the old member's BKRSUBMT on z/VM
    # still submits it until it is replaced or erased there (SSI rule 6).
    lines += _job_moves(plan, deleted, gone)
    move_from = {(m, job) for m, job, _ in _single_moves(plan, deleted)}
    renamed = {(r.member, r.before) for r in job_renames(plan)}
    # A job renamed and nothing else: one line per single-configuration job, and
    # one per IDENTITY job for the copies paired on their members.
    moved = {(r.member, r.before): r for r in renamed_jobs(plan)}
    copies: dict[tuple[str | None, str], list[tuple[str, Rename]]] = {}
    for path, was in deleted:
        if (r := moved.get((was.member, was.job))) is not None and was.job_kind == "identity":
            copies.setdefault((r.source_before, r.source_job), []).append((path, r))
    reassigned_to = {now for _, _, now in reassigned(plan)}
    templates, entries = [], []
    for path, was in deleted:
        top = PurePosixPath(path).parts[0]
        if (r := moved.get((was.member, was.job))) is not None:
            if was.job_kind != "identity":
                lines.append(
                    f"bkrc: warning: job {was.job} is renamed {r.after} on {was.member} (its template the same but"
                    f" for the name): {_cms_id(path)} is deleted in {escaped(plan.out_dir)} only ({escaped(path)}) and stays on"
                    f" {was.member}'s backup server's disk, where {was.member}'s BKRSUBMT no longer lists it; erase"
                    f" it there once the new BKRSUBMT is in place ({r.after} TEMPLATE uploaded before it); the catalog"
                    f" keeps the backups made so far under {was.job}, not {r.after}"
                    " (docs/deploy.md, \"Changing a deployed cluster\")"
                )
            elif (pairs := copies.pop((r.source_before, r.source_job), None)) is not None:
                lines.append(_copies_renamed(plan, pairs))
        elif (
            was.kind == "job-template" and top not in gone and (was.member, was.job) not in renamed
            and (was.member, was.job) not in move_from
        ):
            templates.append((path, was))
        elif was.kind == DIRECTORY and not (was.member and was.member in reassigned_to):
            entries.append(path)
    if len(templates) == 1:
        (path, was), member = templates[0], templates[0][1].member or PurePosixPath(templates[0][0]).parts[0]
        lines.append(
            f"bkrc: warning: job {was.job}'s template is deleted in {escaped(plan.out_dir)} only ({escaped(path)}): {_cms_id(path)}"
            f" stays on {member}'s backup server's disk, where {member}'s BKRSUBMT no longer lists it; erase it"
            " there once the new BKRSUBMT is in place; the catalog keeps the backups made so far under"
            f" {was.job}"
            " (docs/deploy.md, \"Changing a deployed cluster\")"
        )
    elif templates:
        lines.append(
            f"bkrc: warning: {len(templates)} job templates are deleted in {escaped(plan.out_dir)} only"
            f" ({_listed([p for p, _ in templates])}): each stays on its member's backup server's disk, where"
            " the member's BKRSUBMT no longer lists it; erase them there once each member's new BKRSUBMT is in"
            " place; the catalog keeps the backups made so far under their names (docs/deploy.md, \"Changing a deployed cluster\")"
        )
    if entries:
        one = len(entries) == 1
        lines.append(
            f"bkrc: warning: {'1 directory entry is' if one else f'{len(entries)} directory entries are'} deleted"
            f" in {escaped(plan.out_dir)} only ({_listed(entries)}): the CP directory keeps {'it' if one else 'them'} until"
            f" you remove {'it' if one else 'them'}, and removing an entry gives up its minidisks and what is on"
            " them (docs/deploy.md, \"Rolling back\")"
        )
    return lines


def new_members(plan: Plan) -> list[str]:
    """One line for the members a compile into a DIR that a last compile wrote
    gives files to for the first time (a member added): every file of theirs is a
    `create` in the plan, and nothing of it runs until the member is set up as in
    a first install, which the plan does not say: AUTOLOG1's PROFILE EXEC calls
    BKRSTART, and a scheduler calls BKRSUBMT DUE (BKREXPIR DUE where it purges).
    Left out: a member that takes the number of a member gone (renamed, or put in
    its place: `deleted_warnings` and `rename_warnings` say what that means)."""
    before = plan.members_before
    if not before:
        return []
    members: dict[str, list[Artifact]] = {}
    for a in plan.actions:
        if a.artifact is not None and a.artifact.member and a.action != DELETE:
            members.setdefault(a.artifact.member, []).append(a.artifact)
    gone = before - members.keys()
    taking = {now for _, was, now in reassigned(plan) if was in gone}
    new = [m for m in members if m not in before and m not in taking]
    if not new:
        return []
    jobs, purging = [], [m for m in new if any(a.kind == "expire-exec" for a in members[m])]
    for member in new:
        names = sorted(a.job for a in members[member] if a.kind == "job-template" and a.job)
        jobs.append(f"{member}'s: {', '.join(names) if names else 'none'}")
    one = len(new) == 1
    named = new[0] if one else ", ".join(new[:-1]) + f" and {new[-1]}"
    expiry = "".join(f"; on {m}, which purges, `EXEC BKREXPIR DUE` too" for m in purging)
    # With Tape Manager, the member's node is defined by the lines of its TMNODES
    # CONFIG copied by hand into its node's SYS CONFIG (docs/deploy.md, section 5):
    # uploaded, or not, the file defines nothing.
    tape = [
        (m, a.path, (_started(b.data)[0] or ["its Tape Manager node"])[-1])
        for m in new
        for a in members[m]
        if a.kind == TAPE_CONFIG
        for b in members[m]
        if b.kind == PROFILE_SNIPPET
    ]
    nodes = ""
    if tape:
        files = and_joined([escaped(path) for _, path, _ in tape])
        where = (
            f"the SYS CONFIG file of {tape[0][2]} on {tape[0][0]}"
            if len(tape) == 1
            else "the SYS CONFIG file of its member's Tape Manager node"
        )
        nodes = f"; copy the lines of {files} into {where} by hand"
    # A member back in the file (a roll-back, a member re-added) may still hold the
    # record an earlier BKRSUBMT kept on its disk: the first DUE reads it.
    records = and_joined([f"`{m} BKRSUBMT A`" for m in new] + [f"`{m} BKREXPIR A`" for m in purging])
    return [(
        f"bkrc: warning: member{'' if one else 's'} {named}, new to {escaped(plan.out_dir)} since its last compile,"
        f" run{'s' if one else ''} nothing bkrc wrote for {'it' if one else 'them'} until {'it is' if one else 'each is'} set up as"
        f" for a first install: on {'it' if one else 'each'}, call `EXEC BKRSTART` from AUTOLOG1's PROFILE EXEC"
        f" and have a scheduler call `EXEC BKRSUBMT DUE` every minute{expiry}, or none of its jobs is ever"
        f" submitted ({'; '.join(jobs)}){nodes}; where an earlier compile's EXECs ran there (a member back after"
        f" a roll-back), erase the record{'' if one and not purging else 's'} they kept ({records}) first, or the"
        " first `DUE` names the jobs of the days since then (up to a week back) as missed, to be sent by hand"
        " (docs/deploy.md, \"7. First run, per member\")"
    )]


def _single_moves(plan: Plan, deleted: list[tuple[str, Written]]) -> list[tuple[str, str, str]]:
    """(old member, job, new member) of each single-configuration job whose template
    the plan deletes on one member and creates, under the same name, on another."""
    created = {
        a.artifact.job: a.artifact.member
        for a in plan.actions
        if a.action == CREATE and a.artifact is not None and a.artifact.kind == "job-template"
        and a.artifact.job_kind == "single" and a.artifact.job and a.artifact.member
    }
    return [
        (was.member, was.job, new)
        for _, was in deleted
        if was.kind == "job-template" and was.job_kind == "single" and was.member and was.job
        and (new := created.get(was.job)) is not None and new != was.member
    ]


def _job_moves(plan: Plan, deleted: list[tuple[str, Written]], gone: dict[str, list[str]]) -> list[str]:
    """One line per single-configuration job moved to another member (`_single_moves`):
    the old member's BKRSUBMT EXEC on z/VM still lists it and submits it, from its
    template there, until it is replaced or erased; installed first, the new
    member's submits it too, and both back the same users up (SSI rule 6). The
    order that avoids it is said, as for the purge moved."""
    paths = {(was.member, was.job): path for path, was in deleted}
    lines = []
    for old, job, new in _single_moves(plan, deleted):
        path = paths[old, job]
        template = _cms_id(path)
        if old in gone:
            first = (
                f"{old}, no longer a member, keeps its BKRSUBMT EXEC and {template} on z/VM (its folder is gone"
                f" from {escaped(plan.out_dir)} only), and that BKRSUBMT still submits {job} when {old}'s scheduler"
                f" calls `DUE`; stop that caller, or erase both there,"
            )
        else:
            first = (
                f"{old}'s BKRSUBMT EXEC on z/VM still submits it when {old}'s scheduler calls `DUE`, from"
                f" {template} there ({escaped(path)}, deleted in {escaped(plan.out_dir)} only), until {old}'s new"
                f" BKRSUBMT EXEC, which no longer lists it, replaces it; install that one and erase {template}"
                f" on {old}"
            )
        lines.append(
            f"bkrc: warning: job {job} moves from {old} to {new}: {first} before you install {new}'s BKRSUBMT"
            f" EXEC and {template}, or both members submit {job} and back its users up twice (a"
            f" single-configuration job runs from one member); the catalog keeps the backups made so far under"
            f" {job} (docs/deploy.md, \"Changing a deployed cluster\")"
        )
    return lines


def _copies_renamed(plan: Plan, pairs: list[tuple[str, Rename]]) -> str:
    """The warning of an IDENTITY job renamed and nothing else (`renamed_jobs`), once
    for the job: its copies' old templates (`pairs`: path and rename, one per member
    paired) stay on their members, where erasing them is the sysprog's work."""
    (_, first), one = pairs[0], len(pairs) == 1
    members = ", ".join(r.member for _, r in pairs)
    head = f"bkrc: warning: job {first.source_before} is renamed {first.source_job} on {members}"
    if one:
        (path, r), = pairs
        return (
            f"{head} (its copy's template the same but for the name): {_cms_id(path)} is deleted in"
            f" {escaped(plan.out_dir)} only ({escaped(path)}) and stays on {r.member}'s backup server's disk, where {r.member}'s"
            f" BKRSUBMT no longer lists it; erase it there once the new BKRSUBMT is in place ({r.after} TEMPLATE"
            f" uploaded before it); the catalog keeps the backups made so far under {r.before}, not {r.after} (docs/deploy.md, \"Changing a deployed cluster\")"
        )
    erase = ", ".join(f"{_cms_id(path)} on {r.member}" for path, r in pairs)
    return (
        f"{head} (each copy's template the same but for the name): its {len(pairs)} copies' templates are"
        f" deleted in {escaped(plan.out_dir)} only ({_listed([path for path, _ in pairs])}) and each stays on its member's"
        f" backup server's disk, where the member's BKRSUBMT no longer lists it; erase them there ({erase}) once"
        " each member's new BKRSUBMT is in place (its new template uploaded before it); the"
        f" catalog keeps the backups made so far under {', '.join(r.before for _, r in pairs)}, not"
        f" {', '.join(r.after for _, r in pairs)} (docs/deploy.md, \"Changing a deployed cluster\")"
    )


#: A line `m.N = 'ID'` and `pool.N = 'POOL'` of a BKRSTART EXEC, its line end
#: first: a pattern that starts with `^` (MULTILINE) has no literal prefix, and the
#: regex engine tried a match at each of the EXECs' characters (about 6 M
#: instructions a compile at 10,000 users, docs/performance.md); led by `\n` it
#: skips to each line end at C speed. `_pool_servers` puts a `\n` before the text
#: for the first line.
_STARTED = re.compile(r"\nm\.(\d+) = '([^']*)'\r?(?=\n|\Z)")
_SERVES = re.compile(r"\npool\.(\d+) = '([^']*)'\r?(?=\n|\Z)")


def _pool_servers(data: bytes) -> dict[str, str]:
    """{server: file pool} of each SFS server a BKRSTART EXEC starts and waits
    for until its file pool serves (`m.N` and `pool.N`, as `emit.rexx` writes them)."""
    text = "\n" + data.decode("utf-8", errors="replace")
    users = dict(_STARTED.findall(text))
    return {users[n]: pool for n, pool in _SERVES.findall(text) if n in users}


def catalog_moves(plan: Plan) -> list[str]:
    """One line per catalog SFS server that the last compile's BKRSTART started on
    one member and the new one starts on another member only (`catalog shared
    server ... on` changed): a single-configuration machine, still logged on at
    the old member, which the old BKRSTART there starts again at its next IPL,
    until it is logged off there and that EXEC replaced or erased. Read from the
    BKRSTART EXECs in DIR (`Plan.before`) and those the plan writes; a local
    catalog's server, started on every member, moves nowhere."""
    before: dict[str, dict[str, str]] = {}
    for path, data in plan.before.items():
        was = plan.written.get(path)
        if was is not None and was.kind == PROFILE_SNIPPET and was.member:
            before[was.member] = _pool_servers(data)
    if not any(before.values()):
        return []  # no server the last compile started (or no last compile: a new DIR) can move
    now: dict[str, dict[str, str]] = {}
    for a in plan.actions:
        art = a.artifact
        if art is not None and art.kind == PROFILE_SNIPPET and art.member:
            now[art.member] = _pool_servers(art.data)
    actions = {a.path: a.action for a in plan.actions}
    lines = []
    for old, servers in sorted(before.items()):
        for server, pool in sorted(servers.items()):
            if server in now.get(old, {}):
                continue
            new = sorted(m for m, started in now.items() if server in started and server not in before.get(m, {}))
            if len(new) != 1:
                continue
            path = next(p for p in plan.before if plan.written[p].member == old and plan.written[p].kind == PROFILE_SNIPPET)
            first = (
                f"erase {old}'s BKRSTART EXEC, deleted in {escaped(plan.out_dir)} only"
                if actions.get(path) == DELETE
                else f"install {old}'s new BKRSTART EXEC, which no longer starts it"
            )
            lines.append(
                f"bkrc: warning: the catalog's SFS server {server} (file pool {pool}) moves from {old} to {new[0]}:"
                f" single-configuration, it stays logged on at {old} until you log it off there, and {old}'s old"
                f" BKRSTART EXEC starts it there again at {old}'s next IPL; first {first}, then log {server} off"
                f" on {old}, then install and run {new[0]}'s new BKRSTART, which starts it there and waits for"
                f" {pool} to serve (run while {server} is logged on at {old}, it leaves it there and starts"
                f" {new[0]}'s Backup Manager machines once {pool} serves from {new[0]}: the server has not moved"
                f" until you log it off at {old} and run {new[0]}'s BKRSTART again)"
                f" (docs/deploy.md, \"Changing a deployed cluster\")"
            )
    return lines


#: A BKRSTART EXEC's single-configuration machine (`s.N = 1`, as `emit.rexx` writes
#: it where the member starts one): led by `\n`, as `_STARTED` is.
_SINGLE = re.compile(r"\ns\.(\d+) = 1\r?(?=\n|\Z)")


def _started(data: bytes) -> tuple[list[str], set[str]]:
    """The machines a BKRSTART EXEC starts, in its order, and of them the
    single-configuration ones that wait for no file pool: the Tape Manager
    catalog node (the catalog's SFS server, single too, waits for its pool)."""
    text = "\n" + data.decode("utf-8", errors="replace")
    users = dict(_STARTED.findall(text))
    pools = {n for n, _ in _SERVES.findall(text)}
    return list(users.values()), {users[n] for n in _SINGLE.findall(text) if n in users and n not in pools}


def _nodes_left_running(plan: Plan, members: list[str]) -> str:
    """Of the members whose node definitions the plan deletes, the Tape Manager
    node machine each one's last BKRSTART started (its last machine, after the
    Backup Manager machines: `Model.start_order`) that no BKRSTART the plan
    writes starts (the `tape manager` statement deleted): logged on, it runs on.
    A member removed whose request node the others still start, or a catalog
    node moved (`tape_catalog_moves`), is none. The clause for the tape line."""
    started_now: set[str] = set()
    for a in plan.actions:
        if a.artifact is not None and a.artifact.kind == PROFILE_SNIPPET:
            started_now.update(_started(a.artifact.data)[0])
    left = []
    for path, data in plan.before.items():
        was = plan.written.get(path)
        if was is not None and was.kind == PROFILE_SNIPPET and was.member in members:
            left += [(m, was.member) for m in _started(data)[0][-1:] if m not in started_now]
    if not left:
        return ""
    where: dict[str, list[str]] = {}
    for m, member in sorted(left, key=lambda x: (x[1], x[0])):
        where.setdefault(m, []).append(member)
    said = and_joined([f"{m} on {', '.join(members)}" for m, members in where.items()])
    return (
        f"; and the nodes' Tape Manager Machines ({said}), which no BKRSTART EXEC starts now, stay logged on,"
        " and run, until you log them off there (and any DMM they started)"
    )


def tape_catalog_moves(plan: Plan) -> list[str]:
    """`_tape_node_changes`'s lines, each a warning."""
    return [line for _, line in _tape_node_changes(plan)]


def _tape_node_changes(plan: Plan) -> list[tuple[bool, str]]:
    """One line when the Tape Manager catalog node moves to another member
    (`catalog-node NAME on` changed, or its member retired and another named):
    the last compile's BKRSTART started it on one member, the new ones on
    another only. A USER, it stays logged on at the old member (whose old
    BKRSTART starts it again at its next IPL), and the node names in the SYS
    CONFIG files, copied there by hand, still say the old member is the catalog
    node: its own, the request node the new member ran (a second node of that
    name while it runs), and every other request node's. The line says the
    order that keeps one node of each name: the old machines off, every node's
    lines replaced, then the new BKRSTART EXECs run. Moved and renamed at once
    (no BKRSTART starts the old name now; another member's new BKRSTART ends
    with a single-configuration machine none started before), the same line,
    with what the name adds: CP runs the two users at once, and the tape
    catalog is on the old one's minidisks. Renamed on its own member (its new
    BKRSTART ends with a single-configuration machine none started before), or
    the request nodes renamed (each member's BKRSTART ends with another
    multi-configuration machine), nothing moves, but the old user stays logged
    on beside the new one, a second node of the same name: the same order, and
    the same clauses (`_renamed_clauses`). Each line with whether it is a move,
    whose line replaces every node's definitions (`node_definitions_changed`
    says those of a member added or removed beside a rename). Read from the
    BKRSTART EXECs in DIR (`Plan.before`, as `catalog_moves`) and those the
    plan writes."""
    before: dict[str, tuple[list[str], set[str]]] = {}
    for path, data in plan.before.items():
        was = plan.written.get(path)
        if was is not None and was.kind == PROFILE_SNIPPET and was.member:
            before[was.member] = _started(data)
    if not any(singles for _, singles in before.values()):
        return []  # no catalog node the last compile started can move
    now: dict[str, list[str]] = {}
    now_singles: dict[str, set[str]] = {}
    tape: dict[str, str] = {}  # member: its TMNODES file's action
    had_tape = {w.member for w in plan.written.values() if w.kind == TAPE_CONFIG}
    for a in plan.actions:
        art = a.artifact
        if art is not None and art.kind == PROFILE_SNIPPET and art.member:
            now[art.member], now_singles[art.member] = _started(art.data)
        if art is not None and art.kind == TAPE_CONFIG and art.member:
            tape[art.member] = a.path
    actions = {a.path: a.action for a in plan.actions}
    started_before = {u for started, _ in before.values() for u in started}
    started_now = {u for started in now.values() for u in started}

    def first_step(old: str) -> str:
        path = next(p for p in plan.before if plan.written[p].member == old and plan.written[p].kind == PROFILE_SNIPPET)
        if actions.get(path) == DELETE:
            return f"erase {old}'s BKRSTART EXEC, deleted in {escaped(plan.out_dir)} only"
        return f"install {old}'s new BKRSTART EXEC, which no longer starts it"

    lines: list[tuple[bool, str]] = []
    for old, (started_there, singles) in sorted(before.items()):
        for node in sorted(singles):
            if node in now.get(old, ()):
                continue
            new = sorted(m for m, started in now.items() if node in started and node not in before.get(m, ([], set()))[0])
            renamed = None  # the catalog node's new name, where it moves under another
            if not new and node not in started_now and started_there[-1:] == [node]:
                # Renamed as it moves (`catalog-node TCTMM on PRODA` -> `catalog-node TCTM2
                # on PRODB`): no BKRSTART starts it now, and another member's new one ends
                # with a single-configuration machine no BKRSTART started before.
                taken = [
                    (m, started[-1])
                    for m, started in sorted(now.items())
                    if m != old and started[-1:] and started[-1] in now_singles[m] and started[-1] not in started_before
                ]
                if len(taken) == 1:
                    (new, renamed) = [taken[0][0]], taken[0][1]
                elif (
                    not taken
                    and old in tape
                    and (last := now.get(old, [])[-1:])
                    and last[0] in now_singles[old]
                    and last[0] not in started_before
                ):  # renamed where it is: `catalog-node TCTM2 on PRODA`
                    lines.append((False, _renamed_in_place("catalog", node, last[0], [old], old, first_step(old))))
                    continue
            if len(new) != 1 or new[0] not in tape:
                continue
            to = new[0]
            first = first_step(old)
            # The request node the new member ran, and the old member's new one: each
            # a BKRSTART's last machine (after the Backup Manager machines, as
            # `Model.start_order` puts a member's Tape Manager node), where that
            # member has node definitions, in the last compile and in this one.
            last = before.get(to, ([], set()))[0][-1:] if to in had_tape else []
            was_there = [u for u in last if u != node and u not in now[to]]
            new_there = [u for u in now.get(old, [])[-1:] if old in tape and u not in before[old][0]]
            names = f"the lines you copied into each node's SYS CONFIG still name {old} the catalog node" + (
                f", and {and_joined(was_there)}, {to}'s request node, stays node {to} while logged on there,"
                " the name the catalog node takes"
                if was_there
                else ""
            )
            off = f"log {node} off on {old}" + (
                f" and {and_joined(was_there)} off on {to} ({to}'s new BKRSTART no longer starts"
                f" {'it' if len(was_there) == 1 else 'them'})"
                if was_there
                else ""
            )
            others = sorted(m for m, p in tape.items() if m not in (old, to) and actions.get(p) != CREATE)
            replace = f"{node}'s with {escaped(tape[to])}'s" + (
                f", {old}'s new request node's with {escaped(tape[old])}'s" if old in tape else ""
            ) + (
                (
                    f", and {others[0]}'s request node's (it names {old} the catalog node until then) with"
                    f" {escaped(tape[others[0]])}'s"
                    if len(others) == 1
                    else f", and the request nodes' of {and_joined(others)} (they name {old} the catalog node until"
                    " then), each with its member's"
                )
                if others
                else ""
            )
            then = f"then install and run {to}'s new BKRSTART, which starts {renamed or node} there" + (
                f", and {old}'s, which starts {and_joined(new_there)} there" if old in tape and new_there else ""
            )
            if renamed is None:
                said = (
                    f"bkrc: warning: the Tape Manager catalog node {node} moves from {old} to {to}:"
                    f" single-configuration, it stays logged on at {old} until you log it off there, and {old}'s old"
                    f" BKRSTART EXEC starts it there again at {old}'s next IPL; {names}: first {first}, then {off};"
                    " then replace the Define_Local_Node and Define_Remote_Node lines in each node's SYS CONFIG with"
                    f" those of its member's new TMNODES CONFIG: {replace}; {then}"
                    " (docs/deploy.md, \"Changing a deployed cluster\")"
                )
                lines.append((True, said))
                continue
            replace = replace.replace(f"{node}'s with ", f"{renamed}'s with ", 1)
            two, set_up = _renamed_clauses("catalog", node, renamed, f"`catalog-node {node} on {to}` moves the node with its minidisks")
            said = (
                f"bkrc: warning: the Tape Manager catalog node moves from {old} to {to} and is renamed, {node} to"
                f" {renamed}: {node} stays logged on at {old} until you log it off there, and {old}'s old BKRSTART"
                f" EXEC starts it there again at {old}'s next IPL; {two}; {names}: first {first}, then {off}; then"
                f" {set_up}; then replace the Define_Local_Node and Define_Remote_Node lines in each node's SYS CONFIG"
                f" with those of its member's new TMNODES CONFIG: {replace}; {then}"
                " (docs/deploy.md, \"Changing a deployed cluster\")"
            )
            lines.append((True, said))
    # The request nodes renamed (`request-node TRTM2`), on the members that run one
    # in both compiles: each BKRSTART's last machine, multi-configuration (not a
    # catalog node), another now, none of whose names any BKRSTART started before.
    renames: dict[tuple[str, str], list[str]] = {}
    for member, (started_there, singles) in sorted(before.items()):
        was, is_ = started_there[-1:], now.get(member, [])[-1:]
        if member not in had_tape or member not in tape or not was or not is_ or was[0] in singles:
            continue
        if was[0] not in started_now and is_[0] not in now_singles[member] and is_[0] not in started_before:
            renames.setdefault((was[0], is_[0]), []).append(member)
    for (node, renamed), members in sorted(renames.items()):
        first = first_step(members[0]) if len(members) == 1 else "install each member's new BKRSTART EXEC, which no longer starts it"
        lines.append((False, _renamed_in_place("request", node, renamed, members, and_joined(members), first)))
    return lines


def _renamed_clauses(role: str, node: str, renamed: str, keep: str, names: str = "") -> tuple[str, str]:
    """What a Tape Manager node's machine renamed (`role`: `catalog`, `request`)
    adds to `tape_catalog_moves`'s line, moved or where it is: CP's
    one-member-at-a-time rule, which keeps a node from running twice (a BKRSTART
    ends with rc 36 while it runs elsewhere), holds nothing between two user IDs,
    so the old one, logged on, is a second node beside the new; and the minidisks,
    with the node's own SYS CONFIG (and the catalog node's tape catalog), are the
    old user's. The clause that says so, and the step that sets the new one up
    (`keep`: what keeping the name does; `names`: the node names the two share)."""
    catalog = role == "catalog"
    two = f"{renamed} is another user, which CP runs while {node} is logged on: two {role} nodes{names}" + (
        f"; the tape catalog is on {node}'s minidisks, not {renamed}'s" if catalog else ""
    )
    set_up = (
        f"set {renamed} up as {node} is (its Tape Manager files, SYS CONFIG among them)"
        + (f" and copy the tape catalog from {node}'s minidisks to {renamed}'s" if catalog else "")
        + f", before you remove {node}'s directory entr{'y, which gives its' if catalog else 'ies, which give their'}"
        f" minidisks up (or keep the name: {keep})"
    )
    return two, set_up


def _renamed_in_place(role: str, node: str, renamed: str, members: list[str], where: str, first: str) -> str:
    """`tape_catalog_moves`'s line for a Tape Manager node renamed on its own
    member (`role` `catalog`), or on each member that runs a request node
    (`request`): no SYS CONFIG's node definitions change (they name members), but
    the old user stays logged on, a node of its member's name beside the new one,
    and its member's old BKRSTART starts it again at the next IPL. The move's
    order: the old BKRSTART replaced, the old machine off, the new one set up as
    the old is, then the new BKRSTART run."""
    keep = f"`catalog-node {node} on {members[0]}`" if role == "catalog" else f"`request-node {node}`"
    if len(members) == 1:
        at, whose, next_ipl, names = f"at {where}", where, f"{where}'s", f", both node {where}"
    else:
        at, whose, next_ipl, names = "at each", "each member", "its", " on each, both named for their member"
    two, set_up = _renamed_clauses(role, node, renamed, keep, names)
    return (
        f"bkrc: warning: the Tape Manager {role} node on {where} is renamed, {node} to {renamed}: {node} stays"
        f" logged on {at} until you log it off there, and {whose}'s old BKRSTART EXEC starts it there again at"
        f" {next_ipl} next IPL; {two}: first {first}, then log {node} off on {where}; then {set_up};"
        f" then run {whose}'s new BKRSTART, which starts {renamed} there"
        " (docs/deploy.md, \"Changing a deployed cluster\")"
    )


#: A Tape Manager node definition line of a TMNODES CONFIG file (`emit.tape`).
_NODE_LINE = re.compile(r"^Define_\S*", re.MULTILINE)


def _node_lines(data: bytes) -> list[str]:
    """The Define_Local_Node and Define_Remote_Node lines of a TMNODES CONFIG file,
    in its order: what the sysprog copies into the node's SYS CONFIG (the header
    comment is not copied)."""
    text = data.decode("utf-8", errors="replace")
    return [line.rstrip("\r") for line in text.split("\n") if _NODE_LINE.match(line)]


def _quoted_lines(lines: list[str]) -> str:
    shown = ", ".join(f"`{line}`" for line in lines[:3])
    return shown + (f" and {len(lines) - 3} more" if len(lines) > 3 else "")


def node_definitions_changed(plan: Plan) -> list[str]:
    """One line per member whose Tape Manager node definitions the plan updates
    (`MEMBER/TMNODES.CONFIG`): a member added or removed gives the catalog
    node's file a `Define_Remote_Node` line more or less, a member renamed
    another name. Tape Manager never reads the file: the sysprog copied its
    lines by hand into the SYS CONFIG file of the member's Tape Manager node
    (docs/deploy.md, "5. Tape Manager node definitions"), which keeps the
    nodes they define, so the plan's `update` changes nothing there, and an
    upload as the plan's other files are uploaded does nothing either. The line
    names the lines added and removed and the node whose SYS CONFIG holds them
    (its member's new BKRSTART's last machine: `Model.start_order`). Left to
    `tape_catalog_moves`, which says to replace every node's lines: a catalog
    node moved (a node renamed where it is replaces none: said here too). A header that differs alone (a source renamed) is no change."""
    updated = [
        (a, old)
        for a in plan.actions
        if a.action == UPDATE and a.artifact is not None and a.artifact.kind == TAPE_CONFIG
        and (old := plan.before.get(a.path)) is not None
    ]
    if not updated or any(moved for moved, _ in _tape_node_changes(plan)):
        return []  # most compiles: no node definitions updated, and nothing else read
    started = {
        a.artifact.member: _started(a.artifact.data)[0]
        for a in plan.actions
        if a.artifact is not None and a.artifact.kind == PROFILE_SNIPPET and a.artifact.member
    }
    lines = []
    for a, old in updated:
        art = a.artifact
        was, now = _node_lines(old), _node_lines(art.data)
        added, removed = [x for x in now if x not in was], [x for x in was if x not in now]
        if not added and not removed:
            continue
        member = art.member or PurePosixPath(a.path).parts[0]
        node = started.get(member, [])[-1:]
        whose = f"{node[0]} on {member}" if node else f"{member}'s Tape Manager node"
        said = "; ".join(
            [*([f"{_quoted_lines(added)} added"] if added else []), *([f"{_quoted_lines(removed)} removed"] if removed else [])]
        )
        do = and_joined(
            [
                *([f"add the line{'s' * (len(added) > 1)} added (with the site's values for each <...>)"] if added else []),
                *([f"remove {'the line' if len(removed) == 1 else 'those'} removed"] if removed else []),
            ]
        )
        lines.append(
            f"bkrc: warning: member {member}'s Tape Manager node definitions change ({escaped(a.path)}: {said}):"
            f" Tape Manager reads the lines you copied from it into the SYS CONFIG file of {whose}, not this file,"
            f" and keeps the nodes they define until you change them there by hand: {do}"
            " (docs/deploy.md, \"5. Tape Manager node definitions\")"
        )
    return lines


def _entry_id(path: str) -> str:
    """The ID of the directory entry a `cluster/ID.DIRECT` file holds."""
    return PurePosixPath(path).name.rsplit(".", 1)[0]


def _overlap(a: Extent, b: Extent) -> bool:
    return a.volume == b.volume and a.start < b.start + b.size and b.start < a.start + a.size


def _span(e: Extent) -> str:
    return f"{e.volume} {e.start}-{e.start + e.size - 1}"


def moved_minidisks(plan: Plan) -> list[str]:
    """One line per minidisk that keeps its entry and address but that the plan
    puts elsewhere on DASD: CP does not move a minidisk's data, so a directory
    loaded from the new files finds the disk empty or another disk's data there,
    and whatever the line names now takes its old extent. With the dialect's
    sequential allocation this follows from edits that do not name the disk (a
    worker added, a disk statement added or grown before it on the volume). A
    SUBCONFIG that changes member is left to `rename_warnings`."""
    reassigned_paths = {path for path, _, _ in reassigned(plan)}
    placed = [(a.path, e) for a in plan.actions if a.artifact is not None for e in a.artifact.minidisks]
    lines = []
    for a in plan.actions:
        was, art = plan.written.get(a.path), a.artifact
        if a.action != UPDATE or was is None or art is None or a.path in reassigned_paths:
            continue
        now = {e.address: e for e in art.minidisks}
        for old in was.minidisks:
            new = now.get(old.address)
            if new is None or (new.volume, new.start) == (old.volume, old.start):
                continue
            takers = [
                f"{_entry_id(path)} {e.address}"
                for path, e in placed
                if _overlap(e, old) and (path, e.address) != (a.path, old.address)
            ]
            taken = f"; its old extent is now {', '.join(takers)}'s" if takers else ""
            lines.append(
                f"bkrc: warning: minidisk {old.address} of {_entry_id(a.path)} moves from {_span(old)}"
                f" to {_span(new)} ({a.path}){taken}: CP does not move a minidisk's data; to keep it"
                f" where it is, write `on {old.volume} at {old.start}` in the `disk` statement that places"
                " it (for an IDENTITY, one statement per member, each `on` that member's private volume)"
                " (docs/deploy.md, \"Changing a deployed cluster\")"
            )
    return lines


def foreign_message(plan: Plan) -> str:
    """Why the compile stops at a DIR that holds files but no manifest (`plan.foreign`),
    without `bkrc: `: the compile's line, and `--check`'s warning that a compile would fail."""
    return (
        f"{escaped(plan.out_dir)} holds files but no {MANIFEST}: it was not written by bkrc;"
        " choose a new or empty folder, or use --force (files bkrc does not write are kept)"
    )


def blocked_message(plan: Plan) -> str:
    """Why a plan needs --force, naming every file concerned."""
    lines = []
    # A folder of the site's own templates, downloaded to compare (docs/deploy.md,
    # "Coming from hand-written templates"): the way back to them, which `--force`, the
    # lines offered it, overwrote with bkrc's.
    own = plan.foreign and plan.untracked and not plan.drifted and _own_templates(plan)
    if own:
        lines.append(f"bkrc: {escaped(plan.out_dir)} holds files but no {MANIFEST}: it was not written by bkrc")
    elif plan.foreign:
        lines.append(f"bkrc: {foreign_message(plan)}")
    if plan.drifted:
        lines.append("bkrc: these files were changed by hand since the last compile:")
        lines.extend(f"  {escaped(plan.out_dir / p)}" for p in plan.drifted)
    if plan.untracked:
        lines.append("bkrc: these files were not written by bkrc, and bkrc would overwrite them:")
        lines.extend(f"  {escaped(plan.out_dir / p)}" for p in plan.untracked)
    # What to do differs: a change to a file bkrc wrote belongs in the .bkr file;
    # a file of the user's own where bkrc now writes one (a README.TXT of theirs)
    # is moved away (docs/output.md, "README.TXT"), never into the .bkr file.
    if plan.drifted and plan.untracked:
        lines.append(
            "bkrc: nothing written; move your changes into the .bkr file and your own files out of"
            f" {escaped(plan.out_dir)}, or use --force to overwrite"
        )
    elif plan.drifted:
        lines.append(
            "bkrc: nothing written; move your changes into the .bkr file, or use --force to overwrite"
        )
    elif own:
        lines.append(
            "bkrc: nothing written; those are job templates of your own, your way back to them"
            " (docs/deploy.md, \"Coming from hand-written templates\"): compile into a folder of its own"
            " (`-o out`) and compare the two; --force would overwrite them"
        )
    elif plan.untracked:
        lines.append(
            f"bkrc: nothing written; move your files out of {escaped(plan.out_dir)} (or rename them),"
            " or use --force to overwrite"
        )
    return "\n".join(lines) + "\n"


def _own_templates(plan: Plan) -> bool:
    """Whether every file of DIR bkrc did not write and would write over is a job
    template (a site's own, of the name of a job the file keeps)."""
    return all(
        a.artifact is not None and a.artifact.kind == "job-template" for a in plan.actions if a.untracked
    )


# ------------------------------------------------------------------ writing
def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


#: Threads that flush the new folder's files to disk together. One fsync waits
#: for the disk; many at once share the file system's journal commits, so 59
#: files flush in about a third of the time of one after the other.
FLUSH_THREADS = 8

_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_file(path: Path | str, data: bytes | tuple[bytes, ...], mode: int = 0o666) -> int:
    """Create `path` (its folder exists) holding `data` (bytes, or pieces of
    bytes written one after the other), with `mode` less the umask; return its
    open file descriptor, for the caller to flush to disk and close."""
    fd = os.open(path, _CREATE_FLAGS, mode)
    try:
        _write_fully(fd, data)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _write_fully(fd: int, data: bytes | tuple[bytes, ...]) -> None:
    """All of `data` (bytes, or pieces of bytes in order) to the open file `fd`:
    the pieces in one `os.writev` where the system has it, one system call (and
    one wait for the interpreter lock after it) per file rather than per piece;
    a template is three to five pieces. Either call may take less than it is given."""
    pieces = [piece for piece in ((data,) if isinstance(data, bytes) else data) if piece]
    writev = getattr(os, "writev", None)
    while pieces:
        if writev is None or len(pieces) == 1:
            done = os.write(fd, pieces[0])
        else:
            done = writev(fd, pieces[:_MAX_PIECES])
        pieces = _unwritten(pieces, done)


def _max_pieces() -> int:
    """How many buffers one `os.writev` takes (IOV_MAX; POSIX's least, 16, when unknown)."""
    try:
        return max(16, os.sysconf("SC_IOV_MAX"))
    except (AttributeError, ValueError, OSError):  # pragma: no cover - no sysconf, or no such name
        return 16


_MAX_PIECES = _max_pieces()


def _unwritten(pieces: list, done: int) -> list:
    """What is left of `pieces` once their first `done` bytes are written."""
    for index, piece in enumerate(pieces):
        if done < len(piece):
            return [memoryview(piece)[done:], *pieces[index + 1 :]] if done else pieces[index:]
        done -= len(piece)
    return []


def _keep_owner(fd: int, before: os.stat_result) -> None:
    """Give the open file `fd` the owner and group `before` names, as far as this
    process may: root may set both; another user may keep the group when it
    belongs to it; otherwise the file stays the writer's (as when an editor
    saves by rename)."""
    chown = getattr(os, "fchown", None)
    now = os.fstat(fd)
    if chown is None or (now.st_uid, now.st_gid) == (before.st_uid, before.st_gid):
        return
    for uid, gid in ((before.st_uid, before.st_gid), (-1, before.st_gid)):
        try:
            chown(fd, uid, gid)
            return
        except OSError:
            continue


def _keep_attributes(fd: int, path: str | Path, before: os.stat_result) -> None:
    """Give the new file `path`, open as `fd`, what the user set on the file it
    replaces (`before`): its owner and group as far as this process may
    (`_keep_owner`), and its permission bits."""
    _keep_owner(fd, before)  # before the mode: a change of owner clears set-user-ID
    os.chmod(fd if os.chmod in os.supports_fd else path, stat.S_IMODE(before.st_mode))


class ReadOnlyError(PermissionError):
    """`replace_file` refuses a file whose owner may not write it."""

    def __init__(self, mode: int, path: str) -> None:
        super().__init__(
            errno.EACCES,
            f"the file is read-only (mode {mode:04o}), so bkrc leaves it as it is;"
            " make it writable (`chmod u+w`) to let bkrc change it",
            path,
        )


class ChangedMeanwhileError(OSError):
    """`replace_file` was given the bytes its caller read (`was`), and the file no
    longer holds them: another program (an editor saving it) wrote it while bkrc
    worked out its new text, which is made from the old one. Writing it would lose
    that program's change, so the file is left as that program left it."""

    def __init__(self, path: str) -> None:
        super().__init__(
            errno.EAGAIN,
            "the file changed after bkrc read it (another program, an editor, wrote it meanwhile),"
            " and bkrc's new text, made from the old one, would undo that change; the file is as"
            " that program left it: run the command again",
            path,
        )


def _still_holds(path: str, was: bytes | None) -> None:
    """Raise ChangedMeanwhileError unless the file `path` still holds `was` (None: not
    asked). A file removed meanwhile has changed too: bkrc does not bring it back."""
    if was is None:
        return
    try:
        with open(path, "rb") as file:
            now = file.read()
    except FileNotFoundError:
        now = None
    if now != was:
        raise ChangedMeanwhileError(path)


class FolderClosedError(OSError):
    """`replace_file` cannot create a file in the folder of the file it replaces
    (the temporary file it renames over it, or the backup of a file with other
    hard links): the file is left as it was, and the error says why in the
    folder's terms, where the OSError alone ("Operation not permitted") would
    seem to be the file's, which may well be writable."""

    def __init__(self, err: OSError, target: str, how: str) -> None:
        folder = os.path.dirname(target)
        if err.errno in _REFUSED and _fs_flags(folder) & FS_IMMUTABLE_FL:
            why = f"{escaped(folder)} is immutable (`chattr +i`): nothing can be created in it"
        else:
            why = f"no file can be created in {escaped(folder)} ({err.strerror or err})"
        super().__init__(
            err.errno,
            f"{how}, and {why}; the file is as it was: let bkrc create files in {escaped(folder)}",
            target,
        )


def special_kind(mode: int) -> str | None:
    """What a file that is not a regular file is ("a FIFO"), from its st_mode; None
    for a regular file. Folders and symbolic links are the callers' to tell. The
    FIFO, device and socket words are `source.special_kind`'s."""
    return source.special_kind(mode) or (None if stat.S_ISREG(mode) else "not a regular file")


class NotRegularError(OSError):
    """`replace_file` refuses anything but a regular file: renaming a new file over
    a FIFO or a device (`/dev/null`) would replace it by a file."""

    def __init__(self, what: str, path: str) -> None:
        super().__init__(
            errno.EINVAL, f"it is {what}, not a regular file, so bkrc leaves it as it is", path
        )


def replace_file(path: str | os.PathLike, data: bytes, was: bytes | None = None) -> str | None:
    """Replace the file `path` with `data` in one step (`bkrc fmt`, `bkrc check --fix`): a temporary
    file in the same folder gets the bytes, the old file's mode and, where
    possible, its owner and group; it is flushed to disk and renamed over the
    old one, whose folder is flushed too. A symbolic link is followed: its
    target is replaced and the link stays a link. A file with other hard links
    is written in place instead, after a backup (`_rewrite_in_place`): a rename
    would give this name a new file and leave the old text under the others.
    Returns a warning to print after the report (a backup the folder would not
    let go), or None.

    The temporary file is `.bkrc-fmt-PID-....tmp`: only a kill that allows no
    clean-up leaves it, and it is never removed by a later run, which could
    not tell whether the process that wrote it (perhaps on another machine
    sharing the folder) still runs.

    Anything but a regular file (a FIFO, a device such as `/dev/null`) is refused
    with NotRegularError: the rename would put a file in its place.

    A file whose owner has no write permission (mode 0444, say) is refused
    with ReadOnlyError before anything is written: renaming over it would
    replace it whenever its folder is writable, and always for root, whom
    `os.access` answers yes whatever the mode. So the mode bit is read, not
    `os.access`: someone made the file read-only, and bkrc leaves it so.

    `was`, when given, is the text the caller read and made `data` from: a file
    that no longer holds it (another program wrote it meanwhile) is left as it
    is, with ChangedMeanwhileError, looked at last, just before the rename (or,
    with other hard links, before the backup), so that only a write in that
    instant can slip through.

    Raises OSError. An error or a KeyboardInterrupt at any step leaves `path`
    exactly as it was and no temporary file beside it; the caller holds Ctrl-C
    back (`Commit`) so that a Ctrl-C between the rename and its report, or
    while the temporary file is removed, waits until the step is done."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    try:
        before = os.stat(target)
    except FileNotFoundError:
        if was is None:
            raise
        raise ChangedMeanwhileError(target) from None  # removed since it was read: left removed
    what = special_kind(before.st_mode)
    if what is not None:
        raise NotRegularError(what, target)
    if not before.st_mode & stat.S_IWUSR:
        raise ReadOnlyError(stat.S_IMODE(before.st_mode), target)
    if before.st_nlink > 1:
        return _rewrite_in_place(target, data, before.st_nlink, was)
    import tempfile  # here: a compile makes its folder with `_new_folder`, and imports none

    # The process ID in the name tells whose file a `kill -9` left behind (docs/fmt.md).
    try:
        fd, temp = tempfile.mkstemp(prefix=f"{TEMP_MARK}fmt-{os.getpid()}-", suffix=".tmp", dir=folder)
    except OSError as err:
        how = "bkrc writes its new text to a temporary file beside it and renames that over it"
        raise FolderClosedError(err, target, how) from None
    try:
        try:
            _write_fully(fd, data)
            _keep_attributes(fd, temp, before)
            os.fsync(fd)
        finally:
            os.close(fd)
        _still_holds(target, was)
        os.replace(temp, target)
    except BaseException as failure:
        _drop_temp(temp, failure)
        raise
    _fsync_dir(Path(folder))
    return None


def _rewrite_in_place(target: str, data: bytes, links: int, was: bytes | None = None) -> str | None:
    """Write `data` over the regular file `target`, which has other hard links, as
    gofmt does: the same file gets the new text, so every name of it shows the
    new text, and it keeps its owner, group and mode. Not in one step, so its
    old text goes first to a backup beside it (`.bkrc-fmt-backup-PID-....tmp`,
    mode 0600: readable by its owner only, whatever the file's mode), flushed to
    disk with its folder entry; the backup is removed once the new text is on
    disk. A write that fails puts the old text back in place and removes the
    backup; if even that fails, the error names the backup, which holds the
    old text. So only a kill or a crash in the middle can leave `target` half
    written, and then the backup beside it holds its old text. The caller holds
    Ctrl-C back (`Commit`), so that an interrupt waits until the file is written.

    A folder where the backup cannot be created (no write permission, `chattr
    +i`) stops it before the file is touched (FolderClosedError): without the
    backup, a kill in the middle would leave the file half written and its old
    text nowhere, and a backup anywhere else (/tmp, which a reboot may empty)
    is not where the user looks for it.

    Returns the warning of a backup the folder would not let go (`_drop_temp`),
    or None. Raises OSError; `target` is then as it was, unless the error says
    where its old text is."""
    folder = os.path.dirname(target)
    fd = os.open(target, os.O_RDWR | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    try:
        what = special_kind(os.fstat(fd).st_mode)  # it may have changed since it was looked at
        if what is not None:
            raise NotRegularError(what, target)
        old = _read_from_start(fd)
        if was is not None and old != was:  # another program wrote it meanwhile (`replace_file`)
            raise ChangedMeanwhileError(target)
        try:
            backup = _new_temp(folder, "fmt-backup", old, mode=0o600)
        except OSError as err:
            how = (
                f"it has {links} hard links, so bkrc writes it in place, after a backup of its old"
                " text beside it (which holds it, should the write be cut short)"
            )
            raise FolderClosedError(err, target, how) from None
        try:
            _fsync_dir(Path(folder))
            _overwrite(fd, data)
        except BaseException as failure:
            _put_back(fd, old, backup, failure)
            raise
    finally:
        os.close(fd)
    return _drop_temp(backup)


def _read_from_start(fd: int) -> bytes:
    """Every byte of the open file `fd`, from its start."""
    os.lseek(fd, 0, os.SEEK_SET)
    pieces = []
    while piece := os.read(fd, 1 << 20):
        pieces.append(piece)
    return b"".join(pieces)


def _overwrite(fd: int, data: bytes) -> None:
    """Make the open file `fd` hold `data` and nothing else, flushed to disk."""
    os.lseek(fd, 0, os.SEEK_SET)
    _write_fully(fd, data)
    os.ftruncate(fd, len(data))
    os.fsync(fd)


def _put_back(fd: int, old: bytes, backup: str, failure: BaseException) -> None:
    """After `failure` while the file `fd` was rewritten in place: write its old
    text back and remove the backup; when the old text cannot be written back,
    keep the backup and say so in `failure`'s text (an OSError's)."""
    try:
        _overwrite(fd, old)
    except OSError as err:
        if isinstance(failure, OSError):
            kept = f"the file may be half written: its text before is in {escaped(backup)} ({err.strerror or err})"
            failure.strerror = f"{failure.strerror or failure}; {kept}"
        return
    _drop_temp(backup, failure)


def _drop_temp(temp: str, failure: BaseException | None = None) -> str | None:
    """Remove the temporary file `temp`. When it cannot go (a folder made append-only,
    `chattr +a`, lets bkrc create and link files there, not remove or rename them),
    say so: in `failure`'s text when that is the OSError being raised (the first
    error counts, and this is added to it), else in the warning returned. None
    when it went, or was gone already (renamed)."""
    try:
        os.unlink(temp)
        return None
    except FileNotFoundError:
        return None
    except OSError as err:
        left = f"the temporary file {escaped(temp)} could not be removed ({err.strerror or err}): remove it by hand"
    if isinstance(failure, OSError):
        failure.strerror = f"{failure.strerror or failure}; {left}"
        return None
    return left


#: Errors of os.link that mean "this file system has no hard links", not "the file exists".
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK, errno.EXDEV}


def create_file(path: str | os.PathLike, data: bytes) -> str | None:
    """Create the new file `path` holding `data` in one step (`bkrc init`), never
    replacing anything already there: FileExistsError when `path` exists (a
    file, a folder, or a symbolic link, even a dangling one).

    As in `replace_file`, a temporary file in the same folder
    (`.bkrc-init-PID-....tmp`) gets the bytes and is flushed to disk; it is
    then hard-linked to `path`, which fails if `path` has appeared meanwhile,
    and removed. On a file system without hard links it is renamed instead,
    after a look that `path` is still free. The new file's mode is 0666 less
    the umask, as any new file's. So `path` is missing or complete, never half
    written; an error or a KeyboardInterrupt leaves no temporary file, unless
    the folder forbids its removal (`_drop_temp`): the error then says so, and
    after a success the warning returned does.

    Raises OSError."""
    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    try:
        temp = _new_temp(folder, "init", data)
    except (FileNotFoundError, NotADirectoryError, PermissionError) as err:
        raise _no_new_file_in(err, os.path.dirname(os.fspath(path)) or ".", folder) from None
    try:
        _link_new(temp, target)
    except BaseException as failure:
        _drop_temp(temp, failure)
        raise
    left = _drop_temp(temp)
    _fsync_dir(Path(folder))
    return left


def _no_new_file_in(err: OSError, named: str, folder: str) -> OSError:
    """`create_file`'s error when its temporary file cannot be made, said of the
    folder (`named`, as FILE names it), where the system's words alone ("No such
    file or directory", "Permission denied") seem to be said of the new file."""
    if not os.path.isdir(folder):
        above = folder
        while not os.path.lexists(above) and os.path.dirname(above) != above:
            above = os.path.dirname(above)
        if not os.path.isdir(above):  # a file where a folder on the path should be
            shown = named if above == folder else above
            return type(err)(err.errno, f"{escaped(shown)} is not a folder: name the file in a folder")
        return type(err)(
            err.errno,
            f"the folder {escaped(named)} does not exist: bkrc creates the file, not the folders above"
            f" it (`mkdir -p {escaped(shlex.quote(named))}` first)",
        )
    return type(err)(
        err.errno,
        f"no file can be created in {escaped(named)} ({err.strerror or err}), where bkrc writes the new"
        " file's text to a temporary file first: let bkrc create files there, or name a file in a folder you may write",
    )


def _random_part() -> str:
    """8 random hexadecimal digits that make a temporary name unlikely to be taken
    (`secrets.token_hex(4)`, without importing secrets and random for it)."""
    return os.urandom(4).hex()


def _new_folder(parent: Path, prefix: str) -> Path:
    """A new folder in `parent`, `PREFIX` and 8 random characters, that only this
    process may enter (mode 0700) until its caller sets the mode: what
    `tempfile.mkdtemp` makes, without importing tempfile, shutil (with the zlib,
    bz2 and lzma it imports) and random, some 10 M of the 440 M instructions of a
    small compile (docs/performance.md, "Start-up of a whole command").
    Raises OSError."""
    for _ in range(100):
        path = parent / f"{prefix}{_random_part()}"
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        except PermissionError:
            # Windows says this, not FileExistsError, of a folder that exists (as mkdtemp knows).
            if os.name == "nt" and os.path.isdir(parent) and os.access(parent, os.W_OK):
                continue
            raise
        return path
    raise FileExistsError(errno.EEXIST, "no free temporary folder name", os.fspath(parent))  # pragma: no cover


def _new_temp(folder: str, what: str, data: bytes, mode: int = 0o666) -> str:
    """The path of a new temporary file in `folder` (`.bkrc-WHAT-PID-....tmp`, `mode`
    less the umask) holding `data`, flushed to disk."""
    for _ in range(100):
        temp = os.path.join(folder, f"{TEMP_MARK}{what}-{os.getpid()}-{_random_part()}.tmp")
        try:
            fd = write_file(Path(temp), data, mode)
        except FileExistsError:
            continue
        except BaseException:
            try:
                os.unlink(temp)
            except OSError:
                pass
            raise
        try:
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            os.unlink(temp)
            raise
        os.close(fd)
        return temp
    raise FileExistsError(errno.EEXIST, "no free temporary file name", folder)  # pragma: no cover


def _link_new(temp: str, target: str) -> None:
    """Give the file `temp` the new name `target`, failing if `target` exists."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError as err:
        if err.errno not in _NO_LINKS:
            raise
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), target) from None
        # No hard links here (some network and FAT file systems): a rename, after a
        # look. Another writer could slip in between the two; no other way is left.
        os.rename(temp, target)


def _folders_of(rel: str) -> list[str]:
    """Every folder (relative) that holds `rel`'s entry or an ancestor's: `a/b/c` ->
    `a/b`, `a`; an empty folder `a/b/` -> `a/b`, `a`."""
    parts = rel.rstrip("/").split("/")
    keep = len(parts) if rel.endswith("/") else len(parts) - 1
    return ["/".join(parts[:n]) for n in range(keep, 0, -1)]


def _write_generated(path: Path | str, data: bytes | tuple[bytes, ...], before: os.stat_result | None) -> int:
    """`write_file`; when the file replaces one DIR holds (`before`, its stat), it
    gets that file's owner, group and permission bits (`_keep_attributes`), so
    that a `chmod` or `chgrp` of a generated file outlives the next compile; a
    new file keeps the mode `write_file` gives it (0666 less the umask)."""
    fd = write_file(path, data)
    if before is not None:
        try:
            _keep_attributes(fd, path, before)
        except BaseException:
            os.close(fd)
            raise
    return fd


def _regular_stat(path: Path) -> os.stat_result | None:
    """The stat of `path` when it is a regular file (a symbolic link not followed), else None."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None


def _write_all(
    root: Path,
    files: list[tuple[str, bytes | tuple[bytes, ...], os.stat_result | None]],
    folders: set[str] = frozenset(),
) -> None:
    """Write every (relative path, bytes or pieces of bytes, stat of the file it replaces or
    None) under root (`_write_generated`), then flush the files, their
    folders, root and `folders` (relative paths) to disk: the swap must never
    expose a half-written file or a folder whose entries are not on disk yet.

    This thread writes the files in order; FLUSH_THREADS threads fsync and close
    them as they come (fsync releases the GIL). The first error of a file is
    raised once every descriptor is closed; a folder that cannot be flushed
    (some file systems refuse) is not an error, as before."""
    import _thread
    import queue

    # Paths as text, joined once each: a Path per file and folder cost more than
    # the system calls that create them (a compile writes a file per job).
    parents = {folder for rel, _, _ in files for folder in _folders_of(rel)}
    for folder in sorted(parents):
        os.makedirs(os.path.join(root, folder), exist_ok=True)
    pending: queue.SimpleQueue = queue.SimpleQueue()
    finished: queue.SimpleQueue = queue.SimpleQueue()
    errors: list[OSError] = []

    def flush() -> None:
        # A bare thread: threading.Thread.start() waits until the thread runs,
        # which on a loaded machine costs more than the flushes it saves.
        try:
            while (job := pending.get()) is not None:
                fd, folder = job
                try:
                    os.fsync(fd)
                except OSError as err:
                    if not folder:
                        errors.append(err)
                finally:
                    os.close(fd)
        finally:
            finished.put(None)

    workers = min(FLUSH_THREADS, len(files) + 1)
    for _ in range(workers):
        _thread.start_new_thread(flush, ())
    try:
        for rel, data, before in files:
            pending.put((_write_generated(os.path.join(root, rel), data, before), False))
        for folder in sorted(parents | set(folders), reverse=True) + [""]:  # root last
            try:
                pending.put((os.open(os.path.join(root, folder), os.O_RDONLY), True))
            except OSError:  # pragma: no cover - platforms without directory handles
                pass
    finally:
        for _ in range(workers):
            pending.put(None)
        for _ in range(workers):
            finished.get()
    if errors:
        raise errors[0]


def _copy_preserved(src_root: Path, dst_root: Path, rel: str) -> None:
    """Put a file bkrc did not write into the new folder, kept as it is: a
    regular file is hard-linked (the same file, not a copy: its owner, mode,
    times and other links stay, a program still writing to it keeps writing
    to it, and its bytes are already on disk); where a link cannot be made, it
    is copied and the copy flushed to disk before the swap removes the
    original."""
    if rel.endswith("/"):
        (dst_root / rel).mkdir(parents=True, exist_ok=True)
        return
    dst = dst_root / rel
    src = src_root / rel
    if src.is_symlink():
        dst.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(os.readlink(src), dst)
        return
    if _link_into(src, dst):
        return
    import shutil  # only where a link cannot be made

    shutil.copy2(src, dst)
    try:
        fd = os.open(dst, os.O_RDONLY)
    except OSError:  # pragma: no cover - a copy its owner may not read
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _link_into(src: Path, dst: Path) -> bool:
    """Give the new tree's `dst` the very file `src` (a hard link, its folder made
    first); False where no link can be made (a file system without hard links,
    someone else's file under `protected_hardlinks`, `src` gone)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        return False
    return True


def _link_unchanged(src_root: Path, dst_root: Path, plan: Plan) -> set[str]:
    """Put every file the plan leaves unchanged into the new tree as the same file
    (a hard link), as a file bkrc did not write is kept: it keeps its owner, mode,
    times and other links, and its bytes, read by the plan, are already on disk.
    Returns the paths linked; a file that cannot be linked (or is no longer a
    regular file) is left to be written afresh, with its permissions
    (`_write_generated`). Should it be changed between the plan and the link,
    the change is kept, not lost, and the next compile reports it as drift."""
    linked = set()
    for action in plan.actions:
        src = src_root / action.path
        if action.action == KEEP and _regular_stat(src) and _link_into(src, dst_root / action.path):
            linked.add(action.path)
    return linked


def _keep_folder_modes(src_root: Path, dst_root: Path) -> None:
    """Give every folder of the new tree that DIR already has DIR's folder's
    mode (a private folder of the user's stays private, a read-only one
    read-only). Called once every file is written, deepest folders first.
    A first compile (no DIR yet) has none to take: the new tree is not walked."""
    if not os.path.isdir(src_root):
        return
    modes = []
    for root, _dirs, _files in os.walk(dst_root):  # never into a symlinked folder
        if root == str(dst_root):
            continue
        try:
            st = os.stat(src_root / os.path.relpath(root, dst_root), follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISDIR(st.st_mode):
            modes.append((root, stat.S_IMODE(st.st_mode)))
    for folder, mode in sorted(modes, key=lambda fm: fm[0].count(os.sep), reverse=True):
        os.chmod(folder, mode)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - someone else's process
        return True
    return True


def _remove_tree(path: Path) -> OSError | None:
    """Remove a temporary folder, even one holding folders without write
    permission (a read-only member folder swapped out of DIR, or a read-only DIR
    that an earlier bkrc swapped out and a kill left beside it): shutil.rmtree alone fails on them and, ignoring errors, would
    leave the old tree beside DIR for good. Anything else it cannot remove is
    left (the next compile tries again), and the error that stopped it returned."""

    top = os.fspath(path)

    def retry(func, name, _exc) -> None:
        folder = os.path.dirname(name) if func in (os.unlink, os.rmdir) else name
        if folder != top and not folder.startswith(top + os.sep):
            return  # never change a mode outside the temporary folder (its parent's)
        if os.path.islink(folder):
            return
        try:
            os.chmod(folder, os.stat(folder, follow_symlinks=False).st_mode | 0o700)
            if func in (os.unlink, os.rmdir):
                func(name)
        except OSError:
            pass

    if os.path.islink(path):
        return None
    import shutil  # here: a compile into a new DIR, or one up to date, removes no tree

    handler = {"onexc": retry} if sys.version_info >= (3, 12) else {"onerror": retry}
    # By its text: rmtree names the top as it was given, and `retry` compares
    # names as text (a Path there raised AttributeError: a traceback, the old
    # tree left, when the top could not be listed, DIR's mode 0300 say).
    shutil.rmtree(top, **handler)
    if os.path.lexists(path):  # a folder that could not be read until its mode was changed
        try:
            shutil.rmtree(path)
        except OSError as err:  # what stops it still (an immutable file, `chattr +i`)
            return err
    return None


#: The longest DIR name (in bytes) that the temporary folder's name holds whole.
#: That name adds up to 27 bytes to it (`.`, `.bkrc-new-`, a process ID of up to
#: 7 digits, `-` and `_new_folder`'s 8 characters), and a file name has at most 255
#: (NAME_MAX): a longer DIR name is cut, with a hash of the whole name, so that
#: the temporary folder of a DIR of 230-255 bytes can be made, and belongs to
#: that DIR alone.
_NAME_KEPT = 200


def _temp_prefix(out_dir: Path) -> str:
    name = out_dir.name
    raw = os.fsencode(name)
    if len(raw) > _NAME_KEPT:
        digest = hashlib.sha256(raw).hexdigest()[:8]
        while len(os.fsencode(name)) > _NAME_KEPT - 9:
            name = name[:-1]
        name = f"{name}~{digest}"
    return f".{name}{TEMP_MARK}"


def _leftovers(out_dir: Path, *, others: bool = False) -> list[tuple[Path, str, int]]:
    """(path, role, pid) of temporary folders earlier runs left beside out_dir
    (beside its target, when it is a symbolic link: `swapped_folder`). With
    `others`, those of the name that belong to another user instead, which no
    compile of this user's touches (`others_leftovers`)."""
    out_dir = swapped_folder(out_dir)
    prefix = _temp_prefix(out_dir)
    found = []
    try:
        # Names first: the folder that holds DIR may hold thousands of entries
        # (a Path made and compared for each cost more than the listing), and
        # every compile looks here twice (before its plan, and before it writes).
        # A real folder only: a symbolic link of that name is not a compile's (it
        # would be put in DIR's place, or said removed and left), and stays. And
        # one of this user's: in a folder others may write (a team's share, /tmp),
        # a folder another user made with that name is no compile's of this user,
        # and is never put in DIR's place (its files would be deployed as bkrc's)
        # nor removed (`_own_folder`).
        with os.scandir(out_dir.parent) as entries:
            names = sorted(
                entry.name
                for entry in entries
                if entry.name.startswith(prefix) and _real_folder(entry) and _own_folder(entry) != others
            )
    except OSError:
        return []
    for name in names:
        path = out_dir.parent / name
        role, _, rest = name[len(prefix) :].partition("-")
        pid = rest.partition("-")[0]
        if role in ("new", "old") and pid.isdigit():
            found.append((path, role, int(pid)))
    return found


def others_leftovers(out_dir: Path) -> list[str]:
    """A `warning:` line for each folder beside DIR named as a compile's temporary
    folder that belongs to another user: a compile of that user's left it (killed)
    or is writing it now. bkrc removes only its own user's (`_leftovers`: another
    user's is never put in DIR's place nor removed), so without a word such a
    folder stays there and takes room, and a sysprog wonders why the disk fills.
    Each names its owner, whether the process that made it still runs, and how to
    erase it once that user's compile has ended (stop 80)."""
    lines = []
    for path, _role, pid in _leftovers(out_dir, others=True):
        try:
            uid = path.lstat().st_uid
        except OSError:
            continue  # gone meanwhile: nothing to say
        owner = _user_name(uid)
        who = f"user {escaped(owner)} (uid {uid})" if owner else f"uid {uid} (no user of that ID here)"
        if _pid_alive(pid):
            made = f"made by a compile of that user's whose process {pid} still runs (it may be writing it now)"
        else:
            made = f"left by a compile of that user's that was killed (process {pid} is gone)"
        lines.append(
            f"warning: {escaped(path.name)} beside {escaped(out_dir)} belongs to {who}, {made}; bkrc removes only"
            f" its own user's, so it stays, taking room: once that compile has ended, {escaped(owner) if owner else 'that user'}"
            f" (or root) can erase it: rm -r -- {escaped(shlex.quote(str(path)))}"
        )
    return lines


def _user_name(uid: int) -> str | None:
    """The login name of `uid`, None where the system has none for it (or no `pwd`)."""
    try:
        import pwd
    except ImportError:  # pragma: no cover - not POSIX
        return None
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return None


class WriteLock:
    """One compile at a time writes beside a folder: an exclusive `flock` on the
    folder that holds DIR, from before the plan is made until the write is
    reported. A second compile of the same DIR (two CI jobs, `make -j`) waits,
    then plans against what the first wrote, so its report is true and neither
    swaps its tree over the other's half-way. The lock goes with the process
    (a kill never leaves it behind) and needs no file of its own. Where `flock`
    is missing (Windows) or the folder cannot be opened, there is no lock, as
    before. `waiting` is called once if another compile holds it.

    `shared` (--dry-run and --check, which read DIR): a shared `flock`, which
    waits while a compile writes and lets other readers in, so that the plan
    reads one tree, the one the last compile wrote, never a tree about to be
    swapped out nor a mix of two. It creates nothing: a folder that holds DIR
    and is missing gets no lock (no compile writes there)."""

    def __init__(self, out_dir: Path, waiting=None, *, shared: bool = False) -> None:
        self._fd: int | None = None
        #: True once the lock is held: no other compile is writing beside DIR, so
        #: every folder one left there is a killed one's (`recover(locked=True)`).
        self.held = False
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            return
        # The folder that holds the DIR `write` swaps (`swapped_folder`), so two
        # compiles, one through a link and one by the real name, take turns.
        parent = os.fspath(swapped_folder(out_dir).parent)
        how = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        try:
            if not shared:
                os.makedirs(parent, exist_ok=True)
            self._fd = os.open(parent, os.O_RDONLY)
        except OSError:
            return  # the write reports what stops it (a reader: nothing to wait for)
        try:
            fcntl.flock(self._fd, how | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting is not None:
                waiting(parent)
            try:
                fcntl.flock(self._fd, how)
            except BaseException:
                self.close()
                raise
        except OSError:  # pragma: no cover - a file system without locks
            return
        self.held = True

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # lets go of the lock
            self._fd = None


def refuse_current_folder(out_dir: Path) -> None:
    """Raise OutputError when out_dir is the current folder or holds it: the swap
    would move the folder this process (and the shell that started it) is in out
    of DIR's place and remove it, leaving the shell in a deleted folder whose
    files seem gone."""
    try:
        here = os.path.realpath(os.getcwd())
    except FileNotFoundError:
        return  # compile's FileNotFoundError handler says what to do
    target = os.path.realpath(out_dir)
    if here == target or here.startswith(target.rstrip(os.sep) + os.sep):
        what = "the current folder" if here == target else f"a folder that holds the current folder ({here})"
        raise OutputError(
            f"{escaped(out_dir)} is {what}: bkrc replaces DIR as a whole, which would leave this shell in a"
            " deleted folder; run bkrc from outside it (`cd ..`), naming DIR from there; nothing written"
        )


def _recovery(out_dir: Path, locked: bool = False) -> tuple[Path | None, list[Path]]:
    """What `recover` does beside out_dir: (the folder it puts back in out_dir's
    place, or None; the folders it removes), of runs that are no longer alive.
    With `locked` (this process holds the `WriteLock`), every run that left a
    folder is over: its process ID, alive, is another program's (IDs are
    reused, soon in a container), and the folder is removed all the same."""
    put_back, removed = None, []
    out_dir = swapped_folder(out_dir)
    for path, role, pid in _leftovers(out_dir):
        if not locked and _pid_alive(pid) and pid != os.getpid():
            continue
        if role == "old" and put_back is None and not os.path.lexists(out_dir):
            put_back = path  # killed between the two renames of the fallback swap
        else:
            removed.append(path)
    return put_back, removed


def recover(out_dir: Path, *, locked: bool = False) -> list[str]:
    """Tidy up after a run that was killed: put back a folder it had moved aside,
    remove the temporary folders of runs that are no longer alive (`_recovery`).
    Returns a line for each, to print (`bkrc compile` says what it tidied, as a
    dry run's plan does: `_recovery_lines`); a folder that could not be removed
    is a `warning:` line (the next compile tries again)."""
    put_back, removed = _recovery(out_dir, locked)
    done = []
    if put_back is not None:
        try:
            os.rename(put_back, swapped_folder(out_dir))
        except OSError as err:
            raise OutputError(
                f"{escaped(out_dir)}: cannot put back {escaped(put_back.name)}: {err.strerror or err}; a killed compile moved"
                f" {escaped(out_dir)} there: move it back (`mv {escaped(put_back)} {escaped(swapped_folder(out_dir))}`), then compile"
                " again; nothing written"
            ) from None
        done.append(f"put {escaped(out_dir)} back from {escaped(put_back.name)}, where a killed compile had moved it")
    for path in removed:
        err = _remove_tree(path)
        if err is None:
            done.append(f"removed {escaped(path.name)}, which a killed compile left beside {escaped(out_dir)}")
        else:
            done.append(
                f"warning: {escaped(path.name)}, which a killed compile left beside {escaped(out_dir)}, could not be removed:"
                f" {err.strerror or err}{f' ({err.filename})' if err.filename else ''}; remove it by hand"
            )
    return done


#: renameat2's flags (linux/fs.h).
_RENAME_NOREPLACE, _RENAME_EXCHANGE = 1, 2


def _renameat2(a: Path, b: Path, flags: int) -> bool:
    """Linux renameat2 of a to b with `flags`; False where unsupported (not Linux,
    or a file system without the flag). Its error raised as OSError."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # pragma: no cover - not Linux/glibc
        return False
    at_fdcwd = -100
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), flags) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # pragma: no cover - fs without the flag
        return False
    raise OSError(err, os.strerror(err), str(b))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2); False where unsupported."""
    return _renameat2(a, b, _RENAME_EXCHANGE)


def _move_in(new: Path, out_dir: Path) -> bool:
    """Rename `new` to out_dir, which was missing a moment ago; False when out_dir
    is there after all (another program created it meanwhile: a folder, even
    an empty one, is never replaced without a look at what it holds). Atomic
    on Linux (RENAME_NOREPLACE); elsewhere os.rename, which would replace an
    empty folder created in between (nothing is in it to lose)."""
    try:
        if _renameat2(new, out_dir, _RENAME_NOREPLACE):
            return True
        os.rename(new, out_dir)
    except OSError as err:
        if err.errno in (errno.EEXIST, errno.ENOTEMPTY, errno.ENOTDIR, errno.EISDIR) and os.path.lexists(out_dir):
            return False
        raise
    return True


def swap(new: Path, out_dir: Path) -> Path | None:
    """Put folder `new` in out_dir's place. Returns where the old folder went (to
    remove, once `write` has looked at it again: `_undo_if_changed`), None when
    there was none."""
    if not os.path.lexists(out_dir) and _move_in(new, out_dir):
        return None
    if _exchange(new, out_dir):
        return new
    aside = new.with_name(new.name.replace(f"{TEMP_MARK}new-", f"{TEMP_MARK}old-", 1))
    os.rename(out_dir, aside)
    try:
        os.rename(new, out_dir)
    except BaseException:
        os.rename(aside, out_dir)
        raise
    return aside


def _swap_back(old: Path, new: Path, out_dir: Path) -> None:
    """Undo `swap`: the old tree (at `old`) back in out_dir's place, the new one back
    at `new`. One exchange when the swap was one (`old` is `new`'s name);
    else the fallback's two renames, in reverse (a kill between them leaves
    the old tree at `old`, a `.bkrc-old-` folder the next compile puts back)."""
    if old == new:
        if not _exchange(old, out_dir):  # pragma: no cover - the swap was an exchange
            raise OSError(errno.EOPNOTSUPP, os.strerror(errno.EOPNOTSUPP), str(out_dir))
        return
    os.rename(out_dir, new)
    os.rename(old, out_dir)


def _folder_mode(out_dir: Path) -> int:
    try:
        return out_dir.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o777 & ~umask


def _in_out_dir(err: OSError, temp: Path, out_dir: Path) -> Path:
    """The path an error names, as the user knows it: inside DIR rather than inside
    the temporary folder; DIR itself when the error names no path."""
    name = err.filename if isinstance(err.filename, str) else None
    if not name:
        return out_dir
    try:
        return out_dir / Path(name).relative_to(temp)
    except ValueError:
        return Path(name)


def _why(err: OSError, out_dir: Path) -> str:
    """What stops the folder's creation, naming the path at fault when it is
    another (a file where a folder of the path must be)."""
    for above in out_dir.parents:
        if os.path.lexists(above):
            if not os.path.isdir(above):
                return f"{above} is a file, not a folder"
            break
    where = err.filename
    why = err.strerror or str(err)
    beside = f"bkrc builds the new folder beside {escaped(out_dir.name)} and then puts it in its place"
    if where and os.path.dirname(os.path.abspath(where)) == str(out_dir.parent) and err.errno in _REFUSED:
        # The hidden temporary folder beside DIR: its name would mean nothing to the user.
        needs = (
            f"{escaped(out_dir.parent)} must be on a file system mounted read-write"
            if err.errno == errno.EROFS
            else f"it needs write permission on {escaped(out_dir.parent)}"
        )
        return f"{why} in {escaped(out_dir.parent)}: {beside}, so {needs}"
    temp = os.path.join(out_dir.parent, f"{_temp_prefix(out_dir)}new-")
    if where and err.errno in _NO_FOLDERS and os.path.abspath(where).startswith(temp):
        # A file system that takes no folder but its own: /proc answers root
        # "No such file or directory", where the name means nothing either.
        return (
            f"{escaped(out_dir.parent)} takes no new folder (creating one there: {why}): {beside},"
            f" so it must be a folder of a file system that holds files"
        )
    return f"{why}: {escaped(where)}" if where and os.path.abspath(where) != str(out_dir) else why


#: Errors that mean "not allowed to write here".
_REFUSED = {errno.EACCES, errno.EPERM, errno.EROFS}

#: Errors of a folder's creation that mean "no folder can be created here" (/proc,
#: a file system of the kernel's, answers root ENOENT).
_NO_FOLDERS = {errno.ENOENT, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL}

#: Errors that mean "no room": the new files stand beside the old ones until the swap.
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT}


class Commit:
    """A write's progress, for a caller that answers Ctrl-C (`bkrc compile`;
    `bkrc fmt` holds Ctrl-C back with it while it replaces a file and reports it).

    `done` turns True once DIR holds the new tree. From just before the swap,
    Ctrl-C is held back: the swap and the removal of the old tree (or of the
    temporary folder after an error) are never cut short, so an interrupt never
    leaves DIR half swapped or a half-removed folder beside it. A SIGINT in
    between sets `interrupted` instead of raising KeyboardInterrupt. `write`
    lets go of Ctrl-C when it returns, unless the caller passed its own Commit:
    then the caller calls `release()`, once it has reported the write (so a
    Ctrl-C cannot fall between the write and its report either).

    SIGTERM and SIGHUP are held back the same way when bkrc answers them (`raise_terminated`, `raise_hung_up`);
    `signum` then says which signal came, and `reraise()` raises it as the
    exception it would have been.

    Only the main thread receives SIGINT, and only Python's default handler
    (which raises KeyboardInterrupt) is replaced: a program that set its own
    handler keeps it."""

    #: Each signal held back, with the handler that raises it.
    HELD = (
        (signal.SIGINT, signal.default_int_handler),
        (signal.SIGTERM, raise_terminated),
        *(((signal.SIGHUP, raise_hung_up),) if hasattr(signal, "SIGHUP") else ()),
    )

    def __init__(self) -> None:
        self.done = False
        self.interrupted = False
        self.signum: int | None = None
        self._previous: dict = {}

    def _note(self, signum, frame) -> None:
        self.interrupted = True
        self.signum = self.signum or signum

    def hold(self) -> None:
        """Hold Ctrl-C back (holding it again is harmless)."""
        if self._previous or threading.current_thread() is not threading.main_thread():
            return
        for signum, handler in self.HELD:
            if signal.getsignal(signum) is handler:
                self._previous[signum] = signal.signal(signum, self._note)

    def release(self) -> None:
        for signum, previous in self._previous.items():
            put(signum, previous)  # let go until the end where bkrc answers a signal (`signals.answering`)
        self._previous = {}

    def reraise(self) -> None:
        """Raise the interrupt held back (KeyboardInterrupt, Terminated for SIGTERM, HungUp for SIGHUP)."""
        if self.signum == getattr(signal, "SIGHUP", None):
            raise HungUp
        raise Terminated if self.signum == signal.SIGTERM else KeyboardInterrupt

    def __enter__(self) -> Self:
        self.hold()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def swapped_folder(out_dir: Path) -> Path:
    """The folder `write` replaces, absolute: DIR, or where DIR points when it is a
    symbolic link (the link stays, its target is replaced, the new folder built
    beside the target, and a killed run's leftovers are found there)."""
    out_dir = Path(os.path.abspath(out_dir))
    # os.path.islink: a folder on the path bkrc may not enter is the plan's to name.
    return Path(os.path.realpath(out_dir)) if os.path.islink(out_dir) else out_dir


def _refuse_mount_point(plan: Plan) -> Path:
    """The folder `write` replaces (absolute, a symbolic link followed); OutputError
    when it is a mount point, which cannot be renamed."""
    out_dir = swapped_folder(plan.out_dir)
    if os.path.ismount(out_dir):
        raise OutputError(
            f"{escaped(plan.out_dir)} is a mount point: bkrc writes the new folder beside DIR and renames it"
            " into DIR's place, and a mount point cannot be renamed; name a folder inside it"
            f" (-o {os.path.join(plan.out_dir, 'out')}); nothing written"
        )
    inside = _mount_points_in(out_dir)
    if inside:
        shown = os.path.join(plan.out_dir, os.path.relpath(inside[0], out_dir))
        more = f" (and {len(inside) - 1} more)" if len(inside) > 1 else ""
        raise OutputError(
            f"{escaped(shown)} is a mount point inside {escaped(plan.out_dir)}{more}: bkrc replaces DIR as a whole,"
            f" so the mounted file system would leave {escaped(plan.out_dir)} with the old folder, and what"
            " bkrc keeps there be taken off it; unmount it, or mount it outside DIR; nothing written"
        )
    return out_dir


def _mount_points_in(out_dir: Path) -> list[str]:
    """The folders inside out_dir (symbolic links not followed) that are mount points."""
    found = []
    for root, dirs, _files in os.walk(out_dir):
        for name in dirs:
            path = os.path.join(root, name)
            if os.path.ismount(path):
                found.append(path)
        dirs[:] = [d for d in dirs if os.path.join(root, d) not in found]
    return sorted(found)


def preflight(plan: Plan) -> Path:
    """Raise the OutputError that would stop `write` from carrying the plan out,
    without writing anything; return the folder `write` replaces (absolute, a
    symbolic link followed). `write` runs it first, so a compile stops before it
    builds anything, and `--dry-run` and `--check` say what the compile would.

    `write` creates its temporary folder beside DIR (and the folders above DIR
    that are missing), writes the whole new tree there, then renames it into
    DIR's place. So: DIR must not be a mount point nor hold one; the nearest
    folder above DIR that exists must be one this process may write to and
    enter, on a file system that is not read-only, and not immutable (nor,
    when it holds DIR, append-only: `chattr +a` lets a folder's entries be
    created but not renamed); DIR itself must not be immutable or append-only
    (neither can be renamed), nor hold an immutable or append-only file or
    folder (`_refuse_fixed_inside`: its files are linked into the new folder,
    and the old one removed); and the file system must have room for every new
    file (`_room_needed`). Permissions are asked of the system (`access`, for
    the effective user: root passes unless it lacks the capability), so the
    message names the path the failing call would have named. Each look is one
    system call or two; in DIR, its folders are looked at (for mount points),
    and each entry's flags asked (an open and an ioctl)."""
    out_dir = _refuse_mount_point(plan)
    _refuse_read_only(plan, plan.put_back or out_dir)
    folder, missing = out_dir.parent, None
    while not os.path.lexists(folder) and folder != folder.parent:
        folder, missing = folder.parent, folder
    # The path a refused mkdir would name: the first missing folder, else
    # the temporary folder beside DIR.
    named = str(missing or folder / f"{_temp_prefix(out_dir)}new-{os.getpid()}-")
    if not os.path.isdir(folder):
        err = NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), named)
        raise OutputError(f"{escaped(out_dir)}: cannot write: {_why(err, out_dir)}")
    fs = _statvfs(folder)
    if fs is not None and fs.f_flag & os.ST_RDONLY:
        err = OSError(errno.EROFS, os.strerror(errno.EROFS), named)
        raise OutputError(f"{escaped(out_dir)}: cannot write: {_why(err, out_dir)}")
    _refuse_fixed(folder, out_dir, creates=missing)  # before `access`, which says only "no" to it
    effective = os.access in os.supports_effective_ids
    if not os.access(folder, os.W_OK | os.X_OK, effective_ids=effective):
        err = PermissionError(errno.EACCES, os.strerror(errno.EACCES), named)
        raise OutputError(f"{escaped(out_dir)}: cannot write: {_why(err, out_dir)}")
    present = plan.put_back or out_dir  # what stands in DIR's place once `recover` has run
    if os.path.isdir(present):
        _refuse_fixed(present, present)
        _refuse_fixed_inside(present, out_dir)
        _refuse_sticky(present)
    if fs is not None:
        _refuse_no_room(plan, fs, folder, out_dir)
    return out_dir


def _refuse_read_only(plan: Plan, present: Path) -> None:
    """Raise OutputError when `present` (DIR, or the folder `recover` puts back in
    its place) is a folder whose owner may not write it (`chmod 555 out`): someone
    made the deployed folder read-only, and bkrc leaves it so, as `replace_file`
    leaves a read-only file. The swap would replace it all the same whenever the
    folder that holds it is writable (renaming a folder within its parent needs no
    write permission on the folder itself), and always for root; so the mode bit is
    read, not `access`. Only a plan that changes DIR gets here: an up-to-date DIR
    is never touched, read-only or not. A read-only folder inside DIR that holds
    a file the plan changes is refused the same way (`_read_only_folders_changed`).
    The files in DIR keep their own modes (a 0444 generated file is rewritten,
    mode kept: docs/output.md "Modes")."""
    try:
        mode = os.stat(present).st_mode
    except OSError:
        return  # not there yet (a first compile), or not ours to judge: the write finds out
    if not stat.S_ISDIR(mode):
        return
    named = str(plan.out_dir if present == swapped_folder(plan.out_dir) else present)
    if not mode & stat.S_IWUSR:
        raise OutputError(_read_only_line([named], mode))
    frozen = _read_only_folders_changed(plan, present)
    if frozen:
        shown = [os.path.join(named, rel) for rel, _ in frozen]
        raise OutputError(_read_only_line(shown, frozen[0][1]))


def _read_only_folders_changed(plan: Plan, present: Path) -> list[tuple[str, int]]:
    """The folders inside `present` (relative, sorted, each with its mode) whose
    owner may not write them (`chmod 555 out/VMSYS1`) and that hold, at any depth,
    a file the plan creates, rewrites or deletes: a member's folder frozen so means
    "do not touch this member's files", as a read-only DIR means it of them all.
    A folder whose files all stay as they are is not judged (the swap keeps it,
    mode and all); nor is a folder the plan would create, or one that is no
    folder (a symbolic link: `_obstacles` says what stands in the way)."""
    judged: dict[str, int | None] = {}
    for a in plan.actions:
        if a.action == "unchanged":
            continue
        for rel in _folders_of(a.path):
            if rel not in judged:
                try:
                    st = os.lstat(os.path.join(present, rel))
                except OSError:
                    st = None
                judged[rel] = st.st_mode if st and stat.S_ISDIR(st.st_mode) else None
    return sorted((rel, mode) for rel, mode in judged.items() if mode is not None and not mode & stat.S_IWUSR)


def _read_only_line(named: list[str], mode: int) -> str:
    """The refusal of read-only folders: DIR, or the folders in it that hold a file
    the compile changes (the first one's mode shown), with the `chmod` that lets
    bkrc write them."""
    more = f" (and {len(named) - 1} more)" if len(named) > 1 else ""
    quoted = " ".join(escaped(shlex.quote(n)) for n in named)
    return (
        f"{escaped(named[0])}{more}: cannot write: the folder is read-only (mode {stat.S_IMODE(mode):04o}), so bkrc"
        f" leaves it as it is; make it writable (`chmod u+w {quoted}`) to let bkrc replace it; nothing written"
    )


def _statvfs(folder: Path) -> os.statvfs_result | None:
    try:
        return os.statvfs(folder)
    except (OSError, AttributeError):  # pragma: no cover - no statvfs (Windows)
        return None


#: `chattr` flags (linux/fs.h) that stop the write: an immutable folder's entries
#: cannot be created, renamed or removed, nor the folder renamed; an append-only
#: folder's entries can be created but not renamed or removed, nor the folder renamed.
FS_IMMUTABLE_FL, FS_APPEND_FL = 0x10, 0x20

#: Machines whose ioctl numbers have the generic layout (read = 2 in the top two
#: bits): FS_IOC_GETFLAGS is _IOR('f', 1, long) there. Elsewhere (PowerPC, MIPS,
#: SPARC) the same number means another request, so the flags are not asked.
_GENERIC_IOCTL = ("x86_64", "i386", "i486", "i586", "i686", "aarch64", "arm", "s390", "riscv", "loongarch")


def _fs_flags(path: Path | str, *, folder: bool = True) -> int:
    """The `chattr` flags (FS_IOC_GETFLAGS) of a folder, or of a regular file
    (`folder` False); 0 where they cannot be asked (not Linux, a file system
    without them, an entry this process may not open, or that is no longer what
    it was): the write then finds out for itself, as before. A file that is a
    symbolic link is not followed (a link has no flags of its own)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return 0
    machine = os.uname().machine
    if sys.platform != "linux" or not machine.startswith(_GENERIC_IOCTL):
        return 0  # pragma: no cover - not Linux, or not the generic ioctl layout
    size_of_long = 8 if sys.maxsize > 2**32 else 4
    request = (2 << 30) | (size_of_long << 16) | (ord("f") << 8) | 1
    try:
        # A folder named by the user may be a link to one (O_DIRECTORY follows it);
        # a file is one found in DIR, where a link is never followed.
        kind = os.O_DIRECTORY if folder else getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(path, os.O_RDONLY | kind | os.O_NONBLOCK)
    except OSError:
        return 0
    try:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            return 0  # it changed since it was listed: never an ioctl to a device
        buffer = bytearray(size_of_long)
        fcntl.ioctl(fd, request, buffer, True)
    except OSError:  # ENOTTY: a file system without flags (tmpfs before Linux 6.0)
        return 0
    finally:
        os.close(fd)
    return int.from_bytes(buffer[:4], sys.byteorder)  # the kernel writes an int


def _refuse_fixed(folder: Path, out_dir: Path, *, creates: Path | None = None) -> None:
    """Raise OutputError when `folder` (DIR, or the folder bkrc builds its new one
    in) is immutable, or append-only where that stops the write: DIR, or the
    folder that holds it (`creates` None); a missing folder above DIR (`creates`)
    can be made in an append-only one."""
    flags = _fs_flags(folder)
    if flags & FS_IMMUTABLE_FL:
        what, letter = "immutable", "i"
    elif flags & FS_APPEND_FL and creates is None:
        what, letter = "append-only", "a"
    else:
        return
    if folder == out_dir:
        why = f"an {what} folder cannot be renamed, and bkrc renames the new folder it builds into its place"
    elif creates is not None:
        why = f"nothing can be created in it, and bkrc must create {creates}"
    elif letter == "i":
        why = f"nothing can be created in it, and bkrc builds the new folder beside {escaped(out_dir.name)} there"
    else:
        why = (
            f"nothing in it can be renamed, and bkrc renames the new folder it builds there"
            f" into {escaped(out_dir.name)}'s place"
        )
    raise OutputError(
        f"{escaped(out_dir)}: cannot write: {escaped(folder)} is {what} (`chattr +{letter}`): {why};"
        f" `chattr -{letter} {escaped(folder)}` (as root) lets bkrc write; nothing written"
    )


def fixed_entries(root: Path) -> list[tuple[Path, str]]:
    """Every file and folder inside `root` (symbolic links not followed, `root`
    left out) that is immutable or append-only, with the flag's letter ("i" or
    "a"), in path order: such an entry can be neither hard-linked (link(2)
    refuses the file) nor removed, nor can anything in such a folder. One open
    and one ioctl per entry (`_fs_flags`); none found where the flags cannot be
    asked."""
    found = []
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return []  # the plan has listed DIR; the write finds out for itself
    for entry in entries:
        try:
            folder = entry.is_dir(follow_symlinks=False)
            regular = entry.is_file(follow_symlinks=False)
        except OSError:
            continue
        if not (folder or regular):
            continue
        flags = _fs_flags(entry.path, folder=folder)
        if flags & (FS_IMMUTABLE_FL | FS_APPEND_FL):
            found.append((Path(entry.path), "i" if flags & FS_IMMUTABLE_FL else "a"))
        if folder:
            found.extend(fixed_entries(Path(entry.path)))
    return found


def _refuse_fixed_inside(present: Path, out_dir: Path) -> None:
    """Raise OutputError when a file or folder in `present` (DIR, or the folder
    `recover` puts back in its place) is immutable or append-only
    (`fixed_entries`): the compile links each file it keeps into the new folder
    and removes the old tree after the swap, and neither can be done to it. It
    used to write a copy without the flag in DIR and leave the old tree beside
    it, the flag lost; now nothing is written, and the entry is named."""
    found = fixed_entries(present)
    if not found:
        return
    path, letter = found[0]
    what = _flag_word(letter)
    if path.is_dir() and not path.is_symlink():
        why = f"an {what} folder cannot be removed, nor anything in it"
    else:
        why = f"an {what} file can be neither linked nor removed"
    more = f" (and {len(found) - 1} more: `lsattr -R {escaped(out_dir)}` lists them)" if len(found) > 1 else ""
    raise OutputError(
        f"{escaped(out_dir)}: cannot write: {escaped(path)} is {what} (`chattr +{letter}`){more}: bkrc links each file"
        f" it keeps into the new folder it builds beside {escaped(out_dir.name)}, and removes the old folder once"
        f" the new one is in its place; {why}; `chattr -{letter} {escaped(path)}` (as root) lets bkrc write;"
        " nothing written"
    )


def _refuse_sticky(out_dir: Path) -> None:
    """Raise OutputError when DIR is another user's, in a folder with the sticky
    bit (`/tmp`, mode 1777): there only DIR's owner, the folder's owner or root
    may rename DIR, which the swap does (the new folder would be built, then
    refused its place)."""
    euid = os.geteuid() if hasattr(os, "geteuid") else 0
    if euid == 0:
        return
    try:
        held, holder = os.stat(out_dir), os.stat(out_dir.parent)
    except OSError:
        return  # the write finds out for itself
    if not holder.st_mode & stat.S_ISVTX or euid in (held.st_uid, holder.st_uid):
        return
    raise OutputError(
        f"{escaped(out_dir)}: cannot write: it belongs to another user (uid {held.st_uid}), in {escaped(out_dir.parent)},"
        f" a folder with the sticky bit (mode {stat.S_IMODE(holder.st_mode):04o}), where only its owner,"
        f" the folder's owner or root may rename it, and bkrc renames the new folder it builds into its"
        " place; compile into a folder of your own, or as its owner; nothing written"
    )


def _room_needed(plan: Plan, block: int) -> tuple[int, int]:
    """(bytes, entries) the new folder takes at the least, each file rounded up to
    whole blocks of `block` bytes: every file bkrc creates or rewrites is written
    whole while DIR still holds the old ones, so the new files count, not only the
    change. A file the plan leaves unchanged and a file bkrc did not write are
    hard-linked (no room, `_link_unchanged`, `_copy_preserved`), and folders are
    left out, so this is not above what the write needs, except on a file system
    that compresses files or keeps small ones in their metadata (ZFS, btrfs)."""
    written = [a for a in plan.actions if a.action != DELETE]
    sizes = [sum(map(len, a.artifact.chunks)) for a in written if a.artifact is not None and a.action != KEEP]
    sizes.append(len(plan.manifest.encode("utf-8")))
    size = sum(-(-n // block) * block for n in sizes)  # -(-n // b): n / b rounded up
    folders = {a.path.rpartition("/")[0] for a in written}  # the folders that hold files, at the least
    return size, len(written) + len(folders)  # with "" for the new folder itself


def _room_freed(leftovers: list[Path]) -> tuple[int, int]:
    """(bytes, entries) that removing `leftovers` (`recover`, which the compile runs
    before it writes) gives back: the blocks of each file none of whose links
    is elsewhere (a file a killed compile linked from DIR frees nothing), and
    every entry. (A leftover that `recover` cannot remove is in `Plan.stuck`.)"""
    size, entries = 0, 0
    links: dict[tuple[int, int], int] = {}
    found: dict[tuple[int, int], os.stat_result] = {}
    for top in leftovers:
        for root, dirs, files in os.walk(top):  # never into a symlinked folder
            entries += 1
            for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
                try:
                    st = os.lstat(os.path.join(root, name))
                except OSError:
                    continue
                key = (st.st_dev, st.st_ino)
                links[key] = links.get(key, 0) + 1
                found[key] = st
    for key, st in found.items():
        if links[key] >= st.st_nlink:
            entries += 1
            size += getattr(st, "st_blocks", 0) * 512
    return size, entries


def _refuse_no_room(plan: Plan, fs: os.statvfs_result, folder: Path, out_dir: Path) -> None:
    """Raise OutputError when the file system of `folder` (where the new folder is
    built) has less room than `_room_needed`: free blocks and files, as many as
    this process may take (root may take the blocks kept for it). A file system
    that counts no blocks (`f_blocks` 0: /proc, /sys, a tmpfs mounted with
    `size=0`, which has no limit) says nothing about its room: the write finds
    out for itself, and names the system's own reason (`_why`)."""
    if fs.f_blocks == 0:
        return
    size, entries = _room_needed(plan, max(fs.f_frsize, 1))
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    freed_bytes, freed_files = _room_freed(plan.leftovers)
    free = (fs.f_bfree if root else fs.f_bavail) * fs.f_frsize + freed_bytes
    files = (fs.f_ffree if root else fs.f_favail) + freed_files
    if size > free:
        short = f"the new files take {size:,} bytes or more and {escaped(folder)}'s file system has {free:,} free"
    elif fs.f_files and entries > files:  # a file system without a count of files says 0
        short = (
            f"the new folder holds {entries:,} files and folders and {escaped(folder)}'s file system"
            f" has room for {files:,} more"
        )
    else:
        return
    raise OutputError(
        f"{escaped(out_dir)}: cannot write: not enough room: {short} (bkrc builds the complete new folder"
        f" beside {escaped(out_dir.name)} before it replaces it, so the disk needs room for the new files beside the old ones);"
        " nothing written"
    )


def write(
    plan: Plan,
    *,
    force: bool = False,
    commit: Commit | None = None,
    before_swap: Callable[[], None] | None = None,
    before_check: Callable[[], None] | None = None,
) -> list[str]:
    """Carry the plan out, all or nothing. Raises OutputError; DIR is then untouched.
    Returns the warnings to print after the report (`not_removed_message`).

    `before_swap` is called once the new folder is complete, Ctrl-C already
    held back, just before the swap: `bkrc compile` prints its report there, so
    that a standard output that cannot take it stops the write with DIR as it
    was, and a Ctrl-C while it prints comes after the swap, as one after the
    report did. An OSError it raises comes out as ReportError, the temporary
    folder removed; any other exception as itself, the same way.

    Before that, the new folder is compared with DIR (`changed_meanwhile`): a
    file another program wrote in DIR since the plan looked stops the write
    (OutputError, DIR as it is), since the swap would lose it. `before_check`
    (for tests) is called just before that comparison. After the swap, the
    old tree is compared once more before it is removed, and a change made in
    the instant before the swap puts it back (`_undo_if_changed`). On a first
    compile, a DIR another program created meanwhile is named as having
    appeared (`Plan.missing`), never replaced nor merged with.

    A KeyboardInterrupt (Ctrl-C) while the new folder is being built leaves
    DIR untouched too, and nothing beside it. From the swap on, Ctrl-C waits
    until DIR holds the new tree and the old one is removed (see `Commit`)."""
    own = commit is None
    commit = commit or Commit()
    if plan.blocked and not force:
        raise OutputError(blocked_message(plan).rstrip("\n"))
    if plan.up_to_date:
        return []
    if plan.obstacles:
        raise OutputError(obstacles_message(plan).rstrip("\n"))
    out_dir = preflight(plan)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        recover(out_dir)
        temp = _new_folder(out_dir.parent, f"{_temp_prefix(out_dir)}new-{os.getpid()}-")
    except OSError as err:
        raise OutputError(f"{escaped(out_dir)}: cannot write: {_why(err, out_dir)}") from None
    try:
        for rel in plan.preserved:
            _copy_preserved(out_dir, temp, rel)
        linked = _link_unchanged(out_dir, temp, plan)
        _write_all(
            temp,
            [
                (
                    a.path,
                    a.artifact.chunks if a.artifact is not None else plan.manifest.encode("utf-8"),
                    None if a.action == CREATE else _regular_stat(out_dir / a.path),
                )
                for a in plan.actions
                if a.action != DELETE and a.path not in linked
            ],
            {folder for rel in (*plan.preserved, *linked) for folder in _folders_of(rel)},
        )
        _keep_folder_modes(out_dir, temp)
        os.chmod(temp, _folder_mode(out_dir))
        if before_check is not None:
            before_check()
        changed = changed_meanwhile(plan, out_dir, temp)
        if changed:
            raise OutputError(changed_message(plan, changed))
        commit.hold()
        if before_swap is not None:
            try:
                before_swap()
            except OSError as err:  # not the folder's: never reported as a write error
                raise ReportError(str(err)) from err
            # The report may have waited on its reader (a pipe, a terminal paused
            # with Ctrl-S): what another program wrote in DIR meanwhile stops the
            # swap too, the report printed notwithstanding.
            changed = changed_meanwhile(plan, out_dir, temp)
            if changed:
                raise OutputError(changed_message(plan, changed, reported=True))
        old = swap(temp, out_dir)
    except OSError as err:
        with commit:
            _remove_tree(temp)
        where = _in_out_dir(err, temp, out_dir)
        room = (
            f" (bkrc builds the complete new folder beside {escaped(out_dir.name)} before it replaces it,"
            " so the disk needs room for the new files beside the old ones)"
            if err.errno in _NO_ROOM
            else ""
        )
        why = err.strerror or err
        raise OutputError(f"{escaped(where)}: cannot write: {why}{room}; nothing was changed") from None
    except BaseException:
        with commit:  # a second Ctrl-C must not leave the folder half removed
            _remove_tree(temp)
        raise
    if old is not None:
        try:
            _undo_if_changed(plan, out_dir, temp, old, reported=before_swap is not None)
        except BaseException:
            commit.release()
            raise
    commit.done = True
    _fsync_dir(out_dir.parent)
    stuck = _remove_tree(old) if old is not None else None
    if own:
        commit.release()
    return [] if stuck is None else not_removed_message(plan.out_dir, old, stuck)


def _look(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except OSError:
        return None


def changed_meanwhile(plan: Plan, out_dir: Path, temp: Path) -> list[str]:
    """The paths of DIR (`out_dir`, as `write` swaps it) that another program changed
    since the plan looked, which the swap would lose or undo: a file that
    appeared (a note saved, a log started), one the plan read that was written
    over or replaced or deleted, one kept (linked into `temp`) that was
    replaced by another (an editor that saves by renaming) or deleted. A file
    written in place that the new tree links (`cat >>` on a kept file) is the
    same file in both trees: its change is kept, and not named here."""
    here = _look(out_dir)
    if here is not None and not stat.S_ISDIR(here.st_mode):
        # A file or a link put where DIR is (the plan saw a folder, or nothing):
        # the swap would exchange the new tree with it.
        return [""]
    known = set(plan.preserved) | {a.path for a in plan.actions if a.action != CREATE}
    # A folder that can no longer be listed raises (it names the folder): what
    # was saved in it meanwhile cannot be seen, and would be lost in the swap.
    now = _existing(out_dir) if os.path.isdir(out_dir) else []
    changed = [rel for rel in now if rel not in known]
    for rel in sorted(set(plan.preserved) | set(plan.seen)):
        if rel.endswith("/"):
            continue
        there, new = _look(out_dir / rel), _look(temp / rel)
        if there is None:
            if new is not None:  # deleted meanwhile: the new tree would bring it back
                changed.append(rel)
            continue
        if new is not None and (new.st_dev, new.st_ino) == (there.st_dev, there.st_ino):
            continue  # the same file in both trees: linked, its change kept
        if rel in plan.seen:
            if _signature(there) != plan.seen[rel] or (rel in plan.racy and _reread(out_dir / rel) != plan.racy[rel]):
                changed.append(rel)
        elif new is None or not (
            stat.S_ISLNK(there.st_mode)
            or (there.st_size, there.st_mtime_ns) == (new.st_size, new.st_mtime_ns)  # a copy (no link)
            and (there.st_mtime_ns < plan.racy_since or _reread(out_dir / rel) == _reread(temp / rel))
        ):
            changed.append(rel)
    return sorted(set(changed))


def _undo_if_changed(plan: Plan, out_dir: Path, temp: Path, old: Path, *, reported: bool) -> None:
    """After the swap, before the old tree is removed: what another program changed
    in DIR in the instant between the last look (`changed_meanwhile`) and the
    swap is in the old tree, now at `old`. Looked at once more, the same way (the
    new tree, in DIR, standing for the one built); a change puts the old tree
    back in DIR's place (`_swap_back`), the new one removed, and raises the
    OutputError of a change seen before the swap: DIR is as the other program
    left it. From the swap on, a path opened in DIR is the new tree's, so only
    a file still open in the old tree can change it after this look."""
    try:
        changed, failure = changed_meanwhile(plan, old, out_dir), None
    except OSError as err:  # a folder of the old tree made unreadable meanwhile
        changed, failure = [], err
    if not changed and failure is None:
        return
    try:
        _swap_back(old, temp, out_dir)
    except OSError as err:
        raise OutputError(
            f"{escaped(plan.out_dir)}: another program changed it during the swap, and the old {escaped(plan.out_dir)} could not"
            f" be put back: {err.strerror or err}; {escaped(plan.out_dir)} holds the new files, the old ones (with that"
            f" change) are in {escaped(old)}: copy what you need from there before you compile again (which removes it)"
        ) from None
    _remove_tree(temp)
    if failure is not None:
        where = _in_out_dir(failure, old, plan.out_dir)
        raise OutputError(f"{escaped(where)}: cannot write: {failure.strerror or failure}; nothing was changed")
    raise OutputError(changed_message(plan, changed, reported=reported))


def _reread(path: Path) -> str | None:
    """The sha256 of the file `path` now (None when it cannot be read as one): for
    a file the plan read whose size and time are as they were, but recent enough
    to hide a second write (`Plan.racy`)."""
    try:
        data = _open_regular(path)
    except OSError:
        return None
    return None if data is None else _sha(data)


def changed_message(plan: Plan, changed: list[str], *, reported: bool = False) -> str:
    """The error of a write stopped by `changed_meanwhile`; `reported`: seen after
    the report was printed, which the message then takes back."""
    more = f" (and {len(changed) - 1} more)" if len(changed) > 1 else ""
    taken_back = " (the `wrote` line above came before the swap, which did not happen)" if reported else ""
    if plan.missing:
        # A first compile, and DIR created by another program since the plan found
        # none: neither replaced nor merged with; the user says which it is.
        out = plan.out_dir
        if changed == [""]:
            mode = _lstat_mode(str(out)) or 0
            held = "a symbolic link" if stat.S_ISLNK(mode) else special_kind(mode) or "a file"
            held += " where bkrc writes a folder"
        else:
            held = f"a folder holding {out / changed[0]}{more}"
        return (
            f"{out} appeared while bkrc was writing it: another program created it, {held}, after bkrc"
            f" found no {out}; nothing written, {out} left as it is{taken_back}: look at what it holds,"
            f" then move it away (`mv {out} {out}.other`) and run the compile again, or compile into"
            " another folder"
        )
    return (
        f"{escaped(plan.out_dir / changed[0])}{more} changed while bkrc was writing {escaped(plan.out_dir)}: another"
        f" program wrote in {escaped(plan.out_dir)}, and the swap would lose what it wrote; nothing written{taken_back}:"
        " run the compile again once it is done"
    )


def not_removed_message(out_dir: Path, old: Path, err: OSError) -> list[str]:
    """The warning for an old tree, swapped out of DIR, that could not be removed
    (a file in it made immutable, `chattr +i`): DIR is written, and the folder
    beside it is the user's to remove, else it stays there unsaid."""
    name = err.filename if isinstance(err.filename, str) else None
    if name and not os.path.isabs(name):  # rmtree names the entry alone: find it in the tree
        name = str(next(old.rglob(name), old / name))
    where = f"{name}: " if name else ""
    return [
        (
            f"bkrc: warning: the old {escaped(out_dir)}, swapped out to {escaped(old)}, could not be removed"
            f" ({escaped(where)}{err.strerror or err}); it holds only the files {escaped(out_dir)} held before:"
            " remove it by hand (the next compile tries again)"
        )
    ]
