""" "Did you mean": which candidates to offer for a misspelt word, ties included.

Every suggestion in bkrc (a misspelt keyword, an unknown member, group, user,
volume, role, day or unit, an import of a module that is not there) ranks its
candidates with a key of its own (lower is closer) and offers what `tied_best`
keeps: the candidates whose key equals the best one. One closest candidate is
offered alone; two or three equally close are all offered, in alphabetical
order, so that neither is picked by an accident of sorting (`VMSYS` is as
close to `VMSYS1` as to `VMSYS2`); more than three equally close are no
suggestion at all, since the word then says nothing about which was meant.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

#: The most equally close candidates offered at once.
MAX_OFFERED = 3


def tied_best(ranked: Iterable[tuple[tuple, str]]) -> list[str]:
    """From (key, candidate) pairs, the candidates with the lowest key, alphabetically;
    empty when there are none or more than MAX_OFFERED of them."""
    best: tuple | None = None
    names: set[str] = set()
    for key, name in ranked:
        if best is None or key < best:
            best, names = key, {name}
        elif key == best:
            names.add(name)
    return sorted(names) if len(names) <= MAX_OFFERED else []


def alternatives(names: Sequence[str]) -> str:
    """`A`, `A` or `B`, `A`, `B` or `C`: the candidates as a message names them."""
    quoted = [f"`{n}`" for n in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
