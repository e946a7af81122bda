"""`bkrc lsp` for clients that are not VS Code: each declares its own capabilities
(LSP 3.17, `ClientCapabilities`), and the server answers within them.

The capability sets are those of Emacs's eglot, Neovim, vim-lsp and Helix where
they differ from VS Code's: no Markdown in hovers (eglot without markdown-mode),
no `relatedInformation` and no completion item kinds past Reference (eglot), no
CodeAction literals (older clients), the position encodings each offers (eglot
`utf-32` first, Neovim and Helix `utf-8` first), no workspace folders. The server
runs in this process and is spoken to in framed JSON-RPC (tests/lsp_inprocess.py).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lsp_inprocess import Editor

from bkrdsl.lsp.features import as_written, plain_text

#: A job's description and the cluster's `##` comment hold what Markdown reads as
#: marks; a line holds `é` and an emoji (one UTF-16 unit and two, two UTF-8 bytes
#: and four) before the names and the mistake after them.
DESCRIPTION = "é 😀 *all* of `it` [x](y) <i> & 1. _done_"
TEXT = (
    "import std/backup-manager\n"
    "\n"
    "## The *test* cluster: `DEV` <b>x</b> [site](http://x)\n"
    "cluster DEV {\n"
    f'  description "{DESCRIPTION}"\n'
    "  member DEV1 { workers 1  private-volume D1PRV1 }\n"
    '  job PAY { description "é 😀" backup WEB full  include minidisk * *  to disk pool P  run on DEV1 daily 21:00 }\n'
    "}\n"
    "single group WEB { HTTPD }\n"
    "single group WEB { HTTPE }\n"
    "# é 😀"
)
LINES = TEXT.split("\n")
JOB_LINE = 6


def _units(text: str, encoding: str) -> int:
    """The length of `text` in an encoding's code units."""
    if encoding == "utf-32":
        return len(text)
    return len(text.encode(encoding.replace("utf-16", "utf-16-le"))) // (2 if encoding == "utf-16" else 1)


def _session(tmp_path, capabilities: dict, root: bool = True) -> tuple[Editor, str, dict]:
    editor = Editor()
    params = {
        "processId": None,
        "rootUri": tmp_path.as_uri() if root else None,
        "capabilities": capabilities,
        "initializationOptions": {"debounce_ms": 0},
    }
    answer = editor.request("initialize", params)
    editor.notify("initialized", {})
    uri = (tmp_path / "dev.bkr").as_uri()
    editor.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "bkr", "version": 1, "text": TEXT}},
    )
    return editor, uri, answer["result"]["capabilities"]


def _hover(tmp_path, capabilities: dict, line: int, word: str) -> dict:
    editor, uri, _ = _session(tmp_path, capabilities)
    try:
        where = {"line": line, "character": LINES[line].index(word) + 1}  # ASCII before it
        return editor.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": where})[
            "result"
        ]
    finally:
        editor.close()


def _hover_caps(formats: list[str] | None) -> dict:
    return {"textDocument": {"hover": {} if formats is None else {"contentFormat": formats}}}


@pytest.mark.parametrize(
    "formats", [None, ["plaintext"], ["plaintext", "markdown"]], ids=["none", "plaintext", "plaintext-first"]
)
def test_a_hover_is_plain_text_for_a_client_that_does_not_ask_for_markdown(tmp_path, formats):
    # LSP: `contentFormat` lists the formats the client takes, its preferred first.
    # Every hover was Markdown: such a client showed `**DEV**` and the backticks.
    hover = _hover(tmp_path, _hover_caps(formats), 3, "DEV")
    assert hover["contents"]["kind"] == "plaintext"
    value = hover["contents"]["value"]
    assert value.startswith("DEV: SSI cluster of DEV1\n"), value
    assert DESCRIPTION in value.split("\n")  # as written, no escapes
    assert "The *test* cluster: `DEV` <b>x</b> [site](http://x)" in value.split("\n")


def test_a_job_s_table_of_names_is_aligned_plain_text(tmp_path):
    hover = _hover(tmp_path, _hover_caps(["plaintext"]), JOB_LINE, "PAY")
    lines = hover["contents"]["value"].split("\n")
    assert lines[0].startswith("PAY: full backup of single-configuration users")
    assert "member  job name" in lines
    assert any(line.startswith("DEV1    ") and "`" not in line for line in lines), lines
    assert "|" not in hover["contents"]["value"]


@pytest.mark.parametrize("formats", [["markdown"], ["markdown", "plaintext"]])
def test_the_user_s_text_is_shown_as_written_in_markdown(tmp_path, formats):
    # A description or a `##` comment went into the Markdown unescaped: `*all*` in
    # italics, `it` as code, [x](y) a link, <i> an HTML tag that hid the rest.
    hover = _hover(tmp_path, _hover_caps(formats), 3, "DEV")
    assert hover["contents"]["kind"] == "markdown"
    value = hover["contents"]["value"]
    assert value.startswith("**DEV**: SSI cluster")
    assert as_written(DESCRIPTION) in value.split("\n")
    assert "é 😀 \\*all\\* of \\`it\\` \\[x\\](y) \\<i\\> \\& 1. \\_done\\_" in value.split("\n")
    assert "The \\*test\\* cluster: \\`DEV\\` \\<b\\>x\\</b\\> \\[site\\](http://x)" in value.split("\n")
    assert plain_text(value).split("\n")[2] == DESCRIPTION


def _unescaped(line: str) -> str:
    """The signs of a Markdown line no backslash escapes."""
    out, n = [], 0
    while n < len(line):
        if line[n] == "\\" and n + 1 < len(line):
            n += 2
            continue
        out.append(line[n])
        n += 1
    return "".join(out)


@given(st.text(st.characters(blacklist_categories=["Cs"]), max_size=40))
def test_the_user_s_text_is_escaped_and_read_back_as_written(text):
    # Markdown marks nothing in it, and the plain text is the text (each line's
    # blanks at either end dropped: four before it would start a code block).
    written = as_written(text)
    assert plain_text(written) == "\n".join(line.strip() for line in text.split("\n"))
    for line in written.split("\n"):
        assert not set(_unescaped(line)) & set("`*_[]<>&|~"), written
        assert not re.match(r"[#=+-]|[0-9]+[.)]", line), written


#: BKR321's help for the session's group `WEB`, declared twice.
WEB_TWICE_HELP = (
    "merge them: write `single group WEB { HTTPD HTTPE }` for `single group WEB { HTTPD }` (line 9), and delete"
    " `single group WEB { HTTPE }` (line 10);\nor, for two groups, rename the second: write `single group WEBG"
    " { HTTPE }` for `single group WEB { HTTPE }` (line 10) and `backup WEB, WEBG full` for `backup WEB full`"
    " (line 7)"
)


def _related_caps(related: bool) -> dict:
    return {"textDocument": {"publishDiagnostics": {"relatedInformation": related}}}


@pytest.mark.parametrize("related", [False, None])
def test_the_other_places_of_a_diagnostic_are_in_its_message_for_a_client_without_related_information(
    tmp_path, related
):
    # Emacs's eglot declares relatedInformation false: the places were sent where it
    # does not look ("first declared here" was lost).
    caps = _related_caps(related) if related is not None else {}
    editor, uri, _ = _session(tmp_path, caps)
    try:
        (twice,) = [d for d in editor.published(uri) if d["code"] == "BKR321"]
        assert "relatedInformation" not in twice
        assert twice["message"] == (
            f"group `WEB` is declared twice\nhelp: {WEB_TWICE_HELP}\nline 9: first declared here"
        )
    finally:
        editor.close()


def test_a_client_with_related_information_gets_the_places_apart(tmp_path):
    editor, uri, _ = _session(tmp_path, _related_caps(True))
    try:
        (twice,) = [d for d in editor.published(uri) if d["code"] == "BKR321"]
        assert twice["message"] == f"group `WEB` is declared twice\nhelp: {WEB_TWICE_HELP}"
        (first,) = twice["relatedInformation"]
        assert first["message"] == "first declared here" and first["location"]["range"]["start"]["line"] == 8
    finally:
        editor.close()


def _completion(tmp_path, capabilities: dict, line: int, before: str) -> list[dict]:
    editor, uri, _ = _session(tmp_path, capabilities)
    try:
        text = TEXT.replace("run on DEV1 daily 21:00", "run on DEV1 weekly ")
        editor.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]},
        )
        at = {"line": line, "character": _units(text.split("\n")[line].split(before)[0] + before, "utf-16")}
        answer = editor.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": at})
        return answer["result"]["items"]
    finally:
        editor.close()


def test_completion_sends_only_item_kinds_the_client_knows(tmp_path):
    # LSP: a client that declares no completionItemKind.valueSet (eglot) knows
    # Text (1) to Reference (18); a day after `weekly` was sent as EnumMember (20).
    days = _completion(tmp_path, {}, JOB_LINE, "weekly ")
    assert {d["label"] for d in days} >= {"mon", "sun"}
    assert {d["kind"] for d in days if d["label"] == "mon"} == {12}  # Value
    assert all(1 <= d["kind"] <= 18 for d in days)
    assert all(d.get("insertTextFormat", 1) == 1 for d in days)  # no snippets: none declared
    every = {"textDocument": {"completion": {"completionItemKind": {"valueSet": list(range(1, 26))}}}}
    days = _completion(tmp_path, every, JOB_LINE, "weekly ")
    assert {d["kind"] for d in days if d["label"] == "mon"} == {20}  # EnumMember


LITERALS = {
    "textDocument": {"codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": []}}}}
}


@pytest.mark.parametrize("literals", [True, False])
def test_quick_fixes_go_only_to_a_client_that_takes_code_action_literals(tmp_path, literals):
    # LSP: a client without codeActionLiteralSupport takes Command[] only, and
    # CodeActionOptions only from a client with it. It was sent both.
    editor, uri, capabilities = _session(
        tmp_path, LITERALS if literals else {"textDocument": {"codeAction": {}}}
    )
    try:
        # BKR253: the backup server gets no 191 minidisk; the fix adds its `disk`.
        fixed = [d for d in editor.published(uri) if d["code"] == "BKR253"][:1]
        params = {"textDocument": {"uri": uri}, "range": fixed[0]["range"], "context": {"diagnostics": fixed}}
        actions = editor.request("textDocument/codeAction", params)["result"]
        if literals:
            assert capabilities["codeActionProvider"] == {"codeActionKinds": ["quickfix", "source.fixAll"]}
            assert actions and all(a["kind"] == "quickfix" and "edit" in a for a in actions)
        else:
            assert "codeActionProvider" not in capabilities
            assert actions == []
    finally:
        editor.close()


def _at(line: int, column: int, encoding: str) -> dict:
    """An LSP position at a code point's column of TEXT, in the encoding's units."""
    return {"line": line, "character": _units(LINES[line][:column], encoding)}


def _column(position: dict, encoding: str) -> tuple[int, int]:
    """The (line, code point column) an LSP position in the encoding's units names."""
    line = LINES[position["line"]]
    for column in range(len(line) + 1):
        if _units(line[:column], encoding) == position["character"]:
            return position["line"], column
    raise AssertionError(f"{position} falls inside a character of {line!r} in {encoding}")


@pytest.mark.parametrize(
    ("offered", "chosen"),
    [
        (None, "utf-16"),
        (["utf-16"], "utf-16"),
        (["utf-8", "utf-16", "utf-32"], "utf-8"),  # Neovim 0.11, Helix
        (["utf-32", "utf-8", "utf-16"], "utf-32"),  # Emacs's eglot
        (["x-unknown"], "utf-16"),  # LSP: UTF-16 is mandatory
    ],
)
def test_the_position_encoding_is_the_first_the_client_offers(tmp_path, offered, chosen):
    caps = {"general": {"positionEncodings": offered}} if offered is not None else {}
    editor, _, capabilities = _session(tmp_path, caps)
    editor.close()
    assert capabilities.get("positionEncoding", "utf-16") == chosen


def _everywhere(tmp_path, encoding: str) -> dict:
    """What the server sends of TEXT's places, in (line, code point column) pairs,
    for a client that counts in `encoding`; the places asked at are in its units too."""
    caps = {
        "general": {"positionEncodings": [encoding]},
        "textDocument": {
            "hover": {"contentFormat": ["plaintext"]},
            "publishDiagnostics": {"relatedInformation": True},
            "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
        },
    }
    editor, uri, _ = _session(tmp_path, caps)
    try:
        doc = {"textDocument": {"uri": uri}}
        dev1 = _at(JOB_LINE, LINES[JOB_LINE].index("DEV1") + 2, encoding)  # inside the name
        web = _at(JOB_LINE, LINES[JOB_LINE].index("WEB") + 1, encoding)
        places = lambda r: (_column(r["start"], encoding), _column(r["end"], encoding))
        out = {}
        out["diagnostics"] = sorted(places(d["range"]) for d in editor.published(uri))
        out["hover"] = places(
            editor.request("textDocument/hover", {**doc, "position": dev1})["result"]["range"]
        )
        rename = editor.request("textDocument/rename", {**doc, "position": dev1, "newName": "DEV9"})["result"]
        edits = (
            next(iter(rename["changes"].values()))
            if "changes" in rename
            else rename["documentChanges"][0]["edits"]
        )
        out["rename"] = sorted(places(e["range"]) for e in edits)
        highlights = editor.request("textDocument/documentHighlight", {**doc, "position": web})["result"]
        out["highlight"] = sorted(places(h["range"]) for h in highlights)
        definition = editor.request("textDocument/definition", {**doc, "position": web})["result"]
        out["definition"] = sorted(places(d["range"]) for d in definition)
        prepared = editor.request("textDocument/prepareRename", {**doc, "position": dev1})["result"]
        out["prepare"] = places(prepared["range"])
        formatting = editor.request(
            "textDocument/formatting", {**doc, "options": {"tabSize": 2, "insertSpaces": True}}
        )["result"]
        out["formatting"] = [places(e["range"]) for e in formatting]
        symbols = editor.request("textDocument/documentSymbol", doc)["result"]
        out["symbols"] = sorted(
            places(c["selectionRange"]) for s in symbols for c in [s, *(s.get("children") or [])]
        )
        # Semantic tokens: each token's line and start relative to the one before.
        data = editor.request("textDocument/semanticTokens/full", doc)["result"]["data"]
        tokens, line, start = [], 0, 0
        for n in range(0, len(data), 5):
            line, start = line + data[n], (start if data[n] == 0 else 0) + data[n + 1]
            end = {"line": line, "character": start + data[n + 2]}
            tokens.append(places({"start": {"line": line, "character": start}, "end": end}))
        out["semantic"] = tokens
        # A word being typed after the non-ASCII: the completion's edit replaces it.
        typed = TEXT.replace("run on DEV1", "run on DE")
        editor.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": typed}]},
        )
        column = typed.split("\n")[JOB_LINE].index("DE") + 2
        at = {"line": JOB_LINE, "character": _units(typed.split("\n")[JOB_LINE][:column], encoding)}
        items = editor.request("textDocument/completion", {**doc, "position": at})["result"]["items"]
        (dev1_item,) = [i for i in items if i["label"] == "DEV1"]
        out["completion"] = places(dev1_item["textEdit"]["range"])
        assert editor.errors == []
        return out
    finally:
        editor.close()


def test_every_place_sent_counts_in_the_encoding_the_server_chose(tmp_path):
    # The same places, whatever the encoding, once each is read back in its own
    # units; and the units differ on the line with `é` and the emoji.
    seen = {encoding: _everywhere(tmp_path, encoding) for encoding in ("utf-16", "utf-8", "utf-32")}
    assert seen["utf-8"] == seen["utf-16"] == seen["utf-32"]
    places = seen["utf-16"]
    line = LINES[JOB_LINE]
    name = line.index("DEV1")
    assert places["hover"] == places["prepare"] == ((JOB_LINE, name), (JOB_LINE, name + 4))
    assert ((JOB_LINE, name), (JOB_LINE, name + 4)) in places["rename"]
    assert places["completion"] == ((JOB_LINE, name), (JOB_LINE, name + 2))
    assert ((JOB_LINE, line.index("WEB")), (JOB_LINE, line.index("WEB") + 3)) in places["highlight"]
    string = line.index('"é')
    assert [t for t in places["semantic"] if t[0][0] == JOB_LINE][3:6] == [
        ((JOB_LINE, string), (JOB_LINE, line.index('😀"') + 2)),  # "é 😀", then after it:
        ((JOB_LINE, line.index("backup")), (JOB_LINE, line.index("backup") + 6)),
        ((JOB_LINE, line.index("WEB")), (JOB_LINE, line.index("WEB") + 3)),
    ]
    # Format Document: edits of whole lines (a line's start, or the text's end)
    ends = {(len(LINES) - 1, len(LINES[-1]))}
    assert places["formatting"]
    assert all(start[1] == 0 and (end[1] == 0 or end in ends) for start, end in places["formatting"])
    assert _at(JOB_LINE, name, "utf-8") != _at(JOB_LINE, name, "utf-16") != _at(JOB_LINE, name, "utf-32")


def test_a_client_that_names_no_workspace_folder_renames_in_its_open_files(tmp_path):
    # No workspaceFolders and no rootUri (a file opened alone, eglot outside a
    # project): rename, references and workspace symbols work on the open files.
    editor, uri, _ = _session(tmp_path, {}, root=False)
    try:
        where = {"line": JOB_LINE, "character": LINES[JOB_LINE].index("DEV1") + 1}
        rename = editor.request(
            "textDocument/rename", {"textDocument": {"uri": uri}, "position": where, "newName": "D9"}
        )
        assert len(rename["result"]["changes"][uri]) == 2, rename
        symbols = editor.request("workspace/symbol", {"query": "DEV1"})["result"]
        assert [s["location"]["uri"] for s in symbols] == [uri]
        assert editor.errors == []
    finally:
        editor.close()


def test_values_of_a_later_lsp_in_the_capabilities_are_passed_over(tmp_path):
    # LSP, "Enumerations": the using side "shouldn't fail on an enumeration value
    # it doesn't know". A format, kind or tag lsprotocol does not know made
    # `initialize` fail with InvalidParams: the client got no server at all.
    caps = {
        "textDocument": {
            "hover": {"contentFormat": ["html", "plaintext", "markdown"]},
            "completion": {
                "completionItemKind": {"valueSet": [12, 99]},
                "completionItem": {"tagSupport": {"valueSet": [1, 7]}, "documentationFormat": ["html"]},
            },
            "documentSymbol": {"symbolKind": {"valueSet": [2, 99]}, "tagSupport": {"valueSet": [9]}},
            "publishDiagnostics": {"tagSupport": {"valueSet": [1, 2, 3]}},
        },
        "workspace": {"workspaceEdit": {"resourceOperations": ["create", "move"], "failureHandling": "retry"}},
    }
    editor, uri, capabilities = _session(tmp_path, caps)
    try:
        assert capabilities["hoverProvider"]
        assert editor.published(uri)
        where = {"line": 3, "character": 9}
        hover = editor.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": where})
        assert hover["result"]["contents"]["kind"] == "plaintext"  # the first format it knows
        symbols = editor.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})["result"]
        assert symbols and {s["kind"] for s in symbols} == {2}  # Module: the one kind it declares that fits
        assert editor.errors == []
    finally:
        editor.close()
