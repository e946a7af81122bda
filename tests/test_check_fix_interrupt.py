"""Ctrl-C during `bkrc check --fix FILE...`.

--fix replaces a file in one step (`output.replace_file`, as `bkrc fmt`) and
holds Ctrl-C back (`output.Commit`) from just before the replace until the
file is counted as fixed. Ctrl-C before that leaves the file as it was; Ctrl-C
while the file is written finishes that file. Either
way the run stops there: exit 130, the later files untouched, nothing left
beside them, and two lines that say which files were fixed and which were left
as they were, with the command that fixes those.

Interrupts are delivered as in tests/test_compile_interrupt.py: a wrapped step
calls `signal.raise_signal(SIGINT)`, which is what a Ctrl-C at that moment does;
the autouse fixture gives the process Python's own SIGINT handler, since a
background `pytest &` starts with SIGINT ignored.
"""

from __future__ import annotations

import tempfile

import pytest
from conftest import EXAMPLES, run_cli
from test_compile_interrupt import (
    after_call,
    interrupted_after_first_replace,
    python_answers_ctrl_c,  # noqa: F401 (an autouse fixture)
)

from bkrdsl import fixes, output

CLEAN = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8")
BROKEN = CLEAN.replace("catalog shared server", "catalog sharedserver", 1)


@pytest.fixture
def three(tmp_path):
    """Three files with one fixable slip each, in a folder of their own."""
    paths = [tmp_path / f"{name}.bkr" for name in "abc"]
    for path in paths:
        path.write_text(BROKEN, encoding="utf-8")
    return paths


def texts(paths) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in paths]


def folder(path) -> list[str]:
    """Every name in the file's folder: a temporary file left behind shows here."""
    return sorted(p.name for p in path.parent.iterdir())


def assert_interrupted(result, fixed, rest) -> None:
    assert result.exit_code == 130, result.output
    assert "Aborted!" not in result.output
    assert result.stderr.splitlines() == [
        (
            f"bkrc: interrupted; fixed: {', '.join(map(str, fixed))};"
            f" not fixed, as they were: {', '.join(map(str, rest))}"
        ),
        f"bkrc: to go on: bkrc check --fix {' '.join(map(str, rest))}",
    ]


def test_ctrl_c_while_a_file_is_fixed_stops_before_it(three, monkeypatch):
    """The second file's fixes are being worked out: the first is fixed, the others untouched."""
    after_call(monkeypatch, fixes, "fix_all", 2)
    result = run_cli(["check", "--fix", *three])
    assert folder(three[0]) == ["a.bkr", "b.bkr", "c.bkr"]
    assert texts(three) == [CLEAN, BROKEN, BROKEN]
    assert_interrupted(result, three[:1], three[1:])


@pytest.mark.parametrize(
    ("owner", "step"), [(tempfile, "mkstemp"), (output.os, "fsync"), (output.os, "replace")]
)
def test_ctrl_c_while_a_file_is_replaced_finishes_that_file_then_stops(three, monkeypatch, owner, step):
    """Held back until the file is replaced and reported: the second file is
    fixed and named, the third is untouched, no temporary file is left."""
    after_call(monkeypatch, owner, step, 3 if step == "fsync" else 2)  # fsync: file and folder each
    result = run_cli(["check", "--fix", *three])
    assert folder(three[0]) == ["a.bkr", "b.bkr", "c.bkr"]
    assert texts(three) == [CLEAN, CLEAN, BROKEN]
    assert_interrupted(result, three[:2], three[2:])


def test_ctrl_c_while_the_first_line_is_printed(three, monkeypatch):
    """Nothing is said of a file as it is fixed (the summary at the end says it once):
    the first line printed is the summary's, after every file was fixed."""
    import click

    after_call(monkeypatch, click, "echo", 1, before=True)
    result = run_cli(["check", "--fix", *three])
    assert texts(three) == [CLEAN, CLEAN, CLEAN]
    assert result.exit_code == 130
    assert result.stderr.splitlines() == [
        f"bkrc: interrupted; fixed: {', '.join(map(str, three))}; every file was checked"
    ]


def test_a_real_sigint_through_the_console_entry_point(three):
    run = interrupted_after_first_replace("check", "--fix", *three)
    assert folder(three[0]) == ["a.bkr", "b.bkr", "c.bkr"]
    assert run.returncode == 130, run.stderr
    assert run.stderr.splitlines() == [
        f"bkrc: interrupted; fixed: {three[0]}; not fixed, as they were: {three[1]}, {three[2]}",
        f"bkrc: to go on: bkrc check --fix {three[1]} {three[2]}",
    ]
    assert run.stdout == ""
    assert texts(three) == [CLEAN, BROKEN, BROKEN]


def test_ctrl_c_names_the_files_checked_with_nothing_to_fix_and_keeps_the_search_path(tmp_path, monkeypatch):
    """A clean file checked before Ctrl-C is neither fixed nor left to do; the command
    that goes on keeps -I and --dialect, and quotes a name with a blank."""
    from bkrdsl.dialect import DIALECT_DIR

    table = DIALECT_DIR / "backup-manager-1.3.toml"
    clean, broken = tmp_path / "clean.bkr", tmp_path / "my site.bkr"
    clean.write_text(CLEAN, encoding="utf-8")
    broken.write_text(BROKEN, encoding="utf-8")
    after_call(monkeypatch, fixes, "fix_all", 2)
    result = run_cli(["check", "--fix", "-I", tmp_path, "--dialect", table, clean, broken])
    assert result.exit_code == 130
    assert result.stderr.splitlines() == [
        (
            f"bkrc: interrupted; no file was changed; no fix to apply: {clean};"
            f" not fixed, as they were: {broken}"
        ),
        f"bkrc: to go on: bkrc check --fix -I {tmp_path} --dialect {table} '{broken}'",
    ]
    assert broken.read_text(encoding="utf-8") == BROKEN


def test_ctrl_c_while_the_last_file_s_problems_are_reported(three, monkeypatch):
    """Every file was fixed: nothing is left to do."""
    import bkrdsl.cli.check

    after_call(monkeypatch, bkrdsl.cli.check, "print_diagnostics", 1)
    result = run_cli(["check", "--fix", *three])
    assert result.exit_code == 130
    assert texts(three) == [CLEAN, CLEAN, CLEAN]
    assert result.stderr.splitlines()[-1] == (
        f"bkrc: interrupted; fixed: {', '.join(map(str, three))}; every file was checked"
    )


def test_sigterm_while_a_file_is_fixed_says_terminated_and_exits_143(three, monkeypatch):
    """SIGTERM (a cancelled pipeline job) takes Ctrl-C's path: the same lines, but
    "terminated" and exit 143 (128 + SIGTERM), as every other command answers it."""
    import signal

    real = fixes.fix_all
    calls = []

    def wrapped(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            signal.raise_signal(signal.SIGTERM)
        return real(*args, **kwargs)

    monkeypatch.setattr(fixes, "fix_all", wrapped)
    result = run_cli(["check", "--fix", *three])
    assert result.exit_code == 143, result.output
    assert texts(three) == [CLEAN, BROKEN, BROKEN]
    assert result.stderr.splitlines() == [
        f"bkrc: terminated; fixed: {three[0]}; not fixed, as they were: {three[1]}, {three[2]}",
        f"bkrc: to go on: bkrc check --fix {three[1]} {three[2]}",
    ]


# stop 78, h9: an interrupted run's document says it failed
@pytest.mark.parametrize("fix", [True, False], ids=["--fix", "check"])
def test_ctrl_c_under_json_prints_a_document_that_says_the_run_failed(three, monkeypatch, fix):
    """`bkrc check --format json` stopped by Ctrl-C (exit 130) printed no document:
    a step that reads standard output got nothing it could parse. It prints the
    document of a run that failed now (no diagnostic, `execution_successful`
    false, bkrc's lines in `failures`), as for a FILE not read; the lines on
    standard error are as they were."""
    import json

    import bkrdsl.cli.check

    if fix:
        after_call(monkeypatch, fixes, "fix_all", 2)
    else:
        after_call(monkeypatch, bkrdsl.cli.check, "analyse_arg", 2)
    result = run_cli(["check", "--format", "json", *(["--fix"] if fix else []), *three])
    assert result.exit_code == 130, result.output
    document = json.loads(result.stdout)
    assert document["diagnostics"] == [] and document["execution_successful"] is False
    assert document["failures"] == ["\n".join(result.stderr.splitlines())]
    assert result.stderr.startswith("bkrc: interrupted" if fix else "bkrc: interrupted\n")
    if fix:
        assert_interrupted(result, three[:1], three[1:])


def test_ctrl_c_after_the_document_is_printed_prints_no_second_one(three, monkeypatch):
    import json

    import bkrdsl.cli.check

    after_call(monkeypatch, bkrdsl.cli.check, "print_diagnostics", 1)
    result = run_cli(["check", "--format", "json", "--fix", *three])
    assert result.exit_code == 130
    assert json.loads(result.stdout)["execution_successful"] is True  # one document, the run's own


@pytest.mark.parametrize("fmt", ["sarif", "gitlab", "github"])
def test_ctrl_c_in_the_other_formats(three, monkeypatch, fmt, tmp_path):
    """SARIF: an invocation that failed, its notification bkrc's line; GitLab: an
    issue of `check_name` `bkrc` that says it, at the working directory (several
    FILEs: stop 79, it was `[]`); github: an `::error` of no file, so that the
    run's summary says why the step stopped."""
    import json

    import bkrdsl.cli.check

    after_call(monkeypatch, bkrdsl.cli.check, "analyse_arg", 2)
    result = run_cli(["check", "--format", fmt, *three])
    assert result.exit_code == 130, result.output
    if fmt == "sarif":
        (invocation,) = json.loads(result.stdout)["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is False
        assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "bkrc: interrupted"
    elif fmt == "gitlab":
        (issue,) = json.loads(result.stdout)
        assert (issue["check_name"], issue["description"]) == ("bkrc", "bkrc: interrupted")
        assert issue["location"] == {"path": ".", "lines": {"begin": 1, "end": 1}}
    else:
        assert "::error title=bkrc::bkrc: interrupted\n" in result.stdout
