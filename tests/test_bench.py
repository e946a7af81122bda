"""The benchmark's inputs and machinery stay usable: no timings are asserted here.

bench/generate.py must write clusters that `bkrc check` passes without a
diagnostic, the same data as YAML for the reference, byte for byte the same on
every run; bench/run.py's stages must run in rotated rounds, and its target verdicts
must follow the per-round figures they are given.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
from collections import Counter

import pytest
import yaml
from conftest import ROOT, bench_module, run_cli

BENCH = ROOT / "bench"



run = bench_module("run")
generate = run.generate


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The 100-user cluster, as .bkr and YAML."""
    return generate.write(100, tmp_path_factory.mktemp("bench"))


def test_the_generated_cluster_checks_without_any_diagnostic(small):
    bkr, _ = small
    result = run_cli(["check", "--format", "json", bkr], expect=0)
    report = json.loads(result.output)
    assert (report["error_count"], report["warning_count"]) == (0, 0), report["diagnostics"][:3]


def test_the_generated_cluster_compiles(small, tmp_path):
    bkr, _ = small
    result = run_cli(["compile", bkr, "-o", tmp_path / "out"], expect=0)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    kinds = {(f["member"], f["job_kind"]) for f in manifest["files"] if f["kind"] == "job-template"}
    # Single jobs land on their own member; identity jobs on every member.
    assert {m for m, k in kinds if k == "identity"} == set(generate.MEMBERS), result.output
    assert {k for _, k in kinds} == {"single", "identity"}


def test_generation_is_deterministic_and_seeded():
    one, two = generate.generate(1_000), generate.generate(1_000)
    assert generate.to_bkr(one) == generate.to_bkr(two)
    assert generate.to_yaml(one) == generate.to_yaml(two)
    assert generate.to_bkr(generate.generate(1_000, seed=2)) != generate.to_bkr(one)


@pytest.mark.parametrize("users", [100, 1_000, 10_000])
def test_the_cluster_has_the_shape_the_benchmark_promises(users):
    data = generate.generate(users)
    groups = data["groups"]
    ids = [u for g in groups for u in g["users"]]
    assert len(ids) == len(set(ids)) == users
    assert all(len(u) <= 8 for u in ids)
    for kind in ("single", "identity"):
        sizes = [len(g["users"]) for g in groups if g["kind"] == kind]
        assert sizes and all(s <= generate.GROUP_SIZE[1] for s in sizes)
        # Every group but the last of its kind (which takes what is left) is 50-200 users.
        assert all(s >= generate.GROUP_SIZE[0] for s in sizes[:-1])
    assert len(data["members"]) == 4
    placements = {job["run"]["each_member"] for job in data["jobs"]}
    assert placements == {True, False}
    backed_up = {name for job in data["jobs"] for name in job["backup"]}
    assert backed_up == {g["name"] for g in groups}
    if users >= 1_000:
        assert any(g["patterns"] for g in groups)


def test_the_yaml_holds_the_same_groups_and_jobs_as_the_bkr_file(small):
    bkr, yml = small
    data = yaml.load(yml.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    analysis = run.check(bkr)
    model = analysis.model
    from_bkr = {g.name: (g.kind.value, list(g.users), list(g.patterns)) for g in model.groups}
    from_yaml = {g["name"]: (g["kind"], g["users"], g["patterns"]) for g in data["groups"]}
    assert from_bkr == from_yaml
    jobs_bkr = {j.name: (j.level.value, j.each_member, [r.word.upper for r in j.refs]) for j in model.jobs}
    jobs_yaml = {j["name"]: (j["level"], j["run"]["each_member"], j["backup"]) for j in data["jobs"]}
    assert jobs_bkr == jobs_yaml


def test_every_stage_of_the_benchmark_runs(small, tmp_path):
    bkr, yml = small
    assert run.parse_only(bkr).clusters
    assert run.check(bkr).ok
    rendered = run.reference(yml, run.reference_template())
    assert len(rendered) == len(generate.generate(100)["groups"])
    assert "INCLUDE MINIDISK" in rendered[0]
    compiler = run._compiler()
    assert compiler.run is not None, compiler.how
    compiler.run(bkr, tmp_path / "out")
    assert (tmp_path / "out" / "manifest.json").is_file()


# The verdicts, from figures given here (seconds): the logic, not this machine's speed.
def _rows(ref10k: float, compile10k: float, per_k_1k: float, per_k_50k: float, rounds: int = 5):
    """Rows of `rounds` rounds whose every round gives the same figures."""

    def row(users, per_k):
        total = per_k * users / 1000
        times = {"parse": total / 2, "check": total / 1.5, "compile": total, "reference": total}
        return run.Row(users, {s: [t] * rounds for s, t in times.items()}, {s: [t] * rounds for s, t in times.items()})

    rows = [row(1_000, per_k_1k), row(10_000, compile10k / 10), row(50_000, per_k_50k)]
    for samples in (rows[1].wall, rows[1].cpu):
        samples.update(reference=[ref10k] * rounds, parse=[compile10k / 1.5] * rounds)
    return rows


def _verdicts(lines):
    """The verdict word(s) of each line of run.targets that is not informative."""
    words = (run.MET, run.NOT_MET, run.UNDECIDED, run.NOT_MEASURED)
    official = [line for line in lines if "(informative)" not in line]
    return [next(w for w in sorted(words, key=len, reverse=True) if line.startswith(w)) for line in official]


_MET4 = ["met"] * 4


@pytest.mark.parametrize(
    "ref10k, compile10k, per_k_1k, per_k_50k, startup, expected",
    [
        (0.20, 0.15, 0.020, 0.020, (0.050, 0.045), _MET4),
        (0.10, 0.15, 0.020, 0.020, (0.050, 0.045), ["not met", "met", "met", "met"]),
        (0.20, 0.15, 0.020, 0.030, (0.050, 0.045), ["met", "met", "not met", "met"]),
        (0.20, 0.15, 0.020, 0.020, (0.070, 0.045), ["met", "met", "met", "not met"]),
    ],
)
def test_target_verdicts_follow_the_figures(ref10k, compile10k, per_k_1k, per_k_50k, startup, expected):
    ours, click = startup
    lines, ok = run.targets(_rows(ref10k, compile10k, per_k_1k, per_k_50k), ([ours] * 5, [click] * 5))
    assert _verdicts(lines) == expected
    assert ok is (expected == _MET4)


def test_a_ratio_is_taken_round_by_round_not_from_the_medians():
    """A slow phase that falls on compile and reference of the same rounds cancels in
    the per-round ratio (0.90x in four rounds of five); the medians of the two stages,
    taken apart, come from different phases and give 0.45x."""
    rows = _rows(0.20, 0.15, 0.020, 0.020, rounds=5)
    ten = rows[1].wall
    ten["compile"] = [0.09, 0.09, 0.09, 0.18, 0.18]
    ten["reference"] = [0.10, 0.10, 0.20, 0.20, 0.20]
    lines, _ = run.targets(rows, None)
    reference_line = next(line for line in lines if "reference" in line)
    assert statistics.median(ten["compile"]) / statistics.median(ten["reference"]) == pytest.approx(0.45)
    assert reference_line.startswith("met ") and ": 0.90x (middle half 0.90-0.90x, all 0.45-0.90x" in reference_line


@pytest.mark.parametrize(
    "ratios, verdict",
    [
        ([0.8, 0.9, 0.95, 0.97, 1.3], "met"),  # the middle half under 1.0: one slow round decides nothing
        ([0.7, 0.9, 1.05, 1.1, 1.2], "undecided"),  # it straddles 1.0
        ([0.6, 1.1, 1.2, 1.25, 1.4], "not met"),
        ([1.0], "met"),  # at the target is met
    ],
)
def test_a_verdict_is_read_from_the_middle_half_of_the_rounds(ratios, verdict):
    assert run.decide(run.spread(ratios), 1.0) == verdict


def test_the_spread_gives_median_quartiles_and_extremes():
    measured = run.spread([3.0, 1.0, 2.0, 5.0, 4.0])
    assert (measured.median, measured.q1, measured.q3, measured.low, measured.high, measured.rounds) == (
        3.0, 2.0, 4.0, 1.0, 5.0, 5,
    )
    assert measured.describe("CPU 2.90x") == "3.00x (middle half 2.00-4.00x, all 1.00-5.00x, 5 rounds; CPU 2.90x)"
    one = run.spread([1.5])
    assert (one.q1, one.q3, one.rounds) == (1.5, 1.5, 1)


def test_an_undecided_target_is_not_met_for_the_exit_status():
    rows = _rows(0.20, 0.15, 0.020, 0.020, rounds=4)
    rows[1].wall["reference"] = [0.10, 0.12, 0.20, 0.20]  # compile/reference 1.50, 1.25, 0.75, 0.75
    lines, ok = run.targets(rows, ([0.05] * 4, [0.05] * 4))
    assert _verdicts(lines) == ["undecided", "met", "met", "met"]
    assert not ok


def test_every_round_runs_every_stage_once_in_a_rotated_order():
    stages = {users: dict.fromkeys(("parse", "check", "compile", "reference")) for users in (1_000, 10_000)}
    orders = [run.round_order(stages, turn) for turn in range(4)]
    assert all(sorted(order) == sorted(orders[0]) and len(order) == 8 for order in orders)
    assert orders[0][:4] == [(1_000, "parse"), (1_000, "check"), (1_000, "compile"), (1_000, "reference")]
    assert orders[1][:4] == [(10_000, "check"), (10_000, "compile"), (10_000, "reference"), (10_000, "parse")]
    # Over as many rounds as there are stages, each stage of a size takes every place once.
    for users in stages:
        places = {[s for u, s in order if u == users].index("compile") for order in orders}
        assert places == {0, 1, 2, 3}


def test_rounds_are_enough_for_each_stage_to_run_min_time():
    first = {(100, "parse"): 0.002, (100, "compile"): 0.02, (1_000, "parse"): 0.005, (1_000, "compile"): 0.03}
    assert run.rounds_needed(first, repeat=7, min_time=1.0) == 21  # compile: 0.05 s a round
    assert run.rounds_needed(first, repeat=30, min_time=1.0) == 30
    assert run.rounds_needed(first, repeat=7, min_time=100.0) == run.MAX_RUNS


def test_measure_takes_one_sample_per_stage_and_round(tmp_path):
    compiler = run.Compiler(None, "not timed here")
    rows = run.measure([100], tmp_path, compiler, repeat=3, min_time=0.0, template=run.reference_template())
    assert [r.users for r in rows] == [100]
    assert set(rows[0].wall) == set(rows[0].cpu) == {"parse", "check", "reference"}
    assert rows[0].runs == 3 and all(len(s) == 3 and min(s) > 0 for s in rows[0].wall.values())


def test_missing_compile_is_reported_not_passed():
    rows = _rows(0.2, 0.15, 0.02, 0.02)
    for r in rows:
        del r.wall["compile"], r.cpu["compile"]
    lines, ok = run.targets(rows, None)
    assert not ok
    assert all(line.startswith("n/a") for line in lines if "compile" in line.split(":")[0])


def test_cachegrind_summary_gives_the_instruction_count():
    report = "==14418== Cachegrind, a cache and branch-prediction profiler\n==14418== I   refs:      2,132,846,268\n"
    assert run.cachegrind_instructions(report) == 2_132_846_268
    with pytest.raises(RuntimeError, match="no instruction count"):
        run.cachegrind_instructions("==1== ERROR SUMMARY: 0 errors")
    lines = run.instruction_lines(10_000, {"parse": 30_000_000, "compile": 360_000_000, "reference": 400_000_000})
    assert "parse 30.0 M, compile 360.0 M, reference 400.0 M" in lines[0]
    assert lines[1].strip().startswith("compile/parse 12.00x, compile/reference 0.90x")


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")
def test_instructions_counts_one_warm_run_of_a_stage(tmp_path):
    counts = run.instructions(100, tmp_path, ("parse",))
    # A 100-user parse: millions of instructions, far fewer than the children's start-up.
    assert set(counts) == {"parse"} and 1_000_000 < counts["parse"] < 100_000_000


def test_compare_times_a_revision_in_its_own_worktree():
    """bench/compare.py runs end to end on one revision and cleans up after itself."""
    import subprocess

    before = subprocess.run(["git", "worktree", "list"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    result = subprocess.run(
        [sys.executable, str(BENCH / "compare.py"), "--users", "100", "--rounds", "1", "--runs", "1", "HEAD"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("100 users; medians of 1 rounds x 1 runs")
    assert lines[1].split() == ["revision", "parse", "check", "compile"]
    name, *figures = lines[2].split()
    assert name == "HEAD" and len(figures) == 3 and all(float(f) > 0 for f in figures)
    after = subprocess.run(["git", "worktree", "list"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert after == before


def test_junk_inputs_are_what_docs_performance_md_says(tmp_path):
    """bench/junk.py's three kinds, byte for byte the same on every run: random
    lines get syntax errors only; the group body of bad IDs one BKR301 per ID and
    nothing else; that of valid IDs no diagnostic."""
    junk = bench_module("junk")
    paths = junk.write(tmp_path, [0.02])
    assert [p.name for p in paths] == ["random-0.02mb.bkr", "bad-ids-0.02mb.bkr", "good-ids-0.02mb.bkr"]
    assert all(p.read_bytes() == junk.generate(p.name.rsplit("-", 1)[0], 0.02).encode() for p in paths)
    assert all(20_000 <= p.stat().st_size < 21_000 for p in paths)
    reports = {}
    for p in paths:
        out = run_cli(["check", "--format", "json", "--max-errors", "0", p])
        reports[p.name.split("-0")[0]] = json.loads(out.stdout)
    assert {d["code"] for d in reports["random"]["diagnostics"]} <= {f"BKR00{i}" for i in range(10)}
    bad = reports["bad-ids"]["diagnostics"]
    assert {d["code"] for d in bad} == {"BKR301"} and len(bad) > 1000
    assert reports["good-ids"]["diagnostics"] == []


# bench/shapes.py: clusters grown along jobs, patterns, includes, excludes, members, overlaps.
shapes = bench_module("shapes")
TINY = shapes.replace(shapes.BASE, users=200, jobs=4)


@pytest.mark.parametrize("axis", list(shapes.AXES))
def test_every_shape_checks_as_bench_shapes_promises(axis, tmp_path):
    """Clean but for the overlaps, whose jobs share users: BKR405 from one member, BKR411 from two."""
    for size in (2, 8 if axis == "members" else 12):
        path = shapes.write(axis, size, tmp_path, base=TINY)
        again = shapes.write(axis, size, tmp_path / "again", base=TINY)
        assert path.read_bytes() == again.read_bytes()
        report = json.loads(run_cli(["check", "--format", "json", path]).output)
        codes = {d["code"] for d in report["diagnostics"]}
        if axis != "overlaps":
            assert codes == set(), (axis, size, report["diagnostics"][:3])
        elif size == 12:
            assert codes == {"BKR405", "BKR411"}, report["diagnostics"][:3]


def test_shapes_grow_along_their_axis_only():
    base = shapes.cluster(TINY)
    jobs = shapes.cluster(shapes.shape_of("jobs", 12, TINY))
    assert len(jobs["jobs"]) - len(base["jobs"]) == 12 - TINY.jobs and jobs["groups"] == base["groups"]
    grown = shapes.cluster(shapes.shape_of("patterns", 5, TINY))
    assert all(len(g["patterns"]) == 5 for g in grown["groups"])
    for axis, key in (("includes", "include"), ("excludes", "exclude")):
        data = shapes.cluster(shapes.shape_of(axis, 7, TINY))
        assert all(len(j[key]) == 7 for j in data["jobs"] if not j["run"]["each_member"])
    assert len(shapes.cluster(shapes.shape_of("members", 8, TINY))["members"]) == 8
    assert shapes.cluster(TINY, seed=1) == base and shapes.cluster(TINY, seed=2) != base


def test_shapes_runs_and_reports_per_unit_costs(capsys):
    assert shapes.main(["--axes", "jobs", "--sizes", "2", "4", "8", "--rounds", "1", "--users", "200"]) == 0
    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines() if line.strip().split(" ")[0] in ("2", "4", "8")]
    assert [r[0] for r in rows] == ["2", "4", "8", "2", "4", "8"]  # CPU, then wall
    assert all(float(r[1].replace(",", "")) > 0 for r in rows) and rows[0][3:5] == ["-", "-"]


def test_scaling_rows_tell_linear_from_square():
    linear = shapes.scaling_rows([10, 100, 1000], [0.1 + 0.01 * n for n in (10, 100, 1000)])
    square = shapes.scaling_rows([10, 100, 1000], [0.1 + 0.0001 * n * n for n in (10, 100, 1000)])
    assert linear[2][4] == pytest.approx(1.0) and square[2][4] == pytest.approx(10.0)
    assert linear[0][3] is None and linear[1][3] == pytest.approx(0.01)


def test_the_files_stage_creates_as_many_files_as_a_compile_writes(small, tmp_path):
    """The informative `files` stage times the file system alone: a fresh folder and
    FILES_PROBED empty files, about what the compile of the same round writes."""
    bkr, yml = small
    stages = run.stages_of(bkr, yml, run._compiler(), tmp_path / "out", run.reference_template())
    stages["compile"]()
    stages["files"]()
    written = [p for p in (tmp_path / "out" / "run0").rglob("*") if p.is_file()]
    probed = list((tmp_path / "out" / "files0").iterdir())
    assert len(probed) == run.FILES_PROBED and all(p.stat().st_size == 0 for p in probed)
    assert abs(len(written) - run.FILES_PROBED) <= 5


def test_bkrc_stages_run_with_the_collector_off_as_bkrc_runs(small, tmp_path, monkeypatch):
    """parse, check and compile run as a `bkrc` process runs them, the cyclic garbage
    collector off, so that they measure like for like; the parse alone ran with it on
    until stop 37, and at 50,000 users the collector's passes over the AST made it
    slower than the whole compile (docs/performance.md, "The parse at 50,000 users").
    The reference runs as a Python script does, the collector on."""
    import gc

    seen = {}

    def spy(name, real):
        def called(*args):
            seen[name] = gc.isenabled()
            return real(*args)

        return called

    monkeypatch.setattr(run, "parse_only", spy("parse", run.parse_only))
    monkeypatch.setattr(run, "check", spy("check", run.check))
    monkeypatch.setattr(run, "reference", spy("reference", run.reference))
    compiler = run._compiler()
    compiler = run.Compiler(spy("compile", compiler.run), compiler.how)
    bkr, yml = small
    stages = run.stages_of(bkr, yml, compiler, tmp_path / "out", run.reference_template())
    for name in ("parse", "check", "compile", "reference"):
        stages[name]()
    assert seen == {"parse": False, "check": False, "compile": False, "reference": True}
    assert gc.isenabled()


cascades = bench_module("cascades")


def test_every_single_slip_of_an_example_gets_the_same_diagnostics_from_both_parsers():
    """bench/cascades.py's slips of examples/minimal.bkr (a typo, a statement deleted,
    moved or written twice, a `}` deleted, a kind flipped, ...): each is checked with
    the fast parser and with Lark, which must say the same; each slip changes the file."""
    rows = cascades.audit("minimal")
    kinds = {row["kind"] for row in rows}
    assert {"typo in a name", "statement deleted", "`}` deleted", "single <-> identity", "line duplicated"} <= kinds
    for row in rows:
        assert row["fast"] == row["lark"], row
    path = ROOT / "examples" / "minimal.bkr"
    text = path.read_text(encoding="utf-8")
    assert all(slip.text != text for slip in cascades.slips_of(path, text))
    # the summary counts every slip once
    assert f"| **all** | {len(rows)} |" in cascades.summary(rows)


prefix_sweep = bench_module("prefix_sweep")


def test_the_prefix_sweep_types_each_prefix_before_each_statement_line():
    """bench/prefix_sweep.py writes a prefix on a line of its own, at the line's
    indentation, before each statement line of examples/minimal.bkr (and first in
    each one-line block's body): every other line as it was, the line numbered."""
    path = ROOT / "examples" / "minimal.bkr"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    statements = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    one_line = [line for line in statements if prefix_sweep.ONE_LINE_BLOCK.match(line) and '"' not in line]
    typed = list(prefix_sweep.typed(text, ["desc"]))
    assert len(typed) == len(statements) + len(one_line) and len(one_line) == 4
    for line, prefix, written in typed:
        got = written.split("\n")
        assert prefix == "desc" and got[line - 1].strip() == "desc"
        rest = got[: line - 1] + got[line:]
        if len(got) == len(lines) + 1:
            assert rest == lines  # written before a statement line
        else:
            assert len(got) == len(lines) + 2 and " ".join(rest).split() == text.split()  # a block broken
    assert "desc" in prefix_sweep.PREFIXES and "job" not in prefix_sweep.PREFIXES  # `job` is a keyword


def test_the_prefix_sweep_of_minimal_finds_these_words_said_and_the_parsers_agreeing(capsys):
    """On examples/minimal.bkr, words typed that the last fixes made said: `desc` in a
    group body (BKR021), `descripti` there (BKR012, was BKR301's), `ret` after an
    include's addresses (BKR012): none silent, none misleading, both parsers alike."""
    path = ROOT / "examples" / "minimal.bkr"
    words = ["desc", "descripti", "ret", "mat"]
    assert prefix_sweep.main([str(path), "--agree", *(a for w in words for a in ("--prefix", w))]) == 0
    out = capsys.readouterr().out
    count = len(list(prefix_sweep.typed(path.read_text(encoding="utf-8"), words)))
    assert out.startswith(f"{count} texts, ") and ", 0 read differently\n" in out.split("\n")[0] + "\n", out
    assert "silent: 0 texts" in out and "other: 0 texts" in out and "elsewhere: 0 texts" in out, out


# bench/directory.py: the site's CP directory of each generated cluster, and the `--directory` benchmark.
directory_bench = bench_module("directory")


@pytest.fixture(scope="module")
def with_directory(tmp_path_factory):
    """The 1,000-user cluster and its directory."""
    return directory_bench.write(1_000, tmp_path_factory.mktemp("bench-directory"))


def test_the_generated_directory_is_the_clusters_and_checks_clean(with_directory, tmp_path):
    """Byte for byte the same on every run; every group's user is in it with the kind
    its group gives, every pattern matches some, and `bkrc check --directory` says
    nothing: no BKR510-BKR523, the product machines' entries as the compile writes them."""
    bkr, direct = with_directory
    again = directory_bench.write(1_000, tmp_path)[1]
    assert direct.read_bytes() == again.read_bytes()
    from bkrdsl.cpdirectory import read_directory

    directory = read_directory(str(direct), direct.read_bytes())
    assert directory.diagnostics == ()
    data = generate.generate(1_000)
    kinds = {"single": "USER", "identity": "IDENTITY"}
    for group in data["groups"]:
        assert {directory.entry(u).kind for u in group["users"]} == {kinds[group["kind"]]}
        for pattern in group["patterns"]:
            assert {e.kind for e in directory.users_named((pattern,))} == {kinds[group["kind"]]}
    assert len(directory.profiles) >= 5 and directory.entry("BKRWRK04").builds
    report = json.loads(run_cli(["check", "--format", "json", bkr, "--directory", direct], expect=0).output)
    assert (report["error_count"], report["warning_count"]) == (0, 0), report["diagnostics"][:3]


def test_every_stage_of_the_directory_benchmark_runs(tmp_path, capsys):
    """Each stage of bench/directory.py runs on a small cluster, and the report gives a
    median per stage and size and a verdict per stage."""
    rows = directory_bench.measure([100, 200], tmp_path, rounds=1)
    assert [r.users for r in rows] == [100, 200]
    assert all(len(r.wall[s]) == 1 and r.wall[s][0] > 0 for r in rows for s in directory_bench.STAGES)
    shown = directory_bench.stages_of(tmp_path / "bench-100.bkr", tmp_path / "bench-100.direct")["show"]()
    assert "directory users with minidisks on VMSYS1 are backed up by " in shown.output
    assert " minidisks; not backed up:" in shown.output
    assert "USR00001" in shown.output  # the CMS users no group names
    lines, _ = directory_bench.targets(rows)
    stages = directory_bench.STAGES
    assert [next(s for s in stages if f" {s}: per-1,000-user cost" in line) for line in lines] == list(stages)
    assert all(line.startswith((run.MET, run.NOT_MET, run.UNDECIDED)) for line in lines)
    assert len(directory_bench.table(rows)) == 2 * len(directory_bench.STAGES) + 4


def test_every_slip_of_an_example_that_gives_no_diagnostic_is_judged():
    """bench/cascades.py says of each silent slip why no check catches it (its SILENT
    table): a shape no one has weighed shows as "not judged", here a failure."""
    rows = [row for row in cascades.audit("minimal") if not row["fast"]]
    assert rows, "examples/minimal.bkr has silent slips: a `description` deleted, `5:00` for `05:00`"
    assert [row for row in rows if row["judged"] == "not judged"] == []
    assert "| slips with no diagnostic, judged | slips |" in cascades.summary(rows)
    assert cascades.judged({"kind": "statement moved", "what": "`backup APPS full` moved"}) == "not judged"


def test_every_slip_of_an_example_whose_first_diagnostic_is_off_its_line_is_judged():
    """bench/cascades.py says of each slip whose first diagnostic is not on its line
    why (its OFF_SLIP table, docs/diagnostics.md's "off the slip's line"): a shape no
    one has weighed shows as "not judged", here a failure."""
    rows = [row for row in cascades.audit("minimal") if row["fast"] and row["fast_first_on_slip"] is False]
    assert {row["kind"] for row in rows} == {"single <-> identity", "two words swapped", "comment without a blank"}
    assert [row for row in rows if row["off_judged"] == "not judged"] == []
    assert "| first diagnostic not on the slip, judged | slips |" in cascades.summary(rows)
    # the catalog's server misspelt, a `description` moved: judged by the diagnostic too
    typo = {"kind": "typo in a name", "what": "user `BKRSFS` typed `BKSRFS`"}
    server = "BKR332 bank.bkr:62:8 `disk` for `BKRSFS`, which is not one of the product's machines"
    assert cascades.judged_off({**typo, "fast": [server]}).startswith("the catalog's server misspelt")
    assert cascades.judged_off({**typo, "fast": ["BKR330 bank.bkr:13:10 unknown member"]}) == "not judged"
    moved = {"kind": "statement moved", "what": "`description \"x\"` moved from a `job` block into a `cluster` block"}
    assert cascades.judged_off({**moved, "fast": ["BKR115 prodssi.bkr:8:3 a second `description`"]}) != "not judged"
    assert cascades.judged_off({**moved, "what": "`backup APPS full` moved", "fast": ["BKR115 x"]}) == "not judged"


# example, the slip as bench/cascades.py says it, the codes it gives (one slip, one diagnostic)
MENDED_SLIPS = [
    # BKR332 alone says the statement naming the server may be missing, not BKR213 as well
    ("prodssi.bkr", "`catalog shared server BKRSVSFS pool BKRPOOL on VMSYS1` deleted", ["BKR332"]),
    ("lnxssi.bkr", "`catalog shared server BKRSVSFS pool BKRPOOL on ZVMA` deleted", ["BKR332"]),
    # the exclude written for the deleted include, left removing nothing
    ("prodssi.bkr", "`include minidisk * 0191-01FF 0200` deleted", ["BKR413"]),
    # a `backup` line copied at the other level: BKR118 alone, not BKR412 as well (stop 34)
    ("minimal.bkr", "`backup GUESTS full` again as `backup GUESTS incremental`", ["BKR118"]),
    ("lnxssi.bkr", "`backup LINUX, CMSSVC full` again as `backup LINUX, CMSSVC incremental`", ["BKR118"]),
    # `sfs` written for `minidisk`: one BKR318 for the statement, no BKR413 for the job's exclude (stop 34)
    ("minimal.bkr", "`include minidisk * 0191` written `include sfs * 0191`", ["BKR318"]),
    ("minimal.bkr", "`exclude minidisk * 0190 019D 019E` written `exclude sfs * 0190 019D 019E`", ["BKR318"]),
    # a group's users without its braces: one BKR011, not BKR004 at the next `{` as well (stop 34)
    ("minimal.bkr", "`single group GUESTS { LINUX01 LINUX02 }` without its braces", ["BKR011"]),
    # one of a worker's per-member `disk` statements deleted, the other workers' placed member by
    # member: BKR255 at the statement left (silent before, "not judged" in the audit)
    ("bank.bkr", "`disk BKRWRK03 191 size 5 cyl on PAPRV1 at 29076` deleted", ["BKR255"]),
    ("bank.bkr", "`disk BKRWRK04 191 size 5 cyl on PBPRV1 at 29081` deleted", ["BKR255"]),
]


@pytest.mark.parametrize("lark", [False, True], ids=["fast", "lark"])
def test_a_full_jobs_include_its_incremental_job_keeps_deleted_is_said(lark):
    """bank.bkr's IDFUL without `include minidisk CICSRG* 0300-03FF` (line 153), IDINC
    keeping its twin: the CICS regions' 0300-03FF disks backed up incrementally, never
    in full, and no diagnostic said so (SILENT, stop 39); BKR417 does, at IDINC's include.
    The same line deleted from IDINC (line 163) selects less than the full job: silent."""
    path = ROOT / "examples" / "bank.bkr"
    text = path.read_text(encoding="utf-8")
    baseline = Counter(cascades._said(d) for d in cascades.diagnostics(cascades.Slip(path, "none", 0, "", text), lark))
    found = {}
    for slip in cascades.slips_of(path, text):
        if slip.what == "`include minidisk CICSRG* 0300-03FF` deleted":
            found[slip.line] = [(d.code, d.span.line) for d in cascades.caused(slip, cascades.diagnostics(slip, lark), baseline)]
    assert found == {153: [("BKR417", 162)], 163: []}


@pytest.mark.parametrize(("example", "what", "expected"), MENDED_SLIPS, ids=[f"{e}: {w[:40]}" for e, w, _ in MENDED_SLIPS])
@pytest.mark.parametrize("lark", [False, True], ids=["fast", "lark"])
def test_a_slip_the_audit_found_gives_one_diagnostic(example, what, expected, lark):
    path = ROOT / "examples" / example
    text = path.read_text(encoding="utf-8")
    baseline = Counter(cascades._said(d) for d in cascades.diagnostics(cascades.Slip(path, "none", 0, "", text), lark))
    (slip,) = [s for s in cascades.slips_of(path, text) if s.what == what]
    assert [d.code for d in cascades.caused(slip, cascades.diagnostics(slip, lark), baseline)] == expected
