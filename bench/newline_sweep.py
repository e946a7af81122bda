"""Where the two parsers part when a line is broken before one of its tokens.

For each example (examples/*.bkr) and each token of a statement line that is not
the line's first (a word, `{`, `}` or `,`), the line is broken before the token:
the token and the rest of the line go to a line of their own, at the line's
indentation and at none; or, at its indentation, only the token, its first three
letters or its first (a word half typed), or a name, `APPS` (`to`, then `APPS`);
and a word is written on a line of its own below each statement line (`BELOW`).
Where the fast parser reads the text (`fast.read_reported`), Lark's recovery must
give the very same diagnostics and AST (tests/test_parsers_agree.py's
`differences`); each text they read differently is printed with both readings.

    python bench/newline_sweep.py                    # every example
    python bench/newline_sweep.py examples/minimal.bkr

It never asserts; tests/test_parsers_agree.py runs the same sweep.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Words written on a line of their own below each statement line: a statement's
#: first letter, a name, an option half typed (`to tape`, then `r`; `to disk`, then `poo`).
BELOW = ("r", "APPS", "poo", "req")

#: A token of a line: a word, or one of the marks that stand alone.
TOKEN = re.compile(r"[{},]|[^\s{},#]+")


def broken(text: str):
    """(line number, text) for each statement line broken before each of its tokens
    but the first, the rest at the line's indentation and at none."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        code = line.split("#", 1)[0] if '"' not in line else line
        if not code.strip() or line.lstrip().startswith("#"):
            continue
        indent = line[: len(line) - len(line.lstrip())]
        for token in list(TOKEN.finditer(code))[1:]:
            head, rest = line[: token.start()].rstrip(), line[token.start() :]
            if '"' in head and head.count('"') % 2:
                continue  # inside a text
            for margin in dict.fromkeys((indent, "")):
                yield k + 1, "\n".join([*lines[:k], head, margin + rest, *lines[k + 1 :]])
            word = token.group()
            for moved in dict.fromkeys((word, word[:3], word[:1], "APPS")):
                yield k + 1, "\n".join([*lines[:k], head, indent + moved, *lines[k + 1 :]])
        for below in BELOW:
            yield k + 1, "\n".join([*lines[: k + 1], indent + below, *lines[k + 1 :]])


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE.parent / "tests"))
    from test_parsers_agree import differences

    paths = [Path(a) for a in argv] or sorted((HERE.parent / "examples").glob("*.bkr"))
    texts = found = 0
    for path in paths:
        for line, text in broken(path.read_text(encoding="utf-8")):
            texts += 1
            differ = differences(text)
            if differ is not None:
                found += 1
                print(f"{path.name} line {line}: {text.split(chr(10))[line - 1 : line + 1]!r}\n{differ}")
    print(f"{found} of {texts} texts read differently")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
