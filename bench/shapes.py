"""Check time along the other axes of a cluster: jobs, patterns, includes, excludes, members, overlaps.

    python bench/shapes.py                          # every axis at its default sizes
    python bench/shapes.py --axes jobs overlaps --rounds 9
    python bench/shapes.py --axes excludes --sizes 1 16 64
    python bench/shapes.py --keep /tmp/shapes       # also keep the generated files
    python bench/shapes.py --users 200 --rounds 1   # a smaller base cluster

bench/run.py grows the number of users on a cluster of a fixed shape; real
clusters also differ in how many jobs they have (tens to a few hundred), how
many `match` patterns their groups hold, how many include and exclude lines
each job has, and how many members (an SSI cluster has 2 to 8). Here each axis
grows one of those from a base cluster and keeps the rest:

- jobs:      single-configuration jobs (10, 100, 1,000);
- patterns:  `match` patterns per group (1, 8, 64);
- includes:  `include minidisk` lines per single job (1, 8, 64);
- excludes:  `exclude minidisk USER ADDRESS` lines per single job (1, 8, 64);
- members:   members of the cluster (2, 4, 8);
- overlaps:  jobs, each backing up a group of the next job's too at the same
             level (10, 100, 1,000), in runs of 10 on one member: BKR405
             warnings for jobs that share users from one member, BKR411
             errors from two (more of those once there are more jobs than
             groups: jobs of one group then run on other members too;
             `bkrc check` lists the first 100 errors), the exclude-aware
             overlap checks at work.

The base: 2,000 users in groups of 25 (70% single, 30% identity), 4 members,
20 single jobs of 1 include and 1 exclude each, 1 pattern per group, and an
identity full and incremental `on each member`, with generate.py's catalog,
expiry, Tape Manager and disks. Every shape but the overlaps checks clean.
Jobs of one group read different address ranges (so they do not overlap),
start at different minutes on their member, on weekdays, away from the
Sunday purge. Everything is drawn from a seed: a shape always gives the same
bytes.

It times `bkrc check FILE`, each run in a process of its own as a user runs
it (start-up included: the same at every size, it drops out of the added
cost per unit below), in rounds: each round checks every shape once, in an
order rotated round by round, after an untimed run of each. It prints, per
axis and size, the median CPU time (the child's user and system time, which
load elsewhere moves less) and wall time, the cost per unit of the axis (ms
per job, per pattern, ...), and between two sizes in a row the added cost
per added unit and its ratio to the step before (about 1 when the cost
grows linearly; about as many times as the sizes grew when it grows with
the square). No target is asserted: the figures are read, see docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(name: str):
    import importlib.util

    qualified = f"bkrdsl_bench_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    return module


generate = _load("generate")

GROUP_SIZE = 25
#: The first address of the block of addresses the jobs of one group in one slot read.
FIRST_ADDRESS = 0x1000
BLOCK = 0x100
PATTERN_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Shape:
    """One cluster: what each axis is at."""

    users: int = 2_000
    jobs: int = 20
    patterns: int = 1
    includes: int = 1
    excludes: int = 1
    members: int = 4
    overlapping: bool = False


BASE = Shape()
#: Axis -> (the Shape field it grows, its default sizes, the unit of its cost).
AXES: dict[str, tuple[str, tuple[int, ...], str]] = {
    "jobs": ("jobs", (10, 100, 1_000), "job"),
    "patterns": ("patterns", (1, 8, 64), "pattern per group"),
    "includes": ("includes", (1, 8, 64), "include per job"),
    "excludes": ("excludes", (1, 8, 64), "exclude per job"),
    "members": ("members", (2, 4, 8), "member"),
    "overlaps": ("jobs", (10, 100, 1_000), "job"),
}


def shape_of(axis: str, size: int, base: Shape = BASE) -> Shape:
    """`base` with `axis` at `size`."""
    field = AXES[axis][0]
    return replace(base, **{field: size}, overlapping=axis == "overlaps")


def _pattern(prefix: str, number: int) -> str:
    """`LNXZ0A1*`: the prefix, `Z` (never in a listed ID, so the pattern matches no
    listed user of any group), then `number` in 3 base-36 digits: 8 characters."""
    digits = "".join(PATTERN_DIGITS[number // 36**k % 36] for k in (2, 1, 0))
    return f"{prefix}Z{digits}*"


def _groups(kind: str, total: int, prefixes: tuple[str, ...], tag: str, patterns: int, rng) -> list[dict]:
    counters = dict.fromkeys(prefixes, 0)
    pattern_counters = dict.fromkeys(prefixes, 0)
    groups = []
    for index in range(1, -(-total // GROUP_SIZE) + 1):
        size = min(GROUP_SIZE, total - (index - 1) * GROUP_SIZE)
        prefix = prefixes[rng.randrange(len(prefixes))]
        first = counters[prefix]
        counters[prefix] += size
        users = [f"{prefix}{n:05d}" for n in range(first + 1, first + size + 1)]
        p0 = pattern_counters[prefix]
        pattern_counters[prefix] += patterns
        groups.append(
            {
                "name": f"{tag}{index:04d}",
                "kind": kind,
                "users": users,
                "patterns": [_pattern(prefix, p0 + k) for k in range(patterns)],
            }
        )
    return groups


def _selection(owner: str, values: list[str]) -> dict:
    return {"medium": "minidisk", "owner": owner, "values": values}


def _time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _single_jobs(shape: Shape, groups: list[dict], members: list[str]) -> list[dict]:
    """`shape.jobs` jobs of the single groups. With fewer jobs than groups, job j
    backs up every group g with g % jobs == j; with more, group j % groups, in
    slot j // groups: a block of addresses of its own for each full slot, so full
    jobs of one group read different minidisks (no BKR405), and an incremental
    slot the block of the full slot before it (no BKR417). A job of the overlaps reads the same block
    as every other and also backs up the next job's first group, at the same
    level: it shares users with that job, from its member or another one."""
    count = len(groups)
    per_member = dict.fromkeys(members, 0)
    jobs = []
    for j in range(shape.jobs):
        owned = groups[j::shape.jobs] if shape.jobs < count else [groups[j % count]]
        slot = 0 if shape.overlapping or shape.jobs < count else j // count
        if shape.overlapping:
            nxt = groups[(j + 1) % min(shape.jobs, count)]
            owned = owned + ([nxt] if nxt not in owned else [])
            # Runs of 10 jobs on one member: most share users with the next job
            # from the same member (BKR405, a warning), some from another (BKR411).
            member = members[j // 10 % len(members)]
        else:
            member = members[groups.index(owned[0]) % len(members)]
        full = shape.overlapping or slot % 2 == 0
        # Odd minutes, 2 apart: no two jobs of a member start together, none with
        # the identity jobs (03:30, 04:00), the 720 of a member within a day.
        start = per_member[member] * 2 + 1
        per_member[member] += 1
        # An incremental (odd slot) reads the block of the full job of the slot
        # before it: its minidisks are taken in full somewhere (no BKR417).
        low = FIRST_ADDRESS + (slot - slot % 2) * BLOCK
        step = BLOCK // shape.includes
        includes = [f"{low + k * step:04X}-{low + (k + 1) * step - 1:04X}" for k in range(shape.includes)]
        users = [u for g in owned for u in g["users"]]
        # One address of one user each, round r of the users at the r-th include's
        # (then one further on): each (user, address) once (no BKR312), never all
        # of what a user's includes select (BKR407).
        rounds = [k // len(users) for k in range(shape.excludes)]
        excludes = [
            _selection(users[k % len(users)], [f"{low + (r % shape.includes) * step + r // shape.includes:04X}"])
            for k, r in enumerate(rounds)
        ]
        jobs.append(
            {
                "name": f"S{j:06d}",
                "description": f"Single guests, slot {slot}, on {member}",
                "backup": [g["name"] for g in owned],
                "include": [_selection("*", [r]) for r in includes],
                "exclude": excludes,
                "run": {"each_member": False, "member": member},
                "level": "full" if full else "incremental",
                "target": {"medium": "tape", "pool": None} if full else {"medium": "disk", "pool": "BKUPPOOL"},
                "schedule": {
                    "kind": "weekly",
                    "days": ["mon", "wed"] if full else ["tue", "thu", "fri"],
                    "time": _time(start % (24 * 60)),
                },
            }
        )
    return jobs


def cluster(shape: Shape, seed: int = 1) -> dict:
    """The cluster of `shape` as generate.py's plain data (generate.to_bkr writes it)."""
    # Drawn from the users and the seed only: every axis's shapes have the same groups.
    rng = random.Random(f"bkrdsl-shapes-{seed}-{shape.users}")
    base = generate.generate(100, seed)  # catalog, expiry, tape, disks, identity jobs: as there
    single_total = round(shape.users * generate.SINGLE_SHARE)
    single = _groups("single", single_total, generate.SINGLE_PREFIXES, "SGL", shape.patterns, rng)
    identity = _groups(
        "identity", shape.users - single_total, generate.IDENTITY_PREFIXES, "IDG", shape.patterns, rng
    )
    members = [f"VMSYS{m}" for m in range(1, shape.members + 1)]
    identity_jobs = [job for job in base["jobs"] if job["run"]["each_member"]]
    for job in identity_jobs:
        job["backup"] = [g["name"] for g in identity]
    return base | {
        "description": f"Synthetic cluster of bench/shapes.py: {shape}, seed {seed}",
        "users": shape.users,
        "members": [
            {
                "name": name,
                "workers": 2,
                "private_volumes": [f"M{m}PRV1"],
                "excludes": [_selection("LNX*", ["0192"])] if m == 3 else [],
            }
            for m, name in enumerate(members, start=1)
        ],
        "groups": single + identity,
        "jobs": _single_jobs(shape, single, members) + identity_jobs,
    }


def write(axis: str, size: int, folder: Path, seed: int = 1, base: Shape = BASE) -> Path:
    """Write the cluster of `axis` at `size` as `shape-AXIS-SIZE.bkr` into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"shape-{axis}-{size}.bkr"
    shape = shape_of(axis, size, base)
    text = generate.to_bkr(cluster(shape, seed))
    if shape.members > 4:
        # More than 4 members needs z/VM 7.3 on every member (BKR248): say so.
        text = text.replace("import std/backup-manager\n", "import std/backup-manager\nimport std/zvm73\n", 1)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ timing
@dataclass(frozen=True)
class Checked:
    """One `bkrc check`: its exit code, its output, its wall and CPU seconds."""

    code: int
    output: str
    wall: float
    cpu: float


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def check(path: Path) -> Checked:
    """`bkrc check PATH` in a process of its own, as a user runs it (python -m
    bkrdsl: the bkrc of this interpreter). A process per run: the caches of
    pattern answers start empty, as they do in every `bkrc check`. Bytecode is
    cached, whatever PYTHONDONTWRITEBYTECODE says. CPU: the child's user and
    system time, which other work on the machine moves less than the wall time."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bkrdsl", "check", str(path)], env=env, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    return Checked(done.returncode, done.stdout + done.stderr, wall, _children_cpu() - cpu)


def measure(paths: dict[tuple[str, int], Path], rounds: int, progress=None) -> dict[tuple[str, int], list[Checked]]:
    """`bkrc check` of each path, once per round, the order rotated round by round
    (so that a slow phase of the machine falls on every shape alike)."""
    keys = list(paths)
    samples: dict[tuple[str, int], list[Checked]] = {key: [] for key in keys}
    for turn in range(rounds):
        for key in keys[turn % len(keys) :] + keys[: turn % len(keys)]:
            samples[key].append(check(paths[key]))
        if progress is not None:
            progress(f"round {turn + 1}/{rounds}")
    return samples


def scaling_rows(sizes: list[int], medians: list[float]) -> list[tuple[int, float, float, float | None, float | None]]:
    """Per size: (size, median s, s per unit, added s per added unit since the
    size before, that over the same figure one step earlier). A cost linear in
    the axis keeps the added cost per unit flat (ratio about 1)."""
    rows = []
    added_before = None
    for k, (size, t) in enumerate(zip(sizes, medians, strict=True)):
        added = ratio = None
        if k:
            added = (t - medians[k - 1]) / (size - sizes[k - 1])
            if added_before:
                ratio = added / added_before
        rows.append((size, t, t / size, added, ratio))
        if added is not None:
            added_before = added
    return rows


def report(axis: str, samples: dict[tuple[str, int], list[Checked]]) -> list[str]:
    field, _, unit = AXES[axis]
    sizes = sorted(size for a, size in samples if a == axis)
    lines = [f"{axis}: per {unit}"]
    for what in ("cpu", "wall"):
        medians = [statistics.median(getattr(c, what) for c in samples[axis, size]) for size in sizes]
        head = f"{field:>7} {what + ' ms':>10} {'ms/unit':>9} {'added ms/unit':>14} {'vs step before':>15}"
        lines += [head + ("  outcome" if what == "cpu" else ""), "-" * len(head)]
        for size, t, per, added, ratio in scaling_rows(sizes, medians):
            line = (
                f"{size:>7,} {t * 1000:>10,.1f} {per * 1000:>9,.3f}"
                f" {'-' if added is None else f'{added * 1000:,.3f}':>14}"
                f" {'-' if ratio is None else f'{ratio:.2f}x':>15}"
            )
            lines.append(line + (f"  {outcome(samples[axis, size][0])}" if what == "cpu" else ""))
    return lines


def outcome(checked: Checked) -> str:
    """What `bkrc check` said: its exit code and its summary line."""
    text = checked.output.strip()
    return f"exit {checked.code}: {text.splitlines()[-1]}" if text else f"exit {checked.code}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--axes", nargs="+", choices=list(AXES), default=list(AXES))
    ap.add_argument("--sizes", type=int, nargs="+", help="sizes of every axis given (default: each axis's own)")
    ap.add_argument("--rounds", type=int, default=5, help="rounds, each checking every shape once")
    ap.add_argument("--users", type=int, default=BASE.users, help="users of the base cluster")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="write the generated files here instead of a temporary folder")
    args = ap.parse_args(argv)

    import platform

    import bkrdsl

    print(f"bkrdsl {bkrdsl.__version__} shapes benchmark: `bkrc check FILE` in a process each run, median of {args.rounds} rounds")
    base = replace(BASE, users=args.users)
    print(f"python {platform.python_version()} on {platform.machine()}, load average {os.getloadavg()[0]:.2f}")
    print(f"base shape: {base}")
    print()
    with tempfile.TemporaryDirectory(prefix="bkrdsl-shapes-") as tmp:
        folder = args.keep or Path(tmp)
        paths = {
            (axis, size): write(axis, size, folder, args.seed, base)
            for axis in args.axes
            for size in (args.sizes or AXES[axis][1])
        }
        for path in paths.values():
            check(path)  # untimed: writes the bytecode, warms the disk cache
        samples = measure(paths, args.rounds, progress=lambda text: print(text, file=sys.stderr, flush=True))
    for axis in args.axes:
        for line in report(axis, samples):
            print(line)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
