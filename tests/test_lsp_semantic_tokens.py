"""Semantic tokens (`textDocument/semanticTokens/full`, `/full/delta` and `/range`):
the lexer's kinds as LSP's standard token types, sent as LSP encodes them (five
integers a token, line and start relative to the token before), and a delta as
the one edit of the integers sent before that gives them, spoken to as a client
does (tests/lsp_inprocess.py). The units of a line with non-ASCII characters
are held to each encoding in tests/test_lsp_clients.py.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import EXAMPLES, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from lsp_inprocess import Editor

from bkrdsl.keywords import KIND
from bkrdsl.lsp import semantic
from bkrdsl.lsp.document import VOLUME, analyse_document

#: A small file over several lines: a `##` comment, a group body, a member with
#: its volume and a size, a shared volume, a disk placed on it, a job.
SMALL = textwrap.dedent(
    """\
    ## Guests.
    single group LINUX { LNX01  match LNX* }
    cluster A {
      member M1 { private-volume P1 3390-9 }
      shared-volume VMCOM1
      disk BKRSVSFS 191 size 20 cyl on VMCOM1
      job J { include minidisk * 0100-0FFF  run on M1 daily 01:00 }  # nightly
    }
    """
)

#: The legend's indexes of the types, by name.
T = {name: n for n, name in enumerate(semantic.TOKEN_TYPES)}

#: SMALL's tokens: (line, column, text, type, modifiers), absolute.
SMALL_TOKENS = [
    (0, 0, "## Guests.", "comment", 1),
    (1, 0, "single", "keyword", 0),
    (1, 7, "group", "keyword", 0),
    (1, 13, "LINUX", "type", 0),
    (1, 21, "LNX01", "variable", 0),
    (1, 28, "match", "keyword", 0),
    (1, 34, "LNX*", "regexp", 0),
    (2, 0, "cluster", "keyword", 0),
    (2, 8, "A", "class", 0),
    (3, 2, "member", "keyword", 0),
    (3, 9, "M1", "struct", 0),
    (3, 14, "private-volume", "keyword", 0),
    (3, 29, "P1", "label", 0),
    (3, 32, "3390-9", "number", 0),
    (4, 2, "shared-volume", "keyword", 0),
    (4, 16, "VMCOM1", "label", 0),
    (5, 2, "disk", "keyword", 0),
    (5, 7, "BKRSVSFS", "variable", 0),
    (5, 16, "191", "number", 0),
    (5, 20, "size", "keyword", 0),
    (5, 25, "20", "number", 0),
    (5, 32, "on", "keyword", 0),
    (5, 35, "VMCOM1", "label", 0),
    (6, 2, "job", "keyword", 0),
    (6, 6, "J", "function", 0),
    (6, 10, "include", "keyword", 0),
    (6, 18, "minidisk", "keyword", 0),
    (6, 27, "*", "regexp", 0),
    (6, 29, "0100", "number", 0),
    (6, 33, "-", "operator", 0),
    (6, 34, "0FFF", "number", 0),
    (6, 40, "run", "keyword", 0),
    (6, 44, "on", "keyword", 0),
    (6, 47, "M1", "struct", 0),
    (6, 50, "daily", "keyword", 0),
    (6, 56, "01:00", "number", 0),
    (6, 65, "# nightly", "comment", 0),
]


def decoded(data: list[int]) -> list[tuple[int, int, int, int, int]]:
    """LSP's relative encoding read back: (line, column, length, type, modifiers)."""
    assert len(data) % 5 == 0
    out, line, column = [], 0, 0
    for n in range(0, len(data), 5):
        delta_line, delta_column, length, kind, modifiers = data[n : n + 5]
        line += delta_line
        column = column + delta_column if delta_line == 0 else delta_column
        out.append((line, column, length, kind, modifiers))
    return out


def named(text: str, data: list[int]) -> list[tuple[int, int, str, str, int]]:
    lines = text.split("\n")
    return [
        (line, column, lines[line][column : column + length], semantic.TOKEN_TYPES[kind], modifiers)
        for line, column, length, kind, modifiers in decoded(data)
    ]


@pytest.fixture
def editor(tmp_path):
    editor = Editor()
    answer = editor.request(
        "initialize",
        {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}, "initializationOptions": {"debounce_ms": 0}},
    )
    editor.notify("initialized", {})
    editor.capabilities = answer["result"]["capabilities"]
    editor.folder = tmp_path
    yield editor
    assert editor.errors == []
    editor.close()


def opened(editor: Editor, text: str, name: str = "small.bkr") -> str:
    uri = (editor.folder / name).as_uri()
    item = {"uri": uri, "languageId": "bkr", "version": 1, "text": text}
    editor.notify("textDocument/didOpen", {"textDocument": item})
    return uri


def test_the_server_announces_full_with_deltas_and_range_with_a_legend_of_standard_types(editor):
    provider = editor.capabilities["semanticTokensProvider"]
    assert provider == {
        "legend": {"tokenTypes": list(semantic.TOKEN_TYPES), "tokenModifiers": ["documentation"]},
        "full": {"delta": True},
        "range": True,
    }
    standard = {  # LSP 3.17's SemanticTokenTypes, and 3.18's `label`
        "namespace", "type", "class", "enum", "interface", "struct", "typeParameter", "parameter", "variable",
        "property", "enumMember", "event", "function", "method", "macro", "keyword", "modifier", "comment",
        "string", "number", "regexp", "operator", "decorator", "label",
    }
    assert set(semantic.TOKEN_TYPES) <= standard


def test_a_small_file_s_tokens_exactly(editor):
    uri = opened(editor, SMALL)
    data = editor.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri}})["result"]["data"]
    # The first tokens as sent: each line and start relative to the token before,
    # the start absolute on a new line.
    assert data[:40] == [
        0, 0, 10, T["comment"], 1,  # ## Guests.
        1, 0, 6, T["keyword"], 0,  # single (next line: its column as it is)
        0, 7, 5, T["keyword"], 0,  # group (same line: 7 past `single`)
        0, 6, 5, T["type"], 0,  # LINUX
        0, 8, 5, T["variable"], 0,  # LNX01
        0, 7, 5, T["keyword"], 0,  # match
        0, 6, 4, T["regexp"], 0,  # LNX*
        1, 0, 7, T["keyword"], 0,  # cluster
    ]  # fmt: skip
    assert named(SMALL, data) == SMALL_TOKENS


def test_a_range_asks_for_its_lines_and_the_positions_stay_the_document_s(editor):
    uri = opened(editor, SMALL)
    asked = {"start": {"line": 3, "character": 5}, "end": {"line": 4, "character": 0}}
    answer = editor.request("textDocument/semanticTokens/range", {"textDocument": {"uri": uri}, "range": asked})
    data = answer["result"]["data"]
    assert data[:5] == [3, 2, 6, T["keyword"], 0]  # `member`: line 3, from the document's start
    assert named(SMALL, data) == [t for t in SMALL_TOKENS if 3 <= t[0] <= 4]


def test_a_byte_order_mark_and_crlf_line_ends_are_counted_as_the_editor_counts_them(editor):
    uri = opened(editor, "\ufeff" + SMALL.replace("\n", "\r\n"))
    data = editor.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri}})["result"]["data"]
    # The mark is one UTF-16 unit before line 1's first token; the other lines as before.
    assert data[:5] == [0, 1, 10, T["comment"], 1]
    plain = editor.request("textDocument/semanticTokens/full", {"textDocument": {"uri": opened(editor, SMALL)}})
    assert decoded(data)[1:] == decoded(plain["result"]["data"])[1:]


def test_a_change_is_seen_at_once_and_a_file_not_open_has_no_tokens(editor):
    uri = opened(editor, SMALL)
    changed = SMALL.replace("member M1", "member M2 ")
    editor.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": changed}]},
    )
    data = editor.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri}})["result"]["data"]
    assert (3, 9, "M2", "struct", 0) in named(changed, data)
    other = (editor.folder / "other.bkr").as_uri()
    assert editor.request("textDocument/semanticTokens/full", {"textDocument": {"uri": other}})["result"] is None


def test_a_text_with_syntax_errors_is_coloured_as_the_highlighters_colour_it(editor):
    broken = "cluster A {\n  member M1 { workers = 2 }\n  job J { backup G full\n"
    uri = opened(editor, broken)
    data = editor.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri}})["result"]["data"]
    found = named(broken, data)
    line = broken.split("\n")[1]
    assert (1, line.index("workers"), "workers", "keyword", 0) in found
    assert (1, line.index("2"), "2", "number", 0) in found
    assert (2, 6, "J", "function", 0) in found and (2, 10, "backup", "keyword", 0) in found


#: Labels spelled like keywords (`RETAIN`, `IMPORT`), a list run on to the next line
#: (BKR021's own case): the parser's labels all; and a word spelled like a keyword
#: first on the line after the list's keyword, which the parser, as the lexer, reads
#: as that keyword, `workers` (the label missing, BKR010).
LABELS = textwrap.dedent(
    """\
    cluster A {
      member VM1 {
        private-volume M1PRV1  # packs
                       RETAIN M1PRV2
      }
      member VM2 { private-volume M2PRV1 IMPORT M2PRV2 EXPIRE }
      member VM3 {
        private-volume  # later
            WORKERS
      }
    }
    """
)


def test_the_volume_labels_are_the_parser_s_whatever_the_lexer_made_of_them(editor):
    uri = opened(editor, LABELS)
    data = editor.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri}})["result"]["data"]
    assert [t for t in named(LABELS, data) if t[0] in (2, 3, 5)] == [
        (2, 4, "private-volume", "keyword", 0),
        (2, 19, "M1PRV1", "label", 0),
        (2, 27, "# packs", "comment", 0),
        (3, 19, "RETAIN", "label", 0),
        (3, 26, "M1PRV2", "label", 0),
        (5, 2, "member", "keyword", 0),
        (5, 9, "VM2", "struct", 0),
        (5, 15, "private-volume", "keyword", 0),
        (5, 30, "M2PRV1", "label", 0),
        (5, 37, "IMPORT", "label", 0),
        (5, 44, "M2PRV2", "label", 0),
        (5, 51, "EXPIRE", "label", 0),
    ]
    assert [t for t in named(LABELS, data) if t[0] in (7, 8)] == [
        (7, 4, "private-volume", "keyword", 0),
        (7, 20, "# later", "comment", 0),
        (8, 8, "WORKERS", "keyword", 0),
    ]
    # Without an AST (a file bkrc could not read), the lexer's kinds as they are: the
    # labels of a list that starts on its keyword's line names (no token), whatever
    # they spell; the first label on a later line the keyword it spells.
    lexed = [(start, kind) for start, _, kind in semantic.kinds_of(LABELS)]
    assert (LABELS.index("IMPORT"), "name") in lexed and (LABELS.index("M1PRV1"), "name") in lexed
    assert (LABELS.index("WORKERS"), "keyword") in lexed


def _bkr_files_with_volumes() -> list[Path]:
    files = [*sorted((ROOT / "examples").rglob("*.bkr")), *sorted((ROOT / "tests" / "data").rglob("*.bkr"))]
    return [f for f in files if "volume" in f.read_text(encoding="utf-8", errors="replace")]


def test_the_tokens_are_in_order_apart_and_the_labels_those_of_the_name_index():
    # Every file with a volume (those with syntax errors too, read as the recovery
    # reads them): the tokens follow one another without overlapping, and the labels
    # are where go to definition and rename find them.
    files = _bkr_files_with_volumes()
    assert len(files) > 100
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        doc = analyse_document(str(path), text)
        labels = semantic.volume_labels(doc.analysis.program.main, doc.name)
        tokens = semantic.kinds_of(doc.text, labels)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(tokens)), path
        index = sorted((o.span.start, o.span.end) for o in doc.occurrences if o.kind == VOLUME and o.span.file == doc.name)
        assert [(start, end) for start, end, kind in tokens if kind == "volume"] == index, path


def test_vs_code_maps_each_token_type_back_to_the_grammar_s_scopes():
    # VS Code colours a semantic token by the theme's rules for its type, else by
    # TextMate scopes: its default ones (`keyword` as `keyword.control`, `regexp`
    # as `constant.regexp`) colour a keyword or a pattern otherwise than the
    # extension's grammar did. The extension maps each type back to the scopes of
    # the kinds that make it, the first the most general (an integer's).
    manifest = json.loads((ROOT / "editors" / "vscode" / "package.json").read_text(encoding="utf-8"))
    (mapping,) = manifest["contributes"]["semanticTokenScopes"]
    assert mapping["language"] == "bkr"
    expected: dict[str, list[str]] = {}
    for kind, (type_, modifiers) in semantic.KIND_TOKENS.items():
        if KIND.get(kind) is not None:  # a volume label is no lexer kind: `label`'s own colour
            chosen = [m for n, m in enumerate(semantic.TOKEN_MODIFIERS) if modifiers & 1 << n]
            expected.setdefault(".".join([type_, *chosen]), []).append(KIND[kind].textmate)
    assert {k: sorted(v) for k, v in mapping["scopes"].items()} == {k: sorted(v) for k, v in expected.items()}
    assert mapping["scopes"]["number"][0] == KIND["number"].textmate
    assert "label" not in mapping["scopes"]


def test_the_server_s_start_imports_neither_the_lexer_nor_pygments():
    # The first request imports them: the server starts as fast as it did.
    code = (
        "import sys\nfrom bkrdsl.lsp.server import build_server\nbuild_server()\n"
        "print(sorted(m for m in ('pygments', 'bkrdsl.highlight', 'bkrdsl.keywords') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


# ---------------------------------------------------------------- deltas (`/full/delta`)

_LINE_END = re.compile(r"\r\n|\r|\n")
BANK = (EXAMPLES / "bank.bkr").read_text(encoding="utf-8")


def units(text: str, encoding: str) -> int:
    """The length of `text` in the client's position units."""
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def lsp_position(text: str, at: int, encoding: str) -> dict:
    """The LSP position of offset `at` of the editor's `text` (a byte-order mark is
    line 1's first character), in the client's units; never inside a CRLF."""
    starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
    line = max(n for n, start in enumerate(starts) if start <= at)
    assert not (at > 0 and text[at - 1 : at + 1] == "\r\n"), "inside a CRLF"
    return {"line": line, "character": units(text[starts[line] : at], encoding)}


def applied(old: list[int], answer: dict) -> list[int]:
    """The integers a client holds after `answer` to a `/full/delta` request: a
    `SemanticTokens`'s own, or `old` with a `SemanticTokensDelta`'s edits made (each
    edit's start an offset into `old`, as LSP says)."""
    if "data" in answer:
        return answer["data"]
    out = list(old)
    for edit in sorted(answer["edits"], key=lambda e: e["start"], reverse=True):
        out[edit["start"] : edit["start"] + edit["deleteCount"]] = edit.get("data", [])
    return out


def shortest_edit(old: list[int], new: list[int]) -> list[dict]:
    """The edits a server's usual delta makes (the one edit between the integers the two
    share at the start and those they share at the end; none for the same)."""
    if old == new:
        return []
    prefix = len(os.path.commonprefix([old, new]))
    suffix = len(os.path.commonprefix([old[prefix:][::-1], new[prefix:][::-1]]))
    return [{"start": prefix, "deleteCount": len(old) - prefix - suffix, "data": new[prefix : len(new) - suffix]}]


def tokens(editor: Editor, uri: str, previous: str | None = None) -> dict | None:
    """The answer to `/full` (`previous` None) or to `/full/delta` on `previous`."""
    if previous is None:
        return editor.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri}})["result"]
    params = {"textDocument": {"uri": uri}, "previousResultId": previous}
    return editor.request("textDocument/semanticTokens/full/delta", params)["result"]


class Typing:
    """An editor typing in one buffer and asking for a delta after each change, each
    on the answer before (as VS Code does), and a twin buffer of the same text in the
    same folder, asked for its whole tokens: each delta, applied to what the client
    held, must give them, and be the shortest edit that does."""

    def __init__(self, folder: Path, text: str, encoding: str = "utf-16") -> None:
        self.editor = Editor()
        self.editor.initialize(folder, encoding)
        self.encoding, self.text, self.version = encoding, text, 1
        self.uri, self.twin = (folder / "edited.bkr").as_uri(), (folder / "twin.bkr").as_uri()
        for uri in (self.uri, self.twin):
            item = {"uri": uri, "languageId": "bkr", "version": 1, "text": text}
            self.editor.notify("textDocument/didOpen", {"textDocument": item})
        first = tokens(self.editor, self.uri)
        self.result_id, self.data = first["resultId"], first["data"]

    def edit(self, start: int, end: int, new: str) -> dict:
        """The text from offset `start` to `end` replaced by `new`, sent as an editor
        sends a keystroke or a paste (a range and its text); the delta asked then."""
        where = {"start": lsp_position(self.text, start, self.encoding), "end": lsp_position(self.text, end, self.encoding)}
        self.text = self.text[:start] + new + self.text[end:]
        self.version += 1
        self.editor.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": self.uri, "version": self.version}, "contentChanges": [{"range": where, "text": new}]},
        )
        self.editor.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": self.twin, "version": self.version}, "contentChanges": [{"text": self.text}]},
        )
        answer = tokens(self.editor, self.uri, self.result_id)
        whole = tokens(self.editor, self.twin)["data"]
        assert "data" not in answer, "the last answer's id is known: a delta"
        assert applied(self.data, answer) == whole
        assert answer["edits"] == shortest_edit(self.data, whole)
        assert answer["resultId"] != self.result_id
        self.result_id, self.data = answer["resultId"], whole
        return answer

    def at(self, anchor: str, shift: int = 0) -> int:
        return self.text.index(anchor) + shift

    def close(self) -> None:
        assert self.editor.errors == []
        self.editor.close()


def test_each_delta_applied_to_the_last_answer_gives_the_whole_tokens_as_a_user_types(tmp_path):
    typing = Typing(tmp_path, BANK)
    try:
        # A character typed into a keyword, which then is none, and deleted again.
        at = typing.at("description", 4)
        assert typing.edit(at, at, "x")["edits"]
        assert typing.edit(at, at + 1, "")["edits"]
        assert typing.data == tokens(typing.editor, typing.twin)["data"]
        # A line typed in, then one deleted.
        at = typing.at("  member PRODB {")
        typing.edit(at, at, "  member PRODE { workers 1  private-volume PEPRV1 }\n")
        line = "  shared-volume BKCOM1 BKCOM2\n"
        typing.edit(typing.at(line), typing.at(line) + len(line), "")
        # A broken line (a block's `{` gone: the parser's recovery reads on), mended.
        at = typing.at("member PRODB {", len("member PRODB "))
        typing.edit(at, at + 1, "")
        typing.edit(at, at, "{")
        # A name retyped with another of its length: the same tokens, no edit.
        at = typing.at("member PRODC", len("member "))
        assert typing.edit(at, at + len("PRODC"), "PRODX")["edits"] == []
        # At the start and at the end of the file; everything deleted, then pasted back.
        typing.edit(0, 0, "# first\n")
        typing.edit(len(typing.text), len(typing.text), "single group LATE { LATE01 }\n")
        whole, sent = typing.text, len(typing.data)
        assert typing.edit(0, len(whole), "")["edits"] == [{"start": 0, "deleteCount": sent, "data": []}]
        typing.edit(0, 0, whole)
    finally:
        typing.close()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
def test_deltas_count_in_the_encoding_agreed_past_a_byte_order_mark_and_crlf_line_ends(tmp_path, encoding):
    text = "\ufeff" + BANK.replace('"Bank production', '"Banque 😀 é production').replace("\n", "\r\n")
    typing = Typing(tmp_path, text, encoding)
    try:
        typing.edit(1, 1, "## 😀 ")  # on line 1, after the mark: every token after it moves
        at = typing.at("production SSI")
        typing.edit(at, at, "é😀")  # in a string after astral characters
        at = typing.at("cluster BANKSSI {\r\n", len("cluster BANKSSI {\r\n"))
        typing.edit(at, at, "  member PRODÉ { workers 1 }\r\n")  # (a name bkrc refuses, coloured all the same)
        at = typing.at("Banque 😀")
        typing.edit(at, at + len("Banque 😀"), "Bank")
    finally:
        typing.close()


def test_a_delta_on_an_answer_not_the_last_gets_the_whole_tokens(editor):
    uri = opened(editor, SMALL)
    first = tokens(editor, uri)
    assert first["data"] == tokens(editor, uri, "no such id")["data"]  # never sent
    last = tokens(editor, uri)
    # The answer before the last, and the last of another buffer: each whole, under
    # a new id, and the next delta builds on that.
    for stale in (first["resultId"], tokens(editor, opened(editor, SMALL, "other.bkr"))["resultId"]):
        again = tokens(editor, uri, stale)
        assert set(again) == {"resultId", "data"} and again["data"] == last["data"]
        assert tokens(editor, uri, again["resultId"]) == {"resultId": str(int(again["resultId"]) + 1), "edits": []}
    # A buffer not open has no tokens, delta or not.
    assert tokens(editor, (editor.folder / "closed.bkr").as_uri(), first["resultId"]) is None


def test_a_range_answers_without_an_id_and_leaves_the_delta_s_base_as_it_was(editor):
    uri = opened(editor, SMALL)
    base = tokens(editor, uri)
    changed = SMALL.replace("member M1", "member M2  workers 4")
    editor.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": changed}]},
    )
    asked = {"start": {"line": 3, "character": 0}, "end": {"line": 4, "character": 0}}
    answer = editor.request("textDocument/semanticTokens/range", {"textDocument": {"uri": uri}, "range": asked})
    assert "resultId" not in answer["result"]
    delta = tokens(editor, uri, base["resultId"])
    assert "edits" in delta  # on the last whole answer, not on the range's
    assert applied(base["data"], delta) == tokens(editor, opened(editor, changed, "copy.bkr"))["data"]


def test_each_buffer_keeps_its_last_answer_alone_until_it_closes_and_the_ids_are_the_session_s(tmp_path):
    def session() -> list:
        editor = Editor()
        editor.initialize(tmp_path)
        editor.folder = tmp_path
        try:
            answers = []
            uris = [opened(editor, SMALL, name) for name in ("a.bkr", "b.bkr")]
            for uri in uris * 2:
                answers.append(tokens(editor, uri))
                answers.append(tokens(editor, uri, answers[-1]["resultId"]))
            # One answer kept per buffer: its last, on which a delta is asked.
            kept = editor.server.tokens_sent
            assert sorted(kept) == sorted(unquote(u) for u in uris)
            assert [kept[unquote(u)][0] for u in uris] == [answers[-3]["resultId"], answers[-1]["resultId"]]
            editor.notify("textDocument/didClose", {"textDocument": {"uri": uris[0]}})
            assert sorted(kept) == [unquote(uris[1])]
            # Opened again, its old answer is unknown: the whole tokens.
            uri = opened(editor, SMALL, "a.bkr")
            answers.append(tokens(editor, uri, answers[-3]["resultId"]))
            assert "data" in answers[-1]
            assert editor.errors == []
            return answers
        finally:
            editor.close()

    first = session()
    ids = [a["resultId"] for a in first]
    assert len(set(ids)) == len(ids) == 9  # each answer its own id, counted
    assert session() == first  # the same requests, the same answers, ids and all


#: What the property below types or pastes (and any other characters but `\r`,
#: which `lsp_position` would have to keep from splitting a CRLF: the fuzz,
#: tests/test_lsp_fuzz.py, types line ends of every kind).
FRAGMENTS = [
    "x", "A", " ", "\n", "{", "}", "#", "## doc\n", '"', "é", "😀", "\ufeff", "01:00", "0100-0FFF",
    "member ", "private-volume ", "shared-volume V1 V2\n", "job ", "PRODA", "cluster X {\n", "  }\n",
    "include minidisk * 0100-0FFF\n", "import std/zvm73\n",
]  # fmt: skip


@settings(max_examples=15)
@given(
    encoding=st.sampled_from(["utf-16", "utf-8"]),
    bom=st.booleans(),
    edits=st.lists(
        st.tuples(
            st.floats(0, 1),  # where, as a part of the text's length
            st.integers(0, 40),  # how many characters to delete
            st.one_of(st.sampled_from(FRAGMENTS), st.text(st.characters(exclude_characters="\r"), max_size=5)),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_any_edits_deltas_applied_give_the_whole_tokens_and_are_the_shortest(encoding, bom, edits):
    with tempfile.TemporaryDirectory() as folder:
        typing = Typing(Path(folder), "\ufeff" + BANK if bom else BANK, encoding)
        try:
            for where, count, new in edits:
                start = round(where * len(typing.text))
                typing.edit(start, min(len(typing.text), start + count), new)
        finally:
            typing.close()


@given(
    old=st.lists(st.integers(0, 3), max_size=30),
    new=st.lists(st.integers(0, 3), max_size=30),
)
def test_a_delta_is_the_shortest_one_edit_of_the_integers(old, new):
    edit = semantic.delta(old, new)
    if old == new:
        assert edit is None
        return
    start, count, data = edit
    assert old[:start] + data + old[start + count :] == new
    assert [{"start": start, "deleteCount": count, "data": data}] == shortest_edit(old, new)


# stop 72, h12: the semantic tokens are the highlighters' kinds, through docs/lsp.md's table
#: docs/lsp.md's table (*Semantic tokens*), kind by kind: the lexer's kind (bkrdsl.keywords.KINDS)
#: -> (token type, modifier bits). A volume label is the parser's (the name index's `volume`s);
#: the kinds left out (a brace, a comma, an escape, a stray character, another plain name) get no
#: token. Written out here, not read from `semantic.KIND_TOKENS`, so the two cannot drift together.
H12S72_TABLE = {
    "keyword": ("keyword", 0),
    "import-path": ("namespace", 0),
    "cluster-name": ("class", 0),
    "member-name": ("struct", 0),
    "group-name": ("type", 0),
    "job-name": ("function", 0),
    "user-id": ("variable", 0),
    "pattern": ("regexp", 0),
    "address": ("number", 0),
    "number": ("number", 0),
    "time": ("number", 0),
    "range-operator": ("operator", 0),
    "string": ("string", 0),
    "comment": ("comment", 0),
    "doc-comment": ("comment", 1),
    "directive": ("comment", 0),
    "directive-keyword": ("macro", 0),
    "rule-code": ("enumMember", 0),
}
H12S72_NO_TOKEN = {"brace", "comma", "escape", "invalid", "name"}


def _h12s72_expected(text: str, doc=None) -> list[tuple[str, int] | None]:
    """Each character's (type, modifiers) as the highlighters' kinds (`highlight.tokenize`,
    which pygments and `bkrc highlight` run) give it through H12S72_TABLE, a volume label's
    where the name index declares or uses one (`doc`'s, the server's analysis of `text`:
    not what the tokens are made from; else one made here); None where no token is due."""
    from pygments.token import string_to_tokentype

    from bkrdsl.highlight import tokenize
    from bkrdsl.keywords import KINDS

    kind_of = {string_to_tokentype(k.pygments): k.name for k in KINDS}
    out: list[tuple[str, int] | None] = [None] * len(text)
    for pos, token, value in tokenize(text):
        out[pos : pos + len(value)] = [H12S72_TABLE.get(kind_of.get(token, ""))] * len(value)
    doc = doc or analyse_document("expected.bkr", text)
    for o in doc.occurrences:
        if o.kind == VOLUME and o.span.file == doc.name:
            out[o.span.start : o.span.end] = [("label", 0)] * (o.span.end - o.span.start)
    return out


def _h12s72_sent(text: str, data: list[int]) -> list[tuple[str, int] | None]:
    """Each character's (type, modifiers) as the tokens sent (`data`, UTF-16 positions) mark
    it; a character two tokens cover is ('overlap', 0)."""
    starts = [0] + [n + 1 for n, c in enumerate(text) if c == "\n"]
    out: list[tuple[str, int] | None] = [None] * len(text)
    for line, column, length, kind, modifiers in decoded(data):
        at, end = starts[line], text.find("\n", starts[line])
        end = len(text) if end < 0 else end
        while column > 0 and at < end:
            column -= units(text[at], "utf-16")
            at += 1
        first = at
        while length > 0 and at < end:
            length -= units(text[at], "utf-16")
            at += 1
        assert column == 0 and length == 0, f"a token outside its line or inside a character: line {line}"
        for n in range(first, at):
            out[n] = ("overlap", 0) if out[n] is not None else (semantic.TOKEN_TYPES[kind], modifiers)
    return out


def _h12s72_drift(where: str, text: str, data: list[int], lines: tuple[int, int] | None = None, doc=None) -> list[str]:
    """Where the tokens sent for `text` (of `lines` only, first and last, for a range) differ
    from the highlighters' kinds: "where line:column 'c': pygments X, lsp Y"."""
    expected, sent = _h12s72_expected(text, doc), _h12s72_sent(text, data)
    out = []
    line = start = 0
    for n, char in enumerate(text):
        if char == "\n":
            line, start = line + 1, n + 1
            continue
        due = expected[n] if lines is None or lines[0] <= line <= lines[1] else None
        if due != sent[n]:
            out.append(f"{where} {line + 1}:{n - start + 1} {char!r}: pygments {due}, lsp {sent[n]}")
    return out


#: Volume labels the recovery reads missing: an empty word at the token after the keyword
#: (the `}`, a `{`, the next statement's keyword), which the name index declares no label
#: and the highlighters colour as what it is. The tokens sent made it a `label`.
H12S72_MISSING_LABELS = (
    "  member VM1 { workers 4  private-volume }",
    "  member VM1 { workers 4  private-volume{1PRV1 }",
    "  member VM1 { workers 4  private-volume P1 }\n  shared-volume\n  disk B 191 size 10 cyl on P1",
    "  member VM1 { workers 4  private-volume P1 }\n  shared-volume # c\n",
    "  member VM1 { workers 4  private-volume P1 }\n  disk B 191 size 10 cyl on\n",
    "  member VM1 { workers 4  private-volume P1 }\n  disk B 191 size 10 cyl on }",
    "  member VM1 { workers 4  private-volume P1 }\n  disk B 191 size 10 cyl on ,",
    "  member VM1 { workers 4  private-volume P1\n  }\n  shared-volume {",
)


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("body", H12S72_MISSING_LABELS)
def test_h12s72_a_label_read_missing_is_no_label(editor, parser, body, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = f"cluster C {{\n{body}\n}}\n"
    uri = opened(editor, text)
    data = editor.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri}})["result"]["data"]
    assert _h12s72_drift("missing", text, data) == []
    assert [t[2] for t in named(text, data) if t[3] == "label"] == re.findall(r"\bP1\b", text)


def test_h12s72_a_second_cluster_s_labels_are_no_labels_as_the_name_index_leaves_them_out(editor):
    # One compilation describes one cluster (BKR111): the model, and so the name index, read
    # the first; the tokens' labels are the same cluster's (h4, stop 73: they were the AST's,
    # of both clusters, where pygments colours the second's as plain names; docs/lsp.md).
    text = (
        "cluster A {\n  member M1 { workers 2  private-volume P1 }\n}\n"
        "cluster B {\n  member M2 { workers 2  private-volume P2 }\n  disk X 191 size 1 cyl on P2\n}\n"
    )
    uri = opened(editor, text)
    data = editor.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri}})["result"]["data"]
    assert [t[2] for t in named(text, data) if t[3] == "label"] == ["P1"]
    doc = editor.server.documents[uri][1]
    assert [o.name for o in doc.occurrences if o.kind == VOLUME] == ["P1"]
    assert [d.code for d in doc.analysis.diagnostics if d.code == "BKR111"] == ["BKR111"]


def _h12s72_texts() -> list[tuple[str, str]]:
    """(where, text): H6S72_FORMS (tests/test_highlight.py: every keyword's forms),
    every ```bkr block of the docs h6 coloured (README, docs/ with the rules' pages, the
    examples' READMEs, the VS Code README), and every fourth file of the highlighters' corpus
    (examples, stdlib, fixtures: 481 files, all of which agreed when this was written; a fourth
    keeps the run to a few seconds)."""
    import test_highlight
    from test_docs_bkr_blocks import blocks, doc_files

    out = [("H6S72_FORMS", test_highlight.H6S72_FORMS)]
    for path in [*doc_files(), ROOT / "editors" / "vscode" / "README.md"]:
        out += [(f"{path.relative_to(ROOT)}:{line}", body) for line, _, _, body in blocks(path)]
    out += [(str(p.relative_to(ROOT)), test_highlight._read(p)) for p in test_highlight.corpus()[::4]]
    return out


def test_h12s72_the_table_in_the_docs_is_the_legend_and_every_kind_has_its_row():
    # The legend announces every type a token is sent with (the server looks each up in
    # it) and every modifier bit; each kind of the lexer has a row of docs/lsp.md's table
    # or is one the docs say gets no token; the table names each type of the legend.
    from bkrdsl.keywords import KINDS

    assert {kind.name for kind in KINDS} == set(H12S72_TABLE) | H12S72_NO_TOKEN
    assert semantic.KIND_TOKENS == {**H12S72_TABLE, "volume": ("label", 0)}
    assert {t for t, _ in semantic.KIND_TOKENS.values()} == set(semantic.TOKEN_TYPES)
    assert all(m < 1 << len(semantic.TOKEN_MODIFIERS) for _, m in semantic.KIND_TOKENS.values())
    page = (ROOT / "docs" / "lsp.md").read_text(encoding="utf-8")
    section = page[page.index("- **Semantic tokens**") :]
    section = section[: section.index("\n- **")]
    rows = re.findall(r"^  \| (?!what|---)[^|]+\| (.+) \|$", section, re.MULTILINE)
    assert {t for row in rows for t in re.findall(r"`(\w+)`", row)} == {*semantic.TOKEN_TYPES, "documentation"}


def test_h12s72_the_whole_tokens_are_the_highlighters_kinds_on_the_docs_and_the_corpus(editor):
    texts = _h12s72_texts()
    assert len(texts) > 280
    drift, sent = [], set()
    for n, (where, text) in enumerate(texts):
        uri = opened(editor, text, f"t{n:04d}.bkr")
        data = editor.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri}})["result"]["data"]
        drift += _h12s72_drift(where, text, data, doc=editor.server.documents[uri][1])
        sent |= {(data[i + 3], data[i + 4]) for i in range(0, len(data), 5)}
        editor.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert drift == []
    # every type of the legend and the modifier are sent, and nothing outside them
    assert {t for t, _ in sent} == set(range(len(semantic.TOKEN_TYPES)))
    assert {m for _, m in sent} == {0, 1}


def test_h12s72_a_range_and_a_delta_after_one_line_edited_are_the_highlighters_kinds_too(tmp_path):
    # Every fourth text of those above: a range of lines chosen at random (seeded), then one
    # line edited as an editor sends it (a range and its text) and the delta on the answer
    # before applied to what the client holds; the edit a word deleted, a space or a
    # comment typed, a label deleted (`private-volume }`, a disk's `on` at its line's end).
    import random

    rng = random.Random(72)
    editor = Editor()
    editor.initialize(tmp_path)
    editor.folder = tmp_path
    drift = []
    try:
        for n, (where, text) in enumerate(_h12s72_texts()[::4]):
            uri = opened(editor, text, f"r{n}.bkr")
            lines = text.split("\n")
            first = rng.randrange(len(lines))
            last = rng.randrange(first, len(lines))
            asked = {"start": {"line": first, "character": 0}, "end": {"line": last, "character": 0}}
            answer = editor.request("textDocument/semanticTokens/range", {"textDocument": {"uri": uri}, "range": asked})
            range_data, doc = answer["result"]["data"], editor.server.documents[uri][1]
            drift += _h12s72_drift(f"{where} (lines {first}-{last})", text, range_data, (first, last), doc)
            whole = tokens(editor, uri)
            line = rng.randrange(len(lines))
            at = sum(len(x) + 1 for x in lines[:line])
            label = re.search(r"(?:private-volume|shared-volume|cyl on|trk on)( +\w+)", text)
            start, end, new = rng.choice(
                [
                    (at, at + min(len(lines[line]), 3), ""),
                    (at + len(lines[line]) // 2, at + len(lines[line]) // 2, " "),
                    (at + len(lines[line]), at + len(lines[line]), "  # typed"),
                    *([label.span(1) + ("",)] if label else []),
                ]
            )
            where_ = {"start": lsp_position(text, start, "utf-16"), "end": lsp_position(text, end, "utf-16")}
            text = text[:start] + new + text[end:]
            editor.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": where_, "text": new}]},
            )
            data = applied(whole["data"], tokens(editor, uri, whole["resultId"]))
            doc = editor.server.documents[uri][1]
            drift += _h12s72_drift(f"{where} (edited at {start}: {new!r})", text, data, doc=doc)
            editor.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        assert drift == []
    finally:
        assert editor.errors == []
        editor.close()


# stop 73, h4: a second cluster's volume labels (BKR111) are coloured as pygments colours them
#: Two clusters in one file: the first's labels are labels, the second's (the model and the name
#: index read the first alone) plain names, and a label spelled like a keyword what the lexer makes
#: of it, as pygments, TextMate and Vim (tests/test_highlight.py) colour them.
H4S73_TWO_CLUSTERS = (
    "cluster A {\n  member M1 { workers 2  private-volume P1 }\n  shared-volume VMCOM1\n}\n"
    "cluster B {\n  member M2 { workers 2  private-volume P2 3390-9 }\n  shared-volume VMCOM2 RETAIN\n"
    "  disk X 191 size 1 cyl on P2\n  disk Y 192 size 1 cyl on RETAIN\n}\n"
)


def _h4s73_texts() -> list[tuple[str, str]]:
    """(where, text): H4S73_TWO_CLUSTERS, and each example with its cluster written again
    below it under another name (every kind of statement in a second cluster)."""
    out = [("H4S73_TWO_CLUSTERS", H4S73_TWO_CLUSTERS)]
    for path in sorted(EXAMPLES.glob("*.bkr")):
        text = path.read_text(encoding="utf-8")
        found = re.search(r"^cluster \w+", text, re.MULTILINE)
        if found:
            again = text[found.start() :].replace(found.group(0), "cluster SECOND", 1)
            out.append((f"{path.name} twice", f"{text}\n{again}"))
    return out


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h4s73_a_second_cluster_s_labels_are_the_highlighters_kinds(editor, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    texts = _h4s73_texts()
    assert len(texts) > 5
    drift = []
    for n, (where, text) in enumerate(texts):
        uri = opened(editor, text, f"two{n}.bkr")
        data = editor.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri}})["result"]["data"]
        drift += _h12s72_drift(where, text, data, doc=editor.server.documents[uri][1])
        editor.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert drift == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_h4s73_only_the_first_cluster_s_labels_are_labels(editor, parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = H4S73_TWO_CLUSTERS
    uri = opened(editor, text, "two.bkr")
    sent = named(text, editor.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri}})["result"]["data"])
    assert [t[2] for t in sent if t[3] == "label"] == ["P1", "VMCOM1"]
    first = text[: text.index("cluster B")].count("\n")  # the second cluster's first line
    second = [(t[2], t[3]) for t in sent if t[0] >= first]
    assert [t for t in second if t[0] in {"P2", "VMCOM2", "3390-9"}] == [("3390-9", "number")]
    # the range of the second cluster's lines alike
    asked = {"start": {"line": first, "character": 0}, "end": {"line": first + 6, "character": 0}}
    answer = editor.request("textDocument/semanticTokens/range", {"textDocument": {"uri": uri}, "range": asked})
    assert all(semantic.TOKEN_TYPES[t[3]] != "label" for t in decoded(answer["result"]["data"]))
    doc = editor.server.documents[uri][1]
    assert [d.code for d in doc.analysis.diagnostics if d.code == "BKR111"] == ["BKR111"]
    assert sorted(o.name for o in doc.occurrences if o.kind == VOLUME) == ["P1", "VMCOM1"]


# stop 75, h10: a `# bkrc: allow` directive's words are a macro's, its codes enum members
def test_h10s75_a_directive_s_words_codes_and_reason_exactly(editor):
    text = (
        "cluster A {\n"
        "  member M1 { workers 2 }  # bkrc: allow BKR227, worker-task-names-shared our names\n"
        "  #bkrc:ALLOW BKR402\n"
        "  ## bkrc: allow BKR227\n"
        '  description "# bkrc: allow BKR227"\n'
        "}\n"
    )
    uri = opened(editor, text)
    data = editor.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri}})["result"]["data"]
    assert [t for t in named(text, data) if t[0] in (1, 2, 3, 4) and t[3] not in ("keyword", "struct", "number")] == [
        (1, 27, "# ", "comment", 0),
        (1, 29, "bkrc:", "macro", 0),
        (1, 34, " ", "comment", 0),
        (1, 35, "allow", "macro", 0),
        (1, 40, " ", "comment", 0),
        (1, 41, "BKR227", "enumMember", 0),
        (1, 47, ", ", "comment", 0),
        (1, 49, "worker-task-names-shared", "enumMember", 0),
        (1, 73, " our names", "comment", 0),
        (2, 2, "#", "comment", 0),
        (2, 3, "bkrc:ALLOW", "macro", 0),  # one run of one type, as the lexer gives it
        (2, 13, " ", "comment", 0),
        (2, 14, "BKR402", "enumMember", 0),
        (3, 2, "## bkrc: allow BKR227", "comment", 1),
        (4, 14, '"# bkrc: allow BKR227"', "string", 0),
    ]
