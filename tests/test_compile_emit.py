"""The emitters: job templates, CP directory entries, Tape Manager nodes, the dialect table.

Each test compiles a small cluster written here and looks at the files it
produces; the examples' files are pinned by the snapshot tests.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from bkrdsl.diagnostics.render import render_short
from bkrdsl.dialect import DIALECT_DIR, DialectError, load_dialect, parse_dialect
from bkrdsl.pipeline import compile_source
from bkrdsl.resolve.model import narrow_owners

TABLE = DIALECT_DIR / "backup-manager-1.3.toml"

CLUSTER = """\
import std/backup-manager
import std/zvm73

cluster TESTSSI {{
  member M1 {{ workers 2  private-volume P1VOL1 P1VOL2 }}
  member M2 {{ workers 1  private-volume P2VOL1 }}
  member M3 {{
    workers 1
    private-volume P3VOL1
    exclude minidisk * 0192
  }}
  shared-volume SHR001
  single user BKRSVSFS
  catalog shared server BKRSVSFS pool BKRPOOL on M1
  expire on M1 {{ preview daily 05:00  purge weekly sun 06:00  retain 30 days }}
  single group GUESTS {{ LINUX01 LINUX02  match LNX* }}
  identity group SYS {{ TCPIP }}
{body}
}}
"""

SINGLE_JOB = """
  job GUESTFUL {
    description "Guests, every night"
    backup GUESTS full
    include minidisk * 0100-0fff
    exclude minidisk * 0190 019E
    to disk pool BKUPPOOL
    run on M3 daily 01:00
  }
"""

IDENTITY_JOB = """
  job SYSIN {
    backup SYS incremental
    include minidisk * 191
    include sfs VMSYS:TCPIP.*
    to tape pool SCRATCH
    run on each member daily 02:00
  }
  tape manager shared catalog-node TCTMM on M2 request-node TRTMM
"""


def build(tmp_path: Path, body: str, dialect=None) -> dict:
    """{path: Artifact} of a cluster with `body` inside; fails with the diagnostics on errors."""
    text = CLUSTER.format(body=body)
    file = tmp_path / "test.bkr"
    file.write_text(text)
    analysis, artifacts = compile_source(str(file), text.encode(), path=file, dialect=dialect)
    errors = [d for d in analysis.diagnostics if d.is_error]
    assert artifacts is not None, render_short(errors)
    return {a.path: a for a in artifacts}


def lines(artifact) -> list[str]:
    return artifact.text.splitlines()


def records(artifact) -> list[str]:
    """A template's lines that are not comments."""
    return [line for line in lines(artifact) if not line.startswith("*")]


def table_copy(tmp_path: Path, **changes: str) -> Path:
    """The built-in dialect table with some entries' values replaced, as a site would."""
    text = TABLE.read_text()
    for key, value in changes.items():
        text, n = re.subn(
            rf'(\[entries\.{key}\]\nvalue = )"[^"\n]*"', lambda m, value=value: m.group(1) + f'"{value}"', text
        )
        assert n == 1, key
    path = tmp_path / "site.toml"
    path.write_text(text)
    return path


# ------------------------------------------------------------------ job templates
def test_single_job_is_written_once_on_its_member(tmp_path):
    files = build(tmp_path, SINGLE_JOB)
    templates = [p for p in files if p.endswith(".TEMPLATE")]
    assert templates == ["M3/GUESTFUL.TEMPLATE"]
    art = files["M3/GUESTFUL.TEMPLATE"]
    assert (art.kind, art.member, art.job, art.source_job, art.job_kind) == (
        "job-template", "M3", "GUESTFUL", "GUESTFUL", "single"
    )
    assert records(art) == [
        "CONFIG BKR_Job_Name = GUESTFUL",
        "CONFIG BKR_Job_Type = FULL",
        "CONFIG BKR_Output_Spec = DISK BKUPPOOL",
        "INCLUDE MINIDISK LINUX01 = 0100 - 0FFF",
        "INCLUDE MINIDISK LINUX02 = 0100 - 0FFF",
        "INCLUDE MINIDISK LNX* = 0100 - 0FFF",
        "EXCLUDE MINIDISK * = 0190 - 0190",
        "EXCLUDE MINIDISK * = 019E - 019E",
        # M3's own exclude, added to the single-configuration jobs M3 runs
        "EXCLUDE MINIDISK * = 0192 - 0192",
    ]
    assert "* Guests, every night" in lines(art)


PINNED_IDENTITY_JOB = """
  job SYSSFS {
    backup SYS full
    include sfs BKRPOOL:*.*
    to disk
    run on M1 daily 01:30
  }
"""


def test_identity_job_on_one_member_says_why_it_has_no_copies(tmp_path):
    """A job of IDENTITY users pinned to one member (BKR221's exception) is
    written once, under its own name: its header says that it runs there only,
    and why, since SSI rule 6 has a reviewer look for one copy per member."""
    files = build(tmp_path, PINNED_IDENTITY_JOB)
    assert [p for p in files if p.endswith(".TEMPLATE")] == ["M1/SYSSFS.TEMPLATE"]
    head = [line for line in lines(files["M1/SYSSFS.TEMPLATE"]) if line.startswith("*")]
    text = " ".join(line[2:] for line in head)
    assert "Job SYSSFS (IDENTITY users) on member M1 only, not one copy per member:" in text
    assert "SFS directories in the shared catalog's file pool BKRPOOL" in text
    assert all(len(line) <= 72 for line in head)


ONE_MEMBER = """\
import std/backup-manager

cluster ONESSI {
  member VM1 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VM1 { purge weekly sun 06:00  retain 30 days }
  single group GUESTS { LINUX01 }
  job ABCDEFGH { backup GUESTS full  include minidisk * *  to disk  run on each member daily 01:00 }
  job J { backup GUESTS incremental  include minidisk * 0191  to disk  run on each member daily 02:00 }
  job J1 { backup GUESTS incremental  include minidisk * 0192  to disk  run on VM1 daily 03:00 }
}
"""


def test_owner_records_list_the_user_ids_first_then_the_patterns(tmp_path):
    """docs/output.md: `*` writes one record per user ID, in the order `backup` and
    the groups name them, then one per `match` pattern."""
    body = SINGLE_JOB.replace("backup GUESTS full", "backup OPS, GUESTS full") + (
        "  single group OPS { OPSAUTO  match OPS* }\n"
    )
    template = build(tmp_path, body)["M3/GUESTFUL.TEMPLATE"]
    owners = [r.split()[2] for r in records(template) if r.startswith("INCLUDE")]
    assert owners == ["OPSAUTO", "LINUX01", "LINUX02", "OPS*", "LNX*"]


def test_single_job_on_each_member_of_one_member_keeps_its_name(tmp_path):
    """`run on each member` in a cluster of one member is that member: a single job
    keeps its name (it used to become J1, ABCDEFGH1: too long, or a second J1)."""
    file = tmp_path / "one.bkr"
    analysis, artifacts = compile_source(str(file), ONE_MEMBER.encode(), path=file)
    assert artifacts is not None, render_short(analysis.diagnostics)
    templates = {a.path: a for a in artifacts if a.kind == "job-template"}
    assert sorted(templates) == ["VM1/ABCDEFGH.TEMPLATE", "VM1/J.TEMPLATE", "VM1/J1.TEMPLATE"]
    assert {(a.job, a.source_job) for a in templates.values()} == {
        ("ABCDEFGH", "ABCDEFGH"), ("J", "J"), ("J1", "J1")
    }
    submit = next(a for a in artifacts if a.path == "VM1/BKRSUBMT.EXEC").text
    assert "SUBMIT ABCDEFGH'" in submit and "SUBMIT J'" in submit and "SUBMIT J1'" in submit


def test_single_job_on_each_member_of_two_members_stays_an_error(tmp_path):
    text = ONE_MEMBER.replace("member VM1 { workers 2 }", "member VM1 { workers 2 }  member VM2 { workers 2 }")
    analysis, artifacts = compile_source("two.bkr", text.encode())
    assert artifacts is None
    assert sorted({d.code for d in analysis.diagnostics if d.is_error}) == ["BKR220"]


def test_identity_job_once_per_member_with_identical_selection(tmp_path):
    files = build(tmp_path, IDENTITY_JOB)
    templates = sorted(p for p in files if p.endswith(".TEMPLATE"))
    assert templates == ["M1/SYSIN1.TEMPLATE", "M2/SYSIN2.TEMPLATE", "M3/SYSIN3.TEMPLATE"]
    selections = {}
    for path in templates:
        art = files[path]
        assert (art.job, art.source_job, art.job_kind) == (f"SYSIN{art.member[-1]}", "SYSIN", "identity")
        body = records(art)
        assert body[:3] == [
            f"CONFIG BKR_Job_Name = SYSIN{art.member[-1]}",
            "CONFIG BKR_Job_Type = INCREMENTAL",
            "CONFIG BKR_Output_Spec = TAPE SCRATCH",
        ]
        selections[art.member] = [r for r in records(art) if r.startswith(("INCLUDE", "EXCLUDE"))]
    assert selections["M1"] == ["INCLUDE MINIDISK TCPIP = 0191 - 0191", "INCLUDE SFS VMSYS:TCPIP.*"]
    # SSI rule 6: M3's own `exclude minidisk * 0192` is not in its copy (BKR414 says so).
    assert selections["M1"] == selections["M2"] == selections["M3"]
    assert "Excludes of member" not in files["M3/SYSIN3.TEMPLATE"].text


def _selection_text(text: str) -> str:
    """A template from its selection on: the opening comment of the job's
    selection, its records, and whatever follows them (`job_selection`)."""
    start = text.index("* Selection of job ")
    return text[start:]


def _identity_copies(artifacts) -> dict[str, list]:
    """{source job: its templates} of each job written once per member."""
    copies: dict[str, list] = {}
    for a in artifacts:
        if a.kind == "job-template" and a.job != a.source_job:
            copies.setdefault(a.source_job, []).append(a)
    return copies


def _assert_copies_alike(copies: dict[str, list]) -> None:
    for job, templates in copies.items():
        first = _selection_text(templates[0].text)
        for other in templates[1:]:
            assert _selection_text(other.text) == first, (job, templates[0].path, other.path)
            # Only the header and the job name differ, line for line.
            one, two = templates[0].text.splitlines(), other.text.splitlines()
            assert len(one) == len(two), (job, other.path)
            differ = [(a, b) for a, b in zip(one, two) if a != b]
            assert all(a.startswith("*") or "BKR_Job_Name" in a for a, _ in differ), (job, differ)


EXAMPLE_FILES = sorted((Path(__file__).parent.parent / "examples").glob("*.bkr"))


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_examples_identity_copies_have_identical_selection_records(example):
    """Issue 4, SSI rule 6: an IDENTITY job's copies carry byte-identical selection
    records on every member; only the header and the job name differ."""
    analysis, artifacts = compile_source(str(example), example.read_bytes(), path=example)
    assert artifacts is not None, render_short(analysis.diagnostics)
    copies = _identity_copies(artifacts)
    _assert_copies_alike(copies)
    if example.name == "prodssi.bkr":
        assert sorted(t.member for t in copies["SYSIN"]) == ["VMSYS1", "VMSYS2", "VMSYS3", "VMSYS4"]


MEMBER_EXCLUDES = """
  job SYSIN {
    backup SYS incremental
    include minidisk * 0191-01FF
    exclude minidisk * 019E
    to disk
    run on each member daily 02:00
  }
  job SYSFU {
    backup SYS full
    include sfs VMSYS:TCPIP.*
    to disk
    run on each member weekly sun 03:00
  }
  job GUESTFUL {
    backup GUESTS full
    include minidisk * 0100-0fff
    to disk
    run on M3 daily 01:00
  }
  single group APPS { CICSPRD }
  job APPSINC {
    backup APPS incremental
    include minidisk * 0191-01FF
    to disk
    run on M2 daily 01:00
  }
"""


def test_member_excludes_end_single_jobs_only(tmp_path):
    """A member block's excludes end the templates of the single-configuration jobs
    pinned to that member, and no IDENTITY job's copy: M3's `exclude minidisk * 0192`
    and `exclude sfs ...` are in GUESTFUL (on M3), not in APPSINC (on M2), nor in
    SYSIN3 or SYSFU3, whose copies are alike on every member."""
    body = MEMBER_EXCLUDES
    text = CLUSTER.format(body=body).replace(
        "    exclude minidisk * 0192\n", "    exclude minidisk * 0192\n    exclude sfs VMSYS:TCPIP.TMP\n"
    )
    file = tmp_path / "test.bkr"
    file.write_text(text)
    analysis, artifacts = compile_source(str(file), text.encode(), path=file)
    assert artifacts is not None, render_short(analysis.diagnostics)
    files = {a.path: a for a in artifacts}
    assert records(files["M3/GUESTFUL.TEMPLATE"])[-2:] == [
        "EXCLUDE MINIDISK * = 0192 - 0192",
        "EXCLUDE SFS VMSYS:TCPIP.TMP",
    ]
    assert "* Excludes of member M3, added to its single-configuration jobs." in lines(
        files["M3/GUESTFUL.TEMPLATE"]
    )
    assert "0192" not in files["M2/APPSINC.TEMPLATE"].text
    for name in ("SYSIN", "SYSFU"):
        assert "Excludes of member" not in files[f"M3/{name}3.TEMPLATE"].text
        assert "0192" not in files[f"M3/{name}3.TEMPLATE"].text
    _assert_copies_alike(_identity_copies(artifacts))
    # Each of M3's excludes reaches TCPIP, a user of both IDENTITY jobs: one warning each.
    warned = [d for d in analysis.diagnostics if d.code == "BKR414"]
    assert [(d.span.line, "`SYSIN` and `SYSFU`" in d.message) for d in warned] == [(10, True), (11, True)]


@pytest.mark.parametrize(
    "item, record",
    [
        ("*", "INCLUDE MINIDISK LINUX01 = 0000 - FFFF"),
        ("191", "INCLUDE MINIDISK LINUX01 = 0191 - 0191"),
        ("0191", "INCLUDE MINIDISK LINUX01 = 0191 - 0191"),
        ("0100-0fff", "INCLUDE MINIDISK LINUX01 = 0100 - 0FFF"),
        ("1a0-1af", "INCLUDE MINIDISK LINUX01 = 01A0 - 01AF"),
    ],
)
def test_address_forms(tmp_path, item, record):
    body = SINGLE_JOB.replace("include minidisk * 0100-0fff", f"include minidisk LINUX01 {item}")
    files = build(tmp_path, body)
    assert record in records(files["M3/GUESTFUL.TEMPLATE"])


# (owner written, expected owners) for a job of IDs LINUX01 LINUX02 and pattern LNX*
NARROWING = [
    ("*", ["LINUX01", "LINUX02", "LNX*"]),
    ("LINUX01", ["LINUX01"]),
    ("LINUX*", ["LINUX01", "LINUX02"]),
    ("L*", ["LINUX01", "LINUX02", "LNX*"]),
    ("LNXAPP*", ["LNXAPP*"]),  # narrower than the group's pattern: kept as written
    ("LNX05", ["LNX05"]),  # one user the pattern covers
    ("MAINT", []),  # not backed up by this job (the checker warns, BKR406)
    # Wildcards in the owner are compared as sets of IDs, never read as an ID:
    ("LNX%", ["LNX%"]),  # inside LNX*: LNX% itself, not the wider LNX*
    ("LN%*", ["LNX*"]),  # holds every ID of LNX*
    ("LNX%%", ["LNX%%"]),
    ("LNX1*", ["LNX1*"]),
    ("L%N*", ["LINUX01", "LINUX02"]),  # matches both IDs, shares no ID with LNX*
    ("L%X*", ["LNX*"]),  # holds every ID of LNX*
]


@pytest.mark.parametrize("owner, expected", NARROWING)
def test_include_owner_narrows_the_jobs_users(owner, expected):
    assert narrow_owners(owner, ["LINUX01", "LINUX02"], ["LNX*"]) == expected


def test_a_pattern_owner_never_selects_more_than_the_jobs_pattern():
    # LNX% only holds IDs of 4 characters: the group's wider LNX* must not be written.
    assert narrow_owners("LNX%", [], ["LNX*"]) == ["LNX%"]
    # A owner pattern sharing only some IDs with the group's pattern is left out
    # (the checker refuses it, BKR409), never widened to either pattern.
    assert narrow_owners("LNX%%", [], ["LNXA*"]) == []
    assert narrow_owners("LNX1*", [], ["LNX*1"]) == []


SFS_JOB = """
  job GUESTSFS {
    backup GUESTS full
    include sfs BKRPOOL:*.* BKRPOOL:LINUX01.LOGS BKRPOOL:LNXAPP*.DATA
    exclude sfs BKRPOOL:*.TEMP
    to disk
    run on M1 daily 01:00
  }
"""


def test_sfs_includes_are_narrowed_to_the_jobs_users(tmp_path):
    files = build(tmp_path, SFS_JOB)
    assert [r for r in records(files["M1/GUESTSFS.TEMPLATE"]) if r.startswith(("INCLUDE SFS", "EXCLUDE SFS"))] == [
        "INCLUDE SFS BKRPOOL:LINUX01.*",
        "INCLUDE SFS BKRPOOL:LINUX02.*",
        "INCLUDE SFS BKRPOOL:LNX*.*",
        "INCLUDE SFS BKRPOOL:LINUX01.LOGS",
        "INCLUDE SFS BKRPOOL:LNXAPP*.DATA",
        "EXCLUDE SFS BKRPOOL:*.TEMP",  # an exclude removes, so it is written as it is
    ]


def test_keywords_come_from_the_dialect_table(tmp_path):
    site = table_copy(
        tmp_path,
        include_minidisk="SELECT MDISK {owner} {first}:{last}",
        job_name_setting="JOBNAME {value}",
        output_tape_pool="CART {pool}",
        directory_identity="IDENTITY {id} {password} {storage} {maxstorage} {classes} X",
        tape_local_node="DEFINE_LOCAL",
    )
    dialect = load_dialect(path=str(site))
    files = build(tmp_path, IDENTITY_JOB, dialect=dialect)
    body = records(files["M1/SYSIN1.TEMPLATE"])
    assert "JOBNAME SYSIN1" in body
    assert "SELECT MDISK TCPIP 0191:0191" in body
    assert "CONFIG BKR_Output_Spec = CART SCRATCH" in body
    assert not any("INCLUDE MINIDISK" in line for line in body)
    assert "IDENTITY BKRBKUP LBYONLY 256M 512M BG X" in lines(files["cluster/BKRBKUP.DIRECT"])


# ------------------------------------------------------------------ CP directory
def test_identity_entries_build_on_every_member(tmp_path):
    files = build(tmp_path, IDENTITY_JOB + "  disk BKRBKUP 191 size 10 cyl\n")
    entry = lines(files["cluster/BKRBKUP.DIRECT"])
    body = [line for line in entry if not line.startswith("*")]
    assert body[:4] == [
        "IDENTITY BKRBKUP LBYONLY 256M 512M BG",
        " BUILD ON M1 USING SUBCONFIG BKRBUP-1",
        " BUILD ON M2 USING SUBCONFIG BKRBUP-2",
        " BUILD ON M3 USING SUBCONFIG BKRBUP-3",
    ]
    assert " LOGONBY MAINT" in body
    assert not any(line.lstrip().startswith("MDISK") for line in body)  # minidisks live in the SUBCONFIGs
    for n, volume in ((1, "P1VOL1"), (2, "P2VOL1"), (3, "P3VOL1")):
        sub = files[f"cluster/BKRBUP-{n}.DIRECT"]
        assert sub.member == f"M{n}" and sub.kind == "directory"
        assert records(sub) == [f"SUBCONFIG BKRBUP-{n}", f" MDISK 0191 3390 AUTOV 10 {volume} MR"]


def test_each_members_statement_places_its_own_instance(tmp_path):
    # A site without DirMaint: one statement per member, each on that member's private
    # volume, gives each SUBCONFIG its own fixed extent; M3, named by none, is allocated.
    body = (
        IDENTITY_JOB
        + "  disk BKRBKUP 191 size 10 cyl on P1VOL2 at 100\n"
        + "  disk BKRBKUP 0191 size 10 cylinders on P2VOL1 at 200\n"
    )
    files = build(tmp_path, body)
    assert records(files["cluster/BKRBUP-1.DIRECT"]) == ["SUBCONFIG BKRBUP-1", " MDISK 0191 3390 100 10 P1VOL2 MR"]
    assert records(files["cluster/BKRBUP-2.DIRECT"]) == ["SUBCONFIG BKRBUP-2", " MDISK 0191 3390 200 10 P2VOL1 MR"]
    assert records(files["cluster/BKRBUP-3.DIRECT"]) == ["SUBCONFIG BKRBUP-3", " MDISK 0191 3390 AUTOV 10 P3VOL1 MR"]


def test_workers_are_built_only_where_they_run(tmp_path):
    files = build(tmp_path, IDENTITY_JOB)
    assert "cluster/BKRWRK02.DIRECT" in files  # M1 has 2 workers, M2 and M3 one
    builds = [line for line in lines(files["cluster/BKRWRK02.DIRECT"]) if "BUILD ON" in line]
    assert builds == [" BUILD ON M1 USING SUBCONFIG BKRW02-1"]
    assert "cluster/BKRW02-2.DIRECT" not in files
    builds = [line for line in lines(files["cluster/BKRWRK01.DIRECT"]) if "BUILD ON" in line]
    assert len(builds) == 3


def test_single_configuration_machines_are_user_entries(tmp_path):
    body = IDENTITY_JOB + "  disk BKRSVSFS 191 size 20 cyl on SHR001 at 1000\n  disk BKRADMIN 191 size 5 cyl\n"
    files = build(tmp_path, body)
    assert records(files["cluster/BKRSVSFS.DIRECT"])[0] == "USER BKRSVSFS LBYONLY 128M 512M BG"
    assert " MDISK 0191 3390 1000 20 SHR001 MR" in records(files["cluster/BKRSVSFS.DIRECT"])
    assert " IUCV *IDENT RESANY GLOBAL" in records(files["cluster/BKRSVSFS.DIRECT"])
    assert records(files["cluster/BKRADMIN.DIRECT"])[0] == "USER BKRADMIN LBYONLY 64M 128M G"
    assert " MDISK 0191 3390 AUTOV 5 SHR001 MR" in records(files["cluster/BKRADMIN.DIRECT"])
    assert records(files["cluster/5697J06C.DIRECT"])[0] == "USER 5697J06C LBYONLY 64M 128M G"
    for path in ("cluster/BKRSVSFS.DIRECT", "cluster/BKRADMIN.DIRECT", "cluster/5697J06C.DIRECT"):
        assert files[path].member is None
        assert not any("BUILD ON" in line or "SUBCONFIG" in line for line in records(files[path]))


LOCAL_CATALOG = """\
import std/backup-manager

cluster TESTSSI {
  member M1 { workers 1  private-volume P1VOL1 }
  member M2 { workers 1  private-volume P2VOL1 }
  catalog local server BKRSVSFS pool BKRPOOL
  expire on each member { purge weekly sun 06:00  retain 30 days }
  identity group SYS { TCPIP }
  job SYSIN { backup SYS incremental  include minidisk * 191  to disk  run on each member daily 02:00 }
}
"""


def test_a_local_catalogs_sfs_server_identifies_its_pool_locally(tmp_path):
    """A local catalog's SFS server is an IDENTITY: every member's instance serves
    a file pool of the same name. A global resource name must be unique in the
    collection the members form (z/VM, "Virtual Machine Environment"), so the
    instances identify the pool as a local resource; a shared catalog's one USER
    keeps GLOBAL (test above)."""
    file = tmp_path / "local.bkr"
    file.write_text(LOCAL_CATALOG)
    analysis, artifacts = compile_source(str(file), LOCAL_CATALOG.encode(), path=file)
    assert artifacts is not None, render_short([d for d in analysis.diagnostics if d.is_error])
    files = {a.path: a for a in artifacts}
    body = records(files["cluster/BKRSVSFS.DIRECT"])
    assert body[0] == "IDENTITY BKRSVSFS LBYONLY 128M 512M BG"
    assert " IUCV *IDENT RESANY LOCAL" in body
    assert not any("GLOBAL" in line for line in body)


def test_an_entry_without_minidisks_says_so_where_they_would_be(tmp_path):
    """USER and SUBCONFIG entries alike: the comment stands last, where the MDISK
    statements would be, and only in the entries that have none."""
    files = build(tmp_path, IDENTITY_JOB + "  disk BKRADMIN 191 size 5 cyl\n  disk BKRBKUP 191 size 10 cyl\n")
    none = "* No minidisks of its own."
    for path in ("cluster/5697J06C.DIRECT", "cluster/BKRSVSFS.DIRECT", "cluster/BKRCLG-1.DIRECT"):
        assert lines(files[path])[-1] == none, path
        assert not any("MDISK" in line for line in records(files[path])), path
    for path in ("cluster/BKRADMIN.DIRECT", "cluster/BKRBUP-1.DIRECT"):
        assert none not in lines(files[path]), path
        assert records(files[path])[-1].startswith(" MDISK 0191 "), path


def _said(artifact) -> str:
    """An entry's header comments as one text, line ends read as blanks."""
    return " ".join(line.lstrip("* ") for line in lines(artifact) if line.startswith("*"))


def test_the_sfs_servers_entry_says_bkrc_writes_no_file_pool(tmp_path):
    """A sysprog reading BKRSVSFS DIRECT (examples/spreadssi.bkr: a 191 only) was not
    told that the entry holds no file pool: its minidisks (a control disk, logs,
    storage groups) and its DMSPARMS are the site's, declared with `disk`
    statements (docs/deploy.md), as the Tape Manager entries say of the LMM. The
    header says so and names the minidisks the .bkr file gives it; no other
    entry says it."""
    files = build(tmp_path, IDENTITY_JOB)
    said = _said(files["cluster/BKRSVSFS.DIRECT"])
    assert "bkrc writes no file pool: BKRSVSFS DMSPARMS and the minidisks the pool needs" in said
    assert "the .bkr file gives BKRSVSFS none." in said
    files = build(tmp_path, IDENTITY_JOB + "  disk BKRSVSFS 301 size 50 cyl\n  disk BKRSVSFS 191 size 5 cyl\n")
    assert "the .bkr file gives BKRSVSFS 0191 and 0301 only." in _said(files["cluster/BKRSVSFS.DIRECT"])
    assert not [path for path, a in files.items() if path != "cluster/BKRSVSFS.DIRECT" and "file pool:" in _said(a)]
    file = tmp_path / "local.bkr"
    file.write_text(LOCAL_CATALOG)
    _, artifacts = compile_source(str(file), LOCAL_CATALOG.encode(), path=file)
    local = {a.path: a for a in artifacts}["cluster/BKRSVSFS.DIRECT"]
    assert "bkrc writes no file pool" in _said(local)  # the IDENTITY of a local catalog too


def test_the_sfs_servers_pool_note_says_to_declare_a_shared_volume_where_there_is_none(tmp_path):
    """examples/with-site.bkr declares no `shared-volume`: BKRSVSFS DIRECT told the
    reader to declare the pool's minidisks with `disk` statements, which alone is
    BKR245 (no volume for them). The note now says to add a shared-volume statement
    first, and names the machines whose 191 bkrc check then asks for (BKR253);
    doing all it says checks clean. With a shared volume it says neither."""
    import shutil

    from conftest import EXAMPLES, run_cli

    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder)
    source = folder / "with-site.bkr"
    text = source.read_text()
    assert "shared-volume" not in text
    _, artifacts = compile_source(str(source), text.encode(), path=source)
    said = _said({a.path: a for a in artifacts}["cluster/BKRSVSFS.DIRECT"])
    assert (
        "the .bkr file gives BKRSVSFS none. A single-configuration machine's minidisks go on a shared volume,"
        " and the cluster declares none: add a shared-volume statement first. Then give BKRSVSFS, BKRADMIN and"
        " 5697J06C each a 191 minidisk as well: bkrc check asks for them (BKR253)."
    ) in said
    # The pool's disk alone is BKR245; done as the note says, the check is clean.
    pool = "  disk BKRSVSFS 301 size 50 cyl\n"
    anchor = "  disk BKRWRK* 191 size 5 cyl\n"
    source.write_text(text.replace(anchor, anchor + pool))
    assert "error[BKR245]" in run_cli(["check", source], expect=1).output
    disks = "".join(f"  disk {m} 191 size 10 cyl\n" for m in ("BKRSVSFS", "BKRADMIN", "5697J06C"))
    followed = text.replace(anchor, anchor + "  shared-volume TSTCOM\n" + pool + disks)
    source.write_text(followed)
    assert run_cli(["check", source], expect=0).output == ""
    _, artifacts = compile_source(str(source), followed.encode(), path=source)
    said = _said({a.path: a for a in artifacts}["cluster/BKRSVSFS.DIRECT"])
    assert "the .bkr file gives BKRSVSFS 0191 and 0301 only. Assumed product syntax:" in said
    assert "shared-volume" not in said and "BKR253" not in said
    # A local catalog's server, an IDENTITY, on a member with no private volume.
    local = tmp_path / "local.bkr"
    text = LOCAL_CATALOG.replace("  private-volume P2VOL1", "")
    _, artifacts = compile_source(str(local), text.encode(), path=local)
    said = _said({a.path: a for a in artifacts}["cluster/BKRSVSFS.DIRECT"])
    assert (
        "Its minidisks go on each member's private volume, and M2 declares none: add a private-volume statement"
        " to its member block first. Then give BKRBKUP, BKRCATLG, BKRWRK01 and BKRSVSFS each a 191 minidisk as"
        " well: bkrc check asks for them (BKR253)."
    ) in said
    disks = "".join(f"  disk {m} 191 size {5 if m == 'BKRWRK01' else 10} cyl\n" for m in said.split("Then give ")[1].split(" each")[0].replace(" and", ",").split(", "))
    local.write_text(LOCAL_CATALOG.replace("  catalog local", "  disk BKRSVSFS 301 size 50 cyl\n" + disks + "  catalog local"))
    assert run_cli(["check", local], expect=0).output == ""


def test_the_sfs_server_links_the_fileserv_disk(tmp_path):
    """A file pool server needs read access to the disk FILESERV lives on, MAINT 193
    (z/VM: CMS File Pool Planning, Administration, and Operation, "File Pool Server
    Machines", and the LINK MAINT 193 193 RR of its example server entry)."""
    files = build(tmp_path, IDENTITY_JOB)
    assert " LINK MAINT 0193 0193 RR" in records(files["cluster/BKRSVSFS.DIRECT"])
    with pytest.raises(AssertionError, match="BKR250"):
        build(tmp_path, IDENTITY_JOB + "  disk BKRSVSFS 193 size 5 cyl on SHR001 at 1000\n")


def test_sequential_allocation_goes_around_explicit_extents(tmp_path):
    site = tmp_path / "seq.toml"
    site.write_text(TABLE.read_text().replace('value = "autov"', 'value = "sequential"'))
    body = (
        IDENTITY_JOB
        + "  disk BKRBKUP 191 size 10 cyl\n"
        + "  disk BKRCATLG 191 size 5 cyl on P1VOL1 at 12\n"
        + "  disk BKRCATLG 192 size 4 cyl\n"
        + "  disk BKRWRK* 191 size 2 cyl\n"
    )
    files = build(tmp_path, body, dialect=load_dialect(path=str(site)))

    def mdisks(path):
        return [line.strip() for line in records(files[path]) if "MDISK" in line]

    # P1VOL1: BKRBKUP 1-10, BKRCATLG 191 fixed at 12-16, so 192 goes to 17, workers after it
    assert mdisks("cluster/BKRBUP-1.DIRECT") == ["MDISK 0191 3390 1 10 P1VOL1 MR"]
    assert mdisks("cluster/BKRCLG-1.DIRECT") == ["MDISK 0191 3390 12 5 P1VOL1 MR", "MDISK 0192 3390 17 4 P1VOL1 MR"]
    assert mdisks("cluster/BKRW01-1.DIRECT") == ["MDISK 0191 3390 21 2 P1VOL1 MR"]
    assert mdisks("cluster/BKRW02-1.DIRECT") == ["MDISK 0191 3390 23 2 P1VOL1 MR"]
    # the other members' instances are allocated on their own volumes
    assert mdisks("cluster/BKRCLG-2.DIRECT") == ["MDISK 0191 3390 11 5 P2VOL1 MR", "MDISK 0192 3390 16 4 P2VOL1 MR"]
    assert mdisks("cluster/BKRBUP-2.DIRECT") == ["MDISK 0191 3390 1 10 P2VOL1 MR"]


def test_fba_disks_use_blocks(tmp_path):
    files = build(tmp_path, IDENTITY_JOB + "  disk BKRBKUP 191 size 20000 blk\n")
    assert " MDISK 0191 FB-512 AUTOV 20000 P1VOL1 MR" in records(files["cluster/BKRBUP-1.DIRECT"])


# ------------------------------------------------------------------ Tape Manager
def test_tape_node_definitions(tmp_path):
    files = build(tmp_path, IDENTITY_JOB)
    catalog = records(files["M2/TMNODES.CONFIG"])
    assert [r for r in catalog if not r.startswith("/*")] == [
        "Define_Local_Node M2,CATALOG,START,<CHALLENGE-PASSWORD>",
        "Define_Remote_Node M1,REQUEST,<HOST-M1>",
        "Define_Remote_Node M3,REQUEST,<HOST-M3>",
    ]
    assert any("TCTMM on M2" in line for line in catalog)
    request = records(files["M3/TMNODES.CONFIG"])
    assert [r for r in request if not r.startswith("/*")] == [
        "Define_Local_Node M3,REQUEST,START,<CHALLENGE-PASSWORD>",
        "Define_Remote_Node M2,CATALOG,<HOST-M2>",
    ]
    assert files["M3/TMNODES.CONFIG"].kind == "tape-config"


def test_tape_catalog_node_file_names_ibms_host_addr_example(tmp_path):
    # Tape Manager 1.3, "Node Definition example for a Shared Catalog
    # Implementation": the catalog node's Define_Local_Node omits Tcpip_Machine
    # and Host_Name and specifies Host_Addr 0.0.0.0. The catalog node's file
    # says so where bkrc leaves those operands to the site; a request node's
    # file does not (IBM's example for request nodes was not readable).
    files = build(tmp_path, IDENTITY_JOB)

    def comment(path: str) -> str:
        return " ".join(r[2:-2].strip() for r in records(files[path]) if r.startswith("/*"))

    catalog = comment("M2/TMNODES.CONFIG")
    assert "Host_Addr 0.0.0.0" in catalog
    assert "Node Definition example for a Shared Catalog Implementation" in catalog
    request = comment("M3/TMNODES.CONFIG")
    assert "0.0.0.0" not in request
    assert "which bkrc does not write" in request
    for artifact in (files["M2/TMNODES.CONFIG"], files["M3/TMNODES.CONFIG"]):
        assert all(len(line) <= 72 for line in lines(artifact))


def test_no_tape_files_without_tape_manager(tmp_path):
    files = build(tmp_path, SINGLE_JOB)
    assert not [p for p in files if p.endswith(".CONFIG")]


# ------------------------------------------------------------------ EXECs are placed per member
def test_a_run_without_schedule_is_manual(tmp_path):
    """docs/language.md: `run on M3` alone is `manual`, listed so and never due."""
    files = build(tmp_path, SINGLE_JOB.replace("run on M3 daily 01:00", "run on M3"))
    submit = files["M3/BKRSUBMT.EXEC"].text
    assert "sched.1 = 'MANUAL'" in submit and "when.1 = 'manual'" in submit


def test_a_jobs_summary_names_its_pool_on_tape_as_on_disk(tmp_path):
    """Without a description, BKRSUBMT's list says where the job writes, the pool
    included, as its template's output setting does (`TAPE SCRATCH`)."""
    files = build(tmp_path, IDENTITY_JOB)
    assert "CONFIG BKR_Output_Spec = TAPE SCRATCH" in lines(files["M1/SYSIN1.TEMPLATE"])
    submit = files["M1/BKRSUBMT.EXEC"].text
    assert "text.1 = 'incremental backup of SYS to tape pool SCRATCH'" in submit
    assert "backup of SYS to tape pool SCRATCH */" in submit


def test_exec_comments_write_names_as_the_code_does(tmp_path):
    """docs/rexx.md: `$ # @` are mapped only outside names. BKRSUBMT's header lists
    job PAY@1 as `job.1` names it (it listed `PAY<U+0040>1`, a job no operand
    finds); a description's `$` is still mapped, in the header and in `text.1`."""
    body = SINGLE_JOB.replace("GUESTFUL", "PAY@1").replace("Guests, every night", "Guests at $5 a night")
    submit = build(tmp_path, body)["M3/BKRSUBMT.EXEC"].text
    assert "job.1 = 'PAY@1'" in submit
    assert "/*   PAY@1    daily 01:00: Guests at <U+0024>5 a night */" in submit
    assert "text.1 = 'Guests at <U+0024>5 a night'" in submit
    # Without a description, what LIST shows is names and bkrc's words.
    submit = build(tmp_path, IDENTITY_JOB.replace("SCRATCH", "SCR$TCH"))["M2/BKRSUBMT.EXEC"].text
    assert "text.1 = 'incremental backup of SYS to tape pool SCR$TCH'" in submit
    assert "backup of SYS to tape pool SCR$TCH */" in submit


def test_execs_per_member_and_expiry_on_the_purging_member_only(tmp_path):
    files = build(tmp_path, IDENTITY_JOB)
    for member in ("M1", "M2", "M3"):
        assert files[f"{member}/BKRSUBMT.EXEC"].kind == "submit-exec"
        assert files[f"{member}/BKRSTART.EXEC"].kind == "profile-snippet"
    assert [p for p in files if p.endswith("BKREXPIR.EXEC")] == ["M1/BKREXPIR.EXEC"]
    assert files["M1/BKREXPIR.EXEC"].kind == "expire-exec"


# ------------------------------------------------------------------ dialect table
def _data() -> dict:
    return tomllib.loads(TABLE.read_text())


def _broken(change) -> dict:
    data = _data()
    change(data)
    return data


BROKEN_TABLES = [
    ("missing entry", lambda d: d["entries"].pop("include_minidisk"), "missing entries: include_minidisk"),
    ("unknown placeholder", lambda d: d["entries"]["submit_verb"].update(value="SUBMIT {name}"), "{name}"),
    ("bad braces", lambda d: d["entries"]["submit_verb"].update(value="SUBMIT {job"), "malformed placeholder"),
    ("variant char", lambda d: d["entries"]["include_sfs"].update(value="INCLUDE SFS | {path}"), "EBCDIC"),
    ("bad status", lambda d: d["entries"]["xautolog"].update(status="maybe"), "confirmed or assumed"),
    ("bad allocation", lambda d: d["entries"]["disk_allocation"].update(value="random"), "disk_allocation"),
    # BKRSTART compares these with CMS's rc word for word: `24.0` would never match
    ("rc not a number", lambda d: d["entries"]["query_filepool_final_rcs"].update(value="-3 24.0"),
     "entry query_filepool_final_rcs: '24.0' is not a return code"),
    # CP's rcs the EXECs act on: a whole number CP can answer (its message's
    # number), never one the EXECs set themselves, 45, or another of the command's
    ("cp rc not whole", lambda d: d["entries"]["xautolog_not_in_directory_rc"].update(value="53.0"),
     "entry xautolog_not_in_directory_rc: '53.0' is not a CP return code: a whole number from 1 to 9999"),
    ("cp rc a float", lambda d: d["entries"]["message_not_receiving_rc"].update(value=57.5),
     "entry message_not_receiving_rc: '57.5' is not a CP return code"),
    ("cp rc a word", lambda d: d["entries"]["xautolog_already_logged_on_rc"].update(value="rc54"),
     "entry xautolog_already_logged_on_rc: 'rc54' is not a CP return code"),
    ("cp rc negative", lambda d: d["entries"]["xautolog_already_logged_on_rc"].update(value="-54"),
     "entry xautolog_already_logged_on_rc: '-54' is not a CP return code"),
    ("cp rc negative integer", lambda d: d["entries"]["xautolog_already_logged_on_rc"].update(value=-54),
     "entry xautolog_already_logged_on_rc: '-54' is not a CP return code"),
    ("cp rc zero", lambda d: d["entries"]["message_not_receiving_rc"].update(value="0"),
     "entry message_not_receiving_rc: '0' is not a CP return code"),
    ("cp rc five digits", lambda d: d["entries"]["message_not_receiving_rc"].update(value="10057"),
     "entry message_not_receiving_rc: '10057' is not a CP return code"),
    ("cp rc a boolean", lambda d: d["entries"]["message_not_receiving_rc"].update(value=True),
     "entry message_not_receiving_rc: 'True' is not a CP return code"),
    ("cp rc BKRSTART's own", lambda d: d["entries"]["xautolog_already_logged_on_rc"].update(value="44"),
     "entry xautolog_already_logged_on_rc: 44 is a return code the EXECs set themselves (the SFS server"),
    ("cp rc BKRSUBMT's own", lambda d: d["entries"]["message_not_receiving_rc"].update(value=28),
     ("entry message_not_receiving_rc: 28 is a return code the EXECs set themselves (no such job or action);"
      " CP's may be none of 4 24 28 32 36 40 44 48 52")),
    ("cp rc not logged on", lambda d: d["entries"]["xautolog_not_in_directory_rc"].update(value="45"),
     "entry xautolog_not_in_directory_rc: 45 is CP's rc for a user not logged on (HCP045E)"),
    ("cp rcs of XAUTOLOG alike", lambda d: d["entries"]["xautolog_already_logged_on_rc"].update(value="53"),
     "entry xautolog_already_logged_on_rc: 53 is xautolog_not_in_directory_rc too"),
    ("unknown pool placeholder", lambda d: d["entries"]["query_filepool"].update(value="QUERY FILEPOOL {user}"), "{user}"),
    # a placeholder the entry is written for: without it every job's (user's,
    # minidisk's) would read the same
    ("submit without job", lambda d: d["entries"]["submit_verb"].update(value="SUBMIT"),
     "entry submit_verb: 'SUBMIT' lacks {job}: bkrc writes this entry once for each one"),
    ("review a number", lambda d: d["entries"]["review_verb"].update(value=5), "entry review_verb: '5' lacks {job}"),
    ("xautolog without user", lambda d: d["entries"]["xautolog"].update(value="XAUTOLOG BKRBKUP"),
     "entry xautolog: 'XAUTOLOG BKRBKUP' lacks {user}"),
    ("mdisk without address", lambda d: d["entries"]["directory_mdisk"].update(
        value="MDISK 0191 {devtype} {start} {size} {volume} {mode}"), "entry directory_mdisk: "),
    ("include without range", lambda d: d["entries"]["include_minidisk"].update(value="INCLUDE MINIDISK {owner}"),
     "entry include_minidisk: 'INCLUDE MINIDISK {owner}' lacks {first}, {last}"),
    # The EXECs issue these as written: CMS looks a command up under ADDRESS
    # COMMAND as it is spelt (`query` is not its QUERY), and CP's DIAGNOSE
    # X'08' is not relied on to translate one: lower case would fail on z/VM
    ("lower-case CMS command", lambda d: d["entries"]["query_filepool"].update(value="query filepool connect {pool}:"),
     ("entry query_filepool: 'query filepool connect {pool}:' has lower case: the EXECs issue this CMS command"
      " as it is written; write 'QUERY FILEPOOL CONNECT {pool}:'")),
    ("lower-case CP command", lambda d: d["entries"]["query_user"].update(value="Query User {user}"),
     ("entry query_user: 'Query User {user}' has lower case: the EXECs issue this CP command as it is written;"
      " write 'QUERY USER {user}'")),
    ("lower-case CP verb", lambda d: d["entries"]["message_command"].update(value="smsg"),
     "entry message_command: 'smsg' has lower case"),
    ("lower-case XAUTOLOG", lambda d: d["entries"]["xautolog"].update(value="xautolog {user}"), "entry xautolog: "),
    ("lower-case QUERY USERID", lambda d: d["entries"]["query_userid"].update(value="q userid"), "entry query_userid: "),
    ("blank message command", lambda d: d["entries"]["message_command"].update(value=""),
     "entry message_command: is blank: the EXECs send it as a CP command or message"),
    ("blank expire verb", lambda d: d["entries"]["expire_purge_verb"].update(value="  "), "entry expire_purge_verb: is blank"),
    # Every comment line is written with these: one that is no comment made the
    # files' comments records (the CMS check stopped the compile, naming the
    # files), and `/* {text}` left a SYS CONFIG comment open over the node
    # definitions below it (written, exit 0).
    ("template comment blank", lambda d: d["entries"]["template_comment"].update(value=""),
     "entry template_comment: '' does not start with `*` in its first column"),
    ("directory comment indented", lambda d: d["entries"]["directory_comment"].update(value=" *"),
     "entry directory_comment: ' *' does not start with `*`"),
    ("tape comment unclosed", lambda d: d["entries"]["tape_config_comment"].update(value="/* {text}"),
     "entry tape_config_comment: '/* {text}' is not one comment `/* ... */` around {text}"),
    ("tape comment closed twice", lambda d: d["entries"]["tape_config_comment"].update(value="/* {text} */ */"),
     "entry tape_config_comment: '/* {text} */ */' is not one comment"),
    ("tape comment not opened", lambda d: d["entries"]["tape_config_comment"].update(value="* {text} */"),
     "entry tape_config_comment: '* {text} */' is not one comment"),
    ("tape comment text outside", lambda d: d["entries"]["tape_config_comment"].update(value="/* */ {text} */"),
     "entry tape_config_comment: '/* */ {text} */' is not one comment"),
    ("tape comment bare", lambda d: d["entries"]["tape_config_comment"].update(value="/*{text}"),
     "entry tape_config_comment: '/*{text}' is not one comment"),
    # A comment too wide for the opening line was an internal error (textwrap's
    # "invalid width -1") at 72 columns and more, and below that CMS-rule breaks.
    ("template comment too wide", lambda d: d["entries"]["template_comment"].update(value="*" * 72),
     "entry template_comment: '" + "*" * 72 + "' leaves 0 columns of the 72 for the text of a comment line;"
     " the opening line of every file needs 66"),
    ("directory comment too wide", lambda d: d["entries"]["directory_comment"].update(value="*****"),
     "entry directory_comment: '*****' leaves 65 columns of the 71"),
    ("tape comment too wide", lambda d: d["entries"]["tape_config_comment"].update(value="/*  {text}  */"),
     "entry tape_config_comment: '/*  {text}  */' leaves 64 columns of the 72"),
    # An entry too long for the lines it is written into stopped every compile
    # with CMS-rule breaks naming the generated files (DEV1/GUESTFUL.TEMPLATE:9:
    # 85 columns), not the entry: the load names it, with names of 8 characters.
    ("include too long", lambda d: d["entries"]["include_minidisk"].update(
        value="INCLUDE MINIDISK {owner} = {first} - {last} AND A LOT MORE WORDS THAT MAKE IT TOO LONG"),
     ("site.toml: entry include_minidisk: a job template line written with it can be 82 columns, with names"
     " of 8 characters (`INCLUDE MINIDISK NNNNNNNN = 0000 - 0000 AND A LOT MORE WORDS THAT MAKE IT TOO LONG`);"
     " a job template line has at most 72: shorten it by 10 columns")),
    ("address_high too long", lambda d: d["entries"]["address_high"].update(value="F" * 38),
     "entry include_minidisk: a job template line written with it can be 73 columns"),
    ("directory indent too wide", lambda d: d["entries"]["directory_indent"].update(value=" " * 50),
     "entry directory_build: a directory record written with it can be 92 columns, with names of 8 characters"),
    ("directory indent too wide for BUILD", lambda d: d["entries"]["directory_indent"].update(value=" " * 30),
     ("entry directory_build: a directory record written with it can be 72 columns, with names of 8 characters"
     " (`                              BUILD ON NNNNNNNN USING SUBCONFIG NNNNNNNN`); a directory record has at"
     " most 71: shorten it, or directory_indent, by 1 column in all")),
    ("tape password placeholder too long", lambda d: d["entries"]["tape_password_placeholder"].update(
        value="<THE-CHALLENGE-PASSWORD-OF-THE-NODES-OF-THIS-SITE>"),
     ("entry tape_local_operands: a TMNODES CONFIG line written with it can be 91 columns, with names of 8"
     " characters (`Define_Local_Node NNNNNNNN,CATALOG,START,<THE-CHALLENGE-PASSWORD-OF-THE-NODES-OF-THIS-SITE>`);"
     " a TMNODES CONFIG line has at most 72: shorten it, or tape_local_node, tape_node_catalog,"
     " tape_node_request, tape_initial_status, tape_password_placeholder, by 19 columns in all")),
    ("tape host placeholder too long", lambda d: d["entries"]["tape_host_placeholder"].update(
        value="<THE-IP-ADDRESS-OR-HOST-NAME-OF-MEMBER-{member}-OF-THE-SITE>"),
     "entry tape_remote_operands: a TMNODES CONFIG line written with it can be 96 columns"),
    ("job type too long", lambda d: d["entries"]["job_type_incremental"].update(value="INCREMENTAL" * 5),
     "entry job_type_setting: a job template line written with it can be 77 columns, with names of 8"
     " characters (`CONFIG BKR_Job_Type = " + "INCREMENTAL" * 5 + "`); a job template line has at most 72:"
     " shorten it, or job_type_incremental, by 5 columns in all"),
    ("output pool layout too long", lambda d: d["entries"]["output_tape_pool"].update(value="TAPE POOL {pool} " + "X" * 30),
     "entry output_setting: a job template line written with it can be 74 columns, with names of 8 characters"
     " (`CONFIG BKR_Output_Spec = TAPE POOL NNNNNNNN " + "X" * 30 + "`); a job template line has at most 72:"
     " shorten it, or output_tape_pool, by 2 columns in all"),
    ("job name setting too long", lambda d: d["entries"]["job_name_setting"].update(value="CONFIG " + "X" * 60 + " = {value}"),
     "entry job_name_setting: a job template line written with it can be 78 columns"),
    ("SFS layout too long", lambda d: d["entries"]["exclude_sfs"].update(value="EXCLUDE SFS " + "X" * 60 + " {path}"),
     "entry exclude_sfs: a job template line written with it can be 77 columns, with the shortest path"),
    ("MDISK too long", lambda d: d["entries"]["directory_mdisk"].update(
        value="MDISK {address} {devtype} {start} {size} {volume} {mode} READPW WRITEPW MULTIPW AND MORE"),
     ("entry directory_mdisk: a directory record written with it can be 82 columns, with names of 8 characters"
     " (` MDISK 0000 FB-512 4294967295 4294967296 VVVVVV MR READPW WRITEPW MULTIPW AND MORE`); a directory"
     " record has at most 71: shorten it, or directory_indent, disk_mode, units.blk.devtype, by 11 columns in all")),
    ("USER too long", lambda d: d["machines"]["admin"].update(classes="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" * 2),
     "entry directory_user: a directory record written with it can be 103 columns, with names of 8 characters"
     " (`USER NNNNNNNN LBYONLY 64M 128M " + "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" * 2 + "`); a directory record has"
     " at most 71: shorten it, or machines.admin, by 32 columns in all"),
    ("statement too long", lambda d: d["machines"]["admin"]["statements"].insert(0, "OPTION " + "X" * 70),
     "site.toml: machines.admin.statements: a directory record written with it can be 78 columns, with names"
     " of 8 characters (` OPTION " + "X" * 70 + "`); a directory record has at most 71: shorten it, or"
     " directory_indent, by 7 columns in all"),
    # A filetype names files: one over eight characters stopped the compile, each
    # file named ("DEV1/GUESTFUL.TEMPLATES is not a CMS file name FN.FT").
    ("filetype too long", lambda d: d["entries"]["template_filetype"].update(value="TEMPLATES"),
     ("site.toml: entry template_filetype: 'TEMPLATES' is not a CMS file type (1 to 8 of A-Z 0-9 $ # @ + - : _,"
     " upper case): bkrc names a job template (JOBNAME TEMPLATE) with it")),
    ("filetype lower case", lambda d: d["entries"]["directory_filetype"].update(value="direct"),
     "entry directory_filetype: 'direct' is not a CMS file type"),
    ("missing machine", lambda d: d["machines"].pop("worker"), "missing machine defaults: worker"),
    ("unknown role", lambda d: d["machines"].update(tape={}), "unknown role"),
    ("two-word password", lambda d: d["machines"]["admin"].update(password="NO LOG"), "one word"),
    ("no units", lambda d: d.pop("units"), "no [units]"),
    # a placeholder is filled with text as it is: a format or a conversion failed or changed it
    ("format spec", lambda d: d["entries"]["submit_verb"].update(value="SUBMIT {job:d}"), "entry submit_verb: placeholder {job:d}"),
    ("conversion", lambda d: d["entries"]["submit_verb"].update(value="SUBMIT {job!r}"), "entry submit_verb: placeholder {job!r}"),
    ("bad conversion", lambda d: d["entries"]["review_verb"].update(value="REVIEW {job!x}"), "entry review_verb: placeholder {job!x}"),
    ("statement format", lambda d: d["machines"]["worker"]["statements"].append("LOGONBY {admin:d}"), "machines.worker: placeholder {admin:d}"),
    ("empty devtype", lambda d: d["units"]["cyl"].update(devtype=""), "units.cyl.devtype: must be one word"),
    ("storage over max", lambda d: d["machines"]["worker"].update(storage="2G", maxstorage="512M"), "machines.worker: storage 2G is more than maxstorage 512M"),
    ("storage not a size", lambda d: d["machines"]["admin"].update(storage="LOTS"), "machines.admin.storage: 'LOTS' is not a storage size"),
    ("absurd first", lambda d: d["units"]["cyl"].update(first=4000000000000000000000), "units.cyl: first must be a whole number from 0 to 1,182,005"),
    ("first past blocks", lambda d: d["units"]["blk"].update(first=2**32), "units.blk: first must be a whole number from 0 to 4,294,967,295"),
    ("missing unit", lambda d: d["units"].pop("blk"), "missing units: blk"),
    ("unknown unit", lambda d: d["units"].update(trk={"devtype": "3390", "first": 1}), "units.trk: unknown unit"),
    ("no meta", lambda d: d.pop("dialect"), "malformed dialect table"),
    # A key or a table missing, or of another shape, inside the table is named
    # where it is: "no 'value' (a table starts with [dialect], ...)" named no entry
    # and blamed the [dialect] table, and a table of the wrong shape was Python's
    # own words ("AttributeError: 'int' object has no attribute 'items'").
    ("entry without value", lambda d: d["entries"]["submit_verb"].pop("value"),
     "site.toml: entry submit_verb: no 'value' (every entry has one"),
    ("entry not a table", lambda d: d["entries"].update(submit_verb="SUBMIT {job}"),
     "site.toml: entry submit_verb: must be a table ([entries.submit_verb] with its value and status), not a string"),
    ("entries not a table", lambda d: d.update(entries=5),
     "site.toml: entries: must be a table ([entries.NAME] for each entry), not a number"),
    ("no entries", lambda d: d.pop("entries"), "site.toml: no [entries] table"),
    ("meta not a table", lambda d: d.update(dialect="1.3"),
     "site.toml: dialect: must be a table ([dialect] with its release and product), not a string"),
    ("machine without password", lambda d: d["machines"]["worker"].pop("password"),
     "site.toml: machines.worker: no 'password' (every machine role has its password, storage, maxstorage and classes"),
    ("machine not a table", lambda d: d["machines"].update(worker=4),
     ("site.toml: machines.worker: must be a table ([machines.worker] with its password, storage, maxstorage,"
     " classes and statements), not a number")),
    ("machines not a table", lambda d: d.update(machines=["worker"]),
     "site.toml: machines: must be a table ([machines.ROLE] for each role), not an array"),
    ("statements not a list", lambda d: d["machines"]["worker"].update(statements="IPL CMS"),
     "site.toml: machines.worker.statements: must be an array of directory statements, not a string"),
    ("unit without devtype", lambda d: d["units"]["cyl"].pop("devtype"),
     "site.toml: units.cyl: no 'devtype' (each unit has its devtype"),
    ("unit not a table", lambda d: d["units"].update(cyl="3390"),
     "site.toml: units.cyl: must be a table ([units.cyl] with its devtype and first), not a string"),
    # CP reads an entry's control statements before its device statements
    # (z/VM CP Planning and Administration, LOGONBY: "must precede any device
    # statements"): OPTION appended after the LINKs would make DIRECTXA refuse it
    ("control after device", lambda d: d["machines"]["worker"]["statements"].append("OPTION LNKNOPAS"),
     "machines.worker: `OPTION LNKNOPAS` comes after the device statement `CONSOLE 0009 3215 T`"),
    # BKRSTART starts these machines with XAUTOLOG: "the directory entry for the
    # virtual machine referred by the CP AUTOLOG command must contain an IPL
    # statement" (z/VM 7.3, "Defining AUTOLOG1 in the Directory")
    ("started machine without IPL", lambda d: d["machines"]["worker"]["statements"].remove("IPL CMS PARM AUTOCR"),
     "machines.worker: no IPL statement. BKRSTART starts this machine with XAUTOLOG"),
    ("control after device, lower case", lambda d: d["machines"]["admin"]["statements"].append("logonby OPER1"),
     "machines.admin: `logonby OPER1` comes after the device statement `CONSOLE 0009 3215 T`"),
    # "the maximum total of LOGONBY user IDs that can be specified in a user,
    # identity, or profile entry is eight" (z/VM 7.1, LOGONBY Directory Statement)
    ("nine LOGONBY users", lambda d: d["machines"]["worker"]["statements"].insert(
        3, "LOGONBY OPER1 OPER2 OPER3 OPER4 OPER5 OPER6 OPER7 OPER8"),
     ("machines.worker: 9 LOGONBY user IDs (MAINT, OPER1, OPER2, OPER3, OPER4, OPER5, OPER6, OPER7"
      " and OPER8): CP takes at most eight in an entry")),
    ("LOGONBY without a user", lambda d: d["machines"]["worker"]["statements"].insert(3, "LOGONBY"),
     "machines.worker: `LOGONBY` names no user ID"),
    ("LOGONBY user of nine characters", lambda d: d["machines"]["admin"]["statements"].insert(
        3, "LOGONBY SYSPROG01"),
     "machines.admin: `LOGONBY SYSPROG01`: SYSPROG01 is not a user ID (1 to 8 characters)"),
    # NOLOG: the user never logs on, XAUTOLOG included: BKRSTART could not start it
    ("started machine NOLOG", lambda d: d["machines"]["backup-server"].update(password="NOLOG"),
     ("machines.backup-server.password: NOLOG: CP logs this user on in no way, and BKRSTART starts"
      " this machine with XAUTOLOG")),
    # A real password would be written in plain text into every compile's DIRECT file
    ("a password of its own", lambda d: d["machines"]["admin"].update(password="S3CRETPW"),
     ("machines.admin.password: a password of the machine's own: bkrc would write it in plain text into"
      " the machine's generated DIRECT file")),
]


@pytest.mark.parametrize("what, change, message", BROKEN_TABLES, ids=[b[0] for b in BROKEN_TABLES])
def test_a_broken_table_is_refused_with_the_reason(what, change, message):
    with pytest.raises(DialectError) as err:
        parse_dialect(_broken(change), "site.toml")
    assert message in str(err.value)
    assert "Error" not in str(err.value), str(err.value)  # never Python's exception names


@pytest.mark.parametrize("value", ["S3CRETPW", "<S3CRETPW", "S3CRETPW>", "<>", "{S3CRET}"])
def test_a_table_that_gives_the_tape_challenge_password_itself_is_refused(value):
    """bkrc writes no password (docs/security.md): `tape_password_placeholder` is
    written where the site's Tape Manager challenge password goes, on every member's
    Define_Local_Node. A site table that gave the password itself (`S3CRETPW`) was
    written in plain text into every TMNODES CONFIG file; now the table is refused
    unless the entry is a placeholder written `<...>`, and the message, checked
    before any other of the entry's, never quotes it."""
    with pytest.raises(DialectError) as err:
        parse_dialect(_broken(lambda d: d["entries"]["tape_password_placeholder"].update(value=value)), "site.toml")
    message = str(err.value)
    assert message.startswith("site.toml: entry tape_password_placeholder: not a placeholder written `<...>`")
    assert "S3CRET" not in message and value not in message


#: Entries written into template, directory and TMNODES lines, each lengthened
#: as far as the table's load takes it (`_longest_taken`).
LINE_ENTRIES = [
    "job_name_setting", "job_type_setting", "job_type_incremental", "output_setting", "output_tape_pool",
    "include_minidisk", "exclude_minidisk", "address_high", "include_sfs", "directory_user",
    "directory_identity", "directory_build", "directory_subconfig", "directory_mdisk", "directory_mdisk_auto",
    "disk_mode", "directory_indent", "pool_scope_shared", "tape_local_node", "tape_local_operands",
    "tape_password_placeholder", "tape_remote_operands", "tape_host_placeholder", "tape_node_request",
]


#: Entries whose last word is an MDISK's last operand, its mode: a word after it
#: would be a link password, which the compile refuses (docs/security.md).
_MDISK_ENDS = ("directory_mdisk", "directory_mdisk_auto", "disk_mode")


def _longest_taken(key: str) -> dict:
    """The built-in table with entry `key` as long as its load takes (words of Z
    at its end, its last word lengthened for an MDISK's, blanks for the indent):
    the widest lines it lets through."""
    def lengthened(n: int) -> dict:
        data = _data()
        value = data["entries"][key]["value"]
        more = " " * n if key == "directory_indent" else "Z" * n if key in _MDISK_ENDS else " " + "Z" * n
        if key == "tape_password_placeholder":  # a placeholder stays one: `<...>`, lengthened inside
            data["entries"][key]["value"] = value[:-1] + "Z" * n + ">"
            return data
        data["entries"][key]["value"] = value + more
        return data

    taken = None
    for n in range(80):
        try:
            parse_dialect(lengthened(n), "site.toml")
        except DialectError:
            break
        taken = n
    assert taken is not None and taken < 79, (key, taken)
    return lengthened(taken)


@pytest.mark.parametrize("key", LINE_ENTRIES)
def test_an_entry_as_long_as_the_load_takes_it_writes_files_that_fit(key):
    """What the load lets through compiles every example without a CMS-rule break:
    the widths it reckons with (names of 8 characters, the widest numbers) are
    at least those the files are written with."""
    from bkrdsl.emit.artifacts import cms_problems

    dialect = parse_dialect(_longest_taken(key), "site.toml")
    for example in EXAMPLE_FILES:
        analysis, artifacts = compile_source(example.name, example.read_bytes(), path=example, dialect=dialect)
        if artifacts is None:  # an SFS path BKR319 finds too long for the longer layout, which it names
            errors = [d for d in analysis.diagnostics if d.severity.value == "error"]
            assert {d.code for d in errors} == {"BKR319"}, key
            assert all(f"the dialect table's {key} around the path" in d.message for d in errors), errors
            continue
        assert cms_problems(analysis.model, artifacts, example.name) == [], (key, example.name)


def test_a_comment_entry_of_another_spelling_is_taken():
    def respelt(d):
        d["entries"]["tape_config_comment"].update(value="/*{text}*/")
        d["entries"]["template_comment"].update(value="*****")  # the widest that leaves 66 columns
        d["entries"]["directory_comment"].update(value="*-")

    dialect = parse_dialect(_broken(respelt), "site.toml")
    assert dialect.text("tape_config_comment", text="x") == "/*x*/"


def test_cp_return_codes_are_read_as_numbers():
    """A site may write a CP rc as a TOML integer or a string, with leading zeros
    (`057`, as in HCPMSG057I): the EXECs compare the number. One command's rcs
    differ; two commands' may be alike (an SMSG rc and an XAUTOLOG rc)."""
    def corrected(d):
        d["entries"]["message_not_receiving_rc"].update(value="053")
        d["entries"]["xautolog_already_logged_on_rc"].update(value=1054)

    dialect = parse_dialect(_broken(corrected), "site.toml")
    assert dialect.return_code("message_not_receiving_rc") == 53
    assert dialect.return_code("xautolog_already_logged_on_rc") == 1054
    assert dialect.return_code("xautolog_not_in_directory_rc") == 53


def test_the_products_message_text_may_be_lower_case():
    """Only the CP and CMS commands must be upper case: the text SMSG carries
    (SUBMIT, REVIEW, EXPIRE) is the product's, sent as the table writes it."""
    def lower(d):
        d["entries"]["submit_verb"].update(value="submit {job}")
        d["entries"]["expire_purge_verb"].update(value="expire (purge")

    dialect = parse_dialect(_broken(lower), "site.toml")
    assert dialect.text("submit_verb", job="SYSIN1") == "submit SYSIN1"
    assert dialect["expire_purge_verb"] == "expire (purge"


def test_only_a_started_machine_needs_an_ipl_and_a_profile_may_bring_it():
    """A machine BKRSTART starts needs an IPL statement (the broken table above);
    it may come from the directory profile its INCLUDE names, and the machines
    BKRSTART does not start (the administrator) need none."""
    def without(d):
        d["machines"]["worker"]["statements"].pop(0)
        d["machines"]["admin"]["statements"].remove("IPL CMS")

    with pytest.raises(DialectError, match=r"machines\.worker: no IPL statement"):
        parse_dialect(_broken(without), "site.toml")

    def from_profile(d):
        without(d)
        d["machines"]["worker"]["statements"].insert(0, "INCLUDE BKRPROF")

    dialect = parse_dialect(_broken(from_profile), "site.toml")
    assert dialect.machines["worker"].statements[0] == "INCLUDE BKRPROF"
    assert not any(s.startswith("IPL") for s in dialect.machines["admin"].statements)


def test_the_started_roles_are_those_bkrstart_starts():
    """STARTED_ROLES (each needs an IPL statement) names every role BKRSTART starts."""
    from bkrdsl.dialect import STARTED_ROLES
    from bkrdsl.emit.rexx import _START_WHY

    assert STARTED_ROLES == set(_START_WHY)


def test_the_builtin_table_is_complete():
    dialect = load_dialect()
    assert {e.status for e in dialect.entries.values()} == {"confirmed", "assumed"}
    assert dialect.unit("Cylinders").devtype == "3390"
    assert dialect.unit("blocks").devtype == "FB-512"
    assert dialect.unit("tracks") is None


def test_descriptions_are_where_the_keyword_docs_say(tmp_path):
    """A job's description heads its templates and names it in BKRSUBMT's list; a
    cluster's or a member's is for the reader of the file and is written nowhere
    (bkrdsl/keyword_docs.py, which hover and docs/keywords.md show)."""
    from bkrdsl.keyword_docs import summary

    body = SINGLE_JOB + '  description "CLUSTER TEXT"\n'
    body += '  member M4 { workers 1  private-volume P4VOL1  description "MEMBER TEXT" }\n'
    files = build(tmp_path, body)
    assert "Guests, every night" in files["M3/GUESTFUL.TEMPLATE"].text
    assert "Guests, every night" in files["M3/BKRSUBMT.EXEC"].text
    assert [p for p, a in files.items() if "CLUSTER TEXT" in a.text or "MEMBER TEXT" in a.text] == []
    _, said = summary("description")
    assert "template" in said and "BKRSUBMT" in said and "reader of the file" in said


@pytest.mark.parametrize(
    ("catalog", "unused"),
    [
        ("catalog local server BKRSVSFS logon-wait 2 minutes pool-wait 15 minutes", ["pool-wait 15 minutes"]),
        ("catalog local pool BKRPOOL pool-wait 15 minutes logon-wait 2 minutes", ["pool-wait 15 minutes", "logon-wait 2 minutes"]),
    ],
)
def test_a_wait_bkr261_warns_of_changes_no_file(catalog, unused):
    # What BKR261 says: the wait is read and dropped, every file as without it.
    def files(line: str) -> dict[str, str]:
        text = (
            "import std/backup-manager\n"
            "cluster TESTSSI {\n"
            "  member VM1 { workers 2  private-volume PRV001 }\n"
            "  member VM2 { workers 2  private-volume PRV002 }\n"
            "  shared-volume SHR001\n"
            f"  {line}\n"
            "  expire on each member { purge weekly sun 06:00  retain 30 days }\n"
            "  identity group SYSTEM { RSCS }\n"
            "  job SYS { backup SYSTEM full  include minidisk * 0191  to disk  run on each member daily 02:00 }\n"
            "}\n"
        )
        analysis, artifacts = compile_source("waits.bkr", text.encode())
        assert artifacts is not None, render_short(analysis.diagnostics)
        codes = [d.code for d in analysis.diagnostics if d.code == "BKR261"]
        assert codes == (["BKR261"] if line == catalog else [])
        return {a.path: a.text for a in artifacts}

    without = catalog
    for wait in unused:
        without = without.replace(" " + wait, "")
    assert files(catalog) == files(without)


def test_included_users_reads_a_template_s_include_records_back(tmp_path):
    """`included_users` (for `output.kind_moves`) reads the users a template's
    include records name outright, with the dialect's own layouts: a minidisk
    record's owner and an SFS path's user part; never a pattern, an exclude, a
    comment or the job's settings, and never a record of another layout."""
    from bkrdsl.emit.template import included_users

    dialect = load_dialect()
    text = (
        "* INCLUDE MINIDISK COMMENT = 0000 - FFFF\n"
        "CONFIG BKR_Job_Name = LINUX09\n"
        "INCLUDE MINIDISK LINUX01 = 0000 - FFFF\n"
        "INCLUDE MINIDISK LNX* = 0191 - 0191\n"
        "INCLUDE SFS BKRPOOL:CICSPRD.*\n"
        "INCLUDE SFS BKRPOOL:CICS*.*\n"
        "EXCLUDE MINIDISK LINUX02 = 0190 - 0190\n"
    )
    assert included_users(text, dialect) == {"LINUX01", "CICSPRD"}
    site = tmp_path / "site.toml"
    builtin = (DIALECT_DIR / "backup-manager-1.3.toml").read_text(encoding="utf-8")
    site.write_text(builtin.replace('"INCLUDE MINIDISK {owner} = {first} - {last}"', '"INCLUDE MDISK {owner} {first}-{last}"'))
    other = load_dialect(path=str(site))
    assert included_users(text, other) == {"CICSPRD"}
    assert included_users("INCLUDE MDISK LINUX03 0191-0191\n", other) == {"LINUX03"}


# The header notes' folding (`emit.common.wrap`) fills a line greedily itself
# and leaves a word longer than a line to textwrap: both ways give textwrap's lines.
_WRAP_WORDS = ["a", "IBM's", "--dialect.", "query_filepool_final_rcs", "x" * 30, "BKR-JOB", "a-b-c-d-e-f", "é", "\u00a0", "\t"]


@pytest.mark.parametrize("width", [1, 5, 10, 24, 29, 30, 31, 66, 69])
@pytest.mark.parametrize("seed", range(40))
def test_header_notes_fold_as_textwrap_does(width, seed):
    import random
    import textwrap

    from bkrdsl.emit.common import wrap

    pick = random.Random(seed * 100 + width)
    text = (" " * pick.randint(0, 2)).join(
        pick.choice(_WRAP_WORDS) + " " * pick.randint(0, 2) for _ in range(pick.randint(0, 40))
    )
    folded = " ".join(text.split())
    expected = textwrap.wrap(folded, width, break_long_words=True, break_on_hyphens=False) or [""]
    assert wrap(text, width) == expected
    assert all(len(line) <= width for line in wrap(text, width))


# stop 71, h7: every template and EXEC says in its opening comment where it goes
def _opening_comment(text: str) -> str:
    """The file's opening comment as one line of words (`*` or `/* */` lines)."""
    said = []
    for line in text.splitlines():
        if line.startswith("/*") and line.endswith("*/"):
            said.append(line[2:-2])
        elif line.startswith("*"):
            said.append(line[1:])
        else:
            break
    return " ".join(" ".join(said).split())


_WHERE_IT_GOES = {
    "job-template": "Put it on the disk where BKRBKUP on member {member} reads job templates (assumed),"
    " on no other member: docs/deploy.md, Job templates; that member's BKRSUBMT EXEC submits it.",
    "submit-exec": "Put it on a disk private to member {member}, of the user who submits the jobs there"
    " (the site's scheduler or an operator): docs/deploy.md, BKRSUBMT EXEC.",
    "expire-exec": "Put it on a disk private to member {member}, of the user whose scheduler runs it there:"
    " docs/deploy.md, BKREXPIR EXEC.",
    "profile-snippet": "Put it on the 191 disk of AUTOLOG1 on member {member} and call it from AUTOLOG1's"
    " PROFILE EXEC there (AUTOLOG1 needs privilege class A or B, or an XAUTOLOG statement naming it in"
    " each machine's entry: docs/deploy.md, BKRSTART EXEC): 'EXEC BKRSTART'",
}


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_template_and_exec_says_where_it_goes(example):
    """A system programmer holding one file learns from its opening comment which
    member's disk it goes on and who uses it (docs/deploy.md, Where each file goes)."""
    analysis, artifacts = compile_source(str(example), example.read_bytes(), path=example)
    assert artifacts is not None, render_short(analysis.diagnostics)
    seen = set()
    for artifact in artifacts:
        if artifact.kind not in _WHERE_IT_GOES:
            continue
        seen.add(artifact.kind)
        said = _WHERE_IT_GOES[artifact.kind].format(member=artifact.member)
        assert said in _opening_comment(artifact.text), artifact.path
    assert {"job-template", "submit-exec", "profile-snippet"} <= seen


# stop 71, h7: every CP directory entry says in its opening comment how it is loaded
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_directory_entry_says_how_it_is_loaded(example):
    """USER, IDENTITY and SUBCONFIG files name the one source directory of the
    cluster (IBM: one source directory for every member's object directory) and
    the tools that load it, an IDENTITY's and its SUBCONFIGs' files each other."""
    analysis, artifacts = compile_source(str(example), example.read_bytes(), path=example)
    assert artifacts is not None, render_short(analysis.diagnostics)
    load = "Load it into the one source directory that every member's object directory is built from{} (DirMaint's DIRM ADD, else DIRECTXA): docs/deploy.md, Directory entries."
    kinds = set()
    for artifact in artifacts:
        if artifact.kind != "directory":
            continue
        entry = next(line for line in artifact.text.splitlines() if not line.startswith("*")).split()
        kinds.add(entry[0])
        together = {
            "USER": "",
            "IDENTITY": ", with its SUBCONFIG entries",
            "SUBCONFIG": ", with IDENTITY {}'s entry",
        }[entry[0]]
        if entry[0] == "SUBCONFIG":
            identity = re.search(r"\(IDENTITY (\S+)\)\.", _opening_comment(artifact.text)).group(1)
            together = together.format(identity)
        assert load.format(together) in _opening_comment(artifact.text), artifact.path
    assert kinds == {"USER", "IDENTITY", "SUBCONFIG"}


# stop 72, h1: the output folder explains itself (goes_to, README.TXT)
_LISTED_PATH = re.compile(r"(?:cluster|[A-Z0-9$#@+\-:_]{1,8})/[A-Z0-9$#@+\-:_]{1,8}\.[A-Z0-9$#@+\-:_]{1,8}")


def _readme_places(text: str) -> dict[str, str]:
    """{path: the `goes to:` text of its group} as README.TXT lists them: a group
    is its lines of paths, then `  goes to: ...` (its next lines indented under it)."""
    places: dict[str, str] = {}
    paths: list[str] = []
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line and all(_LISTED_PATH.fullmatch(word) for word in line.split()):
            paths += line.split()
        elif line.startswith("  goes to: "):
            said = [line.removeprefix("  goes to: ")]
            for following in lines[number + 1 :]:
                if not following.startswith(" " * len("  goes to: ")):
                    break
                said.append(following.strip())
            for path in paths:
                assert path not in places, f"{path} listed twice"
                places[path] = " ".join(said)
            paths = []
    assert not paths, f"listed without a destination: {paths}"
    return places


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.name)
def test_the_readme_lists_every_file_of_the_manifest_where_the_manifest_says_it_goes(example):
    """README.TXT lists each file of manifest.json once, under the manifest's own
    `goes_to` (one wording: destination.goes_to), and nothing else; every entry
    has a destination, README.TXT's own saying it stays off the host."""
    import json

    from bkrdsl.emit import destination
    from bkrdsl.output import manifest_text

    analysis, artifacts = compile_source(str(example), example.read_bytes(), path=example)
    assert artifacts is not None, render_short(analysis.diagnostics)
    entries = json.loads(manifest_text(example.name, artifacts))["files"]
    assert all(entry["goes_to"] for entry in entries), [e["path"] for e in entries if not e["goes_to"]]
    for entry in entries:
        assert entry["goes_to"] == destination.goes_to(analysis.model, entry["kind"], entry["member"]), entry["path"]
    readme = next(a for a in artifacts if a.path == "README.TXT")
    assert readme.kind == "readme" and readme.goes_to == "nowhere: it stays off the host, like manifest.json"
    assert readme.text.splitlines()[1] == "This file stays off the host, like manifest.json: do not upload it. It"
    places = _readme_places(readme.text)
    assert places == {e["path"]: e["goes_to"] for e in entries if e["path"] != "README.TXT"}
    assert all(len(line) <= 72 for line in readme.text.splitlines())


def test_a_file_without_a_destination_has_no_readme():
    """A new kind of file that says nowhere where it goes stops the compile's
    README (and so the compile), rather than being left out of it."""
    from bkrdsl.emit import destination
    from bkrdsl.emit.common import Artifact
    from bkrdsl.emit.readme import readme

    example = EXAMPLE_FILES[0]
    analysis, artifacts = compile_source(str(example), example.read_bytes(), path=example)
    with pytest.raises(KeyError):
        destination.goes_to(analysis.model, "new-kind", None)
    files = [a for a in artifacts if a.path != "README.TXT"]
    with pytest.raises(ValueError, match="no destination.*NEW.FILE"):
        readme(analysis.model, example.name, [*files, Artifact("cluster/NEW.FILE", "* new\n", "new-kind")])


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_header_that_says_where_its_file_goes_says_it_in_the_manifest_s_words(example):
    """The template, EXEC, directory and Tape Manager headers name the place in
    the very words of the file's `goes_to`: no fact has two wordings."""
    analysis, artifacts = compile_source(str(example), example.read_bytes(), path=example)
    assert artifacts is not None, render_short(analysis.diagnostics)
    kinds = set()
    for artifact in artifacts:
        if artifact.kind == "readme":
            continue
        kinds.add(artifact.kind)
        assert artifact.goes_to in _opening_comment(artifact.text), artifact.path
    assert {"job-template", "submit-exec", "profile-snippet", "directory"} <= kinds


def test_the_readme_is_the_same_from_every_run_and_names_a_long_source_on_its_own_line():
    example = Path(__file__).parent.parent / "examples" / "prodssi.bkr"
    texts = set()
    for _ in range(2):
        _, artifacts = compile_source(str(example), example.read_bytes(), path=example)
        texts.add(next(a for a in artifacts if a.path == "README.TXT").text)
    assert len(texts) == 1
    long = "a-source-name-of-forty-characters-ok.bkr"
    _, artifacts = compile_source(long, example.read_bytes(), path=example)
    lines = next(a for a in artifacts if a.path == "README.TXT").text.splitlines()
    assert lines[:2] == ["README.TXT, generated by bkrc: do not edit. Source:", long]
    assert all(len(line) <= 72 for line in lines)


def test_the_readme_s_steps_are_deploy_md_s_sections():
    from bkrdsl.emit.readme import DEPLOY_STEPS

    headings = {line[3:] for line in (Path(__file__).parent.parent / "docs" / "deploy.md").read_text().splitlines() if line.startswith("## ")}
    assert set(DEPLOY_STEPS) <= headings
