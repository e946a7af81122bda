from conftest import EXAMPLES, run_cli


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


def test_directory_is_exit_2(tmp_path):
    result = run_cli(["check", tmp_path], expect=2)
    assert "is a directory" in result.output
