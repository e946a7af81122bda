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


def typing_slips(a: str, b: str, limit: int) -> int:
    """Typing slips between two words: letters added, dropped, changed or swapped;
    `limit` + 1 as soon as they are sure to be more than `limit`. Keywords
    (bkrdsl.syntax.messages) and names (bkrdsl.check.common) are cut off by them."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        if min(row) > limit and min(previous) >= limit:
            # the next rows cost at least this row's least, or the row before's least
            # plus the one slip a swap of letters adds: all more than `limit`
            return limit + 1
        previous2, previous = previous, row
    return previous[-1]
