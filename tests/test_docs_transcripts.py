"""Each transcript the docs show is what bkrc prints when the command is typed.

A ```text block of README.md or docs/*.md that opens with `$ bkrc ...` shows a
command and its output: a sysprog types the command and compares. Each one is
run here as written, in a fresh folder that holds a copy of examples/ (the
folder the pages' paths start from), and its output compared with the page's,
line for line; a line `...` (indented or not) stands for any number of lines
the page leaves out. Its exit code is the one the page gives it (EXITS).

A transcript that needs more than examples/ gets it from SETUPS. One that a
test of its own already compares (and says more of: which stream, that nothing
is written) is named in PINNED_ELSEWHERE with that test's file, and not run
twice; every other one, a transcript added to any page included, is run here.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, run_cli

from bkrdsl.diagnostics.registry import load_all

TRANSCRIPT = re.compile(r"^```text\n(\$ bkrc [^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)

#: Transcripts that a test of their page compares with what bkrc prints, by command.
PINNED_ELSEWHERE = {
    "bkrc check examples/prodssi.bkr --directory examples/broken/prodssi-slips.direct": "tests/test_directory_checks.py",
    "bkrc init prodssi.bkr --cluster PRODSSI --member VMSYS1 --member VMSYS-2": "tests/test_init.py",
    "bkrc show examples/prodssi.bkr --member VMSYS1 --member VMSYS2": "tests/test_show.py",
    "bkrc show examples/prodssi.bkr --member VMSY2": "tests/test_show.py",
    # Its site.bkr made as the page says: examples/prodssi.bkr with LNXDB01 taken out of
    # group LINUX, `exclude minidisk DB2PRD *` in job APPSFULL and APPSFULL's include cut
    # to `0191-01FF`.
    "bkrc show site.bkr --directory examples/prodssi.direct --member VMSYS1": "tests/test_show_coverage.py",
    "bkrc show examples/bank.bkr --directory examples/bank.direct --format csv": "tests/test_show_csv.py",
    # Its new.bkr made as the page says: examples/prodssi.bkr with LNXINC on Sundays, SMTP
    # added to group SYSIDS and LNXDB01 taken out of group LINUX.
    "bkrc show new.bkr --against examples/prodssi.bkr --member VMSYS1 --member VMSYS2": "tests/test_show_against.py",
    "bkrc show new.bkr --against examples/prodssi.bkr --directory examples/prodssi.direct --member VMSYS2": (
        "tests/test_show_against.py"
    ),
}


def transcripts(path: Path, text: str | None = None):
    """(line of the `$` line, the command without `$ `, the output shown) of each transcript."""
    text = path.read_text(encoding="utf-8") if text is None else text
    for block in TRANSCRIPT.finditer(text):
        yield text.count("\n", 0, block.start()) + 2, block.group(1)[2:], block.group(2)


def doc_pages() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def every_transcript():
    """(where, command, output shown) of every transcript of every page."""
    for page in doc_pages():
        for line, command, shown in transcripts(page):
            yield f"{page.relative_to(ROOT).as_posix()}:{line}", command, shown


def all_transcripts():
    for where, command, shown in every_transcript():
        if command not in PINNED_ELSEWHERE:
            yield pytest.param(command, shown, id=where)


def shows(shown: str, real: str) -> bool:
    """SHOWN is REAL with runs of lines left out where SHOWN has a line `...`:
    the lines between two `...` appear together in REAL, in SHOWN's order."""
    parts = re.split(r"^[ \t]*\.\.\.\n", shown, flags=re.MULTILINE)
    if len(parts) == 1:
        return shown == real
    if not (real.startswith(parts[0]) and real.endswith(parts[-1])):
        return False
    at, end = len(parts[0]), len(real) - len(parts[-1])
    for part in parts[1:-1]:
        found = real.find(part, at, end)
        if found < 0:
            return False
        at = found + len(part)
    return at <= end


def immutable_out(folder: Path, command: str) -> str:
    """docs/output.md: /srv/bkr/out made immutable (`chattr +i`), here inside FOLDER."""
    out = folder / "srv" / "bkr" / "out"
    out.mkdir(parents=True)
    if (
        shutil.which("chattr") is None
        or subprocess.run(["chattr", "+i", str(out)], capture_output=True, check=False).returncode
    ):
        pytest.skip("chattr +i needs root and a file system that keeps the flag")
    return command.replace("/srv/bkr/out", str(out))


#: What a transcript needs beyond examples/: (the command, the folder) -> the command to run.
SETUPS = {
    "bkrc compile examples/prodssi.bkr -o /srv/bkr/out --dry-run": immutable_out,
}


#: The exit code each page gives its transcript, in the page's words.
EXITS = {
    # output.md: a dry run "exits as the real compile would: ... 2, with `bkrc: the compile
    # would fail:` before the message the compile would give".
    "bkrc compile examples/prodssi.bkr -o /srv/bkr/out --dry-run": 2,
    # README.md: "Exit codes: ... 1 errors in the input"; its excerpt, two diagnostics of
    # the report and its summary line, leaves the others out with `...` lines.
    "bkrc check examples/broken/prodssi.bkr": 1,
    # diagnostics.md: "A clean run prints nothing, except when a FILE is a module".
    "bkrc check examples/site/common.bkr": 0,
    # show.md: "Exit codes: 0 shown (warnings allowed), 1 errors in the file ... or an
    # unknown or invalid `--member` or `--user`"; deploy.md's restore drill runs the first.
    "bkrc show examples/prodssi.bkr --user LNXWEB01": 0,
    "bkrc show examples/bank.bkr --directory examples/bank.direct --user DB2B": 0,
    "bkrc show examples/prodssi.bkr --user LNXWEB1": 1,
    # show.md: "Where no scheduled job of the members shown backs it up ...".
    "bkrc show examples/bank.bkr --user DB2A --member PRODB": 0,
    # show.md, "The template's record of a user": LNXP01's lines as written, its record after.
    "bkrc show examples/bank.bkr --user LNXP01 --member PRODC": 0,
}


def run_as_typed(command: str, folder: Path, monkeypatch):
    shutil.copytree(EXAMPLES, folder / "examples")
    setup = SETUPS.get(command)
    typed = setup(folder, command) if setup else command
    monkeypatch.chdir(folder)
    try:
        return run_cli(shlex.split(typed)[1:])
    finally:
        if setup is immutable_out:  # else pytest could not remove the folder
            subprocess.run(["chattr", "-R", "-i", str(folder)], capture_output=True, check=False)


@pytest.mark.parametrize(("command", "shown"), list(all_transcripts()))
def test_transcript_is_what_bkrc_prints(command, shown, tmp_path, monkeypatch):
    result = run_as_typed(command, tmp_path, monkeypatch)
    real = result.output.replace(str(tmp_path / "srv"), "/srv")
    assert shows(shown, real), f"$ {command}\n{real}"
    assert command in EXITS, "say in EXITS the exit code the page gives this transcript"
    assert result.exit_code == EXITS[command], real


def test_the_pages_a_sysprog_follows_show_transcripts():
    pages = {where.split(":")[0] for where, _, _ in every_transcript()}
    assert {
        "README.md",
        "docs/init.md",
        "docs/show.md",
        "docs/directory.md",
        "docs/output.md",
        "docs/diagnostics.md",
    } <= pages
    shown = {command for _, command, _ in every_transcript()}
    run_here = {p.values[0] for p in all_transcripts()}
    assert set(PINNED_ELSEWHERE) <= shown, "a transcript pinned elsewhere that no page shows"
    assert set(SETUPS) | set(EXITS) <= run_here, "a setup or an exit code for a transcript not run here"


@pytest.mark.parametrize(("command", "test_file"), sorted(PINNED_ELSEWHERE.items()))
def test_a_transcript_pinned_elsewhere_is_read_there(command, test_file):
    """The test named reads the transcript's page."""
    (where,) = {w for w, c, _ in every_transcript() if c == command}
    text = (ROOT / test_file).read_text(encoding="utf-8")
    assert Path(where.split(":")[0]).name in text


def test_a_transcript_that_drifts_is_caught():
    page = "Type:\n\n```text\n$ bkrc show x.bkr\ncluster X\n  ...\nmember M1\n  ...\n```\n"
    ((line, command, shown),) = transcripts(Path("page.md"), page)
    assert (line, command) == (4, "bkrc show x.bkr")
    assert shows(shown, "cluster X\n  a\n  b\nmember M1\n  c\n")
    assert shows(shown, "cluster X\nmember M1\n")
    assert not shows(shown, "cluster X\n  a\nmember M2\n  c\n")
    assert not shows(shown, "cluster Y\nmember M1\n")
    assert not shows("one\n", "one\ntwo\n")
    assert not shows("a\n...\nb\n...\nb\n", "a\nb\n")


def test_fmt_md_layout_example_formats_as_the_page_shows():
    """docs/fmt.md, "The layout": "An example says most of it. This input: ... becomes: ..."."""
    text = (ROOT / "docs" / "fmt.md").read_text(encoding="utf-8")
    layout = text.split("\n## The layout\n", 1)[1].split("\n## ", 1)[0]
    given, formatted = re.findall(r"^```bkr\n(.*?)^```", layout, re.MULTILINE | re.DOTALL)[:2]
    assert "\nbecomes:\n" in layout.split(formatted, 1)[0]
    result = run_cli(["fmt", "-"], input=given, expect=0)
    assert result.stdout == formatted


#: A row of a page's table of codes that gives each one's severity: `| [BKR510](rules/BKR510.md) | error | ...`.
SEVERITY_ROW = re.compile(r"^\| \[(BKR\d{3})\]\(rules/\1\.md\) \| (\w+) \|", re.MULTILINE)


def severities_said(text: str) -> dict[str, str]:
    return {code: severity for code, severity in SEVERITY_ROW.findall(text)}


def test_the_severity_a_table_of_codes_gives_is_the_codes():
    """directory.md's tables ("| code | severity | what |") say which slips stop a compile."""
    registry = load_all()
    said = {
        f"{page.relative_to(ROOT).as_posix()}: {code}": (severity, registry[code].severity.value)
        for page in doc_pages()
        for code, severity in severities_said(page.read_text(encoding="utf-8")).items()
    }
    assert len([where for where in said if where.startswith("docs/directory.md")]) >= 18
    assert {where: pair for where, pair in said.items() if pair[0] != pair[1]} == {}
    assert severities_said("| [BKR505](rules/BKR505.md) | warning | a word cut |\n") == {"BKR505": "warning"}


DIRECTORY_PAGE = ROOT / "docs" / "directory.md"
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def test_the_slips_example_shows_the_codes_directory_md_says_it_shows(monkeypatch):
    """directory.md, "An example": prodssi-slips.direct "shows every code of the checks
    above but" those it names, and counts BKR532's and BKR526's; a check added to the
    table, or one the example stops showing, makes the sentence false (its transcript
    shows only some of the diagnostics: tests/test_directory_checks.py)."""
    monkeypatch.chdir(ROOT)
    text = " ".join(DIRECTORY_PAGE.read_text(encoding="utf-8").split())
    table = text.split("## What is compared", 1)[1].split("Why these severities", 1)[0]
    compared = set(re.findall(r"\| \[(BKR\d{3})\]\(rules/", table))
    example = text.split("## An example", 1)[1].split("```text", 1)[0]
    left_out = set(re.findall(r"BKR\d{3}", example.split("It shows every code of the checks above but", 1)[1].split(";")[0]))
    result = run_cli(["check", "examples/prodssi.bkr", "--directory", "examples/broken/prodssi-slips.direct",
                      "--format", "short"], expect=1)
    shown = re.findall(r"^\S+:\d+:\d+: (?:error|warning) (BKR\d{3}):", result.output, re.MULTILINE)
    assert len(compared) >= 20 and left_out == {"BKR521", "BKR525", "BKR528"}
    assert set(shown) == compared - left_out
    (eight,) = re.findall(r"which BKR519 reports \(grown\): (\w+),", example)
    (three,) = re.findall(r"its (\w+) BKR526 are prodssi\.direct's own", example)
    assert shown.count("BKR532") == NUMBER_WORDS.index(eight) + 1
    assert shown.count("BKR526") == NUMBER_WORDS.index(three) + 1


def test_the_count_of_ids_prodssi_declares_that_its_directory_lacks(monkeypatch):
    """directory.md, "What is not reported": "prodssi.bkr declares N IDs its directory
    lacks", none reported. It said "some 40" when the standard library had grown to 50."""
    from bkrdsl.cpdirectory import read_directory
    from bkrdsl.pipeline import analyse
    from bkrdsl.resolve.model import is_pattern

    text = " ".join(DIRECTORY_PAGE.read_text(encoding="utf-8").split())
    (said,) = re.findall(r"prodssi\.bkr declares (\d+) IDs its directory lacks", text)
    source = EXAMPLES / "prodssi.bkr"
    model = analyse(str(source), source.read_bytes(), path=source).model
    directory = read_directory("prodssi.direct", (EXAMPLES / "prodssi.direct").read_bytes())
    lacking = [user for user in model.user_ids if not is_pattern(user) and directory.entry(user) is None]
    assert len(lacking) == int(said), sorted(lacking)


# stop 72, h11: docs/output.md "A read-only DIR": out compiled from another cluster, then made read-only
def read_only_out(folder: Path, command: str) -> str:
    """docs/output.md: `out` not up to date with prodssi.bkr (written from
    minimal.bkr), and read-only (`chmod 555 out`): the compile leaves it as it is."""
    out = folder / "out"
    run_cli(["compile", folder / "examples" / "minimal.bkr", "-o", out], expect=0)
    out.chmod(0o555)
    return command


SETUPS["bkrc compile examples/prodssi.bkr -o out"] = read_only_out

# stop 83, h7: docs/diagnostics.md, "Beside a syntax error": the page's slips.bkr, which
# the page did not give (its transcript's command named a file no clone holds)
def pages_slips(folder: Path, command: str) -> str:
    """slips.bkr as docs/diagnostics.md gives it, below its transcript."""
    page = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    (text,) = re.findall(r"^slips\.bkr, to try it:\n\n<!-- bkrc: [^\n]*-->\n```bkr\n(.*?)^```", page, re.MULTILINE | re.DOTALL)
    (folder / "slips.bkr").write_text(text, encoding="utf-8")
    return command


SETUPS["bkrc check --format short slips.bkr"] = pages_slips
# diagnostics.md: "Exit codes ... 1 errors in the input".
EXITS["bkrc check --format short slips.bkr"] = 1
# output.md: "A compile that would change it stops before it builds anything (exit 2, ...)".
EXITS["bkrc compile examples/prodssi.bkr -o out"] = 2
