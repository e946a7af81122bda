"""When `bkrc lsp` collects garbage: between requests, not in them
(bkrdsl/lsp/collector.py, docs/lsp.md "Where the garbage collector runs").

The policy's effects are observed, never its times: garbage in a reference
cycle outlives the requests (no collection runs in them), is freed once the
server has been idle, and is freed without any idle moment once enough has been
allocated (the ceiling); garbage frozen before it became garbage is found by
the full collection; and the answers are the ones the server gives without it.
The server runs in this process (tests/lsp_inprocess.py), and each test puts
the collector back as it was (`Collector.stop`), whatever happens.
"""

from __future__ import annotations

import asyncio
import gc
import weakref

import pytest
from lsp_inprocess import Editor

from bkrdsl.lsp import server as server_module

MODULE = "single group APPS {\n  LINUX01 LINUX02\n}\n"
CLUSTER = (
    "import std/backup-manager\nimport ./common\n\ncluster DEV {\n"
    "  member DEV1 { workers 1  private-volume D1PRV1 }\n"
    "  job APPSFULL {\n    backup APPS full\n    include minidisk * *\n"
    "    to disk pool BKUPPOOL\n    run on DEV1 daily 02:00\n  }\n}\n"
)


class _Node:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def _garbage_cycle() -> weakref.ref:
    return weakref.ref(_Node())


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / "common.bkr").write_text(MODULE)
    (tmp_path / "dev.bkr").write_text(CLUSTER)
    return tmp_path


@pytest.fixture
def editor():
    enabled = gc.isenabled()
    editor = Editor()
    try:
        yield editor
    finally:
        editor.server.collector.stop()
        editor.close()
        assert gc.isenabled() == enabled  # stop puts the collector back as it was
        assert gc.get_freeze_count() == 0


def _session(editor: Editor, folder, version: int = 2) -> dict:
    """Open the module, change it, and ask what a user asks: the answers, for comparing."""
    uri = (folder / "common.bkr").as_uri()
    document = {"uri": uri, "languageId": "bkr", "version": 1, "text": MODULE}
    editor.notify("textDocument/didOpen", {"textDocument": document})
    changed = MODULE + "# edited\n"
    editor.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": changed}]},
    )
    where = {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 14}}
    rename = editor.request("textDocument/rename", {**where, "newName": "WEBAPPS"})
    references = editor.request("textDocument/references", {**where, "context": {"includeDeclaration": True}})
    symbols = editor.request("workspace/symbol", {"query": "APPS"})
    hover = editor.request("textDocument/hover", where)
    assert not editor.errors, editor.errors
    return {
        "diagnostics": editor.published(uri),
        "rename": rename["result"],
        "references": references["result"],
        "symbols": symbols["result"],
        "hover": hover["result"],
    }


def _idle(editor: Editor, seconds: float) -> None:
    """Let the server's event loop wait, as it does between an editor's messages."""
    editor.loop.run_until_complete(asyncio.sleep(seconds))


def test_garbage_in_a_cycle_is_freed_once_the_server_is_idle_and_not_in_a_request(editor, workspace):
    collector = editor.server.collector
    # Idle means no message for this long: far longer than the test takes
    # between two of its messages, which follow each other at once.
    collector.idle = 2.0
    collector.growth = 1000.0  # no full collection: the ordinary one is what is counted
    collector.start()
    editor.initialize(workspace)
    cycle = _garbage_cycle()
    answers = _session(editor, workspace)
    # A rename of a group its cluster backs up: both files edited, and the
    # server still sees the module's group.
    assert len(answers["rename"]["documentChanges"]) == 2
    assert answers["diagnostics"] == []
    assert len(answers["references"]) == 2
    assert cycle() is not None  # no collection fell in the requests
    before = collector.collections
    _idle(editor, 2.5)
    assert cycle() is None
    assert collector.collections == before + 1  # one collection, not one per message


def test_requests_that_never_stop_still_collect_past_the_ceiling(editor, workspace):
    collector = editor.server.collector
    collector.idle = 3600  # never idle in this test
    collector.ceiling = 100
    collector.start()
    editor.initialize(workspace)
    cycle = _garbage_cycle()
    _session(editor, workspace)  # keeps far more than 100 new objects
    uri = (workspace / "common.bkr").as_uri()
    where = {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 14}}
    editor.request("textDocument/hover", where)
    assert cycle() is None
    assert collector.collections > 1  # the one at start-up, and the ceiling's


def test_garbage_frozen_before_it_became_garbage_is_found_by_a_full_collection(editor, workspace):
    # An object still in use when a collection froze it, dropped later: an
    # ordinary collection never walks the frozen objects; the full one, which
    # comes once they have grown by a quarter since the last (here: at all),
    # does.
    collector = editor.server.collector
    collector.idle = 2.0
    collector.growth = 0.0
    kept = [_Node()]
    cycle = weakref.ref(kept[0])
    collector.start()  # freezes what is alive, the node too
    editor.initialize(workspace)
    del kept[:]
    full = collector.full_collections
    _session(editor, workspace)
    assert cycle() is not None
    _idle(editor, 2.5)
    assert cycle() is None
    assert collector.full_collections == full + 1


def test_the_answers_are_the_same_with_the_policy_and_without_it(workspace):
    without = Editor()
    try:
        without.initialize(workspace)
        expected = _session(without, workspace)
    finally:
        without.close()
    editor = Editor()
    try:
        editor.server.collector.ceiling = 1_000  # a collection at nearly every message
        editor.server.collector.start()
        editor.initialize(workspace)
        assert _session(editor, workspace) == expected
    finally:
        editor.server.collector.stop()
        editor.close()


def test_bkrc_lsp_serves_with_the_policy_and_puts_the_collector_back(monkeypatch):
    seen = {}

    def start_io(self, stdin=None, stdout=None):
        seen["collector running"] = self.collector.running
        seen["automatic collection"] = gc.isenabled()
        seen["frozen"] = gc.get_freeze_count()

    monkeypatch.setattr(server_module.BkrServer, "start_io", start_io)
    monkeypatch.setattr(server_module, "_log_in_one_line", lambda: None)
    enabled = gc.isenabled()
    with pytest.raises(SystemExit):
        server_module.serve()
    assert seen["collector running"] and not seen["automatic collection"] and seen["frozen"] > 0
    assert gc.isenabled() == enabled and gc.get_freeze_count() == 0

