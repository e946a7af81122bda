"""README.md's "Commands" section is the command line `bkrc --help` shows.

- Every command `bkrc --help` lists has a row of the README's table, and every
  row names a command that exists.
- Every spelling of every option of a command (`-I` and `--include`, `--tape`
  and `--no-tape`; not `-h`/`--help`) is named in the command's row, or in
  the paragraph under the table, which tells the options several commands
  share (`--format`, `--color`, `--max-errors`, the long forms).
- Every option a row names is one of its command's, and a choice option's
  values written in a row (`--format terminal|html|svg`) are the command's
  values, all of them; each value of every choice option is named in the row
  or in the paragraph.
- The exit codes the paragraph lists are those `bkrdsl/cli/common.py` names.
- Every `bkrc` command of a ```sh block in README.md or docs/*.md is one the
  command line accepts as typed: its command, options, their values and its
  number of arguments (a newcomer pastes them; `[--format html|svg]` is not
  one); every `pip install` of those blocks installs the clone, not a package
  of that name from an index.

Each command's own page (docs/init.md, docs/show.md, ...) says more; this
test keeps the one-page summary from drifting away from the code.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from conftest import ROOT

from bkrdsl.cli import cli, common

ROW = re.compile(r"^\| `bkrc (\w+)[^\n]*", re.MULTILINE)
OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")
CHOICES = re.compile(r"`(--[\w-]+) ([\w-]+(?:\\?\|[\w-]+)+)`")
HELP = {"-h", "--help"}


def commands() -> dict[str, click.Command]:
    ctx = click.Context(cli)
    return {name: cli.get_command(ctx, name) for name in cli.list_commands(ctx)}


def section(readme: str) -> tuple[dict[str, str], str]:
    """The Commands table's row of each command, and the paragraph under it."""
    text = readme.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    rows = {m.group(1): m.group(0) for m in ROW.finditer(text)}
    after = text[text.rindex("\n|") :].split("\n", 2)[2]
    return rows, after


def named(word: str, text: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text) is not None


def problems(readme: str) -> list[str]:
    rows, shared = section(readme)
    cmds = commands()
    found = [f"`bkrc {n}` has no row in README.md's Commands table" for n in sorted(set(cmds) - set(rows))]
    found += [f"README.md has a row for `bkrc {n}`: no such command" for n in sorted(set(rows) - set(cmds))]
    for name in sorted(set(cmds) & set(rows)):
        row, params = rows[name], [p for p in cmds[name].params if isinstance(p, click.Option)]
        by_spelling = {o: p for p in params for o in p.opts + p.secondary_opts}
        for spelling in sorted(set(by_spelling) - HELP):
            if not named(spelling, row) and not named(spelling, shared):
                found.append(f"`bkrc {name} {spelling}` is in neither its README row nor the text under it")
        for p in params:
            for value in p.type.choices if isinstance(p.type, click.Choice) else ():
                if not named(value, row) and not named(value, shared):
                    found.append(f"`bkrc {name} {p.opts[0]} {value}` is not named in README.md")
        for spelling in OPTION.findall(row):
            if spelling not in set(by_spelling) | HELP:
                found.append(f"README.md's row of `bkrc {name}` names `{spelling}`, which it does not take")
        for spelling, values in CHOICES.findall(row):
            p = by_spelling.get(spelling)
            written = values.replace("\\|", "|").split("|")
            choices = list(p.type.choices) if p is not None and isinstance(p.type, click.Choice) else written
            if sorted(written) != sorted(choices):
                found.append(f"README.md gives `bkrc {name} {spelling}` {written}; it takes {choices}")
    codes = sorted({v for k, v in vars(common).items() if k.startswith("EXIT_") and isinstance(v, int)})
    listed = shared.split("Exit codes:", 1)[-1]
    missing = [c for c in codes if not named(str(c), listed)]
    found += [f"exit code {c} (bkrdsl/cli/common.py) is not in README.md's list" for c in missing]
    return found


def test_readme_commands_section_matches_the_command_line():
    assert problems((ROOT / "README.md").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("| `bkrc rules` |", "| `bkrc rule` |", "no such command"),
        ("`--stdlib zvm72\\|zvm73\\|zvm74`, ", "", "`bkrc init --stdlib` is in neither"),
        ("`--stdlib zvm72\\|zvm73\\|zvm74`", "`--stdlib zvm72\\|zvm73`", "is not named in README.md"),
        ("`--dry-run`, ", "`--dry-run`, `--quiet`, ", "names `--quiet`, which it does not take"),
        ("`--format terminal\\|html\\|svg`", "`--format terminal\\|html`", "['terminal', 'html', 'svg']"),
        ("141 when", "when", "exit code 141"),
    ],
)
def test_a_readme_that_drifts_is_caught(old, new, expected):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert old in readme
    found = problems(readme.replace(old, new, 1))
    assert any(expected in p for p in found), found


def test_every_environment_variable_bkrc_reads_is_documented():
    """A `BKRDSL_...` variable bkrdsl/ reads is named in README.md or docs/."""
    read = set()
    for path in sorted((ROOT / "bkrdsl").rglob("*.py")):
        read |= set(re.findall(r"\bBKRDSL_[A-Z_]+\b", path.read_text(encoding="utf-8")))
    docs = "".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))])
    assert {"BKRDSL_PATH", "BKRDSL_CACHE_DIR"} <= read
    assert sorted(v for v in read if not named(v, docs)) == []


def test_the_language_servers_settings_are_the_ones_docs_lsp_lists():
    """`bkrc lsp` takes its settings from `initializationOptions`: docs/lsp.md's
    table lists exactly the keys bkrdsl/lsp/server.py reads."""
    source = (ROOT / "bkrdsl" / "lsp" / "server.py").read_text(encoding="utf-8")
    read = set(re.findall(r'\boptions\.get\("(\w+)"\)', source))
    page = (ROOT / "docs" / "lsp.md").read_text(encoding="utf-8")
    table = page.split("Settings come from the client's `initializationOptions`", 1)[1].split("\n\n", 2)[1]
    listed = set(re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE))
    assert {"include", "max_workspace_files"} <= read
    assert sorted(listed) == sorted(read)


SH_BLOCK = re.compile(r"^ *```sh\n(.*?)^ *```", re.DOTALL | re.MULTILINE)
SEPARATORS = {"|", "||", "&&", ";", "&", "(", ")"}
REDIRECTIONS = {"<", ">", ">>"}


def shell_lines(text: str, program: str = "bkrc"):
    """(line number, line) of each line of a ```sh block that runs PROGRAM."""
    for block in SH_BLOCK.finditer(text):
        first = text.count("\n", 0, block.start()) + 2
        for offset, line in enumerate(block.group(1).splitlines()):
            if re.search(rf"(^|[\s/(]){program}\s", line):
                yield first + offset, line


def bkrc_arguments(line: str):
    """The arguments of each bkrc command of a shell line, as the shell passes them:
    split at pipes and `&&`, without redirections and comments; a command
    substitution, `$(git ls-files ...)`, stands for one file."""
    line = re.sub(r"(?<![\w-])[0-9](?=>)", "", line)  # `2> doc.json`: a redirection, not an argument `2`
    lexer = shlex.shlex(re.sub(r"\$\([^)]*\)", "FILE", line), posix=True, punctuation_chars=True)
    lexer.whitespace_split, lexer.commenters = True, "#"
    command, redirected = [], False
    for word in [*lexer, ";"]:
        if redirected or word in REDIRECTIONS:
            redirected = not redirected
        elif word in SEPARATORS:
            if command and Path(command[0]).name == "bkrc":
                yield command[1:]
            command = []
        else:
            command.append(word)


def refusal(arguments: list[str]) -> str | None:
    """What the command line says to ARGUMENTS before it runs anything, or None."""
    try:
        with click.Context(cli, info_name="bkrc") as ctx:
            name, command, rest = cli.resolve_command(ctx, list(arguments))
            command.make_context(name, rest, parent=ctx).close()
    except click.exceptions.Exit:  # --help
        return None
    except click.ClickException as error:
        return error.format_message()
    return None


def shown_commands():
    for page in doc_pages():
        for number, line in shell_lines(page.read_text(encoding="utf-8")):
            for arguments in bkrc_arguments(line):
                yield pytest.param(arguments, id=f"{page.relative_to(ROOT)}:{number}")


def doc_pages() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def installed_elsewhere(line: str) -> list[str]:
    """What a `pip install` line installs that is not this clone (`.`, `-e '.[test]'`)."""
    words = shlex.split(line, comments=True)
    targets = words[words.index("install") + 1 :]
    targets = targets[: next((i for i, w in enumerate(targets) if w in SEPARATORS), len(targets))]
    return [w for w in targets if not w.startswith(("-", "."))]


def test_every_pip_install_the_docs_show_installs_the_clone():
    """bkrdsl is not on an index: `pip install bkrdsl` would install whatever a
    package index holds under that name (docs/lsp.md said it, docs/lsp.md:374)."""
    found = [
        f"{page.relative_to(ROOT)}:{number}: {elsewhere}"
        for page in doc_pages()
        for number, line in shell_lines(page.read_text(encoding="utf-8"), program="pip")
        if (elsewhere := installed_elsewhere(line))
    ]
    assert found == []
    assert installed_elsewhere("pip install bkrdsl   # the language server") == ["bkrdsl"]
    assert installed_elsewhere(".venv/bin/pip install -q -e '.[test]' && .venv/bin/pytest") == []


def system_pips(line: str) -> list[str]:
    """The `pip install` commands of a shell line that are not a virtual environment's
    pip (`.venv/bin/pip`): a system's own Python may refuse them (PEP 668)."""
    return [pip for pip in re.findall(r"(?:^|[\s(;&|])(\S*pip3?)\s+install\b", line) if "/bin/" not in pip]


def test_every_pip_install_the_docs_show_is_a_virtual_environments():
    """README.md's first command installs into `.venv`; docs/lsp.md's `pip install .`,
    typed on Debian 12, answered `externally-managed-environment` and installed nothing."""
    found = [
        f"{page.relative_to(ROOT)}:{number}: {line}"
        for page in doc_pages()
        for number, line in shell_lines(page.read_text(encoding="utf-8"), program="pip")
        if system_pips(line)
    ]
    assert found == []
    assert system_pips("pip install .                  # in the clone's root") == ["pip"]
    assert system_pips("(cd x && pip3 install -e .)") == ["pip3"]
    assert system_pips("python3 -m venv .venv && .venv/bin/pip install -q -e .") == []


@pytest.mark.parametrize("arguments", list(shown_commands()))
def test_every_bkrc_command_the_docs_show_is_one_bkrc_accepts(arguments):
    assert refusal(arguments) is None, f"bkrc {shlex.join(arguments)}"


def test_the_docs_show_the_commands_a_newcomer_types():
    pages = {p.split(":")[0] for p in (c.id for c in shown_commands())}
    assert {"README.md", "docs/init.md", "docs/show.md", "docs/output.md", "docs/fmt.md", "docs/deploy.md"} <= pages


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("bkrc highlight examples/prodssi.bkr [--format html|svg]   # a comment", "unexpected extra argument"),
        ("bkrc show - < prodssi.bkr --membr VMSYS2", "No such option"),
        ("cd editors && bkrc fmt --check --dif $(git ls-files '*.bkr')", "No such option"),
        ("bkrc compile prodssi.bkr -o", "requires an argument"),
        ("bkrc shw prodssi.bkr | less", "No such command"),
    ],
)
def test_a_command_bkrc_would_refuse_is_caught(line, expected):
    text = f"Type:\n\n```sh\n{line}\n```\n"
    ((_, shown),) = shell_lines(text)
    (arguments,) = bkrc_arguments(shown)
    assert expected in refusal(arguments)


def test_a_command_as_the_shell_reads_it():
    line = "bkrc init - --cluster 'DEV SSI' --member DEV1 | less   # '-': standard output"
    assert list(bkrc_arguments(line)) == [["init", "-", "--cluster", "DEV SSI", "--member", "DEV1"]]
    assert list(bkrc_arguments("bkrc fmt - < messy.bkr > tidy.bkr && bkrc check tidy.bkr")) == [
        ["fmt", "-"],
        ["check", "tidy.bkr"],
    ]
    assert list(bkrc_arguments("python3 -m venv .venv && .venv/bin/bkrc rules")) == [["rules"]]


def codes_named(text: str) -> set[str]:
    """The codes of a list such as `BKR501-BKR520, BKR522, BKR528-BKR531`, ranges spread."""
    found = set()
    for first, last in re.findall(r"BKR(\d{3})(?:-BKR(\d{3}))?", text):
        found.update(f"BKR{n}" for n in range(int(first), int(last or first) + 1))
    return found


def test_the_directory_codes_the_check_row_names_are_the_registrys():
    """README's `bkrc check` row lists the codes `--directory` adds; it left out
    BKR530 and BKR531, both errors of `bkrc check --directory`. `bkrc init`'s own
    (BKR521, "`bkrc init --directory`: ...") is not the check's."""
    from bkrdsl.diagnostics.registry import directory_codes, load_all

    rows, _ = section((ROOT / "README.md").read_text(encoding="utf-8"))
    (listed,) = re.findall(r"\((BKR5\d\d[^()]*?), \[docs/directory\.md\]", rows["check"])
    registry = load_all()
    wanted = set(directory_codes())
    assert "BKR521" not in wanted and {"BKR501", "BKR510", "BKR532"} <= wanted
    # A range names the codes there are in it (BKR501-BKR520 has no BKR506).
    assert codes_named(listed) & set(registry) == wanted
    assert codes_named("BKR501-BKR503, BKR510") == {"BKR501", "BKR502", "BKR503", "BKR510"}


@pytest.mark.parametrize("command", ["check", "compile", "show"])
def test_the_directory_option_s_help_names_the_registry_s_codes(command):
    """`--directory`'s help names the codes it brings, from the registry: its
    docstring said "BKR510-BKR520, BKR522, BKR523" when BKR501-BKR532 had come.
    The same codes as README's `bkrc check` row (the test above)."""
    from click.testing import CliRunner

    from bkrdsl.diagnostics.registry import code_ranges, directory_codes

    shown = " ".join(CliRunner().invoke(cli, [command, "--help"], terminal_width=200).output.split())
    (listed,) = re.findall(r"--directory FILE .*?\((BKR5\d\d[^()]*?); docs/directory\.md\)", shown)
    assert listed == code_ranges(directory_codes())
    assert codes_named(listed) == set(directory_codes())
    rows, _ = section((ROOT / "README.md").read_text(encoding="utf-8"))
    (readme,) = re.findall(r"\((BKR5\d\d[^()]*?), \[docs/directory\.md\]", rows["check"])
    assert codes_named(listed) == codes_named(readme) & set(directory_codes())
    assert code_ranges(["BKR501", "BKR502", "BKR505", "BKR510", "BKR511"]) == "BKR501-BKR502, BKR505, BKR510-BKR511"


@pytest.mark.parametrize("path", ["docs/architecture.md", "docs/lsp.md", "editors/vscode/package.json"])
def test_the_other_lists_of_the_directory_codes_reach_the_registry_s_last(path):
    """Besides README's row and `--directory`'s help (above), three places name the
    codes `--directory` brings as ranges: docs/architecture.md's paragraph on the
    checks against the directory, docs/lsp.md's `directory` setting and the VS Code
    setting's description. Each was mended by hand when BKR533 came (BKR501-BKR532);
    a code added next fails here until each names it."""
    from bkrdsl.diagnostics.registry import directory_codes

    text = (ROOT / path).read_text(encoding="utf-8")
    named = codes_named(" ".join(re.findall(r"BKR5\d\d(?:-BKR5\d\d)?", text)))
    assert max(named) == max(directory_codes())
    assert max(codes_named("BKR501-BKR532, BKR520")) == "BKR532"


# --- h6 (stop 63)
#: The page that describes each command's options in full (README's row is its summary).
COMMAND_PAGES = {
    "check": "docs/diagnostics.md",
    "compile": "docs/output.md",
    "dialect": "docs/compatibility.md",
    "fmt": "docs/fmt.md",
    "highlight": "docs/editors.md",
    "init": "docs/init.md",
    "lsp": "docs/lsp.md",
    "show": "docs/show.md",
}


def unnamed_options(name: str, page: str) -> list[str]:
    """The options of `bkrc NAME` that PAGE names in none of their spellings."""
    params = [p for p in commands()[name].params if isinstance(p, click.Option)]
    return [
        p.opts[0]
        for p in params
        if not set(p.opts + p.secondary_opts) & HELP
        and not any(named(spelling, page) for spelling in p.opts + p.secondary_opts)
    ]


def test_each_command_s_page_names_each_of_its_options():
    """A command's own page tells its options, each in one spelling at least:
    docs/output.md's "Other options" of `bkrc compile` and docs/fmt.md left out
    `--max-errors`, which README's rows and `--help` give them."""
    with_options = {
        n for n, c in commands().items() if any(isinstance(p, click.Option) and not set(p.opts) & HELP for p in c.params)
    }
    assert with_options == set(COMMAND_PAGES), sorted(with_options ^ set(COMMAND_PAGES))
    found = {
        name: missing
        for name, page in COMMAND_PAGES.items()
        if (missing := unnamed_options(name, (ROOT / page).read_text(encoding="utf-8")))
    }
    assert found == {}
    page = (ROOT / "docs" / "fmt.md").read_text(encoding="utf-8")
    assert unnamed_options("fmt", page.replace("--max-errors", "--max")) == ["--max-errors"]


def test_the_docs_compile_only_prodssi_into_out():
    """README's first command writes examples/prodssi.bkr's files into `out/`, and the
    pages go on from that folder (`bkrc highlight out/VMSYS1/BKRSUBMT.EXEC`, deploy.md's
    steps). A page that compiled another cluster there (docs/rexx.md compiled
    examples/minimal.bkr) replaced it, with a warning for each member's folder gone,
    and printed a summary other than the page's."""
    compiled = {}
    for page in doc_pages():
        for number, line in shell_lines(page.read_text(encoding="utf-8")):
            for arguments in bkrc_arguments(line):
                if arguments[:1] == ["compile"]:
                    with click.Context(cli, info_name="bkrc") as ctx:
                        params = cli.get_command(ctx, "compile").make_context("compile", arguments[1:], parent=ctx).params
                    if str(params["out_dir"]) == "out":
                        compiled[f"{page.relative_to(ROOT)}:{number}"] = str(params["file"])
    assert len(compiled) >= 10
    assert {where: s for where, s in compiled.items() if Path(s).name != "prodssi.bkr"} == {}


@pytest.mark.parametrize("name", ["check", "compile", "fmt", "highlight", "init", "show"])
def test_the_color_option_s_help_says_an_empty_no_color_is_unset(name, monkeypatch):
    """`--color`'s help said "never with NO_COLOR set", where README and diagnostics.md
    say "set to anything but the empty string" and bkrc colours with NO_COLOR=""
    (no-color.org: present and not empty)."""
    from click.testing import CliRunner

    from bkrdsl.cli.common import use_color

    shown = " ".join(CliRunner().invoke(cli, [name, "--help"], terminal_width=200).output.split())
    assert "never with NO_COLOR set, not empty," in shown
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "")
    assert use_color("auto") is True
