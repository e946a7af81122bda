"""The CLI contract (design section 5, docs/diagnostics.md) held command by command:
where a command's JSON diagnostics are all of a stream, that stream holds one
document in every run, whatever stops it."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES, run_cli

MINIMAL = EXAMPLES / "minimal.bkr"


# ------------------------------------------------------------------ bkrc show --format json
def test_show_json_prints_its_document_with_no_diagnostic():
    """`bkrc show --format json FILE 2>diagnostics.json` on a clean file left
    standard error empty, which no JSON reader parses (`bkrc compile` prints the
    document with no diagnostic); the table is standard output, as before."""
    result = run_cli(["show", MINIMAL, "--format", "json"], expect=0)
    assert json.loads(result.stderr) == {
        "format_version": "1",
        "diagnostics": [],
        "error_count": 0,
        "warning_count": 0,
    }
    assert json.loads(result.stdout)["cluster"]["name"] == "DEVSSI"


def test_show_text_of_a_clean_file_prints_nothing_on_standard_error():
    result = run_cli(["show", MINIMAL], expect=0)
    assert result.stderr == ""


def test_show_json_of_a_file_it_cannot_read_prints_the_empty_document(tmp_path):
    """A missing FILE: standard error held no document at all (its line went to
    standard output), where `bkrc compile --format json` prints the empty one."""
    result = run_cli(["show", tmp_path / "nope.bkr", "--format", "json"], expect=2)
    assert json.loads(result.stderr)["diagnostics"] == []
    assert result.stdout == f"bkrc: {tmp_path / 'nope.bkr'}: no such file\n"


def test_show_json_with_a_directory_it_cannot_read_prints_the_empty_document(tmp_path):
    result = run_cli(["show", MINIMAL, "--format", "json", "--directory", tmp_path / "nope.direct"], expect=2)
    assert json.loads(result.stderr)["diagnostics"] == []
    assert result.stdout.startswith(f"bkrc: cannot read directory {tmp_path / 'nope.direct'}: ")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--format", "json", "--bogus", "FILE"], "No such option '--bogus'"),
        (["--bogus", "--format=json", "FILE"], "No such option '--bogus'"),
        (["--format", "json"], "Missing argument 'FILE'"),
        (["--format", "json", "--color", "sometimes", "FILE"], "'sometimes' is not one of"),
    ],
)
def test_a_usage_error_of_show_json_prints_the_empty_document_on_standard_error(args, said):
    """As for `bkrc compile`, whose document is standard error too: the empty
    document there, click's usage text on standard output, exit 2."""
    result = run_cli(["show", *(str(MINIMAL) if a == "FILE" else a for a in args)], expect=2)
    assert json.loads(result.stderr)["diagnostics"] == []
    assert result.stdout.startswith("Usage: ") and " show [OPTIONS]" in result.stdout and said in result.stdout


def test_a_usage_error_of_show_as_text_is_click_s_alone():
    result = run_cli(["show", "--bogus", MINIMAL], expect=2)
    assert result.stdout == ""
    assert result.stderr.startswith("Usage: ") and " show [OPTIONS]" in result.stderr
