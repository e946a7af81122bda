"""Rename and find references reach the workspace's .bkr files the editor has not opened.

Through a real `bkrc lsp` process (pytest-lsp), as in tests/test_lsp.py: a
cluster file on disk that imports a module is renamed with it, and listed by
references; read as `bkrc check` reads it (a byte-order mark, CRLF or CR line
ends), and edited at the places the editor counts. The walk of the workspace
(`bkrdsl.lsp.workspace.bkr_files`) is tested on its own below.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import pytest_lsp
from conftest import lock_folder
from lsprotocol import types as T
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from test_lsp import GOOD, SERVER, changes_of, diagnostics, open_doc, position, recording_client

from bkrdsl.lsp import workspace
from bkrdsl.lsp.workspace import Workspace, bkr_files

#: The module, on disk with a byte-order mark and CRLF line ends; the group it
#: declares is on line 1, right after the mark.
SITE = "\ufeffsingle group PAYROLL { PAYAPP01 PAYAPP02 }\r\nidentity group MONITOR { PERFSVM }\r\n"
#: Another cluster that imports it from a subfolder, never opened, CR line ends.
DEV = (
    GOOD.replace("import ./site", "import ../site")
    .replace("cluster TESTSSI", "cluster DEVSSI")
    .replace("TST", "DEV")
    .replace("\n", "\r")
)
#: A cluster that does not import the module, with a group of the same name.
LONE = textwrap.dedent(
    """\
    import std/backup-manager
    single group PAYROLL { LONEAPP }
    cluster LONESSI {
      member LN1 { workers 1 }
      catalog shared server BKRSVSFS pool BKRPOOL on LN1
      expire on LN1 { purge weekly sat 04:30  retain 14 days }
      job LONEFULL {
        backup PAYROLL full
        include minidisk * *
        to disk pool P
        run on LN1 daily 21:00
      }
      disk BKRBKUP 191 size 10 cyl
      disk BKRCATLG 191 size 10 cyl
      disk BKRWRK* 191 size 5 cyl
    }
    """
)
MANIFEST = {"format_version": "1", "source": "main.bkr", "files": []}


def write_workspace(folder: Path) -> None:
    (folder / "site.bkr").write_bytes(SITE.encode("utf-8"))
    (folder / "main.bkr").write_text(GOOD)
    (folder / "dev").mkdir()
    (folder / "dev" / "dev.bkr").write_bytes(DEV.encode("utf-8"))
    (folder / "lone.bkr").write_text(LONE)
    # Never searched: a hidden folder, node_modules, and what `bkrc compile` wrote.
    for skipped in (".git", "node_modules", "out"):
        (folder / skipped).mkdir()
        (folder / skipped / "copy.bkr").write_text(GOOD.replace("import ./site", "import ../site"))
    (folder / "out" / "manifest.json").write_text(json.dumps(MANIFEST))


def client_params(folder: Path, **options) -> T.InitializeParams:
    return T.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        workspace_folders=[T.WorkspaceFolder(uri=folder.as_uri(), name=folder.name)],
        initialization_options={"debounce_ms": 20, **options},
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client))
async def client(lsp_client: LanguageClient, tmp_path_factory):
    folder = tmp_path_factory.mktemp("ws")
    write_workspace(folder)
    lsp_client.folder = folder
    await lsp_client.initialize_session(client_params(folder))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client))
async def capped_client(lsp_client: LanguageClient, tmp_path_factory):
    """A server that searches at most two of the workspace's files."""
    folder = tmp_path_factory.mktemp("ws")
    (folder / "site.bkr").write_bytes(SITE.encode("utf-8"))
    for name in ("a1", "a2", "a3"):  # in path order: a1 a2 | a3 site
        (folder / f"{name}.bkr").write_text(GOOD.replace("cluster TESTSSI", f"cluster {name.upper()}SSI"))
    lsp_client.folder = folder
    await lsp_client.initialize_session(client_params(folder, max_workspace_files=2))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client))
async def client_with_bad_include(lsp_client: LanguageClient, tmp_path_factory):
    """A server whose `include` names a missing folder, a file and a folder."""
    folder = tmp_path_factory.mktemp("ws")
    write_workspace(folder)
    lsp_client.folder = folder
    include = [str(folder / "nope"), str(folder / "site.bkr"), str(folder / "dev")]
    await lsp_client.initialize_session(client_params(folder, include=include))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client))
async def client_without_workspace(lsp_client: LanguageClient, tmp_path_factory):
    """A server told to search none of the workspace's files (`max_workspace_files` 0)."""
    folder = tmp_path_factory.mktemp("ws")
    write_workspace(folder)
    lsp_client.folder = folder
    await lsp_client.initialize_session(client_params(folder, max_workspace_files=0))
    yield
    await lsp_client.shutdown_session()


def as_editor_applies(data: bytes, edits: list[T.TextEdit]) -> bytes:
    """Apply edits to a file the editor has not opened, as an editor does: it loads
    the file (UTF-8, mark stripped, lines ended by CRLF, CR or LF), edits its
    lines, and saves it with its mark and line ends. Positions in UTF-16 units."""
    text = data.decode("utf-8")
    bom = text.startswith("\ufeff")
    text = text.removeprefix("\ufeff")
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def offset(p: T.Position) -> int:
        line_start = starts[p.line]
        units = n = 0
        while units < p.character:
            units += 2 if ord(text[line_start + n]) > 0xFFFF else 1
            n += 1
        return line_start + n

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(e.range.start)] + e.new_text + text[offset(e.range.end) :]
    return (("\ufeff" if bom else "") + text).encode("utf-8")


#: A place in `PAYROLL` where the module declares it, on its line 1 (past the mark).
PAYROLL_IN_SITE = T.Position(line=0, character=15)
#: A place in `PAYROLL` where the open cluster backs it up.
PAYROLL_IN_MAIN = position(GOOD, "PAYROLL full", 2)


async def rename(
    client: LanguageClient, uri: str, at: T.Position, new_name: str
) -> T.WorkspaceEdit:
    """Ask the server to rename the name at `at` in the document `uri` to `new_name`."""
    return await client.text_document_rename_async(
        T.RenameParams(text_document=T.TextDocumentIdentifier(uri=uri), position=at, new_name=new_name)
    )


async def references(
    client: LanguageClient, uri: str, at: T.Position, *, declaration: bool = False
) -> list[T.Location]:
    """Ask the server where the name at `at` in the document `uri` is used (and declared)."""
    return await client.text_document_references_async(
        T.ReferenceParams(
            text_document=T.TextDocumentIdentifier(uri=uri),
            position=at,
            context=T.ReferenceContext(include_declaration=declaration),
        )
    )


def document_versions(edit: T.WorkspaceEdit) -> dict[str, int | None]:
    return {c.text_document.uri: c.text_document.version for c in edit.document_changes}


@pytest.mark.asyncio
async def test_rename_edits_the_files_that_import_the_module_from_disk(client: LanguageClient):
    folder = client.folder
    main = open_doc(client, folder / "main.bkr", GOOD, version=3)
    await diagnostics(client, main)
    edit = await rename(client, main, PAYROLL_IN_MAIN, "payusers")
    site, dev = (folder / "site.bkr").as_uri(), (folder / "dev" / "dev.bkr").as_uri()
    # Every file that uses the group: the open cluster, the module and the other
    # cluster (never opened). Not the cluster that declares a group of its own of
    # that name, nor the files in the folders never searched.
    changes = changes_of(edit)
    assert sorted(changes) == sorted([main, site, dev])
    # The module's mark and CRLF, and the other cluster's CR line ends, stay as
    # they were: only the names change, at the places the editor counts.
    renamed_site = as_editor_applies(SITE.encode("utf-8"), changes[site])
    assert renamed_site == SITE.replace("PAYROLL", "PAYUSERS").encode("utf-8")
    assert [(e.range.start.line, e.range.start.character) for e in changes[site]] == [(0, 13)]
    renamed_dev = as_editor_applies(DEV.encode("utf-8"), changes[dev])
    assert renamed_dev == DEV.replace("PAYROLL", "PAYUSERS").encode("utf-8")
    # The open cluster at its buffer's version; the files not open at none.
    assert document_versions(edit) == {main: 3, site: None, dev: None}


@pytest.mark.asyncio
async def test_a_file_changed_on_disk_since_the_last_rename_is_read_again(client: LanguageClient):
    folder = client.folder
    main = open_doc(client, folder / "main.bkr", GOOD)
    await diagnostics(client, main)
    dev = (folder / "dev" / "dev.bkr").as_uri()
    await rename(client, main, PAYROLL_IN_MAIN, "PAYUSERS")  # the other cluster's analysis is kept...
    moved = "# Two lines more\r# above everything.\r" + DEV  # ...until it changes
    (folder / "dev" / "dev.bkr").write_bytes(moved.encode("utf-8"))
    edit = await rename(client, main, PAYROLL_IN_MAIN, "PAYUSERS")
    renamed = as_editor_applies(moved.encode("utf-8"), changes_of(edit)[dev])
    assert renamed == moved.replace("PAYROLL", "PAYUSERS").encode("utf-8")


@pytest.mark.asyncio
async def test_a_change_the_watcher_reports_is_read_again_whatever_its_time(client: LanguageClient):
    # The other cluster was written an hour ago: its time and size alone tell
    # whether it changed. It is written again, as long, and given back its time
    # (a clock too coarse to tell, or a tool that keeps times): the client's
    # watcher says it changed, and that is enough.
    folder = client.folder
    path = folder / "dev" / "dev.bkr"
    hour_ago = path.stat().st_mtime_ns - 3600 * 10**9
    os.utime(path, ns=(hour_ago, hour_ago))
    main = open_doc(client, folder / "main.bkr", GOOD)
    await diagnostics(client, main)
    await rename(client, main, PAYROLL_IN_MAIN, "PAYUSERS")  # the other cluster's analysis is kept...
    # Two columns to the left, and the file as long as it was.
    moved = DEV.replace("    backup PAYROLL full\r    include", "  backup PAYROLL full\r      include")
    assert moved != DEV
    assert len(moved) == len(DEV)
    path.write_bytes(moved.encode("utf-8"))
    os.utime(path, ns=(hour_ago, hour_ago))
    client.workspace_did_change_watched_files(
        T.DidChangeWatchedFilesParams(changes=[T.FileEvent(uri=path.as_uri(), type=T.FileChangeType.Changed)])
    )
    edit = await rename(client, main, PAYROLL_IN_MAIN, "PAYUSERS")  # ...until the watcher says it changed
    renamed = as_editor_applies(moved.encode("utf-8"), changes_of(edit)[path.as_uri()])
    assert renamed == moved.replace("PAYROLL", "PAYUSERS").encode("utf-8")


@pytest.mark.asyncio
async def test_an_open_module_whose_buffer_keeps_the_mark_is_edited_past_it(client: LanguageClient):
    # This editor keeps the mark in the module's buffer: it counts it as line 1's
    # first character, so the edit there is one character further right.
    folder = client.folder
    main = open_doc(client, folder / "main.bkr", GOOD)
    await diagnostics(client, main)
    site = open_doc(client, folder / "site.bkr", SITE, version=7)
    await diagnostics(client, site)
    edit = await rename(client, main, PAYROLL_IN_MAIN, "PAYUSERS")
    (renamed,) = changes_of(edit)[site]
    assert (renamed.range.start.character, renamed.range.end.character) == (14, 21)
    assert document_versions(edit)[site] == 7


@pytest.mark.asyncio
async def test_references_list_the_uses_in_files_not_open(client: LanguageClient):
    folder = client.folder
    main = open_doc(client, folder / "main.bkr", GOOD)
    await diagnostics(client, main)
    found = await references(client, main, position(GOOD, "MONITOR incremental", 1), declaration=True)

    def where(loc: T.Location) -> tuple[str, int]:
        return Path(loc.uri.removeprefix("file://")).relative_to(folder).as_posix(), loc.range.start.line

    places = sorted(map(where, found))
    used = GOOD.count("\n", 0, GOOD.index("MONITOR incremental"))
    assert places == [("dev/dev.bkr", used), ("main.bkr", used), ("site.bkr", 1)]
    # From the module, which only declares it: its uses, in the files that import it.
    site = open_doc(client, folder / "site.bkr", SITE)
    await diagnostics(client, site)
    found = await references(client, site, T.Position(line=1, character=17))
    assert sorted(where(loc) for loc in found) == [("dev/dev.bkr", used), ("main.bkr", used)]


@pytest.mark.asyncio
async def test_rename_is_refused_when_a_file_not_open_would_get_an_error(client: LanguageClient):
    folder = client.folder
    # The other cluster holds an IDENTITY pattern that would cover the new ID.
    dev = DEV.replace("  job PAYFULL", "  identity group NEWIDS { match NEW* }\r  job PAYFULL")
    (folder / "dev" / "dev.bkr").write_bytes(dev.encode("utf-8"))
    main = open_doc(client, folder / "main.bkr", GOOD)
    await diagnostics(client, main)
    site = open_doc(client, folder / "site.bkr", SITE)
    await diagnostics(client, site)
    with pytest.raises(JsonRpcException) as refused:
        await rename(client, site, T.Position(line=0, character=26), "NEWAPP01")  # PAYAPP01, after the mark
    # (named as `bkrc check` run in the workspace folder names it, stop 81)
    assert refused.value.message.startswith("in dev/dev.bkr: ") and str(folder) not in refused.value.message
    assert "BKR204" in refused.value.message


@pytest.mark.asyncio
async def test_rename_never_edits_the_standard_library_a_file_not_open_imports(client: LanguageClient):
    # `TCPIP` is the module's own here, but the other cluster also imports the
    # standard library that lists it: renaming it would have to edit the library.
    folder = client.folder
    site_text = SITE.replace("{ PERFSVM }", "{ PERFSVM TCPIP }")
    (folder / "site.bkr").write_bytes(site_text.encode("utf-8"))
    dev = DEV.replace("import std/backup-manager", "import std/backup-manager\rimport std/zvm73")
    (folder / "dev" / "dev.bkr").write_bytes(dev.encode("utf-8"))
    site = open_doc(client, folder / "site.bkr", site_text)
    await diagnostics(client, site)
    with pytest.raises(JsonRpcException) as refused:
        await rename(client, site, position(site_text, "TCPIP", 1), "TCPIP2")
    assert "dev.bkr" in refused.value.message and "standard library" in refused.value.message


@pytest.mark.asyncio
async def test_past_the_limit_files_are_not_searched_and_the_user_is_told(capped_client: LanguageClient):
    client = capped_client
    folder = client.folder
    site = open_doc(client, folder / "site.bkr", SITE)
    await diagnostics(client, site)
    edit = await rename(client, site, PAYROLL_IN_SITE, "PAYUSERS")
    assert sorted(Path(u).name for u in changes_of(edit)) == ["a1.bkr", "a2.bkr", "site.bkr"]
    (told,) = [m for m in client.messages if "more than 2" in m.message]
    assert told.type == T.MessageType.Warning and "max_workspace_files" in told.message


@pytest.mark.asyncio
async def test_an_include_folder_that_cannot_be_searched_is_told_once(client_with_bad_include: LanguageClient):
    """As `bkrc check -I DIR` refuses it: the setting was searched for nothing, unsaid."""
    client = client_with_bad_include
    folder = client.folder
    main = open_doc(client, folder / "main.bkr", GOOD)
    await diagnostics(client, main)
    told = [(m.type, m.message) for m in client.messages if "`include`" in m.message]
    missing = f"folder '{folder / 'nope'}' does not exist (a typo, or run from another folder?)"
    a_file = f"'{folder / 'site.bkr'}' is a file, not a folder"
    assert told == [
        (T.MessageType.Warning, f"bkrc: the `include` setting: {why}; imports are not searched there")
        for why in (missing, a_file)
    ]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client))
async def client_with_dialect(lsp_client: LanguageClient, tmp_path_factory):
    """A server whose `dialect` names a site's table with sequential allocation."""
    from test_compile_emit import TABLE

    folder = tmp_path_factory.mktemp("ws")
    (folder / "seq.toml").write_text(TABLE.read_text().replace('value = "autov"', 'value = "sequential"'))
    lsp_client.folder = folder
    await lsp_client.initialize_session(client_params(folder, dialect=str(folder / "seq.toml")))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client))
async def client_with_bad_dialect(lsp_client: LanguageClient, tmp_path_factory):
    folder = tmp_path_factory.mktemp("ws")
    lsp_client.folder = folder
    await lsp_client.initialize_session(client_params(folder, dialect=str(folder / "nope.toml")))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client))
async def client_with_directory(lsp_client: LanguageClient, tmp_path_factory):
    """A server whose `directory` names prodssi.bkr's CP directory after its slips."""
    from conftest import EXAMPLES

    folder = tmp_path_factory.mktemp("ws")
    (folder / "USER.DIRECT").write_bytes((EXAMPLES / "broken" / "prodssi-slips.direct").read_bytes())
    lsp_client.folder = folder
    await lsp_client.initialize_session(client_params(folder, directory=str(folder / "USER.DIRECT")))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client))
async def client_with_sequential_directory(lsp_client: LanguageClient, tmp_path_factory):
    """A server whose `directory` names prodssi.bkr's CP directory, and whose `dialect`
    a table with sequential allocation (a site without DirMaint)."""
    from conftest import EXAMPLES
    from test_compile_emit import TABLE

    folder = tmp_path_factory.mktemp("ws")
    (folder / "USER.DIRECT").write_bytes((EXAMPLES / "prodssi.direct").read_bytes())
    (folder / "seq.toml").write_text(TABLE.read_text().replace('value = "autov"', 'value = "sequential"'))
    lsp_client.folder = folder
    await lsp_client.initialize_session(
        client_params(folder, directory=str(folder / "USER.DIRECT"), dialect=str(folder / "seq.toml"))
    )
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client))
async def client_with_missing_directory(lsp_client: LanguageClient, tmp_path_factory):
    folder = tmp_path_factory.mktemp("ws")
    lsp_client.folder = folder
    await lsp_client.initialize_session(client_params(folder, directory=str(folder / "USER.DIRECT")))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_the_directory_setting_is_the_directory_the_checks_compare_with(client_with_directory: LanguageClient):
    """As `bkrc check --directory FILE`: BKR510 at the declaration in the file, and a
    diagnostic whose place is the directory's line (BKR513, BKR514) at the job it
    concerns, its message naming that line."""
    from conftest import EXAMPLES

    client = client_with_directory
    main = open_doc(client, client.folder / "prodssi.bkr", (EXAMPLES / "prodssi.bkr").read_text())
    found = await diagnostics(client, main)
    assert sorted(d.code for d in found) == [
        "BKR510", "BKR511", "BKR512", "BKR513", "BKR514", "BKR514", *["BKR515"] * 3, "BKR516", "BKR516", "BKR517", "BKR518", "BKR519",
        "BKR520", "BKR522", "BKR523", "BKR524", "BKR526", "BKR526", "BKR526", "BKR529", "BKR530", "BKR530", "BKR531", *["BKR532"] * 8,
        "BKR533", "BKR534", "BKR535", "BKR535",
    ]  # BKR532, BKR533: prodssi.bkr's `disk` statements without `at START`; BKR534: the link passwords
    # prodssi.direct gives; BKR535: DB2PRD's new 0201, which no job selects, and (stop 76, h3) FTPSERVE's
    # 0291, in VMSYS2's SUBCONFIG only; BKR516 twice: LNXWEB02's T-DISK 191, by LNXINC's 0191 and LNXFULL's range
    # (docs/directory.md's transcript); BKR515 and BKR530 of `* 0191` once per job, SYSIN and SYSME
    renamed = next(d for d in found if d.code == "BKR529")  # in the directory: at the member it names
    assert renamed.range.start.line == 8 and renamed.message.startswith("in USER.DIRECT:215: IDENTITY `BKRWRK04`")
    kind = next(d for d in found if d.code == "BKR510")
    assert (kind.range.start.line, kind.range.start.character) == (44, 22)  # CICSPRD in group APPS
    directory = (client.folder / "USER.DIRECT").as_uri()
    assert [r.location.uri for r in kind.related_information] == [directory]
    built = next(d for d in found if d.code == "BKR513")
    assert built.message.startswith("in USER.DIRECT:104: IDENTITY `TCPIP` is built on `VMSYS5`")
    assert built.range.start.line == 81  # `run on each member` of job SYSIN
    at = built.related_information[0].location  # its own place, in the directory
    assert (at.uri, at.range.start.line, at.range.start.character) == (directory, 103, 10)
    # Hover on a user ID shows its entry in the directory: kind, place, members, minidisks.
    hover = await client.text_document_hover_async(
        T.HoverParams(text_document=T.TextDocumentIdentifier(uri=main), position=T.Position(line=44, character=23))
    )
    assert "- site directory: IDENTITY entry (USER.DIRECT:318); built on `VMSYS1`, `VMSYS2`, `VMSYS3`, `VMSYS4`;" \
        " minidisks `0191`, `0200`, `0300 (V-DISK)`" in hover.contents.value
    dropped = next(d for d in found if d.code == "BKR520")  # in the directory: at the machine's `disk`
    assert dropped.range.start.line == 35 and dropped.message.startswith("in USER.DIRECT:236: USER `5697J06C`")
    # Their fixes are quick fixes there (BKR520's edits this file, though its place is the directory's).
    for line, code, title in (
        (35, "BKR520", "Add `disk 5697J06C 2C2 size 20 cyl on VMCOM1 at 1460`"),
        (34, "BKR519", "Write `disk BKRADMIN 191 size 20 cyl`"),
        (33, "BKR523", "Write `disk BKRSVSFS 191 size 20 cyl on VMCOM1 at 2000`"),
    ):
        at = T.Position(line=line, character=4)
        offered = await client.text_document_code_action_async(
            T.CodeActionParams(
                text_document=T.TextDocumentIdentifier(uri=main),
                range=T.Range(start=at, end=at),
                context=T.CodeActionContext(diagnostics=[]),
            )
        )
        # (each warning is offered its *Allow BKRnnn on this line* too, after its mends: stop 75)
        assert all(a.title.startswith("Allow BKR") for a in offered[1:])
        (action,) = [a for a in offered if not a.title.startswith("Allow ")]
        assert action.title == title and [d.code for d in action.diagnostics] == [code]
        assert action.diagnostics[0].range.start.line == line and list(changes_of(action.edit)) == [main]


@pytest.mark.asyncio
async def test_bkr523_quick_fix_writes_one_disk_statement_per_member(client_with_sequential_directory: LanguageClient):
    """As `bkrc check --fix --directory`: BKRBKUP's one statement, whose 4 instances
    bkrc's sequential allocation puts on MAINT's cylinders, becomes one per member."""
    from conftest import EXAMPLES

    client = client_with_sequential_directory
    main = open_doc(client, client.folder / "prodssi.bkr", (EXAMPLES / "prodssi.bkr").read_text())
    found = await diagnostics(client, main)
    assert [d.range.start.line for d in found if d.code == "BKR523"] == [30, 31, 32, 34, 35, 36, 37, 38, 39]
    at = T.Position(line=30, character=4)  # disk BKRBKUP 191 size 10 cyl
    offered = await client.text_document_code_action_async(
        T.CodeActionParams(
            text_document=T.TextDocumentIdentifier(uri=main),
            range=T.Range(start=at, end=at),
            context=T.CodeActionContext(diagnostics=[]),
        )
    )
    (action,) = [a for a in offered if not a.title.startswith("Allow ")]  # (its *Allow*: stop 75)
    assert action.title == "Write one `disk` statement per member, `disk BKRBKUP 191 size 10 cyl on M1PRV1 at 322` and 3 more"
    first, rest = changes_of(action.edit)[main]
    assert (first.range.start.line, first.new_text) == (30, "disk BKRBKUP 191 size 10 cyl on M1PRV1 at 322")
    assert rest.new_text == "".join(f"\n  disk BKRBKUP 191 size 10 cyl on M{n}PRV1 at 322" for n in (2, 3, 4))
    # The workers' pattern: one per worker and member, as docs/lsp.md says.
    at = T.Position(line=32, character=4)  # disk BKRWRK* 191 size 5 cyl
    offered = await client.text_document_code_action_async(
        T.CodeActionParams(
            text_document=T.TextDocumentIdentifier(uri=main),
            range=T.Range(start=at, end=at),
            context=T.CodeActionContext(diagnostics=[]),
        )
    )
    (action,) = [a for a in offered if not a.title.startswith("Allow ")]
    assert action.title == "Write one `disk` statement per machine and member, `disk BKRWRK01 191 size 5 cyl on M1PRV1 at 342` and 11 more"


@pytest.mark.asyncio
async def test_a_directory_setting_that_cannot_be_read_is_told_and_nothing_compared(
    client_with_missing_directory: LanguageClient,
):
    from conftest import EXAMPLES

    client = client_with_missing_directory
    main = open_doc(client, client.folder / "prodssi.bkr", (EXAMPLES / "prodssi.bkr").read_text())
    assert await diagnostics(client, main) == []
    told = [(m.type, m.message) for m in client.messages if "`directory`" in m.message]
    path = client.folder / "USER.DIRECT"
    said = f"bkrc: the `directory` setting: cannot read {path}: No such file or directory; nothing is checked against it"
    assert told == [(T.MessageType.Warning, said)]


def _overrun_by_sequential() -> str:
    """A cluster whose minidisks, placed one after the other, pass V1PRV1's 30 cylinders."""
    from test_volume_sizes import cluster

    return cluster(private="V1PRV1 30-cyl")


@pytest.mark.asyncio
async def test_the_dialect_setting_is_the_table_the_checks_read(client_with_dialect: LanguageClient):
    """As `bkrc check --dialect FILE`: the extents sequential allocation hands out
    are checked against the volume's stated size (BKR254); the built-in table
    (DirMaint's AUTOV) says nothing of them."""
    client = client_with_dialect
    main = open_doc(client, client.folder / "c.bkr", _overrun_by_sequential())
    found = await diagnostics(client, main)
    assert [d.code for d in found] == ["BKR254"]
    assert "`V1PRV1` has 30 cylinders" in found[0].message


@pytest.mark.asyncio
async def test_a_dialect_setting_that_cannot_be_read_is_told_and_the_built_in_table_read(
    client_with_bad_dialect: LanguageClient,
):
    client = client_with_bad_dialect
    main = open_doc(client, client.folder / "c.bkr", _overrun_by_sequential())
    assert await diagnostics(client, main) == []
    told = [(m.type, m.message) for m in client.messages if "`dialect`" in m.message]
    why = f"{client.folder / 'nope.toml'}: no such file (the --dialect table)"
    said = f"bkrc: the `dialect` setting: {why}; the checks read the built-in table"
    assert told == [(T.MessageType.Warning, said)]


@pytest.mark.asyncio
async def test_workspace_symbols_come_from_the_files_not_open_too(client: LanguageClient):
    folder = client.folder
    # A cluster never opened whose identity job runs on each member: its names
    # per member are found too, where the job is declared.
    ops = DEV.replace("cluster DEVSSI", "cluster OPSSSI")
    ops = ops.replace("run on DEV1 daily 05:00", "run on each member daily 05:00")
    (folder / "far").mkdir()
    (folder / "far" / "ops.bkr").write_bytes(ops.encode("utf-8"))
    main = open_doc(client, folder / "main.bkr", GOOD)
    await diagnostics(client, main)

    async def symbols(query: str) -> list[tuple[str, str, str, int]]:
        found = await client.workspace_symbol_async(T.WorkspaceSymbolParams(query=query))
        def where(s: T.SymbolInformation) -> str:
            return Path(s.location.uri.removeprefix("file://")).relative_to(folder).as_posix()

        return [(s.name, s.container_name, where(s), s.location.range.start.line) for s in found]

    job_line = ops.split("\r").index("  job MONINC {")
    assert await symbols("moninc2") == [("MONINC2", "job MONINC on DEV2", "far/ops.bkr", job_line)]
    assert [s[:3] for s in await symbols("devssi")] == [("DEVSSI", "cluster", "dev/dev.bkr")]
    # Each declaration once, however many files see it; a group of the same name
    # declared elsewhere is another symbol. Never the folders the walk skips.
    assert [s[2] for s in await symbols("payroll")] == ["lone.bkr", "site.bkr"]
    # Where the editor counts: the module on disk without its mark, its open
    # buffer that keeps it with it (one character further right).
    found = await client.workspace_symbol_async(T.WorkspaceSymbolParams(query="payroll"))
    assert found[1].location.range.start == T.Position(line=0, character=13)
    site = open_doc(client, folder / "site.bkr", SITE)
    found = await client.workspace_symbol_async(T.WorkspaceSymbolParams(query="payroll"))
    assert found[1].location.uri == site and found[1].location.range.start == T.Position(line=0, character=14)
    assert [s[2] for s in await symbols("testssi")] == ["main.bkr"]
    # An open buffer wins over the file on disk.
    open_doc(client, folder / "dev" / "dev.bkr", DEV.replace("DEVSSI", "DEVXSSI"))
    assert [s[:3] for s in await symbols("devxssi")] == [("DEVXSSI", "cluster", "dev/dev.bkr")]
    assert [s for s in await symbols("devssi") if s[0] == "DEVSSI"] == []


def test_workspace_symbols_of_files_not_checked_are_those_of_files_checked(tmp_path):
    # Workspace symbols analyse a file not open without checking it (half the
    # work): its names, their details and the names derived from the model (a
    # job's name on each member, the workers) are the same as after the checks.
    from bkrdsl.lsp import features as F

    write_workspace(tmp_path)  # then made clean: identity jobs run on each member
    main = GOOD.replace("run on TST1 daily 05:00", "run on each member daily 05:00")
    (tmp_path / "main.bkr").write_text(main)
    dev = DEV.replace("run on DEV1 daily 05:00", "run on each member daily 05:00")
    (tmp_path / "dev" / "dev.bkr").write_bytes(dev.encode("utf-8"))
    (tmp_path / "lone.bkr").write_text(LONE.replace("workers 1 }", "workers 1  private-volume LNPRV1 }"))
    files = bkr_files([tmp_path]).files
    light, full = Workspace(), Workspace()
    unchecked = [light.document(f, (), not_open, Path.read_bytes, checks=False) for f in files]
    checked = [full.document(f, (), not_open, Path.read_bytes) for f in files]
    assert [d.checked for d in unchecked] == [False] * len(files)
    assert [d.checked for d in checked] == [True] * len(files)
    assert [d.diagnostics for d in checked] == [[]] * len(files)  # clean files
    assert [d.occurrences for d in unchecked] == [d.occurrences for d in checked]

    def symbols(docs):
        return [(p.name, p.kind, p.detail, p.span) for _doc, p in F.workspace_symbols(docs, "")]

    assert symbols(unchecked) == symbols(checked)
    assert ("MONINC2", "job", "job MONINC on DEV2") in [s[:3] for s in symbols(unchecked)]
    assert ("BKRWRK01", "user", "worker on DEV1") in [s[:3] for s in symbols(unchecked)]
    # Rename and references need the checks: they check a file analysed without.
    main = tmp_path / "main.bkr"
    assert light.document(main, (), not_open, Path.read_bytes).checked
    # A checked analysis serves workspace symbols as it is.
    again = full.document(main, (), not_open, Path.read_bytes)
    assert full.document(main, (), not_open, Path.read_bytes, checks=False) is again


@pytest.mark.asyncio
async def test_workspace_symbols_search_only_the_open_files_at_a_limit_of_0(client_without_workspace):
    client = client_without_workspace
    main = open_doc(client, client.folder / "main.bkr", GOOD)
    await diagnostics(client, main)
    found = await client.workspace_symbol_async(T.WorkspaceSymbolParams(query="devssi"))
    assert [s.name for s in found if s.name == "DEVSSI"] == []
    edit = await rename(client, main, PAYROLL_IN_MAIN, "PAYUSERS")
    assert sorted(Path(u).name for u in changes_of(edit)) == ["main.bkr", "site.bkr"]  # not dev.bkr
    # The user asked for it: no warning that files were left out.
    await client.workspace_symbol_async(T.WorkspaceSymbolParams(query="devssi"))
    assert not [m for m in client.messages if "max_workspace_files" in m.message]


# ----------------------------------------------------------------- the walk
def test_the_walk_skips_hidden_folders_node_modules_outputs_and_the_standard_library(tmp_path, monkeypatch):
    write_workspace(tmp_path)
    (tmp_path / "out" / "VMSYS1").mkdir()
    (tmp_path / "out" / "VMSYS1" / "deep.bkr").write_text("")
    (tmp_path / "other-manifest").mkdir()  # another tool's manifest.json: searched
    (tmp_path / "other-manifest" / "manifest.json").write_text('{"name": "x"}')
    (tmp_path / "other-manifest" / "kept.bkr").write_text("")
    stdlib = tmp_path / "stdlib"
    stdlib.mkdir()
    (stdlib / "zvm73.bkr").write_text("")
    monkeypatch.setattr("bkrdsl.resources.stdlib_dir", lambda: stdlib)
    found = bkr_files([tmp_path])
    names = [p.relative_to(tmp_path).as_posix() for p in found.files]
    assert names == ["lone.bkr", "main.bkr", "site.bkr", "dev/dev.bkr", "other-manifest/kept.bkr"]
    assert not found.capped
    capped = bkr_files([tmp_path], limit=2)
    assert [p.name for p in capped.files] == ["lone.bkr", "main.bkr"] and capped.capped


def test_a_workspace_opened_at_an_output_folder_is_not_searched(tmp_path):
    # `bkrc compile`'s output folders are skipped wherever they are: also when
    # the editor opened the workspace at one (to read the EXECs), alone or beside
    # the sources.
    write_workspace(tmp_path)
    out = tmp_path / "out"
    (out / "VMSYS1").mkdir()
    (out / "VMSYS1" / "deep.bkr").write_text("")
    assert bkr_files([out]).files == []
    both = bkr_files([tmp_path, out])
    assert [p.relative_to(tmp_path).as_posix() for p in both.files] == [
        "lone.bkr", "main.bkr", "site.bkr", "dev/dev.bkr"
    ]


# ----------------------------------------------------------------- the caches
PLAIN_SITE = "single group PAYROLL { PAYAPP01 PAYAPP02 }\nidentity group MONITOR { PERFSVM }\n"


def rewrite_within_one_tick(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` (as long) in the file and give it back its time: what a
    second write within one tick of a coarse file system clock leaves, the same
    modification time and the same size."""
    assert len(old) == len(new)
    before = path.stat()
    path.write_text(path.read_text().replace(old, new))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)


def not_open(path: Path) -> None:
    return None


def users_in(doc) -> set[str]:
    return {o.name for o in doc.occurrences if o.kind == "user"}


def test_a_file_rewritten_within_one_tick_of_the_clock_is_read_again(tmp_path, monkeypatch):
    # However slow the machine, the files count as just written (their time is
    # too recent to tell a second write): they are compared by content.
    monkeypatch.setattr(workspace, "RACY_NS", 10**18)
    site, main = tmp_path / "site.bkr", tmp_path / "main.bkr"
    site.write_text(PLAIN_SITE)
    main.write_text(GOOD)
    disk = Workspace()
    doc = disk.document(main, (), not_open, Path.read_bytes)
    assert "PAYAPP01" in users_in(doc)
    assert disk.document(main, (), not_open, Path.read_bytes) is doc  # kept while nothing changes
    # The module it imports...
    rewrite_within_one_tick(site, "PAYAPP01", "PAYAPP07")
    doc = disk.document(main, (), not_open, Path.read_bytes)
    assert "PAYAPP07" in users_in(doc) and "PAYAPP01" not in users_in(doc)
    # ... the file itself...
    rewrite_within_one_tick(main, "cluster TESTSSI", "cluster TESTSSJ")
    doc = disk.document(main, (), not_open, Path.read_bytes)
    assert [c.name.upper for c in doc.model.clusters] == ["TESTSSJ"]
    # ... and its imports, which tell who imports the module.
    assert disk.importing([main], {site.resolve()}, (), not_open) == [main]
    rewrite_within_one_tick(main, "import ./site", "import ./sitf")
    assert disk.importing([main], {site.resolve()}, (), not_open) == []


def test_a_change_the_client_reports_drops_what_was_read_from_the_file(tmp_path, monkeypatch):
    # A file changed long enough ago is known by its time and size alone; when
    # the client's watcher says it changed, what was read from it is dropped
    # (here the clock could not tell: the file got its old time back).
    monkeypatch.setattr(workspace, "RACY_NS", 0)
    site, main = tmp_path / "site.bkr", tmp_path / "main.bkr"
    site.write_text(PLAIN_SITE)
    main.write_text(GOOD)
    disk = Workspace()
    assert "PAYAPP01" in users_in(disk.document(main, (), not_open, Path.read_bytes))
    assert disk.importing([main], {site.resolve()}, (), not_open) == [main]
    rewrite_within_one_tick(site, "PAYAPP01", "PAYAPP07")
    rewrite_within_one_tick(main, "import ./site", "import ./sitf")
    disk.changed([site, main])
    assert "PAYAPP01" not in users_in(disk.document(main, (), not_open, Path.read_bytes))
    assert disk.importing([main], {site.resolve()}, (), not_open) == []


# ------------------------------------------------------------ folders bkrc may not enter
#: Run the server with every look-up below a folder named `locked` refused, as
#: for a user with no search permission (x) on it: the tests run as root, whom
#: permissions do not stop (conftest.lock_folder wraps os.stat the same way in the
#: tests that run bkrc in-process).
LOCKED_SERVER = [
    sys.executable,
    "-c",
    textwrap.dedent(
        """\
        import errno, os, runpy, sys
        real = os.stat
        def stat(path, *args, **kwargs):
            if not isinstance(path, int) and f"{os.sep}locked{os.sep}" in os.fsdecode(path):
                raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
            return real(path, *args, **kwargs)
        os.stat = stat
        sys.argv = ["bkrc", "lsp"]
        runpy.run_module("bkrdsl", run_name="__main__", alter_sys=True)
        """
    ),
]


def test_find_module_and_bkrc_check_agree_on_a_folder_bkrc_may_not_enter(tmp_path, monkeypatch):
    from bkrdsl.pipeline import analyse
    from bkrdsl.resolve.loader import ClosedFolder, find_module

    (tmp_path / "locked").mkdir()
    (tmp_path / "lib").mkdir()
    main = tmp_path / "main.bkr"
    main.write_text(LONE.replace("import std/backup-manager", "import std/backup-manager\nimport common"))
    lock_folder(monkeypatch, tmp_path / "locked")
    search = (tmp_path / "locked", tmp_path / "lib")
    codes = [d.code for d in analyse(str(main), main.read_bytes(), path=main, search_path=search).diagnostics]
    assert "BKR103" in codes and "BKR101" not in codes
    with pytest.raises(ClosedFolder) as closed:
        find_module("common", main, search)
    assert closed.value.folder == tmp_path / "locked"
    # Found further on the search path: read, by both.
    (tmp_path / "lib" / "common.bkr").write_text(PLAIN_SITE.replace("PAYROLL", "COMMON"))
    assert find_module("common", main, search) == tmp_path / "lib" / "common.bkr"
    codes = [d.code for d in analyse(str(main), main.read_bytes(), path=main, search_path=search).diagnostics]
    assert "BKR103" not in codes


@pytest.mark.parametrize("spec", ["./locked/site", "locked/deeper/SITE.bkr", "site"])
def test_a_file_with_an_import_bkrc_cannot_look_up_may_import_the_module(tmp_path, monkeypatch, spec):
    # A file named as the module's, wherever bkrc looks for it: beside the file,
    # below it, or in a search-path folder bkrc may not enter.
    site, main, lone = tmp_path / "lib" / "site.bkr", tmp_path / "main.bkr", tmp_path / "lone.bkr"
    site.parent.mkdir()
    site.write_text(PLAIN_SITE)
    main.write_text(GOOD.replace("import ./site", "import ./lib/site"))
    lone.write_text(LONE.replace("import std/backup-manager", f"import std/backup-manager\nimport {spec}"))
    (tmp_path / "locked").mkdir()
    lock_folder(monkeypatch, tmp_path / "locked")
    disk = Workspace()
    assert disk.importing([lone, main], {site.resolve()}, (tmp_path / "locked",), not_open) == [lone, main]


@pytest.mark.parametrize("spec", ["./locked/x", "./locked/site/other", "other"])
def test_an_import_bkrc_cannot_look_up_of_another_name_is_another_module(tmp_path, monkeypatch, spec):
    site, main, lone = tmp_path / "site.bkr", tmp_path / "main.bkr", tmp_path / "lone.bkr"
    site.write_text(PLAIN_SITE)
    main.write_text(GOOD)
    lone.write_text(LONE.replace("import std/backup-manager", f"import std/backup-manager\nimport {spec}"))
    (tmp_path / "locked").mkdir()
    lock_folder(monkeypatch, tmp_path / "locked")
    disk = Workspace()
    assert disk.importing([lone, main], {site.resolve()}, (tmp_path / "locked",), not_open) == [main]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=LOCKED_SERVER, client_factory=recording_client))
async def locked_client(lsp_client: LanguageClient, tmp_path_factory):
    """The workspace, where the cluster that declares its own PAYROLL also imports a
    module from a folder bkrc may not enter: it may be the site module."""
    folder = tmp_path_factory.mktemp("ws")
    write_workspace(folder)
    (folder / "locked").mkdir()
    lone = LONE.replace("import std/backup-manager", "import std/backup-manager\nimport ./locked/site")
    (folder / "lone.bkr").write_text(lone.replace("single group PAYROLL { LONEAPP }\n", ""))
    lsp_client.folder = folder
    await lsp_client.initialize_session(client_params(folder))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_rename_is_refused_when_a_file_not_open_may_import_the_module(locked_client: LanguageClient):
    client = locked_client
    folder = client.folder
    site = open_doc(client, folder / "site.bkr", SITE)
    await diagnostics(client, site)
    with pytest.raises(JsonRpcException) as refused:
        await rename(client, site, PAYROLL_IN_SITE, "PAYUSERS")
    assert refused.value.message == (  # (the files as `bkrc check` run in the workspace folder names them, stop 81)
        "cannot rename `PAYROLL`: bkrc cannot tell whether lone.bkr uses it: cannot read module"
        " `./locked/site` (locked/site.bkr): permission denied to enter the folder locked (BKR103)"
    )


@pytest.mark.asyncio
async def test_references_say_a_file_not_open_may_use_the_name_too(locked_client: LanguageClient):
    client = locked_client
    folder = client.folder
    site = open_doc(client, folder / "site.bkr", SITE)
    await diagnostics(client, site)
    found = await references(client, site, PAYROLL_IN_SITE)
    assert sorted(Path(loc.uri).name for loc in found) == ["dev.bkr", "main.bkr"]
    (told,) = [m for m in client.messages if "may not be all" in m.message]
    assert told.type == T.MessageType.Warning
    assert told.message.startswith(
        "bkrc: the uses of `PAYROLL` listed may not be all: bkrc cannot tell whether"
        " lone.bkr uses it: cannot read module `./locked/site`"
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=LOCKED_SERVER, client_factory=recording_client))
async def unrelated_locked_client(lsp_client: LanguageClient, tmp_path_factory):
    """The workspace, where the cluster that declares its own PAYROLL also imports a
    module from a folder bkrc may not enter, of another name than the site module's."""
    folder = tmp_path_factory.mktemp("ws")
    write_workspace(folder)
    (folder / "locked").mkdir()
    lone = LONE.replace("import std/backup-manager", "import std/backup-manager\nimport ./locked/tapes")
    (folder / "lone.bkr").write_text(lone)
    lsp_client.folder = folder
    await lsp_client.initialize_session(client_params(folder))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_rename_goes_ahead_when_an_import_bkrc_cannot_look_up_is_another_module(
    unrelated_locked_client: LanguageClient,
):
    client = unrelated_locked_client
    folder = client.folder
    site = open_doc(client, folder / "site.bkr", SITE)
    await diagnostics(client, site)
    edit = await rename(client, site, PAYROLL_IN_SITE, "PAYUSERS")
    main, dev = (folder / "main.bkr").as_uri(), (folder / "dev" / "dev.bkr").as_uri()
    assert sorted(changes_of(edit)) == sorted([site, main, dev])
    # The open cluster with an import bkrc cannot look up does not block it either.
    lone = open_doc(client, folder / "lone.bkr", (folder / "lone.bkr").read_text())
    await diagnostics(client, lone)
    edit = await rename(client, site, PAYROLL_IN_SITE, "PAYUSERS")
    assert sorted(changes_of(edit)) == sorted([site, main, dev])


@pytest.mark.asyncio
async def test_references_do_not_warn_of_an_import_bkrc_cannot_look_up_of_another_module(
    unrelated_locked_client: LanguageClient,
):
    client = unrelated_locked_client
    folder = client.folder
    site = open_doc(client, folder / "site.bkr", SITE)
    await diagnostics(client, site)
    found = await references(client, site, PAYROLL_IN_SITE)
    assert sorted(Path(loc.uri).name for loc in found) == ["dev.bkr", "main.bkr"]
    assert [m.message for m in client.messages if "may not be all" in m.message] == []


# ------------------------------------------------------------ very large or very bad files
def junk_of(text: str, ids: int, *, then: str = "") -> str:
    """`text` and a group of `ids` user IDs CP refuses (one BKR301 each), then `then`."""
    bad = " ".join(f"TOOLONGID{i}" for i in range(ids))
    return f"{text}single group JUNK {{ {bad} }}\n{then}"


def test_a_file_not_open_is_cut_at_the_error_limit_and_a_too_large_one_left_out(tmp_path, monkeypatch):
    """The workspace's files the editor has not opened go through the limits of
    `bkrc check`: each analysis keeps its first errors and counts the rest (a file
    of 3,000 mistakes beside the open one is not 3,000 diagnostics kept), and a
    file over 10,000,000 bytes is none of its business (BKR020). The server
    answers references and rename with the file's uses as before."""
    import builtins

    from lsp_inprocess import Editor
    from test_robustness import _Recorded

    from bkrdsl.lsp import server
    from bkrdsl.pipeline import analyse
    from bkrdsl.syntax import reader

    monkeypatch.setattr(server, "MAX_PUBLISHED_ERRORS", 3)
    (tmp_path / "site.bkr").write_text(PLAIN_SITE)
    junk = tmp_path / "junk.bkr"
    junk.write_text(junk_of(GOOD, 3000))
    huge = tmp_path / "huge.bkr"
    with open(huge, "wb") as f:  # sparse: 2 GB, of which the server reads the first line's start
        f.write(GOOD.encode())
        f.truncate(2 * 1024**3)
    asked: list[int] = []

    def recorded(path, mode="rb"):
        return _Recorded(builtins.open(path, mode), asked if Path(path) == huge else None)

    monkeypatch.setattr(reader, "open", recorded, raising=False)
    editor = Editor()
    try:
        editor.initialize(tmp_path)
        site = (tmp_path / "site.bkr").as_uri()
        item = {"uri": site, "languageId": "bkr", "version": 1, "text": PLAIN_SITE}
        editor.notify("textDocument/didOpen", {"textDocument": item})
        at = {"line": 0, "character": 15}  # PAYROLL
        found = editor.request(
            "textDocument/references",
            {"textDocument": {"uri": site}, "position": at, "context": {"includeDeclaration": False}},
        )["result"]
        assert [Path(loc["uri"]).name for loc in found] == ["junk.bkr"]
        (_search, _reads, doc) = editor.server.disk._documents[junk.resolve()]
        assert sum(d.is_error for d in doc.diagnostics) == 3
        (stop,) = doc.analysis.stops
        whole = analyse(str(junk), junk.read_bytes(), path=junk)
        assert stop.file == str(junk) and stop.errors + 3 == sum(d.is_error for d in whole.diagnostics) > 3000
        # Rename counts the file's errors in full, before and after: none new.
        renamed = {"textDocument": {"uri": site}, "position": at, "newName": "PAYUSERS"}
        edit = editor.request("textDocument/rename", renamed)
        changes = edit["result"]["documentChanges"]
        assert sorted(Path(c["textDocument"]["uri"]).name for c in changes) == ["junk.bkr", "site.bkr"]
        symbols = editor.request("workspace/symbol", {"query": "testssi"})["result"]
        assert [Path(s["location"]["uri"]).name for s in symbols] == ["junk.bkr"]  # never huge.bkr
        assert editor.errors == []
        # Known to be too large by its size: each read of it asked for the start of its first line.
        assert asked and all(0 <= n <= 1_000 for n in asked)
    finally:
        editor.close()


def test_an_import_error_past_the_error_limit_still_counts(tmp_path, monkeypatch):
    """An import bkrc cannot look up or find, written after more mistakes than the
    limit shows, is still seen by the server: references warn of a file that may
    use the name (BKR103), and a file whose module is missing (BKR101) is analysed
    again once the module is there, not kept from before."""
    (tmp_path / "site.bkr").write_text(PLAIN_SITE)
    lone, later = tmp_path / "lone.bkr", tmp_path / "later.bkr"
    # three syntax errors (BKR013, BKR011 its own `{` missing before `K`, BKR012); `job J`
    # alone is one, a block's opening line cut short
    slips = "job J K\n}\nfoo bar\n"
    lone.write_text(LONE + slips + "import ./locked/site\nimport ./later\n")
    (tmp_path / "locked").mkdir()
    lock_folder(monkeypatch, tmp_path / "locked")
    disk = Workspace(max_errors=3)
    doc = disk.document(lone, (), not_open, Path.read_bytes)
    assert [d.code for d in doc.diagnostics] == ["BKR013", "BKR011", "BKR012"]
    (stop,) = doc.analysis.stops
    assert stop.errors == 2  # BKR103 and BKR101, cut
    why = workspace.unsure_import(doc, [(tmp_path / "site.bkr").resolve()])
    assert why is not None and why.code == "BKR103" and "./locked/site" in why.message
    later.write_text("single group LATER { LATER01 }\n")
    again = disk.document(lone, (), not_open, Path.read_bytes)
    assert again is not doc and later.resolve() in again.read


# ----------------------------------------------------------------- the directory, read again
def _editor_with_directory(folder: Path, directory: str | None):
    """`bkrc lsp` in this process (tests/lsp_inprocess.py), its `directory` setting
    `directory`, prodssi.bkr open; the editor and the document's URI."""
    from conftest import EXAMPLES
    from lsp_inprocess import Editor

    editor = Editor()
    options = {"debounce_ms": 0} | ({"directory": directory} if directory is not None else {})
    params = {"processId": None, "rootUri": None, "capabilities": {}, "initializationOptions": options}
    assert "result" in editor.request("initialize", params)
    editor.notify("initialized", {})
    uri = (folder / "prodssi.bkr").as_uri()
    document = {"uri": uri, "languageId": "bkr", "version": 1, "text": (EXAMPLES / "prodssi.bkr").read_text()}
    editor.notify("textDocument/didOpen", {"textDocument": document})
    return editor, uri


def _ask(editor, method: str, uri: str, line: int, character: int):
    at = {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}
    return editor.request(method, at)["result"]


def _said_of(editor, uri: str, user: str) -> list[str]:
    """The codes published for `uri` whose message is about `user` (starts with its ID)."""
    return sorted(d["code"] for d in editor.published(uri) if d["message"].startswith(f"`{user}`"))


LNXWEB01 = (42, 24)  # `LNXWEB01` in group LINUX of prodssi.bkr (0-based)


def test_the_directory_is_read_again_when_its_file_changes_on_disk(tmp_path):
    """Read once at start, and again when its file's time or size changes: the open
    documents are checked again (BKR511 goes), hover and definition see the new entry."""
    directory = tmp_path / "USER.DIRECT"
    directory.write_text("USER LNXWEB02 PW 1M 1M G\n")
    editor, uri = _editor_with_directory(tmp_path, str(directory))
    try:
        assert _said_of(editor, uri, "LNXWEB01") == ["BKR511"]
        assert "- site directory: no entry of this ID" in _ask(editor, "textDocument/hover", uri, *LNXWEB01)["contents"]["value"]
        directory.write_text("USER LNXWEB02 PW 1M 1M G\n* moved here\nUSER LNXWEB01 PW 1M 1M G\n")
        hover = _ask(editor, "textDocument/hover", uri, *LNXWEB01)["contents"]["value"]
        assert "- site directory: USER entry (" in hover
        assert _said_of(editor, uri, "LNXWEB01") == []  # published again, without an edit
        places = _ask(editor, "textDocument/definition", uri, *LNXWEB01)
        assert places[-1] == {
            "uri": directory.as_uri(),
            "range": {"start": {"line": 2, "character": 5}, "end": {"line": 2, "character": 13}},
        }
        # The same size, another time: read again too (an entry's kind changed in place).
        directory.write_text("USER LNXWEB02 PW 1M 1M G\n* moved here\nIDENTITY LNXWEB01 1M 1M G\n")
        os.utime(directory, ns=(1, 1))
        hover = _ask(editor, "textDocument/hover", uri, *LNXWEB01)["contents"]["value"]
        assert "- site directory: IDENTITY entry (" in hover
        assert _said_of(editor, uri, "LNXWEB01") == ["BKR510"]
        # Its time and size as before: a watcher's word that it changed has it read again.
        directory.write_text("USER LNXWEB02 PW 1M 1M G\n* moved here\nUSER     LNXWEB01 1M 1M G\n")
        os.utime(directory, ns=(1, 1))
        same = _ask(editor, "textDocument/hover", uri, *LNXWEB01)["contents"]["value"]
        assert "- site directory: IDENTITY entry (" in same  # not read again: the same stamp
        change = {"uri": directory.as_uri(), "type": 2}
        editor.notify("workspace/didChangeWatchedFiles", {"changes": [change]})
        assert _said_of(editor, uri, "LNXWEB01") == []
        assert "- site directory: USER entry (" in _ask(editor, "textDocument/hover", uri, *LNXWEB01)["contents"]["value"]
        assert editor.errors == []
    finally:
        editor.close()


def test_a_directory_setting_sent_since_start_is_the_one_compared_with(tmp_path):
    """`workspace/didChangeConfiguration` with `directory` (VS Code's `bkr.server`
    section, or the option's own name) names another directory, or none; settings
    without it (Neovim's `{}` after each start) change nothing."""
    first, second = tmp_path / "FIRST.DIRECT", tmp_path / "SECOND.DIRECT"
    first.write_text("USER LNXWEB02 PW 1M 1M G\n")
    second.write_text("USER LNXWEB01 PW 1M 1M G\n")
    editor, uri = _editor_with_directory(tmp_path, str(first))
    try:

        def hover() -> str:
            return _ask(editor, "textDocument/hover", uri, *LNXWEB01)["contents"]["value"]

        def configure(settings) -> None:
            editor.notify("workspace/didChangeConfiguration", {"settings": settings})

        assert "no entry of this ID" in hover() and _said_of(editor, uri, "LNXWEB01") == ["BKR511"]
        configure({})
        assert "no entry of this ID" in hover()
        configure({"bkr": {"server": {"directory": str(second), "include": []}}})
        assert "- site directory: USER entry (SECOND.DIRECT:1)" in hover()
        assert _said_of(editor, uri, "LNXWEB01") == []  # checked again at once, not at the next edit
        configure({"directory": ""})
        assert "site directory" not in hover() and _said_of(editor, uri, "LNXWEB01") == []
        configure({"directory": str(tmp_path / "NONE.DIRECT")})
        told = [m["params"]["message"] for m in editor.writer.messages if m.get("method") == "window/showMessage"]
        assert told == [f"bkrc: the `directory` setting: cannot read {tmp_path / 'NONE.DIRECT'}: No such file or directory; nothing is checked against it"]
        assert "site directory" not in hover()
        assert editor.errors == []
    finally:
        editor.close()


def test_a_malformed_directory_leaves_hover_and_definition_working(tmp_path):
    """What DIRECTXA would refuse is said as today (BKR502 at the file's start, its
    message naming the line); the entries read are hovered and reached."""
    directory = tmp_path / "USER.DIRECT"
    directory.write_text("USER LNXWEB01 PW 1M 1M G\nBUILD ON VMSYS1 SUBCONFIG X\nMDISK 019Z 3390 1 1 V MR\nUSER\n")
    editor, uri = _editor_with_directory(tmp_path, str(directory))
    try:
        malformed = [d for d in editor.published(uri) if d["code"] == "BKR502"]
        assert len(malformed) == 3 and all(d["range"]["start"] == {"line": 0, "character": 0} for d in malformed)
        assert "- site directory: USER entry (" in _ask(editor, "textDocument/hover", uri, *LNXWEB01)["contents"]["value"]
        assert _ask(editor, "textDocument/definition", uri, *LNXWEB01)[-1]["uri"] == directory.as_uri()
        group = _ask(editor, "textDocument/hover", uri, 42, 16)["contents"]["value"]  # `LINUX`
        assert "- site directory: the group covers 1 user (1 USER: LNXWEB01)" in group  # (plain text)
        assert editor.errors == []
    finally:
        editor.close()


@pytest.mark.parametrize("setting", [False, True], ids=["without", "with"])
def test_a_server_without_the_directory_setting_never_imports_the_directory_reader(tmp_path, setting):
    """No cost without the setting: hover, definition and the checks run, and neither
    bkrdsl.cpdirectory nor the checks against it is imported (with it, both are)."""
    directory = tmp_path / "USER.DIRECT"
    directory.write_text("USER LNXWEB01 PW 1M 1M G\n")
    code = textwrap.dedent(
        f"""\
        import sys
        from pathlib import Path
        from test_lsp_workspace import _ask, _editor_with_directory, LNXWEB01
        editor, uri = _editor_with_directory(Path({str(tmp_path)!r}), {str(directory) if setting else None!r})
        _ask(editor, "textDocument/hover", uri, *LNXWEB01)
        _ask(editor, "textDocument/hover", uri, 42, 16)
        _ask(editor, "textDocument/definition", uri, *LNXWEB01)
        assert editor.errors == [] and editor.published(uri) is not None
        editor.close()
        print(sorted(m for m in ("bkrdsl.cpdirectory", "bkrdsl.check.directory") if m in sys.modules))
        """
    )
    tests = Path(__file__).parent
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tests, check=True)
    imported = out.stdout.strip().splitlines()[-1]
    assert imported == ("['bkrdsl.check.directory', 'bkrdsl.cpdirectory']" if setting else "[]")


# ----------------------------------------------------------------- a user of the site's directory
#: A module and the files of two clusters of one site, and a third cluster that does not
#: import the module: every one of them names users of the site's directory.
SITE_USERS = "single group LINUX { LNXWEB01  match LNXAPP* }\n"


def _cluster_of_the_site(name: str, selections: str, imports: str = "import ./site\n") -> str:
    return (
        f"import std/backup-manager\n{imports}"
        + textwrap.dedent(
            f"""\
            cluster {name}SSI {{
              member {name}1 {{ workers 1 }}
              catalog shared server BKRSVSFS pool BKRPOOL on {name}1
              expire on {name}1 {{ purge weekly sat 04:30  retain 14 days }}
              job {name}FULL {{
                backup LINUX full
                include minidisk * 0191
            {{selections}}
                to disk pool P
                run on {name}1 daily 21:00
              }}
              disk BKRBKUP 191 size 10 cyl
              disk BKRCATLG 191 size 10 cyl
              disk BKRWRK* 191 size 5 cyl
            }}
            """
        ).replace("{selections}", textwrap.indent(selections, "    "))
    )


SITE_A = _cluster_of_the_site("A", "include minidisk LNXAPP01 0192\ninclude minidisk LNXAPP09 0192")
SITE_B = _cluster_of_the_site("B", "exclude minidisk LNXAPP01 0191\nexclude minidisk LNXAPP09 0191")
#: Its own group of the same user, no import of the module: the same machine of the site.
SITE_C = _cluster_of_the_site("C", "", imports="single group LINUX { LNXWEB01 }\n")
SITE_DIRECT = "USER LNXAPP01 PW 1M 1M G\n MDISK 0191 3390 1 10 V1 MR\nUSER LNXWEB01 PW 1M 1M G\n MDISK 0191 3390 20 10 V1 MR\n"


def write_site(folder: Path) -> None:
    for name, text in (("site", SITE_USERS), ("a", SITE_A), ("b", SITE_B), ("c", SITE_C)):
        (folder / f"{name}.bkr").write_text(text)
    (folder / "USER.DIRECT").write_text(SITE_DIRECT)


def _line_of(text: str, needle: str) -> int:
    return text.count("\n", 0, text.index(needle))


#: (the user under the cursor in a.bkr, where a.bkr writes it) -> the places found
#: (file, 0-based line), its declarations included: LNXAPP01, which only `match
#: LNXAPP*` covers, and LNXWEB01, listed by name in two files that do not import each
#: other, are each found in every file of the workspace that writes them, and in the
#: directory; LNXAPP09, which the directory does not have, in a.bkr only, as before.
SITE_REFERENCES = {
    ("LNXAPP01", "LNXAPP01 0192"): [
        ("USER.DIRECT", 0),
        ("a.bkr", _line_of(SITE_A, "LNXAPP01")),
        ("b.bkr", _line_of(SITE_B, "LNXAPP01")),
    ],
    ("LNXWEB01", "LNXWEB01"): [
        ("USER.DIRECT", 2),
        ("c.bkr", _line_of(SITE_C, "LNXWEB01")),
        ("site.bkr", 0),
    ],
    ("LNXAPP09", "LNXAPP09 0192"): [("a.bkr", _line_of(SITE_A, "LNXAPP09"))],
}


def _places(folder: Path, locations: list[dict]) -> list[tuple[str, int]]:
    return sorted(
        (Path(loc["uri"].removeprefix("file://")).relative_to(folder).as_posix(), loc["range"]["start"]["line"])
        for loc in locations
    )


def test_references_of_a_directory_user_reach_every_file_of_the_workspace(tmp_path):
    """In this process: the user is the site's one machine, so its references are its
    places in the workspace's files the editor has not opened, importing or not."""
    from lsp_inprocess import Editor

    write_site(tmp_path)
    editor = Editor()
    options = {"debounce_ms": 0, "directory": str(tmp_path / "USER.DIRECT")}
    params = {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}, "initializationOptions": options}
    try:
        assert "result" in editor.request("initialize", params)
        editor.notify("initialized", {})
        uri = (tmp_path / "a.bkr").as_uri()
        editor.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "bkr", "version": 1, "text": SITE_A}})
        for (user, written), expected in SITE_REFERENCES.items():
            at = position(SITE_A, written, 2) if written != user else position(SITE_USERS, user, 2)
            where = uri if written != user else (tmp_path / "site.bkr").as_uri()
            if written == user:  # LNXWEB01: asked in the module, open too
                editor.notify("textDocument/didOpen", {"textDocument": {"uri": where, "languageId": "bkr", "version": 1, "text": SITE_USERS}})
            asked = {"textDocument": {"uri": where}, "position": {"line": at.line, "character": at.character}}
            found = editor.request("textDocument/references", asked | {"context": {"includeDeclaration": True}})
            assert _places(tmp_path, found["result"]) == expected, user
        assert editor.errors == []
    finally:
        editor.close()


def test_references_on_a_modules_user_reach_the_owner_patterns_of_the_files_importing_it(tmp_path):
    """Asked in the module that declares LNXWEB01, references list the owner patterns
    that select it in a cluster file on disk that imports the module (`exclude minidisk
    LNX* 0192`, `include minidisk LNXW* 0193`), as they list the cluster's names of it;
    on the group's `match LNXAPP*`, the one of them that covers it (LNX*)."""
    from lsp_inprocess import Editor

    cluster = _cluster_of_the_site("A", "exclude minidisk LNX* 0192\ninclude minidisk LNXW* 0193")
    (tmp_path / "site.bkr").write_text(SITE_USERS)
    (tmp_path / "a.bkr").write_text(cluster)
    (tmp_path / "c.bkr").write_text(SITE_C)  # its own LINUX, no import: not listed
    editor = Editor()
    try:
        editor.initialize(tmp_path)
        uri = (tmp_path / "site.bkr").as_uri()
        editor.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "bkr", "version": 1, "text": SITE_USERS}})
        for user, expected in (
            ("LNXWEB01", [("a.bkr", _line_of(cluster, "LNX* 0192")), ("a.bkr", _line_of(cluster, "LNXW* 0193"))]),
            ("LNXAPP*", [("a.bkr", _line_of(cluster, "LNX* 0192"))]),
        ):
            at = position(SITE_USERS, user, 2)
            asked = {"textDocument": {"uri": uri}, "position": {"line": at.line, "character": at.character}}
            found = editor.request("textDocument/references", asked | {"context": {"includeDeclaration": False}})
            assert _places(tmp_path, found["result"]) == expected, user
            starts = [loc["range"]["start"]["character"] for loc in found["result"]]
            assert starts == [len("    exclude minidisk "), len("    include minidisk ")][: len(starts)], user
            found = editor.request("textDocument/references", asked | {"context": {"includeDeclaration": True}})
            assert _places(tmp_path, found["result"]) == sorted([("site.bkr", 0), *expected]), user
        assert editor.errors == []
    finally:
        editor.close()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client))
async def client_of_a_site(lsp_client: LanguageClient, tmp_path_factory):
    """A server over `write_site`'s workspace, its `directory` the site's USER.DIRECT."""
    folder = tmp_path_factory.mktemp("ws")
    write_site(folder)
    lsp_client.folder = folder
    await lsp_client.initialize_session(client_params(folder, directory=str(folder / "USER.DIRECT")))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_references_of_a_directory_user_over_the_wire(client_of_a_site: LanguageClient):
    """Through a real `bkrc lsp`: LNXAPP01, which only a pattern covers, in the file of
    the other cluster too; without its declarations, the directory's entry is not listed."""
    client = client_of_a_site
    folder = client.folder
    main = open_doc(client, folder / "a.bkr", SITE_A)
    await diagnostics(client, main)
    found = await references(client, main, position(SITE_A, "LNXAPP01 0192", 2), declaration=True)
    as_dicts = [{"uri": loc.uri, "range": {"start": {"line": loc.range.start.line}}} for loc in found]
    assert _places(folder, as_dicts) == SITE_REFERENCES[("LNXAPP01", "LNXAPP01 0192")]
    found = await references(client, main, position(SITE_A, "LNXAPP01 0192", 2))
    as_dicts = [{"uri": loc.uri, "range": {"start": {"line": loc.range.start.line}}} for loc in found]
    assert _places(folder, as_dicts) == SITE_REFERENCES[("LNXAPP01", "LNXAPP01 0192")][1:]
