"""What each half typed statement keyword gets, at each statement start of the examples.

For each example (examples/*.bkr) and each statement line (not blank, not only a
comment; a `}` too, so that a block's last statement is typed), a line is written
before it, at its indentation, holding a statement keyword half typed: each of
its prefixes that is no keyword itself (`e`, `ex`, `exc`, ... of `exclude`). A
block on one line (`single group APPS { CICSPRD DB2PRD }`) is also broken after
its `{`, the prefix on a line of its own first in its body. Each text is read as
the language server reads it while typing (the fast parser, Lark's recovery
where it gives up), and sorted:

- silent: no diagnostic on the typed line, where the text is wrong (the word read
  as a name: a label `EX`, a user ID `MA`), neither of the syntax nor of `bkrc
  check`'s later checks (without a directory);
- checked: no syntax diagnostic, but a later check's on the typed line (`cl` after
  an include's addresses: BKR310, no address);
- elsewhere: diagnostics, none of them on the typed line;
- other: the first diagnostic on the typed line is not BKR012 (a misspelt or half
  typed keyword): perhaps misleading, each listed once by its code and message
  shape, to be read.

    python bench/prefix_sweep.py                     # counts, then each kind listed
    python bench/prefix_sweep.py examples/minimal.bkr
    python bench/prefix_sweep.py --agree             # also both parsers' contract
    python bench/prefix_sweep.py --prefix desc --prefix ma   # only these words typed

It never asserts; tests/test_parsers_agree.py runs the texts through the contract.
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))

from bkrdsl.syntax.fast import KEYWORDS, STATEMENT_KEYWORDS

#: Each prefix of a statement keyword that is no keyword itself (`job` of `job-suffix`
#: is one), once.
PREFIXES = sorted({k[:n] for k in STATEMENT_KEYWORDS for n in range(1, len(k))} - KEYWORDS)

#: A block on one line: its opening, `{`, and the rest of the line.
ONE_LINE_BLOCK = re.compile(r"^(\s*)([^#{]*\{)\s*(\S.*\})\s*(#.*)?$")


def typed(text: str, prefixes=PREFIXES):
    """(line number of the typed word, prefix, text) for each prefix written on a
    line of its own before each statement line, and first in each one-line block."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = line[: len(line) - len(line.lstrip())]
        block = ONE_LINE_BLOCK.match(line) if '"' not in line else None
        for prefix in prefixes:
            yield k + 1, prefix, "\n".join([*lines[:k], indent + prefix, *lines[k:]])
            if block is not None:
                head, rest = indent + block.group(2).rstrip(), indent + "  " + block.group(3)
                yield k + 2, prefix, "\n".join([*lines[:k], head, indent + "  " + prefix, rest, *lines[k + 1 :]])


def read(name: str, text: str):
    """The syntax diagnostics the language server gives for `text`, as it reads it."""
    from bkrdsl.source import Source
    from bkrdsl.syntax import fast
    from bkrdsl.syntax.parser import parse

    source = Source.of(name, text)
    got = fast.read_reported(source)
    if got is not None:
        return got[1], True
    return parse(source).diagnostics, False


def checked(name: str, text: str):
    """The diagnostics `bkrc check` gives for `text` (no directory)."""
    from bkrdsl.pipeline import analyse

    return analyse(name, text.encode("utf-8")).diagnostics


def shape(message: str) -> str:
    """A message with its quoted words made one: the kind of message."""
    return re.sub(r"`[^`]*`", "`_`", message)


def main(argv: list[str]) -> int:
    agree = "--agree" in argv
    args = [a for a in argv if a != "--agree"]
    prefixes = []  # `--prefix WORD`, each: only those typed (tests/test_bench.py)
    while "--prefix" in args:
        at = args.index("--prefix")
        prefixes.append(args[at + 1])
        del args[at : at + 2]
    paths = [Path(a) for a in args] or sorted((HERE.parent / "examples").glob("*.bkr"))
    if agree:
        sys.path.insert(0, str(HERE.parent / "tests"))
        from test_parsers_agree import differences
    kinds: dict[str, dict] = collections.defaultdict(dict)
    texts = fell_back = differ = 0
    for path in paths:
        for line, prefix, text in typed(path.read_text(encoding="utf-8"), prefixes or PREFIXES):
            texts += 1
            diagnostics, fast_read = read(path.name, text)
            fell_back += not fast_read
            if agree and (found := differences(text)) is not None:
                differ += 1
                print(f"DIFFER {path.name}:{line} {prefix!r}\n{found}")
            here = [d for d in diagnostics if d.span.line == line]
            if not diagnostics:
                later = [d for d in checked(path.name, text) if d.span.line == line]
                kind, what = ("checked", f"{later[0].code} {shape(later[0].message)}") if later else ("silent", "")
            elif not here:
                kind, what = "elsewhere", f"{diagnostics[0].code} {shape(diagnostics[0].message)}"
            elif here[0].code != "BKR012":
                kind, what = "other", f"{here[0].code} {shape(here[0].message)}"
            else:
                continue
            context = text.split("\n")[line - 2].strip()
            key = (what, shape(context)[:40])
            kinds[kind].setdefault(key, (f"{path.name}:{line}", context, []))[2].append(prefix)
    print(f"{texts} texts, {fell_back} read by Lark" + (f", {differ} read differently" if agree else ""))
    for kind in ("silent", "checked", "elsewhere", "other"):
        print(f"{kind}: {sum(len(p) for _w, _c, p in kinds[kind].values())} texts")
        for (what, _context), (where, context, prefixes) in kinds[kind].items():
            shown = " ".join(dict.fromkeys(prefixes))
            print(f"  {len(prefixes):5}  {where} after {context[:50]!r}  {what}\n         {shown[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
