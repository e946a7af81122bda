"""`bkrc show --directory`: how much each job backs up (docs/show.md, "How much the jobs back up").

Each coverage minidisk carries its allocated size, the MDISK statement's count
(3390 and 3380 cylinders, FB-512 and 9336 blocks) and that size in bytes (a 3390
cylinder is 15 tracks of 56,664 bytes, a 3380's of 47,476; an FBA block 512
bytes), or, of another device type, why it has none; each member, what its jobs
back up, each job's and all of them, each minidisk once. The figures of a small
directory are worked out by hand here; the totals of the examples are checked
against a sum of the CSV's rows; `member_capacity` against an independent sum
of random coverages.
"""

from __future__ import annotations

import csv
import io
import json

from conftest import EXAMPLES, ROOT, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from bkrdsl.cpdirectory import GEOMETRY
from bkrdsl.show import (
    BACKED_UP,
    EXCLUDED,
    NOT_SELECTED,
    UNSIZED_DEVNO,
    UNSIZED_DEVTYPE,
    UNSIZED_END,
    JobOnMember,
    MinidiskCoverage,
    UserCoverage,
    member_capacity,
)

#: Bytes of a 3390 cylinder, a 3380 cylinder and an FBA block, as IBM gives the geometry.
CYLINDER = 15 * 56_664
CYLINDER_3380 = 15 * 47_476
BLOCK = 512

#: A USER of group APPS with one minidisk of each kind: 10 cylinders of 3390, 8,192
#: FB-512 blocks, a DEVNO, an extent to END, 20 cylinders of 3380, 4,096 blocks of a
#: 9336 (an FBA model), a 9345 (no geometry bkrc knows), and a T-DISK and a V-DISK,
#: which hold nothing once it logs off and are not counted.
CAPTEST = """\
USER CAPTEST LBYONLY 512M 1G G
 MDISK 0191 3390 20000 0010 VMCOM1 MR
 MDISK 0200 FB-512 0064 8192 FBA001 MR
 MDISK 0201 3390 DEVNO 1A2B MR
 MDISK 0202 3390 21000 END VMCOM2 MR
 MDISK 0203 3380 0001 0020 OLD338 MR
 MDISK 0204 3390 T-DISK 10 MR
 MDISK 0205 FB-512 V-DISK 2048 MR
 MDISK 0206 9336 0032 4096 FBA002 MR
 MDISK 0207 9345 0001 0030 OLD934 MR
"""

#: APPSINC: a second job of VMSYS1 that backs up the 0191 of APPS's users, as APPSFULL does.
APPSINC = """\
  job APPSINC {
    backup APPS incremental
    include minidisk * 0191
    to disk pool BKUPPOOL
    run on VMSYS1 daily 04:00
  }

  job SYSIN {"""


def site(tmp_path):
    """examples/prodssi.bkr with CAPTEST in group APPS, APPSFULL's includes up to 0205,
    and APPSINC; examples/prodssi.direct with CAPTEST."""
    bkr = (EXAMPLES / "prodssi.bkr").read_text()
    for old, new in (
        ("single group APPS { CICSPRD DB2PRD }", "single group APPS { CICSPRD DB2PRD CAPTEST }"),
        ("include minidisk * 0191-01FF 0200\n", "include minidisk * 0191-01FF 0200-0207\n"),
        ("  job SYSIN {", APPSINC),
    ):
        assert bkr.count(old) == 1
        bkr = bkr.replace(old, new)
    path, direct = tmp_path / "site.bkr", tmp_path / "USER.DIRECT"
    path.write_text(bkr)
    direct.write_text((ROOT / "examples/prodssi.direct").read_text() + CAPTEST)
    return path, direct


def show(path, direct, fmt: str, *args) -> str:
    return run_cli(["show", str(path), "--directory", str(direct), "--format", fmt, *args], expect=0).stdout


def member(data: dict, name: str) -> dict:
    (m,) = [m for m in data["members"] if m["name"] == name]
    return m


def test_each_job_s_and_the_member_s_allocated_size_by_hand(at_root, tmp_path):
    """VMSYS1: APPSFULL backs up CICSPRD's 0191 (50 cylinders) and 0200 (1,000),
    DB2PRD's 0191 (50) and 0200 (3,000), and CAPTEST's seven permanent minidisks,
    of which 0191 (10 cylinders), 0200 (8,192 blocks), 0203 (20 cylinders of a 3380)
    and 0206 (4,096 blocks of a 9336) have a size in bytes; APPSINC the three 0191s.
    The member counts each 0191 once."""
    path, direct = site(tmp_path)
    capacity = member(json.loads(show(path, direct, "json")), "VMSYS1")["coverage"]["capacity"]
    unsized = [
        {"user": "CAPTEST", "address": "0201", "why": "devno", "devtype": "3390"},
        {"user": "CAPTEST", "address": "0202", "why": "end", "devtype": "3390"},
        {"user": "CAPTEST", "address": "0207", "why": "devtype", "devtype": "9345"},
    ]
    cylinders = 50 + 1000 + 50 + 3000 + 10
    appsfull = {
        "minidisks": 11,
        "cylinders": cylinders,  # of 3390s: `units` has every device type
        "blocks": 8192,  # of FB-512s
        "bytes": cylinders * CYLINDER + 20 * CYLINDER_3380 + (8192 + 4096) * BLOCK,
        "units": [  # cylinders before blocks, each by device type
            {"devtype": "3380", "unit": "cylinders", "count": 20, "bytes": 20 * CYLINDER_3380},
            {"devtype": "3390", "unit": "cylinders", "count": cylinders, "bytes": cylinders * CYLINDER},
            {"devtype": "9336", "unit": "blocks", "count": 4096, "bytes": 4096 * BLOCK},
            {"devtype": "FB-512", "unit": "blocks", "count": 8192, "bytes": 8192 * BLOCK},
        ],
        "unsized": unsized,
    }
    assert appsfull["bytes"] == 3_513_869_856 and 20 * CYLINDER_3380 == 14_242_800
    appsinc = {
        "minidisks": 3,
        "cylinders": 110,
        "blocks": 0,
        "bytes": 110 * CYLINDER,
        "units": [{"devtype": "3390", "unit": "cylinders", "count": 110, "bytes": 110 * CYLINDER}],
        "unsized": [],
    }
    assert {k: v for k, v in capacity.items() if k != "jobs"} == appsfull  # each 0191 once
    jobs = {j.pop("name"): j for j in capacity["jobs"]}
    assert jobs == {"APPSFULL": appsfull, "APPSINC": appsinc, **{j: dict(EMPTY) for j in ("SYSIN1", "SYSME1")}}
    # VMSYS2's jobs back up the Linux guests alone: APPS's minidisks count on VMSYS1 only
    vmsys2 = member(json.loads(show(path, direct, "json")), "VMSYS2")["coverage"]["capacity"]
    assert [j["name"] for j in vmsys2["jobs"] if j["minidisks"]] == ["LNXFULL", "LNXINC"]  # by time of day
    assert not any(u["user"] == "CAPTEST" for u in vmsys2["unsized"])


EMPTY = {"minidisks": 0, "cylinders": 0, "blocks": 0, "bytes": 0, "units": [], "unsized": []}


def test_each_minidisk_s_size_in_the_json_and_the_csv(at_root, tmp_path):
    path, direct = site(tmp_path)
    data = json.loads(show(path, direct, "json"))
    (captest,) = [e for e in member(data, "VMSYS1")["coverage"]["entries"] if e["user"] == "CAPTEST"]
    sizes = {d["address"]: (d["devtype"], d["size"], d["bytes"], d["unsized"]) for d in captest["minidisks"]}
    assert sizes == {
        "0191": ("3390", 10, 10 * CYLINDER, None),
        "0200": ("FB-512", 8192, 8192 * BLOCK, None),
        "0201": ("3390", None, None, UNSIZED_DEVNO),
        "0202": ("3390", None, None, UNSIZED_END),
        "0203": ("3380", 20, 20 * CYLINDER_3380, None),
        "0206": ("9336", 4096, 4096 * BLOCK, None),
        "0207": ("9345", 30, None, UNSIZED_DEVTYPE),  # counted, unsized: never 0 bytes
    }  # no 0204 (T-DISK) nor 0205 (V-DISK): they hold nothing once CAPTEST logs off
    rows = list(csv.DictReader(io.StringIO(show(path, direct, "csv"))))
    assert {r["address"]: (r["devtype"], r["size"], r["bytes"]) for r in rows if r["user"] == "CAPTEST"} == {
        "0191": ("3390", "10", str(10 * CYLINDER)),
        "0200": ("FB-512", "8192", str(8192 * BLOCK)),
        "0201": ("3390", "", ""),
        "0202": ("3390", "", ""),
        "0203": ("3380", "20", str(20 * CYLINDER_3380)),
        "0206": ("9336", "4096", str(4096 * BLOCK)),
        "0207": ("9345", "30", ""),
    }


def test_text_says_each_job_s_and_the_member_s_total(at_root, tmp_path):
    path, direct = site(tmp_path)
    out = run_cli(["show", str(path), "--directory", str(direct), "--member", "VMSYS1"], expect=0).stdout
    section = out[out.index("  allocated size of those users' minidisks VMSYS1's own jobs back up") :]
    assert section == (
        "  allocated size of those users' minidisks VMSYS1's own jobs back up\n"
        "    (an upper bound of what they read):\n"
        "    all jobs, each minidisk once: 11 minidisks, 20 cylinders (3380), 4,110 cylinders (3390),\n"
        "      4,096 blocks (9336) and 8,192 blocks (FB-512): 3,513,869,856 bytes (3.51 GB); 3 without a size\n"
        "      in bytes\n"
        "    APPSFULL: 11 minidisks, 20 cylinders (3380), 4,110 cylinders (3390), 4,096 blocks (9336) and\n"
        "      8,192 blocks (FB-512): 3,513,869,856 bytes (3.51 GB); 3 without a size in bytes\n"
        "    SYSIN1: backs up only z/VM's own IDs: FTPSERVE 0191, TCPIP 0191 (left out of the counts)\n"
        "    APPSINC: 3 minidisks, 110 cylinders (3390): 93,495,600 bytes (93.5 MB)\n"
        "    SYSME1: backs up only z/VM's own IDs: FTPSERVE 0191, TCPIP 0191 (left out of the counts)\n"
        "    without a size in bytes: CAPTEST 0201 (DEVNO), CAPTEST 0202 (END),\n"
        "      CAPTEST 0207 (9345, unknown geometry)\n"
    )


def test_each_example_s_totals_are_the_sum_of_its_csv_rows(at_root):
    """Independently of `member_capacity`: from the CSV's rows (one per minidisk, its
    bytes and the jobs that back it up), each job's bytes and minidisks are the sum
    of the rows it backs up, and each member's the sum of the rows any of its jobs do."""
    for bkr, direct in (("examples/prodssi.bkr", "examples/prodssi.direct"), ("examples/bank.bkr", "examples/bank.direct")):
        rows = list(csv.DictReader(io.StringIO(show(bkr, direct, "csv"))))
        data = json.loads(show(bkr, direct, "json"))
        for m in data["members"]:
            mine = [
                r for r in rows if r["member"] in ("", m["name"]) and r["status"] == "backed-up" and r["class"] == "guest"
            ]
            every = [r for r in mine if any(j.endswith("@" + m["name"]) for j in r["jobs"].split())]
            capacity = m["coverage"]["capacity"]
            assert (capacity["minidisks"], capacity["bytes"]) == (len(every), sum(int(r["bytes"] or 0) for r in every))
            for job in capacity["jobs"]:
                its = [r for r in mine if f"{job['name']}@{m['name']}" in r["jobs"].split()]
                assert (job["minidisks"], job["bytes"]) == (len(its), sum(int(r["bytes"] or 0) for r in its))
            assert capacity["bytes"] <= sum(j["bytes"] for j in capacity["jobs"])


_DISK = st.tuples(
    st.sampled_from([BACKED_UP, EXCLUDED, NOT_SELECTED]),
    st.lists(st.tuples(st.sampled_from("ABC"), st.sampled_from(["M1", "M2"])), max_size=3, unique=True),
    st.sampled_from(["3390", "FB-512", "3380", "9336", "9345"]),
    st.one_of(st.none(), st.integers(0, 10**6)),
)


def _disk(address: int, spec) -> MinidiskCoverage:
    status, jobs, devtype, size = spec
    unit, per = GEOMETRY.get(devtype, (None, None))
    sized = size is not None and per is not None
    return MinidiskCoverage(
        f"{address:04X}",
        status,
        tuple(JobOnMember(name, m) for name, m in jobs) if status != NOT_SELECTED else (),
        devtype=devtype,
        size=size,
        bytes=size * per if sized else None,
        unsized=None if sized else (UNSIZED_END if size is None else UNSIZED_DEVTYPE),
        unit=unit if sized else None,
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_DISK, max_size=4), max_size=5))
def test_member_capacity_is_an_independent_sum(users):
    """For random coverages: a job's bytes are the sum over the minidisks whose
    backed-up jobs name it on the member; the member's, over the set of those any of
    its jobs back up, each once, never more than the jobs' sum."""
    coverage = [
        UserCoverage(f"U{i}", "USER", BACKED_UP, (), tuple(_disk(a, spec) for a, spec in enumerate(disks)))
        for i, disks in enumerate(users)
    ]
    found = member_capacity("M1", coverage, ["A", "B", "C"])
    backed = {(u.user, d.address): d for u in coverage for d in u.minidisks if d.status == BACKED_UP}
    for name, c in found.jobs:
        its = [d for d in backed.values() if JobOnMember(name, "M1") in d.jobs]
        assert c.minidisks == len(its)
        assert c.bytes == sum(d.size * GEOMETRY[d.devtype][1] for d in its if d.bytes is not None)
        assert c.cylinders == sum(d.size for d in its if d.devtype == "3390" and d.size is not None)
        assert c.blocks == sum(d.size for d in its if d.devtype == "FB-512" and d.size is not None)
        # each device type with a size in bytes once, its count and bytes its minidisks'
        for devtype, unit, count, size in c.units:
            sized = [d for d in its if d.devtype == devtype and d.bytes is not None]
            assert (unit, count, size) == (GEOMETRY[devtype][0], sum(d.size for d in sized), sum(d.bytes for d in sized))
        assert sum(size for *_, size in c.units) == c.bytes
        assert len(c.unsized) == sum(d.bytes is None for d in its)
    every = {key for key, d in backed.items() if any(j.member == "M1" for j in d.jobs)}
    assert found.total.minidisks == len(every)
    assert found.total.bytes == sum(backed[key].bytes or 0 for key in every)
    assert found.total.bytes <= sum(c.bytes for _, c in found.jobs)
    assert len(found.total.unsized) == sum(backed[key].bytes is None for key in every)


def test_against_says_how_the_size_backed_up_changes(at_root, tmp_path):
    """LNXDB01 taken out of group LINUX: its 0100 (3,338 cylinders) and 0191 (10) are
    backed up no more, 3,348 cylinders' bytes less, as the CSV counts the cluster."""
    path = tmp_path / "site.bkr"
    old = "LNXWEB01 LNXWEB02 LNXDB01 "
    bkr = (EXAMPLES / "prodssi.bkr").read_text()
    assert bkr.count(old) == 1
    path.write_text(bkr.replace(old, "LNXWEB01 LNXWEB02 "))
    args = ["show", str(path), "--against", "examples/prodssi.bkr", "--directory", "examples/prodssi.direct"]
    rows = list(csv.DictReader(io.StringIO(show("examples/prodssi.bkr", "examples/prodssi.direct", "csv"))))
    before = sum(int(r["bytes"] or 0) for r in rows if r["status"] == "backed-up" and r["class"] == "guest")
    after = before - (3338 + 10) * CYLINDER
    coverage = json.loads(run_cli([*args, "--format", "json"], expect=0).stdout)["cluster"]["coverage"]
    assert coverage["bytes_backed_up"] == {"old": before, "new": after}
    out = " ".join(run_cli(args, expect=0).stdout.split())
    assert f"their allocated size {after:,} bytes now, {before:,} before (2.85 GB less)" in out
    same = json.loads(run_cli([*args[:2], "--against", str(path), *args[4:], "--format", "json"], expect=0).stdout)
    assert same["cluster"]["coverage"]["bytes_backed_up"] == {"old": after, "new": after}
