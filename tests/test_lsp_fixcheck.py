"""A quick fix's check without a parse (`lsp/fixcheck.py`) says what a full analysis says.

Where a fix writes plain names only, the language server checks the fixed text from
the tree of the text renamed, not parsed again. Over every fix the rule and slip
tables give (tests/test_fixes.py's slips of prodssi.bkr, every block of every
rule's explanation, tests/data's rule files and malformed files, the benchmark's
slips) and every name of prodssi.bkr misspelt, each fix alone and a round's fixes
together: where the fast path answers, its diagnostics must be those of the full
analysis of the fixed text (code, severity, message, every place, related places
and fixes), and so what `fixes.introduced` counts of them (the verdict: whether the
quick fix is offered, and the reason shown when it is not).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import test_fixes
from conftest import ROOT

from bkrdsl import ast
from bkrdsl import fixes as mend
from bkrdsl.diagnostics import Fix
from bkrdsl.diagnostics.registry import examples, load_all
from bkrdsl.lsp import features as F
from bkrdsl.lsp import fixcheck
from bkrdsl.lsp.document import analyse_document

PRODSSI = ROOT / "examples" / "prodssi.bkr"
BASE = PRODSSI.read_text(encoding="utf-8")


def _slips() -> list[tuple[str, str, Path | None]]:
    """(name, text, path) of every text of the tables."""
    out = []
    for table, rows in vars(test_fixes).items():
        if not (table.isupper() and isinstance(rows, list)):
            continue
        for i, row in enumerate(rows):
            slip = isinstance(row, tuple) and len(row) >= 2 and all(isinstance(x, str) for x in row[:2])
            if slip and row[0] in BASE:
                out.append((f"{table}[{i}]", BASE.replace(row[0], row[1], 1), PRODSSI))
    for code, entry in sorted(load_all().items()):
        for i, example in enumerate(examples(entry)):
            out.append((f"{code} example {i}", example.text, None))
    data = ROOT / "tests" / "data"
    for path in sorted([*data.glob("rules/*.bkr"), *data.glob("malformed/*.bkr")]):
        try:
            out.append((path.name, path.read_text(encoding="utf-8"), path))
        except UnicodeDecodeError:  # no buffer an editor sends
            continue
    out += [  # bench/lsp_fixes_bench.py's: applied, and refused (BKR324)
        ("bench BKR332", BASE.replace("disk BKRBKUP 191", "disk BKRBKP 191"), PRODSSI),
        ("bench BKR332 refused", BASE.replace("disk BKRCATLG 191", "disk BKRBKP 191"), PRODSSI),
    ]
    return out


def _misspelt() -> list[tuple[str, str, Path | None]]:
    """prodssi.bkr with each plain name of it misspelt (its last letter dropped, its
    last two swapped), one at a time: the "did you mean" fixes of every kind of name."""
    doc = analyse_document(str(PRODSSI), BASE, path=PRODSSI)
    main = doc.analysis.program.main
    words = sorted({w.span for w in _words(main) if fixcheck.plain(w.text) and len(w.text) > 2})
    out = []
    for span in words:
        name = BASE[span.start : span.end]
        for wrong in (name[:-1], name[:-2] + name[-1] + name[-2]):
            if wrong != name:
                text = BASE[: span.start] + wrong + BASE[span.end :]
                out.append((f"{name} -> {wrong} at {span.line}:{span.column}", text, PRODSSI))
    return out


def _words(node):
    if isinstance(node, ast.Word):
        yield node
    elif isinstance(node, tuple):
        for child in node:
            yield from _words(child)
    elif hasattr(node, "__dataclass_fields__"):
        for name in node.__dataclass_fields__:
            if name != "comments":
                yield from _words(getattr(node, name))


def _compared(name: str, text: str, path: Path | None) -> tuple[int, int]:
    """(fixes the fast path checked, fixes it left to a full analysis) in one text;
    fails where the fast path and the full analysis differ."""
    file = str(path) if path is not None else f"/nowhere/{re.sub(r'[^A-Za-z0-9]', '_', name)}.bkr"
    doc = analyse_document(file, text, path=path)
    offered = F.fixes(doc, 0, 10**6)
    before = doc.analysis
    rounds = [[f.diagnostic] for f in offered]
    together = mend.choose([f.diagnostic for f in offered], doc.name)
    if len(together) > 1:
        rounds.append(together)
    fast = slow = 0
    for chosen in rounds:
        quick = fixcheck.analysis(before, chosen, doc.name, doc.dialect)
        if quick is None:
            slow += 1
            continue
        fast += 1
        full = F._reanalysis(doc, {doc.name: mend.apply(doc.text, chosen)}, None)
        titles = [d.fix.title for d in chosen]
        assert quick.diagnostics == full.diagnostics, (name, titles)
        assert quick.program.diagnostics == full.program.diagnostics, (name, titles)
        verdict = mend.introduced(before, quick, chosen, doc.name)
        assert verdict == mend.introduced(before, full, chosen, doc.name), (name, titles)
    return fast, slow


@pytest.mark.parametrize("source", ["tables", "misspelt"])
def test_the_fast_check_of_a_fix_gives_what_the_full_analysis_gives(source):
    cases = _slips() if source == "tables" else _misspelt()
    fast = slow = 0
    for name, text, path in cases:
        f, s = _compared(name, text, path)
        fast, slow = fast + f, slow + s
    # Not vacuous: most name fixes take the fast path (counts as of its introduction).
    assert fast >= (30 if source == "tables" else 50), (fast, slow)


def test_the_benchmark_s_slips_take_the_fast_path_and_the_refused_one_stays_refused():
    for old, gives in (("disk BKRBKUP 191", []), ("disk BKRCATLG 191", ["BKR324"])):
        text = BASE.replace(old, "disk BKRBKP 191")
        doc = analyse_document(str(PRODSSI), text, path=PRODSSI)
        (fix,) = [f for f in F.fixes(doc, 0, 10**6) if f.diagnostic.code == "BKR332"]
        quick = fixcheck.analysis(doc.analysis, [fix.diagnostic], doc.name, doc.dialect)
        assert quick is not None
        assert [d.code for d in mend.introduced(doc.analysis, quick, [fix.diagnostic], doc.name)] == gives
        assert [[d.code for d in g] for g in F.fixes_give(doc, [fix])] == [gives]


@pytest.mark.parametrize(
    ("written", "new"),
    [
        ("BKRBKUP", "on"),  # a keyword
        ("BKRBKUP", "jobsuffix"),  # a hyphenated keyword without its hyphen
        ("BKRBKUP", "LNX*"),  # a pattern
        ("BKRBKUP", "1BKRBKUP"),  # a number's first character
        ("BKRBKUP", "BKR BKUP"),  # two words
    ],
)
def test_a_fix_that_writes_anything_but_a_plain_name_is_analysed_in_full(written, new):
    doc = analyse_document(str(PRODSSI), BASE.replace("disk BKRBKUP 191", "disk BKRBKP 191"), path=PRODSSI)
    (fix,) = [f for f in F.fixes(doc, 0, 10**6) if f.diagnostic.code == "BKR332"]
    d = fix.diagnostic
    (edit,) = d.fix.edits
    other = dataclasses.replace(d, fix=Fix(d.fix.title, (edit._replace(new_text=new),)))
    assert fixcheck.analysis(doc.analysis, [d], doc.name, doc.dialect) is not None
    assert fixcheck.analysis(doc.analysis, [other], doc.name, doc.dialect) is None
