"""Where the grammar and the standard library live.

In a wheel they are copied into the package (bkrdsl/_data/); in a source checkout
or an editable install they are read from the repository's top-level grammar/
and stdlib/ folders. This is the only place that knows both layouts.
"""

from __future__ import annotations

import functools
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@functools.cache
def data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bkrdsl is installed without its {name}/ folder")


def grammar_path() -> Path:
    return data_dir("grammar") / "bkr.lark"


def stdlib_dir() -> Path:
    return data_dir("stdlib")
