"""Imports: find, read, parse and build every module a file needs, once each.

`import std/NAME` reads stdlib/NAME.bkr; `import ./x` and `import ../x` are
relative to the importing file; a bare `import site/common` is looked up in the
importing file's folder, then in each folder of the search path (`-I DIR`,
then BKRDSL_PATH). A missing module or an import cycle is a diagnostic that
names the places searched or the cycle; a module in a folder bkrc may not enter
is one that names that folder. An absolute path, or a `std/` path that leaves the
standard library, is read nowhere (BKR104).
"""

from __future__ import annotations

import errno
import os
import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import field, replace
from pathlib import Path

from bkrdsl import ast
from bkrdsl.diagnostics import Diagnostic, Fix, Related, Slip
from bkrdsl.diagnostics.registry import register
from bkrdsl.diagnostics.suggest import alternatives, tied_best
from bkrdsl.records import dataclass
from bkrdsl.resources import stdlib_dir
from bkrdsl.source import Source, Span, special_kind
from bkrdsl.syntax import read_module
from bkrdsl.syntax.reader import decode, read_file

MISSING_MODULE = register(
    "BKR101",
    "missing-module",
    "error",
    "an imported module cannot be found",
    """
    `import` names a module that is not in any folder bkrc searched. The help
    lists the places searched in order, each without its `..` where that is the
    same place (`import ./sub/../site/common` searched `site/common.bkr`), and
    says of one that is a symbolic link why it is none: a link to a file moved
    away, or links that name each other.
    `std/NAME` is looked up in the standard library only;
    `./NAME` and `../NAME` relative to the importing file; a bare `NAME` in the
    importing file's folder, then in each `-I DIR` given to bkrc, then in each
    folder of the BKRDSL_PATH environment variable. `.bkr` is added when missing.

    When the standard library has the module, the help says what to write: a
    bare `import zvm73` is `import std/zvm73` (a bare name is never looked
    up in the standard library), a path in capitals, `import STD/ZVM73` as a
    file typed on CMS has it, is `import std/zvm73` (keywords and names read
    in any case, but a path is looked up as written, and the library's are
    in small letters), a library module joined to its folder by a `.`
    (`import std.backup-manager`, as Python joins a package to its module)
    is `import std/backup-manager`, whose fix writes that path, so is the
    library's folder as bkrdsl's checkout names it (`import stdlib/zvm73` is
    `import std/zvm73`), and a
    misspelt `std/` name gets the closest module names of the library, or
    the list of them all. A site's module that is plainly there gets the
    path to write too, which its fix writes: a path written from the folder
    bkrc runs in rather than the importing file's (`import site/common` in
    prod/prod.bkr, run from the folder that holds both: `../site/common`),
    one folder short (run from prod/, the module in the folder above the
    file's), or a module's name misspelt in a folder searched
    (`import ../site/comon`: `../site/common`; two or three as close are
    offered, without a fix), or its folder's (`import ../sites/common`). `import import`, where no module `import` is
    found, is the keyword written twice with no module path after it, as
    it is typed: the message says so, at the second, and the help lists the
    standard library's modules, then the places searched.

    Failing example:

        import std/backup-manger

    Fix: correct the name (`import std/backup-manager`), or add the folder
    that holds the module with `bkrc check -I DIR`.
    """,
)

IMPORT_CYCLE = register(
    "BKR102",
    "import-cycle",
    "error",
    "modules import each other in a cycle",
    """
    A module imports itself, directly or through others. A cycle has no order in
    which its modules can be read, and usually means a site file and the cluster
    file both import each other.

    Failing example: `a.bkr` holds `import ./b` and `b.bkr` holds `import ./a`.

    Fix: move what both need into a third module that imports neither. A
    file that imports itself (`import ./x` in `x.bkr`, or through a symbolic
    link to it) needs no import: remove it, as the fix does.
    """,
    no_example="two files that import each other",
)

UNREADABLE_MODULE = register(
    "BKR103",
    "unreadable-module",
    "error",
    "an imported module, or a folder on its path, cannot be read",
    """
    The imported path was found but is a folder, a FIFO, a device or a
    socket (none is read: a FIFO would hold the check until something writes
    to it), or reading it failed (for example, no permission). Or a folder on the module's path is one bkrc may
    not enter (no search permission, `x`, for the user running bkrc): bkrc
    cannot tell whether the module is there, and names that folder rather
    than saying the module is missing (BKR101). A module found further on
    (a bare import, in a later `-I DIR`) is used as before.

    Fix: make the file readable, or the folder enterable (`chmod`), or
    correct the import.
    """,
    no_example="a file that cannot be read: the mistake is not in any text",
)

IMPORT_OUTSIDE = register(
    "BKR104",
    "import-path-outside",
    "error",
    "an import path is absolute, or a `std/` path is not `std/` and one module's name",
    """
    An import names a module by a path relative to a place bkrc chooses:
    `std/NAME` the standard library's module NAME, `./NAME` and `../NAME`
    the importing file's folder, a bare `NAME` that folder and then the
    search path (`-I DIR`, BKRDSL_PATH). Two paths fit none of these, and
    bkrc reads neither:

    - an absolute path (`import /home/site/common`): it reads whatever is
      at that path on the machine that checks the file (a colleague's, the
      CI machine's), where a reader of the cluster file cannot tell what it
      is; a folder outside the project is named on the command line instead,
      with `-I DIR`, where the person running bkrc chooses it;
    - a `std/` path with a `..` part, or a `/` right after `std/`
      (`import std/../../site/common`, `import std//home/x`): it reads as the
      standard library, which every reviewer trusts to hold the product's
      machines and z/VM's own IDs as IBM ships them, and reads a file of
      somewhere else;
    - any other `std/` path that is not `std/` and one module's name: a
      `.` part or a folder (`import std/./zvm73`, `import std/site/x`).
      The library's modules are one folder deep, so such a path names a
      library module in a second spelling (one a reviewer, or a search
      for `std/zvm73`, passes by) or none at all. `std/` alone (`import
      std/`, as it stands while the name is typed) names no module: the
      help lists the library's modules.

    Failing example:

        import std/../site/common

    Fix: import the site's module relative to the file
    (`import ./site/common`), or by its name with its folder on the search
    path (`import common` and `bkrc check -I site`).

    The help writes the import of the module the path names: `import
    ./site/common` where `site/common.bkr` is there, beside the file
    (`std/` read as a folder of the file's); `import common` and its
    folder as `-I` for an absolute path outside the file's folder;
    `import std/zvm73` for `std/./zvm73`, the library's own spelling.
    """,
)

#: What BKR104 says of each kind of path it refuses.
_OUTSIDE = {
    "absolute": "is absolute: a module is imported by a path relative to the importing file,"
    " the standard library or a search folder",
    "std": "leaves the standard library, which it names: a `std/` path is `std/` and one module's name",
    "std-name": "is not `std/` and one module's name: the standard library's modules are one folder deep,"
    " named without a `.` part or a folder (`std/zvm73`)",
    "std-empty": "names no module: the module's name goes after `std/`",
}


def outside(spec: str) -> str | None:
    """Why `import spec` is refused (BKR104: a key of `_OUTSIDE`), or None: an
    absolute path, a `std/` one whose rest is absolute or climbs with `..`, or
    one whose rest is anything but one module's name (`.`, a folder, nothing)."""
    if spec.startswith("/"):
        return "absolute"
    if spec.startswith("std/"):
        rest = spec[4:]
        if rest.startswith("/") or ".." in rest.split("/"):
            return "std"
        if rest == "":
            return "std-empty"  # `import std/`, its name still to be typed
        if "/" in rest or rest == ".":
            return "std-name"
    return None


Reader = Callable[[Path], bytes]


@dataclass
class Program:
    """Every module of one compilation, main first, with what went wrong loading them."""

    main: ast.Module | None
    modules: list[ast.Module] = field(default_factory=list)  # main first, then imports in load order
    sources: dict[str, Source] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Each imported module's display name -> the `import` that read it (the first
    #: to find it, in load order), in the file that holds that import: the way
    #: back to the main file, which `imported_through` walks for a diagnostic.
    imported_by: dict[str, ast.Import] = field(default_factory=dict)

    @property
    def syntax_ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def imported_through(program: Program, file: str) -> Related | None:
    """Where the main file imports what brought in the module `file`, as a diagnostic in
    that module names it (the C compiler's "In file included from"): the main file's
    `import` that starts the way to it, labelled with the module and the imports
    between (`site/linux.bkr is imported here, through site/common.bkr:4`). None for
    the main file itself, or a file no import read (a directory file)."""
    main = program.main.file if program.main is not None else None
    imp = program.imported_by.get(file)
    if imp is None or file == main:
        return None
    between: list[str] = []
    seen = {file}
    while imp.span.file != main:
        between.append(f"{imp.span.file}:{imp.span.line}")
        up = program.imported_by.get(imp.span.file)
        if up is None or imp.span.file in seen:  # pragma: no cover - every module's importer is read
            return None
        seen.add(imp.span.file)
        imp = up
    through = f", through {', '.join(reversed(between))}" if between else ""
    return Related(imp.span, f"{file} is imported here{through}")


def with_import_chains(program: Program, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """`diagnostics`, each one that points into an imported module also naming the main
    file's import that brought the module in (`imported_through`, its last related
    place): a sysprog who checks prod.bkr and reads site/linux.bkr:3 learns which import
    of prod.bkr, and through which modules, reads that file. Not BKR102: an import
    cycle's message is that very chain."""
    if not program.imported_by:
        return diagnostics
    chains: dict[str, Related | None] = {}
    out = []
    for d in diagnostics:
        file = d.span.file if d.span is not None else None
        if file is None or file not in program.imported_by or d.code == IMPORT_CYCLE.code:
            out.append(d)
            continue
        if file not in chains:
            chains[file] = imported_through(program, file)
        chain = chains[file]
        out.append(d if chain is None else replace(d, related=(*d.related, chain)))
    return out


def _candidates(spec: str, importer: Path | None, search_path: tuple[Path, ...]) -> list[Path]:
    """The places `import spec` looks at, in order; none for a path bkrc refuses (BKR104)."""
    if outside(spec):
        return []
    name = spec if spec.endswith(".bkr") else spec + ".bkr"
    if spec.startswith("std/"):
        return [stdlib_dir() / name[4:]]
    base = importer.parent if importer is not None else Path.cwd()
    if spec.startswith(("./", "../")):
        return [base / name]
    return [base / name] + [folder / name for folder in search_path]


def _shown(path: Path) -> str:
    """`path` as a message names a place searched: without its `..` (`sub/../site/x.bkr`
    is `site/x.bkr`), for display only, where that is the same place. The system goes
    through each folder before a `..`: one that is a symbolic link has its target's
    parent there, and a missing one makes the path name nothing, so a path with
    such a folder before a `..` is shown as searched."""
    text = str(path)
    if ".." not in path.parts:
        return text
    walked = Path(path.anchor)
    for part in path.parts[1:] if path.anchor else path.parts:
        if part == ".." and (not walked.is_dir() or walked.is_symlink()):
            return text
        walked = walked / part
    return os.path.normpath(text)


def _look(path: Path) -> bool | PermissionError:
    """Whether `path` is there; the PermissionError when a folder on its path may not
    be entered (the module may be there: bkrc cannot tell). A name the file system
    refuses (ENAMETOOLONG) is a module that is not there, not an error of bkrc."""
    try:
        os.stat(path)
    except PermissionError as err:
        return err
    except (OSError, ValueError):
        return False
    return True


def _not_a_file(path: Path) -> str | None:
    """What `path` is when it is a FIFO, a device or a socket ("a FIFO (named
    pipe)"), which no module is read from (`source.special_kind`; the language
    server has no Ctrl-C for a read that waits). None for a file, a folder (its
    read says so), or what cannot be looked at (its read says why)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    return special_kind(mode)


def _closed_folder(path: Path) -> Path:
    """The folder on `path`'s way that bkrc may not enter: the deepest one above it
    that bkrc can look at (every folder above that one, it could enter)."""
    for folder in path.parents:
        try:
            os.stat(folder)
        except PermissionError:
            continue
        except (OSError, ValueError):  # pragma: no cover - gone since it was looked at
            break
        return folder
    return path.parent  # pragma: no cover - the root itself refused


class ClosedFolder(PermissionError):
    """`find_module` found the module nowhere, and a place it searched lies in a folder
    bkrc may not enter: the module may be there (BKR103, not BKR101). `candidate` is
    the first such place, `folder` the folder bkrc may not enter on its way."""

    def __init__(self, spec: str, candidate: Path, folder: Path) -> None:
        super().__init__(errno.EACCES, "Permission denied", str(folder))
        self.spec, self.candidate, self.folder = spec, candidate, folder


def _search(
    spec: str, importer: Path | None, search_path: tuple[Path, ...]
) -> tuple[Path | None, list[Path], dict[Path, Path]]:
    """Where `import spec` in the file `importer` finds its module (None when nowhere),
    the places searched in order, and those of them bkrc could not look at, each
    with the folder on its way bkrc may not enter."""
    tried = _candidates(spec, importer, search_path)
    closed: dict[Path, Path] = {}
    for candidate in tried:
        there = _look(candidate)
        if there is True:
            return candidate, tried, closed
        if there:
            closed[candidate] = _closed_folder(candidate)
    return None, tried, closed


def find_module(spec: str, importer: Path | None, search_path: tuple[Path, ...]) -> Path | None:
    """Where `import spec` in the file `importer` finds its module, as `load` looks
    for it; None when it is nowhere (BKR101). Raises ClosedFolder when it is found
    nowhere and a place searched lies in a folder bkrc may not enter (BKR103)."""
    found, _tried, closed = _search(spec, importer, search_path)
    if found is None and closed:
        candidate, folder = next(iter(closed.items()))
        raise ClosedFolder(spec, candidate, folder)
    return found


#: The standard library's folder joined to a module's name by a `.`, as Python joins a
#: package to its module (`std.zvm73`): (the sign, the name) (_stdlib_hint); a `\` is
#: the parser's BKR003.
_STD_JOINED = re.compile(r"(?i:std)(\.)([A-Za-z0-9_-]+)")


def _stdlib_hint(spec: str) -> tuple[str | None, str | None]:
    """What to write instead of an import that found nothing, when the standard library
    has the module: `zvm73` is `std/zvm73`; `std/zvm37` is probably `std/zvm73`. Also
    the one path to write, when the hint names only one (the diagnostic's fix)."""
    modules = sorted(p.stem for p in stdlib_dir().glob("*.bkr"))
    name = spec[:-4] if spec.lower().endswith(".bkr") else spec
    # `std.backup-manager`: the folder joined to its module as Python joins them; the
    # module is the library's: `std/backup-manager`.
    joined = _STD_JOINED.fullmatch(name)
    if joined is not None and joined.group(2).lower() in modules:
        path = f"std/{joined.group(2).lower()}"
        return (
            f"did you mean `{path}`? a module's path separates its folder from its name with `/`,"
            f" not `{joined.group(1)}`: write `import {path}`"
        ), path
    # `stdlib/zvm73`: the library's folder in bkrdsl's checkout, `stdlib/`, where an import
    # names the library `std/` (was "cannot find module" with the places searched alone).
    if name[:7].lower() == "stdlib/" and name[7:].lower() in modules:
        path = f"std/{name[7:].lower()}"
        return (
            f"the standard library is imported as `std/`, not by the name of its folder in bkrdsl,"
            f" `stdlib/`: write `import {path}`"
        ), path
    # `STD/ZVM73`, as a file typed on CMS in capitals has it: the library's folder and
    # module names are in small letters, and a path is looked up as written.
    if name[:4].lower() == "std/":
        rest = name[4:].lower()
        if rest in modules:
            path = f"std/{rest}"
            return f"the standard library's paths are written in small letters: write `import {path}`", path
        ranked = []
        import difflib  # here: only a mistaken import needs it

        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(rest)
        for module in modules:
            matcher.set_seq1(module)
            if matcher.ratio() >= 0.6:
                ranked.append(((-matcher.ratio(),), module))
        close = tied_best(ranked)
        if close:
            path = f"std/{close[0]}" if len(close) == 1 else None
            return f"did you mean {alternatives([f'import std/{m}' for m in close])}?", path
        return "the standard library has " + ", ".join(f"`std/{m}`" for m in modules), None
    if name.startswith(("./", "../")) or name.lower() not in modules:
        return None, None
    return f"`{name}` is in the standard library: write `import std/{name.lower()}`", f"std/{name.lower()}"


def _site_hint(spec: str, importer: Path | None, tried: list[Path]) -> tuple[str | None, str | None]:
    """What to write instead of a site's import that found nothing, and the path to
    write (the diagnostic's fix), when the module is plainly there: a path written from
    the folder bkrc runs in rather than the importing file's (`import site/common` in
    prod/prod.bkr, run from the folder above: `../site/common`; or run from prod/, the
    module one folder above the file's), or a module's name misspelt in a folder
    searched (`../site/comon`: `../site/common`), or its folder's (`../sites/common`,
    `_folder_hint`). (None, None) when none is."""
    if spec.startswith("std/"):
        return None, None
    name = spec if spec.endswith(".bkr") else spec + ".bkr"
    base = importer.parent if importer is not None else Path.cwd()
    searched = {os.path.normpath(os.path.abspath(t)) for t in tried}
    here = os.path.normpath(os.path.abspath(name))
    if here not in searched and os.path.isfile(here):
        path = os.path.relpath(here, os.path.abspath(base)).replace(os.sep, "/")
        path = path if spec.endswith(".bkr") else path.removesuffix(".bkr")
        path = path if path.startswith("../") or not spec.startswith(("./", "../")) else f"./{path}"
        return (
            f"`{name}` is there from the folder bkrc runs in, but an import is looked up from the importing"
            f" file's folder: write `import {path}`"
        ), path
    up = os.path.normpath(os.path.join(os.path.abspath(base), "..", name))
    if not spec.startswith("./") and up not in searched and os.path.isfile(up):
        path = f"../{spec}"
        return f"`{path}` is there, in the folder above the importing file's: write `import {path}`", path
    import difflib  # here: only a mistaken import needs it

    stem = Path(name).stem
    ranked = []
    folders = []
    for t in tried:
        if t.parent not in folders:
            folders.append(t.parent)
    for folder in folders:
        try:
            names = sorted(p.stem for p in folder.glob("*.bkr") if p.is_file())
        except OSError:
            continue
        for other in names:
            ratio = difflib.SequenceMatcher(None, stem.lower(), other.lower()).ratio()
            if ratio >= 0.75 and other != stem:
                ranked.append(((-ratio,), other))
    close = tied_best(ranked)
    if not close:
        return _folder_hint(spec, tried)
    head = spec[: len(spec) - len(Path(spec).name)]
    suffix = ".bkr" if spec.endswith(".bkr") else ""
    paths = [f"{head}{other}{suffix}" for other in close]
    return f"did you mean {alternatives([f'import {p}' for p in paths])}?", paths[0] if len(paths) == 1 else None


def _folder_hint(spec: str, tried: list[Path]) -> tuple[str | None, str | None]:
    """`_site_hint` for a folder's name misspelt (`import ../sites/common`, the site's
    folder `site`): a folder searched that is not there, beside a folder of a close
    name that holds the module. (None, None) when there is no such folder."""
    import difflib  # here: only a mistaken import needs it

    parts = spec.split("/")
    if len(parts) < 2 or parts[-2] in ("", ".", ".."):
        return None, None
    ranked = []
    for t in tried:
        folder = t.parent
        try:  # a name too long for the file system raises, where is_dir would say False
            if folder.name != parts[-2] or folder.is_dir() or not folder.parent.is_dir():
                continue
            others = sorted(p.name for p in folder.parent.iterdir() if (p / t.name).is_file())
        except OSError:
            continue
        for other in others:
            ratio = difflib.SequenceMatcher(None, parts[-2].lower(), other.lower()).ratio()
            if ratio >= 0.75:
                ranked.append(((-ratio,), other))
    close = tied_best(ranked)
    if not close:
        return None, None
    paths = ["/".join([*parts[:-2], other, parts[-1]]) for other in close]
    return f"did you mean {alternatives([f'import {p}' for p in paths])}?", paths[0] if len(paths) == 1 else None


def _import_twice(imp: ast.Import, tried: list[Path]) -> Diagnostic:
    """`import import`, no module `import` found: the keyword written twice, its path
    never written (a module path is typed after it, and `import` was typed again), not
    a module `import` to look for. Said at the second, whose help lists the standard
    library's modules, then the places searched (a module `import` may be meant, and
    was not there). No fix: which module was meant is not known. (`import import
    import` is a syntax error: `Recovery.run_unfinished`.)"""
    from bkrdsl.syntax.messages import standard_modules

    where = "\n".join(f"  {_shown(t)}" for t in tried)
    return MISSING_MODULE(
        f"`{imp.path}` is written twice, with no module path after it",
        path_span(imp) or imp.span,
        help=f"remove the second `{imp.path}`, and write a module path after the first: {standard_modules()}"
        f"\nsearched for a module `{imp.path}`, in order:\n{where}",
        slip=Slip("twice", f"`{imp.path}`"),
    )


def _import_of_itself(imp: ast.Import, own: str, display: str, program: Program) -> Diagnostic:
    """BKR102 for a file that imports itself (`import ./x` in x.bkr; or by another name
    of the same file, a symbolic link to it or `./a/../x`, which `display` names): no
    other module shares the cycle, so its help is to remove the import, not to move
    what modules share into another, and its fix removes the import's line (the
    import alone, where other statements stand on it)."""
    source = program.sources.get(own)
    same = "" if display == own else f" (`{imp.path}` is {own} under another name)"
    return IMPORT_CYCLE(
        f"import cycle: {own} imports itself{same}",
        imp.span,
        help=f"remove this import: {own}'s own declarations need none",
        fix=Fix.replace("Remove the import", source.deletion(imp.span), "") if source is not None else None,
    )


def path_span(imp: ast.Import) -> Span | None:
    """Where the module path of `imp` is (the statement's last word, so it ends
    where the statement does); None when the statement is too short to hold it.
    Where BKR101 and BKR104 point, and what their fixes write over; the language
    server's fix for a module renamed outside the editor too (`lsp.server.BkrServer.renamed_modules`)."""
    span = imp.span
    if span.end - span.start < len(imp.path) or span.end_column <= len(imp.path):
        return None
    start, column = span.end - len(imp.path), span.end_column - len(imp.path)
    return Span(span.file, span.end_line, column, span.end_line, span.end_column, start, span.end)


def _path_fix(imp: ast.Import, path: str | None) -> Fix | None:
    """Write `path` over the module path of `imp`."""
    where = path_span(imp)
    if path is None or where is None:
        return None
    return Fix.replace(f"Import `{path}`", where, path)


def _display(spec: str, importer_display: str) -> str:
    """A stable, machine-independent name for a module (used in messages and snapshots)."""
    name = spec if spec.endswith(".bkr") else spec + ".bkr"
    if spec.startswith("std/"):
        return name
    return os.path.normpath(os.path.join(os.path.dirname(importer_display), name)).replace(os.sep, "/")


def dangling_link(name: str) -> str | None:
    """"is a symbolic link to 'X', which does not exist" when `name` is one (a file
    or folder moved away from under its link), else None: "no such file" would
    send the user looking for a name that is plainly there in `ls`."""
    try:
        return f"is a symbolic link to '{os.readlink(name)}', which does not exist"
    except OSError:  # not a link, or nothing there
        return None


def _link_note(path: Path) -> str:
    """What a place searched for a module and not found is, when it is a symbolic
    link: `ls` shows the name, so BKR101's list says why it is none (a link to a
    file moved away, or links that name each other); "" for any other."""
    if not os.path.islink(path):
        return ""
    try:
        os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return " (a loop of symbolic links, which ends at no file)"
    link = dangling_link(str(path))
    return f" ({link.removeprefix('is ')})" if link else ""


def unsearchable(folder: str) -> str | None:
    """Why `folder` (a `-I DIR`, or the language server's `include`) cannot be
    searched for modules, or None when it can."""
    import stat

    try:
        if not stat.S_ISDIR(os.stat(folder).st_mode):
            return f"'{folder}' is a file, not a folder"
        return None
    except FileNotFoundError:
        if link := dangling_link(folder):
            return f"'{folder}' {link}"
        return f"folder '{folder}' does not exist (a typo, or run from another folder?)"
    except NotADirectoryError:
        return f"'{folder}' is not a folder: a file stands on its path"
    except PermissionError:
        return f"folder '{folder}' cannot be reached: permission denied (to enter a folder on its path)"
    except OSError as err:
        if err.errno == errno.ELOOP:
            return f"'{folder}' is a loop of symbolic links"
        return f"folder '{folder}' cannot be reached: {err.strerror or err}"


def default_search_path(extra: tuple[str, ...] = ()) -> tuple[Path, ...]:
    env = tuple(p for p in os.environ.get("BKRDSL_PATH", "").split(os.pathsep) if p)
    return tuple(Path(p) for p in extra + env)


def read_text(name: str, data: bytes) -> tuple[Source, ast.Module | None, list[Diagnostic]]:
    """Decode, parse and build one file's bytes."""
    source, diagnostics = decode(name, data)
    if diagnostics:
        return source, None, diagnostics
    module, diagnostics = read_module(source)
    return source, module, diagnostics


Parsed = tuple[Source, "ast.Module | None", tuple[Diagnostic, ...]]
#: A text already read, as `read_text` gives it (or `Parsed`, its diagnostics a tuple).
Read = tuple[Source, "ast.Module | None", "Sequence[Diagnostic]"]


def _main_read(name: str, data: bytes, main: Read | None) -> tuple[Source, ast.Module | None, list[Diagnostic]]:
    """`read_text(name, data)`, or `main` when it is the parse of those very bytes: what
    `decode` makes of them, without a diagnostic, is `main`'s Source (name and text), and
    `read_text` would parse that Source to `main`'s AST and diagnostics."""
    if main is not None:
        source, problems = decode(name, data)
        if not problems and source == main[0]:
            return main[0], main[1], list(main[2])
    return read_text(name, data)


class ParsedModules:
    """Imported modules already read, kept across `load`s (the language server's).

    A module is kept by its display name and its exact bytes, so an entry is
    never stale: `read_text` is a pure function of the two, and the AST, the
    Source and the diagnostics it gives are immutable, so analyses share them.
    Whatever changes a module (an edit in its open buffer, closing the buffer,
    which falls back to the file, a write on disk) changes the bytes the reader
    gives `load`, and so the key. Several cluster files that import one module
    parse it once, and a keystroke in one of them parses only its own text.

    Least recently used modules go first past `max_bytes` of source text (an
    AST takes some 40-60 times its text) or `max_entries` modules; a module
    larger than `max_bytes` is not kept. The main file of a `load` is never
    kept: it is the text being typed, one entry a keystroke."""

    def __init__(self, max_bytes: int = 2_000_000, max_entries: int = 256) -> None:
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[str, bytes], Parsed] = OrderedDict()
        self._bytes = 0
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self):
        """The (name, bytes) of the modules kept, the least recently used first."""
        return iter(list(self._entries))

    def scratch(self) -> ScratchModules:
        """A cache for parses that may never be used (a rename's renamed modules,
        which the client may never apply), over this one: `ScratchModules`."""
        return ScratchModules(self)

    def kept(self, name: str, data: bytes) -> Parsed | None:
        """The parse kept of those very bytes, now the most recently used; None when none is."""
        key = (name, data)
        found = self._entries.get(key)
        if found is not None:
            self.hits += 1
            self._entries.move_to_end(key)
        return found

    def read(self, name: str, data: bytes) -> tuple[Source, ast.Module | None, list[Diagnostic]]:
        """`read_text(name, data)`, from the cache when it holds those very bytes."""
        key = (name, data)
        found = self.kept(name, data)
        if found is None:
            self.misses += 1
            source, module, diagnostics = read_text(name, data)
            found = (source, module, tuple(diagnostics))
            if len(data) <= self.max_bytes:
                self._entries[key] = found
                self._bytes += len(data)
                while self._bytes > self.max_bytes or len(self._entries) > self.max_entries:
                    (_name, old), _ = self._entries.popitem(last=False)
                    self._bytes -= len(old)
        return found[0], found[1], list(found[2])


class ScratchModules:
    """The parses of one speculative request, kept apart from the shared cache.

    A rename checks every file it edits again with the renamed texts
    (`features._no_new_errors`): the renamed copy of a module is one text for all
    the files that import it, so it is parsed once for the request, here. It
    never enters `shared`: the client may never apply the rename, and a few
    renames of a module of thousands of users would push the modules in real use
    out of it. What `shared` holds is read from it (no module is parsed twice),
    and nothing is evicted from it."""

    def __init__(self, shared: ParsedModules) -> None:
        self.shared = shared
        self._own: dict[tuple[str, bytes], Parsed] = {}

    def __len__(self) -> int:
        return len(self._own)

    def read(self, name: str, data: bytes) -> tuple[Source, ast.Module | None, list[Diagnostic]]:
        """`read_text(name, data)`, from the shared cache or this one, else parsed and kept here."""
        found = self.shared.kept(name, data)
        if found is None:
            found = self._own.get((name, data))
        if found is None:
            source, module, diagnostics = read_text(name, data)
            found = self._own[name, data] = (source, module, tuple(diagnostics))
        return found[0], found[1], list(found[2])


@dataclass
class _Loading:
    """What one `load` shares while it follows the imports."""

    program: Program
    loaded: dict[Path, ast.Module | None]
    search_path: tuple[Path, ...]
    reader: Reader
    parsed: ParsedModules | ScratchModules | None = None


def _mended(diagnostics: list[Diagnostic], span) -> bool:
    """Whether a syntax error lies on `span`: an import whose path recovery mended."""
    return any(
        d.is_error and d.span.file == span.file and d.span.start < span.end and span.start < d.span.end
        for d in diagnostics
    )


def _outside_help(spec: str, importer: Path | None) -> str:
    """BKR104's help, on the module the path names: a library module written in a second
    spelling (`std/./zvm73`) written `std/zvm73`; a module that is there written by its
    path from the importing file's folder (`./site/common`); else by its name, relative
    to the file or on the search path. The help wrote `./NAME` and `../NAME`, the name
    left to work out from the path (stop 82)."""
    bare = spec.removesuffix(".bkr")
    name = bare.rstrip("/").rsplit("/", 1)[-1] or bare
    if spec.startswith("std/") and ".." not in spec.split("/") and (stdlib_dir() / f"{name}.bkr").is_file():
        return f"write `import std/{name}` for `import {spec}`: the standard library's modules are one folder deep"
    library = "; `std/NAME` names a module of the standard library only" if spec.startswith("std/") else ""
    # `std/../site/common` read as a folder `std` beside the file (as a site that keeps
    # its modules so may have meant): `site/common.bkr` there
    target = Path(spec) if spec.startswith("/") or importer is None else importer.parent / spec
    if target.name:  # `import /` names no file: the root has no name to add `.bkr` to (stop 83)
        target = Path(os.path.normpath(target if target.suffix == ".bkr" else target.with_name(target.name + ".bkr")))
    if importer is not None and bare.strip("/") and _look(target) is True and target.is_file():
        rel = os.path.relpath(target, importer.parent)
        if spec.startswith("/") and rel.startswith(".."):
            # a folder outside the file's: named on the command line, where the person
            # running bkrc chooses it (the page's reason for refusing the path)
            return (
                f"write `import {name}` for `import {spec}`, and give its folder as `-I DIR` on the command"
                f" line (`-I {target.parent.as_posix()}`)"
            )
        rel = (rel if rel.startswith("..") else f"./{rel}").removesuffix(".bkr")
        return f"write `import {rel}` for `import {spec}`: the site's module, relative to this file{library}"
    return (
        f"import the site's module `{name}` relative to this file (`import ./{name}` where {name}.bkr is"
        f" beside it, `import ../{name}` in the folder above), or as `import {name}` with its folder given"
        f" as `-I DIR`{library}"
    )


def _visit(
    loading: _Loading, mod: ast.Module, mod_path: Path | None, chain: tuple[tuple[Path | None, str], ...]
) -> None:
    """Load what `mod` imports, depth first; `chain` is the import path to it, for cycles.

    A module-level function, not a closure calling itself: such a closure is a
    reference cycle that would keep the program, and every AST node, alive
    until the cyclic collector ran (compile runs without it)."""
    for imp in mod.imports:
        why = outside(imp.path)
        if why is not None:
            from bkrdsl.syntax.messages import standard_modules

            loading.program.diagnostics.append(
                IMPORT_OUTSIDE(
                    f"import path `{imp.path}` {_OUTSIDE[why]}",
                    path_span(imp) or imp.span,
                    # `import std/` (the name not typed yet, or left out): the library's modules,
                    # as BKR101 lists them for `std/b` (was the site's ways to import, below)
                    help=f"write the module's name after `std/`: {standard_modules()}"
                    if why == "std-empty"
                    else _outside_help(imp.path, mod_path),
                )
            )
            continue
        # closed: candidate -> the folder on its way bkrc may not enter
        found, tried, closed = _search(imp.path, mod_path, loading.search_path)
        if found is None and closed:
            first, folder = next(iter(closed.items()))
            searched = ""
            if len(tried) > 1:
                where = "\n".join(
                    f"  {_shown(t)}" + (f" (may not enter {closed[t]})" if t in closed else "") for t in tried
                )
                searched = f"\nsearched, in order:\n{where}"
            loading.program.diagnostics.append(
                UNREADABLE_MODULE(
                    f"cannot read module `{imp.path}` ({first}):"
                    f" permission denied to enter the folder {folder}",
                    imp.span,
                    help=f"let the user running bkrc enter {folder} (it needs search permission, x, on"
                    f" every folder on a module's path), or correct the import{searched}",
                )
            )
            continue
        if found is None and _mended(loading.program.diagnostics, imp.span):
            # `import std/zvm 99`: the path is the syntax error's repair, and that
            # error (BKR004, its fix writing the path) is the one to read first.
            continue
        if found is None and imp.path.lower() == "import":
            loading.program.diagnostics.append(_import_twice(imp, tried))
            continue
        if found is None:
            where = "\n".join(f"  {_shown(t)}{_link_note(t)}" for t in tried)
            hint, path = _stdlib_hint(imp.path)
            if hint is None:
                hint, path = _site_hint(imp.path, mod_path, tried)
            loading.program.diagnostics.append(
                MISSING_MODULE(
                    f"cannot find module `{imp.path}`",
                    imp.span,
                    help=(f"{hint}\n" if hint else "") + f"searched, in order:\n{where}",
                    fix=_path_fix(imp, path),
                )
            )
            continue
        key = found.resolve()
        # A module found in a search-path folder (-I, BKRDSL_PATH) is named by
        # where it was found, not as if it lay beside its importer.
        display = _display(imp.path, mod.file) if found == tried[0] else found.as_posix()
        if key == chain[-1][0]:
            loading.program.diagnostics.append(_import_of_itself(imp, chain[-1][1], display, loading.program))
            continue
        if key in {p for p, _ in chain}:
            cycle = " -> ".join([d for _, d in chain] + [display])
            loading.program.diagnostics.append(
                IMPORT_CYCLE(
                    f"import cycle: {cycle}",
                    imp.span,
                    help="move what these modules share into a module that imports none of them",
                )
            )
            continue
        if key in loading.loaded:
            continue
        what = _not_a_file(found)
        if what is not None:
            loading.program.diagnostics.append(
                UNREADABLE_MODULE(
                    f"cannot read module `{imp.path}` ({found}): it is {what}, not a file",
                    imp.span,
                    help=(
                        "bkrc reads a module from a regular file only (a FIFO would hold it until"
                        " something writes to it, a device may never end): put the module's .bkr"
                        " file there, or correct the import"
                    ),
                )
            )
            loading.loaded[key] = None
            continue
        try:
            data = loading.reader(found)
        except (IsADirectoryError, PermissionError, OSError) as err:
            folder = isinstance(err, IsADirectoryError)
            loading.program.diagnostics.append(
                UNREADABLE_MODULE(
                    f"cannot read module `{imp.path}` ({found}): "
                    + ("it is a folder, not a file" if folder else f"{err.strerror or err}"),
                    imp.span,
                    # a folder is made readable in vain: its name is the module's
                    help=f"a module is a .bkr file: correct the import, or rename the folder {found.name}"
                    if folder
                    else "make the file readable, or correct the import",
                )
            )
            loading.loaded[key] = None
            continue
        read = loading.parsed.read if loading.parsed is not None else read_text
        src, sub, diags = read(display, data)
        loading.program.sources[display] = src
        loading.program.imported_by[display] = imp
        loading.program.diagnostics.extend(diags)
        loading.loaded[key] = sub
        if sub is not None:
            loading.program.modules.append(sub)
            _visit(loading, sub, found, chain + ((key, display),))


def load(
    name: str,
    data: bytes,
    *,
    path: Path | None = None,
    search_path: tuple[Path, ...] = (),
    reader: Reader = read_file,
    parsed: ParsedModules | ScratchModules | None = None,
    main: Read | None = None,
) -> Program:
    """Load a main file (already read: the CLI owns its I/O errors) and all it imports.
    `parsed`: imported modules already read, kept across loads (`ParsedModules`, or
    `ScratchModules` for a speculative load whose parses must not be kept).
    `main`: the main file already parsed, as `read_text(name, data)` would give it
    (`bkrc init`: the formatter's proof parsed the text it writes, `fmt.format_text_read`);
    taken only when `data` decodes without a diagnostic to that very Source, else
    `data` is parsed as without it."""
    source, module, diagnostics = _main_read(name, data, main)
    program = Program(main=module, sources={name: source}, diagnostics=diagnostics)
    if module is None:
        return program
    program.modules.append(module)
    loaded: dict[Path, ast.Module | None] = {}
    main_key = path.resolve() if path is not None else None
    if main_key is not None:
        loaded[main_key] = module

    _visit(_Loading(program, loaded, search_path, reader, parsed), module, path, ((main_key, name),))
    if program.diagnostics and len(program.modules) > 1:
        _records_of_imported_groups(program, source)
    return program


def _records_of_imported_groups(program: Program, source: Source) -> None:
    """A job template's record in a job of the main file whose groups an import declares
    (`EXCLUDE MINIDISK MAINT * = * *`, `backup APPS` of a module's `single group APPS`):
    its error as the groups of every module read tell it (messages.record_of_imported_groups:
    an exclude of a user the job does not back up is removed, not written, which would
    exclude nothing, BKR406). Only on a file with a diagnostic, after its imports are loaded."""
    from bkrdsl.syntax import codes, messages

    main = program.main
    groups = None
    for at, diag in enumerate(program.diagnostics):
        if diag.code != codes.KEY_VALUE.code or diag.fix is None or diag.span is None or diag.span.file != main.file:
            continue
        if groups is None:
            groups = messages.imported_groups(program.modules)
        program.diagnostics[at] = messages.record_of_imported_groups(diag, source, main, groups)
