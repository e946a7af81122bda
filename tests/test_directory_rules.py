"""The generated CP directory obeys CP's rules (tests/cpdir.py), for the examples and
for every cluster hypothesis generates that the checker passes, with automatic
(AUTOV) and sequential allocation; and the reader catches each broken rule."""

from __future__ import annotations

import tomllib

import pytest
from conftest import EXAMPLES
from cpdir import directory_problems
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_compile_properties import clusters

from bkrdsl.dialect import DIALECT_DIR, DialectError, parse_dialect
from bkrdsl.emit.artifacts import cms_problems
from bkrdsl.pipeline import compile_source

TABLE = (DIALECT_DIR / "backup-manager-1.3.toml").read_text(encoding="utf-8")
AUTOV = parse_dialect(tomllib.loads(TABLE), "autov")
SEQUENTIAL = parse_dialect(
    tomllib.loads(TABLE.replace('value = "autov"', 'value = "sequential"')), "sequential"
)
PRODSSI = EXAMPLES / "prodssi.bkr"


def directory(name: str, data: bytes, dialect, path=None):
    """(model, {path: text} of the directory files); files is None when the input has errors."""
    analysis, artifacts = compile_source(name, data, path=path, dialect=dialect)
    if artifacts is None:
        return analysis.model, None
    return analysis.model, {a.path: a.text for a in artifacts if a.kind == "directory"}


@pytest.mark.parametrize("dialect", [AUTOV, SEQUENTIAL], ids=["autov", "sequential"])
@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.bkr")))
def test_the_examples_directories_obey_cp(example, dialect):
    path = EXAMPLES / example
    model, files = directory(example, path.read_bytes(), dialect, path=path)
    assert files, example
    assert directory_problems(files, model) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clusters(), st.sampled_from([AUTOV, SEQUENTIAL]))
def test_every_checked_clusters_directory_obeys_cp(text, dialect):
    model, files = directory("prop.bkr", text.encode(), dialect)
    if files is None:
        return
    assert directory_problems(files, model) == []


# ------------------------------------------------------------------ the reader itself
def _prodssi(dialect=SEQUENTIAL):
    return directory(PRODSSI.name, PRODSSI.read_bytes(), dialect, path=PRODSSI)


def _edit(files, path, old, new):
    assert old in files[path], (path, old)
    return {**files, path: files[path].replace(old, new, 1)}


def test_the_reader_refuses_a_record_past_column_71_comments_too():
    """DIRECTXA reads columns 1-71: a statement's word in column 72 is cut, and
    a comment that reaches it uses a column no tool reads (spreadssi's TRDMM
    header did, before the directory's comments were wrapped at 71)."""
    model, files = _prodssi()
    assert directory_problems(files, model) == []
    long_comment = _edit(files, "cluster/TCTMM.DIRECT", "* Generated", "*" + " " * 60 + "Generated")
    assert any("cluster/TCTMM.DIRECT:1: " in p and "columns 1-71 only" in p for p in directory_problems(long_comment, model))
    statement = " LOGONBY MAINT"
    wide = statement + " " * (72 - len(statement) - len("OPS")) + "OPS"  # OPS in columns 70-72
    assert len(wide) == 72
    cut = _edit(files, "cluster/TCTMM.DIRECT", statement, wide)
    assert any("72 columns" in p for p in directory_problems(cut, model))


BREAKS = {
    "second BUILD on a member": (
        "cluster/BKRBKUP.DIRECT",
        " BUILD ON VMSYS2 USING SUBCONFIG BKRBUP-2",
        " BUILD ON VMSYS1 USING SUBCONFIG BKRBUP-2",
        "BUILD ON members",
    ),
    "BUILD after another statement": (
        "cluster/BKRBKUP.DIRECT",
        " BUILD ON VMSYS4 USING SUBCONFIG BKRBUP-4\n IPL CMS PARM AUTOCR",
        " IPL CMS PARM AUTOCR\n BUILD ON VMSYS4 USING SUBCONFIG BKRBUP-4",
        "must follow the IDENTITY",
    ),
    "storage above the maximum": ("cluster/BKRBKUP.DIRECT", "256M 512M", "1G 512M", "storage 1G"),
    "a SUBCONFIG with an IPL": ("cluster/BKRBUP-1.DIRECT", " MDISK", " IPL CMS\n MDISK", "cannot hold"),
    "LOGONBY nobody": ("cluster/BKRBKUP.DIRECT", "LOGONBY MAINT", "LOGONBY NOBODY", "LOGONBY names no"),
    # IBM: AUTOONLY is "XAUTOLOG only" (LBYONLY "LOGON BY or XAUTOLOG only")
    "LOGONBY on an autolog-only machine": (
        "cluster/BKRBKUP.DIRECT",
        "IDENTITY BKRBKUP LBYONLY",
        "IDENTITY BKRBKUP AUTOONLY",
        "cannot log on to it",
    ),
    # LOGON BY checks the by-user's own password, which an LBYONLY user lacks
    "a by-user without a password of its own": (
        "cluster/BKRBKUP.DIRECT",
        "LOGONBY MAINT",
        "LOGONBY BKRADMIN",
        "by-user BKRADMIN is LBYONLY",
    ),
    "a private volume in a USER": ("cluster/BKRSVSFS.DIRECT", "VMCOM1 MR", "M1PRV1 MR", "is not one of"),
    "another member's volume": ("cluster/BKRBUP-1.DIRECT", "M1PRV1", "M2PRV1", "is not one of"),
    "overlapping extents": ("cluster/BKRCLG-1.DIRECT", "11 10 M1PRV1", "5 10 M1PRV1", "overlap"),
    "a control statement after a device statement": (
        "cluster/BKRBKUP.DIRECT",
        " LOGONBY MAINT\n CONSOLE 0009 3215 T",
        " CONSOLE 0009 3215 T\n LOGONBY MAINT",
        "LOGONBY after the device statement CONSOLE",
    ),
    # IBM, SUBCONFIG statement: "LOGNxxxx, LOGLxxxx, LOGVxxxx, ... are reserved for CP use"
    "a SUBCONFIG ID CP reserves": (
        "cluster/BKRBUP-1.DIRECT",
        "SUBCONFIG BKRBUP-1\n",
        "SUBCONFIG LOGNUP-1\n",
        "CP reserves the ID LOGNUP-1",
    ),
    # IBM, SUBCONFIG statement: "No additional operands are allowed after the id.
    # If you specify extra operands, DIRECTXA produces an error message"
    "a SUBCONFIG with an operand": (
        "cluster/BKRBUP-1.DIRECT",
        "SUBCONFIG BKRBUP-1\n",
        "SUBCONFIG BKRBUP-1 VMSYS1\n",
        "SUBCONFIG BKRBUP-1 takes no operand after its ID: ['VMSYS1']",
    ),
    # IBM, LOGONBY statement: "the maximum total of LOGONBY user IDs that can be
    # specified in a user, identity, or profile entry is eight"
    "nine LOGONBY users in an entry": (
        "cluster/BKRBKUP.DIRECT",
        " LOGONBY MAINT\n",
        " LOGONBY MAINT\n LOGONBY BKRADMIN BKRADMIN BKRADMIN BKRADMIN BKRADMIN BKRADMIN BKRADMIN BKRADMIN\n",
        "9 LOGONBY user IDs in BKRBKUP; CP takes at most eight",
    ),
    "two entries in a file": (
        "cluster/BKRBUP-1.DIRECT",
        "SUBCONFIG BKRBUP-1\n",
        "SUBCONFIG BKRBUP-1\nUSER X\n",
        "second entry",
    ),
}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_the_reader_catches(name):
    model, files = _prodssi()
    assert directory_problems(files, model) == []
    path, old, new, found = BREAKS[name]
    problems = directory_problems(_edit(files, path, old, new), model)
    assert any(found in p for p in problems), problems


def test_the_reader_catches_a_missing_or_unbuilt_subconfig():
    model, files = _prodssi()
    missing = {p: t for p, t in files.items() if p != "cluster/BKRBUP-3.DIRECT"}
    assert any("no such SUBCONFIG" in p for p in directory_problems(missing, model))
    extra = {**files, "cluster/STRAY-1.DIRECT": "SUBCONFIG STRAY-1\n MDISK 0191 3390 AUTOV 1 M1PRV1 MR\n"}
    assert any("is built by []" in p for p in directory_problems(extra, model))


def test_the_reader_catches_a_minidisk_address_used_twice():
    model, files = _prodssi()
    path = "cluster/BKRBUP-1.DIRECT"
    twice = {**files, path: files[path] + files[path].splitlines()[-1] + "\n"}
    assert any("addresses used twice" in p for p in directory_problems(twice, model))
    # a minidisk at the address of the entry's link to CMS's 0190
    linked = _edit(files, path, " MDISK 0191", " MDISK 0190")
    assert any("addresses used twice" in p for p in directory_problems(linked, model))


def test_a_site_option_placed_before_the_device_statements_is_written_there():
    """docs/output.md: a site that adds `OPTION LNKNOPAS` to the workers puts it
    above their device statements, and the entries still obey CP."""
    table = TABLE.replace(
        '"LOGONBY MAINT",\n  "CONSOLE 0009 3215 T",',
        '"LOGONBY MAINT",\n  "OPTION LNKNOPAS",\n  "CONSOLE 0009 3215 T",',
    )
    site = parse_dialect(tomllib.loads(table), "site")
    model, files = directory(PRODSSI.name, PRODSSI.read_bytes(), site, path=PRODSSI)
    assert " LOGONBY MAINT\n OPTION LNKNOPAS\n CONSOLE 0009 3215 T" in files["cluster/BKRWRK01.DIRECT"]
    assert directory_problems(files, model) == []


@pytest.mark.parametrize(("width", "refused"), [(71, False), (72, True)])
def test_a_site_statement_reaching_column_72_is_refused_before_anything_is_written(width, refused):
    """DIRECTXA reads a record's columns 1-71: a site's LOGONBY that reaches
    column 72 would lose its last by-user's last letter (`OPS` read as `OP`).
    The table's load refuses it, naming the statement's machine (the compile's
    check of the generated files named only the file and its line); one column
    less is written whole (before, the check let lines through up to 72 columns)."""
    statement = "LOGONBY MAINT SYSPROG1 SYSPROG2 SYSPROG3 SYSPROG4 SYSPROG5 SYSPROG6 " + "OPS"[: width - 69]
    # in place of the SFS server's `LOGONBY MAINT`: eight by-users, CP's most in an entry
    table = TABLE.replace('"LOGONBY MAINT",\n  "IUCV ALLOW",', f'"{statement}",\n  "IUCV ALLOW",', 1)
    assert statement in table
    if refused:
        with pytest.raises(DialectError) as err:
            parse_dialect(tomllib.loads(table), "site")
        assert str(err.value) == (
            f"site: machines.catalog-sfs-server.statements: a directory record written with it can be 72 columns,"
            f" with names of 8 characters (` {statement}`); a directory record has at most 71: shorten it, or"
            " directory_indent, by 1 column in all"
        )
        return
    site = parse_dialect(tomllib.loads(table), "site")
    analysis, artifacts = compile_source(PRODSSI.name, PRODSSI.read_bytes(), path=PRODSSI, dialect=site)
    lines = artifacts_text(artifacts, "cluster/BKRSVSFS.DIRECT")
    line = next(n for n, text in enumerate(lines, 1) if "SYSPROG6" in text)
    assert len(lines[line - 1]) == width  # with its indent
    assert cms_problems(analysis.model, artifacts, PRODSSI.name) == []


def artifacts_text(artifacts, path):
    return next(a.text for a in artifacts if a.path == path).splitlines()


def test_every_machine_can_be_logged_on_by_maint():
    """docs/compatibility.md, Logging on to the machines: every machine is LBYONLY
    (XAUTOLOG or LOGON BY) with LOGONBY MAINT, never AUTOONLY, which refuses LOGON BY."""
    _model, files = directory(PRODSSI.name, PRODSSI.read_bytes(), AUTOV, path=PRODSSI)
    entries = [[line for line in text.splitlines() if not line.startswith("*")] for text in files.values()]
    entries = [e for e in entries if e[0].split()[0] in ("USER", "IDENTITY")]
    assert len(entries) == 13  # 2 servers, 4 workers, SFS, admin, installation, 2 TMMs, 2 DMMs
    for entry in entries:
        assert entry[0].split()[2] == "LBYONLY", entry[0]
        assert " LOGONBY MAINT" in entry, entry[0]


def test_a_site_table_naming_the_administrator_on_logonby_is_caught():
    """`{admin}` still names the administrator in a site's table, but the LBYONLY
    administrator has no password of its own for LOGON BY: the reader says so."""
    data = tomllib.loads(TABLE)
    worker = data["machines"]["worker"]
    worker["statements"] = [s.replace("LOGONBY MAINT", "LOGONBY {admin}") for s in worker["statements"]]
    site = parse_dialect(data, "site")
    model, files = directory(PRODSSI.name, PRODSSI.read_bytes(), site, path=PRODSSI)
    assert " LOGONBY BKRADMIN" in files["cluster/BKRWRK01.DIRECT"].splitlines()
    expected = "cluster/BKRWRK01.DIRECT: by-user BKRADMIN is LBYONLY: it has no password of its own for LOGON BY"
    assert expected in directory_problems(files, model)


# stop 76, h6: what each member's BKRSTART starts, read against the directory compile writes
#: BKRSTART's table of machines (docs/rexx.md): each machine's XAUTOLOG, and `s.N`,
#: whether BKRSTART takes it for single-configuration (logged on at another member:
#: rc 36, not started here); an EXEC that starts no such machine writes no `s.`.
_STARTED = r"^x\.(\d+) = 'XAUTOLOG (\S+)'$"
_SINGLE = r"^s\.(\d+) = ([01])$"


def _started(text: str) -> list[tuple[str, bool]]:
    """(machine, taken for single-configuration) of each XAUTOLOG in a BKRSTART EXEC, in order."""
    import re

    single = {n: flag == "1" for n, flag in re.findall(_SINGLE, text, re.MULTILINE)}
    return [(machine, single.get(n, False)) for n, machine in re.findall(_STARTED, text, re.MULTILINE)]


def _assert_bkrstart_starts_what_the_directory_builds(model, artifacts) -> None:
    """Each member's BKRSTART (its XAUTOLOG table) against the directory entries of one compile."""
    from cpdir import read_entries

    from bkrdsl.dialect import STARTED_ROLES

    entries, _ = read_entries({a.path: a.text for a in artifacts if a.kind == "directory"})
    built = {
        e.id: {s[2] for s in e.statements if s[:2] == ["BUILD", "ON"]}
        for e in entries.values()
        if e.kind == "IDENTITY"
    }
    execs = {a.path: a.text for a in artifacts if a.path.endswith("/BKRSTART.EXEC")}
    starts = {m.name: _started(execs[f"{m.name}/BKRSTART.EXEC"]) for m in model.members}
    users_started: dict[str, list[str]] = {}
    for member, started in starts.items():
        assert started, member  # at least the backup server
        for machine, single in started:
            entry = entries.get(machine)
            assert entry is not None and entry.kind in ("USER", "IDENTITY"), (member, machine)
            assert single is (entry.kind == "USER"), (member, machine, entry.kind)
            if entry.kind == "IDENTITY":
                assert member in built[machine], (member, machine, sorted(built[machine]))
            else:
                users_started.setdefault(machine, []).append(member)
            assert any(s[0] == "IPL" for s in entry.statements), (machine, entry.path)
            assert entry.operands[0] != "NOLOG", (machine, entry.path)
    assert all(len(members) == 1 for members in users_started.values()), users_started
    roles = model.machine_roles()
    for machine, members in built.items():
        if roles.get(machine) in STARTED_ROLES:
            for member in members:
                assert machine in {m for m, _ in starts[member]}, (member, machine, starts[member])


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clusters(), st.sampled_from([AUTOV, SEQUENTIAL]))
def test_each_members_bkrstart_starts_what_the_directory_builds_there(text, dialect):
    """What a system programmer relies on when AUTOLOG1 runs BKRSTART at a member's
    IPL, read from the files compile writes (BKRSTART's XAUTOLOG table against the
    CP directory entries), not from the model: CP logs each machine BKRSTART starts
    on at that member, that is, it has a USER entry, or an IDENTITY entry with a
    `BUILD ON` that member (else XAUTOLOG fails there), with an IPL statement (an
    autologged machine without one runs no PROFILE EXEC) and a password that is not
    NOLOG; BKRSTART takes it for single-configuration exactly when its entry is a
    USER; a USER entry is started by one member's BKRSTART only (a
    single-configuration user logs on at one member at a time); and every IDENTITY
    built on a member in a role BKRSTART starts is started there, so that no
    member's instance of a server or worker is left logged off."""
    analysis, artifacts = compile_source("prop.bkr", text.encode(), dialect=dialect)
    if artifacts is not None:
        _assert_bkrstart_starts_what_the_directory_builds(analysis.model, artifacts)


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.bkr")))
def test_each_examples_bkrstart_starts_what_its_directory_builds(example):
    """The same, on the examples: a shared catalog's SFS server and Tape Manager's
    catalog node (USER entries) on their home member only, the request node and its
    DMM on the others, workers of different counts per member."""
    path = EXAMPLES / example
    analysis, artifacts = compile_source(example, path.read_bytes(), path=path, dialect=AUTOV)
    assert artifacts is not None, example
    _assert_bkrstart_starts_what_the_directory_builds(analysis.model, artifacts)
