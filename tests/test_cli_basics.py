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


@pytest.mark.parametrize(
    ("args", "option", "given"),
    [
        (["compile", "GOOD", "-o", "a", "-o", "b"], "'-o' / '--output'", "twice ('a', then 'b')"),
        (["compile", "GOOD", "--output=a", "-ob", "-o", "c", "--dry-run"], "'-o' / '--output'",
         "3 times ('a', then 'b', then 'c')"),
        (["compile", "GOOD", "-o", "a", "--dialect", "x.toml", "--dialect", "y.toml"], "'--dialect'",
         "twice ('x.toml', then 'y.toml')"),
        (["init", "-", "--cluster", "A", "--cluster", "B", "--member", "M"], "'--cluster'", "twice"),
        (["init", "-", "--cluster", "A", "--member", "M", "--workers", "2", "--workers", "3"], "'--workers'",
         "twice"),
        (["init", "-", "--cluster", "A", "--member", "M", "--catalog-member", "M", "--catalog-member", "N"],
         "'--catalog-member'", "twice"),
        (["init", "-", "--cluster", "A", "--member", "M", "--purging-member", "M", "--purging-member", "M"],
         "'--purging-member'", "twice"),
        (["init", "-", "--cluster", "A", "--member", "M", "--stdlib", "x", "--stdlib", "y"], "'--stdlib'",
         "twice"),
        # docs/diagnostics.md: every option that takes one value, not only those that name a folder.
        (["check", "GOOD", "--format", "json", "--format", "sarif"], "'--format'",
         "twice ('json', then 'sarif')"),
        (["fmt", "--check", "GOOD", "--format", "json", "--format", "short"], "'--format'", "twice"),
        (["check", "GOOD", "--max-errors", "3", "--max-errors", "0"], "'--max-errors'",
         "twice ('3', then '0')"),
        (["compile", "GOOD", "-o", "a", "--color", "never", "--color", "always"], "'--color'", "twice"),
        (["show", "GOOD", "--format", "json", "--format", "text"], "'--format'", "twice"),
        (["highlight", "GOOD", "--format", "html", "--format", "svg"], "'--format'", "twice"),
    ],
)
def test_an_option_that_takes_one_value_given_twice_is_a_usage_error(tmp_path, monkeypatch, args, option, given):
    """Click keeps the last value: `compile -o a -o b` wrote (and swapped) b without
    a word, where a script that appends its own `-o` meant a."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.bkr").write_text(GOOD)
    args = ["good.bkr" if a == "GOOD" else a for a in args]
    result = run_cli(args, expect=2)
    assert f"Error: {option} is given {given}" in result.stderr
    assert "give it once" in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_every_option_that_takes_one_value_refuses_a_second():
    """docs/diagnostics.md: "An option that takes one value ... given twice is a
    usage error naming both". A new option gets `cls=OnceOption`, or `multiple=True`."""
    import click

    from bkrdsl.cli import cli
    from bkrdsl.cli.common import OnceOption

    ctx = click.Context(cli)
    last_wins = []
    for name in cli.list_commands(ctx):
        for param in cli.get_command(ctx, name).params:
            if not isinstance(param, click.Option) or param.is_flag or param.multiple or param.count:
                continue
            if not isinstance(param, OnceOption):
                last_wins.append(f"bkrc {name} {param.opts[0]}")
    assert last_wins == []


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
