"""User ID patterns as sets of user IDs: whether one pattern's IDs are all
another's, and an ID two patterns share.

A CP-style pattern (`*` any run of characters, `%` or `?` exactly one) matches
z/VM user IDs: 1 to 8 characters of `USER_ID_CHARS`. Comparing patterns by
running one's regex over the other's text is wrong as soon as the text holds a
wildcard (`A%` "matches" the text `A*`, yet `A*` selects AUTOLOG1, which `A%`
does not), so the questions are answered here on the sets themselves.

Both patterns are read as small automata (one state per position of the
pattern) and run side by side over every ID of up to 8 characters at once, a
breadth-first walk over pairs of state sets. Only the characters the two
patterns name matter, plus one they do not (what a wildcard matches besides),
so the walk visits at most a few hundred pairs. Answers are cached: a cluster
compares a handful of patterns, over and over.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

#: The characters of a z/VM user ID, in the order example IDs prefer them.
_ID_ORDER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@#$_-"
USER_ID_CHARS = frozenset(_ID_ORDER)
#: The longest user ID.
ID_LENGTH = 8

_STAR, _ONE = "*", "?"


def _tokens(pattern: str) -> tuple[str, ...]:
    """The pattern upper-cased, `%` read as `?`, runs of `*` as one."""
    out: list[str] = []
    for c in pattern.upper():
        c = _ONE if c == "%" else c
        if c == _STAR and out and out[-1] == _STAR:
            continue
        out.append(c)
    return tuple(out)


def _closure(tokens: tuple[str, ...], states: set[int]) -> frozenset[int]:
    """`states` plus every position a `*` can skip to without reading a character."""
    todo = list(states)
    seen = set(states)
    while todo:
        i = todo.pop()
        if i < len(tokens) and tokens[i] == _STAR and i + 1 not in seen:
            seen.add(i + 1)
            todo.append(i + 1)
    return frozenset(seen)


def _step(tokens: tuple[str, ...], states: frozenset[int], c: str) -> frozenset[int]:
    nxt: set[int] = set()
    for i in states:
        if i < len(tokens):
            t = tokens[i]
            if t == _STAR:
                nxt.add(i)
            elif t == _ONE or t == c:
                nxt.add(i + 1)
    return _closure(tokens, nxt)


def _head(tokens: tuple[str, ...]) -> str:
    """What every ID the pattern matches starts with."""
    out = []
    for t in tokens:
        if t in (_STAR, _ONE):
            break
        out.append(t)
    return "".join(out)


class Relation(NamedTuple):
    """How the ID sets of two patterns A and B relate (IDs of 1 to 8 characters)."""

    a_covers_b: bool  # every ID B matches, A matches
    b_covers_a: bool  # every ID A matches, B matches
    shared: str | None  # the shortest ID both match (letters before digits), or None


def _tail(tokens: tuple[str, ...]) -> str:
    """What every ID the pattern matches ends with."""
    out = []
    for t in reversed(tokens):
        if t in (_STAR, _ONE):
            break
        out.append(t)
    return "".join(reversed(out))


def _walk(a: str, b: str) -> tuple[tuple[str, ...], tuple[str, ...], list[str]] | None:
    """The two patterns' tokens and the characters to walk them with; None when
    their literal beginnings, or their literal ends, differ (then they share no
    ID: `LNX*` and `APP*`, `*X001` and `*X002`)."""
    ta, tb = _tokens(a), _tokens(b)
    head_a, head_b = _head(ta), _head(tb)
    if not (head_a.startswith(head_b) or head_b.startswith(head_a)):
        return None
    tail_a, tail_b = _tail(ta), _tail(tb)
    if not (tail_a.endswith(tail_b) or tail_b.endswith(tail_a)):
        return None
    return ta, tb, _alphabet(_named(ta, tb))


def _named(*token_runs: tuple[str, ...]) -> set[str]:
    """The characters the patterns name (not their wildcards)."""
    return {c for tokens in token_runs for c in tokens if c not in (_STAR, _ONE)}


def _alphabet(named: set[str]) -> list[str]:
    """The characters to walk with: the `named` ones, and one they do not name
    (a wildcard matches every other character alike). Letters first, so that
    examples read like IDs."""
    other = next((c for c in _ID_ORDER if c not in named), None)
    return [c for c in _ID_ORDER if c in named or c == other] + sorted(named.difference(_ID_ORDER))


def _side_by_side(ta: tuple[str, ...], tb: tuple[str, ...], alphabet: list[str], both: bool):
    """Both patterns run over every ID of up to 8 characters, shortest first:
    (A matches it, B matches it, the ID) per step. With `both`, only IDs after
    which both patterns can still match (what a shared ID needs)."""
    start = (_closure(ta, {0}), _closure(tb, {0}))
    end_a, end_b = len(ta), len(tb)
    seen = {start}
    level = [(start, "")]
    for _ in range(ID_LENGTH):
        nxt = []
        for (sa, sb), text in level:
            for c in alphabet:
                pair = (_step(ta, sa, c), _step(tb, sb, c))
                if (not pair[0] or not pair[1]) if both else (not pair[0] and not pair[1]):
                    continue  # nothing longer can match (both patterns, or one when `both`)
                yield end_a in pair[0], end_b in pair[1], text + c
                if pair not in seen:
                    # A pair met again later can only lead where its first meeting led.
                    seen.add(pair)
                    nxt.append((pair, text + c))
        level = nxt


@functools.lru_cache(maxsize=65536)
def relation(a: str, b: str) -> Relation:
    """How patterns (or plain IDs) `a` and `b` relate as sets of user IDs."""
    walk = _walk(a, b)
    if walk is None:
        # Different literal beginnings (LNX* and APP*): nothing shared, and a
        # pattern that matches anything at all does not cover the other.
        return Relation(False, False, None)
    a_covers_b = b_covers_a = True
    shared: str | None = None
    for in_a, in_b, text in _side_by_side(*walk, both=False):
        if in_a and in_b and shared is None:
            shared = text
        if in_b and not in_a:
            a_covers_b = False
        if in_a and not in_b:
            b_covers_a = False
    return Relation(a_covers_b, b_covers_a, shared)


def covers(a: str, b: str) -> bool:
    """Whether every user ID pattern (or ID) `b` matches, pattern `a` matches too."""
    return a == b or relation(a, b).a_covers_b


@functools.lru_cache(maxsize=65536)
def shared_id(a: str, b: str) -> str | None:
    """A user ID both `a` and `b` match (the shortest, letters before digits), or None.

    The same walk as `relation`, stopped at the first shared ID."""
    walk = _walk(a, b)
    if walk is None:
        return None
    for in_a, in_b, text in _side_by_side(*walk, both=True):
        if in_a and in_b:
            return text
    return None


@functools.lru_cache(maxsize=4096)
def shared_count(a: str, b: str, chars: frozenset[str] = USER_ID_CHARS) -> int:
    """How many user IDs (1 to 8 characters of `chars`) both `a` and `b` match.

    The side-by-side walk of `relation`, counting instead of deduplicating:
    per length, each pair of states carries how many IDs reach it, and the one
    character the patterns do not name stands for every such character."""
    walk = _walk(a, b)
    if walk is None:
        return 0
    ta, tb, alphabet = walk
    named = _named(ta, tb)
    others = len(chars - named)
    weight = {c: (1 if c in named else others) for c in alphabet if c in chars}
    end_a, end_b = len(ta), len(tb)
    level = {(_closure(ta, {0}), _closure(tb, {0})): 1}
    total = 0
    for _ in range(ID_LENGTH):
        nxt: dict[tuple[frozenset[int], frozenset[int]], int] = {}
        for (sa, sb), n in level.items():
            for c, w in weight.items():
                pair = (_step(ta, sa, c), _step(tb, sb, c))
                if pair[0] and pair[1]:
                    nxt[pair] = nxt.get(pair, 0) + n * w
        for (sa, sb), n in nxt.items():
            if end_a in sa and end_b in sb:
                total += n
        level = nxt
    return total


def shared_id_outside(a: str, b: str, ids: frozenset[str]) -> str | None:
    """A user ID both `a` and `b` match that is not one of `ids` (the shortest,
    letters before digits), or None.

    The walk of `shared_id` with a third part: where the ID read so far stands
    in the trie of `ids` (None once it has left every one of them, for good).
    The alphabet holds the characters of `ids` too, so that the one character
    neither pattern names is never mistaken for theirs."""
    walk = _walk(a, b)
    if walk is None:
        return None
    ta, tb, _ = walk
    trie: dict[str, dict] = {}  # "" marks a node where one of `ids` ends
    for i in ids:
        node = trie
        for c in i.upper():
            node = node.setdefault(c, {})
        node[""] = {}
    alphabet = _alphabet(_named(ta, tb, *(tuple(i.upper()) for i in ids)))
    end_a, end_b = len(ta), len(tb)
    start = (_closure(ta, {0}), _closure(tb, {0}), trie)
    seen = {(start[0], start[1], id(trie))}
    level = [(start, "")]
    for _ in range(ID_LENGTH):
        nxt = []
        for (sa, sb, node), text in level:
            for c in alphabet:
                na, nb = _step(ta, sa, c), _step(tb, sb, c)
                if not na or not nb:
                    continue
                child = node.get(c) if node is not None else None
                if end_a in na and end_b in nb and (child is None or "" not in child):
                    return text + c
                key = (na, nb, id(child) if child is not None else None)
                if key not in seen:
                    seen.add(key)
                    nxt.append(((na, nb, child), text + c))
        level = nxt
    return None


_WILDCARD = re.compile("[*%?]")


def literal_head(pattern: str) -> str:
    """What every ID a pattern matches starts with: the pattern up to its first
    wildcard, upper-cased (`LNX` of `lnx%1*`; an ID whole)."""
    return _WILDCARD.split(pattern.upper(), maxsplit=1)[0]


def literal_tail(pattern: str) -> str:
    """What every ID a pattern matches ends with: the pattern after its last
    wildcard, upper-cased (`01` of `lnx%*01`; an ID whole)."""
    return _WILDCARD.split(pattern.upper())[-1]


def _agree(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


#: How many patterns' literal beginnings may agree with one pattern's before
#: `pairs_that_may_share` reads their literal ends too, for fewer (`*X001`).
_FEW = 8


def _literal_ends(pattern: str) -> tuple[str, str]:
    """`literal_head` and `literal_tail` read backwards, in one split."""
    parts = _WILDCARD.split(pattern.upper())
    return parts[0], parts[-1][::-1]


def _key_index(keys: list[str]) -> tuple[list[str], list[int], dict[str, list[int]], list[int]]:
    """`keys` sorted, their places in that order, the places of each key, and the
    keys' lengths, sorted."""
    ordered = sorted((k, j) for j, k in enumerate(keys))
    by_key: dict[str, list[int]] = {}
    for k, j in ordered:
        by_key.setdefault(k, []).append(j)
    return [k for k, _ in ordered], [j for _, j in ordered], by_key, sorted(set(map(len, by_key)))


def _agreeing(key: str, keys_index) -> tuple[int, list]:
    """How many keys of `keys_index` (`_key_index`) agree with `key`, and their
    runs: those that start with `key` (a run of the sorted keys), and each
    shorter beginning of it (of the keys' lengths only)."""
    keys, places, by_key, lengths = keys_index
    low = bisect.bisect_left(keys, key)
    high = bisect.bisect_left(keys, key + "\U0010ffff", low)
    shorter = lengths[: bisect.bisect_left(lengths, len(key))]
    runs = [places[low:high]] + [by_key[key[:n]] for n in shorter if key[:n] in by_key]
    return sum(map(len, runs)), runs


def pairs_that_may_share(ones: Sequence[str], twos: Sequence[str]) -> list[tuple[int, int]]:
    """(i, j), in that order, of each pattern `ones[i]` and `twos[j]` whose literal
    beginnings agree (one starts with the other) and whose literal ends agree
    (one ends with the other): the only pairs `shared_id` can find an ID for,
    and of different patterns the only ones of which `covers` can hold
    (`_walk` gives up on the others, whose `relation` is that of disjoint
    sets). Found through the sorted beginnings of `twos`, or through their
    sorted ends read backwards where that finds fewer (patterns that start with
    `*`, `*X001`), not by trying every pair: a cluster of thousands of
    patterns of distinct beginnings (`LNXZ001*`, `LNXZ002*`, ...) or of
    distinct ends (`*Q0001`, `*Q0002`, ...) has few such pairs, and trying each
    pair grows with the square of the number of patterns. The index of the ends
    is made when a pattern's beginning first agrees with more than `_FEW`
    others' (a cluster's few patterns of distinct beginnings never need it)."""
    ends_of = [_literal_ends(p) for p in twos]
    by_head = _key_index([h for h, _ in ends_of])
    by_tail = None
    out: list[tuple[int, int]] = []
    for i, (head, tail) in enumerate(ends_of if ones is twos else map(_literal_ends, ones)):
        n_head, runs = _agreeing(head, by_head)
        other, end = tail, 1  # the runs' patterns, then whether their other end agrees
        if n_head > _FEW:
            if by_tail is None:
                by_tail = _key_index([t for _, t in ends_of])
            n_tail, tail_runs = _agreeing(tail, by_tail)
            if n_tail < n_head:
                runs, other, end = tail_runs, head, 0
        found = {j for run in runs for j in run if _agree(other, ends_of[j][end])}
        out.extend((i, j) for j in sorted(found))
    return out


def overlaps_in_part(a: str, b: str) -> str | None:
    """An ID `a` and `b` share when neither covers the other (so no one pattern
    names exactly their common IDs), else None."""
    r = relation(a, b)
    if r.shared is None or r.a_covers_b or r.b_covers_a:
        return None
    return r.shared
