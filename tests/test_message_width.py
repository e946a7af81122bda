"""No message, help or label line is cut by the text renderer's `clip` for the
length of bkrc's own words.

`clip` cuts a line longer than MESSAGE_WIDTH with `...`, so that a name of
100,000 characters stays one line; a help cut there loses what the sysprog
needed last (BKR526's, on the README's own `--directory` check). Every
diagnostic of every example (with its directory, as README and docs/directory.md
run them), of every rule's failing example (`bkrc explain`, docs/rules/) and of
every case in tests/data is measured here with the names the user wrote at a CP
name's width: a name written shorter is counted as eight characters (another
site's member or machine may be that long), a longer one (a slip of its own,
clipped at QUOTE_WIDTH) as eight too. What is left over is bkrc's own text, which
must fit; a longer help is split into lines (a help line each, as the loader's
list of the places it searched).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from test_rules_support import cases, run

from bkrdsl.cpdirectory import read_directory
from bkrdsl.diagnostics.core import Diagnostic, Severity
from bkrdsl.diagnostics.registry import examples, load_all
from bkrdsl.diagnostics.render import _QUOTED, MESSAGE_WIDTH, clip
from bkrdsl.pipeline import Analysis, analyse
from bkrdsl.source import Source

#: A z/VM user ID, member, volume or pool name: at most eight characters.
NAME_WIDTH = 8
#: A name as bkrc quotes it: normalised to upper case (a keyword it quotes is lower case).
_NAME = re.compile(r"[A-Z0-9@#$_*+\-]*[A-Z][A-Z0-9@#$_*+\-]*")


def _written(sources: dict[str, Source]) -> set[str]:
    """Every word of every source, upper case: the names the user wrote (the standard
    library's included), each whole (`DAY`, a word of bkrc's, is not one for `DAYS`)."""
    return {
        word
        for s in sources.values()
        for n in range(1, s.line_count + 1)
        for word in _NAME.findall(s.line_text(n).upper())
    }


def own_width(line: str, written: set[str]) -> int:
    """The width of `line` with every name quoted in it that the user wrote at NAME_WIDTH."""
    def widen(m: re.Match) -> str:
        word = m.group(1)
        if word in written:
            return "`" + "N" * NAME_WIDTH + "`"
        return m.group(0)

    return len(_QUOTED.sub(widen, line))


def too_long(d: Diagnostic, sources: dict[str, Source]) -> list[str]:
    """Each line of `d`'s message, help and labels that bkrc's own words make longer than MESSAGE_WIDTH."""
    written = _written(sources)
    texts = [("message", d.message), ("help", d.help), ("label", d.label)]
    texts += [("related", r.label) for r in d.related]
    return [
        f"{d.code} {what} ({own_width(line, written)} characters, {len(line)} as written;"
        f" {'cut' if clip(line) != line else 'not cut'} here): {line}"
        for what, text in texts
        if text
        for line in text.split("\n")
        if own_width(line, written) > MESSAGE_WIDTH
    ]


def _with_directory(bkr: Path, direct: Path) -> Analysis:
    directory = read_directory(str(direct.relative_to(ROOT)), direct.read_bytes())
    return analyse(str(bkr.relative_to(ROOT)), bkr.read_bytes(), path=bkr, directory=directory)


def _runs() -> Iterator[tuple[str, object]]:
    """(id, a function giving the Analysis) for every input the module docstring names."""
    for bkr in sorted(EXAMPLES.rglob("*.bkr")):
        name = str(bkr.relative_to(ROOT))
        yield name, lambda bkr=bkr, name=name: analyse(name, bkr.read_bytes(), path=bkr)
        if bkr.with_suffix(".direct").exists():
            yield f"{name} --directory", lambda bkr=bkr: _with_directory(bkr, bkr.with_suffix(".direct"))
    slips = EXAMPLES / "broken" / "prodssi-slips.direct"
    yield "examples/prodssi.bkr --directory slips", lambda: _with_directory(EXAMPLES / "prodssi.bkr", slips)
    for code, entry in sorted(load_all().items()):
        for e in examples(entry):
            if e.expect:
                yield f"{code} explanation line {e.line}", lambda e=e: analyse("example.bkr", e.text.encode())
    for path in cases():
        yield f"rules/{path.name}", lambda path=path: run(path)
    for path in sorted((ROOT / "tests" / "data" / "malformed").glob("*.bkr")):
        name = f"malformed/{path.name}"
        yield name, lambda path=path, name=name: analyse(name, path.read_bytes(), path=path)


RUNS = dict(_runs())


@pytest.mark.parametrize("name", sorted(RUNS))
def test_no_line_is_cut_for_bkrc_s_own_words(name):
    analysis = RUNS[name]()
    assert [line for d in analysis.diagnostics for line in too_long(d, analysis.sources)] == []


@pytest.mark.parametrize(
    ("line", "cut"),
    [
        # the user's long name alone makes it long: clipped at QUOTE_WIDTH, bkrc's text fits
        ("job `" + "J" * 400 + "` names no member", False),
        # bkrc's own words: too long whatever the names
        ("write `daily 02:00` " + "and more advice " * 20, True),
        # short names written by the user, counted at eight characters each
        ("`VM1` " * 30 + "x" * 40, True),
        # a keyword bkrc quotes (lower case) is its own text, at its own width
        ("`on` " * 60, False),
    ],
)
def test_own_width_counts_the_users_names_at_a_cp_name_s_width(line, cut):
    sources = {"a.bkr": Source.of("a.bkr", "job " + "J" * 400 + " run on VM1\n")}
    d = Diagnostic("BKR001", Severity.ERROR, "m", None, help=line)
    assert bool(too_long(d, sources)) is cut


# stop 77, h8: BKR227 on a four-member cluster, the names at their full eight characters
def test_bkr227_on_four_members_is_not_cut():
    """prodssi's job SYSIN renamed SYSINCR (seven characters, as a sysprog names an
    incremental): BKR227's message listed `SYSINCR1 on VMSYS1` for each of the four
    members and was cut by the text renderer before it said on what the worker tasks'
    names are the same. It lists the names alone (the help says whose each is)."""
    text = (EXAMPLES / "prodssi.bkr").read_text().replace("job SYSIN {", "job SYSINCR {")
    analysis = analyse("prodssi.bkr", text.encode())
    (d,) = analysis.diagnostics
    assert d.code == "BKR227" and "SYSINCR1, SYSINCR2, SYSINCR3, SYSINCR4 share" in d.message
    assert clip(d.message) == d.message and too_long(d, analysis.sources) == []
    assert "SYSIN1 on VMSYS1" in d.help


# stop 77, h11: the slips of prodssi that BKR332, BKR230, BKR218 and BKR215 now word anew
_H11_TAPE = (
    "  tape manager shared catalog-node TCTMM on VMSYS1 request-node TRTMM\n"
    "                      catalog-dmm TCDMM request-dmm TRDMM\n"
)


@pytest.mark.parametrize(
    "edits",
    [
        [(
            _H11_TAPE,
            "  tape manager local\n",
        )],
        [(
            _H11_TAPE,
            "",
        )],
        [("  expire on VMSYS1 {\n", "  expire on VMSYS2 {\n    preview daily 01:00\n  }\n  expire on VMSYS1 {\n"),
         ("    preview daily 01:00\n    purge", "    purge")],
        [("expire on VMSYS1 {", "expire on VMSYS2 {")],
    ],
    ids=["tape-manager-local", "tape-manager-deleted", "preview-block-of-its-own", "purged-away"],
)
def test_prodssi_slips_are_not_cut(edits):
    """`tape manager local` (or the statement deleted): BKR230's help ran to 343 (312)
    characters at the names' full width, cut, saying the statements' disks were the Tape
    Manager machines, which BKR332 now says at them; BKR218's move and BKR215's reason fit."""
    text = (EXAMPLES / "prodssi.bkr").read_text()
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    analysis = analyse("prodssi.bkr", text.encode())
    assert analysis.diagnostics
    assert [line for d in analysis.diagnostics for line in too_long(d, analysis.sources)] == []
