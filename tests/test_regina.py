"""Generated EXECs run unchanged under Regina REXX with the CMS/CP stand-in.

Skipped where Regina is not installed; fails instead when BKRDSL_REQUIRE_REGINA=1 (CI).
The expected command sequences are data: tests/cms/cases.txt.
"""

from __future__ import annotations

import pytest

from cms.cases import load_cases
from cms.generate import example_exec, example_members, example_model, example_names
from cms.invariants import (
    DAYS,
    assert_expiry_due,
    assert_expiry_on_purging_members_only,
    assert_expiry_verbs,
    assert_refuses_other_members,
    assert_start_order,
    assert_submit_all,
)

pytestmark = pytest.mark.regina

CASES = load_cases()



@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(cms, case):
    text = example_exec(case.example, case.member, case.exec_name)
    run = cms.run(
        text,
        case.operands,
        member=case.run_as or case.member,
        logged_on=case.logged_on,
        fail=case.fail,
        slow=case.slow,
        file_name=f"{case.exec_name}.EXEC",
    )
    assert run.commands == case.commands, run
    assert run.rc == case.rc, run
    lines = run.stdout.splitlines()
    for expected in case.says:
        assert any(expected in line for line in lines), (expected, str(run))


MEMBER_PAIRS = [(ex, m) for ex in example_names() for m in example_members(ex)]


def _exec_of(example: str):
    return lambda member, exec_name: example_exec(example, member, exec_name)


@pytest.mark.parametrize(("example", "member"), MEMBER_PAIRS)
def test_submit_all_sends_exactly_this_members_jobs(cms, example, member):
    assert_submit_all(cms, example_model(example), _exec_of(example), member)


@pytest.mark.parametrize(("example", "member"), MEMBER_PAIRS)
def test_every_exec_refuses_every_other_member(cms, example, member):
    assert_refuses_other_members(cms, example_model(example), _exec_of(example), member)


@pytest.mark.parametrize("example", example_names())
def test_expiry_runs_on_the_purging_member_only(cms, example):
    model = example_model(example)
    assert len(model.purging_members()) == 1  # every example has one shared catalog
    assert_expiry_on_purging_members_only(cms, model, _exec_of(example))


@pytest.mark.parametrize("example", example_names())
def test_expiry_sends_every_action_of_every_block(cms, example):
    """The purging member's BKREXPIR carries the preview and the purge of every
    `expire` block naming it (the oracle reads the blocks, not the emitter's model),
    whether run by verb or DUE at each scheduled minute."""
    model = example_model(example)
    (purger,) = model.purging_members()
    exec_of = _exec_of(example)
    assert_expiry_verbs(cms, model, exec_of, purger)
    times = {tuple(s.time.text.split(":")) for e in model.cluster.expires for s in e.previews + e.purges if s.time}
    for hhmm in sorted(f"{int(h):02d}:{m}" for h, m in times):
        for day in DAYS:
            assert_expiry_due(cms, model, exec_of, purger, hhmm, day, 1)


@pytest.mark.parametrize(("example", "member"), MEMBER_PAIRS)
def test_start_order_for_every_member(cms, example, member):
    assert_start_order(cms, example_model(example), _exec_of(example), member)
