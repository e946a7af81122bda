"""User ID patterns as sets of IDs (bkrdsl/resolve/patterns.py), against brute force.

Patterns over the letters A and B (and the wildcards) are compared on every
ID of 1 to 8 characters from A, B and C, matched one by one with the
regex the checks and templates use: C stands for every character the patterns
do not name, so these IDs decide every question about such patterns.
"""

from __future__ import annotations

import functools
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from bkrdsl.resolve.model import narrow_sfs_path, pattern_regex
from bkrdsl.resolve.patterns import (
    covers,
    overlaps_in_part,
    pairs_that_may_share,
    relation,
    shared_count,
    shared_id,
    shared_id_outside,
)


@functools.cache
def _ids() -> tuple[str, ...]:
    return tuple("".join(t) for n in range(1, 9) for t in itertools.product("ABC", repeat=n))


@functools.cache
def _matched(pattern: str) -> frozenset[str]:
    rx = pattern_regex(pattern)
    return frozenset(i for i in _ids() if rx.match(i))


patterns = st.text(alphabet="AB*%?", min_size=1, max_size=7)


@settings(max_examples=400, deadline=None)
@given(patterns, patterns)
def test_relation_agrees_with_brute_force(a, b):
    ma, mb = _matched(a), _matched(b)
    r = relation(a, b)
    assert r.a_covers_b == (mb <= ma)
    assert r.b_covers_a == (ma <= mb)
    shared = ma & mb
    assert (r.shared is None) == (not shared)
    if shared:
        # the shortest shared ID, letters first
        assert r.shared in shared and len(r.shared) == min(len(i) for i in shared)


@settings(max_examples=300, deadline=None)
@given(patterns, patterns)
def test_shared_count_agrees_with_brute_force(a, b):
    assert shared_count(a, b, frozenset("ABC")) == len(_matched(a) & _matched(b))


@settings(max_examples=200, deadline=None)
@given(patterns, patterns, st.integers(min_value=0, max_value=4))
def test_shared_id_outside_agrees_with_brute_force(a, b, listed):
    # List the first shared IDs (the ones `shared_id` would name): the answer
    # is then the shortest shared ID after them, letters first.
    shared = sorted(_matched(a) & _matched(b), key=lambda i: (len(i), i))
    ids = frozenset(shared[:listed])
    ra, rb = pattern_regex(a), pattern_regex(b)
    # Over A-D: the patterns name A and B at most, the listed IDs A to C, so D
    # is a character neither names (as the walk's "any other" stands for).
    candidates = ("".join(t) for n in range(1, 9) for t in itertools.product("ABCD", repeat=n))
    expected = next((i for i in candidates if i not in ids and ra.match(i) and rb.match(i)), None)
    assert shared_id_outside(a, b, ids) == expected


def test_shared_id_outside_passes_over_the_listed_ids():
    assert shared_id_outside("LNX%%%0%", "LNXWEB*", frozenset({"LNXWEB0A"})) == "LNXWEB0B"
    assert shared_id_outside("LNX%%%01", "LNXWEB*", frozenset({"LNXWEB01"})) is None  # the only one
    # The listed IDs' own characters are not taken for the one the walk adds.
    everything = frozenset(f"A{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@#$_")
    assert shared_id_outside("A%", "A*", everything) == "A-"
    assert shared_id_outside("A%", "A*", everything | {"A-"}) is None


def test_shared_count_over_user_id_characters():
    assert shared_count("A%", "A*") == 41  # A and one of 41 characters
    assert shared_count("LNX%%%01", "LNXWEB*") == 1  # LNXWEB01 only
    assert shared_count("LNX1*", "APP*") == 0


def test_wildcards_in_the_text_are_not_read_as_characters():
    # `A%` "matches" the text A* as a regex, yet A* selects AUTOLOG1, which A% does not.
    assert not covers("A%", "A*")
    assert covers("A*", "A%")
    assert covers("*?", "?*") and covers("?*", "*?")  # both: every ID
    assert not covers("LNX1*", "LNX*1") and not covers("LNX*1", "LNX1*")
    assert shared_id("LNX1*", "LNX*1") == "LNX1"
    assert overlaps_in_part("LNX1*", "LNX*1") == "LNX1"
    assert overlaps_in_part("LNX*", "LNXAPP*") is None  # one holds the other
    assert shared_id("LNX*", "APP*") is None
    assert shared_id("ABCDEFGH*", "*Z") is None  # would need 9 characters


def test_sfs_path_owner_is_narrowed():
    assert narrow_sfs_path("POOL:*.LOGS", ["CICSPRD"], ["LNX*"]) == ["POOL:CICSPRD.LOGS", "POOL:LNX*.LOGS"]
    assert narrow_sfs_path("POOL:LNX%", [], ["LNX*"]) == ["POOL:LNX%"]
    assert narrow_sfs_path("POOL:MAINT.X", ["CICSPRD"], []) == []


def test_equivalent_patterns_of_two_groups_are_written_once():
    from bkrdsl.resolve.model import narrow_owners

    # LNX%* and LNX?* (and LNX*%) name the same IDs: one record, the first spelling.
    assert narrow_owners("*", ["A1"], ["LNX%*", "LNX?*", "LNX*%"]) == ["A1", "LNX%*"]
    assert narrow_owners("LNX*", ["LNX01"], ["LNX%*", "APP*", "LNX?*"]) == ["LNX01", "LNX%*"]
    assert narrow_owners("*", [], ["LNX*", "LNX%*"]) == ["LNX*", "LNX%*"]  # different sets: both


def test_a_pattern_given_twice_is_written_once_not_dropped():
    from bkrdsl.resolve.model import narrow_owners

    # One spelling twice (a group named twice in a job, or two groups' `match` alike)
    # was taken for two ways of writing one set of IDs, and both copies dropped.
    assert narrow_owners("LNXP*", [], ["LNXP%%", "LNXP%%"]) == ["LNXP%%"]
    assert narrow_owners("*", ["A1"], ["LNX%*", "LNX?*", "LNX%*"]) == ["A1", "LNX%*"]


# Checks that compare many patterns (BKR204's pattern kinds, BKR405's jobs, the
# records of a job of many groups) ask only of the pairs `pairs_that_may_share`
# gives: every other pair must share no ID and neither cover the other, so that
# asking every pair, as they did before, gives the same answers.
pattern_lists = st.lists(st.text(alphabet="AB*%?", min_size=1, max_size=5), max_size=8)


@settings(max_examples=300, deadline=None)
@given(pattern_lists, pattern_lists)
def test_pairs_left_out_share_no_id_and_cover_nothing(ones, twos):
    found = pairs_that_may_share(ones, twos)
    assert found == sorted(set(found))
    for i, a in enumerate(ones):
        for j, b in enumerate(twos):
            if (i, j) not in found:
                assert not _matched(a) & _matched(b), (a, b)
                assert shared_id(a, b) is None and a != b and not covers(a, b) and not covers(b, a), (a, b)


def _written_once_every_pair(patterns: list[str]) -> list[str]:
    """What `narrow_owners("*", [], patterns)` wrote when it compared every two
    patterns for the same set of IDs (before `pairs_that_may_share`), a spelling
    given twice taken once (it dropped both copies before stop 40)."""
    patterns = list(dict.fromkeys(patterns))
    same: set[str] = set()
    for i, p in enumerate(patterns):
        if p not in same and any(covers(q, p) and covers(p, q) for q in patterns[:i] if q not in same):
            same.add(p)
    return [p for p in patterns if p not in same] if len(patterns) > 1 else patterns


@settings(max_examples=300, deadline=None)
@given(pattern_lists)
def test_equivalent_patterns_are_found_as_when_every_pair_was_compared(pats):
    from bkrdsl.resolve.model import narrow_owners

    assert narrow_owners("*", [], pats) == _written_once_every_pair(pats)


def test_patterns_of_distinct_beginnings_are_not_paired():
    # Thousands of group patterns like these: each pairs with itself and the shorter `LNX*`.
    pats = ["LNX*", *(f"LNXZ{n:03d}*" for n in range(500)), "*Z"]
    found = pairs_that_may_share(pats, pats)
    assert (1, 1) in found and (1, 0) in found and (0, 1) in found and (1, 2) not in found
    # `*Z` (no literal beginning) may share an ID with any of them.
    assert all((len(pats) - 1, j) in found and (j, len(pats) - 1) in found for j in range(len(pats)))
    assert len(found) == 1 + 500 * 2 + 500 + 2 * len(pats) - 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sets(st.sampled_from("GHKR")), pattern_lists), min_size=2, max_size=6))
def test_pairs_of_jobs_compared_are_those_that_can_share_users(jobs):
    """BKR405's pairs of jobs (`_earlier_naming_users_in_common`, whose reading once
    each job's keys are known is `_earlier_sharing`: for each job, the earlier jobs it
    is compared with): those that share a source (a group, say) or
    whose patterns share an ID, as trying every two patterns of every pair of jobs
    found them, each earlier job once and in order."""
    earlier = _earlier_sharing_is_every_pair(jobs)
    assert all(list(earlier(b)) == sorted(earlier(b)) for b in range(len(jobs)))


def _earlier_sharing_is_every_pair(jobs):
    """`_earlier_sharing` of `jobs` ((sources, patterns) each) against trying every
    two patterns of every pair of jobs: the same pairs, each earlier job once. The
    reading, for more assertions."""
    from bkrdsl.check.coverage import _earlier_sharing

    sources = [set(keys) for keys, _ in jobs]
    patterns = [dict.fromkeys(pats) for _, pats in jobs]
    tried = [
        (a, b)
        for a, b in itertools.combinations(range(len(jobs)), 2)
        if not sources[a].isdisjoint(sources[b])
        or any(shared_id(pa, pb) is not None for pa in patterns[a] for pb in patterns[b])
    ]
    distinct = list(dict.fromkeys(p for pats in patterns for p in pats))
    earlier = _earlier_sharing(sources, patterns, [set() for _ in jobs], distinct)
    found = [(a, b) for b in range(len(jobs)) for a in earlier(b)]
    assert sorted(found) == tried and len(set(found)) == len(found)
    return earlier


# stop 70, h1: patterns that start with `*`, paired through their literal ends
star_first = st.text(alphabet="AB*%?", max_size=6).map(lambda t: "*" + t)
star_first_lists = st.lists(st.one_of(star_first, star_first, patterns), max_size=8)


@settings(max_examples=300, deadline=None)
@given(star_first_lists, star_first_lists)
def test_pairs_left_out_of_patterns_starting_with_a_star_share_no_id_and_cover_nothing(ones, twos):
    """`pairs_that_may_share` leaves out the pairs whose literal ends disagree too
    (`*AB` and `*BA`), found through the ends where the beginnings are empty:
    every pair left out shares no ID and neither covers the other."""
    found = pairs_that_may_share(ones, twos)
    assert found == sorted(set(found))
    for i, a in enumerate(ones):
        for j, b in enumerate(twos):
            if (i, j) not in found:
                assert not _matched(a) & _matched(b), (a, b)
                assert shared_id(a, b) is None and a != b and not covers(a, b) and not covers(b, a), (a, b)


def test_patterns_of_distinct_ends_are_not_paired():
    # Thousands of group patterns like these (`*Q001`: no literal beginning) were
    # every pair tried; each pairs with itself and with those of no literal end.
    pats = ["*Z", *(f"*Q{n:03d}" for n in range(500)), "LNX*"]
    found = pairs_that_may_share(pats, pats)
    last = len(pats) - 1
    assert (1, 1) in found and (1, 2) not in found and (1, 0) not in found and (1, last) in found and (last, 1) in found
    assert len(found) == 500 + 2 * 500 + 1 + 2 + 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sets(st.sampled_from("GHKR")), star_first_lists), min_size=2, max_size=6))
def test_pairs_of_jobs_of_patterns_starting_with_a_star_are_those_that_can_share_users(jobs):
    """`_earlier_sharing` of jobs whose patterns start with `*` (found through their
    literal ends): the earlier jobs that share a source or whose patterns share an
    ID, as trying every two patterns of every pair of jobs found them."""
    _earlier_sharing_is_every_pair(jobs)


# stop 71, h1: the index of literal ends, made only where the beginnings find many
many_patterns = st.lists(st.one_of(star_first, patterns, st.sampled_from(["A*", "AB*", "*B", "A%*B"])), max_size=24)


def _agreeing_pairs(ones: list[str], twos: list[str]) -> list[tuple[int, int]]:
    """Every pair whose literal beginnings agree and whose literal ends agree, each tried."""
    from bkrdsl.resolve.patterns import literal_head, literal_tail

    def agree(a: str, b: str) -> bool:
        return a.startswith(b) or b.startswith(a)

    return [
        (i, j)
        for i, a in enumerate(ones)
        for j, b in enumerate(twos)
        if agree(literal_head(a), literal_head(b)) and agree(literal_tail(a)[::-1], literal_tail(b)[::-1])
    ]


@settings(max_examples=300, deadline=None)
@given(many_patterns, many_patterns)
def test_pairs_are_those_whose_literal_beginnings_and_ends_agree(ones, twos):
    """Through the beginnings alone (a few agree with the pattern's) or through the
    ends where more than `_FEW` do and the ends find fewer: the same pairs, those
    whose beginnings and ends agree, in order; the same of one list given twice
    (whose ends are read once)."""
    assert pairs_that_may_share(ones, twos) == _agreeing_pairs(ones, twos)
    assert pairs_that_may_share(ones, ones) == _agreeing_pairs(ones, ones)


def test_patterns_of_few_agreeing_beginnings_make_no_index_of_their_ends(monkeypatch):
    """A cluster's group patterns of distinct beginnings (`DBSZ004*`, `MQSZ008*`,
    the bench file's) each agree with few others' beginnings: their ends are not
    sorted (stop 70 sorted them on every call, 2.7% of the bench file's check
    with the other index below). Patterns that start with `*` still are."""
    import bkrdsl.resolve.patterns as patterns_module

    made = []
    real = patterns_module._key_index

    def key_index(keys):
        made.append(len(keys))
        return real(keys)

    monkeypatch.setattr(patterns_module, "_key_index", key_index)
    pats = [f"{p}Z{n:03d}*" for n in range(200) for p in ("DBS", "MQS", "LNX")]
    assert len(pairs_that_may_share(pats, pats)) == len(pats)
    assert made == [len(pats)]
    made.clear()
    starred = ["*Z", *(f"*Q{n:03d}" for n in range(500))]
    assert len(pairs_that_may_share(starred, starred)) == len(starred)
    assert made == [len(starred), len(starred)]
