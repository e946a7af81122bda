"""The benchmark's inputs and machinery stay usable: no timings are asserted here.

bench/generate.py must write clusters that `bkrc check` passes without a
diagnostic, the same data as YAML for the reference, byte for byte the same on
every run; bench/run.py's stages must run and its target verdicts must follow
the figures they are given.
"""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest
import yaml
from conftest import ROOT, run_cli

BENCH = ROOT / "bench"


def _bench_module(name: str):
    qualified = f"bkrdsl_bench_{name}"
    if qualified not in sys.modules:
        spec = importlib.util.spec_from_file_location(qualified, BENCH / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[qualified] = module
        spec.loader.exec_module(module)
    return sys.modules[qualified]


run = _bench_module("run")
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
def _rows(ref10k: float, compile10k: float, per_k_1k: float, per_k_50k: float):
    def row(users, per_k):
        total = per_k * users / 1000
        times = {"parse": total / 2, "check": total / 1.5, "compile": total, "reference": total}
        return run.Row(users, 5, times)

    rows = [row(1_000, per_k_1k), row(10_000, compile10k / 10), row(50_000, per_k_50k)]
    rows[1].times.update(reference=ref10k, parse=compile10k / 1.5)
    return rows


@pytest.mark.parametrize(
    "ref10k, compile10k, per_k_1k, per_k_50k, startup, expected",
    [
        (0.20, 0.15, 0.020, 0.020, (0.050, 0.045), ["PASS", "PASS", "PASS", "PASS"]),
        (0.10, 0.15, 0.020, 0.020, (0.050, 0.045), ["FAIL", "PASS", "PASS", "PASS"]),
        (0.20, 0.15, 0.020, 0.030, (0.050, 0.045), ["PASS", "PASS", "FAIL", "PASS"]),
        (0.20, 0.15, 0.020, 0.020, (0.070, 0.045), ["PASS", "PASS", "PASS", "FAIL"]),
    ],
)
def test_target_verdicts_follow_the_figures(ref10k, compile10k, per_k_1k, per_k_50k, startup, expected):
    lines, ok = run.targets(_rows(ref10k, compile10k, per_k_1k, per_k_50k), startup)
    official = [line for line in lines if "(informative)" not in line]
    assert [line.split()[0] for line in official] == expected
    assert ok is (expected == ["PASS"] * 4)


def test_missing_compile_is_reported_not_passed():
    rows = _rows(0.2, 0.15, 0.02, 0.02)
    for r in rows:
        del r.times["compile"]
    lines, ok = run.targets(rows, None)
    assert not ok
    assert all(line.startswith("n/a") for line in lines if "compile" in line.split(":")[0])


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
    junk = _bench_module("junk")
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
