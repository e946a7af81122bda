"""What a diagnostic is, the syntax's passes tell by its data, never by its message.

Two slips of one line said in one error (`messages.second_slip`) are told by their
kind (`Diagnostic.slip`: a word written twice, a list's `,` missing, a keyword
misspelt, with the word and the keyword meant); a statement cut short at its line's
end, by what its error found there (`Diagnostic.found`: `homed`, `syntax._again_below`),
as what it expected is `Diagnostic.expected`. Each test below says a message in other
words, its data unchanged, and the pass still tells it: none reads the text. The scans
read bkrdsl/syntax's source (and bkrdsl/check's, bkrdsl/lsp's and bkrdsl/resolve's): no
regular expression there (nor a `startswith` or `endswith`) is matched against a
diagnostic's message.
"""

from __future__ import annotations

import ast
from dataclasses import replace

import pytest
from conftest import ROOT

from bkrdsl.pipeline import analyse
from bkrdsl.source import Source
from bkrdsl.syntax import messages, read_module

BASE = (ROOT / "examples" / "prodssi.bkr").read_text(encoding="utf-8")


def reworded(monkeypatch, name: str, words) -> None:
    """`messages.<name>` saying its message in other words (`words`: the message as
    made, to the one said), its data (`slip`, `found`, `expected`) as made."""
    made = getattr(messages, name)

    def saying(*args, **kwargs):
        diag = made(*args, **kwargs)
        return replace(diag, message=words(diag.message))

    monkeypatch.setattr(messages, name, saying)


def diagnostics(text: str) -> list:
    return analyse("prodssi.bkr", text.encode("utf-8")).diagnostics


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_two_words_written_twice_reworded_are_still_one_error(parser, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    reworded(monkeypatch, "written_twice", lambda m: m.replace("is written twice", "stands two times"))
    (found,) = diagnostics(BASE.replace("purge weekly sun 03:00", "purge purge weekly weekly sun 03:00", 1))
    assert found.message == "`purge` stands two times, and `weekly` stands two times"
    assert found.help == "remove the second `purge`; and remove the second `weekly`"


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_comma_missing_and_a_keyword_misspelt_reworded_are_still_one_error(parser, monkeypatch):
    # the misspelt keyword is said after the other slip from its data (`dayly`, `daily`),
    # whatever its own message says
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    reworded(monkeypatch, "missing_comma", lambda m: m.replace("a `,` is missing between", "no `,` stands between"))
    reworded(monkeypatch, "unknown_keyword", lambda m: m.replace("unknown keyword", "no keyword is"))
    (found,) = diagnostics(BASE.replace("run on VMSYS1 daily 02:00", "run on VMSYS1 VMSYS2 dayly 02:00", 1))
    assert found.message == "no `,` stands between `VMSYS1` and `VMSYS2`, and `dayly` is `daily` misspelt"


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_message_that_reads_as_a_slip_without_its_kind_is_none(parser, monkeypatch):
    # the other way round: `purge` written twice, its kind taken away, is not said with
    # `weekly`'s, though its message still says "is written twice"
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    made = messages.written_twice

    def kindless(word, *args, **kwargs):
        diag = made(word, *args, **kwargs)
        return replace(diag, slip=None) if word == "purge" else diag

    monkeypatch.setattr(messages, "written_twice", kindless)
    found = diagnostics(BASE.replace("purge weekly sun 03:00", "purge purge weekly weekly sun 03:00", 1))
    assert [d.message for d in found] == ["`purge` is written twice", "`weekly` is written twice"]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_misplaced_block_opening_cut_short_reworded_is_still_its_bkr013_alone(parser, monkeypatch):
    # `job J` in a job: its BKR011 (the `{` missing, the line's end found) is left to the
    # BKR013, told by what it found, not by "found the end of the line" in its text
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    reworded(monkeypatch, "missing_open", lambda m: "no `{` opens the block on its line")
    text = BASE.replace("    backup APPS full\n", "    backup APPS full\n    job J\n", 1)
    found = read_module(Source.of("prodssi.bkr", text))[1]
    line = text[: text.index("    job J\n")].count("\n") + 1
    assert [(d.code, d.span.line) for d in found] == [("BKR013", line)]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_keyword_alone_then_again_below_reworded_is_still_written_twice(parser, monkeypatch):
    # `include` alone on its line, then `include minidisk * 0191` on the next: the first's
    # error found the end of its line (`Diagnostic.found`), whatever its message says
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    for name in ("missing_other", "missing_value"):
        reworded(monkeypatch, name, lambda m: "the statement stops before its line's end")
    clean = "include minidisk * 0191-01FF 0200"
    (found,) = diagnostics(BASE.replace(clean, f"include\n    {clean}", 1))
    assert found.message == "`include` is written twice: alone on its line, then again on the next"


#: The methods of a regular expression (`re.match`, `_PATTERN.search`) and of a text
#: that read it to tell what it says.
READERS = {"match", "fullmatch", "search", "sub", "subn", "findall", "finditer", "split"}
TESTS = {"startswith", "endswith"}


def message_readers(source: str) -> list[int]:
    """The lines of `source` where a regular expression, a `startswith` or an `endswith`
    reads a diagnostic's message: `d.message`, or a name given it in the function."""
    lines = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue

        def of_message(node: ast.AST, named: set[str]) -> bool:
            return any(
                (isinstance(n, ast.Attribute) and n.attr == "message") or (isinstance(n, ast.Name) and n.id in named)
                for n in ast.walk(node)
            )

        named: set[str] = set()
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and of_message(node.value, set()):
                named |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        for node in ast.walk(function):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            method, owner = node.func.attr, node.func.value
            arguments = [*node.args, *(k.value for k in node.keywords)]
            if method in READERS and any(of_message(a, named) for a in arguments):
                lines.append(node.lineno)  # re.match(..., d.message), _TWICE.match(message)
            elif method in TESTS and of_message(owner, named):
                lines.append(node.lineno)  # d.message.startswith("unknown keyword `")
    return sorted(set(lines))


def test_the_reader_finds_a_message_read_as_the_syntax_read_it_once():
    # what messages.second_slip and homed read before `Diagnostic.slip` and `found`
    before = '''
def _slip_of(diag, first):
    message = diag.message
    if _TWICE.match(message) or message.startswith(("a `,` is missing between ",)):
        return True

def _line_ended(source, d, end):
    found = _FOUND_LAST.search(d.message)

def again(diag):
    said = re.sub("found `}`", "found the end of the line", diag.message)
    return diag.message.endswith(LINE_END_FOUND)
'''
    assert message_readers(before) == [4, 8, 11, 12]
    assert message_readers("def f(d):\n    return replace(d, message=f'{d.message}, and more')\n") == []


def test_no_regular_expression_in_the_syntax_reads_a_diagnostic_s_message():
    read = {
        path.relative_to(ROOT).as_posix(): lines
        for path in sorted((ROOT / "bkrdsl" / "syntax").glob("*.py"))
        if (lines := message_readers(path.read_text(encoding="utf-8")))
    }
    assert read == {}


# --- h4 (stop 67)
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_quoted_command_reworded_keeps_its_own_words(parser, monkeypatch):
    # `'CP XAUTOLOG BKRBKUP'`: the command's message says it is in quotes, built from what
    # the command is (`command_line(..., quoted=True)`), not by cutting the message made
    # for an unquoted one at its `:`
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    reworded(
        monkeypatch,
        "command_line",
        lambda m: m.replace(": a .bkr file describes the machines, it starts none", " -- a .bkr file starts no machine"),
    )
    found = diagnostics(BASE.replace("    backup APPS full\n", "    backup APPS full\n    'CP XAUTOLOG BKRBKUP'\n", 1))
    assert [d.message for d in found] == [
        "`XAUTOLOG` is a CP command, not a .bkr statement, in quotes as a REXX EXEC passes it on"
    ]
    unquoted = diagnostics(BASE.replace("    backup APPS full\n", "    backup APPS full\n    CP XAUTOLOG BKRBKUP\n", 1))
    assert [d.message for d in unquoted] == ["`XAUTOLOG` is a CP command, not a .bkr statement -- a .bkr file starts no machine"]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_an_hour_alone_in_a_schedule_reworded_quotes_what_was_written(parser, monkeypatch):
    # `every day at 2`: the message quotes the words as written, which schedule_phrase
    # is given (`said`), not a message made for `every day at 02:00` cut at its length
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    lead = "bkrc reads no schedule in "

    def words(m: str) -> str:
        return m if m.startswith(lead) else lead + m.replace(" is not a .bkr schedule", "", 1)

    reworded(monkeypatch, "schedule_phrase", words)
    for written in ("every day at 2", "every day @ 2", "every day at 14h"):
        (found,) = diagnostics(BASE.replace("run on VMSYS1 daily 02:00", f"run on VMSYS1 {written}", 1))
        assert found.message.startswith(f"{lead}`{written}`: a schedule starts with how often it runs"), found.message


@pytest.mark.parametrize(
    ("find", "replace_with", "code", "word"),
    [
        ("import std/zvm73", "import import", "BKR101", "`import`"),
        ("    backup APPS full", "    backup backup full", "BKR331", "`backup`"),
        ("  disk BKRBKUP 191 size 10 cyl", "  disk disk 191 size 10 cyl", "BKR332", "`disk`"),
    ],
)
def test_a_keyword_written_twice_that_the_loader_or_checks_tell_is_a_twice_slip(find, replace_with, code, word):
    """`import import`, `backup backup`, `disk disk`: the second word read as a name,
    which the loader or the checks tell is the keyword written twice, say so as data
    (`Diagnostic.slip`), as the syntax's `purge purge` does."""
    assert BASE.count(find) >= 1, find
    found = [d for d in diagnostics(BASE.replace(find, replace_with, 1)) if d.code == code]
    assert [(d.slip.kind, d.slip.written) for d in found] == [("twice", word)], [d.message for d in found]


def test_no_regular_expression_in_the_checks_or_the_language_server_reads_a_message():
    """The scan above, over bkrdsl/check, bkrdsl/lsp and bkrdsl/resolve too: what a
    diagnostic is is its data there as in the syntax."""
    read = {
        path.relative_to(ROOT).as_posix(): lines
        for folder in ("syntax", "check", "lsp", "resolve")
        for path in sorted((ROOT / "bkrdsl" / folder).glob("*.py"))
        if (lines := message_readers(path.read_text(encoding="utf-8")))
    }
    assert read == {}
