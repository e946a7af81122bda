"""The workspace's .bkr files that the editor has not opened, for rename, references
and workspace symbols.

A name a module declares is used by every cluster file that imports the module,
open in the editor or not. This module finds those files (`bkr_files`: a
bounded walk of the workspace folders), tells which of them import a given
module (`Workspace.importing`: the import statements only, cached per file),
and analyses a file from disk as the language server analyses a buffer
(`Workspace.document`, cached until the file or anything it imports changes).
Nothing here imports pygls: the server passes in how to read an open buffer.

A file read from disk is known again by its modification time and size
(`Stamp`), and also by a hash of its bytes while that time is too recent to
tell: a file system's clock ticks coarsely (ext4 every few milliseconds, HFS+
every second, FAT every two), so a second write of the same size within one
tick leaves both unchanged. As git does with its "racily clean" files, a file
changed less than `RACY_NS` before it was read is compared by content next
time; one changed earlier than that cannot be written again with the same time.

A file read from disk is decoded as `bkrc check` decodes it (UTF-8, a
byte-order mark, CRLF or CR line ends: `bkrdsl.syntax.reader.decode`), and its
positions are counted without the byte-order mark: an editor that applies an
edit to a file it has not opened loads it as it opens any file, mark stripped
(VS Code, Vim and Neovim all do), so an edit on line 1 lands on the name, and
the mark, which no edit touches, stays.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Callable, Hashable, Iterable
from dataclasses import field
from pathlib import Path
from typing import NamedTuple

from bkrdsl.diagnostics import Diagnostic, sort_key
from bkrdsl.diagnostics.limit import DEFAULT_MAX_ERRORS
from bkrdsl.lsp.document import Document, analyse_document, buffer_bytes
from bkrdsl.records import dataclass
from bkrdsl.resolve.loader import ParsedModules
from bkrdsl.source import MAX_DEPTH, MAX_FOLDERS, SKIPPED_FOLDERS, folder_level
from bkrdsl.syntax.reader import read_file

# MAX_FOLDERS, MAX_DEPTH, SKIPPED_FOLDERS: how many folders the walk enters, how deep,
# and the folders it never searches, as `bkrc check DIR` searches (a workspace opened on
# a home folder must not make a rename walk the whole disk).

#: How many .bkr files of the workspace rename, references and workspace symbols
#: search, at most (`initializationOptions.max_workspace_files`). Past it, the
#: files after the first ones in path order are not searched, and the server
#: says so.
MAX_FILES = 2000
#: A file modified less than this before it was read may be written again
#: within the same tick of the file system's clock, its time and size
#: unchanged: it is compared by content until it changes (2 s: FAT's tick,
#: the coarsest of the file systems an editor's workspace lives on).
RACY_NS = 2_000_000_000


@dataclass
class Found:
    """The .bkr files of the workspace, in path order, with their resolved paths
    (`keys`, one for each file), and whether the walk stopped at its limit
    (`capped`): more files may lie past the last one."""

    files: list[Path] = field(default_factory=list)
    capped: bool = False
    keys: list[Path] = field(default_factory=list)


def bkr_files(roots: Iterable[Path], limit: int = MAX_FILES, max_folders: int = MAX_FOLDERS) -> Found:
    """The .bkr files under the workspace folders, each once, in path order (folder
    by folder, a folder's files before its subfolders): hidden folders,
    node_modules and `bkrc compile`'s output folders skipped, the standard library
    too (rename never edits it), symbolic links to folders not followed. At most
    `limit` files, and `max_folders` folders entered, none more than MAX_DEPTH
    levels below its workspace folder (past either, `capped`). An output folder is skipped
    wherever it is, a workspace folder itself included (a workspace opened at
    `out/` to read the EXECs holds no source of bkrc's to search)."""
    from bkrdsl.resources import stdlib_dir

    stdlib = stdlib_dir().resolve()
    found = Found()
    seen: set[Path] = set()
    folders = 0
    for root in sorted({Path(r) for r in roots}):
        # The walk enters no symbolic link to a folder: a folder's resolved path is
        # the root's and the names below it (one look-up per walk, not per file).
        real_root = Path(os.path.realpath(root))
        for folder, subfolders, files in os.walk(root):
            here = Path(folder)
            real_here = real_root / os.path.relpath(folder, root)
            folders += 1
            if folders > max_folders:
                found.capped = True
                return found
            if real_here == stdlib:
                subfolders[:] = []
                continue
            if "manifest.json" in files:  # bkrc compile's output folder? (`output` imported only here)
                from bkrdsl.output import is_output_folder

                if is_output_folder(here):
                    subfolders[:] = []
                    continue
            subfolders[:] = sorted(d for d in subfolders if not (d.startswith(".") or d in SKIPPED_FOLDERS))
            if subfolders and folder_level(root, folder) >= MAX_DEPTH:  # a runaway tree: not entered
                found.capped = True
                subfolders[:] = []
            for name in sorted(f for f in files if f.endswith(".bkr") and not f.startswith(".")):
                path = here / name
                try:
                    mode = os.lstat(path).st_mode
                except OSError:
                    continue
                if stat.S_ISLNK(mode):  # a link to a file: found where it leads
                    key = Path(os.path.realpath(path))
                    if not os.path.isfile(key):  # (a look-up refused too)
                        continue
                elif stat.S_ISREG(mode):
                    key = real_here / name
                else:
                    continue
                if key in seen:
                    continue
                if len(found.files) >= limit:
                    found.capped = True
                    return found
                seen.add(key)
                found.files.append(path)
                found.keys.append(key)
    return found


class Stamp(NamedTuple):
    """What tells whether a file read from disk changed since: its modification time
    and size, and the hash of the bytes read when that time was too recent to
    tell (`RACY_NS`); None once it is not."""

    mtime_ns: int
    size: int
    digest: bytes | None


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _stamp_of(st: os.stat_result, data: bytes, now_ns: int) -> Stamp:
    """The stamp of `data`, read after `st` was taken at `now_ns`."""
    racy = st.st_mtime_ns + RACY_NS > now_ns
    return Stamp(st.st_mtime_ns, st.st_size, _digest(data) if racy else None)


def _read(path: Path, reader: Callable[[Path], bytes] = read_file) -> tuple[Stamp, bytes]:
    """A file's bytes and their stamp: the time and size are taken before the bytes
    are read, so a write in between shows as a change next time. Raises OSError."""
    now = time.time_ns()
    st = os.stat(path)
    data = reader(path)
    return _stamp_of(st, data, now), data


def _still(path: Path, stamp: Stamp) -> Stamp | None:
    """The file's stamp if it holds what was read when `stamp` was taken (renewed
    without the hash once its time is old enough to tell); None if it changed."""
    try:
        now = time.time_ns()
        st = os.stat(path)
    except OSError:
        return None
    if (st.st_mtime_ns, st.st_size) != (stamp.mtime_ns, stamp.size):
        return None
    if stamp.digest is None:
        return stamp
    try:
        data = read_file(path)
    except OSError:
        return None
    if _digest(data) != stamp.digest:
        return None
    return _stamp_of(st, data, now)


#: An open buffer's text by the file's resolved path, with what tells that text
#: from the buffer's others (the server's `buffer_version`: its opening and its
#: version, since a buffer opened again starts its versions again); None for a
#: file the editor has not opened.
Buffers = Callable[[Path], "tuple[str, Hashable] | None"]


#: How an analysis read each file: ("buffer", its `Buffers` version) from an open
#: buffer, or ("disk", Stamp) from disk.
Read = tuple


class Workspace:
    """The files the editor has not opened, read from disk, with caches that keep a
    rename or a search fast: each file's imports, and each file's analysis."""

    def __init__(self, parsed: ParsedModules | None = None, max_errors: int = DEFAULT_MAX_ERRORS) -> None:
        #: The imported modules already read, shared with the open documents'
        #: analyses (`loader.ParsedModules`: by name and bytes, never stale).
        self.parsed = parsed
        #: Each analysis keeps each file's diagnostics up to its Nth error, as `bkrc
        #: check` and the open documents' analyses do (`analyse(max_errors=N)`), and
        #: counts the rest: a file of a million mistakes beside the open ones is
        #: not a million diagnostics kept in the cache (0: every one kept).
        self.max_errors = max_errors
        #: The dialect table the checks read (the server's `dialect` setting; None:
        #: the built-in one), set before any file is analysed.
        self.dialect = None
        self._imports: dict[Path, tuple[Stamp, tuple[str, ...]]] = {}
        #: Each file's analysis, with the search path and how each file it read was read.
        self._documents: dict[Path, tuple[tuple[Path, ...], dict[Path, Read], Document]] = {}

    def forget(self) -> None:
        """Drop every cache (files created or deleted: an import may now find another file)."""
        self._imports.clear()
        self._documents.clear()

    def changed(self, paths: Iterable[Path]) -> None:
        """Drop what was read from these files (the client's watcher says they changed
        on disk): their imports, and the analyses that read them. Their stamps would
        tell too, but a change the clock could not see is then no question at all."""
        keys = {Path(os.path.realpath(p)) for p in paths}
        for key in keys:
            self._imports.pop(key, None)
        for key, (_search, reads, _doc) in list(self._documents.items()):
            if key in keys or not keys.isdisjoint(reads):
                del self._documents[key]

    def holds(self, folder: Path) -> bool:
        """Whether a file read for these caches lies in `folder` (a folder deleted)."""
        read = set(self._imports).union(self._documents)
        read.update(*(reads for _search, reads, _doc in self._documents.values()))
        return any(p.is_relative_to(folder) for p in read)

    # ------------------------------------------------------------ imports
    def _specs(self, path: Path, buffers: Buffers) -> tuple[str, ...]:
        """The module paths `path` imports, as written (`std/zvm73`, `./site`).

        The walk meets an open buffer only as a module that a file on disk imports:
        it is parsed through the server's parsed modules (`self.parsed`, by name and
        bytes), where the analyses of the files that import it find it too (by the
        same name, unless a symbolic link lies on the way). A rename or references
        after the first parse no open buffer again, and an edit, which changes the
        bytes, is never missed. A file on disk is parsed once and its imports kept
        by its stamp, not its parse (the workspace's many files would push the
        modules out of the cache)."""
        from bkrdsl.resolve.loader import read_text

        opened = buffers(path)
        if opened is not None:
            read = self.parsed.read if self.parsed is not None else read_text
            _source, module, _diagnostics = read(str(path), buffer_bytes(opened[0]))
            return tuple(i.path for i in module.imports) if module is not None else ()
        cached = self._imports.get(path)
        if cached is not None:
            still = _still(path, cached[0])
            if still is not None:
                if still is not cached[0]:
                    self._imports[path] = (still, cached[1])
                return cached[1]
        try:
            stamp, data = _read(path)
        except OSError:
            return ()
        _source, module, _diagnostics = read_text(str(path), data)
        specs = tuple(i.path for i in module.imports) if module is not None else ()
        self._imports[path] = (stamp, specs)
        return specs

    def importing(
        self,
        files: Iterable[Path],
        targets: set[Path],
        search_path: tuple[Path, ...],
        buffers: Buffers,
        keys: Iterable[Path] | None = None,
    ) -> list[Path]:
        """Those of `files` that import one of `targets` (resolved paths), directly or
        not: the import graph of the files and of every module they import, walked
        back from the targets. In the order of `files`. A file with an import bkrc
        cannot look up (a folder on its way it may not enter: `bkrc check` reports
        BKR103) may import one of them when that import could be one (`may_be`): it
        is among them, and so are its importers; an import that cannot be one is
        left out, as a missing module is.
        `keys`: the files' resolved paths, when the caller knows them (`Found.keys`)."""
        from bkrdsl.resolve.loader import ClosedFolder, find_module

        found_at: dict[tuple[str, Path], object] = {}  # a resolved path, None or _CLOSED
        unsure: set[Path] = set()

        def imports_of(here: Path) -> set[Path]:
            out = set()
            for spec in self._specs(here, buffers):
                where = (spec, here.parent)
                if where not in found_at:
                    try:
                        found = find_module(spec, here, search_path)
                    except ClosedFolder:
                        found = _CLOSED if may_be(spec, targets) else None
                    found_at[where] = Path(os.path.realpath(found)) if isinstance(found, Path) else found
                if found_at[where] is _CLOSED:
                    unsure.add(here)
                elif found_at[where] is not None:
                    out.add(found_at[where])
            return out

        files = list(files)
        keys = list(keys) if keys is not None else [Path(os.path.realpath(f)) for f in files]
        imported: dict[Path, set[Path]] = {}
        todo = list(keys)
        while todo:
            here = todo.pop()
            if here not in imported:
                imported[here] = imports_of(here)
                todo.extend(imported[here])
        importers: dict[Path, list[Path]] = {}
        for here, modules in imported.items():
            for module in modules:
                importers.setdefault(module, []).append(here)
        reached: set[Path] = set(unsure)
        todo = list(targets) + list(unsure)
        while todo:
            for importer in importers.get(todo.pop(), ()):
                if importer not in reached:
                    reached.add(importer)
                    todo.append(importer)
        return [f for f, key in zip(files, keys) if key in reached]

    # ------------------------------------------------------------ analysis
    def document(
        self,
        path: Path,
        search_path: tuple[Path, ...],
        buffers: Buffers,
        reader: Callable[[Path], bytes],
        key: Path | None = None,
        checks: bool = True,
    ) -> Document | None:
        """The analysis of a file the editor has not opened, from its bytes on disk
        (the modules it imports from their open buffers first, through `reader`);
        None when it cannot be read or decoded (it has nothing rename could edit
        safely). Cached until the file, or any file it read, changes. `key`: the
        file's resolved path, when the caller knows it (`Found.keys`).

        Without `checks` (workspace symbols: the names and the model's derived
        ones, never the diagnostics), the model is not checked, which is half the
        work: a cached analysis, checked or not, serves, and one made so is
        cached until a request with `checks` (rename, references) checks it."""
        from bkrdsl.syntax.reader import decode

        key = key or path.resolve()
        cached = self._documents.get(key)
        if (
            cached is not None
            and (cached[2].checked or not checks)
            and cached[0] == search_path
            and _current(cached[1], buffers)
        ):
            return cached[2]
        try:
            own, data = _read(path)
        except OSError:
            return None
        source, problems = decode(str(path), data)
        if problems:  # not UTF-8, or binary: `bkrc check` reports it, rename leaves it alone
            return None
        reads: dict[Path, Read] = {}

        def recording(p: Path) -> bytes:
            at = p.resolve()
            opened = buffers(at)
            if opened is not None:
                reads[at] = ("buffer", opened[1])
                return reader(p)
            stamp, data = _read(p, reader)
            reads[at] = ("disk", stamp)
            return data

        # `source.text` has no byte-order mark and LF line ends, as the editor's
        # lines (it counts `\r\n`, `\r` and `\n` alike) without the mark.
        doc = analyse_document(
            str(path),
            source.text,
            path=path,
            search_path=search_path,
            reader=recording,
            checks=checks,
            parsed=self.parsed,
            max_errors=self.max_errors,
            dialect=self.dialect,
        )
        # The loader's own list: the report may have been cut before an import's error.
        if not any(d.code in ("BKR101", "BKR103") for d in doc.analysis.program.diagnostics):
            # A module that could not be found or read may appear at any time: not cached.
            reads.setdefault(key, ("disk", own))
            self._documents[key] = (search_path, reads, doc)
        return doc


#: An import `find_module` could not look up (a folder on its way bkrc may not
#: enter) that may be one of the targets.
_CLOSED = object()


def may_be(spec: str, targets: Iterable[Path]) -> bool:
    """Whether the module of `import spec`, which bkrc could not look up or read
    (BKR103), may be one of `targets` (resolved paths): its file has the name of
    one (`import ./locked/site` may be `site.bkr`; letter case aside, for a file
    system that ignores it). Every place the import is looked for, beside the
    importer or in a search-path folder, holds a file of that name, and a file of
    another name is another module. (Unless a symbolic link in the folder bkrc may
    not enter leads to a target under another name, or a module of another name
    imports a target: bkrc cannot read it to see.)"""
    name = spec if spec.endswith(".bkr") else spec + ".bkr"
    name = name.rsplit("/", 1)[-1].casefold()
    return any(t.name.casefold() == name for t in targets)


def unsure_import(doc: Document, targets: Iterable[Path]) -> Diagnostic | None:
    """The first of `doc`'s BKR103 diagnostics (a module that could not be looked up
    or read) whose import may be one of `targets` (`may_be`); None if none may.
    One whose import statement is not found is taken as one that may."""
    targets = list(targets)
    specs = {
        (imp.span.file, imp.span.start): imp.path
        for module in doc.analysis.program.modules
        for imp in module.imports
    }
    # The loader's list, which the error limit never cuts, in the report's order.
    for d in sorted(doc.analysis.program.diagnostics, key=sort_key):
        if d.code != "BKR103":
            continue
        spec = specs.get((d.span.file, d.span.start)) if d.span is not None else None
        if spec is None or may_be(spec, targets):
            return d
    return None


def _current(reads: dict[Path, Read], buffers: Buffers) -> bool:
    """Whether every file an analysis read holds what it read: the same open buffer
    at the same version (not opened again since), or, for a file read from disk,
    still not open and unchanged (`_still`; the renewed stamps are kept)."""
    for path, (how, seen) in reads.items():
        opened = buffers(path)
        if how == "buffer":
            if opened is None or opened[1] != seen:
                return False
            continue
        if opened is not None:
            return False
        still = _still(path, seen)
        if still is None:
            return False
        if still is not seen:
            reads[path] = ("disk", still)
    return True


# ------------------------------------------------------------ files renamed in the editor
def moved(path: Path, renames: list[tuple[Path, Path]]) -> Path:
    """Where `path` (resolved) is after the renames (each a resolved old path, a file
    or a folder, and its new path): itself when no rename moves it."""
    for old, new in renames:
        if path == old or path.is_relative_to(old):
            return new / path.relative_to(old)
    return path


def followed_import(
    spec: str,
    importer: Path,
    search_path: tuple[Path, ...],
    renames: list[tuple[Path, Path]],
    roots: list[Path],
) -> str | None:
    """The module path to write in `import spec` of the file `importer` so that it
    still finds its module once the files are renamed (`renames`: resolved old path,
    new path; the importer may be one of those moved), in the style of `spec`:
    `./` or `../` when it was relative, without `.bkr` when it was written without.
    None when the import needs no change or the rename cannot be followed: a
    standard library's module, a module not found (or behind a folder bkrc may not
    enter), an import written through a symbolic link, a module that leaves the
    workspace folders (`roots`, resolved; none: no such limit), or one that cannot
    be written in the import's style (a name without `./` cannot climb with `..`,
    a module renamed to a name without `.bkr` cannot be imported)."""
    from bkrdsl.resolve.loader import ClosedFolder, find_module

    if spec.startswith("std/"):
        return None
    try:
        found = find_module(spec, importer, search_path)
    except (ClosedFolder, OSError, ValueError):
        return None
    if found is None:
        return None
    name = spec if spec.endswith(".bkr") else spec + ".bkr"
    # The folder the spec was looked up from: the importer's, or a search-path folder.
    here = Path(os.path.abspath(importer)).parent
    at = Path(os.path.abspath(found))
    folders = [here] + [Path(os.path.abspath(f)) for f in search_path]
    base = next((f for f in folders if Path(os.path.abspath(f / name)) == at), None)
    if base is None:
        return None
    real_base = Path(os.path.realpath(base))
    target = Path(os.path.realpath(found))
    if target != Path(os.path.normpath(real_base / name)):  # a symbolic link on the way
        return None
    new_target = moved(target, renames)
    # The importer's folder after the renames (the importer itself may move).
    new_base = moved(real_base / Path(importer).name, renames).parent if base == here else real_base
    if new_target == target and new_base == real_base:
        return None
    if roots and not any(new_target.is_relative_to(r) for r in roots):
        return None
    return written_import(spec, new_target, new_base)


def written_import(spec: str, target: Path, base: Path) -> str | None:
    """The module path that imports `target` from the folder `base`, in the style of
    `spec`: `./` or `../` when it was relative, without `.bkr` when it was written
    without. None when it is `spec` itself, or cannot be written in its style (a name
    without `./` cannot climb with `..`, a file without `.bkr` cannot be imported)."""
    if not target.name.endswith(".bkr"):
        return None
    rel = os.path.relpath(target, base).replace(os.sep, "/")
    if spec.startswith(("./", "../")):
        if not rel.startswith("../"):
            rel = "./" + rel
    elif rel.startswith("../"):  # (a search-path folder's module moved out of it too)
        return None
    if not spec.endswith(".bkr"):
        rel = rel[: -len(".bkr")]
    return rel if rel != spec else None
