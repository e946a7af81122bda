"""Every relative link in the docs leads somewhere.

README.md, docs/**/*.md, editors/**/README.md and examples/**/README.md: each
relative link (inline `[text](target)` or a reference definition `[name]:
target`) names a file or folder that exists, and each `#anchor`, on its own
or after a Markdown file, names a heading of that file, by GitHub's slug rules
(the heading's rendered text, code spans kept; lower case; every character
but letters, digits, `_`, `-` and spaces dropped; spaces become `-`, hyphens
never collapsed; a repeated slug gets `-1`, `-2`, ...). Links inside code
(fenced blocks and `inline code`) are text, not links.

Beyond links: every path of the repository the pages name, in prose or in
code (`bkrdsl/emit/cms.py`, `stdlib/*.bkr`), exists, but for placeholders
(`stdlib/NAME.bkr`); and README.md links every page of docs/.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import ROOT

FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$", re.DOTALL | re.MULTILINE)
INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$", re.MULTILINE)
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
HTML_ANCHOR = re.compile(r"<a\s+(?:name|id)=\"([^\"]+)\"", re.IGNORECASE)
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def doc_files() -> list[Path]:
    return [
        ROOT / "README.md",
        *sorted((ROOT / "docs").rglob("*.md")),
        *sorted(p for p in (ROOT / "editors").rglob("README.md") if "node_modules" not in p.parts),
        *sorted((ROOT / "examples").rglob("README.md")),
    ]


def without_code(text: str) -> str:
    """The text with fenced blocks and inline code blanked out, lines kept."""
    text = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return INLINE_CODE.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def heading_text(heading: str) -> str:
    """A heading's Markdown as the plain text GitHub renders: code spans kept verbatim
    (`` `--check` `` is `--check`), outside them a link's text, no inline HTML, no
    emphasis markers, no backslash escapes, entities decoded."""
    parts = []
    for index, piece in enumerate(re.split(r"(`+)(?!`)(.*?)(?<!`)\1(?!`)", heading)):
        if index % 3 == 2:  # a code span's content
            one_space_each_side = len(piece) > 1 and piece[0] == piece[-1] == " " and piece.strip()
            parts.append(piece[1:-1] if one_space_each_side else piece)
        elif index % 3 == 0:
            text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", piece)  # a link's text
            text = re.sub(r"<[^>]+>", "", text)  # inline HTML
            text = re.sub(r"(\*\*|__|\*|~~)", "", text)
            text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
            parts.append(html.unescape(text))
    return "".join(parts).strip()


def slug(heading: str) -> str:
    """GitHub's anchor for a heading's text: lower case; every character but letters,
    digits, spaces, `-` and `_` dropped; each space a `-`, hyphens never collapsed."""
    return re.sub(r"[^\w\- ]", "", heading_text(heading).lower()).replace(" ", "-")


def slugs(headings) -> list[str]:
    """The anchors of a page's headings in order, as GitHub numbers repeats: a slug seen
    before gets `-1`, `-2`, ..., skipping any taken already (`a`, `a`, `a-1` give `a`,
    `a-1`, `a-1-1`)."""
    taken: dict[str, int] = {}
    found = []
    for heading in headings:
        base = result = slug(heading)
        while result in taken:
            taken[base] += 1
            result = f"{base}-{taken[base]}"
        taken[result] = 0
        found.append(result)
    return found


def anchors(path: Path) -> set[str]:
    """A page's anchors: its headings' slugs (code spans in a heading are its text, so
    only fenced blocks are left out) and its `<a name=...>` / `<a id=...>`."""
    text = path.read_text(encoding="utf-8")
    unfenced = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return set(HTML_ANCHOR.findall(without_code(text))) | set(
        slugs(match.group(2) for match in HEADING.finditer(unfenced))
    )


def links(path: Path):
    """(line, target) for every link in the file."""
    text = without_code(path.read_text(encoding="utf-8"))
    for pattern in (INLINE_LINK, REFERENCE):
        for match in pattern.finditer(text):
            yield text.count("\n", 0, match.start()) + 1, match.group(1)


def broken_links(path: Path, root: Path = ROOT) -> list[str]:
    problems = []
    for line, target in links(path):
        if not target or EXTERNAL.match(target):
            continue
        file_part, _, anchor = target.partition("#")
        place = f"{path.relative_to(root)}:{line}: {target}"
        dest = (path.parent / unquote(file_part)).resolve() if file_part else path
        if not dest.exists():
            problems.append(f"{place}: no file {file_part}")
        elif anchor and dest.is_file() and dest.suffix == ".md":
            if unquote(anchor) not in anchors(dest):
                problems.append(f"{place}: no heading #{anchor} in {dest.relative_to(root)}")
        elif anchor and not dest.is_file():
            problems.append(f"{place}: #{anchor} after a folder")
    return problems


@pytest.mark.parametrize("path", doc_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(path):
    assert broken_links(path) == []


def test_slugs_follow_githubs_rules():
    assert slug("6. The pipeline") == "6-the-pipeline"
    assert slug("BKRSTART EXEC (AUTOLOG1's PROFILE EXEC)") == "bkrstart-exec-autolog1s-profile-exec"
    assert slug("`bkrc check --fix`: fixes") == "bkrc-check---fix-fixes"
    assert slug("Schedules: the *due* form") == "schedules-the-due-form"
    assert slug("1. Getting the files to z/VM") == "1-getting-the-files-to-zvm"
    # github-slugger's own cases: hyphens kept and never collapsed, symbols dropped
    # but the spaces around them kept, letters of any script, `_` a word character.
    assert slug("`--dry-run` and `--check`") == "--dry-run-and---check"
    assert slug("foo & bar") == "foo--bar"
    assert slug("I ♥ unicode") == "i--unicode"
    assert slug("Привет non-latin 你好") == "привет-non-latin-你好"
    assert slug("snake_case and `__init__`, **bold**") == "snake_case-and-__init__-bold"
    assert slug("A [link](x.md#y) &amp; <em>html</em> \\*escaped\\*") == "a-link--html-escaped"
    assert slugs(["foo", "foo", "foo-1", "Foo", "foo"]) == ["foo", "foo-1", "foo-1-1", "foo-2", "foo-3"]


def test_a_heading_with_code_has_its_code_in_its_anchor(tmp_path):
    """A code span is a heading's text: `## `--dry-run` and `--check`` is
    #--dry-run-and---check on GitHub, not #and."""
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n## `--dry-run` and `--check`\n\n```\n## fenced, no heading\n```\n\n"
        "## `bkrc fmt`\n\n## `bkrc fmt`\n",
        encoding="utf-8",
    )
    assert anchors(page) == {"page", "--dry-run-and---check", "bkrc-fmt", "bkrc-fmt-1"}


def test_a_broken_link_and_a_missing_anchor_are_found(tmp_path):
    (tmp_path / "other.md").write_text("# Other\n\n## A part\n\n## A part\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n[ok](other.md#a-part-1) [ok](#page) `[code](nowhere.md)`\n\n"
        "```\n[fenced](nowhere.md)\n```\n\n"
        "[gone](missing.md) [bad](other.md#a-part-2) [self](#nothing)\n\n[ref]: missing-too.md\n",
        encoding="utf-8",
    )
    problems = broken_links(page, tmp_path)
    assert [p.split(": ", 1)[1] for p in problems] == [
        "missing.md: no file missing.md",
        "other.md#a-part-2: no heading #a-part-2 in other.md",
        "#nothing: no heading #nothing in page.md",
        "missing-too.md: no file missing-too.md",
    ]


def test_every_docs_page_is_linked_from_the_readme():
    """README.md's Documentation list leads to every page of docs/ (and docs/rules/)."""
    readme = ROOT / "README.md"
    targets = {(readme.parent / t.partition("#")[0]).resolve() for _, t in links(readme) if not EXTERNAL.match(t)}
    pages = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "docs" / "rules"]
    assert [p.relative_to(ROOT).as_posix() for p in pages if p.resolve() not in targets] == []


#: A path of the repository as the docs write it, in prose or in code:
#: `bkrdsl/emit/cms.py`, tests/test_fmt.py, `stdlib/*.bkr`.
REPO_PATH = re.compile(r"(?<![\w./'\"-])((?:bkrdsl|tests|bench|grammar|stdlib|editors|examples|\.ci|docs)/[\w./*-]*)")
#: A placeholder in a path: `stdlib/NAME.bkr`, `backup-manager-RELEASE.toml`, `zvmNN`.
PLACEHOLDER = re.compile(r"[A-Z]{2,}")


def missing_paths(path: Path, root: Path = ROOT) -> list[str]:
    text = path.read_text(encoding="utf-8")
    problems = []
    for match in REPO_PATH.finditer(text):
        named = match.group(1).rstrip(".,:;)")
        # a module as an `import` names it, without `.bkr` (`import stdlib/zvm73`)
        exists = any(root.glob(named)) if "*" in named else any((root / f).exists() for f in (named, f"{named}.bkr"))
        if not exists and not PLACEHOLDER.search(named.rsplit("/", 1)[-1]):
            problems.append(f"{path.relative_to(root)}:{text.count(chr(10), 0, match.start()) + 1}: {named}")
    return problems


@pytest.mark.parametrize("path", doc_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_repository_path_the_docs_name_exists(path):
    assert missing_paths(path) == []


def test_a_path_that_is_gone_is_found(tmp_path):
    (tmp_path / "bkrdsl").mkdir()
    (tmp_path / "bkrdsl" / "cli.py").write_text("", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "`bkrdsl/cli.py` and bkrdsl/cli.py. `bkrdsl/*.py` `stdlib/NAME.bkr`\n"
        "bkrdsl/gone.py, `bkrdsl/*.toml`; Plug 'bkrdsl/bkrdsl'\n",
        encoding="utf-8",
    )
    assert missing_paths(page, tmp_path) == ["page.md:2: bkrdsl/gone.py", "page.md:2: bkrdsl/*.toml"]


#: "SSI rule 5", "SSI rules 2 and 4", also broken across a line as prose wraps it.
SSI_RULE = re.compile(r"SSI\s+rules?\s+(\d+)(?:\s+and\s+(\d+))?")


def test_an_ssi_rule_cited_by_number_is_listed_and_linked():
    """The docs cite Backup Manager's SSI rules by number ("SSI rule 5"), which the
    repository listed nowhere (only the domain notes kept beside it did): a newcomer
    met "SSI rule 5" in deploy.md with nothing to look it up in. docs/rules/README.md
    lists them (bkrdsl/check/docs.py, SSI_RULES); each page that cites one links that
    list, but the generated pages of docs/rules/, plain text from the registry, which
    link the index."""
    from bkrdsl.check.docs import SSI_RULES

    index = (ROOT / "docs" / "rules" / "README.md").read_text(encoding="utf-8")
    assert "the-ssi-rules" in anchors(ROOT / "docs" / "rules" / "README.md")
    assert len(re.findall(r"^\d\. ", index.split("## The SSI rules", 1)[1].split("\n## ", 1)[0], re.MULTILINE)) == len(
        SSI_RULES
    )
    unknown, unlinked = [], []
    for path in doc_files():
        text = path.read_text(encoding="utf-8")
        cited = {int(n) for m in SSI_RULE.finditer(text) for n in m.groups() if n}
        where = path.relative_to(ROOT).as_posix()
        unknown += [f"{where}: SSI rule {n}" for n in sorted(cited) if not 1 <= n <= len(SSI_RULES)]
        if cited and not where.startswith("docs/rules/") and "README.md#the-ssi-rules" not in text:
            unlinked.append(where)
    assert unknown == []
    assert unlinked == [], "link the list where the page first cites a rule: [SSI rule 5](rules/README.md#the-ssi-rules)"
    assert [m.groups() for m in SSI_RULE.finditer("(SSI rules 2 and 4); SSI\n  rule 7")] == [("2", "4"), ("7", None)]
