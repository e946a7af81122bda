"""A rule's "Fix:" mends its failing example: done as its words say, the file
checks clean.

tests/test_explain_examples.py holds each failing example to its code, and an
indented fix to nothing; most fixes, though, are words and a snippet (`Fix:
`run on each member daily 01:00``), which no test ran: a fix that named a time
the purge already takes (BKR403), or a minidisk address the machine already
has (BKR324), sent the reader from one diagnostic to the next. Here each such
fix is written as the edits it asks for, beside the words of the Fix paragraph
that ask for them: the words must still be on the page (`bkrc explain`,
docs/rules/), and the example, so edited, must check clean under both parsers.

Left out: the codes without a failing example; BKR009, whose fix is to pass
the right file; and fixes that are a choice, not an edit (`rename one of the
jobs`, `keep one`). The syntax codes' examples (BKR004-BKR017) were pieces of a
file, which mended were still no cluster, until stop 82 made them whole.
"""

from __future__ import annotations

import os
import re

import pytest
from conftest import ROOT

from bkrdsl import fixes
from bkrdsl.diagnostics.registry import examples, load_all
from bkrdsl.pipeline import analyse

#: code -> the edits its Fix asks for, each (words of the Fix, old text, new text),
#: made in order, each on the first `old` of the failing example.
FIXES: dict[str, list[tuple[str, str, str]]] = {
    "BKR003": [("`LOHNAMT`", "LOHNÄMT", "LOHNAMT")],
    # stop 82: the syntax codes' failing examples are whole files (they were pieces of one)
    "BKR004": [("`run on VMSYS1 daily 02:00`", "daily sun 02:00   # <- BKR004", "daily 02:00")],
    "BKR005": [("add the `}` where the block ends", "  job APPSINC {", "  }\n  job APPSINC {")],
    "BKR006": [("remove the extra `}`", "}\n}   # <- BKR006\n", "}\n")],
    "BKR007": [('`description "Nightly backup of the Linux guests"`', "Linux guests\n", 'Linux guests"\n')],
    "BKR010": [("`run on VMSYS1 daily 02:00`", "run on daily 02:00", "run on VMSYS1 daily 02:00")],
    "BKR011": [("`job APPSFULL {`", "job APPSFULL   # <- BKR011", "job APPSFULL {")],
    "BKR012": [("`job APPSFULL {`", "jbo APPSFULL {", "job APPSFULL {")],
    "BKR013": [("remove the extra `}`", "{ workers 2 } }", "{ workers 2 }")],
    "BKR014": [("`member VMSYS1 { workers 2 }`", "workers: 2", "workers 2")],
    "BKR015": [("`single group APPS { LINUX01 LINUX02 }`", "LINUX01, LINUX02", "LINUX01 LINUX02")],
    "BKR016": [("`# nightly full backup of the Linux guests`", "* nightly", "# nightly")],
    "BKR017": [('`description "Production cluster"`', "'Production cluster'", '"Production cluster"')],
    "BKR019": [("C:\\\\TEMP, kept a week", "C:\\TEMP\\n, kept", "C:\\\\TEMP, kept")],
    "BKR021": [
        ("`retain` to an `expire on MEMBER { ... }` block", "    retain 30 days   # <- BKR021\n", ""),
        ("`retain` to an `expire on MEMBER { ... }` block", "retain 35 days }", "retain 30 days }"),
    ],
    "BKR025": [("delete the allow", "   # bkrc: allow BKR221 runs on one member on purpose", "")],
    "BKR026": [("take `BKR22` out of the list", ", BKR22", "")],
    "BKR027": [("delete the comment", "   # bkrc: allow BKR227 our own template names", "")],
    "BKR101": [("`import std/backup-manager`", "backup-manger", "backup-manager")],
    "BKR112": [
        (
            "add `backup GUESTS full`",
            "  job NIGHTLY {   # <- BKR112\n",
            "  job NIGHTLY {\n    backup GUESTS full\n",
        ),
    ],
    "BKR113": [
        ("add `to disk pool BKUPPOOL`", "    run on VMSYS1", "    to disk pool BKUPPOOL\n    run on VMSYS1")
    ],
    "BKR114": [
        (
            "add `run on VMSYS1 daily 04:00`",
            "    to disk pool BKUPPOOL\n  }",
            "    to disk pool BKUPPOOL\n    run on VMSYS1 daily 04:00\n  }",
        )
    ],
    "BKR115": [("keep one", "    run on VMSYS1 daily 04:00   # <- BKR115\n", "")],
    "BKR116": [("`include minidisk * *`", "    to disk pool", "    include minidisk * *\n    to disk pool")],
    "BKR117": [
        ("move the `include` into the job", "    include minidisk * 0300   # <- BKR117\n", ""),
        (
            "move the `include` into the job",
            "    include minidisk * 0191\n",
            "    include minidisk * 0191\n    include minidisk * 0300\n",
        ),
    ],
    "BKR118": [("the same level", "backup TESTERS incremental", "backup TESTERS full")],
    "BKR201": [
        ("delete the site's declaration", "single user BKRBKUP            # but the site says single\n", "")
    ],
    "BKR202": [("`single user BKRSVSFS`", "identity user BKRSVSFS", "single user BKRSVSFS")],
    "BKR205": [
        (
            "add `import std/backup-manager` at the top",
            "cluster PRODSSI {",
            "import std/backup-manager\ncluster PRODSSI {",
        )
    ],
    "BKR207": [
        (
            "`identity user BKRCATLG role catalog-server`",
            "identity user BKRBKUP role catalog-server",
            "identity user BKRCATLG role catalog-server",
        )
    ],
    "BKR208": [
        ("`catalog shared server BKRSVSFS pool BKRPOOL`", "server PMAINT pool", "server BKRSVSFS pool")
    ],
    "BKR210": [
        (
            "`expire on VMSYS1 { purge weekly sun 03:00 retain 35 days }`",
            "BKRPOOL   # <- BKR210\n",
            "BKRPOOL\n  expire on VMSYS1 { purge weekly sun 03:00 retain 35 days }\n",
        )
    ],
    "BKR211": [
        (
            "`expire on VMSYS1 { purge weekly sun 03:00 retain 35 days }`",
            "expire on each member {",
            "expire on VMSYS1 {",
        )
    ],
    "BKR212": [
        (
            "`catalog shared server BKRSVSFS pool BKRPOOL`",
            "catalog shared pool BKRPOOL",
            "catalog shared server BKRSVSFS pool BKRPOOL",
        )
    ],
    "BKR213": [
        (
            "`catalog shared server BKRSVSFS pool BKRPOOL`",
            "cluster PRODSSI {   # <- BKR213\n",
            "cluster PRODSSI {\n  catalog shared server BKRSVSFS pool BKRPOOL\n",
        )
    ],
    "BKR214": [
        (
            "`expire on each member { purge weekly sun 03:00 retain 35 days }`",
            "expire on VMSYS1 {",
            "expire on each member {",
        )
    ],
    "BKR215": [("`expire on VMSYS1 { ... }`", "expire on VMSYS2 {", "expire on VMSYS1 {")],
    "BKR217": [
        ("`catalog shared server BKRSVSFS pool BKRPOOL`", "server BKRADMIN pool", "server BKRSVSFS pool")
    ],
    "BKR218": [
        (
            "`expire on VMSYS1 { preview daily 01:00 purge weekly sun 03:00 retain 35 days }`",
            "expire on VMSYS1 { purge",
            "expire on VMSYS1 { preview daily 01:00  purge",
        ),
        ("remove the block it leaves empty", "  expire on VMSYS2 { preview daily 01:00 }   # <- BKR218\n", ""),
    ],
    "BKR219": [("`catalog local server BKRSVSFS pool BKRPOOL`", "BKRPOOL on VMSYS1", "BKRPOOL")],
    "BKR220": [
        ("`run on VMSYS1 daily 02:00`", "run on each member daily 02:00", "run on VMSYS1 daily 02:00")
    ],
    "BKR221": [
        ("`run on each member daily 01:00`", "run on VMSYS1 daily 01:00", "run on each member daily 01:00")
    ],
    "BKR223": [("`job SYSIN`", "job SYSWEEKF {", "job SYSIN {")],
    "BKR225": [("`job-suffix B` on VMSYS2", "job-suffix A }   # <- BKR225", "job-suffix B }")],
    "BKR227": [("`job SYSIN`", "job SYSINC {   # <- BKR227", "job SYSIN {")],
    "BKR230": [
        (
            "`tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM`",
            "tape manager local",
            "tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM",
        )
    ],
    "BKR231": [("`single user TCTMM`", "identity user TCTMM", "single user TCTMM")],
    "BKR232": [
        (
            "`catalog-node TCTMM on VMSYS1 request-node TRTMM`",
            "catalog-node TAPEMGR on VMSYS1 request-node TAPEMGR",
            "catalog-node TCTMM on VMSYS1 request-node TRTMM",
        )
    ],
    "BKR233": [
        (
            "`tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM`",
            "on VMSYS1   # <- BKR233",
            "on VMSYS1 request-node TRTMM",
        )
    ],
    "BKR234": [("TCTMM on the catalog node", "catalog-node BKRADMIN", "catalog-node TCTMM")],
    "BKR235": [
        (
            "`tape manager local` alone",
            "tape manager local catalog-node TCTMM on VMSYS1 request-node TRTMM",
            "tape manager local",
        )
    ],
    "BKR236": [
        (
            "`tape manager shared catalog-node TCTMM on VMSYS1`",
            "on VMSYS1 request-node TRTMM",
            "on VMSYS1",
        )
    ],
    "BKR241": [
        (
            "`member VMSYS2 { workers 2 private-volume M2PRV1 }`",
            "member VMSYS2 { private-volume",
            "member VMSYS2 { workers 2 private-volume",
        )
    ],
    "BKR242": [
        ("`catalog shared server BKRSVSFS pool BKRPOOL`", "server BKRBUP-1 pool", "server BKRSVSFS pool"),
        ("rename the user", "single user BKRCLG-1     # the SUBCONFIG of BKRCATLG on member 1\n", ""),
    ],
    "BKR243": [("`identity user BKRWRK* role worker`", "BKRWORK*", "BKRWRK*")],
    "BKR244": [
        ("`shared-volume SHR001`", "  disk BKRSVSFS", "  shared-volume SHR001\n  disk BKRSVSFS"),
        ("`disk BKRSVSFS 191 size 10 cyl on SHR001`", "on M1PRV1   # <- BKR244", "on SHR001"),
        (
            "`disk BKRADMIN 191 size 10 cyl`, `disk 5697J06C 191 size 10 cyl`",
            "  job",
            "  disk BKRADMIN 191 size 10 cyl\n  disk 5697J06C 191 size 10 cyl\n  job",
        ),
    ],
    "BKR245": [
        (
            "`member VMSYS2 { workers 4 private-volume M2PRV1 }`",
            "member VMSYS2 { workers 2 }",
            "member VMSYS2 { workers 4 private-volume M2PRV1 }",
        )
    ],
    "BKR246": [("`disk BKRCATLG 191 size 10 cyl on M1PRV1 at 110`", "on M1PRV1 at 105", "on M1PRV1 at 110")],
    "BKR247": [("`disk BKRBKUP 192 size 14 cyl`", "size 20000 blk", "size 14 cyl")],
    "BKR248": [
        (
            "(`import std/zvm73`)",
            "import std/backup-manager\n",
            "import std/backup-manager\nimport std/zvm73\n",
        )
    ],
    "BKR249": [("or `workers 1`", "workers 4 }", "workers 1 }")],
    "BKR250": [("`disk BKRBKUP 192 size 10 cyl`", "disk BKRBKUP 190", "disk BKRBKUP 192")],
    "BKR256": [("`link BKRBKUP 5697J06C 191 as 0192 RR`", "5697J06C 191 RR", "5697J06C 191 as 0192 RR")],
    "BKR251": [("`at 1` or later", "on M1PRV1 at 0 ", "on M1PRV1 at 1 ")],
    "BKR252": [("(`on M1PRV1`)", "on M2PRV1   # VMSYS2", "on M1PRV1   # VMSYS2")],
    "BKR253": [
        (
            "one `disk` statement per machine, a pattern for the workers",
            "  # no 191 for the workers, the administrator, ...\n",
            (
                "  disk BKRWRK* 191 size 5 cyl\n  disk BKRADMIN 191 size 10 cyl\n"
                "  disk 5697J06C 191 size 10 cyl\n  disk BKRSVSFS 191 size 20 cyl\n"
            ),
        )
    ],
    "BKR254": [("`at 3329` at the latest", "at 3335", "at 3329")],
    "BKR260": [
        (
            "`expire on VMSYS1 { preview daily 01:00 }`",
            "preview daily 01:00  retain 30 days }",
            "preview daily 01:00 }",
        ),
        (
            "`expire on VMSYS1 { purge weekly sun 03:00 retain 30 days }`",
            "retain 35 days }",
            "retain 30 days }",
        ),
    ],
    "BKR261": [
        (
            "`catalog local server BKRSVSFS pool BKRPOOL pool-wait 15 minutes`",
            "BKRSVSFS pool-wait",
            "BKRSVSFS pool BKRPOOL pool-wait",
        )
    ],
    "BKR301": [("`LINUX01`, `PAYROLL`", "LINUX.01 PAYROLLSRV", "LINUX01 PAYROLL")],
    "BKR302": [
        (
            "`member VMSYSP1 { workers 4 }`",
            "member VMSYS-PROD1 { workers 2 }",
            "member VMSYSP1 { workers 4 }",
        ),
        ("as SYSTEM CONFIG spells it", "on VMSYS-PROD1 {", "on VMSYSP1 {"),
        ("as SYSTEM CONFIG spells it", "on VMSYS-PROD1 daily", "on VMSYSP1 daily"),
    ],
    "BKR303": [("`job NIGHTFUL { ... }`", "job NIGHTLY.FULL {", "job NIGHTFUL {")],
    "BKR304": [("`job-suffix A`", "job-suffix A.1", "job-suffix A")],
    "BKR305": [("`M1PRV1`", "M1PRIV01", "M1PRV1")],
    "BKR306": [("`catalog shared server BKRSVSFS pool BKRPOOL`", "pool 1BKRPOOL", "pool BKRPOOL")],
    "BKR307": [
        ("`single group LINUXES { LINUX01 LINUX02 }`", "single group LNX* {", "single group LINUXES {"),
        ("`single group LINUXES { LINUX01 LINUX02 }`", "backup LNX* full", "backup LINUXES full"),
    ],
    "BKR308": [("(`PAYD1`)", "job PAY$1 {", "job PAYD1 {")],
    "BKR309": [("`single user SYSADMIN`", "single user SYSTEM", "single user SYSADMIN")],
    "BKR341": [("(`U1234`) and write that ID here", "LINUX01 1234 }", "LINUX01 U1234 }")],
    "BKR310": [
        (
            "`include minidisk * 0191 0A00`",
            "include minidisk * 0191 0G00 10000",
            "include minidisk * 0191 0A00",
        )
    ],
    "BKR311": [("`include minidisk * 0100-0FFF`", "0FFF-0100", "0100-0FFF")],
    "BKR313": [("`run on VMSYS1 daily 00:00`", "daily 24:00", "daily 00:00")],
    "BKR314": [
        ("`weekly sun,thu 02:00`", "weekly sun,thurs 02:00", "weekly sun,thu 02:00"),
        ("`monthly 1 04:00`", "monthly 32 04:00", "monthly 1 04:00"),
    ],
    "BKR315": [("`retain 35 days`", "retain 0 days", "retain 35 days")],
    "BKR316": [("`workers 12`", "workers 120", "workers 12")],
    "BKR317": [("`disk BKRBKUP 191 size 1 cyl`, 10 tracks in cylinders of 15", "size 10 tracks", "size 1 cyl")],
    "BKR318": [
        (
            "`include sfs BKRPOOL:CICSPRD.LOGS BKRPOOL:CICSPRD.OLD`",
            "CICSPRD.LOGS BKRPOOL:CICSPRD..OLD",
            "BKRPOOL:CICSPRD.LOGS BKRPOOL:CICSPRD.OLD",
        )
    ],
    "BKR319": [
        (
            "(`BKRPOOL:CICSPRD.APPLICATION-LOGS.*`)",
            "APPLICATION-LOGS.ARCHIVE-2025-12.DECEMBER-NIGHTLY",
            "APPLICATION-LOGS.*",
        )
    ],
    "BKR320": [
        (
            "delete the repeated declaration",
            "identity user BKRBKUP          # std/backup-manager already says so\n",
            "",
        )
    ],
    "BKR324": [
        # the second choice, written out: the first ("delete one") is a choice of two,
        # each applied in test_bkr324_help_writes_each_statement_to_delete_and_a_free_address
        ("`disk BKRBKUP 0192 size 20 cyl`", "disk BKRBKUP 0191 size 20 cyl", "disk BKRBKUP 0192 size 20 cyl")
    ],
    "BKR325": [
        ("(`private-volume PRV002`)", "private-volume PRV001 }   # <- BKR325", "private-volume PRV002 }")
    ],
    "BKR326": [
        ("(`single group PAYUSERS { ... }`)", "single group PAYROLL {", "single group PAYUSERS {"),
        ("rename the group", "backup PAYROLL", "backup PAYUSERS"),
    ],
    "BKR327": [("`member VMSYS2`", "member EACH {", "member VMSYS2 {")],
    "BKR330": [("(`run on VMSYS1`)", "run on VMSYS01", "run on VMSYS1")],
    "BKR331": [("`backup GUESTS full`", "backup GUESTZ full", "backup GUESTS full")],
    "BKR332": [("`disk BKRBKUP 192 size 10 cyl`", "disk BKRBKP 192", "disk BKRBKUP 192")],
    "BKR333": [("`disk BKRBKUP 191 size 10 cyl on M1PRV1`", "on M1PRV2", "on M1PRV1")],
    "BKR334": [("so delete the line", "identity user BKRBKUP role backup-srv   # <- BKR334\n", "")],
    "BKR335": [
        (
            "`identity user BKRBKUP role backup-server`",
            "identity user BKRBK* role",
            "identity user BKRBKUP role",
        )
    ],
    "BKR336": [("(`3390-9`)", "3390-5", "3390-9")],
    "BKR337": [("`pool-wait 10 minutes`", "pool-wait 0 minutes", "pool-wait 10 minutes")],
    "BKR338": [("`logon-wait 3 minutes`", "logon-wait 3 minuts", "logon-wait 3 minutes")],
    "BKR340": [("`subconfig BKRBKUP BKRBKU-1`", "subconfig BKRBKP BKRBKU-1", "subconfig BKRBKUP BKRBKU-1")],
    # stop 83: the `link` statement's codes
    "BKR342": [("`link BKRBKUP 5697J06C 05E5 RR`", "link BKRBKP 5697J06C", "link BKRBKUP 5697J06C")],
    "BKR343": [("`link BKRBKUP 5697J06C 05E5 RR`", "05E5 RO", "05E5 RR")],
    "BKR339": [("`include sfs BKRPOOL:CICSPRD.*`", "include sfs BKRPOL:CICSPRD.*", "include sfs BKRPOOL:CICSPRD.*")],
    "BKR402": [("`run on each member daily 04:00`", "daily 02:00   # <- BKR402", "daily 04:00")],
    "BKR403": [("`purge daily 06:00`", "purge daily 02:30", "purge daily 06:00")],
    "BKR404": [("`monthly 1 02:00`", "monthly 31 02:00", "monthly 1 02:00")],
    "BKR407": [("(`exclude minidisk * 0190`)", "exclude minidisk * 0100-01FF", "exclude minidisk * 0190")],
    "BKR408": [("(`backup APPS, TESTERS full`)", "backup APPS full", "backup APPS, TESTERS full")],
    "BKR409": [
        ("(`include minidisk LNX*1 0191`", "include minidisk LNX1* 0191", "include minidisk LNX*1 0191")
    ],
    "BKR412": [("delete the second line", "    backup APPS full   # <- BKR412\n", "")],
    "BKR416": [("`weekly sat,sun 22:00`", "weekly sat,sunday,sun 22:00", "weekly sat,sun 22:00")],
    "BKR414": [
        ("write the exclude in the job", "    exclude minidisk * 0192   # <- BKR414\n", ""),
        (
            "so that every member's copy carries it",
            "    include minidisk * 0191-01FF\n",
            "    include minidisk * 0191-01FF\n    exclude minidisk * 0192\n",
        ),
    ],
    "BKR413": [
        (
            "(`include minidisk * 0191-01FF`)",
            "    exclude minidisk * 0190 019D 019E   # <- BKR413\n",
            "    include minidisk * 0191-01FF\n    exclude minidisk * 0190 019D 019E\n",
        )
    ],
    "BKR415": [("(`exclude minidisk * 0250-025F`)", "exclude minidisk * 0200-02FF", "exclude minidisk * 0250-025F")],
    "BKR417": [
        (
            "(`include minidisk CICSRG* 0300-03FF`)",
            "    include minidisk * 0191-01FF\n",
            "    include minidisk * 0191-01FF\n    include minidisk CICSRG* 0300-03FF\n",
        )
    ],
}


def fix_words(code: str) -> str:
    """The paragraphs of the code's explanation that start "Fix", blanks collapsed."""
    paragraphs = load_all()[code].explanation.split("\n\n")
    return " ".join(" ".join(p.split()) for p in paragraphs if p.strip().startswith("Fix"))


def failing_example(code: str) -> str:
    return next(e.text for e in examples(load_all()[code]) if e.expect)


def mended(text: str, edits: list[tuple[str, str, str]]) -> str:
    for _, old, new in edits:
        assert old in text, f"the failing example no longer holds {old!r}: update the edit"
        text = text.replace(old, new, 1)
    return text


def codes(text: str, parser: str) -> list[str]:
    """What `bkrc check` reports on the text, as a file beside the rules pages."""
    previous = os.environ.get("BKRDSL_PARSER")
    os.environ["BKRDSL_PARSER"] = parser
    try:
        path = ROOT / "docs" / "rules" / "fixed.bkr"
        return sorted(d.code for d in analyse(path.name, text.encode("utf-8"), path=path).diagnostics)
    finally:
        if previous is None:
            del os.environ["BKRDSL_PARSER"]
        else:
            os.environ["BKRDSL_PARSER"] = previous


@pytest.mark.parametrize("code", sorted(FIXES))
def test_the_fix_is_still_what_the_page_says(code):
    words = fix_words(code)
    missing = [said for said, _, _ in FIXES[code] if " ".join(said.split()) not in words]
    assert missing == [], f"{code}'s Fix no longer says {missing}: update FIXES to its new words"


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize("code", sorted(FIXES))
def test_the_fix_mends_the_failing_example(code, parser):
    before = failing_example(code)
    assert code in codes(before, parser)
    assert codes(mended(before, FIXES[code]), parser) == []


def test_a_fix_that_leads_to_another_diagnostic_is_caught():
    # BKR221's fix once named 03:00, the time its example's VMSYS1 purges.
    wrong = [(said, old, new.replace("01:00", "03:00")) for said, old, new in FIXES["BKR221"]]
    assert codes(mended(failing_example("BKR221"), wrong), "") == ["BKR403"]


def test_every_code_with_a_failing_example_is_weighed():
    # A new code's fix is either in FIXES or left out for one of the reasons above.
    choice = "the fix is a choice, not one edit"
    left_out = {
        "BKR009": "its fix is the right file passed, not an edit",
        "BKR090": "its fix is the indented file after it",
        "BKR104": "the fix names the folder elsewhere: a relative path, or `-I DIR` on the command line",
        "BKR110": "its fix is the indented module after it",
        "BKR119": "a cluster of one `catalog` line: with a member it still has no job",
        "BKR216": "retired: its example is BKR218's",
        "BKR255": "a cylinder free on the member's volume is the site's to know, not the file's",
        **dict.fromkeys(["BKR203", "BKR204", "BKR206", "BKR222", "BKR224", "BKR226", "BKR240"], choice),
        **dict.fromkeys(["BKR312", "BKR321", "BKR322", "BKR323", "BKR328"], choice),
        **dict.fromkeys(["BKR401", "BKR405", "BKR406", "BKR410", "BKR411"], choice),
    }
    with_example = {code for code, entry in load_all().items() if any(e.expect for e in examples(entry))}
    assert with_example - set(left_out) - set(FIXES) == set()


# --- h2 (stop 61)
# The helps that were choices with placeholders (BKR401, BKR402, BKR223, BKR224,
# BKR219, BKR218 without a catalog) write each choice on the file's own names: each
# is applied here as its words say, and the file then checks.


def help_of(code: str, text: str) -> str:
    (found,) = [d for d in analyse("site.bkr", text.encode("utf-8")).diagnostics if d.code == code]
    return found.help


def test_bkr223_help_writes_the_shorter_name_and_the_names_it_gets():
    text = failing_example("BKR223")
    said = help_of("BKR223", text)
    assert (
        "shorten the job name to at most 5 characters: write `job SYSWE` for `job SYSWEEKF` (line 8),"
        " named SYSWE1 on VMSYS1 and SYSWE2 on VMSYS2"
    ) == said  # five, not seven: SYSWEEK1 and SYSWEEK2 would share their worker tasks' names (BKR227)
    assert codes(mended(text, [(said, "job SYSWEEKF {", "job SYSWE {")]), "") == []


def test_bkr223_shorter_name_taken_by_another_job_is_not_written():
    # SYSWE is another job's: the help's name is the next free one.
    text = failing_example("BKR223").replace(
        "  job SYSWEEKF {",
        "  single group APPS { LINUX01 }\n  job SYSWE {\n    backup APPS full\n    include minidisk * *\n"
        "    to disk\n    run on VMSYS1 daily 04:00\n  }\n  job SYSWEEKF {",
    )
    said = help_of("BKR223", text)
    assert "write `job SYSWA` for `job SYSWEEKF`" in said
    assert codes(text.replace("job SYSWEEKF {", "job SYSWA {"), "") == []


def test_bkr224_help_writes_each_rename_and_each_checks():
    text = failing_example("BKR224")
    said = help_of("BKR224", text)
    assert (
        "rename one of the jobs: write `job SYSF` for `job SYS` (line 9), named SYSF1 on VMSYS1 and SYSF2 on"
        " VMSYS2; or write `job SYS1F` for `job SYS1` (line 15), named SYS1F on VMSYS1"
    ) in said
    assert codes(text.replace("job SYS {", "job SYSF {"), "") == []
    assert codes(text.replace("job SYS1 {", "job SYS1F {"), "") == []


def test_bkr402_help_writes_the_later_jobs_run_at_a_free_hour():
    # 03:00 is the hour after, but VMSYS1 purges then (BKR403): 04:00.
    text = failing_example("BKR402")
    said = help_of("BKR402", text)
    assert (
        "write `run on each member daily 04:00` for `run on each member daily 02:00` (line 19),"
        " so that SYSFU starts when GUESTFUL is usually done"
    ) in said
    assert codes(mended(text, [(said, "daily 02:00   # <- BKR402", "daily 04:00")]), "") == []


def test_bkr401_help_moves_a_job_from_a_member_that_keeps_another():
    text = failing_example("BKR401").replace(
        "  job TESTFULL {",
        "  single group WEB { WEB01 }\n  job WEBFULL {\n    backup WEB full\n    include minidisk * *\n"
        "    to disk\n    run on VMSYS1 daily 04:00\n  }\n  job TESTFULL {",
    )
    said = help_of("BKR401", text)
    assert said.startswith(
        "move job `APPSFULL` there: write `run on VMSYS3 daily 02:00` for `run on VMSYS1 daily 02:00` (line 14);"
        " `VMSYS1` keeps job `WEBFULL`; or add a job"
    )
    assert codes(text.replace("run on VMSYS1 daily 02:00", "run on VMSYS3 daily 02:00"), "") == []


def test_bkr401_help_does_not_say_to_run_identity_jobs_the_file_has_none_of():
    # Every member runs one job: none to move, and no job of IDENTITY users to widen.
    said = help_of("BKR401", failing_example("BKR401"))
    assert "IDENTITY users' jobs `on each member`" not in said
    assert said.startswith("add a job that runs on this member")


def test_bkr219_help_writes_both_catalog_statements_and_each_checks():
    text = failing_example("BKR219")
    said = help_of("BKR219", text)
    local = "catalog local server BKRSVSFS pool BKRPOOL"
    shared = "catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"
    assert f"write `{local}` (line 4)" in said and f"`{shared}`" in said
    assert "purge on" not in said  # VMSYS1 alone purges already
    for statement in (local, shared):
        assert codes(text.replace(f"{local} on VMSYS1", statement), "") == []


def test_bkr219_shared_reading_mends_the_blocks_that_purge_each_member():
    # A local catalog purged on each member: read as shared, BKR211 would follow.
    text = (ROOT / "tests" / "data" / "rules" / "BKR219.fail.bkr").read_text()
    said = help_of("BKR219", text)
    assert (
        "`catalog shared server BKRSVSFS pool BKRPOOL on VM1`, and purge on `VM1` alone, where the catalog's"
        " server runs: write `expire on VM1` for `expire on each member` (line 7)"
    ) in said
    shared = text.replace("catalog local server BKRSVSFS pool BKRPOOL on VM1", "catalog shared server BKRSVSFS pool BKRPOOL on VM1")
    assert codes(shared.replace("expire on each member", "expire on VM1"), "") == []
    assert codes(text.replace("BKRPOOL on VM1", "BKRPOOL"), "") == []



def test_bkr218_without_a_catalog_writes_both_catalogs_and_each_checks():
    text = failing_example("BKR218").replace("  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n", "")
    said = help_of("BKR218", text)
    assert (
        "add `catalog shared server BKRSVSFS pool BKRPOOL` and preview on the purging member:"
        " `expire on VMSYS1 { preview daily 01:00 }`" in said
    )
    assert (
        "add `catalog local server BKRSVSFS pool BKRPOOL` and add `purge weekly sun 03:00  retain 35 days` to"
        " this block" in said
    )
    assert "each member {" not in said  # beside VMSYS1's block it purged VMSYS1 twice (BKR211)
    top = "cluster PRODSSI {\n"
    shared = text.replace(top, f"{top}  catalog shared server BKRSVSFS pool BKRPOOL\n").replace(
        "expire on VMSYS2 { preview", "expire on VMSYS1 { preview"
    )
    local = text.replace(top, f"{top}  catalog local server BKRSVSFS pool BKRPOOL\n").replace(
        "{ preview daily 01:00 }", "{ preview daily 01:00  purge weekly sun 03:00  retain 35 days }"
    )
    assert codes(shared, "") == [] and codes(local, "") == []


def test_bkr004_users_listed_then_bkr408_names_the_group_that_holds_them():
    # `backup users CICSPRD DB2PRD full`: the parser's help writes the names as a list
    # (it reads words, not the groups); once that reads, BKR408 names group APPS.
    example = (ROOT / "examples" / "prodssi.bkr").read_text()
    assert "    backup APPS full\n" in example and codes(example, "") == []
    typed = example.replace("    backup APPS full\n", "    backup users CICSPRD DB2PRD full\n")
    assert "write `backup CICSPRD, DB2PRD full`" in help_of("BKR004", typed)
    listed_users = example.replace("    backup APPS full\n", "    backup CICSPRD, DB2PRD full\n")
    said = help_of("BKR408", listed_users)
    assert said == (
        "write `backup APPS full` for `backup CICSPRD, DB2PRD full` (line 69): group `APPS` (line 45) holds"
        " exactly these users; or delete the group"
    )
    assert codes(listed_users.replace("backup CICSPRD, DB2PRD full", "backup APPS full"), "") == []


def test_bkr408_help_for_one_user_of_the_group_says_which_others_it_adds():
    example = (ROOT / "examples" / "prodssi.bkr").read_text()
    one = example.replace("    backup APPS full\n", "    backup CICSPRD full\n")
    said = help_of("BKR408", one)
    assert said.startswith(
        "job `APPSFULL` names `CICSPRD` of group `APPS` (line 45): to back up the whole group (`DB2PRD` too),"
        " write `backup APPS full` for `backup CICSPRD full` (line 69)"
    )
    assert codes(one.replace("backup CICSPRD full", "backup APPS full"), "") == []


def test_bkr225_help_removes_the_suffix_where_the_members_number_is_free():
    text = failing_example("BKR225")
    said = help_of("BKR225", text)
    assert said == "remove `job-suffix A` from member `VMSYS2` (line 4): its jobs then take its number, `2`"
    assert codes(text.replace("workers 2  job-suffix A }   # <- BKR225", "workers 2 }"), "") == []


def test_bkr225_help_writes_a_free_suffix_where_the_number_is_taken():
    # VMSYS1 uses `2`, VMSYS2's number: the help writes the first free letter.
    text = failing_example("BKR225").replace("job-suffix A", "job-suffix 2")
    said = help_of("BKR225", text)
    assert said == "write `job-suffix A` for `job-suffix 2` in member `VMSYS2` (line 4)"
    assert codes(text.replace("workers 2  job-suffix 2 }   # <- BKR225", "workers 2  job-suffix A }"), "") == []


def test_bkr225_help_adds_a_suffix_to_a_member_whose_number_is_taken():
    # VM4 writes none: its number, 4, is VM3's suffix. Both helps applied, it checks.
    text = (ROOT / "tests" / "data" / "rules" / "BKR225.fail.bkr").read_text()
    found = [d.help for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR225"]
    assert found == [
        "remove `job-suffix A` from member `VM2` (line 5): its jobs then take its number, `2`",
        (
            "remove `job-suffix 4` from member `VM3` (line 6): its jobs then take its number, `3`;"
            " or add `job-suffix B` to member `VM4` (line 7)"
        ),
    ]
    mended_text = text.replace("member VM2 { workers 2  job-suffix A }", "member VM2 { workers 2 }").replace(
        "member VM4 { workers 2 }", "member VM4 { workers 2  job-suffix B }"
    )
    assert codes(mended_text, "") == []


def test_bkr232_help_writes_the_option_on_a_name_of_its_own():
    text = failing_example("BKR232")
    said = help_of("BKR232", text)
    assert said == (
        "give the request nodes a name of their own: write `request-node TRTMM` for `request-node TAPEMGR`"
        " (line 8) (TRTMM is IBM's example ID: write your site's Tape Manager machine)"
    )
    assert codes(text.replace("request-node TAPEMGR", "request-node TRTMM"), "") == []


def test_bkr232_help_for_the_dmms_writes_ibms_ids_for_them_and_they_check():
    text = (ROOT / "tests" / "data" / "rules" / "BKR232.fail-dmm.bkr").read_text()
    found = [d.help for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR232"]
    assert [h.split(": ", 1)[1].split(" (", 1)[0] for h in found] == [
        "write `catalog-dmm TCDMM` for `catalog-dmm TCTMM`",
        "write `request-dmm TRDMM` for `request-dmm TCTMM`",
    ]
    mended_text = text.replace("catalog-dmm TCTMM", "catalog-dmm TCDMM").replace("request-dmm TCTMM", "request-dmm TRDMM")
    assert codes(mended_text, "") == []


def test_bkr323_help_renames_the_second_job_on_a_free_name():
    text = failing_example("BKR323")
    said = help_of("BKR323", text)
    assert said == "rename it: write `job NIGHTLYF` for `job NIGHTLY` (line 14), named NIGHTLYF on VMSYS1"
    assert codes(text.replace("job NIGHTLY {   # <- BKR323", "job NIGHTLYF {"), "") == []


# --- h7 (stop 61)
# The helps BKR207, BKR321, BKR326, BKR407 and BKR246 gave as advice (`give each
# role its own user ID`, `merge the two groups, or rename one`, `rename the group`,
# `narrow the exclude, or widen the include`, `start it at 110 or later`) write each
# choice on the file's own names and lines: each is applied here as its words say,
# and the file then checks.


def test_bkr207_help_writes_the_role_on_the_id_ibm_ships_it_under():
    text = failing_example("BKR207")
    said = help_of("BKR207", text)
    assert said == (
        "give the catalog server an ID of its own: write `identity user BKRCATLG role catalog-server` for"
        " `identity user BKRBKUP role catalog-server` (line 2) (the ID IBM ships it under); BKRBKUP stays"
        " the backup server"
    )
    assert codes(text.replace("identity user BKRBKUP role catalog-server   # <- BKR207", "identity user BKRCATLG role catalog-server"), "") == []


def test_bkr207_help_deletes_the_site_line_where_the_standard_library_holds_the_role():
    text = failing_example("BKR207").replace(
        "identity user BKRBKUP role backup-server\n", "import std/backup-manager\n"
    ).replace("identity user BKRWRK* role worker\n", "")
    said = help_of("BKR207", text)
    assert said == (
        "delete `identity user BKRBKUP role catalog-server` (line 2): `BKRCATLG` (std/backup-manager.bkr line"
        " 20) is the catalog server already, and BKRBKUP stays the backup server"
    )
    assert codes(text.replace("identity user BKRBKUP role catalog-server   # <- BKR207\n", ""), "") == []


def test_bkr207_help_for_a_worker_id_writes_one_the_pattern_does_not_make():
    text = failing_example("BKR207").replace("identity user BKRBKUP role catalog-server", "identity user BKRWRK01 role catalog-server")
    said = help_of("BKR207", text)
    assert said == (
        "give the catalog server an ID of its own: write `identity user BKRCATLG role catalog-server` for"
        " `identity user BKRWRK01 role catalog-server` (line 2) (the ID IBM ships it under), which the worker"
        " pattern `BKRWRK*` does not make"
    )
    assert codes(text.replace("BKRWRK01 role catalog-server", "BKRCATLG role catalog-server"), "") == []


def test_bkr207_help_takes_a_free_id_where_ibms_is_a_users():
    text = failing_example("BKR207").replace("{ LINUX01 }", "{ LINUX01 BKRCATLG }")
    said = help_of("BKR207", text)
    assert "write `identity user BKRCATL2 role catalog-server`" in said and "IBM ships" not in said
    assert codes(text.replace("BKRBKUP role catalog-server", "BKRCATL2 role catalog-server"), "") == []


def test_bkr321_help_writes_the_merged_group_and_the_renamed_one_and_each_checks():
    text = failing_example("BKR321")
    said = help_of("BKR321", text)
    assert said == (
        "merge them: write `single group GUESTS { LINUX01 LINUX02 }` for `single group GUESTS { LINUX01 }`"
        " (line 6), and delete `single group GUESTS { LINUX02 }` (line 7);\nor, for two groups, rename the"
        " second: write `single group GUESTSG { LINUX02 }` for `single group GUESTS { LINUX02 }` (line 7)"
        " and `backup GUESTS, GUESTSG full` for `backup GUESTS full` (line 9)"
    )
    merged = text.replace("{ LINUX01 }", "{ LINUX01 LINUX02 }").replace(
        "  single group GUESTS { LINUX02 }   # <- BKR321\n", ""
    )
    assert codes(merged, "") == []
    renamed = text.replace("single group GUESTS { LINUX02 }", "single group GUESTSG { LINUX02 }").replace(
        "backup GUESTS full", "backup GUESTS, GUESTSG full"
    )
    assert codes(renamed, "") == []


def test_bkr321_help_merges_patterns_and_users_each_once():
    text = failing_example("BKR321").replace("{ LINUX02 }", "{ LINUX01 match LNX* }")
    said = help_of("BKR321", text)
    assert said.startswith("merge them: write `single group GUESTS { LINUX01 match LNX* }`")
    merged = text.replace("{ LINUX01 }", "{ LINUX01 match LNX* }").replace(
        "  single group GUESTS { LINUX01 match LNX* }   # <- BKR321\n", ""
    )
    assert codes(merged, "") == []


def test_bkr326_help_renames_the_group_and_the_backup_that_names_it():
    text = failing_example("BKR326")
    said = help_of("BKR326", text)
    assert said == (
        "rename the group: write `single group PAYROLLG { PAYDB PAYAPP }` for `single group PAYROLL { PAYDB"
        " PAYAPP }` (line 7) and `backup PAYROLLG full` for `backup PAYROLL full` (line 9), where the job means"
        " the group"
    )
    renamed = text.replace("single group PAYROLL {", "single group PAYROLLG {").replace(
        "backup PAYROLL full", "backup PAYROLLG full"
    )
    assert codes(renamed, "") == []


def test_bkr407_help_deletes_the_exclude_that_takes_out_all_the_include_selects():
    text = failing_example("BKR407")
    said = help_of("BKR407", text)
    assert said == (
        "delete `exclude minidisk * 0100-01FF` (line 10): it takes out all that `include minidisk * 0190-0191`"
        " (line 9) selects; or widen the include to what the excludes leave"
    )
    assert codes(text.replace("    exclude minidisk * 0100-01FF\n", ""), "") == []


def test_bkr246_help_writes_the_first_free_start_past_every_extent():
    # 110 is past BKRBKUP 191's end, but 10 cylinders from there meet a third
    # minidisk, at 115: the help skips it.
    text = failing_example("BKR246").replace(
        "  disk BKRWRK*", "  disk BKRBKUP 192 size 10 cyl on M1PRV1 at 115\n  disk BKRWRK*"
    )
    said = help_of("BKR246", text)
    assert said == (
        "write `at 125` for `at 105` (line 8): BKRBKUP 191 ends at 109, and 125-134 is free on `M1PRV1`;"
        " or leave out `at 105`, and bkrc places it"
    )
    assert codes(text.replace("on M1PRV1 at 105   # <- BKR246", "on M1PRV1 at 125"), "") == []
    assert codes(text.replace(" at 105   # <- BKR246", ""), "") == []


@pytest.mark.parametrize("name", ["BKR407.fail.bkr", "BKR407.fail-narrowed.bkr"])
def test_bkr407_the_excludes_each_help_deletes_mend_its_job(name):
    # Deleting the excludes each help names (the first, of a choice) adds no code; the
    # jobs whose help is advice (a member's exclude) keep their BKR407.
    text = (ROOT / "tests" / "data" / "rules" / name).read_text()
    found = [d for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR407"]
    deleted = {
        int(n)
        for d in found
        if d.help.startswith("delete ")
        for n in re.findall(r"\(line (\d+)\)", d.help.split(": ", 1)[0].split(" or ", 1)[0])
    }
    advice = [d for d in found if not d.help.startswith("delete ")]
    assert deleted
    lines = text.splitlines(keepends=True)
    mended_text = "".join(line for n, line in enumerate(lines, 1) if n not in deleted)
    assert codes(mended_text, "") == ["BKR407"] * len(advice)


def test_bkr407_help_does_not_delete_an_exclude_that_would_back_users_up_twice():
    # Each job there backs up what another job does: deleted, its exclude would give
    # BKR405, BKR410 or BKR411.
    text = (ROOT / "tests" / "data" / "rules" / "BKR407.fail-not-twice.bkr").read_text()
    found = [d.help for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR407"]
    assert found == ["narrow the exclude, or widen the include"] * 3


def test_bkr213_where_each_member_purges_writes_both_catalogs_and_each_checks():
    text = (ROOT / "tests" / "data" / "rules" / "BKR213.fail-purges.bkr").read_text()
    said = help_of("BKR213", text)
    assert said == (
        "for one catalog for the cluster, as IBM recommends, add `catalog shared server BKRSVSFS pool BKRPOOL`,"
        " and purge on `VM1` alone, the first that purges (one member purges a shared catalog): write `expire on"
        " VM1` for `expire on each member` (line 7);\nfor a catalog on each member, purged on each as now, add"
        " `catalog local server BKRSVSFS pool BKRPOOL`"
    )
    top = "  member VM1 { workers 2 }\n"
    shared = text.replace(top, f"{top}  catalog shared server BKRSVSFS pool BKRPOOL\n").replace(
        "expire on each member", "expire on VM1"
    )
    local = text.replace(top, f"{top}  catalog local server BKRSVSFS pool BKRPOOL\n")
    assert codes(shared, "") == [] and codes(local, "") == []


def test_bkr208_help_writes_the_option_on_ibms_id_and_it_checks():
    text = failing_example("BKR208")
    said = help_of("BKR208", text)
    assert said == (
        "give the machine an ID of its own: write `server BKRSVSFS` for `server PMAINT` (line 5) (BKRSVSFS is"
        " IBM's sample name for it)"
    )
    assert codes(text.replace("server PMAINT", "server BKRSVSFS"), "") == []


def test_bkr208_helps_for_the_catalog_and_tape_machines_each_check():
    text = (ROOT / "tests" / "data" / "rules" / "BKR208.fail.bkr").read_text()
    found = [d.help for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR208"]
    written = [re.search(r"write `([^`]*)` for `([^`]*)`", h).groups() for h in found]
    assert written == [
        ("server BKRSVSFS", "server PMAINT"),
        ("catalog-node TCTMM", "catalog-node DIRMAINT"),
        ("request-node TRTMM", "request-node RSCS"),
    ]
    for new, old in written:
        text = text.replace(old, new)
    assert codes(text, "") == []


def test_bkr208_help_for_the_worker_pattern_writes_ibms_and_the_workers_it_makes():
    text = (ROOT / "tests" / "data" / "rules" / "BKR208.fail-workers.bkr").read_text()
    said = help_of("BKR208", text)
    assert said == (
        "give the machines IDs of their own: write `identity user BKRWRK* role worker` for `identity user"
        " DTCVSW* role worker` (line 8), IBM's pattern, which makes `BKRWRK01` and `BKRWRK02`"
    )
    assert codes(text.replace("identity user DTCVSW* role worker", "identity user BKRWRK* role worker"), "") == []


def test_bkr208_help_renames_the_servers_disk_statements_too():
    # examples/bank.bkr, its SFS server BKRSFS named PMAINT, z/VM's own.
    text = (ROOT / "examples" / "bank.bkr").read_text().replace("BKRSFS", "PMAINT")
    said = help_of("BKR208", text)
    assert (
        "write `server BKRSVSFS` for `server PMAINT` (line 26), and `disk BKRSVSFS` for `disk PMAINT` (lines 62"
        " and 63)"
    ) in said
    mended_text = text.replace("server PMAINT", "server BKRSVSFS").replace("disk PMAINT", "disk BKRSVSFS")
    path = ROOT / "examples" / "fixed.bkr"  # beside bank.direct
    assert [d.code for d in analyse(path.name, mended_text.encode(), path=path).diagnostics] == []


def test_bkr217_help_writes_the_server_on_ibms_sample_id_and_it_checks():
    text = failing_example("BKR217")
    said = help_of("BKR217", text)
    assert said == (
        "give the file pool server its own user ID: write `server BKRSVSFS` for `server BKRADMIN` (line 4)"
        " (BKRSVSFS is IBM's sample name for it)"
    )
    assert codes(text.replace("server BKRADMIN", "server BKRSVSFS"), "") == []


def test_bkr242_help_renames_a_named_machine_on_ibms_id_and_it_checks():
    text = failing_example("BKR242")
    said = [d.help for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR242"][1]
    assert said == (
        "rename the machine, as CP needs USER, IDENTITY and SUBCONFIG IDs all distinct: write `server BKRSVSFS`"
        " for `server BKRBUP-1` (line 5) (BKRSVSFS is IBM's sample name for it)"
    )
    assert codes(text.replace("server BKRBUP-1", "server BKRSVSFS"), "") == ["BKR242"]  # the user's, left


def test_bkr242_helps_for_the_catalog_server_and_a_dmm_each_check():
    text = (ROOT / "tests" / "data" / "rules" / "BKR242.fail-named.bkr").read_text()
    found = [d.help for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR242"]
    written = [re.search(r"write `([^`]*)` for `([^`]*)`", h).groups() for h in found]
    assert written == [("server BKRSVSFS", "server BKRBUP-1"), ("catalog-dmm TCDMM", "catalog-dmm TRTMM-2")]
    for new, old in written:
        text = text.replace(old, new)
    assert codes(text, "") == []


def test_bkr246_for_a_pattern_help_leaves_out_its_start_and_it_checks():
    text = (ROOT / "tests" / "data" / "rules" / "BKR246.fail-pattern.bkr").read_text()
    said = help_of("BKR246", text)
    assert said.startswith(
        "leave out `at 100` (line 11), and bkrc places each machine's minidisk on `V1PRV1`; or give each machine"
    )
    assert codes(text.replace(" at 100  # expect: BKR246", ""), "") == []


def test_bkr206_help_deletes_the_site_line_or_writes_the_module_without_the_role():
    text = failing_example("BKR206")
    said = help_of("BKR206", text)
    assert said == (
        "delete `identity user BKRBKUP2 role backup-server` (line 2): `BKRBKUP` (std/backup-manager.bkr line 17)"
        " is the backup server already;\nor, to make BKRBKUP2 the backup server, write for `import"
        " std/backup-manager` (line 1) its other declarations: `single user 5697J06C role installation`,"
        " `single user BKRADMIN role admin`, `identity user BKRCATLG role catalog-server` and `identity user"
        " BKRWRK* role worker`"
    )
    assert codes(text.replace("identity user BKRBKUP2 role backup-server   # <- BKR206\n", ""), "") == []
    declared = (
        "single user 5697J06C role installation\nsingle user BKRADMIN role admin\n"
        "identity user BKRCATLG role catalog-server\nidentity user BKRWRK* role worker\n"
    )
    own = text.replace("import std/backup-manager                  # BKRBKUP role backup-server\n", declared)
    assert codes(own, "") == []


def test_bkr206_help_does_not_give_an_id_the_module_gives_another_role():
    # BKRCATLG is the module's catalog server: kept beside it, BKR207.
    text = (ROOT / "tests" / "data" / "rules" / "BKR207.fail-stdlib-role.bkr").read_text()
    said = help_of("BKR206", text)
    assert said == (
        "delete `identity user BKRCATLG role backup-server` (line 5): `BKRBKUP` (std/backup-manager.bkr line 17)"
        " is the backup server already"
    )


def test_bkr206_two_of_the_sites_own_each_deleted_checks():
    text = failing_example("BKR207").replace(
        "identity user BKRBKUP role catalog-server", "identity user BKRCATLG role catalog-server\n"
        "identity user BKRCAT2 role catalog-server"
    )
    said = help_of("BKR206", text)
    assert said == (
        "keep one: delete `identity user BKRCAT2 role catalog-server` (line 3), or `identity user BKRCATLG role"
        " catalog-server` (line 2)"
    )
    assert codes(text.replace("identity user BKRCAT2 role catalog-server   # <- BKR207\n", ""), "") == []
    assert codes(text.replace("identity user BKRCATLG role catalog-server\n", ""), "") == []


def test_bkr331_for_a_pattern_help_declares_its_group_and_names_it_and_it_checks():
    text = (ROOT / "tests" / "data" / "rules" / "BKR331.fail.bkr").read_text()
    said = [d.help for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR331"][1]
    assert said == (
        "add `single group LNX { match LNX* }` to the cluster block (the job runs on one member) and write"
        " `backup LNX full` for `backup LNX* full` (line 9)"
    )
    mended_text = text.replace("backup GUESTZ full", "backup GUESTS full").replace(
        "  job LNXFULL { backup LNX* full", "  single group LNX { match LNX* }\n  job LNXFULL { backup LNX full"
    )
    assert codes(mended_text, "") == []


def test_bkr331_for_a_pattern_a_group_holds_help_names_that_group():
    text = (ROOT / "tests" / "data" / "rules" / "BKR331.fail.bkr").read_text().replace(
        "  single group GUESTS { LINUX01 }", "  single group GUESTS { LINUX01 }\n  single group LINUX { match LNX* }"
    )
    said = [d.help for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR331"][1]
    assert said == "write `backup LINUX full` for `backup LNX* full` (line 10): group `LINUX` (line 8) holds `match LNX*`"
    mended_text = text.replace("backup GUESTZ full", "backup GUESTS full").replace("backup LNX* full", "backup LINUX full")
    assert codes(mended_text, "") == []


def test_bkr331_for_a_pattern_of_a_job_on_each_member_declares_an_identity_group():
    text = (ROOT / "tests" / "data" / "rules" / "BKR331.fail.bkr").read_text().replace(
        "run on VM1 daily 03:00", "run on each member daily 03:00"
    )
    said = [d.help for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR331"][1]
    assert said.startswith("add `identity group LNX { match LNX* }` to the cluster block (the job runs on each member)")
    mended_text = text.replace("backup GUESTZ full", "backup GUESTS full").replace(
        "  job LNXFULL { backup LNX* full", "  identity group LNX { match LNX* }\n  job LNXFULL { backup LNX full"
    )
    assert codes(mended_text, "") == []


def test_bkr331_for_a_pattern_the_files_declare_takes_its_users_kind():
    text = (ROOT / "tests" / "data" / "rules" / "BKR331.fail.bkr").read_text().replace(
        "import std/backup-manager\n", "import std/backup-manager\nidentity user LNX*\n"
    ).replace("run on VM1 daily 03:00", "run on each member daily 03:00")
    said = [d.help for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR331"][1]
    # LNX and LNXG would be IDs of the users `LNX*` declares: the group is ALLLNX.
    assert said.startswith("add `identity group ALLLNX { match LNX* }` to the cluster block (its users are identity (line 2))")
    mended_text = text.replace("backup GUESTZ full", "backup GUESTS full").replace(
        "  job LNXFULL { backup LNX* full", "  identity group ALLLNX { match LNX* }\n  job LNXFULL { backup ALLLNX full"
    )
    assert codes(mended_text, "") == []


def test_bkr250_help_writes_the_disk_statement_on_a_free_address_and_it_checks():
    text = failing_example("BKR250")
    said = help_of("BKR250", text)
    assert said == (
        "give the minidisk an address the machine does not use: write `disk BKRBKUP 0192` for `disk BKRBKUP 190`"
        " (line 10)"
    )
    assert codes(text.replace("disk BKRBKUP 190 ", "disk BKRBKUP 0192 "), "") == []


# --- h4 (stop 62)
# Checker helps reviewed as a z/VM system programmer reads them: each help that was
# a choice in general words (`keep one definition`, `narrow the pattern`) now writes
# the choices on the file's own names and lines; each is applied here as its words
# say, and the file then checks.


def _lines_without(text: str, *starts: str) -> str:
    """`text` without its lines that start (after their indent) with one of `starts`."""
    return "".join(line for line in text.splitlines(keepends=True) if not line.strip().startswith(starts))


def test_bkr324_help_writes_each_statement_to_delete_and_a_free_address():
    text = failing_example("BKR324")
    said = help_of("BKR324", text)
    assert said == (
        "delete `disk BKRBKUP 0191 size 20 cyl` (line 10) or `disk BKRBKUP 191 size 10 cyl` (line 7);\n"
        "or give this disk an address `BKRBKUP` has free: write `disk BKRBKUP 0192` for `disk BKRBKUP 0191` (line 10)"
    )
    assert codes(_lines_without(text, "disk BKRBKUP 0191 size 20 cyl"), "") == []
    assert codes(_lines_without(text, "disk BKRBKUP 191 size 10 cyl"), "") == []
    assert codes(text.replace("disk BKRBKUP 0191 ", "disk BKRBKUP 0192 "), "") == []


def test_bkr324_help_does_not_delete_a_pattern_s_statement_other_machines_need():
    # `disk BKRWRK* 191` gives BKRWRK02 its 0191 too: deleting it would leave BKRWRK02
    # none (BKR253); the second statement is BKRWRK01's alone, and goes.
    text = failing_example("BKR324").replace("disk BKRBKUP 0191 size 20 cyl", "disk BKRWRK01 191 size 5 cyl")
    said = help_of("BKR324", text)
    assert said.startswith("delete `disk BKRWRK01 191 size 5 cyl` (line 10);\n")
    assert "`disk BKRWRK* 191 size 5 cyl` (line" not in said
    assert "write `disk BKRWRK01 0192` for `disk BKRWRK01 191` (line 10)" in said
    assert codes(_lines_without(text, "disk BKRWRK01 191"), "") == []
    assert codes(text.replace("disk BKRWRK01 191 ", "disk BKRWRK01 0192 "), "") == []


def test_bkr324_pattern_statement_clashing_with_two_is_the_one_to_delete():
    # BKRWRK* 191 after BKRWRK01's and BKRWRK02's: deleting BKRWRK01's would leave
    # BKRWRK02's clash; the pattern's statement goes, or moves where both are free.
    text = failing_example("BKR324").replace(
        "  disk BKRWRK* 191 size 5 cyl\n", "  disk BKRWRK01 191 size 5 cyl\n  disk BKRWRK02 191 size 5 cyl\n"
    ).replace("disk BKRBKUP 0191 size 20 cyl", "disk BKRWRK* 191 size 5 cyl")
    said = help_of("BKR324", text)
    assert said == (
        "delete `disk BKRWRK* 191 size 5 cyl` (line 11);\n"
        "or give this disk an address the machines `BKRWRK*` matches have free: write `disk BKRWRK* 0192` for"
        " `disk BKRWRK* 191` (line 11)"
    )
    assert codes(_lines_without(text, "disk BKRWRK* 191"), "") == []
    assert codes(text.replace("disk BKRWRK* 191 ", "disk BKRWRK* 0192 "), "") == []


def test_bkr324_free_address_passes_the_ones_the_machine_has():
    text = failing_example("BKR324").replace(
        "  disk BKRCATLG 191 size 10 cyl\n", "  disk BKRCATLG 191 size 10 cyl\n  disk BKRBKUP 192 size 10 cyl\n"
    )
    said = help_of("BKR324", text)
    assert "write `disk BKRBKUP 0193` for `disk BKRBKUP 0191` (line 11)" in said
    assert codes(text.replace("disk BKRBKUP 0191 ", "disk BKRBKUP 0193 "), "") == []


def test_bkr261_help_deletes_the_wait_as_written_or_names_the_pool():
    text = failing_example("BKR261")
    said = help_of("BKR261", text)
    assert said == (
        "delete `pool-wait 15 minutes` (line 4);\n"
        "or add `pool POOL` after `server BKRSVSFS` (line 4), POOL the file pool it serves"
    )
    assert codes(text.replace(" pool-wait 15 minutes", ""), "") == []
    assert codes(text.replace("server BKRSVSFS pool-wait", "server BKRSVSFS pool BKRPOOL pool-wait"), "") == []


def test_bkr261_without_a_server_deletes_both_waits_with_their_lines():
    text = failing_example("BKR261").replace(
        "catalog local server BKRSVSFS pool-wait 15 minutes", "catalog local logon-wait 2 minutes\n  pool-wait 30 seconds"
    )
    said = help_of("BKR261", text)
    assert said.startswith("delete `logon-wait 2 minutes` and `pool-wait 30 seconds` (lines 4 and 5);\n")
    assert codes(text.replace(" logon-wait 2 minutes\n  pool-wait 30 seconds", ""), "") == []


def test_bkr204_help_names_the_pattern_and_the_declaration_to_take_out():
    text = failing_example("BKR204")
    said = help_of("BKR204", text)
    assert said == (
        "if LNXADMIN is identity in the CP directory, narrow `match LNX*` (line 7) so that it leaves out"
        " `LNXADMIN`;\nif single, delete `identity user LNXADMIN` (line 2)"
    )
    assert codes(text.replace("match LNX* }", "match LNX0* }"), "") == []
    assert codes(_lines_without(text, "identity user LNXADMIN"), "") == []


def test_bkr204_help_of_two_patterns_names_both_with_their_lines():
    text = failing_example("BKR204").replace("identity user LNXADMIN", "identity group MON { match LNXM* }")
    said = help_of("BKR204", text)
    assert said == (
        "narrow `match LNX*` (line 7) or `match LNXM*` (line 2) so that no user ID matches both (as LNXM does)"
    )
    assert "BKR204" not in codes(text.replace("match LNX* }", "match LNX0* }"), "")


def test_bkr316_too_many_workers_writes_the_most_and_it_checks():
    text = failing_example("BKR316")
    said = help_of("BKR316", text)
    assert said == "Backup Manager runs at most 64 workers (IBM APAR PH50490): write `workers 64` for `workers 120` (line 3)"
    assert codes(text.replace("workers 120", "workers 64"), "") == []


def test_bkr316_comment_glued_to_workers_at_a_line_s_end_writes_the_blank():
    text = failing_example("BKR316").replace("{ workers 120 }   # <- BKR316", "{\n    workers 4#four\n  }")
    said = help_of("BKR316", text)
    assert said.endswith("write a blank before the `#`: `workers 4 #four` (line 4)")
    assert codes(text.replace("workers 4#four", "workers 4 #four"), "") == []
    # Before the block's `}` on its line, the blank would make the `}` a comment's: no such help.
    inline = failing_example("BKR316").replace("workers 120", "workers 4#x")
    assert "blank" not in help_of("BKR316", inline)


def test_bkr401_without_a_job_to_move_writes_the_identity_group_s_job_whole():
    text = failing_example("BKR401").replace(
        "  single group TESTERS { TEST01 }\n", "  single group TESTERS { TEST01 }\n  identity group SYSIDS { TCPIP }\n"
    )
    said = help_of("BKR401", text)
    # SYSIF, not SYSIDSF: five characters, as both members run two workers (BKR227)
    job = "job SYSIF { backup SYSIDS full  include minidisk * *  to disk  run on each member daily 01:00 }"
    assert said == (
        f"back up identity group SYSIDS (line 10) on each member, this one too:\nadd `{job}` to the cluster block"
    )
    end = text.rstrip().rfind("}")
    for parser in ("", "lark"):
        assert codes(f"{text[:end]}  {job}\n{text[end:]}", parser) == []


def test_bkr401_identity_job_takes_a_free_name_and_hour():
    # 01:00 and 02:00 are taken by jobs, 03:00 by the purge at 03:30 (BKR403); SYSIF's
    # name on VMSYS1, SYSIF1, by another job: SYSIA at 04:00.
    text = (
        failing_example("BKR401")
        .replace("  single group TESTERS { TEST01 }\n", "  single group TESTERS { TEST01 }\n  identity group SYSIDS { TCPIP }\n")
        .replace("purge weekly sun 03:00", "purge weekly sun 03:30")
        .replace("run on VMSYS1 daily 02:00", "run on VMSYS1 daily 01:00")
        .replace("job APPSFULL {", "job SYSIF1 {")
    )
    said = help_of("BKR401", text)
    job = "job SYSIA { backup SYSIDS full  include minidisk * *  to disk  run on each member daily 04:00 }"
    assert f"add `{job}`" in said
    end = text.rstrip().rfind("}")
    assert codes(f"{text[:end]}  {job}\n{text[end:]}", "") == []
    # The name and the hour passed over are what the checks would say of them.
    assert "BKR224" in codes(f"{text[:end]}  {job.replace('SYSIA', 'SYSIF')}\n{text[end:]}", "")
    assert "BKR403" in codes(f"{text[:end]}  {job.replace('04:00', '03:00')}\n{text[end:]}", "")


def test_bkr204_help_does_not_narrow_the_product_s_worker_pattern():
    # `BKRWRK*` is std/backup-manager's, the workers' IDs: the site narrows its own pattern.
    text = (ROOT / "tests" / "data" / "rules" / "BKR204.fail-patterns.bkr").read_text()
    said = [d.help for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR204"]
    assert "narrow `match BKRW*` (line 10) so that it matches no ID `BKRWRK*` matches (as BKRWRK does)" in said
    assert "narrow `match LNX*` (line 8) or `match LNXM*` (line 9) so that no user ID matches both (as LNXM does)" in said
    mended_text = text.replace("match BKRW* }", "match BKRWEB* }").replace("match LNX* }", "match LNX0* }")
    assert "BKR204" not in codes(mended_text, "")


def test_bkr254_help_writes_the_latest_start_that_fits_and_meets_no_other_minidisk():
    text = failing_example("BKR254")
    said = help_of("BKR254", text)
    assert said.startswith("start BKRBKUP 0191 where it fits: write `at 3329` for `at 3335` (line 7);\n")
    assert "state `M1PRV1`'s real size for `3390-3` (line 3) if it is larger" in said
    assert codes(text.replace("at 3335", "at 3329"), "") == []
    # BKRCATLG's 0191 holds 3,325 to 3,329: `at 3329` would overlap it (BKR246).
    text = text.replace("  disk BKRCATLG 191 size 10 cyl", "  disk BKRCATLG 191 size 5 cyl on M1PRV1 at 3325")
    said = help_of("BKR254", text)
    assert "write `at 3315` for `at 3335` (line 7)" in said
    assert codes(text.replace("at 3335", "at 3329"), "") == ["BKR246"]
    assert codes(text.replace("at 3335", "at 3315"), "") == []


@pytest.mark.parametrize(
    ("written", "meant", "why"),
    [
        ("O191", "0191", "with the digit 0, not the letter O"),
        ("00191", "0191", "without the zeros before its last 4 digits"),
        ("0x0191", "0191", "without `0x` (an address is hexadecimal already)"),
        ("0100-01OF", "0100-010F", "with the digit 0, not the letter O"),
    ],
)
def test_bkr310_address_with_a_certain_slip_is_written_and_the_fix_checks(written, meant, why):
    text = failing_example("BKR310").replace("0191 0G00 10000   # <- BKR310", written)
    said = help_of("BKR310", text)
    assert said == f"write `{meant}` for `{written}` (line 9), {why}: an address is 1-4 hex digits"
    for parser in ("", "lark"):
        assert codes(text.replace(f"* {written}", f"* {meant}"), parser) == []
    (found,) = [d for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR310"]
    assert [e.new_text for e in found.fix.edits] == [meant]


def test_bkr310_disk_address_with_a_slip_is_written_and_a_word_is_not_guessed():
    text = failing_example("BKR324").replace("disk BKRBKUP 0191 size 20 cyl   # <- BKR324", "disk BKRBKUP O192 size 20 cyl")
    assert help_of("BKR310", text).startswith("write `0192` for `O192` (line 10), with the digit 0")
    assert codes(text.replace("O192", "0192"), "") == []
    # No digit beside the O (`OFF`), or another letter (`0G00`): the help says what an address is.
    for word in ("OFF", "0G00", "10000"):
        said = help_of("BKR310", failing_example("BKR310").replace("0191 0G00 10000   # <- BKR310", word))
        assert said.startswith("an address is 1-4 hex digits (0191)")


def test_bkr301_id_the_files_name_elsewhere_is_written_and_it_checks():
    text = failing_example("BKR301").replace("{ LINUX.01 PAYROLLSRV }   # <- BKR301", "{ LINUX.01 }").replace(
        "    include minidisk * *\n", "    include minidisk * *\n    exclude minidisk LINUX01 0192\n"
    )
    assert help_of("BKR301", text) == "write `LINUX01` for `LINUX.01` (line 6), as line 10 names it"
    assert codes(text.replace("LINUX.01", "LINUX01"), "") == []
    # Named nowhere else: the ID is the CP directory's (LINUX01? LINUX_01?), not guessed.
    alone = failing_example("BKR301").replace("{ LINUX.01 PAYROLLSRV }   # <- BKR301", "{ LINUX.01 }")
    assert help_of("BKR301", alone).startswith("write the ID as the CP directory has it")


def test_bkr301_comment_glued_to_an_id_at_its_line_s_end_writes_the_blank():
    text = failing_example("BKR301").replace("{ LINUX.01 PAYROLLSRV }   # <- BKR301", "{\n    CICSPRD#x\n  }")
    said = help_of("BKR301", text)
    assert said.startswith(
        "a `#` inside a word is part of it: if a comment follows, write a blank before the `#`: `CICSPRD #x` (line 7)"
    )
    assert codes(text.replace("CICSPRD#x", "CICSPRD #x"), "") == []
    # Before the group's `}` on its line, the blank would make the `}` a comment's.
    inline = failing_example("BKR301").replace("{ LINUX.01 PAYROLLSRV }", "{ CICSPRD#x }")
    assert "blank" not in help_of("BKR301", inline)
    # After a pattern of the group (its entries are not all IDs), and before another ID on its line.
    text = failing_example("BKR301").replace(
        "{ LINUX.01 PAYROLLSRV }   # <- BKR301", "{\n    match LNX*\n    CICSPRD#x\n    DB2PROD#y DB2TST\n  }"
    )
    said = [d.help for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR301"]
    assert said[0].endswith("`CICSPRD #x` (line 8); otherwise write the ID as the CP directory has it")
    assert "blank" not in said[1]


# --- h8 (stop 62)


def test_bkr241_help_for_workers_0_where_no_member_runs_workers_writes_a_count():
    # Was "write `workers` in place of `workers 0`, with the number of worker machines
    # `VMSYS1` should run": `workers` alone, which reads as no statement. With no other
    # member's count to offer, the help writes the fewest a member runs, `workers 1`.
    text = failing_example("BKR241").replace("member VMSYS1 { workers 2 }", "member VMSYS1 { workers 0 }")
    helps = {
        d.span.line: d.help for d in analyse("site.bkr", text.encode("utf-8")).diagnostics if d.code == "BKR241"
    }
    assert helps == {
        3: "write `workers 1` in place of `workers 0`, or as many worker machines as `VMSYS1` should run (1-64)",
        4: "add `workers 1` to the member block, or as many worker machines as `VMSYS2` should run (1-64)",
    }
    mended_text = text.replace("{ workers 0 }", "{ workers 1 }").replace("{ private-volume", "{ workers 1  private-volume")
    assert codes(mended_text, "") == []
    assert codes(mended_text, "lark") == []


# stop 70, h8: a Fix names every edit that mends its example, and each way out its help gives
def test_bkr253_fix_names_each_disk_its_example_lacks():
    # BKR253's example lacks four 191s (one warning each); its Fix named two, so the
    # example, mended as the words said, still warned twice.
    ((_, _, new),) = FIXES["BKR253"]
    words = fix_words("BKR253")
    statements = [line.strip() for line in new.splitlines() if line.strip()]
    assert len(statements) == 4
    assert [s for s in statements if f"`{s}`" not in words] == []
    assert "checks clean" in words


def test_bkr224_fix_names_the_job_suffix_way_out_its_help_gives():
    said = help_of("BKR224", failing_example("BKR224"))
    assert "or change the members' `job-suffix`" in said
    assert "change the members' `job-suffix`" in " ".join(load_all()["BKR224"].explanation.split())


# stop 70, h4: a `disk` line pasted on a volume's extent another `disk` has: BKR246 was
# "BKRBKUP 192 (105-114) overlaps BKRBKUP 191 on volume `M1PRV1`", the other's extent
# and the cylinders both hold left unsaid; now both extents and the overlap, the help the
# start to write, which mends it.


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(("pasted", "message"), [
    # starting first, the pasted line, added last, is still the one said (h3, stop 71: was
    # "BKRBKUP 191 (100-109) overlaps BKRBKUP 192 (95-114)", on the line not changed)
    ("disk BKRBKUP 192 size 20 cyl on M1PRV1 at 95",
     "BKRBKUP 192 (95-114) overlaps BKRBKUP 191 (100-109) on volume `M1PRV1`: cylinders 100-109 are in both"),
    ("disk BKRBKUP 192 size 10 cyl on M1PRV1 at 105",
     "BKRBKUP 192 (105-114) overlaps BKRBKUP 191 (100-109) on volume `M1PRV1`: cylinders 105-109 are in both"),
    ("disk BKRBKUP 192 size 1 cyl on M1PRV1 at 109",
     "BKRBKUP 192 (109-109) overlaps BKRBKUP 191 (100-109) on volume `M1PRV1`: cylinder 109 is in both"),
], ids=["over its start", "over its end", "its last cylinder"])
def test_h4s70_bkr246_names_both_extents_and_the_cylinders_they_share(pasted, message, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = failing_example("BKR246").replace("on M1PRV1 at 105   # <- BKR246", "on M1PRV1 at 120")
    assert codes(text, parser) == []
    text = text.replace("  disk BKRWRK*", f"  {pasted}\n  disk BKRWRK*")
    (found,) = [d for d in analyse("site.bkr", text.encode("utf-8")).diagnostics if d.code == "BKR246"]
    assert found.message == message
    # the help's start, written on its line, mends it
    new, old, line = re.match(r"write `(at \d+)` for `(at \d+)` \(line (\d+)\)", found.help).groups()
    rows = text.split("\n")
    rows[int(line) - 1] = rows[int(line) - 1].replace(old, new)
    assert codes("\n".join(rows), parser) == []


# stop 71, h9: BKR401's help moved a group's full job and left its incremental behind
_H9S71_INCREMENTAL = "  job APPSINC {\n    backup APPS incremental\n    include minidisk * *\n    to disk\n    run on VMSYS1 weekly mon,tue,wed,thu,fri,sat 03:00\n  }\n"
_H9S71_WEB = "  single group WEB { WEB01 }\n  job WEBFULL {\n    backup WEB full\n    include minidisk * *\n    to disk\n    run on VMSYS1 daily 04:00\n  }\n"


#: The full and the incremental job of one group on VMSYS1, and another group's job
#: there too: the help moved the full job alone to VMSYS3, and the file then backed up
#: APPS from two members (BKR411). It moves both, VMSYS1 keeping WEBFULL.
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h9s71_bkr401_help_moves_a_group_s_jobs_together(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = failing_example("BKR401").replace("  job TESTFULL {", _H9S71_INCREMENTAL + _H9S71_WEB + "  job TESTFULL {")
    assert codes(text, parser) == ["BKR401"]
    said = help_of("BKR401", text)
    assert said.startswith(
        "move jobs `APPSFULL` and `APPSINC` there together, as they back up the same users, whom one member"
        " must back up (BKR411): write `run on VMSYS3 daily 02:00` for `run on VMSYS1 daily 02:00` (line 14)"
        " and `run on VMSYS3 weekly mon,tue,wed,thu,fri,sat 03:00` for `run on VMSYS1 weekly"
        " mon,tue,wed,thu,fri,sat 03:00` (line 20); `VMSYS1` keeps job `WEBFULL`; or add a job"
    )
    moved = mended(
        text,
        [
            (said, "run on VMSYS1 daily 02:00", "run on VMSYS3 daily 02:00"),
            (said, "run on VMSYS1 weekly mon", "run on VMSYS3 weekly mon"),
        ],
    )
    assert codes(moved, parser) == []
    # the one job alone, as the help said before: the users' backups split (BKR411)
    assert codes(text.replace("run on VMSYS1 daily 02:00", "run on VMSYS3 daily 02:00"), parser) == ["BKR411"]


#: Every job on VMSYS1 backs up APPS: none can move without splitting its users'
#: backups, and the help says to add a job, as where no job can move.
@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("users", ["APPS", "LINUX01"], ids=["the group", "its user by name"])
def test_h9s71_bkr401_help_moves_no_job_whose_users_stay_behind(users, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    incremental = _H9S71_INCREMENTAL.replace("backup APPS", f"backup {users}")
    text = failing_example("BKR401").replace("  job TESTFULL {", incremental + "  job TESTFULL {")
    assert codes(text, parser) == ["BKR401"]
    assert help_of("BKR401", text).startswith("add a job that runs on this member")


# stop 71, h3: BKR246 on the extent written later in the file


def test_bkr246_sits_on_the_extent_written_later_though_it_starts_first():
    # BKRCATLG 191, the line added last, starts first on the volume, inside BKRBKUP 191's
    # extent written above it: the error was on BKRBKUP's `at 105`, the line not changed;
    # it is now on BKRCATLG's `at 100`, BKRBKUP's a related place, the help moving it
    text = failing_example("BKR246").replace("at 100\n", "at 105\n").replace("at 105   # <- BKR246", "at 100   # <- BKR246")
    (found,) = [d for d in analyse("site.bkr", text.encode("utf-8")).diagnostics if d.code == "BKR246"]
    assert (found.span.line, found.span.column, [r.span.line for r in found.related]) == (8, 46, [7])
    assert found.message == (
        "BKRCATLG 191 (100-109) overlaps BKRBKUP 191 (105-114) on volume `M1PRV1`: cylinders 105-109 are in both"
    )
    assert found.help == (
        "write `at 115` for `at 100` (line 8): BKRBKUP 191 ends at 114, and 115-124 is free on `M1PRV1`;"
        " or leave out `at 100`, and bkrc places it"
    )
    assert codes(text.replace("on M1PRV1 at 100   # <- BKR246", "on M1PRV1 at 115"), "") == []
    assert codes(text.replace(" at 100   # <- BKR246", ""), "") == []
    # written the other way round, the later line is the one that starts later: as before
    (before,) = [d for d in analyse("site.bkr", failing_example("BKR246").encode()).diagnostics if d.code == "BKR246"]
    assert (before.span.line, before.help.split(":")[0]) == (8, "write `at 110` for `at 105` (line 8)")


# stop 72, h8: BKR222's help splits the job on the file's names, BKR201's names the line to change

_H8S72_CLUSTER = """\
import std/backup-manager
cluster ACMESSI {
  member ZVMA { workers 3 }
  member ZVMB { workers 3 }
  member ZVMC { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL on ZVMA
  expire on ZVMA { purge weekly sun 04:00  retain 30 days }
  single group LINUX { LXWEB1 LXDB1  match LXAPP* }
  identity group VMSVC { TCPIP FTPSERVE }
  job LXFULL {
    backup LINUX full
    include minidisk * 0100-0FFF
    to disk pool BKUPPOOL
    run on ZVMB weekly sat 22:00
  }
  job LXINC {
    backup LINUX, VMSVC incremental
    include minidisk * 0100-01FF
    exclude minidisk * 019D
    to disk pool BKUPPOOL
    run on ZVMB daily 23:30
  }
  job SVCFU {
    backup VMSVC full
    include minidisk * 0100-01FF
    to disk pool BKUPPOOL
    run on each member weekly sun 02:00
  }
}
"""


def _h8s72_help(code: str, text: str, parser: str) -> str:
    previous = os.environ.get("BKRDSL_PARSER")
    os.environ["BKRDSL_PARSER"] = parser
    try:
        (found,) = [d for d in analyse("site.bkr", text.encode("utf-8")).diagnostics if d.code == code]
    finally:
        if previous is None:
            del os.environ["BKRDSL_PARSER"]
        else:
            os.environ["BKRDSL_PARSER"] = previous
    return found.help


def _h8s72_split(text: str, said: str) -> str:
    """The file as BKR222's help says: its `backup` written again, its job added last in the cluster."""
    written, old, job = re.fullmatch(
        r"split the job: write `([^`]*)` for `([^`]*)` \(line \d+\), and back up .*;\nadd it to the cluster block: `(job .*)`",
        said,
    ).groups()
    text = mended(text, [(said, old, written)])
    end = text.rindex("}")
    return f"{text[:end]}  {job}\n{text[end:]}"


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h8s72_bkr222_help_moves_the_identity_users_to_a_job_on_each_member(parser):
    # 02:30, half an hour after NIGHTLY, would run on into VMSYS1's purge at 03:00 (BKR403)
    text = failing_example("BKR222")
    said = _h8s72_help("BKR222", text, parser)
    assert said == (
        "split the job: write `backup GUESTS full` for `backup GUESTS, SYSIDS full` (line 9), and back up"
        " identity `SYSIDS` on each member in a job of its own;\nadd it to the cluster block: `job NIGHI {"
        " backup SYSIDS full  include minidisk * *  to disk pool BKUPPOOL  run on each member daily 03:30 }`"
    )
    assert codes(_h8s72_split(text, said), parser) == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h8s72_bkr222_help_moves_the_identity_users_with_the_jobs_selections(parser):
    # LXINC, on ZVMB, keeps LINUX; VMSVC goes to LXINI on each member, the include and
    # the exclude with it, half an hour before LXINC (23:30 + 30 would be past midnight)
    said = _h8s72_help("BKR222", _H8S72_CLUSTER, parser)
    assert said == (
        "split the job: write `backup LINUX incremental` for `backup LINUX, VMSVC incremental` (line 17), and back up"
        " identity `VMSVC` on each member in a job of its own;\nadd it to the cluster block: `job LXINI { backup VMSVC"
        " incremental  include minidisk * 0100-01FF  exclude minidisk * 019D  to disk pool BKUPPOOL  run on each member"
        " daily 23:00 }`"
    )
    assert codes(_h8s72_split(_H8S72_CLUSTER, said), parser) == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h8s72_bkr222_help_moves_the_single_users_to_the_member_that_backs_them_up(parser):
    # on each member, the job keeps VMSVC; LINUX goes to ZVMB, where LXFULL backs it up
    # (not ZVMA, the first member: that would split LINUX's backups, BKR411)
    text = _H8S72_CLUSTER.replace("run on ZVMB daily 23:30", "run on each member daily 23:30")
    said = _h8s72_help("BKR222", text, parser)
    assert said == (
        "split the job: write `backup VMSVC incremental` for `backup LINUX, VMSVC incremental` (line 17), and back up"
        " single `LINUX` on ZVMB in a job of its own;\nadd it to the cluster block: `job LXINCS { backup LINUX"
        " incremental  include minidisk * 0100-01FF  exclude minidisk * 019D  to disk pool BKUPPOOL  run on ZVMB"
        " daily 23:00 }`"
    )
    assert codes(_h8s72_split(text, said), parser) == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h8s72_bkr222_help_only_takes_out_users_another_job_backs_up_alike(parser):
    # SVCIN already backs VMSVC up incrementally on each member, with the same selections:
    # no second job for them, which would back them up twice (BKR410)
    svcin = (
        "  job SVCIN { backup VMSVC incremental  include minidisk * 0100-01FF  exclude minidisk * 019D"
        "  to disk pool BKUPPOOL  run on each member daily 03:00 }\n"
    )
    text = _H8S72_CLUSTER.replace("  job LXINC {", svcin + "  job LXINC {")
    said = _h8s72_help("BKR222", text, parser)
    assert said == (
        "write `backup LINUX incremental` for `backup LINUX, VMSVC incremental` (line 18):"
        " job `SVCIN` already backs up `VMSVC` on each member"
    )
    assert codes(text.replace("backup LINUX, VMSVC incremental", "backup LINUX incremental"), parser) == []
    # SVCIN selecting less than LXINC (not its 0200 disks), taking VMSVC out would lose
    # those: the job of its own is written
    wider = text.replace("    include minidisk * 0100-01FF\n    exclude", "    include minidisk * 0100-01FF 0200\n    exclude")
    assert _h8s72_help("BKR222", wider, parser).startswith("split the job: write `backup LINUX incremental`")


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize(
    ("slip", "said", "mend"),
    [
        # a site file that repeats the standard library's machine, single: its line goes
        (
            ("import std/backup-manager\n", "import std/backup-manager\nsingle user BKRBKUP role backup-server\n"),
            (
                "delete `single user BKRBKUP role backup-server` (line 2): std/backup-manager.bkr line 17 declares it"
                " identity already; Backup Manager's service machines run on every member"
            ),
            ("single user BKRBKUP role backup-server\n", ""),
        ),
        # the machine listed in a single group: taken out of it
        (
            ("  single group LINUX {", "  single group ADMINS { BKRADMIN BKRCATLG }\n  single group LINUX {"),
            (
                "take `BKRCATLG` out of group ADMINS (line 8): std/backup-manager.bkr line 20 declares it identity"
                " already; Backup Manager's service machines run on every member"
            ),
            ("BKRADMIN BKRCATLG }", "BKRADMIN }"),
        ),
    ],
)
def test_h8s72_bkr201_help_names_the_line_and_its_mend_checks(slip, said, mend, parser):
    # no job backs up ADMINS: BKR408 is the group's own warning, not the mend's
    text = _H8S72_CLUSTER.replace("backup LINUX, VMSVC incremental", "backup LINUX incremental")
    text = text.replace(*slip)
    assert _h8s72_help("BKR201", text, parser) == said
    assert codes(text.replace(*mend), parser) in ([], ["BKR408"])


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h8s72_bkr201_help_writes_identity_for_a_sites_own_machine(parser):
    own = (
        "single user BKRADMIN role admin\nsingle user 5697J06C role installation\n"
        "single user SITEBKUP role backup-server\nidentity user SITECATL role catalog-server\n"
        "identity user SITEWK* role worker\n"
    )
    text = _H8S72_CLUSTER.replace("backup LINUX, VMSVC incremental", "backup LINUX incremental")
    text = text.replace("import std/backup-manager\n", own)
    assert _h8s72_help("BKR201", text, parser) == (
        "write `identity` for `single` (line 3): Backup Manager's service machines run on every member"
    )
    assert codes(text.replace("single user SITEBKUP", "identity user SITEBKUP"), parser) == []


def _h8s72_catalog(catalog: str, disks: str) -> str:
    text = _H8S72_CLUSTER.replace("backup LINUX, VMSVC incremental", "backup LINUX incremental")
    text = text.replace(
        "  catalog shared server BKRSVSFS pool BKRPOOL on ZVMA\n",
        f"  shared-volume ACMCOM\n  {catalog}\n{disks}  disk BKRADMIN 191 size 10 cyl\n  disk 5697J06C 191 size 10 cyl\n",
    )
    return text


def _h8s72_found(text: str, parser: str):
    previous = os.environ.get("BKRDSL_PARSER")
    os.environ["BKRDSL_PARSER"] = parser
    try:
        return analyse("site.bkr", text.encode("utf-8")).diagnostics
    finally:
        if previous is None:
            del os.environ["BKRDSL_PARSER"]
        else:
            os.environ["BKRDSL_PARSER"] = previous


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h8s72_bkr212_names_the_server_the_disk_statement_gives_a_minidisk(parser):
    # `server SFSCAT01` left out of the catalog statement: one error, naming the site's
    # server (was BKR212 saying IBM's BKRSVSFS, and BKR332 at `disk SFSCAT01` too)
    text = _h8s72_catalog("catalog shared pool BKRPOOL on ZVMA", "  disk SFSCAT01 191 size 20 cyl\n")
    (found,) = _h8s72_found(text, parser)
    assert (found.code, found.help) == (
        "BKR212",
        (
            "write `catalog shared server SFSCAT01 pool BKRPOOL on ZVMA`: `disk SFSCAT01` (line 8) gives the server"
            " its minidisk"
        ),
    )
    assert [(r.span.line, r.label) for r in found.related] == [(8, "a minidisk for the server here")]
    assert codes(text.replace("catalog shared pool", "catalog shared server SFSCAT01 pool"), parser) == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h8s72_bkr217_names_the_server_the_disk_statement_gives_a_minidisk(parser):
    text = _h8s72_catalog("catalog shared server BKRCATLG pool BKRPOOL on ZVMA", "  disk SFSCAT01 191 size 20 cyl\n")
    (found,) = _h8s72_found(text, parser)
    assert (found.code, found.help) == (
        "BKR217",
        (
            "give the file pool server its own user ID: write `server SFSCAT01` for `server BKRCATLG` (line 7),"
            " the user `disk SFSCAT01` (line 8) gives a minidisk"
        ),
    )
    assert codes(text.replace("server BKRCATLG", "server SFSCAT01"), parser) == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h8s72_two_users_with_disks_leave_the_server_unnamed(parser):
    # which of two users is the server, the file does not say: each disk is BKR332, as before
    text = _h8s72_catalog(
        "catalog shared pool BKRPOOL on ZVMA", "  disk SFSCAT01 191 size 20 cyl\n  disk OPSMON 191 size 5 cyl\n"
    )
    found = _h8s72_found(text, parser)
    assert sorted(d.code for d in found) == ["BKR212", "BKR332", "BKR332"]
    (incomplete,) = [d for d in found if d.code == "BKR212"]
    assert incomplete.help == "write `catalog shared server BKRSVSFS pool BKRPOOL on ZVMA`, with your SFS server"


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h8s72_bkr202_in_an_identity_group_is_one_error_whose_help_takes_it_out(parser):
    # the SFS server put in the group of z/VM's own machines, to back it up: BKR202 alone
    # (was BKR208 too, "a second directory entry", for the same slip), its help naming the
    # group and its line, and the mend checks clean
    text = _H8S72_CLUSTER.replace("backup LINUX, VMSVC incremental", "backup LINUX incremental")
    text = text.replace("{ TCPIP FTPSERVE }", "{ TCPIP FTPSERVE BKRSVSFS }")
    (found,) = _h8s72_found(text, parser)
    assert (found.code, found.help) == (
        "BKR202",
        (
            "take `BKRSVSFS` out of group VMSVC (line 9) and declare `single user BKRSVSFS`: one catalog needs one"
            " file pool server"
        ),
    )
    mended_text = text.replace("{ TCPIP FTPSERVE BKRSVSFS }", "{ TCPIP FTPSERVE }\n  single user BKRSVSFS")
    assert codes(mended_text, parser) == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize(
    ("scope", "declared", "said", "kind"),
    [
        ("shared", "identity", "write `single` for `identity` (line 2): one catalog needs one file pool server", "single"),
        ("local", "single", "write `identity` for `single` (line 2), or use `catalog shared`", "identity"),
    ],
)
def test_h8s72_bkr202_help_writes_the_kind_word_of_the_servers_statement(scope, declared, said, kind, parser):
    text = _H8S72_CLUSTER.replace("backup LINUX, VMSVC incremental", "backup LINUX incremental")
    text = text.replace("import std/backup-manager\n", f"import std/backup-manager\n{declared} user BKRSVSFS\n")
    if scope == "local":
        text = text.replace("catalog shared server BKRSVSFS pool BKRPOOL on ZVMA", "catalog local server BKRSVSFS")
        text = text.replace("expire on ZVMA {", "expire on each member {")
    assert _h8s72_help("BKR202", text, parser) == said
    assert codes(text.replace(f"{declared} user BKRSVSFS", f"{kind} user BKRSVSFS"), parser) == []


# stop 77, h8: BKR225 where one member takes its number by default
def test_bkr225_a_suffix_written_that_is_another_members_number_is_named_and_removed_first():
    """prodssi's VMSYS1 given `job-suffix 2`, VMSYS2's number: the message said VMSYS2
    "uses job suffix `2`" at a line with no `2` on it; it now says it is VMSYS2's by
    default, and what would go wrong. The help removes the suffix written first (the
    likelier slip), then adds one to VMSYS2; each choice, applied, checks clean."""
    prodssi = (ROOT / "examples" / "prodssi.bkr").read_text()
    text = prodssi.replace("private-volume M1PRV1 }", "private-volume M1PRV1  job-suffix 2 }")
    (d,) = [d for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR225"]
    assert d.message.startswith(
        "members `VMSYS1` and `VMSYS2` both use job suffix `2` (`VMSYS2`'s by default: its number):"
        " a job that runs on each member would have one name on both"
    )
    assert [r.label for r in d.related] == ["`VMSYS1` uses `2` here"]
    assert d.help == (
        "remove `job-suffix 2` from member `VMSYS1` (line 9): its jobs then take its number, `1`;"
        " or add `job-suffix A` to member `VMSYS2` (line 10)"
    )
    assert codes(prodssi, "") == []  # the first choice gives back prodssi itself
    added = text.replace("  member VMSYS2 {\n", "  member VMSYS2 {\n    job-suffix A\n")
    assert codes(added, "") == []
    # the failing file's VM4: removing VM3's `job-suffix 4`, the help's first choice, checks clean
    fail = (ROOT / "tests" / "data" / "rules" / "BKR225.fail.bkr").read_text()
    removed = fail.replace("member VM2 { workers 2  job-suffix A }", "member VM2 { workers 2 }")
    assert codes(removed.replace("member VM3 { workers 2  job-suffix 4 }", "member VM3 { workers 2 }"), "") == []
    # two suffixes written: no "by default" said
    (d,) = [d for d in analyse("site.bkr", fail.encode()).diagnostics if d.code == "BKR225"][:1]
    assert "by default" not in d.message and d.related[0].label == "`VM1` uses `A` here"



# stop 83, h4: BKR225's `job-suffix` added into a one-line member block, as `bkrc fmt` lays it out


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("block", "fixed"),
    [
        ("workers 2 }", "  member VM4 { workers 2  job-suffix B }  # the fourth\n"),
        (
            "workers 2  private-volume M4PRV1 M4PRV2 M4PRV3 M4PRV4 }",
            (
                "  member VM4 {\n    workers 2\n    private-volume M4PRV1 M4PRV2 M4PRV3 M4PRV4\n    job-suffix B\n"
                "  }  # the fourth\n"
            ),
        ),
        (
            "workers 2  private-volume M4PRV1 JOB }",
            "  member VM4 {\n    workers 2\n    private-volume M4PRV1 JOB\n    job-suffix B\n  }  # the fourth\n",
        ),
    ],
    ids=["fits", "past-80", "keyword-last"],
)
def test_h4_83_bkr225_s_added_suffix_lays_a_one_line_member_block_out_as_fmt_does(
    parser, monkeypatch, tmp_path, block, fixed
):
    """BKR225's `add job-suffix B to member VM4` wrote `  job-suffix B` after the one-line
    block's last statement, whatever the width: 84 columns, which `bkrc fmt` then broke
    into lines, and after a label spelled like a keyword (`private-volume M4PRV1 JOB`),
    which only a `}` or a line's end may follow, a syntax error (BKR013: `JOB` read as a
    job). It now shares BKR529's layout (`check.common.into_one_line_member`): on the
    line where it fits in 80 columns, else one statement a line; the fixed file checks
    clean and `bkrc fmt --check` passes."""
    from conftest import run_cli

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    fail = (ROOT / "tests" / "data" / "rules" / "BKR225.fail.bkr").read_text()
    text = fail.replace("  member VM2 { workers 2  job-suffix A }  # expect: BKR225\n", "  member VM2 { workers 2 }\n")
    text = text.replace("  member VM4 { workers 2 }  # expect: BKR225\n", f"  member VM4 {{ {block}  # the fourth\n")
    text = text.replace(
        "  expire on VM1 { purge weekly sun 06:00  retain 30 days }\n",
        "  expire on VM1 {\n    purge weekly sun 06:00\n    retain 30 days\n  }\n",
    ).replace(
        "  job SYS { backup SYSTEM full  include minidisk * 0191  to disk  run on each member daily 02:00 }\n",
        "  job SYS {\n    backup SYSTEM full\n    include minidisk * 0191\n    to disk\n"
        "    run on each member daily 02:00\n  }\n",
    )
    source = tmp_path / "site.bkr"
    source.write_text(text, encoding="utf-8")
    run_cli(["fmt", "--check", source], expect=0)  # laid out as fmt lays it out before the fix
    (d,) = [d for d in analyse("site.bkr", text.encode()).diagnostics if d.code == "BKR225"]
    (added,) = [f for f in d.choices if f.title == "Add `job-suffix B`"]
    mended = fixes.apply_edits(text, added.edits)
    assert fixed in mended
    assert codes(mended, parser) == []
    source.write_text(mended, encoding="utf-8")
    run_cli(["fmt", "--check", source], expect=0)


# stop 77, h8: BKR325 where a member line was pasted with its private volume
def test_bkr325_a_private_volume_pasted_to_another_member_is_given_that_members_own_label():
    """`member VMSYS4 { workers 2  private-volume M3PRV1 }`, VMSYS3's line pasted: the help
    said only that a volume is declared once; it now says to write VMSYS4's own label (or,
    where VMSYS4 lists others, to take M3PRV1 out) and why. Either way it checks clean."""
    prodssi = (ROOT / "examples" / "prodssi.bkr").read_text()
    pasted = prodssi.replace("workers 2  private-volume M4PRV1 }", "workers 2  private-volume M3PRV1 }")
    said = help_of("BKR325", pasted)
    assert said.startswith("write `VMSYS4`'s own private volume for `M3PRV1` (line 16): the minidisks bkrc places")
    assert "would land on `VMSYS3`'s, which `VMSYS4` cannot reach" in said
    assert codes(prodssi, "") == []  # its own label written back: prodssi itself
    listed = prodssi.replace("private-volume M4PRV1 }", "private-volume M4PRV1 M3PRV1 }")
    said = help_of("BKR325", listed)
    assert said.startswith("take `M3PRV1` out of `VMSYS4`'s list, or write `VMSYS4`'s own private volume")
    assert codes(listed.replace("M4PRV1 M3PRV1", "M4PRV1"), "") == []
    # shared twice, or private and shared: the words as before
    shared = prodssi.replace("  shared-volume VMCOM1\n", "  shared-volume VMCOM1\n  shared-volume VMCOM1\n")
    both = prodssi.replace("private-volume M4PRV1 }", "private-volume VMCOM1 }")
    for text in (shared, both):
        assert help_of("BKR325", text) == "a volume is private to one member or shared by all, and is declared once"


# stop 77, h8: BKR410 where a job pasted from another kept its level
def test_bkr410_a_job_pasted_with_the_same_level_is_told_it_may_take_the_other():
    """prodssi's month-end SYSME written `incremental`, as SYSIN it was pasted from: the
    help said only to back SYSIDS up in one of the two jobs; it now offers the other
    level too, where no job of SYSIDS takes it yet. Written so, it is prodssi, clean."""
    prodssi = (ROOT / "examples" / "prodssi.bkr").read_text()
    pasted = prodssi.replace("backup SYSIDS full", "backup SYSIDS incremental")
    said = help_of("BKR410", pasted)
    assert said == (
        "back each IDENTITY user up by one job per level: delete one of the jobs, its includes and excludes"
        " written into the other first;"
        " or, if `SYSME` was to take the full backups, write `full` for `incremental` in its `backup` line (line 89)"
    )
    lines = pasted.split("\n")
    assert lines[88] == "    backup SYSIDS incremental"  # line 89, as the help says
    lines[88] = "    backup SYSIDS full"
    assert "\n".join(lines) == prodssi and codes(prodssi, "") == []
    # a third job takes SYSIDS full already on those members: only the first choice
    third = pasted.replace(
        "  ## SYSIN's incrementals",
        "  job SYSFU {\n    backup SYSIDS full\n    include minidisk * 0191\n    to tape\n"
        "    run on each member weekly sun 05:00\n  }\n\n  ## SYSIN's incrementals",
    )
    # SYSIN and SYSME back up SYSIDS alone: SYSIDS in one of them only would leave the
    # other no `backup` (BKR112, stop 81), so one of the jobs goes
    only = (
        "back each IDENTITY user up by one job per level: delete one of the jobs, its includes and excludes"
        " written into the other first"
    )
    assert help_of("BKR410", third) == only
    # other selections (`* 0191`, then `* *`): not offered, the other level may leave a disk without a full
    other = (ROOT / "tests" / "data" / "rules" / "BKR410.fail-same-group.bkr").read_text()
    assert "or, if" not in help_of("BKR410", other)


# stop 77, h8: BKR330 for a retired member in a single-configuration job whose users another job backs up
def test_bkr330_a_single_jobs_retired_member_names_the_member_its_users_other_job_runs_on_first():
    """prodssi's LNXFULL written `run on VMSYS5` (a member retired, or never there): the
    help said any member would do, its choices VMSYS1 first, which splits LINUX's backups
    between VMSYS1 and LNXINC's VMSYS2 (BKR411). It now names VMSYS2 and why, and offers
    it first; that choice applied checks clean, VMSYS1 is the BKR411 it warns of."""
    prodssi = (ROOT / "examples" / "prodssi.bkr").read_text()
    slip = prodssi.replace("run on VMSYS2 weekly sat 22:00", "run on VMSYS5 weekly sat 22:00")
    (d,) = [d for d in analyse("site.bkr", slip.encode()).diagnostics if d.code == "BKR330"]
    assert (
        "  `run on` of job `LNXFULL`: its single-configuration users are then backed up from that member:"
        " write `VMSYS2`, where job `LNXINC` backs them up (another member splits their backups, BKR411)"
    ) in d.help.split("\n")
    assert [c.title for c in d.choices] == ["Write `VMSYS2`", "Write `VMSYS1`", "Write `VMSYS3`", "Write `VMSYS4`"]
    first, second = (
        slip[: c.edits[0].span.start] + c.edits[0].new_text + slip[c.edits[0].span.end :] for c in d.choices[:2]
    )
    assert first == prodssi and codes(first, "") == []
    assert codes(second, "") == ["BKR411"]
    # APPSFULL's users no other job backs up: no member to name, the choices in the cluster's order
    alone = prodssi.replace("run on VMSYS1 daily 02:00", "run on VMSYS5 daily 02:00")
    (d,) = [d for d in analyse("site.bkr", alone.encode()).diagnostics if d.code == "BKR330"]
    assert "BKR411" not in d.help and d.choices[0].title == "Write `VMSYS1`"


# stop 77, h11: BKR332 beside `tape manager local`, BKR218's preview moved, BKR215's reason
def _h11_prodssi() -> str:
    return (ROOT / "examples" / "prodssi.bkr").read_text()


_H11_SHARED = (
    "  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n"
    "                      catalog-dmm TCDMM request-dmm TRDMM\n"
)


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_bkr332_disks_of_ibm_tape_ids_beside_a_local_tape_manager_are_one_report_at_its_statement(parser):
    """prodssi's `tape manager shared ...` written `tape manager local`: four BKR332s came
    first, one per Tape Manager `disk`, each "not one of the product's machines" with the
    product's IDs for help, nothing linking them to the statement (or to BKR230 below).
    Now one BKR332 says what the four are and why they get no entry, points at the
    statement, and writes it shared as BKR230 does; each way out, applied, checks."""
    prodssi = _h11_prodssi()
    slip = prodssi.replace(_H11_SHARED, "  tape manager local\n")
    found = [d for d in analyse("site.bkr", slip.encode()).diagnostics]
    assert [d.code for d in found] == ["BKR332", "BKR230"]
    d = found[0]
    assert d.message == (
        "`disk` for `TCTMM`, `TRTMM`, `TCDMM` and `TRDMM`, IBM's IDs for Tape Manager's machines, which bkrc"
        " writes no directory entries for: `tape manager local` has no nodes (job `LNXFULL` writes to tape)"
    )
    assert (d.span.line, d.related[0].span.line, d.related[0].label) == (36, 26, "declared local here: no nodes")
    assert [r.label for r in d.related[1:]] == ["`disk` for `TRTMM`", "`disk` for `TCDMM`", "`disk` for `TRDMM`"]
    statement = (
        "`catalog-node TCTMM on VMSYS1`, `request-node TRTMM`, `catalog-dmm TCDMM` and `request-dmm TRDMM`"
    )
    assert d.help == (
        f"write `tape manager shared` in place of `tape manager local`, with {statement},"
        " which writes their directory entries; otherwise drop their `disk` statements"
    )
    # BKR230's help writes the same statement, no longer saying whose the IDs are (BKR332 does)
    assert found[1].help.startswith(f"write `tape manager shared` in place of `tape manager local`, with {statement};")
    shared = slip.replace(
        "  tape manager local\n",
        "  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM catalog-dmm TCDMM request-dmm TRDMM\n",
    )
    assert codes(shared, parser) == []
    dropped = re.sub(r"  disk T[CR][TD]MM 191 size 10 cyl\n", "", slip)
    assert codes(dropped, parser) == ["BKR230"]  # the jobs still write to tape: BKR230's to say
    to_disk = slip.replace("to tape", "to disk pool BKUPPOOL")
    (d,) = [d for d in analyse("site.bkr", to_disk.encode()).diagnostics]
    # no job writes to tape: the disks dropped first, the local Tape Manager being what the site has
    assert d.code == "BKR332" and "(job" not in d.message
    assert d.help.startswith("drop their `disk` statements, which no local Tape Manager uses; or write `tape")
    assert codes(re.sub(r"  disk T[CR][TD]MM 191 size 10 cyl\n", "", to_disk), parser) == []
    # one such disk: what it is, by its ID
    one = re.sub(r"  disk T(RTMM|CDMM|RDMM) 191 size 10 cyl\n", "", to_disk)
    (d,) = [d for d in analyse("site.bkr", one.encode()).diagnostics]
    assert d.message.startswith("`disk` for `TCTMM`, IBM's ID for Tape Manager's catalog node, which bkrc writes")
    assert d.help.startswith("drop the `disk` statement, which no local")
    # a local statement that names the machines: one report too (stop 78, h5's test below)
    named = prodssi.replace("tape manager shared", "tape manager local")
    assert [d.code for d in analyse("site.bkr", named.encode()).diagnostics].count("BKR332") == 1


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_bkr218_a_preview_in_a_block_of_its_own_is_moved_into_the_purging_block(parser):
    """prodssi's preview in its own `expire on VMSYS2` block: the help wrote a second
    `expire on VMSYS1 { preview daily 01:00 }` block beside VMSYS1's. It now moves the
    line into that block, by its line, and removes the block left empty: prodssi back."""
    prodssi = _h11_prodssi()
    block = "  expire on VMSYS1 {\n    preview daily 01:00\n"
    assert block in prodssi
    slip = prodssi.replace(block, "  expire on VMSYS2 {\n    preview daily 01:00\n  }\n  expire on VMSYS1 {\n")
    assert codes(slip, parser) == ["BKR218"]
    assert help_of("BKR218", slip) == (
        "preview on the purging member: move `preview daily 01:00` into the `expire on VMSYS1` block (line 24),"
        " and remove the `expire on VMSYS2` block (line 21), left empty; with one shared catalog its preview"
        " lists every member's jobs"
    )
    lines = slip.split("\n")
    assert (lines[20], lines[23]) == ("  expire on VMSYS2 {", "  expire on VMSYS1 {")  # lines 21 and 24
    assert slip.replace("  expire on VMSYS2 {\n    preview daily 01:00\n  }\n  expire on VMSYS1 {\n", block) == prodssi
    # the block holds a retention too, the purging block's 35 days: the block goes all the
    # same (stop 79, h4: it stayed, a `retain` only, which the help left to the sysprog)
    kept = slip.replace("    preview daily 01:00\n  }\n", "    preview daily 01:00\n    retain 35 days\n  }\n", 1)
    said = help_of("BKR218", kept)
    assert said == (
        "preview on the purging member: move `preview daily 01:00` into the `expire on VMSYS1` block (line 25),"
        " and remove the `expire on VMSYS2` block (line 21), whose `retain 35 days` that block keeps already;"
        " with one shared catalog its preview lists every member's jobs"
    )
    # other days than the purging block's: the preview moved, the block kept for BKR260's choice
    other = kept.replace("    retain 35 days\n  }\n  expire on VMSYS1", "    retain 30 days\n  }\n  expire on VMSYS1", 1)
    said = help_of("BKR218", other)
    assert "move `preview daily 01:00` into the `expire on VMSYS1` block (line 25);" in said and "remove" not in said
    assert codes(other.replace("    preview daily 01:00\n    retain", "    retain", 1).replace(
        "  expire on VMSYS1 {\n", block), parser) == ["BKR260"]


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_bkr215_says_why_purging_away_from_the_catalog_server_matters(parser):
    """prodssi's `expire on VMSYS2` while the catalog's server logs on to VMSYS1: the
    message gave no reason (the explanation did); it now says expiry needs both
    members up. Each way out of the help, applied, checks clean."""
    prodssi = _h11_prodssi()
    slip = prodssi.replace("expire on VMSYS1 {", "expire on VMSYS2 {")
    (d,) = [d for d in analyse("site.bkr", slip.encode()).diagnostics]
    assert d.message == (
        "the shared catalog is purged from `VMSYS2`, but its SFS server runs on `VMSYS1`:"
        " expiry then needs both members up"
    )
    assert d.help == (
        "write `expire on VMSYS1` for `expire on VMSYS2` (line 21), or move the server to `VMSYS2`:"
        " `on VMSYS2` for `on VMSYS1`"
    )
    assert codes(prodssi, parser) == []
    assert codes(slip.replace("BKRPOOL on VMSYS1", "BKRPOOL on VMSYS2"), parser) == []


# stop 78, h5: BKR218, BKR223 and BKR225 carry the mend their help writes as a fix
# (`bkrc check --fix`, the editor's quick fix), or as choices where the help gives two.
def _h5_found(text: str, parser: str, code: str):
    previous = os.environ.get("BKRDSL_PARSER")
    os.environ["BKRDSL_PARSER"] = parser
    try:
        return [d for d in analyse("site.bkr", text.encode("utf-8")).diagnostics if d.code == code]
    finally:
        if previous is None:
            del os.environ["BKRDSL_PARSER"]
        else:
            os.environ["BKRDSL_PARSER"] = previous


def _h5_fixed(text: str, parser: str, code: str) -> str:
    """`text` with the fix of its one `code` diagnostic applied (there must be one)."""
    (d,) = _h5_found(text, parser, code)
    assert d.fix is not None and not d.choices, d.help
    return fixes.apply(text, [d])


_H5_PREVIEW = "  expire on VMSYS1 {\n    preview daily 01:00\n"


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize(
    ("old", "new"),
    [
        # the previewing block before the purging one, as the last stop's test writes it
        ("  expire on VMSYS1 {\n", "  expire on VMSYS2 {\n    preview daily 01:00\n  }\n  expire on VMSYS1 {\n"),
        # after it, on one line, a comment at its end (it goes with the block, as a deleted statement's does)
        ("  tape manager shared", "  expire on VMSYS2 { preview daily 01:00 }  # nightly\n  tape manager shared"),
    ],
    ids=["before", "after"],
)
def test_h5s78_bkr218_fix_moves_the_preview_into_the_purging_block_and_gives_prodssi_back(old, new, parser):
    """prodssi's preview in a block of its own for VMSYS2: the help said to move it
    into VMSYS1's block and remove the block; the fix now does, and gives prodssi back."""
    prodssi = _h11_prodssi()
    text = prodssi.replace(_H5_PREVIEW, "  expire on VMSYS1 {\n").replace(old, new, 1)
    assert codes(text, parser) == ["BKR218"]
    (d,) = _h5_found(text, parser, "BKR218")
    assert d.fix.title == "Move `preview daily 01:00` into the `expire on VMSYS1` block"
    mended = fixes.apply(text, [d])
    assert mended == prodssi and codes(mended, parser) == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h5s78_bkr218_fix_writes_a_purging_block_of_one_line_again_with_the_preview_first(parser):
    block = "  expire on VMSYS1 {\n    preview daily 01:00\n    purge weekly sun 03:00\n    retain 35 days\n  }\n"
    one_line = "  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }\n"
    text = _h11_prodssi().replace(block, "  expire on VMSYS2 { preview daily 01:00 }\n" + one_line)
    mended = _h5_fixed(text, parser, "BKR218")
    assert "  expire on VMSYS1 { preview daily 01:00  purge weekly sun 03:00  retain 35 days }\n" in mended
    assert "expire on VMSYS2" not in mended and codes(mended, parser) == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h5s78_bkr218_fix_removes_a_block_whose_preview_the_purging_member_already_runs(parser):
    prodssi = _h11_prodssi()
    text = prodssi.replace("  tape manager shared", "  expire on VMSYS3, VMSYS4 {\n    preview daily 05:00\n  }\n  tape manager shared")
    (d,) = _h5_found(text, parser, "BKR218")
    assert d.help.startswith("remove this preview") and d.fix.title == "Remove the `expire on VMSYS3, VMSYS4` block"
    assert fixes.apply(text, [d]) == prodssi


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h5s78_bkr218_no_fix_where_the_previewing_block_holds_more_or_names_the_purging_member(parser):
    prodssi = _h11_prodssi()
    moved = prodssi.replace(_H5_PREVIEW, "  expire on VMSYS2 {\n    preview daily 01:00\n  }\n  expire on VMSYS1 {\n")
    # a retention of other days than the purging block's 35 (stop 79, h4: of the same days, a fix)
    kept = moved.replace("    preview daily 01:00\n  }\n", "    preview daily 01:00\n    retain 30 days\n  }\n", 1)
    (d,) = _h5_found(kept, parser, "BKR218")
    assert "move `preview daily 01:00`" in d.help and d.fix is None  # which retention is kept is the sysprog's
    # `expire on each member { preview ... }` beside the purge: removed, VMSYS1's preview would go too
    each = prodssi.replace("  tape manager shared", "  expire on each member { preview daily 05:00 }\n  tape manager shared")
    (d,) = _h5_found(each, parser, "BKR218")
    assert d.help.startswith("remove this preview") and d.fix is None


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h5s78_bkr223_fix_writes_the_shorter_name_the_help_writes(parser):
    prodssi = _h11_prodssi()
    text = prodssi.replace("job SYSIN {", "job SYSINCRE {")
    assert codes(text, parser) == ["BKR223"]
    (d,) = _h5_found(text, parser, "BKR223")
    assert "write `job SYSIN` for `job SYSINCRE` (line 77)" in d.help and d.fix.title == "Write `job SYSIN`"
    assert fixes.apply(text, [d]) == prodssi
    # the failing example: its help's name, applied, checks
    example = failing_example("BKR223")
    assert codes(_h5_fixed(example, parser, "BKR223"), parser) == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h5s78_bkr223_where_the_help_offers_shorter_suffixes_too_the_name_is_a_choice(parser):
    # Every name too long ends in a suffix the site wrote: which one grew is the site's to say.
    text = _h11_prodssi()
    for n in "1234":
        text = text.replace(f"M{n}PRV1 }}", f"M{n}PRV1  job-suffix S{n}XX }}").replace(
            f"    private-volume M{n}PRV1\n", f"    private-volume M{n}PRV1\n    job-suffix S{n}XX\n"
        )
    (d,) = [d for d in _h5_found(text, parser, "BKR223") if "`SYSIN`" in d.message]
    assert "; or the job suffixes of members" in d.help and d.fix is None
    (choice,) = d.choices
    assert choice.title == "Write `job SYSI`" and "write `job SYSI` for `job SYSIN`" in d.help
    assert codes(text, parser) == ["BKR223", "BKR223"]
    assert codes(fixes.apply_edits(text, choice.edits), parser) == ["BKR223"]  # SYSME's, its own choice


_H5_VMSYS3 = "  member VMSYS3 { workers 2  private-volume M3PRV1 }\n"


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("  member VMSYS3 { workers 2  private-volume M3PRV1  job-suffix 1 }\n", "Remove `job-suffix 1`"),
        ("  member VMSYS3 { job-suffix 1  workers 2  private-volume M3PRV1 }\n", "Remove `job-suffix 1`"),
        (
            "  member VMSYS3 {\n    workers 2\n    job-suffix 1\n    private-volume M3PRV1\n  }\n",
            "Remove `job-suffix 1`",
        ),
    ],
    ids=["last on its line", "first in its block", "a line of its own"],
)
def test_h5s78_bkr225_fix_removes_the_suffix_that_is_another_members_number(written, title, parser):
    prodssi = _h11_prodssi()
    text = prodssi.replace(_H5_VMSYS3, written)
    (d,) = _h5_found(text, parser, "BKR225")
    assert d.help.startswith("remove `job-suffix 1` from member `VMSYS3`") and d.fix.title == title
    mended = fixes.apply(text, [d])
    assert codes(mended, parser) == []
    if "\n    workers" in written:
        assert mended == prodssi.replace(_H5_VMSYS3, "  member VMSYS3 {\n    workers 2\n    private-volume M3PRV1\n  }\n")
    else:
        assert mended == prodssi


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h5s78_bkr225_fix_rewrites_the_suffix_where_the_number_is_taken_and_keeps_comments(parser):
    prodssi = _h11_prodssi()
    text = prodssi.replace("M3PRV1 }", "M3PRV1  job-suffix 1 }").replace("M4PRV1 }", "M4PRV1  job-suffix 3 }")
    (d,) = _h5_found(text, parser, "BKR225")
    assert d.fix.title == "Write `job-suffix A`"
    assert codes(fixes.apply(text, [d]), parser) == []
    # a comment after the suffix on a line of its own would move to the line above: no fix
    commented = prodssi.replace("    private-volume M2PRV1\n", "    private-volume M2PRV1\n    job-suffix 1  # ours\n")
    (d,) = _h5_found(commented, parser, "BKR225")
    assert d.help.startswith("remove `job-suffix 1`") and d.fix is None
    # the failing example: `# <- BKR225` after the block's `}` stays, the suffix goes
    example = failing_example("BKR225")
    mended = _h5_fixed(example, parser, "BKR225")
    assert "  member VMSYS2 { workers 2 }   # <- BKR225\n" in mended and codes(mended, parser) == []


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h5s78_bkr225_two_ways_out_are_choices_each_of_which_checks(parser):
    # VMSYS3 writes `4`, VMSYS4's number: remove VMSYS3's, or add one to VMSYS4; the site's to say.
    text = _h11_prodssi().replace("M3PRV1 }", "M3PRV1  job-suffix 4 }")
    (d,) = _h5_found(text, parser, "BKR225")
    assert d.fix is None and [c.title for c in d.choices] == ["Remove `job-suffix 4`", "Add `job-suffix A`"]
    for choice in d.choices:
        assert codes(fixes.apply_edits(text, choice.edits), parser) == []
    assert "  member VMSYS4 { workers 2  private-volume M4PRV1  job-suffix A }\n" in fixes.apply_edits(
        text, d.choices[1].edits
    )


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h5s78_bkr332_disks_of_the_machines_a_local_tape_manager_names_are_one_report(parser):
    """prodssi's `tape manager shared` written `local`, its options kept: four BKR332s
    came, one per Tape Manager `disk`, each "drop the `disk` statement, or write `tape
    manager shared`", between BKR235 at the statement and BKR230 at the jobs: six
    reports of one word. The four disks are now one report at the first, naming them
    all, pointing at the statement; each way out of its help, applied, checks."""
    prodssi = _h11_prodssi()
    slip = prodssi.replace("tape manager shared", "tape manager local")
    found = _h5_found(slip, parser, "BKR332")
    assert codes(slip, parser) == ["BKR230", "BKR235", "BKR332"]
    (d,) = found
    assert d.message == (
        "`disk` for `TCTMM`, `TRTMM`, `TCDMM` and `TRDMM`, the Tape Manager machines the `tape manager local`"
        " statement names, which bkrc writes no directory entries for: a local Tape Manager has no nodes"
        " (job `LNXFULL` writes to tape)"
    )
    assert (d.span.line, d.related[0].span.line, d.related[0].label) == (37, 26, "declared local here: no nodes")
    assert [(r.span.line, r.label) for r in d.related[1:]] == [
        (38, "`disk` for `TRTMM`"), (39, "`disk` for `TCDMM`"), (40, "`disk` for `TRDMM`")
    ]
    assert d.help == (
        "write `tape manager shared` for `tape manager local` (line 26), its options as they are: its nodes then"
        " get their directory entries; otherwise drop their `disk` statements"
    )
    assert d.fix is None and d.choices == ()  # which way out is the site's
    assert codes(slip.replace("tape manager local", "tape manager shared"), parser) == []
    dropped = re.sub(r"  disk T[CR][TD]MM 191 size 10 cyl\n", "", slip)
    assert codes(dropped, parser) == ["BKR230", "BKR235"]  # the jobs' tape and the options: theirs to say
    # no job writes to tape: the disks dropped first, the local Tape Manager being what the site has
    to_disk = slip.replace("to tape", "to disk pool BKUPPOOL")
    (d,) = _h5_found(to_disk, parser, "BKR332")
    assert "(job" not in d.message
    assert d.help.startswith("drop their `disk` statements, which no local Tape Manager uses; or write `tape")
    # one disk named: the one report points at the statement too
    one = re.sub(r"  disk T(RTMM|CDMM|RDMM) 191 size 10 cyl\n", "", to_disk)
    (d,) = _h5_found(one, parser, "BKR332")
    assert d.message == (
        "`disk` for `TCTMM`, the Tape Manager catalog node, which bkrc writes no directory entry for:"
        " `tape manager local` has no nodes"
    )
    assert d.related[0].label == "declared local here: no nodes" and d.help.startswith("drop the `disk` statement, which")


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h11s78_the_shared_statement_bkr332_and_bkr230_write_carries_the_disks_dmms(parser):
    """prodssi's statement written `tape manager local`, its nodes kept and its DMM line
    (`catalog-dmm TCDMM request-dmm TRDMM`) deleted: BKR332's help and BKR230's wrote
    the shared statement with the nodes alone, and applied it left `disk TCDMM` and
    `disk TRDMM` errors (the statement names no DMM). They now carry the DMMs those
    disks name, and either help applied checks clean; so does a statement that names
    one DMM, which the help keeps."""
    prodssi = _h11_prodssi()
    nodes = "  tape manager local catalog-node TCTMM on VMSYS1 request-node TRTMM\n"
    for kept in ("", " catalog-dmm TCDMM"):
        slip = prodssi.replace(_H11_SHARED, nodes.replace("\n", f"{kept}\n"))
        (bkr332,) = _h5_found(slip, parser, "BKR332")
        (bkr230,) = _h5_found(slip, parser, "BKR230")
        statement = (
            "`catalog-node TCTMM on VMSYS1`, `request-node TRTMM`, `catalog-dmm TCDMM` and `request-dmm TRDMM`"
        )
        for d in (bkr332, bkr230):
            assert d.help.startswith(f"write `tape manager shared` in place of `tape manager local`, with {statement}")
            written = re.match(r"[^;]*", d.help).group(0)
            options = re.findall(r"`((?:catalog|request)-(?:node|dmm) [^`]*)`", written)
            line = slip.splitlines(keepends=True)[bkr332.related[0].span.line - 1]
            mended = slip.replace(line, f"  tape manager shared {' '.join(options)}\n")
            assert codes(mended, parser) == []


# stop 79, h4: BKR218's fix where the previewing block also retains: the block removed
# where its `retain` is the purging block's, the `retain` moved with the preview where
# the purging block has none (BKR260's help); none where the days differ or a comment
# would go with the block.
_H4_SLIP = "  expire on VMSYS2 {\n    preview daily 01:00\n    retain 35 days\n  }\n"


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
@pytest.mark.parametrize(
    ("purging", "mended"),
    [
        # the purging block of several lines, without a retention: the preview first, the retain last
        (
            "  expire on VMSYS1 {\n    purge weekly sun 03:00\n  }\n",
            "  expire on VMSYS1 {\n    preview daily 01:00\n    purge weekly sun 03:00\n    retain 35 days\n  }\n",
        ),
        # on one line, written again with both
        (
            "  expire on VMSYS1 { purge weekly sun 03:00 }\n",
            "  expire on VMSYS1 { preview daily 01:00  purge weekly sun 03:00  retain 35 days }\n",
        ),
        # with the same retention: the previewing block's is dropped with it
        (
            "  expire on VMSYS1 {\n    purge weekly sun 03:00\n    retain 35 days\n  }\n",
            "  expire on VMSYS1 {\n    preview daily 01:00\n    purge weekly sun 03:00\n    retain 35 days\n  }\n",
        ),
        # the purging member previews already: the block removed, its retain moved
        (
            "  expire on VMSYS1 {\n    preview daily 02:00\n    purge weekly sun 03:00  # sundays\n  }\n",
            (
                "  expire on VMSYS1 {\n    preview daily 02:00\n    purge weekly sun 03:00  # sundays\n"
                "    retain 35 days\n  }\n"
            ),
        ),
    ],
    ids=["lines", "one-line", "same-days", "previews-already"],
)
def test_h4_79_bkr218_fix_takes_the_previewing_block_s_retain_where_nothing_is_lost(
    purging, mended, parser, tmp_path, monkeypatch
):
    prodssi = _h11_prodssi()
    block = "  expire on VMSYS1 {\n    preview daily 01:00\n    purge weekly sun 03:00\n    retain 35 days\n  }\n"
    assert block in prodssi
    text = prodssi.replace(block, _H4_SLIP + purging)
    found = sorted(d.code for d in _h5_found(text, parser, "BKR218") + _h5_found(text, parser, "BKR260"))
    assert found == (["BKR218"] if "retain" in purging else ["BKR218", "BKR260"])
    (d,) = _h5_found(text, parser, "BKR218")
    assert d.fix is not None and ("remove" in d.help)
    assert fixes.apply(text, [d]) == prodssi.replace(block, mended)
    # `bkrc check --fix` on the file: one fix, and the file then checks clean
    path = tmp_path / "site.bkr"
    path.write_text(text)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    from conftest import run_cli

    said = run_cli(["check", "--fix", path, "--color", "never"], expect=0).output
    assert said.endswith("1 fix applied (BKR218); clean\n")
    assert path.read_text() == prodssi.replace(block, mended)
    assert run_cli(["check", path], expect=0).output == ""


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_h4_79_bkr218_no_fix_where_the_block_to_remove_holds_a_comment(parser):
    """The block removed would take the comment with it: the help says the move, no fix."""
    prodssi = _h11_prodssi()
    block = "  expire on VMSYS1 {\n    preview daily 01:00\n    purge weekly sun 03:00\n    retain 35 days\n  }\n"
    commented = _H4_SLIP.replace("preview daily 01:00\n", "preview daily 01:00  # the night shift reads it\n")
    for purging in ("  expire on VMSYS1 { purge weekly sun 03:00 }\n", "  expire on VMSYS1 { preview daily 02:00  purge weekly sun 03:00 }\n"):
        text = prodssi.replace(block, commented + purging)
        (d,) = _h5_found(text, parser, "BKR218")
        assert d.fix is None and "remove" in d.help
