"""The z/VM release modules of the standard library, read whether a file imports them or not.

`std/zvm72`, `std/zvm73` and `std/zvm74` differ only in the IDs whose names carry
the release (MAINT720, 7VMTCP20, ...; docs/stdlib.md). A cluster upgraded from
7.2 to 7.3 imports `std/zvm73`, but its directory keeps 7.2's IDs until the
site deletes them, and its file may still name them: they are z/VM's own IDs
all the same, of a release the file does not import. `release_id` says which
module declares such an ID, so that `bkrc init --directory` and `bkrc show
--directory` do not take MAINT720 for one of the site's own users
(`starter.classifier`), and that BKR331's help says whose it is rather than
offer the new release's ID in its place (`check/declarations.py`).

Pure but for the one read of the library's files, cached.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from bkrdsl.ast import Kind
from bkrdsl.resources import stdlib_dir

#: The module every release module imports: its IDs are no release's own.
_COMMON = "zvm-common"


class ReleaseID(NamedTuple):
    """A user ID a z/VM release module declares: `module` (`std/zvm72`), `release`
    (`7.2`), its `kind` there and the `line` of its declaration."""

    id: str
    module: str
    release: str
    kind: Kind
    line: int


def _release(stem: str) -> str:
    """`zvm72` -> `7.2`."""
    digits = stem[3:]
    return f"{digits[:-1]}.{digits[-1]}" if len(digits) >= 2 and digits.isdigit() else stem


@functools.cache
def release_ids() -> dict[str, ReleaseID]:
    """Each user ID (not a pattern) that a release module of the standard library
    declares itself, by ID; the first module in name order where two did."""
    from bkrdsl.resolve.loader import read_text
    from bkrdsl.resolve.model import is_pattern

    found: dict[str, ReleaseID] = {}
    for path in sorted(stdlib_dir().glob("zvm*.bkr")):
        if path.stem == _COMMON:
            continue
        module = f"std/{path.stem}"
        _, parsed, _ = read_text(f"{module}.bkr", path.read_bytes())
        if parsed is None:
            continue
        for decl in parsed.users:
            for word in decl.names:
                name = word.text.upper()
                if not is_pattern(name):
                    found.setdefault(name, ReleaseID(name, module, _release(path.stem), decl.kind, word.span.line))
    return found


def release_id(user_id: str) -> ReleaseID | None:
    """The release module that declares `user_id`, or None (not a release's own ID)."""
    return release_ids().get(user_id.upper())
