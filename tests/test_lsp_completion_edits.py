"""Completion right after a keystroke answers from the last analysis, as a fresh one would.

An editor asks for completion at each keystroke, before the server's debounced
re-check of the new text has run. The server used to analyse the whole file
first (200-300 ms for 10,000 users). When the text differs from the one last
analysed by one word retyped, or a new word begun, it now answers from that analysis
(`features.edited`), and analyses only where that could answer otherwise. These
tests hold those answers to a fresh analysis's over many edits of the examples
and of a cluster of a thousand users, at the edit and elsewhere, and check that
the server answers before it analyses the new text.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from conftest import ROOT
from lsp_inprocess import Editor

from bkrdsl.lsp import features as F
from bkrdsl.lsp import server as S
from bkrdsl.lsp.document import analyse_document

#: A word, as the edits below pick them (the keywords and names of the files).
WORD = re.compile(r"[A-Za-z0-9$@_*:.-]+")
#: What the edits type: letters, digits, a blank, wildcards, a colon, a brace, words
#: that are keywords or names of the files.
TYPED = ["A", "x", "0", "9", "$", "@", "_", "#", "*", ":", " ", "{", "-", "e", "b"]
WORDS = ["job", "backup", "full", "ON", "role", "match", "LINUX", "VMSYS1", "LNXWEB01", "APPS", "x", "sun"]
#: A new word: its first character (a keyword's, a name's), or a word completed or
#: pasted at once (a keyword misspelt, which recovery may read as two words).
FIRST = ["b", "i", "r", "j", "w", "m", "e", "x", "A", "L", "9", "$", "_", "jobb", "catalogg", "disks", "expiree", "LINUX"]
#: Where a new word starts: between characters neither of which would join it
#: (blanks, braces, commas, quotes).
NEW_WORD_AT = re.compile(r"(?<![A-Za-z0-9$#@_*%?+\-:.])(?![A-Za-z0-9$#@_*%?+\-:.])")


def _large() -> str:
    """A cluster of a thousand users in ten groups, a user with a role, and jobs."""
    text = "import std/backup-manager\n\ncluster BIG {\n"
    text += "  member BIG1 { workers 1 }\n  member BIG2 { workers 1 }\n"
    text += "  single user OPSUSER role admin\n"
    for g in range(10):
        ids = [f"LNX{g * 100 + n:05d}" for n in range(100)]
        lines = "\n".join("    " + " ".join(ids[i : i + 10]) for i in range(0, 100, 10))
        text += f"  single group G{g:03d} {{\n{lines}\n    match LNXP{g}*\n  }}\n"
    text += "  catalog shared server BKRSVSFS pool BKRPOOL on BIG1\n"
    for n in range(3):
        text += (
            f"  job FULL{n} {{\n    backup G00{n}, LNX00001\n    include minidisk * *\n"
            f"    include sfs BKRPOOL:LNX0000{n}.*\n    to disk pool POOL{n}\n"
            f"    run on BIG{n % 2 + 1} daily 01:00\n  }}\n"
        )
    return text + "}\n"


def _edits(text: str, seed: int, count: int):
    """(edited text, cursor offset) pairs: a character typed into or after a word,
    one deleted from it, a word written over another, or the first character of a
    new word typed where there was none (after a blank, a brace...)."""
    rng = random.Random(seed)
    words = list(WORD.finditer(text))
    blanks = [m.start() for m in NEW_WORD_AT.finditer(text)]
    for _ in range(count):
        word = rng.choice(words)
        at = rng.randint(word.start(), word.end())
        choice = rng.random()
        if choice < 0.5:
            typed = rng.choice(TYPED)
            yield text[:at] + typed + text[at:], at + len(typed)
        elif choice < 0.7 and at > word.start():
            yield text[: at - 1] + text[at:], at - 1
        elif choice < 0.8:
            new = rng.choice(WORDS)
            yield text[: word.start()] + new + text[word.end() :], word.start() + rng.randint(0, len(new))
        else:
            at, typed = rng.choice(blanks), rng.choice(FIRST)
            yield text[:at] + typed + text[at:], at + len(typed)


def _position(text: str, at: int) -> tuple[int, int]:
    line = text.count("\n", 0, at)
    return line, at - (text.rfind("\n", 0, at) + 1)


def _same_answers(name: str, text: str, seed: int, count: int) -> tuple[int, int, int]:
    """Edit `text` many ways; where `edited` answers for the edited text, its
    completions at the edit and at three other places are a fresh analysis's.
    Returns how many answers it gave (and of them, at a new word) and how many
    edits it left to a fresh analysis."""
    path = Path(name)
    doc = analyse_document(name, text, path=path, max_errors=100)
    rng = random.Random(seed)
    answered = analysed = at_new_word = 0
    for new, cursor in _edits(text, seed, count):
        view = F.edited(doc, new)
        if view is None:
            analysed += 1
            continue
        fresh = analyse_document(name, new, path=path, max_errors=100)
        # At the edit, at two places picked at random, and at the end of the file,
        # after the blocks closed below the edit (read as empty up to a syntax error).
        for at in (cursor, rng.randint(0, len(new)), rng.randint(0, len(new)), len(new)):
            line, column = _position(new, at)
            try:
                found = F.completions(view, line, column)
            except F.Reanalyse:  # the server analyses the text, and asks again
                continue
            assert found == F.completions(fresh, line, column), (new[max(0, at - 60) : at], new[at : at + 20])
            answered += 1
            at_new_word += view.edited is not None and view.edited.new_word and at == cursor
    return answered, at_new_word, analysed


@pytest.mark.parametrize("example", ["prodssi.bkr", "lnxssi.bkr", "spreadssi.bkr", "with-site.bkr"])
def test_completion_after_an_edit_answers_from_the_last_analysis_as_a_fresh_one(example):
    path = ROOT / "examples" / example
    answered, at_new_word, analysed = _same_answers(str(path), path.read_text(), seed=len(example), count=150)
    # Not an empty test: a good part of the edits are answered without analysing,
    # the first character of a new word among them.
    assert answered >= 30 and analysed >= 30 and at_new_word >= 5


def test_completion_after_an_edit_of_a_large_cluster_answers_as_a_fresh_analysis():
    text = _large()
    assert not [d for d in analyse_document("/ws/big.bkr", text).diagnostics if d.code < "BKR100"]
    answered, at_new_word, analysed = _same_answers("/ws/big.bkr", text, seed=7, count=150)
    assert answered >= 100 and analysed >= 20 and at_new_word >= 2


def test_a_user_id_retyped_is_offered_as_a_fresh_analysis_offers_it():
    # In a group body the word being typed is itself a user the text declares: the
    # fresh analysis offers it, with its new spelling, where the old one stood.
    text = _large()
    doc = analyse_document("/ws/big.bkr", text)
    at = text.index("LNX00105") + len("LNX0010")
    retyped = [text[:at] + text[at + 1 :], text[:at] + "5X" + text[at + 1 :]]
    retyped.append(text.replace("LNX00105", "LNX00001"))  # an ID declared before: offered once
    for new in retyped:
        view = F.edited(doc, new)
        assert view is not None and view.edited.user is not None
        fresh = analyse_document("/ws/big.bkr", new)
        for where in (at, new.index("backup G000, ") + len("backup ")):
            line, column = _position(new, where)
            assert F.complete(view, line, column) == F.complete(fresh, line, column)
    # What it cannot answer so, it leaves to a fresh analysis: a member's, a group's or
    # a job's name, a pattern, a role, a keyword typed, a word that becomes two, a
    # file with a syntax error.
    for old, new in [
        ("member BIG1", "member BIG12"),
        ("group G001", "group G0012"),
        ("job FULL1", "job FULL12"),
        ("match LNXP1*", "match LNXP12*"),
        ("role admin", "role admins"),
        ("backup G001,", "backup G001 ,"),
        ("LNX00105", "LNX0 0105"),
        ("LNX00105", "match"),
    ]:
        assert F.edited(doc, text.replace(old, new, 1)) is None, new
    # A module path (another module, other names), a word in a comment or a string.
    site = ROOT / "examples" / "with-site.bkr"
    doc = analyse_document(str(site), site.read_text(), path=site)
    assert F.edited(doc, doc.text.replace("import ./site/common", "import ./site/commons")) is None
    commented = text.replace("cluster BIG {", '# BIG cluster "x"\ncluster BIG {')
    commented = analyse_document("/ws/big.bkr", commented)
    assert F.edited(commented, commented.text.replace("# BIG cluster", "# BIGS cluster")) is None
    assert F.edited(commented, commented.text.replace('"x"', '"xy"')) is None
    doc = analyse_document("/ws/big.bkr", text)
    broken = analyse_document("/ws/big.bkr", text.replace("workers 1 }", "workers }", 1))
    assert F.edited(broken, broken.text.replace("LNX00105", "LNX00106")) is None
    # A pool is offered from the words of the text analysed: completion asks again.
    new = text.replace("to disk pool POOL1", "to disk pool POOL1X")
    view = F.edited(doc, new)
    with pytest.raises(F.Reanalyse):
        F.completions(view, *_position(new, new.index("POOL1X") + 6))


def test_the_first_character_of_a_new_word_is_answered_from_the_last_analysis_before_the_word():
    # `b` typed on a blank line of a job: the keywords a statement starts with, as a
    # fresh analysis offers them. The text before the word is the text analysed.
    text = _large().replace("    run on BIG1 daily 01:00\n", "    run on BIG1 daily 01:00\n    \n", 1)
    doc = analyse_document("/ws/big.bkr", text)
    at = text.index("daily 01:00\n    \n") + len("daily 01:00\n    ")
    new = text[:at] + "b" + text[at:]
    view = F.edited(doc, new)
    assert view is not None and view.edited.new_word
    fresh = analyse_document("/ws/big.bkr", new)
    for where in (at + 1, at, new.index("backup G000, ") + len("backup ")):
        line, column = _position(new, where)
        try:
            assert F.complete(view, line, column) == F.complete(fresh, line, column)
        except F.Reanalyse:  # after `backup`: the users and groups are the model's
            assert where < at
    assert "backup" in {c.label for c in F.complete(view, *_position(new, at + 1))}
    # Past the new word the text is not the text analysed: the word may be read with
    # the lines after it (`disks` in the cluster's body, read as a `disk` statement
    # missing its words), so the blocks closed below it may not be read as empty.
    at = text.index("  catalog shared")
    new = text[:at] + "disks" + text[at:]
    view, fresh = F.edited(doc, new), analyse_document("/ws/big.bkr", new)
    end = _position(new, len(new))
    with pytest.raises(F.Reanalyse):
        F.complete(view, *end)
    assert F.complete(fresh, *end) != F.complete(doc, *_position(text, len(text)))
    # Where users fit, the word may be one more user: the text is analysed.
    at = text.index("    LNX00100")
    new = text[:at] + "X" + text[at:]
    view = F.edited(doc, new)
    assert view is not None and view.edited.new_word
    with pytest.raises(F.Reanalyse):
        F.complete(view, *_position(new, at + 1))


@pytest.fixture
def editor(tmp_path):
    folder = tmp_path / "ws"
    folder.mkdir()
    started = Editor()
    started.initialize(folder)
    yield started, folder
    started.close()


def test_the_server_answers_completion_after_a_keystroke_before_analysing_the_new_text(editor, monkeypatch):
    editor, folder = editor
    text = _large()
    path = folder / "big.bkr"
    path.write_text(text)
    uri = path.as_uri()
    item = {"uri": uri, "languageId": "bkr", "version": 1, "text": text}
    editor.notify("textDocument/didOpen", {"textDocument": item})
    events: list[str] = []
    analyse, answer = S.analyse_document, F.completions
    monkeypatch.setattr(S, "analyse_document", lambda *a, **k: events.append("analyse") or analyse(*a, **k))
    monkeypatch.setattr(F, "completions", lambda *a, **k: events.append("complete") or answer(*a, **k))
    # Keystrokes in a user ID of a group body, each followed at once by a completion
    # there: the re-check the keystroke scheduled comes after the answer.
    at = text.index("LNX00105") + len("LNX0010")
    version = 1
    keystrokes = [(text[:at] + text[at + 1 :], at), (text[:at] + "9" + text[at + 1 :], at + 1)]
    keystrokes.append((text, at + 1))
    for new, cursor in keystrokes:
        version += 1
        change = {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": new}]}
        line, column = _position(new, cursor)
        where = {"textDocument": {"uri": uri}, "position": {"line": line, "character": column}}
        del events[:]
        got = editor.request("textDocument/completion", where, after=[("textDocument/didChange", change)])
        assert events == ["complete", "analyse"]
        # The same answer once the new text is analysed.
        assert editor.request("textDocument/completion", where) == {**got, "id": got["id"] + 1}
    # Where an edit is no word retyped (a blank typed), the new text is analysed first.
    version += 1
    new = spaced = text[:at] + " " + text[at:]
    change = {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": new}]}
    line, column = _position(new, at + 1)
    where = {"textDocument": {"uri": uri}, "position": {"line": line, "character": column}}
    del events[:]
    got = editor.request("textDocument/completion", where, after=[("textDocument/didChange", change)])
    assert events == ["analyse", "complete"]
    assert "result" in got
    # And where the answer needs the new text's words (a pool), it asks the analysis.
    version += 1
    new = spaced.replace("to disk pool POOL1", "to disk pool POOL1X")
    change = {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": new}]}
    line, column = _position(new, new.index("POOL1X") + 6)
    where = {"textDocument": {"uri": uri}, "position": {"line": line, "character": column}}
    del events[:]
    got = editor.request("textDocument/completion", where, after=[("textDocument/didChange", change)])
    assert events == ["complete", "analyse", "complete"]
    assert editor.request("textDocument/completion", where) == {**got, "id": got["id"] + 1}
    # The first character of a new word (`s` of `single` on the blank line after the
    # import): the keywords that start a statement, from the last analysis.
    version += 1
    pooled = new
    at = pooled.index("\n\ncluster BIG") + 1
    new = pooled[:at] + "s" + pooled[at:]
    change = {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": new}]}
    line, column = _position(new, at + 1)
    where = {"textDocument": {"uri": uri}, "position": {"line": line, "character": column}}
    del events[:]
    got = editor.request("textDocument/completion", where, after=[("textDocument/didChange", change)])
    assert events == ["complete", "analyse"]
    assert "single" in {item["label"] for item in got["result"]["items"]}
    assert editor.request("textDocument/completion", where) == {**got, "id": got["id"] + 1}
    assert editor.errors == []
