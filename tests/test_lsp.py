"""`bkrc lsp` end to end, over stdio, with pytest-lsp as the editor.

The server runs as a real subprocess (`python -m bkrdsl lsp`). One session goes
through what an editor does: initialize, open a broken document and receive
diagnostics with codes, fix it, hover, complete, go to a definition in an
imported module, find references, outline, format, apply a code action, shut
down.
"""

from __future__ import annotations

import asyncio
import sys
import textwrap
from pathlib import Path

import pytest
import pytest_lsp
from lsp_inprocess import frame, read_replies
from lsprotocol import types as T
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

PUBLISH = T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS

SITE = textwrap.dedent(
    """\
    ## Payroll guests: single-configuration.
    single group PAYROLL { PAYAPP01 PAYAPP02 }

    ## Monitoring agents on every member.
    identity group MONITOR { PERFSVM }
    """
)

GOOD = textwrap.dedent(
    """\
    import std/backup-manager
    import ./site

    cluster TESTSSI {
      member TST1 { workers 1  private-volume T1PRV1 }
      member TST2 { workers 1  private-volume T2PRV1 }

      catalog shared server BKRSVSFS pool BKRPOOL on TST1
      expire on TST1 {
        preview daily 04:00
        purge weekly sat 04:30
        retain 14 days
      }

      job PAYFULL {
        backup PAYROLL full
        include minidisk * *
        to disk pool TSTPOOL
        run on TST2 daily 21:00
      }

      job MONINC {
        backup MONITOR incremental
        include minidisk * 0191
        to disk pool TSTPOOL
        run on TST1 daily 05:00
      }

      disk BKRBKUP 191 size 10 cyl
      disk BKRCATLG 191 size 10 cyl
      disk BKRWRK* 191 size 5 cyl
    }
    """
)
BROKEN = GOOD.replace("member TST2 { workers 1 ", "member TST2 { workers ")


def recording_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics in arrival order (waiting
    for "the next notification" could miss one that arrives while the test is not waiting)."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []
    client.seen = 0

    def publish(client: LanguageClient, params: T.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)

    def register_capability(client: LanguageClient, params: T.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    client.registrations = []
    register_lsp_features(
        client, {**DEFAULT_CLIENT_FEATURES, PUBLISH: publish, T.CLIENT_REGISTER_CAPABILITY: register_capability}
    )
    return client


SERVER = [sys.executable, "-m", "bkrdsl", "lsp"]


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER + ["--stdio"], client_factory=recording_client),
)
async def client(lsp_client: LanguageClient, tmp_path_factory):
    folder = tmp_path_factory.mktemp("ws")
    (folder / "site.bkr").write_text(SITE)
    (folder / "main.bkr").write_text(GOOD)
    lsp_client.folder = folder
    params = T.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=folder.as_uri(),
        initialization_options={"debounce_ms": 20},
    )
    lsp_client.init_result = await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER, client_factory=recording_client),
)
async def patient_client(lsp_client: LanguageClient, tmp_path_factory):
    """A server that waits long after each change before re-checking."""
    folder = tmp_path_factory.mktemp("ws")
    (folder / "site.bkr").write_text(SITE)
    lsp_client.folder = folder
    params = T.InitializeParams(
        capabilities=client_capabilities("neovim"),
        root_uri=folder.as_uri(),
        initialization_options={"debounce_ms": 5000},
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


async def diagnostics(
    client: LanguageClient, uri: str, version: int | None = None, where=None
) -> list[T.Diagnostic]:
    """The next diagnostics published for `uri` (for `version`, and satisfying `where`, when given).

    Waits for them; the long limit only stops a hung server from hanging the test run.
    """
    deadline = asyncio.get_running_loop().time() + 60
    while True:
        for n in range(client.seen, len(client.published)):
            params = client.published[n]
            wanted = params.uri == uri and version in (None, params.version)
            if wanted and (where is None or where(params.diagnostics)):
                client.seen = n + 1
                return list(params.diagnostics)
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"no diagnostics for {uri} (version {version}): {client.published}")
        await asyncio.sleep(0.01)


def position(text: str, needle: str, offset: int = 0) -> T.Position:
    """The position of `needle` (plus `offset` characters) in `text`."""
    at = text.index(needle) + offset
    line = text.count("\n", 0, at)
    return T.Position(line=line, character=at - (text.rfind("\n", 0, at) + 1))


def open_doc(client: LanguageClient, path: Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        T.DidOpenTextDocumentParams(
            text_document=T.TextDocumentItem(uri=uri, language_id="bkr", version=version, text=text)
        )
    )
    return uri


def change(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[T.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def apply(text: str, edits: list[T.TextEdit]) -> str:
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start = offsets[e.range.start.line] + e.range.start.character
        end = offsets[e.range.end.line] + e.range.end.character
        text = text[:start] + e.new_text + text[end:]
    return text


def changes_of(edit: T.WorkspaceEdit) -> dict[str, list[T.TextEdit]]:
    """A workspace edit's text edits per file, given as `documentChanges` or as `changes`."""
    if edit.document_changes is not None:
        return {change.text_document.uri: change.edits for change in edit.document_changes}
    return edit.changes


@pytest.mark.asyncio
async def test_an_editing_session(client: LanguageClient):
    caps = client.init_result.capabilities
    assert caps.hover_provider and caps.definition_provider and caps.references_provider
    assert caps.document_formatting_provider and caps.document_range_formatting_provider
    assert caps.document_symbol_provider
    assert caps.completion_provider is not None and caps.code_action_provider
    assert caps.folding_range_provider and caps.workspace_symbol_provider
    assert caps.inlay_hint_provider is None  # VS Code 1.65 predates LSP 3.17's inlay hints

    main = client.folder / "main.bkr"
    uri = open_doc(client, main, BROKEN)

    # A syntax error, with its code, where it is.
    found = await diagnostics(client, uri)
    assert [(d.code, d.range.start.line, d.source) for d in found] == [("BKR010", 5, "bkrc")]
    assert "help:" in found[0].message

    # Fixed by typing: the checker runs and reports the SSI rule.
    change(client, uri, GOOD, 2)
    found = await diagnostics(client, uri, 2)
    assert [d.code for d in found] == ["BKR221"]
    pinned = found[0]
    assert pinned.range.start == position(GOOD, "on TST1 daily 05:00")
    assert pinned.related_information and pinned.related_information[0].location.uri.endswith("site.bkr")

    # Hover: a job's derived names, a group's members, a diagnostic's explanation.
    hover = await client.text_document_hover_async(
        T.HoverParams(text_document=T.TextDocumentIdentifier(uri=uri), position=position(GOOD, "PAYFULL {"))
    )
    assert "runs on TST2" in hover.contents.value
    hover = await client.text_document_hover_async(
        T.HoverParams(
            text_document=T.TextDocumentIdentifier(uri=uri), position=position(GOOD, "MONITOR inc", 2)
        )
    )
    assert "identity group" in hover.contents.value and "`PERFSVM`" in hover.contents.value
    assert "Monitoring agents on every member." in hover.contents.value
    assert "BKR221" not in hover.contents.value
    hover = await client.text_document_hover_async(
        T.HoverParams(
            text_document=T.TextDocumentIdentifier(uri=uri), position=position(GOOD, "on TST1 daily 05", 1)
        )
    )
    assert "**BKR221** `identity-job-pinned`" in hover.contents.value
    assert "Fix: `run on each member daily 01:00`." in hover.contents.value

    # Completion: keywords the grammar accepts there, and names that fit. (Written over
    # `TST1`: glued before it, an item is written with a blank and none reads before
    # it; `each`, whose `member` would come before `daily`, is not offered: h5 stop 69.)
    done = await client.text_document_completion_async(
        T.CompletionParams(
            text_document=T.TextDocumentIdentifier(uri=uri), position=position(GOOD, "TST1 daily 05", 4)
        )
    )
    labels = {i.label: i.kind for i in done.items}
    assert labels["TST1"] == labels["TST2"] == T.CompletionItemKind.Module
    assert "job" not in labels and "each" not in labels
    done = await client.text_document_completion_async(
        T.CompletionParams(
            text_document=T.TextDocumentIdentifier(uri=uri), position=position(GOOD, "PAYROLL full", 12)
        )
    )
    labels = {i.label: i.kind for i in done.items}
    assert labels["incremental"] == labels["full"] == T.CompletionItemKind.Keyword

    # Go to definition, across the import.
    found = await client.text_document_definition_async(
        T.DefinitionParams(
            text_document=T.TextDocumentIdentifier(uri=uri), position=position(GOOD, "PAYROLL full")
        )
    )
    assert [
        (Path(loc.uri.removeprefix("file://")).name, loc.range.start.line, loc.range.start.character)
        for loc in found
    ] == [("site.bkr", 1, 13)]

    # References of a member: its declaration and every use.
    found = await client.text_document_references_async(
        T.ReferenceParams(
            text_document=T.TextDocumentIdentifier(uri=uri),
            position=position(GOOD, "member TST1", 8),
            context=T.ReferenceContext(include_declaration=True),
        )
    )
    assert sorted(loc.range.start.line for loc in found) == [4, 7, 8, 25]

    # The outline.
    symbols = await client.text_document_document_symbol_async(
        T.DocumentSymbolParams(text_document=T.TextDocumentIdentifier(uri=uri))
    )
    cluster = next(s for s in symbols if s.name == "TESTSSI")
    assert [c.name for c in cluster.children] == [
        "TST1",
        "TST2",
        "catalog",
        "expire",
        "PAYFULL",
        "MONINC",
        "disk BKRBKUP 191",
        "disk BKRCATLG 191",
        "disk BKRWRK* 191",
    ]
    assert [(c.name, c.kind) for c in cluster.children[0].children] == [("T1PRV1", T.SymbolKind.Constant)]
    assert cluster.children[-1].kind == T.SymbolKind.Field

    # The code action for BKR221, applied, clears it.
    actions = await client.text_document_code_action_async(
        T.CodeActionParams(
            text_document=T.TextDocumentIdentifier(uri=uri),
            range=pinned.range,
            context=T.CodeActionContext(diagnostics=[pinned]),
        )
    )
    fix = next(a for a in actions if a.title == "Run on each member")
    assert fix.is_preferred and fix.diagnostics[0].code == "BKR221"
    # VS Code takes `documentChanges`: the fix names the buffer's version it was computed on.
    ((document, edits),) = [(c.text_document, c.edits) for c in fix.edit.document_changes]
    assert (document.uri, document.version) == (uri, 2)
    fixed = apply(GOOD, edits)
    assert "run on each member daily 05:00" in fixed
    change(client, uri, fixed, 3)
    assert await diagnostics(client, uri, 3) == []

    # Formatting: the edits that make the text canonical.
    messy = fixed.replace("  job MONINC {", "\n\n\nJOB moninc {").replace(
        "    backup MONITOR", "backup monitor"
    )
    change(client, uri, messy, 4)
    edits = await client.text_document_formatting_async(
        T.DocumentFormattingParams(
            text_document=T.TextDocumentIdentifier(uri=uri),
            options=T.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    assert apply(messy, edits) == fixed


@pytest.mark.asyncio
async def test_an_unsaved_imported_module_is_what_the_cluster_sees(client: LanguageClient):
    main = open_doc(client, client.folder / "main.bkr", GOOD)
    assert [d.code for d in await diagnostics(client, main)] == ["BKR221"]
    site = open_doc(client, client.folder / "site.bkr", SITE)
    await diagnostics(client, site)
    # Typing in site.bkr (not saved) re-checks main.bkr against the unsaved text.
    change(client, site, SITE.replace("identity group MONITOR", "single group MONITOR"), 2)
    await diagnostics(client, main, where=lambda found: "BKR221" not in [d.code for d in found])
    # Closing site.bkr unsaved: main.bkr sees the file on disk again.
    client.text_document_did_close(T.DidCloseTextDocumentParams(text_document=T.TextDocumentIdentifier(uri=site)))
    await diagnostics(client, main, where=lambda found: "BKR221" in [d.code for d in found])


@pytest.mark.asyncio
async def test_a_module_without_a_cluster_is_not_an_error(client: LanguageClient):
    site = open_doc(client, client.folder / "site.bkr", SITE)
    assert await diagnostics(client, site) == []


@pytest.mark.asyncio
async def test_a_module_shows_what_its_declarations_say_as_bkrc_check_does(client: LanguageClient):
    # A user ID CP would refuse, in a module: BKR301, as `bkrc check` reports it; no
    # BKR110, and no BKR408 for the groups (the cluster's jobs back them up).
    text = SITE.replace("PAYAPP02", "PAYROLLDB1")
    site = open_doc(client, client.folder / "module.bkr", text)
    (found,) = await diagnostics(client, site)
    assert (found.code, found.range.start) == ("BKR301", position(text, "PAYROLLDB1"))
    # A buffer that declares and imports nothing is neither a cluster nor a module.
    empty = open_doc(client, client.folder / "new.bkr", "")
    assert [d.code for d in await diagnostics(client, empty)] == ["BKR110"]


@pytest.mark.asyncio
async def test_rename_and_document_highlight(client: LanguageClient):
    caps = client.init_result.capabilities
    assert caps.rename_provider.prepare_provider and caps.document_highlight_provider
    uri = open_doc(client, client.folder / "main.bkr", GOOD)
    await diagnostics(client, uri)
    main = T.TextDocumentIdentifier(uri=uri)
    site_uri = (client.folder / "site.bkr").as_uri()

    # The name under the cursor, with its text as the placeholder...
    at = position(GOOD, "PAYROLL full", 3)
    prepared = await client.text_document_prepare_rename_async(T.PrepareRenameParams(text_document=main, position=at))
    assert prepared.placeholder == "PAYROLL"
    assert (prepared.range.start, prepared.range.end) == (position(GOOD, "PAYROLL full"), position(GOOD, " full"))
    # ... renamed here and in the module that declares it (not open: the file on disk).
    edit = await client.text_document_rename_async(T.RenameParams(text_document=main, position=at, new_name="payusers"))
    assert sorted(changes_of(edit)) == sorted([uri, site_uri])
    assert apply(GOOD, changes_of(edit)[uri]) == GOOD.replace("PAYROLL", "PAYUSERS")
    assert apply(SITE, changes_of(edit)[site_uri]) == SITE.replace("PAYROLL", "PAYUSERS")

    # From the module, the open cluster that imports it is renamed too.
    site = open_doc(client, client.folder / "site.bkr", SITE)
    await diagnostics(client, site)
    edit = await client.text_document_rename_async(
        T.RenameParams(
            text_document=T.TextDocumentIdentifier(uri=site), position=position(SITE, "MONITOR {"), new_name="MONITORS"
        )
    )
    assert sorted(changes_of(edit)) == sorted([uri, site_uri])
    assert apply(GOOD, changes_of(edit)[uri]) == GOOD.replace("MONITOR", "MONITORS")

    # Refusals carry the reason the editor shows.
    with pytest.raises(JsonRpcException) as refused:
        await client.text_document_prepare_rename_async(
            T.PrepareRenameParams(text_document=main, position=position(GOOD, "backup PAYROLL", 2))
        )
    assert refused.value.code == T.LSPErrorCodes.RequestFailed
    assert "`backup` is a keyword of the language" in refused.value.message
    with pytest.raises(JsonRpcException) as refused:
        await client.text_document_rename_async(T.RenameParams(text_document=main, position=at, new_name="PAY*"))
    assert refused.value.code == JsonRpcInvalidParams.CODE and "`PAY*` contains `*`" in refused.value.message
    assert await client.text_document_prepare_rename_async(
        T.PrepareRenameParams(text_document=main, position=T.Position(line=2, character=0))
    ) is None

    # Document highlight: the member's declaration is written, its uses read.
    found = await client.text_document_document_highlight_async(
        T.DocumentHighlightParams(text_document=main, position=position(GOOD, "member TST1", 8))
    )
    W, R = T.DocumentHighlightKind.Write, T.DocumentHighlightKind.Read
    assert [(h.range.start.line, h.range.start.character, h.kind) for h in found] == [
        (4, 9, W), (7, 49, R), (8, 12, R), (25, 11, R)
    ]


@pytest.mark.asyncio
async def test_a_rename_right_after_an_imported_buffer_changes_edits_its_text(patient_client: LanguageClient):
    # The cluster is checked again only after the debounce (5 s here): a rename before
    # then must still place its edits in the module by the buffer's text, not the
    # text the cluster's last check read (the disk's, or an older version).
    client = patient_client
    (client.folder / "main.bkr").write_text(GOOD)
    main = open_doc(client, client.folder / "main.bkr", GOOD)
    await diagnostics(client, main)
    at = T.RenameParams(
        text_document=T.TextDocumentIdentifier(uri=main),
        position=position(GOOD, "PAYROLL full", 3),
        new_name="PAYUSERS",
    )
    site_uri = (client.folder / "site.bkr").as_uri()
    opened = "## Two more lines\n## above the group.\n" + SITE  # unsaved: the group moves down
    open_doc(client, client.folder / "site.bkr", opened)
    await diagnostics(client, site_uri)
    edit = await client.text_document_rename_async(at)
    assert apply(opened, changes_of(edit)[site_uri]) == opened.replace("PAYROLL", "PAYUSERS")
    typed = opened.replace("## Payroll", "## Payroll (Zürich)\n##")  # typed, still unsaved
    change(client, site_uri, typed, 2)
    edit = await client.text_document_rename_async(at)
    assert apply(typed, changes_of(edit)[site_uri]) == typed.replace("PAYROLL", "PAYUSERS")


def test_a_refused_rename_is_an_answer_not_a_traceback(tmp_path):
    import subprocess

    uri = (tmp_path / "a.bkr").as_uri()
    messages = [
        {"id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}},
        {"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "bkr", "version": 1, "text": "single group WEB { HTTPD }\n"}}},
        {"id": 2, "method": "textDocument/prepareRename", "params": {
            "textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}},
        {"id": 3, "method": "shutdown"},
        {"method": "exit"},
    ]
    done = subprocess.run(
        SERVER, input=frame(*messages), capture_output=True, timeout=60, check=False
    )
    replies = read_replies(done.stdout)
    (answer,) = [r for r in replies if r.get("id") == 2]
    assert answer["error"]["code"] == -32803 and "`single` is a keyword" in answer["error"]["message"]
    assert "Traceback" not in done.stderr.decode()
    assert done.returncode == 0


@pytest.mark.asyncio
async def test_changes_are_debounced_and_saving_checks_at_once(patient_client: LanguageClient):
    client = patient_client
    path = client.folder / "main.bkr"
    uri = open_doc(client, path, BROKEN)
    assert [d.code for d in await diagnostics(client, uri, 1)] == ["BKR010"]
    # Three quick edits: none is checked yet (the server waits for the typing to stop)...
    change(client, uri, GOOD.replace("daily 05:00", "daily 05:01"), 2)
    change(client, uri, GOOD.replace("daily 05:00", "daily 05:02"), 3)
    change(client, uri, GOOD, 4)
    path.write_text(GOOD)
    # ...and saving checks the text as it is now, at once.
    client.text_document_did_save(
        T.DidSaveTextDocumentParams(text_document=T.TextDocumentIdentifier(uri=uri))
    )
    found = await diagnostics(client, uri, 4)
    assert [d.code for d in found] == ["BKR221"]
    assert [p.version for p in client.published] == [1, 4]  # versions 2 and 3 were never checked


@pytest.mark.asyncio
async def test_a_byte_order_mark_counts_as_line_one_s_first_character(client: LanguageClient):
    # The editor's text keeps the mark; bkrc reads past it. Positions on line 1
    # must still be the editor's: one character to the right.
    text = "\ufeffsingle group WEB { HTTPD }\nsingle group WEB { FTPD }\n"
    uri = open_doc(client, client.folder / "bom.bkr", text)
    await diagnostics(client, uri)
    hover = await client.text_document_hover_async(
        T.HoverParams(text_document=T.TextDocumentIdentifier(uri=uri), position=T.Position(line=0, character=14))
    )
    assert hover is not None and "**WEB**" in hover.contents.value
    assert (hover.range.start.line, hover.range.start.character) == (0, 14)
    assert (hover.range.end.line, hover.range.end.character) == (0, 17)
    broken = open_doc(client, client.folder / "bom2.bkr", "\ufeffsingle group WEB { HTTPD\n")
    (found,) = [d for d in await diagnostics(client, broken) if d.range.start.line == 0]
    assert found.range.start.character == 18  # the `{`, after the mark


@pytest.mark.asyncio
@pytest.mark.parametrize("newline", ["\r", "\r\n"])
async def test_formatting_reaches_the_end_of_the_text_whatever_its_line_ends(client: LanguageClient, newline):
    # The editor counts `\r` alone as a line end too: the edit of the last line must
    # still reach the end of the text, or the rest of the file stays after the
    # canonical text. Format Document edits the lines it changes (h6, stop 78), each
    # breaking lines as the text does.
    messy = "SINGLE group WEB { HTTPD }\nsingle user FTPD\nSINGLE user FTPE".replace("\n", newline)
    uri = open_doc(client, client.folder / "cr.bkr", messy)
    await diagnostics(client, uri)
    edits = await client.text_document_formatting_async(
        T.DocumentFormattingParams(
            text_document=T.TextDocumentIdentifier(uri=uri),
            options=T.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    lines = messy.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert [(e.range.start.line, e.range.end.line) for e in edits] == [(0, 1), (2, 2)]
    assert (edits[-1].range.end.line, edits[-1].range.end.character) == (len(lines) - 1, len(lines[-1]))
    assert [e.new_text for e in edits] == [f"single group WEB {{ HTTPD }}{newline}", f"single user FTPE{newline}"]


@pytest.mark.asyncio
async def test_a_path_with_a_space_is_checked_again_after_a_change(client: LanguageClient):
    # Editors send such a URI escaped (`my%20site`); the server must still re-check it
    # after a change, and the cluster that imports it must see its unsaved text.
    folder = client.folder / "my site"
    folder.mkdir()
    (folder / "site.bkr").write_text(SITE)
    main = open_doc(client, folder / "main.bkr", GOOD)
    assert "%20" in main
    assert [d.code for d in await diagnostics(client, main, 1)] == ["BKR221"]
    change(client, main, BROKEN, 2)
    # (The `1` deleted is read where it is, from the whole text sent, stop 81: BKR221
    # stays beside the syntax error typed, While you type's rule 4.)
    assert [d.code for d in await diagnostics(client, main, 2)] == ["BKR010", "BKR221"]
    change(client, main, GOOD, 3)
    assert [d.code for d in await diagnostics(client, main, 3)] == ["BKR221"]
    site = open_doc(client, folder / "site.bkr", SITE)
    await diagnostics(client, site)
    change(client, site, SITE.replace("identity group MONITOR", "single group MONITOR"), 2)
    await diagnostics(client, main, where=lambda found: "BKR221" not in [d.code for d in found])


@pytest.mark.asyncio
async def test_incremental_changes_count_only_lsp_line_ends(client: LanguageClient):
    # LSP's lines end at `\r\n`, `\r` or `\n` only: a form feed, U+0085 or U+2028 in
    # the text does not start a line, and a position past a line's end is its end.
    text = "single group WEB { HTTPD }\n\x0c\n# a\u2028b\x85c\nsingle group FTP { FTPD }\n"
    uri = open_doc(client, client.folder / "ff.bkr", text)
    await diagnostics(client, uri, 1)

    def edit(line: int, start: int, end: int, new_text: str) -> T.TextDocumentContentChangePartial:
        where = T.Range(
            start=T.Position(line=line, character=start), end=T.Position(line=line, character=end)
        )
        return T.TextDocumentContentChangePartial(range=where, text=new_text)

    client.text_document_did_change(
        T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[edit(3, 13, 16, "WWW"), edit(0, 27, 27, " # here")],
        )
    )
    await diagnostics(client, uri, 2)
    symbols = await client.text_document_document_symbol_async(
        T.DocumentSymbolParams(text_document=T.TextDocumentIdentifier(uri=uri))
    )
    assert [(s.name, s.range.start.line) for s in symbols] == [("WEB", 0), ("WWW", 3)]
    edit, *_ = await client.text_document_formatting_async(
        T.DocumentFormattingParams(
            text_document=T.TextDocumentIdentifier(uri=uri),
            options=T.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    assert edit.new_text.startswith("single group WEB { HTTPD }  # here\n")


@pytest.mark.asyncio
async def test_a_position_past_the_end_of_a_line_is_its_end(client: LanguageClient):
    uri = open_doc(client, client.folder / "main.bkr", GOOD)
    await diagnostics(client, uri, 1)
    end = position(GOOD, "job PAYFULL {", len("job PAYFULL {"))

    async def labels(character: int) -> list[str]:
        done = await client.text_document_completion_async(
            T.CompletionParams(
                text_document=T.TextDocumentIdentifier(uri=uri),
                position=T.Position(line=end.line, character=character),
            )
        )
        return sorted(i.label for i in done.items)

    at_end = await labels(end.character)
    assert "backup" in at_end
    assert await labels(end.character + 1) == at_end
    assert await labels(end.character + 40) == at_end


@pytest.mark.asyncio
async def test_a_byte_order_mark_is_three_units_in_utf_8(patient_client: LanguageClient):
    # Neovim 0.11 asks for UTF-8 positions: the mark (U+FEFF) is 3 bytes there.
    client = patient_client
    text = "\ufeffsingle group WEB { HTTPD }\nsingle group WEB { FTPD }\n"
    uri = open_doc(client, client.folder / "bom8.bkr", text)
    await diagnostics(client, uri, 1)
    hover = await client.text_document_hover_async(
        T.HoverParams(
            text_document=T.TextDocumentIdentifier(uri=uri), position=T.Position(line=0, character=16)
        )
    )
    assert hover is not None and "**WEB**" in hover.contents.value
    assert (hover.range.start.character, hover.range.end.character) == (16, 19)


def test_exit_status_late_requests_and_bad_parameters_follow_lsp(tmp_path):
    # LSP, `exit`: "exit with success code 0 if the shutdown request has been
    # received before; otherwise with error code 1".
    import subprocess

    params = {"processId": None, "rootUri": None, "capabilities": {}}
    init = frame({"id": 1, "method": "initialize", "params": params})
    shutdown = frame({"id": 2, "method": "shutdown"})
    exit_ = frame({"method": "exit"})
    for messages, status in [([init, shutdown, exit_], 0), ([init, exit_], 1)]:
        done = subprocess.run(SERVER, input=b"".join(messages), capture_output=True, timeout=60, check=False)
        assert done.returncode == status, done.stderr.decode()
    # LSP, `shutdown`: a request after it errors with InvalidRequest (-32600).
    hover = frame({"id": 3, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": (tmp_path / "a.bkr").as_uri()}, "position": {"line": 0, "character": 0}}})
    done = subprocess.run(SERVER, input=init + shutdown + hover + exit_, capture_output=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr.decode()
    replies = read_replies(done.stdout)
    (late,) = [r for r in replies if r.get("id") == 3]
    assert late["error"]["code"] == -32600 and "shut down" in late["error"]["message"]
    # A request whose parameters do not fit its method gets InvalidParams (-32602),
    # not silence: a completion context without its required triggerKind.
    completion = frame({"id": 4, "method": "textDocument/completion", "params": {
        "textDocument": {"uri": (tmp_path / "a.bkr").as_uri()}, "position": {"line": 0, "character": 0},
        "context": {}}})
    done = subprocess.run(SERVER, input=init + completion + shutdown + exit_, capture_output=True, timeout=60, check=False)
    replies = read_replies(done.stdout)
    (bad,) = [r for r in replies if r.get("id") == 4]
    assert bad["error"]["code"] == -32602 and "textDocument/completion" in bad["error"]["message"]
    assert done.returncode == 0, done.stderr.decode()


@pytest.mark.asyncio
async def test_requests_for_a_document_never_opened_get_empty_answers(client: LanguageClient):
    # The server answers about the buffers the client gave it: a file never
    # opened (there or not) is no error, and gets no diagnostics either.
    for path in (client.folder / "main.bkr", client.folder / "gone.bkr"):
        doc = T.TextDocumentIdentifier(uri=path.as_uri())
        at = T.Position(line=0, character=0)
        assert await client.text_document_hover_async(T.HoverParams(text_document=doc, position=at)) is None
        done = await client.text_document_completion_async(T.CompletionParams(text_document=doc, position=at))
        assert not done.items
        assert not await client.text_document_definition_async(T.DefinitionParams(text_document=doc, position=at))
        assert not await client.text_document_document_symbol_async(T.DocumentSymbolParams(text_document=doc))
        options = T.FormattingOptions(tab_size=2, insert_spaces=True)
        formatting = T.DocumentFormattingParams(text_document=doc, options=options)
        assert not await client.text_document_formatting_async(formatting)
        assert not await client.text_document_folding_range_async(T.FoldingRangeParams(text_document=doc))
        everything = T.Range(start=at, end=T.Position(line=99, character=0))
        hints = T.InlayHintParams(text_document=doc, range=everything)
        assert not await client.text_document_inlay_hint_async(hints)
    # Workspace symbols are the workspace's, open or not (tests/test_lsp_workspace.py).
    found = await client.workspace_symbol_async(T.WorkspaceSymbolParams(query="TESTSSI"))
    assert [s.location.uri for s in found] == [(client.folder / "main.bkr").as_uri()]
    assert path.as_uri() not in client.diagnostics
    assert (client.folder / "main.bkr").as_uri() not in client.diagnostics


@pytest.mark.asyncio
async def test_a_module_created_on_disk_is_seen_by_the_documents_that_import_it(client: LanguageClient):
    # The server asks to hear of .bkr files changed outside the editor...
    for _ in range(100):
        if client.registrations:
            break
        await asyncio.sleep(0.05)
    (registration,) = client.registrations
    assert registration.method == T.WORKSPACE_DID_CHANGE_WATCHED_FILES
    # (and of folders created or deleted: tests/test_lsp_modules.py)
    assert [w["globPattern"] for w in registration.register_options["watchers"]] == ["**/*.bkr", "**/*"]
    # ... and checks the open documents again when one is: here the module a
    # cluster imports appears (a `git checkout`), so BKR101 goes away.
    folder = client.folder / "later"
    folder.mkdir()
    uri = open_doc(client, folder / "main.bkr", GOOD)
    assert "BKR101" in [d.code for d in await diagnostics(client, uri, 1)]
    (folder / "site.bkr").write_text(SITE)
    client.workspace_did_change_watched_files(
        T.DidChangeWatchedFilesParams(changes=[T.FileEvent(uri=(folder / "site.bkr").as_uri(), type=T.FileChangeType.Created)])
    )
    found = await diagnostics(client, uri, where=lambda found: "BKR101" not in [d.code for d in found])
    assert [d.code for d in found] == ["BKR221"]


async def code_actions(client: LanguageClient, uri: str, text: str) -> list[T.CodeAction]:
    """The code actions offered over the whole of `text`."""
    end = T.Position(line=text.count("\n"), character=0)
    return await client.text_document_code_action_async(
        T.CodeActionParams(
            text_document=T.TextDocumentIdentifier(uri=uri),
            range=T.Range(start=T.Position(line=0, character=0), end=end),
            context=T.CodeActionContext(diagnostics=[]),
        )
    )


@pytest.mark.asyncio
async def test_quick_fixes_carry_the_edits_their_diagnostics_name(client: LanguageClient):
    # Three independent syntax slips in one file, each with its fix.
    broken = (
        GOOD.replace("catalog shared server", "catalog sharedserver")
        .replace("to disk pool TSTPOOL", "to disk TSTPOOL", 1)
        .replace("run on TST1 daily 05:00", "run on TST1 daily at 05:00")
    )
    uri = open_doc(client, client.folder / "main.bkr", broken)
    found = await diagnostics(client, uri, 1)
    assert sorted(d.code for d in found) == ["BKR004", "BKR004", "BKR012"]
    actions = await code_actions(client, uri, broken)
    assert sorted(a.title for a in actions) == ["Insert `pool`", "Write `daily 05:00`", "Write `shared server`"]
    assert all(a.is_preferred and a.kind == T.CodeActionKind.QuickFix for a in actions)
    assert {a.diagnostics[0].code for a in actions} == {"BKR004", "BKR012"}
    edits = [e for a in actions for e in changes_of(a.edit)[uri]]
    fixed = apply(broken, edits)
    assert fixed == GOOD
    change(client, uri, fixed, 2)
    assert [d.code for d in await diagnostics(client, uri, 2)] == ["BKR221"]

    # A time read unambiguously (BKR313) and the A-disk statement to add (BKR253, an insertion).
    broken = GOOD.replace("daily 05:00", "daily 5am").replace("  disk BKRWRK* 191 size 5 cyl\n", "")
    change(client, uri, broken, 3)
    assert sorted(d.code for d in await diagnostics(client, uri, 3)) == ["BKR221", "BKR253", "BKR313"]
    # (the warnings' *Allow BKRnnn on this line*, stop 75, left out: tests/test_lsp_claims.py)
    actions = [a for a in await code_actions(client, uri, broken) if not a.title.startswith("Allow ")]
    titles = sorted(a.title for a in actions)
    assert titles == ["Add `disk BKRWRK* 191 size 5 cyl`", "Run on each member", "Write `05:00`"]
    (add,) = [a for a in actions if a.title.startswith("Add")]
    (insertion,) = changes_of(add.edit)[uri]
    assert insertion.range.start == insertion.range.end
    fixed = apply(broken, [e for a in actions if a.title != "Run on each member" for e in changes_of(a.edit)[uri]])
    assert "  disk BKRCATLG 191 size 10 cyl\n  disk BKRWRK* 191 size 5 cyl\n}" in fixed
    change(client, uri, fixed, 4)
    assert [d.code for d in await diagnostics(client, uri, 4)] == ["BKR221"]


def hinting_client() -> LanguageClient:
    """The recording client, also keeping the server's `workspace/inlayHint/refresh` requests."""
    client = recording_client()
    client.refreshes = 0

    @client.feature(T.WORKSPACE_INLAY_HINT_REFRESH)
    def refresh(client: LanguageClient, params: None) -> None:
        client.refreshes += 1

    return client


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER, client_factory=hinting_client),
)
async def neovim_client(lsp_client: LanguageClient, tmp_path_factory):
    """Neovim 0.11: an LSP 3.17 client, with inlay hints and their refresh."""
    folder = tmp_path_factory.mktemp("ws")
    (folder / "site.bkr").write_text(SITE)
    lsp_client.folder = folder
    params = T.InitializeParams(
        capabilities=client_capabilities("neovim"),
        root_uri=folder.as_uri(),
        initialization_options={"debounce_ms": 20},
    )
    lsp_client.init_result = await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_inlay_hints_folding_ranges_and_workspace_symbols(neovim_client: LanguageClient):
    client = neovim_client
    caps = client.init_result.capabilities
    assert caps.inlay_hint_provider and caps.folding_range_provider and caps.workspace_symbol_provider
    text = GOOD.replace("run on TST1 daily 05:00", "run on each member daily 05:00")
    uri = open_doc(client, client.folder / "main.bkr", text)
    assert await diagnostics(client, uri) == []
    main = T.TextDocumentIdentifier(uri=uri)

    # Inlay hints: the worker IDs after `workers N`, a job's names per member after its name.
    end = T.Position(line=text.count("\n"), character=0)
    everything = T.InlayHintParams(text_document=main, range=T.Range(start=T.Position(line=0, character=0), end=end))
    hints = await client.text_document_inlay_hint_async(everything)
    assert [(h.position, h.label) for h in hints] == [
        (position(text, "  private-volume T1PRV1"), "→ BKRWRK01"),
        (position(text, "  private-volume T2PRV1"), "→ BKRWRK01"),
        (position(text, " {\n    backup MONITOR"), "→ MONINC1 MONINC2"),
    ]
    assert "MONINC2 on TST2" in hints[2].tooltip
    # ... only those in the range asked for.
    line = position(text, "member TST2").line
    visible = T.Range(start=T.Position(line=line, character=0), end=T.Position(line=line + 1, character=0))
    hints = await client.text_document_inlay_hint_async(T.InlayHintParams(text_document=main, range=visible))
    assert [h.position.line for h in hints] == [line]

    # Folding ranges: the imports, and each block over several lines (its `}` stays visible).
    folds = await client.text_document_folding_range_async(T.FoldingRangeParams(text_document=main))
    assert [(f.start_line, f.end_line, f.kind) for f in folds] == [
        (0, 1, T.FoldingRangeKind.Imports),
        (3, 30, None),  # cluster TESTSSI
        (8, 11, None),  # expire
        (14, 18, None),  # job PAYFULL
        (21, 25, None),  # job MONINC
    ]

    # Workspace symbols: across the open documents and their imports, by any part of the name.
    found = await client.workspace_symbol_async(T.WorkspaceSymbolParams(query="moninc2"))
    assert [(s.name, s.container_name, s.location.uri, s.location.range.start) for s in found] == [
        ("MONINC2", "job MONINC on TST2", uri, position(text, "MONINC {"))
    ]
    found = await client.workspace_symbol_async(T.WorkspaceSymbolParams(query="payapp"))
    assert [(s.name, s.kind, Path(s.location.uri).name) for s in found] == [
        ("PAYAPP01", T.SymbolKind.Variable, "site.bkr"),
        ("PAYAPP02", T.SymbolKind.Variable, "site.bkr"),
    ]

    # A module the document imports changes: its hints may too, so the client is asked to refresh them.
    site = open_doc(client, client.folder / "site.bkr", SITE)
    await diagnostics(client, site)
    change(client, site, SITE.replace("identity group MONITOR", "single group MONITOR"), 2)
    await diagnostics(client, uri, where=lambda found: "BKR220" in [d.code for d in found])
    for _ in range(200):
        if client.refreshes:
            break
        await asyncio.sleep(0.05)
    assert client.refreshes
    hints = await client.text_document_inlay_hint_async(everything)
    assert [h.label for h in hints] == ["→ BKRWRK01", "→ BKRWRK01"]  # a single job keeps its name


# --- h4 (stop 66)
@pytest.mark.asyncio
async def test_a_line_separator_in_a_comment_is_warned_where_lsp_counts_lines(client: LanguageClient):
    # U+2028, U+2029 and a NEL in a comment end no line for LSP nor for bkrc: the
    # warning (BKR023) is on the comment's line, at the character, in UTF-16 units
    # (the astral letter before it counts two), and the error below stays on its line.
    text = (
        "single group WEB { HTTPD }  # \U0001d518 old\u2028single group FTP\x85{ FTPD }\u2029\n"
        "\n"
        "single group DB { DB2 } }\n"
    )
    uri = open_doc(client, client.folder / "separators.bkr", text)
    found = await diagnostics(client, uri, 1)
    assert [(d.code, d.severity, d.range.start.line, d.range.start.character) for d in found] == [
        ("BKR023", T.DiagnosticSeverity.Warning, 0, len("single group WEB { HTTPD }  # ") + 2 + len(" old")),
        ("BKR006", T.DiagnosticSeverity.Error, 2, len("single group DB { DB2 } ")),
    ]


# stop 74, h2: the editor shows the checks of one statement alone beside a syntax error


@pytest.mark.asyncio
async def test_h2_74_a_name_too_long_and_an_address_word_show_beside_a_syntax_error(client: LanguageClient):
    # h6's case as typed in the editor: `catalog sharedserver` no longer hides BKR303
    # (`job PAYROLLFULL`) and BKR310 (`all`), each with its quick fix where it has one.
    broken = (
        GOOD.replace("catalog shared server", "catalog sharedserver")
        .replace("job PAYFULL {", "job PAYROLLFULL {", 1)
        .replace("include minidisk * 0191", "include minidisk * all", 1)
    )
    assert broken.count("sharedserver") == 1 and "PAYROLLFULL" in broken and "* all" in broken
    uri = open_doc(client, client.folder / "main.bkr", broken)
    found = await diagnostics(client, uri, 1)
    assert [d.code for d in found] == ["BKR012", "BKR303", "BKR310"]
    actions = await code_actions(client, uri, broken)
    assert {a.title for a in actions} >= {"Write `shared server`", "Write `*` for `all`"}


# stop 75, h2: BKR301, BKR308, BKR309 and the value checks shown beside a syntax error


@pytest.mark.asyncio
async def test_h2_75_the_added_checks_of_one_statement_show_beside_a_syntax_error(client: LanguageClient):
    # one buffer, a mistake of each check added to STATEMENT_LOCAL beside a misspelt
    # `workers`: the server publishes each, as `bkrc check` reports it
    broken = (
        GOOD.replace("member TST2 { workers 1 ", "member TST2 { wrokers 1 ")
        .replace("member TST1 { workers 1  private-volume T1PRV1", "member TST1 { workers 65  private-volume T1PRV1 3390-5")
        .replace("pool BKRPOOL on TST1", "pool BKRPOOL pool-wait 0 minutes logon-wait 3 minuts on TST1")
        .replace("preview daily 04:00", "preview daily 24:30")
        .replace("purge weekly sat 04:30", "purge weekly satt 04:30")
        .replace("retain 14 days", "retain 0 days")
        .replace("job MONINC {", 'job MON@I {\n    description "monitor\\q"')
        .replace("disk BKRCATLG 191 size 10 cyl", "disk BKRCATLG 191 size 10 trk\n  disk BKRADMIN01 191 size 10 cyl")
        .replace("disk BKRBKUP 191 size 10 cyl", "disk BKRBKUP 191 size 10 cyl\n  tape manager shared catalog-node SYSTEM on TST1")
    )
    uri = open_doc(client, client.folder / "main.bkr", broken)
    found = await diagnostics(client, uri, 1)
    assert sorted(d.code for d in found) == [
        "BKR012", "BKR019", "BKR301", "BKR308", "BKR309", "BKR313", "BKR314", "BKR315",
        "BKR316", "BKR317", "BKR336", "BKR337", "BKR338",
    ]
