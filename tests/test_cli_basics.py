from __future__ import annotations

import pytest
from conftest import EXAMPLES, run_cli
from test_compile_cli import GOOD


def test_version():
    result = run_cli(["--version"], expect=0)
    assert result.output.startswith("bkrc ")


def test_examples_check_clean():
    for path in sorted(EXAMPLES.glob("*.bkr")):
        run_cli(["check", path], expect=0)


def test_missing_file_is_one_line_exit_2(tmp_path):
    result = run_cli(["check", tmp_path / "nope.bkr"], expect=2)
    assert result.output.strip().count("\n") == 0
    assert "no such file" in result.output


@pytest.mark.parametrize("command", [["check"], ["fmt"], ["fmt", "--check"]])
def test_standard_input_named_twice_is_a_usage_error(command):
    """The second `-` would read nothing: `check - -` reported an empty file (BKR110)."""
    result = run_cli([*command, "-", "-"], input=GOOD, expect=2)
    assert "'-' (standard input) is named more than once; it can be read only once" in result.stderr
    assert result.stdout == ""


def test_directory_is_exit_2(tmp_path):
    result = run_cli(["check", tmp_path], expect=2)
    assert "is a directory" in result.output


def test_the_command_list_shows_every_summary_whole():
    """`bkrc --help` lists each command with a one-line summary; one click had to
    cut (`Print the long explanation of a diagnostic CODE (e.g.`) reads as broken."""
    from bkrdsl.cli import LAZY_COMMANDS

    result = run_cli(["--help"], expect=0)
    listing = result.output.split("Commands:\n", 1)[1]
    lines = {line.split()[0]: line.split(None, 1)[1] for line in listing.splitlines() if line.strip()}
    assert sorted(lines) == sorted(LAZY_COMMANDS)
    for name, summary in lines.items():
        assert not summary.endswith("..."), (name, summary)
        assert summary.endswith("."), (name, summary)
        assert summary.count("(") == summary.count(")"), (name, summary)


def test_explain_takes_a_code_as_people_write_it():
    """`bkrc explain 221` and `bkrc explain <the name bkrc rules shows>` as well as BKR221."""
    whole = run_cli(["explain", "BKR221"], expect=0).output
    assert whole.startswith("BKR221 (")
    for written in ("bkr221", "221", " 221 ", whole.split()[1].strip("(,")):
        assert run_cli(["explain", written], expect=0).output == whole, written
    assert run_cli(["explain", "4"], expect=0).output.startswith("BKR004 (")
    for unknown in ("9999", "BKR999", "no-such-rule"):
        assert "no diagnostic code" in run_cli(["explain", unknown], expect=2).output
