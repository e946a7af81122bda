"""Every ```bkr block in the docs means what it says.

A block in README.md, docs/**/*.md (docs/rules/ too) or examples/**/README.md
is, by the HTML
comment on the line right before its fence (docs/architecture.md, "Docs"):

- no comment: a whole file that `bkrc check` reports nothing on;
- `<!-- bkrc: expect BKR205 BKR333 -->`: a whole file on which `bkrc check`
  (and `bkrc fmt`, for BKR090) reports exactly these codes (each at least once);
- `<!-- bkrc: fragment -->` or `<!-- bkrc: fragment in cluster -->` (`in job`,
  `in member`, `in expire`): a piece of a file that parses cleanly when wrapped
  in the smallest block that holds it;
- `<!-- bkrc: exempt REASON -->`: not checked, for the reason given.

docs/rules/ is generated from the code registry, markers included: a failing
example's fence says `expect CODE`, a fix's fence nothing
(bkrdsl.diagnostics.registry.examples); tests/test_explain_examples.py runs
the same blocks as `bkrc explain` prints them.
"""

from __future__ import annotations

import dataclasses
import re
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT

from bkrdsl.check import docs
from bkrdsl.diagnostics.registry import load_all
from bkrdsl.fmt import format_bytes
from bkrdsl.pipeline import analyse
from bkrdsl.source import Source
from bkrdsl.syntax import read_module

FENCE = re.compile(r"^( *)```bkr\n(.*?)^ *```", re.DOTALL | re.MULTILINE)
MARKER = re.compile(r"<!-- bkrc: (expect|fragment|exempt)\b(.*?)-->")
CODE = re.compile(r"BKR\d{3}")
WRAPPERS = {
    "": ("", ""),
    "in cluster": ("cluster DOCS {\n", "\n}\n"),
    "in job": ("cluster DOCS {\njob DOCS {\n", "\n}\n}\n"),
    "in member": ("cluster DOCS {\nmember DOCS {\n", "\n}\n}\n"),
    "in expire": ("cluster DOCS {\nexpire on DOCS {\n", "\n}\n}\n"),
}


def doc_files() -> list[Path]:
    docs = sorted((ROOT / "docs").rglob("*.md"))
    return [ROOT / "README.md", *docs, *sorted((ROOT / "examples").rglob("README.md"))]


def blocks(path: Path):
    """(line of the fence, marker kind, marker argument, block text) for each ```bkr block."""
    text = path.read_text(encoding="utf-8")
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        before = text[: match.start()].removesuffix("\n").rsplit("\n", 1)[-1].strip()
        marker = MARKER.fullmatch(before)
        kind, arg = (marker.group(1), marker.group(2).strip()) if marker else ("clean", "")
        yield line, kind, arg, textwrap.dedent(match.group(2))


def all_blocks():
    for path in doc_files():
        for line, kind, arg, body in blocks(path):
            yield pytest.param(path, line, kind, arg, body, id=f"{path.relative_to(ROOT)}:{line}")


def codes(path: Path, body: str) -> list[str]:
    # Named as if the block were a file beside its page: `import std/...` resolves.
    analysis = analyse(path.name, body.encode("utf-8"), path=path.with_suffix(".bkr"))
    # `bkrc fmt` refuses one layout `bkrc check` accepts (BKR090).
    formatted = format_bytes(path.name, body.encode("utf-8"))
    refused = [d.code for d in formatted.diagnostics if d.code == "BKR090"]
    return sorted(d.code for d in analysis.diagnostics) + refused


def problem(path: Path, line: int, kind: str, arg: str, body: str) -> str | None:
    """Why the block does not mean what its marker says, or None when it does."""
    where = f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name}:{line}"
    if kind == "clean":
        found = codes(path, body)
        return f"{where}: bkrc check reports {found}; fix the block or mark it" if found else None
    if kind == "expect":
        expected, found = set(CODE.findall(arg)), set(codes(path, body))
        if not expected:
            return f"{where}: `bkrc: expect` names no code"
        return None if found == expected else f"{where}: expected {sorted(expected)}, bkrc check reports {sorted(found)}"
    if kind == "fragment":
        if arg not in WRAPPERS:
            return f"{where}: unknown fragment place {arg!r}; one of {sorted(WRAPPERS)}"
        head, tail = WRAPPERS[arg]
        _, diagnostics = read_module(Source.of(where, head + body + tail))
        found = [d.code for d in diagnostics]
        return f"{where}: the fragment does not parse {arg or 'as a file'}: {found}" if found else None
    return None if len(arg) > 10 else f"{where}: `bkrc: exempt` needs a reason"


@pytest.mark.parametrize(("path", "line", "kind", "arg", "body"), list(all_blocks()))
def test_docs_bkr_block_means_what_it_says(path, line, kind, arg, body):
    assert problem(path, line, kind, arg, body) is None


#: A whole file `bkrc check` reports nothing on.
CLEAN = """\
import std/backup-manager
single group LINUX { LNXWEB01  match LNXAPP* }
cluster C {
  member VMSYS1 { workers 4 }
  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1
  expire on VMSYS1 { purge weekly sun 03:00  retain 35 days }
  job LNXFULL {
    backup LINUX full
    include minidisk * 0100-0FFF
    to disk pool BKUPPOOL
    run on VMSYS1 daily 22:00
  }
}
"""


def test_a_block_that_regresses_is_caught(tmp_path):
    page = tmp_path / "page.md"
    clean = CLEAN
    wrong_time = "run on VMSYS1 daily 24:00"
    page.write_text(
        f"```bkr\n{clean}```\n"  # clean, as it says
        f"```bkr\n{clean.replace('22:00', '24:00')}```\n"  # BKR313, unmarked
        f"<!-- bkrc: expect BKR313 -->\n```bkr\n{clean.replace('22:00', '24:00')}```\n"  # BKR313, as it says
        f"<!-- bkrc: expect BKR313 -->\n```bkr\n{clean}```\n"  # clean, marked as failing
        f"<!-- bkrc: fragment in job -->\n```bkr\n{wrong_time}\n```\n"  # parses in a job
        f"<!-- bkrc: fragment in job -->\n```bkr\nrun on VMSYS1 daily ...\n```\n"  # does not parse
        f"<!-- bkrc: fragment in cluster -->\n```bkr\n{wrong_time}\n```\n"  # not a cluster statement
        f"<!-- bkrc: exempt -->\n```bkr\n...\n```\n",  # no reason
        encoding="utf-8",
    )
    verdicts = [problem(page, *block) is None for block in blocks(page)]
    assert verdicts == [True, False, True, False, True, False, False, False]


def test_a_rules_page_with_a_wrong_example_is_caught(tmp_path):
    # docs/rules/ pages are generated: the marker comes from the registry text.
    shown = textwrap.indent(CLEAN, "    ")
    explanation = f"Why.\n\nFailing example:\n\n{shown}\nFix:\n\n{shown}"  # the failing one checks clean
    page = tmp_path / "BKR313.md"
    entry = dataclasses.replace(load_all()["BKR313"], written=explanation)
    page.write_text(docs.page(entry), encoding="utf-8")
    found = [(block[1], block[2], problem(page, *block) is None) for block in blocks(page)]
    assert found == [("expect", "BKR313", False), ("clean", "", True)]


def test_every_page_with_bkr_blocks_is_seen():
    seen = {path.relative_to(ROOT).as_posix() for path in doc_files() if list(blocks(path))}
    assert {"README.md", "docs/language.md", "docs/editors.md", "docs/stdlib.md", "docs/fmt.md"} <= seen
    assert {"docs/rules/BKR220.md", "docs/rules/BKR090.md"} <= seen


def test_a_marker_must_touch_its_fence(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("<!-- bkrc: fragment -->\n\n```bkr\njob J { }\n```\n", encoding="utf-8")
    ((_, kind, _, _),) = blocks(page)
    assert kind == "clean"


# stop 77, lead: the whole files a newcomer copies are laid out as `bkrc fmt` writes them
#: The pages a newcomer copies a whole file from (h1's walk copied README's one-line
#: `expire` block, and `bkrc fmt --check` then said the file would be reformatted).
#: docs/fmt.md and docs/rules/ show layouts before fmt on purpose.
FORMATTED_PAGES = ("README.md", "docs/language.md", "docs/editors.md")


@pytest.mark.parametrize(
    ("path", "line", "body"),
    [
        pytest.param(ROOT / page, line, body, id=f"{page}:{line}")
        for page in FORMATTED_PAGES
        for line, kind, _, body in blocks(ROOT / page)
        if kind == "clean"
    ],
)
def test_a_whole_file_a_newcomer_copies_is_as_bkrc_fmt_writes_it(path, line, body):
    formatted = format_bytes(path.name, body.encode("utf-8"))
    assert formatted.ok
    assert formatted.text == body
