"""A pipeline's failures, part 4 (stop 81): every subcommand's document, or its
`::error`, when standard output fails it.

Each case is a command run as a pipeline runs it, its standard output a file
that cannot take a byte (`> /dev/full`), a pipe whose reader is gone (`| head
-c0`) or closed (`>&-`): the stream the document is on (standard error for
compile, show, init and fmt; standard output for check and dialect) holds one
document that parses and says the run failed, nothing after it; with `--format
github`, an `::error` on standard error, which GitHub reads as it reads
standard output. And a usage error of `bkrc dialect --format json` is its
document of a failed run, as every other command's is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT, run_cli

MINIMAL = ROOT / "examples" / "minimal.bkr"
FULL_LINE = "bkrc: cannot write to standard output: No space left on device"
READER_GONE = "bkrc: the program reading standard output closed it before bkrc had written all of it"
STDOUT_CLOSED = "bkrc: standard output is closed; give bkrc one (`> FILE`, or `> /dev/null` to drop what it prints)"
STDERR_CLOSED = (
    "bkrc: standard error is closed, where bkrc says what is wrong; give bkrc one"
    " (`2> FILE`, or `2> /dev/null` to drop its messages)"
)

needs_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


def _broken(tmp_path):
    broken = tmp_path / "broken.bkr"
    broken.write_text("cluster X {\n  member\n", encoding="utf-8")
    return broken


def _args(tmp_path, args):
    direct = tmp_path / "bad.direct"
    direct.write_text("USER\n", encoding="utf-8")  # BKR502: a USER statement without its ID
    words = {
        "BROKEN": str(_broken(tmp_path)), "OUT": str(tmp_path / "out"), "NEW": str(tmp_path / "new.bkr"),
        "BAD.DIRECT": str(direct),
    }
    return [words.get(a, str(a)) for a in args]


def _bkrc(args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bkrdsl", *map(str, args)], check=False, cwd=ROOT, text=True, **kwargs
    )


def _to_full(args) -> subprocess.CompletedProcess:
    with open("/dev/full", "w") as full:
        return _bkrc(args, stdout=full, stderr=subprocess.PIPE)


def _reader_gone(args, *, same_pipe: bool = False) -> subprocess.CompletedProcess:
    read, write = os.pipe()
    os.close(read)
    try:
        return _bkrc(args, stdout=write, stderr=write if same_pipe else subprocess.PIPE)
    finally:
        os.close(write)


def _failed(document, fmt: str, said: str, *, errors: bool) -> None:
    """DOCUMENT (`fmt`) says the run failed, `said` why, and, with `errors`, keeps the input's errors."""
    if fmt == "json":
        assert document["execution_successful"] is False and document["failures"] == [said]
        assert (document["error_count"] >= 1) == errors and bool(document["diagnostics"]) == errors
    elif fmt == "sarif":
        run = document["runs"][0]
        (invocation,) = run["invocations"]
        assert invocation["executionSuccessful"] is False and said in json.dumps(invocation)
        assert bool(run["results"]) == errors
    else:  # gitlab: the failure an issue of its own, critical, beside the errors' (major)
        assert any(i["severity"] == "critical" and i["description"] == said for i in document)
        assert any(i["severity"] == "major" for i in document) == errors


# ------------------------------------------------ 1. show and init hold an input's errors
SHOW_AND_INIT_WITH_ERRORS = [
    (["show", "BROKEN"], "json"),
    (["show", MINIMAL, "--member", "NOSUCH"], "json"),  # a --member the cluster lacks: `nothing shown`
    (["show", MINIMAL, "--against", "BROKEN"], "json"),  # errors in --against's file
    (["init", "-", "--cluster", "PRODSSI", "--member", "VMSYS1TOOLONG"], "json"),
    (["init", "-", "--cluster", "PRODSSI", "--member", "VMSYS1TOOLONG"], "sarif"),
    (["init", "-", "--cluster", "PRODSSI", "--member", "VMSYS1TOOLONG"], "gitlab"),
    (["init", "NEW", "--cluster", "PRODSSI", "--member", "VMSYS1TOOLONG"], "json"),
    (["init", "-", "--cluster", "PRODSSI", "--directory", "BAD.DIRECT"], "json"),  # an error in the directory
]
IDS = ["show", "show-member", "show-against", "init", "init-sarif", "init-gitlab", "init-file", "init-directory"]


@needs_full
@pytest.mark.parametrize(("args", "fmt"), SHOW_AND_INIT_WITH_ERRORS, ids=IDS)
def test_show_and_init_with_errors_say_a_standard_output_that_cannot_be_written_in_their_document(
    tmp_path, args, fmt
):
    """`bkrc show broken.bkr --format json > /dev/full 2> diagnostics.json`: the
    errors' document was printed at once, saying a clean run, then `nothing shown` on
    standard output failed and the group's `cannot write to standard output` followed
    it, so standard error held no JSON (stop 80 mended compile alone). The document
    is held until that line now: the errors, and the failure, exit 2."""
    run = _to_full([*_args(tmp_path, args), "--format", fmt])
    assert run.returncode == 2, run.stderr
    _failed(json.loads(run.stderr), fmt, FULL_LINE, errors=True)
    assert not (tmp_path / "new.bkr").exists()


@pytest.mark.parametrize(("args", "fmt"), SHOW_AND_INIT_WITH_ERRORS, ids=IDS)
def test_show_and_init_with_errors_say_a_reader_of_standard_output_gone_in_their_document(tmp_path, args, fmt):
    """`... --format json 2> diagnostics.json | head -c0`: the errors' document said
    execution_successful true beside an exit 141. It says the reader went now."""
    run = _reader_gone([*_args(tmp_path, args), "--format", fmt])
    assert run.returncode == 141, run.stderr
    _failed(json.loads(run.stderr), fmt, READER_GONE, errors=True)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_show_and_init_with_errors_print_their_line_where_they_did(tmp_path, fmt):
    """The held document changes the order of the streams only: text prints the
    diagnostics, then the line, on standard error; json the line on standard
    output and the document, which says a run that found errors, on standard error."""
    broken = _broken(tmp_path)
    shown = run_cli(["show", broken, "--format", fmt], expect=1)
    written = run_cli(["init", "-", "--cluster", "C", "--member", "VMSYS1TOOLONG", "--format", fmt], expect=1)
    for result, line in ((shown, "bkrc: errors in the input; nothing shown\n"), (written, "bkrc: nothing written\n")):
        if fmt == "text":
            assert result.stdout == "" and result.stderr.endswith("error\n" + line)
        else:
            assert result.stdout == line
            document = json.loads(result.stderr)
            assert document["execution_successful"] is True and document["error_count"] == 1


# ------------------------------------------------ 3. --format github tells the workflow
GITHUB = [
    ["check", "BROKEN"],  # its annotations are standard output's
    ["compile", MINIMAL, "-o", "OUT", "--dry-run"],  # the plan
    ["compile", MINIMAL, "-o", "OUT"],  # `wrote`, before the swap: compile's own line, `nothing written`
    ["init", "-", "--cluster", "PRODSSI", "--member", "VMSYS1"],  # the file
    ["fmt", "-"],  # the text
]
GITHUB_IDS = ["check", "compile-dry-run", "compile", "init", "fmt"]


def _github_error(stderr: str, said: str) -> None:
    """STDERR holds an `::error` of no file that says `said`, and the plain line too."""
    lines = stderr.splitlines()
    assert any(line.startswith(f"::error title=bkrc::{said}") for line in lines), stderr
    assert any(line.startswith(said) for line in lines) or said == READER_GONE, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr


@pytest.mark.parametrize("args", [*GITHUB, ["check", MINIMAL]], ids=[*GITHUB_IDS, "check-clean"])
def test_github_with_standard_output_closed_is_an_error_annotation_on_standard_error(tmp_path, args):
    """`bkrc check --format github FILE >&-`: bkrc refused (exit 2) with its line on
    standard error and no `::error`, so the workflow's summary said nothing of why
    the step failed; GitHub reads workflow commands from both streams."""
    with open(MINIMAL) as stdin:
        run = _bkrc(
            [*_args(tmp_path, args), "--format", "github"], stdin=stdin, stderr=subprocess.PIPE,
            preexec_fn=lambda: os.close(1),
        )
    assert run.returncode == 2
    assert run.stderr == f"::error title=bkrc::{STDOUT_CLOSED}\n{STDOUT_CLOSED}\n"
    assert not (tmp_path / "out").exists()


@needs_full
@pytest.mark.parametrize("args", GITHUB, ids=GITHUB_IDS)
def test_github_with_a_standard_output_that_cannot_be_written_is_an_error_annotation(tmp_path, args):
    """`bkrc check --format github FILE > /dev/full`: the group's `cannot write to
    standard output` line alone (check's annotations were standard output's, and
    lost), no `::error`. One on standard error now, the line beside it, exit 2."""
    with open(MINIMAL) as stdin, open("/dev/full", "w") as full:
        run = _bkrc([*_args(tmp_path, args), "--format", "github"], stdin=stdin, stdout=full, stderr=subprocess.PIPE)
    assert run.returncode == 2, run.stderr
    _github_error(run.stderr, FULL_LINE)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args", GITHUB, ids=GITHUB_IDS)
def test_github_with_a_reader_of_standard_output_gone_is_an_error_annotation(tmp_path, args):
    """`bkrc check --format github FILE | head -c0` under `set -o pipefail` (GitHub's
    bash): exit 141 and nothing on standard error. An `::error` there now, as the
    document formats print their document; quiet still where standard error is that
    same pipe (`2>&1 | head`)."""
    with open(MINIMAL) as stdin:
        read, write = os.pipe()
        os.close(read)
        try:
            run = _bkrc([*_args(tmp_path, args), "--format", "github"], stdin=stdin, stdout=write, stderr=subprocess.PIPE)
            stdin.seek(0)
            quiet = _bkrc([*_args(tmp_path, args), "--format", "github"], stdin=stdin, stdout=write, stderr=write)
        finally:
            os.close(write)
    assert run.returncode == 141, run.stderr
    _github_error(run.stderr, READER_GONE)
    assert quiet.returncode == 141
    assert not (tmp_path / "out").exists()


# ------------------------------------------------ a closed stream, in a document format
@pytest.mark.parametrize(
    "args",
    [
        ["compile", MINIMAL, "-o", "OUT"],
        ["compile", "BROKEN", "-o", "OUT", "--dry-run"],
        ["init", "-", "--cluster", "PRODSSI", "--member", "VMSYS1"],
        ["fmt", "--check", MINIMAL],
    ],
    ids=["compile", "compile-errors", "init", "fmt"],
)
@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_standard_output_closed_is_in_the_document_standard_error_holds(tmp_path, args, fmt):
    """`bkrc compile FILE -o DIR --format json >&- 2> diagnostics.json`: bkrc refused
    with its line on standard error, where the document belongs, which then held no
    JSON. The document of a run that failed now, the line in its failures, alone."""
    run = _bkrc([*_args(tmp_path, args), "--format", fmt], stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))
    assert run.returncode == 2
    _failed(json.loads(run.stderr), fmt, STDOUT_CLOSED, errors=False)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("args", "fmt"),
    [(["check", MINIMAL], "json"), (["check", MINIMAL], "gitlab"), (["dialect", "--changes", "NEW"], "json")],
    ids=["check", "check-gitlab", "dialect"],
)
def test_standard_error_closed_is_in_the_document_standard_output_holds(tmp_path, args, fmt):
    """`bkrc check --format json FILE 2>&- > report.json`: the refusal's line went to
    standard output, where the document belongs. The document of a run that failed
    now, the line in its failures (dialect's own, `changes` null)."""
    run = _bkrc([*_args(tmp_path, args), "--format", fmt], stdout=subprocess.PIPE, preexec_fn=lambda: os.close(2))
    assert run.returncode == 2
    document = json.loads(run.stdout)
    if args[0] == "dialect":
        assert document["changes"] is None and document["table"] == str(tmp_path / "new.bkr")
        assert document["execution_successful"] is False and document["failures"] == [STDERR_CLOSED]
    else:
        _failed(document, fmt, STDERR_CLOSED, errors=False)


# ------------------------------------------------ 2. dialect's usage errors under --format json
@pytest.mark.parametrize(
    ("args", "table", "said"),
    [
        (["--format", "json"], None, "--format is for --changes: the table itself is printed as TOML"),
        (["--changes", "site.toml", "--bogus", "--format", "json"], "site.toml", "No such option '--bogus'."),
        (["--format=json", "--changes"], None, "Option '--changes' requires an argument."),
        (["--changes", "a.toml", "--changes", "b.toml", "--format", "json"], None, None),
    ],
    ids=["no-changes", "unknown-option", "changes-without-file", "changes-twice"],
)
def test_a_usage_error_of_dialect_under_format_json_is_its_document_of_a_failed_run(args, table, said):
    """`bkrc dialect --format json` (without --changes) was a usage error and nothing
    on standard output, where `bkrc check --format json --bogus` prints the
    document of a failed run. dialect prints its own now: `changes` null,
    execution_successful false, the usage error in failures; click's usage text on
    standard error, exit 2."""
    result = run_cli(["dialect", *args], expect=2)
    document = json.loads(result.stdout)
    assert document["changes"] is None and document["table"] == table and document["against"] is None
    assert document["execution_successful"] is False
    (failure,) = document["failures"]
    assert failure.startswith("bkrc: usage error: ")
    if said is not None:
        assert failure == f"bkrc: usage error: {said}"
    assert "Error: " in result.stderr


def test_a_usage_error_of_dialect_in_text_is_as_it_was():
    result = run_cli(["dialect", "--bogus"], expect=2)
    assert result.stdout == "" and "No such option '--bogus'" in result.stderr
    result = run_cli(["dialect", "--changes", "x.toml", "--format", "text", "--bogus"], expect=2)
    assert result.stdout == ""


def test_check_s_usage_error_under_json_is_the_document_dialect_now_matches():
    """The behaviour dialect is made consistent with (the J-call in the report)."""
    result = run_cli(["check", "--format", "json", "--bogus", MINIMAL], expect=2)
    document = json.loads(result.stdout)
    assert document["execution_successful"] is False
    assert document["failures"] == ["bkrc: usage error: No such option '--bogus'."]


def test_sigterm_before_dialect_runs_prints_its_document_of_a_failed_run(monkeypatch, tmp_path):
    """SIGTERM while dialect's command line was read: the group said `bkrc:
    terminated` alone, no document on standard output under --format json (the
    group knew only DocumentCommand's). Its own document now, the line on standard error."""
    import signal

    from bkrdsl.cli import cli

    found = cli.get_command(None, "dialect")

    def reading(*args, **kwargs):
        signal.raise_signal(signal.SIGTERM)

    monkeypatch.setattr(found, "make_context", reading)
    table = tmp_path / "site.toml"
    result = run_cli(["dialect", "--changes", table, "--format", "json"], expect=143)
    document = json.loads(result.stdout)
    assert document["changes"] is None and document["table"] == str(table)
    assert document["execution_successful"] is False and document["failures"] == ["bkrc: terminated"]
    assert result.stderr == "bkrc: terminated\n"
