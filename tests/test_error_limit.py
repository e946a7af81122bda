"""The error limit (`--max-errors N`, docs/diagnostics.md "The error limit"): each
file's report stops after its Nth error, with one note, in every format, and the
diagnostics it keeps are exactly the first ones of the report without a limit."""

from __future__ import annotations

import json
import random

import pytest
from conftest import run_cli

from bkrdsl.pipeline import analyse

NOTE = "; fix these and run again, or use `--max-errors N` (0: no limit)"


def junk_cluster(seed: int, ids: int) -> str:
    """A cluster whose group body holds `ids` user IDs, many of them ones CP refuses
    (too long, a character CP does not take, declared twice), between warnings."""
    rng = random.Random(seed)
    lines = ["cluster C {", "  member VMSYS1 { workers 4 }", "  single group APPS {"]
    for i in range(ids):
        kind = rng.randrange(4)
        if kind == 0:
            lines.append(f"    TOOLONGID{i}")
        elif kind == 1:
            lines.append(f"    U{i % 7}")  # declared again
        elif kind == 2:
            lines.append(f"    B.D{i}")
        else:
            lines.append(f"    OK{i}")
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"


def report(path, *args) -> dict:
    out = run_cli(["check", "--format", "json", *args, path], expect=1)
    return json.loads(out.stdout)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("n", [1, 5, 17])
def test_the_first_n_errors_are_those_of_the_whole_report(tmp_path, seed, n):
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(seed, 60))
    whole = report(path, "--max-errors", "0")
    assert "stopped" not in whole
    assert whole["error_count"] > n
    cut = report(path, "--max-errors", str(n))
    shown = cut["diagnostics"]
    assert shown == whole["diagnostics"][: len(shown)]
    assert cut["error_count"] == n
    assert shown[-1]["severity"] == "error"  # the report ends at the Nth error
    (stop,) = cut["stopped"]
    left = whole["diagnostics"][len(shown) :]
    assert stop["errors_shown"] == n
    assert stop["errors_not_shown"] == sum(d["severity"] == "error" for d in left)
    assert stop["warnings_not_shown"] == sum(d["severity"] == "warning" for d in left)
    assert (stop["line"], stop["column"]) == (left[0]["line"], left[0]["column"])
    assert report(path, "--max-errors", str(n)) == cut  # deterministic


def test_the_default_is_a_hundred_errors(tmp_path):
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(4, 400))
    cut = report(path)
    assert cut["error_count"] == 100
    assert cut["stopped"][0]["message"].startswith(f"stopping after 100 errors in {path} (")


def test_text_ends_with_the_note_then_the_summary(tmp_path):
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(1, 60))
    whole = report(path, "--max-errors", "0")
    errors = whole["error_count"] - 2
    warnings = whole["warning_count"] - sum(d["severity"] == "warning" for d in report(path, "--max-errors", "2")["diagnostics"])
    out = run_cli(["check", "--max-errors", "2", path], expect=1).stdout
    assert out.count("\nerror[") + out.startswith("error[") == 2
    more = f"{errors:,} errors" + (f" and {warnings} warning{'s' if warnings != 1 else ''}" if warnings else "")
    note = f"note: stopping after 2 errors in {path} ({more} not shown){NOTE}\n\n"
    assert out.endswith(note + out.splitlines()[-1] + "\n")
    assert out.splitlines()[-1].startswith("2 errors")


def test_short_github_and_sarif_carry_the_note(tmp_path):
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(2, 60))
    first_left = report(path, "--max-errors", "0")["diagnostics"][
        len(report(path, "--max-errors", "1")["diagnostics"])
    ]
    where = f"{path}:{first_left['line']}:{first_left['column']}"
    short = run_cli(["check", "--format", "short", "--max-errors", "1", path], expect=1).stdout.splitlines()
    assert len(short) == len(report(path, "--max-errors", "1")["diagnostics"]) + 1
    assert short[-1].startswith(f"{where}: note: stopping after 1 error in {path} (")
    assert short[-1].endswith(NOTE)
    github = run_cli(["check", "--format", "github", "--max-errors", "1", path], expect=1).stdout.splitlines()
    assert github[-1].startswith(f"::notice file={path},line={first_left['line']},col={first_left['column']},title=bkrc::stopping after 1 error")
    sarif = json.loads(run_cli(["check", "--format", "sarif", "--max-errors", "1", path], expect=1).stdout)
    run = sarif["runs"][0]
    assert sum(r["level"] == "error" for r in run["results"]) == 1
    (notification,) = run["invocations"][0]["toolExecutionNotifications"]
    assert notification["level"] == "note"
    assert notification["message"]["text"].startswith(f"stopping after 1 error in {path} (")
    region = notification["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (first_left["line"], first_left["column"])


def test_no_note_when_nothing_is_left_out(tmp_path):
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(1, 60))
    errors = report(path, "--max-errors", "0")["error_count"]
    exact = report(path, "--max-errors", str(errors))
    assert "stopped" not in exact and exact["error_count"] == errors
    sarif = json.loads(run_cli(["check", "--format", "sarif", "--max-errors", str(errors), path], expect=1).stdout)
    assert "invocations" not in sarif["runs"][0]


def test_each_file_has_its_own_limit(tmp_path):
    a, b = tmp_path / "a.bkr", tmp_path / "b.bkr"
    a.write_text(junk_cluster(1, 40))
    b.write_text(junk_cluster(2, 40))
    out = json.loads(run_cli(["check", "--format", "json", "--max-errors", "3", a, b], expect=1).stdout)
    assert [s["file"] for s in out["stopped"]] == [str(a), str(b)]
    for f in (a, b):
        assert sum(d["file"] == str(f) and d["severity"] == "error" for d in out["diagnostics"]) == 3


def test_syntax_errors_are_limited_too(tmp_path):
    path = tmp_path / "words.bkr"
    path.write_text("".join(f"hello world {i}\njob J{i} {{ backup }}\n" for i in range(10)))
    whole = report(path, "--max-errors", "0")
    cut = report(path, "--max-errors", "4")
    assert cut["error_count"] == 4 < whole["error_count"]
    assert cut["diagnostics"] == whole["diagnostics"][:4]


def test_compile_and_fmt_take_the_limit(tmp_path):
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(3, 60))
    out = run_cli(["compile", "--max-errors", "2", path, "-o", tmp_path / "out"], expect=1)
    assert f"note: stopping after 2 errors in {path} (" in out.stderr
    assert "nothing written" in out.stderr
    words = tmp_path / "words.bkr"
    words.write_text("".join(f"hello world {i}\njob J{i} {{ backup }}\n" for i in range(10)))
    out = run_cli(["fmt", "--check", "--format", "short", "--max-errors", "1", words], expect=1)
    lines = out.stderr.splitlines()
    assert sum(": error " in line for line in lines) == 1
    assert any(": note: stopping after 1 error in " in line for line in lines)


def test_a_negative_limit_is_a_usage_error(tmp_path):
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(1, 5))
    out = run_cli(["check", "--max-errors", "-1", path], expect=2)
    assert "-1 is not in the range x>=0" in out.output


def test_limit_keeps_everything_at_zero_and_counts_what_it_leaves_out():
    from bkrdsl.diagnostics.limit import DEFAULT_MAX_ERRORS, limit

    assert DEFAULT_MAX_ERRORS == 100
    analysis = analyse("junk.bkr", junk_cluster(5, 50).encode())
    everything, stops = limit(analysis.diagnostics, 0)
    assert everything == analysis.diagnostics and stops == []
    kept, (stop,) = limit(analysis.diagnostics, 3)
    assert kept == analysis.diagnostics[: len(kept)]
    assert len(kept) + stop.errors + stop.warnings == len(everything)


@pytest.mark.parametrize("cap", [3, None])
def test_the_language_server_publishes_up_to_the_limit(tmp_path, monkeypatch, cap):
    """An editor given every one of 100,000 diagnostics stalls: the server publishes
    each file's first errors, as `bkrc check` reports them, and one note."""
    from lsp_inprocess import Editor

    from bkrdsl.lsp import server

    if cap is not None:
        monkeypatch.setattr(server, "MAX_PUBLISHED_ERRORS", cap)
    n = cap or server.MAX_PUBLISHED_ERRORS
    path = tmp_path / "junk.bkr"
    path.write_text(junk_cluster(6, 60 if cap else 400))
    cut = report(path, "--max-errors", str(n))
    editor = Editor()
    try:
        editor.initialize(tmp_path)
        item = {"uri": path.as_uri(), "languageId": "bkr", "version": 1, "text": path.read_text()}
        editor.notify("textDocument/didOpen", {"textDocument": item})
        published = editor.published(path.as_uri())
        assert editor.errors == []
    finally:
        editor.close()
    *diagnostics, note = published
    assert [(d["code"], d["range"]["start"]["line"] + 1) for d in diagnostics] == [
        (d["code"], d["line"]) for d in cut["diagnostics"]
    ]
    assert sum(d["severity"] == 1 for d in diagnostics) == n
    (stop,) = cut["stopped"]
    assert note["severity"] == 3  # Information
    assert note["range"]["start"] == {"line": stop["line"] - 1, "character": stop["column"] - 1}
    assert note["message"] == stop["message"].replace(NOTE, "; fix these and the next ones will show")
    assert "code" not in note or note["code"] is None
