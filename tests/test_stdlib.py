"""The standard library: every module parses, imports cleanly into a cluster,
classifies the IDs the way docs/stdlib.md says, and the docs list exactly
what the modules declare."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_cli

from bkrdsl.ast import Kind
from bkrdsl.diagnostics.render import MESSAGE_WIDTH, render_short
from bkrdsl.pipeline import analyse
from bkrdsl.resolve import build_model
from bkrdsl.resolve.loader import load, read_text
from bkrdsl.resources import stdlib_dir

ROOT = Path(__file__).resolve().parent.parent
STDLIB = stdlib_dir()
STDLIB_DOC = ROOT / "docs" / "stdlib.md"
MODULES = sorted(p.stem for p in STDLIB.glob("*.bkr"))
ZVM_RELEASES = ("zvm72", "zvm73", "zvm74")

I, S = Kind.IDENTITY, Kind.SINGLE

# The classifications issue 3 names, and a few more per family, with the
# release module that must provide them. (module, user ID, kind)
SPOT_CHECKS = [
    *[(mod, uid, I) for mod in ZVM_RELEASES for uid in ("MAINT", "AUTOLOG1", "OPERATOR", "TCPIP")],
    *[(mod, "PMAINT", S) for mod in ZVM_RELEASES],
    ("zvm72", "MAINT720", S),
    ("zvm73", "MAINT730", S),
    ("zvm74", "MAINT740", S),
    ("zvm73", "AUTOLOG2", I),
    ("zvm73", "DIRMAINT", S),
    ("zvm73", "DIRMSAT", I),
    ("zvm73", "DIRMSAT2", I),  # through the DIRMSAT* pattern
    ("zvm73", "DATAMOVE", I),
    ("zvm73", "VMSERVS", I),
    ("zvm73", "VMSERVU", I),
    ("zvm73", "VMSERVR", I),
    ("zvm73", "VMSERVP", S),
    ("zvm73", "TCPMAINT", S),
    ("zvm73", "DTCVSW2", I),
    ("zvm73", "VSMWORK1", I),
    ("zvm74", "RACFVM", I),
    ("zvm74", "PERFSVM", I),
    ("zvm72", "7VMTCP20", S),
    ("zvm73", "7VMDIR30", S),
    ("zvm74", "7VMRAC40", S),
    ("backup-manager", "5697J06C", S),
    ("backup-manager", "BKRADMIN", S),
    ("backup-manager", "BKRBKUP", I),
    ("backup-manager", "BKRCATLG", I),
    ("backup-manager", "BKRWRK01", I),
]

# Release-specific IDs must not leak into another release's module.
NOT_IN = [
    ("zvm72", "MAINT730"),
    ("zvm72", "7VMTCP40"),
    ("zvm73", "MAINT720"),
    ("zvm73", "MAINT740"),
    ("zvm74", "MAINT730"),
    ("zvm74", "7VMDIR30"),
    ("zvm73", "BKRADMIN"),  # the product's machines live in std/backup-manager only
]

# The cluster every release module must check clean in, beside std/backup-manager.
CLUSTER = """\
import std/backup-manager
{imports}

cluster STDTEST {{
  member VMSYS1 {{ workers 2  private-volume M1PRV1 }}
  member VMSYS2 {{ workers 2  private-volume M2PRV1 }}
  shared-volume VMCOM1
  disk BKRBKUP 191 size 10 cyl
  disk BKRCATLG 191 size 10 cyl
  disk BKRWRK* 191 size 5 cyl
  disk BKRSVSFS 191 size 20 cyl
  disk BKRADMIN 191 size 10 cyl
  disk 5697J06C 191 size 10 cyl

  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1
  expire on VMSYS1 {{ preview daily 01:00  purge weekly sun 03:00  retain 35 days }}

  single user BKRSVSFS
  ## z/VM's shared IDs: one job, on one member.
  single group ZVMSHARE {{ PMAINT {maints} TCPMAINT VMSERVP }}
  ## z/VM's per-member IDs: one job per member.
  identity group ZVMLOCAL {{ MAINT AUTOLOG1 OPERATOR TCPIP }}

  job ZSHARE {{
    backup ZVMSHARE full
    include minidisk * *
    to disk pool BKUPPOOL
    run on VMSYS1 daily 02:00
  }}
  job ZLOCL {{
    backup ZVMLOCAL incremental
    include minidisk * *
    to disk pool BKUPPOOL
    run on each member daily 05:00
  }}
}}
"""


def cluster_text(releases: tuple[str, ...]) -> bytes:
    imports = "\n".join(f"import std/{r}" for r in releases)
    maints = " ".join(f"MAINT{r[3:]}0" for r in releases)
    return CLUSTER.format(imports=imports, maints=maints).encode()


def model_of(*modules: str):
    """The resolved model of a file that only imports the given stdlib modules."""
    text = "".join(f"import std/{m}\n" for m in modules).encode()
    program = load("imports.bkr", text)
    assert program.diagnostics == [], render_short(program.diagnostics)
    return build_model(program.modules)


def parsed(name: str):
    path = STDLIB / f"{name}.bkr"
    return read_text(f"{name}.bkr", path.read_bytes())


# ----------------------------------------------------------------- parsing
@pytest.mark.parametrize("name", MODULES)
def test_module_parses_without_diagnostics(name):
    _, module, diagnostics = parsed(name)
    assert diagnostics == [], render_short(diagnostics)
    assert module is not None
    assert module.users, f"{name} declares no users"
    assert not module.clusters, "a standard-library module declares, it never holds a cluster"


def test_the_release_modules_exist():
    assert {"backup-manager", *ZVM_RELEASES} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_every_declaration_is_documented(name):
    # The language server shows these doc comments on hover.
    _, module, _ = parsed(name)
    undocumented = [d.names[0].text for d in module.users if not d.doc]
    assert undocumented == []


USER_ID = re.compile(r"[A-Z0-9@#$_-]{1,8}\Z")  # CP's USERID_CHARACTERS, 1-8 of them
PATTERN = re.compile(r"[A-Z0-9@#$_*%?-]{1,8}\Z")


@pytest.mark.parametrize("name", MODULES)
def test_names_are_valid_user_ids(name):
    _, module, _ = parsed(name)
    for decl in module.users:
        for word in decl.names:
            assert word.text == word.text.upper(), f"{word.text}: write the standard library in upper case"
            rule = PATTERN if any(c in "*%?" for c in word.text) else USER_ID
            assert rule.match(word.text), f"{name}: {word.text!r} is not a valid user ID"


# ----------------------------------------------------------------- one kind per user
def test_no_user_is_declared_twice_across_the_whole_library():
    model = model_of(*MODULES)
    seen: dict[str, str] = {}
    for u in model.user_defs:
        assert u.id not in seen, f"{u.id} is declared in {seen[u.id]} and in {u.module}"
        seen[u.id] = u.module
    patterns = [p.pattern for p in model.pattern_defs]
    assert len(patterns) == len(set(patterns)), patterns


def test_no_pattern_contradicts_an_explicit_declaration():
    model = model_of(*MODULES)
    for p in model.pattern_defs:
        for u in model.user_defs:
            if p.matches(u.id):
                assert p.kind is u.kind, f"{u.id} ({u.kind.value}) matches {p.pattern} ({p.kind.value})"


def test_release_modules_share_one_copy_of_the_common_ids():
    program = load("imports.bkr", "".join(f"import std/{r}\n" for r in ZVM_RELEASES).encode())
    files = [m.file for m in program.modules]
    assert files.count("std/zvm-common.bkr") == 1, files


# ----------------------------------------------------------------- a cluster checks clean
@pytest.mark.parametrize(
    "releases",
    [(r,) for r in ZVM_RELEASES] + [("zvm73", "zvm74"), ZVM_RELEASES],
    ids=lambda rs: "+".join(rs),
)
def test_cluster_with_release_module_and_backup_manager_checks_clean(releases):
    # A pair of releases is a cluster in the middle of an upgrade.
    analysis = analyse("stdtest.bkr", cluster_text(releases))
    assert analysis.model is not None
    assert analysis.diagnostics == [], render_short(analysis.diagnostics)


# ----------------------------------------------------------------- classifications
@pytest.mark.parametrize("module,user_id,kind", SPOT_CHECKS, ids=lambda v: getattr(v, "value", v))
def test_classification(module, user_id, kind):
    assert model_of(module).kind_of(user_id) is kind


@pytest.mark.parametrize("module,user_id", NOT_IN)
def test_release_specific_ids_stay_in_their_release(module, user_id):
    assert model_of(module).kind_of(user_id) is None


# ----------------------------------------------------------------- docs agree with the modules
ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|\s*(single|identity)\s*\|", re.MULTILINE)


def documented() -> dict[str, str]:
    rows = ROW.findall(STDLIB_DOC.read_text(encoding="utf-8"))
    names = [n for n, _ in rows]
    assert len(names) == len(set(names)), "an ID has two rows in docs/stdlib.md"
    return dict(rows)


def declared() -> dict[str, str]:
    out: dict[str, str] = {}
    for name in MODULES:
        _, module, _ = parsed(name)
        for decl in module.users:
            for word in decl.names:
                out[word.text] = decl.kind.value
    return out


def test_docs_table_lists_exactly_the_declared_ids_with_their_kinds():
    docs, code = documented(), declared()
    assert sorted(set(code) - set(docs)) == [], "declared but missing from docs/stdlib.md"
    assert sorted(set(docs) - set(code)) == [], "in docs/stdlib.md but declared nowhere"
    assert {k: v for k, v in docs.items() if code[k] != v} == {}, "kind differs between docs and stdlib"


def test_the_checks_know_the_machines_backup_manager_declares():
    """BKR332 says `import std/backup-manager` is missing when a `disk` names one
    of its machines and no user has that role: the names it knows are the module's."""
    from bkrdsl.check.declarations import STANDARD_MACHINES

    text = (STDLIB / "backup-manager.bkr").read_text(encoding="utf-8")
    declared = dict(re.findall(r"^(?:single|identity) user (\S+) role (\S+)$", text, re.MULTILINE))
    assert STANDARD_MACHINES == declared


def test_a_disk_for_an_unknown_user_where_no_machine_is_declared_says_to_import_them(tmp_path):
    """With no product machine declared, BKR332's help named an empty list
    (`bkrc writes directory entries for `): it says where the machines come from."""
    file = tmp_path / "c.bkr"
    text = "cluster C {\n  member M1 { workers 1 }\n  disk BKRSVSFS 191 size 20 cyl\n}\n"
    (d,) = [d for d in analyse(str(file), text.encode(), path=file).diagnostics if d.code == "BKR332"]
    assert d.help.endswith("declares none of them: add `import std/backup-manager`, which declares them"), d.help


def _check(folder: Path) -> list:
    main = folder / "prod.bkr"
    return analyse(main.name, main.read_bytes(), path=main).diagnostics


def test_a_site_s_other_kind_of_a_library_id_read_through_a_release_module_copies_both(tmp_path, monkeypatch):
    """VMSERVP made an IDENTITY by the site, in a site module that imports `std/zvm73`,
    which reads `std/zvm-common`: BKR203's help said "import a copy of `std/zvm-common`",
    and that copy, imported beside `std/zvm73`, left the library's VMSERVP read too
    (BKR203 again) and a BKR320 for each of the 80-odd IDs the two declare alike. The
    help names the release module and the site's import of it, which the copies take the
    place of; followed as written (then BKR320's deletion), the cluster checks clean."""
    monkeypatch.chdir(tmp_path)
    cluster = (ROOT / "examples" / "with-site.bkr").read_text(encoding="utf-8")
    (tmp_path / "prod.bkr").write_text(cluster.replace("import ./site/common", "import ./common"))
    site = "import std/backup-manager\nimport std/zvm73\nsingle group PAYROLL { PAYAPP01 }\nidentity group MONITOR { PERFSVM }\n"
    (tmp_path / "common.bkr").write_text(site + "identity user VMSERVP\n")
    (found,) = [d for d in _check(tmp_path) if d.code == "BKR203"]
    assert found.help == (
        "if VMSERVP is single in the CP directory, delete `identity user VMSERVP` (line 5); if identity, import"
        " copies of `std/zvm73` and of its `std/zvm-common`, declaring VMSERVP otherwise, in place of"
        " `import std/zvm73` (line 2; docs/stdlib.md says why)"
    )
    # The help followed: the two copies, the release module's importing the other's copy.
    (tmp_path / "zvm73.bkr").write_text(
        (STDLIB / "zvm73.bkr").read_text().replace("import std/zvm-common", "import ./zvm-common")
    )
    common = (STDLIB / "zvm-common.bkr").read_text()
    assert "\nsingle user VMSERVP\n" in common
    (tmp_path / "zvm-common.bkr").write_text(
        common.replace("\nsingle user VMSERVP\n", "\nidentity user VMSERVP\n")
    )
    (tmp_path / "common.bkr").write_text(site.replace("std/zvm73", "./zvm73") + "identity user VMSERVP\n")
    assert [(d.code, d.help) for d in _check(tmp_path)] == [
        ("BKR320", "delete this declaration; one place should say what kind a user is")
    ]
    (tmp_path / "common.bkr").write_text(site.replace("std/zvm73", "./zvm73"))
    assert _check(tmp_path) == []
    # A site module that imports `std/zvm-common` itself is told to copy that module alone.
    (tmp_path / "common.bkr").write_text(
        site.replace("std/zvm73", "std/zvm-common") + "identity user VMSERVP\n"
    )
    (found,) = [d for d in _check(tmp_path) if d.code == "BKR203"]
    assert (
        "import a copy of `std/zvm-common` that declares VMSERVP otherwise (std/zvm-common.bkr line 57;"
        in found.help
    )


def _prodssi_beside(folder: Path, *imports: str) -> None:
    """examples/prodssi.bkr as folder/prod.bkr, with `imports` in place of its `import std/zvm73`."""
    text = (ROOT / "examples" / "prodssi.bkr").read_text(encoding="utf-8")
    assert "\nimport std/zvm73\n" in text
    (folder / "prod.bkr").write_text(text.replace("\nimport std/zvm73\n", "\n" + "".join(f"{i}\n" for i in imports)))


def _zvm_common_copy(folder: Path) -> None:
    """A copy of std/zvm-common with VMSERVP made an IDENTITY, as a site makes one."""
    common = (STDLIB / "zvm-common.bkr").read_text(encoding="utf-8")
    assert "\nsingle user VMSERVP\n" in common
    (folder / "zvm-common.bkr").write_text(common.replace("\nsingle user VMSERVP\n", "\nidentity user VMSERVP\n"))


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize("first", [False, True], ids=["after", "before"])
def test_a_copy_of_zvm_common_beside_zvm73_is_one_warning_at_the_copy(tmp_path, monkeypatch, parser, first):
    """A site copied std/zvm-common to make VMSERVP an IDENTITY (as BKR203's help once
    said) and imported the copy beside `import std/zvm73`, which reads std/zvm-common
    too: each of the 50 IDs the two declare alike was a BKR320, on a line of the
    library (or, the copy imported first, of the copy), each saying "delete this
    declaration". It is one warning, at the copy's first such declaration, that says
    what happened and the two ways out; BKR203 for VMSERVP stays. Each way followed,
    the cluster checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    monkeypatch.chdir(tmp_path)
    _zvm_common_copy(tmp_path)
    imports = ["import std/zvm73", "import ./zvm-common"]
    _prodssi_beside(tmp_path, *(reversed(imports) if first else imports))
    found = _check(tmp_path)
    assert sorted(d.code for d in found) == ["BKR203", "BKR320"]
    (warning,) = [d for d in found if d.code == "BKR320"]
    at = (warning.span.file, warning.span.line, warning.span.column)
    assert at == ("zvm-common.bkr", 18, 15)  # identity user MAINT
    line = 5 if first else 4
    assert warning.message == (
        "zvm-common.bkr declares 50 of the 51 users of `std/zvm-common` again, with the same kinds: it is a copy"
        " of `std/zvm-common`, and `import std/zvm73` reads `std/zvm-common` too, so each is declared twice"
    )
    assert warning.help == (
        "to change what `std/zvm-common` says, import copies of `std/zvm73` and of its `std/zvm-common`, the first"
        f" importing the second, in place of `import std/zvm73` (prod.bkr line {line}; docs/stdlib.md says how);"
        " else delete this copy's import"
    )
    assert max(len(warning.message), len(warning.help)) <= MESSAGE_WIDTH
    assert [(r.span.file, r.span.line) for r in warning.related][:2] == [
        ("std/zvm-common.bkr", 18),
        ("prod.bkr", line),
    ]
    # The copies of both, the release module's importing the other's, in place of `import std/zvm73`.
    (tmp_path / "zvm73.bkr").write_text(
        (STDLIB / "zvm73.bkr").read_text().replace("import std/zvm-common", "import ./zvm-common")
    )
    _prodssi_beside(tmp_path, "import ./zvm73")
    assert _check(tmp_path) == []
    # Or the copy's import deleted: the library's kinds.
    _prodssi_beside(tmp_path, "import std/zvm73")
    assert _check(tmp_path) == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_a_whole_copy_of_a_module_imported_beside_it_is_one_warning_whose_fix_deletes_the_import(
    tmp_path, monkeypatch, parser
):
    """A copy of std/backup-manager that declares all it does, alike, imported beside
    `import std/backup-manager`: one BKR320, at that import, whose fix deletes it (the
    copy takes its place, nothing lost); applied, the cluster checks clean."""
    from bkrdsl import fixes

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bkr.bkr").write_text((STDLIB / "backup-manager.bkr").read_text(encoding="utf-8"))
    _prodssi_beside(tmp_path, "import std/zvm73", "import ./bkr")
    found = _check(tmp_path)
    assert [d.code for d in found] == ["BKR320"]
    (warning,) = found
    assert (warning.span.file, warning.span.line, warning.span.column) == ("prod.bkr", 3, 1)
    assert warning.message.startswith("bkr.bkr declares the 4 users of `std/backup-manager` again")
    assert warning.help == (
        "the copy declares all `std/backup-manager` does: delete this import and let the copy take its place;"
        " or, to keep the library's, delete the copy's import"
    )
    assert max(len(warning.message), len(warning.help)) <= MESSAGE_WIDTH
    text = (tmp_path / "prod.bkr").read_text()
    mended = fixes.apply(text, [warning])
    assert mended == text.replace("import std/backup-manager\n", "")
    (tmp_path / "prod.bkr").write_text(mended)
    assert _check(tmp_path) == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_a_copy_with_a_kind_changed_beside_its_module_has_no_fix(tmp_path, monkeypatch, parser):
    """The copy of std/backup-manager makes BKRBKUP single (BKR201's error): deleting
    `import std/backup-manager` would decide that kind, BKR201's and the CP directory's
    to say, so the one BKR320 is at the copy, with no fix."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    monkeypatch.chdir(tmp_path)
    copy = (STDLIB / "backup-manager.bkr").read_text(encoding="utf-8")
    assert "\nidentity user BKRBKUP role" in copy
    (tmp_path / "bkr.bkr").write_text(copy.replace("\nidentity user BKRBKUP role", "\nsingle user BKRBKUP role"))
    _prodssi_beside(tmp_path, "import std/zvm73", "import ./bkr")
    (warning,) = [d for d in _check(tmp_path) if d.code == "BKR320"]
    assert (warning.span.file, warning.span.line, warning.fix) == ("bkr.bkr", 10, None)
    assert warning.help == (
        "to change what `std/backup-manager` says, let this copy take its place: delete `import std/backup-manager`"
        " (prod.bkr line 3; docs/stdlib.md), the copy declaring each user you keep of it; else delete the copy's"
        " import"
    )


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_a_site_s_own_repeats_of_a_few_library_ids_stay_one_warning_each(tmp_path, monkeypatch, parser):
    """A site module that declares two of std/zvm-common's IDs again is no copy of it:
    a BKR320 for each, as before, each at the site's declaration, which its help says
    to delete (imported after `import std/zvm73`, it was at the library's line)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site.bkr").write_text("identity user MAINT, TCPIP\n")
    _prodssi_beside(tmp_path, "import std/zvm73", "import ./site")
    found = _check(tmp_path)
    assert sorted((d.code, d.message, d.span.file, d.span.column, d.related[0].span.file) for d in found) == [
        ("BKR320", "user `MAINT` is already declared identity", "site.bkr", 15, "std/zvm-common.bkr"),
        ("BKR320", "user `TCPIP` is already declared identity", "site.bkr", 22, "std/zvm-common.bkr"),
    ]


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize("after", [True, False], ids=["after-std", "before-std"])
@pytest.mark.parametrize("copy", [False, True], ids=["one-line", "copy"])
def test_a_site_s_other_kind_of_a_library_id_is_at_the_site_s_line_in_either_import_order(
    tmp_path, monkeypatch, parser, after, copy
):
    """VMSERVP made an IDENTITY in a site module (one line, or a copy of std/zvm-common):
    imported after `import std/zvm73`, the site's module came before std/zvm-common in the
    model's lists, and BKR203 was at `std/zvm-common.bkr:57`, a line the site cannot edit,
    its help 'delete `identity user VMSERVP` (site.bkr line 1)' for the other kind. Now
    at the site's line in either order, the library's as the related span; its help's
    deletion, applied, leaves no error."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    monkeypatch.chdir(tmp_path)
    common = (ROOT / "stdlib" / "zvm-common.bkr").read_text(encoding="utf-8")
    site = common.replace("\nsingle user VMSERVP\n", "\nidentity user VMSERVP\n") if copy else "identity user VMSERVP\n"
    line = site.splitlines().index("identity user VMSERVP") + 1
    (tmp_path / "site.bkr").write_text(site)
    imports = ("import std/zvm73", "import ./site") if after else ("import ./site", "import std/zvm73")
    _prodssi_beside(tmp_path, *imports)
    (found,) = [d for d in _check(tmp_path) if d.code == "BKR203"]
    assert (found.message, found.span.file, found.span.line, found.span.column) == (
        "`VMSERVP` is declared identity here, but single elsewhere",
        "site.bkr",
        line,
        15,
    )
    assert (found.related[0].span.file, found.related[0].span.line) == ("std/zvm-common.bkr", 57)
    assert found.help.startswith(
        f"if VMSERVP is single in the CP directory, delete `identity user VMSERVP` (line {line}); if identity,"
    )
    # The help's deletion, as the site makes it.
    (tmp_path / "site.bkr").write_text(site.replace("\nidentity user VMSERVP\n", "\n") if copy else "")
    assert [d for d in _check(tmp_path) if d.severity.value == "error"] == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize("after", [True, False], ids=["after-std", "before-std"])
def test_a_library_single_user_made_a_service_machine_by_the_site_is_bkr208_alone(
    tmp_path, monkeypatch, parser, after
):
    """A site module's `identity user VMSERVP role backup-server` (std/zvm-common's
    `single user VMSERVP`): BKR208 says the ID is z/VM's own, at the site's line; BKR201
    was reported too, at `std/zvm-common.bkr:57`, its help 'delete `single user
    VMSERVP` (std/zvm-common.bkr line 57)', an edit the site cannot make. No
    diagnostic is on a line of the library, in either import order."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site.bkr").write_text("identity user VMSERVP role backup-server\n")
    imports = ("import std/zvm73", "import ./site") if after else ("import ./site", "import std/zvm73")
    _prodssi_beside(tmp_path, *imports)
    found = _check(tmp_path)
    assert [d.code for d in found if d.code in ("BKR201", "BKR208")] == ["BKR208"]
    (taken,) = [d for d in found if d.code == "BKR208"]
    assert (taken.span.file, taken.span.line, taken.related[0].span.file) == ("site.bkr", 1, "std/zvm-common.bkr")
    assert [(d.code, d.span.file) for d in found if d.span.file.startswith("std/")] == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize("after", [True, False], ids=["after-std", "before-std"])
def test_a_site_user_a_library_pattern_matches_is_bkr204_at_the_site_s_line(tmp_path, monkeypatch, parser, after):
    """A site module's `single user DTCVSW1`, which std/zvm-common's `identity user DTCVSW*`
    matches: BKR204 was at `std/zvm-common.bkr:68` in either import order, its help
    'narrow `DTCVSW*` (line 68)', the library's line as if the site's. Now at the site's
    declaration, the pattern as the note, the help keeping either kind (the library's
    pattern changed only in copies of its modules); its deletion, applied, checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site.bkr").write_text("single user DTCVSW1\n")
    imports = ("import std/zvm73", "import ./site") if after else ("import ./site", "import std/zvm73")
    _prodssi_beside(tmp_path, *imports)
    (found,) = [d for d in _check(tmp_path) if d.code == "BKR204"]
    zvm73 = 4 if after else 5
    assert (found.message, found.span.file, found.span.line, found.span.column) == (
        "`DTCVSW1` is declared single here, but `std/zvm-common`'s pattern `DTCVSW*` (identity) matches it too",
        "site.bkr",
        1,
        13,
    )
    assert (found.related[0].span.file, found.related[0].span.line) == ("std/zvm-common.bkr", 68)
    assert found.help == (
        "if DTCVSW1 is identity in the CP directory, delete `single user DTCVSW1` (line 1); if single,"
        " import copies of `std/zvm73` and of its `std/zvm-common`, `DTCVSW*` narrowed to leave out DTCVSW1,"
        f" in place of `import std/zvm73` (prod.bkr line {zvm73}; docs/stdlib.md says why)"
    )
    (tmp_path / "site.bkr").write_text("")
    assert [d for d in _check(tmp_path) if d.severity.value == "error"] == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize("after", [True, False, None], ids=["after-std", "before-std", "no-site"])
@pytest.mark.parametrize(
    "catalog", ["catalog local server VMSERVP", "catalog shared server MAINT"], ids=["local-VMSERVP", "shared-MAINT"]
)
def test_a_catalog_server_with_an_id_of_z_vm_s_own_is_bkr208_alone(tmp_path, monkeypatch, parser, after, catalog):
    """`catalog local server VMSERVP` (std/zvm-common's single VMSERVP), or `catalog
    shared server MAINT` (its identity MAINT), with or without a site module's
    declaration of the server of the wrong kind, in either import order: BKR202 (the
    server's kind, its help "declare `identity user VMSERVP`", a declaration of the other
    kind than the library's, BKR203) and BKR208 (the ID is z/VM's own) were two errors
    for one slip. The ID is the slip, the kind IBM's entry's: BKR208 alone, at the
    server's name, its help giving the server an ID of its own (IBM's BKRSVSFS)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    monkeypatch.chdir(tmp_path)
    server = catalog.split()[-1]
    wrong = "single" if "local" in catalog else "identity"
    (tmp_path / "site.bkr").write_text(f"{wrong} user {server}\n")
    if after is None:
        imports = ("import std/zvm73",)
    else:
        imports = ("import std/zvm73", "import ./site") if after else ("import ./site", "import std/zvm73")
    _prodssi_beside(tmp_path, *imports)
    text = (tmp_path / "prod.bkr").read_text()
    assert "catalog shared server BKRSVSFS" in text
    (tmp_path / "prod.bkr").write_text(text.replace("catalog shared server BKRSVSFS", catalog))
    found = [d for d in _check(tmp_path) if d.code in ("BKR202", "BKR208")]
    assert [(d.code, d.span.file, d.related[0].span.file) for d in found] == [
        ("BKR208", "prod.bkr", "std/zvm-common.bkr")
    ]
    assert found[0].help.startswith(f"give the machine an ID of its own: write `server BKRSVSFS` for `server {server}`")


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize("after", [True, False], ids=["after-std", "before-std"])
def test_a_catalog_server_of_the_wrong_kind_in_a_site_module_is_bkr202_at_the_site_s_declaration(
    tmp_path, monkeypatch, parser, after
):
    """A server of the site's own (no library declares it) declared single in a site
    module, the catalog local: BKR202 stays, with the site's declaration as its note and
    no BKR208, in either import order (the case BKR208 takes is z/VM's own IDs only)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site.bkr").write_text("single user BKRSVSFS\n")
    imports = ("import std/zvm73", "import ./site") if after else ("import ./site", "import std/zvm73")
    _prodssi_beside(tmp_path, *imports)
    text = (tmp_path / "prod.bkr").read_text()
    (tmp_path / "prod.bkr").write_text(text.replace("catalog shared server BKRSVSFS", "catalog local server BKRSVSFS"))
    found = [d for d in _check(tmp_path) if d.code in ("BKR202", "BKR208")]
    assert [(d.code, d.span.file, d.related[0].span.file, d.related[0].span.line) for d in found] == [
        ("BKR202", "prod.bkr", "site.bkr", 1)
    ]


# ----------------------------------------------------------------- an upgrade, release by release
#: A job of z/VM's release service ID, the job a site writes for the disks service is applied to.
_SERVICE_JOB = """
  job ZVMSVC {
    backup MAINT7%s0 full
    include minidisk * *
    to disk pool BKUPPOOL
    run on VMSYS1 weekly sun 05:00
  }
}"""


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize("old,new", [("2", "3"), ("3", "4")], ids=["72-to-73", "73-to-74"])
def test_h7_a_job_of_the_release_the_file_no_longer_imports_is_not_offered_the_new_one(
    tmp_path, monkeypatch, parser, old, new
):
    """`backup MAINT720` with the import changed from std/zvm72 to std/zvm73: BKR331's
    help was "did you mean `MAINT730`?", with a fix that `bkrc check --fix` applied, which
    stops the backup of 7.2's service disks while a member still runs from them. The help
    says whose the ID is and the two ways on, and no fix is offered: with the old module
    imported beside the new one (a cluster in the middle of an upgrade) it checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    monkeypatch.chdir(tmp_path)
    _prodssi_beside(tmp_path, f"import std/zvm7{new}")
    prod = tmp_path / "prod.bkr"
    prod.write_text(prod.read_text().rstrip()[:-1] + _SERVICE_JOB % old)
    (found,) = [d for d in _check(tmp_path) if d.code == "BKR331"]
    assert found.message == f"`MAINT7{old}0` is neither a group nor a declared user"
    assert found.help == (
        f"`MAINT7{old}0` is z/VM 7.{old}'s own ID, declared in std/zvm7{old} (line 14), which this file does not"
        f" import: while your directory keeps it (a member still runs 7.{old}, or its minidisks are not deleted"
        f" yet), add `import std/zvm7{old}` beside the release module you import; once it is deleted, take it out"
        f" of this `backup` (z/VM's own ID of the release you import is `MAINT7{new}0`)"
    )
    assert found.fix is None and found.choices == ()
    before = prod.read_text()
    run_cli(["check", "--fix", str(prod)], expect=1)
    assert prod.read_text() == before
    _prodssi_beside(tmp_path, f"import std/zvm7{old}", f"import std/zvm7{new}")
    prod.write_text(prod.read_text().rstrip()[:-1] + _SERVICE_JOB % old)
    assert _check(tmp_path) == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_a_help_names_its_own_file_s_lines_by_line_alone(tmp_path, monkeypatch, parser):
    """BKR201 in a site module (`single user BKRBKUP`, `single user BKRWRK*`) said
    "(site.bkr line 1)" under `--> site.bkr:1:13`, where BKR203's help, for the same kind
    of reference, says "(line 2)": each help names a line of the diagnostic's own file by
    its line alone, and another file's with the file's name (the library's, the cluster's)."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site.bkr").write_text("single user BKRBKUP\nsingle user TCPIP\nsingle user BKRWRK*\n")
    _prodssi_beside(tmp_path, "import std/zvm73", "import ./site")
    found = {(d.code, d.span.line): d for d in _check(tmp_path) if d.span.file == "site.bkr"}
    service, both, workers = found["BKR201", 1], found["BKR203", 2], found["BKR201", 3]
    assert service.help.startswith("delete `single user BKRBKUP` (line 1): std/backup-manager.bkr line ")
    assert both.help.startswith("if TCPIP is identity in the CP directory, delete `single user TCPIP` (line 2);")
    assert workers.help.startswith("delete `single user BKRWRK*` (line 3): std/backup-manager.bkr line ")



@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize(
    "pattern,help",
    [
        ("LNX*", "write `backup LNX full` for `backup LNX* full` (line 27): group `LNX` (site.bkr line 1) holds `match LNX*`"),
        ("APP*", "add `single group ALLAPP { match APP* }` to the cluster block (its users are single (site.bkr line 2))"),
    ],
    ids=["group", "pattern"],
)
def test_bkr331_s_help_names_a_site_module_s_line_with_its_file(tmp_path, monkeypatch, parser, pattern, help):
    """`backup LNX*` in the cluster file, the pattern a site module's group's or `user`
    statement's: BKR331's help named the module's line "(line 1)", a line of the cluster
    file the error is in; it names the module too."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site.bkr").write_text("single group LNX { match LNX* }\nsingle user APP*\n")
    text = (ROOT / "examples" / "minimal.bkr").read_text(encoding="utf-8")
    text = text.replace("\nimport std/zvm73\n", "\nimport std/zvm73\nimport ./site\n")
    assert "    backup GUESTS full\n" in text
    (tmp_path / "prod.bkr").write_text(text.replace("    backup GUESTS full\n", f"    backup {pattern} full\n"))
    (found,) = [d for d in _check(tmp_path) if d.code == "BKR331"]
    assert (found.span.file, found.span.line) == ("prod.bkr", 27)
    assert found.help.startswith(help)
