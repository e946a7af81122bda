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
    excerpt, summary = body.split("...\n")
    for diagnostic in excerpt.strip().split("\n\n"):
        assert diagnostic in result.output
    assert result.output.rstrip().endswith(summary.strip())


def test_readme_starts_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```sh\n(.*?)```", text, re.DOTALL).group(1).splitlines()
    assert "bkrc compile examples/" in first[0]
    assert first[1].endswith("pytest")
    assert first[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
