"""The workspace's .bkr files that the editor has not opened, for rename and references.

A name a module declares is used by every cluster file that imports the module,
open in the editor or not. This module finds those files (`bkr_files`: a
bounded walk of the workspace folders), tells which of them import a given
module (`Workspace.importing`: the import statements only, cached per file by
its modification time and size), and analyses a file from disk as the
language server analyses a buffer (`Workspace.document`, cached until the file
or anything it imports changes). Nothing here imports pygls: the server passes
in how to read an open buffer.

A file read from disk is decoded as `bkrc check` decodes it (UTF-8, a
byte-order mark, CRLF or CR line ends: `bkrdsl.syntax.reader.decode`), and its
positions are counted without the byte-order mark: an editor that applies an
edit to a file it has not opened loads it as it opens any file, mark stripped
(VS Code, Vim and Neovim all do), so an edit on line 1 lands on the name, and
the mark, which no edit touches, stays.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import field
from pathlib import Path

from bkrdsl.lsp.document import Document, analyse_document
from bkrdsl.records import dataclass

#: How many .bkr files of the workspace rename and references search, at most
#: (`initializationOptions.max_workspace_files`). Past it, the files after the
#: first ones in path order are not searched, and the server says so.
MAX_FILES = 2000
#: How many folders the walk enters, at most: a workspace opened on a home
#: folder must not make a rename walk the whole disk.
MAX_FOLDERS = 20_000
#: Folders never searched, besides hidden ones (a name starting with `.`) and
#: the output folders of `bkrc compile` (they hold its manifest.json).
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})


def is_output_folder(folder: Path) -> bool:
    """Whether `bkrc compile` wrote the folder: it holds a manifest.json of bkrc's."""
    from bkrdsl.output import OutputError, read_manifest

    if not (folder / "manifest.json").is_file():
        return False
    try:
        return read_manifest(folder) is not None
    except OutputError:  # another tool's manifest.json: an ordinary folder
        return False


@dataclass
class Found:
    """The .bkr files of the workspace, in path order, and whether the walk stopped
    at its limit (`capped`): more files may lie past the last one."""

    files: list[Path] = field(default_factory=list)
    capped: bool = False


def bkr_files(roots: Iterable[Path], limit: int = MAX_FILES, max_folders: int = MAX_FOLDERS) -> Found:
    """The .bkr files under the workspace folders, each once, in path order (folder
    by folder, a folder's files before its subfolders): hidden folders,
    node_modules and `bkrc compile`'s output folders skipped, the standard library
    too (rename never edits it), symbolic links to folders not followed. At most
    `limit` files, and `max_folders` folders entered."""
    from bkrdsl.resources import stdlib_dir

    stdlib = stdlib_dir().resolve()
    found = Found()
    seen: set[Path] = set()
    folders = 0
    for root in sorted({Path(r) for r in roots}):
        for folder, subfolders, files in os.walk(root):
            here = Path(folder)
            folders += 1
            if folders > max_folders:
                found.capped = True
                return found
            if here.resolve() == stdlib or (here != root and is_output_folder(here)):
                subfolders[:] = []
                continue
            subfolders[:] = sorted(d for d in subfolders if not (d.startswith(".") or d in SKIPPED_FOLDERS))
            for name in sorted(f for f in files if f.endswith(".bkr") and not f.startswith(".")):
                path = here / name
                key = path.resolve()
                if key in seen or not path.is_file():
                    continue
                if len(found.files) >= limit:
                    found.capped = True
                    return found
                seen.add(key)
                found.files.append(path)
    return found


def _stamp(path: Path) -> tuple[int, int] | None:
    """What tells that a file changed: its modification time and size (None: it is gone)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


#: An open buffer's text by the file's resolved path, with its version; None
#: for a file the editor has not opened.
Buffers = Callable[[Path], "tuple[str, int | None] | None"]


class Workspace:
    """The files the editor has not opened, read from disk, with caches that keep a
    rename or a search fast: each file's imports, and each file's analysis."""

    def __init__(self) -> None:
        self._imports: dict[Path, tuple[tuple[int, int] | None, tuple[str, ...]]] = {}
        self._documents: dict[Path, tuple[tuple, Document]] = {}

    def forget(self) -> None:
        """Drop every cache (files created or deleted: an import may now find another file)."""
        self._imports.clear()
        self._documents.clear()

    # ------------------------------------------------------------ imports
    def _specs(self, path: Path, buffers: Buffers) -> tuple[str, ...]:
        """The module paths `path` imports, as written (`std/zvm73`, `./site`)."""
        from bkrdsl.resolve.loader import read_text

        opened = buffers(path)
        if opened is not None:
            data, stamp = opened[0].encode("utf-8"), None
        else:
            stamp = _stamp(path)
            cached = self._imports.get(path)
            if cached is not None and cached[0] == stamp and stamp is not None:
                return cached[1]
            try:
                data = path.read_bytes()
            except OSError:
                return ()
        _source, module, _diagnostics = read_text(str(path), data)
        specs = tuple(i.path for i in module.imports) if module is not None else ()
        if opened is None:
            self._imports[path] = (stamp, specs)
        return specs

    def importing(
        self, files: Iterable[Path], targets: set[Path], search_path: tuple[Path, ...], buffers: Buffers
    ) -> list[Path]:
        """Those of `files` that import one of `targets` (resolved paths), directly or
        not: the import graph of the files and of every module they import, walked
        back from the targets. In the order of `files`."""
        from bkrdsl.resolve.loader import find_module

        found_at: dict[tuple[str, Path], Path | None] = {}

        def imports_of(here: Path) -> set[Path]:
            out = set()
            for spec in self._specs(here, buffers):
                where = (spec, here.parent)
                if where not in found_at:
                    found = find_module(spec, here, search_path)
                    found_at[where] = Path(os.path.realpath(found)) if found is not None else None
                if found_at[where] is not None:
                    out.add(found_at[where])
            return out

        keyed = [(f, Path(os.path.realpath(f))) for f in files]
        imported: dict[Path, set[Path]] = {}
        todo = [key for _, key in keyed]
        while todo:
            here = todo.pop()
            if here not in imported:
                imported[here] = imports_of(here)
                todo.extend(imported[here])
        importers: dict[Path, list[Path]] = {}
        for here, modules in imported.items():
            for module in modules:
                importers.setdefault(module, []).append(here)
        reached: set[Path] = set()
        todo = list(targets)
        while todo:
            for importer in importers.get(todo.pop(), ()):
                if importer not in reached:
                    reached.add(importer)
                    todo.append(importer)
        return [f for f, key in keyed if key in reached]

    # ------------------------------------------------------------ analysis
    def _state(self, path: Path, buffers: Buffers) -> tuple:
        opened = buffers(path)
        return ("buffer", opened[1]) if opened is not None else ("disk", _stamp(path))

    def document(
        self, path: Path, search_path: tuple[Path, ...], buffers: Buffers, reader: Callable[[Path], bytes]
    ) -> Document | None:
        """The analysis of a file the editor has not opened, from its bytes on disk
        (the modules it imports from their open buffers first, through `reader`);
        None when it cannot be read or decoded (it has nothing rename could edit
        safely). Cached until the file, or any file it read, changes."""
        from bkrdsl.syntax.reader import decode

        key = path.resolve()
        cached = self._documents.get(key)
        if cached is not None:
            stamp, doc = cached
            if stamp == self._key_of(key, doc, search_path, buffers):
                return doc
        try:
            data = path.read_bytes()
        except OSError:
            return None
        source, problems = decode(str(path), data)
        if problems:  # not UTF-8, or binary: `bkrc check` reports it, rename leaves it alone
            return None
        # `source.text` has no byte-order mark and LF line ends, as the editor's
        # lines (it counts `\r\n`, `\r` and `\n` alike) without the mark.
        doc = analyse_document(str(path), source.text, path=path, search_path=search_path, reader=reader)
        if not any(d.code in ("BKR101", "BKR103") for d in doc.diagnostics):
            # A module that could not be found or read may appear at any time: not cached.
            self._documents[key] = (self._key_of(key, doc, search_path, buffers), doc)
        return doc

    def _key_of(self, key: Path, doc: Document, search_path: tuple[Path, ...], buffers: Buffers) -> tuple:
        read = tuple(sorted((str(p), self._state(p, buffers)) for p in doc.read))
        return (_stamp(key), search_path, read)
