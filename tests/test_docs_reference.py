"""The reference pages followed literally by a newcomer (stop 83, h7).

Stop 82 walked README, the tutorial, init.md, deploy.md, show.md and editors.md
(tests/test_docs_language.py, test_docs_init.py, test_docs_output.py); these are
the commands and examples of directory.md and diagnostics.md that a newcomer,
typing them in a clone, met otherwise than the page said. Each test runs them
in the page's words, in a fresh folder holding a copy of examples/.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, run_cli

DIRECTORY = ROOT / "docs" / "directory.md"


def sh_blocks(text: str) -> list[str]:
    return re.findall(r"^ *```sh\n(.*?)^ *```", text, re.MULTILINE | re.DOTALL)


def commands(block: str) -> list[str]:
    """The block's `bkrc` lines, without their comments."""
    return [line.split("#")[0].strip() for line in block.splitlines() if line.strip().startswith("bkrc ")]


def comment(block: str) -> str:
    return " ".join(line.strip().lstrip("# ") for line in block.splitlines() if line.strip().startswith("#"))


def in_a_clone(tmp_path: Path, monkeypatch) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def as_the_comment_says(line: str) -> list[str]:
    """The line with the site's files replaced by the example's, as the block's comment says."""
    line = line.replace("prodssi.bkr", "examples/prodssi.bkr").replace("USER.DIRECT", "examples/prodssi.direct")
    return line.split()[1:]


def test_directory_md_s_first_commands_say_whose_files_they_name(tmp_path, monkeypatch):
    """directory.md's first block, the page's first commands, named `prodssi.bkr` and
    `USER.DIRECT`, files no clone holds (`bkrc: USER.DIRECT: no such file`, exit 2),
    unsaid. Its comment now says they are the site's, and that the example's pair
    checks with warnings (exit 0): so typed, check, compile and show each exit 0."""
    block = sh_blocks(DIRECTORY.read_text(encoding="utf-8"))[0]
    said = comment(block)
    assert "USER.DIRECT: your CP source directory" in said
    assert "try examples/prodssi.bkr with examples/prodssi.direct (fourteen warnings, exit 0" in said
    in_a_clone(tmp_path, monkeypatch)
    check, compile_, show = commands(block)
    assert run_cli(check.split()[1:], expect=2).output.startswith("bkrc: ")  # as typed: no such files here
    result = run_cli([*as_the_comment_says(check), "--format", "short"], expect=0)
    assert len(re.findall(r": warning BKR\d{3}:", result.output)) == 14
    run_cli(as_the_comment_says(compile_), expect=0)
    assert (tmp_path / "out" / "manifest.json").is_file()
    assert run_cli(as_the_comment_says(show), expect=0).stdout.startswith("cluster PRODSSI ")


def test_directory_md_s_sequential_steps_edit_the_table_in_it(tmp_path, monkeypatch):
    """directory.md, BKR533's way out: "then: [entries.disk_allocation] value =
    "sequential"" appended to the table as written is refused (BKR601, the entry
    declared twice); the comment says, as deploy.md's does, to set it in the
    table's entry. So edited, the check of the example's pair is BKR523's, as the
    page says next ("BKR523 reports each that overlaps")."""
    text = DIRECTORY.read_text(encoding="utf-8")
    (block,) = [b for b in sh_blocks(text) if "bkrc dialect > site-dialect.toml" in b]
    assert 'then, in it, under [entries.disk_allocation]: value = "sequential"' in block
    assert "examples/prodssi.bkr with examples/prodssi.direct: BKR523" in comment(block)
    in_a_clone(tmp_path, monkeypatch)
    dump, check = commands(block)
    assert dump.split() == ["bkrc", "dialect", ">", "site-dialect.toml"]
    table = run_cli(["dialect"], expect=0).stdout
    appended = table + '[entries.disk_allocation]\nvalue = "sequential"\n'  # the old words, typed as written
    (tmp_path / "appended.toml").write_text(appended, encoding="utf-8")
    refused = run_cli(["check", "examples/prodssi.bkr", "--dialect", "appended.toml"], expect=2)
    assert "BKR601" in refused.output
    entry = table.index("[entries.disk_allocation]\n")
    edited = table[:entry] + table[entry:].replace('value = "autov"', 'value = "sequential"', 1)
    (tmp_path / "site-dialect.toml").write_text(edited, encoding="utf-8")
    result = run_cli([*as_the_comment_says(check), "--format", "short"], expect=1)
    assert set(re.findall(r" error (BKR\d{3}):", result.output)) == {"BKR523"}


DIAGNOSTICS = ROOT / "docs" / "diagnostics.md"


def pages_slips() -> str:
    """slips.bkr as diagnostics.md gives it ("Beside a syntax error"); the page once
    showed what `bkrc check --format short slips.bkr` prints without the file."""
    page = DIAGNOSTICS.read_text(encoding="utf-8")
    (text,) = re.findall(r"^slips\.bkr, to try it:\n\n<!-- bkrc: [^\n]*-->\n```bkr\n(.*?)^```", page, re.MULTILINE | re.DOTALL)
    return text


def test_diagnostics_md_s_fix_lines_are_what_fix_says_of_the_files_it_names(tmp_path, monkeypatch):
    """diagnostics.md, `--fix`: the sentence before the block names
    examples/broken/prodssi.bkr, whose BKR227 fix waits for a second run, and the
    block showed lines of a slips.bkr at lines 23 and 35 that no page gave. Now the
    page's slips.bkr with `backup SVCZ full` and a copy of the broken example, fixed
    as the page says, print the block's lines, in its order, on standard error."""
    page = " ".join(DIAGNOSTICS.read_text(encoding="utf-8").split())
    said = page.split("that fix waits for the second run. Both, typed:", 1)[1]
    assert "`backup SVCS full` misspelt `backup SVCZ full` (line 18)" in said
    assert "(`cp examples/broken/prodssi.bkr broken.bkr`), `bkrc check --fix slips.bkr broken.bkr` says" in said
    text = DIAGNOSTICS.read_text(encoding="utf-8")
    after = text.split("slips.bkr broken.bkr` says, before its summary lines:\n\n```text\n", 1)[1]
    block = after.split("\n```", 1)[0].splitlines()
    in_a_clone(tmp_path, monkeypatch)
    slips = pages_slips()
    assert slips.splitlines()[17] == "    backup SVCS full"  # line 18
    (tmp_path / "slips.bkr").write_text(slips.replace("backup SVCS full", "backup SVCZ full"), encoding="utf-8")
    shutil.copy(tmp_path / "examples" / "broken" / "prodssi.bkr", tmp_path / "broken.bkr")
    result = run_cli(["check", "--fix", "slips.bkr", "broken.bkr"], expect=1)
    lines = result.stderr.splitlines()
    assert lines[: len(block)] == block, result.stderr
    assert lines[len(block)].startswith("slips.bkr: 3 fixes applied (BKR012, BKR310, BKR331), 1 of them not shown")


LANGUAGE = ROOT / "docs" / "language.md"
M3 = "  member VMSYS3 { workers 2  private-volume M3PRV1 }"


@pytest.mark.parametrize("parser", ["", "lark"], ids=["fast", "lark"])
def test_language_md_s_member_block_without_its_open_brace_is_answered_as_said(parser, monkeypatch):
    """language.md, "The block's form": the page said that `member VMSYS3`, then
    `job-suffix C` on the next line, is one error whose help writes the block,
    `member VMSYS3 { job-suffix C }`; typed so (its `}` below), the help and fix
    write the `{` alone, `member VMSYS3 {`, and only the settings on the head's line
    without braces get the block written. The page now says which is which; each
    case, typed into examples/prodssi.bkr in VMSYS3's place, is one BKR011 with that
    help (and the `job-suffix` alone case no BKR304 beside it, bkrdsl/check)."""
    from bkrdsl.pipeline import analyse

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    said = " ".join(LANGUAGE.read_text(encoding="utf-8").split())
    assert (
        "with the settings on the lines below and the block's `}` after them (`member VMSYS3`, then `job-suffix C`,"
        " then `}`), its help and fix write the `{`, `member VMSYS3 {`; with the settings on the head's line and no"
        " braces (`member VMSYS3 job-suffix C`), its help and fix write the block, `member VMSYS3 { job-suffix C }`"
    ) in said
    host = EXAMPLES / "prodssi.bkr"
    cases = [
        ("  member VMSYS3\n    job-suffix C\n  }", "write `member VMSYS3 {`: its body and its `}` follow", True),
        ("  member VMSYS3 job-suffix C", "write `member VMSYS3 { job-suffix C }`", True),
        ("  member VMSYS3\n    job suffix C\n  }", "`member VMSYS3 { job-suffix C }`", False),
        ("  member VMSYS3\n    job-suffix\n  }", "`member VMSYS3 { job-suffix S }`", False),
    ]
    for typed, help, fixed in cases:
        text = host.read_text(encoding="utf-8").replace(M3, typed, 1)
        (diagnostic,) = analyse(host.name, text.encode("utf-8"), path=host).diagnostics
        assert diagnostic.code == "BKR011" and diagnostic.help.endswith(help), (typed, diagnostic.help)
        assert (diagnostic.fix is not None) is fixed, typed
