"""The benchmark: one run prints median wall times, ratios and verdicts on the targets of issue 4.

    python bench/run.py                      # 100, 1,000, 10,000 and 50,000 users
    python bench/run.py --sizes 1000 10000 --rounds 21
    python bench/run.py --sizes 10000 --instructions   # and instruction counts (valgrind)

For every size it generates the synthetic cluster (bench/generate.py: the same
data as .bkr and as YAML) and times these stages:

- parse:     read the bytes, decode and parse the main file to its AST
             (bkrdsl.syntax.read_module: the fast parser, with Lark as fallback;
             BKRDSL_PARSER=lark times Lark alone);
- check:     bkrdsl.pipeline.analyse (read, parse and build every module,
             resolve, run every check);
- compile:   what `bkrc compile FILE -o DIR` does, every file written to a fresh
             folder (see `_compiler()` for the code path used);
- reference: read the YAML, load it with PyYAML's C loader (yaml.CSafeLoader),
             then one Jinja2 render per group of a job-template-like text with the
             selection records of every user of the group.

Parse, check and compile run as a `bkrc` process runs them: the cyclic garbage
collector off, and what they made freed before it is back (`as_bkrc`); the
reference runs as a Python script does by default, the collector on.

They run in rounds: each round runs every stage of every size once, the sizes
and the stages within a size in an order rotated round by round, so that a
slow phase of the machine (load elsewhere, a slow disk) falls on the stages of
one round alike. Every target is a ratio, taken round by round (compile over
parse in the same round, say); the verdict is read from its spread over the
rounds: met when the middle half of the rounds (the quartiles) is at or under
the target, not met when it is over it, undecided when it straddles it.

Warm: two warm-up rounds first; Lark's parser comes from its on-disk cache and
is memoised in the process (as it is for every command after the first), and
the Jinja2 template is compiled once before timing. At least --rounds rounds
(more when each stage, all sizes together, would run for less than --min-time
seconds), measured with time.perf_counter, with a garbage collection before
each run. `bkrc --version` is timed in subprocesses against `python -c 'import
click'`, in --startup-runs rounds of each once, and with them, for
information, the whole commands a build or an editor runs on a small file:
`bkrc check`, `bkrc compile -o DIR` (into a new DIR, and into a DIR up to
date) and `bkrc fmt --check` of examples/prodssi.bkr (bytecode cached,
whatever PYTHONDONTWRITEBYTECODE says).
The exit status is 0 when every target is met, 1 otherwise.

With --instructions it also counts each stage's instructions at 10,000 users
with `valgrind --tool=cachegrind` (user space only: no disk, no waiting for a
core), a second view that the machine's load does not move (`perf stat` would
be cheaper, but this VM exposes no hardware counters).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_sibling(name: str):
    """A module of bench/ by file (bench/ is not a package, and sys.path stays as it is)."""
    import importlib.util

    qualified = f"bkrdsl_bench_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    return module


generate = load_sibling("generate")

#: Targets from issue 4, "Benchmark".
COMPILE_VS_REFERENCE = 1.0  # compile(10,000) <= 1.0x YAML + Jinja2
COMPILE_VS_PARSE = 1.6  # compile(10,000) <= 1.6x our own parse
SCALING = 1.2  # per-1,000-user cost at 50,000 <= 1.2x that at 1,000
STARTUP = 1.3  # bkrc --version <= 1.3x python -c 'import click'
MAX_RUNS = 50
#: The first runs in a fresh process are slower (the allocator grows its arenas,
#: caches fill): two untimed runs of each stage come first.
WARM_UPS = 2


# ------------------------------------------------------------------ the stages
def parse_only(path: Path) -> object:
    """Read, decode and parse the main file to its AST, as `bkrc` does (the fast
    parser, or Lark when BKRDSL_PARSER=lark)."""
    from bkrdsl.syntax import read_module
    from bkrdsl.syntax.reader import decode

    source, problems = decode(str(path), path.read_bytes())
    assert not problems, problems
    module, diagnostics = read_module(source)
    assert module is not None and not diagnostics, diagnostics[:3]
    return module


def check(path: Path) -> object:
    from bkrdsl.pipeline import analyse

    analysis = analyse(str(path), path.read_bytes(), path=path)
    assert analysis.ok, [d.message for d in analysis.diagnostics if d.is_error][:3]
    return analysis


@dataclass
class Compiler:
    """How `compile` is timed: `run(path, out_dir)` and a line saying which code path it is."""

    run: Callable[[Path, Path], None] | None
    how: str


def _compiler() -> Compiler:
    """The compile code path: bkrc's own CLI command, run in-process through click's CliRunner.

    The command is what a user runs (read, analyse, emit, plan, atomic write and
    manifest), so the figure includes everything `bkrc compile` does apart from
    interpreter start-up. Until the command is registered, compile is not timed.
    """
    import click
    from click.testing import CliRunner

    from bkrdsl.cli import cli

    # get_command, not cli.commands: a group may import its commands lazily.
    if cli.get_command(click.Context(cli), "compile") is None:
        return Compiler(None, "not available: `bkrc compile` is not registered yet (bkrdsl/cli/compile.py)")
    runner = CliRunner()

    def run(path: Path, out_dir: Path) -> None:
        result = runner.invoke(cli, ["compile", str(path), "-o", str(out_dir)], catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        if result.exit_code != 0:
            raise RuntimeError(f"bkrc compile exited {result.exit_code}: {result.output[-2000:]}")

    how = "`bkrc compile FILE -o DIR` in-process via click.testing.CliRunner, fresh DIR each run"
    return Compiler(run, how)


# ------------------------------------------------------------------ the reference
#: One render per group: for every job that backs the group up, a job-template
#: header, an INCLUDE record per address range for each of the group's users
#: and patterns, then the job's EXCLUDE records: the layout bkrc writes
#: (bkrdsl/emit/template.py, bkrdsl/dialect/backup-manager-1.3.toml).
REFERENCE_TEMPLATE = """\
* Generated from {{ source }}: do not edit.
{% for job in jobs -%}
* Job {{ job.name }}: {{ job.description }}
* Group {{ group.name }}, {{ group.kind }}-configuration users.
*
CONFIG BKR_Job_Name = {{ job.name }}
CONFIG BKR_Job_Type = {{ job.level | upper }}
CONFIG BKR_Output_Spec = {{ job.target.medium | upper -}}
{% if job.target.pool %} POOL {{ job.target.pool }}{% endif %}
*
{% for owner in group.users + group.patterns -%}
{% for sel in job.include %}{% for value in sel["values"] -%}
INCLUDE MINIDISK {{ owner }} = {{ value | first_address }} - {{ value | last_address }}
{% endfor %}{% endfor -%}
{% endfor -%}
{% for sel in job.exclude %}{% for value in sel["values"] -%}
EXCLUDE MINIDISK {{ sel.owner }} = {{ value | first_address }} - {{ value | last_address }}
{% endfor %}{% endfor -%}
{% endfor -%}
"""


def _first(value: str) -> str:
    return value.partition("-")[0].zfill(4)


def _last(value: str) -> str:
    first, _, last = value.partition("-")
    return (last or first).zfill(4)


def reference_template():
    import jinja2

    env = jinja2.Environment(autoescape=False, keep_trailing_newline=True)
    env.filters["first_address"] = _first
    env.filters["last_address"] = _last
    return env.from_string(REFERENCE_TEMPLATE)


def reference(path: Path, template) -> list[str]:
    import yaml

    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    jobs_of: dict[str, list[dict]] = {}
    for job in data["jobs"]:
        for name in job["backup"]:
            jobs_of.setdefault(name, []).append(job)
    return [
        template.render(group=g, jobs=jobs_of.get(g["name"], []), source=path.name) for g in data["groups"]
    ]


# ------------------------------------------------------------------ timing
@dataclass
class Row:
    """One size's samples: for every stage, the seconds of each round, in round order
    (so the i-th samples of two stages, or of two sizes, were taken in the same round)."""

    users: int
    wall: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)  # process_time of the same runs

    @property
    def runs(self) -> int:
        return min((len(s) for s in self.wall.values()), default=0)

    @property
    def times(self) -> dict[str, float]:
        """stage -> median wall seconds over the rounds."""
        return {name: statistics.median(s) for name, s in self.wall.items()}

    @property
    def cpu_times(self) -> dict[str, float]:
        return {name: statistics.median(s) for name, s in self.cpu.items()}


def _timed(fn: Callable[[], object]) -> float:
    return _timed_both(fn)[0]


def _timed_both(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of one run. The CPU time leaves out the time this process
    waited for a core, which on a shared machine tells load elsewhere from our own cost."""
    gc.collect()
    cpu = time.process_time()
    start = time.perf_counter()
    fn()
    wall = time.perf_counter() - start
    return wall, time.process_time() - cpu


def rotated(items: list, turn: int) -> list:
    """items starting at position `turn` (modulo its length): round after round each item
    takes every place in the order, so no stage always follows the same one (compile's
    flushes still running, the heap another stage left)."""
    if not items:
        return []
    k = turn % len(items)
    return items[k:] + items[:k]


def round_order(stages: dict[int, dict[str, Callable[[], object]]], turn: int) -> list[tuple[int, str]]:
    """(users, stage) in the order round `turn` runs them: the sizes rotated, and within each
    size its stages rotated, so the stages that one ratio compares run close together."""
    return [
        (users, name)
        for users in rotated(list(stages), turn)
        for name in rotated(list(stages[users]), turn)
    ]


def rounds_needed(first: dict[tuple[int, str], float], repeat: int, min_time: float) -> int:
    """At least `repeat` rounds, and enough that each stage, all sizes together, runs for
    `min_time` seconds (at most MAX_RUNS rounds); `first` is one round's seconds."""
    per_stage: dict[str, float] = {}
    for (_, name), seconds in first.items():
        per_stage[name] = per_stage.get(name, 0.0) + seconds
    slowest = max(per_stage.values(), default=0.0)
    return max(repeat, min(MAX_RUNS, int(min_time / max(slowest, 1e-6)) + 1))


def as_bkrc(stage: Callable[[], object]) -> Callable[[], None]:
    """The stage as a `bkrc` process runs it: Python's cyclic garbage collector off
    (bkrdsl/__main__.py turns it off for the whole process, and `analyse` and
    `bkrc compile` for their own run), and what the stage made let go before the
    collector comes back, so that no pass of it over the results is timed either.
    Parse, check and compile all run so, and so measure like for like: until stop
    37 the parse alone ran with the collector on, which no `bkrc` command does, and
    at 50,000 users its passes over the growing AST made the parse alone slower
    than the whole compile (docs/performance.md, "The parse at 50,000 users")."""
    from bkrdsl.pipeline import no_cycle_collection

    def run_it() -> None:
        with no_cycle_collection():
            stage()

    return run_it


def stages_of(bkr: Path, yml: Path, compiler: Compiler, out_root: Path, template) -> dict[str, Callable[[], object]]:
    """The timed stages of one size, each a call without arguments: bkrc's own
    (parse, check, compile) as a `bkrc` process runs them (`as_bkrc`), the reference
    as a Python script runs by default (the collector on)."""
    stages: dict[str, Callable[[], object]] = {
        "parse": as_bkrc(lambda: parse_only(bkr)),
        "check": as_bkrc(lambda: check(bkr)),
    }
    if compiler.run is not None:
        counter = itertools.count()
        out_root.mkdir(parents=True, exist_ok=True)
        stages["compile"] = as_bkrc(lambda: compiler.run(bkr, out_root / f"run{next(counter)}"))
        probes = itertools.count()
        stages["files"] = lambda: create_files(out_root / f"files{next(probes)}", FILES_PROBED)
    stages["reference"] = lambda: reference(yml, template)
    return stages


#: About as many files as compile writes for the benchmark's four members (58 to 64).
FILES_PROBED = 60


def create_files(folder: Path, count: int) -> None:
    """The `files` stage: a fresh folder and `count` empty files in it, no flush:
    what the file system alone charges for the files compile creates. On this VM
    it moves with the file system's state (60 files: 3 ms one hour, 45 the next,
    docs/performance.md), and so does compile's fixed cost."""
    folder.mkdir()
    for i in range(count):
        os.close(os.open(folder / f"F{i}.T", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))


def measure(
    sizes: list[int], folder: Path, compiler: Compiler, repeat: int, min_time: float, template,
    progress: Callable[[str], None] = lambda _: None,
) -> list[Row]:
    """Every stage of every size, in rounds: each round runs each once (round_order), so a
    slow phase of the machine falls on the stages of one round alike and a ratio taken
    within a round cancels it. WARM_UPS untimed rounds first; the last also sizes the
    number of rounds."""
    stages: dict[int, dict[str, Callable[[], object]]] = {}
    for users in sizes:
        bkr, yml = generate.write(users, folder)
        stages[users] = stages_of(bkr, yml, compiler, folder / f"out-{users}", template)
    try:
        for turn in range(WARM_UPS - 1):
            for users, name in round_order(stages, turn):
                stages[users][name]()
        first = {(users, name): _timed(stages[users][name]) for users, name in round_order(stages, 0)}
        rounds = rounds_needed(first, repeat, min_time)
        progress(f"  warmed up; {rounds} rounds of {len(first)} stages")
        rows = {users: Row(users, {n: [] for n in s}, {n: [] for n in s}) for users, s in stages.items()}
        for turn in range(rounds):
            for users, name in round_order(stages, turn):
                wall, used = _timed_both(stages[users][name])
                rows[users].wall[name].append(wall)
                rows[users].cpu[name].append(used)
        return [rows[users] for users in sizes]
    finally:
        for users in sizes:
            shutil.rmtree(folder / f"out-{users}", ignore_errors=True)


#: The whole commands timed beside `bkrc --version`, on examples/prodssi.bkr: compile
#: into a new DIR each run, and again into one DIR it has written (up to date: what
#: a build pays for a file that has not changed).
WHOLE = ("check", "compile", "compile (up to date)", "fmt --check")


@dataclass
class Startup:
    """Seconds of each run of each start-up command, in round order (`version`, `click`
    and the names of WHOLE), and the bkrc that ran."""

    samples: dict[str, list[float]]
    bkrc: str


def startup(runs: int) -> Startup:
    """`bkrc --version`, `python -c 'import click'` and each whole command of WHOLE on
    examples/prodssi.bkr (compile into a fresh DIR each run, and into one DIR the
    warm-up wrote, up to date), `runs` rounds of each in turn, the order rotated
    from round to round."""
    bkrc = shutil.which("bkrc", path=str(Path(sys.executable).parent)) or shutil.which("bkrc")
    if bkrc is None:
        raise SystemExit("bkrc is not installed beside this Python (pip install -e .)")
    # Bytecode cached, as on a user's machine (pip writes it, or the first run
    # does), even where the environment says not to write it.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    example = str(HERE.parent / "examples" / "prodssi.bkr")
    counter = itertools.count()
    ours, theirs = [bkrc, "--version"], [sys.executable, "-c", "import click"]
    with tempfile.TemporaryDirectory(prefix="bkrdsl-startup-") as tmp:
        folder = Path(tmp)
        makers = {
            "version": lambda: ours,
            "click": lambda: theirs,
            "check": lambda: [bkrc, "check", example],
            "compile": lambda: [bkrc, "compile", example, "-o", str(folder / f"startup-{next(counter)}")],
            "compile (up to date)": lambda: [bkrc, "compile", example, "-o", str(folder / "up-to-date")],
            "fmt --check": lambda: [bkrc, "fmt", "--check", example],
        }
        samples: dict[str, list[float]] = {name: [] for name in makers}
        for make in makers.values():  # warm the OS file cache and the .pyc files
            subprocess.run(make(), check=True, capture_output=True, env=env)
        for turn in range(runs):
            for name in rotated(list(makers), turn):
                cmd = makers[name]()
                start = time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True, env=env)
                samples[name].append(time.perf_counter() - start)
    return Startup(samples, bkrc)


# ------------------------------------------------------------------ spread and verdicts
@dataclass(frozen=True)
class Spread:
    """A ratio's values over the rounds: median, quartiles (the middle half) and extremes."""

    median: float
    q1: float
    q3: float
    low: float
    high: float
    rounds: int

    def describe(self, note: str = "") -> str:
        """`2.31x (middle half 2.20-2.45x, all 2.05-3.10x, 15 rounds; note)`."""
        extra = f"; {note}" if note else ""
        return (
            f"{self.median:.2f}x (middle half {self.q1:.2f}-{self.q3:.2f}x,"
            f" all {self.low:.2f}-{self.high:.2f}x, {self.rounds} rounds{extra})"
        )


def spread(values: list[float]) -> Spread:
    """The Spread of one ratio's per-round values (at least one)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        q1 = q3 = ordered[0]
    else:
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    return Spread(statistics.median(ordered), q1, q3, ordered[0], ordered[-1], len(ordered))


def per_round(numerators: list[float], denominators: list[float], scale: float = 1.0) -> list[float]:
    """numerator / denominator * scale for each round (the i-th of each list)."""
    return [a / b * scale for a, b in zip(numerators, denominators, strict=True) if b]


MET, NOT_MET, UNDECIDED, NOT_MEASURED = "met", "not met", "undecided", "n/a"


def decide(ratio: Spread, target: float) -> str:
    """met when the middle half of the rounds is at or under the target, not met when it is
    over it, undecided when it straddles it: one slow phase then decides nothing."""
    if ratio.q3 <= target:
        return MET
    if ratio.q1 > target:
        return NOT_MET
    return UNDECIDED


# ------------------------------------------------------------------ report
def _ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:,.1f}"


def _median_ratio(samples: dict[str, list[float]], numerator: str, denominator: str) -> str:
    """The median over the rounds of numerator/denominator, taken round by round."""
    if numerator not in samples or denominator not in samples:
        return "-"
    ratios = per_round(samples[numerator], samples[denominator])
    return f"{statistics.median(ratios):.2f}x" if ratios else "-"


def table(rows: list[Row]) -> list[str]:
    lines = ["median wall time (ratios: median of the ratios taken round by round):"]
    lines += _times_table(rows, lambda r: r.wall)
    lines.append("")
    lines.append("median CPU time (process_time; the same runs, less sensitive to load elsewhere):")
    lines += _times_table(rows, lambda r: r.cpu)
    lines.append("")
    probes = [t for r in rows for t in r.wall.get("files", [])]
    if probes:
        files = spread(probes)
        lines.append(
            f"creating {FILES_PROBED} empty files in a fresh folder beside the compiles' DIRs (informative:"
            f" the file system's part of compile's fixed cost), every round of every size: median"
            f" {files.median * 1000:.1f} ms, middle half {files.q1 * 1000:.1f}-{files.q3 * 1000:.1f} ms,"
            f" all {files.low * 1000:.1f}-{files.high * 1000:.1f} ms"
        )
        lines.append("")
    lines.append("cost per 1,000 users (wall ms):")
    head2 = f"{'users':>7} {'parse':>9} {'check':>9} {'compile':>9} {'ref':>9}"
    lines += [head2, "-" * len(head2)]
    for r in rows:
        k = r.users / 1000
        t = r.times
        per = {s: (t[s] / k if s in t else None) for s in ("parse", "check", "compile", "reference")}
        lines.append(
            f"{r.users:>7,} {_ms(per['parse']):>9} {_ms(per['check']):>9} {_ms(per['compile']):>9}"
            f" {_ms(per['reference']):>9}"
        )
    return lines


def _times_table(rows: list[Row], pick: Callable[[Row], dict[str, list[float]]]) -> list[str]:
    head = (
        f"{'users':>7} {'runs':>4} {'parse ms':>10} {'check ms':>10} {'compile ms':>11} {'ref ms':>9}"
        f" {'check/parse':>11} {'comp/parse':>10} {'comp/ref':>9}"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        samples = pick(r)
        if not samples:
            continue
        t = {name: statistics.median(s) for name, s in samples.items()}
        lines.append(
            f"{r.users:>7,} {r.runs:>4} {_ms(t['parse']):>10} {_ms(t['check']):>10}"
            f" {_ms(t.get('compile')):>11} {_ms(t['reference']):>9}"
            f" {_median_ratio(samples, 'check', 'parse'):>11}"
            f" {_median_ratio(samples, 'compile', 'parse'):>10}"
            f" {_median_ratio(samples, 'compile', 'reference'):>9}"
        )
    return lines


def targets(rows: list[Row], start: tuple[list[float], list[float]] | None) -> tuple[list[str], bool]:
    """One line per target: its verdict (decide) from the wall-time ratios taken round by
    round, as issue 4 asks, their median and spread; the CPU-time ratios' median follows.
    `start` is the seconds of `bkrc --version` and of `import click`, round by round.
    Returns the lines and whether every target that is not informative is met."""
    wall = {r.users: r.wall for r in rows}
    cpu = {r.users: r.cpu for r in rows}
    lines: list[str] = []
    verdicts: list[str] = []

    def line(verdict: str, text: str) -> None:
        verdicts.append(verdict)
        lines.append(f"{verdict:<10} {text}")

    def judged(what: str, target: float, ratio: Callable[[dict[int, dict[str, list[float]]]], list[float]],
               label: str = "") -> None:
        measured = spread(ratio(wall))
        cpu_median = statistics.median(ratio(cpu))
        line(decide(measured, target), f"{what}: {measured.describe(f'CPU {cpu_median:.2f}x')}{label}")

    t10 = wall.get(10_000)
    if t10 is None:
        line(NOT_MEASURED, "compile(10,000) vs reference and parse: 10,000 not in --sizes")
    elif "compile" not in t10:
        line(NOT_MEASURED, f"compile(10,000) <= {COMPILE_VS_REFERENCE}x YAML+Jinja2 reference: compile not available")
        line(NOT_MEASURED, f"compile(10,000) <= {COMPILE_VS_PARSE}x parse: compile not available")
    else:
        judged(f"compile(10,000) <= {COMPILE_VS_REFERENCE}x YAML+Jinja2 reference", COMPILE_VS_REFERENCE,
               lambda t: per_round(t[10_000]["compile"], t[10_000]["reference"]))
        judged(f"compile(10,000) <= {COMPILE_VS_PARSE}x parse", COMPILE_VS_PARSE,
               lambda t: per_round(t[10_000]["compile"], t[10_000]["parse"]))

    # The target compares 50,000 with 1,000 users; the informative lines also
    # compare 50,000 with 10,000, where fixed costs (imports of the stdlib,
    # EXECs, directory entries, fsync) no longer hide a growing cost per user.
    for base in (1_000, 10_000):
        t_base, t50 = wall.get(base), wall.get(50_000)
        for stage in ("compile", "check", "parse"):
            official = base == 1_000 and stage == "compile"
            label = "" if official else " (informative)"
            what = f"{stage}: per-1,000-user cost at 50,000 <= {SCALING}x that at {base:,}"
            if t_base is None or t50 is None:
                if official:
                    line(NOT_MEASURED, f"{what}: 1,000 and 50,000 must both be in --sizes")
                break
            if stage not in t_base:
                line(NOT_MEASURED, f"{what}: not available{label}")
                continue
            # (t50 / 50) / (t_base / (base / 1000)), round by round
            judged(what, SCALING, lambda t, b=base, s=stage: per_round(t[50_000][s], t[b][s], b / 50_000), label)

    if start is None:
        line(NOT_MEASURED, "bkrc --version vs python -c 'import click': skipped (--startup-runs 0)")
    else:
        ours, click_only = start
        measured = spread(per_round(ours, click_only))
        times = f"{statistics.median(ours) * 1000:.1f} ms vs {statistics.median(click_only) * 1000:.1f} ms"
        line(
            decide(measured, STARTUP),
            f"bkrc --version <= {STARTUP}x python -c 'import click': {measured.describe(times)}",
        )
    required = [v for v, text in zip(verdicts, lines) if "(informative)" not in text]
    return lines, all(v == MET for v in required)


# ------------------------------------------------------------------ instructions
#: A child process that warms every stage of one size, then runs one stage `times`
#: times: run under cachegrind with times 0 and 1, the difference is one warm run.
INSTRUCTIONS_CHILD = r"""
import gc, importlib.util, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("bkrdsl_bench_run", sys.argv[1])
run = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = run
spec.loader.exec_module(run)
bkr, yml, out, stage, times = Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5], int(sys.argv[6])
stages = run.stages_of(bkr, yml, run._compiler(), out, run.reference_template())
for fn in stages.values():  # the same warm-up in every child, whatever it then runs
    fn()
gc.collect()
for _ in range(times):
    stages[stage]()
"""


def cachegrind_instructions(report: str) -> int:
    """The instruction count (`I refs`) in the summary cachegrind writes to stderr."""
    import re

    found = re.search(r"I\s+refs:\s+([\d,]+)", report)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output: {report[-500:]}")
    return int(found.group(1).replace(",", ""))


def instructions(users: int, folder: Path, names: tuple[str, ...] = ("parse", "check", "compile", "reference")) -> dict[str, int]:
    """Instructions of one warm run of each stage of `names` at `users` users, user space
    only, counted by `valgrind --tool=cachegrind` (so neither the load nor the disk moves
    them): a child that runs the stage once less a child that does not run it.
    PYTHONHASHSEED=0 makes the children alike, and each compiles the modules it
    imports (no .pyc read or written); two counts of the same child differ by about
    0.01%."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit("--instructions needs valgrind (apt-get install valgrind)")
    bkr, yml = generate.write(users, folder)
    # Every child compiles the modules from their source, none loads a .pyc: where a
    # first child compiled and a second loaded what another process wrote meanwhile
    # (a test run beside it, a file just changed), the difference of the two counts
    # was the compiling, hundreds of millions below zero (seen once under load).
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1",
               PYTHONPYCACHEPREFIX=str(folder / "no-pycache"))

    def count(stage: str, times: int) -> int:
        out = folder / f"instructions-{stage}-{times}"
        child = subprocess.run(
            [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
             sys.executable, "-c", INSTRUCTIONS_CHILD, str(HERE / "run.py"), str(bkr), str(yml), str(out),
             stage, str(times)],
            env=env, capture_output=True, text=True, check=False,
        )
        shutil.rmtree(out, ignore_errors=True)
        if child.returncode != 0:
            raise RuntimeError(f"valgrind child for {stage} exited {child.returncode}: {child.stderr[-2000:]}")
        return cachegrind_instructions(child.stderr)

    base = count("parse", 0)
    return {name: count(name, 1) - base for name in names}


def instruction_lines(users: int, counts: dict[str, int]) -> list[str]:
    """The report of `instructions`: each stage in millions, and the two ratios of the
    10,000-user targets."""
    figures = ", ".join(f"{name} {n / 1e6:,.1f} M" for name, n in counts.items())
    lines = [f"instructions at {users:,} users (valgrind --tool=cachegrind, user space, one warm run): {figures}"]
    ratios = [
        f"compile/{other} {counts['compile'] / counts[other]:.2f}x"
        for other in ("parse", "reference")
        if "compile" in counts and counts.get(other)
    ]
    if ratios:
        lines.append(f"  {', '.join(ratios)} (informative: no disk and no wait in them; not the targets' wall time)")
    return lines


def _parser_note() -> str:
    """Which parser the stages use: bkrc's fast parser unless BKRDSL_PARSER=lark."""
    from bkrdsl.syntax import PARSER_VARIABLE

    if os.environ.get(PARSER_VARIABLE, "").strip().lower() == "lark":
        return f"Lark only ({PARSER_VARIABLE}=lark)"
    return "the fast parser (bkrdsl/syntax/fast.py); Lark only for files it does not read"


def _cache_note() -> str:
    """Where Lark's parser cache is and whether it existed before this run."""
    from bkrdsl.resources import grammar_path

    try:
        from bkrdsl.syntax.parser import _cache_path  # private: the note is only informative

        cache = Path(_cache_path(grammar_path().read_text(encoding="utf-8")))
    except (ImportError, OSError, TypeError) as err:
        return f"unknown ({err})"
    state = "warm (found on disk)" if cache.exists() else "cold (built now, then warm)"
    return f"{cache} {state}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=list(generate.SIZES), help="numbers of users")
    ap.add_argument(
        "--rounds", "--repeat", dest="rounds", type=int, default=15,
        help="rounds, each running every stage of every size once (at least; ratios per round)",
    )
    ap.add_argument(
        "--min-time", type=float, default=1.0,
        help="run more rounds until each stage, all sizes together, took this long (s)",
    )
    ap.add_argument(
        "--startup-runs", type=int, default=20, help="rounds of the start-up commands, each once a round (0: skip)"
    )
    ap.add_argument(
        "--instructions", action="store_true",
        help="also count each stage's instructions at 10,000 users with valgrind (about a minute more)",
    )
    ap.add_argument("--keep", type=Path, help="write the generated files here instead of a temporary folder")
    args = ap.parse_args(argv)

    began = time.perf_counter()
    cache = _cache_note()
    from bkrdsl.syntax.parser import parser

    parser()  # builds (or loads) the memoised Lark parser before any timing
    compiler = _compiler()
    template = reference_template()
    import bkrdsl

    print(f"bkrdsl {bkrdsl.__version__} benchmark, {date.today().isoformat()}")
    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores,"
        f" load average {os.getloadavg()[0]:.2f}"
    )
    print(f"front end: {_parser_note()}")
    print(f"lark parser cache (the fallback for files the fast parser does not read): {cache}")
    print(f"compile: {compiler.how}")
    print(
        f"runs: {WARM_UPS} warm-up rounds, then rounds of every stage of every size once each, the order"
        " rotated round by round; gc.collect() before each run"
    )
    print(
        "verdicts: each ratio taken round by round; met when the middle half of the rounds is at or under"
        " the target, not met when it is over, undecided when it straddles it"
    )
    print()

    with tempfile.TemporaryDirectory(prefix="bkrdsl-bench-") as tmp:
        folder = args.keep or Path(tmp)
        sys.stdout.flush()
        rows = measure(
            args.sizes, folder, compiler, args.rounds, args.min_time, template,
            progress=lambda text: print(text, file=sys.stderr, flush=True),
        )
        counted = instructions(10_000, folder) if args.instructions else None
    for line in table(rows):
        print(line)
    print()
    if counted is not None:
        for line in instruction_lines(10_000, counted):
            print(line)
        print()

    start = None
    if args.startup_runs > 0:
        timed = startup(args.startup_runs)
        ours, click_only = timed.samples["version"], timed.samples["click"]
        start = (ours, click_only)
        print(
            f"start-up ({args.startup_runs} rounds, median): `{timed.bkrc} --version`"
            f" {statistics.median(ours) * 1000:.1f} ms, `python -c 'import click'`"
            f" {statistics.median(click_only) * 1000:.1f} ms"
        )
        figures = ", ".join(
            f"`bkrc {name}` {statistics.median(timed.samples[name]) * 1000:.1f} ms" for name in WHOLE
        )
        print(f"whole commands on examples/prodssi.bkr (informative, compile with -o DIR): {figures}")
        print()
    lines, ok = targets(rows, start)
    print("targets:")
    for line in lines:
        print(f"  {line}")
    print()
    took = time.perf_counter() - began
    print(f"total benchmark time {took:.0f} s; load average now {os.getloadavg()[0]:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
