"""`bkrc check` on a module: a file without a `cluster` block, which a cluster file imports.

A module is checked for what it can say on its own (syntax, imports, its
declarations), with neither BKR110 nor the rules that need the cluster
(BKR408: the cluster's jobs back its groups up); the text summary says it was
checked as a module. `bkrc compile` still wants a cluster (BKR110, "compile the
cluster that imports it"), and a file that declares and imports nothing is
BKR110 for both commands.
"""

from __future__ import annotations

import json
import os

import pytest
from conftest import EXAMPLES, ROOT, run_cli

SITE = EXAMPLES / "site" / "common.bkr"
NOTE = "is a module: the SSI rules are checked in the cluster that imports it"

#: A module with three mistakes it makes on its own, and groups no job backs up.
MISTAKES = """\
import std/backup-manager
single group PAYROLL { PAYAPP01 PAYROLLDB1 }
identity group PAYROLL { PERFSVM }
identity user PAYAPP01
"""
MISTAKE_CODES = ["BKR203", "BKR301", "BKR321"]

#: A cluster that imports ./site (the module of the test), and a site module
#: with one mistake of its own: a user ID of ten characters.
CLUSTER = (EXAMPLES / "with-site.bkr").read_text(encoding="utf-8").replace("./site/common", "./site")
BAD_SITE = SITE.read_text(encoding="utf-8").replace("{ PERFSVM }", "{ PERFSVM PERFSVM01 }")


def codes(result) -> list[str]:
    return [d["code"] for d in json.loads(result.stdout)["diagnostics"]]


def test_a_clean_module_checks_clean_and_says_it_is_a_module():
    result = run_cli(["check", SITE], expect=0)
    assert result.stdout == f"no problems; {SITE} {NOTE}\n"
    assert result.stderr == ""


def test_a_module_gets_its_own_mistakes_and_no_cluster_rule(tmp_path):
    path = tmp_path / "site.bkr"
    path.write_text(MISTAKES)
    assert sorted(codes(run_cli(["check", "--format", "json", path], expect=1))) == MISTAKE_CODES
    text = run_cli(["check", path], expect=1).stdout
    assert text.endswith(f"\n\n3 errors; {path} {NOTE}\n")
    assert "BKR110" not in text and "BKR408" not in text


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_a_clean_module_in_json_and_sarif_is_an_empty_report(fmt):
    out = json.loads(run_cli(["check", "--format", fmt, SITE], expect=0).stdout)
    if fmt == "json":
        assert out == {
            "format_version": "1",
            "diagnostics": [],
            "error_count": 0,
            "warning_count": 0,
            "execution_successful": True,
            "failures": [],
        }
    else:
        assert out["runs"][0]["results"] == []


@pytest.mark.parametrize("fmt", ["short", "github"])
def test_the_line_formats_print_nothing_for_a_clean_module(fmt):
    assert run_cli(["check", "--format", fmt, SITE], expect=0).stdout == ""


def test_every_stdlib_module_checks_clean_as_a_module():
    paths = sorted((ROOT / "stdlib").glob("*.bkr"))
    assert len(paths) >= 5
    result = run_cli(["check", *paths], expect=0)
    assert result.stdout == (
        f"no problems; {len(paths)} files are modules ({paths[0]}, {paths[1]}, {paths[2]} and"
        f" {len(paths) - 3} more): the SSI rules are checked in the clusters that import them\n"
    )


def test_a_module_that_only_imports_is_a_module(tmp_path):
    path = tmp_path / "all.bkr"
    path.write_text("## What the site's clusters import.\nimport std/backup-manager\nimport std/zvm73\n")
    assert run_cli(["check", path], expect=0).stdout == f"no problems; {path} {NOTE}\n"


def test_a_module_from_standard_input():
    result = run_cli(["check", "-"], input=SITE.read_text(encoding="utf-8"), expect=0)
    assert result.stdout == f"no problems; <stdin> {NOTE}\n"


@pytest.mark.parametrize(
    "text", ["", "\n", "# the cluster is still to be written\n"], ids=["empty", "blank", "comment"]
)
@pytest.mark.parametrize("command", ["check", "compile"])
def test_a_file_that_declares_nothing_is_bkr110(tmp_path, text, command):
    path = tmp_path / "empty.bkr"
    path.write_text(text)
    args = [command, "--format", "json", path] + (["-o", tmp_path / "out"] if command == "compile" else [])
    result = run_cli(args, expect=1)
    report = result.stdout if command == "check" else result.stderr.split("\nbkrc:")[0]
    (d,) = json.loads(report)["diagnostics"]
    assert (d["code"], d["message"], d["line"], d["column"]) == (
        "BKR110",
        "this file describes no cluster and declares nothing",
        1,
        1,
    )
    assert not (tmp_path / "out").exists()


def test_compile_of_a_module_says_to_compile_the_cluster(tmp_path):
    result = run_cli(["compile", SITE, "-o", tmp_path / "out"], expect=1)
    assert result.stderr == (
        "error[BKR110]: this file describes no cluster: a module has nothing to compile or show on its own\n"
        f" --> {SITE}:1:1\n"
        "  |\n"
        "1 | ## Site-wide declarations shared by every cluster of ACME's data centre:\n"
        "  | ^\n"
        "  = help: this is a module; give the cluster file that imports it\n"
        "\n"
        "1 error\n"
        "bkrc: errors in the input; nothing written\n"
    )
    assert not (tmp_path / "out").exists()


def test_compile_of_a_module_reports_its_own_mistakes_too(tmp_path):
    path = tmp_path / "site.bkr"
    path.write_text(MISTAKES)
    result = run_cli(["compile", "--format", "json", path, "-o", tmp_path / "out"], expect=1)
    found = json.loads(result.stderr.split("\nbkrc:")[0])["diagnostics"]
    assert sorted(d["code"] for d in found) == ["BKR110", *MISTAKE_CODES]


@pytest.fixture
def site(tmp_path):
    """A cluster file and the module it imports, which holds one mistake."""
    (tmp_path / "cluster.bkr").write_text(CLUSTER)
    (tmp_path / "site.bkr").write_text(BAD_SITE)
    return tmp_path


@pytest.mark.parametrize("module", ["site.bkr", "./site.bkr", "{tmp}/site.bkr"])
def test_a_module_checked_with_its_cluster_reports_its_mistake_once(site, monkeypatch, module):
    monkeypatch.chdir(site)
    args = ["check", "--format", "short", "cluster.bkr", module.format(tmp=site)]
    result = run_cli(args, expect=1)
    assert result.stdout.count("error BKR301") == 1, result.stdout
    assert result.stdout.splitlines() == [
        "site.bkr:10:34: error BKR301: `PERFSVM01` is 9 characters long; a z/VM user ID has at most 8"
    ]
    text = run_cli(["check", "cluster.bkr", "site.bkr"], expect=1).stdout
    assert text.endswith(f"\n\n1 error; site.bkr {NOTE}\n")


def test_each_module_of_a_run_is_named(tmp_path):
    names = []
    for name in ("a.bkr", "b.bkr"):
        (tmp_path / name).write_text(SITE.read_text(encoding="utf-8"))
        names.append(tmp_path / name)
    result = run_cli(["check", EXAMPLES / "minimal.bkr", *names], expect=0)
    assert result.stdout == (
        f"no problems; 2 files are modules ({names[0]}, {names[1]}):"
        " the SSI rules are checked in the clusters that import them\n"
    )


def test_fix_on_a_module_fixes_it_and_checks_it_as_a_module(tmp_path):
    path = tmp_path / "site.bkr"
    path.write_text(SITE.read_text(encoding="utf-8").replace("import std/zvm73", "import zvm73"))
    result = run_cli(["check", "--fix", path], expect=0)
    assert result.stderr == f"{path}: 1 fix applied (BKR101); clean as a module\n"
    assert result.stdout == f"no problems; {path} {NOTE}\n"
    assert path.read_text(encoding="utf-8") == SITE.read_text(encoding="utf-8")


#: A site module that declares Backup Manager's machines itself, the administrator
#: renamed with a `$` (BKR308, a warning): the same module on its own and with its cluster.
VARIANT_SITE = (
    "import std/zvm73\n"
    + "".join(
        line + "\n"
        for line in (ROOT / "stdlib" / "backup-manager.bkr").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ).replace("BKRADMIN", "BKR$ADM")
    + SITE.read_text(encoding="utf-8").replace("import std/backup-manager\n", "")
)
VARIANT_LINE = VARIANT_SITE.splitlines().index("single user BKR$ADM role admin") + 1
VARIANT = (
    f"site.bkr:{VARIANT_LINE}:13: warning BKR308: admin user ID `BKR$ADM` holds `$`,"
    " which is not the same character in every EBCDIC code page"
)


def test_a_module_alone_warns_of_a_variant_character_in_a_machine_it_declares(tmp_path, monkeypatch):
    (tmp_path / "site.bkr").write_text(VARIANT_SITE)
    monkeypatch.chdir(tmp_path)
    result = run_cli(["check", "--format", "short", "site.bkr"], expect=0)
    assert result.stdout.splitlines() == [VARIANT]


def test_a_variant_character_in_a_module_checked_with_its_cluster_is_reported_once(tmp_path, monkeypatch):
    (tmp_path / "cluster.bkr").write_text(CLUSTER)
    (tmp_path / "site.bkr").write_text(VARIANT_SITE)
    monkeypatch.chdir(tmp_path)
    assert run_cli(["check", "--format", "short", "cluster.bkr"], expect=0).stdout.splitlines() == [VARIANT]
    result = run_cli(["check", "--format", "short", "cluster.bkr", "site.bkr"], expect=0)
    assert result.stdout.splitlines() == [VARIANT]


#: A site module read through another (prod/prod.bkr -> site/common.bkr -> site/linux.bkr),
#: as a sysprog splits the groups two clusters share.
LINUX = "## Linux guests.\nsingle group LINUX { LNXWEB01 LNXWEB02 }\n"
COMMON = (
    "## ACME's groups.\nimport std/backup-manager\nimport ./linux\n"
    "single group PAYROLL { PAYAPP01 PAYAPP02  match PAYDB* }\nidentity group MONITOR { PERFSVM }\n"
)
PROD = CLUSTER.replace("import ./site", "import ../site/common")


@pytest.fixture
def split(tmp_path, monkeypatch):
    """prod/prod.bkr imports ../site/common, which imports ./linux; run from tmp_path."""
    (tmp_path / "site").mkdir()
    (tmp_path / "prod").mkdir()
    (tmp_path / "site" / "common.bkr").write_text(COMMON)
    (tmp_path / "site" / "linux.bkr").write_text(LINUX)
    (tmp_path / "prod" / "prod.bkr").write_text(PROD)
    monkeypatch.chdir(tmp_path)
    assert run_cli(["check", "prod/prod.bkr"], expect=0).stdout == ""
    return tmp_path


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize(
    "slip",
    [
        ("{ LNXWEB01", "{{ LNXWEB01", "BKR004"),  # a syntax error in the module
        ("LNXWEB02 }\n", "LNXWEB02 }\nidentity user LNXWEB01\n", "BKR203"),  # a user in both kinds
    ],
    ids=["syntax", "kinds"],
)
def test_an_error_in_a_module_names_the_import_that_brought_it_in(split, monkeypatch, parser, slip):
    """An error in site/linux.bkr, found by the check of prod/prod.bkr, points into the
    module and names prod.bkr's import that brought it in, with the modules between
    (the C compiler's "In file included from"): it named site/linux.bkr alone, and a
    sysprog with two cluster files could not tell which import read it, nor why."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    old, new, code = slip
    path = split / "site" / "linux.bkr"
    path.write_text(LINUX.replace(old, new))
    text = run_cli(["check", "prod/prod.bkr"], expect=1).stdout
    assert f"error[{code}]" in text and " --> site/linux.bkr:" in text, text
    assert (
        " ::: prod/prod.bkr:2:1\n  |\n2 | import ../site/common\n"
        "  | --------------------- site/linux.bkr is imported here, through site/common.bkr:3\n"
    ) in text, text
    (diag,) = json.loads(run_cli(["check", "--format", "json", "prod/prod.bkr"], expect=1).stdout)["diagnostics"]
    assert diag["file"] == "site/linux.bkr"
    assert diag["related"][-1] == {
        "file": "prod/prod.bkr",
        "line": 2,
        "column": 1,
        "end_line": 2,
        "end_column": 22,
        "message": "site/linux.bkr is imported here, through site/common.bkr:3",
    }
    # Checked as a module, site/common.bkr is the file that imports it, directly.
    alone = run_cli(["check", "site/common.bkr"], expect=1).stdout
    assert "  | -------------- site/linux.bkr is imported here\n" in alone, alone
    # The cluster's own mistakes name no import, nor does an import cycle, whose message is the chain.
    path.write_text(LINUX + "import ./common\n")
    cycle = run_cli(["check", "prod/prod.bkr"], expect=1).stdout
    assert "import cycle: prod/prod.bkr -> site/common.bkr -> site/linux.bkr -> site/common.bkr" in cycle
    assert "is imported here" not in cycle


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "run_in", "hint"),
    [
        ("../site/comon", ".", "did you mean `import ../site/common`?"),
        ("../site/Common", ".", "did you mean `import ../site/common`?"),
        ("../sites/common", ".", "did you mean `import ../site/common`?"),
        (
            "site/common",
            ".",
            (
                "`site/common.bkr` is there from the folder bkrc runs in, but an import is looked up from the"
                " importing file's folder: write `import ../site/common`"
            ),
        ),
        (
            "site/common",
            "prod",
            "`../site/common` is there, in the folder above the importing file's: write `import ../site/common`",
        ),
    ],
    ids=["misspelt", "capital", "folder-misspelt", "from-the-working-folder", "one-folder-up"],
)
def test_a_site_import_not_found_says_where_the_module_is(split, monkeypatch, parser, written, run_in, hint):
    """A sysprog's slips with a site module's path: a name or folder misspelt, a path written from
    the folder bkrc runs in (`import site/common` in prod/prod.bkr), or one folder short.
    BKR101 listed the places searched alone, though the module was plainly there; it
    now says what to write, and its fix writes it: the cluster then checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    prod = split / "prod" / "prod.bkr"
    prod.write_text(PROD.replace("import ../site/common", f"import {written}"))
    monkeypatch.chdir(split / run_in)
    name = os.path.relpath(prod)
    (diag,) = json.loads(run_cli(["check", "--format", "json", name], expect=1).stdout)["diagnostics"]
    assert diag["code"] == "BKR101"
    assert diag["help"].splitlines()[0] == hint
    run_cli(["check", "--fix", name], expect=0)
    assert prod.read_text() == PROD


def test_a_site_import_far_from_any_module_lists_the_places_alone(split):
    prod = split / "prod" / "prod.bkr"
    prod.write_text(PROD.replace("import ../site/common", "import ../site/payroll"))
    (diag,) = json.loads(run_cli(["check", "--format", "json", "prod/prod.bkr"], expect=1).stdout)["diagnostics"]
    assert diag["help"] == "searched, in order:\n  site/payroll.bkr"



@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_an_exclude_list_in_a_site_module_is_told_to_go_in_the_cluster_file(split, monkeypatch, parser):
    """A disk every job leaves out, written once in the site's module: BKR013's
    help said to put the `exclude` in a `job` or `member` block, which a module cannot
    hold (each one BKR013 again, "a module declares users and groups only"); it names
    the cluster file that imports the module. Followed, the cluster checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    module = split / "site" / "common.bkr"
    module.write_text(COMMON + "## every guest's V-DISK swap\nexclude minidisk * 0300\n")
    for name in ("site/common.bkr", "prod/prod.bkr"):
        (diag,) = json.loads(run_cli(["check", "--format", "json", name], expect=1).stdout)["diagnostics"]
        assert (diag["code"], diag["file"], diag["line"]) == ("BKR013", "site/common.bkr", 7)
        assert diag["help"] == (
            "put it inside a `job NAME { ... }` or `member NAME { ... }` block of the cluster file that imports"
            " this file: a file without a `cluster` block is a module, which declares users and groups only"
        )
    module.write_text(COMMON)
    prod = split / "prod" / "prod.bkr"
    job = "    include minidisk * *\n"
    assert PROD.count(job) == 1
    prod.write_text(PROD.replace(job, job + "    exclude minidisk * 0300\n"))
    assert run_cli(["check", "prod/prod.bkr"], expect=0).stdout == ""
