"""The language server under stress: a stateful fuzz, in process.

A Hypothesis state machine plays an editor on a small workspace (the
examples): it opens documents (some with a byte-order mark or CRLF line ends),
edits them with incremental `didChange`s at random ranges (multi-byte and
astral characters, line ends of every kind, braces, keywords and parts of
them, `# bkrc: allow` directives), saves and closes them, and asks every request the server answers at
random positions. After each step it holds the server to what LSP and bkrc
promise:

* no exception escapes a handler, and no request gets an internal error;
* every position the server returns is a valid position in the text it names,
  in the client's units (UTF-16 by default: never inside a surrogate pair);
* the server's text of each open document is the text the editor holds;
* after a save, the published diagnostics are `bkrc check`'s of the same text;
* the formatting edit, applied, gives `bkrc fmt`'s output;
* a semantic tokens delta, applied to the last answer, gives the whole tokens;
* Format Selection edits only the selected lines, and `bkrc fmt` gives the same
  output for the text it leaves as for the text before;
* a quick fix's edit names the buffer's version (`documentChanges`; a module's
  mistake, mended in the module, its buffer's, or none for a file not open);
* with every buffer saved, *Fix all* (`source.fixAll`), applied, gives what
  `bkrc check --fix` writes to the file (no action: the file as it is);
* *Allow BKRnnn on this line*, taken on a published warning, leaves it
  unpublished, and a server that opens the same buffers afresh publishes the same;
* formatting as you type changes only the blanks that start the line typed on.

The server is driven in process (`Editor`, tests/lsp_inprocess.py): framed
messages go through pygls's own message loop (`pygls.io_.run_async`, what
`start_io` runs) from an in-memory stream, and its answers are read back as
JSON, as a client would read them. It follows the property tests'
profile (tests/conftest.py): CI runs the same examples every time, and
`.ci/explore` fresh ones. To hunt with other seeds and N examples:

    BKRDSL_LSP_FUZZ=500 pytest tests/test_lsp_fuzz.py -p no:cacheprovider -q
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import EXAMPLES, PROFILE, SCALE, run_cli
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from lsp_inprocess import Editor

from bkrdsl.lsp.features import relative_to

#: Examples to run for; BKRDSL_LSP_FUZZ=N runs N, randomised (to hunt, outside CI).
HUNT = int(os.environ.get("BKRDSL_LSP_FUZZ", "0") or 0)

_LINE_END = re.compile(r"\r\n|\r|\n")
_WORD = re.compile(r"[A-Za-z0-9$#@*_:./-]+")
#: The line a BKR101's help begins with where the editor knows the module was renamed
#: outside it (`BkrServer.renamed_modules`), which `bkrc check` never saw.
_RENAMED = re.compile(r"(\nhelp: )[^\n]* was renamed to [^\n]*\? it holds what [^\n]* held: write `import [^`\n]*`\n")
#: The title of the quick fix such a help comes with (*Import `site/shared`*), from the help.
_RENAMED_TO = re.compile(r" was renamed to [^\n]*\? it holds what [^\n]* held: write `import ([^`\n]*)`")

#: What an editor's user types or pastes.
FRAGMENTS = [
    "{",
    "}",
    "{ ",
    " }\n",
    "\n",
    "\r\n",
    "\r",
    "\ufeff",
    "é",
    "ß",
    "€",
    "😀",
    "𝔘",
    "\u2028",
    "\x0c",
    "\t",
    "\x00",
    " ",
    "  ",
    "#",
    "## doc\n",
    '"',
    "*",
    "-",
    ":",
    ",",
    "0100-0FFF",
    "01:00",
    "4",
    "cluster ",
    "member ",
    "job ",
    "backup ",
    "group ",
    "single ",
    "identity ",
    "import std/zvm73\n",
    "import ./site/common\n",
    "include minidisk * *\n",
    "exclude minidisk * 0190\n",
    "workers 4 ",
    "single group G { A B }\n",
    "identity group SYSIDS { TCPIP }\n",
    "run on each member daily 03:00\n",
    "to disk pool P\n",
    "to tape\n",
    "catalog shared server BKRSVSFS pool BKRPOOL on DEV1\n",
    "expire on DEV1 { preview daily 01:00 purge weekly sun 03:00 retain 35 days }\n",
    "tape manager shared catalog-node TCTMM on DEV1\n",
    "job-suffix A ",
    "private-volume V1 ",
    "clu",
    "memb",
    "jo",
    "bac",
    "incr",
    "DEV1",
    "DEV2",
    "GUESTS",
    "LINUX01",
    "BKRBKUP",
    "TCPIP",
    "role admin ",
    'description "é 😀"\n',
    "disk BKRBKUP 191 size 10 cyl\n",
    # `# bkrc: allow` directives (diagnostics/allow.py), whole or in parts: BKR227
    # (a job's name of six characters or more), BKR253 (a worker's disk deleted).
    "   # bkrc: allow BKR227\n",
    "# bkrc: allow BKR253 the site's\n",
    "# bkrc: allow ",
    ", BKR227",
    "worker-task-names-shared",
]
#: Where `rename_file` moves a file (or, for a folder, the first part: its new name).
RENAMED_TO = [
    "site/shared.bkr",
    "moved.bkr",
    "site/deep/common.bkr",
    "place/common.bkr",
    "new.bkr",
    "moved.txt",  # no import can name it
    "../outside.bkr",  # out of the workspace's folder
]
NEW_NAMES = ["NEWNAME", "dev9", "LINUX99", "G2", "1BAD", "TOOLONGNAME", "BKRBKUP", "A$B", "😀", ""]
#: How `allow_a_warning` makes a warning where none is published ("": it makes none).
MAKE_A_WARNING = ["lengthen", "hide"]
#: Control characters and a bidirectional override: BKR024 in a comment.
HIDDEN = ["\x9e", "\x01", "\x7f", "\u202e"]
TEXTS = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.lists(st.sampled_from(FRAGMENTS), min_size=2, max_size=4).map("".join),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=6),
)


#: Files besides the examples: a second cluster that imports the examples' module
#: (two open files then share its parse, `loader.ParsedModules`, and an edit of the
#: module must show in both), a module on disk with a byte-order mark and CRLF
#: line ends that a cluster imports, two modules that import each other, and a
#: file that is not UTF-8.
EXTRA_FILES = {
    "also-site.bkr": (EXAMPLES / "with-site.bkr").read_text().replace("TESTSSI", "ALSOSSI").encode(),
    "site/crlf.bkr": "\ufeff## Payroll.\r\nsingle group PAYROLL { PAYAPP01 }\r\n".encode(),
    "uses-crlf.bkr": (EXAMPLES / "minimal.bkr")
    .read_text()
    .replace("import std/zvm73", "import std/zvm73\nimport ./site/crlf")
    .replace("backup GUESTS full", "backup GUESTS PAYROLL full")
    .encode(),
    "cycle-a.bkr": b"import ./cycle-b\nsingle group CA { CYCA }\n",
    "cycle-b.bkr": b"import ./cycle-a\nsingle group CB { CYCB }\n",
    "latin.bkr": "single group \u00c9T\u00c9 { A }\n".encode("latin-1"),
}


def units(char: str, encoding: str) -> int:
    """A character's length in the client's position units."""
    if encoding == "utf-8":
        return len(char.encode("utf-8"))
    if encoding == "utf-32":
        return 1
    return 2 if ord(char) > 0xFFFF else 1


def lsp_lines(text: str) -> list[str]:
    """The lines as LSP counts them: split at `\\r\\n`, `\\r` and `\\n` only."""
    return _LINE_END.split(text)


def boundaries(line: str, encoding: str) -> list[int]:
    """Every valid character position in `line`, in the client's units."""
    out, n = [0], 0
    for char in line:
        n += units(char, encoding)
        out.append(n)
    return out


def offset(text: str, line: int, character: int, encoding: str) -> int:
    """The offset of an LSP position in `text` (past a line's end: its end)."""
    starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
    if line >= len(starts):
        return len(text)
    body = lsp_lines(text)[line]
    n = 0
    for i, char in enumerate(body):
        if n >= character:
            return starts[line] + i
        n += units(char, encoding)
    return starts[line] + len(body)


def apply_edits(text: str, edits: list[dict], encoding: str) -> str:
    """The text after a list of non-overlapping `TextEdit`s (JSON), as an editor applies them."""
    placed = []
    for e in edits:
        r = e["range"]
        start = offset(text, r["start"]["line"], r["start"]["character"], encoding)
        end = offset(text, r["end"]["line"], r["end"]["character"], encoding)
        placed.append((start, end, e["newText"]))
    for start, end, new in sorted(placed, reverse=True):
        text = text[:start] + new + text[end:]
    return text


class _Errors(logging.Handler):
    """pygls logs an exception that escapes a handler: any such record is a failure."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


#: Error codes that are answers, not faults: a refused rename (RequestFailed,
#: InvalidParams for the new name).
_ANSWERS = {-32803, -32602}


class LspMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="bkr-lsp-fuzz-"))
        self.folder = self.tmp / "ws"
        shutil.copytree(EXAMPLES, self.folder, ignore=shutil.ignore_patterns("*.txt", "*.md"))
        for name, data in EXTRA_FILES.items():
            (self.folder / name).write_bytes(data)
        self.files = sorted(p for p in self.folder.rglob("*.bkr"))
        self.editor = Editor()
        self.errors = _Errors()
        logging.getLogger("pygls").addHandler(self.errors)
        self.open: dict[str, str] = {}  # URI -> the text the editor holds
        self.versions: dict[str, int] = {}
        self.dirty: set[str] = set()  # changed since the last save
        #: Opened from a file that is not UTF-8 (the editor shows U+FFFD for its bytes):
        #: the buffer is not the file until it is saved.
        self.unlike_disk: set[str] = set()
        self.encoding = "utf-16"
        self.symbol_tree = False
        #: Each open document's last semantic tokens the server sent whole or as a
        #: delta: (resultId, the integers the editor holds), as VS Code keeps them.
        self.tokens: dict[str, tuple[str, list[int]]] = {}

    def teardown(self) -> None:
        try:
            if not self.editor.errors and not self.errors.records:
                # The last texts saved: their diagnostics are `bkrc check`'s. A buffer of
                # no file (`untitled:`) is saved too (as `did_save` does): while typing,
                # the server keeps what it read of the typing (`held_over`, `typing_at_end`),
                # which a fresh server opening the same text has not; a save drops it.
                for uri in sorted(self.open):
                    if uri.startswith("file:"):
                        Path(uri[len("file://") :]).write_bytes(self.open[uri].encode("utf-8"))
                    self.editor.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
                self.dirty.clear()
                for uri in sorted(self.open):
                    if uri.startswith("file:"):
                        self.same_diagnostics_as_bkrc_check(uri)
                        self.same_fix_all_as_bkrc_check_fix(uri)
                self.same_answers_as_a_fresh_server()
                self.no_fault()
        finally:
            logging.getLogger("pygls").removeHandler(self.errors)
            self.editor.close()
            shutil.rmtree(self.tmp, ignore_errors=True)

    def same_answers_as_a_fresh_server(self) -> None:
        """Every open document's answers are those of a server started on the final
        files with the same buffers open: nothing the session did (files renamed,
        buffers moved, modules edited, closed and opened again) left a trace."""
        fresh = Editor()
        try:
            fresh.initialize(self.folder, self.encoding, symbol_tree=self.symbol_tree, file_renames=True)
            for uri in sorted(self.open):
                item = {"uri": uri, "languageId": "bkr", "version": self.versions[uri], "text": self.open[uri]}
                fresh.notify("textDocument/didOpen", {"textDocument": item})
            for uri in sorted(self.open):
                # But for what this session read and a fresh server never did: a module
                # renamed outside the editor, which this session had read under its old
                # name, is named at its import under its new one, a help line and a quick
                # fix *Import `...`* more (docs/lsp.md; `BkrServer.renamed_modules`).
                published = self.editor.published(uri)
                renames = {f"Import `{m.group(1)}`" for d in published or [] for m in _RENAMED_TO.finditer(d["message"])}
                if published is not None:
                    published = [{**d, "message": _RENAMED.sub(r"\1", d["message"])} for d in published]
                assert published == fresh.published(uri), uri
                for method, params in self.questions(uri):
                    ours, theirs = self.editor.request(method, params), fresh.request(method, params)
                    if renames and method == "textDocument/codeAction" and isinstance(ours.get("result"), list):
                        ours["result"] = [a for a in ours["result"] if a.get("title") not in renames]
                    if method == "textDocument/semanticTokens/full":
                        for answer in (ours, theirs):  # (the ids number each session's answers)
                            answer["result"].pop("resultId")
                    assert ours.get("result") == theirs.get("result"), (method, params)
                    assert ours.get("error") == theirs.get("error"), (method, params)
            assert fresh.errors == []
        finally:
            fresh.close()

    def questions(self, uri: str) -> list[tuple[str, dict]]:
        """Requests on a document, the positions at a few of its words spread over it."""
        doc = {"textDocument": {"uri": uri}}
        lines = len(lsp_lines(self.open[uri]))
        whole = {"start": {"line": 0, "character": 0}, "end": {"line": lines, "character": 0}}
        out = [
            ("textDocument/documentSymbol", doc),
            ("textDocument/foldingRange", doc),
            ("textDocument/semanticTokens/full", doc),
            ("textDocument/semanticTokens/range", {**doc, "range": {**whole, "start": {"line": lines // 2, "character": 0}}}),
            ("textDocument/inlayHint", {**doc, "range": whole}),
            ("textDocument/codeAction", {**doc, "range": whole, "context": {"diagnostics": []}}),
            ("workspace/symbol", {"query": "D"}),
            ("textDocument/codeAction", {**doc, "range": whole, "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
        ]
        words = len(_WORD.findall(self.open[uri]))
        for n in range(0, words, max(1, words // 8)):
            at = {**doc, "position": self.position(uri, n, 1)}
            out += [(m, at) for m in ("textDocument/hover", "textDocument/definition", "textDocument/prepareRename")]
            out += [
                ("textDocument/documentHighlight", at),
                ("textDocument/references", {**at, "context": {"includeDeclaration": True}}),
                ("textDocument/rename", {**at, "newName": "NEWNAME"}),
                ("textDocument/completion", at),
            ]
        return out

    # ------------------------------------------------------------ helpers
    def uri(self, path: Path) -> str:
        return path.as_uri()

    def text_of(self, uri: str) -> str | None:
        """The text the editor shows for `uri`: its buffer, else the file as an editor loads it."""
        if uri in self.open:
            return self.open[uri]
        if not uri.startswith("file://"):
            return None
        path = Path(uri[len("file://") :].replace("%20", " "))
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return text.removeprefix("\ufeff")

    def position(self, uri: str, a: int, b: int) -> dict:
        """A position in the document: any line (one past the end too), any valid
        character on it, or a little past its end."""
        text = self.open[uri]
        words = list(_WORD.finditer(text))
        if words and b % 3:  # most often on a word, where the answers are
            word = words[a % len(words)]
            at = word.start() + b % (len(word.group()) + 1)
            line = len(_LINE_END.findall(text[:at]))
            start = ([0] + [m.end() for m in _LINE_END.finditer(text)])[line]
            return {"line": line, "character": sum(units(c, self.encoding) for c in text[start:at])}
        lines = lsp_lines(text)
        line = a % (len(lines) + 1)
        if line == len(lines):
            return {"line": line, "character": b % 3}
        valid = boundaries(lines[line], self.encoding)
        valid += [valid[-1] + 1, valid[-1] + 5]
        return {"line": line, "character": valid[b % len(valid)]}

    def check_position(self, uri: str, p: dict, what: str) -> None:
        text = self.text_of(uri)
        if text is None:
            return
        lines = lsp_lines(text)
        assert 0 <= p["line"] < len(lines), f"{what}: line {p['line']} of {len(lines)} in {uri}"
        valid = boundaries(lines[p["line"]], self.encoding)
        assert p["character"] in valid, f"{what}: character {p['character']} of {lines[p['line']]!r} ({uri})"

    def check_ranges(self, value, uri: str, what: str) -> None:
        """Every range and position in an answer is valid in the text it names."""
        if isinstance(value, list):
            for v in value:
                self.check_ranges(v, uri, what)
            return
        if not isinstance(value, dict):
            return
        if "uri" in value and "range" in value:
            self.check_ranges(value["range"], value["uri"], what)
            rest = {k: v for k, v in value.items() if k not in ("uri", "range")}
            self.check_ranges(rest, uri, what)
            return
        if "textDocument" in value and "edits" in value:
            self.check_ranges(value["edits"], value["textDocument"]["uri"], what)
            return
        if "changes" in value and isinstance(value["changes"], dict):
            for target, edits in value["changes"].items():
                self.check_ranges(edits, target, what)
            return
        if (
            "start" in value
            and "end" in value
            and isinstance(value["start"], dict)
            and "line" in value["start"]
        ):
            self.check_position(uri, value["start"], what)
            self.check_position(uri, value["end"], what)
            assert (value["start"]["line"], value["start"]["character"]) <= (
                value["end"]["line"],
                value["end"]["character"],
            ), f"{what}: a range that ends before it starts: {value}"
            return
        if "position" in value and isinstance(value["position"], dict):
            self.check_position(uri, value["position"], what)
        if "startLine" in value and "endLine" in value:
            n = len(lsp_lines(self.text_of(uri) or ""))
            assert 0 <= value["startLine"] <= value["endLine"] < n, f"{what}: fold {value} of {n} lines"
        for key, v in value.items():
            if key not in ("position",):
                self.check_ranges(v, uri, what)

    def ask(self, method: str, params: dict, uri: str) -> object:
        answer = self.editor.request(method, params)
        if "error" in answer:
            assert answer["error"]["code"] in _ANSWERS, f"{method}: {answer['error']}"
            return None
        self.check_ranges(answer["result"], uri, method)
        return answer["result"]

    # ------------------------------------------------------------ rules
    @initialize(encoding=st.sampled_from(["utf-16", "utf-16", "utf-8", "utf-32"]), symbol_tree=st.booleans())
    def start(self, encoding: str, symbol_tree: bool) -> None:
        self.encoding, self.symbol_tree = encoding, symbol_tree
        self.editor.initialize(self.folder, encoding, symbol_tree=symbol_tree, file_renames=True)

    @rule(which=st.integers(0, 100), bom=st.booleans(), crlf=st.booleans())
    def did_open(self, which: int, bom: bool, crlf: bool) -> None:
        path = self.files[which % len(self.files)]
        uri = self.uri(path)
        if uri in self.open:
            return
        data = path.read_bytes()
        text = data.decode("utf-8", errors="replace")
        if text.encode("utf-8") != data:
            self.unlike_disk.add(uri)
        if crlf:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        if bom and not text.startswith("\ufeff"):
            text = "\ufeff" + text
        self.open[uri] = text
        self.versions[uri] = 1
        item = {"uri": uri, "languageId": "bkr", "version": 1, "text": text}
        self.editor.notify("textDocument/didOpen", {"textDocument": item})

    @rule(importer=st.sampled_from(["with-site.bkr", "also-site.bkr"]))
    def open_a_module_and_an_importer(self, importer: str) -> None:
        """The examples' module and a cluster that imports it, both open (more often
        than `did_open` alone would): an edit of the module must show in the
        cluster, which shares its parse with the other importer."""
        for name in ("site/common.bkr", importer):
            if self.folder / name not in self.files:  # renamed (`rename_file`)
                return
            self.did_open(self.files.index(self.folder / name), bom=False, crlf=False)

    def some_open(self, which: int) -> str:
        uris = sorted(self.open)
        return uris[which % len(uris)]

    @rule(name=st.sampled_from(["untitled:Untitled-1", "new.bkr"]), text=TEXTS)
    def did_open_new(self, name: str, text: str) -> None:
        """A buffer that is no file of the workspace (yet)."""
        uri = name if ":" in name else self.uri(self.folder / name)
        if uri in self.open:
            return
        self.open[uri] = text
        self.versions[uri] = 1
        if uri.startswith("file:"):
            self.dirty.add(uri)
        item = {"uri": uri, "languageId": "bkr", "version": 1, "text": text}
        self.editor.notify("textDocument/didOpen", {"textDocument": item})

    @rule(
        which=st.integers(0, 100),
        method=st.sampled_from(["textDocument/didChange", "textDocument/didSave", "textDocument/didClose"]),
    )
    def stray(self, which: int, method: str) -> None:
        """A notification about a document the editor has not opened (or has closed):
        a late message of a client, passed over."""
        uri = self.uri(self.files[which % len(self.files)])
        if uri in self.open:
            return
        params: dict = {"textDocument": {"uri": uri, "version": 7}}
        if method == "textDocument/didChange":
            start = {"line": 0, "character": 0}
            params["contentChanges"] = [{"range": {"start": start, "end": start}, "text": "x"}]
        self.editor.notify(method, params)

    @rule(
        which=st.integers(0, 100),
        folder=st.booleans(),
        new=st.sampled_from(RENAMED_TO),
        ask=st.booleans(),
        client=st.sampled_from(["reopen", "reopen-late", "keep", "silent"]),
    )
    def rename_file(self, which: int, folder: bool, new: str, ask: bool, client: str) -> None:
        """A file renamed or moved in the editor's explorer (an open document, or a
        module that a cluster imports), or the folder it is in: the client asks
        first (`willRenameFiles`) and applies the edit, or not; renames it on disk;
        closes the open documents renamed and opens them under their new names,
        before or after it says so (`didRenameFiles`), or leaves that to the
        server (lsp4ij before its pull request #456), which moves the buffers;
        or closes and opens them and says nothing (`silent`: a client that does
        not tell of files renamed, nor watches files)."""
        modules = [self.folder / m for m in ("site/common.bkr", "site/crlf.bkr", "cycle-a.bkr")]
        opened = [Path(unquote(u[len("file://") :])) for u in sorted(self.open) if u.startswith("file:")]
        candidates = [p for p in opened + modules if p.is_file()]
        if not candidates:
            return
        old = candidates[which % len(candidates)]
        if folder:
            if old.parent == self.folder:
                return
            up, name = new.startswith("../"), new.removeprefix("../").split("/")[0]
            old, target = old.parent, Path(os.path.normpath(self.folder / ("../" if up else "") / name.split(".")[0]))
        else:
            target = Path(os.path.normpath(self.folder / new))
        if target.exists() or old == target or target.is_relative_to(old):
            return
        renamed = {u: self.folder_of(u, old, target) for u in sorted(self.open)}
        renamed = {u: n for u, n in renamed.items() if n is not None}
        if any(n in self.open or Path(unquote(n[len("file://") :])).exists() for n in renamed.values()):
            return  # a buffer open at the new name already (a new file not saved)
        files = [{"oldUri": old.as_uri(), "newUri": target.as_uri()}]
        if ask:
            edit = self.ask("workspace/willRenameFiles", {"files": files}, "")
            for change in (edit or {}).get("documentChanges") or []:
                uri, version = change["textDocument"]["uri"], change["textDocument"]["version"]
                if uri in self.open:
                    assert version == self.versions[uri], change
                    self.apply(uri, change["edits"])
                else:  # a file the editor has not opened: written as it edits it
                    assert version is None, change
                    path = Path(unquote(uri[len("file://") :]))
                    data = path.read_bytes().decode("utf-8")
                    mark = "\ufeff" if data.startswith("\ufeff") else ""
                    path.write_bytes((mark + apply_edits(data.removeprefix(mark), change["edits"], self.encoding)).encode())
        target.parent.mkdir(parents=True, exist_ok=True)
        old.rename(target)
        self.files = sorted(self.folder.rglob("*.bkr"))

        def reopen() -> None:
            for uri, new_uri in renamed.items():
                text = self.open.pop(uri)
                self.versions.pop(uri)
                self.editor.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
                self.open[new_uri], self.versions[new_uri] = text, 1
                item = {"uri": new_uri, "languageId": "bkr", "version": 1, "text": text}
                self.editor.notify("textDocument/didOpen", {"textDocument": item})
                self.moved(uri, new_uri)

        if client in ("reopen", "silent"):
            reopen()
        if client != "silent":
            self.editor.notify("workspace/didRenameFiles", {"files": files})
        if client == "reopen-late":
            reopen()
        elif client == "keep":  # the server moved each buffer, its text and version kept
            for uri, new_uri in renamed.items():
                self.open[new_uri], self.versions[new_uri] = self.open.pop(uri), self.versions.pop(uri)
                self.moved(uri, new_uri)
        for uri in renamed:
            assert self.editor.published(uri) == [], uri

    def folder_of(self, uri: str, old: Path, new: Path) -> str | None:
        """The URI an open document at `uri` has once `old` (a file or a folder) is `new`."""
        if not uri.startswith("file:"):
            return None
        path = Path(unquote(uri[len("file://") :]))
        if not path.is_relative_to(old):
            return None
        return (new / path.relative_to(old)).as_uri()

    def moved(self, uri: str, new_uri: str) -> None:
        self.tokens.pop(uri, None)  # (closed, or moved by the server: its tokens are asked afresh)
        for marks in (self.dirty, self.unlike_disk):
            if uri in marks:
                marks.discard(uri)
                marks.add(new_uri)

    @precondition(lambda self: self.open)
    @rule(
        which=st.integers(0, 100),
        changes=st.lists(
            st.tuples(
                st.integers(0, 10**6),
                st.integers(0, 10**6),
                st.integers(0, 10**6),
                st.integers(0, 10**6),
                TEXTS,
            ),
            min_size=1,
            max_size=3,
        ),
        whole=st.integers(0, 19),
    )
    def did_change(self, which: int, changes: list, whole: int) -> None:
        """One to three incremental changes, each on the text the one before left
        (now and then the whole text replaced instead)."""
        uri = self.some_open(which)
        sent = []
        for a, b, c, d, new in changes:
            if whole == 0:
                self.open[uri] = new
                sent.append({"text": new})
                continue
            start, end = self.position(uri, a, b), self.position(uri, c, d)
            if (start["line"], start["character"]) > (end["line"], end["character"]):
                start, end = end, start
            self.change(uri, start, end, new, sent)
        self.send_changes(uri, sent)

    @precondition(lambda self: self.open)
    @rule(
        which=st.integers(0, 100),
        a=st.integers(0, 10**6),
        blank=st.sampled_from(["  ", "\t", "\n", " \r\n", "   "]),
    )
    def layout(self, which: int, a: int, blank: str) -> None:
        """Blanks at a line's start: the text still parses, and `bkrc fmt` has work."""
        uri = self.some_open(which)
        start = {"line": a % len(lsp_lines(self.open[uri])), "character": 0}
        sent: list = []
        self.change(uri, start, start, blank, sent)
        self.send_changes(uri, sent)

    def change(self, uri: str, start: dict, end: dict, new: str, sent: list) -> None:
        text = self.open[uri]
        at, to = offset(text, **start, encoding=self.encoding), offset(text, **end, encoding=self.encoding)
        self.open[uri] = text[:at] + new + text[to:]
        sent.append({"range": {"start": start, "end": end}, "text": new})

    def send_changes(self, uri: str, sent: list) -> None:
        self.versions[uri] += 1
        if uri.startswith("file:"):
            self.dirty.add(uri)
        self.editor.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": self.versions[uri]}, "contentChanges": sent},
        )

    def apply(self, uri: str, edits: list[dict]) -> None:
        """The editor applies an answer's edits to an open buffer, as one didChange
        (the last first, so each range is still where the server said)."""
        sent = []

        def key(e: dict) -> tuple[int, int]:
            return e["range"]["start"]["line"], e["range"]["start"]["character"]

        for e in sorted(edits, key=key, reverse=True):
            self.change(uri, e["range"]["start"], e["range"]["end"], e["newText"], sent)
        self.send_changes(uri, sent)

    @precondition(lambda self: self.open)
    @rule(which=st.integers(0, 100))
    def did_save(self, which: int) -> None:
        """The editor writes the buffer, then says so: the server checks it again at once."""
        uri = self.some_open(which)
        if uri.startswith("file:"):
            Path(uri[len("file://") :]).write_bytes(self.open[uri].encode("utf-8"))
        self.dirty.discard(uri)
        self.unlike_disk.discard(uri)
        self.editor.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        if uri.startswith("file:") and not self.dirty:
            # Every buffer is on disk: `bkrc check` reads what the server reads, for
            # this file and for every other open one (those that import it, too,
            # saw its text as the editor changed it).
            for other in sorted(self.open):
                if other.startswith("file:") and other not in self.unlike_disk:
                    self.same_diagnostics_as_bkrc_check(other)
            if self.saved_as_held(uri):
                self.same_fix_all_as_bkrc_check_fix(uri)

    @precondition(lambda self: self.open)
    @rule(
        which=st.integers(0, 100),
        only=st.sampled_from([["source.fixAll"], ["source"], ["quickfix", "source.fixAll"]]),
        apply=st.booleans(),
    )
    def fix_all(self, which: int, only: list[str], apply: bool) -> None:
        """*Fix all* (`source.fixAll`: VS Code's code actions on save, its *Source
        Action...* menu), asked for alone or with the quick fixes, applied or not."""
        uri = self.some_open(which)
        edits, fixed = self.fixed_all(uri, only)
        if self.saved_as_held(uri):
            self.same_fix_all_as_bkrc_check_fix(uri, fixed)
        if edits and apply:
            self.apply(uri, edits)

    @precondition(lambda self: self.open)
    @rule(which=st.integers(0, 100), a=st.integers(0, 10**6), shown=st.booleans(), make=st.sampled_from(MAKE_A_WARNING))
    def allow_a_warning(self, which: int, a: int, shown: bool, make: str) -> None:
        """*Allow BKRnnn on this line* taken on a warning published for an open document,
        asked for at its range (the client saying it shows it there, or not): one such
        action, never preferred, its edit on the buffer at its version. Applied, the
        warning is no longer published where it moved to, and a server that opens the
        buffers afresh publishes what this one does (unless this one held over
        diagnostics of the typing before the action already: `held_over`).

        Warnings are rare in text typed at random (seed 76, 20 examples: the rule took
        the action at 0 of its 68 steps, which took the document `which` named, most
        often a module or a new buffer with no job's name to lengthen; now at 33 of 53):
        the document is one with a warning published when any open one has one, and
        with none, one is made first (`make`): a job's name of five characters or fewer
        made longer (`lengthen`: BKR227 for an IDENTITY job on members with several
        workers), else, or at once (`hide`), a control character typed in a comment at
        the end of a line of code (BKR024, which a syntax error or an import cycle does
        not hide, though below a syntax error no allow is offered for it); `""` makes
        none."""

        def published_warnings(uri: str) -> list[dict]:
            found = [d for d in self.editor.published(uri) or [] if d.get("severity") == 2]
            return [d for d in found if d.get("code") != "BKR027"]  # (its fix deletes the allow)

        warned = [u for u in sorted(self.open) if published_warnings(u)]
        uri = warned[which % len(warned)] if warned else self.some_open(which)
        warnings = published_warnings(uri)
        if not warnings and make == "lengthen":
            text = self.open[uri]
            names = list(re.finditer(r"\bjob +[A-Za-z0-9$#@]{1,5}\b", text))
            if names:
                self.type_at(uri, names[a % len(names)].end(), "XY")
                warnings = published_warnings(uri)
        if not warnings and make:
            text = self.open[uri]
            # The end of a line with a word that is not in a comment (an allow does not
            # cover a comment alone on its line); in its comment, if it has one.
            ends = [m.end() for m in re.finditer(r"^\ufeff?[^\S\r\n]*[^#\s\ufeff][^\r\n]*", text, re.MULTILINE)]
            if ends:
                self.type_at(uri, ends[a % len(ends)], "  # " + HIDDEN[a % len(HIDDEN)])
                warnings = published_warnings(uri)
        if not warnings:
            return
        d = warnings[a % len(warnings)]
        context = {"diagnostics": [d] if shown else []}
        params = {"textDocument": {"uri": uri}, "range": d["range"], "context": context}
        title = f"Allow {d['code']} on this line"
        found = [x for x in self.ask("textDocument/codeAction", params, uri) or [] if x["title"] == title]
        if not found:  # a module's warning, shown at the import that leads to it
            return
        (action,) = found
        assert action["kind"] == "quickfix" and not action.get("isPreferred"), action
        (change,) = action["edit"]["documentChanges"]
        assert change["textDocument"] == {"uri": uri, "version": self.versions[uri]}, change
        before = ({u: (self.versions[u], t) for u, t in self.open.items()}, self.editor.published(uri))
        start = d["range"]["start"]
        # A directive on a line of its own goes in above the warning's line: it moves down.
        down = sum(
            len(_LINE_END.findall(e["newText"])) for e in change["edits"] if e["range"]["start"]["line"] <= start["line"]
        )
        self.apply(uri, change["edits"])
        at = {"line": start["line"] + down, "character": start["character"]}
        ours = self.editor.published(uri) or []
        assert [x for x in ours if x["code"] == d["code"] and x["range"]["start"] == at] == [], (d, self.open[uri])
        now = {u: (self.versions[u], t) for u, t in self.open.items()}
        if ours != (self.published_afresh(uri, now) or []):
            # A session that held diagnostics over before the action (the typing's:
            # `held_over`) may hold them after it; one that did not, may not.
            assert (self.published_afresh(uri, before[0]) or []) != (before[1] or []), (uri, ours, self.open[uri])

    def type_at(self, uri: str, at: int, new: str) -> None:
        """`new` typed at the offset `at` of the buffer at `uri`, as one change."""
        text = self.open[uri]
        line = len(_LINE_END.findall(text[:at]))
        start = ([0] + [m.end() for m in _LINE_END.finditer(text)])[line]
        position = {"line": line, "character": sum(units(c, self.encoding) for c in text[start:at])}
        sent: list = []
        self.change(uri, position, position, new, sent)
        self.send_changes(uri, sent)

    def published_afresh(self, uri: str, buffers: dict[str, tuple[int, str]]) -> list[dict] | None:
        """What a server started on the files as they are, with `buffers` open (URI ->
        version, text), publishes for `uri`."""
        fresh = Editor()
        try:
            fresh.initialize(self.folder, self.encoding, symbol_tree=self.symbol_tree, file_renames=True)
            for u in sorted(buffers):
                item = {"uri": u, "languageId": "bkr", "version": buffers[u][0], "text": buffers[u][1]}
                fresh.notify("textDocument/didOpen", {"textDocument": item})
            assert fresh.errors == []
            return fresh.published(uri)
        finally:
            fresh.close()

    def saved_as_held(self, uri: str) -> bool:
        """Whether every buffer is saved and the file at `uri` holds the buffer's text as
        it is (not one opened with line ends or a mark the file has not)."""
        if not uri.startswith("file:") or self.dirty:
            return False
        path = Path(unquote(uri[len("file://") :]))
        return path.is_relative_to(self.tmp) and path.is_file() and path.read_bytes() == self.open[uri].encode("utf-8")

    def fixed_all(self, uri: str, only: list[str]) -> tuple[list[dict], str]:
        """The *Fix all* action's edits (none: no action) and the buffer's text they give:
        one action at most, of the kinds asked for, its edit on the buffer at its version."""
        lines = len(lsp_lines(self.open[uri]))
        whole = {"start": {"line": 0, "character": 0}, "end": {"line": lines, "character": 0}}
        params = {"textDocument": {"uri": uri}, "range": whole, "context": {"diagnostics": [], "only": only}}
        actions = self.ask("textDocument/codeAction", params, uri) or []
        kinds = {"quickfix", "source.fixAll"} if "quickfix" in only else {"source.fixAll"}
        assert {a["kind"] for a in actions} <= kinds, actions
        found = [a for a in actions if a["kind"] == "source.fixAll"]
        assert len(found) <= 1, found
        text = self.open[uri]
        if not found:
            return [], text
        (change,) = found[0]["edit"]["documentChanges"]
        assert change["textDocument"] == {"uri": uri, "version": self.versions[uri]}, change
        fixed = apply_edits(text, change["edits"], self.encoding)
        assert fixed != text, found
        return change["edits"], fixed

    def same_fix_all_as_bkrc_check_fix(self, uri: str, fixed: str | None = None) -> None:
        """With every buffer saved, *Fix all*'s text for a file is what `bkrc check --fix`
        writes to it (no action: the file as it is), run on a copy of the session's
        folder (the workspace and what was moved out of it)."""
        if fixed is None:
            fixed = self.fixed_all(uri, ["source.fixAll"])[1]
        path = Path(unquote(uri[len("file://") :]))
        copy = Path(tempfile.mkdtemp(prefix="bkr-lsp-fix-"))
        try:
            shutil.copytree(self.tmp, copy, dirs_exist_ok=True)
            target = copy / path.relative_to(self.tmp)
            out = run_cli(["check", "--fix", str(target)])
            assert out.exit_code in (0, 1), out.output
            assert fixed == target.read_bytes().decode("utf-8"), uri
        finally:
            shutil.rmtree(copy, ignore_errors=True)

    @precondition(lambda self: self.open)
    @rule(which=st.integers(0, 100))
    def did_close(self, which: int) -> None:
        uri = self.some_open(which)
        del self.open[uri]
        self.tokens.pop(uri, None)
        self.dirty.discard(uri)
        self.unlike_disk.discard(uri)
        self.editor.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        assert self.editor.published(uri) == []

    @precondition(lambda self: self.open)
    @rule(
        method=st.sampled_from(
            [
                "textDocument/hover",
                "textDocument/completion",
                "textDocument/definition",
                "textDocument/references",
                "textDocument/documentHighlight",
                "textDocument/prepareRename",
            ]
        ),
        which=st.integers(0, 100),
        a=st.integers(0, 10**6),
        b=st.integers(0, 10**6),
    )
    def at_position(self, method: str, which: int, a: int, b: int) -> None:
        uri = self.some_open(which)
        params = {"textDocument": {"uri": uri}, "position": self.position(uri, a, b)}
        if method == "textDocument/references":
            params["context"] = {"includeDeclaration": bool(a % 2)}
        self.ask(method, params, uri)

    @precondition(lambda self: self.open)
    @rule(
        which=st.integers(0, 100),
        a=st.integers(0, 10**6),
        b=st.integers(0, 10**6),
        new=st.sampled_from(NEW_NAMES),
        apply=st.booleans(),
    )
    def rename(self, which: int, a: int, b: int, new: str, apply: bool) -> None:
        uri = self.some_open(which)
        position = self.position(uri, a, b)
        self.ask("textDocument/prepareRename", {"textDocument": {"uri": uri}, "position": position}, uri)
        params = {"textDocument": {"uri": uri}, "position": position, "newName": new}
        edit = self.ask("textDocument/rename", params, uri)
        for change in (edit or {}).get("documentChanges") or []:
            target = change["textDocument"]
            if target["uri"] in self.open:
                assert target["version"] == self.versions[target["uri"]], change
                if apply:
                    self.apply(target["uri"], change["edits"])
            else:
                assert target["version"] is None, change

    @precondition(lambda self: self.open)
    @rule(which=st.integers(0, 100), a=st.integers(0, 10**6), c=st.integers(0, 10**6))
    def whole_document(self, which: int, a: int, c: int) -> None:
        uri = self.some_open(which)
        doc = {"textDocument": {"uri": uri}}
        self.ask("textDocument/documentSymbol", doc, uri)
        self.ask("textDocument/foldingRange", doc, uri)
        lines = len(lsp_lines(self.open[uri]))
        self.semantic_tokens(uri, lines)
        first, last = sorted((a % (lines + 1), c % (lines + 1)))
        span = {"start": {"line": first, "character": 0}, "end": {"line": last, "character": 0}}
        self.ask("textDocument/inlayHint", {**doc, "range": span}, uri)
        context = {"diagnostics": []}
        actions = self.ask("textDocument/codeAction", {**doc, "range": span, "context": context}, uri)
        if actions and a % 2:  # the editor applies one
            # documentChanges (the harness's client takes them): the buffer at its version;
            # a module's mistake shown at its import is mended in that module, an open
            # buffer at its version (applied), a file not open at none (left as it is).
            (change,) = actions[c % len(actions)]["edit"]["documentChanges"]
            target = change["textDocument"]["uri"]
            if target == uri or target in self.open:
                assert change["textDocument"] == {"uri": target, "version": self.versions[target]}, change
                self.apply(target, change["edits"])
            else:
                assert change["textDocument"]["version"] is None, change

    def semantic_tokens(self, uri: str, lines: int) -> None:
        """The semantic tokens as VS Code asks for them after a change: a delta on the
        last answer (the whole tokens the first time), which applied to the integers
        the editor holds gives those of the whole document's range (a range leaves
        the delta's base alone)."""
        doc = {"textDocument": {"uri": uri}}
        sent = self.tokens.get(uri)
        if sent is None:
            answer = self.ask("textDocument/semanticTokens/full", doc, uri)
            data = answer["data"]
        else:
            answer = self.ask("textDocument/semanticTokens/full/delta", {**doc, "previousResultId": sent[0]}, uri)
            assert "edits" in answer and len(answer["edits"]) <= 1, answer  # the id is the last answer's
            data = list(sent[1])
            for edit in answer["edits"]:
                data[edit["start"] : edit["start"] + edit["deleteCount"]] = edit["data"]
        whole = {"start": {"line": 0, "character": 0}, "end": {"line": lines, "character": 0}}
        assert data == self.ask("textDocument/semanticTokens/range", {**doc, "range": whole}, uri)["data"]
        self.tokens[uri] = (answer["resultId"], data)

    @precondition(lambda self: self.open)
    @rule(
        which=st.integers(0, 100),
        a=st.integers(0, 10**6),
        b=st.integers(0, 10**6),
        typed=st.sampled_from(["\n", "}"]),
        apply=st.booleans(),
    )
    def typed(self, which: int, a: int, b: int, typed: str, apply: bool) -> None:
        """Formatting as you type changes the blanks that start the line typed on, and nothing else."""
        uri = self.some_open(which)
        position = self.position(uri, a, b)
        options = {"tabSize": 2, "insertSpaces": True}
        params = {"textDocument": {"uri": uri}, "position": position, "ch": typed, "options": options}
        edits = self.ask("textDocument/onTypeFormatting", params, uri)
        if not edits:
            return
        (edit,) = edits
        start, end = edit["range"]["start"], edit["range"]["end"]
        assert start["line"] == end["line"] == position["line"], edit
        line = lsp_lines(self.open[uri])[start["line"]]
        mark = units("\ufeff", self.encoding) if start["line"] == 0 and line.startswith("\ufeff") else 0
        assert start["character"] == mark, edit
        assert set(line.removeprefix("\ufeff")[: end["character"] - mark]) <= set(" \t\f"), edit
        assert set(edit["newText"]) <= {" "}, edit
        if apply:
            self.apply(uri, edits)

    @precondition(lambda self: self.open)
    @rule(query=st.sampled_from(["", "D", "dev", "GUEST", "si3", "😀", "BKR"]))
    def workspace_symbols(self, query: str) -> None:
        self.ask("workspace/symbol", {"query": query}, "")

    @precondition(lambda self: self.open)
    @rule(which=st.integers(0, 100), apply=st.booleans())
    def formatting(self, which: int, apply: bool) -> None:
        uri = self.some_open(which)
        options = {"tabSize": 2, "insertSpaces": True}
        edits = self.ask("textDocument/formatting", {"textDocument": {"uri": uri}, "options": options}, uri)
        text = self.open[uri]
        out = run_cli(["fmt", "-"], input=text.encode("utf-8"))
        assert out.exit_code in (0, 1), out.output
        if edits:
            assert out.exit_code == 0, out.output
            # bkrc fmt writes LF; the edit breaks lines as the buffer's first line end does
            newline = found.group() if (found := _LINE_END.search(text)) else "\n"
            assert apply_edits(text, edits, self.encoding) == out.stdout.replace("\n", newline)
            if apply:
                self.apply(uri, edits)
        elif out.exit_code == 0:  # nothing to change: the text is canonical, but for its line ends and mark
            assert out.stdout == text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")

    @precondition(lambda self: self.open)
    @rule(which=st.integers(0, 100), a=st.integers(0, 10**6), c=st.integers(0, 10**6), apply=st.booleans())
    def range_formatting(self, which: int, a: int, c: int, apply: bool) -> None:
        """Format Selection edits the selected lines only, and the text it leaves is
        the same program: `bkrc fmt` gives for it what it gives for the text before."""
        uri = self.some_open(which)
        text = self.open[uri]
        lines = len(lsp_lines(text))
        first, last = sorted((a % lines, c % lines))
        span = {"start": {"line": first, "character": 0}, "end": {"line": last, "character": c % 7}}
        params = {"textDocument": {"uri": uri}, "range": span, "options": {"tabSize": 2, "insertSpaces": True}}
        edits = self.ask("textDocument/rangeFormatting", params, uri)
        if not edits:
            return
        for e in edits:
            assert first <= e["range"]["start"]["line"] <= e["range"]["end"]["line"] <= last + 1, (span, e)
        before = run_cli(["fmt", "-"], input=text.encode("utf-8"))
        assert before.exit_code == 0, before.output
        after = run_cli(["fmt", "-"], input=apply_edits(text, edits, self.encoding).encode("utf-8"))
        assert after.exit_code == 0 and after.stdout == before.stdout, after.output
        if apply:
            self.apply(uri, edits)

    # ------------------------------------------------------------ invariants
    @invariant()
    def no_fault(self) -> None:
        assert not self.editor.errors, self.editor.errors
        assert not self.errors.records, [r.getMessage() for r in self.errors.records]

    @invariant()
    def same_text(self) -> None:
        held = {uri: self.editor.text(uri) for uri in self.editor.open_uris()}
        assert held == self.open

    def same_diagnostics_as_bkrc_check(self, uri: str) -> None:
        """The diagnostics published for a saved document are `bkrc check`'s."""
        path = uri[len("file://") :]
        out = run_cli(["check", "--format", "json", path])
        assert out.exit_code in (0, 1), out.output
        report = json.loads(out.stdout)
        text = self.open[uri]
        lines = lsp_lines(text.removeprefix("\ufeff"))
        mark = units("\ufeff", self.encoding) if text.startswith("\ufeff") else 0

        def position(line: int, column: int) -> tuple[int, int]:
            body = lines[line - 1] if line - 1 < len(lines) else ""
            n = sum(units(c, self.encoding) for c in body[: column - 1])
            return line - 1, n + (mark if line == 1 else 0)

        expected, elsewhere = [], []
        for d in report["diagnostics"]:
            message = d["message"] + (f"\nhelp: {d['help']}" if d.get("help") else "")
            # (the editor names a workspace's files relative to its folder, stop 81)
            message = relative_to(message, [str(self.folder)])
            if d["file"] == path:
                where = (position(d["line"], d["column"]), position(d["end_line"], d["end_column"]))
                expected.append((d["code"], where, message))
            else:
                elsewhere.append(d["code"])
        got, got_elsewhere, left = [], [], list(expected)
        for d in self.editor.published(uri) or []:
            r = d["range"]
            where = ((r["start"]["line"], r["start"]["character"]), (r["end"]["line"], r["end"]["character"]))
            # (a module renamed outside the editor: its help's first line says so, stop 81)
            key = (d["code"], where, _RENAMED.sub(r"\1", d["message"]))
            if key in left:
                left.remove(key)
                got.append(key)
            else:  # a module's diagnostic, shown at the import that leads to it
                got_elsewhere.append(d["code"])
        assert sorted(got) == sorted(expected)
        assert sorted(got_elsewhere) == sorted(elsewhere)


TestLspFuzz = LspMachine.TestCase
# The profile as every property test follows it (tests/conftest.py): the same
# examples in CI, fresh ones and SCALE times as many under `explore`
# (`.ci/explore`). conftest marks it `property`, but leaves its settings here.
TestLspFuzz.settings = settings(
    max_examples=HUNT or 12 * SCALE,
    stateful_step_count=60,
    derandomize=not HUNT and PROFILE == "ci",
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


# ---------------------------------------------------------------- what the fuzz found


def test_a_change_to_a_document_not_open_is_passed_over(tmp_path):
    """Found by the fuzz: a didChange for a document the client has not opened (or
    has closed) made pygls fail with a KeyError, an internal error shown to the user."""
    (tmp_path / "a.bkr").write_text("single group G { A }\n")
    editor = Editor()
    try:
        editor.initialize(tmp_path)
        uri = (tmp_path / "a.bkr").as_uri()
        at = {"line": 0, "character": 0}
        change = {"range": {"start": at, "end": at}, "text": "x"}
        editor.notify(
            "textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [change]}
        )
        assert editor.errors == []
        item = {"uri": uri, "languageId": "bkr", "version": 1, "text": "single group G { A }\n"}
        editor.notify("textDocument/didOpen", {"textDocument": item})
        editor.notify(
            "textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [change]}
        )
        assert editor.errors == []
        assert editor.text(uri) == "xsingle group G { A }\n"
    finally:
        editor.close()


def test_a_module_saved_as_a_new_file_answers_an_import_that_found_none(tmp_path):
    """Found by the fuzz (stop 81's CI): `import ./new` in an open file, no new.bkr on
    disk (BKR101), then a buffer new.bkr opened and saved: the importer kept its
    BKR101, where `bkrc check` read the module saved. An analysis that found no module
    read no file, so no save told the server to check it again; a save now checks the
    open files with a BKR101 again."""
    importer = tmp_path / "a.bkr"
    importer.write_text("import ./new\nsingle group CB { CYCB }\n")
    module = tmp_path / "new.bkr"
    editor = Editor()
    try:
        editor.initialize(tmp_path)
        uri = importer.as_uri()
        item = {"uri": uri, "languageId": "bkr", "version": 1, "text": importer.read_text()}
        editor.notify("textDocument/didOpen", {"textDocument": item})
        assert [d["code"] for d in editor.published(uri)] == ["BKR101"]
        text = "single group NEW { NEWUSER }\n"
        item = {"uri": module.as_uri(), "languageId": "bkr", "version": 1, "text": text}
        editor.notify("textDocument/didOpen", {"textDocument": item})
        module.write_text(text)
        editor.notify("textDocument/didSave", {"textDocument": {"uri": module.as_uri()}})
        assert editor.errors == []
        assert [d["code"] for d in editor.published(uri)] == [
            d["code"] for d in json.loads(run_cli(["check", "--format", "json", str(importer)]).stdout)["diagnostics"]
        ]
        assert "BKR101" not in [d["code"] for d in editor.published(uri)]
    finally:
        editor.close()


def test_a_rename_in_a_buffer_of_no_file_names_its_version(tmp_path):
    """Found by the fuzz: a rename in a new buffer not yet saved (`untitled:`) gave
    its edit no version (`null`, as for a file not open), so an editor would apply
    it to the buffer even after it changed."""
    editor = Editor()
    try:
        editor.initialize(tmp_path)
        uri = "untitled:Untitled-1"
        item = {"uri": uri, "languageId": "bkr", "version": 3, "text": "single group G { A }\n"}
        editor.notify("textDocument/didOpen", {"textDocument": item})
        at = {"line": 0, "character": 13}
        answer = editor.request(
            "textDocument/rename", {"textDocument": {"uri": uri}, "position": at, "newName": "H"}
        )
        (change,) = answer["result"]["documentChanges"]
        assert change["textDocument"] == {"uri": uri, "version": 3}
        assert [e["newText"] for e in change["edits"]] == ["H"]
    finally:
        editor.close()


def test_a_save_of_a_document_not_open_is_passed_over(tmp_path):
    """Found by the fuzz: a didSave for a document the client has not opened (or
    has closed) made the server read the file through pygls and check it: an
    internal error for a file that is not UTF-8, and diagnostics published for a
    document the editor does not show."""
    (tmp_path / "latin.bkr").write_bytes("single group \u00c9T\u00c9 { A }\n".encode("latin-1"))
    (tmp_path / "a.bkr").write_text("single group G { A B }\n")
    editor = Editor()
    try:
        editor.initialize(tmp_path)
        for name in ("latin.bkr", "a.bkr"):
            editor.notify("textDocument/didSave", {"textDocument": {"uri": (tmp_path / name).as_uri()}})
        assert editor.errors == []
        assert [
            m for m in editor.writer.messages if m.get("method") == "textDocument/publishDiagnostics"
        ] == []
    finally:
        editor.close()


def test_formatting_refuses_what_bkrc_fmt_refuses(tmp_path):
    """Found by the fuzz: a buffer with a NUL in a comment (BKR001: `bkrc check` and
    `bkrc fmt` do not read it as text) was formatted all the same: the server laid
    out the text without reading it as a file is read."""
    text = "#\x00\n   single group G { A }\n"
    assert run_cli(["fmt", "-"], input=text.encode("utf-8")).exit_code == 1
    editor = Editor()
    try:
        editor.initialize(tmp_path)
        uri = (tmp_path / "a.bkr").as_uri()
        item = {"uri": uri, "languageId": "bkr", "version": 1, "text": text}
        editor.notify("textDocument/didOpen", {"textDocument": item})
        options = {"tabSize": 2, "insertSpaces": True}
        answer = editor.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": options})
        assert answer["result"] == []
        assert [d["code"] for d in editor.published(uri)] == ["BKR001"]
    finally:
        editor.close()


def test_a_lone_surrogate_in_a_buffer_is_reported_as_a_file_would_be(tmp_path):
    """Found by the fuzz (left out of its generated text until then): a buffer may
    hold a lone UTF-16 surrogate (JSON's "\\ud800" is valid), which no UTF-8 file
    can; encoding it for the analysis raised UnicodeEncodeError, an internal error
    at every request. It is now reported where it stands (BKR002), and formatting
    leaves the buffer alone, as `bkrc fmt` leaves a file it cannot read."""
    text = "single group G { A }\n# \ud800 here\nsingle group H { B }\n"
    editor = Editor()
    try:
        editor.initialize(tmp_path)
        uri = (tmp_path / "a.bkr").as_uri()
        item = {"uri": uri, "languageId": "bkr", "version": 1, "text": text}
        editor.notify("textDocument/didOpen", {"textDocument": item})
        published = editor.published(uri)
        assert [(d["code"], d["range"]["start"]) for d in published] == [("BKR002", {"line": 1, "character": 2})]
        options = {"tabSize": 2, "insertSpaces": True}
        answer = editor.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": options})
        assert answer["result"] == []
        symbols = editor.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        assert "error" not in symbols
        assert editor.errors == []
    finally:
        editor.close()


# stop 75, h7: completion before a form feed or a no-break space (LSP fuzz, seed 4940)
def _completion_labels(tmp_path, text: str, position: dict) -> list[str]:
    """The labels of the completion at `position` in a new buffer holding `text`; the
    server must have answered it without an internal error."""
    editor = Editor()
    try:
        editor.initialize(tmp_path)
        uri = "untitled:Untitled-1"
        item = {"uri": uri, "languageId": "bkr", "version": 1, "text": text}
        editor.notify("textDocument/didOpen", {"textDocument": item})
        answer = editor.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": position})
        assert "error" not in answer, answer["error"]
        assert editor.errors == []
        result = answer["result"] or []
        return [i["label"] for i in (result["items"] if isinstance(result, dict) else result)]
    finally:
        editor.close()


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
@pytest.mark.parametrize("blank", ["\x0c", "\xa0", "\u3000", "\x1c"])
def test_h7s75_completion_before_a_character_python_splits_at(tmp_path, monkeypatch, reading, blank):
    """Found by the fuzz (seed 4940; reduced: a buffer `single \\f`, completion after
    `single `): the words after the cursor were found with `str.split`, for which a
    form feed, a no-break space, U+3000 or U+001C is a blank, after `_rest_of_line`
    had taken them for a word (it passed over spaces and tabs only): no word, an
    IndexError, an internal error at every completion there. The form feed is a
    blank to the grammar: the words after the cursor are now read past it, as past
    a space. The others are no blank to it: the server answers (what it answers
    before a character it does not read), with no internal error."""
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    texts = [
        ("single @", {"line": 0, "character": 7}),
        ("single group G { A }\nbackup G @\n", {"line": 1, "character": 9}),
        ("single @\n  group", {"line": 0, "character": 7}),
    ]
    for text, at in texts:
        labels = _completion_labels(tmp_path, text.replace("@", blank), at)
        if blank == "\x0c":
            assert labels == _completion_labels(tmp_path, text.replace("@", " "), at), repr(text)


# stop 75, h14: the fuzz's end of session saves a buffer of no file too (held_over)
def test_h14s75_a_buffer_of_no_file_is_saved_before_it_is_compared_with_a_fresh_server():
    """The fuzz's oracle (seed 4944, read while it ran): at the end of a session only
    the buffers of files were saved before their answers were compared with a fresh
    server's. An `untitled:` buffer with a syntax error typed on a line kept, off that
    line, the last checked analysis's diagnostics (`held_over`, as the server means
    to), which a server that opens the same text has no analysis to keep: the session
    failed though the server did as promised. It is saved too, as `did_save` saves
    it, and after the save its diagnostics are a fresh server's."""
    machine = LspMachine()
    try:
        machine.start("utf-16", False)
        uri = "untitled:Untitled-1"
        text = (EXAMPLES / "minimal.bkr").read_text().replace("backup GUESTS full", "backup GUESTX full")
        machine.did_open_new(uri, text)
        assert [d["code"] for d in machine.editor.published(uri)] == ["BKR331"]
        line = lsp_lines(text).index("    run on DEV1 daily 01:00")
        at = {"line": line, "character": len("    run on DEV1 daily 01:00")}
        sent: list = []
        machine.change(uri, at, at, " ru", sent)
        machine.send_changes(uri, sent)
        # Held over: the BKR331 of a line not typed on, beside the syntax error typed.
        assert sorted(d["code"] for d in machine.editor.published(uri)) == ["BKR012", "BKR331"]
    finally:
        machine.teardown()  # saves, then compares with a fresh server: no AssertionError
    fresh = Editor()
    try:
        fresh.initialize(EXAMPLES.parent)
        item = {"uri": uri, "languageId": "bkr", "version": 2, "text": machine.open[uri]}
        fresh.notify("textDocument/didOpen", {"textDocument": item})
        assert [d["code"] for d in fresh.published(uri)] == ["BKR012"]
    finally:
        fresh.close()


# stop 75, h12: *Fix all* keeps each line's own end, as `bkrc check --fix` does
def _h12s75_fix_all(tmp_path, text: str) -> str:
    """The buffer `text` (in a.bkr, saved as it is) with the *Fix all* action applied."""
    path = tmp_path / "a.bkr"
    path.write_bytes(text.encode("utf-8"))
    editor = Editor()
    try:
        editor.initialize(tmp_path)
        uri = path.as_uri()
        item = {"uri": uri, "languageId": "bkr", "version": 1, "text": text}
        editor.notify("textDocument/didOpen", {"textDocument": item})
        whole = {"start": {"line": 0, "character": 0}, "end": {"line": len(lsp_lines(text)), "character": 0}}
        params = {"textDocument": {"uri": uri}, "range": whole, "context": {"diagnostics": [], "only": ["source.fixAll"]}}
        (action,) = editor.request("textDocument/codeAction", params)["result"]
        assert editor.errors == []
        (change,) = action["edit"]["documentChanges"]
        return apply_edits(text, change["edits"], "utf-16")
    finally:
        editor.close()


_H12S75_LINE_ENDS = {
    "an LF file, one line CRLF": lambda t: t.replace("cluster DEVSSI {\n", "cluster DEVSSI {\r\n"),
    "a CRLF file, one line LF": lambda t: t.replace("\n", "\r\n").replace("cluster DEVSSI {\r\n", "cluster DEVSSI {\n"),
    "an LF file, one line CR": lambda t: t.replace("cluster DEVSSI {\n", "cluster DEVSSI {\r"),
}


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
@pytest.mark.parametrize("line_ends", sorted(_H12S75_LINE_ENDS))
@pytest.mark.parametrize("fix", ["a word (BKR012)", "a line added (BKR253)"])
def test_h12s75_fix_all_keeps_each_lines_own_end(tmp_path, monkeypatch, reading, line_ends, fix):
    """Found by the fuzz (seed 4943, its new *Fix all* oracle; reduced: a file whose
    line ends are mixed, one fix): the action's edit went through `text_edit`, which
    gives every line end of a new text the document's first one. The text `fix_all`
    mends is the buffer as written, each line with its own end: a CRLF line of an LF
    file lost its CR (a lone CR became LF; an LF line of a CRLF file got one), where
    `bkrc check --fix` keeps it. Now the action's text is what `--fix` writes, byte
    for byte, and the file then checks clean."""
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    good = _H12S75_LINE_ENDS[line_ends]((EXAMPLES / "minimal.bkr").read_text())
    end = "\r\n" if line_ends.startswith("a CRLF") else "\n"
    if fix.startswith("a word"):
        text = good.replace("backup GUESTS full", "backup GUESTS fulll")
    else:
        text = good.replace(f"  disk BKRWRK* 191 size 5 cyl{end}", "")
    assert text != good
    fixed = _h12s75_fix_all(tmp_path, text)
    path = tmp_path / "a.bkr"
    out = run_cli(["check", "--fix", str(path)])
    assert out.exit_code == 0, out.output
    assert fixed == path.read_bytes().decode("utf-8")
    if fix.startswith("a word"):
        assert fixed == good
    else:
        # The line the fix adds ends as the line it goes into (`fixes.apply`).
        assert f"disk BKRWRK* 191 size 5 cyl{end}" in fixed and fixed.count("\r") == good.count("\r")
    out = run_cli(["check", str(path)])
    assert out.exit_code == 0 and "warning" not in out.output, out.output


# stop 76, h5: the fuzz takes *Allow BKRnnn on this line* (allow_a_warning)
_H5S76_ALLOWS = {
    "after the line": ("  job SYSFULL {", "  job SYSFULL {   # bkrc: allow BKR227"),
    "above a line with a comment": (
        "  job SYSFULL {  # the system's",
        "  # bkrc: allow BKR227\n  job SYSFULL {  # the system's",
    ),
    "added to the line's allow": (
        "  job SYSFULL {   # bkrc: allow BKR253",
        "  job SYSFULL {   # bkrc: allow BKR253, BKR227",
    ),
}


def _h5s76_type_whole(machine: LspMachine, uri: str, new: str) -> None:
    """The buffer at `uri` replaced by `new`, in one incremental change."""
    sent: list = []
    end = {"line": len(lsp_lines(machine.open[uri])), "character": 0}
    machine.change(uri, {"line": 0, "character": 0}, end, new, sent)
    machine.send_changes(uri, sent)


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
@pytest.mark.parametrize("where", sorted(_H5S76_ALLOWS))
@pytest.mark.parametrize("crlf", [False, True])
def test_h5s76_the_fuzz_allows_a_warning_and_it_is_gone(monkeypatch, reading, where, crlf):
    """The fuzz typed no `# bkrc: allow` and took *Allow BKRnnn on this line* only by
    chance (`whole_document` applies any action), with no oracle for it. Its rule
    `allow_a_warning` takes it on a published warning (the client showing it there, or
    not): here BKR227 of a job renamed to seven letters, the directive written after
    the line, above it (the line has a comment), or added to its allow. The warning is
    then gone, a fresh server publishes the same, and once saved the file checks as
    the server says (the session's end)."""
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    line, allowed = _H5S76_ALLOWS[where]
    machine = LspMachine()
    try:
        machine.start("utf-16", False)
        machine.did_open(machine.files.index(machine.folder / "minimal.bkr"), bom=False, crlf=crlf)
        uri = machine.uri(machine.folder / "minimal.bkr")
        text = machine.open[uri]
        end = "\r\n" if crlf else "\n"
        for shown in (False, True):
            _h5s76_type_whole(machine, uri, text.replace("  job SYSFU {", line))
            warnings = [d["code"] for d in machine.editor.published(uri) if d["severity"] == 2]
            warnings = [c for c in warnings if c != "BKR027"]
            assert "BKR227" in warnings
            machine.allow_a_warning(0, warnings.index("BKR227"), shown, make="")
            assert machine.open[uri] == text.replace("  job SYSFU {", allowed.replace("\n", end))
            assert "BKR227" not in [d["code"] for d in machine.editor.published(uri)]
    finally:
        machine.teardown()


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
def test_h5s76_the_fuzz_makes_a_warning_to_allow(monkeypatch, reading):
    """With no warning published (warnings are rare in text typed at random: one
    session step in 22 found one), `allow_a_warning` first makes a job's name of five
    characters longer: `job SYSFU` typed to `job SYSFUXY`, an IDENTITY job on two
    members of two workers, is BKR227, then allowed after its line."""
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    machine = LspMachine()
    try:
        machine.start("utf-8", False)
        machine.did_open(machine.files.index(machine.folder / "minimal.bkr"), bom=True, crlf=False)
        uri = machine.uri(machine.folder / "minimal.bkr")
        text = machine.open[uri]
        assert machine.editor.published(uri) == []
        machine.allow_a_warning(0, 0, shown=False, make="")
        assert machine.open[uri] == text
        machine.allow_a_warning(0, 0, shown=False, make="lengthen")
        assert machine.open[uri] == text.replace("  job SYSFU {", "  job SYSFUXY {   # bkrc: allow BKR227")
        assert machine.editor.published(uri) == []
    finally:
        machine.teardown()


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
@pytest.mark.parametrize("comment", ["## A cluster \x9e of two\n", "  # a note \x9e\n"])
def test_h5s76_no_allow_offered_for_a_warning_on_a_comment_line(tmp_path, monkeypatch, reading, comment):
    """Found by the fuzz's new allow oracle (seed 4946, 40 examples; reduced: BKR024, a
    control character in a comment alone on its line): *Allow BKR024 on this line*
    wrote `# bkrc: allow BKR024` on a line of its own above the comment, which covers
    the next line of code, not the comment (`allow._next_code_line`): the warning
    stayed, and `bkrc check` said so too. No allow can cover such a line (one after it
    is part of the comment): the action is not offered. One in a statement's trailing
    comment still is, and silences it."""
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    good = (EXAMPLES / "minimal.bkr").read_text()
    for text, offered in (
        (good.replace("  job SYSFU {\n", comment + "  job SYSFU {\n"), False),
        (good.replace("  job SYSFU {\n", "  job SYSFU {  # \x9e\n"), True),
    ):
        path = tmp_path / "a.bkr"
        path.write_text(text)
        editor = Editor()
        try:
            editor.initialize(tmp_path)
            uri = path.as_uri()
            editor.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "bkr", "version": 1, "text": text}})
            (d,) = editor.published(uri)
            assert d["code"] == "BKR024"
            params = {"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}
            actions = editor.request("textDocument/codeAction", params)["result"] or []
            titles = [a["title"] for a in actions]
            assert ("Allow BKR024 on this line" in titles) == offered, titles
            if offered:
                (action,) = [a for a in actions if a["title"] == "Allow BKR024 on this line"]
                (change,) = action["edit"]["documentChanges"]
                path.write_text(apply_edits(text, change["edits"], "utf-16"))
                out = run_cli(["check", str(path)])
                assert out.exit_code == 0 and "warning" not in out.output, out.output
            assert editor.errors == []
        finally:
            editor.close()


# stop 77, h5: allow_a_warning takes a document with a warning, or makes one anywhere
@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
def test_h5s77_the_fuzz_allows_on_a_document_with_a_warning(monkeypatch, reading):
    """`allow_a_warning` found a warning at about 1 step in 10 (stop 76): it took the
    document `which` named, most often one with none. With one open document that has
    a warning (BKR227 of a job named SYSFUXY) and others that have none, whichever
    `which` names, the rule takes the action on the warned one, and makes nothing."""
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    machine = LspMachine()
    try:
        machine.start("utf-16", False)
        for name in ("bank.bkr", "minimal.bkr", "site/common.bkr"):
            machine.did_open(machine.files.index(machine.folder / name), bom=False, crlf=False)
        uri = machine.uri(machine.folder / "minimal.bkr")
        text = machine.open[uri]
        _h5s76_type_whole(machine, uri, text.replace("  job SYSFU {", "  job SYSFUXY {"))
        others = {u: t for u, t in machine.open.items() if u != uri}
        for which in range(3):
            machine.allow_a_warning(which, 0, shown=False, make="lengthen")
            assert machine.open[uri] == text.replace("  job SYSFU {", "  job SYSFUXY {   # bkrc: allow BKR227")
            assert {u: t for u, t in machine.open.items() if u != uri} == others
            _h5s76_type_whole(machine, uri, text.replace("  job SYSFU {", "  job SYSFUXY {"))
    finally:
        machine.teardown()


_H5S77_NO_JOB = {
    "a module": ("site/common.bkr", ""),
    "a module, a syntax error typed below": ("site/common.bkr", "single group {\n"),
    "a file of an import cycle": ("cycle-a.bkr", ""),
    "a new buffer": ("untitled:Untitled-1", "single group G { A }\n"),
}


@pytest.mark.parametrize("reading", ["fast parser first", "lark"])
@pytest.mark.parametrize("where", sorted(_H5S77_NO_JOB))
@pytest.mark.parametrize("make", ["lengthen", "hide"])
def test_h5s77_the_fuzz_makes_a_warning_where_no_job_is(monkeypatch, reading, where, make):
    """With no warning published and no job's name to lengthen (a module, a file of an
    import cycle, a new buffer; a syntax error typed below too), `allow_a_warning` types
    a control character in a comment at the end of a line of code (`  # \\x9e`), which
    is BKR024 however the rest reads, then allows it: the warning is gone, and a fresh
    server publishes the same (the rule's own oracle), as `bkrc check` does once saved
    (the session's end)."""
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    name, typed = _H5S77_NO_JOB[where]
    machine = LspMachine()
    try:
        machine.start("utf-16", False)
        if name.startswith("untitled:"):
            machine.did_open_new(name, typed)
            uri = name
        else:
            machine.did_open(machine.files.index(machine.folder / name), bom=False, crlf=False)
            uri = machine.uri(machine.folder / name)
            if typed:
                _h5s76_type_whole(machine, uri, machine.open[uri] + typed)
        before = machine.open[uri]
        assert [d for d in machine.editor.published(uri) if d["severity"] == 2] == []
        machine.allow_a_warning(0, 0, shown=True, make=make)
        assert machine.open[uri] != before
        assert "\x9e" in machine.open[uri] and "bkrc: allow BKR024" in machine.open[uri], machine.open[uri]
        assert "BKR024" not in [d["code"] for d in machine.editor.published(uri)]
    finally:
        machine.teardown()


# stop 82, h4: the fresh-server oracle passes over the help of a module renamed outside the editor
@pytest.mark.parametrize("reading", ["fast", "lark"])
def test_h4s82_a_fresh_server_is_not_asked_what_only_this_session_read(monkeypatch, reading):
    """Found by the fuzz (seed 4958 at 200): uses-crlf.bkr open (its import of
    ./site/crlf read from disk), then site/crlf.bkr moved to site/deep/common.bkr by a
    client that says nothing (`silent`, no import rewritten). The session names the
    move at the import, as docs/lsp.md promises ("site/crlf.bkr was renamed to
    site/deep/common.bkr? ..." and a quick fix *Import `./site/deep/common`*); a fresh
    server never read site/crlf.bkr and says BKR101 as `bkrc check` does. The session's
    end compared the two whole and failed; it now passes over that help line and that
    quick fix, as the `bkrc check` oracle passes over the line, and nothing else."""
    monkeypatch.setenv("BKRDSL_PARSER", "lark" if reading == "lark" else "")
    machine = LspMachine()
    try:
        machine.start("utf-16", False)
        machine.did_open(machine.files.index(machine.folder / "uses-crlf.bkr"), bom=False, crlf=False)
        uri = machine.uri(machine.folder / "uses-crlf.bkr")
        # (the candidates: the open files, then site/common.bkr, site/crlf.bkr, cycle-a.bkr)
        machine.rename_file(2, folder=False, new="site/deep/common.bkr", ask=False, client="silent")
        assert not (machine.folder / "site" / "crlf.bkr").exists()
        assert (machine.folder / "site" / "deep" / "common.bkr").exists()
        machine.editor.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        (said,) = [d["message"] for d in machine.editor.published(uri) if d["code"] == "BKR101"]
        assert "site/crlf.bkr was renamed to site/deep/common.bkr?" in said
        actions = machine.editor.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": uri},
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": 40, "character": 0}},
                "context": {"diagnostics": []},
            },
        )["result"]
        assert "Import `./site/deep/common`" in [a["title"] for a in actions]
    finally:
        machine.teardown()  # the session's end: its oracles, the fresh server's among them
