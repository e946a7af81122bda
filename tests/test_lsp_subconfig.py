"""A member's `subconfig MACHINE NAME` in the editor (stop 82): completion and hover.

`subconfig |` in a member block offers the product machines that run an IDENTITY
instance on that member and have no `subconfig` statement in the block yet;
`subconfig MACHINE |` the SUBCONFIG name bkrc writes without the statement, its
default (with the `directory` setting, the site directory's name first where it
differs). Hover on the statement's machine or name says which SUBCONFIG it names,
and what the compile writes of it. Each under both parsers: the statement being
typed (`subconfig` alone, or with its machine only) is a syntax error (BKR010),
which each reads on from in its own way.
"""

from __future__ import annotations

import textwrap

import pytest
from lsp_inprocess import Editor

from bkrdsl.cpdirectory import read_directory
from bkrdsl.lsp import features as F
from bkrdsl.lsp.document import analyse_document

PARSERS = ["fast parser first", "lark"]

CLUSTER = textwrap.dedent(
    """\
    import std/backup-manager

    identity group SYSIDS { TCPIP }

    cluster DEV {
      member DEV1 {
        workers 2
        private-volume D1PRV1
        subconfig BKRBKUP BKRBKU-1
        @@DEV1@@
      }
      member DEV2 { workers 3  private-volume D2PRV1 @@DEV2@@ }
      catalog shared server BKRSVSFS pool BKRPOOL on DEV1
      tape manager shared catalog-node TCTMM on DEV1 request-node TRTMM
      expire on DEV1 {
        purge weekly sun 03:00
      }
      job SYSIN {
        backup SYSIDS incremental
        include minidisk TCPIP 0191
        to disk pool P
        run on each member daily 02:00
      }
    }
    """
)

#: The site's own names for the product's machines, by their roles (no std/backup-manager).
SITE_NAMED = textwrap.dedent(
    """\
    identity user NBBKSRV role backup-server
    identity user NBCATLG role catalog-server
    identity user NBWRK* role worker
    single user NBADMIN role admin
    single user 5697J06C role installation

    cluster DEV {
      member DEV1 { workers 1  private-volume D1PRV1 }
      member DEV2 { workers 2  private-volume D2PRV1
        @@DEV2@@
      }
      catalog shared server BKRSVSFS pool BKRPOOL on DEV1
    }
    """
)

#: The site's CP directory: BKRBKUP built from SUBCONFIGs of its own names, BKRCATLG
#: from bkrc's, the first worker on DEV2 from another.
DIRECTORY = textwrap.dedent(
    """\
    IDENTITY BKRBKUP LBYONLY 256M 512M BG
     BUILD ON DEV1 USING SUBCONFIG BKRBKU-1
     BUILD ON DEV2 USING SUBCONFIG BKRBKU-2
    SUBCONFIG BKRBKU-1
    SUBCONFIG BKRBKU-2
    IDENTITY BKRCATLG LBYONLY 256M 512M BG
     BUILD ON DEV1 USING SUBCONFIG BKRCLG-1
     BUILD ON DEV2 USING SUBCONFIG BKRCLG-2
    SUBCONFIG BKRCLG-1
    SUBCONFIG BKRCLG-2
    IDENTITY BKRWRK01 LBYONLY 128M 256M BG
     BUILD ON DEV1 USING SUBCONFIG BKRW01-1
     BUILD ON DEV2 USING SUBCONFIG NBWK01-2
    SUBCONFIG BKRW01-1
    SUBCONFIG NBWK01-2
    """
)


@pytest.fixture(params=PARSERS)
def parser(request, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if request.param == "lark" else "")
    return request.param


def _doc(text: str, cursor: str, directory: str | None = None):
    """The analysis of `text` with the cursor at the `|` of `cursor` (the `|` left out
    of the text), and the cursor's (line, column)."""
    plain = cursor.replace("|", "")
    at = text.index(plain) + cursor.index("|")
    site = read_directory("USER.DIRECT", directory.encode()) if directory is not None else None
    doc = analyse_document("/ws/dev.bkr", text, directory=site)
    return doc, text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1)


def _in(template: str, dev1: str = "", dev2: str = "") -> str:
    return template.replace("@@DEV1@@", dev1).replace("@@DEV2@@", dev2)


def _offered(text: str, cursor: str, directory: str | None = None) -> list[tuple[str, str]]:
    doc, line, column = _doc(text, cursor, directory)
    return [(c.label, c.detail) for c in F.complete(doc, line, column)]


# ------------------------------------------------------------------ completion
def test_h2_82_subconfig_offers_the_member_s_identity_machines_without_a_statement(parser):
    # `subconfig |` offered nothing: now the member's IDENTITY product machines, in the
    # model's order (the servers, the workers its `workers` count gives it, the Tape
    # Manager's request node where it runs), those with a statement in the block left
    # out (BKRBKUP on DEV1: a second one is BKR115), each with bkrc's SUBCONFIG name.
    text = _in(CLUSTER, dev1="subconfig ")
    assert _offered(text, "    subconfig |\n") == [
        ("BKRCATLG", "the catalog server; on `DEV1` bkrc names its SUBCONFIG `BKRCLG-1`"),
        ("BKRWRK01", "a worker machine; on `DEV1` bkrc names its SUBCONFIG `BKRW01-1`"),
        ("BKRWRK02", "a worker machine; on `DEV1` bkrc names its SUBCONFIG `BKRW02-1`"),
    ]
    # DEV2, member 2, with three workers, runs the request node (DEV1 the catalog node,
    # a USER entry: no SUBCONFIG); its names end in -2.
    text = _in(CLUSTER, dev2="subconfig ")
    assert [label for label, _ in _offered(text, "subconfig | }")] == [
        "BKRBKUP",
        "BKRCATLG",
        "BKRWRK01",
        "BKRWRK02",
        "BKRWRK03",
        "TRTMM",
    ]
    assert (
        "TRTMM",
        "the Tape Manager request node; on `DEV2` bkrc names its SUBCONFIG `TRTMM-2`",
    ) in _offered(text, "subconfig | }")
    # Begun: the same items, the editor matching them against `BKRW`.
    text = _in(CLUSTER, dev1="subconfig BKRW")
    assert [label for label, _ in _offered(text, "subconfig BKRW|\n")] == ["BKRCATLG", "BKRWRK01", "BKRWRK02"]
    # A statement below the cursor counts as written; the one typed does not.
    text = _in(CLUSTER, dev1="subconfig \n    subconfig BKRWRK02 NBWK02-1")
    assert [label for label, _ in _offered(text, "    subconfig |\n")] == ["BKRCATLG", "BKRWRK01"]


def test_h2_82_subconfig_offers_the_site_s_own_machines_by_their_roles(parser):
    # Machines the site declares under its own names with their roles, no std/backup-manager.
    text = _in(SITE_NAMED, dev2="subconfig ")
    assert _offered(text, "    subconfig |\n") == [
        ("NBBKSRV", "the backup server; on `DEV2` bkrc names its SUBCONFIG `NBBKRV-2`"),
        ("NBCATLG", "the catalog server; on `DEV2` bkrc names its SUBCONFIG `NBCALG-2`"),
        ("NBWRK01", "a worker machine; on `DEV2` bkrc names its SUBCONFIG `NBWR01-2`"),
        ("NBWRK02", "a worker machine; on `DEV2` bkrc names its SUBCONFIG `NBWR02-2`"),
    ]


def test_h2_82_subconfig_machine_offers_bkrc_s_default_name(parser):
    default = "bkrc's default: `{}`'s ID and the member's number (member {}), the SUBCONFIG the compile writes without this statement"
    text = _in(CLUSTER, dev1="subconfig BKRCATLG ")
    assert _offered(text, "subconfig BKRCATLG |\n") == [("BKRCLG-1", default.format("BKRCATLG", 1))]
    text = _in(CLUSTER, dev2="subconfig BKRWRK03 ")
    assert _offered(text, "subconfig BKRWRK03 | }") == [("BKRW03-2", default.format("BKRWRK03", 2))]
    # Begun, the editor matching it against `BKRC`.
    text = _in(CLUSTER, dev1="subconfig BKRCATLG BKRC")
    assert [label for label, _ in _offered(text, "subconfig BKRCATLG BKRC|\n")] == ["BKRCLG-1"]
    # Of a machine with no instance there (a third worker on DEV1, a guest, a USER): none (BKR340).
    for machine in ("BKRWRK03", "TCPIP", "BKRADMIN", "TCTMM"):
        text = _in(CLUSTER, dev1=f"subconfig {machine} ")
        assert _offered(text, f"subconfig {machine} |\n") == [], machine
    # After the name: the statement is whole, the block's next statements only.
    text = _in(CLUSTER, dev1="subconfig BKRCATLG BKRCLG-1 ")
    doc, line, column = _doc(text, "subconfig BKRCATLG BKRCLG-1 |\n")
    assert {c.kind for c in F.complete(doc, line, column)} == {"keyword"}


def test_h2_82_with_the_directory_setting_its_subconfig_names_come_first(parser):
    # The instances the site's directory builds from a SUBCONFIG of another name (the
    # statements BKR529 asks for) come first, saying so; after the machine, the
    # directory's name first, bkrc's default second.
    text = _in(CLUSTER, dev2="subconfig ")
    offered = _offered(text, "subconfig | }", DIRECTORY)
    assert [label for label, _ in offered] == [
        "BKRBKUP",
        "BKRWRK01",
        "BKRCATLG",
        "BKRWRK02",
        "BKRWRK03",
        "TRTMM",
    ]
    assert offered[0] == (
        "BKRBKUP",
        "the backup server; the site directory builds it on `DEV2` from `BKRBKU-2`, where bkrc writes `BKRBUP-2`",
    )
    assert offered[2] == ("BKRCATLG", "the catalog server; on `DEV2` bkrc names its SUBCONFIG `BKRCLG-2`")
    text = _in(CLUSTER, dev2="subconfig BKRWRK01 ")
    offered = _offered(text, "subconfig BKRWRK01 | }", DIRECTORY)
    assert offered[0] == (
        "NBWK01-2",
        "the site directory's: BUILD ON DEV2 USING SUBCONFIG NBWK01-2 (USER.DIRECT:13)",
    )
    assert [label for label, _ in offered] == ["NBWK01-2", "BKRW01-2"]
    # The same name in both: one item, bkrc's.
    text = _in(CLUSTER, dev2="subconfig BKRCATLG ")
    assert [label for label, _ in _offered(text, "subconfig BKRCATLG | }", DIRECTORY)] == ["BKRCLG-2"]


def test_h2_82_subconfig_completion_comes_over_the_protocol_right_after_a_keystroke(tmp_path):
    # An editor asks at once, before the debounced re-check: the server answers from
    # the text typed, not the analysis of the text before it (`Reanalyse`).
    path = tmp_path / "dev.bkr"
    before = _in(CLUSTER)
    path.write_text(before)
    uri = path.as_uri()
    editor = Editor()
    try:
        editor.initialize(tmp_path, debounce_ms=60_000)
        item = {"uri": uri, "languageId": "bkr", "version": 1, "text": before}
        editor.notify("textDocument/didOpen", {"textDocument": item})
        for version, typed in enumerate(("subconfig ", "subconfig BKRCATLG "), start=2):
            after = _in(CLUSTER, dev1=typed)
            line = after.count("\n", 0, after.index(typed + "\n"))
            changes = {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": after}]}
            editor.notify("textDocument/didChange", changes)
            position = {"line": line, "character": 4 + len(typed)}
            found = editor.request(
                "textDocument/completion", {"textDocument": {"uri": uri}, "position": position}
            )
            labels = [i["label"] for i in found["result"]["items"]]
            assert labels == (["BKRCATLG", "BKRWRK01", "BKRWRK02"] if version == 2 else ["BKRCLG-1"])
        assert editor.errors == []
    finally:
        editor.close()


# ------------------------------------------------------------------ hover
def _hover(text: str, cursor: str, directory: str | None = None) -> list[str]:
    doc, line, column = _doc(text, cursor, directory)
    found = F.hover(doc, line, column)
    return found.markdown.split("\n") if found is not None else []


def test_h2_82_hover_on_a_subconfig_statement_names_the_subconfig_and_its_files(parser):
    # The machine and the name of `subconfig BKRBKUP BKRBKU-1` had no hover.
    text = _in(CLUSTER)
    said = [
        "**SUBCONFIG `BKRBKU-1`**: `BKRBKUP`'s instance on `DEV1` (member 1), the backup server",
        (
            "- the compile writes `BUILD ON DEV1 USING SUBCONFIG BKRBKU-1` in IDENTITY `BKRBKUP`'s entry"
            " (cluster/BKRBKUP.DIRECT) and the SUBCONFIG's entry, the instance's minidisks, in cluster/BKRBKU-1.DIRECT"
        ),
        "- without this statement: `BKRBUP-1`, bkrc's own name (the ID and the member's number)",
    ]
    assert _hover(text, "subconfig BKRBKUP BKRBK|U-1") == said
    # On the machine, the machine's own hover after it, as on any use of its ID.
    on_machine = _hover(text, "subconfig BKRB|KUP")
    assert on_machine[: len(said)] == said
    assert on_machine[len(said) : len(said) + 4] == [
        "",
        "---",
        "",
        "**BKRBKUP**: IDENTITY user (multiconfiguration: one instance on every member)",
    ]
    # With the directory setting: its BUILD statement for that instance.
    assert _hover(text, "subconfig BKRBKUP BKRBK|U-1", DIRECTORY)[3:] == [
        "- site directory: `BUILD ON DEV1 USING SUBCONFIG BKRBKU-1` (USER.DIRECT:2): the same name"
    ]
    # bkrc's own name written: the statement keeps it when the members are renumbered.
    text = _in(CLUSTER, dev2="subconfig BKRWRK01 BKRW01-2")
    assert _hover(text, "subconfig BKRWRK01 BKRW0|1-2", DIRECTORY) == [
        "**SUBCONFIG `BKRW01-2`**: `BKRWRK01`'s instance on `DEV2` (member 2), a worker machine",
        (
            "- the compile writes `BUILD ON DEV2 USING SUBCONFIG BKRW01-2` in IDENTITY `BKRWRK01`'s entry"
            " (cluster/BKRWRK01.DIRECT) and the SUBCONFIG's entry, the instance's minidisks, in cluster/BKRW01-2.DIRECT"
        ),
        (
            "- bkrc's own name too (the ID and the member's number), kept by the statement when a member is added or"
            " removed before this one"
        ),
        "- site directory: `BUILD ON DEV2 USING SUBCONFIG NBWK01-2` (USER.DIRECT:13): another name (BKR529)",
    ]


def test_h2_82_hover_on_a_subconfig_statement_that_names_none_says_why(parser):
    # A machine with no instance on the member (BKR340), a second statement for one
    # machine (BKR115): which SUBCONFIG, if any, the compile writes; the code's page after.
    text = _in(CLUSTER, dev1="subconfig BKRWRK03 NBWK03-1")
    said = _hover(text, "subconfig BKRWRK0|3")
    assert said[0] == (
        "**SUBCONFIG `NBWK03-1`**: `BKRWRK03` runs no IDENTITY instance on `DEV1`, so the statement names no"
        " SUBCONFIG the compile writes (BKR340)"
    )
    assert any(line.startswith("**BKR340**") for line in said)
    text = _in(CLUSTER, dev1="subconfig BKRBKUP OTHER-1")
    assert _hover(text, "subconfig BKRBKUP OTH|ER-1")[0] == (
        "**SUBCONFIG `OTHER-1`**: a second `subconfig` for `BKRBKUP` in member `DEV1`'s block (BKR115): the compile"
        " writes the first's, `BKRBKU-1` (line 9)"
    )


# ------------------------------------------------------------------ the machine, a use of its ID
def test_h2_82_a_subconfig_statement_s_machine_is_a_use_of_its_id(parser):
    # `subconfig NBBKSRV NBBKSR-1`'s machine was no use of the machine's ID: references
    # and highlights left it out, go to definition found nothing there, and renaming the
    # site's own machine left the statement naming one that no longer ran (BKR340).
    text = SITE_NAMED.replace("@@DEV2@@", "subconfig NBBKSRV NBBKSR-2\n    subconfig NBWRK02 NBWK02-2")
    doc, line, column = _doc(text, "subconfig NBBK|SRV")
    (target,) = F.definition(doc, line, column)
    assert (target.line, doc.text[target.start : target.end]) == (1, "NBBKSRV")
    refs = F.references(doc, line, column, include_declaration=True)
    assert [(r.line, doc.text[r.start : r.end]) for r in refs] == [(1, "NBBKSRV"), (10, "NBBKSRV")]
    assert [(h.span.line, h.definition) for h in F.highlights(doc, line, column)] == [(1, True), (10, False)]
    done = F.rename(doc, line, column, "NBBKUP")
    (renamed,) = _renamed_texts(doc, done).values()
    assert "identity user NBBKUP role backup-server" in renamed and "subconfig NBBKUP NBBKSR-2" in renamed
    after = analyse_document("/ws/dev.bkr", renamed)
    assert [d.code for d in after.diagnostics] == [d.code for d in doc.diagnostics]
    # A worker `workers N` makes: its uses are its members' `workers` and this statement.
    doc, line, column = _doc(text, "subconfig NBWR|K02")
    refs = F.references(doc, line, column, include_declaration=False)
    assert [doc.text[r.start : r.end] for r in refs] == ["NBWRK02"]


def _renamed_texts(doc, renaming: F.Renaming) -> dict[str, str]:
    texts: dict[str, str] = {}
    for span in sorted(renaming.spans, key=lambda s: s.start, reverse=True):
        text = texts.get(span.file, doc.text)
        texts[span.file] = text[: span.start] + renaming.new + text[span.end :]
    return texts
