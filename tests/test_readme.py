"""The README's promises: its example diagnostics are what bkrc prints today."""

import re

from conftest import ROOT, run_cli


def readme_blocks(prefix: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [b for b in re.findall(r"```text\n(.*?)```", text, re.DOTALL) if b.startswith(prefix)]


def test_broken_example_excerpt_matches_real_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    (block,) = readme_blocks("$ bkrc check examples/broken/prodssi.bkr")
    result = run_cli(["check", "examples/broken/prodssi.bkr"], expect=1)
    body = block.split("\n", 1)[1]
    # A line `...` stands for the diagnostics left out, also before the first one shown:
    # the report does not start with BKR202 (tests/test_docs_transcripts.py reads it so).
    *excerpts, summary = body.split("...\n")
    assert excerpts[0] == "" and len(excerpts) == 3
    for excerpt in excerpts[1:]:
        for diagnostic in excerpt.strip().split("\n\n"):
            assert diagnostic in result.output
    assert result.output.rstrip().endswith(summary.strip())


NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen"]


def test_the_count_of_slips_the_readme_gives_is_the_summary_s(monkeypatch):
    """"`bkrc check` reports all twelve in one run": the errors and warnings of its summary line."""
    monkeypatch.chdir(ROOT)
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    (word,) = re.findall(r"`bkrc check` reports all (\w+) in one run", text)
    summary = run_cli(["check", "examples/broken/prodssi.bkr"], expect=1).output.rstrip().rsplit("\n", 1)[1]
    errors, warnings = map(int, re.fullmatch(r"(\d+) errors, (\d+) warnings", summary).groups())
    assert NUMBER_WORDS.index(word) + 1 == errors + warnings


def test_readme_starts_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```sh\n(.*?)```", text, re.DOTALL).group(1).splitlines()
    assert "bkrc compile examples/" in first[0]
    assert first[1].endswith("pytest")
    assert first[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
