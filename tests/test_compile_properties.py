"""Property: every cluster the checker passes compiles, and every file obeys the CMS rules.

Hypothesis assembles clusters from the language's parts (members with
workers, volumes, job suffixes and excludes; the standard library's machines
or a renamed set, with or without an administrator; shared or local
catalogs and expiry (now and then split over several blocks); groups, jobs with any selections, schedules and
description text; disks; no, local or shared Tape Manager, with or without
Device Manager Machines; now and then a catalog server or Tape Manager node
named like another machine); whenever the checker reports no error, the
emitters must produce files (never an exception) that pass every CMS rule,
identically twice, job templates that each select something, CP directory
entries whose USER, IDENTITY and SUBCONFIG
IDs are all distinct and distinct from every other user the cluster
declares, and one machine per role: no two roles sharing an ID.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bkrdsl.emit.artifacts import cms_problems, compile_source, emit_all
from bkrdsl.emit.dialect import load_dialect
from bkrdsl.pipeline import analyse

MEMBER_NAMES = ["VMSYS1", "M2", "SYS$3", "A@4", "Z"]
USERS = ["LNX01", "LNX02", "APP01", "$DB1", "WEB#2"]
#: Users whose IDs are SUBCONFIG names bkrc derives (BKRBKUP on member 2, a local
#: catalog's BKRSVSFS on member 1, the request node TRTMM and its DMM TRDMM on member 2).
CLASHING = ["BKRBUP-2", "BKRSFS-1", "TRTMM-2", "TRDMM-2"]
#: The Device Manager Machines a tape manager statement may name (none, one or both).
DMMS = ["", " catalog-dmm TCDMM", " request-dmm TRDMM", " catalog-dmm TCDMM request-dmm TRDMM"]
OWNERS = ["*", "LNX01", "LNX*", "$DB1", "APP*"]
ITEMS = ["*", "191", "0191", "0100-0FFF", "1A0-1AF"]


def _description(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("\r", " ") + '"'


#: Backup Manager's machines: the standard library's, or a site's renamed set
#: (backup server, worker pattern; with or without an administrator).
MACHINES = [
    ("BKRBKUP", "BKRWRK*", ["import std/backup-manager"]),
    (
        "BKRBK2",
        "WRK*",
        [
            "single user 5697J06C role installation",
            "single user ADMBKR role admin",
            "identity user BKRBK2 role backup-server",
            "identity user BKRCAT2 role catalog-server",
            "identity user WRK* role worker",
        ],
    ),
    (
        "BKRBKUP",
        "BKRWRK*",
        [  # no administrator
            "single user 5697J06C role installation",
            "identity user BKRBKUP role backup-server",
            "identity user BKRCATLG role catalog-server",
            "identity user BKRWRK* role worker",
        ],
    ),
]
SCHEDULES = ["daily 01:00", "weekly mon,thu 01:15", "weekly saturday,SUNDAY 05:45", "monthly 15 04:00", "manual"]


@st.composite
def clusters(draw) -> str:
    members = draw(st.lists(st.sampled_from(MEMBER_NAMES), min_size=1, max_size=4, unique=True))
    private = draw(st.booleans())
    backup_server, worker_pattern, declarations = draw(st.sampled_from(MACHINES))
    suffixes = draw(
        st.lists(st.sampled_from("ABCDEFGH"), min_size=len(members), max_size=len(members), unique=True)
    )
    lines = declarations + ["import std/zvm73", "cluster PROP {"]
    for n, m in enumerate(members):
        settings_ = [f"workers {draw(st.integers(1, 12))}"]
        if private:
            settings_.append(f"private-volume PV{n}")
        if draw(st.booleans()):
            settings_.append(f"job-suffix {suffixes[n]}")
        if draw(st.booleans()):
            settings_.append(f"exclude minidisk * {draw(st.sampled_from(ITEMS[1:]))}")
        lines.append(f"  member {m} {{ {'  '.join(settings_)} }}")
    shared = draw(st.booleans())
    if shared:
        lines.append("  shared-volume SHR001")
    expire = "{ preview daily 01:00  purge weekly sun 03:00  retain 30 days }"
    # Now and then a machine the cluster names takes another machine's name (the checker must refuse it).
    sfs = draw(
        st.sampled_from(["BKRSVSFS"] * 6 + [backup_server, "BKRADMIN", "5697J06C", "TCTMM", "BKRWRK01"])
    )
    # Now and then the purging member's expiry is split over blocks: the purge in
    # one, a preview in one or two others (BKREXPIR must carry all of them).
    previews = draw(st.lists(st.sampled_from(SCHEDULES), max_size=2))
    if previews:
        expire = "{ purge weekly sun 03:00  retain 30 days }"
    if draw(st.booleans()):
        if sfs == "BKRSVSFS":
            lines.append("  single user BKRSVSFS")
        lines.append(f"  catalog shared server {sfs} pool BKRPOOL on {members[0]}")
        where = members[0]
    else:  # one catalog per member: the SFS server is an IDENTITY with a SUBCONFIG per member
        lines.append(f"  catalog local server {sfs} pool BKRPOOL")
        where = draw(st.sampled_from(["each member", members[0]]))
    lines.append(f"  expire on {where} {expire}")
    lines += [f"  expire on {where} {{ preview {schedule} }}" for schedule in previews]
    tape = draw(st.sampled_from(["", "shared", "local"]))
    if tape == "shared":
        dmms = draw(st.sampled_from(DMMS))
        node = draw(st.sampled_from(["TCTMM"] * 6 + ["BKRADMIN", sfs, "BKRCATLG", "TRTMM"]))
        lines.append(f"  tape manager shared catalog-node {node} on {members[-1]} request-node TRTMM{dmms}")
    elif tape == "local":  # now and then naming nodes, which do nothing (BKR235 warns)
        nodes = draw(st.sampled_from(["", f" catalog-node TCTMM on {members[-1]} request-node TRTMM"]))
        lines.append(f"  tape manager local{nodes}")
    users = draw(st.lists(st.sampled_from(USERS + CLASHING), min_size=1, max_size=4, unique=True))
    lines.append(f"  single group GUESTS {{ {' '.join(users)}  match LNX* }}")
    lines.append("  identity group SYSIDS { TCPIP }")
    if private and draw(st.booleans()):
        # now and then at an address the machine's own statements take (BKR250)
        address = draw(st.sampled_from(["191"] * 4 + ["190", "19E", "00C", "9"]))
        lines.append(f"  disk {backup_server} {address} size 10 cyl")
        lines.append(f"  disk {worker_pattern} 191 size 2 cyl")
        if draw(st.booleans()):  # one worker's own disk: at 0191 it clashes with the pattern's (BKR324)
            first_worker = worker_pattern.replace("*", "01")
            lines.append(f"  disk {first_worker} {draw(st.sampled_from(['191', '193']))} size 1 cyl")
    if tape == "shared" and private and shared and draw(st.booleans()):
        lines.append("  disk T?DMM 191 size 1 cyl")  # the DMMs named, if any; else BKR332
    if shared and draw(st.booleans()):
        lines.append("  disk BKRSVSFS 191 size 20 cyl on SHR001 at 100")
        lines.append("  disk 5697J06C 191 size 5 cyl")
    target = "to tape" if tape == "shared" and draw(st.booleans()) else "to disk pool BKUPPOOL"
    owner, item = draw(st.sampled_from(OWNERS)), draw(st.sampled_from(ITEMS))
    home = draw(st.sampled_from(members))
    lines += [
        "  job GUESTS1 {",
        f"    description {_description(draw(st.text(max_size=120)))}",
        "    backup GUESTS full",
        f"    include minidisk {owner} {item}",
        f"    exclude minidisk * {draw(st.sampled_from(ITEMS[1:]))}",
        f"    {target}",
        f"    run on {home} {draw(st.sampled_from(SCHEDULES))}",
        "  }",
    ]
    if draw(st.booleans()):  # the same users' incremental, from the same member
        lines += [
            "  job GUESTS2 {",
            "    backup GUESTS incremental",
            "    include minidisk * 0191",
            "    to disk pool BKUPPOOL",
            f"    run on {home} daily 23:00",
            "  }",
        ]
    lines += [
        "  job SYSI {",
        "    backup SYSIDS incremental",
        f"    include minidisk * {draw(st.sampled_from(ITEMS))}",
        "    include sfs VMSYS:TCPIP.*",
        "    to disk pool BKUPPOOL",
        f"    run on each member {draw(st.sampled_from(SCHEDULES))}",
        "  }",
        "}",
    ]
    return "\n".join(lines) + "\n"


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clusters())
def test_every_clean_cluster_compiles_to_cms_clean_files(text):
    analysis, artifacts = compile_source("prop.bkr", text.encode())
    if artifacts is None:
        assert any(d.is_error for d in analysis.diagnostics)
        return
    assert cms_problems(analysis.model, artifacts, "prop.bkr") == []
    again = emit_all(analysis.model, "prop.bkr", load_dialect())
    assert [(a.path, a.text) for a in again] == [(a.path, a.text) for a in artifacts]
    # every job selects something: a template without an INCLUDE record backs up nothing (BKR116)
    for a in artifacts:
        if a.kind == "job-template":
            assert any(line.startswith("INCLUDE ") for line in a.text.splitlines()), a.path


def _directory_ids(artifacts) -> list[str]:
    """The ID of every USER, IDENTITY and SUBCONFIG entry in the generated directory."""
    ids = []
    for a in artifacts:
        if a.kind != "directory":
            continue
        for line in a.text.splitlines():
            word = line.split(" ", 1)[0]
            if word in ("USER", "IDENTITY", "SUBCONFIG"):
                ids.append(line.split()[1])
    return ids


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clusters())
def test_directory_ids_of_every_clean_cluster_are_distinct(text):
    analysis, artifacts = compile_source("prop.bkr", text.encode())
    if artifacts is None:
        return
    ids = _directory_ids(artifacts)
    assert ids and len(ids) == len(set(ids)), sorted(ids)
    # each entry's file is named by its ID
    assert {a.path.split("/")[1].split(".")[0] for a in artifacts if a.kind == "directory"} == set(ids)
    model = analysis.model
    others = set(model.user_ids) - set(model.product_machines())
    assert not others & set(ids), sorted(others & set(ids))


def _role_slots(model) -> list[str]:
    """Every machine the cluster's roles and statements call for, one per role, so a
    name two of them share appears twice."""
    catalog = model.catalog
    slots = [model.backup_server, model.catalog_server, model.admin, model.installation_user]
    slots.append(catalog.server if catalog is not None else None)
    slots += sorted({w for m in model.members for w in model.workers_of(m)})
    slots += [node.id for node in model.tape_nodes()]
    return [s for s in slots if s is not None]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clusters())
def test_every_machine_of_a_clean_cluster_has_one_role(text):
    """The machine table keeps each ID once, under its first role: in a cluster the
    checker passes, no two roles (or a role and a statement's machine) may share an
    ID, or one of them would silently lose its directory entry and start-up line."""
    analysis = analyse("prop.bkr", text.encode())
    if not analysis.ok:
        return
    slots = _role_slots(analysis.model)
    assert len(slots) == len(set(slots)), sorted(slots)
    assert set(slots) == set(analysis.model.machine_roles()), (sorted(slots), analysis.model.machine_roles())
