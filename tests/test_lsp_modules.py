"""The language server's imported modules: each read once, never from a stale parse.

The server keeps the modules it has parsed by name and exact bytes
(`loader.ParsedModules`): several open cluster files that import one module
parse it once, and a keystroke parses only the buffer typed in. These tests
count the parses, and hold the diagnostics after each change of a module (in
its buffer, back to an earlier text, closed unsaved, written on disk with or
without the client's watcher saying so, two modules of the same bytes) to
`bkrc check` on the texts the editor shows. Rename and references list the
imports of the open buffers a file on disk imports through the same cache:
they are counted too, and the answers held to each change of a module that
lies between a file on disk and the module renamed. The module's versions all have the
same size, so a cache that went by a file's size (or time, within one tick of
the clock) would answer from an old parse and fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import run_cli
from lsp_inprocess import Editor, frame

from bkrdsl.resolve import loader


def _cluster(name: str, member: str) -> str:
    return f"""import ./site/common
import std/backup-manager

cluster {name} {{
  member {member}A {{ workers 1  private-volume {member}AV }}
  member {member}B {{ workers 1  private-volume {member}BV }}
  identity group LOCAL {{ LOCALSVM }}
  catalog shared server BKRSVSFS pool BKRPOOL on {member}A
  expire on {member}A {{
    preview daily 04:00
    purge weekly sat 04:30
    retain 14 days
  }}
  job PAYFULL {{
    backup PAYROLL full
    include minidisk * *
    to disk pool TSTPOOL
    run on {member}A daily 21:00
  }}
  job LOCINC {{
    backup LOCAL incremental
    include minidisk * 0191
    to disk pool TSTPOOL
    run on each member daily 05:00
  }}
  disk BKRBKUP 191 size 10 cyl
  disk BKRCATLG 191 size 10 cyl
  disk BKRWRK* 191 size 5 cyl
}}
"""


def _same_size(*texts: str) -> list[str]:
    """The texts padded with a comment to one length (a module's versions then differ
    in their bytes only, not in their size)."""
    width = max(len(t) for t in texts) + 2
    return [t + "#" * (width - len(t) - 1) + "\n" for t in texts]


#: The module's versions: clean; the group IDENTITY (the cluster pins its job to a
#: member: BKR221 in the cluster); a syntax error; a user ID CP refuses (BKR301 in
#: the module, shown at the import).
CLEAN, IDENTITY, BROKEN, LONG_ID = _same_size(
    "single group PAYROLL { PAYAPP01 PAYAPP02 }\n",
    "identity group PAYROLL { PAYAPP01 PAYAPP02 }\n",
    "single group PAYROLL { PAYAPP01 PAYAPP02\n",
    "single group PAYROLL { PAYAPP01 PAYAPPLONG2 }\n",
)


@pytest.fixture
def parses(monkeypatch):
    """The names `read_text` parses, in order (every file a `load` reads)."""
    seen: list[str] = []
    real = loader.read_text

    def counting(name: str, data: bytes):
        seen.append(name)
        return real(name, data)

    monkeypatch.setattr(loader, "read_text", counting)
    return seen


class Workspace:
    """A workspace folder and an editor on it (`lsp_inprocess.Editor`)."""

    def __init__(self, folder: Path, debounce_ms: int = 0) -> None:
        self.folder = folder
        (folder / "site").mkdir()
        (folder / "site" / "common.bkr").write_text(CLEAN)
        (folder / "a.bkr").write_text(_cluster("ASSI", "AM"))
        (folder / "b.bkr").write_text(_cluster("BSSI", "BM"))
        self.editor = Editor()
        self.editor.initialize(folder, debounce_ms=debounce_ms)
        self.buffers: dict[str, str] = {}  # relative path -> the text the editor holds
        self.versions: dict[str, int] = {}

    def uri(self, rel: str) -> str:
        return (self.folder / rel).as_uri()

    def open(self, rel: str) -> None:
        text = (self.folder / rel).read_text()
        self.buffers[rel], self.versions[rel] = text, 1
        item = {"uri": self.uri(rel), "languageId": "bkr", "version": 1, "text": text}
        self.editor.notify("textDocument/didOpen", {"textDocument": item})

    def change(self, rel: str, text: str) -> None:
        self.buffers[rel] = text
        self.versions[rel] += 1
        document = {"uri": self.uri(rel), "version": self.versions[rel]}
        self.editor.notify(
            "textDocument/didChange", {"textDocument": document, "contentChanges": [{"text": text}]}
        )

    def close(self, rel: str) -> None:
        del self.buffers[rel]
        self.editor.notify("textDocument/didClose", {"textDocument": {"uri": self.uri(rel)}})

    def save(self, rel: str) -> None:
        (self.folder / rel).write_text(self.buffers[rel])
        self.editor.notify("textDocument/didSave", {"textDocument": {"uri": self.uri(rel)}})

    def write(self, rel: str, text: str, *, tell: bool) -> None:
        """Another tool writes a file; `tell`: the client's watcher says so."""
        path = self.folder / rel
        stat = path.stat()
        path.write_text(text)
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same time: only the bytes tell
        if tell:
            change = {"uri": self.uri(rel), "type": 2}
            self.editor.notify("workspace/didChangeWatchedFiles", {"changes": [change]})

    def as_bkrc_check(self, rel: str, tmp: Path) -> None:
        """The diagnostics published for `rel` are `bkrc check`'s on the texts the editor
        shows: the open buffers, the other files as they are on disk."""
        copy = tmp / f"check-{len(list(tmp.iterdir()))}"
        shutil.copytree(self.folder, copy)
        for other, text in self.buffers.items():
            (copy / other).write_text(text)
        out = run_cli(["check", "--format", "json", str(copy / rel)])
        assert out.exit_code in (0, 1), out.output
        main = (copy / rel).read_text().split("\n")
        expected = []
        for d in json.loads(out.stdout)["diagnostics"]:
            message = d["message"] + (f"\nhelp: {d['help']}" if d.get("help") else "")
            if d["file"] == str(copy / rel):
                expected.append((d["code"], d["line"] - 1, message))
            else:  # a module's, shown at the import that leads to it
                shown = os.path.relpath(d["file"], copy / os.path.dirname(rel))
                line = next(n for n, t in enumerate(main) if t.startswith(f"import ./{shown[:-4]}"))
                expected.append((d["code"], line, f"in {shown}:{d['line']}: {message}"))
        published = self.editor.published(self.uri(rel))
        got = [(d["code"], d["range"]["start"]["line"], d["message"]) for d in published]
        assert sorted(got) == sorted(expected)
        assert self.editor.errors == []


@pytest.fixture
def ws(tmp_path):
    folder = tmp_path / "ws"
    folder.mkdir()
    (tmp_path / "checks").mkdir()
    workspace = Workspace(folder)
    yield workspace
    workspace.editor.close()


def test_a_module_two_open_files_import_is_parsed_once(ws, parses, tmp_path):
    common = str(ws.folder / "site" / "common.bkr")
    ws.open("a.bkr")
    ws.open("b.bkr")
    assert parses.count(common) == 1
    assert parses.count("std/backup-manager.bkr") == 1
    # A keystroke in a.bkr parses a.bkr, and no module.
    del parses[:]
    ws.change("a.bkr", ws.buffers["a.bkr"].replace("workers 1", "workers 2", 1))
    assert parses == [str(ws.folder / "a.bkr")]
    for rel in ("a.bkr", "b.bkr"):
        ws.as_bkrc_check(rel, tmp_path / "checks")


def test_a_module_changed_in_its_buffer_closed_and_on_disk_is_read_again(ws, tmp_path):
    checks = tmp_path / "checks"

    def both() -> None:
        for rel in ("a.bkr", "b.bkr"):
            ws.as_bkrc_check(rel, checks)

    ws.open("a.bkr")
    ws.open("b.bkr")
    both()
    assert ws.editor.published(ws.uri("a.bkr")) == []
    # An unsaved change to the module shows in both files that import it.
    ws.open("site/common.bkr")
    ws.change("site/common.bkr", IDENTITY)
    both()
    assert {d["code"] for d in ws.editor.published(ws.uri("a.bkr"))} == {"BKR221"}
    # Back to the text parsed first, then a syntax error.
    ws.change("site/common.bkr", CLEAN)
    both()
    ws.change("site/common.bkr", BROKEN)
    both()
    # Closed unsaved: the file on disk again.
    ws.close("site/common.bkr")
    both()
    assert ws.editor.published(ws.uri("b.bkr")) == []
    # Written on disk, the same size and time; the client's watcher says so.
    ws.write("site/common.bkr", LONG_ID, tell=True)
    both()
    assert {d["code"] for d in ws.editor.published(ws.uri("a.bkr"))} == {"BKR301"}
    # Written again, and nobody says so: a save of a.bkr checks it against the file.
    ws.write("site/common.bkr", IDENTITY, tell=False)
    ws.save("a.bkr")
    ws.as_bkrc_check("a.bkr", checks)
    assert {d["code"] for d in ws.editor.published(ws.uri("a.bkr"))} == {"BKR221"}


def test_two_modules_of_the_same_bytes_are_each_their_own(ws, tmp_path):
    """A parse is kept by the module's name and bytes: the same bytes under another
    name are another module, whose problems are named with its own file."""
    for name in ("common", "other"):
        (ws.folder / "site" / f"{name}.bkr").write_text(LONG_ID)
    a = ws.folder / "a.bkr"
    a.write_text(a.read_text().replace("import ./site/common", "import ./site/common\nimport ./site/other"))
    ws.open("a.bkr")
    ws.as_bkrc_check("a.bkr", tmp_path / "checks")
    messages = [d["message"] for d in ws.editor.published(ws.uri("a.bkr"))]
    assert any(m.startswith("in site/common.bkr:") for m in messages)
    assert any(m.startswith("in site/other.bkr:") for m in messages)


def test_a_rename_checks_the_importers_with_the_renamed_module_parsed_once(ws, parses):
    """Rename checks every file it edits again, renamed (`features._no_new_errors`):
    the renamed module is one text, parsed once for all the files that import it."""
    for rel in ("site/common.bkr", "a.bkr", "b.bkr"):
        ws.open(rel)
    common = str(ws.folder / "site" / "common.bkr")
    del parses[:]
    at = {"line": 0, "character": len("single group P")}
    params = {"textDocument": {"uri": ws.uri("site/common.bkr")}, "position": at, "newName": "PAYMENTS"}
    answer = ws.editor.request("textDocument/rename", params)
    edits = {c["textDocument"]["uri"]: len(c["edits"]) for c in answer["result"]["documentChanges"]}
    assert edits == {ws.uri("site/common.bkr"): 1, ws.uri("a.bkr"): 1, ws.uri("b.bkr"): 1}
    # The module renamed, as the main file of its own check, then as the import of
    # a.bkr's; b.bkr's check finds it parsed.
    assert parses.count(common) == 2
    assert ws.editor.errors == []


def test_renames_keep_their_renamed_modules_out_of_the_parsed_modules(ws, parses):
    """A rename's renamed copy of a module is parsed for the rename only: the client
    may never apply it. The parsed modules hold after any number of renames what
    they held before, so the modules in real use stay in them, even when they
    fill the budget: a keystroke then parses the buffer typed in, and no module."""
    for rel in ("site/common.bkr", "a.bkr", "b.bkr"):
        ws.open(rel)
    cache = ws.editor.server.parsed
    held = list(cache)
    assert {name for name, _ in held} == {str(ws.folder / "site" / "common.bkr"), "std/backup-manager.bkr"}
    cache.max_bytes = sum(len(data) for _, data in held)  # no room for one module more
    at = {"line": 0, "character": len("single group P")}
    for new in ("PAYMENTS", "SALARIES", "WAGES"):
        params = {"textDocument": {"uri": ws.uri("site/common.bkr")}, "position": at, "newName": new}
        answer = ws.editor.request("textDocument/rename", params)
        edits = {c["textDocument"]["uri"]: len(c["edits"]) for c in answer["result"]["documentChanges"]}
        assert edits == {ws.uri("site/common.bkr"): 1, ws.uri("a.bkr"): 1, ws.uri("b.bkr"): 1}
        assert sorted(cache) == sorted(held)
    del parses[:]
    ws.change("a.bkr", ws.buffers["a.bkr"].replace("workers 1", "workers 2", 1))
    assert parses == [str(ws.folder / "a.bkr")]
    assert ws.editor.errors == []


def test_parsed_modules_keep_the_most_recent_within_their_budget():
    """Least recently used modules go first past the budget of text or of modules; a
    module larger than the whole budget is parsed, never kept."""
    cache = loader.ParsedModules(max_bytes=100, max_entries=2)
    one, two, three = (f"single group G{n} {{ A{n} }}\n".encode() for n in (1, 2, 3))
    first = cache.read("one.bkr", one)
    assert cache.read("one.bkr", one)[1] is first[1]  # the same AST, shared
    assert cache.read("one.bkr", one)[1] == loader.read_text("one.bkr", one)[1]
    cache.read("two.bkr", two)
    cache.read("one.bkr", one)  # one is now the more recent
    cache.read("three.bkr", three)  # two modules at most: two goes
    assert len(cache) == 2
    hits = cache.hits
    cache.read("one.bkr", one)
    assert cache.hits == hits + 1
    cache.read("two.bkr", two)
    assert cache.hits == hits + 1  # parsed again
    big = b"# " + b"x" * 200 + b"\n"
    cache.read("big.bkr", big)
    assert len(cache) == 2 and cache.read("big.bkr", big)[0].text == big.decode()
    assert cache.hits == hits + 1
    # Past the bytes: three small modules of 40 bytes each do not fit in 100.
    cache = loader.ParsedModules(max_bytes=100, max_entries=10)
    for n in range(3):
        cache.read(f"m{n}.bkr", b"#" * 38 + b"\n" + bytes([48 + n]))
    assert len(cache) == 2


def _answered(ws: Workspace, rel: str, at: dict) -> tuple[set[str], set[str]]:
    """The files (relative paths) that find references lists and that a rename edits,
    asked at `at` in `rel`."""
    where = {"textDocument": {"uri": ws.uri(rel)}, "position": at}
    found = ws.editor.request("textDocument/references", {**where, "context": {"includeDeclaration": True}})
    renamed = ws.editor.request("textDocument/rename", {**where, "newName": "PAYMENTS"})
    assert ws.editor.errors == []

    def rel_of(uri: str) -> str:
        return Path(uri.removeprefix(ws.folder.as_uri() + "/")).as_posix()

    return (
        {rel_of(place["uri"]) for place in found["result"]},
        {rel_of(change["textDocument"]["uri"]) for change in renamed["result"]["documentChanges"]},
    )


def test_references_and_rename_parse_an_open_module_the_files_on_disk_import_once(ws, parses):
    """Rename and references walk the imports of the workspace's files, the open
    buffers among them: an open module is parsed once for the walk and the analyses
    of the files on disk that import it, and not again while its text is the same."""
    ws.open("site/common.bkr")
    common = str(ws.folder / "site" / "common.bkr")
    at = {"line": 0, "character": len("single group P")}
    where = {"textDocument": {"uri": ws.uri("site/common.bkr")}, "position": at}
    params = {**where, "context": {"includeDeclaration": True}}
    del parses[:]
    first = ws.editor.request("textDocument/references", params)
    assert {Path(p["uri"]).name for p in first["result"]} == {"common.bkr", "a.bkr", "b.bkr"}
    assert parses.count(common) == 1
    del parses[:]
    assert ws.editor.request("textDocument/references", params) == {**first, "id": first["id"] + 1}
    assert parses.count(common) == 0
    # Edited: the new text is parsed once more.
    ws.change("site/common.bkr", CLEAN + "# edited\n")
    del parses[:]
    assert ws.editor.request("textDocument/references", params)["result"] == first["result"]
    assert parses.count(common) == 1
    assert ws.editor.errors == []


def test_a_module_opened_again_is_not_taken_for_its_earlier_text(tmp_path):
    """A buffer closed and opened again starts its versions again (VS Code's at 1):
    one keystroke, and it is at version 2 again, with another text. The analyses
    that read it at version 2 before passed for current: b.bkr's, from disk, kept
    for rename and references, and a.bkr's, open, until its re-check runs (here a
    long debounce away). Their places in the module were those of the earlier
    text: references listed the line under the group as a use of PAYROLL, rename
    would have written PAYMENTS over it, and go to definition from a.bkr led to
    the line above the group."""
    folder = tmp_path / "ws"
    folder.mkdir()
    ws = Workspace(folder, debounce_ms=60_000)
    common = "site/common.bkr"
    backup = _cluster("ASSI", "AM").split("\n").index("    backup PAYROLL full")
    from_a = {"textDocument": {"uri": ws.uri("a.bkr")}, "position": {"line": backup, "character": 13}}

    def places(method: str, params: dict) -> list[tuple[str, int, int]]:
        answer = ws.editor.request(method, params)["result"]
        if method == "textDocument/rename":
            answer = [
                {"uri": change["textDocument"]["uri"], "range": edit["range"]}
                for change in answer["documentChanges"]
                for edit in change["edits"]
            ]
        start = [(place["uri"], place["range"]["start"]) for place in answer]
        return [(uri, at["line"], at["character"]) for uri, at in start if uri == ws.uri(common)]

    try:
        ws.open("a.bkr")
        ws.open(common)
        ws.change(common, "## Payroll.\n" + CLEAN)  # version 2: the group on line 2
        at = {"textDocument": {"uri": ws.uri(common)}, "position": {"line": 1, "character": 15}}
        assert _answered(ws, common, at["position"])[0] == {common, "a.bkr", "b.bkr"}
        assert places("textDocument/definition", from_a) == [(ws.uri(common), 1, 13)]
        ws.close(common)
        ws.open(common)
        ws.change(common, CLEAN + "# edited\n")  # version 2 again: the group on line 1
        at = {"textDocument": {"uri": ws.uri(common)}, "position": {"line": 0, "character": 15}}
        group = [(ws.uri(common), 0, 13)]
        assert places("textDocument/definition", from_a) == group
        references = {**at, "context": {"includeDeclaration": True}}
        assert places("textDocument/references", references) == group
        assert places("textDocument/rename", {**at, "newName": "PAYMENTS"}) == group
        assert ws.editor.errors == []
    finally:
        ws.editor.close()


#: A module between the cluster and the one it names: it imports `site/common` or
#: `site/other`, which declare the same group (both versions of one size).
VIA_COMMON, VIA_OTHER = _same_size("import ./common\n", "import ./other\n")


def test_rename_and_references_follow_an_open_module_between_file_and_module(ws):
    """c.bkr, never opened, imports site/mid.bkr, which imports site/common.bkr or
    site/other.bkr: whether c.bkr uses common's PAYROLL is told by mid's open buffer,
    or by its file once closed. The answers follow each change of mid (in its buffer,
    closed unsaved, written on disk), all of one size: an import list kept by the
    buffer's file or size would answer from an old text."""
    (ws.folder / "site" / "other.bkr").write_text(CLEAN)
    (ws.folder / "site" / "mid.bkr").write_text(VIA_OTHER)
    (ws.folder / "c.bkr").write_text(_cluster("CSSI", "CM").replace("./site/common", "./site/mid"))
    at = {"line": 0, "character": len("single group P")}
    without = {"site/common.bkr", "a.bkr", "b.bkr"}
    with_c = without | {"c.bkr"}

    def answers() -> set[str]:
        found, renamed = _answered(ws, "site/common.bkr", at)
        assert found == renamed
        return found

    ws.open("site/common.bkr")
    ws.open("site/mid.bkr")
    assert answers() == without
    ws.change("site/mid.bkr", VIA_COMMON)
    assert answers() == with_c
    ws.change("site/mid.bkr", VIA_OTHER)
    assert answers() == without
    ws.change("site/mid.bkr", VIA_COMMON)
    assert answers() == with_c
    # Closed unsaved: the file on disk again.
    ws.close("site/mid.bkr")
    assert answers() == without
    # Written on disk, the same size and time; the client's watcher says so.
    ws.write("site/mid.bkr", VIA_COMMON, tell=True)
    assert answers() == with_c
    # Opened again, and edited.
    ws.open("site/mid.bkr")
    assert answers() == with_c
    ws.change("site/mid.bkr", VIA_OTHER)
    assert answers() == without


def _glob(pattern: str) -> re.Pattern:
    """A watcher's glob as VS Code matches it against a path in the workspace folder
    (`**/` any folders, none included; `*` any part of one name)."""
    parts = re.split(r"(\*\*/|\*)", pattern)
    out = {"**/": "(?:.*/)?", "*": "[^/]*"}
    return re.compile("".join(out.get(p, re.escape(p)) for p in parts) + r"\Z")


def _vscode_sends(editor: Editor, folder: Path, events: list[tuple[str, int]]) -> list[dict]:
    """Of the file events `events` (a path in `folder`, its type), those VS Code sends
    the server: the ones a watcher the server registered matches, its glob and its
    kinds (LSP's `WatchKind`: 1 create, 2 change, 4 delete; none, all three)."""
    (register,) = [m for m in editor.writer.messages if m.get("method") == "client/registerCapability"]
    (registration,) = register["params"]["registrations"]
    assert registration["method"] == "workspace/didChangeWatchedFiles"
    watchers = registration["registerOptions"]["watchers"]
    kinds = {1: 1, 2: 2, 3: 4}  # FileChangeType: created, changed, deleted
    return [
        {"uri": (folder / rel).as_uri(), "type": kind}
        for rel, kind in events
        if any(_glob(w["globPattern"]).match(rel) and w.get("kind", 7) & kinds[kind] for w in watchers)
    ]


def test_a_module_s_folder_moved_or_deleted_is_seen_by_the_documents_that_import_it(tmp_path):
    """VS Code reports a folder deleted, or moved (a `git checkout`, `mv`, its
    explorer), with one event for the folder and none for the files in it
    (microsoft/vscode#109754, "as designed"), and sends the server only the events a
    watcher it registered matches. Watching `**/*.bkr` alone, the server never heard
    that `site/` went: a.bkr kept no diagnostic for an import of nothing until it was
    typed in, and a rename from it was refused for a BKR101 "the rename would add"."""
    folder = tmp_path / "ws"
    folder.mkdir()
    ws = Workspace(folder)
    editor = ws.editor
    try:
        # An editor that watches files for the server, as VS Code does.
        editor.close()
        ws.editor = editor = Editor()
        capabilities = {
            "general": {"positionEncodings": ["utf-16"]},
            "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}},
        }
        editor.initialize(folder, capabilities=capabilities)
        (register,) = [m for m in editor.writer.messages if m.get("method") == "client/registerCapability"]
        editor.stream.feed(frame({"id": register["id"], "result": None}))
        ws.open("a.bkr")
        assert editor.published(ws.uri("a.bkr")) == []
        (folder / "site").rename(folder / "moved")
        changes = _vscode_sends(editor, folder, [("site", 3), ("moved", 1)])
        editor.notify("workspace/didChangeWatchedFiles", {"changes": changes})
        assert [d["code"] for d in editor.published(ws.uri("a.bkr"))] == ["BKR101"]
        # ... and back: the module is found again.
        (folder / "moved").rename(folder / "site")
        changes = _vscode_sends(editor, folder, [("moved", 3), ("site", 1)])
        editor.notify("workspace/didChangeWatchedFiles", {"changes": changes})
        assert editor.published(ws.uri("a.bkr")) == []
        # The folders' watcher matches every file too: a file of another kind
        # created, or a folder deleted that held nothing read, checks nothing again.
        (folder / "notes.txt").write_text("")
        (folder / "old").mkdir()
        (folder / "old" / "x.txt").write_text("")
        shutil.rmtree(folder / "old")
        def checks() -> int:
            return sum(m.get("method") == "textDocument/publishDiagnostics" for m in editor.writer.messages)

        before = checks()
        changes = _vscode_sends(editor, folder, [("notes.txt", 1), ("old", 3), ("out/PAYFULL.EXEC", 1)])
        assert len(changes) == 3
        editor.notify("workspace/didChangeWatchedFiles", {"changes": changes})
        assert checks() == before
        assert editor.errors == []
    finally:
        editor.close()


def test_a_request_after_a_module_went_unseen_checks_the_file_again(ws):
    """A client that watches no files (Neovim's default on Linux) never says that a
    module's file went. A request on a file that imports it then answered from the
    analysis that still read it: a rename of one of the file's own jobs was refused,
    as `bkrc check` "would then report BKR101", an error the rename does not make."""
    ws.open("a.bkr")
    assert ws.editor.published(ws.uri("a.bkr")) == []
    (ws.folder / "site").rename(ws.folder / "moved")
    job = _cluster("ASSI", "AM").split("\n").index("  job LOCINC {")
    at = {"textDocument": {"uri": ws.uri("a.bkr")}, "position": {"line": job, "character": 7}}
    answer = ws.editor.request("textDocument/rename", {**at, "newName": "LOCINCR"})
    assert "result" in answer, answer
    assert [d["code"] for d in ws.editor.published(ws.uri("a.bkr"))] == ["BKR101"]
    assert ws.editor.errors == []


def test_a_read_only_module_on_disk_is_renamed_like_any_other(ws):
    """docs/lsp.md: rename does not look at a file's permissions; the read-only
    module, not open, is edited with the clusters that import it (at no version)."""
    ws.open("a.bkr")
    os.chmod(ws.folder / "site" / "common.bkr", 0o444)
    backup = _cluster("ASSI", "AM").split("\n").index("    backup PAYROLL full")
    at = {"line": backup, "character": len("    backup PAY")}
    assert _answered(ws, "a.bkr", at)[1] == {"site/common.bkr", "a.bkr", "b.bkr"}


def test_a_module_open_under_another_path_is_answered_with_its_buffer_s_uri(ws):
    """c.bkr imports the module through a symbolic link (`./link/common`, link ->
    site), and the editor has it open as site/common.bkr, with a line added: c.bkr's
    analysis reads that buffer, but go to definition and references answered with
    link/common.bkr, a file the editor opens from disk, where the group is a line
    higher than the place given."""
    os.symlink(ws.folder / "site", ws.folder / "link")
    (ws.folder / "c.bkr").write_text(_cluster("CSSI", "CM").replace("./site/common", "./link/common"))
    ws.open("site/common.bkr")
    ws.change("site/common.bkr", "## The site's payroll.\n" + CLEAN)
    ws.open("c.bkr")
    backup = _cluster("CSSI", "CM").split("\n").index("    backup PAYROLL full")
    at = {"textDocument": {"uri": ws.uri("c.bkr")}, "position": {"line": backup, "character": 13}}
    (found,) = ws.editor.request("textDocument/definition", at)["result"]
    assert (found["uri"], found["range"]["start"]["line"]) == (ws.uri("site/common.bkr"), 1)
    params = {**at, "context": {"includeDeclaration": True}}
    found = ws.editor.request("textDocument/references", params)["result"]
    places = {(p["uri"], p["range"]["start"]["line"]) for p in found}
    assert (ws.uri("site/common.bkr"), 1) in places
    assert not [uri for uri, _ in places if "/link/" in uri]
    assert ws.editor.errors == []


# ------------------------------------------------------------ a module renamed in the editor
def _will_rename(ws: Workspace, *moves: tuple[str, str]) -> dict:
    """The server's answer to `workspace/willRenameFiles` for the moves (relative
    paths, old and new), as VS Code asks before it renames in its explorer."""
    files = [{"oldUri": ws.uri(old), "newUri": ws.uri(new)} for old, new in moves]
    answer = ws.editor.request("workspace/willRenameFiles", {"files": files})
    assert "result" in answer, answer
    assert ws.editor.errors == []
    return answer["result"]


def _edited_imports(ws: Workspace, edit: dict | None) -> dict[str, tuple[int | None, list[tuple[int, str]]]]:
    """Per file (relative path): the version the edit is at, and each edit's line and
    new text, the edit checked to replace exactly the import's path."""
    out = {}
    for change in (edit or {}).get("documentChanges", []):
        uri = change["textDocument"]["uri"]
        rel = os.path.relpath(Path(uri.removeprefix("file://")), ws.folder)
        text = ws.buffers.get(rel) or (ws.folder / rel).read_text()
        lines = text.split("\n")
        got = []
        for e in change["edits"]:
            start, end = e["range"]["start"], e["range"]["end"]
            assert start["line"] == end["line"]
            line = lines[start["line"]]
            assert line.startswith("import ") and end["character"] == len(line.rstrip())
            got.append((start["line"], e["newText"]))
        out[rel] = (change["textDocument"]["version"], got)
    return out


def _move(ws: Workspace, old: str, new: str, edit: dict | None) -> None:
    """What VS Code does with the answer: the edits applied (open buffers changed,
    files on disk written), then the file renamed."""
    for rel, (_version, edits) in _edited_imports(ws, edit).items():
        text = ws.buffers.get(rel) or (ws.folder / rel).read_text()
        lines = text.split("\n")
        for line, new_text in edits:
            lines[line] = "import " + new_text
        if rel in ws.buffers:
            ws.change(rel, "\n".join(lines))
        else:
            (ws.folder / rel).write_text("\n".join(lines))
    (ws.folder / new).parent.mkdir(parents=True, exist_ok=True)
    (ws.folder / old).rename(ws.folder / new)


def test_the_server_asks_to_hear_of_bkr_files_and_folders_renamed(tmp_path):
    """VS Code (vscode-languageclient) sends `workspace/willRenameFiles` when the
    server registers it in its capabilities, for the files its filters match."""
    folder = tmp_path / "ws"
    folder.mkdir()
    editor = Editor()
    try:
        capabilities = {"workspace": {"fileOperations": {"willRename": True}}}
        params = {"processId": None, "rootUri": folder.as_uri(), "capabilities": capabilities}
        answer = editor.request("initialize", params)
        operations = answer["result"]["capabilities"]["workspace"]["fileOperations"]
        filters = operations["willRename"]["filters"]
        assert {(f["pattern"]["glob"], f["pattern"]["matches"]) for f in filters} == {
            ("**/*.bkr", "file"),
            ("**", "folder"),
        }
    finally:
        editor.close()


def test_a_module_renamed_has_its_imports_follow_it_open_or_on_disk(ws, tmp_path):
    """site/common.bkr renamed site/shared.bkr: a.bkr, open with unsaved edits, gets
    its import rewritten at the version of its buffer; b.bkr, on disk only, at no
    version; `import std/backup-manager` never changes."""
    ws.open("a.bkr")
    ws.change("a.bkr", "# unsaved\n" + ws.buffers["a.bkr"])
    edit = _will_rename(ws, ("site/common.bkr", "site/shared.bkr"))
    assert _edited_imports(ws, edit) == {
        "a.bkr": (2, [(1, "./site/shared")]),
        "b.bkr": (None, [(0, "./site/shared")]),
    }
    _move(ws, "site/common.bkr", "site/shared.bkr", edit)
    ws.save("a.bkr")
    ws.as_bkrc_check("a.bkr", tmp_path / "checks")
    assert ws.editor.published(ws.uri("a.bkr")) == []
    assert run_cli(["check", str(ws.folder / "b.bkr")]).exit_code == 0


def test_a_module_s_folder_renamed_or_the_module_moved_up(ws):
    """The folder site/ renamed place/: `./place/common`. The module moved to the
    workspace's top folder: `./common` in the clusters, `../common` in a module of
    site/ that imported it as `./common`, and a path written with `.bkr` keeps it."""
    edit = _will_rename(ws, ("site", "place"))
    assert _edited_imports(ws, edit) == {
        "a.bkr": (None, [(0, "./place/common")]),
        "b.bkr": (None, [(0, "./place/common")]),
    }
    (ws.folder / "site" / "mid.bkr").write_text("import ./common.bkr\n")
    # The folder moves whole: mid.bkr's `./common.bkr` still finds it.
    assert "site/mid.bkr" not in _edited_imports(ws, _will_rename(ws, ("site", "place")))
    edit = _will_rename(ws, ("site/common.bkr", "common.bkr"))
    assert _edited_imports(ws, edit) == {
        "a.bkr": (None, [(0, "./common")]),
        "b.bkr": (None, [(0, "./common")]),
        "site/mid.bkr": (None, [(0, "../common.bkr")]),
    }
    _move(ws, "site/common.bkr", "common.bkr", edit)
    for rel in ("a.bkr", "b.bkr", "site/mid.bkr"):
        assert run_cli(["check", str(ws.folder / rel)]).exit_code == 0, rel


def test_a_module_that_moves_has_its_own_relative_imports_follow(ws):
    """site/mid.bkr imports `../lib/base` and is moved into site/deep/: its import
    becomes `../../lib/base`, and the clusters' import of it follows too."""
    (ws.folder / "lib").mkdir()
    (ws.folder / "lib" / "base.bkr").write_text("single group BASE { BASE0001 }\n")
    (ws.folder / "site" / "mid.bkr").write_text("import ../lib/base\n")
    (ws.folder / "c.bkr").write_text("import ./site/mid\nsingle group C { C0000001 }\n")
    edit = _will_rename(ws, ("site/mid.bkr", "site/deep/mid.bkr"))
    assert _edited_imports(ws, edit) == {
        "c.bkr": (None, [(0, "./site/deep/mid")]),
        "site/mid.bkr": (None, [(0, "../../lib/base")]),
    }


def test_a_rename_the_server_cannot_follow_gets_no_edit(ws, tmp_path):
    """An import written through a symbolic link (`./link/common`, link -> site) is
    left as it is, and so is every import of a module moved out of the workspace."""
    os.symlink(ws.folder / "site", ws.folder / "link")
    (ws.folder / "c.bkr").write_text(_cluster("CSSI", "CM").replace("./site/common", "./link/common"))
    edit = _will_rename(ws, ("site/common.bkr", "site/shared.bkr"))
    assert set(_edited_imports(ws, edit)) == {"a.bkr", "b.bkr"}
    files = [{"oldUri": ws.uri("site/common.bkr"), "newUri": (tmp_path / "common.bkr").as_uri()}]
    answer = ws.editor.request("workspace/willRenameFiles", {"files": files})
    assert answer["result"] is None
    assert ws.editor.errors == []


def test_an_import_without_dot_slash_keeps_its_style(ws):
    """`import site/common` (looked up beside the file first) becomes `import
    site/shared`; moved up out of its folder it becomes `common`."""
    (ws.folder / "c.bkr").write_text("import site/common\nsingle group C { C0000001 }\n")
    edit = _will_rename(ws, ("site/common.bkr", "site/shared.bkr"))
    assert _edited_imports(ws, edit)["c.bkr"] == (None, [(0, "site/shared")])
    edit = _will_rename(ws, ("site/common.bkr", "common.bkr"))
    assert _edited_imports(ws, edit)["c.bkr"] == (None, [(0, "common")])


# ------------------------------------------------------------ ... and once it is renamed
def _did_rename(ws: Workspace, *moves: tuple[str, str]) -> None:
    files = [{"oldUri": ws.uri(old), "newUri": ws.uri(new)} for old, new in moves]
    ws.editor.notify("workspace/didRenameFiles", {"files": files})
    assert ws.editor.errors == []


def test_the_server_asks_to_hear_of_bkr_files_and_folders_once_renamed(tmp_path):
    """`workspace.fileOperations.didRename`, with the filters of `willRename`."""
    folder = tmp_path / "ws"
    folder.mkdir()
    editor = Editor()
    try:
        capabilities = {"workspace": {"fileOperations": {"willRename": True, "didRename": True}}}
        params = {"processId": None, "rootUri": folder.as_uri(), "capabilities": capabilities}
        answer = editor.request("initialize", params)
        operations = answer["result"]["capabilities"]["workspace"]["fileOperations"]
        assert operations["didRename"] == operations["willRename"]
    finally:
        editor.close()


def test_a_module_renamed_with_its_imports_left_is_seen_by_the_open_files(ws):
    """A client that watches no files (Neovim's default on Linux), and a rename whose
    imports were not rewritten (a client that sends `didRenameFiles` only, or an
    edit refused): a.bkr kept no diagnostic for an import of nothing until it was
    typed in. Renamed back, it is clean again."""
    ws.open("a.bkr")
    assert ws.editor.published(ws.uri("a.bkr")) == []
    (ws.folder / "site" / "common.bkr").rename(ws.folder / "site" / "shared.bkr")
    _did_rename(ws, ("site/common.bkr", "site/shared.bkr"))
    assert [d["code"] for d in ws.editor.published(ws.uri("a.bkr"))] == ["BKR101"]
    (ws.folder / "site").rename(ws.folder / "place")
    (ws.folder / "place" / "shared.bkr").rename(ws.folder / "place" / "common.bkr")
    _did_rename(ws, ("site", "place"), ("place/shared.bkr", "place/common.bkr"))
    ws.change("a.bkr", ws.buffers["a.bkr"].replace("./site/common", "./place/common"))
    assert ws.editor.published(ws.uri("a.bkr")) == []
    (ws.folder / "place").rename(ws.folder / "site")
    _did_rename(ws, ("place", "site"))
    assert [d["code"] for d in ws.editor.published(ws.uri("a.bkr"))] == ["BKR101"]


def test_an_open_module_renamed_without_close_and_open_moves_to_its_new_name(ws, tmp_path):
    """LSP asks a client to close a renamed document and open it under its new name;
    one that sends `didRenameFiles` only (lsp4ij before its pull request #456, 2024)
    left the server with the buffer under the old name: its diagnostics stayed in
    the editor's list, and a.bkr, its import rewritten, read the file on disk, not
    the unsaved buffer. The buffer now moves to the new name, with its text and version, and is checked
    there; the client's next change names the new URI."""
    ws.open("a.bkr")
    ws.open("site/common.bkr")
    ws.change("site/common.bkr", LONG_ID)  # unsaved: the file on disk is CLEAN
    assert [d["code"] for d in ws.editor.published(ws.uri("site/common.bkr"))] == ["BKR301"]
    assert [d["code"] for d in ws.editor.published(ws.uri("a.bkr"))] == ["BKR301"]
    edit = _will_rename(ws, ("site/common.bkr", "site/shared.bkr"))
    _move(ws, "site/common.bkr", "site/shared.bkr", edit)
    ws.buffers["site/shared.bkr"] = ws.buffers.pop("site/common.bkr")
    ws.versions["site/shared.bkr"] = ws.versions.pop("site/common.bkr")
    _did_rename(ws, ("site/common.bkr", "site/shared.bkr"))
    assert ws.editor.published(ws.uri("site/common.bkr")) == []
    assert ws.uri("site/common.bkr") not in ws.editor.open_uris()
    assert [d["code"] for d in ws.editor.published(ws.uri("site/shared.bkr"))] == ["BKR301"]
    ws.as_bkrc_check("a.bkr", tmp_path / "checks")
    # The client goes on under the new name.
    ws.change("site/shared.bkr", CLEAN)
    assert ws.editor.published(ws.uri("site/shared.bkr")) == []
    assert ws.editor.published(ws.uri("a.bkr")) == []
    ws.as_bkrc_check("a.bkr", tmp_path / "checks")


def test_a_module_s_folder_renamed_moves_the_open_buffers_in_it(ws, tmp_path):
    """The folder renamed, a buffer in it open (unsaved), no close and open: the
    buffer moves with the folder."""
    ws.open("a.bkr")
    ws.open("site/common.bkr")
    ws.change("site/common.bkr", IDENTITY)
    assert [d["code"] for d in ws.editor.published(ws.uri("a.bkr"))] == ["BKR221"]
    (ws.folder / "site").rename(ws.folder / "place")
    ws.buffers["place/common.bkr"] = ws.buffers.pop("site/common.bkr")
    ws.versions["place/common.bkr"] = ws.versions.pop("site/common.bkr")
    _did_rename(ws, ("site", "place"))
    assert ws.editor.published(ws.uri("site/common.bkr")) == []
    assert [d["code"] for d in ws.editor.published(ws.uri("a.bkr"))] == ["BKR101"]
    ws.change("a.bkr", ws.buffers["a.bkr"].replace("./site/common", "./place/common"))
    assert [d["code"] for d in ws.editor.published(ws.uri("a.bkr"))] == ["BKR221"]
    ws.as_bkrc_check("a.bkr", tmp_path / "checks")


def test_a_renamed_module_closed_and_opened_again_is_one_buffer(ws, tmp_path):
    """VS Code closes the renamed document and opens it under the new name (LSP's way);
    a client may also open it under the new name without closing the old. Either
    way, then `didRenameFiles`: one buffer, under the new name, and nothing left
    published under the old."""
    for close in (True, False):
        old, new = ("site/common.bkr", "site/shared.bkr") if close else ("site/shared.bkr", "site/common.bkr")
        ws.open(old)
        ws.change(old, LONG_ID)
        assert [d["code"] for d in ws.editor.published(ws.uri(old))] == ["BKR301"]
        (ws.folder / old).rename(ws.folder / new)
        if close:
            ws.close(old)
        else:
            del ws.buffers[old]
        (ws.folder / new).write_text(LONG_ID)
        ws.open(new)
        _did_rename(ws, (old, new))
        assert ws.editor.published(ws.uri(old)) == []
        assert ws.uri(old) not in ws.editor.open_uris()
        assert [d["code"] for d in ws.editor.published(ws.uri(new))] == ["BKR301"]
        ws.close(new)


# stop 72, h5: a module gone unseen, then another open file saved
def test_a_save_checks_again_the_open_files_whose_module_went_unseen(ws):
    """The LSP fuzz, seed 4938 (shrunk): a client that watches no files and says
    nothing of a rename (Neovim's default on Linux) moved `site/` away; a.bkr, open,
    imports `./site/common`, not open. The editor then saved b.bkr: its check was
    `bkrc check`'s, but a.bkr kept its diagnostics of the module gone (none, where
    `bkrc check` says BKR101) until it was itself checked again. A save now checks
    again every open file whose analysis read a module from disk that is gone."""
    ws.open("a.bkr")
    ws.open("b.bkr")
    assert ws.editor.published(ws.uri("a.bkr")) == []
    (ws.folder / "site").rename(ws.folder / "moved")
    ws.save("b.bkr")
    # (`bkrc check` run in the workspace folder names the files as the editor does, stop
    # 81; the server read the module, now in moved/, and says it was renamed)
    said = _said_in(ws.folder, "a.bkr")
    published = ws.editor.published(ws.uri("a.bkr"))
    renamed = (
        "site/common.bkr was renamed to moved/common.bkr? it holds what site/common.bkr held:"
        " write `import ./moved/common`\n"
    )
    assert [(d["code"], d["message"]) for d in published] == [
        (code, f"{message}\nhelp: {renamed}{help_}") for code, _, message, _, help_ in said
    ]
    assert [d["code"] for d in published] == ["BKR101"]
    # A save with every module in place checks no other file again.
    (ws.folder / "moved").rename(ws.folder / "site")
    ws.save("a.bkr")
    assert ws.editor.published(ws.uri("a.bkr")) == []

    def checks() -> int:
        return sum(m.get("method") == "textDocument/publishDiagnostics" for m in ws.editor.writer.messages)

    before = checks()
    ws.save("a.bkr")
    assert checks() == before + 1  # a.bkr's own, not b.bkr's
    assert ws.editor.errors == []


def test_a_mistake_in_a_module_a_module_imports_shows_at_the_import_that_leads_to_it(ws, tmp_path):
    """c.bkr imports `std/backup-manager` first, then `./site/common`, which imports
    `./linux`, where a user ID is too long. `bkrc check c.bkr` names c.bkr's line 2,
    `import ./site/common`, as the import that brings site/linux.bkr in; the editor
    showed the mistake at line 1, the file's first import, which has nothing to do
    with it. An import cycle closed in another importer (site/common.bkr importing
    ../a, which imports it) showed there too: it is c.bkr's import of site/common
    that starts the cycle the message names."""
    (ws.folder / "site" / "linux.bkr").write_text("single group LINUX { LNXWEB01 LNXWEB0002 }\n")
    (ws.folder / "c.bkr").write_text(
        _cluster("CSSI", "CM").replace(
            "import ./site/common\nimport std/backup-manager\n", "import std/backup-manager\nimport ./site/common\n"
        )
    )
    lines = (ws.folder / "c.bkr").read_text().split("\n")
    assert lines[:2] == ["import std/backup-manager", "import ./site/common"]

    def shown() -> list[tuple[str, int]]:
        return [(d["code"], d["range"]["start"]["line"]) for d in ws.editor.published(ws.uri("c.bkr"))]

    def said() -> list[tuple[str, str, int]]:
        out = run_cli(["check", "--format", "json", str(ws.folder / "c.bkr")])
        return [
            (d["code"], Path(d["file"]).name, d["related"][-1]["line"] if d["related"] else None)
            for d in json.loads(out.stdout)["diagnostics"]
        ]

    ws.open("c.bkr")
    ws.write("site/common.bkr", CLEAN + "import ./linux\n", tell=True)
    # bkrc check: in site/linux.bkr, brought in by c.bkr:2 (1-based).
    assert said() == [("BKR301", "linux.bkr", 2)]
    assert shown() == [("BKR301", 1)]
    ws.write("site/common.bkr", CLEAN + "import ../a\n", tell=True)
    cycle = json.loads(run_cli(["check", "--format", "json", str(ws.folder / "c.bkr")]).stdout)["diagnostics"]
    assert [(d["code"], Path(d["file"]).name, d["line"]) for d in cycle] == [("BKR102", "a.bkr", 1)]
    assert shown() == [("BKR102", 1)]
    assert ws.editor.errors == []


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_module_s_mistake_shown_at_its_import_is_mended_from_there(tmp_path, monkeypatch, parser):
    """site/common.bkr, not open, says `singel group PAYROLL`: a.bkr shows BKR012 at
    `import ./site/common` with its help, "write `single`", and `bkrc check --format
    json a.bkr` carries the fix, an edit of site/common.bkr. The editor offered no
    quick fix there (a module's fix was left to the module's own document, which is
    not open); it now offers *Write `single` in site/common.bkr*, not preferred, an
    edit of the module's file (at no version: not open), and, the module open and
    slipped again in its buffer, an edit at the buffer's version."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    folder = tmp_path / "ws"
    folder.mkdir()
    ws = Workspace(folder)
    try:
        ws.write("site/common.bkr", CLEAN.replace("single", "singel"), tell=False)
        said = json.loads(run_cli(["check", "--format", "json", str(folder / "a.bkr")]).stdout)["diagnostics"]
        assert [(d["code"], d["fix"]["edits"][0]["file"]) for d in said] == [("BKR012", str(folder / "site/common.bkr"))]
        ws.open("a.bkr")

        def offered() -> list[dict]:
            (shown,) = ws.editor.published(ws.uri("a.bkr"))
            assert (shown["code"], shown["range"]["start"]["line"]) == ("BKR012", 0)  # import ./site/common
            params = {
                "textDocument": {"uri": ws.uri("a.bkr")},
                "range": shown["range"],
                "context": {"diagnostics": [shown]},
            }
            return ws.editor.request("textDocument/codeAction", params)["result"]

        (action,) = offered()
        assert action["title"] == "Write `single` in site/common.bkr"
        assert action["isPreferred"] is False
        (change,) = action["edit"]["documentChanges"]
        assert change["textDocument"] == {"uri": ws.uri("site/common.bkr"), "version": None}
        (edit,) = change["edits"]
        assert (edit["range"]["start"], edit["range"]["end"], edit["newText"]) == (
            {"line": 0, "character": 0},
            {"line": 0, "character": 6},
            "single",
        )
        # Applied as the editor applies it to a file it has not opened: a.bkr checks clean.
        text = (folder / "site/common.bkr").read_text()
        ws.write("site/common.bkr", edit["newText"] + text[6:], tell=True)
        assert ws.editor.published(ws.uri("a.bkr")) == []
        # The module open, slipped in its buffer (version 2): the edit is at that version.
        ws.open("site/common.bkr")
        ws.change("site/common.bkr", ws.buffers["site/common.bkr"].replace("single", "singel"))
        (action,) = offered()
        (change,) = action["edit"]["documentChanges"]
        assert change["textDocument"] == {"uri": ws.uri("site/common.bkr"), "version": 2}
        assert ws.editor.errors == []
    finally:
        ws.editor.close()


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_statement_typed_into_a_module_keeps_the_importers_own_diagnostics(tmp_path, monkeypatch, parser):
    """site/common.bkr open beside a.bkr, a group typed at its end a keystroke at a time
    (`identity`, `identity group`, `identity group NEWGRP {` ...): each keystroke left
    the module with a syntax error, which stops every check of a.bkr too, so a.bkr's
    own warning (BKR223, its job's per-member names too long) went at the first letter
    and came back with the group's `}`, 32 keystrokes later, and a.bkr showed the
    module's BKR005 for the `{` left open at its end, which the module's own buffer
    holds back while typed there (rule 1). A.bkr now keeps what its last checked
    analysis said of its own text beside the module's error being typed (rule 6 of
    *While you type*), and says no BKR005 the module does not; a save of the module
    publishes a.bkr as `bkrc check` reads it."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    folder = tmp_path / "ws"
    folder.mkdir()
    (tmp_path / "checks").mkdir()
    ws = Workspace(folder)
    try:
        a = folder / "a.bkr"
        a.write_text(a.read_text().replace("job LOCINC {", "job LOCINCRE {"))
        ws.open("a.bkr")
        ws.open("site/common.bkr")
        own = [(d["code"], d["range"]["start"]["line"]) for d in ws.editor.published(ws.uri("a.bkr"))]
        assert [code for code, _ in own] == ["BKR223"]
        common = "site/common.bkr"
        shown_in_a = set()
        for ch in "identity group NEWGRP { NEWSVM }\n":
            text = ws.buffers[common]
            lines = text.split("\n")
            at = {"line": len(lines) - 1, "character": len(lines[-1])}
            ws.buffers[common] = text + ch
            ws.versions[common] += 1
            document = {"uri": ws.uri(common), "version": ws.versions[common]}
            change = {"range": {"start": at, "end": at}, "text": ch}
            ws.editor.notify("textDocument/didChange", {"textDocument": document, "contentChanges": [change]})
            published = [(d["code"], d["range"]["start"]["line"]) for d in ws.editor.published(ws.uri("a.bkr"))]
            assert own[0] in published, (ws.buffers[common], published)
            shown_in_a |= {code for code, _ in published}
        assert "BKR005" not in shown_in_a and {"BKR004", "BKR010", "BKR011", "BKR012"} & shown_in_a
        ws.as_bkrc_check("a.bkr", tmp_path / "checks")
        # A slip left in the module and saved: a.bkr as `bkrc check` reads it (no checks ran).
        text = ws.buffers[common]
        lines = text.split("\n")
        at = {"line": len(lines) - 1, "character": 0}
        ws.buffers[common] = text + "single gr"
        ws.versions[common] += 1
        document = {"uri": ws.uri(common), "version": ws.versions[common]}
        change = {"range": {"start": at, "end": at}, "text": "single gr"}
        ws.editor.notify("textDocument/didChange", {"textDocument": document, "contentChanges": [change]})
        assert own[0] in [(d["code"], d["range"]["start"]["line"]) for d in ws.editor.published(ws.uri("a.bkr"))]
        ws.save(common)
        ws.as_bkrc_check("a.bkr", tmp_path / "checks")
        assert own[0] not in [(d["code"], d["range"]["start"]["line"]) for d in ws.editor.published(ws.uri("a.bkr"))]
        assert ws.editor.errors == []
    finally:
        ws.editor.close()


# stop 81, h3: the paths the editor's messages name
def _said_in(folder: Path, rel: str) -> list[tuple[str, str, str, list[str], str]]:
    """`bkrc check --format json REL` run in `folder`: each diagnostic's code, file,
    message, related labels and help."""
    here = os.getcwd()
    os.chdir(folder)
    try:
        out = run_cli(["check", "--format", "json", rel])
    finally:
        os.chdir(here)
    return [
        (d["code"], d["file"], d["message"], [r["message"] for r in d["related"]], d["help"])
        for d in json.loads(out.stdout)["diagnostics"]
    ]


def test_an_import_cycle_and_an_import_chain_name_their_files_as_bkrc_check_does_in_the_workspace(tmp_path):
    """site/common.bkr imports ../prod, which imports it: `bkrc check prod.bkr`, run in
    the workspace folder, says `import cycle: prod.bkr -> site/common.bkr -> prod.bkr`,
    and the editor said it with every file's absolute path, in the message and in its
    related place; and so for the label `bkrc check` writes at the import that brings
    a module's mistake in ("site/linux.bkr is imported here, through
    site/common.bkr:3"). The editor now names them as `bkrc check` run in the
    workspace folder does (the module open too, its `in prod.bkr:1:` as well); a
    client that takes no related places (eglot) reads the same in the message; a
    module outside every workspace folder keeps its absolute path."""
    folder = tmp_path / "ws"
    folder.mkdir()
    ws = Workspace(folder)
    try:
        ws.write("site/common.bkr", CLEAN + "import ../a\n", tell=False)
        ws.open("a.bkr")
        ws.open("site/common.bkr")
        for rel, importer in (("a.bkr", "site/common.bkr"), ("site/common.bkr", "a.bkr")):
            (said,) = _said_in(folder, rel)
            assert said[0] == "BKR102" and said[1] == importer and str(folder) not in said[2]
            (shown,) = ws.editor.published(ws.uri(rel))
            assert shown["message"].split("\n")[0] == f"in {importer}:{3 if rel == 'a.bkr' else 1}: {said[2]}"
            assert [r["message"] for r in shown["relatedInformation"]] == [said[2]]
        # A module's mistake, brought in through another module: the label at the import.
        (folder / "site" / "linux.bkr").write_text("single group LINUX { LNXWEB01 LNXWEB0002 }\n")
        ws.close("site/common.bkr")
        ws.write("site/common.bkr", CLEAN + "import ./linux\n", tell=True)
        (said,) = _said_in(folder, "a.bkr")
        assert said[3] == ["site/linux.bkr is imported here, through site/common.bkr:3"]
        (shown,) = ws.editor.published(ws.uri("a.bkr"))
        assert shown["message"].startswith("in site/linux.bkr:1: ")
        assert [r["message"] for r in shown["relatedInformation"]][1:] == said[3]
        # A module outside the workspace folder: its absolute path.
        outside = tmp_path / "elsewhere"
        outside.mkdir()
        (outside / "linux.bkr").write_text("single group LINUX { LNXWEB01 LNXWEB0002 }\n")
        ws.write("site/common.bkr", CLEAN + "import ../../elsewhere/linux\n", tell=True)
        (shown,) = ws.editor.published(ws.uri("a.bkr"))
        assert shown["message"].startswith(f"in {outside / 'linux.bkr'}:1: ")
        assert shown["relatedInformation"][1]["message"] == (
            f"{outside / 'linux.bkr'} is imported here, through site/common.bkr:3"
        )
        assert ws.editor.errors == []
    finally:
        ws.editor.close()


def test_a_client_without_related_places_reads_the_cycle_s_files_as_bkrc_check_names_them(tmp_path):
    folder = tmp_path / "ws"
    folder.mkdir()
    ws = Workspace(folder)
    ws.editor.close()
    ws.editor = Editor()
    try:
        ws.editor.initialize(folder, capabilities={"general": {"positionEncodings": ["utf-16"]}})
        ws.write("site/common.bkr", CLEAN + "import ../a\n", tell=False)
        (folder / "site" / "linux.bkr").write_text("")
        ws.open("site/common.bkr")
        (said,) = _said_in(folder, "site/common.bkr")
        (shown,) = ws.editor.published(ws.uri("site/common.bkr"))
        assert str(folder) not in shown["message"]
        assert shown["message"].startswith(f"in a.bkr:1: {said[2]}\n")
        assert ws.editor.errors == []
    finally:
        ws.editor.close()


def _renamed_on_disk(ws: Workspace, old: str, new: str) -> None:
    """`git mv OLD NEW` (or a file manager's rename) outside the editor, and the client's
    watcher says so: the old file deleted, the new one created."""
    (ws.folder / new).parent.mkdir(parents=True, exist_ok=True)
    (ws.folder / old).rename(ws.folder / new)
    changes = [{"uri": ws.uri(old), "type": 3}, {"uri": ws.uri(new), "type": 1}]
    ws.editor.notify("workspace/didChangeWatchedFiles", {"changes": changes})


def _import_actions(ws: Workspace, rel: str) -> tuple[dict, list[dict]]:
    (shown,) = ws.editor.published(ws.uri(rel))
    params = {"textDocument": {"uri": ws.uri(rel)}, "range": shown["range"], "context": {"diagnostics": [shown]}}
    return shown, ws.editor.request("textDocument/codeAction", params)["result"]


def test_a_module_renamed_outside_the_editor_is_offered_at_its_import_under_its_new_name(ws, tmp_path):
    """site/common.bkr renamed site/shared.bkr outside the editor (`git mv`, a file
    manager): a.bkr's `import ./site/common` finds nothing, BKR101, whose help listed
    the places searched and nothing more. The server read that module before, and one
    workspace file now holds its bytes: the help says first "site/common.bkr was
    renamed to site/shared.bkr?", and the quick fix rewrites the import, in its
    style, to a clean a.bkr."""
    ws.open("a.bkr")
    assert ws.editor.published(ws.uri("a.bkr")) == []
    _renamed_on_disk(ws, "site/common.bkr", "site/shared.bkr")
    shown, actions = _import_actions(ws, "a.bkr")
    assert shown["code"] == "BKR101"
    assert shown["message"].split("\n")[:2] == [
        "cannot find module `./site/common`",
        (
            "help: site/common.bkr was renamed to site/shared.bkr? it holds what site/common.bkr held:"
            " write `import ./site/shared`"
        ),
    ]
    (action,) = actions
    assert (action["title"], action["isPreferred"]) == ("Import `./site/shared`", True)
    (change,) = action["edit"]["documentChanges"]
    (edit,) = change["edits"]
    lines = ws.buffers["a.bkr"].split("\n")
    line = lines[edit["range"]["start"]["line"]]
    lines[edit["range"]["start"]["line"]] = (
        line[: edit["range"]["start"]["character"]] + edit["newText"] + line[edit["range"]["end"]["character"] :]
    )
    assert lines[0] == "import ./site/shared"
    ws.change("a.bkr", "\n".join(lines))
    assert ws.editor.published(ws.uri("a.bkr")) == []
    ws.as_bkrc_check("a.bkr", tmp_path / "checks")
    # Moved into another folder, the import written without `./`: the same, in its style.
    ws.change("a.bkr", ws.buffers["a.bkr"].replace("import ./site/shared", "import site/shared"))
    _renamed_on_disk(ws, "site/shared.bkr", "lib/common.bkr")
    shown, actions = _import_actions(ws, "a.bkr")
    assert shown["message"].split("\n")[1] == (
        "help: site/shared.bkr was renamed to lib/common.bkr? it holds what site/shared.bkr held: write `import lib/common`"
    )
    assert [a["title"] for a in actions] == ["Import `lib/common`"]
    assert ws.editor.errors == []


def test_a_module_gone_without_one_file_holding_what_it_held_gets_no_rename_hint(ws):
    """Two files hold the module's bytes (a copy made before the rename), or none
    (renamed and edited): which is meant is not known; a module the server never
    saw (renamed before the server started) neither: BKR101 as `bkrc check` says it."""
    ws.open("a.bkr")
    shutil.copy(ws.folder / "site" / "common.bkr", ws.folder / "site" / "copy.bkr")
    _renamed_on_disk(ws, "site/common.bkr", "site/shared.bkr")
    shown, actions = _import_actions(ws, "a.bkr")
    assert "renamed" not in shown["message"] and actions == []
    (ws.folder / "site" / "copy.bkr").unlink()
    (ws.folder / "site" / "shared.bkr").write_text(IDENTITY)
    ws.editor.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": ws.uri("site/shared.bkr"), "type": 2}]})
    shown, actions = _import_actions(ws, "a.bkr")
    assert "renamed" not in shown["message"] and actions == []
    # Opened by a server started after the rename, which never saw site/common.bkr.
    (ws.folder / "site" / "shared.bkr").write_text(CLEAN)
    other = Editor()
    try:
        other.initialize(ws.folder)
        item = {"uri": ws.uri("b.bkr"), "languageId": "bkr", "version": 1, "text": (ws.folder / "b.bkr").read_text()}
        other.notify("textDocument/didOpen", {"textDocument": item})
        (shown,) = other.published(ws.uri("b.bkr"))
        assert shown["code"] == "BKR101" and "renamed" not in shown["message"]
        assert other.errors == []
    finally:
        other.close()
    assert ws.editor.errors == []


def test_a_module_renamed_to_a_near_spelling_or_away_from_one_is_offered_once_or_as_two_readings(ws):
    """A module renamed to a near spelling of its old name (site/common.bkr to
    site/comon.bkr): bkrc's "did you mean `import ./site/comon`?" and the rename write
    the same path, one quick fix, preferred. Renamed where another module's name is the
    near spelling (site/commons.bkr there too, holding other text): two readings, two
    quick fixes, neither preferred."""
    ws.open("a.bkr")
    _renamed_on_disk(ws, "site/common.bkr", "site/comon.bkr")
    shown, actions = _import_actions(ws, "a.bkr")
    assert "was renamed to site/comon.bkr?" in shown["message"]
    assert [(a["title"], a["isPreferred"]) for a in actions] == [("Import `./site/comon`", True)]
    (ws.folder / "site" / "commons.bkr").write_text(IDENTITY)
    _renamed_on_disk(ws, "site/comon.bkr", "lib/common.bkr")
    ws.change("a.bkr", ws.buffers["a.bkr"].replace("import ./site/comon", "import ./site/common"))
    shown, actions = _import_actions(ws, "a.bkr")
    assert "was renamed to lib/common.bkr?" in shown["message"] and "did you mean" in shown["message"]
    assert [(a["title"], a["isPreferred"]) for a in actions] == [
        ("Import `./lib/common`", False),
        ("Import `./site/commons`", False),
    ]
    assert ws.editor.errors == []


def test_h2_82_a_module_renamed_before_its_importer_is_opened_is_known_by_the_bytes_noted_at_start(ws, tmp_path):
    """site/common.bkr renamed outside the editor before any file that imports it was
    opened: the server had never read it, and a.bkr got the plain BKR101. It notes the
    workspace's .bkr files when it starts, their bytes too: the rename is known as if it
    had read the module, with the watcher's events (`git mv`, VS Code) or without them (a
    client that watches no files: the module just gone)."""
    _renamed_on_disk(ws, "site/common.bkr", "site/shared.bkr")
    ws.open("a.bkr")
    shown, actions = _import_actions(ws, "a.bkr")
    assert shown["code"] == "BKR101"
    assert shown["message"].split("\n")[1] == (
        "help: site/common.bkr was renamed to site/shared.bkr? it holds what site/common.bkr held:"
        " write `import ./site/shared`"
    )
    assert [(a["title"], a["isPreferred"]) for a in actions] == [("Import `./site/shared`", True)]
    (ws.folder / "site" / "shared.bkr").rename(ws.folder / "lib.bkr")  # no event: a client that watches no files
    ws.open("b.bkr")
    shown, actions = _import_actions(ws, "b.bkr")
    assert "site/common.bkr was renamed to lib.bkr?" in shown["message"]
    assert [a["title"] for a in actions] == ["Import `./lib`"]
    assert ws.editor.errors == []


def test_h2_82_a_file_there_when_the_server_started_is_never_said_to_be_the_module_renamed(tmp_path):
    """A copy of site/common.bkr the workspace held when the server started (a backup,
    site/old.bkr), and site/common.bkr then deleted, not renamed: one file holds the bytes
    the server read, and the help said "site/common.bkr was renamed to site/old.bkr?",
    which it never was. A file there at the start is no module renamed since: BKR101 as
    `bkrc check` says it. The same module renamed as well: two files hold the bytes, none
    is said."""
    folder = tmp_path / "ws"
    folder.mkdir()
    (tmp_path / "checks").mkdir()
    (folder / "site").mkdir()
    (folder / "site" / "common.bkr").write_text(CLEAN)
    (folder / "site" / "old.bkr").write_text(CLEAN)
    (folder / "a.bkr").write_text(_cluster("ASSI", "AM"))
    (folder / "b.bkr").write_text(_cluster("BSSI", "BM"))
    ws = Workspace.__new__(Workspace)
    ws.folder, ws.buffers, ws.versions = folder, {}, {}
    ws.editor = Editor()
    try:
        ws.editor.initialize(folder)
        ws.open("a.bkr")
        assert ws.editor.published(ws.uri("a.bkr")) == []  # the server read site/common.bkr
        (folder / "site" / "common.bkr").unlink()
        ws.editor.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": ws.uri("site/common.bkr"), "type": 3}]})
        shown, actions = _import_actions(ws, "a.bkr")
        assert shown["code"] == "BKR101" and actions == []
        assert shown["message"] == "cannot find module `./site/common`\nhelp: searched, in order:\n  site/common.bkr"
        # Back, then renamed: site/old.bkr and site/shared.bkr hold its bytes.
        (folder / "site" / "common.bkr").write_text(CLEAN)
        _renamed_on_disk(ws, "site/common.bkr", "site/shared.bkr")
        shown, actions = _import_actions(ws, "a.bkr")
        assert "renamed" not in shown["message"] and actions == []
        assert ws.editor.errors == []
    finally:
        ws.editor.close()


def test_h2_82_the_files_noted_at_start_are_bounded_in_number_and_bytes(tmp_path, monkeypatch):
    """The start reads no more than `max_workspace_files` files (none at 0) and
    START_SCAN_BYTES of them in all, in path order, in no more than START_SCAN_FOLDERS
    folders: a file past the bytes is noted without them (no rename known from it),
    one past the number or the folders not at all."""
    from bkrdsl.lsp import server as S

    folder = tmp_path / "ws"
    (folder / "site").mkdir(parents=True)
    for name, text in (("a.bkr", "x" * 10), ("b.bkr", "y" * 20), ("site/c.bkr", "z" * 5)):
        (folder / name).write_text(text)
    monkeypatch.setattr(S, "START_SCAN_BYTES", 16)
    server = S.BkrServer()
    server.roots = lambda: [folder]
    server.note_workspace_files()
    noted = {os.path.relpath(p, folder): (v[0] if v is not None else None) for p, v in server.files_at_start.items()}
    assert noted == {"a.bkr": 10, "b.bkr": None, os.path.join("site", "c.bkr"): 5}
    server = S.BkrServer()
    server.roots = lambda: [folder]
    server.max_files = 2
    server.note_workspace_files()
    assert sorted(os.path.relpath(p, folder) for p in server.files_at_start) == ["a.bkr", "b.bkr"]
    server.files_at_start.clear()
    server.max_files = 0
    server.note_workspace_files()
    assert server.files_at_start == {}
    # No more than START_SCAN_FOLDERS folders entered: one, the workspace folder's own files.
    monkeypatch.setattr(S, "START_SCAN_FOLDERS", 1)
    server.max_files = 10
    server.note_workspace_files()
    assert sorted(os.path.relpath(p, folder) for p in server.files_at_start) == ["a.bkr", "b.bkr"]


def _two_folders(tmp_path: Path) -> Workspace:
    """An editor opened on the workspace folder `first` (an empty one) alone, as VS Code
    sends it (`workspaceFolders`), and the folder `ws` with a.bkr, b.bkr and
    site/common.bkr beside it, not yet in the workspace."""
    first, folder = tmp_path / "first", tmp_path / "ws"
    first.mkdir()
    folder.mkdir()
    (folder / "site").mkdir()
    (folder / "site" / "common.bkr").write_text(CLEAN)
    (folder / "a.bkr").write_text(_cluster("ASSI", "AM"))
    (folder / "b.bkr").write_text(_cluster("BSSI", "BM"))
    ws = Workspace.__new__(Workspace)
    ws.folder, ws.buffers, ws.versions = folder, {}, {}
    ws.editor = Editor()
    capabilities = {
        "workspace": {"workspaceFolders": True, "didChangeWatchedFiles": {"dynamicRegistration": True}},
        "textDocument": {"codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}}},
    }
    params = {
        "processId": None,
        "rootUri": first.as_uri(),
        "workspaceFolders": [{"uri": first.as_uri(), "name": "first"}],
        "capabilities": capabilities,
        "initializationOptions": {"debounce_ms": 0},
    }
    assert "result" in ws.editor.request("initialize", params)
    ws.editor.notify("initialized", {})
    return ws


def _folders_changed(ws: Workspace, *, added: tuple[Path, ...] = (), removed: tuple[Path, ...] = ()) -> None:
    event = {
        "added": [{"uri": f.as_uri(), "name": f.name} for f in added],
        "removed": [{"uri": f.as_uri(), "name": f.name} for f in removed],
    }
    ws.editor.notify("workspace/didChangeWorkspaceFolders", {"event": event})


def test_h3_83_a_folder_added_to_the_workspace_has_its_files_noted_as_the_start_s_were(tmp_path):
    """The server noted the workspace's .bkr files when it started (stop 82), but not
    those of a folder the client added later (VS Code's *Add Folder to Workspace...*,
    `workspace/didChangeWorkspaceFolders`): site/common.bkr renamed there before a.bkr,
    which imports it, was opened got the plain BKR101. The folder's files are noted as it
    is added, bounded as the start's scan: the rename is known by the module's bytes."""
    ws = _two_folders(tmp_path)
    try:
        _folders_changed(ws, added=(ws.folder,))
        _renamed_on_disk(ws, "site/common.bkr", "site/shared.bkr")
        ws.open("a.bkr")
        shown, actions = _import_actions(ws, "a.bkr")
        assert shown["code"] == "BKR101"
        assert shown["message"].split("\n")[1] == (
            "help: site/common.bkr was renamed to site/shared.bkr? it holds what site/common.bkr held:"
            " write `import ./site/shared`"
        )
        assert [(a["title"], a["isPreferred"]) for a in actions] == [("Import `./site/shared`", True)]
        # The folder removed: rename searches its files no more, and no hint names one.
        _folders_changed(ws, removed=(ws.folder,))
        (shown,) = ws.editor.published(ws.uri("a.bkr"))
        assert shown["code"] == "BKR101" and "renamed" not in shown["message"]
        # Added again: site/shared.bkr, which the watcher told was created since, is still
        # the module renamed, not a file that was there before.
        _folders_changed(ws, added=(ws.folder,))
        shown, actions = _import_actions(ws, "a.bkr")
        assert "site/common.bkr was renamed to site/shared.bkr?" in shown["message"]
        assert ws.editor.errors == []
    finally:
        ws.editor.close()


def test_h3_83_a_copy_in_a_folder_added_or_told_by_the_watcher_is_never_the_module_renamed(tmp_path):
    """A copy of site/common.bkr in a folder added to the workspace (site/old.bkr, there
    as it was added), or one the watcher tells was created while site/common.bkr was still
    there (`cp`): site/common.bkr then deleted, not renamed, and no help may say it was
    renamed to the copy. A file created at a path whose file was deleted since is new: a
    module renamed there is known (a file there at the start no longer stands in its way)."""
    ws = _two_folders(tmp_path)
    try:
        (ws.folder / "site" / "old.bkr").write_text(CLEAN)
        _folders_changed(ws, added=(ws.folder,))
        ws.open("a.bkr")
        assert ws.editor.published(ws.uri("a.bkr")) == []
        (ws.folder / "site" / "common.bkr").unlink()
        ws.editor.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": ws.uri("site/common.bkr"), "type": 3}]})
        shown, actions = _import_actions(ws, "a.bkr")
        assert "renamed" not in shown["message"] and actions == []
        # The copy made outside the editor while the module is there, the watcher telling.
        (ws.folder / "site" / "old.bkr").unlink()
        (ws.folder / "site" / "common.bkr").write_text(CLEAN)
        changes = [{"uri": ws.uri("site/old.bkr"), "type": 3}, {"uri": ws.uri("site/common.bkr"), "type": 1}]
        ws.editor.notify("workspace/didChangeWatchedFiles", {"changes": changes})
        assert ws.editor.published(ws.uri("a.bkr")) == []
        shutil.copy(ws.folder / "site" / "common.bkr", ws.folder / "site" / "backup.bkr")
        ws.editor.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": ws.uri("site/backup.bkr"), "type": 1}]})
        (ws.folder / "site" / "common.bkr").unlink()
        ws.editor.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": ws.uri("site/common.bkr"), "type": 3}]})
        shown, actions = _import_actions(ws, "a.bkr")
        assert "renamed" not in shown["message"] and actions == []
        # site/old.bkr was there when the folder was added, and deleted since: the module
        # renamed to that path is the module renamed.
        (ws.folder / "site" / "backup.bkr").unlink()
        (ws.folder / "site" / "common.bkr").write_text(CLEAN)
        changes = [{"uri": ws.uri("site/backup.bkr"), "type": 3}, {"uri": ws.uri("site/common.bkr"), "type": 1}]
        ws.editor.notify("workspace/didChangeWatchedFiles", {"changes": changes})
        assert ws.editor.published(ws.uri("a.bkr")) == []
        _renamed_on_disk(ws, "site/common.bkr", "site/old.bkr")
        shown, actions = _import_actions(ws, "a.bkr")
        assert "site/common.bkr was renamed to site/old.bkr?" in shown["message"]
        assert [a["title"] for a in actions] == ["Import `./site/old`"]
        assert ws.editor.errors == []
    finally:
        ws.editor.close()
