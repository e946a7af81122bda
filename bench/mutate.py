"""Whole-command mutation fuzzing: damaged copies of real files through every command.

Each case takes a real file (examples/*.bkr, examples/broken/, examples/site/,
tests/cms/clusters/, the rules' cases in tests/data/rules/ and the malformed
files of tests/data/malformed/), applies one to four random edits (delete,
duplicate or swap a line or a word, change a number, change a name's case,
insert a keyword of the language, truncate the file, put in an `import` line
(of the file itself, the file importing it, a missing module...), put in a
`# bkrc: allow` comment (mostly of a warning the unedited file gives, on its line
or above it; else trailing another line or a `}`, in a quoted text, naming an
error, BKR026 or BKR027, a code or name mistyped, `alow`; or one moved), rename a
name the file uses in several places in one of them only or in all but one (a
member renamed in its block and not in `run on`: its number changed, two letters
swapped, another of the file's names pasted), comment something out as a
sysprog takes it out of service (a line, a job's or a member's block, with or
without its `}` line, the rest of a line; with `#`, or `*` and `/* */` from CMS
and REXX habit), paste a block as a sysprog pastes one (a job, member or group
block of another real file, its names that file's: the other cluster's members
in `run on`; or one of the file's blocks copied below itself and half edited:
its name changed or forgotten, one other name changed or none), write a
member's `subconfig` statement as a sysprog copies it off the CP directory (put
in with the site's name, bkrc's own, one too long, another member's number, a
machine with no SUBCONFIG or no name; the directory's `BUILD ON ... USING
SUBCONFIG` line pasted in; or one mangled: its keyword mistyped, its words the
other way round, its name left out, copied unchanged into another member, moved
into another member or out of the member blocks), slip the
punctuation (a brace, comma or quote deleted, doubled or a brace turned; a mark
put in at a word's edge, `;`, `=`, a backslash, brackets...); and what an
editor or a
transfer does to the characters, EDITOR: CRLF or CR line ends, tabs, a
byte-order mark, a letter outside ASCII or an odd blank, lines joined, a word
repeated thousands of times on its line, the last line cut short, a block
repeated, a line in blocks nested hundreds deep) and runs, in process, under
each parser (the fast one, and Lark with `BKRDSL_PARSER=lark`):

- `bkrc check` (text and JSON), `bkrc check --fix` on a copy of the file,
  `bkrc compile -o DIR` into a new DIR and into a
  DIR an earlier compile of the unedited file wrote, `bkrc fmt --check`,
  `bkrc fmt -`, `bkrc show --format json`;
- the language server's analysis of the buffer (`analyse_document`), where its
  diagnostics go (`placed`), its outline, folds, inlay hints, formatting, and
  hover, completion and definition at a random place.

What must hold (a broken one is printed with the seed, the case and the edits,
so that `--seed S --case N` replays it):

- no Python traceback, and exit codes as docs/output.md says: 0 or 1, never 2
  (an internal error) on a file that can be read;
- each diagnostic has a code, a line and a column, a help line, and in the text
  format its ` --> file:line:col`, the source line and a caret;
- the two parsers give the same diagnostics (JSON, byte for byte) and the same
  exit codes, the same output for every command;
- compile exits 1 exactly when check reports an error (check clean but compile
  failing is a bug), and then leaves no DIR, no temporary sibling, and the
  existing DIR byte for byte as it was; a compile into an existing DIR writes
  what a fresh one writes;
- `bkrc fmt`'s output is a fixed point (formatting it again changes nothing)
  and means what the input meant (bkrdsl.fmt.equivalence, and the same codes);
- `bkrc check --fix` exits as its report says, leaves no more errors than it
  found, reports what a check of the fixed file reports, and a second `--fix`
  leaves the file as it is (or, where the first held a warning's fix back,
  applies it, and the next leaves the file as it is);
- the language server reports what `bkrc check` reports;
- an allow sets aside exactly what it covers: the file with its `# bkrc: allow`
  comments blanked out reports what it reported and what they set aside (but for
  what was about those comments, BKR025-BKR027); and the language server's *Allow
  BKRnnn on this line* (one, at random) leaves that warning set aside and no more
  BKR025-BKR027 than before;
- (one case in `--hash-every`) compile in two fresh processes with different
  PYTHONHASHSEED writes the same bytes as the in-process compile.

A run ends with its counts: the cases that checked clean, compiled, formatted
and were read by the fast parser, and how many cases drew each edit kind, fewest
first (the kind a run of `--only` that kind would add most to).

    python bench/mutate.py --cases 500 --seed 7        # 500 cases, seed 7
    python bench/mutate.py --seed 7 --case 312 -v      # replay one, print its text
    python bench/mutate.py --minutes 30                # as many as fit, fresh seed
    python bench/mutate.py --editor --cases 300        # EDITOR's edits only
    python bench/mutate.py --allow --cases 300         # allow comments only
    python bench/mutate.py --only punctuation --minutes 10   # one edit alone

It is a tool for exploring, not a test: tests/test_fuzz_commands.py runs the
same oracle on a few derandomized cases in CI (docs/architecture.md, "Property
tests").
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import itertools
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The folders of real files, each drawn as often as the others (a folder of 300
#: rule cases would otherwise drown the examples).
ORIGINS = (
    ("examples", "*.bkr"),
    ("examples/broken", "*.bkr"),
    ("examples/site", "*.bkr"),
    ("tests/cms/clusters", "*.bkr"),
    ("tests/data/rules", "*.bkr"),
    ("tests/data/malformed", "*.bkr"),
    ("tests/data/rules/modules", "*.bkr"),
)
#: A module is checked through a file that imports it: its damage shows there,
#: in another file (the language server puts it at the import).
IMPORTED_BY = {
    "examples/site/common.bkr": "examples/with-site.bkr",
    "tests/data/rules/modules/zvm-ids.bkr": "tests/data/rules/BKR203.pass.bkr",
}
PARSERS = ("fast", "lark")
_WORD = re.compile(r'"[^"\n]*"?|[^\s{},"#]+')
_NUMBER = re.compile(r"\d+")
_HEADER = re.compile(r"^(error|warning|note|info)\[(BKR\d{3})\]: ", re.MULTILINE)


def origins() -> list[list[Path]]:
    """The real files, by folder (each folder a non-empty, sorted list)."""
    found = [[p for p in sorted((ROOT / folder).glob(pattern)) if _utf8(p)] for folder, pattern in ORIGINS]
    return [files for files in found if files]


def _utf8(path: Path) -> bool:
    """Whether `path` is text an editor could hold (the few files of other bytes test the decoder, not this)."""
    try:
        path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return False
    return True


def keywords() -> tuple[str, ...]:
    from bkrdsl.keywords import keywords as every_keyword

    return every_keyword()


# ----------------------------------------------------------------- the edits
def _line_edit(lines: list[str], rnd, how: str) -> str:
    i = rnd.randrange(len(lines))
    if how == "delete line":
        del lines[i]
    elif how == "duplicate line":
        lines.insert(i, lines[i])
    else:  # swap lines
        j = rnd.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return f"{how} {i + 1} and {j + 1}"
    return f"{how} {i + 1}"


def _word_edit(text: str, rnd, how: str) -> tuple[str, str]:
    words = list(_WORD.finditer(text))
    if not words:
        return text, f"{how}: no word"
    w = rnd.choice(words)
    a, b = w.span()
    if how == "delete word":
        return text[:a] + text[b:], f"{how} {w.group()!r} at {a}"
    if how == "duplicate word":
        return text[:b] + " " + w.group() + text[b:], f"{how} {w.group()!r} at {a}"
    if how == "swap words":
        v = rnd.choice(words)
        (a, b), (c, d) = sorted([w.span(), v.span()])
        if c < b:
            return text, f"{how}: the same word"
        return text[:a] + text[c:d] + text[b:c] + text[a:b] + text[d:], f"{how} at {a} and {c}"
    if how == "name case":
        word = w.group()
        changed = rnd.choice(
            [word.lower(), word.upper(), word.swapcase(), word[:1].upper() + word[1:].lower()]
        )
        return text[:a] + changed + text[b:], f"{how} {word!r} -> {changed!r}"
    # insert keyword: before or after the word
    keyword = rnd.choice(keywords())
    at = rnd.choice([a, b])
    return text[:at] + f" {keyword} "[at == a :] + text[at:], f"{how} {keyword!r} at {at}"


def _number_edit(text: str, rnd) -> tuple[str, str]:
    numbers = list(_NUMBER.finditer(text))
    if not numbers:
        return text, "change number: none"
    n = rnd.choice(numbers)
    new = rnd.choice(
        ["0", "1", "00", "7", "59", "60", "64", "65", "99", "999", "65535", "4294967296", "-1", "1.5"]
    )
    new = rnd.choice([new, str(int(n.group()) + rnd.choice([-1, 1])), n.group() * 2])
    return text[: n.start()] + new + text[n.end() :], f"change number {n.group()!r} -> {new!r} at {n.start()}"


#: What a sysprog's editor, terminal or file transfer does to a file's characters
#: rather than its words: line ends, tabs, a byte-order mark, letters outside
#: ASCII, lines joined or made very long, the last line cut short, a block
#: repeated, blocks nested deep.
EDITOR = (
    "line ends",
    "tab",
    "byte-order mark",
    "non-ASCII letter",
    "join lines",
    "long line",
    "cut last line",
    "repeat block",
    "nest blocks",
)

EDITS = (
    "delete line",
    "duplicate line",
    "swap lines",
    "delete word",
    "duplicate word",
    "swap words",
    "change number",
    "name case",
    "insert keyword",
    "truncate",
    "import line",
    "allow comment",
    "rename name",
    "comment out",
    "paste block",
    "punctuation",
    "subconfig",
    *EDITOR,
)

#: What an `import` line put in names: the file itself or the file that imports it
#: (a cycle, `./NAME` filled in), a module beside it or above it, one that is
#: missing, a standard module twice or misspelt, a Windows path, a file that is no
#: module, a name too long for any file system.
IMPORTS = (
    "./NAME",
    "../with-site",
    "../BKR203.pass",
    "./site/common",
    "./common",
    "./modules/zvm-ids",
    "./missing-module",
    "std/zvm73",
    "std/zvm-73",
    "std\\zvm73",
    "/etc/passwd",
    "./" + "x" * 300,
)

#: Letters a name or a comment may be given by a keyboard or a code page: accented
#: Latin-1 ones; the CMS code page's own (`¢`, `¬`, `¦`); ones whose case changes
#: their length or makes ASCII of them (`ß` upper is `SS`, `ﬁ` is `FI`, `ı` upper
#: is `I`, the Kelvin sign lower is `k`, `ſ` upper is `S`); blanks that are not
#: spaces (no-break, ideographic, zero width), U+2028 and U+0085, which
#: str.splitlines takes for line ends, a form feed, and a stray byte-order mark.
NON_ASCII = (
    "\u00e9\u00c4\u00df\u00f8\u00f1\u00a2\u00ac\u00a6\u0131\u212a\ufb01\u017f\u00b5"  # éÄßøñ¢¬¦ı, the Kelvin sign, ﬁ, ſ, µ
    "\u00a0\u3000\u200b\u2028\u0085\x0c\ufeff"
)


#: Edits that often leave a file that still checks clean: what compile, show and
#: the hash seeds get to see.
GENTLE = ("change number", "name case", "swap lines")


def _editor_edit(text: str, rnd, how: str) -> tuple[str, str]:
    """One of EDITOR's edits on `text`, and what it was."""
    if how == "line ends":
        end = rnd.choice(["\r\n", "\r"])
        if rnd.random() < 0.5:
            return text.replace("\n", end), f"every line end {end!r}"
        ends = [m.start() for m in re.finditer("\n", text)]
        if not ends:
            return text, f"{how}: one line"
        at = rnd.choice(ends)
        return text[:at] + end + text[at + 1 :], f"line end at {at} {end!r}"
    if how == "tab":
        blanks = [m.span() for m in re.finditer(" +", text)]
        if not blanks:
            return text, f"{how}: no blank"
        a, b = rnd.choice(blanks)
        tabs = "\t" * rnd.randint(1, 2)
        return text[:a] + tabs + text[b:], f"blank at {a} as {tabs!r}"
    if how == "byte-order mark":
        return "\ufeff" + text.removeprefix("\ufeff"), how
    if how == "non-ASCII letter":
        words = list(_WORD.finditer(text)) + list(re.finditer("#[^\n]*", text))
        at = rnd.choice([rnd.randint(*w.span()) for w in words]) if words else 0
        letter = rnd.choice(NON_ASCII)
        return text[:at] + letter + text[at:], f"{how} {letter!r} at {at}"
    if how == "join lines":  # line ends lost in a transfer: the lines run together
        lines = text.split("\n")
        i = rnd.randrange(len(lines))
        j = min(len(lines), i + rnd.randint(2, 40))
        return "\n".join(lines[:i] + [" ".join(lines[i:j])] + lines[j:]), f"{how} {i + 1} to {j}"
    if how == "long line":
        words = list(_WORD.finditer(text))
        if not words:
            return text, f"{how}: no word"
        w = rnd.choice(words)
        times = rnd.choice([50, 500, 3000])
        joint = rnd.choice([" ", ", ", ","])
        more = (joint + w.group()) * times
        return text[: w.end()] + more + text[w.end() :], f"{how}: {w.group()!r} {times} more times"
    if how == "cut last line":
        body = text.rstrip("\n")
        start = body.rfind("\n") + 1
        at = rnd.randint(start, len(body))
        return text[:at], f"{how} at {at - start} of {len(body) - start}"
    if how == "repeat block":
        opens = [m.end() for m in re.finditer("\\{", text)]
        if not opens:
            return text, f"{how}: no block"
        start = rnd.choice(opens)
        depth, end = 1, start
        while depth and end < len(text):
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        line_start = text.rfind("\n", 0, start) + 1
        block = text[line_start:end]
        times = rnd.choice([1, 2, 20])
        return text[:end] + ("\n" + block) * times + text[end:], f"{how} at {line_start} {times} more times"
    # nest blocks: a statement wrapped in blocks of the language's keywords, deep
    lines = text.split("\n")
    i = rnd.randrange(len(lines))
    depth = rnd.choice([2, 30, 300])
    opener = rnd.choice(["cluster C {", "member M {", "job J {", "expire on M {", "single group G {", "{"])
    lines[i] = f"{opener} " * depth + lines[i] + " }" * depth
    return "\n".join(lines), f"{how}: line {i + 1} in {depth} `{opener}`"


#: A name as the file writes it (upper case, as CP writes a user ID), whole: not a
#: keyword, a number, a time or a minidisk address, nor part of a longer word.
_NAME = re.compile(r"(?<![\w$#@*%?+\-:.])[A-Z$@_][A-Z0-9$#@_*%?+\-:.]*(?![\w$#@*%?+\-:.])")
#: What is neither a name nor a keyword: quoted text and comments (masked out, same length).
_NOT_CODE = re.compile(r'"[^"\n]*"?|#[^\n]*')


def _renamed(name: str, rnd, others: list[str]) -> tuple[str, str]:
    """A new name for `name`, and how it came: its number changed (`DEV1` -> `DEV2`),
    another name of the file pasted (it may be one the file gives something else), a
    prefix changed, or two of its letters typed the other way round."""
    how = rnd.choice(["number", "number", "other", "prefix", "typo"])
    if how == "other" and others:
        alike = [n for n in others if n[:2] == name[:2]]  # DEV2 for DEV1, rather than TCPIP
        return rnd.choice(alike or others), "another of the file's names"
    if how == "prefix":
        return "T" + name[1:] if name[0] != "T" else "P" + name[1:], "prefix changed"
    if how == "typo" and len(name) > 1:
        i = rnd.randrange(len(name) - 1)
        swapped = name[:i] + name[i + 1] + name[i] + name[i + 2 :]
        if swapped != name:
            return swapped, "letters swapped"
    digits = re.search(r"\d+$", name)
    if digits:
        width = len(digits.group())
        number = (int(digits.group()) + rnd.choice([1, 1, 2, -1])) % 10**width
        return name[: digits.start()] + str(number).zfill(width), "number changed"
    return name + "2", "number added"


def _rename_edit(text: str, rnd) -> tuple[str, str]:
    """A name the file uses in more than one place renamed in one of them only, or in
    every one but one (a rename by hand, or a search-and-replace that missed one): a
    member renamed in its block but not in `run on` or `expire on`, a group renamed
    where it is declared but not in the job that backs it up. Quoted text and comments
    are left as they are."""
    masked = _NOT_CODE.sub(lambda m: " " * len(m.group()), text)
    reserved = set(keywords())
    places: dict[str, list[tuple[int, int]]] = {}
    for m in _NAME.finditer(masked):
        if m.group().lower() not in reserved:
            places.setdefault(m.group(), []).append(m.span())
    twice = sorted(n for n, spans in places.items() if len(spans) > 1)
    if not twice:
        return text, "rename name: none used twice"
    name = rnd.choice(twice)
    new, how = _renamed(name, rnd, sorted(n for n in places if n != name))
    spans = places[name]
    k = rnd.randrange(len(spans))
    one = rnd.random() < 0.5
    changed = [spans[k]] if one else spans[:k] + spans[k + 1 :]
    for a, b in reversed(changed):
        text = text[:a] + new + text[b:]
    where = f"only at {spans[k][0]}" if one else f"everywhere but at {spans[k][0]}"
    return text, f"rename {name!r} -> {new!r} ({how}) {where} of {len(spans)} places"


#: How a sysprog marks a line out of service: `#` at the line's start or after its
#: indentation, and the habits of CMS and REXX, `*` and `/* ... */` (BKR016).
COMMENT_MARKS = ("# ", "# ", "# ", "#", "* ", "/* ")


def _comment_edit(text: str, rnd) -> tuple[str, str]:
    """Something taken out of service for a while by commenting it out, as a sysprog
    does to a job or a member (docs/language.md, comments): a line; a block inside
    the cluster (a job, a member, an `expire` block) from its `{` line to its `}`
    line, or with its `}` line forgotten; or the rest of a line from one of its words
    (`exclude minidisk * 0190 # 019D`). The mark is mostly `#`, at the indentation of
    the lines marked (as an editor's *toggle comment* puts it) or at the line's
    start, else `*` or `/* ... */`, as CMS files and REXX write a comment."""
    lines = text.split("\n")
    mark = rnd.choice(COMMENT_MARKS)
    close = " */" if mark == "/* " else ""
    at_start = rnd.random() < 0.3

    def out(chosen: list[str]) -> list[str]:
        indents = [len(line) - len(line.lstrip(" \t")) for line in chosen if line.strip()]
        n = 0 if at_start or not indents else min(indents)
        return [line[:n] + mark + line[n:] + close if line.strip() else line for line in chosen]

    how = rnd.choice(["line", "line", "block", "block", "block but its }", "rest of line"])
    if how == "rest of line":
        words = [  # a word of code after the line's first, not in a comment or a text
            (i, m.start())
            for i, line in enumerate(lines)
            for m in list(_WORD.finditer(_NOT_CODE.sub(lambda c: " " * len(c.group()), line)))[1:]
        ]
        if words:
            i, at = rnd.choice(words)
            lines[i] = lines[i][:at] + mark + lines[i][at:] + close
            return "\n".join(lines), f"comment out line {i + 1} from {at + 1} with {mark.strip()!r}"
        how = "line"
    if how != "line":
        blocks, depth = [], 0  # (the `{` line, its depth)
        for i, line in enumerate(lines):
            if "{" in line and "}" not in line:
                blocks.append((i, depth))
            depth += line.count("{") - line.count("}")
        inner = [i for i, d in blocks if d > 0] or [i for i, _ in blocks]
        if inner:
            first = rnd.choice(inner)
            depth, last = 0, first
            for last in range(first, len(lines)):
                depth += lines[last].count("{") - lines[last].count("}")
                if depth <= 0:
                    break
            end = last if how == "block but its }" and last > first else last + 1
            lines[first:end] = out(lines[first:end])
            return "\n".join(lines), f"comment out {how} lines {first + 1} to {end} with {mark.strip()!r}"
        how = "line"
    code = [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    i = rnd.choice(code) if code else rnd.randrange(len(lines))
    lines[i : i + 1] = out(lines[i : i + 1])
    return "\n".join(lines), f"comment out line {i + 1} with {mark.strip()!r}"


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """The blocks a sysprog copies whole, as (first, last) line indexes: a statement
    whose `{` ends a line, to the line of its `}`, or a block on one line (`member
    DEV1 { workers 2 }`, `single group G { A B }`); inside the cluster when the file
    has one (the cluster itself is no block to copy), else at the top."""
    found, open_at, depth = [], [], 0
    for i, line in enumerate(lines):
        code = _NOT_CODE.sub(lambda m: " " * len(m.group()), line)
        opens, closes = code.count("{"), code.count("}")
        if opens and opens == closes and re.match(r"\s*[^\s{}]", code):
            found.append((i, i, depth))
        for _ in range(max(opens - closes, 0)):
            open_at.append((i, depth))
            depth += 1
        for _ in range(max(closes - opens, 0)):
            if open_at:
                first, d = open_at.pop()
                found.append((first, i, d))
            depth = max(depth - 1, 0)
    inner = [(a, b) for a, b, d in found if d > 0]
    return sorted(set(inner or [(a, b) for a, b, _ in found]))


def _reindented(block: list[str], indent: str) -> list[str]:
    """`block`'s lines moved to start at `indent`, their nesting kept."""
    widths = [len(line) - len(line.lstrip(" \t")) for line in block if line.strip()]
    cut = min(widths, default=0)
    return [indent + line[cut:] if line.strip() else line for line in block]


def _paste_edit(text: str, rnd, name: str) -> tuple[str, str]:
    """A block pasted as a sysprog pastes one (docs/architecture.md, "Property tests"):
    a job, member or group block copied from another real file, its names that file's
    (the other cluster's members in `run on`), below one of this file's blocks; or one
    of this file's blocks duplicated below itself and half edited: the copy's name
    changed, or left as it was (forgotten), and of its other names one changed or none
    (a new job for another member whose `run on` still names the first)."""
    lines = text.split("\n")
    here = _blocks(lines)
    if rnd.random() < 0.5:
        folders = origins()
        other = rnd.choice(rnd.choice(folders))
        theirs_lines = other.read_text(encoding="utf-8").split("\n")
        theirs = _blocks(theirs_lines)
        if other.stem != name and theirs:
            a, b = rnd.choice(theirs)
            after = rnd.choice(here)[1] if here else rnd.randrange(len(lines))
            target = lines[here[0][0]] if here else ""  # the indentation of this file's blocks
            indent = target[: len(target) - len(target.lstrip(" \t"))]
            lines[after + 1 : after + 1] = _reindented(theirs_lines[a : b + 1], indent)
            return (
                "\n".join(lines),
                f"paste lines {a + 1} to {b + 1} of {other.relative_to(ROOT)} after line {after + 1}",
            )
    if not here:
        return text, "paste block: no block"
    a, b = rnd.choice(here)
    copy = "\n".join(lines[a : b + 1])
    masked = _NOT_CODE.sub(lambda m: " " * len(m.group()), copy)
    reserved = set(keywords())
    names = [m for m in _NAME.finditer(masked) if m.group().lower() not in reserved]
    file_names = sorted(
        {m.group() for m in _NAME.finditer(_NOT_CODE.sub(lambda m: " " * len(m.group()), text))} - reserved
    )
    said = []
    changes = []  # (span in copy, new)
    if names and rnd.random() < 0.7:  # the copy's own name: its first
        new, how = _renamed(names[0].group(), rnd, [n for n in file_names if n != names[0].group()])
        changes.append((names[0].span(), new))
        said.append(f"{names[0].group()!r} -> {new!r} ({how})")
    else:
        said.append("its name kept")
    rest = names[1:]
    if rest and rnd.random() < 0.5:
        m = rnd.choice(rest)
        new, how = _renamed(m.group(), rnd, [n for n in file_names if n != m.group()])
        changes.append((m.span(), new))
        said.append(f"{m.group()!r} -> {new!r} ({how})")
    for (s, e), new in sorted(changes, reverse=True):
        copy = copy[:s] + new + copy[e:]
    lines[b + 1 : b + 1] = copy.split("\n")
    return "\n".join(lines), f"copy lines {a + 1} to {b + 1} below them, {', '.join(said)}"


#: The language's own punctuation, which `_WORD` never takes (a word edit leaves
#: every brace, comma and quote where it was).
PUNCTUATION = '{},"'
#: What a sysprog's fingers put in besides: the language's marks, a backslash (a
#: string's escape, BKR019), and other languages' habits: `;` ending a statement,
#: `=` between a keyword and its value, `:` after a name, brackets and parentheses.
STRAY = (*PUNCTUATION, "\\", ";", "=", ":", "(", ")", "[", "]")

#: A comment (masked out: its marks are no code's), or quoted text (kept: its `#` is no comment).
_COMMENT = re.compile(r'"[^"\n]*"?|#[^\n]*')


def _punctuation_edit(text: str, rnd) -> tuple[str, str]:
    """A slip of the language's punctuation (`{`, `}`, `,`, `"`), outside comments: one
    deleted (`job SYSINC` with no `{`, `A B` for `A, B`, a quoted text never closed),
    doubled (`}}`, `,,`), a brace turned the other way; or a mark of STRAY put in at
    a word's edge, against it or a blank away (`run on VMSYS1;`, `workers = 4`,
    `LINUX01,`)."""
    masked = _COMMENT.sub(lambda m: m.group() if m.group()[0] == '"' else " " * len(m.group()), text)
    marks = [m.start() for m in re.finditer('[{},"]', masked)]
    how = rnd.choice(["delete", "delete", "double", "turn", "put in", "put in"])
    if how == "turn":
        marks = [at for at in marks if text[at] in "{}"]
    if how != "put in" and marks:
        at = rnd.choice(marks)
        mark = text[at]
        if how == "delete":
            return text[:at] + text[at + 1 :], f"punctuation {mark!r} deleted at {at}"
        if how == "double":
            return text[:at] + mark + text[at:], f"punctuation {mark!r} doubled at {at}"
        turned = "}" if mark == "{" else "{"
        return text[:at] + turned + text[at + 1 :], f"punctuation {mark!r} turned {turned!r} at {at}"
    words = list(_WORD.finditer(masked))
    mark = rnd.choice(STRAY)
    if not words:
        return mark + text, f"punctuation {mark!r} put in at 0"
    w = rnd.choice(words)
    at = rnd.choice(w.span())
    put = rnd.choice([mark, mark, f" {mark}" if at == w.end() else f"{mark} "])
    return text[:at] + put + text[at:], f"punctuation {put!r} put in at {at}"


#: The machines a `subconfig` statement names, as a sysprog reads them off the CP
#: directory: the product's IDENTITY machines (a worker beyond the member's `workers`
#: among them), its single-configuration ones, which have no SUBCONFIG (BKRADMIN,
#: 5697J06C, the catalog's SFS server), one misspelt and one in small letters.
SUBCONFIG_MACHINES = (
    "BKRBKUP",
    "BKRCATLG",
    "BKRWRK01",
    "BKRWRK02",
    "BKRADMIN",
    "5697J06C",
    "BKRSVSFS",
    "BKRBKP",
    "bkrbkup",
)
#: How a `subconfig` statement's keyword comes out mistyped or from another habit.
SUBCONFIG_KEYWORDS = ("subconfg", "sub-config", "subconfigs", "sub config", "SUBCONFIG", "subconfig:")
#: A member block's first line (code only: comments and quoted text masked out).
_MEMBER = re.compile(r"([ \t]*)member[ \t]+([^\s{}]+)[ \t]*\{", re.IGNORECASE)
#: A `subconfig` statement, on a line of its own or in a block on one line (code only).
_SUBCONFIG = re.compile(r"(?<![^\s{])(subconfig)[ \t]+([^\s{}]+)(?:[ \t]+([^\s{}]+))?", re.IGNORECASE)


def _code(line: str) -> str:
    """`line` with its comments and quoted text blanked out (the same length)."""
    return _NOT_CODE.sub(lambda m: " " * len(m.group()), line)


def _members(lines: list[str]) -> list[tuple[int, int, str, int]]:
    """Each `member NAME {` block as (its first line, its last, NAME, its number: its
    place among the member blocks, docs/language.md, "A member's number")."""
    code = [_code(line) for line in lines]
    found = []
    for i, line in enumerate(code):
        m = _MEMBER.match(line)
        if not m:
            continue
        depth, last = 0, i
        for last in range(i, len(code)):
            depth += code[last].count("{") - code[last].count("}")
            if depth <= 0:
                break
        found.append((i, last, m.group(2), len(found) + 1))
    return found


def _subconfig_name(machine: str, number: int, rnd, others: list[str]) -> tuple[str, str]:
    """A SUBCONFIG name for `machine`'s instance on the member numbered `number`, as a
    sysprog writes one in, and how it came: the site's own (`BKRBKU-1`), the one bkrc
    derives anyway, IBM's ID plus `-n` unshortened (`BKRBKUP-1`: nine characters),
    another member's number, the machine's own ID, a name the file gives something
    else, one CP reserves, in small letters, or none at all."""
    from bkrdsl.resolve.model import subconfig_id

    upper = machine.upper()
    how = rnd.choice(
        [
            "site",
            "site",
            "site",
            "bkrc",
            "unshortened",
            "other member",
            "machine",
            "taken",
            "reserved",
            "lower",
            "none",
        ]
    )
    if how == "bkrc":
        return subconfig_id(upper, number), "bkrc's own name"
    if how == "unshortened":
        return f"{upper}-{number}", "IBM's ID-n unshortened"
    if how == "other member":
        return f"{upper[:6]}-{number % 4 + 1}", "another member's number"
    if how == "machine":
        return upper, "the machine's own ID"
    if how == "taken" and others:
        return rnd.choice(others), "another of the file's names"
    if how == "reserved":
        return rnd.choice(["LOGN0001", "SYSTEM", "ALL"]), "a name CP reserves"
    if how == "lower":
        return f"{upper[:6]}-{number}".lower(), "in small letters"
    if how == "none":
        return "", "no name"
    return f"{upper[:6]}-{number}", "the site's own"


def _put_in_member(lines: list[str], block: tuple[int, int, str, int], statement: str, rnd) -> int:
    """`statement` put into the member `block` (a line of its own in a block of lines,
    before the `}` of a block on one line); the line it is on."""
    first, last = block[0], block[1]
    if first == last:
        code = _code(lines[first])
        close = code.rfind("}")
        at = close if close > code.find("{") else len(lines[first])
        lines[first] = lines[first][:at].rstrip() + "  " + statement + " " + lines[first][at:]
        return first
    inside = next((line for line in lines[first + 1 : last] if line.strip()), None)
    own = lines[first][: len(lines[first]) - len(lines[first].lstrip(" \t"))]
    indent = inside[: len(inside) - len(inside.lstrip(" \t"))] if inside is not None else own + "  "
    at = rnd.randint(first + 1, last)
    lines.insert(at, indent + statement)
    return at


def _subconfig_edit(text: str, rnd) -> tuple[str, str]:
    """A member's `subconfig MACHINE NAME` (new at stop 81) written as a sysprog writes
    it off the site's CP directory (docs/language.md, "A member's SUBCONFIG names"):
    put into a member block (a machine of SUBCONFIG_MACHINES, a name of
    `_subconfig_name`); the directory's own line pasted in its place (`BUILD ON DEV1
    USING SUBCONFIG BKRBKU-1`, or the entry's `SUBCONFIG BKRBKU-1`); or one of the
    file's statements (one put in first where the file has none) mangled: its keyword
    mistyped, its machine and name the other way round, its name left out, an `=`
    between them, copied unchanged into another member's block (a paste whose name
    was not edited), moved into another member's block, or out of the member's block
    onto the cluster's level. A file without a member block gets one where a
    statement starts."""
    lines = text.split("\n")
    members = _members(lines)
    if not members:
        starts = [
            i for i, line in enumerate(lines) if not _code(line).strip() or _MEMBER.match(_code(line))
        ] or [0]
        i = rnd.choice(starts)
        lines.insert(i, "subconfig BKRBKUP BKRBKU-1")
        return "\n".join(lines), f"subconfig put in at line {i + 1} (no member block)"
    names = sorted({m.group() for m in _NAME.finditer(_code(text))} - set(keywords()))
    how = rnd.choice(
        [
            "put in",
            "put in",
            "directory line",
            "keyword",
            "swapped",
            "no name",
            "equals",
            "copied",
            "moved",
            "out",
        ]
    )
    block = rnd.choice(members)
    first = ""
    if how in ("put in", "directory line"):
        machine = rnd.choice(SUBCONFIG_MACHINES)
        new, why = _subconfig_name(machine, block[3], rnd, names)
        if how == "put in":
            statement = f"subconfig {machine} {new}".rstrip()
        else:
            new = new or f"{machine.upper()[:6]}-{block[3]}"
            statement = rnd.choice([f"BUILD ON {block[2]} USING SUBCONFIG {new}", f"SUBCONFIG {new}"])
        at = _put_in_member(lines, block, statement, rnd)
        return "\n".join(lines), f"{how} {statement!r} in member {block[2]} at line {at + 1} ({why})"
    existing = [(i, m) for i, line in enumerate(lines) for m in _SUBCONFIG.finditer(_code(line))]
    if not existing:  # a well-formed one first, the site's own name, to be mangled
        machine = rnd.choice(SUBCONFIG_MACHINES[:4])
        at = _put_in_member(lines, block, f"subconfig {machine} {machine[:6]}-{block[3]}", rnd)
        first = (
            f"subconfig {machine} {machine[:6]}-{block[3]} put in member {block[2]} at line {at + 1}, then "
        )
        existing = [(i, m) for i, line in enumerate(lines) for m in _SUBCONFIG.finditer(_code(line))]
        members = _members(lines)
    i, m = rnd.choice(existing)
    (k, k_end), (a, a_end) = m.span(1), m.span(2)
    line = lines[i]
    if how == "keyword":
        word = rnd.choice(SUBCONFIG_KEYWORDS)
        lines[i] = line[:k] + word + line[k_end:]
        return "\n".join(lines), f"{first}subconfig's keyword {word!r} at line {i + 1}"
    if how == "swapped" and m.group(3):
        b, b_end = m.span(3)
        lines[i] = line[:a] + line[b:b_end] + line[a_end:b] + line[a:a_end] + line[b_end:]
        return "\n".join(lines), f"{first}subconfig's machine and name the other way round at line {i + 1}"
    if how == "no name" and m.group(3):
        lines[i] = line[: m.start(3)].rstrip() + line[m.end(3) :]
        return "\n".join(lines), f"{first}subconfig's name left out at line {i + 1}"
    if how == "equals" and m.group(3):
        lines[i] = line[:a_end] + rnd.choice([" =", "="]) + line[a_end:]
        return "\n".join(lines), f"{first}subconfig with an '=' after its machine at line {i + 1}"
    before = line[: m.start()]
    if before.strip():  # in a block on one line: the statement alone goes
        statement, rest = (
            line[m.start() : m.end()],
            (before.rstrip() + " " + line[m.end() :].lstrip(" \t")).rstrip(),
        )
    else:  # on a line of its own: the line goes, its comment and all
        statement, rest = line[m.start() :].rstrip(), ""
    others = [b for b in members if not b[0] <= i <= b[1]]
    if how in ("copied", "moved") and others:
        there = rnd.choice(others)
        if how == "moved":  # out of its line first (the line too, where nothing else is on it)
            lines[i : i + 1] = [rest] if rest.strip() else []
            there = _members(lines)[there[3] - 1]
        at = _put_in_member(lines, there, statement, rnd)
        return "\n".join(
            lines
        ), f"{first}subconfig at line {i + 1} {how} into member {there[2]} at line {at + 1}"
    # out: onto the cluster's level, below the last member block
    lines[i : i + 1] = [rest] if rest.strip() else []
    block = _members(lines)[-1]
    indent = lines[block[0]][: len(lines[block[0]]) - len(lines[block[0]].lstrip(" \t"))]
    last = block[1]
    lines.insert(last + 1, indent + statement)
    return "\n".join(
        lines
    ), f"{first}subconfig at line {i + 1} moved out below the member blocks, line {last + 2}"


def _import_edit(text: str, rnd, name: str) -> tuple[str, str]:
    """An `import` line of IMPORTS (`./NAME`: the file `name` itself) at a line's start."""
    target = rnd.choice(IMPORTS).replace("NAME", name)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    at = rnd.choice(starts)
    return text[:at] + f"import {target}\n" + text[at:], f"import {target[:40]!r} at {at}"


#: What an allow edit writes after `# bkrc: allow`, besides a code the file warns about:
#: (kind, how to draw it). See `_allow_edit`.
ALLOW_FORMS = (
    "# bkrc: allow {codes} {reason}",
    "# bkrc: allow {codes}",
    "#bkrc:allow {codes} {reason}",
    "# BKRC: ALLOW {codes} {reason}",
    "#  bkrc:\tallow\t{codes}",
    "## bkrc: allow {codes} {reason}",
    "# bkrc: alow {codes} {reason}",
    "# bkrc: allow",
    "# bkrc: allow {codes}, {reason}",
)
ALLOW_REASONS = ("our own template names", "kept since 2019", "", "# see ticket 42", '{ } "quoted"')


@functools.cache
def _registry_codes() -> tuple[list[str], list[str], list[str], dict[str, str]]:
    """(the warnings' codes, the errors' codes, the retired codes, code -> name)."""
    from bkrdsl.diagnostics.registry import load_all

    everything = load_all()
    warnings = sorted(c for c, e in everything.items() if e.severity.name == "WARNING" and not e.retired)
    errors = sorted(c for c, e in everything.items() if e.severity.name == "ERROR" and not e.retired)
    retired = sorted(c for c, e in everything.items() if e.retired)
    return warnings, errors, retired, {c: e.name for c, e in everything.items()}


def _allow_code(rnd, warned: list[tuple[str, int]]) -> str:
    """One word for an allow's list: mostly a code the file warns about (or its name),
    else a warning's, an error's, a retired one, BKR026/BKR027, or one mistyped."""
    warnings, errors, retired, names = _registry_codes()
    code = rnd.choice(warned)[0] if warned and rnd.random() < 0.6 else rnd.choice(warnings)
    how = rnd.choice(
        ["code"] * 6
        + ["name"] * 3
        + ["lower", "error", "retired", "BKR027", "BKR026", "typo", "cut", "name typo", "dup"]
    )
    if how == "code":
        return code
    if how == "name":
        return names[code]
    if how == "lower":
        return code.lower()
    if how == "error":
        return rnd.choice(errors)
    if how == "retired":
        return rnd.choice(retired) if retired else code
    if how in ("BKR027", "BKR026"):
        return how
    if how == "typo":
        return code + rnd.choice("0123456789")
    if how == "cut":
        return code[:-1]
    if how == "name typo":
        name = names[code]
        i = rnd.randrange(len(name))
        return name[:i] + name[i + 1 :]
    return f"{code}, {code}"  # dup: the same code twice


def _allow_edit(text: str, rnd, warned: list[tuple[str, int]]) -> tuple[str, str]:
    """A `# bkrc: allow` comment put in, moved or put where it means nothing
    (docs/language.md, "Allowing a warning"): trailing the line of a warning the file
    gives (`warned`: code, line, of the unedited file) or another line, on a line of its
    own above one, trailing a `}`, inside a quoted text; or one already there moved."""
    lines = text.split("\n")
    codes = ", ".join(_allow_code(rnd, warned) for _ in range(rnd.choice([1, 1, 1, 2, 3])))
    form = ALLOW_FORMS[0] if rnd.random() < 0.5 else rnd.choice(ALLOW_FORMS)
    directive = form.format(codes=codes, reason=rnd.choice(ALLOW_REASONS)).rstrip()
    where = rnd.choice(["warned", "warned", "trailing", "own line", "closing brace", "quoted", "move"])
    moved = ""
    if where == "move":
        have = [i for i, line in enumerate(lines) if "bkrc:" in line]
        if not have:
            where = "warned"
        else:
            i = rnd.choice(have)
            k = lines[i].index("bkrc:")
            at = max(lines[i].rfind("#", 0, k), 0)
            directive = lines[i][at:]
            lines[i] = lines[i][:at].rstrip()
            if not lines[i].strip() and len(lines) > 1:
                del lines[i]
            where = rnd.choice(["trailing", "own line", "closing brace"])
            text = "\n".join(lines)
            moved = f"moved from line {i + 1}: "
    if where == "warned":
        line = rnd.choice(warned)[1] - 1 if warned else rnd.randrange(len(lines))
        where = rnd.choice(["trailing", "trailing", "own line"])
        i = min(max(line, 0), len(lines) - 1)
    elif where == "closing brace":
        braces = [i for i, line in enumerate(lines) if "}" in line]
        i = rnd.choice(braces) if braces else rnd.randrange(len(lines))
        where = "trailing"
    elif where == "quoted":
        quotes = [m.start() + 1 for m in re.finditer('"', text)]
        if quotes:
            at = rnd.choice(quotes)
            return text[:at] + directive + text[at:], f"allow {directive!r} in a quoted text at {at}"
        where = "trailing"
        i = rnd.randrange(len(lines))
    else:
        i = rnd.randrange(len(lines))
    if where == "own line":
        indent = re.match(r"[ \t]*", lines[i]).group()
        lines.insert(i, indent + directive)
    else:
        lines[i] = lines[i] + rnd.choice(["   ", " ", "\t"]) + directive
    return "\n".join(lines), f"{moved}allow {directive!r} {where} at line {i + 1}"


def mutate(
    text: str,
    rnd,
    gentle: bool = False,
    edits: tuple[str, ...] = EDITS,
    name: str = "self",
    warned: list[tuple[str, int]] | None = None,
    kinds: list[str] | None = None,
) -> tuple[str, list[str]]:
    """`text` (of the file `name`, without `.bkr`) after one to four random edits of `edits`
    (`gentle`: of GENTLE only), and what each was; `warned`: the warnings (code, line) of
    the unedited file, which an allow edit mostly names; `kinds`: given, each edit's kind
    (one of EDITS) is appended to it (drawing nothing more, so a seed's cases stay)."""
    said = []
    for _ in range(rnd.randint(1, 4)):
        how = rnd.choice(GENTLE if gentle else edits)
        if kinds is not None:
            kinds.append(how)
        if how == "import line":
            text, what = _import_edit(text, rnd, name)
            said.append(what)
        elif how == "allow comment":
            text, what = _allow_edit(text, rnd, warned or [])
            said.append(what)
        elif how == "rename name":
            text, what = _rename_edit(text, rnd)
            said.append(what)
        elif how == "comment out":
            text, what = _comment_edit(text, rnd)
            said.append(what)
        elif how == "paste block":
            text, what = _paste_edit(text, rnd, name)
            said.append(what)
        elif how == "punctuation":
            text, what = _punctuation_edit(text, rnd)
            said.append(what)
        elif how == "subconfig":
            text, what = _subconfig_edit(text, rnd)
            said.append(what)
        elif how in EDITOR:
            text, what = _editor_edit(text, rnd, how)
            said.append(what)
        elif how.endswith("line") or how == "swap lines":
            lines = text.split("\n")
            said.append(_line_edit(lines, rnd, how))
            text = "\n".join(lines)
        elif how == "change number":
            text, what = _number_edit(text, rnd)
            said.append(what)
        elif how == "truncate":
            at = rnd.randrange(len(text) + 1)
            text = text[:at]
            said.append(f"truncate at {at}")
        else:
            text, what = _word_edit(text, rnd, how)
            said.append(what)
    return text, said


@dataclass
class Case:
    number: int
    origin: Path
    text: str
    edits: list[str]
    #: the kind of each edit (one of EDITS), in the order of `edits`
    kinds: list[str] = field(default_factory=list)


def case(seed: int, number: int, folders: list[list[Path]], edits: tuple[str, ...] = EDITS) -> Case:
    """Case `number` of `seed` (its edits drawn from `edits`): the same on every run."""
    rnd = random.Random(f"{seed}/{number}")
    origin = rnd.choice(rnd.choice(folders))
    gentle = rnd.random() < 0.3 and edits == EDITS
    kinds: list[str] = []
    text, edits = mutate(
        origin.read_text(encoding="utf-8"),
        rnd,
        gentle=gentle,
        edits=edits,
        name=origin.stem,
        warned=warnings_of(origin),
        kinds=kinds,
    )
    return Case(number, origin, text, edits, kinds)


@functools.cache
def warnings_of(origin: Path) -> list[tuple[str, int]]:
    """The warnings (code, line) a check of the unedited `origin` gives in it: what an
    allow edit names (no edit draws on the random numbers for it, so a case replays)."""
    from bkrdsl.pipeline import analyse

    with parser_selected("fast"):
        analysis = analyse(str(origin), origin.read_bytes(), path=origin)
    return sorted(
        {
            (d.code, d.span.line)
            for d in analysis.diagnostics
            if not d.is_error and d.span is not None and d.span.file == str(origin)
        }
    )


# ----------------------------------------------------------------- the commands
@contextlib.contextmanager
def parser_selected(which: str):
    """BKRDSL_PARSER for the language server's analysis (run_cli passes its own env)."""
    before = os.environ.get("BKRDSL_PARSER")
    os.environ["BKRDSL_PARSER"] = "lark" if which == "lark" else ""
    try:
        yield
    finally:
        if before is None:
            del os.environ["BKRDSL_PARSER"]
        else:
            os.environ["BKRDSL_PARSER"] = before


class Crash(Exception):
    """A command raised: the traceback is the finding."""


def run(args, *, which: str, input=None):
    """bkrc in process with the parser `which`; (exit code, stdout, stderr). Re-raises a crash."""
    from click.testing import CliRunner

    from bkrdsl.cli import cli

    runner = CliRunner()
    env = {"BKRDSL_PARSER": "lark" if which == "lark" else "", "NO_COLOR": "1"}
    result = runner.invoke(cli, [str(a) for a in args], input=input, env=env, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        raise Crash("".join(traceback.format_exception(result.exception)))
    return result.exit_code, result.stdout, result.stderr


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _generated(files: dict[str, bytes]) -> dict[str, object]:
    """A compiled folder's files but CHANGES.TXT, the one file a compile into an
    existing DIR writes and a fresh one does not (the steps of the change on z/VM:
    docs/output.md), and manifest.json read, without its entry: what a compile
    into DIR must write alike to a fresh one."""
    kept: dict[str, object] = {k: v for k, v in files.items() if k != "CHANGES.TXT"}
    if "manifest.json" in kept:
        manifest = json.loads(files["manifest.json"])
        manifest["files"] = [f for f in manifest.get("files", []) if f.get("path") != "CHANGES.TXT"]
        kept["manifest.json"] = manifest
    return kept


def leftovers(folder: Path) -> list[str]:
    """Temporary siblings a compile into `folder` left beside it."""
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}.bkrc-"))


def text_blocks_problems(output: str) -> list[str]:
    """What each diagnostic of the text format lacks: its place, its source line with a caret, its help."""
    problems = []
    starts = [m.start() for m in _HEADER.finditer(output)] + [len(output)]
    for a, b in itertools.pairwise(starts):
        block = output[a:b]
        head = block.split("\n", 1)[0]
        if not re.search(r"^ *--> .+:\d+:\d+$", block, re.MULTILINE):
            problems.append(f"no ` --> file:line:col`: {head}")
        if not re.search(r"^ *\|\s*\^", block, re.MULTILINE):
            problems.append(f"no caret: {head}")
        if "= help: " not in block:
            problems.append(f"no help: {head}")
    return problems


def json_problems(report: dict) -> list[str]:
    problems = []
    for d in report["diagnostics"]:
        where = f"{d.get('code')} {d.get('line')}:{d.get('column')} {d.get('message')}"
        if not re.fullmatch(r"BKR\d{3}", d.get("code") or ""):
            problems.append(f"no code: {where}")
        if not (isinstance(d.get("line"), int) and isinstance(d.get("column"), int)):
            problems.append(f"no line:col: {where}")
        if not d.get("help"):
            problems.append(f"no help: {where}")
    return problems


@dataclass
class Outcome:
    """What one parser made of one case: every command's answer, for comparing the parsers."""

    said: dict[str, object] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    compiled: dict[str, bytes] | None = None


def fmt_problems(text: str, formatted: str, file: Path) -> list[str]:
    """`formatted` (fmt's output for `text`) formats to itself and means what `text` means."""
    from bkrdsl.fmt import format_source
    from bkrdsl.fmt.equivalence import meaning
    from bkrdsl.pipeline import analyse
    from bkrdsl.source import Source
    from bkrdsl.syntax.reader import normalise

    problems = []
    again = format_source(Source.of(str(file), normalise(formatted)))
    if again.text != formatted:
        problems.append("fmt is not idempotent" if again.text is not None else "fmt's output does not parse")

    def means(t: str):
        analysis = analyse(str(file), t.encode("utf-8"), path=file)
        what = analysis.model if analysis.model is not None else analysis.program.modules
        return meaning(what), sorted(Counter(d.code for d in analysis.diagnostics).items())

    if means(formatted) != means(text):
        problems.append("fmt changed the meaning (model or diagnostic codes)")
    return problems


def _where(file: str | None, line: int | None, column: int | None) -> tuple[str, int, int]:
    return (file or "", line or 0, column or 0)


def lsp_problems(file: Path, rnd, checked: list[dict]) -> tuple[list[str], object]:
    """The language server's analysis and features on `file` as a buffer; what it
    reports against check's JSON (its own diagnostics, and those of the modules it imports)."""
    from bkrdsl.lsp import features as F
    from bkrdsl.lsp.document import analyse_document

    # newline="": the buffer as an editor holds it, CRLF and lone CR line ends kept
    doc = analyse_document(str(file), file.read_bytes().decode("utf-8"), path=file)
    placed = F.placed(doc)
    lines = doc.text.split("\n")
    F.outline(doc)
    F.folding_ranges(doc)
    F.inlay_hints(doc, (0, 0), (len(lines), 0))
    F.formatted(doc)
    F.fixes(doc, 0, len(lines) - 1)
    for _ in range(3):
        line = rnd.randrange(len(lines))
        column = rnd.randrange(len(lines[line]) + 1)
        F.hover(doc, line, column)
        F.completions(doc, line, column)
        F.definition(doc, line, column)
        F.highlights(doc, line, column)
        F.references(doc, line, column, include_declaration=True)
        with contextlib.suppress(F.RenameRefused):  # refused with its reason: an answer
            if F.prepare_rename(doc, line, column) is not None:
                F.rename(doc, line, column, "RENAMED1")
    mine = sorted(
        (
            p.diagnostic.code,
            *_where(*((s.file, s.line, s.column) if (s := p.diagnostic.span) else (None,) * 3)),
        )
        for p in placed
    )
    theirs = sorted((d["code"], *_where(d["file"], d["line"], d["column"])) for d in checked)
    problems = [] if mine == theirs else [f"LSP reports {mine}, check {theirs}"]
    return problems, [(p.diagnostic.code, p.span.line, p.span.column, p.message) for p in placed]


def allow_problems(file: Path) -> list[str]:
    """An allow sets aside exactly what it covers: the file with every `# bkrc: allow`
    comment taken out (blanks left, so that nothing else moves) reports what the file
    reported and what its allows set aside, but for what was about those comments
    (BKR025, BKR026, BKR027, a character inside one)."""
    from bkrdsl.diagnostics.allow import _DIRECTIVE, PREFIX
    from bkrdsl.pipeline import analyse
    from bkrdsl.syntax.reader import normalise

    text = normalise(file.read_bytes().decode("utf-8"))
    if PREFIX not in text:
        return []
    before = analyse(str(file), text.encode("utf-8"), path=file)
    main = before.program.main
    if main is None:
        return []
    taken = sorted(
        (span.start, span.end)
        for span, comment in main.comments
        if not comment.startswith("##") and _DIRECTIVE.match(comment)
    )
    if not taken:
        return []
    stripped = text
    for a, b in reversed(taken):
        stripped = stripped[:a] + " " * (b - a) + stripped[b:]
    after = analyse(str(file), stripped.encode("utf-8"), path=file)

    def about_a_directive(d) -> bool:
        # The allows' own codes (BKR025-BKR027) at an allow: gone with the allows. Any
        # other code stays, where it sits on an allow too: BKR110 of a file that holds
        # nothing but comments points at its first non-blank character, which may be an
        # allow's (seed 50778, case 44), and stays, a line down or at 1:1, without it.
        s = d.span
        return (
            d.code in ("BKR025", "BKR026", "BKR027")
            and s is not None
            and s.file == main.file
            and any(a <= s.start < b for a, b in taken)
        )

    def key(d) -> tuple:
        s = d.span
        if d.code == "BKR110":  # the file's first non-blank character: it moves with the allows
            return (d.code, s.file if s else "", d.message)
        return (
            d.code,
            *((s.file, s.line, s.column, s.end_line, s.end_column) if s else ("",) * 5),
            d.message,
        )

    expected = {
        key(d)
        for d in (*before.diagnostics, *(x.diagnostic for x in before.allowed))
        if not about_a_directive(d)
    }
    got = {key(d) for d in after.diagnostics}
    if got == expected:
        return []
    only_with, only_without = sorted(expected - got), sorted(got - expected)
    said = (
        "taking the allows out does not report what was reported and allowed:\n"
        f"  only with them: {only_with!r:.1500}\n  only without: {only_without!r:.1500}"
    )
    return [said]


def allow_action_problems(file: Path, rnd) -> list[str]:
    """The language server's *Allow BKRnnn on this line* (one of them, at random)
    allows that warning: the buffer with its edit applied no longer reports it, sets
    it aside (on its line, one further down where the allow went on a line of its own
    above), and has no more BKR025 or BKR026 than before, nor a BKR027 on a line that
    had none."""
    from bkrdsl.fixes import apply_edits
    from bkrdsl.lsp import features as F
    from bkrdsl.lsp.document import analyse_document
    from bkrdsl.pipeline import analyse

    doc = analyse_document(str(file), file.read_bytes().decode("utf-8"), path=file)
    actions = F.allow_actions(doc, (0, 0), (doc.text.count("\n") + 1, 0))
    if not actions:
        return []
    action = rnd.choice(actions)
    d = action.shown.diagnostic
    text = apply_edits(doc.text, action.edits)
    after = analyse(str(file), text.encode("utf-8"), path=file)
    line = d.span.line + sum(e.new_text.count("\n") for e in action.edits)

    def here(x) -> bool:
        s = x.span
        return x.code == d.code and s is not None and s.file == d.span.file and s.line == line

    problems = []
    if any(here(x) for x in after.diagnostics):
        problems.append(
            f"{action.title!r} (line {d.span.line}) leaves it reported: {text.splitlines()[line - 2 : line]!r:.500}"
        )
    elif not any(here(a.diagnostic) for a in after.allowed):
        problems.append(f"{action.title!r} (line {d.span.line}) sets nothing aside on line {line}")
    own = ("BKR025", "BKR026")
    more = Counter(x.code for x in after.diagnostics if x.code in own)
    more.subtract(Counter(x.code for x in doc.analysis.diagnostics if x.code in own))
    # BKR027 only on a line that had one: an allow of several codes none of which was
    # used is one BKR027, and once one is, one for each of the others
    (edit,) = action.edits
    added = edit.new_text.count("\n")

    def moved(n: int) -> int:
        return n + added if n >= edit.span.line else n

    idle = {moved(x.span.line) for x in doc.analysis.diagnostics if x.code == "BKR027" and x.span}
    new_idle = sorted(
        x.span.line for x in after.diagnostics if x.code == "BKR027" and x.span.line not in idle
    )
    if +more or new_idle:
        said = dict(+more) | ({"BKR027": new_idle} if new_idle else {})
        problems.append(f"{action.title!r} (line {d.span.line}) gives {said}")
    return problems


#: How many `check --fix` runs in a row may each hold a fix back (the next applies it)
#: before the oracle calls it a loop.
HELD_RUNS = 3


def fix_problems(file: Path, which: str) -> tuple[list[str], tuple]:
    """`bkrc check --fix` on a copy of `file` beside it (where its imports resolve alike):
    it exits as its report says, adds no error, reports what a check of the fixed file
    reports, and a second `--fix` leaves the file as it is (once the runs that apply a fix
    the one before held back are done); (problems, what it said and wrote)."""
    from bkrdsl.fixes import MAX_ROUNDS
    from bkrdsl.pipeline import analyse

    copy = file.with_name(f"fixed-{file.name}")
    copy.write_bytes(file.read_bytes())
    try:
        with parser_selected(which):
            before = analyse(str(copy), copy.read_bytes(), path=copy)
        # An error of the checks that shows once a syntax or import error is mended
        # was hidden, not made (bkrdsl.fixes.introduced): errors are counted only
        # where the checks ran on the file as it was.
        checks_ran = before.model is not None
        errors = sum(d.is_error for d in before.diagnostics)
        code, stdout, stderr = run(
            ["check", "--fix", "--format", "json", "--max-errors", "0", copy], which=which
        )
        fixed = copy.read_bytes()
        problems = []
        left = json.loads(stdout)
        if code != (1 if left["error_count"] else 0):
            problems.append(f"check --fix exits {code} with {left['error_count']} errors left")
        if checks_ran and left["error_count"] > errors:
            problems.append(f"check --fix made {errors} errors {left['error_count']}")
        _, again, _ = run(["check", "--format", "json", "--max-errors", "0", copy], which=which)
        if again != stdout:
            problems.append(
                f"check --fix reports otherwise than a check of the fixed file:\n{stdout:.1500}\n{again:.1500}"
            )
        # A warning shown only once the syntax was mended has its fix held back for
        # `--fix` run again to apply (docs/diagnostics.md, "held back"): the runs go on
        # while one holds a fix back, and the one after the last must change nothing.
        said, runs = stderr, 1
        while re.search(r"\d+ held back", said) and runs < HELD_RUNS:
            _, _, said = run(["check", "--fix", "--format", "json", "--max-errors", "0", copy], which=which)
            runs += 1
        if re.search(r"\d+ held back", said):
            problems.append(f"check --fix still holds a fix back after {runs} runs: {said[-300:]}")
        last = copy.read_bytes()
        run(["check", "--fix", "--format", "json", "--max-errors", "0", copy], which=which)
        # Each round applies a fix at least: one that ran all MAX_ROUNDS may have left
        # some (docs/diagnostics.md, "up to ten rounds"), for the second to apply.
        applied = re.search(r"(\d+) fix(?:es)? applied", said)
        if copy.read_bytes() != last and (applied is None or int(applied.group(1)) < MAX_ROUNDS):
            problems.append(f"check --fix run again after {runs} changed the file again")
        return problems, (code, stdout, stderr, fixed)
    finally:
        copy.unlink(missing_ok=True)


def one_parser(c: Case, file: Path, entry: Path, work: Path, which: str, existing: Path, seed_rnd) -> Outcome:
    """Every command under the parser `which`: `fmt` on the edited `file`, the others on `entry`
    (the file itself, or one that imports it)."""
    out = Outcome()
    code, stdout, stderr = run(["check", "--format", "json", "--max-errors", "0", entry], which=which)
    report = json.loads(stdout)
    errors = report["error_count"]
    out.said["check json"] = (code, stdout)
    out.problems += json_problems(report)
    if code != (1 if errors else 0):
        out.problems.append(f"check exits {code} with {errors} errors")
    code, stdout, stderr = run(["check", "--color", "never", "--max-errors", "0", entry], which=which)
    out.said["check text"] = (code, stdout + stderr)
    out.problems += text_blocks_problems(stdout + stderr)

    fresh = work / f"fresh-{which}"
    code, stdout, stderr = run(["compile", "--format", "short", "-o", fresh, entry], which=which)
    out.said["compile"] = (code, stderr.replace(str(fresh), "DIR"))
    # A module checks clean and has nothing to compile or show (BKR110, at compile).
    failing = 1 if errors or (code == 1 and " BKR110: " in stderr) else 0
    if code != failing:
        out.problems.append(
            f"compile into a new DIR exits {code}, check found {errors} errors: {stderr[-2000:]}"
        )
    if code != 0 and fresh.exists():
        out.problems.append("a failed compile left DIR")
    if leftovers(fresh):
        out.problems.append(f"compile left {leftovers(fresh)}")
    out.compiled = tree(fresh) if code == 0 else None

    before = tree(existing)
    code, stdout, stderr = run(["compile", "--format", "short", "-o", existing, entry], which=which)
    if code != failing:
        out.problems.append(
            f"compile into an existing DIR exits {code}, check found {errors} errors: {stderr[-2000:]}"
        )
    after = tree(existing)
    if code != 0 and after != before:
        out.problems.append("a failed compile changed the existing DIR")
    if code == 0 and out.compiled is not None and _generated(after) != _generated(out.compiled):
        kept, fresh = _generated(after), _generated(out.compiled)
        changed = sorted(set(kept) ^ set(fresh) | {k for k in kept if kept[k] != fresh.get(k)})
        out.problems.append(f"compile into an existing DIR wrote other files than a fresh one: {changed[:5]}")
    if leftovers(existing):
        out.problems.append(f"compile left {leftovers(existing)}")

    code, stdout, stderr = run(["fmt", "--check", file], which=which)  # the edited file
    out.said["fmt --check"] = (code, stdout + stderr)
    if code not in (0, 1):
        out.problems.append(f"fmt --check exits {code}: {(stdout + stderr)[-2000:]}")
    code, stdout, stderr = run(["fmt", "-"], which=which, input=c.text.encode("utf-8"))
    out.said["fmt -"] = (code, stdout)
    if code not in (0, 1):
        out.problems.append(f"fmt - exits {code}: {(stdout + stderr)[-2000:]}")
    if code == 0:
        out.problems += fmt_problems(c.text, stdout, file)

    problems, out.said["check --fix"] = fix_problems(file, which)
    out.problems += problems

    code, stdout, stderr = run(["show", "--format", "json", entry], which=which)
    out.said["show"] = (code, stdout)
    if code != failing:
        out.problems.append(f"show exits {code}, check found {errors} errors")

    with parser_selected(which):
        problems, placed = lsp_problems(entry, seed_rnd, report["diagnostics"])
        out.problems += allow_problems(file)
        out.problems += allow_action_problems(file, seed_rnd)
    out.said["lsp"] = placed
    out.problems += problems
    return out


def hash_problems(file: Path, work: Path, outcome: Outcome) -> list[str]:
    """`check` and `show` (JSON) and `compile` in fresh processes under two hash seeds:
    the same output, the same bytes written, as in process."""
    problems = []
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed, BKRDSL_PARSER="", NO_COLOR="1")

        def bkrc(*args: object, env: dict = env) -> tuple[int, str]:
            done = subprocess.run(
                [sys.executable, "-m", "bkrdsl", *map(str, args)],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            return done.returncode, done.stdout

        if bkrc("check", "--format", "json", "--max-errors", "0", file) != outcome.said["check json"]:
            problems.append(f"PYTHONHASHSEED={hash_seed}: check says otherwise")
        if bkrc("show", "--format", "json", file) != outcome.said["show"]:
            problems.append(f"PYTHONHASHSEED={hash_seed}: show says otherwise")
        if outcome.compiled is not None:
            out = work / f"hash-{hash_seed}"
            bkrc("compile", "--format", "short", "-o", out, file)
            written = tree(out)
            if written != outcome.compiled:
                changed = sorted(
                    k
                    for k in set(written) | set(outcome.compiled)
                    if written.get(k) != outcome.compiled.get(k)
                )
                problems.append(f"PYTHONHASHSEED={hash_seed} writes other bytes: {changed[:5]}")
            shutil.rmtree(out, ignore_errors=True)
    return problems


def check_case(
    c: Case, work: Path, baseline: dict[Path, Path | None], hashes: bool = False, seen: Counter | None = None
) -> list[str]:
    """Every property, for one case; the problems found (empty: all held). `seen`
    counts what the cases were: checked clean, compiled, formatted, read by the fast parser."""
    relative = str(c.origin.relative_to(ROOT))
    file = work / "tree" / relative
    entry = work / "tree" / IMPORTED_BY.get(relative, relative)
    compiled_before = baseline[entry]  # of the unedited files
    file.write_text(c.text, encoding="utf-8")
    try:
        outcomes = {}
        problems = []
        for which in PARSERS:
            existing = work / f"existing-{which}"
            shutil.rmtree(existing, ignore_errors=True)
            if compiled_before is not None:
                shutil.copytree(compiled_before, existing)
            rnd = random.Random(c.number)
            try:
                outcomes[which] = one_parser(c, file, entry, work, which, existing, rnd)
            except Crash as crash:
                return [f"{which}: traceback\n{crash}"]
            except Exception:  # noqa: BLE001 - the language server's analysis, in process: any raise is a finding
                import traceback

                return [f"{which}: traceback\n{traceback.format_exc()}"]
            problems += [f"{which}: {p}" for p in outcomes[which].problems]
            shutil.rmtree(work / f"fresh-{which}", ignore_errors=True)
        fast, lark = outcomes["fast"], outcomes["lark"]
        if seen is not None:
            seen.update(
                {
                    "clean": fast.said["check json"][0] == 0,
                    "compiled": fast.compiled is not None,
                    "formatted": fast.said["fmt -"][0] == 0,
                    "fast parser read": _fast_reads(c.text, file),
                }
            )
        for command in fast.said:
            if fast.said[command] != lark.said[command]:
                problems.append(
                    f"the parsers differ on {command}:\n  fast: {fast.said[command]!r:.1500}\n  lark: {lark.said[command]!r:.1500}"
                )
        if fast.compiled is not None and fast.compiled != lark.compiled:
            problems.append("the parsers compile other bytes")
        if hashes:
            problems += hash_problems(entry, work, fast)
        return problems
    finally:
        file.write_text(c.origin.read_text(encoding="utf-8"), encoding="utf-8")


class Baseline(dict):
    """The existing DIR each case's compile goes into: the unedited file compiled once,
    on first use (None where it does not compile)."""

    def __init__(self, work: Path):
        super().__init__()
        self.work = work

    def __missing__(self, entry: Path) -> Path | None:
        out = self.work / "baseline" / entry.relative_to(self.work / "tree")
        code, _, _ = run(["compile", "--format", "short", "-o", out, entry], which="fast")
        self[entry] = out if code == 0 else None
        return self[entry]


def _fast_reads(text: str, file: Path) -> bool:
    from bkrdsl.source import Source
    from bkrdsl.syntax import fast
    from bkrdsl.syntax.reader import normalise

    return fast.read_reported(Source.of(str(file), normalise(text))) is not None


def prepare(work: Path) -> Baseline:
    """Copy the real files' folders into `work/tree`, where imports resolve as beside the originals."""
    for folder, _ in ORIGINS:
        shutil.copytree(ROOT / folder, work / "tree" / folder, dirs_exist_ok=True)
    return Baseline(work)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seed", type=int, default=None, help="default: from the clock (printed)")
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--first", type=int, default=0, help="the first case's number")
    parser.add_argument("--case", type=int, default=None, help="run this case only")
    parser.add_argument("--minutes", type=float, default=None, help="run until this time is up")
    parser.add_argument(
        "--hash-every",
        type=int,
        default=5,
        help="check, show and compile under two hash seeds every Nth case",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="print each failing case's text")
    parser.add_argument(
        "--editor", action="store_true", help="only EDITOR's edits (line ends, tabs, letters, long lines...)"
    )
    parser.add_argument(
        "--allow", action="store_true", help="only allow edits (`# bkrc: allow` put in, moved, mistyped)"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=EDITS,
        metavar="EDIT",
        help="only this edit (again for more): one of EDITS, e.g. `--only punctuation`",
    )
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    folders = origins()
    numbers = (
        [args.case]
        if args.case is not None
        else range(args.first, args.first + (10**9 if args.minutes else args.cases))
    )
    stop = time.monotonic() + args.minutes * 60 if args.minutes else None
    edits = (
        tuple(args.only)
        if args.only
        else ("allow comment",)
        if args.allow
        else EDITOR
        if args.editor
        else EDITS
    )
    failed = 0
    ran = 0
    seen: Counter = Counter()
    drew: Counter = Counter({kind: 0 for kind in edits})  # cases that drew each kind
    with tempfile.TemporaryDirectory(prefix="bkrdsl-mutate-") as tmp:
        work = Path(tmp)
        baseline = prepare(work)
        print(f"seed {seed}", flush=True)
        for number in numbers:
            if stop is not None and time.monotonic() > stop:
                break
            c = case(seed, number, folders, edits)
            problems = check_case(c, work, baseline, hashes=number % args.hash_every == 0, seen=seen)
            ran += 1
            drew.update(set(c.kinds))
            if ran % 100 == 0:
                print(f"{ran} cases, {failed} failed; {dict(sorted(seen.items()))}", flush=True)
            if problems:
                failed += 1
                print(f"== case {number} ({c.origin.relative_to(ROOT)}: {'; '.join(c.edits)})", flush=True)
                for p in problems:
                    print("  " + p.replace("\n", "\n  "), flush=True)
                if args.verbose:
                    print("---\n" + c.text + "\n---", flush=True)
                editor = (
                    "".join(f" --only {e!r}" if " " in e else f" --only {e}" for e in args.only)
                    if args.only
                    else " --allow"
                    if args.allow
                    else " --editor"
                    if args.editor
                    else ""
                )
                print(
                    f"  replay: python bench/mutate.py --seed {seed}{editor} --case {number} -v", flush=True
                )
    print(f"{ran} cases, {failed} failed (seed {seed}); {dict(sorted(seen.items()))}")
    print(f"cases by edit kind, fewest first: {drawn_by_kind(drew)}")
    return 1 if failed else 0


def drawn_by_kind(drew: Counter) -> str:
    """How many cases drew each edit kind, fewest first (ties in EDITS' order): which
    kind a next run's `--only` would explore most."""
    order = sorted(drew, key=lambda kind: (drew[kind], EDITS.index(kind)))
    return ", ".join(f"{kind} {drew[kind]}" for kind in order)


if __name__ == "__main__":
    sys.exit(main())
