"""A missing module (BKR101) says what to write when the standard library has it; a
module in a folder bkrc may not enter is not called missing (BKR103); modules that
import each other are one import cycle (BKR102), a module imported twice is not."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from conftest import lock_folder

from bkrdsl.fixes import apply
from bkrdsl.pipeline import analyse

CLUSTER = "cluster A {\n  member M { workers 1 }\n}\n"


def missing(tmp_path, spec: str):
    path = tmp_path / "main.bkr"
    data = f"import {spec}\n{CLUSTER}".encode()
    (found,) = [d for d in analyse(str(path), data, path=path).diagnostics if d.code == "BKR101"]
    assert found.message == f"cannot find module `{spec}`"
    return found.help


@pytest.mark.parametrize(
    ("spec", "meant"), [("zvm73", "std/zvm73"), ("backup-manager.bkr", "std/backup-manager")]
)
def test_a_stdlib_module_imported_without_std_says_to_write_std(tmp_path, spec, meant):
    first, *rest = missing(tmp_path, spec).split("\n")
    assert first == f"`{spec.removesuffix('.bkr')}` is in the standard library: write `import {meant}`"
    assert rest[0] == "searched, in order:"  # and every place searched, as before


def test_a_module_beside_the_file_wins_and_is_no_hint(tmp_path):
    (tmp_path / "zvm73.bkr").write_text("single user SITEADM\n")
    path = tmp_path / "main.bkr"
    data = f"import zvm73\n{CLUSTER}".encode()
    assert "BKR101" not in [d.code for d in analyse(str(path), data, path=path).diagnostics]


def test_a_misspelt_stdlib_module_gets_the_closest_names(tmp_path):
    assert missing(tmp_path, "std/backup-manger").startswith("did you mean `import std/backup-manager`?\n")
    # Equally close: all offered, alphabetically.
    assert missing(tmp_path, "std/zvm37").startswith(
        "did you mean `import std/zvm72`, `import std/zvm73` or `import std/zvm74`?\n"
    )


@pytest.mark.parametrize(
    ("spec", "meant"),
    [("STD/ZVM73", "std/zvm73"), ("STD/BACKUP-MANAGER", "std/backup-manager"), ("Std/Zvm74.BKR", "std/zvm74")],
)
def test_a_stdlib_path_in_capitals_says_to_write_it_in_small_letters_and_fixes_it(tmp_path, spec, meant):
    # A file typed on CMS, all in capitals: its keywords and names read as in small
    # letters, but a path is looked up as written, and the library's are in small letters.
    path = tmp_path / "main.bkr"
    data = f"IMPORT {spec}  # THE LIBRARY\n{CLUSTER}".encode()
    (found,) = [d for d in analyse(str(path), data, path=path).diagnostics if d.code == "BKR101"]
    assert found.help.startswith(
        f"the standard library's paths are written in small letters: write `import {meant}`\nsearched, in order:"
    )
    fixed = apply(data.decode(), [found])
    assert fixed.startswith(f"IMPORT {meant}  # THE LIBRARY\n")
    assert "BKR101" not in [d.code for d in analyse(str(path), fixed.encode(), path=path).diagnostics]


def test_an_unknown_stdlib_module_lists_the_library(tmp_path):
    assert missing(tmp_path, "std/payroll").startswith("the standard library has `std/backup-manager`, ")


@pytest.mark.parametrize("spec", ["./zvm73", "site/common", "nothing"])
def test_no_hint_for_what_the_library_does_not_have_or_a_relative_path(tmp_path, spec):
    assert missing(tmp_path, spec).startswith("searched, in order:\n")


def test_a_place_searched_is_shown_without_its_dot_dot(tmp_path):
    # `./sub/../site/common` looks in site/ beside the file: the help names that
    # place, not `sub/../site/common.bkr`, which reads as a folder sub/ searched.
    (tmp_path / "sub").mkdir()
    assert missing(tmp_path, "./sub/../site/common") == f"searched, in order:\n  {tmp_path / 'site' / 'common.bkr'}"
    spec = f"../{tmp_path.name}/../lib/common"
    assert missing(tmp_path, spec) == f"searched, in order:\n  {tmp_path.parent / 'lib' / 'common.bkr'}"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_a_place_searched_through_a_link_or_a_missing_folder_is_shown_as_searched(tmp_path):
    # What was opened is not changed, and what is shown is where that is: `link/..`
    # is the parent of the link's target, and `nothing/..` is no folder at all (the
    # system looks for `nothing` first), so neither path is shortened.
    (tmp_path / "elsewhere" / "deep").mkdir(parents=True)
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere" / "deep")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "common.bkr").write_text("single user SITEADM\n")
    assert missing(tmp_path, "./link/../site/common") == f"searched, in order:\n  {tmp_path}/link/../site/common.bkr"
    assert missing(tmp_path, "./nothing/../site/common") == (
        f"searched, in order:\n  {tmp_path}/nothing/../site/common.bkr"
    )


# ------------------------------------------------------------ folders bkrc may not enter
def import_codes(tmp_path, spec: str, search_path=()):
    path = tmp_path / "main.bkr"
    data = f"import {spec}\n{CLUSTER}".encode()
    found = analyse(str(path), data, path=path, search_path=search_path).diagnostics
    return [d for d in found if d.code in ("BKR101", "BKR103")]


def test_a_module_in_a_folder_bkrc_may_not_enter_is_not_called_missing(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "x.bkr").write_text("single user SITEADM\n")
    lock_folder(monkeypatch, site)
    (d,) = import_codes(tmp_path, "./site/x")
    assert d.code == "BKR103"
    assert d.message == (
        f"cannot read module `./site/x` ({site / 'x.bkr'}): permission denied to enter the folder {site}"
    )
    assert d.help == (
        f"let the user running bkrc enter {site} (it needs search permission, x, on every folder"
        " on a module's path), or correct the import"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_module_that_is_a_fifo_is_refused_not_waited_for(tmp_path):
    """`site/x.bkr` a FIFO (named pipe): reading it waited for a writer for good, and
    `bkrc check`, `compile` and the language server with it, which has no Ctrl-C. It
    is refused unread, as a folder is; a FIFO given as FILE is still read (`<(...)`)."""
    site = tmp_path / "site"
    site.mkdir()
    os.mkfifo(site / "x.bkr")
    path = tmp_path / "main.bkr"
    data = f"import ./site/x\n{CLUSTER}".encode()
    done: list = []
    worker = threading.Thread(
        target=lambda: done.append(analyse(str(path), data, path=path).diagnostics), daemon=True
    )
    worker.start()
    worker.join(20)
    if worker.is_alive():  # let the reader go, then fail
        fd = os.open(site / "x.bkr", os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        worker.join(5)
        pytest.fail("the import of a FIFO waited for a writer")
    (d,) = [d for d in done[0] if d.code in ("BKR101", "BKR103")]
    assert d.code == "BKR103"
    assert d.message == f"cannot read module `./site/x` ({site / 'x.bkr'}): it is a FIFO (named pipe), not a file"
    assert d.help == (
        "bkrc reads a module from a regular file only (a FIFO would hold it until something"
        " writes to it, a device may never end): put the module's .bkr file there, or correct the import"
    )


def test_a_search_path_folder_bkrc_may_not_enter_is_named_among_the_places_searched(tmp_path, monkeypatch):
    locked, empty = tmp_path / "lib", tmp_path / "lib2"
    locked.mkdir()
    empty.mkdir()
    lock_folder(monkeypatch, locked)
    (d,) = import_codes(tmp_path, "common", (locked, empty))
    assert d.code == "BKR103" and d.message.endswith(f"permission denied to enter the folder {locked}")
    assert d.help.endswith(
        "\nsearched, in order:\n"
        f"  {tmp_path / 'common.bkr'}\n"
        f"  {locked / 'common.bkr'} (may not enter {locked})\n"
        f"  {empty / 'common.bkr'}"
    )
    # A module found further on is read, as before: no error for the import.
    (empty / "common.bkr").write_text("single user SITEADM\n")
    assert import_codes(tmp_path, "common", (locked, empty)) == []


def _cycle_diagnostics(tmp_path, files: dict[str, str], main: str):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    path = tmp_path / main
    return analyse(str(path), path.read_bytes(), path=path).diagnostics


def _cycles(tmp_path, found) -> list[str]:
    return [d.message.replace(f"{tmp_path}/", "") for d in found if d.code == "BKR102"]


def test_two_modules_that_import_each_other_are_one_import_cycle(tmp_path):
    """BKR102, failing case: the import that closes the cycle, the chain named."""
    found = _cycle_diagnostics(
        tmp_path, {"a.bkr": "import ./b\nsingle user X1\n", "b.bkr": "import ./a\nsingle user X2\n"}, "a.bkr"
    )
    assert _cycles(tmp_path, found) == ["import cycle: a.bkr -> b.bkr -> a.bkr"]
    (cycle,) = [d for d in found if d.code == "BKR102"]
    assert (Path(cycle.span.file).name, cycle.span.line, cycle.span.column) == ("b.bkr", 1, 1)
    assert cycle.help


def test_a_module_that_imports_itself_and_a_cluster_that_imports_a_cycle(tmp_path):
    found = _cycle_diagnostics(tmp_path, {"c.bkr": "import ./c\n"}, "c.bkr")
    assert _cycles(tmp_path, found) == ["import cycle: c.bkr imports itself"]
    found = _cycle_diagnostics(
        tmp_path,
        {"a.bkr": "import ./b\n", "b.bkr": "import ./a\n", "main.bkr": f"import ./a\n{CLUSTER}"},
        "main.bkr",
    )
    assert _cycles(tmp_path, found) == ["import cycle: main.bkr -> a.bkr -> b.bkr -> a.bkr"]


def test_a_module_imported_twice_without_a_cycle_is_no_import_cycle(tmp_path):
    """BKR102, passing case: a diamond (main imports a and b, both import d)."""
    found = _cycle_diagnostics(
        tmp_path,
        {
            "d.bkr": "single user XD\n",
            "a.bkr": "import ./d\nsingle user XA\n",
            "b.bkr": "import ./d\nsingle user XB\n",
            "main.bkr": f"import ./a\nimport ./b\n{CLUSTER}",
        },
        "main.bkr",
    )
    assert "BKR102" not in [d.code for d in found]


def _import_outside(tmp_path, spec: str):
    """The diagnostics of a cluster in tmp_path/project whose `import spec` would
    read tmp_path/elsewhere/site.bkr, a module that declares SECRET1."""
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "site.bkr").write_text("single user SECRET1\n")
    (tmp_path / "project").mkdir()
    path = tmp_path / "project" / "main.bkr"
    path.write_text(f"import {spec}\n{CLUSTER}")
    analysis = analyse(str(path), path.read_bytes(), path=path)
    assert len(analysis.program.modules) == 1  # the main file's: site.bkr was not read
    return [d for d in analysis.diagnostics if d.code.startswith("BKR10")]


def test_an_absolute_import_path_is_read_nowhere(tmp_path):
    """BKR104: `import /...` would read whatever that path holds on the machine
    that checks the file; a folder outside the project is given with `-I DIR`."""
    spec = (tmp_path / "elsewhere" / "site").as_posix()
    (found,) = _import_outside(tmp_path, spec)
    assert found.code == "BKR104"
    assert found.message == (
        f"import path `{spec}` is absolute: a module is imported by a path relative to the"
        " importing file, the standard library or a search folder"
    )
    assert (found.span.line, found.span.column, found.span.end_column) == (1, 8, 8 + len(spec))
    assert "-I DIR" in found.help


@pytest.mark.parametrize("how", ["dots", "slash"])
def test_a_std_path_that_leaves_the_standard_library_is_read_nowhere(tmp_path, how):
    """BKR104: `std/` reads as the library bkrc ships; `std/../...` (or `std//...`,
    absolute after `std/`) would read a file of somewhere else under that name."""
    from bkrdsl.resources import stdlib_dir

    target = tmp_path / "elsewhere" / "site"
    spec = "std/" + (os.path.relpath(target, stdlib_dir()) if how == "dots" else target.as_posix())
    (found,) = _import_outside(tmp_path, spec)
    assert found.code == "BKR104"
    assert found.message == (
        f"import path `{spec}` leaves the standard library, which it names: a `std/` path is"
        " `std/` and one module's name"
    )


@pytest.mark.parametrize("spec", ["std/./zvm73", "std/zvm73/.", "std/.", "std/site/common", "std/zvm73/"])
def test_a_std_path_that_is_not_one_modules_name_is_read_nowhere(tmp_path, spec):
    """BKR104: the message says a `std/` path is `std/` and one module's name, so a
    `.` part or a folder is refused too (`std/./zvm73` was read as `std/zvm73`): a
    library module has one spelling, which a reviewer's search for it finds."""
    (found,) = _import_outside(tmp_path, spec)
    assert found.code == "BKR104"
    assert found.message == (
        f"import path `{spec}` is not `std/` and one module's name: the standard library's modules are"
        " one folder deep, named without a `.` part or a folder (`std/zvm73`)"
    )
    assert (found.span.line, found.span.column, found.span.end_column) == (1, 8, 8 + len(spec))


def test_h6s78_import_std_with_no_name_lists_the_library_s_modules(tmp_path):
    """`import std/`, as it stands while the module's name is typed (an editor walk, h6
    stop 78): the name is what is missing, and the help lists the library's modules as
    BKR101's does at `std/b`, not the site's ways to import (`./NAME`, `-I DIR`) nor "is
    not `std/` and one module's name". Each module the help names, written after `std/`,
    is read."""
    from bkrdsl.syntax.messages import standard_modules

    (found,) = _import_outside(tmp_path, "std/")
    assert found.code == "BKR104"
    assert found.message == "import path `std/` names no module: the module's name goes after `std/`"
    assert found.help == f"write the module's name after `std/`: {standard_modules()}"
    assert (found.span.line, found.span.column, found.span.end_column) == (1, 8, 12)
    named = [w for w in found.help.split("`")[1::2] if w.startswith("std/") and w != "std/"]
    assert "std/zvm73" in named
    for spec in named:
        path = tmp_path / "main.bkr"
        path.write_text(f"import {spec}\n{CLUSTER}")
        analysis = analyse(str(path), path.read_bytes(), path=path)
        assert not [d for d in analysis.diagnostics if d.code.startswith("BKR10")], spec


def test_a_std_module_by_its_name_is_read(tmp_path):
    """`std/zvm73` and `std/zvm73.bkr` are one module's name: read, no BKR104."""
    for spec in ("std/zvm73", "std/zvm73.bkr"):
        path = tmp_path / "main.bkr"
        path.write_text(f"import {spec}\n{CLUSTER}")
        analysis = analyse(str(path), path.read_bytes(), path=path)
        assert not [d for d in analysis.diagnostics if d.code.startswith("BKR10")]
        assert [Path(m.file).name for m in analysis.program.modules][1:2] == ["zvm73.bkr"]


def test_a_relative_path_climbing_out_of_the_project_is_read_as_documented(tmp_path):
    """`../` is relative to the importing file (docs/language.md): it may leave the
    project, as `#include "../x.h"` does, and reads the module."""
    path = tmp_path / "project" / "main.bkr"
    (tmp_path / "project").mkdir()
    (tmp_path / "site.bkr").write_text("single user SITE1\n")
    path.write_text(f"import ../site\n{CLUSTER}")
    analysis = analyse(str(path), path.read_bytes(), path=path)
    assert not [d for d in analysis.diagnostics if d.code.startswith("BKR10")]
    assert [Path(m.file).name for m in analysis.program.modules] == ["main.bkr", "site.bkr"]


# --- h5 (stop 67)
@pytest.mark.parametrize("how", ["./x", "./a/../x", "./y"], ids=["plainly", "through-a-folder", "through-a-link"])
def test_a_file_that_imports_itself_is_told_to_remove_the_import_and_the_fix_does(tmp_path, how):
    """`import ./x` in x.bkr, or by another name of it (`./a/../x`, a symbolic link
    y.bkr to it): BKR102 said "import cycle: x.bkr -> y.bkr", as if two modules
    imported each other, and its help was to move what "these modules" share into
    a third; the file alone is the cycle, so it is said to import itself, and the
    fix removes the import. `bkrc check --fix` leaves the file checking clean."""
    from conftest import EXAMPLES, run_cli

    (tmp_path / "a").mkdir()
    (tmp_path / "y.bkr").symlink_to("x.bkr")
    text = (EXAMPLES / "minimal.bkr").read_text()
    path = tmp_path / "x.bkr"
    path.write_text(text.replace("import std/zvm73\n", f"import std/zvm73\nimport {how}\n"))
    (cycle,) = [d for d in analyse(str(path), path.read_bytes(), path=path).diagnostics if d.code == "BKR102"]
    other = "" if how != "./y" else " (`./y` is x.bkr under another name)"
    assert cycle.message.replace(f"{tmp_path}/", "") == f"import cycle: x.bkr imports itself{other}"
    assert cycle.help.replace(f"{tmp_path}/", "") == "remove this import: x.bkr's own declarations need none"
    assert (cycle.span.line, cycle.span.column) == (5, 1)
    assert apply(path.read_text(), [cycle]) == text
    result = run_cli(["check", "--fix", path], expect=0)
    assert "Traceback" not in result.output
    assert path.read_text() == text


def test_an_import_of_a_folder_says_it_is_a_folder(tmp_path):
    """`import ./d` where d.bkr is a folder: BKR103 said the OS's "Is a directory",
    with the help of a file bkrc may not read, "make the file readable": a folder
    read is no module however readable; it is named a folder, and the help says
    to import a file or rename the folder."""
    (tmp_path / "d.bkr").mkdir()
    path = tmp_path / "main.bkr"
    path.write_text(f"import ./d\n{CLUSTER}")
    (d,) = [d for d in analyse(str(path), path.read_bytes(), path=path).diagnostics if d.code.startswith("BKR10")]
    assert d.code == "BKR103"
    assert d.message == f"cannot read module `./d` ({tmp_path / 'd.bkr'}): it is a folder, not a file"
    assert d.help == "a module is a .bkr file: correct the import, or rename the folder d.bkr"


# stop 71, h3: a group declared inside a block of an imported file

H3S71_MAIN = """\
import std/backup-manager
import std/zvm73
import site

cluster LABSSI {
  member LAB1 { workers 2  private-volume L1PRV1 }
  disk BKRBKUP 191 size 10 cyl
  disk BKRCATLG 191 size 10 cyl
  disk BKRWRK* 191 size 5 cyl
  job SPARE {
    backup SPARES full
    include minidisk * *
    to disk pool BKUPPOOL
    run on LAB1 daily 01:00
  }
  shared-volume LABCOM
  catalog shared server BKRSVSFS pool BKRPOOL on LAB1
  disk BKRSVSFS 191 size 20 cyl
  disk BKRADMIN 191 size 10 cyl
  disk 5697J06C 191 size 10 cyl
  expire on LAB1 {
    preview daily 05:00
    purge weekly sun 06:00
    retain 30 days
  }
}
"""
#: site.bkr, imported: a group declared in another group's body, as written and as
#: the fix writes it, below that body's `}`. The error and its fix's edits name site.bkr,
#: not the file checked; the fix applied there gives a clean cluster.
H3S71_IMPORTED = [
    ("## the site's own\nsingle group SPARES {\n  LINUX03 LINUX04\n  identity group SYS2 { TCPIP2 }\n}\nsingle user LINUX05\n",
     "## the site's own\nsingle group SPARES {\n  LINUX03 LINUX04\n}\nidentity group SYS2 { TCPIP2 }\nsingle user LINUX05\n"),
    ("single group SPARES {\n  LINUX03\n  identity group SYS2 {  # ours\n    TCPIP2\n  }\n}\n",
     "single group SPARES {\n  LINUX03\n}\nidentity group SYS2 {  # ours\n  TCPIP2\n}\n"),
]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("site", "mended"), H3S71_IMPORTED, ids=["on one line", "over three lines"])
def test_h3s71_a_group_declared_in_a_block_of_an_imported_file_is_moved_there(tmp_path, site, mended, parser, monkeypatch):
    from conftest import run_cli

    from bkrdsl.fixes import apply_edits

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    main, imported = tmp_path / "main.bkr", tmp_path / "site.bkr"
    main.write_text(H3S71_MAIN)
    imported.write_text(site)
    (found,) = analyse(str(main), H3S71_MAIN.encode(), path=main).diagnostics
    assert (found.code, Path(found.span.file).name) == ("BKR013", "site.bkr")
    assert {Path(e.span.file).name for e in found.fix.edits} == {"site.bkr"}
    assert apply_edits(site, found.fix.edits) == mended
    imported.write_text(mended)
    assert analyse(str(main), H3S71_MAIN.encode(), path=main).diagnostics == []
    # `bkrc check --fix` with both files: the fix is applied in site.bkr, main.bkr untouched
    imported.write_text(site)
    run_cli(["check", "--fix", main, imported], expect=0)
    assert (imported.read_text(), main.read_text()) == (mended, H3S71_MAIN)


# stop 83, h5: found by `.ci/explore 202612078` (test_fuzz_frontend's damaged examples: `import /`)
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("spec", ["/", "//"])
def test_h5_83_an_import_of_the_root_folder_is_a_diagnostic_not_a_crash(parser, spec, monkeypatch, tmp_path):
    """`import /` raised ValueError ("PosixPath('/') has an empty name") while the help for an
    absolute path added `.bkr` to the path's last name, which the root has not; bkrc check
    said "internal error". Now BKR104 (an absolute path), at the path."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    source = tmp_path / "site.bkr"
    text = f"import {spec}\ncluster X {{\n}}\n"
    source.write_text(text, encoding="utf-8")
    found = analyse("site.bkr", text.encode(), path=source).diagnostics
    assert [(d.code, d.span.line, d.span.column) for d in found if d.is_error][:1] == [("BKR104", 1, 8)], found
