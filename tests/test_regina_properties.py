"""Property: for any cluster the checker passes, every member's EXECs keep the SSI
contract when Regina runs them under the CMS/CP stand-in.

The clusters come from the compile properties' generator (1 to 4 members with
odd names and job suffixes, renamed machines, shared or local catalogs, Tape
Manager with or without DMMs, jobs on any member at any schedule); the contract is the one tests/test_regina.py proves on
the examples (tests/cms/invariants.py): BKRSUBMT sends exactly the member's
jobs to its own backup server (ALL, one by name, or those DUE at a drawn
minute, day and date, against an oracle computed from the model's
schedules; DUE on another member names the jobs due there then, by the same
oracle, or says no more than its refusal), BKREXPIR DUE sends the expiry actions due then, BKRSTART starts the member's machines in order, every EXEC
refuses every other member, and only the purging members purge. The same
contract holds for the clusters of `named_clusters` (members and jobs of any CP
names, any schedule, a one-digit hour included). For the clusters of
`clusters`, BKRSTART also waits as long as the catalog's `logon-wait` and
`pool-wait` say (its tries add up to them), and `BKRSUBMT LIST` shows each job's
description as the .bkr text writes it (stop 81). The system outside the cluster
is drawn (stop 82), its name mostly a slip from a member's or the cluster's, and each
EXEC called there as it may be (LIST, ALL, a job, PREVIEW...): rc 52, only QUERY
USERID issued. Skipped
without Regina; fails instead when BKRDSL_REQUIRE_REGINA=1 (CI).
"""

from __future__ import annotations

import datetime

import pytest
from cms.generate import generate
from cms.invariants import (
    DAYS,
    assert_due,
    assert_due_elsewhere,
    assert_expiry_due,
    assert_expiry_on_purging_members_only,
    assert_expiry_verbs,
    assert_one_job_at_a_time,
    assert_refused_outside,
    assert_refuses_other_members,
    assert_start_order,
    assert_submit_all,
    member_jobs,
    outsider,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_compile_properties import clusters, featured, job_descriptions, named_clusters, stated_waits
from test_regina_quoting import INDENT, _unfolded

from bkrdsl.ast import Scope
from bkrdsl.dialect import load_dialect
from bkrdsl.emit.quoting import decode_invariant
from bkrdsl.pipeline import analyse

pytestmark = pytest.mark.regina

DIALECT = load_dialect()


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=clusters(), data=st.data())
def test_every_checked_cluster_keeps_the_contract_under_regina(cms, text, data):
    analysis = analyse("prop.bkr", text.encode())
    if analysis.ok:
        assert_contract(cms, analysis.model, data)
        assert_waits_as_stated(cms, analysis.model, text)
        assert_descriptions_listed_as_written(cms, analysis.model, text)


# stop 81, h6: the catalog's waits and the jobs' descriptions, as the .bkr text says them
def test_h6_81_a_cluster_with_waits_and_a_description_keeps_them_under_regina(cms):
    """CI's derandomized examples of the property above may hold no wait and no
    description in a clean cluster: this one holds both (`logon-wait 10 seconds
    pool-wait 1 minute`, a description of quotes, `*/`, `\\` and `é`)."""
    text = featured()
    analysis = analyse("prop.bkr", text.encode())
    assert analysis.ok, analysis.diagnostics
    assert_waits_as_stated(cms, analysis.model, text)
    assert_descriptions_listed_as_written(cms, analysis.model, text)


# stop 82, h5
def test_h5_82_a_system_named_inside_or_near_a_member_s_name_is_no_member(cms):
    """The members guard (stop 81) on systems whose names a member's is one slip from:
    `VMSYS` and `MSYS1` (inside `VMSYS1`, as `M` is inside `M2`), `VMSYS10`, `0M2`, and
    the cluster's own name `PROP`: each EXEC of each member (BKRSUBMT, BKRSTART,
    BKREXPIR), called as a scheduler or AUTOLOG1 calls it, ends with rc 52 having only
    asked CP where it runs, and names the members. CI's derandomized draws of the
    property above may hold none of them."""
    analysis = analyse("prop.bkr", featured().encode())
    assert analysis.ok, analysis.diagnostics
    model = analysis.model

    def exec_of(member: str, exec_name: str) -> str:
        return generate(model, member, exec_name, "prop.bkr", DIALECT)

    for away, calls in [
        ("VMSYS", {"BKRSUBMT": "ALL", "BKREXPIR": "PURGE", "BKRSTART": ""}),
        ("MSYS1", {"BKRSUBMT": "LIST", "BKREXPIR": "PREVIEW", "BKRSTART": ""}),
        ("M", {"BKRSUBMT": "", "BKREXPIR": "", "BKRSTART": ""}),
        ("VMSYS10", {"BKRSUBMT": "JOB GUESTS1", "BKREXPIR": "LIST", "BKRSTART": ""}),
        ("0M2", {"BKRSUBMT": "SYSIB ( REVIEW", "BKREXPIR": "PURGE", "BKRSTART": ""}),
        ("PROP", {"BKRSUBMT": "ALL ( REVIEW", "BKREXPIR": "PREVIEW", "BKRSTART": ""}),
    ]:
        for m in model.members:
            assert_refused_outside(cms, model, exec_of, m.name, away, calls)


def assert_waits_as_stated(cms, model, text: str) -> None:
    """BKRSTART, on a member that starts the catalog's server, waits as long as the
    catalog statement says (`logon-wait`, `pool-wait`; 60 and 180 seconds unless it
    says): for a server that never logs on, its 2-second tries add up to the logon
    wait, then it gives up (rc 44) and says so; for a pool that never serves, its
    5-second tries add up to the pool wait. Read off the commands it issues, so only
    where the text states a wait (the defaults are tests/cms/invariants.py's)."""
    catalog = model.catalog
    if catalog is None or catalog.server is None:
        return
    waits = stated_waits(text)
    member = catalog.home if catalog.scope is Scope.SHARED else model.members[0].name
    exec_text = generate(model, member, "BKRSTART", "prop.bkr", DIALECT)
    if "logon-wait " in text:
        run = cms.run(exec_text, member=member, slow={catalog.server: 10**6})
        slept = sum(int(c.split()[2]) for c in run.commands if c.startswith("CP SLEEP "))
        assert (run.rc, slept) == (44, waits["logon"]), run
        said = f"BKRSTART: {catalog.server} is not logged on {waits['logon']} seconds after XAUTOLOG."
        assert said in run.stdout, run
    if catalog.pool is None or "pool-wait " not in text:
        return
    run = cms.run(exec_text, member=member, pools={catalog.pool: (catalog.server, "never", 55)})
    slept = sum(int(c.split()[2]) for c in run.commands if c == "CP SLEEP 5 SEC")
    assert (run.rc, slept) == (44, waits["pool"]), run


def assert_descriptions_listed_as_written(cms, model, text: str) -> None:
    """`BKRSUBMT LIST`, on each member a described job runs on, shows its description
    as the .bkr text writes it (any characters: those outside the EBCDIC-invariant
    set as `<U+XXXX>`, undone by `decode_invariant`), folded as a long one is, and the
    EXEC runs no command but the member query."""
    described = {job: said for job, said in job_descriptions(text).items() if said}
    for job in model.jobs:
        if job.name not in described:
            continue
        for member, name in model.derived_names(job):
            run = cms.run(generate(model, member, "BKRSUBMT", "prop.bkr", DIALECT), "LIST", member=member)
            assert (run.rc, run.commands) == (0, ["CP QUERY USERID"]), run
            lines = run.stdout.splitlines()
            at = next(n for n, line in enumerate(lines) if line.split(" ", 1)[0] == name)
            end = next((n for n in range(at + 1, len(lines)) if not lines[n].startswith(INDENT)), len(lines))
            assert decode_invariant(_unfolded(lines[at + 1:end])) == described[job.name], run


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=named_clusters(most=3), data=st.data())
def test_any_member_and_job_names_and_schedules_keep_the_contract_under_regina(cms, text, data):
    """Members and jobs of any CP names (`$ # @`, digits first, any case), any
    description, any schedule (up to 3 members and 3 jobs: each EXEC of each
    member runs on every member): the member guard compares the name CP answers,
    BKRSUBMT submits each job under its member name, at the minutes, days and
    dates its schedule says."""
    analysis = analyse("prop.bkr", text.encode())
    if analysis.ok:
        assert_contract(cms, analysis.model, data)


# stop 82, h5: the members guard (stop 81) against a system drawn outside the cluster
_SYSTEM_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _cut(name: str) -> list[str]:
    """System IDs inside a member's name, one character short of it (`VMSYS`, `MSYS1`):
    a search for the name in the members' list would find them."""
    return [n for n in (name[:-1], name[1:]) if n]


def _near(name: str) -> list[str]:
    """System IDs a member's name is a slip from the other way: one more character (or a
    leading 0, which REXX's `=` would call the same number), or the last changed."""
    out = [name + "1", name + "X", "0" + name, name[:-1] + ("1" if name[-1] != "1" else "2")]
    return [n for n in out if len(n) <= 8]


def outsiders(model) -> st.SearchStrategy[str]:
    """A system ID that is no member of `model`'s cluster (1-8 letters and digits, as CP
    answers QUERY USERID): mostly one a member's name is a slip from (`_cut`, `_near`:
    the members guard compares names whole) or the cluster's name, else any, or
    `outsider`'s."""
    members = set(model.member_names)
    cut = sorted({n for m in model.member_names for n in _cut(m)} - members)
    near = sorted(({n for m in model.member_names for n in _near(m)} | {model.name}) - members)
    anywhere = st.text(alphabet=_SYSTEM_CHARS, min_size=1, max_size=8).filter(lambda n: n not in members)
    slips = [st.sampled_from(found) for found in (cut, near) if found]
    return st.one_of(*slips, *slips, anywhere, st.just(outsider(model)))


def refused_calls(model, member: str) -> st.SearchStrategy[dict[str, str]]:
    """Operands for each EXEC of `member` (BKRSUBMT, BKREXPIR, BKRSTART) run outside the
    cluster: any call it takes (none, LIST, ALL, a job of the member by name or with JOB,
    PREVIEW, PURGE, ( REVIEW), each refused alike."""
    jobs = [name for name, _ in member_jobs(model, member)]
    # a job by its name alone, unless it is named like a verb (`HELP` answers anywhere)
    submit = ["", "LIST", "ALL", "ALL ( REVIEW"] + [f"JOB {j}" for j in jobs[:2]]
    submit += [j for j in jobs[:1] if j not in ("LIST", "ALL", "DUE", "JOB", "HELP")]
    return st.fixed_dictionaries({
        "BKRSUBMT": st.sampled_from(submit),
        "BKREXPIR": st.sampled_from(["", "LIST", "PREVIEW", "PURGE"]),
        "BKRSTART": st.just(""),
    })


def assert_contract(cms, model, data) -> None:
    def exec_of(member: str, exec_name: str) -> str:
        return generate(model, member, exec_name, "prop.bkr", DIALECT)

    # a minute some job or expiry action is scheduled at, or any other, on any day and date
    schedules = [j.run.schedule for j in model.jobs if j.run] + [
        s for e in model.cluster.expires for s in e.previews + e.purges
    ]
    times = sorted({s.time.text for s in schedules if s is not None and s.time is not None})

    lasts = any(s is not None and s.ordinal is not None and s.ordinal.text.lower() == "last" for s in schedules)

    def moment():
        hhmm = data.draw(st.sampled_from(times) if times else st.just("00:00"))
        if data.draw(st.booleans()):
            hhmm = f"{data.draw(st.integers(0, 23)):02d}:{data.draw(st.integers(0, 59)):02d}"
        # a day of the month, or the date in full (which a last weekday needs: its month)
        if not lasts and data.draw(st.booleans()):
            return hhmm, data.draw(st.sampled_from(DAYS)), data.draw(st.integers(1, 31))
        date = data.draw(st.dates(datetime.date(1900, 1, 1), datetime.date(2399, 12, 31)))
        return hhmm, date.strftime("%a").upper(), date.strftime("%Y%m%d")

    for m in model.members:
        assert_submit_all(cms, model, exec_of, m.name)
        assert_one_job_at_a_time(cms, model, exec_of, m.name)
        assert_start_order(cms, model, exec_of, m.name)
        # a system outside the cluster, its name near a member's now and then: every EXEC,
        # whatever its call, ends there with rc 52 having only asked CP where it runs
        away = data.draw(outsiders(model))
        assert_refuses_other_members(cms, model, exec_of, m.name, away, data.draw(refused_calls(model, m.name)))
        for _ in range(2):
            assert_due(cms, model, exec_of, m.name, *moment())
        # a scheduler that calls this member's EXEC on another member, or outside the cluster
        here = data.draw(st.sampled_from([o.name for o in model.members if o.name != m.name] + [away]))
        assert_due_elsewhere(cms, model, exec_of, m.name, here, *moment())
    assert_expiry_on_purging_members_only(cms, model, exec_of)
    for purger in model.purging_members():
        assert_expiry_verbs(cms, model, exec_of, purger)
        for _ in range(2):
            assert_expiry_due(cms, model, exec_of, purger, *moment())
