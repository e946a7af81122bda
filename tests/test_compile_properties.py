"""Property: every cluster the checker passes compiles, and every file obeys the CMS rules.

Hypothesis assembles clusters from the language's parts (members with
workers, volumes, job suffixes and excludes; the standard library's machines
or a renamed set, with or without an administrator; shared or local
catalogs and expiry (now and then split over several blocks, and now and then on a
list of members); groups, jobs with any selections, schedules and
description text, run now and then on a list of members; disks; no, local or shared Tape Manager, with or without
Device Manager Machines; now and then a catalog server or Tape Manager node
named like another machine); whenever the checker reports no error, the
emitters must produce files (never an exception) that pass every CMS rule,
identically twice, job templates that each select something, CP directory
entries whose USER, IDENTITY and SUBCONFIG
IDs are all distinct and distinct from every other user the cluster
declares, and one machine per role: no two roles sharing an ID. Read off the
files, too, SSI rules 5 and 6: a single-configuration job's templates are on one
member (from two it backs the same data up twice), an IDENTITY job has one on
every member, and a shared catalog is purged from one member only. Another order
of the jobs, group entries, disks and declarations finds the same diagnostics
and writes the same lines; on disk, the `--dry-run` plan is what the compile
does, the manifest holds each file's sha256, and `--check` sees any byte changed.
Stop 81 added what the generator did not draw: `exclude sfs` in member blocks and
jobs, the catalog's `logon-wait` and `pool-wait`, the cluster's and members'
descriptions, `to tape pool`; read off the files, each `exclude sfs` is an EXCLUDE
SFS record of exactly the templates it belongs to, each output record is its job's
`to` line, a job's description is BKRSUBMT's text for it as written, and the other
descriptions change no file (the waits are read under Regina:
tests/test_regina_properties.py). A cluster whose groups (and some users) are moved
into a module of the site's own, `site/common.bkr`, finds the same problems and
compiles to the same files, byte for byte.
Stop 82 added a member's `subconfig MACHINE NAME` (now and then a name the checker must
refuse: another instance's, a user's, a reserved form, a machine the member does not
run); read off the directory of a clean cluster, each name given is the SUBCONFIG its
IDENTITY is built with on that member, the ID of a SUBCONFIG entry in a file of its own
name, and bkrc's derived name for that instance is in no file; with the member blocks
in another order (the members numbered anew) the given names stay, the derived follow.
Stop 83 lets the statements name the other IDENTITY machines too, a local catalog's SFS
server and the shared Tape Manager's request node and its DMM (drawn before the member
blocks for that; now and then one the member does not run, BKR340); read off the files,
the cluster without its statements writes every file but the directory's alike, and a
request node's node definitions still name its machine.
A second generator (`named_clusters`) draws member and job names of any CP
characters, any schedule and any description: their files keep the CMS rules too.
A third (`overlapping_jobs`) draws jobs of groups that share users now and then,
with minidisk includes and excludes that now meet and now do not: whenever two
templates of one member and one level both select a user's minidisk (read from
their records, the member's own excludes included), the checker has warned
(BKR405, BKR410) when the two jobs may run on one day (a job for the 1st and one
for the 15th are one backup split over days); and an IDENTITY job's copies carry the same records on every
member but for the member's own excludes, which every job of that member carries.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import json
import random
import re
import tempfile
from collections import Counter
from pathlib import Path

from conftest import EXAMPLES, run_cli
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bkrdsl.check.names import reserved_id_problem
from bkrdsl.dialect import load_dialect
from bkrdsl.emit.artifacts import cms_problems, emit_all
from bkrdsl.pipeline import analyse, compile_source
from bkrdsl.resolve.model import pattern_regex, subconfig_id
from bkrdsl.resolve.patterns import shared_id
from bkrdsl.syntax.parser import parser
from bkrdsl.syntax.recovery import grammar_facts

MEMBER_NAMES = ["VMSYS1", "M2", "SYS3", "A4", "Z"]
USERS = ["LNX01", "LNX02", "APP01", "$DB1", "WEB#2"]
#: Users whose IDs are SUBCONFIG names bkrc derives (BKRBKUP on member 2, a local
#: catalog's BKRSVSFS on member 1, the request node TRTMM and its DMM TRDMM on member 2).
CLASHING = ["BKRBUP-2", "BKRSFS-1", "TRTMM-2", "TRDMM-2"]
#: The Device Manager Machines a tape manager statement may name (none, one or both).
DMMS = ["", " catalog-dmm TCDMM", " request-dmm TRDMM", " catalog-dmm TCDMM request-dmm TRDMM"]
OWNERS = ["*", "LNX01", "LNX*", "$DB1", "APP*"]
ITEMS = ["*", "191", "0191", "0100-0FFF", "1A0-1AF"]
#: SFS excludes of a member block (added to its single-configuration jobs only) and the
#: single-configuration job's own SFS selections, now and then an exclude alone (BKR413 warns).
MEMBER_SFS = ["BKRPOOL:LNX01.SECRET", "BKRPOOL:*.TEMP", "VMSYS:TCPIP.LOGS"]
GUEST_SFS = [
    [], [], ["include sfs BKRPOOL:LNX*.*", "exclude sfs BKRPOOL:LNX02.*"],
    ["include sfs BKRPOOL:LNX*.*", "exclude sfs BKRPOOL:*.TEMP BKRPOOL:LNX01.OLD"], ["exclude sfs BKRPOOL:LNX02.*"],
]
#: BKRSTART's waits for the catalog's server to log on (every 2 seconds) and for its pool to
#: serve (every 5): short ones, as the Regina property lets each run out, one try at a time.
LOGON_WAITS = ["4 seconds", "10 secs", "1 min", "2 sec"]
POOL_WAITS = ["5 seconds", "20 sec", "1 minute", "10 secs"]


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
#: The catalog server of each set of MACHINES (its role declaration, or the standard library's).
CATALOG_SERVERS = {"BKRBKUP": "BKRCATLG", "BKRBK2": "BKRCAT2"}
#: A SUBCONFIG name a site's directory gives an instance (`subconfig MACHINE NAME`, stop 82):
#: 1 to 8 of CP's characters in any case, `_` and `-` too, keywords as well (CP takes
#: `DAILY`), never first a `#` (a comment in .bkr) or a `-`, and no form CP reserves
#: (LOGNxxxx, SYSTEM: BKR309).
SUBCONFIG_NAMES = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@#$_-", min_size=1, max_size=8
).filter(lambda n: n[0] not in "#-" and reserved_id_problem(n.upper()) is None)


def _subconfig_statements(
    draw, machines: list[str], others: list[str], absent: list[str], ordinal: int, ordinals: int, given: list[str]
) -> list[str]:
    """One or two `subconfig` statements for a member numbered `ordinal` (of `ordinals`)
    whose IDENTITY product machines are `machines` (Backup Manager's) and `others` (a
    local catalog's SFS server, the shared Tape Manager's request node and its DMM: half
    the time one of these is named, when the member runs one), the machine in any
    case: mostly a fresh name, unique in the cluster (`given`, the names given so far,
    grows); now and then one the checker must refuse: another instance's name (bkrc's
    own for the machine on another member, or one given already), a user's ID, the
    machine's own ID, a reserved form (BKR242, BKR309), or a machine this member does
    not run (BKR340): one of `absent` (a single-configuration SFS server, the request
    node on the catalog node's member or in a cluster without it), or a worker beyond
    every member's count."""
    out = []
    pool = others if others and draw(st.booleans()) else machines + others
    for machine in draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2, unique=True)):
        name = draw(SUBCONFIG_NAMES.filter(lambda n: n.upper() not in given))
        if draw(st.sampled_from([False] * 9 + [True])):
            others_ = [subconfig_id(machine, n) for n in range(1, ordinals + 1) if n != ordinal]
            name = draw(st.sampled_from(others_ + given + ["LNX01", "TCPIP", machine, "LOGN0001"]))
            if draw(st.booleans()):
                machine = draw(st.sampled_from(["BKRWRK13", *absent]))  # no member has 13 workers (BKR340)
        given.append(name.upper())
        out.append(f"subconfig {draw(st.sampled_from([machine, machine.lower()]))} {name}")
    return out


def _member_list(draw, members: list[str], first: str | None = None) -> str:
    """A `run on` or `expire on` list (`VMSYS1, M2` or `VMSYS1,M2`): `first`, then one or
    more of `members` (it again now and then, BKR115 or BKR416), or, without `first`,
    the members in any order, mostly all of them (`each member` written out), else some."""
    if first is None:
        every = draw(st.sampled_from([True] * 3 + [False]))
        names = draw(st.permutations(members))[: len(members) if every else draw(st.integers(1, len(members)))]
    else:
        others = [m for m in members if m != first]
        again = not others or draw(st.sampled_from([False] * 3 + [True]))
        more = st.lists(st.sampled_from(others), min_size=0 if again else 1, max_size=2, unique=True) if others else []
        names = [first] + ([first] if again else []) + (draw(more) if others else [])
    return draw(st.sampled_from([", ", ","])).join(names)


@st.composite
def clusters(draw, named: bool = False) -> str:
    """A cluster of the language's parts (the module's docstring); `named`: of two or more
    members, with a `subconfig` statement in one member's block at least."""
    members = draw(st.lists(st.sampled_from(MEMBER_NAMES), min_size=2 if named else 1, max_size=4, unique=True))
    private = draw(st.booleans())
    backup_server, worker_pattern, declarations = draw(st.sampled_from(MACHINES))
    suffixes = draw(
        st.lists(st.sampled_from("ABCDEFGH"), min_size=len(members), max_size=len(members), unique=True)
    )
    lines = declarations + ["import std/zvm73", "cluster PROP {"]
    if draw(st.sampled_from([False, False, True])):  # the cluster's own: in no generated file either
        lines.append(f"  description {_description(draw(st.text(max_size=60)))}")
    # The catalog's kind and SFS server and the Tape Manager's nodes, drawn before the member
    # blocks: a member's `subconfig` statements may name a local catalog's SFS server and the
    # request node (and its DMM) on the members they run on.
    catalog_shared = draw(st.booleans())
    # Now and then a machine the cluster names takes another machine's name (the checker must refuse it).
    sfs = draw(
        st.sampled_from(["BKRSVSFS"] * 6 + [backup_server, "BKRADMIN", "5697J06C", "TCTMM", "BKRWRK01"])
    )
    tape = draw(st.sampled_from(["", "shared", "local"]))
    dmms = draw(st.sampled_from(DMMS)) if tape == "shared" else ""
    node = draw(st.sampled_from(["TCTMM"] * 6 + ["BKRADMIN", sfs, "BKRCATLG", "TRTMM"])) if tape == "shared" else ""
    given: list[str] = []  # the SUBCONFIG names `subconfig` statements give
    named_on = draw(st.integers(0, len(members) - 1)) if named else None
    for n, m in enumerate(members):
        workers = draw(st.integers(1, 12))
        settings_ = [f"workers {workers}"]
        if private:
            settings_.append(f"private-volume PV{n}")
        if draw(st.booleans()):
            settings_.append(f"job-suffix {suffixes[n]}")
        if draw(st.booleans()):
            settings_.append(f"exclude minidisk * {draw(st.sampled_from(ITEMS[1:]))}")
        if draw(st.sampled_from([False, False, True])):  # into this member's single-configuration jobs only
            settings_.append(f"exclude sfs {draw(st.sampled_from(MEMBER_SFS))}")
        if draw(st.sampled_from([False, False, True])):  # for the reader of the file: in no generated file
            settings_.append(f"description {_description(draw(st.text(max_size=40)))}")
        # Now and then the site's own names for this member's instances (stop 82): the compile
        # writes them for these, and bkrc's (ID-n) for the others.
        if n == named_on or draw(st.sampled_from([False, False, False, True])):
            machines = [backup_server, CATALOG_SERVERS[backup_server]]
            machines += [worker_pattern.replace("*", f"{k:02d}") for k in range(1, workers + 1)]
            # A local catalog's SFS server is an IDENTITY on every member (a shared one a USER);
            # the request node (and its DMM) runs on every member but the catalog node's.
            others = ["BKRSVSFS"] if not catalog_shared and sfs == "BKRSVSFS" else []
            if tape == "shared" and m != members[-1]:
                others += ["TRTMM"] + (["TRDMM"] if "request-dmm" in dmms else [])
            absent = [a for a in ("BKRSVSFS", "TRTMM", "TRDMM") if a not in others]
            settings_[1:1] = _subconfig_statements(draw, machines, others, absent, n + 1, len(members), given)
        lines.append(f"  member {m} {{ {'  '.join(settings_)} }}")
    shared = draw(st.booleans())
    if shared:
        lines.append("  shared-volume SHR001")
    expire = "{ preview daily 01:00  purge weekly sun 03:00  retain 30 days }"
    # Now and then the purging member's expiry is split over blocks: the purge in
    # one, a preview in one or two others (BKREXPIR must carry all of them).
    previews = draw(st.lists(st.sampled_from(SCHEDULES), max_size=2))
    if previews:
        expire = "{ purge weekly sun 03:00  retain 30 days }"
    # Now and then the expiry runs on a list of members, or on each member: a shared
    # catalog purged from two members is purged twice (BKR211).
    listed = draw(st.sampled_from([False, False, True]))
    # Now and then BKRSTART waits longer (or shorter) than its defaults for the server
    # to log on and for its pool to serve.
    waits = "".join(
        f" {which} {draw(st.sampled_from(amounts))}"
        for which, amounts in (("logon-wait", LOGON_WAITS), ("pool-wait", POOL_WAITS))
        if draw(st.sampled_from([False, False, True]))
    )
    if catalog_shared:
        if sfs == "BKRSVSFS":
            lines.append("  single user BKRSVSFS")
        lines.append(f"  catalog shared server {sfs} pool BKRPOOL on {members[0]}{waits}")
        where = draw(st.sampled_from([_member_list(draw, members, members[0]), "each member"])) if listed else members[0]
    else:  # one catalog per member: the SFS server is an IDENTITY with a SUBCONFIG per member
        lines.append(f"  catalog local server {sfs} pool BKRPOOL{waits}")
        where = _member_list(draw, members) if listed else draw(st.sampled_from(["each member", members[0]]))
    lines.append(f"  expire on {where} {expire}")
    lines += [f"  expire on {where} {{ preview {schedule} }}" for schedule in previews]
    if tape == "shared":
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
    target = draw(st.sampled_from(["to tape", "to tape pool TPOOL1"])) if tape == "shared" and draw(st.booleans()) \
        else "to disk pool BKUPPOOL"
    owner, item = draw(st.sampled_from(OWNERS)), draw(st.sampled_from(ITEMS))
    home = draw(st.sampled_from(members))
    # Now and then the single-configuration job runs on a list of members (from two it
    # backs the same data up twice, BKR220), and the IDENTITY job on a list for `each
    # member`: every member in any order, or only some (their instances elsewhere
    # never backed up, BKR221).
    runs_on = _member_list(draw, members, home) if draw(st.sampled_from([False] * 4 + [True])) else home
    each = _member_list(draw, members) if draw(st.sampled_from([False, False, True])) else "each member"
    lines += [
        "  job GUESTS1 {",
        f"    description {_description(draw(st.text(max_size=120)))}",
        "    backup GUESTS full",
        f"    include minidisk {owner} {item}",
        f"    exclude minidisk * {draw(st.sampled_from(ITEMS[1:]))}",
        *[f"    {selection}" for selection in draw(st.sampled_from(GUEST_SFS))],
        f"    {target}",
        f"    run on {runs_on} {draw(st.sampled_from(SCHEDULES))}",
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
        *(["    exclude sfs VMSYS:TCPIP.LOGS"] if draw(st.booleans()) else []),
        "    to disk pool BKUPPOOL",
        f"    run on {each} {draw(st.sampled_from(SCHEDULES))}",
        "  }",
        "}",
    ]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ any names, any schedules
KEYWORDS = frozenset(k.upper() for k in grammar_facts(parser()).keywords) | {"EACH"}
#: A CP name: 1 to 8 of A-Z 0-9 $ # @, in any case (names are normalised to upper case),
#: not a keyword and not starting with `#` (a comment in .bkr).
CP_NAMES = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789$#@", min_size=1, max_size=8
).filter(lambda n: n.upper() not in KEYWORDS and not n.startswith("#"))
#: A member name: letters and digits only (IBM, SSI Statement: "The system name must be
#: alphanumeric"; BKR302 refuses `$ # @` there).
ANY_MEMBER_NAMES = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8
).filter(lambda n: n.upper() not in KEYWORDS)
DAY_NAMES = ["mon", "TUE", "Wed", "thursday", "FRIDAY", "sat", "Sunday"]


@st.composite
def schedules(draw) -> str:
    """Any schedule: daily, weekly on any days, monthly on any day of the month or
    on the Nth (or last) weekday, at any minute; or manual."""
    at = f"{draw(st.integers(0, 23)):0{draw(st.sampled_from([1, 2]))}d}:{draw(st.integers(0, 59)):02d}"
    how = draw(st.sampled_from(["daily", "weekly", "monthly", "manual"]))
    if how == "weekly":
        days = draw(st.lists(st.sampled_from(DAY_NAMES), min_size=1, max_size=7, unique=True))
        return f"weekly {','.join(days)} {at}"
    if how == "monthly" and draw(st.booleans()):
        nth = draw(st.sampled_from(["first", "second", "third", "fourth", "last", "LAST", "First"]))
        return f"monthly {nth} {draw(st.sampled_from(DAY_NAMES))} {at}"
    if how == "monthly":
        return f"monthly {draw(st.integers(1, 31))} {at}"
    return "manual" if how == "manual" else f"daily {at}"


@st.composite
def named_clusters(draw, most: int = 4) -> str:
    """A cluster of 1 to `most` members with any member names, and as many jobs with any CP names
    (single-config jobs all from one member, identity jobs on each member, each with
    its suffix), any description and any schedule. Most are clean: a name the
    checker refuses (too long with its suffix, national characters that hide a
    clash) only makes it skip."""
    names = draw(st.lists(ANY_MEMBER_NAMES, min_size=1, max_size=most, unique_by=str.upper))
    lines = ["import std/backup-manager", "import std/zvm73", "cluster NAMED {"]
    lines += [f"  member {m} {{ workers {draw(st.integers(1, 4))} }}" for m in names]
    purger = draw(st.sampled_from(names))
    lines.append(f"  catalog shared server BKRSVSFS pool BKRPOOL on {purger}")
    preview, purge = draw(schedules()), draw(schedules())
    lines.append(f"  expire on {purger} {{ preview {preview}  purge {purge}  retain 30 days }}")
    lines.append("  single group GUESTS { LNX01 LNX02  match LNX* }")
    lines.append("  identity group SYSIDS { TCPIP }")
    home = draw(st.sampled_from(names))
    jobs = draw(st.lists(CP_NAMES, min_size=1, max_size=most, unique_by=str.upper))
    for job in jobs:
        single = draw(st.booleans())
        lines += [
            f"  job {job} {{",
            f"    description {_description(draw(st.text(max_size=100)))}",
            "    backup GUESTS full" if single else "    backup SYSIDS incremental",
            "    include minidisk * *",
            "    to disk pool BKUPPOOL",
            f"    run on {home if single else 'each member'} {draw(schedules())}",
            "  }",
        ]
    return "\n".join(lines + ["}"]) + "\n"


def _cms_clean_and_stable(text: str):
    """The files `text` compiles to, checked to keep every CMS rule and to come out
    the same when emitted again; None when the checker refuses it (with an error)."""
    analysis, artifacts = compile_source("prop.bkr", text.encode())
    if artifacts is None:
        assert any(d.is_error for d in analysis.diagnostics)
        return None
    assert cms_problems(analysis.model, artifacts, "prop.bkr") == []
    again = emit_all(analysis.model, "prop.bkr", load_dialect())
    assert [(a.path, a.text) for a in again] == [(a.path, a.text) for a in artifacts]
    return artifacts


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(named_clusters())
def test_any_names_and_schedules_compile_to_cms_clean_files(text):
    """Members and jobs of any CP names, any description, any schedule: a cluster the
    checker passes compiles to files that keep every CMS rule (72 columns,
    EBCDIC-invariant characters outside names, 8.8 file names, REXX that opens with
    a comment), the same twice."""
    _cms_clean_and_stable(text)


def _listed(runs_on: str = "VMSYS1", each: str = "each member", expire: str = "VMSYS1", catalog: str = "shared") -> str:
    """A cluster of `clusters`'s shape on VMSYS1 and VMSYS2, its jobs and expiry on these
    members: a slip of SSI rule 5 or 6 the checker must refuse, or a list it takes."""
    server = "  single user BKRSVSFS\n  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"
    return "\n".join([
        "import std/backup-manager", "import std/zvm73", "cluster PROP {",
        "  member VMSYS1 { workers 2 }", "  member VMSYS2 { workers 2 }",
        server if catalog == "shared" else "  catalog local server BKRSVSFS pool BKRPOOL",
        f"  expire on {expire} {{ preview daily 01:00  purge weekly sun 03:00  retain 30 days }}",
        "  single group GUESTS { LNX01 LNX02  match LNX* }", "  identity group SYSIDS { TCPIP }",
        "  job GUESTS1 {", "    backup GUESTS full", "    include minidisk * 0100-0FFF",
        "    exclude minidisk * 0190", "    to disk pool BKUPPOOL", f"    run on {runs_on} daily 01:00", "  }",
        "  job SYSI {", "    backup SYSIDS incremental", "    include minidisk * 191", "    to disk pool BKUPPOOL",
        f"    run on {each} daily 02:00", "  }", "}",
    ]) + "\n"


def featured() -> str:
    """A clean cluster of `clusters`'s shape with each statement stop 81 added to it: SFS
    excludes in a member block and in both jobs, the cluster's and a member's
    description, the catalog's waits, a job's description of quotes, comment ends and
    letters outside EBCDIC's invariant set, `to tape pool`, and a member's `subconfig`
    statements (the name in any case): the example that makes CI's run of each property
    read them."""
    cluster, member = _description("the cluster */ of 'quotes' \"too\""), "description " + _description("a /* member")
    job = _description(" it's \"ok\" */ \\ caf\u00e9 <U+ ")
    return "\n".join([
        "import std/backup-manager", "import std/zvm73", "cluster PROP {", f"  description {cluster}",
        f"  member VMSYS1 {{ workers 2  exclude sfs BKRPOOL:LNX01.SECRET  subconfig BKRWRK02 NBWK02-1  {member} }}",
        "  member M2 { workers 2  job-suffix B  subconfig bkrbkup site_b-2 }",
        "  single user BKRSVSFS",
        "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1 logon-wait 10 seconds pool-wait 1 minute",
        "  expire on VMSYS1 { preview daily 01:00  purge weekly sun 03:00  retain 30 days }",
        "  tape manager shared catalog-node TCTMM on M2 request-node TRTMM",
        "  single group GUESTS { LNX01 LNX02  match LNX* }", "  identity group SYSIDS { TCPIP }",
        "  job GUESTS1 {", f"    description {job}",
        "    backup GUESTS full", "    include minidisk * 0100-0FFF", "    exclude minidisk * 0190",
        "    include sfs BKRPOOL:LNX*.*", "    exclude sfs BKRPOOL:*.TEMP BKRPOOL:LNX01.OLD",
        "    to tape pool TPOOL1", "    run on VMSYS1 daily 01:00", "  }",
        "  job SYSI {", "    backup SYSIDS incremental", "    include minidisk * 191", "    include sfs VMSYS:TCPIP.*",
        "    exclude sfs VMSYS:TCPIP.LOGS", "    to disk pool BKUPPOOL", "    run on each member daily 02:00", "  }", "}",
    ]) + "\n"


def named_nodes() -> str:
    """A clean cluster of `clusters`'s shape whose `subconfig` statements name the machines
    that are no Backup Manager's (stop 83): a local catalog's SFS server and the shared
    Tape Manager's request node and its DMM, on the first of three members (the catalog
    node on the second, so the request node runs on the first and the third), the names
    in any case: the example that makes CI's run read them, its draws holding few."""
    lines = [
        "import std/backup-manager", "import std/zvm73", "cluster PROP {",
        "  member VMSYS1 { workers 2  subconfig TRTMM req_1  subconfig bkrsvsfs SFS-A  subconfig TRDMM X }",
        "  member M2 { workers 1  job-suffix B }",
        "  member SYS3 { workers 1  job-suffix C  subconfig trtmm TAPE#3 }",
        "  catalog local server BKRSVSFS pool BKRPOOL",
        "  expire on each member { preview daily 01:00  purge weekly sun 03:00  retain 30 days }",
        "  tape manager shared catalog-node TCTMM on M2 request-node TRTMM request-dmm TRDMM",
        "  single group GUESTS { LNX01 LNX02  match LNX* }", "  identity group SYSIDS { TCPIP }",
        "  job GUESTS1 {", "    backup GUESTS full", "    include minidisk * 0100-0FFF", "    to tape",
        "    run on VMSYS1 daily 01:00", "  }",
        "  job SYSI {", "    backup SYSIDS incremental", "    include minidisk * 191", "    to disk pool BKUPPOOL",
        "    run on each member daily 02:00", "  }", "}",
    ]
    return "\n".join(lines) + "\n"


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clusters())
@example(featured())  # each statement stop 81 draws, in a clean cluster
@example(named_nodes())  # the SFS server's, the request node's and its DMM's SUBCONFIG names given
@example(_listed(runs_on="VMSYS1, VMSYS2"))  # the same data backed up from two members: BKR220
@example(_listed(each="VMSYS2"))  # TCPIP's instance on VMSYS1 never backed up: BKR221
@example(_listed(expire="VMSYS1,VMSYS2"))  # the shared catalog purged twice: BKR211
@example(_listed(expire="each member"))  # the same: BKR211
@example(_listed(each="VMSYS2, VMSYS1", expire="VMSYS2, VMSYS1", catalog="local"))  # clean: each member, listed
def test_every_clean_cluster_compiles_to_cms_clean_files(text):
    artifacts = _cms_clean_and_stable(text)
    if artifacts is None:
        return
    # every job selects something: a template without an INCLUDE record backs up nothing (BKR116)
    for a in artifacts:
        if a.kind == "job-template":
            assert any(line.startswith("INCLUDE ") for line in a.text.splitlines()), a.path
    # SSI rule 6, read off the templates: the single-configuration users' jobs (GUESTS1,
    # GUESTS2) from one member, the same one, however `run on` lists members (from two,
    # the same data twice); the IDENTITY users' job (SYSI) once on every member.
    members = re.findall(r"^  member (\S+) \{", text, re.MULTILINE)
    where: dict[str, list[str]] = {}
    for a in artifacts:
        if a.kind == "job-template":
            where.setdefault(a.source_job, []).append(a.member)
    assert len({m for job, found in where.items() if job != "SYSI" for m in found}) == 1, where
    assert all(len(found) == 1 for job, found in where.items() if job != "SYSI"), where
    assert sorted(where["SYSI"]) == sorted(members), where
    # SSI rule 5: a shared catalog is purged from one member only, however `expire on`
    # lists members; one catalog per member is purged from at least one.
    purging = [a.member for a in artifacts if a.kind == "expire-exec" and "EXPIRE (PURGE" in a.text]
    assert len(purging) == len(set(purging)) and purging, purging
    if "catalog shared" in text:
        assert len(purging) == 1, purging
    _assert_the_files_say_what_the_statements_mean(text, artifacts)
    _assert_given_subconfig_names_written(text, artifacts)


# stop 82, h5: the SUBCONFIG names a member's `subconfig` statements give, read off the directory
_MEMBER_LINE = re.compile(r"^  member (\S+) \{", re.MULTILINE)
_BUILD = re.compile(r"^ BUILD ON (\S+) USING SUBCONFIG (\S+)$", re.MULTILINE)
#: A CP ID standing alone: no ID character before or after it.
_ID_CHARS = "A-Za-z0-9@#$_-"


def given_subconfigs(text: str) -> dict[tuple[str, str], str]:
    """(machine, member) -> the SUBCONFIG name the member block's first `subconfig`
    statement for the machine gives, in upper case, read off the text (its
    descriptions taken out: a description may hold any words)."""
    out: dict[tuple[str, str], str] = {}
    for member, body in _MEMBER_BLOCK.findall(_DESCRIPTION.sub("", text)):
        for machine, name in re.findall(r"(?:^| )subconfig (\S+) (\S+)", body):
            out.setdefault((machine.upper(), member.upper()), name.upper())
    return out


def directory_builds(artifacts) -> dict[tuple[str, str], list[str]]:
    """(IDENTITY, member) -> the SUBCONFIG IDs its `BUILD ON member` statements name,
    read off the generated directory entries."""
    out: dict[tuple[str, str], list[str]] = {}
    for a in artifacts:
        if a.kind != "directory":
            continue
        identity = re.search(r"^IDENTITY (\S+) ", a.text, re.MULTILINE)
        for member, sub in _BUILD.findall(a.text):
            out.setdefault((identity[1], member), []).append(sub)
    return out


def _assert_given_subconfig_names_written(text: str, artifacts) -> None:
    """A clean cluster's `subconfig MACHINE NAME` statements, read off the files: NAME is
    the SUBCONFIG of MACHINE's IDENTITY entry `BUILD ON` that member, the only one; a
    SUBCONFIG entry of that ID is in its own file, `cluster/NAME.DIRECT`, of that member;
    and the name bkrc derives for the instance (ID-n) is in no file, where the .bkr text
    does not name it either (as a user's ID) and no other instance has it."""
    given = given_subconfigs(text)
    if not given:
        return
    numbers = {m.upper(): n for n, m in enumerate(_MEMBER_LINE.findall(text), 1)}
    builds = directory_builds(artifacts)
    files = {a.path: a for a in artifacts}
    subs = {sub for found in builds.values() for sub in found}
    for (machine, member), name in given.items():
        assert builds.get((machine, member)) == [name], (machine, member, name, builds.get((machine, member)))
        entry = files.get(f"cluster/{name}.DIRECT")
        assert entry is not None and entry.member == member, (name, sorted(files))
        assert re.findall(r"^SUBCONFIG (\S+)$", entry.text, re.MULTILINE) == [name], entry.path
        derived = subconfig_id(machine, numbers[member])
        alone = re.compile(rf"(?<![{_ID_CHARS}]){re.escape(derived)}(?![{_ID_CHARS}])", re.IGNORECASE)
        if derived == name or derived in subs or alone.search(text):
            continue
        found = [a.path for a in artifacts if alone.search(a.path) or alone.search(a.text)]
        assert not found, (machine, member, derived, found)
    _assert_node_definitions_name_the_machine(text, given, files)
    _assert_subconfig_names_stay_in_the_directory(text, artifacts)


_REQUEST_MACHINES = re.compile(r"^  tape manager shared .*?request-node (\S+)(?:.*? request-dmm (\S+))?", re.MULTILINE)
_COMMENT = re.compile(r"^/\*(.*)\*/$", re.MULTILINE)


def _assert_node_definitions_name_the_machine(text: str, given: dict[tuple[str, str], str], files: dict) -> None:
    """For a shared Tape Manager's request node (or its DMM) given a SUBCONFIG name on a
    member, that member's node definitions (TMNODES) are a request node's, to be copied
    into the SYS CONFIG of the request node's machine there, named by its ID: a
    SUBCONFIG is no machine one logs on to or edits a file of."""
    found = _REQUEST_MACHINES.search(text)
    if found is None:
        return
    request = found[1].upper()
    for (machine, member), name in given.items():
        if machine not in {m.upper() for m in found.groups() if m}:
            continue
        nodes = next(a for a in files.values() if a.kind == "tape-config" and a.member == member)
        local = DIALECT.text(
            "tape_local_operands", name=member, type=DIALECT["tape_node_request"],
            status=DIALECT["tape_initial_status"], password=DIALECT["tape_password_placeholder"],
        )
        assert f"{DIALECT['tape_local_node']} {local}" in nodes.text.splitlines(), nodes.path
        said = " ".join(" ".join(_COMMENT.findall(nodes.text)).split())
        assert f"SYS CONFIG file of {request} on {member}," in said, (nodes.path, name, said)


def _without_subconfig_statements(text: str) -> str:
    """The cluster with its members' `subconfig` statements taken out (a member's
    description, last in its block, left as it is)."""
    def cut(m: re.Match) -> str:
        head, quote, rest = m[0].partition('  description "')
        return re.sub(r"  subconfig \S+ \S+", "", head) + quote + rest

    return re.sub(r"^  member .*$", cut, text, flags=re.MULTILINE)


def _assert_subconfig_names_stay_in_the_directory(text: str, artifacts) -> None:
    """A SUBCONFIG name is the directory's alone: the cluster compiled without its
    `subconfig` statements writes every other file (job templates, EXECs, Tape Manager
    node definitions) byte for byte the same; its directory, README.TXT's list and the
    manifest name bkrc's own SUBCONFIGs instead. (Skipped where the statements keep a
    derived name from a clash: without them, the checker refuses the cluster.)"""
    _, plain = compile_source("prop.bkr", _without_subconfig_statements(text).encode())
    if plain is None:
        return
    kept = ("directory", "readme")
    assert [(a.path, a.text) for a in plain if a.kind not in kept and not a.path.endswith(".json")] == [
        (a.path, a.text) for a in artifacts if a.kind not in kept and not a.path.endswith(".json")
    ]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example])
@given(clusters(named=True), st.randoms(use_true_random=False))
@example(featured(), random.Random(82))  # a clean cluster: CI renumbers its two members
@example(named_nodes(), random.Random(83))  # the request node moves off the catalog node's member
def test_a_given_subconfig_name_stays_when_the_members_are_numbered_anew(text, rnd):
    """A member removed or moved renumbers the members after it (docs/language.md, "A
    member's SUBCONFIG names"): the SUBCONFIG names bkrc derives follow the new numbers
    (ID-n), the names `subconfig` statements give do not. The same cluster with its
    member blocks turned round (each member numbered anew): each given name is the
    instance's SUBCONFIG still, its entry byte for byte the same; each derived one is the machine's ID with the
    member's new number. (Each compile's files are read as the clean clusters' property
    reads them, too: its draws, of any cluster, hold few clean ones with a name given.)"""
    lines = text.split("\n")
    at = [n for n, line in enumerate(lines) if line.startswith("  member ")]
    blocks = [lines[n] for n in at]
    turn = 1 + rnd.randrange(len(blocks) - 1)  # every member moves (a shuffle may keep them)
    order = blocks[turn:] + blocks[:turn]
    for n, block in zip(at, order):
        lines[n] = block
    again = "\n".join(lines)
    _, files = compile_source("prop.bkr", text.encode())
    _, other = compile_source("prop.bkr", again.encode())
    if files is None or other is None:
        return  # a name given may be another member's derived one once renumbered (BKR242)
    _assert_given_subconfig_names_written(text, files)
    _assert_given_subconfig_names_written(again, other)
    given = given_subconfigs(text)
    numbers = {m.upper(): n for n, m in enumerate(_MEMBER_LINE.findall(again), 1)}
    before, after = directory_builds(files), directory_builds(other)
    assert before.keys() == after.keys()
    old = {a.path: a.text for a in files}
    new = {a.path: a.text for a in other}
    for (machine, member), subs in after.items():
        name = given.get((machine, member))
        assert subs == [name or subconfig_id(machine, numbers[member])], (machine, member, subs, again)
        if name is not None:
            assert before[machine, member] == [name], (machine, member)
            assert new[f"cluster/{name}.DIRECT"] == old[f"cluster/{name}.DIRECT"], name


# stop 81, h6: what the statements stop 80's generator did not draw mean in the files
DIALECT = load_dialect()
_TEXT = r'"((?:[^"\\]|\\.)*)"'
_DESCRIPTION = re.compile(rf"(?:^  | +)description {_TEXT}", re.MULTILINE)
_JOB_BODY = re.compile(r"^  job (\S+) \{\n(.*?)^  \}$", re.MULTILINE | re.DOTALL)
_MEMBER_BLOCK = re.compile(r"^  member (\S+) \{(.*)\}$", re.MULTILINE)
_WAIT = re.compile(r" (logon|pool)-wait (\d+) (\w+)")
#: BKRSTART's waits without `logon-wait` and `pool-wait` (docs/language.md, catalog).
DEFAULT_WAITS = {"logon": 60, "pool": 180}


def _unquoted(text: str) -> str:
    """A .bkr text's value: its `\\` and `\\"` read back as `\\` and `"`."""
    return re.sub(r"\\(.)", r"\1", text)


def stated_waits(text: str) -> dict[str, int]:
    """The seconds the catalog statement's `logon-wait` and `pool-wait` say, read off the text
    (the defaults where it says none)."""
    catalog = next(line for line in text.splitlines() if line.startswith("  catalog "))
    waits = dict(DEFAULT_WAITS)
    for which, number, unit in _WAIT.findall(catalog):
        waits[which] = int(number) * (60 if unit.startswith("min") else 1)
    return waits


def job_descriptions(text: str) -> dict[str, str]:
    """Each job's description, as the text writes it (its escapes read back)."""
    return {job: _unquoted(found[0]) for job, body in _JOB_BODY.findall(text)
            if (found := re.findall(rf"^    description {_TEXT}$", body, re.MULTILINE))}


def _selections(text: str) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, str]]:
    """(each job's own `exclude sfs` paths, each member's, each job's `to` line), read off the
    text with the descriptions taken out (a description may hold any words)."""
    bare = _DESCRIPTION.sub("", text)
    jobs = {job: [p for line in body.splitlines() if line.startswith("    exclude sfs ") for p in line.split()[2:]]
            for job, body in _JOB_BODY.findall(bare)}
    targets = {job: next(line.split(None, 1)[1] for line in body.splitlines() if line.startswith("    to "))
               for job, body in _JOB_BODY.findall(bare)}
    members = {m: [p for setting in body.split("  ") if setting.startswith("exclude sfs ")
                   for p in setting.split()[2:]]
               for m, body in _MEMBER_BLOCK.findall(bare)}
    return jobs, members, targets


def _output_record(target: str) -> str:
    """The template's output record for a job's `to` line, from the dialect table."""
    words = target.split()
    entry = "output_" + words[0] + ("_pool" if len(words) == 3 else "")
    value = DIALECT.text(entry, pool=words[2]) if len(words) == 3 else DIALECT.text(entry)
    return DIALECT.text("output_setting", value=value)


def _assert_the_files_say_what_the_statements_mean(text: str, artifacts) -> None:
    """Read off the files of a clean cluster: each `exclude sfs` of a job is an EXCLUDE SFS
    record of each of its templates, in its own selection; each of a member block is
    one of every single-configuration template on that member, among the member's
    excludes, and of no IDENTITY job's; each job's output record is its `to` line
    (`to tape pool NAME` the pool's); BKRSTART waits as `logon-wait` and `pool-wait`
    say; each job description is BKRSUBMT's text for it, as written."""
    own, local, targets = _selections(text)
    for a in artifacts:
        if a.kind != "job-template":
            continue
        selection, excludes = _records_split(a.text)
        sfs = [line for line in selection if line.startswith(DIALECT.text("exclude_sfs", path=""))]
        assert sfs == [DIALECT.text("exclude_sfs", path=p.upper()) for p in own[a.source_job]], a.path
        sfs = [line for line in excludes if line.startswith(DIALECT.text("exclude_sfs", path=""))]
        mine = local[a.member] if a.job_kind == "single" else []
        assert sfs == [DIALECT.text("exclude_sfs", path=p.upper()) for p in mine], a.path
        output = [line for line in a.text.splitlines() if line.startswith(DIALECT.text("output_setting", value=""))]
        assert output == [_output_record(targets[a.source_job])], a.path
    # The cluster's and the members' descriptions are for the reader of the .bkr file:
    # without them, the same files (docs/language.md, cluster; member).
    plain = re.sub(rf"^  description {_TEXT}\n", "", text, flags=re.MULTILINE)
    plain = re.sub(rf"^(  member .*?)  description {_TEXT}", r"\1", plain, flags=re.MULTILINE)
    if plain != text:
        _, files = compile_source("prop.bkr", plain.encode())
        assert [(f.path, f.text) for f in files] == [(a.path, a.text) for a in artifacts]
    descriptions = job_descriptions(text)
    for a in artifacts:
        if a.path.endswith("/BKRSUBMT.EXEC"):
            table = _stem_values(a.text)
            for name, said in zip(table.get("job", []), table.get("text", []), strict=True):
                job = next(t.source_job for t in artifacts if t.kind == "job-template" and t.job == name)
                if descriptions.get(job):
                    assert said == descriptions[job], (a.path, name)


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


# ------------------------------------------------------------------ the order of declarations
_GROUP_BODY = re.compile(r"(group \S+ \{ )(.*?) \}")
_JOB = re.compile(r"  job .*?\n  \}\n", re.DOTALL)
_STEM_INDEX = re.compile(r"\b([a-z]+)\.\d+\b")  # job.2, text.2 = text.2'...'


def _reordered(text: str, rnd) -> str:
    """The same cluster with its jobs, the entries of each group and the `disk` lines
    in another order, and some user and group declarations moved out of the cluster
    to the top of the file (docs/language.md: declarations may stand outside it)."""
    head, jobs = text[: text.index("  job ")], _JOB.findall(text)
    rnd.shuffle(jobs)
    lines = head.split("\n")
    disks = [i for i, line in enumerate(lines) if line.startswith("  disk ")]
    shuffled = [lines[i] for i in disks]
    rnd.shuffle(shuffled)
    for i, line in zip(disks, shuffled):
        lines[i] = line
    declared = re.compile(r"  (single|identity) (user|group) ")
    moved = [i for i, line in enumerate(lines) if declared.match(line) and rnd.random() < 0.5]
    lines = [lines[i].strip() for i in moved] + [line for i, line in enumerate(lines) if i not in moved]

    def entries(m: re.Match) -> str:
        found = re.findall(r"match \S+|\S+", m.group(2))
        rnd.shuffle(found)
        return m.group(1) + " ".join(found) + " }"

    return _GROUP_BODY.sub(entries, "\n".join(lines)) + "".join(jobs) + "}\n"


def _said(analysis) -> Counter:
    """The codes of the diagnostics: their messages may follow the file's order (BKR402
    names two jobs in it; BKR324 says which disk comes second, and whether through a
    pattern)."""
    return Counter(d.code for d in analysis.diagnostics)


#: Where an EXEC names its compile: the header line and the variable.
_JOB_ROW = re.compile(r"^job\.(\d+) = '([^']*)'$", re.MULTILINE)
_FULLS_ROW = re.compile(r"^(fulls\.\d+ = ')([\d ]+)'$", re.MULTILINE)
_COMPILE = re.compile(r"^(/\* Compile |compile = ')[0-9A-F]{8}", re.MULTILINE)


def _lines(artifact) -> Counter:
    """A file's lines, as a multiset: BKRSUBMT's table is numbered in the order of the file,
    and an EXEC names its compile, a hash of the EXECs' texts, whose lines moved
    (docs/rexx.md, "Which compile wrote an EXEC")."""
    text = artifact.text
    if artifact.path.endswith("BKRSUBMT.EXEC"):
        # fulls.N names the full jobs of job N's users by their places in the table
        # (stop 75's gap list): said by their names, which do not move.
        names = dict(_JOB_ROW.findall(text))
        text = _FULLS_ROW.sub(lambda m: m[1] + " ".join(names[i] for i in m[2].split()) + "'", text)
        text = _STEM_INDEX.sub(r"\1.#", text)
    if artifact.path.endswith(".EXEC"):
        text = _COMPILE.sub(r"\1XXXXXXXX", text)
    return Counter(text.splitlines())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clusters(), st.randoms(use_true_random=False))
def test_the_order_of_jobs_group_entries_disks_and_declarations_changes_only_the_order_of_lines(text, rnd):
    """Where the language gives order no meaning, another order finds the same
    problems and writes the same files with the same lines (jobs, users and disks
    are written in the order of the file, so lines may move)."""
    again = _reordered(text, rnd)
    first, files = compile_source("prop.bkr", text.encode())
    second, other = compile_source("prop.bkr", again.encode())
    assert _said(second) == _said(first), again
    assert (files is None) == (other is None)
    if files is not None:
        assert {a.path: _lines(a) for a in other} == {a.path: _lines(a) for a in files}, again


# ------------------------------------------------------------------ a site module of its own
# stop 81, h6: the cluster's groups and users declared in a module of the site's own
_DECLARED = re.compile(r"(?:  )?(single|identity) (user|group) ")


def _split(text: str, rnd) -> tuple[str, str]:
    """(the cluster's file, site/common.bkr): its groups, and some of its other user
    declarations, moved into the site's module, which the file imports, as a site keeps
    the groups several clusters share (docs/language.md, import)."""
    lines = text.split("\n")
    moved = [n for n, line in enumerate(lines) if _DECLARED.match(line) and (" group " in line or rnd.random() < 0.5)]
    module = "# site/common.bkr: the groups every cluster of the site backs up\n"
    module += "".join(lines[n].strip() + "\n" for n in moved)
    kept = [line for n, line in enumerate(lines) if n not in moved]
    # Just above `cluster`, or above `import std/zvm73`, which puts the site's
    # declarations after the library's (resolve/model.py, _user_defs): the same users either way.
    at = kept.index(rnd.choice(["cluster PROP {", "import std/zvm73"]))
    kept.insert(at, rnd.choice(["import ./site/common", "import site/common"]))
    return "\n".join(kept), module


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clusters(), st.randoms(use_true_random=False))
@example(featured(), random.Random(81))  # a clean cluster: CI compares its files
def test_a_site_module_s_groups_are_backed_up_as_written_inline(text, rnd):
    """A site keeps its groups (and users) in a module of its own, `site/common.bkr`,
    imported by each cluster's file: the cluster so split finds the same problems as the
    one file, and compiles to the same files, byte for byte: each group's users backed up
    by the same records of the same templates, on the same members, and the EXECs the
    same (their compile ID too)."""
    split, module = _split(text, rnd)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "site").mkdir()
        (Path(tmp) / "site" / "common.bkr").write_text(module, encoding="utf-8")
        (Path(tmp) / "prop.bkr").write_text(split, encoding="utf-8")
        inline, files = compile_source("prop.bkr", text.encode())
        apart, other = compile_source("prop.bkr", split.encode(), path=Path(tmp) / "prop.bkr")
    assert _said(apart) == _said(inline), (split, module)
    assert (other is None) == (files is None), (split, module)
    if files is not None:
        assert [(a.path, a.text) for a in other] == [(a.path, a.text) for a in files], (split, module)


# ------------------------------------------------------------------ what compile writes on disk
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clusters(), clusters(), st.randoms(use_true_random=False))
def test_compile_writes_its_plan_and_check_sees_any_byte_changed(first, second, rnd):
    """Over a folder another cluster was compiled into: `--dry-run` changes nothing
    and its plan is what the compile then does (create, update, delete, unchanged);
    the manifest lists every file with its sha256; `--check` passes right after, and
    fails once any byte of any file, the manifest too, is changed. (A cluster the
    checker refuses, as most drawn are, gives way to an example.)"""
    if not analyse("a.bkr", first.encode()).ok:
        first = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    if not analyse("b.bkr", second.encode()).ok:
        second = (EXAMPLES / "minimal.bkr").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "a.bkr").write_text(first, encoding="utf-8")
        (folder / "b.bkr").write_text(second, encoding="utf-8")
        out = folder / "out"
        run_cli(["compile", folder / "a.bkr", "-o", out], expect=0)
        before = _tree(out)
        plan = run_cli(["compile", folder / "b.bkr", "-o", out, "--dry-run"], expect=0).stdout
        assert _tree(out) == before
        run_cli(["compile", folder / "b.bkr", "-o", out], expect=0)
        after = _tree(out)
        planned = {row[1]: row[0] for row in map(str.split, plan.splitlines()) if row and row[0] in _ACTIONS}
        done = {
            path: "create" if path not in before else "delete" if path not in after
            else "unchanged" if before[path] == after[path] else "update"
            for path in before.keys() | after.keys()
        }
        assert planned == done
        manifest = json.loads(after["manifest.json"])
        assert {e["path"]: e["sha256"] for e in manifest["files"]} == {
            path: hashlib.sha256(data).hexdigest() for path, data in after.items() if path != "manifest.json"
        }
        run_cli(["compile", folder / "b.bkr", "-o", out, "--check"], expect=0)
        path = rnd.choice(sorted(after))
        data = bytearray(after[path])
        at = rnd.randrange(len(data))
        data[at] = ord("X") if data[at] != ord("X") else ord("Y")
        (out / path).write_bytes(bytes(data))
        assert run_cli(["compile", folder / "b.bkr", "-o", out, "--check"]).exit_code != 0, (path, at)


_ACTIONS = ("create", "update", "delete", "unchanged")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# ------------------------------------------------------------------ no minidisk backed up twice
#: Groups whose users and patterns overlap in every way BKR405 and BKR410 compare:
#: an ID two groups list, an ID one lists and the other's pattern matches, two
#: patterns that share IDs and nothing else (S1's LNX* and S4's LNXB*), and groups
#: that share nothing.
OVERLAP_GROUPS = {
    "single": {
        "S1": "LNX01 APP01  match LNX*",
        "S2": "LNX02  match LNX0*",
        "S3": "WEB#2  match APP*",
        "S4": "match LNXB*",
    },
    "identity": {"I1": "SRV01 SRV02  match SRVA*", "I2": "SRV02  match SRV*", "I3": "NET01"},
}
OVERLAP_OWNERS = {
    "single": ["*", "*", "LNX01", "LNX*", "LNX0*", "APP*"],
    "identity": ["*", "*", "SRV02", "SRV*", "NET01"],
}
OVERLAP_ITEMS = ["*", "191", "0191", "0100-0FFF", "1A0-1AF", "200", "0190-0192"]
#: Schedules (their time added) that now run on one day and now never do: two jobs of
#: one level that never run on one day are one backup split over days, not warned of.
OVERLAP_SCHEDULES = [
    "daily", "daily", "weekly sat", "weekly sun", "weekly sat,sun", "monthly 1", "monthly 15",
    "monthly first sun", "monthly third sun", "monthly fourth sun", "monthly last sun",
    "monthly last-day", "monthly 28", "monthly 31",
]
_ORDINAL = {"first": 0, "second": 1, "third": 2, "fourth": 3}
_WEEKDAY = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def _run_dates(schedule: str) -> frozenset[datetime.date]:
    """The dates of 2024 to 2031 a schedule (`OVERLAP_SCHEDULES`'s words) runs on, read
    off the calendar: the oracle of whether two jobs ever run on one day."""
    words = schedule.split()
    out = set()
    day = datetime.date(2024, 1, 1)
    while day.year < 2032:
        if words[0] == "daily":
            runs = True
        elif words[0] == "weekly":
            runs = _WEEKDAY[day.weekday()] in words[1].split(",")
        elif words[1] == "last-day":
            runs = (day + datetime.timedelta(days=1)).month != day.month
        elif words[1].isdigit():
            runs = day.day == int(words[1])
        else:
            last = (day + datetime.timedelta(days=7)).month != day.month
            nth = last if words[1] == "last" else (day.day - 1) // 7 == _ORDINAL[words[1]]
            runs = _WEEKDAY[day.weekday()] == words[2] and nth
        if runs:
            out.add(day)
        day += datetime.timedelta(days=1)
    return frozenset(out)


_JOB_SCHEDULE = re.compile(r"job (J\d+) \{.*?run on (?:each member|\S+) ([^\n]+?) \d\d:\d\d", re.DOTALL)


@st.composite
def overlapping_jobs(draw) -> str:
    """A clean-ish cluster of 1 to 3 members and 2 to 4 jobs at either level, each
    backing up some groups of one kind (the single-configuration jobs all from one
    member, the IDENTITY jobs on each member) with minidisk includes and excludes
    drawn from addresses and owners that now meet and now do not, and members that
    now and then exclude disks of their own."""
    names = ["VMSYS1", "VMSYS2", "VMSYS3"]
    members = draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True))
    lines = ["import std/backup-manager", "cluster OVER {"]
    for m in members:
        owner = draw(st.sampled_from(OVERLAP_OWNERS["single"] + OVERLAP_OWNERS["identity"]))
        local = f"  exclude minidisk {owner} {draw(st.sampled_from(OVERLAP_ITEMS[1:]))}"
        lines.append(f"  member {m} {{ workers 2{local if draw(st.booleans()) else ''} }}")
    lines.append(f"  catalog shared server BKRSVSFS pool BKRPOOL on {members[0]}")
    lines.append(f"  expire on {members[0]} {{ purge weekly sun 03:00  retain 30 days }}")
    for kind, groups in OVERLAP_GROUPS.items():
        lines += [f"  {kind} group {name} {{ {body} }}" for name, body in groups.items()]
    home = draw(st.sampled_from(members))
    for n in range(draw(st.integers(2, 4))):
        kind = draw(st.sampled_from(sorted(OVERLAP_GROUPS)))
        names = sorted(OVERLAP_GROUPS[kind])
        groups = draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True))
        level = draw(st.sampled_from(["full", "incremental"]))
        lines += [f"  job J{n} {{", f"    backup {', '.join(groups)} {level}"]
        for action, most in (("include", 2), ("exclude", 1)):
            for _ in range(draw(st.integers(1 if action == "include" else 0, most))):
                items = OVERLAP_ITEMS if action == "include" else OVERLAP_ITEMS[1:]  # never all of them
                items = draw(st.lists(st.sampled_from(items), min_size=1, max_size=2, unique=True))
                owner = draw(st.sampled_from(OVERLAP_OWNERS[kind]))
                lines.append(f"    {action} minidisk {owner} {' '.join(items)}")
        where = home if kind == "single" else "each member"
        schedule = draw(st.sampled_from(OVERLAP_SCHEDULES))
        lines += ["    to disk pool BKUPPOOL", f"    run on {where} {schedule} {n:02d}:30", "  }"]
    return "\n".join(lines + ["}"]) + "\n"


_RECORD = re.compile(r"(INCLUDE|EXCLUDE) MINIDISK (\S+) = ([0-9A-F]{4}) - ([0-9A-F]{4})$")


def _minidisk_records(text: str) -> tuple[list, list]:
    """(includes, excludes) of a job template: each as (owner, first, last)."""
    found: dict[str, list] = {"INCLUDE": [], "EXCLUDE": []}
    for line in text.splitlines():
        m = _RECORD.match(line)
        if m:
            found[m[1]].append((m[2], int(m[3], 16), int(m[4], 16)))
    return found["INCLUDE"], found["EXCLUDE"]


def _owner_matches(owner: str, user: str) -> bool:
    return pattern_regex(owner).match(user) is not None


def _selected(records: tuple[list, list], user: str, address: int) -> bool:
    """Whether a template's records back up `user`'s minidisk at `address`."""
    includes, excludes = records
    return any(_owner_matches(o, user) and a <= address <= b for o, a, b in includes) and not any(
        _owner_matches(o, user) and a <= address <= b for o, a, b in excludes
    )


def _both_select(one: tuple[list, list], two: tuple[list, list], ids) -> tuple[str, int] | None:
    """A (user, address) both templates back up, found among the users and addresses
    their records name (so a pair found is a real one), or None."""
    for o1, a1, b1 in one[0]:
        for o2, a2, b2 in two[0]:
            lo, hi = max(a1, a2), min(b1, b2)
            if lo > hi:
                continue
            users = {u for u in ids if _owner_matches(o1, u) and _owner_matches(o2, u)}
            example = shared_id(o1, o2)
            if example is not None:
                users.add(example)
            # the first address, the last, and each address right after an exclude's range
            addresses = {lo, hi} | {b + 1 for _, _, b in one[1] + two[1] if lo <= b + 1 <= hi}
            for user in sorted(users):
                for address in sorted(addresses):
                    if _selected(one, user, address) and _selected(two, user, address):
                        return user, address
    return None


def _overlap_example(*jobs: str) -> str:
    """A cluster of `overlapping_jobs`'s shape with these jobs (`backup ...; include ...; run on ...`)."""
    lines = ["import std/backup-manager", "cluster OVER {"]
    lines += ["  member VMSYS1 { workers 2 }", "  member VMSYS2 { workers 2 }"]
    lines += ["  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"]
    lines += ["  expire on VMSYS1 { purge weekly sun 03:00  retain 30 days }"]
    for kind, groups in OVERLAP_GROUPS.items():
        lines += [f"  {kind} group {name} {{ {body} }}" for name, body in groups.items()]
    for n, job in enumerate(jobs):
        body = [f"    {statement.strip()}" for statement in job.split(";")]
        lines += [f"  job J{n} {{", *body, "    to disk pool BKUPPOOL", "  }"]
    return "\n".join(lines + ["}"]) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(overlapping_jobs())
@example(  # the same single users' 0191 twice, at one level, from one member: BKR405
    _overlap_example(
        "backup S1 full; include minidisk * 191; run on VMSYS1 daily 00:30",
        "backup S1 full; include minidisk LNX0* 0191; run on VMSYS1 daily 01:30",
    )
)
@example(  # users the two groups share only through their patterns (LNX* and LNXB*): BKR405
    _overlap_example(
        "backup S1 full; include minidisk * 0100-0FFF; exclude minidisk * 0191;"
        " run on VMSYS1 daily 00:30",
        "backup S4 full; include minidisk * 0100-0FFF; run on VMSYS1 daily 01:30",
    )
)
@example(  # an IDENTITY user both jobs' patterns match, on each member: BKR410
    _overlap_example(
        "backup I1 incremental; include minidisk SRV* 200; run on each member daily 00:30",
        "backup I2 incremental; include minidisk * 0100-0FFF; exclude minidisk * 0191;"
        " run on each member daily 01:30",
    )
)
@example(  # the fourth and the last Sunday of a month are one day some months: BKR405
    _overlap_example(
        "backup S1 full; include minidisk * 191; run on VMSYS1 monthly fourth sun 00:30",
        "backup S1 full; include minidisk * 191; run on VMSYS1 monthly last sun 01:30",
    )
)
@example(  # the 1st and the 15th: one backup split over days, not warned of
    _overlap_example(
        "backup S1 full; include minidisk * 191; run on VMSYS1 monthly 1 00:30",
        "backup S1 full; include minidisk * 191; run on VMSYS1 monthly 15 01:30",
    )
)
def test_no_minidisk_is_backed_up_twice_on_a_member_at_one_level_unwarned(text):
    """What a z/VM system programmer checks first in a set of templates: no user's
    minidisk is selected by two jobs that run on the same member at the same level,
    which would copy it twice a night and file it under two job names. Read from
    the templates `bkrc compile` writes (their records, the member's own excludes
    included): whenever two of one member's templates of one level both back up a
    user's minidisk, the checker must have said so (BKR405 for single-configuration
    users, BKR410 for IDENTITY users) about the later of the two jobs, when the two
    jobs may run on one day (read off the calendar): jobs that never do (`monthly 1`
    and `monthly 15`) are one backup split over days, each day's copy made once."""
    analysis, artifacts = compile_source("over.bkr", text.encode())
    if artifacts is None:
        return
    dates = {name: _run_dates(schedule) for name, schedule in _JOB_SCHEDULE.findall(text)}
    warned = [d.message for d in analysis.diagnostics if d.code in ("BKR405", "BKR410")]
    model = analysis.model
    order = {job.name: n for n, job in enumerate(model.jobs)}
    levels = {job.name: job.level for job in model.jobs}
    templates = [a for a in artifacts if a.kind == "job-template"]
    for one, two in itertools.combinations(templates, 2):
        if one.member != two.member or levels[one.source_job] is not levels[two.source_job]:
            continue
        if not dates[one.source_job] & dates[two.source_job]:
            continue  # never on one day: one backup split over days
        both = _both_select(_minidisk_records(one.text), _minidisk_records(two.text), model.user_ids)
        if both is None:
            continue
        later = max(one.source_job, two.source_job, key=order.__getitem__)
        assert any(m.startswith(f"job `{later}` ") for m in warned), (one.path, two.path, both, warned)


def _records_split(text: str) -> tuple[list[str], list[str]]:
    """(the job's own selection records, the member's excludes) of a job template."""
    lines = text.splitlines()
    cut = next((n for n, line in enumerate(lines) if line.startswith("* Excludes of member ")), len(lines))
    records = [n for n, line in enumerate(lines) if line.startswith(("INCLUDE ", "EXCLUDE "))]
    return [lines[n] for n in records if n < cut], [lines[n] for n in records if n > cut]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(overlapping_jobs())
def test_an_identity_jobs_copies_select_alike_and_each_member_adds_its_excludes_to_its_single_jobs(text):
    """SSI rule 6: an IDENTITY job's copies on the members carry the same INCLUDE and
    EXCLUDE statements, record for record, so that each member's instance of a user is
    backed up alike: no member's own excludes go into them (BKR414 warns of one that
    reaches their users). What a member itself excludes goes, the same, into every
    single-configuration job pinned to it, and into none of a member that excludes
    nothing."""
    analysis, artifacts = compile_source("over.bkr", text.encode())
    if artifacts is None:
        return
    templates = [a for a in artifacts if a.kind == "job-template"]
    own: dict[str, set] = {}
    local: dict[str, set] = {}
    for a in templates:
        selection, excludes = _records_split(a.text)
        if a.job_kind == "identity":
            assert not excludes, a.path
            own.setdefault(a.source_job, set()).add(tuple(selection))
        else:
            local.setdefault(a.member, set()).add(tuple(excludes))
    assert all(len(copies) == 1 for copies in own.values()), own
    for member, excludes in local.items():
        assert len(excludes) == 1, (member, excludes)
        assert bool(next(iter(excludes))) == bool(analysis.model.member(member).excludes), member


# stop 77, h6: what each member's BKRSUBMT submits is its folder's templates, and its away. table says where the others are
#: A value a generated EXEC assigns to a numbered stem: `v.N = '...'`, then `v.N = v.N'...'`.
_STEM_PIECE = re.compile(r"^([a-z]+)\.([0-9]+) = (?:\1\.\2)?'((?:[^']|'')*)'$", re.MULTILINE)


def _stem_values(text: str) -> dict[str, list[str]]:
    """Each numbered stem of an EXEC (`job.`, `run.`, `away.`...) as the list of its
    values from 1 up, as REXX holds them (quotes undoubled, `<U+XXXX>` decoded)."""
    from bkrdsl.emit.quoting import decode_invariant

    raw: dict[tuple[str, int], str] = {}
    for stem, index, piece in _STEM_PIECE.findall(text):
        raw[stem, int(index)] = raw.get((stem, int(index)), "") + piece.replace("''", "'")
    out: dict[str, list[str]] = {}
    for stem, index in sorted(raw):
        out.setdefault(stem, []).append(decode_invariant(raw[stem, index]))
    counts = dict(re.findall(r"^([a-z]+)\.0 = ([0-9]+)$", text, re.MULTILINE))
    for stem, values in out.items():
        if stem in counts:
            assert len(values) == int(counts[stem]), (stem, values, counts[stem])
    return out


def _untyped(name: str) -> str:
    """A name as typed at a terminal (`PAY"@1`) back to the name (names hold no `"`)."""
    return name.replace('"', "")


@st.composite
def placed_clusters(draw) -> str:
    """A cluster whose jobs run on several members: single-configuration jobs of their
    own users, each pinned to a member of its own (or `each member` in a cluster of one
    member), IDENTITY jobs on each member; members with or without a job suffix; any
    CP job names, any schedules (manual too)."""
    members = draw(st.lists(ANY_MEMBER_NAMES, min_size=1, max_size=4, unique_by=str.upper))
    suffixes = draw(st.lists(st.sampled_from("ABCDEFGH"), min_size=len(members), max_size=len(members),
                             unique=True))
    lines = ["import std/backup-manager", "import std/zvm73", "cluster PLACED {"]
    for m, suffix in zip(members, suffixes):
        own = f"  job-suffix {suffix}" if draw(st.booleans()) else ""
        lines.append(f"  member {m} {{ workers {draw(st.integers(1, 3))}{own} }}")
    lines.append(f"  catalog shared server BKRSVSFS pool BKRPOOL on {members[0]}")
    lines.append(f"  expire on {members[0]} {{ preview daily 01:00  purge weekly sun 03:00  retain 30 days }}")
    lines.append("  identity group SYSIDS { TCPIP }")
    jobs = draw(st.lists(CP_NAMES, min_size=1, max_size=5, unique_by=str.upper))
    for n, job in enumerate(jobs):
        single = draw(st.booleans())
        if single:
            lines.append(f"  single group G{n} {{ LNX{n:02d} }}")
            where = draw(st.sampled_from(members + (["each member"] if len(members) == 1 else [])))
        lines += [
            f"  job {job} {{",
            f"    backup G{n} full" if single else "    backup SYSIDS incremental",
            "    include minidisk * *",
            "    to disk pool BKUPPOOL",
            f"    run on {where if single else 'each member'} {draw(schedules())}",
            "  }",
        ]
    return "\n".join(lines + ["}"]) + "\n"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(placed_clusters(), clusters(), named_clusters()))
def test_each_members_bkrsubmt_submits_its_own_templates_and_says_where_the_others_run(text):
    """What a sysprog relies on when BKRSUBMT runs on a member, read off the folder
    compile writes and its manifest.json: the jobs its table submits are exactly the
    job templates in that member's folder, each once, each template naming itself
    (BKR_Job_Name) and listed in the manifest for that member; each is sent to (and
    reviewed by) the cluster's backup server under its own name. Its `away.` table,
    by which `BKRSUBMT name` (rc 28) and a DUE on the wrong member say where a job
    runs, lists every job of the cluster that does not run here alone under its own
    name, with exactly the members and names its templates have, each with the
    schedule that member's own BKRSUBMT submits it on; no other entry."""
    analysis = analyse("prop.bkr", text.encode())
    if not analysis.ok:
        return
    server = analysis.model.backup_server or "BKRBKUP"
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp) / "prop.bkr", Path(tmp) / "out"
        source.write_text(text, encoding="utf-8")
        run_cli(["compile", source, "-o", out], expect=0)
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        templates = [f for f in manifest["files"] if f["kind"] == "job-template"]
        members = sorted(p.name for p in out.iterdir() if p.is_dir() and p.name != "cluster")
        assert members == sorted(m.name for m in analysis.model.members)
        tables = {m: _stem_values((out / m / "BKRSUBMT.EXEC").read_text(encoding="utf-8")) for m in members}
        on_disk = {m: sorted(p.name for p in (out / m).iterdir() if p.suffix == ".TEMPLATE") for m in members}
        texts = {f["path"]: (out / f["path"]).read_text(encoding="utf-8") for f in templates}
    # where each job of the .bkr file runs, and under which names: from the manifest
    placed: dict[str, set[tuple[str, str]]] = {}
    sched: dict[tuple[str, str], str] = {}
    for m in members:
        table = tables[m]
        jobs = table.get("job", [])
        assert len(jobs) == len(set(jobs)), (m, jobs)
        mine = {f["job"]: f for f in templates if f["member"] == m}
        assert sorted(jobs) == sorted(mine), (m, jobs, sorted(mine))
        assert sorted(f"{j}.TEMPLATE" for j in jobs) == on_disk[m], (m, jobs, on_disk[m])
        for i, job in enumerate(jobs):
            entry = mine[job]
            assert entry["path"] == f"{m}/{job}.TEMPLATE", entry
            assert f"CONFIG BKR_Job_Name = {job}" in texts[entry["path"]].splitlines(), entry["path"]
            for command in (table["run"][i], table["dry"][i]):
                words = command.split()
                assert words[1] == server and words[-1] == job, (m, command)
            placed.setdefault(entry["source_job"], set()).add((m, job))
            sched[m, job] = table["sched"][i]
    assert set(placed) <= {job.name for job in analysis.model.jobs}, sorted(placed)
    for m in members:
        table = tables[m]
        away = {}
        for entry, when in zip(table.get("away", []), table.get("awaysched", []), strict=True):
            name, *pairs = entry.split()
            assert name not in away, (m, entry)
            away[name] = ({(pairs[k], _untyped(pairs[k + 1])) for k in range(0, len(pairs), 2)}, when)
        assert len(table.get("away", [])) == len(table.get("awaysched", []))
        expected = {
            name: (where, sched[next(iter(where))])
            for name, where in placed.items()
            if where != {(m, name)}
        }
        assert away == expected, (m, away, expected)
        assert all(sched[p] == when for where, when in expected.values() for p in where), (m, expected, sched)
