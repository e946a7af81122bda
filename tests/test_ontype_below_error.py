"""Formatting as you type below a syntax error, hunted for a difference.

Below a syntax error near the top, the indentation of a typed line reads the
blocks closed once the parser's recovery from it is over as empty
(`fmt.ontype._cut_below_error`, `_past_error`). That is sound only while each of
its conditions holds: the text without the error's line reads clean, Lark's
parser is in the same state at the cut with the line and without it, and the
text from the error's line to the cut is read whole. A seeded search makes
slips near the top of the examples and of a generated cluster (a keyword
misspelt, a brace missing or too many, a text not closed on its line, a stray
character, a statement half typed or in the wrong block, lines deleted) and
holds the skimmed answer to the whole one at lines below the slip.

The suite runs the same cases every time (SEED); to hunt with other seeds:

    BKRDSL_ONTYPE_HUNT=2000 pytest tests/test_ontype_below_error.py -p no:cacheprovider -q
"""

from __future__ import annotations

import os
import random
import re

import pytest
from conftest import EXAMPLES

#: Cases the suite tries (some 10 s); BKRDSL_ONTYPE_HUNT=N tries N from a fresh seed.
HUNT = int(os.environ.get("BKRDSL_ONTYPE_HUNT", "0") or 0)
CASES = HUNT or 40
SEED = random.SystemRandom().randrange(1 << 32) if HUNT else 13
#: Lines asked below the slip in each case (the last line always among them).
LINES_ASKED = 6

_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")


def generated_cluster(rng: random.Random, groups: int, jobs: int) -> str:
    """A cluster of members, groups (on one line and on several, one ending with
    `match`) and jobs of every statement the examples use."""
    out = ["import std/backup-manager", "", "cluster GEN {", '  description "generated"']
    for m in range(1, 4):
        if rng.random() < 0.5:
            out.append(f"  member VMSYS{m} {{ workers {m + 1}  private-volume M{m}PRV1 }}")
        else:
            out += [f"  member VMSYS{m} {{", f"    workers {m + 1}", "    exclude minidisk * 0192", "  }"]
    out += ["  shared-volume VMCOM1", "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1"]
    out += ["  expire on VMSYS1 {", "    preview daily 01:00", "    retain 35 days", "  }"]
    out += ["  disk BKRBKUP 191 size 10 cyl", "  disk BKRWRK* 191 size 5 cyl"]
    for g in range(groups):
        kind = rng.choice(("single", "identity"))
        if rng.random() < 0.5:
            out.append(f"  {kind} group G{g:03d} {{ LNX{g:04d} WAS{g:04d}  match APP{g:03d}* }}")
        else:
            out += [f"  {kind} group G{g:03d} {{", f"    LNX{g:04d} match", f"    APP{g:03d}*", f"    WAS{g:04d}", "  }"]
    for j in range(jobs):
        out += [f"  job J{j:03d} {{"]
        if rng.random() < 0.3:
            out.append(f'    description "job {j}"')
        out.append(f"    backup G{j % max(groups, 1):03d}" + rng.choice(("", " full", " incremental")))
        out += rng.sample(["    include minidisk * 0191", "    exclude minidisk * 0190 019D 019E"], rng.randint(0, 2))
        out.append(rng.choice(("    to tape", "    to disk pool BKUPPOOL", "    to tape pool LNXTAPE")))
        out.append(rng.choice(("    run on VMSYS1 daily 01:00", "    run on each member weekly sun 03:30")))
        out.append("  }")
    out.append("}")
    return "\n".join(out) + "\n"


def base_texts(rng: random.Random) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.bkr"))]
    return texts + [generated_cluster(rng, rng.randint(5, 25), rng.randint(5, 25))]


def _slip(rng: random.Random, lines: list[str], top: int) -> tuple[str, list[str], int]:
    """One slip on one of the first `top` lines: (its kind, the lines, the first line changed)."""
    n = rng.randrange(top)
    line = lines[n]
    kind = rng.choice(
        ("misspelt", "brace-missing", "brace-extra", "string", "stray", "half-typed", "wrong-block", "deleted")
    )
    new = list(lines)
    if kind == "misspelt":
        words = list(_WORD.finditer(line))
        if not words:
            return _slip(rng, lines, top)
        w = rng.choice(words)
        k = rng.randrange(len(w.group()))
        spelt = rng.choice((w.group()[:k] + w.group()[k + 1 :], w.group()[:k] + "x" + w.group()[k:]))
        new[n] = line[: w.start()] + spelt + line[w.end() :]
    elif kind == "brace-missing":
        at = [k for k, c in enumerate(line) if c in "{}"]
        if not at:
            return _slip(rng, lines, top)
        k = rng.choice(at)
        new[n] = line[:k] + line[k + 1 :]
    elif kind in ("brace-extra", "string", "stray"):
        k = rng.randint(0, len(line))
        what = {"brace-extra": rng.choice("{}"), "string": '"half typed', "stray": rng.choice(";=@$%,*'\\")}[kind]
        new[n] = line[:k] + what + line[k:]
    elif kind == "half-typed":
        donor = rng.choice([x for x in lines if x.strip()])
        words = donor.split()
        new.insert(n, donor[: len(donor) - len(donor.lstrip())] + " ".join(words[: rng.randint(1, len(words))]))
    elif kind == "wrong-block":
        donor = rng.choice([x for x in lines if x.strip() and "{" not in x and "}" not in x])
        new.insert(n, donor)
    else:
        del new[n : n + rng.randint(1, 3)]
    return kind, new, n


def mutants(rng: random.Random, count: int):
    """`count` texts, each with one or two slips near the top: (kinds, text, the first line changed)."""
    bases = base_texts(rng)
    for _ in range(count):
        lines = rng.choice(bases).split("\n")
        kinds, first = [], len(lines)
        for _ in range(rng.choice((1, 1, 1, 2))):
            kind, lines, n = _slip(rng, lines, max(3, min(30, len(lines) // 3)))
            kinds.append(kind)
            first = min(first, n)
        yield kinds, "\n".join(lines), first


def asked_lines(rng: random.Random, text: str, first: int) -> list[int]:
    """Lines below the first changed: the last, the one right after the change (the
    statement typed after a block left open, whose recovery looks back at it), and
    some at random."""
    last = text.count("\n")
    below = range(first, last + 1)
    return sorted({last, min(first + 1, last), *rng.sample(below, min(LINES_ASKED - 1, len(below)))})


def differences(text: str, lines: list[int]) -> list[tuple[int, str | None, str | None]]:
    from bkrdsl.fmt.ontype import line_indent

    out = []
    for n in lines:
        skimmed, whole = line_indent(text, n), line_indent(text, n, skim=False)
        if skimmed != whole:
            out.append((n, skimmed, whole))
    return out


def test_a_slip_near_the_top_places_the_lines_below_it_as_reading_the_whole_text_does(monkeypatch):
    # Cases the shortcut below an error takes (`_past_error` cuts) are counted, so
    # that the search cannot quietly stop reaching it.
    from bkrdsl.fmt import ontype

    monkeypatch.delenv("BKRDSL_PARSER", raising=False)
    real_past_error, cut = ontype._past_error, []
    monkeypatch.setattr(ontype, "_past_error", lambda *a: cut.append(real_past_error(*a)) or cut[-1])
    rng = random.Random(SEED)
    found = []
    for kinds, text, first in mutants(rng, CASES):
        for n, skimmed, whole in differences(text, asked_lines(rng, text, first)):
            found.append((SEED, kinds, n + 1, skimmed, whole, text))
    assert not found, found[:3]
    assert sum(c is not None for c in cut) >= CASES // 4, (len(cut), sum(c is not None for c in cut))


#: A cluster whose `}` stands below a slip, groups of the file's own after it: the
#: part read after the cut (`_past_error`) holds a `}` that closes a block opened
#: before it, and the groups before it and after it were read as one run, the
#: cluster's `}` left out (the groups after it placed inside the cluster).
CLUSTER_CLOSED_BELOW_A_SLIP = """cluster C {
  frobnicate 3 4
  member VMSYS1 { workers 2 }
  single group A { X }
  single group B { Y }
}
single group D { Z }
single group E { W }
single group F {
  V
"""


@pytest.mark.parametrize("slip", ["  frobnicate 3 4\n", "  backup G full\n"])
def test_the_blocks_on_either_side_of_a_brace_that_closes_one_opened_above_the_cut_are_not_one_run(slip):
    from bkrdsl.fmt.ontype import line_indent

    text = CLUSTER_CLOSED_BELOW_A_SLIP.replace("  frobnicate 3 4\n", slip)
    last = text.count("\n") - 1
    assert line_indent(text, last) == line_indent(text, last, skim=False) == "  "


def test_a_tree_the_printer_cannot_walk_below_a_slip_is_placed_by_its_braces():
    # `expir{e`: recovery made a node of assumed tokens only, which has no place
    # (AttributeError from the outline, a traceback in the language server).
    from bkrdsl.fmt.ontype import line_indent

    text = (EXAMPLES / "prodssi.bkr").read_text(encoding="utf-8").replace("  expire on", "  expir{e on", 1)
    text = text.replace("  disk BKRBKUP", '  description "half typed\n  disk BKRBKUP', 1)
    for n in range(20, 34):
        assert line_indent(text, n) == line_indent(text, n, skim=False)


#: A group whose `}` is missing, a statement of the cluster typed on the line after its
#: user IDs: the recovery closes the group at it (BKR005), so the line goes where the
#: cluster's statements go. The group's lines were passed over (`skim`) as if the
#: text read clean to the typed line's end, and after an empty body the recovery
#: reads `expire on ZVMA` as user IDs (the line was placed in the group, at 4 columns).
GROUP_UNCLOSED_ABOVE_THE_TYPED_LINE = """cluster L {
  member ZVMA { workers 2 }
  member ZVMB { workers 2 }
  KIND group SYSIDS { TCPIP FTPSERVE
  TYPED"""


@pytest.mark.parametrize("kind", ["identity", "single"])
@pytest.mark.parametrize(
    "typed, indent",
    [
        ("expire on ZVMA {", "  "),
        ("job J1 {", "  "),
        ('description "prod"', "  "),
        # No error: user IDs (CATALOG, SHARED, ...) whichever way it is read.
        ("catalog shared server BKRSVSFS pool BKRPOOL on ZVMA", "    "),
    ],
)
@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_line_typed_after_an_unclosed_group_is_placed_as_reading_its_user_ids_does(
    kind, typed, indent, parser, monkeypatch
):
    from bkrdsl.fmt.ontype import line_indent

    if parser == "lark":
        monkeypatch.setenv("BKRDSL_PARSER", "lark")
    else:
        monkeypatch.delenv("BKRDSL_PARSER", raising=False)
    text = GROUP_UNCLOSED_ABOVE_THE_TYPED_LINE.replace("KIND", kind).replace("TYPED", typed)
    assert line_indent(text, 4) == line_indent(text, 4, skim=False) == indent
