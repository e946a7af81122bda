"""Generated EXECs run unchanged under Regina REXX with the CMS/CP stand-in.

Skipped where Regina is not installed; fails instead when BKRDSL_REQUIRE_REGINA=1 (CI).
The expected command sequences are data: tests/cms/cases.txt.
"""

from __future__ import annotations

import pytest
from conftest import require_tool

from cms.cases import load_cases
from cms.generate import example_exec, example_members, example_model, example_names
from cms.standin import CmsStandIn, find_rexx

pytestmark = pytest.mark.regina

CASES = load_cases()


@pytest.fixture(scope="module")
def cms(tmp_path_factory):
    require_tool("BKRDSL_REQUIRE_REGINA", find_rexx() is not None, "Regina REXX (rexx)")
    return CmsStandIn(tmp_path_factory.mktemp("cms"))


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


@pytest.mark.parametrize(("example", "member"), MEMBER_PAIRS)
def test_submit_all_sends_exactly_this_members_jobs(cms, example, member):
    """BKRSUBMT ALL submits every job placed on the member, under its member name, to
    the member's own backup server, and nothing else."""
    model = example_model(example)
    expected = ["CP QUERY USERID"] + [
        f"CP SMSG {model.backup_server} SUBMIT {name}"
        for job in model.jobs
        for where, name in model.derived_names(job)
        if where == member
    ]
    run = cms.run(example_exec(example, member, "BKRSUBMT"), "ALL", member=member)
    assert (run.rc, run.commands) == (0, expected), run


@pytest.mark.parametrize(("example", "member"), MEMBER_PAIRS)
def test_every_exec_refuses_every_other_member(cms, example, member):
    model = example_model(example)
    execs = ["BKRSUBMT", "BKRSTART"] + (["BKREXPIR"] if member in model.purging_members() else [])
    for exec_name in execs:
        text = example_exec(example, member, exec_name)
        for other in example_members(example):
            if other == member:
                continue
            operands = "ALL" if exec_name == "BKRSUBMT" else "PURGE" if exec_name == "BKREXPIR" else ""
            run = cms.run(text, operands, member=other)
            assert run.rc == 40, run
            assert run.commands == ["CP QUERY USERID"], run
            assert f"this EXEC is for member {member}, not for {other}." in run.stdout, run


@pytest.mark.parametrize("example", example_names())
def test_expiry_runs_on_the_purging_member_only(cms, example):
    """One purging member; its BKREXPIR purges there, and refuses everywhere else."""
    model = example_model(example)
    (purger,) = model.purging_members()
    text = example_exec(example, purger, "BKREXPIR")
    for member in example_members(example):
        run = cms.run(text, "PURGE", member=member)
        if member == purger:
            purge = f"CP SMSG {model.catalog_server} EXPIRE (PURGE"
            assert (run.rc, run.commands) == (0, ["CP QUERY USERID", purge]), run
        else:
            assert (run.rc, run.commands) == (40, ["CP QUERY USERID"]), run


@pytest.mark.parametrize(("example", "member"), MEMBER_PAIRS)
def test_start_order_for_every_member(cms, example, member):
    """BKRSTART starts, once each and in this order: the catalog's SFS server (on its
    home member only), BKRCATLG, BKRBKUP, the member's workers, then its Tape Manager
    node (the catalog node on its member, the request node elsewhere)."""
    model = example_model(example)
    catalog, tape = model.catalog, model.tape
    expected = [catalog.server] if catalog is not None and catalog.home == member else []
    expected += [model.catalog_server, model.backup_server, *model.workers_of(model.member(member))]
    if tape is not None:
        expected.append(tape.catalog_node if tape.catalog_member == member else tape.request_node)
    run = cms.run(example_exec(example, member, "BKRSTART"), member=member)
    assert run.rc == 0, run
    started = [c.split()[-1] for c in run.commands if c.startswith("CP XAUTOLOG ")]
    assert started == expected, run
    queried = [c.split()[-1] for c in run.commands if c.startswith("CP QUERY USER ")]
    assert list(dict.fromkeys(queried)) == expected, run  # each asked about before its XAUTOLOG
