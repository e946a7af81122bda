"""Patch helper for the prototypes: `python pN_x.py DEST` edits the copy of bkrdsl in DEST.

Each prototype replaces exact text and stops with a message when the text it expects is not
there (the code it was written against has changed), so it never half-applies silently.
"""

import sys
from pathlib import Path

ROOT = Path(sys.argv[1])


def patch(rel: str, old: str, new: str, count: int = 1) -> None:
    path = ROOT / rel
    text = path.read_text()
    if text.count(old) != count:
        raise SystemExit(f"{rel}: expected {count} match(es) of:\n{old}\nfound {text.count(old)}")
    path.write_text(text.replace(old, new))
