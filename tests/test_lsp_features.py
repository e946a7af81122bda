"""The language server's answers, as pure functions (no pygls): hover, completion,
navigation, outline, code actions, diagnostics from imported modules.

A cursor is written into the text as `|`; each case names what must be offered.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import hypothesis
import hypothesis.strategies as hs
import pytest
from conftest import EXAMPLES, ROOT
from test_compile_properties import clusters

from bkrdsl.lsp import features as F
from bkrdsl.lsp.document import analyse_document

CLUSTER = textwrap.dedent(
    """\
    import std/backup-manager

    ## Linux guests.
    single group LINUX { LNX01 LNX02  match LNXAPP* }
    identity group SYSIDS { TCPIP }

    cluster DEV {
      member DEV1 { workers 2  private-volume D1PRV1 }
      member DEV2 { workers 2  private-volume D2PRV1  job-suffix B }
      catalog shared server BKRSVSFS pool BKRPOOL on DEV1
      expire on DEV1 {
        purge weekly sun 03:00
      }
      job LNXFULL {
        backup LINUX full
        include minidisk * 0191
        to disk pool P
        run on DEV1 daily 01:00
      }
      ## Every member's system machines.
      job SYSIN {
        backup SYSIDS incremental
        include minidisk TCPIP 0191
        to disk pool P
        run on each member daily 02:00
      }
    }
    """
)


def doc_at(text: str, cursor: str | None = None, name: str = "/ws/dev.bkr"):
    """Analyse `text`; with `cursor`, the `|` in that substring marks the position."""
    line = column = 0
    if cursor is not None:
        plain = cursor.replace("|", "")
        at = text.index(plain) + cursor.index("|")
        line = text.count("\n", 0, at)
        column = at - (text.rfind("\n", 0, at) + 1)
    return analyse_document(name, text), line, column


# ----------------------------------------------------------------- hover
HOVERS = [
    (
        "single group L|INUX",
        ["**LINUX**: single group (2 users, 1 pattern)", "`LNX01`, `LNX02`", "`LNXAPP*`", "Linux guests."],
    ),
    ("backup LIN|UX full", ["**LINUX**: single group"]),
    # (it said "listed in group LINUX single")
    ("{ LNX0|1 LNX02", ["**LNX01**: single-configuration user", "- listed in single group `LINUX` (line 4)"]),
    ("match LNXA|PP*", ["**LNXAPP\\***: pattern; every user it matches is a single-configuration user"]),
    (
        "job SYS|IN {",
        [
            "runs on each member",
            "| DEV1 | `SYSIN1` |",
            "| DEV2 | `SYSINB` |",
            "Every member's system machines.",
        ],
    ),
    ("job LNXF|ULL {", ["full backup of single-configuration users, runs on DEV1", "| DEV1 | `LNXFULL` |"]),
    (
        "run on DE|V1 daily",
        ["**DEV1**: member 1 of cluster `DEV`", "workers: 2 (BKRWRK01, BKRWRK02)", "D1PRV1"],
    ),
    ("member DEV|2 {", ["member 2", "job suffix: `B`"]),
    ("minidisk TCP|IP 0191", ["**TCPIP**: IDENTITY user"]),
    ("cluster D|EV {", ["**DEV**: SSI cluster of DEV1, DEV2"]),
]


@pytest.mark.parametrize("cursor,expected", HOVERS, ids=[h[0] for h in HOVERS])
def test_hover(cursor, expected):
    doc, line, column = doc_at(CLUSTER, cursor)
    found = F.hover(doc, line, column)
    assert found is not None
    for text in expected:
        assert text in found.markdown


def test_hover_shows_the_description_of_a_cluster_a_member_and_a_job():
    # Hover on the cluster's name said nothing of its `description`, nor on a
    # member's; a job's was shown. (A group takes no `description`: its `##`
    # comment is shown.)
    text = CLUSTER.replace(
        "cluster DEV {\n", 'cluster DEV {\n  description "Development \\"DEV\\" cluster"\n'
    ).replace(
        "member DEV1 { workers 2  private-volume D1PRV1 }",
        'member DEV1 { workers 2  private-volume D1PRV1  description "The first member" }',
    ).replace("backup SYSIDS incremental\n", 'backup SYSIDS incremental\n    description "System IDs"\n')
    for cursor, expected in [
        ("cluster D|EV {", 'Development "DEV" cluster'),
        ("member DEV|1 {", "The first member"),
        ("run on DE|V1 daily", "The first member"),
        ("job SYS|IN {", "System IDs"),
    ]:
        doc, line, column = doc_at(text, cursor)
        assert not [d for d in doc.diagnostics if d.is_error], doc.diagnostics
        found = F.hover(doc, line, column).markdown
        assert f"\n\n{expected}" in found, (cursor, found)
    doc, line, column = doc_at(CLUSTER, "member DEV|2 {")  # none: nothing added
    assert F.hover(doc, line, column).markdown.endswith("- job suffix: `B`")


def test_a_name_is_bold_in_the_hover_as_written():
    # Markdown read the stars of a pattern as emphasis: `**LNXAPP***` showed the
    # star after the bold name, `**LNX*A*B**` showed `A` in italics, both stars
    # gone. The stars are escaped, and an `_` at either end of a name (one
    # inside, between letters, is text to every Markdown reader).
    text = CLUSTER.replace("match LNXAPP*", "match LNX*A*B  _LNX LNX_")
    for cursor, title in [
        ("match LNX|*A*B", "**LNX\\*A\\*B**: pattern"),
        ("_LN|X", "**\\_LNX**: single-configuration user"),
        ("LNX|_ }", "**LNX\\_**: single-configuration user"),
        ("member DEV|1 {", "**DEV1**: member 1"),
    ]:
        doc, line, column = doc_at(text, cursor)
        assert F.hover(doc, line, column).markdown.startswith(title), cursor


def test_tape_manager_machines_are_declared_where_tape_manager_names_them():
    text = (Path(__file__).parent.parent / "examples" / "prodssi.bkr").read_text()
    text = text.replace("member VMSYS1 {", "member VMSYS1 {\n    exclude minidisk TCDMM *", 1)
    assert "exclude minidisk TCDMM *" in text
    doc, line, column = doc_at(text, "catalog-dmm TC|DMM")
    found = F.hover(doc, line, column)
    assert "**TCDMM**: single-configuration user" in found.markdown
    assert "the Device Manager Machine of the Tape Manager catalog node" in found.markdown
    assert f"- named by `tape manager` (line {line + 1})" in found.markdown
    (target,) = F.definition(doc, line, column)
    assert (target.line - 1, target.column - 1) == (line, column - 2)
    refs = F.references(doc, line, column, include_declaration=True)
    assert len(refs) == 3  # the declaration, the exclude and its `disk TCDMM 191` statement


VOLUMES = CLUSTER.replace(
    "  catalog shared",
    "  shared-volume VMCOM1\n"
    "  disk BKRSVSFS 191 size 20 cyl on VMCOM1\n"
    "  disk BKRADMIN 191 size 10 cyl on VMCOM1\n"
    "  disk BKRBKUP 191 size 10 cyl on D1PRV1\n"
    "  catalog shared",
)


def test_hover_on_a_pool_says_what_it_is_and_where_it_is_named():
    # Hover on the catalog's `pool BKRPOOL`, on `to disk pool P` or `to tape pool
    # TPOOL`, or on the file pool of an SFS path showed nothing (only a BKR115 of
    # the second `to`), where a member or a group shows what it is.
    text = CLUSTER.replace("run on DEV1 daily 01:00", "run on DEV1 daily 01:00\n    to tape pool TPOOL")
    text = text.replace(
        "include minidisk * 0191\n", "include minidisk * 0191\n    include sfs BKRPOOL:LNX01.* VMSYSU:LNX02.*\n"
    )
    for cursor, said in [
        ("pool BKRP|OOL on", ["**BKRPOOL**: the catalog's SFS file pool (shared catalog, served by `BKRSVSFS`), declared line 10",
                              "- SFS paths in it: `BKRPOOL:LNX01.*` (line 17)"]),
        ("sfs BKRP|OOL:", ["**BKRPOOL**: the catalog's SFS file pool", "declared line 10"]),
        ("VMSY|SU:", ["**VMSYSU**: an SFS file pool of z/VM's own, not the catalog's"]),
        ("disk pool |P\n", ["**P**: a disk pool", "- jobs that back up to it: `LNXFULL` (line 18), `SYSIN` (line 26)"]),
        ("tape pool TP|OOL", ["**TPOOL**: a tape pool", "- jobs that back up to it: `LNXFULL` (line 20)"]),
    ]:
        doc, line, column = doc_at(text, cursor)
        found = F.hover(doc, line, column)
        assert found is not None, cursor
        for part in said:
            assert part in found.markdown, (cursor, found.markdown)
        word = re.match(r"\w*", cursor.partition("|")[2]).group()
        assert doc.text[found.span.start : found.span.end].endswith(word), cursor
    doc, line, column = doc_at(text, "sfs BKRPOOL:LN|X01")  # the path's user: the user's hover
    assert F.hover(doc, line, column).markdown.startswith("**LNX01**: single-configuration user")


def _hovers(text: str, cases) -> None:
    """Each cursor's hover holds each text said, and spans the word under the cursor."""
    for cursor, said in cases:
        doc, line, column = doc_at(text, cursor)
        found = F.hover(doc, line, column)
        assert found is not None, cursor
        for part in said:
            assert part in found.markdown, (cursor, found.markdown)
        at = doc.offset(line, column)
        assert found.span.start <= at <= found.span.end, cursor


def test_a_pool_has_a_definition_references_and_highlights():
    # Go to definition, references and highlight on the catalog's `pool BKRPOOL`,
    # on the pool of an SFS path or on `to disk pool P` found nothing, where hover
    # lists the paths and the jobs: a sysprog looks for every use of a pool.
    text = CLUSTER.replace(
        "include minidisk * 0191\n", "include minidisk * 0191\n    include sfs BKRPOOL:LNX01.* VMSYSU:LNX02.*\n"
    )

    def texts(spans):
        return [(s.line, text[s.start : s.end]) for s in spans]

    doc, line, column = doc_at(text, "sfs BKRP|OOL:")
    assert texts(F.definition(doc, line, column)) == [(10, "BKRPOOL")]
    assert texts(F.references(doc, line, column, True)) == [(10, "BKRPOOL"), (17, "BKRPOOL")]
    assert texts(F.references(doc, line, column, False)) == [(17, "BKRPOOL")]
    assert [(o.span.line, o.definition) for o in F.highlights(doc, line, column)] == [(10, True), (17, False)]
    doc, line, column = doc_at(text, "pool BKRP|OOL on")
    assert texts(F.references(doc, line, column, True)) == [(10, "BKRPOOL"), (17, "BKRPOOL")]
    doc, line, column = doc_at(text, "VMSY|SU:")  # z/VM's own pool: nothing declares it here
    assert texts(F.definition(doc, line, column)) == []
    assert texts(F.references(doc, line, column, True)) == [(17, "VMSYSU")]
    doc, line, column = doc_at(text, "disk pool |P\n")  # a disk pool: the jobs that back up to it
    assert texts(F.definition(doc, line, column)) == []
    assert texts(F.references(doc, line, column, True)) == [(18, "P"), (25, "P")]
    assert [o.span.line for o in F.highlights(doc, line, column)] == [18, 25]


def test_hover_on_a_schedule_says_when_it_is_due_and_what_sends_it_on_which_member():
    # Hover on a schedule's day, ordinal or time showed nothing: when the job (or the
    # expiry) is due in words, titled as `bkrc show` lists it, and BKRSUBMT DUE (or
    # BKREXPIR DUE) on which member(s), with the job's name there.
    text = CLUSTER.replace("run on DEV1 daily 01:00", "run on DEV1 weekly sat,sunday 02:00").replace(
        "run on each member daily 02:00", "run on each member monthly first sunday 02:00"
    )
    due = "when the member's scheduler calls it in that minute (bkrc writes no timer: docs/deploy.md)"
    _hovers(
        text,
        [
            ("weekly s|at", ["**02:00 weekly sat,sun**: job `LNXFULL` is due every Saturday and Sunday at 02:00",
                             f"- `EXEC BKRSUBMT DUE` submits it on `DEV1` as `LNXFULL`, {due}"]),
            ("sat,sun|day", ["**02:00 weekly sat,sun**"]),
            ("sat,sunday 02:0|0", ["**02:00 weekly sat,sun**"]),
            ("|first sunday", ["**02:00 monthly first sun**: job `SYSIN` is due on the first Sunday of every month at 02:00",
                               "- `EXEC BKRSUBMT DUE` submits it on `DEV1` as `SYSIN1`, `DEV2` as `SYSINB`"]),
            ("first sun|day", ["job `SYSIN` is due on the first Sunday"]),
            ("purge weekly s|un", ["**03:00 weekly sun**: the catalog's purge (`EXPIRE`) is due every Sunday at 03:00",
                                   f"- `EXEC BKREXPIR DUE` sends it on `DEV1`, {due}"]),
        ],
    )
    text = CLUSTER.replace("daily 01:00", "monthly 31 01:00").replace("daily 02:00", "daily 25:00")
    _hovers(
        text,
        [
            ("monthly 3|1", ["**01:00 monthly 31**: job `LNXFULL` is due on day 31 of every month at 01:00 (not in a shorter month)"]),
            ("25:|00", ["**daily 25:00**: names no minute `DUE` reads, so it is never due", "**BKR313**"]),
        ],
    )
    doc, line, column = doc_at(text, "wee|kly sun")  # the keyword: its meaning, as before
    assert F.hover(doc, line, column).markdown.startswith("**weekly** (keyword, in schedule)")


def test_hover_on_a_minidisk_address_says_whose_minidisks_it_selects():
    # Hover on an address or a range of a minidisk selection showed nothing: the
    # addresses, whose minidisks, for which job(s), the `disk` statements in it and
    # (without the `directory` setting) that the site's minidisks are not known.
    text = VOLUMES.replace(
        "member DEV1 { workers 2  private-volume D1PRV1 }",
        "member DEV1 { workers 2  private-volume D1PRV1\n    exclude minidisk * 0191-0192 }",
    ).replace("include minidisk TCPIP 0191", "include minidisk BKR* 0191")
    unknown = "- the site's minidisks in it: not known to the editor (the `directory` setting names the CP directory"
    _hovers(
        text,
        [
            ("* 01|91\n", ["**0191**: minidisk address 0191, included by job `LNXFULL`, of every user the job backs up",
                           "- no `disk` statement of the cluster is in it", unknown]),
            ("BKR* 019|1", ["**0191**: minidisk address 0191, included by job `SYSIN`, of the users `BKR*` matches",
                            ("- `disk` statements in it: `BKRSVSFS 0191` (line 12), `BKRADMIN 0191` (line 13),"
                             " `BKRBKUP 0191` (line 14)")]),
            ("0191-01|92", [("**0191-0192**: minidisk addresses 0191 to 0192 (2 addresses), excluded on `DEV1` from"
                             " its single-configuration jobs (`LNXFULL`), of every user they back up")]),
        ],
    )
    doc, line, column = doc_at(text, "minidisk BK|R* 0191")  # the owner: its own hover, as before
    assert F.hover(doc, line, column).markdown.startswith("**BKR\\***: a pattern of the owners")
    # The address `*`: every address. Its hover said "minidisk every address".
    text = text.replace("include minidisk * 0191\n", "include minidisk * *\n")
    doc, line, column = doc_at(text, "minidisk * |*\n")
    assert F.hover(doc, line, column).markdown.split("\n")[0] == (
        "**\\***: every minidisk address (0000 to FFFF), included by job `LNXFULL`, of every user the job backs up"
    )


def test_hover_on_the_owner_star_says_whose_minidisks_it_selects():
    # It said "every user's minidisks": the `*` owner selects the minidisks of the
    # users its job backs up (in a member block, those of the member's
    # single-configuration jobs), not every user's.
    text = CLUSTER.replace(
        "member DEV1 { workers 2  private-volume D1PRV1 }",
        "member DEV1 { workers 2  private-volume D1PRV1\n    exclude minidisk * 0192 }",
    )
    for cursor, expected in [
        ("include minidisk |* 0191\n    to disk pool P\n    run on DEV1",
         "**\\***: the minidisks of every user job `LNXFULL` backs up (the owner of a minidisk selection)"),
        ("exclude minidisk |* 0192",
         ("**\\***: the minidisks of every user the single-configuration jobs on `DEV1` back up"
          " (the owner of a minidisk selection)")),
    ]:
        doc, line, column = doc_at(text, cursor)
        assert F.hover(doc, line, column).markdown.split("\n")[0] == expected


def test_hover_on_a_minidisk_address_lists_the_site_directory_minidisks_in_it_with_the_setting():
    from bkrdsl.cpdirectory import read_directory

    path = EXAMPLES / "prodssi.bkr"
    text = path.read_text()
    site = read_directory(str(EXAMPLES / "USER.DIRECT"), (EXAMPLES / "prodssi.direct").read_bytes())

    def hover_on(cursor: str, directory) -> str:
        doc = analyse_document(str(path), text, path=path, directory=directory)
        at = text.index(cursor.replace("|", "")) + cursor.index("|")
        line = text.count("\n", 0, at)
        return F.hover(doc, line, at - (text.rfind("\n", 0, at) + 1)).markdown

    assert "- site directory: 2 minidisks of 2 users: `CICSPRD 0191`, `DB2PRD 0191`" in hover_on("0191-01|FF", site)
    wide = hover_on("0100-0F|FF", site)
    assert "- site directory: 15 minidisks of 5 users: `LNXWEB01 0100`, `LNXWEB01 0191`, `LNXWEB01 0300` (V-DISK)" in wide
    assert "and 10 more" in wide
    assert "- site directory: no minidisk in it" in hover_on("LNX* 01|92", site)
    assert "not known to the editor" in hover_on("0191-01|FF", None)


def test_hover_on_a_disk_address_says_whose_minidisk_it_is_where_it_is_placed_and_its_size(tmp_path):
    # Hover on the address of `disk BKRBKUP 191 size 10 cyl` showed nothing, where an
    # address of a selection shows whose minidisks it selects: the machine(s) and their
    # kind, the size, and where the directory entries place it (`allocation.allocate`).
    from bkrdsl.dialect import builtin_path, load_dialect

    text = VOLUMES.replace("  catalog shared", "  disk BKRWRK* 192 size 5 cyl\n  catalog shared")
    autov = "- with no `at`, DirMaint chooses the extent (`AUTOV`: the dialect's `disk_allocation`)"
    _hovers(
        text,
        [
            ("disk BKRBKUP 1|91", [("**191**: minidisk 0191 of `BKRBKUP`, 10 cylinders: IDENTITY, a minidisk in its"
                                    " SUBCONFIG on each member it runs on"),
                                   "- on `DEV1`: `BKRBKUP` on `D1PRV1`\n- on `DEV2`: `BKRBKUP` on `D2PRV1`", autov]),
            ("BKRSVSFS |191", [("**191**: minidisk 0191 of `BKRSVSFS`, 20 cylinders: single-configuration, one"
                                " minidisk in its USER entry"), "- USER entry: `BKRSVSFS` on `VMCOM1`"]),
            ("BKRWRK* 19|2", ["**192**: minidisk 0192 of `BKRWRK01`, `BKRWRK02` (`BKRWRK*`), 5 cylinders",
                              "- on `DEV1`: `BKRWRK01` on `D1PRV1`, `BKRWRK02` on `D1PRV1`"]),
        ],
    )
    table = tmp_path / "sequential.toml"
    table.write_text(builtin_path().read_text().replace('value = "autov"', 'value = "sequential"'))
    doc = analyse_document("/ws/dev.bkr", text, dialect=load_dialect(path=str(table)))
    at = text.index("BKRWRK* 192") + len("BKRWRK* 1")
    line, column = text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1)
    found = F.hover(doc, line, column).markdown
    assert "- on `DEV2`: `BKRWRK01` on `D2PRV1` from cylinder 11, `BKRWRK02` on `D2PRV1` from cylinder 16" in found, found
    assert autov not in found
    text = text.replace("disk BKRWRK* 192", "disk NOSUCH 192")  # no product machine: its error says why
    doc, line, column = doc_at(text, "NOSUCH 1|92")
    assert "but `NOSUCH` is no machine bkrc writes a directory entry for" in F.hover(doc, line, column).markdown


def test_hover_on_a_job_suffix_gives_the_job_names_it_makes_on_its_member():
    # Hover on `job-suffix B` showed nothing: the names of the member's jobs that end in it.
    head = "**B**: the job suffix of member `DEV2`: the name there of a job that runs on several members"
    _hovers(CLUSTER, [("job-suffix |B", [head, "- job names on `DEV2`: `SYSINB` (job `SYSIN`)"])])
    text = CLUSTER.replace("run on each member daily 02:00", "run on DEV1 daily 02:00")
    _hovers(text, [("job-suffix |B", [head, "- no job takes it on `DEV2` now"])])


#: A file that writes every statement and every kind of value, for the hover of every word.
EVERY_VALUE = textwrap.dedent(
    """\
    import std/backup-manager

    single group LINUX { LNX01 LNX02  match LNXAPP* }
    identity group SYSIDS { TCPIP }
    single user OPER1

    cluster DEV {
      description "dev"
      member DEV1 { workers 2  private-volume D1PRV1  subconfig BKRBKUP BKRBKU-1 }
      member DEV2 { workers 2  private-volume D2PRV1 3390-9  job-suffix B  exclude minidisk LNX01 0200 }
      shared-volume DVCOM1 3390-27
      disk BKRBKUP 191 size 10 cyl
      disk BKRSVSFS 191 size 20 cyl on DVCOM1 at 100
      link BKRBKUP 5697J06C 05E5 as 0395 RR
      catalog shared server BKRSVSFS pool BKRPOOL on DEV1 logon-wait 2 minutes pool-wait 30 seconds
      expire on DEV1 {
        preview monthly 15 01:00
        purge monthly last sun 03:00
        retain 35 days
      }
      tape manager shared catalog-node TCTMM on DEV1 request-node TRTMM catalog-dmm TCDMM request-dmm TRDMM
      job LNXFULL {
        backup LINUX full
        include minidisk * 0191
        include sfs BKRPOOL:LNX01.*
        to disk pool P
        run on DEV1 daily 01:00
      }
      job SYSIN {
        backup SYSIDS, TCPIP incremental
        include minidisk TCPIP 0191-0192
        to tape pool T
        run on each member weekly mon,tue 02:00
      }
    }
    """
)


def test_every_word_of_a_file_writing_every_kind_of_value_has_a_hover():
    # `retain 35 days`'s number, a disk's size and unit, its `at` and the catalog's
    # waits showed no hover, where a schedule's time or an address says what it
    # means: each value a system programmer writes is explained where it is written.
    doc, _, _ = doc_at(EVERY_VALUE)
    without = []
    for n, line in enumerate(EVERY_VALUE.split("\n")):
        for m in re.finditer(r'"[^"]*"|[^\s{},]+', line.split("#")[0]):
            # A description is the user's text: its hover is its block's name's.
            if not m.group().startswith('"') and F.hover(doc, n, m.start()) is None:
                without.append(f"{n + 1}: {m.group()}")
    assert without == []


def test_hover_on_a_value_says_what_it_means_where_it_is_written():
    # The values of `VALUE_HOVERS`: the days kept and what EXPIRE does with them,
    # BKRSTART's waits, a minidisk's size and its extent on its volume.
    keep = (
        "- `BKREXPIR` writes it into its header only: `EXPIRE (PURGE` is sent no retention (how Backup Manager"
        " is told it could not be confirmed: docs/compatibility.md), so the product's own retention setting"
        " decides what the purge removes; keep it at 35 days"
    )
    _hovers(
        EVERY_VALUE,
        [
            ("retain 3|5 days", [("**35**: backups stay in the catalog 35 days (5 weeks): the retention of the purge"
                                 " on `DEV1`"), keep]),
            ("logon-wait |2", [("**2 minutes**: BKRSTART, on `DEV1`, the server's home, waits up to 120 seconds for"
                               " `BKRSVSFS` to log on after its `XAUTOLOG`: a try every 2 seconds, 60 in all"
                               " (default 60 seconds)"), "gives up with rc 44"]),
            ("2 min|utes", ["**2 minutes**: BKRSTART"]),
            ("pool-wait 30 se|conds", [("**30 seconds**: BKRSTART, on `DEV1`, the server's home, waits up to 30"
                                       " seconds for `BKRSVSFS`'s file pool `BKRPOOL` to serve: a try every 5"
                                       " seconds, 6 in all (default 180 seconds)")]),
            ("size 1|0 cyl", [("**10 cyl**: the size of minidisk 0191 of `BKRBKUP`: 10 cylinders, 8,499,600 bytes"
                              " unformatted (a 3390 cylinder: 15 tracks of 56,664 bytes)")]),
            ("size 20 c|yl", ["**20 cyl**: the size of minidisk 0191 of `BKRSVSFS`", "- on `DVCOM1`: cylinders 100 to 119"]),
            ("at 1|00", [("**100**: minidisk 0191 of `BKRSVSFS` starts at cylinder 100 of volume `DVCOM1` and ends at"
                         " 119 (20 cylinders)"), ("- `DVCOM1` has 32,760 cylinders (3390-27), cylinder 0 to 32,759:"
                         " holds it")]),
        ],
    )
    text = EVERY_VALUE.replace("size 20 cyl on DVCOM1 at 100", "size 20 blk on DVCOM1 at 100")
    _hovers(text, [("size 2|0 blk", [("**20 blk**: the size of minidisk 0191 of `BKRSVSFS`: 20 512-byte blocks,"
                                     " 10,240 bytes")])])
    # A block that does not purge: its retention is never used (BKR260).
    text = EVERY_VALUE.replace("    retain 35 days\n", "").replace(
        "  tape manager", "  expire on DEV1 { preview daily 05:00  retain 35 days }\n  tape manager"
    )
    _hovers(text, [("05:00  retain 3|5", ["but it does not purge", "this one is never used"])])
    text = EVERY_VALUE.replace("retain 35 days", "retain 0 days")  # BKR315
    _hovers(text, [("retain |0", [("**0**: meant as the days backups stay in the catalog, but not a whole number"
                                  " from 1 to 36500 (its error says why)")])])
    # A wait BKRSTART cannot keep (BKR337) is the default; a local catalog's waits are on every member.
    text = EVERY_VALUE.replace("logon-wait 2 minutes", "logon-wait 45 seconds")
    _hovers(text, [("logon-wait 4|5", ["but one it cannot keep (its error says why): it waits the default, 60 seconds"])])
    text = EVERY_VALUE.replace("catalog shared server BKRSVSFS pool BKRPOOL on DEV1", "catalog local server BKRSVSFS pool BKRPOOL")
    _hovers(text, [("logon-wait |2", ["**2 minutes**: BKRSTART, on every member, waits up to 120 seconds"])])


def test_hover_on_a_volume_label_lists_the_disks_placed_on_it_with_no_on_naming_it():
    # A volume's hover listed only the `disk` statements whose `on` names it: the
    # first shared volume, which holds every single-configuration machine's disk
    # without `on`, said "no `disk` statement names it with `on`", as did a
    # member's first private volume, which holds the IDENTITY machines' instances.
    path = EXAMPLES / "prodssi.bkr"
    text = path.read_text().replace("shared-volume VMCOM1", "shared-volume VMCOM1 VMCOM2").replace(
        "disk BKRBKUP 191 size 10 cyl",
        "disk BKRBKUP 191 size 10 cyl on M1PRV1 at 100\n  disk BKRBKUP 191 size 10 cyl on M2PRV1 at 100",
    )
    doc = analyse_document(str(path), text, path=path)

    def hover_on(cursor: str) -> str:
        at = text.index(cursor.replace("|", "")) + cursor.index("|")
        return F.hover(doc, text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1)).markdown

    assert hover_on("shared-volume VMC|OM1").endswith(
        "- disks placed on it with `on`: `BKRSVSFS 191`\n- and with no `on` naming it, as the first shared volume,"
        " of single-configuration machines: `BKRADMIN 191`, `5697J06C 191`, `TCTMM 191`, `TCDMM 191`"
    )
    # VMSYS2's instance of BKRBKUP is on M2PRV1 by its own statement; VMSYS3's by the
    # first statement, which names VMSYS1's volume: on VMSYS3's own, as the allocation places it.
    assert hover_on("private-volume M2P|RV1").endswith(
        "- disks placed on it with `on`: `BKRBKUP 191`\n- and with no `on` naming it, as the first private volume"
        " of `VMSYS2`, of IDENTITY machines' instances there: `BKRCATLG 191`, `BKRWRK* 191`, `TRTMM 191`, `TRDMM 191`"
    )
    assert "there: `BKRBKUP 191`, `BKRCATLG 191`" in hover_on("private-volume M3P|RV1")
    assert "with no `on` naming it" not in hover_on("VMCOM1 VMC|OM2")  # not the first: only what `on` places


def test_volume_labels_go_to_their_declaration_and_list_their_disks():
    doc, line, column = doc_at(VOLUMES, "on VMC|OM1\n  disk BKRADMIN")
    (target,) = F.definition(doc, line, column)
    assert doc.text[target.start : target.end] == "VMCOM1" and target.line == 10
    assert [s.line for s in F.references(doc, line, column, True)] == [10, 11, 12]
    assert [s.line for s in F.references(doc, line, column, False)] == [11, 12]
    assert [(o.span.line, o.definition) for o in F.highlights(doc, line, column)] == [
        (10, True),
        (11, False),
        (12, False),
    ]
    found = F.hover(doc, line, column).markdown
    assert "**VMCOM1**: shared volume of cluster `DEV` (DASD every member reaches), declared line 10" in found
    assert "- disks placed on it with `on`: `BKRSVSFS 191`, `BKRADMIN 191`" in found
    # A private volume: which member owns it, and which disks are on it.
    doc, line, column = doc_at(VOLUMES, "private-volume D1P|RV1")
    found = F.hover(doc, line, column).markdown
    assert "**D1PRV1**: private volume of member `DEV1` (DASD only that member uses), declared line 8" in found
    assert "`BKRBKUP 191`" in found
    assert [s.line for s in F.references(doc, line, column, True)] == [8, 13]
    doc, line, column = doc_at(VOLUMES, "private-volume D2P|RV1")
    assert "- no `disk` statement names it with `on`" in F.hover(doc, line, column).markdown
    # A label is not a name bkrc gives: rename still refuses it, saying what it is.
    with pytest.raises(F.RenameRefused, match="`VMCOM1` here is a volume label"):
        F.prepare_rename(*doc_at(VOLUMES, "on VMC|OM1\n  disk BKRADMIN"))
    # Workspace symbols list names, not volume labels.
    assert not [p for p, _, _ in F._symbols_of(doc) if p.name == "VMCOM1"]


def test_hover_on_a_large_group_lists_its_first_users_and_counts_the_rest():
    users = " ".join(f"LNX{n:03d}" for n in range(1, 1001))
    text = CLUSTER.replace("{ LNX01 LNX02  match LNXAPP* }", "{ " + users + " }")
    doc, line, column = doc_at(text, "single group L|INUX")
    found = F.hover(doc, line, column).markdown
    assert "**LINUX**: single group (1000 users)" in found
    listed = ", ".join(f"`LNX{n:03d}`" for n in range(1, 21))
    assert f"- users: {listed} and 980 more" in found
    assert "LNX021" not in found
    # Twenty or fewer: all of them, nothing more said.
    doc, line, column = doc_at(CLUSTER, "single group L|INUX")
    assert "- users: `LNX01`, `LNX02`\n" in F.hover(doc, line, column).markdown


@pytest.mark.parametrize(
    "cursor,expected",
    [
        ("pur|ge weekly", "**purge** (keyword, in expire): Remove expired backups"),
        ("backup SYSIDS incre|mental", "**incremental** (keyword, in backup):"),
        ("backup LINUX fu|ll", "**full** (keyword, in backup):"),
        ("iden|tity group", "**identity** (keyword, in user, group): IDENTITY users"),
        ("catalog sh|ared", "**shared** (keyword, in catalog, tape):"),
        ("expi|re on DEV1", "**expire** (keyword, in cluster):"),
        ("private-vol|ume D1PRV1", "**private-volume** (keyword, in member):"),
        ("logon-wa|it 5", "**logon-wait** (keyword, in catalog): How long BKRSTART waits"),
        ("pool-w|ait 15", "**pool-wait** (keyword, in catalog): How long BKRSTART then waits"),
    ],
)
def test_hover_on_a_keyword_says_what_it_means(cursor, expected):
    text = CLUSTER.replace("pool BKRPOOL on DEV1", "pool BKRPOOL on DEV1 logon-wait 5 minutes pool-wait 15 minutes")
    doc, line, column = doc_at(text, cursor)
    found = F.hover(doc, line, column)
    assert found is not None and found.markdown.startswith(expected)
    word = next(w for w in cursor.split() if "|" in w).replace("|", "")
    assert doc.text[found.span.start : found.span.end] == word


def test_hover_shows_no_keyword_in_a_comment_a_string_or_a_value():
    text = CLUSTER.replace("  catalog shared", '  description "full"  # a full catalog\n  catalog shared')
    text = text.replace("private-volume D2PRV1", "private-volume FULL")
    for cursor in ('"fu|ll"', "a fu|ll catalog", "private-volume FU|LL"):
        doc, line, column = doc_at(text, cursor)
        found = F.hover(doc, line, column)
        assert found is None or "(keyword" not in found.markdown, cursor
    doc, line, column = doc_at(text, "description|")  # the same words, where they are keywords
    assert F.hover(doc, line, column).markdown.startswith("**description** (keyword")


@pytest.mark.parametrize(
    ("cursor", "said"),
    [
        ("to di|sk pool P", "`to disk`"),  # not only the `disk` statement of a cluster
        ("BKRPOOL o|n DEV1", "catalog server"),  # not only a placement or a disk's volume
        ("run on each mem|ber", "`on each member`"),  # not only a member block
    ],
)
def test_a_keyword_with_two_uses_explains_the_one_under_the_cursor(cursor, said):
    doc, line, column = doc_at(CLUSTER, cursor)
    assert said in F.hover(doc, line, column).markdown


def test_hover_on_a_name_spelled_like_a_keyword_says_what_the_name_is():
    # `backup FULL full` with no group FULL: hover on the name explained the
    # keyword `full` (a full backup), as if the word were one. It says what the
    # word is in that place; the keyword after it is still the keyword.
    text = CLUSTER.replace("backup LINUX full", "backup FULL full").replace(
        "include minidisk * 0191", "include minidisk FULL 0191\n    exclude minidisk LNXAPP07 0192"
    )
    roles = "identity user BKRX role full\nidentity user BKRY role worker\n"
    text = text.replace("single group LINUX", roles + "single group LINUX")
    expected = [
        (
            "backup FU|LL full",
            (
                "**FULL**: the name of a group or a user ID, as `backup` takes it;"
                " no group or user of that name is declared"
            ),
        ),
        ("minidisk FU|LL 0191", "**FULL**: the user ID that owns the minidisks selected; no user of that name"),
        ("minidisk LNXAPP0|7", "**LNXAPP07**: the user ID that owns the minidisks selected, matched by `LNXAPP*`"),
        ("role fu|ll", "**full**: a role, but not one the product defines"),
        ("role work|er", "**worker**: a role, a worker machine"),
        ("backup FULL fu|ll", "**full** (keyword, in backup)"),
    ]
    for cursor, start in expected:
        doc, line, column = doc_at(text, cursor)
        found = F.hover(doc, line, column)
        assert found.markdown.startswith(start), (cursor, found.markdown)
        assert found.markdown.count("(keyword") == (cursor == "backup FULL fu|ll"), (cursor, found.markdown)
        word = cursor.replace("|", "").split()[1]
        assert doc.text[found.span.start : found.span.end].lower() == word.lower(), cursor


def test_a_minidisk_owner_written_as_a_pattern_is_said_to_be_one():
    # `exclude minidisk LNX* 0200-02FF`: hover called the pattern "the user ID that owns
    # the minidisks selected; no user of that name is declared", and rename refused it
    # as "declared nowhere", where `match LNX*` is refused as the pattern it is.
    owners = "include minidisk * 0191\n    exclude minidisk LNX* 0191"
    text = CLUSTER.replace("include minidisk * 0191", owners)
    doc, line, column = doc_at(text, "exclude minidisk LN|X*")
    found = F.hover(doc, line, column)
    said = "**LNX\\***: a pattern of the owners of the minidisks selected: every user ID it matches"
    selects = "- of the users job `LNXFULL` backs up, it selects `LNX01`, `LNX02`, `LNXAPP*`"
    assert found.markdown == f"{said}\n{selects}"
    assert doc.text[found.span.start : found.span.end] == "LNX*"
    with pytest.raises(F.RenameRefused) as refused:
        F.prepare_rename(doc, line, column)
    assert str(refused.value) == (
        "`LNX*` is a pattern: it covers every user it matches, and rename leaves patterns as they are;"
        " edit it by hand"
    )


def test_every_keyword_has_a_meaning_for_hover():
    from bkrdsl.keyword_docs import SUMMARIES
    from bkrdsl.keywords import keywords

    assert sorted(SUMMARIES) == list(keywords())


def test_hover_explains_the_diagnostic_under_the_cursor_and_codes_in_comments():
    text = CLUSTER.replace("run on each member daily 02:00", "run on DEV2 daily 02:00  # see BKR221")
    doc, line, column = doc_at(text, "run on DE|V2 daily 02")
    found = F.hover(doc, line, column)
    assert "**DEV2**: member 2" in found.markdown
    assert "**BKR221** `identity-job-pinned` (error)" in found.markdown
    doc, line, column = doc_at(text, "see BKR2|21")
    assert F.hover(doc, line, column).markdown.startswith("**BKR221**")


def test_hover_on_an_identity_pattern_reads_right_and_shows_its_doc_comment():
    # `identity user BKRWRK* role worker` in std/backup-manager: hover said "is a
    # IDENTITY user" and left out the `##` comment above the declaration.
    text = CLUSTER.replace("  catalog shared", "  disk BKRWRK* 191 size 5 cyl\n  catalog shared")
    doc, line, column = doc_at(text, "disk BKRW|RK*")
    found = F.hover(doc, line, column).markdown
    assert "every user it matches is an IDENTITY user" in found
    assert "The worker machines BKRWRK01, BKRWRK02" in found
    doc, line, column = doc_at(CLUSTER, "match LNXA|PP*")
    assert "every user it matches is a single-configuration user" in F.hover(doc, line, column).markdown
    # The statement that declares a pattern, as written: it said "declared by `user`"
    # and "matched by `BKRWRK*` in `user`" (`group LINUX` for a group's `match`).
    doc, line, column = doc_at(text, "disk BKRW|RK*")
    assert "- declared by `identity user BKRWRK* role worker` (std/backup-manager.bkr:24)" in F.hover(
        doc, line, column
    ).markdown.split("\n")
    doc, line, column = doc_at(CLUSTER, "match LNXA|PP*")
    assert "- declared by `single group LINUX` (line 4)" in F.hover(doc, line, column).markdown.split("\n")
    text = CLUSTER.replace("backup LINUX full", "backup LINUX, LNXAPP07 full").replace(
        "include minidisk TCPIP 0191", "include minidisk BKRWRK01 0191"
    )
    for cursor, expected in [
        ("LNXAPP0|7 full", "- matched by `LNXAPP*` of `single group LINUX` (line 4)"),
        ("minidisk BKRWRK0|1", "- matched by `BKRWRK*` of `identity user BKRWRK* role worker` (std/backup-manager.bkr:24)"),
    ]:
        doc, line, column = doc_at(text, cursor)
        assert expected in F.hover(doc, line, column).markdown.split("\n"), cursor


def test_hover_on_a_group_declared_without_its_kind_says_it_is_not_written():
    # `group APPS { CICSPRD }` (BKR004): the parser's recovery reads it as an identity
    # group, and hover said so ("**APPS**: identity group", CICSPRD "IDENTITY user",
    # "listed in identity group `APPS`"), a kind no one wrote; `backup |` offered them
    # as "identity group" and "identity user". Now: the kind is not written.
    text = CLUSTER.replace("identity group SYSIDS { TCPIP }", "identity group SYSIDS { TCPIP }\ngroup APPS { CICSPRD }\nuser LNXZ")
    text = text.replace("backup LINUX full", "backup LINUX, APPS full")
    not_written = "its kind not written (`single` or `identity` goes first: BKR004)"
    for cursor, expected in [
        ("group AP|PS", [f"**APPS**: group, {not_written} (1 user), declared line 6", "- users: `CICSPRD`"]),
        ("LINUX, AP|PS", [f"**APPS**: group, {not_written} (1 user), declared line 6", "- users: `CICSPRD`"]),
        (
            "{ CICS|PRD }",
            [
                "**CICSPRD**: a user declared without its kind, which decides its directory entry",
                f"- listed in group `APPS`, {not_written} (line 6)",
            ],
        ),
        (
            "user LN|XZ",
            [
                "**LNXZ**: a user declared without its kind, which decides its directory entry",
                "- declared without its kind (`single` or `identity` goes first: BKR004) (line 7)",
            ],
        ),
        ("single group LI|NUX", ["**LINUX**: single group (2 users, 1 pattern), declared line 4"]),  # written: as before
        # A job that backs it up: its names per member depend on the kind written.
        ("job LNXF|ULL", ["**LNXFULL**: full backup of users whose kind is not written (`APPS`: BKR004), runs on DEV1"]),
        ("job SYS|IN", ["**SYSIN**: incremental backup of IDENTITY users, runs on each member", ""]),
    ]:
        doc, line, column = doc_at(text, cursor)
        assert F.hover(doc, line, column).markdown.split("\n")[: len(expected)] == expected, cursor
    # The outline and workspace symbols say so too.
    doc, _, _ = doc_at(text)
    details = {s.name: s.detail for s in F.outline(doc)}
    assert (details["APPS"], details["LNXZ"], details["LINUX"]) == (
        "group, its kind not written",
        "user, its kind not written",
        "single group",
    )
    assert [(p.name, p.detail) for _, p in F.workspace_symbols([doc], "CICSPRD")] == [
        ("CICSPRD", "user, its kind not written")
    ]
    doc, line, column = doc_at(text, "backup LINUX|")  # (over `LINUX`: glued before it, no name reads, h5 stop 69)
    found = {c.label: c.detail for c in F.complete(doc, line, column)}
    assert (found["APPS"], found["CICSPRD"], found["LINUX"]) == (
        "group, its kind not written",
        "user, its kind not written; in group APPS, listed already",  # (`, APPS` after it: h5 stop 70)
        "single group",
    )
    assert "TCPIP" not in found  # (IDENTITY, in LNXFULL on one member with a minidisk include: BKR221, h12 stop 70)


def test_no_hover_on_empty_space():
    doc, line, column = doc_at(CLUSTER, "\n|\n")
    assert F.hover(doc, line, column) is None


# ----------------------------------------------------------------- completion
COMPLETIONS = [
    # (text with a cursor, offered, not offered)
    # A cursor glued to the word after it (`|workers`) offered what goes there as if the
    # word were not there, and the item accepted joined it (`job-suffixworkers 2`). Now
    # an item is written with a blank after it, and only one the words after the cursor
    # still read after: no keyword whose value would be typed between (it would join
    # the word), a name where a list needs its comma with that comma (h11, stop 69:
    # `SYSIDS, LINUX`; tests/test_lsp_features.py, the h5 block: the same places with
    # the words after the cursor away offer as before).
    ("member DEV1 { |workers 2", set(), {"workers", "private-volume", "job-suffix", "exclude", "job", "DEV1"}),
    ("  job LNXFULL {\n    |backup", set(), {"backup", "include", "to", "run", "member", "LINUX"}),  # `include backup`
    # `LNX01, LINUX`; not `SYSIDS,`, IDENTITY beside single `LINUX` (BKR222, h5 stop 70)
    ("backup |LINUX full", {"LNX01,"}, {"LINUX", "LINUX,", "SYSIDS", "SYSIDS,", "full", "BKRBKUP,", "DEV1,"}),
    ("run on |each member daily", set(), {"each", "DEV1", "LINUX"}),  # `DEV1 each member`
    # a job of single-configuration users runs on one member: no `DEV2, DEV1` (BKR220)
    ("run on |DEV1 daily", set(), {"LINUX,", "each", "DEV2", "DEV2,", "DEV1,"}),
    ("run on DEV1 |daily", set(), {"daily", "weekly", "DEV1"}),  # `daily daily`: the time read as `daily`
    # the users, each a blank before `LNX02`; not `match`, which would make it a pattern
    ("{ LNX01 |LNX02", {"BKRADMIN"}, {"match", "LINUX", "DEV1", "LNX01", "LNX02", "TCPIP"}),
    ("purge weekly |sun", {"mon,"}, {"mon", "sun", "sun,", "DEV1,"}),  # `mon, sun`
    ("purge weekly sun |03:00", set(), {"mon", "sun"}),  # the time: a day there is BKR004
    ("    backup LINUX f|ull", set(), {"full", "incremental"}),  # in a word: `full ull`
    ("## Linux| guests.", set(), {"cluster"}),
    ("\n|cluster DEV {", set(), {"cluster", "import", "member"}),  # `import cluster`
]


@pytest.mark.parametrize("cursor,offered,absent", COMPLETIONS, ids=[c[0] for c in COMPLETIONS])
def test_completion(cursor, offered, absent):
    doc, line, column = doc_at(CLUSTER, cursor)
    labels = {c.label for c in F.complete(doc, line, column)}
    assert offered - {","} <= labels
    assert not (absent & labels)


# stop 79, h4: the statements at the start of each block in the order a sysprog writes
# them (examples/*.bkr, `bkrc init`), not the parser's alphabetical order, which put
# `member` 7th in an empty cluster block and `run` before `to` in an empty job.
_H4_BLOCKS = [
    ("", "|", ["import", "cluster", "single", "identity"]),
    ("", "import std/backup-manager\n|", ["import", "cluster", "single", "identity"]),
    (
        "",
        "import std/backup-manager\ncluster DEV {\n  |\n}\n",
        ["member", "shared-volume", "catalog", "expire", "tape", "disk", "link", "single", "identity", "job", "description"],
    ),
    ("", "import std/backup-manager\ncluster DEV {\n  member DEV1 {\n    |\n  }\n}\n",
     ["workers", "private-volume", "job-suffix", "subconfig", "exclude", "description"]),
    ("", "import std/backup-manager\ncluster DEV {\n  member DEV1 { | }\n}\n",
     ["workers", "private-volume", "job-suffix", "subconfig", "exclude", "description"]),
    ("", "import std/backup-manager\ncluster DEV {\n  member DEV1 { workers 2 }\n  job J {\n    |\n  }\n}\n",
     ["backup", "include", "exclude", "to", "run", "description"]),
    ("", "import std/backup-manager\ncluster DEV {\n  member DEV1 { workers 2 }\n  expire on DEV1 {\n    |\n  }\n}\n",
     ["preview", "purge", "retain"]),
]


@pytest.mark.parametrize(("_", "text", "first"), _H4_BLOCKS, ids=["file", "after-import", "cluster", "member", "member-one-line", "job", "expire"])
def test_h4_79_completion_at_the_start_of_each_block_offers_its_statements_in_writing_order(_, text, first):
    at = text.index("|")
    doc, _, _ = doc_at(text.replace("|", "", 1))
    line, column = text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1)
    labels = [c.label for c in F.complete(doc, line, column)]
    assert labels[: len(first)] == first


def test_h4_79_below_a_statement_completion_offers_the_statements_that_follow_it_first():
    head = "import std/backup-manager\ncluster DEV {\n  member DEV1 { workers 2 }\n"
    for body, first in [
        ("  disk BKRBKUP 191 size 10 cyl\n  |\n}\n", ["disk", "link", "single", "identity", "job", "description"]),
        ("  single group G { A }\n  job J { backup G full  to disk  run on DEV1 daily 01:00 }\n  |\n}\n", ["job", "description", "member"]),
        # `to disk`'s `disk` starts no statement in a job: `run` next, not `disk`'s followers
        ("  job J {\n    backup G full\n    include minidisk * 0191\n    to disk\n    |\n  }\n}\n", ["run", "description", "backup"]),
    ]:
        text = head + body
        at = text.index("|")
        doc, _, _ = doc_at(text.replace("|", "", 1))
        line, column = text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1)
        labels = [c.label for c in F.complete(doc, line, column) if c.kind == "keyword"]
        assert labels[: len(first)] == first, body


def test_h4_79_every_statement_keyword_has_its_place_in_the_writing_order():
    from bkrdsl.syntax import lexicon

    assert set(F._STATEMENT_ORDER) == set(lexicon.STATEMENT_KEYWORDS)


def test_completion_in_a_group_body_offers_the_users_that_fit_there():
    # `single group LINUX { LNX01 |` offered every user: `LNX01` again (BKR416), the
    # identity `TCPIP` (BKR203) and the product's IDENTITY machines (BKR201), and, as
    # the first letter of a new ID was typed, that letter itself (`L`: the word
    # being typed declares a user). The users that fit are those of the group's
    # kind, or of none yet, the group does not list already.
    text = CLUSTER.replace("identity group SYSIDS { TCPIP }", "identity group SYSIDS { TCPIP }\nsingle user LNX09")
    doc, line, column = doc_at(text, "{ LNX01 LNX02 | match")
    labels = {c.label for c in F.complete(doc, line, column)}
    assert {"match", "LNX09", "BKRADMIN"} <= labels
    assert not labels & {"LNX01", "LNX02", "TCPIP", "BKRBKUP", "BKRCATLG"}
    typing = text.replace("{ LNX01 LNX02 ", "{ LNX01 LNX02 L ")
    doc, line, column = doc_at(typing, "{ LNX01 LNX02 L|  match")
    labels = {c.label for c in F.complete(doc, line, column)}
    assert "LNX09" in labels and "L" not in labels
    doc, line, column = doc_at(text, "SYSIDS { |TCPIP }")  # identity: not the single users
    labels = {c.label for c in F.complete(doc, line, column)}
    assert {"BKRBKUP", "BKRCATLG"} <= labels
    assert not labels & {"TCPIP", "LNX01", "LNX09", "BKRADMIN"}


def test_completion_of_the_catalog_s_server_offers_no_user_it_cannot_be():
    # `catalog shared server |` offered every user: the product's machines (BKR217)
    # and the IDENTITY users (BKR202) among them; then the guests of single groups,
    # LNX01, whose ID the server would take (BKR208). A `single user` statement of
    # the site's own, no role, is what fits.
    text = CLUSTER.replace("identity group SYSIDS { TCPIP }", "identity group SYSIDS { TCPIP }\nsingle user MYSFS")
    doc, line, column = doc_at(text, "server BKRSVSFS|")
    labels = {c.label for c in F.complete(doc, line, column)}
    assert "MYSFS" in labels
    assert not labels & {"LNX01", "LNX02", "TCPIP", "BKRBKUP", "BKRADMIN", "5697J06C", "BKRCATLG"}
    # A single user the standard library declares is z/VM's own, PMAINT (BKR208 too).
    zvm = text.replace("import std/backup-manager", "import std/backup-manager\nimport std/zvm73")
    doc, line, column = doc_at(zvm, "server BKRSVSFS|")
    labels = {c.label for c in F.complete(doc, line, column)}
    assert "MYSFS" in labels and not labels & {"PMAINT", "MIGMAINT", "MAINT"}


def test_completion_of_a_local_catalog_s_server_offers_identity_users():
    # BKR202 the other way round: one catalog per member needs a server on each,
    # an IDENTITY. `catalog local server |` offered the single-configuration users
    # alone, each one BKR202 there.
    text = CLUSTER.replace("identity group SYSIDS { TCPIP }", "identity group SYSIDS { TCPIP }\nidentity user MYSFS")
    text = text.replace("catalog shared server BKRSVSFS pool BKRPOOL on DEV1", "catalog local server BKRSVSFS pool BKRPOOL")
    doc, line, column = doc_at(text, "server BKRSVSFS|")
    labels = {c.label for c in F.complete(doc, line, column)}
    assert "MYSFS" in labels
    # TCPIP is IDENTITY, but a group's guest: the server would take its ID (BKR208).
    assert not labels & {"TCPIP", "LNX01", "LNX02", "BKRBKUP", "BKRADMIN", "5697J06C", "BKRCATLG"}
    assert {c.detail for c in F.complete(doc, line, column) if c.label == "MYSFS"} == {"identity user"}


def test_completion_leaves_out_what_its_block_or_statement_holds_once_already():
    # `member VMA { workers 2 |` offered `workers` again, `run on DEV1 daily 01:00
    # |` offered `run` and `to` again, and the catalog line, after `server X pool
    # P on DEV1 |`, offered `server`, `pool` and `on`: each a second one, BKR115.
    for cursor, absent, offered in [
        ("member DEV1 { workers 2 | private-volume", {"workers"}, {"private-volume", "job-suffix", "description"}),
        ("run on DEV1 daily 01:00\n|  }", {"run", "to"}, {"backup", "include", "exclude", "description"}),
        ("LNXFULL {|\n    backup LINUX full", set(), {"backup", "run", "to"}),  # `run` comes after the cursor
        ("pool BKRPOOL on DEV1\n|  expire", {"server", "pool", "on", "catalog"}, {"logon-wait", "pool-wait", "job"}),
        ("purge weekly sun 03:00\n|  }", {"purge"}, {"preview", "retain"}),
    ]:
        doc, line, column = doc_at(CLUSTER, cursor)
        labels = {c.label for c in F.complete(doc, line, column)}
        assert offered <= labels and not labels & absent, (cursor, labels)
    text = CLUSTER.replace("member DEV1 { workers 2 ", "member DEV1 { workers 2 }\n  member DEV3 { ")
    doc, line, column = doc_at(text, "member DEV3 { |")  # another member's `workers` is not this one's
    assert "workers" in {c.label for c in F.complete(doc, line, column)}
    # Below a cluster, a second `cluster` (BKR111: one compilation describes one
    # cluster) was offered; above it, it still is (the cursor may be where it moves).
    text = CLUSTER + "\n"
    doc, line, column = doc_at(text, "}\n}\n|\n")
    assert {c.label for c in F.complete(doc, line, column)} == {"import", "single", "identity"}
    doc, line, column = doc_at(text, "}\n|\ncluster DEV {")
    assert "cluster" in {c.label for c in F.complete(doc, line, column)}
    from bkrdsl.pipeline import analyse

    twice = CLUSTER + "cluster DEW {\n  member DEW1 { workers 1 }\n}\n"
    assert "BKR111" in [d.code for d in analyse("dev.bkr", twice.encode()).diagnostics]


#: Each keyword completion leaves out once written (`ONCE_IN_BLOCK`, `ONCE_IN_STATEMENT`):
#: a text of examples/prodssi.bkr and the same text with that keyword's statement or
#: option written twice.
WRITTEN_TWICE = {
    ("cluster", "catalog"): ("  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n",) * 2,
    ("cluster", "tape"): (
        (
            "  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n"
            "                      catalog-dmm TCDMM request-dmm TRDMM\n"
        ),
    ) * 2,
    ("cluster", "description"): ('  description "Production SSI cluster, four members, tape under Tape Manager"\n',) * 2,
    ("member", "workers"): ("member VMSYS1 { workers 4 ", "member VMSYS1 { workers 4  workers 4 "),
    ("member", "job-suffix"): ("member VMSYS1 { workers 4 ", "member VMSYS1 { job-suffix A  job-suffix A  workers 4 "),
    ("member", "description"): ("member VMSYS1 { workers 4 ", 'member VMSYS1 { description "a"  description "a"  workers 4 '),
    ("job", "run"): ("    run on VMSYS2 daily 23:30\n",) * 2,
    ("job", "to"): ("    to disk pool BKUPPOOL\n",) * 2,
    ("job", "description"): ('    description "Nightly incremental of the Linux guests\' CMS disks"\n',) * 2,
    ("expire", "preview"): ("    preview daily 01:00\n",) * 2,
    ("expire", "purge"): ("    purge weekly sun 03:00\n",) * 2,
    ("expire", "retain"): ("    retain 35 days\n",) * 2,
    ("catalog", "server"): ("server BKRSVSFS pool", "server BKRSVSFS server BKRSVSFS pool"),
    ("catalog", "pool"): ("pool BKRPOOL on", "pool BKRPOOL pool BKRPOOL on"),
    ("catalog", "on"): ("BKRPOOL on VMSYS1\n", "BKRPOOL on VMSYS1 on VMSYS1\n"),
    ("catalog", "logon-wait"): ("BKRPOOL on VMSYS1\n", "BKRPOOL on VMSYS1 logon-wait 30 seconds logon-wait 30 seconds\n"),
    ("catalog", "pool-wait"): ("BKRPOOL on VMSYS1\n", "BKRPOOL on VMSYS1 pool-wait 30 seconds pool-wait 30 seconds\n"),
    ("tape", "catalog-node"): ("catalog-node TCTMM on VMSYS1", "catalog-node TCTMM on VMSYS1 catalog-node TCTMM on VMSYS1"),
    ("tape", "request-node"): ("request-node TRTMM\n", "request-node TRTMM request-node TRTMM\n"),
    ("tape", "catalog-dmm"): ("catalog-dmm TCDMM", "catalog-dmm TCDMM catalog-dmm TCDMM"),
    ("tape", "request-dmm"): ("request-dmm TRDMM", "request-dmm TRDMM request-dmm TRDMM"),
}


def test_what_completion_leaves_out_once_written_is_bkr115_written_twice():
    # The tables completion reads are its own copy of BKR115's statements: each
    # keyword they name, written twice, is BKR115 (so completion hides no keyword
    # that may be written again), and each has its case here.
    from bkrdsl.pipeline import analyse

    tables = {**F.ONCE_IN_BLOCK, **F.ONCE_IN_STATEMENT}
    assert set(WRITTEN_TWICE) == {(block, word) for block, words in tables.items() for word in words}
    text = (EXAMPLES / "prodssi.bkr").read_text()
    for (block, word), (once, twice) in WRITTEN_TWICE.items():
        assert once in text, (block, word)
        edited = text.replace(once, once + twice if once == twice else twice, 1)
        codes = [d.code for d in analyse("prodssi.bkr", edited.encode()).diagnostics if d.severity == "error"]
        assert codes == ["BKR115"], (block, word, codes)


def test_completion_after_disk_offers_the_product_s_machines():
    # `disk |` offered every user (`disk LNX01 ...` is BKR332: no product machine)
    # and not `BKRWRK*`, the pattern a worker's `disk` is written with.
    text = CLUSTER.replace("  catalog shared", "  disk \n  catalog shared")
    doc, line, column = doc_at(text, "  disk |\n")
    found = {c.label: c.detail for c in F.complete(doc, line, column)}
    assert found == {
        "BKRWRK*": "a worker machine",
        "BKRBKUP": "the backup server",
        "BKRCATLG": "the catalog server",
        "BKRSVSFS": "the catalog's SFS file pool server",
        "BKRADMIN": "the administrator",
        "5697J06C": "the installation user",
    }


def test_completion_after_disk_offers_the_cluster_s_own_machines_first():
    # `disk |` offered the standard library's machines (`BKRWRK*`, `BKRBKUP`,
    # `BKRCATLG`) before the catalog's SFS server, which the cluster names itself,
    # and the Tape Manager's machines last: the site's own come first now, each
    # part in the model's order (the editor keeps it: the items' `sortText`).
    std = ["BKRWRK*", "BKRBKUP", "BKRCATLG", "BKRADMIN", "5697J06C"]
    text = CLUSTER.replace("  catalog shared", "  disk \n  catalog shared")
    doc, line, column = doc_at(text, "  disk |\n")
    assert [c.label for c in F.complete(doc, line, column)] == ["BKRSVSFS", *std]
    # A worker pattern the site declares itself is its own (declared twice: offered once).
    mine = text.replace("## Linux guests.", "identity user BKRWRK* role worker\n## Linux guests.")
    doc, line, column = doc_at(mine, "  disk |\n")
    assert [c.label for c in F.complete(doc, line, column)] == ["BKRWRK*", "BKRSVSFS", *std[1:]]
    # The shared Tape Manager's machines, which `tape manager` names.
    spread = (EXAMPLES / "spreadssi.bkr").read_text()
    at = spread.index("\n", spread.index("\ncluster ") + 1) + 1
    doc = analyse_document(str(EXAMPLES / "spreadssi.bkr"), spread[:at] + "  disk \n" + spread[at:])
    tape = ["TCTMM", "TRTMM", "TCDMM", "TRDMM"]
    assert [c.label for c in F.complete(doc, spread.count("\n", 0, at), 7)] == ["BKRSVSFS", *tape, *std]


def test_completion_after_disk_offers_the_machines_with_a_disk_last():
    # `disk |` offered the machines whose `disk` the cluster writes already among the
    # others, as if each needed one still. A second `disk` is legal (another address,
    # BKR324), so they are offered, after the others, saying at which address.
    std = ["BKRWRK*", "BKRBKUP", "BKRCATLG", "BKRADMIN", "5697J06C"]
    text = CLUSTER.replace("  catalog shared", "  disk BKRBKUP 191 size 10 cyl\n  disk \n  disk BKRWRK* 191 size 5 cyl\n  catalog shared")
    doc, line, column = doc_at(text, "  disk |\n")
    found = [(c.label, c.detail) for c in F.complete(doc, line, column)]
    assert [label for label, _ in found] == ["BKRSVSFS", "BKRCATLG", "BKRADMIN", "5697J06C", "BKRWRK*", "BKRBKUP"]
    assert found[-1] == ("BKRBKUP", "the backup server; its `disk` 191 written already")
    # The `disk` being typed is not one written already: `disk BKRBKUP|` as it was.
    doc, line, column = doc_at(CLUSTER.replace("  catalog shared", "  disk BKRBKUP\n  catalog shared"), "  disk BKRBKUP|\n")
    assert [c.label for c in F.complete(doc, line, column)] == ["BKRSVSFS", *std]


def test_completion_of_expire_on_offers_one_member_for_a_shared_catalog():
    # `expire on |` offered `each` with a shared catalog, purged from one member only
    # (BKR211: `expire on each member` purges it from every member; a preview-only
    # block there never runs, BKR218), and after `expire on DEV1, |` a second member.
    # The members now, the catalog server's first (where expiry belongs, BKR215);
    # after the `,`, none. A local catalog, one per member, takes `each`.
    text = CLUSTER.replace("pool BKRPOOL on DEV1", "pool BKRPOOL on DEV2")
    doc, line, column = doc_at(text, "expire on DEV1| {")
    found = [(c.label, c.detail) for c in F.complete(doc, line, column)]
    assert found == [("DEV2", "member 2, the catalog server's: expiry belongs there"), ("DEV1", "member 1")]
    comma = text.replace("expire on DEV1 {", "expire on DEV1, {")
    doc, line, column = doc_at(comma, "expire on DEV1, |{")
    assert F.complete(doc, line, column) == []
    local = CLUSTER.replace("catalog shared server BKRSVSFS pool BKRPOOL on DEV1", "catalog local server BKRSVSFS pool BKRPOOL")
    doc, line, column = doc_at(local, "expire on DEV1| {")
    assert [c.label for c in F.complete(doc, line, column)] == ["each", "DEV1", "DEV2"]
    doc, line, column = doc_at(CLUSTER, "run on each| member daily 02:00")  # an IDENTITY job's keeps `each`
    assert "each" in {c.label for c in F.complete(doc, line, column)}


def test_completion_of_expire_on_beside_a_block_that_purges():
    # A member's expiry split over two blocks, the purge in one, a preview in the other
    # (language.md): `expire on |` of the preview's block offered the catalog server's
    # member first ("expiry belongs there") though another block purges on the other
    # member, where alone the preview runs (BKR218). Now the purging member first, the
    # others saying a preview there never runs; for a second purging block, the member
    # that purges already last (BKR211).
    shared = CLUSTER.replace("pool BKRPOOL on DEV1", "pool BKRPOOL on DEV2")
    preview = "  expire on DEV1 {\n    preview daily 05:00\n  }\n  job LNXFULL {"
    text = shared.replace("  job LNXFULL {", preview)
    doc, line, column = doc_at(text, "expire on DEV1| {\n    preview")
    assert [(c.label, c.detail) for c in F.complete(doc, line, column)] == [
        ("DEV1", "member 1; purges in the `expire` block at line 11: a preview runs there"),
        ("DEV2", "member 2, the catalog server's; purges nothing: a preview there never runs (BKR218)"),
    ]
    local = CLUSTER.replace("catalog shared", "catalog local")
    text = local.replace("  job LNXFULL {", preview.replace("preview", "purge"))
    doc, line, column = doc_at(text, "expire on DEV1| {\n    purge")
    assert [(c.label, c.detail) for c in F.complete(doc, line, column)] == [
        ("each", ""),
        ("DEV2", "member 2"),
        ("DEV1", "member 1; purges already in the `expire` block at line 14 (BKR211)"),
    ]
    # Its body not written yet: as before.
    text = shared.replace("  job LNXFULL {", "  expire on \n  job LNXFULL {")
    doc, line, column = doc_at(text, "expire on |\n")
    assert [c.label for c in F.complete(doc, line, column)] == ["DEV2", "DEV1"]


def test_completion_of_run_on_offers_one_member_for_a_single_configuration_job():
    # `run on |` in a job of single-configuration users offered `each`, and after
    # `run on DEV1, |` another member: BKR220, their minidisks being on DASD every
    # member shares, backed up once from one member. Its members now, none after `,`.
    doc, line, column = doc_at(CLUSTER, "run on DEV1| daily 01:00")  # LNXFULL backs up LINUX, single
    assert [c.label for c in F.complete(doc, line, column)] == ["DEV1", "DEV2"]
    comma = CLUSTER.replace("run on DEV1 daily 01:00", "run on DEV1, daily 01:00")
    doc, line, column = doc_at(comma, "run on DEV1, daily| 01:00")
    assert F.complete(doc, line, column) == []
    from bkrdsl.pipeline import analyse

    each = CLUSTER.replace("run on DEV1 daily 01:00", "run on each member daily 01:00")
    assert "BKR220" in [d.code for d in analyse("dev.bkr", each.encode()).diagnostics]


def test_completion_in_a_group_declared_without_its_kind():
    # `group APPS |` (BKR004: the kind goes first) offered the body of the group above
    # it, reopened: `match` and its single users, as if `APPS` were one of them; `group
    # APPS { |` the same. Now the head is offered with its kind, `single group APPS` and
    # `identity group APPS` written over what is typed (as for `group |`), and the body
    # the users of either kind, not those it lists, as the kind is not written yet.
    text = CLUSTER.replace("identity group SYSIDS { TCPIP }", "identity group SYSIDS { TCPIP }\ngroup APPS ")
    doc, line, column = doc_at(text, "group APPS |")
    found = [(c.label, c.text, c.filter, c.start) for c in F.complete(doc, line, column)]
    at = text.index("group APPS ")
    assert found == [
        ("single group APPS", "single group APPS ", "group APPS ", at),
        ("identity group APPS", "identity group APPS ", "group APPS ", at),
    ]
    doc, line, column = doc_at(text.replace("group APPS ", "group APP"), "group APP|")  # its name being typed
    assert [c.label for c in F.complete(doc, line, column)] == ["single group APP", "identity group APP"]
    body = text.replace("group APPS ", "group APPS { LNX01  }")
    doc, line, column = doc_at(body, "{ LNX01 | }")
    labels = [c.label for c in F.complete(doc, line, column)]
    assert labels[0] == "match" and {"LNX02", "TCPIP", "BKRBKUP", "BKRADMIN"} <= set(labels)
    assert "LNX01" not in labels
    doc, line, column = doc_at(body.replace("LNX01  }", "LNX01 match }"), "LNX01 match |}")
    assert F.complete(doc, line, column) == []  # a pattern goes there
    # In a job, `group` starts no group: the job's keywords, as before.
    job = CLUSTER.replace("    backup LINUX full", "    group X \n    backup LINUX full")
    doc, line, column = doc_at(job, "group X |")
    assert not any("group" in c.label for c in F.complete(doc, line, column))


def _kinds_offered(text: str, cursor: str, directory=None) -> list[tuple[str, str]]:
    if directory is None:
        doc, line, column = doc_at(text, cursor)
    else:
        from bkrdsl.cpdirectory import read_directory

        doc = analyse_document("/ws/dev.bkr", text, directory=read_directory("USER.DIRECT", directory.encode()))
        _, line, column = doc_at(text, cursor)
    return [(c.label, c.detail) for c in F.complete(doc, line, column)]


def test_the_kind_a_kindless_declaration_s_users_are_declared_with_comes_first():
    # `group APPS | { TCPIP }` offered `single group APPS` first, though TCPIP is
    # declared identity above (`single` would be BKR203); so `user LNX01 |` offered
    # `single user` and `identity user` in that order whatever LNX01 is, and `user` alone
    # first on a line nothing. Now the kind the users are declared with elsewhere (or
    # the site's directory gives them) first, its detail saying why.
    text = CLUSTER.replace("identity group SYSIDS { TCPIP }", "identity group SYSIDS { TCPIP }\ngroup APPS  { TCPIP }")
    assert _kinds_offered(text, "group APPS | {") == [
        ("identity group APPS", "a group of IDENTITY users: `TCPIP` is declared identity (line 5)"),
        ("single group APPS", "a group of single-configuration users"),
    ]
    assert [k for k, _ in _kinds_offered(text, "group| APPS")] == ["identity group", "single group"]
    single = text.replace("{ TCPIP }\n", "{ TCPIP }\nuser LNX02 \n", 1).replace("group APPS  { TCPIP }", "")
    assert _kinds_offered(single, "user LNX02 |") == [
        ("single user LNX02", "a single-configuration user: `LNX02` is declared single (line 4)"),
        ("identity user LNX02", "an IDENTITY user"),
    ]
    # Of both kinds, or declared nowhere else: the order as it was, no reason given.
    mixed = text.replace("group APPS  { TCPIP }", "group APPS  { TCPIP LNX01 }")
    assert _kinds_offered(mixed, "group APPS | {") == [
        ("single group APPS", "a group of single-configuration users"),
        ("identity group APPS", "a group of IDENTITY users"),
    ]
    unknown = text.replace("group APPS  { TCPIP }", "group APPS  { CICSPRD }")
    assert [k for k, _ in _kinds_offered(unknown, "group APPS | {")] == ["single group APPS", "identity group APPS"]
    # The site's directory says for those declared nowhere else.
    site = "IDENTITY CICSPRD PW 64M 128M G\n BUILD ON DEV1 USING SUBCONFIG CICSPR1\nSUBCONFIG CICSPR1\n"
    assert _kinds_offered(unknown, "group APPS | {", directory=site)[0] == (
        "identity group APPS",
        "a group of IDENTITY users: `CICSPRD` is an IDENTITY entry of the site's directory",
    )


def test_completion_below_a_statement_cut_short_where_the_lexer_expects_a_keyword():
    # `single grop X { A }` (after `single`, the lexer takes `group` or `user` only):
    # every line below was skipped, so `backup |` in a job further down offered
    # `group` and `user`, what follows `single`. The next line's keyword starts the
    # next statement, as after `disk BKRBKUP` (the test above). And `single group { A }`,
    # its name left out, offered a group `` (the name the recovery assumed): no item.
    text = (EXAMPLES / "prodssi.bkr").read_text()
    anchor = "  identity group SYSIDS { TCPIP FTPSERVE }\n"
    for slip in ("  single grop X { A }\n", "  identity-group X { A }\n", "  single group { A }\n"):
        slipped = text.replace(anchor, anchor + slip)
        doc, line, column = doc_at(slipped, "    backup SYSIDS| incremental")
        labels = [c.label for c in F.complete(doc, line, column)]
        # (SYSIN runs on each member: its IDENTITY names, not LINUX nor APPS, BKR220, h12 stop 70)
        assert {"SYSIDS", "TCPIP"} <= set(labels) and not {"group", "user", "", "LINUX", "APPS"} & set(labels), slip
        doc, line, column = doc_at(slipped, "  job SYSIN {|\n    description")  # (glued before it: h5 stop 69)
        assert {"backup", "description", "run"} <= {c.label for c in F.complete(doc, line, column)}, slip


def test_completion_after_a_day_of_weekly_offers_days_only_after_a_comma():
    # `weekly sun |` offered the days again, as after `weekly |`: the time goes there
    # (`weekly sun mon 03:00` is BKR004, "`mon` was read as the time"); after
    # `weekly sun,` the next day does.
    text = CLUSTER.replace("purge weekly sun 03:00", "purge weekly sun, 03:00")
    doc, line, column = doc_at(text, "purge weekly sun, |03:00")
    assert {"mon", "sat"} <= {c.label for c in F.complete(doc, line, column)}
    doc, line, column = doc_at(CLUSTER, "purge weekly sun |03:00")
    assert F.complete(doc, line, column) == []


def test_completion_of_a_list_leaves_out_the_names_it_holds_already():
    # `backup LINUX, |` offered `LINUX` again (BKR412), `run on DEV1, |` offered
    # `DEV1` again (BKR115), `weekly sun, |` offered `sun` again (BKR416): a list
    # offers the names it does not hold yet, as a group body does.
    cases = [
        # (not `SYSIDS` nor `TCPIP`, IDENTITY beside single `LINUX`: BKR222, h5 stop 70)
        ("backup LINUX full", "backup LINUX, |", {"LINUX", "SYSIDS", "TCPIP"}, {"LNX01"}),
        ("run on each member daily 02:00", "run on DEV1, |", {"DEV1"}, {"DEV2"}),  # SYSIN: IDENTITY
        ("purge weekly sun 03:00", "purge weekly sun, |", {"sun"}, {"mon", "sat"}),
        ("purge weekly sun 03:00", "purge weekly SUN,mon, |", {"sun", "mon"}, {"tue", "sat"}),
    ]
    for old, cursor, written, offered in cases:
        # (at the line's end: glued before `full`, read as a third name, `SYSIDS` would
        # make it the level, h5 stop 69)
        text = CLUSTER.replace(old, cursor.replace("|", ""))
        doc, line, column = doc_at(text, cursor)
        labels = {c.label for c in F.complete(doc, line, column)}
        assert offered <= labels and not (written & labels), cursor


def test_completion_of_the_nth_weekday_of_the_month():
    """`monthly |`: the ordinals; `monthly first |`: the days of the week, not a member."""
    text = CLUSTER.replace("purge weekly sun 03:00", "purge monthly first sun 03:00")
    doc, line, column = doc_at(text, "purge monthly first|")
    labels = {c.label for c in F.complete(doc, line, column)}
    assert {"first", "second", "third", "fourth", "last"} <= labels
    doc, line, column = doc_at(text, "purge monthly first sun|")
    labels = {c.label for c in F.complete(doc, line, column)}
    assert {"mon", "sun"} <= labels and "DEV1" not in labels and "first" not in labels


def test_completion_and_hover_of_the_month_s_last_day():
    """`monthly |`: `last-day` beside the ordinals (its hover said nothing, and
    `int('LAST-DAY')` failed where it says when the schedule is due)."""
    text = CLUSTER.replace("purge weekly sun 03:00", "purge monthly last-day 03:00")
    # (at the line's end: glued before `last-day`, or before `03:00`, an ordinal reads
    # no time, h5 stop 69)
    doc, line, column = doc_at(text.replace("monthly last-day 03:00", "monthly "), "purge monthly |\n")
    labels = {c.label for c in F.complete(doc, line, column)}
    assert {"last-day", "first", "last"} <= labels and "DEV1" not in labels
    _hovers(
        text,
        [("monthly last-d|ay", [("**03:00 monthly last-day**: the catalog's purge (`EXPIRE`) is due on the last day"
                                " of every month (the 28th, 29th, 30th or 31st) at 03:00")])],
    )


def test_completion_of_roles_and_after_an_earlier_mistake():
    text = "cluster X { member M { workers } }\nidentity user BKRX role "
    doc = analyse_document("/ws/x.bkr", text)
    assert any(d.code.startswith("BKR0") for d in doc.diagnostics)
    labels = {c.label for c in F.complete(doc, 1, len("identity user BKRX role "))}
    assert {"backup-server", "worker", "admin"} <= labels


def test_completion_of_a_disk_pool_and_a_size_unit():
    # `to disk pool |` offered nothing, where the pools the other jobs back up
    # to are what a site writes again; `size 10 |` offered nothing either.
    text = CLUSTER.replace("  catalog shared", "  disk BKRBKUP 191 size 10 cyl\n  catalog shared")
    text = text.replace("to disk pool P\n    run on DEV1", "to disk pool LNXPOOL\n    run on DEV1")
    doc, line, column = doc_at(text, "to disk pool P|\n")
    assert {c.label for c in F.complete(doc, line, column)} == {"LNXPOOL"}  # not the word typed
    doc, line, column = doc_at(text, "to disk pool LNXPOOL|")
    assert {c.label for c in F.complete(doc, line, column)} == {"P"}
    doc, line, column = doc_at(text, "size 10 cyl|")
    assert {c.label for c in F.complete(doc, line, column)} == {"blk", "cyl"}
    doc, line, column = doc_at(text, "server BKRSVSFS pool BKRPOOL|")  # the catalog's SFS file pool
    assert {c.label for c in F.complete(doc, line, column)} == set()


def test_completion_of_a_pool_offers_the_pools_of_that_medium():
    # `to disk pool |` offered the tape pools the jobs back up to as disk pools, and
    # `to tape pool |` offered nothing: each offers the pools of its own medium.
    text = CLUSTER.replace("to disk pool P\n    run on DEV1", "to tape pool TPOOL\n    run on DEV1")
    text = text.replace("to disk pool P\n    run on each", "to disk pool DPOOL\n    run on each")
    text = text.replace("  job SYSIN {", "  job THIRD {\n    to disk pool D\n  }\n  job FOURTH {\n    to tape pool T\n  }\n  job SYSIN {")
    doc, line, column = doc_at(text, "to disk pool D|\n")
    assert [(c.label, c.detail) for c in F.complete(doc, line, column)] == [("DPOOL", "disk pool")]
    doc, line, column = doc_at(text, "to tape pool T|\n")
    assert [(c.label, c.detail) for c in F.complete(doc, line, column)] == [("TPOOL", "tape pool")]


def test_completion_after_an_sfs_path_s_colon_offers_the_file_spaces_of_the_job_s_users():
    # `include sfs BKRPOOL:|` offered the pools again (`BKRPOOL:`), where the user
    # part goes: the users the job backs up by name, to which an include is narrowed.
    text = CLUSTER.replace("include minidisk * 0191\n", "include minidisk * 0191\n    include sfs BKRPOOL:\n")
    text = text.replace("member DEV1 { workers 2 ", "member DEV1 { workers 2  exclude sfs bkrpool:L ")
    doc, line, column = doc_at(text, "include sfs BKRPOOL:|\n")
    found = [(c.label, c.detail) for c in F.complete(doc, line, column)]
    assert found == [("BKRPOOL:LNX01", "file space of a user of LNXFULL"), ("BKRPOOL:LNX02", "file space of a user of LNXFULL")]
    doc, line, column = doc_at(text, "exclude sfs bkrpool:L|")  # a member's exclude: its single-configuration jobs'
    assert [c.label for c in F.complete(doc, line, column)] == ["BKRPOOL:LNX01", "BKRPOOL:LNX02"]
    # before the colon: the pools (on a line of its own: glued before a word, an item is
    # written with a blank, h5 stop 69)
    doc, line, column = doc_at(text.replace("include sfs BKRPOOL:\n", "include sfs \n"), "    include sfs |\n")
    assert [c.label for c in F.complete(doc, line, column)] == ["BKRPOOL:"]


def test_completion_after_a_disk_s_on_offers_the_volume_labels_not_the_members():
    # `disk BKRBKUP 191 size 10 cyl on |` offered the members, as `run on |` does: a
    # disk goes on a volume (a member's name there is BKR333), and the labels were
    # not offered.
    text = VOLUMES.replace("size 10 cyl on D1PRV1", "size 10 cyl on DEV1")
    doc, line, column = doc_at(text, "size 10 cyl on DEV1|")
    found = [(c.label, c.detail) for c in F.complete(doc, line, column)]
    assert found == [
        ("VMCOM1", "shared volume"),
        ("D1PRV1", "private volume of DEV1"),
        ("D2PRV1", "private volume of DEV2"),
    ]
    doc, line, column = doc_at(text, "run on DEV1|")  # a job's `on`: the members
    assert {c.label for c in F.complete(doc, line, column)} >= {"DEV1", "DEV2"}


def test_completion_offers_no_user_where_a_minidisk_address_goes():
    # `include minidisk TCPIP |`, `disk BKRBKUP |` and after an address offered the
    # users again, as for the owner: an address goes there (the parser takes a
    # name-like word, and the keyword before said "user" however many came after it).
    owner = CLUSTER.replace("include minidisk TCPIP 0191", "include minidisk TCPIP ")
    disk = CLUSTER.replace("  catalog shared", "  disk BKRBKUP \n  catalog shared")
    for text, cursor in ((owner, "include minidisk TCPIP |"), (disk, "disk BKRBKUP |")):
        doc, line, column = doc_at(text, cursor)
        assert F.complete(doc, line, column) == [], cursor
    doc, line, column = doc_at(CLUSTER, "include minidisk TCPIP 0191|\n")
    assert "TCPIP" not in {c.label for c in F.complete(doc, line, column)}
    for cursor in ("include minidisk TCPIP|", "include minidisk TCPIP|"):  # the owner: the users
        doc, line, column = doc_at(CLUSTER, cursor)
        assert "TCPIP" in {c.label for c in F.complete(doc, line, column)}, cursor


def test_completion_of_a_minidisk_owner_offers_the_star_first():
    # `include minidisk |` offered the users and not `*`, the owner most written
    # (`include minidisk * 0191`: every user the job backs up).
    text = CLUSTER.replace("include minidisk TCPIP 0191", "include minidisk ")
    doc, line, column = doc_at(text, "include minidisk |\n")
    found = F.complete(doc, line, column)
    assert (found[0].label, found[0].detail) == ("*", "every user backed up")
    assert "TCPIP" in {c.label for c in found}
    member = CLUSTER.replace("workers 2  private-volume D1PRV1 }", "workers 2  private-volume D1PRV1\n    exclude minidisk \n  }")
    doc, line, column = doc_at(member, "exclude minidisk |\n")
    assert F.complete(doc, line, column)[0].label == "*"


def test_completion_below_a_statement_left_unfinished():
    # `disk BKRBKUP` alone on its line (BKR010: no address): completion read the next
    # line's `catalog` as the address, then skipped every token after it, and offered
    # `size` alone everywhere below. A keyword that starts a line in the middle of a
    # statement starts the next one, as `bkrc check` reads it.
    text = CLUSTER.replace("  catalog shared", "  disk BKRBKUP\n  catalog shared")
    doc, _, _ = doc_at(text)
    assert [d.code for d in doc.diagnostics] == ["BKR010"]
    for cursor, offered in [
        ("include minidisk TCPIP|", {"*", "TCPIP"}),
        ("backup SYSIDS|", {"TCPIP", "SYSIDS"}),  # (on each member: IDENTITY names only, h12 stop 70)
        # (on a blank line: glued before `to`, `include to` reads no better, h5 stop 69)
        ("TCPIP 0191\n    |\n    to disk pool P\n    run on each", {"backup", "include", "run", "to"}),
        ("run on each|", {"each"}),  # (over `each`, before `member`: a member does not read, h5 stop 69)
    ]:
        doc, line, column = doc_at(text.replace("TCPIP 0191\n", "TCPIP 0191\n    \n"), cursor)
        labels = {c.label for c in F.complete(doc, line, column)}
        assert offered <= labels and "size" not in labels, (cursor, labels)


def test_a_minidisk_owner_is_offered_among_the_users_its_block_backs_up():
    # A selection's owner was offered every user of the files (z/VM's MAINT, the product's
    # machines), each BKR406 there but those the job backs up. Now `*`, the job's users
    # and its groups' patterns; in a member block, those of its single-configuration jobs.
    doc, line, column = doc_at(CLUSTER, "include minidisk *| 0191")
    assert [c.label for c in F.complete(doc, line, column)] == ["*", "LNX01", "LNX02", "LNXAPP*"]
    text = CLUSTER.replace("private-volume D1PRV1 }", "private-volume D1PRV1  exclude minidisk LNX01 0192 }")
    doc, line, column = doc_at(text, "exclude minidisk LNX01|")
    assert [c.label for c in F.complete(doc, line, column)] == ["*", "LNX01", "LNX02", "LNXAPP*"]


def test_completion_of_a_wait_s_unit_and_of_the_waits_on_the_catalog_line():
    # `logon-wait 5 |` offers the units BKRSTART's waits take; after the catalog's
    # options, the two waits are among the keywords that fit
    text = CLUSTER.replace("pool BKRPOOL on DEV1", "pool BKRPOOL on DEV1 logon-wait 5 minutes pool-wait 15 min")
    doc, line, column = doc_at(text, "logon-wait 5 minutes|")
    assert {c.label for c in F.complete(doc, line, column)} == {"minutes", "seconds"}
    doc, line, column = doc_at(text, "pool-wait 15 min|")
    assert {c.label for c in F.complete(doc, line, column)} == {"minutes", "seconds"}
    doc, line, column = doc_at(text, "pool BKRPOOL on DEV1 logon-wait|")
    # (not `pool-wait`, which the rest of the line says already: BKR115, h5 stop 69)
    labels = {c.label for c in F.complete(doc, line, column)}
    assert "logon-wait" in labels and "pool-wait" not in labels
    doc, line, column = doc_at(CLUSTER.replace("on DEV1\n", "on DEV1 \n"), "pool BKRPOOL on DEV1 |")
    assert {"logon-wait", "pool-wait"} <= {c.label for c in F.complete(doc, line, column)}


def test_completion_of_an_sfs_path_offers_the_file_pools_the_cluster_names():
    # `include sfs |` and the catalog's `pool |` offered nothing: the file pools
    # are the catalog's and those the other SFS paths name, each written with
    # its colon in a path. Not the word being typed, nor a pool of `to tape pool`.
    text = CLUSTER.replace(
        "include minidisk * 0191\n",
        "include minidisk * 0191\n    include sfs BKRPOOL:LNX01.*\n    exclude sfs VMSYSU:LNX02.*\n",
    )
    # (a line of its own, nothing typed: glued to `BKRPOOL:`, a pool before it would be
    # a path of its own, h5 stop 69)
    doc, line, column = doc_at(text.replace("    include sfs BKRPOOL:LNX01.*\n", "    include sfs \n"), "    include sfs |\n")
    found = {(c.label, c.detail) for c in F.complete(doc, line, column)}
    assert found == {("BKRPOOL:", "the catalog's file pool"), ("VMSYSU:", "file pool of an SFS selection")}
    doc, line, column = doc_at(text.replace("sfs VMSYSU:LNX02.*", "sfs VMS"), "    exclude sfs VMS|")
    assert {c.label for c in F.complete(doc, line, column) if c.kind == "value"} == {"BKRPOOL:"}
    doc, line, column = doc_at(text, "server BKRSVSFS pool BKRPOOL|")  # BKRPOOL: from the include's path
    assert {c.label for c in F.complete(doc, line, column)} == {"BKRPOOL", "VMSYSU"}
    doc, line, column = doc_at(text.replace("sfs BKRPOOL:", "sfs VMSYSU:"), "server BKRSVSFS pool BKRPOOL|")
    assert {c.label for c in F.complete(doc, line, column)} == {"VMSYSU"}
    text = text.replace("to disk pool P\n    run on DEV1", "to tape pool \n    run on DEV1")
    doc, line, column = doc_at(text, "to tape pool |")  # a tape pool: no other job names one
    assert {c.label for c in F.complete(doc, line, column)} == set()


def test_a_line_after_an_sfs_selection_is_offered_the_statements_only():
    # At the start of the line below `include sfs BKRPOOL:LNX01.*`, the job's
    # statements came with the file pools among them (`BKRPOOL:`): a path list runs on
    # over line breaks, but a new line is where a statement starts, as below a minidisk
    # selection's addresses. The pools still after `sfs` and on the path's line.
    text = CLUSTER.replace("include minidisk * 0191\n", "include minidisk * 0191\n    include sfs BKRPOOL:LNX01.*\n    \n")
    typed = text.replace("LNX01.*\n    \n", "LNX01.* \n    t\n")
    doc, line, column = doc_at(typed, "LNX01.* \n    t|\n")  # a word begun at the line's start
    found = [(c.label, c.kind) for c in F.complete(doc, line, column)]
    assert ("BKRPOOL:", "value") not in found and ("include", "keyword") in found
    doc, line, column = doc_at(typed, "LNX01.* |\n")  # on the path's line: another path
    assert ("BKRPOOL:", "value") in [(c.label, c.kind) for c in F.complete(doc, line, column)]
    doc, line, column = doc_at(text, "LNX01.*\n    |\n")
    assert [c.kind for c in F.complete(doc, line, column)] == ["keyword"] * 6


def test_the_options_of_the_statement_come_first_on_its_line_the_statements_below():
    # `catalog shared server BKRSVSFS |` offered the catalog's options among the
    # cluster's statements in one alphabetical list (`description disk expire identity
    # job logon-wait member on pool ...`), and the line below `disk BKRBKUP 191 size 10
    # cyl` offered `on` among the statements. Now the statement's options first on its
    # own line, and the statements first at the start of the next (an option goes on
    # a deeper line there, as `tape manager`'s DMMs do).
    text = CLUSTER.replace("pool BKRPOOL on DEV1", "pool BKRPOOL on DEV1\n  disk BKRBKUP 191 size 10 cyl\n  ")
    # (at the line's end: glued before `pool`, `on pool BKRPOOL` reads no better, h5 stop 69)
    doc, line, column = doc_at(text.replace("BKRSVSFS pool BKRPOOL on DEV1", "BKRSVSFS "), "server BKRSVSFS |\n")
    labels = [c.label for c in F.complete(doc, line, column)]
    # (no statement after them while the catalog names no pool, BKR212: stop 74, h8)
    assert labels == ["pool", "on", "logon-wait", "pool-wait"]
    doc, line, column = doc_at(text.replace("BKRSVSFS pool BKRPOOL on DEV1", "BKRSVSFS pool BKRPOOL "), "BKRPOOL |\n")
    labels = [c.label for c in F.complete(doc, line, column)]
    assert labels[:3] == ["on", "logon-wait", "pool-wait"] and "description" in labels[3:]
    doc, line, column = doc_at(text, "size 10 cyl\n  |")
    labels = [c.label for c in F.complete(doc, line, column)]
    # (the statements from `disk`'s place on first, stop 79 h4: `description` was, alphabetically)
    assert labels[-1] == "on" and labels[:6] == ["disk", "link", "single", "identity", "job", "description"]
    deeper = text.replace("size 10 cyl\n  ", "size 10 cyl\n       ")
    doc, line, column = doc_at(deeper, "size 10 cyl\n       |")
    assert next(c.label for c in F.complete(doc, line, column)) == "on"


def test_a_keyword_being_typed_is_offered_and_diagnosed_as_one():
    # Stop 40's editor journey: `backup LINUX f`, on its way to `full`, was "a `,` is
    # missing between `LINUX` and `f`", its quick fix `LINUX, f`, until `ful`; `ex`
    # under a minidisk selection, on its way to `exclude`, was one more address (BKR310).
    for before, typed, word in [
        ("backup LINUX full", "backup LINUX f", "full"),
        ("backup LINUX full", "backup LINUX in", "incremental"),
        ("include minidisk * 0191\n", "include minidisk * 0191\n    ex\n", "exclude"),
    ]:
        text = CLUSTER.replace(before, typed)
        doc, line, column = doc_at(text, typed.rstrip("\n") + "|")
        assert word in {c.label for c in F.complete(doc, line, column)}, typed
        said = [(d.code, d.message) for d in doc.diagnostics if d.code < "BKR2"]
        assert said and all(code == "BKR012" and "`,`" not in message for code, message in said), said
    doc, _, _ = doc_at(CLUSTER.replace("backup LINUX full", "backup LINUX f"))
    (d,) = [d for d in doc.diagnostics if d.code == "BKR012"]
    assert d.fix.title == "Write `full`"


def test_completion_replaces_the_word_typed_so_far():
    # (`fu|ll`, in a word, now offers nothing, which would leave `ll` a word: h5 stop 69)
    doc, line, column = doc_at(CLUSTER.replace("LINUX full", "LINUX fu"), "    backup LINUX fu|")
    item = next(c for c in F.complete(doc, line, column) if c.label == "full")
    assert doc.text[item.start : item.end] == "fu"


def _large_cluster(users: int = 1_000, groups: int = 10) -> str:
    """A cluster whose groups list `users` users in all (ten a line)."""
    per = users // groups
    text = "cluster BIG {\n  member BIG1 { workers 1 }\n"
    for g in range(groups):
        ids = [f"LNX{g * per + n:05d}" for n in range(per)]
        lines = "\n".join("    " + " ".join(ids[i : i + 10]) for i in range(0, per, 10))
        text += f"  single group G{g:03d} {{\n{lines}\n  }}\n"
    return text + "  job FULL {\n    backup G000\n    include minidisk * *\n    run on BIG1 daily 01:00\n  }\n}\n"


def test_completion_of_many_names_is_capped_and_ranked_by_the_word_typed():
    # A group body of a 10,000-user cluster answered with 10,000 items at each
    # keystroke, most of a second to build, send and read. Past
    # MAX_COMPLETION_ITEMS the answer is incomplete (the editor asks again as
    # the word grows) and holds the names that best match the word typed.
    text = _large_cluster()
    # (after `backup `, nothing typed: glued to `G000`, a name would need a `,`, h5 stop 69)
    doc, line, column = doc_at(text.replace("backup G000\n", "backup \n"), "    backup |\n")
    every = F.complete(doc, line, column)  # not capped
    assert len(every) > F.MAX_COMPLETION_ITEMS
    found = F.completions(doc, line, column)
    assert found.incomplete and len(found.items) == F.MAX_COMPLETION_ITEMS
    assert [c.label for c in found.items] == [c.label for c in every][: F.MAX_COMPLETION_ITEMS]
    # `backup LNX004|`: the same name first, then those that start with the word.
    doc, line, column = doc_at(text.replace("backup G000", "backup LNX004"), "    backup LNX004|")
    found = F.completions(doc, line, column)
    labels = [c.label for c in found.items]
    assert found.incomplete and len(labels) == F.MAX_COMPLETION_ITEMS
    assert labels[:100] == [f"LNX004{n:02d}" for n in range(100)]
    # Then those that hold its letters in order (`LNX00004`), as an editor matches.
    assert labels[100:102] == ["LNX00004", "LNX00014"]
    assert {(c.start, c.end) for c in found.items} == {(doc.offset(line, column) - 6, doc.offset(line, column))}
    # The same name first: `G00` is a group here.
    doc, line, column = doc_at(text.replace("G009", "G00").replace("backup G000", "backup G00"), "backup G00|")
    labels = [c.label for c in F.completions(doc, line, column).items]
    assert labels[:3] == ["G00", "G000", "G001"]
    # Few enough: every item, complete, for the editor to filter.
    doc, line, column = doc_at(CLUSTER, "backup LINUX| full")
    found = F.completions(doc, line, column)
    assert not found.incomplete and [c.label for c in found.items] == [c.label for c in F.complete(doc, line, column)]


def test_completion_reads_the_blocks_closed_before_the_cursor_as_empty(monkeypatch):
    # The parser read the whole text before the cursor at each completion: in a
    # 10,000-user cluster, every user of every group above it. What may come
    # next is the same after an empty block, so it reads those blocks empty, and
    # their names are worked out once per analysis.
    text = _large_cluster()
    doc, line, column = doc_at(text, "    backup |G000")
    read: list[str] = []
    parser_read = F.parser_read
    monkeypatch.setattr(F, "parser_read", lambda prefix: read.append(prefix) or parser_read(prefix))
    made = []
    names_for = F._names_for
    monkeypatch.setattr(F, "_names_for", lambda *a: made.append(a[1]) or names_for(*a))
    F.completions(doc, line, column)
    F.completions(doc, line, column)
    assert "LNX" not in read[0] and "single group G009 { }" in read[0] and read[0].endswith("    backup ")
    assert made == ["backup"]  # the second asked the analysis's list again
    # In the group being written, the lines of users above the cursor's are
    # passed over too (after a `match` at a line's end, whose pattern is on the
    # next, they are not).
    doc, line, column = doc_at(text, "LNX00990 |LNX00991")
    F.completions(doc, line, column)
    assert read[-1].endswith("single group G009 {\n    LNX00990 ") and "LNX00980" not in read[-1]
    matched = text.replace("LNX00989\n", "LNX00989 match\n")
    doc, line, column = doc_at(matched, "LNX00990 |LNX00991")
    F.completions(doc, line, column)
    assert "LNX00900" in read[-1]
    # From the first syntax error on, the text is read whole (the parser's repairs
    # may need what a block holds).
    broken = text.replace("single group G005 {", "single group G005 { match }\n  single group G105 {")
    doc, line, column = doc_at(broken, "    backup |G000")
    assert any(d.code < "BKR100" for d in doc.diagnostics)
    F.completions(doc, line, column)
    assert "single group G004 { }" in read[-1] and "LNX00550" in read[-1]


@pytest.mark.parametrize("example", ["prodssi.bkr", "lnxssi.bkr", "with-site.bkr"])
def test_reading_closed_blocks_as_empty_offers_what_reading_them_whole_does(example):
    # At the start of every word, and after every `{` and `}` of the examples,
    # the parser expects the same, and the same kind of name.
    text = (ROOT / "examples" / example).read_text()
    # A group over several lines, one that ends with `match` (its pattern on the
    # next), a comment after it, and a stray `}` after the first member.
    lines = re.sub(
        r"group (\w+) \{ ([^}]*)\}",
        r"group \1 {\n    \2 # users\n    OTHER1 match\n    OTHER* OTHER2\n    OTHER3\n  }",
        text,
        count=1,
    )
    for variant in (lines, re.sub(r"(member \w+ \{[^}]*\})", r"\1 }", lines, count=1)):
        doc = analyse_document(str(ROOT / "examples" / example), variant)
        ends = {m.start() for m in re.finditer(r"(?<![\w$#@*%?+:.-])[\w$#@*]|(?<=[{}])", variant)}
        for end in sorted(ends):
            accepted, tokens = F.parser_state(variant[:end])
            skimmed, skimmed_tokens = F.parser_state(F._skimmed(doc, end))
            assert skimmed == accepted, (example, end)
            assert F._context(skimmed_tokens, skimmed) == F._context(tokens, accepted), (example, end)


def test_completion_of_an_import_path_offers_modules_one_folder_at_a_time(tmp_path):
    # `import |` used to offer nothing, and `import std/|` the keywords that start
    # a statement (`cluster`, `import`...), as if the path were already written.
    (tmp_path / "site" / "more").mkdir(parents=True)
    (tmp_path / "site" / "common.bkr").write_text("single group WEB { HTTPD }\n")
    for skipped in (".hidden", "node_modules", "__pycache__"):  # as the workspace's search skips them
        (tmp_path / "site" / skipped).mkdir()
        (tmp_path / "site" / skipped / "x.bkr").write_text("")
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "guests.bkr").write_text("single group G { G1 }\n")
    (tmp_path / "notes.txt").write_text("")
    path = tmp_path / "prod.bkr"

    def offered(typed: str, search_path=()) -> dict[str, str]:
        text = f"import {typed}\ncluster P {{\n}}\n"
        path.write_text(text)
        doc = analyse_document(str(path), text, path=path, search_path=search_path)
        items = F.complete(doc, 0, len("import ") + len(typed))
        assert all(doc.text[c.start : c.end] == typed for c in items)
        return {c.label: c.kind for c in items}

    std = {"std/backup-manager", "std/zvm73", "std/zvm74"}
    assert std <= set(offered("")) and {"./site/", "./lib/"} <= set(offered(""))
    assert "./prod" not in offered("") and "./notes" not in offered("")  # not itself; modules only
    assert not {"cluster", "import"} & set(offered("std/"))
    assert std <= set(offered("std/zv")) and all(p.startswith("std/") for p in offered("std/zv"))
    assert offered("./site/") == {"./site/common": "file", "./site/more/": "folder"}
    assert offered("./site/co") == {"./site/common": "file", "./site/more/": "folder"}
    assert offered("site/") == {"site/common": "file", "site/more/": "folder"}
    assert offered("./nowhere/") == {}
    # A path without `./` is also looked up in the search path (`-I lib`).
    assert "guests" in offered("", search_path=(tmp_path / "lib",))
    # An untitled buffer has no folder: the standard library only.
    doc = analyse_document("untitled:Untitled-1", "import ")
    assert {c.label for c in F.complete(doc, 0, len("import "))} == {
        f"std/{p.stem}" for p in (ROOT / "stdlib").glob("*.bkr")
    }


# ----------------------------------------------------------------- navigation
def test_go_to_definition_and_hover_on_an_import_open_the_module(tmp_path):
    from bkrdsl.resources import stdlib_dir

    # `gd` on `import ./site/common` found nothing and hover showed nothing: the
    # module's file is where a user expects to land, its `##` header what it is.
    (tmp_path / "site").mkdir()
    module = "## The site's guests.\n## All of them.\nsingle group WEB { HTTPD }\n"
    (tmp_path / "site" / "common.bkr").write_text(module)
    path = tmp_path / "prod.bkr"
    text = "import ./site/common\nimport std/zvm73\nimport ./site/gone\ncluster P {\n}\n"
    path.write_text(text)
    doc = analyse_document(str(path), text, path=path)
    (target,) = F.definition(doc, 0, len("import ./si"))
    assert (target.file, target.line, target.column) == (str(tmp_path / "site" / "common.bkr"), 1, 1)
    found = F.hover(doc, 0, 3).markdown
    assert found.startswith("**./site/common**: the module `site/common.bkr`")
    assert "The site's guests. All of them." in found
    (target,) = F.definition(doc, 1, 10)
    assert Path(target.file).resolve() == (stdlib_dir() / "zvm73.bkr").resolve()
    assert "the module `std/zvm73.bkr`, in the standard library" in F.hover(doc, 1, 10).markdown
    assert F.definition(doc, 2, 10) == []  # BKR101: nowhere to go; hover explains the code
    assert F.hover(doc, 2, 10).markdown.startswith("**BKR101**")


def test_definition_and_hover_on_an_import_of_a_folder_lead_nowhere(tmp_path):
    # `import ./x` where x.bkr is a folder (BKR103: bkrc cannot read it): `gd` led to
    # the folder, which an editor cannot open as a document, and hover called it
    # "the module `x.bkr`". Like a module that is nowhere (BKR101), it leads nowhere,
    # and hover explains the code.
    (tmp_path / "x.bkr").mkdir()
    path = tmp_path / "prod.bkr"
    text = "import ./x\ncluster P {\n}\n"
    path.write_text(text)
    doc = analyse_document(str(path), text, path=path)
    assert [d.code for d in doc.diagnostics if d.is_error][:1] == ["BKR103"]
    assert F.definition(doc, 0, len("import ./")) == []
    assert F.hover(doc, 0, len("import ./")).markdown.startswith("**BKR103**")


def test_definition_and_references_of_a_group():
    doc, line, column = doc_at(CLUSTER, "backup LIN|UX full")
    (target,) = F.definition(doc, line, column)
    assert (target.line, target.column) == (4, 14)
    refs = F.references(doc, line, column, include_declaration=False)
    assert [(s.line, s.column) for s in refs] == [(15, 12)]


def test_definition_of_a_user_in_the_standard_library():
    text = CLUSTER.replace("  catalog shared", "  disk BKRADMIN 191 size 10 cyl\n  catalog shared")
    doc, line, column = doc_at(text, "disk BKRAD|MIN")
    (target,) = F.definition(doc, line, column)
    assert target.file == "std/backup-manager.bkr"
    assert doc.analysis.sources[target.file].line_text(target.line).startswith("single user BKRADMIN")


def test_the_catalog_server_is_declared_where_the_catalog_names_it():
    # `gd` on the catalog's SFS server (`disk BKRSVSFS 191`, a selection's owner, the
    # catalog's own `server BKRSVSFS`) found nothing, while a Tape Manager machine
    # leads to where `tape manager` names it: no group declares the server, the
    # catalog makes it exist, as `tape manager` makes its machines.
    text = CLUSTER.replace(
        "  catalog shared", "  shared-volume VMCOM1\n  disk BKRSVSFS 191 size 20 cyl on VMCOM1\n  catalog shared"
    ).replace("include minidisk * 0191", "include minidisk * 0191\n    exclude minidisk BKRSVSFS *")
    doc, line, column = doc_at(text, "server BKRS|VSFS")
    assert not [d for d in doc.diagnostics if d.is_error], doc.diagnostics
    declared = text.index("server BKRSVSFS") + len("server ")
    for cursor in ("server BKRS|VSFS", "disk BKRSV|SFS 191", "minidisk BKRSVSF|S *"):
        doc, line, column = doc_at(text, cursor)
        (target,) = F.definition(doc, line, column)
        assert (target.file, target.start, target.end) == (doc.name, declared, declared + len("BKRSVSFS")), cursor
        found = F.hover(doc, line, column).markdown
        assert "the catalog's SFS file pool server: its place in the cluster gives its kind" in found
        assert "- named by `catalog` (line 12)" in found
    refs = F.references(doc, line, column, include_declaration=False)
    assert [doc.text[s.start : s.end] for s in refs] == ["BKRSVSFS", "BKRSVSFS"]
    assert declared not in {s.start for s in refs}
    assert len(F.references(doc, line, column, include_declaration=True)) == 3
    marks = [(o.span.start, o.definition) for o in F.highlights(doc, line, column)]
    assert [d for _, d in marks] == [False, True, False] and marks[1][0] == declared  # disk, catalog, exclude
    ((_, place),) = [(d, p) for d, p in F.workspace_symbols([doc], "BKRSVSFS") if p.name == "BKRSVSFS"]
    assert (place.span.start, place.detail) == (declared, "single user")
    done = F.rename(doc, line, column, "BKRSFS")
    assert renamed(doc, done)[doc.name] == text.replace("BKRSVSFS", "BKRSFS")


def test_a_local_catalog_server_is_declared_there_too():
    text = CLUSTER.replace("catalog shared server", "catalog local server").replace(" on DEV1\n  expire", "\n  expire")
    doc, line, column = doc_at(text, "server BKRS|VSFS")
    (target,) = F.definition(doc, line, column)
    assert doc.text[target.start : target.end] == "BKRSVSFS" and target.line == line + 1
    assert "**BKRSVSFS**: IDENTITY user" in F.hover(doc, line, column).markdown


def test_a_worker_is_declared_where_its_members_workers_make_it():
    # `gd` on a worker (`exclude minidisk BKRWRK01 *`) found nothing, and on `disk
    # BKRWRK01 191` only the standard library's `BKRWRK*`: each member's `workers N`
    # is what makes BKRWRK01 exist, as workspace symbols already said.
    text = CLUSTER.replace("  catalog shared", "  disk BKRWRK01 191 size 5 cyl\n  catalog shared").replace(
        "include minidisk * 0191", "include minidisk * 0191\n    exclude minidisk BKRWRK01 *"
    )
    workers = [m.start() + len("workers ") for m in re.finditer(r"workers 2", text)]
    for cursor in ("disk BKRWR|K01", "minidisk BKRWRK0|1 *"):
        doc, line, column = doc_at(text, cursor)
        *places, pattern = F.definition(doc, line, column)
        assert [(s.file, s.start) for s in places] == [(doc.name, at) for at in workers], cursor
        assert doc.analysis.sources[pattern.file].line_text(pattern.line).startswith("identity user BKRWRK*")
        found = F.hover(doc, line, column).markdown
        assert "- a worker machine: the `workers` of `DEV1` (line 8), `DEV2` (line 9)" in found, found
    assert [s.start for s in F.references(doc, line, column, include_declaration=True)][:2] == workers
    assert len(F.references(doc, line, column, include_declaration=False)) == 2  # the disk, the exclude
    marks = [(o.span.start, o.definition) for o in F.highlights(doc, line, column)]
    assert [m for m in marks if m[1]] == [(at, True) for at in workers] and len(marks) == 4
    # A worker has no name of its own to rename: the pattern names it.
    with pytest.raises(F.RenameRefused, match="the pattern `BKRWRK\\*`"):
        F.prepare_rename(doc, line, column)
    # BKRWRK03 is no member's worker (2 each): only the pattern covers it.
    other = text.replace("minidisk BKRWRK01 *", "minidisk BKRWRK03 *")
    doc, line, column = doc_at(other, "minidisk BKRWRK0|3")
    assert F.definition(doc, line, column) == []


#: CLUSTER with minidisk owners written as patterns: a job's include and
#: excludes, and a member block's exclude (which joins DEV1's single jobs).
OWNER_PATTERNS = CLUSTER.replace(
    "include minidisk * 0191\n",
    "include minidisk LNX* 0191\n    exclude minidisk LNXAPP0* 0192\n    exclude minidisk lnx* 0193\n"
    "    include minidisk Q* 0194\n",
).replace("private-volume D1PRV1 }", "private-volume D1PRV1  exclude minidisk LNX0% 0200 }")


def test_go_to_definition_on_an_owner_pattern_lists_the_users_it_selects():
    # `include minidisk LNX* 0191`: definition and references found nothing on the
    # pattern (no declaration names it). The users it selects are the definition
    # a system programmer looks for: which of the job's guests it reaches.
    doc = analyse_document("/ws/dev.bkr", OWNER_PATTERNS)

    def declared(cursor: str) -> list[str]:
        _, line, column = doc_at(OWNER_PATTERNS, cursor)
        spans = F.definition(doc, line, column)
        assert all(s.file == doc.name for s in spans)
        return [OWNER_PATTERNS[s.start : s.end] + f"@{s.line}" for s in spans]

    group = "@4"  # `single group LINUX { LNX01 LNX02  match LNXAPP* }`
    assert declared("minidisk LN|X* 0191") == ["LNX01" + group, "LNX02" + group, "LNXAPP*" + group]
    assert declared("minidisk ln|x* 0193") == ["LNX01" + group, "LNX02" + group, "LNXAPP*" + group]
    # Narrower than the group's pattern: that pattern's declaration.
    assert declared("minidisk LNXAPP0|* 0192") == ["LNXAPP*" + group]
    # The member block's exclude: the users of DEV1's single-configuration jobs.
    assert declared("minidisk LNX0|% 0200") == ["LNX01" + group, "LNX02" + group]
    assert declared("minidisk Q|* 0194") == []  # none of the job's users (BKR406)
    assert declared("minidisk TCP|IP 0191") == ["TCPIP@5"]  # an ID: its declaration, as before
    _, line, column = doc_at(OWNER_PATTERNS, "minidisk LNX* 0191|")  # the address: nothing declares it
    assert F.definition(doc, line, column) == []
    # References: the places that write the pattern as an owner (in any case), then
    # (with the declarations) the users it selects.
    _, line, column = doc_at(OWNER_PATTERNS, "minidisk LN|X* 0191")
    owners = [OWNER_PATTERNS.index("LNX* 0191"), OWNER_PATTERNS.index("lnx* 0193")]
    assert [s.start for s in F.references(doc, line, column, False)] == owners
    found = F.references(doc, line, column, True)
    assert [s.start for s in found[:2]] == owners and found[2:] == F.definition(doc, line, column)
    found = F.hover(doc, line, column).markdown
    assert "- of the users job `LNXFULL` backs up, it selects `LNX01`, `LNX02`, `LNXAPP*`" in found
    _, line, column = doc_at(OWNER_PATTERNS, "minidisk LNX0|% 0200")
    found = F.hover(doc, line, column).markdown
    assert "- of the users the single-configuration jobs on `DEV1` (`LNXFULL`) back up, it selects `LNX01`, `LNX02`" in found
    _, line, column = doc_at(OWNER_PATTERNS, "minidisk Q|* 0194")
    assert "- selects none of the users job `LNXFULL` backs up (BKR406)" in F.hover(doc, line, column).markdown


def test_an_owner_pattern_of_a_member_without_single_jobs_selects_no_one():
    text = OWNER_PATTERNS.replace("private-volume D2PRV1 ", "private-volume D2PRV1  exclude minidisk LNX* 0300 ")
    doc, line, column = doc_at(text, "minidisk LNX|* 0300")
    assert F.definition(doc, line, column) == []
    assert "- no single-configuration job runs on `DEV2`: it selects no one there" in F.hover(doc, line, column).markdown


#: OWNER_PATTERNS with an ID's owner pattern in another job: `exclude minidisk TCP* 0192`.
OWNER_PATTERNS_TOO = OWNER_PATTERNS.replace(
    "include minidisk TCPIP 0191\n", "include minidisk TCPIP 0191\n    exclude minidisk TCP* 0192\n"
)


def test_references_on_a_user_list_the_owner_patterns_that_select_it():
    # References on LNX01 listed its group and the places that name it, not
    # `include minidisk LNX* 0191`, which backs up its minidisks all the same:
    # the owner patterns that select a user (definition on them lists it) are
    # its references too, declarations asked for or not.
    text = OWNER_PATTERNS_TOO
    doc = analyse_document("/ws/dev.bkr", text)

    def found(cursor: str, include_declaration: bool) -> list[str]:
        _, line, column = doc_at(text, cursor)
        spans = F.references(doc, line, column, include_declaration)
        return [text[s.start : s.end] + f"@{s.line}" for s in spans]

    # LNX0% is the member block's exclude (DEV1's single jobs back LNX01 up); Q*
    # selects no one (BKR406); LNXAPP0* is narrower than the group's `LNXAPP*`.
    assert found("{ LNX0|1 LNX02", False) == ["LNX0%@8", "LNX*@16", "lnx*@18"]
    assert found("{ LNX0|1 LNX02", True) == ["LNX01@4", "LNX0%@8", "LNX*@16", "lnx*@18"]
    # The group's pattern: the owners that cover it (LNX*), and the one it covers.
    assert found("match LNXA|PP*", True) == ["LNXAPP*@4", "LNX*@16", "LNXAPP0*@17", "lnx*@18"]
    # Asked where the ID is a minidisk owner, and in another job: that job's pattern.
    assert found("include minidisk TCP|IP 0191", False) == ["TCPIP@26", "TCP*@27"]
    assert found("{ TCP|IP }", True) == ["TCPIP@5", "TCPIP@26", "TCP*@27"]
    # Consistent with definition both ways: an owner pattern is among a declared
    # user's references exactly when its definition lists that user's declaration.
    owners = [m.start(1) for m in re.finditer(r"minidisk ([A-Za-z0-9%*?]*[%*?][A-Za-z0-9%*?]*) ", text)]
    declarations = [o for o in doc.occurrences if o.definition and o.kind == "user" and o.span.file == doc.name]
    assert len(owners) == 6 and len(declarations) == 5
    for at in owners:
        line, column = text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1)
        declared = {(s.file, s.start) for s in F.definition(doc, line, column)}
        for o in declarations:
            listed = F.references(doc, o.span.line - 1, o.span.column - 1, False)
            assert ((doc.name, at) in {(s.file, s.start) for s in listed}) == ((o.span.file, o.span.start) in declared)


def test_go_to_definition_on_an_owner_pattern_of_thousands_lists_the_first_ones():
    # `include minidisk %* 0191` in a job of 1,500 users: definition answered with
    # every user's declaration (7,000 in bench/generate.py's 10,000-user cluster,
    # 900 KB of JSON). It lists the first MAX_DEFINITIONS, in the templates' order;
    # references still list them all.
    ids = [f"LNX{n:05d}" for n in range(1, 1501)]
    lines = "\n".join("  " + " ".join(ids[i : i + 10]) for i in range(0, len(ids), 10))
    text = CLUSTER.replace("single group LINUX { LNX01 LNX02  match LNXAPP* }", f"single group LINUX {{\n{lines}\n}}")
    text = text.replace("include minidisk * 0191\n    to disk pool P\n    run on DEV1", "include minidisk %* 0191\n    to disk pool P\n    run on DEV1")
    doc, line, column = doc_at(text, "minidisk %|* 0191")
    found = F.definition(doc, line, column)
    assert F.MAX_DEFINITIONS == 100
    assert [text[s.start : s.end] for s in found] == ids[:100]
    listed = F.references(doc, line, column, True)
    assert [text[s.start : s.end] for s in listed] == ["%*", *ids]
    assert "it selects `LNX00001`, `LNX00002`," in F.hover(doc, line, column).markdown
    assert "and 1,480 more" in F.hover(doc, line, column).markdown
    # A user's references name that pattern once, however many users it selects.
    _, line, column = doc_at(text, "LNX0150|0")
    assert [text[s.start : s.end] for s in F.references(doc, line, column, False)] == ["%*"]


def test_hover_on_a_members_workers_number_names_its_worker_machines():
    # Hover on `2` in `workers 2` showed nothing: the number makes the member's worker
    # machines (BKRWRK01, BKRWRK02 by the standard library's BKRWRK*), IDENTITY users
    # whose instance on that member is a SUBCONFIG.
    for member, ordinal in (("DEV1", 1), ("DEV2", 2)):
        doc, line, column = doc_at(CLUSTER, f"member {member} {{ workers |2")
        found = F.hover(doc, line, column)
        assert found is not None and found.span.start == doc.offset(line, column)
        assert found.markdown.split("\n") == [
            f"**2**: the number of worker machines on member `{member}`: `BKRWRK01`, `BKRWRK02`",
            (
                "- named by the pattern `BKRWRK*` with `role worker` (std/backup-manager.bkr:24),"
                " its `*` numbered 01 to 02"
            ),
            (
                "- IDENTITY users, one directory entry each with a SUBCONFIG for each member that runs it:"
                f" on `{member}` (member {ordinal}), SUBCONFIG `BKRW01-{ordinal}`, `BKRW02-{ordinal}`"
            ),
        ]
    # One: its `*` numbered 01 (it said "numbered 01 to 01").
    text = CLUSTER.replace("member DEV1 { workers 2", "member DEV1 { workers 1")
    doc, line, column = doc_at(text, "member DEV1 { workers |1")
    found = F.hover(doc, line, column).markdown.split("\n")
    assert found[1] == "- named by the pattern `BKRWRK*` with `role worker` (std/backup-manager.bkr:24), its `*` numbered 01"
    # Many: the first and the last.
    text = CLUSTER.replace("member DEV1 { workers 2", "member DEV1 { workers 12")
    doc, line, column = doc_at(text, "member DEV1 { workers 1|2")
    found = F.hover(doc, line, column).markdown
    assert "member `DEV1`: `BKRWRK01` … `BKRWRK12` (12)" in found
    assert "SUBCONFIG `BKRW01-1` … `BKRW12-1` (12)" in found
    # No worker pattern (std/backup-manager not imported): the number names none.
    text = CLUSTER.replace("import std/backup-manager\n", "")
    doc, line, column = doc_at(text, "member DEV1 { workers |2")
    assert "bkrc names none: no user or pattern is declared with `role worker`" in F.hover(doc, line, column).markdown
    # Not a number: BKR316's, and no worker machine.
    text = CLUSTER.replace("member DEV1 { workers 2", "member DEV1 { workers x")
    doc, line, column = doc_at(text, "member DEV1 { workers |x")
    found = F.hover(doc, line, column).markdown
    assert found.startswith("**x**: the number of worker machines on member `DEV1`, but not a whole number")
    assert "BKR316" in found


def test_the_product_machines_lead_to_the_standard_library():
    # BKRBKUP, BKRCATLG, BKRADMIN and the installation user: the imported
    # std/backup-manager declares them, each with its role.
    text = CLUSTER.replace(
        "  catalog shared",
        "".join(f"  disk {m} 191 size 10 cyl\n" for m in ("BKRBKUP", "BKRCATLG", "BKRADMIN", "5697J06C"))
        + "  catalog shared",
    )
    for machine, role in [
        ("BKRBKUP", "backup-server"),
        ("BKRCATLG", "catalog-server"),
        ("BKRADMIN", "admin"),
        ("5697J06C", "installation"),
    ]:
        doc, line, column = doc_at(text, f"disk {machine[:3]}|{machine[3:]}")
        (target,) = F.definition(doc, line, column)
        assert target.file == "std/backup-manager.bkr"
        declaration = doc.analysis.sources[target.file].line_text(target.line)
        assert declaration.endswith(f"user {machine} role {role}")


def test_definition_through_a_pattern():
    text = CLUSTER.replace("backup LINUX full", "backup LNXAPP07 full")
    doc, line, column = doc_at(text, "backup LNXAPP|07")
    (target,) = F.definition(doc, line, column)
    assert (target.line, target.column) == (4, 41)


def test_outline():
    doc, _, _ = doc_at(CLUSTER)
    top = [(s.name, s.kind) for s in F.outline(doc)]
    assert top == [
        ("std/backup-manager", "import"),
        ("LINUX", "group"),
        ("SYSIDS", "group"),
        ("DEV", "cluster"),
    ]
    cluster = F.outline(doc)[-1]
    assert [c.name for c in cluster.children] == ["DEV1", "DEV2", "catalog", "expire", "LNXFULL", "SYSIN"]


def test_outline_shows_disks_and_volumes_but_not_descriptions():
    # A sysprog looks for the minidisks bkrc writes, by owner and address, and
    # for the volumes: the shared ones in the cluster, each member's own in it.
    text = CLUSTER.replace(
        "  catalog shared",
        '  shared-volume VMCOM1 VMCOM2\n  description "dev"\n'
        "  disk BKRBKUP 191 size 10 cyl\n  disk BKRSVSFS 191 size 20 cyl on VMCOM1\n  catalog shared",
    )
    doc, _, _ = doc_at(text)
    cluster = F.outline(doc)[-1]
    assert [(c.name, c.kind, c.detail) for c in cluster.children[:6]] == [
        ("DEV1", "member", "member"),
        ("DEV2", "member", "member"),
        ("VMCOM1", "volume", "shared volume"),
        ("VMCOM2", "volume", "shared volume"),
        ("disk BKRBKUP 191", "disk", "size 10 cyl"),
        ("disk BKRSVSFS 191", "disk", "size 20 cyl on VMCOM1"),
    ]
    assert [(c.name, c.detail) for c in cluster.children[0].children] == [("D1PRV1", "private volume")]
    disk = cluster.children[5]
    assert doc.text[disk.selection.start : disk.selection.end] == "BKRSVSFS 191"
    assert doc.text[disk.span.start : disk.span.end] == "disk BKRSVSFS 191 size 20 cyl on VMCOM1"


def test_outline_shows_an_expiry_s_members_schedules_and_retention():
    # The outline's `expire` had no detail, where a disk shows its size and volume:
    # which member purges, when, and how long backups stay, as the file writes them.
    doc, _, _ = doc_at(EVERY_VALUE)
    (expire,) = [c for c in F.outline(doc)[-1].children if c.kind == "expire"]
    assert expire.detail == "on DEV1: preview monthly 15 01:00, purge monthly last sun 03:00, retain 35 days"
    text = CLUSTER.replace("expire on DEV1 {\n    purge weekly sun 03:00\n  }", "expire on each member { }")
    text = text.replace("  job LNXFULL", "  expire on DEV1, DEV2 { purge weekly sat,sun 03:00 }\n  job LNXFULL")
    doc, _, _ = doc_at(text)
    assert [c.detail for c in F.outline(doc)[-1].children if c.kind == "expire"] == [
        "on each member",
        "on DEV1, DEV2: purge weekly sat,sun 03:00",
    ]


# ----------------------------------------------------------------- rename and highlights
def renamed(doc, renaming: F.Renaming) -> dict[str, str]:
    """Every edited file's text after the rename, applying its spans as an editor would."""
    texts: dict[str, str] = {}
    for span in sorted(renaming.spans, key=lambda s: s.start, reverse=True):
        text = texts.get(span.file)
        if text is None:
            text = doc.text if span.file == doc.name else doc.analysis.sources[span.file].text
        texts[span.file] = text[: span.start] + renaming.new + text[span.end :]
    return texts


def same_diagnostics(before, after, old: str, new: str) -> None:
    """The renamed files check as before: the same codes and messages, the name aside."""
    assert [(d.code, d.message) for d in after.diagnostics] == [
        (d.code, d.message.replace(f"`{old}`", f"`{new}`")) for d in before.diagnostics
    ]


RENAMES = [
    # (cursor, new name, kind, how many places change)
    ("run on DE|V1 daily", "dev9", "member", 4),  # declaration, catalog `on`, expire `on`, `run on`
    ("backup LIN|UX full", "LINUXES", "group", 2),
    ("{ LNX0|1 LNX02", "LNX09", "user", 1),
    ("minidisk TCP|IP 0191", "TCPIPX", "user", 2),  # group entry and minidisk owner
    ("server BKRS|VSFS", "BKRSFS", "user", 1),  # named by the catalog, declared nowhere
    ("job SYS|IN {", "SYSDA", "job", 1),
    ("cluster D|EV {", "DEVSSI", "cluster", 1),
]


@pytest.mark.parametrize("cursor,new,kind,count", RENAMES, ids=[r[0] for r in RENAMES])
def test_rename_changes_every_occurrence_and_nothing_else(cursor, new, kind, count):
    doc, line, column = doc_at(CLUSTER, cursor)
    span = F.prepare_rename(doc, line, column)
    assert span is not None and doc.text[span.start : span.end] == next(w for w in cursor.split() if "|" in w).replace("|", "")
    done = F.rename(doc, line, column, new)
    assert (done.kind, done.new, len(done.spans)) == (kind, new.upper(), count)
    text = renamed(doc, done)[doc.name]
    old = done.old
    assert text.count(new.upper()) == count and text.replace(new.upper(), old) == CLUSTER
    same_diagnostics(doc, analyse_document(doc.name, text), old, new.upper())


def test_the_catalog_server_is_renamed_where_a_selection_names_it_too():
    # BKRSVSFS is declared nowhere (the catalog names it): the owner of a selection is still it.
    text = CLUSTER.replace("include minidisk * 0191", "include minidisk * 0191\n    exclude minidisk BKRSVSFS *")
    doc, line, column = doc_at(text, "server BKRS|VSFS")
    assert len(F.references(doc, line, column, include_declaration=True)) == 2
    done = F.rename(doc, line, column, "BKRSFS")
    assert renamed(doc, done)[doc.name] == text.replace("BKRSVSFS", "BKRSFS")


def test_the_owner_in_an_sfs_path_is_renamed_with_the_user():
    text = CLUSTER.replace("include minidisk * 0191", "include minidisk * 0191\n    include sfs BKRPOOL:LNX01.*")
    doc, line, column = doc_at(text, "{ LNX0|1 LNX02")
    (path,) = F.references(doc, line, column, include_declaration=False)
    assert doc.text[path.start : path.end] == "LNX01" and (path.line, path.column) == (17, 25)
    done = F.rename(doc, line, column, "LNX09")
    assert renamed(doc, done)[doc.name] == text.replace("LNX01", "LNX09")


def test_rename_reaches_the_imported_module(tmp_path):
    (tmp_path / "site.bkr").write_text("## Payroll.\nsingle group PAYROLL { PAYAPP01 PAYAPP02 }\n")
    main = tmp_path / "main.bkr"
    text = CLUSTER.replace("import std/backup-manager\n", "import std/backup-manager\nimport ./site\n").replace(
        "backup LINUX full", "backup LINUX, PAYROLL full"
    ).replace("include minidisk * 0191", "include minidisk PAYAPP01 0191")
    doc = analyse_document(str(main), text, path=main)
    before = [(d.code, d.message) for d in doc.diagnostics]
    for cursor, new, files in [("LINUX, PAYR|OLL full", "PAYUSERS", 2), ("minidisk PAYAPP0|1", "PAYDB01", 2)]:
        plain = cursor.replace("|", "")
        at = text.index(plain) + cursor.index("|")
        line, column = text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1)
        done = F.rename(doc, line, column, new)
        texts = renamed(doc, done)
        assert sorted(texts) == sorted([str(main), str(tmp_path / "site.bkr")])[:files]
        assert new in texts[str(tmp_path / "site.bkr")] and new in texts[str(main)]
        site = texts[str(tmp_path / "site.bkr")].encode()
        after = analyse_document(
            str(main), texts[str(main)], path=main, reader=lambda p, site=site: site if p.name == "site.bkr" else p.read_bytes()
        )
        assert [(d.code, d.message) for d in after.diagnostics] == before


def test_rename_refuses_what_is_no_name():
    for cursor, message in [
        ("ba|ckup LINUX full", "`backup` is a keyword of the language, not a name"),
        ("run on DEV1 da|ily 01:00", "`daily` is a keyword"),
        ("include minidisk * 01|91", "`0191` here is a minidisk address, not a name"),
        ("include minidisk |* 0191", "`*` is not the name of a member, group, user, job or cluster"),
        ("match LNXA|PP*", "`LNXAPP*` is a pattern: it covers every user it matches"),
        # An import's path: the refusal named the part under the cursor, "`backup-manager`
        # is not the name of a member, group, ...".
        ("import std/back|up-manager", "`std/backup-manager` here is the path of an imported module, not a name"),
        ("import s|td/backup-manager", "`std/backup-manager` here is the path of an imported module, not a name"),
        ("imp|ort std/backup-manager", "`import` is a keyword of the language, not a name"),
    ]:
        doc, line, column = doc_at(CLUSTER, cursor)
        with pytest.raises(F.RenameRefused, match=re.escape(message)) as refused:
            F.prepare_rename(doc, line, column)
        assert not refused.value.invalid_name
        with pytest.raises(F.RenameRefused, match=re.escape(message)):
            F.rename(doc, line, column, "NEWNAME")
    # On nothing (a blank, a comment): nothing to rename, no reason to give.
    # Also with the cursor before a comment's `#` (at column 0 of a comment line,
    # after Home, or after the blanks that end a statement): that `#` starts the
    # comment, it is no word; F2 there said "`##` is not the name of a member...".
    commented = CLUSTER.replace("run on DEV1 daily 01:00", "run on DEV1 daily 01:00  # nightly")
    for cursor in ("\n|\n", "## Linux| guests.", "\n|  member DEV1", "|## Linux guests.", "01:00  |# nightly"):
        doc, line, column = doc_at(commented, cursor)
        assert F.prepare_rename(doc, line, column) is None, cursor
        with pytest.raises(F.RenameRefused, match="there is no name here to rename"):
            F.rename(doc, line, column, "NEWNAME")


def test_rename_refuses_a_name_nothing_declares_as_declared_nowhere():
    # A group or user ID in `backup`, or a minidisk's owner, that nothing declares
    # (a typo, a module not saved yet) is a name, as hover says: the refusal said
    # "`PAYROL` is not the name of a member, group, user, job or cluster", and for
    # `backup FULL` that `FULL` is a keyword. An unknown member already said this.
    text = (
        CLUSTER.replace("backup LINUX full", "backup PAYROL full")
        .replace("backup SYSIDS incremental", "backup FULL incremental")
        .replace("minidisk TCPIP 0191", "minidisk NOSUCH 0191")
        .replace("run on DEV1 daily", "run on DEVX daily")
    )
    for cursor in ("backup PAY|ROL", "backup FU|LL", "minidisk NOS|UCH", "run on DEV|X"):
        doc, line, column = doc_at(text, cursor)
        with pytest.raises(F.RenameRefused) as refused:
            F.prepare_rename(doc, line, column)
        name = next(w for w in cursor.split() if "|" in w).replace("|", "")
        assert str(refused.value) == f"`{name}` is declared nowhere: there is no declaration to rename it with"
    doc, line, column = doc_at(text, "include minidisk |* 0191")  # every user's: no name
    with pytest.raises(F.RenameRefused, match="is not the name of a member"):
        F.prepare_rename(doc, line, column)


def test_rename_refusal_says_what_a_value_spelled_like_a_name_is():
    # A job suffix or a volume label may spell a member's or a user's name: the
    # refusal says what the word is there, not that no member or user has its name.
    text = (
        CLUSTER.replace("job-suffix B", "job-suffix DEV1")
        .replace("private-volume D1PRV1", "private-volume LNX01")
        .replace("purge weekly sun 03:00", "purge weekly sun 03:00\n    retain 35 days")
    )
    for cursor, what in [
        ("job-suffix DE|V1", "`DEV1` here is a job suffix"),
        ("private-volume LNX|01", "`LNX01` here is a volume label"),
        ("workers |2  private-volume LNX01", "`2` here is a number of workers"),
        ("minidisk TCPIP 01|91", "`0191` here is a minidisk address"),
        ("pool BKR|POOL", "`BKRPOOL` here is a file pool"),
        ("disk pool |P", "`P` here is the pool of a backup target"),
        ("weekly s|un", "`sun` here is a day of the week"),
        ("daily 01:|00", "`01:00` here is a time of day"),
        ("retain 3|5", "`35` here is a number of days"),
    ]:
        doc, line, column = doc_at(text, cursor)
        with pytest.raises(F.RenameRefused) as refused:
            F.prepare_rename(doc, line, column)
        assert str(refused.value) == (
            f"{what}, not a name: only members, groups, users, jobs and the cluster can be renamed"
        )
    # The member and the user of those names are renamed from their own places.
    doc, line, column = doc_at(text, "member DE|V1 {")
    assert F.prepare_rename(doc, line, column) is not None
    doc, line, column = doc_at(text, "{ LNX|01")
    assert F.prepare_rename(doc, line, column) is not None


def test_rename_refuses_a_role_and_the_standard_library_s_names():
    text = CLUSTER.replace("  catalog shared", "  disk BKRADMIN 191 size 10 cyl\n  catalog shared").replace(
        "identity group SYSIDS { TCPIP }", "identity group SYSIDS { TCPIP }\nsingle user OPS role admin"
    )
    doc, line, column = doc_at(text, "disk BKRAD|MIN")
    with pytest.raises(F.RenameRefused, match=re.escape("`BKRADMIN` is declared in the standard library (std/backup-manager.bkr:")):
        F.prepare_rename(doc, line, column)
    doc, line, column = doc_at(text, "role ad|min")
    with pytest.raises(F.RenameRefused, match="`admin` is a role the product defines"):
        F.prepare_rename(doc, line, column)
    # The standard library opened in the editor is the standard library too.
    from bkrdsl.resources import stdlib_dir

    library = stdlib_dir() / "backup-manager.bkr"
    doc, line, column = doc_at(library.read_text(), "user BKRAD|MIN", name=str(library))
    with pytest.raises(F.RenameRefused, match="is declared in the standard library"):
        F.prepare_rename(doc, line, column)
    # A site's own user with a role is the site's to rename.
    doc, line, column = doc_at(text, "user O|PS role")
    assert F.rename(doc, line, column, "OPERATOR").spans[0].line == 6


def test_rename_refuses_a_name_only_a_pattern_declares():
    text = CLUSTER.replace("backup LINUX full", "backup LNXAPP07 full")
    doc, line, column = doc_at(text, "backup LNXAPP|07")
    with pytest.raises(F.RenameRefused, match=re.escape("the pattern `LNXAPP*` (line 4) covers it")):
        F.prepare_rename(doc, line, column)


def test_renaming_is_refused_in_a_file_whose_names_could_not_be_read(monkeypatch):
    # A file of the workspace that imports the module being renamed must take the
    # new name too; when bkrc could gather none of its names (`Document.model`
    # None: a NUL byte stops the reader, or the model of a broken file could not be
    # built), there is nothing safe to edit there, and the rename says so.
    unreadable = analyse_document("/ws/dev.bkr", CLUSTER.replace("cluster DEV {", "cluster DEV {\x00"))
    monkeypatch.setattr("bkrdsl.lsp.document.build_model", lambda modules: 1 / 0)
    unbuilt = analyse_document("/ws/dev.bkr", CLUSTER.replace("workers 2  private", "workers  private"))
    for doc in (unreadable, unbuilt):
        assert doc.model is None
        with pytest.raises(F.RenameRefused) as refused:
            F.renaming(doc, "group", "LINUX", "PENGUINS")
        assert refused.value.message == (
            "cannot rename `LINUX`: bkrc could not read this file's names; correct its syntax errors first"
        )
        assert not refused.value.invalid_name


INVALID = [
    ("{ LNX0|1 LNX02", "LINUX.01", "`LINUX.01` contains `.`, which a z/VM user ID cannot hold"),
    ("{ LNX0|1 LNX02", "PAYROLLSRV", "a z/VM user ID has at most 8"),
    ("{ LNX0|1 LNX02", "system", "`SYSTEM` is a user ID CP reserves for itself"),
    ("member DEV|2", "DEV-2", "`DEV-2` contains `-`, which a member name cannot hold"),
    ("single group L|INUX", "LNX*", "group name `LNX*` contains `*`, so `backup` would read it as a pattern"),
    ("job LNX|FULL", "NIGHTLYFULL", "a job name (a CMS file name) has at most 8"),
    # SYSIN runs on each member: its names get the members' suffixes (SYSIN1, SYSINB).
    ("job SYS|IN", "SYSWEEKF", "`SYSWEEKF1` would have 9 characters; here a job name has at most 7"),
    ("job SYS|IN", "two words", "`TWO WORDS` is not a name"),
]


@pytest.mark.parametrize("cursor,new,message", INVALID, ids=[f"{c} {n}" for c, n, _ in INVALID])
def test_rename_refuses_an_invalid_new_name(cursor, new, message):
    doc, line, column = doc_at(CLUSTER, cursor)
    with pytest.raises(F.RenameRefused, match=re.escape(message)) as refused:
        F.rename(doc, line, column, new)
    assert refused.value.invalid_name


COLLISIONS = [
    ("member DEV|2", "dev1", "`DEV1` is already a member of cluster `DEV` (line 8)"),
    ("single group L|INUX", "SYSIDS", "`SYSIDS` is already the name of a group (line 5)"),
    ("single group L|INUX", "LNX02", "`LNX02` is a user ID (declared line 4)"),
    ("{ LNX0|1 LNX02", "LNX02", "`LNX02` is already a user ID (declared line 4)"),
    ("{ LNX0|1 LNX02", "BKRCATLG", "`BKRCATLG` is already a user ID (declared std/backup-manager.bkr:"),
    ("{ LNX0|1 LNX02", "BKRSVSFS", "`BKRSVSFS` is already the ID of the catalog's SFS file pool server"),
    ("job SYS|IN", "LNXFULL", "`LNXFULL` is already the name of a job (line 14)"),
    # What the checker says the renamed files would break: LNXFULL's name is SYSIN's on DEV1.
    ("job LNX|FULL", "SYSIN1", "`bkrc check` would then report BKR224: job `SYSIN` would be named `SYSIN1`"),
]


@pytest.mark.parametrize("cursor,new,message", COLLISIONS, ids=[f"{c} {n}" for c, n, _ in COLLISIONS])
def test_rename_refuses_a_name_already_taken(cursor, new, message):
    doc, line, column = doc_at(CLUSTER, cursor)
    with pytest.raises(F.RenameRefused, match=re.escape(message)) as refused:
        F.rename(doc, line, column, new)
    assert not refused.value.invalid_name


def test_rename_refuses_a_name_that_would_change_a_user_s_kind():
    # The new ID is matched by an IDENTITY group's pattern: LNX01 is single.
    text = CLUSTER.replace("identity group SYSIDS { TCPIP }", "identity group SYSIDS { TCPIP  match SYS* }")
    doc, line, column = doc_at(text, "{ LNX0|1 LNX02")
    with pytest.raises(F.RenameRefused, match=re.escape("would then report BKR204")):
        F.rename(doc, line, column, "SYSX")


def test_renaming_to_the_same_name_in_another_case_writes_it_in_upper_case():
    text = CLUSTER.replace("backup LINUX full", "backup linux full")
    doc, line, column = doc_at(text, "backup lin|ux full")
    done = F.rename(doc, line, column, "Linux")
    assert renamed(doc, done)[doc.name] == CLUSTER


def test_hover_on_an_sfs_path_s_directory_level_says_what_it_takes_in():
    # `.*` in `include sfs BKRPOOL:DEV1.*` had no hover (the pool and the user have
    # theirs): now each directory level says which directories it takes in, under which.
    text = CLUSTER.replace(
        "include minidisk * 0191",
        "include minidisk * 0191\n    include sfs BKRPOOL:LNX01.* BKRPOOL:LNX01.LOGS.OLD*\n    exclude sfs BKRPOOL:LNX*.TMP",
    )
    doc, line, column = doc_at(text, "BKRPOOL:LNX01.|* ")
    found = F.hover(doc, line, column)
    assert found.markdown.split("\n") == [
        "**.\\*** in `BKRPOOL:LNX01.*`: any one directory name, at the first level",
        "- each directory directly under the top directory of `LNX01`'s file space, in file pool `BKRPOOL`, is selected",
        ("- `*` stands for one name: bkrc does not count `BKRPOOL:LNX01.*` as taking in a path a level deeper (BKR415);"
        " whether Backup Manager takes their subdirectories along is the product's own"),
    ]
    assert text[found.span.start : found.span.end] == ".*"
    doc, line, column = doc_at(text, "LNX01.L|OGS")
    assert F.hover(doc, line, column).markdown.split("\n")[1] == (
        "- the directory `LOGS` under the top directory of `LNX01`'s file space, in file pool `BKRPOOL`:"
        " the path goes on below it"
    )
    doc, line, column = doc_at(text, "LOGS.OLD|*")
    assert F.hover(doc, line, column).markdown.split("\n")[1] == (
        "- each directory directly under `BKRPOOL:LNX01.LOGS` whose name `OLD*` matches, in file pool `BKRPOOL`,"
        " is selected"
    )
    doc, line, column = doc_at(text, "LNX*.T|MP")
    assert F.hover(doc, line, column).markdown.split("\n") == [
        "**.TMP** in `BKRPOOL:LNX*.TMP`: a directory, at the first level",
        ("- the directory `TMP` under the top directory of the file spaces of the users `LNX*` matches, in file pool"
        " `BKRPOOL`, is excluded"),
    ]


def test_document_highlight_marks_the_declaration_and_the_uses():
    doc, line, column = doc_at(CLUSTER, "run on DE|V1 daily")
    found = [(o.span.line, o.span.column, o.definition) for o in F.highlights(doc, line, column)]
    assert found == [(8, 10, True), (10, 50, False), (11, 13, False), (18, 12, False)]
    # Only this document: a user of the standard library is highlighted where this file names it.
    text = CLUSTER.replace("  catalog shared", "  disk BKRADMIN 191 size 10 cyl\n  catalog shared")
    doc, line, column = doc_at(text, "disk BKRAD|MIN")
    assert [(o.span.file, o.definition) for o in F.highlights(doc, line, column)] == [(doc.name, False)]
    doc, line, column = doc_at(CLUSTER, "\n|\n")
    assert F.highlights(doc, line, column) == []


def test_document_highlight_on_an_owner_pattern_marks_the_same_pattern():
    # An owner pattern (`LNX*` in `exclude minidisk LNX* 0192`) is no name of the model:
    # highlight gave nothing on it. Now the same pattern wherever the file writes it as an
    # owner, and a group's `match` of it, written (declared) there; on the `match`, its
    # owners too. Not another pattern (`LNX*` is not `LNXAPP*`), nor `*`.
    text = CLUSTER.replace(
        "include minidisk * 0191",
        "include minidisk LNXAPP* 0191\n    exclude minidisk LNX* 0192\n    exclude minidisk LNX* 0193",
    )
    doc, line, column = doc_at(text, "minidisk LN|X* 0192")
    found = [(o.span.line, o.span.column, o.definition) for o in F.highlights(doc, line, column)]
    assert found == [(17, 22, False), (18, 22, False)]
    expected = [(4, 41, True), (16, 22, False)]
    for cursor in ("minidisk LNXA|PP* 0191", "match LNXA|PP*"):
        doc, line, column = doc_at(text, cursor)
        assert [(o.span.line, o.span.column, o.definition) for o in F.highlights(doc, line, column)] == expected
    doc, line, column = doc_at(CLUSTER, "minidisk |* 0191")
    assert F.highlights(doc, line, column) == []


RENAME_WORDS = ["cluster C {", "member", "M", "}", "{", "single", "identity", "group", "G", "user", "U", "LNX*",
                "job", "J", "backup", "run", "on", "each", "# c", "\n", "import", "std/zvm73", "role", "admin"]


@hypothesis.settings(max_examples=30, deadline=None, suppress_health_check=[hypothesis.HealthCheck.too_slow])
@hypothesis.given(
    hs.one_of(hs.text(max_size=60), hs.lists(hs.sampled_from(RENAME_WORDS), max_size=25).map(" ".join)),
    hs.integers(0, 5),
    hs.integers(0, 80),
    hs.sampled_from(["NEW", "", "a b", "X*", "é"]),
)
def test_any_rename_is_answered_or_refused(text, line, column, new):
    doc = analyse_document("/ws/fuzz.bkr", text)
    F.highlights(doc, line, column)
    try:
        F.prepare_rename(doc, line, column)
        F.rename(doc, line, column, new)
    except F.RenameRefused as refused:
        assert refused.message

_WORD = re.compile(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*|[A-Za-z0-9$#@_*%?+\-:./]+')
_SFS_PATH = re.compile(r"([^:]*:)([^.]*)(\..*)?")


def renamed_as_text(text: str, old: str, new: str) -> str:
    """`old` replaced by `new` wherever a word spells it (in any case), and where an SFS
    path's user part does; never inside a string or a comment."""

    def word(m: re.Match) -> str:
        w = m.group()
        if w.startswith(('"', "#")):
            return w
        if w.upper() == old:
            return new
        path = _SFS_PATH.fullmatch(w)
        if path is not None and path.group(2).upper() == old:
            return path.group(1) + new + (path.group(3) or "")
        return w

    return _WORD.sub(word, text)


@hypothesis.settings(max_examples=25, deadline=None, suppress_health_check=[hypothesis.HealthCheck.too_slow])
@hypothesis.given(clusters(), hs.randoms(use_true_random=False), hs.sampled_from(["NEWNAME", "Q1", "ZZ$9"]))
def test_a_rename_is_the_textual_rename_of_its_name_where_names_are_distinct(text, rnd, new):
    """In the generated clusters a name names one thing, so renaming any word rename
    accepts changes exactly the words that spell it (and SFS paths' user parts), and
    nothing else."""
    doc = analyse_document("/ws/p.bkr", text)
    words = [m for m in _WORD.finditer(text) if not m.group().startswith(('"', "#"))]
    for m in rnd.sample(words, min(6, len(words))):
        at = m.start() + rnd.randrange(len(m.group()))
        line, column = text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1)
        try:
            done = F.rename(doc, line, column, new)
        except F.RenameRefused as refused:
            assert refused.message
            continue
        expected = {doc.name: renamed_as_text(text, done.old, done.new)}
        assert F.renamed_texts(doc, done) == expected, (done.kind, done.old)


# ----------------------------------------------------------------- code actions
def apply(text: str, fix: F.QuickFix) -> str:
    for edit in sorted(fix.edits, key=lambda e: e.span.start, reverse=True):
        text = text[: edit.span.start] + edit.new_text + text[edit.span.end :]
    return text


def test_identity_job_pinned_to_one_member_offers_on_each_member():
    from bkrdsl.check.jobs import IDENTITY_PINNED

    text = CLUSTER.replace("run on each member daily 02:00", "run on DEV1 daily 02:00")
    doc, _, _ = doc_at(text)
    assert IDENTITY_PINNED.code in [d.code for d in doc.diagnostics]
    line = text.count("\n", 0, text.index("run on DEV1 daily 02:00"))
    (fix,) = [f for f in F.fixes(doc, line, line) if f.diagnostic.code == IDENTITY_PINNED.code]
    assert fix.title == "Run on each member"
    fixed = apply(text, fix)
    assert fixed == CLUSTER
    assert IDENTITY_PINNED.code not in [d.code for d in analyse_document("/ws/dev.bkr", fixed).diagnostics]


def test_no_on_each_member_fix_that_would_drop_a_comment():
    from bkrdsl.check.jobs import IDENTITY_PINNED

    text = CLUSTER.replace("run on each member daily 02:00", "run on  # pinned for now\n      DEV1 daily 02:00")
    doc, _, _ = doc_at(text)
    pinned = [d for d in doc.diagnostics if d.code == IDENTITY_PINNED.code]
    assert pinned and "# pinned for now" in text[pinned[0].span.start : pinned[0].span.end]
    assert [f for f in F.fixes(doc, 0, 100) if f.diagnostic.code == IDENTITY_PINNED.code] == []


def test_did_you_mean_offers_the_suggestion():
    text = CLUSTER.replace("backup LINUX full", "backup LINUS full")
    doc, _, _ = doc_at(text)
    line = text.count("\n", 0, text.index("backup LINUS"))
    fixes = F.fixes(doc, line, line)
    assert [(f.title, [e.new_text for e in f.edits]) for f in fixes] == [("Replace with `LINUX`", ["LINUX"])]
    assert apply(text, fixes[0]) == CLUSTER


def test_the_fixes_offered_are_those_of_the_mistake_under_the_cursor():
    # Two mistakes on one line, each with its fix: with the cursor on one, the
    # editor was offered both fixes, both preferred, so that VS Code's *Auto Fix*
    # (which applies the one preferred fix) had none to apply. Away from both,
    # the line's fixes are offered, as before.
    text = "cluster P {\n  tape manager shared catalog node TCTMM on M1 request_node TRTMM\n}\n"
    doc, line, column = doc_at(text, "catalog no|de TCTMM")
    titles = [f.title for f in F.fixes(doc, line, line, (line, column), (line, column))]
    assert titles == ["Write `catalog-node`"]
    doc, line, column = doc_at(text, "request_|node")
    titles = [f.title for f in F.fixes(doc, line, line, (line, column), (line, column))]
    assert titles == ["Write `request-node`"]
    doc, line, column = doc_at(text, "tape mana|ger")
    titles = [f.title for f in F.fixes(doc, line, line, (line, column), (line, column))]
    assert titles == ["Write `catalog-node`", "Write `request-node`"]


def test_a_hyphen_left_out_after_a_volume_list_is_offered_its_fix():
    # `job suffix C` after a member's volume list was BKR012 without a fix: no quick fix.
    text = CLUSTER.replace("private-volume D2PRV1  job-suffix B", "private-volume D2PRV1  job suffix B")
    doc, line, column = doc_at(text, "job suf|fix B")
    fixes = F.fixes(doc, line, line, (line, column), (line, column))
    assert [f.title for f in fixes] == ["Write `job-suffix`"]
    assert apply(text, fixes[0]) == CLUSTER


MALFORMED = ROOT / "tests" / "data" / "malformed"
#: The malformed fixtures whose mistake is a `}` missing (BKR005): the quick fix each is
#: offered, whether preferred, and the lines around the `}` it inserts.
UNCLOSED_FIXES = {
    "group-body-not-closed": ("Insert `}` to end `group APPS`", True, "    LINUX02\n  }\n  identity group"),
    "second-cluster-while-first-open": (
        "Insert `}` to end `cluster PRODSSI`", True, "{ workers 4 }\n}\n\ncluster TESTSSI",
    ),
    # the file's indentation shows where the cluster ends: a fix (h14, stop 71), preferred
    "unclosed-cluster": ("Insert `}` to end `cluster PRODSSI`", True, "    backup APPS full\n  }\n}\n"),
    "unclosed-job-before-next-job": ("Insert `}` to end `job APPSFULL`", True, "backup APPS full\n  }\n  job SYSIN"),
}


def test_a_pool_without_its_medium_is_offered_each_medium_not_preferred():
    # `to pool BKUPPOOL` (BKR004, help "write `to disk pool BKUPPOOL` or `to tape pool
    # BKUPPOOL`") had no code action. Now one for each medium, before `pool`, neither
    # preferred: which one is the site's.
    text = (MALFORMED / "to-pool-without-medium.bkr").read_text(encoding="utf-8")
    doc = analyse_document("/ws/to-pool-without-medium.bkr", text)
    line = text.count("\n", 0, text.index("to pool BKUPPOOL"))
    offered = F.fixes(doc, line, line)
    assert [(f.title, f.preferred) for f in offered] == [("Insert `disk`", False), ("Insert `tape`", False)]
    assert apply(text, offered[0]) == text.replace("to pool BKUPPOOL", "to disk pool BKUPPOOL")
    assert apply(text, offered[1]) == text.replace("to pool BKUPPOOL", "to tape pool BKUPPOOL")
    assert F.fixes_give(doc, offered) == [(), ()]


def test_every_malformed_fixture_with_bkr005_is_listed():
    expecting = {p.stem for p in MALFORMED.glob("*.bkr") if b"BKR005" in p.read_bytes().split(b"\n")[0]}
    assert expecting == set(UNCLOSED_FIXES)


@pytest.mark.parametrize("name", sorted(UNCLOSED_FIXES))
def test_a_brace_never_closed_is_offered_the_brace_where_the_block_ends(name):
    # BKR005 had no code action: its diagnostic carries no fix (where a block ends is
    # the parser's guess), and the help only says "add `}` ... before this line". Now
    # *Insert `}` to end `job APPSFULL`*: before the statement that belongs outside the
    # block (after its last line, a blank line left to the statement), preferred; at
    # the end of the file for a block the file ends in, not preferred. The text fixed
    # has no BKR005 and no other syntax error.
    text = (MALFORMED / f"{name}.bkr").read_text(encoding="utf-8")
    doc = analyse_document(f"/ws/{name}.bkr", text)
    (shown,) = [p for p in F.placed(doc) if p.diagnostic.code == "BKR005"]
    line = shown.span.line - 1
    (fix,) = [f for f in F.fixes(doc, line, line, (line, 0), (line, 0)) if f.diagnostic.code == "BKR005"]
    title, preferred, around = UNCLOSED_FIXES[name]
    assert (fix.title, fix.preferred) == (title, preferred)
    fixed = apply(text, fix)
    assert around in fixed and around not in text
    assert [d.code for d in analyse_document(f"/ws/{name}.bkr", fixed).diagnostics if d.code < "BKR100"] == []
    assert F.fixes_give(doc, [fix]) == [()]


def test_blocks_the_file_ends_in_are_each_closed_innermost_first():
    text = "cluster P {\n  member VMSYS1 { workers 4 }\n  job A {\n    backup APPS full"
    doc = analyse_document("/ws/p.bkr", text)
    (fix,) = [f for f in F.fixes(doc, 0, 10) if f.diagnostic.code == "BKR005"]
    assert fix.title == "Insert `}` to end `job A` and `cluster P`"
    assert apply(text, fix) == text + "\n  }\n}"


def test_a_brace_missing_before_a_word_on_its_line_is_inserted_before_the_word():
    text = "cluster P {\n  single group APPS { CICSPRD identity group X { T }\n}\n"
    doc = analyse_document("/ws/p.bkr", text)
    (fix,) = [f for f in F.fixes(doc, 1, 1) if f.diagnostic.code == "BKR005"]
    assert apply(text, fix) == text.replace("CICSPRD identity", "CICSPRD } identity")


def test_the_comment_above_the_statement_stays_with_it_when_the_brace_is_inserted():
    text = "cluster P {\n  job A {\n    backup APPS full\n    # last of A\n\n  # the next job\n  job B {\n  }\n}\n"
    doc = analyse_document("/ws/p.bkr", text)
    (fix,) = [f for f in F.fixes(doc, 0, 20) if f.diagnostic.code == "BKR005"]
    assert apply(text, fix) == text.replace("# last of A\n", "# last of A\n  }\n")


#: CLUSTER with three slips, each with its fix, on lines of their own.
THREE_SLIPS = (
    CLUSTER.replace("backup LINUX full", "backup LINUS full")
    .replace("run on DEV1 daily 01:00", "run on DEV1X daily 01:00")
    .replace("run on each member daily 02:00", "run on DEV1 daily 02:00")
)


def _line_of(text: str, part: str) -> int:
    return text.count("\n", 0, text.index(part))


def test_a_range_is_offered_the_fixes_of_its_own_lines_only():
    # A line selected whole runs to the start of the next line (VS Code's
    # triple-click, Shift+Down): its end, on the next line, took that line in,
    # and the range (touching no mistake) was offered every fix of both lines:
    # the fix of the mistake below the line selected. LSP: the fixes of the
    # diagnostics overlapping the range.
    doc = analyse_document("/ws/dev.bkr", THREE_SLIPS)
    fixed = {"backup LINUS": "Replace with `LINUX`", "run on DEV1X": "Replace with `DEV1`"}
    fixed["run on DEV1 daily 02:00"] = "Run on each member"
    lines = THREE_SLIPS.split("\n")
    for part, title in fixed.items():
        line = _line_of(THREE_SLIPS, part)
        assert [f.title for f in F.fixes(doc, line - 1, line, (line - 1, 0), (line, 0))] == []  # the line above
        assert [f.title for f in F.fixes(doc, line, line + 1, (line, 0), (line + 1, 0))] == [title]
        assert [f.title for f in F.fixes(doc, line, line, (line, 0), (line, len(lines[line])))] == [title]
        assert [f.title for f in F.fixes(doc, line - 1, line + 1, (line - 1, 0), (line + 1, 0))] == [title]
        # Two lines, the slip's and the one below: its fix, not that of the next slip.
        assert [f.title for f in F.fixes(doc, line, line + 2, (line, 0), (line + 2, 0))] == [title]
    # The whole text: every fix (the cluster's missing A-disks, BKR253, too).
    everything = F.fixes(doc, 0, len(lines), (0, 0), (len(lines) - 1, 0))
    assert set(fixed.values()) <= {f.title for f in everything}
    assert everything == F.fixes(doc, 0, len(lines))


def test_a_cursor_away_from_the_mistakes_is_offered_those_the_client_shows_there():
    # LSP: `context.diagnostics` are those the client shows at the range; Neovim
    # sends the cursor line's, eglot and Helix those overlapping the range.
    doc = analyse_document("/ws/dev.bkr", THREE_SLIPS)
    (slip,) = [d for d in doc.diagnostics if d.code == "BKR330"]  # `DEV1X`
    s = slip.span
    shown = [(slip.code, (s.line - 1, s.column - 1), (s.end_line - 1, s.end_column - 1))]
    line = _line_of(THREE_SLIPS, "backup LINUS")
    assert [f.title for f in F.fixes(doc, 0, 0, (0, 0), (0, 0), shown)] == ["Replace with `DEV1`"]
    # The range touches a mistake of its own: that one's fix, whatever the client shows.
    assert [f.title for f in F.fixes(doc, line, line, (line, 14), (line, 14), shown)] == ["Replace with `LINUX`"]
    # A diagnostic this analysis does not hold there (the client's is stale): none.
    moved = [(slip.code, (s.line, s.column - 1), (s.end_line, s.end_column - 1))]
    assert F.fixes(doc, 0, 0, (0, 0), (0, 0), moved) == []
    assert F.fixes(doc, 0, 0, (0, 0), (0, 0), [("BKR331", *shown[0][1:])]) == []  # another code
    # Elsewhere on a slip's line, with nothing shown: the line's fixes, as before.
    assert [f.title for f in F.fixes(doc, line, line, (line, 2), (line, 2))] == ["Replace with `LINUX`"]


def test_a_cursor_on_a_mistake_without_a_fix_is_offered_no_other_fix_of_its_line():
    # `run on DEV1 daily 01:00` in SYSIN: BKR221 on `DEV1` (its fix: *Run on each
    # member*) and BKR402 on `01:00` (LNXFULL starts then too; no fix). With the
    # cursor on `01:00`, VS Code sends BKR402 as the diagnostic shown there: it was
    # offered BKR221's fix, as preferred, which *Auto Fix* applied to the other mistake.
    text = CLUSTER.replace("run on each member daily 02:00", "run on DEV1 daily 01:00")
    doc = analyse_document("/ws/dev.bkr", text)
    (warning,) = [d for d in doc.diagnostics if d.code == "BKR402" and "SYSIN" in d.message]
    s = warning.span
    at = (s.line - 1, s.column + 1)
    assert text.split("\n")[at[0]].strip() == "run on DEV1 daily 01:00" and s.end_line == s.line
    shown = [(warning.code, (s.line - 1, s.column - 1), (s.end_line - 1, s.end_column - 1))]
    assert F.fixes(doc, at[0], at[0], at, at, shown) == []
    # Nothing shown there: the line's fixes, as before; on `DEV1`, its own.
    assert [f.title for f in F.fixes(doc, at[0], at[0], at, at)] == ["Run on each member"]
    dev1 = (at[0], text.split("\n")[at[0]].index("DEV1") + 1)
    assert [f.title for f in F.fixes(doc, at[0], at[0], dev1, dev1, shown)] == ["Run on each member"]


def test_no_fix_where_two_names_are_equally_close():
    # `DEV` is as close to `DEV1` as to `DEV2`: both are offered, neither is applied.
    text = CLUSTER.replace("run on DEV1 daily 01:00", "run on DEV daily 01:00")
    doc, _, _ = doc_at(text)
    (unknown,) = [d for d in doc.diagnostics if d.code == "BKR330"]
    assert unknown.help == "did you mean `DEV1` or `DEV2`?"
    assert [f for f in F.fixes(doc, 0, 100) if f.diagnostic.code != "BKR253"] == []  # (the cluster's A-disks)


def test_no_fix_where_the_fix_is_a_choice():
    text = CLUSTER.replace("run on DEV1 daily 01:00", "run on each member daily 01:00")
    doc, _, _ = doc_at(text)
    assert "BKR220" in [d.code for d in doc.diagnostics]  # single-configuration job on every member
    assert [f for f in F.fixes(doc, 0, 100) if f.diagnostic.code != "BKR253"] == []  # (the cluster's A-disks)


def test_a_choice_the_help_writes_is_offered_as_one_action_for_each_choice_none_preferred():
    # BKR004 with a help that writes a choice had no code action, no `Fix` being made
    # for a choice: a declaration begun without its kind (`group APPS`, `user LNX09`:
    # identity or single) and a catalog or Tape Manager without its scope (shared, the
    # one the help recommends, or local). Now an action for each, none preferred.
    cases = [
        ("identity group SYSIDS { TCPIP }", "group APPS { LNX01 }", ["identity", "single"], "group APPS", "{} "),
        ("identity group SYSIDS { TCPIP }", "user LNX09", ["identity", "single"], "user LNX09", "{} "),
        ("catalog shared server", "catalog server", ["shared", "local"], " server BKRSVSFS", " {}"),
        ("include minidisk * 0191", "minidisk * 0191", ["exclude", "include"], "minidisk * 0191", "{} "),
    ]
    for old, new, words, where, text in cases:
        changed = CLUSTER.replace(old, new)
        doc, _, _ = doc_at(changed)
        found = [f for f in F.fixes(doc, 0, 100) if f.diagnostic.code == "BKR004"]
        assert [(f.title, f.preferred) for f in found] == [(f"Insert `{w}`", False) for w in words], new
        at = changed.index(where)
        assert [[(e.span.start, e.span.end, e.new_text) for e in f.edits] for f in found] == [
            [(at, at, text.format(w))] for w in words
        ]
    text = "cluster C {\n  tape manager catalog-node TCTMM on DEV1\n}\n"
    doc, _, _ = doc_at(text)
    assert [f.title for f in F.fixes(doc, 0, 100)] == ["Insert `shared`", "Insert `local`"]
    # `on` and its member left out (`run daily 01:00`, `expire {`): each member the help
    # writes, `on DEV1` or `on DEV2`; none where the statement is cut short (`run` alone).
    for old, new, where in [
        ("run on DEV1 daily 01:00", "run daily 01:00", "run daily"),
        ("expire on DEV1 {", "expire {", "expire {"),
    ]:
        changed = CLUSTER.replace(old, new)
        doc, _, _ = doc_at(changed)
        at = changed.index(where) + len(where.split()[0])
        found = [f for f in F.fixes(doc, 0, 100) if f.diagnostic.code == "BKR004"]
        assert [(f.title, f.preferred, [(e.span.start, e.new_text) for e in f.edits]) for f in found] == [
            ("Insert `on DEV1`", False, [(at, " on DEV1")]),
            ("Insert `on DEV2`", False, [(at, " on DEV2")]),
        ], new
    doc, _, _ = doc_at(CLUSTER.replace("run on DEV1 daily 01:00", "run"))
    assert [f for f in F.fixes(doc, 0, 100) if f.diagnostic.code == "BKR004"] == []


# ----------------------------------------------------------------- inlay hints
def hints_of(doc, start=(0, 0), end=(10**6, 0)):
    """(text of the line up to the hint, label) of each hint."""
    lines = doc.text.split("\n")
    return [(lines[h.line][: h.column], h.label) for h in F.inlay_hints(doc, start, end)]


def test_inlay_hints_show_worker_ids_and_job_names_per_member():
    doc, _, _ = doc_at(CLUSTER)
    assert hints_of(doc) == [
        ("  member DEV1 { workers 2", "→ BKRWRK01 BKRWRK02"),
        ("  member DEV2 { workers 2", "→ BKRWRK01 BKRWRK02"),
        ("  job SYSIN", "→ SYSIN1 SYSINB"),  # the hover's names: DEV2 has job-suffix B
    ]
    (job,) = [h for h in F.inlay_hints(doc, (0, 0), (99, 0)) if h.label.startswith("→ SYSIN")]
    assert job.tooltip == "job SYSIN on each member: SYSIN1 on DEV1, SYSINB on DEV2"
    # Only in the range asked for, both ends included.
    doc_line = CLUSTER.split("\n").index("  member DEV2 { workers 2  private-volume D2PRV1  job-suffix B }")
    assert hints_of(doc, (doc_line, 0), (doc_line, len("  member DEV2 { workers 2"))) == [
        ("  member DEV2 { workers 2", "→ BKRWRK01 BKRWRK02")
    ]
    assert hints_of(doc, (doc_line, 0), (doc_line, len("  member DEV2 { workers"))) == []


def test_long_lists_of_names_are_shortened():
    text = (ROOT / "examples" / "prodssi.bkr").read_text().replace("job SYSIN {", "job SYSINCX {")
    doc, _, _ = doc_at(text)
    found = {before.strip(): label for before, label in hints_of(doc)}
    assert found["member VMSYS1 { workers 4"] == "→ BKRWRK01–BKRWRK04"
    assert found["workers 4"] == "→ BKRWRK01–BKRWRK04"  # VMSYS2's own line
    assert found["member VMSYS3 { workers 2"] == "→ BKRWRK01 BKRWRK02"
    assert found["job SYSINCX"] == "→ SYSINCX1…SYSINCX4"
    doc, _, _ = doc_at(text.replace("job SYSINCX {", "job SYSIN {"))
    found = {before.strip(): label for before, label in hints_of(doc)}
    assert found["job SYSIN"] == "→ SYSIN1 SYSIN2 SYSIN3 SYSIN4"


def test_inlay_hints_name_the_kind_only_of_users_whose_kind_the_file_does_not_say():
    text = (
        CLUSTER.replace("import std/backup-manager", "import std/backup-manager\nimport std/zvm73")
        .replace("backup LINUX full", "backup LNXAPP07, LNX01, LINUX full")
        .replace("backup SYSIDS incremental", "backup SYSIDS, TCPIP, DIRMAINT incremental")
    )
    doc, _, _ = doc_at(text)
    kinds = [(before.strip(), label) for before, label in hints_of(doc) if label.startswith(":")]
    # LNXAPP07: only the pattern `match LNXAPP*` gives its kind; DIRMAINT: the standard
    # library declares it. LNX01 and TCPIP are declared by name in this file, LINUX and
    # SYSIDS are groups: no hint.
    assert kinds == [("backup LNXAPP07", ": single"), ("backup SYSIDS, TCPIP, DIRMAINT", ": single")]
    (dirmaint,) = [h for h in F.inlay_hints(doc, (0, 0), (99, 0)) if h.tooltip.endswith("zvm-common.bkr:86)")]
    assert dirmaint.kind == "type" and dirmaint.tooltip.startswith("single-configuration user (a USER entry")
    # The job mixes kinds (BKR222): which names it would take on each member is not known.
    assert "BKR222" in [d.code for d in doc.diagnostics]
    assert not [label for _, label in hints_of(doc) if label.startswith("→ SYSIN")]


def test_a_syntax_error_withholds_the_hints_it_leaves_unknown():
    everything = hints_of(doc_at(CLUSTER)[0])
    # In a job's block: that job's hints only.
    doc, _, _ = doc_at(CLUSTER.replace("backup SYSIDS incremental", "backup SYSIDS incremental xx"))
    assert any(d.code == "BKR004" for d in doc.diagnostics)
    assert hints_of(doc) == everything[:2]
    doc, _, _ = doc_at(CLUSTER.replace("backup LINUX full", "backup LINUX full full"))
    assert hints_of(doc) == everything
    # In a member's block: that member's, and every job's (its names take the members' suffixes).
    doc, _, _ = doc_at(CLUSTER.replace("workers 2  private-volume D2PRV1", "workers  private-volume D2PRV1"))
    assert any(d.code == "BKR010" for d in doc.diagnostics)
    assert hints_of(doc) == everything[:1]
    # Anywhere else (it may have swallowed a member, a group, an import): none.
    doc, _, _ = doc_at(CLUSTER.replace("{ TCPIP }", "{ TCPIP ]}"))
    assert any(d.code == "BKR003" for d in doc.diagnostics)
    assert hints_of(doc) == []


def test_a_stray_brace_leaves_the_language_server_the_whole_file():
    # A `}` too many closes the cluster early (BKR013): the parser reads what
    # follows in the cluster, so every answer is the one for the file without it.
    clean = (ROOT / "examples" / "prodssi.bkr").read_text()
    clean = clean.replace("member VMSYS1 { workers 4  private-volume M1PRV1 }", "member VMSYS1 { workers 4 }")
    stray = clean.replace("member VMSYS1 { workers 4 }", "member VMSYS1 { workers 4 } }")
    good, broken = doc_at(clean)[0], doc_at(stray)[0]
    assert [d.code for d in broken.diagnostics] == ["BKR013"]
    assert broken.model is not None
    assert [m.name for m in broken.model.members] == ["VMSYS1", "VMSYS2", "VMSYS3", "VMSYS4"]
    assert [j.name for j in broken.model.jobs] == ["LNXFULL", "LNXINC", "APPSFULL", "SYSIN", "SYSME"]
    assert hints_of(broken) == hints_of(good) != []
    assert [(s.name, [c.name for c in s.children]) for s in F.outline(broken)] == [
        (s.name, [c.name for c in s.children]) for s in F.outline(good)
    ]
    assert found_names([broken], "") == found_names([good], "")

    def places(spans):
        return [(s.line, s.column) for s in spans]

    for cursor in ("member VMSYS|2", "job SYS|IN", "backup LIN|UX full", "on VMSY|S2 weekly", "{ TCP|IP"):
        (doc, line, column), (ok, _, _) = doc_at(stray, cursor), doc_at(clean, cursor)
        assert F.hover(doc, line, column).markdown == F.hover(ok, line, column).markdown, cursor
        assert places(F.definition(doc, line, column)) == places(F.definition(ok, line, column)) != [], cursor
        refs = places(F.references(doc, line, column, include_declaration=True))
        assert refs == places(F.references(ok, line, column, include_declaration=True)), cursor
    doc, line, column = doc_at(stray, "run on VMSYS2| weekly")  # (over it: glued before it, none reads, h5 stop 69)
    assert {"VMSYS1", "VMSYS2", "VMSYS3", "VMSYS4"} <= {c.label for c in F.complete(doc, line, column)}
    # One `}` too many after the cluster's own closes nothing (BKR006), and hides nothing.
    doc, _, _ = doc_at(clean + "}\n")
    assert [d.code for d in doc.diagnostics] == ["BKR006"]
    assert hints_of(doc) == hints_of(good)


# ----------------------------------------------------------------- folding ranges
def folds_of(doc):
    lines = doc.text.split("\n")
    return [(lines[f.start_line].strip(), lines[f.end_line].strip(), f.kind) for f in F.folding_ranges(doc)]


def test_folding_ranges_of_blocks_comments_regions_and_imports():
    text = "# Site: production.\n# Owner: z/VM team.\n" + (
        CLUSTER.replace("import std/backup-manager\n", "import std/backup-manager\nimport std/zvm73\n")
        .replace("  ## Every member's", "  # region identity jobs\n  ## Every member's")
        .replace("daily 02:00\n  }\n", "daily 02:00\n  }\n  # endregion\n")
        .replace("identity group SYSIDS { TCPIP }", "identity group SYSIDS {\n  TCPIP\n  DIRMAINT\n}")
    )
    doc, _, _ = doc_at(text)
    assert not [d for d in doc.diagnostics if d.code < "BKR100"]
    assert folds_of(doc) == [
        ("# Site: production.", "# Owner: z/VM team.", "comment"),
        ("import std/backup-manager", "import std/zvm73", "imports"),
        ("identity group SYSIDS {", "DIRMAINT", "block"),  # the `}` of a block stays visible
        ("cluster DEV {", "# endregion", "block"),
        ("expire on DEV1 {", "purge weekly sun 03:00", "block"),
        ("job LNXFULL {", "run on DEV1 daily 01:00", "block"),
        ("# region identity jobs", "# endregion", "region"),
        ("# region identity jobs", "## Every member's system machines.", "comment"),
        ("job SYSIN {", "run on each member daily 02:00", "block"),
    ]


def test_folding_a_broken_file_follows_its_braces():
    # A `}` missing: the parser's recovery closes the job at the next `job`; the
    # braces say the rest of the cluster is in it, and the cluster runs to the end.
    text = CLUSTER.replace("    run on DEV1 daily 01:00\n  }\n", "    run on DEV1 daily 01:00\n")
    doc, _, _ = doc_at(text)
    assert [d.code for d in doc.diagnostics] == ["BKR005"]
    assert folds_of(doc) == [
        ("cluster DEV {", "}", "block"),
        ("expire on DEV1 {", "purge weekly sun 03:00", "block"),
        ("job LNXFULL {", "}", "block"),
        ("job SYSIN {", "run on each member daily 02:00", "block"),
    ]
    # A `}` too many closes nothing; braces in comments and strings do not count.
    doc, _, _ = doc_at('cluster C {\n  }\n}\n# {\nmember M {\n  description "{"\n  workers 1\n}\n')
    assert folds_of(doc) == [("member M {", 'workers 1', "block")]
    for text in ("}}}{{{", "{\n\n}\n}", 'job "abc {\n\n}', "{" * 50 + "\n" + "}" * 60):
        F.folding_ranges(doc_at(text)[0])


# ----------------------------------------------------------------- workspace symbols
def found_names(docs, query):
    return [(p.name, p.kind, p.detail) for _, p in F.workspace_symbols(docs, query)]


def test_workspace_symbols_find_jobs_by_their_names_on_each_member():
    doc, _, _ = doc_at(CLUSTER)
    assert found_names([doc], "sysin") == [
        ("SYSIN", "job", "job"),
        ("SYSIN1", "job", "job SYSIN on DEV1"),
        ("SYSINB", "job", "job SYSIN on DEV2"),
    ]
    (_, place), *_ = F.workspace_symbols([doc], "SysInB")
    assert (place.span.line, place.span.column) == (21, 7)  # job SYSIN's name
    # A subsequence finds it too, after the names that hold the query whole.
    assert found_names([doc], "SIB") == [("SYSINB", "job", "job SYSIN on DEV2")]
    assert [n for n, _, _ in found_names([doc], "dev")] == ["DEV", "DEV1", "DEV2"]
    assert ("BKRWRK02", "user", "worker on DEV2") in found_names([doc], "bkrwrk02")
    assert ("LNXAPP*", "user", "single users matching") in found_names([doc], "lnxapp")
    assert found_names([doc], "nothing-like-it") == []


def test_workspace_symbols_come_once_from_every_open_document_and_its_imports(tmp_path):
    (tmp_path / "site.bkr").write_text("## Payroll.\nsingle group PAYROLL { PAYAPP01 PAYAPP02 }\n")
    main = tmp_path / "main.bkr"
    text = CLUSTER.replace("import std/backup-manager\n", "import std/backup-manager\nimport ./site\n")
    cluster = analyse_document(str(main), text, path=main)
    module = tmp_path / "site.bkr"
    site = analyse_document(str(module), module.read_text(), path=module)
    both = F.workspace_symbols([cluster, site], "pay")
    assert [(p.name, p.detail, Path(p.span.file).name) for _, p in both] == [
        ("PAYAPP01", "single user", "site.bkr"),
        ("PAYAPP02", "single user", "site.bkr"),
        ("PAYROLL", "single group", "site.bkr"),
    ]
    assert [p for _, p in F.workspace_symbols([site, cluster], "pay")] == [p for _, p in both]
    # The standard library's names too, after the site's own.
    text = text.replace("import ./site\n", "import ./site\nimport std/zvm73\n")
    cluster = analyse_document(str(main), text, path=main)
    tcpip = [(p.name, p.detail, Path(p.span.file).name) for _, p in F.workspace_symbols([cluster], "tcpip")]
    assert tcpip == [("TCPIP", "identity user", "main.bkr"), ("TCPIP", "identity user", "zvm-common.bkr")]


# ----------------------------------------------------------------- diagnostics
def test_a_broken_imported_module_shows_at_its_import(tmp_path):
    (tmp_path / "site.bkr").write_text("single group G { A }\nsingle group H {\n")
    main = tmp_path / "main.bkr"
    text = "import ./site\ncluster C { member M { workers 1 } }\n"
    doc = analyse_document(str(main), text, path=main)
    (shown,) = [p for p in F.placed(doc) if p.diagnostic.code == "BKR005"]
    assert (shown.span.file, shown.span.line) == (str(main), 1)
    assert shown.message.startswith("in site.bkr:2: ")


def test_formatting_offers_the_canonical_text_only_when_it_differs():
    doc, _, _ = doc_at(CLUSTER)
    assert F.formatted(doc) is None
    doc, _, _ = doc_at(CLUSTER.replace("  member DEV1", "member   dev1"))
    assert F.formatted(doc) == CLUSTER


# ----------------------------------------------------------------- on-type formatting
# Each case: the text just after the keystroke, `|` the cursor; the character
# typed; the edit the server answers with, as (line, first column, last column,
# new text), or None for no edit. The server reads the text only: no analysis.
ON_TYPE_JOB = "cluster DEV {\n  member DEV1 { workers 2 }\n  job NIGHTLY {\n"
ON_TYPE = [
    ("a-new-line-in-a-block", "cluster DEV {\n  job NIGHTLY {\n|", "\n", (2, 0, 0, "    ")),
    ("a-wrong-indent-is-replaced", ON_TYPE_JOB + "    backup LINUX full\n  |", "\n", (4, 0, 2, "    ")),
    ("already-right", ON_TYPE_JOB + "    |", "\n", None),
    ("a-list-continued-after-a-comma", ON_TYPE_JOB + "    backup LINUX,\n    |", "\n", (4, 0, 4, " " * 11)),
    (
        "enter-before-a-list-s-next-value",
        ON_TYPE_JOB + "    backup LINUX,\n|APPS full",
        "\n",
        (4, 0, 0, " " * 11),
    ),
    ("a-run-on-list", ON_TYPE_JOB + "    run on DEV1,\n|", "\n", (4, 0, 0, " " * 11)),
    (
        "after-the-last-line-of-a-list-of-three-lines",
        ON_TYPE_JOB + "    backup LINUX,\n           APPS,\n           SYSIDS full\n           |",
        "\n",
        (6, 0, 11, "    "),
    ),
    (
        "a-list-broken-by-a-trailing-comment",
        ON_TYPE_JOB + "    backup LINUX,  # the guests\n    |",
        "\n",
        (4, 0, 4, " " * 11),
    ),
    (
        "a-list-broken-by-a-comment-line",
        ON_TYPE_JOB + "    backup LINUX,\n           # the applications\n    |",
        "\n",
        (5, 0, 4, " " * 11),
    ),
    (
        "a-statement-broken-before-its-list",
        ON_TYPE_JOB + "    backup  # which users\n|",
        "\n",
        (4, 0, 0, " " * 8),
    ),
    (
        "an-address-list-broken-by-a-comment",
        ON_TYPE_JOB + "    include minidisk LNX01 0191  # the A disk\n|",
        "\n",
        (4, 0, 0, "    "),  # the statement may end: the next line starts another
    ),
    (
        "an-address-list-continued",
        ON_TYPE_JOB + "    include minidisk LNX01 0191\n|0192",
        "\n",
        (4, 0, 0, " " * 27),
    ),
    (
        "tape-options",
        "cluster DEV {\n  tape manager shared catalog-node TCTMM on DEV1\n|request-node TRTMM",
        "\n",
        (2, 0, 0, " " * 22),
    ),
    ("a-closing-brace", ON_TYPE_JOB + "    backup LINUX full\n    }|", "}", (4, 0, 4, "  ")),
    ("the-cluster-s-closing-brace", ON_TYPE_JOB + "  }\n  }|", "}", (4, 0, 2, "")),
    ("a-brace-after-text-moves-nothing", ON_TYPE_JOB + "    backup LINUX full }|", "}", None),
    (
        "a-broken-file-read-as-check-reads-it",  # recovery closes the member at `job`
        "cluster DEV {\n  member DEV1 {\n    workers = 2\n  job NIGHTLY {\n    backup LINUX,\n|",
        "\n",
        (5, 0, 0, " " * 11),
    ),
    (
        "a-file-the-parser-gives-up-on-by-its-braces",
        "/* REXX */\ncluster DEV {\n  job NIGHTLY {\n|",
        "\n",
        (3, 0, 0, "    "),
    ),
    ("a-brace-that-closes-nothing", "cluster DEV {}\n  }|", "}", (1, 0, 2, "")),
    # the group's name, missing, is one the recovery assumed at the `{`: its line is the `{`'s
    ("a-group-without-its-name", "cluster DEV {\n  single group {\n|TCPIP", "\n", (2, 0, 0, "    ")),
    ("a-group-without-its-name-on-one-line", "single{ TCPIP\n|DB2PRD", "\n", (1, 0, 0, "  ")),
    # the disk's unit, missing, is one the recovery assumed: the placement comes fourth
    ("a-disk-without-its-unit", "cluster DEV {\n  disk BKRBKUP 191 size 10 on DEV1\n|member DEV2 {", "\n", (2, 0, 0, "  ")),
    ("another-character", ON_TYPE_JOB + "  backup LINUX;|", ";", None),
]


@pytest.fixture(scope="module")
def typing_editor(tmp_path_factory):
    from lsp_inprocess import Editor

    editor = Editor()
    editor.initialize(tmp_path_factory.mktemp("typing"))
    yield editor
    editor.close()


def _typed(editor, text: str, typed: str, name: str, newline: str = "\n") -> list:
    """The edits answered after `typed`, in `text` whose lines end in `newline`."""
    at = text.index("|")
    text = text.replace("|", "", 1)
    line, character = text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1)
    text = text.replace("\n", newline)
    uri = f"file:///ws/{name}.bkr"
    document = {"uri": uri, "languageId": "bkr", "version": 1, "text": text}
    editor.notify("textDocument/didOpen", {"textDocument": document})
    params = {
        "textDocument": {"uri": uri},
        "position": {"line": line, "character": character},
        "ch": typed,
        "options": {"tabSize": 4, "insertSpaces": True},
    }
    answer = editor.request("textDocument/onTypeFormatting", params)
    editor.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert editor.errors == []
    return answer["result"]


def test_the_server_offers_formatting_as_you_type():
    from lsp_inprocess import Editor

    editor = Editor()
    try:
        answer = editor.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        provider = answer["result"]["capabilities"]["documentOnTypeFormattingProvider"]
        assert provider == {"firstTriggerCharacter": "\n", "moreTriggerCharacter": ["}"]}
    finally:
        editor.close()


@pytest.mark.parametrize("name,text,typed,expected", ON_TYPE, ids=[c[0] for c in ON_TYPE])
def test_a_typed_line_is_indented_as_bkrc_fmt_indents_it(typing_editor, name, text, typed, expected):
    edits = _typed(typing_editor, text, typed, name)
    if expected is None:
        assert edits == []
        return
    line, first, last, new_text = expected
    (edit,) = edits
    assert edit == {
        "range": {"start": {"line": line, "character": first}, "end": {"line": line, "character": last}},
        "newText": new_text,
    }


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
@pytest.mark.parametrize("name,text,typed,expected", [c for c in ON_TYPE if c[3] is not None][:6])
def test_a_typed_line_in_a_crlf_file_is_indented_in_place(typing_editor, newline, name, text, typed, expected):
    # The server reads the text with LF line ends; the edit's place is the same
    # line and columns in the editor's text, and its new text breaks no line.
    line, first, last, new_text = expected
    (edit,) = _typed(typing_editor, text, typed, name, newline)
    assert edit == {
        "range": {"start": {"line": line, "character": first}, "end": {"line": line, "character": last}},
        "newText": new_text,
    }


# ----------------------------------------------------------------- line ends of the edits
# The server reads a document with LF line ends; an edit that breaks a line must
# break it as the document does, for a client that applies the edit as given (LSP
# does not ask it to convert), at the same lines and columns of the editor's text.
FIXED = textwrap.dedent(
    """\
    import std/backup-manager

    single group PAYROLL { PAYAPP01 PAYAPP02 }

    cluster TESTSSI {
      member TST1 { workers 1  private-volume T1PRV1 }
      member TST2 { workers 1  private-volume T2PRV1 }

      catalog shared server BKRSVSFS pool BKRPOOL on TST1

      job PAYFULL {
        backup PAYROLL full
        include minidisk * *
        to disk pool TSTPOOL
        run on TST2 daily 21:00
      }

      disk BKRBKUP 191 size 10 cyl
      disk BKRCATLG 191 size 10 cyl
      disk BKRWRK* 191 size 5 cyl
    }
    """
)
# (a module that exists: a fix that gives BKR101, `std/zvm`, is one `bkrc check --fix` leaves out)
IMPORTS_SPLIT = FIXED.replace("backup-manager\n", "backup-manager\nimport std/zvm73\n")
LINE_BREAKING_FIXES = [  # (name, text, the fix's title, the text it makes)
    # BKR253: the missing statement on a line of its own, after the last `disk`
    (
        "add-a-statement",
        FIXED.replace("  disk BKRWRK* 191 size 5 cyl\n", ""),
        "Add `disk BKRWRK* 191 size 5 cyl`",
        FIXED,
    ),
    # BKR004: the second module path after an `import` of its own
    (
        "split-an-import",
        IMPORTS_SPLIT.replace("\nimport std/zvm73", " std/zvm73"),
        "Write `import std/zvm73` on a line of its own",
        IMPORTS_SPLIT,
    ),
]


def _lsp_lines(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


def _applied(text: str, edits: list[dict]) -> str:
    """`text` after `edits` (JSON), as a client applies them: verbatim (ASCII text)."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def offset(position: dict) -> int:
        return starts[position["line"]] + position["character"]

    for e in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):  # the last first
        text = text[: offset(e["range"]["start"])] + e["newText"] + text[offset(e["range"]["end"]) :]
    return text


def _breaks_only_with(new_text: str, newline: str) -> bool:
    return not re.search(r"\r|\n", new_text.replace(newline, ""))


def _session(editor, name: str, text: str) -> dict:
    uri = f"file:///ws/{name}.bkr"
    document = {"uri": uri, "languageId": "bkr", "version": 1, "text": text}
    editor.notify("textDocument/didOpen", {"textDocument": document})
    return {"uri": uri}


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
@pytest.mark.parametrize("name,broken,title,fixed", LINE_BREAKING_FIXES, ids=[c[0] for c in LINE_BREAKING_FIXES])
def test_a_quick_fix_breaks_lines_as_the_document_does(typing_editor, newline, name, broken, title, fixed):
    text = broken.replace("\n", newline)
    doc = _session(typing_editor, f"fix-{name}", text)
    lines = _lsp_lines(text)
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": len(lines) - 1, "character": len(lines[-1])}}
    params = {"textDocument": doc, "range": whole, "context": {"diagnostics": []}}
    actions = typing_editor.request("textDocument/codeAction", params)["result"]
    typing_editor.notify("textDocument/didClose", {"textDocument": doc})
    assert typing_editor.errors == []
    (action,) = [a for a in actions if a["title"] == title]
    ((document, edits),) = [(c["textDocument"], c["edits"]) for c in action["edit"]["documentChanges"]]
    assert document == {**doc, "version": 1}
    assert all(_breaks_only_with(e["newText"], newline) for e in edits), edits
    assert _applied(text, edits) == fixed.replace("\n", newline)


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_formatting_breaks_lines_as_the_document_does(typing_editor, newline):
    messy = FIXED.replace("  job PAYFULL {\n    backup", "job PAYFULL {\nbackup").replace("\n\n", "\n\n\n")
    text = messy.replace("\n", newline)
    doc = _session(typing_editor, "messy", text)
    options = {"tabSize": 2, "insertSpaces": True}
    edits = typing_editor.request("textDocument/formatting", {"textDocument": doc, "options": options})["result"]
    typing_editor.notify("textDocument/didClose", {"textDocument": doc})
    assert typing_editor.errors == []
    assert all(_breaks_only_with(e["newText"], newline) for e in edits), edits
    assert _applied(text, edits) == FIXED.replace("\n", newline)


#: FIXED with a member, a job and a `disk` statement out of `bkrc fmt`'s layout.
MESSY = (
    FIXED.replace("  job PAYFULL {\n    backup PAYROLL full\n    include", "job PAYFULL {\nbackup PAYROLL full\n      include")
    .replace("  member TST1", "member TST1")
    .replace("  disk BKRBKUP 191 size 10 cyl\n", "  disk BKRBKUP 191\n     size 10 cyl\n")
)


def _format_lines(editor, name: str, text: str, first: int, end: dict) -> list[dict]:
    """Format Selection's edits, lines `first` to `end` (a position) selected."""
    doc = _session(editor, name, text)
    where = {"start": {"line": first, "character": 0}, "end": end}
    params = {"textDocument": doc, "range": where, "options": {"tabSize": 2, "insertSpaces": True}}
    edits = editor.request("textDocument/rangeFormatting", params)["result"]
    editor.notify("textDocument/didClose", {"textDocument": doc})
    assert editor.errors == []
    return edits


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_format_selection_formats_the_selected_lines_only(typing_editor, newline):
    # VS Code's Format Selection did nothing: the server had no range formatting.
    # Now: the changes `Format Document` makes to the selected lines, and no others.
    text = MESSY.replace("\n", newline)
    lines = MESSY.split("\n")
    job = lines.index("job PAYFULL {")
    closing = lines.index("  }", job)
    # The job's lines selected whole, as VS Code selects them: to the start of the next line.
    edits = _format_lines(typing_editor, "job", text, job, {"line": closing + 1, "character": 0})
    assert all(_breaks_only_with(e["newText"], newline) for e in edits), edits
    formatted_job = MESSY.replace("job PAYFULL {\nbackup PAYROLL full\n      include", "  job PAYFULL {\n    backup PAYROLL full\n    include")
    assert _applied(text, edits) == formatted_job.replace("\n", newline)
    # Half the job: its first line only (the selection ends inside it).
    (edit,) = _format_lines(typing_editor, "half", text, job, {"line": job, "character": 3})
    assert edit["range"] == {"start": {"line": job, "character": 0}, "end": {"line": job + 1, "character": 0}}
    assert edit["newText"] == "  job PAYFULL {" + newline
    # `disk BKRBKUP 191` broken over two lines is one change of the two: taken when
    # both are selected, left out when the selection holds one of them only.
    disk = lines.index("  disk BKRBKUP 191")
    (edit,) = _format_lines(typing_editor, "disk", text, disk, {"line": disk + 1, "character": 5})
    assert edit["newText"] == "  disk BKRBKUP 191 size 10 cyl" + newline
    assert _format_lines(typing_editor, "disk-half", text, disk + 1, {"line": disk + 2, "character": 0}) == []
    assert _format_lines(typing_editor, "disk-top", text, disk - 1, {"line": disk, "character": 4}) == []


def test_format_selection_of_a_block_that_becomes_one_line(typing_editor):
    # `bkrc fmt` writes the member on one line. Its `}` is the member's, not the
    # cluster's on the next line (a diff of the lines alone paired it with the
    # cluster's, and selecting the member's three lines changed nothing).
    text = "cluster P {\n  member M1 {\n    workers 1  private-volume A\n  }\n}\n"
    (edit,) = _format_lines(typing_editor, "member", text, 1, {"line": 4, "character": 0})
    assert edit == {
        "range": {"start": {"line": 1, "character": 0}, "end": {"line": 4, "character": 0}},
        "newText": "  member M1 { workers 1  private-volume A }\n",
    }
    # Its first two lines only: the change straddles the selection's edge, and is left out.
    assert _format_lines(typing_editor, "member-half", text, 1, {"line": 3, "character": 0}) == []


def test_format_selection_of_lines_in_the_layout_changes_nothing(typing_editor):
    lines = MESSY.split("\n")
    catalog = lines.index("  catalog shared server BKRSVSFS pool BKRPOOL on TST1")
    assert _format_lines(typing_editor, "canonical", MESSY, catalog - 2, {"line": catalog + 1, "character": 0}) == []
    assert _format_lines(typing_editor, "fixed", FIXED, 0, {"line": len(FIXED.split("\n")), "character": 0}) == []


def test_format_selection_leaves_a_text_with_errors_alone(typing_editor):
    # As Format Document does: `bkrc fmt` refuses a text with a syntax error.
    broken = MESSY.replace("run on TST2 daily 21:00", "run on TST2 daily 21:00 {")
    assert _format_lines(typing_editor, "broken", broken, 0, {"line": len(broken.split("\n")), "character": 0}) == []


def test_format_selection_keeps_a_byte_order_mark(typing_editor):
    # Line 1 starts after the mark (one UTF-16 unit), which Format Selection leaves.
    text = "\ufeff" + MESSY.replace("import std/backup-manager", "  import std/backup-manager")
    (edit,) = _format_lines(typing_editor, "bom", text, 0, {"line": 1, "character": 0})
    assert edit == {
        "range": {"start": {"line": 0, "character": 1}, "end": {"line": 1, "character": 0}},
        "newText": "import std/backup-manager\n",
    }


def test_a_typed_line_after_a_byte_order_mark():
    # The editor counts the mark as line 1's first character: the blanks come after it.
    from lsp_inprocess import Editor

    editor = Editor()
    try:
        editor.initialize(ROOT)
        (edit,) = _typed(editor, "\ufeff  }|", "}", "bom")
        assert edit["range"] == {"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 3}}
        assert edit["newText"] == ""
    finally:
        editor.close()


def _canonical_texts():
    from test_fmt import CASES, _d

    for path in sorted(EXAMPLES.glob("*.bkr")) + sorted(EXAMPLES.glob("*/*.bkr")):
        yield pytest.param(path.read_text(encoding="utf-8"), id=str(path.relative_to(ROOT)))
    for name, _, expected in CASES:  # every rule of the layout, comments and long lists above all
        yield pytest.param(_d(expected), id=f"fmt-{name}")


@pytest.mark.parametrize("text", list(_canonical_texts()))
def test_every_line_of_a_canonical_file_is_typed_where_it_stands(text):
    # Typed line by line (the text up to each line's end), every line of a file
    # `bkrc fmt` wrote gets the indentation it has: continuation lines of long lists
    # and of statements broken by comments, comment lines, closing braces.
    from bkrdsl.fmt.ontype import line_indent

    for n, line in enumerate(text.split("\n")):
        if line.strip():
            assert line_indent(text, n) == line[: len(line) - len(line.lstrip())], (n + 1, line)


def _thirty_groups_and_jobs() -> str:
    """A cluster of thirty groups and thirty jobs, then a job being typed: `backup G001,`."""
    groups = "".join(f"  single group G{i:03d} {{\n    LNX{i:05d} WAS{i:05d}\n  }}\n" for i in range(30))
    jobs = "".join(
        f"  job J{i:03d} {{\n    backup G{i:03d}\n    to tape\n    run on VMSYS1 daily 01:00\n  }}\n" for i in range(30)
    )
    return "cluster PROD {\n  member VMSYS1 { workers 2 }\n" + groups + jobs + "  job NEW {\n    backup G001,\n"


def _skimming_variants():
    # The canonical texts, and the examples written otherwise: a group over
    # several lines, one of them ending with `match` (its pattern on the next),
    # with a comment; a stray `}` after the first member; a member whose `}` is
    # missing before a job (recovery closes it at `job`: read as empty, the
    # blocks counted by their braces would leave the cluster open below it).
    yield from _canonical_texts()
    for path in sorted(EXAMPLES.glob("*.bkr")):
        text = path.read_text(encoding="utf-8")
        lines = re.sub(
            r"group (\w+) \{ ([^}]*)\}",
            r"group \1 {\n    \2 # users\n    OTHER1 match\n    OTHER* OTHER2\n    OTHER3\n  }",
            text,
            count=1,
        )
        stray = re.sub(r"(member \w+ \{[^}]*\})", r"\1 }", lines, count=1)
        unclosed = re.sub(r"(member \w+ \{[^}]*)\}", r"\1", text, count=1)
        for kind, variant in (("lines", lines), ("stray", stray), ("unclosed", unclosed), *_slips_near_the_top(text)):
            if variant != text:
                yield pytest.param(variant + "\n\n", id=f"{path.name}-{kind}")
    # A syntax error near the top of a cluster of thirty groups and jobs: the blocks
    # below it are read as empty once the recovery from it is over (`_past_error`).
    text = _thirty_groups_and_jobs() + "           G002\n    to disk\n  }\n  job NEXT {\n    backup G003\n"
    text = text.replace("workers 2 }\n", "workers 2 }\n  member VMSYS2 {\n    workers 3\n  }\n", 1)
    for kind, variant in _slips_near_the_top(text):
        yield pytest.param(variant, id=f"thirty-{kind}")


def _slips_near_the_top(text: str) -> list[tuple[str, str]]:
    """`text` with a syntax error in its first member or on the line after it, of
    each kind the recovery reads on after: an unknown keyword, a `}` missing, a text
    not closed on its line, a `{` too many, a `}` too many."""
    member = r"(  member \w+ \{)([^}\n]*)\}"
    return [
        ("unknown", re.sub(member, r"\1 wrkers 2\2}", text, count=1)),
        ("unknown-line", re.sub(member + "\n", r"\g<0>  frobnicate 3 4\n", text, count=1)),
        ("missing", re.sub(member, r"\1\2", text, count=1)),
        ("string", re.sub(member + "\n", r'\g<0>  description "half typed\n', text, count=1)),
        ("open", re.sub(member, r"\1 {\2}", text, count=1)),
        ("close", re.sub(member, r"\1\2} }", text, count=1)),
    ]


#: A text of up to this many lines has each placed both ways below; a longer one
#: (bank.bkr's variants, the thirty groups and jobs), every `stride`-th line and its
#: last, from an offset its length sets, so that the variants of one text place
#: different lines (reading it whole for every line costs the square of its length:
#: 8 s for bank.bkr's 180 lines); BKRDSL_FULL_WALKS=1 (.ci/explore) places every line.
PLACED_LINES = 90


@pytest.mark.parametrize("text", list(_skimming_variants()))
def test_a_typed_line_is_placed_alike_with_the_blocks_above_it_read_as_empty(text):
    # Reading the blocks closed above the line as empty (as completion reads the
    # text before the cursor) gives every line, blank ones too, the indentation
    # reading them whole gives.
    from bkrdsl.fmt.ontype import line_indent

    lines = text.count("\n") + 1
    full = lines <= PLACED_LINES or os.environ.get("BKRDSL_FULL_WALKS") == "1"
    stride = 1 if full else -(-lines // PLACED_LINES)
    placed = [n for n in range(lines) if n % stride == len(text) % stride or n == lines - 1]
    assert len(placed) <= PLACED_LINES + 1 or full
    for n in placed:
        assert line_indent(text, n) == line_indent(text, n, skim=False), (n + 1, text.split("\n")[n])


def test_a_typed_line_does_not_read_the_blocks_closed_above_it_again(monkeypatch):
    # A line typed at line 7,000 of a file of a thousand jobs read them all again
    # (0.45 s a keystroke). The blocks closed above the line are read as empty,
    # once the fast parser has found the text up to them free of syntax errors;
    # a text so found is kept, and the next lines below the same blocks do not
    # ask again. With a syntax error above, the text is read whole.
    from bkrdsl.fmt import ontype
    from bkrdsl.fmt.ontype import line_indent
    from bkrdsl.syntax import fast, parser

    read, checked = [], []
    real_prefix, real_unread = parser.parse_prefix, fast.unread_from
    monkeypatch.delenv("BKRDSL_PARSER", raising=False)  # the fast parser's way (Lark's: below)
    monkeypatch.setattr(parser, "parse_prefix", lambda source: read.append(source.text) or real_prefix(source))
    monkeypatch.setattr(fast, "unread_from", lambda source: checked.append(source.text) or real_unread(source))
    monkeypatch.setattr(ontype, "_clean", [], raising=False)
    text = _thirty_groups_and_jobs()
    assert line_indent(text, text.count("\n")) == " " * 11
    # Each run of blocks closed one after another is read as one, but its last.
    assert read[-1] == "cluster PROD {\n  member VMSYS1 { }\n  job J029 { }\n  job NEW {\n    backup G001,\n"
    assert len(checked) == 1
    text += "           G002,\n"
    assert line_indent(text, text.count("\n")) == " " * 11
    assert "LNX00000" not in read[-1] and len(checked) == 1  # found clean already
    broken = text.replace("member VMSYS1 { workers 2 }", "member VMSYS1 { workers 2")
    assert line_indent(broken, broken.count("\n")) == " " * 11
    assert "LNX00000" in read[-1] and len(checked) == 2


def test_below_a_syntax_error_a_typed_line_reads_the_blocks_closed_after_its_recovery_as_empty(monkeypatch):
    # A slip near the top (`wrkers`) had every line typed below it read the text
    # whole, 0.3-0.8 s a keystroke at line 7,000. The text without the slip's line
    # reads clean, and a line below it finds the parser in the same state with the
    # line and without it: the blocks closed below there are read as empty, those
    # above the slip too; the next line below the same blocks asks nothing again.
    from bkrdsl.fmt import ontype
    from bkrdsl.fmt.ontype import line_indent
    from bkrdsl.syntax import fast, parser

    read, checked = [], []
    real_prefix, real_unread = parser.parse_prefix, fast.unread_from
    monkeypatch.delenv("BKRDSL_PARSER", raising=False)
    monkeypatch.setattr(parser, "parse_prefix", lambda source: read.append(source.text) or real_prefix(source))
    monkeypatch.setattr(fast, "unread_from", lambda source: checked.append(source.text) or real_unread(source))
    monkeypatch.setattr(ontype, "_cut", [], raising=False)
    text = _thirty_groups_and_jobs().replace("{ workers 2 }", "{ workers 2 }\n  member VMSYS2 { wrkers 2 }", 1)
    assert line_indent(text, text.count("\n")) == " " * 11
    assert "wrkers" in read[-1] and "LNX00001" not in read[-1] and "daily" not in read[-1]
    assert len(checked) == 1
    text += "           G002,\n"
    assert line_indent(text, text.count("\n")) == " " * 11
    assert "daily" not in read[-1] and len(checked) == 1  # the same blocks above: known already
    assert all(
        line_indent(text, n) == line_indent(text, n, skim=False) for n in range(text.count("\n") + 1)
    )


def test_with_lark_selected_a_typed_line_asks_lark_whether_the_text_above_reads_clean(monkeypatch):
    # BKRDSL_PARSER=lark sets the fast parser aside for the indentation as you type
    # as for `bkrc check`: Lark finds the text above the line clean (the blocks closed
    # above it are still read as empty) or not (the text is read whole).
    from bkrdsl.fmt import ontype
    from bkrdsl.fmt.ontype import line_indent
    from bkrdsl.syntax import fast, parser

    def fast_read(source):
        raise AssertionError("the fast parser read the text")

    monkeypatch.setattr(fast, "unread_from", fast_read)
    read = []
    real_prefix = parser.parse_prefix
    monkeypatch.setenv("BKRDSL_PARSER", "lark")
    monkeypatch.setattr(fast, "read", fast_read)
    monkeypatch.setattr(parser, "parse_prefix", lambda source: read.append(source.text) or real_prefix(source))
    monkeypatch.setattr(ontype, "_clean", [], raising=False)
    text = _thirty_groups_and_jobs()
    assert line_indent(text, text.count("\n")) == " " * 11
    assert "job J029 { }" in read[-1] and "LNX00000" not in read[-1] and "daily" not in read[-1]
    broken = text.replace("member VMSYS1 { workers 2 }", "member VMSYS1 { workers 2")
    assert line_indent(broken, broken.count("\n")) == " " * 11
    assert "LNX00000" in read[-1]


def test_version_does_not_import_the_language_server():
    code = (
        "import sys\nfrom bkrdsl.cli import cli\n"
        "try:\n    cli.main(['--version'], prog_name='bkrc')\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pygls', 'lsprotocol', 'lark') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


# ----------------------------------------------------------------- no input crashes it
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = [
    "cluster",
    "member",
    "job",
    "{",
    "}",
    ",",
    "single",
    "group",
    "user",
    "LNX*",
    "on",
    "each",
    "run",
    "backup",
    "workers",
    "2",
    "# BKR221",
    "## d",
    "\n",
    '"s',
    "import",
    "std/zvm73",
    "role",
    "é",
    "\t",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(st.text(max_size=60), st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join)),
    st.integers(0, 5),
    st.integers(0, 80),
)
def test_any_text_any_position_is_answered(text, line, column):
    doc = analyse_document("/ws/fuzz.bkr", text)
    F.hover(doc, line, column)
    F.complete(doc, line, column)
    F.definition(doc, line, column)
    F.references(doc, line, column, True)
    F.outline(doc)
    F.inlay_hints(doc, (0, 0), (line, column))
    F.folding_ranges(doc)
    F.workspace_symbols([doc], text[:3])
    F.fixes(doc, 0, 10)
    F.placed(doc)
    F.formatted(doc)
    F.typed_line(doc.text, line, "\n")
    F.typed_line(doc.text, line, "}")


def test_lsp_without_pygls_says_what_to_install():
    code = "import sys\nsys.modules['pygls'] = None\nfrom bkrdsl.cli import main\nmain(['lsp'])\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "needs pygls 2" in out.stderr and "Traceback" not in out.stderr


def test_rename_counts_every_error_of_a_document_cut_at_the_limit():
    """An open document keeps its first errors only (`max_errors`, as the server
    publishes them); a rename is still judged on every error before and after it:
    the error it would add is found past the first ones, and those left out of the
    open document are no new ones."""
    junk = "single group JUNK { " + " ".join(f"TOOLONGID{i}" for i in range(20)) + " }\n"
    text = CLUSTER.replace("identity group SYSIDS { TCPIP }", "identity group SYSIDS { TCPIP  match SYS* }")
    text = text.replace("import std/backup-manager\n", "import std/backup-manager\n" + junk)
    plain = "{ LNX01 LNX02"
    at = text.index(plain) + 5
    line, column = text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1)
    doc = analyse_document("/ws/dev.bkr", text, max_errors=3)
    assert sum(d.is_error for d in doc.diagnostics) == 3 and doc.analysis.stops
    with pytest.raises(F.RenameRefused, match=re.escape("would then report BKR204")):
        F.rename(doc, line, column, "SYSX")
    done = F.rename(doc, line, column, "LNX09")  # adds no error: the 17 left out are not new
    assert done.spans


def test_hover_on_a_user_id_shows_its_entry_in_the_site_directory_when_the_setting_names_one():
    from bkrdsl.cpdirectory import read_directory

    path = EXAMPLES / "prodssi.bkr"
    text = path.read_text()
    directory = read_directory(str(EXAMPLES / "USER.DIRECT"), (EXAMPLES / "prodssi.direct").read_bytes())

    def hover_on(word: str, directory) -> str:
        doc = analyse_document(str(path), text, path=path, directory=directory)
        line = next(i for i, s in enumerate(text.splitlines()) if re.search(rf"[ {{]{re.escape(word)}\b", s))
        column = re.search(rf"[ {{]{re.escape(word)}\b", text.splitlines()[line]).start() + 1
        return F.hover(doc, line, column).markdown

    bkup = hover_on("BKRBKUP", directory)
    assert "- site directory: IDENTITY entry (USER.DIRECT:134); built on `VMSYS1`, `VMSYS2`, `VMSYS3`, `VMSYS4`;" in bkup
    # Its `disk` statement gives no place where the directory has one: BKR532's warning follows,
    # and BKR526's (prodssi.direct's AUTOONLY machines: the warning is at `disk BKRBKUP`).
    assert "minidisks `0191`\n\nThe backup server. One instance per member runs that member's jobs.\n" in bkup
    assert "**BKR526** `directory-entry-logon-changed` (warning)" in bkup
    web = hover_on("LNXWEB01", directory)
    assert "- site directory: USER entry (USER.DIRECT:273); minidisks `0100`, `0191`, `0300 (V-DISK)`" in web
    gone = read_directory("USER.DIRECT", b"USER LNXWEB02 PW 1M 1M G\n")
    assert "- site directory: no entry of this ID" in hover_on("LNXWEB01", gone)
    assert "site directory" not in hover_on("LNXWEB01", None)  # no setting: the hover as before
    unreadable = read_directory("USER.DIRECT", b"\0")
    assert "site directory" not in hover_on("LNXWEB01", unreadable)


def test_hover_on_a_pattern_shows_how_many_users_of_the_site_directory_it_matches_by_kind():
    from bkrdsl.cpdirectory import read_directory

    path = EXAMPLES / "prodssi.bkr"
    text = path.read_text()

    def hover_on_pattern(directory) -> str:
        doc = analyse_document(str(path), text, path=path, directory=directory)
        line = next(i for i, s in enumerate(text.splitlines()) if "match LNXAPP*" in s)
        column = text.splitlines()[line].index("LNXAPP*") + 1
        return F.hover(doc, line, column).markdown

    site = read_directory(str(EXAMPLES / "USER.DIRECT"), (EXAMPLES / "prodssi.direct").read_bytes())
    assert "- site directory: matches 2 users (2 USER: `LNXAPP01`, `LNXAPP02`)" in hover_on_pattern(site)
    # Of each kind, the first few in the directory's order, then how many more; SUBCONFIGs are no users.
    many = "".join(f"USER LNXAPP{n:02d} PW 1M 1M G\n" for n in range(7, 0, -1))
    many += "IDENTITY LNXAPPID PW 1M 1M G\n BUILD ON VMSYS1 USING SUBCONFIG LNXAPPS1\nSUBCONFIG LNXAPPS1\n"
    shown = hover_on_pattern(read_directory("USER.DIRECT", many.encode()))
    assert (
        "- site directory: matches 8 users (7 USER: `LNXAPP07`, `LNXAPP06`, `LNXAPP05`, `LNXAPP04`, `LNXAPP03`"
        " and 2 more; 1 IDENTITY: `LNXAPPID`)" in shown
    )
    none = read_directory("USER.DIRECT", b"USER LNXWEB01 PW 1M 1M G\n")
    assert "- site directory: matches no user" in hover_on_pattern(none)
    assert "site directory" not in hover_on_pattern(None)  # no setting: the hover as before


#: A directory for prodssi.bkr's group LINUX (`LNXWEB01 LNXWEB02 LNXDB01 match
#: LNXAPP*`, with `match LNXA*` added): LNXDB01 missing, an IDENTITY LNXAPPID that
#: both patterns match, LNXADMIN that only LNXA* does.
LINUX_DIRECT = """\
USER LNXWEB01 PW 1G 2G G
 MDISK 0191 3390 1 10 VMCOM1 MR
 MDISK 0100 3390 11 100 VMCOM1 MR
USER LNXWEB02 PW 1G 2G G
USER LNXAPP01 PW 1G 2G G
 MDISK 0191 3390 111 10 VMCOM1 MR
USER LNXAPP02 PW 1G 2G G
IDENTITY LNXAPPID PW 1M 1M G
 BUILD ON VMSYS1 USING SUBCONFIG LNXAPPS1
 BUILD ON VMSYS2 USING SUBCONFIG LNXAPPS2
 MDISK 0200 3390 121 10 VMCOM1 MR
SUBCONFIG LNXAPPS1
 MDISK 0191 3390 1 10 M1PRV1 MR
SUBCONFIG LNXAPPS2
 MDISK 0191 3390 1 10 M2PRV1 MR
USER LNXADMIN PW 1G 2G G
"""


def _linux_document(directory_text: str | None, text: str | None = None):
    from bkrdsl.cpdirectory import read_directory

    path = EXAMPLES / "prodssi.bkr"
    text = text or path.read_text().replace("match LNXAPP* }", "match LNXAPP*  match LNXA* }")
    directory = read_directory("USER.DIRECT", directory_text.encode()) if directory_text is not None else None
    return analyse_document(str(path), text, path=path, directory=directory)


def _at(doc, word: str, nth: int = 0) -> tuple[int, int]:
    """The 0-based line and column of the `nth` whole `word` of the document."""
    found = [
        (i, m.start())
        for i, line in enumerate(doc.text.split("\n"))
        for m in re.finditer(rf"(?<![\w*]){re.escape(word)}(?![\w*])", line)
    ]
    return found[nth]


def test_hover_on_a_group_shows_what_it_covers_in_the_site_directory_by_id_and_by_pattern():
    doc = _linux_document(LINUX_DIRECT)
    declared = F.hover(doc, *_at(doc, "LINUX")).markdown
    used = F.hover(doc, *_at(doc, "LINUX", 1)).markdown  # `backup LINUX full` of job LNXFULL
    assert declared == used
    # Each user once, however many of the group's IDs and patterns name it.
    assert (
        "- site directory: the group covers 6 users (5 USER: `LNXWEB01`, `LNXWEB02`, `LNXAPP01`, `LNXAPP02`,"
        " `LNXADMIN`; 1 IDENTITY: `LNXAPPID`)\n"
        "  - by ID: 2 of 3 in the directory (2 USER)\n"
        "  - `LNXAPP*`: matches 3 users (2 USER: `LNXAPP01`, `LNXAPP02`; 1 IDENTITY: `LNXAPPID`)\n"
        "  - `LNXA*`: matches 4 users (3 USER: `LNXAPP01`, `LNXAPP02`, `LNXADMIN`; 1 IDENTITY: `LNXAPPID`)\n"
        "- of the wrong kind for a single group: `LNXAPPID`, an IDENTITY entry in the directory (BKR510)\n"
        "- not a user of the directory: `LNXDB01` (BKR511)\n"
    ) in declared
    # The hover says what the checks say: BKR510 for LNXAPPID, BKR511 for LNXDB01.
    said = {(d.code, re.search(r"`(\w+)`", d.message).group(1)) for d in doc.diagnostics if d.code in ("BKR510", "BKR511")}
    assert {(code, user) for code, user in said if user.startswith("LNX")} == {("BKR510", "LNXAPPID"), ("BKR511", "LNXDB01")}
    # A group of one part: its total alone. An IDENTITY group of USERs: the other way round.
    apps = F.hover(doc, *_at(doc, "SYSIDS")).markdown
    assert "- site directory: the group covers no user\n" in apps and "BKR511" in apps and "  - " not in apps
    users = _linux_document("USER TCPIP PW 1M 1M G\nUSER FTPSERVE PW 1M 1M G\n")
    sysids = F.hover(users, *_at(users, "SYSIDS")).markdown
    assert "- of the wrong kind for an identity group: `TCPIP`, `FTPSERVE`, USER entries in the directory (BKR510)" in sysids
    # LNXAPPID declared identity in the file as well: the checks say BKR204 (the group's
    # pattern matches a user of the other kind), not BKR510, and so does the hover.
    text = (EXAMPLES / "prodssi.bkr").read_text().replace("match LNXAPP* }", "match LNXAPP* }\n  identity user LNXAPPID")
    both = _linux_document(LINUX_DIRECT, text)
    codes = {d.code for d in both.diagnostics if "LNXAPPID" in d.message}
    assert "BKR204" in codes and "BKR510" not in codes
    hover = F.hover(both, *_at(both, "LINUX")).markdown
    assert "- declared the other kind elsewhere, as the directory has them: `LNXAPPID` (a pattern of the group matches them too: BKR204)" in hover
    assert "(BKR510)" not in hover
    assert "site directory" not in F.hover(_linux_document(None), *_at(doc, "LINUX")).markdown
    unreadable = _linux_document("\0")
    assert "site directory" not in F.hover(unreadable, *_at(doc, "LINUX")).markdown


def test_go_to_definition_on_a_user_id_or_a_minidisk_address_reaches_the_site_directory():
    text = (EXAMPLES / "prodssi.bkr").read_text().replace(
        "    include minidisk * 0191\n    to disk pool BKUPPOOL",
        "    include minidisk * 0191\n    include minidisk LNXAPP01 0191\n    include minidisk LNXAPPID 0191-0200\n"
        "    to disk pool BKUPPOOL",
    )
    doc = _linux_document(LINUX_DIRECT, text)

    def places(word: str, nth: int = 0) -> list[tuple[str, int, int]]:
        return [(s.file, s.line, s.column) for s in F.definition(doc, *_at(doc, word, nth))]

    # A declared user: its declaration, then the ID on its USER statement.
    assert places("LNXWEB01") == [(str(EXAMPLES / "prodssi.bkr"), 43, 24), ("USER.DIRECT", 1, 6)]
    # A pattern: the users it matches; an owner only a pattern covers: its entry.
    assert places("LNXAPP*")[1:] == [("USER.DIRECT", 5, 6), ("USER.DIRECT", 7, 6), ("USER.DIRECT", 8, 10)]
    assert places("LNXAPP01") == [("USER.DIRECT", 5, 6)]
    # An address with its owner: its MDISK statements, an IDENTITY's SUBCONFIGs' too.
    assert places("0191", 1) == [("USER.DIRECT", 6, 8)]
    assert places("0191-0200") == [("USER.DIRECT", 11, 8), ("USER.DIRECT", 13, 8), ("USER.DIRECT", 15, 8)]
    assert places("0191", 0) == []  # `include minidisk * 0191`: every user's
    assert places("LNXDB01") == [(str(EXAMPLES / "prodssi.bkr"), 43, 42)]  # not in the directory
    without = _linux_document(None, text)
    assert F.definition(without, *_at(doc, "LNXAPP01")) == []
    assert [s.file for s in F.definition(without, *_at(doc, "LNXWEB01"))] == [str(EXAMPLES / "prodssi.bkr")]


def test_references_on_a_user_reach_its_directory_entry_and_an_owner_no_declaration_names():
    text = (EXAMPLES / "prodssi.bkr").read_text().replace(
        "    include minidisk * 0191\n    to disk pool BKUPPOOL",
        "    include minidisk * 0191\n    include minidisk LNXAPP01 0191\n    exclude minidisk LNXAPP01 0192\n"
        "    to disk pool BKUPPOOL",
    )
    doc = _linux_document(LINUX_DIRECT, text)

    def places(word: str, declarations: bool, nth: int = 0) -> list[tuple[str, int]]:
        return [(Path(s.file).name, s.line) for s in F.references(doc, *_at(doc, word, nth), declarations)]

    # Only a pattern covers LNXAPP01: the selections that name it, then its USER statement.
    assert places("LNXAPP01", True) == [("prodssi.bkr", 64), ("prodssi.bkr", 65), ("USER.DIRECT", 5)]
    assert places("LNXAPP01", False, 1) == [("prodssi.bkr", 64), ("prodssi.bkr", 65)]
    # A declared user: its places as before (VMSYS2's `exclude minidisk LNX* 0192`
    # selects it), its directory entry among its declarations.
    assert places("LNXWEB01", True) == [("prodssi.bkr", 43), ("prodssi.bkr", 13), ("USER.DIRECT", 1)]
    assert places("LNXWEB01", False) == [("prodssi.bkr", 13)]
    assert F.references(_linux_document(None, text), *_at(doc, "LNXAPP01"), True) == []  # no setting: as before


def test_what_a_quick_fix_would_add_is_the_same_without_the_checks_where_they_did_not_run():
    # `fixes_give` reads the fixed text only (no checks) where a syntax or import
    # error stopped the checks of the text as it is: `fixes.introduced` counts no
    # error of the checks then. The errors each fix would add must be those a full
    # analysis of the fixed text gives, in every rule's failing example and every
    # malformed file with fixes.
    real = F._reanalysis
    full = lambda doc, texts, scratch, checks=True: real(doc, texts, scratch)
    data = ROOT / "tests/data"
    unchecked = 0
    for path in sorted([*data.glob("rules/*.fail*.bkr"), *data.glob("malformed/*.bkr")]):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # (malformed: not UTF-8; no buffer an editor sends)
            continue
        doc = analyse_document(str(path), text, path=path)
        offered = F.fixes(doc, 0, 10**6)
        if not offered:
            continue
        unchecked += doc.analysis.model is None
        found = F.fixes_give(doc, offered)
        F._reanalysis = full
        try:
            again = analyse_document(str(path), text, path=path)
            expected = F.fixes_give(again, F.fixes(again, 0, 10**6))
        finally:
            F._reanalysis = real
        shown = lambda give: [[(d.code, d.span, d.message) for d in ds] for ds in give]
        assert shown(found) == shown(expected), path.name
    assert unchecked >= 5  # the path without the checks is taken


# --- h6 (stop 61)
@pytest.mark.parametrize(
    "last, said",
    [
        ("  catalog s", "expected `local` or `shared` after `catalog`, found `s`"),
        ("  catalog sh", "expected `local` or `shared` after `catalog`, found `sh`"),
        ("  disk BKRBKUP 191 s", "expected `size` after `191`, found `s`"),
        ("  job J {\n    include m", "expected `minidisk` or `sfs` after `include`, found `m`"),
    ],
)
def test_a_keyword_begun_at_the_end_of_the_file_is_one_error(last, said):
    # A file typed from the top: its last word is a keyword's first letter or two. The
    # error is that keyword expected; nothing more at the end of the file, as after a
    # third letter (`siz`: BKR012 alone). Was a second error on the letters read as a
    # value of a keyword never written ("expected the minidisk's virtual address (e.g.
    # 191) after `disk s`, found the end of the file", "expected a unit (cyl) after
    # `size s`"), in place of the blocks left open.
    doc, _, _ = doc_at("cluster DEV {\n" + last)
    assert [(d.code, d.message) for d in doc.diagnostics] == [("BKR004", said)]


def test_the_outline_shows_what_a_job_backs_up_where_to_and_when_and_the_catalog_s_server():
    # A job's detail was `job`, its kind again, and a catalog's its scope alone, where an
    # expiry's shows its schedules: a sysprog scanning the outline wants which groups,
    # at what level, to which medium, on which members and when; and the catalog's
    # server, pool and home. As the file writes them; the selections left out.
    doc, _, _ = doc_at(CLUSTER)
    cluster = F.outline(doc)[-1]
    assert [(c.name, c.detail) for c in cluster.children if c.kind in ("job", "catalog")] == [
        ("catalog", "shared server BKRSVSFS pool BKRPOOL on DEV1"),
        ("LNXFULL", "backup LINUX full, to disk pool P, run on DEV1 daily 01:00"),
        ("SYSIN", "backup SYSIDS incremental, to disk pool P, run on each member daily 02:00"),
    ]
    prodssi = analyse_document(str(EXAMPLES / "prodssi.bkr"), (EXAMPLES / "prodssi.bkr").read_text(), path=EXAMPLES / "prodssi.bkr")
    details = {c.name: c.detail for c in F.outline(prodssi)[-1].children}
    assert details["LNXFULL"] == "backup LINUX full, to tape, run on VMSYS2 weekly sat 22:00"
    assert details["SYSME"] == "backup SYSIDS full, to tape, run on each member monthly last-day 20:00"
    # Half typed: what is written so far, and `job` for a job that says nothing yet.
    doc, _, _ = doc_at("cluster C {\n  job J { run on }\n  job K { }\n  catalog shared server\n}\n")
    assert [(c.name, c.detail) for c in F.outline(doc)[-1].children] == [
        ("J", "run on"),
        ("K", "job"),
        ("catalog", "shared"),
    ]


def test_a_day_after_daily_gets_a_quick_fix_for_each_reading_its_help_writes():
    # `daily sun 02:00` (BKR004): its help writes `daily 02:00`, or `weekly sun 02:00` for
    # one day a week, and no quick fix was offered. Now one for each, none preferred
    # (which is meant is the site's), each giving the line its title writes.
    text = CLUSTER.replace("run on DEV1 daily 01:00", "run on DEV1 daily  sun 01:00")
    doc, line, _ = doc_at(text, "run on DEV1 daily  |sun")
    (shown,) = [p for p in F.placed(doc) if p.diagnostic.code == "BKR004"]
    offered = F.fixes(doc, line, line, (line, shown.span.column), (line, shown.span.column))
    assert [(f.title, f.preferred) for f in offered] == [
        ("Write `daily 01:00`", False),
        ("Write `weekly sun 01:00`", False),
    ]
    assert F.fixes_give(doc, offered) == [(), ()]
    from bkrdsl.fixes import apply_edits

    for fix, written in zip(offered, ("run on DEV1 daily 01:00", "run on DEV1 weekly  sun 01:00")):
        after = apply_edits(doc.text, fix.edits)
        assert after == text.replace("run on DEV1 daily  sun 01:00", written)
        assert not [d for d in analyse_document("/ws/dev.bkr", after).diagnostics if d.code == "BKR004"]


def test_a_statement_s_options_come_in_the_order_it_writes_them():
    # `catalog shared |` offered `logon-wait`, `on`, `pool`, `pool-wait`, `server`, in
    # alphabetical order: the server, its pool and its home, which every catalog
    # writes, after the waits, a tuning seldom written. And `tape manager shared |`
    # the DMMs before the nodes. Now as a statement writes them (IBM's examples).
    text = CLUSTER.replace("catalog shared server BKRSVSFS pool BKRPOOL on DEV1", "catalog shared ")
    doc, line, column = doc_at(text, "catalog shared |")
    labels = [c.label for c in F.complete(doc, line, column)]
    assert labels[:5] == ["server", "pool", "on", "logon-wait", "pool-wait"]
    text = CLUSTER.replace("  catalog shared", "  tape manager shared \n  catalog shared")
    doc, line, column = doc_at(text, "tape manager shared |")
    labels = [c.label for c in F.complete(doc, line, column)]
    assert labels[:4] == ["catalog-node", "request-node", "catalog-dmm", "request-dmm"]


# --- h3 (stop 62)
@pytest.mark.parametrize("reading", ["fast parser first", "lark", "region"])
def test_the_daily_choices_come_from_the_diagnostic_not_its_words(monkeypatch, reading):
    # The two quick fixes of `daily sun 02:00` were found by matching BKR004's message
    # with a pattern: a reword of the message dropped them without a test failing. Now
    # the diagnostic carries them (`Diagnostic.choices`), whichever reading gives it
    # (BKRDSL_PARSER=lark; and Lark reading only the region around the error, as in a
    # large file, here with `region.MIN_TOKENS` at 0): the message reworded, they
    # still come, and each gives the line its title writes, which reads clean.
    from dataclasses import replace

    from bkrdsl.fixes import apply_edits
    from bkrdsl.syntax import messages, region

    said = messages.daily_with_day
    monkeypatch.setattr(messages, "daily_with_day", lambda *a: replace(said(*a), message="a day after `daily`"))
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    regions = []
    if reading == "region":
        real = region.read_around_error
        monkeypatch.setattr(region, "MIN_TOKENS", 0)
        monkeypatch.setattr(region, "read_around_error", lambda source: regions.append(real(source)) or regions[-1])
    written = (EXAMPLES / "minimal.bkr").read_text()
    text = written.replace("run on DEV1 daily 01:00", "run on DEV1 daily sun 01:00")
    doc, line, _ = doc_at(text, "run on DEV1 daily |sun")
    assert [r is not None for r in regions] == ([True] if reading == "region" else [])
    (shown,) = [p for p in F.placed(doc) if p.diagnostic.code == "BKR004"]
    assert shown.diagnostic.message == "a day after `daily`"
    assert shown.diagnostic.fix is None  # a choice: `bkrc check --fix` applies none
    offered = F.fixes(doc, line, line, (line, shown.span.column), (line, shown.span.column))
    assert [(f.title, f.preferred) for f in offered] == [("Write `daily 01:00`", False), ("Write `weekly sun 01:00`", False)]
    assert F.fixes_give(doc, offered) == [(), ()]
    for fix, meant in zip(offered, ("run on DEV1 daily 01:00", "run on DEV1 weekly sun 01:00")):
        after = apply_edits(doc.text, fix.edits)
        assert after == written.replace("run on DEV1 daily 01:00", meant)
        assert not analyse_document("/ws/dev.bkr", after).diagnostics



def test_the_outline_shows_the_machines_a_tape_manager_names():
    # A tape manager's detail was its scope alone (`shared`), where a catalog's shows
    # its server, pool and home: a sysprog scanning the outline wants which machine is
    # the catalog node and on which member, and the request nodes and DMMs. As the file
    # writes them; what is not typed yet left out.
    prodssi = analyse_document(str(EXAMPLES / "prodssi.bkr"), (EXAMPLES / "prodssi.bkr").read_text(), path=EXAMPLES / "prodssi.bkr")
    assert [(c.name, c.detail) for c in F.outline(prodssi)[-1].children if c.kind == "tape"] == [
        ("tape manager", "shared catalog-node TCTMM on VMSYS1 request-node TRTMM catalog-dmm TCDMM request-dmm TRDMM"),
    ]
    for written, detail in [
        ("tape manager shared request-node TRTMM catalog-node TCTMM on DEV2", "shared request-node TRTMM catalog-node TCTMM on DEV2"),
        ("tape manager local catalog-node TCTMM on", "local catalog-node TCTMM"),
        ("tape manager shared catalog-node", "shared"),
    ]:
        doc, _, _ = doc_at(CLUSTER.replace("  catalog shared", f"  {written}\n  catalog shared"))
        assert [c.detail for c in F.outline(doc)[-1].children if c.kind == "tape"] == [detail], written


@pytest.mark.parametrize(
    ("clean", "written", "code", "title"),
    [
        ("run on DEV1 daily 01:00", "run on DEV1, daily 01:00", "BKR010", "Remove the `,`"),
        ("run on DEV1 daily 01:00", "run on DEV1,", "BKR010", "Remove the `,`"),
        ("\n}\n", "\n}\n}\n", "BKR006", "Remove the `}`"),
    ],
)
def test_a_trailing_comma_and_a_brace_that_closes_nothing_get_a_quick_fix(clean, written, code, title):
    # No code action was offered for either: the diagnostics carry their fix now (the
    # one `bkrc check --fix` applies), offered preferred, and it gives the file back.
    from bkrdsl.fixes import apply_edits

    text = CLUSTER.replace(clean, written, 1)
    doc, _, _ = doc_at(text)
    (shown,) = [p for p in F.placed(doc) if p.diagnostic.code == code]
    line = shown.span.line - 1
    offered = F.fixes(doc, line, line, (line, shown.span.column - 1), (line, shown.span.column - 1))
    assert [(f.title, f.preferred) for f in offered] == [(title, True)]
    assert F.fixes_give(doc, offered) == [()]
    after = apply_edits(doc.text, offered[0].edits)
    assert after == (CLUSTER if code == "BKR006" or written.endswith(" 01:00") else text.replace(written, "run on DEV1"))
    assert not [d for d in analyse_document("/ws/dev.bkr", after).diagnostics if d.is_error]


# --- h7 (stop 62)
#: Each kind of choice a diagnostic carries (`Diagnostic.choices`) but `daily sun 02:00`
#: (h3's test above): the function of `bkrdsl.syntax.messages` that makes the
#: diagnostic, CLUSTER as written and as changed, the titles offered and whether they
#: are preferred.
CHOICE_KINDS = {
    "kind of a group": (
        "missing_before", "identity group SYSIDS { TCPIP }", "group SYSIDS { TCPIP }",
        ["Insert `identity`", "Insert `single`"], False,
    ),
    "scope of a catalog": (
        "missing_other", "catalog shared server", "catalog server", ["Insert `shared`", "Insert `local`"], False,
    ),
    "scope of a catalog in capitals": (  # the pattern matched `catalog` only: none were offered
        "missing_other", "catalog shared server", "CATALOG server", ["Insert `shared`", "Insert `local`"], False,
    ),
    "action of a selection": (
        "missing_before", "include minidisk * 0191", "minidisk * 0191", ["Insert `exclude`", "Insert `include`"], False,
    ),
    "medium of a pool": ("pool_without_medium", "to disk pool P", "to pool P", ["Insert `disk`", "Insert `tape`"], False),
    "member left out": (
        "missing_other", "run on DEV1 daily 01:00", "run daily 01:00", ["Insert `on DEV1`", "Insert `on DEV2`"], False,
    ),
    "day after the time": (
        "day_after_time", "run on DEV1 daily 01:00", "run on DEV1 daily 01:00 sun",
        ["Write `weekly sun 01:00`", "Write `daily 01:00`"], False,
    ),
    # its last line lined up with `job`: where the job ends is the parser's guess (with
    # every line of the body indented, the `}` is a fix: h3's test below)
    "brace not closed before a job": (
        "not_closed_before", "    run on DEV1 daily 01:00\n  }\n", "  run on DEV1 daily 01:00\n",
        ["Insert `}` to end `job LNXFULL`"], True,
    ),
    # the job's `}` not lined up with its `{`: the indentation does not show where the
    # cluster ends, so a choice (lined up, it is a fix: h14, stop 71)
    "brace never closed": ("never_closed", "  }\n}\n", "}\n", ["Insert `}` to end `cluster DEV`"], False),
}


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
@pytest.mark.parametrize("kind", sorted(CHOICE_KINDS))
def test_every_choice_comes_from_the_diagnostic_not_its_words(monkeypatch, kind, reading):
    # The choices a help writes (`group SYSIDS`: *Insert `identity`*, *Insert `single`*;
    # `catalog server`, `minidisk * 0191`, `to pool P`, `run daily 01:00`) and BKR005's
    # `}` were found by matching the message (and label, and help) with patterns: a
    # reword dropped them without a test failing. Now the diagnostic carries them,
    # made where it is (`Diagnostic.choices`; BKR005's before a job `prefer_choice`):
    # the message, label and help reworded, they still come, and each gives a text
    # with no syntax error. `daily 01:00 sun` (`messages.day_after_time`), whose help
    # writes the same two readings as `daily sun 01:00`'s, had none: now both.
    from dataclasses import replace

    from bkrdsl.syntax import messages

    made, clean, written, titles, preferred = CHOICE_KINDS[kind]
    said = getattr(messages, made)
    reworded = lambda *a, **k: replace(said(*a, **k), message="reworded", label="reworded", help="reworded")
    monkeypatch.setattr(messages, made, reworded)
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    assert clean in CLUSTER
    text = CLUSTER.replace(clean, written, 1)
    doc = analyse_document("/ws/dev.bkr", text)
    (shown,) = [p for p in F.placed(doc) if p.diagnostic.message == "reworded"]
    assert shown.diagnostic.fix is None  # a choice: `bkrc check --fix` applies none
    line = shown.span.line - 1
    offered = F.fixes(doc, line, line, (line, shown.span.column - 1), (line, shown.span.column - 1))
    assert [(f.title, f.preferred) for f in offered] == [(t, preferred) for t in titles]
    assert F.fixes_give(doc, offered) == [()] * len(titles)
    for fix in offered:
        after = apply(text, fix)
        assert [d.code for d in analyse_document("/ws/dev.bkr", after).diagnostics if d.code < "BKR100"] == []
    if kind == "day after the time":
        assert [apply(text, f) for f in offered] == [
            CLUSTER.replace(clean, "run on DEV1 weekly sun 01:00"),
            CLUSTER,
        ]
    if kind == "brace not closed before a job":  # before the job's doc comment, which stays its own
        assert apply(text, offered[0]) == CLUSTER.replace("    run on DEV1 daily 01:00", "  run on DEV1 daily 01:00")
    if kind == "brace never closed":
        assert apply(text, offered[0]) == CLUSTER.replace("  }\n}\n", "}\n}\n")


#: CHOICE_KINDS's BKR004s in examples/prodssi.bkr: as written, as changed, the titles.
_PRODSSI_ON = ["Insert `on VMSYS1`", "Insert `on VMSYS2`", "Insert `on VMSYS3`", "Insert `on VMSYS4`"]
REGION_CHOICES = {
    "kind of a group": ("identity group SYSIDS", "group SYSIDS", ["Insert `identity`", "Insert `single`"]),
    "scope of a catalog": ("catalog shared server", "CATALOG server", ["Insert `shared`", "Insert `local`"]),
    "action of a selection": (
        "include minidisk * 0191\n    to disk", "minidisk * 0191\n    to disk", ["Insert `exclude`", "Insert `include`"],
    ),
    "medium of a pool": ("to disk pool BKUPPOOL\n    run on VMSYS2", "to pool BKUPPOOL\n    run on VMSYS2", ["Insert `disk`", "Insert `tape`"]),
    # APPSFULL: its group's only job, so each member is a choice (LNXINC's members left out
    # get a fix since stop 67, VMSYS2, where LNXFULL, the other job of its users, runs)
    "member left out": ("run on VMSYS1 daily 02:00", "run daily 02:00", _PRODSSI_ON),
    "day after the time": (
        "run on VMSYS2 daily 23:30", "run on VMSYS2 daily 23:30 sun", ["Write `weekly sun 23:30`", "Write `daily 23:30`"],
    ),
}


@pytest.mark.parametrize("kind", sorted(REGION_CHOICES))
def test_the_region_reading_carries_the_same_choices(monkeypatch, kind):
    # Lark reading only the region around the error, as in a large file (here with
    # `region.MIN_TOKENS` at 0), makes the diagnostic with its choices as the whole
    # file's reading does: the same code actions, each giving a text with no syntax error.
    from bkrdsl.syntax import region

    clean, written, titles = REGION_CHOICES[kind]
    base = (EXAMPLES / "prodssi.bkr").read_text()
    assert clean in base
    text = base.replace(clean, written, 1)
    whole = analyse_document("/ws/prodssi.bkr", text)
    regions = []
    real = region.read_around_error
    monkeypatch.setattr(region, "MIN_TOKENS", 0)
    monkeypatch.setattr(region, "read_around_error", lambda source: regions.append(real(source)) or regions[-1])
    doc = analyse_document("/ws/prodssi.bkr", text)
    # a help that reads the job against the file's declarations and other jobs (the
    # members left out: Recovery.job_home) has the whole file read (region.py, stop 67)
    assert [r is not None for r in regions] == [kind != "member left out"]
    assert doc.diagnostics == whole.diagnostics
    offered = [f for f in F.fixes(doc, 0, 10**6) if f.diagnostic.code == "BKR004"]
    assert [(f.title, f.preferred) for f in offered] == [(t, False) for t in titles]
    monkeypatch.undo()
    for fix in offered:
        after = apply(text, fix)
        assert [d.code for d in analyse_document("/ws/prodssi.bkr", after).diagnostics if d.code < "BKR100"] == []



# --- h1 (stop 63)
#: BKR005's `}` before a statement (`messages.not_closed_before`), where comment lines
#: stand between the block's last line and the statement: CLUSTER's `}` of `job LNXFULL`
#: left out, the lines between `run on DEV1 daily 01:00` and `job SYSIN` as written and
#: as the choice writes them. The comment lines directly above the statement (no blank
#: line between), at its indentation or less, are its own: the `}` goes before them.
BRACE_BEFORE_COMMENTS = {
    # `job SYSIN`'s doc comment: the `}` went after it, the comment inside `job LNXFULL`
    "doc comment": ("  ## Every member's system machines.\n", "  }\n  ## Every member's system machines.\n"),
    "two comment lines": (
        "  # nightly, after LNXFULL\n  ## Every member's system machines.\n",
        "  }\n  # nightly, after LNXFULL\n  ## Every member's system machines.\n",
    ),
    "a comment further left": ("## Every member's system machines.\n", "  }\n## Every member's system machines.\n"),
    # further right than the statement, the comment is the block's: the `}` after it, as before
    "a comment of the block": ("    # last of LNXFULL\n", "    # last of LNXFULL\n  }\n"),
    # a blank line between the block's comment and the statement's: the `}` at the blank, as before
    "a blank line above the doc comment": (
        "  # last of LNXFULL\n\n  ## Every member's system machines.\n",
        "  # last of LNXFULL\n  }\n\n  ## Every member's system machines.\n",
    ),
}


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
@pytest.mark.parametrize("case", sorted(BRACE_BEFORE_COMMENTS))
def test_the_brace_missing_before_a_statement_goes_before_its_comment_lines(monkeypatch, case, reading):
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    written, mended = BRACE_BEFORE_COMMENTS[case]
    clean = "    run on DEV1 daily 01:00\n  }\n  ## Every member's system machines.\n  job SYSIN {"
    assert clean in CLUSTER
    text = CLUSTER.replace(clean, f"    run on DEV1 daily 01:00\n{written}  job SYSIN {{")
    doc = analyse_document("/ws/dev.bkr", text)
    (shown,) = [p for p in F.placed(doc) if p.diagnostic.code == "BKR005"]
    assert shown.diagnostic.message.endswith("is not closed before `job`")
    line = shown.span.line - 1
    (fix,) = [f for f in F.fixes(doc, line, line, (line, 0), (line, 0)) if f.diagnostic.code == "BKR005"]
    assert (fix.title, fix.preferred) == ("Insert `}` to end `job LNXFULL`", True)
    fixed = apply(text, fix)
    assert fixed == CLUSTER.replace(clean, f"    run on DEV1 daily 01:00\n{mended}  job SYSIN {{")
    after = analyse_document("/ws/dev.bkr", fixed)
    assert [d.code for d in after.diagnostics if d.is_error] == []  # CLUSTER's warnings only
    if "##" in mended:  # the doc comment is still the next job's: its hover shows it
        at = fixed.index("job SYSIN") + len("job SYS")
        line, column = fixed.count("\n", 0, at), at - fixed.rfind("\n", 0, at) - 1
        assert "Every member's system machines." in F.hover(after, line, column).markdown


# --- h3 (stop 63)
@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
@pytest.mark.parametrize(
    ("written", "titles", "meant"),
    [
        # `member` before the member's name: the help's two readings
        ("run on member DEV1 daily 01:00", ["Write `on DEV1`", "Write `on each member`"],
         ["run on DEV1 daily 01:00", "run on each member daily 01:00"]),
        # where the job runs said again, naming another member: the line on either
        ("run on DEV1 daily 01:00 on member DEV2", ["Write `run on DEV1 daily 01:00`", "Write `run on DEV2 daily 01:00`"],
         ["run on DEV1 daily 01:00", "run on DEV2 daily 01:00"]),
    ],
)
def test_h3_the_readings_of_a_run_line_are_offered_each(monkeypatch, reading, written, titles, meant):
    # `run on member DEV1 daily 01:00`: the help wrote two readings that no code action
    # offered. Now the diagnostic carries them (`Diagnostic.choices`): one code action
    # each, none preferred (which is meant is the site's), each giving the line its title
    # writes, with no syntax error.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    text = CLUSTER.replace("run on DEV1 daily 01:00", written, 1)
    doc = analyse_document("/ws/dev.bkr", text)
    (shown,) = [p for p in F.placed(doc) if p.diagnostic.code == "BKR004"]
    assert shown.diagnostic.fix is None
    line = shown.span.line - 1
    offered = F.fixes(doc, line, line, (line, shown.span.column - 1), (line, shown.span.column - 1))
    assert [(f.title, f.preferred) for f in offered] == [(t, False) for t in titles]
    for fix, line_meant in zip(offered, meant):
        after = apply(text, fix)
        assert after == CLUSTER.replace("run on DEV1 daily 01:00", line_meant, 1)
        assert [d.code for d in analyse_document("/ws/dev.bkr", after).diagnostics if d.code < "BKR100"] == []


# --- h5 (stop 65)
def test_the_outline_of_a_disk_placed_at_a_cylinder_shows_where():
    # An editor's session on examples/prodssi.bkr: `disk BKRSVSFS 191 size 20 cyl on
    # VMCOM1 at 1000` was outlined "size 20 cyl on VMCOM1", its extent's start left out,
    # where the line fixes it (a site without DirMaint places its disks so).
    text = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    assert "  disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 1000\n" in text
    doc, _, _ = doc_at(text, name="/ws/prodssi.bkr")
    cluster = F.outline(doc)[-1]
    disks = {c.name: c.detail for c in cluster.children if c.kind == "disk"}
    assert disks["disk BKRSVSFS 191"] == "size 20 cyl on VMCOM1 at 1000"
    assert disks["disk BKRBKUP 191"] == "size 10 cyl"


# --- h5 (stop 66)
def test_the_a_disks_missing_at_one_place_have_one_preferred_fix_that_adds_them_all():
    # A cluster typed from scratch, no `disk` statement yet: a BKR253 for each product
    # machine, five of them at the cluster's name, and the code action there gave five
    # fixes, each preferred (VS Code's *Auto Fix* applies the preferred fix only when it
    # is the one), each adding its `disk` before the cluster's `}`, after the jobs. Now
    # one more, *Add all 5 `disk` statements*, is the one preferred, and every
    # statement goes after the cluster's set-up (members, catalog, expiry), before
    # its groups and jobs.
    text = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    start, end = text.index("  tape manager"), text.index("  ## Linux guests")
    text = text[:start] + text[end:]
    doc, _, _ = doc_at(text, name="/ws/prodssi.bkr")
    at_name = [p for p in F.placed(doc) if p.diagnostic.code == "BKR253" and p.span.line == 6]
    assert len(at_name) == 5
    offered = F.fixes(doc, 5, 5, (5, 9), (5, 9))
    assert [f.preferred for f in offered] == [False] * 5 + [True]
    joined = offered[-1]
    assert joined.title == "Add all 5 `disk` statements" and len(joined.also) == 4
    assert {p.diagnostic.message for p in (joined.shown, *joined.also)} == {p.diagnostic.message for p in at_name}
    assert F.fixes_give(doc, offered) == [()] * 6
    after = apply(text, joined)
    expire_end = "    retain 35 days\n  }\n"
    added = after[after.index(expire_end) + len(expire_end) :].split("\n")[:6]
    assert added[5] == "  ## Linux guests: single-configuration, each logs on to one member at a time."
    # In the order of the machines, as the examples write them (h7, stop 66: they were
    # in the messages' order, 5697J06C first).
    assert [line.split(" 191 ")[0] for line in added[:5]] == [
        "  disk BKRBKUP", "  disk BKRCATLG", "  disk BKRWRK*", "  disk BKRADMIN", "  disk 5697J06C"
    ]
    others = sorted(d.code for d in doc.diagnostics if d.code != "BKR253")  # (BKR230: no Tape Manager)
    left = analyse_document("/ws/prodssi.bkr", after).diagnostics
    assert sorted(d.code for d in left if d.code != "BKR253") == others
    # the catalog's SFS server's, at its name in `catalog`: a place of its own
    assert [d.message.split(",")[0] for d in left if d.code == "BKR253"] == ["`BKRSVSFS`"]
    assert after.index("  disk BKRWRK*") < after.index("## Linux guests")


@pytest.mark.parametrize("reading", ["fast", "lark"])
@pytest.mark.parametrize("typed", ["e", "ea", "eac"])
def test_each_being_typed_after_run_on_gets_the_keyword_not_a_member_to_declare(monkeypatch, reading, typed):
    # `run on eac` (`each` typed letter by letter, last on its line): BKR330's help
    # ended "declare it with `member EAC { ... }`". A small-letter beginning of
    # `each` that ends the `run` statement, no member's name starting so, gets the
    # keyword as its help, and *Write `each member`* as a choice.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    text = CLUSTER.replace("run on each member daily 02:00", f"run on {typed}", 1)
    doc = analyse_document("/ws/dev.bkr", text)
    (shown,) = [p for p in F.placed(doc) if p.diagnostic.code == "BKR330"]
    d = shown.diagnostic
    assert d.help == (
        f"`{typed}` begins the keyword `each`: write `run on each member` for the job to run on every member,"
        " one job per member; the members are DEV1, DEV2"
    )
    assert "declare" not in d.help and d.fix is None
    line = shown.span.line - 1
    (offered,) = F.fixes(doc, line, line, (line, shown.span.column - 1), (line, shown.span.column - 1))
    assert offered.title == "Write `each member`" and not offered.preferred
    after = apply(text, offered)
    assert "    run on each member\n" in after
    assert [x.code for x in analyse_document("/ws/dev.bkr", after).diagnostics if x.severity.value == "error"] == []
    # With its schedule, in capitals, or where a member's name starts so: a member.
    for written in (f"run on {typed} daily 02:00", f"run on {typed.upper()}"):
        other = analyse_document("/ws/dev.bkr", CLUSTER.replace("run on each member daily 02:00", written, 1))
        (d,) = [x for x in other.diagnostics if x.code == "BKR330"]
        assert "declare it with" in d.help
    named = text.replace("DEV2", "EACH2")
    (d,) = [x for x in analyse_document("/ws/dev.bkr", named).diagnostics if x.code == "BKR330"]
    assert "begins the keyword" not in d.help


# --- h7 (stop 66)
_POOL_TYPED = ": write a `:` after it, then the owner's user ID, `BKRPOOL:USER.DIR`"


@pytest.mark.parametrize(
    ("typed", "code", "help"),
    [
        ("B", "BKR318", "`B` begins `BKRPOOL`, the file pool the cluster names" + _POOL_TYPED),
        ("BKRPOOL", "BKR318", "`BKRPOOL` is the file pool the cluster names" + _POOL_TYPED),
        ("BKRPOOL:C", "BKR406", "`C` begins `CICSPRD`, which the job backs up: write the user ID in full, then its directories"),
        ("BKRPOOL:D", "BKR406", "`D` begins `DB2PRD`, which the job backs up: write the user ID in full, then its directories"),
    ],
)
def test_an_sfs_path_being_typed_gets_the_pool_or_user_it_begins(typed, code, help):
    # `include sfs B`, `exclude sfs BKRCAT:C`, a path typed letter by letter (an editor
    # checks each keystroke): BKR318 said "name its file pool first, `BKRPOOL:B` if it
    # is in BKRPOOL", and BKR406 "add C to `APPS`". The statement's last word that
    # begins a file pool the cluster names, or a user part without directories that
    # begins the job's users, gets that pool or those users as its help.
    text = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
    written = f"    include sfs {typed}\n"
    text = text.replace("    include sfs BKRPOOL:CICSPRD.*\n", written, 1)
    (d,) = [d for d in analyse_document("/ws/prodssi.bkr", text).diagnostics if d.code == code]
    assert d.help == help and d.fix is None
    # Not the statement's last word, or with its directories: the help for a finished path.
    for other in (f"    include sfs {typed} BKRPOOL:CICSPRD.*\n", f"    include sfs {typed}.*\n"):
        found = [x for x in analyse_document("/ws/prodssi.bkr", text.replace(written, other)).diagnostics if x.code == code]
        assert all("begins" not in x.help and "is the file pool" not in x.help for x in found), (other, found)


# --- h7 (stop 67)
@pytest.mark.parametrize(
    ("example", "site"),
    [
        ("minimal.bkr", None),
        ("prodssi.bkr", None),
        ("prodssi.bkr", "prodssi.direct"),
        ("bank.bkr", "bank.direct"),
        ("spreadssi.bkr", None),
        ("lnxssi.bkr", None),
    ],
)
def test_a_disks_without_a_member_are_those_of_the_file_with_its_block_blanked(example, site):
    # While a member block without its `private-volume` is typed, the server reads
    # BKR253 as the file reads without that block (`BkrServer.steadied`). It did so by
    # analysing the text again with the block blanked, at each keystroke a second whole
    # analysis; now by leaving the member out of the parsed cluster and running
    # BKR253's check alone (features.a_disks_without_member). The warnings are those
    # of the blanked file, to the fixes and related places, for each member of each
    # example without its `disk ... 191` statements (with the site's directory too,
    # which BKR253 leaves the A-disks it defines to).
    from bkrdsl.cpdirectory import read_directory
    from bkrdsl.diagnostics.core import sort_key

    path = EXAMPLES / example
    # the machines' A-disks left out too, for BKR253 to say something
    whole = "".join(line for line in path.read_text().splitlines(True) if not re.match(r"\s*disk \S+ 0?191 ", line))
    directory = read_directory(str(EXAMPLES / "USER.DIRECT"), (EXAMPLES / site).read_bytes()) if site else None
    members = analyse_document(str(path), whole, path=path).analysis.model.cluster.members
    held_any = False
    for member in members:
        text = whole
        for setting in reversed(member.settings_named("private-volume")):  # left out, as not typed yet
            text = text[: setting.span.start] + " " * (setting.span.end - setting.span.start) + text[setting.span.end :]
        doc = analyse_document(str(path), text, path=path, directory=directory)
        at = (member.name.span.line - 1, member.name.span.column - 1)  # (0-based)
        held = F.a_disks_without_member(doc, at, at)
        if not any(m.settings_named("private-volume") for m in members if m is not member):
            assert held is None
            continue
        (start, end) = member.span.start, member.span.end
        blanked = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
        again = analyse_document(str(path), blanked, path=path, directory=directory)
        expected = sorted((d for d in again.diagnostics if d.code == "BKR253"), key=sort_key)
        assert sorted(held, key=sort_key) == expected, member.name.text
        held_any = held_any or bool(expected)
    # (prodssi.direct gives every machine its 0191: BKR520's, no BKR253 to hold)
    assert held_any or site == "prodssi.direct", "no member's block holds a warning back"


# --- h4 (stop 68)


@pytest.mark.parametrize("reading", ["fast", "lark"])
@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.bkr")))
def test_h4s68_a_file_read_closed_takes_its_own_parse_its_open_blocks_ending_at_their_braces(
    example, reading, monkeypatch
):
    # While a file typed without its closing braces is typed at its end, the server
    # reads it closed there (`read_closed`) at every keystroke: the text with BKR005's
    # `}`s was parsed again, two parses a re-check where a normal one has one
    # (1.65x at 10,000 users, bench/lsp_second_analysis_bench.py). `_closed_parse`
    # gives the closed text's parse from the document's own, the blocks never closed
    # ending at their `}`s: the very AST (every field, spans and comments, `repr`),
    # Source and no diagnostic the closed text's parse gives, under both parsers, for
    # each example left open by one, two and three `}`s, its last line ended, not
    # ended, followed by blank lines or by a comment.
    from bkrdsl.resolve.loader import read_text

    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    path = EXAMPLES / example
    body = path.read_text().rstrip()
    compared = 0
    for _ in range(3):
        if not body.endswith("}"):
            break
        body = body[:-1].rstrip()
        for tail in ("\n", "", "\n\n  \n", "\n  # a comment below\n", "  # a comment on the line\n"):
            text = body + tail
            doc = analyse_document(str(path), text, path=path)
            held = next((d for d in doc.diagnostics if F.closed_later(d)), None)
            if held is None:
                continue
            mend = held.fix or held.choices[0]
            (edit,) = mend.edits
            closed = text[: edit.span.start] + edit.new_text + text[edit.span.end :]
            got = F._closed_parse(doc, held, edit, closed)
            assert got is not None, (example, tail)
            source, module, diagnostics = read_text(str(path), closed.encode())
            assert diagnostics == [] and got[2] == ()
            assert got[0] == source and repr(got[1]) == repr(module), (example, tail)
            compared += 1
    assert compared >= 5


def test_h4s68_a_file_read_closed_takes_its_own_parse_only_when_its_one_diagnostic_is_bkr005():
    # A file whose text says something more than BKR005 (here a warning) is parsed
    # again closed, as before: the parse taken over holds no diagnostic.
    from dataclasses import replace

    text = "import std/backup-manager\n\ncluster DEV {\n  member DEV1 { workers 2  private-volume D1PRV1 }\n"
    doc = analyse_document("dev.bkr", text)
    (held,) = doc.diagnostics
    (edit,) = (held.fix or held.choices[0]).edits
    closed = text[: edit.span.start] + edit.new_text + text[edit.span.end :]
    assert F._closed_parse(doc, held, edit, closed) is not None
    other = replace(held, code="BKR999", related=())
    doc.analysis.diagnostics = [held, other]
    assert F._closed_parse(doc, held, edit, closed) is None
# --- h8 (stop 68)
def _syntax_errors(text: str) -> list[tuple[str, int]]:
    from bkrdsl.source import Source
    from bkrdsl.syntax import read_module

    return [(d.code, d.span.line if d.span else 0) for d in read_module(Source.of("prodssi.bkr", text))[1]]


def _accepted_reads(text: str, item: F.Completion) -> bool:
    """Whether `text` with `item` accepted (written over the word typed) reads without a
    syntax error; for a keyword that takes a value (`job-suffix`), once it is typed."""
    head, tail = text[: item.start] + (item.text or item.label), text[item.end :]
    # (`logon-wait 2 minutes`; h11, stop 69: `include minidisk X X`, `include sfs X`)
    values = ("", " X", ' "X"', " X X", " member", " minidisk X X", " sfs X") if item.kind == "keyword" else ("",)
    return any(not _syntax_errors(head + value + tail) for value in values)


@pytest.mark.parametrize(
    ("cursor", "absent", "offered"),
    [
        # between two addresses: the words after are the selection's own (BKR004/BKR010)
        ("exclude minidisk * 0190 | 019D 019E 0300", {"backup", "exclude", "include", "run", "to"}, set()),
        # before a user ID in a group body: `match` would make it a pattern
        ("{ LNXWEB01 | LNXWEB02", {"match"}, {"PMAINT"}),
        # before the body's `}`: `match` and its pattern, typed next
        ("match LNXAPP* | }", set(), {"match", "PMAINT"}),
        # a statement of the block and its value before the next one: `job-suffix S`
        # (h11, stop 69: `exclude` too, now offered with `minidisk X X` or `sfs X` typed next;
        # not `include`, which a member block may not hold, BKR117, h5 stop 70)
        ("workers 4 | private-volume M1PRV1", {"workers", "include"}, {"job-suffix", "private-volume", "exclude"}),
        # the catalog's options: not those the line says after the cursor (BKR115: `pool
        # BKRPOOL on VMSYS1` follow `server BKRSVSFS`), the waits with their two words (h5)
        ("catalog shared | server BKRSVSFS", {"server", "pool", "on", "expire", "disk"}, {"logon-wait", "pool-wait"}),
        # before the member's `on`: nothing fits (the days, `backup`, `on` twice)
        ("run on VMSYS2 | weekly sat", {"daily", "weekly", "backup", "include", "exclude"}, set()),
        ("run | on VMSYS2 weekly", {"on"}, set()),
        ("to | tape", {"disk", "tape"}, set()),
        # the statement's last option, then the next line's statement: `expire` would read it
        ("pool BKRPOOL | on VMSYS1", {"expire", "disk", "shared-volume"}, set()),
        ("import | std/zvm73", {"std/zvm73", "std/backup-manager"}, set()),
    ],
)
def test_completion_in_the_middle_of_a_line_offers_what_the_rest_of_the_line_reads_after(cursor, absent, offered):
    # Completion read only the text before the cursor: between two words of a line it
    # offered what may come next there, though the words after it then read as the
    # new word's (`exclude minidisk * 0190 | 019E`: `backup`, `to`, ... each BKR004 or
    # BKR010 once accepted). Now each item is one the rest of the line still reads
    # after, as it read before, and accepting it gives no syntax error.
    text = (EXAMPLES / "prodssi.bkr").read_text()
    before, after = (part.strip(" ") for part in cursor.split("|"))
    text, replaced = re.subn(re.escape(before) + " +" + re.escape(after), before + "  " + after, text, count=1)
    assert replaced  # the cursor between two blanks
    doc, line, column = doc_at(text, before + " | " + after, name=str(EXAMPLES / "prodssi.bkr"))
    found = F.complete(doc, line, column)
    labels = {c.label for c in found}
    assert offered <= labels and not labels & absent, labels
    for item in found:
        assert _accepted_reads(text, item), item.label


def test_each_completion_in_the_middle_of_a_line_of_an_example_reads_once_accepted():
    # Every place in prodssi.bkr where a word is followed by others on its line: each
    # item offered there, written over the word, leaves the file without a syntax
    # error (a keyword that takes a value, once it is typed).
    path = EXAMPLES / "prodssi.bkr"
    text = path.read_text()
    doc = analyse_document(str(path), text, path=path)
    places = 0
    for m in re.finditer(r"[^\s#\"](?=[ \t]+[^\s#])", text):
        at = m.end()
        line_start = text.rfind("\n", 0, at) + 1
        if "#" in text[line_start:at] or '"' in text[line_start:at]:
            continue
        places += 1
        found = F.complete(doc, text.count("\n", 0, at), at - line_start)
        names = [c for c in found if c.kind != "keyword"]
        for item in [c for c in found if c.kind == "keyword"] + names[:2] + names[-1:]:  # (the names alike)
            assert _accepted_reads(text, item), (text[line_start:at] + "|" + text[at : text.find("\n", at)], item.label)
    assert places > 150
# --- h5 (stop 69)
def _h5_prodssi(old: str = "", new: str = "") -> str:
    text = (EXAMPLES / "prodssi.bkr").read_text()
    if old:
        assert old in text
        text = text.replace(old, new, 1)
    return text


def _h5_accepted(text: str, item: F.Completion, values=("",)) -> str | None:
    """`text` with `item` accepted (its text written over `start:end`) and one of `values`
    typed after it, the first that reads without a syntax error; None if none does."""
    head, tail = text[: item.start] + (item.text or item.label), text[item.end :]
    for value in values:
        if not _syntax_errors(head + value + tail):
            return head + value + tail
    return None


def test_h5s69_an_item_before_the_word_the_cursor_is_glued_to_is_written_with_a_blank():
    # `{ LNXWEB01 |LNXWEB02`: the item accepted replaced the empty word at the cursor and
    # joined the word after it (`CICSPRDLNXWEB02`; `match` gave `matchLNXWEB02`). Now
    # each item is written with a blank after it, and only one that the words after the
    # cursor still read after as before: the users, not `match` (a pattern then).
    text = _h5_prodssi()
    doc, line, column = doc_at(text, "{ LNXWEB01 |LNXWEB02", name=str(EXAMPLES / "prodssi.bkr"))
    found = F.complete(doc, line, column)
    assert {"CICSPRD", "DB2PRD"} <= {c.label for c in found} and "match" not in {c.label for c in found}
    for item in found:
        assert item.text == item.label + " " and item.start == item.end
        accepted = _h5_accepted(text, item)
        assert accepted is not None and f"{item.label} LNXWEB02" in accepted, item.label
    # In a word (`f|ull`), no item: it would leave the word's tail a word of its own.
    doc, line, column = doc_at(text, "backup LINUX f|ull", name=str(EXAMPLES / "prodssi.bkr"))
    assert F.complete(doc, line, column) == []
    # A keyword whose value is typed next is not offered there: the value would join.
    doc, line, column = doc_at(text, "workers 4  |private-volume", name=str(EXAMPLES / "prodssi.bkr"))
    assert F.complete(doc, line, column) == []


def test_h5s69_each_item_glued_before_a_word_of_an_example_reads_once_accepted():
    # Every place in the examples where a word starts after a blank, with a word before
    # it on its line: each item offered there, accepted, leaves the file reading without
    # a syntax error, the word after the cursor apart from it.
    places = offered = 0
    for path in (EXAMPLES / "prodssi.bkr", EXAMPLES / "bank.bkr"):
        text = path.read_text()
        doc = analyse_document(str(path), text, path=path)
        for m in re.finditer(r"(?<=[^\s#\"][ \t])(?=[A-Za-z0-9$@_*%?])", text):
            at = m.start()
            line_start = text.rfind("\n", 0, at) + 1
            if "#" in text[line_start:at] or '"' in text[line_start:at]:
                continue
            places += 1
            found = F.complete(doc, text.count("\n", 0, at), at - line_start)
            offered += len(found)
            names = [c for c in found if c.kind != "keyword"]
            for item in [c for c in found if c.kind == "keyword"] + names[:2] + names[-1:]:
                assert item.text.endswith(" "), item
                assert _h5_accepted(text, item) is not None, (path.name, text[line_start:at] + "|", item.label)
    assert places > 300 and offered > 50


@pytest.mark.parametrize(
    ("old", "new", "cursor", "absent", "offered"),
    [
        # the catalog's options the line says after the cursor: BKR115 once typed
        ("shared server", "shared  server", "catalog shared | server", {"server", "pool", "on"}, {"logon-wait", "pool-wait"}),
        (
            "server BKRSVSFS pool BKRPOOL",
            "server BKRSVSFS  pool BKRPOOL",
            "server BKRSVSFS | pool",
            {"server", "pool", "on"},
            {"logon-wait", "pool-wait"},
        ),
        # the Tape Manager's: the line below goes on with them (`catalog-dmm`, `request-dmm`)
        (
            "shared catalog-node TCTMM on VMSYS1 request-node",
            "shared  request-node",
            "shared | request-node",
            {"request-node", "catalog-dmm", "request-dmm"},
            {"catalog-node"},
        ),
        # a member's statement the rest of its line says: `workers` (BKR115)
        ("VMSYS1 { workers 4  private", "VMSYS1 {  workers 4  private", "VMSYS1 { | workers", {"workers"}, {"job-suffix"}),
    ],
)
def test_h5s69_completion_leaves_out_what_the_words_after_the_cursor_say_once_already(old, new, cursor, absent, offered):
    # `catalog shared | server BKRSVSFS pool BKRPOOL on VMSYS1` offered `pool` and `on`,
    # which read there but are said again later on the line: BKR115 once their value
    # is typed. The options (and a block's statements) the rest of the line says where
    # they go once are left out, as those before the cursor are.
    text = _h5_prodssi(old, new)
    doc, line, column = doc_at(text, cursor, name=str(EXAMPLES / "prodssi.bkr"))
    found = F.complete(doc, line, column)
    labels = {c.label for c in found}
    assert offered <= labels and not labels & absent, labels
    for item in found:
        # (h11, stop 69: `include` and `exclude`, with `minidisk X X` typed next)
        accepted = _h5_accepted(text, item, ("", " X", ' "X"', " X X", " X on X", " minidisk X X"))
        assert accepted is not None, item.label
        from bkrdsl.pipeline import analyse

        path = EXAMPLES / "prodssi.bkr"
        assert "BKR115" not in {d.code for d in analyse(str(path), accepted.encode(), path=path).diagnostics}, item.label


def test_h5s69_a_group_body_leaves_out_the_users_it_lists_after_the_cursor():
    # `{ LNXWEB01 | LNXWEB02 LNXDB01 match LNXAPP* }`: the users the body lists after the
    # cursor are not offered (BKR416), as those before it are not (already so: a guard).
    text = _h5_prodssi("{ LNXWEB01 LNXWEB02", "{ LNXWEB01  LNXWEB02")
    doc, line, column = doc_at(text, "{ LNXWEB01 | LNXWEB02", name=str(EXAMPLES / "prodssi.bkr"))
    labels = {c.label for c in F.complete(doc, line, column)}
    assert "CICSPRD" in labels and not labels & {"LNXWEB01", "LNXWEB02", "LNXDB01", "TCPIP"}


@pytest.mark.parametrize(
    ("path", "old", "new", "cursor", "keyword", "value"),
    [
        # `logon-wait 2 minutes` between the catalog's server and its pool
        ("prodssi.bkr", "server BKRSVSFS pool", "server BKRSVSFS  pool", "BKRSVSFS | pool", "logon-wait", " 2 minutes"),
        # a disk's size, before its `on`: two words
        ("bank.bkr", "BKRBKUP 191 size 10 cyl on PAPRV1", "BKRBKUP 191  on PAPRV1", "191 | on PAPRV1", "size", " 10 cyl"),
        # the Tape Manager's catalog node: a name, `on` and a member
        (
            "prodssi.bkr",
            "shared catalog-node TCTMM on VMSYS1 request-node",
            "shared  request-node",
            "shared | request-node",
            "catalog-node",
            " TCTMM on VMSYS1",
        ),
    ],
)
def test_h5s69_a_keyword_whose_value_is_two_words_is_offered_in_the_middle_of_a_line(path, old, new, cursor, keyword, value):
    # A keyword was offered in the middle of a line before another option only where
    # one word typed after it made the line read (`job-suffix S`): `logon-wait 2
    # minutes`, `size 10 cyl`, `catalog-node TCTMM on VMSYS1` never were. Now where
    # its whole value reads; accepted and its value typed, the line reads.
    original = (EXAMPLES / path).read_text()
    text = original.replace(old, new, 1)
    assert text != original
    doc, line, column = doc_at(text, cursor, name=str(EXAMPLES / path))
    (item,) = [c for c in F.complete(doc, line, column) if c.label == keyword]
    accepted = text[: item.start] + (item.text or item.label) + value + text[item.end :]
    assert not _syntax_errors(accepted)
    if keyword != "logon-wait":  # (the words taken out, written back)
        assert accepted == original


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.bkr")))
def test_h5s69_a_file_read_closed_has_its_line_starts_found_once(example, monkeypatch):
    # `read_closed` worked out the closed text's line starts twice: `_closed_parse`'s
    # `Source.of` (a loop over the whole text) and the loader's `decode` of it. The
    # closed text's are now the document's, with the `}`s' lines put in: the same line
    # starts (Source equality leaves them out), without `Source.of`.
    from bkrdsl.resolve.loader import read_text
    from bkrdsl.source import Source

    path = EXAMPLES / example
    body = path.read_text().rstrip()
    compared = 0
    made: list = []
    of = Source.of
    counted = staticmethod(lambda *a: made.append(a) or of(*a))
    for _ in range(3):
        body = body[:-1].rstrip()
        for tail in ("\n", "", "\n\n  \n", "\n  # a comment below\n"):
            text = body + tail
            doc = analyse_document(str(path), text, path=path)
            held = next((d for d in doc.diagnostics if F.closed_later(d)), None)
            if held is None:
                continue
            (edit,) = (held.fix or held.choices[0]).edits
            closed = text[: edit.span.start] + edit.new_text + text[edit.span.end :]
            made.clear()
            monkeypatch.setattr(Source, "of", counted)
            got = F._closed_parse(doc, held, edit, closed)
            monkeypatch.setattr(Source, "of", staticmethod(of))
            assert got is not None and made == []
            source = read_text(str(path), closed.encode())[0]
            assert got[0] == source and got[0]._line_starts == source._line_starts, (example, tail)
            compared += 1
    assert compared >= 4
# --- h11 (stop 69)
def _h11_example(name: str, old: str = "", new: str = "") -> tuple[str, Path]:
    path = EXAMPLES / name if name.endswith(".bkr") else Path("/ws/dev.bkr")
    text = path.read_text() if name.endswith(".bkr") else CLUSTER
    if old:
        assert old in text
        text = text.replace(old, new, 1)
    return text, path


def _h11_analysed_codes(text: str, path: Path) -> set[str]:
    from bkrdsl.pipeline import analyse

    return {d.code for d in analyse(str(path), text.encode(), path=path).diagnostics}


@pytest.mark.parametrize(
    ("example", "old", "new", "cursor", "offered", "absent"),
    [
        # glued to a job's first name: the others, each with its `,`, not LINUX again (BKR412)
        # (not `SYSIDS,`, IDENTITY beside single `LINUX`: BKR222, h5 stop 70)
        ("prodssi.bkr", "", "", "backup |LINUX full", {"APPS,", "CICSPRD,"}, {"LINUX,", "APPS", "full", "SYSIDS,"}),
        # a blank on either side: the same, written over nothing
        ("prodssi.bkr", "backup LINUX full", "backup  LINUX full", "backup | LINUX", {"APPS,"}, {"LINUX,", "APPS", "SYSIDS,"}),
        # a name typed, then the list's name: the names that start with it too
        ("prodssi.bkr", "backup LINUX full", "backup AP LINUX full", "backup AP| LINUX", {"APPS,"}, {"LINUX,", "APPS"}),
        # the members of a job of IDENTITY users, which runs on several
        ("dev", "run on each member daily 02:00", "run on DEV1 daily 02:00", "run on |DEV1 daily 02:00", {"DEV2,"}, {"DEV1,", "DEV2", "each"}),
        # a day before the days listed, not those they list (BKR416)
        ("bank.bkr", "", "", "weekly |mon,tue,wed", {"sun,"}, {"mon,", "tue,", "sat,", "sun"}),
        ("prodssi.bkr", "", "", "purge weekly |sun", {"mon,", "sat,"}, {"sun,", "mon"}),
    ],
)
def test_h11s69_a_name_before_a_list_s_next_name_is_offered_with_its_comma(example, old, new, cursor, offered, absent):
    # `backup |LINUX`: the cursor glued to a list's first name offered nothing, a name
    # there needing its `,` (h5, stop 69). Now each name that fits is offered with it
    # (`SYSIDS,`, written `SYSIDS, LINUX`), but those the list holds already; accepted,
    # the file reads without a syntax error and lists no name twice.
    text, path = _h11_example(example, old, new)
    doc, line, column = doc_at(text, cursor, name=str(path))
    found = F.complete(doc, line, column)
    labels = {c.label for c in found}
    assert offered <= labels and not labels & absent, labels
    glued = text[doc.offset(line, column)] != " "
    for item in found:
        assert item.label.endswith(",") and item.kind != "keyword", item
        assert (item.text == item.label + " ") if glued else (item.text or item.label) == item.label, item
        accepted = _h5_accepted(text, item)
        assert accepted is not None, item.label
        assert not _h11_analysed_codes(accepted, path) & {"BKR412", "BKR115", "BKR416"}, item.label


def test_h11s69_no_second_member_with_its_comma_where_on_names_one():
    # A job of single-configuration users runs on one member (BKR220), a shared
    # catalog's expiry on one (BKR211): `run on |DEV1`, `expire on |DEV1` offer none.
    for cursor in ("run on |DEV1 daily 01:00", "expire on |DEV1 {"):
        doc, line, column = doc_at(CLUSTER, cursor)
        assert F.complete(doc, line, column) == [], cursor


@pytest.mark.parametrize(
    ("old", "new", "cursor"),
    [
        # a member's statement, before the next on its line
        ("", "", "workers 4 | private-volume M1PRV1"),
        # a job's, before another selection on its line
        ("full\n    include minidisk * 0100-0FFF", "full  include minidisk * 0100-0FFF", "full | include minidisk"),
    ],
)
def test_h11s69_include_and_exclude_are_offered_in_the_middle_of_a_line(old, new, cursor):
    # `member VMSYS1 { workers 4 | private-volume M1PRV1 }` offered no `include` nor
    # `exclude`: either `minidisk` or `sfs` may follow them, and the values were tried
    # while one kind of word alone fits. Now each of those keywords is tried: they are
    # offered where either whole reading is clean, and accepted, with `minidisk` and
    # its owner and address typed next, the file reads.
    text, path = _h11_example("prodssi.bkr", old, new)
    doc, line, column = doc_at(text, cursor, name=str(path))
    found = {c.label: c for c in F.complete(doc, line, column)}
    # (a member block only excludes: no `include` there, BKR117, h5 stop 70)
    words = ("exclude",) if "workers" in cursor else ("include", "exclude")
    assert set(words) <= set(found) and ("include" in found) == ("include" in words), sorted(found)
    for word in words:
        item = found[word]
        for value in (" minidisk * 0191", " minidisk LNXWEB01 0191 0192"):
            accepted = text[: item.start] + (item.text or item.label) + value + text[item.end :]
            assert not _syntax_errors(accepted), (word, value)


def test_h11s69_the_values_tried_after_include_are_each_keyword_that_may_come():
    # Each keyword that may come (`minidisk`, `sfs`), and the words after it, as far as
    # one kind of word goes there, three words at most.
    _, _, ip = F.parser_read("cluster C {\n  member M {")
    assert F._values_after(ip, "include") == [" minidisk", " sfs", " minidisk X", " sfs X", " minidisk X X"]
    assert F._values_after(ip, "exclude") == F._values_after(ip, "include")


# stop 70, h5: completion where a name is due, in a `backup` list, an import, a member block, a selection
def _h5s70_example(old: str = "", new: str = "") -> tuple[str, Path]:
    path = EXAMPLES / "prodssi.bkr"
    text = path.read_text()
    if old:
        assert old in text
        text = text.replace(old, new, 1)
    return text, path


def _h5s70_reads(text: str, item: F.Completion, value: str = "") -> str:
    """`text` with `item` accepted and `value` typed after it; it must read without a
    syntax error."""
    head = text[: item.start] + (item.text or item.label) + value
    accepted = head + text[item.end :]
    assert not _syntax_errors(accepted), (item.label, accepted[item.start - 30 : item.start + 30])
    return accepted


@pytest.mark.parametrize("reading", ["fast", "lark"])
@pytest.mark.parametrize(
    ("new", "cursor", "offered", "absent"),
    [
        # a list's next name before its level: the single groups and users, not `full`
        # read as a name (no item then), not LINUX again (BKR412), not IDENTITY ones (BKR222)
        ("backup LINUX,  full", "backup LINUX, | full", {"APPS", "CICSPRD", "DB2PRD"}, {"LINUX", "SYSIDS", "TCPIP", "full"}),
        ("backup LINUX,full", "backup LINUX,|full", {"APPS", "CICSPRD"}, {"LINUX", "SYSIDS", "full"}),
        # the list's first name before its level (LNXFULL on one member, with a minidisk
        # include: single names only, SYSIDS is BKR221, h12 stop 70)
        ("backup  full", "backup | full", {"LINUX", "APPS"}, {"full", "incremental", "SYSIDS"}),
        # at the line's end: the same names, the level not typed yet
        ("backup LINUX, ", "backup LINUX, |", {"APPS", "CICSPRD"}, {"LINUX", "SYSIDS", "TCPIP"}),
    ],
)
def test_h5s70_a_backup_list_offers_the_names_of_its_kind_where_a_name_is_due(new, cursor, offered, absent, reading, monkeypatch):
    # `backup LINUX, | full` offered nothing: the words after the cursor were compared
    # with how they read after nothing, where a name is due, `full` read as that name.
    # Now with how they read after a name. And after `backup LINUX, ` every group and
    # user was offered: IDENTITY `SYSIDS` too, BKR222 beside single `LINUX`. Now those
    # of the list's kind, the users a group listed holds by name last.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    text, path = _h5s70_example("backup LINUX full", new)
    doc, line, column = doc_at(text, cursor, name=str(path))
    found = F.complete(doc, line, column)
    labels = [c.label for c in found]
    assert offered <= set(labels) and not set(labels) & absent, labels
    if "LINUX," in cursor:
        assert labels[-3:] == ["LNXWEB01", "LNXWEB02", "LNXDB01"]  # (in LINUX already: last, saying so)
        assert found[-1].detail.endswith("in group LINUX, listed already")
    for item in found:
        accepted = _h5s70_reads(text, item, "" if "full" in new else " full")
        codes = _h11_analysed_codes(accepted, path)
        assert not codes & {"BKR222", "BKR412", "BKR004"}, (item.label, codes)


def test_h5s70_a_name_due_reads_the_words_after_the_cursor_as_they_read_after_a_name():
    # The reading kept: where the words after the cursor read after a name, that one
    # (`full`, the level); where they do not, as before (`SYSIDS full`: the name is
    # `SYSIDS`, and an item needs its `,` before it).
    text, path = _h5s70_example("backup SYSIDS incremental", "backup SYSIDS,  TCPIP incremental")
    doc, line, column = doc_at(text, "backup SYSIDS, | TCPIP", name=str(path))
    found = F.complete(doc, line, column)
    labels = {c.label for c in found}
    assert "FTPSERVE," in labels and not labels & {"TCPIP,", "SYSIDS,", "LINUX,", "APPS,"}, labels
    for item in found:
        _h5s70_reads(text, item)


def test_h5s70_an_import_offers_no_module_the_file_imports_already():
    # `import |` below `import std/backup-manager` and `import std/zvm73` offered both
    # again. Now the others; the line being retyped still offers its own.
    text, path = _h5s70_example("import std/zvm73\n", "import std/zvm73\nimport \n")
    doc, line, column = doc_at(text, "import |\n", name=str(path))
    labels = {c.label for c in F.complete(doc, line, column)}
    assert {"std/zvm72", "std/zvm74"} <= labels and not labels & {"std/zvm73", "std/backup-manager"}, labels
    text, path = _h5s70_example()
    doc, line, column = doc_at(text, "import std/zvm73|", name=str(path))
    assert "std/zvm73" in {c.label for c in F.complete(doc, line, column)}


@pytest.mark.parametrize("reading", ["fast", "lark"])
def test_h5s70_a_member_block_offers_no_include(reading, monkeypatch):
    # A member block only excludes (BKR117), but its empty line offered `include`.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    text, path = _h5s70_example("    private-volume M2PRV1\n", "    private-volume M2PRV1\n    \n")
    doc, line, column = doc_at(text, "M2PRV1\n    |\n", name=str(path))
    found = {c.label: c for c in F.complete(doc, line, column)}
    assert "exclude" in found and "include" not in found, sorted(found)
    accepted = _h5s70_reads(text, found["exclude"], " minidisk * 0191")
    assert "BKR117" not in _h11_analysed_codes(accepted, path)
    # in a job, as before
    text, path = _h5s70_example("    backup APPS full\n", "    backup APPS full\n    \n")
    doc, line, column = doc_at(text, "APPS full\n    |\n", name=str(path))
    assert {"include", "exclude"} <= {c.label for c in F.complete(doc, line, column)}


@pytest.mark.parametrize("reading", ["fast", "lark"])
@pytest.mark.parametrize(
    ("new", "cursor", "medium", "value"),
    [
        ("include  * 0191\n    to disk", "include | * 0191", "minidisk", ""),
        ("include  BKRPOOL:CICSPRD.*\n    to disk", "include | BKRPOOL:", "sfs", ""),
        ("include \n    to disk", "include |\n", None, "typed"),  # (nothing after it: both)
    ],
)
def test_h5s70_a_selection_s_medium_is_the_one_its_words_after_the_cursor_select(new, cursor, medium, value, reading, monkeypatch):
    # `include | * 0191` offered `sfs` too, which reads (two paths) but is BKR318: an
    # owner and an address are no SFS paths. Now the medium the words say.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    text, path = _h5s70_example("include minidisk * 0191\n    to disk", new)
    doc, line, column = doc_at(text, cursor, name=str(path))
    found = F.complete(doc, line, column)
    assert {c.label for c in found} == ({medium} if medium else {"minidisk", "sfs"})
    for item in found:
        typed = {"sfs": " BKRPOOL:CICSPRD.*", "minidisk": " * 0191"}[item.label] if value else ""
        accepted = _h5s70_reads(text, item, typed)
        assert "BKR318" not in _h11_analysed_codes(accepted, path), item.label


# stop 70, h12: completion where h5 left it: an empty `backup` list, a group body, `include | *`
def _h12s70_items(text: str, cursor: str, path: Path) -> list[F.Completion]:
    doc, line, column = doc_at(text, cursor, name=str(path))
    return F.complete(doc, line, column)


@pytest.mark.parametrize("reading", ["fast", "lark"])
@pytest.mark.parametrize(
    ("old", "new", "cursor", "offered", "absent", "avoided"),
    [
        # `run on each member`: IDENTITY only (a single-configuration name is BKR220's error, no way out)
        ("backup SYSIDS incremental", "backup  incremental", "backup | incremental", {"SYSIDS", "TCPIP"}, {"LINUX", "APPS", "CICSPRD", "PMAINT"}, {"BKR220", "BKR222"}),
        # `run on VMSYS2` with a minidisk include: single only (an IDENTITY name is BKR221's error)
        ("backup LINUX full", "backup  full", "backup | full", {"LINUX", "APPS", "CICSPRD"}, {"SYSIDS", "TCPIP", "MAINT"}, {"BKR221", "BKR222"}),
    ],
)
def test_h12s70_an_empty_backup_list_offers_the_kind_its_job_s_run_line_allows(old, new, cursor, offered, absent, avoided, reading, monkeypatch):
    # `backup | full` offered every group and user of both kinds, whatever the job's
    # `run` line: half of them an error there. Now the kind the placement allows.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    text, path = _h5s70_example(old, new)
    found = _h12s70_items(text, cursor, path)
    labels = [c.label for c in found]
    assert offered <= set(labels) and not set(labels) & absent, labels
    for item in found:
        accepted = _h5s70_reads(text, item)
        assert not _h11_analysed_codes(accepted, path) & (avoided | {"BKR004"}), item.label


def test_h12s70_a_job_on_one_member_with_sfs_includes_only_offers_identity_names_last():
    # On one member, IDENTITY users are BKR221's error unless every include is data
    # every member shares (the shared catalog's file pool): with SFS includes only,
    # they stay, after the single ones, saying so; applied, no BKR221 (the way out holds).
    old = "backup APPS full\n    include minidisk * 0191-01FF 0200\n    exclude minidisk * 0190 019D 019E\n    include sfs BKRPOOL:CICSPRD.*"
    text, path = _h5s70_example(old, "backup  full\n    include sfs BKRPOOL:*.*")
    found = _h12s70_items(text, "backup | full", path)
    labels = [c.label for c in found]
    assert {"LINUX", "SYSIDS", "TCPIP"} <= set(labels), labels
    assert labels.index("CICSPRD") < labels.index("SYSIDS") and labels.index("DB2PRD") < labels.index("MAINT")
    sysids = next(c for c in found if c.label == "SYSIDS")
    assert "BKR221 unless every include is data all members share" in sysids.detail
    for label in ("SYSIDS", "LINUX"):
        accepted = _h5s70_reads(text, next(c for c in found if c.label == label))
        assert not _h11_analysed_codes(accepted, path) & {"BKR221", "BKR220", "BKR222", "BKR004"}, label


def test_h12s70_a_backup_list_on_some_members_keeps_every_name():
    # On two members of four, either kind is an error (BKR220, BKR221): the `run`
    # line says nothing sure, and every name is offered, in the order it had.
    text, path = _h5s70_example("backup LINUX full", "backup  full")
    text = text.replace("run on VMSYS2 weekly sat 22:00", "run on VMSYS2, VMSYS3 weekly sat 22:00", 1)
    labels = [c.label for c in _h12s70_items(text, "backup | full", path)]
    assert labels[:3] == ["LINUX", "APPS", "SYSIDS"], labels


@pytest.mark.parametrize("reading", ["fast", "lark"])
def test_h12s70_a_group_body_offers_users_another_group_of_its_kind_lists_last(reading, monkeypatch):
    # A user in two groups of one kind is no error of its own (no code), but the jobs
    # of both groups back it up: BKR410 for IDENTITY users at one level, as here once
    # a job of the new group runs. So TCPIP and FTPSERVE (SYSIDS's) come last, saying
    # so; each item applied reads, and only those give the new group's job BKR410.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    group = "  identity group SYSIDS { TCPIP FTPSERVE }\n"
    text, path = _h5s70_example(group, group + "  identity group NETIDS {  }\n")
    job = "  job NETF {\n    backup NETIDS full\n    include minidisk * 0191\n    to tape\n    run on each member monthly last-day 21:00\n  }\n}\n"
    text = text[: text.rstrip().rfind("}")] + job
    found = _h12s70_items(text, "NETIDS { | }", path)
    labels = [c.label for c in found]
    assert labels[-2:] == ["TCPIP", "FTPSERVE"] and "MAINT" in labels, labels
    assert found[-1].detail == "identity user; in group SYSIDS already: backed up by its jobs too"
    assert "already" not in next(c for c in found if c.label == "MAINT").detail
    for item in found:
        if item.kind == "keyword":
            continue  # (`match`, which takes a pattern)
        codes = _h11_analysed_codes(_h5s70_reads(text, item), path)
        assert ("BKR410" in codes) is (item.label in ("TCPIP", "FTPSERVE")), (item.label, codes)
        assert not codes & {"BKR203", "BKR201", "BKR416"}, (item.label, codes)


@pytest.mark.parametrize("reading", ["fast", "lark"])
@pytest.mark.parametrize(
    ("new", "cursor"),
    [
        ("include  *\n    to disk", "include | *"),
        ("include *\n    to disk", "include |*"),  # (glued: the item written with its blank)
        ("include  LNX*  # the guests\n    to disk", "include | LNX*"),
        ("exclude  LNX*\n    include sfs", "exclude | LNX*"),
    ],
)
def test_h12s70_a_selection_s_owner_alone_on_its_line_offers_minidisk_only(new, cursor, reading, monkeypatch):
    # `include | *` with no address after the `*` offered `sfs` (the next line reads
    # after an SFS path, not after an owner that still needs its address): `include
    # sfs *` is BKR318, an SFS path without its file pool's `:`, whatever follows. Now
    # `minidisk`, the medium being written: with an address typed, no syntax error
    # and no BKR318; before it, only the address is due (BKR010).
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    old = "    exclude minidisk * 0190 019D 019E\n    include sfs" if new.startswith("exclude") else "include minidisk * 0191\n    to disk"
    text, path = _h5s70_example(old, ("    " if new.startswith("exclude") else "") + new)
    found = _h12s70_items(text, cursor, path)
    assert [c.label for c in found] == ["minidisk"]
    item = found[0]
    written = text[: item.start] + (item.text or item.label) + text[item.end :]
    owner = cursor.split("|")[1].strip()
    at = written.index(owner, item.start) + len(owner)
    assert [code for code, _ in _syntax_errors(written)] == ["BKR010"]  # the address, still due
    accepted = written[:at] + " 0191" + written[at:]
    assert not _syntax_errors(accepted), accepted[item.start - 20 : at + 20]
    assert "BKR318" not in _h11_analysed_codes(accepted, path)
    # (the item left out: an SFS path without its pool's `:`)
    wrong = text[: item.start] + ("sfs " if item.text is None or item.text.endswith(" ") else "sfs") + text[item.end :]
    assert "BKR318" in _h11_analysed_codes(wrong, path)


# stop 71, h10: hovers that named a member no member block declares as one that runs a job
def _h10s71_hover(text: str, cursor: str) -> str:
    doc, line, column = doc_at(text, cursor)
    found = F.hover(doc, line, column)
    assert found is not None, cursor
    return found.markdown


@pytest.mark.parametrize("reading", ["fast", "lark"])
def test_h10s71_hovers_say_a_job_s_unknown_member_is_none_and_send_it_nowhere(reading, monkeypatch):
    # `run on DEV01` (BKR330): the job's hover said "runs on DEV01" with a row `| DEV01 |
    # `LNXFULL` |`, and its schedule's "`EXEC BKRSUBMT DUE` submits it on `DEV01` as
    # `LNXFULL`", as if the cluster had a member DEV01 whose scheduler would send it.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    text = CLUSTER.replace("run on DEV1 daily 01:00", "run on DEV01 daily 01:00")
    said = "`DEV01` is not a member of cluster `DEV`: BKR330"
    job = _h10s71_hover(text, "job LNXF|ULL {")
    assert "runs on DEV01 (" + said + ")" in job
    assert "| DEV01 |" not in job and "| member |" not in job  # it has no name on a member
    due = _h10s71_hover(text, "daily 01:|00")
    assert f"- no member's scheduler sends it: {said}" in due
    assert "submits it on" not in due
    # Beside a member that is one, the job goes on it alone and the other is named.
    text = CLUSTER.replace("run on each member daily 02:00", "run on DEV2, DEV9 daily 02:00")
    assert "`DEV2` as `SYSINB`, when the member's scheduler calls it" in _h10s71_hover(text, "daily 02:|00")
    assert "; `DEV9` is not a member of cluster `DEV`: BKR330" in _h10s71_hover(text, "daily 02:|00")
    job = _h10s71_hover(text, "job SYS|IN {")
    assert "| DEV2 | `SYSINB` |" in job and "| DEV9 |" not in job
    # The expiry on such a member, likewise; the hovers of the file as written are as before.
    text = CLUSTER.replace("expire on DEV1 {", "expire on DEV01 {")
    assert "- no member's scheduler sends it: " + said in _h10s71_hover(text, "sun 03:|00")
    assert "sends it on `DEV1`, when the member's scheduler" in _h10s71_hover(CLUSTER, "sun 03:|00")
    assert "not a member" not in _h10s71_hover(CLUSTER, "job LNXF|ULL {")


@pytest.mark.parametrize("reading", ["fast", "lark"])
def test_h10s71_a_member_without_workers_says_so_in_its_hover(reading, monkeypatch):
    # A member block with no `workers` (BKR241) showed no workers line at all, so the
    # hover read as if the count were simply not of interest.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    text = CLUSTER.replace("member DEV2 { workers 2  private-volume", "member DEV2 { private-volume")
    said = _h10s71_hover(text, "member DEV|2 {")
    assert "- workers: none (no `workers` statement): its jobs would never run" in said
    assert "- workers: 2 (BKRWRK01, BKRWRK02)" in _h10s71_hover(text, "member DEV|1 {")


@pytest.mark.parametrize("reading", ["fast", "lark"])
def test_h10s71_a_retain_on_an_unknown_member_says_it_is_none(reading, monkeypatch):
    # `expire on DEV01 { ... retain 14 days }` (BKR330): "the retention of the purge on
    # `DEV01`", as if a member purged there.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    text = CLUSTER.replace("purge weekly sun 03:00", "purge weekly sun 03:00\n    retain 14 days")
    assert "the retention of the purge on `DEV1`\n" in _h10s71_hover(text, "retain 1|4") + "\n"
    text = text.replace("expire on DEV1 {", "expire on DEV01 {")
    said = "the retention of the purge on `DEV01` (`DEV01` is not a member of cluster `DEV`: BKR330)"
    assert said in _h10s71_hover(text, "retain 1|4")


# stop 71, h5: a name being typed, one or two letters that begin declared names
@pytest.mark.parametrize("reading", ["fast", "lark"])
@pytest.mark.parametrize(
    ("old", "new", "code", "help", "begun"),
    [
        ("run on DEV1 daily 01:00", "run on D", "BKR330", "`D` begins `DEV1` or `DEV2`: write the member's name in full", ["DEV1", "DEV2"]),
        ("run on DEV1 daily 01:00", "run on D daily 01:00", "BKR330", "`D` begins `DEV1` or `DEV2`: write the member's name in full", ["DEV1", "DEV2"]),
        ("pool BKRPOOL on DEV1", "pool BKRPOOL on D", "BKR330", "`D` begins `DEV1` or `DEV2`: write the member's name in full", ["DEV1", "DEV2"]),
        ("backup SYSIDS incremental", "backup SY", "BKR331", "`SY` begins `SYSIDS`: write the name in full", ["SYSIDS"]),
        ("backup SYSIDS incremental", "backup S incremental", "BKR331", "`S` begins `SYSIDS`: write the name in full", ["SYSIDS"]),
        ("backup LINUX full", "backup L full", "BKR331", "`L` begins `LINUX`, `LNX01` or `LNX02`: write the name in full", ["LINUX", "LNX01", "LNX02"]),
    ],
)
def test_h5s71_a_name_begun_gets_the_names_it_begins_not_one_to_declare(monkeypatch, reading, old, new, code, help, begun):
    # Typing `run on DEV1` or `backup SYSIDS` letter by letter: `DE` and `SYS` had "did
    # you mean `DEV1` or `DEV2`?", but `D` had "declare it with `member D { ... }`" and
    # `S`, `SY` "declare it in a group (`single group NAME { ... }`) or as a user", and
    # no word of SYSIDS (difflib's ratio finds no match for a letter or two). The
    # names the word begins are said, declared there, and each is a choice (not a fix:
    # a letter is no certain name); each choice applied, the file has no error.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    text = CLUSTER.replace(old, new, 1)
    doc = analyse_document("/ws/dev.bkr", text)
    (shown,) = [p for p in F.placed(doc) if p.diagnostic.code == code]
    d = shown.diagnostic
    assert d.help == help
    assert d.fix is None and "declare" not in d.help
    assert [r.label for r in d.related] == [f"`{n}` is declared here" for n in begun]
    line, column = shown.span.line - 1, shown.span.column - 1
    offered = [f for f in F.fixes(doc, line, line, (line, column), (line, column)) if f.title.startswith("Write")]
    assert [f.title for f in offered] == [f"Write `{n}`" for n in begun]
    for fix in offered:
        assert not fix.preferred
        after = apply(text, fix)
        errors = [x for x in analyse_document("/ws/dev.bkr", after).diagnostics if x.severity.value == "error"]
        assert errors == [], (fix.title, errors)


def test_h5s71_a_name_that_begins_four_names_or_is_close_is_said_as_before():
    # Four members that `D` begins: none named (as "did you mean" names none of four
    # equally close), and no member `D` to declare; `DE`: "did you mean", as before;
    # a name that begins none: declared, as before.
    four = CLUSTER.replace(
        "  catalog shared", "  member DEV3 { workers 2  private-volume D3PRV1 }\n"
        "  member DEV4 { workers 2  private-volume D4PRV1 }\n  catalog shared", 1
    )
    for text, word, said in [
        (four, "D", "the members are DEV1, DEV2, DEV3, DEV4"),
        (CLUSTER, "DE", "did you mean `DEV1` or `DEV2`?"),
        (
            CLUSTER,
            "X",
            ("`X` is no member of the cluster: if it was retired, each statement that names it needs one of the"
            " members (DEV1, DEV2):\n  `run on` of job `LNXFULL`: its single-configuration users are then backed up from that member\n"
            "if it is a new member, declare it with `member X { ... }`"),
        ),
    ]:
        doc = analyse_document("/ws/dev.bkr", text.replace("run on DEV1 daily 01:00", f"run on {word}", 1))
        (d,) = [x for x in doc.diagnostics if x.code == "BKR330"]
        assert d.help == said
    doc = analyse_document("/ws/dev.bkr", CLUSTER.replace("backup LINUX full", "backup Q full", 1))
    (d,) = [x for x in doc.diagnostics if x.code == "BKR331"]
    assert d.help == "declare it in a group (`single group NAME { ... }`) or as a user" and not d.choices
    # written twice: each choice writes it at both places
    twice = CLUSTER.replace("backup LINUX full", "backup S full", 1).replace("backup SYSIDS incremental", "backup S", 1)
    (d,) = [x for x in analyse_document("/ws/dev.bkr", twice).diagnostics if x.code == "BKR331"]
    assert [(c.title, len(c.edits)) for c in d.choices] == [("Write `SYSIDS`", 2)]


# stop 71, h14: formatting a file with a syntax error tells the user why nothing changed
# It answered `[]` and said nothing; now, with that answer, one `window/showMessage`
# (Info) naming the first error's line, once per request. A file that formats, or is
# canonical already, gets no message.
def test_h14s71_formatting_a_broken_file_says_it_waits_for_the_file_to_parse():
    from lsp_inprocess import Editor

    editor = Editor()
    try:
        editor.initialize(ROOT)
        broken = FIXED.replace("  job PAYFULL {\n", "  job PAYFULL {{\n", 1) if "  job PAYFULL {\n" in FIXED else None
        assert broken is not None
        line = broken.split("\n").index("  job PAYFULL {{") + 1
        options = {"tabSize": 2, "insertSpaces": True}

        def shown() -> list[dict]:
            return [m["params"] for m in editor.writer.messages if m.get("method") == "window/showMessage"]

        for name, text in (("canonical", FIXED), ("broken", broken), ("messy", FIXED.replace("\n\n", "\n\n\n"))):
            doc = _session(editor, f"h14-{name}", text)
            before = len(shown())
            for _ in range(2):
                answer = editor.request("textDocument/formatting", {"textDocument": doc, "options": options})
                if name == "broken":
                    assert answer["result"] == []
            told = shown()[before:]
            if name == "broken":
                assert [t["type"] for t in told] == [3, 3]  # Info, once per request
                assert told[0]["message"].startswith(
                    f"Formatting waits for the file to parse: line {line} has an error (BKR004: "
                ), told[0]
                assert told[0] == told[1]
            else:
                assert told == []
        assert editor.errors == []
    finally:
        editor.close()


# stop 74, h8: completion on the line of a statement that still lacks what it must name
#: (the statement as typed so far, `bkrc check`'s error while it lacks what it must
#: name, the statement written whole, and the options it must name still)
_H8_LACKING = [
    ("catalog shared ", "BKR212", "catalog shared server BKRSVSFS pool BKRPOOL", {"server", "pool"}),
    ("catalog shared server BKRSVSFS ", "BKR212", "catalog shared server BKRSVSFS pool BKRPOOL", {"pool"}),
    ("catalog shared pool BKRPOOL on DEV1 ", "BKR212", "catalog shared pool BKRPOOL on DEV1 server BKRSVSFS", {"server"}),
    ("tape manager shared ", "BKR233", "tape manager shared catalog-node TCTMM on DEV1 request-node TRTMM", {"catalog-node"}),
]


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
@pytest.mark.parametrize("typed, code, whole, missing", _H8_LACKING, ids=[t.strip() for t, *_ in _H8_LACKING])
def test_h8s74_a_statement_that_must_name_more_is_not_offered_the_next_statement(
    monkeypatch, reading, typed, code, whole, missing
):
    # Typed from the top, `catalog shared |` was offered `server` and `pool`, and after
    # them the statements that may follow it on its line, `disk`, `expire`, `job`...:
    # each ends the catalog there, which `bkrc check` then says names no SFS server
    # and no pool (BKR212, an error), as `tape manager shared |` ended so names no
    # catalog node (BKR233). On the statement's line, while it lacks what it must
    # name, the statements are not offered; its options are; once it names them
    # the statements are offered again.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    base = (
        "import std/backup-manager\n\ncluster DEV {\n  member DEV1 { workers 1  private-volume D1PRV1 }\n"
        "  member DEV2 { workers 1  private-volume D2PRV1 }\n  %s\n}\n"
    )
    line = 5
    doc = analyse_document("/ws/dev.bkr", base % typed)
    labels = [c.label for c in F.complete(doc, line, 2 + len(typed))]
    assert labels, typed
    assert not set(labels) & {"disk", "expire", "job", "member", "single", "identity", "description"}, labels
    assert missing <= set(labels), labels  # what it must name still: offered
    # said whole: `bkrc check` gives no such error, and the next statement is offered
    doc = analyse_document("/ws/dev.bkr", base % (whole + " "))
    assert code not in [d.code for d in doc.diagnostics]
    assert "job" in [c.label for c in F.complete(doc, line, 2 + len(whole) + 1)]


# stop 74, h6: the language server's formatting fills a wide group as `bkrc fmt` does
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_h6s78_format_document_edits_only_the_lines_it_changes(typing_editor, newline):
    """Format Document (format on save) answers the lines `bkrc fmt` changes, each an
    edit of whole lines, not one edit of the whole text: Neovim applies that one by
    replacing every line, which opens every fold and drops the marks and the undo's
    cursor (neovim/neovim#21783; biomejs/biome#4393, "loss of editor-related
    metadata"). Applied, they give `bkrc fmt`'s text; no line they leave alone is in an
    edit's range. A buffer whose line ends are of two kinds gets the one edit, which
    makes them the first's, as `bkrc fmt` does (h6's editor walk, stop 78)."""
    text = MESSY.replace("\n", newline)
    doc = _session(typing_editor, f"h6s78-{len(newline)}", text)
    options = {"tabSize": 2, "insertSpaces": True}
    edits = typing_editor.request("textDocument/formatting", {"textDocument": doc, "options": options})["result"]
    typing_editor.notify("textDocument/didClose", {"textDocument": doc})
    assert typing_editor.errors == []
    assert _applied(text, edits) == FIXED.replace("\n", newline)
    assert all(_breaks_only_with(e["newText"], newline) for e in edits), edits
    old, kept = MESSY.split("\n"), set(FIXED.split("\n"))
    touched = {n for e in edits for n in range(e["range"]["start"]["line"], e["range"]["end"]["line"])}
    assert touched and touched == {n for n, line in enumerate(old) if line not in kept}
    assert all(e["range"]["start"]["character"] == e["range"]["end"]["character"] == 0 for e in edits)
    # line ends of two kinds: one edit of the whole text, its line ends the first's
    mixed = MESSY.replace("\n", "\r\n", 1)
    doc = _session(typing_editor, "h6s78-mixed", mixed)
    (whole,) = typing_editor.request("textDocument/formatting", {"textDocument": doc, "options": options})["result"]
    typing_editor.notify("textDocument/didClose", {"textDocument": doc})
    assert whole["range"]["start"] == {"line": 0, "character": 0}
    assert _applied(mixed, [whole]) == FIXED.replace("\n", "\r\n")


def test_h6s74_formatting_fills_a_wide_group_as_bkrc_fmt_does(typing_editor):
    """Format Document and Format Selection call the formatter `bkrc fmt` runs: a group
    too wide for its line, written one ID a line, comes back filled, several IDs to a line."""
    from bkrdsl.fmt import format_text

    ids = [f"LNXG{i:04d}" for i in range(12)]
    text = "single group LINUX {\n" + "".join(f"  {i}\n" for i in ids) + "}\nsingle user LNXT01\n"
    filled = "single group LINUX {\n  " + " ".join(ids[:8]) + "\n  " + " ".join(ids[8:]) + "\n}\nsingle user LNXT01\n"
    assert format_text(text) == filled
    doc = _session(typing_editor, "h6s74", text)
    options = {"tabSize": 2, "insertSpaces": True}
    edits = typing_editor.request("textDocument/formatting", {"textDocument": doc, "options": options})["result"]
    typing_editor.notify("textDocument/didClose", {"textDocument": doc})
    assert typing_editor.errors == []
    assert _applied(text, edits) == filled
    # the group's lines selected: the same change; the line after it alone: none
    edits = _format_lines(typing_editor, "h6s74-group", text, 0, {"line": len(ids) + 2, "character": 0})
    assert _applied(text, edits) == filled
    assert _format_lines(typing_editor, "h6s74-user", text, len(ids) + 2, {"line": len(ids) + 3, "character": 0}) == []


# stop 74, h11: hover on a keyword just typed at the end of the file; hover on a description
#: (the file as typed so far, the keyword at its end)
_H11_KEYWORD_JUST_TYPED = [
    ("import std/backup-manager\n\ncluster DEV {\n  member DEV1 { workers", "workers"),
    ("import std/backup-manager\n\ncluster DEV {\n  expire on DEV1 { retain", "retain"),
    ("import std/backup-manager\n\ncluster DEV {\n  member DEV1 { workers 1  private-volume", "private-volume"),
]


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
@pytest.mark.parametrize("text, keyword", _H11_KEYWORD_JUST_TYPED, ids=[k for _, k in _H11_KEYWORD_JUST_TYPED])
def test_h11s74_hover_on_a_keyword_just_typed_gives_its_doc_first(monkeypatch, reading, text, keyword):
    # `member DEV1 { workers` typed at the end of the file: both parsers put a value
    # in for the number left out, its place the keyword's, and hover took the keyword
    # for that value (`_value_at`): it gave BKR010's explanation alone, not what
    # `workers` is. The keyword's own doc comes first (what the word under the cursor
    # is), then the explanation of the error on it.
    from bkrdsl.keyword_docs import summary

    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    doc = analyse_document("/ws/dev.bkr", text)
    line = text.count("\n")
    assert "BKR010" in [d.code for d in doc.diagnostics]
    for column in (len(text.split("\n")[-1]) - 1, len(text.split("\n")[-1])):
        found = F.hover(doc, line, column)
        assert found is not None
        first, *rest = found.markdown.split("\n\n---\n\n")
        assert first.startswith(f"**{keyword}** (keyword") and summary(keyword)[1] in first, found.markdown
        assert any(part.startswith("**BKR010**") for part in rest), found.markdown


_H11_DESCRIBED = (
    "import std/backup-manager\n\ncluster DEV {\n  description \"our DEV estate\"\n"
    "  member DEV1 { workers 1  private-volume D1PRV1  description \"first member\" }\n"
    "  member DEV2 { workers 1  private-volume D2PRV1 }\n  shared-volume VMCOM1\n"
    "  disk BKRSVSFS 191 size 20 cyl\n  catalog shared server BKRSVSFS pool BKRPOOL\n"
    "  expire on DEV1 { purge daily 01:00  retain 5 days }\n"
    "  single group APPS { LINUX01 }\n  identity group IDS { TCPIP }\n"
    "  job APPSF {\n    description \"Nightly $full\"\n    backup APPS full\n    include minidisk * *\n"
    "    to disk pool BKUPPOOL\n    run on DEV1 daily 02:00\n  }\n"
    "  job IDINC {\n    description \"per member\"\n    backup IDS incremental\n    include minidisk * *\n"
    "    to disk pool BKUPPOOL\n    run on each member daily 03:00\n  }\n}\n"
)


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
def test_h11s74_hover_on_a_description_says_where_it_is_written(monkeypatch, reading):
    # A `description "..."` text had no hover. It says what `description` does and
    # where `bkrc compile` writes it: a job's at the head of its template (each
    # member's, for a job per member) and in BKRSUBMT's LIST, a character outside the
    # EBCDIC-invariant set as `<U+XXXX>`; a cluster's or a member's in no file. What
    # it names is what the compile writes.
    from bkrdsl.pipeline import compile_source

    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    doc = analyse_document("/ws/dev.bkr", _H11_DESCRIBED)
    assert [d.code for d in doc.diagnostics if d.severity.value == "error"] == []
    lines = _H11_DESCRIBED.split("\n")

    def hover_in(text: str) -> str:
        line = next(n for n, s in enumerate(lines) if text in s)
        found = F.hover(doc, line, lines[line].index(text) + 2)
        assert found is not None and found.span is not None, text
        assert lines[line][found.span.column - 1 : found.span.end_column - 1] == f'"{text}"'
        return found.markdown

    said = hover_in("Nightly $full")
    assert said.startswith("**description** of job `APPSF`"), said
    assert "`DEV1/APPSF.TEMPLATE`" in said and "BKRSUBMT LIST" in said and "<U+XXXX>" in said, said
    assert "`DEV1/IDINC1.TEMPLATE`, `DEV2/IDINC2.TEMPLATE`" in hover_in("per member")
    for text, owner in (("our DEV estate", "cluster `DEV`"), ("first member", "member `DEV1`")):
        said = hover_in(text)
        assert said.startswith(f"**description** of {owner}") and "in no generated file" in said, said
    _, artifacts = compile_source("dev.bkr", _H11_DESCRIBED.encode())
    written = {a.path for a in artifacts if "Nightly <U+0024>full" in a.text}
    assert written == {"DEV1/APPSF.TEMPLATE", "DEV1/BKRSUBMT.EXEC"}, written
    assert {a.path for a in artifacts if "per member" in a.text} >= {"DEV1/IDINC1.TEMPLATE", "DEV2/IDINC2.TEMPLATE"}
    assert not [a.path for a in artifacts if "our DEV estate" in a.text or "first member" in a.text]


# stop 75, h1: *Allow BKRnnn on this line*: trailing where the line stays within 80
# columns and has no comment, else on a line of its own above; a second code joins the
# line's allow. After the mends, never preferred; none for an error.
H1_75_SHARED = """\
import std/backup-manager
cluster PRODSSI {
  member VMSYS1 { workers 2 }
  member VMSYS2 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
  identity group SYSIDS { TCPIP }
  job SYSINC {
    backup SYSIDS incremental
    include minidisk * *
    to disk
    run on each member daily 01:00
  }
}
"""


def _h1_75_allowed(text: str, code: str) -> str:
    doc, _, _ = doc_at(text, name="/ws/site.bkr")
    (shown,) = [p for p in F.placed(doc) if p.diagnostic.code == code]
    at = (shown.span.line - 1, shown.span.column - 1)
    (action,) = [a for a in F.allow_actions(doc, at, at) if a.diagnostic.code == code]
    assert action.title == f"Allow {code} on this line" and not action.preferred
    return apply(text, action)


def test_h1_75_the_allow_action_goes_above_a_long_line_and_joins_an_allow_there():
    long = H1_75_SHARED.replace("  job SYSINC {\n", "  job SYSINC { description \"the site's own incremental of z/VM's ids\"\n")
    fixed = _h1_75_allowed(long, "BKR227")
    assert "  # bkrc: allow BKR227\n  job SYSINC { description" in fixed
    assert analyse_document("/ws/site.bkr", fixed).diagnostics == []
    # a line that has an allow already: the code joins it
    group = "  single group APPS { LINUX01 }   # bkrc: allow BKR227\n"
    text = H1_75_SHARED.replace("  job SYSINC {\n", group + "  job SYSINC {   # bkrc: allow BKR227\n")
    assert [d.code for d in analyse_document("/ws/site.bkr", text).diagnostics] == ["BKR408", "BKR027"]
    fixed = _h1_75_allowed(text, "BKR408")
    assert "  single group APPS { LINUX01 }   # bkrc: allow BKR227, BKR408\n" in fixed
    assert [d.code for d in analyse_document("/ws/site.bkr", fixed).diagnostics] == ["BKR027"]
    # none for an error
    pinned = H1_75_SHARED.replace("run on each member", "run on VMSYS1")
    doc, _, _ = doc_at(pinned, name="/ws/site.bkr")
    assert [d.code for d in doc.diagnostics] == ["BKR221"]
    assert F.allow_actions(doc, (0, 0), (99, 0)) == []


# stop 75, h4: completion where a shared Tape Manager must name its request node; the catalog's server
_H4_TWO_MEMBERS = (
    "import std/backup-manager\n\ncluster DEV {\n  member DEV1 { workers 1  private-volume D1PRV1 }\n"
    "  member DEV2 { workers 1  private-volume D2PRV1 }\n  %s\n}\n"
)
_H4_STATEMENTS = {"disk", "expire", "job", "member", "single", "identity", "description"}


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
def test_h4s75_a_shared_tape_manager_of_two_members_is_offered_its_request_node_not_the_next_statement(
    monkeypatch, reading
):
    # `tape manager shared catalog-node TCTMM on DEV1 |` in a cluster of two members was
    # offered the statements after its options: each ends the statement there, without
    # the request node DEV2 asks for tapes through, which `bkrc check` says (BKR233, an
    # error). Its options only, `request-node` among them, until it names one; a
    # cluster of one member needs none, and is offered the statements at once.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    typed = "tape manager shared catalog-node TCTMM on DEV1 "
    doc = analyse_document("/ws/dev.bkr", _H4_TWO_MEMBERS % typed)
    assert "BKR233" in [d.code for d in doc.diagnostics]
    labels = [c.label for c in F.complete(doc, 5, 2 + len(typed))]
    assert "request-node" in labels and not set(labels) & _H4_STATEMENTS, labels
    whole = typed + "request-node TRTMM "
    doc = analyse_document("/ws/dev.bkr", _H4_TWO_MEMBERS % whole)
    assert "BKR233" not in [d.code for d in doc.diagnostics]
    assert "job" in [c.label for c in F.complete(doc, 5, 2 + len(whole))]
    one = (_H4_TWO_MEMBERS % typed).replace("  member DEV2 { workers 1  private-volume D2PRV1 }\n", "")
    doc = analyse_document("/ws/dev.bkr", one)
    assert "BKR233" not in [d.code for d in doc.diagnostics]
    assert "job" in [c.label for c in F.complete(doc, 4, 2 + len(typed))]


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
def test_h4s75_the_catalogs_server_is_offered_the_user_a_disk_of_the_file_is_for(monkeypatch, reading):
    # `catalog shared server |` offered nothing in a file that names no single user
    # but gives `BKRSVSFS` a 191 disk: the machine the site made for the server. A
    # `disk` user that is a product machine already (`BKRBKUP`), or an IDENTITY user,
    # is not offered. Accepted, the statement completed checks without BKR332 or
    # BKR253 for it.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    above = "disk BKRSVSFS 191 size 20 cyl\n  disk BKRBKUP 191 size 10 cyl\n  disk APPSRV 191 size 1 cyl\n  "
    text = _H4_TWO_MEMBERS % (above + "catalog shared server ") + "identity user APPSRV\n"
    doc = analyse_document("/ws/dev.bkr", text)
    items = F.complete(doc, 8, len("  catalog shared server "))
    assert [(c.label, c.detail) for c in items] == [("BKRSVSFS", "single user, a `disk` of the file is for it")]
    whole = _H4_TWO_MEMBERS % (above + "catalog shared server BKRSVSFS pool BKRPOOL") + "identity user APPSRV\n"
    codes = [(d.code, d.message) for d in analyse_document("/ws/dev.bkr", whole).diagnostics]
    assert not [c for c in codes if c[0] in ("BKR332", "BKR253") and "BKRSVSFS" in c[1]], codes


# stop 75, h13: a one-member cluster's shared Tape Manager is not offered a request node; a local catalog's server
@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
def test_h13s75_a_shared_tape_manager_of_one_member_is_not_offered_a_request_node(monkeypatch, reading):
    # `tape manager shared catalog-node T on M |` in a cluster of one member offered
    # `request-node` and `request-dmm`: the member is the catalog node's, so no member
    # runs a request node, and naming one is BKR236 (a `disk` for it BKR253). Offered
    # with two members (h4's test above), not with one; accepted there, the warning.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    typed = "tape manager shared catalog-node TCTMM on DEV1 "
    one = (_H4_TWO_MEMBERS % typed).replace("  member DEV2 { workers 1  private-volume D2PRV1 }\n", "")
    doc = analyse_document("/ws/dev.bkr", one)
    labels = [c.label for c in F.complete(doc, 4, 2 + len(typed))]
    assert "catalog-dmm" in labels and "job" in labels, labels
    assert not {"request-node", "request-dmm"} & set(labels), labels
    assert [d.code for d in doc.diagnostics if d.code in ("BKR233", "BKR236")] == []
    for option in ("request-node TRTMM", "request-dmm TRDMM"):
        said = analyse_document("/ws/dev.bkr", one.replace(typed, typed + option)).diagnostics
        assert "BKR236" in [d.code for d in said], option
    # after `catalog-dmm TCDMM` too; and with two members both are offered
    doc = analyse_document("/ws/dev.bkr", one.replace(typed, typed + "catalog-dmm TCDMM "))
    labels = [c.label for c in F.complete(doc, 4, 2 + len(typed + "catalog-dmm TCDMM "))]
    assert "job" in labels and not {"request-node", "request-dmm", "catalog-dmm"} & set(labels), labels
    doc = analyse_document("/ws/dev.bkr", _H4_TWO_MEMBERS % typed)
    assert {"request-node", "request-dmm"} <= {c.label for c in F.complete(doc, 5, 2 + len(typed))}


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
def test_h13s75_a_local_catalogs_server_is_offered_the_user_a_disk_of_the_file_is_for(monkeypatch, reading):
    # `catalog local server |`: a server on each member, an IDENTITY (BKR202). Offered
    # the user of a `disk` statement the file declares no kind of (LCLSFS), as an
    # IDENTITY user; not one declared single (APPSRV, BKR202 there), nor one of the
    # product's machines (BKRBKUP, BKR217); a declared IDENTITY with a `disk` once.
    # Accepted, the statement checks without BKR332 or BKR253 for it.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    above = (
        "disk LCLSFS 191 size 20 cyl\n  disk BKRBKUP 191 size 10 cyl\n  disk APPSRV 191 size 1 cyl\n"
        "  disk IDSFS 191 size 1 cyl\n  "
    )
    users = "single user APPSRV\nidentity user IDSFS\n"
    text = _H4_TWO_MEMBERS % (above + "catalog local server ") + users
    doc = analyse_document("/ws/dev.bkr", text)
    items = F.complete(doc, 9, len("  catalog local server "))
    assert sorted((c.label, c.detail) for c in items) == [
        ("IDSFS", "identity user"),
        ("LCLSFS", "identity user, a `disk` of the file is for it"),
    ]
    whole = _H4_TWO_MEMBERS % (above + "catalog local server LCLSFS pool BKRPOOL") + users
    codes = [(d.code, d.message) for d in analyse_document("/ws/dev.bkr", whole).diagnostics]
    assert not [c for c in codes if c[0] in ("BKR332", "BKR253", "BKR202") and "LCLSFS" in c[1]], codes
    assert [c for c in codes if c[0] == "BKR332" and "APPSRV" in c[1]], codes  # (APPSRV's `disk` is no machine's)


# stop 76, h2: one policy of what stays published while typing (`features.while_typing`)
#: h4's cluster (tests/test_lsp_session.py, `_H4_RUN_ON`): `run on |` at line 12, column 11.
_H2S76_RUN_ON = (
    "import std/backup-manager\n\ncluster DEV {\n"
    "  member DEV1 { workers 2  private-volume D1PRV1 }\n"
    "  member DEV2 { workers 2  private-volume D2PRV1 }\n"
    "  shared-volume VMCOM1\n    single group APPS { LINUX01 }\n"
    "  identity group GUESTS { TCPIP }\n"
    "  job J {\n    backup APPS full\n    include minidisk * *\n    to disk pool P\n    run on |\n  }\n}\n"
)


def _h2s76_codes(diagnostics) -> list[tuple[str, int]]:
    return sorted((d.code, d.span.line - 1) for d in diagnostics if d.span is not None)


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
def test_h2s76_while_typing_is_one_pure_policy(monkeypatch, reading):
    # The server's three mechanisms of what stays published mid-typing (BKR253
    # steadied, what is being typed left out, the last checked analysis held over a
    # syntax error) are one function of the analysis and of what the server knows of
    # the typing, which changes neither: called twice it answers the same, and the
    # document's diagnostics are as analysed. Without a last change (opened, saved)
    # it publishes the analysis as `bkrc check` reads it; BKR005 of a `{` left open is
    # held (for the requests) but not shown while typing at the end.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    good = analyse_document("/ws/dev.bkr", _H2S76_RUN_ON.replace("|", "each member"))
    first = F.while_typing(good, F.Typing())
    assert first.held == first.shown == good.diagnostics
    assert first.last_good is not None and first.last_good[0] == good.text
    assert first.a_disks_shown == sum(d.code == "BKR253" for d in good.diagnostics) == 5
    off_the_line = [c for c in _h2s76_codes(good.diagnostics) if c[1] != 12]
    assert [c for c, _ in off_the_line] == ["BKR213", *["BKR253"] * 5, "BKR408"], off_the_line
    typed = analyse_document("/ws/dev.bkr", _H2S76_RUN_ON.replace("|", "each m"))
    as_analysed = list(typed.diagnostics)
    assert _h2s76_codes(as_analysed) == [("BKR004", 12)], as_analysed
    typing = F.Typing(change=((12, 16), (12, 17)), a_disks_shown=5, last_good=first.last_good)
    answer = F.while_typing(typed, typing)
    assert answer == F.while_typing(typed, typing)  # (the same answer twice)
    assert typed.diagnostics == as_analysed  # (the document left as analysed)
    assert [c for c in _h2s76_codes(answer.shown) if c[1] != 12] == off_the_line
    assert ("BKR004", 12) in _h2s76_codes(answer.shown) and answer.held == answer.shown
    assert answer.last_good == first.last_good and answer.a_disks_shown == 5
    # opened or saved (no last change): the text as `bkrc check` reads it
    assert F.while_typing(typed, typing._replace(change=None)).shown == as_analysed
    # a `{` left open at the end: held for the requests, not shown while typed at the end
    open_end = _H2S76_RUN_ON.replace("|", "each member").rstrip().removesuffix("}").rstrip() + "\n"
    left_open = analyse_document("/ws/dev.bkr", open_end)
    assert [d.code for d in left_open.diagnostics] == ["BKR005"]
    at_end = F.while_typing(left_open, F.Typing(change=((14, 0), (14, 0)), at_end=True))
    assert [d.code for d in at_end.held] == ["BKR005"] and at_end.shown == []
    assert [d.code for d in F.while_typing(left_open, F.Typing(change=((14, 0), (14, 0)))).shown] == ["BKR005"]


# stop 76, h9: Format Selection of part of a run of trailing comments (the 80-column rule)
from test_fmt_properties import _h9s76_assert_rule, _h9s76_file

_H9S76_RUN = """import std/backup-manager
cluster C {
  member VM1 { workers 2 }
  catalog shared server BKRSVSFS pool BKRPOOL on VM1
  single group APPS { MAINT LNX01 }
  job APPSFULL {
    backup APPS full
    include minidisk * 0191              # your minidisk addresses
    include minidisk MAINT 0CF1          # MAINT's
    to disk pool BKUPPOOL                # your backup disk pool
    run on VM1 weekly mon,tue,wed 03:30  # your schedule
  }
}
"""


def _h9s76_applied(text: str, edits: list[tuple[int, int, str]]) -> str:
    lines = text.splitlines(keepends=True)
    for first, after, new in sorted(edits, reverse=True):
        lines[first:after] = [new]
    return "".join(lines)


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h9s76_format_selection_of_part_of_a_run_lays_out_those_lines_only(monkeypatch, parser):
    """A canonical run whose MAINT comment grows past what the run's column fits: the
    whole file splits the run (the `run on` line on its own). Selecting the MAINT line
    alone gives it the whole file's column; the lines around it, not selected, keep
    theirs until they are formatted (docs/fmt.md, "Comments"), and formatting the
    result gives the whole file's layout: the selected line is not moved again."""
    from bkrdsl.fmt import format_text

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    assert format_text(_H9S76_RUN, "c.bkr") == _H9S76_RUN
    text = _H9S76_RUN.replace("# MAINT's", "# in prodssi.direct: `* 0191` leaves it out")
    whole = format_text(text, "c.bkr")
    maint = "    include minidisk MAINT 0CF1  # in prodssi.direct: `* 0191` leaves it out\n"
    assert maint in whole and max(map(len, whole.splitlines())) <= 80
    doc = analyse_document("/ws/c.bkr", text)
    lines = text.splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if "prodssi" in line)
    assert F.range_formatted(doc, n, n) == [(n, n + 1, maint)]
    partial = _h9s76_applied(text, F.range_formatted(doc, n, n))
    assert partial.splitlines()[n - 1 : n + 2] == [
        "    include minidisk * 0191              # your minidisk addresses",
        maint.rstrip("\n"),
        "    to disk pool BKUPPOOL                # your backup disk pool",
    ]
    assert format_text(partial, "c.bkr") == whole
    assert format_text(partial, "c.bkr").splitlines()[n] == maint.rstrip("\n")
    # The run's lines selected, all of them: the whole file's layout of the run.
    assert _h9s76_applied(text, F.range_formatted(doc, n - 1, n + 2)) == whole
    # The `run on` line alone: its comment stays (two spaces after its statement already).
    assert F.range_formatted(doc, n + 2, n + 2) == []


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_h9s76_format_selection_keeps_the_80_column_rule(data):
    """Over generated files of trailing comments (test_fmt_properties' generator):
    Format Selection of any lines edits no other line, formatting its result gives
    the whole file's layout, and selecting every line gives that layout at once."""
    from bkrdsl.fmt import format_text

    text = data.draw(_h9s76_file())
    whole = format_text(text, "c.bkr")
    _h9s76_assert_rule(whole)
    doc = analyse_document("/ws/c.bkr", text)
    lines = text.splitlines(keepends=True)
    first = data.draw(st.integers(0, len(lines) - 1))
    last = data.draw(st.integers(first, len(lines) - 1))
    edits = F.range_formatted(doc, first, last)
    assert all(first <= a and b - 1 <= last for a, b, _ in edits), edits
    partial = _h9s76_applied(text, edits)
    assert partial.splitlines(keepends=True)[:first] == lines[:first]
    assert format_text(partial, "c.bkr") == whole
    assert _h9s76_applied(text, F.range_formatted(doc, 0, len(lines) - 1)) == whole


# stop 76, h4: no *Allow BKR026* (allowing it is BKR025), nor an allow where none reaches (a comment's own line)
@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
def test_h4s76_no_allow_action_for_bkr026(monkeypatch, reading):
    # `# bkrc: allow BKR2277` (BKR026: no such code) was offered *Allow BKR026 on this
    # line*, which wrote `# bkrc: allow BKR026` above: an error, BKR025 (BKR026 cannot
    # be allowed), and the BKR026 still there. Found by bench/mutate.py's allow edit
    # and its *Allow* oracle (`--allow --seed 3`, 31 of 120 cases, both parsers).
    from bkrdsl.fixes import apply as apply_fixes

    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    text = H1_75_SHARED.replace("  job SYSINC {\n", "  job SYSINC {   # bkrc: allow BKR2277\n")
    doc, _, _ = doc_at(text, name="/ws/site.bkr")
    assert sorted(d.code for d in doc.diagnostics) == ["BKR026", "BKR227"]
    actions = F.allow_actions(doc, (0, 0), (99, 0))
    assert [a.title for a in actions] == ["Allow BKR227 on this line"]
    joined = apply(text, actions[0])
    assert "  job SYSINC {   # bkrc: allow BKR2277, BKR227\n" in joined
    assert [d.code for d in analyse_document("/ws/site.bkr", joined).diagnostics] == ["BKR026"]
    # BKR026's own fix writes the code meant, and the file checks clean, BKR227 allowed
    (unknown,) = [d for d in doc.diagnostics if d.code == "BKR026"]
    assert unknown.fix is not None and unknown.fix.title == "Write `BKR227`"
    mended = apply_fixes(text, [unknown])
    assert "  job SYSINC {   # bkrc: allow BKR227\n" in mended
    assert analyse_document("/ws/site.bkr", mended).diagnostics == []


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
def test_h4s76_no_allow_action_for_a_warning_on_a_line_that_is_only_a_comment(monkeypatch, reading):
    # A line separator in a comment alone on its line (BKR023) was offered *Allow BKR023
    # on this line*, which wrote the allow above it: an allow on its own line covers the
    # next line of code, not the comment, so the warning stayed (and the allow was
    # BKR027). None is offered; on a line of code with a trailing comment, the allow
    # above covers it. Found by bench/mutate.py's *Allow* oracle (`--allow --seed 3`,
    # case 60: a module's first line, a `##` comment).
    from bkrdsl.fixes import apply as apply_fixes

    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    own = H1_75_SHARED.replace("  job SYSINC {\n", "  # our own\u2028template names\n  job SYSINC {\n")
    doc, _, _ = doc_at(own, name="/ws/site.bkr")
    assert sorted(d.code for d in doc.diagnostics) == ["BKR023", "BKR227"]
    assert [a.title for a in F.allow_actions(doc, (0, 0), (99, 0))] == ["Allow BKR227 on this line"]
    (separator,) = [d for d in doc.diagnostics if d.code == "BKR023"]
    assert separator.fix is not None
    mended = apply_fixes(own, [separator])
    assert [d.code for d in analyse_document("/ws/site.bkr", mended).diagnostics] == ["BKR227"]
    # the same comment trailing a line of code: the allow goes above, and covers it
    trailing = H1_75_SHARED.replace("  job SYSINC {\n", "  job SYSINC {   # our own\u2028template names\n")
    doc, _, _ = doc_at(trailing, name="/ws/site.bkr")
    (at,) = [p.span for p in F.placed(doc) if p.diagnostic.code == "BKR023"]
    (action,) = [
        a for a in F.allow_actions(doc, (at.line - 1, 0), (at.line - 1, 99)) if a.diagnostic.code == "BKR023"
    ]
    allowed = apply(trailing, action)
    assert "  # bkrc: allow BKR023\n  job SYSINC {" in allowed
    assert [d.code for d in analyse_document("/ws/site.bkr", allowed).diagnostics] == ["BKR227"]


# stop 76, lead: no allow on a line of its own below a syntax error (bench/mutate.py seed 50766, case 457, h12)
@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
@pytest.mark.parametrize("slip", ["import x", "foo bar"])
def test_no_own_line_allow_action_below_a_syntax_error(monkeypatch, reading, slip):
    # `import x` in a cluster block (BKR013) or `foo bar` (BKR012): the recovery skips on
    # to the next statement, comments and all, so an allow written on its own line above
    # the warned line was read by nothing and the warning stayed. Not offered there; the
    # trailing form is, and works; without the slip the own-line form is offered, and works.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    commented = f"cluster C {{\n{slip}\n  shared-volume COM@01  # c\n}}\n"
    doc, _, _ = doc_at(commented, name="/ws/r.bkr")
    assert "BKR308" in [d.code for d in doc.diagnostics]
    assert [a.title for a in F.allow_actions(doc, (0, 0), (99, 0)) if a.diagnostic.code == "BKR308"] == []
    bare = commented.replace("  # c", "")
    doc, _, _ = doc_at(bare, name="/ws/r.bkr")
    (action,) = [a for a in F.allow_actions(doc, (0, 0), (99, 0)) if a.diagnostic.code == "BKR308"]
    allowed = apply(bare, action)
    assert "  shared-volume COM@01   # bkrc: allow BKR308\n" in allowed
    assert "BKR308" not in [d.code for d in analyse_document("/ws/r.bkr", allowed).diagnostics]
    whole = commented.replace(f"{slip}\n", "")
    doc, _, _ = doc_at(whole, name="/ws/r.bkr")
    (action,) = [a for a in F.allow_actions(doc, (0, 0), (99, 0)) if a.diagnostic.code == "BKR308"]
    allowed = apply(whole, action)
    assert "  # bkrc: allow BKR308\n  shared-volume COM@01  # c\n" in allowed
    assert "BKR308" not in [d.code for d in analyse_document("/ws/r.bkr", allowed).diagnostics]


# stop 77, lead: the own-line allow below a syntax error, offered where the recovery keeps it
@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
@pytest.mark.parametrize("slip", ["import x", "foo bar"])
def test_own_line_allow_action_below_a_syntax_error_where_it_is_read(monkeypatch, reading, slip):
    # Stop 76 offered no own-line allow anywhere below a syntax error. With a statement
    # read between the slip and the warned line, the recovery is over before the allow,
    # which the parser then keeps: the form is offered, and the warning goes. Right
    # below the slip it is still not offered (the allow would be skipped).
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    text = f"cluster C {{\n{slip}\n  shared-volume COM@00\n  shared-volume COM@01  # c\n}}\n"
    doc, _, _ = doc_at(text, name="/ws/r.bkr")
    assert [d.code for d in doc.diagnostics].count("BKR308") == 2
    (action,) = [a for a in F.allow_actions(doc, (3, 0), (3, 99)) if a.diagnostic.code == "BKR308"]
    allowed = apply(text, action)
    assert "  shared-volume COM@00\n  # bkrc: allow BKR308\n  shared-volume COM@01  # c\n" in allowed
    after = [(d.code, d.span.line) for d in analyse_document("/ws/r.bkr", allowed).diagnostics]
    assert ("BKR308", 3) in after and [c for c, _ in after].count("BKR308") == 1
    right_below = text.replace("  shared-volume COM@00\n", "")
    doc, _, _ = doc_at(right_below, name="/ws/r.bkr")
    assert [a for a in F.allow_actions(doc, (2, 0), (2, 99)) if a.diagnostic.code == "BKR308"] == []


# stop 77, h5: no trailing allow after a comment the recovery skipped (LSP fuzz, seed 76 of the counting run)
@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
@pytest.mark.parametrize(
    "text", [", BKR227-to disk pool P\nto disk pool P  # \x01\n", ", x\nto disk pool P  # \x01\n", "  0..0  # \x01"]
)
def test_h5s77_no_trailing_allow_action_after_a_comment_the_recovery_skipped(monkeypatch, reading, text):
    # Found by the LSP fuzz's allow_a_warning (a control character typed in a comment,
    # BKR024, below a syntax error or on its line; reduced to two lines, or one): the
    # recovery from the slip (BKR015) skips the comment, so it is not in
    # `module.comments`, and `allow_fix` took the line for one without a comment: it
    # wrote the allow after it, `# \x01   # bkrc: allow BKR024`, inside the comment,
    # where no allow is read, and the warning stayed. No allow is offered there;
    # without the slip the one on a line of its own above is, and the file then checks
    # clean.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    doc, _, _ = doc_at(text, name="/ws/r.bkr")
    assert "BKR024" in [d.code for d in doc.diagnostics]
    assert [a.title for a in F.allow_actions(doc, (0, 0), (99, 0)) if a.diagnostic.code == "BKR024"] == []
    whole = "single group G { A }  # \x01\n"
    doc, _, _ = doc_at(whole, name="/ws/r.bkr")
    (action,) = [a for a in F.allow_actions(doc, (0, 0), (99, 0)) if a.diagnostic.code == "BKR024"]
    allowed = apply(whole, action)
    assert allowed == "# bkrc: allow BKR024\nsingle group G { A }  # \x01\n"
    assert [d.code for d in analyse_document("/ws/r.bkr", allowed).diagnostics] == []
    # A warning of the reading (BKR024) is no syntax error: no recovery skips on from
    # it, and an allow on a line of its own below it is offered, and works.
    below = "single group F { B }  # \x01\nsingle group G { A A }  # a note\n"
    doc, _, _ = doc_at(below, name="/ws/r.bkr")
    (action,) = [a for a in F.allow_actions(doc, (0, 0), (99, 0)) if a.diagnostic.code == "BKR416"]
    allowed = apply(below, action)
    assert allowed == below.replace("single group G", "# bkrc: allow BKR416\nsingle group G")
    assert [d.code for d in analyse_document("/ws/r.bkr", allowed).diagnostics] == ["BKR024"]


# stop 81, h5: no allow action for a warning whose code is an error's (bench/mutate.py --seed 50786 case 33);
# stop 82, h3: the warning has a code of its own, BKR341, whose allow is offered and works
@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
def test_h3s82_an_all_digit_user_id_s_warning_is_offered_its_allow_which_silences_it(monkeypatch, reading):
    # Found by bench/mutate.py (--seed 50786 --only punctuation --only 'delete line'
    # --only 'swap words' --case 33: a minidisk address swapped into a group; reduced
    # to one line). An all-digit user ID was warned of under BKR309, the code of the IDs
    # CP reserves, an error's: `# bkrc: allow BKR309` was BKR025 and silenced nothing,
    # so stop 81 offered no allow, and a site could not keep such an ID quietly. Since
    # stop 82 the warning is BKR341, a warning's code: the server offers *Allow BKR341
    # on this line* beside the group's other warning, and the allow silences it alone.
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    text = "single group G { A 191 A }\n"
    doc, _, _ = doc_at(text, name="/ws/r.bkr")
    assert sorted(d.code for d in doc.diagnostics) == ["BKR341", "BKR416"]
    actions = F.allow_actions(doc, (0, 0), (99, 0))
    assert sorted(a.title for a in actions) == ["Allow BKR341 on this line", "Allow BKR416 on this line"]
    (action,) = [a for a in actions if a.diagnostic.code == "BKR341"]
    allowed = apply(text, action)
    assert allowed == "single group G { A 191 A }   # bkrc: allow BKR341\n"
    assert [d.code for d in analyse_document("/ws/r.bkr", allowed).diagnostics] == ["BKR416"]
    # the old allow of BKR309 is still the error it was: BKR309 is the reserved IDs' code
    by_hand = text.rstrip("\n") + "   # bkrc: allow BKR309\n"
    assert sorted(d.code for d in analyse_document("/ws/r.bkr", by_hand).diagnostics) == [
        "BKR025",
        "BKR341",
        "BKR416",
    ]


def test_h1_83_completion_after_link_offers_the_product_machines_and_hover_says_the_line_written():
    """`link |` offers the machines whose entries bkrc writes (as `disk |` does); a hover on
    the statement's address or mode says the LINK the compile writes and in which file."""
    text = EVERY_VALUE.replace("  link BKRBKUP 5697J06C 05E5 as 0395 RR\n", "  link \n")
    line = text.split("\n").index("  link ")
    doc, _, _ = doc_at(text)
    labels = [c.label for c in F.complete(doc, line, len("  link "))]
    assert {"BKRBKUP", "BKRCATLG", "BKRSVSFS"} <= set(labels) and "LNX01" not in labels
    doc, _, _ = doc_at(EVERY_VALUE)
    line = EVERY_VALUE.split("\n").index("  link BKRBKUP 5697J06C 05E5 as 0395 RR")
    for word in ("05E5", "0395", "RR"):
        hover = F.hover(doc, line, EVERY_VALUE.split("\n")[line].index(f" {word}") + 1)
        assert "`LINK 5697J06C 05E5 0395 RR` in cluster/BKRBKUP.DIRECT" in str(hover), (word, hover)
