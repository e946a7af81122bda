"""CP directory entries of a shared Tape Manager's machines (SSI rule 7).

The catalog node is a USER entry on the member the `tape manager` statement
names; the request node an IDENTITY built on every other member, with one
SUBCONFIG each. Each node's Device Manager Machine (`catalog-dmm`,
`request-dmm`), when named, is written like its node, after the nodes.
Without a shared Tape Manager nothing is written for them.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from test_compile_emit import CLUSTER, IDENTITY_JOB, SINGLE_JOB, build, lines, records, table_copy

from bkrdsl.allocation import machines
from bkrdsl.ast import Kind
from bkrdsl.dialect import DIALECT_DIR, MACHINE_ROLES, DialectError, load_dialect, parse_dialect
from bkrdsl.emit.artifacts import cms_problems
from bkrdsl.emit.common import source_label
from bkrdsl.pipeline import analyse, compile_source

# CLUSTER has members M1, M2 and M3; IDENTITY_JOB puts the catalog node TCTMM
# on M2 and names the request node TRTMM.
TAPE = IDENTITY_JOB


def builds(artifact) -> list[str]:
    return [line.strip() for line in lines(artifact) if line.strip().startswith("BUILD ON")]


def mdisks(artifact) -> list[str]:
    return [line.strip() for line in lines(artifact) if line.strip().startswith("MDISK")]


def errors_of(tmp_path: Path, body: str, cluster: str = CLUSTER) -> list[str]:
    text = cluster.format(body=body)
    file = tmp_path / "test.bkr"
    file.write_text(text)
    analysis = analyse(str(file), text.encode(), path=file)
    return [f"{d.code} {d.message}" for d in analysis.diagnostics if d.is_error]


# CLUSTER without M3: with the catalog node on M1, only M2 requests tapes.
TWO_MEMBERS = CLUSTER.replace(
    """  member M3 {{
    workers 1
    private-volume P3VOL1
    exclude minidisk * 0192
  }}
""",
    "",
)


def compiled_two_members(tmp_path: Path, body: str) -> dict:
    """{path: artifact} of TWO_MEMBERS with `body`; the compile must succeed."""
    text = TWO_MEMBERS.format(body=body)
    file = tmp_path / "two.bkr"
    file.write_text(text)
    analysis, artifacts = compile_source(str(file), text.encode(), path=file)
    assert artifacts is not None, [d.message for d in analysis.diagnostics if d.is_error]
    return {a.path: a for a in artifacts}


# ------------------------------------------------------------------ the entries
def test_catalog_node_is_a_user_entry(tmp_path):
    files = build(tmp_path, TAPE)
    entry = files["cluster/TCTMM.DIRECT"]
    assert entry.kind == "directory" and entry.member is None
    assert records(entry)[0] == "USER TCTMM LBYONLY 128M 256M BG"
    assert " LOGONBY MAINT" in records(entry)
    assert "the Tape Manager catalog node of cluster TESTSSI" in header(entry)
    assert "M2 only" in header(entry)
    assert not [p for p in files if p.startswith("cluster/TCTMM-")]  # a USER has no SUBCONFIG


def test_request_node_is_an_identity_on_every_other_member(tmp_path):
    files = build(tmp_path, TAPE)
    entry = files["cluster/TRTMM.DIRECT"]
    assert entry.kind == "directory" and entry.member is None
    assert records(entry)[0] == "IDENTITY TRTMM LBYONLY 128M 256M BG"
    assert builds(entry) == ["BUILD ON M1 USING SUBCONFIG TRTMM-1", "BUILD ON M3 USING SUBCONFIG TRTMM-3"]
    assert "It runs on M1 and M3: every member except M2" in header(entry)
    for n in (1, 3):
        sub = files[f"cluster/TRTMM-{n}.DIRECT"]
        assert sub.kind == "directory" and sub.member == f"M{n}"
        assert records(sub) == [f"SUBCONFIG TRTMM-{n}"]
    # The catalog node's member runs no request node.
    assert "cluster/TRTMM-2.DIRECT" not in files


def test_the_entries_match_the_start_up_and_node_files(tmp_path):
    """BKRSTART starts the catalog node where its USER is and the request node where it is built."""
    files = build(tmp_path, TAPE)
    assert "TCTMM" in files["M2/BKRSTART.EXEC"].text and "TRTMM" not in files["M2/BKRSTART.EXEC"].text
    for member in ("M1", "M3"):
        start = files[f"{member}/BKRSTART.EXEC"].text
        assert "TRTMM" in start and "TCTMM" not in start
        assert f"BUILD ON {member} USING SUBCONFIG TRTMM-{member[1]}" in builds(files["cluster/TRTMM.DIRECT"])


def test_tape_machines_come_after_the_backup_manager_machines():
    """So adding tape moves no existing entry, nor an extent bkrc allocates sequentially."""
    model = analyse("t.bkr", CLUSTER.format(body=TAPE).encode()).model
    found = machines(model)
    assert [(m.id, m.role, m.kind) for m in found[-2:]] == [
        ("TCTMM", "tape-catalog-node", Kind.SINGLE),
        ("TRTMM", "tape-request-node", Kind.IDENTITY),
    ]
    assert found[-1].members == ("M1", "M3")
    assert [m.id for m in found[:-2]] == [
        m.id for m in machines(analyse("t.bkr", CLUSTER.format(body=SINGLE_JOB).encode()).model)
    ]


def test_no_tape_entries_without_a_shared_tape_manager(tmp_path):
    for body in (SINGLE_JOB, SINGLE_JOB + "  tape manager local\n"):
        files = build(tmp_path, body)
        assert not [p for p in files if p.startswith(("cluster/TCTMM", "cluster/TRTMM"))], body


def test_one_member_cluster_has_a_catalog_node_only(tmp_path):
    text = """\
import std/backup-manager
cluster ONE {{
  member M1 {{ workers 1  private-volume P1VOL1 }}
  shared-volume SHR001
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on M1 {{ purge weekly sun 06:00  retain 30 days }}
  single group GUESTS {{ LINUX01 }}
  job GUESTFUL {{ backup GUESTS full  include minidisk * *  to tape  run on M1 daily 01:00 }}
  tape manager shared catalog-node TCTMM on M1 request-node TRTMM
{body}
}}
"""
    file = tmp_path / "one.bkr"
    data = text.format(body="").encode()
    file.write_bytes(data)
    analysis, artifacts = compile_source(str(file), data, path=file)
    assert artifacts is not None, [d.message for d in analysis.diagnostics]
    paths = {a.path for a in artifacts}
    assert "cluster/TCTMM.DIRECT" in paths
    assert not [p for p in paths if p.startswith("cluster/TRTMM")]
    # No entry, so no minidisk for it either.
    assert any(e.startswith("BKR332") for e in errors_of(tmp_path, "  disk TRTMM 191 size 5 cyl", text))


def test_request_node_declared_single_with_one_requesting_member_is_a_user(tmp_path):
    body = TAPE.replace("on M2", "on M1") + "  single user TRTMM\n  disk TRTMM 191 size 5 cyl\n"
    files = compiled_two_members(tmp_path, body)
    entry = files["cluster/TRTMM.DIRECT"]
    assert records(entry)[0] == "USER TRTMM LBYONLY 128M 256M BG"
    assert mdisks(entry) == ["MDISK 0191 3390 AUTOV 5 SHR001 MR"]
    assert "It runs on M2: every member except M1" in " ".join(lines(entry))
    assert not [p for p in files if p.startswith("cluster/TRTMM-")]


# ------------------------------------------------------------------ minidisks
def test_a_disk_for_each_tape_machine(tmp_path):
    body = TAPE + "  disk TCTMM 191 size 10 cyl\n  disk TRTMM 191 size 5 cyl\n"
    files = build(tmp_path, body)
    assert mdisks(files["cluster/TCTMM.DIRECT"]) == ["MDISK 0191 3390 AUTOV 10 SHR001 MR"]
    assert mdisks(files["cluster/TRTMM.DIRECT"]) == []  # minidisks live in the SUBCONFIGs
    assert mdisks(files["cluster/TRTMM-1.DIRECT"]) == ["MDISK 0191 3390 AUTOV 5 P1VOL1 MR"]
    assert mdisks(files["cluster/TRTMM-3.DIRECT"]) == ["MDISK 0191 3390 AUTOV 5 P3VOL1 MR"]


def test_a_pattern_disk_reaches_both_tape_machines(tmp_path):
    files = build(tmp_path, TAPE + "  disk T?TMM 192 size 1 cyl\n")
    assert mdisks(files["cluster/TCTMM.DIRECT"]) == ["MDISK 0192 3390 AUTOV 1 SHR001 MR"]
    assert mdisks(files["cluster/TRTMM-3.DIRECT"]) == ["MDISK 0192 3390 AUTOV 1 P3VOL1 MR"]


def test_explicit_extents_follow_the_volume_rules(tmp_path):
    body = (
        TAPE
        + "  disk TCTMM 191 size 10 cyl on SHR001 at 2000\n  disk TRTMM 191 size 5 cyl on P3VOL1 at 300\n"
    )
    files = build(tmp_path, body)
    assert mdisks(files["cluster/TCTMM.DIRECT"]) == ["MDISK 0191 3390 2000 10 SHR001 MR"]
    assert mdisks(files["cluster/TRTMM-3.DIRECT"]) == ["MDISK 0191 3390 300 5 P3VOL1 MR"]
    assert mdisks(files["cluster/TRTMM-1.DIRECT"]) == ["MDISK 0191 3390 AUTOV 5 P1VOL1 MR"]
    # A USER on a member's private volume and an IDENTITY on a shared volume are errors.
    wrong = errors_of(tmp_path, TAPE + "  disk TCTMM 191 size 10 cyl on P1VOL1\n")
    assert [e.split()[0] for e in wrong] == ["BKR244"], wrong
    assert "single-configuration user `TCTMM`" in wrong[0]
    wrong = errors_of(tmp_path, TAPE + "  disk TRTMM 191 size 5 cyl on SHR001\n")
    assert [e.split()[0] for e in wrong] == ["BKR244"], wrong
    assert "IDENTITY user `TRTMM`" in wrong[0]


def test_a_disk_for_a_tape_machine_without_tape_is_refused(tmp_path):
    wrong = errors_of(tmp_path, SINGLE_JOB + "  disk TCTMM 191 size 10 cyl\n")
    assert [e.split()[0] for e in wrong] == ["BKR332"], wrong


def test_a_disk_for_a_tape_machine_says_the_tape_statement_is_missing(tmp_path):
    """The `tape manager` statement deleted while a job still writes to tape: the
    disk of its machine says that the statement naming it is missing (the way a
    disk for BKRBKUP says that `import std/backup-manager` is)."""
    without_tape = TAPE.replace("  tape manager shared catalog-node TCTMM on M2 request-node TRTMM\n", "")
    wrong = errors_of(tmp_path, without_tape + "  disk TCTMM 191 size 10 cyl\n")
    assert sorted(e.split()[0] for e in wrong) == ["BKR230", "BKR332"], wrong
    (disk,) = [e for e in wrong if e.startswith("BKR332")]
    assert "the `tape manager` statement that names it is missing (job `SYSIN` writes to tape)" in disk
    # Without a job to tape, nothing says the disk was a Tape Manager machine's.
    wrong = errors_of(tmp_path, SINGLE_JOB + "  disk TCTMM 191 size 10 cyl\n")
    assert "tape manager" not in wrong[0], wrong


def test_did_you_mean_points_at_the_statement_naming_the_machine(tmp_path):
    """The catalog's server and Tape Manager's machines are declared nowhere but
    in the statement that names them: "did you mean" points there."""
    for disk, line, note in [
        ("BKRSVFS", "catalog shared server BKRSVSFS", "`BKRSVSFS` is named here, as the catalog's server"),
        ("TCTMN", "tape manager shared catalog-node TCTMM", "`TCTMM` is named here, in the `tape manager` statement"),
    ]:
        cluster = CLUSTER.replace("  single user BKRSVSFS\n", "")  # declared nowhere else
        text = cluster.format(body=TAPE + f"  disk {disk} 191 size 10 cyl\n")
        file = tmp_path / "test.bkr"
        file.write_text(text)
        (d,) = [d for d in analyse(str(file), text.encode(), path=file).diagnostics if d.code == "BKR332"]
        (related,) = d.related
        assert related.label == note
        assert text.splitlines()[related.span.line - 1].strip().startswith(line)


def test_sequential_allocation_places_tape_disks_after_the_others(tmp_path):
    dialect = load_dialect(path=str(table_copy(tmp_path, disk_allocation="sequential")))
    body = (
        TAPE + "  disk BKRADMIN 191 size 5 cyl\n  disk TCTMM 191 size 10 cyl\n  disk TRTMM 191 size 3 cyl\n"
    )
    files = build(tmp_path, body, dialect=dialect)
    assert mdisks(files["cluster/BKRADMIN.DIRECT"]) == ["MDISK 0191 3390 1 5 SHR001 MR"]
    assert mdisks(files["cluster/TCTMM.DIRECT"]) == ["MDISK 0191 3390 6 10 SHR001 MR"]
    assert mdisks(files["cluster/TRTMM-1.DIRECT"]) == ["MDISK 0191 3390 1 3 P1VOL1 MR"]


# ------------------------------------------------------------------ model and checks agree
def test_model_lists_the_tape_machines(tmp_path):
    text = CLUSTER.format(body=TAPE)
    model = analyse("t.bkr", text.encode()).model
    machines = model.product_machines()
    assert machines["TCTMM"] == (Kind.SINGLE, ())
    assert machines["TRTMM"] == (Kind.IDENTITY, ("M1", "M3"))
    subconfigs = [(machine, m.name, sid) for machine, m, sid in model.subconfigs() if machine == "TRTMM"]
    assert subconfigs == [("TRTMM", "M1", "TRTMM-1"), ("TRTMM", "M3", "TRTMM-3")]


def test_a_user_named_like_a_request_node_subconfig_is_refused(tmp_path):
    wrong = errors_of(tmp_path, TAPE + "  single user TRTMM-3\n")
    assert [e.split()[0] for e in wrong] == ["BKR242"], wrong
    assert "`TRTMM`'s SUBCONFIG on `M3`" in wrong[0]


def test_tape_entries_obey_the_cms_rules(tmp_path):
    text = CLUSTER.format(body=TAPE + "  disk TCTMM 191 size 10 cyl\n  disk TRTMM 191 size 5 cyl\n")
    file = tmp_path / "cms.bkr"
    file.write_text(text)
    analysis, artifacts = compile_source(str(file), text.encode(), path=file)
    assert artifacts is not None
    assert cms_problems(analysis.model, artifacts, source_label(str(file))) == []


def test_the_dialect_table_holds_defaults_for_every_tape_role():
    dialect = load_dialect()
    for role in ("tape-catalog-node", "tape-request-node", "tape-catalog-dmm", "tape-request-dmm"):
        assert role in MACHINE_ROLES
        assert dialect.machines[role].status == "assumed" and dialect.machines[role].note
    data = tomllib.loads((DIALECT_DIR / "backup-manager-1.3.toml").read_text())
    data["machines"].pop("tape-request-node")
    with pytest.raises(DialectError, match="missing machine defaults: tape-request-node"):
        parse_dialect(data, "site.toml")


def test_a_site_table_from_before_the_tape_roles_says_where_to_copy_them(tmp_path):
    """A site's corrected copy made by an older bkrc lacks the two roles: the
    error names them and the built-in table to copy them from."""
    data = (DIALECT_DIR / "backup-manager-1.3.toml").read_text()
    old = data[: data.index("[machines.tape-catalog-node]")] + data[data.index("# Size units") :]
    site = tmp_path / "site-dialect.toml"
    site.write_text(old)
    with pytest.raises(DialectError) as err:
        load_dialect(path=str(site))
    message = str(err.value)
    assert "missing machine defaults: tape-catalog-node, tape-request-node" in message
    assert str(DIALECT_DIR / "backup-manager-1.3.toml") in message


# ------------------------------------------------------------------ Device Manager Machines
DMMS = " catalog-dmm TCDMM request-dmm TRDMM"
# The tape statement of TAPE with both DMMs, with one of them, and the header texts.
TAPE_DMMS = TAPE.replace("request-node TRTMM", "request-node TRTMM" + DMMS)
ONLY_LMM = (
    "Each node also needs a Library Manager Machine (LMM) when it uses an automated tape library:"
    " bkrc does not write its entry."
)
BOTH_MISSING = (
    "Each node also needs its Device Manager Machine (DMM), and a Library Manager Machine (LMM)"
    " when it uses an automated tape library: bkrc does not write their entries."
)


def header(artifact) -> str:
    """The entry's header comment as one line of text."""
    return " ".join(line[1:].strip() for line in lines(artifact) if line.startswith("*"))


def test_catalog_dmm_is_a_user_entry_on_the_catalog_nodes_member(tmp_path):
    files = build(tmp_path, TAPE_DMMS)
    entry = files["cluster/TCDMM.DIRECT"]
    assert entry.kind == "directory" and entry.member is None
    assert records(entry)[0] == "USER TCDMM LBYONLY 128M 256M BG"
    assert " LOGONBY MAINT" in records(entry)
    text = header(entry)
    assert "USER entry of TCDMM, the Device Manager Machine of the Tape Manager catalog node of cluster TESTSSI" in text
    assert "It runs on M2, beside its node's Tape Manager Machine TCTMM (catalog-dmm TCDMM)." in text
    assert "BKRSTART does not start it: bkrc assumes TCTMM does." in text
    assert not [p for p in files if p.startswith("cluster/TCDMM-")]  # a USER has no SUBCONFIG


def test_request_dmm_is_an_identity_on_the_request_nodes_members(tmp_path):
    files = build(tmp_path, TAPE_DMMS)
    entry = files["cluster/TRDMM.DIRECT"]
    assert entry.kind == "directory" and entry.member is None
    assert records(entry)[0] == "IDENTITY TRDMM LBYONLY 128M 256M BG"
    assert builds(entry) == ["BUILD ON M1 USING SUBCONFIG TRDMM-1", "BUILD ON M3 USING SUBCONFIG TRDMM-3"]
    assert builds(entry) == [b.replace("TRTMM", "TRDMM") for b in builds(files["cluster/TRTMM.DIRECT"])]
    text = header(entry)
    assert "the Device Manager Machine of the Tape Manager request nodes of cluster TESTSSI" in text
    assert "It runs on M1 and M3, beside its node's Tape Manager Machine TRTMM (request-dmm TRDMM)." in text
    for n in (1, 3):
        sub = files[f"cluster/TRDMM-{n}.DIRECT"]
        assert sub.kind == "directory" and sub.member == f"M{n}"
        assert records(sub) == [f"SUBCONFIG TRDMM-{n}"]
    assert "cluster/TRDMM-2.DIRECT" not in files


def test_dmms_come_after_the_tape_managers_and_move_nothing(tmp_path):
    model = analyse("t.bkr", CLUSTER.format(body=TAPE_DMMS).encode()).model
    found = machines(model)
    assert [(m.id, m.role, m.kind, m.members) for m in found[-4:]] == [
        ("TCTMM", "tape-catalog-node", Kind.SINGLE, ()),
        ("TRTMM", "tape-request-node", Kind.IDENTITY, ("M1", "M3")),
        ("TCDMM", "tape-catalog-dmm", Kind.SINGLE, ()),
        ("TRDMM", "tape-request-dmm", Kind.IDENTITY, ("M1", "M3")),
    ]
    before = machines(analyse("t.bkr", CLUSTER.format(body=TAPE).encode()).model)
    assert found[:-2] == before
    # Every file written without the DMMs is written the same with them, but the
    # header of the Tape Manager entries, which no longer says the DMMs are missing.
    without, with_dmms = build(tmp_path, TAPE), build(tmp_path, TAPE_DMMS)
    new = {"cluster/TCDMM.DIRECT", "cluster/TRDMM.DIRECT", "cluster/TRDMM-1.DIRECT", "cluster/TRDMM-3.DIRECT"}
    assert set(with_dmms) == set(without) | new
    changed = {p for p in without if without[p].text != with_dmms[p].text}
    changed.remove("README.TXT")  # it lists the new entries too
    assert changed == {"cluster/TCTMM.DIRECT", "cluster/TRTMM.DIRECT"}
    for p in changed:
        assert records(without[p]) == records(with_dmms[p])
        assert BOTH_MISSING in header(without[p]) and ONLY_LMM in header(with_dmms[p])


def test_the_model_lists_the_dmms_with_their_nodes_members():
    model = analyse("t.bkr", CLUSTER.format(body=TAPE_DMMS).encode()).model
    assert [(n.id, n.role, n.default, n.members) for n in model.tape_nodes()] == [
        ("TCTMM", "tape-catalog-node", Kind.SINGLE, ("M2",)),
        ("TRTMM", "tape-request-node", Kind.IDENTITY, ("M1", "M3")),
        ("TCDMM", "tape-catalog-dmm", Kind.SINGLE, ("M2",)),
        ("TRDMM", "tape-request-dmm", Kind.IDENTITY, ("M1", "M3")),
    ]
    found = model.product_machines()
    assert found["TCDMM"] == (Kind.SINGLE, ())
    assert found["TRDMM"] == (Kind.IDENTITY, ("M1", "M3"))
    assert model.machine_roles()["TRDMM"] == "tape-request-dmm"
    assert (model.implied_kind("tcdmm"), model.implied_kind("TRDMM")) == (Kind.SINGLE, Kind.IDENTITY)
    subconfigs = [(machine, m.name, sid) for machine, m, sid in model.subconfigs() if machine.endswith("DMM")]
    assert subconfigs == [("TRDMM", "M1", "TRDMM-1"), ("TRDMM", "M3", "TRDMM-3")]


@pytest.mark.parametrize(
    "statement",
    [
        "tape manager local catalog-dmm TCDMM request-dmm TRDMM",
        "tape manager local catalog-node TCTMM on M2 request-node TRTMM" + DMMS,
    ],
)
def test_dmms_of_a_local_tape_manager_are_ignored_like_its_nodes(tmp_path, statement):
    """A node option does not apply to `tape manager local`, and is not reported: nor is a DMM."""
    files = build(tmp_path, SINGLE_JOB + f"  {statement}\n")
    assert not [p for p in files if p.startswith(("cluster/TC", "cluster/TR"))]
    # No entry, so no minidisk either.
    wrong = errors_of(tmp_path, SINGLE_JOB + f"  {statement}\n  disk TRDMM 191 size 5 cyl\n")
    assert [e.split()[0] for e in wrong] == ["BKR332"], wrong


def test_a_dmm_needs_its_node(tmp_path):
    wrong = errors_of(tmp_path, IDENTITY_JOB.replace("request-node TRTMM", "request-dmm TRDMM"))
    assert [e.split()[0] for e in wrong] == ["BKR233"], wrong
    assert "names no request node" in wrong[0]
    no_catalog = IDENTITY_JOB.replace("catalog-node TCTMM on M2", "catalog-dmm TCDMM")
    wrong = errors_of(tmp_path, no_catalog)
    assert [e.split()[0] for e in wrong] == ["BKR233"], wrong
    assert "names no catalog node" in wrong[0]


def test_one_member_cluster_writes_the_catalog_dmm_only(tmp_path):
    text = """\
import std/backup-manager
cluster ONE {{
  member M1 {{ workers 1  private-volume P1VOL1 }}
  shared-volume SHR001
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on M1 {{ purge weekly sun 06:00  retain 30 days }}
  single group GUESTS {{ LINUX01 }}
  job GUESTFUL {{ backup GUESTS full  include minidisk * *  to tape  run on M1 daily 01:00 }}
{body}
}}
"""
    for dmms, note in ((DMMS, ONLY_LMM), (" request-dmm TRDMM", BOTH_MISSING)):
        body = "  tape manager shared catalog-node TCTMM on M1 request-node TRTMM" + dmms
        file = tmp_path / "one.bkr"
        data = text.format(body=body).encode()
        file.write_bytes(data)
        analysis, artifacts = compile_source(str(file), data, path=file)
        assert artifacts is not None, [d.message for d in analysis.diagnostics]
        files = {a.path: a for a in artifacts}
        assert not [p for p in files if p.startswith("cluster/TR")]
        assert ("cluster/TCDMM.DIRECT" in files) == ("catalog-dmm" in dmms)
        # Only the catalog node is written: whether it lacks a DMM is all the header says.
        assert note in header(files["cluster/TCTMM.DIRECT"]), dmms


@pytest.mark.parametrize(
    "dmms,note",
    [
        ("", BOTH_MISSING),
        (DMMS, ONLY_LMM),
        (
            " catalog-dmm TCDMM",
            (
                "The request nodes also need their Device Manager Machine (DMM), and each node a Library Manager"
                " Machine (LMM) when it uses an automated tape library: bkrc does not write their entries."
            ),
        ),
        (
            " request-dmm TRDMM",
            (
                "The catalog node also needs its Device Manager Machine (DMM), and each node a Library Manager"
                " Machine (LMM) when it uses an automated tape library: bkrc does not write their entries."
            ),
        ),
    ],
    ids=["none", "both", "catalog", "request"],
)
def test_every_tape_entry_says_what_bkrc_does_not_write(tmp_path, dmms, note):
    files = build(tmp_path, TAPE.replace("request-node TRTMM", "request-node TRTMM" + dmms))
    entries = [p for p in files if p.startswith("cluster/T") and "-" not in p]
    assert len(entries) == 2 + len(dmms.split()) // 2
    for path in entries:
        assert note in header(files[path]), path
        others = {BOTH_MISSING, ONLY_LMM} - {note}
        assert not any(o in header(files[path]) for o in others), path


def test_bkrstart_starts_the_tape_managers_only(tmp_path):
    files = build(tmp_path, TAPE_DMMS)
    without = build(tmp_path, TAPE)
    for member in ("M1", "M2", "M3"):
        start = files[f"{member}/BKRSTART.EXEC"].text
        assert "TCDMM" not in start and "TRDMM" not in start
        assert start == without[f"{member}/BKRSTART.EXEC"].text
        assert files[f"{member}/TMNODES.CONFIG"].text == without[f"{member}/TMNODES.CONFIG"].text


def test_dmm_disks_on_shared_and_private_volumes(tmp_path):
    body = TAPE_DMMS + "  disk TCDMM 191 size 4 cyl\n  disk TRDMM 191 size 2 cyl\n  disk T?DMM 192 size 1 cyl\n"
    files = build(tmp_path, body)
    assert mdisks(files["cluster/TCDMM.DIRECT"]) == [
        "MDISK 0191 3390 AUTOV 4 SHR001 MR",
        "MDISK 0192 3390 AUTOV 1 SHR001 MR",
    ]
    assert mdisks(files["cluster/TRDMM.DIRECT"]) == []
    assert mdisks(files["cluster/TRDMM-1.DIRECT"]) == [
        "MDISK 0191 3390 AUTOV 2 P1VOL1 MR",
        "MDISK 0192 3390 AUTOV 1 P1VOL1 MR",
    ]
    assert mdisks(files["cluster/TRDMM-3.DIRECT"]) == [
        "MDISK 0191 3390 AUTOV 2 P3VOL1 MR",
        "MDISK 0192 3390 AUTOV 1 P3VOL1 MR",
    ]
    # The TMMs' disks: a pattern for the DMMs reaches no TMM.
    assert mdisks(files["cluster/TCTMM.DIRECT"]) == []
    # A USER on a member's private volume and an IDENTITY on a shared volume are errors.
    wrong = errors_of(tmp_path, TAPE_DMMS + "  disk TCDMM 191 size 4 cyl on P2VOL1\n")
    assert [e.split()[0] for e in wrong] == ["BKR244"], wrong
    assert "single-configuration user `TCDMM`" in wrong[0]
    wrong = errors_of(tmp_path, TAPE_DMMS + "  disk TRDMM 191 size 2 cyl on SHR001\n")
    assert [e.split()[0] for e in wrong] == ["BKR244"], wrong
    assert "IDENTITY user `TRDMM`" in wrong[0]
    # Without the DMMs there is no entry to hold a disk.
    wrong = errors_of(tmp_path, TAPE + "  disk TCDMM 191 size 4 cyl\n")
    assert [e.split()[0] for e in wrong] == ["BKR332"], wrong


def test_sequential_allocation_places_dmm_disks_after_the_tape_managers(tmp_path):
    dialect = load_dialect(path=str(table_copy(tmp_path, disk_allocation="sequential")))
    disks = "  disk TCTMM 191 size 10 cyl\n  disk TRTMM 191 size 3 cyl\n"
    dmm_disks = "  disk TCDMM 191 size 4 cyl\n  disk TRDMM 191 size 2 cyl\n"
    files = build(tmp_path, TAPE_DMMS + disks + dmm_disks, dialect=dialect)
    assert mdisks(files["cluster/TCTMM.DIRECT"]) == ["MDISK 0191 3390 1 10 SHR001 MR"]
    assert mdisks(files["cluster/TCDMM.DIRECT"]) == ["MDISK 0191 3390 11 4 SHR001 MR"]
    assert mdisks(files["cluster/TRTMM-1.DIRECT"]) == ["MDISK 0191 3390 1 3 P1VOL1 MR"]
    assert mdisks(files["cluster/TRDMM-1.DIRECT"]) == ["MDISK 0191 3390 4 2 P1VOL1 MR"]
    # The TMMs' extents are those of a cluster without DMMs.
    alone = build(tmp_path, TAPE + disks, dialect=dialect)
    for path in ("cluster/TCTMM.DIRECT", "cluster/TRTMM-1.DIRECT", "cluster/TRTMM-3.DIRECT"):
        assert mdisks(files[path]) == mdisks(alone[path])


def test_request_dmm_declared_single_with_one_requesting_member_is_a_user(tmp_path):
    body = TAPE_DMMS.replace("on M2", "on M1") + "  single user TRDMM\n  disk TRDMM 191 size 5 cyl\n"
    files = compiled_two_members(tmp_path, body)
    assert records(files["cluster/TRDMM.DIRECT"])[0] == "USER TRDMM LBYONLY 128M 256M BG"
    assert mdisks(files["cluster/TRDMM.DIRECT"]) == ["MDISK 0191 3390 AUTOV 5 SHR001 MR"]
    assert "It runs on M2, beside its node's Tape Manager Machine TRTMM" in header(files["cluster/TRDMM.DIRECT"])
    assert not [p for p in files if p.startswith("cluster/TRDMM-")]
    # The request node itself stays an IDENTITY on its one member.
    assert records(files["cluster/TRTMM.DIRECT"])[0].startswith("IDENTITY TRTMM")
    # With two requesting members the same declaration is refused.
    wrong = errors_of(tmp_path, TAPE_DMMS + "  single user TRDMM\n")
    assert [e.split()[0] for e in wrong] == ["BKR231"], wrong
    assert "the request nodes' DMM `TRDMM` must be an IDENTITY user: it runs on `M1` and `M3`" in wrong[0]


@pytest.mark.parametrize(
    "dmms,message",
    [
        (" catalog-dmm TCDMM request-dmm TCDMM", "the request nodes' DMM uses the catalog node's DMM's machine name `TCDMM`"),
        (" catalog-dmm TRTMM", "the catalog node's DMM uses the request nodes' machine name `TRTMM`"),
        (" request-dmm tctmm", "the request nodes' DMM uses the catalog node's machine name `TCTMM`"),
    ],
    ids=["dmm-dmm", "catalog-dmm-request-tmm", "request-dmm-catalog-tmm"],
)
def test_dmms_named_like_another_tape_machine_are_refused(tmp_path, dmms, message):
    wrong = errors_of(tmp_path, TAPE.replace("request-node TRTMM", "request-node TRTMM" + dmms))
    assert [e.split(" ", 1) for e in wrong] == [["BKR232", message]], wrong


def test_a_dmm_with_an_invalid_user_id_is_refused(tmp_path):
    wrong = errors_of(tmp_path, TAPE.replace("request-node TRTMM", "request-node TRTMM request-dmm TAPEDMM01"))
    assert [e.split()[0] for e in wrong] == ["BKR301"], wrong


def test_a_user_named_like_a_request_dmm_subconfig_is_refused(tmp_path):
    wrong = errors_of(tmp_path, TAPE_DMMS + "  single user TRDMM-1\n")
    assert [e.split()[0] for e in wrong] == ["BKR242"], wrong
    assert "`TRDMM`'s SUBCONFIG on `M1`" in wrong[0]
    # Two machines whose SUBCONFIG IDs are cut to the same name.
    statement = "tape manager shared catalog-node TCTMM on M2 request-node TRTMMX01 request-dmm TRTMMY01"
    wrong = errors_of(tmp_path, IDENTITY_JOB.replace(IDENTITY_JOB.splitlines()[-1].strip(), statement))
    assert [e.split()[0] for e in wrong] == ["BKR242", "BKR242"], wrong
    assert "SUBCONFIG `TRTM01-1` of `TRTMMY01` on `M1` is also the SUBCONFIG of `TRTMMX01`" in wrong[0]


def test_dmm_entries_obey_the_cms_rules(tmp_path):
    """Also with `$` in 8-character names, whose SUBCONFIG IDs (TR$D01-1) are cut."""
    for dmms in (DMMS, " catalog-dmm TC$DMM01 request-dmm TR$DMM01"):
        body = TAPE.replace("request-node TRTMM", "request-node TR$TMM01" + dmms)
        first, second = dmms.split()[1], dmms.split()[3]
        text = CLUSTER.format(body=body + f"  disk {first} 191 size 4 cyl\n  disk {second} 191 size 2 cyl\n")
        file = tmp_path / "cms.bkr"
        file.write_text(text)
        analysis, artifacts = compile_source(str(file), text.encode(), path=file)
        assert artifacts is not None, [d.message for d in analysis.diagnostics if d.is_error]
        paths = {a.path for a in artifacts}
        assert f"cluster/{second}.DIRECT" in paths and f"cluster/{first}.DIRECT" in paths
        assert cms_problems(analysis.model, artifacts, source_label(str(file))) == []
    assert "cluster/TR$D01-1.DIRECT" in paths and "cluster/TR$T01-3.DIRECT" in paths


def test_a_site_table_from_before_the_dmm_roles_says_where_to_copy_them(tmp_path):
    data = (DIALECT_DIR / "backup-manager-1.3.toml").read_text()
    old = data[: data.index("# The nodes' Device Manager Machines")] + data[data.index("# Size units") :]
    site = tmp_path / "site-dialect.toml"
    site.write_text(old)
    with pytest.raises(DialectError) as err:
        load_dialect(path=str(site))
    assert "missing machine defaults: tape-catalog-dmm, tape-request-dmm" in str(err.value)


def test_an_extent_for_a_member_where_the_machine_is_not_built_reserves_nothing(tmp_path):
    """`disk TRDMM ... on P1 at 1`: the request DMM is not built on the catalog node's
    member M1, so the extent is written nowhere (BKR252). It must not push the
    sequential allocation of M1's other minidisks past it either."""
    from bkrdsl.emit.artifacts import emit_all

    text = """\
import std/backup-manager
cluster C {
  member M1 { workers 1  private-volume P1 }
  member M2 { workers 1  private-volume P2 }
  shared-volume S1
  catalog shared server BKRSVSFS pool BKRPOOL on M1
  expire on M1 { purge weekly sun 03:00  retain 30 days }
  tape manager shared catalog-node TCTMM on M1 request-node TRTMM request-dmm TRDMM
  disk BKRBKUP 191 size 5 cyl
  disk TRDMM 191 size 5 cyl on P1 at 1
  identity group I { TCPIP }
  job K { backup I full  include minidisk * *  to tape  run on each member daily 04:00 }
}
"""
    file = tmp_path / "c.bkr"
    file.write_text(text)
    analysis = analyse(str(file), text.encode(), path=file)
    assert [d.code for d in analysis.diagnostics if d.is_error] == ["BKR252"]
    dialect = load_dialect(path=str(table_copy(tmp_path, disk_allocation="sequential")))
    files = {a.path: a for a in emit_all(analysis.model, source_label(str(file)), dialect)}
    assert mdisks(files["cluster/BKRBUP-1.DIRECT"]) == ["MDISK 0191 3390 1 5 P1 MR"]
    assert mdisks(files["cluster/TRDMM-2.DIRECT"]) == ["MDISK 0191 3390 6 5 P2 MR"]  # after BKRBUP-2
    assert not any("P1" in line for line in mdisks(files["cluster/TRDMM.DIRECT"]))


def _implied_by_scan(model, user_id: str):
    """`Model.implied_kind` as it was worked out per ID: the catalog's server, then each
    Tape Manager machine in turn."""
    from bkrdsl import ast

    up = user_id.upper()
    for c in model.catalogs[:1]:
        if c.server == up:
            return Kind.SINGLE if c.scope is ast.Scope.SHARED else Kind.IDENTITY
    for t in model.tapes[:1]:
        for name, kind in (
            (t.catalog_node, Kind.SINGLE),
            (t.request_node, Kind.IDENTITY),
            (t.catalog_dmm, Kind.SINGLE),
            (t.request_dmm, Kind.IDENTITY),
        ):
            if name == up:
                return kind
    return None


def test_implied_kind_is_the_scan_of_the_catalog_and_tape_machines_and_follows_their_change():
    """`implied_kind` looks the ID up in a table made once per model (BKR510 asks it of
    each of a directory's undeclared IDs): the scan's answer for every machine, an ID
    named twice (the first counts) and one named by none, and a new table when the
    model's catalogs or tapes are set anew (`resolve` sets them after the model is made)."""
    import dataclasses

    model = analyse("t.bkr", CLUSTER.format(body=TAPE_DMMS).encode()).model
    tape = model.tapes[0]
    ids = ["TCTMM", "trtmm", "TCDMM", "TRDMM", "BKRSVSFS", "NOBODY", ""]
    ids += [c.server for c in model.catalogs if c.server]
    assert [model.implied_kind(i) for i in ids] == [_implied_by_scan(model, i) for i in ids]
    assert model.implied_kind("TCDMM") is Kind.SINGLE
    # The request DMM named as the catalog node too: the first (the catalog node's, single) counts.
    model.tapes = (dataclasses.replace(tape, catalog_node="TRDMM"),)
    assert [model.implied_kind(i) for i in ids] == [_implied_by_scan(model, i) for i in ids]
    assert model.implied_kind("TRDMM") is Kind.SINGLE and model.implied_kind("TCTMM") is None
    model.catalogs, model.tapes = (), ()
    assert [model.implied_kind(i) for i in ids] == [None] * len(ids)
