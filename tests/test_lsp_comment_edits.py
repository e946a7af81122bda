"""A keystroke in a comment alone on its line spares the re-check (`features.comment_edit`).

The debounced re-check of a 10,000-user file parses, models and checks it all
again; a comment's words change none of its diagnostics. After each edit here
the diagnostics the server has published are held to those of a full analysis
of the buffer (the one a request makes), and the edits that must be analysed
(a comment made a doc comment, a doc comment made a comment, either made code,
a comment after a statement, a `#` glued to a word, a character that is not
printable ASCII, a line end, an edit that also touches code) are seen to
publish.
"""

from __future__ import annotations

import pytest
from lsp_inprocess import Editor, typed_at

TEXT = """import std/backup-manager

## The development cluster.
cluster DEV {
  member DEV1 { workers 1  private-volume D1PRV1 }
  # the members above
  catalog shared server BKRSVSFS pool BKRPOOL on DEV1
  single group WEB { HTTPD HTTPDLONG9 }   # after a statement
  # alone on its line
  # #hash in it
  ## documents the group below
  single group APP { APP01 }
  single group GLUED { APP02 }#glued
}
"""


class Buffer:
    def __init__(self, editor: Editor, uri: str) -> None:
        self.editor, self.uri, self.version = editor, uri, 1
        self.text = TEXT
        document = {"uri": uri, "languageId": "bkr", "version": 1, "text": TEXT}
        editor.notify("textDocument/didOpen", {"textDocument": document})

    def publishes(self) -> int:
        return sum(
            m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == self.uri
            for m in self.editor.writer.messages
        )

    def type(self, *edits: tuple[str, int, str, str]) -> None:
        """Each edit: the line holding `anchor`, the column after it plus `shift`, the
        characters deleted there (`gone`, which must be there) and typed (`typed`)."""
        changes = []
        for anchor, shift, gone, typed in edits:
            self.text, change = typed_at(self.text, anchor, shift, gone, typed)
            changes.append(change)
        self.version += 1
        document = {"uri": self.uri, "version": self.version}
        self.editor.notify("textDocument/didChange", {"textDocument": document, "contentChanges": changes})

    def shown(self) -> list[tuple]:
        return sorted(
            (d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"],
             d["range"]["end"]["line"], d["range"]["end"]["character"], d["message"])
            for d in self.editor.published(self.uri)
        )

    def analysed(self) -> list[tuple]:
        """The diagnostics of a full analysis of the buffer, which a request makes
        when the text analysed is not the buffer's."""
        self.editor.request("textDocument/documentSymbol", {"textDocument": {"uri": self.uri}})
        assert self.editor.server.documents[self.uri][1].text == self.text
        return self.shown()


@pytest.fixture
def buffer(tmp_path):
    editor = Editor()
    editor.initialize(tmp_path)
    yield Buffer(editor, (tmp_path / "dev.bkr").as_uri())
    assert editor.errors == []
    editor.close()


#: Edits a full analysis must follow: (what, edits).
ANALYSED = [
    ("a comment made a doc comment", [("  #", 0, "", "#")]),
    ("a comment made a doc comment by a deletion", [("# #hash", -6, " ", "")]),
    ("a comment made code", [("# alone", -7, "# alone", "")]),
    ("a comment after a statement", [("# after", 0, "", "x")]),
    ("a `#` glued to a word", [("#glued", 0, "", "x")]),
    ("a doc comment made a plain comment", [("## documents", -11, "#", "")]),
    ("a doc comment's first `#`", [("## documents", -12, "", "x")]),
    ("a character that is not ASCII", [("# alone", 0, "", "\u00e9")]),
    ("a tab", [("# alone", 0, "", "\t")]),
    ("a line end", [("# alone", 0, "", "\n")]),
    ("a comment and a user ID", [("# alone", 0, "", "x"), ("HTTPDLONG", 0, "9", "")]),
]


def test_a_keystroke_in_a_comment_alone_on_its_line_publishes_nothing_new(buffer):
    before = buffer.shown()
    assert [d[0] for d in before].count("BKR301") == 1
    count = buffer.publishes()
    # Keystrokes in one comment since the last analysis (in two comments, the
    # text between them is compared too: analysed).
    for edit in [("# the members", 0, "", "x"), ("# the members", 1, "", "y"), ("# the members", 0, "x", "")]:
        buffer.type(edit)
        assert buffer.publishes() == count  # spared: the diagnostics published stand
        assert buffer.shown() == before
    buffer.type(("  #", 0, "", "!"))  # right after the `#`, not a second `#`
    assert buffer.publishes() == count
    buffer.type(("  #", 0, "!", ""))  # ... and taken back
    assert buffer.publishes() == count
    assert buffer.analysed() == before  # ... and they are a full analysis's
    for edit in [("# alone on", 0, " ", ""), ("## documents", 0, "", " x"), ("##", 0, "", "#"), ("##", 0, "#", "")]:
        count = buffer.publishes()
        buffer.type(edit)  # a doc comment's words too (hover reads them; no check does)
        assert buffer.publishes() == count, edit
        assert buffer.analysed() == before, edit


@pytest.mark.parametrize(("what", "edits"), ANALYSED, ids=[a[0] for a in ANALYSED])
def test_an_edit_a_comment_edit_cannot_answer_for_is_analysed(buffer, what, edits):
    buffer.type(("# the members", 0, "", "x"))  # spared first: the analysis is of an older text
    count = buffer.publishes()
    buffer.type(*edits)
    assert buffer.publishes() == count + 1, what
    published = buffer.shown()
    assert buffer.analysed() == published, what


def test_a_sequence_of_edits_publishes_a_full_analysis_s_diagnostics(buffer):
    """Comment edits and others, in turn: after each, what is published is what a
    full analysis of the buffer publishes."""
    steps = [
        ("# the members", 0, "", "x"),
        ("HTTPDLONG", 0, "9", ""),
        ("# alone on", 0, "", " its"),
        ("# alone", -7, "", "#"),
        ("## alone", 0, "", " x"),
        ("HTTPD", 0, "", "Z"),
        ("# the membersx", 0, "", "!"),
    ]
    for step in steps:
        buffer.type(step)
        published = buffer.shown()
        assert buffer.analysed() == published, step


# stop 75, h1: a comment alone on its line that is, or becomes, a `# bkrc: allow` is
# analysed: it sets the warnings of the statement below it aside, or no longer does.
def test_h1_75_an_allow_typed_in_a_comment_alone_on_its_line_is_analysed(buffer):
    buffer.type(("# the members", 0, "", "x"))  # spared: nothing but keystrokes asked for a re-check
    buffer.analysed()  # a request: the text analysed is the buffer's again
    count = buffer.publishes()
    buffer.type(("# alone", -6, "", " bkrc: allow BKR408 kept"))
    assert buffer.publishes() == count + 1
    published = buffer.shown()
    assert buffer.analysed() == published
    assert [p for p in published if p[0] == "BKR408"] and all(p[1] != 11 for p in published if p[0] == "BKR408")
    buffer.type(("# bkrc: allow BKR408 kept", 0, "", "!"))  # its reason only: still analysed
    assert buffer.publishes() == count + 2
    buffer.type(("# bkrc: allow BKR4", 0, "08", "13"))
    assert buffer.publishes() == count + 3
    assert buffer.analysed() == buffer.shown()
