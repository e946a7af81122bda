"""`bkrc lsp` as an editor's session meets it: odd URIs, messages that are not
JSON-RPC, a client that goes away, and how the server ends.

The in-process cases drive the server through tests/lsp_inprocess.py (pygls's
own message loop, framed JSON-RPC); those about the process itself (its exit
status, what it writes to standard error) run `bkrc lsp` as a subprocess.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from lsp_inprocess import Editor

SERVER = [sys.executable, "-m", "bkrdsl", "lsp"]
CLUSTER = "import std/backup-manager\n\ncluster DEV {\n  member DEV1 { workers 1  private-volume D1PRV1 }\n}\n"


def _open(editor: Editor, uri: str, text: str) -> None:
    editor.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "bkr", "version": 1, "text": text}}
    )


def test_a_file_uri_no_file_can_have_is_a_buffer_without_a_path(tmp_path):
    # `file:///...%00...` names no file (a path cannot hold a NUL): the buffer is
    # checked as an unsaved one is, and the other documents are not disturbed.
    # Every request used to fail with an internal error once it was open
    # (`Path.resolve` refuses a NUL), whatever document it was about.
    editor = Editor()
    try:
        editor.initialize(tmp_path)
        good = (tmp_path / "dev.bkr").as_uri()
        odd = (tmp_path / "odd.bkr").as_uri().replace("odd", "o%00dd")
        _open(editor, good, CLUSTER)
        _open(editor, odd, CLUSTER)
        assert editor.published(odd) is not None
        at = {"line": 3, "character": 10}
        for uri in (good, odd):
            hover = editor.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": at})
            assert "**DEV1**" in hover["result"]["contents"]["value"], hover
        symbols = editor.request("workspace/symbol", {"query": "DEV1"})
        assert {s["location"]["uri"] for s in symbols["result"]} == {good, odd}, symbols
        assert editor.errors == []
    finally:
        editor.close()
