""" "Did you mean": equally close candidates are all offered, in a stated order.

bkrdsl.diagnostics.suggest holds the rule every suggestion follows: the one
closest candidate, or the two or three equally close ones alphabetically, or
none when more are equally close. The checker's names and the parser's
keywords rank their candidates each their own way, then apply it.
"""

from __future__ import annotations

import pytest

from bkrdsl.check.common import Suggester, mean_help
from bkrdsl.diagnostics.suggest import alternatives, tied_best
from bkrdsl.syntax.messages import did_you_mean


def test_tied_best_keeps_every_candidate_equal_to_the_best_alphabetically():
    assert tied_best([((2,), "B"), ((1,), "Z"), ((1,), "A"), ((3,), "C")]) == ["A", "Z"]
    assert tied_best([((1,), "ONLY")]) == ["ONLY"]
    assert tied_best([]) == []


def test_more_than_three_equally_close_is_no_suggestion():
    assert tied_best([((1,), n) for n in "ABC"]) == ["A", "B", "C"]
    assert tied_best([((1,), n) for n in "ABCD"]) == []


@pytest.mark.parametrize(
    ("names", "shown"),
    [(["A"], "`A`"), (["A", "B"], "`A` or `B`"), (["A", "B", "C"], "`A`, `B` or `C`")],
)
def test_alternatives(names, shown):
    assert alternatives(names) == shown


@pytest.mark.parametrize("order", [["VMSYS1", "VMSYS2"], ["VMSYS2", "VMSYS1"]])
def test_a_name_equally_close_to_two_members_offers_both_whatever_their_order(order):
    assert Suggester().closest("VMSYS3", order + ["PRODA"]) == ["VMSYS1", "VMSYS2"]
    assert mean_help(["VMSYS1", "VMSYS2"], "no") == "did you mean `VMSYS1` or `VMSYS2`?"


def test_a_closer_name_wins_over_equally_close_others():
    assert Suggester().closest("VMSYS01", ["VMSYS1", "VMSYS2"]) == ["VMSYS1"]


def test_a_name_equally_close_to_many_offers_none():
    assert Suggester().closest("VMSYS9", ["VMSYS1", "VMSYS2", "VMSYS3", "VMSYS4"]) == []
    assert mean_help([], "the members are ...") == "the members are ..."


def test_keywords_rank_by_slips_then_by_likeness():
    # One slip from both: equally close, both offered.
    assert did_you_mean("enclude", ["exclude", "include", "run"]) == ["exclude", "include"]
    # One slip from `on` and from `job`, but more like `on`.
    assert did_you_mean("jon", ["job", "on"]) == ["on"]
    # Fewer slips win before likeness is asked.
    assert did_you_mean("incremntal", ["incremental", "include"]) == ["incremental"]
