"""Semantic tokens (`textDocument/semanticTokens/full` and `/range`): the lexer's
kinds as LSP's standard token types, sent as LSP encodes them (five integers a
token, line and start relative to the token before), spoken to as a client does
(tests/lsp_inprocess.py). The units of a line with non-ASCII characters are held
to each encoding in tests/test_lsp_clients.py.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT
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


def test_the_server_announces_full_and_range_with_a_legend_of_standard_types(editor):
    provider = editor.capabilities["semanticTokensProvider"]
    assert provider == {
        "legend": {"tokenTypes": list(semantic.TOKEN_TYPES), "tokenModifiers": ["documentation"]},
        "full": True,
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
#: (BKR021's own case), and a first label on the line after its keyword, which the
#: lexer, reading a list from its keyword's line, takes for the keyword `workers`:
#: the parser's labels all.
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
        (8, 8, "WORKERS", "label", 0),
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
