"""Highlighting: one golden table run through pygments, VS Code's TextMate engine and Vim.

GOLDEN lists, for a line of .bkr, the coloured runs every engine must produce:
(kind, text) for each run of non-blank text of one token kind (the kinds are
bkrdsl.keywords.KINDS). The same table feeds the three engines; then every
example, stdlib module and valid test fixture is run through all three and they
must agree character by character, and agree with the real parser on where each
token starts and ends and whether it is a keyword.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, require_tool, run_cli
from pygments.token import Error, Generic, Text, Whitespace, string_to_tokentype

VSCODE_TEST = ROOT / "editors" / "vscode" / "test"
VIM_RUNTIME = ROOT / "editors" / "vim"

# ------------------------------------------------------------------ the golden table
GOLDEN: list[tuple[str, list[tuple[str, str]]]] = [
    # imports
    ("import std/backup-manager", [("keyword", "import"), ("import-path", "std/backup-manager")]),
    (
        "IMPORT ./site/common  # the site's own module",
        [("keyword", "IMPORT"), ("import-path", "./site/common"), ("comment", "# the site's own module")],
    ),
    # the path on a later line (after a comment), as the parsers read it; but a statement
    # keyword starting that line (BKR010), unless the path goes on (`run/x` is a path)
    (
        "import  # the manager\n  std/backup-manager# v2",
        [("keyword", "import"), ("comment", "# the manager"), ("import-path", "std/backup-manager"),
         ("comment", "# v2")],
    ),
    ("IMPORT\n  ./site/common", [("keyword", "IMPORT"), ("import-path", "./site/common")]),
    ("import\n  run/x", [("keyword", "import"), ("import-path", "run/x")]),
    ("import\ncluster C {", [("keyword", "import"), ("keyword", "cluster"), ("cluster-name", "C"), ("brace", "{")]),
    # declarations: the name before a brace, by its keyword
    ("cluster PRODSSI {", [("keyword", "cluster"), ("cluster-name", "PRODSSI"), ("brace", "{")]),
    # ...or at the end of its line, or first on a later line, the brace on a later line
    (
        "cluster PRODSSI  # production\n{",
        [("keyword", "cluster"), ("cluster-name", "PRODSSI"), ("comment", "# production"), ("brace", "{")],
    ),
    ("CLUSTER\n  PRODSSI\n{", [("keyword", "CLUSTER"), ("cluster-name", "PRODSSI"), ("brace", "{")]),
    (
        "  member VMSYS1 { workers 4  private-volume M1PRV1 }",
        [
            ("keyword", "member"),
            ("member-name", "VMSYS1"),
            ("brace", "{"),
            ("keyword", "workers"),
            ("number", "4"),
            ("keyword", "private-volume"),
            ("name", "M1PRV1"),
            ("brace", "}"),
        ],
    ),
    (
        "  shared-volume VMCOM1 3390-9 VMEAV1 262668-cyl VMCOM2",
        [
            ("keyword", "shared-volume"),
            ("name", "VMCOM1"),
            ("number", "3390-9"),
            ("name", "VMEAV1"),
            ("number", "262668-cyl"),
            ("name", "VMCOM2"),
        ],
    ),
    # a volume list: every word up to the next statement of its block (a member's after
    # `private-volume`, the cluster's after `shared-volume`) or a brace is a label, even
    # one spelled like a keyword, first in the list or after a label, as the parsers read
    # it (BKR021): `on VMCOM1` names no member, the cluster gets the volumes ON and VMCOM1
    ("  shared-volume on VMCOM1", [("keyword", "shared-volume"), ("name", "on"), ("name", "VMCOM1")]),
    ("shared-volume shared VMCOM1", [("keyword", "shared-volume"), ("name", "shared"), ("name", "VMCOM1")]),
    (
        "member VMSYS1 { private-volume member M1PRV1 RETAIN 30 days workers 2 }",
        [("keyword", "member"), ("member-name", "VMSYS1"), ("brace", "{"), ("keyword", "private-volume"),
         ("name", "member"), ("name", "M1PRV1"), ("name", "RETAIN"), ("number", "30"), ("name", "days"),
         ("keyword", "workers"), ("number", "2"), ("brace", "}")],
    ),
    (
        "shared-volume VMCOM2 3390-9 EACH  tape manager local",
        [("keyword", "shared-volume"), ("name", "VMCOM2"), ("number", "3390-9"), ("name", "EACH"),
         ("keyword", "tape"), ("keyword", "manager"), ("keyword", "local")],
    ),
    # a statement keyword of the block right before its `}` is a last label
    ("shared-volume VMCOM3 JOB }", [("keyword", "shared-volume"), ("name", "VMCOM3"), ("name", "JOB"), ("brace", "}")]),
    # the list runs on over lines, past a comment, to the member's next statement
    (
        "member M2 { private-volume local M2PRV1  # on VMSYS1\n  EACH RUN\n  workers 2 }",
        [("keyword", "member"), ("member-name", "M2"), ("brace", "{"), ("keyword", "private-volume"),
         ("name", "local"), ("name", "M2PRV1"), ("comment", "# on VMSYS1"), ("name", "EACH"), ("name", "RUN"),
         ("keyword", "workers"), ("number", "2"), ("brace", "}")],
    ),
    ("  job LNXFULL {", [("keyword", "job"), ("job-name", "LNXFULL"), ("brace", "{")]),
    ("Cluster DevSSI{", [("keyword", "Cluster"), ("cluster-name", "DevSSI"), ("brace", "{")]),
    ("JOB A#1 { }", [("keyword", "JOB"), ("job-name", "A#1"), ("brace", "{"), ("brace", "}")]),
    # groups: a body of user IDs and `match PATTERN`; keywords there are user IDs
    (
        "single group LINUX { LNXWEB01 LNXDB01  match LNXAPP* }",
        [
            ("keyword", "single"),
            ("keyword", "group"),
            ("group-name", "LINUX"),
            ("brace", "{"),
            ("user-id", "LNXWEB01"),
            ("user-id", "LNXDB01"),
            ("keyword", "match"),
            ("pattern", "LNXAPP*"),
            ("brace", "}"),
        ],
    ),
    (
        "identity group RUN { RUN JOB $ALLOC$ }",
        [
            ("keyword", "identity"),
            ("keyword", "group"),
            ("group-name", "RUN"),
            ("brace", "{"),
            ("user-id", "RUN"),
            ("user-id", "JOB"),
            ("user-id", "$ALLOC$"),
            ("brace", "}"),
        ],
    ),
    # in a group body only `match` is a keyword: a slot keyword alone there is a user ID,
    # as the parsers read it (`catalog-dmm X`: the users CATALOG-DMM and X)
    (
        "single group G { catalog-dmm }",
        [("keyword", "single"), ("keyword", "group"), ("group-name", "G"), ("brace", "{"),
         ("user-id", "catalog-dmm"), ("brace", "}")],
    ),
    (
        "single group G { Server X  match Y* match }",
        [("keyword", "single"), ("keyword", "group"), ("group-name", "G"), ("brace", "{"), ("user-id", "Server"),
         ("user-id", "X"), ("keyword", "match"), ("pattern", "Y*"), ("keyword", "match"), ("brace", "}")],
    ),
    # user declarations
    (
        "single user 5697J06C role installation",
        [
            ("keyword", "single"),
            ("keyword", "user"),
            ("user-id", "5697J06C"),
            ("keyword", "role"),
            ("name", "installation"),
        ],
    ),
    (
        "identity user BKRWRK*, BKRBKUP role worker",
        [
            ("keyword", "identity"),
            ("keyword", "user"),
            ("pattern", "BKRWRK*"),
            ("comma", ","),
            ("user-id", "BKRBKUP"),
            ("keyword", "role"),
            ("name", "worker"),
        ],
    ),
    # selections: an owner, then addresses and ranges up to the next keyword
    (
        "    include minidisk * 0100-0FFF",
        [
            ("keyword", "include"),
            ("keyword", "minidisk"),
            ("pattern", "*"),
            ("address", "0100"),
            ("range-operator", "-"),
            ("address", "0FFF"),
        ],
    ),
    (
        "    exclude minidisk MAINT 0190 019D 19E *",
        [
            ("keyword", "exclude"),
            ("keyword", "minidisk"),
            ("user-id", "MAINT"),
            ("address", "0190"),
            ("address", "019D"),
            ("address", "19E"),
            ("pattern", "*"),
        ],
    ),
    (
        "member M3 { exclude minidisk * 0192 private-volume M3PRV1 }",
        [
            ("keyword", "member"),
            ("member-name", "M3"),
            ("brace", "{"),
            ("keyword", "exclude"),
            ("keyword", "minidisk"),
            ("pattern", "*"),
            ("address", "0192"),
            ("keyword", "private-volume"),
            ("name", "M3PRV1"),
            ("brace", "}"),
        ],
    ),
    ("    include sfs BKRPOOL:CICSPRD.*", [("keyword", "include"), ("keyword", "sfs"), ("pattern", "BKRPOOL:CICSPRD.*")]),
    # a selection's addresses (from the first on the owner's line) and paths are every word
    # over lines to the next statement of a member or job, or a brace, even one spelled like
    # a keyword, as the parsers read them (`on` an address the check reports, BKR017)
    (
        "    include minidisk * on",
        [("keyword", "include"), ("keyword", "minidisk"), ("pattern", "*"), ("name", "on")],
    ),
    (
        "job J { exclude minidisk MAINT 0190 ON # more\n  0191-019F Job\n  to disk }",
        [("keyword", "job"), ("job-name", "J"), ("brace", "{"), ("keyword", "exclude"), ("keyword", "minidisk"),
         ("user-id", "MAINT"), ("address", "0190"), ("name", "ON"), ("comment", "# more"), ("address", "0191"),
         ("range-operator", "-"), ("address", "019F"), ("name", "Job"), ("keyword", "to"), ("keyword", "disk"),
         ("brace", "}")],
    ),
    (
        "  exclude sfs POOL:JOB. job member\n  INCLUDE SFS run",
        [("keyword", "exclude"), ("keyword", "sfs"), ("name", "POOL:JOB."), ("name", "job"), ("name", "member"),
         ("keyword", "INCLUDE"), ("keyword", "SFS"), ("name", "run")],
    ),
    # catalog, tape, disks
    (
        "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1",
        [
            ("keyword", "catalog"),
            ("keyword", "shared"),
            ("keyword", "server"),
            ("user-id", "BKRSVSFS"),
            ("keyword", "pool"),
            ("name", "BKRPOOL"),
            ("keyword", "on"),
            ("member-name", "VMSYS1"),
        ],
    ),
    (
        "tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM",
        [
            ("keyword", "tape"),
            ("keyword", "manager"),
            ("keyword", "shared"),
            ("keyword", "catalog-node"),
            ("user-id", "TCTMM"),
            ("keyword", "on"),
            ("member-name", "VMSYS1"),
            ("keyword", "request-node"),
            ("user-id", "TRTMM"),
        ],
    ),
    (
        "tape manager shared catalog-dmm TCDMM Request-DMM TR$DMM",
        [
            ("keyword", "tape"),
            ("keyword", "manager"),
            ("keyword", "shared"),
            ("keyword", "catalog-dmm"),
            ("user-id", "TCDMM"),
            ("keyword", "Request-DMM"),
            ("user-id", "TR$DMM"),
        ],
    ),
    (
        "disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000",
        [
            ("keyword", "disk"),
            ("user-id", "BKRSVSFS"),
            ("address", "191"),
            ("keyword", "size"),
            ("number", "20"),
            ("name", "cyl"),
            ("keyword", "on"),
            ("name", "VMCOM1"),
            ("keyword", "at"),
            ("number", "1000"),
        ],
    ),
    ("to disk pool BKUPPOOL", [("keyword", "to"), ("keyword", "disk"), ("keyword", "pool"), ("name", "BKUPPOOL")]),
    # schedules: times, days, numbers
    (
        "expire on VMSYS1 { preview daily 01:00  purge weekly sun 03:00  retain 35 days }",
        [
            ("keyword", "expire"),
            ("keyword", "on"),
            ("member-name", "VMSYS1"),
            ("brace", "{"),
            ("keyword", "preview"),
            ("keyword", "daily"),
            ("time", "01:00"),
            ("keyword", "purge"),
            ("keyword", "weekly"),
            ("name", "sun"),
            ("time", "03:00"),
            ("keyword", "retain"),
            ("number", "35"),
            ("keyword", "days"),
            ("brace", "}"),
        ],
    ),
    (
        "run on VMSYS2 weekly mon,thu 21:00",
        [
            ("keyword", "run"),
            ("keyword", "on"),
            ("member-name", "VMSYS2"),
            ("keyword", "weekly"),
            ("name", "mon"),
            ("comma", ","),
            ("name", "thu"),
            ("time", "21:00"),
        ],
    ),
    # a weekly schedule's days are names, even those spelled like keywords (bkrc check
    # reports a day BACKUP), and the time after them a time
    (
        "run on VMSYS2 weekly sat,backup 01:00",
        [("keyword", "run"), ("keyword", "on"), ("member-name", "VMSYS2"), ("keyword", "weekly"), ("name", "sat"),
         ("comma", ","), ("name", "backup"), ("time", "01:00")],
    ),
    ("purge Weekly run , Full 03:00", [("keyword", "purge"), ("keyword", "Weekly"), ("name", "run"), ("comma", ","),
                                       ("name", "Full"), ("time", "03:00")]),
    # the time of a schedule is a name too, even one spelled like a keyword (bkrc check
    # reports it); after a weekly schedule's days, but for a keyword that may follow a
    # list: there the parsers read the time left out before it
    ("purge weekly 06:00 retain }", [("keyword", "purge"), ("keyword", "weekly"), ("time", "06:00"),
                                     ("name", "retain"), ("brace", "}")]),
    ("run on VM1 weekly sat to disk", [("keyword", "run"), ("keyword", "on"), ("member-name", "VM1"),
                                       ("keyword", "weekly"), ("name", "sat"), ("keyword", "to"), ("keyword", "disk")]),
    ("purge DAILY retain", [("keyword", "purge"), ("keyword", "DAILY"), ("name", "retain")]),
    ("run on VM1 monthly 01:00 backup }", [("keyword", "run"), ("keyword", "on"), ("member-name", "VM1"),
                                           ("keyword", "monthly"), ("time", "01:00"), ("name", "backup"),
                                           ("brace", "}")]),
    (
        "run on each member daily 3:30",
        [
            ("keyword", "run"),
            ("keyword", "on"),
            ("keyword", "each"),
            ("keyword", "member"),
            ("keyword", "daily"),
            ("time", "3:30"),
        ],
    ),
    ("run on A monthly 1 02:00", [("keyword", "run"), ("keyword", "on"), ("member-name", "A"), ("keyword", "monthly"),
                                   ("number", "1"), ("time", "02:00")]),
    # the ordinals of `monthly first sun` are keywords right after `monthly` only, as
    # the parsers read them; anywhere else one is a name (a pool, a volume)
    ("run on A monthly first sun 02:00", [("keyword", "run"), ("keyword", "on"), ("member-name", "A"),
                                          ("keyword", "monthly"), ("keyword", "first"), ("name", "sun"),
                                          ("time", "02:00")]),
    ("purge Monthly  LAST Sat 22:00", [("keyword", "purge"), ("keyword", "Monthly"), ("keyword", "LAST"),
                                       ("name", "Sat"), ("time", "22:00")]),
    ("to disk pool LAST", [("keyword", "to"), ("keyword", "disk"), ("keyword", "pool"), ("name", "LAST")]),
    ("workers 2 private-volume FIRST, SECOND", [("keyword", "workers"), ("number", "2"),
                                                ("keyword", "private-volume"), ("name", "FIRST"), ("comma", ","),
                                                ("name", "SECOND")]),
    ("monthly 1 first", [("keyword", "monthly"), ("number", "1"), ("name", "first")]),
    # a keyword that takes one value (`pool`, `role`, `workers`, `job-suffix`, a disk's
    # `at`) is followed by a value, even one spelled like a keyword, as the parsers read
    # it: a file pool named BACKUP, a role misspelt `full` (bkrc check reports it)
    ("to disk pool BACKUP", [("keyword", "to"), ("keyword", "disk"), ("keyword", "pool"), ("name", "BACKUP")]),
    (
        "catalog shared server S pool Tape on VMSYS1",
        [("keyword", "catalog"), ("keyword", "shared"), ("keyword", "server"), ("user-id", "S"),
         ("keyword", "pool"), ("name", "Tape"), ("keyword", "on"), ("member-name", "VMSYS1")],
    ),
    (
        "identity user BKRX role full",
        [("keyword", "identity"), ("keyword", "user"), ("user-id", "BKRX"), ("keyword", "role"), ("name", "full")],
    ),
    (
        "member M { workers TAPE  job-suffix RUN }",
        [("keyword", "member"), ("member-name", "M"), ("brace", "{"), ("keyword", "workers"), ("name", "TAPE"),
         ("keyword", "job-suffix"), ("name", "RUN"), ("brace", "}")],
    ),
    (
        "disk BKRX 191 size 10 cyl on VMCOM1 at JOB",
        [("keyword", "disk"), ("user-id", "BKRX"), ("address", "191"), ("keyword", "size"), ("number", "10"),
         ("name", "cyl"), ("keyword", "on"), ("name", "VMCOM1"), ("keyword", "at"), ("name", "JOB")],
    ),
    ("to disk pool", [("keyword", "to"), ("keyword", "disk"), ("keyword", "pool")]),
    # after `on` come member names, even those spelled like keywords (a member named
    # RUN): only `each member` is keywords there, as the parser reads it (a catalog's
    # `on each` names a member EACH); a member is shown where it is used as where it
    # is declared
    (
        "catalog shared server S pool P on each",
        [("keyword", "catalog"), ("keyword", "shared"), ("keyword", "server"), ("user-id", "S"),
         ("keyword", "pool"), ("name", "P"), ("keyword", "on"), ("member-name", "each")],
    ),
    (
        "tape manager local catalog-node TCTMM on EACH request-node TRTMM",
        [("keyword", "tape"), ("keyword", "manager"), ("keyword", "local"), ("keyword", "catalog-node"),
         ("user-id", "TCTMM"), ("keyword", "on"), ("member-name", "EACH"), ("keyword", "request-node"),
         ("user-id", "TRTMM")],
    ),
    (
        "run on run daily 01:00",
        [("keyword", "run"), ("keyword", "on"), ("member-name", "run"), ("keyword", "daily"), ("time", "01:00")],
    ),
    (
        "expire on VMSYS1, Daily {",
        [("keyword", "expire"), ("keyword", "on"), ("member-name", "VMSYS1"), ("comma", ","),
         ("member-name", "Daily"), ("brace", "{")],
    ),
    (
        "run on VMSYS1,VMSYS2 weekly sat,sun 22:00",
        [("keyword", "run"), ("keyword", "on"), ("member-name", "VMSYS1"), ("comma", ","),
         ("member-name", "VMSYS2"), ("keyword", "weekly"), ("name", "sat"), ("comma", ","), ("name", "sun"),
         ("time", "22:00")],
    ),
    (
        "catalog shared server BKRSVSFS pool BKRPOOL on tape",
        [("keyword", "catalog"), ("keyword", "shared"), ("keyword", "server"), ("user-id", "BKRSVSFS"),
         ("keyword", "pool"), ("name", "BKRPOOL"), ("keyword", "on"), ("member-name", "tape")],
    ),
    # BKRSTART's waits: a keyword, a number and its unit, a value as a disk's `cyl` is
    (
        "catalog local server BKRSVSFS Logon-Wait 2 minutes pool-wait 300 seconds",
        [("keyword", "catalog"), ("keyword", "local"), ("keyword", "server"), ("user-id", "BKRSVSFS"),
         ("keyword", "Logon-Wait"), ("number", "2"), ("name", "minutes"), ("keyword", "pool-wait"),
         ("number", "300"), ("name", "seconds")],
    ),
    ("run on EACH member", [("keyword", "run"), ("keyword", "on"), ("keyword", "EACH"), ("keyword", "member")]),
    (
        "run on each member manual",
        [("keyword", "run"), ("keyword", "on"), ("keyword", "each"), ("keyword", "member"), ("keyword", "manual")],
    ),
    ("run on VMSYS1 manual", [("keyword", "run"), ("keyword", "on"), ("member-name", "VMSYS1"), ("keyword", "manual")]),
    # a disk's `on` names a volume, not a member; the amount and unit are values
    (
        "disk BKRBKUP 191 size 10 cyl on M1PRV1",
        [("keyword", "disk"), ("user-id", "BKRBKUP"), ("address", "191"), ("keyword", "size"), ("number", "10"),
         ("name", "cyl"), ("keyword", "on"), ("name", "M1PRV1")],
    ),
    (
        "disk BKRBKUP 191 size 10 cyl on run at 1",
        [("keyword", "disk"), ("user-id", "BKRBKUP"), ("address", "191"), ("keyword", "size"), ("number", "10"),
         ("name", "cyl"), ("keyword", "on"), ("name", "run"), ("keyword", "at"), ("number", "1")],
    ),
    (
        "disk BKRBKUP 191 size 10 days",
        [("keyword", "disk"), ("user-id", "BKRBKUP"), ("address", "191"), ("keyword", "size"), ("number", "10"),
         ("name", "days")],
    ),
    # backup lists name groups (or users: the highlighters do not resolve names, so
    # every name there is shown as a group), even those spelled like keywords; the
    # level after the last name is a keyword
    ("backup APPS, LINUX full", [("keyword", "backup"), ("group-name", "APPS"), ("comma", ","),
                                 ("group-name", "LINUX"), ("keyword", "full")]),
    ("backup APPS incremental", [("keyword", "backup"), ("group-name", "APPS"), ("keyword", "incremental")]),
    ("BACKUP Linux,Workers", [("keyword", "BACKUP"), ("group-name", "Linux"), ("comma", ","),
                              ("group-name", "Workers")]),
    ("backup full", [("keyword", "backup"), ("group-name", "full")]),
    # strings and escapes
    (
        'description "Weekly \\"full\\" backup # not a comment"',
        [
            ("keyword", "description"),
            ("string", '"Weekly '),
            ("escape", '\\"'),
            ("string", "full"),
            ("escape", '\\"'),
            ("string", ' backup # not a comment"'),
        ],
    ),
    ('description "left open', [("keyword", "description"), ("string", '"left open')]),
    # comments: # starts one only where a name cannot continue
    ("## Linux guests: single-configuration.", [("doc-comment", "## Linux guests: single-configuration.")]),
    ("# a comment with cluster X {", [("comment", "# a comment with cluster X {")]),
    # `4#` is one name: a name may contain #, so no comment starts there.
    ("workers 4# four", [("keyword", "workers"), ("name", "4#"), ("name", "four")]),
    # an import path cannot hold #: the parser reads a comment right after it
    ("import std/zvm73# z/VM 7.3", [("keyword", "import"), ("import-path", "std/zvm73"), ("comment", "# z/VM 7.3")]),
    ("import ./site##x", [("keyword", "import"), ("import-path", "./site"), ("doc-comment", "##x")]),
    ("workers 4 #four", [("keyword", "workers"), ("number", "4"), ("comment", "#four")]),
    ('"x"#y', [("string", '"x"'), ("comment", "#y")]),
    ("workers 4 # bkrc: allow BKR227, x reason", [("keyword", "workers"), ("number", "4"), ("directive", "#"),
     ("directive-keyword", "bkrc:"), ("directive-keyword", "allow"), ("rule-code", "BKR227"), ("directive", ","),
     ("rule-code", "x"), ("directive", "reason")]),
    # what no token starts with
    ("workers = 4", [("keyword", "workers"), ("invalid", "="), ("number", "4")]),
    ("job-suffix -A", [("keyword", "job-suffix"), ("invalid", "-A")]),
    ("workers 4; backup-server", [("keyword", "workers"), ("number", "4"), ("invalid", ";"), ("name", "backup-server")]),
]


# ------------------------------------------------------------------ kinds per engine
def _kind_tables():
    from bkrdsl.keywords import KINDS

    pyg = {string_to_tokentype(k.pygments): k.name for k in KINDS}
    tm = {k.textmate: k.name for k in KINDS if k.textmate}
    vim = {g: k.name for k in KINDS for g in k.vim}
    return pyg, tm, vim


PYG_KIND, TM_KIND, VIM_KIND = _kind_tables()
VIM_KIND["bkrGroupBody"] = "name"  # the blanks of a group body: no colour of their own


def pygments_kinds(text: str) -> list[str | None]:
    """One kind per character of `text`; None for plain white space."""
    from bkrdsl.highlight import tokenize

    kinds: list[str | None] = []
    for _, token, value in tokenize(text):
        if token in (Whitespace, Text):
            kinds.extend(None if c.isspace() else "name" for c in value)
        else:
            assert token in PYG_KIND, f"token type {token} is not a kind"
            kinds.extend([PYG_KIND[token]] * len(value))
    assert len(kinds) == len(text)
    return kinds


def _tm_kind(scopes: list[str]) -> str:
    for scope in reversed(scopes):
        if scope in TM_KIND:
            return TM_KIND[scope]
    assert scopes == ["source.bkr"], f"unexpected scopes {scopes}"
    return "name"


def textmate_kinds(text: str, lines: list) -> list[str | None]:
    kinds: list[str | None] = []
    for line, tokens in zip(text.split("\n"), lines):
        # VS Code counts UTF-16 code units.
        units = [0]
        for c in line:
            units.append(units[-1] + (2 if ord(c) > 0xFFFF else 1))
        by_unit = {}
        for start, end, scopes in tokens:
            for u in range(start, end):
                by_unit[u] = _tm_kind(scopes)
        kinds.extend(by_unit.get(units[i], "name") for i in range(len(line)))
        kinds.append(None)  # the newline
    return kinds[: len(text)]


def vim_kinds(text: str, lines: list) -> list[str | None]:
    kinds: list[str | None] = []
    for line, names in zip(text.split("\n"), lines):
        col = 0
        for c in line:
            name = names[col] if col < len(names) else ""
            assert name in VIM_KIND, f"Vim group {name!r} is not a kind"
            kinds.append(VIM_KIND[name])
            col += len(c.encode("utf-8"))
        kinds.append(None)
    return kinds[: len(text)]


KEEP_BLANKS = {"string", "comment", "doc-comment"}


def runs(text: str, kinds: list[str | None]) -> list[tuple[str, str]]:
    """(kind, text) for each run of one kind; blanks split runs unless inside a string or comment."""
    out: list[tuple[str, str]] = []
    current: list = []
    for c, kind in zip(text, kinds):
        if c.isspace() and kind not in KEEP_BLANKS:
            current = []
            continue
        if current and current[0] == kind:
            current[1] += c
            out[-1] = (kind, current[1])
        else:
            current = [kind, c]
            out.append((kind, c))
    return out


# ------------------------------------------------------------------ engine runners
def _have_textmate() -> bool:
    if shutil.which("node") is None:
        return False
    modules = VSCODE_TEST / "node_modules"
    if not (modules / "vscode-textmate").is_dir() and shutil.which("npm"):
        # .ci/run installs these; on a developer's machine do it here, once.
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=VSCODE_TEST,
            capture_output=True,
            timeout=600,
            check=False,
        )
    return (modules / "vscode-textmate").is_dir() and (modules / "vscode-oniguruma").is_dir()


def textmate_run(args: list[str], stdin: str | None = None) -> list[dict]:
    require_tool("BKRDSL_REQUIRE_NODE", _have_textmate(), "node with editors/vscode/test's npm packages")
    proc = subprocess.run(
        ["node", str(VSCODE_TEST / "tokenize.js"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


VIM_SCRIPT = r"""
set nocompatible
let &runtimepath = g:bkr_rtp . ',' . &runtimepath
filetype plugin indent on
syntax on
let s:out = []
for s:file in readfile(g:bkr_list)
  execute 'edit ' . fnameescape(s:file)
  let s:lines = []
  for s:l in range(1, line('$'))
    let s:names = []
    for s:c in range(1, len(getline(s:l)))
      call add(s:names, synIDattr(synID(s:l, s:c, 1), 'name'))
    endfor
    call add(s:lines, s:names)
  endfor
  call add(s:out, {'file': s:file, 'filetype': &filetype, 'lines': s:lines})
  bwipeout!
endfor
call writefile([json_encode(s:out)], g:bkr_out)
qall!
"""


def vim_run(files: list[Path], tmp: Path, script: str = VIM_SCRIPT) -> list[dict]:
    require_tool("BKRDSL_REQUIRE_VIM", shutil.which("vim") is not None, "vim")
    listing, out, source = tmp / "files.txt", tmp / "out.json", tmp / "run.vim"
    listing.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
    source.write_text(script, encoding="utf-8")
    proc = subprocess.run(
        [
            "vim", "-es", "-N", "-u", "NONE", "-i", "NONE", "-n",
            "--cmd", f"let g:bkr_rtp = {json.dumps(str(VIM_RUNTIME))}",
            "--cmd", f"let g:bkr_list = {json.dumps(str(listing))}",
            "--cmd", f"let g:bkr_out = {json.dumps(str(out))}",
            "-S", str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert out.exists(), f"vim wrote nothing (exit {proc.returncode}): {proc.stdout} {proc.stderr}"
    return json.loads(out.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ the corpus
def corpus() -> list[Path]:
    """Every example (broken ones too), stdlib module and valid fixture."""
    files = [*ROOT.glob("examples/**/*.bkr"), *ROOT.glob("stdlib/*.bkr")]
    files += [p for p in ROOT.glob("tests/data/**/*.bkr") if "malformed" not in p.relative_to(ROOT).parts]
    return sorted(files)


def _read(path: Path) -> str:
    from bkrdsl.syntax.reader import normalise

    return normalise(path.read_bytes().decode("utf-8", errors="replace"))


def _where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{col}"


def _disagreements(text: str, expected: list, actual: list) -> list[str]:
    return [
        f"{_where(text, i)} {text[i]!r}: pygments {e}, other {a}"
        for i, (e, a) in enumerate(zip(expected, actual))
        if not text[i].isspace() and e != a
    ]


# ------------------------------------------------------------------ pygments
@pytest.mark.parametrize("text,expected", GOLDEN, ids=[t for t, _ in GOLDEN])
def test_pygments_golden(text, expected):
    assert runs(text, pygments_kinds(text)) == expected


def test_golden_covers_every_kind():
    from bkrdsl.keywords import KINDS

    covered = {kind for _, expected in GOLDEN for kind, _ in expected}
    assert covered == {k.name for k in KINDS}


def test_corpus_is_not_empty():
    names = {p.parent.name for p in corpus()}
    assert {"examples", "stdlib"} <= names


@pytest.mark.parametrize("path", corpus(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_error_token(path):
    """pygments' Error means the lexer failed (Sphinx then drops the colours of the
    whole block); a broken example is still lexed, its stray characters Generic.Error."""
    from bkrdsl.highlight import BkrLexer

    text = _read(path)
    tokens = list(BkrLexer().get_tokens_unprocessed(text))
    errors = [(i, v) for i, t, v in tokens if t is Error]
    assert not errors, [f"{_where(text, i)} {v!r}" for i, v in errors]
    if "broken" not in path.relative_to(ROOT).parts:
        stray = [(i, v) for i, t, v in tokens if t is Generic.Error]
        assert not stray, [f"{_where(text, i)} {v!r}" for i, v in stray]


def test_stray_characters_are_marked_but_never_an_error_token():
    from pygments.lexers import get_lexer_by_name

    tokens = list(get_lexer_by_name("bkr").get_tokens('member M { workers = 4; "\\ }\n€ \x00'))
    assert not [v for t, v in tokens if t is Error]
    assert [v for t, v in tokens if t is Generic.Error] == ["=", ";", "€", "\x00"]


@pytest.mark.parametrize("path", corpus(), ids=lambda p: str(p.relative_to(ROOT)))
def test_lexer_agrees_with_the_parser(path):
    """Where the real parser sees a name, a string, a path or a comment, the lexer colours exactly that
    span as one; everything else it colours as a keyword of the grammar or punctuation."""
    from lark import Token

    from bkrdsl.highlight import tokenize
    from bkrdsl.keywords import keywords
    from bkrdsl.source import Source
    from bkrdsl.syntax.parser import parse

    text = _read(path)
    result = parse(Source.of(str(path), text))
    if not result.ok:
        pytest.skip("the file has syntax errors; the parser gives no token map")
    allowed = {
        "NAME": {"name", "user-id", "pattern", "address", "range-operator", "number", "time",
                 "cluster-name", "member-name", "group-name", "job-name"},
        "STRING": {"string", "escape"},
        "IMPORT_PATH": {"import-path"},
        "COMMENT": {"comment", "directive", "directive-keyword", "rule-code"},  # `# bkrc: allow`: stop 75, h10
        "DOC_COMMENT": {"doc-comment"},
    }
    kinds = pygments_kinds(text)
    starts = {i for i, _, _ in tokenize(text)} | {len(text)}
    covered = [False] * len(text)
    tokens = [*result.tree.scan_values(lambda v: isinstance(v, Token)), *result.comments]
    problems = []
    for tok in tokens:
        a, b = tok.start_pos, tok.end_pos
        got = set(kinds[a:b])
        if not got <= allowed[tok.type] or a not in starts or b not in starts:
            problems.append(f"{_where(text, a)} {tok.type} {tok.value!r}: {sorted(map(str, got))}")
        covered[a:b] = [True] * (b - a)
    words = set(keywords())
    for i, token, value in tokenize(text):
        if value.isspace() or all(covered[i : i + len(value)]):
            continue
        kind = PYG_KIND.get(token)
        if kind == "keyword" and value.lower() in words or kind in ("brace", "comma"):
            continue
        problems.append(f"{_where(text, i)} {value!r} is outside the parser's tokens but coloured {kind}")
    assert not problems


def _names_by_role(tree) -> tuple[dict[str, list], dict[str, list]]:
    """The NAME tokens of a parse tree that name a member or a group, as the parser reads
    them: {"declared": [...], "used": [...]} for each, a list wrapped onto further lines
    (`backup A,` then `B full`) included."""
    from lark import Token, Tree

    members: dict[str, list] = {"declared": [], "used": []}
    groups: dict[str, list] = {"declared": [], "used": []}

    def list_names(node):
        (names,) = [c for c in node.children if isinstance(c, Tree) and c.data == "name_list"]
        return [c for c in names.children if isinstance(c, Token)]

    for node in tree.iter_subtrees():
        tokens = [c for c in node.children if isinstance(c, Token) and c.type == "NAME"]
        if node.data == "member":
            members["declared"].append(tokens[0])
        elif node.data == "group_decl":
            groups["declared"].append(tokens[0])
        elif node.data == "on_members":
            members["used"] += list_names(node)
        elif node.data in ("catalog_home", "tape_catalog_node"):
            members["used"] += tokens[-1:]
        elif node.data == "backup":
            groups["used"] += list_names(node)
    return members, groups


@pytest.mark.parametrize("path", corpus(), ids=lambda p: str(p.relative_to(ROOT)))
def test_member_and_group_names_are_coloured_where_the_parser_reads_them(path):
    """A member named after `on` (run, expire, catalog, the Tape Manager catalog node)
    is coloured as a member, a name of a `backup` list as a group, as where they are
    declared; and nothing else is (a disk's `on VOLUME` names a volume)."""
    from bkrdsl.keywords import vocabulary
    from bkrdsl.source import Source
    from bkrdsl.syntax.parser import parse

    text = _read(path)
    result = parse(Source.of(str(path), text))
    if not result.ok:
        pytest.skip("the file has syntax errors; the parser gives no token map")
    kinds = pygments_kinds(text)
    wild = set(vocabulary().wildcards)
    problems = []
    for kind, names in zip(("member-name", "group-name"), _names_by_role(result.tree)):
        allowed = set()
        for role, tokens in names.items():
            for tok in tokens:
                allowed |= set(range(tok.start_pos, tok.end_pos))
                want = "pattern" if wild & set(tok.value) else kind
                if role == "used" and set(kinds[tok.start_pos : tok.end_pos]) != {want}:
                    got = sorted(set(map(str, kinds[tok.start_pos : tok.end_pos])))
                    problems.append(f"{_where(text, tok.start_pos)} {tok.value!r} is a {kind} but coloured {got}")
        problems += [
            f"{_where(text, i)} {text[i]!r} is coloured {kind} but is not one"
            for i, k in enumerate(kinds)
            if k == kind and i not in allowed
        ]
    assert not problems


def test_the_corpus_uses_members_and_groups():
    """The test above has references to check: the examples name members after `on`
    (one after a Tape Manager catalog node, one a disk's volume) and groups in `backup`."""
    from bkrdsl.source import Source
    from bkrdsl.syntax.parser import parse

    used = {"member-name": 0, "group-name": 0}
    seen = set()
    for path in ROOT.glob("examples/*.bkr"):
        result = parse(Source.of(str(path), _read(path)))
        assert result.ok, path
        members, groups = _names_by_role(result.tree)
        used["member-name"] += len(members["used"])
        used["group-name"] += len(groups["used"])
        seen |= {node.data for node in result.tree.iter_subtrees()}
    assert used["member-name"] >= 10 and used["group-name"] >= 10, used
    assert {"tape_catalog_node", "catalog_home", "disk_place", "on_members", "on_each_member"} <= seen


# ------------------------------------------------------------------ every keyword in a list
#: A volume list with a word `{W}` in it: first, after a label, on the next line, in a
#: member's `private-volume` and the cluster's `shared-volume`, the block on several
#: lines or on one. `{W}` is followed by a label or the block's `}` on its line: a last
#: label at the end of its line spelled like a statement of the block is read by what
#: the next line starts with, which no highlighter sees (docs/editors.md, limits).
VOLUME_LISTS = (
    "  member VM1 {{\n    workers 2\n    private-volume {W} VOL1\n  }}",
    "  member VM1 {{ workers 2  private-volume {W} VOL1 }}",
    "  member VM1 {{ workers 2  private-volume VOL1 {W} VOL2 }}",
    "  member VM1 {{ private-volume VOL1 {W} }}",
    "  member VM1 {{\n    private-volume VOL1 3390-9  # packs\n                   {W} VOL2\n    workers 2\n  }}",
    "  shared-volume {W} VOL1",
    "  shared-volume VOL1 {W} VOL2",
    "  shared-volume VOL1\n                {W} VOL2",
    "  shared-volume VOL1 {W} }}",
)
#: The other lists whose words may be spelled like keywords: a selection's addresses
#: (first on the owner's line, after one, on the next line) and SFS paths (first, after
#: one), in a job and a member; a schedule's days and time; a group body's users.
OTHER_LISTS = (
    "  job J {{ backup G\n    include minidisk * {W} 0191\n    exclude sfs {W} POOL:B.\n  }}",
    "  member VM1 {{ exclude minidisk * 0191 {W}\n      {W} 0192\n    include sfs POOL:B. {W} POOL:C. }}",
    "  job J {{ backup G  run on VM9 weekly {W},{W} 01:00 }}",
    "  job J {{ backup G  run on VM9 monthly 1 {W}\n    run on VM9 daily {W} }}",
    "  expire on VM9 {{ purge weekly sat {W} }}",
    "  single group G {{ {W} X }}",
)
#: The lists and values that go on over line breaks, as `bkrc fmt` wraps them or a comment
#: breaks them: a comma-separated list (`user`, `backup`, `on`, a weekly schedule's days)
#: wrapped after a comma, its first name after a comment; a schedule's day or time on a
#: later line; a volume list, a selection's addresses and SFS paths whose first item is on
#: a later line; the one value of `server`, `pool`, `workers`... on a later line; `run on
#: each` (`expire on each`) at a line's end, `member` on the next; a declared name at its
#: line's end (its `{` on a later line) or on a later line than its keyword; an import path
#: (GOLDEN) and each slot of a disk on a later line. `{W}`
#: first on a continuation line, after a name there, and on a later line than its keyword.
WRAPPED_LISTS = (
    "  identity user U1,\n                {W}, U2 role R\n  single user U3,\n    U4, {W}",
    "  single user  # the servers\n    {W}, U5\n      role R",
    "  job J {{\n    backup G,\n           {W}, H full\n    backup G, H,  # more\n      H2, {W}\n    run on VM9 daily 01:00\n  }}",
    "  job J {{\n    backup  # the guests\n      {W} full\n    run on VM9,\n           {W} daily 01:00\n  }}",
    "  job J {{\n    backup G\n    run on  # one member\n      {W}\n      daily 01:00\n  }}",
    "  job J {{\n    backup G\n    run on VM9 weekly sat,\n      {W}, sun 01:00\n    run on VM9 weekly\n      sun, {W}\n      {W}\n  }}",
    "  expire on VM9 {{\n    purge daily  # at night\n      {W}\n    preview monthly 1 sun\n      {W}\n  }}",
    "  job J {{\n    backup G\n    run on VM9 monthly first\n      {W}\n      01:00\n    run on VM9 monthly\n      {W} 01:00\n  }}",
    "  member VM1 {{\n    private-volume  # packs\n      {W} VOL1\n    workers 2\n  }}",
    "  shared-volume\n    {W} VOL2",
    "  job J {{\n    backup G\n    include minidisk *  # the A-disks\n      {W} 0191\n    exclude sfs\n      {W} POOL:B.\n  }}",
    "  job J {{\n    backup G\n    include minidisk  # the owner\n      {W} 0191\n    exclude minidisk\n      *\n      {W} 0192\n  }}",
    "  member VM1 {{\n    exclude minidisk\n      * {W}  # and more\n      {W}\n    include minidisk\n      {W}\n  }}",
    "  catalog shared server  # the catalog's\n    {W} pool\n    {W} on VM9\n  member VM1 {{ workers\n    {W} }}",
    "  tape manager shared catalog-node\n    {W} on VM9 request-node\n    {W}\n    catalog-dmm {W} request-dmm\n      {W}",
    "  job J {{\n    backup G\n    to disk pool\n      {W}\n  }}\n  single user U6 role\n    {W}",
    ("  job J {{\n    backup G\n    run on each  # every member\n      member daily {W}\n    run on EACH\n"
     "      member weekly {W} 01:00\n  }}\n  expire on each\n    member {{ purge daily {W} }}"),
    "  member {W}\n  {{ workers 2 }}\n  member {W}  # the second\n  {{\n    workers 2\n  }}",
    "  member  # the third\n    {W} {{ workers 2 }}\n  member\n    {W}\n  {{ workers 2 }}",
    "  job {W}  # weekly\n  {{ backup G }}\n  job\n    {W} {{ backup G }}\n  job  # nightly\n    {W}\n  {{ backup G }}",
    ("  single group {W}\n    {{ U1 {W} }}\n  single group  # the second\n    {W} {{ match {W} }}\n"
     "  single group\n    {W}  # the third\n    {{\n      {W}\n    }}"),
    "  job J {{\n    backup G\n    run on each member daily\n      {W}\n    run on each\n      member\n      daily {W}\n  }}",
    "  disk  # the owner\n    {W} 191 size 1 cyl\n  disk U1\n    {W} size 1 cyl\n  disk U2 191 size\n    {W} cyl",
    "  disk U3 191 size 1\n    {W} on VOL1 at 1\n  disk U4 191 size 1 cyl on  # the volume\n    {W}\n  disk U5 191 size 1 cyl  # where\n    on {W}",
)


#: What a NAME token of the parser may be coloured as.
NAME_KINDS = {"name", "user-id", "pattern", "address", "range-operator", "number", "time", "cluster-name",
              "member-name", "group-name", "job-name"}


def _list_texts(templates: tuple[str, ...] = (*VOLUME_LISTS, *OTHER_LISTS, *WRAPPED_LISTS)) -> list[str]:
    """Each keyword, in small and in capital letters, in each of the templates (VOLUME_LISTS,
    OTHER_LISTS and WRAPPED_LISTS), in a cluster."""
    from bkrdsl.keywords import keywords

    out = []
    for template in templates:
        for word in keywords():
            for spelt in (word, word.upper()):
                body = template.format(W=spelt)
                closes = body.endswith("}") and "shared-volume" in body  # the cluster's `}`
                out.append(f"cluster C {{\n  member VM9 {{ workers 2 }}\n{body}\n" + ("" if closes else "  disk U 191 size 1 cyl\n}\n"))
    return out


@pytest.fixture(scope="module")
def list_texts() -> list[str]:
    """The texts of `_list_texts` that the parser reads without a syntax error."""
    from bkrdsl.source import Source
    from bkrdsl.syntax.parser import parse

    return [text for text in _list_texts() if parse(Source.of("v.bkr", text)).ok]


def test_every_keyword_in_a_list_is_coloured_as_the_parser_reads_it(list_texts):
    """A word the parser reads as a label (`shared-volume on VMCOM1`: ON; `retain 30
    days` under a `private-volume`: three labels; `include minidisk * on`: an address;
    `weekly sat,backup 01:00`: a day; `group G { server }`: a user) is a name, one it
    reads as a keyword (the next statement of the block) a keyword, whatever the word
    spells."""
    from bkrdsl.source import Source
    from bkrdsl.syntax.parser import parse, tokens

    assert len(list_texts) > 1000
    assert len(set(list_texts) & set(_list_texts(WRAPPED_LISTS))) > 300
    problems = []
    for text in list_texts:
        kinds = pygments_kinds(text)
        members, groups = _names_by_role(parse(Source.of("v.bkr", text)).tree)
        role = {t.start_pos: "member-name" for t in members["declared"] + members["used"]}
        role |= {t.start_pos: "group-name" for t in groups["declared"] + groups["used"]}
        for tok in tokens(Source.of("v.bkr", text)):
            got = set(kinds[tok.start_pos : tok.end_pos])
            if tok.type == "NAME":
                # a member or group named where the parser reads one, over line breaks too
                want = role.get(tok.start_pos)
                wrong = not got <= NAME_KINDS or (
                    got & {"member-name", "group-name"} != ({want} if want and got != {"pattern"} else set())
                )
            elif tok.type in ("LBRACE", "RBRACE", "COMMA", "COMMENT", "DOC_COMMENT", "STRING"):
                wrong = False
            else:
                wrong = got != {"keyword"}
            if wrong:
                line = text.count("\n", 0, tok.start_pos)
                problems.append(f"{text.splitlines()[line].strip()!r}: {tok.type} {tok.value!r} is {sorted(got)}")
    assert not problems, "\n".join(problems[:40])


def test_every_keyword_in_a_list_is_coloured_alike_by_every_engine(list_texts, tmp_path):
    problems = _engines_disagree(list_texts, tmp_path)
    assert not problems, "\n".join(problems[:40])


#: Statements left unfinished at a line's end: a statement keyword that starts the next line
#: where a value is due is that keyword to the parsers (BKR010, the value missing), and so it
#: is shown, even where a list or a value goes on over line breaks; alone on its line after a
#: weekly schedule's last day it is the time (the last of these, which parses).
UNFINISHED = (
    ("  job J {\n    backup G,\n    run on VM9 daily 01:00\n  }", "run", "keyword"),
    ("  job J {\n    backup  # the guests\n    to disk\n  }", "to", "keyword"),
    ("  expire on VM9 {\n    purge daily\n    retain 30 days\n  }", "retain", "keyword"),
    ("  expire on VM9 {\n    purge weekly sat\n    retain 30 days\n  }", "retain", "keyword"),
    ("  expire on VM9 {\n    purge weekly sat,\n    RETAIN 30 days\n  }", "RETAIN", "keyword"),
    ("  job J {\n    backup G\n    run on\n    include minidisk * 0191\n  }", "include", "keyword"),
    ("  member VM1 {\n    private-volume  # packs\n    workers 2\n  }", "workers", "keyword"),
    ("  job J {\n    backup G\n    exclude sfs\n    include minidisk * 0191\n  }", "include", "keyword"),
    ("  job J {\n    backup G\n    exclude minidisk *\n    include minidisk * 0191\n  }", "include", "keyword"),
    ("  catalog shared server\n  tape manager shared", "tape", "keyword"),
    ("  job J {\n    backup G\n    include minidisk  # whose?\n    exclude minidisk * 0191\n  }", "exclude", "keyword"),
    ("  member VM1 {\n    workers\n    job-suffix A\n  }", "job-suffix", "keyword"),
    ("  member  # the next\n  shared-volume V1", "shared-volume", "keyword"),
    ("  identity group\n  single user U1", "single", "keyword"),
    ("  expire on VM9 {\n    purge weekly sat\n    retain  # the time\n  }", "retain", "name"),
)


def test_a_statement_keyword_starting_the_line_after_an_unfinished_statement(tmp_path):
    from bkrdsl.source import Source
    from bkrdsl.syntax.parser import parse

    texts = [f"cluster C {{\n  member VM9 {{ workers 2 }}\n{body}\n}}\n" for body, _, _ in UNFINISHED]
    problems = []
    for text, (_, word, kind) in zip(texts, UNFINISHED):
        codes = [d.code for d in parse(Source.of("v.bkr", text)).diagnostics]
        assert codes == ([] if kind == "name" else ["BKR010"]), (text, codes)
        at = re.search(rf"^ *{re.escape(word)}\b", text, re.MULTILINE).end() - len(word)
        got = set(pygments_kinds(text)[at : at + len(word)])
        if got != {kind}:
            problems.append(f"pygments: {word!r} is {sorted(got)}, not {kind}: {text!r}")
    files = []
    for n, text in enumerate(texts):
        path = tmp_path / f"unfinished{n:02d}.bkr"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    textmate = textmate_run(["-"], stdin=json.dumps(texts))
    vim = vim_run(files, tmp_path)
    for text, tm, vi in zip(texts, textmate, vim):
        expected = pygments_kinds(text)
        for engine, kinds in (("TextMate", textmate_kinds(text, tm["lines"])), ("Vim", vim_kinds(text, vi["lines"]))):
            problems += [f"{engine}: {d}: {text!r}" for d in _disagreements(text, expected, kinds)]
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------ VS Code's TextMate engine
@pytest.fixture(scope="module")
def textmate_golden():
    return textmate_run(["-"], stdin=json.dumps([t for t, _ in GOLDEN]))


@pytest.mark.parametrize("index", range(len(GOLDEN)), ids=[t for t, _ in GOLDEN])
def test_textmate_golden(textmate_golden, index):
    text, expected = GOLDEN[index]
    assert runs(text, textmate_kinds(text, textmate_golden[index]["lines"])) == expected


def test_textmate_agrees_with_pygments_on_the_corpus():
    files = corpus()
    results = textmate_run([str(f) for f in files])
    problems = []
    for path, result in zip(files, results):
        text = _read(path)
        diffs = _disagreements(text, pygments_kinds(text), textmate_kinds(text, result["lines"]))
        problems += [f"{path.relative_to(ROOT)}:{d}" for d in diffs]
    assert not problems, "\n".join(problems[:40])


# ------------------------------------------------------------------ Vim
@pytest.fixture(scope="module")
def vim_golden(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("vim-golden")
    files = []
    for i, (text, _) in enumerate(GOLDEN):
        path = tmp / f"case{i:02d}.bkr"
        path.write_text(text + "\n", encoding="utf-8")
        files.append(path)
    return vim_run(files, tmp)


@pytest.mark.parametrize("index", range(len(GOLDEN)), ids=[t for t, _ in GOLDEN])
def test_vim_golden(vim_golden, index):
    text, expected = GOLDEN[index]
    result = vim_golden[index]
    assert result["filetype"] == "bkr"
    assert runs(text, vim_kinds(text, result["lines"])) == expected


def test_vim_agrees_with_pygments_on_the_corpus(tmp_path):
    files = corpus()
    results = vim_run(files, tmp_path)
    problems = []
    for path, result in zip(files, results):
        assert result["filetype"] == "bkr", path
        text = _read(path)
        diffs = _disagreements(text, pygments_kinds(text), vim_kinds(text, result["lines"]))
        problems += [f"{path.relative_to(ROOT)}:{d}" for d in diffs]
    assert not problems, "\n".join(problems[:40])


# ------------------------------------------------------------------ the malformed fixtures
def _malformed_as_read(tmp: Path) -> list[tuple[Path, Path]]:
    """(fixture, a UTF-8 copy of its text as bkrc reads it) for every malformed fixture.
    The copy puts the three engines before one text: a byte that is not UTF-8 is U+FFFD
    to bkrc, pygments and node, but Vim reads such a file as Latin-1 (`\\xe4` is `ä`),
    which would shift the columns the test compares, not the colours."""
    out = []
    for path in sorted((ROOT / "tests" / "data" / "malformed").glob("*.bkr")):
        copy = tmp / path.name
        copy.write_text(_read(path), encoding="utf-8")
        out.append((path, copy))
    return out


def test_the_engines_agree_on_the_malformed_fixtures(tmp_path):
    """A broken file too is coloured alike everywhere: a stray character (a no-break space
    among them: white space to Python and Oniguruma, but not to the grammar) is marked
    in all three, with the name characters after it."""
    pairs = _malformed_as_read(tmp_path)
    copies = [copy for _, copy in pairs]
    textmate = textmate_run([str(c) for c in copies])
    vim = vim_run(copies, tmp_path)
    problems = []
    for (path, copy), tm, vi in zip(pairs, textmate, vim):
        text = copy.read_text(encoding="utf-8")
        expected = pygments_kinds(text)
        for engine, kinds in (("TextMate", textmate_kinds(text, tm["lines"])), ("Vim", vim_kinds(text, vi["lines"]))):
            problems += [f"{path.name}:{engine}:{d}" for d in _disagreements(text, expected, kinds)]
    assert len(pairs) > 20
    assert not problems, "\n".join(problems[:40])


def test_a_blank_the_grammar_does_not_skip_is_a_stray_character():
    from bkrdsl.keywords import vocabulary

    assert vocabulary().blanks == "\t\n\f\r "  # grammar/bkr.lark's WS
    text = "member VMSYS1 {\u00a0workers 4 }"
    kinds = pygments_kinds(text)
    assert set(kinds[text.index("\u00a0") : text.index(" 4")]) == {"invalid"}  # BKR003, then its word


# ------------------------------------------------------------------ pygments plumbing
def test_registered_as_a_pygments_plugin():
    from pygments.lexers import get_lexer_by_name, get_lexer_for_filename, get_lexer_for_mimetype

    from bkrdsl.highlight import BkrLexer

    assert isinstance(get_lexer_by_name("bkr"), BkrLexer)
    assert isinstance(get_lexer_for_filename("prodssi.bkr"), BkrLexer)
    assert isinstance(get_lexer_for_mimetype("text/x-bkr"), BkrLexer)


def test_pygments_round_trips_the_text():
    from pygments.lexers import get_lexer_by_name

    text = (ROOT / "examples" / "prodssi.bkr").read_text(encoding="utf-8")
    assert "".join(v for _, v in get_lexer_by_name("bkr").get_tokens(text)) == text


def test_guess_prefers_bkr_for_a_cluster():
    from bkrdsl.highlight import BkrLexer

    assert BkrLexer.analyse_text((ROOT / "examples" / "minimal.bkr").read_text()) > 0.5
    assert BkrLexer.analyse_text("def main():\n    return 1\n") == 0.0


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_highlight_line_colours_and_keeps_the_text():
    from bkrdsl.highlight import highlight_line

    line = "  member VMSYS1 { workers 4  private-volume M1PRV1 }  # two"
    shown = highlight_line(line)
    assert ANSI.sub("", shown) == line
    assert "\x1b[34mmember" in shown  # keywords blue on a light background, as pygments' own scheme


def test_highlight_line_leaves_the_frame_ellipsis_plain():
    from bkrdsl.highlight import highlight_line

    shown = highlight_line("...PRV1 { workers 4 }...")
    assert shown.startswith("...PRV1") and shown.endswith("...")
    assert ANSI.sub("", shown) == "...PRV1 { workers 4 }..."
    assert "\x1b[4m" not in shown.split("{")[0]  # no error underline on the ellipsis


def test_diagnostic_frames_are_highlighted(tmp_path):
    path = tmp_path / "bad.bkr"
    path.write_text("cluster C {\n  member M { workers = }\n}\n", encoding="utf-8")
    result = run_cli(["check", "--color", "always", path], expect=1)
    frame = [line for line in result.output.splitlines() if "workers" in line]
    assert frame and "\x1b[34mmember" in frame[0]
    assert ANSI.sub("", frame[0]).endswith("member M { workers = }")


# ------------------------------------------------------------------ bkrc highlight
@pytest.fixture
def plain_environment(monkeypatch):
    """No NO_COLOR or FORCE_COLOR from the shell that runs the tests."""
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm")


def test_cli_terminal(plain_environment):
    path = ROOT / "examples" / "minimal.bkr"
    result = run_cli(["highlight", path, "--color", "always"], expect=0)
    assert ANSI.search(result.output)
    assert ANSI.sub("", result.output) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["cluster X {\n}\n", "cluster X {", "", "\n\n", "/* SUBMIT EXEC */\nsay 1"])
def test_cli_terminal_piped_is_the_plain_text(plain_environment, text):
    """`bkrc highlight FILE | cat` wrote ANSI codes into the pipe: not a terminal
    (the runner's output is not one), the terminal format is the text itself,
    exactly what the colours are laid on (pygments ends it with a newline)."""
    plain = run_cli(["highlight", "-"], input=text, expect=0).output
    coloured = run_cli(["highlight", "-", "--color", "always"], input=text, expect=0).output
    assert not ANSI.search(plain)
    assert plain == ANSI.sub("", coloured)
    assert plain == (text if text.endswith("\n") else text + "\n")


@pytest.mark.parametrize(
    ("option", "env", "colour"),
    [
        ("auto", {}, False),
        ("auto", {"FORCE_COLOR": "1"}, True),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ("always", {"NO_COLOR": "1"}, True),  # asked for by name: `| less -R`
        ("never", {"FORCE_COLOR": "1"}, False),
    ],
)
def test_cli_terminal_follows_color_as_the_diagnostics_do(plain_environment, monkeypatch, option, env, colour):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = run_cli(["highlight", ROOT / "examples" / "minimal.bkr", "--color", option], expect=0)
    assert bool(ANSI.search(result.output)) is colour


def test_cli_terminal_on_a_terminal_is_coloured(plain_environment):
    """`--color auto` on a real terminal (a pseudo-terminal here)."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    try:
        # Read while it writes: a terminal holds only a few kilobytes unread.
        run = subprocess.Popen(
            [sys.executable, "-m", "bkrdsl", "highlight", "examples/minimal.bkr"],
            stdout=follower, stderr=subprocess.DEVNULL, cwd=ROOT,
        )
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: every writer closed its end, and all was read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert run.wait() == 0
    assert b"\x1b[" in shown
    assert ANSI.sub("", shown.decode().replace("\r\n", "\n")) == (ROOT / "examples" / "minimal.bkr").read_text()


@pytest.mark.parametrize("fmt", ["html", "svg"])
def test_cli_color_leaves_html_and_svg_alone(plain_environment, fmt):
    args = ["highlight", ROOT / "examples" / "minimal.bkr", "--format", fmt]
    assert run_cli([*args, "--color", "never"], expect=0).output == run_cli(args, expect=0).output


def test_cli_html():
    result = run_cli(["highlight", ROOT / "examples" / "prodssi.bkr", "--format", "html"], expect=0)
    assert result.output.lstrip().startswith("<!DOCTYPE html")
    assert '<span class="nc">PRODSSI</span>' in result.output  # cluster name: Name.Class
    assert '<span class="nl">VMSYS1</span>' in result.output  # member name: Name.Label
    assert '<span class="sr">LNXAPP*</span>' in result.output  # pattern: String.Regex
    assert '<span class="err">' not in result.output and '<span class="gr">' not in result.output


def test_cli_svg():
    result = run_cli(["highlight", ROOT / "examples" / "minimal.bkr", "--format", "svg"], expect=0)
    assert result.output.startswith("<?xml") and "<svg" in result.output


REXX = "/* SUBMIT EXEC: generated by bkrc */\nADDRESS COMMAND\nsay 'hello'\nexit 0\n"


@pytest.mark.parametrize("name", ["VMSYS1.SUBMIT.EXEC", "submit.exec", "PROFILE.TXT"])
def test_cli_uses_rexx_for_execs(tmp_path, name):
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import RexxLexer

    path = tmp_path / name
    path.write_text(REXX, encoding="utf-8")
    result = run_cli(["highlight", path, "--format", "html"], expect=0)
    expected = highlight(REXX, RexxLexer(stripnl=False), HtmlFormatter(full=True, title=str(path), wrapcode=True))
    assert result.output == expected


def test_cli_stdin():
    result = run_cli(["highlight", "-", "--format", "html"], input="cluster X {\n}\n", expect=0)
    assert '<span class="nc">X</span>' in result.output


def test_cli_is_deterministic():
    args = ["highlight", ROOT / "examples" / "prodssi.bkr", "--format", "svg"]
    assert run_cli(args, expect=0).output == run_cli(args, expect=0).output


def test_cli_missing_file(tmp_path):
    result = run_cli(["highlight", tmp_path / "nope.bkr"], expect=2)
    assert result.output.strip().count("\n") == 0 and "no such file" in result.output


def test_cli_binary_file(tmp_path):
    path = tmp_path / "x.bkr"
    path.write_bytes(b"cluster\x00X")
    result = run_cli(["highlight", path], expect=2)
    assert "not a text file" in result.output


def test_cli_unknown_format():
    run_cli(["highlight", ROOT / "examples" / "minimal.bkr", "--format", "pdf"], expect=2)


def test_a_long_run_of_one_colour_is_one_token():
    # Runs are joined once, not grown a character at a time (a 1M-character
    # line took seconds when they were).
    from bkrdsl.highlight import tokenize

    text = "member " + "Q" * 100_000 + " {\n# " + "x y " * 20_000 + "\n"
    tokens = tokenize(text)
    assert "".join(value for _, _, value in tokens) == text
    assert all(pos == text.index(value, pos) for pos, _, value in tokens)
    assert max(len(value) for _, _, value in tokens) >= 80_000
    assert len(tokens) < 20


# --- h6 (stop 68)
#: The value slots the highlighters did not know: `retain N days` and a catalog's
#: `logon-wait N UNIT` and `pool-wait N UNIT`. The parsers read any word there as the value,
#: even one spelled like a keyword (`retain EACH days`: a count EACH, which bkrc check
#: reports), on the keyword's line or a later one; `days` after the count is the keyword.
#: All three engines coloured such a word a keyword (and `retain backup days` made `days`
#: a group, `backup`'s list).
VALUE_SLOT_TEXTS = (
    "  expire on VM9 {{ purge daily 01:00  retain {W} days }}",
    "  expire on VM9 {{ retain {W} days  purge daily 01:00 }}",
    "  expire on VM9 {{\n    retain  # kept\n      {W}\n      days\n    purge daily 01:00 }}",
    "  catalog shared server S logon-wait {W} {W} pool-wait {W} {W}",
    "  catalog shared server S logon-wait {W}\n    {W}",
    "  catalog shared server S logon-wait\n    {W}\n    {W} pool-wait  # how long\n    {W}  # unit\n      {W}",
)


def test_h6s68_a_keyword_in_a_value_slot_is_coloured_as_the_parsers_read_it(tmp_path):
    from bkrdsl.source import Source
    from bkrdsl.syntax.parser import parse, tokens

    texts = [text for text in _list_texts(VALUE_SLOT_TEXTS) if parse(Source.of("v.bkr", text)).ok]
    assert len(texts) > 500
    problems = []
    for text in texts:
        kinds = pygments_kinds(text)
        for tok in tokens(Source.of("v.bkr", text)):
            got = set(kinds[tok.start_pos : tok.end_pos])
            if tok.type == "NAME":
                wrong = not got <= NAME_KINDS
            elif tok.type in ("LBRACE", "RBRACE", "COMMA", "COMMENT", "DOC_COMMENT", "STRING"):
                wrong = False
            else:
                wrong = got != {"keyword"}
            if wrong:
                line = text.count("\n", 0, tok.start_pos)
                problems.append(f"pygments: {text.splitlines()[line].strip()!r}: {tok.type} {tok.value!r} is {sorted(got)}")
    files = []
    for n, text in enumerate(texts):
        path = tmp_path / f"value{n:04d}.bkr"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    textmate = textmate_run(["-"], stdin=json.dumps(texts))
    vim = vim_run(files, tmp_path)
    for text, tm, vi in zip(texts, textmate, vim):
        expected = pygments_kinds(text)
        for engine, kinds in (("TextMate", textmate_kinds(text, tm["lines"])), ("Vim", vim_kinds(text, vi["lines"]))):
            problems += [f"{engine}: {d}: {text!r}" for d in _disagreements(text, expected, kinds)]
    assert not problems, "\n".join(problems[:40])


def test_h6s68_a_statement_keyword_starting_the_line_after_a_wait_s_count_is_that_keyword(tmp_path):
    """`logon-wait 2`, then `tape manager shared` on the next line: the unit is left out
    (BKR010), `tape` the statement, as for a disk's unit."""
    from bkrdsl.source import Source
    from bkrdsl.syntax.parser import parse

    text = "cluster C {\n  member VM9 { workers 2 }\n  catalog shared server S logon-wait 2\n  tape manager shared\n}\n"
    assert [d.code for d in parse(Source.of("v.bkr", text)).diagnostics] == ["BKR010"]
    at = text.index("tape")
    path = tmp_path / "wait.bkr"
    path.write_text(text, encoding="utf-8")
    for kinds in (
        pygments_kinds(text),
        textmate_kinds(text, textmate_run(["-"], stdin=json.dumps([text]))[0]["lines"]),
        vim_kinds(text, vim_run([path], tmp_path)[0]["lines"]),
    ):
        assert kinds[at : at + 4] == ["keyword"] * 4
        assert kinds[text.index("2\n")] == "number"


#: `to` at its line's end (a comment after it or not), the medium on the next line: the
#: parsers read `disk` there as the medium, no error; the highlighters took it for the
#: statement `disk USER ADDRESS size ...` and coloured what follows as its slots (`run on
#: each member daily 02:00`: a user ID RUN, names ON, EACH...; `pool P`: a user ID POOL).
MEDIUM_LATER = (
    (
        "job J { backup G  to  # the medium\n    disk  run on each member daily 02:00 }",
        [("keyword", "job"), ("job-name", "J"), ("brace", "{"), ("keyword", "backup"), ("group-name", "G"),
         ("keyword", "to"), ("comment", "# the medium"), ("keyword", "disk"), ("keyword", "run"), ("keyword", "on"),
         ("keyword", "each"), ("keyword", "member"), ("keyword", "daily"), ("time", "02:00"), ("brace", "}")],
    ),
    (
        "job K {\n  backup G\n  to\n    disk pool P\n  run on VM1 daily 01:00\n}",
        [("keyword", "job"), ("job-name", "K"), ("brace", "{"), ("keyword", "backup"), ("group-name", "G"),
         ("keyword", "to"), ("keyword", "disk"), ("keyword", "pool"), ("name", "P"), ("keyword", "run"),
         ("keyword", "on"), ("member-name", "VM1"), ("keyword", "daily"), ("time", "01:00"), ("brace", "}")],
    ),
    (
        "job L {\n  backup G\n  to\n\n    tape\n  run on VM1 daily 01:00\n}\ndisk U 191 size 1 cyl",
        [("keyword", "job"), ("job-name", "L"), ("brace", "{"), ("keyword", "backup"), ("group-name", "G"),
         ("keyword", "to"), ("keyword", "tape"), ("keyword", "run"), ("keyword", "on"), ("member-name", "VM1"),
         ("keyword", "daily"), ("time", "01:00"), ("brace", "}"), ("keyword", "disk"), ("user-id", "U"),
         ("address", "191"), ("keyword", "size"), ("number", "1"), ("name", "cyl")],
    ),
)


def test_h6s68_the_medium_on_the_line_after_to_is_the_medium(tmp_path):
    from bkrdsl.source import Source
    from bkrdsl.syntax.parser import parse

    texts = [text for text, _ in MEDIUM_LATER]
    for text in texts:
        whole = "cluster C {\n  member VM1 { workers 2 }\n" + text + "\n}\n"
        assert parse(Source.of("t.bkr", whole)).ok, text
    files = []
    for n, text in enumerate(texts):
        path = tmp_path / f"medium{n}.bkr"
        path.write_text(text + "\n", encoding="utf-8")
        files.append(path)
    textmate = textmate_run(["-"], stdin=json.dumps(texts))
    vim = vim_run(files, tmp_path)
    for (text, expected), tm, vi in zip(MEDIUM_LATER, textmate, vim):
        assert runs(text, pygments_kinds(text)) == expected
        assert runs(text, textmate_kinds(text, tm["lines"])) == expected
        assert runs(text, vim_kinds(text, vi["lines"])) == expected


def test_h6s68_a_statement_after_a_disk_s_unit_on_its_line_is_that_statement(tmp_path):
    """`disk BKRWRK* 191 size 10 cyl catalog shared server S`: the parsers end the disk
    after its unit (no `on`) and read the catalog statement, no error. pygments and
    TextMate read every word after the unit as the unit again (the amount's slot had not
    ended), `catalog shared server` as names; Vim coloured the keywords."""
    from bkrdsl.source import Source
    from bkrdsl.syntax.parser import parse, tokens

    texts = [
        f"cluster C {{\n  member VM1 {{ workers 2 }}\n  disk BKRWRK* 191 size 10 {unit} {rest}\n}}\n"
        for unit in ("cyl", "CYL", "blk")
        for rest in ("catalog shared server S", "tape manager shared catalog-dmm D", "shared-volume V1 V2",
                     "job J { backup G }", "single user U1", "on VOL at 1 disk A 191 size 1 cyl expire on VM1 { }")
    ]
    problems = []
    for text in texts:
        assert parse(Source.of("t.bkr", text)).ok, text
        kinds = pygments_kinds(text)
        for tok in tokens(Source.of("t.bkr", text)):
            got = set(kinds[tok.start_pos : tok.end_pos])
            if tok.type == "NAME":
                wrong = not got <= NAME_KINDS
            elif tok.type in ("LBRACE", "RBRACE"):
                wrong = False
            else:
                wrong = got != {"keyword"}
            if wrong:
                problems.append(f"pygments: {tok.type} {tok.value!r} is {sorted(got)}: {text!r}")
    files = []
    for n, text in enumerate(texts):
        path = tmp_path / f"unit{n:02d}.bkr"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    textmate = textmate_run(["-"], stdin=json.dumps(texts))
    vim = vim_run(files, tmp_path)
    for text, tm, vi in zip(texts, textmate, vim):
        expected = pygments_kinds(text)
        for engine, kinds in (("TextMate", textmate_kinds(text, tm["lines"])), ("Vim", vim_kinds(text, vi["lines"]))):
            problems += [f"{engine}: {d}: {text!r}" for d in _disagreements(text, expected, kinds)]
    assert not problems, "\n".join(problems[:40])
# --- h5 (stop 69)
#: Broken `disk` statements (h6, stop 68): pygments and TextMate read the word after an
#: address slot's word that is not `size` as the address slot again (the user slot's
#: region takes it anew), Vim as no slot's (`191` a number, a keyword a keyword).
BROKEN_DISKS = (
    "disk BKRBKUP minidisk 191 size 10 cyl",
    "disk BKRWRK* on\n  191 size 10 cyl",
    "disk ON BKRWRK03 191 size 10 cyl on VOL1",
    "disk BKRBKUP 191 0192 size 10 cyl",
    "disk BKRBKUP 191 catalog shared server S",
    "disk BKRBKUP 191  # the address\n  0192 size 10 cyl",
    "disk BKRBKUP 191\n  catalog shared server S",
    "disk BKRBKUP minidisk 191\n  job J { backup G }",
)


def test_h5s69_the_engines_agree_on_broken_disk_statements(tmp_path):
    from bkrdsl.source import Source
    from bkrdsl.syntax.parser import parse

    texts = [f"cluster C {{\n  member VM1 {{ workers 2 }}\n  {body}\n}}\n" for body in BROKEN_DISKS]
    assert sum(not parse(Source.of("d.bkr", text)).ok for text in texts) >= 6
    files = []
    for n, text in enumerate(texts):
        path = tmp_path / f"disk{n}.bkr"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    textmate = textmate_run(["-"], stdin=json.dumps(texts))
    vim = vim_run(files, tmp_path)
    problems = []
    for text, tm, vi in zip(texts, textmate, vim):
        expected = pygments_kinds(text)
        for engine, kinds in (("TextMate", textmate_kinds(text, tm["lines"])), ("Vim", vim_kinds(text, vi["lines"]))):
            problems += [f"{engine}: {d}: {text!r}" for d in _disagreements(text, expected, kinds)]
    assert not problems, "\n".join(problems[:40])
    # the address slot taken anew: `191` an address after `minidisk`, a keyword starting a line a keyword
    first = texts[0]
    assert runs(first, pygments_kinds(first))[-6:-3] == [("name", "minidisk"), ("address", "191"), ("keyword", "size")]
    below = texts[6]
    assert ("keyword", "catalog") in runs(below, pygments_kinds(below))


# stop 72, h7: a file saved as UTF-16 is named so, with the command that shows it
@pytest.mark.parametrize(
    ("encoding", "called", "iconv"),
    [
        ("utf-16", "UTF-16 (little-endian, it starts with its byte-order mark)", "UTF-16"),
        ("utf-16-be", "UTF-16 (big-endian, without a byte-order mark)", "UTF-16BE"),
    ],
)
def test_highlight_names_a_utf16_file_and_its_iconv_shows_it(tmp_path, monkeypatch, encoding, called, iconv):
    """It said `contains a NUL byte: not a text file` of a file an editor saved as
    "Unicode", which `bkrc check` names (BKR001). The command offered, run as given
    (iconv's conversion, piped to `-`), shows the file."""
    monkeypatch.chdir(tmp_path)
    text = (ROOT / "examples" / "minimal.bkr").read_text(encoding="utf-8")
    Path("my site.bkr").write_bytes(text.encode(encoding))
    result = run_cli(["highlight", "my site.bkr"], expect=2)
    assert result.stderr == (
        f"bkrc: my site.bkr: is {called}, not UTF-8, which bkrc reads;"
        f" show it converted: `iconv -f {iconv} -t UTF-8 'my site.bkr' | bkrc highlight -`\n"
    )
    assert result.stdout == ""
    converted = Path("my site.bkr").read_bytes().decode(iconv.lower())
    assert run_cli(["highlight", "-"], input=converted.encode("utf-8"), expect=0).stdout == text
    # Piped, it is named as standard input, and the command has no file to name.
    piped = run_cli(["highlight", "-"], input=text.encode(encoding), expect=2)
    assert piped.stderr.endswith(f"show it converted: `iconv -f {iconv} -t UTF-8 | bkrc highlight -`\n")


def test_highlight_still_refuses_a_file_with_a_nul_that_is_no_utf16():
    result = run_cli(["highlight", "-"], input=b"cluster X {\x00}\n", expect=2)
    assert result.stderr == "bkrc: <stdin>: contains a NUL byte: not a text file\n"


# stop 72, h6: what the three highlighters disagreed on (a word after a disk's unit, `each member`), the docs' examples, every keyword
def _engines_disagree(texts: list[str], tmp: Path) -> list[str]:
    """Where TextMate or Vim colours a character of one of `texts` otherwise than pygments."""
    textmate = textmate_run(["-"], stdin=json.dumps(texts))
    files = []
    for n, text in enumerate(texts):
        path = tmp / f"engines{n:04d}.bkr"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    vim = vim_run(files, tmp)
    problems = []
    for text, tm, vi in zip(texts, textmate, vim):
        expected = pygments_kinds(text)
        for engine, kinds in (("TextMate", textmate_kinds(text, tm["lines"])), ("Vim", vim_kinds(text, vi["lines"]))):
            problems += [f"{engine}: {d}: {text!r}" for d in _disagreements(text, expected, kinds)]
    return problems


#: A disk's statement whose unit ends its line (before a comment, or with the amount and
#: unit on lines of their own), then a word first on a later line. The TextMate region of
#: the unit waits over the line break for an `on VOLUME`, and cannot end the regions of
#: the slots around it there: any other word but a statement keyword is the unit again
#: (the parsers report it: BKR004, BKR013), and Vim reads it so too (it read `weekly`
#: there as a keyword, `request-node X` as a keyword and a user ID).
H6S72_AFTER_UNIT = tuple(
    f"{head}\n  {word}"
    for head in ("disk B 191 size 10 cyl", "disk B 191 size 10 cyl  # c", "disk B 191 size\n  10\n  cyl",
                 "disk B 191 size 10 cyl\n\n  # c", "disk B 191 size 10 cyl\n  WEEKLY")
    for word in ("weekly", "WEEKLY X", "weekly\n  on V", "request-node X", "each member", "FULL # x", "size 3 cyl",
                 "at 5", "on V", "on\n  V AT 1", "foo on V", "catalog shared server S", "}", '"text"', "=x")
)


def test_h6s72_a_word_on_the_line_after_a_disk_s_unit_is_coloured_alike(tmp_path):
    texts = [f"cluster C {{\n  member VM1 {{ workers 2 }}\n  {body}\n}}\n" for body in H6S72_AFTER_UNIT]
    assert not _engines_disagree(texts, tmp_path)
    # `on VOLUME` under the unit is the disk's: a volume, not a member; a statement keyword is that
    assert runs(texts[8], pygments_kinds(texts[8]))[-4:] == [("name", "cyl"), ("keyword", "on"), ("name", "V"),
                                                             ("brace", "}")]
    assert ("keyword", "catalog") in runs(texts[11], pygments_kinds(texts[11]))


#: `each member` where no `on` comes before it (misplaced: BKR004, BKR012): keywords, as
#: after `on`, not `member` declaring the name after it (Vim read the name as a member's).
H6S72_EACH_MEMBER = (
    "each member Y {\n  workers 2 }",
    "EACH Member Y",
    "x each member @Y",
    "job J { to disk pool P  each member M2 }",
    "each\n  member M2 { workers 2 }",
)


def test_h6s72_each_member_without_on_is_coloured_alike(tmp_path):
    texts = [f"cluster C {{\n{body}\n}}\n" for body in H6S72_EACH_MEMBER]
    assert not _engines_disagree(texts, tmp_path)
    assert ("name", "Y") in runs(texts[0], pygments_kinds(texts[0]))
    assert ("member-name", "M2") in runs(texts[4], pygments_kinds(texts[4]))  # `member` on its own line declares


def _h6s72_doc_blocks() -> list[tuple[str, str, str | None]]:
    """(where, the block, the text the parser reads: the block, a fragment wrapped as its marker
    says, None for an exempt one) for each ```bkr block of README.md, docs/ (docs/rules/ too),
    the examples' READMEs and the VS Code extension's README."""
    from test_docs_bkr_blocks import WRAPPERS, blocks, doc_files

    out = []
    for path in [*doc_files(), ROOT / "editors" / "vscode" / "README.md"]:
        for line, kind, arg, body in blocks(path):
            head, tail = WRAPPERS.get(arg, ("", "")) if kind == "fragment" else ("", "")
            out.append((f"{path.relative_to(ROOT)}:{line}", body, None if kind == "exempt" else head + body + tail))
    return out


def test_h6s72_the_docs_examples_are_coloured_alike_by_every_engine(tmp_path):
    """docs/language.md's examples (and every other page's) are read in an editor as much
    as the example files: each engine colours them as pygments does."""
    blocks = _h6s72_doc_blocks()
    assert len(blocks) > 150 and any(where.startswith("docs/language.md") for where, _, _ in blocks)
    assert not _engines_disagree([body for _, body, _ in blocks], tmp_path)


def test_h6s72_the_docs_examples_that_parse_are_coloured_as_the_parser_reads_them(tmp_path):
    """The corpus's checks of the lexer against the parser (token edges, keywords, members
    and groups where the parser reads them), on every docs example that parses."""
    from bkrdsl.source import Source
    from bkrdsl.syntax.parser import parse

    checked = 0
    for n, (where, _, text) in enumerate(_h6s72_doc_blocks()):
        if text is None or not parse(Source.of(where, text)).ok:
            continue
        path = tmp_path / f"doc{n:04d}.bkr"
        path.write_text(text, encoding="utf-8")
        test_lexer_agrees_with_the_parser(path)
        test_member_and_group_names_are_coloured_where_the_parser_reads_them(path)
        checked += 1
    assert checked > 100


#: The forms the language grew (schedules, imports, SFS paths, Tape Manager, `expire on`,
#: texts with escapes, comments everywhere), one file that parses, with every ordinal and
#: `manual`, which no example file uses as a keyword.
H6S72_FORMS = """\
import std/backup-manager   # the product's machines
import std/zvm73## z/VM's own IDs
single group APPS { LNX01 LNX02  match LNX* }   # users
cluster PRODSSI {   # the cluster
  description "Prod \\"SSI\\" \\\\ cluster"   # escapes
  member VMSYS1 { workers 2  job-suffix A  private-volume M1PRV1 3390-9 }
  member VMSYS2 { workers 2  job-suffix B  private-volume M2PRV1 }
  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1 logon-wait 2 minutes pool-wait 30 seconds
  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM catalog-dmm TCDMM request-dmm TRDMM
  expire on VMSYS1 { preview daily 01:00  purge monthly last-day 03:00  retain 35 days }
  disk BKRBKUP 191 size 10 cyl on M1PRV1 at 100
  shared-volume VMCOM1
  job APPSA {   ## first Sundays
    backup APPS full
    include minidisk * 0100-0FFF
    exclude minidisk LNX01 0191
    include sfs BKRPOOL:LNX01.* BKRPOOL:LNX02.DATA
    to tape
    run on VMSYS1 monthly first sun 02:00
  }
  job APPSB { backup APPS incremental  include minidisk * *  to disk pool BKUPPOOL  run on VMSYS1 monthly SECOND mon 02:00 }
  job APPSC { backup APPS incremental  include minidisk * *  to disk pool BKUPPOOL  run on VMSYS1 monthly third tue 2:00 }
  job APPSD { backup APPS incremental  include minidisk * *  to disk pool BKUPPOOL  run on VMSYS1 monthly Fourth wed 2:00 }
  job APPSE { backup APPS incremental  include minidisk * *  to disk pool BKUPPOOL  run on VMSYS1 monthly last sat 02:00 }
  job APPSF { backup APPS incremental  include minidisk * *  to disk pool BKUPPOOL  run on VMSYS1 weekly mon,thu 21:00 }
  job APPSG { backup APPS full  include minidisk * *  to disk pool BKUPPOOL  run on VMSYS1 monthly 15 02:00 }
  job APPSH { backup APPS full  include minidisk * *  to disk pool BKUPPOOL  run on VMSYS1 manual }
}   # the end
"""


def test_h6s72_every_keyword_is_coloured_as_one_by_every_engine(tmp_path):
    """Each keyword of the grammar, where the parser reads it as one in an example, the
    stdlib, a test fixture, a docs example or H6S72_FORMS, in the case written and in
    capitals, is a keyword to pygments, TextMate and Vim alike. A keyword the language
    gains fails here until a file shows it and every editor colours it."""
    from bkrdsl.keywords import keywords
    from bkrdsl.source import Source
    from bkrdsl.syntax.parser import tokens

    words = set(keywords())
    assert tokens(Source.of("forms.bkr", H6S72_FORMS)) is not None
    sources = [("H6S72_FORMS", H6S72_FORMS)] + [(str(p.relative_to(ROOT)), _read(p)) for p in corpus()]
    sources += [(where, text) for where, _, text in _h6s72_doc_blocks() if text is not None]
    chosen: dict[str, tuple[int, int, int]] = {}  # keyword -> (text, start, end)
    texts: list[str] = []
    for where, text in sources:
        read = tokens(Source.of(where, text))
        spans = [(t.start_pos, t.end_pos) for t in read or () if t.type != "NAME" and t.value.lower() in words
                 and t.value.lower() not in chosen]
        if not spans:
            continue
        for a, b in spans:
            chosen.setdefault(text[a:b].lower(), (len(texts), a, b))
        texts.append(text)
        if len(chosen) == len(words):
            break
    assert sorted(words - set(chosen)) == [], "keywords no example shows as a keyword"
    # the same texts with every chosen keyword in capitals
    upper = list(texts)
    for i, a, b in chosen.values():
        upper[i] = upper[i][:a] + upper[i][a:b].upper() + upper[i][b:]
    textmate = textmate_run(["-"], stdin=json.dumps(texts + upper))
    files = []
    for n, text in enumerate(texts + upper):
        path = tmp_path / f"kw{n:03d}.bkr"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    vim = vim_run(files, tmp_path)
    problems = []
    for word, (i, a, b) in sorted(chosen.items()):
        for shift, spelt in ((0, "as written"), (len(texts), "in capitals")):
            text = (texts + upper)[i + shift]
            engines = {
                "pygments": pygments_kinds(text),
                "TextMate": textmate_kinds(text, textmate[i + shift]["lines"]),
                "Vim": vim_kinds(text, vim[i + shift]["lines"]),
            }
            for engine, kinds in engines.items():
                if set(kinds[a:b]) != {"keyword"}:
                    problems.append(f"{word!r} {spelt} at {_where(text, a)}: {engine} {sorted(map(str, set(kinds[a:b])))}")
    assert not problems, "\n".join(problems)


#: A minidisk's owner with a `#` in it (`A#1`, a name: `#` starts a comment only where a name
#: cannot go on) at the end of its line, or first on a later line than `minidisk`: pygments
#: and TextMate took `A` for the owner and `#1` for what follows it (their look-ahead for a
#: comment or the line's end let the name end early); Vim and the parsers read `A#1`.
H6S72_OWNER_WITH_HASH = (
    "job J {\n    include minidisk A#1\n      0191\n  }",
    "job J {\n    include minidisk A#1  # c\n      0191\n  }",
    "job J {\n    include minidisk\n      A#1\n      0191\n  }",
    "job J {\n    exclude minidisk  # the owner\n      A#1 # c\n      0191 0192\n  }",
    "include manager minidisk A#1 :x",
)


def test_h6s72_a_minidisk_owner_with_a_hash_is_one_name_in_every_engine(tmp_path):
    texts = [f"cluster C {{\n  {body}\n}}\n" for body in H6S72_OWNER_WITH_HASH]
    assert not _engines_disagree(texts, tmp_path)
    for text in texts:
        assert ("user-id", "A#1") in runs(text, pygments_kinds(text)), text
    for n, text in enumerate(texts[:4]):
        path = tmp_path / f"owner{n}.bkr"
        path.write_text(text, encoding="utf-8")
        test_lexer_agrees_with_the_parser(path)


#: A weekly schedule whose days start on the line after `weekly` and whose time ends that
#: line, then a word first on the next line: pygments and TextMate read that word as a first
#: day again (the region that waited for the first day outlived the time); Vim and the
#: parsers read it as what it is (`on`, `full`, `request-node R`: keywords).
H6S72_WEEKLY_LATER = tuple(
    f"job J {{\n    run on M weekly{after}\n      {days}\n    {then}\n  }}"
    for after in ("", "  # the weekend", "  ## the weekend")
    for days in ("sat 02:00", "sat,sun 22:00", "sat,\n      sun 22:00", "sat  # c\n      02:00")
    for then in ("full", "on", "request-node R", "each member", "X", "backup G full")
)


def test_h6s72_the_line_after_a_weekly_schedule_s_later_days_is_coloured_alike(tmp_path):
    texts = [f"cluster C {{\n  {body}\n}}\n" for body in H6S72_WEEKLY_LATER]
    assert not _engines_disagree(texts, tmp_path)
    first = texts[0]
    assert runs(first, pygments_kinds(first))[-6:-2] == [("keyword", "weekly"), ("name", "sat"), ("time", "02:00"),
                                                         ("keyword", "full")]


#: A `,` after a list's `,` (`A,, B`, a slip the parsers report), on the same line, the next
#: or after a comment: pygments and TextMate read it as the list's comma again and the name
#: after it as the list's; Vim ended the list at it (`weekly A,, DISK first`: a disk).
H6S72_COMMAS = (
    "job J {\n    run on M weekly A,, DISK first AT P:X.* USER\n  }",
    "job J {\n    backup G,, H full\n    run on M,, N daily 01:00\n  }",
    "job J {\n    run on M weekly A,\n      , DISK 01:00\n  }",
    "job J {\n    backup G,  # c\n      ,H full\n  }",
    "single user A,,B\n  identity user C , , D",
)


def test_h6s72_a_comma_after_a_comma_is_coloured_alike(tmp_path):
    texts = [f"cluster C {{\n  {body}\n}}\n" for body in H6S72_COMMAS]
    assert not _engines_disagree(texts, tmp_path)
    assert ("group-name", "H") in runs(texts[3], pygments_kinds(texts[3]))


# stop 75, h10: the `# bkrc: allow CODE reason` directive in every highlighter
#: Comments the checker reads as a directive or not (bkrdsl/diagnostics/allow.py), after a
#: statement: each engine must colour one exactly where `allow.read` finds it.
#: Each with whether it is one (its `bkrc:` and `allow` coloured).
H10S75_COMMENTS = {
    "# bkrc: allow BKR227 our own template names": True,
    "#bkrc:allow BKR227": True,
    "# bkrc:   ALLOW   worker-task-names-shared, BKR402 two jobs, one lock": True,
    "# bkrc: allow BKR227 ,BKR402 , BKR228 reason, BKR3 not a code": True,
    "# bkrc: allow BKR227,,BKR402 reason": True,
    "# bkrc: allow BKR227 BKR402": True,
    "# bkrc: allow": True,
    "# bkrc: allow,BKR227": True,
    "## bkrc: allow BKR227": False,
    "# BKRC: allow BKR227": False,
    "# bkrc: allowed BKR227": False,
    "# bkrc: alow BKR227": False,
    "# see # bkrc: allow BKR227": False,
    "# bkrc allow BKR227": False,
}


def _h10s75_file(comment: str) -> str:
    return (
        "import std/backup-manager\ncluster PRODSSI {\n  member VMSYS1 { workers 2 }\n"
        "  catalog shared server BKRSVSFS pool BKRPOOL\n"
        f"  expire on VMSYS1 {{ purge weekly sun 03:00  retain 35 days }}   {comment}\n}}\n"
    )


def _h10s75_runs(text: str, kind: str) -> list[tuple[int, int]]:
    out, kinds = [], pygments_kinds(text)
    for i, k in enumerate(kinds):
        if k == kind and (i == 0 or kinds[i - 1] != kind):
            out.append([i, i + 1])
        elif k == kind:
            out[-1][1] = i + 1
    return [tuple(r) for r in out]


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("comment", H10S75_COMMENTS)
def test_h10s75_a_directive_is_coloured_where_the_checker_reads_one(comment, parser, monkeypatch):
    """The codes are coloured exactly where `allow.read` finds them (under both parsers,
    whose kept comments it reads); `bkrc:` and `allow` wherever it reads a directive, its
    codes named or not (`# bkrc: allow` alone, BKR026), and nowhere else."""
    from bkrdsl.diagnostics.allow import read
    from bkrdsl.source import Source
    from bkrdsl.syntax import read_module

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _h10s75_file(comment)
    source = Source.of("allow.bkr", text)
    module, said = read_module(source)
    assert module is not None and not said, said
    found, errors = read(module, source)
    codes = sorted((span.start, span.end) for d in found for _, span in d.codes)
    assert _h10s75_runs(text, "rule-code") == codes
    directive = bool(found) or any("names no code" in e.message for e in errors)
    assert directive == H10S75_COMMENTS[comment]
    assert bool(_h10s75_runs(text, "directive-keyword")) == directive


def test_h10s75_a_string_or_a_name_holding_the_directive_is_none():
    for text, kind in (('description "# bkrc: allow BKR227 x"', "string"), ("user A#bkrc:allow", "user-id")):
        kinds = pygments_kinds(text)
        assert "directive-keyword" not in kinds and "rule-code" not in kinds, text
        assert kind in kinds, text


#: A directive in each context the highlighters' comment rules repeat in: after a statement,
#: alone on its line, right after an import's path, between a keyword and its value on the
#: next line (declarations, lists, schedules, slots, a disk's slots, `to`, `on each`), in a
#: group body, a volume, path and address list.
H10S75_CONTEXTS = (
    "job X {   # bkrc: allow BKR227, worker-task-names-shared our names\n}\n",
    "# bkrc: allow BKR227 the job below\njob X {\n}\n",
    "import std/backup-manager# bkrc: allow BKR1 y\n",
    "import std/backup-manager ## bkrc: allow BKR1 y\n",
    "import std/backup-manager # bkrc: allow BKR1 y\n",
    "import # bkrc: allow BKR1 y\n  std/backup-manager\n",
    "job J {\n  run on M weekly sun # bkrc: allow BKR2\n  02:00\n}\n",
    "job J {\n  run on M weekly # bkrc: allow BKR2\n  sun 02:00\n}\n",
    "job J {\n  run on M monthly first # bkrc: allow BKR2\n  sun 02:00\n}\n",
    "job J {\n  run on M monthly # bkrc: allow BKR2\n  first sun 02:00\n}\n",
    "job J {\n  run on M daily # bkrc: allow BKR2 y\n  01:00\n}\n",
    "cluster C {\n  member M { workers 2 }  # bkrc: allow BKR227 x\n}\n",
    "single group G { A, # bkrc: allow BKR2 y\n  B }\n",
    "single group G {\n  # bkrc: allow BKR2 y\n  A }\n",
    "job J {\n  backup G, # bkrc: allow BKR2 y\n  H full\n}\n",
    "job J {\n  backup # bkrc: allow BKR2 y\n  G full\n}\n",
    "cluster C {\n  user # bkrc: allow BKR2 y\n  A, B role R\n}\n",
    "job J {\n  include minidisk # bkrc: allow BKR2 y\n  MAINT 0191\n}\n",
    "job J {\n  include minidisk MAINT # bkrc: allow BKR2 y\n  0191\n}\n",
    "job J {\n  include minidisk MAINT 0191 # bkrc: allow BKR2 y\n  0192\n}\n",
    "job J {\n  include sfs # bkrc: allow BKR2 y\n  P:X.\n}\n",
    "job J {\n  include sfs P:X. # bkrc: allow BKR2 y\n  P:Y.\n}\n",
    "member M {\n  private-volume V1 # bkrc: allow BKR2 y\n  V2\n}\n",
    "member M {\n  private-volume # bkrc: allow BKR2 y\n  V1\n}\n",
    "cluster C {\n  shared-volume V1 # bkrc: allow BKR2 y\n  V2\n}\n",
    "cluster C {\n  disk # bkrc: allow BKR2 y\n  B 191 size 10 cyl on V\n}\n",
    "cluster C {\n  disk B # bkrc: allow BKR2 y\n  191 size 10 cyl on V\n}\n",
    "cluster C {\n  disk B 191 # bkrc: allow BKR2 y\n  size 10 cyl on V\n}\n",
    "cluster C {\n  disk B 191 size # bkrc: allow BKR2 y\n  10 cyl on V\n}\n",
    "cluster C {\n  disk B 191 size 10 # bkrc: allow BKR2 y\n  cyl\n}\n",
    "cluster C {\n  disk B 191 size 10 cyl # bkrc: allow BKR2 y\n  on V\n}\n",
    "cluster C {\n  disk B 191 size 10 cyl on # bkrc: allow BKR2 y\n  V\n}\n",
    "cluster C {\n  catalog shared server # bkrc: allow BKR2 y\n  S\n}\n",
    "member M {\n  workers # bkrc: allow BKR2 y\n  2\n}\n",
    "cluster C {\n  tape manager shared logon-wait # bkrc: allow BKR2 y\n  2 minutes\n}\n",
    "cluster C {\n  tape manager shared logon-wait 2 # bkrc: allow BKR2 y\n  minutes\n}\n",
    "job J {\n  run on # bkrc: allow BKR2 y\n  M daily 01:00\n}\n",
    "job J {\n  run on M, # bkrc: allow BKR2 y\n  N daily 01:00\n}\n",
    "job J {\n  run on each # bkrc: allow BKR2 y\n  member daily 01:00\n}\n",
    "job # bkrc: allow BKR2 y\n  J {\n}\n",
    "job J {\n  to # bkrc: allow BKR2 y\n  disk\n}\n",
    "single group # bkrc: allow BKR2 y\n  G { A }\n",
    "single group G # bkrc: allow BKR2 y\n  { A }\n",
    "cluster # bkrc: allow BKR2 y\n  C {\n}\n",
    "member # bkrc: allow BKR2 y\n  M {\n}\n",
)


@pytest.mark.parametrize("text", H10S75_CONTEXTS)
def test_h10s75_a_directive_is_one_in_every_context_a_comment_may_stand_in(text):
    """pygments (whose rules the TextMate grammar is written from) colours the directive's
    words and codes in each context, but a `##` comment, which is none."""
    runs_ = [(k, v) for k, v in runs(text, pygments_kinds(text)) if k in ("directive-keyword", "rule-code")]
    if "## bkrc" in text:
        assert runs_ == []
        assert ("doc-comment", "## bkrc: allow BKR1 y") in runs(text, pygments_kinds(text))
    else:
        assert runs_[:2] == [("directive-keyword", "bkrc:"), ("directive-keyword", "allow")]
        assert runs_[2][0] == "rule-code" and runs_[2][1].startswith("BKR")


def test_h10s75_every_engine_colours_the_directive_alike(tmp_path):
    texts = [*H10S75_CONTEXTS, *(_h10s75_file(c) for c in H10S75_COMMENTS),
             'description "# bkrc: allow BKR227 x"\n', "user A#bkrc:allow BKR2\n"]
    assert _engines_disagree(texts, tmp_path) == []


def test_h10s75_the_highlighters_build_the_directive_of_the_checker_s_pieces(monkeypatch):
    """One definition: `keywords.directive_regex` is made of allow.py's pieces, so a change
    there (a code that may hold a `.`, say) reaches the highlighters too."""
    from bkrdsl import keywords
    from bkrdsl.diagnostics import allow

    monkeypatch.setattr(allow, "CODE", r"[^\s,;]+")
    assert r"[^\s,;]+" in keywords.directive_regex()


def test_h10s75_the_terminal_colours_a_directive_s_words_and_codes_apart_from_its_reason():
    from bkrdsl.highlight import highlight_line

    line = highlight_line("job X {  # bkrc: allow BKR227 our names")
    coloured = {text: colour for colour, text in re.findall(r"\x1b\[([0-9;]*)m([^\x1b]+)", line)}
    assert coloured["bkrc:"] == coloured["allow"] == coloured["BKR227"] != coloured[" our names"]
