""" "Did you mean": equally close candidates are all offered, in a stated order.

bkrdsl.diagnostics.suggest holds the rule every suggestion follows: the one
closest candidate, or the two or three equally close ones alphabetically, or
none when more are equally close. The checker's names and the parser's
keywords rank their candidates each their own way, then apply it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bkrdsl.check.common import Suggester, mean_help, near_enough
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


def _closest_by_every_ratio(word, candidates):
    """`Suggester.closest` as it was: difflib's ratio of every candidate of a near length
    (and near enough in slips)."""
    import difflib

    near = sorted({c for c in candidates if abs(len(c) - len(word)) <= 3 and near_enough(word, c)})
    ratios = [(difflib.SequenceMatcher(None, c, word).ratio(), c) for c in near]
    return tied_best((-ratio, c) for ratio, c in ratios if ratio >= 0.6)


_ID_CHARS = "ABWS0123@#"


@settings(max_examples=300, deadline=None)
@given(
    st.text(_ID_CHARS, min_size=1, max_size=9),
    st.lists(st.text(_ID_CHARS, min_size=1, max_size=9), max_size=40),
)
def test_the_closest_are_those_every_candidates_ratio_finds(word, candidates):
    """`closest` measures the ratio only of the candidates whose `quick_ratio` (an
    upper bound) reaches the best ratio found; what it offers is what measuring
    every candidate's offers, ties and the cutoff included."""
    assert Suggester().closest(word, candidates) == _closest_by_every_ratio(word, candidates)


def test_the_closest_of_many_like_ids_measure_a_handful_of_ratios(monkeypatch):
    """A missing ID against thousands of like IDs (a site's `WAS00001`...): most pass
    difflib's quick bounds, only the few that may be closest get their ratio measured."""
    import difflib

    ids = [f"WAS{n:05}" for n in range(2000)]
    measured = []
    real = difflib.SequenceMatcher.ratio

    def ratio(self):
        measured.append(self.a)
        return real(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", ratio)
    for word in ("WAS0O189", "WAS01890", "WSA00189"):
        measured.clear()
        found = Suggester().closest(word, ids)
        assert len(measured) <= 300, word  # of the 1,657, 2,000 and 2,000 that pass the quick bounds
        monkeypatch.setattr(difflib.SequenceMatcher, "ratio", real)
        # `WAS0O189`, a letter O for the digit 0, is as close by its ratio to none alone, and
        # is WAS00189 with the letter for the digit it looks like (Suggester._LOOK_ALIKE)
        assert found == (["WAS00189"] if word == "WAS0O189" else _closest_by_every_ratio(word, ids))
        monkeypatch.setattr(difflib.SequenceMatcher, "ratio", ratio)


def test_a_name_most_of_whose_letters_differ_is_no_suggestion():
    # NEWGRP and EREP share three letters in order (difflib's ratio is 0.6, its
    # cutoff), but four slips apart: NEWGRP is no misspelling of EREP. Keywords
    # are cut off by slips too (bkrdsl.syntax.messages.MOST_SLIPS).
    assert Suggester().closest("NEWGRP", ["EREP", "DISKACNT"]) == []
    assert Suggester().closest("NEWAPP", ["APPS"]) == []
    # A slip of a real name is still offered, and so is a longer or shorter form.
    assert Suggester().closest("EREPP", ["EREP", "DISKACNT"]) == ["EREP"]
    assert Suggester().closest("APPX", ["APPS", "EREP"]) == ["APPS"]
    assert Suggester().closest("VMSYS1", ["VMSYS1XYZ"]) == ["VMSYS1XYZ"]
    assert Suggester().closest("THURS", ["MON", "THU", "TUE"]) == ["THU"]


def test_an_unknown_group_gets_no_suggestion_of_a_far_name():
    from bkrdsl.pipeline import analyse

    def helps(name):
        text = f"""import std/backup-manager
import std/zvm73
cluster PRODSSI {{
  member VMSYS1 {{ workers 2 }}
  catalog shared server BKRSVSFS pool BKRPOOL
  expire on VMSYS1 {{ purge weekly sun 03:00  retain 35 days }}
  single group APPS {{ LINUX01 }}
  job APPSFULL {{
    backup {name} full
    include minidisk * *
    to disk
    run on VMSYS1 daily 02:00
  }}
}}
"""
        found = [d for d in analyse("main.bkr", text.encode()).diagnostics if d.code == "BKR331"]
        assert len(found) == 1
        return found[0].help

    # std/zvm73 declares EREP: NEWGRP is not it
    assert "did you mean" not in helps("NEWGRP")
    assert helps("APPX") == "did you mean `APPS`?"
    assert helps("ERPE") == "did you mean `EREP`?"


def test_a_name_with_a_letter_for_the_digit_it_looks_like_is_that_name():
    """`VMSYSI` is one letter from each of VMSYS1 to VMSYS4 (four equally close: none
    offered), and VMSYS1 with I for 1; `VMSYS0` with a digit for O is VMSYSO."""
    members = ["VMSYS1", "VMSYS2", "VMSYS3", "VMSYS4"]
    assert Suggester().closest("VMSYSI", members) == ["VMSYS1"]
    assert Suggester().closest("VMSYSL", members) == ["VMSYS1"]
    assert Suggester().closest("VMSYS5", members) == []
    assert Suggester().closest("VMSYS0", ["VMSYSO", "VMSYSP", "VMSYSQ", "VMSYSR"]) == ["VMSYSO"]
