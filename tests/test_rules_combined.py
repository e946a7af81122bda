"""Files with several mistakes at once, some of them in imported modules.

Each scenario is a cluster file and the modules it imports, with the mistakes
it holds: every one must be reported exactly once, in one run, at its place
in the file where the mistake is (a module's mistake in the module, never in
the standard library), and with no follow-on diagnostic. The same diagnostics
must carry the same places and related notes in the text (short), JSON and
SARIF formats.
"""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

BACKUP_MANAGER = "import std/backup-manager\n"

SCENARIOS = {
    # A module that declares a second administrator: the error is in the module,
    # with the standard library's BKRADMIN as the note (it was reported at the
    # standard library's line, which no one can edit).
    "admin-in-module": (
        {
            "main.bkr": BACKUP_MANAGER
            + """import ./site/admins

cluster PRODSSI {
  member VM1 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VM1 { purge weekly sun 06:00  retain 30 days }
  single group APPS { LINUX01 }
  job APPSFULL { backup APPS full  include minidisk * *  to disk  run on VM1 daily 01:00 }
}
""",
            "site/admins.bkr": "single user SITEADM role admin\n",
        },
        [("site/admins.bkr", 1, "BKR206")],
    ),
    # Three mistakes: the shared catalog purged from two members, a purge that
    # starts with a backup, and a job of IDENTITY users pinned to one member. The
    # second purge is BKR211's, not a second BKR403; the member the pinned job
    # leaves out is BKR221's, not a BKR401.
    "purges-and-pinned-job": (
        {
            "main.bkr": BACKUP_MANAGER
            + """cluster PRODSSI {
  member VM1 { workers 2 }
  member VM2 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VM1, VM2 { purge weekly sun 03:00  retain 30 days }
  identity group SYSIDS { TCPIP RSCS }
  job SYSIN { backup SYSIDS incremental  include minidisk * *  to disk  run on VM1 daily 03:00 }
}
""",
        },
        [("main.bkr", 6, "BKR211"), ("main.bkr", 6, "BKR403"), ("main.bkr", 8, "BKR221")],
    ),
    # The shared catalog purged from two members, its server's member second: BKR211
    # is at the other member's block, the one to remove, and BKR403 looks at the
    # purge BKR211 keeps, on the server's member, which starts with a backup.
    "purges-kept-on-the-catalogs-member": (
        {
            "main.bkr": BACKUP_MANAGER
            + """cluster PRODSSI {
  member VM1 { workers 2 }
  member VM2 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL on VM2
  expire on VM1 { purge weekly sun 03:00  retain 30 days }
  expire on VM2 { purge weekly sun 03:00  retain 30 days }
  identity group SYSIDS { TCPIP RSCS }
  job SYSIN { backup SYSIDS incremental  include minidisk * *  to disk  run on each member daily 03:00 }
}
""",
        },
        [("main.bkr", 6, "BKR211"), ("main.bkr", 7, "BKR403")],
    ),
    # A local catalog with a single-configuration server declared in a module, a
    # member that previews without purging, and a job whose one include names no
    # user of the job; the module also holds a user ID CP refuses. The preview is
    # BKR218 alone (not also BKR214), the include a note of BKR116 (not a BKR406).
    "local-catalog-across-modules": (
        {
            "main.bkr": BACKUP_MANAGER
            + """import ./site/more

cluster PRODSSI {
  member VM1 { workers 2 }
  member VM2 { workers 2 }
  catalog local server BKRSVSFS pool BKRPOOL
  expire on VM1 { purge weekly sun 03:00  retain 30 days }
  expire on VM2 { preview daily 01:00 }
  identity group SYSIDS { TCPIP }
  job SYSIN { backup SYSIDS incremental  include minidisk * *  to disk  run on each member daily 05:00 }
  job APPFULL { backup APPS full  include minidisk APP* 0191  to disk  run on VM1 daily 06:00 }
}
""",
            "site/more.bkr": "single group APPS { LINUX01 LINUX.02 }\nsingle user BKRSVSFS\n",
        },
        [
            ("main.bkr", 7, "BKR202"),
            ("main.bkr", 9, "BKR218"),
            ("main.bkr", 12, "BKR116"),
            ("site/more.bkr", 1, "BKR301"),
        ],
    ),
    # One member and one group misspelt, each at two places; a job for a group
    # that is still empty, with no include: three mistakes, three errors.
    "misspelt-twice-and-empty-group": (
        {
            "main.bkr": BACKUP_MANAGER
            + """import ./site/groups

cluster PRODSSI {
  member VMSYS1 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS01
  expire on VMSYS01 { purge weekly sun 03:00  retain 30 days }
  job GSTFULL { backup GUESTZ full  include minidisk * *  to disk  run on VMSYS1 weekly sun 02:00 }
  job GSTINC { backup GUESTZ incremental  include minidisk * *  to disk  run on VMSYS1 daily 04:00 }
  job LATERFUL { backup LATER full  to disk  run on VMSYS1 daily 05:00 }
}
""",
            "site/groups.bkr": "single group GUESTS { LINUX01 }\nsingle group LATER { }\n",
        },
        [("main.bkr", 6, "BKR330"), ("main.bkr", 8, "BKR331"), ("main.bkr", 10, "BKR116")],
    ),
    # Tape: the catalog node on a member the cluster does not have, the request
    # nodes under the catalog node's own name, and a disk for a DMM the
    # statement never names; two jobs write to tape. Three mistakes, three
    # errors: nothing more about the nodes, and no BKR230 for the jobs.
    "tape-nodes": (
        {
            "main.bkr": BACKUP_MANAGER
            + """cluster PRODSSI {
  member VM1 { workers 2 }
  member VM2 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VM1 { purge weekly sun 06:00  retain 30 days }
  tape manager shared catalog-node TCTMM on VM3 request-node TCTMM
  identity group SYSIDS { TCPIP }
  disk TCDMM 191 size 5 cyl
  job SYSIN { backup SYSIDS incremental  include minidisk * *  to tape  run on each member daily 05:00 }
  job SYSFU { backup SYSIDS full  include minidisk * *  to tape  run on each member weekly sun 01:00 }
}
""",
        },
        [("main.bkr", 7, "BKR330"), ("main.bkr", 7, "BKR232"), ("main.bkr", 9, "BKR332")],
    ),
    # The catalog's own SFS server and the Tape Manager catalog node declared
    # identity, each with its disks placed on the shared volume, as the site's
    # directory has them: the kind is the one mistake of each (BKR202, BKR231),
    # not BKR244 at each `on VMCOM1` too, whose help (write the disk without `on VMCOM1`)
    # would drop the extents the disks are given.
    "machines-declared-identity": (
        {
            "main.bkr": BACKUP_MANAGER
            + """identity user CATSFS, TCTMM
cluster PRODSSI {
  member VM1 { workers 2  private-volume M1PRV1 }
  member VM2 { workers 2  private-volume M2PRV1 }
  shared-volume VMCOM1
  catalog shared server CATSFS pool BKRPOOL on VM1
  expire on VM1 { purge weekly sun 06:00  retain 30 days }
  tape manager shared catalog-node TCTMM on VM1 request-node TRTMM
  disk BKRBKUP 191 size 10 cyl
  disk BKRCATLG 191 size 10 cyl
  disk BKRWRK* 191 size 5 cyl
  disk BKRADMIN 191 size 10 cyl
  disk 5697J06C 191 size 10 cyl
  disk TRTMM 191 size 10 cyl
  disk CATSFS 191 size 20 cyl on VMCOM1 at 1
  disk CATSFS 301 size 200 cyl on VMCOM1 at 21
  disk TCTMM 191 size 10 cyl on VMCOM1 at 221
  identity group SYSIDS { TCPIP }
  job SYSIN { backup SYSIDS incremental  include minidisk * *  to tape  run on each member daily 05:00 }
}
""",
        },
        [("main.bkr", 7, "BKR202"), ("main.bkr", 9, "BKR231")],
    ),
    # One catalog per member, purged on VM1 and on a misspelt VM2, and a purge
    # that starts with a backup. The misspelt member is BKR330 alone: VM2 is the
    # member meant, not a member whose catalog is never purged (BKR214).
    "local-catalog-expiry": (
        {
            "main.bkr": BACKUP_MANAGER
            + """cluster PRODSSI {
  member VM1 { workers 2 }
  member VM2 { workers 2 }
  catalog local server BKRSVSFS pool BKRPOOL
  expire on VM1 { purge weekly sun 03:00  retain 30 days }
  expire on VM02 { purge weekly sun 04:00  retain 30 days  preview daily 01:00 }
  identity group SYSIDS { TCPIP }
  job SYSIN { backup SYSIDS incremental  include minidisk * *  to disk  run on each member daily 03:00 }
}
""",
        },
        [("main.bkr", 6, "BKR403"), ("main.bkr", 7, "BKR330")],
    ),
    # Member excludes: VM1's removes everything both of its single-configuration
    # jobs include (one error at that exclude, naming the jobs, not one per job);
    # VM2's holds an address CP refuses; VM3's reaches SYSIN's TCPIP, whose
    # copies carry no member's excludes (SSI rule 6).
    "member-excludes": (
        {
            "main.bkr": BACKUP_MANAGER
            + """cluster PRODSSI {
  member VM1 { workers 2  exclude minidisk L* 0100-0FFF }
  member VM2 { workers 2  exclude minidisk LNX* 019G }
  member VM3 { workers 2  exclude minidisk TCPIP 0192 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VM1 { purge weekly sun 06:00  retain 30 days }
  single group APPS { LINUX01 }
  single group WEB { LNXWEB01 }
  identity group SYSIDS { TCPIP }
  job APPFULL { backup APPS full  include minidisk * 0191  to disk  run on VM1 daily 01:00 }
  job WEBFULL { backup WEB full  include minidisk * 0191  to disk  run on VM1 daily 02:00 }
  job SYSIN { backup SYSIDS incremental  include minidisk * 0191  to disk  run on each member daily 05:00 }
}
""",
        },
        [("main.bkr", 3, "BKR407"), ("main.bkr", 4, "BKR310"), ("main.bkr", 5, "BKR414")],
    ),
    # Jobs of groups from two modules: a user of one module's group that the
    # other module's pattern matches, backed up from two members; an IDENTITY
    # user in two groups of one job that another job backs up at the same level;
    # and a pattern in one module that matches an IDENTITY user of the other.
    "jobs-across-modules": (
        {
            "main.bkr": BACKUP_MANAGER
            + """import ./site/linux
import ./site/apps

cluster PRODSSI {
  member VM1 { workers 2 }
  member VM2 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VM1 { purge weekly sun 06:00  retain 30 days }
  identity group SYSIDS { TCPIP }
  job LNXFULL { backup LINUX full  include minidisk * *  to disk  run on VM1 daily 01:00 }
  job APPFULL { backup APPS full  include minidisk * *  to disk  run on VM2 daily 02:00 }
  job SYSIN { backup SYSIDS incremental  include minidisk * *  to disk  run on each member daily 03:00 }
  job SYSWK { backup SYSIDS, OPS incremental  include minidisk * *  to disk  run on each member weekly sun 04:00 }
}
""",
            "site/linux.bkr": "single group LINUX { match LNX* }\n",
            "site/apps.bkr": "single group APPS { LNX01 APP01 }\nidentity user LNXMON\nidentity group OPS { TCPIP OPERATOR }\n",
        },
        [("main.bkr", 12, "BKR411"), ("main.bkr", 14, "BKR410"), ("site/linux.bkr", 1, "BKR204")],
    ),
}


def _write(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "main.bkr"


def _json(main, monkeypatch):
    monkeypatch.chdir(main.parent)
    return json.loads(run_cli(["check", "--format", "json", main.name], expect=1).stdout)


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_mistake_once_where_it_is(name, tmp_path, monkeypatch):
    files, expected = SCENARIOS[name]
    main = _write(tmp_path, files)
    report = _json(main, monkeypatch)
    got = sorted((d["file"], d["line"], d["code"]) for d in report["diagnostics"])
    assert got == sorted(expected), json.dumps(report, indent=1)
    for d in report["diagnostics"]:
        assert not d["file"].startswith("std/"), d


def test_several_purges_keep_the_one_on_the_catalogs_member(tmp_path, monkeypatch):
    main = _write(tmp_path, SCENARIOS["purges-kept-on-the-catalogs-member"][0])
    (several,) = [d for d in _json(main, monkeypatch)["diagnostics"] if d["code"] == "BKR211"]
    assert several["help"] == "purge on `VM2` alone, where the catalog's server runs: remove the block `expire on VM1` (line 6)"
    assert [r["message"] for r in several["related"]] == ["purges on `VM2` here"]


def test_a_second_administrator_in_a_module_is_reported_in_the_module(tmp_path, monkeypatch):
    main = _write(tmp_path, SCENARIOS["admin-in-module"][0])
    (d,) = _json(main, monkeypatch)["diagnostics"]
    assert (d["file"], d["line"], d["column"]) == ("site/admins.bkr", 1, 13)
    assert "`SITEADM` is declared the administrator, but `BKRADMIN` already is" in d["message"]
    assert [(r["file"], r["message"]) for r in d["related"]] == [
        ("std/backup-manager.bkr", "the administrator declared here"),
        ("main.bkr", "site/admins.bkr is imported here"),
    ]


def test_a_user_two_groups_of_a_job_bring_is_reported_at_the_first(tmp_path, monkeypatch):
    # SYSWK backs up `SYSIDS, OPS`; TCPIP is in both, and SYSIN backs SYSIDS up
    # too. The warning points at `SYSIDS`, the group its help names, not at `OPS`.
    main = _write(tmp_path, SCENARIOS["jobs-across-modules"][0])
    (d,) = [d for d in _json(main, monkeypatch)["diagnostics"] if d["code"] == "BKR410"]
    assert (d["line"], d["column"], d["end_column"]) == (14, 22, 28)
    # SYSIN backs SYSIDS up alone: SYSIDS stays there, out of SYSWK (stop 81: "in one of
    # the two jobs only", taken out of SYSIN, left it no `backup`, BKR112)
    assert "back up `SYSIDS` in SYSIN only: take it out of SYSWK's `backup` (line 14); or, if `SYSWK` was to take the full" in d["help"]


def _sarif_places(report: dict) -> list[tuple]:
    out = []
    for result in report["runs"][0]["results"]:
        loc = result["locations"][0]["physicalLocation"]
        related = tuple(
            (
                r["physicalLocation"]["artifactLocation"]["uri"],
                r["physicalLocation"]["region"]["startLine"],
                r["physicalLocation"]["region"]["startColumn"],
                r["message"]["text"],
            )
            for r in result.get("relatedLocations", [])
        )
        region = loc["region"]
        uri = loc["artifactLocation"]["uri"]
        out.append((result["ruleId"], uri, region["startLine"], region["startColumn"], related))
    return out


@pytest.mark.parametrize("name", SCENARIOS)
def test_text_json_and_sarif_give_the_same_places_and_notes(name, tmp_path, monkeypatch):
    main = _write(tmp_path, SCENARIOS[name][0])
    report = _json(main, monkeypatch)
    from_json = [
        (
            d["code"],
            d["file"],
            d["line"],
            d["column"],
            tuple((r["file"], r["line"], r["column"], r["message"]) for r in d["related"]),
        )
        for d in report["diagnostics"]
    ]
    sarif = json.loads(run_cli(["check", "--format", "sarif", main.name], expect=1).stdout)
    assert _sarif_places(sarif) == from_json
    short = run_cli(["check", "--format", "short", main.name], expect=1).stdout.splitlines()
    assert [line.split(": ")[0] for line in short] == [f"{f}:{ln}:{col}" for _, f, ln, col, _ in from_json]


def test_bkr401_s_help_does_not_say_to_run_on_each_member_a_job_pinned_by_bkr221_s_exception():
    """A job of IDENTITY users that runs on one member by BKR221's exception (here its
    shared file pool's directories, BKR226; with `--directory`, global minidisks, BKR530)
    and no job on each member: BKR401's help for the other member does not say to run
    the IDENTITY users' jobs on each member, which would make that job BKR226's error.
    It used to."""
    text = BACKUP_MANAGER + """cluster PRODSSI {
  member VMSYS1 { workers 2 }
  member VMSYS2 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
  identity group SYSIDS { TCPIP }
  job SYSFU { backup SYSIDS full  include sfs BKRPOOL:*.*  to disk  run on VMSYS1 daily 02:00 }
}
"""
    from bkrdsl.pipeline import analyse

    (d,) = analyse("main.bkr", text.encode()).diagnostics
    assert d.code == "BKR401" and "`VMSYS2`" in d.message
    assert "on each member" not in d.help.split(";")[0] and "job `SYSFU` runs on one member" in d.help
    # With a job of IDENTITY users on each member too, every member has one: no BKR401.
    each = text.replace("run on VMSYS1 daily 02:00 }", "run on VMSYS1 daily 02:00 }\n  job X { backup SYSIDS full"
                        "  include minidisk * 0191  to disk  run on each member daily 04:00 }")
    assert all(d.code != "BKR401" for d in analyse("main.bkr", each.encode()).diagnostics)
