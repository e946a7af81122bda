"""docs/language.md describes every word the language gives a meaning to, and
the characters a name is made of (there and in docs/editors.md) as the
grammar's NAME token has them.

Every keyword of grammar/bkr.lark (bkrdsl.keywords, read from the grammar's
own terminals), every role a `role` takes and every unit a `disk` size takes
is written on the page, in `inline code` or in a ```bkr block, as a word of
its own: a construct added to the grammar fails this test until the page
says what it means. (That each ```bkr block parses and checks as its marker
says is tests/test_docs_bkr_blocks.py; each keyword's one sentence,
docs/keywords.md, is tests/test_editors.py.)
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from bkrdsl.keywords import keywords
from bkrdsl.resolve.model import DISK_UNITS, ROLES

PAGE = ROOT / "docs" / "language.md"
INLINE = re.compile(r"`([^`\n]+)`")
BLOCK = re.compile(r"^ *```bkr\n(.*?)^ *```", re.DOTALL | re.MULTILINE)


def shown_words(page: str) -> set[str]:
    """The words (lower case) of the page's inline code and ```bkr blocks, comments left out."""
    code = INLINE.findall(BLOCK.sub("", page))
    code += [re.sub(r"#[^\n]*", "", block) for block in BLOCK.findall(page)]
    return {w.lower() for text in code for w in re.findall(r"[A-Za-z0-9][\w-]*", text)}


def undescribed(page: str) -> list[str]:
    words = shown_words(page)
    wanted = [("keyword", k) for k in keywords()]
    wanted += [("role", r) for r in sorted(ROLES)]
    wanted += [("disk size unit", u.lower()) for u in sorted(DISK_UNITS)]
    return [f"{what} `{word}`" for what, word in wanted if word not in words]


def test_every_keyword_role_and_unit_is_on_the_language_page():
    assert undescribed(PAGE.read_text(encoding="utf-8")) == [], "describe these in docs/language.md"


@pytest.mark.parametrize(
    ("old", "new", "missing"),
    [
        ("`job-suffix S`", "`suffix S`", None),  # still written elsewhere on the page
        ("job-suffix", "suffix", "keyword `job-suffix`"),
        ("`installation`", "", "role `installation`"),
        ("`blocks`", "", "disk size unit `blocks`"),
    ],
)
def test_a_word_the_page_no_longer_shows_is_caught(old, new, missing):
    page = PAGE.read_text(encoding="utf-8")
    assert old in page
    found = undescribed(page.replace(old, new))
    assert found == ([missing] if missing else [])


def test_a_word_in_prose_or_a_comment_does_not_count():
    page = "`workers N`\n\nThe word job-suffix in prose.\n\n"
    page += "```bkr\nmember A { workers 2 }  # job-suffix C\n```\n"
    words = shown_words(page)
    assert {"workers", "member"} <= words and "job-suffix" not in words


def _characters(klass: str) -> set[str]:
    """The characters of a regex character class such as `[A-Za-z0-9$#@_+\\-:.]`."""
    import string

    return {c for c in string.printable if re.fullmatch(klass, c)}


def name_rule_problems(page: str) -> list[str]:
    """Where the page's sentence on names differs from the grammar's NAME token."""
    from bkrdsl.keywords import vocabulary

    v = vocabulary()
    start, chars = _characters(v.name_start), _characters(v.name_char) | _characters(v.name_start)
    sentence = (
        r"(?:\*\*Names and values\*\* are words|A name is a word) of `([^`]+)`,?\s+"
        r"(?:not\s+starting|that\s+does\s+not\s+start)\s+with\s+((?:`[^`]+`(?:,\s+|\s+or\s+)?)+)"
    )
    m = re.search(sentence, page)
    if m is None:
        return ["no sentence that says which characters a name is made of"]
    listed = set()
    for item in m.group(1).split():
        listed |= set(_characters(f"[{item}]") if re.fullmatch(r".-.", item) else item)
    not_first = set(re.findall(r"`([^`]+)`", m.group(2)))
    out = []
    if listed != chars:
        out.append(f"the page lists {sorted(listed - chars)} too many, {sorted(chars - listed)} too few")
    if not_first != chars - start:
        out.append(f"a name may not start with {sorted(chars - start)}; the page says {sorted(not_first)}")
    return out


@pytest.mark.parametrize("page", [PAGE, ROOT / "docs" / "editors.md"], ids=lambda p: p.name)
def test_the_characters_of_a_name_are_the_grammars(page):
    assert name_rule_problems(page.read_text(encoding="utf-8")) == []


def test_a_wrong_character_list_is_caught():
    page = PAGE.read_text(encoding="utf-8")
    assert name_rule_problems(page.replace("_ * % ? + - : .`", "_ * % + - : .`", 1)) != []
    assert name_rule_problems(page.replace("`+`, `-`, `:` or `.`", "`+`, `-` or `:`", 1)) != []
