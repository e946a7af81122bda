"""The property tests' profiles (tests/conftest.py; docs/architecture.md, "Property tests").

Under the default profile, `ci`, every property test draws the same examples on
every run: a test that set `derandomize=False` or a database of its own would
let a random seed fail CI again. Under either profile no property test has a
deadline or the timing health check.
"""

from __future__ import annotations

import os

from conftest import PROFILE, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def property_tests(session):
    for item in session.items:
        test = getattr(item.obj, "__func__", item.obj)
        if not getattr(test, "is_hypothesis_test", False):
            continue
        own = getattr(test, "_hypothesis_internal_use_settings", None)
        if own is None and item.cls is not None:  # a state machine's TestCase: its class holds them
            own = getattr(item.cls, "settings", None)
        assert isinstance(own, settings), item.nodeid
        yield item, own


def test_the_default_profile_is_derandomized():
    if "BKRDSL_HYPOTHESIS" not in os.environ:
        assert PROFILE == "ci"
    if PROFILE == "ci":
        assert settings.default.derandomize and settings.default.database is None


def test_every_property_test_follows_the_profile(request):
    found = list(property_tests(request.session))
    if not found:  # this file run alone
        return
    wrong = [
        item.nodeid
        for item, own in found
        if own.derandomize != (PROFILE == "ci")
        or own.database is not None
        or own.deadline is not None
        or HealthCheck.too_slow not in own.suppress_health_check
        or item.get_closest_marker("property") is None
    ]
    assert wrong == []


def test_the_explore_script_runs_the_marked_tests_under_the_explore_profile():
    script = (ROOT / ".ci" / "explore").read_text(encoding="utf-8")
    assert os.access(ROOT / ".ci" / "explore", os.X_OK)
    assert "BKRDSL_HYPOTHESIS=explore" in script and "-m property --hypothesis-seed=" in script


def test_a_parametrized_test_is_scaled_once(monkeypatch):
    """Its items share one function: scaling it per item multiplied `max_examples`
    by SCALE to the power of the items (8 x 2**10 for ten files)."""
    import conftest

    @settings(max_examples=5, database=None)
    @given(st.integers())
    def prop(n):
        pass

    class Item:
        obj = prop

        def add_marker(self, marker):
            pass

    monkeypatch.setattr(conftest, "SCALE", 3)
    conftest.pytest_collection_modifyitems([Item(), Item(), Item()])
    assert prop._hypothesis_internal_use_settings.max_examples == 15
