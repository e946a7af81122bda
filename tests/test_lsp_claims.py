"""docs/lsp.md's claims, each held over the wire: framed JSON-RPC into the server's
own message loop (tests/lsp_inprocess.py), read back as a client reads it. Where
the page names a place, a kind or a setting's values, the answer here is that one,
so a change of behaviour fails here before the page goes stale.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT
from lsp_inprocess import Editor

LSP_MD = (ROOT / "docs" / "lsp.md").read_text(encoding="utf-8")

#: A cluster that names what each place of completion offers: two members, a
#: group of two users, the product's machines (std/backup-manager), a catalog pool,
#: an SFS path's file pool and a disk pool a job backs up to.
CLUSTER = (
    "import std/backup-manager\n"
    "cluster C {\n"
    "  member VMSYS1 { workers 1 }\n"
    "  member VMSYS2 { workers 1 }\n"
    "  catalog shared server BKRSVSFS pool CATPOOL on VMSYS1\n"
    "  single group G { U1 U2 }\n"
    "  job J { backup G full include sfs SFSP:U1.* to disk pool BKUPPOOL run on VMSYS1 daily 01:00 }\n"
)
#: The product's machines std/backup-manager declares, each with a `role`.
PRODUCT = {"5697J06C", "BKRADMIN", "BKRBKUP", "BKRCATLG"}
USERS = {"U1", "U2"} | PRODUCT

#: (what is typed after CLUSTER, where the cursor ends it; the labels offered, exactly)
PLACES = [
    # (no `include`: a member block only excludes, BKR117; h5 stop 70's b2b9d997, this row followed in h12's)
    ("  member VMSYS3 { ", {"workers", "private-volume", "job-suffix", "subconfig", "exclude", "description"}),
    ("  job K { backup G full to tape run on ", {"VMSYS1", "VMSYS2"}),  # G is single: one member (BKR220)
    ("  job K { backup BKRBKUP full to tape run on ", {"each", "VMSYS1", "VMSYS2"}),  # an IDENTITY: `each` too
    ("  expire on ", {"VMSYS1", "VMSYS2"}),  # a shared catalog: one member, not `each` (BKR211)
    ("  group H ", {"single group H", "identity group H"}),  # its kind left out (BKR004): written first
    ("  group H { ", {"match"} | USERS | {"BKRBKUP", "BKRCATLG"}),  # either kind: it is not written yet
    ("  job K { backup ", {"G", "U1", "U2"}),  # not the product's machines
    ("  single group H { ", {"match", "U1", "U2", "5697J06C", "BKRADMIN"}),  # not the IDENTITY ones
    ("  identity group H { ", {"match", "BKRBKUP", "BKRCATLG"}),  # not the single ones
    ("  single group H { U1 ", {"match", "U2", "5697J06C", "BKRADMIN"}),  # not U1 again
    # `*` first: every user backed up; then the job's users (any other is BKR406), its patterns
    ("  job K { backup G full include minidisk ", {"*", "U1", "U2"}),
    ("  job K { include minidisk ", {"*"} | USERS),  # a job that backs up no one yet: every user
    ("  job K { backup G full include minidisk U1 ", set()),  # an address, not a user
    ("  disk ", PRODUCT | {"BKRWRK*", "BKRSVSFS"}),  # the product's machines, not U1 (BKR332)
    ("  identity user BKRX role ", {"admin", "backup-server", "catalog-server", "installation", "worker"}),
    ("  job K { backup G full to tape run on VMSYS1 weekly ", {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}),
    ("  job K { backup G full to disk pool ", {"BKUPPOOL"}),
    ("  job K { backup G full include sfs ", {"CATPOOL:", "SFSP:"}),
    ("  job K { backup G full exclude sfs ", {"CATPOOL:", "SFSP:"}),
    ("  job K { backup G full include sfs SFSP:", {"SFSP:U1", "SFSP:U2"}),  # the job's users' file spaces
    ("  disk BKRBKUP 191 size 10 ", {"blk", "cyl"}),
    ("  shared-volume VMCOM1\n  disk BKRBKUP 191 size 10 cyl on ", {"VMCOM1"}),  # a volume, not a member
]


def _session(tmp_path, capabilities: dict | None = None, options: dict | None = None) -> Editor:
    editor = Editor()
    if options is None:
        editor.initialize(tmp_path, capabilities=capabilities)
        return editor
    params = {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}, "initializationOptions": options}
    assert "result" in editor.request("initialize", params)
    editor.notify("initialized", {})
    return editor


def _open(editor: Editor, path, text: str) -> str:
    uri = path.as_uri()
    document = {"uri": uri, "languageId": "bkr", "version": 1, "text": text}
    editor.notify("textDocument/didOpen", {"textDocument": document})
    return uri


def _labels_at_end(editor: Editor, uri: str, text: str) -> set[str]:
    lines = text.split("\n")
    where = {"line": len(lines) - 1, "character": len(lines[-1])}
    answer = editor.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": where})["result"]
    items = answer["items"] if isinstance(answer, dict) else answer
    return {item["label"] for item in items}


@pytest.mark.parametrize("typed,offered", PLACES, ids=[p[0].strip() for p in PLACES])
def test_completion_offers_the_names_each_place_takes(tmp_path, typed, offered):
    # lsp.md, Completion: members after `on`, groups and users after `backup` (not
    # the product's machines), users in a group body, as a minidisk owner and after
    # `disk`, roles, days, the pools the jobs back up to, the SFS file pools with
    # their colon, a size's unit, the volume labels after a `disk` statement's `on`.
    editor = _session(tmp_path)
    try:
        text = CLUSTER + typed
        uri = _open(editor, tmp_path / "c.bkr", text)
        assert _labels_at_end(editor, uri, text) == offered
        assert editor.errors == []
    finally:
        editor.close()


def test_completion_after_group_alone_offers_the_kind_written_before_it(tmp_path):
    # lsp.md, Completion: `group ` typed first on a line of the cluster block begins a
    # group's declaration without its kind (BKR004); it was offered the cluster block's
    # keywords again, as if `group` were not there. Now `single group` and `identity
    # group`, each written over `group `, matched against it.
    editor = _session(tmp_path)
    try:
        text = CLUSTER + "  group "
        uri = _open(editor, tmp_path / "c.bkr", text)
        where = {"line": text.count("\n"), "character": len("  group ")}
        answer = editor.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": where})["result"]
        items = answer["items"] if isinstance(answer, dict) else answer
        replaced = {"start": {"line": where["line"], "character": 2}, "end": where}
        assert [(i["label"], i["filterText"], i["textEdit"]) for i in items] == [
            ("single group", "group ", {"range": replaced, "newText": "single group "}),
            ("identity group", "group ", {"range": replaced, "newText": "identity group "}),
        ]
        assert editor.errors == []
    finally:
        editor.close()


def test_the_kind_of_a_kindless_group_s_users_comes_first_in_sort_text(tmp_path):
    # lsp.md, Completion: `group APPS | { TCPIP }`, TCPIP declared identity elsewhere:
    # `identity group APPS` first (its sortText), its detail saying why.
    editor = _session(tmp_path)
    try:
        text = "identity group SYSIDS { TCPIP }\ngroup APPS  { TCPIP }\n" + CLUSTER
        uri = _open(editor, tmp_path / "c.bkr", text)
        where = {"line": 1, "character": len("group APPS ")}
        answer = editor.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": where})["result"]
        items = sorted(answer["items"] if isinstance(answer, dict) else answer, key=lambda i: i["sortText"])
        assert [(i["label"], i.get("detail")) for i in items] == [
            ("identity group APPS", "a group of IDENTITY users: `TCPIP` is declared identity (line 1)"),
            ("single group APPS", "a group of single-configuration users"),
        ]
        assert editor.errors == []
    finally:
        editor.close()


def test_references_come_in_file_order(tmp_path):
    # lsp.md, Find references: editors list the places as sent (Neovim's quickfix
    # list). The owner pattern that selects U1 (`exclude minidisk U* 0192`, line 3) came
    # last, after U1's declaration and its uses below it; now each in its place.
    editor = _session(tmp_path)
    try:
        text = (
            "import std/backup-manager\ncluster C {\n  member VMSYS1 { workers 1  exclude minidisk U* 0192 }\n"
            "  single group G { U1 U2 }\n"
            "  job J { backup G full include minidisk U1 0191 to disk pool P run on VMSYS1 daily 01:00 }\n}\n"
        )
        uri = _open(editor, tmp_path / "c.bkr", text)
        for declared, expected in ((True, [(2, 46), (3, 19), (4, 41)]), (False, [(2, 46), (4, 41)])):
            at = {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 20}}
            found = editor.request("textDocument/references", {**at, "context": {"includeDeclaration": declared}})
            places = [(p["uri"], p["range"]["start"]["line"], p["range"]["start"]["character"]) for p in found["result"]]
            assert places == [(uri, line, character) for line, character in expected]
        assert editor.errors == []
    finally:
        editor.close()


def test_completion_after_disk_sorts_the_cluster_s_own_machines_first(tmp_path):
    # lsp.md, Completion: after `disk`, the site's own machines (the catalog's SFS
    # server here) come before the standard library's, in the items' `sortText`.
    editor = _session(tmp_path)
    try:
        text = CLUSTER + "  disk "
        uri = _open(editor, tmp_path / "c.bkr", text)
        where = {"line": text.count("\n"), "character": len("  disk ")}
        answer = editor.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": where})["result"]
        items = sorted(answer["items"] if isinstance(answer, dict) else answer, key=lambda i: i["sortText"])
        assert [i["label"] for i in items] == ["BKRSVSFS", "BKRWRK*", "BKRBKUP", "BKRCATLG", "BKRADMIN", "5697J06C"]
        assert editor.errors == []
    finally:
        editor.close()


def test_completion_after_the_catalog_s_server_and_pool_and_a_wait(tmp_path):
    # The catalog's `server` takes a user of the site's own statement, of the kind
    # the catalog's scope needs, its `pool` the SFS file pools the cluster names
    # (here an SFS path's), and `logon-wait N` a unit of time.
    editor = _session(tmp_path)
    try:
        head = "import std/backup-manager\nsingle user SFS1\nidentity user SFS2\n"
        head += "cluster C {\n  member VMSYS1 { workers 1 }\n  single group G { U1 U2 }\n"
        head += "  job J { backup G full include sfs SFSP:U1.* to tape run on VMSYS1 daily 01:00 }\n"
        for typed, offered in [
            # single, no product machine (BKR217), no group's guest (U1: BKR208)
            ("  catalog shared server ", {"SFS1"}),
            ("  catalog local server ", {"SFS2"}),  # a catalog per member: IDENTITY (BKR202)
            ("  catalog shared server BKRSVSFS pool ", {"SFSP"}),
            ("  catalog shared server BKRSVSFS pool SFSP on VMSYS1 logon-wait 30 ", {"minutes", "seconds"}),
        ]:
            uri = _open(editor, tmp_path / "c.bkr", head + typed)
            assert _labels_at_end(editor, uri, head + typed) == offered, typed
    finally:
        editor.close()


def test_the_bkr013_quick_fix_is_offered_only_where_the_brace_is_surely_too_many(tmp_path):
    # lsp.md, Quick fixes: one `}` more than `{` gets *Remove the `}` that closed
    # `cluster PRODSSI` early*; a `}` alone, lined up with its block's first line,
    # above an indented statement after a blank line gets none: the line that
    # opened a block may have been deleted instead (BKR013's page).
    member = "  member VMSYS1 { workers 4 }"
    tail = "\n  job APPSFULL { backup APPS full }\n}\n"
    shapes = [
        (f"cluster PRODSSI {{\n{member} }}{tail}", ["Remove the `}` that closed `cluster PRODSSI` early"]),
        (f"cluster PRODSSI {{\n{member}\n}}\n{tail}", []),
    ]
    editor = _session(tmp_path)
    try:
        for text, titles in shapes:
            uri = _open(editor, tmp_path / "b.bkr", "single group APPS { CICSPRD }\n" + text)
            (shown,) = editor.published(uri)
            assert shown["code"] == "BKR013"
            context = {"diagnostics": [shown]}
            params = {"textDocument": {"uri": uri}, "range": shown["range"], "context": context}
            answer = editor.request("textDocument/codeAction", params)["result"]
            assert [a["title"] for a in answer] == titles, text
            assert all(a["isPreferred"] and a["kind"] == "quickfix" for a in answer)
    finally:
        editor.close()


def test_a_group_declared_without_its_kind_is_offered_each_kind_not_preferred(tmp_path):
    # lsp.md, Quick fixes: `group APPS { U9 }` (BKR004, its help "write `identity group
    # APPS { ... }` or `single group APPS { ... }`") had no code action: a choice, which
    # no fix of bkrc makes. Now one for each kind, neither preferred, so that *Auto Fix*
    # applies neither; each inserts its kind before `group`, at the buffer's version.
    editor = _session(tmp_path)
    try:
        text = CLUSTER + "  group APPS { U9 }\n}\n"
        uri = _open(editor, tmp_path / "c.bkr", text)
        (shown,) = [d for d in editor.published(uri) if d["code"] == "BKR004"]
        assert shown["message"].startswith("expected `identity` or `single` before `group`")
        params = {"textDocument": {"uri": uri}, "range": shown["range"], "context": {"diagnostics": [shown]}}
        answer = editor.request("textDocument/codeAction", params)["result"]
        line = text.count("\n", 0, text.index("group APPS"))
        at = {"start": {"line": line, "character": 2}, "end": {"line": line, "character": 2}}
        assert [(a["title"], a["isPreferred"], a["kind"]) for a in answer] == [
            ("Insert `identity`", False, "quickfix"),
            ("Insert `single`", False, "quickfix"),
        ]
        for action, kind in zip(answer, ("identity", "single")):
            (change,) = action["edit"].get("documentChanges", [None])
            edits = change["edits"] if change is not None else action["edit"]["changes"][uri]
            assert edits == [{"range": at, "newText": f"{kind} "}]
        assert editor.errors == []
    finally:
        editor.close()


@pytest.mark.parametrize(
    "setting,seconds",
    [(None, 0.25), (0, 0.0), (10_000, 10.0), (10_001, 0.25), (-1, 0.25), ("500", 0.25)],
    ids=["default", "0", "10000", "10001", "negative", "text"],
)
def test_the_debounce_setting_takes_milliseconds_from_0_to_10000(tmp_path, setting, seconds):
    # lsp.md's table: `debounce_ms`, default 250; 0 to 10,000, another value passed over.
    editor = _session(tmp_path, options={} if setting is None else {"debounce_ms": setting})
    try:
        assert editor.server.debounce == seconds
    finally:
        editor.close()


def _range_named(text: str) -> tuple[int, int]:
    low, high = re.search(r"\(BKR(5\d\d)-BKR(5\d\d)[,)]", text).groups()
    return int(low), int(high)


def test_the_directory_setting_names_every_code_it_brings():
    # The `directory` row of lsp.md's table and VS Code's bkr.server.directory say
    # which codes the setting brings, as a range: it said BKR501-BKR520 when
    # BKR521-BKR524, BKR528 and BKR529 had come.
    from bkrdsl.diagnostics.registry import load_all

    brought = sorted(int(code[3:]) for code in load_all() if code.startswith("BKR5"))
    row = next(line for line in LSP_MD.splitlines() if line.startswith("| `directory` |"))
    manifest = json.loads((ROOT / "editors" / "vscode" / "package.json").read_text(encoding="utf-8"))
    setting = manifest["contributes"]["configuration"]["properties"]["bkr.server.directory"]
    for said in (row, setting["markdownDescription"]):
        assert _range_named(said) == (brought[0], brought[-1]), said


def test_folding_keeps_to_the_client_s_range_limit(tmp_path):
    # lsp.md, Folding: the client's `rangeLimit` is respected: the first folds of
    # the file, in its order, and no more.
    text = (ROOT / "examples" / "prodssi.bkr").read_text(encoding="utf-8")

    def folds(limit: int | None) -> list[tuple[int, int, str | None]]:
        folding = {} if limit is None else {"rangeLimit": limit}
        editor = _session(tmp_path, capabilities={"textDocument": {"foldingRange": folding}})
        try:
            uri = _open(editor, tmp_path / "prodssi.bkr", text)
            answer = editor.request("textDocument/foldingRange", {"textDocument": {"uri": uri}})["result"]
            return [(f["startLine"], f["endLine"], f.get("kind")) for f in answer]
        finally:
            editor.close()

    every = folds(None)
    assert every[:3] == [(0, 1, "comment"), (2, 3, "imports"), (5, 92, None)] and len(every) == 13
    assert folds(3) == every[:3]


def test_a_module_outside_the_workspace_is_renamed_in_the_workspace_s_files_that_import_it(tmp_path):
    # lsp.md, Rename and *The workspace's files*: a module found through the
    # `include` setting, outside the workspace folder, open in the editor: its
    # references and its rename reach the cluster of the workspace, not open, that
    # imports it (at version null: a file the editor has not opened); workspace
    # symbols list its group once, at its declaration.
    workspace, lib = tmp_path / "ws", tmp_path / "lib"
    workspace.mkdir()
    lib.mkdir()
    (lib / "site.bkr").write_text("single group WEB { HTTPD }\n", encoding="utf-8")
    cluster = workspace / "c.bkr"
    cluster.write_text(
        "import site\ncluster C {\n  member M1 { workers 1 }\n"
        "  job J { backup WEB full include minidisk * 0191 to tape run on M1 daily 01:00 }\n}\n",
        encoding="utf-8",
    )
    editor = Editor()
    try:
        capabilities = {"workspace": {"workspaceEdit": {"documentChanges": True}}}
        options = {"include": [str(lib)], "debounce_ms": 0}
        params = {"processId": None, "rootUri": workspace.as_uri(), "capabilities": capabilities,
                  "initializationOptions": options}
        assert "result" in editor.request("initialize", params)
        editor.notify("initialized", {})
        uri = _open(editor, lib / "site.bkr", "single group WEB { HTTPD }\n")
        at = {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 14}}
        places = {(cluster.as_uri(), 3, 17), (uri, 0, 13)}
        found = editor.request("textDocument/references", {**at, "context": {"includeDeclaration": True}})["result"]
        assert {(p["uri"], p["range"]["start"]["line"], p["range"]["start"]["character"]) for p in found} == places
        edit = editor.request("textDocument/rename", {**at, "newName": "www"})["result"]
        changed = {(c["textDocument"]["uri"], c["textDocument"]["version"]): c["edits"] for c in edit["documentChanges"]}
        assert set(changed) == {(uri, 1), (cluster.as_uri(), None)}
        assert {e["newText"] for edits in changed.values() for e in edits} == {"WWW"}
        symbols = editor.request("workspace/symbol", {"query": "WEB"})["result"]
        assert [(s["name"], s["location"]["uri"]) for s in symbols] == [("WEB", uri)]
        assert editor.errors == []
    finally:
        editor.close()


def _said(words: str) -> str:
    """`words` as lsp.md writes them, its lines joined as one text."""
    flat = " ".join(LSP_MD.split())
    assert words in flat, words
    return words


def test_the_figures_the_page_gives_are_the_server_s():
    # The numbers lsp.md states, each the constant the server runs with.
    from bkrdsl.lsp import collector, features, server, workspace
    from bkrdsl.resolve import loader
    from bkrdsl.syntax import reader

    _said("re-checked 250 ms after the last keystroke")
    assert server.DEFAULT_DEBOUNCE == 0.25
    _said("each file's first 100 errors are published")
    assert server.MAX_PUBLISHED_ERRORS == 100
    _said("leave a file over 10,000,000 bytes alone (BKR020")
    assert reader.MAX_FILE_SIZE == 10_000_000
    _said("In a file of more than 100,000 words and signs after its first syntax error")
    assert reader.MAX_READ_AFTER_ERROR == 100_000
    _said("At most 200 items come in one answer")
    assert features.MAX_COMPLETION_ITEMS == 200
    _said("it takes at most 2,000 files (`max_workspace_files`)")
    _said("and enters at most 20,000 folders")
    assert (workspace.MAX_FILES, workspace.MAX_FOLDERS) == (2000, 20_000)
    _said("for a file changed less than 2 seconds before it was read, in its content too")
    assert workspace.RACY_NS == 2_000_000_000
    _said("past 2 MB of module text")
    _said("or 256 modules")
    parsed = loader.ParsedModules()
    assert (parsed.max_bytes, parsed.max_entries) == (2_000_000, 256)
    _said("once no message has come for a second")
    _said("the message that finds a million objects allocated")
    assert (collector.IDLE, collector.CEILING) == (1.0, 1_000_000)


#: A new cluster as typed, before its `disk` statements: the product's machines
#: get no A-disk (BKR253, each fixed by adding its `disk`), and one `disk` names
#: a machine misspelt (BKR332, fixed by its "did you mean").
UNFIXED = (
    "import std/backup-manager\n"
    "cluster C {\n"
    "  member VMSYS1 { workers 1  private-volume M1PRV1 }\n"
    "  member VMSYS2 { workers 1  private-volume M2PRV1 }\n"
    "  shared-volume SHR001\n"
    "  disk BKRBKP 191 size 10 cyl\n"
    "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n"
    "  single group G { U1 U2 }\n"
    "  job J { backup G full include minidisk * 0191 to disk pool P run on VMSYS1 daily 01:00 }\n"
    "}\n"
)


def _actions(editor: Editor, uri: str, only: list[str] | None) -> list[dict]:
    context = {"diagnostics": [d for d in editor.published(uri) if d["code"] == "BKR332"]}
    if only is not None:
        context["only"] = only
    where = {"start": {"line": 5, "character": 7}, "end": {"line": 5, "character": 7}}  # on `BKRBKP`
    params = {"textDocument": {"uri": uri}, "range": where, "context": context}
    return editor.request("textDocument/codeAction", params)["result"]


def _fix_titles(editor: Editor, uri: str, start: tuple[int, int], end: tuple[int, int], shown=(), only=None):
    context = {"diagnostics": list(shown)}
    if only is not None:
        context["only"] = only
    where = {"start": {"line": start[0], "character": start[1]}, "end": {"line": end[0], "character": end[1]}}
    answer = editor.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": where, "context": context})
    # (the warnings' *Allow BKRnnn on this line*, stop 75, left out: its own test below)
    return [(a["kind"], a["title"]) for a in answer["result"] if not a["title"].startswith("Allow ")]


def test_quick_fixes_are_those_of_the_range_or_of_the_diagnostics_the_client_shows(tmp_path):
    # lsp.md, Quick fixes: a line selected whole (to the start of the next line)
    # is offered its own mistakes' fixes, not the next line's; a cursor away from
    # every mistake, the fixes of the diagnostics the request's context names
    # (Neovim sends the cursor line's); the fix-all action stays whole-file.
    job = "  job K { backup GG full to disk pool P run on VMSYS1 daily 01:00 }\n"
    text = UNFIXED.replace("  single group G { U1 U2 }\n", "  single group G { U1 U2 }\n" + job)
    editor = _session(tmp_path)
    try:
        uri = _open(editor, tmp_path / "c.bkr", text)
        published = editor.published(uri)
        (disk,) = [d for d in published if d["code"] == "BKR332"]  # line 5: `disk BKRBKP 191`
        (group,) = [d for d in published if d["code"] == "BKR331"]  # line 8: `backup GG`
        assert (disk["range"]["start"]["line"], group["range"]["start"]["line"]) == (5, 8)
        replace_disk, replace_group = ("quickfix", "Replace with `BKRBKUP`"), ("quickfix", "Replace with `G`")
        assert _fix_titles(editor, uri, (4, 0), (5, 0)) == []  # the line above the slip, whole
        assert _fix_titles(editor, uri, (5, 0), (6, 0)) == [replace_disk]
        assert _fix_titles(editor, uri, (7, 0), (8, 0)) == []
        assert _fix_titles(editor, uri, (8, 0), (9, 0)) == [replace_group]
        add_disk = ("quickfix", "Add `disk BKRSVSFS 191 size 20 cyl`")  # line 6's BKR253
        assert _fix_titles(editor, uri, (5, 0), (9, 0)) == [replace_disk, add_disk, replace_group]
        # The client shows the mistake of another line: its fix.
        assert _fix_titles(editor, uri, (0, 3), (0, 3), [group]) == [replace_group]
        assert _fix_titles(editor, uri, (0, 3), (0, 3)) == []
        # The range touches a mistake: that one's fix only, whatever else is shown.
        assert _fix_titles(editor, uri, (5, 8), (5, 8), [disk, group]) == [replace_disk]
        (fix_all,) = _fix_titles(editor, uri, (7, 0), (8, 0), only=["source.fixAll"])
        assert fix_all[0] == "source.fixAll" and "BKR331, BKR332" in fix_all[1]
        assert editor.errors == []
    finally:
        editor.close()


def test_fix_all_source_action_writes_what_bkrc_check_fix_writes(tmp_path):
    # lsp.md, Quick fixes: a new cluster shows six fixable problems, one quick fix
    # at a time; `source.fixAll` (VS Code's code actions on save, its Source
    # Action... menu) applies them all, as `bkrc check --fix` does, in one edit.
    from bkrdsl.fixes import fix_all
    from bkrdsl.pipeline import analyse

    path = tmp_path / "c.bkr"
    path.write_text(UNFIXED, encoding="utf-8")
    expected = fix_all(UNFIXED, str(path), lambda t: analyse(str(path), t.encode("utf-8"), path=path))
    assert [d.code for d in expected.applied].count("BKR253") == 5
    assert all(d.fix is None for d in expected.diagnostics)  # BKR401, BKR210: none to apply
    editor = _session(tmp_path)
    try:
        uri = _open(editor, path, UNFIXED)
        for only in (["source.fixAll"], ["source"]):
            actions = _actions(editor, uri, only)
            assert [a["kind"] for a in actions] == ["source.fixAll"], only
            assert actions[0]["title"] == f"Fix {len(expected.applied)} problems as `bkrc check --fix` does (BKR253, BKR332)"
            (change,) = actions[0]["edit"]["documentChanges"]
            (edit,) = change["edits"]
            assert edit["range"] == {"start": {"line": 0, "character": 0}, "end": {"line": 10, "character": 0}}
            assert edit["newText"] == expected.text
        # The lightbulb's request names no kind: its quick fixes, and no fix-all (it
        # checks the text round after round, too slow at each move of the cursor).
        assert {a["kind"] for a in _actions(editor, uri, None)} == {"quickfix"}
        quick = _actions(editor, uri, ["quickfix"])
        assert quick and all(a["kind"] == "quickfix" for a in quick)
        clean = _open(editor, tmp_path / "clean.bkr", expected.text)
        assert _actions(editor, clean, ["source.fixAll"]) == []  # nothing to fix: no action
        assert editor.errors == []
    finally:
        editor.close()


# stop 71, h13: `exclude` typed letter by letter below `include minidisk * *`
def _minimal_with_a_line_below_its_include() -> tuple[str, int]:
    """examples/minimal.bkr with an empty line (4 blanks) opened below `include minidisk * *`,
    and that line's number (0-based), where the tests type."""
    text = (ROOT / "examples" / "minimal.bkr").read_text(encoding="utf-8")
    anchor = "    include minidisk * *\n"
    at = text.index(anchor) + len(anchor)
    return text[:at] + "    \n" + text[at:], text.count("\n", 0, at)


@pytest.mark.parametrize("keyword", ["exclude", "description", "backup"])
def test_h13s71_a_keyword_typed_below_an_include_is_never_an_overlapping_address(tmp_path, keyword):
    # examples/minimal.bkr, a line opened below `include minidisk * *` and the keyword
    # typed there a keystroke at a time (didChange): its first letters (`e`, `de`,
    # `bac`) were read as one more address of the include, "`e` overlaps `*`, already
    # included" (BKR312). At every keystroke now: at most one diagnostic, never BKR312;
    # until the keyword is whole, on the word being typed.
    text, line = _minimal_with_a_line_below_its_include()
    editor = _session(tmp_path)
    try:
        uri = _open(editor, tmp_path / "minimal.bkr", text)
        assert editor.published(uri) == []
        for n, letter in enumerate(keyword):
            change = {"range": {"start": {"line": line, "character": 4 + n}, "end": {"line": line, "character": 4 + n}}, "text": letter}
            params = {"textDocument": {"uri": uri, "version": n + 2}, "contentChanges": [change]}
            editor.notify("textDocument/didChange", params)
            shown = editor.published(uri)
            assert len(shown) <= 1 and all(d["code"] != "BKR312" for d in shown), (keyword[: n + 1], shown)
            if n + 1 < len(keyword):  # (the keyword in full: its own diagnostics, as before)
                assert all(d["range"]["start"] == {"line": line, "character": 4} for d in shown), (keyword[: n + 1], shown)
        assert editor.errors == []
    finally:
        editor.close()


# stop 72, h2: a short word at a statement's start names the keyword it begins
def test_h2s72_a_letter_typed_below_an_include_is_told_the_keyword_it_begins(tmp_path):
    # examples/minimal.bkr, `e` typed on a line opened below `include minidisk * *`: the
    # one diagnostic (in the message the editor shows) names `exclude`.
    text, line = _minimal_with_a_line_below_its_include()
    editor = _session(tmp_path)
    try:
        uri = _open(editor, tmp_path / "minimal.bkr", text)
        change = {"range": {"start": {"line": line, "character": 4}, "end": {"line": line, "character": 4}}, "text": "e"}
        editor.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [change]})
        (shown,) = editor.published(uri)
        assert shown["code"] == "BKR012" and shown["range"]["start"] == {"line": line, "character": 4}
        # (the full patch: `e` is `exclude` begun, named as such, with what it needs)
        assert shown["message"].startswith("unknown keyword `e`; did you mean `exclude`?\nhelp: write `exclude` followed by ")
        assert editor.errors == []
    finally:
        editor.close()


@pytest.mark.parametrize(("clean", "typed", "keyword"), [
    ("    run on DEV1 daily 01:00", "    r on DEV1 daily 01:00", "run"),
    ("    backup GUESTS full", "    B GUESTS full", "backup"),
])
def test_h2s72_a_word_beginning_one_keyword_is_offered_the_keyword_as_a_quick_fix(tmp_path, clean, typed, keyword):
    # examples/minimal.bkr, a job's statement with its keyword begun (`r on DEV1 ...`):
    # one BKR012 that names the keyword, and the quick fix that writes it, after which
    # the buffer has no diagnostic.
    text = (ROOT / "examples" / "minimal.bkr").read_text(encoding="utf-8")
    written = text.replace(clean, typed, 1)
    line = written.count("\n", 0, written.index(typed))
    word = typed.split()[0]
    editor = _session(tmp_path)
    try:
        uri = _open(editor, tmp_path / "minimal.bkr", written)
        (shown,) = editor.published(uri)
        message = f"unknown keyword `{word}`; did you mean `{keyword}`?\nhelp: write `{keyword}`"
        assert (shown["code"], shown["message"]) == ("BKR012", message)
        params = {"textDocument": {"uri": uri}, "range": shown["range"], "context": {"diagnostics": [shown]}}
        (action,) = editor.request("textDocument/codeAction", params)["result"]
        assert (action["title"], action["kind"]) == (f"Write `{keyword}`", "quickfix")
        (change,) = action["edit"].get("documentChanges", [None])
        edits = change["edits"] if change is not None else action["edit"]["changes"][uri]
        at = {"start": {"line": line, "character": 4}, "end": {"line": line, "character": 4 + len(word)}}
        assert edits == [{"range": at, "newText": keyword}]
        change = {"range": at, "text": keyword}
        editor.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [change]})
        assert editor.published(uri) == []
        assert editor.errors == []
    finally:
        editor.close()


# stop 74, h10: `catalog-node` half typed after `tape manager shared` (`cat`): the
# language server shows the one BKR012 `bkrc check` gives (was BKR012 and BKR004). Its two
# choices are no quick fixes there: each leaves the option's name missing, an error the
# text did not have (`fixes.introduced`); `catalog-node` typed, the editor shows that alone.
@pytest.mark.parametrize("place", ["line", "below"])
def test_h10s74_the_option_begun_is_one_diagnostic_in_the_editor_too(tmp_path, place):
    base = (ROOT / "examples" / "prodssi.bkr").read_text(encoding="utf-8")
    tape = (
        "  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n"
        "                      catalog-dmm TCDMM request-dmm TRDMM\n"
    )
    typed = "  tape manager shared cat\n" if place == "line" else "  tape manager shared\n    cat\n"
    text = base.replace(tape, typed)
    editor = _session(tmp_path)
    try:
        uri = _open(editor, tmp_path / "prodssi.bkr", text)
        (shown,) = editor.published(uri)
        assert shown["code"] == "BKR012"
        params = {"textDocument": {"uri": uri}, "range": shown["range"], "context": {"diagnostics": [shown]}}
        assert editor.request("textDocument/codeAction", params)["result"] == []
        change = {"range": shown["range"], "text": "catalog-node"}
        editor.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [change]})
        assert [d["code"] for d in editor.published(uri)] == ["BKR010"]
        assert editor.errors == []
    finally:
        editor.close()


# stop 75, h1: `# bkrc: allow` in the editor: an allowed warning is not published, a
# warning is offered *Allow BKRnnn on this line*, which leaves the buffer clean, and an
# unused allow's warning is offered the fix that deletes it.
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


def _h1_75_edit(editor: Editor, uri: str, text: str, action: dict, version: int) -> str:
    (change,) = action["edit"].get("documentChanges", [None])
    edits = change["edits"] if change is not None else action["edit"]["changes"][uri]
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        start, end = edit["range"]["start"], edit["range"]["end"]
        offset = sum(len(x) + 1 for x in lines[: start["line"]]) + start["character"]
        last = sum(len(x) + 1 for x in lines[: end["line"]]) + end["character"]
        text = text[:offset] + edit["newText"] + text[last:]
        lines = text.split("\n")
    editor.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
    )
    return text


@pytest.mark.parametrize(
    "job,written",
    [
        ("  job SYSINC {\n", "  job SYSINC {   # bkrc: allow BKR227\n"),
        (
            "  job SYSINC {  # the site's own names, kept as its job templates have them\n",
            "  # bkrc: allow BKR227\n  job SYSINC {  # the site's own names, kept as its job templates have them\n",
        ),
    ],
    ids=["trailing", "above"],
)
def test_h1_75_a_warning_is_offered_an_allow_that_leaves_the_buffer_clean(tmp_path, job, written):
    editor = _session(tmp_path)
    try:
        text = H1_75_SHARED.replace("  job SYSINC {\n", job)
        uri = _open(editor, tmp_path / "site.bkr", text)
        (shown,) = editor.published(uri)
        assert shown["code"] == "BKR227"
        params = {"textDocument": {"uri": uri}, "range": shown["range"], "context": {"diagnostics": [shown]}}
        actions = editor.request("textDocument/codeAction", params)["result"]
        assert [a["title"] for a in actions] == ["Write `job SYSIN`", "Allow BKR227 on this line"]
        assert not actions[1].get("isPreferred")
        text = _h1_75_edit(editor, uri, text, actions[1], 2)
        assert text == H1_75_SHARED.replace("  job SYSINC {\n", written)
        assert editor.published(uri) == []
        # renamed: the allow silences nothing, and its warning's fix deletes it
        text = text.replace("SYSINC", "SYSIN")
        editor.notify(
            "textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": text}]}
        )
        (unused,) = editor.published(uri)
        assert unused["code"] == "BKR027"
        params = {"textDocument": {"uri": uri}, "range": unused["range"], "context": {"diagnostics": [unused]}}
        (action,) = editor.request("textDocument/codeAction", params)["result"]
        assert action["title"] == "Delete the unused allow"
        text = _h1_75_edit(editor, uri, text, action, 4)
        assert "bkrc:" not in text and editor.published(uri) == []
        assert editor.errors == []
    finally:
        editor.close()
