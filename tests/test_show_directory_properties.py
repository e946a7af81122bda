"""`bkrc show --user NAME --directory` and `bkrc show --against OLD --directory`,
for generated clusters and directories, against an independent reading (docs/show.md).

The oracle reads what `bkrc compile` writes, not the model: each job template's
INCLUDE and EXCLUDE MINIDISK records (`_template_records_of`, as
tests/test_show_user.py reads them). A minidisk at address A of a directory user
is backed up by a template whose records include A for the user and exclude
nothing of A for it; the templates that count are those of every member for a
USER entry (its minidisks are the same from every member) and those of the
member for an IDENTITY instance (its SUBCONFIG's minidisks are that member's).

A user's status is the best of its minidisks': backed up, else excluded; else not
selected when a template's minidisk include takes it in at all, else not named.

- `--user`: each directory user's minidisks, once for a USER and per member an
  IDENTITY is built on, with the user's status, each minidisk's and the jobs the
  oracle finds; the text fits WIDTH terminal columns.
- `--against`: one exclude (now and then an include) statement taken out of a
  generated cluster; the users the change says changed coverage, USERs in the
  totals and IDENTITYs per member, are exactly those (but the product's machines
  and z/VM's own IDs, which the coverage leaves out) whose status or minidisks'
  statuses the oracle finds changed.
"""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, assume, event, find, given, settings
from hypothesis import strategies as st
from test_compile_properties import clusters, overlapping_jobs
from test_show_user import _template_records_of

from bkrdsl import show
from bkrdsl.coverage import coverage, user_coverage
from bkrdsl.cpdirectory import read_directory
from bkrdsl.pipeline import compile_source
from bkrdsl.resolve.model import pattern_regex
from bkrdsl.terminal import columns

#: Addresses a generated directory gives its users' minidisks: those the generated
#: clusters' includes and excludes name (0191, 0190, 019D, 0100-0FFF ...) and others.
ADDRESSES = ["0191", "0100", "0190", "019D", "019E", "0200", "0300", "0FFF", "1000", "2000"]
#: IDs no generated cluster declares but its `match` patterns may take in.
OTHER_IDS = ["LNX77", "LNXB9", "APP42", "SRV77", "SITE01", "MAINT", "TCPIP"]


def _templates(artifacts) -> dict[tuple[str, str], str]:
    """(member, job name there) -> the text of its TEMPLATE file."""
    return {
        (a.member, a.path.split("/", 1)[1].removesuffix(".TEMPLATE")): a.text
        for a in artifacts
        if a.kind == "job-template"
    }


def _directory(draw, model, text: str, near: str = "") -> tuple[str, dict[str, tuple[str, dict[str | None, list[str]]]]]:
    """A CP directory of some of the cluster's users and others, and what it holds:
    ID -> (statement, member or None for a USER -> the minidisks' addresses)."""
    named = sorted({u for job in model.jobs for u in model.job_user_ids(job)})  # mostly the users jobs name
    addresses = ADDRESSES + _written_addresses(text)
    # Mostly where a statement `near` (the one `--against` takes out) writes: the change shows there.
    addresses += _written_addresses(near) * 4
    owner = near.split()[2].upper() if len(near.split()) > 2 else ""
    named = sorted({*named, *(u for u in named + OTHER_IDS if owner and pattern_regex(owner).match(u))})
    ids = sorted(set(named) | set(OTHER_IDS) | set(model.user_ids[:5]))
    # a cluster whose jobs name users by pattern only names none: no list of `nothing()`,
    # which Hypothesis refuses (.ci/explore 40033)
    chosen = draw(st.lists(st.sampled_from(named), max_size=5, unique=True)) if named else []
    chosen += draw(st.lists(st.sampled_from([i for i in ids if i not in chosen]), min_size=not chosen, max_size=3, unique=True))
    lines, held, start = [], {}, 1
    for n, user in enumerate(chosen):
        statement = draw(st.sampled_from(["USER", "IDENTITY"]))
        if statement == "USER":
            disks = draw(st.lists(st.sampled_from(addresses), min_size=1, max_size=3, unique=True))
            lines.append(f"USER {user} XXXXXXXX 64M 128M G")
            for address in disks:
                lines.append(f" MDISK {address} 3390 {start:04d} 0010 SHR001 MR")
                start += 10
            held[user] = (statement, {None: disks})
            continue
        on = draw(st.lists(st.sampled_from(model.member_names), min_size=1, unique=True))
        lines.append(f"IDENTITY {user} XXXXXXXX 64M 128M G")
        lines += [f" BUILD ON {m} USING SUBCONFIG S{n:02d}-{k}" for k, m in enumerate(on, 1)]
        per_member = {}
        for k, m in enumerate(on, 1):
            disks = draw(st.lists(st.sampled_from(addresses), min_size=1, max_size=3, unique=True))
            lines.append(f"SUBCONFIG S{n:02d}-{k}")
            for address in disks:
                lines.append(f" MDISK {address} 3390 {start:04d} 0010 PRV{k:03d} MR")
                start += 10
            per_member[m] = disks
        held[user] = (statement, per_member)
    return "\n".join(lines) + "\n", held


def _written_addresses(text: str) -> list[str]:
    """The first and last address of each range the cluster's selections write
    (`200`, `1A0-1AF`): minidisks there are selected, or excluded, by some job."""
    out = []
    for items in re.findall(r"(?:include|exclude) minidisk \S+ ([^\n}]*)", text):
        for item in items.split():
            out += [part.rjust(4, "0") for part in item.split("-") if re.fullmatch(r"[0-9A-F]{1,4}", part)]
    return sorted(set(out))


def _oracle(templates, user: str, member: str | None, address: str) -> tuple[str, set[tuple[str, str]]]:
    """(status, jobs as (member, name)) of `user`'s minidisk at `address`: backed up by
    the templates that include it and exclude nothing of it; else excluded from those
    that include it, when some do; else selected by none. `member` None (a USER):
    every member's templates; else that member's."""
    a = int(address, 16)
    backing, excluding = set(), set()
    for (on, name), text in templates.items():
        if member is not None and on != member:
            continue
        records = [r for r in _template_records_of(text, user) if r[1] == "minidisk" and r[3] <= a <= r[4]]
        if any(r[0] == "include" for r in records):
            (excluding if any(r[0] == "exclude" for r in records) else backing).add((on, name))
    if backing:
        return show.BACKED_UP, backing
    if excluding:
        return show.EXCLUDED, excluding
    return show.NOT_SELECTED, set()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.one_of(overlapping_jobs(), clusters()), st.data())
def test_user_with_the_directory_says_of_each_minidisk_what_the_templates_do(text, data):
    """For a generated cluster the checker passes and a directory drawn from its users
    and others: `--user ID --directory` (`coverage.user_coverage`, then
    `show.user_view`) lists each of the user's minidisks, a USER's once and an
    IDENTITY's under each member it is built on, each with the status and the jobs
    the templates give it (`_oracle`); its text fits WIDTH terminal columns, and its
    JSON says the same minidisks."""
    analysis, artifacts = compile_source("prop.bkr", text.encode())
    assume(artifacts is not None)
    found = _user_view_agrees(text, analysis.model, artifacts, data.draw)
    event(f"minidisk statuses: {sorted({d.status for _, _, a in found.values() for _, c in a for d in c.minidisks})}")


#: .ci/explore 40033 drew this cluster, whose jobs back up a group of one pattern
#: (`backup S4`, `match LNXB*`): they name no user by ID, and the directory's draw
#: asked Hypothesis for a list of `nothing()`, which it refuses.
PATTERNS_ONLY = (
    "import std/backup-manager\ncluster OVER {\n  member VMSYS1 { workers 2 }\n  member VMSYS2 { workers 2 }\n"
    "  catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1\n"
    "  expire on VMSYS1 { purge weekly sun 03:00  retain 30 days }\n"
    "  single group S1 { LNX01 APP01  match LNX* }\n  single group S2 { LNX02  match LNX0* }\n"
    "  single group S3 { WEB#2  match APP* }\n  single group S4 { match LNXB* }\n"
    "  identity group I1 { SRV01 SRV02  match SRVA* }\n  identity group I2 { SRV02  match SRV* }\n"
    "  identity group I3 { NET01 }\n"
    "  job J0 {\n    backup S4 full\n    include minidisk * *\n    to disk pool BKUPPOOL\n"
    "    run on VMSYS1 daily 00:30\n  }\n"
    "  job J1 {\n    backup S4 full\n    include minidisk * *\n    to disk pool BKUPPOOL\n"
    "    run on VMSYS1 daily 01:30\n  }\n}\n"
)


def _least(strategy):
    """The simplest value of `strategy`, as Hypothesis shrinks to it: a draw that is
    the same every run, for a plain test of a property's body."""
    return find(strategy, lambda _: True, settings=settings(database=None, derandomize=True))


def test_user_with_the_directory_of_a_cluster_whose_jobs_name_no_user_by_id():
    analysis, artifacts = compile_source("prop.bkr", PATTERNS_ONLY.encode())
    assert artifacts is not None
    model = analysis.model
    assert not {u for job in model.jobs for u in model.job_user_ids(job)}  # what the draw met
    _user_view_agrees(PATTERNS_ONLY, model, artifacts, _least)
    # a user the pattern backs up, LNXB9 (one of OTHER_IDS), its minidisk 0191 as an
    # IDENTITY built on VMSYS1 and as a USER: backed up by both jobs, on VMSYS1
    for picks in (["IDENTITY", ["VMSYS1"], ["0191"]], ["USER", ["0191"]]):
        drawn = iter([["LNXB9"], *picks])
        found = _user_view_agrees(PATTERNS_ONLY, model, artifacts, lambda _strategy, drawn=drawn: next(drawn))
        ((_, c),) = found["LNXB9"][2]
        assert [(d.address, d.status, sorted(j.name for j in d.jobs)) for d in c.minidisks] == [
            ("0191", show.BACKED_UP, ["J0", "J1"])
        ]


def _user_view_agrees(text: str, model, artifacts, draw) -> dict:
    """The property's body: a directory drawn with `draw` from the cluster's users and
    others, and `--user` of each of its users against the oracle; the coverage found."""
    templates = _templates(artifacts)
    direct, held = _directory(draw, model, text)
    directory = read_directory("site.direct", direct.encode())
    assert directory.readable and {e.id for e in directory.entries if e.kind != "SUBCONFIG"} == set(held)
    found = user_coverage(model, directory, tuple(held))
    facts = show.view(model)
    views = []
    for user, (statement, per_member) in held.items():
        kind, _, answers = found[user]
        assert kind == statement, user
        assert [m for m, _ in answers] == ([None] if statement == "USER" else [m for m in model.member_names if m in per_member])
        for member, c in answers:
            assert [d.address for d in c.minidisks] == sorted(per_member[member]), (user, member)
            assert c.status == _user_status(templates, user, member, per_member[member]), (user, member)
            for d in c.minidisks:
                status, jobs = _oracle(templates, user, member, d.address)
                assert d.status == status, (user, member, d.address)
                assert {(j.member, j.name) for j in d.jobs} == jobs, (user, member, d.address)
        views.append(show.user_view(model, facts, user, found[user], directory.name))
    out = show.user_text(facts, views)
    assert max(columns(line) for line in out.splitlines()) <= show.WIDTH
    doc = json.loads(json.dumps(show.user_json(facts, views)))
    for u, (user, (_, per_member)) in zip(doc["users"], held.items()):
        said = {m["member"]: [d["address"] for d in m["minidisks"]] for m in u["directory"]["members"]}
        assert said == {m: sorted(a) for m, a in per_member.items() if m in said}, user
    return found


def _user_status(templates, user: str, member: str | None, addresses) -> str:
    """The user's status as the coverage gives it: backed up when one of its minidisks
    is; else excluded when one is; else not selected when a template's minidisk
    include takes it in at all (a job names it); else not named."""
    found = {_oracle(templates, user, member, a)[0] for a in addresses}
    if found - {show.NOT_SELECTED}:
        return show.BACKED_UP if show.BACKED_UP in found else show.EXCLUDED
    named = any(
        r[0] == "include" and r[1] == "minidisk"
        for (on, _), text in templates.items()
        if member is None or on == member
        for r in _template_records_of(text, user)
    )
    return show.NOT_SELECTED if named else show.NOT_NAMED


def _without_one_selection(draw, text: str) -> tuple[str, str] | None:
    """`text` with one of its jobs' `exclude` (or, now and then, `include`) statements
    taken out, and that statement; None when it has none."""
    lines = text.split("\n")
    excludes = [n for n, line in enumerate(lines) if line.lstrip().startswith("exclude ")]
    includes = [n for n, line in enumerate(lines) if line.lstrip().startswith("include ")]
    # Mostly an exclude: a job left without an include is refused (BKR116).
    at = excludes + (includes if draw(st.booleans()) or not excludes else [])
    if not at:
        return None
    n = draw(st.sampled_from(at))
    return "\n".join(lines[:n] + lines[n + 1 :]), lines[n]


def _coverage_of(templates, held) -> dict[tuple[str, str | None], object]:
    """(ID, member or None for a USER) -> what `--against` compares of it: the user's
    status and each minidisk's."""
    out = {}
    for user, (statement, per_member) in held.items():
        for member, disks in per_member.items():
            states = tuple((a, _oracle(templates, user, member, a)[0]) for a in sorted(disks))
            out[(user, member)] = (_user_status(templates, user, member, disks), states)
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.one_of(overlapping_jobs(), clusters()), st.data())
def test_against_with_the_directory_names_the_users_whose_minidisks_change(text, data):
    """One include or exclude taken out of a generated cluster, against the same
    directory: `show.changes` of the two views with their coverage says a USER's
    change in the totals and an IDENTITY's under its member, and those users are
    exactly the ones whose minidisks' statuses the templates change (`_oracle`)."""
    old, old_artifacts = compile_source("old.bkr", text.encode())
    assume(old_artifacts is not None)
    taken = _without_one_selection(data.draw, text)
    assume(taken is not None)
    changed, line = taken
    new, new_artifacts = compile_source("new.bkr", changed.encode())
    assume(new_artifacts is not None)
    direct, held = _directory(data.draw, old.model, text, line)
    directory = read_directory("site.direct", direct.encode())
    # Only the users that count: the coverage leaves the product's machines and z/VM's own out.
    left_out = set(coverage(old.model, directory).product) | set(coverage(old.model, directory).zvm)
    left_out |= set(coverage(new.model, directory).product) | set(coverage(new.model, directory).zvm)
    before = _coverage_of(_templates(old_artifacts), held)
    after = _coverage_of(_templates(new_artifacts), held)
    expected = {key for key in before if before[key] != after[key] and key[0] not in left_out}
    difference = show.changes(
        show.view(old.model, (), coverage(old.model, directory)), show.view(new.model, (), coverage(new.model, directory))
    )
    said = {(c.user, None) for c in difference.coverage.users} if difference.coverage is not None else set()
    said |= {(c.user, m.name) for m in difference.members for c in m.coverage}
    assert said == expected
    event(f"coverage changes: {'some' if expected else 'none'}")
    out = show.changes_text(difference)
    assert max(columns(line) for line in out.splitlines()) <= show.WIDTH
