"""The name index is built when a request first needs it (`document.Names`).

The re-check after a keystroke publishes diagnostics, which never read names:
it must leave the index (and `Model.user_defs`, which the index is the first to
ask for) unbuilt. A request that needs names builds it once per analysis, and
after any sequence of edits and requests the server answers as a server opened
on the final text does.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import run_cli
from lsp_inprocess import Editor, typed_at

from bkrdsl.lsp import document as D
from bkrdsl.lsp import features as F

TEXT = """import std/backup-manager

cluster DEVSSI {
  member DEV1 { workers 2  private-volume D1PRV1 }
  member DEV2 { workers 2  private-volume D2PRV1 }
  disk BKRBKUP 191 size 10 cyl
  disk BKRCATLG 191 size 10 cyl
  disk BKRWRK* 191 size 5 cyl
  disk LINUX01 191 size 5 cyl on D1PRV1

  catalog shared server BKRSVSFS pool BKRPOOL on DEV1
  # a comment
  single group GUESTS { LINUX01 LINUX02 }
  identity group SYSTEM { TCPIP }

  job GUESTFUL {
    backup GUESTS full
    include minidisk * *
    exclude minidisk LINUX02 0190
    to disk pool BKUPPOOL
    run on DEV1 daily 01:00
  }

  job SYSFU {
    backup SYSTEM, LINUX01 full
    include minidisk * 0191
    to disk pool BKUPPOOL
    run on each member daily 02:00
  }
}
"""

_WORD = re.compile(r"[A-Za-z0-9$#@*_-]+")


class Session:
    """An editor with one buffer open."""

    def __init__(self, folder, text: str, version: int = 1) -> None:
        self.editor = Editor()
        self.editor.initialize(folder)
        self.uri = (folder / "dev.bkr").as_uri()
        self.text, self.version = text, version
        document = {"uri": self.uri, "languageId": "bkr", "version": version, "text": text}
        self.editor.notify("textDocument/didOpen", {"textDocument": document})

    def doc(self) -> D.Document:
        return self.editor.server.documents[self.uri][1]

    def type(self, anchor: str, shift: int, gone: str, typed: str) -> None:
        """At the column after `anchor` (on its first line) plus `shift`: `gone` deleted, `typed` typed."""
        self.text, change = typed_at(self.text, anchor, shift, gone, typed)
        self.change([change])

    def change(self, changes: list[dict]) -> None:
        self.version += 1
        document = {"uri": self.uri, "version": self.version}
        self.editor.notify("textDocument/didChange", {"textDocument": document, "contentChanges": changes})

    def apply(self, answer: dict) -> None:
        """A rename's edit applied as an editor applies it (a `didChange`, last edit first)."""
        (change,) = answer["result"]["documentChanges"]
        edits = sorted(change["edits"], key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]))
        lines = self.text.split("\n")
        for e in reversed(edits):  # ASCII text, one line each: characters are columns
            start, end = e["range"]["start"], e["range"]["end"]
            assert start["line"] == end["line"]
            line = lines[start["line"]]
            lines[start["line"]] = line[: start["character"]] + e["newText"] + line[end["character"] :]
        self.text = "\n".join(lines)
        self.change([{"range": e["range"], "text": e["newText"]} for e in reversed(edits)])

    def at(self, word: str, shift: int = 1) -> dict:
        lines = self.text.split("\n")
        line = next(n for n, t in enumerate(lines) if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", t))
        return {"line": line, "character": lines[line].index(word) + shift}

    def ask(self, method: str, position: dict, **extra) -> dict:
        params = {"textDocument": {"uri": self.uri}, "position": position, **extra}
        answer = self.editor.request(method, params)
        answer.pop("id")
        return answer

    def answers(self) -> dict:
        """What the server answers at the start, middle and end of every word of the text."""
        out: dict = {"diagnostics": self.editor.published(self.uri)}
        for n, line in enumerate(self.text.split("\n")):
            for m in _WORD.finditer(line):
                for column in sorted({m.start(), (m.start() + m.end()) // 2, m.end()}):
                    p = {"line": n, "character": column}
                    for method in [
                        "textDocument/hover",
                        "textDocument/definition",
                        "textDocument/documentHighlight",
                        "textDocument/prepareRename",
                    ]:
                        out[method, n, column] = self.ask(method, p)
                    references = self.ask("textDocument/references", p, context={"includeDeclaration": True})
                    out["references", n, column] = references
                    out["rename", n, column] = self.ask("textDocument/rename", p, newName="NEWNAME1")
        out["completion"] = self.ask("textDocument/completion", self.at("LINUX02", 7))
        return out

    def close(self) -> None:
        assert self.editor.errors == []
        self.editor.close()


@pytest.fixture
def session(tmp_path):
    opened = Session(tmp_path, TEXT)
    yield opened
    opened.close()


def _built(doc: D.Document) -> bool:
    return doc.names.built or "user_defs" in vars(doc.model)


def test_a_keystroke_s_re_check_builds_no_name_index(session):
    """Opening and the re-check after a keystroke publish diagnostics and index no
    names: neither the index nor `Model.user_defs` is made; nor by the code
    actions away from a fix, folding, outline, semantic tokens and inlay hints an
    editor asks for after a keystroke."""
    assert session.editor.published(session.uri) is not None
    assert not _built(session.doc())
    for anchor, shift, gone, typed in [("LINUX01", 0, "", "9"), ("job GUESTFUL", -1, "L", "X"), ("LINUX019", -1, "9", "")]:
        before = session.doc()
        session.type(anchor, shift, gone, typed)
        doc = session.doc()
        assert doc is not before and doc.text == session.text  # analysed again ...
        assert not _built(doc)  # ... and nothing indexed
        # What VS Code asks after each keystroke needs no names either.
        at = session.at("TCPIP")
        session.editor.request("textDocument/codeAction", {
            "textDocument": {"uri": session.uri}, "range": {"start": at, "end": at}, "context": {"diagnostics": []}})
        for method in ["textDocument/foldingRange", "textDocument/documentSymbol", "textDocument/semanticTokens/full"]:
            session.editor.request(method, {"textDocument": {"uri": session.uri}})
        whole = {"start": {"line": 0, "character": 0}, "end": {"line": len(session.text.split("\n")), "character": 0}}
        session.editor.request("textDocument/inlayHint", {"textDocument": {"uri": session.uri}, "range": whole})
        assert session.doc() is doc and not _built(doc) and doc.semantic is not None


def test_a_keystroke_s_re_check_after_a_syntax_error_builds_no_model(session, monkeypatch, tmp_path):
    """After a syntax error `bkrc check` reports what reading found and builds no
    model: the re-check published the same, but built the model of what could be
    parsed all the same, for the requests. It is now built by the first request
    that reads it (inlay hints here), once per analysis, and a fresh analysis's
    answers are the same."""
    calls = []
    build = D.build_model
    monkeypatch.setattr(D, "build_model", lambda modules: calls.append(modules) or build(modules))
    session.type("job GUESTFUL {", 0, "", " {")  # a syntax error: BKR0xx
    doc = session.doc()
    published = [d["code"] for d in session.editor.published(session.uri)]
    # (the last checked analysis's diagnostics off the error stay while it is where the
    # user types, taken as they were, no model built: stop 75, h4, `held_over`)
    codes = [c for c in published if c < "BKR100"]
    assert codes and "BKR332" in published, published
    assert doc.analysis.model is None and calls == []
    assert not doc.names.modelled
    for anchor, shift, gone, typed in [("LINUX01", 0, "", "9"), ("LINUX019", -1, "9", "")]:
        session.type(anchor, shift, gone, typed)
        assert session.doc() is not doc and calls == [] and not session.doc().names.modelled
        assert [d["code"] for d in session.editor.published(session.uri)] == codes
    # ... which are `bkrc check`'s for the same text.
    path = tmp_path / "same.bkr"
    path.write_text(session.text)
    report = json.loads(run_cli(["check", "--format", "json", path], expect=1).stdout)
    published = [(d["code"], d["range"]["start"]["line"] + 1) for d in session.editor.published(session.uri)]
    assert published == [(d["code"], d["line"]) for d in report["diagnostics"]]
    doc = session.doc()
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": len(session.text.split("\n")), "character": 0}}
    hints = session.editor.request("textDocument/inlayHint", {"textDocument": {"uri": session.uri}, "range": whole})
    assert "result" in hints and doc.names.modelled and len(calls) == 1
    hover = session.ask("textDocument/hover", session.at("GUESTS"))
    assert hover["result"] is not None and len(calls) == 1 and doc.model is not None


def test_a_request_that_needs_names_builds_the_index_once(session, monkeypatch):
    calls = []
    index = D.index
    monkeypatch.setattr(D, "index", lambda model: calls.append(model) or index(model))
    hover = session.ask("textDocument/hover", session.at("GUESTS"))
    assert hover["result"] is not None
    doc = session.doc()
    assert doc.names.built and calls == [doc.model]
    first = doc.occurrences
    for method in ["textDocument/definition", "textDocument/documentHighlight", "textDocument/hover"]:
        session.ask(method, session.at("LINUX02"))
    session.ask("textDocument/references", session.at("TCPIP"), context={"includeDeclaration": True})
    session.ask("textDocument/rename", session.at("SYSTEM"), newName="SYSGRP")
    assert session.doc() is doc and doc.occurrences is first and len(calls) == 1
    # A new analysis indexes its own model, when asked.
    session.type("LINUX02", 0, "", "9")
    assert len(calls) == 1
    session.ask("textDocument/definition", session.at("LINUX029"))
    assert len(calls) == 2 and calls[-1] is session.doc().model


def test_completion_s_retyped_word_shares_the_analysis_s_index(session):
    """Completion on a word retyped answers from the analysis (`features.edited`),
    whose model it shares: the index too, built once for both."""
    doc = session.doc()
    made = F.edited(doc, doc.text.replace("LINUX02 }", "LINUX0 }"))
    assert made is not None and made.names is doc.names
    assert made.occurrences is doc.occurrences


def test_no_handler_runs_in_a_thread():
    """`Names` builds the index without a lock: every handler of the server runs in
    the thread of its event loop, none in pygls's thread pool (`thread()`)."""
    from pygls.feature_manager import is_thread_function

    from bkrdsl.lsp.server import build_server

    server = build_server()
    handlers = {**server.protocol.fm.features, **server.protocol.fm.builtin_features}
    assert handlers
    assert [name for name, f in handlers.items() if is_thread_function(f)] == []


#: Edits and requests interleaved: ("type", anchor, shift, gone, typed),
#: ("rename", word, new name) applied, or (request method, word).
STEPS = [
    ("textDocument/hover", "LINUX02"),
    ("type", "GUESTS { LINUX01", 0, "", "9"),  # a user ID retyped
    ("textDocument/definition", "LINUX02"),
    ("type", "job GUESTFUL", -1, "L", "X"),  # a job's name
    ("textDocument/hover", "GUESTFUX"),
    ("type", "# a comment", 0, "", "s"),  # a comment: the re-check is spared
    ("textDocument/references", "TCPIP"),
    ("rename", "SYSTEM", "SYSGRP"),
    ("textDocument/hover", "SYSGRP"),
    ("type", "LINUX02 }", -2, "", " LINUX0"),  # a new word: completion answers from the analysis
    ("textDocument/completion", "LINUX0 }", 6),
    ("type", "LINUX0 }", -2, "", "3"),
    ("textDocument/documentHighlight", "LINUX03"),
    ("type", "backup GUESTS", 0, "", " {"),  # a syntax error ...
    ("textDocument/hover", "GUESTS"),
    ("type", "backup GUESTS", 0, " {", ""),  # ... taken back
    ("rename", "LINUX019", "LNX019"),
    ("textDocument/definition", "LNX019"),
    ("type", "LNX019", -1, "9", "8"),
    ("textDocument/prepareRename", "GUESTS"),
    ("type", "D1PRV1 }", -3, "1", "2"),  # a volume label
]


def test_answers_after_edits_and_requests_are_a_fresh_server_s(tmp_path):
    """Requests interleaved with edits (each a `didChange` re-checked, the index built
    only by the requests): at the end every answer is the one a server opened on
    the final text gives."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    session = Session(tmp_path / "a", TEXT)
    try:
        for step in STEPS:
            if step[0] == "type":
                session.type(*step[1:])
            elif step[0] == "rename":
                answer = session.ask("textDocument/rename", session.at(step[1]), newName=step[2])
                assert "result" in answer, answer
                session.apply(answer)
            else:
                extra = {"context": {"includeDeclaration": True}} if step[0].endswith("references") else {}
                answer = session.ask(step[0], session.at(*step[1:]), **extra)
                assert "result" in answer, (step, answer)
        assert "SYSGRP" in session.text and "LNX018" in session.text
        assert session.editor.server.documents[session.uri][1].text == session.text  # not a stale analysis
        fresh = Session(tmp_path / "b", session.text, session.version)
        try:
            assert session.answers() == _renamed(fresh.answers(), tmp_path)
        finally:
            fresh.close()
    finally:
        session.close()


def _renamed(answers: dict, tmp_path) -> dict:
    """`answers` with the fresh server's folder named as the first's."""
    a, b = (tmp_path / "a").as_uri(), (tmp_path / "b").as_uri()
    return {k: json.loads(json.dumps(v).replace(b, a)) if v is not None else v for k, v in answers.items()}
