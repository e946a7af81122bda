"""One slip, one diagnostic: a cascade audit of `bkrc check` (docs/diagnostics.md,
"One slip, one diagnostic").

Takes every example (examples/*.bkr, and examples/site/common.bkr through the
cluster that imports it) and applies, one at a time, single slips a z/VM system
programmer makes: a typo in a user, group, member or volume name at one use; a
declaration deleted; a statement deleted; a statement moved into a block that
does not take it; `single` changed to `identity` and back; a number out of
range; a missing unit; a name too long; a `}` deleted; a line duplicated; a
time like `2:00` or `25:00`; a member renamed at its declaration only; an SFS
path's file pool left out, its `:` typed as a blank, a blank after its `:`;
`sfs` written for `minidisk` and the other way; a `backup` line copied, in its
job, at the other level; a group's users written without its braces; a
`disk` size's unit before its number, a minidisk selection's owner after its
first address; a `disk` address after `size`, a volume label before its
keyword, a `run`'s schedule before its member; a selection's `include` or
`exclude` left out; a comment written without a blank before its `#` (`#x`
glued to each word of each line in turn); an SFS path's file pool mistyped
(two letters swapped, one left out, one doubled). Each
damaged text is checked in memory (`bkrdsl.pipeline.analyse`) with both
parsers (the fast one, and Lark with BKRDSL_PARSER=lark), and the diagnostics
the example already has (its warnings) are set aside: what is left is what the
slip caused.

    python bench/cascades.py              # the summary, and every slip that gives
                                          # more than one diagnostic or whose first
                                          # one is not on the slip's line; then the
                                          # slips that give none, by judgement (SILENT),
                                          # and those whose first one is off the
                                          # slip's line, by judgement (OFF_SLIP)
    python bench/cascades.py --all        # every slip and its diagnostics
    python bench/cascades.py --json OUT   # the whole result, for a comparison

It lives in bench/, not tests/: it measures (how many slips give one diagnostic)
rather than asserts; a slip that really breaks two rules may rightly report
two, so no count is a pass or a failure. The cascades it found and that were
mended are rule cases of their own (tests/data/rules/*.fail-*.bkr: each file
reports exactly what it expects); tests/test_bench.py runs it on one example
and holds the two parsers to the same diagnostics for every slip.
Deterministic: the same tree always gives the same slips and figures.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bkrdsl.pipeline import analyse
from bkrdsl.syntax import PARSER_VARIABLE

EXAMPLES = ROOT / "examples"
#: The module examples/site/common.bkr is checked through the cluster that imports it.
SITE_MODULE = EXAMPLES / "site" / "common.bkr"
SITE_CLUSTER = EXAMPLES / "with-site.bkr"


@dataclass(frozen=True)
class Slip:
    """One damaged copy of one file: which kind of slip, where (1-based line of the
    damaged text), what was done, and whether a diagnostic is expected on that line
    (not for a declaration deleted or renamed: the uses it leaves are reported)."""

    file: Path
    kind: str
    line: int
    what: str
    text: str
    at_slip: bool = True


# --- the slips ------------------------------------------------------------------

_STATEMENT = re.compile(r"^\s*[a-z][a-z-]*\b")
_TIME = re.compile(r"\b(\d\d):(\d\d)\b")


def _typo(name: str) -> str:
    """A slip of the fingers: two letters in the middle swapped, or, where they are
    the same, one of them doubled."""
    i = max(1, len(name) // 2)
    a, b = name[i - 1], name[i]
    if a != b:
        return name[: i - 1] + b + a + name[i + 1 :]
    return name[:i] + a + name[i:]


def _replace_at(line: str, match_start: int, old: str, new: str) -> str:
    return line[:match_start] + new + line[match_start + len(old) :]


def _declared(lines: list[str]) -> dict[str, set[str]]:
    """The names each kind of declaration gives, read from the lines themselves."""
    names: dict[str, set[str]] = collections.defaultdict(set)
    for line in lines:
        if m := re.match(r"\s*member\s+(\S+)", line):
            names["member"].add(m.group(1))
        if m := re.match(r"\s*(?:single|identity)\s+group\s+(\S+)", line):
            names["group"].add(m.group(1))
        for m in re.finditer(r"(?:private|shared)-volume\s+(\w+)", line):
            names["volume"].add(m.group(1))
    return names


def _typos(lines: list[str]) -> Iterator[tuple[int, str, str]]:
    """A typo at each use of a member, group, volume or user name."""
    declared = _declared(lines)
    for n, line in enumerate(lines):
        code = line.split("#", 1)[0]
        uses: list[tuple[str, re.Match]] = []
        uses += [("member", m) for m in re.finditer(r"\bon\s+(\w+)", code) if m.group(1) in declared["member"]]
        if re.match(r"\s*backup\s", code):
            uses += [("group", m) for m in re.finditer(r"\b(\w+)\b", code) if m.group(1) in declared["group"]]
        if m := re.match(r"\s*disk\s+([A-Z0-9$#@]+)\s", code):
            uses.append(("user", m))
        uses += [("user", m) for m in re.finditer(r"\bserver\s+(\w+)", code)]
        uses += [("volume", m) for m in re.finditer(r"\bon\s+(\w+)", code) if m.group(1) in declared["volume"]]
        for kind, m in uses:
            name = m.group(1)
            wrong = _typo(name)
            yield n, _replace_at(line, m.start(1), name, wrong), f"{kind} `{name}` typed `{wrong}`"


def _numbers(line: str) -> Iterator[tuple[str, str]]:
    """Numbers out of range, and units left out, on one line."""
    rules = [
        (r"\bworkers (\d+)", "99", "workers"),
        (r"\bretain (\d+)", "0", "retain"),
        (r"\bsize (\d+)", "0", "size"),
        (r"\bmonthly (\d+)", "32", "monthly day"),
        (r"^\s*disk \S+ (\d+)", "10000", "minidisk address"),
    ]
    for pattern, bad, what in rules:
        if m := re.search(pattern, line):
            yield _replace_at(line, m.start(1), m.group(1), bad), f"{what} {m.group(1)} -> {bad}"
    for pattern, what in [(r"\bsize \d+( cyl)", "size's unit"), (r"\bretain \d+( days)", "retain's unit")]:
        if m := re.search(pattern, line):
            yield line[: m.start(1)] + line[m.end(1) :], f"{what} left out"


def _too_long(line: str) -> Iterator[tuple[str, str, bool]]:
    """A CP or CMS name one to three characters past its 8 (a member, job, cluster
    or pool name of 6 or more; a shorter one is rarely typed 9 long). A group
    name may be longer: for it this is a rename at its declaration, reported
    where it is used (not at the slip)."""
    for pattern, limited in (
        (r"^\s*job\s+(\w+)", True),
        (r"^\s*member\s+(\w+)", True),
        (r"^\s*(?:single|identity)\s+group\s+(\w+)", False),
        (r"^\s*cluster\s+(\w+)", True),
        (r"\bpool\s+(\w+)", True),
    ):
        if (m := re.search(pattern, line)) and len(m.group(1)) >= 6:
            name = m.group(1)
            longer = name + "XYZ"[: max(1, 9 - len(name))]
            yield _replace_at(line, m.start(1), name, longer), f"`{name}` made `{longer}` ({len(longer)} characters)", limited


#: A whole SFS path, POOL:USER.DIR..., after `include sfs` or `exclude sfs`.
_SFS_PATH = re.compile(r"\b([A-Za-z][A-Za-z0-9]{0,7}):([A-Za-z0-9$#@_*%?-]+(?:\.\S+)?)")


def _sfs_slips(code: str) -> Iterator[tuple[str, str]]:
    """On an `include sfs` or `exclude sfs` line, each path written as CMS's
    habits or a slip of the fingers leave it: its file pool left out
    (`CICSPRD.*`, as a user's own default pool allows), its `:` typed as a
    blank (`BKRPOOL CICSPRD.*`), a blank after its `:` (`BKRPOOL: CICSPRD.*`)."""
    if not re.match(r"\s*(?:include|exclude)\s+sfs\b", code):
        return
    for m in _SFS_PATH.finditer(code):
        pool, rest = m.group(1), m.group(2)
        for new, what in (
            (rest, "file pool left out"),
            (f"{pool} {rest}", "`:` typed as a blank"),
            (f"{pool}: {rest}", "a blank after the `:`"),
        ):
            yield code[: m.start()] + new + code[m.end() :], f"`{m.group(0)}`: {what} (`{new}`)"


def _sfs_pool_typos(code: str) -> Iterator[tuple[str, str]]:
    """On an `include sfs` or `exclude sfs` line, each path's file pool mistyped
    as fingers slip: two letters in the middle swapped (as `_typo`), one left out,
    one doubled (`BKPROOL`, `BKROOL`, `BKRPPOOL` for `BKRPOOL`)."""
    if not re.match(r"\s*(?:include|exclude)\s+sfs\b", code):
        return
    for m in _SFS_PATH.finditer(code):
        pool = m.group(1)
        i = len(pool) // 2
        for wrong, what in (
            (_typo(pool), "two letters swapped"),
            (pool[:i] + pool[i + 1 :], "a letter left out"),
            (pool[:i] + pool[i] + pool[i:], "a letter doubled"),
        ):
            if wrong != pool:
                yield _replace_at(code, m.start(1), pool, wrong), f"pool `{pool}` of `{m.group(0)}` typed `{wrong}` ({what})"


#: A word of a line's code, as a comment glued to it would end it: not a brace, a
#: comma or a quoted text (after a `"` a `#` starts a comment, as after a `}`).
_WORD = re.compile(r'"(?:[^"\\\n]|\\.)*"|[^\s{},"]+')


def _hash_glued(code: str) -> Iterator[tuple[str, str]]:
    """A comment written without a blank before its `#`: `#x` glued to each word of
    the line's code in turn (`retain 30 days#x`, `catalog shared#x server ...`).
    A `#` starts a comment only where a token starts; inside a word it is part of
    the word (docs/language.md), so `days#x` is one word, no keyword."""
    for m in _WORD.finditer(code):
        if m.group(0).startswith('"'):
            continue
        yield code[: m.end()] + "#x" + code[m.end() :], f"`#x` glued to `{m.group(0)}`"


def _swaps(code: str) -> Iterator[tuple[str, str]]:
    """Two words the other way round: a `disk` size's unit before its number
    (`size cyl 10`), a minidisk selection's owner after its first address
    (`exclude minidisk 0190 * 019D`)."""
    for pattern in (r"\bsize (\d+) (\w+)", r"^\s*(?:include|exclude) minidisk (\S+) (\S+)"):
        if (m := re.search(pattern, code)) and m.group(1) != m.group(2):
            new = code[: m.start(1)] + m.group(2) + code[m.end(1) : m.start(2)] + m.group(1) + code[m.end(2) :]
            yield new, f"`{m.group(1)} {m.group(2)}` written `{m.group(2)} {m.group(1)}`"


def _keyword_swaps(code: str) -> Iterator[tuple[str, str]]:
    """A keyword and a value next to it the other way round: a `disk` address after
    `size` (`disk BKRBKUP size 191 10 cyl`), a volume label before its keyword
    (`ZAPRV1 private-volume`), a `run`'s schedule before its member (`run on weekly
    ZVMA sun 22:00`)."""
    for pattern in (
        r"^\s*disk \S+ (\S+) (size)\b",
        r"\b((?:private|shared)-volume) (\w+)",
        r"\brun on (\w+) (daily|weekly|monthly|manual)\b",
    ):
        if m := re.search(pattern, code):
            new = code[: m.start(1)] + m.group(2) + code[m.end(1) : m.start(2)] + m.group(1) + code[m.end(2) :]
            yield new, f"`{m.group(1)} {m.group(2)}` written `{m.group(2)} {m.group(1)}`"


def _blocks(lines: list[str]) -> list[tuple[int, int, str]]:
    """Each block that opens and closes on lines of its own: (first, last, keyword)."""
    found, stack = [], []
    for n, line in enumerate(lines):
        code = line.split("#", 1)[0]
        if code.rstrip().endswith("{") and "}" not in code:
            stack.append((n, code.split()[0]))
        elif code.strip() == "}" and stack:
            first, keyword = stack.pop()
            found.append((first, n, keyword))
    return found


def slips_of(path: Path, text: str) -> Iterator[Slip]:
    """Every single slip of one file, in a fixed order."""
    lines = text.split("\n")

    def changed(n: int, new: str | None, kind: str, what: str, at_slip: bool = True) -> Slip:
        damaged = lines[:n] + ([] if new is None else [new]) + lines[n + 1 :]
        return Slip(path, kind, n + 1, what, "\n".join(damaged), at_slip)

    for n, new, what in _typos(lines):
        yield changed(n, new, "typo in a name", what)
    for n, line in enumerate(lines):
        code = line.split("#", 1)[0]
        statement = _STATEMENT.match(code)
        if not statement or code.rstrip().endswith("{") and "}" not in code:
            continue
        word = statement.group(0).strip()
        if word in ("member", "single", "identity", "shared-volume"):
            yield changed(n, None, "declaration deleted", f"`{line.strip()}` deleted", at_slip=False)
        elif word not in ("import", "cluster"):
            yield changed(n, None, "statement deleted", f"`{line.strip()}` deleted", at_slip=False)
        if m := re.match(r"(\s*)(single|identity)\b", line):
            other = "identity" if m.group(2) == "single" else "single"
            yield changed(n, _replace_at(line, m.start(2), m.group(2), other), "single <-> identity", f"{m.group(2)} -> {other}")
        for new, what in _numbers(code):
            yield changed(n, new, "number or unit", what)
        for new, what, limited in _too_long(code):
            yield changed(n, new, "name too long", what, at_slip=limited)
        for m in _TIME.finditer(code):
            hour = int(m.group(1))
            if hour < 10:  # `2:00` for `02:00`: read as the same time
                short = f"{hour}:{m.group(2)}"
                yield changed(n, _replace_at(line, m.start(), m.group(0), short), "time", f"{m.group(0)} -> {short}")
            yield changed(n, _replace_at(line, m.start(), m.group(0), f"25:{m.group(2)}"), "time", f"{m.group(0)} -> 25:{m.group(2)}")
        if word != "import":
            damaged = lines[: n + 1] + [line] + lines[n + 1 :]
            yield Slip(path, "line duplicated", n + 2, f"`{line.strip()}` twice", "\n".join(damaged))
        if word == "backup" and (m := re.search(r"\b(full|incremental)\b", code)):
            # The line copied to make the job's other backup, in the same job.
            other = "incremental" if m.group(1) == "full" else "full"
            copy = _replace_at(line, m.start(1), m.group(1), other)
            damaged = lines[: n + 1] + [copy] + lines[n + 1 :]
            yield Slip(path, "backup copied at the other level", n + 2, f"`{line.strip()}` again as `{copy.strip()}`", "\n".join(damaged))
        if m := re.match(r"(\s*(?:single|identity)\s+group\s+\S+\s+)\{\s*(.*?)\s*\}\s*$", code):
            # A group's users written on its line without the braces.
            yield changed(n, m.group(1) + m.group(2) + line[len(code) :], "group without braces", f"`{code.strip()}` without its braces")
        for new, what in _swaps(code):
            yield changed(n, new + line[len(code) :], "two words swapped", what)
        for new, what in _keyword_swaps(code):
            yield changed(n, new + line[len(code) :], "keyword and value swapped", what)
        if m := re.match(r"\s*((?:include|exclude) )(?:minidisk|sfs)\b", code):
            # The selection's verb left out: the line starts with its medium.
            new = line[: m.start(1)] + line[m.end(1) :]
            yield changed(n, new, "selection's action deleted", f"`{m.group(1).strip()}` deleted")
        if m := re.match(r"\s*(?:include|exclude)\s+(minidisk|sfs)\b", code):
            other = "sfs" if m.group(1) == "minidisk" else "minidisk"
            new = _replace_at(line, m.start(1), m.group(1), other)
            yield changed(n, new, "medium swapped", f"`{code.strip()}` written `{new.split('#', 1)[0].strip()}`")
        for new, what in _sfs_slips(code):
            yield changed(n, new + line[len(code) :], "SFS path", what)
        for new, what in _sfs_pool_typos(code):
            yield changed(n, new + line[len(code) :], "SFS pool mistyped", what)
        if word == "member" and (m := re.match(r"\s*member\s+(\w+)", line)):
            name = m.group(1)
            new_name = name[:-1] + ("X" if name[-1] != "X" else "Y")
            yield changed(n, _replace_at(line, m.start(1), name, new_name), "member renamed at its declaration", f"`{name}` renamed `{new_name}` (its uses not)", at_slip=False)
    # A comment without a blank before its `#`, glued to each word of each line in turn.
    for n, line in enumerate(lines):
        code = line.split("#", 1)[0]
        declared = re.match(r"\s*(?:single|identity)\s+group\s+(\S+)", code)
        # the machines a `catalog` or `tape manager` statement names: declared there
        machines = set(_NAMES_MACHINE.findall(code)) if _NAMES_MACHINES_LINE.match(code) else set()
        for new, what in _hash_glued(code):
            # a group's or machine's name at its declaration: a rename, reported where it
            # is used (the machine's `disk`, BKR332, which names the `#`)
            at_slip = not (declared and what == f"`#x` glued to `{declared.group(1)}`") and not any(
                what == f"`#x` glued to `{name}`" for name in machines
            )
            yield changed(n, new + line[len(code) :], "comment without a blank", what, at_slip=at_slip)
    # A `}` deleted: each one alone on its line.
    for n, line in enumerate(lines):
        if line.split("#", 1)[0].strip() == "}":
            yield changed(n, None, "`}` deleted", f"the `}}` of line {n + 1} deleted", at_slip=False)
        elif (m := re.search(r"\}\s*(#.*)?$", line)) and "{" in line:
            yield changed(n, line[: m.start()] + line[m.start() + 1 :], "`}` deleted", "a one-line block's `}` deleted", at_slip=False)
    # A statement moved into a block that does not take it: the first statement of
    # each kind of block moved into the first block of each other kind.
    blocks = _blocks(lines)
    firsts = {}
    for first, last, keyword in blocks:
        firsts.setdefault(keyword, (first, last))
    for keyword, (first, last) in firsts.items():
        statement_line = next((i for i in range(first + 1, last) if _STATEMENT.match(lines[i])), None)
        if statement_line is None:
            continue
        for other, (o_first, _o_last) in firsts.items():
            if other == keyword:
                continue
            moved = list(lines)
            text_moved = moved.pop(statement_line)
            target = o_first + 1 if o_first < statement_line else o_first
            moved.insert(target, text_moved)
            yield Slip(path, "statement moved", target + 1, f"`{text_moved.strip()}` moved from a `{keyword}` block into a `{other}` block", "\n".join(moved))


# --- the silent slips, judged ------------------------------------------------------

#: What a slip that gives no diagnostic does, judged by its kind and what was done
#: (docs/diagnostics.md, "One slip, one diagnostic"): the first that matches.
#: "harmless" ones leave what is backed up, where and when as it was; the others
#: say why no check catches them.
SILENT: list[tuple[str, str, str]] = [
    (
        "comment without a blank",
        r"glued to `(?:std/|\./)",
        "harmless: after an import path a `#` starts the comment, as after a blank",
    ),
    (
        "comment without a blank",
        r"",
        (
            "not caught: `#` is a character of CP names, so `TCPIP#x`, `LNX*#x`, `*#x`, `match#x`"
            " (a user ID in a group body) and `POOL:USER.DIR#x` are names, valid ones: another user or pattern"
        ),
    ),
    ("time", r" -> \d:\d\d$", "harmless: means the same (`2:00` is `02:00`)"),
    ("", r"`description ", "harmless: free text"),
    ("statement deleted", r"`preview ", "harmless: the expiry's preview report only; nothing backed up or purged changes"),
    (
        "statement deleted",
        r"`retain ",
        "harmless to the output: bkrc writes the retention in BKREXPIR's header only, and sends none with EXPIRE",
    ),
    (
        "statement deleted",
        r"`exclude ",
        "backs up more (MAINT's CMS disk links, swap or scratch disks), nothing less: not caught, an exclude is optional",
    ),
    (
        "statement deleted",
        r"`include ",
        (
            "backs up less: not caught, the job left selects something of its own (an incremental job may select"
            " less than its full job; a full job's include its incremental job keeps is BKR417)"
        ),
    ),
    (
        "statement deleted",
        r"^`disk \S+ (?!191 )",
        (
            "harmless to what is backed up, where and when: a minidisk other than a machine's 191, which no check"
            " requires (the catalog's SFS server's file pool disk: the other examples declare none)"
        ),
    ),
    (
        "declaration deleted|member renamed",
        r"^`member |renamed",
        "a member used nowhere by name: caught with --directory only (deleted: BKR513, BKR514; renamed: BKR528)",
    ),
    (
        "typo in a name",
        r"^user `",
        (
            "the catalog's server misspelt (a `disk`'s user would be BKR332) where no `disk` names it:"
            " caught with --directory only (BKR253)"
        ),
    ),
]


def judged(row: dict) -> str:
    """Why a slip that gives no diagnostic gives none (SILENT); "not judged" for a
    shape no one has weighed yet."""
    for kind, what, judgement in SILENT:
        if re.search(kind, row["kind"]) and re.search(what, row["what"]):
            return judgement
    return "not judged"


#: Why the first diagnostic of a slip is not on the slip's line, judged by the slip's
#: kind, what was done and that diagnostic (code first, as `_where` writes it):
#: docs/diagnostics.md, "One slip, one diagnostic", "off the slip's line".
OFF_SLIP: list[tuple[str, str, str, str]] = [
    (
        "two words swapped",
        r"^`\* \S+` written `\S+ \*`$",
        r"^BKR116 ",
        "a job's only include written owner last: BKR116 at the job, which backs up nothing, the include its note",
    ),
    (
        "comment without a blank",
        r"^`#x` glued to `\*`$",
        r"^BKR116 ",
        "a job's only include with `#x` glued to its owner `*`: BKR116 at the job, the include its note",
    ),
    (
        "single <-> identity",
        r"",
        r"^BKR221 ",
        "a group's kind flipped where one job backs it up: BKR221 at the job, the group's kind related",
    ),
    (
        "typo in a name",
        r"^user `",
        r"^BKR332 \S+ `disk` for ",
        (
            "the catalog's server misspelt in the `catalog` statement: BKR332 at the `disk` naming the other"
            " spelling, the statement related (either may be the typo)"
        ),
    ),
    (
        "statement moved",
        r"^`description ",
        r"^BKR115 ",
        "a `description` moved into a block that has one: BKR115 at the second, the first related",
    ),
]


def judged_off(row: dict) -> str:
    """Why a slip's first diagnostic is not on the slip's line (OFF_SLIP); "not judged"
    for a shape no one has weighed yet."""
    for kind, what, first, judgement in OFF_SLIP:
        if re.search(kind, row["kind"]) and re.search(what, row["what"]) and re.search(first, row["fast"][0]):
            return judgement
    return "not judged"


# --- checking -------------------------------------------------------------------


def _said(d) -> tuple:
    return (d.code, d.message)


def diagnostics(slip: Slip, lark: bool) -> list:
    """The diagnostics of the damaged text, with the chosen parser."""
    before = os.environ.get(PARSER_VARIABLE)
    os.environ[PARSER_VARIABLE] = "lark" if lark else "fast"
    try:
        if slip.file == SITE_MODULE:
            damaged = slip.text.encode()

            def reader(path: Path) -> bytes:
                return damaged if path.resolve() == SITE_MODULE else path.read_bytes()

            return analyse(str(SITE_CLUSTER.relative_to(ROOT)), SITE_CLUSTER.read_bytes(), path=SITE_CLUSTER, reader=reader).diagnostics
        name = str(slip.file.relative_to(ROOT))
        return analyse(name, slip.text.encode(), path=slip.file).diagnostics
    finally:
        if before is None:
            del os.environ[PARSER_VARIABLE]
        else:
            os.environ[PARSER_VARIABLE] = before


def caused(slip: Slip, found: list, baseline: collections.Counter) -> list:
    """The diagnostics the slip caused: those the example does not already have."""
    left = collections.Counter(baseline)
    new = []
    for d in found:
        if left[_said(d)] > 0:
            left[_said(d)] -= 1
        else:
            new.append(d)
    return new


def _where(slip: Slip, d) -> str:
    span = d.span
    place = f"{Path(span.file).name}:{span.line}:{span.column}" if span else "-"
    return f"{d.code} {place} {d.message}"


#: A line of a `catalog` or `tape manager` statement, and the machines it names.
_NAMES_MACHINES_LINE = re.compile(r"\s*(?:catalog\s|tape\s+manager\s|catalog-dmm\s|request-dmm\s)")
_NAMES_MACHINE = re.compile(r"\b(?:server|catalog-node|request-node|catalog-dmm|request-dmm)\s+([^\s#]+)")


def _on_slip(slip: Slip, d) -> bool:
    return d.span is not None and Path(d.span.file).resolve() == slip.file.resolve() and d.span.line == slip.line


def audit(only: str | None = None) -> list[dict]:
    files = sorted(EXAMPLES.glob("*.bkr")) + [SITE_MODULE]
    rows = []
    for path in files:
        if only and only not in path.name:
            continue
        text = path.read_text(encoding="utf-8")
        original = Slip(path, "none", 0, "", text)
        baseline = collections.Counter(_said(d) for d in diagnostics(original, lark=False))
        for slip in slips_of(path, text):
            row = {"file": str(path.relative_to(ROOT)), "kind": slip.kind, "line": slip.line, "what": slip.what}
            for parser, lark in (("fast", False), ("lark", True)):
                new = caused(slip, diagnostics(slip, lark), baseline)
                row[parser] = [_where(slip, d) for d in new]
                row[f"{parser}_first_on_slip"] = _on_slip(slip, new[0]) if slip.at_slip and new else None
            if not row["fast"]:
                row["judged"] = judged(row)
            elif row["fast_first_on_slip"] is False:
                row["off_judged"] = judged_off(row)
            rows.append(row)
    return rows


def summary(rows: list[dict]) -> str:
    by_kind = collections.defaultdict(list)
    for row in rows:
        by_kind[row["kind"]].append(row)
    out = ["| slip | tried | 0 | exactly 1 | 2+ | first not on the slip | parsers differ |", "|---|---:|---:|---:|---:|---:|---:|"]

    def line(name: str, group: list[dict]) -> str:
        counts = [len(r["fast"]) for r in group]
        off = sum(1 for r in group if r["fast_first_on_slip"] is False)
        differ = sum(1 for r in group if r["fast"] != r["lark"])
        return (
            f"| {name} | {len(group)} | {counts.count(0)} | {counts.count(1)} | {sum(c > 1 for c in counts)} | {off} | {differ} |"
        )

    for kind, group in by_kind.items():
        out.append(line(kind, group))
    out.append(line("**all**", rows))
    judgements = collections.Counter(r["judged"] for r in rows if "judged" in r)
    if judgements:
        out += ["", "| slips with no diagnostic, judged | slips |", "|---|---:|"]
        out += [f"| {judgement} | {n} |" for judgement, n in judgements.most_common()]
    off = collections.Counter(r["off_judged"] for r in rows if "off_judged" in r)
    if off:
        out += ["", "| first diagnostic not on the slip, judged | slips |", "|---|---:|"]
        out += [f"| {judgement} | {n} |" for judgement, n in off.most_common()]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="list every slip, not only the doubtful ones")
    parser.add_argument("--json", type=Path, help="write every slip and its diagnostics to this file")
    parser.add_argument("--only", help="only the examples whose name contains this")
    args = parser.parse_args(argv)
    rows = audit(args.only)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    worst = sorted(rows, key=lambda r: -len(r["fast"]))
    for row in worst:
        doubtful = len(row["fast"]) > 1 or row["fast_first_on_slip"] is False or row["fast"] != row["lark"]
        if not (args.all or doubtful):
            continue
        print(f"{row['file']}:{row['line']}: {row['kind']}: {row['what']}: {len(row['fast'])} (lark {len(row['lark'])})")
        for said in row["fast"]:
            print(f"    {said}")
        if row["fast"] != row["lark"]:
            for said in row["lark"]:
                print(f"    lark: {said}")
    print()
    print(summary(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
