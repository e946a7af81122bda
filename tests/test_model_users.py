"""The model's user index and the whole-list helpers the checker uses on large
clusters, and the directory checks' shortcuts (bkrdsl/check/directory.py), each
against the plain one-user-at-a-time definition it replaces."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from bkrdsl.ast import Kind
from bkrdsl.check import coverage
from bkrdsl.check.common import invalid_user_defs, user_id_problem
from bkrdsl.pipeline import analyse
from bkrdsl.resolve.model import id_scanner, is_pattern, pattern_regex

# ------------------------------------------------------------------ id_scanner
ID_CHARS = "ABLNX019$#@_-"
IDS = st.text(alphabet=ID_CHARS, min_size=1, max_size=11)
PATTERNS = st.text(alphabet=ID_CHARS + "*%?", min_size=1, max_size=10)


def _lines(ids) -> str:
    return "\n" + "\n".join(ids) + "\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(IDS, max_size=30), st.lists(PATTERNS, max_size=6))
def test_id_scanner_finds_exactly_the_ids_a_pattern_matches(ids, patterns):
    scanner = id_scanner(patterns)
    found = set(scanner.findall(_lines(ids))) if scanner is not None and ids else set()
    expected = {i for i in ids if len(i) <= 8 and any(pattern_regex(p).match(i) for p in patterns)}
    assert found == expected


def test_id_scanner_merges_shared_beginnings():
    scanner = id_scanner(["LNX*", "LOG%", "LNXA?", "*01", "TOOLONGNAME*"])
    # One alternative per first letter (and one for the leading wildcard); the
    # pattern that needs more than 8 characters is left out.
    assert scanner.pattern.count("TOOLONG") == 0
    assert set(scanner.findall(_lines(["LNX1", "LOGX", "LNXAB", "A01", "LOGXY", "LNX123456"]))) == {
        "LNX1",
        "LOGX",
        "LNXAB",
        "A01",
    }
    assert id_scanner([]) is None


def test_id_scanner_does_not_backtrack_over_long_names():
    # Several stars against a 100,000-character name: only IDs of 8 characters
    # or fewer are tried, so this returns at once.
    scanner = id_scanner(["A*B*C*D*E*F"])
    assert scanner.findall(_lines(["A" * 100_000, "AB", "ABCDEF"])) == ["ABCDEF"]


# ------------------------------------------------------------------ the user index
NAMES = st.sampled_from(["LNX01", "lnx01", "LNX02", "TCPIP", "WAS$1", "BKRWRK01", "SYSTEM", "12", "X" * 9])
ENTRIES = st.one_of(NAMES, st.sampled_from(["match LNX*", "match W*", "LNX*", "match TCPIP"]))


@st.composite
def clusters(draw):
    lines = ["cluster C {", "  member VM1 { workers 1 }"]
    for n in range(draw(st.integers(0, 3))):
        names = ", ".join(draw(st.lists(NAMES, min_size=1, max_size=3)))
        role = draw(st.sampled_from(["", " role worker", " role admin"]))
        lines.append(f"  {draw(st.sampled_from(['single', 'identity']))} user {names}{role}")
    for n in range(draw(st.integers(0, 4))):
        entries = " ".join(draw(st.lists(ENTRIES, max_size=6)))
        lines.append(f"  {draw(st.sampled_from(['single', 'identity']))} group G{n} {{ {entries} }}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _model(text: str):
    analysis = analyse("users.bkr", text.encode())
    assert analysis.model is not None, analysis.diagnostics
    return analysis.model


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clusters())
def test_user_index_agrees_with_the_list_of_declarations(text):
    model = _model(text)
    defs = model.user_defs
    assert list(model.user_ids) == [u.id for u in defs]
    # Explicit `user` statements first, then group entries, each in the order written.
    assert [u.origin == "user" for u in defs] == sorted((u.origin == "user" for u in defs), reverse=True)
    for user_id in {u.id for u in defs} | {"NOBODY", "lnx01"}:
        mine = [u for u in defs if u.id == user_id.upper()]
        assert model.user_defs_of(user_id) == mine
        found = model.user(user_id)
        assert found is (mine[0] if mine else None)  # the same objects as user_defs
    counts = {}
    for u in defs:
        counts[u.id] = counts.get(u.id, 0) + 1
    assert model.repeated_ids == {i for i, n in counts.items() if n > 1}
    assert model._declared == frozenset(counts)  # handed on by build_model, which made it for the groups
    for group in model.groups:  # each ID and pattern once, in the order written
        words = [(e.is_pattern or is_pattern(e.word.text), e.word.upper) for e in group.decl.entries]
        assert group.users == tuple(dict.fromkeys(w for p, w in words if not p))
        assert group.patterns == tuple(dict.fromkeys(w for p, w in words if p))
    some = {u.id for u in defs[::2]}
    assert list(model.defs_of(some)) == [u for u in defs if u.id in some]
    assert list(model.role_defs()) == [u for u in defs if u.role is not None]
    for kind in Kind:
        assert model.id_lines(kind).split("\n")[1:-1] == [u.id for u in defs if u.kind is kind]
    assert model.ids_holding("$#@") == {u.id for u in defs if re.search("[$#@]", u.id)}
    invalid = [(u, user_id_problem(u.id)) for u in defs if user_id_problem(u.id)]
    assert list(invalid_user_defs(model)) == invalid
    fresh = _model(text)  # `def_at` before any list has made its `defs`
    assert [lst.def_at(i) for lst in fresh.user_lists for i in range(len(lst.ids))] == list(defs)
    for user_id in ("LNX05", "lnx1", "WAS$1", "TCPIP", "Q"):
        first = next((p for p in model.pattern_defs if pattern_regex(p.pattern).match(user_id.upper())), None)
        assert model.pattern_for(user_id) is first


def test_user_defs_are_made_on_demand():
    model = _model("cluster C {\n  single group G { A B C }\n  single group H { D }\n}\n")
    lists = {lst.origin: lst for lst in model.user_lists}
    assert model.user("D").id == "D"
    # Looking D up made H's declarations, not G's.
    assert "defs" in vars(lists["group H"]) and "defs" not in vars(lists["group G"])


def test_asking_for_every_user_builds_a_table_that_answers_as_the_scan_did():
    # The language server's workspace symbols ask for each of tens of thousands of
    # users: a scan per user grew with the square of their number (0.5 s for
    # 15,000). Once the scans have cost more than a table, `user` builds one.
    groups = "\n".join(
        f"  single group G{g} {{ {' '.join(f'U{g}X{i}' for i in range(40))} U0X{g} }}" for g in range(25)
    )
    model = _model(f"cluster C {{\n  single user U3X7, U0X1\n{groups}\n}}\n")
    ids = list(dict.fromkeys(model.user_ids))
    scanned = {i: model.user(i) for i in ids[:3]}
    assert model._first_place is None  # a few calls, as the checks make, build nothing
    scanned.update((i, model.user(i)) for i in ids)
    assert model._first_place is not None
    for user_id in ids + [i.lower() for i in ids[:50]] + ["NOBODY"]:
        first = next((u for u in model.user_defs if u.id == user_id.upper()), None)
        assert model.user(user_id) is first
        if user_id in scanned:
            assert scanned[user_id] is first
    # A user declared twice is found at its first declaration, the `user` statement.
    assert model.user("U0X1").origin == "user" and model.user("U3X7").origin == "user"


def test_a_jobs_user_ids_are_worked_out_once():
    # The checks and the templates all ask for them: a large job lists thousands.
    model = _model(
        "cluster C {\n  member VM1 { workers 1 }\n  single group G { A B A }\n  single group H { B C }\n"
        "  job J { backup G, H full  include minidisk * *  to tape  run on VM1 daily 01:00 }\n}\n"
    )
    job = model.jobs[0]
    assert model.job_user_ids(job) == ("A", "B", "C")
    assert model.job_user_ids(job) is model.job_user_ids(job)


def test_the_product_machines_are_worked_out_once_and_shared_read_only():
    # `per_member_placement` asks for them once per address of a machine, the other
    # checks and the emitters once each: about a hundred times a compile.
    model = _model(
        "import std/backup-manager\ncluster C {\n  member VM1 { workers 2 }\n  member VM2 { workers 1 }\n}\n"
    )
    machines = model.product_machines()
    assert machines is model.product_machines()
    assert dict(machines) == {
        "BKRBKUP": (Kind.IDENTITY, ("VM1", "VM2")),
        "BKRCATLG": (Kind.IDENTITY, ("VM1", "VM2")),
        "BKRWRK01": (Kind.IDENTITY, ("VM1", "VM2")),
        "BKRWRK02": (Kind.IDENTITY, ("VM1",)),
        "BKRADMIN": (Kind.SINGLE, ()),
        "5697J06C": (Kind.SINGLE, ()),
    }
    # Every caller gets the same table: none may change it under the others.
    with pytest.raises(TypeError):
        machines["BKRWRK03"] = (Kind.IDENTITY, ("VM2",))  # type: ignore[index]


def _job_user_ids_reference(job) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for ref in job.refs:
        if ref.group is not None:
            out.update(dict.fromkeys(ref.group.users))
        elif ref.user is not None or ref.pattern is not None:
            out[ref.word.upper] = None
    return tuple(out)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_jobs_user_ids_are_its_groups_ids_and_named_users_each_once(data):
    # Sometimes every ID once in the cluster (the lists are joined), sometimes not.
    text = data.draw(jobs())
    if data.draw(st.booleans()):
        text = text.replace("U1 U1", "U1")
    model = _model(text)
    for job in model.jobs:
        assert model.job_user_ids(job) == _job_user_ids_reference(job)


def test_the_ids_of_jobs_of_distinct_groups_are_joined_when_no_id_is_declared_twice(monkeypatch):
    model = _model(
        "cluster C {\n  member VM1 { workers 1 }\n  single group G { A B }\n  single group H { C D }\n"
        "  job J { backup G, H full  include minidisk * *  to tape  run on VM1 daily 01:00 }\n}\n"
    )

    def one_by_one(self):
        raise AssertionError("the IDs were gathered one by one")

    monkeypatch.setattr(type(model.jobs[0]), "user_ids", property(one_by_one))
    assert model.job_user_ids(model.jobs[0]) == ("A", "B", "C", "D")


# ------------------------------------------------------------------ BKR405 on whole groups
def _single_users_once_reference(model):
    """BKR405's pairs as the rule defines them, one item at a time: for each job,
    the first earlier job (not a full and an incremental job of one member) that
    backs up a user it backs up too, by ID or through a pattern; -> the spans
    of the later job's `backup` words that hold a shared item. Patterns here
    are `HEAD*` only, so two share a user exactly when one head starts the
    other, and a pattern matches an ID that starts with its head."""
    jobs = [
        j
        for j in model.jobs
        if j.kind is Kind.SINGLE
        and j.run is not None
        and len(set(j.members)) == 1
        and model.member(j.members[0])
    ]

    def items(job):
        out = []
        for ref in job.refs:
            if Kind.SINGLE not in ref.kinds:
                continue
            if ref.group is None:
                out.append(("id", ref.word.upper, ref.word.span))
                continue
            out += [("id", u, ref.word.span) for u in ref.group.users]
            out += [("pattern", p[:-1], ref.word.span) for p in ref.group.patterns]
        return out

    def share(x, y):
        (kx, vx, _), (ky, vy, _) = x, y
        if kx == ky == "id":
            return vx == vy
        if kx == ky == "pattern":
            return vx.startswith(vy) or vy.startswith(vx)
        head, ident = (vx, vy) if kx == "pattern" else (vy, vx)
        return ident.startswith(head)

    out = {}
    for b, later in enumerate(jobs):
        for earlier in jobs[:b]:
            if earlier.level is not later.level and earlier.members[0] == later.members[0]:
                continue  # the usual weekly full and nightly incremental
            mine = items(later)
            spans = {y[2] for y in mine if any(share(x, y) for x in items(earlier))}
            if spans:
                out[(earlier.name, later.name)] = spans
                break
    return out


GROUP_USERS = st.lists(
    st.sampled_from(["U1", "U2", "U3", "U4", "P1", "match P*", "match Q*", "match P1*", "match U*"]), max_size=4
)


@st.composite
def jobs(draw):
    lines = ["cluster C {", "  member VM1 { workers 1 }", "  member VM2 { workers 1 }"]
    for g in range(4):
        lines.append(f"  single group G{g} {{ {' '.join(draw(GROUP_USERS))} }}")
    for j in range(draw(st.integers(1, 5))):
        refs = draw(st.lists(st.sampled_from(["G0", "G1", "G2", "G3", "U1", "U3"]), min_size=1, max_size=3))
        level = draw(st.sampled_from(["full", "incremental"]))
        member = draw(st.sampled_from(["VM1", "VM2"]))
        lines.append(
            f"  job J{j} {{ backup {', '.join(refs)} {level}  include minidisk * *  to disk  run on {member} daily 02:00 }}"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(jobs())
def test_single_users_once_agrees_with_the_item_by_item_rule(text):
    model = _model(text)
    reported = list(coverage.single_users_once(model))
    expected = _single_users_once_reference(model)
    assert len(reported) == len(expected)
    # BKR411: "job `J1` on `VM2` backs up ... that job `J0` also backs up on `VM1` ...":
    # (the earlier job, the later one)
    jobs = [re.findall(r"job `([^`]+)`", d.message) for d in reported]
    got = {(named[1], named[0]): d.span for named, d in zip(jobs, reported)}
    assert set(got) == set(expected)
    for pair, span in got.items():
        assert span in expected[pair]


def test_single_users_once_decides_jobs_of_separate_groups_without_their_ids(monkeypatch):
    # Jobs on two members that back up different groups, whose patterns match no
    # declared ID: decided on the groups, without gathering thousands of IDs.
    model = _model(
        "cluster C {\n  member VM1 { workers 1 }\n  member VM2 { workers 1 }\n"
        "  single group G1 { LNX01 LNX02 match LNX9* }\n  single group G2 { APP01 APP02 }\n"
        "  job J1 { backup G1 full  include minidisk * *  to disk  run on VM1 daily 02:00 }\n"
        "  job J2 { backup G2 full  include minidisk * *  to disk  run on VM2 daily 02:00 }\n}\n"
    )

    def gathered(*args):
        raise AssertionError("the jobs' IDs were gathered")

    monkeypatch.setattr(coverage, "_single_items", gathered)
    assert list(coverage.single_users_once(model)) == []


# ------------------------------------------------ pattern_for and the directory's patterns
def _cluster_with_patterns(patterns) -> str:
    groups = "\n".join(f"  single group G{n} {{ match {p} }}" for n, p in enumerate(patterns))
    return f"cluster C {{\n  member M1 {{ workers 1 }}\n{groups}\n}}\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(IDS, max_size=20), st.lists(PATTERNS.filter(lambda p: any(c in p for c in "*%?")), min_size=1, max_size=6))
def test_pattern_for_finds_the_first_declared_pattern_as_trying_each_in_turn_does(ids, patterns):
    """`Model.pattern_for` tries only the patterns whose literal beginning begins the
    ID (by the ID's prefixes); the answer is the scan's: the first declared that matches."""
    model = analyse("t.bkr", _cluster_with_patterns(patterns).encode(), checks=False).model
    assume(model is not None and len(model.pattern_defs) == len(patterns))  # a pattern the grammar takes
    for user_id in [*ids, *(p.replace("*", "").replace("%", "A").replace("?", "") for p in patterns)]:
        expected = next((p for p in model.pattern_defs if p.regex.match(user_id.upper())), None)
        assert model.pattern_for(user_id) is expected, user_id


@settings(max_examples=150, deadline=None)
@given(st.lists(IDS.filter(lambda i: len(i) <= 8 and i[0] not in "-_"), max_size=25), st.lists(PATTERNS, max_size=5))
@example(["LNXB", "LNXA", "X1", "LNX"], ["LNX*", "*", "LNX%"])  # the directory's order is not the IDs' sorted order
def test_the_directory_finds_a_patterns_users_as_a_scan_of_every_entry_does(ids, patterns):
    """`Directory.users_named` looks a pattern's users up among the sorted IDs from its
    literal beginning on; the answer is the scan's, in the directory's order."""
    from bkrdsl.cpdirectory import read_directory

    text = "".join(f"{'IDENTITY' if n % 3 else 'USER'} {i} PW 1M 1M G\n" for n, i in enumerate(ids))
    text += "SUBCONFIG LNX-1\n"
    directory = read_directory("USER.DIRECT", text.encode())
    users = [e for e in directory.entries if e.kind != "SUBCONFIG"]
    for pattern in patterns:
        expected = [e for e in users if pattern_regex(pattern).match(e.id)] if any(c in pattern for c in "*%?") else None
        if expected is not None:
            assert directory.users_named((pattern,)) == expected, pattern


@settings(max_examples=200, deadline=None)
@given(
    st.lists(IDS.filter(lambda i: len(i) <= 8 and i[0] not in "-_"), max_size=25),
    st.lists(st.one_of(IDS, PATTERNS, st.sampled_from(["LNX-1", "lnx-1", "lnxb", "*", "LNX%"])), max_size=14),
)
@example(["LNXB", "LNXA", "X1"], ["lnxa", "LNX*", "LNXA", "LNX-1", "X1", "x%", "lnxb"])
def test_the_users_owners_name_are_those_of_one_owner_at_a_time(ids, owners):
    """`Directory.users_named` finds the patterns among the owners and looks each run
    of IDs between them up in C; the answer is that of a loop over the owners: each
    user once where first named (an ID in any case, a pattern's users in the
    directory's order), no SUBCONFIG."""
    from bkrdsl.cpdirectory import read_directory
    from bkrdsl.resolve.model import is_pattern

    text = "".join(f"{'IDENTITY' if n % 3 else 'USER'} {i} PW 1M 1M G\n" for n, i in enumerate(ids))
    text += "SUBCONFIG LNX-1\n"
    directory = read_directory("USER.DIRECT", text.encode())
    expected: dict = {}
    for owner in owners:
        if is_pattern(owner):
            expected.update((e.id, e) for e in directory.users_named((owner,)))
        else:
            entry = directory.by_id.get(owner.upper())
            if entry is not None and entry.kind != "SUBCONFIG":
                expected.setdefault(entry.id, entry)
    assert directory.users_named(owners) == list(expected.values())
    assert directory.users_named(tuple(owners)) == list(expected.values())


# ------------------------------------------------ the directory checks' shortcuts
@settings(max_examples=150, deadline=None)
@given(st.lists(IDS.filter(lambda i: len(i) <= 8 and i[0] not in "-_"), max_size=25), st.lists(IDS, max_size=12))
def test_the_directory_finds_entries_by_id_in_its_order_as_a_scan_does(ids, asked):
    """`Directory.in_order` finds the entries of some IDs by ID (an `on each member`
    job's IDENTITYs, BKR513/BKR514); the answer is the scan's: each once, in the
    directory's order."""
    from bkrdsl.cpdirectory import read_directory

    text = "".join(f"{'IDENTITY' if n % 3 else 'USER'} {i} PW 1M 1M G\n" for n, i in enumerate(ids))
    directory = read_directory("USER.DIRECT", text.encode())
    wanted = {i.upper() for i in [*asked, *ids[::2]]}
    assert directory.in_order(wanted) == [e for e in directory.entries if e.id in wanted]


def _extents_by_scan(directory, replaced, of_replaced=False):
    """The directory's extents as BKR523 read them before `Directory.extents_on`: every
    entry's MDISKs, each time, each with its owner's words."""
    from bkrdsl.check.common import quoted

    identity_of = {b.subconfig: e.id for e in directory.entries if e.kind == "IDENTITY" for b in e.builds}
    taken = {}
    for entry in directory.entries:
        owner = entry.id if entry.kind != "SUBCONFIG" else identity_of.get(entry.id) or entry.follows
        if (owner in replaced) != of_replaced:
            continue
        what = f"{entry.kind} {quoted(entry.id)}"
        if of_replaced:
            what = owner
        elif entry.kind == "SUBCONFIG" and owner is not None:
            what = f"IDENTITY {quoted(owner)} (SUBCONFIG {entry.id})"
        for disk in entry.disks:
            if disk.form != "MDISK" or disk.allocation or not disk.volume or not disk.start:
                continue
            end = disk.start + disk.size if disk.size is not None else float("inf")
            taken.setdefault((disk.volume, disk.devtype), []).append((disk.start, end, what, disk))
    return taken


def test_the_extents_bkr523_asks_of_a_volume_are_the_scans(tmp_path):
    """BKR519 and BKR523 ask the directory's extents of a few volumes (`_Kept`, from
    `Directory.extents_on`, kept per directory); each volume's are those a
    scan of every entry finds, with the same owners, in the same order, for the
    entries the compile replaces and for the others, on examples/prodssi.direct
    (SUBCONFIGs, DirMaint's AUTOV, END) and bench/directory.py's 1,000 users."""
    import importlib.util
    import sys
    from pathlib import Path

    from bkrdsl.check.directory import _Kept
    from bkrdsl.cpdirectory import read_directory

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("bench_directory", root / "bench" / "directory.py")
    bench = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(root / "bench"))
    try:
        spec.loader.exec_module(bench)
    finally:
        sys.path.remove(str(root / "bench"))
    texts = [(root / "examples" / "prodssi.direct").read_text(), (root / "examples" / "broken" / "prodssi-slips.direct").read_text()]
    texts.append(bench.generate_directory(1000))
    for text in texts:
        directory = read_directory("USER.DIRECT", text.encode())
        identities = [e.id for e in directory.entries if e.kind == "IDENTITY"]
        for replaced in (set(), {"BKRBKUP", "BKRWRK01", "TCPIP", "BKRSVSFS"}, set(identities)):
            for of_replaced in (False, True):
                expected = _extents_by_scan(directory, replaced, of_replaced)
                kept = _Kept(directory, replaced, of_replaced)
                assert bool(kept) == bool(expected)
                every = {(d.volume, d.devtype) for e in directory.entries for d in e.disks}
                for key in {*expected, *every, ("NOSUCH", "3390")}:
                    assert [tuple(t) for t in kept.get(key)] == expected.get(key, []), key
        assert expected  # the inputs have extents to compare


_VOLUMES = st.sampled_from(["VOL001", "VOL002", "vol001", "&SYSRES"])
_MDISKS = st.one_of(
    st.tuples(st.sampled_from(["3390", "FB-512"]), st.sampled_from(["0", "1", "20", "AUTOV", "AUTOG"]),
              st.sampled_from(["10", "END"]), _VOLUMES).map(" ".join),
    st.sampled_from(["3390 V-DISK 100", "3390 T-DISK 10", "3390 DEVNO 0A00", "3390 1 10", "3390 X 10 VOL001"]),
)  # fmt: skip
_HEADS = st.sampled_from(
    ["USER U{n} PW 1M 1M G", "IDENTITY I{n} PW 1M 1M G", "SUBCONFIG S{n}", "SUBCONFIG S{m}", "PROFILE P{n}",
     "USER U{m} PW 1M 1M G", "USER", "GLOBALDEFS"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            _HEADS, st.integers(0, 5), st.lists(st.sampled_from(["S0", "S1", "S2", "S3"]), max_size=2),
            st.lists(_MDISKS, max_size=4),
        ),
        max_size=12,
    ),
    st.sets(st.sampled_from(["U0", "U1", "I0", "I1", "I2", "I3", "S0"]), max_size=3),
)
@example(  # SUBCONFIG S2 follows I1 and is built by I0: I0's
    [("IDENTITY I{n} PW 1M 1M G", 0, ["S2"], []), ("IDENTITY I{n} PW 1M 1M G", 0, [], []), ("SUBCONFIG S{n}", 0, [], ["3390 1 10 VOL001"])],
    {"I0"},
)
@example(  # a PROFILE's MDISK and a second USER U0's between two entries' own
    [("USER U{n} PW 1M 1M G", 0, [], ["3390 1 10 VOL001"]), ("PROFILE P{n}", 0, [], ["3390 5 10 VOL001"]),
     ("USER U{m} PW 1M 1M G", 0, [], ["3390 7 10 VOL001"]), ("USER U{n} PW 1M 1M G", 0, [], ["3390 9 10 VOL001"])],
    set(),
)  # fmt: skip
def test_the_extents_of_a_volume_are_those_of_every_entrys_mdisks(entries, replaced):
    """`Directory.extents_on` picks a volume's MDISKs out of a flat list of every entry's
    (`list.index`, each one's entry by bisection) and `has_extent` reads the entries to
    the first: on generated directories (SUBCONFIGs built by IDENTITYs or following
    them, entries dropped as a second of an ID or without one, a PROFILE's MDISKs,
    AUTOx, END, `&SYSRES`, V-DISKs, cylinder 0, malformed MDISKs), the answers are
    those of the scan of every entry `Directory.extents` made before."""
    from bkrdsl.cpdirectory import read_directory

    lines = []
    for k, (head, m, builds, disks) in enumerate(entries):
        lines.append(head.format(n=k, m=m))
        lines += [f" BUILD ON M{j} USING SUBCONFIG {s}" for j, s in enumerate(builds)] if head.startswith("IDENTITY") else []
        lines += [f" MDISK {0x100 + j:04X} {d} MR" for j, d in enumerate(disks)]
    directory = read_directory("USER.DIRECT", "\n".join(lines).encode())
    identity_of = {b.subconfig: e.id for e in directory.entries if e.kind == "IDENTITY" for b in e.builds}
    scan = {}
    for entry in directory.entries:
        owner = entry.id if entry.kind != "SUBCONFIG" else identity_of.get(entry.id) or entry.follows
        for disk in entry.disks:
            if disk.form == "MDISK" and not disk.allocation and disk.volume and disk.start:
                scan.setdefault((disk.volume, disk.devtype), []).append((disk, entry, owner))
    for key in {*scan, ("VOL001", "FB-512"), ("VOL003", "3390"), (None, "3390")}:
        assert directory.extents_on(*key) == scan.get(key, []), key
        assert directory.extents_on(*key) is directory.extents_on(*key)  # kept for the next analysis
    owners = [owner for found in scan.values() for _, _, owner in found]
    for of_replaced in (False, True):
        assert directory.has_extent(lambda o, of=of_replaced: (o in replaced) == of) == any(
            (o in replaced) == of_replaced for o in owners
        )


def test_the_directory_checks_work_out_each_users_minidisks_once_for_every_job(monkeypatch):
    """BKR515/BKR516 read each user's instances, and what a range of addresses finds
    of them, once, however many jobs name the user (a full and an incremental each,
    at a site): not once per (user, job)."""
    from bkrdsl.check import directory as checks
    from bkrdsl.cpdirectory import read_directory

    users = [f"LNX{n:05}" for n in range(40)]
    text = "".join(f"USER {u} PW 1M 1M G\n MDISK 0191 3390 {10 + 10 * n} 10 LX0001 MR\n" for n, u in enumerate(users))
    bkr = (
        "cluster C {\n  member M1 { workers 1 }\n  single group G {\n    " + " ".join(users) + "\n  }\n"
        + "".join(
            f"  job J{k} {{\n    backup G full\n    include minidisk * 0191 0192\n    to tape\n    run on M1 daily 0{k}:00\n  }}\n"
            for k in range(3)
        )
        + "}\n"
    )
    from bkrdsl import (
        coverage,  # (imported here, BKR535's inside its check: the patch below reaches it whatever ran before)
    )

    asked, selected = [], []
    real = checks.user_instances

    def user_instances(directory, entry, members):
        asked.append(entry.id)
        return real(directory, entry, members)

    def coverage_instances(directory, entry, members):
        selected.append(entry.id)
        return real(directory, entry, members)

    monkeypatch.setattr(checks, "user_instances", user_instances)
    monkeypatch.setattr(coverage, "user_instances", coverage_instances)
    found = analyse("t.bkr", bkr.encode(), directory=read_directory("USER.DIRECT", text.encode())).diagnostics
    said = [d for d in found if d.code.startswith("BKR5")]  # (not the cluster's own: it has no servers)
    assert [(d.code, d.message[:15]) for d in said] == [("BKR515", "`0192` names no")] * 3  # once per job, all 40
    assert sorted(asked) == users
    # BKR535 reads them through `coverage.selections`, the selection `bkrc show --directory`
    # shares, once per user too (stop 76: this test read those calls or not by the order
    # the test files imported coverage in, and failed alone).
    assert sorted(selected) == users


def test_bkr510s_shortcut_gives_each_id_the_kind_kind_source_gives():
    """BKR510 looks the kind of an ID declared once up in one table (`_declared_once`),
    and asks `kind_source` only of the others; the table's kind is kind_source's."""
    from pathlib import Path

    from bkrdsl.check.directory import _declared_once, kind_source

    root = Path(__file__).resolve().parent.parent
    for name in ("prodssi.bkr", "lnxssi.bkr", "spreadssi.bkr"):
        path = root / "examples" / name
        model = analyse(str(path), path.read_bytes(), path=path).model
        table = _declared_once(model)
        assert table
        for user_id, kind in table.items():
            assert kind_source(model, user_id).kind is kind, user_id
        assert not set(table) & model.repeated_ids


def test_the_subconfigs_no_build_names_after_each_identity_are_the_scans():
    """BKR514 and BKR518 name the SUBCONFIGs after an IDENTITY that no BUILD statement
    names (`Directory.unbuilt_after`, one pass over the entries per directory); each
    IDENTITY's are those a scan of every entry finds, in the directory's order."""
    from pathlib import Path

    from bkrdsl.cpdirectory import read_directory

    root = Path(__file__).resolve().parent.parent
    texts = [(root / "examples" / "prodssi.direct").read_text(), (root / "examples" / "broken" / "prodssi-slips.direct").read_text()]
    texts.append(
        "IDENTITY A PW 1M 1M G\n BUILD ON M1 USING SUBCONFIG A-1\nSUBCONFIG A-1\nSUBCONFIG A-2\nSUBCONFIG A-3\n"
        "IDENTITY B PW 1M 1M G\nSUBCONFIG B-1\nUSER C PW 1M 1M G\nSUBCONFIG C-1\n"
        "IDENTITY D PW 1M 1M G\n BUILD ON M1 USING SUBCONFIG B-1\n"
    )
    some = 0
    for text in texts:
        directory = read_directory("USER.DIRECT", text.encode())
        built = directory.built_subconfigs
        for entry in directory.entries:
            expected = [e for e in directory.entries if e.follows == entry.id and e.id not in built]
            assert directory.unbuilt_after(entry) == expected, entry.id
            some += bool(expected)
    assert some >= 2  # the inputs have such SUBCONFIGs to compare


def test_check_fix_compares_each_missing_id_with_the_directorys_ids_once_for_all_its_analyses(monkeypatch):
    """`bkrc check --fix` analyses the file again after each round of fixes, against the
    same directory: BKR511's "did you mean" compares a missing ID with the directory's
    IDs once (`Directory.closest_users`), not once per analysis (at 10,000 users and a
    few hundred missing IDs, most of each analysis: --fix took minutes). The answers
    are those of a directory asked afresh."""
    from bkrdsl import fixes
    from bkrdsl.check import common
    from bkrdsl.cpdirectory import read_directory

    users = ["PRODA1", *(f"LNX{n:05}" for n in range(60))]
    text = "".join(f"USER {u} PW 1M 1M G\n" for u in users).encode()
    bkr = (
        "cluster C {\n  member M1 { workers 1 }\n  single group G {\n    PRODA ZQZQZQ LNX00002 LNX00003\n  }\n"
        "  job J {\n    backup G full\n    to tape\n    run on M1 daily 01:00\n  }\n}\n"
    )
    asked = []
    real = common._ratios

    def ratios(word, candidates, **options):
        asked.append(word)
        return real(word, candidates, **options)

    monkeypatch.setattr(common, "_ratios", ratios)
    directory = read_directory("USER.DIRECT", text)
    analyses = []

    def check(t):
        analyses.append(t)
        return analyse("t.bkr", t.encode(), directory=directory)

    done = fixes.fix_all(bkr, "t.bkr", check)
    assert len(analyses) >= 2 and any(d.code == "BKR511" for d in done.applied)
    assert "PRODA1" in done.text
    assert sorted(asked) == ["PRODA", "ZQZQZQ"]  # each once, in the first analysis
    afresh = analyse("t.bkr", done.text.encode(), directory=read_directory("USER.DIRECT", text)).diagnostics
    assert [(d.code, d.message, d.help) for d in afresh] == [(d.code, d.message, d.help) for d in done.diagnostics]
    assert any("ZQZQZQ" in d.message for d in afresh)


# ------------------------------------------------ the compile's shortcuts after the parse
GROUP_WORDS = st.sampled_from(
    [
        "LNX01", "lnx02", "retain", "Retain", "RETAIN", "identity", "user", "Job", "run", "ret*", "match LIN*", "Tape",
        "full", "Daily", "ON",
    ]
)


def _group_text(lines) -> str:
    body = "".join("    " + " ".join(words) + "\n" for words in lines)
    return (
        "cluster C {\n  member VM1 { workers 1 }\n  single group G {\n" + body + "  }\n"
        "  job J { backup G full  include minidisk * *  to tape  run on VM1 daily 01:00 }\n}\n"
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(GROUP_WORDS, min_size=1, max_size=4), min_size=1, max_size=5))
@example([["LNX01", "retain"]])
@example([["LNX01"], ["Retain", "30"]])
def test_a_group_that_may_hold_no_run_by_its_ids_has_none(lines):
    """BKR021 reads a group's entries only when its user IDs hold a keyword
    (`runon.may_hold_runs`): every group it passes over has no run that
    `statement_like_runs` would find, nor an ID that `keyword_ids` would, whatever
    the case its words are written in."""
    from bkrdsl.check.declarations import _group_read_on
    from bkrdsl.syntax.runon import may_hold_runs

    analysis = analyse("t.bkr", _group_text(lines).encode())
    assume(analysis.model is not None)
    for group in analysis.model.groups:
        if not may_hold_runs(group.users):
            assert list(_group_read_on(group.decl)) == [], group.name


def test_bkr021_reads_no_entry_of_a_group_without_a_keyword(monkeypatch):
    """A group of user IDs none of which is spelled as a statement keyword costs BKR021
    one set operation, not a call per ID (`reads_like_statement` was called once per
    user at 10,000 users); a group that holds one is still read, and reported."""
    from bkrdsl.check import declarations
    from bkrdsl.syntax import runon

    read = []
    real = runon.reads_like_statement

    def reads_like_statement(label):
        read.append(label)
        return real(label)

    monkeypatch.setattr(runon, "reads_like_statement", reads_like_statement)
    quiet = analyse("t.bkr", _group_text([[f"LNX{n:03}" for n in range(200)]]).encode())
    assert not [d for d in quiet.diagnostics if d.code == "BKR021"] and read == []
    loud = analyse("t.bkr", _group_text([[f"LNX{n:03}" for n in range(20)], ["retain", "X"]]).encode())
    assert [d.code for d in loud.diagnostics if d.code == "BKR021"] == ["BKR021"] and read
    # runon's gate (`may_hold_runs`' labels), asked once per model of every group (stop 75)
    assert declarations.RUN_LABELS is runon.RUN_LABELS


@pytest.mark.parametrize(
    ("line", "label"),
    [
        # a statement keyword of three letters or more half typed in small letters, alone
        # on its line: a statement being typed in a group body, which takes none (was the
        # user DESC, silently)
        ("desc", "a user ID here, not a keyword being typed (`description`)"),
        ("exc", "a user ID here, not a keyword being typed (`exclude`)"),
        ("pri", "a user ID here, not a keyword being typed (`private-volume`)"),
        # in full, as before
        ("exclude", "a user ID here, not the keyword `exclude`"),
    ],
)
def test_bkr021_warns_at_a_statement_keyword_begun_alone_in_a_group_body(line, label):
    text = _group_text([["LNX01"], [line], ["LNX02"]])
    (found,) = [d for d in analyse("t.bkr", text.encode()).diagnostics if d.code == "BKR021"]
    assert found.message == f"`{line}` is read as one more user of group `G`: `{line.upper()}`"
    assert (found.span.line, found.label) == (5, label)
    if "being typed" in label:
        meant = label[label.index("(") :]
        assert found.help.startswith(f"the group body holds user IDs to its `}}`: if `{line}` begins a statement {meant}, write it out")


@pytest.mark.parametrize("line", ["job-s", "job-", "logon-w"])
def test_a_hyphenated_keyword_begun_alone_in_a_group_body_is_no_user_id(line):
    # `job-s` was BKR021's user JOB-S "not a keyword being typed", `logon-w` a user
    # read silently: no user ID is written as keywords are, small letters joined by a
    # hyphen, so it is that keyword being typed, one BKR012 (Recovery.hyphen_begun).
    text = _group_text([["LNX01"], [line], ["LNX02"]])
    found = analyse("t.bkr", text.encode()).diagnostics
    assert [(d.code, d.span.line) for d in found] == [("BKR012", 5)]


@pytest.mark.parametrize(
    "line", ["description", "job-suffix", "private-volume", "shared-volume M1PRV1", "description X  # c"]
)
def test_a_statement_keyword_too_long_for_a_user_id_in_a_group_body_is_one_misplaced_statement(line):
    # `description` in full in a group body was read as the user DESCRIPTION: BKR021
    # (a statement keyword read as a user) and BKR301 (11 characters) for one slip.
    # Too long for a user ID, it is that statement misplaced, one BKR013, as its
    # half typed `descripti` is one BKR012 (Recovery.match_begun); the fast parser
    # leaves it to Lark's recovery, as it leaves `descripti`.
    from bkrdsl.source import Source
    from bkrdsl.syntax import fast

    text = _group_text([["LNX01"], [line], ["LNX02"]])
    found = [d for d in analyse("t.bkr", text.encode()).diagnostics]
    keyword = line.split()[0]
    # its own slip, `X` unquoted, is said as its home block says it (bkrdsl/syntax/homed.py)
    own = [("BKR010", 5, "the text after `description` is quoted: found `X` without quotes")] if " X" in line else []
    assert [(d.code, d.span.line, d.message) for d in found] == [
        ("BKR013", 5, f"`{keyword}` cannot appear inside a `group` block"),
        *own,
    ]
    assert fast.read_reported(Source.of("t.bkr", text)) is None


@pytest.mark.parametrize(
    "lines",
    [
        [["LNX01"], ["ex"]],  # two letters: begins too many keywords to say; a user EX
        [["b"]],
        [["LNX01"], ["exc", "LNX02"]],  # not alone on its line
        [["LNX01"], ["Desc"]],  # not in small letters
        [["LNX01"], ["DESC"]],
        [["LNX01"], ["mas"]],  # begins no keyword
    ],
)
def test_bkr021_leaves_other_short_words_in_a_group_body_user_ids(lines):
    text = _group_text(lines)
    assert [d.code for d in analyse("t.bkr", text.encode()).diagnostics if d.code < "BKR100" or d.code == "BKR021"] == []


def _keywords_starting_no_statement() -> list[str]:
    """Every keyword of the language (read from the grammar) that starts no statement."""
    from bkrdsl.keywords import keywords
    from bkrdsl.syntax.fast import STATEMENT_KEYWORDS

    return sorted(set(keywords()) - STATEMENT_KEYWORDS)


#: Where a word stands in a group body: after an ID on its line, first after the `{`,
#: alone on a line of its own, and after a `match` pattern.
GROUP_PLACES = {
    "after an ID": ("  single group G {{ LNX01 {} LNX02 }}\n", 3),
    "after the brace": ("  single group G {{ {} }}\n", 3),
    "alone on its line": ("  single group G {{\n    LNX01\n    {}\n  }}\n", 5),
    "after a pattern": ("  single group G {{\n    match LNX* {}\n  }}\n", 4),
}


def _group_at(place: str, word: str) -> tuple[str, int]:
    body, line = GROUP_PLACES[place]
    return (
        "cluster C {\n  member VM1 { workers 1 }\n" + body.format(word) + "  job J { backup G full  include"
        " minidisk * *  to tape  run on VM1 daily 01:00 }\n}\n"
    ), line


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("place", sorted(GROUP_PLACES))
@pytest.mark.parametrize("keyword", _keywords_starting_no_statement())
def test_bkr021_warns_at_a_keyword_that_starts_no_statement_in_a_group_body(monkeypatch, parser, place, keyword):
    """`{ LNX01 full LNX02 }` was read as the users LNX01, FULL and LNX02, silently
    (only a statement keyword, `exclude`, was warned of). Every keyword that starts no
    statement, in small letters, anywhere in a group body, is a user ID with BKR021's
    warning, whose help says where the keyword is written; one too long for a user ID
    (`incremental`, `pool-wait`) is not read as one (BKR301, BKR013), and no BKR021."""
    from bkrdsl.check.common import valid_user_id
    from bkrdsl.check.declarations import _takes_value
    from bkrdsl.syntax.messages import KEYWORD_PLACES

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, line = _group_at(place, keyword)
    found = [d for d in analyse("t.bkr", text.encode()).diagnostics if d.code == "BKR021"]
    if not valid_user_id(keyword):
        assert found == []
        return
    (warning,) = found
    *_, at = re.finditer(rf"\b{keyword}\b", text.split("\n")[line - 1])  # the last: `group` in `single group`
    column = at.start() + 1
    assert (warning.span.line, warning.span.column) == (line, column)
    if place == "after an ID" and keyword in _takes_value():
        # `{ LNX01 server LNX02 }`: the keyword and the name it takes are one slip, one warning
        assert warning.message == f"`{keyword} LNX02` is read as 2 more users of group `G`: `{keyword.upper()}` and `LNX02`"
        return
    assert warning.message == f"`{keyword}` is read as one more user of group `G`: `{keyword.upper()}`"
    if warning.label == f"a user ID here, not the keyword `{keyword}`":
        assert warning.help.startswith(f"`{keyword}` {KEYWORD_PLACES[keyword]}; a group body holds only user IDs")
        assert warning.help.endswith(f"if a user is called {keyword.upper()}, write it so: `{keyword.upper()}`")
    else:  # `shared` alone on its line: `shared-volume` being typed, as before
        assert (keyword, place) == ("shared", "alone on its line"), warning.label


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize("place", sorted(GROUP_PLACES))
@pytest.mark.parametrize("keyword", [k.upper() for k in _keywords_starting_no_statement() if len(k) <= 8])
def test_a_keyword_that_starts_no_statement_in_capitals_is_a_user_id_without_a_warning(
    monkeypatch, parser, place, keyword
):
    # `{ FULL }`: a user the site may really have, written as user IDs are
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text, _ = _group_at(place, keyword)
    analysis = analyse("t.bkr", text.encode())
    assert [d.code for d in analysis.diagnostics if d.code < "BKR100"] == []
    assert keyword in next(g for g in analysis.model.groups if g.name == "G").users


@pytest.mark.parametrize(
    ("words", "warned"),
    [
        (["LNX01", "Full"], ["Full"]),  # mixed case reads as a keyword too
        # keywords side by side on a line are one phrase, one warning (runon.keyword_phrases)
        (["LNX01", "on", "each"], ["on"]),
        (["LNX01", "full", "on"], ["full"]),
        (["full", "LNX01", "on"], ["full", "on"]),  # an ID between them: each alone
        (["backup", "X", "full"], ["backup"]),  # in a statement's run: the run's one warning
    ],
)
def test_bkr021_warns_of_each_keyword_id_outside_a_run(words, warned):
    text = _group_text([["LNX02"], words])
    found = [d for d in analyse("t.bkr", text.encode()).diagnostics if d.code == "BKR021"]
    assert [d.message.split("`")[1].split()[0] for d in found] == warned


def _include_owners_plain(model, job):
    """`Model.include_owners` as it was: every include's owners made unique, each time."""
    from bkrdsl import ast
    from bkrdsl.resolve.model import narrow_owners, narrow_sfs_path

    ids = list(model.job_user_ids(job))
    patterns = list(dict.fromkeys(model.job_patterns(job)))
    out = []
    for selection in job.includes:
        if selection.medium is ast.Medium.MINIDISK:
            owner = selection.owner.upper if selection.owner is not None else "*"
            owners = narrow_owners(owner, ids, patterns)
        else:
            owners = [p for item in selection.items for p in narrow_sfs_path(item.upper, ids, patterns)]
        out.append(tuple(dict.fromkeys(owners)))
    return tuple(out)


OWNER_GROUPS = st.lists(
    st.lists(st.sampled_from(["LNX01", "LNX02", "TCPIP", "match TCPIP", "match LNX*", "match LN%01", "WAS1"]), max_size=5),
    min_size=1,
    max_size=3,
)


@settings(max_examples=150, deadline=None)
@given(OWNER_GROUPS, st.lists(st.sampled_from(["*", "LNX*", "TCPIP", "LNX01"]), min_size=1, max_size=3))
def test_include_owners_are_the_plain_definitions(groups, owners):
    """`Model.include_owners` leaves `*`'s owners as they are when every pattern holds a
    wildcard (the job's IDs are each once and hold none); the answer is the plain
    definition's, which makes every include's owners unique: with an ID in two groups,
    a `match` pattern without a wildcard that is an ID too (`match TCPIP`), patterns
    two groups share, and owners other than `*`."""
    body = "".join(f"  single group G{k} {{ {' '.join(g)} }}\n" for k, g in enumerate(groups))
    refs = ", ".join(f"G{k}" for k in range(len(groups)))
    includes = "  ".join(f"include minidisk {o} 0191" for o in owners)
    text = (
        "cluster C {\n  member VM1 { workers 1 }\n" + body
        + f"  job J {{ backup {refs} full  {includes}  include sfs POOL:*.  to tape  run on VM1 daily 01:00 }}\n}}\n"
    )
    model = analyse("t.bkr", text.encode(), checks=False).model
    assume(model is not None and model.jobs)
    for job in model.jobs:
        assert model.include_owners(job) == _include_owners_plain(model, job)


def test_include_owners_of_the_examples_and_a_bench_cluster_are_the_plain_definitions():
    """The same, job by job, on every example and bench/generate.py's 1,000 users."""
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("bench_generate", root / "bench" / "generate.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    texts = [(str(p), p.read_bytes()) for p in sorted((root / "examples").glob("*.bkr"))]
    texts.append(("bench.bkr", bench.to_bkr(bench.generate(1000)).encode()))
    compared = 0
    for name, data in texts:
        model = analyse(name, data, path=Path(name) if name != "bench.bkr" else None).model
        for job in model.jobs if model is not None else ():
            assert model.include_owners(job) == _include_owners_plain(model, job), (name, job.name)
            compared += 1
    assert compared > 20


def _found_by_scan(directory, entry, members, first, last):
    """What BKR515/BKR516 read of a range, worked out from `user_instances` as it was
    before `_Held.found`'s shortcuts (one pass per instance, nothing kept)."""
    from bkrdsl.check import directory as checks

    instances = checks.user_instances(directory, entry, members)
    if not instances or any(first <= a <= last for i in instances for a in i.links):
        return None
    held = [[d for d in i.disks if first <= d.address <= last] for i in instances]
    if not any(held):
        return (checks._ABSENT,)
    if not all(held):
        return (checks._PARTLY, [i.member for i, h in zip(instances, held, strict=True) if not h])
    if all(d.temporary for h in held for d in h):
        return (checks._TEMPORARY, next(d for h in held for d in h))
    return ("",)


def _random_site(rng, users: int) -> str:
    """A directory of `users` USERs and IDENTITYs (U01, I00...) with MDISKs of every form
    at addresses 0190-01A7, LINKs there, PROFILEs (one, P3, missing) and SUBCONFIGs
    built on members M1-M3 or on `*`."""
    forms = ["3390 1 10 VOL MR", "3390 1 10 VOL MR", "FB-512 V-DISK 200 MR", "3390 T-DISK 10 MR", "3390 DEVNO 1A2B MR"]

    def disks() -> str:
        return "".join(f" MDISK {a:04X} {rng.choice(forms)}\n" for a in rng.sample(range(0x190, 0x1A8), rng.randrange(4)))

    def links() -> str:
        return "".join(f" LINK MAINT {a:04X} {a:04X} RR\n" for a in rng.sample(range(0x190, 0x1A8), rng.randrange(3)))

    text = "".join(f"PROFILE P{p}\n{links()}" for p in range(3))
    for n in range(users):
        profile = f" INCLUDE P{rng.randrange(4)}\n" if rng.random() < 0.8 else ""  # P3: no such PROFILE
        if n % 3:
            text += f"USER U{n:02} PW 1M 1M G\n{profile}{links() if rng.random() < 0.3 else ''}{disks()}"
            continue
        builds = [m for m in ("M1", "M2", "M3") if rng.random() < 0.7]
        if rng.random() < 0.2:
            builds = ["*"]
        elif rng.random() < 0.15:
            builds.append("*")  # besides a member's own
        # Now and then a second BUILD for M1 or `*` (the last counts), naming no SUBCONFIG, a USER or another's.
        again = rng.choice(["NOSUCH", f"U{n + 1:02}", f"I{n:02}-0", f"I{max(n - 3, 0):02}-0"]) if rng.random() < 0.2 else ""
        text += f"IDENTITY I{n:02} PW 1M 1M G\n{profile}" + "".join(
            f" BUILD ON {m} USING SUBCONFIG I{n:02}-{k}\n" for k, m in enumerate(builds)
        ) + (f" BUILD ON {rng.choice(['M1', '*'])} USING SUBCONFIG {again}\n" if again else "") + disks()
        text += "".join(f"SUBCONFIG I{n:02}-{k}\n{links() if rng.random() < 0.3 else ''}{disks()}" for k in range(len(builds)))
    return text


_MEMBER_LISTS = (("M1",), ("M2",), ("M1", "M2", "M3"), ("M4",))
_RANGES = [(a, a) for a in range(0x18F, 0x1A9)] + [(0x190, 0x19F), (0x100, 0xFFF), (0x1A0, 0x1A7)]


def test_what_a_range_finds_of_each_user_is_the_scan_of_its_instances():
    """`_Held.found` (a USER's read from its entry, each answer kept per range and
    looked up by ID, a PROFILE's links worked out once) gives, for every user, range
    and members, asked in any order and again, the answer of a scan of its instances."""
    import random

    from bkrdsl.check.directory import _Held
    from bkrdsl.cpdirectory import read_directory

    rng = random.Random(7)
    directory = read_directory("site.direct", _random_site(rng, 60).encode())
    users = [e for e in directory.entries if e.kind != "SUBCONFIG"]
    asks = [(e, m, r) for e in users for m in _MEMBER_LISTS for r in _RANGES]
    rng.shuffle(asks)
    held = _Held(directory)
    answers = {"": 0, "absent": 0, "partly": 0, "temporary": 0, None: 0}
    for entry, members, (first, last) in asks + asks[: len(asks) // 2]:
        found = held.found(entry, members, first, last)
        assert found == _found_by_scan(directory, entry, members, first, last), (entry.id, members, first, last)
        answers[found[0] if found else None] += 1
    assert all(answers.values()), answers  # every answer given


def test_an_identity_whose_instances_hold_only_temporary_disks_in_a_range_names_the_first():
    """BKR516 on an IDENTITY built on several members: where each instance's minidisks in
    the range are all V-DISKs or T-DISKs, the answer is the first member's first one
    (whose statement the diagnostic points at), not a later member's; one permanent
    minidisk on any member makes it a selection."""
    from bkrdsl.check.directory import _TEMPORARY, _Held
    from bkrdsl.cpdirectory import read_directory

    text = (
        "IDENTITY IDA PW 1M 1M G\n BUILD ON M1 USING SUBCONFIG IDA-1\n BUILD ON M2 USING SUBCONFIG IDA-2\n"
        "SUBCONFIG IDA-1\n MDISK 0190 3390 1 10 VOL MR\n MDISK 0191 FB-512 V-DISK 200 MR\n MDISK 0192 3390 T-DISK 10 MR\n"
        "SUBCONFIG IDA-2\n MDISK 0192 3390 T-DISK 10 MR\n MDISK 0191 FB-512 V-DISK 200 MR\n MDISK 0193 3390 1 10 VOL MR\n"
    )
    directory = read_directory("site.direct", text.encode())
    entry = directory.entry("IDA")
    held = _Held(directory)
    found = held.found(entry, ("M1", "M2"), 0x191, 0x192)
    assert found == _found_by_scan(directory, entry, ("M1", "M2"), 0x191, 0x192)
    assert found[0] == _TEMPORARY and (found[1].address, found[1].line) == (0x191, 6)
    assert held.found(entry, ("M2", "M1"), 0x191, 0x192)[1].line == 9  # M2's first, where M2 comes first
    assert held.found(entry, ("M1", "M2"), 0x191, 0x193) == ("",)  # M2's 0193 is permanent
    assert held.found(entry, ("M1", "M2"), 0x190, 0x191) == ("",)


def test_the_users_a_selection_passes_over_are_those_a_scan_finds_nothing_to_say_of():
    """BKR515/BKR516's loop passes over, without asking `_Held.found`, a user whose own
    MDISKs hold a minidisk in the range but a V-DISK or T-DISK (`Directory.holding`,
    found in C), and an IDENTITY each of whose SUBCONFIGs on the members holds one (not
    `_Held.unheld`): the scan of its instances says nothing of each (None, or a
    selection). `holding` is the scan of every entry's minidisks, and each member's
    table of SUBCONFIGs (`subconfig_ids_on`) is `subconfigs_on`'s answer."""
    import random

    from bkrdsl.check.directory import _Held
    from bkrdsl.cpdirectory import read_directory

    passed = asked = 0
    for seed in range(4):
        rng = random.Random(seed)
        directory = read_directory("site.direct", _random_site(rng, 60).encode())
        held = _Held(directory)
        for member in ("M1", "M2", "M3", "M4"):
            assert directory.subconfig_ids_on(member) == {
                e.id: sub.id
                for e in directory.entries
                if e.kind == "IDENTITY" and (sub := directory.subconfig_on(e, member)) is not None
            }
        for first, last in _RANGES:
            holding = held.holding(first, last)
            assert holding == {
                e.id for e in directory.entries if any(first <= d.address <= last and not d.temporary for d in e.disks)
            }
            for members in _MEMBER_LISTS:
                for entry in directory.entries:
                    if entry.kind == "SUBCONFIG":
                        continue
                    skipped = entry.id in holding or (
                        entry.kind == "IDENTITY" and entry.id not in held.unheld(members, first, last)
                    )
                    scan = _found_by_scan(directory, entry, members, first, last)
                    if skipped:
                        assert scan in (None, ("",)), (seed, entry.id, members, first, last)
                    passed += skipped
                    asked += 1
    assert 0 < passed < asked


def test_bkr515_and_bkr516_say_the_same_without_passing_over_any_user(monkeypatch):
    """The whole of BKR515/BKR516 on random sites (jobs of USERs and of IDENTITYs on one
    member and on each, includes and excludes of ranges and single addresses, an owner
    named alone): the same diagnostics, fixes and related places included, with
    `_Held.holding` found empty and every IDENTITY `_Held.unheld` (no user passed over:
    `_Held.found` asked of each)."""
    import random

    from bkrdsl.check import directory as checks
    from bkrdsl.cpdirectory import read_directory

    said = of_identities = 0
    for seed in range(6):
        rng = random.Random(100 + seed)
        text = _random_site(rng, 45)
        singles = [f"U{n:02}" for n in range(45) if n % 3]
        identities = [f"I{n:02}" for n in range(45) if not n % 3]

        def items(rng=rng) -> str:
            picks = rng.sample(["0190", "0191", "0192", "0195", "01A0", "0190-019F", "01A0-01A7", "0100-0FFF"], 3)
            return " ".join(picks)

        jobs = "".join(
            f"  job S{k} {{\n    backup SG full\n    include minidisk * {items()}\n"
            f"    include minidisk {rng.choice(singles)} {items()}\n    exclude minidisk {rng.choice(singles)} {items()}\n"
            f"    to tape\n    run on M{k + 1} daily 0{k}:00\n  }}\n"
            for k in range(2)
        ) + (
            f"  job I {{\n    backup IG full\n    include minidisk * {items()}\n"
            f"    include minidisk {rng.choice(identities)} {items()}\n    to tape\n    run on each member daily 03:00\n  }}\n"
        )
        bkr = (
            "cluster C {\n  member M1 { workers 1 }\n  member M2 { workers 1 }\n  member M3 { workers 1 }\n"
            f"  single group SG {{ {' '.join(singles)} }}\n  identity group IG {{ {' '.join(identities)} }}\n{jobs}}}\n"
        )
        model = analyse("t.bkr", bkr.encode()).model
        assert model is not None and model.jobs
        directory = read_directory("site.direct", text.encode())

        def shown(found):
            return [(d.code, d.message, d.span, d.help, d.related, d.fix) for d in found]

        with_shortcut = shown(checks.selected_minidisks(model, directory))
        monkeypatch.setattr(checks._Held, "holding", lambda self, first, last: set())
        monkeypatch.setattr(checks._Held, "unheld", lambda self, members, first, last, every=frozenset(identities): every)
        without = shown(checks.selected_minidisks(model, directory))
        monkeypatch.undo()
        assert with_shortcut == without
        said += len(without)
        of_identities += sum("of IDENTITY" in d[1] or "`I" in d[1] for d in without)
    assert said > 20 and of_identities > 5


@pytest.mark.parametrize("parser", ["fast", "lark"])
@pytest.mark.parametrize(
    ("line", "whole"),
    [
        # a statement with a slip of its own, read as user IDs: written whole in the help
        ("retain 35", "`retain 35 days`"),
        ("backup APPS ful", "`backup APPS full`"),
        # whole already, or a slip that is a choice (a disk's unit): none
        ("retain 35 days", None),
        # (`disk BKRBKUP 191 size 10` was here: since h9 (stop 69) a `disk` line in a
        # group body is BKR013, below)
    ],
)
def test_bkr021_names_a_statement_cut_short_in_a_group_body_written_whole(line, whole, parser, monkeypatch):
    # `retain 35` (its `days` left out) in a group body is read as the users RETAIN and
    # 35: BKR021's help names the statement as BKR013's would, `retain 35 days`, and `35`
    # is that one warning's, not also BKR341's "all digits" (was both, BKR309's then)
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _group_text([["LNX01"], [line], ["LNX02"]])
    found = [d for d in analyse("t.bkr", text.encode()).diagnostics if d.span is not None and d.span.line == 5]
    assert [d.code for d in found] == ["BKR021"], [(d.code, d.message) for d in found]
    assert (f", written whole: {whole};" in found[0].help) if whole else "written whole" not in found[0].help
    # the same ID elsewhere in the body is still BKR341's
    text = _group_text([["LNX01", "35"], [line]])
    assert [d.span.line for d in analyse("t.bkr", text.encode()).diagnostics if d.code == "BKR341"] == [4]


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_a_disk_line_cut_short_in_a_group_body_is_moved_out_and_its_unit_asked_for(parser, monkeypatch):
    # `disk BKRBKUP 191 size 10` in a group body was read as users (BKR021, its unit a
    # choice); since h9 (stop 69) a `disk` line there is BKR013, whose fix moves it below
    # the group's `}`, and its unit left out is BKR010 of its own, under both parsers
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _group_text([["LNX01"], ["disk BKRBKUP 191 size 10"], ["LNX02"]])
    found = [(d.code, d.span.line) for d in analyse("t.bkr", text.encode()).diagnostics]
    assert found == [("BKR013", 5), ("BKR010", 5)]


# stop 73, h7: a group's users from the texts the fast parser kept (ast.Entries)
def _users_text(ids, extra: str = "") -> str:
    return _group_text([list(ids[k : k + 10]) for k in range(0, len(ids), 10)] + ([[extra]] if extra else []))


def _group_decl(text: str, parser: str, monkeypatch):
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    analysis = analyse("t.bkr", text.encode())
    assert analysis.model is not None, analysis.diagnostics  # (BKR205 and the like: no matter here)
    return analysis.model, analysis.model.groups[0].decl


def test_the_fast_parser_keeps_a_group_bodys_texts_where_no_entry_is_a_pattern(monkeypatch):
    from bkrdsl.ast import Entries

    ids = [f"lnx{i:02d}" for i in range(25)] + ["APP*"]
    fast_model, decl = _group_decl(_users_text(ids), "fast", monkeypatch)
    assert isinstance(decl.entries, Entries)
    assert decl.entries.texts == tuple(e.word.text for e in decl.entries)  # as written, before upper-casing
    assert decl.entry_texts() == (decl.entries.texts, [])
    lark_model, lark_decl = _group_decl(_users_text(ids), "lark", monkeypatch)
    assert not isinstance(lark_decl.entries, Entries) and lark_decl.entries == decl.entries
    for model in (fast_model, lark_model):  # the same users and patterns, read either way
        assert model.groups[0].users == tuple(i.upper() for i in ids[:-1])
        assert model.groups[0].patterns == ("APP*",)
        assert [p.pattern for p in model.pattern_defs] == ["APP*"]
    # a `match` entry among them: no texts kept, the entries read one by one
    model, decl = _group_decl(_users_text(ids, "match TCPIP"), "fast", monkeypatch)
    assert not isinstance(decl.entries, Entries) and not hasattr(decl.entries, "texts")
    assert model.groups[0].patterns == ("APP*", "TCPIP")


def test_a_group_made_from_other_entries_is_read_from_them(monkeypatch):
    # The texts go with the entries they were read with: `dataclasses.replace` (the
    # language server's renames) or entries joined make a plain tuple, never stale texts.
    import dataclasses

    from bkrdsl.resolve.model import build_model

    _, decl = _group_decl(_users_text(["LNX01", "LNX02"]), "fast", monkeypatch)
    renamed = dataclasses.replace(decl, entries=tuple(e._replace(word=e.word._replace(text="WAS01")) for e in decl.entries[:1]))
    assert renamed.entry_texts() == (["WAS01"], [False])
    joined = dataclasses.replace(decl, entries=decl.entries + decl.entries[:1])
    assert joined.entry_texts() == (["LNX01", "LNX02", "LNX01"], [False, False, False])
    module = analyse("t.bkr", _users_text(["LNX01", "LNX02"]).encode()).program.modules[0]
    cluster = dataclasses.replace(module.clusters[0], groups=(renamed,))
    assert build_model([dataclasses.replace(module, clusters=(cluster,))]).groups[0].users == ("WAS01",)


def test_the_model_reads_no_entry_of_a_group_the_fast_parser_read(monkeypatch):
    # Its users come from `Entries.texts`, in C: no Python line runs per entry, so
    # building the model of 200 users runs as many lines as of 100 (with the entries
    # read one by one, each list comprehension's line ran once per entry).
    import sys

    from bkrdsl.resolve.model import build_model

    def lines_run(n: int) -> int:
        monkeypatch.setenv("BKRDSL_PARSER", "fast")
        modules = analyse("t.bkr", _users_text([f"LNX{i:04d}" for i in range(n)]).encode()).program.modules
        count = 0

        def tracer(frame, event, arg):
            nonlocal count
            if event == "line":
                count += 1
            return tracer

        sys.settrace(tracer)
        try:
            build_model(modules)
        finally:
            sys.settrace(None)
        return count

    assert lines_run(200) == lines_run(100)


# stop 75, h8: `id_lines` joins each list's text, kept as the model split its names
def _id_lines_joined_per_id(model, kind) -> str:
    """`Model.id_lines` as it was made before stop 75: every ID of `kind` joined again."""
    import itertools

    ids = "\n".join(itertools.chain.from_iterable(lst.ids for lst in model.user_lists if lst.kind is kind))
    return f"\n{ids}\n" if ids else "\n"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clusters())
def test_id_lines_from_the_lists_texts_are_the_ids_joined(text):
    """Under both parsers: each list's kept text is its IDs (upper case, the
    patterns left out) joined by line ends, and `id_lines` is what joining every ID
    again gave."""
    import os

    for parser in ("fast", "lark"):
        before = os.environ.get("BKRDSL_PARSER")
        os.environ["BKRDSL_PARSER"] = parser
        try:
            model = _model(text)
        finally:
            if before is None:
                del os.environ["BKRDSL_PARSER"]
            else:
                os.environ["BKRDSL_PARSER"] = before
        for lst in model.user_lists:
            assert lst.text == "\n".join(lst.ids)
        for kind in Kind:
            assert model.id_lines(kind) == _id_lines_joined_per_id(model, kind)


class _Unread(tuple):
    """A list's IDs that may be counted but not read one by one."""

    def __iter__(self):
        raise AssertionError("an ID list was read one ID at a time")


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_id_lines_reads_no_id_list_again(parser, monkeypatch):
    """`id_lines` of thousands of IDs joins the lists' texts (a few strings), not
    every ID again: the lists' IDs are not read for it."""
    monkeypatch.setenv("BKRDSL_PARSER", parser)
    ids = [f"lnx{i:04d}" for i in range(300)] + ["match LNX9*", "APP01"]
    model = _model(_users_text(ids))
    expected = {kind: _id_lines_joined_per_id(model, kind) for kind in Kind}
    assert "\nLNX0042\n" in expected[model.groups[0].kind] and "LNX9*" not in expected[model.groups[0].kind]
    model = _model(_users_text(ids))
    for lst in model.user_lists:
        object.__setattr__(lst, "ids", _Unread(lst.ids))
    model._lines.clear()  # (the checks asked for them already)
    assert {kind: model.id_lines(kind) for kind in Kind} == expected


# stop 75, h8: the groups that may hold a run worked out once per model (`groups_naming_any`)
class _CountedIds(tuple):
    """A group's IDs that count how often they are read whole."""

    reads = 0

    def __iter__(self):
        type(self).reads += 1
        return super().__iter__()


@pytest.mark.parametrize("parser", ["fast", "lark"])
def test_groups_that_may_hold_runs_are_found_once(parser, monkeypatch):
    """BKR021 (`group_bodies_read_on`), BKR309's `read_on_ids` and BKR208's
    `keyword_values` each asked every group whether its IDs hold a keyword, each
    reading all of them: now one reading per group per model, whoever asks."""
    from bkrdsl.check import declarations
    from bkrdsl.resolve import build_model
    from bkrdsl.syntax.runon import RUN_LABELS, may_hold_runs

    monkeypatch.setenv("BKRDSL_PARSER", parser)
    text = _users_text([f"LNX{i:03d}" for i in range(40)]).replace("    LNX010", "    identity user FOO\n    LNX010")
    text = text.replace("  job J", "  single group H { APP01 APP02 }\n  job J")
    analysis = analyse("t.bkr", text.encode())
    assert any(d.code == "BKR021" for d in analysis.diagnostics)
    model = build_model(analysis.program.modules)
    assert [g.name for g in model.groups_naming_any(RUN_LABELS)] == [
        g.name for g in model.groups if may_hold_runs(g.users)
    ] == ["G"]
    said = [d.message for d in declarations.group_bodies_read_on(model)]
    read_on, values = declarations.read_on_ids(model), declarations.keyword_values(model)
    model = build_model(analysis.program.modules)
    for g in model.groups:
        object.__setattr__(g, "users", _CountedIds(g.users))
    _CountedIds.reads = 0
    assert [d.message for d in declarations.group_bodies_read_on(model)] == said
    assert declarations.read_on_ids(model) == read_on and declarations.keyword_values(model) == values
    assert _CountedIds.reads == len(model.groups)
