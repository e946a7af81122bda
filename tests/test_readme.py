"""The README's promises: its example diagnostics are what bkrc prints today."""

import json
import re
import shlex
import shutil
from collections import Counter

from conftest import EXAMPLES, ROOT, run_cli


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


def _codes(args) -> tuple[int, Counter]:
    """The exit code of `bkrc ARGS` and how many diagnostics of each code and severity it prints."""
    result = run_cli([*args, "--format", "short"])
    found = re.findall(r"^\S+:\d+:\d+: (error|warning) (BKR\d{3}):", result.output, re.MULTILINE)
    return result.exit_code, Counter(f"{severity} {code}" for severity, code in found)


def test_the_warnings_the_readme_counts_against_prodssi_direct_are_the_check_s(monkeypatch):
    """"That check prints fourteen warnings (nine BKR532, three BKR526, one BKR533, one BKR534; exit 0)":
    each check `--directory` gains can change the count (BKR526 and BKR532 came together, BKR533
    after, BKR534 last)."""
    monkeypatch.chdir(ROOT)
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "```sh bkrc check examples/prodssi.bkr --directory examples/prodssi.direct ```" in text
    said = re.search(r"That check prints (\w+) warnings \(((?:\w+ BKR\d{3}, )*\w+ BKR\d{3}); exit (\d)\)", text)
    total, each, exit_code = said.groups()
    code, counts = _codes(["check", "examples/prodssi.bkr", "--directory", "examples/prodssi.direct"])
    assert code == int(exit_code)
    assert counts == Counter({f"warning {c}": NUMBER_WORDS.index(n) + 1 for n, c in (p.split() for p in each.split(", "))})
    assert sum(counts.values()) == NUMBER_WORDS.index(total) + 1


def test_the_examples_list_counts_prodssi_direct_s_warnings_as_the_check_does(monkeypatch):
    """The examples list names prodssi.bkr's warnings against prodssi.direct by their
    count, "[above]", and what leaves them: the count is the one the test above holds
    to the check (it said thirteen after BKR534 made it fourteen), and each code
    `--fix` does not mend is named there (BKR534's link passwords were not)."""
    monkeypatch.chdir(ROOT)
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    (said,) = re.findall(r"That check prints (\w+) warnings", text)
    (listed,) = re.findall(r"prodssi\.bkr with the (\w+) warnings \[above\]\(#what-a-mistake-looks-like\)", text)
    assert listed == said
    (why,) = re.findall(r"prodssi\.bkr with the \w+ warnings \[above\]\(#what-a-mistake-looks-like\) until (.*?);", text)
    _, counts = _codes(["check", "examples/prodssi.bkr", "--directory", "examples/prodssi.direct"])
    for code in {c.split()[1] for c in counts} - {"BKR532", "BKR533"}:  # BKR533 goes with the extents BKR532 gives
        assert code in why, (code, why)


def test_bank_direct_is_bank_bkr_s_and_every_minidisk_of_its_users_is_accounted_for(monkeypatch):
    """README's examples list: bank.bkr checks clean against bank.direct (no test ran
    it), and `bkrc show --directory` finds every minidisk of each example's users
    backed up or excluded (prodssi's checks: the test above)."""
    monkeypatch.chdir(ROOT)
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "bank.bkr checks clean against its own" in text
    assert run_cli(["check", "examples/bank.bkr", "--directory", "examples/bank.direct"], expect=0).output == ""
    for name in ("bank", "prodssi"):
        result = run_cli(["show", f"examples/{name}.bkr", "--directory", f"examples/{name}.direct", "--format", "json"])
        members = json.loads(result.stdout)["members"]
        statuses = {disk["status"] for m in members for e in m["coverage"]["entries"] for disk in e["minidisks"]}
        assert statuses <= {"backed-up", "excluded"} and "backed-up" in statuses, (name, statuses)


def test_each_slip_of_the_broken_example_has_what_the_readme_says(monkeypatch):
    """"each with the line at fault, the declaration it conflicts with where there is
    one (eight of them), and a fix": a help line each, and as many with a related place.
    It said every one showed a declaration, and four show none (BKR241, BKR211, BKR310, BKR404)."""
    monkeypatch.chdir(ROOT)
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    (word,) = re.findall(r"the declaration it conflicts with where there is one \((\w+) of them\), and a fix", text)
    result = run_cli(["check", "examples/broken/prodssi.bkr", "--format", "json"], expect=1)
    diagnostics = json.loads(result.output)["diagnostics"]
    assert all(d["help"] for d in diagnostics)
    assert len([d for d in diagnostics if d["related"]]) == NUMBER_WORDS.index(word) + 1


def test_the_wheel_the_readme_names_is_the_one_pip_wheel_builds():
    """"builds `dist/bkrdsl-0.1.0-py3-none-any.whl`": the version is bkrdsl's
    (`__version__`, which pyproject.toml's hatch reads); tests/test_packaging.py
    builds the wheel but looks for `bkrdsl-*.whl`, so no test held the name."""
    import bkrdsl

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.findall(r"bkrdsl-[\w.]+?-py3-none-any\.whl", text) == [f"bkrdsl-{bkrdsl.__version__}-py3-none-any.whl"]
    assert 'path = "bkrdsl/__init__.py"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_what_the_readme_says_of_no_color_is_what_bkrc_does(monkeypatch):
    """It said "never with `NO_COLOR` set (to any value)"; set to the empty string it
    is not set, as no-color.org has it (docs/diagnostics.md), and FORCE_COLOR colours."""
    from bkrdsl.cli.common import use_color

    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "never with `NO_COLOR` set to anything but the empty string (`NO_COLOR=0` too)" in text
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "")
    assert use_color("auto") is True
    for value in ("0", "1"):
        monkeypatch.setenv("NO_COLOR", value)
        assert use_color("auto") is False


# stop 82, h7: the README's --fix sentence typed as written
def test_the_fix_on_a_copy_writes_the_disk_statements_init_writes(tmp_path, monkeypatch):
    """README, after the fourteen warnings: `cp examples/prodssi.bkr mine.bkr`, then
    `bkrc check mine.bkr --fix --directory examples/prodssi.direct` writes each
    minidisk's extent, with the last line quoted, the very `disk` statements of
    the `bkrc init ... --tape` it names. The sentence gave `bkrc check --fix
    --directory examples/prodssi.direct` and `bkrc init --directory
    examples/prodssi.direct`, without a FILE or `--cluster`: typed, usage errors."""
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    copy = re.search(r"On a copy of the file, `(cp [^`]*)`", text).group(1)
    check = re.search(r"the command `(bkrc check [^`]*)` writes each one's extent", text).group(1)
    (last,) = re.findall(r"its last line: `([^`]*)`", text)
    init = re.search(r"the very `disk` statements `(bkrc init [^`]*)` writes in a new file", text).group(1)
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    source, target = shlex.split(copy)[1:]
    shutil.copyfile(source, target)
    result = run_cli(shlex.split(check)[1:], expect=0)
    assert result.stderr.rstrip("\n").splitlines()[-1] == last

    def disks(path):
        lines = path.read_text(encoding="utf-8").splitlines()
        return sorted(line.split("#")[0].strip() for line in lines if line.strip().startswith("disk "))

    run_cli(shlex.split(init)[1:], expect=0)
    written = shlex.split(init)[2]
    assert disks(tmp_path / target) == disks(tmp_path / written) and " on " in " ".join(disks(tmp_path / target))
